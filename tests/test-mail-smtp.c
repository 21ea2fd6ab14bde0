/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mail-test-util.h"
#include "vitae-store-private.h"

/* Vitae against a real SMTP server (tests/smtp-server.py: aiosmtpd with
 * STARTTLS on a certificate made for the test, AUTH PLAIN and LOGIN), through
 * the outbox, the keyring (the private one of tests/mail-session.sh) and the
 * settings, as the app sends. Every fault leaves the message in the outbox
 * with a reason a person understands, and nothing is sent twice. */

typedef struct {
  char        *dir;
  VitaeStore  *store;
  VitaeUser   *user;
  GSettings   *settings;
  VitaeMailer *mailer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = test_make_temp_dir ();
  path = g_build_filename (fixture->dir, "vitae.db", NULL);
  fixture->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  fixture->user = vitae_store_create_user (fixture->store, "Zoë Ångström", "zoe@example.com", &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (VITAE_MAIL_SETTINGS_SCHEMA);
  test_reset_mail_settings (fixture->settings);
  fixture->mailer = vitae_mailer_new (fixture->store, fixture->settings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->mailer);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->user);
  g_clear_object (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
configure (Fixture           *fixture,
           TestSmtpServer    *server,
           VitaeSmtpSecurity  security,
           gboolean           trust_ca,
           const char        *password)
{
  g_autoptr(GError) error = NULL;

  g_settings_set_string (fixture->settings, "transport", "smtp");
  g_settings_set_string (fixture->settings, "smtp-host", "127.0.0.1");
  g_settings_set_uint (fixture->settings, "smtp-port", server ? server->port : test_free_port ());
  g_settings_set_string (fixture->settings, "smtp-security", vitae_smtp_security_to_string (security));
  g_settings_set_string (fixture->settings, "smtp-user", TEST_SMTP_USER);
  g_settings_set_string (fixture->settings, "ca-file", trust_ca && server ? server->ca_file : "");
  g_settings_set_string (fixture->settings, "from-name", "Zoë Ångström");
  g_settings_set_string (fixture->settings, "from-address", "zoe@example.com");
  g_settings_set_uint (fixture->settings, "timeout", 10);
  if (password != NULL)
    {
      vitae_mail_secret_store_sync (VITAE_MAIL_SECRET_SMTP, "127.0.0.1", TEST_SMTP_USER, password, NULL, &error);
      g_assert_no_error (error);
    }
}

static VitaeOutboxMessage *
queue (Fixture *fixture,
       GBytes  *pdf,
       gint64   resume_id)
{
  g_autoptr(GError) error = NULL;
  VitaeOutboxMessage *message;

  message = vitae_outbox_queue (fixture->store, vitae_user_get_id (fixture->user), resume_id,
                                VITAE_OUTBOX_KIND_MESSAGE, "hr@example.org",
                                "Résumé — Zoë Ångström, 履歴書",
                                "Hello,\n\nPlease find my résumé attached.\n.\nA line with only a dot, above.\n\nZoë\n",
                                pdf, pdf ? "Zoë Ångström.pdf" : NULL, pdf ? "application/pdf" : NULL,
                                &error);
  g_assert_no_error (error);
  return message;
}

/* One attempt; returns whether it was sent, with the reason in @error. */
static gboolean
send_one (Fixture            *fixture,
          VitaeOutboxMessage *message,
          GCancellable       *cancellable,
          GError            **error)
{
  return test_mailer_send (fixture->mailer, message, cancellable, error);
}

static VitaeOutboxMessage *
reload (Fixture            *fixture,
        VitaeOutboxMessage *message)
{
  g_autoptr(GError) error = NULL;
  VitaeOutboxMessage *loaded = vitae_outbox_get (fixture->store, vitae_outbox_message_get_id (message), &error);

  g_assert_no_error (error);
  return loaded;
}

/* The message stayed in the outbox as failed, once tried, with @words in
 * its reason and never the password. */
static void
assert_failed (Fixture            *fixture,
               VitaeOutboxMessage *message,
               const char         *words,
               gboolean            retried_automatically)
{
  g_autoptr(VitaeOutboxMessage) loaded = reload (fixture, message);
  const char *reason = vitae_outbox_message_get_last_error (loaded);

  g_test_message ("reason: %s", reason);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_FAILED);
  g_assert_cmpint (vitae_outbox_message_get_attempts (loaded), ==, 1);
  g_assert_cmpint (vitae_outbox_message_get_sending_since (loaded), ==, 0);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, words));
  g_assert_null (strstr (reason, TEST_SMTP_PASSWORD));
  if (retried_automatically)
    g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (loaded), >, 0);
  else
    g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (loaded), ==, 0);
}

