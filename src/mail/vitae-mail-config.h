/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vitae-mail-secret.h"
#include "vitae-mail-transport.h"
#include "vitae-smtp-transport.h"

G_BEGIN_DECLS

/* How Vitae sends mail: the non-secret settings, read from GSettings
 * (io.github.vitae.Vitae.Email) into a plain copy that a send can keep
 * while the person edits Preferences. The password or key is not here. */

#define VITAE_MAIL_SETTINGS_SCHEMA "io.github.vitae.Vitae.Email"

typedef enum {
  VITAE_MAIL_TRANSPORT_NONE,
  VITAE_MAIL_TRANSPORT_SMTP,
  VITAE_MAIL_TRANSPORT_RELAY,
} VitaeMailTransportKind;

typedef struct {
  VitaeMailTransportKind  transport;
  char                   *smtp_host;
  guint                   smtp_port;
  VitaeSmtpSecurity       smtp_security;
  char                   *smtp_user;
  char                   *relay_url;
  char                   *ca_file;
  char                   *from_name;
  char                   *from_address;
  guint                   timeout;
} VitaeMailConfig;

GSettings          *vitae_mail_settings_new             (void);

VitaeMailConfig    *vitae_mail_config_new               (void);
VitaeMailConfig    *vitae_mail_config_load              (GSettings              *settings);
void                vitae_mail_config_save              (const VitaeMailConfig  *self,
                                                         GSettings              *settings);
VitaeMailConfig    *vitae_mail_config_copy              (const VitaeMailConfig  *self);
void                vitae_mail_config_free              (VitaeMailConfig        *self);
gboolean            vitae_mail_config_check             (const VitaeMailConfig  *self,
                                                         GError                **error);
gboolean            vitae_mail_config_needs_secret      (const VitaeMailConfig  *self);
VitaeMailSecretKind vitae_mail_config_get_secret_kind   (const VitaeMailConfig  *self);
const char         *vitae_mail_config_get_secret_server (const VitaeMailConfig  *self);
const char         *vitae_mail_config_get_secret_user   (const VitaeMailConfig  *self);
VitaeMailTransport *vitae_mail_config_create_transport  (const VitaeMailConfig  *self,
                                                         const char             *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VitaeMailConfig, vitae_mail_config_free)

G_END_DECLS
