/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Pixels a point takes at 100 %: 96 pixels an inch, 72 points an inch. */
#define VITAE_PREVIEW_PIXELS_PER_POINT (96.0 / 72.0)

#define VITAE_TYPE_PREVIEW_PAGES (vitae_preview_pages_get_type ())
G_DECLARE_FINAL_TYPE (VitaePreviewPages, vitae_preview_pages, VITAE, PREVIEW_PAGES, GtkWidget)

GtkWidget  *vitae_preview_pages_new           (void);
void        vitae_preview_pages_set_pages     (VitaePreviewPages *self,
                                               double             page_width,
                                               double             page_height,
                                               GPtrArray         *textures);
void        vitae_preview_pages_set_textures  (VitaePreviewPages *self,
                                               GPtrArray         *textures);
guint       vitae_preview_pages_get_n_pages   (VitaePreviewPages *self);
GdkTexture *vitae_preview_pages_get_texture   (VitaePreviewPages *self,
                                               guint              page);
gboolean    vitae_preview_pages_get_fit_width (VitaePreviewPages *self);
void        vitae_preview_pages_set_fit_width (VitaePreviewPages *self,
                                               gboolean           fit_width);
double      vitae_preview_pages_get_zoom      (VitaePreviewPages *self);
void        vitae_preview_pages_attach_surface (GdkTexture       *texture,
                                                cairo_surface_t  *surface);
void        vitae_preview_pages_set_zoom      (VitaePreviewPages *self,
                                               double             zoom);

G_END_DECLS
