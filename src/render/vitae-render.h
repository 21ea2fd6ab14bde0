/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "vitae-resume.h"
#include "vitae-template.h"

G_BEGIN_DECLS

#define VITAE_RENDER_ERROR (vitae_render_error_quark ())

typedef enum {
  VITAE_RENDER_ERROR_TEMPLATE,    /* no template has that id */
  VITAE_RENDER_ERROR_PAGE_SIZE,   /* neither "a4" nor "letter" */
  VITAE_RENDER_ERROR_FAILED,      /* cairo could not write the PDF */
} VitaeRenderError;

#define VITAE_PAGE_A4_WIDTH      595.28
#define VITAE_PAGE_A4_HEIGHT     841.89
#define VITAE_PAGE_LETTER_WIDTH  612.0
#define VITAE_PAGE_LETTER_HEIGHT 792.0

/**
 * VitaeRenderOptions:
 * @template_id: (nullable): a template id, or %NULL for the resume's own
 * @page_size: (nullable): "a4" or "letter", or %NULL for the resume's own
 * @creation_date: (nullable): the PDF's creation date; %NULL means now.
 *   A fixed date makes two renders of one resume byte-identical.
 *
 * Zero-initialise it, then set what you need.
 */
typedef struct {
  const char *template_id;
  const char *page_size;
  GDateTime  *creation_date;
} VitaeRenderOptions;

#define VITAE_TYPE_RENDER_DOCUMENT (vitae_render_document_get_type ())
G_DECLARE_FINAL_TYPE (VitaeRenderDocument, vitae_render_document, VITAE, RENDER_DOCUMENT, GObject)

GQuark               vitae_render_error_quark              (void);
void                 vitae_render_set_headless             (void);

gboolean             vitae_render_page_size_lookup         (const char          *page_size,
                                                            double              *width,
                                                            double              *height);

/* A laid-out resume: its pages, ready to draw. Lay out on any thread, from a
 * snapshot (vitae_resume_copy()); then use the document from one thread at a time. */
VitaeRenderDocument *vitae_render_document_new             (VitaeResume               *resume,
                                                            const VitaeRenderOptions  *options,
                                                            GError                   **error);
guint                vitae_render_document_get_n_pages     (VitaeRenderDocument       *self);
void                 vitae_render_document_get_page_size   (VitaeRenderDocument       *self,
                                                            double                    *width,
                                                            double                    *height);
const VitaeTemplate *vitae_render_document_get_template    (VitaeRenderDocument       *self);
/* Draws page @page (from 0) in points, the page's top left at the origin of
 * @cr's user space; scale @cr first to draw at another size (printing). */
void                 vitae_render_document_draw_page       (VitaeRenderDocument       *self,
                                                            cairo_t                   *cr,
                                                            guint                      page);
GBytes              *vitae_render_document_to_pdf          (VitaeRenderDocument       *self,
                                                            GError                   **error);

/* Lays out and writes the PDF in one call. */
GBytes              *vitae_render_pdf                      (VitaeResume               *resume,
                                                            const VitaeRenderOptions  *options,
                                                            GError                   **error);
GBytes              *vitae_render_pdf_full                 (VitaeResume               *resume,
                                                            const VitaeRenderOptions  *options,
                                                            guint                     *n_pages,
                                                            GError                   **error);
/* Forgets the layouts vitae_render_pdf() keeps on this thread for the next
 * render (benchmarks: a render with nothing reused). */
void                 vitae_render_forget_layouts           (void);

G_END_DECLS
