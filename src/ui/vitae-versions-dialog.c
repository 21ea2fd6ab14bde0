/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-versions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-render.h"
#include "vitae-versions-dialog.h"

/* The list of versions beside a preview of the selected one: its pages,
 * laid out and drawn by the renderer on a worker thread from the version
 * read back as a resume. Restoring goes through vitae_versions_restore()
 * (which saves what it replaces) after the editor's pending edits are
 * written, then the window opens the resume again from the store. */

/* Width of a previewed page, in pixels at scale 1. */
#define PREVIEW_PAGE_WIDTH 440

struct _VitaeVersionsDialog
{
  AdwWindow        parent_instance;

  /* template children */
  GtkWidget       *delete_button;
  GtkListBox      *list;
  GtkBox          *pages_box;
  AdwStatusPage   *preview_error;
  GtkSpinner      *preview_spinner;
  GtkStack        *preview_stack;
  GtkWidget       *restore_button;
  GtkWidget       *save_button;
  GtkStack        *stack;
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;

  VitaeWindow     *window;
  VitaeStore      *store;
  gint64           resume_id;
  GListStore      *versions;
  GCancellable    *preview_cancellable;
  guint            preview_pages;
};

enum {
  PROP_0,
  PROP_PREVIEW_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeVersionsDialog, vitae_versions_dialog, ADW_TYPE_WINDOW)

typedef struct {
  int     width;
  int     height;
  int     stride;
  GBytes *pixels;
} PageImage;

static void
page_image_free (gpointer data)
{
  PageImage *image = data;

  g_bytes_unref (image->pixels);
  g_free (image);
}

static void
show_error (VitaeVersionsDialog *self,
            const GError        *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
format_version_time (gint64 unix_time)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (then == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (then) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (now))
    /* Translators: when a version was saved, a g_date_time_format() string */
    return g_date_time_format (then, _("Today at %H:%M"));
  if (g_date_time_get_year (then) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (yesterday))
    /* Translators: when a version was saved, a g_date_time_format() string */
    return g_date_time_format (then, _("Yesterday at %H:%M"));
  /* Translators: when a version was saved, a g_date_time_format() string */
  return g_date_time_format (then, _("%-d %B %Y at %H:%M"));
}

/* The same, inside a sentence: "today at 09:12", "on 3 March 2026 at 09:12". */
static char *
format_version_time_in_sentence (gint64 unix_time)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_unix_local (unix_time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (then == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (then) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (now))
    /* Translators: inside a sentence, a g_date_time_format() string */
    return g_date_time_format (then, _("today at %H:%M"));
  if (g_date_time_get_year (then) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (yesterday))
    /* Translators: inside a sentence, a g_date_time_format() string */
    return g_date_time_format (then, _("yesterday at %H:%M"));
  /* Translators: inside a sentence, a g_date_time_format() string */
  return g_date_time_format (then, _("on %-d %B %Y at %H:%M"));
}

