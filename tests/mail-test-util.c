/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mail-test-util.h"
#include "vitae-json-resume.h"
#include "vitae-render.h"

TestSmtpServer *
test_smtp_server_start (const TestSmtpOptions *options)
{
  static const TestSmtpOptions defaults = { NULL, };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  TestSmtpServer *server = g_new0 (TestSmtpServer, 1);

  if (options == NULL)
    options = &defaults;

  server->dir = test_make_temp_dir ();
  g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (argv, g_test_build_filename (G_TEST_DIST, "smtp-server.py", NULL));
  g_ptr_array_add (argv, g_strdup ("--dir"));
  g_ptr_array_add (argv, g_strdup (server->dir));
  g_ptr_array_add (argv, g_strdup ("--tls"));
  g_ptr_array_add (argv, g_strdup (options->tls ? options->tls : "starttls"));
  g_ptr_array_add (argv, g_strdup ("--auth-mechs"));
  g_ptr_array_add (argv, g_strdup (options->auth_mechs ? options->auth_mechs : "PLAIN,LOGIN"));
  g_ptr_array_add (argv, g_strdup ("--user"));
  g_ptr_array_add (argv, g_strdup (TEST_SMTP_USER));
  if (options->fault != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--fault"));
      g_ptr_array_add (argv, g_strdup (options->fault));
    }
  if (options->fail_count > 0)
    {
      g_ptr_array_add (argv, g_strdup ("--fail-count"));
      g_ptr_array_add (argv, g_strdup_printf ("%d", options->fail_count));
    }
  g_ptr_array_add (argv, NULL);

  /* The password goes by the environment, not the command line. */
  g_subprocess_launcher_setenv (launcher, "VITAE_TEST_SMTP_PASSWORD", TEST_SMTP_PASSWORD, TRUE);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  server->stdin_pipe = g_object_ref (g_subprocess_get_stdin_pipe (server->process));

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "PORT "));
  server->port = (guint)g_ascii_strtoull (line + 5, NULL, 10);
  g_assert_cmpuint (server->port, >, 0);
  server->ca_file = g_build_filename (server->dir, "ca.pem", NULL);
  return server;
}

void
test_smtp_server_stop (TestSmtpServer *server)
{
  if (server == NULL)
    return;
  /* Closing its stdin tells the server to go. */
  g_output_stream_close (server->stdin_pipe, NULL, NULL);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->stdin_pipe);
  g_clear_object (&server->process);
  test_remove_tree (server->dir);
  g_free (server->dir);
  g_free (server->ca_file);
  g_free (server);
}

guint
test_smtp_server_count (TestSmtpServer *server)
{
  guint n = 0;

  for (;;)
    {
      g_autofree char *name = g_strdup_printf ("msg-%u.json", n + 1);
      g_autofree char *path = g_build_filename (server->dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return n;
      n++;
    }
}

/* Python's reading of message @n (from 1), see tests/smtp-server.py. */
JsonObject *
test_smtp_server_message (TestSmtpServer *server,
                          guint           n)
{
  g_autofree char *name = g_strdup_printf ("msg-%u.json", n);
  g_autofree char *path = g_build_filename (server->dir, name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

char *
test_smtp_server_raw_message (TestSmtpServer *server,
                              guint           n)
{
  g_autofree char *name = g_strdup_printf ("msg-%u.eml", n);
  g_autofree char *path = g_build_filename (server->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

char *
test_smtp_server_events (TestSmtpServer *server)
{
  g_autofree char *path = g_build_filename (server->dir, "events.log", NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

/* A port nothing listens on: bound, then let go. */
guint
test_free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

char *
test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vitae-mail-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
test_reset_mail_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

/* Runs the main context until @done says so, failing after @seconds. */
void
test_spin_until (gboolean (*done) (gpointer),
                 gpointer  data,
                 guint     seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
test_spin_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + (gint64)milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

GBytes *
test_load_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, &error))
    {
      g_assert_true (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
      return g_bytes_new (NULL, 0);
    }
  return g_bytes_new_take (data, size);
}

gboolean
test_bytes_contain (GBytes     *haystack,
                    const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (haystack, &size);
  gsize len = strlen (needle);

  for (gsize i = 0; data != NULL && len <= size && i <= size - len; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, len) == 0)
      return TRUE;
  return FALSE;
}

gboolean
test_file_contains (const char *path,
                    const char *needle)
{
  g_autoptr(GBytes) bytes = test_load_file (path);

  return test_bytes_contain (bytes, needle);
}

/* Every file under @dir, at any depth, read byte for byte. */
gboolean
test_dir_contains (const char *dir,
                   const char *needle)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR) ? test_dir_contains (child, needle)
                                                  : test_file_contains (child, needle))
        return TRUE;
    }
  return FALSE;
}

VitaeResume *
test_load_sample_resume (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jsonresume", "sample.resume.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VitaeResume *resume = vitae_json_resume_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return resume;
}

GBytes *
test_render_sample_pdf (VitaeResume *resume)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
  g_autoptr(GError) error = NULL;
  VitaeRenderOptions options = { NULL, };
  GBytes *pdf;

  options.creation_date = date;
  pdf = vitae_render_pdf (resume, &options, &error);
  g_assert_no_error (error);
  g_assert_true (test_bytes_contain (pdf, "%PDF-"));
  return pdf;
}

typedef struct {
  gboolean  done;
  gboolean  sent;
  GError   *error;
} SendResult;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SendResult *outcome = user_data;

  outcome->sent = vitae_mailer_send_finish (VITAE_MAILER (source), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
is_sent_or_failed (gpointer data)
{
  return ((SendResult *)data)->done;
}

/**
 * test_mailer_send:
 *
 * One attempt to send @message through @mailer, waited for (a minute at
 * most).
 *
 * Returns: whether it was sent, else %FALSE with the reason in @error
 */
gboolean
test_mailer_send (VitaeMailer         *mailer,
                  VitaeOutboxMessage  *message,
                  GCancellable        *cancellable,
                  GError             **error)
{
  SendResult outcome = { FALSE, FALSE, NULL };

  vitae_mailer_send_async (mailer, vitae_outbox_message_get_id (message), cancellable, on_sent, &outcome);
  test_spin_until (is_sent_or_failed, &outcome, 60);
  if (outcome.error != NULL)
    {
      g_test_message ("not sent: %s", outcome.error->message);
      g_propagate_error (error, outcome.error);
    }
  return outcome.sent;
}
