/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "vitae-backup.h"
#include "vitae-cli-history.h"
#include "vitae-json-resume.h"
#include "vitae-text-export.h"
#include "vitae-versions.h"

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);
  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S") : g_strdup ("");
}

static gboolean
parse_id_argument (const char *command,
                   const char *text,
                   gboolean    is_version,
                   gint64     *id,
                   int        *status)
{
  g_autofree char *message = NULL;

  if (vitae_cli_parse_id (text, id))
    return TRUE;
  if (is_version)
    message = g_strdup_printf (_("“%s” is not a version ID"), text);
  else
    message = g_strdup_printf (_("“%s” is not a resume ID"), text);
  *status = vitae_cli_usage (command, message);
  return FALSE;
}

static VitaeVersion *
load_own_version (VitaeStore  *store,
                  VitaeUser   *user,
                  gint64       version_id,
                  GError     **error)
{
  g_autoptr(VitaeVersion) version = vitae_versions_get (store, version_id, error);
  g_autoptr(VitaeResume) resume = NULL;

  if (version == NULL)
    return NULL;
  resume = vitae_store_load_resume (store, vitae_version_get_resume_id (version), error);
  if (resume == NULL)
    return NULL;
  if (vitae_resume_get_user_id (resume) != vitae_user_get_id (user))
    {
      {
        g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, version_id);

        g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
                     _("No version has the id %s"), id_text);
      }
      return NULL;
    }
  return g_steal_pointer (&version);
}

/**
 * vitae_cli_versions:
 *
 * `vitae versions ID`: the resume's versions, newest first, one a line:
 * id, tab, time, tab, label.
 */
int
vitae_cli_versions (VitaeCliOptions  *options,
                    int               argc,
                    char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(GListModel) versions = NULL;
  int status;
  gint64 id;

  if (argc != 2)
    return vitae_cli_usage ("versions", _("expected the ID of a resume"));
  if (!parse_id_argument ("versions", argv[1], FALSE, &id, &status))
    return status;

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);
  resume = vitae_cli_load_own_resume (store, user, id, &error);
  if (resume == NULL)
    return vitae_cli_fail (error);
  versions = vitae_versions_list (store, id, &error);
  if (versions == NULL)
    return vitae_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(VitaeVersion) version = g_list_model_get_item (versions, i);
      g_autofree char *when = format_time (vitae_version_get_created_at (version));
      g_autofree char *label = g_strdup (vitae_version_get_label (version));

      /* One version, one line: a label never breaks the columns. */
      g_strdelimit (label, "\t\r\n", ' ');
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", vitae_version_get_id (version), when, label);
    }
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_version_save:
 *
 * `vitae version-save ID LABEL`: saves the resume as it is now and prints
 * the new version's id.
 */
int
vitae_cli_version_save (VitaeCliOptions  *options,
                        int               argc,
                        char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeVersion) version = NULL;
  int status;
  gint64 id;

  if (argc != 3)
    return vitae_cli_usage ("version-save", _("expected the ID of a resume and a LABEL"));
  if (!parse_id_argument ("version-save", argv[1], FALSE, &id, &status))
    return status;
  if (!g_utf8_validate (argv[2], -1, NULL))
    return vitae_cli_usage ("version-save", _("the label is not valid UTF-8"));

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);
  resume = vitae_cli_load_own_resume (store, user, id, &error);
  if (resume == NULL)
    return vitae_cli_fail (error);
  version = vitae_versions_save (store, resume, argv[2], &error);
  if (version == NULL)
    return vitae_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", vitae_version_get_id (version));
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_version_show:
 *
 * `vitae version-show VERSION_ID [--format json|txt|md]`: writes the version
 * to the standard output, JSON Resume by default.
 */
