/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>

#include "vitae-application.h"
#include "vitae-preview.h"
#include "vitae-preview-pages.h"
#include "vitae-render.h"
#include "vitae-text-export.h"

/* The live preview shows the very PDF that export writes. An edit waits a
 * moment for the next one (the delay), then a snapshot of the resume goes
 * to a worker thread, which writes the PDF, opens it with poppler and draws
 * its pages into textures; the main thread only swaps the textures in. A
 * newer edit cancels the render in flight, and a result that arrives after
 * a newer edit is dropped. Each PopplerDocument belongs to one job at a
 * time: the main thread never draws with it, and a document is handed to
 * one raster job (a new zoom) only while no other holds it. Drawing with
 * poppler is also one job at a time across documents: poppler's cairo
 * backend opens every document's fonts in one shared FreeType library,
 * which two threads must not use at once. A cancelled job stops between
 * pages, so a new one waits a page at most. */

#define DEFAULT_DELAY_MS   150
#define SPINNER_DELAY_MS   400
#define RASTER_DELAY_MS    80
#define MAX_TEXTURE_PIXELS 4096

struct _VitaePreview
{
  GtkWidget          parent_instance;

  /* template children */
  AdwStatusPage     *empty_page;
  AdwStatusPage     *error_page;
  GtkLabel          *page_count_label;
  VitaePreviewPages *pages;
  GtkScrolledWindow *scroller;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  GtkWidget         *toolbar;
  GtkLabel          *zoom_label;

  VitaeResume       *resume;
  GDateTime         *creation_date;
  guint              delay;
  guint              render_source;
  guint              spinner_source;
  guint              zoom_state_source;
  GCancellable      *render_cancellable;   /* the newest render */

  /* What is on screen. */
  GBytes            *pdf;
  PopplerDocument   *document;
  double             raster_scale;         /* texture pixels a point */
  char              *error;

  PopplerDocument   *raster_busy;          /* held by a raster job; not a reference */
  guint              raster_source;
  GCancellable      *raster_cancellable;

  GdkFrameClock     *paint_clock;
  gulong             paint_handler;

  /* Where the middle of the view was, as a share of the pages' height,
   * kept across a zoom; negative when there is nothing to keep. */
  double             scroll_anchor;
};

typedef struct {
  /* in */
  VitaeResume     *snapshot;
  GDateTime       *creation_date;
  double           scale;
  guint            page_in_view;   /* a render: the page drawn first… */
  guint            shown_pages;    /* …while the others keep these old ones */
  /* out; a raster job gets its document in, and a job that draws the pages
   * a render left for later gets their slots too (NULL until drawn) */
  GBytes          *pdf;
  PopplerDocument *document;
  GPtrArray       *textures;
  double           page_width;
  double           page_height;
  char            *text;
} PreviewJob;

enum {
  PROP_0,
  PROP_CREATION_DATE,
  PROP_DELAY,
  PROP_RESUME,
  N_PROPS
};

enum {
  RENDERED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_LOCK_DEFINE_STATIC (poppler);

static const double zoom_levels[] = {
  0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

G_DEFINE_FINAL_TYPE (VitaePreview, vitae_preview, GTK_TYPE_WIDGET)

static void
preview_job_free (gpointer data)
{
  PreviewJob *job = data;

  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->creation_date, g_date_time_unref);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_clear_object (&job->document);
  g_clear_pointer (&job->textures, g_ptr_array_unref);
  g_free (job->text);
  g_free (job);
}

/* The texture takes the surface's pixels as they are: no copy. The surface
 * also stays with the texture, for VitaePreviewPages to paint directly under
 * the cairo renderer (see vitae_preview_pages_snapshot()). */
static GdkTexture *
texture_new_for_surface (cairo_surface_t *surface)
{
  GdkTexture *texture;

  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) pixels = NULL;

  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize)height * (gsize)stride,
                                       (GDestroyNotify)cairo_surface_destroy, surface);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32: premultiplied, native endian. */
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
  vitae_preview_pages_attach_surface (texture, surface);
  return texture;
}

