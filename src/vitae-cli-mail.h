/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-cli.h"

G_BEGIN_DECLS

/* `vitae email-setup …`, `vitae send ID --to ADDR` and `vitae outbox`. */
int vitae_cli_email_setup (VitaeCliOptions  *options,
                           int               argc,
                           char            **argv);
int vitae_cli_send        (VitaeCliOptions  *options,
                           int               argc,
                           char            **argv);
int vitae_cli_outbox      (VitaeCliOptions  *options,
                           int               argc,
                           char            **argv);

G_END_DECLS
