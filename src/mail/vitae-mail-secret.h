/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Passwords and API keys live in the keyring, and only there: libsecret
 * schema io.github.vitae.Vitae.Credential, attributes kind (smtp or relay),
 * server (the SMTP host, or the relay's base URL) and user (SMTP only). */

typedef enum {
  VITAE_MAIL_SECRET_SMTP,
  VITAE_MAIL_SECRET_RELAY,
} VitaeMailSecretKind;

#define VITAE_MAIL_SECRET_SCHEMA_NAME "io.github.vitae.Vitae.Credential"

void      vitae_mail_secret_store_async   (VitaeMailSecretKind   kind,
                                           const char           *server,
                                           const char           *user,
                                           const char           *secret,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  vitae_mail_secret_store_finish  (GAsyncResult         *result,
                                           GError              **error);
gboolean  vitae_mail_secret_store_sync    (VitaeMailSecretKind   kind,
                                           const char           *server,
                                           const char           *user,
                                           const char           *secret,
                                           GCancellable         *cancellable,
                                           GError              **error);
void      vitae_mail_secret_lookup_async  (VitaeMailSecretKind   kind,
                                           const char           *server,
                                           const char           *user,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
char     *vitae_mail_secret_lookup_finish (GAsyncResult         *result,
                                           GError              **error);
char     *vitae_mail_secret_lookup_sync   (VitaeMailSecretKind   kind,
                                           const char           *server,
                                           const char           *user,
                                           GCancellable         *cancellable,
                                           GError              **error);
gboolean  vitae_mail_secret_clear_sync    (VitaeMailSecretKind   kind,
                                           const char           *server,
                                           const char           *user,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* A secret in memory: copied, wiped before it is freed, and cut out of any
 * text that could end up on screen, in a log or in the database. */
char     *vitae_mail_secret_dup           (const char           *secret);
void      vitae_mail_secret_free          (char                 *secret);
void      vitae_mail_secret_redact        (char                **text,
                                           const char           *user,
                                           const char           *secret);

G_END_DECLS
