/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The layout engine's pieces, private to src/render: rich text runs become
 * blocks (a PangoLayout and how it keeps with its neighbours), a column
 * paginates blocks into placements, and the painter draws one page's
 * placements with PDF tags and links. */

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct {
  int   start;   /* byte range in the block's text */
  int   end;
  char *uri;
} VitaeLink;

typedef struct {
  const char *family;          /* NULL: the layout's own */
  double      size;            /* 0: the layout's own */
  PangoWeight weight;          /* 0: normal */
  gboolean    italic;
  guint32     color;           /* 0xRRGGBB */
  double      alpha;           /* 0: opaque */
  double      letter_spacing;  /* points */
  gboolean    no_hyphens;      /* URLs and e-mail addresses break without hyphens */
  gboolean    hyphenate;       /* prose: soft hyphens where the dictionary allows */
} VitaeTextStyle;

typedef struct {
  GString       *text;
  PangoAttrList *attrs;
  GArray        *links;        /* VitaeLink */
} VitaeRichText;

void   vitae_rich_text_init    (VitaeRichText        *rt);
void   vitae_rich_text_clear   (VitaeRichText        *rt);
void   vitae_rich_text_append  (VitaeRichText        *rt,
                                const char           *text,
                                const VitaeTextStyle *style);
void   vitae_rich_text_link    (VitaeRichText        *rt,
                                const char           *text,
                                const char           *uri,
                                const VitaeTextStyle *style);
gboolean vitae_rich_text_is_empty (VitaeRichText     *rt);

void   vitae_layout_cache_begin (void);
void   vitae_layout_cache_end   (void);

typedef enum {
  VITAE_BLOCK_TEXT,
  VITAE_BLOCK_IMAGE,
  VITAE_BLOCK_SPACE,
} VitaeBlockKind;

typedef enum {
  VITAE_IMAGE_SQUARE,
  VITAE_IMAGE_CIRCLE,
} VitaeImageShape;

typedef struct _VitaeBlockJob VitaeBlockJob;

typedef struct {
  VitaeBlockKind   kind;
  VitaeBlockJob   *job;          /* until laid out: see vitae_blocks_realize() */
  PangoLayout     *layout;
  PangoLayout     *aside;        /* on the first line, at the far end: dates */
  PangoLayout     *bullet;       /* hangs before the first line */
  gboolean         rtl;
  double           indent;       /* from the column's start */
  double           width;        /* of the layout */
  double           space_before;
  gboolean         rule;         /* a hairline under the block… */
  double           rule_gap;     /* …this far under its last line */
  guint32          rule_color;
  double           space_after;  /* under the block (and its rule) */
  gboolean         keep_with_next;
  const char      *tag;          /* a PDF structure tag: "H1", "H2", "P", "LI"… */
  guint            list_id;      /* consecutive "LI" with one id make one "L" */
  char            *outline;      /* a heading in the PDF outline, or NULL */
  GArray          *links;        /* VitaeLink */

  /* VITAE_BLOCK_IMAGE and VITAE_BLOCK_SPACE */
  double           height;       /* in the flow: 0 for an image that floats */
  double           size;         /* of the image */
  cairo_surface_t *image;
  VitaeImageShape  shape;

  /* Line metrics, in points from the layout's top */
  guint            n_lines;
  double          *line_x;
  double          *line_top;
  double          *line_height;
  double          *baseline;
} VitaeBlock;

VitaeBlock *vitae_block_new_text  (PangoContext   *context,
                                   VitaeRichText  *rt,
                                   const PangoFontDescription *font,
                                   double          width,
                                   double          indent,
                                   PangoAlignment  align,
                                   double          line_spacing,
                                   VitaeRichText  *aside,
                                   double          aside_gap);
VitaeBlock *vitae_block_new_image (cairo_surface_t *image,
                                   double           size,
                                   double           indent,
                                   VitaeImageShape  shape);
VitaeBlock *vitae_block_new_space (double           height);
void        vitae_block_free      (VitaeBlock     *block);

/* A context set up as the document's, with every installed font or not. */
typedef PangoContext *(*VitaeLayoutContextFunc) (gboolean all_fonts);

void        vitae_blocks_realize  (GPtrArray              *blocks,
                                   guint                   from,
                                   PangoContext           *context,
                                   gboolean                all_fonts,
                                   VitaeLayoutContextFunc  context_new);
double      vitae_block_get_height (VitaeBlock    *block);

typedef struct {
  VitaeBlock *block;
  guint       first_line;
  guint       n_lines;
  guint       page;
  double      x;              /* the column's start */
  double      y;              /* the top of first_line */
  double      column_width;
} VitaePlacement;

typedef struct {
  double x;
  double width;
  double top;
  double bottom;
} VitaeColumn;

/* Appends a VitaePlacement per piece to @placements; returns the pages used. */
guint  vitae_paginate       (GPtrArray         *blocks,
                             const VitaeColumn *column,
                             GArray            *placements);

typedef struct {
  cairo_t *cr;
  gboolean tagged;           /* a PDF: emit structure tags and links */
  guint    open_list;
} VitaePainter;

void   vitae_paint_placement (VitaePainter         *painter,
                              const VitaePlacement *placement,
                              const VitaePlacement *next);
void   vitae_paint_finish    (VitaePainter         *painter);

void   vitae_set_source_rgb  (cairo_t  *cr,
                              guint32   rgb,
                              double    alpha);

G_END_DECLS
