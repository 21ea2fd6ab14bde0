/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "vitae-core.h"
#include "vitae-json-resume.h"

static char *
read_data_file (const char *name,
                gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Drops what Vitae adds on export (meta.vitae), so that an export can be
 * compared with the document it came from. */
static void
strip_vitae_meta (JsonNode *exported,
                  JsonNode *original)
{
  JsonObject *root = json_node_get_object (exported);
  JsonObject *meta;

  g_assert_true (json_object_has_member (root, "meta"));
  meta = json_object_get_object_member (root, "meta");
  g_assert_true (json_object_has_member (meta, "vitae"));
  json_object_remove_member (meta, "vitae");
  if (json_object_get_size (meta) == 0 &&
      !json_object_has_member (json_node_get_object (original), "meta"))
    json_object_remove_member (root, "meta");
}

static void
assert_json_equal (JsonNode *a,
                   JsonNode *b)
{
  if (!json_node_equal (a, b))
    {
      g_autofree char *ta = json_to_string (a, TRUE);
      g_autofree char *tb = json_to_string (b, TRUE);
      g_assert_cmpstr (ta, ==, tb);
    }
}

/* import -> export gives back the same keys and values. */
static void
assert_round_trip (const char *text,
                   gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (text, length, &error);
  g_autoptr(VitaeResume) again = NULL;
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) exported = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output2 = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (resume);

  output = vitae_json_resume_to_string (resume);
  g_assert_true (g_str_has_suffix (output, "}\n"));
  original = parse_json (text);
  exported = parse_json (output);
  strip_vitae_meta (exported, original);
  assert_json_equal (original, exported);

  /* And the export is itself stable. */
  again = vitae_json_resume_parse (output, strlen (output), &error);
  g_assert_no_error (error);
  output2 = vitae_json_resume_to_string (again);
  g_assert_cmpstr (output, ==, output2);
}

static void
test_round_trip_file (gconstpointer data)
{
  const char *name = data;
  gsize length;
  g_autofree char *text = read_data_file (name, &length);

  assert_round_trip (text, length);
}

static void
test_import_values (void)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = read_data_file ("sample.resume.json", &length);
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (text, length, &error);
  VitaeEntry *basics;
  g_autoptr(VitaeEntry) work = NULL;
  g_autoptr(VitaeEntry) profile = NULL;
  JsonObject *extra;

  g_assert_no_error (error);
  basics = vitae_resume_get_basics (resume);
  g_assert_cmpstr (vitae_entry_get_text (basics, "name"), ==, "Richard Hendriks");
  g_assert_cmpstr (vitae_entry_get_text (basics, "location.city"), ==, "San Francisco");
  g_assert_cmpstr (vitae_entry_get_text (basics, "location.countryCode"), ==, "US");
  /* "image": "" cannot live in the model, so it waits in the extra. */
  g_assert_null (vitae_entry_get_text (basics, "image"));
  g_assert_true (json_object_has_member (vitae_entry_get_extra (basics), "image"));

  g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (resume, VITAE_SECTION_PROFILES)), ==, 2);
  profile = g_list_model_get_item (vitae_resume_get_entries (resume, VITAE_SECTION_PROFILES), 1);
  g_assert_cmpstr (vitae_entry_get_text (profile, "network"), ==, "SoundCloud");

  g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (resume, VITAE_SECTION_WORK)), ==, 1);
  work = g_list_model_get_item (vitae_resume_get_entries (resume, VITAE_SECTION_WORK), 0);
  g_assert_cmpstr (vitae_entry_get_text (work, "startDate"), ==, "2013-12-01");
  g_assert_cmpuint (g_strv_length ((char **)vitae_entry_get_list (work, "highlights")), ==, 3);
  g_assert_null (vitae_entry_get_extra (work));

  for (guint s = VITAE_SECTION_WORK; s < VITAE_N_SECTIONS; s++)
    if (s != VITAE_SECTION_CERTIFICATES)
      g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (resume, s)), >, 0);

  extra = vitae_resume_get_extra (resume);
  g_assert_nonnull (extra);
  g_assert_true (json_object_has_member (extra, "$schema"));
  g_assert_true (json_object_has_member (extra, "meta"));
  g_assert_cmpstr (vitae_resume_get_title (resume), ==, "Richard Hendriks — Programmer");
}

