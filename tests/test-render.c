/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <unistd.h>
#include <string.h>

#include "vitae-font-dehint.h"
#include "vitae-hyphenate.h"
#include "vitae-render.h"

/* poppler-glib 22.12 declares no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerFontInfo, g_object_unref)

/* Every test reads the PDF back with poppler, as a recruiter's ATS would. */

static const char *template_ids[] = { "classic", "modern", "compact" };

#define FIXED_DATE_UNIX 1700000000

/* ---- Test resumes, built through the models --------------------------- */

static VitaeEntry *
add (VitaeResume    *resume,
     VitaeSectionId  section,
     ...)
{
  VitaeEntry *entry = vitae_resume_add_entry (resume, section);
  va_list args;
  const char *key;

  va_start (args, section);
  while ((key = va_arg (args, const char *)) != NULL)
    vitae_entry_set_text (entry, key, va_arg (args, const char *));
  va_end (args);
  return entry;
}

static void
set_list (VitaeEntry *entry,
          const char *key,
          ...)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  va_list args;
  const char *item;

  va_start (args, key);
  while ((item = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (items, (gpointer)item);
  va_end (args);
  g_ptr_array_add (items, NULL);
  vitae_entry_set_list (entry, key, (const char * const *)items->pdata);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_photo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 120, 160);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.8, 0.85, 0.9);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.3, 0.35, 0.45);
  cairo_arc (cr, 60, 65, 30, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, 60, 160, 55, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static void
fill_basics (VitaeResume *resume)
{
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  VitaeEntry *entry;

  vitae_entry_set_text (basics, "name", "Zoë Lindqvist-Müller");
  vitae_entry_set_text (basics, "label", "Senior Software Engineer");
  vitae_entry_set_text (basics, "email", "zoe@example.org");
  vitae_entry_set_text (basics, "phone", "+46 70 123 45 67");
  vitae_entry_set_text (basics, "url", "https://zoe.example.org");
  vitae_entry_set_text (basics, "location.city", "Göteborg");
  vitae_entry_set_text (basics, "location.countryCode", "SE");
  vitae_entry_set_text (basics, "summary",
                        "Engineer with twelve years of experience building reliable desktop and "
                        "embedded software. Maintainer of open-source libraries used by millions.");

  entry = add (resume, VITAE_SECTION_PROFILES, "network", "GitHub", "username", "zoelm",
               "url", "https://github.com/zoelm", NULL);
  entry = add (resume, VITAE_SECTION_PROFILES, "network", "LinkedIn", "username", "zoe-lm",
               "url", "https://www.linkedin.com/in/zoe-lm", NULL);
  (void)entry;
}

static VitaeResume *
make_rich_resume (void)
{
  VitaeResume *resume = vitae_resume_new ();
  VitaeEntry *entry;

  vitae_resume_set_title (resume, "Applications 2024");
  fill_basics (resume);

  entry = add (resume, VITAE_SECTION_WORK, "position", "Staff Engineer", "name", "Northwind Systems",
               "location", "Stockholm", "url", "https://northwind.example.com",
               "startDate", "2019-03", "summary",
               "Led the rendering team of a document platform serving forty thousand customers.", NULL);
  set_list (entry, "highlights", "Cut median export time from 4.1 s to 0.6 s",
            "Mentored nine engineers, four of them promoted", NULL);
  entry = add (resume, VITAE_SECTION_WORK, "position", "Software Engineer", "name", "Fabrikam Oy",
               "location", "Helsinki", "startDate", "2014-09", "endDate", "2019-02",
               "summary", "Built the offline sync engine of a field-service application.", NULL);
  set_list (entry, "highlights", "Designed a conflict-free replication protocol", NULL);

  add (resume, VITAE_SECTION_VOLUNTEER, "position", "Mentor", "organization", "Code Club Sverige",
       "startDate", "2016", "summary", "Teaches programming to children on weekends.", NULL);

  entry = add (resume, VITAE_SECTION_EDUCATION, "institution", "Chalmers University of Technology",
               "area", "Computer Science", "studyType", "MSc", "startDate", "2012", "endDate", "2014",
               "score", "5.0", NULL);
  set_list (entry, "courses", "Compilers", "Distributed Systems", NULL);

  add (resume, VITAE_SECTION_AWARDS, "title", "Open Source Award", "awarder", "FOSS Nordic",
       "date", "2021-11", "summary", "For maintaining a widely used layout library.", NULL);
  add (resume, VITAE_SECTION_CERTIFICATES, "name", "Certified Kubernetes Administrator",
       "issuer", "CNCF", "date", "2022-05", "url", "https://cncf.example.io/cka/123", NULL);
  add (resume, VITAE_SECTION_PUBLICATIONS, "name", "Incremental Text Layout", "publisher", "ACM DocEng",
       "releaseDate", "2020-09", "url", "https://doi.example.org/10.1145/1234", NULL);

  entry = add (resume, VITAE_SECTION_SKILLS, "name", "Systems Programming", "level", "Expert", NULL);
  set_list (entry, "keywords", "C", "Rust", "GObject", NULL);
  entry = add (resume, VITAE_SECTION_SKILLS, "name", "Graphics", "level", "Advanced", NULL);
  set_list (entry, "keywords", "Cairo", "Pango", "OpenGL", NULL);

  add (resume, VITAE_SECTION_LANGUAGES, "language", "Swedish", "fluency", "Native", NULL);
  add (resume, VITAE_SECTION_LANGUAGES, "language", "English", "fluency", "Fluent", NULL);
  entry = add (resume, VITAE_SECTION_INTERESTS, "name", "Typography", NULL);
  set_list (entry, "keywords", "type design", "letterpress", NULL);
  add (resume, VITAE_SECTION_REFERENCES, "name", "Anna Berg",
       "reference", "Zoë is the engineer I would hire again first.", NULL);
  entry = add (resume, VITAE_SECTION_PROJECTS, "name", "Folio", "description",
               "A typesetting engine for long documents.", "url", "https://folio.example.net",
               "startDate", "2018", NULL);
  set_list (entry, "highlights", "Adopted by three publishers", NULL);

  return resume;
}

static VitaeResume *
make_long_resume (void)
{
  VitaeResume *resume = vitae_resume_new ();

  fill_basics (resume);
  for (guint i = 0; i < 75; i++)
    {
      g_autofree char *position = g_strdup_printf ("Position number %u", i + 1);
      g_autofree char *start = g_strdup_printf ("%u-01", 1940 + i);
      g_autoptr(GString) summary = g_string_new (NULL);
      VitaeEntry *entry;

      for (guint j = 0; j < 3 + i % 5; j++)
        g_string_append (summary, "A long paragraph that goes on about responsibilities, "
                                  "achievements and the technologies used along the way. ");
      if (i % 7 == 0)
        g_string_append (summary, "Supercalifragilisticexpialidociousantidisestablishmentarianismfloccinaucinihilipilification.");
      entry = add (resume, VITAE_SECTION_WORK, "position", position, "name", "Contoso",
                   "startDate", start, "summary", summary->str, NULL);
      set_list (entry, "highlights", "First highlight of this position",
                "Second highlight, which is rather longer and wraps onto a second line in most templates",
                NULL);
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Skill %u", i);
      VitaeEntry *entry = add (resume, VITAE_SECTION_SKILLS, "name", name, "level", "Good", NULL);
      set_list (entry, "keywords", "one", "two", "three", NULL);
    }
  return resume;
}

static PopplerDocument *
load_pdf (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static GBytes *
render (VitaeResume *resume,
        const char  *template_id,
        const char  *page_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (FIXED_DATE_UNIX);
  VitaeRenderOptions options = { template_id, page_size, date };
  GBytes *pdf = vitae_render_pdf (resume, &options, &error);
  const char *dir = g_getenv ("VITAE_TEST_RENDER_OUTPUT");

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 5);
  g_assert_cmpint (memcmp (g_bytes_get_data (pdf, NULL), "%PDF-", 5), ==, 0);

  /* For looking at the output: VITAE_TEST_RENDER_OUTPUT=/tmp/out */
  if (dir != NULL)
    {
      g_autofree char *base = g_strdup_printf ("%s-%s.pdf", g_test_get_path () + 1, template_id ? template_id : "default");
      g_autofree char *path = NULL;

      g_strdelimit (base, "/", '-');
      path = g_build_filename (dir, base, NULL);
      g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize)g_bytes_get_size (pdf), NULL);
    }
  return pdf;
}

