/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-email"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-mail.h"
#include "vitae-outbox-window.h"

/* The outbox: every message Vitae was asked to send, newest first, with
 * what became of it in words, and Retry and Delete. It follows the mailer,
 * so an attempt in the background shows as it happens. */

struct _VitaeOutboxWindow
{
  AdwWindow        parent_instance;

  /* template children */
  GtkListBox      *list_box;
  GtkStack        *stack;
  AdwToastOverlay *toast_overlay;

  VitaeStore      *store;
  VitaeUser       *user;
  VitaeMailer     *mailer;
  GListStore      *messages;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (VitaeOutboxWindow, vitae_outbox_window, ADW_TYPE_WINDOW)

/* Toast titles are Pango markup; an error message or an address is not. */
static void
add_toast (VitaeOutboxWindow *self,
           const char        *text,
           guint              timeout)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  return dt ? g_date_time_format (dt, "%x %H:%M") : g_strdup ("");
}

static char *
describe (VitaeOutboxMessage *message)
{
  const char *to = vitae_outbox_message_get_recipient (message);
  gint64 attempts = vitae_outbox_message_get_attempts (message);

  if (vitae_outbox_message_get_sending_since (message) != 0)
    /* Translators: %s is an email address */
    return g_strdup_printf (_("Sending to %s…"), to);

  switch (vitae_outbox_message_get_status (message))
    {
    case VITAE_OUTBOX_STATUS_SENT:
      {
        g_autofree char *when = format_time (vitae_outbox_message_get_sent_at (message));
        /* Translators: an email address, then a date and time */
        return g_strdup_printf (_("Sent to %s on %s"), to, when);
      }
    case VITAE_OUTBOX_STATUS_QUEUED:
      if (attempts == 0)
        /* Translators: %s is an email address */
        return g_strdup_printf (_("Waiting to be sent to %s"), to);
      G_GNUC_FALLTHROUGH;
    case VITAE_OUTBOX_STATUS_FAILED:
    default:
      {
        const char *reason = vitae_outbox_message_get_last_error (message);
        gint64 next = vitae_outbox_message_get_next_attempt_at (message);
        g_autofree char *tries = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d attempt", "%d attempts",
                                                               (gulong)attempts), (int)attempts);
        g_autofree char *when = next > 0 ? format_time (next) : NULL;
        g_autofree char *head = NULL;

        /* Translators: an email address, then why it was not sent */
        head = g_strdup_printf (_("Not sent to %s: %s"), to, reason ? reason : _("waiting"));
        if (when != NULL)
          /* Translators: the reason, the number of attempts, then when the next comes */
          return g_strdup_printf (_("%s (%s; Vitae tries again at %s)"), head, tries, when);
        /* Translators: the reason, then the number of attempts */
        return g_strdup_printf (_("%s (%s)"), head, tries);
      }
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  VitaeOutboxMessage *message = item;
  VitaeOutboxStatus status = vitae_outbox_message_get_status (message);
  gboolean sending = vitae_outbox_message_get_sending_since (message) != 0;
  gint64 id = vitae_outbox_message_get_id (message);
  g_autofree char *subtitle = describe (message);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon, *retry, *delete;
  const char *icon_name;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vitae_outbox_message_get_subject (message));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, "outbox-row");

  icon_name = sending ? "mail-send-symbolic"
            : status == VITAE_OUTBOX_STATUS_SENT ? "emblem-ok-symbolic"
            : status == VITAE_OUTBOX_STATUS_FAILED ? "dialog-warning-symbolic"
            : "mail-unread-symbolic";
  icon = gtk_image_new_from_icon_name (icon_name);
  if (status == VITAE_OUTBOX_STATUS_FAILED && !sending)
    gtk_widget_add_css_class (icon, "warning");
  else if (status == VITAE_OUTBOX_STATUS_SENT)
    gtk_widget_add_css_class (icon, "success");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (status != VITAE_OUTBOX_STATUS_SENT)
    {
      retry = gtk_button_new_from_icon_name ("view-refresh-symbolic");
      gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (retry, "flat");
      gtk_widget_set_tooltip_text (retry, _("Retry"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (retry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Retry"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (retry), "outbox.retry");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (retry), "x", id);
      gtk_widget_set_sensitive (retry, !sending);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), retry);
    }

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "outbox.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", id);
  gtk_widget_set_sensitive (delete, !sending);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  return row;
}

