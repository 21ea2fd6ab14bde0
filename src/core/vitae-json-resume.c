/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-core"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vitae-json-resume.h"

/* JSON Resume <-> VitaeResume, driven by the section schema table.
 *
 * Import runs in two passes. A strict scanner first checks the bytes: UTF-8,
 * JSON grammar, nesting depth, string escapes (no lone surrogates, no NUL) and
 * number ranges. Debian 12's json-glib 1.6 crashes on deep nesting, accepts
 * raw control characters and leading zeros, truncates strings at \u0000 and
 * wraps integers past 64 bits, so it only ever sees text the scanner passed.
 * The tree json-glib builds is then mapped onto the model, section by section
 * and field by field from the schema; anything the model cannot hold (unknown
 * keys, empty strings, empty lists, nulls) is kept verbatim in the entry's or
 * the resume's extra object and merged back on export. */

#define VITAE_META_KEY "vitae"

typedef struct {
  const char *data;
  gsize       length;
  gsize       pos;
  guint       depth;
  char        stack[VITAE_JSON_RESUME_MAX_DEPTH];
  /* Raw (escaped) member names seen in each open object, for duplicates. */
  GHashTable *keys[VITAE_JSON_RESUME_MAX_DEPTH];
} Scanner;

typedef enum {
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,
  EXPECT_KEY,
  EXPECT_KEY_OR_CLOSE,
  EXPECT_COLON,
  EXPECT_SEPARATOR,
} ScanState;

G_DEFINE_QUARK (vitae-json-resume-error-quark, vitae_json_resume_error)

/* Scanner */

static void
scanner_clear (Scanner *scanner)
{
  for (guint i = 0; i < G_N_ELEMENTS (scanner->keys); i++)
    g_clear_pointer (&scanner->keys[i], g_hash_table_unref);
}

static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        line_start = i + 1;
      }
  /* The text before the offset is valid UTF-8 once the encoding check passed;
   * before that, count bytes. */
  if (g_utf8_validate_len (data + line_start, offset - line_start, NULL))
    *column = g_utf8_strlen (data + line_start, offset - line_start) + 1;
  else
    *column = offset - line_start + 1;
}

