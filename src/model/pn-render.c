/* pn-render.c: a pack document as the safe HTML page the reader shows
 *
 * The Markdown is parsed by cmark-gfm (safe mode) and the tree is cleaned
 * before it is rendered:
 *  - raw HTML nodes are removed, with a warning naming the line;
 *  - every link is replaced by markup built here from a vetted address
 *    (pack links, http(s), mailto, #anchors); anything else is unwrapped;
 *  - images keep only in-pack files, addressed through the prisonnum scheme;
 *  - blockquote attributions, heading ids and French spacing are added.
 * Our own markup goes in nodes we create: CUSTOM_BLOCK nodes for blocks and
 * pairs of HTML_INLINE nodes around inline content (table cells accept no
 * CUSTOM_INLINE child), with every attribute value escaped here. Rendering
 * them needs CMARK_OPT_UNSAFE, so a last pass checks the tree first: no raw
 * HTML but ours, no link left, only image addresses we wrote. Should that
 * check ever fail, the page is rendered in cmark's safe mode instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <glib/gi18n-lib.h>

#include "pn-diagnostic.h"
#include "pn-pack-uri.h"
#include "pn-render.h"

#define NBSP "\xc2\xa0"          /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xe2\x80\xaf"     /* U+202F NARROW NO-BREAK SPACE */
#define ATTRIBUTION_DASH "\xe2\x80\x94"   /* U+2014 EM DASH */

#define PARSE_OPTIONS (CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8)
#define RENDER_OPTIONS (CMARK_OPT_FOOTNOTES)

static const char * const image_extensions[] = {
  ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", NULL
};

typedef struct {
  PnPack *pack;
  PnDocument *document;
  GPtrArray *diagnostics;
  const char *file;
  gboolean french;
  GHashTable *warned_html_lines;  /* lines already warned about raw HTML */
  GHashTable *heading_ids;        /* ids given to headings */
  GHashTable *heading_counters;   /* slug -> next number to try for it */
  GPtrArray *anchor_links;        /* of AnchorLink, checked once headings have ids */
  GHashTable *own_html;           /* HTML_INLINE nodes holding our markup */
} Renderer;

typedef struct {
  char *anchor;
  int line;
  int column;
} AnchorLink;

static void
anchor_link_free (AnchorLink *link)
{
  g_free (link->anchor);
  g_free (link);
}

static void
warn (Renderer   *renderer,
      cmark_node *node,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
warn (Renderer   *renderer,
      cmark_node *node,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  pn_diagnostics_add (renderer->diagnostics,
                      pn_diagnostic_new (PN_SEVERITY_WARNING, renderer->file,
                                         cmark_node_get_start_line (node),
                                         cmark_node_get_start_column (node),
                                         "%s", message));
}

static gboolean
language_is_french (const char *language)
{
  return language != NULL && g_ascii_strncasecmp (language, "fr", 2) == 0 &&
         (language[2] == '\0' || language[2] == '-' || language[2] == '_');
}

/* French spacing */

static gboolean
is_breaking_or_nbsp (gunichar c)
{
  return c == ' ' || c == 0x00A0;
}

char *
pn_render_french_spacing (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next_p = g_utf8_next_char (p);
      gunichar next = *next_p != '\0' ? g_utf8_get_char (next_p) : 0;

      if (is_breaking_or_nbsp (c) && next != 0 && strchr (";!?", (int) next) != NULL)
        g_string_append (out, NNBSP);
      else if (is_breaking_or_nbsp (c) && next == 0x00BB)   /* » */
        g_string_append (out, NNBSP);
      else if (c == ' ' && (next == ':' || next == '%'))
        g_string_append (out, NBSP);
      else if (c == 0x00AB && is_breaking_or_nbsp (next))  /* « */
        {
          g_string_append (out, "\xc2\xab" NNBSP);
          p = next_p;
        }
      else
        g_string_append_len (out, p, next_p - p);
    }

  return g_string_free (out, FALSE);
}

static void
apply_french_spacing (cmark_node *root)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_ENTER && cmark_node_get_type (node) == CMARK_NODE_TEXT)
        {
          g_autofree char *spaced = pn_render_french_spacing (cmark_node_get_literal (node));

          cmark_node_set_literal (node, spaced);
        }
    }

  cmark_iter_free (iter);
}

/* Tree helpers */

