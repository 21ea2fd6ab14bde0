/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vitae-search.h"
#include "vitae-section.h"
#include "vitae-store-index.h"

/* Full-text search over the FTS5 table `resume_search` (see
 * vitae-store-index.h). Results whose title or candidate name match come
 * first, then the others; each group newest first, which FTS5 gives in
 * rowid order without ranking every match. Which field matched and a snippet
 * are worked out only for the results someone reads (a list shows a screen
 * of them), with one indexed lookup each. */

#define MARK_OPEN  '\x02'
#define MARK_CLOSE '\x03'

/* Shared by the results of one search. */
typedef struct {
  VitaeStore *store;
  char       *expression;
  /* the words' tokens, folded as the index folds them (gunichar strings);
   * the last one matches as a prefix */
  GPtrArray  *terms;
} SearchQuery;

struct _VitaeSearchResult
{
  GObject      parent_instance;

  SearchQuery *query;
  gint64       resume_id;
  char        *title;
  char        *candidate_name;
  gboolean     is_active;
  /* the whole query matched in the title or the name */
  gboolean     in_heading;

  gboolean     has_details;
  char        *field_key;
  char        *field;
  char        *snippet;
  char        *snippet_markup;
};

enum {
  PROP_0,
  PROP_RESUME_ID,
  PROP_TITLE,
  PROP_CANDIDATE_NAME,
  PROP_IS_ACTIVE,
  PROP_FIELD,
  PROP_SNIPPET,
  PROP_SNIPPET_MARKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VitaeSearchResult, vitae_search_result, G_TYPE_OBJECT)

static void
search_query_clear (gpointer data)
{
  SearchQuery *query = data;

  g_clear_object (&query->store);
  g_clear_pointer (&query->expression, g_free);
  g_clear_pointer (&query->terms, g_ptr_array_unref);
}

static void
search_query_unref (SearchQuery *query)
{
  g_rc_box_release_full (query, search_query_clear);
}

static gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* What unicode61 with remove_diacritics 2 makes of a character, near
 * enough to show where a match is: the base letter, in lower case. The
 * match itself is always FTS5's. */
static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c < 0x80)
    return g_ascii_tolower (c);
  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  return g_unichar_tolower (c);
}

/* Calls @func with the byte range of each token of @text. */
typedef gboolean (*TokenFunc) (const char *start,
                               const char *end,
                               gpointer    user_data);

static void
foreach_token (const char *text,
               TokenFunc   func,
               gpointer    user_data)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !is_token_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && is_token_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (!func (start, p, user_data))
        break;
    }
}

static gboolean
add_term (const char *start,
          const char *end,
          gpointer    user_data)
{
  GPtrArray *terms = user_data;
  GArray *term = g_array_new (TRUE, FALSE, sizeof (gunichar));

  for (const char *c = start; c < end; c = g_utf8_next_char (c))
    if (!g_unichar_ismark (g_utf8_get_char (c)))
      {
        gunichar folded = fold_char (g_utf8_get_char (c));
        g_array_append_val (term, folded);
      }
  g_ptr_array_add (terms, g_array_free (term, FALSE));
  return TRUE;
}

/* The tokens of the words of @text that vitae_search_match_expression()
 * keeps, folded. */
static GPtrArray *
query_terms (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);

  foreach_token (valid, add_term, terms);
  return terms;
}

typedef struct {
  SearchQuery *query;
  GArray      *spans;   /* pairs of byte offsets */
  const char  *text;
  guint64      terms;   /* a bit for each term found */
} MarkState;

