/* pn-render-html.c: the cleaned tree written as HTML and as plain text at once
 *
 * One walk writes both, so that they cannot drift apart: every character of
 * text goes to the plain text and, escaped, to the HTML; markup goes to the
 * HTML only. Blocks are separated by "\n" in both, and the writer puts no
 * other white space inside a block, so the text content of the element with a
 * block's id is the slice of the plain text between the block's offsets
 * (a <br> counts as "\n"; footnote calls and back-links are not text).
 * Only our own raw markup is written: HTML nodes not registered by a pass,
 * links left in the tree and images outside the pack are never written.
 * Where each occurrence of a glossary term lies in the text is recorded as
 * its marks are met (pn_render_mark_term()), linked or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <cmark-gfm-core-extensions.h>

#include "pn-render.h"
#include "pn-render-private.h"
#include "pn-text.h"

typedef struct {
  PnRenderContext *ctx;
  GString *html;
  GString *text;
  gsize length;            /* of text, in code points */
  GPtrArray *blocks;       /* of PnTextBlock, the page's map */
  GPtrArray *open;         /* of PnTextBlock, still open (NULL for no id) */
  GHashTable *ref_numbers; /* a call's literal -> its footnote's number */
  GHashTable *ref_totals;  /* footnote number -> how many calls */
  GHashTable *ref_seen;    /* footnote number -> calls written so far */
  guint footnotes;         /* definitions written so far */
  guint column;            /* of the table cell being written */
  char *back_label;        /* escaped */
  PnTermOccurrence *term;  /* the occurrence being written, if any */
  guint nested;            /* occurrences started inside it (none expected) */
} Writer;

static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  const char *end = text + length;
  const char *run = text;   /* bytes copied as they are, up to p */

  for (const char *p = text; p < end; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        default: continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
}

/* Text shown: to both. */
static void
put_text (Writer     *w,
          const char *text,
          gsize       length)
{
  append_escaped (w->html, text, length);
  g_string_append_len (w->text, text, length);
  w->length += g_utf8_strlen (text, length);
}

static void
put_markup (Writer     *w,
            const char *markup)
{
  g_string_append (w->html, markup);
}

static void
put_separator (Writer *w)
{
  g_string_append_c (w->html, '\n');
  g_string_append_c (w->text, '\n');
  w->length++;
}

/* The node's attributes and ` id="…"`, if any. */
static void
put_attributes (Writer     *w,
                cmark_node *node)
{
  PnNodeData *data = pn_render_node_peek_data (node);

  if (data == NULL)
    return;
  if (data->attributes != NULL)
    g_string_append (w->html, data->attributes);
  if (data->id != NULL)
    {
      g_string_append (w->html, " id=\"");
      append_escaped (w->html, data->id, strlen (data->id));
      g_string_append_c (w->html, '"');
    }
}

static void
open_block (Writer     *w,
            cmark_node *node)
{
  PnNodeData *data = pn_render_node_peek_data (node);
  PnTextBlock *block = NULL;

  if (data != NULL && data->id != NULL)
    {
      block = pn_text_block_new (data->id, w->length, w->length);
      g_ptr_array_add (w->blocks, block);
    }
  g_ptr_array_add (w->open, block);
}

static void
close_block (Writer *w)
{
  PnTextBlock *block = g_ptr_array_steal_index (w->open, w->open->len - 1);

  if (block != NULL)
    block->end = w->length;
}

/* Where a TEXT node's glossary points lie in its literal, in bytes (at
 * most its end); NULL when it has none. */
static gsize *
term_bytes (const char *literal,
            PnNodeData *data)
{
  gsize *bytes;
  const char *p = literal;
  guint chars = 0;

  if (data == NULL || data->terms == NULL)
    return NULL;

  bytes = g_new (gsize, data->terms->len);
  for (guint i = 0; i < data->terms->len; i++)
    {
      guint offset = g_array_index (data->terms, PnTermPoint, i).offset;

      for (; chars < offset && *p != '\0'; chars++)
        p = g_utf8_next_char (p);
      bytes[i] = p - literal;
    }

  return bytes;
}

static void put_term_point (Writer *w, const PnTermMark *mark);

/* The literal, with the spans of words kept whole and the glossary's links:
 * at one place, a span closes first, then terms end and start, then a span
 * opens; a term inside a span closes and reopens it, so that they nest. */