static const char unknown_keys_doc[] =
  "{\n"
  "  \"x-tool\": {\"version\": 3, \"flags\": [true, false, null, 1.5, -2]},\n"
  "  \"basics\": {\n"
  "    \"name\": \"Ada\",\n"
  "    \"pronouns\": \"she/her\",\n"
  "    \"location\": {\"city\": \"London\", \"district\": \"Marylebone\", \"geo\": {\"lat\": 51.5}},\n"
  "    \"profiles\": [{\"network\": \"GitHub\", \"followers\": 120}]\n"
  "  },\n"
  "  \"work\": [{\"name\": \"Analytical Engines\", \"team\": {\"size\": 2}, \"highlights\": [\"Notes\", \"\"]}],\n"
  "  \"hobbies\": [\"chess\"],\n"
  "  \"meta\": {\"theme\": \"even\", \"version\": \"v1.0.0\"}\n"
  "}\n";

static void
test_unknown_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (unknown_keys_doc, strlen (unknown_keys_doc), &error);
  VitaeEntry *basics;
  g_autoptr(VitaeEntry) work = NULL;
  g_autoptr(VitaeEntry) profile = NULL;
  JsonObject *location;

  g_assert_no_error (error);
  basics = vitae_resume_get_basics (resume);
  g_assert_cmpstr (vitae_entry_get_text (basics, "location.city"), ==, "London");
  g_assert_true (json_object_has_member (vitae_entry_get_extra (basics), "pronouns"));
  location = json_object_get_object_member (vitae_entry_get_extra (basics), "location");
  g_assert_nonnull (location);
  g_assert_true (json_object_has_member (location, "district"));
  g_assert_false (json_object_has_member (location, "city"));

  profile = g_list_model_get_item (vitae_resume_get_entries (resume, VITAE_SECTION_PROFILES), 0);
  g_assert_cmpint (json_object_get_int_member (vitae_entry_get_extra (profile), "followers"), ==, 120);
  work = g_list_model_get_item (vitae_resume_get_entries (resume, VITAE_SECTION_WORK), 0);
  g_assert_true (json_object_has_member (vitae_entry_get_extra (work), "team"));
  g_assert_cmpstr (vitae_entry_get_list (work, "highlights")[1], ==, "");
  g_assert_true (json_object_has_member (vitae_resume_get_extra (resume), "x-tool"));
  g_assert_true (json_object_has_member (vitae_resume_get_extra (resume), "hobbies"));

  assert_round_trip (unknown_keys_doc, strlen (unknown_keys_doc));
}

static void
test_unholdable_values (void)
{
  /* Values of known fields that the model cannot hold come back verbatim. */
  static const char *docs[] = {
    "{\"basics\": {}}",
    "{\"basics\": null}",
    "{\"basics\": {\"name\": \"\", \"location\": {}, \"profiles\": []}}",
    "{\"basics\": {\"location\": null, \"profiles\": null, \"url\": null}}",
    "{\"basics\": {\"location\": {\"city\": \"\", \"region\": null}}}",
    "{\"work\": [], \"skills\": null}",
    "{\"work\": [{}], \"skills\": [{\"keywords\": []}, {\"keywords\": null}]}",
    "{\"meta\": {}}",
    "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_test_message ("%s", docs[i]);
      assert_round_trip (docs[i], strlen (docs[i]));
    }
}

static void
test_edited_after_import (void)
{
  static const char doc[] = "{\"basics\": {\"image\": \"\", \"location\": {\"city\": \"\"}}, \"work\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (doc, strlen (doc), &error);
  g_autoptr(JsonObject) root = NULL;
  JsonObject *basics;
  VitaeEntry *work;

  g_assert_no_error (error);
  vitae_entry_set_text (vitae_resume_get_basics (resume), "image", "https://example.com/me.png");
  vitae_entry_set_text (vitae_resume_get_basics (resume), "location.city", "Oslo");
  work = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  vitae_entry_set_text (work, "name", "Fjord AS");

  /* The model's values win over what was kept from the import. */
  root = vitae_json_resume_to_object (resume);
  basics = json_object_get_object_member (root, "basics");
  g_assert_cmpstr (json_object_get_string_member (basics, "image"), ==, "https://example.com/me.png");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (basics, "location"), "city"), ==, "Oslo");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "work")), ==, 1);
}

