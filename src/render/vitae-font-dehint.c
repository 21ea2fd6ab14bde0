/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <string.h>

#include "vitae-font-dehint.h"

/* TrueType fonts without their hinting.
 *
 * The faces the templates use (Noto Sans and Noto Serif) carry TrueType
 * hinting: a bytecode program per font (fpgm, prep, cvt) and per glyph. A
 * PDF needs none of it: the layout uses outline metrics, and PDF viewers
 * and printers rasterise without it. cairo 1.16 copies it into every font
 * subset it embeds, where it was about a third of a resume's PDF (55 KB ->
 * 39 KB without it) and of the time spent compressing and subsetting. So
 * the templates lay out with copies of their faces that have everything
 * but the hinting, byte for byte: same glyphs, outlines, metrics, cmap and
 * OpenType layout tables (vitae-render-fonts.c keeps the copies). */

#define TAG(a, b, c, d) ((guint32)(a) << 24 | (guint32)(b) << 16 | (guint32)(c) << 8 | (guint32)(d))

/* Composite glyph flags. */
#define ARG_1_AND_2_ARE_WORDS    0x0001
#define WE_HAVE_A_SCALE          0x0008
#define MORE_COMPONENTS          0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define WE_HAVE_A_TWO_BY_TWO     0x0080
#define WE_HAVE_INSTRUCTIONS     0x0100

typedef struct {
  guint32       tag;
  const guint8 *data;
  gsize         length;
  GByteArray   *replaced;   /* new contents, or NULL */
  gsize         written_at; /* in the new font */
} Table;

static inline guint16
get16 (const guint8 *p)
{
  return (guint16)(p[0] << 8 | p[1]);
}

static inline guint32
get32 (const guint8 *p)
{
  return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | p[3];
}

static inline void
put16 (guint8  *p,
       guint16  v)
{
  p[0] = (guint8)(v >> 8);
  p[1] = (guint8)v;
}

static inline void
put32 (guint8  *p,
       guint32  v)
{
  p[0] = (guint8)(v >> 24);
  p[1] = (guint8)(v >> 16);
  p[2] = (guint8)(v >> 8);
  p[3] = (guint8)v;
}

static void
append16 (GByteArray *out,
          guint16     v)
{
  guint8 b[2];

  put16 (b, v);
  g_byte_array_append (out, b, 2);
}

static void
append32 (GByteArray *out,
          guint32     v)
{
  guint8 b[4];

  put32 (b, v);
  g_byte_array_append (out, b, 4);
}

static void
pad4 (GByteArray *out)
{
  static const guint8 zeros[3] = { 0, };

  if (out->len % 4 != 0)
    g_byte_array_append (out, zeros, 4 - out->len % 4);
}

static guint32
checksum (const guint8 *data,
          gsize         length)
{
  guint32 sum = 0;
  gsize i;

  for (i = 0; i + 4 <= length; i += 4)
    sum += get32 (data + i);
  if (i < length)
    {
      guint8 last[4] = { 0, };

      memcpy (last, data + i, length - i);
      sum += get32 (last);
    }
  return sum;
}

static Table *
find_table (GArray  *tables,
            guint32  tag)
{
  for (guint i = 0; i < tables->len; i++)
    if (g_array_index (tables, Table, i).tag == tag)
      return &g_array_index (tables, Table, i);
  return NULL;
}

/* Simple glyph flags. */
#define X_SHORT        0x02
#define Y_SHORT        0x04
#define REPEAT         0x08
#define X_SAME_OR_PLUS 0x10
#define Y_SAME_OR_PLUS 0x20

/* Where a simple glyph's flags and coordinates, from @at, end (its
 * padding excluded), or 0 when they run past @length. */
static gsize
simple_glyph_end (const guint8 *glyph,
                  gsize         length,
                  int           n_contours,
                  gsize         at)
{
  gsize n_points = n_contours > 0 ? (gsize)get16 (glyph + 10 + 2 * (n_contours - 1)) + 1 : 0;
  gsize coordinates = 0;

  for (gsize point = 0; point < n_points;)
    {
      guint8 flags;
      gsize repeat = 1;

      if (at >= length)
        return 0;
      flags = glyph[at++];
      if (flags & REPEAT)
        {
          if (at >= length)
            return 0;
          repeat += glyph[at++];
        }
      if (point + repeat > n_points)
        return 0;
      coordinates += repeat * ((flags & X_SHORT) ? 1 : (flags & X_SAME_OR_PLUS) ? 0 : 2);
      coordinates += repeat * ((flags & Y_SHORT) ? 1 : (flags & Y_SAME_OR_PLUS) ? 0 : 2);
      point += repeat;
    }
  return at + coordinates <= length ? at + coordinates : 0;
}