static void
texture_unref (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

/* Runs on a worker thread, the only one that holds @job->document. Draws
 * the pages @job->textures has no texture for yet (all, when it is NULL),
 * or with @in_view_only just the page in view. */
static gboolean
rasterize (PreviewJob    *job,
           gboolean       in_view_only,
           GCancellable  *cancellable,
           GError       **error)
{
  int n_pages = poppler_document_get_n_pages (job->document);

  if (job->textures == NULL)
    {
      job->textures = g_ptr_array_new_with_free_func (texture_unref);
      g_ptr_array_set_size (job->textures, n_pages);
    }
  if (n_pages > 0)
    {
      PopplerPage *first = poppler_document_get_page (job->document, 0);

      poppler_page_get_size (first, &job->page_width, &job->page_height);
      g_object_unref (first);
    }

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      cairo_surface_t *surface;
      cairo_status_t status;
      cairo_t *cr;
      double width, height, scale = job->scale;
      int pixel_width, pixel_height;

      if (g_ptr_array_index (job->textures, i) != NULL ||
          (in_view_only && (guint)i != MIN (job->page_in_view, (guint)n_pages - 1)))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      page = poppler_document_get_page (job->document, i);
      poppler_page_get_size (page, &width, &height);
      scale = MIN (scale, MAX_TEXTURE_PIXELS / MAX (width, height));
      pixel_width = MAX (1, (int)round (width * scale));
      pixel_height = MAX (1, (int)round (height * scale));

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, pixel_width / width, pixel_height / height);
      poppler_page_render (page, cr);
      g_object_unref (page);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (surface);
          g_set_error (error, VITAE_RENDER_ERROR, VITAE_RENDER_ERROR_FAILED,
                       _("Could not draw page %d: %s"), i + 1, cairo_status_to_string (status));
          return FALSE;
        }
      cairo_surface_flush (surface);
      job->textures->pdata[i] = texture_new_for_surface (surface);
    }
  return TRUE;
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  VitaeRenderOptions options = { .creation_date = job->creation_date };
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  job->pdf = vitae_render_pdf (job->snapshot, &options, &error);
  if (job->pdf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  G_LOCK (poppler);
  job->document = poppler_document_new_from_bytes (job->pdf, NULL, &error);
  /* With as many pages on screen already, the page in view comes first and
   * the others follow (show_pages()); the first render draws them all. */
  if (job->document == NULL ||
      !rasterize (job, poppler_document_get_n_pages (job->document) == (int)job->shown_pages,
                  cancellable, &error))
    {
      G_UNLOCK (poppler);
      g_task_return_error (task, error);
      return;
    }
  G_UNLOCK (poppler);
  job->text = vitae_text_export_plain (job->snapshot);
  g_task_return_boolean (task, TRUE);
}

static void
render_pool_func (gpointer data,
                  gpointer user_data)
{
  GTask *task = data;

  render_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                 g_task_get_cancellable (task));
  g_object_unref (task);
}

/* Renders run on one thread kept for the life of the app rather than on
 * GTask's pool: Pango's font map and the layout cache are per thread, and a
 * pool thread that was idle long enough to exit would start the next render
 * cold (fonts loaded again, every paragraph shaped again). An edit waits for
 * a pause before it renders, so renders do not queue behind one another. */
static GThreadPool *
get_render_pool (void)
{
  static GThreadPool *pool = NULL;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (render_pool_func, NULL, 1, TRUE, NULL));
  return pool;
}

static void
raster_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  gboolean ok;

  G_LOCK (poppler);
  ok = rasterize (task_data, FALSE, cancellable, &error);
  G_UNLOCK (poppler);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static double
wanted_scale (VitaePreview *self)
{
  return vitae_preview_pages_get_zoom (self->pages) * VITAE_PREVIEW_PIXELS_PER_POINT *
         gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static void start_raster (VitaePreview *self);

static void
on_raster_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VitaePreview *self = VITAE_PREVIEW (object);
  PreviewJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (self->raster_busy == job->document)
    self->raster_busy = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not redraw the preview at a new zoom: %s", error->message);
      return;
    }
  if (job->document != self->document)
    return;

  self->raster_scale = job->scale;
  vitae_preview_pages_set_textures (self->pages, job->textures);
  /* The zoom may have changed while this job held the document. */
  start_raster (self);
}

/* Draws the document's pages at @scale on a worker thread, for
 * on_raster_done() to show: all of them, or those @textures (a render's,
 * see render_thread()) has no texture for yet. */
