/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <string.h>

#include "vitae-hyphenate.h"

/* Hyphenation with the pattern dictionaries LibreOffice uses (Debian's
 * hyphen-* packages, /usr/share/hyphen/hyph_LL_CC.dic; /app/share/hyphen in
 * the Flatpak), applied with Liang's algorithm as TeX does. Pango 1.50
 * breaks lines at soft hyphens (U+00AD) and draws a hyphen where it breaks,
 * so vitae_hyphenate() puts one at each point the patterns allow. An
 * unbroken soft hyphen draws nothing and text extraction drops it. Only
 * plain words are hyphenated: no word with a capital after its first letter
 * (acronyms, product names), or with digits or an address or path around
 * it.
 *
 * The patterns are read here rather than through libhyphen: libhyphen
 * builds a state machine from them, which takes 15 ms for en_US and 3 s for
 * the German dictionary's 78,000 patterns; a trie of the patterns takes a
 * fraction of that and finds the same points. A dictionary may hold
 * two levels (NEXTLEVEL): the first finds the parts of a compound word, the
 * second hyphenates each part, as libhyphen does. Non-standard patterns
 * (that change letters, "ck/k=k") are left out. */

#define SOFT_HYPHEN "\xc2\xad"
#define MIN_WORD_CHARS 6

/* A trie of the patterns' letters; node 0 is the root. A node's children
 * are a list of siblings, but the root's first letters are found through
 * a table: every letter of every word starts a walk there. */
typedef struct {
  gunichar c;
  guint32  first_child;   /* 0: none */
  guint32  next_sibling;  /* 0: none */
  guint32  values;        /* 1 + where the values of a pattern ending here
                           * start (one more than its letters); 0: none */
} TrieNode;

#define ROOT_TABLE_SIZE 0x250   /* Latin, Latin-1, Latin Extended-A and B */

typedef struct {
  GArray     *nodes;    /* TrieNode */
  GByteArray *values;
  guint32     root_children[ROOT_TABLE_SIZE];
} Level;

