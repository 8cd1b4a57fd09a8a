/* pn-render-pipeline.h: the ordered passes that turn a document into a page
 *
 * Each pass runs once over the cmark-gfm tree, in slot order (passes of one
 * slot in the order they were added). A feature that enriches the text (the
 * glossary linker) adds its pass at its slot: by then the tree is clean
 * (no raw HTML, links rewritten, headings named) and its text is still the
 * author's (typography and block ids come after).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark-gfm.h>

#include "pn-pack.h"
#include "pn-rendered-page.h"

G_BEGIN_DECLS

typedef enum {
  PN_RENDER_SLOT_BOUNDS,       /* paragraphs too costly to parse back as plain text */
  PN_RENDER_SLOT_TABLES,       /* the table cell cap */
  PN_RENDER_SLOT_SANITIZE,     /* raw HTML out */
  PN_RENDER_SLOT_QUOTES,       /* blockquote attributions */
  PN_RENDER_SLOT_MEDIA,        /* images into the pack */
  PN_RENDER_SLOT_LINKS,        /* every link rebuilt from a vetted address */
  PN_RENDER_SLOT_HEADINGS,     /* heading ids, then #anchor checks */
  PN_RENDER_SLOT_GLOSSARY,     /* the glossary linker (pn-render-glossary.c) */
  PN_RENDER_SLOT_TYPOGRAPHY,   /* French spacing, apostrophes, words kept whole */
  PN_RENDER_SLOT_BLOCK_IDS,    /* p_N, q_N, t_N, fn-N */
  PN_RENDER_N_SLOTS
} PnRenderSlot;

typedef struct _PnRenderContext PnRenderContext;

typedef void (*PnRenderPassFunc) (PnRenderContext *ctx,
                                  cmark_node      *root,
                                  gpointer         user_data);

#define PN_TYPE_RENDER_PIPELINE (pn_render_pipeline_get_type ())
G_DECLARE_FINAL_TYPE (PnRenderPipeline, pn_render_pipeline, PN, RENDER_PIPELINE, GObject)

/* The pipeline with the project's passes, each at its slot. */
PnRenderPipeline *pn_render_pipeline_new     (void);
void              pn_render_pipeline_add     (PnRenderPipeline *self,
                                              PnRenderSlot      slot,
                                              const char       *name,
                                              PnRenderPassFunc  func,
                                              gpointer          user_data,
                                              GDestroyNotify    destroy);
/* The names of the passes in the order they run (NULL-terminated, owned by @self). */
const char * const *pn_render_pipeline_list  (PnRenderPipeline *self);
/* pn_render_pipeline_run_full() with PN_GLOSSARY_LINK_ALL. */
PnRenderedPage   *pn_render_pipeline_run     (PnRenderPipeline *self,
                                              PnPack           *pack,
                                              PnDocument       *doc);
/* @mode: which occurrences of the glossary's terms are links. */
PnRenderedPage   *pn_render_pipeline_run_full (PnRenderPipeline   *self,
                                               PnPack             *pack,
                                               PnDocument         *doc,
                                               PnGlossaryLinkMode  mode);

/* For passes: what they may read of the document being rendered. */
PnPack           *pn_render_context_get_pack       (PnRenderContext *ctx);
PnDocument       *pn_render_context_get_document   (PnRenderContext *ctx);
gboolean          pn_render_context_is_french      (PnRenderContext *ctx);
/* Registers @markup (safe HTML written by the pass) before @node; FALSE when
 * @node accepts no sibling there. */
gboolean          pn_render_context_insert_markup  (PnRenderContext *ctx,
                                                    cmark_node      *before,
                                                    const char      *markup);

/* Puts @node between @open and @close (safe HTML written by the pass). */
gboolean          pn_render_context_wrap_markup    (PnRenderContext *ctx,
                                                    cmark_node      *node,
                                                    const char      *open,
                                                    const char      *close);

G_END_DECLS