static const char *
header (JsonObject *message,
        const char *name)
{
  return json_object_get_string_member (json_object_get_object_member (message, "headers"), name);
}

static void
assert_delivered_once (Fixture            *fixture,
                       TestSmtpServer     *server,
                       VitaeOutboxMessage *message)
{
  g_autoptr(VitaeOutboxMessage) loaded = reload (fixture, message);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_SENT);
  g_assert_cmpint (vitae_outbox_message_get_sent_at (loaded), >, 0);
  g_assert_null (vitae_outbox_message_get_last_error (loaded));
  g_assert_cmpuint (test_smtp_server_count (server), ==, 1);

  /* And never again. */
  g_assert_false (send_one (fixture, loaded, NULL, &error));
  g_assert_error (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_ALREADY_SENT);
  g_assert_cmpuint (test_smtp_server_count (server), ==, 1);
}

static void
test_starttls_plain (Fixture       *fixture,
                     gconstpointer  data)
{
  TestSmtpOptions options = { .auth_mechs = "PLAIN" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeResume) resume = test_load_sample_resume ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(JsonObject) received = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(VitaeEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *expected_id = NULL;
  g_autofree guchar *attachment = NULL;
  gsize attachment_len;
  JsonArray *attachments;
  JsonObject *part;
  gsize pdf_len;
  gconstpointer pdf_data;

  vitae_resume_set_user_id (resume, vitae_user_get_id (fixture->user));
  g_assert_true (vitae_store_insert_resume (fixture->store, resume, &error));
  pdf = test_render_sample_pdf (resume);
  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  message = queue (fixture, pdf, vitae_resume_get_id (resume));

  g_assert_true (send_one (fixture, message, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_smtp_server_count (server), ==, 1);

  /* STARTTLS first, then AUTH PLAIN inside TLS, then the message. */
  log = test_smtp_server_events (server);
  g_test_message ("server log:\n%s", log);
  g_assert_true (g_str_has_prefix (log, "STARTTLS\nAUTH PLAIN tls=True\nAUTH-RESULT PLAIN vitae ok\nMAIL tls=True\n"));

  received = test_smtp_server_message (server, 1);
  g_assert_true (json_object_get_boolean_member (received, "tls"));
  g_assert_true (json_object_get_boolean_member (received, "authenticated"));
  g_assert_cmpstr (json_object_get_string_member (received, "mail_from"), ==, "zoe@example.com");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (received, "rcpt_tos"), 0), ==,
                   "hr@example.org");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (received, "defects")), ==, 0);

  /* Python decodes the encoded-words back to what the person typed. */
  g_assert_cmpstr (header (received, "From"), ==, "Zoë Ångström <zoe@example.com>");
  g_assert_cmpstr (header (received, "To"), ==, "hr@example.org");
  g_assert_cmpstr (header (received, "Subject"), ==, "Résumé — Zoë Ångström, 履歴書");
  expected_id = g_strdup_printf ("<%s@example.com>", vitae_outbox_message_get_message_id (message));
  g_assert_cmpstr (header (received, "Message-ID"), ==, expected_id);
  g_assert_nonnull (header (received, "Date"));
  g_assert_cmpstr (json_object_get_string_member (received, "content_type"), ==, "multipart/mixed");
  g_assert_cmpstr (json_object_get_string_member (received, "text"), ==,
                   "Hello,\n\nPlease find my résumé attached.\n.\nA line with only a dot, above.\n\nZoë\n");
  g_assert_cmpstr (json_object_get_string_member (received, "text_charset"), ==, "utf-8");

  /* The attachment decodes to the very bytes of the PDF. */
  attachments = json_object_get_array_member (received, "attachments");
  g_assert_cmpuint (json_array_get_length (attachments), ==, 1);
  part = json_array_get_object_element (attachments, 0);
  g_assert_cmpstr (json_object_get_string_member (part, "filename"), ==, "Zoë Ångström.pdf");
  g_assert_cmpstr (json_object_get_string_member (part, "content_type"), ==, "application/pdf");
  g_assert_cmpstr (json_object_get_string_member (part, "transfer_encoding"), ==, "base64");
  attachment = g_base64_decode (json_object_get_string_member (part, "data"), &attachment_len);
  pdf_data = g_bytes_get_data (pdf, &pdf_len);
  g_assert_cmpmem (attachment, attachment_len, pdf_data, pdf_len);

  /* On the wire: 7-bit headers, lines no longer than SMTP allows. */
  raw = test_smtp_server_raw_message (server, 1);
  for (const char *p = raw; *p; p++)
    g_assert_cmpint ((guchar)*p, <, 0x80);
  {
    g_auto(GStrv) lines = g_strsplit (raw, "\r\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
      g_assert_cmpuint (strlen (lines[i]), <=, 998);
  }
  g_assert_null (strstr (raw, TEST_SMTP_PASSWORD));

  /* Emailing a resume is an analytics event. */
  events = vitae_store_list_events (fixture->store, vitae_resume_get_id (resume), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), >=, 1);
  event = g_list_model_get_item (events, 0);
  g_assert_cmpstr (vitae_event_get_action (event), ==, VITAE_EVENT_EMAIL);
  g_assert_cmpstr (vitae_event_get_details (event), ==, "hr@example.org");

  assert_delivered_once (fixture, server, message);
}

