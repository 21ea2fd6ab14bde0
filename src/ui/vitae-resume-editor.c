/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vitae-application.h"
#include "vitae-image.h"
#include "vitae-resume-editor.h"
#include "vitae-template.h"

/* The editor is generated from the section schema: one group per section,
 * one expander row per entry, one row per field by its kind. Every edit goes
 * through VitaeHistory (undo) and is written by VitaeAutosave. */

#define PHOTO_MAX_SIZE  640
#define PHOTO_MAX_BYTES (1024 * 1024)

struct _VitaeResumeEditor
{
  AdwBin                parent_instance;

  GtkScrolledWindow    *scroller;
  GtkBox               *sections_box;

  VitaeStore           *store;
  VitaeResume          *resume;
  VitaeHistory         *history;
  VitaeAutosave        *autosave;
  char                 *status;

  AdwEntryRow          *title_row;
  AdwComboRow          *template_row;
  AdwComboRow          *page_size_row;
  GtkColorButton       *accent_button;
  AdwAvatar            *photo_avatar;
  GtkWidget            *photo_remove_button;
  GtkFileChooserNative *photo_chooser;
  GtkWidget            *groups[VITAE_N_SECTIONS];
  GPtrArray            *rows[VITAE_N_SECTIONS];
  VitaeSectionId        shown_order[VITAE_N_SECTIONS];
  guint                 n_shown_order;

  /* Set while the model is pushed into widgets, so it is not recorded back. */
  guint                 syncing;
};

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeResumeEditor, vitae_resume_editor, ADW_TYPE_BIN)

static const char * const page_size_ids[] = { "a4", "letter" };

static void rebuild_section (VitaeResumeEditor *self,
                             VitaeSectionId     section);

/* Helpers ------------------------------------------------------------------ */

static void
set_status (VitaeResumeEditor *self,
            const char        *status)
{
  if (g_strcmp0 (self->status, status) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
show_toast (VitaeResumeEditor *self,
            AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static const char *
validation_hint (VitaeFieldKind kind)
{
  switch (kind)
    {
    case VITAE_FIELD_DATE:
      return _("Use a year, a month or a day: 2019, 2019-04 or 2019-04-15");
    case VITAE_FIELD_EMAIL:
      return _("An email address looks like name@example.com");
    case VITAE_FIELD_URL:
      return _("A web address starts with https:// or http://");
    case VITAE_FIELD_TEXT:
    case VITAE_FIELD_MULTILINE:
    case VITAE_FIELD_STRING_LIST:
    default:
      return NULL;
    }
}

static void
show_validity (GtkWidget            *row,
               const VitaeFieldInfo *field,
               const char           *text)
{
  /* The value is kept either way: validation guides, it never blocks. */
  if (vitae_field_validate (field, text))
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
    }
  else
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, validation_hint (field->kind));
    }
}

static VitaeEntry *
entry_at (VitaeResumeEditor *self,
          const char        *section_key,
          guint              index)
{
  const VitaeSectionInfo *info = vitae_section_lookup (section_key);
  GListModel *model;
  VitaeEntry *entry;

  if (info == NULL || info->single)
    return NULL;
  model = vitae_resume_get_entries (self->resume, info->id);
  entry = g_list_model_get_item (model, index);
  if (entry != NULL)
    g_object_unref (entry);   /* the resume holds it */
  return entry;
}

static char *
field_widget_name (VitaeEntry           *entry,
                   guint                 index,
                   const VitaeFieldInfo *field)
{
  return g_strdup_printf ("field:%s:%u:%s", vitae_entry_get_section_info (entry)->key, index, field->key);
}

/* Text, date, URL and email fields ---------------------------------------- */

static void
on_text_row_changed (GtkEditable       *editable,
                     VitaeResumeEditor *self)
{
  VitaeEntry *entry = g_object_get_data (G_OBJECT (editable), "entry");
  const VitaeFieldInfo *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *text = gtk_editable_get_text (editable);

  show_validity (GTK_WIDGET (editable), field, text);
  if (self->syncing == 0)
    vitae_history_set_text (self->history, entry, field->key, text);
}

static void
on_text_field_changed (VitaeEntry  *entry,
                       const char  *key,
                       GtkEditable *editable)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (editable), VITAE_TYPE_RESUME_EDITOR));
  const char *value = vitae_entry_get_text (entry, key);

  if (self == NULL || g_strcmp0 (value ? value : "", gtk_editable_get_text (editable)) == 0)
    return;
  self->syncing++;
  gtk_editable_set_text (editable, value ? value : "");
  self->syncing--;
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                VitaeResumeEditor       *self)
{
  vitae_history_seal (self->history);
}

static void
watch_focus (VitaeResumeEditor *self,
             GtkWidget         *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (widget, focus);
}

static void
connect_field (gpointer              widget,
               VitaeEntry           *entry,
               const VitaeFieldInfo *field,
               GCallback             on_model_changed)
{
  g_autofree char *signal = g_strdup_printf ("changed::%s", field->key);

  g_object_set_data (G_OBJECT (widget), "entry", entry);
  g_object_set_data (G_OBJECT (widget), "field", (gpointer)field);
  g_signal_connect_object (entry, signal, on_model_changed, widget, 0);
}

