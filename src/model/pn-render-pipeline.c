/* pn-render-pipeline.c: the ordered passes that turn a document into a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cmark-gfm-core-extensions.h>

#include "pn-diagnostic.h"
#include "pn-render-pipeline.h"
#include "pn-render-private.h"
#include "pn-text.h"

#define PARSE_OPTIONS (CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)

typedef struct {
  PnRenderSlot slot;
  char *name;
  PnRenderPassFunc func;
  gpointer user_data;
  GDestroyNotify destroy;
} Pass;

struct _PnRenderPipeline {
  GObject parent_instance;

  GPtrArray *passes;     /* of Pass, in running order */
  GPtrArray *names;      /* NULL-terminated, for pn_render_pipeline_list() */
};

G_DEFINE_FINAL_TYPE (PnRenderPipeline, pn_render_pipeline, G_TYPE_OBJECT)

static void
pass_free (Pass *pass)
{
  if (pass->destroy != NULL)
    pass->destroy (pass->user_data);
  g_free (pass->name);
  g_free (pass);
}

static void
pn_render_pipeline_finalize (GObject *object)
{
  PnRenderPipeline *self = PN_RENDER_PIPELINE (object);

  g_ptr_array_unref (self->passes);
  g_ptr_array_unref (self->names);

  G_OBJECT_CLASS (pn_render_pipeline_parent_class)->finalize (object);
}

static void
pn_render_pipeline_class_init (PnRenderPipelineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_render_pipeline_finalize;

  /* Once, under the type system's lock: cmark-gfm's registry takes none,
   * and pages may be rendered from several threads. */
  cmark_gfm_core_extensions_ensure_registered ();
}

static void
pn_render_pipeline_init (PnRenderPipeline *self)
{
  self->passes = g_ptr_array_new_with_free_func ((GDestroyNotify) pass_free);
  self->names = g_ptr_array_new ();
  g_ptr_array_add (self->names, NULL);
}

void
pn_render_pipeline_add (PnRenderPipeline *self,
                        PnRenderSlot      slot,
                        const char       *name,
                        PnRenderPassFunc  func,
                        gpointer          user_data,
                        GDestroyNotify    destroy)
{
  Pass *pass;
  guint at = 0;

  g_return_if_fail (PN_IS_RENDER_PIPELINE (self));
  g_return_if_fail (slot < PN_RENDER_N_SLOTS);
  g_return_if_fail (name != NULL && func != NULL);

  pass = g_new0 (Pass, 1);
  pass->slot = slot;
  pass->name = g_strdup (name);
  pass->func = func;
  pass->user_data = user_data;
  pass->destroy = destroy;

  /* After every pass of the same or an earlier slot. */
  while (at < self->passes->len && ((Pass *) g_ptr_array_index (self->passes, at))->slot <= slot)
    at++;
  g_ptr_array_insert (self->passes, at, pass);
  g_ptr_array_insert (self->names, at, pass->name);
}

const char * const *
pn_render_pipeline_list (PnRenderPipeline *self)
{
  g_return_val_if_fail (PN_IS_RENDER_PIPELINE (self), NULL);

  return (const char * const *) self->names->pdata;
}

PnRenderPipeline *
pn_render_pipeline_new (void)
{
  PnRenderPipeline *self = g_object_new (PN_TYPE_RENDER_PIPELINE, NULL);

  pn_render_pipeline_add (self, PN_RENDER_SLOT_BOUNDS, "bounds", pn_render_pass_restore_raw, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_TABLES, "tables", pn_render_pass_cap_tables, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_SANITIZE, "sanitize", pn_render_pass_sanitize, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_QUOTES, "quotes", pn_render_pass_attributions, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_MEDIA, "media", pn_render_pass_media, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_LINKS, "links", pn_render_pass_links, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_HEADINGS, "headings", pn_render_pass_headings, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_HEADINGS, "anchors", pn_render_pass_anchors, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_GLOSSARY, "glossary", pn_render_pass_glossary, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_TYPOGRAPHY, "typography", pn_render_pass_typography, NULL, NULL);
  pn_render_pipeline_add (self, PN_RENDER_SLOT_BLOCK_IDS, "block-ids", pn_render_pass_block_ids, NULL, NULL);

  return self;
}

