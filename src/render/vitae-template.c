/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vitae-template.h"

/* Family lists: Latin, Greek and Cyrillic come from Noto; CJK, Arabic and
 * Hebrew have their own Noto families; fontconfig fills in the rest. */
#define SANS  "Noto Sans, Noto Sans CJK SC, Noto Sans Arabic, Noto Sans Hebrew, DejaVu Sans, sans-serif"
#define SERIF "Noto Serif, Noto Serif CJK SC, Noto Naskh Arabic, Noto Serif Hebrew, DejaVu Serif, serif"

#define BIT(s) (1u << (s))

static const VitaeTemplate templates[] = {
  {
    .id = "classic",
    .name = N_("Classic"),
    .description = N_("One column with serif type, centred header and ruled headings"),
    .strategy = VITAE_LAYOUT_ONE_COLUMN,
    .photo = VITAE_PHOTO_HEADER,
    .body_font = SERIF,
    .heading_font = SERIF,
    .name_font = SERIF,
    .body_size = 10.5,
    .small_size = 9.5,
    .name_size = 24,
    .label_size = 12,
    .heading_size = 12,
    .entry_title_size = 11,
    .line_spacing = 1.0,
    .margin_top = 54,
    .margin_bottom = 54,
    .margin_side = 60,
    .photo_size = 78,
    .section_gap = 16,
    .heading_gap = 6,
    .entry_gap = 9,
    .paragraph_gap = 3,
    .header_centered = TRUE,
    .heading_uppercase = TRUE,
    .heading_letter_spacing = 0.6,
    .heading_rule = TRUE,
    .heading_accent = FALSE,
    .label_accent = FALSE,
    .header_rule = TRUE,
    .rows_inline = TRUE,
    .hyphenate = TRUE,
    .text_color = 0x1e1e1e,
    .muted_color = 0x5e5c64,
    .sidebar_sections = 0,
  },
  {
    .id = "modern",
    .name = N_("Modern"),
    .description = N_("A sidebar in the accent colour with photo, contact details, skills and languages"),
    .strategy = VITAE_LAYOUT_SIDEBAR,
    .photo = VITAE_PHOTO_SIDEBAR,
    .body_font = SANS,
    .heading_font = SANS,
    .name_font = SANS,
    .body_size = 9.75,
    .small_size = 8.75,
    .name_size = 26,
    .label_size = 13,
    .heading_size = 12.5,
    .entry_title_size = 10.5,
    .line_spacing = 1.0,
    .margin_top = 44,
    .margin_bottom = 44,
    .margin_side = 36,
    .sidebar_width = 184,
    .sidebar_padding = 22,
    .photo_size = 104,
    .section_gap = 16,
    .heading_gap = 6,
    .entry_gap = 9,
    .paragraph_gap = 3,
    .header_centered = FALSE,
    .heading_uppercase = FALSE,
    .heading_letter_spacing = 0,
    .heading_rule = TRUE,
    .heading_accent = TRUE,
    .label_accent = TRUE,
    .header_rule = FALSE,
    .rows_inline = FALSE,
    .hyphenate = TRUE,
    .text_color = 0x241f31,
    .muted_color = 0x5e5c64,
    .sidebar_sections = BIT (VITAE_SECTION_PROFILES) | BIT (VITAE_SECTION_SKILLS) |
                        BIT (VITAE_SECTION_LANGUAGES) | BIT (VITAE_SECTION_INTERESTS),
  },
  {
    .id = "compact",
    .name = N_("Compact"),
    .description = N_("Dense single column with plain headings, friendly to applicant tracking systems"),
    .strategy = VITAE_LAYOUT_ONE_COLUMN,
    .photo = VITAE_PHOTO_NONE,
    .body_font = SANS,
    .heading_font = SANS,
    .name_font = SANS,
    .body_size = 9,
    .small_size = 8.5,
    .name_size = 17,
    .label_size = 10,
    .heading_size = 10,
    .entry_title_size = 9.5,
    .line_spacing = 0.95,
    .margin_top = 36,
    .margin_bottom = 36,
    .margin_side = 40,
    .photo_size = 0,
    .section_gap = 9,
    .heading_gap = 3,
    .entry_gap = 5,
    .paragraph_gap = 1.5,
    .header_centered = FALSE,
    .heading_uppercase = TRUE,
    .heading_letter_spacing = 0.3,
    .heading_rule = TRUE,
    .heading_accent = FALSE,
    .label_accent = FALSE,
    .header_rule = FALSE,
    .rows_inline = TRUE,
    .hyphenate = FALSE,   /* whole words read best by ATS parsers */
    .text_color = 0x000000,
    .muted_color = 0x3d3846,
    .sidebar_sections = 0,
  },
};

/**
 * vitae_template_get_all:
 * @n_templates: (out): how many templates there are
 *
 * Returns: (array length=n_templates): every template, the default first
 */
const VitaeTemplate *
vitae_template_get_all (guint *n_templates)
{
  g_return_val_if_fail (n_templates != NULL, NULL);

  *n_templates = G_N_ELEMENTS (templates);
  return templates;
}

/**
 * vitae_template_lookup:
 *
 * Returns: (nullable): the template with that id, or %NULL
 */
const VitaeTemplate *
vitae_template_lookup (const char *id)
{
  if (id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (strcmp (templates[i].id, id) == 0)
      return &templates[i];
  return NULL;
}

gboolean
vitae_template_in_sidebar (const VitaeTemplate *self,
                           VitaeSectionId       section)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->strategy == VITAE_LAYOUT_SIDEBAR &&
         (self->sidebar_sections & BIT (section)) != 0;
}
