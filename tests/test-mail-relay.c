/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "mail-test-util.h"

/* Vitae against an HTTP mail relay speaking SendGrid's v3 API: a SoupServer
 * on 127.0.0.1 in this process, which answers as each test tells it. */

#define TEST_API_KEY "SG.test-key.do-not-leak-9f8e7d"

typedef struct {
  char        *dir;
  VitaeStore  *store;
  VitaeUser   *user;
  GSettings   *settings;
  VitaeMailer *mailer;

  SoupServer  *server;
  char        *url;
  guint        status;          /* what the relay answers */
  const char  *response;
  gboolean     hang;            /* never answer */
  guint        n_requests;
  char        *method;
  char        *path;
  char        *authorization;
  char        *content_type;
  GBytes      *body;
} Fixture;

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  fixture->n_requests++;
  g_free (fixture->method);
  fixture->method = g_strdup (soup_server_message_get_method (msg));
  g_free (fixture->path);
  fixture->path = g_strdup (path);
  g_free (fixture->authorization);
  fixture->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  g_free (fixture->content_type);
  fixture->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  g_clear_pointer (&fixture->body, g_bytes_unref);
  fixture->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  if (fixture->hang)
    {
      soup_server_message_pause (msg);
      return;
    }
  soup_server_message_set_status (msg, fixture->status, NULL);
  if (fixture->response != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      fixture->response, strlen (fixture->response));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GSList *uris;

  fixture->dir = test_make_temp_dir ();
  path = g_build_filename (fixture->dir, "vitae.db", NULL);
  fixture->store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  fixture->user = vitae_store_create_user (fixture->store, "Zoë Ångström", "zoe@example.com", &error);
  g_assert_no_error (error);

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, on_request, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  fixture->status = 202;

  fixture->settings = g_settings_new (VITAE_MAIL_SETTINGS_SCHEMA);
  test_reset_mail_settings (fixture->settings);
  g_settings_set_string (fixture->settings, "transport", "relay");
  g_settings_set_string (fixture->settings, "relay-url", fixture->url);
  g_settings_set_string (fixture->settings, "from-name", "Zoë Ångström");
  g_settings_set_string (fixture->settings, "from-address", "zoe@example.com");
  g_settings_set_uint (fixture->settings, "timeout", 10);
  vitae_mail_secret_store_sync (VITAE_MAIL_SECRET_RELAY, fixture->url, NULL, TEST_API_KEY, NULL, &error);
  g_assert_no_error (error);
  fixture->mailer = vitae_mailer_new (fixture->store, fixture->settings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->mailer);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->user);
  g_clear_object (&fixture->store);
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->url);
  g_free (fixture->method);
  g_free (fixture->path);
  g_free (fixture->authorization);
  g_free (fixture->content_type);
  g_clear_pointer (&fixture->body, g_bytes_unref);
}

static VitaeOutboxMessage *
queue (Fixture *fixture,
       GBytes  *pdf)
{
  g_autoptr(GError) error = NULL;
  VitaeOutboxMessage *message;

  message = vitae_outbox_queue (fixture->store, vitae_user_get_id (fixture->user), 0,
                                VITAE_OUTBOX_KIND_MESSAGE, "hr@example.org", "Résumé — Zoë, 履歴書",
                                "Hello,\nmy résumé is attached.\n", pdf,
                                pdf ? "Zoë Ångström.pdf" : NULL, pdf ? "application/pdf" : NULL, &error);
  g_assert_no_error (error);
  return message;
}

static gboolean
send_one (Fixture            *fixture,
          VitaeOutboxMessage *message,
          GError            **error)
{
  return test_mailer_send (fixture->mailer, message, NULL, error);
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

static void
assert_failed (Fixture            *fixture,
               VitaeOutboxMessage *message,
               const char         *words,
               gboolean            retried_automatically)
{
  g_autoptr(VitaeOutboxMessage) loaded = reload (fixture, message);
  const char *reason = vitae_outbox_message_get_last_error (loaded);

  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_FAILED);
  g_assert_cmpint (vitae_outbox_message_get_attempts (loaded), ==, 1);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, words));
  g_assert_null (strstr (reason, TEST_API_KEY));
  if (retried_automatically)
    g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (loaded), >, 0);
  else
    g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (loaded), ==, 0);
}