static GtkWidget *
text_row_new (VitaeResumeEditor    *self,
              VitaeEntry           *entry,
              const VitaeFieldInfo *field)
{
  GtkWidget *row = adw_entry_row_new ();
  const char *value = vitae_entry_get_text (entry, field->key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
  if (field->kind == VITAE_FIELD_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
  else if (field->kind == VITAE_FIELD_URL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_URL);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  /* Ctrl+Z goes to the resume's history, not to one field's own. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  show_validity (row, field, value);

  connect_field (row, entry, field, G_CALLBACK (on_text_field_changed));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_text_row_changed), self, 0);
  watch_focus (self, row);
  return row;
}

/* "Ongoing" instead of an end date */

static void
on_ongoing_active (GtkSwitch         *toggle,
                   GParamSpec        *pspec,
                   VitaeResumeEditor *self)
{
  GtkWidget *end_row = g_object_get_data (G_OBJECT (toggle), "end-row");
  VitaeEntry *entry = g_object_get_data (G_OBJECT (end_row), "entry");
  const VitaeFieldInfo *field = g_object_get_data (G_OBJECT (end_row), "field");
  gboolean ongoing = gtk_switch_get_active (toggle);

  gtk_widget_set_sensitive (end_row, !ongoing);
  if (ongoing && self->syncing == 0 && vitae_entry_get_text (entry, field->key) != NULL)
    {
      vitae_history_seal (self->history);
      vitae_history_set_text (self->history, entry, field->key, NULL);
      vitae_history_seal (self->history);
    }
}

static void
on_end_date_changed (VitaeEntry *entry,
                     const char *key,
                     GtkSwitch  *toggle)
{
  /* An end date typed in, or brought back by Undo, ends "ongoing". */
  if (vitae_entry_get_text (entry, key) != NULL && gtk_switch_get_active (toggle))
    gtk_switch_set_active (toggle, FALSE);
}

static GtkWidget *
ongoing_row_new (VitaeResumeEditor *self,
                 VitaeEntry        *entry,
                 GtkWidget         *end_row)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *signal = g_strdup_printf ("changed::%s", info->end_field);
  gboolean ongoing = vitae_entry_get_text (entry, info->end_field) == NULL &&
                     vitae_entry_get_text (entry, info->start_field) != NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Ongoing"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Shown as “present” instead of an end date"));
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), ongoing);
  gtk_widget_set_sensitive (end_row, !ongoing);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (toggle), "end-row", end_row);
  g_signal_connect_object (toggle, "notify::active", G_CALLBACK (on_ongoing_active), self, 0);
  g_signal_connect_object (entry, signal, G_CALLBACK (on_end_date_changed), toggle, 0);
  gtk_widget_set_name (row, "ongoing");
  return row;
}

/* Multi-line fields --------------------------------------------------------- */

static void
on_buffer_changed (GtkTextBuffer     *buffer,
                   VitaeResumeEditor *self)
{
  VitaeEntry *entry = g_object_get_data (G_OBJECT (buffer), "entry");
  const VitaeFieldInfo *field = g_object_get_data (G_OBJECT (buffer), "field");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  vitae_history_set_text (self->history, entry, field->key, text);
}

static void
on_multiline_field_changed (VitaeEntry    *entry,
                            const char    *key,
                            GtkTextBuffer *buffer)
{
  VitaeResumeEditor *self = g_object_get_data (G_OBJECT (buffer), "editor");
  const char *value = vitae_entry_get_text (entry, key);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (value ? value : "", text) == 0)
    return;
  self->syncing++;
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  self->syncing--;
}

static GtkWidget *
multiline_row_new (VitaeResumeEditor    *self,
                   VitaeEntry           *entry,
                   const VitaeFieldInfo *field)
{
  /* A preferences row, so that a preferences group keeps it in its list. */
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(field->title));
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *value = vitae_entry_get_text (entry, field->key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "field-text");
  gtk_text_buffer_set_text (buffer, value ? value : "", -1);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->title), -1);

  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (buffer), "editor", self);
  connect_field (buffer, entry, field, G_CALLBACK (on_multiline_field_changed));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed), self, 0);
  g_object_set_data (G_OBJECT (row), "text-view", view);
  watch_focus (self, view);
  return row;
}

/* Lists: highlights, keywords, courses, roles ------------------------------- */

static GStrv
collect_items (GtkWidget *items_box)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (items_box); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *item = g_object_get_data (G_OBJECT (child), "item");
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (item)));

      if (*text != '\0')
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static void
store_items (VitaeResumeEditor *self,
             GtkWidget         *items_box)
{
  VitaeEntry *entry = g_object_get_data (G_OBJECT (items_box), "entry");
  const VitaeFieldInfo *field = g_object_get_data (G_OBJECT (items_box), "field");
  g_auto(GStrv) items = NULL;

  if (self->syncing != 0)
    return;
  items = collect_items (items_box);
  vitae_history_set_list (self->history, entry, field->key, (const char * const *)items);
}

static void on_remove_item_clicked (GtkButton         *button,
                                    VitaeResumeEditor *self);

static void
on_item_changed (GtkEditable       *editable,
                 VitaeResumeEditor *self)
{
  store_items (self, g_object_get_data (G_OBJECT (editable), "items-box"));
}

