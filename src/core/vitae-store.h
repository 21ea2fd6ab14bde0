/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vitae-event.h"
#include "vitae-resume.h"
#include "vitae-user.h"

G_BEGIN_DECLS

#define VITAE_STORE_ERROR (vitae_store_error_quark ())

typedef enum {
  VITAE_STORE_ERROR_NOT_A_DATABASE,
  VITAE_STORE_ERROR_CORRUPT,
  VITAE_STORE_ERROR_TOO_NEW,
  VITAE_STORE_ERROR_READ_ONLY,
  VITAE_STORE_ERROR_NOT_FOUND,
  VITAE_STORE_ERROR_INVALID,
  VITAE_STORE_ERROR_FAILED,
} VitaeStoreError;

typedef enum {
  VITAE_RESUME_FILTER_ACTIVE,
  VITAE_RESUME_FILTER_ARCHIVED,
  VITAE_RESUME_FILTER_ALL,
} VitaeResumeFilter;

/* The schema version this build writes; see vitae-store-migrations.c. */
#define VITAE_STORE_SCHEMA_VERSION 5

#define VITAE_TYPE_STORE (vitae_store_get_type ())
G_DECLARE_FINAL_TYPE (VitaeStore, vitae_store, VITAE, STORE, GObject)

GQuark       vitae_store_error_quark         (void);
char        *vitae_store_default_path        (const char        *data_dir);
VitaeStore  *vitae_store_open                (const char        *path,
                                              GError           **error);
const char  *vitae_store_get_path            (VitaeStore        *self);

/* Profiles */
GListModel  *vitae_store_list_users          (VitaeStore        *self,
                                              GError           **error);
VitaeUser   *vitae_store_get_user            (VitaeStore        *self,
                                              gint64             user_id,
                                              GError           **error);
VitaeUser   *vitae_store_find_user           (VitaeStore        *self,
                                              const char        *name_or_id,
                                              GError           **error);
VitaeUser   *vitae_store_create_user         (VitaeStore        *self,
                                              const char        *name,
                                              const char        *email,
                                              GError           **error);
gboolean     vitae_store_save_user           (VitaeStore        *self,
                                              VitaeUser         *user,
                                              GError           **error);
gboolean     vitae_store_delete_user         (VitaeStore        *self,
                                              gint64             user_id,
                                              GError           **error);

/* Resumes */
GListModel  *vitae_store_list_resumes        (VitaeStore        *self,
                                              gint64             user_id,
                                              VitaeResumeFilter  filter,
                                              GError           **error);
VitaeResume *vitae_store_load_resume         (VitaeStore        *self,
                                              gint64             resume_id,
                                              GError           **error);
VitaeResume *vitae_store_create_resume       (VitaeStore        *self,
                                              gint64             user_id,
                                              const char        *title,
                                              GError           **error);
gboolean     vitae_store_insert_resume       (VitaeStore        *self,
                                              VitaeResume       *resume,
                                              GError           **error);
gboolean     vitae_store_save_resume         (VitaeStore        *self,
                                              VitaeResume       *resume,
                                              GError           **error);
VitaeResume *vitae_store_duplicate_resume    (VitaeStore        *self,
                                              gint64             resume_id,
                                              const char        *title,
                                              GError           **error);
gboolean     vitae_store_rename_resume       (VitaeStore        *self,
                                              gint64             resume_id,
                                              const char        *title,
                                              GError           **error);
gboolean     vitae_store_set_resume_active   (VitaeStore        *self,
                                              gint64             resume_id,
                                              gboolean           is_active,
                                              GError           **error);
gboolean     vitae_store_delete_resume       (VitaeStore        *self,
                                              gint64             resume_id,
                                              GError           **error);

/* Analytics */
VitaeEvent  *vitae_store_record_event        (VitaeStore        *self,
                                              gint64             user_id,
                                              gint64             resume_id,
                                              const char        *action,
                                              const char        *details,
                                              GError           **error);
GListModel  *vitae_store_list_events         (VitaeStore        *self,
                                              gint64             resume_id,
                                              GError           **error);

G_END_DECLS
