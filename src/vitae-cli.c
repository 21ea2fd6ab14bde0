/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "vitae-cli.h"
#include "vitae-cli-transfer.h"
#include "vitae-cli-history.h"
#ifdef VITAE_WITH_APP
#include "vitae-cli-mail.h"
#else
/* `vitae` does not link the mail library: vitae-app runs these (run == NULL). */
#define vitae_cli_email_setup NULL
#define vitae_cli_send NULL
#define vitae_cli_outbox NULL
#endif
#include "vitae-launch.h"
#include "vitae-cli-render.h"
#include "vitae-cli-stats.h"

/* Headless commands: no display, no GTK initialised. */

static int cli_list (VitaeCliOptions *options, int argc, char **argv);
static int cli_new  (VitaeCliOptions *options, int argc, char **argv);

static const VitaeCliCommand commands[] = {
  { "list", "", N_("List the profile’s resumes: id, title, candidate, last edited"), cli_list },
  { "new", N_("TITLE"), N_("Create an empty resume and print its id"), cli_new },
  { "import", N_("FILE.json"), N_("Import a JSON Resume as a new resume and print its id"), vitae_cli_import },
  { "export", N_("ID --format FMT -o OUT"), N_("Export a resume as FMT json, txt, md or pdf; OUT - is stdout"), vitae_cli_export },
  { "render", N_("FILE.json -o OUT.pdf [--template ID] [--page-size a4|letter]"), N_("Render a JSON Resume file to PDF; --list-templates lists the templates"), vitae_cli_render },
  { "versions", N_("ID"), N_("List a resume’s versions: id, time, label"), vitae_cli_versions },
  { "version-save", N_("ID LABEL"), N_("Save the resume as it is now as a version and print its id"), vitae_cli_version_save },
  { "version-show", N_("VERSION_ID [--format json|txt|md]"), N_("Write a version to the standard output"), vitae_cli_version_show },
  { "version-restore", N_("VERSION_ID"), N_("Restore a version; prints the id of the version that undoes it"), vitae_cli_version_restore },
  { "version-delete", N_("VERSION_ID"), N_("Delete a version"), vitae_cli_version_delete },
  { "backup", N_("[FILE]"), N_("Back up the whole database to FILE or the backups folder; prints the path"), vitae_cli_backup },
  { "restore", N_("FILE"), N_("Replace the database with a checked backup; prints where the old one was kept"), vitae_cli_restore },
  { "search", N_("QUERY"), N_("Find resumes by title, name or any content: id, title, matching field"), vitae_cli_search },
  { "stats", N_("[ID] [--json]"), N_("Show the dashboard's figures, or one resume's statistics"), vitae_cli_stats },
  { "email-setup", N_("--smtp HOST:PORT --security starttls|tls|none [--user USER --password-stdin] --from 'NAME <ADDR>' [--ca-file PEM] | --relay URL --api-key-stdin --from 'NAME <ADDR>'"), N_("Set up email; the password or API key, read from stdin, goes to the keyring"), vitae_cli_email_setup },
  { "send", N_("ID --to ADDR [--subject S] [--message TEXT]"), N_("Email a resume as PDF; exits 0 only when the server accepted it"), vitae_cli_send },
  { "outbox", N_("[--retry ID]"), N_("List the emails in the outbox with their status, or try one again"), vitae_cli_outbox },
};

static const VitaeCliCommand *
lookup_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

static gboolean
is_global_option_with_value (const char *arg)
{
  return g_str_equal (arg, "--data-dir") || g_str_equal (arg, "--profile");
}

/**
 * vitae_cli_wants_headless:
 *
 * Returns: %TRUE when the arguments name a headless command, or ask for
 *   --version or --help, which never need a display.
 */
gboolean
vitae_cli_wants_headless (int    argc,
                          char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--version") || g_str_equal (arg, "--help") ||
          g_str_equal (arg, "-h") || g_str_equal (arg, "-v"))
        return TRUE;
      if (is_global_option_with_value (arg))
        {
          /* A missing value is a usage error, which the CLI reports. */
          if (++i >= argc)
            return TRUE;
          continue;
        }
      if (arg[0] == '-')
        continue;
      return lookup_command (arg) != NULL;
    }
  return FALSE;
}

