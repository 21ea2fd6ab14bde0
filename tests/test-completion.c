/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vitae-core.h"

static gboolean
strv_has (const char * const *strv,
          const char         *wanted)
{
  return g_strv_contains (strv, wanted);
}

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

static void
test_empty (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(VitaeCompletion) completion = vitae_completion_new (resume);
  const char * const *missing = vitae_completion_get_missing (completion);

  g_assert_cmpuint (vitae_completion_get_percent (completion), ==, 0);
  for (guint s = 0; s < VITAE_N_SECTIONS; s++)
    g_assert_cmpuint (vitae_completion_get_n_entries (completion, s), ==, 0);

  /* Every rule is missing; the dates rules say nothing without entries. */
  g_assert_cmpuint (g_strv_length ((char **)missing), ==, 11);
  g_assert_cmpstr (missing[0], ==, "Add your name");
  g_assert_true (strv_has (missing, "Add a summary"));
  g_assert_true (strv_has (missing, "Add a work entry"));
  g_assert_true (strv_has (missing, "Add 3 more skills"));
  g_assert_false (strv_has (missing, "Add dates to 0 work entries"));

  /* An entry with nothing in it counts for nothing. */
  vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  g_clear_object (&completion);
  completion = vitae_completion_new (resume);
  g_assert_cmpuint (vitae_completion_get_percent (completion), ==, 0);
  g_assert_cmpuint (vitae_completion_get_n_entries (completion, VITAE_SECTION_WORK), ==, 0);
}

static void
test_partial (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(VitaeCompletion) completion = NULL;
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  const char * const *missing;
  VitaeEntry *job;

  vitae_entry_set_text (basics, "name", "Ada Lovelace");                 /* 10 */
  vitae_entry_set_text (basics, "email", "ada@example.com");             /*  5 */
  job = add_entry (resume, VITAE_SECTION_WORK, "position", "Analyst");   /* 15 */
  vitae_entry_set_text (job, "startDate", "1842-01");                    /* 1 of 3 dated: 10/3 */
  add_entry (resume, VITAE_SECTION_WORK, "position", "Translator");
  add_entry (resume, VITAE_SECTION_WORK, "position", "Tutor");
  add_entry (resume, VITAE_SECTION_SKILLS, "name", "Mathematics");       /* 1 of 3 skills: 10/3 */
  add_entry (resume, VITAE_SECTION_CERTIFICATES, "name", "Royal Society");

  completion = vitae_completion_new (resume);
  missing = vitae_completion_get_missing (completion);
  /* 10 + 5 + 15 + 3.33 + 3.33 = 36.67, rounded down */
  g_assert_cmpuint (vitae_completion_get_percent (completion), ==, 36);
  g_assert_cmpuint (vitae_completion_get_n_entries (completion, VITAE_SECTION_BASICS), ==, 1);
  g_assert_cmpuint (vitae_completion_get_n_entries (completion, VITAE_SECTION_WORK), ==, 3);
  g_assert_cmpuint (vitae_completion_get_n_entries (completion, VITAE_SECTION_SKILLS), ==, 1);
  g_assert_cmpuint (vitae_completion_get_n_entries (completion, VITAE_SECTION_CERTIFICATES), ==, 1);
  g_assert_cmpuint (vitae_completion_get_n_entries (completion, VITAE_SECTION_EDUCATION), ==, 0);

  g_assert_true (strv_has (missing, "Add a summary"));
  g_assert_true (strv_has (missing, "Add dates to 2 work entries"));
  g_assert_true (strv_has (missing, "Add 2 more skills"));
  g_assert_true (strv_has (missing, "Add an education entry"));
  g_assert_false (strv_has (missing, "Add your name"));
  g_assert_false (strv_has (missing, "Add an email address"));
  g_assert_false (strv_has (missing, "Add a work entry"));
  g_assert_cmpuint (g_strv_length ((char **)missing), ==, 9);

  /* One more date: singular. */
  add_entry (resume, VITAE_SECTION_SKILLS, "name", "Poetry");
  g_object_unref (completion);
  completion = vitae_completion_new (resume);
  g_assert_true (strv_has (vitae_completion_get_missing (completion), "Add 1 more skill"));
}

static void
test_full (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(VitaeCompletion) completion = NULL;
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  static const char * const fields[] = { "name", "label", "email", "phone", "location.city", "summary" };
  guint percent = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    vitae_entry_set_text (basics, fields[i], "x");
  vitae_entry_set_text (add_entry (resume, VITAE_SECTION_WORK, "position", "Engineer"), "startDate", "2020");
  vitae_entry_set_text (add_entry (resume, VITAE_SECTION_EDUCATION, "institution", "MIT"), "startDate", "2015");
  add_entry (resume, VITAE_SECTION_SKILLS, "name", "C");
  add_entry (resume, VITAE_SECTION_SKILLS, "name", "SQL");
  add_entry (resume, VITAE_SECTION_PROJECTS, "name", "Vitae");
  add_entry (resume, VITAE_SECTION_PROFILES, "network", "GitHub");

  completion = vitae_completion_new (resume);
  g_assert_cmpuint (vitae_completion_get_percent (completion), ==, 96);
  g_assert_cmpstr (vitae_completion_get_missing (completion)[0], ==, "Add 1 more skill");
  g_assert_null (vitae_completion_get_missing (completion)[1]);

  add_entry (resume, VITAE_SECTION_SKILLS, "name", "GTK");
  g_clear_object (&completion);
  completion = vitae_completion_new (resume);
  g_object_get (completion, "percent", &percent, NULL);
  g_assert_cmpuint (percent, ==, 100);
  g_assert_null (vitae_completion_get_missing (completion)[0]);

  /* More than asked for changes nothing; taking a date away does. */
  add_entry (resume, VITAE_SECTION_SKILLS, "name", "Cairo");
  vitae_entry_set_text (add_entry (resume, VITAE_SECTION_WORK, "position", "Intern"), "endDate", "2019");
  g_clear_object (&completion);
  completion = vitae_completion_new (resume);
  g_assert_cmpuint (vitae_completion_get_percent (completion), ==, 95);
  g_assert_cmpstr (vitae_completion_get_missing (completion)[0], ==, "Add dates to 1 work entry");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/completion/empty", test_empty);
  g_test_add_func ("/vitae/completion/partial", test_partial);
  g_test_add_func ("/vitae/completion/full", test_full);

  return g_test_run ();
}