static void
reload (VitaeOutboxWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  messages = vitae_outbox_list (self->store, self->user ? vitae_user_get_id (self->user) : 0, &error);
  if (messages == NULL)
    {
      add_toast (self, error->message, 5);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    g_ptr_array_add (items, g_list_model_get_item (messages, i));
  g_list_store_splice (self->messages, 0, g_list_model_get_n_items (G_LIST_MODEL (self->messages)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len ? "list" : "empty");
}

static void
on_outbox_changed (VitaeMailer       *mailer,
                   VitaeOutboxWindow *self)
{
  reload (self);
}

static void
on_retried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VitaeOutboxWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (vitae_mailer_send_finish (VITAE_MAILER (source), result, &error))
    add_toast (self, _("Sent"), 3);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_toast (self, error->message, 6);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  vitae_outbox_window_retry (VITAE_OUTBOX_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  vitae_outbox_window_delete (VITAE_OUTBOX_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
vitae_outbox_window_dispose (GObject *object)
{
  VitaeOutboxWindow *self = (VitaeOutboxWindow *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->mailer != NULL)
    g_signal_handlers_disconnect_by_data (self->mailer, self);
  self->mailer = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_OUTBOX_WINDOW);

  G_OBJECT_CLASS (vitae_outbox_window_parent_class)->dispose (object);
}

static void
vitae_outbox_window_finalize (GObject *object)
{
  VitaeOutboxWindow *self = (VitaeOutboxWindow *)object;

  g_clear_object (&self->messages);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (vitae_outbox_window_parent_class)->finalize (object);
}

static void
vitae_outbox_window_class_init (VitaeOutboxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_outbox_window_dispose;
  object_class->finalize = vitae_outbox_window_finalize;

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-outbox-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeOutboxWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, VitaeOutboxWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VitaeOutboxWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "outbox.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "outbox.retry", "x", retry_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vitae_outbox_window_init (VitaeOutboxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->messages = g_list_store_new (VITAE_TYPE_OUTBOX_MESSAGE);
  self->cancellable = g_cancellable_new ();
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->messages), create_row, NULL, NULL);
}

/**
 * vitae_outbox_window_new:
 * @user: (nullable): the profile whose messages to list, or %NULL for all
 *
 * Returns: (transfer full): the Outbox window
 */
VitaeOutboxWindow *
vitae_outbox_window_new (GtkWindow  *parent,
                         VitaeStore *store,
                         VitaeUser  *user)
{
  VitaeOutboxWindow *self;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  self = g_object_new (VITAE_TYPE_OUTBOX_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->user = user ? g_object_ref (user) : NULL;
  self->mailer = vitae_mailer_get_for_store (store);
  g_signal_connect_object (self->mailer, "outbox-changed", G_CALLBACK (on_outbox_changed), self, 0);
  reload (self);
  return self;
}

/**
 * vitae_outbox_window_get_messages:
 *
 * Returns: (transfer none): the #VitaeOutboxMessage rows shown
 */
GListModel *
vitae_outbox_window_get_messages (VitaeOutboxWindow *self)
{
  g_return_val_if_fail (VITAE_IS_OUTBOX_WINDOW (self), NULL);
  return G_LIST_MODEL (self->messages);
}

/**
 * vitae_outbox_window_retry:
 *
 * Queues the message again and sends it now (Retry).
 */
void
vitae_outbox_window_retry (VitaeOutboxWindow *self,
                           gint64             outbox_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VITAE_IS_OUTBOX_WINDOW (self));

  if (!vitae_outbox_retry (self->store, outbox_id, &error))
    {
      add_toast (self, error->message, 5);
      reload (self);
      return;
    }
  vitae_mailer_send_async (self->mailer, outbox_id, self->cancellable, on_retried, g_object_ref (self));
}

/**
 * vitae_outbox_window_delete:
 *
 * Deletes a message that is not being sent (Delete).
 */
void
vitae_outbox_window_delete (VitaeOutboxWindow *self,
                            gint64             outbox_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (VITAE_IS_OUTBOX_WINDOW (self));

  if (!vitae_outbox_delete (self->store, outbox_id, &error))
    add_toast (self, error->message, 5);
  reload (self);
}
