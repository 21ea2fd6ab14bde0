/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-preview"

#include "config.h"

#include <math.h>

#include "vitae-preview-pages.h"

/* The pages of a document, one under the other on a grey desk, each a
 * white sheet with a soft shadow, drawn from textures made elsewhere. At a
 * fixed zoom the widget is as big as the pages; fitting the width, it
 * takes the width it is given and is as tall as the pages are then. */

#define MARGIN    24
#define SPACING   24
#define MIN_ZOOM  0.05
#define MAX_ZOOM  8.0

struct _VitaePreviewPages
{
  GtkWidget  parent_instance;

  GPtrArray *textures;      /* GdkTexture, one a page */
  double     page_width;    /* points */
  double     page_height;
  double     zoom;          /* 1.0 is 100 % */
  gboolean   fit_width;
};

enum {
  PROP_0,
  PROP_FIT_WIDTH,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaePreviewPages, vitae_preview_pages, GTK_TYPE_WIDGET)

static double
zoom_for_width (VitaePreviewPages *self,
                int                width)
{
  if (self->page_width <= 0 || width <= 2 * MARGIN)
    return self->zoom;
  return CLAMP ((width - 2 * MARGIN) / (self->page_width * VITAE_PREVIEW_PIXELS_PER_POINT),
                MIN_ZOOM, MAX_ZOOM);
}

static int
page_pixels (double points,
             double zoom)
{
  return MAX (1, (int)round (points * VITAE_PREVIEW_PIXELS_PER_POINT * zoom));
}

static int
content_height (VitaePreviewPages *self,
                double             zoom)
{
  guint n = self->textures->len;

  if (n == 0)
    return 0;
  return 2 * MARGIN + (int)n * page_pixels (self->page_height, zoom) + ((int)n - 1) * SPACING;
}

/* GtkWidget ---------------------------------------------------------------- */

static GtkSizeRequestMode
vitae_preview_pages_get_request_mode (GtkWidget *widget)
{
  VitaePreviewPages *self = VITAE_PREVIEW_PAGES (widget);

  return self->fit_width ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
vitae_preview_pages_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  VitaePreviewPages *self = VITAE_PREVIEW_PAGES (widget);

  if (self->textures->len == 0)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->fit_width)
        {
          *minimum = 2 * MARGIN + page_pixels (self->page_width, MIN_ZOOM);
          *natural = 2 * MARGIN + page_pixels (self->page_width, 1.0);
        }
      else
        *minimum = *natural = 2 * MARGIN + page_pixels (self->page_width, self->zoom);
    }
  else
    {
      double zoom = self->fit_width && for_size >= 0 ? zoom_for_width (self, for_size) : self->zoom;

      *minimum = *natural = content_height (self, zoom);
    }
}

static void
vitae_preview_pages_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  VitaePreviewPages *self = VITAE_PREVIEW_PAGES (widget);
  double zoom;

  if (!self->fit_width || self->textures->len == 0)
    return;

  zoom = zoom_for_width (self, width);
  if (fabs (zoom - self->zoom) > 1e-6)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

static void
texture_unref (gpointer texture)
{
  if (texture != NULL)
    g_object_unref (texture);
}

static GQuark
surface_quark (void)
{
  return g_quark_from_static_string ("vitae-preview-page-surface");
}

/**
 * vitae_preview_pages_attach_surface:
 * @texture: a page's texture
 * @surface: the cairo image surface whose pixels @texture shows
 *
 * Keeps @surface with @texture, to be painted instead of it under the
 * cairo renderer.
 */
void
vitae_preview_pages_attach_surface (GdkTexture      *texture,
                                    cairo_surface_t *surface)
{
  g_object_set_qdata_full (G_OBJECT (texture), surface_quark (), cairo_surface_reference (surface),
                           (GDestroyNotify)cairo_surface_destroy);
}

static void
vitae_preview_pages_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  VitaePreviewPages *self = VITAE_PREVIEW_PAGES (widget);
  static const GdkRGBA paper = { 1, 1, 1, 1 };
  static const GdkRGBA near_shadow = { 0, 0, 0, 0.18f };
  static const GdkRGBA far_shadow = { 0, 0, 0, 0.10f };
  int width = gtk_widget_get_width (widget);
  int page_w = page_pixels (self->page_width, self->zoom);
  int page_h = page_pixels (self->page_height, self->zoom);
  int x = MAX (MARGIN, (width - page_w) / 2);
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  /* GTK 4.8's cairo renderer converts a memory texture through floats,
   * pixel by pixel, each time it draws one: 20 ms a frame for two pages in
   * software. Painting the cairo surface behind the texture is a copy. */
  gboolean cairo_renderer = renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);

  for (guint i = 0; i < self->textures->len; i++)
    {
      GdkTexture *texture = g_ptr_array_index (self->textures, i);
      cairo_surface_t *surface;
      int y = MARGIN + (int)i * (page_h + SPACING);
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, page_w, page_h);
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &far_shadow, 0, 2, 0, 10);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &near_shadow, 0, 1, 0, 2);
      gtk_snapshot_append_color (snapshot, &paper, &bounds);
      if (texture == NULL)
        continue;
      surface = cairo_renderer ? g_object_get_qdata (G_OBJECT (texture), surface_quark ()) : NULL;
      if (surface != NULL)
        {
          cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

          cairo_translate (cr, x, y);
          cairo_scale (cr, page_w / (double)cairo_image_surface_get_width (surface),
                       page_h / (double)cairo_image_surface_get_height (surface));
          cairo_set_source_surface (cr, surface, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
        }
      else
        gtk_snapshot_append_texture (snapshot, texture, &bounds);
    }
}

