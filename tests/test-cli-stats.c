/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "vitae-core.h"

/* `vitae search` and `vitae stats`, run as a user would: the real binary,
 * no display. */

typedef struct {
  char *dir;
  char *sample_id;   /* the JSON Resume sample: Richard Hendriks */
  char *empty_id;    /* "Ingénieure — données", nothing in it */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "sample.resume.json", NULL);
  CliResult r = { 0, };

  f->dir = g_dir_make_tmp ("vitae-cli-stats-XXXXXX", &error);
  g_assert_no_error (error);

  cli_run_vitae (&r, f->dir, "new", "Ingénieure — données", NULL);
  g_assert_cmpint (r.status, ==, 0);
  f->empty_id = g_strchomp (g_strdup (r.out));
  cli_run_vitae (&r, f->dir, "import", sample, NULL);
  g_assert_cmpint (r.status, ==, 0);
  f->sample_id = g_strchomp (g_strdup (r.out));
  cli_result_clear (&r);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const names[] = { "vitae.db", "vitae.db-wal", "vitae.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->sample_id);
  g_free (f->empty_id);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *expected = NULL;
  static const char * const odd[] = { "\"", "NEAR(", "AND", "-", "*", "(", ")", "\"hendriks", "hendriks)", "" };
  CliResult r = { 0, };

  /* The name: one line, id, title, where */
  cli_run_vitae (&r, f->dir, "search", "hendriks", NULL);
  g_assert_cmpint (r.status, ==, 0);
  expected = g_strdup_printf ("%s\tRichard Hendriks — Programmer\tTitle\n", f->sample_id);
  g_assert_cmpstr (r.out, ==, expected);
  g_assert_cmpstr (r.err, ==, "");

  /* A word of a highlight, in any case, and a prefix; several arguments are one query */
  cli_run_vitae (&r, f->dir, "search", "PIED", "pip", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, f->sample_id));
  g_assert_true (g_str_has_suffix (r.out, "\tWork · Company\n"));

  /* Diacritics either way */
  cli_run_vitae (&r, f->dir, "search", "ingenieure", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_suffix (r.out, "\tIngénieure — données\tTitle\n"));
  cli_run_vitae (&r, f->dir, "search", "dönnées", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, f->empty_id));

  /* Nothing found is not an error; odd text is words */
  cli_run_vitae (&r, f->dir, "search", "xyzzy", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      cli_run_vitae (&r, f->dir, "search", odd[i], NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
    }
  g_assert_cmpstr (r.out, ==, "");

  /* No query is a usage error */
  cli_run_vitae (&r, f->dir, "search", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "QUERY"));
  cli_result_clear (&r);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_stats_one (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonObject) stats = NULL;
  g_autoptr(JsonObject) again = NULL;
  JsonObject *sections;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeCompletion) completion = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *completion_line = NULL;
  CliResult r = { 0, };

  cli_run_vitae (&r, f->dir, "stats", f->sample_id, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  stats = parse_object (r.out);
  g_assert_cmpstr (json_object_get_string_member (stats, "title"), ==, "Richard Hendriks — Programmer");
  g_assert_cmpint (json_object_get_int_member (stats, "downloads"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "views"), ==, 0);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$",
                                       json_object_get_string_member (stats, "created_at"), 0, 0));
  g_assert_true (json_object_has_member (stats, "updated_at"));

  /* The same figures as the statistics page: the completion of the sample */
  {
    g_autofree char *path = g_build_filename (f->dir, "vitae.db", NULL);
    g_autoptr(VitaeStore) store = vitae_store_open (path, NULL);
    g_assert_nonnull (store);
    resume = vitae_store_load_resume (store, g_ascii_strtoll (f->sample_id, NULL, 10), NULL);
    g_assert_nonnull (resume);
    completion = vitae_completion_new (resume);
  }
  g_assert_cmpint (json_object_get_int_member (stats, "completion"), ==, vitae_completion_get_percent (completion));
  g_assert_cmpint (json_object_get_int_member (stats, "completion"), >, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "completion"), <=, 100);
  sections = json_object_get_object_member (stats, "sections");
  g_assert_cmpuint (json_object_get_size (sections), ==, VITAE_N_SECTIONS - 1);
  g_assert_cmpint (json_object_get_int_member (sections, "work"), ==,
                   vitae_completion_get_n_entries (completion, VITAE_SECTION_WORK));
  g_assert_cmpint (json_object_get_int_member (sections, "work"), >, 0);
  g_assert_cmpint (json_object_get_int_member (sections, "profiles"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (stats, "missing")), ==,
                    g_strv_length ((char **)vitae_completion_get_missing (completion)));

  /* An export is an event: it shows in the figures and the timeline. */
  cli_run_vitae (&r, f->dir, "export", f->sample_id, "--format", "md", "-o", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  cli_run_vitae (&r, f->dir, "stats", f->sample_id, "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  again = parse_object (r.out);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (again, "events"), "export"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (again, "timeline")), ==, 1);

  /* Text: one figure a line, name, tab, value */
  cli_run_vitae (&r, f->dir, "stats", f->sample_id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Title\tRichard Hendriks — Programmer");
  completion_line = g_strdup_printf ("Completion\t%u%%", vitae_completion_get_percent (completion));
  g_assert_true (g_strv_contains ((const char * const *)lines, completion_line));
  g_assert_true (g_strv_contains ((const char * const *)lines, "Downloads\t0"));
  g_assert_true (g_strv_contains ((const char * const *)lines, "Section\tProfiles\t2"));
  g_assert_nonnull (strstr (r.out, "\texport\tmd\n"));

  /* An empty resume: 0 % and everything missing */
  cli_run_vitae (&r, f->dir, "stats", "--json", f->empty_id, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_clear_pointer (&stats, json_object_unref);
  stats = parse_object (r.out);
  g_assert_cmpint (json_object_get_int_member (stats, "completion"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (stats, "events"), "create"), ==, 1);
  cli_result_clear (&r);
}

static void
test_stats_all (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonObject) stats = NULL;
  JsonArray *rows, *days;
  g_auto(GStrv) lines = NULL;
  CliResult r = { 0, };

  cli_run_vitae (&r, f->dir, "stats", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  stats = parse_object (r.out);
  g_assert_cmpint (json_object_get_int_member (stats, "resumes"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (stats, "downloads"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "views"), ==, 0);
  rows = json_object_get_array_member (stats, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64 completion = json_object_get_int_member (row, "completion");

      g_assert_cmpint (completion, >=, 0);
      g_assert_cmpint (completion, <=, 100);
      g_assert_true (json_object_has_member (row, "created_at"));
      g_assert_true (json_object_has_member (row, "updated_at"));
    }
  days = json_object_get_array_member (stats, "days");
  g_assert_cmpuint (json_array_get_length (days), ==, VITAE_ANALYTICS_DAYS);
  /* Today: the create of the empty resume */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (days, VITAE_ANALYTICS_DAYS - 1), "other"), ==, 1);

  cli_run_vitae (&r, f->dir, "stats", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Resumes\t2");
  g_assert_cmpstr (lines[1], ==, "Downloads\t0");
  g_assert_cmpstr (lines[2], ==, "Views\t0");
  g_assert_cmpstr (lines[5], ==, "ID\tCompletion\tDownloads\tViews\tCreated\tUpdated\tTitle");
  g_assert_nonnull (lines[6]);
  g_assert_nonnull (lines[7]);
  g_assert_cmpstr (lines[8], ==, "");
  cli_result_clear (&r);
}

static void
test_stats_errors (Fixture       *f,
                   gconstpointer  data)
{
  CliResult r = { 0, };

  cli_run_vitae (&r, f->dir, "stats", "abc", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "not a resume ID"));

  cli_run_vitae (&r, f->dir, "stats", f->sample_id, f->empty_id, NULL);
  g_assert_cmpint (r.status, ==, 2);
  cli_run_vitae (&r, f->dir, "stats", "--bogus", NULL);
  g_assert_cmpint (r.status, ==, 2);

  cli_run_vitae (&r, f->dir, "stats", "9999", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "9999"));
  g_assert_cmpstr (r.out, ==, "");

  /* An unknown profile, and another profile's resume, are errors. */
  cli_run_vitae (&r, f->dir, "--profile", "Nobody", "stats", NULL);
  g_assert_cmpint (r.status, ==, 1);
  {
    g_autofree char *path = g_build_filename (f->dir, "vitae.db", NULL);
    g_autoptr(VitaeStore) store = vitae_store_open (path, NULL);
    g_autoptr(VitaeUser) bob = vitae_store_create_user (store, "Bob", NULL, NULL);
    g_assert_nonnull (bob);
  }
  cli_run_vitae (&r, f->dir, "--profile", "Bob", "stats", f->sample_id, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Bob"));
  cli_run_vitae (&r, f->dir, "--profile", "Bob", "search", "hendriks", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  cli_result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/vitae/cli/search", test_search);
  ADD ("/vitae/cli/stats-one", test_stats_one);
  ADD ("/vitae/cli/stats-all", test_stats_all);
  ADD ("/vitae/cli/stats-errors", test_stats_errors);
#undef ADD

  return g_test_run ();
}
