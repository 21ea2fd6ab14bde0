/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-cli.h"

G_BEGIN_DECLS

/* Version history: `vitae versions ID`, `vitae version-save ID LABEL`,
 * `vitae version-show VERSION_ID [--format json|txt|md]`,
 * `vitae version-restore VERSION_ID`, `vitae version-delete VERSION_ID`. */
int vitae_cli_versions        (VitaeCliOptions  *options,
                               int               argc,
                               char            **argv);
int vitae_cli_version_save    (VitaeCliOptions  *options,
                               int               argc,
                               char            **argv);
int vitae_cli_version_show    (VitaeCliOptions  *options,
                               int               argc,
                               char            **argv);
int vitae_cli_version_restore (VitaeCliOptions  *options,
                               int               argc,
                               char            **argv);
int vitae_cli_version_delete  (VitaeCliOptions  *options,
                               int               argc,
                               char            **argv);

/* Backups of the whole database: `vitae backup [FILE]`, `vitae restore FILE`. */
int vitae_cli_backup          (VitaeCliOptions  *options,
                               int               argc,
                               char            **argv);
int vitae_cli_restore         (VitaeCliOptions  *options,
                               int               argc,
                               char            **argv);

G_END_DECLS
