/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-cli.h"

G_BEGIN_DECLS

/* `vitae search QUERY` and `vitae stats [ID] [--json]`. */
int vitae_cli_search (VitaeCliOptions  *options,
                      int               argc,
                      char            **argv);
int vitae_cli_stats  (VitaeCliOptions  *options,
                      int               argc,
                      char            **argv);

G_END_DECLS
