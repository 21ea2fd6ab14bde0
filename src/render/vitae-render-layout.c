/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vitae-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vitae-hyphenate.h"
#include "vitae-render.h"
#include "vitae-render-layout.h"

#define TO_PT(u) ((double)(u) / PANGO_SCALE)

static void
link_clear (gpointer data)
{
  VitaeLink *link = data;

  g_clear_pointer (&link->uri, g_free);
}

void
vitae_rich_text_init (VitaeRichText *rt)
{
  rt->text = g_string_new (NULL);
  rt->attrs = pango_attr_list_new ();
  rt->links = g_array_new (FALSE, TRUE, sizeof (VitaeLink));
  g_array_set_clear_func (rt->links, link_clear);
}

void
vitae_rich_text_clear (VitaeRichText *rt)
{
  if (rt->text != NULL)
    g_string_free (rt->text, TRUE);
  rt->text = NULL;
  g_clear_pointer (&rt->attrs, pango_attr_list_unref);
  g_clear_pointer (&rt->links, g_array_unref);
}

gboolean
vitae_rich_text_is_empty (VitaeRichText *rt)
{
  return rt->text->len == 0;
}

static void
add_attr (VitaeRichText  *rt,
          PangoAttribute *attr,
          guint           start)
{
  attr->start_index = start;
  attr->end_index = rt->text->len;
  pango_attr_list_insert (rt->attrs, attr);
}

void
vitae_rich_text_append (VitaeRichText        *rt,
                        const char           *text,
                        const VitaeTextStyle *style)
{
  guint start = rt->text->len;
  g_autofree char *hyphenated = NULL;

  if (text == NULL || *text == '\0')
    return;

  if (style != NULL && style->hyphenate)
    hyphenated = vitae_hyphenate (text, NULL);
  g_string_append (rt->text, hyphenated != NULL ? hyphenated : text);
  if (style == NULL)
    return;

  if (style->family != NULL)
    add_attr (rt, pango_attr_family_new (style->family), start);
  if (style->size > 0)
    add_attr (rt, pango_attr_size_new_absolute ((int)(style->size * PANGO_SCALE)), start);
  if (style->weight != 0)
    add_attr (rt, pango_attr_weight_new (style->weight), start);
  if (style->italic)
    add_attr (rt, pango_attr_style_new (PANGO_STYLE_ITALIC), start);
  add_attr (rt, pango_attr_foreground_new (((style->color >> 16) & 0xff) * 257,
                                           ((style->color >> 8) & 0xff) * 257,
                                           (style->color & 0xff) * 257), start);
  if (style->alpha > 0 && style->alpha < 1)
    add_attr (rt, pango_attr_foreground_alpha_new ((guint16)(style->alpha * 65535)), start);
  if (style->letter_spacing != 0)
    add_attr (rt, pango_attr_letter_spacing_new ((int)(style->letter_spacing * PANGO_SCALE)), start);
  if (style->no_hyphens)
    add_attr (rt, pango_attr_insert_hyphens_new (FALSE), start);
}

void
vitae_rich_text_link (VitaeRichText        *rt,
                      const char           *text,
                      const char           *uri,
                      const VitaeTextStyle *style)
{
  VitaeLink link;
  VitaeTextStyle link_style = *style;

  if (text == NULL || *text == '\0')
    return;

  link_style.no_hyphens = TRUE;
  link.start = rt->text->len;
  vitae_rich_text_append (rt, text, &link_style);
  link.end = rt->text->len;
  link.uri = g_strdup (uri);
  g_array_append_val (rt->links, link);
}