static void
test_auth_login (Fixture       *fixture,
                 gconstpointer  data)
{
  TestSmtpOptions options = { .auth_mechs = "LOGIN" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  message = queue (fixture, NULL, 0);
  g_assert_true (send_one (fixture, message, NULL, &error));
  g_assert_no_error (error);

  log = test_smtp_server_events (server);
  g_assert_nonnull (strstr (log, "AUTH LOGIN tls=True\nAUTH-RESULT LOGIN vitae ok\n"));
  assert_delivered_once (fixture, server, message);
}

static void
test_implicit_tls (Fixture       *fixture,
                   gconstpointer  data)
{
  TestSmtpOptions options = { .tls = "implicit" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(JsonObject) received = NULL;
  g_autoptr(GError) error = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_TLS, TRUE, TEST_SMTP_PASSWORD);
  message = queue (fixture, NULL, 0);
  g_assert_true (send_one (fixture, message, NULL, &error));
  g_assert_no_error (error);
  received = test_smtp_server_message (server, 1);
  g_assert_true (json_object_get_boolean_member (received, "tls"));
  assert_delivered_once (fixture, server, message);
}

static void
test_nothing_listening (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  configure (fixture, NULL, VITAE_SMTP_SECURITY_STARTTLS, FALSE, TEST_SMTP_PASSWORD);
  message = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECT);
  assert_failed (fixture, message, "nothing answered", TRUE);
}

static void
test_dropped_in_data (Fixture       *fixture,
                      gconstpointer  data)
{
  TestSmtpOptions dropping = { .fault = "drop-mid-data" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&dropping);
  g_autoptr(TestSmtpServer) healthy = NULL;
  g_autoptr(VitaeResume) resume = test_load_sample_resume ();
  g_autoptr(GBytes) pdf = test_render_sample_pdf (resume);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  message = queue (fixture, pdf, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECTION_LOST);
  g_clear_error (&error);
  log = test_smtp_server_events (server);
  g_assert_nonnull (strstr (log, "DROPPED in DATA"));
  g_assert_cmpuint (test_smtp_server_count (server), ==, 0);
  assert_failed (fixture, message, "broke off before it accepted", TRUE);

  /* Nothing lost: the same message goes out whole once the line holds. */
  healthy = test_smtp_server_start (NULL);
  configure (fixture, healthy, VITAE_SMTP_SECURITY_STARTTLS, TRUE, NULL);
  g_assert_true (send_one (fixture, message, NULL, &error));
  g_assert_no_error (error);
  assert_delivered_once (fixture, healthy, message);
}