static GtkWidget *
add_item_widget (VitaeResumeEditor *self,
                 GtkWidget         *items_box,
                 const char        *text)
{
  const VitaeFieldInfo *field = g_object_get_data (G_OBJECT (items_box), "field");
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *item = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_hexpand (item, TRUE);
  gtk_widget_set_name (item, "item");
  gtk_editable_set_text (GTK_EDITABLE (item), text ? text : "");
  gtk_editable_set_enable_undo (GTK_EDITABLE (item), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->title), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  gtk_box_append (GTK_BOX (line), item);
  gtk_box_append (GTK_BOX (line), remove);
  gtk_box_append (GTK_BOX (items_box), line);

  g_object_set_data (G_OBJECT (line), "item", item);
  g_object_set_data (G_OBJECT (item), "items-box", items_box);
  g_object_set_data (G_OBJECT (remove), "line", line);
  g_signal_connect_object (item, "changed", G_CALLBACK (on_item_changed), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_item_clicked), self, 0);
  watch_focus (self, item);
  return item;
}

static void
fill_items (VitaeResumeEditor *self,
            GtkWidget         *items_box)
{
  VitaeEntry *entry = g_object_get_data (G_OBJECT (items_box), "entry");
  const VitaeFieldInfo *field = g_object_get_data (G_OBJECT (items_box), "field");
  const char * const *items = vitae_entry_get_list (entry, field->key);
  GtkWidget *child;

  self->syncing++;
  while ((child = gtk_widget_get_first_child (items_box)) != NULL)
    gtk_box_remove (GTK_BOX (items_box), child);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    add_item_widget (self, items_box, items[i]);
  self->syncing--;
}

static void
on_remove_item_clicked (GtkButton         *button,
                        VitaeResumeEditor *self)
{
  GtkWidget *line = g_object_get_data (G_OBJECT (button), "line");
  GtkWidget *items_box = gtk_widget_get_parent (line);

  vitae_history_seal (self->history);
  gtk_box_remove (GTK_BOX (items_box), line);
  store_items (self, items_box);
  vitae_history_seal (self->history);
}

static void
on_add_item_clicked (GtkButton         *button,
                     VitaeResumeEditor *self)
{
  GtkWidget *items_box = g_object_get_data (G_OBJECT (button), "items-box");

  vitae_history_seal (self->history);
  gtk_widget_grab_focus (add_item_widget (self, items_box, NULL));
}

static void
on_list_field_changed (VitaeEntry *entry,
                       const char *key,
                       GtkWidget  *items_box)
{
  VitaeResumeEditor *self = g_object_get_data (G_OBJECT (items_box), "editor");
  const char * const *items = vitae_entry_get_list (entry, key);
  g_auto(GStrv) shown = collect_items (items_box);

  if (g_strv_equal ((const char * const *)shown, items ? items : (const char * const[]) { NULL }))
    return;
  fill_items (self, items_box);
}

static GtkWidget *
list_row_new (VitaeResumeEditor    *self,
              VitaeEntry           *entry,
              const VitaeFieldInfo *field)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(field->title));
  GtkWidget *items_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *add = gtk_button_new ();
  GtkWidget *add_content = adw_button_content_new ();
  g_autofree char *add_label = g_strdup_printf (_("Add to %s"), _(field->title));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->title));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (add_content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (add_content), add_label);
  gtk_button_set_child (GTK_BUTTON (add), add_content);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  gtk_widget_set_name (add, "add-item");

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), items_box);
  gtk_box_append (GTK_BOX (box), add);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (items_box), "editor", self);
  connect_field (items_box, entry, field, G_CALLBACK (on_list_field_changed));
  g_object_set_data (G_OBJECT (add), "items-box", items_box);
  g_object_set_data (G_OBJECT (row), "items-box", items_box);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_item_clicked), self, 0);
  fill_items (self, items_box);
  return row;
}

/* Entries ------------------------------------------------------------------- */

typedef void (*AddRowFunc) (GtkWidget *container,
                            GtkWidget *row);

static void
add_field_rows (VitaeResumeEditor *self,
                VitaeEntry        *entry,
                guint              index,
                GtkWidget         *container,
                AddRowFunc         add_row)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];
      g_autofree char *name = field_widget_name (entry, index, field);
      GtkWidget *row;

      switch (field->kind)
        {
        case VITAE_FIELD_MULTILINE:
          row = multiline_row_new (self, entry, field);
          break;
        case VITAE_FIELD_STRING_LIST:
          row = list_row_new (self, entry, field);
          break;
        case VITAE_FIELD_TEXT:
        case VITAE_FIELD_DATE:
        case VITAE_FIELD_URL:
        case VITAE_FIELD_EMAIL:
        default:
          row = text_row_new (self, entry, field);
          break;
        }
      gtk_widget_set_name (row, name);
      add_row (container, row);

      if (info->end_field != NULL && info->start_field != NULL && g_str_equal (field->key, info->end_field))
        add_row (container, ongoing_row_new (self, entry, row));
    }
}

static void
update_entry_title (VitaeEntry *entry,
                    const char *key,
                    GtkWidget  *row)
{
  g_autofree char *summary = vitae_entry_dup_summary (entry);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary);
}