/* Appends glyph @glyph (@length bytes) to @out without its instructions.
 * FALSE when it is malformed. */
static gboolean
append_glyph (GByteArray   *out,
              const guint8 *glyph,
              gsize         length)
{
  gint16 n_contours;

  if (length == 0)
    return TRUE;
  if (length < 10)
    return FALSE;
  n_contours = (gint16)get16 (glyph);

  if (n_contours >= 0)
    {
      gsize instructions_at = 10 + 2 * (gsize)n_contours;
      gsize n_instructions;

      if (instructions_at + 2 > length)
        return FALSE;
      n_instructions = get16 (glyph + instructions_at);
      if (instructions_at + 2 + n_instructions > length)
        return FALSE;
      gsize points_at = instructions_at + 2 + n_instructions;
      gsize end = simple_glyph_end (glyph, length, n_contours, points_at);

      if (end == 0)
        return FALSE;
      g_byte_array_append (out, glyph, (guint)instructions_at);
      append16 (out, 0);
      g_byte_array_append (out, glyph + points_at, (guint)(end - points_at));
    }
  else
    {
      gsize at = 10;
      guint16 flags;

      g_byte_array_append (out, glyph, 10);
      do
        {
          gsize size = 4;

          if (at + 4 > length)
            return FALSE;
          flags = get16 (glyph + at);
          size += (flags & ARG_1_AND_2_ARE_WORDS) ? 4 : 2;
          if (flags & WE_HAVE_A_SCALE)
            size += 2;
          else if (flags & WE_HAVE_AN_X_AND_Y_SCALE)
            size += 4;
          else if (flags & WE_HAVE_A_TWO_BY_TWO)
            size += 8;
          if (at + size > length)
            return FALSE;
          g_byte_array_append (out, glyph + at, (guint)size);
          put16 (out->data + out->len - size, flags & ~WE_HAVE_INSTRUCTIONS);
          at += size;
        }
      while (flags & MORE_COMPONENTS);
    }
  pad4 (out);
  return TRUE;
}

/* Replaces glyf (without instructions), loca (long offsets), head and maxp
 * in @tables. */
static gboolean
rewrite_glyphs (GArray *tables)
{
  Table *head = find_table (tables, TAG ('h', 'e', 'a', 'd'));
  Table *maxp = find_table (tables, TAG ('m', 'a', 'x', 'p'));
  Table *loca = find_table (tables, TAG ('l', 'o', 'c', 'a'));
  Table *glyf = find_table (tables, TAG ('g', 'l', 'y', 'f'));
  gboolean long_offsets;
  guint n_glyphs;
  GByteArray *new_glyf, *new_loca, *new_head, *new_maxp;

  if (head == NULL || maxp == NULL || loca == NULL || glyf == NULL || head->length < 54 || maxp->length < 6)
    return FALSE;
  long_offsets = get16 (head->data + 50) != 0;
  n_glyphs = get16 (maxp->data + 4);
  if (loca->length < (gsize)(n_glyphs + 1) * (long_offsets ? 4 : 2))
    return FALSE;

  new_glyf = g_byte_array_sized_new ((guint)glyf->length);
  new_loca = g_byte_array_sized_new ((n_glyphs + 1) * 4);
  for (guint i = 0; i < n_glyphs; i++)
    {
      gsize start = long_offsets ? get32 (loca->data + 4 * i) : 2 * (gsize)get16 (loca->data + 2 * i);
      gsize end = long_offsets ? get32 (loca->data + 4 * (i + 1)) : 2 * (gsize)get16 (loca->data + 2 * (i + 1));

      append32 (new_loca, new_glyf->len);
      if (end < start || end > glyf->length || !append_glyph (new_glyf, glyf->data + start, end - start))
        {
          g_byte_array_unref (new_glyf);
          g_byte_array_unref (new_loca);
          return FALSE;
        }
    }
  append32 (new_loca, new_glyf->len);

  new_head = g_byte_array_sized_new ((guint)head->length);
  g_byte_array_append (new_head, head->data, (guint)head->length);
  put16 (new_head->data + 50, 1);            /* indexToLocFormat: long */
  put32 (new_head->data + 8, 0);             /* checkSumAdjustment, set last */

  new_maxp = g_byte_array_sized_new ((guint)maxp->length);
  g_byte_array_append (new_maxp, maxp->data, (guint)maxp->length);
  if (get32 (maxp->data) == 0x00010000 && maxp->length >= 28)
    put16 (new_maxp->data + 26, 0);          /* maxSizeOfInstructions */

  glyf->replaced = new_glyf;
  loca->replaced = new_loca;
  head->replaced = new_head;
  maxp->replaced = new_maxp;
  return TRUE;
}

