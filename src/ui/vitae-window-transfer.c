/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vitae-export.h"
#include "vitae-json-resume.h"
#include "vitae-text-export.h"
#include "vitae-versions-dialog.h"
#include "vitae-versions.h"
#include "vitae-window-transfer.h"

/* The window's text exports (JSON Resume, plain text, Markdown) and its
 * Versions dialog. The actions are the window's; their state (an open save
 * dialog) hangs off the window as object data, so vitae-window.c only
 * installs them. */

#define CHOOSER_KEY "vitae-transfer-chooser"

static const struct {
  const char *action;
  const char *format;      /* as `vitae export --format` and the export event say it */
  const char *extension;
  const char *title;
  const char *filter;
  const char *mime_type;
} export_formats[] = {
  { "win.export-json", "json", ".json", N_("Export JSON Resume"), N_("JSON Resume"), "application/json" },
  { "win.export-text", "txt", ".txt", N_("Export Plain Text"), N_("Plain Text"), "text/plain" },
  { "win.export-markdown", "md", ".md", N_("Export Markdown"), N_("Markdown"), "text/markdown" },
};

typedef struct {
  char        *format;
  VitaeResume *snapshot;
  GFile       *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->format);
  g_clear_object (&job->snapshot);
  g_clear_object (&job->file);
  g_free (job);
}

static int
lookup_format (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_equal (export_formats[i].action, key) || g_str_equal (export_formats[i].format, key))
      return (int)i;
  return -1;
}

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
add_toast (VitaeWindow *self,
           AdwToast    *toast)
{
  AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (self));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Export ------------------------------------------------------------------- */

/* The PDF's name ("Ada Lovelace — Backend Engineer.pdf") with @extension. */
static char *
export_file_name (VitaeResume *resume,
                  const char  *extension)
{
  g_autofree char *pdf_name = vitae_export_pdf_file_name (resume);

  if (g_str_has_suffix (pdf_name, ".pdf"))
    pdf_name[strlen (pdf_name) - strlen (".pdf")] = '\0';
  return g_strconcat (pdf_name, extension, NULL);
}

static void
write_export_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *text = NULL;
  GError *error = NULL;

  if (g_str_equal (job->format, "json"))
    text = vitae_json_resume_to_string (job->snapshot);
  else
    text = vitae_text_export (job->snapshot, g_str_equal (job->format, "md") ? VITAE_TEXT_FORMAT_MARKDOWN
                                                                             : VITAE_TEXT_FORMAT_PLAIN);

  /* Written beside and renamed over the file: never half an export. */
  if (!g_file_replace_contents (job->file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_written (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitaeWindow *self = g_task_get_source_object (task);
  ExportJob *job = g_task_get_task_data (task);
  VitaeStore *store = vitae_window_get_store (self);
  g_autoptr(VitaeEvent) event = NULL;
  g_autoptr(VitaeVersion) version = NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The store is the main thread's: the event and the version are written here. */
  event = vitae_store_record_event (store, vitae_resume_get_user_id (job->snapshot),
                                    vitae_resume_get_id (job->snapshot),
                                    VITAE_EVENT_EXPORT, job->format, &error);
  if (event != NULL)
    version = vitae_versions_save_export (store, job->snapshot, job->format, &error);
  if (version == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_toast_open (AdwToast *toast,
                      GtkWindow *window)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  VitaeWindow *self = VITAE_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (!vitae_window_export_finish (self, result, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      add_toast (self, toast);
      return;
    }

  path = g_file_get_path (job->file);
  name = path ? g_filename_display_basename (path) : g_file_get_parse_name (job->file);
  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Exported “%s”"), name);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (job->file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_export_toast_open), self, 0);
  add_toast (self, toast);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     VitaeWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  g_autofree char *format_copy = g_strdup (format);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (self), CHOOSER_KEY, NULL);
  if (file != NULL)
    vitae_window_export_async (self, format_copy, file, NULL, on_exported, NULL);
}

static void
destroy_chooser (gpointer chooser)
{
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  VitaeResume *resume = vitae_window_get_open_resume (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  GtkFileChooserNative *chooser;
  int i = lookup_format (action_name);

  g_return_if_fail (i >= 0);
  if (resume == NULL || g_object_get_data (G_OBJECT (self), CHOOSER_KEY) != NULL)
    return;

  name = export_file_name (resume, export_formats[i].extension);
  gtk_file_filter_set_name (filter, _(export_formats[i].filter));
  gtk_file_filter_add_mime_type (filter, export_formats[i].mime_type);
  {
    g_autofree char *pattern = g_strconcat ("*", export_formats[i].extension, NULL);
    gtk_file_filter_add_pattern (filter, pattern);
  }
  chooser = gtk_file_chooser_native_new (_(export_formats[i].title), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "format", (gpointer)export_formats[i].format);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  g_object_set_data_full (G_OBJECT (self), CHOOSER_KEY, chooser, destroy_chooser);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Versions ----------------------------------------------------------------- */

static void
show_versions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VitaeWindow *self = VITAE_WINDOW (widget);
  VitaeVersionsDialog *dialog;

  if (vitae_window_get_open_resume (self) == NULL)
    return;
  dialog = vitae_versions_dialog_new (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_window_transfer_install_actions:
 *
 * Called from the window's class_init.
 */
void
vitae_window_transfer_install_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    gtk_widget_class_install_action (widget_class, export_formats[i].action, NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-versions", NULL, show_versions_action);
}

/**
 * vitae_window_export_async:
 * @format: "json", "txt" or "md"
 * @file: where to write; replaced atomically
 */
void
vitae_window_export_async (VitaeWindow         *self,
                           const char          *format,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write = NULL;
  VitaeResume *resume;
  ExportJob *job;

  g_return_if_fail (VITAE_IS_WINDOW (self));
  g_return_if_fail (format != NULL && lookup_format (format) >= 0);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitae_window_export_async);

  resume = vitae_window_get_open_resume (self);
  if (resume == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No resume is open"));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->format = g_strdup (format);
  job->snapshot = vitae_resume_copy (resume);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, export_job_free);

  write = g_task_new (NULL, cancellable, on_export_written, g_steal_pointer (&task));
  g_task_set_task_data (write, job, NULL);
  g_task_run_in_thread (write, write_export_thread);
}

gboolean
vitae_window_export_finish (VitaeWindow   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitae_window_export_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