static GPtrArray *
collect_nodes (cmark_node      *root,
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

/* Replaces @node by a custom node holding @node's children between
 * @on_enter and @on_exit, which must already be safe HTML. */
static cmark_node *
replace_with_custom (cmark_node      *node,
                     cmark_node_type  type,
                     const char      *on_enter,
                     const char      *on_exit)
{
  cmark_node *custom = cmark_node_new (type);
  cmark_node *child;

  cmark_node_set_on_enter (custom, on_enter);
  cmark_node_set_on_exit (custom, on_exit);

  if (!cmark_node_insert_before (node, custom))
    {
      cmark_node_free (custom);
      return NULL;
    }

  while ((child = cmark_node_first_child (node)) != NULL)
    cmark_node_append_child (custom, child);

  cmark_node_free (node);

  return custom;
}

static gboolean
insert_html (Renderer   *renderer,
             cmark_node *before,
             const char *markup)
{
  cmark_node *html = cmark_node_new (CMARK_NODE_HTML_INLINE);

  cmark_node_set_literal (html, markup);
  if (!cmark_node_insert_before (before, html))
    {
      cmark_node_free (html);
      return FALSE;
    }

  g_hash_table_add (renderer->own_html, html);

  return TRUE;
}

static void unwrap (cmark_node *node);

/* Replaces the inline @node by its children between @open and @close,
 * which must already be safe HTML. */
static void
wrap_inline (Renderer   *renderer,
             cmark_node *node,
             const char *open,
             const char *close)
{
  cmark_node *child;

  if (!insert_html (renderer, node, open))
    {
      unwrap (node);
      return;
    }

  while ((child = cmark_node_first_child (node)) != NULL)
    cmark_node_insert_before (node, child);

  insert_html (renderer, node, close);
  cmark_node_free (node);
}

/* Keeps the children of @node (a link's text, an image's description) in its place. */
static void
unwrap (cmark_node *node)
{
  cmark_node *child;

  while ((child = cmark_node_first_child (node)) != NULL)
    cmark_node_insert_before (node, child);

  cmark_node_free (node);
}

static char *
node_text (cmark_node *root)
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

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* Raw HTML */

/* A lone comment is not content: it is left out silently. */
static gboolean
is_lone_comment (const char *literal)
{
  g_autofree char *text = g_strstrip (g_strdup (literal != NULL ? literal : ""));
  const char *end;

  if (!g_str_has_prefix (text, "<!--"))
    return FALSE;

  end = strstr (text + 4, "-->");

  return end != NULL && end[3] == '\0';
}

/* "<script" or "<style" opening tag: its content is code, not text. */
static const char *
raw_text_element (const char *literal)
{
  static const char * const names[] = { "script", "style", NULL };

  if (literal == NULL || literal[0] != '<')
    return NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gsize length = strlen (names[i]);

      if (g_ascii_strncasecmp (literal + 1, names[i], length) == 0 &&
          !g_ascii_isalnum (literal[1 + length]))
        return names[i];
    }

  return NULL;
}

static gboolean
is_closing_tag (const char *literal,
                const char *name)
{
  return literal != NULL && literal[0] == '<' && literal[1] == '/' &&
         g_ascii_strncasecmp (literal + 2, name, strlen (name)) == 0;
}

/* An inline <script> leaves its code as text between two raw HTML nodes:
 * that text goes too, up to the closing tag. The children of @parent, which
 * holds such an opening tag, are walked once: a node goes when a <script>
 * or <style> before it has not been closed yet. */
static void
add_inline_element_content (cmark_node *parent,
                            GHashTable *doomed)
{
  gboolean open_script = FALSE;
  gboolean open_style = FALSE;

  for (cmark_node *node = cmark_node_first_child (parent); node != NULL; node = cmark_node_next (node))
    {
      const char *literal = NULL;
      const char *name = NULL;

      if (cmark_node_get_type (node) == CMARK_NODE_HTML_INLINE)
        literal = cmark_node_get_literal (node);

      if (literal != NULL && open_script && is_closing_tag (literal, "script"))
        open_script = FALSE;
      if (literal != NULL && open_style && is_closing_tag (literal, "style"))
        open_style = FALSE;

      if (open_script || open_style)
        g_hash_table_add (doomed, node);

      name = raw_text_element (literal);
      if (name != NULL && g_str_equal (name, "script"))
        open_script = TRUE;
      else if (name != NULL && g_str_equal (name, "style"))
        open_style = TRUE;
    }
}

static gboolean
is_empty_paragraph (cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      cmark_node_type type = cmark_node_get_type (child);
      g_autofree char *text = NULL;

      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)
        continue;
      if (type != CMARK_NODE_TEXT)
        return FALSE;

      text = g_strstrip (g_strdup (cmark_node_get_literal (child)));
      if (text[0] != '\0')
        return FALSE;
    }

  return TRUE;
}

/* Unlinks every node first and frees them after, so that a node inside
 * another doomed node is never freed twice. */
static void
free_nodes (GHashTable *doomed)
{
  GHashTableIter iter;
  gpointer node;

  g_hash_table_iter_init (&iter, doomed);
  while (g_hash_table_iter_next (&iter, &node, NULL))
    cmark_node_unlink (node);

  g_hash_table_iter_init (&iter, doomed);
  while (g_hash_table_iter_next (&iter, &node, NULL))
    cmark_node_free (node);
}

