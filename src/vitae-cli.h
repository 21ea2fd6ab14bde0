/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-core.h"

G_BEGIN_DECLS

/* Exit codes of every headless command. */
#define VITAE_EXIT_OK    0
#define VITAE_EXIT_ERROR 1
#define VITAE_EXIT_USAGE 2

typedef struct {
  char *data_dir;   /* --data-dir, or NULL */
  char *profile;    /* --profile NAME|ID, or NULL */
} VitaeCliOptions;

typedef int (*VitaeCliCommandFunc) (VitaeCliOptions  *options,
                                    int               argc,
                                    char            **argv);

typedef struct {
  const char          *name;
  const char          *parameters;   /* shown in --help, e.g. "TITLE" */
  const char          *summary;      /* N_() marked */
  VitaeCliCommandFunc  run;          /* NULL: only vitae-app runs it */
} VitaeCliCommand;

gboolean    vitae_cli_wants_headless (int               argc,
                                      char            **argv);
int         vitae_cli_run            (int               argc,
                                      char            **argv);

/* For commands: open the database and pick the profile (created from the OS
 * user's real name when there is none yet). */
VitaeStore *vitae_cli_open_store     (VitaeCliOptions  *options,
                                      VitaeUser       **user,
                                      GError          **error);
int         vitae_cli_fail           (GError           *error);
int         vitae_cli_usage          (const char       *command,
                                      const char       *message);
gboolean    vitae_cli_parse_id       (const char       *text,
                                      gint64           *id);
VitaeResume *vitae_cli_load_own_resume (VitaeStore     *store,
                                      VitaeUser        *user,
                                      gint64            id,
                                      GError          **error);

G_END_DECLS
