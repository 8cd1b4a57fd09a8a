/* pn-rendered-page.h: a rendered document: HTML, plain text, block map, problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A block of the page (paragraph p_N, list item p_N, heading slug, quotation q_N,
 * table cell t_N, footnote fn-N) and where its text lies in the page's text:
 * [start, end) in code points. */
typedef struct {
  char *id;
  gsize start;
  gsize end;
} PnTextBlock;

PnTextBlock *pn_text_block_new  (const char *id, gsize start, gsize end);
void         pn_text_block_free (PnTextBlock *block);

/* An occurrence of a glossary entry's term in the page (matched in the text or
 * an explicit glossary: link): [start, end) in code points of the page's text,
 * in the block @block_id (NULL when outside any); @linked FALSE when the link
 * mode left it unmarked. */
typedef struct {
  char *entry_id;
  char *block_id;
  gsize start;
  gsize end;
  gboolean linked;
} PnTermOccurrence;

PnTermOccurrence *pn_term_occurrence_new  (const char *entry_id,
                                           const char *block_id,
                                           gsize       start,
                                           gsize       end,
                                           gboolean    linked);
PnTermOccurrence *pn_term_occurrence_copy (const PnTermOccurrence *occurrence);
void              pn_term_occurrence_free (PnTermOccurrence *occurrence);

/* A link to a heading of another document, [text](doc:ID#ANCHOR), at @line
 * and @column of the Markdown: checked once every document has its ids. */
typedef struct {
  char *doc_id;
  char *anchor;
  int line;
  int column;
} PnDocLink;

PnDocLink        *pn_doc_link_new   (const char *doc_id,
                                     const char *anchor,
                                     int         line,
                                     int         column);
void              pn_doc_link_free  (PnDocLink  *link);

#define PN_TYPE_RENDERED_PAGE (pn_rendered_page_get_type ())
G_DECLARE_FINAL_TYPE (PnRenderedPage, pn_rendered_page, PN, RENDERED_PAGE, GObject)

/* Takes @html, @text, @blocks (of PnTextBlock, in document order) and @diagnostics. */
PnRenderedPage    *pn_rendered_page_new             (char        *html,
                                                     char        *text,
                                                     GPtrArray   *blocks,
                                                     GPtrArray   *diagnostics);
const char        *pn_rendered_page_get_html        (PnRenderedPage *self);
/* The text the page shows in its article (UTF-8): each block's text, blocks
 * separated by "\n", a line break as "\n"; footnote calls, their back-links and
 * images are not text. For each block, the slice of this text between its
 * offsets is the text content of the element with that id in the HTML (a <br>
 * counted as "\n", footnote calls and back-links left out). */
const char        *pn_rendered_page_get_text        (PnRenderedPage *self);
GPtrArray         *pn_rendered_page_get_blocks      (PnRenderedPage *self);
const PnTextBlock *pn_rendered_page_find_block      (PnRenderedPage *self,
                                                     const char     *id);
/* The block's text (a new string), or NULL when no block has that id. */
char              *pn_rendered_page_get_block_text  (PnRenderedPage *self,
                                                     const char     *id);
/* Of PnTermOccurrence, in text order: every occurrence of a glossary term,
 * whatever the link mode, explicit glossary: links included. */
GPtrArray         *pn_rendered_page_get_terms       (PnRenderedPage *self);
/* Takes @terms (of PnTermOccurrence; NULL for none). For the renderer. */
void               pn_rendered_page_set_terms       (PnRenderedPage *self,
                                                     GPtrArray      *terms);
/* Of PnDiagnostic, in reading order. */
GPtrArray         *pn_rendered_page_get_diagnostics (PnRenderedPage *self);
/* The ids of its headings (a set of strings, taken), and its links to
 * other documents' headings (of PnDocLink, taken; NULL: none). */
void               pn_rendered_page_set_anchors     (PnRenderedPage *self,
                                                     GHashTable     *heading_ids,
                                                     GPtrArray      *doc_links);
gboolean           pn_rendered_page_has_heading     (PnRenderedPage *self,
                                                     const char     *id);
/* The heading ids in byte order (the strings borrowed: free the array only). */
GPtrArray         *pn_rendered_page_list_headings   (PnRenderedPage *self);
GPtrArray         *pn_rendered_page_get_doc_links   (PnRenderedPage *self);

G_END_DECLS
