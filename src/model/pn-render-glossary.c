/* pn-render-glossary.c: the glossary pass: each occurrence of a term marked
 *
 * The text of each paragraph and table cell is read in runs (TEXT nodes and
 * the soft breaks between them, as spaces, up to anything else: emphasis,
 * code, a link, a footnote call), each run searched once by the glossary's
 * matcher (pn-glossary-matcher.h). Each occurrence is marked by two points
 * on the TEXT nodes where it starts and ends (in code points, which the
 * typography pass keeps), not by new nodes: the HTML writer puts the link
 * <a class="pn-term" data-glossary="ID" href="…"> … </a> there when the link
 * mode makes it one, and records where each occurrence lies in the page's
 * text either way (pn_rendered_page_get_terms()).
 * Nothing is linked in headings, code, footnote calls, links (explicit
 * glossary: links are occurrences of their entry), nolink: spans, nor
 * between <!-- glossary: off --> and <!-- glossary: on --> (by line: an off
 * never closed runs to the end). In the mode FIRST, a section runs from one
 * heading to the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-glossary-matcher.h"
#include "pn-pack-uri.h"
#include "pn-render-private.h"

typedef struct {
  cmark_node *node;     /* TEXT, or SOFTBREAK (one space) */
  gsize start;          /* bytes in the run */
  gsize end;
  gsize cursor_byte;    /* TEXT: a place in the literal, in bytes… */
  guint cursor_char;    /* …and in code points */
} Segment;

typedef struct {
  PnRenderContext *ctx;
  PnGlossaryMatcher *matcher;
  GHashTable *linked;   /* entry ids already linked in this section (mode FIRST) */
  GHashTable *anchors;  /* entry id -> the opening tag of its links (see anchors_for()) */
  GString *run;         /* the segments' text, when there are several */
  gsize run_length;
  GArray *segments;     /* of Segment */
} Linker;

/* Whether a glossary switch before @line turned linking off. */
static gboolean
is_off (PnRenderContext *ctx,
        cmark_node      *block)
{
  int line = 0;
  gboolean off = FALSE;

  for (cmark_node *node = block; node != NULL && line <= 0; node = cmark_node_parent (node))
    line = cmark_node_get_start_line (node);

  for (guint i = 0; i < ctx->glossary_switches->len; i++)
    {
      const PnGlossarySwitch *glossary_switch = &g_array_index (ctx->glossary_switches, PnGlossarySwitch, i);

      if (glossary_switch->line >= line)
        break;
      off = !glossary_switch->on;
    }

  return off;
}

/* The code points in @length bytes of valid UTF-8: the bytes that do not
 * continue a character. */
static guint
count_chars (const char *text,
             gsize       length)
{
  guint count = 0;

  for (gsize i = 0; i < length; i++)
    count += ((guchar) text[i] & 0xC0) != 0x80;

  return count;
}

/* Code points from the start of @segment's literal to byte @at of the run;
 * the places asked for only go forward. */
static guint
char_offset (Segment *segment,
             gsize    at)
{
  const char *literal = cmark_node_get_literal (segment->node);
  gsize byte = at - segment->start;

  segment->cursor_char += count_chars (literal + segment->cursor_byte, byte - segment->cursor_byte);
  segment->cursor_byte = byte;

  return segment->cursor_char;
}

/* The opening tag of the links to each entry of @glossary (entry id -> tag),
 * in the pack @user_data names. */
static gpointer
make_anchors (PnGlossary *glossary,
              gpointer    user_data)
{
  const char *pack_id = user_data;
  GPtrArray *entries = pn_glossary_get_entries (glossary);
  GHashTable *anchors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *uri = pn_pack_uri_for_glossary (pack_id, entry->id);
      g_autofree char *escaped_uri = pn_render_escape (uri);
      g_autofree char *escaped_id = pn_render_escape (entry->id);

      g_hash_table_insert (anchors, entry->id,
                           g_strdup_printf ("<a class=\"pn-term\" data-glossary=\"%s\" href=\"%s\">",
                                            escaped_id, escaped_uri));
    }
  return anchors;
}

/* Those tags, made once for every page of the pack and kept with the glossary. */
static GHashTable *
anchors_for (PnGlossary *glossary,
             const char *pack_id)
{
  g_autofree char *key = g_strconcat ("pn-render-glossary-anchors:", pack_id, NULL);

  return pn_glossary_get_derived (glossary, key, make_anchors, (gpointer) pack_id,
                                  (GDestroyNotify) g_hash_table_unref);
}

static gboolean
is_linked (Linker     *l,
           const char *id)
{
  switch (l->ctx->glossary_mode)
    {
    case PN_GLOSSARY_LINK_NONE:
      return FALSE;
    case PN_GLOSSARY_LINK_FIRST:
      if (g_hash_table_contains (l->linked, id))
        return FALSE;
      g_hash_table_add (l->linked, g_strdup (id));
      return TRUE;
    case PN_GLOSSARY_LINK_ALL:
    default:
      return TRUE;
    }
}

/* Marks the occurrence of @id from @start in @first to @end in @last (run bytes). */
static void
mark (Linker     *l,
      Segment    *first,
      gsize       start,
      Segment    *last,
      gsize       end,
      const char *id)
{
  gboolean linked = is_linked (l, id);
  const char *markup = linked ? g_hash_table_lookup (l->anchors, id) : "";
  const PnTermMark *term;

  if (markup == NULL)
    return;   /* not an entry of the glossary: never */

  term = pn_render_new_term_mark (l->ctx, id, markup, linked);
  pn_render_add_term_point (first->node, char_offset (first, start), term);
  pn_render_add_term_point (last->node, char_offset (last, end), pn_render_term_end ());
}

