/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

#include "vitae-font-dehint.h"
#include "vitae-render.h"
#include "vitae-render-fonts.h"
#include "vitae-template.h"

/* Two font maps.
 *
 * Pango asks fontconfig to sort every installed font for each distinct
 * family/weight/style/size it meets (FcFontSetSort), and a resume meets
 * twenty of them: with a few hundred fonts installed that is a couple of
 * milliseconds each, most of a one-shot `vitae render`. So layouts first use
 * a font map whose fontconfig set holds only the faces of the family each
 * template font list names first (Noto Sans, Noto Serif: eight faces), which
 * sorts in a fraction of that. Sorting cost grows with the faces' character
 * sets too: with the named fallbacks in the set as well (CJK, Arabic,
 * Hebrew, DejaVu: 37 faces) a one-shot render took 6-7 ms longer. When a
 * character has no glyph in the first families, the document is laid out
 * again with the system's whole set, where the template's named fallbacks
 * come first and any other installed font that has the glyph after them
 * (vitae_render_layout_has_missing_glyphs() tells). */

static gboolean
family_is_generic (const char *family)
{
  static const char * const generic[] = { "serif", "sans-serif", "sans", "monospace", "cursive", "fantasy", NULL };

  return g_strv_contains (generic, family);
}

/* The family each template font list names first, unless a generic one. */
static GHashTable *
template_families (void)
{
  GHashTable *families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_templates = 0;
  const VitaeTemplate *templates = vitae_template_get_all (&n_templates);

  for (guint t = 0; t < n_templates; t++)
    {
      const char *lists[] = { templates[t].body_font, templates[t].heading_font, templates[t].name_font };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          g_auto(GStrv) names = g_strsplit (lists[l], ",", 2);
          char *name = g_ascii_strdown (names[0] != NULL ? g_strstrip (names[0]) : "", -1);

          if (*name == '\0' || family_is_generic (name))
            g_free (name);
          else
            g_hash_table_add (families, name);
        }
    }
  return families;
}

static gboolean
pattern_has_family (FcPattern  *pattern,
                    GHashTable *families)
{
  FcChar8 *family;

  for (int i = 0; FcPatternGetString (pattern, FC_FAMILY, i, &family) == FcResultMatch; i++)
    {
      g_autofree char *lower = g_ascii_strdown ((const char *)family, -1);

      if (g_hash_table_contains (families, lower))
        return TRUE;
    }
  return FALSE;
}

/* A file of Vitae's in the user's cache folder (~/.cache/vitae/NAME). */
static char *
cache_file (const char *name)
{
  return g_build_filename (g_get_user_cache_dir (), "vitae", name, NULL);
}

/* Writes a cache file, making its folder first. */
static gboolean
cache_write (const char  *path,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents (path, data, (gssize)length, error);
}

/* The templates lay out with copies of their faces without TrueType hinting
 * (vitae-font-dehint.c), kept in ~/.cache/vitae/fonts and named after the
 * original's size and modification time, so that a changed font gets a new
 * copy (and the old one goes). Returns: (transfer full) (nullable): the
 * copy's path, or NULL to use @path itself */
static char *
dehinted_copy (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *folder = cache_file ("fonts");
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) dehinted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GStatBuf source, existing;
  const char *entry;
  gsize length;

  if (!g_str_has_suffix (base, ".ttf") || g_stat (path, &source) != 0)
    return NULL;
  stem = g_strndup (base, strlen (base) - 4);
  name = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ".ttf", stem,
                          (gint64)source.st_size, (gint64)source.st_mtime);
  copy = g_build_filename (folder, name, NULL);
  if (g_stat (copy, &existing) == 0 && existing.st_size > 12)
    return g_steal_pointer (&copy);

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_debug ("Could not read %s: %s", path, error->message);
      return NULL;
    }
  original = g_bytes_new_take (g_steal_pointer (&contents), length);
  dehinted = vitae_font_dehint (original);
  if (dehinted == NULL)
    {
      g_debug ("%s is not a TrueType font Vitae can take the hinting out of", path);
      return NULL;
    }
  /* A cache: when it cannot be written, the original serves. */
  if (!cache_write (copy, g_bytes_get_data (dehinted, NULL), g_bytes_get_size (dehinted), &error))
    {
      g_debug ("Could not keep a copy of %s without hinting: %s", path, error->message);
      return NULL;
    }

  /* Copies of an earlier version of the same font. */
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, stem) && entry[strlen (stem)] == '-' && g_str_has_suffix (entry, ".ttf") &&
        !g_str_equal (entry, name) && g_ascii_isdigit (entry[strlen (stem) + 1]))
      {
        g_autofree char *stale = g_build_filename (folder, entry, NULL);

        g_unlink (stale);
      }
  g_debug ("Kept %s without its hinting as %s", path, copy);
  return g_steal_pointer (&copy);
}

