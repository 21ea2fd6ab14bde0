/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vitae-cli-mail.h"
#include "vitae-mail.h"
#include "vitae-render.h"

/* The email settings are GSettings (io.github.vitae.Vitae.Email), as in the
 * app; the password or API key goes to the keyring and nowhere else. It is
 * read from the standard input, never from the command line, where any user
 * of the machine could read it in the process list. */

#define MAX_SECRET_LENGTH 4096

static gboolean
option_value (int          argc,
              char       **argv,
              int         *i,
              const char  *name,
              const char **value)
{
  gsize len = strlen (name);

  if (g_str_equal (argv[*i], name))
    {
      if (*i + 1 >= argc)
        return FALSE;
      *value = argv[++*i];
      return TRUE;
    }
  if (strncmp (argv[*i], name, len) == 0 && argv[*i][len] == '=')
    {
      *value = argv[*i] + len + 1;
      return TRUE;
    }
  return FALSE;
}

/* Reads the secret from stdin: one line, or all of it, without its newline. */
static char *
read_secret_from_stdin (GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[512];
  gsize n;

  if (isatty (STDIN_FILENO))
    g_printerr ("%s", _("Password or key (input is not hidden; end with Ctrl+D): "));
  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_string_append_len (text, buffer, n);
      memset (buffer, 0, sizeof buffer);
      if (text->len > MAX_SECRET_LENGTH)
        break;
    }
  while (text->len > 0 && (text->str[text->len - 1] == '\n' || text->str[text->len - 1] == '\r'))
    g_string_truncate (text, text->len - 1);

  if (text->len == 0 || text->len > MAX_SECRET_LENGTH || strchr (text->str, '\n') != NULL ||
      !g_utf8_validate (text->str, text->len, NULL))
    {
      memset (text->str, 0, text->len);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("expected the password or API key, one line, on the standard input"));
      return NULL;
    }
  {
    char *secret = vitae_mail_secret_dup (text->str);
    memset (text->str, 0, text->len);
    return secret;
  }
}

/* "host:port", "[v6]:port" or "host"; the port defaults by security. */
static gboolean
parse_host_port (const char         *text,
                 VitaeSmtpSecurity   security,
                 char              **host,
                 guint              *port)
{
  g_autofree char *copy = g_strdup (text);
  char *colon;
  guint64 value;

  *port = security == VITAE_SMTP_SECURITY_TLS ? 465 : security == VITAE_SMTP_SECURITY_NONE ? 25 : 587;
  if (copy[0] == '[')
    {
      char *close = strchr (copy, ']');
      if (close == NULL)
        return FALSE;
      *close = '\0';
      colon = close[1] == ':' ? close + 1 : NULL;
      if (close[1] != '\0' && colon == NULL)
        return FALSE;
      *host = g_strdup (copy + 1);
    }
  else
    {
      colon = strrchr (copy, ':');
      if (colon != NULL && strchr (copy, ':') != colon)
        colon = NULL;  /* a bare IPv6 address */
      if (colon != NULL)
        *colon = '\0';
      *host = g_strdup (copy);
    }
  if (colon != NULL)
    {
      if (!g_ascii_string_to_unsigned (colon + 1, 10, 1, 65535, &value, NULL))
        {
          g_clear_pointer (host, g_free);
          return FALSE;
        }
      *port = (guint)value;
    }
  if (**host == '\0')
    {
      g_clear_pointer (host, g_free);
      return FALSE;
    }
  return TRUE;
}

static const char *
security_label (VitaeSmtpSecurity security)
{
  switch (security)
    {
    case VITAE_SMTP_SECURITY_STARTTLS: return _("STARTTLS");
    case VITAE_SMTP_SECURITY_TLS: return _("TLS");
    case VITAE_SMTP_SECURITY_NONE: return _("no encryption");
    default: g_assert_not_reached ();
    }
}

/**
 * vitae_cli_email_setup:
 *
 * `vitae email-setup --smtp HOST:PORT --security starttls|tls|none
 * --user USER --from 'Name <addr>' --password-stdin [--ca-file PEM]`, or
 * `--relay URL --api-key-stdin --from …`: checks the settings, stores the
 * secret in the keyring, then saves the settings. A failure changes nothing.
 */
