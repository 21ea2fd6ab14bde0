/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

PangoFontMap *vitae_render_get_font_map              (gboolean     all_fonts);
gboolean      vitae_render_layout_has_missing_glyphs (PangoLayout *layout);

G_END_DECLS