static void
put_text_node (Writer     *w,
               cmark_node *node)
{
  static const char span[] = "<span class=\"pn-nohyphen\">";
  const char *literal = cmark_node_get_literal (node);
  PnNodeData *data = pn_render_node_peek_data (node);
  GArray *keep = data != NULL ? data->keep_whole : NULL;
  g_autofree gsize *terms = NULL;
  guint n_keep = keep != NULL ? keep->len / 2 * 2 : 0;
  guint n_terms = 0;
  guint k = 0;
  guint t = 0;
  gboolean in_span = FALSE;
  gsize done = 0;

  if (literal == NULL)
    return;
  terms = term_bytes (literal, data);
  if (terms != NULL)
    n_terms = data->terms->len;

  while (k < n_keep || t < n_terms)
    {
      gsize keep_at = k < n_keep ? g_array_index (keep, guint, k) : G_MAXSIZE;
      gsize term_at = t < n_terms ? terms[t] : G_MAXSIZE;
      gsize at = MIN (keep_at, term_at);

      put_text (w, literal + done, at - done);
      done = at;
      if (keep_at == at && k % 2 == 1)
        {
          put_markup (w, "</span>");
          in_span = FALSE;
          k++;
        }
      else if (term_at == at)
        {
          if (in_span)
            put_markup (w, "</span>");
          put_term_point (w, g_array_index (data->terms, PnTermPoint, t).mark);
          if (in_span)
            put_markup (w, span);
          t++;
        }
      else
        {
          put_markup (w, span);
          in_span = TRUE;
          k++;
        }
    }

  put_text (w, literal + done, strlen (literal + done));
}

/* The id of the innermost block being written that has one. */
static const char *
current_block_id (Writer *w)
{
  for (guint i = w->open->len; i > 0; i--)
    {
      PnTextBlock *block = g_ptr_array_index (w->open, i - 1);

      if (block != NULL)
        return block->id;
    }

  return NULL;
}

/* An occurrence marked on text starts or ends here. */
static void
put_term_point (Writer           *w,
                const PnTermMark *mark)
{
  if (mark->opening)
    {
      if (w->term != NULL)
        {
          w->nested++;   /* never expected: its end is left out too */
          return;
        }
      w->term = pn_term_occurrence_new (mark->entry_id, current_block_id (w), w->length, w->length,
                                        mark->linked);
      put_markup (w, mark->markup);
      return;
    }

  if (w->nested > 0)
    {
      w->nested--;
      return;
    }
  if (w->term == NULL)
    return;
  if (w->term->linked)
    put_markup (w, "</a>");
  w->term->end = w->length;
  g_ptr_array_add (w->ctx->terms, g_steal_pointer (&w->term));
}

static void
put_own_html (Writer     *w,
              cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  PnTermMark *mark = w->ctx->term_marks != NULL ? g_hash_table_lookup (w->ctx->term_marks, node) : NULL;

  if (mark != NULL && mark->opening && w->term == NULL)
    w->term = pn_term_occurrence_new (mark->entry_id, current_block_id (w), w->length, w->length,
                                      mark->linked);
  if (literal != NULL)
    put_markup (w, literal);
  if (mark != NULL && !mark->opening && w->term != NULL)
    {
      w->term->end = w->length;
      g_ptr_array_add (w->ctx->terms, g_steal_pointer (&w->term));
    }
}

static void
put_image (Writer     *w,
           cmark_node *image)
{
  const char *url = cmark_node_get_url (image);
  const char *title = cmark_node_get_title (image);
  g_autofree char *alt = pn_render_node_text (image);

  /* The media pass pointed every image it kept into the pack. */
  if (url == NULL || !g_str_has_prefix (url, PN_SCHEME "://pack/"))
    return;

  put_markup (w, "<img src=\"");
  append_escaped (w->html, url, strlen (url));
  put_markup (w, "\" alt=\"");
  append_escaped (w->html, alt, strlen (alt));
  put_markup (w, "\"");
  if (title != NULL && title[0] != '\0')
    {
      put_markup (w, " title=\"");
      append_escaped (w->html, title, strlen (title));
      put_markup (w, "\"");
    }
  put_markup (w, ">");
}

static guint
footnote_number (Writer     *w,
                 cmark_node *reference)
{
  const char *literal = cmark_node_get_literal (reference);

  return literal != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (w->ref_numbers, literal)) : 0;
}

static void
put_footnote_reference (Writer     *w,
                        cmark_node *reference)
{
  guint n = footnote_number (w, reference);
  guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (w->ref_seen, GUINT_TO_POINTER (n))) + 1;

  g_hash_table_insert (w->ref_seen, GUINT_TO_POINTER (n), GUINT_TO_POINTER (seen));
  if (seen == 1)
    g_string_append_printf (w->html, "<sup class=\"footnote-ref\"><a href=\"#fn-%u\" id=\"fnref-%u\" "
                            "data-footnote-ref>%u</a></sup>", n, n, n);
  else
    g_string_append_printf (w->html, "<sup class=\"footnote-ref\"><a href=\"#fn-%u\" id=\"fnref-%u-%u\" "
                            "data-footnote-ref>%u</a></sup>", n, n, seen, n);
}