/* GObject ------------------------------------------------------------------ */

static void
vitae_preview_pages_finalize (GObject *object)
{
  VitaePreviewPages *self = (VitaePreviewPages *)object;

  g_clear_pointer (&self->textures, g_ptr_array_unref);

  G_OBJECT_CLASS (vitae_preview_pages_parent_class)->finalize (object);
}

static void
vitae_preview_pages_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VitaePreviewPages *self = VITAE_PREVIEW_PAGES (object);

  switch (prop_id)
    {
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_preview_pages_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VitaePreviewPages *self = VITAE_PREVIEW_PAGES (object);

  switch (prop_id)
    {
    case PROP_FIT_WIDTH:
      vitae_preview_pages_set_fit_width (self, g_value_get_boolean (value));
      break;
    case PROP_ZOOM:
      vitae_preview_pages_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_preview_pages_class_init (VitaePreviewPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vitae_preview_pages_finalize;
  object_class->get_property = vitae_preview_pages_get_property;
  object_class->set_property = vitae_preview_pages_set_property;

  widget_class->get_request_mode = vitae_preview_pages_get_request_mode;
  widget_class->measure = vitae_preview_pages_measure;
  widget_class->size_allocate = vitae_preview_pages_size_allocate;
  widget_class->snapshot = vitae_preview_pages_snapshot;

  properties[PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The zoom in effect, also while fitting the width: 1.0 is 100 %. */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "vitae-preview-pages");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vitae_preview_pages_init (VitaePreviewPages *self)
{
  self->textures = g_ptr_array_new_with_free_func (texture_unref);
  self->zoom = 1.0;
  self->fit_width = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

/* Public API --------------------------------------------------------------- */

GtkWidget *
vitae_preview_pages_new (void)
{
  return g_object_new (VITAE_TYPE_PREVIEW_PAGES, NULL);
}

/**
 * vitae_preview_pages_set_pages:
 * @page_width: the width of a page, in points
 * @page_height: its height
 * @textures: (element-type GdkTexture): one texture a page, drawn scaled to the page
 */
void
vitae_preview_pages_set_pages (VitaePreviewPages *self,
                               double             page_width,
                               double             page_height,
                               GPtrArray         *textures)
{
  g_return_if_fail (VITAE_IS_PREVIEW_PAGES (self));
  g_return_if_fail (textures != NULL);

  if (page_width != self->page_width || page_height != self->page_height ||
      textures->len != self->textures->len)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  self->page_width = page_width;
  self->page_height = page_height;
  vitae_preview_pages_set_textures (self, textures);
}

/**
 * vitae_preview_pages_set_textures:
 * @textures: (element-type GdkTexture): new textures for the same pages, at
 *   another resolution
 */
void
vitae_preview_pages_set_textures (VitaePreviewPages *self,
                                  GPtrArray         *textures)
{
  g_return_if_fail (VITAE_IS_PREVIEW_PAGES (self));
  g_return_if_fail (textures != NULL);

  if (textures->len != self->textures->len)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  g_ptr_array_set_size (self->textures, 0);
  for (guint i = 0; i < textures->len; i++)
    {
      GdkTexture *texture = g_ptr_array_index (textures, i);

      /* NULL: a blank sheet until its texture comes */
      g_ptr_array_add (self->textures, texture ? g_object_ref (texture) : NULL);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vitae_preview_pages_get_n_pages (VitaePreviewPages *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW_PAGES (self), 0);
  return self->textures->len;
}

/**
 * vitae_preview_pages_get_texture:
 *
 * Returns: (transfer none) (nullable): the texture drawn for @page
 */
GdkTexture *
vitae_preview_pages_get_texture (VitaePreviewPages *self,
                                 guint              page)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW_PAGES (self), NULL);

  if (page >= self->textures->len)
    return NULL;
  return g_ptr_array_index (self->textures, page);
}

gboolean
vitae_preview_pages_get_fit_width (VitaePreviewPages *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW_PAGES (self), FALSE);
  return self->fit_width;
}

void
vitae_preview_pages_set_fit_width (VitaePreviewPages *self,
                                   gboolean           fit_width)
{
  g_return_if_fail (VITAE_IS_PREVIEW_PAGES (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;
  self->fit_width = fit_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_WIDTH]);
}

double
vitae_preview_pages_get_zoom (VitaePreviewPages *self)
{
  g_return_val_if_fail (VITAE_IS_PREVIEW_PAGES (self), 1.0);
  return self->zoom;
}

/**
 * vitae_preview_pages_set_zoom:
 * @zoom: 1.0 for 100 %
 *
 * Shows the pages at @zoom, no longer fitting the width.
 */
void
vitae_preview_pages_set_zoom (VitaePreviewPages *self,
                              double             zoom)
{
  g_return_if_fail (VITAE_IS_PREVIEW_PAGES (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  g_object_freeze_notify (G_OBJECT (self));
  vitae_preview_pages_set_fit_width (self, FALSE);
  if (fabs (zoom - self->zoom) > 1e-6)
    {
      self->zoom = zoom;
      gtk_widget_queue_resize (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