static void
test_accepted (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VitaeResume) resume = test_load_sample_resume ();
  g_autoptr(GBytes) pdf = test_render_sample_pdf (resume);
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, pdf);
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree guchar *attachment = NULL;
  g_autofree char *expected_auth = g_strdup_printf ("Bearer %s", TEST_API_KEY);
  gsize attachment_len, pdf_len;
  gconstpointer pdf_data;
  JsonObject *root, *personalization, *from, *content, *file;

  g_assert_true (send_one (fixture, message, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->n_requests, ==, 1);
  g_assert_cmpstr (fixture->method, ==, "POST");
  g_assert_cmpstr (fixture->path, ==, "/v3/mail/send");
  g_assert_cmpstr (fixture->authorization, ==, expected_auth);
  g_assert_cmpstr (fixture->content_type, ==, "application/json");

  json_parser_load_from_data (parser, g_bytes_get_data (fixture->body, NULL),
                              g_bytes_get_size (fixture->body), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  personalization = json_array_get_object_element (json_object_get_array_member (root, "personalizations"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (personalization, "to"), 0), "email"),
                   ==, "hr@example.org");
  from = json_object_get_object_member (root, "from");
  g_assert_cmpstr (json_object_get_string_member (from, "email"), ==, "zoe@example.com");
  g_assert_cmpstr (json_object_get_string_member (from, "name"), ==, "Zoë Ångström");
  g_assert_cmpstr (json_object_get_string_member (root, "subject"), ==, "Résumé — Zoë, 履歴書");
  content = json_array_get_object_element (json_object_get_array_member (root, "content"), 0);
  g_assert_cmpstr (json_object_get_string_member (content, "type"), ==, "text/plain");
  g_assert_cmpstr (json_object_get_string_member (content, "value"), ==, "Hello,\nmy résumé is attached.\n");
  file = json_array_get_object_element (json_object_get_array_member (root, "attachments"), 0);
  g_assert_cmpstr (json_object_get_string_member (file, "filename"), ==, "Zoë Ångström.pdf");
  g_assert_cmpstr (json_object_get_string_member (file, "type"), ==, "application/pdf");
  g_assert_cmpstr (json_object_get_string_member (file, "disposition"), ==, "attachment");
  attachment = g_base64_decode (json_object_get_string_member (file, "content"), &attachment_len);
  pdf_data = g_bytes_get_data (pdf, &pdf_len);
  g_assert_cmpmem (attachment, attachment_len, pdf_data, pdf_len);

  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_SENT);

  /* Accepted once, never posted again. */
  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_ALREADY_SENT);
  g_assert_cmpuint (fixture->n_requests, ==, 1);
}

static void
test_bad_request (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL);
  g_autoptr(GError) error = NULL;

  fixture->status = 400;
  fixture->response = "{\"errors\":[{\"message\":\"The from email does not contain a valid address.\","
                      "\"field\":\"from.email\",\"help\":null}]}";
  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_REJECTED);
  assert_failed (fixture, message,
                 "The mail relay refused the message: The from email does not contain a valid address. (from.email) (HTTP 400)",
                 FALSE);
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL);
  g_autoptr(GError) error = NULL;

  fixture->status = 401;
  /* A careless relay might echo the key: it never reaches the outbox. */
  fixture->response = "{\"errors\":[{\"message\":\"The provided authorization grant is invalid, expired, or revoked: "
                      TEST_API_KEY "\"}]}";
  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_AUTH);
  g_assert_null (strstr (error->message, TEST_API_KEY));
  assert_failed (fixture, message, "The mail relay refused the API key: The provided authorization grant is invalid", FALSE);
}

