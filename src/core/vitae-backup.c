/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "vitae-backup.h"
#include "vitae-store-private.h"

/* A backup is a plain SQLite file (rollback journal, not WAL, so it is one
 * self-contained file) written beside its final name and renamed over it:
 * there is never half a backup under a backup's name. Backups made by Vitae
 * live in the `backups` folder beside the database and are named
 * vitae-YYYYMMDD-HHMMSS[-before-restore].db; only files so named are ever
 * removed by the retention rule.
 *
 * A restore never writes the live file by hand. The backup is checked
 * (integrity_check, foreign keys, a Vitae schema this build can read), copied
 * to a staging file and migrated there, the current database is backed up,
 * and then the staging file is copied into the live database with the backup
 * API, which does it inside one write transaction of the live database: other
 * connections (a running Vitae) see the old content or the new one, and a
 * failure part-way is rolled back like any transaction, WAL file included. */

#define BACKUP_PREFIX "vitae-"
#define BACKUP_SUFFIX ".db"
#define BEFORE_RESTORE_SUFFIX "-before-restore"
#define BUSY_TIMEOUT_MS 5000

static const char sqlite_magic[16] = "SQLite format 3";

static void
set_db_error (GError     **error,
              sqlite3     *db,
              const char  *what)
{
  if (db == NULL)
    g_set_error_literal (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_FAILED, what);
  else
    vitae_store_set_error_from_db (error, db, what);
}

static sqlite3 *
open_db (const char  *path,
         int          flags,
         const char  *what,
         GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      set_db_error (error, db, what);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 0);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  return db;
}

/* Copies all of @src into @dest in one step of the backup API. */
static gboolean
copy_database (sqlite3     *dest,
               sqlite3     *src,
               const char  *what,
               GError     **error)
{
  sqlite3_backup *backup;
  int rc, tries = 0;

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      set_db_error (error, dest, what);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < 200);

  /* finish rolls the destination back unless the copy reached its end */
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      int code = sqlite3_errcode (dest) != SQLITE_OK ? sqlite3_errcode (dest) : sqlite3_errcode (src);
      sqlite3 *culprit = sqlite3_errcode (dest) != SQLITE_OK ? dest : src;

      if (code == SQLITE_OK)
        g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_FAILED,
                     "%s: %s", what, sqlite3_errstr (rc));
      else
        set_db_error (error, culprit, what);
      return FALSE;
    }
  return TRUE;
}

static char *
make_temp_file (const char  *folder,
                const char  *prefix,
                GError     **error)
{
  g_autofree char *template = g_strdup_printf (".%sXXXXXX", prefix);
  char *path = g_build_filename (folder, template, NULL);
  int fd;

  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, VITAE_STORE_ERROR,
                   saved_errno == EACCES || saved_errno == EROFS ? VITAE_STORE_ERROR_READ_ONLY
                                                                 : VITAE_STORE_ERROR_FAILED,
                   _("Could not write in “%s”: %s"), display, g_strerror (saved_errno));
      g_free (path);
      return NULL;
    }
  close (fd);
  return path;
}

static void
remove_temp_file (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_unlink (path);
  g_unlink (journal);
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_READ_ONLY,
                   _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Writes a backup of @db_path to exactly @destination, atomically. */
static gboolean
write_backup (const char  *db_path,
              const char  *destination,
              GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (destination);
  g_autofree char *temp = NULL;
  sqlite3 *src = NULL;
  sqlite3 *dest = NULL;
  gboolean ok = FALSE;

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (db_path);
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
                   _("There is no database to back up at “%s”"), display);
      return FALSE;
    }
  if (!ensure_folder (folder, error))
    return FALSE;
  temp = make_temp_file (folder, "vitae-backup-", error);
  if (temp == NULL)
    return FALSE;

  /* Read-write (it only reads) so that, when it is the last connection, its
   * close checkpoints and removes the WAL files as the store's own would. */
  src = open_db (db_path, SQLITE_OPEN_READWRITE, _("Could not read the database"), error);
  if (src == NULL)
    goto out;
  dest = open_db (temp, SQLITE_OPEN_READWRITE, _("Could not write the backup"), error);
  if (dest == NULL)
    goto out;
  if (!copy_database (dest, src, _("Could not back up the database"), error))
    goto out;
  /* The copy carries the live file's WAL flag; a backup is one plain file. */
  if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (error, dest, _("Could not write the backup"));
      goto out;
    }
  if (sqlite3_close (dest) != SQLITE_OK)
    {
      set_db_error (error, dest, _("Could not write the backup"));
      goto out;
    }
  dest = NULL;

  if (g_rename (temp, destination) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (destination);

      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      goto out;
    }
  g_clear_pointer (&temp, g_free);
  ok = TRUE;

