/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vitae-render-pdf.h"

/* Cairo 1.16 writes a structure tree (/StructTreeRoot, marked content with
 * MCIDs) for the tags a document draws with, but its catalog lacks
 * /MarkInfo << /Marked true >>, without which readers and checkers (pdfinfo
 * says "Tagged: no") treat the file as untagged. vitae_pdf_mark_tagged()
 * appends an incremental update (ISO 32000-1, 7.5.6) that rewrites the
 * catalog with /MarkInfo and /ViewerPreferences << /DisplayDocTitle true >>
 * (the window shows the title, not the file name): a new copy of the
 * catalog object, an xref section for it alone and a trailer pointing back
 * at cairo's. Nothing cairo wrote changes. */

/* The last occurrence of @needle in @haystack[0, @len). */
static const char *
find_last (const char *haystack,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  if (len < n)
    return NULL;
  for (gsize i = len - n + 1; i-- > 0;)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

static const char *
find_in (const char *haystack,
         gsize       len,
         const char *needle)
{
  return g_strstr_len (haystack, (gssize)len, needle);
}

/* The integer after @key ("/Size") in @dict[0, @len), or -1. */
static gint64
dict_int (const char *dict,
          gsize       len,
          const char *key)
{
  const char *p = find_in (dict, len, key);
  char *end;
  gint64 value;

  if (p == NULL)
    return -1;
  p += strlen (key);
  while (p < dict + len && *p == ' ')
    p++;
  value = g_ascii_strtoll (p, &end, 10);
  if (end == p)
    return -1;
  return value;
}

/**
 * vitae_pdf_mark_tagged:
 * @pdf: a PDF that cairo wrote with a structure tree
 *
 * Appends the incremental update described above. Leaves @pdf as it is,
 * and returns %FALSE, when it does not look like cairo's output (no
 * trailer, no catalog, a catalog already marked, no structure tree).
 *
 * Returns: %TRUE when @pdf was marked
 */
gboolean
vitae_pdf_mark_tagged (GByteArray *pdf)
{
  const char *data = (const char *)pdf->data;
  gsize len = pdf->len;
  const char *trailer, *startxref, *catalog_start, *dict_start, *dict_end;
  gint64 size, root, info, prev;
  g_autofree char *object_header = NULL;
  g_autoptr(GString) update = NULL;
  gsize catalog_offset, xref_offset;

  trailer = find_last (data, len, "\ntrailer");
  startxref = find_last (data, len, "\nstartxref");
  if (trailer == NULL || startxref == NULL || startxref < trailer)
    return FALSE;

  size = dict_int (trailer, startxref - trailer, "/Size");
  root = dict_int (trailer, startxref - trailer, "/Root");
  info = dict_int (trailer, startxref - trailer, "/Info");
  prev = dict_int (startxref, data + len - startxref, "startxref");
  if (size <= 0 || root <= 0 || prev <= 0)
    return FALSE;

  /* The catalog: "\nROOT 0 obj\n<< /Type /Catalog … >>\nendobj". */
  object_header = g_strdup_printf ("\n%" G_GINT64_FORMAT " 0 obj\n", root);
  catalog_start = find_last (data, len, object_header);
  if (catalog_start == NULL)
    return FALSE;
  dict_start = catalog_start + strlen (object_header);
  dict_end = find_in (dict_start, data + len - dict_start, ">>\nendobj");
  if (dict_end == NULL ||
      find_in (dict_start, dict_end - dict_start, "/Type /Catalog") == NULL ||
      find_in (dict_start, dict_end - dict_start, "/StructTreeRoot") == NULL ||
      find_in (dict_start, dict_end - dict_start, "/MarkInfo") != NULL)
    return FALSE;

  update = g_string_new (NULL);
  if (data[len - 1] != '\n')
    g_string_append_c (update, '\n');
  catalog_offset = len + update->len;
  g_string_append_printf (update, "%" G_GINT64_FORMAT " 0 obj\n", root);
  g_string_append_len (update, dict_start, dict_end - dict_start);
  g_string_append (update,
                   "   /MarkInfo << /Marked true >>\n"
                   "   /ViewerPreferences << /DisplayDocTitle true >>\n"
                   ">>\nendobj\n");
  xref_offset = len + update->len;
  /* Each xref entry is exactly 20 bytes: "nnnnnnnnnn ggggg n\r\n"… or " \n". */
  g_string_append_printf (update, "xref\n%" G_GINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                          root, catalog_offset);
  g_string_append_printf (update, "trailer\n<< /Size %" G_GINT64_FORMAT "\n   /Root %" G_GINT64_FORMAT " 0 R\n",
                          size, root);
  if (info > 0)
    g_string_append_printf (update, "   /Info %" G_GINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (update, "   /Prev %" G_GINT64_FORMAT "\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          prev, xref_offset);

  g_byte_array_append (pdf, (const guint8 *)update->str, update->len);
  return TRUE;
}