G_GNUC_PRINTF (5, 6)
static gboolean
scan_error (Scanner    *scanner,
            gsize       offset,
            GError    **error,
            int         code,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line, column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  locate (scanner->data, offset, &line, &column);
  /* Translators: where a problem is in an imported file, then what it is */
  g_set_error (error, VITAE_JSON_RESUME_ERROR, code, _("line %u, column %u: %s"),
               line, column, message);
  return FALSE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
scan_unicode_escape (Scanner  *scanner,
                     gsize     offset,
                     guint    *value)
{
  *value = 0;
  if (scanner->length - offset < 6 ||
      scanner->data[offset] != '\\' || scanner->data[offset + 1] != 'u')
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (scanner->data[offset + 2 + i]);
      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  return TRUE;
}

/* At the opening quote; leaves pos after the closing quote. */
static gboolean
scan_string (Scanner  *scanner,
             GError  **error)
{
  gsize start = scanner->pos;

  scanner->pos++;
  while (scanner->pos < scanner->length)
    {
      guchar c = scanner->data[scanner->pos];

      if (c == '"')
        {
          scanner->pos++;
          return TRUE;
        }
      if (c < 0x20)
        return scan_error (scanner, scanner->pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                           _("a control character inside a string must be escaped"));
      if (c != '\\')
        {
          scanner->pos++;
          continue;
        }

      if (scanner->pos + 1 >= scanner->length)
        break;
      c = scanner->data[scanner->pos + 1];
      if (strchr ("\"\\/bfnrt", c) != NULL && c != '\0')
        {
          scanner->pos += 2;
          continue;
        }
      if (c == 'u')
        {
          guint value, low;

          if (!scan_unicode_escape (scanner, scanner->pos, &value))
            return scan_error (scanner, scanner->pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                               _("\\u must be followed by four hexadecimal digits"));
          if (value == 0)
            return scan_error (scanner, scanner->pos, error, VITAE_JSON_RESUME_ERROR_ENCODING,
                               _("a string contains a NUL character (\\u0000)"));
          if (value >= 0xDC00 && value <= 0xDFFF)
            return scan_error (scanner, scanner->pos, error, VITAE_JSON_RESUME_ERROR_ENCODING,
                               _("a lone low surrogate (\\u%04X) is not a character"), value);
          if (value >= 0xD800 && value <= 0xDBFF)
            {
              if (!scan_unicode_escape (scanner, scanner->pos + 6, &low) ||
                  low < 0xDC00 || low > 0xDFFF)
                return scan_error (scanner, scanner->pos, error, VITAE_JSON_RESUME_ERROR_ENCODING,
                                   _("a lone high surrogate (\\u%04X) is not a character"), value);
              scanner->pos += 6;
            }
          scanner->pos += 6;
          continue;
        }
      return scan_error (scanner, scanner->pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                         _("invalid escape sequence in a string"));
    }

  return scan_error (scanner, start, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                     _("the string never ends (is the file truncated?)"));
}

static gsize
scan_digits (Scanner *scanner)
{
  gsize n = 0;

  while (scanner->pos < scanner->length && g_ascii_isdigit (scanner->data[scanner->pos]))
    {
      scanner->pos++;
      n++;
    }
  return n;
}

static gboolean
scan_number (Scanner  *scanner,
             GError  **error)
{
  gsize start = scanner->pos;
  gboolean integral = TRUE;
  g_autofree char *text = NULL;

  if (scanner->data[scanner->pos] == '-')
    scanner->pos++;
  if (scanner->pos < scanner->length && scanner->data[scanner->pos] == '0')
    {
      scanner->pos++;
      if (scanner->pos < scanner->length && g_ascii_isdigit (scanner->data[scanner->pos]))
        return scan_error (scanner, start, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                           _("a number cannot start with a zero"));
    }
  else if (scan_digits (scanner) == 0)
    return scan_error (scanner, start, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                       _("invalid number"));

  if (scanner->pos < scanner->length && scanner->data[scanner->pos] == '.')
    {
      integral = FALSE;
      scanner->pos++;
      if (scan_digits (scanner) == 0)
        return scan_error (scanner, start, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                           _("invalid number"));
    }
  if (scanner->pos < scanner->length &&
      (scanner->data[scanner->pos] == 'e' || scanner->data[scanner->pos] == 'E'))
    {
      integral = FALSE;
      scanner->pos++;
      if (scanner->pos < scanner->length &&
          (scanner->data[scanner->pos] == '+' || scanner->data[scanner->pos] == '-'))
        scanner->pos++;
      if (scan_digits (scanner) == 0)
        return scan_error (scanner, start, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                           _("invalid number"));
    }

  /* json-glib would turn these into infinity, zero or a wrapped integer. */
  text = g_strndup (scanner->data + start, scanner->pos - start);
  if (integral)
    {
      gint64 value;
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return scan_error (scanner, start, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                           _("the number %s is out of range"), text);
    }
  else
    {
      errno = 0;
      g_ascii_strtod (text, NULL);
      if (errno == ERANGE)
        return scan_error (scanner, start, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                           _("the number %s is out of range"), text);
    }
  return TRUE;
}

static gboolean
scan_literal (Scanner  *scanner,
              GError  **error)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);
      if (scanner->length - scanner->pos >= len &&
          memcmp (scanner->data + scanner->pos, literals[i], len) == 0)
        {
          scanner->pos += len;
          return TRUE;
        }
    }
  return scan_error (scanner, scanner->pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                     _("unexpected text; expected a value"));
}

static gboolean
scan_push (Scanner  *scanner,
           char      kind,
           GError  **error)
{
  if (scanner->depth >= VITAE_JSON_RESUME_MAX_DEPTH)
    return scan_error (scanner, scanner->pos, error, VITAE_JSON_RESUME_ERROR_TOO_DEEP,
                       _("the document is nested deeper than %d levels"),
                       VITAE_JSON_RESUME_MAX_DEPTH);
  scanner->stack[scanner->depth] = kind;
  if (scanner->keys[scanner->depth] != NULL)
    g_hash_table_remove_all (scanner->keys[scanner->depth]);
  scanner->depth++;
  scanner->pos++;
  return TRUE;
}

static gboolean
scan_key (Scanner  *scanner,
          GError  **error)
{
  gsize start = scanner->pos;
  GHashTable **keys = &scanner->keys[scanner->depth - 1];
  char *key;

  if (!scan_string (scanner, error))
    return FALSE;

  if (*keys == NULL)
    *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  key = g_strndup (scanner->data + start + 1, scanner->pos - start - 2);
  if (!g_hash_table_add (*keys, key))
    return scan_error (scanner, start, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                       _("the key “%s” appears twice in one object"), key);
  return TRUE;
}

static gboolean
skip_whitespace (Scanner *scanner)
{
  while (scanner->pos < scanner->length)
    {
      char c = scanner->data[scanner->pos];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        return TRUE;
      scanner->pos++;
    }
  return FALSE;
}

