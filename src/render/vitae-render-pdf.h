/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean vitae_pdf_mark_tagged (GByteArray *pdf);

G_END_DECLS
