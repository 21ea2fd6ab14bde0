/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>

#include "vitae-core.h"
#include "vitae-export.h"
#include "vitae-gl-check.h"
#include "vitae-json-resume.h"
#include "vitae-preview.h"
#include "vitae-render.h"
#include "vitae-window.h"

#define WAIT_MS 20000

/* poppler-glib 22.12 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

typedef struct {
  char         *dir;
  VitaeStore   *store;
  VitaeUser    *user;
  VitaeResume  *resume;       /* the sample, stored */
  GtkWindow    *window;       /* a plain window around a preview, or a VitaeWindow */
  VitaePreview *preview;
  GPtrArray    *rendered;     /* PDF text at each "rendered" */
} Fixture;

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  return g_string_free (text, FALSE);
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until the preview has been rendered @count times in all. */
static void
wait_for_rendered (Fixture *f,
                   guint    count)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (WAIT_MS, set_flag_cb, &timed_out);

  while (f->rendered->len < count && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
on_rendered (VitaePreview *preview,
             Fixture      *f)
{
  GBytes *pdf = vitae_preview_get_pdf (preview);

  g_assert_nonnull (pdf);
  g_ptr_array_add (f->rendered, pdf_text (pdf));
}

static void
watch_preview (Fixture      *f,
               VitaePreview *preview)
{
  f->preview = preview;
  g_signal_connect (preview, "rendered", G_CALLBACK (on_rendered), f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "sample.resume.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);

  f->dir = g_dir_make_tmp ("vitae-preview-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  f->user = vitae_store_create_user (f->store, "Ada", "ada@example.com", &error);
  g_assert_no_error (error);

  f->resume = vitae_json_resume_load_file (file, NULL, &error);
  g_assert_no_error (error);
  vitae_resume_set_user_id (f->resume, vitae_user_get_id (f->user));
  vitae_resume_set_title (f->resume, "Backend Engineer");
  g_assert_true (vitae_store_insert_resume (f->store, f->resume, &error));
  g_assert_no_error (error);

  f->rendered = g_ptr_array_new_with_free_func (g_free);

  if (g_strcmp0 (data, "window") == 0)
    {
      f->window = GTK_WINDOW (vitae_window_new (NULL, f->store, NULL));
      gtk_window_set_default_size (f->window, 1200, 800);
      gtk_window_present (f->window);
    }
  else
    {
      f->window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (f->window, 700, 900);
      watch_preview (f, vitae_preview_new ());
      gtk_window_set_child (f->window, GTK_WIDGET (f->preview));
      gtk_window_present (f->window);
    }
  spin (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "vitae.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (f->window);
  spin (50);
  g_clear_pointer (&f->rendered, g_ptr_array_unref);
  g_clear_object (&f->resume);
  g_clear_object (&f->user);
  g_clear_object (&f->store);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static guint
count_events (Fixture    *f,
              const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = vitae_store_list_events (f->store, vitae_resume_get_id (f->resume), &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VitaeEvent) event = g_list_model_get_item (events, i);
      if (g_strcmp0 (vitae_event_get_action (event), action) == 0)
        n++;
    }
  return n;
}

static VitaeResume *
load_stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  VitaeResume *stored = vitae_store_load_resume (f->store, vitae_resume_get_id (f->resume), &error);

  g_assert_no_error (error);
  return stored;
}

static gboolean
texture_has_ink (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize)width * height * 4);
  gsize dark = 0;

  gdk_texture_download (texture, pixels, (gsize)width * 4);
  for (gsize i = 0; i < (gsize)width * height; i++)
    if (pixels[i * 4] < 128 && pixels[i * 4 + 1] < 128 && pixels[i * 4 + 2] < 128)
      dark++;
  /* Text covers a few percent of a page; a blank or black page fails. */
  return dark > (gsize)width * height / 1000 && dark < (gsize)width * height / 2;
}

static void
test_two_pages (Fixture       *f,
                gconstpointer  data)
{
  double zoom;
  int expected_width;

  g_assert_null (vitae_preview_get_pdf (f->preview));
  g_assert_cmpuint (vitae_preview_get_n_pages (f->preview), ==, 0);

  vitae_preview_set_resume (f->preview, f->resume);
  g_assert_null (vitae_preview_get_pdf (f->preview));
  wait_for_rendered (f, 1);

  g_assert_cmpuint (vitae_preview_get_n_pages (f->preview), ==, 2);
  g_assert_null (vitae_preview_get_error (f->preview));
  g_assert_nonnull (strstr (g_ptr_array_index (f->rendered, 0), "Richard Hendriks"));
  for (guint i = 0; i < 2; i++)
    {
      GdkTexture *texture = vitae_preview_get_page_texture (f->preview, i);

      g_assert_true (GDK_IS_MEMORY_TEXTURE (texture));
      g_assert_cmpint (gdk_texture_get_height (texture), >, gdk_texture_get_width (texture));
      g_assert_true (texture_has_ink (texture));
    }
  g_assert_null (vitae_preview_get_page_texture (f->preview, 2));

  /* Fit width by default: once the zoom settles, the textures match it. */
  g_assert_true (vitae_preview_get_fit_width (f->preview));
  spin (400);
  zoom = vitae_preview_get_zoom (f->preview);
  g_assert_cmpfloat (zoom, <, 1.0);
  expected_width = (int)round (VITAE_PAGE_A4_WIDTH * 96.0 / 72.0 * zoom *
                               gtk_widget_get_scale_factor (GTK_WIDGET (f->preview)));
  g_assert_cmpint (gdk_texture_get_width (vitae_preview_get_page_texture (f->preview, 0)), ==, expected_width);
  /* A new zoom draws new textures, not a new PDF. */
  g_assert_cmpuint (f->rendered->len, ==, 1);

  vitae_preview_set_resume (f->preview, NULL);
  g_assert_null (vitae_preview_get_pdf (f->preview));
  g_assert_cmpuint (vitae_preview_get_n_pages (f->preview), ==, 0);
}

static void
test_zoom (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (f->preview);
  int scale = gtk_widget_get_scale_factor (widget);

  vitae_preview_set_resume (f->preview, f->resume);
  wait_for_rendered (f, 1);

  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-100", NULL));
  g_assert_false (vitae_preview_get_fit_width (f->preview));
  g_assert_cmpfloat_with_epsilon (vitae_preview_get_zoom (f->preview), 1.0, 1e-9);
  spin (400);
  g_assert_cmpint (gdk_texture_get_width (vitae_preview_get_page_texture (f->preview, 0)), ==,
                   (int)round (VITAE_PAGE_A4_WIDTH * 96.0 / 72.0 * scale));

  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (vitae_preview_get_zoom (f->preview), 1.1, 1e-9);
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (vitae_preview_get_zoom (f->preview), 0.9, 1e-9);
  for (guint i = 0; i < 30; i++)
    gtk_widget_activate_action (widget, "preview.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (vitae_preview_get_zoom (f->preview), 0.25, 1e-9);

  g_assert_true (gtk_widget_activate_action (widget, "preview.zoom-fit", NULL));
  g_assert_true (vitae_preview_get_fit_width (f->preview));
  spin (400);
  g_assert_cmpfloat (vitae_preview_get_zoom (f->preview), >, 0.25);
  g_assert_cmpuint (f->rendered->len, ==, 1);
}

/* After an edit the page in view is drawn first and shown with the other
 * pages' previous textures; those follow a page's time later, and then every
 * page shows the new PDF. The first render draws every page at once. */
static void
test_page_in_view_first (Fixture       *f,
                         gconstpointer  data)
{
  VitaeEntry *basics = vitae_resume_get_basics (f->resume);
  g_autoptr(GdkTexture) old_first = NULL;
  g_autoptr(GdkTexture) old_second = NULL;
  gboolean timed_out = FALSE;
  guint timeout;

  vitae_preview_set_resume (f->preview, f->resume);
  wait_for_rendered (f, 1);
  spin (400);   /* the zoom settles, and the textures with it */
  g_assert_cmpuint (vitae_preview_get_n_pages (f->preview), ==, 2);
  g_assert_nonnull (vitae_preview_get_page_texture (f->preview, 1));
  old_first = g_object_ref (vitae_preview_get_page_texture (f->preview, 0));
  old_second = g_object_ref (vitae_preview_get_page_texture (f->preview, 1));

  vitae_entry_set_text (basics, "label", "Chief Wizard");
  wait_for_rendered (f, 2);
  g_assert_true (vitae_preview_get_page_texture (f->preview, 0) != old_first);

  timeout = g_timeout_add (5000, set_flag_cb, &timed_out);
  while (vitae_preview_get_page_texture (f->preview, 1) == old_second && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_false (timed_out);
  g_assert_true (texture_has_ink (vitae_preview_get_page_texture (f->preview, 1)));
  g_assert_cmpuint (f->rendered->len, ==, 2);
}

static void
test_edits (Fixture       *f,
            gconstpointer  data)
{
  VitaeEntry *basics = vitae_resume_get_basics (f->resume);

  vitae_preview_set_resume (f->preview, f->resume);
  wait_for_rendered (f, 1);
  g_assert_null (strstr (g_ptr_array_index (f->rendered, 0), "Chief Wizard"));

  /* One edit, one new render that shows it. */
  vitae_entry_set_text (basics, "label", "Chief Wizard");
  wait_for_rendered (f, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (f->rendered, 1), "Chief Wizard"));

  /* Typing: edits closer together than the delay render once, at the end. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *label = g_strdup_printf ("Typing%02u", i);
      vitae_entry_set_text (basics, "label", label);
      spin (10);
    }
  wait_for_rendered (f, 3);
  spin (600);
  g_assert_cmpuint (f->rendered->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (f->rendered, 2), "Typing19"));
  g_assert_null (strstr (g_ptr_array_index (f->rendered, 2), "Typing18"));
}

static int
cancel_number (const char *text)
{
  const char *found = strstr (text, "Cancel");

  g_assert_nonnull (found);
  return atoi (found + strlen ("Cancel"));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  VitaeEntry *basics = vitae_resume_get_basics (f->resume);
  guint first;

  vitae_preview_set_resume (f->preview, f->resume);
  wait_for_rendered (f, 1);
  first = f->rendered->len;

  /* No delay: every edit starts a render at once, and the next edit
   * cancels it while it runs. */
  vitae_preview_set_delay (f->preview, 0);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *label = g_strdup_printf ("Cancel%02u", i);

      vitae_entry_set_text (basics, "label", label);
      /* Start its render, without waiting for it. */
      for (guint j = 0; j < 3; j++)
        g_main_context_iteration (NULL, FALSE);
    }
  wait_for_rendered (f, first + 1);
  spin (800);

  /* Fewer renders reached the screen than were started, none of them
   * older than one shown before it, and the last shows the last edit. */
  g_test_message ("%u of 20 renders reached the screen", f->rendered->len - first);
  g_assert_cmpuint (f->rendered->len - first, <, 20);
  for (guint i = first + 1; i < f->rendered->len; i++)
    g_assert_cmpint (cancel_number (g_ptr_array_index (f->rendered, i - 1)), <,
                     cancel_number (g_ptr_array_index (f->rendered, i)));
  g_assert_cmpint (cancel_number (g_ptr_array_index (f->rendered, f->rendered->len - 1)), ==, 19);
}

static void
test_bytes_match_render (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 5, 17, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) snapshot = NULL;
  g_autoptr(GBytes) expected = NULL;
  VitaeRenderOptions options = { .creation_date = date };

  vitae_preview_set_creation_date (f->preview, date);
  g_assert_true (vitae_preview_get_creation_date (f->preview) == date);
  vitae_preview_set_resume (f->preview, f->resume);
  wait_for_rendered (f, 1);

  snapshot = vitae_resume_copy (f->resume);
  expected = vitae_render_pdf (snapshot, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vitae_preview_get_pdf (f->preview));
  g_assert_cmpuint (g_bytes_get_size (vitae_preview_get_pdf (f->preview)), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (vitae_preview_get_pdf (f->preview), expected));
}

