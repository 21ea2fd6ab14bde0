/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "vitae-json-resume.h"
#include "vitae-render.h"

/* In-process layout and PDF of a sample resume: the median of many runs,
 * after one cold run that pays for fontconfig and font loading. Four
 * figures a template, each run measuring them one after the other so that
 * this machine's changes of speed touch them alike:
 *   layout        vitae_render_document_new(): shaping and pagination on
 *                 the calling thread, no cache
 *   layout+PDF    that document written as a PDF: nothing reused from an
 *                 earlier run but loaded fonts, one thread
 *   uncached      vitae_render_pdf() after vitae_render_forget_layouts(),
 *                 as the app and `vitae render` render: nothing reused but
 *                 loaded fonts, paragraphs laid out on two threads when
 *                 the machine has two processors
 *   re-render     vitae_render_pdf() of the same resume again, as the
 *                 preview renders after an edit: paragraphs come from the
 *                 layout cache (an edit reshapes the one it changed) */

#define DEFAULT_RUNS 100

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (1700000000);
  guint runs = DEFAULT_RUNS;
  guint n_templates = 0;
  const VitaeTemplate *templates = vitae_template_get_all (&n_templates);

  if (argc < 2)
    {
      g_printerr ("usage: %s RESUME.json [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc > 2)
    runs = (guint)MAX (1, atoi (argv[2]));

  file = g_file_new_for_commandline_arg (argv[1]);
  resume = vitae_json_resume_load_file (file, NULL, &error);
  if (resume == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint t = 0; t < n_templates; t++)
    {
      VitaeRenderOptions options = { templates[t].id, NULL, date };
      g_autofree double *layout_ms = g_new (double, runs);
      g_autofree double *total_ms = g_new (double, runs);
      g_autofree double *cached_ms = g_new (double, runs);
      g_autofree double *fresh_ms = g_new (double, runs);
      gint64 start = g_get_monotonic_time ();
      gsize size = 0;
      guint pages = 0;
      GBytes *pdf = vitae_render_pdf_full (resume, &options, &pages, &error);
      double cold_ms = (g_get_monotonic_time () - start) / 1000.0;

      if (pdf == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_bytes_unref (pdf);

      for (guint i = 0; i < runs; i++)
        {
          g_autoptr(VitaeRenderDocument) document = NULL;
          gint64 t0 = g_get_monotonic_time ();

          document = vitae_render_document_new (resume, &options, NULL);
          layout_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
          pdf = vitae_render_document_to_pdf (document, NULL);
          total_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
          g_bytes_unref (pdf);

          vitae_render_forget_layouts ();
          t0 = g_get_monotonic_time ();
          pdf = vitae_render_pdf (resume, &options, NULL);
          fresh_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
          g_bytes_unref (pdf);

          t0 = g_get_monotonic_time ();
          pdf = vitae_render_pdf (resume, &options, NULL);
          cached_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
          size = g_bytes_get_size (pdf);
          g_bytes_unref (pdf);
        }

      g_print ("%-8s layout %5.2f ms  layout+PDF %5.2f ms  uncached %5.2f ms  re-render %5.2f ms (medians of %u; cold %.1f ms)  %u page(s), %" G_GSIZE_FORMAT " bytes\n",
               templates[t].id, median (layout_ms, runs), median (total_ms, runs), median (fresh_ms, runs),
               median (cached_ms, runs), runs, cold_ms, pages, size);
    }
  return 0;
}