/* Checks that @data is one well-formed JSON object json-glib can load safely. */
static gboolean
scan_document (const char  *data,
               gsize        length,
               GError     **error)
{
  Scanner scanner = { data, length, 0, 0, { 0, }, { NULL, } };
  ScanState state = EXPECT_VALUE;
  const char *end = NULL;
  gboolean ok = FALSE;

  if (!g_utf8_validate_len (data, length, &end))
    {
      if (*end == '\0')
        return scan_error (&scanner, end - data, error, VITAE_JSON_RESUME_ERROR_ENCODING,
                           _("the file contains a NUL byte"));
      return scan_error (&scanner, end - data, error, VITAE_JSON_RESUME_ERROR_ENCODING,
                         _("the file is not valid UTF-8 text"));
    }

  if (!skip_whitespace (&scanner))
    {
      g_set_error_literal (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_SYNTAX,
                           _("the file is empty"));
      return FALSE;
    }
  if (data[scanner.pos] != '{')
    {
      g_set_error_literal (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_TYPE,
                           _("not a JSON Resume: the document must be a JSON object"));
      return FALSE;
    }

  for (;;)
    {
      char c;

      if (!skip_whitespace (&scanner))
        {
          if (state == EXPECT_SEPARATOR && scanner.depth == 0)
            ok = TRUE;
          else
            scan_error (&scanner, scanner.pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                        _("unexpected end of file (is the file truncated?)"));
          break;
        }
      if (state == EXPECT_SEPARATOR && scanner.depth == 0)
        {
          scan_error (&scanner, scanner.pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                      _("unexpected text after the end of the document"));
          break;
        }

      c = data[scanner.pos];
      switch (state)
        {
        case EXPECT_VALUE_OR_CLOSE:
          if (c == ']')
            {
              scanner.depth--;
              scanner.pos++;
              state = EXPECT_SEPARATOR;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (c == '{')
            {
              if (!scan_push (&scanner, '{', error))
                goto out;
              state = EXPECT_KEY_OR_CLOSE;
              continue;
            }
          if (c == '[')
            {
              if (!scan_push (&scanner, '[', error))
                goto out;
              state = EXPECT_VALUE_OR_CLOSE;
              continue;
            }
          if (c == '"')
            {
              if (!scan_string (&scanner, error))
                goto out;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (&scanner, error))
                goto out;
            }
          else if (!scan_literal (&scanner, error))
            goto out;
          state = EXPECT_SEPARATOR;
          break;

        case EXPECT_KEY_OR_CLOSE:
          if (c == '}')
            {
              scanner.depth--;
              scanner.pos++;
              state = EXPECT_SEPARATOR;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_KEY:
          if (c != '"')
            {
              scan_error (&scanner, scanner.pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                          _("expected a key in double quotes"));
              goto out;
            }
          if (!scan_key (&scanner, error))
            goto out;
          state = EXPECT_COLON;
          break;

        case EXPECT_COLON:
          if (c != ':')
            {
              scan_error (&scanner, scanner.pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                          _("expected “:” after a key"));
              goto out;
            }
          scanner.pos++;
          state = EXPECT_VALUE;
          break;

        case EXPECT_SEPARATOR:
          {
            char open = scanner.stack[scanner.depth - 1];
            char close = open == '{' ? '}' : ']';

            if (c == ',')
              {
                scanner.pos++;
                state = open == '{' ? EXPECT_KEY : EXPECT_VALUE;
              }
            else if (c == close)
              {
                scanner.depth--;
                scanner.pos++;
              }
            else
              {
                scan_error (&scanner, scanner.pos, error, VITAE_JSON_RESUME_ERROR_SYNTAX,
                            _("expected “,” or “%c”"), close);
                goto out;
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

out:
  scanner_clear (&scanner);
  return ok;
}

static void write_node (GString  *out,
                        JsonNode *node,
                        guint     level);

/* Import: the tree onto the model */

typedef struct {
  VitaeResume *resume;
  GString     *path;
} Importer;

static gboolean
type_error (Importer    *importer,
            GError     **error,
            const char  *expected)
{
  /* Translators: a place in a JSON Resume, then what it should hold:
   * "work[2].startDate: expected a string" */
  g_set_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_TYPE,
               _("%s: expected %s"), importer->path->str, expected);
  return FALSE;
}

static gsize
path_push_key (Importer   *importer,
               const char *key)
{
  gsize len = importer->path->len;

  if (len > 0)
    g_string_append_c (importer->path, '.');
  g_string_append (importer->path, key);
  return len;
}

static gsize
path_push_index (Importer *importer,
                 guint     index)
{
  gsize len = importer->path->len;

  g_string_append_printf (importer->path, "[%u]", index);
  return len;
}

static void
path_pop (Importer *importer,
          gsize     len)
{
  g_string_truncate (importer->path, len);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static void
keep (JsonObject *extra,
      const char *key,
      JsonNode   *node)
{
  json_object_set_member (extra, key, json_node_copy (node));
}

/* A field of the schema as named inside an object: @prefix is the enclosing
 * member for dotted keys ("location" for "location.city"), or NULL. */
static const VitaeFieldInfo *
lookup_field (const VitaeSectionInfo *info,
              const char             *prefix,
              const char             *name)
{
  g_autofree char *key = NULL;

  if (strchr (name, '.') != NULL)
    return NULL;
  if (prefix == NULL)
    return vitae_section_lookup_field (info, name);
  key = g_strconcat (prefix, ".", name, NULL);
  return vitae_section_lookup_field (info, key);
}

static gboolean
is_field_group (const VitaeSectionInfo *info,
                const char             *name)
{
  gsize len = strlen (name);

  if (strchr (name, '.') != NULL)
    return FALSE;
  for (guint i = 0; i < info->n_fields; i++)
    if (strncmp (info->fields[i].key, name, len) == 0 && info->fields[i].key[len] == '.')
      return TRUE;
  return FALSE;
}

/* A section stored as an array inside @parent's object ("basics.profiles"). */
static const VitaeSectionInfo *
lookup_child_section (const VitaeSectionInfo *parent,
                      const char             *name)
{
  for (guint s = 0; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);
      gsize len = strlen (parent->json_path);

      if (strncmp (info->json_path, parent->json_path, len) == 0 &&
          info->json_path[len] == '.' && strcmp (info->json_path + len + 1, name) == 0)
        return info;
    }
  return NULL;
}

static const VitaeSectionInfo *
lookup_top_level_section (const char *name)
{
  for (guint s = 0; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);
      if (strcmp (info->json_path, name) == 0)
        return info;
    }
  return NULL;
}

static gboolean
import_field (Importer             *importer,
              VitaeEntry           *entry,
              const VitaeFieldInfo *field,
              JsonNode             *node,
              const char           *name,
              JsonObject           *extra,
              GError              **error)
{
  gsize mark = path_push_key (importer, name);

  /* Values the model cannot hold but that mean something to other tools. */
  if (JSON_NODE_HOLDS_NULL (node))
    {
      keep (extra, name, node);
      path_pop (importer, mark);
      return TRUE;
    }

  if (vitae_field_is_list (field))
    {
      JsonArray *array;
      guint n;
      g_autoptr(GPtrArray) strings = NULL;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return type_error (importer, error, _("a list of strings"));
      array = json_node_get_array (node);
      n = json_array_get_length (array);
      if (n == 0)
        {
          keep (extra, name, node);
          path_pop (importer, mark);
          return TRUE;
        }
      strings = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          if (!node_is_string (item))
            {
              path_push_index (importer, i);
              return type_error (importer, error, _("a string"));
            }
          g_ptr_array_add (strings, (gpointer)json_node_get_string (item));
        }
      g_ptr_array_add (strings, NULL);
      vitae_entry_set_list (entry, field->key, (const char * const *)strings->pdata);
    }
  else
    {
      const char *text;

      if (!node_is_string (node))
        return type_error (importer, error, _("a string"));
      text = json_node_get_string (node);
      if (*text == '\0')
        keep (extra, name, node);
      else
        vitae_entry_set_text (entry, field->key, text);
    }

  path_pop (importer, mark);
  return TRUE;
}

static gboolean import_section (Importer               *importer,
                                const VitaeSectionInfo *info,
                                JsonNode               *node,
                                const char             *name,
                                JsonObject             *parent_extra,
                                GError                **error);

/* The members of one JSON object onto @entry: schema fields, field groups
 * ("location"), child sections ("profiles"), and the rest into @extra. */
static gboolean
import_object (Importer     *importer,
               VitaeEntry   *entry,
               JsonObject   *object,
               JsonObject   *extra,
               GError      **error)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      const VitaeFieldInfo *field = lookup_field (info, NULL, name);
      const VitaeSectionInfo *child;

      if (field != NULL)
        {
          if (!import_field (importer, entry, field, node, name, extra, error))
            return FALSE;
        }
      else if (is_field_group (info, name))
        {
          gsize mark = path_push_key (importer, name);
          g_autoptr(JsonObject) group_extra = json_object_new ();
          JsonObjectIter group_iter;
          const char *member;
          JsonNode *value;

          if (JSON_NODE_HOLDS_NULL (node))
            {
              keep (extra, name, node);
              path_pop (importer, mark);
              continue;
            }
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return type_error (importer, error, _("an object"));

          json_object_iter_init_ordered (&group_iter, json_node_get_object (node));
          while (json_object_iter_next_ordered (&group_iter, &member, &value))
            {
              const VitaeFieldInfo *group_field = lookup_field (info, name, member);

              if (group_field == NULL)
                keep (group_extra, member, value);
              else if (!import_field (importer, entry, group_field, value, member, group_extra, error))
                return FALSE;
            }
          /* An empty group ("location": {}) is kept too, so that it comes back. */
          if (json_object_get_size (group_extra) > 0 ||
              json_object_get_size (json_node_get_object (node)) == 0)
            json_object_set_object_member (extra, name, g_steal_pointer (&group_extra));
          path_pop (importer, mark);
        }
      else if ((child = lookup_child_section (info, name)) != NULL)
        {
          if (!import_section (importer, child, node, name, extra, error))
            return FALSE;
        }
      else
        keep (extra, name, node);
    }
  return TRUE;
}

