/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-application"

#include "config.h"

#include <glib/gi18n.h>

#include "vitae-application.h"
#include "vitae-backup-page.h"
#include "vitae-backup.h"
#include "vitae-preferences-window.h"
#include "vitae-window.h"

struct _VitaeApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  char           *profile;
  GSettings      *settings;
  VitaeStore     *store;
};

G_DEFINE_FINAL_TYPE (VitaeApplication, vitae_application, ADW_TYPE_APPLICATION)

/* Declared by the generated vitae-resources.c */
void vitae_register_resource (void);

void
vitae_ui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      vitae_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * vitae_settings_new:
 *
 * Returns: (transfer full) (nullable): the app's settings, or %NULL when the
 *   schema is not installed, so that an uninstalled build still runs.
 */
GSettings *
vitae_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static VitaeWindow *
get_window (VitaeApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return VITAE_IS_WINDOW (window) ? VITAE_WINDOW (window) : NULL;
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  VitaeApplication *self = user_data;
  VitaePreferencesWindow *window;

  window = vitae_preferences_window_new (GTK_WINDOW (get_window (self)), self->settings);
  if (self->store != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                                ADW_PREFERENCES_PAGE (vitae_backup_page_new (self->store)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  VitaeApplication *self = user_data;
  static const char *developers[] = { "The Vitae developers", NULL };

  adw_show_about_window (GTK_WINDOW (get_window (self)),
                         "application-name", _("Vitae"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Vitae developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Write resumes and export them as PDF"),
                         "developers", developers,
                         "copyright", "© 2026 The Vitae developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Close each window so that pending work (an Undo-able delete) is done. */
  for (GList *l = g_list_copy (windows); l; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static int
vitae_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  VitaeApplication *self = VITAE_APPLICATION (app);

  g_variant_dict_lookup (options, "data-dir", "^ay", &self->data_dir);
  g_variant_dict_lookup (options, "profile", "s", &self->profile);

  /* A window per database: another data folder is another instance. */
  if (self->data_dir != NULL || g_getenv ("VITAE_DATA_DIR") != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
on_first_frame (GdkFrameClock *clock,
                GApplication  *app)
{
  /* CLOCK_MONOTONIC, comparable with the benchmark's own clock. */
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, app);
  g_application_quit (app);
}

static void
on_daily_backup_done (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vitae_backup_daily_finish (result, &error);

  if (error != NULL)
    g_message ("The daily backup failed: %s", error->message);
  else if (path != NULL)
    g_debug ("Backed up to %s", path);
  g_application_release (app);
}

/* Once a day, a little after start-up and off the main thread (vitae-backup.h). */
static gboolean
start_daily_backup_cb (gpointer user_data)
{
  VitaeApplication *self = user_data;

  if (self->store != NULL)
    {
      g_application_hold (G_APPLICATION (self));
      vitae_backup_daily_async (vitae_store_get_path (self->store), NULL,
                                on_daily_backup_done, g_object_ref (self));
    }
  return G_SOURCE_REMOVE;
}

static void
vitae_application_activate (GApplication *app)
{
  VitaeApplication *self = VITAE_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  VitaeWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *path = vitae_store_default_path (self->data_dir);
      self->store = vitae_store_open (path, &error);
      if (self->store != NULL)
        g_timeout_add_seconds_full (G_PRIORITY_LOW, 2, start_daily_backup_cb,
                                    g_object_ref (self), g_object_unref);
    }

  if (self->store != NULL)
    window = vitae_window_new (GTK_APPLICATION (app), self->store, self->profile);
  else
    window = vitae_window_new_for_error (GTK_APPLICATION (app), error);

  gtk_window_present (GTK_WINDOW (window));

  /* tests/bench/startup.py: report the first painted frame, then quit. */
  if (g_getenv ("VITAE_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (on_first_frame), app);
}

static void
vitae_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  VitaeWindow *window;

  g_application_activate (app);
  window = get_window (VITAE_APPLICATION (app));
  if (window == NULL || vitae_window_get_store (window) == NULL)
    return;
  for (int i = 0; i < n_files; i++)
    vitae_window_import_file (window, files[i]);
}

static void
vitae_application_startup (GApplication *app)
{
  VitaeApplication *self = VITAE_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (vitae_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  self->settings = vitae_settings_new ();
}

static void
vitae_application_finalize (GObject *object)
{
  VitaeApplication *self = (VitaeApplication *)object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->profile, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vitae_application_parent_class)->finalize (object);
}

static void
vitae_application_class_init (VitaeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vitae_application_finalize;
  app_class->activate = vitae_application_activate;
  app_class->handle_local_options = vitae_application_handle_local_options;
  app_class->open = vitae_application_open;
  app_class->startup = vitae_application_startup;
}

static void
vitae_application_init (VitaeApplication *self)
{
  static const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Keep the database in DIR instead of the default folder"), N_("DIR") },
    { "profile", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open this profile"), N_("NAME|ID") },
    { NULL }
  };

  vitae_ui_ensure_resources ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self), _("Vitae — a resume builder for GNOME"));
}

VitaeApplication *
vitae_application_new (void)
{
  return g_object_new (VITAE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/vitae/Vitae",
                       NULL);
}

/**
 * vitae_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings
 */
GSettings *
vitae_application_get_settings (VitaeApplication *self)
{
  g_return_val_if_fail (VITAE_IS_APPLICATION (self), NULL);
  return self->settings;
}
