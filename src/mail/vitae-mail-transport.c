/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-mail"

#include "config.h"

#include <string.h>

#include "vitae-mail-transport.h"

G_DEFINE_INTERFACE (VitaeMailTransport, vitae_mail_transport, G_TYPE_OBJECT)

static void
vitae_mail_transport_default_init (VitaeMailTransportInterface *iface)
{
}

/**
 * vitae_mail_transport_send_async:
 * @message: a message that passed vitae_mail_message_check(); it must not
 *   change until @callback runs
 *
 * Hands @message to the server. @callback runs on the thread that called
 * this, with its thread-default main context.
 */
void
vitae_mail_transport_send_async (VitaeMailTransport  *self,
                                 VitaeMailMessage    *message,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (VITAE_IS_MAIL_TRANSPORT (self));
  g_return_if_fail (VITAE_IS_MAIL_MESSAGE (message));

  VITAE_MAIL_TRANSPORT_GET_IFACE (self)->send_async (self, message, cancellable, callback, user_data);
}

/**
 * vitae_mail_transport_send_finish:
 *
 * Returns: %TRUE when the server accepted the message
 */
gboolean
vitae_mail_transport_send_finish (VitaeMailTransport  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (VITAE_IS_MAIL_TRANSPORT (self), FALSE);

  return VITAE_MAIL_TRANSPORT_GET_IFACE (self)->send_finish (self, result, error);
}

/**
 * vitae_mail_host_is_loopback:
 *
 * Returns: %TRUE for localhost and the loopback addresses: the only hosts
 *   Vitae sends a password to without TLS
 */
gboolean
vitae_mail_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  bare = g_strdup (host);
  if (bare[0] == '[' && bare[strlen (bare) - 1] == ']')
    {
      bare[strlen (bare) - 1] = '\0';
      memmove (bare, bare + 1, strlen (bare));
    }
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}