static gboolean
import_section (Importer               *importer,
                const VitaeSectionInfo *info,
                JsonNode               *node,
                const char             *name,
                JsonObject             *parent_extra,
                GError                **error)
{
  gsize mark = path_push_key (importer, name);
  JsonArray *array;
  guint n;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      keep (parent_extra, name, node);
      path_pop (importer, mark);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return type_error (importer, error, _("a list"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  /* No entries to hold "work": [], so it is kept as it came. */
  if (n == 0)
    keep (parent_extra, name, node);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autoptr(VitaeEntry) entry = vitae_entry_new (info->id);
      g_autoptr(JsonObject) extra = json_object_new ();
      gsize item_mark = path_push_index (importer, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return type_error (importer, error, _("an object"));
      if (!import_object (importer, entry, json_node_get_object (item), extra, error))
        return FALSE;
      vitae_entry_set_extra (entry, extra);
      vitae_resume_insert_entry (importer->resume, entry, G_MAXUINT);
      path_pop (importer, item_mark);
    }

  path_pop (importer, mark);
  return TRUE;
}

static gboolean
import_basics (Importer    *importer,
               JsonNode    *node,
               JsonObject  *resume_extra,
               GError     **error)
{
  VitaeEntry *basics = vitae_resume_get_basics (importer->resume);
  g_autoptr(JsonObject) extra = json_object_new ();
  gsize mark = path_push_key (importer, vitae_entry_get_section_info (basics)->key);

  if (JSON_NODE_HOLDS_NULL (node))
    {
      keep (resume_extra, importer->path->str, node);
      path_pop (importer, mark);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return type_error (importer, error, _("an object"));
  /* Basics are left out of an export when empty, so "basics": {} is kept. */
  if (json_object_get_size (json_node_get_object (node)) == 0)
    keep (resume_extra, importer->path->str, node);

  if (!import_object (importer, basics, json_node_get_object (node), extra, error))
    return FALSE;
  vitae_entry_set_extra (basics, extra);
  path_pop (importer, mark);
  return TRUE;
}

static gboolean
read_setting (Importer    *importer,
              JsonObject  *vitae,
              const char  *key,
              const char **value,
              GError     **error)
{
  JsonNode *node = json_object_get_member (vitae, key);
  gsize mark;

  *value = NULL;
  if (node == NULL)
    return TRUE;
  mark = path_push_key (importer, key);
  if (!node_is_string (node))
    return type_error (importer, error, _("a string"));
  path_pop (importer, mark);
  *value = json_node_get_string (node);
  return TRUE;
}

/* meta.vitae.sections: [{"key": "work", "visible": true, "heading": "…"}, …],
 * checked here so that a hand-edited layout is refused with a clear message. */
static gboolean
check_layout (Importer  *importer,
              JsonNode  *node,
              GError   **error)
{
  static const struct {
    const char *name;
    GType       type;
  } members[] = {
    { "key", G_TYPE_STRING },
    { "visible", G_TYPE_BOOLEAN },
    { "heading", G_TYPE_STRING },
  };
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return type_error (importer, error, _("a list"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      gsize mark = path_push_index (importer, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return type_error (importer, error, _("an object"));
      object = json_node_get_object (item);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          JsonNode *value = json_object_get_member (object, members[m].name);

          if (value == NULL && m > 0)
            continue;
          path_push_key (importer, members[m].name);
          if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
              json_node_get_value_type (value) != members[m].type)
            return type_error (importer, error,
                               members[m].type == G_TYPE_STRING ? _("a string") : _("true or false"));
          path_pop (importer, mark);
          path_push_index (importer, i);
        }
      path_pop (importer, mark);
    }
  return TRUE;
}

/* meta.vitae: Vitae's own settings. The rest of meta stays in the extra. */
static gboolean
import_meta (Importer    *importer,
             JsonNode    *node,
             JsonObject  *resume_extra,
             GError     **error)
{
  static const char * const known[] = { "title", "template", "pageSize", "accent", "sections" };
  gsize mark = path_push_key (importer, "meta");
  g_autoptr(JsonNode) copy = NULL;
  JsonObject *meta;
  JsonObject *vitae;
  JsonNode *vitae_node;
  const char *title, *template_id, *page_size, *accent;
  JsonNode *sections;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return type_error (importer, error, _("an object"));

  copy = json_node_copy (node);
  meta = json_node_get_object (copy);
  vitae_node = json_object_get_member (meta, VITAE_META_KEY);
  if (vitae_node != NULL)
    {
      path_push_key (importer, VITAE_META_KEY);
      if (!JSON_NODE_HOLDS_OBJECT (vitae_node))
        return type_error (importer, error, _("an object"));
      vitae = json_node_get_object (vitae_node);

      if (!read_setting (importer, vitae, "title", &title, error) ||
          !read_setting (importer, vitae, "template", &template_id, error) ||
          !read_setting (importer, vitae, "pageSize", &page_size, error) ||
          !read_setting (importer, vitae, "accent", &accent, error))
        return FALSE;
      if (title != NULL && *title != '\0')
        vitae_resume_set_title (importer->resume, title);
      if (template_id != NULL && *template_id != '\0')
        vitae_resume_set_template (importer->resume, template_id);
      if (page_size != NULL && *page_size != '\0')
        vitae_resume_set_page_size (importer->resume, page_size);
      if (accent != NULL && *accent != '\0')
        vitae_resume_set_accent (importer->resume, accent);

      sections = json_object_get_member (vitae, "sections");
      if (sections != NULL)
        {
          g_autofree char *layout = NULL;

          path_push_key (importer, "sections");
          if (!check_layout (importer, sections, error))
            return FALSE;
          {
            GString *text = g_string_new (NULL);
            write_node (text, sections, 0);
            layout = g_string_free (text, FALSE);
          }
          vitae_resume_layout_from_json (importer->resume, layout);
        }

      /* Settings a newer Vitae wrote stay; the known ones are rewritten on export. */
      for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        json_object_remove_member (vitae, known[i]);
      if (json_object_get_size (vitae) == 0)
        json_object_remove_member (meta, VITAE_META_KEY);
    }

  path_pop (importer, mark);
  /* An export always has a meta object, so an empty one need not be kept. */
  if (json_object_get_size (meta) > 0)
    json_object_set_member (resume_extra, "meta", g_steal_pointer (&copy));
  return TRUE;
}

static char *
default_title (VitaeResume *resume)
{
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  const char *name = vitae_entry_get_text (basics, "name");
  const char *label = vitae_entry_get_text (basics, "label");

  if (name != NULL && label != NULL)
    /* Translators: the title of an imported resume: name, then headline */
    return g_strdup_printf (_("%s — %s"), name, label);
  if (name != NULL)
    return g_strdup (name);
  return g_strdup (_("Imported Resume"));
}

static VitaeResume *
import_document (JsonObject  *root,
                 GError     **error)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autoptr(GString) path = g_string_new (NULL);
  Importer importer = { resume, path };
  const VitaeSectionInfo *basics_info = vitae_section_get_info (VITAE_SECTION_BASICS);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      const VitaeSectionInfo *info;

      if (strcmp (name, basics_info->json_path) == 0)
        {
          if (!import_basics (&importer, node, extra, error))
            return NULL;
        }
      else if (strcmp (name, "meta") == 0)
        {
          if (!import_meta (&importer, node, extra, error))
            return NULL;
        }
      else if ((info = lookup_top_level_section (name)) != NULL)
        {
          if (!import_section (&importer, info, node, name, extra, error))
            return NULL;
        }
      else
        keep (extra, name, node);
    }

  vitae_resume_set_extra (resume, extra);
  if (vitae_resume_get_title (resume) == NULL)
    {
      g_autofree char *title = default_title (resume);
      vitae_resume_set_title (resume, title);
    }
  return g_steal_pointer (&resume);
}

/**
 * vitae_json_resume_parse:
 * @data: (array length=length): the document
 *
 * Reads a JSON Resume (https://jsonresume.org/schema) into a new resume that
 * is not in any store yet. Keys Vitae does not model are kept for export.
 *
 * Returns: (transfer full): the resume, or %NULL with @error set in the
 *   %VITAE_JSON_RESUME_ERROR domain
 */
VitaeResume *
vitae_json_resume_parse (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > VITAE_JSON_RESUME_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (VITAE_JSON_RESUME_MAX_SIZE);
      g_set_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_TOO_LARGE,
                   _("the document is larger than %s"), limit);
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!scan_document (data, length, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* The scanner should have caught it; report json-glib's words then. */
      g_set_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_SYNTAX,
                   "%s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_TYPE,
                           _("not a JSON Resume: the document must be a JSON object"));
      return NULL;
    }

  return import_document (json_node_get_object (root), error);
}

