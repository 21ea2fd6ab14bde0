/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vitae-activity-chart.h"
#include "vitae-core.h"
#include "vitae-dashboard.h"
#include "vitae-resume-stats.h"
#include "vitae-search-view.h"
#include "vitae-window.h"

/* The dashboard, a resume's statistics and the library's search, in a real
 * window under Xvfb, on a profile with known figures. */

typedef struct {
  char        *dir;
  VitaeStore  *store;
  VitaeWindow *window;
  gint64       user_id;
  gint64       backend_id;   /* views 3, downloads 2, an export */
  gint64       designer_id;  /* a view */
  gint64       archived_id;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
record (Fixture    *f,
        gint64      resume_id,
        const char *action,
        const char *details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeEvent) event = vitae_store_record_event (f->store, f->user_id, resume_id, action, details, &error);

  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeResume) backend = NULL;
  g_autoptr(VitaeResume) designer = NULL;
  g_autoptr(VitaeResume) archived = NULL;
  static const char * const highlights[] = { "Led the storage team", NULL };
  VitaeEntry *entry;

  f->dir = g_dir_make_tmp ("vitae-dashboard-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  user = vitae_store_create_user (f->store, "Ada", "ada@example.com", &error);
  g_assert_no_error (error);
  f->user_id = vitae_user_get_id (user);

  backend = vitae_store_create_resume (f->store, f->user_id, "Backend roles", &error);
  g_assert_no_error (error);
  vitae_entry_set_text (vitae_resume_get_basics (backend), "name", "Ada Lovelace");
  vitae_entry_set_text (vitae_resume_get_basics (backend), "summary", "Ships reliable systems");
  entry = vitae_resume_add_entry (backend, VITAE_SECTION_WORK);
  vitae_entry_set_text (entry, "position", "Engineer");
  vitae_entry_set_text (entry, "startDate", "2020-01");
  vitae_entry_set_list (entry, "highlights", highlights);
  entry = vitae_resume_add_entry (backend, VITAE_SECTION_WORK);
  vitae_entry_set_text (entry, "position", "Intern");
  vitae_entry_set_text (vitae_resume_add_entry (backend, VITAE_SECTION_SKILLS), "name", "C");
  g_assert_true (vitae_store_save_resume (f->store, backend, &error));
  g_assert_no_error (error);
  f->backend_id = vitae_resume_get_id (backend);

  designer = vitae_store_create_resume (f->store, f->user_id, "Designer CV", &error);
  g_assert_no_error (error);
  f->designer_id = vitae_resume_get_id (designer);
  archived = vitae_store_create_resume (f->store, f->user_id, "Old CV", &error);
  g_assert_no_error (error);
  f->archived_id = vitae_resume_get_id (archived);
  g_assert_true (vitae_store_set_resume_active (f->store, f->archived_id, FALSE, &error));

  record (f, f->backend_id, VITAE_EVENT_VIEW, NULL);
  record (f, f->backend_id, VITAE_EVENT_VIEW, NULL);
  record (f, f->backend_id, VITAE_EVENT_DOWNLOAD, "pdf");
  record (f, f->backend_id, VITAE_EVENT_VIEW, NULL);
  record (f, f->backend_id, VITAE_EVENT_DOWNLOAD, "pdf");
  record (f, f->backend_id, VITAE_EVENT_EXPORT, "md");
  record (f, f->designer_id, VITAE_EVENT_VIEW, NULL);

  f->window = vitae_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->store);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (widget, type, name)));
}

static GtkColumnViewColumn *
find_column (GtkColumnView *table,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (table);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

static gint64
row_id (GtkColumnView *table,
        guint          position)
{
  g_autoptr(VitaeResumeFigures) figures =
    g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), position);

  g_assert_nonnull (figures);
  return vitae_resume_figures_get_resume_id (figures);
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_widgets (c, type);
  return n;
}

