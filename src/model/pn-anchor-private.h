/* pn-anchor-private.h: what pn-anchor.c and pn-anchor-match.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-anchor.h"

G_BEGIN_DECLS

/* One byte offset kept every PN_ANCHOR_STEP code points. */
#define PN_ANCHOR_STEP_SHIFT 6
#define PN_ANCHOR_STEP (1 << PN_ANCHOR_STEP_SHIFT)

/* The context compared on each side of a candidate, at the most (the
 * selectors carry 32 code points; a longer one, from elsewhere, is cut). */
#define PN_ANCHOR_MAX_CONTEXT 64

struct _PnAnchorText {
  char *text;          /* valid UTF-8, NUL-terminated */
  gsize n_bytes;
  gint64 length;       /* code points */
  gsize *marks;        /* marks[i]: the byte offset of code point i * PN_ANCHOR_STEP */
  char *hash;
};

/* The byte offset of code point @offset (clamped to [0, length]). */
gsize  pn_anchor_text_byte_at  (PnAnchorText *self,
                                gint64        offset);
/* The code point offset of the character starting at byte @byte. */
gint64 pn_anchor_text_offset_of (PnAnchorText *self,
                                 gsize         byte);

/* The quote's code points as a small alphabet for edlib (at most 255
 * symbols; 0 is kept for the text's characters not in the quote). */
typedef struct _PnAnchorAlphabet PnAnchorAlphabet;

/* NULL when @quote has more than 255 different code points. */
PnAnchorAlphabet *pn_anchor_alphabet_new  (const gunichar   *quote,
                                           gint64            n_quote);
void              pn_anchor_alphabet_free (PnAnchorAlphabet *alphabet);

typedef struct {
  gint64 start;        /* code points of the text, [start, end) */
  gint64 end;
  int errors;          /* edits in code points */
} PnAnchorSpan;

/* The best approximate matches (fewest errors, at most @max_errors) of the
 * quote in the code points [@from, @to) of @self, added to @spans; FALSE
 * when there is none. */
gboolean pn_anchor_find_approximate (PnAnchorText           *self,
                                     const PnAnchorAlphabet *alphabet,
                                     const gunichar         *quote,
                                     gint64                  n_quote,
                                     int                     max_errors,
                                     gint64                  from,
                                     gint64                  to,
                                     GArray                 *spans);

/* How alike @context (@n code points) is to the text just before
 * (@before TRUE: the text ending at byte @at) or just after (starting at
 * byte @at) a candidate, in [0, 1]: 1 - edits / @n, the far end free (a
 * word more or less out there costs nothing). */
double   pn_anchor_context_similarity (PnAnchorText   *self,
                                       gsize           at,
                                       gboolean        before,
                                       const gunichar *context,
                                       int             n);

G_END_DECLS
