/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-mail"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "vitae-mail-secret.h"
#include "vitae-relay-transport.h"
#include "vitae-smtp-transport.h"

/* An HTTP mail relay that speaks SendGrid's v3 API: POST {base}/v3/mail/send
 * with a JSON message and "Authorization: Bearer KEY"; 202 (or any 2xx)
 * means accepted. libsoup does the HTTP, asynchronously on the caller's
 * main context. */

struct _VitaeRelayTransport
{
  GObject      parent_instance;

  char        *base_url;
  char        *api_key;
  char        *ca_file;
  guint        timeout;
  SoupSession *session;
};

static void vitae_relay_transport_iface_init (VitaeMailTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VitaeRelayTransport, vitae_relay_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VITAE_TYPE_MAIL_TRANSPORT,
                                                      vitae_relay_transport_iface_init))

typedef struct {
  SoupMessage  *message;
  GCancellable *cancellable;   /* ours: the caller's, or the overall limit's */
  gulong        forward_id;
  GCancellable *caller;
  guint         limit_id;
} RelayJob;

static void
relay_job_free (RelayJob *job)
{
  if (job->forward_id != 0)
    g_cancellable_disconnect (job->caller, job->forward_id);
  g_clear_handle_id (&job->limit_id, g_source_remove);
  g_clear_object (&job->message);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->caller);
  g_free (job);
}

static char *
build_json (VitaeMailMessage *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *from_name = vitae_mail_message_get_from_name (message);
  GBytes *attachment = vitae_mail_message_get_attachment (message);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "personalizations");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "to");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, vitae_mail_message_get_to_address (message));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "from");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, vitae_mail_message_get_from_address (message));
  if (from_name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, from_name);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, vitae_mail_message_get_subject (message));

  json_builder_set_member_name (builder, "content");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text/plain");
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, vitae_mail_message_get_body (message));
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  if (attachment != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (attachment, &size);
      g_autofree char *b64 = g_base64_encode (data, size);

      json_builder_set_member_name (builder, "attachments");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, b64);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, vitae_mail_message_get_attachment_type (message));
      json_builder_set_member_name (builder, "filename");
      json_builder_add_string_value (builder, vitae_mail_message_get_attachment_name (message));
      json_builder_set_member_name (builder, "disposition");
      json_builder_add_string_value (builder, "attachment");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* SendGrid's {"errors": [{"message": "…", "field": "…"}]}, or the start of
 * whatever text the relay sent. */
static char *
describe_error_body (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  JsonNode *root;

  if (data == NULL || size == 0)
    return NULL;

  if (json_parser_load_from_data (parser, data, size, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      GString *text = g_string_new (NULL);

      if (json_object_has_member (object, "errors") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "errors")))
        {
          JsonArray *errors = json_object_get_array_member (object, "errors");

          for (guint i = 0; i < json_array_get_length (errors) && i < 5; i++)
            {
              JsonNode *node = json_array_get_element (errors, i);
              JsonObject *item;
              const char *message, *field;

              if (!JSON_NODE_HOLDS_OBJECT (node))
                continue;
              item = json_node_get_object (node);
              message = json_object_get_string_member_with_default (item, "message", NULL);
              field = json_object_get_string_member_with_default (item, "field", NULL);
              if (message == NULL)
                continue;
              if (text->len)
                g_string_append (text, "; ");
              g_string_append (text, message);
              if (field != NULL && *field)
                g_string_append_printf (text, " (%s)", field);
            }
        }
      else if (json_object_has_member (object, "message"))
        g_string_append (text, json_object_get_string_member_with_default (object, "message", ""));
      if (text->len > 0)
        return g_string_free (text, FALSE);
      g_string_free (text, TRUE);
    }

  if (g_utf8_validate (data, size, NULL))
    {
      g_autofree char *copy = g_strndup (data, MIN (size, 200));
      g_strdelimit (copy, "\r\n\t", ' ');
      return g_strstrip (g_steal_pointer (&copy));
    }
  return NULL;
}

