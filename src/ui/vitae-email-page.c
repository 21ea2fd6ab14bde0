/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-email"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vitae-application.h"
#include "vitae-email-page.h"
#include "vitae-mail.h"
#include "vitae-outbox-window.h"

/* Preferences → Email. Every field but the secret is a GSettings key bound
 * to its row; the password or API key goes from its row to the keyring when
 * applied, and the row is emptied: the secret is never shown again, and
 * never kept anywhere but the keyring. */

struct _VitaeEmailPage
{
  AdwPreferencesPage    parent_instance;

  /* template children */
  GtkWidget            *ca_clear_button;
  AdwActionRow         *ca_file_row;
  AdwEntryRow          *from_address_row;
  AdwEntryRow          *from_name_row;
  GtkSwitch            *notify_created_switch;
  GtkSwitch            *notify_downloaded_switch;
  GtkSwitch            *notify_welcome_switch;
  AdwPreferencesGroup  *notifications_group;
  AdwActionRow         *outbox_row;
  AdwPreferencesGroup  *relay_group;
  AdwEntryRow          *relay_key_row;
  AdwEntryRow          *relay_url_row;
  AdwPreferencesGroup  *sender_group;
  AdwPreferencesGroup  *smtp_group;
  AdwEntryRow          *smtp_host_row;
  AdwEntryRow          *smtp_password_row;
  GtkSpinButton        *smtp_port_button;
  AdwComboRow          *smtp_security_row;
  AdwEntryRow          *smtp_user_row;
  GtkButton            *test_button;
  AdwPreferencesGroup  *test_group;
  AdwActionRow         *test_row;
  GtkSpinner           *test_spinner;
  AdwComboRow          *transport_row;
  AdwPreferencesGroup  *trust_group;

  GSettings            *settings;
  VitaeStore           *store;
  VitaeUser            *user;
  VitaeMailer          *mailer;
  GCancellable         *cancellable;
  GtkFileChooserNative *ca_chooser;
  guint                 secret_check_id;
  gboolean              testing;
  gint64                test_id;
  char                 *test_result;
};

G_DEFINE_FINAL_TYPE (VitaeEmailPage, vitae_email_page, ADW_TYPE_PREFERENCES_PAGE)

/* Combo positions and the nicks GSettings stores, in the order of the .ui. */
static const char * const transport_nicks[] = { "none", "smtp", "relay", NULL };
static const char * const security_nicks[] = { "starttls", "tls", "none", NULL };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **)nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
add_toast (VitaeEmailPage *self,
           const char     *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (title, -1);  /* titles are markup */
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 4);
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
set_test_result (VitaeEmailPage *self,
                 const char     *text)
{
  g_free (self->test_result);
  self->test_result = g_strdup (text);
  adw_action_row_set_subtitle (self->test_row, text);
}

static void
update_outbox_row (VitaeEmailPage *self)
{
  g_autoptr(GListModel) messages = NULL;
  g_autofree char *text = NULL;
  guint waiting = 0, failed = 0, n;

  gtk_widget_set_visible (GTK_WIDGET (self->outbox_row), self->store != NULL);
  if (self->store == NULL)
    return;
  messages = vitae_outbox_list (self->store, self->user ? vitae_user_get_id (self->user) : 0, NULL);
  n = messages ? g_list_model_get_n_items (messages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitaeOutboxMessage) message = g_list_model_get_item (messages, i);

      if (vitae_outbox_message_get_status (message) == VITAE_OUTBOX_STATUS_FAILED)
        failed++;
      else if (vitae_outbox_message_get_status (message) == VITAE_OUTBOX_STATUS_QUEUED)
        waiting++;
    }
  if (n == 0)
    text = g_strdup (_("No email sent yet"));
  else if (failed > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message not sent", "%u messages not sent", failed),
                            failed);
  else if (waiting > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message waiting", "%u messages waiting", waiting),
                            waiting);
  else
    text = g_strdup (_("Everything was sent"));
  adw_action_row_set_subtitle (self->outbox_row, text);
}

