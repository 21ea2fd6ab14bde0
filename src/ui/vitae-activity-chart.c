/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-dashboard"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vitae-activity-chart.h"

/* Events per day over the last 30 days as stacked bars (views, downloads,
 * the rest), drawn with Cairo. A screen reader gets the same figures as
 * text: a summary as the chart's label, every day in its description. */

struct _VitaeActivityChart
{
  GtkWidget       parent_instance;

  VitaeAnalytics *analytics;
};

enum {
  PROP_0,
  PROP_ANALYTICS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeActivityChart, vitae_activity_chart, GTK_TYPE_WIDGET)

#define MARGIN_LEFT   44.0
#define MARGIN_RIGHT  8.0
#define MARGIN_TOP    28.0
#define MARGIN_BOTTOM 24.0

/* Views, downloads, other: libadwaita's blue 3, green 5 and orange 3. */
static const GdkRGBA series_colors[VITAE_ANALYTICS_N_SERIES] = {
  { 0.208, 0.518, 0.894, 1.0 },
  { 0.149, 0.635, 0.412, 1.0 },
  { 1.000, 0.471, 0.000, 1.0 },
};

static const char *
series_name (VitaeAnalyticsSeries series)
{
  switch (series)
    {
    case VITAE_ANALYTICS_VIEWS: return _("Views");
    case VITAE_ANALYTICS_DOWNLOADS: return _("Downloads");
    case VITAE_ANALYTICS_OTHER: return _("Other");
    default: g_assert_not_reached ();
    }
}

static char *
format_day (VitaeAnalytics *analytics,
            guint           day)
{
  /* Translators: a day on the chart, as in "May 4"; see g_date_time_format() */
  return g_date_time_format (vitae_analytics_get_day (analytics, day), _("%b %-e"));
}

static char *
describe_day (VitaeAnalytics *analytics,
              guint           day)
{
  g_autofree char *date = format_day (analytics, day);
  guint views = vitae_analytics_get_day_count (analytics, day, VITAE_ANALYTICS_VIEWS);
  guint downloads = vitae_analytics_get_day_count (analytics, day, VITAE_ANALYTICS_DOWNLOADS);
  guint other = vitae_analytics_get_day_count (analytics, day, VITAE_ANALYTICS_OTHER);

  /* Translators: one day of the chart for screen readers and tooltips:
   * a date, then counts of views, downloads and other events */
  return g_strdup_printf (_("%s: %u views, %u downloads, %u other"), date, views, downloads, other);
}

static guint
max_total (VitaeAnalytics *analytics)
{
  guint max = 0;

  for (guint d = 0; d < VITAE_ANALYTICS_DAYS; d++)
    max = MAX (max, vitae_analytics_get_day_total (analytics, d));
  return max;
}

/* A round step for about four grid lines up to @max: 1, 2 or 5 × 10^k. */
static double
grid_step (guint max)
{
  double raw = MAX (max, 1) / 4.0;
  double magnitude = pow (10, floor (log10 (raw)));
  double step = magnitude;

  if (raw / magnitude > 5)
    step = 10 * magnitude;
  else if (raw / magnitude > 2)
    step = 5 * magnitude;
  else if (raw / magnitude > 1)
    step = 2 * magnitude;
  return MAX (step, 1);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       align)   /* 0 left, 0.5 centre, 1 right of x */
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
get_foreground (VitaeActivityChart *self,
                GdkRGBA            *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, color);
}

