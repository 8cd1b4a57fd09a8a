/* pn-works-cited.h: the list of works a document cites, for its printed copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-pack.h"

G_BEGIN_DECLS

/* Most cited ids the list is built from; the rest are left out. */
#define PN_WORKS_CITED_MAX_IDS 4096

/* The sources of @pack that @cited_ids name (the ids of a document's source:
 * links as its page holds them: any order, repeats and unknown ids allowed),
 * each once, in the order of the pack's sources file, which is the order of
 * the Sources page. Returns a GPtrArray of const PnSource *, never NULL. */
GPtrArray *pn_works_cited_collect (PnPack             *pack,
                                   const char * const *cited_ids);

/* The heading of the list in a document in @language (nullable): the
 * printed page speaks the document's language, not the interface's, as its
 * footnote back-links do (pn_text_footnote_back_label()). French or English. */
const char *pn_works_cited_heading (const char *language);

/* @sources (from pn_works_cited_collect()) as JSON for the print script:
 * { "heading": @heading, "entries": [ { "id": "…", "runs": [ ["text", italic], … ] }, … ] }
 * Each reference is pn_source_format_reference() in @language (the document's,
 * nullable: what is unknown is said in the language of the page) split into runs
 * of plain text (the page builds text nodes from them, never markup). */
char      *pn_works_cited_to_json (GPtrArray          *sources,
                                   const char         *heading,
                                   const char         *language);

G_END_DECLS
