/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vitae-backup.h"
#include "vitae-core.h"
#include "vitae-store-private.h"

typedef struct {
  char       *dir;
  char       *path;
  char       *folder;
  VitaeStore *store;
  VitaeUser  *user;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;

  f->dir = g_dir_make_tmp ("vitae-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vitae.db", NULL);
  f->folder = vitae_backup_get_folder (f->path);
  f->store = vitae_store_open (f->path, &error);
  g_assert_no_error (error);
  f->user = vitae_store_create_user (f->store, "Ada", "ada@example.com", &error);
  g_assert_no_error (error);
  resume = vitae_store_create_resume (f->store, vitae_user_get_id (f->user), "Backend Engineer", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->user);
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->folder);
  g_free (f->path);
  g_free (f->dir);
}

/* The titles of every resume, in id order: what a user would see. */
static char *
resume_titles (VitaeStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (store),
                                       "SELECT title FROM resumes ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s;", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
integrity (VitaeStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (store), "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

static guint
count_backups (Fixture *f)
{
  g_autoptr(GPtrArray) backups = vitae_backup_list (f->folder);
  return backups->len;
}

static void
add_resume (Fixture    *f,
            const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_store_create_resume (f->store, vitae_user_get_id (f->user), title, &error);

  g_assert_no_error (error);
}

static char *
copy_file (const char *from,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (from);
  char *to = g_build_filename (dir, name, NULL);
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
  return to;
}

static void
test_file_names (void)
{
  static const struct { const char *name; gboolean ok; } cases[] = {
    { "vitae-20260301-142233.db", TRUE },
    { "/some/folder/vitae-20260301-142233.db", TRUE },
    { "vitae-20260301-142233-2.db", TRUE },
    { "vitae-20260301-142233-before-restore.db", TRUE },
    { "vitae-20260301-142233-before-restore-3.db", TRUE },
    { "vitae.db", FALSE },
    { "vitae-2026031-142233.db", FALSE },
    { "vitae-20260301-142233.db-wal", FALSE },
    { "vitae-20260301-142233-notes.db", FALSE },
    { "vitae-20261301-142233.db", FALSE },   /* month 13 */
    { "backup-20260301-142233.db", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = vitae_backup_get_date (cases[i].name);

      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (date != NULL, ==, cases[i].ok);
      if (date != NULL)
        {
          g_assert_cmpint (g_date_time_get_year (date), ==, 2026);
          g_assert_cmpint (g_date_time_get_month (date), ==, 3);
          g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 1);
          g_assert_cmpint (g_date_time_get_hour (date), ==, 14);
          g_assert_cmpint (g_date_time_get_second (date), ==, 33);
        }
    }
}

static void
test_backup_is_one_checked_file (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vitae_backup_create (f->path, NULL, NULL, &error);
  g_autofree char *wal = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *explicit_path = g_build_filename (f->dir, "elsewhere", "mine.db", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (path);
  folder = g_path_get_dirname (path);
  g_assert_cmpstr (folder, ==, f->folder);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A rollback-journal file: no WAL file needed beside it. */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100);
  g_assert_cmpint (contents[18], ==, 1);
  g_assert_cmpint (contents[19], ==, 1);
  wal = g_strconcat (path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (vitae_backup_check (path, &error));
  g_assert_no_error (error);

  listed = vitae_backup_list (f->folder);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (listed, 0), ==, path);

  /* A named file, its folder made on the way; not one of the folder's backups. */
  written = vitae_backup_create (f->path, explicit_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, explicit_path);
  g_assert_true (vitae_backup_check (written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (f), ==, 1);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_again = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GListModel) resumes = NULL;

  add_resume (f, "Data Scientist");
  backup = vitae_backup_create (f->path, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Life goes on: a resume added, one deleted. */
  add_resume (f, "Teacher");
  resumes = vitae_store_list_resumes (f->store, vitae_user_get_id (f->user), VITAE_RESUME_FILTER_ALL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(VitaeResume) first = g_list_model_get_item (resumes, g_list_model_get_n_items (resumes) - 1);
    g_assert_true (vitae_store_delete_resume (f->store, vitae_resume_get_id (first), &error));
    g_assert_no_error (error);
  }
  titles = resume_titles (f->store);
  g_assert_cmpstr (titles, ==, "Data Scientist;Teacher;");

  /* Restored while the store is open, as in the running app. */
  kept = vitae_backup_restore (f->path, backup, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_suffix (kept, "-before-restore.db"));
  g_assert_cmpuint (count_backups (f), ==, 2);

  g_clear_pointer (&titles, g_free);
  titles = resume_titles (f->store);
  g_assert_cmpstr (titles, ==, "Backend Engineer;Data Scientist;");
  check = integrity (f->store);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (vitae_store_db_get_version (vitae_store_get_db (f->store)), ==, VITAE_STORE_SCHEMA_VERSION);

  /* The store keeps working on the restored content. */
  add_resume (f, "After the restore");
  g_clear_pointer (&titles, g_free);
  titles = resume_titles (f->store);
  g_assert_cmpstr (titles, ==, "Backend Engineer;Data Scientist;After the restore;");

  /* What the restore replaced was kept, and restores too. */
  kept_again = vitae_backup_restore (f->path, kept, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&titles, g_free);
  titles = resume_titles (f->store);
  g_assert_cmpstr (titles, ==, "Data Scientist;Teacher;");

  /* Reopened from the file alone, it is the same. */
  g_clear_object (&f->user);
  g_clear_object (&f->store);
  f->store = vitae_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&titles, g_free);
  titles = resume_titles (f->store);
  g_assert_cmpstr (titles, ==, "Data Scientist;Teacher;");
}

static void
assert_refused (Fixture    *f,
                const char *file,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *titles_before = resume_titles (f->store);
  g_autofree char *titles_after = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *check = NULL;
  guint backups_before = count_backups (f);

  g_test_message ("%s", file);
  g_assert_false (vitae_backup_check (file, &error));
  g_assert_error (error, VITAE_STORE_ERROR, code);
  g_clear_error (&error);

  kept = vitae_backup_restore (f->path, file, NULL, &error);
  g_assert_error (error, VITAE_STORE_ERROR, code);
  g_assert_null (kept);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));

  /* Same rows, integrity_check ok, no backup of the current state made. */
  titles_after = resume_titles (f->store);
  g_assert_cmpstr (titles_after, ==, titles_before);
  check = integrity (f->store);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpuint (count_backups (f), ==, backups_before);
}