/* Points @pattern at a copy of its face without hinting, when there can be
 * one. */
static void
use_dehinted_copy (FcPattern *pattern)
{
  FcChar8 *file;
  int index = 0;
  g_autofree char *copy = NULL;

  if (FcPatternGetString (pattern, FC_FILE, 0, &file) != FcResultMatch ||
      (FcPatternGetInteger (pattern, FC_INDEX, 0, &index) == FcResultMatch && index != 0))
    return;
  copy = dehinted_copy ((const char *)file);
  if (copy == NULL)
    return;
  FcPatternDel (pattern, FC_FILE);
  FcPatternAddString (pattern, FC_FILE, (const FcChar8 *)copy);
#ifdef FC_FONT_HAS_HINT
  FcPatternDel (pattern, FC_FONT_HAS_HINT);
  FcPatternAddBool (pattern, FC_FONT_HAS_HINT, FcFalse);
#endif
}

/* The system's configuration when template_config_new() loaded it. */
static FcConfig *loaded_system_config;

/* Copies the faces of @source whose family is a template family into
 * @dest. Appends the folders they are in to @dirs, once each, when given.
 * Returns: how many were copied */
static int
copy_template_faces (FcFontSet  *source,
                     GHashTable *families,
                     FcFontSet  *dest,
                     GPtrArray  *dirs)
{
  int added = 0;

  for (int i = 0; source != NULL && i < source->nfont; i++)
    {
      FcPattern *pattern = source->fonts[i];
      FcChar8 *file;

      FcPattern *copy;

      if (!pattern_has_family (pattern, families))
        continue;
      copy = FcPatternDuplicate (pattern);
      if (g_getenv ("VITAE_RENDER_HINTED_FONTS") == NULL)
        use_dehinted_copy (copy);
      if (!FcFontSetAdd (dest, copy))
        {
          FcPatternDestroy (copy);
          continue;
        }
      added++;
      if (dirs != NULL && FcPatternGetString (pattern, FC_FILE, 0, &file) == FcResultMatch)
        {
          g_autofree char *dir = g_path_get_dirname ((const char *)file);

          if (!g_ptr_array_find_with_equal_func (dirs, dir, g_str_equal, NULL))
            g_ptr_array_add (dirs, g_steal_pointer (&dir));
        }
    }
  return added;
}

/* A configuration without rules and, so far, without fonts. Fontconfig
 * creates a configuration's application font set when a folder is first
 * added to it, even a missing one; the set is the configuration's, and the
 * template faces go in there. */
static FcConfig *
empty_config_new (FcFontSet **fonts)
{
  FcConfig *config = FcConfigCreate ();

  FcConfigAppFontAddDir (config, (const FcChar8 *)"/nonexistent/vitae-no-fonts");
  *fonts = FcConfigGetFonts (config, FcSetApplication);
  return config;
}

/* Where the template faces were found last time.
 *
 * Loading the system's fontconfig configuration (FcInit: some 50 rule files
 * and the caches of every font folder) is 14 ms of a 50 ms `vitae render`.
 * The faces the templates use sit in a few folders, and fontconfig can load
 * just those folders' caches (0.3 ms). So after the first full load this
 * file lists those folders and fontconfig's cache folders with their
 * modification times; while the cache folders are unchanged (fc-cache
 * rewrites a cache there whenever fonts are installed or removed) the next
 * process reads the faces from those folders alone, and checks that it finds
 * as many as last time. Anything else takes the full load and rewrites the
 * file. VITAE_RENDER_ALL_FONTS skips this as well. */

#define FONT_DIRS_HEADER "vitae template font folders 2"

static char *
font_dirs_path (void)
{
  return cache_file ("template-font-folders");
}

