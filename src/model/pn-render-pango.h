/* pn-render-pango.h: a Markdown text (a glossary explanation) as Pango markup
 *
 * The Markdown goes through the render pipeline's safe passes (bounds,
 * sanitize, links, typography), then is written as the markup a GtkLabel
 * takes: paragraphs a blank line apart, <i>, <b>, <s>, <tt>, <sup>, list items
 * after « • » (or their number), and links as <a href="URI"> with the vetted
 * addresses of the links pass only (prisonnum://pack/P/glossary/ID, /source/ID,
 * /doc/ID, http(s), mailto). Raw HTML is left out, a link to anything else
 * keeps only its text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-pack.h"

G_BEGIN_DECLS

/* @markdown as Pango markup, in @language (NULL: the pack's); the passes'
 * warnings (raw HTML, unknown source...) are appended to @diagnostics (may be
 * NULL), named after the pack's glossary file, without a line. */
char *pn_render_markdown_pango      (PnPack     *pack,
                                     const char *markdown,
                                     const char *language,
                                     GPtrArray  *diagnostics);
/* The same, the warnings named @file (NULL: the glossary file) and placed by
 * @line: above 0, every warning at @line (where a JSON file holds the text);
 * 0, at its line and column in @markdown; below 0, at no line. */
char *pn_render_markdown_pango_full (PnPack     *pack,
                                     const char *markdown,
                                     const char *language,
                                     const char *file,
                                     int         line,
                                     GPtrArray  *diagnostics);

/* Renders the explanation of each entry of @pack's glossary as the entry page
 * will, and appends the passes' warnings (raw HTML, links to unknown sources,
 * entries or documents, addresses of other schemes...) to @diagnostics, each
 * at the line of its explanation in the glossary file and naming its entry.
 * Each entry keeps its markup (PnGlossaryEntry.explanation_markup). */
void  pn_render_check_explanations  (PnPack     *pack,
                                     GPtrArray  *diagnostics);

G_END_DECLS
