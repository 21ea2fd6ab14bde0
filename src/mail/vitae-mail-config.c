/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-mail"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-mail-config.h"
#include "vitae-relay-transport.h"

static char *
dup_or_null (const char *text)
{
  return text && *text ? g_strdup (text) : NULL;
}

static char *
settings_dup (GSettings  *settings,
              const char *key)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  return dup_or_null (g_strstrip (value));
}

/**
 * vitae_mail_settings_new:
 *
 * Returns: (transfer full) (nullable): the email settings, or %NULL when the
 *   schema is not installed (an uninstalled build without
 *   GSETTINGS_SCHEMA_DIR): then email is simply not set up
 */
GSettings *
vitae_mail_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, VITAE_MAIL_SETTINGS_SCHEMA, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

VitaeMailConfig *
vitae_mail_config_new (void)
{
  VitaeMailConfig *self = g_new0 (VitaeMailConfig, 1);

  self->transport = VITAE_MAIL_TRANSPORT_NONE;
  self->smtp_port = 587;
  self->smtp_security = VITAE_SMTP_SECURITY_STARTTLS;
  self->timeout = VITAE_SMTP_DEFAULT_TIMEOUT;
  return self;
}

/**
 * vitae_mail_config_load:
 * @settings: (nullable): from vitae_mail_settings_new()
 *
 * Returns: (transfer full): a copy of the settings; without @settings, one
 *   that says email is not set up
 */
VitaeMailConfig *
vitae_mail_config_load (GSettings *settings)
{
  VitaeMailConfig *self = vitae_mail_config_new ();

  if (settings == NULL)
    return self;

  self->transport = g_settings_get_enum (settings, "transport");
  self->smtp_host = settings_dup (settings, "smtp-host");
  self->smtp_port = g_settings_get_uint (settings, "smtp-port");
  self->smtp_security = g_settings_get_enum (settings, "smtp-security");
  self->smtp_user = settings_dup (settings, "smtp-user");
  self->relay_url = settings_dup (settings, "relay-url");
  self->ca_file = settings_dup (settings, "ca-file");
  self->from_name = settings_dup (settings, "from-name");
  self->from_address = settings_dup (settings, "from-address");
  self->timeout = g_settings_get_uint (settings, "timeout");
  return self;
}

/**
 * vitae_mail_config_save:
 *
 * Writes every key at once (a delayed apply), so a reader never sees half
 * of a change.
 */
void
vitae_mail_config_save (const VitaeMailConfig *self,
                        GSettings             *settings)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_delay (settings);
  g_settings_set_enum (settings, "transport", self->transport);
  g_settings_set_string (settings, "smtp-host", self->smtp_host ? self->smtp_host : "");
  g_settings_set_uint (settings, "smtp-port", self->smtp_port);
  g_settings_set_enum (settings, "smtp-security", self->smtp_security);
  g_settings_set_string (settings, "smtp-user", self->smtp_user ? self->smtp_user : "");
  if (self->relay_url != NULL)
    g_settings_set_string (settings, "relay-url", self->relay_url);
  g_settings_set_string (settings, "ca-file", self->ca_file ? self->ca_file : "");
  g_settings_set_string (settings, "from-name", self->from_name ? self->from_name : "");
  g_settings_set_string (settings, "from-address", self->from_address ? self->from_address : "");
  g_settings_set_uint (settings, "timeout", self->timeout);
  g_settings_apply (settings);
}

VitaeMailConfig *
vitae_mail_config_copy (const VitaeMailConfig *self)
{
  VitaeMailConfig *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->smtp_host = g_strdup (self->smtp_host);
  copy->smtp_user = g_strdup (self->smtp_user);
  copy->relay_url = g_strdup (self->relay_url);
  copy->ca_file = g_strdup (self->ca_file);
  copy->from_name = g_strdup (self->from_name);
  copy->from_address = g_strdup (self->from_address);
  return copy;
}

