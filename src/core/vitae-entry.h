/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "vitae-section.h"

G_BEGIN_DECLS

#define VITAE_TYPE_ENTRY (vitae_entry_get_type ())
G_DECLARE_FINAL_TYPE (VitaeEntry, vitae_entry, VITAE, ENTRY, GObject)

VitaeEntry          *vitae_entry_new           (VitaeSectionId      section);
VitaeEntry          *vitae_entry_copy          (VitaeEntry         *self);
gboolean             vitae_entry_equal         (VitaeEntry         *a,
                                                VitaeEntry         *b);
VitaeSectionId       vitae_entry_get_section   (VitaeEntry         *self);
const VitaeSectionInfo *vitae_entry_get_section_info (VitaeEntry   *self);
gint64               vitae_entry_get_id        (VitaeEntry         *self);
void                 vitae_entry_set_id        (VitaeEntry         *self,
                                                gint64              id);
const char          *vitae_entry_get_text      (VitaeEntry         *self,
                                                const char         *key);
void                 vitae_entry_set_text      (VitaeEntry         *self,
                                                const char         *key,
                                                const char         *value);
const char * const  *vitae_entry_get_list      (VitaeEntry         *self,
                                                const char         *key);
void                 vitae_entry_set_list      (VitaeEntry         *self,
                                                const char         *key,
                                                const char * const *values);
GVariant            *vitae_entry_dup_value     (VitaeEntry         *self,
                                                const char         *key);
void                 vitae_entry_set_value     (VitaeEntry         *self,
                                                const char         *key,
                                                GVariant           *value);
JsonObject          *vitae_entry_get_extra     (VitaeEntry         *self);
void                 vitae_entry_set_extra     (VitaeEntry         *self,
                                                JsonObject         *extra);
gboolean             vitae_entry_is_empty      (VitaeEntry         *self);
char                *vitae_entry_dup_summary   (VitaeEntry         *self);
char                *vitae_entry_dup_date_range(VitaeEntry         *self);
char                *vitae_entry_to_json       (VitaeEntry         *self);
gboolean             vitae_entry_load_json     (VitaeEntry         *self,
                                                const char         *fields_json,
                                                GError            **error);

G_END_DECLS
