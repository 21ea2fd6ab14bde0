/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vitae-core.h"

static void
test_every_json_resume_section (void)
{
  static const char * const keys[] = {
    "basics", "profiles", "work", "volunteer", "education", "awards", "certificates",
    "publications", "skills", "languages", "interests", "references", "projects",
  };

  g_assert_cmpint (G_N_ELEMENTS (keys), ==, VITAE_N_SECTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const VitaeSectionInfo *info = vitae_section_lookup (keys[i]);

      g_assert_nonnull (info);
      g_assert_cmpint (info->id, ==, i);
      g_assert_cmpstr (vitae_section_get_info (i)->key, ==, keys[i]);
      g_assert_cmpuint (info->n_fields, >, 0);
      g_assert_nonnull (vitae_section_lookup_field (info, info->title_field));
      if (info->start_field != NULL)
        g_assert_cmpint (vitae_section_lookup_field (info, info->start_field)->kind, ==, VITAE_FIELD_DATE);
    }
  g_assert_null (vitae_section_lookup ("hobbies"));
}

static void
test_schema_fields (void)
{
  const VitaeSectionInfo *work = vitae_section_get_info (VITAE_SECTION_WORK);
  const VitaeSectionInfo *education = vitae_section_get_info (VITAE_SECTION_EDUCATION);
  const VitaeSectionInfo *projects = vitae_section_get_info (VITAE_SECTION_PROJECTS);
  const VitaeSectionInfo *basics = vitae_section_get_info (VITAE_SECTION_BASICS);

  g_assert_cmpint (vitae_section_lookup_field (work, "highlights")->kind, ==, VITAE_FIELD_STRING_LIST);
  g_assert_cmpint (vitae_section_lookup_field (work, "url")->kind, ==, VITAE_FIELD_URL);
  g_assert_cmpint (vitae_section_lookup_field (work, "summary")->kind, ==, VITAE_FIELD_MULTILINE);
  g_assert_cmpint (vitae_section_lookup_field (education, "courses")->kind, ==, VITAE_FIELD_STRING_LIST);
  g_assert_cmpint (vitae_section_lookup_field (projects, "roles")->kind, ==, VITAE_FIELD_STRING_LIST);
  g_assert_cmpint (vitae_section_lookup_field (basics, "email")->kind, ==, VITAE_FIELD_EMAIL);
  g_assert_nonnull (vitae_section_lookup_field (basics, "location.city"));
  g_assert_true (basics->single);
  g_assert_cmpstr (vitae_section_get_info (VITAE_SECTION_PROFILES)->json_path, ==, "basics.profiles");
  g_assert_null (vitae_section_lookup_field (work, "nonsense"));
}

static void
test_validation (void)
{
  g_assert_true (vitae_validate_date ("2019"));
  g_assert_true (vitae_validate_date ("2019-04"));
  g_assert_true (vitae_validate_date ("2020-02-29"));
  g_assert_true (vitae_validate_date (""));
  g_assert_false (vitae_validate_date ("2019-13"));
  g_assert_false (vitae_validate_date ("2019-02-30"));
  g_assert_false (vitae_validate_date ("19"));
  g_assert_false (vitae_validate_date ("April 2019"));

  g_assert_true (vitae_validate_email ("ada@example.com"));
  g_assert_false (vitae_validate_email ("ada@"));
  g_assert_false (vitae_validate_email ("ada example.com"));
  g_assert_false (vitae_validate_email ("@example.com"));
  g_assert_false (vitae_validate_email ("ada@@example.com"));

  g_assert_true (vitae_validate_url ("https://example.com/ada"));
  g_assert_true (vitae_validate_url ("http://example.com"));
  g_assert_false (vitae_validate_url ("example.com"));
  g_assert_false (vitae_validate_url ("javascript:alert(1)"));
  g_assert_false (vitae_validate_url ("https://"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/section/every-json-resume-section", test_every_json_resume_section);
  g_test_add_func ("/vitae/section/fields", test_schema_fields);
  g_test_add_func ("/vitae/section/validation", test_validation);

  return g_test_run ();
}
