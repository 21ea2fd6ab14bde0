/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "vitae-render.h"
#include "vitae-hyphenate.h"
#include "vitae-render-fonts.h"
#include "vitae-render-layout.h"
#include "vitae-render-private.h"

/* A resume laid out for one template and page size: blocks per column,
 * paginated into placements that draw_page() paints. Layout happens once,
 * in vitae_render_document_new(); drawing a page only replays it. */

#define PHOTO_MAX_PIXELS 480
#define DEFAULT_ACCENT 0x1c71d8

typedef struct {
  VitaeRenderDocument        *doc;
  VitaeResume                *resume;
  const VitaeTemplate        *t;
  GPtrArray                  *blocks;
  double                      width;
  gboolean                    sidebar;
  guint32                     text;
  guint32                     muted;
  guint32                     heading;
  guint32                     rule;
  PangoFontDescription       *body_font;
  PangoFontDescription       *heading_font;
  PangoFontDescription       *name_font;
  PangoLayout                *bullet;       /* one for every list item */
} Builder;

struct _VitaeRenderDocument
{
  GObject              parent_instance;

  const VitaeTemplate *tmpl;
  double               page_width;
  double               page_height;
  guint32              accent;
  guint32              sidebar_text;
  PangoContext        *context;
  gboolean             all_fonts;      /* context's fonts: see context_new() */
  cairo_surface_t     *photo;

  GPtrArray           *main_blocks;
  GPtrArray           *side_blocks;
  GArray              *placements;
  guint                n_pages;
  guint                next_list_id;

  char                *title;
  char                *author;
  char                *subject;
  char                *keywords;
  char                *footer_name;
};

G_DEFINE_FINAL_TYPE (VitaeRenderDocument, vitae_render_document, G_TYPE_OBJECT)

static PangoContext *context_new (gboolean all_fonts);

static guint32
parse_accent (const char *accent)
{
  guint64 value;

  if (accent == NULL || accent[0] != '#' || strlen (accent) != 7 ||
      !g_ascii_string_to_unsigned (accent + 1, 16, 0, 0xffffff, &value, NULL))
    return DEFAULT_ACCENT;
  return (guint32)value;
}

static gboolean
is_light (guint32 rgb)
{
  double luminance = 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);

  return luminance > 165;
}

static const char *
nonempty (const char *s)
{
  return s != NULL && *s != '\0' ? s : NULL;
}

static char *
strip_scheme (const char *url)
{
  const char *p = url;
  gsize len;

  if (g_str_has_prefix (p, "https://"))
    p += 8;
  else if (g_str_has_prefix (p, "http://"))
    p += 7;
  else if (g_str_has_prefix (p, "mailto:"))
    p += 7;
  if (g_str_has_prefix (p, "www."))
    p += 4;
  len = strlen (p);
  if (len > 0 && p[len - 1] == '/')
    len--;
  return g_strndup (p, len);
}

/* "2019-03" -> "Mar 2019"; a year stays a year. */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month;

  if (nonempty (iso) == NULL)
    return NULL;
  if (strlen (iso) < 7 || !vitae_validate_date (iso))
    return g_strdup (iso);

  year = atoi (iso);
  month = atoi (iso + 5);
  dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  if (dt == NULL)
    return g_strdup (iso);
  return g_date_time_format (dt, "%b %Y");
}

static char *
format_range (VitaeEntry *entry)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (info->start_field == NULL)
    return NULL;

  start = format_date (vitae_entry_get_text (entry, info->start_field));
  end = info->end_field ? format_date (vitae_entry_get_text (entry, info->end_field)) : NULL;

  if (start == NULL && end == NULL)
    return NULL;
  if (info->end_field == NULL || start == NULL)
    return g_strdup (start ? start : end);
  if (end == NULL)
    /* Translators: a date range still going on, as in "Mar 2019 – Present" */
    return g_strdup_printf (_("%s – Present"), start);
  if (g_str_equal (start, end))
    return g_strdup (start);
  return g_strdup_printf ("%s – %s", start, end);
}

/* ---- Building blocks ---------------------------------------------------- */

static VitaeTextStyle
style_plain (Builder *b)
{
  VitaeTextStyle style = { .color = b->text };
  return style;
}

static VitaeTextStyle
style_muted (Builder *b)
{
  VitaeTextStyle style = { .color = b->muted, .size = b->t->small_size };
  if (b->sidebar)
    style.alpha = 0.82;
  return style;
}

static VitaeTextStyle
style_bold (Builder *b,
            double   size)
{
  VitaeTextStyle style = { .color = b->text, .weight = PANGO_WEIGHT_BOLD, .size = size };
  return style;
}

static VitaeBlock *
add_text_aside (Builder        *b,
                VitaeRichText  *rt,
                VitaeRichText  *aside,
                double          indent,
                PangoAlignment  align,
                const char     *tag,
                double          space_before)
{
  VitaeBlock *block;

  block = vitae_block_new_text (b->doc->context, rt, b->body_font, b->width - indent, indent,
                                align, b->t->line_spacing, aside, 10);
  block->tag = tag;
  block->space_before = space_before;
  g_ptr_array_add (b->blocks, block);
  return block;
}

static VitaeBlock *
add_text (Builder        *b,
          VitaeRichText  *rt,
          double          indent,
          PangoAlignment  align,
          const char     *tag,
          double          space_before)
{
  return add_text_aside (b, rt, NULL, indent, align, tag, space_before);
}

