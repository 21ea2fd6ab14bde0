/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean vitae_gl_renderer_is_software      (const char *renderer);
gboolean vitae_prefer_cairo_on_software_gl  (void);

G_END_DECLS