static void
table_clear (gpointer data)
{
  Table *table = data;

  g_clear_pointer (&table->replaced, g_byte_array_unref);
}

static gint
compare_tags (gconstpointer a,
              gconstpointer b)
{
  guint32 x = ((const Table *)a)->tag, y = ((const Table *)b)->tag;

  return (x > y) - (x < y);
}

/**
 * vitae_font_dehint:
 * @font: a TrueType font file (one face, glyf outlines)
 *
 * Returns: (transfer full) (nullable): @font without its hinting programs
 *   and glyph instructions (or tables that only serve them), or %NULL when
 *   @font is not such a font or is malformed
 */
GBytes *
vitae_font_dehint (GBytes *font)
{
  static const guint32 dropped[] = {
    TAG ('f', 'p', 'g', 'm'), TAG ('p', 'r', 'e', 'p'), TAG ('c', 'v', 't', ' '),
    TAG ('h', 'd', 'm', 'x'), TAG ('L', 'T', 'S', 'H'), TAG ('V', 'D', 'M', 'X'),
    TAG ('D', 'S', 'I', 'G'),
  };
  gsize size;
  const guint8 *data = g_bytes_get_data (font, &size);
  g_autoptr(GArray) tables = NULL;
  g_autoptr(GByteArray) out = NULL;
  guint n_tables, entry_selector = 0, search_range = 1;
  guint32 version, sum;
  gsize directory_end;
  Table *head;

  if (data == NULL || size < 12)
    return NULL;
  version = get32 (data);
  if (version != 0x00010000 && version != TAG ('t', 'r', 'u', 'e'))
    return NULL;   /* CFF outlines, or a collection */
  n_tables = get16 (data + 4);
  if (size < 12 + 16 * (gsize)n_tables)
    return NULL;

  tables = g_array_sized_new (FALSE, TRUE, sizeof (Table), n_tables);
  g_array_set_clear_func (tables, table_clear);
  for (guint i = 0; i < n_tables; i++)
    {
      const guint8 *record = data + 12 + 16 * i;
      Table table = { get32 (record), NULL, get32 (record + 12), NULL };
      gsize offset = get32 (record + 8);
      gboolean drop = FALSE;

      if (offset > size || table.length > size - offset)
        return NULL;
      table.data = data + offset;
      for (guint d = 0; d < G_N_ELEMENTS (dropped); d++)
        drop |= table.tag == dropped[d];
      if (!drop)
        g_array_append_val (tables, table);
    }
  if (!rewrite_glyphs (tables))
    return NULL;
  g_array_sort (tables, compare_tags);

  /* The offset table and the table records, then the tables. */
  while (search_range * 2 <= tables->len)
    {
      search_range *= 2;
      entry_selector++;
    }
  out = g_byte_array_sized_new ((guint)size);
  append32 (out, version);
  append16 (out, (guint16)tables->len);
  append16 (out, (guint16)(search_range * 16));
  append16 (out, (guint16)entry_selector);
  append16 (out, (guint16)(tables->len * 16 - search_range * 16));
  directory_end = 12 + 16 * (gsize)tables->len;
  g_byte_array_set_size (out, (guint)directory_end);

  for (guint i = 0; i < tables->len; i++)
    {
      Table *table = &g_array_index (tables, Table, i);
      const guint8 *contents = table->replaced ? table->replaced->data : table->data;
      gsize length = table->replaced ? table->replaced->len : table->length;
      guint8 *record = out->data + 12 + 16 * i;
      gsize offset = out->len;

      put32 (record, table->tag);
      put32 (record + 4, checksum (contents, length));
      put32 (record + 8, (guint32)offset);
      put32 (record + 12, (guint32)length);
      table->written_at = offset;
      g_byte_array_append (out, contents, (guint)length);
      pad4 (out);
    }

  /* head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA. */
  head = find_table (tables, TAG ('h', 'e', 'a', 'd'));
  if (head == NULL)
    return NULL;   /* rewrite_glyphs() made sure there is one */
  sum = checksum (out->data, out->len);
  put32 (out->data + head->written_at + 8, 0xB1B0AFBAu - sum);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
