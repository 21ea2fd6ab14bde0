/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-mail"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n.h>
#include <string.h>

#include "vitae-mail-secret.h"
#include "vitae-smtp-transport.h"

/* SMTP through libcurl: it speaks the protocol (EHLO, STARTTLS, AUTH, dot
 * stuffing) and builds the MIME; Vitae chooses the options and turns what
 * went wrong into words. One message is one curl_easy_perform() on a GTask
 * worker thread, on copies of everything it needs. */

struct _VitaeSmtpTransport
{
  GObject            parent_instance;

  char              *host;
  guint              port;
  VitaeSmtpSecurity  security;
  char              *user;
  char              *password;
  char              *ca_file;
  guint              timeout;
};

static void vitae_smtp_transport_iface_init (VitaeMailTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VitaeSmtpTransport, vitae_smtp_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (VITAE_TYPE_MAIL_TRANSPORT,
                                                      vitae_smtp_transport_iface_init))

static const char * const security_names[] = { "starttls", "tls", "none" };

/* Everything one attempt needs, owned by the worker thread. */
typedef struct {
  char          *url;
  char          *host;
  guint          port;
  VitaeSmtpSecurity security;
  char          *user;
  char          *password;
  char          *ca_file;
  guint          timeout;
  char          *mail_from;
  char          *rcpt_to;
  char         **headers;
  char          *body;
  GBytes        *attachment;
  char          *attachment_type;
  char          *disposition;
  GCancellable  *cancellable;

  /* the server's last error reply (else its last reply), for the person */
  GString       *reply;
  GString       *last_reply;
} SendJob;

static void
send_job_free (SendJob *job)
{
  g_free (job->url);
  g_free (job->host);
  g_free (job->user);
  vitae_mail_secret_free (job->password);
  g_free (job->ca_file);
  g_free (job->mail_from);
  g_free (job->rcpt_to);
  g_strfreev (job->headers);
  g_free (job->body);
  g_clear_pointer (&job->attachment, g_bytes_unref);
  g_free (job->attachment_type);
  g_free (job->disposition);
  g_clear_object (&job->cancellable);
  g_string_free (job->reply, TRUE);
  g_string_free (job->last_reply, TRUE);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SendJob, send_job_free)

static int
on_curl_progress (void       *user_data,
                  curl_off_t  dltotal,
                  curl_off_t  dlnow,
                  curl_off_t  ultotal,
                  curl_off_t  ulnow)
{
  SendJob *job = user_data;

  /* Non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK. */
  return g_cancellable_is_cancelled (job->cancellable) ? 1 : 0;
}

/* Keeps the server's replies, and nothing Vitae sends: what goes out holds
 * the AUTH exchange. */
static int
on_curl_debug (CURL          *curl,
               curl_infotype  type,
               char          *data,
               size_t         size,
               void          *user_data)
{
  SendJob *job = user_data;

  if (type != CURLINFO_HEADER_IN)
    return 0;

  g_string_append_len (job->reply, data, size);
  /* A reply ends with a line "NNN text"; "NNN-text" lines continue it. */
  while (TRUE)
    {
      char *eol = strchr (job->reply->str, '\n');
      g_autofree char *line = NULL;

      if (eol == NULL)
        break;
      line = g_strndup (job->reply->str, eol - job->reply->str);
      g_string_erase (job->reply, 0, eol - job->reply->str + 1);
      g_strchomp (line);
      /* The reply that went wrong, not the "221 Bye" to QUIT after it. */
      if (strlen (line) >= 3 && g_ascii_isdigit (line[0]) &&
          (line[0] >= '4' || job->last_reply->len == 0 || job->last_reply->str[0] < '4'))
        g_string_assign (job->last_reply, line);
    }
  return 0;
}