static void
on_expanded_changed (AdwExpanderRow *row,
                     GParamSpec     *pspec,
                     VitaeEntry     *entry)
{
  /* Remembered on the entry, so a rebuild keeps it open. */
  g_object_set_data (G_OBJECT (entry), "vitae-editor-expanded",
                     GINT_TO_POINTER (adw_expander_row_get_expanded (row)));
}

static GMenuModel *
entry_menu_new (VitaeEntry *entry,
                guint       index,
                guint       n_entries)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) edits = g_menu_new ();
  const char *key = vitae_entry_get_section_info (entry)->key;
  struct { GMenu *menu; const char *label; const char *action; gboolean enabled; } items[] = {
    { moves, N_("Move _Up"), "editor.move-entry-up", index > 0 },
    { moves, N_("Move _Down"), "editor.move-entry-down", index + 1 < n_entries },
    { edits, N_("D_uplicate"), "editor.duplicate-entry", TRUE },
    { edits, N_("_Delete"), "editor.delete-entry", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!items[i].enabled)
        continue;
      item = g_menu_item_new (_(items[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new ("(su)", key, index));
      g_menu_append_item (items[i].menu, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edits));
  return G_MENU_MODEL (menu);
}

static void
add_expander_row (GtkWidget *expander,
                  GtkWidget *row)
{
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
}

static void
add_group_row (GtkWidget *group,
               GtkWidget *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* Drag an entry's row onto another of its section to move it there. */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  VitaeEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  GValue value = G_VALUE_INIT;
  GdkContentProvider *provider;

  g_value_init (&value, VITAE_TYPE_ENTRY);
  g_value_set_object (&value, entry);
  provider = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return provider;
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         VitaeResumeEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  VitaeEntry *target_entry = g_object_get_data (G_OBJECT (row), "entry");
  VitaeEntry *dragged = g_value_get_object (value);
  GListModel *model;
  guint position;

  if (dragged == NULL || dragged == target_entry ||
      vitae_entry_get_section (dragged) != vitae_entry_get_section (target_entry))
    return FALSE;

  model = vitae_resume_get_entries (self->resume, vitae_entry_get_section (target_entry));
  if (!g_list_store_find (G_LIST_STORE (model), target_entry, &position))
    return FALSE;
  return vitae_history_move_entry (self->history, dragged, position);
}

static GtkWidget *
entry_row_new (VitaeResumeEditor *self,
               VitaeEntry        *entry,
               guint              index,
               guint              n_entries)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenuModel) menu = entry_menu_new (entry, index, n_entries);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (VITAE_TYPE_ENTRY, GDK_ACTION_MOVE);
  g_autofree char *name = g_strdup_printf ("entry:%s:%u", vitae_entry_get_section_info (entry)->key, index);

  gtk_widget_set_name (row, name);
  g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (entry), g_object_unref);
  update_entry_title (entry, NULL, row);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Entry Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Entry Menu"), -1);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), menu_button);

  add_field_rows (self, entry, index, row, add_expander_row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "vitae-editor-expanded")));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_expanded_changed), entry, 0);
  g_signal_connect_object (entry, "changed", G_CALLBACK (update_entry_title), row, 0);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (on_drag_prepare), row, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin), row, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  return row;
}

/* Sections ------------------------------------------------------------------ */

static GMenuModel *
section_menu_new (VitaeResumeEditor *self,
                  VitaeSectionId     section)
{
  const VitaeSectionInfo *info = vitae_section_get_info (section);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) layout = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  gboolean ordered = section >= VITAE_SECTION_WORK;

#define ITEM(menu_, label_, action_)                                             \
  G_STMT_START {                                                                 \
    g_autoptr(GMenuItem) item_ = g_menu_item_new (label_, NULL);                 \
    g_menu_item_set_action_and_target_value (item_, action_, g_variant_new_string (info->key)); \
    g_menu_append_item (menu_, item_);                                           \
  } G_STMT_END

  ITEM (layout, _("_Add Entry"), "editor.add-entry");
  if (ordered)
    {
      ITEM (layout, _("_Rename Heading…"), "editor.rename-section");
      ITEM (layout, vitae_resume_get_section_visible (self->resume, section)
                      ? _("_Hide from Resume") : _("_Show in Resume"),
            "editor.toggle-section");
      ITEM (moves, _("Move Section _Up"), "editor.move-section-up");
      ITEM (moves, _("Move Section _Down"), "editor.move-section-down");
    }
#undef ITEM

  g_menu_append_section (menu, NULL, G_MENU_MODEL (layout));
  if (ordered)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  return G_MENU_MODEL (menu);
}

static void
update_section_header (VitaeResumeEditor *self,
                       VitaeSectionId     section)
{
  GtkWidget *group = self->groups[section];
  GtkMenuButton *menu_button = g_object_get_data (G_OBJECT (group), "menu-button");
  g_autoptr(GMenuModel) menu = section_menu_new (self, section);
  gboolean visible = vitae_resume_get_section_visible (self->resume, section);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   section == VITAE_SECTION_PROFILES
                                     ? _(vitae_section_get_info (section)->title)
                                     : vitae_resume_get_section_title (self->resume, section));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         visible ? NULL : _("Hidden from the resume"));
  gtk_menu_button_set_menu_model (menu_button, menu);
}

