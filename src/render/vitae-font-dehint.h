/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *vitae_font_dehint (GBytes *font);

G_END_DECLS
