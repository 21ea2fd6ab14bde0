/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vitae-backup-page.h"
#include "vitae-backup.h"
#include "vitae-core.h"
#include "vitae-json-resume.h"
#include "vitae-store-private.h"
#include "vitae-text-export.h"
#include "vitae-versions-dialog.h"
#include "vitae-versions.h"
#include "vitae-window-transfer.h"
#include "vitae-window.h"

/* The Versions dialog, the window's text exports and the Backups page, in
 * real windows under Xvfb. Only the file choosers are bypassed: the tests
 * call what their responses call. */

typedef struct {
  char        *dir;
  char        *path;
  VitaeStore  *store;
  VitaeUser   *user;
  gint64       resume_id;
  VitaeWindow *window;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;
  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, for at most 30 s. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  VitaeEntry *work;

  f->dir = g_dir_make_tmp ("vitae-versions-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (f->path, &error);
  g_assert_no_error (error);
  f->user = vitae_store_create_user (f->store, "Ada", "ada@example.com", &error);
  g_assert_no_error (error);
  resume = vitae_store_create_resume (f->store, vitae_user_get_id (f->user), "Backend Engineer", &error);
  g_assert_no_error (error);
  vitae_entry_set_text (vitae_resume_get_basics (resume), "name", "Ada Lovelace");
  work = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  vitae_entry_set_text (work, "name", "Analytical Engine Ltd");
  g_assert_true (vitae_store_save_resume (f->store, resume, &error));
  g_assert_no_error (error);
  f->resume_id = vitae_resume_get_id (resume);

  f->window = vitae_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-resume", "x", f->resume_id));
  iterate ();
  g_assert_nonnull (vitae_window_get_open_resume (f->window));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

static void
destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  destroy_toplevels ();
  f->window = NULL;
  g_clear_object (&f->user);
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return (AdwMessageDialog *)find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* Answers the message dialog on screen as a click would. */
static void
respond (const char *response)
{
  AdwMessageDialog *dialog;

  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
}

static const char *
open_name (Fixture *f)
{
  VitaeResume *resume = vitae_window_get_open_resume (f->window);

  g_assert_nonnull (resume);
  return vitae_entry_get_text (vitae_resume_get_basics (resume), "name");
}

static VitaeVersion *
version_at (VitaeVersionsDialog *dialog,
            guint                position)
{
  return g_list_model_get_item (vitae_versions_dialog_get_versions (dialog), position);
}

static gboolean
preview_ready (gpointer data)
{
  return vitae_versions_dialog_get_preview_pages (data) > 0;
}

static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VitaeVersionsDialog *dialog;
  AdwMessageDialog *prompt;
  GtkWidget *entry;
  VitaeResume *before_restore;
  g_autoptr(VitaeVersion) sent = NULL;
  g_autoptr(VitaeVersion) second = NULL;
  g_autoptr(VitaeVersion) selected = NULL;
  g_autoptr(VitaeResume) stored = NULL;
  g_autoptr(VitaeResume) second_content = NULL;

  /* Opened from the resume menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-versions", NULL));
  iterate ();
  dialog = (VitaeVersionsDialog *)find_toplevel (VITAE_TYPE_VERSIONS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (vitae_versions_dialog_get_versions (dialog)), ==, 0);
  g_assert_null (vitae_versions_dialog_get_selected (dialog));

  /* Save Version…: a name is needed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "versions.save", NULL));
  iterate ();
  prompt = find_message_dialog ();
  g_assert_nonnull (prompt);
  entry = adw_message_dialog_get_extra_child (prompt);
  g_assert_false (adw_message_dialog_get_response_enabled (prompt, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (prompt, "save"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Sent to Acme");
  respond ("save");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_versions_dialog_get_versions (dialog)), ==, 1);
  sent = version_at (dialog, 0);
  g_assert_cmpstr (vitae_version_get_label (sent), ==, "Sent to Acme");

  /* An edit the autosave has not written yet is in the next version. */
  vitae_entry_set_text (vitae_resume_get_basics (vitae_window_get_open_resume (f->window)), "name", "Augusta Ada King");
  g_assert_true (vitae_versions_dialog_save_version (dialog, "Second", &error));
  g_assert_no_error (error);
  second = version_at (dialog, 0);
  g_assert_cmpstr (vitae_version_get_label (second), ==, "Second");
  selected = vitae_versions_dialog_get_selected (dialog);
  g_assert_cmpint (vitae_version_get_id (selected), ==, vitae_version_get_id (second));
  second_content = vitae_versions_load (f->store, vitae_version_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (second_content), "name"), ==, "Augusta Ada King");

  /* Preview: the selected version's pages, drawn. */
  vitae_versions_dialog_select (dialog, vitae_version_get_id (sent));
  wait_until (preview_ready, dialog);
  g_assert_cmpuint (vitae_versions_dialog_get_preview_pages (dialog), ==, 1);

  /* Restore, confirmed: the window opens the restored resume. */
  before_restore = vitae_window_get_open_resume (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "versions.restore", NULL));
  respond ("restore");
  g_assert_true (vitae_window_get_open_resume (f->window) != before_restore);
  g_assert_cmpint (vitae_resume_get_id (vitae_window_get_open_resume (f->window)), ==, f->resume_id);
  g_assert_cmpstr (open_name (f), ==, "Ada Lovelace");
  stored = vitae_store_load_resume (f->store, f->resume_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (stored), "name"), ==, "Ada Lovelace");
  /* What it replaced, the unsaved edit included, is the newest version. */
  g_assert_cmpuint (g_list_model_get_n_items (vitae_versions_dialog_get_versions (dialog)), ==, 3);
  {
    g_autoptr(VitaeVersion) newest = version_at (dialog, 0);
    g_autoptr(VitaeResume) replaced = vitae_versions_load (f->store, vitae_version_get_id (newest), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (vitae_version_get_label (newest), ==, "Before restoring “Sent to Acme”");
    g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (replaced), "name"), ==, "Augusta Ada King");
  }

  /* Delete, confirmed; cancelling first changes nothing. */
  vitae_versions_dialog_select (dialog, vitae_version_get_id (second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "versions.delete", NULL));
  respond ("cancel");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_versions_dialog_get_versions (dialog)), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "versions.delete", NULL));
  respond ("delete");
  g_assert_cmpuint (g_list_model_get_n_items (vitae_versions_dialog_get_versions (dialog)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(VitaeVersion) left = version_at (dialog, i);
      g_assert_cmpint (vitae_version_get_id (left), !=, vitae_version_get_id (second));
    }
  g_assert_null (vitae_versions_get (f->store, vitae_version_get_id (second), &error));
  g_assert_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **)data != NULL;
}

