/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vitae-cli-render.h"
#include "vitae-json-resume.h"
#include "vitae-render.h"

static int
list_templates (void)
{
  guint n = 0;
  const VitaeTemplate *templates = vitae_template_get_all (&n);

  for (guint i = 0; i < n; i++)
    g_print ("%s\t%s\n", templates[i].id, _(templates[i].name));
  return VITAE_EXIT_OK;
}

/* "--name VALUE" or "--name=VALUE"; returns FALSE when @arg is not --name. */
static gboolean
take_value (int          argc,
            char       **argv,
            int         *i,
            const char  *name,
            const char **value,
            gboolean    *missing)
{
  const char *arg = argv[*i];
  gsize len = strlen (name);

  if (strncmp (arg, name, len) != 0)
    return FALSE;
  if (arg[len] == '=')
    {
      *value = arg + len + 1;
      return TRUE;
    }
  if (arg[len] != '\0')
    return FALSE;
  if (*i + 1 >= argc)
    {
      *missing = TRUE;
      return TRUE;
    }
  *value = argv[++*i];
  return TRUE;
}

static gboolean
write_output (const char  *path,
              GBytes      *pdf,
              GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  if (g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write the PDF to the standard output"));
          return FALSE;
        }
      return TRUE;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      /* Written beside and renamed over: a failed render leaves no half file. */
      return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                      NULL, NULL, error);
    }
}

/**
 * vitae_cli_render:
 *
 * Renders a JSON Resume file to PDF without a database or a display.
 *
 * Returns: the exit code
 */
int
vitae_cli_render (VitaeCliOptions  *options,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(GBytes) pdf = NULL;
  const char *input_path = NULL;
  const char *output_path = NULL;
  const char *template_id = NULL;
  const char *page_size = NULL;
  gboolean list = FALSE;
  VitaeRenderOptions render_options = { NULL, };
  double width, height;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean missing = FALSE;

      if (g_str_equal (arg, "--list-templates"))
        list = TRUE;
      else if (take_value (argc, argv, &i, "--output", &output_path, &missing) ||
               take_value (argc, argv, &i, "-o", &output_path, &missing) ||
               take_value (argc, argv, &i, "--template", &template_id, &missing) ||
               take_value (argc, argv, &i, "--page-size", &page_size, &missing))
        {
          if (missing)
            {
              g_autofree char *message = g_strdup_printf (_("%s needs a value"), arg);
              return vitae_cli_usage ("render", message);
            }
        }
      else if (arg[0] == '-' && arg[1] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), arg);
          return vitae_cli_usage ("render", message);
        }
      else if (input_path == NULL)
        input_path = arg;
      else
        return vitae_cli_usage ("render", _("expected one FILE.json"));
    }

  if (list)
    {
      if (input_path != NULL || output_path != NULL)
        return vitae_cli_usage ("render", _("--list-templates takes no other arguments"));
      return list_templates ();
    }

  if (input_path == NULL)
    return vitae_cli_usage ("render", _("expected a FILE.json to render"));
  if (output_path == NULL)
    return vitae_cli_usage ("render", _("expected -o OUT.pdf"));
  if (template_id != NULL && vitae_template_lookup (template_id) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown template “%s”; “vitae render --list-templates” lists them"), template_id);
      return vitae_cli_usage ("render", message);
    }
  if (page_size != NULL && !vitae_render_page_size_lookup (page_size, &width, &height))
    {
      g_autofree char *message = g_strdup_printf (_("unknown page size “%s”; use a4 or letter"), page_size);
      return vitae_cli_usage ("render", message);
    }
  if (g_str_equal (output_path, "-") && isatty (STDOUT_FILENO))
    return vitae_cli_usage ("render", _("will not write a PDF to a terminal"));

  input = g_file_new_for_commandline_arg (input_path);
  resume = vitae_json_resume_load_file (input, NULL, &error);
  if (resume == NULL)
    return vitae_cli_fail (error);

  render_options.template_id = template_id;
  render_options.page_size = page_size;
  pdf = vitae_render_pdf (resume, &render_options, &error);
  if (pdf == NULL)
    return vitae_cli_fail (error);

  if (!write_output (output_path, pdf, &error))
    return vitae_cli_fail (error);

  (void)options;
  return VITAE_EXIT_OK;
}