static void
run_raster_job (VitaePreview *self,
                double        scale,
                GPtrArray    *textures)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;

  if (self->raster_cancellable != NULL)
    g_cancellable_cancel (self->raster_cancellable);
  g_clear_object (&self->raster_cancellable);
  self->raster_cancellable = g_cancellable_new ();

  job = g_new0 (PreviewJob, 1);
  job->document = g_object_ref (self->document);
  job->scale = scale;
  job->textures = textures ? g_ptr_array_ref (textures) : NULL;
  self->raster_busy = self->document;

  task = g_task_new (self, self->raster_cancellable, on_raster_done, NULL);
  g_task_set_source_tag (task, run_raster_job);
  g_task_set_task_data (task, job, preview_job_free);
  g_task_run_in_thread (task, raster_thread);
}

/* A new zoom or scale: every page again. */
static void
start_raster (VitaePreview *self)
{
  double scale = wanted_scale (self);

  if (self->document == NULL || self->raster_busy == self->document ||
      fabs (scale - self->raster_scale) <= 0.005 * scale)
    return;
  run_raster_job (self, scale, NULL);
}

static gboolean
raster_timeout_cb (gpointer user_data)
{
  VitaePreview *self = user_data;

  self->raster_source = 0;
  start_raster (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_raster (VitaePreview *self)
{
  g_clear_handle_id (&self->raster_source, g_source_remove);
  self->raster_source = g_timeout_add (RASTER_DELAY_MS, raster_timeout_cb, self);
}

/* A frame clock's handlers go with its surface: only disconnect what is still there. */
static void
forget_paint_handler (VitaePreview *self)
{
  if (self->paint_handler != 0 && self->paint_clock != NULL &&
      g_signal_handler_is_connected (self->paint_clock, self->paint_handler))
    g_signal_handler_disconnect (self->paint_clock, self->paint_handler);
  self->paint_handler = 0;
}

static void
on_after_paint (GdkFrameClock *clock,
                VitaePreview  *self)
{
  forget_paint_handler (self);
  g_clear_object (&self->paint_clock);
  g_signal_emit (self, signals[RENDERED], 0);
}

/* "rendered" means on screen: after the frame that draws the new textures. */
static void
emit_rendered_when_painted (VitaePreview *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->pages));

  if (self->paint_handler != 0 && self->paint_clock == clock &&
      g_signal_handler_is_connected (clock, self->paint_handler))
    return;
  forget_paint_handler (self);
  g_clear_object (&self->paint_clock);
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->pages)))
    {
      g_signal_emit (self, signals[RENDERED], 0);
      return;
    }
  self->paint_clock = g_object_ref (clock);
  self->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->pages));
}

static void
update_zoom_state (VitaePreview *self)
{
  double zoom = vitae_preview_pages_get_zoom (self->pages);
  gboolean fit = vitae_preview_pages_get_fit_width (self->pages);
  g_autofree char *percent = NULL;

  /* Translators: a zoom level, such as 125% */
  percent = g_strdup_printf (_("%d%%"), (int)round (zoom * 100));
  gtk_label_set_label (self->zoom_label, percent);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] - 1e-3);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", zoom > zoom_levels[0] + 1e-3);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", !fit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-100", fit || fabs (zoom - 1.0) > 1e-3);
}

static gboolean
zoom_state_idle_cb (gpointer user_data)
{
  VitaePreview *self = user_data;

  self->zoom_state_source = 0;
  update_zoom_state (self);
  return G_SOURCE_REMOVE;
}

static void
show_page (VitaePreview *self,
           const char   *name)
{
  if (!g_str_equal (name, "empty"))
    {
      g_clear_handle_id (&self->spinner_source, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, name);
}

static gboolean
spinner_timeout_cb (gpointer user_data)
{
  VitaePreview *self = user_data;

  self->spinner_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  return G_SOURCE_REMOVE;
}

static void
clear_shown (VitaePreview *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->error, g_free);
  self->raster_scale = 0;
  if (self->raster_cancellable != NULL)
    g_cancellable_cancel (self->raster_cancellable);
  g_clear_object (&self->raster_cancellable);
  g_clear_handle_id (&self->raster_source, g_source_remove);
  vitae_preview_pages_set_pages (self->pages, 0, 0, none);
}

