/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vitae-analytics.h"
#include "vitae-completion.h"
#include "vitae-store-index.h"

/* The dashboard's figures for one profile, read in two queries that stay
 * fast at ten thousand resumes and a million events: the resumes with their
 * counters (which vitae_store_record_event() keeps equal to their events)
 * and cached completion; and the last 30 days from event_counts, which
 * triggers keep equal to the events of each quarter of an hour. */

/* event_counts' slots, each then given to its local day: every time zone
 * offset and DST shift is a multiple of 15 minutes, so a slot never
 * straddles midnight (migration v5). */
#define SLOT_SECONDS 900

struct _VitaeResumeFigures
{
  GObject   parent_instance;

  gint64    resume_id;
  char     *title;
  char     *candidate_name;
  gboolean  is_active;
  gint64    downloads;
  gint64    views;
  guint     completion;
  gint64    created_at;
  gint64    updated_at;
};

enum {
  FIGURES_PROP_0,
  FIGURES_PROP_RESUME_ID,
  FIGURES_PROP_TITLE,
  FIGURES_PROP_CANDIDATE_NAME,
  FIGURES_PROP_IS_ACTIVE,
  FIGURES_PROP_DOWNLOADS,
  FIGURES_PROP_VIEWS,
  FIGURES_PROP_COMPLETION,
  FIGURES_PROP_CREATED_AT,
  FIGURES_PROP_UPDATED_AT,
  FIGURES_N_PROPS
};

static GParamSpec *figures_properties[FIGURES_N_PROPS];

typedef struct {
  GDateTime *start;
  guint      counts[VITAE_ANALYTICS_N_SERIES];
} Day;

struct _VitaeAnalytics
{
  GObject     parent_instance;

  guint       n_resumes;
  gint64      downloads;
  gint64      views;
  GListStore *resumes;
  Day         days[VITAE_ANALYTICS_DAYS];
};

G_DEFINE_FINAL_TYPE (VitaeResumeFigures, vitae_resume_figures, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (VitaeAnalytics, vitae_analytics, G_TYPE_OBJECT)

static VitaeAnalyticsSeries
series_for_action (const char *action)
{
  if (g_strcmp0 (action, VITAE_EVENT_VIEW) == 0)
    return VITAE_ANALYTICS_VIEWS;
  if (g_strcmp0 (action, VITAE_EVENT_DOWNLOAD) == 0)
    return VITAE_ANALYTICS_DOWNLOADS;
  return VITAE_ANALYTICS_OTHER;
}

/* A summary (completion, name) of an older version of the resume, or none
 * (a resume created empty, renamed, or written before migration v5):
 * compute it again, and keep it when the database can be written. */
static gboolean
refresh_summaries (VitaeStore  *store,
                     GPtrArray   *stale,
                     GError     **error)
{
  gboolean can_write = vitae_store_begin_write (store, NULL);

  for (guint i = 0; i < stale->len; i++)
    {
      VitaeResumeFigures *figures = g_ptr_array_index (stale, i);
      g_autoptr(VitaeResume) resume = vitae_store_load_resume (store, figures->resume_id, error);
      g_autoptr(VitaeCompletion) completion = NULL;

      if (resume == NULL)
        {
          vitae_store_rollback_write (store);
          return FALSE;
        }
      completion = vitae_completion_new (resume);
      figures->completion = vitae_completion_get_percent (completion);
      g_free (figures->candidate_name);
      figures->candidate_name = g_strdup (vitae_resume_get_candidate_name (resume));
      if (figures->candidate_name != NULL && *figures->candidate_name == '\0')
        g_clear_pointer (&figures->candidate_name, g_free);
      if (can_write && !vitae_store_save_summary (store, resume, NULL))
        {
          vitae_store_rollback_write (store);
          can_write = FALSE;
        }
    }
  if (can_write)
    vitae_store_commit_write (store, NULL);
  return TRUE;
}

static int
compare_last_edited (gconstpointer a,
                     gconstpointer b)
{
  const VitaeResumeFigures *x = *(VitaeResumeFigures * const *)a;
  const VitaeResumeFigures *y = *(VitaeResumeFigures * const *)b;

  if (x->updated_at != y->updated_at)
    return x->updated_at < y->updated_at ? 1 : -1;
  return (x->resume_id < y->resume_id) - (x->resume_id > y->resume_id);
}

static gboolean
load_resumes (VitaeAnalytics  *self,
              VitaeStore      *store,
              gint64           user_id,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  /* No ORDER BY: sorting whole rows in SQLite costs more than the query;
   * the pointers are sorted below. */
  stmt = vitae_store_prepare_cached (store,
                                     "SELECT r.id, r.title, s.candidate_name, r.is_active,"
                                     " r.download_count, r.view_count, r.created_at, r.updated_at,"
                                     " s.completion, s.computed_for IS r.updated_at"
                                     " FROM resumes r LEFT JOIN resume_summaries s ON s.resume_id = r.id"
                                     " WHERE r.user_id = ?1",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VitaeResumeFigures *figures = g_object_new (VITAE_TYPE_RESUME_FIGURES, NULL);
      const char *name = (const char *)sqlite3_column_text (stmt, 2);

      figures->resume_id = sqlite3_column_int64 (stmt, 0);
      figures->title = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      figures->candidate_name = name && *name ? g_strdup (name) : NULL;
      figures->is_active = sqlite3_column_int (stmt, 3);
      figures->downloads = sqlite3_column_int64 (stmt, 4);
      figures->views = sqlite3_column_int64 (stmt, 5);
      figures->created_at = sqlite3_column_int64 (stmt, 6);
      figures->updated_at = sqlite3_column_int64 (stmt, 7);
      figures->completion = sqlite3_column_int (stmt, 8);
      if (!sqlite3_column_int (stmt, 9))
        g_ptr_array_add (stale, figures);

      self->n_resumes++;
      self->downloads += figures->downloads;
      self->views += figures->views;
      g_ptr_array_add (rows, figures);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, vitae_store_get_db (store), _("Could not read the resumes"));
      return FALSE;
    }

  if (stale->len > 0 && !refresh_summaries (store, stale, error))
    return FALSE;
  g_ptr_array_sort (rows, compare_last_edited);
  g_list_store_splice (self->resumes, 0, 0, rows->pdata, rows->len);
  return TRUE;
}