static GError *
error_from_status (guint       status,
                   const char *reason_phrase,
                   GBytes     *body)
{
  g_autofree char *detail = describe_error_body (body);
  g_autofree char *said = detail ? g_strdup_printf ("%s (HTTP %u)", detail, status)
                                 : g_strdup_printf ("HTTP %u %s", status, reason_phrase ? reason_phrase : "");

  if (status == 401 || status == 403)
    return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_AUTH,
                        _("The mail relay refused the API key: %s"), said);
  if (status == 408 || status == 429 || status >= 500)
    return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TEMPORARY,
                        _("The mail relay could not take the message now: %s. Vitae will try again."), said);
  if (status >= 400)
    return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_REJECTED,
                        _("The mail relay refused the message: %s"), said);
  return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_FAILED,
                      _("The mail relay gave an unexpected answer: %s"), said);
}

static GError *
error_from_io (GError     *error,
               const char *url,
               guint       timeout)
{
  GError *ours;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      ours = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Sending was cancelled"));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    ours = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TIMEOUT,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "The mail relay %s stopped answering (waited %u second). Vitae will try again.",
                                     "The mail relay %s stopped answering (waited %u seconds). Vitae will try again.",
                                     timeout),
                        url, timeout);
  else if (error->domain == G_TLS_ERROR)
    ours = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TLS,
                        _("The mail relay %s could not be reached securely, so Vitae sent nothing (%s). If it is your own relay, choose its CA file in Email preferences."),
                        url, error->message);
  else if (error->domain == G_RESOLVER_ERROR ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    ours = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECT,
                        _("Could not connect to the mail relay %s (%s). Check the address, and that this computer is online."),
                        url, error->message);
  else
    ours = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECTION_LOST,
                        _("The connection to the mail relay %s broke off before it accepted the message (%s). Vitae will try again."),
                        url, error->message);
  g_error_free (error);
  return ours;
}

