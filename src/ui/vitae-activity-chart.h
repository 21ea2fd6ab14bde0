/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vitae-analytics.h"

G_BEGIN_DECLS

#define VITAE_TYPE_ACTIVITY_CHART (vitae_activity_chart_get_type ())
G_DECLARE_FINAL_TYPE (VitaeActivityChart, vitae_activity_chart, VITAE, ACTIVITY_CHART, GtkWidget)

GtkWidget      *vitae_activity_chart_new            (void);
VitaeAnalytics *vitae_activity_chart_get_analytics  (VitaeActivityChart *self);
void            vitae_activity_chart_set_analytics  (VitaeActivityChart *self,
                                                     VitaeAnalytics     *analytics);
char           *vitae_activity_chart_dup_summary    (VitaeActivityChart *self);
char           *vitae_activity_chart_dup_text       (VitaeActivityChart *self);

G_END_DECLS