static gint64
dir_mtime (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return (gint64)st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

static void
font_dirs_save (FcConfig  *system_config,
                GPtrArray *dirs,
                int        n_faces)
{
  g_autoptr(GString) text = g_string_new (FONT_DIRS_HEADER "\n");
  g_autofree char *path = font_dirs_path ();
  g_autoptr(GError) error = NULL;
  FcStrList *cache_dirs = FcConfigGetCacheDirs (system_config);
  FcChar8 *cache_dir;

  while (cache_dirs != NULL && (cache_dir = FcStrListNext (cache_dirs)) != NULL)
    g_string_append_printf (text, "cachedir %" G_GINT64_FORMAT " %s\n",
                            dir_mtime ((const char *)cache_dir), (const char *)cache_dir);
  if (cache_dirs != NULL)
    FcStrListDone (cache_dirs);
  for (guint i = 0; i < dirs->len; i++)
    g_string_append_printf (text, "dir %s\n", (const char *)g_ptr_array_index (dirs, i));
  g_string_append_printf (text, "faces %d\n", n_faces);

  /* A cache: a failure only costs the next process the full load. */
  if (!cache_write (path, text->str, text->len, &error))
    g_debug ("Could not remember the template font folders in %s: %s", path, error->message);
}

/* The template faces from the folders font_dirs_save() listed, or NULL when
 * the list is missing or out of date. */
static FcConfig *
template_config_from_saved_dirs (GHashTable *families)
{
  g_autofree char *path = font_dirs_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) xml = g_string_new ("<fontconfig>");
  g_autoptr(GPtrArray) dirs = g_ptr_array_new ();
  FcConfig *scratch, *config;
  FcFontSet *fonts;
  gint64 expected = -1;
  int added;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL || !g_str_equal (lines[0], FONT_DIRS_HEADER))
    return NULL;

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "cachedir "))
        {
          char *end;
          gint64 mtime = g_ascii_strtoll (line + 9, &end, 10);
          g_autofree char *escaped = NULL;

          if (end == line + 9 || *end != ' ' || dir_mtime (end + 1) != mtime)
            return NULL;   /* fonts came or went since */
          escaped = g_markup_escape_text (end + 1, -1);
          g_string_append_printf (xml, "<cachedir>%s</cachedir>", escaped);
        }
      else if (g_str_has_prefix (line, "dir "))
        g_ptr_array_add (dirs, (gpointer)(line + 4));
      else if (g_str_has_prefix (line, "faces "))
        expected = g_ascii_strtoll (line + 6, NULL, 10);
    }
  g_string_append (xml, "</fontconfig>");
  if (dirs->len == 0 || expected <= 0)
    return NULL;

  /* All the fonts of those folders, from fontconfig's caches… */
  scratch = FcConfigCreate ();
  if (!FcConfigParseAndLoadFromMemory (scratch, (const FcChar8 *)xml->str, FcFalse))
    {
      FcConfigDestroy (scratch);
      return NULL;
    }
  for (guint i = 0; i < dirs->len; i++)
    FcConfigAppFontAddDir (scratch, (const FcChar8 *)g_ptr_array_index (dirs, i));

  /* …of which the template faces, as many as last time. */
  config = empty_config_new (&fonts);
  added = fonts != NULL ? copy_template_faces (FcConfigGetFonts (scratch, FcSetApplication), families, fonts, NULL) : 0;
  FcConfigDestroy (scratch);
  if (added != expected)
    {
      g_debug ("The template font folders changed: %d faces there, %" G_GINT64_FORMAT " before", added, expected);
      FcConfigDestroy (config);
      return NULL;
    }
  g_debug ("Template font set: %d faces, from the folders in %s", added, path);
  return config;
}

/* A fontconfig configuration without rules whose fonts are the system's
 * faces of the template families: their patterns are copied from
 * fontconfig's caches, so no font file is opened. NULL when none of them is
 * installed. */
static FcConfig *
template_config_new (void)
{
  g_autoptr(GHashTable) families = template_families ();
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);
  FcConfig *system_config, *config;
  FcFontSet *fonts;
  int added;

  config = template_config_from_saved_dirs (families);
  if (config != NULL)
    return config;

  system_config = FcConfigReference (NULL);
  config = empty_config_new (&fonts);
  added = fonts != NULL ? copy_template_faces (FcConfigGetFonts (system_config, FcSetSystem), families, fonts, dirs) : 0;
  if (added > 0)
    font_dirs_save (system_config, dirs, added);
  /* Kept for the font map of all fonts (get_system_config()). */
  loaded_system_config = system_config;

  if (added == 0)
    {
      FcConfigDestroy (config);
      return NULL;
    }
  g_debug ("Template font set: %d faces", added);
  return config;
}

