/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Backups of the whole database with SQLite's online backup API. Every
 * function opens its own connections from the database's path, so it may run
 * on a worker thread while the store keeps its connection on the main one.
 * Errors are in the VITAE_STORE_ERROR domain. */

/* Automatic and "Back Up Now" backups older than this many days are removed. */
#define VITAE_BACKUP_KEEP_DAYS 30

char      *vitae_backup_get_folder (const char  *db_path);
char      *vitae_backup_create     (const char  *db_path,
                                    const char  *destination,
                                    GDateTime   *now,
                                    GError     **error);
gboolean   vitae_backup_daily      (const char  *db_path,
                                    GDateTime   *now,
                                    char       **created,
                                    GError     **error);
/* vitae_backup_daily() on a worker thread; the result is the new path or NULL. */
void       vitae_backup_daily_async  (const char           *db_path,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
char      *vitae_backup_daily_finish (GAsyncResult         *result,
                                      GError              **error);
/* vitae_backup_create() and vitae_backup_restore() on a worker thread. */
void       vitae_backup_create_async  (const char           *db_path,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
char      *vitae_backup_create_finish (GAsyncResult         *result,
                                       GError              **error);
void       vitae_backup_restore_async  (const char           *db_path,
                                        const char           *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char      *vitae_backup_restore_finish (GAsyncResult         *result,
                                        GError              **error);
guint      vitae_backup_prune      (const char  *folder,
                                    GDateTime   *now,
                                    guint        keep_days);
GPtrArray *vitae_backup_list       (const char  *folder);
GDateTime *vitae_backup_get_date   (const char  *path);
gboolean   vitae_backup_check      (const char  *file,
                                    GError     **error);
char      *vitae_backup_restore    (const char  *db_path,
                                    const char  *file,
                                    GDateTime   *now,
                                    GError     **error);

G_END_DECLS
