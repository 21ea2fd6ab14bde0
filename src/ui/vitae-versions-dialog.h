/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-versions.h"
#include "vitae-window.h"

G_BEGIN_DECLS

#define VITAE_TYPE_VERSIONS_DIALOG (vitae_versions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VitaeVersionsDialog, vitae_versions_dialog, VITAE, VERSIONS_DIALOG, AdwWindow)

/* The version history of @window's open resume: save, preview, restore, delete. */
VitaeVersionsDialog *vitae_versions_dialog_new               (VitaeWindow          *window);
GListModel          *vitae_versions_dialog_get_versions      (VitaeVersionsDialog  *self);
VitaeVersion        *vitae_versions_dialog_get_selected      (VitaeVersionsDialog  *self);
void                 vitae_versions_dialog_select            (VitaeVersionsDialog  *self,
                                                              gint64                version_id);
guint                vitae_versions_dialog_get_preview_pages (VitaeVersionsDialog  *self);

/* What the dialog's buttons do once confirmed. */
gboolean             vitae_versions_dialog_save_version      (VitaeVersionsDialog  *self,
                                                              const char           *label,
                                                              GError              **error);
gboolean             vitae_versions_dialog_restore           (VitaeVersionsDialog  *self,
                                                              gint64                version_id,
                                                              GError              **error);
gboolean             vitae_versions_dialog_delete            (VitaeVersionsDialog  *self,
                                                              gint64                version_id,
                                                              GError              **error);

G_END_DECLS