static void
remove_raw_html (Renderer   *renderer,
                 cmark_node *root)
{
  g_autoptr(GHashTable) doomed = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) paragraphs = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) empty = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) raw_text_parents = g_hash_table_new (NULL, NULL);
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  GHashTableIter paragraph_iter;
  gpointer paragraph;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      cmark_node *parent = cmark_node_parent (node);
      int line = cmark_node_get_start_line (node);

      if (event != CMARK_EVENT_ENTER ||
          (type != CMARK_NODE_HTML_BLOCK && type != CMARK_NODE_HTML_INLINE))
        continue;

      if (!is_lone_comment (cmark_node_get_literal (node)) &&
          g_hash_table_add (renderer->warned_html_lines, GINT_TO_POINTER (line)))
        warn (renderer, node, "%s", _("raw HTML is not allowed; it was left out"));

      g_hash_table_add (doomed, node);
      if (type == CMARK_NODE_HTML_INLINE && parent != NULL &&
          raw_text_element (cmark_node_get_literal (node)) != NULL)
        g_hash_table_add (raw_text_parents, parent);
      if (parent != NULL && cmark_node_get_type (parent) == CMARK_NODE_PARAGRAPH)
        g_hash_table_add (paragraphs, parent);
    }
  cmark_iter_free (iter);

  g_hash_table_iter_init (&paragraph_iter, raw_text_parents);
  while (g_hash_table_iter_next (&paragraph_iter, &paragraph, NULL))
    add_inline_element_content (paragraph, doomed);

  free_nodes (doomed);

  /* A paragraph that only held raw HTML would be left as an empty <p>. */
  g_hash_table_iter_init (&paragraph_iter, paragraphs);
  while (g_hash_table_iter_next (&paragraph_iter, &paragraph, NULL))
    {
      if (is_empty_paragraph (paragraph))
        g_hash_table_add (empty, paragraph);
    }
  free_nodes (empty);
}

/* Links */

static char *
title_attribute (cmark_node *link)
{
  const char *title = cmark_node_get_title (link);
  g_autofree char *escaped = NULL;

  if (title == NULL || title[0] == '\0')
    return g_strdup ("");

  escaped = escape (title);

  return g_strdup_printf (" title=\"%s\"", escaped);
}

static void
make_pack_link (Renderer   *renderer,
                cmark_node *link,
                const char *class_name,
                const char *data_name,
                const char *data_value,
                const char *uri)
{
  g_autofree char *value = escape (data_value);
  g_autofree char *href = escape (uri);
  g_autofree char *title = title_attribute (link);
  g_autofree char *on_enter = g_strdup_printf ("<a class=\"%s\" data-%s=\"%s\" href=\"%s\"%s>",
                                               class_name, data_name, value, href, title);

  wrap_inline (renderer, link, on_enter, "</a>");
}

static void
make_unresolved (Renderer   *renderer,
                 cmark_node *link)
{
  wrap_inline (renderer, link, "<span class=\"pn-unresolved\">", "</span>");
}

static void
link_source (Renderer   *renderer,
             cmark_node *link,
             const char *id)
{
  g_autofree char *uri = NULL;

  if (pn_pack_get_source (renderer->pack, id) == NULL)
    {
      warn (renderer, link, _("unknown source '%s'; the link was left out (its text is kept)"), id);
      make_unresolved (renderer, link);
      return;
    }

  uri = pn_pack_uri_for_source (pn_pack_get_id (renderer->pack), id);
  make_pack_link (renderer, link, "pn-cite", "source", id, uri);
}

static gboolean
is_plain_id (const char *id)
{
  return g_regex_match_simple ("^[A-Za-z0-9][A-Za-z0-9._:-]*$", id, 0, 0);
}

static void
link_glossary (Renderer   *renderer,
               cmark_node *link,
               const char *id)
{
  g_autofree char *uri = NULL;

  if (pn_pack_get_glossary_file (renderer->pack) == NULL)
    {
      warn (renderer, link, _("glossary link '%s' but the pack has no glossary; the link was left "
                              "out (its text is kept)"), id);
      make_unresolved (renderer, link);
      return;
    }

  if (!is_plain_id (id))
    {
      warn (renderer, link, _("'%s' is not a glossary entry id; the link was left out (its text "
                              "is kept)"), id);
      make_unresolved (renderer, link);
      return;
    }

  uri = pn_pack_uri_for_glossary (pn_pack_get_id (renderer->pack), id);
  make_pack_link (renderer, link, "pn-term", "glossary", id, uri);
}

