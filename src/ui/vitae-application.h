/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VITAE_TYPE_APPLICATION (vitae_application_get_type ())
G_DECLARE_FINAL_TYPE (VitaeApplication, vitae_application, VITAE, APPLICATION, AdwApplication)

VitaeApplication *vitae_application_new          (void);
GSettings        *vitae_application_get_settings (VitaeApplication *self);

/* The app's GSettings, or NULL when the schema is not installed (a test). */
GSettings        *vitae_settings_new             (void);

/* Registers the UI's GResource once; every templated widget calls it. */
void              vitae_ui_ensure_resources      (void);

G_END_DECLS
