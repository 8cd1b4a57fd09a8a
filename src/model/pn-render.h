/* pn-render.h: a pack document as the safe HTML page the reader shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-pack.h"

G_BEGIN_DECLS

#define PN_SCHEME "prisonnum"
/* The reader's stylesheet, served by the app from its GResource. */
#define PN_READER_CSS_URI "prisonnum://app/reader.css"

/* prisonnum://pack/PACK-ID/doc/DOC-ID (see pn-pack-uri.h), the address the reader loads a document from. */
char *pn_render_document_uri (PnPack *pack, const char *doc_id);

/* The whole HTML page (doctype, head, body) for @doc. Never fails on bad Markdown:
 * raw HTML is dropped, dangerous or unknown links are neutralised, and each such
 * problem is appended to @diagnostics with the document's file and line. */
char *pn_render_document     (PnPack      *pack,
                              PnDocument  *doc,
                              GPtrArray   *diagnostics);

/* French typography on plain text (already-escaped HTML text is fine too):
 * narrow no-break space before ; ! ? and » and after «, no-break space before :
 * and before %. Only replaces existing spaces; never inserts where there is none. */
char *pn_render_french_spacing (const char *text);

G_END_DECLS
