/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vitae-text-export.h"

/* Plain text and Markdown renderings of a resume, driven by the section
 * schema: an entry is its title line, its dates, then each remaining field
 * by kind (a labelled line, a paragraph, or a list). */

/* A list of keywords ("C, Rust, Go") reads best on one line; sentences
 * (highlights) as bullets. */
#define SHORT_ITEM_LENGTH 32
#define SHORT_ITEM_WORDS  3

typedef struct {
  GString         *out;
  VitaeTextFormat  format;
} Writer;

static gboolean
is_markdown (Writer *writer)
{
  return writer->format == VITAE_TEXT_FORMAT_MARKDOWN;
}

/* TRUE when the current line holds only block markers ("- ", "### "), so
 * that what comes next is read as the start of a block. */
static gboolean
at_block_start (Writer *writer)
{
  for (gsize i = writer->out->len; i > 0; i--)
    {
      char c = writer->out->str[i - 1];

      if (c == '\n')
        return TRUE;
      if (c != '-' && c != '#' && c != ' ')
        return FALSE;
    }
  return TRUE;
}

/* Escapes what Markdown would read as markup, so that a "*" in a job title
 * stays a star and a line starting "1." or "#" stays text. */
static void
append_escaped (Writer     *writer,
                const char *text)
{
  gboolean line_start = at_block_start (writer);

  if (!is_markdown (writer))
    {
      g_string_append (writer->out, text);
      return;
    }

  for (const char *p = text; *p != '\0'; p++)
    {
      if (line_start)
        {
          const char *q = p;

          while (*q == ' ')
            q++;
          if (*q == '#' || *q == '+' || *q == '-' || *q == '=' || *q == '>')
            {
              g_string_append_len (writer->out, p, q - p);
              g_string_append_c (writer->out, '\\');
              p = q;
            }
          else if (g_ascii_isdigit (*q))
            {
              while (g_ascii_isdigit (*q))
                q++;
              if (*q == '.' || *q == ')')
                {
                  g_string_append_len (writer->out, p, q - p);
                  g_string_append_c (writer->out, '\\');
                  p = q;
                }
            }
        }
      line_start = *p == '\n';
      if (strchr ("\\`*_[]<>|~", *p) != NULL)
        g_string_append_c (writer->out, '\\');
      g_string_append_c (writer->out, *p);
    }
}

static void
append_link (Writer     *writer,
             const char *url)
{
  /* An autolink keeps the address clickable and free of escapes. */
  if (is_markdown (writer) && strpbrk (url, " <>\n") == NULL && strstr (url, "://") != NULL)
    g_string_append_printf (writer->out, "<%s>", url);
  else
    append_escaped (writer, url);
}

static void
append_value (Writer               *writer,
              const VitaeFieldInfo *field,
              const char           *value)
{
  if (field->kind == VITAE_FIELD_URL)
    append_link (writer, value);
  else
    append_escaped (writer, value);
}

static void
end_block (Writer *writer)
{
  if (writer->out->len > 0 && !g_str_has_suffix (writer->out->str, "\n\n"))
    g_string_append_c (writer->out, '\n');
}

static void
append_heading (Writer     *writer,
                int         level,
                const char *text)
{
  end_block (writer);
  if (is_markdown (writer))
    {
      for (int i = 0; i < level; i++)
        g_string_append_c (writer->out, '#');
      g_string_append_c (writer->out, ' ');
      append_escaped (writer, text);
    }
  else if (level == 2)
    {
      g_autofree char *upper = g_utf8_strup (text, -1);
      g_string_append (writer->out, upper);
    }
  else
    g_string_append (writer->out, text);
  g_string_append_c (writer->out, '\n');
}

static gboolean
is_short_list (const char * const *items)
{
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (items[i], " ", -1);

      if (g_utf8_strlen (items[i], -1) > SHORT_ITEM_LENGTH ||
          g_strv_length (words) > SHORT_ITEM_WORDS)
        return FALSE;
    }
  return TRUE;
}

static void
append_label (Writer               *writer,
              const VitaeFieldInfo *field)
{
  /* Translators: a field's label before its value, as in "Location: Berlin" */
  g_autofree char *label = g_strdup_printf (_("%s:"), _(field->title));

  if (is_markdown (writer))
    g_string_append_printf (writer->out, "**%s** ", label);
  else
    g_string_append_printf (writer->out, "%s ", label);
}