/* A TEXT node's literal; a soft break reads as a space. */
static const char *
segment_text (const Segment *segment)
{
  return cmark_node_get_type (segment->node) == CMARK_NODE_TEXT ? cmark_node_get_literal (segment->node) : " ";
}

/* From *@at on, the TEXT segment holding the byte at @offset (the byte
 * before it when @end), or NULL. */
static Segment *
segment_at (Linker   *l,
            guint    *at,
            gsize     offset,
            gboolean  end)
{
  Segment *segment;

  while (*at < l->segments->len &&
         (end ? g_array_index (l->segments, Segment, *at).end < offset
              : g_array_index (l->segments, Segment, *at).end <= offset))
    (*at)++;
  if (*at >= l->segments->len)
    return NULL;
  segment = &g_array_index (l->segments, Segment, *at);

  return cmark_node_get_type (segment->node) == CMARK_NODE_TEXT ? segment : NULL;
}

/* The run searched, its occurrences marked. */
static void
flush (Linker *l)
{
  g_autoptr(GArray) matches = NULL;
  guint at = 0;

  if (l->segments->len == 0)
    return;

  /* A run is most often one text node: searched in place. */
  if (l->segments->len == 1)
    matches = pn_glossary_matcher_find (l->matcher, segment_text (&g_array_index (l->segments, Segment, 0)),
                                        l->run_length);
  else
    {
      g_string_truncate (l->run, 0);
      for (guint i = 0; i < l->segments->len; i++)
        g_string_append (l->run, segment_text (&g_array_index (l->segments, Segment, i)));
      matches = pn_glossary_matcher_find (l->matcher, l->run->str, l->run->len);
    }
  for (guint i = 0; i < matches->len; i++)
    {
      const PnGlossaryMatch *match = &g_array_index (matches, PnGlossaryMatch, i);
      Segment *first;
      Segment *last;

      /* Where it starts and ends: in text, never in a soft break. */
      first = segment_at (l, &at, match->start, FALSE);
      if (first == NULL)
        continue;
      last = segment_at (l, &at, match->end, TRUE);
      if (last == NULL)
        continue;
      mark (l, first, match->start, last, match->end, match->entry->id);
    }

  l->run_length = 0;
  g_array_set_size (l->segments, 0);
}

static void
add_segment (Linker     *l,
             cmark_node *node)
{
  Segment segment = { node, l->run_length, 0, 0, 0 };

  segment.end = segment.start + strlen (segment_text (&segment));
  l->run_length = segment.end;
  g_array_append_val (l->segments, segment);
}

static void
link_inlines (Linker     *l,
              cmark_node *container,
              gboolean    excluded)
{
  int zones = 0;
  cmark_node *next;

  for (cmark_node *node = cmark_node_first_child (container); node != NULL; node = next)
    {
      cmark_node_type type = cmark_node_get_type (node);
      gboolean outside = !excluded && zones == 0;

      next = cmark_node_next (node);

      if (type == CMARK_NODE_TEXT && outside)
        add_segment (l, node);
      else if (type == CMARK_NODE_SOFTBREAK && outside && l->segments->len > 0)
        add_segment (l, node);
      else
        {
          flush (l);
          if (type == CMARK_NODE_HTML_INLINE)
            {
              int zone = GPOINTER_TO_INT (g_hash_table_lookup (l->ctx->inline_zones, node));
              PnTermMark *term = l->ctx->term_marks != NULL ? g_hash_table_lookup (l->ctx->term_marks, node)
                                                            : NULL;

              zones = MAX (zones + zone, 0);
              /* An explicit link is the section's first of its entry. */
              if (term != NULL && term->opening && l->ctx->glossary_mode == PN_GLOSSARY_LINK_FIRST)
                g_hash_table_add (l->linked, g_strdup (term->entry_id));
            }
          else if (type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG ||
                   (cmark_node_get_type_string (node) != NULL &&
                    g_str_equal (cmark_node_get_type_string (node), "strikethrough")))
            link_inlines (l, node, !outside);
        }
    }
  flush (l);
}

static void
link_blocks (Linker     *l,
             cmark_node *parent)
{
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL; node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);

      if (type == CMARK_NODE_HEADING)
        g_hash_table_remove_all (l->linked);   /* a new section */
      else if (type == CMARK_NODE_PARAGRAPH || pn_render_is_table_cell (node))
        link_inlines (l, node, is_off (l->ctx, node));
      else if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK ||
               type == CMARK_NODE_THEMATIC_BREAK)
        continue;
      else if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
        link_blocks (l, node);
    }
}

void
pn_render_pass_glossary (PnRenderContext *ctx,
                         cmark_node      *root,
                         gpointer         data)
{
  PnGlossary *glossary = pn_pack_get_glossary (ctx->pack);
  Linker l = { ctx };

  if (glossary == NULL || pn_glossary_get_n_entries (glossary) == 0)
    return;

  l.matcher = pn_glossary_get_matcher (glossary);
  l.linked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.anchors = anchors_for (glossary, pn_pack_get_id (ctx->pack));
  l.run = g_string_new (NULL);
  l.segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  link_blocks (&l, root);

  g_hash_table_unref (l.linked);
  g_string_free (l.run, TRUE);
  g_array_unref (l.segments);
}
