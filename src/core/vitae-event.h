/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VITAE_TYPE_EVENT (vitae_event_get_type ())
G_DECLARE_FINAL_TYPE (VitaeEvent, vitae_event, VITAE, EVENT, GObject)

/* The actions analytics records; the store keeps their text. */
#define VITAE_EVENT_CREATE   "create"
#define VITAE_EVENT_VIEW     "view"
#define VITAE_EVENT_DOWNLOAD "download"
#define VITAE_EVENT_EXPORT   "export"
#define VITAE_EVENT_PRINT    "print"
#define VITAE_EVENT_EMAIL    "email"

VitaeEvent *vitae_event_new            (gint64      user_id,
                                        gint64      resume_id,
                                        const char *action,
                                        const char *details,
                                        gint64      created_at);
gint64      vitae_event_get_id         (VitaeEvent *self);
void        vitae_event_set_id         (VitaeEvent *self,
                                        gint64      id);
gint64      vitae_event_get_user_id    (VitaeEvent *self);
gint64      vitae_event_get_resume_id  (VitaeEvent *self);
const char *vitae_event_get_action     (VitaeEvent *self);
const char *vitae_event_get_details    (VitaeEvent *self);
gint64      vitae_event_get_created_at (VitaeEvent *self);

G_END_DECLS