static void
add_heading (Builder    *b,
             const char *title)
{
  const VitaeTemplate *t = b->t;
  VitaeRichText rt;
  VitaeTextStyle style = {
    .family = pango_font_description_get_family (b->heading_font),
    .size = b->sidebar ? t->heading_size - 1.5 : t->heading_size,
    .weight = PANGO_WEIGHT_BOLD,
    .color = b->heading,
    .letter_spacing = b->sidebar ? 0.6 : t->heading_letter_spacing,
  };
  g_autofree char *text = (t->heading_uppercase || b->sidebar) ? g_utf8_strup (title, -1) : g_strdup (title);
  VitaeBlock *block;

  vitae_rich_text_init (&rt);
  vitae_rich_text_append (&rt, text, &style);
  block = add_text (b, &rt, 0, PANGO_ALIGN_LEFT, "H2", b->blocks->len > 0 ? t->section_gap : 0);
  block->keep_with_next = TRUE;
  block->outline = b->sidebar ? NULL : g_strdup (title);
  block->space_after = t->heading_gap;
  if (t->heading_rule)
    {
      block->rule = TRUE;
      block->rule_gap = 2.5;
      block->rule_color = b->rule;
    }
  vitae_rich_text_clear (&rt);
}

static void
add_paragraphs (Builder    *b,
                const char *text,
                gboolean    italic,
                double      space_before)
{
  g_auto(GStrv) paragraphs = NULL;

  if (nonempty (text) == NULL)
    return;

  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      VitaeRichText rt;
      VitaeTextStyle style = style_plain (b);
      g_autofree char *para = g_strstrip (g_strdup (paragraphs[i]));

      if (*para == '\0')
        continue;
      style.italic = italic;
      style.hyphenate = b->t->hyphenate;
      vitae_rich_text_init (&rt);
      vitae_rich_text_append (&rt, para, &style);
      add_text (b, &rt, 0, PANGO_ALIGN_LEFT, "P", space_before);
      vitae_rich_text_clear (&rt);
      space_before = b->t->paragraph_gap;
    }
}

static void
add_bullets (Builder            *b,
             const char * const *items)
{
  guint list_id = ++b->doc->next_list_id;
  double indent = b->sidebar ? 9 : 12;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      VitaeRichText rt, bullet_rt;
      VitaeTextStyle style = style_plain (b);
      VitaeTextStyle bullet_style = { .color = b->sidebar ? b->text : b->doc->accent };
      VitaeBlock *block;

      if (nonempty (items[i]) == NULL)
        continue;
      style.hyphenate = b->t->hyphenate;
      if (b->t->heading_accent == FALSE)
        bullet_style.color = b->text;

      vitae_rich_text_init (&rt);
      vitae_rich_text_append (&rt, items[i], &style);
      block = add_text (b, &rt, indent, PANGO_ALIGN_LEFT, "LI", b->t->paragraph_gap);
      block->list_id = list_id;
      vitae_rich_text_clear (&rt);

      if (b->bullet == NULL)
        {
          vitae_rich_text_init (&bullet_rt);
          vitae_rich_text_append (&bullet_rt, "•", &bullet_style);
          b->bullet = pango_layout_new (b->doc->context);
          pango_layout_set_font_description (b->bullet, b->body_font);
          pango_layout_set_text (b->bullet, bullet_rt.text->str, -1);
          pango_layout_set_attributes (b->bullet, bullet_rt.attrs);
          vitae_rich_text_clear (&bullet_rt);
        }
      /* Only ever read from here on: every item draws the same one. */
      block->bullet = g_object_ref (b->bullet);
    }
}

static char *
join_list (const char * const *items,
           const char         *separator)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (nonempty (items[i]) == NULL)
        continue;
      if (str->len > 0)
        g_string_append (str, separator);
      g_string_append (str, items[i]);
    }
  return g_string_free (str, str->len == 0);
}

static void
append_link_field (Builder       *b,
                   VitaeRichText *rt,
                   const VitaeFieldInfo *field,
                   const char    *value,
                   const VitaeTextStyle *style)
{
  g_autofree char *uri = NULL;
  g_autofree char *shown = NULL;

  if (field->kind == VITAE_FIELD_EMAIL)
    {
      uri = g_strconcat ("mailto:", value, NULL);
      vitae_rich_text_link (rt, value, uri, style);
    }
  else if (vitae_validate_url (value))
    {
      shown = strip_scheme (value);
      vitae_rich_text_link (rt, shown, value, style);
    }
  else
    vitae_rich_text_append (rt, value, style);
}

/* A section whose entries are one line: skills, languages, interests. */
static gboolean
section_is_rows (const VitaeSectionInfo *info)
{
  for (guint i = 0; i < info->n_fields; i++)
    if (info->fields[i].kind == VITAE_FIELD_MULTILINE || info->fields[i].kind == VITAE_FIELD_DATE)
      return FALSE;
  return TRUE;
}

static void
add_row_entry (Builder    *b,
               VitaeEntry *entry,
               gboolean    first)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  const VitaeTemplate *t = b->t;
  const char *title = nonempty (vitae_entry_get_text (entry, info->title_field));
  const char *subtitle = info->subtitle_field ? nonempty (vitae_entry_get_text (entry, info->subtitle_field)) : NULL;
  gboolean stacked = b->sidebar || !t->rows_inline;
  VitaeTextStyle bold = style_bold (b, 0);
  VitaeTextStyle plain = style_plain (b);
  VitaeTextStyle muted = style_muted (b);
  VitaeRichText rt;
  g_autofree char *lists = NULL;
  GString *list_text = g_string_new (NULL);
  double gap = first ? 0 : (stacked ? t->entry_gap * 0.7 : t->paragraph_gap);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];
      g_autofree char *joined = NULL;

      if (field->kind != VITAE_FIELD_STRING_LIST)
        continue;
      joined = join_list (vitae_entry_get_list (entry, field->key), stacked ? " · " : ", ");
      if (joined == NULL)
        continue;
      if (list_text->len > 0)
        g_string_append (list_text, "; ");
      g_string_append (list_text, joined);
    }
  lists = g_string_free (list_text, list_text->len == 0);

  vitae_rich_text_init (&rt);
  if (title != NULL)
    vitae_rich_text_append (&rt, title, &bold);

  /* The other single-value fields: a profile's URL, for one. */
  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];
      const char *value = nonempty (vitae_entry_get_text (entry, field->key));

      if (value == NULL || field->kind == VITAE_FIELD_STRING_LIST)
        continue;
      if (g_strcmp0 (field->key, info->title_field) == 0)
        continue;
      if (g_strcmp0 (field->key, info->subtitle_field) == 0)
        {
          /* A profile shows its link instead of the bare user name. */
          if (info->id == VITAE_SECTION_PROFILES && nonempty (vitae_entry_get_text (entry, "url")))
            continue;
        }

      if (!vitae_rich_text_is_empty (&rt))
        vitae_rich_text_append (&rt, stacked ? "\n" : (field->kind == VITAE_FIELD_URL ? ": " : " — "), &plain);
      if (field->kind == VITAE_FIELD_URL || field->kind == VITAE_FIELD_EMAIL)
        append_link_field (b, &rt, field, value, stacked ? &muted : &plain);
      else
        vitae_rich_text_append (&rt, value, stacked ? &muted : &plain);
    }
  (void)subtitle;

  if (lists != NULL)
    {
      if (!vitae_rich_text_is_empty (&rt))
        vitae_rich_text_append (&rt, stacked ? "\n" : ": ", &plain);
      vitae_rich_text_append (&rt, lists, stacked ? &muted : &plain);
    }

  if (!vitae_rich_text_is_empty (&rt))
    add_text (b, &rt, 0, PANGO_ALIGN_LEFT, "P", gap);
  vitae_rich_text_clear (&rt);
}