/* The text of the strip from @x0 to @x1 of every page (x1 <= 0 for all of
 * it), in poppler's reading order. */
static char *
document_text_between (PopplerDocument *doc,
                       double           x0,
                       double           x1)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      guint n = 0;

      if (x1 <= 0)
        {
          g_string_append (text, page_text);
          g_string_append_c (text, '\n');
          continue;
        }
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (const char *p = page_text; *p; p = g_utf8_next_char (p), n++)
        {
          gunichar ch = g_utf8_get_char (p);
          double middle = n < n_rects ? (rects[n].x1 + rects[n].x2) / 2 : x0;

          if (g_unichar_isspace (ch) || (middle >= x0 && middle < x1))
            g_string_append_unichar (text, ch);
        }
      g_free (rects);
      g_string_append_c (text, '\n');
    }
  /* A word hyphenated at the end of a line reads back as "devel\u00AD\nopment":
   * join it, as a reader copying the text would. */
  g_string_replace (text, "\xc2\xad\n", "", 0);
  return g_string_free (text, FALSE);
}

static char *
document_text (PopplerDocument *doc)
{
  return document_text_between (doc, 0, 0);
}

/* Each needle is found, after the one before it. */
static void
assert_in_order (const char         *haystack,
                 const char * const *needles)
{
  const char *from = haystack;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      const char *found = strstr (from, needles[i]);

      if (found == NULL)
        {
          g_autofree char *escaped = g_strescape (needles[i], NULL);
          g_autofree char *escaped_haystack = g_strescape (haystack, NULL);
          g_test_message ("“%s” missing or out of order in:\n%s", escaped, escaped_haystack);
        }
      g_assert_nonnull (found);
      from = found + strlen (needles[i]);
    }
}

static GPtrArray *
document_links (PopplerDocument *doc)
{
  GPtrArray *uris = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GList *mapping = poppler_page_get_link_mapping (page);

      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerLinkMapping *link = l->data;

          if (link->action->type == POPPLER_ACTION_URI)
            g_ptr_array_add (uris, g_strdup (link->action->uri.uri));
        }
      poppler_page_free_link_mapping (mapping);
    }
  return uris;
}

static gboolean
has_link (GPtrArray  *uris,
          const char *uri)
{
  for (guint i = 0; i < uris->len; i++)
    if (g_str_equal (g_ptr_array_index (uris, i), uri))
      return TRUE;
  return FALSE;
}

static void
assert_fonts_embedded (PopplerDocument *doc)
{
  g_autoptr(PopplerFontInfo) info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;

  while (poppler_font_info_scan (info, 1, &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_test_message ("font %s embedded %d subset %d", poppler_fonts_iter_get_name (iter),
                          poppler_fonts_iter_is_embedded (iter), poppler_fonts_iter_is_subset (iter));
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_true (poppler_fonts_iter_is_subset (iter));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
count_structure (PopplerStructureElementIter *iter,
                 guint                       *counts)
{
  do
    {
      PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child = poppler_structure_element_iter_get_child (iter);

      PopplerStructureElementKind kind = poppler_structure_element_get_kind (element);

      g_assert_cmpint (kind, <=, POPPLER_STRUCTURE_ELEMENT_FORM);
      counts[kind]++;
      g_object_unref (element);
      if (child != NULL)
        {
          count_structure (child, counts);
          poppler_structure_element_iter_free (child);
        }
    }
  while (poppler_structure_element_iter_next (iter));
}

/* A tagged PDF: marked as such in its catalog (pdfinfo reads it there), with
 * a structure tree of headings, paragraphs, lists and links. */
static void
assert_tagged (GBytes          *pdf,
               PopplerDocument *doc)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  PopplerStructureElementIter *iter;
  guint counts[POPPLER_STRUCTURE_ELEMENT_FORM + 1] = { 0, };
  int fd, status;

  fd = g_file_open_tmp ("vitae-tagged-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), (gssize)g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdfinfo", path, NULL };

    g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, &out, NULL, &status, &error);
  }
  g_unlink (path);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Tagged:          yes"));

  iter = poppler_structure_element_iter_new (doc);
  g_assert_nonnull (iter);
  count_structure (iter, counts);
  poppler_structure_element_iter_free (iter);
  g_assert_cmpuint (counts[POPPLER_STRUCTURE_ELEMENT_HEADING_2], >, 0);
  g_assert_cmpuint (counts[POPPLER_STRUCTURE_ELEMENT_PARAGRAPH], >, 0);
  g_assert_cmpuint (counts[POPPLER_STRUCTURE_ELEMENT_LIST], >, 0);
  g_assert_cmpuint (counts[POPPLER_STRUCTURE_ELEMENT_LIST_ITEM], >, 0);
  g_assert_cmpuint (counts[POPPLER_STRUCTURE_ELEMENT_LINK], >, 0);
}

static void
assert_page_size (PopplerDocument *doc,
                  double           width,
                  double           height)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, width, 0.01);
      g_assert_cmpfloat_with_epsilon (h, height, 0.01);
    }
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00ad;
}

