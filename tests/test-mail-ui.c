/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "mail-test-util.h"
#include "vitae-email-dialog.h"
#include "vitae-email-page.h"
#include "vitae-outbox-window.h"
#include "vitae-preferences-window.h"
#include "vitae-window.h"

/* Email as a person meets it, in real windows under Xvfb: Preferences →
 * Email with Send Test Email, Email Resume…, the Outbox, and the
 * notifications, against the aiosmtpd peer and the private keyring.
 * With VITAE_TEST_SCREENSHOTS=DIR set, each test leaves PNGs of what it
 * showed there. */

typedef struct {
  char           *dir;
  VitaeStore     *store;
  VitaeUser      *user;
  GSettings      *settings;
  VitaeWindow    *window;
  TestSmtpServer *server;
} Fixture;

static void
iterate (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("VITAE_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  test_spin_for (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot: %s", path);
}

/* Shows the end of a preferences page: the test email and notifications. */
static void
scroll_to_end (GtkWidget *page)
{
  GtkWidget *scrolled = gtk_widget_get_first_child (page);
  GtkAdjustment *adjustment;

  while (scrolled != NULL && !GTK_IS_SCROLLED_WINDOW (scrolled))
    scrolled = gtk_widget_get_first_child (scrolled);
  if (scrolled == NULL)
    return;
  test_spin_for (100);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "vitae.db", NULL);
  f->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  if (data == NULL)
    {
      f->user = vitae_store_create_user (f->store, "Zoë Ångström", "zoe@example.com", &error);
      g_assert_no_error (error);
    }
  f->settings = g_settings_new (VITAE_MAIL_SETTINGS_SCHEMA);
  test_reset_mail_settings (f->settings);
  f->server = test_smtp_server_start (NULL);

  f->window = vitae_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs first, then the window. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);
      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  test_spin_for (100);
  g_clear_pointer (&f->server, test_smtp_server_stop);
  g_clear_object (&f->settings);
  g_clear_object (&f->user);
  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
configure (Fixture    *f,
           const char *password)
{
  g_autoptr(GError) error = NULL;

  g_settings_set_string (f->settings, "transport", "smtp");
  g_settings_set_string (f->settings, "smtp-host", "127.0.0.1");
  g_settings_set_uint (f->settings, "smtp-port", f->server->port);
  g_settings_set_string (f->settings, "smtp-user", TEST_SMTP_USER);
  g_settings_set_string (f->settings, "ca-file", f->server->ca_file);
  g_settings_set_string (f->settings, "from-name", "Zoë Ångström");
  g_settings_set_string (f->settings, "from-address", "zoe@example.com");
  vitae_mail_secret_store_sync (VITAE_MAIL_SECRET_SMTP, "127.0.0.1", TEST_SMTP_USER, password, NULL, &error);
  g_assert_no_error (error);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL ||
       (ADW_IS_PREFERENCES_ROW (root) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0) ||
       (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), title) == 0)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_count (gpointer data)
{
  gpointer *slots = data;

  return test_smtp_server_count (slots[0]) >= GPOINTER_TO_UINT (slots[1]);
}

static void
wait_for_messages (TestSmtpServer *server,
                   guint           n)
{
  gpointer slots[2] = { server, GUINT_TO_POINTER (n) };

  test_spin_until (has_count, slots, 60);
}

static gboolean
test_result_is_final (gpointer data)
{
  const char *result = vitae_email_page_get_test_result (data);

  return result != NULL && !g_str_equal (result, "Sending…");
}

static gboolean
secret_is (gpointer data)
{
  const char *expected = data;
  g_autofree char *secret = vitae_mail_secret_lookup_sync (VITAE_MAIL_SECRET_SMTP, "127.0.0.1", TEST_SMTP_USER,
                                                           NULL, NULL);

  return g_strcmp0 (secret, expected) == 0;
}

/* Neither the settings (every key of Vitae's schemas) nor any file of the
 * database holds the secret, in clear or in base64. */