static void
add_block_entry (Builder    *b,
                 VitaeEntry *entry,
                 gboolean    first)
{
  const VitaeSectionInfo *info = vitae_entry_get_section_info (entry);
  const VitaeTemplate *t = b->t;
  const char *title = nonempty (vitae_entry_get_text (entry, info->title_field));
  const char *subtitle = info->subtitle_field ? nonempty (vitae_entry_get_text (entry, info->subtitle_field)) : NULL;
  g_autofree char *range = format_range (entry);
  g_autofree char *education_title = NULL;
  VitaeTextStyle bold = style_bold (b, t->entry_title_size);
  VitaeTextStyle plain = style_plain (b);
  VitaeTextStyle muted = style_muted (b);
  VitaeRichText rt;
  VitaeBlock *header = NULL;
  gboolean meta_empty = TRUE;

  /* "Bachelor, Computer Science" reads better than two lines. */
  if (info->id == VITAE_SECTION_EDUCATION && nonempty (vitae_entry_get_text (entry, "area")))
    {
      const char *area = vitae_entry_get_text (entry, "area");
      education_title = title ? g_strdup_printf ("%s, %s", title, area) : g_strdup (area);
      title = education_title;
    }

  plain.size = t->entry_title_size;
  vitae_rich_text_init (&rt);
  if (title != NULL)
    vitae_rich_text_append (&rt, title, &bold);
  if (subtitle != NULL)
    {
      if (title != NULL)
        vitae_rich_text_append (&rt, b->sidebar ? "\n" : " — ", &plain);
      vitae_rich_text_append (&rt, subtitle, &plain);
    }
  if (range != NULL)
    {
      VitaeRichText dates;

      vitae_rich_text_init (&dates);
      vitae_rich_text_append (&dates, range, &muted);
      /* The dates share the header's first line, or follow it in the sidebar. */
      if (!vitae_rich_text_is_empty (&rt) && !b->sidebar)
        {
          header = add_text_aside (b, &rt, &dates, 0, PANGO_ALIGN_LEFT, "H3", first ? 0 : t->entry_gap);
          header->keep_with_next = TRUE;
        }
      else
        {
          VitaeBlock *block;

          if (!vitae_rich_text_is_empty (&rt))
            {
              header = add_text (b, &rt, 0, PANGO_ALIGN_LEFT, "H3", first ? 0 : t->entry_gap);
              header->keep_with_next = TRUE;
            }
          block = add_text (b, &dates, 0, PANGO_ALIGN_LEFT, "P", header ? 1 : (first ? 0 : t->entry_gap));
          block->keep_with_next = TRUE;
        }
      vitae_rich_text_clear (&dates);
    }
  else if (!vitae_rich_text_is_empty (&rt))
    {
      header = add_text (b, &rt, 0, PANGO_ALIGN_LEFT, "H3", first ? 0 : t->entry_gap);
      header->keep_with_next = TRUE;
    }
  vitae_rich_text_clear (&rt);

  /* A muted line of the other short fields: location, website, grade. */
  vitae_rich_text_init (&rt);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];
      const char *value = nonempty (vitae_entry_get_text (entry, field->key));

      if (value == NULL || field->kind == VITAE_FIELD_MULTILINE ||
          field->kind == VITAE_FIELD_STRING_LIST || field->kind == VITAE_FIELD_DATE)
        continue;
      if (g_strcmp0 (field->key, info->title_field) == 0 ||
          g_strcmp0 (field->key, info->subtitle_field) == 0 ||
          (education_title != NULL && g_str_equal (field->key, "area")))
        continue;

      if (!meta_empty)
        vitae_rich_text_append (&rt, "  ·  ", &muted);
      if (field->kind == VITAE_FIELD_URL || field->kind == VITAE_FIELD_EMAIL)
        append_link_field (b, &rt, field, value, &muted);
      else if (g_str_equal (field->key, "score"))
        {
          g_autofree char *score = g_strdup_printf ("%s: %s", _(field->title), value);
          vitae_rich_text_append (&rt, score, &muted);
        }
      else
        vitae_rich_text_append (&rt, value, &muted);
      meta_empty = FALSE;
    }
  if (!meta_empty)
    {
      VitaeBlock *block = add_text (b, &rt, 0, PANGO_ALIGN_LEFT, "P", 1);
      block->keep_with_next = TRUE;
    }
  vitae_rich_text_clear (&rt);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];

      if (field->kind == VITAE_FIELD_MULTILINE)
        add_paragraphs (b, vitae_entry_get_text (entry, field->key),
                        info->id == VITAE_SECTION_REFERENCES, t->paragraph_gap + 1);
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const VitaeFieldInfo *field = &info->fields[i];
      const char * const *items = vitae_entry_get_list (entry, field->key);
      g_autofree char *joined = NULL;

      if (field->kind != VITAE_FIELD_STRING_LIST || items == NULL || items[0] == NULL)
        continue;
      if (g_str_equal (field->key, "highlights"))
        {
          add_bullets (b, items);
          continue;
        }
      joined = join_list (items, ", ");
      if (joined == NULL)
        continue;
      vitae_rich_text_init (&rt);
      {
        g_autofree char *label = g_strdup_printf ("%s: ", _(field->title));
        VitaeTextStyle label_style = style_bold (b, 0);

        vitae_rich_text_append (&rt, label, &label_style);
      }
      vitae_rich_text_append (&rt, joined, &plain);
      add_text (b, &rt, 0, PANGO_ALIGN_LEFT, "P", t->paragraph_gap);
      vitae_rich_text_clear (&rt);
    }

  /* The last block of an entry must not keep with the next entry. */
  if (b->blocks->len > 0)
    ((VitaeBlock *)g_ptr_array_index (b->blocks, b->blocks->len - 1))->keep_with_next = FALSE;
}

