/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-mail"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-mail-config.h"
#include "vitae-mail-secret.h"
#include "vitae-mailer.h"

/* One attempt, on the main thread but for the transport's own work:
 *
 *   claim (vitae_outbox_begin_attempt) -> settings -> keyring -> transport
 *     -> mark sent, or mark failed with the reason and, for a failure that
 *        time may cure, when to try again.
 *
 * A claimed message is never claimed twice (the database says so, across
 * processes too), and a sent one never again: see vitae-outbox.c. */

struct _VitaeMailer
{
  GObject          parent_instance;

  VitaeStore      *store;
  gboolean         store_owns_us;
  GSettings       *settings;

  GHashTable      *in_flight;        /* outbox ids being sent */
  GCancellable    *cancellable;      /* cancelled when the mailer goes away */

  /* automatic retries, after vitae_mailer_start() */
  gboolean         started;
  guint            retry_base;
  guint            timer_id;
  GQueue           due;
  gboolean         draining;
  GNetworkMonitor *monitor;
  gboolean         network_available;
};

enum {
  OUTBOX_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VitaeMailer, vitae_mailer, G_TYPE_OBJECT)

typedef struct {
  VitaeStore         *store;
  gint64              id;
  VitaeOutboxMessage *row;
  VitaeMailConfig    *config;
  VitaeMailTransport *transport;
} SendData;

static void schedule (VitaeMailer *self);

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->row);
  g_clear_pointer (&data->config, vitae_mail_config_free);
  g_clear_object (&data->transport);
  g_free (data);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
emit_changed (VitaeMailer *self)
{
  g_signal_emit (self, signals[OUTBOX_CHANGED], 0);
}

static const char *
interrupted_reason (void)
{
  return _("Vitae stopped while this message was being sent, so the server may have accepted it. "
           "Check with the recipient before you retry.");
}

/* 1, 2, 4, 8… times the base, at most an hour; none after the last try. */
static gint64
next_attempt_after (VitaeMailer *self,
                    gint64       attempts)
{
  gint64 delay = self->retry_base;

  if (attempts >= VITAE_MAILER_MAX_AUTOMATIC_ATTEMPTS)
    return 0;
  for (gint64 i = 1; i < attempts && delay < 3600; i++)
    delay *= 2;
  return now_seconds () + MIN (delay, 3600);
}

static VitaeMailMessage *
build_message (SendData *data)
{
  VitaeMailMessage *message = vitae_mail_message_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  VitaeOutboxMessage *row = data->row;

  vitae_mail_message_set_from (message, data->config->from_name, data->config->from_address);
  vitae_mail_message_set_to (message, vitae_outbox_message_get_recipient (row));
  vitae_mail_message_set_subject (message, vitae_outbox_message_get_subject (row));
  vitae_mail_message_set_body (message, vitae_outbox_message_get_body (row));
  vitae_mail_message_set_message_id (message, vitae_outbox_message_get_message_id (row));
  vitae_mail_message_set_date (message, now);
  if (vitae_outbox_message_get_attachment (row) != NULL)
    vitae_mail_message_set_attachment (message, vitae_outbox_message_get_attachment (row),
                                       vitae_outbox_message_get_attachment_name (row),
                                       vitae_outbox_message_get_attachment_type (row));
  return message;
}

static void
finish_sent (GTask *task)
{
  VitaeMailer *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* If this write fails the row keeps sending_since, and is recovered as
   * "may have been sent": never sent again on its own. */
  if (!vitae_outbox_mark_sent (data->store, data->id, &error))
    g_message ("The server accepted outbox message %" G_GINT64_FORMAT " but it could not be marked sent: %s",
               data->id, error->message);
  else if (g_strcmp0 (vitae_outbox_message_get_kind (data->row), VITAE_OUTBOX_KIND_MESSAGE) == 0 &&
           vitae_outbox_message_get_resume_id (data->row) > 0)
    {
      g_autoptr(VitaeEvent) event = NULL;

      event = vitae_store_record_event (data->store, vitae_outbox_message_get_user_id (data->row),
                                        vitae_outbox_message_get_resume_id (data->row),
                                        VITAE_EVENT_EMAIL, vitae_outbox_message_get_recipient (data->row),
                                        &error);
      if (event == NULL)
        g_message ("Could not record the email event: %s", error->message);
    }

  g_hash_table_remove (self->in_flight, &data->id);
  emit_changed (self);
  schedule (self);
  g_task_return_boolean (task, TRUE);
}

