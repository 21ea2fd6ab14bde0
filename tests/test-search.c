/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "vitae-core.h"
#include "vitae-store-private.h"

typedef struct {
  char        *dir;
  VitaeStore  *store;
  gint64       ada;
  gint64       bob;
  VitaeResume *backend;
  VitaeResume *designer;
  VitaeResume *data;
} Fixture;

static VitaeEntry *
add_entry (VitaeResume    *resume,
           VitaeSectionId  section,
           const char     *key,
           const char     *value)
{
  VitaeEntry *entry = vitae_resume_add_entry (resume, section);

  vitae_entry_set_text (entry, key, value);
  return entry;
}

static VitaeResume *
create (Fixture    *f,
        gint64      user_id,
        const char *title,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  VitaeResume *resume = vitae_store_create_resume (f->store, user_id, title, &error);

  g_assert_no_error (error);
  if (name != NULL)
    vitae_entry_set_text (vitae_resume_get_basics (resume), "name", name);
  return resume;
}

static void
save (Fixture     *f,
      VitaeResume *resume)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vitae_store_save_resume (f->store, resume, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VitaeUser) ada = NULL;
  g_autoptr(VitaeUser) bob = NULL;
  g_autoptr(VitaeResume) bobs = NULL;
  static const char * const highlights[] = { "Led the storage team", "Halved p95 latency", NULL };
  static const char * const keywords[] = { "compilers", "COBOL", NULL };
  VitaeEntry *entry;

  f->dir = g_dir_make_tmp ("vitae-search-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  ada = vitae_store_create_user (f->store, "Ada", NULL, &error);
  bob = vitae_store_create_user (f->store, "Bob", NULL, &error);
  g_assert_no_error (error);
  f->ada = vitae_user_get_id (ada);
  f->bob = vitae_user_get_id (bob);

  f->backend = create (f, f->ada, "Backend roles", "Ada Lovelace");
  vitae_entry_set_text (vitae_resume_get_basics (f->backend), "summary", "Ships reliable systems");
  vitae_entry_set_text (vitae_resume_get_basics (f->backend), "location.city", "London");
  entry = add_entry (f->backend, VITAE_SECTION_WORK, "position", "Engineer");
  vitae_entry_set_text (entry, "name", "Analytical Engines Ltd");
  vitae_entry_set_list (entry, "highlights", highlights);
  save (f, f->backend);

  f->designer = create (f, f->ada, "Designer CV", "José Núñez");
  add_entry (f->designer, VITAE_SECTION_SKILLS, "name", "Typography");
  entry = add_entry (f->designer, VITAE_SECTION_WORK, "position", "Art Director");
  vitae_entry_set_text (entry, "name", "Zürich Studio");
  save (f, f->designer);

  f->data = create (f, f->ada, "Data CV", "Grace Hopper");
  entry = add_entry (f->data, VITAE_SECTION_PROJECTS, "name", "Flow-Matic");
  vitae_entry_set_list (entry, "keywords", keywords);
  add_entry (f->data, VITAE_SECTION_WORK, "description",
             "She said \"hello\" (quoted) -- AND NEAR( the * and OR NOT ^caret");
  save (f, f->data);

  /* Another profile's resume is never found. */
  bobs = create (f, f->bob, "Ada storage Lovelace", "Ada Lovelace");
  save (f, bobs);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->backend);
  g_clear_object (&f->designer);
  g_clear_object (&f->data);
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
}