static void
show_pages (VitaePreview *self,
            PreviewJob   *job)
{
  guint n_pages = job->textures->len;
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;

  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  self->pdf = g_steal_pointer (&job->pdf);
  g_set_object (&self->document, job->document);
  self->raster_scale = job->scale;
  if (g_ptr_array_find (job->textures, NULL, NULL))
    {
      /* Only the page in view is new: the others show their previous
       * texture until run_raster_job() has drawn them, a page's time later. */
      g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (texture_unref);

      for (guint i = 0; i < job->textures->len; i++)
        {
          GdkTexture *texture = g_ptr_array_index (job->textures, i);

          if (texture == NULL)
            texture = vitae_preview_pages_get_texture (self->pages, i);
          g_ptr_array_add (shown, texture ? g_object_ref (texture) : NULL);
        }
      vitae_preview_pages_set_pages (self->pages, job->page_width, job->page_height, shown);
      run_raster_job (self, job->scale, job->textures);
    }
  else
    vitae_preview_pages_set_pages (self->pages, job->page_width, job->page_height, job->textures);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  gtk_label_set_label (self->page_count_label, count);
  /* Translators: the accessible name of the preview; %s is a page count, such as "2 pages" */
  label = g_strdup_printf (_("Resume preview, %s"), count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pages),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, job->text ? job->text : "",
                                  -1);
  show_page (self, "pages");
  emit_rendered_when_painted (self);
  /* The zoom may have changed while the job ran, or the page size with it. */
  start_raster (self);
}

static void
show_error (VitaePreview *self,
            const GError *error)
{
  g_free (self->error);
  self->error = g_strdup (error->message);
  adw_status_page_set_description (self->error_page, error->message);
  show_page (self, "error");
}

static void
on_render_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  VitaePreview *self = VITAE_PREVIEW (object);
  PreviewJob *job = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* Stale: a newer edit, another resume, or the widget went away. */
  if (cancellable != self->render_cancellable || g_cancellable_is_cancelled (cancellable))
    return;
  g_clear_object (&self->render_cancellable);

  if (ok)
    show_pages (self, job);
  else
    show_error (self, error);
}

static void
cancel_render (VitaePreview *self)
{
  g_clear_handle_id (&self->render_source, g_source_remove);
  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
}

/* The page at the middle of the view. */
static guint
page_in_view (VitaePreview *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint n_pages = vitae_preview_pages_get_n_pages (self->pages);
  double upper = gtk_adjustment_get_upper (adjustment);
  double middle = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) / 2;

  if (n_pages == 0 || upper <= 0)
    return 0;
  return MIN ((guint)(middle / upper * n_pages), n_pages - 1);
}

static void
start_render (VitaePreview *self)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;

  cancel_render (self);
  if (self->resume == NULL)
    return;

  job = g_new0 (PreviewJob, 1);
  job->snapshot = vitae_resume_copy (self->resume);
  job->creation_date = self->creation_date ? g_date_time_ref (self->creation_date) : NULL;
  job->scale = wanted_scale (self);
  job->shown_pages = vitae_preview_pages_get_n_pages (self->pages);
  job->page_in_view = page_in_view (self);

  self->render_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->render_cancellable, on_render_done, NULL);
  g_task_set_source_tag (task, start_render);
  g_task_set_task_data (task, job, preview_job_free);
  g_thread_pool_push (get_render_pool (), g_steal_pointer (&task), NULL);
}

static gboolean
render_timeout_cb (gpointer user_data)
{
  VitaePreview *self = user_data;

  self->render_source = 0;
  start_render (self);
  return G_SOURCE_REMOVE;
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_resume_changed (VitaeResume  *resume,
                   VitaePreview *self)
{
  /* What runs now is already out of date; the next render waits for a pause. */
  cancel_render (self);
  self->render_source = g_timeout_add (self->delay, render_timeout_cb, self);
}

static void
on_pages_zoom_notify (VitaePreview *self)
{
  /* Often from inside a size allocation: change the labels afterwards. */
  if (self->zoom_state_source == 0)
    self->zoom_state_source = g_idle_add (zoom_state_idle_cb, self);
  schedule_raster (self);
}

static void
on_scale_factor_notify (VitaePreview *self)
{
  schedule_raster (self);
}

static void
on_vadjustment_changed (GtkAdjustment *adjustment,
                        VitaePreview  *self)
{
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (self->scroll_anchor < 0 || upper <= 0)
    return;
  gtk_adjustment_set_value (adjustment, self->scroll_anchor * upper - page / 2);
  self->scroll_anchor = -1;
}

/* Actions ------------------------------------------------------------------ */

/* A new zoom keeps the middle of the view where it was on the pages. */
static void
set_zoom (VitaePreview *self,
          double        zoom,
          gboolean      fit_width)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double upper = gtk_adjustment_get_upper (adjustment);

  if (upper > 0)
    self->scroll_anchor = (gtk_adjustment_get_value (adjustment) +
                           gtk_adjustment_get_page_size (adjustment) / 2) / upper;
  if (fit_width)
    vitae_preview_pages_set_fit_width (self->pages, TRUE);
  else
    vitae_preview_pages_set_zoom (self->pages, zoom);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitaePreview *self = VITAE_PREVIEW (widget);
  double zoom = vitae_preview_pages_get_zoom (self->pages);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > zoom * 1.01)
      {
        set_zoom (self, zoom_levels[i], FALSE);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VitaePreview *self = VITAE_PREVIEW (widget);
  double zoom = vitae_preview_pages_get_zoom (self->pages);

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < zoom * 0.99)
      {
        set_zoom (self, zoom_levels[i - 1], FALSE);
        return;
      }
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_zoom (VITAE_PREVIEW (widget), 1.0, TRUE);
}