static void
assert_secret_nowhere (Fixture    *f,
                       const char *secret)
{
  static const char * const schemas[] = { "io.github.vitae.Vitae", VITAE_MAIL_SETTINGS_SCHEMA };
  g_autofree char *b64 = g_base64_encode ((const guchar *)secret, strlen (secret));

  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    {
      g_autoptr(GSettings) settings = g_settings_new (schemas[i]);
      g_autoptr(GSettingsSchema) schema = NULL;
      g_auto(GStrv) keys = NULL;

      g_object_get (settings, "settings-schema", &schema, NULL);
      keys = g_settings_schema_list_keys (schema);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autoptr(GVariant) value = g_settings_get_value (settings, keys[k]);
          g_autofree char *text = g_variant_print (value, FALSE);

          g_assert_null (strstr (text, secret));
          g_assert_null (strstr (text, b64));
        }
    }
  g_assert_false (test_dir_contains (f->dir, secret));
  g_assert_false (test_dir_contains (f->dir, b64));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  VitaePreferencesWindow *preferences;
  GtkWidget *page, *row, *notifications, *test_button;
  g_autoptr(JsonObject) received = NULL;
  g_autoptr(GListModel) outbox = NULL;

  preferences = vitae_preferences_window_new (GTK_WINDOW (f->window), NULL);
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 900);
  gtk_window_present (GTK_WINDOW (preferences));
  page = find_widget (GTK_WIDGET (preferences), VITAE_TYPE_EMAIL_PAGE, NULL);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  iterate ();

  /* Not set up: the notifications cannot be turned on. */
  notifications = find_widget (page, GTK_TYPE_SWITCH, NULL);
  test_button = find_widget (page, GTK_TYPE_BUTTON, "Send _Test Email");
  g_assert_nonnull (notifications);
  g_assert_nonnull (test_button);
  g_assert_false (gtk_widget_is_sensitive (notifications));
  g_assert_false (gtk_widget_is_sensitive (test_button));
  g_assert_false (g_settings_get_boolean (f->settings, "notify-welcome"));
  screenshot (GTK_WIDGET (preferences), "email-preferences-empty.png");

  /* Filled in as a person would, row by row. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (page, ADW_TYPE_COMBO_ROW, "Send With")), 1);
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (find_widget (page, ADW_TYPE_ENTRY_ROW, "Name")), "Zoë Ångström");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (page, ADW_TYPE_ENTRY_ROW, "Email Address")), "zoe@example.com");
  gtk_editable_set_text (GTK_EDITABLE (find_widget (page, ADW_TYPE_ENTRY_ROW, "Server")), "127.0.0.1");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_widget (page, GTK_TYPE_SPIN_BUTTON, NULL)), f->server->port);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (page, ADW_TYPE_ENTRY_ROW, "User Name")), TEST_SMTP_USER);
  /* The file chooser is the portal's; its answer is this key. */
  g_settings_set_string (f->settings, "ca-file", f->server->ca_file);
  iterate ();

  g_assert_cmpstr (g_settings_get_string (f->settings, "transport"), ==, "smtp");
  g_assert_cmpuint (g_settings_get_uint (f->settings, "smtp-port"), ==, f->server->port);
  g_assert_cmpstr (g_settings_get_string (f->settings, "smtp-user"), ==, TEST_SMTP_USER);

  /* The password goes to the keyring and leaves the row. */
  row = find_widget (page, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), TEST_SMTP_PASSWORD);
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  test_spin_until (secret_is, (gpointer)TEST_SMTP_PASSWORD, 20);
  test_spin_for (600);

  /* Set up: notifications may be turned on, the test may be sent. */
  g_assert_true (gtk_widget_is_sensitive (notifications));
  g_assert_true (gtk_widget_is_sensitive (test_button));
  screenshot (GTK_WIDGET (preferences), "email-preferences-smtp.png");

  g_signal_emit_by_name (test_button, "clicked");
  test_spin_until (test_result_is_final, page, 60);
  g_test_message ("test result: %s", vitae_email_page_get_test_result (VITAE_EMAIL_PAGE (page)));
  g_assert_true (g_str_has_prefix (vitae_email_page_get_test_result (VITAE_EMAIL_PAGE (page)),
                                   "Sent to zoe@example.com."));
  g_assert_cmpuint (test_smtp_server_count (f->server), ==, 1);
  received = test_smtp_server_message (f->server, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (received, "headers"), "Subject"),
                   ==, "Vitae test email");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (received, "headers"), "To"),
                   ==, "zoe@example.com");
  scroll_to_end (page);
  screenshot (GTK_WIDGET (preferences), "email-preferences-test-sent.png");

  /* A wrong password: the answer in words, and no failed test left behind. */
  gtk_editable_set_text (GTK_EDITABLE (row), "wrong password");
  g_signal_emit_by_name (row, "apply");
  test_spin_until (secret_is, (gpointer)"wrong password", 20);
  g_signal_emit_by_name (test_button, "clicked");
  test_spin_until (test_result_is_final, page, 60);
  g_test_message ("test result: %s", vitae_email_page_get_test_result (VITAE_EMAIL_PAGE (page)));
  g_assert_nonnull (strstr (vitae_email_page_get_test_result (VITAE_EMAIL_PAGE (page)),
                            "refused the user name or password"));
  scroll_to_end (page);
  screenshot (GTK_WIDGET (preferences), "email-preferences-test-failed.png");
  outbox = vitae_outbox_list (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (outbox), ==, 1);
  g_assert_cmpuint (test_smtp_server_count (f->server), ==, 1);

  /* Typed in a row, sent to a server: still only in the keyring. */
  assert_secret_nowhere (f, TEST_SMTP_PASSWORD);
  assert_secret_nowhere (f, "wrong password");
}