/* No two characters' boxes overlap, and none leaves the page. */
static void
assert_no_overlaps (PopplerDocument *doc)
{
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autofree char *text = poppler_page_get_text (page);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
      const char *c = text;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint i = 0; i < n_rects && *c; i++, c = g_utf8_next_char (c))
        if (!is_blank (g_utf8_get_char (c)) && rects[i].x2 > rects[i].x1 && rects[i].y2 > rects[i].y1)
          g_array_append_val (boxes, rects[i]);
      g_free (rects);
      g_assert_cmpuint (boxes->len, >, 0);

      for (guint i = 0; i < boxes->len; i++)
        {
          const PopplerRectangle *a = &g_array_index (boxes, PopplerRectangle, i);

          g_assert_cmpfloat (a->x1, >=, -0.5);
          g_assert_cmpfloat (a->x2, <=, width + 0.5);
          g_assert_cmpfloat (a->y2, <=, height + 0.5);

          for (guint j = i + 1; j < boxes->len; j++)
            {
              const PopplerRectangle *b = &g_array_index (boxes, PopplerRectangle, j);
              double ix = MIN (a->x2, b->x2) - MAX (a->x1, b->x1);
              double iy = MIN (a->y2, b->y2) - MAX (a->y1, b->y1);
              double area_a = (a->x2 - a->x1) * (a->y2 - a->y1);
              double area_b = (b->x2 - b->x1) * (b->y2 - b->y1);

              if (ix > 0 && iy > 0 && ix * iy > 0.3 * MIN (area_a, area_b))
                {
                  g_test_message ("page %d: boxes %u and %u overlap: [%.1f %.1f %.1f %.1f] [%.1f %.1f %.1f %.1f]",
                                  p, i, j, a->x1, a->y1, a->x2, a->y2, b->x1, b->y1, b->x2, b->y2);
                  g_assert_cmpfloat (ix * iy, <=, 0.3 * MIN (area_a, area_b));
                }
            }
        }
    }
}

static char *
strip_bidi_marks (const char *text)
{
  GString *str = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202a && c <= 0x202e) || c == 0x200e || c == 0x200f || (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (str, c);
    }
  return g_string_free (str, FALSE);
}

/* ---- Tests -------------------------------------------------------------- */

static void
test_templates_list (void)
{
  guint n = 0;
  const VitaeTemplate *templates = vitae_template_get_all (&n);
  gboolean sidebar = FALSE, one_column = FALSE;

  g_assert_cmpuint (n, >=, 3);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (templates[i].id, !=, NULL);
      g_assert_cmpuint (strlen (templates[i].name), >, 0);
      g_assert_cmpuint (strlen (templates[i].description), >, 0);
      g_assert_true (vitae_template_lookup (templates[i].id) == &templates[i]);
      sidebar |= templates[i].strategy == VITAE_LAYOUT_SIDEBAR;
      one_column |= templates[i].strategy == VITAE_LAYOUT_ONE_COLUMN;
    }
  g_assert_cmpstr (templates[0].id, ==, VITAE_DEFAULT_TEMPLATE);
  g_assert_true (sidebar);
  g_assert_true (one_column);
  g_assert_null (vitae_template_lookup ("no-such-template"));
}

static void
test_rich (gconstpointer data)
{
  const char *template_id = data;
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  const char *main_order[] = {
    "Zoë Lindqvist-Müller", "Senior Software Engineer", "SUMMARY", "twelve years",
    "WORK", "Staff Engineer", "Northwind Systems", "Mentored nine engineers",
    "Software Engineer", "Fabrikam Oy", "conflict-free replication",
    "VOLUNTEERING", "Code Club Sverige", "EDUCATION", "Chalmers", "AWARDS", "Open Source Award",
    "CERTIFICATES", "Certified Kubernetes Administrator", "PUBLICATIONS", "Incremental Text Layout",
    NULL,
  };
  const char *sidebar_order[] = { "SKILLS", "Systems Programming", "Graphics", "LANGUAGES", "Swedish", "English", NULL };
  const char *after_skills[] = { "REFERENCES", "Anna Berg", "PROJECTS", "Folio", NULL };
  g_autofree char *upper = NULL;
  g_autofree char *upper_sidebar = NULL;
  const VitaeTemplate *tmpl = vitae_template_lookup (template_id);

  pdf = render (resume, template_id, NULL);
  doc = load_pdf (pdf);

  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
  g_assert_cmpint (poppler_document_get_n_pages (doc), <=, 2);
  assert_page_size (doc, VITAE_PAGE_A4_WIDTH, VITAE_PAGE_A4_HEIGHT);

  /* Headings may be set in capitals: compare in capitals. A sidebar is read
   * on its own, as its structure tags say. */
  if (tmpl->strategy == VITAE_LAYOUT_SIDEBAR)
    {
      g_autofree char *sidebar = document_text_between (doc, 0, tmpl->sidebar_width);

      text = document_text_between (doc, tmpl->sidebar_width, 10000);
      upper_sidebar = g_utf8_strup (sidebar, -1);
    }
  else
    text = document_text (doc);
  upper = g_utf8_strup (text, -1);
  {
    g_auto(GStrv) upper_main = g_new0 (char *, G_N_ELEMENTS (main_order));
    g_auto(GStrv) upper_side = g_new0 (char *, G_N_ELEMENTS (sidebar_order));
    g_auto(GStrv) upper_after = g_new0 (char *, G_N_ELEMENTS (after_skills));

    for (guint i = 0; main_order[i] != NULL; i++)
      upper_main[i] = g_utf8_strup (main_order[i], -1);
    for (guint i = 0; sidebar_order[i] != NULL; i++)
      upper_side[i] = g_utf8_strup (sidebar_order[i], -1);
    for (guint i = 0; after_skills[i] != NULL; i++)
      upper_after[i] = g_utf8_strup (after_skills[i], -1);
    assert_in_order (upper, (const char * const *)upper_main);
    assert_in_order (upper_sidebar ? upper_sidebar : upper, (const char * const *)upper_side);
    assert_in_order (upper, (const char * const *)upper_after);
  }

  links = document_links (doc);
  g_assert_true (has_link (links, "mailto:zoe@example.org"));
  g_assert_true (has_link (links, "https://zoe.example.org"));
  g_assert_true (has_link (links, "https://github.com/zoelm"));
  g_assert_true (has_link (links, "https://www.linkedin.com/in/zoe-lm"));
  g_assert_true (has_link (links, "https://northwind.example.com"));
  g_assert_true (has_link (links, "https://cncf.example.io/cka/123"));
  g_assert_true (has_link (links, "https://doi.example.org/10.1145/1234"));
  g_assert_true (has_link (links, "https://folio.example.net"));

  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  g_assert_cmpstr (title, ==, "Zoë Lindqvist-Müller — Senior Software Engineer");
  g_assert_cmpstr (author, ==, "Zoë Lindqvist-Müller");
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==, FIXED_DATE_UNIX);

  assert_fonts_embedded (doc);
  assert_no_overlaps (doc);
  assert_tagged (pdf, doc);
}

static void
test_outline (gconstpointer data)
{
  const char *template_id = data;
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  g_autoptr(GBytes) pdf = render (resume, template_id, NULL);
  g_autoptr(PopplerDocument) doc = load_pdf (pdf);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      g_string_append_printf (titles, "%s;", action->any.title);
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);

  g_assert_true (g_str_has_prefix (titles->str, "Summary;Work;Volunteering;Education;"));
  g_assert_nonnull (strstr (titles->str, "Projects;"));
}

static void
test_letter (void)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;

  pdf = render (resume, NULL, "letter");
  doc = load_pdf (pdf);
  assert_page_size (doc, VITAE_PAGE_LETTER_WIDTH, VITAE_PAGE_LETTER_HEIGHT);

  /* The resume's own page size, when nothing overrides it. */
  vitae_resume_set_page_size (resume, "letter");
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_object (&doc);
  pdf = render (resume, "modern", NULL);
  doc = load_pdf (pdf);
  assert_page_size (doc, VITAE_PAGE_LETTER_WIDTH, VITAE_PAGE_LETTER_HEIGHT);
}