int
vitae_cli_email_setup (VitaeCliOptions  *options,
                       int               argc,
                       char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_new ();
  const char *smtp = NULL, *relay = NULL, *security = NULL, *user = NULL, *from = NULL;
  const char *ca_file = NULL, *timeout = NULL;
  gboolean password_stdin = FALSE, key_stdin = FALSE;
  char *secret = NULL;
  int status = VITAE_EXIT_OK;

  for (int i = 1; i < argc; i++)
    {
      if (option_value (argc, argv, &i, "--smtp", &smtp) ||
          option_value (argc, argv, &i, "--relay", &relay) ||
          option_value (argc, argv, &i, "--security", &security) ||
          option_value (argc, argv, &i, "--user", &user) ||
          option_value (argc, argv, &i, "--from", &from) ||
          option_value (argc, argv, &i, "--ca-file", &ca_file) ||
          option_value (argc, argv, &i, "--timeout", &timeout))
        continue;
      if (g_str_equal (argv[i], "--password-stdin"))
        password_stdin = TRUE;
      else if (g_str_equal (argv[i], "--api-key-stdin"))
        key_stdin = TRUE;
      else if (g_str_equal (argv[i], "--password") || g_str_equal (argv[i], "--api-key") ||
               g_str_has_prefix (argv[i], "--password=") || g_str_has_prefix (argv[i], "--api-key="))
        return vitae_cli_usage ("email-setup", _("a secret on the command line is visible to every user of this computer: use --password-stdin or --api-key-stdin"));
      else if (argv[i][0] == '-' && strchr (argv[i], '=') == NULL &&
               (g_str_equal (argv[i], "--smtp") || g_str_equal (argv[i], "--relay") ||
                g_str_equal (argv[i], "--security") || g_str_equal (argv[i], "--user") ||
                g_str_equal (argv[i], "--from") || g_str_equal (argv[i], "--ca-file") ||
                g_str_equal (argv[i], "--timeout")))
        return vitae_cli_usage ("email-setup", _("an option is missing its value"));
      else
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[i]);
          return vitae_cli_usage ("email-setup", message);
        }
    }

  if ((smtp == NULL) == (relay == NULL))
    return vitae_cli_usage ("email-setup", _("expected either --smtp HOST:PORT or --relay URL"));
  if (from == NULL)
    return vitae_cli_usage ("email-setup", _("expected --from 'Name <address>'"));
  if (!vitae_mail_parse_mailbox (from, &config->from_name, &config->from_address))
    return vitae_cli_usage ("email-setup", _("--from is not an address such as 'Ada Lovelace <ada@example.com>'"));
  if (timeout != NULL)
    {
      guint64 value;
      if (!g_ascii_string_to_unsigned (timeout, 10, 1, 240, &value, NULL))
        return vitae_cli_usage ("email-setup", _("--timeout takes seconds, from 1 to 240"));
      config->timeout = (guint)value;
    }
  if (ca_file != NULL && *ca_file != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (ca_file);
      config->ca_file = g_file_get_path (file);
    }

  if (smtp != NULL)
    {
      if (key_stdin || (security == NULL))
        return vitae_cli_usage ("email-setup", _("--smtp takes --security starttls|tls|none (and --password-stdin with --user)"));
      config->transport = VITAE_MAIL_TRANSPORT_SMTP;
      if (!vitae_smtp_security_from_string (security, &config->smtp_security))
        return vitae_cli_usage ("email-setup", _("--security is starttls, tls or none"));
      if (!parse_host_port (smtp, config->smtp_security, &config->smtp_host, &config->smtp_port))
        return vitae_cli_usage ("email-setup", _("--smtp is HOST:PORT, such as smtp.example.com:587"));
      if (user != NULL && *user != '\0')
        config->smtp_user = g_strdup (user);
      if ((config->smtp_user != NULL) != password_stdin)
        return vitae_cli_usage ("email-setup", _("--user and --password-stdin go together"));
    }
  else
    {
      if (password_stdin || user != NULL || security != NULL)
        return vitae_cli_usage ("email-setup", _("--relay takes --api-key-stdin, not --user, --security or --password-stdin"));
      if (!key_stdin)
        return vitae_cli_usage ("email-setup", _("--relay needs --api-key-stdin"));
      config->transport = VITAE_MAIL_TRANSPORT_RELAY;
      config->relay_url = g_strdup (relay);
      while (g_str_has_suffix (config->relay_url, "/"))
        config->relay_url[strlen (config->relay_url) - 1] = '\0';
    }

  if (!vitae_mail_config_check (config, &error))
    return vitae_cli_fail (error);

  settings = vitae_mail_settings_new ();
  if (settings == NULL)
    {
      g_printerr ("vitae: %s\n", _("The email settings schema io.github.vitae.Vitae.Email is not installed"));
      return VITAE_EXIT_ERROR;
    }

  if (password_stdin || key_stdin)
    {
      secret = read_secret_from_stdin (&error);
      if (secret == NULL)
        return vitae_cli_usage ("email-setup", error->message);
      if (!vitae_mail_secret_store_sync (vitae_mail_config_get_secret_kind (config),
                                         vitae_mail_config_get_secret_server (config),
                                         vitae_mail_config_get_secret_user (config),
                                         secret, NULL, &error))
        status = vitae_cli_fail (error);
      vitae_mail_secret_free (secret);
      if (status != VITAE_EXIT_OK)
        return status;
    }

  vitae_mail_config_save (config, settings);
  g_settings_sync ();

  if (config->transport == VITAE_MAIL_TRANSPORT_SMTP)
    {
      /* Translators: server:port, its security, then the sender */
      g_print (_("Email goes through %s:%u (%s) from %s."), config->smtp_host, config->smtp_port,
               security_label (config->smtp_security), from);
      g_print ("\n");
      if (config->smtp_user != NULL)
        {
          g_print (_("The password of %s is in the keyring."), config->smtp_user);
          g_print ("\n");
        }
    }
  else
    {
      /* Translators: the relay's address, then the sender */
      g_print (_("Email goes through the relay %s from %s."), config->relay_url, from);
      g_print ("\n%s\n", _("The API key is in the keyring."));
    }
  return VITAE_EXIT_OK;
}

