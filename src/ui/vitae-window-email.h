/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-mailer.h"
#include "vitae-window.h"

G_BEGIN_DECLS

/* Email in the window, kept beside vitae-window.c, which only calls these:
 * win.email-resume (the Email Resume dialog for the open resume) and
 * win.show-outbox (the Outbox), the mailer's automatic retries, the
 * notifications, and the Email page of Preferences. */

void vitae_window_email_install_actions (GtkWidgetClass        *widget_class);
void vitae_window_email_start           (VitaeWindow           *window);
void vitae_window_email_notify          (VitaeWindow           *window,
                                         VitaeMailNotification  notification,
                                         VitaeUser             *user,
                                         VitaeResume           *resume);
void vitae_window_email_add_preferences (AdwPreferencesWindow  *preferences,
                                         GtkWindow             *parent);

G_END_DECLS