static void
test_long (gconstpointer data)
{
  const char *template_id = data;
  g_autoptr(VitaeResume) resume = make_long_resume ();
  g_autoptr(VitaeRenderDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  VitaeRenderOptions options = { template_id, NULL, NULL };

  document = vitae_render_document_new (resume, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vitae_render_document_get_n_pages (document), >=, 10);

  pdf = render (resume, template_id, NULL);
  doc = load_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, vitae_render_document_get_n_pages (document));
  assert_no_overlaps (doc);

  /* Every position is there, in order. */
  text = document_text (doc);
  for (guint i = 1; i <= 75; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Position number %u —", i);
      g_assert_nonnull (strstr (text, needle));
    }
  /* A section heading never ends a page: on every page but the last, the
   * text does not end with "SKILLS". */
  for (int p = 0; p < poppler_document_get_n_pages (doc) - 1; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, p);
      g_autofree char *page_text = g_strstrip (poppler_page_get_text (page));
      g_assert_false (g_str_has_suffix (page_text, "SKILLS"));
      g_assert_false (g_str_has_suffix (page_text, "Skills"));
    }
}

static void
test_empty (gconstpointer data)
{
  const char *template_id = data;
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  g_autoptr(GBytes) pdf = render (resume, template_id, NULL);
  g_autoptr(PopplerDocument) doc = load_pdf (pdf);
  g_autofree char *title = poppler_document_get_title (doc);

  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  assert_page_size (doc, VITAE_PAGE_A4_WIDTH, VITAE_PAGE_A4_HEIGHT);
  g_assert_cmpstr (title, !=, NULL);
}

static void
test_photo (void)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  g_autoptr(GBytes) photo = make_photo ();

  vitae_resume_set_photo (resume, photo);
  for (guint t = 0; t < G_N_ELEMENTS (template_ids); t++)
    {
      g_autoptr(GBytes) pdf = render (resume, template_ids[t], NULL);
      g_autoptr(PopplerDocument) doc = load_pdf (pdf);
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
      GList *images = poppler_page_get_image_mapping (page);
      const VitaeTemplate *tmpl = vitae_template_lookup (template_ids[t]);

      g_assert_cmpuint (g_list_length (images), ==, tmpl->photo == VITAE_PHOTO_NONE ? 0 : 1);
      poppler_page_free_image_mapping (images);
      assert_no_overlaps (doc);
    }
}

static void
test_photo_unreadable (void)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  g_autoptr(GBytes) garbage = g_bytes_new_static ("\x89PNG\r\n\x1a\nnot really a png at all", 30);
  g_autoptr(GBytes) junk = g_bytes_new_static ("this is not an image", 20);

  vitae_resume_set_photo (resume, garbage);
  for (guint t = 0; t < G_N_ELEMENTS (template_ids); t++)
    {
      g_autoptr(GBytes) pdf = render (resume, template_ids[t], NULL);
      g_autoptr(PopplerDocument) doc = load_pdf (pdf);
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
      GList *images = poppler_page_get_image_mapping (page);

      g_assert_cmpuint (g_list_length (images), ==, 0);
      poppler_page_free_image_mapping (images);
    }

  vitae_resume_set_photo (resume, junk);
  {
    g_autoptr(GBytes) pdf = render (resume, "modern", NULL);
    g_autoptr(PopplerDocument) doc = load_pdf (pdf);
    g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 1);
  }
}

static void
test_deterministic (void)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  g_autoptr(GBytes) photo = make_photo ();

  vitae_resume_set_photo (resume, photo);
  for (guint t = 0; t < G_N_ELEMENTS (template_ids); t++)
    {
      g_autoptr(GBytes) a = render (resume, template_ids[t], NULL);
      g_autoptr(GBytes) b = render (resume, template_ids[t], NULL);

      g_assert_cmpuint (g_bytes_get_size (a), ==, g_bytes_get_size (b));
      g_assert_true (g_bytes_equal (a, b));
    }
}

static gboolean
document_has_font (PopplerDocument *doc,
                   const char      *part)
{
  g_autoptr(PopplerFontInfo) info = poppler_font_info_new (doc);
  PopplerFontsIter *iter = NULL;
  gboolean found = FALSE;

  while (poppler_font_info_scan (info, 1, &iter))
    {
      if (iter == NULL)
        continue;
      do
        if (strstr (poppler_fonts_iter_get_name (iter), part) != NULL)
          found = TRUE;
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  return found;
}

/* The templates lay out with their own families first (vitae-render-fonts.c);
 * a script none of them covers, here Thai, must still come out in an
 * installed font that has it, as text, not as boxes. */
static void
test_multilingual (gconstpointer data)
{
  const char *template_id = data;
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  VitaeEntry *entry;
  const char *expected[] = {
    "王小明", "高级软件工程师", "Ελληνικά", "Программист", "Crème brûlée", "Đặng Thị Ngọc", "東京大学",
    NULL,
  };
  const char *rtl[] = { "مهندس", "ברמן", NULL };
  gboolean serif = g_str_equal (template_id, "classic");
  const char *fallbacks[] = {
    serif ? "NotoSerif-" : "NotoSans-",
    serif ? "NotoSerifCJK" : "NotoSansCJK",
    serif ? "NotoNaskhArabic" : "NotoSansArabic",
    serif ? "NotoSerifHebrew" : "NotoSansHebrew",
  };

  vitae_entry_set_text (basics, "name", "王小明");
  vitae_entry_set_text (basics, "label", "高级软件工程师");
  vitae_entry_set_text (basics, "summary", "Ελληνικά και English; Программист из Москвы; Crème brûlée à Paris.");
  entry = add (resume, VITAE_SECTION_WORK, "position", "مهندس برمجيات", "name", "شركة المستقبل",
               "startDate", "2020-01", "summary", "تطوير تطبيقات سطح المكتب باستخدام لغة سي.", NULL);
  entry = add (resume, VITAE_SECTION_WORK, "position", "ברמן", "name", "בית קפה", "startDate", "2015",
               "endDate", "2017", NULL);
  entry = add (resume, VITAE_SECTION_EDUCATION, "institution", "東京大学", "studyType", "修士",
               "area", "情報科学", "startDate", "2012", NULL);
  entry = add (resume, VITAE_SECTION_REFERENCES, "name", "Đặng Thị Ngọc", "reference", "Xuất sắc.", NULL);
  (void)entry;

  pdf = render (resume, template_id, NULL);
  doc = load_pdf (pdf);
  text = document_text (doc);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *one[] = { expected[i], NULL };
      assert_in_order (text, one);
    }
  /* Right-to-left words read back; poppler-glib wraps each letter in
   * embedding marks and may give them in visual order. */
  squeezed = strip_bidi_marks (text);
  for (guint i = 0; rtl[i] != NULL; i++)
    {
      g_autofree char *reversed = g_utf8_strreverse (rtl[i], -1);

      if (strstr (squeezed, rtl[i]) == NULL && strstr (squeezed, reversed) == NULL)
        {
          g_autofree char *escaped = g_strescape (squeezed, NULL);
          g_test_message ("RTL word %u missing from %s", i, escaped);
        }
      g_assert_true (strstr (squeezed, rtl[i]) != NULL || strstr (squeezed, reversed) != NULL);
    }
  assert_fonts_embedded (doc);

  /* The scripts the first family lacks come from the fallbacks the template
   * names, in its style, not from whatever fontconfig would pick. */
  for (guint i = 0; i < G_N_ELEMENTS (fallbacks); i++)
    {
      if (!document_has_font (doc, fallbacks[i]))
        g_test_message ("no %s font in the %s PDF", fallbacks[i], template_id);
      g_assert_true (document_has_font (doc, fallbacks[i]));
    }
}

