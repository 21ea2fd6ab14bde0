/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VITAE_TYPE_USER (vitae_user_get_type ())
G_DECLARE_FINAL_TYPE (VitaeUser, vitae_user, VITAE, USER, GObject)

VitaeUser  *vitae_user_new            (void);
gint64      vitae_user_get_id         (VitaeUser  *self);
void        vitae_user_set_id         (VitaeUser  *self,
                                       gint64      id);
const char *vitae_user_get_name       (VitaeUser  *self);
void        vitae_user_set_name       (VitaeUser  *self,
                                       const char *name);
const char *vitae_user_get_email      (VitaeUser  *self);
void        vitae_user_set_email      (VitaeUser  *self,
                                       const char *email);
GBytes     *vitae_user_get_avatar     (VitaeUser  *self);
void        vitae_user_set_avatar     (VitaeUser  *self,
                                       GBytes     *avatar);
gint64      vitae_user_get_created_at (VitaeUser  *self);
void        vitae_user_set_created_at (VitaeUser  *self,
                                       gint64      unix_time);
gint64      vitae_user_get_updated_at (VitaeUser  *self);
void        vitae_user_set_updated_at (VitaeUser  *self,
                                       gint64      unix_time);

G_END_DECLS
