/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-store.h"

G_BEGIN_DECLS

#define VITAE_TYPE_BACKUP_PAGE (vitae_backup_page_get_type ())
G_DECLARE_FINAL_TYPE (VitaeBackupPage, vitae_backup_page, VITAE, BACKUP_PAGE, AdwPreferencesPage)

/* The Backups page of Preferences: "Back Up Now" and "Restore from Backup…". */
VitaeBackupPage *vitae_backup_page_new          (VitaeStore      *store);
gboolean         vitae_backup_page_get_busy     (VitaeBackupPage *self);
void             vitae_backup_page_back_up      (VitaeBackupPage *self);
/* What "Restore from Backup…" does once a file is chosen: asks, then restores. */
void             vitae_backup_page_restore_file (VitaeBackupPage *self,
                                                 GFile           *file);

G_END_DECLS
