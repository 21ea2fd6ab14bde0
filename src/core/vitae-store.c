/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vitae-store-index.h"
#include "vitae-store-private.h"

struct _VitaeStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  /* SQL text (static strings) -> sqlite3_stmt, prepared once */
  GHashTable *statements;
};

G_DEFINE_FINAL_TYPE (VitaeStore, vitae_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (vitae-store-error-quark, vitae_store_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * vitae_store_prepare_cached:
 * @sql: a static string: the cache is keyed by its address
 *
 * Returns: (transfer none): a statement prepared once per store, reset and
 *   unbound, or %NULL with @error set. Reset it after use, so that no read
 *   stays open.
 */
sqlite3_stmt *
vitae_store_prepare_cached (VitaeStore  *self,
                            const char  *sql,
                            GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      vitae_store_set_error_from_db (error, self->db, _("Could not read the database"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

/* Steps a statement that returns no row. */
static gboolean
store_run (VitaeStore    *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      vitae_store_set_error_from_db (error, self->db, what);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
vitae_store_begin_write (VitaeStore  *self,
                         GError     **error)
{
  if (sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      vitae_store_set_error_from_db (error, self->db, _("Could not save"));
      return FALSE;
    }
  return TRUE;
}

gboolean
vitae_store_commit_write (VitaeStore  *self,
                          GError     **error)
{
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      vitae_store_set_error_from_db (error, self->db, _("Could not save"));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
vitae_store_rollback_write (VitaeStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_bytes (sqlite3_stmt *stmt,
            int           index,
            GBytes       *bytes)
{
  gsize size;
  gconstpointer data;

  if (bytes == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  data = g_bytes_get_data (bytes, &size);
  sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_TRANSIENT);
}

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}

static char *
json_object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;

  if (object == NULL || json_object_get_size (object) == 0)
    return NULL;
  node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

static JsonObject *
json_object_from_string (const char *text)
{
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    return NULL;
  node = json_from_string (text, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static void
not_found (GError     **error,
           const char  *what,
           gint64       id)
{
  g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
               "%s %" G_GINT64_FORMAT, what, id);
}

static void
vitae_store_finalize (GObject *object)
{
  VitaeStore *self = (VitaeStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (vitae_store_parent_class)->finalize (object);
}

static void
vitae_store_class_init (VitaeStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitae_store_finalize;
}

static void
vitae_store_init (VitaeStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
}

/**
 * vitae_store_default_path:
 * @data_dir: (nullable): a folder that overrides the default
 *
 * Returns: where the database lives: @data_dir, else `$VITAE_DATA_DIR`, else
 *   `$XDG_DATA_HOME/vitae`, followed by `vitae.db`.
 */
char *
vitae_store_default_path (const char *data_dir)
{
  if (data_dir == NULL || *data_dir == '\0')
    data_dir = g_getenv ("VITAE_DATA_DIR");
  if (data_dir != NULL && *data_dir != '\0')
    return g_build_filename (data_dir, "vitae.db", NULL);
  return g_build_filename (g_get_user_data_dir (), "vitae", "vitae.db", NULL);
}

static void
read_only_error (GError     **error,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_READ_ONLY,
               _("Vitae cannot write to “%s” or its folder. Check the folder’s permissions or choose another data folder."),
               display);
}

static const char sqlite_magic[16] = "SQLite format 3";

/* Reads the existing file without writing a byte: is it a Vitae database this
 * build can open? A file that is not, or is damaged, is left as it is. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  char header[16];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gssize n;
  int fd, version, rc;

  fd = g_open (path, O_RDONLY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, VITAE_STORE_ERROR,
                   saved_errno == EACCES ? VITAE_STORE_ERROR_READ_ONLY : VITAE_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    return TRUE;  /* an empty file is an empty database */
  if (n != sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Vitae database. It was left untouched; move it aside to start afresh."),
                   display);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), display, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  version = vitae_store_db_get_version (db);
  if (version < 0)
    goto damaged;
  if (version > VITAE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Vitae (database version %d; this version reads up to %d). Update Vitae to open it."),
                   display, version, VITAE_STORE_SCHEMA_VERSION);
      sqlite3_close (db);
      return FALSE;
    }

  /* Reading the whole schema catches a damaged header or catalogue cheaply;
   * a full integrity check is left to backups, which must not slow start-up. */
  if (sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema", -1, &stmt, NULL) != SQLITE_OK)
    goto damaged;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto damaged;

  sqlite3_close (db);
  return TRUE;

damaged:
  rc = sqlite3_errcode (db) & 0xff;
  if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_PERM)
    {
      /* Reading a WAL database needs its -shm file, which a read-only folder forbids. */
      sqlite3_close (db);
      read_only_error (error, path);
      return FALSE;
    }
  g_set_error (error, VITAE_STORE_ERROR,
               (sqlite3_errcode (db) & 0xff) == SQLITE_NOTADB ? VITAE_STORE_ERROR_NOT_A_DATABASE
                                                              : VITAE_STORE_ERROR_CORRUPT,
               _("“%s” is damaged and cannot be read (%s). It was left untouched; restore a backup or move it aside."),
               display, sqlite3_errmsg (db));
  sqlite3_close (db);
  return FALSE;
}

/**
 * vitae_store_open:
 * @path: the database file; created with its folder when missing
 *
 * Opens the database, migrating it to the current schema. A file that is not
 * a Vitae database, is damaged, comes from a newer Vitae or cannot be written
 * gives an error and is never modified.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
VitaeStore *
vitae_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(VitaeStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists)
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_A_DATABASE,
                       _("“%s” is not a Vitae database."), display);
          return NULL;
        }
      if (!check_existing_file (path, error))
        return NULL;
    }
  else if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      read_only_error (error, path);
      return NULL;
    }

  /* WAL keeps its log beside the file: the folder must be writable too. */
  if (access (dir, W_OK | X_OK) != 0 || (exists && access (path, W_OK) != 0))
    {
      read_only_error (error, path);
      return NULL;
    }

  self = g_object_new (VITAE_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK || sqlite3_db_readonly (self->db, "main") == 1)
    {
      read_only_error (error, path);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 0);
  sqlite3_busy_timeout (self->db, 5000);

  if (sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (self->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      int code = sqlite3_errcode (self->db) & 0xff;

      if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
        read_only_error (error, path);
      else
        vitae_store_set_error_from_db (error, self->db, _("Could not open the database"));
      return NULL;
    }

  if (!vitae_store_migrate_db (self->db, VITAE_STORE_SCHEMA_VERSION, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
vitae_store_get_path (VitaeStore *self)
{
  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
vitae_store_get_db (VitaeStore *self)
{
  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);
  return self->db;
}

/* Profiles -------------------------------------------------------------- */

#define USER_COLUMNS "id, name, email, avatar, created_at, updated_at"

static VitaeUser *
user_from_row (sqlite3_stmt *stmt)
{
  VitaeUser *user = vitae_user_new ();
  g_autoptr(GBytes) avatar = column_bytes (stmt, 3);

  vitae_user_set_id (user, sqlite3_column_int64 (stmt, 0));
  vitae_user_set_name (user, (const char *)sqlite3_column_text (stmt, 1));
  vitae_user_set_email (user, (const char *)sqlite3_column_text (stmt, 2));
  vitae_user_set_avatar (user, avatar);
  vitae_user_set_created_at (user, sqlite3_column_int64 (stmt, 4));
  vitae_user_set_updated_at (user, sqlite3_column_int64 (stmt, 5));
  return user;
}

/**
 * vitae_store_list_users:
 *
 * Returns: (transfer full): a #GListModel of #VitaeUser, by name.
 */
GListModel *
vitae_store_list_users (VitaeStore  *self,
                        GError     **error)
{
  g_autoptr(GListStore) users = g_list_store_new (VITAE_TYPE_USER);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);

  stmt = vitae_store_prepare_cached (self, "SELECT " USER_COLUMNS " FROM users ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VitaeUser) user = user_from_row (stmt);
      g_list_store_append (users, user);
    }
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, self->db, _("Could not read the profiles"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&users));
}

VitaeUser *
vitae_store_get_user (VitaeStore  *self,
                      gint64       user_id,
                      GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);

  stmt = vitae_store_prepare_cached (self, "SELECT " USER_COLUMNS " FROM users WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return user_from_row (stmt);
  if (rc == SQLITE_DONE)
    not_found (error, _("No profile has the id"), user_id);
  else
    vitae_store_set_error_from_db (error, self->db, _("Could not read the profile"));
  return NULL;
}

/**
 * vitae_store_find_user:
 * @name_or_id: a profile's id, or its name (case does not matter)
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
VitaeUser *
vitae_store_find_user (VitaeStore  *self,
                       const char  *name_or_id,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  stmt = vitae_store_prepare_cached (self,
                        "SELECT " USER_COLUMNS " FROM users"
                        " WHERE name = ?1 COLLATE NOCASE OR CAST (id AS TEXT) = ?1"
                        " ORDER BY CAST (id AS TEXT) = ?1 DESC, id LIMIT 1",
                        error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, name_or_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return user_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
                 _("No profile is named “%s”"), name_or_id);
  else
    vitae_store_set_error_from_db (error, self->db, _("Could not read the profile"));
  return NULL;
}

VitaeUser *
vitae_store_create_user (VitaeStore  *self,
                         const char  *name,
                         const char  *email,
                         GError     **error)
{
  g_autoptr(VitaeUser) user = NULL;
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_INVALID,
                           _("A profile needs a name"));
      return NULL;
    }

  stmt = vitae_store_prepare_cached (self,
                        "INSERT INTO users (name, email, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?3)", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, stripped);
  bind_text (stmt, 2, email ? email : "");
  sqlite3_bind_int64 (stmt, 3, now);
  if (!store_run (self, stmt, _("Could not create the profile"), error))
    return NULL;

  user = vitae_user_new ();
  vitae_user_set_id (user, sqlite3_last_insert_rowid (self->db));
  vitae_user_set_name (user, stripped);
  vitae_user_set_email (user, email ? email : "");
  vitae_user_set_created_at (user, now);
  vitae_user_set_updated_at (user, now);
  return g_steal_pointer (&user);
}

gboolean
vitae_store_save_user (VitaeStore  *self,
                       VitaeUser   *user,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  const char *name;
  gint64 now = now_seconds ();

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (VITAE_IS_USER (user), FALSE);

  name = vitae_user_get_name (user);
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_INVALID,
                           _("A profile needs a name"));
      return FALSE;
    }

  stmt = vitae_store_prepare_cached (self,
                        "UPDATE users SET name = ?2, email = ?3, avatar = ?4, updated_at = ?5"
                        " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vitae_user_get_id (user));
  bind_text (stmt, 2, name);
  bind_text (stmt, 3, vitae_user_get_email (user) ? vitae_user_get_email (user) : "");
  bind_bytes (stmt, 4, vitae_user_get_avatar (user));
  sqlite3_bind_int64 (stmt, 5, now);
  if (!store_run (self, stmt, _("Could not save the profile"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      not_found (error, _("No profile has the id"), vitae_user_get_id (user));
      return FALSE;
    }
  vitae_user_set_updated_at (user, now);
  return TRUE;
}

/**
 * vitae_store_delete_user:
 *
 * Deletes a profile with its resumes, their entries, versions and events.
 */
gboolean
vitae_store_delete_user (VitaeStore  *self,
                         gint64       user_id,
                         GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);

  stmt = vitae_store_prepare_cached (self, "DELETE FROM users WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!store_run (self, stmt, _("Could not delete the profile"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      not_found (error, _("No profile has the id"), user_id);
      return FALSE;
    }
  return TRUE;
}

/* Resumes ---------------------------------------------------------------- */

#define RESUME_COLUMNS "id, user_id, title, template, page_size, accent, is_active," \
                       " download_count, view_count, created_at, updated_at"

static void
resume_set_from_row (VitaeResume  *resume,
                     sqlite3_stmt *stmt)
{
  vitae_resume_set_id (resume, sqlite3_column_int64 (stmt, 0));
  vitae_resume_set_user_id (resume, sqlite3_column_int64 (stmt, 1));
  vitae_resume_set_title (resume, (const char *)sqlite3_column_text (stmt, 2));
  vitae_resume_set_template (resume, (const char *)sqlite3_column_text (stmt, 3));
  vitae_resume_set_page_size (resume, (const char *)sqlite3_column_text (stmt, 4));
  vitae_resume_set_accent (resume, (const char *)sqlite3_column_text (stmt, 5));
  vitae_resume_set_is_active (resume, sqlite3_column_int (stmt, 6));
  vitae_resume_set_download_count (resume, sqlite3_column_int64 (stmt, 7));
  vitae_resume_set_view_count (resume, sqlite3_column_int64 (stmt, 8));
  vitae_resume_set_created_at (resume, sqlite3_column_int64 (stmt, 9));
  vitae_resume_set_updated_at (resume, sqlite3_column_int64 (stmt, 10));
}

/**
 * vitae_store_list_resumes:
 *
 * Returns: (transfer full): a #GListModel of #VitaeResume summaries (no
 *   entries: load one with vitae_store_load_resume()), last edited first.
 */
GListModel *
vitae_store_list_resumes (VitaeStore         *self,
                          gint64              user_id,
                          VitaeResumeFilter   filter,
                          GError            **error)
{
  g_autoptr(GListStore) resumes = g_list_store_new (VITAE_TYPE_RESUME);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);

  stmt = vitae_store_prepare_cached (self,
                        "SELECT " RESUME_COLUMNS ", json_extract (basics, '$.name') FROM resumes"
                        " WHERE user_id = ?1 AND (?2 = 2 OR is_active = (?2 = 0))"
                        " ORDER BY updated_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int (stmt, 2, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VitaeResume) resume = vitae_resume_new ();
      resume_set_from_row (resume, stmt);
      vitae_resume_set_candidate_name (resume, (const char *)sqlite3_column_text (stmt, 11));
      g_list_store_append (resumes, resume);
    }
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, self->db, _("Could not read the resumes"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&resumes));
}

static gboolean
load_entries (VitaeStore   *self,
              VitaeResume  *resume,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = vitae_store_prepare_cached (self,
                        "SELECT id, section, fields, extra FROM entries"
                        " WHERE resume_id = ?1 ORDER BY section, position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vitae_resume_get_id (resume));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const VitaeSectionInfo *info = vitae_section_lookup ((const char *)sqlite3_column_text (stmt, 1));
      g_autoptr(VitaeEntry) entry = NULL;
      g_autoptr(JsonObject) extra = NULL;

      if (info == NULL || info->single)
        {
          g_warning ("Skipping entry %" G_GINT64_FORMAT " of unknown section “%s”",
                     (gint64)sqlite3_column_int64 (stmt, 0), sqlite3_column_text (stmt, 1));
          continue;
        }
      entry = vitae_entry_new (info->id);
      vitae_entry_set_id (entry, sqlite3_column_int64 (stmt, 0));
      if (!vitae_entry_load_json (entry, (const char *)sqlite3_column_text (stmt, 2), error))
        return FALSE;
      extra = json_object_from_string ((const char *)sqlite3_column_text (stmt, 3));
      vitae_entry_set_extra (entry, extra);
      vitae_resume_insert_entry (resume, entry, G_MAXUINT);
    }
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, self->db, _("Could not read the resume"));
      return FALSE;
    }
  return TRUE;
}

/**
 * vitae_store_load_resume:
 *
 * Returns: (transfer full): the whole resume, with its entries and photo.
 */
VitaeResume *
vitae_store_load_resume (VitaeStore  *self,
                         gint64       resume_id,
                         GError     **error)
{
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(JsonObject) basics_extra = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GBytes) photo = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);

  stmt = vitae_store_prepare_cached (self,
                        "SELECT " RESUME_COLUMNS ", basics, basics_extra, extra, sections, photo"
                        " FROM resumes WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resume_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        not_found (error, _("No resume has the id"), resume_id);
      else
        vitae_store_set_error_from_db (error, self->db, _("Could not read the resume"));
      return NULL;
    }

  resume = vitae_resume_new ();
  resume_set_from_row (resume, stmt);
  if (!vitae_entry_load_json (vitae_resume_get_basics (resume),
                              (const char *)sqlite3_column_text (stmt, 11), error))
    return NULL;
  basics_extra = json_object_from_string ((const char *)sqlite3_column_text (stmt, 12));
  vitae_entry_set_extra (vitae_resume_get_basics (resume), basics_extra);
  extra = json_object_from_string ((const char *)sqlite3_column_text (stmt, 13));
  vitae_resume_set_extra (resume, extra);
  vitae_resume_layout_from_json (resume, (const char *)sqlite3_column_text (stmt, 14));
  photo = column_bytes (stmt, 15);
  vitae_resume_set_photo (resume, photo);
  sqlite3_reset (stmt);

  if (!load_entries (self, resume, error))
    return NULL;

  return g_steal_pointer (&resume);
}

