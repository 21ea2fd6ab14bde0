/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-resume.h"
#include "vitae-store.h"

G_BEGIN_DECLS

/* Version history: labelled snapshots of a resume, kept in the store's
 * `resume_versions` table as JSON Resume documents (Vitae's settings under
 * meta.vitae). The photo is not part of a snapshot: a restore keeps the
 * resume's current photo, as it keeps its id, title, counters and events. */

#define VITAE_TYPE_VERSION (vitae_version_get_type ())
G_DECLARE_FINAL_TYPE (VitaeVersion, vitae_version, VITAE, VERSION, GObject)

gint64        vitae_version_get_id            (VitaeVersion  *self);
gint64        vitae_version_get_resume_id     (VitaeVersion  *self);
const char   *vitae_version_get_label         (VitaeVersion  *self);
gint64        vitae_version_get_created_at    (VitaeVersion  *self);

VitaeVersion *vitae_versions_save             (VitaeStore    *store,
                                               VitaeResume   *resume,
                                               const char    *label,
                                               GError       **error);
/* The version every export saves: @format is "pdf", "json", "txt" or "md". */
VitaeVersion *vitae_versions_save_export      (VitaeStore    *store,
                                               VitaeResume   *resume,
                                               const char    *format,
                                               GError       **error);
GListModel   *vitae_versions_list             (VitaeStore    *store,
                                               gint64         resume_id,
                                               GError       **error);
VitaeVersion *vitae_versions_get              (VitaeStore    *store,
                                               gint64         version_id,
                                               GError       **error);
char         *vitae_versions_get_snapshot     (VitaeStore    *store,
                                               gint64         version_id,
                                               GError       **error);
VitaeResume  *vitae_versions_load             (VitaeStore    *store,
                                               gint64         version_id,
                                               GError       **error);
VitaeVersion *vitae_versions_restore          (VitaeStore    *store,
                                               gint64         version_id,
                                               GError       **error);
gboolean      vitae_versions_delete           (VitaeStore    *store,
                                               gint64         version_id,
                                               GError       **error);

G_END_DECLS