static void
update_state (VitaeEmailPage *self)
{
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_load (self->settings);
  g_autoptr(GError) error = NULL;
  gboolean configured = vitae_mail_config_check (config, &error);
  gboolean chosen = config->transport != VITAE_MAIL_TRANSPORT_NONE;

  gtk_widget_set_visible (GTK_WIDGET (self->sender_group), chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->smtp_group), config->transport == VITAE_MAIL_TRANSPORT_SMTP);
  gtk_widget_set_visible (GTK_WIDGET (self->relay_group), config->transport == VITAE_MAIL_TRANSPORT_RELAY);
  gtk_widget_set_visible (GTK_WIDGET (self->trust_group), chosen);

  adw_action_row_set_subtitle (self->ca_file_row,
                               config->ca_file ? config->ca_file
                                               : _("The system’s certificate authorities"));
  gtk_widget_set_visible (self->ca_clear_button, config->ca_file != NULL);

  /* Notifications stay off, and cannot be turned on, until email works. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->notifications_group), configured);

  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button),
                            configured && self->store != NULL && self->user != NULL && !self->testing);
  if (!self->testing && self->test_result == NULL)
    {
      g_autofree char *to = NULL;

      if (!chosen)
        adw_action_row_set_subtitle (self->test_row, _("Choose how Vitae sends email, above"));
      else if (!configured)
        adw_action_row_set_subtitle (self->test_row, error->message);
      else if (self->user == NULL)
        adw_action_row_set_subtitle (self->test_row, _("Create a profile first"));
      else
        {
          /* Translators: %s is the sender's own address */
          to = g_strdup_printf (_("To %s, from the settings above"), config->from_address);
          adw_action_row_set_subtitle (self->test_row, to);
        }
    }
  update_outbox_row (self);
}

