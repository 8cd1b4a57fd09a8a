/* pn-glossary-matcher.h: where the glossary's terms occur in a text
 *
 * One Aho–Corasick automaton over the normalised forms of every entry (its
 * term and its forms), built once per glossary: finding the terms of a text
 * costs one pass over it, whatever the number of entries.
 *
 * Text and forms are compared normalised: NFC, case folded (except for the
 * entries marked case-sensitive, which match only in their own case),
 * ’ and ' alike, no-break and narrow spaces as spaces, runs of white space as
 * one, middle-dot variants (‧ ⋅ ∙ •) as · (U+00B7); accents are kept as the
 * term has them. A match starts and ends at word boundaries (letters, digits
 * and · are inside words), and sees through the French elisions
 * (l' d' qu' jusqu' lorsqu' puisqu' quoiqu' m' t' s' n' j' c', with either
 * apostrophe): in « l’extraction », « extraction » matches; in « presqu’île »,
 * « île » does not. Matches never overlap: the leftmost first, and of those
 * starting at one place the longest (« subsomption totale » before
 * « subsomption »).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pn-glossary.h"

G_BEGIN_DECLS

typedef struct {
  gsize start;                    /* bytes in the text searched, [start, end) */
  gsize end;
  const PnGlossaryEntry *entry;   /* owned by the glossary */
} PnGlossaryMatch;

#define PN_TYPE_GLOSSARY_MATCHER (pn_glossary_matcher_get_type ())
G_DECLARE_FINAL_TYPE (PnGlossaryMatcher, pn_glossary_matcher, PN, GLOSSARY_MATCHER, GObject)

/* The matcher of @glossary's entries, built on the first call and kept by
 * @glossary (borrowed: valid while @glossary lives). Safe to call from any
 * thread. Entries added to @glossary later are matched from the next call on. */
PnGlossaryMatcher *pn_glossary_get_matcher         (PnGlossary *glossary);

/* A new matcher over the entries @glossary holds now; @glossary must outlive it. */
PnGlossaryMatcher *pn_glossary_matcher_new         (PnGlossary *glossary);
/* How many distinct normalised forms it matches. */
guint              pn_glossary_matcher_get_n_forms (PnGlossaryMatcher *self);
/* The occurrences in @text (@length bytes, or -1 when NUL-terminated; valid
 * UTF-8): a new array of PnGlossaryMatch in text order, never overlapping.
 * Safe to call from several threads at once. */
GArray            *pn_glossary_matcher_find        (PnGlossaryMatcher *self,
                                                    const char        *text,
                                                    gssize             length);

/* @text as the matcher compares it (see above), folded when @fold. */
char              *pn_glossary_normalize           (const char *text,
                                                    gboolean    fold);

G_END_DECLS
