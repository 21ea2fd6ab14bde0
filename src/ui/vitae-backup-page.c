/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-backup-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vitae-application.h"
#include "vitae-backup-page.h"
#include "vitae-backup.h"
#include "vitae-window.h"

/* Backups run on a worker thread with their own SQLite connections (see
 * vitae-backup.c). Before a restore every window writes what it still holds;
 * after it, each window over this store is replaced by a fresh one, since
 * every profile and resume it showed may have changed or gone. */

struct _VitaeBackupPage
{
  AdwPreferencesPage    parent_instance;

  /* template children */
  GtkWidget            *backup_button;
  AdwPreferencesGroup  *backup_group;
  AdwActionRow         *folder_row;
  AdwActionRow         *last_row;
  GtkSpinner           *spinner;

  VitaeStore           *store;
  char                 *folder;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gboolean              busy;
};

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeBackupPage, vitae_backup_page, ADW_TYPE_PREFERENCES_PAGE)

static void
set_busy (VitaeBackupPage *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.back-up", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "backups.restore", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static GtkWindow *
get_window (VitaeBackupPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (VitaeBackupPage *self,
            const char      *title)
{
  GtkWindow *window = get_window (self);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (title));
  else
    g_message ("%s", title);
}

static void
show_error_dialog (VitaeBackupPage *self,
                   const char      *heading,
                   const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_backup_time (GDateTime *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (g_date_time_get_year (date) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (now))
    /* Translators: when a backup was made, a g_date_time_format() string */
    return g_date_time_format (date, _("Today at %H:%M"));
  if (g_date_time_get_year (date) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (yesterday))
    /* Translators: when a backup was made, a g_date_time_format() string */
    return g_date_time_format (date, _("Yesterday at %H:%M"));
  /* Translators: when a backup was made, a g_date_time_format() string */
  return g_date_time_format (date, _("%-d %B %Y at %H:%M"));
}

/* The same, inside a sentence: "today at 09:12", "on 3 March 2026 at 09:12". */
static char *
format_backup_time_in_sentence (GDateTime *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (g_date_time_get_year (date) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (now))
    /* Translators: inside a sentence, a g_date_time_format() string */
    return g_date_time_format (date, _("today at %H:%M"));
  if (g_date_time_get_year (date) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (date) == g_date_time_get_day_of_year (yesterday))
    /* Translators: inside a sentence, a g_date_time_format() string */
    return g_date_time_format (date, _("yesterday at %H:%M"));
  /* Translators: inside a sentence, a g_date_time_format() string */
  return g_date_time_format (date, _("on %-d %B %Y at %H:%M"));
}

static void
update_last_backup (VitaeBackupPage *self)
{
  g_autoptr(GPtrArray) backups = vitae_backup_list (self->folder);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *when = NULL;

  if (backups->len > 0)
    date = vitae_backup_get_date (g_ptr_array_index (backups, 0));
  when = date ? format_backup_time (date) : g_strdup (_("None yet"));
  adw_action_row_set_subtitle (self->last_row, when);
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

/* The windows showing this store's database, newest first. */
static GPtrArray *
list_store_windows (VitaeBackupPage *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VITAE_IS_WINDOW (window) && vitae_window_get_store (VITAE_WINDOW (window)) == self->store)
        g_ptr_array_add (windows, g_object_ref (window));
    }
  return windows;
}

/* Back up now -------------------------------------------------------------- */

static void
on_backed_up (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VitaeBackupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vitae_backup_create_finish (result, &error);

  set_busy (self, FALSE);
  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Backup Failed"), error);
      return;
    }
  update_last_backup (self);
  show_toast (self, _("Backed up"));
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  vitae_backup_page_back_up (VITAE_BACKUP_PAGE (widget));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VitaeBackupPage *self = VITAE_BACKUP_PAGE (widget);
  g_autofree char *uri = NULL;

  g_mkdir_with_parents (self->folder, 0700);
  uri = g_filename_to_uri (self->folder, NULL, NULL);
  if (uri != NULL)
    gtk_show_uri (get_window (self), uri, GDK_CURRENT_TIME);
}

/* Restore ------------------------------------------------------------------ */

