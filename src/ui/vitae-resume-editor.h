/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"

G_BEGIN_DECLS

#define VITAE_TYPE_RESUME_EDITOR (vitae_resume_editor_get_type ())
G_DECLARE_FINAL_TYPE (VitaeResumeEditor, vitae_resume_editor, VITAE, RESUME_EDITOR, AdwBin)

VitaeResumeEditor *vitae_resume_editor_new            (VitaeStore        *store,
                                                       VitaeResume       *resume);
VitaeResume       *vitae_resume_editor_get_resume     (VitaeResumeEditor *self);
VitaeHistory      *vitae_resume_editor_get_history    (VitaeResumeEditor *self);
VitaeAutosave     *vitae_resume_editor_get_autosave   (VitaeResumeEditor *self);
const char        *vitae_resume_editor_get_status     (VitaeResumeEditor *self);
gboolean           vitae_resume_editor_flush          (VitaeResumeEditor *self,
                                                       GError           **error);
gboolean           vitae_resume_editor_set_photo_file (VitaeResumeEditor *self,
                                                       GFile             *file,
                                                       GError           **error);

G_END_DECLS