static void
link_document (Renderer   *renderer,
               cmark_node *link,
               const char *target)
{
  g_auto(GStrv) parts = g_strsplit (target, "#", 2);
  const char *id = parts[0];
  const char *anchor = parts[0] != NULL ? parts[1] : NULL;
  g_autofree char *uri = NULL;

  if (id == NULL || pn_pack_get_document (renderer->pack, id) == NULL)
    {
      warn (renderer, link, _("unknown document '%s'; the link was left out (its text is kept)"),
            id != NULL ? id : "");
      make_unresolved (renderer, link);
      return;
    }

  uri = pn_pack_uri_for_document (pn_pack_get_id (renderer->pack), id, anchor);
  make_pack_link (renderer, link, "pn-doc-link", "doc", id, uri);
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
link_external (Renderer   *renderer,
               cmark_node *link,
               const char *url,
               const char *scheme)
{
  g_autofree char *href = NULL;
  g_autofree char *title = NULL;
  g_autofree char *on_enter = NULL;

  if (!is_valid_external (url, scheme))
    {
      warn (renderer, link, _("'%s' is not a valid address; the link was left out (its text is kept)"),
            url);
      unwrap (link);
      return;
    }

  href = escape (url);
  title = title_attribute (link);
  on_enter = g_strdup_printf ("<a class=\"pn-external\" href=\"%s\" rel=\"noreferrer\"%s>", href, title);
  wrap_inline (renderer, link, on_enter, "</a>");
}

static void
link_anchor (Renderer   *renderer,
             cmark_node *link,
             const char *anchor)
{
  g_autofree char *href = NULL;
  g_autofree char *title = NULL;
  g_autofree char *on_enter = NULL;
  AnchorLink *anchor_link;

  if (anchor[0] == '\0')
    {
      warn (renderer, link, "%s", _("link to '#' leads nowhere; the link was left out (its text is kept)"));
      unwrap (link);
      return;
    }

  anchor_link = g_new0 (AnchorLink, 1);
  anchor_link->anchor = g_strdup (anchor);
  anchor_link->line = cmark_node_get_start_line (link);
  anchor_link->column = cmark_node_get_start_column (link);
  g_ptr_array_add (renderer->anchor_links, anchor_link);

  href = escape (anchor);
  title = title_attribute (link);
  on_enter = g_strdup_printf ("<a href=\"#%s\"%s>", href, title);
  wrap_inline (renderer, link, on_enter, "</a>");
}

static void
rewrite_link (Renderer   *renderer,
              cmark_node *link)
{
  const char *url = cmark_node_get_url (link);
  const char *scheme;
  const char *rest;

  if (url == NULL)
    url = "";

  if (url[0] == '#')
    {
      link_anchor (renderer, link, url + 1);
      return;
    }

  scheme = g_uri_peek_scheme (url);   /* lowercase */
  if (scheme == NULL)
    {
      warn (renderer, link, _("link to '%s' was left out (its text is kept): links may point to "
                              "source:, glossary: and doc: ids, http(s) and mailto: addresses and "
                              "#anchors"), url);
      unwrap (link);
      return;
    }

  rest = url + strlen (scheme) + 1;
  if (g_str_equal (scheme, "source"))
    link_source (renderer, link, rest);
  else if (g_str_equal (scheme, "glossary"))
    link_glossary (renderer, link, rest);
  else if (g_str_equal (scheme, "doc"))
    link_document (renderer, link, rest);
  else if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") ||
           g_str_equal (scheme, "mailto"))
    link_external (renderer, link, url, scheme);
  else
    {
      warn (renderer, link, _("links to '%s:' addresses are not allowed; the link was left out "
                              "(its text is kept)"), scheme);
      unwrap (link);
    }
}

static void
rewrite_links (Renderer   *renderer,
               cmark_node *root)
{
  g_autoptr(GPtrArray) links = collect_nodes (root, CMARK_NODE_LINK);

  for (guint i = 0; i < links->len; i++)
    rewrite_link (renderer, g_ptr_array_index (links, i));
}

/* Images */

static gboolean
has_image_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; image_extensions[i] != NULL; i++)
    {
      if (g_str_has_suffix (lower, image_extensions[i]))
        return TRUE;
    }

  return FALSE;
}

/* The in-pack file an image points to, as a path relative to the pack root;
 * NULL (with a warning) when the image cannot be shown. */
static char *
image_path (Renderer   *renderer,
            cmark_node *image)
{
  const char *url = cmark_node_get_url (image);
  const char *scheme;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (url == NULL || url[0] == '\0')
    {
      warn (renderer, image, "%s", _("image without a file; its description is kept"));
      return NULL;
    }

  scheme = g_uri_peek_scheme (url);
  if (scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https")))
    {
      warn (renderer, image, _("remote image '%s' was left out (its description is kept): images "
                               "must be files inside the pack"), url);
      return NULL;
    }
  if (scheme != NULL || url[0] == '/')
    {
      warn (renderer, image, _("image '%s' was left out (its description is kept): images must be "
                               "files inside the pack"), url);
      return NULL;
    }

  path = g_uri_unescape_string (url, NULL);
  if (path == NULL || !has_image_extension (path))
    {
      warn (renderer, image, _("'%s' is not an image file (PNG, JPEG, GIF, WebP, SVG or AVIF); it "
                               "was left out (its description is kept)"), url);
      return NULL;
    }

  file = pn_pack_resolve (renderer->pack, path);
  if (file == NULL)
    {
      warn (renderer, image, _("image '%s' is outside the pack; it was left out (its description "
                               "is kept)"), url);
      return NULL;
    }

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    {
      warn (renderer, image, _("image file '%s' not found; its description is kept"), url);
      return NULL;
    }

  return g_steal_pointer (&path);
}

static void
rewrite_images (Renderer   *renderer,
                cmark_node *root)
{
  g_autoptr(GPtrArray) images = collect_nodes (root, CMARK_NODE_IMAGE);

  for (guint i = 0; i < images->len; i++)
    {
      cmark_node *image = g_ptr_array_index (images, i);
      g_autofree char *path = image_path (renderer, image);
      g_autofree char *uri = NULL;

      if (path == NULL)
        {
          unwrap (image);
          continue;
        }

      uri = pn_pack_uri_for_media (pn_pack_get_id (renderer->pack), path);
      cmark_node_set_url (image, uri);
    }
}

/* Blockquotes */

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
          g_str_has_prefix (text, ATTRIBUTION_DASH NBSP) ||
          g_str_has_prefix (text, ATTRIBUTION_DASH NNBSP));
}