static void
test_dashboard (Fixture       *f,
                gconstpointer  data)
{
  AdwViewStack *views = child (f->window, VITAE_TYPE_WINDOW, "library_view_stack");
  VitaeDashboard *dashboard = child (f->window, VITAE_TYPE_WINDOW, "dashboard");
  GtkColumnView *table = vitae_dashboard_get_table (dashboard);
  VitaeActivityChart *chart = child (dashboard, VITAE_TYPE_DASHBOARD, "chart");
  g_autofree char *summary = NULL;
  g_autofree char *today = NULL;
  g_autofree char *expected = NULL;
  VitaeAnalytics *analytics;

  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "library");
  g_assert_null (vitae_dashboard_get_analytics (dashboard));

  /* Showing the dashboard reads the figures. */
  adw_view_stack_set_visible_child_name (views, "dashboard");
  iterate ();
  analytics = vitae_dashboard_get_analytics (dashboard);
  g_assert_nonnull (analytics);
  g_assert_cmpstr (label_text (dashboard, VITAE_TYPE_DASHBOARD, "resumes_label"), ==, "3");
  g_assert_cmpstr (label_text (dashboard, VITAE_TYPE_DASHBOARD, "downloads_label"), ==, "2");
  g_assert_cmpstr (label_text (dashboard, VITAE_TYPE_DASHBOARD, "views_label"), ==, "4");

  /* Every resume, archived too; last edited first, then sortable. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 3);
  gtk_column_view_sort_by_column (table, find_column (table, "Downloads"), GTK_SORT_DESCENDING);
  iterate ();
  g_assert_cmpint (row_id (table, 0), ==, f->backend_id);
  gtk_column_view_sort_by_column (table, find_column (table, "Views"), GTK_SORT_ASCENDING);
  iterate ();
  g_assert_cmpint (row_id (table, 2), ==, f->backend_id);
  gtk_column_view_sort_by_column (table, find_column (table, "Completion"), GTK_SORT_DESCENDING);
  iterate ();
  g_assert_cmpint (row_id (table, 0), ==, f->backend_id);
  gtk_column_view_sort_by_column (table, find_column (table, "Resume"), GTK_SORT_ASCENDING);
  iterate ();
  g_assert_cmpint (row_id (table, 0), ==, f->backend_id);
  g_assert_cmpint (row_id (table, 1), ==, f->designer_id);
  g_assert_cmpint (row_id (table, 2), ==, f->archived_id);
  /* The rows on screen have their level bars. */
  g_assert_cmpuint (count_widgets (GTK_WIDGET (table), GTK_TYPE_LEVEL_BAR), ==, 3);

  /* The chart and its text: 3 creates, 4 views, 2 downloads, an export, all today. */
  summary = vitae_activity_chart_dup_summary (chart);
  today = g_date_time_format (vitae_analytics_get_day (analytics, VITAE_ANALYTICS_DAYS - 1), "%b %-e");
  expected = g_strdup_printf ("10 events in the last 30 days: 4 views, 2 downloads, 4 other. "
                              "Busiest day: %s, with 10 events.", today);
  g_assert_cmpstr (summary, ==, expected);
  {
    g_autofree char *text = vitae_activity_chart_dup_text (chart);
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, VITAE_ANALYTICS_DAYS);
    g_assert_true (g_str_has_suffix (lines[VITAE_ANALYTICS_DAYS - 1], ": 4 views, 2 downloads, 4 other"));
  }

  /* A new event shows the next time the dashboard is shown. */
  record (f, f->designer_id, VITAE_EVENT_DOWNLOAD, "pdf");
  adw_view_stack_set_visible_child_name (views, "resumes");
  iterate ();
  adw_view_stack_set_visible_child_name (views, "dashboard");
  iterate ();
  g_assert_cmpstr (label_text (dashboard, VITAE_TYPE_DASHBOARD, "downloads_label"), ==, "3");

  /* Activating a row opens that resume. */
  g_signal_emit_by_name (table, "activate", 0);
  iterate ();
  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "resume");
  g_assert_cmpint (vitae_resume_get_id (vitae_window_get_open_resume (f->window)), ==, f->backend_id);
}

static VitaeResumeStats *
find_stats_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (VITAE_IS_RESUME_STATS (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return VITAE_RESUME_STATS (window);
    }
  return NULL;
}