PnPack *
pn_render_context_get_pack (PnRenderContext *ctx)
{
  return ctx->pack;
}

PnDocument *
pn_render_context_get_document (PnRenderContext *ctx)
{
  return ctx->document;
}

gboolean
pn_render_context_is_french (PnRenderContext *ctx)
{
  return ctx->french;
}

gboolean
pn_render_context_insert_markup (PnRenderContext *ctx,
                                 cmark_node      *before,
                                 const char      *markup)
{
  return pn_render_insert_html (ctx, before, markup);
}

gboolean
pn_render_context_wrap_markup (PnRenderContext *ctx,
                               cmark_node      *node,
                               const char      *open,
                               const char      *close)
{
  return pn_render_insert_html (ctx, node, open) && pn_render_append_html (ctx, node, close);
}

static void
context_init (PnRenderContext    *ctx,
              PnPack             *pack,
              PnDocument         *doc,
              PnGlossaryLinkMode  mode)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->pack = pack;
  ctx->document = doc;
  ctx->file = pn_document_get_file (doc);
  ctx->language = pn_document_get_language (doc);
  ctx->french = pn_text_is_french (ctx->language);
  ctx->diagnostics = pn_diagnostics_new ();
  ctx->own_html = g_hash_table_new (NULL, NULL);
  ctx->heading_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->heading_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->anchor_links = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_render_anchor_link_free);
  ctx->doc_links = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_doc_link_free);
  ctx->warned_html_lines = g_hash_table_new (NULL, NULL);
  ctx->raw_chunks = g_ptr_array_new_with_free_func (g_free);
  ctx->raw_token = g_strdup_printf ("pnraw%08x%08x", g_random_int (), g_random_int ());
  ctx->inline_zones = g_hash_table_new (NULL, NULL);
  ctx->glossary_mode = mode;
  ctx->glossary_switches = g_array_new (FALSE, FALSE, sizeof (PnGlossarySwitch));
  ctx->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_term_occurrence_free);
}

static void
context_clear (PnRenderContext *ctx)
{
  g_clear_pointer (&ctx->diagnostics, g_ptr_array_unref);
  g_hash_table_unref (ctx->own_html);
  g_hash_table_unref (ctx->heading_ids);
  g_hash_table_unref (ctx->heading_counters);
  g_ptr_array_unref (ctx->anchor_links);
  g_clear_pointer (&ctx->doc_links, g_ptr_array_unref);
  g_hash_table_unref (ctx->warned_html_lines);
  g_ptr_array_unref (ctx->raw_chunks);
  g_free (ctx->raw_token);
  g_clear_pointer (&ctx->line_starts, g_array_unref);
  g_clear_pointer (&ctx->search_from, g_hash_table_unref);
  g_hash_table_unref (ctx->inline_zones);
  g_array_unref (ctx->glossary_switches);
  g_clear_pointer (&ctx->term_marks, g_hash_table_unref);
  g_clear_pointer (&ctx->owned_marks, g_ptr_array_unref);
  g_clear_pointer (&ctx->terms, g_ptr_array_unref);
}

static cmark_node *
parse_markdown (const char *markdown)
{
  static const char * const names[] = { "table", "strikethrough", "autolink" };
  cmark_parser *parser;
  cmark_node *root;

  parser = cmark_parser_new (PARSE_OPTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (names[i]);

      if (extension != NULL)
        cmark_parser_attach_syntax_extension (parser, extension);
    }

  cmark_parser_feed (parser, markdown, strlen (markdown));
  root = cmark_parser_finish (parser);
  cmark_parser_free (parser);

  return root;
}

