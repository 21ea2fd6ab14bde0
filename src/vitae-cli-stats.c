/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "vitae-cli-stats.h"

/* The figures of the dashboard and of a resume's statistics page, and
 * search, without a display. */

/* A value for one tab-separated column: no tab or line break inside. */
static char *
column (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  for (char *c = copy; *c != '\0'; c++)
    if (*c == '\t' || *c == '\n' || *c == '\r')
      *c = ' ';
  return copy;
}

static char *
format_local (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);
  return dt ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static char *
format_iso (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);
  return dt ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_time)
{
  g_autofree char *iso = format_iso (unix_time);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, iso);
}

/**
 * vitae_cli_search:
 *
 * `vitae search QUERY…`: every resume of the profile that matches, one a
 * line: its id, a tab, its title, a tab, where it matched. Any text is a
 * query; several arguments are one query.
 */
int
vitae_cli_search (VitaeCliOptions  *options,
                  int               argc,
                  char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autofree char *text = NULL;

  if (argc < 2)
    return vitae_cli_usage ("search", _("expected a QUERY"));
  text = g_strjoinv (" ", argv + 1);

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);

  results = vitae_store_search_full (store, vitae_user_get_id (user), text, 0, NULL, &error);
  if (results == NULL)
    return vitae_cli_fail (error);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(VitaeSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *title = column (vitae_search_result_get_title (result));
      g_autofree char *field = column (vitae_search_result_get_field (result));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\n", vitae_search_result_get_resume_id (result), title, field);
    }
  return VITAE_EXIT_OK;
}

static int
stats_all (VitaeStore *store,
           VitaeUser  *user,
           gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeAnalytics) analytics = vitae_analytics_load (store, vitae_user_get_id (user), &error);
  GListModel *rows;
  guint recent = 0;

  if (analytics == NULL)
    return vitae_cli_fail (error);
  rows = vitae_analytics_get_resumes (analytics);
  for (guint d = 0; d < VITAE_ANALYTICS_DAYS; d++)
    recent += vitae_analytics_get_day_total (analytics, d);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "profile");
      json_builder_add_string_value (builder, vitae_user_get_name (user));
      json_builder_set_member_name (builder, "resumes");
      json_builder_add_int_value (builder, vitae_analytics_get_n_resumes (analytics));
      json_builder_set_member_name (builder, "downloads");
      json_builder_add_int_value (builder, vitae_analytics_get_downloads (analytics));
      json_builder_set_member_name (builder, "views");
      json_builder_add_int_value (builder, vitae_analytics_get_views (analytics));

      json_builder_set_member_name (builder, "days");
      json_builder_begin_array (builder);
      for (guint d = 0; d < VITAE_ANALYTICS_DAYS; d++)
        {
          g_autofree char *date = g_date_time_format (vitae_analytics_get_day (analytics, d), "%Y-%m-%d");

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, date);
          json_builder_set_member_name (builder, "views");
          json_builder_add_int_value (builder, vitae_analytics_get_day_count (analytics, d, VITAE_ANALYTICS_VIEWS));
          json_builder_set_member_name (builder, "downloads");
          json_builder_add_int_value (builder, vitae_analytics_get_day_count (analytics, d, VITAE_ANALYTICS_DOWNLOADS));
          json_builder_set_member_name (builder, "other");
          json_builder_add_int_value (builder, vitae_analytics_get_day_count (analytics, d, VITAE_ANALYTICS_OTHER));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr(VitaeResumeFigures) row = g_list_model_get_item (rows, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, vitae_resume_figures_get_resume_id (row));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, vitae_resume_figures_get_title (row));
          add_string (builder, "candidate", vitae_resume_figures_get_candidate_name (row));
          json_builder_set_member_name (builder, "active");
          json_builder_add_boolean_value (builder, vitae_resume_figures_get_is_active (row));
          json_builder_set_member_name (builder, "completion");
          json_builder_add_int_value (builder, vitae_resume_figures_get_completion (row));
          json_builder_set_member_name (builder, "downloads");
          json_builder_add_int_value (builder, vitae_resume_figures_get_downloads (row));
          json_builder_set_member_name (builder, "views");
          json_builder_add_int_value (builder, vitae_resume_figures_get_views (row));
          add_time (builder, "created_at", vitae_resume_figures_get_created_at (row));
          add_time (builder, "updated_at", vitae_resume_figures_get_updated_at (row));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return VITAE_EXIT_OK;
    }

  g_print ("%s\t%u\n", _("Resumes"), vitae_analytics_get_n_resumes (analytics));
  g_print ("%s\t%" G_GINT64_FORMAT "\n", _("Downloads"), vitae_analytics_get_downloads (analytics));
  g_print ("%s\t%" G_GINT64_FORMAT "\n", _("Views"), vitae_analytics_get_views (analytics));
  /* Translators: a tab and a number follow */
  g_print ("%s\t%u\n", _("Events in the last 30 days"), recent);
  g_print ("\n%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("ID"), _("Completion"), _("Downloads"), _("Views"),
           _("Created"), _("Updated"), _("Title"));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(VitaeResumeFigures) row = g_list_model_get_item (rows, i);
      g_autofree char *created = format_local (vitae_resume_figures_get_created_at (row));
      g_autofree char *updated = format_local (vitae_resume_figures_get_updated_at (row));
      g_autofree char *title = column (vitae_resume_figures_get_title (row));

      g_print ("%" G_GINT64_FORMAT "\t%u%%\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
               vitae_resume_figures_get_resume_id (row), vitae_resume_figures_get_completion (row),
               vitae_resume_figures_get_downloads (row), vitae_resume_figures_get_views (row),
               created, updated, title);
    }
  return VITAE_EXIT_OK;
}