static gboolean
on_send_limit (gpointer user_data)
{
  RelayJob *job = user_data;

  job->limit_id = 0;
  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_caller_cancelled (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VitaeRelayTransport *self = g_task_get_source_object (task);
  RelayJob *job = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint status;

  if (body == NULL)
    {
      GError *ours;

      /* Our own overall limit ran out, not the caller's patience. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !(job->caller && g_cancellable_is_cancelled (job->caller)))
        {
          g_clear_error (&error);
          error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "timed out");
        }
      ours = error_from_io (error, self->base_url, self->timeout);
      vitae_mail_secret_redact (&ours->message, NULL, self->api_key);
      g_task_return_error (task, ours);
      return;
    }

  status = soup_message_get_status (job->message);
  if (status >= 200 && status < 300)
    {
      g_debug ("Relay %s accepted the message (HTTP %u)", self->base_url, status);
      g_task_return_boolean (task, TRUE);
      return;
    }

  error = error_from_status (status, soup_message_get_reason_phrase (job->message), body);
  vitae_mail_secret_redact (&error->message, NULL, self->api_key);
  g_task_return_error (task, error);
}

static void
vitae_relay_transport_send_async (VitaeMailTransport  *transport,
                                  VitaeMailMessage    *message,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  VitaeRelayTransport *self = VITAE_RELAY_TRANSPORT (transport);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;
  RelayJob *job;
  char *text;

  g_task_set_source_tag (task, vitae_relay_transport_send_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!vitae_mail_message_check (message, &error) || !vitae_relay_url_check (self->base_url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->session == NULL)
    {
      self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                     "user-agent", "Vitae/" PACKAGE_VERSION " ",
                                                     NULL);
      if (self->ca_file != NULL)
        {
          g_autoptr(GTlsDatabase) database = g_tls_file_database_new (self->ca_file, &error);

          if (database == NULL)
            {
              g_task_return_new_error (task, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                                       _("The CA file “%s” could not be read as PEM certificates"),
                                       self->ca_file);
              g_clear_object (&self->session);
              return;
            }
          soup_session_set_tls_database (self->session, database);
        }
    }

  url = g_strdup_printf ("%s/v3/mail/send", self->base_url);
  text = build_json (message);
  json = g_bytes_new_take (text, strlen (text));

  job = g_new0 (RelayJob, 1);
  job->message = soup_message_new (SOUP_METHOD_POST, url);
  job->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      job->caller = g_object_ref (cancellable);
      job->forward_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                               g_object_ref (job->cancellable), g_object_unref);
    }
  job->limit_id = g_timeout_add_seconds (VITAE_MAIL_MAX_SEND_SECONDS, on_send_limit, job);
  g_task_set_task_data (task, job, (GDestroyNotify)relay_job_free);

  headers = soup_message_get_request_headers (job->message);
  authorization = g_strdup_printf ("Bearer %s", self->api_key ? self->api_key : "");
  soup_message_headers_replace (headers, "Authorization", authorization);
  memset (authorization, 0, strlen (authorization));
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_set_request_body_from_bytes (job->message, "application/json", json);

  soup_session_send_and_read_async (self->session, job->message, G_PRIORITY_DEFAULT,
                                    job->cancellable, on_sent, g_steal_pointer (&task));
}

static gboolean
vitae_relay_transport_send_finish (VitaeMailTransport  *transport,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, transport), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
vitae_relay_transport_iface_init (VitaeMailTransportInterface *iface)
{
  iface->send_async = vitae_relay_transport_send_async;
  iface->send_finish = vitae_relay_transport_send_finish;
}

static void
vitae_relay_transport_dispose (GObject *object)
{
  VitaeRelayTransport *self = (VitaeRelayTransport *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vitae_relay_transport_parent_class)->dispose (object);
}

static void
vitae_relay_transport_finalize (GObject *object)
{
  VitaeRelayTransport *self = (VitaeRelayTransport *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, vitae_mail_secret_free);
  g_clear_pointer (&self->ca_file, g_free);

  G_OBJECT_CLASS (vitae_relay_transport_parent_class)->finalize (object);
}

static void
vitae_relay_transport_class_init (VitaeRelayTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vitae_relay_transport_dispose;
  object_class->finalize = vitae_relay_transport_finalize;
}

static void
vitae_relay_transport_init (VitaeRelayTransport *self)
{
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_relay_url_check:
 *
 * Returns: %TRUE for an https:// URL, or an http:// one to this computer
 *   (a relay on localhost); %VITAE_MAIL_ERROR_INVALID says why not
 */
gboolean
vitae_relay_url_check (const char  *base_url,
                       GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (base_url != NULL && *base_url != '\0')
    uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                   _("“%s” is not a web address such as https://api.sendgrid.com"),
                   base_url ? base_url : "");
      return FALSE;
    }
  if (g_uri_get_user (uri) != NULL || g_uri_get_query (uri) != NULL)
    {
      g_set_error_literal (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                           _("The relay address must not hold a user name or a query: the API key goes in the keyring"));
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0 && vitae_mail_host_is_loopback (g_uri_get_host (uri)))
    return TRUE;
  g_set_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
               _("The relay address must start with https:// (plain http:// only for this computer): %s"),
               base_url);
  return FALSE;
}

/**
 * vitae_relay_transport_new:
 * @base_url: such as https://api.sendgrid.com
 * @api_key: the key, from the keyring
 * @ca_file: (nullable): a PEM file of CAs to trust instead of the system's
 * @timeout_seconds: how long to wait for the relay, 0 for the default
 *
 * Returns: (transfer full): a transport to one relay
 */
VitaeRelayTransport *
vitae_relay_transport_new (const char *base_url,
                           const char *api_key,
                           const char *ca_file,
                           guint       timeout_seconds)
{
  VitaeRelayTransport *self;
  gsize len;

  g_return_val_if_fail (base_url != NULL, NULL);

  self = g_object_new (VITAE_TYPE_RELAY_TRANSPORT, NULL);
  self->base_url = g_strdup (base_url);
  len = strlen (self->base_url);
  while (len > 0 && self->base_url[len - 1] == '/')
    self->base_url[--len] = '\0';
  self->api_key = vitae_mail_secret_dup (api_key);
  self->ca_file = ca_file && *ca_file ? g_strdup (ca_file) : NULL;
  self->timeout = timeout_seconds ? timeout_seconds : VITAE_SMTP_DEFAULT_TIMEOUT;
  return self;
}
