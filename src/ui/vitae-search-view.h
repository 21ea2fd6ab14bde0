/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"

G_BEGIN_DECLS

#define VITAE_TYPE_SEARCH_VIEW (vitae_search_view_get_type ())
G_DECLARE_FINAL_TYPE (VitaeSearchView, vitae_search_view, VITAE, SEARCH_VIEW, AdwBin)

GtkWidget  *vitae_search_view_new         (void);
void        vitae_search_view_set_profile (VitaeSearchView  *self,
                                           VitaeStore       *store,
                                           gint64            user_id);
gboolean    vitae_search_view_search      (VitaeSearchView  *self,
                                           const char       *text,
                                           GError          **error);
GListModel *vitae_search_view_get_results (VitaeSearchView  *self);

G_END_DECLS
