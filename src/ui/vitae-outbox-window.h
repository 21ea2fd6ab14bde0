/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"

G_BEGIN_DECLS

#define VITAE_TYPE_OUTBOX_WINDOW (vitae_outbox_window_get_type ())
G_DECLARE_FINAL_TYPE (VitaeOutboxWindow, vitae_outbox_window, VITAE, OUTBOX_WINDOW, AdwWindow)

VitaeOutboxWindow *vitae_outbox_window_new          (GtkWindow         *parent,
                                                     VitaeStore        *store,
                                                     VitaeUser         *user);
GListModel        *vitae_outbox_window_get_messages (VitaeOutboxWindow *self);
void               vitae_outbox_window_retry        (VitaeOutboxWindow *self,
                                                     gint64             outbox_id);
void               vitae_outbox_window_delete       (VitaeOutboxWindow *self,
                                                     gint64             outbox_id);

G_END_DECLS