static void
finish_failed (GTask  *task,
               GError *error)
{
  VitaeMailer *self = g_task_get_source_object (task);
  SendData *data = g_task_get_task_data (task);
  g_autoptr(VitaeOutboxMessage) row = vitae_outbox_get (data->store, data->id, NULL);
  g_autoptr(GError) local_error = NULL;
  gint64 attempts = row ? vitae_outbox_message_get_attempts (row) : 1;
  gint64 next = 0;

  if (vitae_mail_error_is_transient (error))
    next = next_attempt_after (self, attempts);

  if (!vitae_outbox_mark_failed (data->store, data->id, error->message, next, &local_error))
    g_debug ("Outbox message %" G_GINT64_FORMAT " not marked failed: %s", data->id, local_error->message);

  g_hash_table_remove (self->in_flight, &data->id);
  emit_changed (self);
  schedule (self);
  g_task_return_error (task, error);
}

static void
on_transport_sent (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (vitae_mail_transport_send_finish (VITAE_MAIL_TRANSPORT (source), result, &error))
    finish_sent (task);
  else
    finish_failed (task, error);
}

static void
transmit (GTask      *task,
          const char *secret)
{
  SendData *data = g_task_get_task_data (task);
  g_autoptr(VitaeMailMessage) message = build_message (data);

  data->transport = vitae_mail_config_create_transport (data->config, secret);
  vitae_mail_transport_send_async (data->transport, message, g_task_get_cancellable (task),
                                   on_transport_sent, task);
}

static void
on_secret_looked_up (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  char *secret = vitae_mail_secret_lookup_finish (result, &error);

  if (secret == NULL)
    {
      finish_failed (task, error);
      g_object_unref (task);
      return;
    }
  transmit (task, secret);
  vitae_mail_secret_free (secret);
}

static void
on_background_sent (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vitae_mailer_send_finish (VITAE_MAILER (source), result, &error))
    g_debug ("A queued message was not sent: %s", error->message);
}

static void drain (VitaeMailer *self);

static void
on_drained (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  VitaeMailer *self = VITAE_MAILER (source);
  g_autoptr(GError) error = NULL;

  if (!vitae_mailer_send_finish (self, result, &error))
    g_debug ("Automatic retry failed: %s", error->message);
  self->draining = FALSE;
  drain (self);
}

/* One automatic attempt at a time: a queue of due messages, in order. */
static void
drain (VitaeMailer *self)
{
  while (!self->draining && !g_queue_is_empty (&self->due))
    {
      gint64 id = GPOINTER_TO_SIZE (g_queue_pop_head (&self->due));

      if (g_hash_table_contains (self->in_flight, &id))
        continue;
      self->draining = TRUE;
      vitae_mailer_send_async (self, id, self->cancellable, on_drained, NULL);
    }
}

static void
process_due (VitaeMailer *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) due = NULL;
  guint recovered;

  if (!self->started || self->store == NULL)
    return;

  recovered = vitae_outbox_recover_interrupted (self->store, now_seconds (), interrupted_reason (), &error);
  if (recovered > 0)
    emit_changed (self);
  g_clear_error (&error);

  due = vitae_outbox_list_due (self->store, now_seconds (), &error);
  if (due == NULL)
    {
      g_debug ("Could not read the outbox: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(VitaeOutboxMessage) message = g_list_model_get_item (due, i);
      gpointer id = GSIZE_TO_POINTER ((gsize)vitae_outbox_message_get_id (message));

      if (g_queue_find (&self->due, id) == NULL)
        g_queue_push_tail (&self->due, id);
    }
  drain (self);
  schedule (self);
}