static void
test_corrupt_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *garbled = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 20; i++)
    add_resume (f, "Filler resume with a long enough title to take some room");
  backup = vitae_backup_create (f->path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (backup, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 4096 * 4);

  /* A page in the middle overwritten. */
  garbled = g_build_filename (f->dir, "garbled.db", NULL);
  for (gsize i = 4096 * 2; i < 4096 * 3; i++)
    contents[i] = (char)(i * 7);
  g_file_set_contents (garbled, contents, length, &error);
  g_assert_no_error (error);
  assert_refused (f, garbled, VITAE_STORE_ERROR_CORRUPT);

  /* Cut short, as by a full disk or an interrupted copy. */
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (backup, &contents, &length, &error);
  g_assert_no_error (error);
  truncated = g_build_filename (f->dir, "truncated.db", NULL);
  g_file_set_contents (truncated, contents, length / 2 + 100, &error);
  g_assert_no_error (error);
  assert_refused (f, truncated, VITAE_STORE_ERROR_CORRUPT);
}

static void
test_not_a_database_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *backup = vitae_backup_create (f->path, NULL, NULL, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);

  g_file_set_contents (text, "Dear diary,\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (f, text, VITAE_STORE_ERROR_NOT_A_DATABASE);

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  assert_refused (f, empty, VITAE_STORE_ERROR_NOT_A_DATABASE);

  /* A good SQLite database, but another program's. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT);"
                                     "INSERT INTO photos (path) VALUES ('a.jpg')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f, other, VITAE_STORE_ERROR_NOT_A_DATABASE);

  /* A Vitae database from the future. */
  g_clear_pointer (&newer, g_free);
  newer = copy_file (backup, "newer.db");
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (f, newer, VITAE_STORE_ERROR_TOO_NEW);

  g_assert_false (vitae_backup_check (missing, &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (vitae_backup_check (f->dir, &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
}

static void
test_restore_older_schema (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (f->dir, "from-v3.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(GListModel) users = NULL;
  sqlite3 *db = NULL;

  /* A backup made by a Vitae whose schema was at version 3. */
  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_assert_true (vitae_store_migrate_db (db, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO users (id, name, created_at, updated_at) VALUES (7, 'Grace', 1, 1);"
                                 "INSERT INTO resumes (user_id, title, created_at, updated_at) VALUES (7, 'Admiral', 1, 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  kept = vitae_backup_restore (f->path, old, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vitae_store_db_get_version (vitae_store_get_db (f->store)), ==, VITAE_STORE_SCHEMA_VERSION);
  titles = resume_titles (f->store);
  g_assert_cmpstr (titles, ==, "Admiral;");
  users = vitae_store_list_users (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 1);

  /* The backup itself was only read. */
  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_assert_cmpint (vitae_store_db_get_version (db), ==, 3);
  sqlite3_close (db);
}

static void
touch (const char *folder,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_file_set_contents (path, "x", 1, &error);
  g_assert_no_error (error);
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 15, 9, 30, 0);
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *foreign = g_build_filename (f->folder, "vitae-notes.db", NULL);
  g_autofree char *mine = g_build_filename (f->folder, "notes.txt", NULL);
  guint removed;

  g_assert_cmpint (g_mkdir_with_parents (f->folder, 0700), ==, 0);
  /* One backup a day for 40 days, today's included, and two on one day. */
  for (int day = 0; day < 40; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (now, -day);
      g_autofree char *stamp = g_date_time_format (date, "%Y%m%d-080000");
      g_autofree char *name = g_strdup_printf ("vitae-%s.db", stamp);

      touch (f->folder, name);
    }
  touch (f->folder, "vitae-20260301-235959-before-restore.db");   /* 14 days old */
  touch (f->folder, "vitae-notes.db");
  touch (f->folder, "notes.txt");
  g_assert_cmpuint (count_backups (f), ==, 41);

  removed = vitae_backup_prune (f->folder, now, VITAE_BACKUP_KEEP_DAYS);
  g_assert_cmpuint (removed, ==, 10);

  left = vitae_backup_list (f->folder);
  g_assert_cmpuint (left->len, ==, 31);
  /* Newest first: today's, and the oldest kept is 29 days old. */
  g_assert_true (g_str_has_suffix (g_ptr_array_index (left, 0), "vitae-20260315-080000.db"));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (left, left->len - 1), "vitae-20260214-080000.db"));
  /* Files Vitae did not name as backups are never removed. */
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (mine, G_FILE_TEST_EXISTS));

  /* Nothing more to remove the same day. */
  g_assert_cmpuint (vitae_backup_prune (f->folder, now, VITAE_BACKUP_KEEP_DAYS), ==, 0);
}

static void
test_once_a_day (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 3, 15, 8, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_local (2026, 3, 15, 23, 59, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (morning, 1);
  g_autoptr(GDateTime) long_after = g_date_time_add_days (morning, 45);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *fourth = NULL;
  g_autoptr(GPtrArray) left = NULL;

  g_assert_true (vitae_backup_daily (f->path, morning, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (vitae_backup_check (first, &error));
  g_assert_no_error (error);

  /* Started again the same day: no second backup. */
  g_assert_true (vitae_backup_daily (f->path, later, &second, &error));
  g_assert_no_error (error);
  g_assert_null (second);
  g_assert_cmpuint (count_backups (f), ==, 1);

  g_assert_true (vitae_backup_daily (f->path, tomorrow, &third, &error));
  g_assert_no_error (error);
  g_assert_nonnull (third);
  g_assert_cmpuint (count_backups (f), ==, 2);

  /* After six weeks away the old ones go, the new one stays. */
  g_assert_true (vitae_backup_daily (f->path, long_after, &fourth, &error));
  g_assert_no_error (error);
  left = vitae_backup_list (f->folder);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (left, 0), ==, fourth);
}

static void
on_async_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *created = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *titles = NULL;

  vitae_backup_create_async (f->path, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  created = vitae_backup_create_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (created, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&result);

  /* Today has a backup already. */
  vitae_backup_daily_async (f->path, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  daily = vitae_backup_daily_finish (result, &error);
  g_assert_no_error (error);
  g_assert_null (daily);
  g_clear_object (&result);

  add_resume (f, "Later");
  vitae_backup_restore_async (f->path, created, NULL, on_async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  kept = vitae_backup_restore_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  titles = resume_titles (f->store);
  g_assert_cmpstr (titles, ==, "Backend Engineer;");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/backup/file-names", test_file_names);
  g_test_add ("/vitae/backup/one-checked-file", Fixture, NULL, fixture_set_up, test_backup_is_one_checked_file, fixture_tear_down);
  g_test_add ("/vitae/backup/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/vitae/backup/corrupt-refused", Fixture, NULL, fixture_set_up, test_corrupt_refused, fixture_tear_down);
  g_test_add ("/vitae/backup/not-a-database-refused", Fixture, NULL, fixture_set_up, test_not_a_database_refused, fixture_tear_down);
  g_test_add ("/vitae/backup/restore-older-schema", Fixture, NULL, fixture_set_up, test_restore_older_schema, fixture_tear_down);
  g_test_add ("/vitae/backup/retention", Fixture, NULL, fixture_set_up, test_retention, fixture_tear_down);
  g_test_add ("/vitae/backup/once-a-day", Fixture, NULL, fixture_set_up, test_once_a_day, fixture_tear_down);
  g_test_add ("/vitae/backup/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
