/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-dashboard"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-activity-chart.h"
#include "vitae-application.h"
#include "vitae-dashboard.h"

/* A profile at a glance: its totals, its events per day over 30 days, and
 * every resume in a sortable table. The table is a GtkColumnView over the
 * figures' GListModel: rows are made for what is on screen, however many
 * resumes there are. Activating a row opens the resume. */

struct _VitaeDashboard
{
  AdwBin              parent_instance;

  /* template children */
  VitaeActivityChart *chart;
  GtkLabel           *downloads_label;
  GtkLabel           *resumes_label;
  GtkColumnView      *table;
  GtkColumnViewColumn *updated_column;
  GtkLabel           *views_label;

  VitaeStore         *store;
  gint64              user_id;
  VitaeAnalytics     *analytics;
  GtkSortListModel   *sorted;
};

G_DEFINE_FINAL_TYPE (VitaeDashboard, vitae_dashboard, ADW_TYPE_BIN)

static char *
format_count (gpointer this,
              gint64   count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

static char *
format_percent (gpointer this,
                guint    percent)
{
  /* Translators: a completion percentage */
  return g_strdup_printf (_("%u %%"), percent);
}

static double
completion_value (gpointer this,
                  guint    percent)
{
  return percent;
}

static char *
format_date (gpointer this,
             gint64   unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  /* Translators: a date in the dashboard's table; see g_date_time_format() */
  return dt ? g_date_time_format (dt, _("%b %-e, %Y")) : g_strdup ("");
}

static char *
format_subtitle (gpointer    this,
                 const char *candidate_name,
                 gboolean    is_active)
{
  const char *name = candidate_name && *candidate_name ? candidate_name : _("No name yet");

  if (is_active)
    return g_strdup (name);
  /* Translators: a candidate's name, then a mark for an archived resume */
  return g_strdup_printf (_("%s · Archived"), name);
}

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = format_count (NULL, count);
  gtk_label_set_label (label, text);
}

static void
on_table_activate (VitaeDashboard *self,
                   guint           position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->table));
  g_autoptr(VitaeResumeFigures) figures = g_list_model_get_item (model, position);

  if (figures == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-resume", "x",
                              vitae_resume_figures_get_resume_id (figures));
}

static void
vitae_dashboard_dispose (GObject *object)
{
  VitaeDashboard *self = (VitaeDashboard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_DASHBOARD);
  g_clear_object (&self->sorted);
  g_clear_object (&self->analytics);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vitae_dashboard_parent_class)->dispose (object);
}

static void
vitae_dashboard_class_init (VitaeDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_dashboard_dispose;

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeDashboard, chart);
  gtk_widget_class_bind_template_child (widget_class, VitaeDashboard, downloads_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeDashboard, resumes_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeDashboard, table);
  gtk_widget_class_bind_template_child (widget_class, VitaeDashboard, updated_column);
  gtk_widget_class_bind_template_child (widget_class, VitaeDashboard, views_label);
  gtk_widget_class_bind_template_callback (widget_class, completion_value);
  gtk_widget_class_bind_template_callback (widget_class, format_count);
  gtk_widget_class_bind_template_callback (widget_class, format_date);
  gtk_widget_class_bind_template_callback (widget_class, format_percent);
  gtk_widget_class_bind_template_callback (widget_class, format_subtitle);
  gtk_widget_class_bind_template_callback (widget_class, on_table_activate);

  g_type_ensure (VITAE_TYPE_ACTIVITY_CHART);
  g_type_ensure (VITAE_TYPE_RESUME_FIGURES);
}

static void
vitae_dashboard_init (VitaeDashboard *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  /* The figures come last edited first: say so in the header. */
  gtk_column_view_sort_by_column (self->table, self->updated_column, GTK_SORT_DESCENDING);
}

GtkWidget *
vitae_dashboard_new (void)
{
  return g_object_new (VITAE_TYPE_DASHBOARD, NULL);
}

/**
 * vitae_dashboard_set_profile:
 * @store: (nullable): the store, or %NULL to show nothing
 *
 * Shows the figures of @user_id's resumes from now on; call
 * vitae_dashboard_reload() to read them.
 */
void
vitae_dashboard_set_profile (VitaeDashboard *self,
                             VitaeStore     *store,
                             gint64          user_id)
{
  g_return_if_fail (VITAE_IS_DASHBOARD (self));
  g_return_if_fail (store == NULL || VITAE_IS_STORE (store));

  g_set_object (&self->store, store);
  self->user_id = user_id;
}

/**
 * vitae_dashboard_reload:
 *
 * Reads the profile's figures again; they take a few tens of milliseconds
 * at ten thousand resumes. On error the figures shown stay as they were.
 */
gboolean
vitae_dashboard_reload (VitaeDashboard  *self,
                        GError         **error)
{
  g_autoptr(VitaeAnalytics) analytics = NULL;

  g_return_val_if_fail (VITAE_IS_DASHBOARD (self), FALSE);

  if (self->store == NULL)
    return TRUE;
  analytics = vitae_analytics_load (self->store, self->user_id, error);
  if (analytics == NULL)
    return FALSE;

  g_set_object (&self->analytics, analytics);
  set_count (self->resumes_label, vitae_analytics_get_n_resumes (analytics));
  set_count (self->downloads_label, vitae_analytics_get_downloads (analytics));
  set_count (self->views_label, vitae_analytics_get_views (analytics));
  vitae_activity_chart_set_analytics (self->chart, analytics);
  gtk_sort_list_model_set_model (self->sorted, vitae_analytics_get_resumes (analytics));
  return TRUE;
}

/**
 * vitae_dashboard_get_analytics:
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
VitaeAnalytics *
vitae_dashboard_get_analytics (VitaeDashboard *self)
{
  g_return_val_if_fail (VITAE_IS_DASHBOARD (self), NULL);
  return self->analytics;
}

/**
 * vitae_dashboard_get_table:
 *
 * Returns: (transfer none): the table of resumes, for tests
 */
GtkColumnView *
vitae_dashboard_get_table (VitaeDashboard *self)
{
  g_return_val_if_fail (VITAE_IS_DASHBOARD (self), NULL);
  return self->table;
}