static void
test_fallback_font (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  const char *expected[] = { "Somchai", "ภาษาไทย", "Bangkok", NULL };

  vitae_entry_set_text (basics, "name", "Somchai");
  vitae_entry_set_text (basics, "summary", "ภาษาไทย");
  add (resume, VITAE_SECTION_WORK, "position", "Engineer", "name", "Bangkok", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (template_ids); i++)
    {
      g_clear_pointer (&pdf, g_bytes_unref);
      g_clear_object (&doc);
      g_clear_pointer (&text, g_free);
      pdf = render (resume, template_ids[i], NULL);
      doc = load_pdf (pdf);
      text = document_text (doc);
      assert_in_order (text, expected);
      g_assert_true (document_has_font (doc, "Thai"));
      assert_fonts_embedded (doc);
    }
}

/* The font folders remembered across processes (vitae-render-fonts.c), in
 * subprocesses with their own cache folder (GLib tests log debug messages
 * to stdout): the first finds the template
 * faces through the system's fontconfig configuration and remembers their
 * folders, the next ones read those folders alone, a changed fontconfig
 * cache folder sends one back to the full load, and every one writes the
 * same PDF, headless (fontconfig's current configuration made the
 * templates') or not. */
static void
font_folders_child (gboolean headless)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  g_autoptr(VitaeResume) thai = vitae_resume_new ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) thai_pdf = NULL;
  g_autoptr(PopplerDocument) thai_doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("/vitae/render/font-folders runs this in a subprocess");
      return;
    }
  if (headless)
    vitae_render_set_headless ();
  pdf = render (resume, "classic", NULL);
  checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_file_set_contents (g_getenv ("VITAE_TEST_FONT_FOLDERS_OUT"), checksum, -1, &error);
  g_assert_no_error (error);

  /* A script beyond the templates' fonts still finds its font. */
  vitae_entry_set_text (vitae_resume_get_basics (thai), "name", "ภาษาไทย");
  thai_pdf = render (thai, "classic", NULL);
  thai_doc = load_pdf (thai_pdf);
  g_assert_true (document_has_font (thai_doc, "Thai"));
}

static void
test_font_folders_child_headless (void)
{
  font_folders_child (TRUE);
}

static void
test_font_folders_child_windowed (void)
{
  font_folders_child (FALSE);
}

static char *
run_font_folders_child (const char *dir,
                        const char *mode,
                        gboolean    from_folders)
{
  g_autofree char *out = g_build_filename (dir, "checksum", NULL);
  g_autofree char *child = g_strdup_printf ("/vitae/render/font-folders/subprocess/%s", mode);
  char *checksum = NULL;

  g_setenv ("VITAE_TEST_FONT_FOLDERS_OUT", out, TRUE);
  g_test_trap_subprocess (child, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  if (from_folders)
    g_test_trap_assert_stdout ("*Template font set: * faces, from the folders in *");
  else
    g_test_trap_assert_stdout_unmatched ("*from the folders*");
  g_assert_true (g_file_get_contents (out, &checksum, NULL, NULL));
  return checksum;
}

static void
test_font_folders (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vitae-font-folders-XXXXXX", NULL);
  g_autofree char *saved = g_build_filename (dir, "vitae", "template-font-folders", NULL);
  g_autofree char *first = NULL, *second = NULL, *windowed = NULL, *reloaded = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) stale = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_home = g_strdup (g_getenv ("XDG_CACHE_HOME"));

  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "vitae-render", TRUE);

  first = run_font_folders_child (dir, "headless", FALSE);
  /* …and the copies of the faces without hinting. */
  {
    g_autofree char *fonts = g_build_filename (dir, "vitae", "fonts", NULL);
    g_autoptr(GDir) copies = g_dir_open (fonts, 0, NULL);
    const char *name;
    guint n = 0;

    g_assert_nonnull (copies);
    while ((name = g_dir_read_name (copies)) != NULL)
      {
        g_assert_true (g_str_has_suffix (name, ".ttf"));
        n++;
      }
    g_assert_cmpuint (n, >=, 1);
  }
  g_assert_true (g_file_get_contents (saved, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "vitae template font folders 2\n"));
  g_assert_nonnull (strstr (contents, "\ndir /"));

  second = run_font_folders_child (dir, "headless", TRUE);
  g_assert_cmpstr (second, ==, first);
  windowed = run_font_folders_child (dir, "windowed", TRUE);
  g_assert_cmpstr (windowed, ==, first);

  /* fc-cache rewrote a cache since: the folders may be out of date. */
  stale = g_string_new (contents);
  g_string_replace (stale, "cachedir ", "cachedir 1", 1);
  g_file_set_contents (saved, stale->str, -1, &error);
  g_assert_no_error (error);
  reloaded = run_font_folders_child (dir, "headless", FALSE);
  g_assert_cmpstr (reloaded, ==, first);

  g_unsetenv ("G_MESSAGES_DEBUG");
  g_unsetenv ("VITAE_TEST_FONT_FOLDERS_OUT");
  if (cache_home != NULL)
    g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  else
    g_unsetenv ("XDG_CACHE_HOME");
  {
    g_autofree char *out = g_build_filename (dir, "checksum", NULL);

    g_unlink (out);
  }
  g_unlink (saved);
  {
    g_autofree char *vitae_dir = g_build_filename (dir, "vitae", NULL);

    g_rmdir (vitae_dir);
  }
  g_rmdir (dir);
}