typedef struct {
  Level levels[2];
  guint n_levels;
  guint left_min;             /* letters before a break, at the word's start */
  guint right_min;            /* …after one, at its end */
  guint compound_left_min;    /* the same inside the parts of a compound */
  guint compound_right_min;
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

static void
level_init (Level *level)
{
  TrieNode root = { 0, };

  level->nodes = g_array_new (FALSE, FALSE, sizeof (TrieNode));
  g_array_append_val (level->nodes, root);
  level->values = g_byte_array_new ();
  memset (level->root_children, 0, sizeof level->root_children);
}

/* The child of @parent for @c, or 0. */
static inline guint32
level_child (const Level *level,
             guint32      parent,
             gunichar     c)
{
  const TrieNode *nodes = (const TrieNode *)(gpointer)level->nodes->data;

  if (parent == 0 && c < ROOT_TABLE_SIZE)
    return level->root_children[c];
  for (guint32 n = nodes[parent].first_child; n != 0; n = nodes[n].next_sibling)
    if (nodes[n].c == c)
      return n;
  return 0;
}

static void
level_add_pattern (Level      *level,
                   const char *pattern,
                   gsize       len)
{
  guint8 values[64] = { 0, };
  guint n_letters = 0;
  guint32 node = 0;

  for (const char *p = pattern; p < pattern + len; p = g_utf8_next_char (p))
    {
      gunichar c;
      guint32 child;

      if (*p >= '0' && *p <= '9')
        {
          values[n_letters] = (guint8)(*p - '0');
          continue;
        }
      if (n_letters + 1 >= G_N_ELEMENTS (values))
        return;   /* nothing that long is a pattern; the nodes so far are harmless */
      c = g_utf8_get_char (p);
      child = level_child (level, node, c);
      if (child == 0)
        {
          TrieNode added = { c, 0, 0, 0 };

          child = level->nodes->len;
          added.next_sibling = g_array_index (level->nodes, TrieNode, node).first_child;
          g_array_append_val (level->nodes, added);
          g_array_index (level->nodes, TrieNode, node).first_child = child;
          if (node == 0 && c < ROOT_TABLE_SIZE)
            level->root_children[c] = child;
        }
      node = child;
      n_letters++;
    }
  if (n_letters == 0)
    return;

  /* A pattern given twice: the later one counts. */
  g_array_index (level->nodes, TrieNode, node).values = level->values->len + 1;
  g_byte_array_append (level->values, values, n_letters + 1);
}

static guint
directive_value (const char *line,
                 const char *name,
                 guint       fallback)
{
  guint64 value;

  if (!g_str_has_prefix (line, name))
    return fallback;
  if (!g_ascii_string_to_unsigned (g_strstrip ((char *)line + strlen (name)), 10, 0, 20, &value, NULL))
    return fallback;
  return (guint)value;
}

static Dictionary *
dictionary_parse (char *contents)
{
  Dictionary *dictionary = g_new0 (Dictionary, 1);
  gboolean first_line = TRUE;
  char *line = contents;

  dictionary->left_min = 2;
  dictionary->right_min = 2;
  dictionary->compound_left_min = 2;
  dictionary->compound_right_min = 2;
  dictionary->n_levels = 1;
  level_init (&dictionary->levels[0]);

  while (line != NULL && *line != '\0')
    {
      char *next = strchr (line, '\n');
      gsize len;

      if (next != NULL)
        *next++ = '\0';
      len = strlen (line);
      while (len > 0 && g_ascii_isspace (line[len - 1]))
        line[--len] = '\0';

      if (first_line)
        first_line = FALSE;   /* the encoding, already dealt with */
      else if (len == 0 || line[0] == '%' || line[0] == '#')
        ;
      else if (g_str_equal (line, "NEXTLEVEL"))
        {
          if (dictionary->n_levels == 1)
            {
              level_init (&dictionary->levels[1]);
              dictionary->n_levels = 2;
            }
        }
      else if (g_ascii_isupper (line[0]))
        {
          dictionary->left_min = directive_value (line, "LEFTHYPHENMIN", dictionary->left_min);
          dictionary->right_min = directive_value (line, "RIGHTHYPHENMIN", dictionary->right_min);
          dictionary->compound_left_min = directive_value (line, "COMPOUNDLEFTHYPHENMIN", dictionary->compound_left_min);
          dictionary->compound_right_min = directive_value (line, "COMPOUNDRIGHTHYPHENMIN", dictionary->compound_right_min);
        }
      else if (strchr (line, '/') == NULL)
        level_add_pattern (&dictionary->levels[dictionary->n_levels - 1], line, len);
      line = next;
    }
  return dictionary;
}

static Dictionary *
dictionary_load (const char *language)
{
  g_autofree char *path = find_dictionary_file (language);
  g_autofree char *contents = NULL;
  g_autofree char *utf8 = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (path == NULL)
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_debug ("Could not read the hyphenation dictionary %s: %s", path, error->message);
      return NULL;
    }
  /* The first line names the patterns' encoding: UTF-8 or ISO 8859-1. */
  if (g_ascii_strncasecmp (contents, "UTF-8", 5) != 0)
    {
      /* ISO 8859-1 is the first 256 code points: two bytes from 0x80 on. */
      utf8 = g_malloc (length * 2 + 1);
      for (gsize i = 0, o = 0; i <= length; i++)
        {
          guchar c = (guchar)contents[i];

          if (i == length)
            utf8[o] = '\0';
          else if (c < 0x80)
            utf8[o++] = (char)c;
          else
            {
              utf8[o++] = (char)(0xc0 | (c >> 6));
              utf8[o++] = (char)(0x80 | (c & 0x3f));
            }
        }
    }
  else if (!g_utf8_validate (contents, (gssize)length, NULL))
    {
      g_debug ("The hyphenation dictionary %s is not UTF-8", path);
      return NULL;
    }
  g_debug ("Hyphenating with %s", path);
  return dictionary_parse (utf8 != NULL ? utf8 : contents);
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
      /* Kept for the life of the process; read only from here on. */
      g_hash_table_insert (dictionaries, g_strdup (language), dictionary);
    }
  g_mutex_unlock (&dictionaries_lock);
  return dictionary;
}

static gpointer
preload_thread (gpointer data)
{
  get_dictionary (vitae_hyphenation_language ());
  return NULL;
}

/**
 * vitae_hyphenation_preload:
 *
 * Starts reading the dictionary of vitae_hyphenation_language() on a
 * thread of its own, once a process, so that it is ready by the time the
 * first paragraph needs it (the layout first waits for fontconfig).
 */
void
vitae_hyphenation_preload (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      g_thread_unref (g_thread_new ("vitae-hyphen", preload_thread, NULL));
      g_once_init_leave (&started, 1);
    }
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

/* Liang's algorithm: every pattern found in ".word." raises the values
 * between its letters; an odd value between letters i - 1 and i of @word
 * (@values[i + 1]) allows a break there. @values has @n + 3 slots. */