/* The server answers with an error code: the message fails with the
 * server's own words and codes, and only a temporary refusal is retried. */
typedef struct {
  const char *fault;      /* tests/smtp-server.py's --fault */
  int         code;       /* VitaeMailError */
  const char *reason;
  gboolean    retry;
} Refusal;

static const Refusal temporary_451 = {
  "data-451", VITAE_MAIL_ERROR_TEMPORARY,
  "Mailbox temporarily unavailable, try again later (451 4.3.0)", TRUE,
};
static const Refusal rejected_554 = {
  "data-554", VITAE_MAIL_ERROR_REJECTED,
  "refused the message: Message refused: it looks like spam to this server (554 5.7.1)", FALSE,
};
static const Refusal recipient_550 = {
  "rcpt-550", VITAE_MAIL_ERROR_REJECTED, "User unknown (550 5.1.1)", FALSE,
};

static void
test_refusal (Fixture       *fixture,
              gconstpointer  data)
{
  const Refusal *refusal = data;
  TestSmtpOptions options = { .fault = refusal->fault };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  message = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, refusal->code);
  assert_failed (fixture, message, refusal->reason, refusal->retry);
  g_assert_cmpuint (test_smtp_server_count (server), ==, 0);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (NULL);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, "not the password");
  message = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_AUTH);
  g_assert_null (strstr (error->message, "not the password"));
  assert_failed (fixture, message, "refused the user name or password", FALSE);
  log = test_smtp_server_events (server);
  g_assert_nonnull (strstr (log, "AUTH-RESULT PLAIN vitae denied"));
  g_assert_null (strstr (log, "MAIL"));
  g_assert_cmpuint (test_smtp_server_count (server), ==, 0);
}

static void
test_untrusted_certificate (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (NULL);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  /* The system does not know the test's CA: refused, nothing said. */
  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, FALSE, TEST_SMTP_PASSWORD);
  message = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TLS);
  g_clear_error (&error);
  assert_failed (fixture, message, "certificate that is not trusted", FALSE);
  log = test_smtp_server_events (server);
  g_assert_cmpstr (log, ==, "STARTTLS\n");

  /* Trusted through the CA file: sent. */
  g_settings_set_string (fixture->settings, "ca-file", server->ca_file);
  g_assert_true (vitae_outbox_retry (fixture->store, vitae_outbox_message_get_id (message), &error));
  g_assert_true (send_one (fixture, message, NULL, &error));
  g_assert_no_error (error);
  assert_delivered_once (fixture, server, message);
}

static void
test_starttls_not_offered (Fixture       *fixture,
                           gconstpointer  data)
{
  TestSmtpOptions options = { .tls = "none" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  message = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_STARTTLS);
  assert_failed (fixture, message, "does not offer STARTTLS", FALSE);

  /* The server would have taken AUTH in clear; Vitae never sent it. */
  log = test_smtp_server_events (server);
  g_test_message ("server log:\n%s", log);
  g_assert_null (strstr (log, "AUTH"));
  g_assert_null (strstr (log, "MAIL"));
  g_assert_cmpuint (test_smtp_server_count (server), ==, 0);
}

static void
test_clear_to_loopback (Fixture       *fixture,
                        gconstpointer  data)
{
  TestSmtpOptions options = { .tls = "none" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(VitaeOutboxMessage) remote = NULL;
  g_autoptr(GError) error = NULL;

  /* Without encryption to this computer: allowed. */
  configure (fixture, server, VITAE_SMTP_SECURITY_NONE, FALSE, TEST_SMTP_PASSWORD);
  message = queue (fixture, NULL, 0);
  g_assert_true (send_one (fixture, message, NULL, &error));
  g_assert_no_error (error);
  assert_delivered_once (fixture, server, message);

  /* …and to anywhere else: refused before a connection is made. */
  g_settings_set_string (fixture->settings, "smtp-host", "mail.example.com");
  remote = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, remote, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID);
  assert_failed (fixture, remote, "only to this computer", FALSE);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  TestSmtpOptions options = { .fault = "silent" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  g_settings_set_uint (fixture->settings, "timeout", 2);
  message = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TIMEOUT);
  assert_failed (fixture, message, "stopped answering (waited 2 seconds)", TRUE);
}

