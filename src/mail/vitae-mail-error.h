/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VITAE_MAIL_ERROR (vitae_mail_error_quark ())

/* Why a message was not sent. Every message of these errors is meant for a
 * person: it says what happened and, where it can, what to do. None ever
 * holds a password or an API key. */
typedef enum {
  VITAE_MAIL_ERROR_NOT_CONFIGURED,   /* email is not set up */
  VITAE_MAIL_ERROR_INVALID,          /* a bad address, URL or setting */
  VITAE_MAIL_ERROR_NO_SECRET,        /* the keyring holds no password or key */
  VITAE_MAIL_ERROR_KEYRING,          /* the keyring could not be used */
  VITAE_MAIL_ERROR_CONNECT,          /* nothing listening, no route, no such host */
  VITAE_MAIL_ERROR_TIMEOUT,          /* the server stopped answering */
  VITAE_MAIL_ERROR_CONNECTION_LOST,  /* the line dropped before the server accepted */
  VITAE_MAIL_ERROR_TLS,              /* an untrusted certificate, a failed handshake */
  VITAE_MAIL_ERROR_STARTTLS,         /* STARTTLS required but not offered */
  VITAE_MAIL_ERROR_AUTH,             /* wrong user name, password or API key */
  VITAE_MAIL_ERROR_TEMPORARY,        /* a 4xx reply: try again later */
  VITAE_MAIL_ERROR_REJECTED,         /* a 5xx reply: the server will not take it */
  VITAE_MAIL_ERROR_FAILED,           /* anything else */
} VitaeMailError;

GQuark   vitae_mail_error_quark        (void);
gboolean vitae_mail_error_is_transient (const GError *error);

G_END_DECLS
