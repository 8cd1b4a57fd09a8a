/* pn-render-private.h: what the render passes share (model only)
 *
 * A document is rendered by a PnRenderPipeline: the Markdown is bounded and
 * parsed by cmark-gfm, then ordered passes clean and enrich the tree, then
 * pn-render-html.c writes the HTML and the page's plain text in one walk.
 * Passes leave their marks in the tree: nodes they create (CUSTOM_BLOCK,
 * HTML_INLINE pairs registered as our own markup) and a PnNodeData per node
 * (block id, extra attributes, words not to hyphenate).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark-gfm.h>

#include "pn-pack.h"
#include "pn-render.h"
#include "pn-render-pipeline.h"

G_BEGIN_DECLS

#define PN_NBSP "\xc2\xa0"          /* U+00A0 NO-BREAK SPACE */
#define PN_NNBSP "\xe2\x80\xaf"     /* U+202F NARROW NO-BREAK SPACE */


struct _PnRenderContext {
  PnPack *pack;
  PnDocument *document;
  const char *file;
  const char *language;
  gboolean french;
  GPtrArray *diagnostics;         /* of PnDiagnostic, in the order found */
  GHashTable *own_html;           /* HTML_INLINE nodes holding our markup */
  GHashTable *heading_ids;        /* ids given to headings (owned strings) */
  GHashTable *heading_counters;   /* slug -> next number to try for it */
  GPtrArray *anchor_links;        /* #anchors to check once headings have ids */
  GPtrArray *doc_links;           /* of PnDocLink: doc:ID#ANCHOR, for the pack check */
  GHashTable *warned_html_lines;  /* lines already warned about raw HTML */
  GPtrArray *raw_chunks;          /* of char *: paragraphs kept as plain text by the bounds */
  char *raw_token;                /* the placeholder prefix for them */
  GArray *line_starts;            /* byte offset of each line of the Markdown, built on demand */
  GHashTable *search_from;        /* block -> where its next autolink is looked for */
  GHashTable *located;            /* link -> int[2] { line, column }, during the links pass */
  GHashTable *inline_zones;       /* HTML_INLINE pairs of pn_render_wrap_inline(): open -> 1, close -> -1 */
  PnGlossaryLinkMode glossary_mode;
  GArray *glossary_switches;      /* of PnGlossarySwitch, in line order (the sanitize pass) */
  GHashTable *term_marks;         /* HTML_INLINE -> PnTermMark: where a term starts and ends */
  GPtrArray *owned_marks;         /* the PnTermMark of pn_render_new_term_mark() */
  GPtrArray *terms;               /* of PnTermOccurrence, as the HTML writer meets them */
};

/* <!-- glossary: off --> (@on FALSE) or <!-- glossary: on --> at @line. */
typedef struct {
  int line;
  gboolean on;
} PnGlossarySwitch;

/* One end of an occurrence of a glossary term in the tree (a link to it or
 * an empty mark), for the HTML writer to record where it lies. */
typedef struct {
  const char *entry_id;   /* NULL for the end */
  const char *markup;     /* the opening tag written ("" when not linked); NULL for the end */
  gboolean linked;
  gboolean opening;
} PnTermMark;

/* Where an occurrence starts or ends inside a TEXT node: @offset in code
 * points of its literal (the typography pass, which comes after, changes
 * characters but never their number). */
typedef struct {
  guint offset;
  const PnTermMark *mark;
} PnTermPoint;

/* The mark of an occurrence of @entry_id (copied), kept by @ctx; the mark of every end. */
const PnTermMark *pn_render_new_term_mark (PnRenderContext *ctx,
                                           const char      *entry_id,
                                           const char      *markup,
                                           gboolean         linked);
const PnTermMark *pn_render_term_end      (void);
/* Adds a point to the TEXT @node. */
void              pn_render_add_term_point (cmark_node       *node,
                                            guint             offset,
                                            const PnTermMark *mark);

/* Registers @open and @close (HTML_INLINE nodes of ours around an occurrence of @entry_id). */
void        pn_render_mark_term      (PnRenderContext *ctx,
                                      cmark_node      *open,
                                      cmark_node      *close,
                                      const char      *entry_id,
                                      gboolean         linked);

/* A link to #anchor, checked once headings have ids. */
typedef struct {
  char *anchor;
  int line;
  int column;
} PnAnchorLink;

void        pn_render_anchor_link_free (PnAnchorLink *link);