static char *
default_subject (VitaeResume *resume)
{
  const char *name = vitae_resume_get_candidate_name (resume);

  if (name != NULL && *name != '\0')
    /* Translators: an email subject; %s is the candidate's name */
    return g_strdup_printf (_("Resume of %s"), name);
  /* Translators: an email subject; %s is a resume title */
  return g_strdup_printf (_("Resume: %s"), vitae_resume_get_title (resume));
}

static char *
default_body (VitaeResume *resume)
{
  const char *name = vitae_resume_get_candidate_name (resume);

  /* Translators: the default text of an emailed resume; %s signs it */
  return g_strdup_printf (_("Hello,\n\nPlease find my resume attached.\n\nBest regards,\n%s\n"),
                          name && *name ? name : "");
}

/**
 * vitae_cli_send:
 *
 * `vitae send ID --to ADDR [--subject S] [--message TEXT]`: writes the
 * resume as PDF to the outbox, then sends it. Exits 0 only when the server
 * accepted it; otherwise 1 with the reason, and the message stays in the
 * outbox (`vitae outbox`).
 */
int
vitae_cli_send (VitaeCliOptions  *options,
                int               argc,
                char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(VitaeMailer) mailer = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *number = NULL;
  const char *to_text = NULL, *subject_text = NULL, *body_text = NULL, *id_text = NULL;
  VitaeRenderOptions render_options = { NULL, };
  gint64 id;

  for (int i = 1; i < argc; i++)
    {
      if (option_value (argc, argv, &i, "--to", &to_text) ||
          option_value (argc, argv, &i, "--subject", &subject_text) ||
          option_value (argc, argv, &i, "--message", &body_text))
        continue;
      if (g_str_equal (argv[i], "--to") || g_str_equal (argv[i], "--subject") || g_str_equal (argv[i], "--message"))
        return vitae_cli_usage ("send", _("an option is missing its value"));
      if (argv[i][0] != '-' && id_text == NULL)
        id_text = argv[i];
      else
        {
          g_autofree char *text = g_strdup_printf (_("unexpected argument “%s”"), argv[i]);
          return vitae_cli_usage ("send", text);
        }
    }
  if (id_text == NULL || !vitae_cli_parse_id (id_text, &id))
    return vitae_cli_usage ("send", _("expected a resume ID"));
  if (to_text == NULL || !vitae_mail_parse_mailbox (to_text, NULL, &to))
    return vitae_cli_usage ("send", _("expected --to and an email address"));
  if ((subject_text && !g_utf8_validate (subject_text, -1, NULL)) ||
      (body_text && !g_utf8_validate (body_text, -1, NULL)))
    return vitae_cli_usage ("send", _("the subject and message must be UTF-8 text"));

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);
  resume = vitae_cli_load_own_resume (store, user, id, &error);
  if (resume == NULL)
    return vitae_cli_fail (error);

  pdf = vitae_render_pdf (resume, &render_options, &error);
  if (pdf == NULL)
    return vitae_cli_fail (error);

  subject = subject_text ? g_strdup (subject_text) : default_subject (resume);
  body = body_text ? g_strdup (body_text) : default_body (resume);
  filename = vitae_mail_attachment_name (resume);
  message = vitae_outbox_queue (store, vitae_resume_get_user_id (resume), id, VITAE_OUTBOX_KIND_MESSAGE,
                                to, subject, body, pdf, filename, "application/pdf", &error);
  if (message == NULL)
    return vitae_cli_fail (error);

  number = g_strdup_printf ("%" G_GINT64_FORMAT, vitae_outbox_message_get_id (message));
  mailer = vitae_mailer_new (store, NULL);
  if (!vitae_mailer_send_sync (mailer, vitae_outbox_message_get_id (message), &error))
    {
      g_printerr ("vitae: %s\n", error->message);
      /* Translators: %s is the outbox message id */
      g_printerr (_("The message stays in the outbox as number %s; “vitae outbox” lists it."), number);
      g_printerr ("\n");
      return VITAE_EXIT_ERROR;
    }

  /* Translators: the address, then the outbox message id */
  g_print (_("Sent to %s (outbox message %s)"), to, number);
  g_print ("\n");
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_outbox:
 *
 * `vitae outbox [--retry ID]`: lists the profile's messages (id, status,
 * attempts, recipient, subject, reason), or tries one again now.
 */
