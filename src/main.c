/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#ifdef VITAE_WITH_APP
#include <gtk/gtk.h>

#include "vitae-application.h"
#include "vitae-gl-check.h"
#endif
#include "vitae-cli.h"
#include "vitae-launch.h"
#include "vitae-render.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* VITAE_LOCALEDIR: the build folder's translations, for uninstalled runs and tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("VITAE_LOCALEDIR") ? g_getenv ("VITAE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never touch GTK, so they run without a display. */
  if (vitae_cli_wants_headless (argc, argv))
    {
#ifndef VITAE_WITH_APP
      /* No window in this process: see vitae_render_set_headless(). */
      vitae_render_set_headless ();
#endif
      return vitae_cli_run (argc, argv);
    }

#ifdef VITAE_WITH_APP
  {
    g_autoptr(VitaeApplication) app = NULL;

    /* Before GApplication starts its threads: this may set GSK_RENDERER. */
    if (gtk_init_check ())
      vitae_prefer_cairo_on_software_gl ();
    app = vitae_application_new ();
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  /* The window lives in vitae-app, which links GTK; see src/meson.build. */
  return vitae_launch_app (argc, argv);
#endif
}
