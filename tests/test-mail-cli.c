/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "mail-test-util.h"

/* `vitae email-setup`, `vitae send` and `vitae outbox`: the real binary, the
 * private keyring of tests/mail-session.sh, and GSettings' keyfile backend
 * in a folder of the test's own, so that the settings one command writes
 * are there for the next (the memory backend forgets them between
 * processes). Then every file Vitae wrote is searched for the password. */

typedef struct {
  char *dir;
  char *data_dir;
  char *config_dir;
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_make_temp_dir ();
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->config_dir = g_build_filename (fixture->dir, "config", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_dir);
  g_free (fixture->config_dir);
}

static gboolean
communicated (gpointer data)
{
  return *(gboolean *)data;
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gpointer *slots = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, slots[1], slots[2], &error);
  g_assert_no_error (error);
  *(gboolean *)slots[0] = TRUE;
}

/* Runs `vitae --data-dir D ARGS…` with @input on stdin; the main context
 * keeps turning meanwhile (a relay in this process may have to answer). */
static void
run_vitae (Fixture    *fixture,
           Run        *run,
           const char *input,
           ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  gpointer slots[3] = { &done, &run->out, &run->err };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("VITAE_BINARY"));
  g_ptr_array_add (argv, (gpointer)"--data-dir");
  g_ptr_array_add (argv, fixture->data_dir);
  va_start (args, input);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->config_dir, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, input ? input : "", NULL, on_communicated, slots);
  test_spin_until (communicated, &done, 120);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("vitae %s → %d\nstdout: %s\nstderr: %s", (const char *)argv->pdata[3], run->status,
                  run->out, run->err);
}

static char *
keyfile_path (Fixture *fixture)
{
  return g_build_filename (fixture->config_dir, "glib-2.0", "settings", "keyfile", NULL);
}

/* Nothing Vitae wrote holds the secret, in clear or as AUTH would send it. */
static void
assert_secret_nowhere (Fixture    *fixture,
                       const char *user,
                       const char *secret)
{
  g_autofree char *b64 = g_base64_encode ((const guchar *)secret, strlen (secret));
  g_autofree char *plain = g_strdup_printf ("%c%s%c%s", 0, user ? user : "", 0, secret);
  g_autofree char *plain_b64 = NULL;
  g_autofree char *keyfile = keyfile_path (fixture);
  gsize plain_len = strlen (user ? user : "") + strlen (secret) + 2;

  plain_b64 = g_base64_encode ((const guchar *)plain, plain_len);
  g_assert_true (g_file_test (keyfile, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fixture->data_dir, G_FILE_TEST_IS_DIR));
  for (guint i = 0; i < 3; i++)
    {
      const char *needle = i == 0 ? secret : i == 1 ? b64 : plain_b64;

      g_assert_false (test_dir_contains (fixture->data_dir, needle));
      g_assert_false (test_dir_contains (fixture->config_dir, needle));
    }
}

static VitaeOutboxMessage *
only_outbox_message (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "vitae.db", NULL);
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(VitaeOutboxMessage) first = NULL;
  g_autoptr(GError) error = NULL;
  VitaeOutboxMessage *message;

  store = vitae_store_open (path, &error);
  g_assert_no_error (error);
  list = vitae_outbox_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  first = g_list_model_get_item (list, 0);
  message = vitae_outbox_get (store, vitae_outbox_message_get_id (first), &error);
  g_assert_no_error (error);
  return message;
}

static char *
import_sample (Fixture *fixture)
{
  g_auto(Run) run = { 0, };
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "sample.resume.json", NULL);

  run_vitae (fixture, &run, NULL, "import", sample, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_strstrip (g_strdup (run.out));
}

