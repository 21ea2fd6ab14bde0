/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vitae-core.h"

static guint
n_work (VitaeResume *resume)
{
  return g_list_model_get_n_items (vitae_resume_get_entries (resume, VITAE_SECTION_WORK));
}

static VitaeEntry *
work_at (VitaeResume *resume,
         guint        position)
{
  VitaeEntry *entry = g_list_model_get_item (vitae_resume_get_entries (resume, VITAE_SECTION_WORK), position);
  g_object_unref (entry);   /* the resume keeps it alive */
  return entry;
}

static void
test_field_edits (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(VitaeHistory) history = vitae_history_new (resume);
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  static const char * const list[] = { "one", "two", NULL };

  g_assert_false (vitae_history_can_undo (history));

  /* Typing in one field is one step. */
  vitae_history_set_text (history, basics, "name", "A");
  vitae_history_set_text (history, basics, "name", "Ad");
  vitae_history_set_text (history, basics, "name", "Ada");
  vitae_history_seal (history);
  vitae_history_set_text (history, basics, "label", "Engineer");
  vitae_history_seal (history);
  vitae_history_set_list (history, basics, "label", NULL);
  g_assert_true (vitae_history_can_undo (history));

  g_assert_true (vitae_history_undo (history));
  g_assert_cmpstr (vitae_entry_get_text (basics, "label"), ==, "Engineer");
  g_assert_true (vitae_history_undo (history));
  g_assert_null (vitae_entry_get_text (basics, "label"));
  g_assert_true (vitae_history_undo (history));
  g_assert_null (vitae_entry_get_text (basics, "name"));
  g_assert_false (vitae_history_undo (history));
  g_assert_true (vitae_history_can_redo (history));

  g_assert_true (vitae_history_redo (history));
  g_assert_cmpstr (vitae_entry_get_text (basics, "name"), ==, "Ada");

  /* A new edit drops what could be redone. */
  vitae_history_set_list (history, basics, "location.city", list);
  g_assert_false (vitae_history_can_redo (history));

  /* Setting the same value is no step. */
  vitae_history_seal (history);
  vitae_history_set_text (history, basics, "name", "Ada");
  g_assert_true (vitae_history_undo (history));
  g_assert_cmpstr (vitae_entry_get_text (basics, "name"), ==, "Ada");
}

static void
test_entry_steps (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(VitaeHistory) history = vitae_history_new (resume);
  VitaeEntry *a, *b, *c;

  a = vitae_history_add_entry (history, VITAE_SECTION_WORK);
  vitae_history_set_text (history, a, "name", "Acme");
  b = vitae_history_add_entry (history, VITAE_SECTION_WORK);
  vitae_history_set_text (history, b, "name", "Globex");
  c = vitae_history_add_entry (history, VITAE_SECTION_WORK);
  vitae_history_set_text (history, c, "name", "Initech");
  g_assert_cmpuint (n_work (resume), ==, 3);

  g_assert_true (vitae_history_move_entry (history, c, 0));
  g_assert_true (work_at (resume, 0) == c);
  g_assert_true (vitae_history_remove_entry (history, a));
  g_assert_cmpuint (n_work (resume), ==, 2);

  g_assert_true (vitae_history_undo (history));      /* remove */
  g_assert_cmpuint (n_work (resume), ==, 3);
  g_assert_true (work_at (resume, 1) == a);
  g_assert_cmpstr (vitae_entry_get_text (a, "name"), ==, "Acme");
  g_assert_true (vitae_history_undo (history));      /* move */
  g_assert_true (work_at (resume, 0) == a);
  g_assert_true (work_at (resume, 2) == c);
  g_assert_true (vitae_history_redo (history));
  g_assert_true (work_at (resume, 0) == c);

  /* Undo back to nothing, then redo to the end. */
  while (vitae_history_undo (history))
    ;
  g_assert_cmpuint (n_work (resume), ==, 0);
  while (vitae_history_redo (history))
    ;
  g_assert_cmpuint (n_work (resume), ==, 2);
  g_assert_true (work_at (resume, 0) == c);
  g_assert_true (work_at (resume, 1) == b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/history/field-edits", test_field_edits);
  g_test_add_func ("/vitae/history/entry-steps", test_entry_steps);

  return g_test_run ();
}
