/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vitae-core.h"
#include "vitae-json-resume.h"
#include "vitae-window.h"

/* Every control a person can reach has a name a screen reader can say:
 * its own text, or an accessible label or labelled-by relation. */

static void
iterate (void)
{
  for (guint i = 0; i < 200 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_named (GtkWidget *widget)
{
  return has_visible_text (widget) ||
         gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  gboolean control;

  if (!gtk_widget_get_visible (widget))
    return;

  /* A menu button names itself; its inner toggle is its own business. */
  control = (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (parent)) ||
            GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget) ||
            GTK_IS_ENTRY (widget) || GTK_IS_TEXT_VIEW (widget);
  /* Rows name their own controls through their title. */
  if (control && !is_named (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW) == NULL &&
      !ADW_IS_ENTRY_ROW (gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW)))
    g_ptr_array_add (unnamed, g_strdup_printf ("%s (%s)", G_OBJECT_TYPE_NAME (widget),
                                              gtk_widget_get_tooltip_text (widget) ?: gtk_widget_get_name (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget  *root,
                  const char *where)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  collect_unnamed (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("%s: no accessible name: %s", where, (char *)g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (unnamed->len, ==, 0);
}

static void
test_every_control_has_a_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vitae-a11y-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "vitae.db", NULL);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "sample.resume.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(VitaeStore) store = vitae_store_open (path, &error);
  g_autoptr(VitaeUser) user = vitae_store_create_user (store, "Ada", NULL, &error);
  g_autoptr(VitaeResume) resume = vitae_json_resume_load_file (file, NULL, &error);
  VitaeWindow *window;

  g_assert_no_error (error);
  vitae_resume_set_user_id (resume, vitae_user_get_id (user));
  g_assert_true (vitae_store_insert_resume (store, resume, &error));

  window = vitae_window_new (NULL, store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  assert_all_named (GTK_WIDGET (window), "library");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-resume", "x",
                                             vitae_resume_get_id (resume)));
  iterate ();
  assert_all_named (GTK_WIDGET (window), "editor");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&store);
  {
    static const char * const names[] = { "vitae.db", "vitae.db-wal", "vitae.db-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *p = g_build_filename (dir, names[i], NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend records what the widgets tell assistive technologies. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/vitae/ui/accessibility/every-control-has-a-name", test_every_control_has_a_name);

  return g_test_run ();
}
