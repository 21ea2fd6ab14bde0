/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "vitae-resume.h"

G_BEGIN_DECLS

#define VITAE_TYPE_COMPLETION (vitae_completion_get_type ())
G_DECLARE_FINAL_TYPE (VitaeCompletion, vitae_completion, VITAE, COMPLETION, GObject)

VitaeCompletion     *vitae_completion_new           (VitaeResume     *resume);
guint                vitae_completion_get_percent   (VitaeCompletion *self);
guint                vitae_completion_get_n_entries (VitaeCompletion *self,
                                                     VitaeSectionId   section);
const char * const  *vitae_completion_get_missing   (VitaeCompletion *self);

G_END_DECLS
