/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-email"

#include "config.h"


#include "vitae-email-dialog.h"
#include "vitae-email-page.h"
#include "vitae-mail.h"
#include "vitae-outbox-window.h"
#include "vitae-window-email.h"

static void
email_resume_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VitaeWindow *window = VITAE_WINDOW (widget);
  VitaeResume *resume = vitae_window_get_open_resume (window);
  VitaeUser *user = vitae_window_get_user (window);
  VitaeEmailDialog *dialog;

  if (resume == NULL || user == NULL || vitae_window_get_store (window) == NULL)
    return;
  dialog = vitae_email_dialog_new (GTK_WINDOW (window), vitae_window_get_store (window), user, resume);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_outbox_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VitaeWindow *window = VITAE_WINDOW (widget);
  VitaeOutboxWindow *outbox;

  if (vitae_window_get_store (window) == NULL)
    return;
  outbox = vitae_outbox_window_new (GTK_WINDOW (window), vitae_window_get_store (window),
                                    vitae_window_get_user (window));
  gtk_window_present (GTK_WINDOW (outbox));
}

/**
 * vitae_window_email_install_actions:
 *
 * Installs win.email-resume and win.show-outbox on the window class.
 */
void
vitae_window_email_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.email-resume", NULL, email_resume_action);
  gtk_widget_class_install_action (widget_class, "win.show-outbox", NULL, show_outbox_action);
}

/**
 * vitae_window_email_start:
 *
 * Starts the mailer of the window's database: queued and failed messages
 * are sent and retried while Vitae runs.
 */
void
vitae_window_email_start (VitaeWindow *window)
{
  VitaeStore *store = vitae_window_get_store (window);

  if (store != NULL)
    vitae_mailer_start (vitae_mailer_get_for_store (store));
}

/**
 * vitae_window_email_notify:
 * @resume: (nullable): the resume it is about
 *
 * Sends a notification the person turned on, to the profile's own address,
 * in the background; nothing when it is off or email is not set up.
 */
void
vitae_window_email_notify (VitaeWindow           *window,
                           VitaeMailNotification  notification,
                           VitaeUser             *user,
                           VitaeResume           *resume)
{
  VitaeStore *store = vitae_window_get_store (window);
  g_autoptr(VitaeOutboxMessage) message = NULL;

  if (store == NULL || user == NULL)
    return;
  message = vitae_mailer_notify (vitae_mailer_get_for_store (store), notification, user, resume);
}

/**
 * vitae_window_email_add_preferences:
 * @parent: (nullable): the window Preferences was opened from
 *
 * Adds the Email page to Preferences, when the email settings are installed.
 */
void
vitae_window_email_add_preferences (AdwPreferencesWindow *preferences,
                                    GtkWindow            *parent)
{
  g_autoptr(GSettings) settings = vitae_mail_settings_new ();
  VitaeStore *store = NULL;
  VitaeUser *user = NULL;

  if (settings == NULL)
    return;
  if (VITAE_IS_WINDOW (parent))
    {
      store = vitae_window_get_store (VITAE_WINDOW (parent));
      user = vitae_window_get_user (VITAE_WINDOW (parent));
    }
  adw_preferences_window_add (preferences, ADW_PREFERENCES_PAGE (vitae_email_page_new (settings, store, user)));
}
