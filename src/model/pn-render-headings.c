/* pn-render-headings.c: the headings pass: unique ids from the heading text; #anchor checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-diagnostic.h"
#include "pn-render-private.h"

static char *
slugify (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);
  gboolean pending_dash = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          pending_dash = FALSE;
        }
      else if (*p != '\'')
        {
          pending_dash = TRUE;
        }
    }

  if (slug->len == 0)
    g_string_append (slug, "section");

  /* Footnotes use fn-N and fnref-N. */
  if (g_str_has_prefix (slug->str, "fn-") || g_str_has_prefix (slug->str, "fnref-"))
    g_string_prepend (slug, "section-");

  return g_string_free (slug, FALSE);
}

static char *
unique_heading_id (PnRenderContext *ctx,
                   const char *text)
{
  g_autofree char *base = slugify (text);
  char *id = g_strdup (base);
  guint n;

  /* Each slug remembers the next number to try, so that many headings
   * with the same text cost no more than distinct ones. Numbers below it
   * are all taken (ids are never given back), and a number is only skipped
   * when another heading took it explicitly ("a-2"), once. */
  n = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->heading_counters, base));
  if (n == 0)
    n = 2;

  while (g_hash_table_contains (ctx->heading_ids, id))
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
      n++;
    }

  g_hash_table_insert (ctx->heading_counters, g_steal_pointer (&base), GUINT_TO_POINTER (n));
  g_hash_table_add (ctx->heading_ids, g_strdup (id));

  return id;
}

/* @text as a reader compares titles: case, spacing, apostrophes and the
 * encoding of accents aside. */
static char *
comparable (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = normal; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (c == 0x2019 || c == 0x2018)
        c = '\'';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* A first-level heading that says the document's title again: the header
 * above the text shows the title already. */
static void
warn_repeated_title (PnRenderContext *ctx,
                     cmark_node      *heading,
                     const char      *text)
{
  g_autofree char *title = NULL;
  g_autofree char *heading_text = NULL;

  if (ctx->document == NULL || cmark_node_get_heading_level (heading) != 1)
    return;

  title = comparable (pn_document_get_title (ctx->document));
  heading_text = comparable (text);
  if (g_str_equal (title, heading_text))
    pn_render_warn (ctx, heading, "%s",
                    _("this heading repeats the document's title, which the reader shows above the "
                      "text already: remove it, or start the text with a heading of its own"));
}

void
pn_render_pass_headings (PnRenderContext *ctx,
                         cmark_node      *root,
                         gpointer         data)
{
  g_autoptr(GPtrArray) headings = pn_render_collect (root, CMARK_NODE_HEADING);

  for (guint i = 0; i < headings->len; i++)
    {
      cmark_node *heading = g_ptr_array_index (headings, i);
      g_autofree char *text = pn_render_node_text (heading);
      PnNodeData *node_data = pn_render_node_data (heading);

      g_free (node_data->id);
      node_data->id = unique_heading_id (ctx, text);
      warn_repeated_title (ctx, heading, text);
    }
}

void
pn_render_pass_anchors (PnRenderContext *ctx,
                        cmark_node      *root,
                        gpointer         data)
{
  for (guint i = 0; i < ctx->anchor_links->len; i++)
    {
      PnAnchorLink *link = g_ptr_array_index (ctx->anchor_links, i);

      if (g_hash_table_contains (ctx->heading_ids, link->anchor) ||
          g_str_has_prefix (link->anchor, "fn-") || g_str_has_prefix (link->anchor, "fnref-"))
        continue;

      pn_diagnostics_addf (ctx->diagnostics, PN_SEVERITY_WARNING, ctx->file, link->line, link->column,
                           _("no heading has the id '%s' in this document"), link->anchor);
    }
}