static void
test_meta_vitae (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(VitaeResume) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *layout = NULL;
  g_autofree char *layout_back = NULL;
  const VitaeSectionId order[] = { VITAE_SECTION_SKILLS, VITAE_SECTION_WORK };
  VitaeEntry *entry;

  vitae_resume_set_title (resume, "Backend roles");
  vitae_resume_set_template (resume, "sidebar");
  vitae_resume_set_page_size (resume, "letter");
  vitae_resume_set_accent (resume, "#26a269");
  vitae_resume_set_section_order (resume, order, G_N_ELEMENTS (order));
  vitae_resume_set_section_visible (resume, VITAE_SECTION_INTERESTS, FALSE);
  vitae_resume_set_section_heading (resume, VITAE_SECTION_WORK, "Experience");
  vitae_entry_set_text (vitae_resume_get_basics (resume), "name", "Grace");
  entry = vitae_resume_add_entry (resume, VITAE_SECTION_SKILLS);
  vitae_entry_set_text (entry, "name", "COBOL");
  {
    const char *keywords[] = { "compilers", "standards", NULL };
    vitae_entry_set_list (entry, "keywords", keywords);
  }

  text = vitae_json_resume_to_string (resume);
  g_assert_nonnull (strstr (text, "\n    \"vitae\": {\n"));
  back = vitae_json_resume_parse (text, strlen (text), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (vitae_resume_get_title (back), ==, "Backend roles");
  g_assert_cmpstr (vitae_resume_get_template (back), ==, "sidebar");
  g_assert_cmpstr (vitae_resume_get_page_size (back), ==, "letter");
  g_assert_cmpstr (vitae_resume_get_accent (back), ==, "#26a269");
  g_assert_false (vitae_resume_get_section_visible (back, VITAE_SECTION_INTERESTS));
  g_assert_cmpstr (vitae_resume_get_section_heading (back, VITAE_SECTION_WORK), ==, "Experience");
  layout = vitae_resume_layout_to_json (resume);
  layout_back = vitae_resume_layout_to_json (back);
  g_assert_cmpstr (layout, ==, layout_back);
  g_assert_true (vitae_entry_equal (vitae_resume_get_basics (resume), vitae_resume_get_basics (back)));
  {
    g_autoptr(VitaeEntry) skill = g_list_model_get_item (vitae_resume_get_entries (back, VITAE_SECTION_SKILLS), 0);
    g_assert_true (vitae_entry_equal (entry, skill));
  }
  /* meta.vitae is read, not kept twice. */
  g_assert_null (vitae_resume_get_extra (back));
}

static void
test_meta_vitae_foreign (void)
{
  /* Other meta keys and settings of a newer Vitae survive; known ones are rewritten. */
  static const char doc[] =
    "{\"meta\": {\"canonical\": \"https://example.com/r.json\","
    " \"vitae\": {\"title\": \"Old\", \"watermark\": {\"text\": \"draft\"}}}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (doc, strlen (doc), &error);
  g_autoptr(JsonObject) root = NULL;
  JsonObject *meta, *vitae;

  g_assert_no_error (error);
  g_assert_cmpstr (vitae_resume_get_title (resume), ==, "Old");
  vitae_resume_set_title (resume, "New");
  root = vitae_json_resume_to_object (resume);
  meta = json_object_get_object_member (root, "meta");
  g_assert_cmpstr (json_object_get_string_member (meta, "canonical"), ==, "https://example.com/r.json");
  vitae = json_object_get_object_member (meta, "vitae");
  g_assert_cmpstr (json_object_get_string_member (vitae, "title"), ==, "New");
  g_assert_cmpstr (json_object_get_string_member (vitae, "template"), ==, VITAE_DEFAULT_TEMPLATE);
  g_assert_true (json_object_has_member (vitae, "watermark"));
  g_assert_true (json_object_has_member (vitae, "sections"));
}

static void
test_bom (void)
{
  static const char doc[] = "\xEF\xBB\xBF{\"basics\": {\"name\": \"Zoë\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (doc, strlen (doc), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (resume), "name"), ==, "Zoë");
}

static void
test_unicode (void)
{
  static const char doc[] =
    "{\"basics\": {\"name\": \"\\u674e\\u5c0f\\u9f99 \\uD83D\\uDE00\", \"label\": \"\\\"quoted\\\"\\n\\t\\/\"}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (doc, strlen (doc), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (resume), "name"), ==, "李小龙 😀");
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (resume), "label"), ==, "\"quoted\"\n\t/");
  assert_round_trip (doc, strlen (doc));
}

