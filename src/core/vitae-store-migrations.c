/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vitae-store-index.h"

/* One step per schema version. A step is applied inside BEGIN IMMEDIATE
 * together with the PRAGMA user_version that records it, so a database is
 * always at exactly one version. Never edit a released step: add one. */

static const char *migration_v1 =
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  email TEXT NOT NULL DEFAULT '',"
  "  avatar BLOB,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE resumes ("
  "  id INTEGER PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  template TEXT NOT NULL DEFAULT 'classic',"
  "  page_size TEXT NOT NULL DEFAULT 'a4' CHECK (page_size IN ('a4', 'letter')),"
  "  accent TEXT NOT NULL DEFAULT '#1c71d8',"
  "  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),"
  "  download_count INTEGER NOT NULL DEFAULT 0 CHECK (download_count >= 0),"
  "  view_count INTEGER NOT NULL DEFAULT 0 CHECK (view_count >= 0),"
  "  basics TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (basics)),"
  "  basics_extra TEXT CHECK (basics_extra IS NULL OR json_valid (basics_extra)),"
  "  extra TEXT CHECK (extra IS NULL OR json_valid (extra)),"
  "  sections TEXT NOT NULL DEFAULT '[]' CHECK (json_valid (sections)),"
  "  photo BLOB,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX resumes_user_id ON resumes (user_id, is_active, updated_at);"
  "CREATE TABLE entries ("
  "  id INTEGER PRIMARY KEY,"
  "  resume_id INTEGER NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,"
  "  section TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid (fields)),"
  "  extra TEXT CHECK (extra IS NULL OR json_valid (extra)),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX entries_resume_id ON entries (resume_id, section, position);";

