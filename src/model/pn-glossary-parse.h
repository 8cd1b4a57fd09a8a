/* pn-glossary-parse.h: reading the pack's glossary file into a PnGlossary
 *
 * The file is an object with an "entries" array (data/schemas/glossary.schema.json).
 * Each problem becomes a diagnostic at its file:line:column; an entry that
 * cannot be used is left out, and the valid ones are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-glossary.h"
#include "pn-json.h"

G_BEGIN_DECLS

/* The entries of the glossary file @json, or NULL when the file holds no
 * "entries" array (reported). @source_ids (id -> anything, e.g. the pack's
 * source index) are the ids an entry's "sources" may name; NULL skips that
 * check. Every problem is appended to @diagnostics (may be NULL). */
PnGlossary *pn_glossary_parse (PnJsonFile *json,
                               GHashTable *source_ids,
                               GPtrArray  *diagnostics);

/* How the glossary compares terms and forms: as the matcher does
 * (pn_glossary_normalize: NFC, white space collapsed, apostrophes as ',
 * middle dots alike, lower case unless @case_sensitive), without the white
 * space around and a leading elision ("l'extraction" is "extraction"). */
char       *pn_glossary_form_key (const char *form,
                                  gboolean    case_sensitive);

G_END_DECLS