static gboolean
section_has_content (VitaeResume   *resume,
                     VitaeSectionId section)
{
  GListModel *entries = vitae_resume_get_entries (resume, section);
  guint n = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitaeEntry) entry = g_list_model_get_item (entries, i);
      if (!vitae_entry_is_empty (entry))
        return TRUE;
    }
  return FALSE;
}

static void
add_section (Builder        *b,
             VitaeSectionId  section)
{
  const VitaeSectionInfo *info = vitae_section_get_info (section);
  GListModel *entries = vitae_resume_get_entries (b->resume, section);
  guint n = g_list_model_get_n_items (entries);
  gboolean rows = section_is_rows (info);
  gboolean first = TRUE;

  if (!section_has_content (b->resume, section))
    return;

  add_heading (b, vitae_resume_get_section_title (b->resume, section));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VitaeEntry) entry = g_list_model_get_item (entries, i);

      if (vitae_entry_is_empty (entry))
        continue;
      if (rows)
        add_row_entry (b, entry, first);
      else
        add_block_entry (b, entry, first);
      first = FALSE;
    }
}

/* ---- The header: name, headline, contact details -------------------------- */

typedef struct {
  const char *label;
  const char *text;
  char       *uri;
  gboolean    profile;
} ContactItem;

static void
contact_item_clear (gpointer data)
{
  ContactItem *item = data;
  g_free (item->uri);
}

static char *
format_location (VitaeEntry *basics)
{
  const char *parts[] = {
    vitae_entry_get_text (basics, "location.city"),
    vitae_entry_get_text (basics, "location.region"),
    vitae_entry_get_text (basics, "location.countryCode"),
    NULL,
  };
  return join_list (parts, ", ");
}

static GArray *
collect_contact (VitaeRenderDocument *doc,
                 VitaeResume         *resume,
                 gboolean             with_profiles,
                 char               **location)
{
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  GArray *items = g_array_new (FALSE, TRUE, sizeof (ContactItem));
  const char *email = nonempty (vitae_entry_get_text (basics, "email"));
  const char *phone = nonempty (vitae_entry_get_text (basics, "phone"));
  const char *url = nonempty (vitae_entry_get_text (basics, "url"));
  ContactItem item;

  g_array_set_clear_func (items, contact_item_clear);
  *location = format_location (basics);

  if (email != NULL)
    {
      item = (ContactItem) { _("Email"), email, g_strconcat ("mailto:", email, NULL) };
      g_array_append_val (items, item);
    }
  if (phone != NULL)
    {
      g_autofree char *digits = g_strdelimit (g_strdup (phone), " ()-./", '_');
      GString *tel = g_string_new ("tel:");

      for (const char *p = digits; *p; p++)
        if (g_ascii_isdigit (*p) || *p == '+')
          g_string_append_c (tel, *p);
      item = (ContactItem) { _("Phone"), phone, tel->len > 5 ? g_string_free (tel, FALSE) : NULL };
      if (item.uri == NULL)
        g_string_free (tel, TRUE);
      g_array_append_val (items, item);
    }
  if (url != NULL)
    {
      item = (ContactItem) { _("Website"), url, vitae_validate_url (url) ? g_strdup (url) : NULL };
      g_array_append_val (items, item);
    }
  if (*location != NULL)
    {
      item = (ContactItem) { _("Location"), *location, NULL };
      g_array_append_val (items, item);
    }

  if (with_profiles && vitae_resume_get_section_visible (resume, VITAE_SECTION_PROFILES))
    {
      GListModel *profiles = vitae_resume_get_entries (resume, VITAE_SECTION_PROFILES);

      for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
        {
          g_autoptr(VitaeEntry) profile = g_list_model_get_item (profiles, i);
          const char *network = nonempty (vitae_entry_get_text (profile, "network"));
          const char *username = nonempty (vitae_entry_get_text (profile, "username"));
          const char *purl = nonempty (vitae_entry_get_text (profile, "url"));

          if (purl == NULL && username == NULL)
            continue;
          item = (ContactItem) { network ? network : _("Profile"),
                                 purl ? purl : username,
                                 purl && vitae_validate_url (purl) ? g_strdup (purl) : NULL,
                                 TRUE };
          g_array_append_val (items, item);
        }
    }
  (void)doc;
  return items;
}

static void
append_contact_item (Builder             *b,
                     VitaeRichText       *rt,
                     const ContactItem   *item,
                     const VitaeTextStyle *style)
{
  g_autofree char *shown = NULL;

  if (item->uri == NULL)
    {
      vitae_rich_text_append (rt, item->text, style);
      return;
    }
  shown = g_str_has_prefix (item->uri, "tel:") ? g_strdup (item->text) : strip_scheme (item->text);
  vitae_rich_text_link (rt, shown, item->uri, style);
}

