/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *vitae_launch_find_app (void);
int   vitae_launch_app      (int    argc,
                             char **argv);

G_END_DECLS
