/* pn-text.h: the text rules of the pack's language (French first)
 *
 * One place for what the renderer, the sources and the views must agree on:
 * which language tag is French, how words are compared (case folding,
 * elisions), and French typography (espaces fines, typographic apostrophes).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the BCP 47 tag @language is @prefix or a variant of it
 * ("fr", "FR", "fr-CA", "fr_BE" for "fr"; not "fro" nor "fry"). NULL is no language. */
gboolean    pn_text_language_is        (const char *language,
                                        const char *prefix);
/* pn_text_language_is (@language, "fr") */
gboolean    pn_text_is_french          (const char *language);

/* @text for comparing words: Unicode case folded and composed (NFKC), with
 * typographic apostrophes (’ ʼ ‘) as ' and no-break spaces as plain spaces. */
char       *pn_text_casefold           (const char *text);

/* @text as a search key: pn_text_casefold(), then accents and other combining
 * marks left out and the ligatures œ æ spelt out ("Féodalisme" -> "feodalisme",
 * "Œuvre" -> "oeuvre"). */
char       *pn_text_fold_accents       (const char *text);

/* The length in bytes of the French elision that starts @word ("l'", "d’",
 * "qu'", "jusqu’", "lorsqu'", "puisqu'", "quoiqu'"…, any case, either
 * apostrophe, followed by a letter), or 0 when it starts with none. */
gsize       pn_text_elision_length     (const char *word);
/* @word after its elision, if any ("l’Europe" -> "Europe"). */
const char *pn_text_skip_elision       (const char *word);

/* Straight apostrophes between two letters as ’ (U+2019), except in words
 * that look like addresses (holding "://", "www." or "@"). */
char       *pn_text_typographic_apostrophes (const char *text);

/* French spacing on plain text (already-escaped HTML text is fine too):
 * narrow no-break space before ; ! ? and » and after «, no-break space before :
 * and before %. Only replaces existing spaces; never inserts where there is none. */
char       *pn_text_french_spacing     (const char *text);

/* The label of a footnote's link back to its call, in @language (the
 * document's, not the interface's). */
const char *pn_text_footnote_back_label (const char *language);

G_END_DECLS