/* The first known source linked in @node, or NULL. */
static const char *
linked_source (Renderer   *renderer,
               cmark_node *node)
{
  g_autoptr(GPtrArray) links = collect_nodes (node, CMARK_NODE_LINK);

  for (guint i = 0; i < links->len; i++)
    {
      const char *url = cmark_node_get_url (g_ptr_array_index (links, i));
      const char *scheme = url != NULL ? g_uri_peek_scheme (url) : NULL;

      if (scheme != NULL && g_str_equal (scheme, "source"))
        {
          const PnSource *source = pn_pack_get_source (renderer->pack, url + strlen ("source:"));

          if (source != NULL)
            return source->id;
        }
    }

  return NULL;
}

static void
mark_attribution (Renderer   *renderer,
                  cmark_node *quote)
{
  cmark_node *last = cmark_node_last_child (quote);
  cmark_node *footer;
  const char *source_id;

  if (last == NULL || cmark_node_get_type (last) != CMARK_NODE_PARAGRAPH ||
      cmark_node_previous (last) == NULL || !starts_with_attribution_dash (last))
    return;

  source_id = linked_source (renderer, last);

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
      g_autofree char *escaped = escape (source_id);
      g_autofree char *on_enter = g_strdup_printf ("<blockquote data-source=\"%s\">", escaped);

      replace_with_custom (quote, CMARK_NODE_CUSTOM_BLOCK, on_enter, "</blockquote>");
    }
}

static void
mark_attributions (Renderer   *renderer,
                   cmark_node *root)
{
  g_autoptr(GPtrArray) quotes = collect_nodes (root, CMARK_NODE_BLOCK_QUOTE);

  for (guint i = 0; i < quotes->len; i++)
    mark_attribution (renderer, g_ptr_array_index (quotes, i));
}

/* Headings */

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
unique_heading_id (Renderer   *renderer,
                   const char *text)
{
  g_autofree char *base = slugify (text);
  char *id = g_strdup (base);
  guint n;

  /* Each slug remembers the next number to try, so that many headings
   * with the same text cost no more than distinct ones. Numbers below it
   * are all taken (ids are never given back), and a number is only skipped
   * when another heading took it explicitly ("a-2"), once. */
  n = GPOINTER_TO_UINT (g_hash_table_lookup (renderer->heading_counters, base));
  if (n == 0)
    n = 2;

  while (g_hash_table_contains (renderer->heading_ids, id))
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
      n++;
    }

  g_hash_table_insert (renderer->heading_counters, g_steal_pointer (&base), GUINT_TO_POINTER (n));
  g_hash_table_add (renderer->heading_ids, g_strdup (id));

  return id;
}

static void
give_heading_ids (Renderer   *renderer,
                  cmark_node *root)
{
  g_autoptr(GPtrArray) headings = collect_nodes (root, CMARK_NODE_HEADING);

  for (guint i = 0; i < headings->len; i++)
    {
      cmark_node *heading = g_ptr_array_index (headings, i);
      int level = cmark_node_get_heading_level (heading);
      g_autofree char *text = node_text (heading);
      g_autofree char *id = unique_heading_id (renderer, text);
      g_autofree char *on_enter = g_strdup_printf ("<h%d id=\"%s\">", level, id);
      g_autofree char *on_exit = g_strdup_printf ("</h%d>", level);

      replace_with_custom (heading, CMARK_NODE_CUSTOM_BLOCK, on_enter, on_exit);
    }
}

static void
check_anchor_links (Renderer *renderer)
{
  for (guint i = 0; i < renderer->anchor_links->len; i++)
    {
      AnchorLink *link = g_ptr_array_index (renderer->anchor_links, i);

      if (g_hash_table_contains (renderer->heading_ids, link->anchor) ||
          g_str_has_prefix (link->anchor, "fn-") || g_str_has_prefix (link->anchor, "fnref-"))
        continue;

      pn_diagnostics_add (renderer->diagnostics,
                          pn_diagnostic_new (PN_SEVERITY_WARNING, renderer->file,
                                             link->line, link->column,
                                             _("no heading has the id '%s' in this document"),
                                             link->anchor));
    }
}

/* Tables
 *
 * cmark-gfm's table extension is quadratic in the number of columns, and
 * every cell costs memory in the parser and in the web view: a row with
 * too many columns is shown as text (its pipes escaped before parsing),
 * and rows beyond a total number of cells are dropped after parsing. */

#define MAX_TABLE_COLUMNS 128
#define MAX_TABLE_CELLS 20000

static void
warn_at (Renderer   *renderer,
         int         line,
         int         column,
         const char *message)
{
  pn_diagnostics_add (renderer->diagnostics,
                      pn_diagnostic_new (PN_SEVERITY_WARNING, renderer->file, line, column,
                                         "%s", message));
}