static gboolean
mark_token (const char *start,
            const char *end,
            gpointer    user_data)
{
  MarkState *state = user_data;
  GPtrArray *terms = state->query->terms;

  for (guint t = 0; t < terms->len; t++)
    {
      const gunichar *term = g_ptr_array_index (terms, t);
      gboolean prefix = t + 1 == terms->len;
      const char *c = start;
      guint i = 0;

      for (; c < end; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);

          if (g_unichar_ismark (ch))
            continue;
          if (term[i] == 0 || fold_char (ch) != term[i])
            break;
          i++;
        }
      if (term[i] == 0 && (c == end || prefix))
        {
          gsize span[2] = { start - state->text, end - state->text };
          g_array_append_vals (state->spans, span, 2);
          state->terms |= G_GUINT64_CONSTANT (1) << MIN (t, 63);
          break;
        }
    }
  return TRUE;
}

/* @text with each token that matches a term between MARK_OPEN and
 * MARK_CLOSE, as FTS5's highlight() would; %NULL when none does.
 * @n_terms, if given, is set to how many of the terms it holds. */
static char *
mark_matches (SearchQuery *query,
              const char  *text,
              guint       *n_terms)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  MarkState state = { query, spans, text, 0 };
  GString *marked;
  gsize done = 0;

  if (text == NULL || *text == '\0')
    return NULL;
  foreach_token (text, mark_token, &state);
  if (spans->len == 0)
    return NULL;
  if (n_terms != NULL)
    {
      *n_terms = 0;
      for (guint64 bits = state.terms; bits != 0; bits &= bits - 1)
        (*n_terms)++;
    }

  marked = g_string_sized_new (strlen (text) + spans->len);
  for (guint i = 0; i < spans->len; i += 2)
    {
      gsize from = g_array_index (spans, gsize, i), to = g_array_index (spans, gsize, i + 1);

      g_string_append_len (marked, text + done, from - done);
      g_string_append_c (marked, MARK_OPEN);
      g_string_append_len (marked, text + from, to - from);
      g_string_append_c (marked, MARK_CLOSE);
      done = to;
    }
  g_string_append (marked, text + done);
  return g_string_free (marked, FALSE);
}

/**
 * vitae_search_match_expression:
 * @text: what the person typed, any text at all
 *
 * Turns @text into an FTS5 query that cannot be a syntax error: each
 * whitespace-separated word becomes a quoted string (so `AND`, `NEAR(`, `-`,
 * `*`, quotes and parentheses are plain words), the last one a prefix, and
 * all of them must match. Words with nothing to search for (`-`, `"`) are
 * dropped.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when @text
 *   has nothing to search for
 */
char *
vitae_search_match_expression (const char *text)
{
  g_autoptr(GString) expression = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);

  p = valid;
  while (*p != '\0')
    {
      const char *start, *end;
      gboolean searchable = FALSE;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          searchable |= is_token_char (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      end = p;
      if (!searchable)
        continue;

      if (expression->len > 0)
        g_string_append_c (expression, ' ');
      g_string_append_c (expression, '"');
      for (const char *c = start; c < end; c++)
        {
          if (*c == '"')
            g_string_append_c (expression, '"');
          g_string_append_c (expression, *c);
        }
      g_string_append_c (expression, '"');
    }

  if (expression->len == 0)
    return NULL;
  g_string_append_c (expression, '*');
  return g_string_free (g_steal_pointer (&expression), FALSE);
}

static char *
field_label (const char *key)
{
  g_auto(GStrv) parts = NULL;
  const VitaeSectionInfo *section;
  const VitaeFieldInfo *field;

  if (g_str_equal (key, "title"))
    return g_strdup (_("Title"));
  if (g_str_equal (key, "name"))
    return g_strdup (_("Name"));

  parts = g_strsplit (key, ".", 2);
  if (parts[0] == NULL || parts[1] == NULL ||
      (section = vitae_section_lookup (parts[0])) == NULL ||
      (field = vitae_section_lookup_field (section, parts[1])) == NULL)
    return g_strdup (key);
  if (section->single)
    return g_strdup (_(field->title));
  /* Translators: where a search matched: a section, then one of its fields, as in "Work · Highlights" */
  return g_strdup_printf (_("%s · %s"), _(section->title), _(field->title));
}

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);
  g_string_append (markup, escaped);
}