static void
print_help (void)
{
  /* Translators: the first line of `vitae --help` */
  g_print ("%s\n\n", _("Vitae — a resume builder for GNOME"));
  g_print ("%s\n", _("Usage:"));
  g_print ("  vitae [--data-dir DIR] [--profile NAME|ID] [FILE.json]\n");
  g_print ("  vitae [--data-dir DIR] [--profile NAME|ID] %s\n\n", _("COMMAND [ARGUMENTS…]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name,
                                                   *commands[i].parameters ? _(commands[i].parameters) : "");
      if (g_utf8_strlen (synopsis, -1) > 28)
        g_print ("  %s\n  %-28s %s\n", synopsis, "", _(commands[i].summary));
      else
        g_print ("  %-28s %s\n", synopsis, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options:"));
  g_print ("  %-28s %s\n", "--data-dir DIR", _("Keep the database in DIR instead of the default folder"));
  g_print ("  %-28s %s\n", "--profile NAME|ID", _("Act as this profile"));
  g_print ("  %-28s %s\n", "--version", _("Show the version and exit"));
  g_print ("  %-28s %s\n", "--help", _("Show this help and exit"));
}

int
vitae_cli_usage (const char *command,
                 const char *message)
{
  if (command != NULL)
    g_printerr ("vitae %s: %s\n", command, message);
  else
    g_printerr ("vitae: %s\n", message);
  g_printerr ("%s\n", _("Run “vitae --help” for usage."));
  return VITAE_EXIT_USAGE;
}

int
vitae_cli_fail (GError *error)
{
  g_printerr ("vitae: %s\n", error ? error->message : _("Unknown error"));
  return VITAE_EXIT_ERROR;
}

gboolean
vitae_cli_parse_id (const char *text,
                    gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64)value;
  return TRUE;
}

/**
 * vitae_cli_load_own_resume:
 *
 * Returns: (transfer full): the profile's resume @id, or %NULL with @error
 *   set; another profile's resume is as good as missing.
 */
VitaeResume *
vitae_cli_load_own_resume (VitaeStore  *store,
                           VitaeUser   *user,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(VitaeResume) resume = vitae_store_load_resume (store, id, error);

  if (resume == NULL)
    return NULL;
  if (vitae_resume_get_user_id (resume) != vitae_user_get_id (user))
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: the first %s is a profile name, the second a resume id */
      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
                   _("Profile “%s” has no resume %s"),
                   vitae_user_get_name (user), id_text);
      return NULL;
    }
  return g_steal_pointer (&resume);
}

static char *
os_user_display_name (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real != '\0' && !g_str_equal (real, "Unknown"))
    return g_strdup (real);
  return g_strdup (g_get_user_name ());
}

/**
 * vitae_cli_open_store:
 * @user: (out) (transfer full): the profile the command acts as
 *
 * Returns: (transfer full): the open store, or %NULL with @error set
 */
VitaeStore *
vitae_cli_open_store (VitaeCliOptions  *options,
                      VitaeUser       **user,
                      GError          **error)
{
  g_autofree char *path = vitae_store_default_path (options->data_dir);
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(GListModel) users = NULL;

  store = vitae_store_open (path, error);
  if (store == NULL)
    return NULL;

  if (options->profile != NULL)
    {
      *user = vitae_store_find_user (store, options->profile, error);
      return *user ? g_steal_pointer (&store) : NULL;
    }

  users = vitae_store_list_users (store, error);
  if (users == NULL)
    return NULL;

  if (g_list_model_get_n_items (users) == 0)
    {
      g_autofree char *name = os_user_display_name ();
      *user = vitae_store_create_user (store, name, "", error);
    }
  else
    {
      /* Several profiles and no --profile: the oldest one, as documented. */
      guint n = g_list_model_get_n_items (users);
      VitaeUser *oldest = NULL;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VitaeUser) candidate = g_list_model_get_item (users, i);
          if (oldest == NULL || vitae_user_get_id (candidate) < vitae_user_get_id (oldest))
            g_set_object (&oldest, candidate);
        }
      *user = oldest;
    }

  return *user ? g_steal_pointer (&store) : NULL;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);
  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static int
