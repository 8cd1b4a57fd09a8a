/* pn-render-tables.c: tables kept within what the parser and the view can bear
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-render-private.h"

/* Tables
 *
 * cmark-gfm's table extension is quadratic in the number of columns, and
 * every cell costs memory in the parser and in the web view: a row with
 * too many columns is shown as text (its pipes escaped before parsing),
 * and rows beyond a total number of cells are dropped after parsing. */

#define MAX_TABLE_COLUMNS 128
#define MAX_TABLE_CELLS 20000

/* @markdown with a backslash before every unescaped '|' of the lines that
 * hold more than MAX_TABLE_COLUMNS of them (outside fenced code), or NULL
 * when no line does. One pass over the text. */
char *
pn_render_escape_wide_table_rows (PnRenderContext *ctx,
                                  const char      *markdown)
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

      if (pn_render_is_fence_line (line, end))
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
          /* Silently: pn_render_pass_cap_tables() warns, at an earlier row. */
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
          pn_render_warn_at (ctx, number, 1,
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

/* Keeps the first MAX_TABLE_CELLS table cells of the document, whole rows,
 * and drops the rows after them (and the tables left without rows). */
void
pn_render_pass_cap_tables (PnRenderContext *ctx,
                           cmark_node      *root,
                           gpointer         data)
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

      if (event != CMARK_EVENT_ENTER || !pn_render_is_table_row (node))
        continue;

      for (cmark_node *cell = cmark_node_first_child (node); cell != NULL; cell = cmark_node_next (cell))
        {
          if (pn_render_is_table_cell (cell))
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

  pn_render_warn_at (ctx, cmark_node_get_start_line (g_ptr_array_index (dropped, 0)), 1,
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

