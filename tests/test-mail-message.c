/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vitae-mail.h"

/* Decodes what vitae_mail_encode_header_text() wrote, word by word, and
 * checks each encoded-word's length on the way. */
static char *
decode_words (const char *encoded)
{
  g_auto(GStrv) words = g_regex_split_simple ("\r\n ", encoded, 0, 0);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gsize len = strlen (w);
      g_autofree char *b64 = NULL;
      g_autofree guchar *raw = NULL;
      gsize raw_len;

      g_assert_cmpuint (len, <=, 75);
      g_assert_true (g_str_has_prefix (w, "=?UTF-8?B?"));
      g_assert_true (g_str_has_suffix (w, "?="));
      b64 = g_strndup (w + 10, len - 12);
      raw = g_base64_decode (b64, &raw_len);
      /* Each word is whole characters on its own. */
      g_assert_true (g_utf8_validate ((const char *)raw, raw_len, NULL));
      g_string_append_len (out, (const char *)raw, raw_len);
    }
  return g_string_free (out, FALSE);
}

static void
test_header_text (void)
{
  static const char *texts[] = {
    "Résumé — Zoë Ångström",
    "履歴書 田中太郎 の職務経歴書と自己紹介を添付いたします どうぞよろしくお願いいたします",
    "مرحبا بالعالم، سيرتي الذاتية مرفقة",
    "A very long plain ASCII subject that goes well beyond the seventy-eight characters a line should have",
  };
  g_autofree char *plain = vitae_mail_encode_header_text ("Resume of Ada Lovelace", 9);
  g_autofree char *controls = vitae_mail_encode_header_text ("Hi\r\nBcc: evil@example.com", 9);

  g_assert_cmpstr (plain, ==, "Resume of Ada Lovelace");
  /* A newline cannot start a header of its own. */
  g_assert_cmpstr (controls, ==, "Hi  Bcc: evil@example.com");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *encoded = vitae_mail_encode_header_text (texts[i], 9);
      g_autofree char *decoded = decode_words (encoded);

      for (const char *p = encoded; *p; p++)
        g_assert_cmpint ((guchar)*p, <, 0x80);
      g_assert_cmpstr (decoded, ==, texts[i]);
    }
}

static void
test_mailbox (void)
{
  static const struct {
    const char *text;
    const char *name;
    const char *address;
  } good[] = {
    { "ada@example.com", NULL, "ada@example.com" },
    { "<ada@example.com>", NULL, "ada@example.com" },
    { "Ada Lovelace <ada@example.com>", "Ada Lovelace", "ada@example.com" },
    { "  \"Lovelace, Ada\"   <ada@example.com> ", "Lovelace, Ada", "ada@example.com" },
    { "\"Ada \\\"the Countess\\\"\" <ada@example.com>", "Ada \"the Countess\"", "ada@example.com" },
    { "Zoë Ångström <zoe@example.com>", "Zoë Ångström", "zoe@example.com" },
  };
  static const char *bad[] = {
    "", "ada", "ada@", "@example.com", "ada@@example.com", "ada@example..com", "Ada <ada@example.com",
    "Ada ada@example.com>", "ada@example.com\r\nRCPT TO:<x@example.com>", "ada lovelace@example.com",
    "Ada <ada@example.com> trailing", "ada@exa mple.com", "zoë@example.com",
  };
  g_autofree char *plain = vitae_mail_format_mailbox ("Ada Lovelace", "ada@example.com");
  g_autofree char *quoted = vitae_mail_format_mailbox ("Lovelace, Ada \"A.\"", "ada@example.com");
  g_autofree char *encoded = vitae_mail_format_mailbox ("Zoë Ångström", "zoe@example.com");
  g_autofree char *bare = vitae_mail_format_mailbox ("", "zoe@example.com");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *address = NULL;

      g_assert_true (vitae_mail_parse_mailbox (good[i].text, &name, &address));
      g_assert_cmpstr (name, ==, good[i].name);
      g_assert_cmpstr (address, ==, good[i].address);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("refusing %s", bad[i]);
      g_assert_false (vitae_mail_parse_mailbox (bad[i], NULL, NULL));
    }

  g_assert_cmpstr (plain, ==, "Ada Lovelace <ada@example.com>");
  g_assert_cmpstr (quoted, ==, "\"Lovelace, Ada \\\"A.\\\"\" <ada@example.com>");
  g_assert_cmpstr (encoded, ==, "=?UTF-8?B?Wm/DqyDDhW5nc3Ryw7Zt?= <zoe@example.com>");
  g_assert_cmpstr (bare, ==, "zoe@example.com");
}

static void
test_headers_and_body (void)
{
  g_autoptr(VitaeMailMessage) message = vitae_mail_message_new ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 5, 7);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) headers = NULL;
  g_autofree char *body = NULL;
  g_autofree char *joined = NULL;

  vitae_mail_message_set_from (message, "Ada Lovelace", "ada@example.com");
  vitae_mail_message_set_to (message, "hr@example.org");
  vitae_mail_message_set_subject (message, "My resume\nBcc: x@example.com");
  vitae_mail_message_set_body (message, "Hello,\nline two\r\nline three\rend");
  vitae_mail_message_set_date (message, date);
  vitae_mail_message_set_message_id (message, "0f8fad5b-d9cb-469f-a165-70867728950e");
  g_assert_true (vitae_mail_message_check (message, &error));
  g_assert_no_error (error);

  headers = vitae_mail_message_dup_headers (message);
  joined = g_strjoinv ("|", headers);
  /* English day and month, whatever the locale. */
  g_assert_cmpstr (joined, ==,
                   "Date: Sun, 1 Mar 2026 09:05:07 +0000|"
                   "From: Ada Lovelace <ada@example.com>|"
                   "To: hr@example.org|"
                   "Subject: My resume Bcc: x@example.com|"
                   "Message-ID: <0f8fad5b-d9cb-469f-a165-70867728950e@example.com>");

  body = vitae_mail_message_dup_body_crlf (message);
  g_assert_cmpstr (body, ==, "Hello,\r\nline two\r\nline three\r\nend\r\n");

  vitae_mail_message_set_to (message, "hr@example.org>\r\nDATA");
  g_assert_false (vitae_mail_message_check (message, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "recipient"));
}

