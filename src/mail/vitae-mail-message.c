/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-mail"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vitae-mail-error.h"
#include "vitae-mail-message.h"

struct _VitaeMailMessage
{
  GObject    parent_instance;

  char      *from_name;
  char      *from_address;
  char      *to_address;
  char      *subject;
  char      *body;
  char      *message_id;
  GDateTime *date;
  GBytes    *attachment;
  char      *attachment_name;
  char      *attachment_type;
};

G_DEFINE_FINAL_TYPE (VitaeMailMessage, vitae_mail_message, G_TYPE_OBJECT)

/* An encoded-word is at most 75 characters: "=?UTF-8?B?" + base64 + "?=".
 * 45 bytes of UTF-8 make 60 characters of base64. */
#define ENCODED_WORD_MAX_BYTES 45

static gboolean
is_plain_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar)*p < 0x20 || (guchar)*p > 0x7e)
      return FALSE;
  return TRUE;
}

/* RFC 5322 atext, plus the spaces between words of a phrase. */
static gboolean
is_phrase_text (const char *text)
{
  static const char specials[] = "!#$%&'*+-/=?^_`{|}~ ";

  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr (specials, *p) == NULL)
      return FALSE;
  return TRUE;
}

/* Control characters (a newline in a subject) become spaces: they would
 * end the header, or start another. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  for (char *p = copy; *p; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = ' ';
  return copy;
}

/* Encoded-words of at most ENCODED_WORD_MAX_BYTES, cut between characters. */
static char *
encode_words (const char *text,
              const char *separator)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *end = p;
      g_autofree char *b64 = NULL;

      while (*end)
        {
          const char *next = g_utf8_next_char (end);
          if (next - p > ENCODED_WORD_MAX_BYTES)
            break;
          end = next;
        }
      b64 = g_base64_encode ((const guchar *)p, end - p);
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append_printf (out, "=?UTF-8?B?%s?=", b64);
      p = end;
    }
  return g_string_free (out, FALSE);
}

/* RFC 5322 date in English, whatever the locale. */
static char *
format_date (GDateTime *date)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autofree char *rest = g_date_time_format (date, "%Y %H:%M:%S %z");

  return g_strdup_printf ("%s, %d %s %s", days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1], rest);
}

static char *
domain_of (const char *address)
{
  const char *at = address ? strrchr (address, '@') : NULL;

  return g_strdup (at && at[1] ? at + 1 : "localhost");
}

static void
vitae_mail_message_finalize (GObject *object)
{
  VitaeMailMessage *self = (VitaeMailMessage *)object;

  g_clear_pointer (&self->from_name, g_free);
  g_clear_pointer (&self->from_address, g_free);
  g_clear_pointer (&self->to_address, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->message_id, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->attachment, g_bytes_unref);
  g_clear_pointer (&self->attachment_name, g_free);
  g_clear_pointer (&self->attachment_type, g_free);

  G_OBJECT_CLASS (vitae_mail_message_parent_class)->finalize (object);
}

static void
vitae_mail_message_class_init (VitaeMailMessageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vitae_mail_message_finalize;
}

static void
vitae_mail_message_init (VitaeMailMessage *self)
{
  self->subject = g_strdup ("");
  self->body = g_strdup ("");
}

/* Public API --------------------------------------------------------------- */

VitaeMailMessage *
vitae_mail_message_new (void)
{
  return g_object_new (VITAE_TYPE_MAIL_MESSAGE, NULL);
}

const char *
vitae_mail_message_get_from_name (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->from_name;
}

const char *
vitae_mail_message_get_from_address (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->from_address;
}

/**
 * vitae_mail_message_set_from:
 * @name: (nullable): a display name in UTF-8
 * @address: an address, such as ada@example.com
 */
void
vitae_mail_message_set_from (VitaeMailMessage *self,
                             const char       *name,
                             const char       *address)
{
  g_return_if_fail (VITAE_IS_MAIL_MESSAGE (self));

  g_free (self->from_name);
  self->from_name = name && *name ? one_line (name) : NULL;
  g_free (self->from_address);
  self->from_address = g_strdup (address);
}

