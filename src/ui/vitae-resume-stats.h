/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"

G_BEGIN_DECLS

#define VITAE_TYPE_RESUME_STATS (vitae_resume_stats_get_type ())
G_DECLARE_FINAL_TYPE (VitaeResumeStats, vitae_resume_stats, VITAE, RESUME_STATS, AdwWindow)

VitaeResumeStats *vitae_resume_stats_new            (GtkWindow        *parent,
                                                     VitaeStore       *store,
                                                     VitaeResume      *resume,
                                                     GError          **error);
VitaeCompletion  *vitae_resume_stats_get_completion (VitaeResumeStats *self);
GListModel       *vitae_resume_stats_get_events     (VitaeResumeStats *self);
const char       *vitae_resume_stats_get_figure     (VitaeResumeStats *self,
                                                     const char       *name);

G_END_DECLS