static GListModel *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GListModel *results = vitae_store_search (f->store, f->ada, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* The one result of @text, which must be @resume. */
static VitaeSearchResult *
search_one (Fixture     *f,
            const char  *text,
            VitaeResume *resume)
{
  g_autoptr(GListModel) results = search (f, text);
  VitaeSearchResult *result;

  g_test_message ("search “%s”", text);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  g_assert_cmpint (vitae_search_result_get_resume_id (result), ==, vitae_resume_get_id (resume));
  g_assert_cmpstr (vitae_search_result_get_title (result), ==, vitae_resume_get_title (resume));
  return result;
}

static void
test_match_expression (void)
{
  static const struct { const char *text; const char *expression; } cases[] = {
    { "ada", "\"ada\"*" },
    { "  Ada   Love ", "\"Ada\" \"Love\"*" },
    { "say \"hi", "\"say\" \"\"\"hi\"*" },
    { "NEAR( AND -x", "\"NEAR(\" \"AND\" \"-x\"*" },
    { "ada -", "\"ada\"*" },
    { "\" * - ( ) ^", NULL },
    { "", NULL },
    { "Zürich", "\"Zürich\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expression = vitae_search_match_expression (cases[i].text);
      g_assert_cmpstr (expression, ==, cases[i].expression);
    }
  g_assert_null (vitae_search_match_expression (NULL));
}

static void
test_name (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VitaeSearchResult) result = search_one (f, "lovelace", f->backend);

  g_assert_cmpstr (vitae_search_result_get_candidate_name (result), ==, "Ada Lovelace");
  g_assert_cmpstr (vitae_search_result_get_field_key (result), ==, "name");
  g_assert_cmpstr (vitae_search_result_get_field (result), ==, "Name");
  g_assert_cmpstr (vitae_search_result_get_snippet (result), ==, "Ada Lovelace");
  g_assert_cmpstr (vitae_search_result_get_snippet_markup (result), ==, "Ada <b>Lovelace</b>");
  g_assert_true (vitae_search_result_get_is_active (result));
}

static void
test_highlight_word (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(VitaeSearchResult) result = search_one (f, "storage", f->backend);
  g_autoptr(VitaeSearchResult) both = NULL;
  g_autoptr(VitaeSearchResult) keyword = NULL;
  g_autofree char *field = NULL;

  g_assert_cmpstr (vitae_search_result_get_field_key (result), ==, "work.highlights");
  g_assert_cmpstr (vitae_search_result_get_field (result), ==, "Work · Highlights");
  g_assert_cmpstr (vitae_search_result_get_snippet (result), ==, "Led the storage team");
  g_assert_cmpstr (vitae_search_result_get_snippet_markup (result), ==, "Led the <b>storage</b> team");
  g_object_get (result, "field", &field, NULL);
  g_assert_cmpstr (field, ==, "Work · Highlights");

  /* Words from the name and from the content: the content says where. */
  both = search_one (f, "ada storage", f->backend);
  g_assert_cmpstr (vitae_search_result_get_field_key (both), ==, "work.highlights");

  keyword = search_one (f, "COBOL", f->data);
  g_assert_cmpstr (vitae_search_result_get_field (keyword), ==, "Projects · Keywords");
  g_clear_object (&keyword);
  keyword = search_one (f, "reliable", f->backend);
  g_assert_cmpstr (vitae_search_result_get_field (keyword), ==, "Summary");
}

static void
test_diacritics (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const names[] = { "jose nunez", "JOSÉ NÚÑEZ", "Jose Nuñez", "núñ" };
  g_autoptr(VitaeSearchResult) city = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(VitaeSearchResult) result = search_one (f, names[i], f->designer);
      g_assert_cmpstr (vitae_search_result_get_field_key (result), ==, "name");
    }
  city = search_one (f, "zurich", f->designer);
  g_assert_cmpstr (vitae_search_result_get_field (city), ==, "Work · Company");
  g_assert_cmpstr (vitae_search_result_get_snippet_markup (city), ==, "<b>Zürich</b> Studio");
  g_clear_object (&city);
  city = search_one (f, "Zür", f->designer);
  g_clear_object (&city);
}

static void
test_prefix (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(VitaeSearchResult) lov = search_one (f, "lov", f->backend);
  g_autoptr(VitaeSearchResult) typo = search_one (f, "typo", f->designer);
  g_autoptr(VitaeSearchResult) two = search_one (f, "ada lo", f->backend);
  g_autoptr(VitaeSearchResult) two_letters = search_one (f, "ty", f->designer);
  g_autoptr(GListModel) cv = NULL;
  g_autoptr(VitaeSearchResult) first = NULL;
  g_autoptr(VitaeSearchResult) second = NULL;

  g_assert_cmpstr (vitae_search_result_get_field (typo), ==, "Skills · Skill");
  /* Only the last word is a prefix. */
  g_clear_object (&two);
  {
    g_autoptr(GListModel) none = search (f, "lo ada");
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  }

  /* Titles and names first, newest first. */
  cv = search (f, "cv");
  g_assert_cmpuint (g_list_model_get_n_items (cv), ==, 2);
  first = g_list_model_get_item (cv, 0);
  second = g_list_model_get_item (cv, 1);
  g_assert_cmpint (vitae_search_result_get_resume_id (first), ==, vitae_resume_get_id (f->data));
  g_assert_cmpint (vitae_search_result_get_resume_id (second), ==, vitae_resume_get_id (f->designer));
  g_assert_cmpstr (vitae_search_result_get_field (first), ==, "Title");
  g_assert_cmpstr (vitae_search_result_get_snippet_markup (first), ==, "Data <b>CV</b>");
}