static GAsyncResult *
export_and_wait (Fixture    *f,
                 const char *format,
                 GFile      *file)
{
  GAsyncResult *result = NULL;

  vitae_window_export_async (f->window, format, file, NULL, on_exported, &result);
  wait_until (result_arrived, &result);
  return result;
}

static gint64
count_export_events (Fixture    *f,
                     const char *details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = vitae_store_list_events (f->store, f->resume_id, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VitaeEvent) event = g_list_model_get_item (events, i);
      if (g_str_equal (vitae_event_get_action (event), VITAE_EVENT_EXPORT) &&
          g_strcmp0 (vitae_event_get_details (event), details) == 0)
        n++;
    }
  return n;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static GMenuModel *
find_menu_with (GtkWidget  *widget,
                const char *action)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
      if (menu != NULL && menu_has_action (menu, action))
        return menu;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *found = find_menu_with (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_four_versions (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GListModel) versions = vitae_versions_list (f->store, f->resume_id, NULL);

  return versions != NULL && g_list_model_get_n_items (versions) >= 4;
}

static void
test_exports (Fixture       *f,
              gconstpointer  data)
{
  static const char *formats[] = { "json", "txt", "md" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = NULL;
  VitaeResume *resume = vitae_window_get_open_resume (f->window);
  GMenuModel *menu;

  /* The resume menu offers them, with the versions. */
  menu = find_menu_with (GTK_WIDGET (f->window), "win.export-pdf");
  g_assert_nonnull (menu);
  g_assert_true (menu_has_action (menu, "win.export-json"));
  g_assert_true (menu_has_action (menu, "win.export-text"));
  g_assert_true (menu_has_action (menu, "win.export-markdown"));
  g_assert_true (menu_has_action (menu, "win.show-versions"));

  /* An edit not yet autosaved is exported: the window's resume, as shown. */
  vitae_entry_set_text (vitae_resume_get_basics (resume), "label", "Analyst & Programmer");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("export.%s", formats[i]);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GAsyncResult) result = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *expected = NULL;

      /* An existing file is replaced. */
      g_file_set_contents (path, "old contents", -1, &error);
      g_assert_no_error (error);

      result = export_and_wait (f, formats[i], file);
      g_assert_true (vitae_window_export_finish (f->window, result, &error));
      g_assert_no_error (error);

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      if (i == 0)
        expected = vitae_json_resume_to_string (resume);
      else
        expected = vitae_text_export (resume, i == 2 ? VITAE_TEXT_FORMAT_MARKDOWN : VITAE_TEXT_FORMAT_PLAIN);
      g_assert_cmpstr (contents, ==, expected);
      g_assert_nonnull (strstr (contents, "Analyst & Programmer"));
      g_assert_cmpint (count_export_events (f, formats[i]), ==, 1);
    }

  versions = vitae_versions_list (f->store, f->resume_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 3);
  {
    g_autoptr(VitaeVersion) newest = g_list_model_get_item (versions, 0);
    g_autoptr(VitaeVersion) oldest = g_list_model_get_item (versions, 2);
    g_assert_cmpstr (vitae_version_get_label (newest), ==, "Exported as Markdown");
    g_assert_cmpstr (vitae_version_get_label (oldest), ==, "Exported as JSON Resume");
  }

  /* The PDF export (Export PDF…) saves its version too. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "export.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (pdf);
    g_autoptr(VitaeVersion) newest = NULL;

    vitae_window_export_pdf (f->window, file);
    wait_until (has_four_versions, f);
    g_clear_object (&versions);
    versions = vitae_versions_list (f->store, f->resume_id, &error);
    g_assert_no_error (error);
    newest = g_list_model_get_item (versions, 0);
    g_assert_cmpstr (vitae_version_get_label (newest), ==, "Exported as PDF");
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }

  /* A file that cannot be written: an error, and no event or version. */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent/folder/export.txt");
    g_autoptr(GAsyncResult) result = export_and_wait (f, "txt", nowhere);
    g_autoptr(GListModel) after = NULL;

    g_assert_false (vitae_window_export_finish (f->window, result, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (count_export_events (f, "txt"), ==, 1);
    after = vitae_versions_list (f->store, f->resume_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, 4);
  }
}

