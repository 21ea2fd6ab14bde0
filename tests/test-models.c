/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "vitae-core.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          int        *count)
{
  (*count)++;
}

static void
changed_cb (gpointer  object,
            int      *count)
{
  (*count)++;
}

static void
entry_changed_cb (VitaeEntry *entry,
                  const char *key,
                  int        *count)
{
  (*count)++;
}

static void
test_entry_values (void)
{
  g_autoptr(VitaeEntry) entry = vitae_entry_new (VITAE_SECTION_WORK);
  static const char * const highlights[] = { "Shipped 3.0", "Cut build time by half", NULL };
  const char * const *list;
  int changed = 0;

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), &changed);
  g_assert_true (vitae_entry_is_empty (entry));

  vitae_entry_set_text (entry, "position", "Senior Engineer");
  vitae_entry_set_text (entry, "position", "Senior Engineer");
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpstr (vitae_entry_get_text (entry, "position"), ==, "Senior Engineer");

  vitae_entry_set_list (entry, "highlights", highlights);
  g_assert_cmpint (changed, ==, 2);
  list = vitae_entry_get_list (entry, "highlights");
  g_assert_nonnull (list);
  g_assert_cmpstr (list[0], ==, "Shipped 3.0");
  g_assert_cmpstr (list[1], ==, "Cut build time by half");
  g_assert_null (list[2]);
  vitae_entry_set_list (entry, "highlights", highlights);
  g_assert_cmpint (changed, ==, 2);

  vitae_entry_set_text (entry, "position", "");
  g_assert_null (vitae_entry_get_text (entry, "position"));
  g_assert_cmpint (changed, ==, 3);
  g_assert_false (vitae_entry_is_empty (entry));
}

static void
test_entry_summary (void)
{
  g_autoptr(VitaeEntry) entry = vitae_entry_new (VITAE_SECTION_WORK);
  g_autofree char *empty = vitae_entry_dup_summary (entry);
  g_autofree char *present = NULL;
  g_autofree char *closed = NULL;

  g_assert_cmpstr (empty, ==, "New Position");

  vitae_entry_set_text (entry, "position", "Senior Engineer");
  vitae_entry_set_text (entry, "name", "Acme");
  vitae_entry_set_text (entry, "startDate", "2019-03");
  present = vitae_entry_dup_summary (entry);
  g_assert_cmpstr (present, ==, "Senior Engineer — Acme · 2019–present");

  vitae_entry_set_text (entry, "endDate", "2022-01-15");
  closed = vitae_entry_dup_summary (entry);
  g_assert_cmpstr (closed, ==, "Senior Engineer — Acme · 2019–2022");
}

static void
test_entry_json_roundtrip (void)
{
  g_autoptr(VitaeEntry) entry = vitae_entry_new (VITAE_SECTION_SKILLS);
  g_autoptr(VitaeEntry) back = vitae_entry_new (VITAE_SECTION_SKILLS);
  g_autoptr(VitaeEntry) copy = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const keywords[] = { "C", "GTK", "SQLite", NULL };
  g_autofree char *json = NULL;

  vitae_entry_set_text (entry, "name", "Desktop «development» — ünïcode");
  vitae_entry_set_list (entry, "keywords", keywords);
  json = vitae_entry_to_json (entry);

  g_assert_true (vitae_entry_load_json (back, json, &error));
  g_assert_no_error (error);
  g_assert_true (vitae_entry_equal (entry, back));

  copy = vitae_entry_copy (entry);
  g_assert_true (vitae_entry_equal (entry, copy));
  vitae_entry_set_text (copy, "level", "Expert");
  g_assert_false (vitae_entry_equal (entry, copy));
  g_assert_null (vitae_entry_get_text (entry, "level"));

  g_assert_false (vitae_entry_load_json (back, "[1, 2]", &error));
  g_assert_nonnull (error);
}

static void
test_resume_notify_only_on_change (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  int notified = 0, changed = 0;

  g_signal_connect (resume, "notify::title", G_CALLBACK (count_cb), &notified);
  g_signal_connect (resume, "changed", G_CALLBACK (changed_cb), &changed);

  vitae_resume_set_title (resume, "Backend roles");
  vitae_resume_set_title (resume, "Backend roles");
  g_assert_cmpint (notified, ==, 1);
  g_assert_cmpint (changed, ==, 1);

  vitae_resume_set_template (resume, "classic");
  g_assert_cmpint (changed, ==, 1);
  vitae_resume_set_template (resume, "modern");
  g_assert_cmpint (changed, ==, 2);

  vitae_entry_set_text (vitae_resume_get_basics (resume), "name", "Ada Lovelace");
  g_assert_cmpint (changed, ==, 3);
  g_assert_cmpstr (vitae_resume_get_candidate_name (resume), ==, "Ada Lovelace");

  /* Counters are the store's business and do not count as an edit. */
  vitae_resume_set_view_count (resume, 4);
  g_assert_cmpint (changed, ==, 3);
}