static gboolean
is_fence_line (const char *line,
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

/* @markdown with a backslash before every unescaped '|' of the lines that
 * hold more than MAX_TABLE_COLUMNS of them (outside fenced code), or NULL
 * when no line does. One pass over the text. */
static char *
escape_wide_table_rows (Renderer   *renderer,
                        const char *markdown)
{
  GString *out = NULL;
  const char *line = markdown;
  gboolean in_fence = FALSE;
  int number = 1;
  gsize cells = 0;        /* cells of the rows that start with '|', so far */

  while (*line != '\0')
    {
      const char *end = line;
      const char *next;
      guint pipes = 0;
      guint backslashes = 0;

      for (; *end != '\0' && *end != '\n' && *end != '\r'; end++)
        {
          if (*end == '|' && backslashes % 2 == 0)
            pipes++;
          backslashes = *end == '\\' ? backslashes + 1 : 0;
        }
      if (end[0] == '\r' && end[1] == '\n')
        next = end + 2;
      else if (end[0] != '\0')
        next = end + 1;
      else
        next = end;

      if (is_fence_line (line, end))
        in_fence = !in_fence;

      /* Far past the cell cap applied after parsing, rows are not even given
       * to the parser, which would spend gigabytes on them. */
      if (!in_fence && pipes > 0 && line[strspn (line, " ")] == '|')
        cells += pipes;
      if (!in_fence && cells > 2 * MAX_TABLE_CELLS && line[strspn (line, " ")] == '|')
        {
          if (out == NULL)
            {
              out = g_string_sized_new (line - markdown + 1);
              g_string_append_len (out, markdown, line - markdown);
            }
          /* Silently: cap_table_cells() warns, at an earlier row. */
          line = next;
          number++;
          continue;
        }

      if (!in_fence && pipes > MAX_TABLE_COLUMNS)
        {
          if (out == NULL)
            {
              out = g_string_sized_new (strlen (markdown) + 2 * pipes);
              g_string_append_len (out, markdown, line - markdown);
            }
          warn_at (renderer, number, 1,
                   _("this table row has more than 128 columns; it is shown as text"));
          backslashes = 0;
          for (const char *p = line; p < end; p++)
            {
              if (*p == '|' && backslashes % 2 == 0)
                g_string_append_c (out, '\\');
              g_string_append_c (out, *p);
              backslashes = *p == '\\' ? backslashes + 1 : 0;
            }
          g_string_append_len (out, end, next - end);
        }
      else if (out != NULL)
        {
          g_string_append_len (out, line, next - line);
        }

      line = next;
      number++;
    }

  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

static gboolean
is_table_row (cmark_node *node)
{
  const char *type = cmark_node_get_type_string (node);

  return type != NULL && (g_str_equal (type, "table_row") || g_str_equal (type, "table_header"));
}

static gboolean
is_table_cell (cmark_node *node)
{
  const char *type = cmark_node_get_type_string (node);

  return type != NULL && g_str_equal (type, "table_cell");
}

/* Keeps the first MAX_TABLE_CELLS table cells of the document, whole rows,
 * and drops the rows after them (and the tables left without rows). */
static void
cap_table_cells (Renderer   *renderer,
                 cmark_node *root)
{
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
  g_autoptr(GPtrArray) emptied = g_ptr_array_new ();
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  gsize cells = 0;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      gsize row_cells = 0;

      if (event != CMARK_EVENT_ENTER || !is_table_row (node))
        continue;

      for (cmark_node *cell = cmark_node_first_child (node); cell != NULL; cell = cmark_node_next (cell))
        {
          if (is_table_cell (cell))
            row_cells++;
        }

      if (dropped->len > 0 || cells + row_cells > MAX_TABLE_CELLS)
        {
          g_ptr_array_add (dropped, node);
          if (cmark_node_previous (node) == NULL)
            g_ptr_array_add (emptied, cmark_node_parent (node));
        }
      else
        {
          cells += row_cells;
        }
    }
  cmark_iter_free (iter);

  if (dropped->len == 0)
    return;

  warn_at (renderer, cmark_node_get_start_line (g_ptr_array_index (dropped, 0)), 1,
           _("the document's tables hold more than 20000 cells; the rows from here on were left out"));

  for (guint i = 0; i < dropped->len; i++)
    cmark_node_free (g_ptr_array_index (dropped, i));
  for (guint i = 0; i < emptied->len; i++)
    {
      cmark_node *table = g_ptr_array_index (emptied, i);

      if (table != NULL && cmark_node_first_child (table) == NULL)
        cmark_node_free (table);
    }
}

/* The page */

static cmark_node *
parse_markdown (const char   *markdown,
                cmark_llist **extensions)
{
  static const char * const names[] = { "table", "strikethrough", "autolink" };
  cmark_parser *parser;
  cmark_node *root;

  cmark_gfm_core_extensions_ensure_registered ();

  parser = cmark_parser_new (PARSE_OPTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (names[i]);

      if (extension != NULL)
        cmark_parser_attach_syntax_extension (parser, extension);
    }

  cmark_parser_feed (parser, markdown, strlen (markdown));
  root = cmark_parser_finish (parser);

  /* The list belongs to the parser: copy it for the renderer. */
  *extensions = NULL;
  for (cmark_llist *l = cmark_parser_get_syntax_extensions (parser); l != NULL; l = l->next)
    *extensions = cmark_llist_append (cmark_get_default_mem_allocator (), *extensions, l->data);

  cmark_parser_free (parser);

  return root;
}

/* The last check before rendering with CMARK_OPT_UNSAFE: the only raw HTML
 * is ours, every link was rewritten and every image points into the pack. */
static gboolean
is_safe_to_render (Renderer   *renderer,
                   cmark_node *root)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  gboolean safe = TRUE;

  while (safe && (event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event != CMARK_EVENT_ENTER)
        continue;

      if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_LINK)
        safe = FALSE;
      else if (type == CMARK_NODE_HTML_INLINE)
        safe = g_hash_table_contains (renderer->own_html, node);
      else if (type == CMARK_NODE_IMAGE)
        safe = g_str_has_prefix (cmark_node_get_url (node), PN_SCHEME "://pack/");
    }

  cmark_iter_free (iter);

  return safe;
}

