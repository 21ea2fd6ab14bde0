/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "vitae-core.h"
#include "vitae-store-private.h"

typedef struct {
  char       *dir;
  char       *path;
  VitaeStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("vitae-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  g_chmod (dir, 0700);
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
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
count_rows (VitaeStore *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static VitaeResume *
make_rich_resume (VitaeStore *store,
                  gint64      user_id)
{
  g_autoptr(GError) error = NULL;
  VitaeResume *resume = vitae_store_create_resume (store, user_id, "Backend roles", &error);
  static const char * const highlights[] = { "Led the storage team", "Halved p95 latency", NULL };
  VitaeEntry *entry;

  g_assert_no_error (error);
  vitae_entry_set_text (vitae_resume_get_basics (resume), "name", "Ada Lovelace");
  vitae_entry_set_text (vitae_resume_get_basics (resume), "location.city", "London");

  for (guint s = VITAE_SECTION_PROFILES; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);
      entry = vitae_resume_add_entry (resume, s);
      vitae_entry_set_text (entry, info->title_field, info->key);
    }
  entry = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  vitae_entry_set_text (entry, "position", "Engineer");
  vitae_entry_set_list (entry, "highlights", highlights);
  vitae_resume_set_section_heading (resume, VITAE_SECTION_WORK, "Experience");
  vitae_resume_set_accent (resume, "#26a269");
  return resume;
}

static void
assert_resumes_equal (VitaeResume *a,
                      VitaeResume *b)
{
  g_autofree char *layout_a = vitae_resume_layout_to_json (a);
  g_autofree char *layout_b = vitae_resume_layout_to_json (b);

  g_assert_cmpstr (vitae_resume_get_title (a), ==, vitae_resume_get_title (b));
  g_assert_cmpstr (vitae_resume_get_template (a), ==, vitae_resume_get_template (b));
  g_assert_cmpstr (vitae_resume_get_page_size (a), ==, vitae_resume_get_page_size (b));
  g_assert_cmpstr (vitae_resume_get_accent (a), ==, vitae_resume_get_accent (b));
  g_assert_cmpstr (layout_a, ==, layout_b);
  g_assert_true (vitae_entry_equal (vitae_resume_get_basics (a), vitae_resume_get_basics (b)));
  for (guint s = VITAE_SECTION_PROFILES; s < VITAE_N_SECTIONS; s++)
    {
      GListModel *ma = vitae_resume_get_entries (a, s);
      GListModel *mb = vitae_resume_get_entries (b, s);

      g_assert_cmpuint (g_list_model_get_n_items (ma), ==, g_list_model_get_n_items (mb));
      for (guint i = 0; i < g_list_model_get_n_items (ma); i++)
        {
          g_autoptr(VitaeEntry) ea = g_list_model_get_item (ma, i);
          g_autoptr(VitaeEntry) eb = g_list_model_get_item (mb, i);
          g_assert_true (vitae_entry_equal (ea, eb));
        }
    }
}

static void
test_pragmas (Fixture       *f,
              gconstpointer  data)
{
  sqlite3 *db = vitae_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (vitae_store_db_get_version (db), ==, VITAE_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (f->store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  /* Every foreign key has an index that starts with it. */
  g_assert_cmpint (count_rows (f->store,
                               "SELECT count(*) FROM sqlite_schema t, pragma_foreign_key_list (t.name) fk"
                               " WHERE t.type = 'table' AND NOT EXISTS ("
                               "  SELECT 1 FROM pragma_index_list (t.name) il, pragma_index_info (il.name) ii"
                               "  WHERE ii.seqno = 0 AND ii.name = fk.\"from\")"), ==, 0);
  /* created_at and updated_at on every table (not the search index's
   * virtual table and the shadow tables FTS5 keeps for it). */
  g_assert_cmpint (count_rows (f->store,
                               "SELECT count(*) FROM pragma_table_list t"
                               " WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite_%'"
                               " AND (SELECT count(*) FROM pragma_table_info (t.name)"
                               "      WHERE name IN ('created_at', 'updated_at')) != 2"), ==, 0);
}

static void
test_user_crud (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) ada = NULL;
  g_autoptr(VitaeUser) bob = NULL;
  g_autoptr(VitaeUser) found = NULL;
  g_autoptr(VitaeUser) by_id = NULL;
  g_autoptr(VitaeUser) missing = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(GBytes) avatar = g_bytes_new_static ("\x89PNG fake", 9);
  g_autofree char *id_text = NULL;

  ada = vitae_store_create_user (f->store, "  Ada Lovelace ", "ada@example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_user_get_name (ada), ==, "Ada Lovelace");
  bob = vitae_store_create_user (f->store, "Bob", NULL, &error);
  g_assert_no_error (error);

  g_assert_null (vitae_store_create_user (f->store, "   ", NULL, &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  users = vitae_store_list_users (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 2);

  vitae_user_set_email (bob, "bob@example.com");
  vitae_user_set_avatar (bob, avatar);
  g_assert_true (vitae_store_save_user (f->store, bob, &error));
  g_assert_no_error (error);

  found = vitae_store_find_user (f->store, "BOB", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_user_get_email (found), ==, "bob@example.com");
  g_assert_true (g_bytes_equal (vitae_user_get_avatar (found), avatar));

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, vitae_user_get_id (ada));
  by_id = vitae_store_find_user (f->store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_user_get_name (by_id), ==, "Ada Lovelace");

  missing = vitae_store_find_user (f->store, "Nobody", &error);
  g_assert_null (missing);
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (vitae_store_delete_user (f->store, vitae_user_get_id (bob), &error));
  g_assert_no_error (error);
  g_assert_false (vitae_store_delete_user (f->store, vitae_user_get_id (bob), &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
}

static void
test_resume_crud (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) ada = vitae_store_create_user (f->store, "Ada", NULL, &error);
  g_autoptr(VitaeUser) bob = vitae_store_create_user (f->store, "Bob", NULL, &error);
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeResume) loaded = NULL;
  g_autoptr(VitaeResume) reloaded = NULL;
  g_autoptr(VitaeResume) copy = NULL;
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) archived = NULL;
  g_autoptr(GListModel) bobs = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("photo bytes", 11);
  VitaeEntry *first_work;

  g_assert_no_error (error);
  resume = make_rich_resume (f->store, vitae_user_get_id (ada));
  vitae_resume_set_photo (resume, photo);
  g_assert_true (vitae_store_save_resume (f->store, resume, &error));
  g_assert_no_error (error);

  loaded = vitae_store_load_resume (f->store, vitae_resume_get_id (resume), &error);
  g_assert_no_error (error);
  assert_resumes_equal (resume, loaded);
  g_assert_true (g_bytes_equal (vitae_resume_get_photo (loaded), photo));
  g_assert_cmpstr (vitae_resume_get_candidate_name (loaded), ==, "Ada Lovelace");

  /* Update: edit, move, delete an entry; entry ids survive saves. */
  {
    g_autoptr(VitaeEntry) w = g_list_model_get_item (vitae_resume_get_entries (loaded, VITAE_SECTION_WORK), 0);
    g_autoptr(VitaeEntry) award = g_list_model_get_item (vitae_resume_get_entries (loaded, VITAE_SECTION_AWARDS), 0);
    gint64 id_before = vitae_entry_get_id (w);

    first_work = w;
    vitae_entry_set_text (first_work, "name", "Analytical Engines Ltd");
    vitae_resume_move_entry (loaded, first_work, 1);
    vitae_resume_remove_entry (loaded, award, NULL);
    vitae_resume_set_title (loaded, "Research roles");
    g_assert_true (vitae_store_save_resume (f->store, loaded, &error));
    g_assert_no_error (error);
    g_assert_cmpint (vitae_entry_get_id (first_work), ==, id_before);
  }
  reloaded = vitae_store_load_resume (f->store, vitae_resume_get_id (resume), &error);
  g_assert_no_error (error);
  assert_resumes_equal (loaded, reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (reloaded, VITAE_SECTION_AWARDS)), ==, 0);

  /* Archive, list filters, profile isolation. */
  g_assert_true (vitae_store_set_resume_active (f->store, vitae_resume_get_id (resume), FALSE, &error));
  copy = vitae_store_duplicate_resume (f->store, vitae_resume_get_id (resume), "Copy", &error);
  g_assert_no_error (error);
  g_assert_cmpint (vitae_resume_get_id (copy), !=, vitae_resume_get_id (resume));
  g_assert_true (vitae_resume_get_is_active (copy));

  active = vitae_store_list_resumes (f->store, vitae_user_get_id (ada), VITAE_RESUME_FILTER_ACTIVE, &error);
  archived = vitae_store_list_resumes (f->store, vitae_user_get_id (ada), VITAE_RESUME_FILTER_ARCHIVED, &error);
  bobs = vitae_store_list_resumes (f->store, vitae_user_get_id (bob), VITAE_RESUME_FILTER_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (archived), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bobs), ==, 0);
  {
    g_autoptr(VitaeResume) summary = g_list_model_get_item (active, 0);
    g_assert_cmpstr (vitae_resume_get_title (summary), ==, "Copy");
    g_assert_cmpstr (vitae_resume_get_candidate_name (summary), ==, "Ada Lovelace");
  }

  g_assert_true (vitae_store_rename_resume (f->store, vitae_resume_get_id (copy), "Renamed", &error));
  g_assert_no_error (error);

  g_assert_true (vitae_store_delete_resume (f->store, vitae_resume_get_id (copy), &error));
  g_assert_no_error (error);
  g_assert_null (vitae_store_load_resume (f->store, vitae_resume_get_id (copy), &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM entries WHERE resume_id NOT IN (SELECT id FROM resumes)"), ==, 0);
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) ada = vitae_store_create_user (f->store, "Ada", NULL, &error);
  g_autoptr(VitaeResume) resume = vitae_store_create_resume (f->store, vitae_user_get_id (ada), "CV", &error);
  g_autoptr(VitaeResume) loaded = NULL;
  g_autoptr(GListModel) events = NULL;
  static const char * const actions[] = { "view", "view", "download", "export", "print", "email", "view" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(VitaeEvent) event = vitae_store_record_event (f->store, vitae_user_get_id (ada),
                                                              vitae_resume_get_id (resume),
                                                              actions[i], NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (vitae_event_get_id (event), >, 0);
    }

  loaded = vitae_store_load_resume (f->store, vitae_resume_get_id (resume), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vitae_resume_get_view_count (loaded), ==, 3);
  g_assert_cmpint (vitae_resume_get_download_count (loaded), ==, 1);

  events = vitae_store_list_events (f->store, vitae_resume_get_id (resume), &error);
  g_assert_no_error (error);
  /* create + the seven above */
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 8);
  g_assert_cmpint (count_rows (f->store,
                               "SELECT count(*) FROM resumes r WHERE view_count !="
                               " (SELECT count(*) FROM events e WHERE e.resume_id = r.id AND action = 'view')"
                               " OR download_count !="
                               " (SELECT count(*) FROM events e WHERE e.resume_id = r.id AND action = 'download')"), ==, 0);
}

static void
test_delete_user_cascades (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) ada = vitae_store_create_user (f->store, "Ada", NULL, &error);
  g_autoptr(VitaeUser) bob = vitae_store_create_user (f->store, "Bob", NULL, &error);
  g_autoptr(VitaeResume) a = make_rich_resume (f->store, vitae_user_get_id (ada));
  g_autoptr(VitaeResume) b = make_rich_resume (f->store, vitae_user_get_id (bob));
  g_autoptr(VitaeEvent) event = NULL;
  sqlite3 *db = vitae_store_get_db (f->store);

  g_assert_true (vitae_store_save_resume (f->store, a, &error));
  g_assert_true (vitae_store_save_resume (f->store, b, &error));
  event = vitae_store_record_event (f->store, vitae_user_get_id (ada), vitae_resume_get_id (a), "view", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO resume_versions (resume_id, label, snapshot, created_at, updated_at)"
                                 " SELECT id, 'v1', '{}', 0, 0 FROM resumes;"
                                 "INSERT INTO email_notifications (user_id, resume_id, recipient, subject, body, created_at, updated_at)"
                                 " SELECT user_id, id, 'x@example.com', 's', 'b', 0, 0 FROM resumes;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (vitae_store_delete_user (f->store, vitae_user_get_id (ada), &error));
  g_assert_no_error (error);

  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM resumes"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM entries WHERE resume_id NOT IN (SELECT id FROM resumes)"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM entries"), >, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM events WHERE user_id NOT IN (SELECT id FROM users)"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM resume_versions"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM email_notifications"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_failed_write_leaves_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) ada = vitae_store_create_user (f->store, "Ada", NULL, &error);
  g_autoptr(VitaeResume) resume = make_rich_resume (f->store, vitae_user_get_id (ada));
  g_autoptr(VitaeResume) fresh = NULL;
  g_autoptr(VitaeResume) after = NULL;
  sqlite3 *db = vitae_store_get_db (f->store);
  gint64 entries_before, resumes_before;
  VitaeEntry *award;

  g_assert_true (vitae_store_save_resume (f->store, resume, &error));
  g_assert_no_error (error);
  entries_before = count_rows (f->store, "SELECT count(*) FROM entries");
  resumes_before = count_rows (f->store, "SELECT count(*) FROM resumes");

  /* A write that fails half-way: the resume row and the work entries are
   * written before the awards entry trips the trigger. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TEMP TRIGGER fail_awards BEFORE INSERT ON entries"
                                 " WHEN NEW.section = 'awards' BEGIN SELECT RAISE (ABORT, 'disk on fire'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  vitae_resume_set_title (resume, "Changed title");
  vitae_entry_set_text (vitae_resume_add_entry (resume, VITAE_SECTION_WORK), "position", "New job");
  award = vitae_resume_add_entry (resume, VITAE_SECTION_AWARDS);
  vitae_entry_set_text (award, "title", "Prize");
  g_assert_false (vitae_store_save_resume (f->store, resume, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM entries"), ==, entries_before);
  after = vitae_store_load_resume (f->store, vitae_resume_get_id (resume), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_resume_get_title (after), ==, "Backend roles");

  /* A whole new resume that fails leaves no row either. */
  fresh = vitae_resume_copy (resume);
  vitae_resume_set_user_id (fresh, vitae_user_get_id (ada));
  g_assert_false (vitae_store_insert_resume (f->store, fresh, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (vitae_resume_get_id (fresh), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM resumes"), ==, resumes_before);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM entries"), ==, entries_before);

  /* And the store still works afterwards. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER fail_awards", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_error (&error);
  g_assert_true (vitae_store_save_resume (f->store, resume, &error));
  g_assert_no_error (error);
}

/* Migrations: each step from the version before it, with data in place. */

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
raw_count (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_migrate_step (gconstpointer data)
{
  int from = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vitae-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "vitae.db", NULL);
  sqlite3 *db = open_raw (path);

  g_assert_true (vitae_store_migrate_db (db, from, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vitae_store_db_get_version (db), ==, from);

  if (from >= 1)
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO users VALUES (1, 'Ada', 'ada@example.com', NULL, 1, 1);"
                                   "INSERT INTO resumes (id, user_id, title, basics, created_at, updated_at)"
                                   " VALUES (7, 1, 'Old CV', '{\"name\":\"Ada\"}', 1, 1);"
                                   "INSERT INTO entries (resume_id, section, position, fields, created_at, updated_at)"
                                   " VALUES (7, 'work', 0, '{\"name\":\"Acme\"}', 1, 1);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  if (from >= 2)
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO events (user_id, resume_id, action, created_at, updated_at)"
                                   " VALUES (1, 7, 'view', 1, 1);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  if (from >= 3)
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO email_notifications (user_id, resume_id, recipient, subject, body,"
                                   " status, attempts, created_at, updated_at)"
                                   " VALUES (1, 7, 'hr@example.com', 'CV', 'Hello', 'queued', 0, 5, 5),"
                                   "        (1, 7, 'hr@example.com', 'CV', 'Hello', 'sent', 1, 6, 6);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);

  if (from >= 4)
    g_assert_cmpint (sqlite3_exec (db,
                                   "UPDATE resumes SET basics = '{\"name\":\"Ada\",\"summary\":\"Analyst\"}' WHERE id = 7;"
                                   "UPDATE entries SET fields = '{\"highlights\":[\"Ran the Zürich office\"],"
                                   "\"name\":\"Acme\",\"position\":\"Chef\"}' WHERE resume_id = 7;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (vitae_store_migrate_db (db, from + 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vitae_store_db_get_version (db), ==, from + 1);

  if (from >= 1)
    {
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM entries WHERE resume_id = 7"), ==, 1);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM resumes WHERE title = 'Old CV'"), ==, 1);
    }
  switch (from + 1)
    {
    case 1:
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('users', 'resumes', 'entries')"), ==, 3);
      break;
    case 2:
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM events"), ==, 0);
      break;
    case 3:
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM events"), ==, 1);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM email_notifications"), ==, 0);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM resume_versions"), ==, 0);
      break;
    case 4:
      /* The outbox rows keep their status; the queued one is due at once. */
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM email_notifications WHERE kind = 'message'"), ==, 2);
      g_assert_cmpint (raw_count (db, "SELECT next_attempt_at FROM email_notifications WHERE status = 'queued'"), ==, 5);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM email_notifications"
                                      " WHERE status = 'sent' AND next_attempt_at IS NULL AND sending_since IS NULL"), ==, 1);
      break;
    case 5:
      /* The search index holds every resume already, its values in the
       * order of their keys; completion is computed when first read. */
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM resume_search WHERE resume_search MATCH 'zurich'"), ==, 1);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM resume_search WHERE resume_search MATCH 'name : ada'"), ==, 1);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM resume_search WHERE rowid = 7 AND title = 'Old CV'"
                                      " AND content = 'Analyst' || char (30) || 'Ran the Zürich office' || char (30) ||"
                                      "  'Acme' || char (30) || 'Chef'"
                                      " AND fields = 'basics.summary' || char (30) || 'work.highlights' || char (30) ||"
                                      "  'work.name' || char (30) || 'work.position'"), ==, 1);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM resume_summaries"), ==, 0);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM events"), ==, 1);
      g_assert_cmpint (raw_count (db, "SELECT count(*) FROM event_counts"
                                      " WHERE user_id = 1 AND slot = 0 AND action = 'view' AND count = 1"), ==, 1);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_cmpint (raw_count (db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"), ==, 0);
  sqlite3_close (db);

  /* Opening through the store takes an old file the rest of the way. */
  {
    g_autoptr(VitaeStore) store = vitae_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (vitae_store_db_get_version (vitae_store_get_db (store)), ==, VITAE_STORE_SCHEMA_VERSION);
    if (from >= 1)
      {
        g_autoptr(VitaeResume) resume = vitae_store_load_resume (store, 7, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (vitae_resume_get_candidate_name (resume), ==, "Ada");
      }
    if (from >= 1)
      {
        /* Whatever version it came from, the old resume can be found. */
        g_autoptr(GListModel) found = vitae_store_search (store, 1, "acm", &error);
        g_autoptr(VitaeSearchResult) result = NULL;

        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
        result = g_list_model_get_item (found, 0);
        g_assert_cmpint (vitae_search_result_get_resume_id (result), ==, 7);
        g_assert_cmpstr (vitae_search_result_get_field_key (result), ==, "work.name");
      }
  }
  remove_tree (dir);
}

/* Bad databases: a clear error, and the file is never modified. */

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(VitaeStore) store = vitae_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, VITAE_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "vitae.db"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_test_message ("refused: %s", error->message);
}

static void
test_bad_not_sqlite (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vitae-bad-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "vitae.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_true (g_file_set_contents (path, "My important notes, not a database.\n", -1, NULL));
  assert_refused (path, VITAE_STORE_ERROR_NOT_A_DATABASE);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

static void
test_bad_corrupt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vitae-bad-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "vitae.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  {
    g_autoptr(VitaeStore) store = vitae_store_open (path, &error);
    g_autoptr(VitaeUser) user = vitae_store_create_user (store, "Ada", NULL, &error);
    g_assert_no_error (error);
    /* Fold the WAL into the file so that the damage below is all there is. */
    g_assert_cmpint (sqlite3_exec (vitae_store_get_db (store), "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  }

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  /* Keep the header, scramble the schema page. */
  for (gsize i = 100; i < 4096; i++)
    contents[i] = (char)(i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_refused (path, VITAE_STORE_ERROR_CORRUPT);
  remove_tree (dir);
}

static void
test_bad_too_new (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vitae-bad-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "vitae.db", NULL);
  sqlite3 *db = open_raw (path);

  g_assert_true (vitae_store_migrate_db (db, VITAE_STORE_SCHEMA_VERSION, NULL));
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, VITAE_STORE_ERROR_TOO_NEW);
  remove_tree (dir);
}

static void
drop_privileges (void)
{
  /* Root writes anywhere; a read-only folder only binds an ordinary user. */
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
}

static void
test_bad_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *missing = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VitaeStore) store = NULL;

      drop_privileges ();
      store = vitae_store_open (g_getenv ("VITAE_TEST_DB"), &error);
      g_assert_null (store);
      g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_READ_ONLY);
      g_print ("%s\n", error->message);
      return;
    }

  dir = g_dir_make_tmp ("vitae-ro-XXXXXX", NULL);
  existing = g_build_filename (dir, "vitae.db", NULL);
  missing = g_build_filename (dir, "sub", "vitae.db", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VitaeStore) store = vitae_store_open (existing, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_chmod (existing, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      const char *path = i == 0 ? existing : missing;
      g_autofree char *before = file_checksum (path);
      g_autofree char *after = NULL;

      g_setenv ("VITAE_TEST_DB", path, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*cannot write*");
      after = file_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/vitae/store/pragmas-and-indexes", test_pragmas);
  ADD ("/vitae/store/user-crud", test_user_crud);
  ADD ("/vitae/store/resume-crud", test_resume_crud);
  ADD ("/vitae/store/events", test_events);
  ADD ("/vitae/store/delete-user-cascades", test_delete_user_cascades);
  ADD ("/vitae/store/failed-write-leaves-nothing", test_failed_write_leaves_nothing);
#undef ADD

  g_test_add_data_func ("/vitae/store/migrate-from-v0", GINT_TO_POINTER (0), test_migrate_step);
  g_test_add_data_func ("/vitae/store/migrate-from-v1", GINT_TO_POINTER (1), test_migrate_step);
  g_test_add_data_func ("/vitae/store/migrate-from-v2", GINT_TO_POINTER (2), test_migrate_step);
  g_test_add_data_func ("/vitae/store/migrate-from-v3", GINT_TO_POINTER (3), test_migrate_step);
  g_test_add_data_func ("/vitae/store/migrate-from-v4", GINT_TO_POINTER (4), test_migrate_step);
  g_test_add_func ("/vitae/store/bad/not-sqlite", test_bad_not_sqlite);
  g_test_add_func ("/vitae/store/bad/corrupt", test_bad_corrupt);
  g_test_add_func ("/vitae/store/bad/too-new", test_bad_too_new);
  g_test_add_func ("/vitae/store/bad/read-only-folder", test_bad_read_only_folder);

  return g_test_run ();
}