/* A dozen words of @marked around its first match, as plain text and as
 * Pango markup with the matches in bold. */
static void
make_snippet (VitaeSearchResult *self,
              const char        *marked)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) markup = g_string_new (NULL);
  guint n, first = 0, start, end;
  gboolean open = FALSE;

  {
    g_autofree char *flat = g_strdup (marked);
    for (char *c = flat; *c != '\0'; c++)
      if (*c == '\n' || *c == '\t' || *c == '\r')
        *c = ' ';
    words = g_strsplit (flat, " ", -1);
  }
  n = g_strv_length (words);
  for (guint i = 0; i < n; i++)
    if (strchr (words[i], MARK_OPEN) != NULL)
      {
        first = i;
        break;
      }
  start = first > 5 ? first - 5 : 0;
  end = MIN (n, start + 14);

  if (start > 0)
    {
      g_string_append (plain, "…");
      g_string_append (markup, "…");
    }
  for (guint i = start; i < end; i++)
    {
      const char *w = words[i];

      if (*w == '\0')
        continue;
      if (plain->len > 0 && !(start > 0 && i == start))
        {
          g_string_append_c (plain, ' ');
          g_string_append_c (markup, ' ');
        }
      while (*w != '\0')
        {
          const char *stop = w + strcspn (w, "\x02\x03");

          g_string_append_len (plain, w, stop - w);
          append_escaped (markup, w, stop - w);
          if (*stop == MARK_OPEN && !open)
            {
              g_string_append (markup, "<b>");
              open = TRUE;
            }
          else if (*stop == MARK_CLOSE && open)
            {
              g_string_append (markup, "</b>");
              open = FALSE;
            }
          w = *stop != '\0' ? stop + 1 : stop;
        }
    }
  if (open)
    g_string_append (markup, "</b>");
  if (end < n)
    {
      g_string_append (plain, "…");
      g_string_append (markup, "…");
    }

  self->snippet = g_string_free (g_steal_pointer (&plain), FALSE);
  self->snippet_markup = g_string_free (g_steal_pointer (&markup), FALSE);
}

static gboolean
is_marked (const char *text)
{
  return text != NULL && strchr (text, MARK_OPEN) != NULL;
}

static guint
section_rank (const char *key)
{
  g_autofree char *section = g_strndup (key, strcspn (key, "."));
  const VitaeSectionInfo *info = vitae_section_lookup (section);

  return info != NULL ? info->id : VITAE_N_SECTIONS;
}

/* The value of @content (separated as in the index, its keys in @fields)
 * that shows the match best: the one holding the most words of the query,
 * then the shortest (a company name rather than a summary that mentions
 * it), then the first in the section schema's order; %NULL when none
 * matches. Without @query, the values FTS5 marked. */
static char *
find_in_content (SearchQuery  *query,
                 const char   *content,
                 const char   *fields,
                 char        **key)
{
  g_auto(GStrv) values = g_strsplit (content ? content : "", "\x1e", -1);
  g_auto(GStrv) keys = g_strsplit (fields ? fields : "", "\x1e", -1);
  guint n_keys = g_strv_length (keys);
  char *best = NULL;
  guint best_terms = 0, best_rank = 0;
  gsize best_length = 0;

  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *value_key = i < n_keys ? keys[i] : "content";
      guint n_terms = 1;
      char *marked = query ? mark_matches (query, values[i], &n_terms)
                           : (strchr (values[i], MARK_OPEN) ? g_strdup (values[i]) : NULL);
      gsize length = strlen (values[i]);
      guint rank = section_rank (value_key);

      if (marked == NULL)
        continue;
      if (best == NULL || n_terms > best_terms ||
          (n_terms == best_terms && (length < best_length ||
                                     (length == best_length && rank < best_rank))))
        {
          g_free (best);
          best = marked;
          best_terms = n_terms;
          best_length = length;
          best_rank = rank;
          g_free (*key);
          *key = g_strdup (value_key);
        }
      else
        g_free (marked);
    }
  return best;
}