static const char *
version_title (VitaeVersion *version)
{
  const char *label = vitae_version_get_label (version);
  return label != NULL && *label != '\0' ? label : _("Untitled Version");
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  VitaeVersion *version = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = format_version_time (vitae_version_get_created_at (version));

  /* A label is the person's own text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), version_title (version));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), "version", g_object_ref (version), g_object_unref);
  return row;
}

static void
set_preview_pages (VitaeVersionsDialog *self,
                   guint                n)
{
  if (self->preview_pages == n)
    return;
  self->preview_pages = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_PAGES]);
}

static void
clear_pages (VitaeVersionsDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  set_preview_pages (self, 0);
}

static void
update_actions (VitaeVersionsDialog *self)
{
  gboolean selected = gtk_list_box_get_selected_row (self->list) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.restore", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "versions.delete", selected);
}

/* Preview ------------------------------------------------------------------ */

static void
render_pages_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  VitaeResume *resume = task_data;
  double scale = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "scale")) / 100.0;
  g_autoptr(VitaeRenderDocument) document = NULL;
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (page_image_free);
  GError *error = NULL;
  double width, height;

  document = vitae_render_document_new (resume, NULL, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  vitae_render_document_get_page_size (document, &width, &height);

  for (guint i = 0; i < vitae_render_document_get_n_pages (document); i++)
    {
      PageImage *image = g_new0 (PageImage, 1);
      cairo_surface_t *surface;
      cairo_t *cr;
      double page_scale = scale * PREVIEW_PAGE_WIDTH / width;

      if (g_task_return_error_if_cancelled (task))
        {
          g_free (image);
          return;
        }

      image->width = (int)(width * page_scale + 0.5);
      image->height = (int)(height * page_scale + 0.5);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, image->width, image->height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, page_scale, page_scale);
      vitae_render_document_draw_page (document, cr, i);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      image->stride = cairo_image_surface_get_stride (surface);
      image->pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                   (gsize)image->stride * image->height);
      cairo_surface_destroy (surface);
      g_ptr_array_add (images, image);
    }

  g_task_return_pointer (task, g_steal_pointer (&images), (GDestroyNotify)g_ptr_array_unref);
}

static void
on_pages_rendered (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  VitaeVersionsDialog *self = VITAE_VERSIONS_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = g_task_propagate_pointer (G_TASK (result), &error);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (images == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_spinner_stop (self->preview_spinner);
      adw_status_page_set_description (self->preview_error, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
      return;
    }

  clear_pages (self);
  for (guint i = 0; i < images->len; i++)
    {
      PageImage *image = g_ptr_array_index (images, i);
      g_autoptr(GdkTexture) texture = NULL;
      GtkWidget *picture;
      g_autofree char *name = NULL;

      /* Cairo's ARGB32 is premultiplied, native-endian: GDK's default format. */
      texture = gdk_memory_texture_new (image->width, image->height, GDK_MEMORY_DEFAULT,
                                        image->pixels, image->stride);
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, image->width / scale, image->height / scale);
      gtk_widget_add_css_class (picture, "card");
      /* Translators: the accessible name of a previewed page; %u is its number */
      name = g_strdup_printf (_("Page %u"), i + 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_box_append (self->pages_box, picture);
    }
  gtk_spinner_stop (self->preview_spinner);
  gtk_stack_set_visible_child_name (self->preview_stack, "pages");
  set_preview_pages (self, images->len);
}

static void
show_preview (VitaeVersionsDialog *self,
              VitaeVersion        *version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(GTask) task = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  clear_pages (self);

  if (version == NULL)
    return;

  resume = vitae_versions_load (self->store, vitae_version_get_id (version), &error);
  if (resume == NULL)
    {
      adw_status_page_set_description (self->preview_error, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
      return;
    }

  gtk_stack_set_visible_child_name (self->preview_stack, "loading");
  gtk_spinner_start (self->preview_spinner);
  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->preview_cancellable, on_pages_rendered, NULL);
  g_task_set_source_tag (task, show_preview);
  /* The loaded resume belongs to this task alone: the thread may read it. */
  g_task_set_task_data (task, g_steal_pointer (&resume), g_object_unref);
  g_object_set_data (G_OBJECT (task), "scale", GUINT_TO_POINTER ((guint)(MAX (scale, 1) * 100)));
  g_task_run_in_thread (task, render_pages_thread);
}

/* List --------------------------------------------------------------------- */

static void
reload (VitaeVersionsDialog *self,
        gint64               select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = vitae_versions_list (self->store, self->resume_id, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (versions == NULL)
    {
      show_error (self, error);
      return;
    }
  n = g_list_model_get_n_items (versions);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (versions, i));
  g_list_store_splice (self->versions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->versions)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : "versions");
  if (n == 0)
    {
      show_preview (self, NULL);
      update_actions (self);
      return;
    }
  vitae_versions_dialog_select (self, select_id);
}

