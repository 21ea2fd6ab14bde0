/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-email"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-email-dialog.h"
#include "vitae-mail.h"
#include "vitae-render.h"

/* Email Resume…: To, Subject and Message, and the resume as a PDF in its
 * own template, rendered on a worker thread from a snapshot. The message is
 * written to the outbox before it is sent, so a failure loses nothing: the
 * dialog says why, and Send again retries that same message rather than
 * queueing a second one. */

struct _VitaeEmailDialog
{
  AdwWindow     parent_instance;

  /* template children */
  AdwActionRow *attachment_row;
  GtkTextView  *message_view;
  GtkWidget    *send_button;
  GtkWidget    *setup_box;
  GtkLabel     *setup_label;
  GtkSpinner   *spinner;
  GtkLabel     *status_label;
  AdwEntryRow  *subject_row;
  AdwEntryRow  *to_row;

  VitaeStore   *store;
  VitaeUser    *user;
  VitaeResume  *resume;
  VitaeMailer  *mailer;
  GSettings    *settings;
  GCancellable *cancellable;
  gboolean      sending;
  gint64        outbox_id;
  char         *queued_fields;    /* to, subject and text of outbox_id */
  char         *status;
};

G_DEFINE_FINAL_TYPE (VitaeEmailDialog, vitae_email_dialog, ADW_TYPE_WINDOW)

static char *
dup_message_text (VitaeEmailDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->message_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
fields_key (const char *to,
            const char *subject,
            const char *body)
{
  return g_strjoin ("\x1f", to, subject, body, NULL);
}

static void
set_status (VitaeEmailDialog *self,
            const char       *text,
            gboolean          is_error)
{
  g_free (self->status);
  self->status = g_strdup (text);
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static gboolean
is_configured (VitaeEmailDialog *self,
               GError          **error)
{
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_load (self->settings);

  return vitae_mail_config_check (config, error);
}

static void
update_state (VitaeEmailDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean configured = is_configured (self, &error);
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  gboolean to_ok = vitae_mail_parse_mailbox (to, NULL, NULL);

  gtk_widget_set_visible (self->setup_box, !configured);
  if (!configured)
    gtk_label_set_text (self->setup_label, error->message);
  if (*to != '\0' && !to_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "email.send", configured && to_ok && !self->sending);
}

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Read-only while sending, not insensitive: a focused entry made
 * insensitive loses its focus-out, and the person their place. */
static void
set_editable (VitaeEmailDialog *self,
              gboolean          editable)
{
  gtk_editable_set_editable (GTK_EDITABLE (self->to_row), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->subject_row), editable);
  gtk_text_view_set_editable (self->message_view, editable);
}

static void
finish_sending (VitaeEmailDialog *self)
{
  self->sending = FALSE;
  gtk_spinner_stop (self->spinner);
  set_editable (self, TRUE);
  update_state (self);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(VitaeEmailDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeOutboxMessage) message = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (vitae_mailer_send_finish (VITAE_MAILER (source), result, &error))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      AdwToastOverlay *overlay = find_toast_overlay (parent ? GTK_WIDGET (parent) : NULL);
      g_autofree char *to = NULL;
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      vitae_mail_parse_mailbox (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), NULL, &to);
      /* Translators: %s is an email address */
      text = g_strdup_printf (_("Resume sent to %s"), to);
      set_status (self, text, FALSE);
      finish_sending (self);
      /* Toast titles are markup. */
      markup = g_markup_escape_text (text, -1);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (overlay, adw_toast_new (markup));
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  message = vitae_outbox_get (self->store, self->outbox_id, NULL);
  {
    g_autofree char *text = NULL;

    if (message != NULL && vitae_outbox_message_get_next_attempt_at (message) > 0)
      /* Translators: %s says why the email was not sent */
      text = g_strdup_printf (_("Not sent: %s\nIt waits in the Outbox, and Vitae tries again on its own."),
                              error->message);
    else
      /* Translators: %s says why the email was not sent */
      text = g_strdup_printf (_("Not sent: %s\nIt waits in the Outbox; press Send to try again."), error->message);
    set_status (self, text, TRUE);
  }
  finish_sending (self);
}

static void
send_queued (VitaeEmailDialog *self)
{
  vitae_mailer_send_async (self->mailer, self->outbox_id, self->cancellable, on_sent, g_object_ref (self));
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VitaeRenderOptions options = { NULL, };
  GError *error = NULL;
  GBytes *pdf = vitae_render_pdf (task_data, &options, &error);

  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify)g_bytes_unref);
}

static void
on_rendered (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  VitaeEmailDialog *self = VITAE_EMAIL_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autofree char *to = NULL;
  g_autofree char *body = dup_message_text (self);
  g_autofree char *filename = vitae_mail_attachment_name (self->resume);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  if (pdf == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The PDF could not be made: %s"), error->message);
      set_status (self, text, TRUE);
      finish_sending (self);
      return;
    }

  vitae_mail_parse_mailbox (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), NULL, &to);
  message = vitae_outbox_queue (self->store, vitae_user_get_id (self->user), vitae_resume_get_id (self->resume),
                                VITAE_OUTBOX_KIND_MESSAGE, to, subject, body, pdf, filename,
                                "application/pdf", &error);
  if (message == NULL)
    {
      set_status (self, error->message, TRUE);
      finish_sending (self);
      return;
    }
  self->outbox_id = vitae_outbox_message_get_id (message);
  g_free (self->queued_fields);
  self->queued_fields = fields_key (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), subject, body);
  send_queued (self);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VitaeEmailDialog *self = VITAE_EMAIL_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *body = dup_message_text (self);
  g_autofree char *key = NULL;

  if (self->sending || !vitae_mail_parse_mailbox (gtk_editable_get_text (GTK_EDITABLE (self->to_row)), NULL, NULL))
    return;

  self->sending = TRUE;
  gtk_spinner_start (self->spinner);
  set_editable (self, FALSE);
  set_status (self, _("Sending…"), FALSE);
  update_state (self);

  key = fields_key (gtk_editable_get_text (GTK_EDITABLE (self->to_row)),
                    gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body);
  if (self->outbox_id != 0)
    {
      /* The same message again: retry it. Edited: the old one gives way. */
      if (g_strcmp0 (key, self->queued_fields) == 0 && vitae_outbox_retry (self->store, self->outbox_id, NULL))
        {
          send_queued (self);
          return;
        }
      vitae_outbox_delete (self->store, self->outbox_id, NULL);
      self->outbox_id = 0;
    }

  task = g_task_new (self, self->cancellable, on_rendered, NULL);
  g_task_set_source_tag (task, send_action);
  g_task_set_task_data (task, vitae_resume_copy (self->resume), g_object_unref);
  g_task_run_in_thread (task, render_thread);
}

