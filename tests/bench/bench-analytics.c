/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "vitae-core.h"
#include "vitae-store-private.h"

/* Search and the dashboard at scale. Fills a database through the store's
 * own API — 10,000 resumes stored as an import stores them, a million events
 * recorded in batches of 10,000 — then prints:
 *   - search: p50/p95/max of vitae_store_search() over 100 varied queries,
 *     alone and with the field and snippet of the first 20 results (what the
 *     library shows on screen);
 *   - dashboard: vitae_analytics_load() (totals, every resume's row, 30 days);
 *   - the database's size.
 *
 *   bench-analytics [--resumes N] [--events N] [--keep] [DATA_DIR]
 *
 * A database in DATA_DIR is filled when empty, reused as it is otherwise, and
 * always kept: for tests/bench/startup.py BUILD DATA_DIR and for a look at
 * the dashboard. Without DATA_DIR the data goes in a temporary folder,
 * removed at the end unless --keep. */

static const char * const first_names[] = {
  "Ada", "Grace", "Alan", "José", "Zoë", "Åsa", "Chen", "Fatima", "Ivan", "Noor", "Émile",
  "Björn", "Priya", "Kofi", "Lena", "Mateo", "Yuki", "Olúwádámilọ́lá", "Siobhán", "Łukasz",
  "Marta", "Tomás", "Aiyana", "Dmitri", "Ines", "Kwame", "Leila", "Hiroshi", "Sofía", "Rafael",
};
static const char * const last_names[] = {
  "Lovelace", "Hopper", "Turing", "García", "Müller", "Nakamura", "Okafor", "Søndergaard",
  "Dubois", "Kowalski", "Singh", "Rossi", "O'Brien", "Núñez", "Żukowska", "Nguyen", "Haddad",
  "Petrov", "Mensah", "Fernández", "Kim", "Andersson", "Costa", "Schröder", "Ibrahim",
};
static const char * const roles[] = {
  "Backend Engineer", "Frontend Developer", "Data Scientist", "Product Designer",
  "Site Reliability Engineer", "Engineering Manager", "QA Analyst", "Technical Writer",
  "Security Engineer", "Mobile Developer", "Data Engineer", "UX Researcher",
  "Product Manager", "DevOps Engineer", "Machine Learning Engineer", "Support Engineer",
};
static const char * const companies[] = {
  "Analytical Engines Ltd", "Globex", "Initech", "Umbrella Health", "Stark Industries",
  "Wayne Logistics", "Hooli", "Vandelay Imports", "Soylent Foods", "Tyrell Robotics",
  "Zürich Re", "Café Numérique", "Nordisk Data", "Aperture Labs", "Cyberdyne",
  "Oceanic Airlines", "Pied Piper", "Massive Dynamic", "Acme Corp", "Gringotts Bank",
};
static const char * const cities[] = {
  "London", "Berlin", "São Paulo", "Montréal", "Kraków", "Lagos", "Tokyo", "Zürich",
  "Bengaluru", "Reykjavík", "Austin", "Nairobi", "Lyon", "Malmö", "Seoul", "Lisbon",
};
static const char * const skills[] = {
  "Python", "Rust", "C", "Go", "TypeScript", "Kubernetes", "PostgreSQL", "SQLite", "GTK",
  "React", "Figma", "Terraform", "Kafka", "Spark", "TensorFlow", "Swift", "Kotlin",
  "Accessibility", "Typography", "Statistics", "Leadership", "Mentoring", "Linux", "AWS",
};
static const char * const verbs[] = {
  "Led", "Built", "Shipped", "Designed", "Migrated", "Automated", "Reduced", "Scaled",
  "Mentored", "Launched", "Rewrote", "Halved", "Introduced", "Maintained", "Documented",
};
static const char * const objects[] = {
  "the storage team", "p95 latency", "the billing pipeline", "an on-call rotation",
  "the design system", "nightly ETL jobs", "search relevance", "the mobile onboarding",
  "cloud costs by 30%", "a fraud detection model", "the public API", "release tooling",
  "customer support workflows", "the accessibility audit", "a data warehouse",
};
static const char * const schools[] = {
  "MIT", "ETH Zürich", "Universidade de São Paulo", "University of Lagos", "Sorbonne Université",
  "KTH Royal Institute of Technology", "University of Tokyo", "IIT Bombay", "McGill University",
};
static const char * const degrees[] = {
  "BSc Computer Science", "MSc Data Science", "BA Graphic Design", "MEng Software Engineering",
  "PhD Statistics", "BSc Mathematics",
};

