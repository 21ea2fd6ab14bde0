/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vitae-core.h"
#include "vitae-store-private.h"

#define CRASH_RUNS 120

static char *
make_db (char      **dir_out,
         gint64     *resume_id)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vitae-autosave-XXXXXX", &error);
  char *path = g_build_filename (dir, "vitae.db", NULL);
  g_autoptr(VitaeStore) store = vitae_store_open (path, &error);
  g_autoptr(VitaeUser) user = vitae_store_create_user (store, "Ada", NULL, &error);
  g_autoptr(VitaeResume) resume = vitae_store_create_resume (store, vitae_user_get_id (user), "CV", &error);

  g_assert_no_error (error);
  *resume_id = vitae_resume_get_id (resume);
  *dir_out = dir;
  return path;
}

static void
remove_db (char *dir,
           char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

static void
on_saved (VitaeAutosave *autosave,
          gboolean      *saved)
{
  *saved = TRUE;
}

static void
test_debounced_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gint64 id;
  char *path = make_db (&dir, &id);
  g_autoptr(VitaeStore) store = vitae_store_open (path, &error);
  g_autoptr(VitaeResume) resume = vitae_store_load_resume (store, id, &error);
  g_autoptr(VitaeAutosave) autosave = vitae_autosave_new (store, resume);
  g_autoptr(VitaeResume) reloaded = NULL;
  gboolean saved = FALSE;
  gint64 start;

  g_assert_no_error (error);
  g_signal_connect (autosave, "saved", G_CALLBACK (on_saved), &saved);
  g_assert_cmpint (vitae_autosave_get_state (autosave), ==, VITAE_AUTOSAVE_SAVED);

  /* A burst of edits is one save, shortly after the last one. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ada %u", i);
      vitae_entry_set_text (vitae_resume_get_basics (resume), "name", name);
    }
  g_assert_cmpint (vitae_autosave_get_state (autosave), ==, VITAE_AUTOSAVE_PENDING);
  start = g_get_monotonic_time ();
  while (!saved && g_get_monotonic_time () - start < 5 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (saved);
  g_assert_cmpuint (vitae_autosave_get_saves (autosave), ==, 1);
  g_assert_cmpint (vitae_autosave_get_state (autosave), ==, VITAE_AUTOSAVE_SAVED);

  reloaded = vitae_store_load_resume (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vitae_resume_get_candidate_name (reloaded), ==, "Ada 19");

  /* Dropping the autosave with an edit pending writes it. */
  vitae_entry_set_text (vitae_resume_get_basics (resume), "label", "Mathematician");
  g_clear_object (&autosave);
  g_clear_object (&reloaded);
  reloaded = vitae_store_load_resume (store, id, &error);
  g_assert_cmpstr (vitae_entry_get_text (vitae_resume_get_basics (reloaded), "label"), ==, "Mathematician");

  g_clear_object (&store);
  remove_db (g_steal_pointer (&dir), path);
}

