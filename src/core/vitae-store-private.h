/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "vitae-store.h"

G_BEGIN_DECLS

/* For the store's own files and the tests of its migrations. */
sqlite3  *vitae_store_get_db            (VitaeStore  *self);

/* The store's one statement cache and its write transactions, shared by the
 * files that keep tables beside it (search, analytics). */
sqlite3_stmt *vitae_store_prepare_cached (VitaeStore  *self,
                                          const char  *sql,
                                          GError     **error);
gboolean  vitae_store_begin_write       (VitaeStore  *self,
                                         GError     **error);
gboolean  vitae_store_commit_write      (VitaeStore  *self,
                                         GError     **error);
void      vitae_store_rollback_write    (VitaeStore  *self);
gboolean  vitae_store_migrate_db        (sqlite3     *db,
                                         int          target_version,
                                         GError     **error);
int       vitae_store_db_get_version    (sqlite3     *db);
void      vitae_store_set_error_from_db (GError     **error,
                                         sqlite3     *db,
                                         const char  *what);

G_END_DECLS