/* The links from the footnote back to each of its calls. */
static void
put_back_links (Writer *w)
{
  guint n = w->footnotes;
  guint total = GPOINTER_TO_UINT (g_hash_table_lookup (w->ref_totals, GUINT_TO_POINTER (n)));

  for (guint k = 1; k <= total; k++)
    {
      if (k == 1)
        g_string_append_printf (w->html, "<a href=\"#fnref-%u\" class=\"footnote-backref\" "
                                "data-footnote-backref aria-label=\"%s\"> ↩</a>", n, w->back_label);
      else
        g_string_append_printf (w->html, "<a href=\"#fnref-%u-%u\" class=\"footnote-backref\" "
                                "data-footnote-backref "
                                "aria-label=\"%s\"> ↩<sup class=\"footnote-ref\">%u</sup></a>",
                                n, k, w->back_label, k);
    }
}

static gboolean
is_last_of_footnote (cmark_node *node)
{
  cmark_node *parent = cmark_node_parent (node);

  return parent != NULL && cmark_node_get_type (parent) == CMARK_NODE_FOOTNOTE_DEFINITION &&
         cmark_node_next (node) == NULL;
}

static const char *
cell_alignment (Writer     *w,
                cmark_node *cell)
{
  cmark_node *row = cmark_node_parent (cell);
  cmark_node *table = row != NULL ? cmark_node_parent (row) : NULL;
  uint8_t *alignments = table != NULL ? cmark_gfm_extensions_get_table_alignments (table) : NULL;

  if (alignments == NULL)
    return NULL;

  /* The array ends with 0; a row has no more cells than it has entries. */
  for (guint i = 0; i < w->column; i++)
    {
      if (alignments[i] == 0)
        return NULL;
    }

  switch (alignments[w->column])
    {
    case 'l': return "left";
    case 'c': return "center";
    case 'r': return "right";
    default: return NULL;
    }
}

static gboolean
is_header_row (cmark_node *row)
{
  const char *type = cmark_node_get_type_string (row);

  return type != NULL && g_str_equal (type, "table_header");
}

static void
enter_table_part (Writer     *w,
                  cmark_node *node,
                  const char *type)
{
  cmark_node *previous = cmark_node_previous (node);

  if (g_str_equal (type, "table"))
    {
      if (previous != NULL)
        put_separator (w);
      put_markup (w, "<table>");
    }
  else if (pn_render_is_table_row (node))
    {
      if (is_header_row (node))
        put_markup (w, "<thead>");
      else if (previous != NULL && is_header_row (previous))
        {
          put_markup (w, "</thead>");
          put_separator (w);
          put_markup (w, "<tbody>");
        }
      else if (previous != NULL)
        put_separator (w);
      else
        put_markup (w, "<tbody>");
      put_markup (w, "<tr>");
      w->column = 0;
    }
  else if (pn_render_is_table_cell (node))
    {
      gboolean head = is_header_row (cmark_node_parent (node));
      const char *align = cell_alignment (w, node);

      if (previous != NULL)
        put_separator (w);
      put_markup (w, head ? "<th" : "<td");
      put_attributes (w, node);
      if (align != NULL)
        g_string_append_printf (w->html, " align=\"%s\"", align);
      put_markup (w, ">");
      open_block (w, node);
      w->column++;
    }
}

static void
exit_table_part (Writer     *w,
                 cmark_node *node,
                 const char *type)
{
  if (g_str_equal (type, "table"))
    {
      put_markup (w, "</table>");
    }
  else if (pn_render_is_table_row (node))
    {
      put_markup (w, "</tr>");
      if (cmark_node_next (node) == NULL)
        put_markup (w, is_header_row (node) ? "</thead>" : "</tbody>");
    }
  else if (pn_render_is_table_cell (node))
    {
      close_block (w);
      put_markup (w, is_header_row (cmark_node_parent (node)) ? "</th>" : "</td>");
    }
}

