/* pn-render-pango.c: a Markdown text (a glossary explanation) as Pango markup
 *
 * The tree is walked once with cmark's iterator (no recursion, however deep
 * the input). Emphasis, strong and code are counted rather than nested: a
 * tag is written when the first one opens and closed with the last, so that
 * the markup stays shallow whatever the Markdown. Our own HTML from the links
 * pass (<a …>, <span class="pn-unresolved">, and their closing tags) comes in
 * balanced pairs; each opening is remembered on a stack to know whether its
 * closing tag is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pn-pack-private.h"
#include "pn-render-pango.h"
#include "pn-render-private.h"

typedef enum {
  OWN_SKIPPED,      /* an opening tag whose closing tag is not written */
  OWN_LINK,         /* <a href> written */
} OwnTag;

typedef struct {
  PnRenderContext *ctx;
  GString *out;
  guint italic;
  guint bold;
  guint mono;
  guint strike;
  GArray *own;             /* of OwnTag, the open own tags */
  guint links;             /* OWN_LINK in @own */
  GArray *lists;           /* of int: the next number of each open list, -1 for bullets */
  gboolean item_start;     /* right after an item's bullet: no separator */
  GHashTable *notes;       /* footnote literal -> number */
  guint definitions;       /* footnote definitions written */
} Writer;

static const char *
pango_tag (cmark_node *node,
           guint     **depth,
           Writer     *w)
{
  const char *name = cmark_node_get_type_string (node);

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_EMPH: *depth = &w->italic; return "i";
    case CMARK_NODE_STRONG: *depth = &w->bold; return "b";
    default:
      break;
    }

  if (name != NULL && g_str_equal (name, "strikethrough"))
    {
      *depth = &w->strike;
      return "s";
    }

  return NULL;
}

/* Text, escaped, without the control characters markup may not hold. */
static void
put_text (Writer     *w,
          const char *text,
          gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  while (text < end)
    {
      const char *run = text;
      g_autofree char *escaped = NULL;

      while (text < end && ((guchar) *text >= 0x20 || *text == '\n' || *text == '\t'))
        text++;
      escaped = g_markup_escape_text (run, text - run);
      g_string_append (w->out, escaped);
      while (text < end && (guchar) *text < 0x20 && *text != '\n' && *text != '\t')
        text++;
    }
}

static void
open_tag (Writer     *w,
          guint      *depth,
          const char *tag)
{
  if ((*depth)++ == 0)
    g_string_append_printf (w->out, "<%s>", tag);
}

static void
close_tag (Writer     *w,
           guint      *depth,
           const char *tag)
{
  if (*depth > 0 && --(*depth) == 0)
    g_string_append_printf (w->out, "</%s>", tag);
}

/* Before a block: a blank line (or a line break in tight lists and tables)
 * after what came before, unless the block starts an item. */
static void
separate (Writer     *w,
          const char *separator)
{
  if (w->item_start)
    {
      w->item_start = FALSE;
      return;
    }
  if (w->out->len > 0)
    g_string_append (w->out, separator);
}

