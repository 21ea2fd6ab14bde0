/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vitae-core.h"
#include "vitae-profile-dialog.h"
#include "vitae-window.h"

typedef struct {
  char        *dir;
  VitaeStore  *store;
  VitaeWindow *window;
} Fixture;

static void
iterate (void)
{
  /* Let the window map, lay out and run idle work. */
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("vitae-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (path, &error);
  g_assert_no_error (error);

  if (data != NULL)
    {
      g_autoptr(VitaeUser) user = vitae_store_create_user (f->store, data, "ada@example.com", &error);
      g_assert_no_error (error);
    }

  f->window = vitae_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "vitae.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static GListModel *
list_resumes (Fixture           *f,
              VitaeResumeFilter  filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *resumes = vitae_store_list_resumes (f->store,
                                                  vitae_user_get_id (vitae_window_get_user (f->window)),
                                                  filter, &error);
  g_assert_no_error (error);
  return resumes;
}

static gint64
resume_id_at (GListModel *model,
              guint       position)
{
  g_autoptr(VitaeResume) resume = g_list_model_get_item (model, position);
  g_assert_nonnull (resume);
  return vitae_resume_get_id (resume);
}

static void
test_first_run_creates_profile (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GListModel) users = NULL;
  GtkWidget *name_row, *email_row;
  g_autoptr(VitaeUser) user = NULL;

  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "welcome");
  g_assert_null (vitae_window_get_user (f->window));

  name_row = find_entry_row (GTK_WIDGET (f->window), "Your Name");
  email_row = find_entry_row (GTK_WIDGET (f->window), "Email (optional)");
  g_assert_nonnull (name_row);
  g_assert_nonnull (email_row);

  /* An invalid email keeps the button off: nothing is created. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ada Lovelace");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "not an address");
  g_signal_emit_by_name (email_row, "entry-activated");
  users = vitae_store_list_users (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 0);
  g_clear_object (&users);

  gtk_editable_set_text (GTK_EDITABLE (email_row), "ada@example.com");
  g_signal_emit_by_name (email_row, "entry-activated");
  iterate ();

  users = vitae_store_list_users (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 1);
  user = g_list_model_get_item (users, 0);
  g_assert_cmpstr (vitae_user_get_name (user), ==, "Ada Lovelace");
  g_assert_cmpstr (vitae_user_get_email (user), ==, "ada@example.com");
  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "library");
  g_assert_cmpint (vitae_user_get_id (vitae_window_get_user (f->window)), ==, vitae_user_get_id (user));
}

static void
test_create_rename_delete_undo (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) archived = NULL;
  g_autoptr(GListModel) all = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 first, second;

  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "library");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 0);

  /* New: stored, and opened in the editor area. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-resume", NULL));
  iterate ();
  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "resume");
  g_assert_nonnull (vitae_window_get_open_resume (f->window));
  first = vitae_resume_get_id (vitae_window_get_open_resume (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-resume", NULL));
  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "library");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 1);

  /* Rename through the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.rename-resume", "x", first));
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_ENTRY (entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Untitled Resume");
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Backend Engineer");
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  {
    g_autoptr(VitaeResume) stored = vitae_store_load_resume (f->store, first, NULL);
    g_assert_cmpstr (vitae_resume_get_title (stored), ==, "Backend Engineer");
  }

  /* Duplicate, then archive the original. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-resume", "x", first));
  all = list_resumes (f, VITAE_RESUME_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  second = resume_id_at (all, 0) == first ? resume_id_at (all, 1) : resume_id_at (all, 0);
  {
    g_autoptr(VitaeResume) copy = vitae_store_load_resume (f->store, second, NULL);
    g_assert_cmpstr (vitae_resume_get_title (copy), ==, "Backend Engineer (Copy)");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.archive-resume", "x", first));
  active = list_resumes (f, VITAE_RESUME_FILTER_ACTIVE);
  archived = list_resumes (f, VITAE_RESUME_FILTER_ARCHIVED);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (archived), ==, 1);
  g_assert_cmpint (resume_id_at (archived, 0), ==, first);
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 1);

  /* The Archived filter shows it; Unarchive brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-archived", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 1);
  g_assert_cmpint (resume_id_at (vitae_window_get_resumes (f->window), 0), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.archive-resume", "x", first));
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-archived", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 2);

  /* Delete hides it at once; Undo brings it back; nothing was lost. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-resume", "x", second));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 2);
  g_clear_object (&all);
  all = list_resumes (f, VITAE_RESUME_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);

  /* Delete without Undo: gone from the database once the toast goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-resume", "x", second));
  vitae_window_flush_pending (f->window);
  g_clear_object (&all);
  all = list_resumes (f, VITAE_RESUME_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  g_assert_cmpint (resume_id_at (all, 0), ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", NULL));
  g_clear_object (&all);
  all = list_resumes (f, VITAE_RESUME_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
}

static void
test_profiles (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) bob = vitae_store_create_user (f->store, "Bob", NULL, &error);
  g_autoptr(VitaeResume) bobs_cv = vitae_store_create_resume (f->store, vitae_user_get_id (bob), "Bob's CV", &error);
  gint64 ada_id = vitae_user_get_id (vitae_window_get_user (f->window));
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-resume", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-resume", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 1);

  /* Each profile sees only its own resumes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.switch-profile", "x",
                                             vitae_user_get_id (bob)));
  g_assert_cmpstr (vitae_user_get_name (vitae_window_get_user (f->window)), ==, "Bob");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 1);
  {
    g_autoptr(VitaeResume) shown = g_list_model_get_item (vitae_window_get_resumes (f->window), 0);
    g_assert_cmpstr (vitae_resume_get_title (shown), ==, "Bob's CV");
  }

  /* Deleting a profile asks first, then removes its resumes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-profile", NULL));
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  g_assert_null (vitae_store_load_resume (f->store, vitae_resume_get_id (bobs_cv), &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (vitae_user_get_id (vitae_window_get_user (f->window)), ==, ada_id);
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 1);
}

static VitaeProfileDialog *
find_profile_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (VITAE_IS_PROFILE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return VITAE_PROFILE_DIALOG (window);
    }
  return NULL;
}

static void
test_profile_dialog (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
  g_autofree char *png_path = g_build_filename (f->dir, "face.png", NULL);
  g_autofree char *text_path = g_build_filename (f->dir, "notes.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(GListModel) users = NULL;
  g_autoptr(VitaeUser) stored = NULL;
  VitaeProfileDialog *dialog;
  gint64 ada_id = vitae_user_get_id (vitae_window_get_user (f->window));

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, png_path, "png", &error, NULL));
  g_assert_true (g_file_set_contents (text_path, "not a picture", -1, NULL));

  /* Edit: name, email and a picture, scaled down and kept as PNG. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-profile", NULL));
  iterate ();
  dialog = find_profile_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (vitae_profile_dialog_get_name (dialog), ==, "Ada");
  g_assert_false (vitae_profile_dialog_set_avatar_file (dialog, text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "notes.png"));
  g_clear_error (&error);
  g_assert_true (vitae_profile_dialog_set_avatar_file (dialog, png, &error));
  g_assert_no_error (error);
  vitae_profile_dialog_set_name (dialog, "Ada King");
  vitae_profile_dialog_set_email (dialog, "ada@king.example");
  vitae_profile_dialog_save (dialog);
  iterate ();

  stored = vitae_store_get_user (f->store, ada_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_user_get_name (stored), ==, "Ada King");
  g_assert_cmpstr (vitae_user_get_email (stored), ==, "ada@king.example");
  g_assert_nonnull (vitae_user_get_avatar (stored));
  {
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (vitae_user_get_avatar (stored), &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 256);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, 192);
  }

  /* New: a second profile, which the window switches to. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-profile", NULL));
  iterate ();
  dialog = find_profile_dialog ();
  g_assert_nonnull (dialog);
  vitae_profile_dialog_set_name (dialog, "Grace Hopper");
  vitae_profile_dialog_set_email (dialog, "not-an-email");
  vitae_profile_dialog_save (dialog);   /* refused: the email is malformed */
  iterate ();
  users = vitae_store_list_users (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 1);
  g_clear_object (&users);
  vitae_profile_dialog_set_email (dialog, "grace@example.com");
  vitae_profile_dialog_save (dialog);
  iterate ();
  users = vitae_store_list_users (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 2);
  g_assert_cmpstr (vitae_user_get_name (vitae_window_get_user (f->window)), ==, "Grace Hopper");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (f->window)), ==, 0);

  g_unlink (png_path);
  g_unlink (text_path);
}