static char *
show_soft_hyphens (const char *text)
{
  g_autoptr(GString) shown = g_string_new (text);

  g_string_replace (shown, "\xc2\xad", "|", 0);
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static void
assert_hyphenated (const char *text,
                   const char *language,
                   const char *expected)
{
  g_autofree char *result = vitae_hyphenate (text, language);
  g_autofree char *shown = result ? show_soft_hyphens (result) : NULL;

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_hyphenate (void)
{
  /* en_US comes with hyphen-en-us (build-aux/debian-packages.txt). */
  assert_hyphenated ("internationalization software", "en_US", "in|ter|na|tion|al|iza|tion soft|ware");
  /* Acronyms and product names, addresses, paths and numbers stay whole. */
  assert_hyphenated ("JavaScript PostgreSQL GNOME", "en_US", NULL);
  assert_hyphenated ("Stanford", "en_US", "Stan|ford");
  assert_hyphenated ("mail development@example.org or example.org/development", "en_US", NULL);
  assert_hyphenated ("v2development development2", "en_US", NULL);
  assert_hyphenated ("short words", "en_US", NULL);
  /* A full stop ends a word; a dot inside does not. */
  assert_hyphenated ("improved development.", "en_US", "im|proved de|vel|op|ment.");
  /* A language without a dictionary: nothing to do. */
  assert_hyphenated ("internationalization", "xx_YY", NULL);
  /* de_CH falls back to de; German patterns are ISO 8859-1 in hyphen-de, in
   * two levels: compounds split first, then each part (the points are
   * those libhyphen finds). */
  assert_hyphenated ("überprüfen", "de_CH", "über|prü|fen");
  assert_hyphenated ("Donaudampfschifffahrtsgesellschaft", "de_DE",
                     "Do|nau|dampf|schiff|fahrts|ge|sell|schaft");
  assert_hyphenated ("développement", "fr_FR", "dé|ve|lop|pe|ment");
}

/* Prose breaks inside words with a hyphen in the classic and modern
 * templates, never in the compact one (ATS parsers want whole words). */
static void
test_hyphenation_in_pdf (void)
{
  g_autoptr(VitaeResume) resume = vitae_resume_new ();
  VitaeEntry *basics = vitae_resume_get_basics (resume);
  g_autoptr(GString) summary = g_string_new (NULL);

  vitae_entry_set_text (basics, "name", "Hyphen Test");
  for (guint i = 0; i < 12; i++)
    g_string_append (summary, "internationalization responsibilities telecommunications ");
  vitae_entry_set_text (basics, "summary", summary->str);

  for (guint i = 0; i < G_N_ELEMENTS (template_ids); i++)
    {
      g_autoptr(GBytes) pdf = render (resume, template_ids[i], NULL);
      g_autoptr(PopplerDocument) doc = load_pdf (pdf);
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
      g_autofree char *raw = poppler_page_get_text (page);
      g_autofree char *text = document_text (doc);
      gboolean broken_inside_word = strstr (raw, "\xc2\xad\n") != NULL;

      g_test_message ("%s: %s", template_ids[i], broken_inside_word ? "hyphenated" : "whole words");
      g_assert_true (broken_inside_word == !g_str_equal (template_ids[i], "compact"));
      /* Unbroken soft hyphens leave no trace in the text. */
      g_assert_null (strstr (text, "\xc2\xad"));
      g_assert_nonnull (strstr (text, "internationalization responsibilities"));
    }
}

static void
test_section_layout (void)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  VitaeSectionId order[] = { VITAE_SECTION_EDUCATION, VITAE_SECTION_WORK };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  const char *expected[] = { "SCHOOLING", "Chalmers", "EXPERIENCE", "Northwind", NULL };

  vitae_resume_set_section_order (resume, order, G_N_ELEMENTS (order));
  vitae_resume_set_section_visible (resume, VITAE_SECTION_AWARDS, FALSE);
  vitae_resume_set_section_heading (resume, VITAE_SECTION_WORK, "Experience");
  vitae_resume_set_section_heading (resume, VITAE_SECTION_EDUCATION, "Schooling");

  pdf = render (resume, "classic", NULL);
  doc = load_pdf (pdf);
  text = document_text (doc);
  assert_in_order (text, expected);
  g_assert_null (strstr (text, "Open Source Award"));
  g_assert_null (strstr (text, "AWARDS"));
}

static void
test_errors (void)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  g_autoptr(GError) error = NULL;
  VitaeRenderOptions bad_template = { "nope", NULL, NULL };
  VitaeRenderOptions bad_size = { NULL, "a5", NULL };
  GBytes *pdf;

  pdf = vitae_render_pdf (resume, &bad_template, &error);
  g_assert_error (error, VITAE_RENDER_ERROR, VITAE_RENDER_ERROR_TEMPLATE);
  g_assert_null (pdf);
  g_clear_error (&error);

  pdf = vitae_render_pdf (resume, &bad_size, &error);
  g_assert_error (error, VITAE_RENDER_ERROR, VITAE_RENDER_ERROR_PAGE_SIZE);
  g_assert_null (pdf);
  g_clear_error (&error);

  /* An unknown template stored in the resume falls back to the default. */
  vitae_resume_set_template (resume, "from-the-future");
  pdf = vitae_render_pdf (resume, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_bytes_unref (pdf);
}

static gpointer
render_in_thread (gpointer data)
{
  VitaeResume *snapshot = data;
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (FIXED_DATE_UNIX);
  VitaeRenderOptions options = { "modern", NULL, date };

  return vitae_render_pdf (snapshot, &options, NULL);
}

static void
test_threads (void)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  GThread *threads[4];
  GBytes *results[4];
  g_autoptr(GBytes) reference = render (resume, "modern", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_in_thread, vitae_resume_copy (resume));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      results[i] = g_thread_join (threads[i]);
      g_assert_nonnull (results[i]);
      g_assert_true (g_bytes_equal (results[i], reference));
      g_bytes_unref (results[i]);
    }
}

/* Where @needle first is in @data from @from on (binary: PDF streams hold
 * NULs), or @size. */
static gsize
find_bytes (const char *data,
            gsize       size,
            gsize       from,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return i;
  return size;
}

/* ---- Fonts without hinting ------------------------------------------------ */

/* The file of the installed face fontconfig gives for @name. */
static char *
font_file (const char *name)
{
  FcPattern *pattern = FcNameParse ((const FcChar8 *)name);
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL;
  char *path = NULL;

  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match != NULL && FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch)
    path = g_strdup ((const char *)file);
  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return path;
}

static gboolean
face_has_table (FT_Face  face,
                FT_ULong tag)
{
  FT_ULong length = 0;

  return FT_Load_Sfnt_Table (face, tag, 0, NULL, &length) == 0 && length > 0;
}

/* Every glyph of the copy has the original's outline and advance; the cmap
 * maps alike; the hinting tables are gone and the file is smaller. */
static void
test_dehint (void)
{
  const char *faces[] = { "Noto Sans:style=Regular", "Noto Serif:style=Bold Italic" };
  FT_Library library;

  g_assert_cmpint (FT_Init_FreeType (&library), ==, 0);
  for (guint f = 0; f < G_N_ELEMENTS (faces); f++)
    {
      g_autofree char *path = font_file (faces[f]);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) original = NULL;
      g_autoptr(GBytes) dehinted = NULL;
      gsize length;
      FT_Face a, b;

      g_assert_nonnull (path);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      original = g_bytes_new_take (g_steal_pointer (&contents), length);
      dehinted = vitae_font_dehint (original);
      g_assert_nonnull (dehinted);
      g_assert_cmpuint (g_bytes_get_size (dehinted), <, g_bytes_get_size (original));

      g_assert_cmpint (FT_New_Memory_Face (library, g_bytes_get_data (original, NULL),
                                           (FT_Long)g_bytes_get_size (original), 0, &a), ==, 0);
      g_assert_cmpint (FT_New_Memory_Face (library, g_bytes_get_data (dehinted, NULL),
                                           (FT_Long)g_bytes_get_size (dehinted), 0, &b), ==, 0);
      g_assert_true (face_has_table (a, TTAG_fpgm));
      g_assert_false (face_has_table (b, TTAG_fpgm));
      g_assert_false (face_has_table (b, TTAG_prep));
      g_assert_false (face_has_table (b, TTAG_cvt));
      g_assert_true (face_has_table (b, TTAG_GSUB));
      g_assert_true (face_has_table (b, TTAG_GPOS));
      g_assert_cmpint (b->num_glyphs, ==, a->num_glyphs);
      for (gunichar c = 0x20; c < 0x2200; c++)
        g_assert_cmpuint (FT_Get_Char_Index (b, c), ==, FT_Get_Char_Index (a, c));

      for (FT_Long g = 0; g < a->num_glyphs; g++)
        {
          FT_Outline *x, *y;

          g_assert_cmpint (FT_Load_Glyph (a, (FT_UInt)g, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), ==, 0);
          g_assert_cmpint (FT_Load_Glyph (b, (FT_UInt)g, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), ==, 0);
          x = &a->glyph->outline;
          y = &b->glyph->outline;
          g_assert_cmpint (a->glyph->advance.x, ==, b->glyph->advance.x);
          g_assert_cmpint (x->n_points, ==, y->n_points);
          g_assert_cmpint (x->n_contours, ==, y->n_contours);
          g_assert_true (memcmp (x->points, y->points, sizeof (FT_Vector) * (gsize)x->n_points) == 0);
          for (int p = 0; p < x->n_points; p++)
            g_assert_cmpint (x->tags[p] & 1, ==, y->tags[p] & 1);
        }
      FT_Done_Face (a);
      FT_Done_Face (b);
    }
  FT_Done_FreeType (library);
}