static const char *migration_v2 =
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  resume_id INTEGER REFERENCES resumes (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL,"
  "  details TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX events_user_id ON events (user_id, created_at);"
  "CREATE INDEX events_resume_id ON events (resume_id, created_at);";

static const char *migration_v3 =
  "CREATE TABLE email_notifications ("
  "  id INTEGER PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  resume_id INTEGER REFERENCES resumes (id) ON DELETE SET NULL,"
  "  recipient TEXT NOT NULL,"
  "  subject TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  sent_at INTEGER"
  ");"
  "CREATE INDEX email_notifications_user_id ON email_notifications (user_id);"
  "CREATE INDEX email_notifications_resume_id ON email_notifications (resume_id);"
  "CREATE INDEX email_notifications_status ON email_notifications (status);"
  "CREATE TABLE resume_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  resume_id INTEGER NOT NULL REFERENCES resumes (id) ON DELETE CASCADE,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  snapshot TEXT NOT NULL CHECK (json_valid (snapshot)),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX resume_versions_resume_id ON resume_versions (resume_id, created_at);";

/* The outbox keeps what it needs to send a message again, byte for byte (the
 * attachment, a stable Message-ID), when to try next, and whether an attempt
 * is under way (see vitae-outbox.c). */
static const char *migration_v4 =
  "ALTER TABLE email_notifications ADD COLUMN kind TEXT NOT NULL DEFAULT 'message';"
  "ALTER TABLE email_notifications ADD COLUMN message_id TEXT;"
  "ALTER TABLE email_notifications ADD COLUMN attachment BLOB;"
  "ALTER TABLE email_notifications ADD COLUMN attachment_name TEXT;"
  "ALTER TABLE email_notifications ADD COLUMN attachment_type TEXT;"
  "ALTER TABLE email_notifications ADD COLUMN next_attempt_at INTEGER;"
  "ALTER TABLE email_notifications ADD COLUMN sending_since INTEGER;"
  "UPDATE email_notifications SET next_attempt_at = created_at WHERE status = 'queued';"
  "CREATE INDEX email_notifications_due ON email_notifications (status, next_attempt_at);";

/* Search and the dashboard at scale (see vitae-store-index.h): an FTS5 index
 * of every resume's title, candidate name and content, filled here and then
 * kept in step by the store's writes and these triggers; each resume's
 * completion (computed by vitae-completion.c) and candidate name, written
 * with the resume so that the dashboard reads no JSON (rows older than their
 * resume are computed again when read); and the events
 * of each quarter of an hour counted per profile and action, so that the
 * dashboard's 30 days read a few thousand rows, not every event. Every
 * time zone is a whole number of quarters from UTC, so a quarter never
 * straddles a local midnight. */
static const char *migration_v5 =
  "CREATE VIRTUAL TABLE resume_search USING fts5 ("
  "  title, name, content, fields UNINDEXED,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");"
  VITAE_SEARCH_DOCUMENT_SQL ("1") ";"
  "CREATE TRIGGER resumes_search_insert AFTER INSERT ON resumes BEGIN"
  "  INSERT INTO resume_search (rowid, title, name, content, fields)"
  "  VALUES (new.id, new.title, coalesce (json_extract (new.basics, '$.name'), ''), '', '');"
  " END;"
  "CREATE TRIGGER resumes_search_title AFTER UPDATE OF title ON resumes"
  " WHEN old.title IS NOT new.title BEGIN"
  "  UPDATE resume_search SET title = new.title WHERE rowid = new.id;"
  " END;"
  "CREATE TRIGGER resumes_search_delete AFTER DELETE ON resumes BEGIN"
  "  DELETE FROM resume_search WHERE rowid = old.id;"
  " END;"
  "CREATE TABLE resume_summaries ("
  "  resume_id INTEGER NOT NULL UNIQUE REFERENCES resumes (id) ON DELETE CASCADE,"
  "  candidate_name TEXT NOT NULL DEFAULT '',"
  "  completion INTEGER NOT NULL CHECK (completion BETWEEN 0 AND 100),"
  "  computed_for INTEGER NOT NULL,"  /* the resume's updated_at it was computed for */
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE event_counts ("
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  slot INTEGER NOT NULL,"  /* created_at / 900: a quarter of an hour */
  "  action TEXT NOT NULL,"
  "  count INTEGER NOT NULL CHECK (count >= 0),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, slot, action)"
  ") WITHOUT ROWID;"
  "INSERT INTO event_counts (user_id, slot, action, count, created_at, updated_at)"
  " SELECT user_id, created_at / 900, action, count(*), min (created_at), max (created_at)"
  " FROM events GROUP BY 1, 2, 3;"
  "CREATE TRIGGER events_count_insert AFTER INSERT ON events BEGIN"
  "  INSERT INTO event_counts (user_id, slot, action, count, created_at, updated_at)"
  "  VALUES (new.user_id, new.created_at / 900, new.action, 1, new.created_at, new.created_at)"
  "  ON CONFLICT (user_id, slot, action) DO UPDATE SET count = count + 1, updated_at = excluded.updated_at;"
  " END;"
  "CREATE TRIGGER events_count_update AFTER UPDATE OF user_id, action, created_at ON events BEGIN"
  "  UPDATE event_counts SET count = count - 1"
  "  WHERE user_id = old.user_id AND slot = old.created_at / 900 AND action = old.action;"
  "  INSERT INTO event_counts (user_id, slot, action, count, created_at, updated_at)"
  "  VALUES (new.user_id, new.created_at / 900, new.action, 1, new.created_at, new.created_at)"
  "  ON CONFLICT (user_id, slot, action) DO UPDATE SET count = count + 1, updated_at = excluded.updated_at;"
  " END;"
  "CREATE TRIGGER events_count_delete AFTER DELETE ON events BEGIN"
  "  UPDATE event_counts SET count = count - 1"
  "  WHERE user_id = old.user_id AND slot = old.created_at / 900 AND action = old.action;"
  " END;";

static const char *
migration_for (int version)
{
  switch (version)
    {
    case 1: return migration_v1;
    case 2: return migration_v2;
    case 3: return migration_v3;
    case 4: return migration_v4;
    case 5: return migration_v5;
    default: g_assert_not_reached ();
    }
}

int
vitae_store_db_get_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

void
vitae_store_set_error_from_db (GError     **error,
                               sqlite3     *db,
                               const char  *what)
{
  int code = sqlite3_errcode (db) & 0xff;
  VitaeStoreError store_code;

  switch (code)
    {
    case SQLITE_NOTADB: store_code = VITAE_STORE_ERROR_NOT_A_DATABASE; break;
    case SQLITE_CORRUPT: store_code = VITAE_STORE_ERROR_CORRUPT; break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: store_code = VITAE_STORE_ERROR_READ_ONLY; break;
    case SQLITE_CONSTRAINT: store_code = VITAE_STORE_ERROR_INVALID; break;
    default: store_code = VITAE_STORE_ERROR_FAILED; break;
    }

  g_set_error (error, VITAE_STORE_ERROR, store_code, "%s: %s", what, sqlite3_errmsg (db));
}

/**
 * vitae_store_migrate_db:
 * @target_version: the version to reach, at most %VITAE_STORE_SCHEMA_VERSION
 *
 * Applies each missing step in its own transaction.
 */
gboolean
vitae_store_migrate_db (sqlite3  *db,
                        int       target_version,
                        GError  **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target_version <= VITAE_STORE_SCHEMA_VERSION, FALSE);

  for (;;)
    {
      int version;
      g_autofree char *set_version = NULL;

      if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        {
          vitae_store_set_error_from_db (error, db, _("Could not update the database"));
          return FALSE;
        }

      /* Read inside the transaction: another Vitae may have migrated meanwhile. */
      version = vitae_store_db_get_version (db);
      if (version < 0 || version >= target_version)
        {
          sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
          if (version < 0)
            {
              vitae_store_set_error_from_db (error, db, _("Could not read the database version"));
              return FALSE;
            }
          return TRUE;
        }

      /* PRAGMA takes no bound parameters; the version is an integer we computed. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (sqlite3_exec (db, migration_for (version + 1), NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (db, set_version, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_autofree char *what = g_strdup_printf (_("Could not update the database to version %d"), version + 1);
          vitae_store_set_error_from_db (error, db, what);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

      if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        {
          vitae_store_set_error_from_db (error, db, _("Could not update the database"));
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
}