static void
enter_block (Writer     *w,
             cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);
  cmark_node *previous = cmark_node_previous (node);
  g_autofree char *tag = NULL;

  if (type == CMARK_NODE_FOOTNOTE_DEFINITION)
    {
      if (previous == NULL || cmark_node_get_type (previous) != CMARK_NODE_FOOTNOTE_DEFINITION)
        {
          if (previous != NULL)
            put_separator (w);
          put_markup (w, "<section class=\"footnotes\" data-footnotes><ol>");
        }
      else
        put_separator (w);
      w->footnotes++;
      put_markup (w, "<li");
      if (pn_render_node_peek_data (node) == NULL || pn_render_node_peek_data (node)->id == NULL)
        g_string_append_printf (w->html, " id=\"fn-%u\"", w->footnotes);
      put_attributes (w, node);
      put_markup (w, ">");
      open_block (w, node);
      return;
    }

  if (previous != NULL)
    put_separator (w);

  switch (type)
    {
    case CMARK_NODE_BLOCK_QUOTE: tag = g_strdup ("blockquote"); break;
    case CMARK_NODE_ITEM: tag = g_strdup ("li"); break;
    case CMARK_NODE_HEADING: tag = g_strdup_printf ("h%d", cmark_node_get_heading_level (node)); break;
    case CMARK_NODE_PARAGRAPH:
      if (!pn_render_in_tight_list (node))
        tag = g_strdup ("p");
      break;
    case CMARK_NODE_LIST:
      if (cmark_node_get_list_type (node) == CMARK_ORDERED_LIST && cmark_node_get_list_start (node) != 1)
        g_string_append_printf (w->html, "<ol start=\"%d\">", cmark_node_get_list_start (node));
      else
        put_markup (w, cmark_node_get_list_type (node) == CMARK_ORDERED_LIST ? "<ol>" : "<ul>");
      break;
    case CMARK_NODE_CUSTOM_BLOCK:
      put_markup (w, cmark_node_get_on_enter (node));
      break;
    default:
      break;
    }

  if (tag != NULL)
    {
      g_string_append_printf (w->html, "<%s", tag);
      put_attributes (w, node);
      put_markup (w, ">");
    }
  open_block (w, node);
}

static void
exit_block (Writer     *w,
            cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);
  gboolean back_links = is_last_of_footnote (node) && type == CMARK_NODE_PARAGRAPH;

  if (back_links)
    put_back_links (w);
  close_block (w);

  switch (type)
    {
    case CMARK_NODE_BLOCK_QUOTE: put_markup (w, "</blockquote>"); break;
    case CMARK_NODE_ITEM: put_markup (w, "</li>"); break;
    case CMARK_NODE_HEADING:
      g_string_append_printf (w->html, "</h%d>", cmark_node_get_heading_level (node));
      break;
    case CMARK_NODE_PARAGRAPH:
      if (!pn_render_in_tight_list (node))
        put_markup (w, "</p>");
      break;
    case CMARK_NODE_LIST:
      put_markup (w, cmark_node_get_list_type (node) == CMARK_ORDERED_LIST ? "</ol>" : "</ul>");
      break;
    case CMARK_NODE_CUSTOM_BLOCK:
      put_markup (w, cmark_node_get_on_exit (node));
      break;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      {
        cmark_node *last = cmark_node_last_child (node);

        if (last == NULL || cmark_node_get_type (last) != CMARK_NODE_PARAGRAPH)
          put_back_links (w);
        put_markup (w, "</li>");
        if (cmark_node_next (node) == NULL)
          put_markup (w, "</ol></section>");
      }
      break;
    default:
      break;
    }
}

static void
put_leaf_block (Writer     *w,
                cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);
  const char *literal = cmark_node_get_literal (node);

  if (cmark_node_previous (node) != NULL)
    put_separator (w);

  if (type == CMARK_NODE_CODE_BLOCK)
    {
      const char *info = cmark_node_get_fence_info (node);

      put_markup (w, "<pre><code");
      if (info != NULL && info[0] != '\0')
        {
          gsize word = strcspn (info, " \t");

          put_markup (w, " class=\"language-");
          append_escaped (w->html, info, word);
          put_markup (w, "\"");
        }
      put_markup (w, ">");
      if (literal != NULL)
        put_text (w, literal, strlen (literal));
      put_markup (w, "</code></pre>");
    }
  else if (type == CMARK_NODE_THEMATIC_BREAK)
    {
      put_markup (w, "<hr>");
    }
  /* HTML blocks are never ours: the sanitize pass removed them. */
}

