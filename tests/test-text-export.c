/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vitae-core.h"
#include "vitae-json-resume.h"
#include "vitae-text-export.h"

static VitaeResume *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "sample.resume.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VitaeResume *resume = vitae_json_resume_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (resume);
  return resume;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_assert_cmpstr (text, ==, part);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  const char *found = strstr (text, part);

  if (found != NULL)
    g_assert_cmpstr (found, ==, NULL);
}

/* Where @part starts in @text; it must be there. */
static gssize
offset_of (const char *text,
           const char *part)
{
  const char *found = strstr (text, part);

  assert_contains (text, part);
  return found - text;
}

static void
test_plain_sample (void)
{
  g_autoptr(VitaeResume) resume = load_sample ();
  g_autofree char *text = vitae_text_export (resume, VITAE_TEXT_FORMAT_PLAIN);

  g_assert_true (g_str_has_prefix (text, "Richard Hendriks\nProgrammer\n\n"));
  assert_contains (text, "richard.hendriks@mail.com · (912) 555-4321 · http://richardhendricks.example.com · "
                         "2712 Broadway St, CA 94115, San Francisco, California, US\n");
  assert_contains (text, "Twitter · neutralthoughts · https://www.twitter.com\n");
  assert_contains (text, "\n\nRichard hails from Tulsa.");
  assert_contains (text, "\n\nWORK\n\nCEO/President — Pied Piper\n2013-12-01 – 2014-12-01\n"
                         "Location: Palo Alto, CA\nWebsite: http://piedpiper.example.com\n");
  assert_contains (text, "\n- Successfully won Techcrunch Disrupt\n");
  assert_contains (text, "\nWeb Development — Master\nKeywords: HTML, CSS, Javascript\n");
  assert_contains (text, "\nDigital Compression Pioneer Award — Techcrunch\n2014-11-01\n");
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_false (g_str_has_suffix (text, "\n\n"));
  /* No markup for an ATS form. */
  assert_lacks (text, "**");
  assert_lacks (text, "##");
  assert_lacks (text, "<http");
}

static void
test_plain_layout (void)
{
  g_autoptr(VitaeResume) resume = load_sample ();
  g_autofree char *text = NULL;
  const VitaeSectionId order[] = { VITAE_SECTION_SKILLS, VITAE_SECTION_PROJECTS, VITAE_SECTION_WORK };

  vitae_resume_set_section_order (resume, order, G_N_ELEMENTS (order));
  vitae_resume_set_section_visible (resume, VITAE_SECTION_INTERESTS, FALSE);
  vitae_resume_set_section_heading (resume, VITAE_SECTION_WORK, "Experience");
  text = vitae_text_export_plain (resume);

  g_assert_cmpint (offset_of (text, "\nSKILLS\n"), <, offset_of (text, "\nPROJECTS\n"));
  g_assert_cmpint (offset_of (text, "\nPROJECTS\n"), <, offset_of (text, "\nEXPERIENCE\n"));
  g_assert_cmpint (offset_of (text, "\nEXPERIENCE\n"), <, offset_of (text, "\nVOLUNTEERING\n"));
  assert_lacks (text, "INTERESTS");
  assert_lacks (text, "Ferrets");
  assert_lacks (text, "\nWORK\n");
}

static void
test_markdown_sample (void)
{
  g_autoptr(VitaeResume) resume = load_sample ();
  g_autofree char *text = vitae_text_export_markdown (resume);

  g_assert_true (g_str_has_prefix (text, "# Richard Hendriks\n**Programmer**\n\n"));
  assert_contains (text, " · <http://richardhendricks.example.com> · ");
  assert_contains (text, "\n## Work\n\n### CEO/President — Pied Piper\n*2013-12-01 – 2014-12-01*\n"
                         "**Location:** Palo Alto, CA\n**Website:** <http://piedpiper.example.com>\n");
  assert_contains (text, "\n- Successfully won Techcrunch Disrupt\n");
  assert_contains (text, "**Keywords:** HTML, CSS, Javascript\n");
  /* Links stay clickable, unescaped; text is escaped. */
  assert_contains (text, "**URL:** <http://en.wikipedia.org/wiki/Silicon_Valley_(TV_series)>\n");
  assert_contains (text, "**Grade:** 4.0\n");
  assert_contains (text, "\n- Awarded 'Teacher of the Month'\n");
}

