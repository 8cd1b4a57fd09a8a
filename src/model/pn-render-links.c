/* pn-render-links.c: the links pass: every link rebuilt from a vetted address
 *
 * Pack links (source:, glossary:, doc:), http(s) and mailto: addresses and
 * #anchors become markup written here; anything else keeps only its text.
 * A nolink: link ([texte](nolink:)) is plain text that the glossary linker
 * leaves alone; a glossary: link is an occurrence of its entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-diagnostic.h"
#include "pn-pack-uri.h"
#include "pn-render-private.h"

static void
warn_link (PnRenderContext *ctx,
           cmark_node      *link,
           const char      *format,
           ...) G_GNUC_PRINTF (3, 4);

static void
warn_link (PnRenderContext *ctx,
           cmark_node      *link,
           const char      *format,
           ...)
{
  const int *location = g_hash_table_lookup (ctx->located, link);
  va_list args;

  va_start (args, format);
  pn_diagnostics_addv (ctx->diagnostics, PN_SEVERITY_WARNING, ctx->file,
                       location != NULL ? location[0] : 0, location != NULL ? location[1] : 0,
                       format, args);
  va_end (args);
}

static char *
title_attribute (cmark_node *link)
{
  const char *title = cmark_node_get_title (link);
  g_autofree char *escaped = NULL;

  if (title == NULL || title[0] == '\0')
    return g_strdup ("");

  escaped = pn_render_escape (title);

  return g_strdup_printf (" title=\"%s\"", escaped);
}

/* <a@before href="@href"@after title="…">, around the link's text; @before
 * and @after are safe markup, @href is escaped here. Returns the opening node. */
static cmark_node *
wrap_in_anchor (PnRenderContext *ctx,
                cmark_node      *link,
                const char      *before,
                const char      *href,
                const char      *after)
{
  g_autofree char *escaped = pn_render_escape (href);
  g_autofree char *title = title_attribute (link);
  g_autofree char *on_enter = g_strdup_printf ("<a%s href=\"%s\"%s%s>", before, escaped, after, title);

  return pn_render_wrap_inline (ctx, link, on_enter, "</a>");
}

static cmark_node *
make_pack_link (PnRenderContext *ctx,
                cmark_node *link,
                const char *class_name,
                const char *data_name,
                const char *data_value,
                const char *uri)
{
  g_autofree char *value = pn_render_escape (data_value);
  g_autofree char *attributes = g_strdup_printf (" class=\"%s\" data-%s=\"%s\"", class_name, data_name, value);

  return wrap_in_anchor (ctx, link, attributes, uri, "");
}

static void
make_unresolved (PnRenderContext *ctx,
                 cmark_node *link)
{
  pn_render_wrap_inline (ctx, link, "<span class=\"pn-unresolved\">", "</span>");
}

static void
link_source (PnRenderContext *ctx,
             cmark_node *link,
             const char *id)
{
  g_autofree char *uri = NULL;

  if (pn_pack_get_source (ctx->pack, id) == NULL)
    {
      warn_link (ctx, link, _("unknown source '%s'; the link was left out (its text is kept)"), id);
      make_unresolved (ctx, link);
      return;
    }

  uri = pn_pack_uri_for_source (pn_pack_get_id (ctx->pack), id);
  make_pack_link (ctx, link, "pn-cite", "source", id, uri);
}

static gboolean
is_plain_id (const char *id)
{
  return g_regex_match_simple ("^[A-Za-z0-9][A-Za-z0-9._:-]*$", id, G_REGEX_DOLLAR_ENDONLY, 0);
}

static void
link_glossary (PnRenderContext *ctx,
               cmark_node *link,
               const char *id)
{
  g_autofree char *uri = NULL;
  g_autofree char *entry_id = NULL;
  PnGlossary *glossary = pn_pack_get_glossary (ctx->pack);
  cmark_node *open;

  if (pn_pack_get_glossary_file (ctx->pack) == NULL)
    {
      warn_link (ctx, link, _("glossary link '%s' but the pack has no glossary; the link was left "
                              "out (its text is kept)"), id);
      make_unresolved (ctx, link);
      return;
    }

  if (!is_plain_id (id))
    {
      warn_link (ctx, link, _("'%s' is not a glossary entry id; the link was left out (its text "
                              "is kept)"), id);
      make_unresolved (ctx, link);
      return;
    }

  if (glossary != NULL && pn_glossary_lookup (glossary, id) == NULL)
    {
      warn_link (ctx, link, _("unknown glossary entry '%s'; the link was left out (its text is kept)"), id);
      make_unresolved (ctx, link);
      return;
    }

  /* @id lives in @link, which goes. */
  entry_id = g_strdup (id);
  uri = pn_pack_uri_for_glossary (pn_pack_get_id (ctx->pack), entry_id);
  open = make_pack_link (ctx, link, "pn-term", "glossary", entry_id, uri);
  if (open != NULL)
    {
      cmark_node *close = NULL;

      /* The pair's other end: the next node of ours in the zones. */
      for (cmark_node *node = cmark_node_next (open); node != NULL; node = cmark_node_next (node))
        {
          if (GPOINTER_TO_INT (g_hash_table_lookup (ctx->inline_zones, node)) == -1)
            {
              close = node;
              break;
            }
          if (g_hash_table_contains (ctx->inline_zones, node))
            break;
        }
      if (close != NULL)
        pn_render_mark_term (ctx, open, close, entry_id, TRUE);
    }
}

