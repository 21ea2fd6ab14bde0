/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *vitae_image_load_scaled (GFile       *file,
                                 int          max_size,
                                 const char  *format,
                                 GError     **error);

G_END_DECLS
