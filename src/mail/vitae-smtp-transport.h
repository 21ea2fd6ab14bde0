/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-mail-transport.h"

G_BEGIN_DECLS

typedef enum {
  VITAE_SMTP_SECURITY_STARTTLS,  /* smtp://, STARTTLS required before AUTH */
  VITAE_SMTP_SECURITY_TLS,       /* smtps://, TLS from the first byte */
  VITAE_SMTP_SECURITY_NONE,      /* in clear: refused unless the host is this machine */
} VitaeSmtpSecurity;

/* A transport gives up on a server that says nothing for this long… */
#define VITAE_SMTP_DEFAULT_TIMEOUT 60
/* …and on any one message after this long, well before the outbox calls
 * an attempt stale (VITAE_OUTBOX_ATTEMPT_STALE_SECONDS). */
#define VITAE_MAIL_MAX_SEND_SECONDS (5 * 60)

#define VITAE_TYPE_SMTP_TRANSPORT (vitae_smtp_transport_get_type ())
G_DECLARE_FINAL_TYPE (VitaeSmtpTransport, vitae_smtp_transport, VITAE, SMTP_TRANSPORT, GObject)

VitaeSmtpTransport *vitae_smtp_transport_new       (const char         *host,
                                                    guint               port,
                                                    VitaeSmtpSecurity   security,
                                                    const char         *user,
                                                    const char         *password,
                                                    const char         *ca_file,
                                                    guint               timeout_seconds);

const char         *vitae_smtp_security_to_string   (VitaeSmtpSecurity   security);
gboolean            vitae_smtp_security_from_string (const char         *text,
                                                    VitaeSmtpSecurity  *security);

G_END_DECLS