/* Per-node marks, kept in the node's user data. */
typedef struct {
  char *id;              /* block id written on the element */
  char *attributes;      /* safe markup for the opening tag, e.g. ` data-source="x"` */
  GArray *keep_whole;    /* TEXT: byte ranges (guint pairs) of words not to hyphenate */
  GArray *terms;         /* TEXT: PnTermPoint in order, where glossary terms start and end */
} PnNodeData;

PnNodeData *pn_render_node_data      (cmark_node *node);   /* created on first use */
PnNodeData *pn_render_node_peek_data (cmark_node *node);   /* NULL when none */

/* Diagnostics */
void        pn_render_warn           (PnRenderContext *ctx,
                                      cmark_node      *node,
                                      const char      *format,
                                      ...) G_GNUC_PRINTF (3, 4);
void        pn_render_warn_at        (PnRenderContext *ctx,
                                      int              line,
                                      int              column,
                                      const char      *message);

/* Tree helpers (pn-render-tree.c) */
GPtrArray  *pn_render_collect        (cmark_node      *root,
                                      cmark_node_type  type);
gboolean    pn_render_insert_html    (PnRenderContext *ctx,
                                      cmark_node      *before,
                                      const char      *markup);
gboolean    pn_render_append_html    (PnRenderContext *ctx,
                                      cmark_node      *after,
                                      const char      *markup);
/* Returns the opening HTML node (NULL when @node could only be unwrapped);
 * the pair is recorded in ctx->inline_zones. */
cmark_node *pn_render_wrap_inline    (PnRenderContext *ctx,
                                      cmark_node      *node,
                                      const char      *open,
                                      const char      *close);
void        pn_render_unwrap         (cmark_node      *node);
char       *pn_render_node_text      (cmark_node      *root);
char       *pn_render_escape         (const char      *text);
gboolean    pn_render_is_table_row   (cmark_node      *node);
gboolean    pn_render_is_table_cell  (cmark_node      *node);
/* A paragraph of a tight list item, written without <p>. */
gboolean    pn_render_in_tight_list  (cmark_node      *paragraph);
gboolean    pn_render_is_fence_line  (const char      *line,
                                      const char      *end);

/* Where @node starts in the Markdown. cmark-gfm gives autolinks no position
 * (or one counted from the paragraph's start): those are found in the source. */
void        pn_render_locate         (PnRenderContext *ctx,
                                      cmark_node      *node,
                                      int             *line,
                                      int             *column);

/* Before parsing (pn-render-bounds.c, pn-render-tables.c): the Markdown the
 * parser may be given, or NULL when @markdown can go as it is. */
char       *pn_render_bound_markdown (PnRenderContext *ctx,
                                      const char      *markdown);
char       *pn_render_escape_wide_table_rows (PnRenderContext *ctx,
                                              const char      *markdown);

/* The passes, in the order of the default pipeline. */
void pn_render_pass_restore_raw   (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_cap_tables    (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_sanitize      (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_attributions  (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_media         (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_links         (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_headings      (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_anchors       (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_glossary    (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_typography    (PnRenderContext *ctx, cmark_node *root, gpointer data);
void pn_render_pass_block_ids     (PnRenderContext *ctx, cmark_node *root, gpointer data);

/* Another last step than the HTML writer's: what it makes of the cleaned tree. */
typedef void (*PnRenderWriteFunc) (PnRenderContext *ctx,
                                   cmark_node      *root,
                                   gpointer         user_data);

/* Runs the passes of @self over the Markdown of @doc (which may be a document
 * made for the occasion: a glossary explanation) and hands the cleaned tree to
 * @write; the passes' diagnostics, in reading order, are appended to
 * @diagnostics (may be NULL). */
void        pn_render_pipeline_run_tree (PnRenderPipeline  *self,
                                         PnPack            *pack,
                                         PnDocument        *doc,
                                         PnRenderWriteFunc  write,
                                         gpointer           user_data,
                                         GPtrArray         *diagnostics);

/* The last step (pn-render-html.c): HTML and plain text of the cleaned tree.
 * @blocks receives PnTextBlock elements. */
void        pn_render_write_body     (PnRenderContext *ctx,
                                      cmark_node      *root,
                                      GString         *html,
                                      GString         *text,
                                      GPtrArray       *blocks);

/* pn-render.c: the whole page around @body (the article), or around the
 * explanation of why the document could not be read when @body is NULL. */
char       *pn_render_wrap_page      (PnRenderContext *ctx,
                                      const char      *body);

G_END_DECLS
