/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vitae-core.h"
#include "vitae-json-resume.h"
#include "vitae-store-private.h"
#include "vitae-text-export.h"
#include "vitae-versions.h"

typedef struct {
  char        *dir;
  VitaeStore  *store;
  VitaeUser   *user;
  VitaeResume *resume;
} Fixture;

static void
set_text (VitaeEntry *entry,
          const char *key,
          const char *value)
{
  vitae_entry_set_text (entry, key, value);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  VitaeEntry *work;

  f->dir = g_dir_make_tmp ("vitae-versions-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  f->user = vitae_store_create_user (f->store, "Ada", "ada@example.com", &error);
  g_assert_no_error (error);
  f->resume = vitae_store_create_resume (f->store, vitae_user_get_id (f->user), "Backend Engineer", &error);
  g_assert_no_error (error);

  set_text (vitae_resume_get_basics (f->resume), "name", "Ada Lovelace");
  set_text (vitae_resume_get_basics (f->resume), "label", "Analyst");
  work = vitae_resume_add_entry (f->resume, VITAE_SECTION_WORK);
  set_text (work, "name", "Analytical Engine Ltd");
  set_text (work, "position", "Programmer");
  vitae_resume_set_template (f->resume, "modern");
  g_assert_true (vitae_store_save_resume (f->store, f->resume, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "vitae.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->resume);
  g_clear_object (&f->user);
  g_clear_object (&f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static VitaeResume *
reload (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VitaeResume *resume = vitae_store_load_resume (f->store, vitae_resume_get_id (f->resume), &error);

  g_assert_no_error (error);
  g_assert_nonnull (resume);
  return resume;
}

static const char *
basics (VitaeResume *resume,
        const char  *key)
{
  return vitae_entry_get_text (vitae_resume_get_basics (resume), key);
}

static guint
n_versions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = vitae_versions_list (f->store, vitae_resume_get_id (f->resume), &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (versions);
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

static void
test_save_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeVersion) first = NULL;
  g_autoptr(VitaeVersion) second = NULL;
  g_autoptr(VitaeVersion) got = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(VitaeVersion) newest = NULL;
  g_autoptr(VitaeVersion) oldest = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpuint (n_versions (f), ==, 0);

  first = vitae_versions_save (f->store, f->resume, "  Sent to Acme \n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpint (vitae_version_get_id (first), >, 0);
  g_assert_cmpint (vitae_version_get_resume_id (first), ==, vitae_resume_get_id (f->resume));
  g_assert_cmpstr (vitae_version_get_label (first), ==, "Sent to Acme");
  g_assert_cmpint (vitae_version_get_created_at (first), >=, before);

  second = vitae_versions_save (f->store, f->resume, "Ingénieure — données", &error);
  g_assert_no_error (error);

  versions = vitae_versions_list (f->store, vitae_resume_get_id (f->resume), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  newest = g_list_model_get_item (versions, 0);
  oldest = g_list_model_get_item (versions, 1);
  g_assert_cmpint (vitae_version_get_id (newest), ==, vitae_version_get_id (second));
  g_assert_cmpstr (vitae_version_get_label (newest), ==, "Ingénieure — données");
  g_assert_cmpint (vitae_version_get_id (oldest), ==, vitae_version_get_id (first));

  got = vitae_versions_get (f->store, vitae_version_get_id (first), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_version_get_label (got), ==, "Sent to Acme");

  /* Another resume's list does not show them. */
  {
    g_autoptr(VitaeResume) other = vitae_store_create_resume (f->store, vitae_user_get_id (f->user), "Other", &error);
    g_autoptr(GListModel) none = NULL;

    g_assert_no_error (error);
    none = vitae_versions_list (f->store, vitae_resume_get_id (other), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  }
}

static void
test_snapshot_is_json_resume (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeVersion) version = vitae_versions_save (f->store, f->resume, "v1", &error);
  g_autofree char *snapshot = NULL;
  g_autofree char *expected = vitae_json_resume_to_string (f->resume);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *meta_vitae;

  g_assert_no_error (error);
  snapshot = vitae_versions_get_snapshot (f->store, vitae_version_get_id (version), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (snapshot, ==, expected);

  root = json_from_string (snapshot, &error);
  g_assert_no_error (error);
  meta_vitae = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "meta"), "vitae");
  g_assert_cmpstr (json_object_get_string_member (meta_vitae, "template"), ==, "modern");
  g_assert_cmpstr (json_object_get_string_member (meta_vitae, "title"), ==, "Backend Engineer");
}

static void
test_load_for_preview (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeVersion) version = vitae_versions_save (f->store, f->resume, "v1", &error);
  g_autoptr(VitaeResume) old = NULL;
  g_autoptr(VitaeResume) now = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);

  /* Edited after the version was saved. */
  set_text (vitae_resume_get_basics (f->resume), "name", "Augusta Ada King");
  g_assert_true (vitae_store_save_resume (f->store, f->resume, &error));

  old = vitae_versions_load (f->store, vitae_version_get_id (version), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vitae_resume_get_id (old), ==, 0);
  g_assert_cmpint (vitae_resume_get_user_id (old), ==, vitae_user_get_id (f->user));
  g_assert_cmpstr (basics (old, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (vitae_resume_get_template (old), ==, "modern");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (old, VITAE_SECTION_WORK)), ==, 1);
  g_assert_cmpint (vitae_resume_get_created_at (old), ==, vitae_version_get_created_at (version));

  text = vitae_text_export (old, VITAE_TEXT_FORMAT_PLAIN);
  g_assert_nonnull (strstr (text, "Ada Lovelace"));
  g_assert_null (strstr (text, "Augusta"));

  /* Loading for a preview changes nothing. */
  now = reload (f);
  g_assert_cmpstr (basics (now, "name"), ==, "Augusta Ada King");
  g_assert_cmpuint (n_versions (f), ==, 1);
}

static void
test_restore_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeVersion) v1 = NULL;
  g_autoptr(VitaeVersion) before = NULL;
  g_autoptr(VitaeVersion) before_undo = NULL;
  g_autoptr(VitaeResume) restored = NULL;
  g_autoptr(VitaeResume) undone = NULL;
  g_autoptr(VitaeEvent) event = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GBytes) photo = g_bytes_new_static ("\xff\xd8\xff photo", 9);
  VitaeEntry *edu;
  gint64 id = vitae_resume_get_id (f->resume);
  gint64 created = vitae_resume_get_created_at (f->resume);

  v1 = vitae_versions_save (f->store, f->resume, "Sent to Acme", &error);
  g_assert_no_error (error);

  /* Then: new name, another entry, another template, a new title, a photo,
   * archived, downloaded once. */
  set_text (vitae_resume_get_basics (f->resume), "name", "Augusta Ada King");
  edu = vitae_resume_add_entry (f->resume, VITAE_SECTION_EDUCATION);
  set_text (edu, "institution", "University of London");
  vitae_resume_set_template (f->resume, "compact");
  vitae_resume_set_title (f->resume, "Countess");
  vitae_resume_set_photo (f->resume, photo);
  vitae_resume_set_is_active (f->resume, FALSE);
  g_assert_true (vitae_store_save_resume (f->store, f->resume, &error));
  event = vitae_store_record_event (f->store, vitae_user_get_id (f->user), id, VITAE_EVENT_DOWNLOAD, "pdf", &error);
  g_assert_no_error (error);

  before = vitae_versions_restore (f->store, vitae_version_get_id (v1), &error);
  g_assert_no_error (error);
  g_assert_nonnull (before);
  g_assert_cmpstr (vitae_version_get_label (before), ==, "Before restoring “Sent to Acme”");

  restored = reload (f);
  /* The content is the version's … */
  g_assert_cmpstr (basics (restored, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (basics (restored, "label"), ==, "Analyst");
  g_assert_cmpstr (vitae_resume_get_template (restored), ==, "modern");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (restored, VITAE_SECTION_WORK)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (restored, VITAE_SECTION_EDUCATION)), ==, 0);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM entries"), ==, 1);
  /* … the identity and history are the resume's. */
  g_assert_cmpint (vitae_resume_get_id (restored), ==, id);
  g_assert_cmpstr (vitae_resume_get_title (restored), ==, "Countess");
  g_assert_false (vitae_resume_get_is_active (restored));
  g_assert_cmpint (vitae_resume_get_download_count (restored), ==, 1);
  g_assert_cmpint (vitae_resume_get_created_at (restored), ==, created);
  g_assert_nonnull (vitae_resume_get_photo (restored));
  g_assert_true (g_bytes_equal (vitae_resume_get_photo (restored), photo));
  events = vitae_store_list_events (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);  /* create, download */
  versions = vitae_versions_list (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);

  /* The restore is undone by restoring what it replaced. */
  before_undo = vitae_versions_restore (f->store, vitae_version_get_id (before), &error);
  g_assert_no_error (error);
  undone = reload (f);
  g_assert_cmpstr (basics (undone, "name"), ==, "Augusta Ada King");
  g_assert_cmpstr (vitae_resume_get_template (undone), ==, "compact");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (undone, VITAE_SECTION_EDUCATION)), ==, 1);
  {
    g_autoptr(VitaeEntry) school = g_list_model_get_item (vitae_resume_get_entries (undone, VITAE_SECTION_EDUCATION), 0);
    g_assert_cmpstr (vitae_entry_get_text (school, "institution"), ==, "University of London");
  }
  g_assert_cmpuint (n_versions (f), ==, 3);
  /* The version that was restored is still there, unchanged. */
  {
    g_autoptr(VitaeResume) still = vitae_versions_load (f->store, vitae_version_get_id (v1), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (basics (still, "name"), ==, "Ada Lovelace");
  }
}