static void
append_field (Writer               *writer,
              VitaeEntry           *entry,
              const VitaeFieldInfo *field)
{
  if (vitae_field_is_list (field))
    {
      const char * const *items = vitae_entry_get_list (entry, field->key);

      if (items == NULL)
        return;
      if (is_short_list (items))
        {
          append_label (writer, field);
          for (guint i = 0; items[i] != NULL; i++)
            {
              if (i > 0)
                g_string_append (writer->out, ", ");
              append_escaped (writer, items[i]);
            }
          g_string_append_c (writer->out, '\n');
        }
      else
        for (guint i = 0; items[i] != NULL; i++)
          {
            g_string_append (writer->out, "- ");
            append_escaped (writer, items[i]);
            g_string_append_c (writer->out, '\n');
          }
    }
  else
    {
      const char *text = vitae_entry_get_text (entry, field->key);

      if (text == NULL)
        return;
      if (field->kind == VITAE_FIELD_MULTILINE)
        {
          append_escaped (writer, text);
          g_string_append_c (writer->out, '\n');
        }
      else
        {
          append_label (writer, field);
          append_value (writer, field, text);
          g_string_append_c (writer->out, '\n');
        }
    }
}

static char *
dup_dates (VitaeEntry *entry)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  const char *start, *end;

  if (info->start_field == NULL)
    return NULL;
  start = vitae_entry_get_text (entry, info->start_field);
  end = info->end_field ? vitae_entry_get_text (entry, info->end_field) : NULL;

  if (info->end_field == NULL || (start == NULL && end != NULL))
    return g_strdup (start ? start : end);
  if (start == NULL)
    return NULL;
  if (end == NULL)
    /* Translators: a date range still going on, as in "2019-03 – present" */
    return g_strdup_printf (_("%s – present"), start);
  if (strcmp (start, end) == 0)
    return g_strdup (start);
  return g_strdup_printf ("%s – %s", start, end);
}

static gboolean
is_header_field (const VitaeSectionInfo *info,
                 const VitaeFieldInfo   *field)
{
  return g_strcmp0 (field->key, info->title_field) == 0 ||
         g_strcmp0 (field->key, info->subtitle_field) == 0 ||
         g_strcmp0 (field->key, info->start_field) == 0 ||
         g_strcmp0 (field->key, info->end_field) == 0;
}

static void
append_entry (Writer     *writer,
              VitaeEntry *entry)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  const char *title = vitae_entry_get_text (entry, info->title_field);
  const char *subtitle = info->subtitle_field ? vitae_entry_get_text (entry, info->subtitle_field) : NULL;
  g_autofree char *dates = dup_dates (entry);

  end_block (writer);
  if (title != NULL || subtitle != NULL)
    {
      if (is_markdown (writer))
        g_string_append (writer->out, "### ");
      if (title != NULL)
        append_escaped (writer, title);
      if (title != NULL && subtitle != NULL)
        g_string_append (writer->out, " — ");
      if (subtitle != NULL)
        append_escaped (writer, subtitle);
      g_string_append_c (writer->out, '\n');
    }
  if (dates != NULL)
    {
      if (is_markdown (writer))
        g_string_append_c (writer->out, '*');
      append_escaped (writer, dates);
      if (is_markdown (writer))
        g_string_append_c (writer->out, '*');
      g_string_append_c (writer->out, '\n');
    }

  for (guint i = 0; i < info->n_fields; i++)
    if (!is_header_field (info, &info->fields[i]))
      append_field (writer, entry, &info->fields[i]);
}

/* A short entry on one line: "GitHub · janedoe · https://github.com/janedoe". */
static void
append_entry_inline (Writer     *writer,
                     VitaeEntry *entry)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  gboolean first = TRUE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];
      const char *text = vitae_field_is_list (field) ? NULL : vitae_entry_get_text (entry, field->key);

      if (text == NULL)
        continue;
      if (!first)
        g_string_append (writer->out, " · ");
      append_value (writer, field, text);
      first = FALSE;
    }
  if (!first)
    g_string_append (writer->out, is_markdown (writer) ? "  \n" : "\n");
}

static gsize
group_length (const char *key)
{
  const char *dot = strchr (key, '.');
  return dot ? (gsize)(dot - key) : 0;
}