static gint64
open_sample_resume (Fixture *f)
{
  g_autoptr(VitaeResume) resume = test_load_sample_resume ();
  g_autoptr(GError) error = NULL;

  vitae_resume_set_user_id (resume, vitae_user_get_id (f->user));
  g_assert_true (vitae_store_insert_resume (f->store, resume, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-resume", "x",
                                             vitae_resume_get_id (resume)));
  iterate ();
  g_assert_nonnull (vitae_window_get_open_resume (f->window));
  return vitae_resume_get_id (resume);
}

static gboolean
dialog_done (gpointer data)
{
  VitaeEmailDialog *dialog = data;
  const char *status = vitae_email_dialog_get_status (dialog);

  return !gtk_widget_get_visible (GTK_WIDGET (dialog)) ||
         (status != NULL && g_str_has_prefix (status, "Not sent"));
}

static void
test_email_resume (Fixture       *f,
                   gconstpointer  data)
{
  VitaeEmailDialog *dialog;
  g_autoptr(JsonObject) received = NULL;
  g_autoptr(GListModel) outbox = NULL;
  g_autoptr(VitaeOutboxMessage) listed = NULL;
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(VitaeEvent) event = NULL;
  g_autofree guchar *attachment = NULL;
  gsize attachment_len, stored_len;
  gconstpointer stored;
  JsonObject *part;
  gint64 resume_id;

  configure (f, TEST_SMTP_PASSWORD);
  resume_id = open_sample_resume (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.email-resume", NULL));
  iterate ();
  dialog = VITAE_EMAIL_DIALOG (find_toplevel (VITAE_TYPE_EMAIL_DIALOG));
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  /* Sending needs an address. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "email.send", NULL) &&
                  vitae_email_dialog_get_outbox_id (dialog) != 0);
  vitae_email_dialog_set_fields (dialog, "Hiring Team <hr@example.org>", NULL,
                                 "Hello,\n\nMy résumé is attached.\n\nZoë\n");
  screenshot (GTK_WIDGET (dialog), "email-resume-dialog.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "email.send", NULL));
  test_spin_until (dialog_done, dialog, 60);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  g_assert_cmpuint (test_smtp_server_count (f->server), ==, 1);
  received = test_smtp_server_message (f->server, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (received, "headers"), "Subject"),
                   ==, "Resume of Richard Hendriks");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (received, "headers"), "To"),
                   ==, "hr@example.org");
  g_assert_cmpstr (json_object_get_string_member (received, "text"), ==, "Hello,\n\nMy résumé is attached.\n\nZoë\n");

  /* The PDF of the resume, in its template, exactly as the outbox kept it. */
  outbox = vitae_outbox_list (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (outbox), ==, 1);
  listed = g_list_model_get_item (outbox, 0);
  message = vitae_outbox_get (f->store, vitae_outbox_message_get_id (listed), NULL);
  g_assert_cmpint (vitae_outbox_message_get_status (message), ==, VITAE_OUTBOX_STATUS_SENT);
  g_assert_cmpint (vitae_outbox_message_get_resume_id (message), ==, resume_id);
  part = json_array_get_object_element (json_object_get_array_member (received, "attachments"), 0);
  attachment = g_base64_decode (json_object_get_string_member (part, "data"), &attachment_len);
  stored = g_bytes_get_data (vitae_outbox_message_get_attachment (message), &stored_len);
  g_assert_cmpmem (attachment, attachment_len, stored, stored_len);
  g_assert_cmpmem (attachment, 5, "%PDF-", 5);

  /* …and an `email` event on the resume. */
  events = vitae_store_list_events (f->store, resume_id, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (events) && event == NULL; i++)
    {
      g_autoptr(VitaeEvent) candidate = g_list_model_get_item (events, i);
      if (g_strcmp0 (vitae_event_get_action (candidate), VITAE_EVENT_EMAIL) == 0)
        event = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (event);
  g_assert_cmpstr (vitae_event_get_details (event), ==, "hr@example.org");
  screenshot (GTK_WIDGET (f->window), "email-resume-sent-toast.png");
}

static void
test_email_resume_refused (Fixture       *f,
                           gconstpointer  data)
{
  TestSmtpOptions refusing = { .fault = "data-554" };
  VitaeEmailDialog *dialog;
  g_autoptr(GListModel) outbox = NULL;
  g_autoptr(VitaeOutboxMessage) message = NULL;

  test_smtp_server_stop (f->server);
  f->server = test_smtp_server_start (&refusing);
  configure (f, TEST_SMTP_PASSWORD);
  open_sample_resume (f);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.email-resume", NULL));
  iterate ();
  dialog = VITAE_EMAIL_DIALOG (find_toplevel (VITAE_TYPE_EMAIL_DIALOG));
  g_assert_nonnull (dialog);
  vitae_email_dialog_set_fields (dialog, "hr@example.org", NULL, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "email.send", NULL));
  test_spin_until (dialog_done, dialog, 60);

  /* The dialog stays, and says why; the message waits in the outbox. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (vitae_email_dialog_get_status (dialog), "refused the message"));
  g_assert_nonnull (strstr (vitae_email_dialog_get_status (dialog), "Outbox"));
  screenshot (GTK_WIDGET (dialog), "email-resume-refused.png");

  /* Send again: the same message is retried, not queued twice. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "email.send", NULL));
  test_spin_for (200);
  test_spin_until (dialog_done, dialog, 60);
  outbox = vitae_outbox_list (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (outbox), ==, 1);
  message = g_list_model_get_item (outbox, 0);
  g_assert_cmpint (vitae_outbox_message_get_attempts (message), ==, 2);
  g_assert_cmpint (vitae_outbox_message_get_status (message), ==, VITAE_OUTBOX_STATUS_FAILED);
}

static gboolean
row_sent (gpointer data)
{
  gpointer *slots = data;
  g_autoptr(VitaeOutboxMessage) message = vitae_outbox_get (slots[0], GPOINTER_TO_SIZE (slots[1]), NULL);

  return message != NULL && vitae_outbox_message_get_status (message) == VITAE_OUTBOX_STATUS_SENT;
}

static void
test_outbox_window (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) failed = NULL;
  g_autoptr(VitaeOutboxMessage) sent = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *outbox;
  gpointer slots[2];

  configure (f, TEST_SMTP_PASSWORD);
  failed = vitae_outbox_queue (f->store, vitae_user_get_id (f->user), 0, VITAE_OUTBOX_KIND_MESSAGE,
                               "hr@example.org", "Resume of Zoë Ångström", "Hello", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vitae_outbox_begin_attempt (f->store, vitae_outbox_message_get_id (failed), &error));
  g_assert_true (vitae_outbox_mark_failed (f->store, vitae_outbox_message_get_id (failed),
                                           "The mail server refused the user name or password: Authentication credentials invalid (535 5.7.8)",
                                           0, &error));
  sent = vitae_outbox_queue (f->store, vitae_user_get_id (f->user), 0, VITAE_OUTBOX_KIND_WELCOME,
                             "zoe@example.com", "Welcome to Vitae, Zoë Ångström", "Hello", NULL, NULL, NULL, &error);
  g_assert_true (vitae_outbox_begin_attempt (f->store, vitae_outbox_message_get_id (sent), &error));
  g_assert_true (vitae_outbox_mark_sent (f->store, vitae_outbox_message_get_id (sent), &error));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-outbox", NULL));
  iterate ();
  outbox = find_toplevel (VITAE_TYPE_OUTBOX_WINDOW);
  g_assert_nonnull (outbox);
  g_assert_cmpuint (g_list_model_get_n_items (vitae_outbox_window_get_messages (VITAE_OUTBOX_WINDOW (outbox))), ==, 2);
  screenshot (GTK_WIDGET (outbox), "outbox-window.png");

  /* Retry, as the row's button does: sent, once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outbox), "outbox.retry", "x",
                                             vitae_outbox_message_get_id (failed)));
  slots[0] = f->store;
  slots[1] = GSIZE_TO_POINTER ((gsize)vitae_outbox_message_get_id (failed));
  test_spin_until (row_sent, slots, 60);
  g_assert_cmpuint (test_smtp_server_count (f->server), ==, 1);
  test_spin_for (300);
  screenshot (GTK_WIDGET (outbox), "outbox-window-retried.png");

  /* Delete. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outbox), "outbox.delete", "x",
                                             vitae_outbox_message_get_id (sent)));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (vitae_outbox_window_get_messages (VITAE_OUTBOX_WINDOW (outbox))), ==, 1);
  g_assert_null (vitae_outbox_get (f->store, vitae_outbox_message_get_id (sent), NULL));
}

static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) welcome = NULL;
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) downloaded = NULL;
  GtkWidget *name_row, *email_row;

  /* The first run: no profile yet. */
  configure (f, TEST_SMTP_PASSWORD);
  g_settings_set_boolean (f->settings, "notify-welcome", TRUE);
  g_settings_set_boolean (f->settings, "notify-resume-created", TRUE);
  g_assert_cmpstr (vitae_window_get_visible_page (f->window), ==, "welcome");

  name_row = find_widget (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Your Name");
  email_row = find_widget (GTK_WIDGET (f->window), ADW_TYPE_ENTRY_ROW, "Email (optional)");
  g_assert_nonnull (name_row);
  g_assert_nonnull (email_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Zoë Ångström");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "zoe@example.com");
  g_signal_emit_by_name (email_row, "entry-activated");
  iterate ();
  g_assert_nonnull (vitae_window_get_user (f->window));
  wait_for_messages (f->server, 1);
  welcome = test_smtp_server_message (f->server, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (welcome, "headers"), "Subject"),
                   ==, "Welcome to Vitae, Zoë Ångström");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (welcome, "headers"), "To"),
                   ==, "zoe@example.com");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-resume", NULL));
  wait_for_messages (f->server, 2);
  created = test_smtp_server_message (f->server, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (created, "headers"), "Subject"),
                   ==, "New resume: Untitled Resume");

  /* The open resume exported as PDF: "downloaded". */
  g_settings_set_boolean (f->settings, "notify-resume-downloaded", TRUE);
  {
    g_autofree char *pdf_path = g_build_filename (f->dir, "exported.pdf", NULL);
    g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);

    vitae_window_export_pdf (f->window, pdf);
    wait_for_messages (f->server, 3);
    downloaded = test_smtp_server_message (f->server, 3);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (downloaded, "headers"), "Subject"),
                     ==, "Resume downloaded: Untitled Resume");
    g_assert_true (g_file_query_exists (pdf, NULL));
  }

  /* Turned off: nothing more. */
  g_settings_set_boolean (f->settings, "notify-resume-created", FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close-resume", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-resume", NULL));
  test_spin_for (1500);
  g_assert_cmpuint (test_smtp_server_count (f->server), ==, 3);
}

static void
test_notifications_need_setup (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListModel) outbox = NULL;

  /* Switched on, but email is not set up: nothing is queued. */
  g_settings_set_boolean (f->settings, "notify-resume-created", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-resume", NULL));
  test_spin_for (500);
  outbox = vitae_outbox_list (f->store, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (outbox), ==, 0);
  g_assert_cmpuint (test_smtp_server_count (f->server), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Under a shared Xvfb another window may hold the X focus; a blinking
   * cursor then warns that its entry never saw a focus-out. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path_, data_, func_) \
  g_test_add ("/vitae/mail/ui/" path_, Fixture, data_, fixture_set_up, func_, fixture_tear_down)
  ADD ("preferences-and-test-email", NULL, test_preferences);
  ADD ("email-resume", NULL, test_email_resume);
  ADD ("email-resume-refused", NULL, test_email_resume_refused);
  ADD ("outbox-window", NULL, test_outbox_window);
  ADD ("notifications", "first run", test_notifications);
  ADD ("notifications-need-setup", NULL, test_notifications_need_setup);
#undef ADD

  return g_test_run ();
}