/* Not TrueType, or broken: no copy, and no crash. */
static void
test_dehint_refuses (void)
{
  g_autofree char *path = font_file ("Noto Sans:style=Regular");
  g_autofree char *contents = NULL;
  gsize length;
  const char *garbage = "this is not a font at all, but it is long enough";
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) not_font = g_bytes_new_static (garbage, strlen (garbage));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) collection = g_bytes_new_static ("ttcf\0\1\0\0\0\0\0\1\0\0\0\14", 16);

  g_assert_null (vitae_font_dehint (not_font));
  g_assert_null (vitae_font_dehint (empty));
  g_assert_null (vitae_font_dehint (collection));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  truncated = g_bytes_new (contents, MIN (length, 4096));
  g_assert_null (vitae_font_dehint (truncated));

  /* Random damage anywhere (a fixed seed): a copy or NULL, never a read
   * out of bounds (the ASan run checks). */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (4);

    for (guint round = 0; round < 200; round++)
      {
        g_autofree char *damaged = g_memdup2 (contents, length);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GBytes) result = NULL;

        for (guint n = 0; n < 8; n++)
          {
            /* Half the hits in the table directory and the small tables. */
            gsize at = g_rand_boolean (rand) ? (gsize)g_rand_int_range (rand, 0, 2048)
                                             : (gsize)g_rand_int_range (rand, 0, (gint32)length);
            damaged[at] = (char)g_rand_int_range (rand, 0, 256);
          }
        bytes = g_bytes_new_take (g_steal_pointer (&damaged), length);
        result = vitae_font_dehint (bytes);
        if (result != NULL)
          g_assert_cmpuint (g_bytes_get_size (result), >, 12);
      }
  }

  /* Every loca offset of the short or long table past the glyphs. */
  for (gsize i = 12; i + 16 <= length && i < 12 + 16 * 40; i += 16)
    if (memcmp (contents + i, "loca", 4) == 0)
      {
        guint32 offset = GUINT32_FROM_BE (*(guint32 *)(gpointer)(contents + i + 8));
        guint32 size = GUINT32_FROM_BE (*(guint32 *)(gpointer)(contents + i + 12));
        g_autoptr(GBytes) broken = NULL;

        memset (contents + offset, 0xff, MIN (size, 64));
        broken = g_bytes_new (contents, length);
        g_assert_null (vitae_font_dehint (broken));
      }
}

/* The TrueType font programs embedded in @pdf (FontFile2 streams): how
 * many, and whether any has a hinting program. */
static guint
count_embedded_truetype (GBytes   *pdf,
                         gboolean *hinted)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  guint found = 0;

  *hinted = FALSE;
  /* Each stream's data: from after "stream" and its end of line to "endstream". */
  for (gsize i = find_bytes (data, size, 0, ">>\nstream"); i < size;
       i = find_bytes (data, size, i, ">>\nstream"))
    {
      g_autoptr(GConverter) inflate = NULL;
      guint8 out[65536];
      gsize start = i + strlen (">>\nstream\n"), end, read = 0, written = 0;
      GConverterResult result;
      guint n_tables;

      end = find_bytes (data, size, start, "endstream");
      i = end;
      if (end == size)
        break;
      inflate = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      result = g_converter_convert (inflate, data + start, end - start, out, sizeof out,
                                    G_CONVERTER_INPUT_AT_END, &read, &written, NULL);
      if (result == G_CONVERTER_ERROR || written < 12 || memcmp (out, "\0\1\0\0", 4) != 0)
        continue;
      found++;
      n_tables = (guint)out[4] << 8 | out[5];
      for (guint t = 0; t < n_tables && 12 + 16 * (t + 1) <= written; t++)
        if (memcmp (out + 12 + 16 * t, "fpgm", 4) == 0 || memcmp (out + 12 + 16 * t, "prep", 4) == 0 ||
            memcmp (out + 12 + 16 * t, "cvt ", 4) == 0)
          *hinted = TRUE;
    }
  return found;
}

/* The templates embed their faces without hinting (a third of the PDF,
 * before); VITAE_RENDER_HINTED_FONTS keeps it, in a child. */
static void
test_unhinted_pdf (void)
{
  g_autoptr(VitaeResume) resume = make_rich_resume ();
  gboolean hinted = TRUE;

  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) pdf = render (resume, "classic", NULL);

      g_assert_cmpuint (count_embedded_truetype (pdf, &hinted), >=, 1);
      g_assert_true (hinted);
      return;
    }

  for (guint t = 0; t < G_N_ELEMENTS (template_ids); t++)
    {
      g_autoptr(GBytes) pdf = render (resume, template_ids[t], NULL);

      g_assert_cmpuint (count_embedded_truetype (pdf, &hinted), >=, 2);
      g_assert_false (hinted);
    }
  g_setenv ("VITAE_RENDER_HINTED_FONTS", "1", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("VITAE_RENDER_HINTED_FONTS");
  g_test_trap_assert_passed ();
}

typedef struct {
  VitaeResume *resume;
  const char  *template_id;
} FreshRender;

/* On a thread of its own: its layout cache starts empty. */
static gpointer
render_fresh (gpointer data)
{
  FreshRender *job = data;
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (FIXED_DATE_UNIX);
  VitaeRenderOptions options = { job->template_id, NULL, date };

  return vitae_render_pdf (job->resume, &options, NULL);
}

/* Renders after an edit reuse the unchanged paragraphs' layouts: what they
 * write must be what a render with nothing cached writes, also when a
 * paragraph keeps its text and changes only its attributes (the accent
 * colour of modern's headings). */