/* "554 5.7.1 Message refused" -> "Message refused (554 5.7.1)" */
static char *
describe_reply (const char *reply)
{
  g_auto(GStrv) words = NULL;
  GString *text = g_string_new (NULL);
  GString *codes = g_string_new (NULL);
  guint i = 0;

  if (reply == NULL || *reply == '\0')
    {
      g_string_free (codes, TRUE);
      g_string_free (text, TRUE);
      return NULL;
    }
  words = g_strsplit (reply, " ", -1);
  for (; words[i] != NULL && i < 2; i++)
    {
      const char *w = words[i];
      gboolean is_code = (i == 0 && strlen (w) >= 3 && g_ascii_isdigit (w[0])) ||
                         (i == 1 && strlen (w) >= 5 && g_ascii_isdigit (w[0]) && w[1] == '.');
      if (!is_code)
        break;
      if (codes->len)
        g_string_append_c (codes, ' ');
      /* "250-" continuation marks are not part of the code. */
      g_string_append_len (codes, w, i == 0 ? 3 : (gssize)strlen (w));
    }
  for (; words[i] != NULL; i++)
    {
      if (text->len)
        g_string_append_c (text, ' ');
      g_string_append (text, words[i]);
    }
  if (text->len == 0)
    g_string_append (text, reply);
  else if (codes->len)
    g_string_append_printf (text, " (%s)", codes->str);
  g_string_free (codes, TRUE);
  return g_string_free (text, FALSE);
}

static GError *
error_from_curl (SendJob    *job,
                 CURLcode    rc,
                 long        reply_code,
                 const char *curl_text)
{
  g_autofree char *reply = describe_reply (job->last_reply->str);
  g_autofree char *server = g_strdup_printf ("%s:%u", job->host, job->port);
  GError *error = NULL;

  if (rc == CURLE_ABORTED_BY_CALLBACK && g_cancellable_is_cancelled (job->cancellable))
    return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Sending was cancelled"));

  switch (rc)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
      error = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECT,
                           _("The mail server “%s” could not be found. Check its name, and that this computer is online."),
                           job->host);
      break;
    case CURLE_COULDNT_CONNECT:
      error = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECT,
                           _("Could not connect to the mail server %s: nothing answered. Check the server and port, and that this computer is online."),
                           server);
      break;
    case CURLE_OPERATION_TIMEDOUT:
      error = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TIMEOUT,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "The mail server %s stopped answering (waited %u second). Vitae will try again.",
                                        "The mail server %s stopped answering (waited %u seconds). Vitae will try again.",
                                        job->timeout),
                           server, job->timeout);
      break;
    case CURLE_USE_SSL_FAILED:
      error = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_STARTTLS,
                           _("The mail server %s does not offer STARTTLS encryption, so Vitae sent neither your password nor the message. Choose TLS, or ask the server’s administrator to enable STARTTLS."),
                           server);
      break;
    case CURLE_PEER_FAILED_VERIFICATION:
      error = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TLS,
                           _("The mail server %s showed a certificate that is not trusted, so Vitae sent nothing: no authority this computer trusts signed it, or it names another server. If it is your own relay, choose its CA file in Email preferences."),
                           server);
      break;
    case CURLE_SSL_CACERT_BADFILE:
      error = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                           _("The CA file “%s” could not be read as PEM certificates"),
                           job->ca_file ? job->ca_file : "");
      break;
    case CURLE_SSL_CONNECT_ERROR:
      error = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TLS,
                           _("A secure connection to the mail server %s could not be made (%s). Check the port and the security setting."),
                           server, curl_text);
      break;
    case CURLE_LOGIN_DENIED:
      error = g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_AUTH,
                           _("The mail server refused the user name or password: %s"),
                           reply ? reply : curl_text);
      break;
    default:
      break;
    }
  if (error != NULL)
    return error;

  /* The server answered with an error of its own: say what it said. */
  if (reply_code >= 400 && reply_code < 500)
    return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TEMPORARY,
                        _("The mail server could not take the message now: %s. Vitae will try again."),
                        reply ? reply : curl_text);
  if (reply_code >= 500 && reply_code < 600)
    return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_REJECTED,
                        _("The mail server refused the message: %s"),
                        reply ? reply : curl_text);

  switch (rc)
    {
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_WEIRD_SERVER_REPLY:
      return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECTION_LOST,
                          _("The connection to the mail server %s broke off before it accepted the message. Vitae will try again."),
                          server);
    default:
      return g_error_new (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_FAILED,
                          _("The message could not be sent to %s: %s"), server, curl_text);
    }
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SendJob *job = task_data;
  CURL *curl = curl_easy_init ();
  curl_mime *mime = NULL;
  curl_mimepart *part;
  struct curl_slist *recipients = NULL;
  struct curl_slist *headers = NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  long reply_code = 0;
  CURLcode rc;

  if (curl == NULL)
    {
      g_task_return_new_error (task, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_FAILED,
                               _("The mail library could not start"));
      return;
    }

  for (guint i = 0; job->headers[i] != NULL; i++)
    headers = curl_slist_append (headers, job->headers[i]);
  recipients = curl_slist_append (recipients, job->rcpt_to);

  mime = curl_mime_init (curl);
  part = curl_mime_addpart (mime);
  curl_mime_data (part, job->body, CURL_ZERO_TERMINATED);
  curl_mime_type (part, "text/plain; charset=UTF-8");
  curl_mime_encoder (part, "quoted-printable");
  if (job->attachment != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (job->attachment, &size);
      struct curl_slist *part_headers = NULL;
      g_autofree char *disposition = g_strdup_printf ("Content-Disposition: %s", job->disposition);

      part = curl_mime_addpart (mime);
      curl_mime_data (part, data, size);
      curl_mime_type (part, job->attachment_type);
      curl_mime_encoder (part, "base64");
      part_headers = curl_slist_append (part_headers, disposition);
      curl_mime_headers (part, part_headers, 1);
    }

  curl_easy_setopt (curl, CURLOPT_URL, job->url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt (curl, CURLOPT_USE_SSL,
                    (long)(job->security == VITAE_SMTP_SECURITY_NONE ? CURLUSESSL_NONE : CURLUSESSL_ALL));
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (job->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, job->ca_file);
  if (job->user != NULL)
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, job->user);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, job->password ? job->password : "");
    }
  curl_easy_setopt (curl, CURLOPT_MAIL_FROM, job->mail_from);
  curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_MIMEPOST, mime);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long)job->timeout);
  curl_easy_setopt (curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, (long)job->timeout);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_TIME, (long)job->timeout);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long)VITAE_MAIL_MAX_SEND_SECONDS);
  /* Worker threads must not use signals for timeouts. */
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, on_curl_progress);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, job);
  curl_easy_setopt (curl, CURLOPT_DEBUGFUNCTION, on_curl_debug);
  curl_easy_setopt (curl, CURLOPT_DEBUGDATA, job);
  curl_easy_setopt (curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);

  rc = curl_easy_perform (curl);
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &reply_code);

  /* curl_easy_cleanup says QUIT; the message is already accepted or not. */
  curl_easy_cleanup (curl);
  curl_mime_free (mime);
  curl_slist_free_all (recipients);
  curl_slist_free_all (headers);

  if (rc == CURLE_OK)
    {
      g_debug ("SMTP %s accepted the message: %s", job->host, job->last_reply->str);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      GError *error = error_from_curl (job, rc, reply_code,
                                       *errbuf ? errbuf : curl_easy_strerror (rc));
      /* A hostile server could echo a credential back: never keep one. */
      vitae_mail_secret_redact (&error->message, job->user, job->password);
      g_task_return_error (task, error);
    }
}

