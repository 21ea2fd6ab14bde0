/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <hyphen.h>
#include <string.h>

#include "vitae-hyphenate.h"

/* Hyphenation with libhyphen (the dictionaries LibreOffice uses, from
 * Debian's hyphen-* packages or /app/share/hyphen in the Flatpak): Pango
 * 1.50 breaks lines at soft hyphens (U+00AD) and draws a hyphen where it
 * breaks, so vitae_hyphenate() puts one at each point the dictionary
 * allows. An unbroken soft hyphen draws nothing and text extraction drops
 * it. Only plain words are hyphenated: no word with a capital (names,
 * acronyms, products, and a sentence's first word), or with digits or an
 * address or path around it. */

#define SOFT_HYPHEN "\xc2\xad"
#define MIN_WORD_CHARS 6

typedef struct {
  HyphenDict *dict;
  gboolean    latin1;   /* the dictionary's patterns are ISO 8859-1 */
} Dictionary;

static GMutex dictionaries_lock;
static GHashTable *dictionaries;   /* language → Dictionary, or NULL when none */

static char *
find_dictionary_file (const char *language)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *name = g_strdup_printf ("hyph_%s.dic", language);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "hyphen", name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static Dictionary *
dictionary_load (const char *language)
{
  g_autofree char *path = find_dictionary_file (language);
  g_autofree char *contents = NULL;
  Dictionary *dictionary;
  HyphenDict *dict;

  if (path == NULL)
    return NULL;
  dict = hnj_hyphen_load (path);
  if (dict == NULL)
    {
      g_debug ("Could not read the hyphenation dictionary %s", path);
      return NULL;
    }
  dictionary = g_new0 (Dictionary, 1);
  dictionary->dict = dict;
  /* The first line names the patterns' encoding. */
  dictionary->latin1 = dict->cset[0] != '\0' && g_ascii_strncasecmp (dict->cset, "UTF-8", 5) != 0;
  g_debug ("Hyphenating with %s (%s)", path, dict->cset);
  return dictionary;
}

/* The dictionary for @language ("de_CH"), else for its language alone
 * ("de"), loaded once; NULL when neither is installed. */
static Dictionary *
get_dictionary (const char *language)
{
  Dictionary *dictionary;

  g_mutex_lock (&dictionaries_lock);
  if (dictionaries == NULL)
    dictionaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (dictionaries, language, NULL, (gpointer *)&dictionary))
    {
      dictionary = dictionary_load (language);
      if (dictionary == NULL && strchr (language, '_') != NULL)
        {
          g_autofree char *bare = g_strndup (language, strcspn (language, "_"));

          dictionary = dictionary_load (bare);
        }
      /* Kept for the life of the process, as the hyphenator is. */
      g_hash_table_insert (dictionaries, g_strdup (language), dictionary);
    }
  g_mutex_unlock (&dictionaries_lock);
  return dictionary;
}

/**
 * vitae_hyphenation_language:
 *
 * Returns: the language text is hyphenated in: the one the desktop speaks
 *   ("de_DE"), or "en_US" in the C locale
 */
const char *
vitae_hyphenation_language (void)
{
  static char *language = NULL;

  if (g_once_init_enter (&language))
    {
      const char * const *names = g_get_language_names ();
      char *value = NULL;

      for (guint i = 0; names[i] != NULL && value == NULL; i++)
        {
          /* "de_DE.UTF-8@euro" → "de_DE" */
          gsize n = strcspn (names[i], ".@");

          if (n == 0 || g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX") ||
              g_str_has_prefix (names[i], "C."))
            continue;
          value = g_strndup (names[i], n);
        }
      g_once_init_leave (&language, value != NULL ? value : g_strdup ("en_US"));
    }
  return language;
}

/* Appends @word (@n bytes of letters) to @out with soft hyphens where
 * @dictionary allows a break. */