/* The tree of @markdown, bounded, parsed and through every pass of @self. */
static cmark_node *
run_passes (PnRenderPipeline *self,
            PnRenderContext  *ctx,
            const char       *markdown)
{
  g_autofree char *bounded = pn_render_bound_markdown (ctx, markdown);
  g_autofree char *escaped = pn_render_escape_wide_table_rows (ctx, bounded != NULL ? bounded : markdown);
  cmark_node *root = parse_markdown (escaped != NULL ? escaped : bounded != NULL ? bounded : markdown);

  for (guint i = 0; i < self->passes->len; i++)
    {
      Pass *pass = g_ptr_array_index (self->passes, i);

      pass->func (ctx, root, pass->user_data);
    }

  return root;
}

void
pn_render_pipeline_run_tree (PnRenderPipeline  *self,
                             PnPack            *pack,
                             PnDocument        *doc,
                             PnRenderWriteFunc  write,
                             gpointer           user_data,
                             GPtrArray         *diagnostics)
{
  PnRenderContext ctx;
  cmark_node *root;

  g_return_if_fail (PN_IS_RENDER_PIPELINE (self));
  g_return_if_fail (PN_IS_PACK (pack));
  g_return_if_fail (PN_IS_DOCUMENT (doc));
  g_return_if_fail (write != NULL);

  context_init (&ctx, pack, doc, PN_GLOSSARY_LINK_NONE);
  root = run_passes (self, &ctx, pn_document_get_markdown (doc) != NULL ? pn_document_get_markdown (doc) : "");
  write (&ctx, root, user_data);
  cmark_node_free (root);

  pn_diagnostics_sort_from (ctx.diagnostics, 0);
  for (guint i = 0; diagnostics != NULL && i < ctx.diagnostics->len; i++)
    pn_diagnostics_add (diagnostics, pn_diagnostic_copy (g_ptr_array_index (ctx.diagnostics, i)));
  context_clear (&ctx);
}

PnRenderedPage *
pn_render_pipeline_run (PnRenderPipeline *self,
                        PnPack           *pack,
                        PnDocument       *doc)
{
  return pn_render_pipeline_run_full (self, pack, doc, PN_GLOSSARY_LINK_ALL);
}

PnRenderedPage *
pn_render_pipeline_run_full (PnRenderPipeline   *self,
                             PnPack             *pack,
                             PnDocument         *doc,
                             PnGlossaryLinkMode  mode)
{
  PnRenderContext ctx;
  const char *markdown;
  GString *body = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  GPtrArray *blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_block_free);
  GPtrArray *diagnostics;
  PnRenderedPage *page;
  char *html;

  g_return_val_if_fail (PN_IS_RENDER_PIPELINE (self), NULL);
  g_return_val_if_fail (PN_IS_PACK (pack), NULL);
  g_return_val_if_fail (PN_IS_DOCUMENT (doc), NULL);

  context_init (&ctx, pack, doc, mode);

  markdown = pn_document_get_markdown (doc);
  if (markdown != NULL)
    {
      cmark_node *root = run_passes (self, &ctx, markdown);

      pn_render_write_body (&ctx, root, body, text, blocks);
      cmark_node_free (root);
    }

  html = pn_render_wrap_page (&ctx, markdown != NULL ? body->str : NULL);
  g_string_free (body, TRUE);

  /* In reading order, as a teacher fixes them. */
  diagnostics = g_steal_pointer (&ctx.diagnostics);
  pn_diagnostics_sort_from (diagnostics, 0);
  page = pn_rendered_page_new (html, g_string_free (text, FALSE), blocks, diagnostics);
  pn_rendered_page_set_terms (page, g_steal_pointer (&ctx.terms));
  pn_rendered_page_set_anchors (page, g_hash_table_ref (ctx.heading_ids), g_steal_pointer (&ctx.doc_links));
  context_clear (&ctx);

  return page;
}
