/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vitae-resume.h"
#include "vitae-store.h"

G_BEGIN_DECLS

/* Export PDF and Print: both render from a snapshot of the resume on a
 * worker thread, both record their event on the main thread afterwards. */

char     *vitae_export_pdf_file_name   (VitaeResume          *resume);
void      vitae_export_pdf_async       (VitaeStore           *store,
                                        VitaeResume          *resume,
                                        GFile                *file,
                                        GDateTime            *creation_date,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
GFile    *vitae_export_pdf_finish      (GAsyncResult         *result,
                                        GError              **error);

void      vitae_export_print_async     (GtkWindow            *parent,
                                        VitaeStore           *store,
                                        VitaeResume          *resume,
                                        GFile                *print_to_file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  vitae_export_print_finish    (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