static void
on_field_changed (VitaeEmailDialog *self)
{
  update_state (self);
}

static void
on_to_activated (VitaeEmailDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
}

static void
on_settings_changed (VitaeEmailDialog *self)
{
  update_state (self);
}

static gboolean
vitae_email_dialog_close_request (GtkWindow *window)
{
  /* Let the entry with the focus lose it before the window goes: GTK 4.8
   * warns about a text that never saw its focus-out. */
  gtk_window_set_focus (window, NULL);
  return GTK_WINDOW_CLASS (vitae_email_dialog_parent_class)->close_request (window);
}

static void
vitae_email_dialog_dispose (GObject *object)
{
  VitaeEmailDialog *self = (VitaeEmailDialog *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_EMAIL_DIALOG);

  G_OBJECT_CLASS (vitae_email_dialog_parent_class)->dispose (object);
}

static void
vitae_email_dialog_finalize (GObject *object)
{
  VitaeEmailDialog *self = (VitaeEmailDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->resume);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->queued_fields, g_free);
  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (vitae_email_dialog_parent_class)->finalize (object);
}

static void
vitae_email_dialog_class_init (VitaeEmailDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_email_dialog_dispose;
  object_class->finalize = vitae_email_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = vitae_email_dialog_close_request;

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-email-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, attachment_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, message_view);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, setup_box);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, setup_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailDialog, to_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_to_activated);

  gtk_widget_class_install_action (widget_class, "email.send", NULL, send_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "email.send", NULL);
}

static void
vitae_email_dialog_init (VitaeEmailDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * vitae_email_dialog_new:
 * @resume: the resume to send; it is rendered as it is when Send is pressed
 *
 * Returns: (transfer full): the Email Resume dialog
 */
VitaeEmailDialog *
vitae_email_dialog_new (GtkWindow   *parent,
                        VitaeStore  *store,
                        VitaeUser   *user,
                        VitaeResume *resume)
{
  VitaeEmailDialog *self;
  const VitaeTemplate *template;
  g_autofree char *filename = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *details = NULL;
  g_autofree char *page_size = NULL;
  const char *name;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);
  g_return_val_if_fail (VITAE_IS_USER (user), NULL);
  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);

  self = g_object_new (VITAE_TYPE_EMAIL_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->user = g_object_ref (user);
  self->resume = g_object_ref (resume);
  self->mailer = vitae_mailer_get_for_store (store);
  self->settings = vitae_mail_settings_new ();
  if (self->settings != NULL)
    g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (on_settings_changed), self);

  name = vitae_resume_get_candidate_name (resume);
  if (name == NULL || *name == '\0')
    name = vitae_user_get_name (user);
  /* Translators: the subject of an emailed resume; %s is the candidate's name */
  subject = g_strdup_printf (_("Resume of %s"), name);
  /* Translators: the text of an emailed resume; %s signs it */
  body = g_strdup_printf (_("Hello,\n\nPlease find my resume attached.\n\nBest regards,\n%s\n"), name);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view), body, -1);

  filename = vitae_mail_attachment_name (resume);
  template = vitae_template_lookup (vitae_resume_get_template (resume));
  page_size = g_strcmp0 (vitae_resume_get_page_size (resume), "letter") == 0 ? g_strdup (_("US Letter"))
                                                                              : g_strdup (_("A4"));
  /* Translators: the template's name, then the page size */
  details = g_strdup_printf (_("PDF, %s template, %s"),
                             template ? _(template->name) : vitae_resume_get_template (resume), page_size);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->attachment_row), filename);
  adw_action_row_set_subtitle (self->attachment_row, details);

  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->to_row));
  return self;
}

/**
 * vitae_email_dialog_set_fields:
 *
 * Fills in the form (for tests and for a caller that knows the recipient).
 */
void
vitae_email_dialog_set_fields (VitaeEmailDialog *self,
                               const char       *to,
                               const char       *subject,
                               const char       *message)
{
  g_return_if_fail (VITAE_IS_EMAIL_DIALOG (self));

  if (to != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
  if (subject != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  if (message != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view), message, -1);
  update_state (self);
}

/**
 * vitae_email_dialog_get_status:
 *
 * Returns: (nullable): what the dialog last said about sending
 */
const char *
vitae_email_dialog_get_status (VitaeEmailDialog *self)
{
  g_return_val_if_fail (VITAE_IS_EMAIL_DIALOG (self), NULL);
  return self->status;
}

gint64
vitae_email_dialog_get_outbox_id (VitaeEmailDialog *self)
{
  g_return_val_if_fail (VITAE_IS_EMAIL_DIALOG (self), 0);
  return self->outbox_id;
}