static gboolean
load_days (VitaeAnalytics  *self,
           VitaeStore      *store,
           gint64           user_id,
           GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 boundaries[VITAE_ANALYTICS_DAYS + 1];
  sqlite3_stmt *stmt;
  guint day = 0;
  int rc;

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  for (guint i = 0; i < VITAE_ANALYTICS_DAYS; i++)
    {
      self->days[i].start = g_date_time_add_days (today, (int)i - (VITAE_ANALYTICS_DAYS - 1));
      boundaries[i] = g_date_time_to_unix (self->days[i].start);
    }
  end = g_date_time_add_days (today, 1);
  boundaries[VITAE_ANALYTICS_DAYS] = g_date_time_to_unix (end);

  stmt = vitae_store_prepare_cached (store,
                                     "SELECT slot, action, count FROM event_counts"
                                     " WHERE user_id = ?1 AND slot >= ?2 AND slot < ?3 AND count > 0"
                                     " ORDER BY slot",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, boundaries[0] / SLOT_SECONDS);
  sqlite3_bind_int64 (stmt, 3, boundaries[VITAE_ANALYTICS_DAYS] / SLOT_SECONDS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 slot_start = sqlite3_column_int64 (stmt, 0) * SLOT_SECONDS;
      VitaeAnalyticsSeries series = series_for_action ((const char *)sqlite3_column_text (stmt, 1));

      while (day + 1 < VITAE_ANALYTICS_DAYS && slot_start >= boundaries[day + 1])
        day++;
      self->days[day].counts[series] += sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, vitae_store_get_db (store), _("Could not read the events"));
      return FALSE;
    }
  return TRUE;
}

/* VitaeResumeFigures ------------------------------------------------------ */

static void
vitae_resume_figures_finalize (GObject *object)
{
  VitaeResumeFigures *self = (VitaeResumeFigures *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->candidate_name, g_free);

  G_OBJECT_CLASS (vitae_resume_figures_parent_class)->finalize (object);
}