static void
test_layout_cache (void)
{
  for (guint t = 0; t < G_N_ELEMENTS (template_ids); t++)
    {
      g_autoptr(VitaeResume) resume = make_rich_resume ();
      g_autoptr(VitaeResume) snapshot = NULL;
      g_autoptr(GBytes) before = render (resume, template_ids[t], NULL);
      g_autoptr(GBytes) cached = NULL;
      g_autoptr(GBytes) fresh = NULL;
      FreshRender job = { NULL, template_ids[t] };

      vitae_resume_set_accent (resume, "#c01c28");
      vitae_entry_set_text (vitae_resume_get_basics (resume), "label", "Principal Engineer");
      cached = render (resume, template_ids[t], NULL);
      snapshot = vitae_resume_copy (resume);
      job.resume = snapshot;
      fresh = g_thread_join (g_thread_new ("fresh", render_fresh, &job));

      g_assert_nonnull (fresh);
      g_assert_false (g_bytes_equal (before, cached));
      g_assert_true (g_bytes_equal (cached, fresh));
    }
}

/* @pdf with its creation and modification dates blanked. */
static char *
undated (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  char *copy = g_memdup2 (data, size);
  const char *keys[] = { "/CreationDate (", "/ModDate (" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gsize at = find_bytes (copy, size, 0, keys[k]);

      g_assert_cmpuint (at, <, size);
      for (gsize p = at + strlen (keys[k]); p < size && copy[p] != ')'; p++)
        copy[p] = '0';
    }
  return copy;
}

static gboolean
has_thread_named (const char *name)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *task;

  while (dir != NULL && (task = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", task, "comm", NULL);
      g_autofree char *comm = NULL;

      if (g_file_get_contents (path, &comm, NULL, NULL) && g_str_equal (g_strstrip (comm), name))
        return TRUE;
    }
  return FALSE;
}

/* vitae_render_pdf() lays paragraphs out on this thread and a helper thread
 * (VITAE_RENDER_TWO_THREADS is set in main()); the PDF must be the one a
 * document laid out on one thread writes, with nothing cached and again
 * with the layouts of both threads cached. */
static void
test_two_threads (void)
{
  g_autoptr(VitaeResume) rich = make_rich_resume ();
  g_autoptr(VitaeResume) longer = make_long_resume ();
  g_autoptr(GBytes) photo = make_photo ();
  VitaeResume *resumes[] = { rich, longer };

  /* With a photo the header is laid out before the rest. */
  vitae_resume_set_photo (rich, photo);

  for (guint r = 0; r < G_N_ELEMENTS (resumes); r++)
    for (guint t = 0; t < G_N_ELEMENTS (template_ids); t++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(VitaeRenderDocument) document = NULL;
        g_autoptr(GBytes) one = NULL, two = NULL, cached = NULL;
        g_autofree char *one_text = NULL, *two_text = NULL, *cached_text = NULL;
        VitaeRenderOptions options = { template_ids[t], NULL, NULL };

        document = vitae_render_document_new (resumes[r], &options, &error);
        g_assert_no_error (error);
        one = vitae_render_document_to_pdf (document, &error);
        g_assert_no_error (error);

        vitae_render_forget_layouts ();
        two = vitae_render_pdf (resumes[r], &options, &error);
        g_assert_no_error (error);
        cached = vitae_render_pdf (resumes[r], &options, &error);
        g_assert_no_error (error);

        one_text = undated (one);
        two_text = undated (two);
        cached_text = undated (cached);
        g_assert_cmpuint (g_bytes_get_size (one), ==, g_bytes_get_size (two));
        g_assert_true (memcmp (one_text, two_text, g_bytes_get_size (one)) == 0);
        g_assert_cmpuint (g_bytes_get_size (one), ==, g_bytes_get_size (cached));
        g_assert_true (memcmp (one_text, cached_text, g_bytes_get_size (one)) == 0);
      }
  g_assert_true (has_thread_named ("vitae-layout"));
}

static void
test_draw_page (void)
{
  g_autoptr(VitaeResume) resume = make_long_resume ();
  g_autoptr(VitaeRenderDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint dark = 0;
  unsigned char *data;
  int stride;

  document = vitae_render_document_new (resume, NULL, &error);
  g_assert_no_error (error);
  vitae_render_document_get_page_size (document, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, VITAE_PAGE_A4_WIDTH, 0.001);

  /* Half size, as a print preview might. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)(width / 2), (int)(height / 2));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  vitae_render_document_draw_page (document, cr, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((((guint32 *)(gpointer)(data + y * stride))[x] & 0xff) < 0x80)
        dark++;
  cairo_surface_destroy (surface);
  g_assert_cmpuint (dark, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Renders share their layout work with a helper thread even on one
   * processor (see vitae-render-layout.c). */
  g_setenv ("VITAE_RENDER_TWO_THREADS", "1", TRUE);

  g_test_add_func ("/vitae/render/templates", test_templates_list);
  for (guint i = 0; i < G_N_ELEMENTS (template_ids); i++)
    {
      g_autofree char *rich = g_strdup_printf ("/vitae/render/%s/rich", template_ids[i]);
      g_autofree char *outline = g_strdup_printf ("/vitae/render/%s/outline", template_ids[i]);
      g_autofree char *ten_pages = g_strdup_printf ("/vitae/render/%s/ten-pages", template_ids[i]);
      g_autofree char *empty = g_strdup_printf ("/vitae/render/%s/empty", template_ids[i]);
      g_autofree char *multilingual = g_strdup_printf ("/vitae/render/%s/multilingual", template_ids[i]);

      g_test_add_data_func (rich, template_ids[i], test_rich);
      g_test_add_data_func (outline, template_ids[i], test_outline);
      g_test_add_data_func (ten_pages, template_ids[i], test_long);
      g_test_add_data_func (empty, template_ids[i], test_empty);
      g_test_add_data_func (multilingual, template_ids[i], test_multilingual);
    }
  g_test_add_func ("/vitae/render/letter", test_letter);
  g_test_add_func ("/vitae/render/fallback-font", test_fallback_font);
  g_test_add_func ("/vitae/render/font-folders", test_font_folders);
  g_test_add_func ("/vitae/render/font-folders/subprocess/headless", test_font_folders_child_headless);
  g_test_add_func ("/vitae/render/font-folders/subprocess/windowed", test_font_folders_child_windowed);
  g_test_add_func ("/vitae/render/hyphenate", test_hyphenate);
  g_test_add_func ("/vitae/render/hyphenation-in-pdf", test_hyphenation_in_pdf);
  g_test_add_func ("/vitae/render/photo", test_photo);
  g_test_add_func ("/vitae/render/photo-unreadable", test_photo_unreadable);
  g_test_add_func ("/vitae/render/deterministic", test_deterministic);
  g_test_add_func ("/vitae/render/section-layout", test_section_layout);
  g_test_add_func ("/vitae/render/errors", test_errors);
  g_test_add_func ("/vitae/render/threads", test_threads);
  g_test_add_func ("/vitae/render/layout-cache", test_layout_cache);
  g_test_add_func ("/vitae/render/two-threads", test_two_threads);
  g_test_add_func ("/vitae/render/dehint", test_dehint);
  g_test_add_func ("/vitae/render/dehint-refuses", test_dehint_refuses);
  g_test_add_func ("/vitae/render/unhinted-pdf", test_unhinted_pdf);
  g_test_add_func ("/vitae/render/draw-page", test_draw_page);

  return g_test_run ();
}