int
vitae_cli_version_show (VitaeCliOptions  *options,
                        int               argc,
                        char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeVersion) version = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autofree char *text = NULL;
  const char *id_text = NULL;
  const char *format = "json";
  int status;
  gint64 id;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--format") || g_str_equal (argv[i], "-f"))
        {
          if (++i >= argc)
            return vitae_cli_usage ("version-show", _("--format needs a value: json, txt or md"));
          format = argv[i];
        }
      else if (g_str_has_prefix (argv[i], "--format="))
        format = argv[i] + strlen ("--format=");
      else if (id_text == NULL)
        id_text = argv[i];
      else
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[i]);
          return vitae_cli_usage ("version-show", message);
        }
    }
  if (id_text == NULL)
    return vitae_cli_usage ("version-show", _("expected the ID of a version"));
  if (!parse_id_argument ("version-show", id_text, TRUE, &id, &status))
    return status;
  if (!g_str_equal (format, "json") && !g_str_equal (format, "txt") && !g_str_equal (format, "md"))
    {
      g_autofree char *message = g_strdup_printf (_("unknown format “%s”; use json, txt or md"), format);
      return vitae_cli_usage ("version-show", message);
    }

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);
  version = load_own_version (store, user, id, &error);
  if (version == NULL)
    return vitae_cli_fail (error);

  if (g_str_equal (format, "json"))
    text = vitae_versions_get_snapshot (store, id, &error);
  else
    {
      resume = vitae_versions_load (store, id, &error);
      if (resume != NULL)
        text = vitae_text_export (resume, g_str_equal (format, "md") ? VITAE_TEXT_FORMAT_MARKDOWN
                                                                     : VITAE_TEXT_FORMAT_PLAIN);
    }
  if (text == NULL)
    return vitae_cli_fail (error);

  fputs (text, stdout);
  if (!g_str_has_suffix (text, "\n"))
    fputc ('\n', stdout);
  if (fflush (stdout) != 0)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Could not write to the standard output"));
      return vitae_cli_fail (error);
    }
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_version_restore:
 *
 * `vitae version-restore VERSION_ID`: makes the version the resume's content
 * again and prints the id of the version that holds what it replaced
 * (restore that one to undo).
 */
int
vitae_cli_version_restore (VitaeCliOptions  *options,
                           int               argc,
                           char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeVersion) version = NULL;
  g_autoptr(VitaeVersion) before = NULL;
  int status;
  gint64 id;

  if (argc != 2)
    return vitae_cli_usage ("version-restore", _("expected the ID of a version"));
  if (!parse_id_argument ("version-restore", argv[1], TRUE, &id, &status))
    return status;

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);
  version = load_own_version (store, user, id, &error);
  if (version == NULL)
    return vitae_cli_fail (error);
  before = vitae_versions_restore (store, id, &error);
  if (before == NULL)
    return vitae_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", vitae_version_get_id (before));
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_version_delete:
 *
 * `vitae version-delete VERSION_ID`
 */
int
vitae_cli_version_delete (VitaeCliOptions  *options,
                          int               argc,
                          char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeVersion) version = NULL;
  int status;
  gint64 id;

  if (argc != 2)
    return vitae_cli_usage ("version-delete", _("expected the ID of a version"));
  if (!parse_id_argument ("version-delete", argv[1], TRUE, &id, &status))
    return status;

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);
  version = load_own_version (store, user, id, &error);
  if (version == NULL || !vitae_versions_delete (store, id, &error))
    return vitae_cli_fail (error);
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_backup:
 *
 * `vitae backup [FILE]`: backs up the whole database to FILE, or to a new
 * file in the backups folder, and prints the path written.
 */
int
vitae_cli_backup (VitaeCliOptions  *options,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autofree char *db_path = vitae_store_default_path (options->data_dir);
  g_autofree char *written = NULL;

  if (argc > 2)
    return vitae_cli_usage ("backup", _("expected at most one FILE"));
  if (argc == 2 && (*argv[1] == '\0' || g_str_equal (argv[1], "-")))
    return vitae_cli_usage ("backup", _("FILE must be a file name"));

  /* Opened first: a damaged database says so here instead of being copied. */
  store = vitae_store_open (db_path, &error);
  if (store == NULL)
    return vitae_cli_fail (error);
  g_clear_object (&store);

  written = vitae_backup_create (db_path, argc == 2 ? argv[1] : NULL, NULL, &error);
  if (written == NULL)
    return vitae_cli_fail (error);

  g_print ("%s\n", written);
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_restore:
 *
 * `vitae restore FILE`: replaces the whole database with a backup after
 * checking it, and prints where the replaced database was kept. A damaged
 * file, or one that is not a Vitae database, is refused and nothing changes.
 */
int
vitae_cli_restore (VitaeCliOptions  *options,
                   int               argc,
                   char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autofree char *db_path = vitae_store_default_path (options->data_dir);
  g_autofree char *kept = NULL;

  if (argc != 2)
    return vitae_cli_usage ("restore", _("expected one backup FILE"));

  /* The backup is checked before the database is even opened. */
  if (!vitae_backup_check (argv[1], &error))
    return vitae_cli_fail (error);

  store = vitae_store_open (db_path, &error);
  if (store == NULL)
    return vitae_cli_fail (error);
  g_clear_object (&store);

  kept = vitae_backup_restore (db_path, argv[1], NULL, &error);
  if (kept == NULL)
    return vitae_cli_fail (error);

  g_print ("%s\n", kept);
  return VITAE_EXIT_OK;
}
