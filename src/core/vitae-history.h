/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-resume.h"

G_BEGIN_DECLS

#define VITAE_TYPE_HISTORY (vitae_history_get_type ())
G_DECLARE_FINAL_TYPE (VitaeHistory, vitae_history, VITAE, HISTORY, GObject)

VitaeHistory *vitae_history_new           (VitaeResume    *resume);
gboolean      vitae_history_can_undo      (VitaeHistory   *self);
gboolean      vitae_history_can_redo      (VitaeHistory   *self);
gboolean      vitae_history_undo          (VitaeHistory   *self);
gboolean      vitae_history_redo          (VitaeHistory   *self);
void          vitae_history_seal          (VitaeHistory   *self);

/* Edits that can be undone: the editor makes every change through these. */
void          vitae_history_set_text      (VitaeHistory   *self,
                                           VitaeEntry     *entry,
                                           const char     *key,
                                           const char     *value);
void          vitae_history_set_list      (VitaeHistory   *self,
                                           VitaeEntry     *entry,
                                           const char     *key,
                                           const char * const *values);
VitaeEntry   *vitae_history_add_entry     (VitaeHistory   *self,
                                           VitaeSectionId  section);
void          vitae_history_insert_entry  (VitaeHistory   *self,
                                           VitaeEntry     *entry,
                                           guint           position);
gboolean      vitae_history_remove_entry  (VitaeHistory   *self,
                                           VitaeEntry     *entry);
gboolean      vitae_history_move_entry    (VitaeHistory   *self,
                                           VitaeEntry     *entry,
                                           guint           position);

G_END_DECLS