static gboolean
set_io_error (GError  **error,
              GError   *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, io_error);
  else
    {
      g_set_error_literal (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_IO,
                           io_error->message);
      g_error_free (io_error);
    }
  return FALSE;
}

static gboolean
too_large (GError **error)
{
  g_autofree char *limit = g_format_size (VITAE_JSON_RESUME_MAX_SIZE);

  g_set_error (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_TOO_LARGE,
               _("the file is larger than %s, the most a resume may take"), limit);
  return FALSE;
}

/* Reads at most VITAE_JSON_RESUME_MAX_SIZE bytes: the size is checked first,
 * and the read stops past the limit in case the file grows or is a pipe. */
static GBytes *
read_bounded (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  GError *io_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info == NULL)
    return set_io_error (error, io_error), NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, VITAE_JSON_RESUME_ERROR, VITAE_JSON_RESUME_ERROR_IO,
                           _("it is a folder, not a file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > VITAE_JSON_RESUME_MAX_SIZE)
    return too_large (error), NULL;

  stream = g_file_read (file, cancellable, &io_error);
  if (stream == NULL)
    return set_io_error (error, io_error), NULL;

  buffer = g_byte_array_sized_new (MAX (g_file_info_get_size (info), 0) + 1);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gsize n_read = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                    &n_read, cancellable, &io_error))
        return set_io_error (error, io_error), NULL;
      if (n_read == 0)
        break;
      if (buffer->len + n_read > VITAE_JSON_RESUME_MAX_SIZE)
        return too_large (error), NULL;
      g_byte_array_append (buffer, chunk, n_read);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * vitae_json_resume_load_file:
 *
 * Reads and parses a JSON Resume file; files larger than
 * %VITAE_JSON_RESUME_MAX_SIZE are refused before they are read.
 * Errors are prefixed with the file's name.
 *
 * Returns: (transfer full): a new, unsaved resume, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled, otherwise %VITAE_JSON_RESUME_ERROR)
 */
