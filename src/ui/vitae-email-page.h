/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vitae-core.h"

G_BEGIN_DECLS

#define VITAE_TYPE_EMAIL_PAGE (vitae_email_page_get_type ())
G_DECLARE_FINAL_TYPE (VitaeEmailPage, vitae_email_page, VITAE, EMAIL_PAGE, AdwPreferencesPage)

VitaeEmailPage *vitae_email_page_new              (GSettings      *settings,
                                                   VitaeStore     *store,
                                                   VitaeUser      *user);
const char     *vitae_email_page_get_test_result  (VitaeEmailPage *self);

G_END_DECLS