static void
draw (VitaeActivityChart *self,
      cairo_t            *cr,
      double              width,
      double              height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  double plot_w = width - MARGIN_LEFT - MARGIN_RIGHT;
  double plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;
  double slot = plot_w / VITAE_ANALYTICS_DAYS;
  double legend_x = width - MARGIN_RIGHT;
  guint max;
  double step, top;
  GdkRGBA fg;

  get_foreground (self, &fg);
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (self->analytics == NULL || plot_w < 60 || plot_h < 40)
    return;

  /* Legend, top right, last series first */
  for (int s = VITAE_ANALYTICS_N_SERIES - 1; s >= 0; s--)
    {
      int text_w, text_h;

      pango_layout_set_text (layout, series_name (s), -1);
      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      legend_x -= text_w;
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75);
      draw_text (cr, layout, series_name (s), legend_x, MARGIN_TOP / 2.0, 0);
      legend_x -= 14;
      gdk_cairo_set_source_rgba (cr, &series_colors[s]);
      cairo_rectangle (cr, legend_x, MARGIN_TOP / 2.0 - 4.5, 9, 9);
      cairo_fill (cr);
      legend_x -= 16;
    }

  max = max_total (self->analytics);
  step = grid_step (max);
  top = MAX (step, ceil (max / step) * step);

  /* Grid lines and their values */
  for (double value = 0; value <= top + step / 2; value += step)
    {
      double y = round (MARGIN_TOP + plot_h - value / top * plot_h) + 0.5;
      g_autofree char *label = g_strdup_printf ("%'.0f", value);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, value == 0 ? 0.35 : 0.12);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, MARGIN_LEFT, y);
      cairo_line_to (cr, width - MARGIN_RIGHT, y);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      draw_text (cr, layout, label, MARGIN_LEFT - 6, y, 1);
    }

  /* Bars, stacked from the bottom */
  for (guint d = 0; d < VITAE_ANALYTICS_DAYS; d++)
    {
      double bar_w = MAX (2, floor (slot * 0.7));
      double x = MARGIN_LEFT + d * slot + (slot - bar_w) / 2;
      double base = MARGIN_TOP + plot_h;

      for (guint s = 0; s < VITAE_ANALYTICS_N_SERIES; s++)
        {
          double h = vitae_analytics_get_day_count (self->analytics, d, s) / top * plot_h;

          if (h <= 0)
            continue;
          gdk_cairo_set_source_rgba (cr, &series_colors[s]);
          cairo_rectangle (cr, x, base - h, bar_w, h);
          cairo_fill (cr);
          base -= h;
        }
    }

  /* A date under every seventh day, counting back from today */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
  for (int d = VITAE_ANALYTICS_DAYS - 1; d >= 0; d -= 7)
    {
      g_autofree char *label = d == VITAE_ANALYTICS_DAYS - 1 ? g_strdup (_("Today"))
                                                             : format_day (self->analytics, d);
      double x = MARGIN_LEFT + (d + 0.5) * slot;

      draw_text (cr, layout, label, x, height - MARGIN_BOTTOM / 2.0,
                 d == VITAE_ANALYTICS_DAYS - 1 ? 0.75 : 0.5);
    }

  if (max == 0)
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      draw_text (cr, layout, _("No events in the last 30 days"),
                 MARGIN_LEFT + plot_w / 2, MARGIN_TOP + plot_h / 2, 0.5);
    }
}

static void
update_accessible (VitaeActivityChart *self)
{
  g_autofree char *summary = vitae_activity_chart_dup_summary (self);
  g_autofree char *text = vitae_activity_chart_dup_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
vitae_activity_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  VitaeActivityChart *self = VITAE_ACTIVITY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
vitae_activity_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 720;
    }
  else
    {
      *minimum = 150;
      *natural = 200;
    }
}