static gboolean
on_timer (gpointer user_data)
{
  VitaeMailer *self = user_data;

  self->timer_id = 0;
  process_due (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (VitaeMailer *self)
{
  g_autoptr(GError) error = NULL;
  gint64 when = 0;
  gint64 delay;

  if (!self->started || self->store == NULL)
    return;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (!vitae_outbox_get_next_due (self->store, &when, &error) || when == 0)
    return;
  delay = CLAMP (when - now_seconds (), 1, 24 * 3600);
  self->timer_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, (guint)delay, on_timer, self, NULL);
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    VitaeMailer     *self)
{
  gboolean was_available = self->network_available;

  self->network_available = available;
  if (!available || was_available || self->store == NULL)
    return;

  /* Back online: whatever waits out a backoff goes now. */
  g_debug ("The network is back: retrying the outbox");
  vitae_outbox_bring_forward (self->store, now_seconds (), NULL);
  process_due (self);
}

static void
on_store_gone (gpointer  data,
               GObject  *where_the_store_was)
{
  VitaeMailer *self = data;

  self->store = NULL;
}

static void
vitae_mailer_dispose (GObject *object)
{
  VitaeMailer *self = (VitaeMailer *)object;

  self->started = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_queue_clear (&self->due);
  if (self->store != NULL)
    {
      if (self->store_owns_us)
        g_object_weak_unref (G_OBJECT (self->store), on_store_gone, self);
      else
        g_object_unref (self->store);
      self->store = NULL;
    }
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vitae_mailer_parent_class)->dispose (object);
}

static void
vitae_mailer_finalize (GObject *object)
{
  VitaeMailer *self = (VitaeMailer *)object;

  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vitae_mailer_parent_class)->finalize (object);
}