out:
  if (dest != NULL)
    sqlite3_close_v2 (dest);
  if (src != NULL)
    sqlite3_close_v2 (src);
  if (temp != NULL)
    remove_temp_file (temp);
  return ok;
}

/* A free name in @folder for a backup made at @now. */
static char *
backup_path_for (const char *folder,
                 GDateTime  *now,
                 const char *suffix)
{
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  for (guint n = 1; ; n++)
    {
      g_autofree char *name = NULL;
      char *path;

      if (n == 1)
        name = g_strdup_printf (BACKUP_PREFIX "%s%s" BACKUP_SUFFIX, stamp, suffix);
      else
        name = g_strdup_printf (BACKUP_PREFIX "%s%s-%u" BACKUP_SUFFIX, stamp, suffix, n);
      path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

static GDateTime *
dup_now (GDateTime *now)
{
  return now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
}

static gboolean
is_backup_name (const char *name)
{
  g_autoptr(GDateTime) date = vitae_backup_get_date (name);
  return date != NULL;
}

/* Days from @date's local calendar day to @now's. */
static int
days_between (GDateTime *date,
              GDateTime *now)
{
  g_autoptr(GDateTime) a = g_date_time_new_local (g_date_time_get_year (date),
                                                  g_date_time_get_month (date),
                                                  g_date_time_get_day_of_month (date), 12, 0, 0);
  g_autoptr(GDateTime) b = g_date_time_new_local (g_date_time_get_year (now),
                                                  g_date_time_get_month (now),
                                                  g_date_time_get_day_of_month (now), 12, 0, 0);

  /* Noon to noon: a daylight saving change moves it an hour, not a day. */
  return (int)((g_date_time_difference (b, a) + G_TIME_SPAN_HOUR * 2) / G_TIME_SPAN_DAY);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  g_autofree char *name_a = g_path_get_basename (*(const char * const *)a);
  g_autofree char *name_b = g_path_get_basename (*(const char * const *)b);

  return -strcmp (name_a, name_b);
}

static char *
file_uri (const char *file)
{
  g_autofree char *absolute = g_canonicalize_filename (file, NULL);
  return g_filename_to_uri (absolute, NULL, NULL);
}

/* Checks ---------------------------------------------------------------- */

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

static void
damaged (GError     **error,
         const char  *file,
         const char  *reason)
{
  g_autofree char *display = g_filename_display_name (file);

  g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_CORRUPT,
               _("“%s” is damaged and cannot be restored (%s). Nothing was changed."),
               display, reason);
}

static void
not_vitae (GError     **error,
           const char  *file)
{
  g_autofree char *display = g_filename_display_name (file);

  g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Vitae backup. Nothing was changed."), display);
}

/* Runs a check pragma: TRUE when its only row is "ok" (integrity_check) or
 * it returns no row at all (foreign_key_check). */
static gboolean
run_check (sqlite3     *db,
           const char  *sql,
           char       **problem)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      *problem = g_strdup (sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    ok = TRUE;
  else if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT &&
           g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0)
    ok = TRUE;
  else
    {
      ok = FALSE;
      if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
        {
          /* The first problem is enough: "Page 4: btreeInitPage() returns error code 11" */
          const char *text = (const char *)sqlite3_column_text (stmt, 0);
          g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

          for (guint i = 0; lines[i] != NULL && *problem == NULL; i++)
            if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "***"))
              *problem = g_strdup (lines[i]);
          if (*problem == NULL)
            *problem = g_strdup (text);
        }
      else if (rc == SQLITE_ROW)
        *problem = g_strdup_printf (_("a row of table “%s” refers to a missing row"),
                                    (const char *)sqlite3_column_text (stmt, 0));
      else
        *problem = g_strdup (sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_backup_get_folder:
 * @db_path: the database file
 *
 * Returns: (transfer full): the folder of Vitae's own backups: `backups`
 *   beside the database, so `$XDG_DATA_HOME/vitae/backups` by default
 */
char *
vitae_backup_get_folder (const char *db_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/**
 * vitae_backup_get_date:
 * @path: a file name or path
 *
 * Returns: (transfer full) (nullable): when the backup was made (local time),
 *   read from its name; %NULL when the name is not a Vitae backup's
 */
GDateTime *
vitae_backup_get_date (const char *path)
{
  g_autofree char *name = NULL;
  int year, month, day, hour, minute, second;
  const char *p;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return NULL;
  p = name + strlen (BACKUP_PREFIX);
  for (guint i = 0; i < 15; i++)
    if ((i == 8) ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      return NULL;
  if (sscanf (p, "%4d%2d%2d-%2d%2d%2d", &year, &month, &day, &hour, &minute, &second) != 6)
    return NULL;
  p += 15;
  /* then nothing, -before-restore, and/or -N before .db */
  if (g_str_has_prefix (p, BEFORE_RESTORE_SUFFIX))
    p += strlen (BEFORE_RESTORE_SUFFIX);
  if (*p == '-')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (strcmp (p, BACKUP_SUFFIX) != 0)
    return NULL;
  return g_date_time_new_local (year, month, day, hour, minute, second);
}

/**
 * vitae_backup_create:
 * @db_path: the database to back up
 * @destination: (nullable): where to write; %NULL for a new file in
 *   vitae_backup_get_folder()
 * @now: (nullable): the time the backup's name records; %NULL for now
 *
 * Returns: (transfer full): the path written, or %NULL with @error set
 */
char *
vitae_backup_create (const char  *db_path,
                     const char  *destination,
                     GDateTime   *now,
                     GError     **error)
{
  g_autoptr(GDateTime) when = dup_now (now);
  g_autofree char *path = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  if (destination != NULL)
    path = g_strdup (destination);
  else
    {
      g_autofree char *folder = vitae_backup_get_folder (db_path);
      if (!ensure_folder (folder, error))
        return NULL;
      path = backup_path_for (folder, when, "");
    }

  if (!write_backup (db_path, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * vitae_backup_list:
 * @folder: a folder of backups
 *
 * Returns: (transfer full) (element-type filename): the paths of the
 *   backups Vitae made in @folder, newest first
 */
GPtrArray *
vitae_backup_list (const char *folder)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, paths);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return paths;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_backup_name (name))
      g_ptr_array_add (paths, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (paths, compare_newest_first);
  return paths;
}

/**
 * vitae_backup_prune:
 * @now: (nullable): today; %NULL for now
 * @keep_days: how many days of backups to keep, today included
 *
 * Removes the backups in @folder made before those days, and staging files
 * that an interrupted backup left. Files not named as Vitae names its backups
 * are never touched.
 *
 * Returns: how many backups were removed
 */
guint
vitae_backup_prune (const char *folder,
                    GDateTime  *now,
                    guint       keep_days)
{
  g_autoptr(GDateTime) today = dup_now (now);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (folder != NULL, 0);
  g_return_val_if_fail (keep_days > 0, 0);

  backups = vitae_backup_list (folder);
  for (guint i = 0; i < backups->len; i++)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autoptr(GDateTime) date = vitae_backup_get_date (path);

      if (days_between (date, today) >= (int)keep_days)
        {
          if (g_unlink (path) == 0)
            removed++;
          else
            g_message ("Could not remove the old backup %s: %s", path, g_strerror (errno));
        }
    }

  /* Staging files of a backup or restore that was interrupted (a crash, the
   * power going off) after an hour: none is still being written. */
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, ".vitae-backup-") && !g_str_has_prefix (name, ".vitae-restore-"))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) == 0 &&
          g_date_time_to_unix (today) - (gint64)st.st_mtime > 3600)
        g_unlink (path);
    }

  return removed;
}

