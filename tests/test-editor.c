/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vitae-core.h"
#include "vitae-window.h"

/* The editor driven through its widgets, as a user would, then the database
 * read back: it must hold exactly what the widgets show. */

typedef struct {
  char        *dir;
  VitaeStore  *store;
  VitaeWindow *window;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VitaeUser) user = NULL;

  f->dir = g_dir_make_tmp ("vitae-editor-XXXXXX", &error);
  path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  user = vitae_store_create_user (f->store, "Ada", "ada@example.com", &error);
  g_assert_no_error (error);
  f->window = vitae_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const names[] = { "vitae.db", "vitae.db-wal", "vitae.db-shm", "photo.png", "notes.png" };

  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->store);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
field (VitaeResumeEditor *editor,
       const char        *section,
       guint              index,
       const char        *key)
{
  g_autofree char *name = g_strdup_printf ("field:%s:%u:%s", section, index, key);
  GtkWidget *widget = find_named (GTK_WIDGET (editor), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static void
type_into (VitaeResumeEditor *editor,
           const char        *section,
           guint              index,
           const char        *key,
           const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (editor, section, index, key)), text);
}

static void
add_list_item (VitaeResumeEditor *editor,
               const char        *section,
               guint              index,
               const char        *key,
               const char        *text)
{
  GtkWidget *row = field (editor, section, index, key);
  GtkWidget *add = find_named (row, "add-item");
  GtkWidget *item = NULL;

  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  /* The new, empty item is the last entry of the list. */
  for (GtkWidget *w = find_named (row, "item"); w != NULL; )
    {
      GtkWidget *line = gtk_widget_get_parent (w);
      item = w;
      line = gtk_widget_get_next_sibling (line);
      w = line ? find_named (line, "item") : NULL;
    }
  g_assert_nonnull (item);
  gtk_editable_set_text (GTK_EDITABLE (item), text);
}

static void
activate (VitaeResumeEditor *editor,
          const char        *action,
          GVariant          *target)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (editor), action, target));
  iterate ();
}

static VitaeEntry *
stored_entry (VitaeResume    *resume,
              VitaeSectionId  section,
              guint           index)
{
  VitaeEntry *entry = g_list_model_get_item (vitae_resume_get_entries (resume, section), index);

  g_assert_nonnull (entry);
  g_object_unref (entry);
  return entry;
}

static void
test_editor_fills_every_section (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) stored = NULL;
  VitaeResumeEditor *editor;
  gint64 id;
  GtkWidget *date;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-resume", NULL));
  iterate ();
  editor = vitae_window_get_editor (f->window);
  g_assert_nonnull (editor);
  id = vitae_resume_get_id (vitae_resume_editor_get_resume (editor));

  type_into (editor, "basics", 0, "name", "Ada Lovelace");
  type_into (editor, "basics", 0, "label", "Analyst");
  type_into (editor, "basics", 0, "email", "ada@example.com");
  type_into (editor, "basics", 0, "location.city", "London");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (editor), "resume-title")), "Research roles");

  /* One entry in every section, through its widgets. */
  for (guint s = VITAE_SECTION_PROFILES; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);
      g_autofree char *value = g_strdup_printf ("%s one", info->key);

      activate (editor, "editor.add-entry", g_variant_new_string (info->key));
      type_into (editor, info->key, 0, info->title_field, value);
    }
  add_list_item (editor, "work", 0, "highlights", "Built the engine");
  add_list_item (editor, "work", 0, "highlights", "Wrote the first program");
  add_list_item (editor, "skills", 0, "keywords", "Mathematics");

  /* A malformed date is flagged, and kept. */
  type_into (editor, "work", 0, "startDate", "March 1843");
  date = field (editor, "work", 0, "startDate");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (date));
  type_into (editor, "work", 0, "startDate", "1843-03");
  g_assert_false (gtk_widget_has_css_class (date, "error"));

  /* Reorder: a second work entry moved to the top. */
  activate (editor, "editor.add-entry", g_variant_new_string ("work"));
  type_into (editor, "work", 1, "name", "work two");
  activate (editor, "editor.move-entry-up", g_variant_new ("(su)", "work", 1));

  /* Delete and undo, delete for good, and undo a typing step. */
  activate (editor, "editor.delete-entry", g_variant_new ("(su)", "awards", 0));
  g_assert_cmpuint (g_list_model_get_n_items (vitae_resume_get_entries (vitae_resume_editor_get_resume (editor),
                                                                        VITAE_SECTION_AWARDS)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  activate (editor, "editor.delete-entry", g_variant_new ("(su)", "interests", 0));

  vitae_history_seal (vitae_resume_editor_get_history (editor));
  type_into (editor, "languages", 0, "fluency", "Native");
  activate (editor, "editor.undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (editor, "languages", 0, "fluency"))), ==, "");

  /* Hide one section and rename another's heading. */
  activate (editor, "editor.toggle-section", g_variant_new_string ("references"));
  vitae_resume_set_section_heading (vitae_resume_editor_get_resume (editor), VITAE_SECTION_WORK, "Experience");

  g_assert_true (vitae_resume_editor_flush (editor, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_resume_editor_get_status (editor), ==, "Saved");

  /* The database holds exactly that. */
  stored = vitae_store_load_resume (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_resume_get_title (stored), ==, "Research roles");
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (stored), "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (stored), "location.city"), ==, "London");
  for (guint s = VITAE_SECTION_PROFILES; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);
      GListModel *entries = vitae_resume_get_entries (stored, s);
      g_autofree char *value = g_strdup_printf ("%s one", info->key);
      guint expected = s == VITAE_SECTION_INTERESTS ? 0 : s == VITAE_SECTION_WORK ? 2 : 1;
      VitaeEntry *entry;

      g_assert_cmpuint (g_list_model_get_n_items (entries), ==, expected);
      if (expected == 0)
        continue;
      entry = stored_entry (stored, s, s == VITAE_SECTION_WORK ? 1 : 0);
      g_assert_cmpstr (vitae_entry_get_text (entry, info->title_field), ==, value);
    }
  {
    VitaeEntry *first = stored_entry (stored, VITAE_SECTION_WORK, 0);
    VitaeEntry *second = stored_entry (stored, VITAE_SECTION_WORK, 1);
    const char * const *highlights = vitae_entry_get_list (second, "highlights");

    g_assert_cmpstr (vitae_entry_get_text (first, "name"), ==, "work two");
    g_assert_cmpstr (vitae_entry_get_text (second, "startDate"), ==, "1843-03");
    g_assert_nonnull (highlights);
    g_assert_cmpstr (highlights[0], ==, "Built the engine");
    g_assert_cmpstr (highlights[1], ==, "Wrote the first program");
    g_assert_null (highlights[2]);
    g_assert_cmpstr (vitae_entry_get_list (stored_entry (stored, VITAE_SECTION_SKILLS, 0), "keywords")[0], ==, "Mathematics");
    g_assert_null (vitae_entry_get_text (stored_entry (stored, VITAE_SECTION_LANGUAGES, 0), "fluency"));
  }
  g_assert_false (vitae_resume_get_section_visible (stored, VITAE_SECTION_REFERENCES));
  g_assert_cmpstr (vitae_resume_get_section_heading (stored, VITAE_SECTION_WORK), ==, "Experience");
}

static void
test_editor_autosaves_and_flushes_on_close (Fixture       *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) stored = NULL;
  VitaeResumeEditor *editor;
  gint64 id, start;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-resume", NULL));
  iterate ();
  editor = vitae_window_get_editor (f->window);
  id = vitae_resume_get_id (vitae_resume_editor_get_resume (editor));

  /* Within the autosave delay, without anything else happening. */
  type_into (editor, "basics", 0, "name", "Grace Hopper");
  g_assert_cmpstr (vitae_resume_editor_get_status (editor), ==, "Saving…");
  start = g_get_monotonic_time ();
  while (g_strcmp0 (vitae_resume_editor_get_status (editor), "Saved") != 0 &&
         g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (vitae_resume_editor_get_status (editor), ==, "Saved");
  stored = vitae_store_load_resume (f->store, id, &error);
  g_assert_cmpstr (vitae_resume_get_candidate_name (stored), ==, "Grace Hopper");
  g_clear_object (&stored);

  /* Going back to the list writes at once. */
  type_into (editor, "basics", 0, "label", "Rear Admiral");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-resume", NULL));
  stored = vitae_store_load_resume (f->store, id, &error);
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (stored), "label"), ==, "Rear Admiral");
}