static void
vitae_smtp_transport_send_async (VitaeMailTransport  *transport,
                                 VitaeMailMessage    *message,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  VitaeSmtpTransport *self = VITAE_SMTP_TRANSPORT (transport);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SendJob) job = g_new0 (SendJob, 1);
  g_autoptr(GError) error = NULL;
  gboolean ipv6 = strchr (self->host, ':') != NULL;

  g_task_set_source_tag (task, vitae_smtp_transport_send_async);
  /* The transport keeps its own end: cancelling makes curl stop and say so. */
  g_task_set_check_cancellable (task, FALSE);

  if (!vitae_mail_message_check (message, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (self->security == VITAE_SMTP_SECURITY_NONE && !vitae_mail_host_is_loopback (self->host))
    {
      g_task_return_new_error (task, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                               _("Vitae sends mail without encryption only to this computer (localhost). Choose STARTTLS or TLS for %s."),
                               self->host);
      return;
    }

  job->url = g_strdup_printf ("%s://%s%s%s:%u", self->security == VITAE_SMTP_SECURITY_TLS ? "smtps" : "smtp",
                              ipv6 ? "[" : "", self->host, ipv6 ? "]" : "", self->port);
  job->host = g_strdup (self->host);
  job->port = self->port;
  job->security = self->security;
  job->user = g_strdup (self->user);
  job->password = vitae_mail_secret_dup (self->password);
  job->ca_file = g_strdup (self->ca_file);
  job->timeout = self->timeout;
  job->mail_from = g_strdup_printf ("<%s>", vitae_mail_message_get_from_address (message));
  job->rcpt_to = g_strdup_printf ("<%s>", vitae_mail_message_get_to_address (message));
  job->headers = vitae_mail_message_dup_headers (message);
  job->body = vitae_mail_message_dup_body_crlf (message);
  if (vitae_mail_message_get_attachment (message) != NULL)
    {
      job->attachment = g_bytes_ref (vitae_mail_message_get_attachment (message));
      job->attachment_type = g_strdup (vitae_mail_message_get_attachment_type (message));
      job->disposition = vitae_mail_message_dup_content_disposition (message);
    }
  job->cancellable = cancellable ? g_object_ref (cancellable) : g_cancellable_new ();
  job->reply = g_string_new (NULL);
  job->last_reply = g_string_new (NULL);

  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify)send_job_free);
  g_task_run_in_thread (task, send_thread);
}

