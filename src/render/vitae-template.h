/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vitae-section.h"

G_BEGIN_DECLS

/**
 * VitaeLayoutStrategy:
 * @VITAE_LAYOUT_ONE_COLUMN: header, then every section in one column
 * @VITAE_LAYOUT_SIDEBAR: a coloured sidebar holds the photo, contact details
 *   and the template's sidebar sections; the rest flows in the main column
 */
typedef enum {
  VITAE_LAYOUT_ONE_COLUMN,
  VITAE_LAYOUT_SIDEBAR,
} VitaeLayoutStrategy;

typedef enum {
  VITAE_PHOTO_NONE,
  VITAE_PHOTO_HEADER,   /* beside the name, at the top right of the first page */
  VITAE_PHOTO_SIDEBAR,  /* a circle at the top of the sidebar */
} VitaePhotoPlacement;

/**
 * VitaeTemplate:
 *
 * A template is data: fonts, sizes, spacing, colours and which sections go
 * in the sidebar. The layout engine reads it; no template has drawing code.
 * Sizes are in points.
 */
typedef struct {
  const char          *id;
  const char          *name;           /* N_() marked; translate with _() */
  const char          *description;    /* N_() marked */

  VitaeLayoutStrategy  strategy;
  VitaePhotoPlacement  photo;

  const char          *body_font;      /* a Pango family list */
  const char          *heading_font;
  const char          *name_font;

  double               body_size;
  double               small_size;
  double               name_size;
  double               label_size;
  double               heading_size;
  double               entry_title_size;
  double               line_spacing;   /* a factor of the font's line height */

  double               margin_top;
  double               margin_bottom;
  double               margin_side;
  double               sidebar_width;
  double               sidebar_padding;
  double               photo_size;

  double               section_gap;    /* before a section heading */
  double               heading_gap;    /* after a section heading */
  double               entry_gap;      /* between entries */
  double               paragraph_gap;

  gboolean             header_centered;
  gboolean             heading_uppercase;
  double               heading_letter_spacing;
  gboolean             heading_rule;   /* a hairline under each heading */
  gboolean             heading_accent; /* headings in the accent colour */
  gboolean             label_accent;   /* the headline in the accent colour */
  gboolean             header_rule;    /* an accent rule under the header */
  gboolean             rows_inline;    /* skills as "Name (level): keywords" lines */
  gboolean             hyphenate;      /* break prose inside words, with hyphens */

  guint32              text_color;     /* 0xRRGGBB */
  guint32              muted_color;

  /* Bit (1 << section) set for the sections that the sidebar holds. */
  guint32              sidebar_sections;
} VitaeTemplate;

const VitaeTemplate *vitae_template_get_all    (guint      *n_templates);
const VitaeTemplate *vitae_template_lookup     (const char *id);
gboolean             vitae_template_in_sidebar (const VitaeTemplate *self,
                                                VitaeSectionId       section);

G_END_DECLS