static void
block_measure (VitaeBlock *block)
{
  PangoLayoutIter *iter;
  guint i = 0;

  block->n_lines = pango_layout_get_line_count (block->layout);
  block->line_x = g_new0 (double, block->n_lines);
  block->line_top = g_new0 (double, block->n_lines);
  block->line_height = g_new0 (double, block->n_lines);
  block->baseline = g_new0 (double, block->n_lines);

  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      g_assert_cmpuint (i, <, block->n_lines);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      /* The line's share of the height, line spacing included. */
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      block->line_x[i] = TO_PT (logical.x);
      block->line_top[i] = TO_PT (y0);
      block->line_height[i] = TO_PT (y1 - y0);
      block->baseline[i] = TO_PT (pango_layout_iter_get_baseline (iter));
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* ---- The layout cache ----------------------------------------------------
 *
 * Shaping text is most of a layout's cost, and an edit changes one paragraph
 * of a resume: the preview's next render finds every other paragraph's
 * layout here. Only vitae_render_pdf() uses it, between
 * vitae_layout_cache_begin() and _end() on one thread, because a cached
 * layout is shared by the documents that thread lays out, and a document
 * that leaves its thread (printing) must own its layouts. Each thread has
 * its own cache; an entry lives as long as one of the last two documents
 * used it. */

typedef struct {
  GHashTable *layouts;      /* CachedLayout, its own key */
  guint       generation;
  gboolean    active;
} LayoutCache;

/* Everything a layout's lines depend on: the font map (the templates' fonts
 * or all of them), the font, the width, the alignment, the spacing, the
 * attributes and the text. Contexts are all set up alike (see
 * vitae-render-document.c). A lookup fills one in on the stack, pointing at
 * what it would lay out; an entry points into its own layout. */
typedef struct {
  guint                       hash;
  PangoFontMap               *font_map;
  const PangoFontDescription *font;
  int                         width;       /* Pango units; -1: no wrapping */
  PangoAlignment              align;
  double                      line_spacing;
  PangoAttrList              *attrs;
  const char                 *text;
  PangoLayout                *layout;      /* entries only */
  guint                       generation;
} CachedLayout;

static void
cached_layout_init (CachedLayout               *key,
                    PangoContext               *context,
                    const PangoFontDescription *font,
                    int                         width,
                    PangoAlignment              align,
                    double                      line_spacing,
                    PangoAttrList              *attrs,
                    const char                 *text)
{
  *key = (CachedLayout) { 0, pango_context_get_font_map (context), font, width, align, line_spacing, attrs, text, };
  /* The attributes are left to cached_layout_equal(): text, font and width
   * tell paragraphs apart. */
  key->hash = g_str_hash (text) ^ (pango_font_description_hash (font) * 31u) ^
              ((guint)width * 17u) ^ ((guint)align << 28) ^ (guint)(line_spacing * 1000) ^
              (guint)GPOINTER_TO_SIZE (key->font_map);
}

static guint
cached_layout_hash (gconstpointer key)
{
  return ((const CachedLayout *)key)->hash;
}

static gboolean
cached_layout_equal (gconstpointer a,
                     gconstpointer b)
{
  const CachedLayout *x = a, *y = b;

  return x->hash == y->hash && x->font_map == y->font_map && x->width == y->width &&
         x->align == y->align && x->line_spacing == y->line_spacing &&
         g_str_equal (x->text, y->text) && pango_font_description_equal (x->font, y->font) &&
         (x->attrs == y->attrs ||
          (x->attrs != NULL && y->attrs != NULL && pango_attr_list_equal (x->attrs, y->attrs)));
}

static void
cached_layout_free (gpointer data)
{
  CachedLayout *cached = data;

  g_object_unref (cached->layout);
  g_free (cached);
}

static void
layout_cache_free (gpointer data)
{
  LayoutCache *cache = data;

  g_hash_table_unref (cache->layouts);
  g_free (cache);
}

static GPrivate layout_cache_key = G_PRIVATE_INIT (layout_cache_free);

static LayoutCache *
get_layout_cache (void)
{
  LayoutCache *cache = g_private_get (&layout_cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (LayoutCache, 1);
      cache->layouts = g_hash_table_new_full (cached_layout_hash, cached_layout_equal, cached_layout_free, NULL);
      g_private_set (&layout_cache_key, cache);
    }
  return cache;
}

/**
 * vitae_render_forget_layouts:
 *
 * Empties this thread's layout cache.
 */
void
vitae_render_forget_layouts (void)
{
  LayoutCache *cache = g_private_get (&layout_cache_key);

  if (cache != NULL)
    g_hash_table_remove_all (cache->layouts);
}

/**
 * vitae_layout_cache_begin:
 *
 * Layouts made on this thread until vitae_layout_cache_end() come from,
 * and go to, the thread's cache.
 */
void
vitae_layout_cache_begin (void)
{
  LayoutCache *cache = get_layout_cache ();

  cache->generation++;
  cache->active = TRUE;
}

/**
 * vitae_layout_cache_end:
 *
 * Stops caching and forgets the layouts that neither this document nor the
 * one before used.
 */
void
vitae_layout_cache_end (void)
{
  LayoutCache *cache = get_layout_cache ();
  GHashTableIter iter;
  CachedLayout *cached;

  cache->active = FALSE;
  g_hash_table_iter_init (&iter, cache->layouts);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&cached))
    if (cached->generation + 1 < cache->generation)
      g_hash_table_iter_remove (&iter);
}