static gboolean
cancel_cb (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  TestSmtpOptions options = { .fault = "silent" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  g_settings_set_uint (fixture->settings, "timeout", 60);
  message = queue (fixture, NULL, 0);
  g_timeout_add (300, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  g_assert_false (send_one (fixture, message, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Long before the server's 60 s: curl asks every second at the latest. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  assert_failed (fixture, message, "cancelled", TRUE);
}

static void
test_no_password (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (NULL);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, NULL);
  g_settings_set_string (fixture->settings, "smtp-user", "nobody-stored-this");
  message = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NO_SECRET);
  assert_failed (fixture, message, "No password for the mail server 127.0.0.1 is in the keyring", FALSE);
  log = test_smtp_server_events (server);
  g_assert_cmpstr (log, ==, "");
}

static void
test_not_configured (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL, 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (vitae_mailer_is_configured (fixture->mailer));
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NOT_CONFIGURED);
  assert_failed (fixture, message, "Email is not set up", FALSE);
}

static gboolean
sent_or_failed_twice (gpointer data)
{
  Fixture *fixture = ((gpointer *)data)[0];
  VitaeOutboxMessage *message = ((gpointer *)data)[1];
  g_autoptr(VitaeOutboxMessage) loaded = reload (fixture, message);

  return vitae_outbox_message_get_status (loaded) == VITAE_OUTBOX_STATUS_SENT ||
         vitae_outbox_message_get_attempts (loaded) >= 3;
}

static void
test_automatic_retry (Fixture       *fixture,
                      gconstpointer  data)
{
  TestSmtpOptions options = { .fail_count = 1 };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  gpointer pair[2];

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  vitae_mailer_set_retry_base (fixture->mailer, 1);
  message = queue (fixture, NULL, 0);

  /* Started, the mailer sends what is queued, is refused once (451), and
   * tries again after its backoff. */
  vitae_mailer_start (fixture->mailer);
  pair[0] = fixture;
  pair[1] = message;
  test_spin_until (sent_or_failed_twice, pair, 30);

  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_SENT);
  g_assert_cmpint (vitae_outbox_message_get_attempts (loaded), ==, 2);
  g_assert_cmpuint (test_smtp_server_count (server), ==, 1);

  /* Running on, nothing is sent again. */
  test_spin_for (3000);
  g_assert_cmpuint (test_smtp_server_count (server), ==, 1);
  g_clear_object (&loaded);
  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_attempts (loaded), ==, 2);
}

/* A network monitor the test switches off and on. */
typedef struct {
  GObject  parent_instance;
  gboolean available;
} TestMonitor;

typedef struct {
  GObjectClass parent_class;
} TestMonitorClass;

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);
static GType test_monitor_get_type (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestMonitor, g_object_unref)
static gboolean
test_monitor_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init;
}

G_DEFINE_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_monitor_initable_iface_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