const char *
vitae_mail_message_get_to_address (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->to_address;
}

void
vitae_mail_message_set_to (VitaeMailMessage *self,
                           const char       *address)
{
  g_return_if_fail (VITAE_IS_MAIL_MESSAGE (self));

  g_free (self->to_address);
  self->to_address = g_strdup (address);
}

const char *
vitae_mail_message_get_subject (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->subject;
}

void
vitae_mail_message_set_subject (VitaeMailMessage *self,
                                const char       *subject)
{
  g_return_if_fail (VITAE_IS_MAIL_MESSAGE (self));

  g_free (self->subject);
  self->subject = one_line (subject);
}

const char *
vitae_mail_message_get_body (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->body;
}

void
vitae_mail_message_set_body (VitaeMailMessage *self,
                             const char       *body)
{
  g_return_if_fail (VITAE_IS_MAIL_MESSAGE (self));

  g_free (self->body);
  self->body = g_strdup (body ? body : "");
}

/**
 * vitae_mail_message_get_message_id:
 *
 * Returns: (nullable): the Message-ID without its angle brackets
 */
const char *
vitae_mail_message_get_message_id (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->message_id;
}

/**
 * vitae_mail_message_set_message_id:
 * @message_id: (nullable): "left@right", or a bare token to which the sender's
 *   domain is added; %NULL makes a new one
 */
void
vitae_mail_message_set_message_id (VitaeMailMessage *self,
                                   const char       *message_id)
{
  g_return_if_fail (VITAE_IS_MAIL_MESSAGE (self));

  g_free (self->message_id);
  self->message_id = message_id ? one_line (message_id) : NULL;
  if (self->message_id != NULL)
    g_strdelimit (self->message_id, "<> ", '-');
}

GDateTime *
vitae_mail_message_get_date (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->date;
}

void
vitae_mail_message_set_date (VitaeMailMessage *self,
                             GDateTime        *date)
{
  g_return_if_fail (VITAE_IS_MAIL_MESSAGE (self));

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
}

GBytes *
vitae_mail_message_get_attachment (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->attachment;
}

const char *
vitae_mail_message_get_attachment_name (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->attachment_name;
}

const char *
vitae_mail_message_get_attachment_type (VitaeMailMessage *self)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);
  return self->attachment_type;
}

/**
 * vitae_mail_message_set_attachment:
 * @data: (nullable): the file's bytes, or %NULL for none
 * @filename: the name the recipient sees, UTF-8
 * @content_type: (nullable): such as application/pdf
 */
void
vitae_mail_message_set_attachment (VitaeMailMessage *self,
                                   GBytes           *data,
                                   const char       *filename,
                                   const char       *content_type)
{
  g_return_if_fail (VITAE_IS_MAIL_MESSAGE (self));
  g_return_if_fail (data == NULL || filename != NULL);

  g_clear_pointer (&self->attachment, g_bytes_unref);
  g_clear_pointer (&self->attachment_name, g_free);
  g_clear_pointer (&self->attachment_type, g_free);
  if (data == NULL)
    return;
  self->attachment = g_bytes_ref (data);
  self->attachment_name = one_line (filename);
  /* A path is no file name; quotes would end the parameter. */
  g_strdelimit (self->attachment_name, "/\\\"", '_');
  self->attachment_type = g_strdup (content_type ? content_type : "application/octet-stream");
}

/**
 * vitae_mail_message_check:
 *
 * Returns: %TRUE when the message has a valid sender and recipient, with
 *   %VITAE_MAIL_ERROR_INVALID saying which is wrong otherwise
 */