/* A cached layout for these, with a reference, or NULL. */
static PangoLayout *
cache_find (LayoutCache                *cache,
            PangoContext               *context,
            VitaeRichText              *rt,
            const PangoFontDescription *font,
            int                         width,
            PangoAlignment              align,
            double                      line_spacing)
{
  CachedLayout key, *cached;

  cached_layout_init (&key, context, font, width, align, line_spacing, rt->attrs, rt->text->str);
  cached = g_hash_table_lookup (cache->layouts, &key);
  if (cached == NULL)
    return NULL;
  cached->generation = cache->generation;
  return g_object_ref (cached->layout);
}

static void
cache_add (LayoutCache *cache,
           PangoLayout *layout,
           double       line_spacing)
{
  CachedLayout *cached = g_new (CachedLayout, 1);

  /* Pointing into the layout, which lives as long as the entry. */
  cached_layout_init (cached, pango_layout_get_context (layout), pango_layout_get_font_description (layout),
                      pango_layout_get_width (layout), pango_layout_get_alignment (layout), line_spacing,
                      pango_layout_get_attributes (layout), pango_layout_get_text (layout));
  cached->layout = g_object_ref (layout);
  cached->generation = cache->generation;
  g_hash_table_add (cache->layouts, cached);
}

static int
pango_width_for (double width)
{
  return width > 0 ? (int)(width * PANGO_SCALE) : -1;
}

