/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-versions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vitae-json-resume.h"
#include "vitae-store-private.h"
#include "vitae-versions.h"

/* A version is a row of resume_versions (migration v3). Its snapshot is the
 * resume as vitae_json_resume_to_string() writes it, so a version reads back
 * through the same lossless codec as an import, and an export of it is the
 * document that was current when it was saved. */

struct _VitaeVersion
{
  GObject  parent_instance;

  gint64   id;
  gint64   resume_id;
  char    *label;
  gint64   created_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_RESUME_ID,
  PROP_LABEL,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeVersion, vitae_version, G_TYPE_OBJECT)

#define VERSION_COLUMNS "id, resume_id, label, created_at"

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static VitaeVersion *
version_new (gint64      id,
             gint64      resume_id,
             const char *label,
             gint64      created_at)
{
  return g_object_new (VITAE_TYPE_VERSION,
                       "id", id,
                       "resume-id", resume_id,
                       "label", label ? label : "",
                       "created-at", created_at,
                       NULL);
}

static VitaeVersion *
version_from_row (sqlite3_stmt *stmt)
{
  return version_new (sqlite3_column_int64 (stmt, 0),
                      sqlite3_column_int64 (stmt, 1),
                      (const char *)sqlite3_column_text (stmt, 2),
                      sqlite3_column_int64 (stmt, 3));
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         const char  *what,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      vitae_store_set_error_from_db (error, db, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

static void
version_not_found (GError **error,
                   gint64   version_id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, version_id);

  g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
               _("No version has the id %s"), id_text);
}

