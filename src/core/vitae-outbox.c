/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-outbox"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vitae-outbox.h"
#include "vitae-store-private.h"

/* The life of a row of `email_notifications`:
 *
 *   queue          status queued, next_attempt_at = now
 *   begin_attempt  attempts + 1, sending_since = now     (one statement: a claim)
 *   mark_sent      status sent, sent_at = now             (final: never sent again)
 *   mark_failed    status failed, last_error, next_attempt_at = a retry time
 *                  or NULL when only the person may retry
 *
 * The claim is made durable before a byte goes to the server. If Vitae dies
 * between "the server accepted" and mark_sent, the row still has
 * sending_since; vitae_outbox_recover_interrupted() then marks it failed with
 * no automatic retry, because the server may well have accepted it. Vitae
 * thus sends each message at most once on its own; a person who checks and
 * presses Retry sends it again with the same Message-ID. */

struct _VitaeOutboxMessage
{
  GObject            parent_instance;

  gint64             id;
  gint64             user_id;
  gint64             resume_id;
  char              *kind;
  char              *recipient;
  char              *subject;
  char              *body;
  VitaeOutboxStatus  status;
  gint64             attempts;
  char              *last_error;
  gint64             created_at;
  gint64             updated_at;
  gint64             sent_at;
  char              *message_id;
  GBytes            *attachment;
  char              *attachment_name;
  char              *attachment_type;
  gint64             next_attempt_at;
  gint64             sending_since;
};

G_DEFINE_FINAL_TYPE (VitaeOutboxMessage, vitae_outbox_message, G_TYPE_OBJECT)

G_DEFINE_QUARK (vitae-outbox-error-quark, vitae_outbox_error)

#define COLUMNS_BEFORE_ATTACHMENT \
  "id, user_id, resume_id, kind, recipient, subject, body, status, attempts, last_error," \
  " created_at, updated_at, sent_at, message_id, "
#define COLUMNS_AFTER_ATTACHMENT \
  ", attachment_name, attachment_type, next_attempt_at, sending_since"
/* Lists leave the attachment out: a view never needs its bytes. */
#define FULL_COLUMNS COLUMNS_BEFORE_ATTACHMENT "attachment" COLUMNS_AFTER_ATTACHMENT
#define LIST_COLUMNS COLUMNS_BEFORE_ATTACHMENT "NULL" COLUMNS_AFTER_ATTACHMENT

static const char * const status_names[] = { "queued", "sent", "failed" };

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text ? g_strdup ((const char *)text) : NULL;
}

static VitaeOutboxStatus
status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (status_names[i], text) == 0)
      return (VitaeOutboxStatus)i;
  return VITAE_OUTBOX_STATUS_FAILED;
}

static VitaeOutboxMessage *
message_from_row (sqlite3_stmt *stmt)
{
  VitaeOutboxMessage *self = g_object_new (VITAE_TYPE_OUTBOX_MESSAGE, NULL);
  g_autofree char *status = NULL;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->user_id = sqlite3_column_int64 (stmt, 1);
  self->resume_id = sqlite3_column_int64 (stmt, 2);
  self->kind = column_text (stmt, 3);
  self->recipient = column_text (stmt, 4);
  self->subject = column_text (stmt, 5);
  self->body = column_text (stmt, 6);
  status = column_text (stmt, 7);
  self->status = status_from_string (status);
  self->attempts = sqlite3_column_int64 (stmt, 8);
  self->last_error = column_text (stmt, 9);
  self->created_at = sqlite3_column_int64 (stmt, 10);
  self->updated_at = sqlite3_column_int64 (stmt, 11);
  self->sent_at = sqlite3_column_int64 (stmt, 12);
  self->message_id = column_text (stmt, 13);
  if (sqlite3_column_type (stmt, 14) == SQLITE_BLOB)
    self->attachment = g_bytes_new (sqlite3_column_blob (stmt, 14), sqlite3_column_bytes (stmt, 14));
  self->attachment_name = column_text (stmt, 15);
  self->attachment_type = column_text (stmt, 16);
  self->next_attempt_at = sqlite3_column_int64 (stmt, 17);
  self->sending_since = sqlite3_column_int64 (stmt, 18);
  return self;
}

static sqlite3_stmt *
prepare (VitaeStore  *store,
         const char  *sql,
         GError     **error)
{
  sqlite3 *db = vitae_store_get_db (store);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      vitae_store_set_error_from_db (error, db, _("Could not read the outbox"));
      return NULL;
    }
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
bind_time (sqlite3_stmt *stmt,
           int           index,
           gint64        unix_time)
{
  if (unix_time <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, unix_time);
}