static void
open_in_window (Fixture *f)
{
  VitaeWindow *window = VITAE_WINDOW (f->window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-resume", "x",
                                             vitae_resume_get_id (f->resume)));
  g_assert_cmpstr (vitae_window_get_visible_page (window), ==, "resume");
  g_assert_nonnull (vitae_window_get_preview (window));
  watch_preview (f, vitae_window_get_preview (window));
  g_assert_true (vitae_preview_get_resume (f->preview) == vitae_window_get_open_resume (window));
}

static void
test_window_view_event (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(VitaeResume) stored = NULL;

  g_assert_cmpuint (count_events (f, VITAE_EVENT_VIEW), ==, 0);
  open_in_window (f);
  wait_for_rendered (f, 1);
  spin (50);
  g_assert_cmpuint (count_events (f, VITAE_EVENT_VIEW), ==, 1);

  /* Edits render again, but the opening is counted once. */
  vitae_entry_set_text (vitae_resume_get_basics (vitae_window_get_open_resume (VITAE_WINDOW (f->window))),
                        "label", "Chief Wizard");
  wait_for_rendered (f, 2);
  g_assert_cmpuint (count_events (f, VITAE_EVENT_VIEW), ==, 1);
  stored = load_stored (f);
  g_assert_cmpint (vitae_resume_get_view_count (stored), ==, 1);

  /* Back to the list and open again: a second view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-resume", NULL));
  g_assert_null (vitae_window_get_preview (VITAE_WINDOW (f->window)));
  g_ptr_array_set_size (f->rendered, 0);
  open_in_window (f);
  wait_for_rendered (f, 1);
  spin (50);
  g_assert_cmpuint (count_events (f, VITAE_EVENT_VIEW), ==, 2);
}

static void
on_print_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  int *state = user_data;

  *state = vitae_export_print_finish (result, &error) ? 1 : -1;
  g_assert_no_error (error);
}

static void
test_window_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 5, 17, 9, 30, 0);
  g_autofree char *path = g_build_filename (f->dir, "export.pdf", NULL);
  g_autofree char *printed_path = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) printed = g_file_new_for_path (printed_path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(VitaeResume) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gboolean timed_out = FALSE;
  guint timeout;
  VitaeResume *open;
  int print_state = 0;

  open_in_window (f);
  vitae_preview_set_creation_date (f->preview, date);
  wait_for_rendered (f, 1);
  open = vitae_window_get_open_resume (VITAE_WINDOW (f->window));

  name = vitae_export_pdf_file_name (open);
  g_assert_cmpstr (name, ==, "Richard Hendriks — Backend Engineer.pdf");

  /* What Export PDF does after the file chooser. */
  vitae_window_export_pdf (VITAE_WINDOW (f->window), file);
  timeout = g_timeout_add (WAIT_MS, set_flag_cb, &timed_out);
  while (count_events (f, VITAE_EVENT_DOWNLOAD) == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  written = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (written, vitae_preview_get_pdf (f->preview)));
  stored = load_stored (f);
  g_assert_cmpint (vitae_resume_get_download_count (stored), ==, 1);
  g_assert_cmpint (vitae_resume_get_download_count (open), ==, 1);
  g_assert_cmpuint (count_events (f, VITAE_EVENT_DOWNLOAD), ==, 1);

  /* Print, into a file instead of the dialog: the same pages, and a print event. */
  vitae_export_print_async (f->window, f->store, open, printed, NULL, on_print_done, &print_state);
  timed_out = FALSE;
  timeout = g_timeout_add (WAIT_MS, set_flag_cb, &timed_out);
  while (print_state == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_cmpint (print_state, ==, 1);
  g_clear_pointer (&written, g_bytes_unref);
  written = g_file_load_bytes (printed, NULL, NULL, &error);
  g_assert_no_error (error);
  text = pdf_text (written);
  g_assert_nonnull (strstr (text, "Richard Hendriks"));
  {
    g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (written, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  }
  g_assert_cmpuint (count_events (f, VITAE_EVENT_PRINT), ==, 1);
  g_clear_object (&stored);
  stored = load_stored (f);
  g_assert_cmpint (vitae_resume_get_download_count (stored), ==, 1);

  g_unlink (path);
  g_unlink (printed_path);
}

static void
test_file_name (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  g_autofree char *empty = vitae_export_pdf_file_name (resume);
  g_autofree char *title_only = NULL;
  g_autofree char *both = NULL;
  g_autofree char *unsafe = NULL;
  g_autofree char *same = NULL;
  g_autofree char *named_title = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *long_name = NULL;
  GString *many = g_string_new (NULL);

  g_assert_cmpstr (empty, ==, "Resume.pdf");

  vitae_resume_set_title (resume, "Backend Engineer");
  title_only = vitae_export_pdf_file_name (resume);
  g_assert_cmpstr (title_only, ==, "Backend Engineer.pdf");

  vitae_entry_set_text (basics, "name", "Ada Lovelace");
  both = vitae_export_pdf_file_name (resume);
  g_assert_cmpstr (both, ==, "Ada Lovelace — Backend Engineer.pdf");

  vitae_entry_set_text (basics, "name", "  Zoë  O/Brien\t");
  vitae_resume_set_title (resume, "R&D: \"Lead\" <2024>?");
  unsafe = vitae_export_pdf_file_name (resume);
  g_assert_cmpstr (unsafe, ==, "Zoë O Brien — R&D Lead 2024.pdf");

  vitae_entry_set_text (basics, "name", "Ada Lovelace");
  vitae_resume_set_title (resume, "Ada Lovelace");
  same = vitae_export_pdf_file_name (resume);
  g_assert_cmpstr (same, ==, "Ada Lovelace.pdf");

  /* The imported sample is titled after its candidate already. */
  vitae_resume_set_title (resume, "ada lovelace — Programmer");
  named_title = vitae_export_pdf_file_name (resume);
  g_assert_cmpstr (named_title, ==, "ada lovelace — Programmer.pdf");

  vitae_entry_set_text (basics, "name", "");
  vitae_resume_set_title (resume, "..profile");
  hidden = vitae_export_pdf_file_name (resume);
  g_assert_cmpstr (hidden, ==, "profile.pdf");

  for (guint i = 0; i < 100; i++)
    g_string_append (many, "日本");
  vitae_resume_set_title (resume, many->str);
  long_name = vitae_export_pdf_file_name (resume);
  g_assert_true (g_utf8_validate (long_name, -1, NULL));
  g_assert_cmpuint (strlen (long_name), <=, 204);
  g_assert_true (g_str_has_suffix (long_name, "本.pdf") || g_str_has_suffix (long_name, "日.pdf"));
  g_string_free (many, TRUE);
}

static void
test_software_gl_names (void)
{
  const char *software[] = {
    "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Software Rasterizer", "Mesa X11 swrast", NULL,
  };
  const char *hardware[] = {
    "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)",
    "NVIDIA GeForce GTX 1060 6GB/PCIe/SSE2", "virgl (Apple M1)", "SVGA3D; build: RELEASE; LLVM;", NULL,
  };

  for (guint i = 0; software[i] != NULL; i++)
    g_assert_true (vitae_gl_renderer_is_software (software[i]));
  for (guint i = 0; hardware[i] != NULL; i++)
    g_assert_false (vitae_gl_renderer_is_software (hardware[i]));
  g_assert_false (vitae_gl_renderer_is_software (NULL));
}

/* In a child: GTK reads GSK_RENDERER once, when the first window gets its
 * renderer. */
static void
software_gl_child (const char *renderer_env)
{
  GtkWidget *window;
  GskRenderer *renderer;
  gboolean chose_cairo;

  if (renderer_env != NULL)
    g_setenv ("GSK_RENDERER", renderer_env, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  chose_cairo = vitae_prefer_cairo_on_software_gl ();
  g_print ("chose cairo: %d\n", chose_cairo);

  window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_realized (window))
    g_main_context_iteration (NULL, TRUE);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_print ("renderer: %s\n", G_OBJECT_TYPE_NAME (renderer));

  if (renderer_env != NULL)
    {
      /* Somebody's choice stands. */
      g_assert_false (chose_cairo);
      g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, renderer_env);
    }
  else if (chose_cairo)
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  else
    g_assert_null (g_getenv ("GSK_RENDERER"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_software_gl_renderer (void)
{
  if (g_test_subprocess ())
    {
      software_gl_child (g_getenv ("VITAE_TEST_GSK_RENDERER"));
      return;
    }

  /* Whatever this machine's OpenGL is, the window uses what the probe chose
   * (under Xvfb it is llvmpipe: the cairo renderer). */
  g_unsetenv ("VITAE_TEST_GSK_RENDERER");
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*renderer: Gsk*");

  g_setenv ("VITAE_TEST_GSK_RENDERER", "gl", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*chose cairo: 0*");
  g_unsetenv ("VITAE_TEST_GSK_RENDERER");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/vitae/ui/preview/two-pages", Fixture, NULL,
              fixture_set_up, test_two_pages, fixture_tear_down);
  g_test_add ("/vitae/ui/preview/zoom", Fixture, NULL,
              fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/vitae/ui/preview/edits", Fixture, NULL,
              fixture_set_up, test_edits, fixture_tear_down);
  g_test_add ("/vitae/ui/preview/page-in-view-first", Fixture, NULL,
              fixture_set_up, test_page_in_view_first, fixture_tear_down);
  g_test_add ("/vitae/ui/preview/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/vitae/ui/preview/bytes-match-render", Fixture, NULL,
              fixture_set_up, test_bytes_match_render, fixture_tear_down);
  g_test_add ("/vitae/ui/preview/window-view-event", Fixture, "window",
              fixture_set_up, test_window_view_event, fixture_tear_down);
  g_test_add ("/vitae/ui/preview/window-export-print", Fixture, "window",
              fixture_set_up, test_window_export, fixture_tear_down);
  g_test_add_func ("/vitae/ui/preview/file-name", test_file_name);
  g_test_add_func ("/vitae/ui/preview/software-gl-names", test_software_gl_names);
  g_test_add_func ("/vitae/ui/preview/software-gl-renderer", test_software_gl_renderer);

  return g_test_run ();
}