static void
on_row_selected (VitaeVersionsDialog *self,
                 GtkListBoxRow       *row)
{
  VitaeVersion *version = row ? g_object_get_data (G_OBJECT (row), "version") : NULL;

  if (self->list == NULL)
    return;  /* disposing */
  update_actions (self);
  show_preview (self, version);
}

/* The live resume when the window has it open (unsaved edits and all),
 * else the stored one. */
static VitaeResume *
current_resume (VitaeVersionsDialog  *self,
                GError              **error)
{
  VitaeResume *open = vitae_window_get_open_resume (self->window);

  if (open != NULL && vitae_resume_get_id (open) == self->resume_id)
    return g_object_ref (open);
  return vitae_store_load_resume (self->store, self->resume_id, error);
}

/* Writes what the editor still holds, so the store has the resume as shown. */
static gboolean
flush_editor (VitaeVersionsDialog  *self,
              GError              **error)
{
  VitaeResumeEditor *editor = vitae_window_get_editor (self->window);

  if (editor == NULL || vitae_resume_get_id (vitae_resume_editor_get_resume (editor)) != self->resume_id)
    return TRUE;
  return vitae_resume_editor_flush (editor, error);
}

/* Opens the resume again from the store, so editor and preview show it. */
static void
reload_window (VitaeVersionsDialog *self)
{
  VitaeResume *open = vitae_window_get_open_resume (self->window);

  if (open != NULL && vitae_resume_get_id (open) == self->resume_id)
    gtk_widget_activate_action (GTK_WIDGET (self->window), "win.open-resume", "x", self->resume_id);
}

/* Save --------------------------------------------------------------------- */

static void
on_save_response (AdwMessageDialog    *dialog,
                  const char          *response,
                  VitaeVersionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!vitae_versions_dialog_save_version (self, gtk_editable_get_text (entry), &error))
    show_error (self, error);
}

static void
on_label_changed (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", *label != '\0');
}

static void
on_label_activate (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "save"))
    {
      adw_message_dialog_response (dialog, "save");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VitaeVersionsDialog *self = VITAE_VERSIONS_DIALOG (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Version"),
                                   _("Name this version to find it again, such as the job it was sent for."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Sent to Acme, March"));
  gtk_entry_set_max_length (GTK_ENTRY (entry), 200);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Version name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_label_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_label_activate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Restore ------------------------------------------------------------------ */

static void
on_undo_restore (AdwToast            *toast,
                 VitaeVersionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeVersion) again = NULL;
  gint64 before_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "before-id"));
  gint64 restored_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "restored-id"));

  if (!flush_editor (self, &error))
    {
      show_error (self, error);
      return;
    }
  again = vitae_versions_restore (self->store, before_id, &error);
  if (again == NULL)
    {
      show_error (self, error);
      return;
    }
  /* Back where it was: the two versions the restore and its undo made only
   * repeat the content of others (the one restored, and the resume itself). */
  vitae_versions_delete (self->store, vitae_version_get_id (again), NULL);
  vitae_versions_delete (self->store, before_id, NULL);
  reload_window (self);
  reload (self, restored_id);
}

/* The answer to confirm_version_action(): its response id names the action. */
static void
on_version_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     VitaeVersionsDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "version-id"));
  gboolean ok = TRUE;

  if (g_strcmp0 (response, "restore") == 0)
    ok = vitae_versions_dialog_restore (self, id, &error);
  else if (g_strcmp0 (response, "delete") == 0)
    ok = vitae_versions_dialog_delete (self, id, &error);
  if (!ok)
    show_error (self, error);
}

/* Asks before a restore or a delete: @response is "restore" or "delete",
 * which on_version_response() carries out. */