static const char * const event_actions[] = {
  VITAE_EVENT_CREATE, VITAE_EVENT_VIEW, VITAE_EVENT_DOWNLOAD,
  VITAE_EVENT_EXPORT, VITAE_EVENT_PRINT, VITAE_EVENT_EMAIL,
};

static int
stats_one (VitaeStore *store,
           VitaeUser  *user,
           gint64      id,
           gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeResume) resume = NULL;
  g_autoptr(VitaeCompletion) completion = NULL;
  g_autoptr(GListModel) events = NULL;
  const char * const *missing;
  guint counts[G_N_ELEMENTS (event_actions)] = { 0, };
  guint n_events;

  resume = vitae_cli_load_own_resume (store, user, id, &error);
  if (resume == NULL)
    return vitae_cli_fail (error);
  events = vitae_store_list_events (store, id, &error);
  if (events == NULL)
    return vitae_cli_fail (error);
  completion = vitae_completion_new (resume);
  missing = vitae_completion_get_missing (completion);
  n_events = g_list_model_get_n_items (events);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(VitaeEvent) event = g_list_model_get_item (events, i);
      for (guint a = 0; a < G_N_ELEMENTS (event_actions); a++)
        if (g_strcmp0 (vitae_event_get_action (event), event_actions[a]) == 0)
          counts[a]++;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, vitae_resume_get_title (resume));
      add_string (builder, "candidate", vitae_resume_get_candidate_name (resume));
      json_builder_set_member_name (builder, "active");
      json_builder_add_boolean_value (builder, vitae_resume_get_is_active (resume));
      json_builder_set_member_name (builder, "completion");
      json_builder_add_int_value (builder, vitae_completion_get_percent (completion));
      json_builder_set_member_name (builder, "missing");
      json_builder_begin_array (builder);
      for (guint i = 0; missing[i] != NULL; i++)
        json_builder_add_string_value (builder, missing[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "downloads");
      json_builder_add_int_value (builder, vitae_resume_get_download_count (resume));
      json_builder_set_member_name (builder, "views");
      json_builder_add_int_value (builder, vitae_resume_get_view_count (resume));
      add_time (builder, "created_at", vitae_resume_get_created_at (resume));
      add_time (builder, "updated_at", vitae_resume_get_updated_at (resume));

      json_builder_set_member_name (builder, "sections");
      json_builder_begin_object (builder);
      for (guint s = VITAE_SECTION_BASICS + 1; s < VITAE_N_SECTIONS; s++)
        {
          json_builder_set_member_name (builder, vitae_section_get_info (s)->key);
          json_builder_add_int_value (builder, vitae_completion_get_n_entries (completion, s));
        }
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "events");
      json_builder_begin_object (builder);
      for (guint a = 0; a < G_N_ELEMENTS (event_actions); a++)
        {
          json_builder_set_member_name (builder, event_actions[a]);
          json_builder_add_int_value (builder, counts[a]);
        }
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "timeline");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_events; i++)
        {
          g_autoptr(VitaeEvent) event = g_list_model_get_item (events, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "action");
          json_builder_add_string_value (builder, vitae_event_get_action (event));
          add_string (builder, "details", vitae_event_get_details (event));
          add_time (builder, "at", vitae_event_get_created_at (event));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return VITAE_EXIT_OK;
    }

  {
    g_autofree char *title = column (vitae_resume_get_title (resume));
    g_autofree char *created = format_local (vitae_resume_get_created_at (resume));
    g_autofree char *updated = format_local (vitae_resume_get_updated_at (resume));
    const char *name = vitae_resume_get_candidate_name (resume);

    g_print ("%s\t%s\n", _("Title"), title);
    g_print ("%s\t%s\n", _("Candidate"), name ? name : "");
    g_print ("%s\t%u%%\n", _("Completion"), vitae_completion_get_percent (completion));
    for (guint i = 0; missing[i] != NULL; i++)
      g_print ("%s\t%s\n", _("Missing"), missing[i]);
    g_print ("%s\t%" G_GINT64_FORMAT "\n", _("Downloads"), vitae_resume_get_download_count (resume));
    g_print ("%s\t%" G_GINT64_FORMAT "\n", _("Views"), vitae_resume_get_view_count (resume));
    g_print ("%s\t%s\n", _("Created"), created);
    g_print ("%s\t%s\n", _("Updated"), updated);
    for (guint s = VITAE_SECTION_BASICS + 1; s < VITAE_N_SECTIONS; s++)
      g_print ("%s\t%s\t%u\n", _("Section"), _(vitae_section_get_info (s)->title),
               vitae_completion_get_n_entries (completion, s));
    for (guint i = 0; i < n_events; i++)
      {
        g_autoptr(VitaeEvent) event = g_list_model_get_item (events, i);
        g_autofree char *when = format_local (vitae_event_get_created_at (event));
        g_autofree char *details = column (vitae_event_get_details (event));

        g_print ("%s\t%s\t%s\t%s\n", _("Event"), when, vitae_event_get_action (event), details);
      }
  }
  return VITAE_EXIT_OK;
}

/**
 * vitae_cli_stats:
 *
 * `vitae stats [ID] [--json]`: without ID, the profile's totals, events in
 * the last 30 days and one row per resume, as on the dashboard; with ID, a
 * resume's completion, what is missing, counters, dates, sections and
 * events, as on its statistics page.
 */
int
vitae_cli_stats (VitaeCliOptions  *options,
                 int               argc,
                 char            **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VitaeStore) store = NULL;
  g_autoptr(VitaeUser) user = NULL;
  const char *id_text = NULL;
  gboolean json = FALSE;
  gint64 id = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (id_text == NULL && argv[i][0] != '-')
        id_text = argv[i];
      else
        {
          g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), argv[i]);
          return vitae_cli_usage ("stats", message);
        }
    }
  if (id_text != NULL && !vitae_cli_parse_id (id_text, &id))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a resume ID"), id_text);
      return vitae_cli_usage ("stats", message);
    }

  store = vitae_cli_open_store (options, &user, &error);
  if (store == NULL)
    return vitae_cli_fail (error);

  return id_text != NULL ? stats_one (store, user, id, json) : stats_all (store, user, json);
}