static gboolean
write_entries (VitaeStore   *self,
               VitaeResume  *resume,
               gint64        now,
               GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(JsonArray) kept_json = json_array_new ();
  g_autoptr(JsonNode) kept_node = NULL;
  g_autofree char *kept_text = NULL;
  sqlite3_stmt *update, *insert, *prune;
  gint64 resume_id = vitae_resume_get_id (resume);

  for (guint s = VITAE_SECTION_BASICS + 1; s < VITAE_N_SECTIONS; s++)
    {
      GListModel *model = vitae_resume_get_entries (resume, s);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VitaeEntry) entry = g_list_model_get_item (model, i);
          g_autofree char *fields = vitae_entry_to_json (entry);
          g_autofree char *extra = json_object_to_string (vitae_entry_get_extra (entry));
          gint64 id = vitae_entry_get_id (entry);
          gboolean updated = FALSE;

          /* An id seen twice (a copied entry) is saved as a new row. */
          if (id > 0 && !g_hash_table_contains (seen, &id))
            {
              update = vitae_store_prepare_cached (self,
                                      "UPDATE entries SET section = ?3, position = ?4, fields = ?5, extra = ?6,"
                                      " updated_at = CASE WHEN fields IS ?5 AND extra IS ?6 AND position = ?4"
                                      "   THEN updated_at ELSE ?7 END"
                                      " WHERE id = ?1 AND resume_id = ?2", error);
              if (update == NULL)
                return FALSE;
              sqlite3_bind_int64 (update, 1, id);
              sqlite3_bind_int64 (update, 2, resume_id);
              bind_text (update, 3, vitae_section_get_info (s)->key);
              sqlite3_bind_int (update, 4, i);
              bind_text (update, 5, fields);
              bind_text (update, 6, extra);
              sqlite3_bind_int64 (update, 7, now);
              if (!store_run (self, update, _("Could not save the resume"), error))
                return FALSE;
              updated = sqlite3_changes (self->db) > 0;
            }

          if (!updated)
            {
              insert = vitae_store_prepare_cached (self,
                                      "INSERT INTO entries (resume_id, section, position, fields, extra, created_at, updated_at)"
                                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
              if (insert == NULL)
                return FALSE;
              sqlite3_bind_int64 (insert, 1, resume_id);
              bind_text (insert, 2, vitae_section_get_info (s)->key);
              sqlite3_bind_int (insert, 3, i);
              bind_text (insert, 4, fields);
              bind_text (insert, 5, extra);
              sqlite3_bind_int64 (insert, 6, now);
              if (!store_run (self, insert, _("Could not save the resume"), error))
                return FALSE;
              id = sqlite3_last_insert_rowid (self->db);
              vitae_entry_set_id (entry, id);
            }

          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          json_array_add_int_element (kept_json, id);
        }
    }

  kept_node = json_node_init_array (json_node_alloc (), kept_json);
  kept_text = json_to_string (kept_node, FALSE);
  prune = vitae_store_prepare_cached (self,
                         "DELETE FROM entries WHERE resume_id = ?1"
                         " AND id NOT IN (SELECT value FROM json_each (?2))", error);
  if (prune == NULL)
    return FALSE;
  sqlite3_bind_int64 (prune, 1, resume_id);
  bind_text (prune, 2, kept_text);
  return store_run (self, prune, _("Could not save the resume"), error);
}

