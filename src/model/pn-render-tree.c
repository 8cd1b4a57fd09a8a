/* pn-render-tree.c: the cmark-gfm tree helpers the render passes share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-diagnostic.h"
#include "pn-render-private.h"

void
pn_render_warn_at (PnRenderContext *ctx,
                   int              line,
                   int              column,
                   const char      *message)
{
  pn_diagnostics_addf (ctx->diagnostics, PN_SEVERITY_WARNING, ctx->file, line, column, "%s", message);
}

void
pn_render_warn (PnRenderContext *ctx,
                cmark_node      *node,
                const char      *format,
                ...)
{
  va_list args;

  va_start (args, format);
  pn_diagnostics_addv (ctx->diagnostics, PN_SEVERITY_WARNING, ctx->file,
                       cmark_node_get_start_line (node), cmark_node_get_start_column (node),
                       format, args);
  va_end (args);
}

void
pn_render_anchor_link_free (PnAnchorLink *link)
{
  g_free (link->anchor);
  g_free (link);
}

static void
node_data_free (cmark_mem *mem,
                void      *user_data)
{
  PnNodeData *data = user_data;

  g_free (data->id);
  g_free (data->attributes);
  if (data->keep_whole != NULL)
    g_array_unref (data->keep_whole);
  if (data->terms != NULL)
    g_array_unref (data->terms);
  g_free (data);
}

PnNodeData *
pn_render_node_peek_data (cmark_node *node)
{
  return cmark_node_get_user_data (node);
}

PnNodeData *
pn_render_node_data (cmark_node *node)
{
  PnNodeData *data = cmark_node_get_user_data (node);

  if (data == NULL)
    {
      data = g_new0 (PnNodeData, 1);
      cmark_node_set_user_data (node, data);
      cmark_node_set_user_data_free_func (node, node_data_free);
    }

  return data;
}

GPtrArray *
pn_render_collect (cmark_node      *root,
                   cmark_node_type  type)
{
  GPtrArray *nodes = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == type)
        g_ptr_array_add (nodes, node);
    }

  cmark_iter_free (iter);

  return nodes;
}

static gboolean
add_html (PnRenderContext *ctx,
          cmark_node      *next_to,
          gboolean         after,
          const char      *markup)
{
  cmark_node *html = cmark_node_new (CMARK_NODE_HTML_INLINE);

  cmark_node_set_literal (html, markup);
  if (!(after ? cmark_node_insert_after (next_to, html) : cmark_node_insert_before (next_to, html)))
    {
      cmark_node_free (html);
      return FALSE;
    }

  g_hash_table_add (ctx->own_html, html);

  return TRUE;
}

gboolean
pn_render_insert_html (PnRenderContext *ctx,
                       cmark_node      *before,
                       const char      *markup)
{
  return add_html (ctx, before, FALSE, markup);
}

gboolean
pn_render_append_html (PnRenderContext *ctx,
                       cmark_node      *after,
                       const char      *markup)
{
  return add_html (ctx, after, TRUE, markup);
}

/* Keeps the children of @node (a link's text, an image's description) in its place. */
void
pn_render_unwrap (cmark_node *node)
{
  cmark_node *child;

  while ((child = cmark_node_first_child (node)) != NULL)
    cmark_node_insert_before (node, child);

  cmark_node_free (node);
}

/* Replaces the inline @node by its children between @open and @close,
 * which must already be safe HTML. */
cmark_node *
pn_render_wrap_inline (PnRenderContext *ctx,
                       cmark_node      *node,
                       const char      *open,
                       const char      *close)
{
  cmark_node *child;
  cmark_node *open_node;
  cmark_node *close_node = NULL;

  if (!pn_render_insert_html (ctx, node, open))
    {
      pn_render_unwrap (node);
      return NULL;
    }
  open_node = cmark_node_previous (node);

  while ((child = cmark_node_first_child (node)) != NULL)
    cmark_node_insert_before (node, child);

  if (pn_render_insert_html (ctx, node, close))
    close_node = cmark_node_previous (node);
  cmark_node_free (node);

  g_hash_table_insert (ctx->inline_zones, open_node, GINT_TO_POINTER (1));
  if (close_node != NULL)
    g_hash_table_insert (ctx->inline_zones, close_node, GINT_TO_POINTER (-1));

  return open_node;
}

