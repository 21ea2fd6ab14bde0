/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vitae-event.h"
#include "vitae-export.h"
#include "vitae-render.h"
#include "vitae-versions.h"

/* An export renders again from a snapshot, exactly as the preview does, so
 * the file holds the bytes the preview shows (with the same creation date).
 * The store is only touched on the main thread, after the work is done. */

#define MAX_FILE_NAME_BYTES 200

typedef struct {
  VitaeStore          *store;
  VitaeResume         *resume;      /* the live one: its counter follows the store */
  VitaeResume         *snapshot;
  GDateTime           *creation_date;
  GFile               *file;
  GBytes              *pdf;
  VitaeRenderDocument *document;
} ExportJob;

/* Kept between print runs, as a document viewer keeps them. */
static GtkPrintSettings *last_print_settings;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->store);
  g_clear_object (&job->resume);
  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->creation_date, g_date_time_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_clear_object (&job->document);
  g_free (job);
}

static ExportJob *
export_job_new (VitaeStore  *store,
                VitaeResume *resume)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->store = g_object_ref (store);
  job->resume = g_object_ref (resume);
  job->snapshot = vitae_resume_copy (resume);
  return job;
}

static gboolean
record_event (ExportJob   *job,
              const char  *action,
              const char  *details,
              GError     **error)
{
  g_autoptr(VitaeEvent) event = NULL;

  event = vitae_store_record_event (job->store, vitae_resume_get_user_id (job->resume),
                                    vitae_resume_get_id (job->resume), action, details, error);
  if (event == NULL)
    return FALSE;
  if (g_str_equal (action, VITAE_EVENT_DOWNLOAD))
    vitae_resume_set_download_count (job->resume, vitae_resume_get_download_count (job->resume) + 1);
  return TRUE;
}

static void
append_clean (GString    *out,
              const char *text)
{
  gboolean space = out->len > 0 && out->str[out->len - 1] == ' ';

  if (text == NULL)
    return;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Characters that some file system or other refuses, and controls. */
      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || strchr ("/\\:*?\"<>|", (int)c) != NULL)
        {
          if (!space && out->len > 0)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_unichar (out, c);
      space = FALSE;
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

/* "Ada Lovelace — Backend Engineer" needs no name before it. */
static gboolean
title_names_candidate (const char *title,
                       const char *name)
{
  g_autofree char *folded_title = g_utf8_casefold (title, -1);
  g_autofree char *folded_name = g_utf8_casefold (name, -1);

  return strstr (folded_title, folded_name) != NULL;
}

/* Threads ------------------------------------------------------------------ */

static void
render_pdf_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ExportJob *job = task_data;
  VitaeRenderOptions options = { .creation_date = job->creation_date };
  GError *error = NULL;
  GBytes *pdf;

  if (g_task_return_error_if_cancelled (task))
    return;
  pdf = vitae_render_pdf (job->snapshot, &options, &error);
  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify)g_bytes_unref);
}

