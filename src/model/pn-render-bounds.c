/* pn-render-bounds.c: paragraphs too costly for the parser, kept as plain text
 *
 * cmark-gfm 0.29.0.gfm.6 (Debian 12) has inputs that cost it far more than
 * their size, all within the pack's limits:
 *  - each link found walks every '[' still open before it in the paragraph
 *    (`![[]()` repeated: quadratic), so the work grows as the number of '['
 *    times the number of ']' of a paragraph;
 *  - every '[' costs some 230 bytes of parser memory (8 MB of '[' take 1.9 GB);
 *  - an autolink ending in many ')' counts the parentheses of the whole link
 *    again for each one (`www.a.b/` and 200,000 ')': quadratic).
 * Before parsing, one pass over the Markdown measures each paragraph (a run of
 * non-blank lines outside fenced code). A paragraph over these bounds is not
 * given to the parser: a placeholder line takes its place (blank lines keep the
 * line numbers), and the bounds pass puts the paragraph back as plain text,
 * with a warning at its first line. Ordinary text is far inside the bounds: a
 * table of 300 rows of links costs 90,000 of the allowed 64 per byte and more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pn-render-private.h"

#define BRACKET_WORK_PER_BYTE 64      /* '[' times ']' allowed per byte of a paragraph */
#define BRACKET_WORK_FLOOR 4096
#define MAX_DOCUMENT_BRACKETS 100000  /* '[' given to the parser in a whole document */
#define MAX_CLOSING_PARENS 32         /* ')' in a run of an autolink's trailing punctuation */

typedef struct {
  guint64 opening;      /* unescaped '[' */
  guint64 closing;      /* unescaped ']' */
  guint parens;         /* most ')' in one run of trailing punctuation */
} Measure;

static gboolean
is_blank (const char *line,
          const char *end)
{
  for (const char *p = line; p < end; p++)
    {
      if (*p != ' ' && *p != '\t')
        return FALSE;
    }

  return TRUE;
}

static void
measure_line (Measure    *measure,
              const char *line,
              const char *end)
{
  guint backslashes = 0;
  guint run = 0;

  for (const char *p = line; p < end; p++)
    {
      gboolean escaped = backslashes % 2 == 1;

      if (*p == '[' && !escaped)
        measure->opening++;
      else if (*p == ']' && !escaped)
        measure->closing++;

      /* What cmark-gfm's autolinker trims from the end of a link. */
      if (*p == ')')
        run++;
      else if (strchr ("?!.,:*_~'\"", *p) == NULL)
        run = 0;
      measure->parens = MAX (measure->parens, run);

      backslashes = *p == '\\' ? backslashes + 1 : 0;
    }
}

static const char *
line_end (const char *line)
{
  return line + strcspn (line, "\r\n");
}

static const char *
next_line (const char *end)
{
  if (end[0] == '\r' && end[1] == '\n')
    return end + 2;
  if (end[0] != '\0')
    return end + 1;

  return end;
}

static gboolean
is_too_costly (const Measure *measure,
               gsize          bytes,
               guint64        document_brackets)
{
  return measure->opening * measure->closing > BRACKET_WORK_PER_BYTE * (guint64) bytes + BRACKET_WORK_FLOOR ||
         document_brackets + measure->opening > MAX_DOCUMENT_BRACKETS ||
         measure->parens > MAX_CLOSING_PARENS;
}

/* The placeholder for @chunk and as many line ends as it had; the chunk's
 * text (its lines joined by spaces) is kept in the context. */
static void
replace_chunk (PnRenderContext *ctx,
               GString         *out,
               const char      *chunk,
               const char      *chunk_end,
               int              first_line)
{
  GString *raw = g_string_sized_new (chunk_end - chunk);
  guint lines = 0;

  for (const char *line = chunk; line < chunk_end; )
    {
      const char *end = line_end (line);

      if (raw->len > 0)
        g_string_append_c (raw, ' ');
      g_string_append_len (raw, line, end - line);
      lines++;
      line = next_line (end);
    }

  g_string_append_printf (out, "%s-%u\n", ctx->raw_token, ctx->raw_chunks->len);
  for (guint i = 1; i < lines; i++)
    g_string_append_c (out, '\n');
  g_ptr_array_add (ctx->raw_chunks, g_string_free (raw, FALSE));

  pn_render_warn_at (ctx, first_line, 1,
                     _("this paragraph holds too many brackets or closing parentheses for the "
                       "Markdown parser; it is shown as plain text"));
}

char *
pn_render_bound_markdown (PnRenderContext *ctx,
                          const char      *markdown)
{
  GString *out = NULL;
  const char *line = markdown;
  const char *copied = markdown;   /* what is in @out up to here */
  gboolean in_fence = FALSE;
  guint64 document_brackets = 0;
  int number = 1;

  while (*line != '\0')
    {
      const char *end = line_end (line);
      const char *chunk = line;
      int chunk_line = number;
      Measure measure = { 0 };

      if (pn_render_is_fence_line (line, end))
        in_fence = !in_fence;
      if (in_fence || is_blank (line, end) || pn_render_is_fence_line (line, end))
        {
          line = next_line (end);
          number++;
          continue;
        }

      /* A paragraph: up to a blank line or a fence. */
      while (*line != '\0' && !is_blank (line, end) && !pn_render_is_fence_line (line, end))
        {
          measure_line (&measure, line, end);
          line = next_line (end);
          end = line_end (line);
          number++;
        }

      if (!is_too_costly (&measure, line - chunk, document_brackets))
        {
          document_brackets += measure.opening;
          continue;
        }

      if (out == NULL)
        out = g_string_sized_new (strlen (markdown));
      g_string_append_len (out, copied, chunk - copied);
      replace_chunk (ctx, out, chunk, line, chunk_line);
      copied = line;
    }

  if (out == NULL)
    return NULL;

  g_string_append (out, copied);

  return g_string_free (out, FALSE);
}

/* The bounds pass: each placeholder paragraph gets its text back (placeholders
 * start a paragraph of their own after a blank line, so they are whole ones). */
void
pn_render_pass_restore_raw (PnRenderContext *ctx,
                            cmark_node      *root,
                            gpointer         data)
{
  gsize prefix = strlen (ctx->raw_token);
  guint restored = 0;
  g_autoptr(GPtrArray) paragraphs = NULL;

  if (ctx->raw_chunks->len == 0)
    return;

  paragraphs = pn_render_collect (root, CMARK_NODE_PARAGRAPH);
  for (guint i = 0; i < paragraphs->len && restored < ctx->raw_chunks->len; i++)
    {
      cmark_node *node = g_ptr_array_index (paragraphs, i);
      cmark_node *text = cmark_node_first_child (node);
      const char *literal;
      guint64 index;
      char *index_end = NULL;

      if (text == NULL ||
          cmark_node_get_type (text) != CMARK_NODE_TEXT || cmark_node_next (text) != NULL)
        continue;

      literal = cmark_node_get_literal (text);
      if (strncmp (literal, ctx->raw_token, prefix) != 0 || literal[prefix] != '-')
        continue;

      index = g_ascii_strtoull (literal + prefix + 1, &index_end, 10);
      if (index_end == NULL || *index_end != '\0' || index >= ctx->raw_chunks->len)
        continue;

      cmark_node_set_literal (text, g_ptr_array_index (ctx->raw_chunks, index));
      restored++;
    }
}