/* The contact line: the short fields of basics, a field group ("location.*")
 * joined into one item. */
static void
append_contact_line (Writer     *writer,
                     VitaeEntry *basics)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (basics);
  gboolean first_item = TRUE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];
      gsize group = group_length (field->key);
      gboolean first_in_group = TRUE;
      guint j = i;

      /* A photo address is no use in text. */
      if (field->kind == VITAE_FIELD_MULTILINE || vitae_field_is_list (field) ||
          is_header_field (info, field) || g_str_equal (field->key, "image"))
        continue;

      for (; j < info->n_fields; j++)
        {
          const VitaeFieldInfo *member = &info->fields[j];
          const char *text;

          if (j > i && (group == 0 || group_length (member->key) != group ||
                        strncmp (member->key, field->key, group) != 0))
            break;
          text = vitae_entry_get_text (basics, member->key);
          if (text == NULL)
            continue;
          if (first_in_group && !first_item)
            g_string_append (writer->out, " · ");
          else if (!first_in_group)
            g_string_append (writer->out, ", ");
          append_value (writer, member, text);
          first_in_group = FALSE;
          first_item = FALSE;
        }
      i = j - 1;
    }
  if (!first_item)
    g_string_append_c (writer->out, '\n');
}

static void
append_basics (Writer      *writer,
               VitaeResume *resume)
{
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  const VitaeSectionInfo *info = vitae_entry_get_section_info (basics);
  const char *name = vitae_entry_get_text (basics, info->title_field);
  const char *label = vitae_entry_get_text (basics, info->subtitle_field);
  GListModel *profiles = vitae_resume_get_entries (resume, VITAE_SECTION_PROFILES);
  guint n_profiles = g_list_model_get_n_items (profiles);

  if (name != NULL)
    append_heading (writer, 1, name);
  if (label != NULL)
    {
      if (is_markdown (writer))
        g_string_append (writer->out, "**");
      append_escaped (writer, label);
      if (is_markdown (writer))
        g_string_append (writer->out, "**");
      g_string_append_c (writer->out, '\n');
    }
  end_block (writer);
  append_contact_line (writer, basics);
  for (guint i = 0; i < n_profiles; i++)
    {
      g_autoptr(VitaeEntry) profile = g_list_model_get_item (profiles, i);
      append_entry_inline (writer, profile);
    }

  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].kind == VITAE_FIELD_MULTILINE &&
        vitae_entry_get_text (basics, info->fields[i].key) != NULL)
      {
        end_block (writer);
        append_field (writer, basics, &info->fields[i]);
      }
}

/**
 * vitae_text_export:
 *
 * Returns: (transfer full): the resume as plain text or Markdown
 */
char *
vitae_text_export (VitaeResume     *resume,
                   VitaeTextFormat  format)
{
  Writer writer = { g_string_new (NULL), format };
  VitaeSectionId order[VITAE_N_SECTIONS];
  guint n_order;

  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);
  g_return_val_if_fail (format == VITAE_TEXT_FORMAT_PLAIN || format == VITAE_TEXT_FORMAT_MARKDOWN, NULL);

  append_basics (&writer, resume);

  n_order = vitae_resume_get_section_order (resume, order);
  for (guint i = 0; i < n_order; i++)
    {
      GListModel *entries = vitae_resume_get_entries (resume, order[i]);
      guint n = g_list_model_get_n_items (entries);

      if (n == 0 || !vitae_resume_get_section_visible (resume, order[i]))
        continue;
      append_heading (&writer, 2, vitae_resume_get_section_title (resume, order[i]));
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(VitaeEntry) entry = g_list_model_get_item (entries, j);
          append_entry (&writer, entry);
        }
    }

  while (g_str_has_suffix (writer.out->str, "\n\n"))
    g_string_truncate (writer.out, writer.out->len - 1);
  if (writer.out->len > 0 && !g_str_has_suffix (writer.out->str, "\n"))
    g_string_append_c (writer.out, '\n');
  return g_string_free (writer.out, FALSE);
}

char *
vitae_text_export_plain (VitaeResume *resume)
{
  return vitae_text_export (resume, VITAE_TEXT_FORMAT_PLAIN);
}

char *
vitae_text_export_markdown (VitaeResume *resume)
{
  return vitae_text_export (resume, VITAE_TEXT_FORMAT_MARKDOWN);
}
