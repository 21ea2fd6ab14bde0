/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "vitae-core.h"

/* The headless commands, run as a user would: the real binary, no display. */

static char *
make_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vitae-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_data_dir (const char *dir)
{
  static const char * const names[] = { "vitae.db", "vitae.db-wal", "vitae.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_version_and_help (void)
{
  CliResult r = { 0, };

  cli_run_vitae (&r, NULL, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "vitae " PACKAGE_VERSION "\n");

  cli_run_vitae (&r, NULL, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "resume builder"));
  g_assert_nonnull (strstr (r.out, "list"));
  g_assert_nonnull (strstr (r.out, "new TITLE"));
  cli_result_clear (&r);
}

static void
test_new_and_list (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  CliResult r = { 0, };

  cli_run_vitae (&r, dir, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");

  cli_run_vitae (&r, dir, "new", "Backend Engineer", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", r.out, 0, 0));
  first_id = g_strchomp (g_strdup (r.out));

  cli_run_vitae (&r, dir, "new", "Ingénieure — données", NULL);
  g_assert_cmpint (r.status, ==, 0);
  second_id = g_strchomp (g_strdup (r.out));
  g_assert_cmpstr (first_id, !=, second_id);

  cli_run_vitae (&r, dir, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$", fields[3], 0, 0));
  g_assert_nonnull (strstr (r.out, "Backend Engineer"));
  g_assert_nonnull (strstr (r.out, "Ingénieure — données"));

  /* The headless profile was made from the OS user, and --profile finds it by id. */
  cli_run_vitae (&r, dir, "--profile", "1", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Backend Engineer"));

  cli_result_clear (&r);
  remove_data_dir (dir);
}

static void
test_errors_and_usage (void)
{
  g_autofree char *dir = make_data_dir ();
  CliResult r = { 0, };

  cli_run_vitae (&r, dir, "new", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "TITLE"));

  cli_run_vitae (&r, dir, "new", "   ", NULL);
  g_assert_cmpint (r.status, ==, 2);

  cli_run_vitae (&r, dir, "list", "--bogus", NULL);
  g_assert_cmpint (r.status, ==, 2);

  cli_run_vitae (&r, dir, "--profile", NULL);
  g_assert_cmpint (r.status, ==, 2);

  cli_run_vitae (&r, dir, "--profile", "Nobody", "list", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Nobody"));
  g_assert_cmpstr (r.out, ==, "");

  cli_result_clear (&r);
  remove_data_dir (dir);
}

static void
test_bad_database (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "vitae.db", NULL);
  static const char notes[] = "These are my notes, not a database.\n";
  g_autofree char *after = NULL;
  CliResult r = { 0, };

  g_assert_true (g_file_set_contents (path, notes, -1, NULL));

  cli_run_vitae (&r, dir, "list", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "not a Vitae database"));
  g_assert_cmpstr (r.out, ==, "");

  cli_run_vitae (&r, dir, "new", "Anything", NULL);
  g_assert_cmpint (r.status, ==, 1);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, notes);

  cli_result_clear (&r);
  remove_data_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/vitae/cli/new-and-list", test_new_and_list);
  g_test_add_func ("/vitae/cli/errors-and-usage", test_errors_and_usage);
  g_test_add_func ("/vitae/cli/bad-database", test_bad_database);

  return g_test_run ();
}