#define PICK(rand, array) (array[g_rand_int_range (rand, 0, G_N_ELEMENTS (array))])

static char *
make_sentence (GRand *rand)
{
  return g_strdup_printf ("%s %s", PICK (rand, verbs), PICK (rand, objects));
}

static VitaeResume *
make_resume (GRand  *rand,
             gint64  user_id,
             guint   n)
{
  VitaeResume *resume = vitae_resume_new ();
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  const char *role = PICK (rand, roles);
  g_autofree char *name = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, last_names));
  g_autofree char *title = g_strdup_printf ("%s — %s", role, PICK (rand, companies));
  g_autofree char *email = g_strdup_printf ("candidate%u@example.com", n);
  g_autofree char *summary = g_strdup_printf ("%s with %d years of experience. %s and %s.",
                                              role, g_rand_int_range (rand, 1, 25),
                                              PICK (rand, verbs), PICK (rand, objects));
  guint n_work = g_rand_int_range (rand, 1, 6);

  vitae_resume_set_user_id (resume, user_id);
  vitae_resume_set_title (resume, title);
  vitae_entry_set_text (basics, "name", name);
  vitae_entry_set_text (basics, "label", role);
  vitae_entry_set_text (basics, "email", email);
  if (g_rand_boolean (rand))
    vitae_entry_set_text (basics, "phone", "+44 20 7946 0000");
  vitae_entry_set_text (basics, "location.city", PICK (rand, cities));
  if (g_rand_int_range (rand, 0, 4) > 0)
    vitae_entry_set_text (basics, "summary", summary);

  for (guint i = 0; i < n_work; i++)
    {
      VitaeEntry *job = vitae_resume_add_entry (resume, VITAE_SECTION_WORK);
      g_autofree char *start = g_strdup_printf ("%d-%02d", 2024 - 3 * (int)i - g_rand_int_range (rand, 1, 3),
                                                g_rand_int_range (rand, 1, 13));
      g_autofree char *h1 = make_sentence (rand);
      g_autofree char *h2 = make_sentence (rand);
      g_autofree char *h3 = make_sentence (rand);
      const char *highlights[] = { h1, h2, h3, NULL };

      vitae_entry_set_text (job, "position", PICK (rand, roles));
      vitae_entry_set_text (job, "name", PICK (rand, companies));
      vitae_entry_set_text (job, "location", PICK (rand, cities));
      if (g_rand_int_range (rand, 0, 5) > 0)
        vitae_entry_set_text (job, "startDate", start);
      vitae_entry_set_list (job, "highlights", highlights);
    }

  for (guint i = 0, n_school = g_rand_int_range (rand, 0, 3); i < n_school; i++)
    {
      VitaeEntry *school = vitae_resume_add_entry (resume, VITAE_SECTION_EDUCATION);
      vitae_entry_set_text (school, "institution", PICK (rand, schools));
      vitae_entry_set_text (school, "studyType", PICK (rand, degrees));
      if (g_rand_boolean (rand))
        vitae_entry_set_text (school, "startDate", "2010");
    }

  for (guint i = 0, n_skills = g_rand_int_range (rand, 0, 9); i < n_skills; i++)
    vitae_entry_set_text (vitae_resume_add_entry (resume, VITAE_SECTION_SKILLS), "name", PICK (rand, skills));

  if (g_rand_boolean (rand))
    {
      VitaeEntry *project = vitae_resume_add_entry (resume, VITAE_SECTION_PROJECTS);
      g_autofree char *project_name = g_strdup_printf ("Project %s", PICK (rand, last_names));
      g_autofree char *description = make_sentence (rand);

      vitae_entry_set_text (project, "name", project_name);
      vitae_entry_set_text (project, "description", description);
    }
  if (g_rand_boolean (rand))
    {
      VitaeEntry *profile = vitae_resume_add_entry (resume, VITAE_SECTION_PROFILES);
      vitae_entry_set_text (profile, "network", g_rand_boolean (rand) ? "GitHub" : "LinkedIn");
      vitae_entry_set_text (profile, "username", email);
    }
  return resume;
}

