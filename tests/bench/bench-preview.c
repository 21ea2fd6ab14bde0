/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "vitae-core.h"
#include "vitae-gl-check.h"
#include "vitae-json-resume.h"
#include "vitae-preview.h"
#include "vitae-window.h"

/* Keystroke to preview: in a real window, a field of the open resume changes
 * through the model, as the editor changes it, and the clock runs until the
 * preview's "rendered" signal, emitted after the frame that first draws the
 * new pages. The figures include the preview's delay (the debounce); they
 * are also given without it. Needs a display: run under xvfb-run. */

#define DEFAULT_SAMPLES 60
#define WARM_UP         3
#define TIMEOUT_MS      10000

static guint  rendered_count;
static gint64 rendered_at;

static void
on_rendered (VitaePreview *preview,
             gpointer      user_data)
{
  rendered_count++;
  rendered_at = g_get_monotonic_time ();
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wait_for_rendered (guint count)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (TIMEOUT_MS, set_flag_cb, &timed_out);

  while (rendered_count < count && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double
median (const double *sorted,
        guint         n)
{
  return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/* Nearest rank. */
static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank = (guint)MAX (1.0, (p * n) + 0.999999);

  return sorted[MIN (rank, n) - 1];
}

/* Edits a field @samples times (after a few warm-up edits); each sample
 * runs from the edit to the next "rendered". Returns them sorted. */
static void
measure (VitaeEntry *basics,
         guint       samples,
         double     *out)
{
  for (guint i = 0; i < WARM_UP + samples; i++)
    {
      g_autofree char *label = g_strdup_printf ("Programmer, take %u", i);
      guint before = rendered_count;
      gint64 start = g_get_monotonic_time ();

      vitae_entry_set_text (basics, "label", label);
      if (!wait_for_rendered (before + 1))
        g_error ("edit %u never reached the screen", i);
      if (i >= WARM_UP)
        out[i - WARM_UP] = (rendered_at - start) / 1000.0;
      /* A pause, as between two words. */
      spin (30);
    }
  qsort (out, samples, sizeof (double), compare_doubles);
}

static void
report (const char   *what,
        const double *sorted,
        guint         n,
        guint         delay)
{
  g_print ("  %s, with the %u ms delay:  median %6.1f ms   p95 %6.1f ms   min %6.1f ms   max %6.1f ms\n",
           what, delay, median (sorted, n), percentile (sorted, n, 0.95), sorted[0], sorted[n - 1]);
  g_print ("  %s, after the delay:       median %6.1f ms   p95 %6.1f ms   min %6.1f ms   max %6.1f ms\n",
           what, median (sorted, n) - delay, percentile (sorted, n, 0.95) - delay,
           sorted[0] - delay, sorted[n - 1] - delay);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autoptr(VitaeResume) offscreen_resume = NULL;
  g_autofree double *on_screen = NULL;
  g_autofree double *off_screen = NULL;
  VitaeWindow *window;
  VitaePreview *preview;
  VitaePreview *offscreen;
  VitaeEntry *basics;
  guint samples = DEFAULT_SAMPLES;
  guint delay;

  if (argc < 2)
    {
      g_printerr ("usage: %s RESUME.json [SAMPLES]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    samples = (guint)MAX (1, atoi (argv[2]));
  if (!gtk_init_check ())
    {
      g_printerr ("bench-preview needs a display: run it under xvfb-run\n");
      return 77;
    }
  /* As vitae's main() does: GTK's cairo renderer where OpenGL is software. */
  if (vitae_prefer_cairo_on_software_gl ())
    g_print ("OpenGL is a software rasteriser here: the cairo renderer draws (as in the app)\n");
  adw_init ();

  dir = g_dir_make_tmp ("vitae-bench-preview-XXXXXX", &error);
  db = g_build_filename (dir, "vitae.db", NULL);
  store = vitae_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  user = vitae_store_create_user (store, "Bench", NULL, &error);
  file = g_file_new_for_commandline_arg (argv[1]);
  resume = vitae_json_resume_load_file (file, NULL, &error);
  if (user == NULL || resume == NULL)
    g_error ("%s", error->message);
  vitae_resume_set_user_id (resume, vitae_user_get_id (user));
  if (!vitae_store_insert_resume (store, resume, &error))
    g_error ("%s", error->message);

  window = vitae_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-resume", "x", vitae_resume_get_id (resume));
  preview = vitae_window_get_preview (window);
  if (preview == NULL)
    g_error ("the window shows no preview");
  g_signal_connect (preview, "rendered", G_CALLBACK (on_rendered), NULL);
  if (!wait_for_rendered (1))
    g_error ("the preview never rendered");
  spin (500);

  /* The resume the window opened, not our copy: the one the editor edits. */
  basics = vitae_resume_get_basics (vitae_window_get_open_resume (window));
  delay = vitae_preview_get_delay (preview);
  on_screen = g_new (double, samples);
  off_screen = g_new (double, samples);
  g_print ("keystroke → preview on screen, %u samples, %u page(s), %s, scale %d\n",
           samples, vitae_preview_get_n_pages (preview),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           gtk_widget_get_scale_factor (GTK_WIDGET (window)));
  measure (basics, samples, on_screen);
  report ("in the window", on_screen, samples, delay);

  /* The same without painting: a preview that is on no screen says
   * "rendered" as soon as its textures are ready. What is left between the
   * two is the frame that draws them. */
  gtk_window_destroy (GTK_WINDOW (window));
  spin (200);
  offscreen_resume = vitae_resume_copy (resume);
  offscreen = g_object_ref_sink (vitae_preview_new ());
  g_signal_connect (offscreen, "rendered", G_CALLBACK (on_rendered), NULL);
  vitae_preview_set_resume (offscreen, offscreen_resume);
  if (!wait_for_rendered (rendered_count + 1))
    g_error ("the preview never rendered");
  measure (vitae_resume_get_basics (offscreen_resume), samples, off_screen);
  report ("off screen", off_screen, samples, delay);
  g_print ("  drawing the frame:     median %6.1f ms\n",
           median (on_screen, samples) - median (off_screen, samples));
  vitae_preview_set_resume (offscreen, NULL);
  g_clear_object (&offscreen);

  spin (100);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return 0;
}
