/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-cli.h"

G_BEGIN_DECLS

/* `vitae import FILE.json` and `vitae export ID --format FORMAT -o OUT`. */
int vitae_cli_import (VitaeCliOptions  *options,
                      int               argc,
                      char            **argv);
int vitae_cli_export (VitaeCliOptions  *options,
                      int               argc,
                      char            **argv);

G_END_DECLS
