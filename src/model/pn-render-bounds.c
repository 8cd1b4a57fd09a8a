/* pn-render-bounds.c: paragraphs too costly for the parser, kept as plain text
 *
 * cmark-gfm 0.29.0.gfm.6 (Debian 12) has inputs that cost it far more than
 * their size, all within the pack's limits:
 *  - each link found walks every '[' still open before it in the paragraph
 *    (`![[]()` repeated: quadratic), so the work grows as the number of '['
 *    times the number of ']' of a paragraph;
 *  - every '[' costs some 230 bytes of parser memory (8 MB of '[' take 1.9 GB),
 *    and every node of the tree a few hundred (8 MB of `*a* ` take 1.6 GB);
 *  - an autolink ending in many ')' counts the parentheses of the whole link
 *    again for each one (`www.a.b/` and 200,000 ')': quadratic);
 *  - quotations and lists nested a million deep take seconds per line.
 * Before parsing, one pass over the Markdown measures each paragraph (a run of
 * non-blank lines outside fenced code). A paragraph over the bounds is not
 * given to the parser: a placeholder line takes its place (blank lines keep the
 * line numbers), and the bounds pass puts the paragraph back as plain text,
 * with a warning at its first line. The whole document has a budget too (of
 * lines, brackets and marks that make nodes): once it is spent, the rest of
 * the document is one plain-text paragraph. Ordinary text is far inside the
 * bounds: a table of 300 rows of links costs 90,000 of the allowed 64 per byte
 * and more; the bundled essay spends a few percent of each budget.
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
#define MAX_NESTING 32                /* quotations and list items one inside another, on a line */
#define MAX_DOCUMENT_LINES 250000     /* lines of text given to the parser in a whole document */
#define MAX_DOCUMENT_MARKS 400000     /* emphasis, code, entity, escape and tag marks, likewise */

typedef struct {
  guint64 opening;      /* unescaped '[' */
  guint64 closing;      /* unescaped ']' */
  guint parens;         /* most ')' in one run of trailing punctuation */
  guint depth;          /* most containers opened by one line */
  guint64 lines;
  guint64 marks;        /* * _ ` < & \ ~: each may become a node of the tree */
} Measure;

/* What the whole document has given the parser so far. */
typedef struct {
  guint64 brackets;
  guint64 lines;
  guint64 marks;
} Budget;

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

/* How many quotations and list items @line opens before its text. */
static guint
container_depth (const char *line,
                 const char *end)
{
  const char *p = line;
  guint depth = 0;

  for (;;)
    {
      const char *marker;

      for (guint spaces = 0; p < end && *p == ' ' && spaces < 3; spaces++)
        p++;
      marker = p;
      if (p < end && *p == '>')
        p++;
      else if (p < end && (*p == '-' || *p == '*' || *p == '+'))
        p++;
      else
        {
          while (p < end && g_ascii_isdigit (*p) && p - marker < 9)
            p++;
          if (p == marker || p >= end || (*p != '.' && *p != ')'))
            return depth;
          p++;
        }
      /* A list marker needs a space after it; a '>' may have one. */
      if (p < end && *p == ' ')
        p++;
      else if (*marker != '>')
        return depth;
      depth++;
    }
}

static void
measure_line (Measure    *measure,
              const char *line,
              const char *end)
{
  guint backslashes = 0;
  guint run = 0;

  measure->lines++;
  measure->depth = MAX (measure->depth, container_depth (line, end));

  for (const char *p = line; p < end; p++)
    {
      gboolean escaped = backslashes % 2 == 1;

      if (*p == '[' && !escaped)
        measure->opening++;
      else if (*p == ']' && !escaped)
        measure->closing++;
      else if (strchr ("*_`<&\\~", *p) != NULL && *p != '\0')
        measure->marks++;

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

/* A paragraph that costs the parser too much on its own. */
static gboolean
is_too_costly (const Measure *measure,
               gsize          bytes)
{
  return measure->opening * measure->closing > BRACKET_WORK_PER_BYTE * (guint64) bytes + BRACKET_WORK_FLOOR ||
         measure->parens > MAX_CLOSING_PARENS ||
         measure->depth > MAX_NESTING ||
         /* More than the whole document may hold. */
         measure->opening > MAX_DOCUMENT_BRACKETS ||
         measure->lines > MAX_DOCUMENT_LINES ||
         measure->marks > MAX_DOCUMENT_MARKS;
}

/* The document's budget spent: this paragraph and all that follows are
 * plain text (one paragraph: the tree would cost as much as the markup). */
static gboolean
is_over_budget (const Measure *measure,
                const Budget  *budget)
{
  return budget->brackets + measure->opening > MAX_DOCUMENT_BRACKETS ||
         budget->lines + measure->lines > MAX_DOCUMENT_LINES ||
         budget->marks + measure->marks > MAX_DOCUMENT_MARKS;
}

/* The placeholder for @chunk and as many line ends as it had; the chunk's
 * text (its lines joined by spaces) is kept in the context. */
static void
replace_chunk (PnRenderContext *ctx,
               GString         *out,
               const char      *chunk,
               const char      *chunk_end,
               int              first_line,
               const char      *message)
{
  GString *raw = g_string_sized_new (chunk_end - chunk);
  guint lines = 0;

  for (const char *line = chunk; line < chunk_end; )
    {
      const char *end = line_end (line);

      if (raw->len > 0 && end > line)
        g_string_append_c (raw, ' ');
      g_string_append_len (raw, line, end - line);
      lines++;
      line = next_line (end);
    }

  g_string_append_printf (out, "%s-%u\n", ctx->raw_token, ctx->raw_chunks->len);
  for (guint i = 1; i < lines; i++)
    g_string_append_c (out, '\n');
  g_ptr_array_add (ctx->raw_chunks, g_string_free (raw, FALSE));

  pn_render_warn_at (ctx, first_line, 1, message);
}

char *
pn_render_bound_markdown (PnRenderContext *ctx,
                          const char      *markdown)
{
  GString *out = NULL;
  const char *line = markdown;
  const char *copied = markdown;   /* what is in @out up to here */
  gboolean in_fence = FALSE;
  Budget budget = { 0 };
  int number = 1;

  while (*line != '\0')
    {
      const char *end = line_end (line);
      const char *chunk = line;
      int chunk_line = number;
      Measure measure = { 0 };

      if (pn_render_is_fence_line (line, end))
        {
          in_fence = !in_fence;
          budget.lines++;
        }
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

      if (!is_too_costly (&measure, line - chunk))
        {
          if (is_over_budget (&measure, &budget))
            {
              if (out == NULL)
                out = g_string_sized_new (strlen (markdown));
              g_string_append_len (out, copied, chunk - copied);
              replace_chunk (ctx, out, chunk, chunk + strlen (chunk), chunk_line,
                             _("the document holds too much for the Markdown parser; from this "
                               "paragraph on, it is shown as plain text"));
              copied = chunk + strlen (chunk);
              break;
            }

          budget.brackets += measure.opening;
          budget.lines += measure.lines;
          budget.marks += measure.marks;
          continue;
        }

      if (out == NULL)
        out = g_string_sized_new (strlen (markdown));
      g_string_append_len (out, copied, chunk - copied);
      replace_chunk (ctx, out, chunk, line, chunk_line,
                     _("this paragraph holds more markup than the Markdown parser can take (brackets, "
                       "marks, closing parentheses or nesting); it is shown as plain text"));
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