/**
 * vitae_backup_daily:
 * @now: (nullable): the time; %NULL for now
 * @created: (out) (optional) (transfer full): the new backup's path, or
 *   %NULL when there already was a backup made today
 *
 * The backup made when Vitae starts: at most one a day (a backup of any kind
 * made today counts), then backups older than %VITAE_BACKUP_KEEP_DAYS days
 * are removed.
 *
 * Returns: %FALSE with @error set when the backup failed
 */
gboolean
vitae_backup_daily (const char  *db_path,
                    GDateTime   *now,
                    char       **created,
                    GError     **error)
{
  g_autoptr(GDateTime) today = dup_now (now);
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  gboolean done_today = FALSE;

  g_return_val_if_fail (db_path != NULL, FALSE);

  if (created != NULL)
    *created = NULL;

  folder = vitae_backup_get_folder (db_path);
  backups = vitae_backup_list (folder);
  for (guint i = 0; i < backups->len && !done_today; i++)
    {
      g_autoptr(GDateTime) date = vitae_backup_get_date (g_ptr_array_index (backups, i));
      done_today = days_between (date, today) == 0;
    }

  if (!done_today)
    {
      path = vitae_backup_create (db_path, NULL, today, error);
      if (path == NULL)
        return FALSE;
    }

  vitae_backup_prune (folder, today, VITAE_BACKUP_KEEP_DAYS);

  if (created != NULL)
    *created = g_steal_pointer (&path);
  return TRUE;
}

