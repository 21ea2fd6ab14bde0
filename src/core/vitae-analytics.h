/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vitae-store.h"

G_BEGIN_DECLS

/* The dashboard's chart: events per day over this many days, today last. */
#define VITAE_ANALYTICS_DAYS 30

/* The series of the chart. */
typedef enum {
  VITAE_ANALYTICS_VIEWS,
  VITAE_ANALYTICS_DOWNLOADS,
  VITAE_ANALYTICS_OTHER,     /* create, export, print, email */
  VITAE_ANALYTICS_N_SERIES
} VitaeAnalyticsSeries;

/* One resume's figures, a row of the dashboard's table. */
#define VITAE_TYPE_RESUME_FIGURES (vitae_resume_figures_get_type ())
G_DECLARE_FINAL_TYPE (VitaeResumeFigures, vitae_resume_figures, VITAE, RESUME_FIGURES, GObject)

gint64      vitae_resume_figures_get_resume_id      (VitaeResumeFigures *self);
const char *vitae_resume_figures_get_title          (VitaeResumeFigures *self);
const char *vitae_resume_figures_get_candidate_name (VitaeResumeFigures *self);
gboolean    vitae_resume_figures_get_is_active      (VitaeResumeFigures *self);
gint64      vitae_resume_figures_get_downloads      (VitaeResumeFigures *self);
gint64      vitae_resume_figures_get_views          (VitaeResumeFigures *self);
guint       vitae_resume_figures_get_completion     (VitaeResumeFigures *self);
gint64      vitae_resume_figures_get_created_at     (VitaeResumeFigures *self);
gint64      vitae_resume_figures_get_updated_at     (VitaeResumeFigures *self);

/* A profile's figures at one moment. */
#define VITAE_TYPE_ANALYTICS (vitae_analytics_get_type ())
G_DECLARE_FINAL_TYPE (VitaeAnalytics, vitae_analytics, VITAE, ANALYTICS, GObject)

VitaeAnalytics *vitae_analytics_load            (VitaeStore           *store,
                                                 gint64                user_id,
                                                 GError              **error);
guint           vitae_analytics_get_n_resumes   (VitaeAnalytics       *self);
gint64          vitae_analytics_get_downloads   (VitaeAnalytics       *self);
gint64          vitae_analytics_get_views       (VitaeAnalytics       *self);
GListModel     *vitae_analytics_get_resumes     (VitaeAnalytics       *self);
GDateTime      *vitae_analytics_get_day         (VitaeAnalytics       *self,
                                                 guint                 day);
guint           vitae_analytics_get_day_count   (VitaeAnalytics       *self,
                                                 guint                 day,
                                                 VitaeAnalyticsSeries  series);
guint           vitae_analytics_get_day_total   (VitaeAnalytics       *self,
                                                 guint                 day);

/* Many events at once, each with its own time (an import of history, the
 * benchmark), in one transaction; counters follow as with
 * vitae_store_record_event(). */
gboolean        vitae_store_record_events       (VitaeStore           *self,
                                                 VitaeEvent * const   *events,
                                                 guint                 n_events,
                                                 GError              **error);

G_END_DECLS
