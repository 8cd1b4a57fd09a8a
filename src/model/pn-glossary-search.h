/* pn-glossary-search.h: finding glossary entries as a reader types or selects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-glossary.h"

G_BEGIN_DECLS

/* Both build the glossary's search keys on first use and keep them on it:
 * call them from one thread (the interface's). */

/* The entries matching @query (borrowed from @self, in a new array), best
 * first: the term starts with the query, then a word of the term or one of
 * its forms starts with it, then the term or a form contains it; in French
 * alphabetical order (accents ignored) within each rank. Case and accents are
 * ignored ("feodalisme" finds "techno-féodalisme"). An empty or blank @query
 * (or NULL) gives every entry in alphabetical order. */
GPtrArray             *pn_glossary_search    (PnGlossary *self,
                                              const char *query);

/* The entry whose term or one of whose forms is @text (a word or words
 * selected in a page): surrounding white space and punctuation and a leading
 * elision ("l'extraction", "l’extraction") are skipped, case and accents
 * ignored, except for case-sensitive entries, which must match in their own
 * case. An exact match (accents as written) wins over one without accents.
 * NULL when there is none. */
const PnGlossaryEntry *pn_glossary_find_term (PnGlossary *self,
                                              const char *text);

G_END_DECLS