static void
test_markdown_escaping (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  VitaeEntry *work = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  const char *highlights[] = { "# not a heading", "1. not a numbered item", "*stars* and _underscores_ [link](x)", NULL };
  g_autofree char *markdown = NULL;
  g_autofree char *plain = NULL;

  vitae_entry_set_text (basics, "name", "Jane <b>Doe</b>");
  vitae_entry_set_text (basics, "summary", "First line\n- not a bullet\n+ nor this");
  vitae_entry_set_text (work, "position", "C++ Developer");
  vitae_entry_set_list (work, "highlights", highlights);
  markdown = vitae_text_export_markdown (resume);
  plain = vitae_text_export_plain (resume);

  assert_contains (markdown, "# Jane \\<b\\>Doe\\</b\\>\n");
  assert_contains (markdown, "First line\n\\- not a bullet\n\\+ nor this\n");
  assert_contains (markdown, "### C++ Developer\n");
  assert_contains (markdown, "- \\# not a heading\n");
  assert_contains (markdown, "- 1\\. not a numbered item\n");
  assert_contains (markdown, "- \\*stars\\* and \\_underscores\\_ \\[link\\](x)\n");
  /* Plain text is left as it is. */
  assert_contains (plain, "Jane <b>Doe</b>\n");
  assert_contains (plain, "- # not a heading\n");
}

static void
test_dates (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  VitaeEntry *current = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  VitaeEntry *ended = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  VitaeEntry *same = vitae_resume_add_entry (resume, VITAE_SECTION_PROJECTS);
  g_autofree char *text = NULL;

  vitae_entry_set_text (current, "position", "Lead");
  vitae_entry_set_text (current, "startDate", "2021-03");
  vitae_entry_set_text (ended, "position", "Intern");
  vitae_entry_set_text (ended, "endDate", "2019");
  vitae_entry_set_text (same, "name", "Hackathon");
  vitae_entry_set_text (same, "startDate", "2016-08-24");
  vitae_entry_set_text (same, "endDate", "2016-08-24");
  text = vitae_text_export_plain (resume);

  assert_contains (text, "Lead\n2021-03 – present\n");
  assert_contains (text, "Intern\n2019\n");
  assert_contains (text, "Hackathon\n2016-08-24\n");
}

static void
test_empty (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autofree char *plain = vitae_text_export_plain (resume);
  g_autofree char *markdown = vitae_text_export_markdown (resume);

  g_assert_cmpstr (plain, ==, "");
  g_assert_cmpstr (markdown, ==, "");

  /* An empty section has no heading. */
  vitae_entry_set_text (vitae_resume_get_basics (resume), "name", "Solo");
  g_clear_pointer (&plain, g_free);
  plain = vitae_text_export_plain (resume);
  g_assert_cmpstr (plain, ==, "Solo\n");
}

static void
test_schema_driven (void)
{
  /* Every field of every section shows up: the export reads the schema,
   * so a field added to the table is exported without more code. */
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autofree char *text = NULL;

  for (guint s = VITAE_SECTION_PROFILES; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);
      VitaeEntry *entry = vitae_resume_add_entry (resume, s);

      for (guint f = 0; f < info->n_fields; f++)
        {
          g_autofree char *value = g_strdup_printf ("%s-%s", info->key, info->fields[f].key);

          if (vitae_field_is_list (&info->fields[f]))
            {
              const char *list[] = { value, NULL };
              vitae_entry_set_list (entry, info->fields[f].key, list);
            }
          else
            vitae_entry_set_text (entry, info->fields[f].key, value);
        }
    }
  text = vitae_text_export_plain (resume);

  for (guint s = VITAE_SECTION_PROFILES; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);

      for (guint f = 0; f < info->n_fields; f++)
        {
          g_autofree char *value = g_strdup_printf ("%s-%s", info->key, info->fields[f].key);
          assert_contains (text, value);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/text-export/plain/sample", test_plain_sample);
  g_test_add_func ("/vitae/text-export/plain/layout", test_plain_layout);
  g_test_add_func ("/vitae/text-export/plain/dates", test_dates);
  g_test_add_func ("/vitae/text-export/markdown/sample", test_markdown_sample);
  g_test_add_func ("/vitae/text-export/markdown/escaping", test_markdown_escaping);
  g_test_add_func ("/vitae/text-export/empty", test_empty);
  g_test_add_func ("/vitae/text-export/schema-driven", test_schema_driven);

  return g_test_run ();
}