static void
vitae_resume_figures_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VitaeResumeFigures *self = VITAE_RESUME_FIGURES (object);

  switch (prop_id)
    {
    case FIGURES_PROP_RESUME_ID: g_value_set_int64 (value, self->resume_id); break;
    case FIGURES_PROP_TITLE: g_value_set_string (value, self->title); break;
    case FIGURES_PROP_CANDIDATE_NAME: g_value_set_string (value, self->candidate_name); break;
    case FIGURES_PROP_IS_ACTIVE: g_value_set_boolean (value, self->is_active); break;
    case FIGURES_PROP_DOWNLOADS: g_value_set_int64 (value, self->downloads); break;
    case FIGURES_PROP_VIEWS: g_value_set_int64 (value, self->views); break;
    case FIGURES_PROP_COMPLETION: g_value_set_uint (value, self->completion); break;
    case FIGURES_PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    case FIGURES_PROP_UPDATED_AT: g_value_set_int64 (value, self->updated_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_resume_figures_class_init (VitaeResumeFiguresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitae_resume_figures_finalize;
  object_class->get_property = vitae_resume_figures_get_property;

  figures_properties[FIGURES_PROP_RESUME_ID] = g_param_spec_int64 ("resume-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  figures_properties[FIGURES_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  figures_properties[FIGURES_PROP_CANDIDATE_NAME] = g_param_spec_string ("candidate-name", NULL, NULL, NULL, flags);
  figures_properties[FIGURES_PROP_IS_ACTIVE] = g_param_spec_boolean ("is-active", NULL, NULL, TRUE, flags);
  figures_properties[FIGURES_PROP_DOWNLOADS] = g_param_spec_int64 ("downloads", NULL, NULL, 0, G_MAXINT64, 0, flags);
  figures_properties[FIGURES_PROP_VIEWS] = g_param_spec_int64 ("views", NULL, NULL, 0, G_MAXINT64, 0, flags);
  figures_properties[FIGURES_PROP_COMPLETION] = g_param_spec_uint ("completion", NULL, NULL, 0, 100, 0, flags);
  figures_properties[FIGURES_PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  figures_properties[FIGURES_PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, FIGURES_N_PROPS, figures_properties);
}

static void
vitae_resume_figures_init (VitaeResumeFigures *self)
{
}

gint64 vitae_resume_figures_get_resume_id (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), 0); return self->resume_id; }
const char *vitae_resume_figures_get_title (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), NULL); return self->title; }
const char *vitae_resume_figures_get_candidate_name (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), NULL); return self->candidate_name; }
gboolean vitae_resume_figures_get_is_active (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), FALSE); return self->is_active; }
gint64 vitae_resume_figures_get_downloads (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), 0); return self->downloads; }
gint64 vitae_resume_figures_get_views (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), 0); return self->views; }
guint vitae_resume_figures_get_completion (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), 0); return self->completion; }
gint64 vitae_resume_figures_get_created_at (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), 0); return self->created_at; }
gint64 vitae_resume_figures_get_updated_at (VitaeResumeFigures *self) { g_return_val_if_fail (VITAE_IS_RESUME_FIGURES (self), 0); return self->updated_at; }

/* VitaeAnalytics ---------------------------------------------------------- */

static void
vitae_analytics_finalize (GObject *object)
{
  VitaeAnalytics *self = (VitaeAnalytics *)object;

  g_clear_object (&self->resumes);
  for (guint i = 0; i < VITAE_ANALYTICS_DAYS; i++)
    g_clear_pointer (&self->days[i].start, g_date_time_unref);

  G_OBJECT_CLASS (vitae_analytics_parent_class)->finalize (object);
}

static void
vitae_analytics_class_init (VitaeAnalyticsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitae_analytics_finalize;
}

static void
vitae_analytics_init (VitaeAnalytics *self)
{
  self->resumes = g_list_store_new (VITAE_TYPE_RESUME_FIGURES);
}

/**
 * vitae_analytics_load:
 * @user_id: the profile
 *
 * Reads the profile's figures: totals over all its resumes (active and
 * archived), one #VitaeResumeFigures per resume, last edited first, and the
 * events of each of the last %VITAE_ANALYTICS_DAYS local days.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
VitaeAnalytics *
vitae_analytics_load (VitaeStore  *store,
                      gint64       user_id,
                      GError     **error)
{
  g_autoptr(VitaeAnalytics) self = NULL;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  self = g_object_new (VITAE_TYPE_ANALYTICS, NULL);
  if (!load_resumes (self, store, user_id, error) ||
      !load_days (self, store, user_id, error))
    return NULL;
  return g_steal_pointer (&self);
}

guint
vitae_analytics_get_n_resumes (VitaeAnalytics *self)
{
  g_return_val_if_fail (VITAE_IS_ANALYTICS (self), 0);
  return self->n_resumes;
}

gint64
vitae_analytics_get_downloads (VitaeAnalytics *self)
{
  g_return_val_if_fail (VITAE_IS_ANALYTICS (self), 0);
  return self->downloads;
}

gint64
vitae_analytics_get_views (VitaeAnalytics *self)
{
  g_return_val_if_fail (VITAE_IS_ANALYTICS (self), 0);
  return self->views;
}

/**
 * vitae_analytics_get_resumes:
 *
 * Returns: (transfer none): a #GListModel of #VitaeResumeFigures
 */
GListModel *
vitae_analytics_get_resumes (VitaeAnalytics *self)
{
  g_return_val_if_fail (VITAE_IS_ANALYTICS (self), NULL);
  return G_LIST_MODEL (self->resumes);
}