/* Runs a statement that returns no row, then finalizes it. */
static gboolean
run (VitaeStore    *store,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    vitae_store_set_error_from_db (error, vitae_store_get_db (store), _("Could not save the outbox"));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

static GListModel *
list_query (VitaeStore   *store,
            sqlite3_stmt *stmt,
            GError      **error)
{
  g_autoptr(GListStore) messages = g_list_store_new (VITAE_TYPE_OUTBOX_MESSAGE);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VitaeOutboxMessage) message = message_from_row (stmt);
      g_list_store_append (messages, message);
    }
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, vitae_store_get_db (store), _("Could not read the outbox"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return G_LIST_MODEL (g_steal_pointer (&messages));
}

/* After an UPDATE that changed no row, says why in @error. */
static void
explain_unchanged (VitaeStore  *store,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(VitaeOutboxMessage) message = vitae_outbox_get (store, id, error);

  if (message == NULL)
    return;
  if (message->status == VITAE_OUTBOX_STATUS_SENT)
    g_set_error_literal (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_ALREADY_SENT,
                         _("This message was already sent"));
  else if (message->sending_since != 0)
    g_set_error_literal (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_BUSY,
                         _("This message is being sent right now"));
  else
    g_set_error_literal (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_NOT_FOUND,
                         _("The message is no longer in the outbox"));
}

static void
vitae_outbox_message_finalize (GObject *object)
{
  VitaeOutboxMessage *self = (VitaeOutboxMessage *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->recipient, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->message_id, g_free);
  g_clear_pointer (&self->attachment, g_bytes_unref);
  g_clear_pointer (&self->attachment_name, g_free);
  g_clear_pointer (&self->attachment_type, g_free);

  G_OBJECT_CLASS (vitae_outbox_message_parent_class)->finalize (object);
}

static void
vitae_outbox_message_class_init (VitaeOutboxMessageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitae_outbox_message_finalize;
}

static void
vitae_outbox_message_init (VitaeOutboxMessage *self)
{
}

/* Getters ------------------------------------------------------------------ */

#define GETTER(type_, name_)                                               \
  type_                                                                    \
  vitae_outbox_message_get_##name_ (VitaeOutboxMessage *self)              \
  {                                                                        \
    g_return_val_if_fail (VITAE_IS_OUTBOX_MESSAGE (self), (type_)0);       \
    return self->name_;                                                    \
  }

GETTER (gint64, id)
GETTER (gint64, user_id)
GETTER (gint64, resume_id)
GETTER (const char *, kind)
GETTER (const char *, recipient)
GETTER (const char *, subject)
GETTER (const char *, body)
GETTER (VitaeOutboxStatus, status)
GETTER (gint64, attempts)
GETTER (const char *, last_error)
GETTER (gint64, created_at)
GETTER (gint64, updated_at)
GETTER (gint64, sent_at)
GETTER (const char *, message_id)
GETTER (GBytes *, attachment)
GETTER (const char *, attachment_name)
GETTER (const char *, attachment_type)
GETTER (gint64, next_attempt_at)
GETTER (gint64, sending_since)

#undef GETTER

