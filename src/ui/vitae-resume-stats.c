/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-resume-stats.h"

/* One resume's statistics: how complete it is and what is missing, a card
 * per section with its entries, its views, downloads and dates, and on a
 * second page every event, newest first, in a list that makes rows only
 * for what is on screen. */

struct _VitaeResumeStats
{
  AdwWindow             parent_instance;

  /* template children */
  GtkLabel             *complete_label;
  GtkProgressBar       *completion_bar;
  GtkLabel             *completion_label;
  GtkLabel             *created_label;
  GtkLabel             *downloads_label;
  AdwPreferencesGroup  *missing_group;
  GtkListBox           *missing_list;
  GtkFlowBox           *sections_box;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkListView          *timeline;
  GtkStack             *timeline_stack;
  GtkLabel             *updated_label;
  AdwViewStack         *view_stack;
  GtkLabel             *views_label;

  VitaeCompletion      *completion;
  GListModel           *events;
  /* figure name -> GtkLabel showing it, for tests */
  GHashTable           *figures;
};

G_DEFINE_FINAL_TYPE (VitaeResumeStats, vitae_resume_stats, ADW_TYPE_WINDOW)

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  /* Translators: when an event happened or a resume was edited; see g_date_time_format() */
  return dt ? g_date_time_format (dt, _("%e %b %Y, %H:%M")) : g_strdup ("");
}

static char *
event_time (gpointer this,
            gint64   created_at)
{
  g_autofree char *text = format_time (created_at);
  return g_strdup (g_strstrip (text));
}

static char *
event_icon (gpointer    this,
            const char *action)
{
  static const struct { const char *action; const char *icon; } icons[] = {
    { VITAE_EVENT_CREATE, "document-new-symbolic" },
    { VITAE_EVENT_VIEW, "view-reveal-symbolic" },
    { VITAE_EVENT_DOWNLOAD, "folder-download-symbolic" },
    { VITAE_EVENT_EXPORT, "document-save-as-symbolic" },
    { VITAE_EVENT_PRINT, "printer-symbolic" },
    { VITAE_EVENT_EMAIL, "mail-send-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (action, icons[i].action) == 0)
      return g_strdup (icons[i].icon);
  return g_strdup ("emblem-system-symbolic");
}

static char *
event_label (gpointer    this,
             const char *action,
             const char *details)
{
  gboolean has_details = details != NULL && *details != '\0';
  g_autofree char *upper = has_details ? g_utf8_strup (details, -1) : NULL;

  if (g_strcmp0 (action, VITAE_EVENT_CREATE) == 0)
    return g_strdup (_("Created"));
  if (g_strcmp0 (action, VITAE_EVENT_VIEW) == 0)
    return g_strdup (_("Viewed"));
  if (g_strcmp0 (action, VITAE_EVENT_DOWNLOAD) == 0)
    /* Translators: %s is a file format, such as PDF */
    return has_details ? g_strdup_printf (_("Downloaded as %s"), upper) : g_strdup (_("Downloaded"));
  if (g_strcmp0 (action, VITAE_EVENT_EXPORT) == 0)
    /* Translators: %s is a file format, such as MD */
    return has_details ? g_strdup_printf (_("Exported as %s"), upper) : g_strdup (_("Exported"));
  if (g_strcmp0 (action, VITAE_EVENT_PRINT) == 0)
    return g_strdup (_("Printed"));
  if (g_strcmp0 (action, VITAE_EVENT_EMAIL) == 0)
    /* Translators: %s is where the email went */
    return has_details ? g_strdup_printf (_("Sent by email to %s"), details) : g_strdup (_("Sent by email"));
  return g_strdup (action);
}

static void
show_figure (VitaeResumeStats *self,
             const char       *name,
             GtkLabel         *label,
             const char       *text)
{
  gtk_label_set_label (label, text);
  g_hash_table_insert (self->figures, g_strdup (name), label);
}

static void
add_section_card (VitaeResumeStats *self,
                  VitaeSectionId    section)
{
  const VitaeSectionInfo *info = vitae_section_get_info (section);
  guint n = vitae_completion_get_n_entries (self->completion, section);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *name = g_strconcat ("section:", info->key, NULL);
  g_autofree char *accessible = g_strdup_printf ("%s: %u", _(info->title), n);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (_(info->title));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "stats-card");
  if (n == 0)
    gtk_widget_add_css_class (card, "dim-label");
  gtk_widget_add_css_class (number, "title-2");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (title, "caption");
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_flow_box_append (self->sections_box, card);
  show_figure (self, name, GTK_LABEL (number), count);
}

static void
show_missing (VitaeResumeStats *self)
{
  const char * const *missing = vitae_completion_get_missing (self->completion);
  guint n = g_strv_length ((char **)missing);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("list-add-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), missing[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->missing_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), n > 0);

  if (n == 0)
    gtk_label_set_label (self->complete_label, _("Nothing is missing: this resume is complete."));
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u thing to add to reach 100 %%.",
                                                            "%u things to add to reach 100 %%.", n), n);
      gtk_label_set_label (self->complete_label, text);
    }
}