/* Every character FTS5 gives a meaning to is a plain word: never an error. */
static void
test_special_characters (Fixture       *f,
                         gconstpointer  data)
{
  static const struct { const char *text; int n; } cases[] = {
    { "\"", 0 }, { "\"\"", 0 }, { "'", 0 }, { "*", 0 }, { "-", 0 }, { "(", 0 }, { ")", 0 },
    { "NEAR(", 1 }, { "NEAR", 1 }, { "near(ada", 0 }, { "NEAR(said hello, 2)", 0 },
    { "AND", 1 }, { "OR", 1 }, { "NOT", 1 }, { "and or not", 1 },
    { "\"hello\"", 1 }, { "\"hello", 1 }, { "hello\"", 1 }, { "\"she said\"", 1 },
    { "(quoted", 1 }, { "quoted)", 1 }, { "((quoted))", 1 }, { "(quoted", 1 },
    { "-hello", 1 }, { "hello -said", 1 }, { "--", 0 }, { "^caret", 1 }, { "caret^", 1 },
    { "*hello", 1 }, { "hell*", 1 }, { "hello*", 1 }, { "* hello", 1 },
    { "title:data", 0 }, { "{title}: cv", 0 }, { "description : hello", 0 }, { ":", 0 },
    { "+", 0 }, { "\\", 0 }, { "%", 0 }, { "_", 0 }, { ";", 0 }, { "'; DROP TABLE resumes; --", 0 },
    { "ada AND", 0 }, { "AND ada", 0 }, { "storage OR", 0 }, { "\xff\xfe", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) results = vitae_store_search (f->store, f->ada, cases[i].text, &error);

      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("search “%s”", escaped);
      g_assert_no_error (error);
      g_assert_nonnull (results);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, cases[i].n);
      if (cases[i].n == 1)
        {
          g_autoptr(VitaeSearchResult) result = g_list_model_get_item (results, 0);
          g_assert_cmpint (vitae_search_result_get_resume_id (result), ==, vitae_resume_get_id (f->data));
          g_assert_cmpstr (vitae_search_result_get_field (result), ==, "Work · Description");
          g_assert_nonnull (vitae_search_result_get_snippet_markup (result));
        }
    }
}

/* The index follows every write, in the same transaction. */
static void
test_follows_writes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) fresh = NULL;
  g_autoptr(VitaeResume) copy = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(VitaeSearchResult) archived = NULL;
  static const char * const highlights[] = { "Led the caching team", NULL };
  VitaeEntry *job;

  /* Rename */
  g_assert_true (vitae_store_rename_resume (f->store, vitae_resume_get_id (f->backend), "Wizard of storage", &error));
  g_assert_no_error (error);
  vitae_resume_set_title (f->backend, "Wizard of storage");
  archived = search_one (f, "wizard", f->backend);
  g_assert_cmpstr (vitae_search_result_get_title (archived), ==, "Wizard of storage");
  results = search (f, "backend");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  /* Save: an edited highlight */
  job = g_list_model_get_item (vitae_resume_get_entries (f->backend, VITAE_SECTION_WORK), 0);
  vitae_entry_set_list (job, "highlights", highlights);
  g_object_unref (job);
  save (f, f->backend);
  g_clear_object (&archived);
  archived = search_one (f, "caching", f->backend);
  results = search (f, "latency");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  /* Archived resumes are found, and say so. */
  g_assert_true (vitae_store_set_resume_active (f->store, vitae_resume_get_id (f->backend), FALSE, &error));
  g_clear_object (&archived);
  archived = search_one (f, "caching", f->backend);
  g_assert_false (vitae_search_result_get_is_active (archived));

  /* Create, duplicate, delete */
  fresh = vitae_store_create_resume (f->store, f->ada, "Fresh start", &error);
  g_assert_no_error (error);
  g_clear_object (&archived);
  archived = search_one (f, "fresh", fresh);
  copy = vitae_store_duplicate_resume (f->store, vitae_resume_get_id (f->designer), "Designer copy", &error);
  g_assert_no_error (error);
  results = search (f, "zurich");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  g_assert_true (vitae_store_delete_resume (f->store, vitae_resume_get_id (copy), &error));
  g_assert_no_error (error);
  g_clear_object (&archived);
  archived = search_one (f, "zurich", f->designer);

  /* Deleting a profile takes its resumes out of the index. */
  g_assert_true (vitae_store_delete_user (f->store, f->bob, &error));
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (f->store),
                                         "SELECT count(*) FROM resume_search WHERE rowid NOT IN (SELECT id FROM resumes)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) some = NULL;
  g_autoptr(GListModel) all = NULL;
  gboolean more = FALSE;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(VitaeResume) resume = create (f, f->ada, "Common title", NULL);
      (void)resume;
    }

  some = vitae_store_search_full (f->store, f->ada, "common", 3, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (some), ==, 3);
  g_assert_true (more);

  all = vitae_store_search_full (f->store, f->ada, "common", 0, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5);
  g_assert_false (more);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/vitae/search/match-expression", test_match_expression);
  ADD ("/vitae/search/name", test_name);
  ADD ("/vitae/search/highlight-word", test_highlight_word);
  ADD ("/vitae/search/diacritics", test_diacritics);
  ADD ("/vitae/search/prefix", test_prefix);
  ADD ("/vitae/search/special-characters", test_special_characters);
  ADD ("/vitae/search/follows-writes", test_follows_writes);
  ADD ("/vitae/search/limit", test_limit);
#undef ADD

  return g_test_run ();
}
