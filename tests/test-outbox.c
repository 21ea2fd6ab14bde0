/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "vitae-core.h"
#include "vitae-outbox.h"

typedef struct {
  char       *dir;
  char       *path;
  VitaeStore *store;
  VitaeUser  *user;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("vitae-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "vitae.db", NULL);
  fixture->store = vitae_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->user = vitae_store_create_user (fixture->store, "Ada Lovelace", "ada@example.com", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->user);
  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static VitaeOutboxMessage *
queue_one (Fixture *fixture,
           GBytes  *attachment)
{
  g_autoptr(GError) error = NULL;
  VitaeOutboxMessage *message;

  message = vitae_outbox_queue (fixture->store, vitae_user_get_id (fixture->user), 0,
                                VITAE_OUTBOX_KIND_MESSAGE, "hr@example.com",
                                "Résumé of Ada", "Hello,\nplease find my resume.",
                                attachment, attachment ? "Ada Lovelace.pdf" : NULL,
                                attachment ? "application/pdf" : NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (message);
  return message;
}

static guint
n_due (Fixture *fixture,
       gint64   when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) due = vitae_outbox_list_due (fixture->store, when, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (due);
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
test_queue (Fixture       *fixture,
            gconstpointer  data)
{
  static const guint8 pdf[] = "%PDF-1.5\n\0\x01\x02binary\n%%EOF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf, sizeof pdf);
  g_autoptr(VitaeOutboxMessage) message = queue_one (fixture, bytes);
  g_autoptr(VitaeOutboxMessage) other = queue_one (fixture, NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(VitaeOutboxMessage) first = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (vitae_outbox_message_get_status (message), ==, VITAE_OUTBOX_STATUS_QUEUED);
  g_assert_cmpint (vitae_outbox_message_get_attempts (message), ==, 0);
  g_assert_cmpstr (vitae_outbox_message_get_subject (message), ==, "Résumé of Ada");
  g_assert_cmpstr (vitae_outbox_message_get_body (message), ==, "Hello,\nplease find my resume.");
  g_assert_cmpstr (vitae_outbox_message_get_kind (message), ==, VITAE_OUTBOX_KIND_MESSAGE);
  g_assert_cmpstr (vitae_outbox_message_get_attachment_name (message), ==, "Ada Lovelace.pdf");
  g_assert_cmpstr (vitae_outbox_message_get_attachment_type (message), ==, "application/pdf");
  g_assert_true (g_bytes_equal (vitae_outbox_message_get_attachment (message), bytes));
  g_assert_null (vitae_outbox_message_get_attachment (other));
  g_assert_null (vitae_outbox_message_get_last_error (message));
  g_assert_cmpint (vitae_outbox_message_get_sent_at (message), ==, 0);
  /* A Message-ID made once, so that every attempt sends the same one. */
  g_assert_true (g_uuid_string_is_valid (vitae_outbox_message_get_message_id (message)));
  g_assert_cmpstr (vitae_outbox_message_get_message_id (message), !=,
                   vitae_outbox_message_get_message_id (other));
  g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (message), <=, now_seconds ());
  g_assert_cmpuint (n_due (fixture, now_seconds ()), ==, 2);

  list = vitae_outbox_list (fixture->store, vitae_user_get_id (fixture->user), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  /* Newest first, and lists leave the bytes out. */
  g_assert_cmpint (vitae_outbox_message_get_id (first), ==, vitae_outbox_message_get_id (other));
  g_clear_object (&first);
  first = g_list_model_get_item (list, 1);
  g_assert_null (vitae_outbox_message_get_attachment (first));
  g_assert_cmpstr (vitae_outbox_message_get_attachment_name (first), ==, "Ada Lovelace.pdf");
}

static void
test_claim_once (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue_one (fixture, NULL);
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = vitae_outbox_message_get_id (message);

  g_assert_true (vitae_outbox_begin_attempt (fixture->store, id, &error));
  g_assert_no_error (error);
  /* A second sender, in this process or another, is turned away. */
  g_assert_false (vitae_outbox_begin_attempt (fixture->store, id, &error));
  g_assert_error (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (n_due (fixture, now_seconds () + 3600), ==, 0);
  g_assert_false (vitae_outbox_delete (fixture->store, id, &error));
  g_assert_error (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_BUSY);
  g_clear_error (&error);

  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_attempts (loaded), ==, 1);
  g_assert_cmpint (vitae_outbox_message_get_sending_since (loaded), >, 0);
  g_clear_object (&loaded);

  g_assert_true (vitae_outbox_mark_sent (fixture->store, id, &error));
  g_assert_no_error (error);
  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_SENT);
  g_assert_cmpint (vitae_outbox_message_get_sent_at (loaded), >, 0);
  g_assert_cmpint (vitae_outbox_message_get_sending_since (loaded), ==, 0);

  /* Sent is final: no attempt, no retry, no failure overwrites it. */
  g_assert_false (vitae_outbox_begin_attempt (fixture->store, id, &error));
  g_assert_error (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_ALREADY_SENT);
  g_clear_error (&error);
  g_assert_false (vitae_outbox_retry (fixture->store, id, &error));
  g_assert_error (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_ALREADY_SENT);
  g_clear_error (&error);
  g_assert_false (vitae_outbox_mark_failed (fixture->store, id, "late", 0, &error));
  g_assert_error (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_ALREADY_SENT);
  g_clear_error (&error);
  g_assert_true (vitae_outbox_bring_forward (fixture->store, now_seconds () + 10, &error));
  g_assert_cmpuint (n_due (fixture, G_MAXINT64), ==, 0);
  g_clear_object (&loaded);
  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_SENT);
}

static void
test_failed_and_retry (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue_one (fixture, NULL);
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = vitae_outbox_message_get_id (message);
  gint64 now = now_seconds ();
  gint64 next = 0;

  g_assert_true (vitae_outbox_begin_attempt (fixture->store, id, &error));
  g_assert_true (vitae_outbox_mark_failed (fixture->store, id, "The server is busy", now + 300, &error));
  g_assert_no_error (error);
  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_FAILED);
  g_assert_cmpstr (vitae_outbox_message_get_last_error (loaded), ==, "The server is busy");
  g_assert_cmpint (vitae_outbox_message_get_attempts (loaded), ==, 1);
  g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (loaded), ==, now + 300);
  g_clear_object (&loaded);

  /* Backoff: not due now, due later, and the timer knows when. */
  g_assert_cmpuint (n_due (fixture, now), ==, 0);
  g_assert_cmpuint (n_due (fixture, now + 300), ==, 1);
  g_assert_true (vitae_outbox_get_next_due (fixture->store, &next, &error));
  g_assert_cmpint (next, ==, now + 300);

  /* The network came back: due at once. */
  g_assert_true (vitae_outbox_bring_forward (fixture->store, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_due (fixture, now), ==, 1);

  /* A failure only the person can fix is never retried on its own… */
  g_assert_true (vitae_outbox_begin_attempt (fixture->store, id, &error));
  g_assert_true (vitae_outbox_mark_failed (fixture->store, id, "Wrong password", 0, &error));
  g_assert_cmpuint (n_due (fixture, G_MAXINT64), ==, 0);
  g_assert_true (vitae_outbox_get_next_due (fixture->store, &next, &error));
  g_assert_cmpint (next, ==, 0);
  g_assert_true (vitae_outbox_bring_forward (fixture->store, now, &error));
  g_assert_cmpuint (n_due (fixture, G_MAXINT64), ==, 0);

  /* …until they press Retry. */
  g_assert_true (vitae_outbox_retry (fixture->store, id, &error));
  g_assert_no_error (error);
  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_QUEUED);
  g_assert_cmpint (vitae_outbox_message_get_attempts (loaded), ==, 2);
  g_assert_cmpuint (n_due (fixture, now_seconds ()), ==, 1);
}

static void
test_interrupted (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(VitaeOutboxMessage) message = queue_one (fixture, NULL);
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = vitae_outbox_message_get_id (message);
  gint64 now = now_seconds ();
  gint64 next = 0;

  g_assert_true (vitae_outbox_begin_attempt (fixture->store, id, &error));
  /* Vitae "dies" here: the server may have said yes, the row says sending. */
  g_clear_object (&fixture->store);
  fixture->store = vitae_store_open (fixture->path, &error);
  g_assert_no_error (error);

  g_assert_true (vitae_outbox_get_next_due (fixture->store, &next, &error));
  g_assert_cmpint (next, >=, now + VITAE_OUTBOX_ATTEMPT_STALE_SECONDS);
  g_assert_cmpint (next, <=, now_seconds () + VITAE_OUTBOX_ATTEMPT_STALE_SECONDS);

  /* Too recent: maybe another Vitae is still sending it. */
  g_assert_cmpuint (vitae_outbox_recover_interrupted (fixture->store, now_seconds (), "Interrupted", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (vitae_outbox_recover_interrupted (fixture->store, next, "Interrupted", &error), ==, 1);
  g_assert_no_error (error);

  loaded = reload (fixture, message);
  g_assert_cmpint (vitae_outbox_message_get_status (loaded), ==, VITAE_OUTBOX_STATUS_FAILED);
  g_assert_cmpstr (vitae_outbox_message_get_last_error (loaded), ==, "Interrupted");
  g_assert_cmpint (vitae_outbox_message_get_sending_since (loaded), ==, 0);
  /* Never sent again on our own: it may have been delivered. */
  g_assert_cmpint (vitae_outbox_message_get_next_attempt_at (loaded), ==, 0);
  g_assert_cmpuint (n_due (fixture, G_MAXINT64), ==, 0);
}

static void
test_delete_and_cascade (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = vitae_store_create_resume (fixture->store, vitae_user_get_id (fixture->user),
                                                             "CV", &error);
  g_autoptr(VitaeOutboxMessage) about_resume = NULL;
  g_autoptr(VitaeOutboxMessage) plain = queue_one (fixture, NULL);
  g_autoptr(VitaeOutboxMessage) loaded = NULL;
  g_autoptr(GListModel) list = NULL;

  g_assert_no_error (error);
  about_resume = vitae_outbox_queue (fixture->store, vitae_user_get_id (fixture->user),
                                     vitae_resume_get_id (resume), VITAE_OUTBOX_KIND_RESUME_CREATED,
                                     "ada@example.com", "New resume", "Created", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vitae_outbox_message_get_resume_id (about_resume), ==, vitae_resume_get_id (resume));

  /* A deleted resume leaves its messages, about no resume. */
  g_assert_true (vitae_store_delete_resume (fixture->store, vitae_resume_get_id (resume), &error));
  loaded = reload (fixture, about_resume);
  g_assert_cmpint (vitae_outbox_message_get_resume_id (loaded), ==, 0);

  g_assert_true (vitae_outbox_delete (fixture->store, vitae_outbox_message_get_id (plain), &error));
  g_assert_no_error (error);
  g_assert_false (vitae_outbox_delete (fixture->store, vitae_outbox_message_get_id (plain), &error));
  g_assert_error (error, VITAE_OUTBOX_ERROR, VITAE_OUTBOX_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A deleted profile takes its outbox with it. */
  g_assert_true (vitae_store_delete_user (fixture->store, vitae_user_get_id (fixture->user), &error));
  list = vitae_outbox_list (fixture->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path_, func_) \
  g_test_add (path_, Fixture, NULL, fixture_set_up, func_, fixture_tear_down)
  ADD ("/vitae/outbox/queue", test_queue);
  ADD ("/vitae/outbox/claim-once", test_claim_once);
  ADD ("/vitae/outbox/failed-and-retry", test_failed_and_retry);
  ADD ("/vitae/outbox/interrupted", test_interrupted);
  ADD ("/vitae/outbox/delete-and-cascade", test_delete_and_cascade);
#undef ADD

  return g_test_run ();
}