static void
fill (VitaeStore *store,
      guint       n_resumes,
      guint       n_events)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeUser) user = vitae_store_create_user (store, "Benchmark", "bench@example.com", &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  static const char * const actions[] = {
    "view", "view", "view", "view", "view", "view", "download", "download", "export", "print", "email",
  };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  for (guint i = 0; i < n_resumes; i++)
    {
      g_autoptr(VitaeResume) resume = make_resume (rand, vitae_user_get_id (user), i);
      gint64 id;

      if (!vitae_store_insert_resume (store, resume, &error))
        g_error ("insert: %s", error->message);
      id = vitae_resume_get_id (resume);
      g_array_append_val (ids, id);
    }
  g_print ("stored %u resumes in %.1f s\n", n_resumes, (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  for (guint done = 0; done < n_events; )
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      guint n = MIN (10000, n_events - done);

      for (guint i = 0; i < n; i++)
        {
          /* Some resumes are read far more than others: a square skews the pick. */
          double r = g_rand_double (rand);
          gint64 id = g_array_index (ids, gint64, (guint)(r * r * ids->len));
          /* A year of history, busier lately. */
          double age = g_rand_double (rand);
          gint64 when = now - (gint64)(age * age * 365 * 86400);

          g_ptr_array_add (batch, vitae_event_new (vitae_user_get_id (user), id, PICK (rand, actions),
                                                   NULL, when));
        }
      if (!vitae_store_record_events (store, (VitaeEvent **)batch->pdata, batch->len, &error))
        g_error ("events: %s", error->message);
      done += n;
    }
  g_print ("recorded %u events in %.1f s\n", n_events, (g_get_monotonic_time () - start) / 1e6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void
print_percentiles (const char *what,
                   GArray     *ms)
{
  g_array_sort (ms, compare_doubles);
  g_print ("%-34s p50 %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%u queries)\n", what,
           g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, (guint)(ms->len * 0.95)),
           g_array_index (ms, double, ms->len - 1), ms->len);
}

/* 100 queries as people type them: names, first letters, companies,
 * skills, cities, several words, diacritics with and without, FTS5's
 * special characters, and words found nowhere. */
static GPtrArray *
make_queries (void)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  static const char * const fixed[] = {
    "a", "b", "l", "z", "ad", "lo", "gr", "ada", "lov", "hop", "nak", "jose", "josé", "garcia", "garcía",
    "muller", "müller", "zoe", "zoë", "asa", "åsa", "lukasz", "łukasz", "nunez", "núñez",
    "oluwadamilola", "o'brien", "ada lovelace", "grace hopper", "alan t", "priya singh",
    "globex", "initech", "hooli", "zurich", "zürich re", "cafe numerique", "stark ind",
    "python", "rust", "kubernetes", "postgres", "sqlite", "gtk", "figma", "typography",
    "london", "berlin", "sao paulo", "montreal", "krakow", "reykjavik", "malmo",
    "storage", "latency", "billing pipeline", "on-call", "design system", "etl", "fraud",
    "led the storage team", "halved p95", "cloud costs", "30%", "public api",
    "backend engineer", "data scientist", "product designer", "sre", "manager",
    "engineer python london", "designer figma berlin", "mit", "eth zurich", "phd statistics",
    "\"quoted", "NEAR(", "AND", "OR NOT", "-minus", "star*", "(paren", "paren)", "a:b", "^",
    "github", "linkedin", "candidate42@example.com", "candidate4", "+44",
    "xyzzy", "qwertyuiop", "nonexistentword", "zzz", "lovelace zzz",
    "mentored", "automated nightly", "onboarding", "accessibility audit", "warehouse",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (queries, g_strdup (fixed[i]));
  g_assert_cmpuint (queries->len, ==, 100);
  return queries;
}

static void
bench_search (VitaeStore *store,
              gint64      user_id)
{
  g_autoptr(GPtrArray) queries = make_queries ();
  g_autoptr(GArray) alone = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 total_results = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < queries->len; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GListModel) results = NULL;
        gint64 t0 = g_get_monotonic_time (), t1, t2;
        guint n;

        results = vitae_store_search (store, user_id, g_ptr_array_index (queries, i), &error);
        if (results == NULL)
          g_error ("search “%s”: %s", (char *)g_ptr_array_index (queries, i), error->message);
        t1 = g_get_monotonic_time ();
        n = g_list_model_get_n_items (results);
        for (guint j = 0; j < MIN (n, 20); j++)
          {
            g_autoptr(VitaeSearchResult) result = g_list_model_get_item (results, j);
            (void)vitae_search_result_get_field (result);
            (void)vitae_search_result_get_snippet_markup (result);
          }
        t2 = g_get_monotonic_time ();

        if (pass == 0)
          continue;  /* the first pass warms the page cache */
        total_results += n;
        g_array_append_val (alone, (double){ (t1 - t0) / 1000.0 });
        g_array_append_val (shown, (double){ (t2 - t0) / 1000.0 });
        if (g_getenv ("BENCH_VERBOSE"))
          g_print ("  %-28s %4u results  %6.2f ms  %6.2f ms\n", (char *)g_ptr_array_index (queries, i),
                   n, (t1 - t0) / 1000.0, (t2 - t0) / 1000.0);
      }

  print_percentiles ("search", alone);
  print_percentiles ("search + first 20 snippets", shown);
  g_print ("  (%" G_GUINT64_FORMAT " results in all, at most %d a query)\n", total_results, VITAE_SEARCH_LIMIT);
}

