/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"
#include "vitae-preview.h"
#include "vitae-resume-editor.h"

G_BEGIN_DECLS

#define VITAE_TYPE_WINDOW (vitae_window_get_type ())
G_DECLARE_FINAL_TYPE (VitaeWindow, vitae_window, VITAE, WINDOW, AdwApplicationWindow)

VitaeWindow *vitae_window_new              (GtkApplication *application,
                                            VitaeStore     *store,
                                            const char     *profile);
VitaeWindow *vitae_window_new_for_error    (GtkApplication *application,
                                            const GError   *error);
VitaeStore  *vitae_window_get_store        (VitaeWindow    *self);
VitaeUser   *vitae_window_get_user         (VitaeWindow    *self);
GListModel  *vitae_window_get_resumes      (VitaeWindow    *self);
VitaeResume *vitae_window_get_open_resume  (VitaeWindow    *self);
VitaePreview *vitae_window_get_preview    (VitaeWindow    *self);
void         vitae_window_export_pdf      (VitaeWindow    *self,
                                           GFile          *file);
VitaeResumeEditor *vitae_window_get_editor (VitaeWindow    *self);
const char  *vitae_window_get_visible_page (VitaeWindow    *self);
void         vitae_window_flush_pending    (VitaeWindow    *self);
void         vitae_window_import_file      (VitaeWindow    *self,
                                            GFile          *file);

G_END_DECLS
