/* pn-render.h: a pack document as the safe HTML page the reader shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-pack.h"
#include "pn-rendered-page.h"

G_BEGIN_DECLS

#define PN_SCHEME "prisonnum"
/* The reader's stylesheet, served by the app from its GResource. */
#define PN_READER_CSS_URI "prisonnum://app/reader.css"

/* prisonnum://pack/PACK-ID/doc/DOC-ID (see pn-pack-uri.h), the address the reader loads a document from. */
char *pn_render_document_uri (PnPack *pack, const char *doc_id);

/* @doc rendered by the default pipeline (see pn-render-pipeline.h): the whole
 * HTML page (doctype, head, body), the article's plain text with its block
 * map, and the problems found, each naming the document's file and line.
 * Never NULL; never fails on bad Markdown: raw HTML is dropped, dangerous or
 * unknown links are neutralised, input that would cost the parser too much is
 * shown as plain text. Safe to call from any thread. */
PnRenderedPage *pn_render_page (PnPack     *pack,
                                PnDocument *doc);
/* The same, @mode saying which occurrences of the glossary's terms are
 * links (pn_render_page() links every one); every occurrence is in
 * pn_rendered_page_get_terms() whatever @mode. */
PnRenderedPage *pn_render_page_full (PnPack             *pack,
                                     PnDocument         *doc,
                                     PnGlossaryLinkMode  mode);

/* The HTML of pn_render_page(), its problems appended to @diagnostics. */
char *pn_render_document     (PnPack      *pack,
                              PnDocument  *doc,
                              GPtrArray   *diagnostics);

/* Kept for the views: the same as pn_text_french_spacing(). */
char *pn_render_french_spacing (const char *text);

G_END_DECLS