static gboolean
is_allowed_href (const char *href)
{
  static const char * const schemes[] = { "prisonnum:", "http:", "https:", "mailto:", NULL };

  for (guint i = 0; schemes[i] != NULL; i++)
    {
      if (g_ascii_strncasecmp (href, schemes[i], strlen (schemes[i])) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The href of our own <a …> (already escaped by the links pass), or NULL. */
static char *
own_href (const char *literal)
{
  const char *start = strstr (literal, " href=\"");
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (" href=\"");
  end = strchr (start, '"');

  return end != NULL ? g_strndup (start, end - start) : NULL;
}

static void
put_own_html (Writer     *w,
              const char *literal)
{
  OwnTag tag = OWN_SKIPPED;

  if (g_str_has_prefix (literal, "</"))
    {
      if (w->own->len == 0)
        return;
      tag = g_array_index (w->own, OwnTag, w->own->len - 1);
      g_array_set_size (w->own, w->own->len - 1);
      if (tag == OWN_LINK)
        {
          g_string_append (w->out, "</a>");
          w->links--;
        }
      return;
    }

  if (g_str_has_prefix (literal, "<a "))
    {
      g_autofree char *href = own_href (literal);

      /* A label's links cannot nest, and it has no #anchors to go to. */
      if (href != NULL && w->links == 0 && is_allowed_href (href))
        {
          /* The scheme as the interface compares it: "HTTPS:" is "https:". */
          for (char *p = href; *p != ':'; p++)
            *p = g_ascii_tolower (*p);
          g_string_append_printf (w->out, "<a href=\"%s\">", href);
          w->links++;
          tag = OWN_LINK;
        }
    }
  else if (!g_str_has_prefix (literal, "<"))
    {
      return;
    }

  g_array_append_val (w->own, tag);
}

static void
put_footnote_reference (Writer     *w,
                        cmark_node *node)
{
  const char *literal = cmark_node_get_literal (node);
  gpointer number;

  if (literal == NULL)
    return;
  number = g_hash_table_lookup (w->notes, literal);
  if (number == NULL)
    {
      number = GUINT_TO_POINTER (g_hash_table_size (w->notes) + 1);
      g_hash_table_insert (w->notes, (gpointer) literal, number);
    }
  g_string_append_printf (w->out, "<sup>%u</sup>", GPOINTER_TO_UINT (number));
}

static void
put_inline (Writer     *w,
            cmark_node *node,
            gboolean    entering)
{
  guint *depth = NULL;
  const char *tag = pango_tag (node, &depth, w);
  const char *literal = cmark_node_get_literal (node);

  if (tag != NULL)
    {
      if (entering)
        open_tag (w, depth, tag);
      else
        close_tag (w, depth, tag);
      return;
    }

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
      put_text (w, literal != NULL ? literal : "", -1);
      break;
    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (w->out, ' ');
      break;
    case CMARK_NODE_LINEBREAK:
      g_string_append_c (w->out, '\n');
      break;
    case CMARK_NODE_CODE:
      open_tag (w, &w->mono, "tt");
      put_text (w, literal != NULL ? literal : "", -1);
      close_tag (w, &w->mono, "tt");
      break;
    case CMARK_NODE_HTML_INLINE:
      if (literal != NULL && g_hash_table_contains (w->ctx->own_html, node))
        put_own_html (w, literal);
      break;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      if (entering)
        put_footnote_reference (w, node);
      break;
    default:
      /* Links left in the tree and images: their text only. */
      break;
    }
}

static void
start_item (Writer *w)
{
  int *next;

  separate (w, "\n");
  if (w->lists->len == 0)
    return;

  for (guint i = 1; i < w->lists->len; i++)
    g_string_append (w->out, "    ");
  next = &g_array_index (w->lists, int, w->lists->len - 1);
  if (*next < 0)
    g_string_append (w->out, "• ");
  else
    g_string_append_printf (w->out, "%d. ", (*next)++);
  w->item_start = TRUE;
}

static void
put_block (Writer           *w,
           cmark_node       *node,
           cmark_event_type  event)
{
  cmark_node_type type = cmark_node_get_type (node);
  gboolean entering = event == CMARK_EVENT_ENTER;
  const char *literal = cmark_node_get_literal (node);

  switch (type)
    {
    case CMARK_NODE_PARAGRAPH:
      if (entering)
        separate (w, pn_render_in_tight_list (node) ? "\n" : "\n\n");
      break;
    case CMARK_NODE_HEADING:
      if (entering)
        separate (w, "\n\n");
      if (entering)
        open_tag (w, &w->bold, "b");
      else
        close_tag (w, &w->bold, "b");
      break;
    case CMARK_NODE_LIST:
      if (entering)
        {
          int next = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST ?
                     MAX (cmark_node_get_list_start (node), 0) : -1;

          separate (w, w->lists->len > 0 ? "\n" : "\n\n");
          /* The list's first item comes right after: no second separator. */
          w->item_start = w->out->len > 0;
          g_array_append_val (w->lists, next);
        }
      else if (w->lists->len > 0)
        {
          g_array_set_size (w->lists, w->lists->len - 1);
        }
      break;
    case CMARK_NODE_ITEM:
      if (entering)
        start_item (w);
      break;
    case CMARK_NODE_CODE_BLOCK:
      separate (w, "\n\n");
      open_tag (w, &w->mono, "tt");
      if (literal != NULL)
        put_text (w, literal, g_str_has_suffix (literal, "\n") ? (gssize) strlen (literal) - 1 : -1);
      close_tag (w, &w->mono, "tt");
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      separate (w, "\n\n");
      g_string_append (w->out, "—");
      break;
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      if (entering)
        {
          separate (w, "\n\n");
          g_string_append_printf (w->out, "<sup>%u</sup> ", ++w->definitions);
          w->item_start = TRUE;
        }
      break;
    default:
      if (entering && pn_render_is_table_row (node))
        separate (w, "\n");
      else if (entering && pn_render_is_table_cell (node) && cmark_node_previous (node) != NULL)
        g_string_append (w->out, " | ");
      else if (entering && g_strcmp0 (cmark_node_get_type_string (node), "table") == 0)
        {
          separate (w, "\n\n");
          w->item_start = w->out->len > 0;
        }
      break;
    }
}

static void
write_pango (PnRenderContext *ctx,
             cmark_node      *root,
             gpointer         user_data)
{
  Writer w = { 0 };
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  w.ctx = ctx;
  w.out = user_data;
  w.own = g_array_new (FALSE, FALSE, sizeof (OwnTag));
  w.lists = g_array_new (FALSE, FALSE, sizeof (int));
  w.notes = g_hash_table_new (g_str_hash, g_str_equal);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (cmark_node_get_type (node) == CMARK_NODE_DOCUMENT)
        continue;
      if ((cmark_node_get_type (node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE)
        put_inline (&w, node, event == CMARK_EVENT_ENTER);
      else
        put_block (&w, node, event);
    }
  cmark_iter_free (iter);

  /* What the tree left open (never, with balanced own markup). */
  while (w.own->len > 0)
    put_own_html (&w, "</a>");
  close_tag (&w, &w.mono, "tt");

  g_array_unref (w.own);
  g_array_unref (w.lists);
  g_hash_table_unref (w.notes);
}

static PnRenderPipeline *
pango_pipeline (void)
{
  PnRenderPipeline *pipeline = g_object_new (PN_TYPE_RENDER_PIPELINE, NULL);

  pn_render_pipeline_add (pipeline, PN_RENDER_SLOT_BOUNDS, "bounds", pn_render_pass_restore_raw, NULL, NULL);
  pn_render_pipeline_add (pipeline, PN_RENDER_SLOT_TABLES, "tables", pn_render_pass_cap_tables, NULL, NULL);
  pn_render_pipeline_add (pipeline, PN_RENDER_SLOT_SANITIZE, "sanitize", pn_render_pass_sanitize, NULL, NULL);
  pn_render_pipeline_add (pipeline, PN_RENDER_SLOT_LINKS, "links", pn_render_pass_links, NULL, NULL);
  pn_render_pipeline_add (pipeline, PN_RENDER_SLOT_TYPOGRAPHY, "typography", pn_render_pass_typography,
                          NULL, NULL);

  return pipeline;
}

static char *
render_with (PnRenderPipeline *pipeline,
             PnPack           *pack,
             const char       *markdown,
             const char       *language,
             const char       *file,
             int               line,
             GPtrArray        *diagnostics)
{
  g_autoptr(PnDocument) doc = NULL;
  g_autoptr(GPtrArray) found = pn_diagnostics_new ();
  GString *out;

  if (markdown == NULL || !g_utf8_validate (markdown, -1, NULL))
    return g_strdup ("");

  if (file == NULL)
    file = pn_pack_get_glossary_file (pack);

  /* A document made for the occasion: what the passes read of one. */
  doc = g_object_new (PN_TYPE_DOCUMENT, NULL);
  doc->id = g_strdup ("pn-markdown-text");
  doc->title = g_strdup ("");
  doc->file = g_strdup (file != NULL ? file : "");
  doc->language = g_strdup (language != NULL ? language : pn_pack_get_language (pack));
  doc->authors = g_ptr_array_new_with_free_func (g_object_unref);
  doc->markdown = g_strdup (markdown);

  out = g_string_new (NULL);
  pn_render_pipeline_run_tree (pipeline, pack, doc, write_pango, out, found);

  for (guint i = 0; i < found->len; i++)
    {
      PnDiagnostic *diagnostic = g_ptr_array_index (found, i);

      if (line != 0)
        {
          diagnostic->line = MAX (line, 0);
          diagnostic->column = 0;
        }
      pn_diagnostics_add (diagnostics, pn_diagnostic_copy (diagnostic));
    }

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

char *
pn_render_markdown_pango_full (PnPack     *pack,
                               const char *markdown,
                               const char *language,
                               const char *file,
                               int         line,
                               GPtrArray  *diagnostics)
{
  g_autoptr(PnRenderPipeline) pipeline = NULL;

  g_return_val_if_fail (PN_IS_PACK (pack), NULL);

  pipeline = pango_pipeline ();

  return render_with (pipeline, pack, markdown, language, file, line, diagnostics);
}

void
pn_render_check_explanations (PnPack    *pack,
                              GPtrArray *diagnostics)
{
  g_autoptr(PnRenderPipeline) pipeline = NULL;
  PnGlossary *glossary;
  GPtrArray *entries;

  g_return_if_fail (PN_IS_PACK (pack));

  glossary = pn_pack_get_glossary (pack);
  if (glossary == NULL)
    return;

  pipeline = pango_pipeline ();
  entries = pn_glossary_get_entries (glossary);
  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) found = pn_diagnostics_new ();
      g_autofree char *markup = NULL;
      int line;

      if (entry->explanation == NULL)
        continue;

      /* At the explanation's line, else the entry's; at no line when built in code. */
      line = entry->explanation_line > 0 ? entry->explanation_line : entry->line > 0 ? entry->line : -1;
      markup = render_with (pipeline, pack, entry->explanation, NULL, pn_glossary_get_file (glossary), line,
                            found);
      for (guint j = 0; j < found->len; j++)
        {
          PnDiagnostic *diagnostic = g_ptr_array_index (found, j);
          char *message = g_strdup_printf (_("explanation of '%s': %s"), entry->id, diagnostic->message);

          g_free (diagnostic->message);
          diagnostic->message = message;
          pn_diagnostics_add (diagnostics, pn_diagnostic_copy (diagnostic));
        }
      /* Kept, so that the glossary page does not render it again. */
      g_free (((PnGlossaryEntry *) entry)->explanation_markup);
      ((PnGlossaryEntry *) entry)->explanation_markup = g_steal_pointer (&markup);
    }
}

char *
pn_render_markdown_pango (PnPack     *pack,
                          const char *markdown,
                          const char *language,
                          GPtrArray  *diagnostics)
{
  return pn_render_markdown_pango_full (pack, markdown, language, NULL, -1, diagnostics);
}
