/* pn-render-quotes.c: the quotes pass: a quotation's last "— Author" paragraph as its attribution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-render-private.h"

#define ATTRIBUTION_DASH "\xe2\x80\x94"   /* U+2014 EM DASH */

static gboolean
starts_with_attribution_dash (cmark_node *paragraph)
{
  cmark_node *first = cmark_node_first_child (paragraph);
  const char *text;

  if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_TEXT)
    return FALSE;

  text = cmark_node_get_literal (first);

  return text != NULL &&
         (g_str_has_prefix (text, ATTRIBUTION_DASH " ") ||
          g_str_has_prefix (text, ATTRIBUTION_DASH PN_NBSP) ||
          g_str_has_prefix (text, ATTRIBUTION_DASH PN_NNBSP));
}

/* The first known source linked in @node, or NULL. */
static const char *
linked_source (PnRenderContext *ctx,
               cmark_node *node)
{
  g_autoptr(GPtrArray) links = pn_render_collect (node, CMARK_NODE_LINK);

  for (guint i = 0; i < links->len; i++)
    {
      const char *url = cmark_node_get_url (g_ptr_array_index (links, i));
      const char *scheme = url != NULL ? g_uri_peek_scheme (url) : NULL;

      if (scheme != NULL && g_str_equal (scheme, "source"))
        {
          const PnSource *source = pn_pack_get_source (ctx->pack, url + strlen ("source:"));

          if (source != NULL)
            return source->id;
        }
    }

  return NULL;
}

static void
mark_attribution (PnRenderContext *ctx,
                  cmark_node *quote)
{
  cmark_node *last = cmark_node_last_child (quote);
  cmark_node *footer;
  const char *source_id;

  if (last == NULL || cmark_node_get_type (last) != CMARK_NODE_PARAGRAPH ||
      cmark_node_previous (last) == NULL || !starts_with_attribution_dash (last))
    return;

  source_id = linked_source (ctx, last);

  footer = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter (footer, "<footer class=\"pn-attribution\">");
  cmark_node_set_on_exit (footer, "</footer>");
  if (!cmark_node_insert_before (last, footer))
    {
      cmark_node_free (footer);
      return;
    }
  cmark_node_append_child (footer, last);

  if (source_id != NULL)
    {
      g_autofree char *escaped = pn_render_escape (source_id);
      PnNodeData *data = pn_render_node_data (quote);

      g_free (data->attributes);
      data->attributes = g_strdup_printf (" data-source=\"%s\"", escaped);
    }
}

void
pn_render_pass_attributions (PnRenderContext *ctx,
                             cmark_node      *root,
                             gpointer         data)
{
  g_autoptr(GPtrArray) quotes = pn_render_collect (root, CMARK_NODE_BLOCK_QUOTE);

  for (guint i = 0; i < quotes->len; i++)
    mark_attribution (ctx, g_ptr_array_index (quotes, i));
}