/* Backups page ------------------------------------------------------------- */

static gboolean
page_idle (gpointer data)
{
  return !vitae_backup_page_get_busy (data);
}

static char *
resume_titles (Fixture *f)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (f->store),
                                       "SELECT title FROM resumes ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s;", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_backup_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = vitae_backup_get_folder (f->path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(VitaeResume) later = NULL;
  g_autoptr(GFile) backup_file = NULL;
  g_autoptr(GFile) damaged_file = NULL;
  g_autofree char *damaged = g_build_filename (f->dir, "damaged.db", NULL);
  g_autofree char *titles = NULL;
  g_autofree char *contents = NULL;
  AdwPreferencesWindow *preferences;
  g_autoptr(VitaeBackupPage) page_ref = NULL;
  VitaeBackupPage *page;
  VitaeWindow *fresh;
  AdwMessageDialog *dialog;
  gsize length;

  preferences = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (f->window));
  page = vitae_backup_page_new (f->store);
  page_ref = g_object_ref (page);  /* it goes with its window after a restore */
  adw_preferences_window_add (preferences, ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (preferences));
  iterate ();

  /* Back Up Now, as its button does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "backups.back-up", NULL));
  g_assert_true (vitae_backup_page_get_busy (page));
  wait_until (page_idle, page);
  backups = vitae_backup_list (folder);
  g_assert_cmpuint (backups->len, ==, 1);
  backup_file = g_file_new_for_path (g_ptr_array_index (backups, 0));

  /* A resume made after the backup, and an unsaved edit in the editor. */
  later = vitae_store_create_resume (f->store, vitae_user_get_id (f->user), "Made later", &error);
  g_assert_no_error (error);
  vitae_entry_set_text (vitae_resume_get_basics (vitae_window_get_open_resume (f->window)), "name", "Unsaved");
  titles = resume_titles (f);
  g_assert_cmpstr (titles, ==, "Backend Engineer;Made later;");

  /* A damaged backup: refused, said so, nothing changed. */
  g_file_get_contents (g_ptr_array_index (backups, 0), &contents, &length, &error);
  g_assert_no_error (error);
  memset (contents + 4096, 0x33, 4096);
  g_file_set_contents (damaged, contents, length, &error);
  g_assert_no_error (error);
  damaged_file = g_file_new_for_path (damaged);
  vitae_backup_page_restore_file (page, damaged_file);
  respond ("restore");
  wait_until (page_idle, page);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Backup Not Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "damaged"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  iterate ();
  g_clear_pointer (&titles, g_free);
  titles = resume_titles (f);
  g_assert_cmpstr (titles, ==, "Backend Engineer;Made later;");
  g_assert_true (find_toplevel (VITAE_TYPE_WINDOW) == GTK_WINDOW (f->window));

  /* The good one, cancelled, then confirmed. */
  vitae_backup_page_restore_file (page, backup_file);
  respond ("cancel");
  g_assert_false (vitae_backup_page_get_busy (page));
  vitae_backup_page_restore_file (page, backup_file);
  respond ("restore");
  wait_until (page_idle, page);
  iterate ();

  g_clear_pointer (&titles, g_free);
  titles = resume_titles (f);
  g_assert_cmpstr (titles, ==, "Backend Engineer;");
  /* A new window shows the restored database; the old one is gone, and so
   * is the preferences window. */
  fresh = (VitaeWindow *)find_toplevel (VITAE_TYPE_WINDOW);
  g_assert_nonnull (fresh);
  g_assert_true (fresh != f->window);
  g_assert_true (vitae_window_get_store (fresh) == f->store);
  g_assert_cmpuint (g_list_model_get_n_items (vitae_window_get_resumes (fresh)), ==, 1);
  g_assert_null (find_toplevel (ADW_TYPE_PREFERENCES_WINDOW));
  f->window = fresh;

  /* What was replaced, the editor's unsaved edit with it, was kept. */
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = vitae_backup_list (folder);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "-before-restore.db")
                 || g_str_has_suffix (g_ptr_array_index (backups, 1), "-before-restore.db"));
  {
    const char *kept = g_str_has_suffix (g_ptr_array_index (backups, 0), "-before-restore.db")
                       ? g_ptr_array_index (backups, 0) : g_ptr_array_index (backups, 1);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (kept, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM resumes WHERE json_extract (basics, '$.name') = 'Unsaved'",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/vitae/ui/versions/dialog", Fixture, NULL, fixture_set_up, test_dialog, fixture_tear_down);
  g_test_add ("/vitae/ui/versions/exports", Fixture, NULL, fixture_set_up, test_exports, fixture_tear_down);
  g_test_add ("/vitae/ui/versions/backup-page", Fixture, NULL, fixture_set_up, test_backup_page, fixture_tear_down);

  return g_test_run ();
}