static GtkWidget *
section_group_new (VitaeResumeEditor *self,
                   VitaeSectionId     section)
{
  const VitaeSectionInfo *info = vitae_section_get_info (section);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autofree char *add_label = g_strdup_printf (_("Add %s"), _(info->entry_noun));
  g_autofree char *menu_label = g_strdup_printf (_("%s Menu"), _(info->title));
  g_autofree char *name = g_strdup_printf ("section:%s", info->key);

  gtk_widget_set_name (group, name);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "editor.add-entry");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (add), g_variant_new_string (info->key));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_box_append (GTK_BOX (suffix), add);
  gtk_box_append (GTK_BOX (suffix), menu_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  g_object_set_data (G_OBJECT (group), "menu-button", menu_button);

  self->groups[section] = group;
  self->rows[section] = g_ptr_array_new ();
  update_section_header (self, section);
  return group;
}

static void
rebuild_section (VitaeResumeEditor *self,
                 VitaeSectionId     section)
{
  GtkWidget *group = self->groups[section];
  GListModel *model = vitae_resume_get_entries (self->resume, section);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < self->rows[section]->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (self->rows[section], i));
  g_ptr_array_set_size (self->rows[section], 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitaeEntry) entry = g_list_model_get_item (model, i);
      GtkWidget *row = entry_row_new (self, entry, i, n);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows[section], row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing here yet: add an entry with +"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows[section], row);
    }
}

static void
on_section_items_changed (GListModel        *model,
                          guint              position,
                          guint              removed,
                          guint              added,
                          VitaeResumeEditor *self)
{
  for (guint s = VITAE_SECTION_PROFILES; s < VITAE_N_SECTIONS; s++)
    if (vitae_resume_get_entries (self->resume, s) == model)
      rebuild_section (self, s);
}

/* Puts the section groups in the resume's order and refreshes their headers. */
static void
sync_layout (VitaeResumeEditor *self)
{
  VitaeSectionId order[VITAE_N_SECTIONS];
  guint n = vitae_resume_get_section_order (self->resume, order);
  GtkWidget *previous = self->groups[VITAE_SECTION_PROFILES];

  for (guint i = 0; i < n; i++)
    {
      gtk_box_reorder_child_after (self->sections_box, self->groups[order[i]], previous);
      previous = self->groups[order[i]];
      update_section_header (self, order[i]);
    }
  memcpy (self->shown_order, order, sizeof order);
  self->n_shown_order = n;
}

/* Resume settings and basics ------------------------------------------------ */

static void
on_title_row_changed (GtkEditable       *editable,
                      VitaeResumeEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  if (self->syncing == 0 && *title != '\0')
    vitae_resume_set_title (self->resume, title);
}

static void
on_template_selected (AdwComboRow       *row,
                      GParamSpec        *pspec,
                      VitaeResumeEditor *self)
{
  guint n;
  const VitaeTemplate *templates = vitae_template_get_all (&n);
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing == 0 && selected < n)
    vitae_resume_set_template (self->resume, templates[selected].id);
}

static void
on_page_size_selected (AdwComboRow       *row,
                       GParamSpec        *pspec,
                       VitaeResumeEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing == 0 && selected < G_N_ELEMENTS (page_size_ids))
    vitae_resume_set_page_size (self->resume, page_size_ids[selected]);
}

static void
on_accent_set (GtkColorButton    *button,
               VitaeResumeEditor *self)
{
  GdkRGBA rgba;
  g_autofree char *hex = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x", (int)(rgba.red * 255 + .5),
                         (int)(rgba.green * 255 + .5), (int)(rgba.blue * 255 + .5));
  vitae_resume_set_accent (self->resume, hex);
}

static void
sync_settings (VitaeResumeEditor *self)
{
  guint n;
  const VitaeTemplate *templates = vitae_template_get_all (&n);
  GdkRGBA rgba;

  self->syncing++;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), vitae_resume_get_title (self->resume)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), vitae_resume_get_title (self->resume));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (templates[i].id, vitae_resume_get_template (self->resume)) == 0)
      adw_combo_row_set_selected (self->template_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (page_size_ids); i++)
    if (g_strcmp0 (page_size_ids[i], vitae_resume_get_page_size (self->resume)) == 0)
      adw_combo_row_set_selected (self->page_size_row, i);
  if (gdk_rgba_parse (&rgba, vitae_resume_get_accent (self->resume)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->accent_button), &rgba);
  self->syncing--;
}

