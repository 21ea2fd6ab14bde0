/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VITAE_TYPE_MAIL_MESSAGE (vitae_mail_message_get_type ())
G_DECLARE_FINAL_TYPE (VitaeMailMessage, vitae_mail_message, VITAE, MAIL_MESSAGE, GObject)

/* One email: a sender, one recipient, a UTF-8 subject and text, and an
 * optional attachment. Build it on one thread, then hand it to a transport
 * and change it no more: transports read it from a worker thread. */

VitaeMailMessage *vitae_mail_message_new                 (void);

const char       *vitae_mail_message_get_from_name       (VitaeMailMessage  *self);
const char       *vitae_mail_message_get_from_address    (VitaeMailMessage  *self);
void              vitae_mail_message_set_from            (VitaeMailMessage  *self,
                                                          const char        *name,
                                                          const char        *address);
const char       *vitae_mail_message_get_to_address      (VitaeMailMessage  *self);
void              vitae_mail_message_set_to              (VitaeMailMessage  *self,
                                                          const char        *address);
const char       *vitae_mail_message_get_subject         (VitaeMailMessage  *self);
void              vitae_mail_message_set_subject         (VitaeMailMessage  *self,
                                                          const char        *subject);
const char       *vitae_mail_message_get_body            (VitaeMailMessage  *self);
void              vitae_mail_message_set_body            (VitaeMailMessage  *self,
                                                          const char        *body);
const char       *vitae_mail_message_get_message_id      (VitaeMailMessage  *self);
void              vitae_mail_message_set_message_id      (VitaeMailMessage  *self,
                                                          const char        *message_id);
GDateTime        *vitae_mail_message_get_date            (VitaeMailMessage  *self);
void              vitae_mail_message_set_date            (VitaeMailMessage  *self,
                                                          GDateTime         *date);
GBytes           *vitae_mail_message_get_attachment      (VitaeMailMessage  *self);
const char       *vitae_mail_message_get_attachment_name (VitaeMailMessage  *self);
const char       *vitae_mail_message_get_attachment_type (VitaeMailMessage  *self);
void              vitae_mail_message_set_attachment      (VitaeMailMessage  *self,
                                                          GBytes            *data,
                                                          const char        *filename,
                                                          const char        *content_type);

gboolean          vitae_mail_message_check               (VitaeMailMessage  *self,
                                                          GError           **error);
char            **vitae_mail_message_dup_headers         (VitaeMailMessage  *self);
char             *vitae_mail_message_dup_body_crlf       (VitaeMailMessage  *self);
char             *vitae_mail_message_dup_content_disposition (VitaeMailMessage *self);

/* Helpers, also for the settings and the CLI. */
gboolean          vitae_mail_address_is_valid            (const char        *address);
gboolean          vitae_mail_parse_mailbox               (const char        *text,
                                                          char             **name,
                                                          char             **address);
char             *vitae_mail_format_mailbox              (const char        *name,
                                                          const char        *address);
char             *vitae_mail_encode_header_text          (const char        *text,
                                                          gsize              used);

G_END_DECLS