static void
bench_dashboard (VitaeStore *store,
                 gint64      user_id)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_resumes = 0;

  for (guint run = 0; run < 11; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(VitaeAnalytics) analytics = vitae_analytics_load (store, user_id, &error);
      gint64 t1 = g_get_monotonic_time ();
      guint events = 0;

      if (analytics == NULL)
        g_error ("dashboard: %s", error->message);
      for (guint d = 0; d < VITAE_ANALYTICS_DAYS; d++)
        events += vitae_analytics_get_day_total (analytics, d);
      n_resumes = vitae_analytics_get_n_resumes (analytics);
      if (run == 0)
        {
          g_print ("dashboard: %u resumes, %" G_GINT64_FORMAT " downloads, %" G_GINT64_FORMAT " views,"
                   " %u events in the last %d days; first load %.1f ms\n",
                   n_resumes, vitae_analytics_get_downloads (analytics), vitae_analytics_get_views (analytics),
                   events, VITAE_ANALYTICS_DAYS, (t1 - t0) / 1000.0);
          continue;
        }
      g_array_append_val (ms, (double){ (t1 - t0) / 1000.0 });
    }
  g_array_sort (ms, compare_doubles);
  g_print ("%-34s median %6.2f ms   max %6.2f ms   (10 runs)\n", "dashboard aggregation",
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1));
}

static gint64
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? (gint64)st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  guint n_resumes = 10000, n_events = 1000000;
  gboolean keep = FALSE, temporary = FALSE;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--resumes") && i + 1 < argc)
        n_resumes = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--events") && i + 1 < argc)
        n_events = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--keep"))
        keep = TRUE;
      else
        dir = g_strdup (argv[i]);
    }
  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("vitae-bench-XXXXXX", &error);
      g_assert_no_error (error);
      temporary = TRUE;
    }
  path = g_build_filename (dir, "vitae.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);

  store = vitae_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  users = vitae_store_list_users (store, &error);
  g_assert_no_error (error);
  if (g_list_model_get_n_items (users) == 0)
    {
      fill (store, n_resumes, n_events);
      g_clear_object (&users);
      users = vitae_store_list_users (store, &error);
    }
  else
    g_print ("reusing %s\n", path);
  user = g_list_model_get_item (users, 0);

  bench_search (store, vitae_user_get_id (user));
  bench_dashboard (store, vitae_user_get_id (user));

  sqlite3_exec (vitae_store_get_db (store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  g_print ("database size: %.1f MB (%s, WAL %.1f MB)\n",
           (file_size (path) + file_size (wal)) / 1e6, path, file_size (wal) / 1e6);

  g_clear_object (&store);
  if (temporary && !keep)
    {
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (dir);
    }
  return 0;
}