static void
test_editor_photo (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, 2400, 1800);
  g_autofree char *png_path = g_build_filename (f->dir, "photo.png", NULL);
  g_autofree char *text_path = g_build_filename (f->dir, "notes.png", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) text = g_file_new_for_path (text_path);
  g_autoptr(VitaeResume) stored = NULL;
  VitaeResumeEditor *editor;
  GBytes *photo;
  gint64 id;

  gdk_pixbuf_fill (pixbuf, 0x26a269ff);
  g_assert_true (gdk_pixbuf_save (pixbuf, png_path, "png", &error, NULL));
  g_assert_true (g_file_set_contents (text_path, "not a picture", -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-resume", NULL));
  iterate ();
  editor = vitae_window_get_editor (f->window);
  id = vitae_resume_get_id (vitae_resume_editor_get_resume (editor));

  g_assert_false (vitae_resume_editor_set_photo_file (editor, text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "notes.png"));
  g_clear_error (&error);
  g_assert_null (vitae_resume_get_photo (vitae_resume_editor_get_resume (editor)));

  g_assert_true (vitae_resume_editor_set_photo_file (editor, png, &error));
  g_assert_no_error (error);
  g_assert_true (vitae_resume_editor_flush (editor, &error));
  stored = vitae_store_load_resume (f->store, id, &error);
  photo = vitae_resume_get_photo (stored);
  g_assert_nonnull (photo);
  g_assert_cmpuint (g_bytes_get_size (photo), <=, 1024 * 1024);
  {
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (photo, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 640);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, 480);
  }

  activate (editor, "editor.remove-photo", NULL);
  g_assert_true (vitae_resume_editor_flush (editor, &error));
  g_clear_object (&stored);
  stored = vitae_store_load_resume (f->store, id, &error);
  g_assert_null (vitae_resume_get_photo (stored));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/vitae/ui/editor/fills-every-section", Fixture, NULL,
              fixture_set_up, test_editor_fills_every_section, fixture_tear_down);
  g_test_add ("/vitae/ui/editor/autosaves-and-flushes-on-close", Fixture, NULL,
              fixture_set_up, test_editor_autosaves_and_flushes_on_close, fixture_tear_down);
  g_test_add ("/vitae/ui/editor/photo", Fixture, NULL,
              fixture_set_up, test_editor_photo, fixture_tear_down);

  return g_test_run ();
}