static void
test_default_title (void)
{
  static const char doc[] = "{\"work\": [{\"name\": \"Acme\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (doc, strlen (doc), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vitae_resume_get_title (resume), !=, NULL);
  g_assert_cmpstr (vitae_resume_get_title (resume), !=, "");
}

static void
test_store_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vitae-json-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeResume) loaded = NULL;
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) exported = NULL;
  g_autofree char *output = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_assert_no_error (error);
  path = g_build_filename (dir, "vitae.db", NULL);
  store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  user = vitae_store_create_user (store, "Tester", "", &error);
  g_assert_no_error (error);

  /* Unknown keys survive SQLite too. */
  text = g_strdup (unknown_keys_doc);
  length = strlen (text);
  resume = vitae_json_resume_parse (text, length, &error);
  g_assert_no_error (error);
  vitae_resume_set_user_id (resume, vitae_user_get_id (user));
  vitae_store_insert_resume (store, resume, &error);
  g_assert_no_error (error);

  loaded = vitae_store_load_resume (store, vitae_resume_get_id (resume), &error);
  g_assert_no_error (error);
  output = vitae_json_resume_to_string (loaded);
  original = parse_json (text);
  exported = parse_json (output);
  strip_vitae_meta (exported, original);
  assert_json_equal (original, exported);

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Bad input */

typedef struct {
  const char *name;
  const char *data;      /* NULL: built by the test */
  gssize      length;    /* -1: strlen */
  int         code;
  const char *message;   /* a part of the message that says what and where */
} BadInput;