static void
test_restore_unreadable_changes_nothing (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeVersion) version = vitae_versions_save (f->store, f->resume, "v1", &error);
  g_autoptr(VitaeVersion) before = NULL;
  g_autoptr(VitaeResume) after = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  /* Valid JSON, but not a resume the codec accepts. */
  g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (f->store),
                                       "UPDATE resume_versions SET snapshot = '{\"basics\": 5}' WHERE id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, vitae_version_get_id (version));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  before = vitae_versions_restore (f->store, vitae_version_get_id (version), &error);
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_CORRUPT);
  g_assert_null (before);
  g_assert_nonnull (strstr (error->message, "basics"));

  after = reload (f);
  g_assert_cmpstr (basics (after, "name"), ==, "Ada Lovelace");
  g_assert_cmpuint (n_versions (f), ==, 1);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeVersion) a = vitae_versions_save (f->store, f->resume, "a", &error);
  g_autoptr(VitaeVersion) b = vitae_versions_save (f->store, f->resume, "b", &error);
  g_autoptr(GListModel) left = NULL;
  g_autoptr(VitaeVersion) remaining = NULL;
  g_autoptr(VitaeResume) after = NULL;

  g_assert_no_error (error);
  g_assert_true (vitae_versions_delete (f->store, vitae_version_get_id (a), &error));
  g_assert_no_error (error);

  left = vitae_versions_list (f->store, vitae_resume_get_id (f->resume), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (left), ==, 1);
  remaining = g_list_model_get_item (left, 0);
  g_assert_cmpstr (vitae_version_get_label (remaining), ==, "b");

  g_assert_false (vitae_versions_delete (f->store, vitae_version_get_id (a), &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting a version leaves the resume alone. */
  after = reload (f);
  g_assert_cmpstr (basics (after, "name"), ==, "Ada Lovelace");

  /* Deleting the resume deletes its versions. */
  g_assert_true (vitae_store_delete_resume (f->store, vitae_resume_get_id (f->resume), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM resume_versions"), ==, 0);
}

static void
test_export_label (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *format; const char *label; } cases[] = {
    { "pdf", "Exported as PDF" },
    { "json", "Exported as JSON Resume" },
    { "txt", "Exported as Plain Text" },
    { "md", "Exported as Markdown" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VitaeVersion) version = vitae_versions_save_export (f->store, f->resume, cases[i].format, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (vitae_version_get_label (version), ==, cases[i].label);
    }
  g_assert_cmpuint (n_versions (f), ==, G_N_ELEMENTS (cases));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) unsaved = vitae_resume_new ();
  g_autoptr(VitaeResume) gone = vitae_resume_copy (f->resume);

  g_assert_null (vitae_versions_save (f->store, unsaved, "x", &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  vitae_resume_set_id (gone, 9999);
  g_assert_null (vitae_versions_save (f->store, gone, "x", &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (vitae_versions_save (f->store, f->resume, "bad \xff label", &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (vitae_versions_get (f->store, 4242, &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (vitae_versions_load (f->store, 4242, &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (vitae_versions_restore (f->store, 4242, &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpuint (n_versions (f), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vitae/versions/save-and-list", Fixture, NULL, fixture_set_up, test_save_and_list, fixture_tear_down);
  g_test_add ("/vitae/versions/snapshot-is-json-resume", Fixture, NULL, fixture_set_up, test_snapshot_is_json_resume, fixture_tear_down);
  g_test_add ("/vitae/versions/load-for-preview", Fixture, NULL, fixture_set_up, test_load_for_preview, fixture_tear_down);
  g_test_add ("/vitae/versions/restore-and-undo", Fixture, NULL, fixture_set_up, test_restore_and_undo, fixture_tear_down);
  g_test_add ("/vitae/versions/restore-unreadable-changes-nothing", Fixture, NULL, fixture_set_up, test_restore_unreadable_changes_nothing, fixture_tear_down);
  g_test_add ("/vitae/versions/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/vitae/versions/export-label", Fixture, NULL, fixture_set_up, test_export_label, fixture_tear_down);
  g_test_add ("/vitae/versions/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);

  return g_test_run ();
}
