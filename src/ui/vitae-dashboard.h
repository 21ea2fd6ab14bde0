/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"

G_BEGIN_DECLS

#define VITAE_TYPE_DASHBOARD (vitae_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (VitaeDashboard, vitae_dashboard, VITAE, DASHBOARD, AdwBin)

GtkWidget      *vitae_dashboard_new           (void);
void            vitae_dashboard_set_profile   (VitaeDashboard *self,
                                               VitaeStore     *store,
                                               gint64          user_id);
gboolean        vitae_dashboard_reload        (VitaeDashboard *self,
                                               GError        **error);
VitaeAnalytics *vitae_dashboard_get_analytics (VitaeDashboard *self);
GtkColumnView  *vitae_dashboard_get_table     (VitaeDashboard *self);

G_END_DECLS
