/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "vitae-render.h"
#include "vitae-render-layout.h"
#include "vitae-render-pdf.h"
#include "vitae-render-private.h"

G_DEFINE_QUARK (vitae-render-error-quark, vitae_render_error)

/**
 * vitae_render_page_size_lookup:
 * @page_size: "a4" or "letter"
 *
 * Returns: %TRUE and the size in points when @page_size is known
 */
gboolean
vitae_render_page_size_lookup (const char *page_size,
                               double     *width,
                               double     *height)
{
  if (g_strcmp0 (page_size, "a4") == 0)
    {
      *width = VITAE_PAGE_A4_WIDTH;
      *height = VITAE_PAGE_A4_HEIGHT;
      return TRUE;
    }
  if (g_strcmp0 (page_size, "letter") == 0)
    {
      *width = VITAE_PAGE_LETTER_WIDTH;
      *height = VITAE_PAGE_LETTER_HEIGHT;
      return TRUE;
    }
  return FALSE;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline_item (const char *title,
                  guint       page,
                  double      x,
                  double      y,
                  gpointer    user_data)
{
  cairo_surface_t *surface = user_data;
  char sx[G_ASCII_DTOSTR_BUF_SIZE], sy[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *link = NULL;

  g_ascii_formatd (sx, sizeof sx, "%.2f", x);
  g_ascii_formatd (sy, sizeof sy, "%.2f", y);
  link = g_strdup_printf ("page=%u pos=[%s %s]", page + 1, sx, sy);
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
}

static char *
format_pdf_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date != NULL)
    utc = g_date_time_to_utc (date);
  else
    utc = g_date_time_new_now_utc ();
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static GBytes *
document_to_pdf (VitaeRenderDocument *self,
                 GDateTime           *creation_date,
                 GError             **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree char *date = format_pdf_date (creation_date);
  g_autofree char *creator = g_strdup_printf ("Vitae %s", PACKAGE_VERSION);
  const char *title, *author, *subject, *keywords;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  vitae_render_document_get_page_size (self, &width, &height);
  vitae_render_document_get_metadata (self, &title, &author, &subject, &keywords);

  surface = cairo_pdf_surface_create_for_stream (write_to_array, buffer, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  cr = cairo_create (surface);
  for (guint page = 0; page < vitae_render_document_get_n_pages (self); page++)
    {
      vitae_render_document_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  /* After the pages: cairo 1.16 resolves an outline's page when it is added. */
  vitae_render_document_foreach_heading (self, add_outline_item, surface);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VITAE_RENDER_ERROR, VITAE_RENDER_ERROR_FAILED,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  if (!vitae_pdf_mark_tagged (buffer))
    g_debug ("The PDF has no structure tree to mark as tagged");
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * vitae_render_document_to_pdf:
 *
 * Returns: (transfer full): the PDF, dated now, or %NULL with @error set
 */
GBytes *
vitae_render_document_to_pdf (VitaeRenderDocument  *self,
                              GError              **error)
{
  g_return_val_if_fail (VITAE_IS_RENDER_DOCUMENT (self), NULL);
  return document_to_pdf (self, NULL, error);
}

/**
 * vitae_render_pdf_full:
 * @n_pages: (out) (optional): the PDF's page count
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
vitae_render_pdf_full (VitaeResume               *resume,
                       const VitaeRenderOptions  *options,
                       guint                     *n_pages,
                       GError                   **error)
{
  g_autoptr(VitaeRenderDocument) document = NULL;
  GBytes *bytes;

  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The document stays on this thread: its layouts may come from, and go
   * to, the thread's layout cache (see vitae-render-layout.c). */
  vitae_layout_cache_begin ();
  document = vitae_render_document_new (resume, options, error);
  vitae_layout_cache_end ();
  if (document == NULL)
    return NULL;
  bytes = document_to_pdf (document, options ? options->creation_date : NULL, error);
  if (bytes != NULL && n_pages != NULL)
    *n_pages = vitae_render_document_get_n_pages (document);
  return bytes;
}

/**
 * vitae_render_pdf:
 * @resume: the resume, or a snapshot of it when called from a worker thread
 * @options: (nullable): overrides: template, page size, creation date
 *
 * Lays @resume out and writes it as a PDF: selectable text, embedded font
 * subsets, links, an outline of the sections, metadata and structure tags.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
vitae_render_pdf (VitaeResume               *resume,
                  const VitaeRenderOptions  *options,
                  GError                   **error)
{
  return vitae_render_pdf_full (resume, options, NULL, error);
}
