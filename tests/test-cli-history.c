/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vitae-backup.h"
#include "cli-test-util.h"
#include "vitae-core.h"
#include "vitae-store-private.h"
#include "vitae-versions.h"

/* `vitae versions`, `version-*`, `backup`, `restore` and the version every
 * `vitae export` saves: the real binary, no display. */

typedef struct {
  char   *dir;
  char   *db;
  char   *resume_id;
  CliResult  r;
} Fixture;

static char *
file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  f->dir = g_dir_make_tmp ("vitae-cli-history-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "vitae.db", NULL);

  json = g_build_filename (f->dir, "ada.json", NULL);
  g_file_set_contents (json,
                       "{\"basics\": {\"name\": \"Ada Lovelace\", \"label\": \"Analyst\"},"
                       " \"work\": [{\"name\": \"Analytical Engine Ltd\", \"position\": \"Programmer\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  cli_run_vitae (&f->r, f->dir, "import", json, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  f->resume_id = g_strchomp (g_strdup (f->r.out));
  g_unlink (json);
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
  cli_result_clear (&f->r);
  remove_tree (f->dir);
  g_free (f->resume_id);
  g_free (f->db);
  g_free (f->dir);
}

static char **
output_lines (CliResult *r)
{
  g_autofree char *text = g_strchomp (g_strdup (r->out));
  return *text ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1);
}

