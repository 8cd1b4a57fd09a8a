/* pn-render-locate.c: where a node starts in the Markdown
 *
 * cmark-gfm's autolink extension gives the links it finds after "://" no
 * position at all, and the "www." ones a column counted from the start of
 * the paragraph's text. A link whose text is its address (an autolink) is
 * looked for in the lines of its block instead, each block's autolinks in
 * order, so that a warning names the line and column a teacher can find.
 * Every link of the document goes through here, in order: a written link
 * moves the search past itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-render-private.h"

static gboolean
is_autolink (cmark_node  *link,
             const char **text)
{
  cmark_node *child = cmark_node_first_child (link);
  const char *url = cmark_node_get_url (link);
  const char *literal;

  if (cmark_node_get_type (link) != CMARK_NODE_LINK || child == NULL || cmark_node_next (child) != NULL ||
      cmark_node_get_type (child) != CMARK_NODE_TEXT || url == NULL)
    return FALSE;

  literal = cmark_node_get_literal (child);
  if (literal == NULL || literal[0] == '\0')
    return FALSE;
  *text = literal;

  return g_str_equal (url, literal) ||
         (g_str_has_prefix (url, "http://") && g_str_equal (url + strlen ("http://"), literal)) ||
         (g_str_has_prefix (url, "mailto:") && g_str_equal (url + strlen ("mailto:"), literal));
}

static cmark_node *
enclosing_block (cmark_node *node)
{
  for (cmark_node *p = cmark_node_parent (node); p != NULL; p = cmark_node_parent (p))
    {
      if ((cmark_node_get_type (p) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK &&
          cmark_node_get_start_line (p) > 0)
        return p;
    }

  return NULL;
}

static void
build_line_starts (PnRenderContext *ctx,
                   const char      *markdown)
{
  ctx->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  ctx->search_from = g_hash_table_new (NULL, NULL);

  g_array_append_val (ctx->line_starts, (gsize) { 0 });
  for (const char *p = markdown; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          gsize start = p + 1 - markdown;

          g_array_append_val (ctx->line_starts, start);
        }
    }
}

void
pn_render_locate (PnRenderContext *ctx,
                  cmark_node      *node,
                  int             *line,
                  int             *column)
{
  const char *markdown = pn_document_get_markdown (ctx->document);
  const char *text = NULL;
  cmark_node *block;
  gsize from, end;
  const char *found;

  *line = cmark_node_get_start_line (node);
  *column = cmark_node_get_start_column (node);

  if (markdown == NULL || (block = enclosing_block (node)) == NULL)
    return;

  if (ctx->line_starts == NULL)
    build_line_starts (ctx, markdown);
  if (cmark_node_get_start_line (block) > (int) ctx->line_starts->len ||
      *line > (int) ctx->line_starts->len)
    return;

  /* A link written [so](…) or <so> has its place: the next autolink of the
   * block is after it. */
  if (*line > 0 && *column > 0 && cmark_node_get_end_line (node) > 0 &&
      cmark_node_get_end_line (node) <= (int) ctx->line_starts->len)
    {
      gsize start = g_array_index (ctx->line_starts, gsize, *line - 1) + *column - 1;

      if (start < strlen (markdown) && (markdown[start] == '[' || markdown[start] == '<'))
        {
          gsize after = g_array_index (ctx->line_starts, gsize, cmark_node_get_end_line (node) - 1) +
                        cmark_node_get_end_column (node);

          if (after > GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->search_from, block)))
            g_hash_table_insert (ctx->search_from, block, GSIZE_TO_POINTER (after));
          return;
        }
    }

  if (!is_autolink (node, &text))
    return;

  /* From the block's start, or just after its previous autolink. */
  *line = cmark_node_get_start_line (block);
  *column = cmark_node_get_start_column (block);
  from = GPOINTER_TO_SIZE (g_hash_table_lookup (ctx->search_from, block));
  if (from == 0)
    from = g_array_index (ctx->line_starts, gsize, *line - 1);
  end = cmark_node_get_end_line (block) < (int) ctx->line_starts->len
          ? g_array_index (ctx->line_starts, gsize, cmark_node_get_end_line (block))
          : strlen (markdown);

  found = from < end ? g_strstr_len (markdown + from, end - from, text) : NULL;
  if (found == NULL)
    {
      /* Not as written (an entity in it?): the rest of the block is not
       * searched again, so that each byte is looked at once. */
      g_hash_table_insert (ctx->search_from, block, GSIZE_TO_POINTER (end));
      return;
    }
  g_hash_table_insert (ctx->search_from, block, GSIZE_TO_POINTER (found + strlen (text) - markdown));

  /* The line holding @found: the last one starting at or before it. */
  {
    gsize offset = found - markdown;
    guint low = *line - 1;
    guint high = ctx->line_starts->len;

    while (high - low > 1)
      {
        guint middle = low + (high - low) / 2;

        if (g_array_index (ctx->line_starts, gsize, middle) <= offset)
          low = middle;
        else
          high = middle;
      }
    *line = low + 1;
    *column = offset - g_array_index (ctx->line_starts, gsize, low) + 1;
  }
}
