/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "vitae-cli-transfer.h"
#include "vitae-json-resume.h"
#include "vitae-render.h"
#include "vitae-text-export.h"
#include "vitae-versions.h"

typedef enum {
  EXPORT_JSON,
  EXPORT_TEXT,
  EXPORT_MARKDOWN,
  EXPORT_PDF,
} ExportFormat;

static const struct {
  const char   *name;
  const char   *extension;
  ExportFormat  format;
} export_formats[] = {
  { "json", ".json", EXPORT_JSON },
  { "txt",  ".txt",  EXPORT_TEXT },
  { "md",   ".md",   EXPORT_MARKDOWN },
  { "pdf",  ".pdf",  EXPORT_PDF },
};

static gboolean
lookup_format (const char   *name,
               ExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_ascii_strcasecmp (export_formats[i].name, name) == 0)
      {
        *format = export_formats[i].format;
        return TRUE;
      }
  return FALSE;
}

static const char *
format_name (ExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (export_formats[i].format == format)
      return export_formats[i].name;
  g_assert_not_reached ();
}

static gboolean
format_from_extension (const char   *path,
                       ExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      g_autofree char *lower = g_ascii_strdown (path, -1);
      if (g_str_has_suffix (lower, export_formats[i].extension))
        {
          *format = export_formats[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * vitae_cli_import:
 *
 * `vitae import FILE.json`: stores a JSON Resume as a new resume of the
 * profile and prints its id. The file is read and checked before the database
 * is opened, and the resume is written in one transaction, so a failure
 * leaves the database as it was.
 */
int
vitae_cli_import (VitaeCliOptions  *options,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;

  if (argc != 2)
    return vitae_cli_usage ("import", _("expected one FILE.json"));

  file = g_file_new_for_commandline_arg (argv[1]);
  resume = vitae_json_resume_load_file (file, NULL, &error);
  if (resume == NULL)
    return vitae_cli_fail (error);

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);

  vitae_resume_set_user_id (resume, vitae_user_get_id (user));
  if (!vitae_store_insert_resume (store, resume, &error))
    return vitae_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", vitae_resume_get_id (resume));
  return VITAE_EXIT_OK;
}

static GBytes *
export_bytes (VitaeResume   *resume,
              ExportFormat   format,
              GError       **error)
{
  char *text = NULL;

  switch (format)
    {
    case EXPORT_JSON:
      text = vitae_json_resume_to_string (resume);
      break;
    case EXPORT_TEXT:
      text = vitae_text_export (resume, VITAE_TEXT_FORMAT_PLAIN);
      break;
    case EXPORT_MARKDOWN:
      text = vitae_text_export (resume, VITAE_TEXT_FORMAT_MARKDOWN);
      break;
    case EXPORT_PDF:
      {
        VitaeRenderOptions render_options = { NULL, };
        return vitae_render_pdf (resume, &render_options, error);
      }
    default:
      g_assert_not_reached ();
    }

  return g_bytes_new_take (text, strlen (text));
}

static gboolean
write_output (const char  *path,
              GBytes      *bytes,
              GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write to the standard output"));
          return FALSE;
        }
      return TRUE;
    }

  /* Written beside and renamed over, so a failure never leaves half a file. */
  return g_file_set_contents_full (path, data, size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/**
 * vitae_cli_export:
 *
 * `vitae export ID [--format json|txt|md|pdf] [-o OUT]`: writes a resume of
 * the profile to OUT (`-`, the default, is the standard output), records an
 * `export` event and saves the resume as a version labelled with the format.
 * Without --format, OUT's extension picks it, else JSON.
 */
int
vitae_cli_export (VitaeCliOptions  *options,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeEvent) event = NULL;
  g_autoptr(VitaeVersion) version = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *id_text = NULL;
  const char *format_text = NULL;
  const char *output = NULL;
  ExportFormat format = EXPORT_JSON;
  gint64 id;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--format") || g_str_equal (arg, "-f"))
        {
          if (++i >= argc)
            return vitae_cli_usage ("export", _("--format needs a value: json, txt, md or pdf"));
          format_text = argv[i];
        }
      else if (g_str_has_prefix (arg, "--format="))
        format_text = arg + strlen ("--format=");
      else if (g_str_equal (arg, "-o") || g_str_equal (arg, "--output"))
        {
          if (++i >= argc)
            return vitae_cli_usage ("export", _("-o needs a file name, or - for the standard output"));
          output = argv[i];
        }
      else if (g_str_has_prefix (arg, "--output="))
        output = arg + strlen ("--output=");
      else if (id_text == NULL && (arg[0] != '-' || arg[1] == '\0'))
        id_text = arg;
      else
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), arg);
          return vitae_cli_usage ("export", message);
        }
    }

  if (id_text == NULL)
    return vitae_cli_usage ("export", _("expected the ID of a resume"));
  if (!vitae_cli_parse_id (id_text, &id))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a resume ID"), id_text);
      return vitae_cli_usage ("export", message);
    }
  if (output == NULL || *output == '\0')
    output = "-";
  if (format_text != NULL)
    {
      if (!lookup_format (format_text, &format))
        {
          g_autofree char *message =
            g_strdup_printf (_("unknown format “%s”; use json, txt, md or pdf"), format_text);
          return vitae_cli_usage ("export", message);
        }
    }
  else if (!g_str_equal (output, "-"))
    format_from_extension (output, &format);

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);

  resume = vitae_cli_load_own_resume (store, user, id, &error);
  if (resume == NULL)
    return vitae_cli_fail (error);

  bytes = export_bytes (resume, format, &error);
  if (bytes == NULL || !write_output (output, bytes, &error))
    return vitae_cli_fail (error);

  event = vitae_store_record_event (store, vitae_user_get_id (user), id,
                                    VITAE_EVENT_EXPORT, format_name (format), &error);
  if (event == NULL)
    return vitae_cli_fail (error);

  /* What was exported can always be found again in the resume's versions. */
  version = vitae_versions_save_export (store, resume, format_name (format), &error);
  if (version == NULL)
    return vitae_cli_fail (error);

  return VITAE_EXIT_OK;
}