static void
link_document (PnRenderContext *ctx,
               cmark_node *link,
               const char *target)
{
  g_auto(GStrv) parts = g_strsplit (target, "#", 2);
  const char *id = parts[0];
  const char *anchor = parts[0] != NULL ? parts[1] : NULL;
  g_autofree char *uri = NULL;

  if (id == NULL || pn_pack_get_document (ctx->pack, id) == NULL)
    {
      warn_link (ctx, link, _("unknown document '%s'; the link was left out (its text is kept)"),
            id != NULL ? id : "");
      make_unresolved (ctx, link);
      return;
    }

  if (anchor != NULL && anchor[0] != '\0')
    {
      const int *location = g_hash_table_lookup (ctx->located, link);

      g_ptr_array_add (ctx->doc_links, pn_doc_link_new (id, anchor, location != NULL ? location[0] : 0,
                                                        location != NULL ? location[1] : 0));
    }

  uri = pn_pack_uri_for_document (pn_pack_get_id (ctx->pack), id, anchor);
  make_pack_link (ctx, link, "pn-doc-link", "doc", id, uri);
}

static gboolean
is_valid_external (const char *url,
                   const char *scheme)
{
  g_autoptr(GUri) uri = NULL;

  for (const char *p = url; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p) || *p == ' ' || *p == '"' || *p == '<' || *p == '>')
        return FALSE;
    }

  if (g_str_equal (scheme, "mailto"))
    return url[strlen ("mailto:")] != '\0';

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

static void
link_external (PnRenderContext *ctx,
               cmark_node *link,
               const char *url,
               const char *scheme)
{
  if (!is_valid_external (url, scheme))
    {
      warn_link (ctx, link, _("'%s' is not a valid address; the link was left out (its text is kept)"),
            url);
      pn_render_unwrap (link);
      return;
    }

  wrap_in_anchor (ctx, link, " class=\"pn-external\"", url, " rel=\"noreferrer\"");
}

static void
link_anchor (PnRenderContext *ctx,
             cmark_node *link,
             const char *anchor)
{
  g_autofree char *href = NULL;
  PnAnchorLink *anchor_link;
  const int *location;

  if (anchor[0] == '\0')
    {
      warn_link (ctx, link, "%s", _("link to '#' leads nowhere; the link was left out (its text is kept)"));
      pn_render_unwrap (link);
      return;
    }

  anchor_link = g_new0 (PnAnchorLink, 1);
  anchor_link->anchor = g_strdup (anchor);
  location = g_hash_table_lookup (ctx->located, link);
  anchor_link->line = location != NULL ? location[0] : 0;
  anchor_link->column = location != NULL ? location[1] : 0;
  g_ptr_array_add (ctx->anchor_links, anchor_link);

  href = g_strconcat ("#", anchor, NULL);
  wrap_in_anchor (ctx, link, "", href, "");
}

static void
rewrite_link (PnRenderContext *ctx,
              cmark_node *link)
{
  const char *url = cmark_node_get_url (link);
  const char *scheme;
  const char *rest;

  if (url == NULL)
    url = "";

  if (url[0] == '#')
    {
      link_anchor (ctx, link, url + 1);
      return;
    }

  scheme = g_uri_peek_scheme (url);   /* lowercase */
  if (scheme == NULL)
    {
      warn_link (ctx, link, _("link to '%s' was left out (its text is kept): links may point to "
                              "source:, glossary: and doc: ids, http(s) and mailto: addresses and "
                              "#anchors"), url);
      pn_render_unwrap (link);
      return;
    }

  rest = url + strlen (scheme) + 1;
  if (g_str_equal (scheme, "source"))
    link_source (ctx, link, rest);
  else if (g_str_equal (scheme, "glossary"))
    link_glossary (ctx, link, rest);
  else if (g_str_equal (scheme, "doc"))
    link_document (ctx, link, rest);
  else if (g_str_equal (scheme, "nolink"))
    pn_render_wrap_inline (ctx, link, "", "");
  else if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") ||
           g_str_equal (scheme, "mailto"))
    link_external (ctx, link, url, scheme);
  else
    {
      warn_link (ctx, link, _("links to '%s:' addresses are not allowed; the link was left out "
                              "(its text is kept)"), scheme);
      pn_render_unwrap (link);
    }
}

void
pn_render_pass_links (PnRenderContext *ctx,
                      cmark_node      *root,
                      gpointer         data)
{
  g_autoptr(GPtrArray) links = pn_render_collect (root, CMARK_NODE_LINK);

  /* Where each link is, before any is rewritten (in order: see pn-render-locate.c). */
  ctx->located = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < links->len; i++)
    {
      cmark_node *link = g_ptr_array_index (links, i);
      int *location = g_new (int, 2);

      pn_render_locate (ctx, link, &location[0], &location[1]);
      g_hash_table_insert (ctx->located, link, location);
    }

  for (guint i = 0; i < links->len; i++)
    rewrite_link (ctx, g_ptr_array_index (links, i));
  g_clear_pointer (&ctx->located, g_hash_table_unref);

  cmark_consolidate_text_nodes (root);
}