/* The row as FTS5's highlight() marks it: slower (the query runs again for
 * this row), but exactly what FTS5 matched. For text our own folding does
 * not recognise. */
static gboolean
fetch_highlighted (VitaeSearchResult  *self,
                   char              **title,
                   char              **name,
                   char              **content,
                   char              **fields)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  stmt = vitae_store_prepare_cached (self->query->store,
                                     "SELECT highlight (resume_search, 0, char (2), char (3)),"
                                     " highlight (resume_search, 1, char (2), char (3)),"
                                     " highlight (resume_search, 2, char (2), char (3)), fields"
                                     " FROM resume_search WHERE resume_search MATCH ?1 AND rowid = ?2",
                                     &error);
  if (stmt == NULL)
    {
      g_debug ("No details for search result %" G_GINT64_FORMAT ": %s", self->resume_id, error->message);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, self->query->expression, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->resume_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *title = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      *content = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      *fields = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  return found;
}

/* Which field matched and the words around it. The row's text comes from
 * the index, whose `content` values line up with its `fields` keys; the
 * matching words are found again here, which is much cheaper than asking
 * FTS5 to run the query again for one row (prefix queries rebuild their
 * term lists each time). */
static void
ensure_details (VitaeSearchResult *self)
{
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autofree char *content = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *marked = NULL;
  g_autoptr(GError) error = NULL;
  SearchQuery *query = self->query;
  sqlite3_stmt *stmt;

  if (self->has_details)
    return;
  self->has_details = TRUE;

  stmt = vitae_store_prepare_cached (query->store,
                                     "SELECT title, name, content, fields FROM resume_search WHERE rowid = ?1",
                                     &error);
  if (stmt == NULL)
    {
      g_debug ("No details for search result %" G_GINT64_FORMAT ": %s", self->resume_id, error->message);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, self->resume_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      title = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      name = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      content = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      fields = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);

  for (guint attempt = 0; attempt < 2 && marked == NULL; attempt++)
    {
      /* The first attempt marks the words itself; the second takes FTS5's marks. */
      SearchQuery *marker = attempt == 0 ? query : NULL;
      g_autofree char *marked_title = NULL;
      g_autofree char *marked_name = NULL;

      if (attempt == 1)
        {
          g_clear_pointer (&title, g_free);
          g_clear_pointer (&name, g_free);
          g_clear_pointer (&content, g_free);
          g_clear_pointer (&fields, g_free);
          if (!fetch_highlighted (self, &title, &name, &content, &fields))
            break;
        }
      marked_title = marker ? mark_matches (marker, title, NULL) : (is_marked (title) ? g_strdup (title) : NULL);
      marked_name = marker ? mark_matches (marker, name, NULL) : (is_marked (name) ? g_strdup (name) : NULL);

      if (self->in_heading && marked_title != NULL)
        self->field_key = g_strdup ("title"), marked = g_steal_pointer (&marked_title);
      else if (self->in_heading && marked_name != NULL)
        self->field_key = g_strdup ("name"), marked = g_steal_pointer (&marked_name);
      else if ((marked = find_in_content (marker, content, fields, &self->field_key)) != NULL)
        ;
      else if (marked_title != NULL)
        self->field_key = g_strdup ("title"), marked = g_steal_pointer (&marked_title);
      else if (marked_name != NULL)
        self->field_key = g_strdup ("name"), marked = g_steal_pointer (&marked_name);
    }

  if (marked != NULL)
    {
      make_snippet (self, marked);
      self->field = field_label (self->field_key);
    }
}

