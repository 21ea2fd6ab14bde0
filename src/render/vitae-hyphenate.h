/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *vitae_hyphenation_language (void);
void        vitae_hyphenation_preload  (void);
char       *vitae_hyphenate            (const char *text,
                                        const char *language);

G_END_DECLS
