/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vitae-mail-error.h"
#include "vitae-mail-message.h"

G_BEGIN_DECLS

#define VITAE_TYPE_MAIL_TRANSPORT (vitae_mail_transport_get_type ())
G_DECLARE_INTERFACE (VitaeMailTransport, vitae_mail_transport, VITAE, MAIL_TRANSPORT, GObject)

/* A way to hand a message to a server: SMTP or an HTTP relay API. Success
 * means the server accepted the message; every failure is a
 * %VITAE_MAIL_ERROR (or %G_IO_ERROR_CANCELLED) with a message for a person. */
struct _VitaeMailTransportInterface
{
  GTypeInterface parent_iface;

  void     (*send_async)  (VitaeMailTransport   *self,
                           VitaeMailMessage     *message,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data);
  gboolean (*send_finish) (VitaeMailTransport   *self,
                           GAsyncResult         *result,
                           GError              **error);
};

void     vitae_mail_transport_send_async  (VitaeMailTransport   *self,
                                           VitaeMailMessage     *message,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean vitae_mail_transport_send_finish (VitaeMailTransport   *self,
                                           GAsyncResult         *result,
                                           GError              **error);

/* For the transports: may Vitae speak in clear to @host? Only to this machine. */
gboolean vitae_mail_host_is_loopback      (const char           *host);

G_END_DECLS
