/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vitae-core.h"
#include "vitae-outbox.h"

G_BEGIN_DECLS

/* Sends what the outbox holds: reads the settings and the keyring, hands a
 * message to its transport, and writes down what happened. With
 * vitae_mailer_start() it also retries failed messages with backoff while
 * Vitae runs, and at once when the network comes back. */

typedef enum {
  VITAE_MAIL_NOTIFY_WELCOME,
  VITAE_MAIL_NOTIFY_RESUME_CREATED,
  VITAE_MAIL_NOTIFY_RESUME_DOWNLOADED,
} VitaeMailNotification;

/* Automatic attempts stop after this many; the person may still retry. */
#define VITAE_MAILER_MAX_AUTOMATIC_ATTEMPTS 8

#define VITAE_TYPE_MAILER (vitae_mailer_get_type ())
G_DECLARE_FINAL_TYPE (VitaeMailer, vitae_mailer, VITAE, MAILER, GObject)

VitaeMailer        *vitae_mailer_new                (VitaeStore             *store,
                                                     GSettings              *settings);
VitaeMailer        *vitae_mailer_get_for_store      (VitaeStore             *store);
VitaeStore         *vitae_mailer_get_store          (VitaeMailer            *self);
GSettings          *vitae_mailer_get_settings       (VitaeMailer            *self);
gboolean            vitae_mailer_is_configured      (VitaeMailer            *self);

void                vitae_mailer_start              (VitaeMailer            *self);
void                vitae_mailer_set_network_monitor (VitaeMailer           *self,
                                                     GNetworkMonitor        *monitor);
void                vitae_mailer_set_retry_base     (VitaeMailer            *self,
                                                     guint                   seconds);

void                vitae_mailer_send_async         (VitaeMailer            *self,
                                                     gint64                  outbox_id,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
gboolean            vitae_mailer_send_finish        (VitaeMailer            *self,
                                                     GAsyncResult           *result,
                                                     GError                **error);
gboolean            vitae_mailer_send_sync          (VitaeMailer            *self,
                                                     gint64                  outbox_id,
                                                     GError                **error);

VitaeOutboxMessage *vitae_mailer_notify             (VitaeMailer            *self,
                                                     VitaeMailNotification   notification,
                                                     VitaeUser              *user,
                                                     VitaeResume            *resume);

char               *vitae_mail_attachment_name      (VitaeResume            *resume);

G_END_DECLS