static void
show (VitaeResumeStats *self,
      VitaeResume      *resume)
{
  guint percent = vitae_completion_get_percent (self->completion);
  guint n_events = g_list_model_get_n_items (self->events);
  g_autofree char *percent_text = g_strdup_printf (_("%u %%"), percent);
  g_autofree char *created = format_time (vitae_resume_get_created_at (resume));
  g_autofree char *updated = format_time (vitae_resume_get_updated_at (resume));
  g_autofree char *views_text = NULL;
  g_autofree char *downloads_text = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  guint views = 0, downloads = 0;

  adw_view_switcher_title_set_subtitle (self->switcher_title, vitae_resume_get_title (resume));

  show_figure (self, "completion", self->completion_label, percent_text);
  gtk_progress_bar_set_fraction (self->completion_bar, percent / 100.0);
  show_missing (self);

  for (guint s = VITAE_SECTION_BASICS + 1; s < VITAE_N_SECTIONS; s++)
    add_section_card (self, s);

  /* The events are the record: the counters always equal them. */
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(VitaeEvent) event = g_list_model_get_item (self->events, i);
      views += g_strcmp0 (vitae_event_get_action (event), VITAE_EVENT_VIEW) == 0;
      downloads += g_strcmp0 (vitae_event_get_action (event), VITAE_EVENT_DOWNLOAD) == 0;
    }
  views_text = g_strdup_printf ("%u", views);
  downloads_text = g_strdup_printf ("%u", downloads);
  show_figure (self, "views", self->views_label, views_text);
  show_figure (self, "downloads", self->downloads_label, downloads_text);
  show_figure (self, "created", self->created_label, g_strstrip (created));
  show_figure (self, "updated", self->updated_label, g_strstrip (updated));

  selection = gtk_no_selection_new (g_object_ref (self->events));
  gtk_list_view_set_model (self->timeline, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->timeline_stack, n_events > 0 ? "list" : "empty");
}

static void
vitae_resume_stats_dispose (GObject *object)
{
  VitaeResumeStats *self = (VitaeResumeStats *)object;

  /* libadwaita 1.2's switcher bar must let go of its stack before the stack goes. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_RESUME_STATS);
  g_clear_object (&self->completion);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (vitae_resume_stats_parent_class)->dispose (object);
}

static void
vitae_resume_stats_finalize (GObject *object)
{
  VitaeResumeStats *self = (VitaeResumeStats *)object;

  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (vitae_resume_stats_parent_class)->finalize (object);
}

static void
vitae_resume_stats_class_init (VitaeResumeStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_resume_stats_dispose;
  object_class->finalize = vitae_resume_stats_finalize;

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-resume-stats.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, complete_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, completion_bar);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, completion_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, created_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, downloads_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, missing_group);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, missing_list);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, sections_box);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, timeline);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, timeline_stack);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, updated_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VitaeResumeStats, views_label);
  gtk_widget_class_bind_template_callback (widget_class, event_icon);
  gtk_widget_class_bind_template_callback (widget_class, event_label);
  gtk_widget_class_bind_template_callback (widget_class, event_time);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (VITAE_TYPE_EVENT);
}

static void
vitae_resume_stats_init (VitaeResumeStats *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * vitae_resume_stats_new:
 * @parent: (nullable): the window to stay above
 * @resume: the resume as it is now, for its completion and sections
 *
 * Returns: (transfer full): the statistics window of @resume, or %NULL with
 *   @error set when its events cannot be read
 */
VitaeResumeStats *
vitae_resume_stats_new (GtkWindow    *parent,
                        VitaeStore   *store,
                        VitaeResume  *resume,
                        GError      **error)
{
  g_autoptr(GListModel) events = NULL;
  VitaeResumeStats *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);
  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);

  events = vitae_store_list_events (store, vitae_resume_get_id (resume), error);
  if (events == NULL)
    return NULL;

  self = g_object_new (VITAE_TYPE_RESUME_STATS, "transient-for", parent, NULL);
  self->completion = vitae_completion_new (resume);
  self->events = g_steal_pointer (&events);
  show (self, resume);
  return self;
}

VitaeCompletion *
vitae_resume_stats_get_completion (VitaeResumeStats *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME_STATS (self), NULL);
  return self->completion;
}

/**
 * vitae_resume_stats_get_events:
 *
 * Returns: (transfer none): the timeline, newest first
 */
GListModel *
vitae_resume_stats_get_events (VitaeResumeStats *self)
{
  g_return_val_if_fail (VITAE_IS_RESUME_STATS (self), NULL);
  return self->events;
}

/**
 * vitae_resume_stats_get_figure:
 * @name: `completion`, `views`, `downloads`, `created`, `updated`, or
 *   `section:` and a section key (`section:work`)
 *
 * Returns: (nullable): the text shown for @name
 */
const char *
vitae_resume_stats_get_figure (VitaeResumeStats *self,
                               const char       *name)
{
  GtkLabel *label;

  g_return_val_if_fail (VITAE_IS_RESUME_STATS (self), NULL);
  label = g_hash_table_lookup (self->figures, name);
  return label ? gtk_label_get_label (label) : NULL;
}