gboolean
vitae_mail_message_check (VitaeMailMessage  *self,
                          GError           **error)
{
  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), FALSE);

  if (!vitae_mail_address_is_valid (self->from_address))
    {
      g_set_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                   _("The sender address “%s” is not a valid email address"),
                   self->from_address ? self->from_address : "");
      return FALSE;
    }
  if (!vitae_mail_address_is_valid (self->to_address))
    {
      g_set_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                   _("The recipient address “%s” is not a valid email address"),
                   self->to_address ? self->to_address : "");
      return FALSE;
    }
  if (!g_utf8_validate (self->subject, -1, NULL) || !g_utf8_validate (self->body, -1, NULL) ||
      (self->from_name && !g_utf8_validate (self->from_name, -1, NULL)))
    {
      g_set_error_literal (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID,
                           _("The message is not valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

/**
 * vitae_mail_message_dup_headers:
 *
 * The message's own header lines (Date, From, To, Subject, Message-ID),
 * ready for the wire: UTF-8 in encoded-words, no line longer than allowed.
 * MIME headers are the transport's.
 *
 * Returns: (transfer full): a %NULL-terminated array of "Name: value"
 */
char **
vitae_mail_message_dup_headers (VitaeMailMessage *self)
{
  GPtrArray *headers = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);

  date = format_date (self->date ? self->date : now);
  from = vitae_mail_format_mailbox (self->from_name, self->from_address);
  to = vitae_mail_format_mailbox (NULL, self->to_address);
  subject = vitae_mail_encode_header_text (self->subject, strlen ("Subject: "));
  if (self->message_id != NULL && strchr (self->message_id, '@') != NULL)
    id = g_strdup (self->message_id);
  else
    {
      g_autofree char *domain = domain_of (self->from_address);
      g_autofree char *token = self->message_id ? g_strdup (self->message_id) : g_uuid_string_random ();
      id = g_strdup_printf ("%s@%s", token, domain);
    }

  g_ptr_array_add (headers, g_strdup_printf ("Date: %s", date));
  g_ptr_array_add (headers, g_strdup_printf ("From: %s", from));
  g_ptr_array_add (headers, g_strdup_printf ("To: %s", to));
  g_ptr_array_add (headers, g_strdup_printf ("Subject: %s", subject));
  g_ptr_array_add (headers, g_strdup_printf ("Message-ID: <%s>", id));
  g_ptr_array_add (headers, NULL);
  return (char **)g_ptr_array_free (headers, FALSE);
}

/**
 * vitae_mail_message_dup_body_crlf:
 *
 * Returns: (transfer full): the text with every line ending in CRLF, as SMTP
 *   wants it
 */
char *
vitae_mail_message_dup_body_crlf (VitaeMailMessage *self)
{
  GString *out;

  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);

  out = g_string_sized_new (strlen (self->body) + 64);
  for (const char *p = self->body; *p; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      if (*p == '\r' || *p == '\n')
        g_string_append (out, "\r\n");
      else
        g_string_append_c (out, *p);
    }
  if (out->len < 2 || strcmp (out->str + out->len - 2, "\r\n") != 0)
    g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}

/**
 * vitae_mail_message_dup_content_disposition:
 *
 * Returns: (transfer full) (nullable): the attachment's Content-Disposition
 *   value, with an RFC 2231 filename* when the name is not plain ASCII
 */
char *
vitae_mail_message_dup_content_disposition (VitaeMailMessage *self)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (VITAE_IS_MAIL_MESSAGE (self), NULL);

  if (self->attachment == NULL)
    return NULL;
  if (is_plain_ascii (self->attachment_name))
    return g_strdup_printf ("attachment; filename=\"%s\"", self->attachment_name);

  /* RFC 2231 alone, as Thunderbird and Python write it: with a plain
   * filename beside it, readers disagree about which one wins. */
  escaped = g_uri_escape_string (self->attachment_name, NULL, FALSE);
  return g_strdup_printf ("attachment; filename*=UTF-8''%s", escaped);
}

/**
 * vitae_mail_address_is_valid:
 *
 * A plain addr-spec, local@domain, in ASCII: what SMTP without SMTPUTF8 and
 * every relay API take. No display name, no comments, nothing that could
 * end an SMTP command or a header.
 */