static const BadInput bad_inputs[] = {
  { "not-json", "Hello, I am a resume", -1, VITAE_JSON_RESUME_ERROR_TYPE, "must be a JSON object" },
  { "not-json-object", "{basics: 1}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "line 1, column 2: expected a key" },
  { "truncated", "{\n  \"basics\": {\n    \"name\": \"Ad", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "line 3, column 13: the string never ends" },
  { "truncated-object", "{\"basics\": {\"name\": \"Ada\"}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "unexpected end of file" },
  { "empty", "", 0, VITAE_JSON_RESUME_ERROR_SYNTAX, "empty" },
  { "whitespace-only", " \n\t\r\n", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "empty" },
  { "bom-only", "\xEF\xBB\xBF", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "empty" },
  { "top-level-array", "[{\"basics\": {}}]", -1, VITAE_JSON_RESUME_ERROR_TYPE, "must be a JSON object" },
  { "top-level-string", "\"resume\"", -1, VITAE_JSON_RESUME_ERROR_TYPE, "must be a JSON object" },
  { "trailing-garbage", "{\"basics\": {}}\n}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "line 2, column 1: unexpected text after the end" },
  { "two-documents", "{} {}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "line 1, column 4: unexpected text after the end" },
  { "trailing-comma", "{\"work\": [{},]}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "line 1, column 14" },
  { "missing-colon", "{\"work\" []}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "expected “:”" },
  { "single-quotes", "{'work': []}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "expected a key in double quotes" },
  { "bad-literal", "{\"work\": nope}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "expected a value" },
  { "basics-string", "{\"basics\": \"Ada Lovelace\"}", -1, VITAE_JSON_RESUME_ERROR_TYPE, "basics: expected an object" },
  { "work-object", "{\"work\": {\"name\": \"Acme\"}}", -1, VITAE_JSON_RESUME_ERROR_TYPE, "work: expected a list" },
  { "work-item-string", "{\"work\": [{}, {}, \"Acme\"]}", -1, VITAE_JSON_RESUME_ERROR_TYPE, "work[2]: expected an object" },
  { "highlights-string", "{\"work\": [{\"highlights\": \"Shipped it\"}]}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "work[0].highlights: expected a list of strings" },
  { "date-number", "{\"work\": [{}, {}, {\"startDate\": 2019}]}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "work[2].startDate: expected a string" },
  { "date-object", "{\"education\": [{\"endDate\": {\"year\": 2019}}]}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "education[0].endDate: expected a string" },
  { "keywords-mixed", "{\"skills\": [{\"name\": \"C\", \"keywords\": [\"gcc\", 17, \"make\"]}]}", -1,
    VITAE_JSON_RESUME_ERROR_TYPE, "skills[0].keywords[1]: expected a string" },
  { "name-boolean", "{\"basics\": {\"name\": true}}", -1, VITAE_JSON_RESUME_ERROR_TYPE, "basics.name: expected a string" },
  { "location-string", "{\"basics\": {\"location\": \"Paris\"}}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "basics.location: expected an object" },
  { "city-number", "{\"basics\": {\"location\": {\"city\": 75}}}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "basics.location.city: expected a string" },
  { "profiles-object", "{\"basics\": {\"profiles\": {\"network\": \"X\"}}}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "basics.profiles: expected a list" },
  { "profile-url-array", "{\"basics\": {\"profiles\": [{\"url\": [\"https://a.example\"]}]}}", -1,
    VITAE_JSON_RESUME_ERROR_TYPE, "basics.profiles[0].url: expected a string" },
  { "meta-string", "{\"meta\": \"v1\"}", -1, VITAE_JSON_RESUME_ERROR_TYPE, "meta: expected an object" },
  { "meta-vitae-string", "{\"meta\": {\"vitae\": \"classic\"}}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "meta.vitae: expected an object" },
  { "meta-vitae-title-number", "{\"meta\": {\"vitae\": {\"title\": 1}}}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "meta.vitae.title: expected a string" },
  { "meta-vitae-sections-object", "{\"meta\": {\"vitae\": {\"sections\": {}}}}", -1, VITAE_JSON_RESUME_ERROR_TYPE,
    "meta.vitae.sections: expected a list" },
  { "meta-vitae-section-key-null", "{\"meta\": {\"vitae\": {\"sections\": [{\"key\": \"work\"}, {\"key\": null}]}}}", -1,
    VITAE_JSON_RESUME_ERROR_TYPE, "meta.vitae.sections[1].key: expected a string" },
  { "meta-vitae-section-no-key", "{\"meta\": {\"vitae\": {\"sections\": [{\"visible\": true}]}}}", -1,
    VITAE_JSON_RESUME_ERROR_TYPE, "meta.vitae.sections[0].key: expected a string" },
  { "meta-vitae-section-visible-string", "{\"meta\": {\"vitae\": {\"sections\": [{\"key\": \"work\", \"visible\": \"no\"}]}}}", -1,
    VITAE_JSON_RESUME_ERROR_TYPE, "meta.vitae.sections[0].visible: expected true or false" },
  { "meta-vitae-section-item-number", "{\"meta\": {\"vitae\": {\"sections\": [3]}}}", -1,
    VITAE_JSON_RESUME_ERROR_TYPE, "meta.vitae.sections[0]: expected an object" },
  { "invalid-utf8", "{\"basics\": {\"name\": \"Ad\xC3\x28\"}}", -1, VITAE_JSON_RESUME_ERROR_ENCODING,
    "line 1, column 24: the file is not valid UTF-8" },
  { "latin1", "{\"basics\": {\"name\": \"Jos\xE9\"}}", -1, VITAE_JSON_RESUME_ERROR_ENCODING, "not valid UTF-8" },
  { "utf16", "\xFF\xFE{\0}\0", 6, VITAE_JSON_RESUME_ERROR_ENCODING, "line 1, column 1" },
  { "nul-byte", "{\"basics\": {\"name\": \"A\0da\"}}", 29, VITAE_JSON_RESUME_ERROR_ENCODING, "NUL byte" },
  { "encoded-surrogate", "{\"basics\": {\"name\": \"\xED\xA0\x80\"}}", -1, VITAE_JSON_RESUME_ERROR_ENCODING, "not valid UTF-8" },
  { "lone-surrogate", "{\"basics\": {\"name\": \"\\uD800\"}}", -1, VITAE_JSON_RESUME_ERROR_ENCODING,
    "line 1, column 22: a lone high surrogate (\\uD800)" },
  { "lone-surrogate-then-text", "{\"basics\": {\"name\": \"\\uD83Dx\\uDE00\"}}", -1, VITAE_JSON_RESUME_ERROR_ENCODING,
    "lone high surrogate" },
  { "lone-low-surrogate", "{\"basics\": {\"name\": \"\\uDC00\"}}", -1, VITAE_JSON_RESUME_ERROR_ENCODING,
    "lone low surrogate" },
  { "reversed-surrogates", "{\"x\": \"\\uDE00\\uD83D\"}", -1, VITAE_JSON_RESUME_ERROR_ENCODING, "lone low surrogate" },
  { "nul-escape", "{\"basics\": {\"name\": \"A\\u0000da\"}}", -1, VITAE_JSON_RESUME_ERROR_ENCODING,
    "line 1, column 23: a string contains a NUL character" },
  { "short-unicode-escape", "{\"x\": \"\\u12\"}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "four hexadecimal digits" },
  { "bad-escape", "{\"x\": \"\\q\"}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "invalid escape" },
  { "raw-control-character", "{\"x\": \"a\tb\"}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "line 1, column 9: a control character" },
  { "raw-newline-in-string", "{\"x\": \"a\nb\"}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "control character" },
  { "number-overflow", "{\"x\": 1e400}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "line 1, column 7: the number 1e400 is out of range" },
  { "number-negative-overflow", "{\"x\": [-1.5e308, -2e308]}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "-2e308 is out of range" },
  { "number-underflow", "{\"x\": 1e-400}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "out of range" },
  { "integer-overflow", "{\"x\": 12345678901234567890}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "out of range" },
  { "leading-zero", "{\"x\": 0123}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "cannot start with a zero" },
  { "bare-fraction", "{\"x\": 1.}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "invalid number" },
  { "infinity-literal", "{\"x\": Infinity}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX, "expected a value" },
  { "duplicate-key", "{\"basics\": {\"name\": \"A\", \"name\": \"B\"}}", -1, VITAE_JSON_RESUME_ERROR_SYNTAX,
    "line 1, column 26: the key “name” appears twice" },
  { "deep-65", NULL, 65, VITAE_JSON_RESUME_ERROR_TOO_DEEP, "line 1, column 69: the document is nested deeper than 64 levels" },
  { "deep-100000", NULL, 100000, VITAE_JSON_RESUME_ERROR_TOO_DEEP, "nested deeper than 64 levels" },
};

/* "{"x":[[[…]]]}" nested @depth levels in all. */
static char *
nested_document (guint depth)
{
  GString *str = g_string_new ("{\"x\":");

  for (guint i = 1; i < depth; i++)
    g_string_append_c (str, '[');
  for (guint i = 1; i < depth; i++)
    g_string_append_c (str, ']');
  g_string_append_c (str, '}');
  return g_string_free (str, FALSE);
}

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autofree char *built = NULL;
  const char *text = bad->data;
  gsize length;

  if (text == NULL)
    {
      built = nested_document (bad->length);
      text = built;
      length = strlen (built);
    }
  else
    length = bad->length >= 0 ? (gsize)bad->length : strlen (text);

  resume = vitae_json_resume_parse (text, length, &error);
  g_assert_null (resume);
  g_assert_error (error, VITAE_JSON_RESUME_ERROR, bad->code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, bad->message) == NULL)
    g_assert_cmpstr (error->message, ==, bad->message);
}

static void
test_depth_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = nested_document (VITAE_JSON_RESUME_MAX_DEPTH);
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (deep, strlen (deep), &error);
  g_autoptr(GString) tricky = g_string_new ("{\"x\": \"");

  /* 64 levels are fine, and brackets inside strings are not levels. */
  g_assert_no_error (error);
  g_assert_nonnull (resume);
  g_clear_object (&resume);

  for (guint i = 0; i < 100000; i++)
    g_string_append (tricky, "[{\\\"");
  g_string_append (tricky, "\", \"y\": \"\\\\\"}");
  resume = vitae_json_resume_parse (tricky->str, tricky->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resume);
}

static void
test_numbers (void)
{
  static const char doc[] =
    "{\"x\": [0, -0, 1.5, -2.25e-3, 1E+2, 9223372036854775807, -9223372036854775808, 1.7976931348623157e308,"
    " 1.0e30, -1e-300, -0.0, 2.0, 0.1]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (doc, strlen (doc), &error);

  g_assert_no_error (error);
  assert_round_trip (doc, strlen (doc));
}

static void
test_number_format (void)
{
  /* json-glib 1.6 writes 1e30 as "1e+30.0"; found by the fuzzer. */
  static const char doc[] = "{\"x\": [1.0e30, -0.0, 2.0, 7]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_json_resume_parse (doc, strlen (doc), &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = vitae_json_resume_to_string (resume);
  g_assert_true (g_str_has_prefix (text, "{\n  \"x\": [\n    1e+30,\n    -0.0,\n    2.0,\n    7\n  ],\n  \"meta\": {\n"));
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  gsize length = VITAE_JSON_RESUME_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (length);

  /* Refused on its length alone, whatever it holds. */
  memset (big, ' ', length);
  big[0] = '{';
  big[length - 1] = '}';
  resume = vitae_json_resume_parse (big, length, &error);
  g_assert_null (resume);
  g_assert_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_TOO_LARGE);
}

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("vitae-json-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_file_ok (void)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = read_data_file ("sample.resume.json", &length);
  g_autofree char *path = write_temp (text, length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VitaeResume) resume = vitae_json_resume_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vitae_resume_get_candidate_name (resume), ==, "Richard Hendriks");
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_file_error_names_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp ("{\n\"work\": 3}", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VitaeResume) resume = vitae_json_resume_load_file (file, NULL, &error);
  g_autofree char *expected = g_strdup_printf ("%s: work: expected a list", path);

  g_assert_null (resume);
  g_assert_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_TYPE);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_file_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp ("{}", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VitaeResume) resume = NULL;
  int fd;

  /* A sparse 1 GiB file: refused from its size, never read. */
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)1 << 30), ==, 0);
  close (fd);

  resume = vitae_json_resume_load_file (file, NULL, &error);
  g_assert_null (resume);
  g_assert_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_file_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/vitae/resume.json");
  g_autoptr(VitaeResume) resume = vitae_json_resume_load_file (file, NULL, &error);

  g_assert_null (resume);
  g_assert_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_IO);
}

static void
test_file_directory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(VitaeResume) resume = vitae_json_resume_load_file (file, NULL, &error);

  g_assert_null (resume);
  g_assert_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_IO);
}

static void
test_file_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = write_temp ("{}", -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VitaeResume) resume = NULL;

  g_cancellable_cancel (cancellable);
  resume = vitae_json_resume_load_file (file, cancellable, &error);
  g_assert_null (resume);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
add_round_trip_tests (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "examples", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 0);
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  g_test_add_data_func ("/vitae/json-resume/round-trip/sample", "sample.resume.json", test_round_trip_file);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (file, strcspn (file, "."));
      g_autofree char *test_path = g_strdup_printf ("/vitae/json-resume/round-trip/example/%s", stem);
      /* Owned by the test run, which outlives this function. */
      char *relative = g_build_filename ("examples", file, NULL);

      g_test_add_data_func_full (test_path, relative, test_round_trip_file, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_round_trip_tests ();
  g_test_add_func ("/vitae/json-resume/import/values", test_import_values);
  g_test_add_func ("/vitae/json-resume/import/bom", test_bom);
  g_test_add_func ("/vitae/json-resume/import/unicode", test_unicode);
  g_test_add_func ("/vitae/json-resume/import/numbers", test_numbers);
  g_test_add_func ("/vitae/json-resume/export/number-format", test_number_format);
  g_test_add_func ("/vitae/json-resume/import/default-title", test_default_title);
  g_test_add_func ("/vitae/json-resume/import/depth-limit", test_depth_limit);
  g_test_add_func ("/vitae/json-resume/lossless/unknown-keys", test_unknown_keys);
  g_test_add_func ("/vitae/json-resume/lossless/unholdable-values", test_unholdable_values);
  g_test_add_func ("/vitae/json-resume/lossless/edited-after-import", test_edited_after_import);
  g_test_add_func ("/vitae/json-resume/lossless/through-store", test_store_round_trip);
  g_test_add_func ("/vitae/json-resume/meta/vitae-settings", test_meta_vitae);
  g_test_add_func ("/vitae/json-resume/meta/foreign-keys", test_meta_vitae_foreign);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vitae/json-resume/bad/%s", bad_inputs[i].name);
      g_test_add_data_func (path, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/vitae/json-resume/bad/too-large", test_too_large);
  g_test_add_func ("/vitae/json-resume/file/ok", test_file_ok);
  g_test_add_func ("/vitae/json-resume/file/error-names-file", test_file_error_names_file);
  g_test_add_func ("/vitae/json-resume/file/too-large", test_file_too_large);
  g_test_add_func ("/vitae/json-resume/file/missing", test_file_missing);
  g_test_add_func ("/vitae/json-resume/file/directory", test_file_directory);
  g_test_add_func ("/vitae/json-resume/file/cancelled", test_file_cancelled);

  return g_test_run ();
}
