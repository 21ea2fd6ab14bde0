/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vitae-resume.h"

G_BEGIN_DECLS

#define VITAE_TYPE_PREVIEW (vitae_preview_get_type ())
G_DECLARE_FINAL_TYPE (VitaePreview, vitae_preview, VITAE, PREVIEW, GtkWidget)

VitaePreview *vitae_preview_new                (void);
VitaeResume  *vitae_preview_get_resume         (VitaePreview *self);
void          vitae_preview_set_resume         (VitaePreview *self,
                                                VitaeResume  *resume);
GDateTime    *vitae_preview_get_creation_date  (VitaePreview *self);
void          vitae_preview_set_creation_date  (VitaePreview *self,
                                                GDateTime    *creation_date);
guint         vitae_preview_get_delay          (VitaePreview *self);
void          vitae_preview_set_delay          (VitaePreview *self,
                                                guint         delay_ms);
GBytes       *vitae_preview_get_pdf            (VitaePreview *self);
guint         vitae_preview_get_n_pages        (VitaePreview *self);
GdkTexture   *vitae_preview_get_page_texture   (VitaePreview *self,
                                                guint         page);
const char   *vitae_preview_get_error          (VitaePreview *self);
double        vitae_preview_get_zoom           (VitaePreview *self);
gboolean      vitae_preview_get_fit_width      (VitaePreview *self);

G_END_DECLS