static void
put_inline (Writer     *w,
            cmark_node *node,
            gboolean    entering)
{
  cmark_node_type type = cmark_node_get_type (node);
  const char *name = cmark_node_get_type_string (node);

  switch (type)
    {
    case CMARK_NODE_TEXT:
      put_text_node (w, node);
      break;
    case CMARK_NODE_SOFTBREAK:
      put_text (w, " ", 1);
      break;
    case CMARK_NODE_LINEBREAK:
      put_markup (w, "<br>");
      g_string_append_c (w->text, '\n');
      w->length++;
      break;
    case CMARK_NODE_CODE:
      put_markup (w, "<code>");
      put_text (w, cmark_node_get_literal (node), strlen (cmark_node_get_literal (node)));
      put_markup (w, "</code>");
      break;
    case CMARK_NODE_HTML_INLINE:
      if (g_hash_table_contains (w->ctx->own_html, node))
        put_own_html (w, node);
      break;
    case CMARK_NODE_CUSTOM_INLINE:
      put_markup (w, entering ? cmark_node_get_on_enter (node) : cmark_node_get_on_exit (node));
      break;
    case CMARK_NODE_EMPH:
      put_markup (w, entering ? "<em>" : "</em>");
      break;
    case CMARK_NODE_STRONG:
      put_markup (w, entering ? "<strong>" : "</strong>");
      break;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      if (entering)   /* not a leaf for cmark's iterator */
        put_footnote_reference (w, node);
      break;
    default:
      if (name != NULL && g_str_equal (name, "strikethrough"))
        put_markup (w, entering ? "<del>" : "</del>");
      /* A link left in the tree keeps only its text. */
      break;
    }
}

/* Footnotes are numbered in the order of their first call, as cmark-gfm
 * orders their definitions. A call's literal is its number in cmark-gfm
 * 0.29.0.gfm.6 and its label in later versions: either way, calls to the
 * same note share it. */
static void
count_footnote_calls (Writer     *w,
                      cmark_node *root)
{
  g_autoptr(GPtrArray) references = pn_render_collect (root, CMARK_NODE_FOOTNOTE_REFERENCE);

  for (guint i = 0; i < references->len; i++)
    {
      cmark_node *reference = g_ptr_array_index (references, i);
      const char *literal = cmark_node_get_literal (reference);
      gpointer n;
      guint total;

      if (literal == NULL)
        continue;
      if (!g_hash_table_contains (w->ref_numbers, literal))
        g_hash_table_insert (w->ref_numbers, (gpointer) literal,
                             GUINT_TO_POINTER (g_hash_table_size (w->ref_numbers) + 1));
      n = GUINT_TO_POINTER (footnote_number (w, reference));
      total = GPOINTER_TO_UINT (g_hash_table_lookup (w->ref_totals, n));
      g_hash_table_insert (w->ref_totals, n, GUINT_TO_POINTER (total + 1));
    }
}

void
pn_render_write_body (PnRenderContext *ctx,
                      cmark_node      *root,
                      GString         *html,
                      GString         *text,
                      GPtrArray       *blocks)
{
  Writer w = { 0 };
  cmark_iter *iter;
  cmark_event_type event;

  w.ctx = ctx;
  w.html = html;
  w.text = text;
  w.length = g_utf8_strlen (text->str, text->len);
  w.blocks = blocks;
  w.open = g_ptr_array_new ();
  w.ref_numbers = g_hash_table_new (g_str_hash, g_str_equal);
  w.ref_totals = g_hash_table_new (NULL, NULL);
  w.ref_seen = g_hash_table_new (NULL, NULL);
  w.back_label = pn_render_escape (pn_text_footnote_back_label (ctx->language));
  count_footnote_calls (&w, root);

  iter = cmark_iter_new (root);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      const char *name = cmark_node_get_type_string (node);
      gboolean entering = event == CMARK_EVENT_ENTER;

      if (node == root)
        continue;

      if (name != NULL && (g_str_equal (name, "table") || pn_render_is_table_row (node) ||
                           pn_render_is_table_cell (node)))
        {
          if (entering)
            enter_table_part (&w, node, name);
          else
            exit_table_part (&w, node, name);
        }
      else if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_THEMATIC_BREAK ||
               type == CMARK_NODE_HTML_BLOCK)
        {
          put_leaf_block (&w, node);
        }
      else if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
        {
          if (entering)
            enter_block (&w, node);
          else
            exit_block (&w, node);
        }
      else if (type == CMARK_NODE_IMAGE)
        {
          /* Its description is its alt text, not text of the page. */
          put_image (&w, node);
          cmark_iter_reset (iter, node, CMARK_EVENT_EXIT);
        }
      else
        {
          put_inline (&w, node, entering);
        }
    }
  cmark_iter_free (iter);

  if (html->len > 0)
    g_string_append_c (html, '\n');

  g_ptr_array_unref (w.open);
  g_hash_table_unref (w.ref_numbers);
  g_hash_table_unref (w.ref_totals);
  g_hash_table_unref (w.ref_seen);
  g_free (w.back_label);
  pn_term_occurrence_free (w.term);
}