static void
lay_out_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  VitaeRenderDocument *document;

  if (g_task_return_error_if_cancelled (task))
    return;
  document = vitae_render_document_new (job->snapshot, NULL, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/* Export PDF --------------------------------------------------------------- */

static void
on_pdf_written (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(VitaeVersion) version = NULL;
  ExportJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error) ||
      !record_event (job, VITAE_EVENT_DOWNLOAD, "pdf", &error) ||
      /* What was exported can be found again in the resume's versions. */
      (version = vitae_versions_save_export (job->store, job->snapshot, "pdf", &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (job->file), g_object_unref);
}

static void
on_pdf_rendered (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  job->pdf = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->pdf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Written beside and renamed over the file: never half a PDF. */
  g_file_replace_contents_bytes_async (job->file, job->pdf, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, on_pdf_written,
                                       g_steal_pointer (&task));
}

/* Print -------------------------------------------------------------------- */

static void
on_print_draw_page (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    ExportJob         *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  vitae_render_document_get_page_size (job->document, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  /* Centred across when the paper is wider than the resume's page. */
  cairo_translate (cr, (gtk_print_context_get_width (context) - width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  vitae_render_document_draw_page (job->document, cr, (guint)page);
}

static void
finish_print (GTask                   *task,
              GtkPrintOperation       *operation,
              GtkPrintOperationResult  result)
{
  ExportJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      g_set_object (&last_print_settings, gtk_print_operation_get_print_settings (operation));
      if (!record_event (job, VITAE_EVENT_PRINT, NULL, &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      break;
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("Printing failed"));
      g_task_return_error (task, error);
      break;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      g_task_return_boolean (task, FALSE);
      break;
    }
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GTask                   *task)
{
  finish_print (task, operation, result);
  g_object_unref (task);
}

static void
on_laid_out (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  GtkWindow *parent = g_object_get_data (G_OBJECT (task), "parent");
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPrintOperationResult print_result;
  GError *error = NULL;
  double width, height;

  job->document = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  vitae_render_document_get_page_size (job->document, &width, &height);
  paper = gtk_paper_size_new (width > VITAE_PAGE_A4_WIDTH ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);

  operation = gtk_print_operation_new ();
  if (last_print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_print_settings);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_job_name (operation, vitae_resume_get_title (job->resume));
  gtk_print_operation_set_n_pages (operation, (int)vitae_render_document_get_n_pages (job->document));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_print_draw_page), job);

  if (job->file != NULL)
    {
      g_autofree char *path = g_file_get_path (job->file);
      gtk_print_operation_set_export_filename (operation, path);
    }

  print_result = gtk_print_operation_run (operation,
                                          job->file != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                            : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                          parent, &error);
  if (print_result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_task_return_error (task, error);
      return;
    }
  if (print_result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* Each keeps the other until "done": the dialog may outlive us. */
      g_object_set_data_full (G_OBJECT (task), "operation", g_object_ref (operation), g_object_unref);
      g_signal_connect (operation, "done", G_CALLBACK (on_print_done), g_steal_pointer (&task));
      return;
    }
  finish_print (task, operation, print_result);
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_export_pdf_file_name:
 *
 * Returns: (transfer full): a file name for the resume's PDF, such as
 *   "Ada Lovelace — Backend Engineer.pdf", safe on any file system
 */
char *
vitae_export_pdf_file_name (VitaeResume *resume)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  gsize len;

  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);

  append_clean (name, vitae_resume_get_candidate_name (resume));
  append_clean (title, vitae_resume_get_title (resume));

  if (name->len > 0 && title->len > 0 && !title_names_candidate (title->str, name->str))
    {
      /* Translators: a PDF file name: the candidate's name, then the resume title */
      g_autofree char *both = g_strdup_printf (_("%s — %s"), name->str, title->str);
      g_string_assign (name, both);
    }
  else if (title->len > 0)
    g_string_assign (name, title->str);
  else if (name->len == 0)
    g_string_assign (name, _("Resume"));

  /* No hidden file, and room for the extension on any file system. */
  while (name->str[0] == '.' || name->str[0] == ' ')
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_assign (name, _("Resume"));
  len = name->len;
  if (len > MAX_FILE_NAME_BYTES)
    {
      const char *end = name->str + MAX_FILE_NAME_BYTES;
      end = g_utf8_find_prev_char (name->str, end + 1);
      g_string_truncate (name, end - name->str);
    }
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * vitae_export_pdf_async:
 * @creation_date: (nullable): the PDF's creation date, or %NULL for now
 *
 * Renders @resume as it is now on a worker thread, writes the PDF to @file
 * (atomically), then records a `download` event, which also counts it.
 */
void
vitae_export_pdf_async (VitaeStore          *store,
                        VitaeResume         *resume,
                        GFile               *file,
                        GDateTime           *creation_date,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) render = NULL;
  ExportJob *job;

  g_return_if_fail (VITAE_IS_STORE (store));
  g_return_if_fail (VITAE_IS_RESUME (resume));
  g_return_if_fail (G_IS_FILE (file));

  job = export_job_new (store, resume);
  job->file = g_object_ref (file);
  job->creation_date = creation_date ? g_date_time_ref (creation_date) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitae_export_pdf_async);
  g_task_set_task_data (task, job, export_job_free);

  render = g_task_new (NULL, cancellable, on_pdf_rendered, g_steal_pointer (&task));
  g_task_set_task_data (render, job, NULL);
  g_task_run_in_thread (render, render_pdf_thread);
}

/**
 * vitae_export_pdf_finish:
 *
 * Returns: (transfer full): the file written, or %NULL with @error set
 */
GFile *
vitae_export_pdf_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitae_export_pdf_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vitae_export_print_async:
 * @parent: (nullable): the window the print dialog belongs to
 * @print_to_file: (nullable): %NULL to show GTK's print dialog (with its
 *   preview); a PDF file to print into without a dialog
 *
 * Lays @resume out on a worker thread, then prints the same pages through
 * GtkPrintOperation, scaled to the paper; a `print` event is recorded when
 * the pages were sent.
 */
void
vitae_export_print_async (GtkWindow           *parent,
                          VitaeStore          *store,
                          VitaeResume         *resume,
                          GFile               *print_to_file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) lay_out = NULL;
  ExportJob *job;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (VITAE_IS_STORE (store));
  g_return_if_fail (VITAE_IS_RESUME (resume));
  g_return_if_fail (print_to_file == NULL || G_IS_FILE (print_to_file));

  job = export_job_new (store, resume);
  job->file = print_to_file ? g_object_ref (print_to_file) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vitae_export_print_async);
  g_task_set_task_data (task, job, export_job_free);
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (task), "parent", g_object_ref (parent), g_object_unref);

  lay_out = g_task_new (NULL, cancellable, on_laid_out, g_steal_pointer (&task));
  g_task_set_task_data (lay_out, job, NULL);
  g_task_run_in_thread (lay_out, lay_out_thread);
}

/**
 * vitae_export_print_finish:
 *
 * Returns: %TRUE when the pages were sent to print; %FALSE without an
 *   error when the person cancelled
 */
gboolean
vitae_export_print_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vitae_export_print_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
