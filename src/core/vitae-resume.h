/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vitae-entry.h"

G_BEGIN_DECLS

#define VITAE_TYPE_RESUME (vitae_resume_get_type ())
G_DECLARE_FINAL_TYPE (VitaeResume, vitae_resume, VITAE, RESUME, GObject)

#define VITAE_DEFAULT_TEMPLATE  "classic"
#define VITAE_DEFAULT_PAGE_SIZE "a4"
#define VITAE_DEFAULT_ACCENT    "#1c71d8"

VitaeResume     *vitae_resume_new                 (void);
VitaeResume     *vitae_resume_copy                (VitaeResume    *self);
gint64           vitae_resume_get_id              (VitaeResume    *self);
void             vitae_resume_set_id              (VitaeResume    *self,
                                                   gint64          id);
gint64           vitae_resume_get_user_id         (VitaeResume    *self);
void             vitae_resume_set_user_id         (VitaeResume    *self,
                                                   gint64          user_id);
const char      *vitae_resume_get_title           (VitaeResume    *self);
void             vitae_resume_set_title           (VitaeResume    *self,
                                                   const char     *title);
const char      *vitae_resume_get_template        (VitaeResume    *self);
void             vitae_resume_set_template        (VitaeResume    *self,
                                                   const char     *template_id);
const char      *vitae_resume_get_page_size       (VitaeResume    *self);
void             vitae_resume_set_page_size       (VitaeResume    *self,
                                                   const char     *page_size);
const char      *vitae_resume_get_accent          (VitaeResume    *self);
void             vitae_resume_set_accent          (VitaeResume    *self,
                                                   const char     *accent);
gboolean         vitae_resume_get_is_active       (VitaeResume    *self);
void             vitae_resume_set_is_active       (VitaeResume    *self,
                                                   gboolean        is_active);
gint64           vitae_resume_get_download_count  (VitaeResume    *self);
void             vitae_resume_set_download_count  (VitaeResume    *self,
                                                   gint64          count);
gint64           vitae_resume_get_view_count      (VitaeResume    *self);
void             vitae_resume_set_view_count      (VitaeResume    *self,
                                                   gint64          count);
gint64           vitae_resume_get_created_at      (VitaeResume    *self);
void             vitae_resume_set_created_at      (VitaeResume    *self,
                                                   gint64          unix_time);
gint64           vitae_resume_get_updated_at      (VitaeResume    *self);
void             vitae_resume_set_updated_at      (VitaeResume    *self,
                                                   gint64          unix_time);
GBytes          *vitae_resume_get_photo           (VitaeResume    *self);
void             vitae_resume_set_photo           (VitaeResume    *self,
                                                   GBytes         *photo);
JsonObject      *vitae_resume_get_extra           (VitaeResume    *self);
void             vitae_resume_set_extra           (VitaeResume    *self,
                                                   JsonObject     *extra);

/* The candidate: basics, one entry that always exists. */
VitaeEntry      *vitae_resume_get_basics          (VitaeResume    *self);
const char      *vitae_resume_get_candidate_name  (VitaeResume    *self);
/* A summary name for lists, kept when entries are not loaded. */
void             vitae_resume_set_candidate_name  (VitaeResume    *self,
                                                   const char     *name);

GListModel      *vitae_resume_get_entries         (VitaeResume    *self,
                                                   VitaeSectionId  section);
guint            vitae_resume_get_n_entries       (VitaeResume    *self);
VitaeEntry      *vitae_resume_add_entry           (VitaeResume    *self,
                                                   VitaeSectionId  section);
void             vitae_resume_insert_entry        (VitaeResume    *self,
                                                   VitaeEntry     *entry,
                                                   guint           position);
gboolean         vitae_resume_remove_entry        (VitaeResume    *self,
                                                   VitaeEntry     *entry,
                                                   guint          *position);
gboolean         vitae_resume_move_entry          (VitaeResume    *self,
                                                   VitaeEntry     *entry,
                                                   guint           new_position);

/* Section layout: order, visibility and custom headings of the sections after basics. */
guint            vitae_resume_get_section_order   (VitaeResume    *self,
                                                   VitaeSectionId *order);
void             vitae_resume_set_section_order   (VitaeResume    *self,
                                                   const VitaeSectionId *order,
                                                   guint           n_order);
gboolean         vitae_resume_get_section_visible (VitaeResume    *self,
                                                   VitaeSectionId  section);
void             vitae_resume_set_section_visible (VitaeResume    *self,
                                                   VitaeSectionId  section,
                                                   gboolean        visible);
const char      *vitae_resume_get_section_heading (VitaeResume    *self,
                                                   VitaeSectionId  section);
void             vitae_resume_set_section_heading (VitaeResume    *self,
                                                   VitaeSectionId  section,
                                                   const char     *heading);
const char      *vitae_resume_get_section_title   (VitaeResume    *self,
                                                   VitaeSectionId  section);
char            *vitae_resume_layout_to_json      (VitaeResume    *self);
void             vitae_resume_layout_from_json    (VitaeResume    *self,
                                                   const char     *json);

G_END_DECLS