/* Shapes and breaks @rt into lines, now. */
static PangoLayout *
layout_new (PangoContext               *context,
            VitaeRichText              *rt,
            const PangoFontDescription *font,
            double                      width,
            PangoAlignment              align,
            double                      line_spacing)
{
  PangoLayout *layout = pango_layout_new (context);
  int pango_width = pango_width_for (width);

  pango_layout_set_font_description (layout, font);
  if (pango_width > 0)
    {
      pango_layout_set_width (layout, pango_width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  if (line_spacing > 0)
    pango_layout_set_line_spacing (layout, (float)line_spacing);
  pango_layout_set_text (layout, rt->text->str, (int)rt->text->len);
  pango_layout_set_attributes (layout, rt->attrs);
  /* Lay it out now: a cached layout is only ever read. */
  pango_layout_get_line_count (layout);
  return layout;
}

/* What a text block is laid out from, until vitae_blocks_realize(). */
struct _VitaeBlockJob {
  VitaeRichText         text;       /* links empty: the block has them */
  VitaeRichText         aside;      /* text NULL: none */
  PangoFontDescription *font;
  double                full_width;
  double                aside_gap;
  PangoAlignment        align;
  double                line_spacing;
  guint                 cost;       /* bytes of text: to share the work */
};

static void
rich_text_share (VitaeRichText *dest,
                 VitaeRichText *src)
{
  dest->text = g_string_new_len (src->text->str, (gssize)src->text->len);
  dest->attrs = pango_attr_list_ref (src->attrs);
  dest->links = NULL;
}

static void
block_job_free (VitaeBlockJob *job)
{
  g_string_free (job->text.text, TRUE);
  pango_attr_list_unref (job->text.attrs);
  if (job->aside.text != NULL)
    {
      g_string_free (job->aside.text, TRUE);
      pango_attr_list_unref (job->aside.attrs);
    }
  pango_font_description_free (job->font);
  g_free (job);
}

/* The aside (when any) and the text of @block are laid out: moves an
 * aside to the left of right-to-left text and measures the lines. */
static void
block_finish (VitaeBlock *block)
{
  VitaeBlockJob *job = block->job;
  gboolean narrowed = block->width < job->full_width;

  block->rtl = pango_layout_line_get_resolved_direction (pango_layout_get_line_readonly (block->layout, 0)) == PANGO_DIRECTION_RTL;
  if (block->rtl && narrowed)
    block->indent += job->full_width - block->width;
  block_measure (block);
}

static void
block_forget_job (VitaeBlock *block)
{
  g_clear_pointer (&block->job, block_job_free);
}

/* The width the text has beside @aside (a laid-out aside, or NULL). */
static double
width_beside (VitaeBlockJob *job,
              PangoLayout   *aside)
{
  PangoRectangle logical;
  double aside_room;

  if (aside == NULL)
    return job->full_width;
  pango_layout_get_extents (aside, NULL, &logical);
  aside_room = TO_PT (logical.width) + job->aside_gap;
  /* Dates too wide to share the line sit over its end instead. */
  return aside_room < job->full_width * 0.6 ? job->full_width - aside_room : job->full_width;
}

/* Lays @block out with @context, nothing cached. */
static void
block_lay_out (VitaeBlock   *block,
               PangoContext *context)
{
  VitaeBlockJob *job = block->job;

  if (job->aside.text != NULL)
    block->aside = layout_new (context, &job->aside, job->font, 0, PANGO_ALIGN_LEFT, 0);
  block->width = width_beside (job, block->aside);
  block->layout = layout_new (context, &job->text, job->font, block->width, job->align, job->line_spacing);
}

/* Takes @block's layouts from @cache, looked up under each of @contexts (one
 * per font map that may have made them). FALSE, with nothing taken, when
 * any is missing. */
static gboolean
block_from_cache (VitaeBlock    *block,
                  LayoutCache   *cache,
                  PangoContext **contexts,
                  guint          n_contexts)
{
  VitaeBlockJob *job = block->job;
  PangoLayout *aside = NULL, *layout = NULL;
  double width;

  if (job->aside.text != NULL)
    {
      for (guint c = 0; c < n_contexts && aside == NULL; c++)
        aside = cache_find (cache, contexts[c], &job->aside, job->font, -1, PANGO_ALIGN_LEFT, 0);
      if (aside == NULL)
        return FALSE;
    }
  width = width_beside (job, aside);
  for (guint c = 0; c < n_contexts && layout == NULL; c++)
    layout = cache_find (cache, contexts[c], &job->text, job->font, pango_width_for (width),
                         job->align, job->line_spacing);
  if (layout == NULL)
    {
      g_clear_object (&aside);
      return FALSE;
    }
  block->aside = aside;
  block->layout = layout;
  block->width = width;
  return TRUE;
}

/**
 * vitae_block_new_text:
 * @aside: (nullable): text for the far end of the first line (the right,
 *   or the left in a right-to-left paragraph): dates
 * @aside_gap: the least room between @aside and the text
 *
 * A block of @rt laid out @width points wide, narrowed to make room for
 * @aside. Takes the links out of @rt. Between vitae_layout_cache_begin() and
 * _end() the layout waits for vitae_blocks_realize(), which lays many out
 * at once (on two threads); otherwise it is laid out now.
 */
VitaeBlock *
vitae_block_new_text (PangoContext               *context,
                      VitaeRichText              *rt,
                      const PangoFontDescription *font,
                      double                      width,
                      double                      indent,
                      PangoAlignment              align,
                      double                      line_spacing,
                      VitaeRichText              *aside,
                      double                      aside_gap)
{
  LayoutCache *cache = g_private_get (&layout_cache_key);
  VitaeBlock *block = g_new0 (VitaeBlock, 1);
  VitaeBlockJob *job = g_new0 (VitaeBlockJob, 1);

  block->kind = VITAE_BLOCK_TEXT;
  block->indent = indent;
  block->width = width;
  block->tag = "P";
  block->links = g_steal_pointer (&rt->links);
  rt->links = g_array_new (FALSE, TRUE, sizeof (VitaeLink));
  g_array_set_clear_func (rt->links, link_clear);

  rich_text_share (&job->text, rt);
  if (aside != NULL)
    rich_text_share (&job->aside, aside);
  job->font = pango_font_description_copy (font);
  job->full_width = width;
  job->aside_gap = aside_gap;
  job->align = align;
  job->line_spacing = line_spacing;
  job->cost = (guint)rt->text->len + (aside != NULL ? (guint)aside->text->len : 0);
  block->job = job;

  if (cache == NULL || !cache->active)
    {
      block_lay_out (block, context);
      block_finish (block);
      block_forget_job (block);
    }
  return block;
}

/* ---- Laying out on two threads -----------------------------------------
 *
 * vitae_blocks_realize() shares the paragraphs no cached layout has with a
 * helper thread, one per thread that renders (the preview's, a CLI's main
 * thread). Pango objects are not thread-safe, so the helper lays out with
 * font maps of its own (vitae_render_get_font_map() is per thread), and the
 * two threads never touch each other's objects at the same time: the owner
 * measures and draws the helper's layouts only while the helper waits for
 * its next batch. The owner keeps the cache; the helper's layouts go in it
 * under the helper's font map, and later renders look them up under both. */

#define MIN_SHARED_COST 2000   /* bytes of text below which one thread does it all */

typedef struct {
  GPtrArray *blocks;       /* VitaeBlock, to lay out */
  gboolean   all_fonts;
} HelperBatch;

typedef struct {
  GThread                *thread;
  GAsyncQueue            *batches;      /* HelperBatch, or &helper_quit */
  GAsyncQueue            *done;         /* the batches back */
  VitaeLayoutContextFunc  context_new;
  PangoContext           *contexts[2];  /* by all_fonts: made and used on the helper */
} LayoutHelper;

static HelperBatch helper_quit;

static gpointer
helper_main (gpointer data)
{
  LayoutHelper *helper = data;

  for (;;)
    {
      HelperBatch *batch = g_async_queue_pop (helper->batches);
      PangoContext *context;

      if (batch == &helper_quit)
        break;
      if (helper->contexts[batch->all_fonts] == NULL)
        helper->contexts[batch->all_fonts] = helper->context_new (batch->all_fonts);
      context = helper->contexts[batch->all_fonts];
      for (guint i = 0; i < batch->blocks->len; i++)
        {
          VitaeBlock *block = g_ptr_array_index (batch->blocks, i);

          block_lay_out (block, context);
          /* Measuring asks the fonts for extents: the helper's own. */
          block_finish (block);
        }
      g_async_queue_push (helper->done, batch);
    }
  for (guint i = 0; i < G_N_ELEMENTS (helper->contexts); i++)
    g_clear_object (&helper->contexts[i]);
  return NULL;
}

static void
helper_free (gpointer data)
{
  LayoutHelper *helper = data;

  g_async_queue_push (helper->batches, &helper_quit);
  g_thread_join (helper->thread);
  g_async_queue_unref (helper->batches);
  g_async_queue_unref (helper->done);
  g_free (helper);
}

static GPrivate layout_helper_key = G_PRIVATE_INIT (helper_free);

static LayoutHelper *
get_helper (VitaeLayoutContextFunc context_new)
{
  LayoutHelper *helper = g_private_get (&layout_helper_key);

  if (helper == NULL)
    {
      helper = g_new0 (LayoutHelper, 1);
      helper->batches = g_async_queue_new ();
      helper->done = g_async_queue_new ();
      helper->context_new = context_new;
      helper->thread = g_thread_new ("vitae-layout", helper_main, helper);
      g_private_set (&layout_helper_key, helper);
    }
  return helper;
}

/* Whether laying out shares work with a helper thread: with more than one
 * processor, unless VITAE_RENDER_ONE_THREAD is set; always with
 * VITAE_RENDER_TWO_THREADS (tests). */
static gboolean
helper_wanted (void)
{
  static gsize wanted = 0;

  if (g_once_init_enter (&wanted))
    {
      gboolean two = g_getenv ("VITAE_RENDER_TWO_THREADS") != NULL ||
                     (g_get_num_processors () > 1 && g_getenv ("VITAE_RENDER_ONE_THREAD") == NULL);

      g_once_init_leave (&wanted, two ? 2 : 1);
    }
  return wanted == 2;
}

/**
 * vitae_blocks_realize:
 * @blocks: VitaeBlock, some of them waiting for their layout
 * @from: the first of @blocks to look at
 * @context: the document's context
 * @all_fonts: whether @context has every installed font (see
 *   vitae_render_get_font_map())
 * @context_new: makes a context like @context on the helper thread
 *
 * Lays out the blocks from @from on that wait for it: from this thread's
 * cache when it has them, else on this thread and a helper thread.
 */
void
vitae_blocks_realize (GPtrArray              *blocks,
                      guint                   from,
                      PangoContext           *context,
                      gboolean                all_fonts,
                      VitaeLayoutContextFunc  context_new)
{
  LayoutCache *cache = g_private_get (&layout_cache_key);
  LayoutHelper *helper = helper_wanted () ? g_private_get (&layout_helper_key) : NULL;
  PangoContext *contexts[2] = { context, helper != NULL ? helper->contexts[all_fonts] : NULL };
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  HelperBatch batch = { NULL, all_fonts };
  guint64 cost = 0, my_cost = 0, its_cost = 0;

  /* The helper is idle: every layout may be read here. */
  for (guint i = from; i < blocks->len; i++)
    {
      VitaeBlock *block = g_ptr_array_index (blocks, i);

      if (block->job == NULL)
        continue;
      if (cache != NULL && block_from_cache (block, cache, contexts, contexts[1] != NULL ? 2 : 1))
        {
          block_finish (block);
          block_forget_job (block);
        }
      else
        {
          g_ptr_array_add (pending, block);
          cost += block->job->cost;
        }
    }
  if (pending->len == 0)
    return;

  if (helper_wanted () && cost >= MIN_SHARED_COST)
    {
      helper = get_helper (context_new);
      batch.blocks = g_ptr_array_new ();
      /* In document order, each to whichever thread has less so far. */
      for (guint i = 0; i < pending->len; i++)
        {
          VitaeBlock *block = g_ptr_array_index (pending, i);

          if (its_cost < my_cost)
            {
              g_ptr_array_add (batch.blocks, block);
              its_cost += block->job->cost;
            }
          else
            {
              g_ptr_array_add (mine, block);
              my_cost += block->job->cost;
            }
        }
      g_async_queue_push (helper->batches, &batch);
    }
  else
    g_ptr_array_extend (mine, pending, NULL, NULL);

  /* Only this thread's font map from here until the helper is done. */
  for (guint i = 0; i < mine->len; i++)
    {
      VitaeBlock *block = g_ptr_array_index (mine, i);

      block_lay_out (block, context);
      block_finish (block);
    }
  if (batch.blocks != NULL)
    {
      HelperBatch *back = g_async_queue_pop (helper->done);

      g_assert (back == &batch);
      g_ptr_array_unref (batch.blocks);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      VitaeBlock *block = g_ptr_array_index (pending, i);

      if (cache != NULL)
        {
          if (block->aside != NULL)
            cache_add (cache, block->aside, 0);
          cache_add (cache, block->layout, block->job->line_spacing);
        }
      block_forget_job (block);
    }
}

VitaeBlock *
vitae_block_new_image (cairo_surface_t *image,
                       double           size,
                       double           indent,
                       VitaeImageShape  shape)
{
  VitaeBlock *block = g_new0 (VitaeBlock, 1);

  block->kind = VITAE_BLOCK_IMAGE;
  block->image = cairo_surface_reference (image);
  block->height = size;
  block->size = size;
  block->width = size;
  block->indent = indent;
  block->shape = shape;
  block->tag = "Figure";
  return block;
}

VitaeBlock *
vitae_block_new_space (double height)
{
  VitaeBlock *block = g_new0 (VitaeBlock, 1);

  block->kind = VITAE_BLOCK_SPACE;
  block->height = height;
  return block;
}

void
vitae_block_free (VitaeBlock *block)
{
  if (block == NULL)
    return;
  block_forget_job (block);
  g_clear_object (&block->layout);
  g_clear_object (&block->aside);
  g_clear_object (&block->bullet);
  g_clear_pointer (&block->links, g_array_unref);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  g_free (block->outline);
  g_free (block->line_x);
  g_free (block->line_top);
  g_free (block->line_height);
  g_free (block->baseline);
  g_free (block);
}

static double
lines_height (VitaeBlock *block,
              guint       first,
              guint       n)
{
  guint last = first + n - 1;

  if (n == 0)
    return 0;
  return block->line_top[last] + block->line_height[last] - block->line_top[first];
}

double
vitae_block_get_height (VitaeBlock *block)
{
  if (block->kind != VITAE_BLOCK_TEXT)
    return block->height;
  return lines_height (block, 0, block->n_lines) + block->rule_gap + block->space_after;
}

/* What must fit on this page for block @i to start here: it, the blocks it
 * keeps with, and the first line of the block the chain ends on. */
static double
keep_chain_height (GPtrArray *blocks,
                   guint      i)
{
  double height = 0;

  for (; i < blocks->len; i++)
    {
      VitaeBlock *block = g_ptr_array_index (blocks, i);

      if (!block->keep_with_next || i + 1 == blocks->len)
        {
          if (block->kind == VITAE_BLOCK_TEXT)
            height += lines_height (block, 0, MIN (block->n_lines, 1));
          else
            height += block->height;
          return height;
        }
      height += vitae_block_get_height (block);
      if (i + 1 < blocks->len)
        height += ((VitaeBlock *)g_ptr_array_index (blocks, i + 1))->space_before;
    }
  return height;
}

static void
place (GArray            *placements,
       VitaeBlock        *block,
       guint              first,
       guint              n,
       guint              page,
       const VitaeColumn *column,
       double             y)
{
  VitaePlacement p = { block, first, n, page, column->x, y, column->width };

  g_array_append_val (placements, p);
}

/* Rounding slack so that a line that fits exactly is not pushed over. */
#define EPSILON 0.01

/**
 * vitae_paginate:
 *
 * Flows @blocks down @column, page after page: a block that keeps with the
 * next (a heading, an entry's header) moves to a new page with the first
 * line of what follows it; a long paragraph continues on the next page,
 * leaving neither a lone first line at the foot nor a lone last line at
 * the head.
 *
 * Returns: how many pages the column needs, at least one
 */
guint
vitae_paginate (GPtrArray         *blocks,
                const VitaeColumn *column,
                GArray            *placements)
{
  double column_height = column->bottom - column->top;
  guint page = 0;
  double y = column->top;
  gboolean at_top = TRUE;

  for (guint i = 0; i < blocks->len; i++)
    {
      VitaeBlock *block = g_ptr_array_index (blocks, i);
      double gap = at_top ? 0 : block->space_before;
      double need = keep_chain_height (blocks, i);

      if (need > column_height)
        need = block->kind == VITAE_BLOCK_TEXT ? lines_height (block, 0, MIN (block->n_lines, 1)) : block->height;

      if (!at_top && y + gap + need > column->bottom + EPSILON)
        {
          page++;
          y = column->top;
          at_top = TRUE;
          gap = 0;
        }
      y += gap;

      if (block->kind == VITAE_BLOCK_SPACE)
        {
          if (!at_top)
            y += block->height;
          continue;
        }

      if (block->kind == VITAE_BLOCK_IMAGE)
        {
          place (placements, block, 0, 0, page, column, y);
          y += block->height;
          at_top = FALSE;
          continue;
        }

      for (guint line = 0; line < block->n_lines;)
        {
          guint remaining = block->n_lines - line;
          guint fit = 0;

          while (fit < remaining &&
                 y + lines_height (block, line, fit + 1) <= column->bottom + EPSILON)
            fit++;

          if (fit < remaining)
            {
              /* An orphan: one first line at the foot of the page. */
              if (fit == 1 && line == 0 && !at_top)
                fit = 0;
              /* A widow: one last line at the head of the next page. */
              else if (fit >= 3 && remaining - fit == 1)
                fit--;
            }
          if (fit == 0 && at_top)
            fit = 1;   /* A line taller than the page: place it anyway. */

          if (fit > 0)
            {
              place (placements, block, line, fit, page, column, y);
              y += lines_height (block, line, fit);
              line += fit;
              at_top = FALSE;
            }
          if (line < block->n_lines)
            {
              page++;
              y = column->top;
              at_top = TRUE;
            }
        }
      y += block->rule_gap + block->space_after;
    }

  return page + 1;
}

void
vitae_set_source_rgb (cairo_t *cr,
                      guint32  rgb,
                      double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0,
                         alpha);
}

/* Cairo's attribute strings quote with ', so a URI keeps its own quotes and
 * backslashes percent-encoded. */
static char *
escape_uri (const char *uri)
{
  GString *str = g_string_new (NULL);

  for (const char *p = uri; *p; p++)
    {
      if (*p == '\'')
        g_string_append (str, "%27");
      else if (*p == '\\')
        g_string_append (str, "%5C");
      else
        g_string_append_c (str, *p);
    }
  return g_string_free (str, FALSE);
}

static void
paint_links (VitaePainter         *painter,
             const VitaePlacement *p,
             double                origin_y)
{
  VitaeBlock *block = p->block;

  for (guint l = 0; l < block->links->len; l++)
    {
      const VitaeLink *link = &g_array_index (block->links, VitaeLink, l);
      g_autofree char *uri = escape_uri (link->uri);

      for (guint i = p->first_line; i < p->first_line + p->n_lines; i++)
        {
          PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, (int)i);
          int start = MAX (link->start, line->start_index);
          int end = MIN (link->end, line->start_index + line->length);
          int *ranges = NULL;
          int n_ranges = 0;

          if (start >= end)
            continue;

          pango_layout_line_get_x_ranges (line, start, end, &ranges, &n_ranges);
          for (int r = 0; r < n_ranges; r++)
            {
              char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
              char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
              g_autofree char *attributes = NULL;
              double x0 = p->x + block->indent + TO_PT (ranges[2 * r]);
              double x1 = p->x + block->indent + TO_PT (ranges[2 * r + 1]);

              g_ascii_formatd (x, sizeof x, "%.2f", x0);
              g_ascii_formatd (y, sizeof y, "%.2f", origin_y + block->line_top[i]);
              g_ascii_formatd (w, sizeof w, "%.2f", x1 - x0);
              g_ascii_formatd (h, sizeof h, "%.2f", block->line_height[i]);
              attributes = g_strdup_printf ("uri='%s' rect=[%s %s %s %s]", uri, x, y, w, h);
              cairo_tag_begin (painter->cr, CAIRO_TAG_LINK, attributes);
              cairo_tag_end (painter->cr, CAIRO_TAG_LINK);
            }
          g_free (ranges);
        }
    }
}

