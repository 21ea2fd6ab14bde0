/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vitae-store.h"

G_BEGIN_DECLS

/* At most this many results from vitae_store_search(): typing one letter in
 * a library of ten thousand resumes lists the newest matches, not all. */
#define VITAE_SEARCH_LIMIT 200

#define VITAE_TYPE_SEARCH_RESULT (vitae_search_result_get_type ())
G_DECLARE_FINAL_TYPE (VitaeSearchResult, vitae_search_result, VITAE, SEARCH_RESULT, GObject)

char        *vitae_search_match_expression         (const char        *text);

GListModel  *vitae_store_search                    (VitaeStore        *self,
                                                    gint64             user_id,
                                                    const char        *text,
                                                    GError           **error);
GListModel  *vitae_store_search_full               (VitaeStore        *self,
                                                    gint64             user_id,
                                                    const char        *text,
                                                    guint              limit,
                                                    gboolean          *more,
                                                    GError           **error);

gint64       vitae_search_result_get_resume_id      (VitaeSearchResult *self);
const char  *vitae_search_result_get_title          (VitaeSearchResult *self);
const char  *vitae_search_result_get_candidate_name (VitaeSearchResult *self);
gboolean     vitae_search_result_get_is_active      (VitaeSearchResult *self);
const char  *vitae_search_result_get_field_key      (VitaeSearchResult *self);
const char  *vitae_search_result_get_field          (VitaeSearchResult *self);
const char  *vitae_search_result_get_snippet        (VitaeSearchResult *self);
const char  *vitae_search_result_get_snippet_markup (VitaeSearchResult *self);

G_END_DECLS