static gboolean
write_resume_row (VitaeStore   *self,
                  VitaeResume  *resume,
                  gint64        now,
                  GError      **error)
{
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  g_autofree char *basics_json = vitae_entry_to_json (basics);
  g_autofree char *basics_extra = json_object_to_string (vitae_entry_get_extra (basics));
  g_autofree char *extra = json_object_to_string (vitae_resume_get_extra (resume));
  g_autofree char *layout = vitae_resume_layout_to_json (resume);
  sqlite3_stmt *stmt;

  stmt = vitae_store_prepare_cached (self,
                        "UPDATE resumes SET title = ?2, template = ?3, page_size = ?4, accent = ?5,"
                        " is_active = ?6, basics = ?7, basics_extra = ?8, extra = ?9, sections = ?10,"
                        " photo = ?11, updated_at = ?12 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vitae_resume_get_id (resume));
  bind_text (stmt, 2, vitae_resume_get_title (resume) ? vitae_resume_get_title (resume) : "");
  bind_text (stmt, 3, vitae_resume_get_template (resume));
  bind_text (stmt, 4, vitae_resume_get_page_size (resume));
  bind_text (stmt, 5, vitae_resume_get_accent (resume));
  sqlite3_bind_int (stmt, 6, vitae_resume_get_is_active (resume));
  bind_text (stmt, 7, basics_json);
  bind_text (stmt, 8, basics_extra);
  bind_text (stmt, 9, extra);
  bind_text (stmt, 10, layout);
  bind_bytes (stmt, 11, vitae_resume_get_photo (resume));
  sqlite3_bind_int64 (stmt, 12, now);
  if (!store_run (self, stmt, _("Could not save the resume"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      not_found (error, _("No resume has the id"), vitae_resume_get_id (resume));
      return FALSE;
    }
  return TRUE;
}

/**
 * vitae_store_save_resume:
 *
 * Writes the whole resume (settings, basics, layout, entries) in one
 * transaction and bumps updated_at. On error nothing is written.
 */
gboolean
vitae_store_save_resume (VitaeStore   *self,
                         VitaeResume  *resume,
                         GError      **error)
{
  gint64 now = now_seconds ();

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (VITAE_IS_RESUME (resume), FALSE);
  g_return_val_if_fail (vitae_resume_get_id (resume) > 0, FALSE);

  if (!vitae_store_begin_write (self, error))
    return FALSE;
  if (!write_resume_row (self, resume, now, error) ||
      !write_entries (self, resume, now, error) ||
      !vitae_store_index_resume (self, resume, error) ||  /* search and completion */
      !vitae_store_commit_write (self, error))
    {
      vitae_store_rollback_write (self);
      return FALSE;
    }
  vitae_resume_set_updated_at (resume, now);
  return TRUE;
}

static gint64
insert_resume_row (VitaeStore  *self,
                   gint64       user_id,
                   const char  *title,
                   gint64       now,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = vitae_store_prepare_cached (self,
                        "INSERT INTO resumes (user_id, title, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?3)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, user_id);
  bind_text (stmt, 2, title);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!store_run (self, stmt, _("Could not create the resume"), error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * vitae_store_insert_resume:
 * @resume: a resume with its user id set; its id and entry ids are assigned
 *
 * Stores a resume built elsewhere (an import, a copy) as a new one.
 */
gboolean
vitae_store_insert_resume (VitaeStore   *self,
                           VitaeResume  *resume,
                           GError      **error)
{
  gint64 now = now_seconds ();
  gint64 id;

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (VITAE_IS_RESUME (resume), FALSE);

  for (guint s = VITAE_SECTION_BASICS + 1; s < VITAE_N_SECTIONS; s++)
    {
      GListModel *model = vitae_resume_get_entries (resume, s);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(VitaeEntry) entry = g_list_model_get_item (model, i);
          vitae_entry_set_id (entry, 0);
        }
    }

  if (!vitae_store_begin_write (self, error))
    return FALSE;
  id = insert_resume_row (self, vitae_resume_get_user_id (resume),
                          vitae_resume_get_title (resume) ? vitae_resume_get_title (resume) : "",
                          now, error);
  if (id == 0)
    {
      vitae_store_rollback_write (self);
      return FALSE;
    }
  vitae_resume_set_id (resume, id);
  if (!write_resume_row (self, resume, now, error) ||
      !write_entries (self, resume, now, error) ||
      !vitae_store_index_resume (self, resume, error) ||  /* search and completion */
      !vitae_store_commit_write (self, error))
    {
      vitae_store_rollback_write (self);
      vitae_resume_set_id (resume, 0);
      return FALSE;
    }
  vitae_resume_set_created_at (resume, now);
  vitae_resume_set_updated_at (resume, now);
  return TRUE;
}

/**
 * vitae_store_create_resume:
 *
 * Creates an empty resume and records its `create` event, in one transaction.
 *
 * Returns: (transfer full): the new resume
 */
VitaeResume *
vitae_store_create_resume (VitaeStore  *self,
                           gint64       user_id,
                           const char  *title,
                           GError     **error)
{
  g_autoptr(VitaeResume) resume = NULL;
  gint64 now = now_seconds ();
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (!vitae_store_begin_write (self, error))
    return NULL;
  id = insert_resume_row (self, user_id, title, now, error);
  if (id == 0)
    {
      vitae_store_rollback_write (self);
      return NULL;
    }
  stmt = vitae_store_prepare_cached (self,
                        "INSERT INTO events (user_id, resume_id, action, created_at, updated_at)"
                        " VALUES (?1, ?2, 'create', ?3, ?3)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, user_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int64 (stmt, 3, now);
    }
  if (stmt == NULL ||
      !store_run (self, stmt, _("Could not create the resume"), error) ||
      !vitae_store_commit_write (self, error))
    {
      vitae_store_rollback_write (self);
      return NULL;
    }

  resume = vitae_resume_new ();
  vitae_resume_set_id (resume, id);
  vitae_resume_set_user_id (resume, user_id);
  vitae_resume_set_title (resume, title);
  vitae_resume_set_created_at (resume, now);
  vitae_resume_set_updated_at (resume, now);
  return g_steal_pointer (&resume);
}

/**
 * vitae_store_duplicate_resume:
 * @title: the copy's title
 *
 * Returns: (transfer full): the copy, with fresh counters and no history
 */
VitaeResume *
vitae_store_duplicate_resume (VitaeStore  *self,
                              gint64       resume_id,
                              const char  *title,
                              GError     **error)
{
  g_autoptr(VitaeResume) resume = NULL;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  resume = vitae_store_load_resume (self, resume_id, error);
  if (resume == NULL)
    return NULL;
  vitae_resume_set_title (resume, title);
  vitae_resume_set_is_active (resume, TRUE);
  vitae_resume_set_download_count (resume, 0);
  vitae_resume_set_view_count (resume, 0);
  if (!vitae_store_insert_resume (self, resume, error))
    return NULL;
  return g_steal_pointer (&resume);
}

gboolean
vitae_store_rename_resume (VitaeStore  *self,
                           gint64       resume_id,
                           const char  *title,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  stmt = vitae_store_prepare_cached (self, "UPDATE resumes SET title = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resume_id);
  bind_text (stmt, 2, title);
  sqlite3_bind_int64 (stmt, 3, now_seconds ());
  if (!store_run (self, stmt, _("Could not rename the resume"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      not_found (error, _("No resume has the id"), resume_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
vitae_store_set_resume_active (VitaeStore  *self,
                               gint64       resume_id,
                               gboolean     is_active,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);

  stmt = vitae_store_prepare_cached (self, "UPDATE resumes SET is_active = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resume_id);
  sqlite3_bind_int (stmt, 2, !!is_active);
  sqlite3_bind_int64 (stmt, 3, now_seconds ());
  if (!store_run (self, stmt, _("Could not archive the resume"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      not_found (error, _("No resume has the id"), resume_id);
      return FALSE;
    }
  return TRUE;
}

/**
 * vitae_store_delete_resume:
 *
 * Deletes a resume with its entries, versions and events.
 */
gboolean
vitae_store_delete_resume (VitaeStore  *self,
                           gint64       resume_id,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (self), FALSE);

  stmt = vitae_store_prepare_cached (self, "DELETE FROM resumes WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resume_id);
  if (!store_run (self, stmt, _("Could not delete the resume"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      not_found (error, _("No resume has the id"), resume_id);
      return FALSE;
    }
  return TRUE;
}

/* Analytics -------------------------------------------------------------- */

/**
 * vitae_store_record_event:
 * @resume_id: the resume, or 0 for a profile-wide event
 * @details: (nullable): free text, such as the export format
 *
 * Records an event; a `view` or `download` also bumps the resume's counter
 * in the same transaction, so counters always agree with events.
 *
 * Returns: (transfer full): the recorded event
 */
VitaeEvent *
vitae_store_record_event (VitaeStore  *self,
                          gint64       user_id,
                          gint64       resume_id,
                          const char  *action,
                          const char  *details,
                          GError     **error)
{
  g_autoptr(VitaeEvent) event = NULL;
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);
  g_return_val_if_fail (action != NULL, NULL);

  if (!vitae_store_begin_write (self, error))
    return NULL;

  stmt = vitae_store_prepare_cached (self,
                        "INSERT INTO events (user_id, resume_id, action, details, created_at, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (resume_id > 0)
    sqlite3_bind_int64 (stmt, 2, resume_id);
  bind_text (stmt, 3, action);
  bind_text (stmt, 4, details);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!store_run (self, stmt, _("Could not record the event"), error))
    goto failed;

  event = vitae_event_new (user_id, resume_id, action, details, now);
  vitae_event_set_id (event, sqlite3_last_insert_rowid (self->db));

  if (resume_id > 0 &&
      (g_str_equal (action, VITAE_EVENT_VIEW) || g_str_equal (action, VITAE_EVENT_DOWNLOAD)))
    {
      stmt = vitae_store_prepare_cached (self,
                            "UPDATE resumes SET"
                            " view_count = view_count + (?2 = 'view'),"
                            " download_count = download_count + (?2 = 'download')"
                            " WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, resume_id);
      bind_text (stmt, 2, action);
      if (!store_run (self, stmt, _("Could not record the event"), error))
        goto failed;
    }

  if (!vitae_store_commit_write (self, error))
    goto failed;
  return g_steal_pointer (&event);

failed:
  vitae_store_rollback_write (self);
  return NULL;
}

/**
 * vitae_store_list_events:
 *
 * Returns: (transfer full): the resume's #VitaeEvent timeline, newest first
 */
GListModel *
vitae_store_list_events (VitaeStore  *self,
                         gint64       resume_id,
                         GError     **error)
{
  g_autoptr(GListStore) events = g_list_store_new (VITAE_TYPE_EVENT);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);

  stmt = vitae_store_prepare_cached (self,
                        "SELECT id, user_id, resume_id, action, details, created_at FROM events"
                        " WHERE resume_id = ?1 ORDER BY created_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resume_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VitaeEvent) event =
        vitae_event_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                         (const char *)sqlite3_column_text (stmt, 3),
                         (const char *)sqlite3_column_text (stmt, 4),
                         sqlite3_column_int64 (stmt, 5));
      vitae_event_set_id (event, sqlite3_column_int64 (stmt, 0));
      g_list_store_append (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, self->db, _("Could not read the events"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&events));
}