static void
level_apply (const Level    *level,
             const gunichar *word,
             guint           n,
             guint8         *values)
{
  const TrieNode *nodes = (const TrieNode *)(gpointer)level->nodes->data;

  memset (values, 0, n + 3);
  for (guint i = 0; i < n + 2; i++)
    {
      guint32 node = 0;

      /* ".word.": its letter j is word[j - 1]. */
      for (guint j = i; j < n + 2; j++)
        {
          gunichar c = j == 0 || j == n + 1 ? '.' : word[j - 1];

          node = level_child (level, node, c);
          if (node == 0)
            break;
          if (nodes[node].values != 0)
            {
              const guint8 *found = level->values->data + nodes[node].values - 1;

              for (guint k = 0; k <= j - i + 1; k++)
                values[i + k] = MAX (values[i + k], found[k]);
            }
        }
    }
}

/* Which of @word's @n letters a break may follow: breaks[i] for a break
 * between letters i and i + 1. */
static void
dictionary_hyphenate (const Dictionary *dictionary,
                      const gunichar   *word,
                      guint             n,
                      gboolean         *breaks)
{
  g_autofree guint8 *values = g_malloc (n + 3);

  memset (breaks, 0, n * sizeof (gboolean));
  if (dictionary->n_levels == 1)
    {
      level_apply (&dictionary->levels[0], word, n, values);
      for (guint i = 0; i + 1 < n; i++)
        breaks[i] = values[i + 2] & 1;
    }
  else
    {
      guint part_start = 0;

      /* The first level splits a compound; the second hyphenates each part,
       * keeping the compound minimums from the part's ends. */
      level_apply (&dictionary->levels[0], word, n, values);
      for (guint i = 0; i < n; i++)
        {
          gboolean boundary = i + 1 < n && (values[i + 2] & 1);

          if (boundary || i + 1 == n)
            {
              guint part_n = i + 1 - part_start;
              g_autofree guint8 *part_values = g_malloc (part_n + 3);

              level_apply (&dictionary->levels[1], word + part_start, part_n, part_values);
              for (guint k = 0; k + 1 < part_n; k++)
                if ((part_values[k + 2] & 1) &&
                    (part_start == 0 || k + 1 >= dictionary->compound_left_min) &&
                    (i + 1 == n || part_n - k - 1 >= dictionary->compound_right_min))
                  breaks[part_start + k] = TRUE;
              if (boundary)
                breaks[i] = TRUE;
              part_start = i + 1;
            }
        }
    }

  for (guint i = 0; i + 1 < n; i++)
    if (i + 1 < dictionary->left_min || n - i - 1 < dictionary->right_min)
      breaks[i] = FALSE;
}

/* Appends @word (@n bytes of letters) to @out with soft hyphens where
 * @dictionary allows a break. */
static void
append_hyphenated_word (GString          *out,
                        const Dictionary *dictionary,
                        const char       *word,
                        gsize             n)
{
  g_autofree char *lower = g_utf8_strdown (word, (gssize)n);
  glong n_chars = g_utf8_strlen (word, (gssize)n);
  g_autofree gunichar *letters = NULL;
  g_autofree gboolean *breaks = NULL;
  glong n_lower = 0;
  const char *p = word;

  /* Lower case must keep one letter for one (not so for İ and the like). */
  letters = g_utf8_to_ucs4_fast (lower, -1, &n_lower);
  if (n_lower != n_chars)
    {
      g_string_append_len (out, word, (gssize)n);
      return;
    }

  breaks = g_new (gboolean, n_chars);
  dictionary_hyphenate (dictionary, letters, (guint)n_chars, breaks);
  for (glong i = 0; i < n_chars; i++)
    {
      const char *next = g_utf8_next_char (p);

      g_string_append_len (out, p, next - p);
      if (breaks[i])
        g_string_append (out, SOFT_HYPHEN);
      p = next;
    }
}

/* g_unichar_isalpha(), quicker for ASCII: it runs on every character. */
static inline gboolean
is_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha ((char)c) : g_unichar_isalpha (c);
}

static gboolean
is_plain_word (const char *word,
               gsize       n)
{
  glong n_chars = 0;

  for (const char *p = word; p < word + n; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_letter (c))
        return FALSE;
      /* "JavaScript", "SQL", "iOS": names, kept whole. A capital first
       * letter is not: German capitalises every noun. */
      if (p != word && (c < 0x80 ? g_ascii_isupper ((char)c) : g_unichar_isupper (c) || g_unichar_istitle (c)))
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
  const Dictionary *dictionary;
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

      if (!is_letter (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }
      end = p;
      while (*end != '\0' && is_letter (g_utf8_get_char (end)))
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