/* Reads one version and, when @snapshot is not NULL, its document. */
static VitaeVersion *
read_version (VitaeStore  *store,
              gint64       version_id,
              char       **snapshot,
              GError     **error)
{
  sqlite3 *db = vitae_store_get_db (store);
  VitaeVersion *version = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (db, "SELECT " VERSION_COLUMNS ", snapshot FROM resume_versions WHERE id = ?1",
                  _("Could not read the version"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      version = version_from_row (stmt);
      if (snapshot != NULL)
        *snapshot = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
    }
  else if (rc == SQLITE_DONE)
    version_not_found (error, version_id);
  else
    vitae_store_set_error_from_db (error, db, _("Could not read the version"));
  sqlite3_finalize (stmt);
  return version;
}

static const char *
format_display_name (const char *format)
{
  if (g_strcmp0 (format, "pdf") == 0)
    return _("PDF");
  if (g_strcmp0 (format, "json") == 0)
    return _("JSON Resume");
  if (g_strcmp0 (format, "txt") == 0)
    return _("Plain Text");
  if (g_strcmp0 (format, "md") == 0)
    return _("Markdown");
  return format;
}

/* GObject ---------------------------------------------------------------- */

static void
vitae_version_finalize (GObject *object)
{
  VitaeVersion *self = (VitaeVersion *)object;

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (vitae_version_parent_class)->finalize (object);
}

static void
vitae_version_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VitaeVersion *self = VITAE_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_RESUME_ID: g_value_set_int64 (value, self->resume_id); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_CREATED_AT: g_value_set_int64 (value, self->created_at); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_version_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VitaeVersion *self = VITAE_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID: self->id = g_value_get_int64 (value); break;
    case PROP_RESUME_ID: self->resume_id = g_value_get_int64 (value); break;
    case PROP_LABEL: self->label = g_value_dup_string (value); break;
    case PROP_CREATED_AT: self->created_at = g_value_get_int64 (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_version_class_init (VitaeVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitae_version_finalize;
  object_class->get_property = vitae_version_get_property;
  object_class->set_property = vitae_version_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_RESUME_ID] = g_param_spec_int64 ("resume-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, "", ro);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitae_version_init (VitaeVersion *self)
{
}

/* Public API --------------------------------------------------------------- */

gint64
vitae_version_get_id (VitaeVersion *self)
{
  g_return_val_if_fail (VITAE_IS_VERSION (self), 0);
  return self->id;
}

gint64
vitae_version_get_resume_id (VitaeVersion *self)
{
  g_return_val_if_fail (VITAE_IS_VERSION (self), 0);
  return self->resume_id;
}

const char *
vitae_version_get_label (VitaeVersion *self)
{
  g_return_val_if_fail (VITAE_IS_VERSION (self), NULL);
  return self->label;
}

gint64
vitae_version_get_created_at (VitaeVersion *self)
{
  g_return_val_if_fail (VITAE_IS_VERSION (self), 0);
  return self->created_at;
}

/**
 * vitae_versions_save:
 * @resume: a stored resume, as it is now (unsaved edits included)
 * @label: what the person calls this version; surrounding space is dropped
 *
 * Returns: (transfer full): the new version, or %NULL with @error set
 */
VitaeVersion *
vitae_versions_save (VitaeStore   *store,
                     VitaeResume  *resume,
                     const char   *label,
                     GError      **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autofree char *snapshot = NULL;
  g_autofree char *stripped = NULL;
  gint64 now = now_seconds ();
  gint64 id;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);
  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (vitae_resume_get_id (resume) <= 0)
    {
      g_set_error_literal (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_INVALID,
                           _("Only a saved resume has versions"));
      return NULL;
    }
  if (!g_utf8_validate (label, -1, NULL))
    {
      g_set_error_literal (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_INVALID,
                           _("The label is not valid UTF-8"));
      return NULL;
    }

  stripped = g_strstrip (g_strdup (label));
  snapshot = vitae_json_resume_to_string (resume);
  db = vitae_store_get_db (store);
  stmt = prepare (db,
                  "INSERT INTO resume_versions (resume_id, label, snapshot, created_at, updated_at)"
                  " VALUES (?1, ?2, ?3, ?4, ?4)",
                  _("Could not save the version"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, vitae_resume_get_id (resume));
  sqlite3_bind_text (stmt, 2, stripped, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, snapshot, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if ((sqlite3_errcode (db) & 0xff) == SQLITE_CONSTRAINT)
        {
          g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, vitae_resume_get_id (resume));

          g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_NOT_FOUND,
                       _("No resume has the id %s"), id_text);
        }
      else
        vitae_store_set_error_from_db (error, db, _("Could not save the version"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  id = sqlite3_last_insert_rowid (db);

  return version_new (id, vitae_resume_get_id (resume), stripped, now);
}

/**
 * vitae_versions_save_export:
 * @format: the export's format: "pdf", "json", "txt" or "md"
 *
 * Saves the version an export of @resume was made from, labelled with the
 * format, so that what was sent can always be found again.
 *
 * Returns: (transfer full): the new version, or %NULL with @error set
 */
VitaeVersion *
vitae_versions_save_export (VitaeStore   *store,
                            VitaeResume  *resume,
                            const char   *format,
                            GError      **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (format != NULL, NULL);

  /* Translators: an automatic version's label; %s is a format such as "PDF" */
  label = g_strdup_printf (_("Exported as %s"), format_display_name (format));
  return vitae_versions_save (store, resume, label, error);
}

/**
 * vitae_versions_list:
 *
 * Returns: (transfer full): the resume's #VitaeVersion list, newest first
 */
GListModel *
vitae_versions_list (VitaeStore  *store,
                     gint64       resume_id,
                     GError     **error)
{
  g_autoptr(GListStore) versions = g_list_store_new (VITAE_TYPE_VERSION);
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  db = vitae_store_get_db (store);
  stmt = prepare (db,
                  "SELECT " VERSION_COLUMNS " FROM resume_versions"
                  " WHERE resume_id = ?1 ORDER BY created_at DESC, id DESC",
                  _("Could not read the versions"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, resume_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VitaeVersion) version = version_from_row (stmt);
      g_list_store_append (versions, version);
    }
  if (rc != SQLITE_DONE)
    {
      vitae_store_set_error_from_db (error, db, _("Could not read the versions"));
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  return G_LIST_MODEL (g_steal_pointer (&versions));
}

/**
 * vitae_versions_get:
 *
 * Returns: (transfer full): the version, or %NULL with @error set
 */
VitaeVersion *
vitae_versions_get (VitaeStore  *store,
                    gint64       version_id,
                    GError     **error)
{
  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);
  return read_version (store, version_id, NULL, error);
}

/**
 * vitae_versions_get_snapshot:
 *
 * Returns: (transfer full): the version's JSON Resume document
 */
char *
vitae_versions_get_snapshot (VitaeStore  *store,
                             gint64       version_id,
                             GError     **error)
{
  g_autoptr(VitaeVersion) version = NULL;
  char *snapshot = NULL;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  version = read_version (store, version_id, &snapshot, error);
  return version ? snapshot : NULL;
}

/**
 * vitae_versions_load:
 *
 * Reads a version back as a resume to preview or export: not stored (its id
 * is 0), with the user id of the resume it belongs to.
 *
 * Returns: (transfer full): the resume as it was, or %NULL with @error set
 */
VitaeResume *
vitae_versions_load (VitaeStore  *store,
                     gint64       version_id,
                     GError     **error)
{
  g_autoptr(VitaeVersion) version = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autofree char *snapshot = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  version = read_version (store, version_id, &snapshot, error);
  if (version == NULL)
    return NULL;

  resume = vitae_json_resume_parse (snapshot, strlen (snapshot), &local_error);
  if (resume == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, version_id);

      g_set_error (error, VITAE_STORE_ERROR, VITAE_STORE_ERROR_CORRUPT,
                   _("Version %s cannot be read: %s"),
                   id_text, local_error->message);
      return NULL;
    }

  db = vitae_store_get_db (store);
  stmt = prepare (db, "SELECT user_id FROM resumes WHERE id = ?1", _("Could not read the version"), error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, version->resume_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    vitae_resume_set_user_id (resume, sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  vitae_resume_set_created_at (resume, version->created_at);
  vitae_resume_set_updated_at (resume, version->created_at);

  return g_steal_pointer (&resume);
}

/**
 * vitae_versions_restore:
 *
 * Makes the version's content the resume's content again. The current
 * content is saved as a version first, so that the restore can be undone by
 * restoring that one; then basics, entries, section layout, template, page
 * size and accent are replaced in one transaction. The resume keeps its id,
 * title, archive state, photo, counters, events and versions.
 *
 * Returns: (transfer full): the version holding what was replaced, or %NULL
 *   with @error set (and the resume unchanged)
 */
VitaeVersion *
vitae_versions_restore (VitaeStore  *store,
                        gint64       version_id,
                        GError     **error)
{
  g_autoptr(VitaeVersion) version = NULL;
  g_autoptr(VitaeVersion) before = NULL;
  g_autoptr(VitaeResume) current = NULL;
  g_autoptr(VitaeResume) restored = NULL;
  g_autofree char *label = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) created = NULL;

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  version = vitae_versions_get (store, version_id, error);
  if (version == NULL)
    return NULL;
  restored = vitae_versions_load (store, version_id, error);
  if (restored == NULL)
    return NULL;
  current = vitae_store_load_resume (store, version->resume_id, error);
  if (current == NULL)
    return NULL;

  created = g_date_time_new_from_unix_local (version->created_at);
  when = created ? g_date_time_format (created, "%Y-%m-%d %H:%M") : g_strdup ("");
  if (version->label[0] != '\0')
    /* Translators: a version's label: the state a restore replaced; %s is the restored version's label */
    label = g_strdup_printf (_("Before restoring “%s”"), version->label);
  else
    /* Translators: a version's label: the state a restore replaced; %s is a date and time */
    label = g_strdup_printf (_("Before restoring the version of %s"), when);
  before = vitae_versions_save (store, current, label, error);
  if (before == NULL)
    return NULL;

  /* What a version does not hold, or holds but is the resume's identity. */
  vitae_resume_set_id (restored, vitae_resume_get_id (current));
  vitae_resume_set_user_id (restored, vitae_resume_get_user_id (current));
  vitae_resume_set_title (restored, vitae_resume_get_title (current));
  vitae_resume_set_is_active (restored, vitae_resume_get_is_active (current));
  vitae_resume_set_download_count (restored, vitae_resume_get_download_count (current));
  vitae_resume_set_view_count (restored, vitae_resume_get_view_count (current));
  vitae_resume_set_created_at (restored, vitae_resume_get_created_at (current));
  vitae_resume_set_photo (restored, vitae_resume_get_photo (current));

  /* Entries read from JSON have no row id: the store writes them as new rows
   * and deletes the current ones, all in the one transaction of the save. */
  if (!vitae_store_save_resume (store, restored, error))
    {
      /* Nothing was replaced, so the version made for undoing it is noise. */
      vitae_versions_delete (store, before->id, NULL);
      return NULL;
    }

  return g_steal_pointer (&before);
}

/**
 * vitae_versions_delete:
 *
 * Deletes one version; the resume and its other versions stay.
 */
gboolean
vitae_versions_delete (VitaeStore  *store,
                       gint64       version_id,
                       GError     **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VITAE_IS_STORE (store), FALSE);

  db = vitae_store_get_db (store);
  stmt = prepare (db, "DELETE FROM resume_versions WHERE id = ?1", _("Could not delete the version"), error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    vitae_store_set_error_from_db (error, db, _("Could not delete the version"));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  if (sqlite3_changes (db) == 0)
    {
      version_not_found (error, version_id);
      return FALSE;
    }
  return TRUE;
}