static void
test_smtp_setup_and_send (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (NULL);
  g_autoptr(JsonObject) received = NULL;
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autofree char *host_port = g_strdup_printf ("127.0.0.1:%u", server->port);
  g_autofree char *keyfile = keyfile_path (fixture);
  g_autofree char *id = NULL;
  g_autofree char *expected_port = g_strdup_printf ("smtp-port=%u", server->port);
  g_autofree guchar *attachment = NULL;
  g_auto(Run) setup = { 0, };
  g_auto(Run) send = { 0, };
  g_auto(Run) outbox = { 0, };
  g_auto(Run) again = { 0, };
  JsonObject *part;
  gsize attachment_len, stored_len;
  gconstpointer stored;

  run_vitae (fixture, &setup, TEST_SMTP_PASSWORD "\n", "email-setup", "--smtp", host_port,
             "--security", "starttls", "--user", TEST_SMTP_USER, "--from", "Zoë Ångström <zoe@example.com>",
             "--password-stdin", "--ca-file", server->ca_file, NULL);
  g_assert_cmpint (setup.status, ==, 0);
  g_assert_nonnull (strstr (setup.out, "keyring"));
  g_assert_true (test_file_contains (keyfile, "smtp-host='127.0.0.1'"));
  g_assert_true (test_file_contains (keyfile, expected_port));
  g_assert_true (test_file_contains (keyfile, "transport='smtp'"));

  id = import_sample (fixture);
  run_vitae (fixture, &send, NULL, "send", id, "--to", "hr@example.org", "--subject", "Résumé, 履歴書", NULL);
  g_assert_cmpint (send.status, ==, 0);
  g_assert_nonnull (strstr (send.out, "Sent to hr@example.org"));

  g_assert_cmpuint (test_smtp_server_count (server), ==, 1);
  received = test_smtp_server_message (server, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (received, "headers"), "Subject"),
                   ==, "Résumé, 履歴書");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (received, "headers"), "From"),
                   ==, "Zoë Ångström <zoe@example.com>");

  /* The server got exactly the PDF the outbox holds. */
  message = only_outbox_message (fixture);
  g_assert_cmpint (vitae_outbox_message_get_status (message), ==, VITAE_OUTBOX_STATUS_SENT);
  part = json_array_get_object_element (json_object_get_array_member (received, "attachments"), 0);
  g_assert_cmpstr (json_object_get_string_member (part, "filename"), ==,
                   vitae_outbox_message_get_attachment_name (message));
  attachment = g_base64_decode (json_object_get_string_member (part, "data"), &attachment_len);
  stored = g_bytes_get_data (vitae_outbox_message_get_attachment (message), &stored_len);
  g_assert_cmpmem (attachment, attachment_len, stored, stored_len);
  g_assert_cmpmem (attachment, 5, "%PDF-", 5);

  run_vitae (fixture, &outbox, NULL, "outbox", NULL);
  g_assert_cmpint (outbox.status, ==, 0);
  g_assert_nonnull (strstr (outbox.out, "\tsent\t1\thr@example.org\tRésumé, 履歴書\t"));

  /* A sent message is not sent again. */
  run_vitae (fixture, &again, NULL, "outbox", "--retry", "1", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already sent"));
  g_assert_cmpuint (test_smtp_server_count (server), ==, 1);

  assert_secret_nowhere (fixture, TEST_SMTP_USER, TEST_SMTP_PASSWORD);
}

static void
test_send_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  TestSmtpOptions options = { .fault = "data-554" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autofree char *host_port = g_strdup_printf ("127.0.0.1:%u", server->port);
  g_autofree char *id = NULL;
  g_auto(Run) setup = { 0, };
  g_auto(Run) send = { 0, };
  g_auto(Run) outbox = { 0, };

  run_vitae (fixture, &setup, TEST_SMTP_PASSWORD, "email-setup", "--smtp", host_port, "--security", "starttls",
             "--user", TEST_SMTP_USER, "--from", "zoe@example.com", "--password-stdin",
             "--ca-file", server->ca_file, NULL);
  g_assert_cmpint (setup.status, ==, 0);
  id = import_sample (fixture);

  run_vitae (fixture, &send, NULL, "send", id, "--to", "hr@example.org", NULL);
  g_assert_cmpint (send.status, ==, 1);
  g_assert_nonnull (strstr (send.err, "refused the message: Message refused: it looks like spam"));
  g_assert_nonnull (strstr (send.err, "stays in the outbox"));
  g_assert_null (strstr (send.out, "Sent"));

  run_vitae (fixture, &outbox, NULL, "outbox", NULL);
  g_assert_nonnull (strstr (outbox.out, "\tfailed\t1\thr@example.org\t"));
  g_assert_nonnull (strstr (outbox.out, "(554 5.7.1)"));
  assert_secret_nowhere (fixture, TEST_SMTP_USER, TEST_SMTP_PASSWORD);
}

static void
test_starttls_not_offered (Fixture       *fixture,
                           gconstpointer  data)
{
  TestSmtpOptions options = { .tls = "none" };
  g_autoptr(TestSmtpServer) server = test_smtp_server_start (&options);
  g_autofree char *host_port = g_strdup_printf ("127.0.0.1:%u", server->port);
  g_autofree char *id = NULL;
  g_autofree char *log = NULL;
  g_auto(Run) setup = { 0, };
  g_auto(Run) send = { 0, };

  run_vitae (fixture, &setup, TEST_SMTP_PASSWORD, "email-setup", "--smtp", host_port, "--security", "starttls",
             "--user", TEST_SMTP_USER, "--from", "zoe@example.com", "--password-stdin", NULL);
  g_assert_cmpint (setup.status, ==, 0);
  id = import_sample (fixture);
  run_vitae (fixture, &send, NULL, "send", id, "--to", "hr@example.org", NULL);
  g_assert_cmpint (send.status, ==, 1);
  g_assert_nonnull (strstr (send.err, "does not offer STARTTLS"));
  log = test_smtp_server_events (server);
  g_assert_null (strstr (log, "AUTH"));
  g_assert_cmpuint (test_smtp_server_count (server), ==, 0);
}

