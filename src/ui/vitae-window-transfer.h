/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vitae-window.h"

G_BEGIN_DECLS

/* The window's text exports and version history, kept beside vitae-window.c:
 * win.export-json, win.export-text, win.export-markdown (a save dialog, then
 * vitae_window_export_async()) and win.show-versions (the Versions dialog). */

void     vitae_window_transfer_install_actions (GtkWidgetClass       *widget_class);

/* Writes the open resume as @format ("json", "txt" or "md") to @file on a
 * worker thread, atomically, then records an `export` event and saves the
 * version that was exported. */
void     vitae_window_export_async             (VitaeWindow          *self,
                                                const char           *format,
                                                GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean vitae_window_export_finish            (VitaeWindow          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