int
vitae_cli_outbox (VitaeCliOptions  *options,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(GListModel) messages = NULL;
  const char *retry_text = NULL;
  gint64 retry_id = 0;

  for (int i = 1; i < argc; i++)
    {
      if (option_value (argc, argv, &i, "--retry", &retry_text))
        continue;
      return vitae_cli_usage ("outbox", _("unexpected argument"));
    }
  if (retry_text != NULL && !vitae_cli_parse_id (retry_text, &retry_id))
    return vitae_cli_usage ("outbox", _("--retry takes an outbox message ID"));

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);

  if (retry_id != 0)
    {
      g_autoptr(VitaeMailer) mailer = vitae_mailer_new (store, NULL);
      g_autoptr(VitaeOutboxMessage) message = vitae_outbox_get (store, retry_id, &error);

      if (message == NULL || vitae_outbox_message_get_user_id (message) != vitae_user_get_id (user))
        {
          if (error == NULL)
            g_set_error_literal (&error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_NOT_FOUND,
                                 _("The message is no longer in the outbox"));
          return vitae_cli_fail (error);
        }
      if (!vitae_outbox_retry (store, retry_id, &error) ||
          !vitae_mailer_send_sync (mailer, retry_id, &error))
        return vitae_cli_fail (error);
      g_print (_("Sent to %s"), vitae_outbox_message_get_recipient (message));
      g_print ("\n");
      return VITAE_EXIT_OK;
    }

  messages = vitae_outbox_list (store, vitae_user_get_id (user), &error);
  if (messages == NULL)
    return vitae_cli_fail (error);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(VitaeOutboxMessage) message = g_list_model_get_item (messages, i);
      const char *reason = vitae_outbox_message_get_last_error (message);
      const char *status = vitae_outbox_message_get_sending_since (message) != 0
                           ? "sending" : vitae_outbox_status_to_string (vitae_outbox_message_get_status (message));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
               vitae_outbox_message_get_id (message), status,
               vitae_outbox_message_get_attempts (message),
               vitae_outbox_message_get_recipient (message),
               vitae_outbox_message_get_subject (message), reason ? reason : "");
    }
  return VITAE_EXIT_OK;
}