static gint64
count_events (Fixture    *f,
              const char *details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = vitae_store_open (f->db, &error);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (store),
                                       "SELECT count(*) FROM events WHERE action = 'export' AND details = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, details, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_export_saves_version (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *txt = g_build_filename (f->dir, "ada.txt", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "ada.pdf", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  cli_run_vitae (&f->r, f->dir, "versions", f->resume_id, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_cmpstr (f->r.out, ==, "");

  cli_run_vitae (&f->r, f->dir, "export", f->resume_id, "--format", "txt", "-o", txt, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  cli_run_vitae (&f->r, f->dir, "export", f->resume_id, "--format", "md", "-o", "-", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_nonnull (strstr (f->r.out, "# Ada Lovelace"));
  cli_run_vitae (&f->r, f->dir, "export", f->resume_id, "-o", pdf, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  cli_run_vitae (&f->r, f->dir, "export", f->resume_id, "--format", "json", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  cli_run_vitae (&f->r, f->dir, "export", f->resume_id, "--format", "json", "-o", "-", NULL);
  g_assert_cmpint (f->r.status, ==, 0);

  /* A failed export is no export: no event, no version. */
  cli_run_vitae (&f->r, f->dir, "export", f->resume_id, "--format", "txt", "-o", "/nonexistent/folder/x.txt", NULL);
  g_assert_cmpint (f->r.status, ==, 1);

  g_assert_cmpint (count_events (f, "txt"), ==, 1);
  g_assert_cmpint (count_events (f, "md"), ==, 1);
  g_assert_cmpint (count_events (f, "pdf"), ==, 1);
  g_assert_cmpint (count_events (f, "json"), ==, 2);

  cli_run_vitae (&f->r, f->dir, "versions", f->resume_id, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  lines = output_lines (&f->r);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  /* Newest first: id, tab, time, tab, label. */
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 3);
  g_assert_true (g_regex_match_simple ("^[0-9]+$", fields[0], 0, 0));
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$", fields[1], 0, 0));
  g_assert_cmpstr (fields[2], ==, "Exported as JSON Resume");
  g_assert_true (g_str_has_suffix (lines[2], "\tExported as PDF"));
  g_assert_true (g_str_has_suffix (lines[3], "\tExported as Markdown"));
  g_assert_true (g_str_has_suffix (lines[4], "\tExported as Plain Text"));
}

static char *
only_line (CliResult *r)
{
  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", r->out, 0, 0));
  return g_strchomp (g_strdup (r->out));
}

static void
test_save_show_restore_delete (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *before = NULL;
  g_auto(GStrv) lines = NULL;

  cli_run_vitae (&f->r, f->dir, "version-save", f->resume_id, "Sent to Acme", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  saved = only_line (&f->r);

  /* Edited after the version was saved (no command edits a resume). */
  {
    g_autoptr(VitaeStore) store = vitae_store_open (f->db, &error);
    g_autoptr(VitaeResume) resume = NULL;
    gint64 id = g_ascii_strtoll (f->resume_id, NULL, 10);

    g_assert_no_error (error);
    resume = vitae_store_load_resume (store, id, &error);
    g_assert_no_error (error);
    vitae_entry_set_text (vitae_resume_get_basics (resume), "name", "Augusta Ada King");
    g_assert_true (vitae_store_save_resume (store, resume, &error));
    g_assert_no_error (error);
  }

  cli_run_vitae (&f->r, f->dir, "version-show", saved, "--format", "txt", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_true (g_str_has_prefix (f->r.out, "Ada Lovelace\n"));
  cli_run_vitae (&f->r, f->dir, "version-show", saved, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_true (g_str_has_prefix (f->r.out, "{"));
  g_assert_nonnull (strstr (f->r.out, "Ada Lovelace"));
  g_assert_null (strstr (f->r.out, "Augusta"));

  cli_run_vitae (&f->r, f->dir, "version-restore", saved, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  before = only_line (&f->r);
  g_assert_cmpstr (before, !=, saved);

  cli_run_vitae (&f->r, f->dir, "export", f->resume_id, "--format", "txt", "-o", "-", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_true (g_str_has_prefix (f->r.out, "Ada Lovelace\n"));

  /* The version that undoes it holds the edit, and restores it. */
  cli_run_vitae (&f->r, f->dir, "version-show", before, "--format", "md", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_true (g_str_has_prefix (f->r.out, "# Augusta Ada King\n"));
  cli_run_vitae (&f->r, f->dir, "version-restore", before, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  cli_run_vitae (&f->r, f->dir, "export", f->resume_id, "--format", "txt", "-o", "-", NULL);
  g_assert_true (g_str_has_prefix (f->r.out, "Augusta Ada King\n"));

  cli_run_vitae (&f->r, f->dir, "version-delete", saved, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_cmpstr (f->r.out, ==, "");
  cli_run_vitae (&f->r, f->dir, "versions", f->resume_id, NULL);
  lines = output_lines (&f->r);
  /* what each restore replaced, and each export's */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; lines[i]; i++)
    g_assert_false (g_str_has_prefix (lines[i], saved) && lines[i][strlen (saved)] == '\t');
}

static void
test_version_errors (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    const char *args[4];
    int         status;
    const char *message;
  } cases[] = {
    { { "versions", NULL }, 2, "expected the ID of a resume" },
    { { "versions", "abc", NULL }, 2, "is not a resume ID" },
    { { "versions", "1", "2", NULL }, 2, "expected the ID of a resume" },
    { { "versions", "999", NULL }, 1, "999" },
    { { "version-save", "1", NULL }, 2, "LABEL" },
    { { "version-save", "999", "x", NULL }, 1, "999" },
    { { "version-show", NULL }, 2, "expected the ID of a version" },
    { { "version-show", "1", "--format", "pdf" }, 2, "unknown format" },
    { { "version-show", "999", NULL }, 1, "999" },
    { { "version-restore", "0", NULL }, 2, "is not a version ID" },
    { { "version-restore", "999", NULL }, 1, "No version has the id 999" },
    { { "version-delete", NULL }, 2, "expected the ID of a version" },
    { { "version-delete", "999", NULL }, 1, "No version has the id 999" },
  };
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;

  /* Let the import's WAL settle into the file, so the checksum means something. */
  cli_run_vitae (&f->r, f->dir, "list", NULL);
  checksum = file_checksum (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *a = cases[i].args;

      cli_run_vitae (&f->r, f->dir, a[0], a[1], a[2], a[3], NULL);
      g_test_message ("%s %s: %s", a[0], a[1] ? a[1] : "", f->r.err);
      g_assert_cmpint (f->r.status, ==, cases[i].status);
      g_assert_cmpstr (f->r.out, ==, "");
      g_assert_nonnull (strstr (f->r.err, cases[i].message));
    }

  after = file_checksum (f->db);
  g_assert_cmpstr (after, ==, checksum);
}

static void
test_other_profile (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *saved = NULL;

  cli_run_vitae (&f->r, f->dir, "version-save", f->resume_id, "Mine", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  saved = only_line (&f->r);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VitaeStore) store = vitae_store_open (f->db, &error);
    g_autoptr(VitaeUser) grace = NULL;

    g_assert_no_error (error);
    grace = vitae_store_create_user (store, "Grace", "", &error);
    g_assert_no_error (error);
  }

  cli_run_vitae (&f->r, f->dir, "--profile", "Grace", "versions", f->resume_id, NULL);
  g_assert_cmpint (f->r.status, ==, 1);
  g_assert_nonnull (strstr (f->r.err, "has no resume"));
  cli_run_vitae (&f->r, f->dir, "--profile", "Grace", "version-restore", saved, NULL);
  g_assert_cmpint (f->r.status, ==, 1);
  cli_run_vitae (&f->r, f->dir, "--profile", "Grace", "version-delete", saved, NULL);
  g_assert_cmpint (f->r.status, ==, 1);
  cli_run_vitae (&f->r, f->dir, "versions", f->resume_id, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_true (g_str_has_suffix (f->r.out, "\tMine\n"));
}

static void
test_backup_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = vitae_backup_get_folder (f->db);
  g_autofree char *backup = NULL;
  g_autofree char *named = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *after = NULL;
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  cli_run_vitae (&f->r, f->dir, "backup", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  backup = g_strchomp (g_strdup (f->r.out));
  g_assert_true (g_str_has_prefix (backup, folder));
  g_assert_true (vitae_backup_check (backup, &error));
  g_assert_no_error (error);

  cli_run_vitae (&f->r, f->dir, "backup", named, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_true (g_str_has_suffix (f->r.out, "\n"));
  g_assert_cmpstr (g_strchomp (f->r.out), ==, named);
  g_assert_true (vitae_backup_check (named, &error));
  g_assert_no_error (error);
  g_clear_pointer (&f->r.out, g_free);

  cli_run_vitae (&f->r, f->dir, "new", "Added after the backup", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  cli_run_vitae (&f->r, f->dir, "list", NULL);
  g_assert_nonnull (strstr (f->r.out, "Added after the backup"));
  checksum = file_checksum (f->db);

  /* Refused, exit 1, a message, the database byte for byte the same. */
  g_file_get_contents (backup, &contents, &length, &error);
  g_assert_no_error (error);
  memset (contents + 4096, 0x5a, 4096);
  g_file_set_contents (damaged, contents, length, &error);
  g_assert_no_error (error);
  cli_run_vitae (&f->r, f->dir, "restore", damaged, NULL);
  g_assert_cmpint (f->r.status, ==, 1);
  g_assert_nonnull (strstr (f->r.err, "damaged"));
  g_assert_cmpstr (f->r.out, ==, "");

  g_file_set_contents (text, "not a database", -1, &error);
  g_assert_no_error (error);
  cli_run_vitae (&f->r, f->dir, "restore", text, NULL);
  g_assert_cmpint (f->r.status, ==, 1);
  g_assert_nonnull (strstr (f->r.err, "is not a Vitae backup"));

  cli_run_vitae (&f->r, f->dir, "restore", "/nonexistent.db", NULL);
  g_assert_cmpint (f->r.status, ==, 1);

  after = file_checksum (f->db);
  g_assert_cmpstr (after, ==, checksum);
  {
    g_autoptr(GPtrArray) backups = vitae_backup_list (folder);
    g_assert_cmpuint (backups->len, ==, 1);
  }

  cli_run_vitae (&f->r, f->dir, "restore", NULL);
  g_assert_cmpint (f->r.status, ==, 2);
  cli_run_vitae (&f->r, f->dir, "backup", "a", "b", NULL);
  g_assert_cmpint (f->r.status, ==, 2);

  /* A good backup: restored, and the replaced database kept. */
  cli_run_vitae (&f->r, f->dir, "restore", named, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  kept = g_strchomp (g_strdup (f->r.out));
  g_assert_true (g_str_has_suffix (kept, "-before-restore.db"));
  g_assert_true (vitae_backup_check (kept, &error));
  g_assert_no_error (error);
  cli_run_vitae (&f->r, f->dir, "list", NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  g_assert_null (strstr (f->r.out, "Added after the backup"));
  g_assert_nonnull (strstr (f->r.out, "Ada Lovelace"));

  cli_run_vitae (&f->r, f->dir, "restore", kept, NULL);
  g_assert_cmpint (f->r.status, ==, 0);
  cli_run_vitae (&f->r, f->dir, "list", NULL);
  g_assert_nonnull (strstr (f->r.out, "Added after the backup"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/vitae/cli/versions/export-saves-version", Fixture, NULL, fixture_set_up, test_export_saves_version, fixture_tear_down);
  g_test_add ("/vitae/cli/versions/save-show-restore-delete", Fixture, NULL, fixture_set_up, test_save_show_restore_delete, fixture_tear_down);
  g_test_add ("/vitae/cli/versions/errors", Fixture, NULL, fixture_set_up, test_version_errors, fixture_tear_down);
  g_test_add ("/vitae/cli/versions/other-profile", Fixture, NULL, fixture_set_up, test_other_profile, fixture_tear_down);
  g_test_add ("/vitae/cli/backup-and-restore", Fixture, NULL, fixture_set_up, test_backup_and_restore, fixture_tear_down);

  return g_test_run ();
}
