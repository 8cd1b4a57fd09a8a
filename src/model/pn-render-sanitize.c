/* pn-render-sanitize.c: the sanitize pass: raw HTML out of the tree
 *
 * Raw HTML nodes are removed, each line warned once; an inline <script> or
 * <style> goes with its content; a paragraph left empty goes too. The
 * glossary's switches, <!-- glossary: off --> and <!-- glossary: on --> each
 * alone on its line, are kept in the context for the glossary pass.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "pn-render-private.h"

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

static const char *
skip_blanks (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* 1 for <!-- glossary: on -->, 0 for <!-- glossary: off -->, -1 for any other. */
static int
glossary_switch (const char *literal)
{
  g_autofree char *text = g_strstrip (g_strdup (literal != NULL ? literal : ""));
  const char *p;
  int on;

  if (!g_str_has_prefix (text, "<!--"))
    return -1;
  p = skip_blanks (text + 4);
  if (!g_str_has_prefix (p, "glossary:"))
    return -1;
  p = skip_blanks (p + strlen ("glossary:"));
  if (g_str_has_prefix (p, "off"))
    on = 0, p += 3;
  else if (g_str_has_prefix (p, "on"))
    on = 1, p += 2;
  else
    return -1;
  p = skip_blanks (p);

  return g_str_equal (p, "-->") ? on : -1;
}

static gboolean
looks_like_switch (const char *literal)
{
  g_autofree char *text = g_strstrip (g_strdup (literal != NULL ? literal : ""));

  return g_str_has_prefix (text, "<!--") && g_str_has_prefix (skip_blanks (text + 4), "glossary");
}

static void
note_switch (PnRenderContext *ctx,
             cmark_node      *node)
{
  const char *literal = cmark_node_get_literal (node);
  int on = glossary_switch (literal);

  if (on >= 0 && cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
    {
      PnGlossarySwitch glossary_switch = { cmark_node_get_start_line (node), on };

      g_array_append_val (ctx->glossary_switches, glossary_switch);
    }
  else if (looks_like_switch (literal))
    pn_render_warn (ctx, node, "%s", _("a glossary switch is <!-- glossary: off --> or "
                                       "<!-- glossary: on -->, alone on its line; this one was "
                                       "left out"));
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

void
pn_render_pass_sanitize (PnRenderContext *ctx,
                         cmark_node      *root,
                         gpointer         data)
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

      if (is_lone_comment (cmark_node_get_literal (node)))
        note_switch (ctx, node);
      else if (g_hash_table_add (ctx->warned_html_lines, GINT_TO_POINTER (line)))
        pn_render_warn (ctx, node, "%s", _("raw HTML is not allowed; it was left out"));

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

  cmark_consolidate_text_nodes (root);
}
