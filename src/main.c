/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "vitae-application.h"
#include "vitae-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(VitaeApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* VITAE_LOCALEDIR: the build folder's translations, for uninstalled runs and tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("VITAE_LOCALEDIR") ? g_getenv ("VITAE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never touch GTK, so they run without a display. */
  if (vitae_cli_wants_headless (argc, argv))
    return vitae_cli_run (argc, argv);

  app = vitae_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