static void
on_secret_looked_up (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(VitaeEmailPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret = vitae_mail_secret_lookup_finish (result, &error);
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_load (self->settings);
  AdwPreferencesGroup *group = config->transport == VITAE_MAIL_TRANSPORT_RELAY ? self->relay_group : self->smtp_group;
  const char *text;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (secret != NULL)
    text = config->transport == VITAE_MAIL_TRANSPORT_RELAY ? _("The API key is saved in the keyring")
                                                           : _("The password is saved in the keyring");
  else if (g_error_matches (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NO_SECRET))
    text = config->transport == VITAE_MAIL_TRANSPORT_RELAY ? _("Enter the API key, then press Enter to save it in the keyring")
                                                           : _("Enter the password, then press Enter to save it in the keyring");
  else
    text = error->message;
  vitae_mail_secret_free (secret);
  adw_preferences_group_set_description (group, text);
}

static gboolean
check_secret_cb (gpointer user_data)
{
  VitaeEmailPage *self = user_data;
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_load (self->settings);

  self->secret_check_id = 0;
  if (config->transport == VITAE_MAIL_TRANSPORT_NONE)
    return G_SOURCE_REMOVE;
  if (!vitae_mail_config_needs_secret (config) || vitae_mail_config_get_secret_server (config) == NULL)
    {
      if (config->transport == VITAE_MAIL_TRANSPORT_SMTP)
        adw_preferences_group_set_description (self->smtp_group,
                                               config->smtp_host ? _("Without a user name, Vitae sends without logging in")
                                                                 : NULL);
      return G_SOURCE_REMOVE;
    }
  vitae_mail_secret_lookup_async (vitae_mail_config_get_secret_kind (config),
                                  vitae_mail_config_get_secret_server (config),
                                  vitae_mail_config_get_secret_user (config),
                                  self->cancellable, on_secret_looked_up, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_secret_check (VitaeEmailPage *self)
{
  g_clear_handle_id (&self->secret_check_id, g_source_remove);
  /* Not on every key stroke in the server or user name. */
  self->secret_check_id = g_timeout_add (400, check_secret_cb, self);
}

static void
on_settings_changed (GSettings      *settings,
                     const char     *key,
                     VitaeEmailPage *self)
{
  g_clear_pointer (&self->test_result, g_free);
  update_state (self);
  if (g_strv_contains ((const char * const[]) { "transport", "smtp-host", "smtp-user", "relay-url", NULL }, key))
    schedule_secret_check (self);
}

static void
on_mailer_outbox_changed (VitaeMailer    *mailer,
                          VitaeEmailPage *self)
{
  update_outbox_row (self);
}

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VitaeEmailPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vitae_mail_secret_store_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_toast (self, error->message);
      return;
    }
  add_toast (self, _("Saved in the keyring"));
  schedule_secret_check (self);
}

static void
on_secret_apply (VitaeEmailPage *self,
                 AdwEntryRow    *row)
{
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_load (self->settings);
  g_autofree char *secret = NULL;
  const char *server = vitae_mail_config_get_secret_server (config);

  secret = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  /* The row forgets it at once: the keyring is the only place it stays. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  if (*secret == '\0')
    return;

  if (row == self->smtp_password_row && (config->smtp_host == NULL || config->smtp_user == NULL))
    add_toast (self, _("Enter the server and the user name first"));
  else if (row == self->relay_key_row && server == NULL)
    add_toast (self, _("Enter the relay’s address first"));
  else
    vitae_mail_secret_store_async (row == self->relay_key_row ? VITAE_MAIL_SECRET_RELAY : VITAE_MAIL_SECRET_SMTP,
                                   row == self->relay_key_row ? config->relay_url : config->smtp_host,
                                   row == self->relay_key_row ? NULL : config->smtp_user,
                                   secret, self->cancellable, on_secret_stored, g_object_ref (self));
  memset (secret, 0, strlen (secret));
}

static void
on_ca_chooser_response (GtkNativeDialog *chooser,
                        int              response,
                        VitaeEmailPage  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->ca_chooser);
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        g_settings_set_string (self->settings, "ca-file", path);
    }
}

static void
on_ca_choose_clicked (VitaeEmailPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->ca_chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("PEM Certificates"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  self->ca_chooser = gtk_file_chooser_native_new (_("Choose the Certificate Authorities to Trust"),
                                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->ca_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->ca_chooser), TRUE);
  g_signal_connect (self->ca_chooser, "response", G_CALLBACK (on_ca_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->ca_chooser));
}

static void
on_ca_clear_clicked (VitaeEmailPage *self)
{
  g_settings_set_string (self->settings, "ca-file", "");
}

static void
on_test_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VitaeEmailPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_load (self->settings);
  gint64 id = self->test_id;

  self->testing = FALSE;
  self->test_id = 0;
  gtk_spinner_stop (self->test_spinner);
  if (vitae_mailer_send_finish (VITAE_MAILER (source), result, &error))
    {
      /* Translators: %s is an email address */
      g_autofree char *text = g_strdup_printf (_("Sent to %s. Look for it in that inbox."), config->from_address);
      set_test_result (self, text);
    }
  else
    {
      /* A failed test is no message to retry later: its answer is here. */
      if (id != 0 && self->store != NULL)
        vitae_outbox_delete (self->store, id, NULL);
      set_test_result (self, error->message);
    }
  update_state (self);
}

static void
on_test_clicked (VitaeEmailPage *self)
{
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_load (self->settings);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (self->testing || self->store == NULL || self->user == NULL || !vitae_mail_config_check (config, &error))
    return;

  /* Translators: the text of the test email; %s is the sender's address */
  body = g_strdup_printf (_("This is a test email from Vitae.\n\n"
                            "If you can read it, Vitae can send your resumes and notifications from %s.\n"),
                          config->from_address);
  message = vitae_outbox_queue (self->store, vitae_user_get_id (self->user), 0, VITAE_OUTBOX_KIND_TEST,
                                config->from_address, _("Vitae test email"), body, NULL, NULL, NULL, &error);
  if (message == NULL)
    {
      set_test_result (self, error->message);
      return;
    }

  self->testing = TRUE;
  self->test_id = vitae_outbox_message_get_id (message);
  set_test_result (self, _("Sending…"));
  gtk_spinner_start (self->test_spinner);
  update_state (self);
  vitae_mailer_send_async (self->mailer, self->test_id, self->cancellable, on_test_sent, g_object_ref (self));
}

