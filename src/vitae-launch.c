/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "vitae-launch.h"

/**
 * vitae_launch_find_app:
 *
 * Where vitae-app is: beside this program in a build folder, where meson
 * puts both, or in libexecdir once installed.
 *
 * Returns: (transfer full): the path of vitae-app
 */
char *
vitae_launch_find_app (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *sibling = g_build_filename (dir, "vitae-app", NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
    }
  return g_strdup (VITAE_APP_PATH);
}

/**
 * vitae_launch_app:
 *
 * Replaces this process with vitae-app, given the same arguments (argv[0]
 * too, so that the program name stays "vitae"). Returns only when that
 * fails.
 *
 * Returns: the exit code of the failure
 */
int
vitae_launch_app (int    argc,
                  char **argv)
{
  g_autofree char *app = vitae_launch_find_app ();
  int saved_errno;

  g_assert (argv[argc] == NULL);
  execv (app, argv);
  saved_errno = errno;
  /* Translators: %s is a program's path, then why it could not start */
  g_printerr (_("vitae: could not start %s: %s\n"), app, g_strerror (saved_errno));
  return 1;
}