cli_list (VitaeCliOptions  *options,
          int               argc,
          char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(GListModel) resumes = NULL;
  gboolean archived = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--archived"))
        archived = TRUE;
      else
        return vitae_cli_usage ("list", _("unexpected argument"));
    }

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);

  resumes = vitae_store_list_resumes (store, vitae_user_get_id (user),
                                      archived ? VITAE_RESUME_FILTER_ARCHIVED : VITAE_RESUME_FILTER_ACTIVE,
                                      &error);
  if (resumes == NULL)
    return vitae_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (resumes); i++)
    {
      g_autoptr(VitaeResume) resume = g_list_model_get_item (resumes, i);
      g_autofree char *updated = format_time (vitae_resume_get_updated_at (resume));
      const char *name = vitae_resume_get_candidate_name (resume);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
               vitae_resume_get_id (resume), vitae_resume_get_title (resume),
               name ? name : "", updated);
    }
  return VITAE_EXIT_OK;
}

static int
cli_new (VitaeCliOptions  *options,
         int               argc,
         char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autofree char *title = NULL;

  if (argc != 2)
    return vitae_cli_usage ("new", _("expected one TITLE"));
  if (!g_utf8_validate (argv[1], -1, NULL))
    return vitae_cli_usage ("new", _("the title is not valid UTF-8"));
  title = g_strstrip (g_strdup (argv[1]));
  if (*title == '\0')
    return vitae_cli_usage ("new", _("the title is empty"));

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);

  resume = vitae_store_create_resume (store, vitae_user_get_id (user), title, &error);
  if (resume == NULL)
    return vitae_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", vitae_resume_get_id (resume));
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_run:
 *
 * Parses the global options, then runs the command they name.
 *
 * Returns: the process exit code
 */
int
vitae_cli_run (int    argc,
               char **argv)
{
  VitaeCliOptions options = { NULL, };
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  const VitaeCliCommand *command;
  int status;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (rest->len == 0 && (g_str_equal (arg, "--version") || g_str_equal (arg, "-v")))
        {
          g_print ("vitae %s\n", PACKAGE_VERSION);
          return VITAE_EXIT_OK;
        }
      if (rest->len == 0 && (g_str_equal (arg, "--help") || g_str_equal (arg, "-h")))
        {
          print_help ();
          return VITAE_EXIT_OK;
        }
      if (is_global_option_with_value (arg) || g_str_has_prefix (arg, "--data-dir=") ||
          g_str_has_prefix (arg, "--profile="))
        {
          char **slot = g_str_has_prefix (arg, "--data-dir") ? &options.data_dir : &options.profile;
          const char *value = strchr (arg, '=');

          if (value != NULL)
            value++;
          else if (i + 1 < argc)
            value = argv[++i];
          else
            return vitae_cli_usage (NULL, _("an option is missing its value"));
          g_free (*slot);
          *slot = g_strdup (value);
          continue;
        }
      g_ptr_array_add (rest, (gpointer)arg);
    }

  if (rest->len == 0)
    return vitae_cli_usage (NULL, _("no command given"));

  command = lookup_command (g_ptr_array_index (rest, 0));
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unknown command “%s”"),
                                                  (const char *)g_ptr_array_index (rest, 0));
      return vitae_cli_usage (NULL, message);
    }

  if (command->run == NULL)
    {
      g_free (options.data_dir);
      g_free (options.profile);
      return vitae_launch_app (argc, argv);
    }

  g_ptr_array_add (rest, NULL);
  status = command->run (&options, rest->len - 1, (char **)rest->pdata);
  g_free (options.data_dir);
  g_free (options.profile);
  return status;
}