/* The end of every occurrence: one mark for all. */
static PnTermMark closing_mark = { NULL, NULL, FALSE, FALSE };

const PnTermMark *
pn_render_term_end (void)
{
  return &closing_mark;
}

const PnTermMark *
pn_render_new_term_mark (PnRenderContext *ctx,
                         const char      *entry_id,
                         const char      *markup,
                         gboolean         linked)
{
  gsize length = strlen (entry_id);
  PnTermMark *mark = g_malloc (sizeof (PnTermMark) + length + 1);

  if (ctx->owned_marks == NULL)
    ctx->owned_marks = g_ptr_array_new_with_free_func (g_free);
  mark->entry_id = memcpy ((char *) (mark + 1), entry_id, length + 1);
  mark->markup = markup;
  mark->linked = linked;
  mark->opening = TRUE;
  g_ptr_array_add (ctx->owned_marks, mark);

  return mark;
}

void
pn_render_add_term_point (cmark_node       *node,
                          guint             offset,
                          const PnTermMark *mark)
{
  PnNodeData *data = pn_render_node_data (node);
  PnTermPoint point = { offset, mark };

  if (data->terms == NULL)
    data->terms = g_array_new (FALSE, FALSE, sizeof (PnTermPoint));
  g_array_append_val (data->terms, point);
}

static void
term_mark_free (PnTermMark *mark)
{
  if (mark != &closing_mark)
    g_free (mark);
}

void
pn_render_mark_term (PnRenderContext *ctx,
                     cmark_node      *open,
                     cmark_node      *close,
                     const char      *entry_id,
                     gboolean         linked)
{
  gsize length = strlen (entry_id);
  /* The id right after the mark, in one block. */
  PnTermMark *start = g_malloc (sizeof (PnTermMark) + length + 1);

  if (ctx->term_marks == NULL)
    ctx->term_marks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) term_mark_free);

  start->entry_id = memcpy ((char *) (start + 1), entry_id, length + 1);
  start->markup = NULL;
  start->linked = linked;
  start->opening = TRUE;
  g_hash_table_insert (ctx->term_marks, open, start);
  g_hash_table_insert (ctx->term_marks, close, &closing_mark);
}

/* The plain text of @root: text and code, a space for each line break;
 * markup (ours or not) is not text. */
char *
pn_render_node_text (cmark_node *root)
{
  GString *text = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event != CMARK_EVENT_ENTER)
        continue;
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
        g_string_append (text, cmark_node_get_literal (node));
      else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        g_string_append_c (text, ' ');
    }

  cmark_iter_free (iter);

  return g_string_free (text, FALSE);
}

char *
pn_render_escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static gboolean
has_type_string (cmark_node *node,
                 const char *name)
{
  const char *type = cmark_node_get_type_string (node);

  return type != NULL && g_str_equal (type, name);
}

gboolean
pn_render_is_table_row (cmark_node *node)
{
  return has_type_string (node, "table_row") || has_type_string (node, "table_header");
}

gboolean
pn_render_is_table_cell (cmark_node *node)
{
  return has_type_string (node, "table_cell");
}

gboolean
pn_render_in_tight_list (cmark_node *paragraph)
{
  cmark_node *item = cmark_node_parent (paragraph);
  cmark_node *list = item != NULL ? cmark_node_parent (item) : NULL;

  return list != NULL && cmark_node_get_type (item) == CMARK_NODE_ITEM &&
         cmark_node_get_type (list) == CMARK_NODE_LIST && cmark_node_get_list_tight (list);
}

/* A line from @line to @end that opens or closes fenced code. */
gboolean
pn_render_is_fence_line (const char *line,
                         const char *end)
{
  const char *p = line;
  guint spaces = 0;

  while (p < end && *p == ' ' && spaces < 4)
    {
      p++;
      spaces++;
    }

  return spaces < 4 && end - p >= 3 &&
         ((p[0] == '`' && p[1] == '`' && p[2] == '`') ||
          (p[0] == '~' && p[1] == '~' && p[2] == '~'));
}