static void
test_failed_save_is_reported (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gint64 id;
  char *path = make_db (&dir, &id);
  g_autoptr(VitaeStore) store = vitae_store_open (path, &error);
  g_autoptr(VitaeResume) resume = vitae_store_load_resume (store, id, &error);
  g_autoptr(VitaeAutosave) autosave = vitae_autosave_new (store, resume);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (vitae_store_get_db (store),
                                 "CREATE TEMP TRIGGER no_writes BEFORE UPDATE ON resumes"
                                 " BEGIN SELECT RAISE (ABORT, 'disk full'); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  vitae_resume_set_title (resume, "Never written");
  g_assert_false (vitae_autosave_flush (autosave, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (vitae_autosave_get_state (autosave), ==, VITAE_AUTOSAVE_FAILED);
  g_assert_nonnull (vitae_autosave_get_error (autosave));

  /* Once the disk has room again the next flush writes everything. */
  g_assert_cmpint (sqlite3_exec (vitae_store_get_db (store), "DROP TRIGGER no_writes", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (vitae_autosave_flush (autosave, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VitaeResume) reloaded = vitae_store_load_resume (store, id, &error);
    g_assert_cmpstr (vitae_resume_get_title (reloaded), ==, "Never written");
  }

  g_clear_object (&autosave);
  g_clear_object (&store);
  remove_db (g_steal_pointer (&dir), path);
}

/* The crash test. A child process edits the resume through VitaeAutosave,
 * the editor's own path, and prints "ack RUN EDIT" once each edit is saved.
 * The parent SIGKILLs it at a random moment, then checks that the database
 * is intact and holds every acknowledged edit. */

static int
crash_child (const char *path,
             gint64      resume_id,
             guint       run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = vitae_store_open (path, &error);
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeAutosave) autosave = NULL;
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = g_strdup_printf ("run-%u", run);
  VitaeEntry *entry;

  if (store == NULL || (resume = vitae_store_load_resume (store, resume_id, &error)) == NULL)
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  autosave = vitae_autosave_new (store, resume);
  entry = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
  vitae_entry_set_text (entry, "name", name);

  for (guint edit = 0; ; edit++)
    {
      g_autofree char *summary = g_strdup_printf ("summary %u.%u", run, edit);

      g_ptr_array_add (highlights, g_strdup_printf ("h-%u-%u", run, edit));
      g_ptr_array_add (highlights, NULL);
      vitae_entry_set_list (entry, "highlights", (const char * const *)highlights->pdata);
      g_ptr_array_remove_index (highlights, highlights->len - 1);
      vitae_entry_set_text (vitae_resume_get_basics (resume), "summary", summary);

      if (!vitae_autosave_flush (autosave, &error))
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
      printf ("ack %u %u\n", run, edit);
      fflush (stdout);
    }
  return 0;
}

typedef struct {
  gint64 max_ack;   /* -1: none */
} RunAcks;

static void
test_kill_crash_safety (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *id_text = NULL;
  gint64 id;
  char *path = make_db (&dir, &id);
  g_autoptr(GRand) rand = g_rand_new ();
  RunAcks acks[CRASH_RUNS];
  guint total_acks = 0, kills = 0;

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  for (guint run = 0; run < CRASH_RUNS; run++)
    {
      g_autofree char *run_text = g_strdup_printf ("%u", run);
      const char *argv[] = { g_get_prgname (), "--crash-child", path, id_text, run_text, NULL };
      g_autofree char *self_path = g_strdup (g_getenv ("VITAE_TEST_SELF"));
      g_autoptr(GString) out = g_string_new (NULL);
      GPid pid;
      int out_fd, status;
      gint64 deadline;
      char buffer[4096];

      argv[0] = self_path;
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* Read acknowledgements until a random moment, then kill. */
      deadline = g_get_monotonic_time () + g_rand_int_range (rand, 2000, 80000);
      g_unix_set_fd_nonblocking (out_fd, TRUE, NULL);
      while (g_get_monotonic_time () < deadline)
        {
          gssize n = read (out_fd, buffer, sizeof buffer);
          if (n > 0)
            g_string_append_len (out, buffer, n);
          else
            g_usleep (200);
        }
      kill (pid, SIGKILL);
      kills++;
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) || (WIFEXITED (status) && WEXITSTATUS (status) == 0));
      /* What was printed before the kill counts; anything still in the pipe was printed too. */
      g_unix_set_fd_nonblocking (out_fd, FALSE, NULL);
      for (gssize n; (n = read (out_fd, buffer, sizeof buffer)) > 0; )
        g_string_append_len (out, buffer, n);
      close (out_fd);
      g_spawn_close_pid (pid);

      acks[run].max_ack = -1;
      {
        g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);
        for (guint i = 0; lines[i] != NULL; i++)
          {
            guint r, e;
            /* Only whole lines: the last piece may have been cut by the kill. */
            if (lines[i + 1] != NULL && sscanf (lines[i], "ack %u %u", &r, &e) == 2)
              {
                g_assert_cmpuint (r, ==, run);
                acks[run].max_ack = e;
                total_acks++;
              }
          }
      }
    }

  /* Reopen: the file is intact, and every acknowledged edit is there. */
  {
    g_autoptr(VitaeStore) store = vitae_store_open (path, &error);
    g_autoptr(VitaeResume) resume = NULL;
    sqlite3_stmt *stmt = NULL;
    GListModel *work;
    guint found_runs = 0;

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_prepare_v2 (vitae_store_get_db (store), "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);

    resume = vitae_store_load_resume (store, id, &error);
    g_assert_no_error (error);
    work = vitae_resume_get_entries (resume, VITAE_SECTION_WORK);

    for (guint run = 0; run < CRASH_RUNS; run++)
      {
        g_autofree char *name = g_strdup_printf ("run-%u", run);
        VitaeEntry *match = NULL;

        for (guint i = 0; i < g_list_model_get_n_items (work); i++)
          {
            g_autoptr(VitaeEntry) entry = g_list_model_get_item (work, i);
            if (g_strcmp0 (vitae_entry_get_text (entry, "name"), name) == 0)
              match = entry;
          }

        if (acks[run].max_ack < 0)
          continue;
        g_assert_nonnull (match);
        found_runs++;
        {
          const char * const *highlights = vitae_entry_get_list (match, "highlights");
          g_assert_nonnull (highlights);
          /* Every acknowledged edit: h-RUN-0 … h-RUN-MAX, in order. */
          for (gint64 e = 0; e <= acks[run].max_ack; e++)
            {
              g_autofree char *want = g_strdup_printf ("h-%u-%" G_GINT64_FORMAT, run, e);
              g_assert_nonnull (highlights[e]);
              g_assert_cmpstr (highlights[e], ==, want);
            }
        }
      }
    g_test_message ("crash test: %u SIGKILLs, %u acknowledged edits, %u runs with edits, all present, integrity ok",
                    kills, total_acks, found_runs);
    g_assert_cmpuint (kills, >=, 100);
    g_assert_cmpuint (total_acks, >, 0);
  }

  remove_db (g_steal_pointer (&dir), path);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--crash-child"))
    return crash_child (argv[2], g_ascii_strtoll (argv[3], NULL, 10), atoi (argv[4]));

  g_setenv ("VITAE_TEST_SELF", argv[0], TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vitae/autosave/debounced-save", test_debounced_save);
  g_test_add_func ("/vitae/autosave/failed-save-is-reported", test_failed_save_is_reported);
  g_test_add_func ("/vitae/autosave/kill-crash-safety", test_kill_crash_safety);

  return g_test_run ();
}