static void
vitae_search_result_finalize (GObject *object)
{
  VitaeSearchResult *self = (VitaeSearchResult *)object;

  g_clear_pointer (&self->query, search_query_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->candidate_name, g_free);
  g_clear_pointer (&self->field_key, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->snippet_markup, g_free);

  G_OBJECT_CLASS (vitae_search_result_parent_class)->finalize (object);
}

static void
vitae_search_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VitaeSearchResult *self = VITAE_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_RESUME_ID:
      g_value_set_int64 (value, self->resume_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CANDIDATE_NAME:
      g_value_set_string (value, self->candidate_name);
      break;
    case PROP_IS_ACTIVE:
      g_value_set_boolean (value, self->is_active);
      break;
    case PROP_FIELD:
      g_value_set_string (value, vitae_search_result_get_field (self));
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, vitae_search_result_get_snippet (self));
      break;
    case PROP_SNIPPET_MARKUP:
      g_value_set_string (value, vitae_search_result_get_snippet_markup (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vitae_search_result_class_init (VitaeSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vitae_search_result_finalize;
  object_class->get_property = vitae_search_result_get_property;

  properties[PROP_RESUME_ID] = g_param_spec_int64 ("resume-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CANDIDATE_NAME] = g_param_spec_string ("candidate-name", NULL, NULL, NULL, flags);
  properties[PROP_IS_ACTIVE] = g_param_spec_boolean ("is-active", NULL, NULL, TRUE, flags);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_SNIPPET] = g_param_spec_string ("snippet", NULL, NULL, NULL, flags);
  properties[PROP_SNIPPET_MARKUP] = g_param_spec_string ("snippet-markup", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vitae_search_result_init (VitaeSearchResult *self)
{
}

#define SEARCH_SQL                                                             \
  "SELECT r.id, r.title, json_extract (r.basics, '$.name'), r.is_active"       \
  " FROM resume_search s JOIN resumes r ON r.id = s.rowid"                     \
  " WHERE resume_search MATCH ?1 AND r.user_id = ?2"                           \
  " ORDER BY s.rowid DESC LIMIT ?3"

/* Appends the matches of @expression not seen yet, up to @want in all;
 * returns FALSE with @error set on a database error. */
static gboolean
collect (VitaeStore   *store,
         SearchQuery  *query,
         gint64        user_id,
         const char   *expression,
         gboolean      in_heading,
         guint         want,
         GHashTable   *seen,
         GListStore   *results,
         gboolean     *more,
         GError      **error)
{
  sqlite3_stmt *stmt = vitae_store_prepare_cached (store, SEARCH_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_int64 (stmt, 3, (gint64)want + 1 + g_hash_table_size (seen));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      VitaeSearchResult *result;

      if (g_hash_table_contains (seen, &id))
        continue;
      if (g_list_model_get_n_items (G_LIST_MODEL (results)) >= want)
        {
          *more = TRUE;
          break;
        }

      result = g_object_new (VITAE_TYPE_SEARCH_RESULT, NULL);
      result->query = g_rc_box_acquire (query);
      result->resume_id = id;
      result->title = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      result->candidate_name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      result->is_active = sqlite3_column_int (stmt, 3);
      result->in_heading = in_heading;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_list_store_append (results, result);
      g_object_unref (result);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      vitae_store_set_error_from_db (error, vitae_store_get_db (store), _("Could not search"));
      return FALSE;
    }
  return TRUE;
}

/**
 * vitae_store_search_full:
 * @user_id: the profile whose resumes (active and archived) are searched
 * @text: what the person typed; any text is a valid query
 * @limit: the most results to return, or 0 for all of them
 * @more: (out) (optional): set to %TRUE when more matches were left out
 *
 * Finds the resumes whose title, candidate name or any content holds every
 * word of @text, the last word as a prefix, ignoring case and diacritics.
 * Resumes whose title or name hold them all come first; within each group,
 * the newest first.
 *
 * Returns: (transfer full): a #GListModel of #VitaeSearchResult, empty when
 *   @text has nothing to search for; %NULL with @error set when the database
 *   cannot be read
 */
GListModel *
vitae_store_search_full (VitaeStore  *self,
                         gint64       user_id,
                         const char  *text,
                         guint        limit,
                         gboolean    *more,
                         GError     **error)
{
  g_autoptr(GListStore) results = g_list_store_new (VITAE_TYPE_SEARCH_RESULT);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *expression = NULL;
  g_autofree char *heading = NULL;
  SearchQuery *query;
  gboolean truncated = FALSE;
  guint want = limit > 0 ? limit : G_MAXINT;
  gboolean ok;

  g_return_val_if_fail (VITAE_IS_STORE (self), NULL);

  if (more != NULL)
    *more = FALSE;
  expression = vitae_search_match_expression (text);
  if (expression == NULL)
    return G_LIST_MODEL (g_steal_pointer (&results));

  query = g_rc_box_new0 (SearchQuery);
  query->store = g_object_ref (self);
  query->expression = g_strdup (expression);
  query->terms = query_terms (text);
  heading = g_strdup_printf ("{title name} : (%s)", expression);

  ok = collect (self, query, user_id, heading, TRUE, want, seen, results, &truncated, error) &&
       (truncated || collect (self, query, user_id, expression, FALSE, want, seen, results, &truncated, error));
  search_query_unref (query);
  if (!ok)
    return NULL;

  if (more != NULL)
    *more = truncated;
  return G_LIST_MODEL (g_steal_pointer (&results));
}

/**
 * vitae_store_search:
 *
 * vitae_store_search_full() with at most %VITAE_SEARCH_LIMIT results.
 *
 * Returns: (transfer full): a #GListModel of #VitaeSearchResult
 */
GListModel *
vitae_store_search (VitaeStore  *self,
                    gint64       user_id,
                    const char  *text,
                    GError     **error)
{
  return vitae_store_search_full (self, user_id, text, VITAE_SEARCH_LIMIT, NULL, error);
}

gint64
vitae_search_result_get_resume_id (VitaeSearchResult *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_RESULT (self), 0);
  return self->resume_id;
}

const char *
vitae_search_result_get_title (VitaeSearchResult *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
vitae_search_result_get_candidate_name (VitaeSearchResult *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_RESULT (self), NULL);
  return self->candidate_name;
}

gboolean
vitae_search_result_get_is_active (VitaeSearchResult *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_RESULT (self), FALSE);
  return self->is_active;
}

/**
 * vitae_search_result_get_field_key:
 *
 * Returns: (nullable): where the match is: `title`, `name`, or a
 *   `section.field` key of the section schema such as `work.highlights`
 */
const char *
vitae_search_result_get_field_key (VitaeSearchResult *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_RESULT (self), NULL);
  ensure_details (self);
  return self->field_key;
}

/**
 * vitae_search_result_get_field:
 *
 * Returns: (nullable): where the match is, for people: "Title", "Name",
 *   "Summary", "Work · Highlights"
 */
const char *
vitae_search_result_get_field (VitaeSearchResult *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_RESULT (self), NULL);
  ensure_details (self);
  return self->field;
}

/**
 * vitae_search_result_get_snippet:
 *
 * Returns: (nullable): the words around the match, as plain text
 */
const char *
vitae_search_result_get_snippet (VitaeSearchResult *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_RESULT (self), NULL);
  ensure_details (self);
  return self->snippet;
}

/**
 * vitae_search_result_get_snippet_markup:
 *
 * Returns: (nullable): the words around the match as Pango markup, the
 *   matching words in bold
 */
const char *
vitae_search_result_get_snippet_markup (VitaeSearchResult *self)
{
  g_return_val_if_fail (VITAE_IS_SEARCH_RESULT (self), NULL);
  ensure_details (self);
  return self->snippet_markup;
}
