/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Running the real `vitae` binary ($VITAE_BINARY) as a user would, for the
 * tests of the headless commands. */

typedef struct {
  int   status;   /* the exit status */
  char *out;
  char *err;
} CliResult;

void cli_result_clear (CliResult  *r);
void cli_run_vitae    (CliResult  *r,
                       const char *data_dir,
                       ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