static void
zoom_100_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_zoom (VITAE_PREVIEW (widget), 1.0, FALSE);
}

/* GObject ------------------------------------------------------------------ */

static void
vitae_preview_dispose (GObject *object)
{
  VitaePreview *self = (VitaePreview *)object;

  vitae_preview_set_resume (self, NULL);
  cancel_render (self);
  if (self->raster_cancellable != NULL)
    g_cancellable_cancel (self->raster_cancellable);
  g_clear_object (&self->raster_cancellable);
  g_clear_handle_id (&self->raster_source, g_source_remove);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  g_clear_handle_id (&self->zoom_state_source, g_source_remove);
  forget_paint_handler (self);
  g_clear_object (&self->paint_clock);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_PREVIEW);

  G_OBJECT_CLASS (vitae_preview_parent_class)->dispose (object);
}

static void
vitae_preview_finalize (GObject *object)
{
  VitaePreview *self = (VitaePreview *)object;

  g_clear_pointer (&self->creation_date, g_date_time_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (vitae_preview_parent_class)->finalize (object);
}

static void
vitae_preview_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VitaePreview *self = VITAE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CREATION_DATE:
      g_value_set_boxed (value, self->creation_date);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_RESUME:
      g_value_set_object (value, self->resume);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_preview_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VitaePreview *self = VITAE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CREATION_DATE:
      vitae_preview_set_creation_date (self, g_value_get_boxed (value));
      break;
    case PROP_DELAY:
      vitae_preview_set_delay (self, g_value_get_uint (value));
      break;
    case PROP_RESUME:
      vitae_preview_set_resume (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_preview_class_init (VitaePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_preview_dispose;
  object_class->finalize = vitae_preview_finalize;
  object_class->get_property = vitae_preview_get_property;
  object_class->set_property = vitae_preview_set_property;

  properties[PROP_CREATION_DATE] =
    g_param_spec_boxed ("creation-date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 10000, DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESUME] =
    g_param_spec_object ("resume", NULL, NULL, VITAE_TYPE_RESUME,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VitaePreview::rendered:
   *
   * A newly rendered PDF is on screen: emitted after the frame that first
   * draws its pages (at once when the preview is not on screen).
   */
  signals[RENDERED] =
    g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, page_count_label);
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, pages);
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, stack);
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, toolbar);
  gtk_widget_class_bind_template_child (widget_class, VitaePreview, zoom_label);

  gtk_widget_class_install_action (widget_class, "preview.zoom-100", NULL, zoom_100_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vitae-preview");
  g_type_ensure (VITAE_TYPE_PREVIEW_PAGES);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *triggers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (triggers),
                                                          gtk_named_action_new (action)));
}

static void
vitae_preview_init (VitaePreview *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->delay = DEFAULT_DELAY_MS;
  self->scroll_anchor = -1;

  /* The zoom keys work anywhere in the window, as in a document viewer,
   * also while typing in the editor beside the preview. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                "<Control>plus|<Control>equal|<Control>KP_Add", "preview.zoom-in");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                "<Control>minus|<Control>KP_Subtract", "preview.zoom-out");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>0|<Control>KP_0", "preview.zoom-fit");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), "<Control>1|<Control>KP_1", "preview.zoom-100");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_swapped (self->pages, "notify::zoom", G_CALLBACK (on_pages_zoom_notify), self);
  g_signal_connect_swapped (self->pages, "notify::fit-width", G_CALLBACK (on_pages_zoom_notify), self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_notify), NULL);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_vadjustment_changed), self, 0);
  update_zoom_state (self);
  show_page (self, "empty");
}

/* Public API --------------------------------------------------------------- */

VitaePreview *
vitae_preview_new (void)
{
  return g_object_new (VITAE_TYPE_PREVIEW, NULL);
}

/**
 * vitae_preview_get_resume:
 *
 * Returns: (transfer none) (nullable): the resume shown
 */
VitaeResume *
vitae_preview_get_resume (VitaePreview *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), NULL);
  return self->resume;
}

