/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <sys/wait.h>

#include "cli-test-util.h"

void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/**
 * cli_run_vitae:
 * @data_dir: (nullable): given as --data-dir
 * @...: the arguments, then %NULL
 *
 * Runs `vitae [--data-dir DATA_DIR] ARGS…` to its end, without a display
 * and without $VITAE_DATA_DIR, and keeps its exit status and output in @r.
 */
void
cli_run_vitae (CliResult  *r,
               const char *data_dir,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer)g_getenv ("VITAE_BINARY"));
  if (data_dir != NULL)
    {
      g_ptr_array_add (argv, "--data-dir");
      g_ptr_array_add (argv, (gpointer)data_dir);
    }
  va_start (args, data_dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Headless means headless: no display to fall back on. */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_unsetenv (envp, "VITAE_DATA_DIR");

  cli_result_clear (r);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}