static void
vitae_mailer_class_init (VitaeMailerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vitae_mailer_dispose;
  object_class->finalize = vitae_mailer_finalize;

  /**
   * VitaeMailer::outbox-changed:
   *
   * A message was queued, or an attempt began or ended.
   */
  signals[OUTBOX_CHANGED] =
    g_signal_new ("outbox-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vitae_mailer_init (VitaeMailer *self)
{
  self->in_flight = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->retry_base = 60;
  g_queue_init (&self->due);
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_mailer_new:
 * @settings: (nullable): the email settings; %NULL reads the installed ones
 *
 * Returns: (transfer full): a mailer for the outbox of @store
 */
VitaeMailer *
vitae_mailer_new (VitaeStore *store,
                  GSettings  *settings)
{
  VitaeMailer *self;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VITAE_TYPE_MAILER, NULL);
  self->store = g_object_ref (store);
  self->settings = settings ? g_object_ref (settings) : vitae_mail_settings_new ();
  return self;
}

/**
 * vitae_mailer_get_for_store:
 *
 * The one mailer of @store in this process, made on first use and kept as
 * long as the store: every window and dialog of an app shares it, and so
 * its retries and its idea of what is in flight.
 *
 * Returns: (transfer none): the mailer
 */
VitaeMailer *
vitae_mailer_get_for_store (VitaeStore *store)
{
  static GQuark quark;
  VitaeMailer *self;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("vitae-mailer");
  self = g_object_get_qdata (G_OBJECT (store), quark);
  if (self != NULL)
    return self;

  self = vitae_mailer_new (store, NULL);
  /* The store owns the mailer; the mailer only watches the store. */
  g_object_unref (self->store);
  g_object_weak_ref (G_OBJECT (store), on_store_gone, self);
  self->store_owns_us = TRUE;
  g_object_set_qdata_full (G_OBJECT (store), quark, self, g_object_unref);
  return self;
}

VitaeStore *
vitae_mailer_get_store (VitaeMailer *self)
{
  g_return_val_if_fail (VITAE_IS_MAILER (self), NULL);
  return self->store;
}

/**
 * vitae_mailer_get_settings:
 *
 * Returns: (transfer none) (nullable): the email settings
 */
GSettings *
vitae_mailer_get_settings (VitaeMailer *self)
{
  g_return_val_if_fail (VITAE_IS_MAILER (self), NULL);
  return self->settings;
}

/**
 * vitae_mailer_is_configured:
 *
 * Returns: %TRUE when the settings say how to send mail (the keyring is not
 *   asked)
 */
gboolean
vitae_mailer_is_configured (VitaeMailer *self)
{
  g_autoptr(VitaeMailConfig) config = NULL;

  g_return_val_if_fail (VITAE_IS_MAILER (self), FALSE);

  config = vitae_mail_config_load (self->settings);
  return vitae_mail_config_check (config, NULL);
}

/**
 * vitae_mailer_start:
 *
 * From now on, retries failed messages when they are due (with backoff) and
 * at once when the network comes back, and sends queued ones. Messages whose
 * attempt was cut short by a crash are marked failed, not resent.
 */
void
vitae_mailer_start (VitaeMailer *self)
{
  g_return_if_fail (VITAE_IS_MAILER (self));

  if (self->started)
    return;
  self->started = TRUE;
  if (self->monitor == NULL)
    vitae_mailer_set_network_monitor (self, g_network_monitor_get_default ());
  process_due (self);
}

/**
 * vitae_mailer_set_network_monitor:
 *
 * Watches @monitor instead of the default one (for tests).
 */
void
vitae_mailer_set_network_monitor (VitaeMailer     *self,
                                  GNetworkMonitor *monitor)
{
  g_return_if_fail (VITAE_IS_MAILER (self));
  g_return_if_fail (G_IS_NETWORK_MONITOR (monitor));

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_set_object (&self->monitor, monitor);
  self->network_available = g_network_monitor_get_network_available (monitor);
  g_signal_connect (monitor, "network-changed", G_CALLBACK (on_network_changed), self);
}

/**
 * vitae_mailer_set_retry_base:
 *
 * The first automatic retry comes @seconds after a failure, each next one
 * twice as late (60 s by default; tests use less).
 */
void
vitae_mailer_set_retry_base (VitaeMailer *self,
                             guint        seconds)
{
  g_return_if_fail (VITAE_IS_MAILER (self));
  g_return_if_fail (seconds > 0);

  self->retry_base = seconds;
}

/**
 * vitae_mailer_send_async:
 * @outbox_id: a message in the outbox, queued or failed
 *
 * Makes one attempt at sending the message, and records its outcome in the
 * outbox before @callback runs.
 */
void
vitae_mailer_send_async (VitaeMailer         *self,
                         gint64               outbox_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  SendData *data;
  GError *error = NULL;

  g_return_if_fail (VITAE_IS_MAILER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitae_mailer_send_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The database is closed"));
      g_object_unref (task);
      return;
    }

  if (g_hash_table_contains (self->in_flight, &outbox_id) ||
      !vitae_outbox_begin_attempt (self->store, outbox_id, &error))
    {
      if (error == NULL)
        error = g_error_new_literal (VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_BUSY,
                                     _("This message is being sent right now"));
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  data = g_new0 (SendData, 1);
  data->store = g_object_ref (self->store);
  data->id = outbox_id;
  g_task_set_task_data (task, data, (GDestroyNotify)send_data_free);
  g_hash_table_add (self->in_flight, g_memdup2 (&outbox_id, sizeof outbox_id));
  emit_changed (self);

  data->row = vitae_outbox_get (self->store, outbox_id, &error);
  data->config = vitae_mail_config_load (self->settings);
  if (data->row == NULL || !vitae_mail_config_check (data->config, &error))
    {
      finish_failed (task, error);
      g_object_unref (task);
      return;
    }

  if (!vitae_mail_config_needs_secret (data->config))
    {
      transmit (task, NULL);
      return;
    }
  vitae_mail_secret_lookup_async (vitae_mail_config_get_secret_kind (data->config),
                                  vitae_mail_config_get_secret_server (data->config),
                                  vitae_mail_config_get_secret_user (data->config),
                                  cancellable, on_secret_looked_up, task);
}

/**
 * vitae_mailer_send_finish:
 *
 * Returns: %TRUE when a server accepted the message (and it is marked
 *   sent); else the reason, also written to the outbox
 */
gboolean
vitae_mailer_send_finish (VitaeMailer   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  gboolean  done;
  gboolean  sent;
  GError   *error;
} SyncResult;

static void
on_sync_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncResult *sync = user_data;

  sync->sent = vitae_mailer_send_finish (VITAE_MAILER (source), result, &sync->error);
  sync->done = TRUE;
}

/**
 * vitae_mailer_send_sync:
 *
 * vitae_mailer_send_async(), waiting for the result in a main context of
 * its own (for the command line).
 */
gboolean
vitae_mailer_send_sync (VitaeMailer  *self,
                        gint64        outbox_id,
                        GError      **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  SyncResult sync = { FALSE, FALSE, NULL };

  g_return_val_if_fail (VITAE_IS_MAILER (self), FALSE);

  g_main_context_push_thread_default (context);
  vitae_mailer_send_async (self, outbox_id, NULL, on_sync_sent, &sync);
  while (!sync.done)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  if (sync.error != NULL)
    g_propagate_error (error, sync.error);
  return sync.sent;
}

/**
 * vitae_mailer_notify:
 * @resume: (nullable): the resume it is about
 *
 * Queues and sends (in the background) one of the notifications the person
 * chose in Preferences, to the profile's own address. Nothing happens when
 * that notification is off, email is not set up, or the profile has no
 * valid address.
 *
 * Returns: (transfer full) (nullable): the queued message, or %NULL
 */
VitaeOutboxMessage *
vitae_mailer_notify (VitaeMailer           *self,
                     VitaeMailNotification  notification,
                     VitaeUser             *user,
                     VitaeResume           *resume)
{
  static const char * const keys[] = { "notify-welcome", "notify-resume-created", "notify-resume-downloaded" };
  static const char * const kinds[] = { VITAE_OUTBOX_KIND_WELCOME, VITAE_OUTBOX_KIND_RESUME_CREATED,
                                        VITAE_OUTBOX_KIND_RESUME_DOWNLOADED };
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%c");
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  const char *name, *title;

  g_return_val_if_fail (VITAE_IS_MAILER (self), NULL);
  g_return_val_if_fail (notification <= VITAE_MAIL_NOTIFY_RESUME_DOWNLOADED, NULL);
  g_return_val_if_fail (VITAE_IS_USER (user), NULL);
  g_return_val_if_fail (resume == NULL || VITAE_IS_RESUME (resume), NULL);

  if (self->settings == NULL || self->store == NULL ||
      !g_settings_get_boolean (self->settings, keys[notification]) ||
      !vitae_mailer_is_configured (self) ||
      !vitae_mail_address_is_valid (vitae_user_get_email (user)))
    return NULL;

  name = vitae_user_get_name (user);
  title = resume ? vitae_resume_get_title (resume) : "";
  switch (notification)
    {
    case VITAE_MAIL_NOTIFY_WELCOME:
      /* Translators: the subject of the welcome email; %s is the person's name */
      subject = g_strdup_printf (_("Welcome to Vitae, %s"), name);
      body = g_strdup_printf (_("Hello %s,\n\n"
                                "Your Vitae profile is ready. Vitae keeps your resumes on your computer "
                                "and sends notifications to this address when you ask it to; you can turn "
                                "them off in Preferences → Email.\n\n"
                                "— Vitae\n"), name);
      break;
    case VITAE_MAIL_NOTIFY_RESUME_CREATED:
      /* Translators: an email subject; %s is a resume title */
      subject = g_strdup_printf (_("New resume: %s"), title);
      /* Translators: the resume title, then the date and time */
      body = g_strdup_printf (_("You created the resume “%s” in Vitae on %s.\n\n— Vitae\n"), title, when);
      break;
    case VITAE_MAIL_NOTIFY_RESUME_DOWNLOADED:
      /* Translators: an email subject; %s is a resume title */
      subject = g_strdup_printf (_("Resume downloaded: %s"), title);
      /* Translators: the resume title, then the date and time */
      body = g_strdup_printf (_("The resume “%s” was saved as a PDF on %s.\n\n— Vitae\n"), title, when);
      break;
    default:
      g_assert_not_reached ();
    }

  message = vitae_outbox_queue (self->store, vitae_user_get_id (user),
                                resume ? vitae_resume_get_id (resume) : 0, kinds[notification],
                                vitae_user_get_email (user), subject, body, NULL, NULL, NULL, &error);
  if (message == NULL)
    {
      g_message ("Could not queue a notification: %s", error->message);
      return NULL;
    }
  emit_changed (self);
  vitae_mailer_send_async (self, vitae_outbox_message_get_id (message), self->cancellable,
                           on_background_sent, NULL);
  return g_steal_pointer (&message);
}

/**
 * vitae_mail_attachment_name:
 *
 * Returns: (transfer full): the file name a resume's PDF travels under
 */
char *
vitae_mail_attachment_name (VitaeResume *resume)
{
  const char *title = vitae_resume_get_title (resume);
  g_autofree char *name = g_strdup (title && *title ? title : _("Resume"));

  g_strdelimit (name, "/\\\"\r\n\t", '_');
  return g_strdup_printf ("%s.pdf", g_strstrip (name));
}
