/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "vitae-core.h"
#include "vitae-mail.h"

G_BEGIN_DECLS

/* The SMTP peer of the mail tests: tests/smtp-server.py (Debian's aiosmtpd,
 * run by /usr/bin/python3) on 127.0.0.1, a free port, its own folder. */
typedef struct {
  GSubprocess *process;
  GOutputStream *stdin_pipe;
  char        *dir;
  guint        port;
  char        *ca_file;
} TestSmtpServer;

typedef struct {
  const char *tls;          /* "starttls" (default), "implicit", "none" */
  const char *auth_mechs;   /* "PLAIN,LOGIN" (default) */
  const char *fault;        /* NULL, "data-451", "data-554", "rcpt-550", "drop-mid-data", "silent" */
  int         fail_count;   /* refuse the first N messages */
} TestSmtpOptions;

#define TEST_SMTP_USER     "vitae"
#define TEST_SMTP_PASSWORD "correct horse battery staple"

TestSmtpServer *test_smtp_server_start         (const TestSmtpOptions *options);
void            test_smtp_server_stop          (TestSmtpServer        *server);
guint           test_smtp_server_count         (TestSmtpServer        *server);
JsonObject     *test_smtp_server_message       (TestSmtpServer        *server,
                                                guint                  n);
char           *test_smtp_server_raw_message   (TestSmtpServer        *server,
                                                guint                  n);
char           *test_smtp_server_events        (TestSmtpServer        *server);

guint           test_free_port                 (void);
char           *test_make_temp_dir             (void);
void            test_remove_tree               (const char            *path);
void            test_reset_mail_settings       (GSettings             *settings);
void            test_spin_until                (gboolean             (*done) (gpointer),
                                                gpointer               data,
                                                guint                  seconds);
void            test_spin_for                  (guint                  milliseconds);
GBytes         *test_load_file                 (const char            *path);
gboolean        test_bytes_contain             (GBytes                *haystack,
                                                const char            *needle);
gboolean        test_file_contains             (const char            *path,
                                                const char            *needle);
gboolean        test_dir_contains              (const char            *dir,
                                                const char            *needle);
gboolean        test_mailer_send               (VitaeMailer           *mailer,
                                                VitaeOutboxMessage    *message,
                                                GCancellable          *cancellable,
                                                GError               **error);
VitaeResume    *test_load_sample_resume        (void);
GBytes         *test_render_sample_pdf         (VitaeResume           *resume);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSmtpServer, test_smtp_server_stop)

G_END_DECLS