static void
test_server_error_then_accepted (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL);
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(GError) error = NULL;

  fixture->status = 503;
  fixture->response = NULL;
  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TEMPORARY);
  g_clear_error (&error);
  assert_failed (fixture, message, "could not take the message now: HTTP 503 Service Unavailable", TRUE);

  fixture->status = 202;
  g_assert_true (send_one (fixture, message, &error));
  g_assert_no_error (error);
  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_SENT);
  g_assert_cmpint (vitae_outbox_message_get_attempts (loaded), ==, 2);
  g_assert_cmpuint (fixture->n_requests, ==, 2);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL);
  g_autoptr(GError) error = NULL;

  fixture->hang = TRUE;
  g_settings_set_uint (fixture->settings, "timeout", 1);
  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TIMEOUT);
  assert_failed (fixture, message, "stopped answering (waited 1 second)", TRUE);
  g_assert_cmpuint (fixture->n_requests, ==, 1);
}

static void
test_plain_http_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL);
  g_autoptr(GError) error = NULL;

  g_settings_set_string (fixture->settings, "relay-url", "http://relay.example.com");
  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID);
  assert_failed (fixture, message, "must start with https://", FALSE);
  g_assert_cmpuint (fixture->n_requests, ==, 0);
}

static void
test_nothing_listening (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", test_free_port ());

  g_settings_set_string (fixture->settings, "relay-url", url);
  vitae_mail_secret_store_sync (VITAE_MAIL_SECRET_RELAY, url, NULL, TEST_API_KEY, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECT);
  assert_failed (fixture, message, "Could not connect to the mail relay", TRUE);
}

/* The relay over https with a certificate from the test's own CA (made by
 * tests/smtp-server.py, whose folder lends its files): refused until the CA
 * file is trusted, then accepted. */
static void
test_https_certificate (Fixture       *fixture,
                        gconstpointer  data)
{
  TestSmtpOptions options = { .tls = "implicit" };
  g_autoptr(TestSmtpServer) certificates = test_smtp_server_start (&options);
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL);
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cert_path = g_build_filename (certificates->dir, "server.pem", NULL);
  g_autofree char *key_path = g_build_filename (certificates->dir, "server.key", NULL);
  g_autofree char *url = NULL;
  GSList *uris;

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, on_request, fixture, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  g_settings_set_string (fixture->settings, "relay-url", url);
  vitae_mail_secret_store_sync (VITAE_MAIL_SECRET_RELAY, url, NULL, TEST_API_KEY, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TLS);
  g_clear_error (&error);
  assert_failed (fixture, message, "could not be reached securely", FALSE);
  g_assert_cmpuint (fixture->n_requests, ==, 0);

  g_settings_set_string (fixture->settings, "ca-file", certificates->ca_file);
  g_assert_true (vitae_outbox_retry (fixture->store, vitae_outbox_message_get_id (message), &error));
  g_assert_true (send_one (fixture, message, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_requests, ==, 1);
  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_SENT);
  soup_server_disconnect (server);
}

static void
test_no_api_key (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue (fixture, NULL);
  g_autoptr(GError) error = NULL;

  vitae_mail_secret_clear_sync (VITAE_MAIL_SECRET_RELAY, fixture->url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (send_one (fixture, message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NO_SECRET);
  assert_failed (fixture, message, "No API key for the mail relay", FALSE);
  g_assert_cmpuint (fixture->n_requests, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path_, func_) \
  g_test_add ("/vitae/mail/relay/" path_, Fixture, NULL, fixture_set_up, func_, fixture_tear_down)
  ADD ("accepted", test_accepted);
  ADD ("fault/bad-request-400", test_bad_request);
  ADD ("fault/unauthorized-401", test_unauthorized);
  ADD ("fault/server-error-503-then-accepted", test_server_error_then_accepted);
  ADD ("fault/timeout", test_timeout);
  ADD ("fault/plain-http-refused", test_plain_http_refused);
  ADD ("fault/nothing-listening", test_nothing_listening);
  ADD ("fault/no-api-key-in-keyring", test_no_api_key);
  ADD ("fault/untrusted-certificate", test_https_certificate);
#undef ADD

  return g_test_run ();
}