/**
 * vitae_preview_set_resume:
 * @resume: (nullable): the resume to show, followed as it changes
 */
void
vitae_preview_set_resume (VitaePreview *self,
                          VitaeResume  *resume)
{
  g_return_if_fail (VITAE_IS_PREVIEW (self));
  g_return_if_fail (resume == NULL || VITAE_IS_RESUME (resume));

  if (self->resume == resume)
    return;

  if (self->resume != NULL)
    g_signal_handlers_disconnect_by_func (self->resume, on_resume_changed, self);
  g_set_object (&self->resume, resume);

  cancel_render (self);
  clear_shown (self);
  g_clear_handle_id (&self->spinner_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  if (resume != NULL)
    {
      g_signal_connect_object (resume, "changed", G_CALLBACK (on_resume_changed), self, 0);
      adw_status_page_set_icon_name (self->empty_page, NULL);
      adw_status_page_set_title (self->empty_page, "");
      self->spinner_source = g_timeout_add (SPINNER_DELAY_MS, spinner_timeout_cb, self);
      start_render (self);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "x-office-document-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing to Preview"));
    }
  show_page (self, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESUME]);
}

/**
 * vitae_preview_get_creation_date:
 *
 * Returns: (transfer none) (nullable): the creation date the PDFs carry,
 *   or %NULL for the time of each render
 */
GDateTime *
vitae_preview_get_creation_date (VitaePreview *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), NULL);
  return self->creation_date;
}

/**
 * vitae_preview_set_creation_date:
 * @creation_date: (nullable): a fixed date, or %NULL for the time of each render
 *
 * With a fixed date, the preview's PDF is byte for byte what
 * vitae_render_pdf() writes for the same resume and date. Renders again.
 */
void
vitae_preview_set_creation_date (VitaePreview *self,
                                 GDateTime    *creation_date)
{
  g_return_if_fail (VITAE_IS_PREVIEW (self));

  if (self->creation_date == creation_date ||
      (self->creation_date != NULL && creation_date != NULL &&
       g_date_time_equal (self->creation_date, creation_date)))
    return;

  g_clear_pointer (&self->creation_date, g_date_time_unref);
  if (creation_date != NULL)
    self->creation_date = g_date_time_ref (creation_date);
  if (self->resume != NULL)
    start_render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATION_DATE]);
}

guint
vitae_preview_get_delay (VitaePreview *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), 0);
  return self->delay;
}

/**
 * vitae_preview_set_delay:
 * @delay_ms: how long an edit waits for the next before the preview renders
 */
void
vitae_preview_set_delay (VitaePreview *self,
                         guint         delay_ms)
{
  g_return_if_fail (VITAE_IS_PREVIEW (self));

  if (self->delay == delay_ms)
    return;
  self->delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/**
 * vitae_preview_get_pdf:
 *
 * Returns: (transfer none) (nullable): the PDF whose pages are on screen
 */
GBytes *
vitae_preview_get_pdf (VitaePreview *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), NULL);
  return self->pdf;
}

guint
vitae_preview_get_n_pages (VitaePreview *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), 0);
  return vitae_preview_pages_get_n_pages (self->pages);
}

/**
 * vitae_preview_get_page_texture:
 *
 * Returns: (transfer none) (nullable): the texture shown for @page
 */
GdkTexture *
vitae_preview_get_page_texture (VitaePreview *self,
                                guint         page)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), NULL);
  return vitae_preview_pages_get_texture (self->pages, page);
}

/**
 * vitae_preview_get_error:
 *
 * Returns: (nullable): why the last render failed, while its error is shown
 */
const char *
vitae_preview_get_error (VitaePreview *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), NULL);
  return self->error;
}

double
vitae_preview_get_zoom (VitaePreview *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), 1.0);
  return vitae_preview_pages_get_zoom (self->pages);
}

gboolean
vitae_preview_get_fit_width (VitaePreview *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW (self), TRUE);
  return vitae_preview_pages_get_fit_width (self->pages);
}