static void
wait_for_resume_count (Fixture *f,
                       guint    count)
{
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(GListModel) all = list_resumes (f, VITAE_RESUME_FILTER_ALL);
      if (g_list_model_get_n_items (all) == count)
        return;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "sample.resume.json", NULL);
  g_autofree char *broken_path = g_build_filename (f->dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GListModel) all = NULL;
  VitaeResume *open;

  vitae_window_import_file (f->window, file);
  wait_for_resume_count (f, 1);
  all = list_resumes (f, VITAE_RESUME_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  iterate ();
  open = vitae_window_get_open_resume (f->window);
  g_assert_nonnull (open);
  g_assert_cmpstr (vitae_resume_get_candidate_name (open), ==, "Richard Hendriks");
  g_assert_cmpuint (vitae_resume_get_n_entries (open), >, 5);

  /* A broken file changes nothing. */
  g_assert_true (g_file_set_contents (broken_path, "{\"basics\": {\"name\": ", -1, NULL));
  vitae_window_import_file (f->window, broken);
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_clear_object (&all);
  all = list_resumes (f, VITAE_RESUME_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  g_unlink (broken_path);
}

/* Opening a JSON Resume file before any profile exists (vitae FILE.json on
 * the first run): the file waits for the welcome page's profile, then is
 * imported into it and opened. */
static void
test_import_first_run (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "sample.resume.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GListModel) users = NULL;
  GtkWidget *name_row;
  VitaeResume *open;

  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "welcome");
  vitae_window_import_file (f->window, file);
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  /* Nothing stored yet, and no profile made behind the user's back. */
  users = vitae_store_list_users (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 0);
  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "welcome");
  g_assert_null (vitae_window_get_open_resume (f->window));

  name_row = find_entry_row (GTK_WIDGET (f->window), "Your Name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Richard Hendriks");
  g_signal_emit_by_name (name_row, "entry-activated");
  iterate ();

  g_assert_nonnull (vitae_window_get_user (f->window));
  wait_for_resume_count (f, 1);
  iterate ();
  open = vitae_window_get_open_resume (f->window);
  g_assert_nonnull (open);
  g_assert_cmpstr (vitae_resume_get_candidate_name (open), ==, "Richard Hendriks");
  g_assert_cmpint (vitae_resume_get_user_id (open), ==, vitae_user_get_id (vitae_window_get_user (f->window)));
}