static gboolean
vitae_smtp_transport_send_finish (VitaeMailTransport  *transport,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, transport), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
vitae_smtp_transport_iface_init (VitaeMailTransportInterface *iface)
{
  iface->send_async = vitae_smtp_transport_send_async;
  iface->send_finish = vitae_smtp_transport_send_finish;
}

static void
vitae_smtp_transport_finalize (GObject *object)
{
  VitaeSmtpTransport *self = (VitaeSmtpTransport *)object;

  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->password, vitae_mail_secret_free);
  g_clear_pointer (&self->ca_file, g_free);

  G_OBJECT_CLASS (vitae_smtp_transport_parent_class)->finalize (object);
}

static void
vitae_smtp_transport_class_init (VitaeSmtpTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitae_smtp_transport_finalize;

  /* Once, on the thread that makes the first transport, before any worker. */
  curl_global_init (CURL_GLOBAL_DEFAULT);
}

static void
vitae_smtp_transport_init (VitaeSmtpTransport *self)
{
}

/* Public API --------------------------------------------------------------- */

/**
 * vitae_smtp_transport_new:
 * @user: (nullable): the user name for AUTH, or %NULL to send without
 * @password: (nullable): the password, from the keyring
 * @ca_file: (nullable): a PEM file of the CAs to trust instead of the system's
 * @timeout_seconds: how long to wait for the server to answer, 0 for the default
 *
 * Returns: (transfer full): a transport to one SMTP server
 */
VitaeSmtpTransport *
vitae_smtp_transport_new (const char        *host,
                          guint              port,
                          VitaeSmtpSecurity  security,
                          const char        *user,
                          const char        *password,
                          const char        *ca_file,
                          guint              timeout_seconds)
{
  VitaeSmtpTransport *self;

  g_return_val_if_fail (host != NULL && *host != '\0', NULL);
  g_return_val_if_fail (port > 0 && port <= 65535, NULL);
  g_return_val_if_fail (security <= VITAE_SMTP_SECURITY_NONE, NULL);

  self = g_object_new (VITAE_TYPE_SMTP_TRANSPORT, NULL);
  self->host = g_strdup (host);
  self->port = port;
  self->security = security;
  self->user = user && *user ? g_strdup (user) : NULL;
  self->password = vitae_mail_secret_dup (password);
  self->ca_file = ca_file && *ca_file ? g_strdup (ca_file) : NULL;
  self->timeout = timeout_seconds ? timeout_seconds : VITAE_SMTP_DEFAULT_TIMEOUT;
  return self;
}

const char *
vitae_smtp_security_to_string (VitaeSmtpSecurity security)
{
  g_return_val_if_fail (security <= VITAE_SMTP_SECURITY_NONE, NULL);
  return security_names[security];
}

gboolean
vitae_smtp_security_from_string (const char        *text,
                                 VitaeSmtpSecurity *security)
{
  for (guint i = 0; i < G_N_ELEMENTS (security_names); i++)
    if (g_strcmp0 (security_names[i], text) == 0)
      {
        *security = (VitaeSmtpSecurity)i;
        return TRUE;
      }
  return FALSE;
}
