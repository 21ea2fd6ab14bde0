/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-render.h"

G_BEGIN_DECLS

typedef void (*VitaeHeadingFunc) (const char *title,
                                  guint       page,
                                  double      x,
                                  double      y,
                                  gpointer    user_data);

void vitae_render_document_foreach_heading (VitaeRenderDocument  *self,
                                            VitaeHeadingFunc      func,
                                            gpointer              user_data);
void vitae_render_document_get_metadata    (VitaeRenderDocument  *self,
                                            const char          **title,
                                            const char          **author,
                                            const char          **subject,
                                            const char          **keywords);

G_END_DECLS
