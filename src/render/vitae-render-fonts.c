/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

#include "vitae-render-fonts.h"
#include "vitae-template.h"

/* Two font maps.
 *
 * Pango asks fontconfig to sort every installed font for each distinct
 * family/weight/style/size it meets (FcFontSetSort), and a resume meets
 * twenty of them: with a few hundred fonts installed that is a couple of
 * milliseconds each, most of a one-shot `vitae render`. So layouts first use
 * a font map whose fontconfig set holds only the families the templates name
 * (their every face), which sorts in a fraction of that. When a character
 * has no glyph in any of those, the document is laid out again with the
 * system's whole set, so that any installed font that has it is used
 * (vitae_render_layout_has_missing_glyphs() tells). */

static gboolean
family_is_generic (const char *family)
{
  static const char * const generic[] = { "serif", "sans-serif", "sans", "monospace", "cursive", "fantasy", NULL };

  return g_strv_contains (generic, family);
}

/* Every family named by a template's font lists, without the generic ones. */
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
          g_auto(GStrv) names = g_strsplit (lists[l], ",", -1);

          for (guint i = 0; names[i] != NULL; i++)
            {
              char *name = g_ascii_strdown (g_strstrip (names[i]), -1);

              if (*name == '\0' || family_is_generic (name))
                g_free (name);
              else
                g_hash_table_add (families, name);
            }
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

/* A fontconfig configuration without rules whose fonts are the system
 * fonts of the template families: their patterns are copied from the system
 * configuration's cache, so no font file is opened. NULL when none of them
 * is installed. */
static FcConfig *
template_config_new (void)
{
  g_autoptr(GHashTable) families = template_families ();
  FcConfig *system_config = FcConfigReference (NULL);
  FcFontSet *system_fonts = FcConfigGetFonts (system_config, FcSetSystem);
  FcConfig *config = FcConfigCreate ();
  FcFontSet *fonts;
  int added = 0;

  /* Fontconfig creates a configuration's application font set when a folder
   * is first added to it, even a missing one; the set is the configuration's,
   * and the patterns go in there. */
  FcConfigAppFontAddDir (config, (const FcChar8 *)"/nonexistent/vitae-no-fonts");
  fonts = FcConfigGetFonts (config, FcSetApplication);
  for (int i = 0; fonts != NULL && system_fonts != NULL && i < system_fonts->nfont; i++)
    {
      FcPattern *pattern = system_fonts->fonts[i];

      if (pattern_has_family (pattern, families) && FcFontSetAdd (fonts, FcPatternDuplicate (pattern)))
        added++;
    }
  FcConfigDestroy (system_config);

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
    return pango_cairo_font_map_get_default ();

  font_map = g_private_get (&template_font_map);
  if (font_map != NULL)
    return font_map;

  config = get_template_config ();
  if (config == NULL)
    return pango_cairo_font_map_get_default ();

  font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
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
