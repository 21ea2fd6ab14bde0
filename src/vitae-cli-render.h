/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-cli.h"

G_BEGIN_DECLS

/* `vitae render FILE.json -o OUT.pdf [--template ID] [--page-size a4|letter]`
 * and `vitae render --list-templates`: no database, no display. */
int vitae_cli_render (VitaeCliOptions  *options,
                      int               argc,
                      char            **argv);

G_END_DECLS