/**
 * vitae_backup_check:
 * @file: a backup
 *
 * Checks without writing a byte that @file is an undamaged Vitae database
 * this version can restore: the SQLite header, `PRAGMA integrity_check`,
 * `PRAGMA foreign_key_check`, Vitae's tables and a schema version not newer
 * than this build's.
 *
 * Returns: %TRUE when it is, else %FALSE with @error saying why
 */
gboolean
vitae_backup_check (const char  *file,
                    GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *problem = NULL;
  char header[16];
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  gssize n;
  int fd, version;

  g_return_val_if_fail (file != NULL, FALSE);

  display = g_filename_display_name (file);
  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
                   _("“%s” does not exist or is not a file"), display);
      return FALSE;
    }
  fd = g_open (file, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  if (n != sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      not_vitae (error, file);
      return FALSE;
    }

  /* Read-only and immutable: not even a -shm or -journal file is made. */
  uri = file_uri (file);
  if (uri == NULL)
    {
      not_vitae (error, file);
      return FALSE;
    }
  {
    g_autofree char *ro_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
    sqlite3_open_v2 (ro_uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  }
  if (db == NULL || sqlite3_errcode (db) != SQLITE_OK)
    {
      damaged (error, file, db ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      goto out;
    }
  sqlite3_extended_result_codes (db, 0);

  if (!run_check (db, "PRAGMA integrity_check", &problem))
    {
      damaged (error, file, problem);
      goto out;
    }

  version = vitae_store_db_get_version (db);
  if (version < 1 || !has_table (db, "users") || !has_table (db, "resumes") ||
      !has_table (db, "entries"))
    {
      not_vitae (error, file);
      goto out;
    }
  if (version > VITAE_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Vitae (database version %d; this version reads up to %d). Nothing was changed."),
                   display, version, VITAE_STORE_SCHEMA_VERSION);
      goto out;
    }

  g_clear_pointer (&problem, g_free);
  if (!run_check (db, "PRAGMA foreign_key_check", &problem))
    {
      damaged (error, file, problem);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_close_v2 (db);
  return ok;
}

/**
 * vitae_backup_restore:
 * @db_path: the live database
 * @file: the backup to restore
 * @now: (nullable): the time; %NULL for now
 *
 * Replaces the whole database with the backup, after checking it with
 * vitae_backup_check() and backing up the current database into
 * vitae_backup_get_folder() (named …-before-restore.db). A backup from an
 * older Vitae is migrated on the way. On any error the live database is as
 * it was.
 *
 * Returns: (transfer full): the path of the backup of what was replaced, or
 *   %NULL with @error set
 */
char *
vitae_backup_restore (const char  *db_path,
                      const char  *file,
                      GDateTime   *now,
                      GError     **error)
{
  g_autoptr(GDateTime) when = dup_now (now);
  g_autofree char *folder = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *kept = NULL;
  sqlite3 *backup = NULL;
  sqlite3 *stage = NULL;
  sqlite3 *live = NULL;
  char *result = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if (!vitae_backup_check (file, error))
    return NULL;
  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (db_path);
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
                   _("There is no database at “%s” to restore into"), display);
      return NULL;
    }

  folder = vitae_backup_get_folder (db_path);
  if (!ensure_folder (folder, error))
    return NULL;

  /* 1. Stage: a private copy of the backup, brought to this build's schema. */
  staging = make_temp_file (folder, "vitae-restore-", error);
  if (staging == NULL)
    return NULL;
  {
    g_autofree char *uri = file_uri (file);
    g_autofree char *ro_uri = g_strconcat (uri ? uri : "", "?mode=ro&immutable=1", NULL);

    backup = open_db (ro_uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                      _("Could not read the backup"), error);
  }
  if (backup == NULL)
    goto out;
  stage = open_db (staging, SQLITE_OPEN_READWRITE, _("Could not restore the backup"), error);
  if (stage == NULL ||
      !copy_database (stage, backup, _("Could not restore the backup"), error))
    goto out;
  if (sqlite3_exec (stage, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (stage, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_db_error (error, stage, _("Could not restore the backup"));
      goto out;
    }
  if (!vitae_store_migrate_db (stage, VITAE_STORE_SCHEMA_VERSION, error))
    goto out;

  /* 2. Keep what is about to be replaced. */
  kept = backup_path_for (folder, when, BEFORE_RESTORE_SUFFIX);
  if (!write_backup (db_path, kept, error))
    {
      g_clear_pointer (&kept, g_free);
      goto out;
    }

  /* 3. One write transaction of the live database. */
  live = open_db (db_path, SQLITE_OPEN_READWRITE, _("Could not restore the backup"), error);
  if (live == NULL ||
      !copy_database (live, stage, _("Could not restore the backup"), error))
    goto out;

  result = g_steal_pointer (&kept);

out:
  if (live != NULL)
    sqlite3_close_v2 (live);
  if (stage != NULL)
    sqlite3_close_v2 (stage);
  if (backup != NULL)
    sqlite3_close_v2 (backup);
  remove_temp_file (staging);
  return result;
}

/* Threads ------------------------------------------------------------------ */

typedef enum {
  JOB_DAILY,
  JOB_CREATE,
  JOB_RESTORE,
} JobKind;

typedef struct {
  JobKind  kind;
  char    *db_path;
  char    *file;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->db_path);
  g_free (job->file);
  g_free (job);
}

static void
run_job_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  char *path = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;

  switch (job->kind)
    {
    case JOB_DAILY:
      ok = vitae_backup_daily (job->db_path, NULL, &path, &error);
      break;
    case JOB_CREATE:
      path = vitae_backup_create (job->db_path, NULL, NULL, &error);
      ok = path != NULL;
      break;
    case JOB_RESTORE:
      path = vitae_backup_restore (job->db_path, job->file, NULL, &error);
      ok = path != NULL;
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

static void
start_job (JobKind              kind,
           const char          *db_path,
           const char          *file,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->db_path = g_strdup (db_path);
  job->file = g_strdup (file);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_job_thread);
}

static char *
finish_job (GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
vitae_backup_daily_async (const char          *db_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (db_path != NULL);
  start_job (JOB_DAILY, db_path, NULL, vitae_backup_daily_async, cancellable, callback, user_data);
}

/**
 * vitae_backup_daily_finish:
 *
 * Returns: (transfer full) (nullable): the new backup, or %NULL: with @error
 *   set when it failed, without when today's backup was already there
 */
char *
vitae_backup_daily_finish (GAsyncResult  *result,
                           GError       **error)
{
  return finish_job (result, vitae_backup_daily_async, error);
}

void
vitae_backup_create_async (const char          *db_path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (db_path != NULL);
  start_job (JOB_CREATE, db_path, NULL, vitae_backup_create_async, cancellable, callback, user_data);
}

char *
vitae_backup_create_finish (GAsyncResult  *result,
                            GError       **error)
{
  return finish_job (result, vitae_backup_create_async, error);
}

void
vitae_backup_restore_async (const char          *db_path,
                            const char          *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (file != NULL);
  start_job (JOB_RESTORE, db_path, file, vitae_backup_restore_async, cancellable, callback, user_data);
}

char *
vitae_backup_restore_finish (GAsyncResult  *result,
                             GError       **error)
{
  return finish_job (result, vitae_backup_restore_async, error);
}