static void
append_hyphenated_word (GString     *out,
                        Dictionary  *dictionary,
                        const char  *word,
                        gsize        n)
{
  g_autofree char *lower = g_utf8_strdown (word, (gssize)n);
  g_autofree char *encoded = NULL;
  g_autofree char *hyphens = NULL;
  char **rep = NULL;
  int *pos = NULL, *cut = NULL;
  gboolean nonstandard;
  glong n_chars = g_utf8_strlen (word, (gssize)n);
  const char *input = lower;
  gsize input_len = strlen (lower);
  const char *p = word;

  /* Lower case must keep one letter for one (not so for ß → ss and the like). */
  if (g_utf8_strlen (lower, -1) != n_chars)
    {
      g_string_append_len (out, word, (gssize)n);
      return;
    }
  if (dictionary->latin1)
    {
      encoded = g_convert (lower, -1, "ISO-8859-1", "UTF-8", NULL, &input_len, NULL);
      if (encoded == NULL)
        {
          g_string_append_len (out, word, (gssize)n);
          return;
        }
      input = encoded;
    }

  hyphens = g_malloc0 (input_len + 5);
  if (hnj_hyphen_hyphenate2 (dictionary->dict, input, (int)input_len, hyphens, NULL, &rep, &pos, &cut) != 0)
    {
      g_string_append_len (out, word, (gssize)n);
      return;
    }
  /* A non-standard break (one that changes letters, as in old German
   * "Schiffahrt"): not used, and the word is left whole. */
  nonstandard = rep != NULL;
  if (rep != NULL)
    {
      for (gsize i = 0; i < input_len; i++)
        g_free (rep[i]);
      g_free (rep);
      g_free (pos);
      g_free (cut);
    }

  /* hyphens[i] is odd when a break may follow the i-th letter. */
  for (glong i = 0; i < n_chars; i++)
    {
      const char *next = g_utf8_next_char (p);

      g_string_append_len (out, p, next - p);
      if (i + 1 < n_chars && (hyphens[i] & 1) && !nonstandard)
        g_string_append (out, SOFT_HYPHEN);
      p = next;
    }
}

static gboolean
is_plain_word (const char *word,
               gsize       n)
{
  glong n_chars = 0;

  for (const char *p = word; p < word + n; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        return FALSE;
      /* "Stanford", "JavaScript", "SQL": names, kept whole. */
      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        return FALSE;
      n_chars++;
    }
  return n_chars >= MIN_WORD_CHARS;
}

/* Characters that make a run of letters part of something else: an
 * address, a path, a file name, a number. */
static gboolean
is_glue (gunichar c)
{
  return g_unichar_isdigit (c) || c == '/' || c == '@' || c == '_' || c == '.' ||
         c == ':' || c == '\\' || c == '#' || c == '=' || c == '~' || c == '+';
}

/**
 * vitae_hyphenate:
 * @text: UTF-8 text
 * @language: (nullable): a language as in "en_US"; %NULL for
 *   vitae_hyphenation_language()
 *
 * Returns: (transfer full) (nullable): @text with soft hyphens where its
 *   words may break, or %NULL when it has none (or no dictionary is
 *   installed for @language)
 */
char *
vitae_hyphenate (const char *text,
                 const char *language)
{
  Dictionary *dictionary;
  g_autoptr(GString) out = NULL;
  gboolean changed = FALSE;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  dictionary = get_dictionary (language != NULL ? language : vitae_hyphenation_language ());
  if (dictionary == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text) + 16);
  while (*p != '\0')
    {
      const char *start = p;
      const char *end;
      gunichar before, after;

      if (!g_unichar_isalpha (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }
      end = p;
      while (*end != '\0' && g_unichar_isalpha (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);

      before = start > text ? g_utf8_get_char (g_utf8_prev_char (start)) : ' ';
      after = g_utf8_get_char (end);
      /* "example.org", "v2beta", "me@host": leave alone; a sentence's full
       * stop is followed by a space or the end. */
      if (is_plain_word (start, end - start) && !is_glue (before) &&
          !(is_glue (after) && (after != '.' || (end[1] != '\0' && !g_ascii_isspace (end[1])))))
        {
          gsize len_before = out->len;

          append_hyphenated_word (out, dictionary, start, end - start);
          changed |= out->len != len_before + (gsize)(end - start);
        }
      else
        g_string_append_len (out, start, end - start);
      p = end;
    }

  if (!changed)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