static void
confirm_version_action (VitaeVersionsDialog    *self,
                        VitaeVersion           *version,
                        const char             *heading,
                        const char             *body,
                        const char             *response,
                        const char             *response_label,
                        AdwResponseAppearance   appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  gboolean destructive = appearance == ADW_RESPONSE_DESTRUCTIVE;

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  /* A destructive choice is never the default. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), destructive ? "cancel" : response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "version-id", GSIZE_TO_POINTER ((gsize)vitae_version_get_id (version)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_version_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitaeVersionsDialog *self = VITAE_VERSIONS_DIALOG (widget);
  g_autoptr(VitaeVersion) version = vitae_versions_dialog_get_selected (self);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;

  if (version == NULL)
    return;

  when = format_version_time_in_sentence (vitae_version_get_created_at (version));
  /* Translators: the first %s is a version's name, the second when it was saved, such as "today at 09:12" */
  body = g_strdup_printf (_("The resume goes back to “%s”, saved %s. What it holds now is saved as a version first, so you can undo this."),
                          version_title (version), when);
  confirm_version_action (self, version, _("Restore This Version?"), body, "restore", _("_Restore"),
                          ADW_RESPONSE_SUGGESTED);
}

/* Delete ------------------------------------------------------------------- */

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VitaeVersionsDialog *self = VITAE_VERSIONS_DIALOG (widget);
  g_autoptr(VitaeVersion) version = vitae_versions_dialog_get_selected (self);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;

  if (version == NULL)
    return;

  when = format_version_time_in_sentence (vitae_version_get_created_at (version));
  /* Translators: the first %s is a version's name, the second when it was saved, such as "today at 09:12" */
  body = g_strdup_printf (_("“%s”, saved %s, will be deleted. The resume itself does not change. This cannot be undone."),
                          version_title (version), when);
  confirm_version_action (self, version, _("Delete This Version?"), body, "delete", _("_Delete"),
                          ADW_RESPONSE_DESTRUCTIVE);
}

/* GObject ------------------------------------------------------------------ */

static void
vitae_versions_dialog_dispose (GObject *object)
{
  VitaeVersionsDialog *self = (VitaeVersionsDialog *)object;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_VERSIONS_DIALOG);
  g_clear_object (&self->versions);
  g_clear_object (&self->store);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (vitae_versions_dialog_parent_class)->dispose (object);
}

static void
vitae_versions_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VitaeVersionsDialog *self = VITAE_VERSIONS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PREVIEW_PAGES:
      g_value_set_uint (value, self->preview_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_versions_dialog_class_init (VitaeVersionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_versions_dialog_dispose;
  object_class->get_property = vitae_versions_dialog_get_property;

  /**
   * VitaeVersionsDialog:preview-pages:
   *
   * How many pages of the selected version the preview shows (0 while it renders).
   */
  properties[PROP_PREVIEW_PAGES] =
    g_param_spec_uint ("preview-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-versions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, pages_box);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, preview_error);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VitaeVersionsDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "versions.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "versions.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "versions.save", NULL, save_action);
}

static void
vitae_versions_dialog_init (VitaeVersionsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->versions = g_list_store_new (VITAE_TYPE_VERSION);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->versions), create_row, NULL, NULL);
  update_actions (self);
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_versions_dialog_new:
 * @window: a window with a resume open
 *
 * Returns: (transfer full): the dialog, transient for @window
 */
VitaeVersionsDialog *
vitae_versions_dialog_new (VitaeWindow *window)
{
  VitaeVersionsDialog *self;
  VitaeResume *resume;

  g_return_val_if_fail (VITAE_IS_WINDOW (window), NULL);
  resume = vitae_window_get_open_resume (window);
  g_return_val_if_fail (resume != NULL, NULL);

  self = g_object_new (VITAE_TYPE_VERSIONS_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->store = g_object_ref (vitae_window_get_store (window));
  self->resume_id = vitae_resume_get_id (resume);
  adw_window_title_set_subtitle (self->window_title, vitae_resume_get_title (resume));
  reload (self, 0);
  return self;
}

/**
 * vitae_versions_dialog_get_versions:
 *
 * Returns: (transfer none): the #VitaeVersion list shown, newest first
 */
GListModel *
vitae_versions_dialog_get_versions (VitaeVersionsDialog *self)
{
  g_return_val_if_fail (VITAE_IS_VERSIONS_DIALOG (self), NULL);
  return G_LIST_MODEL (self->versions);
}

/**
 * vitae_versions_dialog_get_selected:
 *
 * Returns: (transfer full) (nullable): the version selected
 */
VitaeVersion *
vitae_versions_dialog_get_selected (VitaeVersionsDialog *self)
{
  GtkListBoxRow *row;
  VitaeVersion *version;

  g_return_val_if_fail (VITAE_IS_VERSIONS_DIALOG (self), NULL);

  row = gtk_list_box_get_selected_row (self->list);
  version = row ? g_object_get_data (G_OBJECT (row), "version") : NULL;
  return version ? g_object_ref (version) : NULL;
}

/**
 * vitae_versions_dialog_select:
 * @version_id: a version's id; the newest when no row has it
 */
void
vitae_versions_dialog_select (VitaeVersionsDialog *self,
                              gint64               version_id)
{
  guint n;
  guint position = 0;

  g_return_if_fail (VITAE_IS_VERSIONS_DIALOG (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitaeVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);
      if (vitae_version_get_id (version) == version_id)
        {
          position = i;
          break;
        }
    }
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, position));
}