static void
add_name_block (Builder        *b,
                double          width,
                PangoAlignment  align)
{
  VitaeEntry *basics = vitae_resume_get_basics (b->resume);
  const VitaeTemplate *t = b->t;
  const char *name = nonempty (vitae_entry_get_text (basics, "name"));
  const char *label = nonempty (vitae_entry_get_text (basics, "label"));
  double saved_width = b->width;
  VitaeRichText rt;
  VitaeBlock *block;

  b->width = width;
  if (name != NULL)
    {
      VitaeTextStyle style = {
        .family = pango_font_description_get_family (b->name_font),
        .size = t->name_size,
        .weight = t->strategy == VITAE_LAYOUT_SIDEBAR ? PANGO_WEIGHT_HEAVY : PANGO_WEIGHT_BOLD,
        .color = b->text,
        .letter_spacing = t->header_centered ? 0.5 : 0,
      };

      vitae_rich_text_init (&rt);
      vitae_rich_text_append (&rt, name, &style);
      block = add_text (b, &rt, 0, align, "H1", 0);
      block->keep_with_next = TRUE;
      vitae_rich_text_clear (&rt);
    }
  if (label != NULL)
    {
      VitaeTextStyle style = {
        .size = t->label_size,
        .color = t->label_accent ? b->doc->accent : b->muted,
        .italic = t->header_centered,
      };

      vitae_rich_text_init (&rt);
      vitae_rich_text_append (&rt, label, &style);
      block = add_text (b, &rt, 0, align, "P", 2);
      block->keep_with_next = TRUE;
      vitae_rich_text_clear (&rt);
    }
  b->width = saved_width;
}

static void
add_summary (Builder *b)
{
  VitaeEntry *basics = vitae_resume_get_basics (b->resume);
  const char *summary = nonempty (vitae_entry_get_text (basics, "summary"));
  const VitaeFieldInfo *field;

  if (summary == NULL)
    return;
  field = vitae_section_lookup_field (vitae_section_get_info (VITAE_SECTION_BASICS), "summary");
  add_heading (b, _(field->title));
  add_paragraphs (b, summary, FALSE, 0);
}

/* One column: name, headline and a line of contact details, the photo at
 * the top right when the template has one. */
static void
build_one_column_header (Builder *b)
{
  VitaeRenderDocument *doc = b->doc;
  const VitaeTemplate *t = b->t;
  gboolean photo = doc->photo != NULL && t->photo == VITAE_PHOTO_HEADER;
  double width = photo ? b->width - t->photo_size - 18 : b->width;
  PangoAlignment align = t->header_centered && !photo ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT;
  g_autofree char *location = NULL;
  g_autoptr(GArray) items = NULL;
  VitaeTextStyle style = style_muted (b);
  VitaeRichText rt;
  double height = 0;
  double saved_width = b->width;
  guint first_block = b->blocks->len;

  add_name_block (b, width, align);

  items = collect_contact (doc, b->resume, TRUE, &location);
  style.size = t->small_size + 0.25;
  /* Two lines: how to reach the candidate, then their profiles. */
  for (guint line = 0; line < 2; line++)
    {
      vitae_rich_text_init (&rt);
      for (guint i = 0; i < items->len; i++)
        {
          const ContactItem *item = &g_array_index (items, ContactItem, i);

          if (item->profile != (line == 1))
            continue;
          if (!vitae_rich_text_is_empty (&rt))
            vitae_rich_text_append (&rt, "  |  ", &style);
          append_contact_item (b, &rt, item, &style);
        }
      if (!vitae_rich_text_is_empty (&rt))
        {
          b->width = width;
          add_text (b, &rt, 0, align, "P", line == 0 ? 4 : 1);
          b->width = saved_width;
        }
      vitae_rich_text_clear (&rt);
    }

  /* The header's height only matters beside a photo: lay it out now then;
   * otherwise it waits to be laid out with the rest. */
  if (photo)
    vitae_blocks_realize (b->blocks, first_block, doc->context, doc->all_fonts, context_new);
  for (guint i = first_block; i < b->blocks->len; i++)
    {
      VitaeBlock *block = g_ptr_array_index (b->blocks, i);

      if (photo)
        height += vitae_block_get_height (block) + block->space_before;
      block->keep_with_next = FALSE;
    }

  if (b->blocks->len > first_block)
    {
      VitaeBlock *last = g_ptr_array_index (b->blocks, b->blocks->len - 1);

      /* The photo floats at the top right: the header is at least as tall. */
      if (photo && height < t->photo_size)
        last->rule_gap = t->photo_size - height;
      if (t->header_rule)
        {
          last->rule = TRUE;
          last->rule_gap += 8;
          last->rule_color = doc->accent;
          last->space_after = 2;
        }
    }

  if (photo)
    {
      VitaeBlock *image = vitae_block_new_image (doc->photo, t->photo_size,
                                                 b->width - t->photo_size, VITAE_IMAGE_SQUARE);
      image->height = 0;
      g_ptr_array_insert (b->blocks, (int)first_block, image);
    }
}

