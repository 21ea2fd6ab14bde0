/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"

G_BEGIN_DECLS

#define VITAE_TYPE_PROFILE_DIALOG (vitae_profile_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VitaeProfileDialog, vitae_profile_dialog, VITAE, PROFILE_DIALOG, AdwWindow)

/* @user: (nullable): the profile to edit, or NULL to create one */
VitaeProfileDialog *vitae_profile_dialog_new        (GtkWindow          *parent,
                                                     VitaeUser          *user);
const char         *vitae_profile_dialog_get_name   (VitaeProfileDialog *self);
const char         *vitae_profile_dialog_get_email  (VitaeProfileDialog *self);
GBytes             *vitae_profile_dialog_get_avatar (VitaeProfileDialog *self);
void                vitae_profile_dialog_set_name   (VitaeProfileDialog *self,
                                                     const char         *name);
void                vitae_profile_dialog_set_email  (VitaeProfileDialog *self,
                                                     const char         *email);
gboolean            vitae_profile_dialog_set_avatar_file (VitaeProfileDialog *self,
                                                     GFile              *file,
                                                     GError            **error);
void                vitae_profile_dialog_save       (VitaeProfileDialog *self);

G_END_DECLS