static void
test_error_window (void)
{
  g_autoptr(GError) error = g_error_new_literal (VITAE_STORE_ERROR, VITAE_STORE_ERROR_CORRUPT,
                                                 "“vitae.db” is damaged and cannot be read.");
  VitaeWindow *window = vitae_window_new_for_error (NULL, error);
  GtkWindow *dialog;

  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpstr (vitae_window_get_visible_page (window), ==, "error");
  dialog = g_object_get_data (G_OBJECT (window), "error-dialog");
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, error->message);
  /* Nothing to act on: the actions are off and the page stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-resume", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL);
  iterate ();
  g_assert_cmpstr (vitae_window_get_visible_page (window), ==, "error");
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/vitae/ui/window/first-run-creates-profile", Fixture, NULL,
              fixture_set_up, test_first_run_creates_profile, fixture_tear_down);
  g_test_add ("/vitae/ui/window/create-rename-delete-undo", Fixture, "Ada",
              fixture_set_up, test_create_rename_delete_undo, fixture_tear_down);
  g_test_add ("/vitae/ui/window/profiles", Fixture, "Ada",
              fixture_set_up, test_profiles, fixture_tear_down);
  g_test_add ("/vitae/ui/window/profile-dialog", Fixture, "Ada",
              fixture_set_up, test_profile_dialog, fixture_tear_down);
  g_test_add ("/vitae/ui/window/import", Fixture, "Ada",
              fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/vitae/ui/window/import-first-run", Fixture, NULL,
              fixture_set_up, test_import_first_run, fixture_tear_down);
  g_test_add_func ("/vitae/ui/window/database-error", test_error_window);

  return g_test_run ();
}