enum { MONITOR_PROP_0, MONITOR_PROP_AVAILABLE, MONITOR_PROP_METERED, MONITOR_PROP_CONNECTIVITY };

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = (TestMonitor *)object;

  switch (prop_id)
    {
    case MONITOR_PROP_AVAILABLE: g_value_set_boolean (value, self->available); break;
    case MONITOR_PROP_METERED: g_value_set_boolean (value, FALSE); break;
    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
test_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  return TRUE;
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = test_monitor_can_reach;
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

static void
test_monitor_set (TestMonitor *self,
                  gboolean     available)
{
  self->available = available;
  g_signal_emit_by_name (self, "network-changed", available);
}

static void
test_network_returns (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (NULL);
  g_autoptr(TestMonitor) monitor = g_object_new (test_monitor_get_type (), NULL);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gpointer pair[2];

  /* Offline: the first attempt fails to connect, the next one is an hour
   * of backoff away. */
  configure (fixture, NULL, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  g_settings_set_string (fixture->settings, "ca-file", server->ca_file);
  vitae_mailer_set_retry_base (fixture->mailer, 3600);
  vitae_mailer_set_network_monitor (fixture->mailer, G_NETWORK_MONITOR (monitor));
  test_monitor_set (monitor, FALSE);
  message = queue (fixture, NULL, 0);
  g_assert_false (send_one (fixture, message, NULL, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECT);
  assert_failed (fixture, message, "nothing answered", TRUE);
  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (loaded), >, g_get_real_time () / G_USEC_PER_SEC + 3000);

  vitae_mailer_start (fixture->mailer);
  test_spin_for (500);
  g_assert_cmpuint (test_smtp_server_count (server), ==, 0);

  /* The network comes back (and the server is where it should be). */
  g_settings_set_uint (fixture->settings, "smtp-port", server->port);
  test_monitor_set (monitor, TRUE);
  pair[0] = fixture;
  pair[1] = message;
  test_spin_until (sent_or_failed_twice, pair, 30);
  assert_delivered_once (fixture, server, message);
}

static void
test_interrupted_not_resent (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (NULL);
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  configure (fixture, server, VITAE_SMTP_SECURITY_STARTTLS, TRUE, TEST_SMTP_PASSWORD);
  vitae_mailer_set_retry_base (fixture->mailer, 1);
  message = queue (fixture, NULL, 0);

  /* A Vitae claimed it long ago, maybe handed it over, then died. */
  g_assert_true (vitae_outbox_begin_attempt (fixture->store, vitae_outbox_message_get_id (message), &error));
  g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (fixture->store),
                                       "UPDATE email_notifications SET sending_since = sending_since - ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, VITAE_OUTBOX_ATTEMPT_STALE_SECONDS + 1);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  vitae_mailer_start (fixture->mailer);
  test_spin_for (2500);

  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_FAILED);
  g_assert_nonnull (strstr (vitae_outbox_message_get_last_error (loaded), "may have accepted it"));
  g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (loaded), ==, 0);
  g_assert_cmpuint (test_smtp_server_count (server), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path_, func_) \
  g_test_add ("/vitae/mail/smtp/" path_, Fixture, NULL, fixture_set_up, func_, fixture_tear_down)
  ADD ("starttls-auth-plain", test_starttls_plain);
  ADD ("starttls-auth-login", test_auth_login);
  ADD ("implicit-tls", test_implicit_tls);
  ADD ("clear-only-to-loopback", test_clear_to_loopback);
  ADD ("fault/nothing-listening", test_nothing_listening);
  ADD ("fault/dropped-in-data", test_dropped_in_data);
  g_test_add ("/vitae/mail/smtp/fault/temporary-451", Fixture, &temporary_451,
              fixture_set_up, test_refusal, fixture_tear_down);
  g_test_add ("/vitae/mail/smtp/fault/rejected-554", Fixture, &rejected_554,
              fixture_set_up, test_refusal, fixture_tear_down);
  g_test_add ("/vitae/mail/smtp/fault/recipient-550", Fixture, &recipient_550,
              fixture_set_up, test_refusal, fixture_tear_down);
  ADD ("fault/wrong-password", test_wrong_password);
  ADD ("fault/untrusted-certificate", test_untrusted_certificate);
  ADD ("fault/starttls-not-offered", test_starttls_not_offered);
  ADD ("fault/timeout", test_timeout);
  ADD ("fault/no-password-in-keyring", test_no_password);
  ADD ("fault/not-configured", test_not_configured);
  ADD ("cancel", test_cancel);
  ADD ("retry/automatic-backoff", test_automatic_retry);
  ADD ("retry/network-returns", test_network_returns);
  ADD ("retry/interrupted-not-resent", test_interrupted_not_resent);
#undef ADD

  return g_test_run ();
}