/**
 * vitae_analytics_get_day:
 * @day: 0 for the oldest day, %VITAE_ANALYTICS_DAYS - 1 for today
 *
 * Returns: (transfer none): the local midnight that starts @day
 */
GDateTime *
vitae_analytics_get_day (VitaeAnalytics *self,
                         guint           day)
{
  g_return_val_if_fail (VITAE_IS_ANALYTICS (self), NULL);
  g_return_val_if_fail (day < VITAE_ANALYTICS_DAYS, NULL);
  return self->days[day].start;
}

guint
vitae_analytics_get_day_count (VitaeAnalytics       *self,
                               guint                 day,
                               VitaeAnalyticsSeries  series)
{
  g_return_val_if_fail (VITAE_IS_ANALYTICS (self), 0);
  g_return_val_if_fail (day < VITAE_ANALYTICS_DAYS, 0);
  g_return_val_if_fail (series < VITAE_ANALYTICS_N_SERIES, 0);
  return self->days[day].counts[series];
}

guint
vitae_analytics_get_day_total (VitaeAnalytics *self,
                               guint           day)
{
  guint total = 0;

  g_return_val_if_fail (VITAE_IS_ANALYTICS (self), 0);
  g_return_val_if_fail (day < VITAE_ANALYTICS_DAYS, 0);
  for (guint s = 0; s < VITAE_ANALYTICS_N_SERIES; s++)
    total += self->days[day].counts[s];
  return total;
}

typedef struct {
  gint64 views;
  gint64 downloads;
} CounterDelta;

/**
 * vitae_store_record_events:
 * @events: (array length=n_events): events built with vitae_event_new(),
 *   each with its own time; their ids are set once they are stored
 *
 * Records every event in one transaction, and bumps the view and download
 * counters of their resumes in the same one; on error nothing is stored.
 */
gboolean
vitae_store_record_events (VitaeStore          *self,
                           VitaeEvent * const  *events,
                           guint                n_events,
                           GError             **error)
{
  g_autoptr(GHashTable) deltas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree gint64 *ids = g_new0 (gint64, MAX (n_events, 1));
  sqlite3 *db;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (events != NULL || n_events == 0, FALSE);

  db = vitae_store_get_db (self);
  if (!vitae_store_begin_write (self, error))
    return FALSE;

  for (guint i = 0; i < n_events; i++)
    {
      VitaeEvent *event = events[i];
      gint64 resume_id = vitae_event_get_resume_id (event);
      VitaeAnalyticsSeries series = series_for_action (vitae_event_get_action (event));
      int rc;

      stmt = vitae_store_prepare_cached (self,
                                         "INSERT INTO events (user_id, resume_id, action, details, created_at, updated_at)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, vitae_event_get_user_id (event));
      if (resume_id > 0)
        sqlite3_bind_int64 (stmt, 2, resume_id);
      sqlite3_bind_text (stmt, 3, vitae_event_get_action (event), -1, SQLITE_STATIC);
      if (vitae_event_get_details (event) != NULL)
        sqlite3_bind_text (stmt, 4, vitae_event_get_details (event), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, vitae_event_get_created_at (event));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          vitae_store_set_error_from_db (error, db, _("Could not record the event"));
          goto failed;
        }
      ids[i] = sqlite3_last_insert_rowid (db);

      if (resume_id > 0 && series != VITAE_ANALYTICS_OTHER)
        {
          CounterDelta *delta = g_hash_table_lookup (deltas, &resume_id);

          if (delta == NULL)
            {
              delta = g_new0 (CounterDelta, 1);
              g_hash_table_insert (deltas, g_memdup2 (&resume_id, sizeof resume_id), delta);
            }
          if (series == VITAE_ANALYTICS_VIEWS)
            delta->views++;
          else
            delta->downloads++;
        }
    }

  g_hash_table_iter_init (&iter, deltas);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CounterDelta *delta = value;
      int rc;

      stmt = vitae_store_prepare_cached (self,
                                         "UPDATE resumes SET view_count = view_count + ?2,"
                                         " download_count = download_count + ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *)key);
      sqlite3_bind_int64 (stmt, 2, delta->views);
      sqlite3_bind_int64 (stmt, 3, delta->downloads);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          vitae_store_set_error_from_db (error, db, _("Could not record the event"));
          goto failed;
        }
    }

  if (!vitae_store_commit_write (self, error))
    return FALSE;
  for (guint i = 0; i < n_events; i++)
    vitae_event_set_id (events[i], ids[i]);
  return TRUE;

failed:
  vitae_store_rollback_write (self);
  return FALSE;
}