guint
vitae_versions_dialog_get_preview_pages (VitaeVersionsDialog *self)
{
  g_return_val_if_fail (VITAE_IS_VERSIONS_DIALOG (self), 0);
  return self->preview_pages;
}

/**
 * vitae_versions_dialog_save_version:
 *
 * Saves the resume as the window shows it now under @label, and selects it.
 */
gboolean
vitae_versions_dialog_save_version (VitaeVersionsDialog  *self,
                                    const char           *label,
                                    GError              **error)
{
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeVersion) version = NULL;

  g_return_val_if_fail (VITAE_IS_VERSIONS_DIALOG (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  resume = current_resume (self, error);
  if (resume == NULL)
    return FALSE;
  version = vitae_versions_save (self->store, resume, label, error);
  if (version == NULL)
    return FALSE;
  reload (self, vitae_version_get_id (version));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Version saved")));
  return TRUE;
}

/**
 * vitae_versions_dialog_restore:
 *
 * Restores the version (the current content is saved as a version first),
 * has the window open the restored resume, and offers to undo it.
 */
gboolean
vitae_versions_dialog_restore (VitaeVersionsDialog  *self,
                               gint64                version_id,
                               GError              **error)
{
  g_autoptr(VitaeVersion) before = NULL;
  AdwToast *toast;

  g_return_val_if_fail (VITAE_IS_VERSIONS_DIALOG (self), FALSE);

  if (!flush_editor (self, error))
    return FALSE;
  before = vitae_versions_restore (self->store, version_id, error);
  if (before == NULL)
    return FALSE;

  reload_window (self);
  reload (self, version_id);

  toast = adw_toast_new (_("Version restored"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data (G_OBJECT (toast), "before-id", GSIZE_TO_POINTER ((gsize)vitae_version_get_id (before)));
  g_object_set_data (G_OBJECT (toast), "restored-id", GSIZE_TO_POINTER ((gsize)version_id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_restore), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

gboolean
vitae_versions_dialog_delete (VitaeVersionsDialog  *self,
                              gint64                version_id,
                              GError              **error)
{
  gint64 next = 0;
  guint n;

  g_return_val_if_fail (VITAE_IS_VERSIONS_DIALOG (self), FALSE);

  /* The row after the deleted one takes its place in the selection. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitaeVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);
      if (vitae_version_get_id (version) == version_id)
        {
          g_autoptr(VitaeVersion) neighbour = g_list_model_get_item (G_LIST_MODEL (self->versions),
                                                                     i + 1 < n ? i + 1 : (i > 0 ? i - 1 : i));
          next = vitae_version_get_id (neighbour);
          break;
        }
    }

  if (!vitae_versions_delete (self->store, version_id, error))
    return FALSE;
  reload (self, next);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Version deleted")));
  return TRUE;
}