/* cmark-gfm labels the footnote back-links in English; user text cannot
 * produce this attribute, since quotes in text come out as &quot;. */
static char *
translate_footnote_labels (const char *html)
{
  static const char needle[] = " aria-label=\"Back to content\"";
  g_autofree char *label = escape (_("Back to content"));
  g_autofree char *attribute = g_strdup_printf (" aria-label=\"%s\"", label);
  GString *out = g_string_sized_new (strlen (html) + 64);
  const char *p = html;
  const char *found;

  /* One pass: g_string_replace() moves the rest of the page at each match
   * in GLib 2.74, which is quadratic on a page with many footnote refs. */
  while ((found = strstr (p, needle)) != NULL)
    {
      g_string_append_len (out, p, found - p);
      g_string_append (out, attribute);
      p = found + strlen (needle);
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/* Gives every paragraph and list item a stable id, p_1, p_2…, in reading order:
 * the reading position is kept by them, and later the student's notes. Heading
 * slugs never hold '_', and user text cannot produce a bare "<p>" (it comes out
 * as &lt;p&gt;), so only the renderer's own tags are numbered. */
static char *
number_blocks (const char *html)
{
  GString *out = g_string_sized_new (strlen (html) + 1024);
  guint n = 0;
  const char *p = html;

  while (*p != '\0')
    {
      if (p[0] == '<' && (g_str_has_prefix (p, "<p>") || g_str_has_prefix (p, "<li>")))
        {
          gboolean is_p = p[1] == 'p';

          g_string_append_printf (out, "<%s id=\"p_%u\">", is_p ? "p" : "li", ++n);
          p += is_p ? 3 : 4;
          continue;
        }
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static char *
render_body (Renderer   *renderer,
             const char *markdown)
{
  cmark_llist *extensions = NULL;
  g_autofree char *escaped = escape_wide_table_rows (renderer, markdown);
  cmark_node *root = parse_markdown (escaped != NULL ? escaped : markdown, &extensions);
  char *html;
  char *result;

  cap_table_cells (renderer, root);
  remove_raw_html (renderer, root);
  cmark_consolidate_text_nodes (root);
  mark_attributions (renderer, root);
  rewrite_images (renderer, root);
  rewrite_links (renderer, root);
  cmark_consolidate_text_nodes (root);
  give_heading_ids (renderer, root);
  check_anchor_links (renderer);
  if (renderer->french)
    apply_french_spacing (root);

  if (is_safe_to_render (renderer, root))
    {
      html = cmark_render_html (root, RENDER_OPTIONS | CMARK_OPT_UNSAFE, extensions);
    }
  else
    {
      g_warning ("%s: the cleaned Markdown tree still holds unvetted content; "
                 "rendering it in safe mode", renderer->file);
      html = cmark_render_html (root, RENDER_OPTIONS, extensions);
    }
  {
    g_autofree char *labelled = translate_footnote_labels (html);

    result = number_blocks (labelled);
  }

  cmark_get_default_mem_allocator ()->free (html);
  cmark_llist_free (cmark_get_default_mem_allocator (), extensions);
  cmark_node_free (root);

  return result;
}

static char *
typeset (Renderer   *renderer,
         const char *text)
{
  g_autofree char *escaped = escape (text);

  if (!renderer->french)
    return g_steal_pointer (&escaped);

  return pn_render_french_spacing (escaped);
}

/* Title, authors with their affiliation numbers, the affiliations. */
static void
append_header (Renderer *renderer,
               GString  *page)
{
  g_autofree char *title = typeset (renderer, pn_document_get_title (renderer->document));
  GPtrArray *authors = pn_document_get_authors (renderer->document);
  g_autoptr(GPtrArray) affiliations = g_ptr_array_new ();

  g_string_append_printf (page, "<header class=\"pn-doc-header\">\n<h1 class=\"pn-doc-title\">%s</h1>\n",
                          title);

  if (authors != NULL && authors->len > 0)
    {
      g_string_append (page, "<p class=\"pn-authors\">");
      for (guint i = 0; i < authors->len; i++)
        {
          const PnPerson *person = g_ptr_array_index (authors, i);
          g_autofree char *name = escape (person->name);
          g_autoptr(GString) numbers = g_string_new (NULL);

          for (guint j = 0; person->affiliations[j] != NULL; j++)
            {
              guint index = 0;

              if (!g_ptr_array_find_with_equal_func (affiliations, person->affiliations[j],
                                                     g_str_equal, &index))
                {
                  g_ptr_array_add (affiliations, person->affiliations[j]);
                  index = affiliations->len - 1;
                }
              g_string_append_printf (numbers, "%s%u", j > 0 ? "," : "", index + 1);
            }

          g_string_append_printf (page, "%s<span class=\"pn-author\">%s", i > 0 ? ", " : "", name);
          if (numbers->len > 0)
            g_string_append_printf (page, "<sup>%s</sup>", numbers->str);
          g_string_append (page, "</span>");
        }
      g_string_append (page, "</p>\n");
    }

  if (affiliations->len > 0)
    {
      g_string_append (page, "<ol class=\"pn-affiliations\">\n");
      for (guint i = 0; i < affiliations->len; i++)
        {
          g_autofree char *affiliation = typeset (renderer, g_ptr_array_index (affiliations, i));

          g_string_append_printf (page, "<li>%s</li>\n", affiliation);
        }
      g_string_append (page, "</ol>\n");
    }

  g_string_append (page, "</header>\n");
}

static void
append_unreadable (Renderer *renderer,
                   GString  *page)
{
  g_autofree char *message = escape (_("This document could not be read."));
  g_autofree char *detail = NULL;
  g_autofree char *escaped_detail = NULL;

  if (pn_document_get_problem (renderer->document) != NULL)
    detail = g_strdup_printf (_("%s. The author of the course pack can find every problem with "
                                "“prisonnum-pack check”."),
                              pn_document_get_problem (renderer->document));
  else
    detail = g_strdup_printf (_("The file “%s” is missing, too large or not valid UTF-8 text. "
                                "The author of the course pack can find the problem with "
                                "“prisonnum-pack check”."),
                              pn_document_get_file (renderer->document));
  escaped_detail = escape (detail);

  g_string_append_printf (page,
                          "<article class=\"pn-doc pn-doc-unreadable\">\n"
                          "<p class=\"pn-unreadable\">%s</p>\n<p>%s</p>\n</article>\n",
                          message, escaped_detail);
}

static int
compare_locations (gconstpointer a,
                   gconstpointer b)
{
  const PnDiagnostic *first = *(const PnDiagnostic * const *) a;
  const PnDiagnostic *second = *(const PnDiagnostic * const *) b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;
  if (first->column != second->column)
    return first->column < second->column ? -1 : 1;

  return 0;
}

char *
pn_render_document (PnPack      *pack,
                    PnDocument  *doc,
                    GPtrArray   *diagnostics)
{
  const char *markdown;
  g_autofree char *language = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) found = pn_diagnostics_new ();
  GString *page;
  Renderer renderer = { 0 };

  g_return_val_if_fail (PN_IS_PACK (pack), NULL);
  g_return_val_if_fail (PN_IS_DOCUMENT (doc), NULL);

  renderer.pack = pack;
  renderer.document = doc;
  renderer.diagnostics = found;
  renderer.file = pn_document_get_file (doc);
  renderer.french = language_is_french (pn_document_get_language (doc));
  renderer.warned_html_lines = g_hash_table_new (NULL, NULL);
  renderer.heading_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  renderer.heading_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  renderer.anchor_links = g_ptr_array_new_with_free_func ((GDestroyNotify) anchor_link_free);
  renderer.own_html = g_hash_table_new (NULL, NULL);

  language = escape (pn_document_get_language (doc));
  title = typeset (&renderer, pn_document_get_title (doc));

  page = g_string_new (NULL);
  g_string_append_printf (page,
                          "<!DOCTYPE html>\n"
                          "<html lang=\"%s\">\n"
                          "<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<title>%s</title>\n"
                          "<link rel=\"stylesheet\" href=\"" PN_READER_CSS_URI "\">\n"
                          "</head>\n"
                          "<body>\n",
                          language, title);

  append_header (&renderer, page);

  markdown = pn_document_get_markdown (doc);
  if (markdown != NULL)
    {
      g_autofree char *body = render_body (&renderer, markdown);

      g_string_append_printf (page, "<article class=\"pn-doc\">\n%s</article>\n", body);
    }
  else
    {
      append_unreadable (&renderer, page);
    }

  g_string_append (page, "</body>\n</html>\n");

  /* In reading order, as a teacher fixes them. */
  g_ptr_array_sort (found, compare_locations);
  for (guint i = 0; i < found->len; i++)
    pn_diagnostics_add (diagnostics, g_steal_pointer (&found->pdata[i]));

  g_hash_table_unref (renderer.warned_html_lines);
  g_hash_table_unref (renderer.heading_ids);
  g_hash_table_unref (renderer.heading_counters);
  g_ptr_array_unref (renderer.anchor_links);
  g_hash_table_unref (renderer.own_html);

  return g_string_free (page, FALSE);
}

char *
pn_render_document_uri (PnPack     *pack,
                        const char *doc_id)
{
  g_return_val_if_fail (PN_IS_PACK (pack), NULL);
  g_return_val_if_fail (doc_id != NULL, NULL);

  return pn_pack_uri_for_document (pn_pack_get_id (pack), doc_id, NULL);
}