static void
paint_image (cairo_t              *cr,
             const VitaePlacement *p)
{
  VitaeBlock *block = p->block;
  double size = block->size;
  double x = p->x + block->indent;
  double y = p->y;
  int w = cairo_image_surface_get_width (block->image);
  int h = cairo_image_surface_get_height (block->image);

  cairo_save (cr);
  if (block->shape == VITAE_IMAGE_CIRCLE)
    cairo_arc (cr, x + size / 2, y + size / 2, size / 2, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x, y, size, size);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / w, size / h);
  cairo_set_source_surface (cr, block->image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
tag_begin (VitaePainter *painter,
           const char   *tag)
{
  if (painter->tagged && tag != NULL)
    cairo_tag_begin (painter->cr, tag, "");
}

static void
tag_end (VitaePainter *painter,
         const char   *tag)
{
  if (painter->tagged && tag != NULL)
    cairo_tag_end (painter->cr, tag);
}

/**
 * vitae_paint_placement:
 * @next: (nullable): the placement drawn after this one in the same column,
 *   to know where a list ends
 */
void
vitae_paint_placement (VitaePainter         *painter,
                       const VitaePlacement *p,
                       const VitaePlacement *next)
{
  cairo_t *cr = painter->cr;
  VitaeBlock *block = p->block;
  double origin_y;

  if (block->kind == VITAE_BLOCK_IMAGE)
    {
      tag_begin (painter, block->tag);
      paint_image (cr, p);
      tag_end (painter, block->tag);
      return;
    }

  if (block->list_id != 0 && painter->open_list != block->list_id)
    {
      if (painter->open_list != 0)
        tag_end (painter, "L");
      tag_begin (painter, "L");
      painter->open_list = block->list_id;
    }
  else if (block->list_id == 0 && painter->open_list != 0)
    {
      tag_end (painter, "L");
      painter->open_list = 0;
    }

  /* Where the layout's top would be for first_line to sit at p->y. */
  origin_y = p->y - block->line_top[p->first_line];

  tag_begin (painter, block->tag);

  if (block->bullet != NULL && p->first_line == 0)
    {
      PangoRectangle logical;
      double bx;

      pango_layout_get_extents (block->bullet, NULL, &logical);
      bx = block->rtl ? p->x + block->indent + block->width + 4
                      : p->x + block->indent - TO_PT (logical.width) - 4;
      cairo_move_to (cr, bx, origin_y + block->baseline[0]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->bullet, 0));
    }

  for (guint i = p->first_line; i < p->first_line + p->n_lines; i++)
    {
      cairo_move_to (cr, p->x + block->indent + block->line_x[i], origin_y + block->baseline[i]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, (int)i));
    }

  if (block->aside != NULL && p->first_line == 0)
    {
      PangoRectangle logical;
      double ax;

      pango_layout_get_extents (block->aside, NULL, &logical);
      ax = block->rtl ? p->x : p->x + p->column_width - TO_PT (logical.width);
      cairo_move_to (cr, ax, origin_y + block->baseline[0]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->aside, 0));
    }

  tag_end (painter, block->tag);

  if (block->rule && p->first_line + p->n_lines == block->n_lines)
    {
      double y = origin_y + lines_height (block, 0, block->n_lines) + block->rule_gap;

      cairo_save (cr);
      vitae_set_source_rgb (cr, block->rule_color, 1);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, p->x, round (y * 2) / 2);
      cairo_line_to (cr, p->x + p->column_width, round (y * 2) / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (painter->tagged && block->links != NULL && block->links->len > 0)
    paint_links (painter, p, origin_y);

  if (painter->open_list != 0 && (next == NULL || next->block->list_id != painter->open_list))
    {
      tag_end (painter, "L");
      painter->open_list = 0;
    }
}

void
vitae_paint_finish (VitaePainter *painter)
{
  if (painter->open_list != 0)
    tag_end (painter, "L");
  painter->open_list = 0;
}