static void
test_attachment_name (void)
{
  g_autoptr(VitaeMailMessage) message = vitae_mail_message_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF", 4);
  g_autofree char *ascii = NULL;
  g_autofree char *utf8 = NULL;

  vitae_mail_message_set_attachment (message, bytes, "Ada Lovelace.pdf", "application/pdf");
  ascii = vitae_mail_message_dup_content_disposition (message);
  g_assert_cmpstr (ascii, ==, "attachment; filename=\"Ada Lovelace.pdf\"");

  vitae_mail_message_set_attachment (message, bytes, "../Zoë \"CV\".pdf", "application/pdf");
  utf8 = vitae_mail_message_dup_content_disposition (message);
  g_assert_cmpstr (utf8, ==, "attachment; filename*=UTF-8''.._Zo%C3%AB%20_CV_.pdf");
}

static void
test_redact (void)
{
  g_autofree char *text = g_strdup ("535 bad: hunter2! aHVudGVyMiE= AHZpdGFlAGh1bnRlcjIh end");
  g_autofree char *untouched = g_strdup ("nothing secret here");

  vitae_mail_secret_redact (&text, "vitae", "hunter2!");
  g_assert_cmpstr (text, ==, "535 bad: … … … end");
  vitae_mail_secret_redact (&untouched, "vitae", "hunter2!");
  g_assert_cmpstr (untouched, ==, "nothing secret here");
}

static void
test_config_check (void)
{
  g_autoptr(VitaeMailConfig) config = vitae_mail_config_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (vitae_mail_config_check (config, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_NOT_CONFIGURED);
  g_clear_error (&error);

  config->transport = VITAE_MAIL_TRANSPORT_SMTP;
  config->from_address = g_strdup ("ada@example.com");
  config->smtp_host = g_strdup ("mail.example.com");
  g_assert_true (vitae_mail_config_check (config, &error));
  g_assert_no_error (error);
  g_assert_false (vitae_mail_config_needs_secret (config));

  /* In clear only to this computer. */
  config->smtp_security = VITAE_SMTP_SECURITY_NONE;
  g_assert_false (vitae_mail_config_check (config, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < 3; i++)
    {
      static const char *loopback[] = { "localhost", "127.0.0.1", "::1" };
      g_free (config->smtp_host);
      config->smtp_host = g_strdup (loopback[i]);
      g_assert_true (vitae_mail_config_check (config, &error));
      g_assert_no_error (error);
    }
  g_assert_false (vitae_mail_host_is_loopback ("127.0.0.1.example.com"));
  g_assert_false (vitae_mail_host_is_loopback ("10.0.0.1"));

  config->transport = VITAE_MAIL_TRANSPORT_RELAY;
  config->relay_url = g_strdup ("http://relay.example.com");
  g_assert_false (vitae_mail_config_check (config, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID);
  g_clear_error (&error);
  g_free (config->relay_url);
  config->relay_url = g_strdup ("https://key:secret@relay.example.com");
  g_assert_false (vitae_mail_config_check (config, &error));
  g_assert_error (error, VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_INVALID);
  g_clear_error (&error);
  g_free (config->relay_url);
  config->relay_url = g_strdup ("http://127.0.0.1:8025");
  g_assert_true (vitae_mail_config_check (config, &error));
  g_assert_true (vitae_mail_config_needs_secret (config));
}

static void
test_transient (void)
{
  g_autoptr(GError) busy = g_error_new_literal (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_TEMPORARY, "451");
  g_autoptr(GError) refused = g_error_new_literal (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_REJECTED, "554");
  g_autoptr(GError) auth = g_error_new_literal (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_AUTH, "535");
  g_autoptr(GError) gone = g_error_new_literal (VITAE_MAIL_ERROR, VITAE_MAIL_ERROR_CONNECTION_LOST, "");

  g_assert_true (vitae_mail_error_is_transient (busy));
  g_assert_true (vitae_mail_error_is_transient (gone));
  g_assert_false (vitae_mail_error_is_transient (refused));
  g_assert_false (vitae_mail_error_is_transient (auth));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/mail/message/header-text", test_header_text);
  g_test_add_func ("/vitae/mail/message/mailbox", test_mailbox);
  g_test_add_func ("/vitae/mail/message/headers-and-body", test_headers_and_body);
  g_test_add_func ("/vitae/mail/message/attachment-name", test_attachment_name);
  g_test_add_func ("/vitae/mail/message/redact", test_redact);
  g_test_add_func ("/vitae/mail/config/check", test_config_check);
  g_test_add_func ("/vitae/mail/error/transient", test_transient);

  return g_test_run ();
}