static void
test_statistics (Fixture       *f,
                 gconstpointer  data)
{
  VitaeResumeStats *stats;
  VitaeCompletion *completion;
  GListModel *events;
  g_autoptr(VitaeEvent) oldest = NULL;
  g_autoptr(VitaeResume) loaded = NULL;
  g_autofree char *views = NULL;
  GtkListBox *missing;
  guint n_missing = 0;

  /* Only with a resume open */
  g_assert_null (find_stats_window ());
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-resume", "x", f->backend_id);
  iterate ();
  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "resume");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-statistics", NULL));
  iterate ();
  stats = find_stats_window ();
  g_assert_nonnull (stats);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (stats)) == GTK_WINDOW (f->window));

  /* name 10 + summary 10 + one work entry 15 + half the dates 5 + a third of the skills 3.33 */
  completion = vitae_resume_stats_get_completion (stats);
  g_assert_cmpuint (vitae_completion_get_percent (completion), ==, 43);
  g_assert_cmpstr (vitae_resume_stats_get_figure (stats, "completion"), ==, "43 %");
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (child (stats, VITAE_TYPE_RESUME_STATS, "completion_bar")),
                                  0.43, 0.001);
  missing = child (stats, VITAE_TYPE_RESUME_STATS, "missing_list");
  while (gtk_list_box_get_row_at_index (missing, n_missing) != NULL)
    n_missing++;
  g_assert_cmpuint (n_missing, ==, g_strv_length ((char **)vitae_completion_get_missing (completion)));
  g_assert_true (g_strv_contains (vitae_completion_get_missing (completion), "Add dates to 1 work entry"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (missing, 0))),
                   ==, "Add a headline");

  g_assert_cmpstr (vitae_resume_stats_get_figure (stats, "section:work"), ==, "2");
  g_assert_cmpstr (vitae_resume_stats_get_figure (stats, "section:skills"), ==, "1");
  g_assert_cmpstr (vitae_resume_stats_get_figure (stats, "section:education"), ==, "0");
  /* Showing the resume in the window may have viewed it once more: the
   * figures are the store's counters, which equal the events. */
  loaded = vitae_store_load_resume (f->store, f->backend_id, NULL);
  g_assert_nonnull (loaded);
  g_assert_cmpint (vitae_resume_get_view_count (loaded), >=, 3);
  views = g_strdup_printf ("%" G_GINT64_FORMAT, vitae_resume_get_view_count (loaded));
  g_assert_cmpstr (vitae_resume_stats_get_figure (stats, "views"), ==, views);
  g_assert_cmpstr (vitae_resume_stats_get_figure (stats, "downloads"), ==, "2");
  g_assert_nonnull (vitae_resume_stats_get_figure (stats, "created"));
  g_assert_cmpstr (vitae_resume_stats_get_figure (stats, "created"), !=, "");

  /* The timeline: the views, two downloads, an export and the create, newest first */
  events = vitae_resume_stats_get_events (stats);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, vitae_resume_get_view_count (loaded) + 4);
  oldest = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  g_assert_cmpstr (vitae_event_get_action (oldest), ==, VITAE_EVENT_CREATE);
  adw_view_stack_set_visible_child_name (child (stats, VITAE_TYPE_RESUME_STATS, "view_stack"), "timeline");
  iterate ();

  gtk_window_close (GTK_WINDOW (stats));
  iterate ();
  g_assert_null (find_stats_window ());
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkSearchBar *bar = child (f->window, VITAE_TYPE_WINDOW, "search_bar");
  GtkEditable *entry = child (f->window, VITAE_TYPE_WINDOW, "search_entry");
  GtkStack *library = child (f->window, VITAE_TYPE_WINDOW, "library_stack");
  VitaeSearchView *view = child (f->window, VITAE_TYPE_WINDOW, "search_view");
  GListModel *results = vitae_search_view_get_results (view);
  static const char * const odd[] = { "\"", "NEAR(", "AND", "-", "*", "(", "ada)", "\"storage" };
  g_autoptr(VitaeSearchResult) result = NULL;

  /* Type-to-search on the list */
  g_assert_true (gtk_search_bar_get_key_capture_widget (bar) == GTK_WIDGET (f->window));
  g_assert_false (gtk_search_bar_get_search_mode (bar));

  /* Ctrl+F's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  iterate ();
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  gtk_editable_set_text (entry, "lovelace");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (library), ==, "search");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  g_assert_cmpint (vitae_search_result_get_resume_id (result), ==, f->backend_id);
  g_assert_cmpstr (vitae_search_result_get_field (result), ==, "Name");
  g_clear_object (&result);

  /* As the person types: a word of a highlight, then a prefix of it */
  gtk_editable_set_text (entry, "stor");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  g_assert_cmpstr (vitae_search_result_get_field (result), ==, "Work · Highlights");
  g_assert_cmpstr (vitae_search_result_get_snippet_markup (result), ==, "Led the <b>storage</b> team");
  g_clear_object (&result);

  /* "CV" finds the two CVs, the archived one too */
  gtk_editable_set_text (entry, "cv");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);

  /* Odd text is words, never an error */
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      gtk_editable_set_text (entry, odd[i]);
      g_signal_emit_by_name (entry, "search-changed");
      iterate ();
      g_assert_cmpstr (gtk_stack_get_visible_child_name (library), ==, "search");
    }
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  /* Closing the bar brings the list back; Enter opens the first result. */
  gtk_search_bar_set_search_mode (bar, FALSE);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (library), ==, "list");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  gtk_search_bar_set_search_mode (bar, TRUE);
  gtk_editable_set_text (entry, "designer");
  g_signal_emit_by_name (entry, "search-changed");
  iterate ();
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "resume");
  g_assert_cmpint (vitae_resume_get_id (vitae_window_get_open_resume (f->window)), ==, f->designer_id);
  /* No typing into the search from the resume page */
  g_assert_null (gtk_search_bar_get_key_capture_widget (bar));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/vitae/ui/dashboard/figures", test_dashboard);
  ADD ("/vitae/ui/dashboard/statistics", test_statistics);
  ADD ("/vitae/ui/dashboard/search", test_search);
#undef ADD

  return g_test_run ();
}