static GtkWidget *
settings_group_new (VitaeResumeEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) template_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) page_sizes = gtk_string_list_new (NULL);
  GtkWidget *accent_row = adw_action_row_new ();
  guint n;
  const VitaeTemplate *templates = vitae_template_get_all (&n);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Resume"));
  gtk_widget_set_name (group, "section:settings");

  self->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->title_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("Title"));
  gtk_widget_set_name (GTK_WIDGET (self->title_row), "resume-title");
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_row_changed), self, 0);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (template_names, _(templates[i].name));
  self->template_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->template_row), _("Template"));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (template_names));
  gtk_widget_set_name (GTK_WIDGET (self->template_row), "resume-template");

  gtk_string_list_append (page_sizes, _("A4"));
  gtk_string_list_append (page_sizes, _("US Letter"));
  self->page_size_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->page_size_row), _("Page Size"));
  adw_combo_row_set_model (self->page_size_row, G_LIST_MODEL (page_sizes));
  gtk_widget_set_name (GTK_WIDGET (self->page_size_row), "resume-page-size");

  self->accent_button = GTK_COLOR_BUTTON (gtk_color_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->accent_button), GTK_ALIGN_CENTER);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (self->accent_button), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->accent_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Accent Colour"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (accent_row), _("Accent Colour"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (accent_row), GTK_WIDGET (self->accent_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (accent_row), GTK_WIDGET (self->accent_button));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->title_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->template_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->page_size_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), accent_row);

  sync_settings (self);
  g_signal_connect_object (self->template_row, "notify::selected", G_CALLBACK (on_template_selected), self, 0);
  g_signal_connect_object (self->page_size_row, "notify::selected", G_CALLBACK (on_page_size_selected), self, 0);
  g_signal_connect_object (self->accent_button, "color-set", G_CALLBACK (on_accent_set), self, 0);
  return group;
}

static void
sync_photo (VitaeResumeEditor *self)
{
  GBytes *photo = vitae_resume_get_photo (self->resume);
  g_autoptr(GdkTexture) texture = NULL;

  if (photo != NULL)
    texture = gdk_texture_new_from_bytes (photo, NULL);
  adw_avatar_set_custom_image (self->photo_avatar, GDK_PAINTABLE (texture));
  adw_avatar_set_text (self->photo_avatar, vitae_resume_get_candidate_name (self->resume));
  gtk_widget_set_sensitive (self->photo_remove_button, photo != NULL);
}

static GtkWidget *
photo_row_new (VitaeResumeEditor *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Photo"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Shown where the template places it"));
  self->photo_avatar = ADW_AVATAR (adw_avatar_new (48, NULL, TRUE));
  gtk_widget_set_margin_top (GTK_WIDGET (self->photo_avatar), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->photo_avatar), 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), GTK_WIDGET (self->photo_avatar));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "editor.choose-photo");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Photo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Photo"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-photo");
  self->photo_remove_button = remove;
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  sync_photo (self);
  return row;
}

static void
on_resume_changed (VitaeResume       *resume,
                   VitaeResumeEditor *self)
{
  VitaeSectionId order[VITAE_N_SECTIONS];
  guint n = vitae_resume_get_section_order (resume, order);
  gboolean layout_changed = n != self->n_shown_order || memcmp (order, self->shown_order, n * sizeof *order) != 0;

  /* Headings and visibility are cheap to refresh; moves reorder groups. */
  if (layout_changed)
    sync_layout (self);
  else
    for (guint i = 0; i < n; i++)
      update_section_header (self, order[i]);
  sync_settings (self);
  sync_photo (self);
}

static void
on_autosave_state (VitaeAutosave     *autosave,
                   GParamSpec        *pspec,
                   VitaeResumeEditor *self)
{
  switch (vitae_autosave_get_state (autosave))
    {
    case VITAE_AUTOSAVE_SAVED:
      set_status (self, _("Saved"));
      break;
    case VITAE_AUTOSAVE_PENDING:
      set_status (self, _("Saving…"));
      break;
    case VITAE_AUTOSAVE_FAILED:
    default:
      set_status (self, _("Not saved: Vitae will try again"));
      {
        g_autofree char *message = g_strdup_printf (_("Could not save: %s"), vitae_autosave_get_error (autosave)->message);
        show_toast (self, adw_toast_new (message));
      }
      break;
    }
}

static void
build (VitaeResumeEditor *self)
{
  GtkWidget *basics = adw_preferences_group_new ();

  gtk_box_append (self->sections_box, settings_group_new (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (basics), _("Personal Details"));
  gtk_widget_set_name (basics, "section:basics");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (basics), photo_row_new (self));
  add_field_rows (self, vitae_resume_get_basics (self->resume), 0, basics, add_group_row);
  self->groups[VITAE_SECTION_BASICS] = basics;
  gtk_box_append (self->sections_box, basics);

  for (guint s = VITAE_SECTION_PROFILES; s < VITAE_N_SECTIONS; s++)
    {
      gtk_box_append (self->sections_box, section_group_new (self, s));
      rebuild_section (self, s);
      g_signal_connect_object (vitae_resume_get_entries (self->resume, s), "items-changed",
                               G_CALLBACK (on_section_items_changed), self, 0);
    }
  sync_layout (self);

  g_signal_connect_object (self->resume, "changed", G_CALLBACK (on_resume_changed), self, 0);
  g_signal_connect_object (self->autosave, "notify::state", G_CALLBACK (on_autosave_state), self, 0);
  set_status (self, _("Saved"));
}

/* Actions ------------------------------------------------------------------- */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vitae_history_undo (VITAE_RESUME_EDITOR (widget)->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vitae_history_redo (VITAE_RESUME_EDITOR (widget)->history);
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (widget);
  const VitaeSectionInfo *info = vitae_section_lookup (g_variant_get_string (parameter, NULL));
  VitaeEntry *entry;
  GtkWidget *row;

  if (info == NULL || info->single)
    return;
  vitae_history_seal (self->history);
  entry = vitae_history_add_entry (self->history, info->id);
  g_object_set_data (G_OBJECT (entry), "vitae-editor-expanded", GINT_TO_POINTER (TRUE));
  rebuild_section (self, info->id);
  row = g_ptr_array_index (self->rows[info->id], self->rows[info->id]->len - 1);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (row);
}

