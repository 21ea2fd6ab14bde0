/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-preferences-window.h"
#include "vitae-window-email.h"

struct _VitaePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *page_size_row;
  AdwComboRow          *template_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (VitaePreferencesWindow, vitae_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo positions and the ids GSettings stores, in the order of the .ui lists. */
static const char * const template_ids[] = { "classic", "modern", "compact", NULL };
static const char * const page_size_ids[] = { "a4", "letter", NULL };

static gboolean
id_to_position (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char * const *ids = user_data;
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_id (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  const char * const *ids = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **)ids))
    return NULL;
  return g_variant_new_string (ids[position]);
}

static void
vitae_preferences_window_dispose (GObject *object)
{
  VitaePreferencesWindow *self = (VitaePreferencesWindow *)object;

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (vitae_preferences_window_parent_class)->dispose (object);
}

static void
vitae_preferences_window_class_init (VitaePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_preferences_window_dispose;

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaePreferencesWindow, page_size_row);
  gtk_widget_class_bind_template_child (widget_class, VitaePreferencesWindow, template_row);
}

static void
vitae_preferences_window_init (VitaePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vitae_preferences_window_new:
 * @settings: (nullable): the app's settings; without them the window only shows defaults
 */
VitaePreferencesWindow *
vitae_preferences_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  VitaePreferencesWindow *self;

  self = g_object_new (VITAE_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  vitae_window_email_add_preferences (ADW_PREFERENCES_WINDOW (self), parent);
  if (settings == NULL)
    return self;

  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "default-template", self->template_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, id_to_position, position_to_id,
                                (gpointer)template_ids, NULL);
  g_settings_bind_with_mapping (settings, "default-page-size", self->page_size_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, id_to_position, position_to_id,
                                (gpointer)page_size_ids, NULL);
  return self;
}
