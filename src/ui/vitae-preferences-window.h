/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VITAE_TYPE_PREFERENCES_WINDOW (vitae_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (VitaePreferencesWindow, vitae_preferences_window, VITAE, PREFERENCES_WINDOW, AdwPreferencesWindow)

VitaePreferencesWindow *vitae_preferences_window_new (GtkWindow *parent,
                                                      GSettings *settings);

G_END_DECLS
