/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"

G_BEGIN_DECLS

#define VITAE_TYPE_EMAIL_DIALOG (vitae_email_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VitaeEmailDialog, vitae_email_dialog, VITAE, EMAIL_DIALOG, AdwWindow)

VitaeEmailDialog *vitae_email_dialog_new        (GtkWindow        *parent,
                                                 VitaeStore       *store,
                                                 VitaeUser        *user,
                                                 VitaeResume      *resume);
void              vitae_email_dialog_set_fields (VitaeEmailDialog *self,
                                                 const char       *to,
                                                 const char       *subject,
                                                 const char       *message);
const char       *vitae_email_dialog_get_status (VitaeEmailDialog *self);
gint64            vitae_email_dialog_get_outbox_id (VitaeEmailDialog *self);

G_END_DECLS