VitaeResume *
vitae_json_resume_load_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  VitaeResume *resume;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_bounded (file, cancellable, &local_error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      resume = vitae_json_resume_parse (data ? data : "", length, &local_error);
      if (resume != NULL)
        return resume;
    }

  name = g_file_get_parse_name (file);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
  return NULL;
}

/* Export */

static JsonNode *
new_string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

/* Adds what @extra holds and @object does not; objects on both sides merge,
 * otherwise the model's value wins (it is newer than what was imported). */
static void
merge_extra (JsonObject *object,
             JsonObject *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      JsonNode *existing = json_object_get_member (object, name);

      if (existing == NULL)
        json_object_set_member (object, name, json_node_copy (node));
      else if (JSON_NODE_HOLDS_OBJECT (existing) && JSON_NODE_HOLDS_OBJECT (node))
        merge_extra (json_node_get_object (existing), json_node_get_object (node));
    }
}

static JsonArray *export_section (VitaeResume            *resume,
                                  const VitaeSectionInfo *info);

static JsonObject *
export_entry (VitaeResume *resume,
              VitaeEntry  *entry)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];
      const char *dot = strchr (field->key, '.');
      const char *name = dot ? dot + 1 : field->key;
      JsonObject *target = object;
      JsonNode *value = NULL;

      if (vitae_field_is_list (field))
        {
          const char * const *list = vitae_entry_get_list (entry, field->key);
          JsonArray *array;

          if (list == NULL)
            continue;
          array = json_array_sized_new (g_strv_length ((char **)list));
          for (guint j = 0; list[j] != NULL; j++)
            json_array_add_string_element (array, list[j]);
          value = json_node_init_array (json_node_alloc (), array);
          json_array_unref (array);
        }
      else
        {
          const char *text = vitae_entry_get_text (entry, field->key);

          if (text == NULL)
            continue;
          value = new_string_node (text);
        }

      if (dot != NULL)
        {
          g_autofree char *group = g_strndup (field->key, dot - field->key);

          if (!json_object_has_member (object, group))
            json_object_set_object_member (object, group, json_object_new ());
          target = json_object_get_object_member (object, group);
        }
      json_object_set_member (target, name, value);
    }

  for (guint s = 0; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *child = vitae_section_get_info (s);
      gsize len = strlen (info->json_path);

      if (strncmp (child->json_path, info->json_path, len) == 0 && child->json_path[len] == '.' &&
          g_list_model_get_n_items (vitae_resume_get_entries (resume, s)) > 0)
        json_object_set_array_member (object, child->json_path + len + 1,
                                      export_section (resume, child));
    }

  merge_extra (object, vitae_entry_get_extra (entry));
  return object;
}