typedef struct {
  guint  n_requests;
  char  *authorization;
} Relay;

static void
on_relay_request (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  Relay *relay = user_data;

  relay->n_requests++;
  g_free (relay->authorization);
  relay->authorization = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                                 "Authorization"));
  soup_server_message_set_status (msg, g_str_equal (path, "/v3/mail/send") ? 202 : 404, NULL);
}

static void
test_relay_setup_and_send (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char *key = "SG.cli-test-key.6b5a4c3d";
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeOutboxMessage) message = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected = g_strdup_printf ("Bearer %s", key);
  g_autofree char *id = NULL;
  g_auto(Run) setup = { 0, };
  g_auto(Run) send = { 0, };
  Relay relay = { 0, NULL };
  GSList *uris;

  soup_server_add_handler (server, NULL, on_relay_request, &relay, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  run_vitae (fixture, &setup, key, "email-setup", "--relay", url, "--api-key-stdin",
             "--from", "Zoë <zoe@example.com>", NULL);
  g_assert_cmpint (setup.status, ==, 0);
  id = import_sample (fixture);
  run_vitae (fixture, &send, NULL, "send", id, "--to", "hr@example.org", NULL);
  g_assert_cmpint (send.status, ==, 0);
  g_assert_cmpuint (relay.n_requests, ==, 1);
  g_assert_cmpstr (relay.authorization, ==, expected);
  message = only_outbox_message (fixture);
  g_assert_cmpint (vitae_outbox_message_get_status (message), ==, VITAE_OUTBOX_STATUS_SENT);

  assert_secret_nowhere (fixture, NULL, key);
  soup_server_disconnect (server);
  g_free (relay.authorization);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *keyfile = keyfile_path (fixture);
  g_auto(Run) on_command_line = { 0, };
  g_auto(Run) no_security = { 0, };
  g_auto(Run) bad_from = { 0, };
  g_auto(Run) clear_remote = { 0, };
  g_auto(Run) http_remote = { 0, };
  g_auto(Run) no_to = { 0, };
  g_auto(Run) empty_secret = { 0, };

  run_vitae (fixture, &on_command_line, NULL, "email-setup", "--smtp", "mail.example.com:587", "--security",
             "starttls", "--user", "zoe", "--from", "zoe@example.com", "--password", "hunter2", NULL);
  g_assert_cmpint (on_command_line.status, ==, 2);
  g_assert_nonnull (strstr (on_command_line.err, "--password-stdin"));

  run_vitae (fixture, &no_security, "pw", "email-setup", "--smtp", "mail.example.com", "--user", "zoe",
             "--from", "zoe@example.com", "--password-stdin", NULL);
  g_assert_cmpint (no_security.status, ==, 2);

  run_vitae (fixture, &bad_from, "pw", "email-setup", "--smtp", "mail.example.com", "--security", "tls",
             "--user", "zoe", "--from", "Zoë <not an address>", "--password-stdin", NULL);
  g_assert_cmpint (bad_from.status, ==, 2);

  run_vitae (fixture, &clear_remote, "pw", "email-setup", "--smtp", "mail.example.com:25", "--security", "none",
             "--user", "zoe", "--from", "zoe@example.com", "--password-stdin", NULL);
  g_assert_cmpint (clear_remote.status, ==, 1);
  g_assert_nonnull (strstr (clear_remote.err, "only to this computer"));

  run_vitae (fixture, &http_remote, "key", "email-setup", "--relay", "http://relay.example.com",
             "--api-key-stdin", "--from", "zoe@example.com", NULL);
  g_assert_cmpint (http_remote.status, ==, 1);
  g_assert_nonnull (strstr (http_remote.err, "https://"));

  run_vitae (fixture, &empty_secret, "", "email-setup", "--smtp", "mail.example.com", "--security", "tls",
             "--user", "zoe", "--from", "zoe@example.com", "--password-stdin", NULL);
  g_assert_cmpint (empty_secret.status, ==, 2);

  run_vitae (fixture, &no_to, NULL, "send", "1", NULL);
  g_assert_cmpint (no_to.status, ==, 2);

  /* None of these changed a setting. */
  g_assert_false (g_file_test (keyfile, G_FILE_TEST_EXISTS) && test_file_contains (keyfile, "transport="));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path_, func_) \
  g_test_add ("/vitae/mail/cli/" path_, Fixture, NULL, fixture_set_up, func_, fixture_tear_down)
  ADD ("smtp-setup-and-send", test_smtp_setup_and_send);
  ADD ("send-refused", test_send_refused);
  ADD ("starttls-not-offered", test_starttls_not_offered);
  ADD ("relay-setup-and-send", test_relay_setup_and_send);
  ADD ("usage", test_usage);
#undef ADD

  return g_test_run ();
}
