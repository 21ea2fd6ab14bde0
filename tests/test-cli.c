/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "vitae-core.h"

/* The headless commands, run as a user would: the real binary, no display. */

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static void
run_vitae (Result     *r,
           const char *data_dir,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer)g_getenv ("VITAE_BINARY"));
  if (data_dir != NULL)
    {
      g_ptr_array_add (argv, "--data-dir");
      g_ptr_array_add (argv, (gpointer)data_dir);
    }
  va_start (args, data_dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Headless means headless: no display to fall back on. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "VITAE_DATA_DIR");

  result_clear (r);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

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
  Result r = { 0, };

  run_vitae (&r, NULL, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "vitae " PACKAGE_VERSION "\n");

  run_vitae (&r, NULL, "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "resume builder"));
  g_assert_nonnull (strstr (r.out, "list"));
  g_assert_nonnull (strstr (r.out, "new TITLE"));
  result_clear (&r);
}

static void
test_new_and_list (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  Result r = { 0, };

  run_vitae (&r, dir, "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");

  run_vitae (&r, dir, "new", "Backend Engineer", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", r.out, 0, 0));
  first_id = g_strchomp (g_strdup (r.out));

  run_vitae (&r, dir, "new", "Ingénieure — données", NULL);
  g_assert_cmpint (r.status, ==, 0);
  second_id = g_strchomp (g_strdup (r.out));
  g_assert_cmpstr (first_id, !=, second_id);

  run_vitae (&r, dir, "list", NULL);
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
  run_vitae (&r, dir, "--profile", "1", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Backend Engineer"));

  result_clear (&r);
  remove_data_dir (dir);
}

static void
test_errors_and_usage (void)
{
  g_autofree char *dir = make_data_dir ();
  Result r = { 0, };

  run_vitae (&r, dir, "new", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "TITLE"));

  run_vitae (&r, dir, "new", "   ", NULL);
  g_assert_cmpint (r.status, ==, 2);

  run_vitae (&r, dir, "list", "--bogus", NULL);
  g_assert_cmpint (r.status, ==, 2);

  run_vitae (&r, dir, "--profile", NULL);
  g_assert_cmpint (r.status, ==, 2);

  run_vitae (&r, dir, "--profile", "Nobody", "list", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Nobody"));
  g_assert_cmpstr (r.out, ==, "");

  result_clear (&r);
  remove_data_dir (dir);
}

static void
test_bad_database (void)
{
  g_autofree char *dir = make_data_dir ();
  g_autofree char *path = g_build_filename (dir, "vitae.db", NULL);
  static const char notes[] = "These are my notes, not a database.\n";
  g_autofree char *after = NULL;
  Result r = { 0, };

  g_assert_true (g_file_set_contents (path, notes, -1, NULL));

  run_vitae (&r, dir, "list", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "not a Vitae database"));
  g_assert_cmpstr (r.out, ==, "");

  run_vitae (&r, dir, "new", "Anything", NULL);
  g_assert_cmpint (r.status, ==, 1);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, notes);

  result_clear (&r);
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