static void
move_entry (VitaeResumeEditor *self,
            GVariant          *parameter,
            int                delta)
{
  const char *key;
  guint index;
  VitaeEntry *entry;

  g_variant_get (parameter, "(&su)", &key, &index);
  entry = entry_at (self, key, index);
  if (entry == NULL || (delta < 0 && index == 0))
    return;
  vitae_history_move_entry (self->history, entry, index + delta);
}

static void
move_entry_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_entry (VITAE_RESUME_EDITOR (widget), parameter, -1);
}

static void
move_entry_down_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_entry (VITAE_RESUME_EDITOR (widget), parameter, 1);
}

static void
duplicate_entry_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (widget);
  g_autoptr(VitaeEntry) copy = NULL;
  const char *key;
  guint index;
  VitaeEntry *entry;

  g_variant_get (parameter, "(&su)", &key, &index);
  entry = entry_at (self, key, index);
  if (entry == NULL)
    return;
  copy = vitae_entry_copy (entry);
  vitae_entry_set_id (copy, 0);   /* a new row, not the original's */
  vitae_history_insert_entry (self->history, copy, index + 1);
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (widget);
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  const char *key;
  guint index;
  VitaeEntry *entry;

  g_variant_get (parameter, "(&su)", &key, &index);
  entry = entry_at (self, key, index);
  if (entry == NULL)
    return;

  summary = vitae_entry_dup_summary (entry);
  if (!vitae_history_remove_entry (self->history, entry))
    return;

  /* Translators: %s names the deleted entry, as in “Engineer — Acme · 2019–2022” */
  title = g_strdup_printf (_("“%s” deleted"), summary);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "editor.undo");
  show_toast (self, toast);
}

static void
toggle_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (widget);
  const VitaeSectionInfo *info = vitae_section_lookup (g_variant_get_string (parameter, NULL));

  if (info != NULL)
    vitae_resume_set_section_visible (self->resume, info->id,
                                      !vitae_resume_get_section_visible (self->resume, info->id));
}

static void
move_section (VitaeResumeEditor *self,
              GVariant          *parameter,
              int                delta)
{
  const VitaeSectionInfo *info = vitae_section_lookup (g_variant_get_string (parameter, NULL));
  VitaeSectionId order[VITAE_N_SECTIONS];
  guint n = vitae_resume_get_section_order (self->resume, order);

  if (info == NULL)
    return;
  for (guint i = 0; i < n; i++)
    if (order[i] == info->id)
      {
        int j = (int)i + delta;
        if (j < 0 || j >= (int)n)
          return;
        order[i] = order[j];
        order[j] = info->id;
        vitae_resume_set_section_order (self->resume, order, n);
        return;
      }
}

static void
move_section_up_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_section (VITAE_RESUME_EDITOR (widget), parameter, -1);
}

static void
move_section_down_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  move_section (VITAE_RESUME_EDITOR (widget), parameter, 1);
}

static void
on_rename_section_response (AdwMessageDialog  *dialog,
                            const char        *response,
                            VitaeResumeEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  VitaeSectionId section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "section"));
  g_autofree char *heading = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "rename") == 0)
    vitae_resume_set_section_heading (self->resume, section, heading);
  else if (g_strcmp0 (response, "reset") == 0)
    vitae_resume_set_section_heading (self->resume, section, NULL);
}

static void
rename_section_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (widget);
  const VitaeSectionInfo *info = vitae_section_lookup (g_variant_get_string (parameter, NULL));
  GtkWidget *dialog, *entry;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (info == NULL || info->id < VITAE_SECTION_WORK)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Rename Heading"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The heading the resume shows for “%s”, such as “Experience” for Work"),
                                  _(info->title));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), vitae_resume_get_section_title (self->resume, info->id));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Heading"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("Use _Default"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "section", GUINT_TO_POINTER (info->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_section_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_photo_chooser_response (GtkNativeDialog   *chooser,
                           int                response,
                           VitaeResumeEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->photo_chooser);
  if (file != NULL && !vitae_resume_editor_set_photo_file (self, file, &error))
    show_toast (self, adw_toast_new (error->message));
}

static void
choose_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->photo_chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  self->photo_chooser = gtk_file_chooser_native_new (_("Choose a Photo"),
                                                     GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                     GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->photo_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->photo_chooser), TRUE);
  g_signal_connect (self->photo_chooser, "response", G_CALLBACK (on_photo_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->photo_chooser));
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  vitae_resume_set_photo (VITAE_RESUME_EDITOR (widget)->resume, NULL);
}

static gboolean
move_focused_entry_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_EXPANDER_ROW) : NULL;
  VitaeEntry *entry = row ? g_object_get_data (G_OBJECT (row), "entry") : NULL;
  GListModel *model;
  guint position;
  int delta = g_variant_get_int32 (args);

  if (entry == NULL)
    return FALSE;
  model = vitae_resume_get_entries (self->resume, vitae_entry_get_section (entry));
  if (!g_list_store_find (G_LIST_STORE (model), entry, &position) || (delta < 0 && position == 0))
    return TRUE;
  vitae_history_move_entry (self->history, entry, position + delta);
  return TRUE;
}