static JsonArray *
export_section (VitaeResume            *resume,
                const VitaeSectionInfo *info)
{
  GListModel *entries = vitae_resume_get_entries (resume, info->id);
  guint n = g_list_model_get_n_items (entries);
  JsonArray *array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitaeEntry) entry = g_list_model_get_item (entries, i);
      json_array_add_object_element (array, export_entry (resume, entry));
    }
  return array;
}

static JsonObject *
export_settings (VitaeResume *resume,
                 JsonObject  *extra_meta)
{
  JsonObject *vitae = json_object_new ();
  g_autofree char *layout = vitae_resume_layout_to_json (resume);
  JsonNode *sections = json_from_string (layout, NULL);

  if (vitae_resume_get_title (resume) != NULL)
    json_object_set_string_member (vitae, "title", vitae_resume_get_title (resume));
  json_object_set_string_member (vitae, "template", vitae_resume_get_template (resume));
  json_object_set_string_member (vitae, "pageSize", vitae_resume_get_page_size (resume));
  json_object_set_string_member (vitae, "accent", vitae_resume_get_accent (resume));
  if (sections != NULL)
    json_object_set_member (vitae, "sections", sections);

  if (extra_meta != NULL && json_object_has_member (extra_meta, VITAE_META_KEY) &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (extra_meta, VITAE_META_KEY)))
    merge_extra (vitae, json_object_get_object_member (extra_meta, VITAE_META_KEY));
  return vitae;
}

