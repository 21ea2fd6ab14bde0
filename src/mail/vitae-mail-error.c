/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-mail"

#include "config.h"

#include <gio/gio.h>

#include "vitae-mail-error.h"

G_DEFINE_QUARK (vitae-mail-error-quark, vitae_mail_error)

/**
 * vitae_mail_error_is_transient:
 *
 * Returns: %TRUE when trying again later, with nothing changed, may well
 *   succeed: the network, a busy server. %FALSE when a person must act first
 *   (a wrong password, a rejected message, an untrusted certificate).
 */
gboolean
vitae_mail_error_is_transient (const GError *error)
{
  if (error == NULL)
    return FALSE;
  if (error->domain == G_IO_ERROR)
    return error->code == G_IO_ERROR_CANCELLED || error->code == G_IO_ERROR_TIMED_OUT ||
           error->code == G_IO_ERROR_NETWORK_UNREACHABLE || error->code == G_IO_ERROR_HOST_UNREACHABLE ||
           error->code == G_IO_ERROR_CONNECTION_REFUSED || error->code == G_IO_ERROR_CONNECTION_CLOSED ||
           error->code == G_IO_ERROR_BROKEN_PIPE;
  if (error->domain != VITAE_MAIL_ERROR)
    return FALSE;
  switch ((VitaeMailError)error->code)
    {
    case VITAE_MAIL_ERROR_CONNECT:
    case VITAE_MAIL_ERROR_TIMEOUT:
    case VITAE_MAIL_ERROR_CONNECTION_LOST:
    case VITAE_MAIL_ERROR_TEMPORARY:
    case VITAE_MAIL_ERROR_KEYRING:
      return TRUE;
    case VITAE_MAIL_ERROR_NOT_CONFIGURED:
    case VITAE_MAIL_ERROR_INVALID:
    case VITAE_MAIL_ERROR_NO_SECRET:
    case VITAE_MAIL_ERROR_TLS:
    case VITAE_MAIL_ERROR_STARTTLS:
    case VITAE_MAIL_ERROR_AUTH:
    case VITAE_MAIL_ERROR_REJECTED:
    case VITAE_MAIL_ERROR_FAILED:
    default:
      return FALSE;
    }
}