gboolean
vitae_mail_address_is_valid (const char *address)
{
  const char *at;
  const char *domain;

  if (address == NULL || *address == '\0' || strlen (address) > 254)
    return FALSE;
  for (const char *p = address; *p; p++)
    if ((guchar)*p <= 0x20 || (guchar)*p >= 0x7f || strchr ("<>()[],;:\"\\", *p) != NULL)
      return FALSE;
  at = strrchr (address, '@');
  if (at == NULL || at == address || strchr (address, '@') != at || at - address > 64)
    return FALSE;
  domain = at + 1;
  if (*domain == '\0' || *domain == '.' || domain[strlen (domain) - 1] == '.' || strstr (domain, "..") != NULL)
    return FALSE;
  for (const char *p = domain; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

/**
 * vitae_mail_parse_mailbox:
 * @text: "Name <address>", "\"Name\" <address>", "<address>" or "address"
 * @name: (out) (optional) (transfer full): the display name, or %NULL
 * @address: (out) (optional) (transfer full): the address
 *
 * Returns: %TRUE when @text holds one valid address
 */
gboolean
vitae_mail_parse_mailbox (const char  *text,
                          char       **name,
                          char       **address)
{
  g_autofree char *copy = NULL;
  g_autofree char *found_name = NULL;
  g_autofree char *found_address = NULL;
  char *open, *close;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      return FALSE;
  copy = g_strstrip (g_strdup (text));
  open = strrchr (copy, '<');
  close = strrchr (copy, '>');
  if (open != NULL || close != NULL)
    {
      if (open == NULL || close == NULL || close < open || close[1] != '\0')
        return FALSE;
      *close = '\0';
      found_address = g_strstrip (g_strdup (open + 1));
      *open = '\0';
      found_name = g_strstrip (g_strdup (copy));
      if (found_name[0] == '"')
        {
          gsize len = strlen (found_name);
          GString *unquoted = g_string_new (NULL);

          if (len < 2 || found_name[len - 1] != '"')
            {
              g_string_free (unquoted, TRUE);
              return FALSE;
            }
          for (gsize i = 1; i < len - 1; i++)
            {
              if (found_name[i] == '\\' && i + 1 < len - 1)
                i++;
              g_string_append_c (unquoted, found_name[i]);
            }
          g_free (found_name);
          found_name = g_string_free (unquoted, FALSE);
        }
      if (*found_name == '\0')
        g_clear_pointer (&found_name, g_free);
    }
  else
    found_address = g_strdup (copy);

  if (!vitae_mail_address_is_valid (found_address))
    return FALSE;
  if (name != NULL)
    *name = g_steal_pointer (&found_name);
  if (address != NULL)
    *address = g_steal_pointer (&found_address);
  return TRUE;
}

/**
 * vitae_mail_format_mailbox:
 * @name: (nullable): a display name in UTF-8
 *
 * Returns: (transfer full): "Name <address>" for a header: the name as it
 *   is, quoted, or in encoded-words, as it needs
 */
char *
vitae_mail_format_mailbox (const char *name,
                           const char *address)
{
  g_autofree char *clean = one_line (name);
  g_autofree char *phrase = NULL;

  g_strstrip (clean);
  if (*clean == '\0')
    return g_strdup (address);

  if (is_phrase_text (clean))
    phrase = g_strdup (clean);
  else if (is_plain_ascii (clean))
    {
      GString *quoted = g_string_new ("\"");
      for (const char *p = clean; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (quoted, '\\');
          g_string_append_c (quoted, *p);
        }
      g_string_append_c (quoted, '"');
      phrase = g_string_free (quoted, FALSE);
    }
  else
    phrase = encode_words (clean, " ");

  return g_strdup_printf ("%s <%s>", phrase, address);
}

/**
 * vitae_mail_encode_header_text:
 * @used: how many characters the header's name took on its first line
 *
 * Returns: (transfer full): @text for an unstructured header (Subject): as
 *   it is when it is short plain ASCII, else RFC 2047 encoded-words of UTF-8
 *   folded on lines of their own
 */
char *
vitae_mail_encode_header_text (const char *text,
                               gsize       used)
{
  g_autofree char *clean = one_line (text);

  if (is_plain_ascii (clean) && used + strlen (clean) <= 78)
    return g_steal_pointer (&clean);
  return encode_words (clean, "\r\n ");
}
