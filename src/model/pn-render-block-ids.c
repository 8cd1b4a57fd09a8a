/* pn-render-block-ids.c: the block ids pass
 *
 * Every block the reader keeps a place in gets an id, in reading order:
 * paragraphs and list items p_1, p_2… (the reading position is kept by them,
 * and later the student's notes), quotations q_N, table cells t_N, footnotes
 * fn-N (N their number). Headings already have theirs. Heading slugs never
 * hold '_', and never start with "fn-", so no id is given twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-render-private.h"

static void
give_id (cmark_node *node,
         const char *prefix,
         guint      *counter)
{
  PnNodeData *data = pn_render_node_data (node);

  g_free (data->id);
  data->id = g_strdup_printf ("%s%u", prefix, ++*counter);
}

void
pn_render_pass_block_ids (PnRenderContext *ctx,
                          cmark_node      *root,
                          gpointer         data)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  guint blocks = 0;
  guint quotes = 0;
  guint cells = 0;
  guint footnotes = 0;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event != CMARK_EVENT_ENTER)
        continue;

      if ((type == CMARK_NODE_PARAGRAPH && !pn_render_in_tight_list (node)) || type == CMARK_NODE_ITEM)
        give_id (node, "p_", &blocks);
      else if (type == CMARK_NODE_BLOCK_QUOTE)
        give_id (node, "q_", &quotes);
      else if (type == CMARK_NODE_FOOTNOTE_DEFINITION)
        give_id (node, "fn-", &footnotes);
      else if (pn_render_is_table_cell (node))
        give_id (node, "t_", &cells);
    }

  cmark_iter_free (iter);
}
