/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vitae-completion.h"
#include "vitae-store-index.h"

/* The search row and the completion of a resume, written in the transaction
 * that writes the resume. See vitae-store-index.h. */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
run_for_resume (VitaeStore  *self,
                const char  *sql,
                gint64       resume_id,
                GError     **error)
{
  sqlite3_stmt *stmt = vitae_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resume_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, vitae_store_get_db (self), _("Could not index the resume"));
      return FALSE;
    }
  return TRUE;
}

/**
 * vitae_store_save_summary:
 *
 * Stores the completion and candidate name of @resume, as of its stored
 * updated_at. Runs inside the caller's transaction, if any.
 */
gboolean
vitae_store_save_summary (VitaeStore   *self,
                             VitaeResume  *resume,
                             GError      **error)
{
  g_autoptr(VitaeCompletion) completion = vitae_completion_new (resume);
  const char *name;
  sqlite3_stmt *stmt;
  int rc;

  stmt = vitae_store_prepare_cached (self,
                                     "INSERT INTO resume_summaries"
                                     " (resume_id, candidate_name, completion, computed_for, created_at, updated_at)"
                                     " SELECT id, ?4, ?2, updated_at, ?3, ?3 FROM resumes WHERE id = ?1"
                                     " ON CONFLICT (resume_id) DO UPDATE SET candidate_name = excluded.candidate_name,"
                                     "  completion = excluded.completion, computed_for = excluded.computed_for,"
                                     "  updated_at = excluded.updated_at",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vitae_resume_get_id (resume));
  sqlite3_bind_int (stmt, 2, vitae_completion_get_percent (completion));
  sqlite3_bind_int64 (stmt, 3, now_seconds ());
  name = vitae_resume_get_candidate_name (resume);
  sqlite3_bind_text (stmt, 4, name ? name : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, vitae_store_get_db (self), _("Could not index the resume"));
      return FALSE;
    }
  return TRUE;
}

/**
 * vitae_store_index_resume:
 * @resume: a resume whose row and entries were just written
 *
 * Rewrites the resume's search row from what is stored, and its summary
 * (completion, candidate name) from @resume. Call it inside the transaction that wrote the resume, so
 * that search and the dashboard always agree with the resume.
 */
gboolean
vitae_store_index_resume (VitaeStore   *self,
                          VitaeResume  *resume,
                          GError      **error)
{
  gint64 id;

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (VITAE_IS_RESUME (resume), FALSE);

  id = vitae_resume_get_id (resume);
  return run_for_resume (self, "DELETE FROM resume_search WHERE rowid = ?1", id, error) &&
         run_for_resume (self, VITAE_SEARCH_DOCUMENT_SQL ("r.id = ?1"), id, error) &&
         vitae_store_save_summary (self, resume, error);
}