static void
build_sidebar (Builder *b)
{
  VitaeRenderDocument *doc = b->doc;
  const VitaeTemplate *t = b->t;
  g_autofree char *location = NULL;
  g_autoptr(GArray) items = NULL;
  VitaeSectionId order[VITAE_N_SECTIONS];
  guint n_order;

  if (doc->photo != NULL && t->photo == VITAE_PHOTO_SIDEBAR)
    {
      VitaeBlock *image = vitae_block_new_image (doc->photo, t->photo_size,
                                                 (b->width - t->photo_size) / 2, VITAE_IMAGE_CIRCLE);
      g_ptr_array_add (b->blocks, image);
      g_ptr_array_add (b->blocks, vitae_block_new_space (6));
    }

  items = collect_contact (doc, b->resume, FALSE, &location);
  if (items->len > 0)
    {
      add_heading (b, _("Contact"));
      for (guint i = 0; i < items->len; i++)
        {
          const ContactItem *item = &g_array_index (items, ContactItem, i);
          VitaeTextStyle value_style = style_plain (b);
          VitaeRichText rt;

          /* Values only: an e-mail address or a phone number says what it
           * is, and one size of type keeps the sidebar one block of text
           * for the PDF readers that guess reading order. */
          value_style.size = t->small_size;
          vitae_rich_text_init (&rt);
          append_contact_item (b, &rt, item, &value_style);
          add_text (b, &rt, 0, PANGO_ALIGN_LEFT, "P", i == 0 ? 0 : 3);
          vitae_rich_text_clear (&rt);
        }
    }

  n_order = vitae_resume_get_section_order (b->resume, order);
  if (vitae_template_in_sidebar (t, VITAE_SECTION_PROFILES) &&
      vitae_resume_get_section_visible (b->resume, VITAE_SECTION_PROFILES))
    add_section (b, VITAE_SECTION_PROFILES);
  for (guint i = 0; i < n_order; i++)
    if (vitae_template_in_sidebar (t, order[i]) && vitae_resume_get_section_visible (b->resume, order[i]))
      add_section (b, order[i]);
}

static void
build_main (Builder *b)
{
  const VitaeTemplate *t = b->t;
  VitaeSectionId order[VITAE_N_SECTIONS];
  guint n_order;

  if (t->strategy == VITAE_LAYOUT_SIDEBAR)
    {
      add_name_block (b, b->width, PANGO_ALIGN_LEFT);
      if (b->blocks->len > 0)
        {
          VitaeBlock *last = g_ptr_array_index (b->blocks, b->blocks->len - 1);
          last->keep_with_next = FALSE;
          last->space_after = 4;
        }
    }
  else
    build_one_column_header (b);

  add_summary (b);

  n_order = vitae_resume_get_section_order (b->resume, order);
  for (guint i = 0; i < n_order; i++)
    if (!vitae_template_in_sidebar (t, order[i]) && vitae_resume_get_section_visible (b->resume, order[i]))
      add_section (b, order[i]);
}

/* ---- Photo ---------------------------------------------------------------- */

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int shorter = MIN (width, height);

  /* Decode no more pixels than the page can show: a 50-megapixel photo
   * must not cost 200 MB. */
  if (shorter > PHOTO_MAX_PIXELS)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int)((double)width * PHOTO_MAX_PIXELS / shorter)),
                                MAX (1, (int)((double)height * PHOTO_MAX_PIXELS / shorter)));
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int side = MIN (width, height);
  int x0 = (width - side) / 2, y0 = (height - side) / 2;
  int n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  cairo_surface_t *surface;
  unsigned char *data;
  int cstride;

  /* A square from the middle: portraits are cropped, never squashed. */
  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, side, side);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  cstride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < side; y++)
    {
      const guchar *src = pixels + (gsize)(y + y0) * stride + (gsize)x0 * n_channels;
      guint32 *dst = (guint32 *)(gpointer)(data + (gsize)y * cstride);

      for (int x = 0; x < side; x++, src += n_channels)
        {
          guint a = alpha ? src[3] : 255;
          guint r = (src[0] * a + 127) / 255;
          guint g = (src[1] * a + 127) / 255;
          guint bl = (src[2] * a + 127) / 255;

          dst[x] = (a << 24) | (r << 16) | (g << 8) | bl;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
load_photo (GBytes *bytes)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  GdkPixbuf *pixbuf;
  cairo_surface_t *surface;

  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    return NULL;

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, &error))
    {
      /* A loader must be closed even when it failed. */
      gdk_pixbuf_loader_close (loader, NULL);
      /* Not fatal: the resume renders without its photo. */
      g_message ("Skipping the photo: %s", error->message);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, &error))
    {
      g_message ("Skipping the photo: %s", error->message);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_message ("Skipping the photo: it holds no image");
      return NULL;
    }
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  surface = surface_from_pixbuf (oriented ? oriented : pixbuf);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_message ("Skipping the photo: %s", cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

/* ---- Metadata -------------------------------------------------------------- */

static void
collect_metadata (VitaeRenderDocument *self,
                  VitaeResume         *resume)
{
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  const char *name = nonempty (vitae_entry_get_text (basics, "name"));
  const char *label = nonempty (vitae_entry_get_text (basics, "label"));
  const char *title = nonempty (vitae_resume_get_title (resume));
  GListModel *skills = vitae_resume_get_entries (resume, VITAE_SECTION_SKILLS);
  GString *keywords = g_string_new (NULL);

  if (name != NULL && label != NULL)
    self->title = g_strdup_printf ("%s — %s", name, label);
  else if (name != NULL)
    self->title = g_strdup (name);
  else if (title != NULL)
    self->title = g_strdup (title);
  else
    self->title = g_strdup (_("Resume"));

  self->author = g_strdup (name ? name : "");
  self->footer_name = g_strdup (name);
  self->subject = label ? g_strdup_printf (_("Resume of %s, %s"), name ? name : "", label)
                        : g_strdup (_("Resume"));

  for (guint i = 0; i < g_list_model_get_n_items (skills); i++)
    {
      g_autoptr(VitaeEntry) skill = g_list_model_get_item (skills, i);
      const char *skill_name = nonempty (vitae_entry_get_text (skill, "name"));
      const char * const *words = vitae_entry_get_list (skill, "keywords");

      if (skill_name != NULL)
        g_string_append_printf (keywords, "%s%s", keywords->len ? ", " : "", skill_name);
      for (guint j = 0; words != NULL && words[j] != NULL; j++)
        g_string_append_printf (keywords, "%s%s", keywords->len ? ", " : "", words[j]);
    }
  self->keywords = g_string_free (keywords, FALSE);
}

/* ---- Layout --------------------------------------------------------------- */

static PangoFontDescription *
font_new (const char *family,
          double      size)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  return font;
}

