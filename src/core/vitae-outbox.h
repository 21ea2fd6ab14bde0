/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vitae-store.h"

G_BEGIN_DECLS

/* The outbox: every email Vitae sends is a row of `email_notifications`,
 * written before it is sent. See vitae-outbox.c for the life of a row. */

#define VITAE_OUTBOX_ERROR (vitae_outbox_error_quark ())

typedef enum {
  VITAE_OUTBOX_ERROR_NOT_FOUND,     /* no such message (deleted meanwhile) */
  VITAE_OUTBOX_ERROR_ALREADY_SENT,  /* a server accepted it: never again */
  VITAE_OUTBOX_ERROR_BUSY,          /* an attempt is under way right now */
} VitaeOutboxError;

typedef enum {
  VITAE_OUTBOX_STATUS_QUEUED,
  VITAE_OUTBOX_STATUS_SENT,
  VITAE_OUTBOX_STATUS_FAILED,
} VitaeOutboxStatus;

/* What a message is, kept with it (the `kind` column). */
#define VITAE_OUTBOX_KIND_MESSAGE           "message"
#define VITAE_OUTBOX_KIND_TEST              "test"
#define VITAE_OUTBOX_KIND_WELCOME           "welcome"
#define VITAE_OUTBOX_KIND_RESUME_CREATED    "resume-created"
#define VITAE_OUTBOX_KIND_RESUME_DOWNLOADED "resume-downloaded"

/* An attempt older than this is over, whatever became of its process: the
 * transports give up long before (see vitae-smtp-transport.c). */
#define VITAE_OUTBOX_ATTEMPT_STALE_SECONDS (10 * 60)

#define VITAE_TYPE_OUTBOX_MESSAGE (vitae_outbox_message_get_type ())
G_DECLARE_FINAL_TYPE (VitaeOutboxMessage, vitae_outbox_message, VITAE, OUTBOX_MESSAGE, GObject)

GQuark              vitae_outbox_error_quark                (void);

gint64              vitae_outbox_message_get_id              (VitaeOutboxMessage *self);
gint64              vitae_outbox_message_get_user_id         (VitaeOutboxMessage *self);
gint64              vitae_outbox_message_get_resume_id       (VitaeOutboxMessage *self);
const char         *vitae_outbox_message_get_kind            (VitaeOutboxMessage *self);
const char         *vitae_outbox_message_get_recipient       (VitaeOutboxMessage *self);
const char         *vitae_outbox_message_get_subject         (VitaeOutboxMessage *self);
const char         *vitae_outbox_message_get_body            (VitaeOutboxMessage *self);
VitaeOutboxStatus   vitae_outbox_message_get_status          (VitaeOutboxMessage *self);
gint64              vitae_outbox_message_get_attempts        (VitaeOutboxMessage *self);
const char         *vitae_outbox_message_get_last_error      (VitaeOutboxMessage *self);
gint64              vitae_outbox_message_get_created_at      (VitaeOutboxMessage *self);
gint64              vitae_outbox_message_get_updated_at      (VitaeOutboxMessage *self);
gint64              vitae_outbox_message_get_sent_at         (VitaeOutboxMessage *self);
const char         *vitae_outbox_message_get_message_id      (VitaeOutboxMessage *self);
GBytes             *vitae_outbox_message_get_attachment      (VitaeOutboxMessage *self);
const char         *vitae_outbox_message_get_attachment_name (VitaeOutboxMessage *self);
const char         *vitae_outbox_message_get_attachment_type (VitaeOutboxMessage *self);
gint64              vitae_outbox_message_get_next_attempt_at (VitaeOutboxMessage *self);
gint64              vitae_outbox_message_get_sending_since   (VitaeOutboxMessage *self);

const char         *vitae_outbox_status_to_string            (VitaeOutboxStatus   status);

VitaeOutboxMessage *vitae_outbox_queue                (VitaeStore   *store,
                                                       gint64        user_id,
                                                       gint64        resume_id,
                                                       const char   *kind,
                                                       const char   *recipient,
                                                       const char   *subject,
                                                       const char   *body,
                                                       GBytes       *attachment,
                                                       const char   *attachment_name,
                                                       const char   *attachment_type,
                                                       GError      **error);
VitaeOutboxMessage *vitae_outbox_get                  (VitaeStore   *store,
                                                       gint64        id,
                                                       GError      **error);
GListModel         *vitae_outbox_list                 (VitaeStore   *store,
                                                       gint64        user_id,
                                                       GError      **error);
GListModel         *vitae_outbox_list_due             (VitaeStore   *store,
                                                       gint64        now,
                                                       GError      **error);
gboolean            vitae_outbox_get_next_due         (VitaeStore   *store,
                                                       gint64       *when,
                                                       GError      **error);
gboolean            vitae_outbox_begin_attempt        (VitaeStore   *store,
                                                       gint64        id,
                                                       GError      **error);
gboolean            vitae_outbox_mark_sent            (VitaeStore   *store,
                                                       gint64        id,
                                                       GError      **error);
gboolean            vitae_outbox_mark_failed          (VitaeStore   *store,
                                                       gint64        id,
                                                       const char   *reason,
                                                       gint64        next_attempt_at,
                                                       GError      **error);
gboolean            vitae_outbox_retry                (VitaeStore   *store,
                                                       gint64        id,
                                                       GError      **error);
gboolean            vitae_outbox_bring_forward        (VitaeStore   *store,
                                                       gint64        now,
                                                       GError      **error);
gboolean            vitae_outbox_delete               (VitaeStore   *store,
                                                       gint64        id,
                                                       GError      **error);
guint               vitae_outbox_recover_interrupted  (VitaeStore   *store,
                                                       gint64        now,
                                                       const char   *reason,
                                                       GError      **error);

G_END_DECLS