static gboolean
vitae_activity_chart_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard_tooltip,
                                    GtkTooltip *tooltip)
{
  VitaeActivityChart *self = VITAE_ACTIVITY_CHART (widget);
  double plot_w = gtk_widget_get_width (widget) - MARGIN_LEFT - MARGIN_RIGHT;
  g_autofree char *text = NULL;
  int day;

  if (self->analytics == NULL || plot_w <= 0 || x < MARGIN_LEFT)
    return FALSE;
  day = (int)((x - MARGIN_LEFT) / (plot_w / VITAE_ANALYTICS_DAYS));
  if (day < 0 || day >= VITAE_ANALYTICS_DAYS)
    return FALSE;
  text = describe_day (self->analytics, day);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
vitae_activity_chart_dispose (GObject *object)
{
  VitaeActivityChart *self = (VitaeActivityChart *)object;

  g_clear_object (&self->analytics);

  G_OBJECT_CLASS (vitae_activity_chart_parent_class)->dispose (object);
}

static void
vitae_activity_chart_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VitaeActivityChart *self = VITAE_ACTIVITY_CHART (object);

  switch (prop_id)
    {
    case PROP_ANALYTICS:
      g_value_set_object (value, self->analytics);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_activity_chart_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VitaeActivityChart *self = VITAE_ACTIVITY_CHART (object);

  switch (prop_id)
    {
    case PROP_ANALYTICS:
      vitae_activity_chart_set_analytics (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_activity_chart_class_init (VitaeActivityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_activity_chart_dispose;
  object_class->get_property = vitae_activity_chart_get_property;
  object_class->set_property = vitae_activity_chart_set_property;
  widget_class->snapshot = vitae_activity_chart_snapshot;
  widget_class->measure = vitae_activity_chart_measure;
  widget_class->query_tooltip = vitae_activity_chart_query_tooltip;

  properties[PROP_ANALYTICS] =
    g_param_spec_object ("analytics", NULL, NULL, VITAE_TYPE_ANALYTICS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "activity-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vitae_activity_chart_init (VitaeActivityChart *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
vitae_activity_chart_new (void)
{
  return g_object_new (VITAE_TYPE_ACTIVITY_CHART, NULL);
}

VitaeAnalytics *
vitae_activity_chart_get_analytics (VitaeActivityChart *self)
{
  g_return_val_if_fail (VITAE_IS_ACTIVITY_CHART (self), NULL);
  return self->analytics;
}

void
vitae_activity_chart_set_analytics (VitaeActivityChart *self,
                                    VitaeAnalytics     *analytics)
{
  g_return_if_fail (VITAE_IS_ACTIVITY_CHART (self));
  g_return_if_fail (analytics == NULL || VITAE_IS_ANALYTICS (analytics));

  if (!g_set_object (&self->analytics, analytics))
    return;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYTICS]);
}

/**
 * vitae_activity_chart_dup_summary:
 *
 * Returns: (transfer full): the chart in one sentence: its totals and its
 *   busiest day; the chart's accessible label
 */
char *
vitae_activity_chart_dup_summary (VitaeActivityChart *self)
{
  guint totals[VITAE_ANALYTICS_N_SERIES] = { 0, };
  guint total = 0, busiest = 0;

  g_return_val_if_fail (VITAE_IS_ACTIVITY_CHART (self), NULL);

  if (self->analytics == NULL)
    return g_strdup (_("Events per day over the last 30 days"));

  for (guint d = 0; d < VITAE_ANALYTICS_DAYS; d++)
    {
      for (guint s = 0; s < VITAE_ANALYTICS_N_SERIES; s++)
        totals[s] += vitae_analytics_get_day_count (self->analytics, d, s);
      total += vitae_analytics_get_day_total (self->analytics, d);
      if (vitae_analytics_get_day_total (self->analytics, d) > vitae_analytics_get_day_total (self->analytics, busiest))
        busiest = d;
    }
  if (total == 0)
    return g_strdup (_("No events in the last 30 days"));

  {
    g_autofree char *day = format_day (self->analytics, busiest);
    /* Translators: the chart's text for screen readers: the total events, then views, downloads and
     * other events over 30 days, then the busiest day and its events */
    return g_strdup_printf (_("%u events in the last 30 days: %u views, %u downloads, %u other. Busiest day: %s, with %u events."),
                            total, totals[VITAE_ANALYTICS_VIEWS], totals[VITAE_ANALYTICS_DOWNLOADS],
                            totals[VITAE_ANALYTICS_OTHER], day,
                            vitae_analytics_get_day_total (self->analytics, busiest));
  }
}

/**
 * vitae_activity_chart_dup_text:
 *
 * Returns: (transfer full): every day of the chart, one a line, oldest
 *   first; the chart's accessible description
 */
char *
vitae_activity_chart_dup_text (VitaeActivityChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (VITAE_IS_ACTIVITY_CHART (self), NULL);

  if (self->analytics == NULL)
    return g_strdup ("");
  for (guint d = 0; d < VITAE_ANALYTICS_DAYS; d++)
    {
      g_autofree char *line = describe_day (self->analytics, d);
      if (d > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