/* GObject ------------------------------------------------------------------- */

static void
vitae_resume_editor_dispose (GObject *object)
{
  VitaeResumeEditor *self = (VitaeResumeEditor *)object;

  if (self->autosave != NULL)
    vitae_autosave_flush (self->autosave, NULL);
  if (self->photo_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->photo_chooser));
  g_clear_object (&self->photo_chooser);
  /* AdwBin unparents its child itself; let go of it before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_RESUME_EDITOR);
  for (guint s = 0; s < VITAE_N_SECTIONS; s++)
    g_clear_pointer (&self->rows[s], g_ptr_array_unref);
  g_clear_object (&self->autosave);
  g_clear_object (&self->history);
  g_clear_object (&self->resume);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vitae_resume_editor_parent_class)->dispose (object);
}

static void
vitae_resume_editor_finalize (GObject *object)
{
  VitaeResumeEditor *self = (VitaeResumeEditor *)object;

  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (vitae_resume_editor_parent_class)->finalize (object);
}

static void
vitae_resume_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VitaeResumeEditor *self = VITAE_RESUME_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_resume_editor_class_init (VitaeResumeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_resume_editor_dispose;
  object_class->finalize = vitae_resume_editor_finalize;
  object_class->get_property = vitae_resume_editor_get_property;

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-resume-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeEditor, sections_box);

  gtk_widget_class_install_action (widget_class, "editor.add-entry", "s", add_entry_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-photo", NULL, choose_photo_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-entry", "(su)", delete_entry_action);
  gtk_widget_class_install_action (widget_class, "editor.duplicate-entry", "(su)", duplicate_entry_action);
  gtk_widget_class_install_action (widget_class, "editor.move-entry-down", "(su)", move_entry_down_action);
  gtk_widget_class_install_action (widget_class, "editor.move-entry-up", "(su)", move_entry_up_action);
  gtk_widget_class_install_action (widget_class, "editor.move-section-down", "s", move_section_down_action);
  gtk_widget_class_install_action (widget_class, "editor.move-section-up", "s", move_section_up_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-photo", NULL, remove_photo_action);
  gtk_widget_class_install_action (widget_class, "editor.rename-section", "s", rename_section_action);
  gtk_widget_class_install_action (widget_class, "editor.toggle-section", "s", toggle_section_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_ALT_MASK, move_focused_entry_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_ALT_MASK, move_focused_entry_cb, "i", 1);
}

static void
vitae_resume_editor_init (VitaeResumeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API ---------------------------------------------------------------- */

/**
 * vitae_resume_editor_new:
 * @resume: a resume loaded from @store
 *
 * Returns: (transfer full): an editor for @resume that saves as it goes
 */
VitaeResumeEditor *
vitae_resume_editor_new (VitaeStore  *store,
                         VitaeResume *resume)
{
  VitaeResumeEditor *self;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);
  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);

  self = g_object_new (VITAE_TYPE_RESUME_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->resume = g_object_ref (resume);
  self->history = vitae_history_new (resume);
  self->autosave = vitae_autosave_new (store, resume);
  build (self);
  return self;
}

VitaeResume *
vitae_resume_editor_get_resume (VitaeResumeEditor *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME_EDITOR (self), NULL);
  return self->resume;
}

VitaeHistory *
vitae_resume_editor_get_history (VitaeResumeEditor *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME_EDITOR (self), NULL);
  return self->history;
}

VitaeAutosave *
vitae_resume_editor_get_autosave (VitaeResumeEditor *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME_EDITOR (self), NULL);
  return self->autosave;
}

/**
 * vitae_resume_editor_get_status:
 *
 * Returns: what the "Saved" indicator says: "Saved", "Saving…", or that the
 *   last save failed
 */
const char *
vitae_resume_editor_get_status (VitaeResumeEditor *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME_EDITOR (self), NULL);
  return self->status;
}

/**
 * vitae_resume_editor_flush:
 *
 * Writes pending edits now: closing the window or switching resume.
 */
gboolean
vitae_resume_editor_flush (VitaeResumeEditor  *self,
                           GError            **error)
{
  g_return_val_if_fail (VITAE_IS_RESUME_EDITOR (self), FALSE);
  return vitae_autosave_flush (self->autosave, error);
}

/**
 * vitae_resume_editor_set_photo_file:
 *
 * Scales the picture (at most 640 px, JPEG, about 1 MB at most) and stores it
 * on the resume; a file that is not a picture is refused and changes nothing.
 */
gboolean
vitae_resume_editor_set_photo_file (VitaeResumeEditor  *self,
                                    GFile              *file,
                                    GError            **error)
{
  g_autoptr(GBytes) photo = NULL;

  g_return_val_if_fail (VITAE_IS_RESUME_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  photo = vitae_image_load_scaled (file, PHOTO_MAX_SIZE, "jpeg", error);
  if (photo == NULL)
    return FALSE;
  if (g_bytes_get_size (photo) > PHOTO_MAX_BYTES)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("The photo is too large even when scaled down. Choose a simpler picture."));
      return FALSE;
    }
  vitae_resume_set_photo (self->resume, photo);
  return TRUE;
}
