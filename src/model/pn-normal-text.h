/* pn-normal-text.h: text as the glossary's matcher compares it (model only)
 *
 * Normalised: NFC, case folded when asked, ’ ʼ ‘ as ', no-break, narrow and
 * other spaces as ' ', runs of white space as one, ‧ ⋅ ∙ • as · (U+00B7),
 * accents kept; with, for a text searched, where each byte of the result
 * comes from (sparse: a jump wherever the offsets stop moving together).
 * And the word boundaries of the matcher on such text: letters, digits,
 * marks and · are inside words; an apostrophe after a French elision
 * (l' d' qu' jusqu' lorsqu' puisqu' quoiqu' m' t' s' n' j' c', any case)
 * starts a word, one inside a word does not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* From byte @norm of the normalised text on, byte norm + i comes from byte
 * @text + i of the text (up to the next jump). */
typedef struct {
  gsize norm;
  gsize text;
} PnNormalJump;

typedef struct {
  char *s;
  GArray *jumps;        /* of PnNormalJump: where each byte of s comes from; NULL when not wanted */
  gssize delta;         /* offset in the text - offset in s, since the last jump */
  gsize len;
  gsize cap;
} PnNormalText;


/* Appends @text (@length bytes, valid UTF-8) normalised to @n, folded when
 * @fold; @n starts zeroed, with jumps (an empty array) and delta -1 when
 * offsets are wanted. */
void      pn_normal_text_fill     (PnNormalText       *n,
                                   const char         *text,
                                   gsize               length,
                                   gboolean            fold);
/* Where byte @at of @n comes from in the text of @length bytes (@length
 * for the end); without jumps, @at itself. */
gsize     pn_normal_text_original (const PnNormalText *n,
                                   gsize               at,
                                   gsize               length);
/* @text normalised, without spaces at its ends (a new string). */
char     *pn_normal_form          (const char         *text,
                                   gboolean            fold);
/* Whether @text is its own normal form but for the case of ASCII letters. */
gboolean  pn_normal_is_plain      (const char         *text,
                                   gsize               length);
/* Word boundaries in normalised (or plain) @text, before byte @at. */
gboolean  pn_normal_starts_word   (const char         *text,
                                   gsize               at);
gboolean  pn_normal_ends_word     (const char         *text,
                                   gsize               length,
                                   gsize               at);

G_END_DECLS