/**
 * vitae_json_resume_to_object:
 *
 * Returns: (transfer full): the resume as a JSON Resume object: the schema's
 *   sections in schema order, then the keys kept from an import, and Vitae's
 *   settings under `meta.vitae`.
 */
JsonObject *
vitae_json_resume_to_object (VitaeResume *resume)
{
  const VitaeSectionInfo *basics_info = vitae_section_get_info (VITAE_SECTION_BASICS);
  JsonObject *extra;
  JsonObject *extra_meta = NULL;
  JsonObject *root;
  JsonObject *basics;
  JsonObject *meta;

  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);

  extra = vitae_resume_get_extra (resume);
  if (extra != NULL && json_object_has_member (extra, "meta") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (extra, "meta")))
    extra_meta = json_object_get_object_member (extra, "meta");

  root = json_object_new ();

  /* "$schema" and the like read best first. */
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (name[0] == '$')
          json_object_set_member (root, name, json_node_copy (node));
    }

  basics = export_entry (resume, vitae_resume_get_basics (resume));
  if (json_object_get_size (basics) > 0)
    json_object_set_object_member (root, basics_info->json_path, basics);
  else
    json_object_unref (basics);

  for (guint s = 0; s < VITAE_N_SECTIONS; s++)
    {
      const VitaeSectionInfo *info = vitae_section_get_info (s);

      if (info->single || strchr (info->json_path, '.') != NULL ||
          g_list_model_get_n_items (vitae_resume_get_entries (resume, s)) == 0)
        continue;
      json_object_set_array_member (root, info->json_path, export_section (resume, info));
    }

  merge_extra (root, extra);

  meta = json_object_new ();
  if (extra_meta != NULL)
    merge_extra (meta, extra_meta);
  json_object_set_object_member (meta, VITAE_META_KEY, export_settings (resume, extra_meta));
  /* Last, wherever the import had it, so that an export reads back the same. */
  json_object_remove_member (root, "meta");
  json_object_set_object_member (root, "meta", meta);

  return root;
}

/* Our own writer: json-glib 1.6's generator writes 1e30 as "1e+30.0",
 * which is not JSON. */
static void
write_string (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_double (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buffer, sizeof buffer, value);
  g_string_append (out, buffer);
  /* Stays a double when read back: 2.0, -0.0, but 1e+30 as it is. */
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
write_indent (GString *out,
              guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            g_string_append (out, first ? "{\n" : ",\n");
            write_indent (out, level + 1);
            write_string (out, name);
            g_string_append (out, ": ");
            write_node (out, member, level + 1);
            first = FALSE;
          }
        if (first)
          g_string_append (out, "{}");
        else
          {
            g_string_append_c (out, '\n');
            write_indent (out, level);
            g_string_append_c (out, '}');
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append (out, "[\n");
        for (guint i = 0; i < n; i++)
          {
            write_indent (out, level + 1);
            write_node (out, json_array_get_element (array, i), level + 1);
            g_string_append (out, i + 1 < n ? ",\n" : "\n");
          }
        write_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_assert_not_reached ();
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * vitae_json_resume_to_string:
 *
 * Returns: (transfer full): the resume as pretty-printed JSON Resume text
 *   (two-space indent, UTF-8 unescaped), ending with a newline.
 */
char *
vitae_json_resume_to_string (VitaeResume *resume)
{
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, vitae_json_resume_to_object (resume));

  out = g_string_new (NULL);
  write_node (out, root, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