static PangoContext *
context_new (gboolean all_fonts)
{
  /* Font maps are one per thread, so workers never share one. */
  PangoFontMap *font_map = vitae_render_get_font_map (all_fonts);
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Outline metrics: the layout must not depend on a screen's hinting, so
   * that the preview, the PDF and the printout break lines alike. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

static void
builder_init (Builder             *b,
              VitaeRenderDocument *doc,
              VitaeResume         *resume,
              GPtrArray           *blocks,
              double               width,
              gboolean             sidebar)
{
  const VitaeTemplate *t = doc->tmpl;

  *b = (Builder) { doc, resume, t, blocks, width, sidebar, };
  b->text = sidebar ? doc->sidebar_text : t->text_color;
  b->muted = sidebar ? doc->sidebar_text : t->muted_color;
  b->heading = sidebar ? doc->sidebar_text : (t->heading_accent ? doc->accent : t->text_color);
  b->rule = sidebar ? doc->sidebar_text : (t->heading_accent ? doc->accent : 0x9a9996);
  b->body_font = font_new (t->body_font, t->body_size);
  b->heading_font = font_new (t->heading_font, t->heading_size);
  b->name_font = font_new (t->name_font, t->name_size);
}

static void
builder_clear (Builder *b)
{
  pango_font_description_free (b->body_font);
  pango_font_description_free (b->heading_font);
  pango_font_description_free (b->name_font);
  g_clear_object (&b->bullet);
}

static void
layout_pages (VitaeRenderDocument *self,
              VitaeResume         *resume)
{
  const VitaeTemplate *t = self->tmpl;
  VitaeColumn main_column, side_column;
  Builder b;
  guint n_main, n_side = 1;

  if (t->strategy == VITAE_LAYOUT_SIDEBAR)
    {
      side_column = (VitaeColumn) {
        t->sidebar_padding, t->sidebar_width - 2 * t->sidebar_padding,
        t->margin_top, self->page_height - t->margin_bottom,
      };
      main_column = (VitaeColumn) {
        t->sidebar_width + t->margin_side, self->page_width - t->sidebar_width - 2 * t->margin_side,
        t->margin_top, self->page_height - t->margin_bottom,
      };
    }
  else
    main_column = (VitaeColumn) {
      t->margin_side, self->page_width - 2 * t->margin_side,
      t->margin_top, self->page_height - t->margin_bottom,
    };

  builder_init (&b, self, resume, self->main_blocks, main_column.width, FALSE);
  build_main (&b);
  builder_clear (&b);
  if (t->strategy == VITAE_LAYOUT_SIDEBAR)
    {
      builder_init (&b, self, resume, self->side_blocks, side_column.width, TRUE);
      build_sidebar (&b);
      builder_clear (&b);
    }

  /* Between vitae_layout_cache_begin() and _end() the paragraphs wait to be
   * laid out together, on two threads. */
  if (self->side_blocks->len == 0)
    vitae_blocks_realize (self->main_blocks, 0, self->context, self->all_fonts, context_new);
  else
    {
      /* Both columns at once: more to share. */
      g_autoptr(GPtrArray) all = g_ptr_array_sized_new (self->main_blocks->len + self->side_blocks->len);

      g_ptr_array_extend (all, self->main_blocks, NULL, NULL);
      g_ptr_array_extend (all, self->side_blocks, NULL, NULL);
      vitae_blocks_realize (all, 0, self->context, self->all_fonts, context_new);
    }
  n_main = vitae_paginate (self->main_blocks, &main_column, self->placements);
  if (t->strategy == VITAE_LAYOUT_SIDEBAR)
    n_side = vitae_paginate (self->side_blocks, &side_column, self->placements);

  self->n_pages = MAX (n_main, n_side);
}

static gboolean
blocks_have_missing_glyphs (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      VitaeBlock *block = g_ptr_array_index (blocks, i);
      PangoLayout *layouts[] = { block->layout, block->aside, block->bullet };

      for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
        if (layouts[l] != NULL && vitae_render_layout_has_missing_glyphs (layouts[l]))
          return TRUE;
    }
  return FALSE;
}

/* Lays out with the templates' fonts, or again with every installed font
 * when those lack a glyph (see vitae-render-fonts.c). */
static void
layout_document (VitaeRenderDocument *self,
                 VitaeResume         *resume)
{
  self->all_fonts = FALSE;
  self->context = context_new (FALSE);
  layout_pages (self, resume);
  if (!blocks_have_missing_glyphs (self->main_blocks) &&
      !blocks_have_missing_glyphs (self->side_blocks))
    return;

  g_debug ("Some text needs fonts beyond the templates’: laying out with all fonts");
  g_ptr_array_set_size (self->main_blocks, 0);
  g_ptr_array_set_size (self->side_blocks, 0);
  g_array_set_size (self->placements, 0);
  g_clear_object (&self->context);
  self->all_fonts = TRUE;
  self->context = context_new (TRUE);
  layout_pages (self, resume);
}

/* ---- GObject ------------------------------------------------------------ */

static void
vitae_render_document_finalize (GObject *object)
{
  VitaeRenderDocument *self = VITAE_RENDER_DOCUMENT (object);

  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->main_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->side_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->photo, cairo_surface_destroy);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->keywords);
  g_free (self->footer_name);

  G_OBJECT_CLASS (vitae_render_document_parent_class)->finalize (object);
}

static void
vitae_render_document_class_init (VitaeRenderDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vitae_render_document_finalize;
}

static void
vitae_render_document_init (VitaeRenderDocument *self)
{
  self->main_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)vitae_block_free);
  self->side_blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)vitae_block_free);
  self->placements = g_array_new (FALSE, TRUE, sizeof (VitaePlacement));
}

/* ---- Public API ----------------------------------------------------------- */