const char *
vitae_outbox_status_to_string (VitaeOutboxStatus status)
{
  g_return_val_if_fail (status <= VITAE_OUTBOX_STATUS_FAILED, NULL);
  return status_names[status];
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_outbox_queue:
 * @resume_id: the resume the message is about, or 0
 * @kind: one of the VITAE_OUTBOX_KIND_ strings
 * @attachment: (nullable): a file to attach, kept with the message so that a
 *   retry sends exactly the same bytes
 *
 * Writes a message to the outbox, queued and due now. Nothing is sent.
 *
 * Returns: (transfer full): the queued message
 */
VitaeOutboxMessage *
vitae_outbox_queue (VitaeStore   *store,
                    gint64        user_id,
                    gint64        resume_id,
                    const char   *kind,
                    const char   *recipient,
                    const char   *subject,
                    const char   *body,
                    GBytes       *attachment,
                    const char   *attachment_name,
                    const char   *attachment_type,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *message_id = g_uuid_string_random ();
  gint64 now = now_seconds ();
  gint64 id;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);
  g_return_val_if_fail (user_id > 0, NULL);
  g_return_val_if_fail (kind != NULL && recipient != NULL && subject != NULL && body != NULL, NULL);
  g_return_val_if_fail (attachment == NULL || attachment_name != NULL, NULL);

  stmt = prepare (store,
                  "INSERT INTO email_notifications"
                  " (user_id, resume_id, kind, recipient, subject, body, status, attempts,"
                  "  created_at, updated_at, message_id, attachment, attachment_name,"
                  "  attachment_type, next_attempt_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', 0, ?7, ?7, ?8, ?9, ?10, ?11, ?7)",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (resume_id > 0)
    sqlite3_bind_int64 (stmt, 2, resume_id);
  bind_text (stmt, 3, kind);
  bind_text (stmt, 4, recipient);
  bind_text (stmt, 5, subject);
  bind_text (stmt, 6, body);
  sqlite3_bind_int64 (stmt, 7, now);
  bind_text (stmt, 8, message_id);
  if (attachment != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (attachment, &size);
      sqlite3_bind_blob64 (stmt, 9, data ? data : "", size, SQLITE_TRANSIENT);
    }
  bind_text (stmt, 10, attachment ? attachment_name : NULL);
  bind_text (stmt, 11, attachment ? (attachment_type ? attachment_type : "application/octet-stream") : NULL);
  if (!run (store, stmt, error))
    return NULL;

  id = sqlite3_last_insert_rowid (vitae_store_get_db (store));
  return vitae_outbox_get (store, id, error);
}

/**
 * vitae_outbox_get:
 *
 * Returns: (transfer full): the message with its attachment, or %NULL with
 *   %VITAE_OUTBOX_ERROR_NOT_FOUND
 */
VitaeOutboxMessage *
vitae_outbox_get (VitaeStore  *store,
                  gint64       id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  VitaeOutboxMessage *message = NULL;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  stmt = prepare (store, "SELECT " FULL_COLUMNS " FROM email_notifications WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    message = message_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_NOT_FOUND,
                         _("The message is no longer in the outbox"));
  else
    vitae_store_set_error_from_db (error, vitae_store_get_db (store), _("Could not read the outbox"));
  sqlite3_finalize (stmt);
  return message;
}

/**
 * vitae_outbox_list:
 * @user_id: a profile, or 0 for every profile
 *
 * Returns: (transfer full): #VitaeOutboxMessage rows, newest first, without
 *   their attachments' bytes
 */
GListModel *
vitae_outbox_list (VitaeStore  *store,
                   gint64       user_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  stmt = prepare (store,
                  "SELECT " LIST_COLUMNS " FROM email_notifications"
                  " WHERE ?1 = 0 OR user_id = ?1 ORDER BY created_at DESC, id DESC",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, user_id);
  return list_query (store, stmt, error);
}

/**
 * vitae_outbox_list_due:
 *
 * Returns: (transfer full): the messages whose automatic attempt is due at
 *   @now and that nobody is sending, oldest first
 */
GListModel *
vitae_outbox_list_due (VitaeStore  *store,
                       gint64       now,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  stmt = prepare (store,
                  "SELECT " LIST_COLUMNS " FROM email_notifications"
                  " WHERE status != 'sent' AND sending_since IS NULL"
                  " AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?1"
                  " ORDER BY next_attempt_at, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  return list_query (store, stmt, error);
}

/**
 * vitae_outbox_get_next_due:
 * @when: (out): the next time the outbox needs attention, or 0 for never
 *
 * The earliest automatic attempt, or the time an attempt under way becomes
 * stale (see vitae_outbox_recover_interrupted()).
 */
gboolean
vitae_outbox_get_next_due (VitaeStore  *store,
                           gint64      *when,
                           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  stmt = prepare (store,
                  "SELECT min (CASE WHEN sending_since IS NULL THEN next_attempt_at"
                  "                 ELSE sending_since + ?1 END)"
                  " FROM email_notifications WHERE status != 'sent'"
                  " AND (next_attempt_at IS NOT NULL OR sending_since IS NOT NULL)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, VITAE_OUTBOX_ATTEMPT_STALE_SECONDS);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      vitae_store_set_error_from_db (error, vitae_store_get_db (store), _("Could not read the outbox"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *when = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/**
 * vitae_outbox_begin_attempt:
 *
 * Claims a message for one attempt: counts it and marks it as being sent,
 * durably, before anything reaches a server. Fails with
 * %VITAE_OUTBOX_ERROR_ALREADY_SENT, %VITAE_OUTBOX_ERROR_BUSY (another attempt,
 * maybe by another Vitae, is under way) or %VITAE_OUTBOX_ERROR_NOT_FOUND.
 */
gboolean
vitae_outbox_begin_attempt (VitaeStore  *store,
                            gint64       id,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  g_return_val_if_fail (VITAE_IS_STORE (store), FALSE);

  stmt = prepare (store,
                  "UPDATE email_notifications SET attempts = attempts + 1, sending_since = ?2,"
                  " updated_at = ?2"
                  " WHERE id = ?1 AND status != 'sent' AND sending_since IS NULL",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!run (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (vitae_store_get_db (store)) == 1)
    return TRUE;
  explain_unchanged (store, id, error);
  return FALSE;
}

/**
 * vitae_outbox_mark_sent:
 *
 * Records that a server accepted the message; it is never sent again.
 */
gboolean
vitae_outbox_mark_sent (VitaeStore  *store,
                        gint64       id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  g_return_val_if_fail (VITAE_IS_STORE (store), FALSE);

  stmt = prepare (store,
                  "UPDATE email_notifications SET status = 'sent', sent_at = ?2, updated_at = ?2,"
                  " sending_since = NULL, next_attempt_at = NULL, last_error = NULL"
                  " WHERE id = ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!run (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (vitae_store_get_db (store)) == 1)
    return TRUE;
  g_set_error_literal (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_NOT_FOUND,
                       _("The message is no longer in the outbox"));
  return FALSE;
}

/**
 * vitae_outbox_mark_failed:
 * @reason: why, in words a person understands (never a secret)
 * @next_attempt_at: when to try again on our own, or 0 to wait for the person
 *
 * Ends an attempt that did not get the message accepted.
 */
gboolean
vitae_outbox_mark_failed (VitaeStore  *store,
                          gint64       id,
                          const char  *reason,
                          gint64       next_attempt_at,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  g_return_val_if_fail (VITAE_IS_STORE (store), FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  stmt = prepare (store,
                  "UPDATE email_notifications SET status = 'failed', last_error = ?2,"
                  " next_attempt_at = ?3, sending_since = NULL, updated_at = ?4"
                  " WHERE id = ?1 AND status != 'sent'",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, reason);
  bind_time (stmt, 3, next_attempt_at);
  sqlite3_bind_int64 (stmt, 4, now);
  if (!run (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (vitae_store_get_db (store)) == 1)
    return TRUE;
  explain_unchanged (store, id, error);
  return FALSE;
}

/**
 * vitae_outbox_retry:
 *
 * The person asks for another attempt: the message is queued and due now.
 * A sent message, or one being sent, is refused.
 */
gboolean
vitae_outbox_retry (VitaeStore  *store,
                    gint64       id,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  g_return_val_if_fail (VITAE_IS_STORE (store), FALSE);

  stmt = prepare (store,
                  "UPDATE email_notifications SET status = 'queued', next_attempt_at = ?2,"
                  " updated_at = ?2"
                  " WHERE id = ?1 AND status != 'sent' AND sending_since IS NULL",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!run (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (vitae_store_get_db (store)) == 1)
    return TRUE;
  explain_unchanged (store, id, error);
  return FALSE;
}

/**
 * vitae_outbox_bring_forward:
 *
 * Makes every message waiting for an automatic retry due at @now: the
 * network came back, so waiting out the backoff helps nobody.
 */
gboolean
vitae_outbox_bring_forward (VitaeStore  *store,
                            gint64       now,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (store), FALSE);

  stmt = prepare (store,
                  "UPDATE email_notifications SET next_attempt_at = ?1"
                  " WHERE status != 'sent' AND sending_since IS NULL"
                  " AND next_attempt_at IS NOT NULL AND next_attempt_at > ?1",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  return run (store, stmt, error);
}

/**
 * vitae_outbox_delete:
 *
 * Deletes a message, whatever its status, unless it is being sent.
 */
gboolean
vitae_outbox_delete (VitaeStore  *store,
                     gint64       id,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (store), FALSE);

  stmt = prepare (store,
                  "DELETE FROM email_notifications WHERE id = ?1 AND sending_since IS NULL",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!run (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (vitae_store_get_db (store)) == 1)
    return TRUE;
  explain_unchanged (store, id, error);
  return FALSE;
}

/**
 * vitae_outbox_recover_interrupted:
 * @reason: what to tell the person
 *
 * Ends the attempts that began at least %VITAE_OUTBOX_ATTEMPT_STALE_SECONDS
 * before @now and never finished (Vitae was killed, or the machine stopped):
 * they become failed with @reason and no automatic retry, since the server
 * may have accepted them.
 *
 * Returns: how many messages were recovered, or 0 with @error set
 */
guint
vitae_outbox_recover_interrupted (VitaeStore  *store,
                                  gint64       now,
                                  const char  *reason,
                                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (store), 0);
  g_return_val_if_fail (reason != NULL, 0);

  stmt = prepare (store,
                  "UPDATE email_notifications SET status = 'failed', last_error = ?2,"
                  " next_attempt_at = NULL, sending_since = NULL, updated_at = ?1"
                  " WHERE status != 'sent' AND sending_since IS NOT NULL"
                  " AND sending_since <= ?1 - ?3",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, now);
  bind_text (stmt, 2, reason);
  sqlite3_bind_int64 (stmt, 3, VITAE_OUTBOX_ATTEMPT_STALE_SECONDS);
  if (!run (store, stmt, error))
    return 0;
  return sqlite3_changes (vitae_store_get_db (store));
}
