/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-store.h"

G_BEGIN_DECLS

#define VITAE_TYPE_AUTOSAVE (vitae_autosave_get_type ())
G_DECLARE_FINAL_TYPE (VitaeAutosave, vitae_autosave, VITAE, AUTOSAVE, GObject)

typedef enum {
  VITAE_AUTOSAVE_SAVED,
  VITAE_AUTOSAVE_PENDING,
  VITAE_AUTOSAVE_FAILED,
} VitaeAutosaveState;

/* How long an edit waits for the next one before it is written. */
#define VITAE_AUTOSAVE_DELAY_MS 300

VitaeAutosave      *vitae_autosave_new        (VitaeStore    *store,
                                               VitaeResume   *resume);
VitaeResume        *vitae_autosave_get_resume (VitaeAutosave *self);
VitaeAutosaveState  vitae_autosave_get_state  (VitaeAutosave *self);
const GError       *vitae_autosave_get_error  (VitaeAutosave *self);
guint64             vitae_autosave_get_saves  (VitaeAutosave *self);
gboolean            vitae_autosave_flush      (VitaeAutosave *self,
                                               GError       **error);

G_END_DECLS