static void
on_outbox_activated (VitaeEmailPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VitaeOutboxWindow *window;

  if (self->store == NULL)
    return;
  window = vitae_outbox_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->user);
  gtk_window_present (GTK_WINDOW (window));
}

static void
vitae_email_page_dispose (GObject *object)
{
  VitaeEmailPage *self = (VitaeEmailPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->secret_check_id, g_source_remove);
  if (self->ca_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->ca_chooser));
  g_clear_object (&self->ca_chooser);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->mailer != NULL)
    g_signal_handlers_disconnect_by_data (self->mailer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VITAE_TYPE_EMAIL_PAGE);

  G_OBJECT_CLASS (vitae_email_page_parent_class)->dispose (object);
}

static void
vitae_email_page_finalize (GObject *object)
{
  VitaeEmailPage *self = (VitaeEmailPage *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->user);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->test_result, g_free);

  G_OBJECT_CLASS (vitae_email_page_parent_class)->finalize (object);
}

static void
vitae_email_page_class_init (VitaeEmailPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vitae_email_page_dispose;
  object_class->finalize = vitae_email_page_finalize;

  vitae_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vitae/Vitae/ui/vitae-email-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, ca_file_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, from_address_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, from_name_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, notifications_group);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, notify_created_switch);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, notify_downloaded_switch);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, notify_welcome_switch);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, outbox_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, relay_group);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, relay_key_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, relay_url_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, sender_group);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, smtp_group);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, smtp_host_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, smtp_password_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, smtp_port_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, smtp_security_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, smtp_user_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, test_group);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, test_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, transport_row);
  gtk_widget_class_bind_template_child (widget_class, VitaeEmailPage, trust_group);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_outbox_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked);
}

static void
vitae_email_page_init (VitaeEmailPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * vitae_email_page_new:
 * @settings: the email settings (vitae_mail_settings_new())
 * @store: (nullable): the database, for the test email and the outbox
 * @user: (nullable): the profile the test email is sent as
 *
 * Returns: (transfer floating): the Email page of Preferences
 */
VitaeEmailPage *
vitae_email_page_new (GSettings  *settings,
                      VitaeStore *store,
                      VitaeUser  *user)
{
  VitaeEmailPage *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (store == NULL || VITAE_IS_STORE (store), NULL);
  g_return_val_if_fail (user == NULL || VITAE_IS_USER (user), NULL);

  self = g_object_new (VITAE_TYPE_EMAIL_PAGE, NULL);
  self->settings = g_object_ref (settings);
  self->store = store ? g_object_ref (store) : NULL;
  self->user = user ? g_object_ref (user) : NULL;
  if (store != NULL)
    {
      self->mailer = vitae_mailer_get_for_store (store);
      g_signal_connect_object (self->mailer, "outbox-changed", G_CALLBACK (on_mailer_outbox_changed), self, 0);
    }

  g_settings_bind_with_mapping (settings, "transport", self->transport_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer)transport_nicks, NULL);
  g_settings_bind_with_mapping (settings, "smtp-security", self->smtp_security_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, nick_to_position, position_to_nick,
                                (gpointer)security_nicks, NULL);
  g_settings_bind (settings, "from-name", self->from_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "from-address", self->from_address_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "smtp-host", self->smtp_host_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "smtp-port", self->smtp_port_button, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "smtp-user", self->smtp_user_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "relay-url", self->relay_url_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-welcome", self->notify_welcome_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-resume-created", self->notify_created_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-resume-downloaded", self->notify_downloaded_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect (settings, "changed", G_CALLBACK (on_settings_changed), self);

  update_state (self);
  schedule_secret_check (self);
  return self;
}

/**
 * vitae_email_page_get_test_result:
 *
 * Returns: (nullable): what the last test email came to, in words
 */
const char *
vitae_email_page_get_test_result (VitaeEmailPage *self)
{
  g_return_val_if_fail (VITAE_IS_EMAIL_PAGE (self), NULL);
  return self->test_result;
}