static void
test_resume_entries (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(VitaeResume) copy = NULL;
  VitaeEntry *first, *second;
  GListModel *work;
  int changed = 0;
  guint position = 99;

  g_signal_connect (resume, "changed", G_CALLBACK (changed_cb), &changed);
  work = vitae_resume_get_entries (resume, VITAE_SECTION_WORK);

  first = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  second = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  vitae_entry_set_text (first, "name", "First");
  vitae_entry_set_text (second, "name", "Second");
  g_assert_cmpuint (g_list_model_get_n_items (work), ==, 2);
  g_assert_cmpint (changed, ==, 4);

  g_assert_true (vitae_resume_move_entry (resume, second, 0));
  {
    g_autoptr(VitaeEntry) top = g_list_model_get_item (work, 0);
    g_assert_true (top == second);
  }
  g_assert_false (vitae_resume_move_entry (resume, second, 0));

  copy = vitae_resume_copy (resume);
  vitae_entry_set_text (first, "name", "Changed after the copy");
  {
    GListModel *copied = vitae_resume_get_entries (copy, VITAE_SECTION_WORK);
    g_autoptr(VitaeEntry) e = g_list_model_get_item (copied, 1);
    g_assert_cmpstr (vitae_entry_get_text (e, "name"), ==, "First");
  }

  g_object_ref (first);
  g_assert_true (vitae_resume_remove_entry (resume, first, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (work), ==, 1);
  changed = 0;
  vitae_entry_set_text (first, "name", "Removed entries no longer count");
  g_assert_cmpint (changed, ==, 0);
  g_object_unref (first);

  g_assert_cmpuint (vitae_resume_get_n_entries (resume), ==, 1);
  g_assert_cmpuint (vitae_resume_get_n_entries (copy), ==, 2);
}

static void
test_resume_layout (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(VitaeResume) back = vitae_resume_new ();
  VitaeSectionId order[VITAE_N_SECTIONS];
  const VitaeSectionId wanted[] = { VITAE_SECTION_EDUCATION, VITAE_SECTION_SKILLS };
  g_autofree char *json = NULL;
  guint n;

  n = vitae_resume_get_section_order (resume, order);
  g_assert_cmpuint (n, ==, VITAE_N_SECTIONS - VITAE_SECTION_WORK);
  g_assert_cmpint (order[0], ==, VITAE_SECTION_WORK);

  vitae_resume_set_section_order (resume, wanted, G_N_ELEMENTS (wanted));
  vitae_resume_set_section_visible (resume, VITAE_SECTION_REFERENCES, FALSE);
  vitae_resume_set_section_heading (resume, VITAE_SECTION_WORK, "Experience");
  g_assert_cmpstr (vitae_resume_get_section_title (resume, VITAE_SECTION_WORK), ==, "Experience");
  g_assert_cmpstr (vitae_resume_get_section_title (resume, VITAE_SECTION_SKILLS), ==, "Skills");

  json = vitae_resume_layout_to_json (resume);
  vitae_resume_layout_from_json (back, json);
  n = vitae_resume_get_section_order (back, order);
  g_assert_cmpint (order[0], ==, VITAE_SECTION_EDUCATION);
  g_assert_cmpint (order[1], ==, VITAE_SECTION_SKILLS);
  g_assert_cmpint (order[2], ==, VITAE_SECTION_WORK);
  g_assert_false (vitae_resume_get_section_visible (back, VITAE_SECTION_REFERENCES));
  g_assert_true (vitae_resume_get_section_visible (back, VITAE_SECTION_WORK));
  g_assert_cmpstr (vitae_resume_get_section_heading (back, VITAE_SECTION_WORK), ==, "Experience");

  /* Garbage keeps the defaults rather than failing. */
  vitae_resume_layout_from_json (back, "{not json");
  g_assert_cmpstr (vitae_resume_get_section_heading (back, VITAE_SECTION_WORK), ==, "Experience");
  /* Values of the wrong type fall back to the defaults, never a crash. */
  vitae_resume_layout_from_json (back, "[{\"key\": null}, {\"key\": [1]}, 3, {\"key\": \"work\", \"visible\": \"no\", \"heading\": 7}]");
  g_assert_true (vitae_resume_get_section_visible (back, VITAE_SECTION_WORK));
  g_assert_null (vitae_resume_get_section_heading (back, VITAE_SECTION_WORK));
}

static void
test_user_and_event (void)
{
  g_autoptr(VitaeUser) user = vitae_user_new ();
  g_autoptr(VitaeEvent) event = vitae_event_new (1, 2, VITAE_EVENT_DOWNLOAD, "pdf", 1700000000);
  int notified = 0;

  g_signal_connect (user, "notify", G_CALLBACK (count_cb), &notified);
  vitae_user_set_name (user, "Ada");
  vitae_user_set_name (user, "Ada");
  vitae_user_set_email (user, "ada@example.com");
  g_assert_cmpint (notified, ==, 2);
  g_assert_cmpstr (vitae_user_get_name (user), ==, "Ada");

  g_assert_cmpint (vitae_event_get_user_id (event), ==, 1);
  g_assert_cmpint (vitae_event_get_resume_id (event), ==, 2);
  g_assert_cmpstr (vitae_event_get_action (event), ==, "download");
  g_assert_cmpstr (vitae_event_get_details (event), ==, "pdf");
  g_assert_cmpint (vitae_event_get_created_at (event), ==, 1700000000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/models/entry/values", test_entry_values);
  g_test_add_func ("/vitae/models/entry/summary", test_entry_summary);
  g_test_add_func ("/vitae/models/entry/json-roundtrip", test_entry_json_roundtrip);
  g_test_add_func ("/vitae/models/resume/notify-only-on-change", test_resume_notify_only_on_change);
  g_test_add_func ("/vitae/models/resume/entries", test_resume_entries);
  g_test_add_func ("/vitae/models/resume/layout", test_resume_layout);
  g_test_add_func ("/vitae/models/user-and-event", test_user_and_event);

  return g_test_run ();
}