static FcConfig *
get_template_config (void)
{
  static gsize initialized = 0;
  static FcConfig *config = NULL;

  if (g_once_init_enter (&initialized))
    {
      config = template_config_new ();
      g_once_init_leave (&initialized, 1);
    }
  return config;
}

static void
font_map_unref (gpointer data)
{
  g_object_unref (data);
}

/* A Pango font map is not thread-safe: each thread keeps its own. */
static GPrivate template_font_map = G_PRIVATE_INIT (font_map_unref);
static GPrivate all_fonts_map = G_PRIVATE_INIT (font_map_unref);

/* See vitae_render_set_headless(). */
static gboolean headless;
static FcConfig *current_config;   /* what headless made current, once */

/**
 * vitae_render_set_headless:
 *
 * Tells the renderer that this process shows no window and that nothing
 * else in it uses fontconfig, as in `vitae render`. Call it before the first
 * render.
 *
 * Pango 1.50 waits for fontconfig's whole start-up (FcInit, 14 ms here)
 * whenever a font map is given a configuration of its own. A headless
 * process makes the templates' configuration fontconfig's current one
 * instead, so that nothing loads the system's; that one is then loaded only
 * if some text needs a font beyond the templates'. GTK uses the current
 * configuration for its own text, so a process with a window must not.
 */
void
vitae_render_set_headless (void)
{
  headless = TRUE;
}

/* The system's configuration, for the font map of all fonts. */
static FcConfig *
get_system_config (void)
{
  static gsize initialized = 0;
  static FcConfig *config = NULL;

  if (g_once_init_enter (&initialized))
    {
      /* Set before any font map asks for it (get_template_config()). */
      config = loaded_system_config != NULL ? loaded_system_config : FcInitLoadConfigAndFonts ();
      g_once_init_leave (&initialized, 1);
    }
  return config;
}

static PangoFontMap *
get_all_fonts_map (void)
{
  PangoFontMap *font_map;

  /* Unless the templates' fonts were made current, the default font map
   * (fontconfig's current configuration) has every font. */
  if (current_config == NULL)
    return pango_cairo_font_map_get_default ();

  font_map = g_private_get (&all_fonts_map);
  if (font_map == NULL)
    {
      font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
      pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), get_system_config ());
      g_private_set (&all_fonts_map, font_map);
    }
  return font_map;
}

static void
make_current_once (FcConfig *config)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      if (FcConfigSetCurrent (config))
        current_config = config;
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * vitae_render_get_font_map:
 * @all_fonts: %TRUE for the system's whole font set
 *
 * Returns: (transfer none): this thread's font map: the templates' fonts
 *   only, unless @all_fonts (or none of them is installed)
 */
PangoFontMap *
vitae_render_get_font_map (gboolean all_fonts)
{
  PangoFontMap *font_map;
  FcConfig *config;

  if (all_fonts || g_getenv ("VITAE_RENDER_ALL_FONTS") != NULL)
    return get_all_fonts_map ();

  font_map = g_private_get (&template_font_map);
  if (font_map != NULL)
    return font_map;

  config = get_template_config ();
  if (config == NULL)
    return get_all_fonts_map ();

  if (headless)
    make_current_once (config);
  font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  if (current_config != config)
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (font_map), config);
  g_private_set (&template_font_map, font_map);
  return font_map;
}

/**
 * vitae_render_layout_has_missing_glyphs:
 *
 * Returns: %TRUE when @layout draws some character as a missing glyph (a
 *   box with its code), because no font of its font map has it
 */
gboolean
vitae_render_layout_has_missing_glyphs (PangoLayout *layout)
{
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      for (GSList *r = line->runs; r != NULL; r = r->next)
        {
          PangoGlyphItem *run = r->data;

          for (int g = 0; g < run->glyphs->num_glyphs; g++)
            if (run->glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
              return TRUE;
        }
    }
  return FALSE;
}