/**
 * vitae_render_document_new:
 * @resume: the resume; read only, and not kept
 * @options: (nullable): overrides of the resume's template and page size
 *
 * Lays @resume out. Safe on a worker thread as long as nothing changes
 * @resume meanwhile: pass a copy from vitae_resume_copy().
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
VitaeRenderDocument *
vitae_render_document_new (VitaeResume               *resume,
                           const VitaeRenderOptions  *options,
                           GError                   **error)
{
  g_autoptr(VitaeRenderDocument) self = NULL;
  const char *template_id = options ? options->template_id : NULL;
  const char *page_size = options ? options->page_size : NULL;
  const VitaeTemplate *tmpl;

  g_return_val_if_fail (VITAE_IS_RESUME (resume), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (template_id != NULL)
    {
      tmpl = vitae_template_lookup (template_id);
      if (tmpl == NULL)
        {
          g_set_error (error, VITAE_RENDER_ERROR, VITAE_RENDER_ERROR_TEMPLATE,
                       _("There is no template “%s”"), template_id);
          return NULL;
        }
    }
  else
    {
      /* A template this version does not know falls back to the default. */
      tmpl = vitae_template_lookup (vitae_resume_get_template (resume));
      if (tmpl == NULL)
        tmpl = vitae_template_lookup (VITAE_DEFAULT_TEMPLATE);
    }

  self = g_object_new (VITAE_TYPE_RENDER_DOCUMENT, NULL);
  self->tmpl = tmpl;
  if (tmpl->hyphenate)
    vitae_hyphenation_preload ();

  if (page_size != NULL)
    {
      if (!vitae_render_page_size_lookup (page_size, &self->page_width, &self->page_height))
        {
          g_set_error (error, VITAE_RENDER_ERROR, VITAE_RENDER_ERROR_PAGE_SIZE,
                       _("Unknown page size “%s”: use a4 or letter"), page_size);
          return NULL;
        }
    }
  else if (!vitae_render_page_size_lookup (vitae_resume_get_page_size (resume),
                                           &self->page_width, &self->page_height))
    vitae_render_page_size_lookup (VITAE_DEFAULT_PAGE_SIZE, &self->page_width, &self->page_height);

  self->accent = parse_accent (vitae_resume_get_accent (resume));
  self->sidebar_text = is_light (self->accent) ? 0x241f31 : 0xffffff;
  if (tmpl->photo != VITAE_PHOTO_NONE)
    self->photo = load_photo (vitae_resume_get_photo (resume));

  collect_metadata (self, resume);
  layout_document (self, resume);

  return g_steal_pointer (&self);
}

guint
vitae_render_document_get_n_pages (VitaeRenderDocument *self)
{
  g_return_val_if_fail (VITAE_IS_RENDER_DOCUMENT (self), 0);
  return self->n_pages;
}

void
vitae_render_document_get_page_size (VitaeRenderDocument *self,
                                     double              *width,
                                     double              *height)
{
  g_return_if_fail (VITAE_IS_RENDER_DOCUMENT (self));
  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

const VitaeTemplate *
vitae_render_document_get_template (VitaeRenderDocument *self)
{
  g_return_val_if_fail (VITAE_IS_RENDER_DOCUMENT (self), NULL);
  return self->tmpl;
}

static void
draw_footer (VitaeRenderDocument *self,
             cairo_t             *cr,
             guint                page)
{
  const VitaeTemplate *t = self->tmpl;
  g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
  PangoFontDescription *font = font_new (t->body_font, t->small_size - 1);
  g_autofree char *text = NULL;
  double x0 = t->strategy == VITAE_LAYOUT_SIDEBAR ? t->sidebar_width : 0;
  PangoRectangle logical;

  /* Translators: the footer of a resume's pages, "Jane Doe · 2 / 3" */
  text = self->footer_name ? g_strdup_printf (_("%s · %u / %u"), self->footer_name, page + 1, self->n_pages)
                           : g_strdup_printf ("%u / %u", page + 1, self->n_pages);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  vitae_set_source_rgb (cr, t->muted_color, 1);
  cairo_move_to (cr, x0 + (self->page_width - x0 - (double)logical.width / PANGO_SCALE) / 2,
                 self->page_height - t->margin_bottom / 2 - (double)logical.height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
}

void
vitae_render_document_draw_page (VitaeRenderDocument *self,
                                 cairo_t             *cr,
                                 guint                page)
{
  const VitaeTemplate *t;
  VitaePainter painter = { cr, FALSE, 0 };

  g_return_if_fail (VITAE_IS_RENDER_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  t = self->tmpl;
  painter.tagged = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;

  cairo_save (cr);
  if (t->strategy == VITAE_LAYOUT_SIDEBAR)
    {
      vitae_set_source_rgb (cr, self->accent, 1);
      cairo_rectangle (cr, 0, 0, t->sidebar_width, self->page_height);
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->placements->len; i++)
    {
      const VitaePlacement *p = &g_array_index (self->placements, VitaePlacement, i);
      const VitaePlacement *next = NULL;

      if (p->page != page)
        continue;
      for (guint j = i + 1; j < self->placements->len && next == NULL; j++)
        if (g_array_index (self->placements, VitaePlacement, j).page == page)
          next = &g_array_index (self->placements, VitaePlacement, j);
      vitae_paint_placement (&painter, p, next);
    }
  vitae_paint_finish (&painter);

  if (self->n_pages > 1)
    draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* Used by vitae-render.c to write the PDF's outline and metadata. */
void
vitae_render_document_foreach_heading (VitaeRenderDocument *self,
                                       VitaeHeadingFunc     func,
                                       gpointer             user_data)
{
  for (guint i = 0; i < self->placements->len; i++)
    {
      const VitaePlacement *p = &g_array_index (self->placements, VitaePlacement, i);

      if (p->block->outline != NULL && p->first_line == 0)
        func (p->block->outline, p->page, p->x, p->y, user_data);
    }
}

void
vitae_render_document_get_metadata (VitaeRenderDocument  *self,
                                    const char          **title,
                                    const char          **author,
                                    const char          **subject,
                                    const char          **keywords)
{
  *title = self->title;
  *author = self->author;
  *subject = self->subject;
  *keywords = self->keywords;
}