static void
on_restored (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VitaeBackupPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = vitae_backup_restore_finish (result, &error);
  g_autoptr(GPtrArray) windows = NULL;
  GtkWindow *preferences;

  set_busy (self, FALSE);
  if (kept == NULL)
    {
      show_error_dialog (self, _("Backup Not Restored"), error);
      return;
    }

  /* Every window starts afresh on the restored database. */
  windows = list_store_windows (self);
  for (guint i = 0; i < windows->len; i++)
    {
      VitaeWindow *old = g_ptr_array_index (windows, i);
      VitaeWindow *window = vitae_window_new (gtk_window_get_application (GTK_WINDOW (old)), self->store, NULL);
      AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (window));

      gtk_window_present (GTK_WINDOW (window));
      if (overlay != NULL)
        adw_toast_overlay_add_toast (overlay, adw_toast_new (_("Backup restored")));
      gtk_window_destroy (GTK_WINDOW (old));
    }

  update_last_backup (self);
  preferences = get_window (self);
  if (ADW_IS_PREFERENCES_WINDOW (preferences))
    gtk_window_close (preferences);
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     VitaeBackupPage  *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  g_autoptr(GPtrArray) windows = NULL;
  g_autofree char *path = NULL;

  if (g_strcmp0 (response, "restore") != 0 || self->busy)
    return;

  /* What the windows still hold goes in first, so that the backup of the
   * current state has it, and nothing is written after the restore. */
  windows = list_store_windows (self);
  for (guint i = 0; i < windows->len; i++)
    {
      VitaeWindow *window = g_ptr_array_index (windows, i);
      VitaeResumeEditor *editor = vitae_window_get_editor (window);
      g_autoptr(GError) error = NULL;

      vitae_window_flush_pending (window);
      if (editor != NULL && !vitae_resume_editor_flush (editor, &error))
        {
          show_error_dialog (self, _("Backup Not Restored"), error);
          return;
        }
    }

  path = g_file_get_path (file);
  set_busy (self, TRUE);
  vitae_backup_restore_async (vitae_store_get_path (self->store), path, self->cancellable,
                              on_restored, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     VitaeBackupPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    vitae_backup_page_restore_file (self, file);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VitaeBackupPage *self = VITAE_BACKUP_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || self->busy)
    return;

  gtk_file_filter_set_name (filter, _("Vitae Backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  self->chooser = gtk_file_chooser_native_new (_("Restore from Backup"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Restore…"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  if (g_file_test (self->folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (self->folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject ------------------------------------------------------------------ */

static void
vitae_backup_page_dispose (GObject *object)
{
  VitaeBackupPage *self = (VitaeBackupPage *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_BACKUP_PAGE);

  G_OBJECT_CLASS (vitae_backup_page_parent_class)->dispose (object);
}

static void
vitae_backup_page_finalize (GObject *object)
{
  VitaeBackupPage *self = (VitaeBackupPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (vitae_backup_page_parent_class)->finalize (object);
}

static void
vitae_backup_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VitaeBackupPage *self = VITAE_BACKUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_backup_page_class_init (VitaeBackupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_backup_page_dispose;
  object_class->finalize = vitae_backup_page_finalize;
  object_class->get_property = vitae_backup_page_get_property;

  /**
   * VitaeBackupPage:busy:
   *
   * A backup or a restore is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-backup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeBackupPage, backup_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeBackupPage, backup_group);
  gtk_widget_class_bind_template_child (widget_class, VitaeBackupPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeBackupPage, last_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeBackupPage, spinner);

  gtk_widget_class_install_action (widget_class, "backups.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "backups.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "backups.restore", NULL, restore_action);
}

static void
vitae_backup_page_init (VitaeBackupPage *self)
{
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Vitae backs up every profile and resume once a day when it starts, and keeps the backups of the last %d day.",
                                              "Vitae backs up every profile and resume once a day when it starts, and keeps the backups of the last %d days.",
                                              VITAE_BACKUP_KEEP_DAYS),
                                 VITAE_BACKUP_KEEP_DAYS);
  adw_preferences_group_set_description (self->backup_group, description);
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_backup_page_new:
 * @store: the open database
 *
 * Returns: (transfer full): the page, to add to a #AdwPreferencesWindow
 */
VitaeBackupPage *
vitae_backup_page_new (VitaeStore *store)
{
  VitaeBackupPage *self;
  g_autofree char *display = NULL;
  const char *home = g_get_home_dir ();

  g_return_val_if_fail (VITAE_IS_STORE (store), NULL);

  self = g_object_new (VITAE_TYPE_BACKUP_PAGE, NULL);
  self->store = g_object_ref (store);
  self->folder = vitae_backup_get_folder (vitae_store_get_path (store));

  display = g_filename_display_name (self->folder);
  if (home != NULL && g_str_has_prefix (self->folder, home) && self->folder[strlen (home)] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (self->folder + strlen (home));
      g_free (display);
      display = g_strconcat ("~", rest, NULL);
    }
  adw_action_row_set_subtitle (self->folder_row, display);
  update_last_backup (self);
  return self;
}

gboolean
vitae_backup_page_get_busy (VitaeBackupPage *self)
{
  g_return_val_if_fail (VITAE_IS_BACKUP_PAGE (self), FALSE);
  return self->busy;
}

/**
 * vitae_backup_page_back_up:
 *
 * What "Back Up Now" does: a new backup in the backup folder, made on a
 * worker thread.
 */
void
vitae_backup_page_back_up (VitaeBackupPage *self)
{
  g_return_if_fail (VITAE_IS_BACKUP_PAGE (self));

  if (self->busy)
    return;
  set_busy (self, TRUE);
  vitae_backup_create_async (vitae_store_get_path (self->store), self->cancellable,
                             on_backed_up, g_object_ref (self));
}

/**
 * vitae_backup_page_restore_file:
 *
 * Asks whether to replace everything with @file; if so, restores it (after
 * checking it) and opens the windows afresh.
 */
void
vitae_backup_page_restore_file (VitaeBackupPage *self,
                                GFile           *file)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (VITAE_IS_BACKUP_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  date = path ? vitae_backup_get_date (path) : NULL;
  if (date != NULL)
    {
      g_autofree char *when = format_backup_time_in_sentence (date);
      /* Translators: %s is when the backup was made, such as "today at 09:12" */
      body = g_strdup_printf (_("Every profile and resume is replaced by those in the backup made %s. What Vitae holds now is backed up first."),
                              when);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);
      /* Translators: %s is a file name */
      body = g_strdup_printf (_("Every profile and resume is replaced by those in “%s”. What Vitae holds now is backed up first."),
                              display);
    }

  dialog = adw_message_dialog_new (get_window (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
