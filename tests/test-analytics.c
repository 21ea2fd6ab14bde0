/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "vitae-core.h"
#include "vitae-store-private.h"

typedef struct {
  char       *dir;
  VitaeStore *store;
  gint64      user_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VitaeUser) user = NULL;

  f->dir = g_dir_make_tmp ("vitae-analytics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  user = vitae_store_create_user (f->store, "Ada", NULL, &error);
  g_assert_no_error (error);
  f->user_id = vitae_user_get_id (user);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
count_rows (Fixture    *f,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Downloads and views always equal their events, for every resume; the
 * dashboard's counts of each quarter of an hour equal the events in it. */
static void
assert_counters_agree (Fixture *f)
{
  g_assert_cmpint (count_rows (f,
                               "SELECT count(*) FROM ("
                               " SELECT user_id, created_at / 900 AS slot, action, count(*) AS n FROM events GROUP BY 1, 2, 3"
                               " EXCEPT SELECT user_id, slot, action, count FROM event_counts WHERE count > 0)"), ==, 0);
  g_assert_cmpint (count_rows (f,
                               "SELECT count(*) FROM event_counts c WHERE count !="
                               " (SELECT count(*) FROM events e WHERE e.user_id = c.user_id"
                               "  AND e.created_at / 900 = c.slot AND e.action = c.action)"), ==, 0);
  g_assert_cmpint (count_rows (f,
                               "SELECT count(*) FROM resumes r WHERE view_count !="
                               " (SELECT count(*) FROM events e WHERE e.resume_id = r.id AND action = 'view')"
                               " OR download_count !="
                               " (SELECT count(*) FROM events e WHERE e.resume_id = r.id AND action = 'download')"), ==, 0);
}

static VitaeResume *
create (Fixture    *f,
        const char *title)
{
  g_autoptr(GError) error = NULL;
  VitaeResume *resume = vitae_store_create_resume (f->store, f->user_id, title, &error);

  g_assert_no_error (error);
  return resume;
}

static void
record (Fixture     *f,
        VitaeResume *resume,
        const char  *action,
        const char  *details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeEvent) event = vitae_store_record_event (f->store, f->user_id,
                                                          resume ? vitae_resume_get_id (resume) : 0,
                                                          action, details, &error);

  g_assert_no_error (error);
  g_assert_cmpint (vitae_event_get_id (event), >, 0);
  g_assert_cmpstr (vitae_event_get_action (event), ==, action);
}

static void
test_record_event (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) cv = create (f, "CV");
  g_autoptr(VitaeResume) other = create (f, "Other");
  g_autoptr(VitaeResume) loaded = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(VitaeEvent) newest = NULL;
  g_autoptr(VitaeEvent) oldest = NULL;

  record (f, cv, VITAE_EVENT_VIEW, NULL);
  record (f, cv, VITAE_EVENT_DOWNLOAD, "pdf");
  record (f, cv, VITAE_EVENT_EXPORT, "md");
  record (f, cv, VITAE_EVENT_PRINT, NULL);
  record (f, cv, VITAE_EVENT_EMAIL, "hr@example.com");
  record (f, cv, VITAE_EVENT_VIEW, NULL);
  record (f, other, VITAE_EVENT_DOWNLOAD, "pdf");
  record (f, NULL, VITAE_EVENT_EXPORT, "profile-wide");
  assert_counters_agree (f);

  loaded = vitae_store_load_resume (f->store, vitae_resume_get_id (cv), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vitae_resume_get_view_count (loaded), ==, 2);
  g_assert_cmpint (vitae_resume_get_download_count (loaded), ==, 1);

  /* create + six, newest first, with their details */
  events = vitae_store_list_events (f->store, vitae_resume_get_id (cv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 7);
  newest = g_list_model_get_item (events, 0);
  oldest = g_list_model_get_item (events, 6);
  g_assert_cmpstr (vitae_event_get_action (newest), ==, VITAE_EVENT_VIEW);
  g_assert_cmpstr (vitae_event_get_action (oldest), ==, VITAE_EVENT_CREATE);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events WHERE action = 'email' AND details = 'hr@example.com'"), ==, 1);

  /* An event for a resume that does not exist is refused, and counts nothing. */
  {
    g_autoptr(VitaeEvent) refused = vitae_store_record_event (f->store, f->user_id, 9999, VITAE_EVENT_VIEW, NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events"), ==, 10);
  assert_counters_agree (f);
}

static void
test_record_events (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) a = create (f, "A");
  g_autoptr(VitaeResume) b = create (f, "B");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VitaeResume) loaded = NULL;
  static const char * const actions[] = { "view", "download", "view", "print", "export", "view", "email" };

  for (guint i = 0; i < 70; i++)
    {
      VitaeResume *resume = i % 2 ? a : b;
      g_ptr_array_add (events, vitae_event_new (f->user_id, vitae_resume_get_id (resume),
                                                actions[i % G_N_ELEMENTS (actions)], NULL,
                                                1700000000 + i * 3600));
    }
  g_assert_true (vitae_store_record_events (f->store, (VitaeEvent **)events->pdata, events->len, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (vitae_event_get_id (g_ptr_array_index (events, i)), >, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events WHERE created_at BETWEEN 1700000000 AND 1700000000 + 69 * 3600"), ==, 70);
  assert_counters_agree (f);
  loaded = vitae_store_load_resume (f->store, vitae_resume_get_id (a), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vitae_resume_get_view_count (loaded) + vitae_resume_get_download_count (loaded), >, 0);

  /* One bad event, and none of the batch is stored. */
  g_ptr_array_add (bad, vitae_event_new (f->user_id, vitae_resume_get_id (a), "view", NULL, 1));
  g_ptr_array_add (bad, vitae_event_new (f->user_id, 424242, "view", NULL, 2));
  g_assert_false (vitae_store_record_events (f->store, (VitaeEvent **)bad->pdata, bad->len, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (vitae_event_get_id (g_ptr_array_index (bad, 0)), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM events WHERE created_at < 1000"), ==, 0);
  assert_counters_agree (f);
}

static VitaeResumeFigures *
find_figures (VitaeAnalytics *analytics,
              gint64          resume_id)
{
  GListModel *rows = vitae_analytics_get_resumes (analytics);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(VitaeResumeFigures) figures = g_list_model_get_item (rows, i);
      if (vitae_resume_figures_get_resume_id (figures) == resume_id)
        return g_steal_pointer (&figures);
    }
  g_assert_not_reached ();
}

static void
test_dashboard_figures (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) full = create (f, "Full");
  g_autoptr(VitaeResume) empty = create (f, "Empty");
  g_autoptr(VitaeResume) archived = create (f, "Archived");
  g_autoptr(VitaeAnalytics) analytics = NULL;
  g_autoptr(VitaeResumeFigures) row = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  gint64 midnight = g_date_time_to_unix (today);
  guint total = 0;

  vitae_entry_set_text (vitae_resume_get_basics (full), "name", "Ada Lovelace");
  vitae_entry_set_text (vitae_resume_get_basics (full), "summary", "Analyst");
  g_assert_true (vitae_store_save_resume (f->store, full, &error));
  g_assert_true (vitae_store_set_resume_active (f->store, vitae_resume_get_id (archived), FALSE, &error));
  g_assert_no_error (error);

  /* Today (twice), yesterday, the first day of the chart, and two days
   * outside it: before it, and tomorrow. */
#define EVENT(resume, action, when) \
  g_ptr_array_add (events, vitae_event_new (f->user_id, vitae_resume_get_id (resume), action, NULL, when))
  EVENT (full, VITAE_EVENT_VIEW, midnight + 60);
  EVENT (full, VITAE_EVENT_DOWNLOAD, midnight + 120);
  EVENT (empty, VITAE_EVENT_VIEW, midnight - 3600);
  EVENT (archived, VITAE_EVENT_PRINT, midnight - 29 * 86400 + 7200);
  EVENT (full, VITAE_EVENT_VIEW, midnight - 31 * 86400);
  EVENT (full, VITAE_EVENT_VIEW, midnight + 2 * 86400);
#undef EVENT
  g_assert_true (vitae_store_record_events (f->store, (VitaeEvent **)events->pdata, events->len, &error));
  g_assert_no_error (error);

  analytics = vitae_analytics_load (f->store, f->user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vitae_analytics_get_n_resumes (analytics), ==, 3);
  g_assert_cmpint (vitae_analytics_get_views (analytics), ==, 4);
  g_assert_cmpint (vitae_analytics_get_downloads (analytics), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vitae_analytics_get_resumes (analytics)), ==, 3);

  row = find_figures (analytics, vitae_resume_get_id (full));
  g_assert_cmpstr (vitae_resume_figures_get_title (row), ==, "Full");
  g_assert_cmpstr (vitae_resume_figures_get_candidate_name (row), ==, "Ada Lovelace");
  g_assert_cmpint (vitae_resume_figures_get_views (row), ==, 3);
  g_assert_cmpint (vitae_resume_figures_get_downloads (row), ==, 1);
  g_assert_cmpuint (vitae_resume_figures_get_completion (row), ==, 20);
  g_assert_true (vitae_resume_figures_get_is_active (row));
  g_assert_cmpint (vitae_resume_figures_get_created_at (row), >, 0);
  g_assert_cmpint (vitae_resume_figures_get_updated_at (row), >=, vitae_resume_figures_get_created_at (row));
  g_clear_object (&row);
  row = find_figures (analytics, vitae_resume_get_id (archived));
  g_assert_false (vitae_resume_figures_get_is_active (row));
  g_assert_cmpuint (vitae_resume_figures_get_completion (row), ==, 0);

  /* The chart: today last; creates count as "other". */
  g_assert_cmpuint (vitae_analytics_get_day_count (analytics, VITAE_ANALYTICS_DAYS - 1, VITAE_ANALYTICS_VIEWS), ==, 1);
  g_assert_cmpuint (vitae_analytics_get_day_count (analytics, VITAE_ANALYTICS_DAYS - 1, VITAE_ANALYTICS_DOWNLOADS), ==, 1);
  g_assert_cmpuint (vitae_analytics_get_day_count (analytics, VITAE_ANALYTICS_DAYS - 1, VITAE_ANALYTICS_OTHER), ==, 3);
  g_assert_cmpuint (vitae_analytics_get_day_count (analytics, VITAE_ANALYTICS_DAYS - 2, VITAE_ANALYTICS_VIEWS), ==, 1);
  g_assert_cmpuint (vitae_analytics_get_day_count (analytics, 0, VITAE_ANALYTICS_OTHER), ==, 1);
  g_assert_cmpint (g_date_time_compare (vitae_analytics_get_day (analytics, VITAE_ANALYTICS_DAYS - 1), today), ==, 0);
  for (guint d = 0; d < VITAE_ANALYTICS_DAYS; d++)
    total += vitae_analytics_get_day_total (analytics, d);
  g_assert_cmpuint (total, ==, 7);
  assert_counters_agree (f);

  /* A deleted resume takes its events with it, from the chart too. */
  g_assert_true (vitae_store_delete_resume (f->store, vitae_resume_get_id (archived), &error));
  g_assert_no_error (error);
  assert_counters_agree (f);
  g_clear_object (&analytics);
  analytics = vitae_analytics_load (f->store, f->user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vitae_analytics_get_day_total (analytics, 0), ==, 0);
  g_assert_cmpuint (vitae_analytics_get_n_resumes (analytics), ==, 2);
}

/* Completion is stored with each save, and computed again when the resume
 * changed some other way. */
static void
test_completion_cache (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = create (f, "CV");
  g_autoptr(VitaeAnalytics) first = NULL;
  g_autoptr(VitaeAnalytics) second = NULL;
  g_autoptr(VitaeResumeFigures) row = NULL;

  /* Created empty: nothing stored until it is read. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM resume_summaries"), ==, 0);
  first = vitae_analytics_load (f->store, f->user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM resume_summaries WHERE completion = 0"), ==, 1);

  vitae_entry_set_text (vitae_resume_get_basics (resume), "name", "Ada");
  g_assert_true (vitae_store_save_resume (f->store, resume, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT completion FROM resume_summaries"), ==, 10);

  /* Written behind the store's back, then read: computed again. */
  g_assert_cmpint (sqlite3_exec (vitae_store_get_db (f->store),
                                 "UPDATE resumes SET basics = json_set (basics, '$.summary', 'Poet'),"
                                 " updated_at = updated_at + 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  second = vitae_analytics_load (f->store, f->user_id, &error);
  g_assert_no_error (error);
  row = g_list_model_get_item (vitae_analytics_get_resumes (second), 0);
  g_assert_cmpuint (vitae_resume_figures_get_completion (row), ==, 20);
  g_assert_cmpint (count_rows (f, "SELECT completion FROM resume_summaries"), ==, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/vitae/analytics/record-event", test_record_event);
  ADD ("/vitae/analytics/record-events", test_record_events);
  ADD ("/vitae/analytics/dashboard-figures", test_dashboard_figures);
  ADD ("/vitae/analytics/completion-cache", test_completion_cache);
#undef ADD

  return g_test_run ();
}