void
vitae_mail_config_free (VitaeMailConfig *self)
{
  if (self == NULL)
    return;
  g_free (self->smtp_host);
  g_free (self->smtp_user);
  g_free (self->relay_url);
  g_free (self->ca_file);
  g_free (self->from_name);
  g_free (self->from_address);
  g_free (self);
}

/**
 * vitae_mail_config_check:
 *
 * Returns: %TRUE when mail can be sent with these settings (given the
 *   secret); otherwise the error says what to fix, in words
 */
gboolean
vitae_mail_config_check (const VitaeMailConfig  *self,
                         GError                **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->transport == VITAE_MAIL_TRANSPORT_NONE)
    {
      g_set_error_literal (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NOT_CONFIGURED,
                           _("Email is not set up. Choose a mail server in Preferences → Email, or run “vitae email-setup”."));
      return FALSE;
    }
  if (!vitae_mail_address_is_valid (self->from_address))
    {
      g_set_error_literal (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NOT_CONFIGURED,
                           _("Email has no valid sender address. Enter yours in Preferences → Email."));
      return FALSE;
    }
  if (self->ca_file != NULL && !g_file_test (self->ca_file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                   _("The CA file “%s” does not exist"), self->ca_file);
      return FALSE;
    }

  if (self->transport == VITAE_MAIL_TRANSPORT_RELAY)
    return vitae_relay_url_check (self->relay_url, error);

  if (self->smtp_host == NULL)
    {
      g_set_error_literal (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NOT_CONFIGURED,
                           _("Email has no mail server. Enter it in Preferences → Email."));
      return FALSE;
    }
  if (self->smtp_port == 0 || self->smtp_port > 65535)
    {
      g_set_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                   _("%u is not a port number"), self->smtp_port);
      return FALSE;
    }
  if (self->smtp_security == VITAE_SMTP_SECURITY_NONE && !vitae_mail_host_is_loopback (self->smtp_host))
    {
      g_set_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                   _("Vitae sends mail without encryption only to this computer (localhost). Choose STARTTLS or TLS for %s."),
                   self->smtp_host);
      return FALSE;
    }
  return TRUE;
}

gboolean
vitae_mail_config_needs_secret (const VitaeMailConfig *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->transport == VITAE_MAIL_TRANSPORT_RELAY)
    return TRUE;
  return self->transport == VITAE_MAIL_TRANSPORT_SMTP && self->smtp_user != NULL;
}

VitaeMailSecretKind
vitae_mail_config_get_secret_kind (const VitaeMailConfig *self)
{
  return self->transport == VITAE_MAIL_TRANSPORT_RELAY ? VITAE_MAIL_SECRET_RELAY : VITAE_MAIL_SECRET_SMTP;
}

/**
 * vitae_mail_config_get_secret_server:
 *
 * Returns: (nullable): the keyring's "server" attribute for these settings:
 *   the SMTP host, or the relay URL
 */
const char *
vitae_mail_config_get_secret_server (const VitaeMailConfig *self)
{
  return self->transport == VITAE_MAIL_TRANSPORT_RELAY ? self->relay_url : self->smtp_host;
}

const char *
vitae_mail_config_get_secret_user (const VitaeMailConfig *self)
{
  return self->transport == VITAE_MAIL_TRANSPORT_RELAY ? NULL : self->smtp_user;
}

/**
 * vitae_mail_config_create_transport:
 * @secret: (nullable): the password or API key from the keyring
 *
 * Returns: (transfer full): the transport these settings describe; call
 *   vitae_mail_config_check() first
 */
VitaeMailTransport *
vitae_mail_config_create_transport (const VitaeMailConfig *self,
                                    const char            *secret)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->transport != VITAE_MAIL_TRANSPORT_NONE, NULL);

  if (self->transport == VITAE_MAIL_TRANSPORT_RELAY)
    return VITAE_MAIL_TRANSPORT (vitae_relay_transport_new (self->relay_url, secret,
                                                            self->ca_file, self->timeout));
  return VITAE_MAIL_TRANSPORT (vitae_smtp_transport_new (self->smtp_host, self->smtp_port,
                                                         self->smtp_security, self->smtp_user,
                                                         secret, self->ca_file, self->timeout));
}
