/* pn-anchor.h: W3C selectors made from a range of a document's plain text,
 * and found again in it, or in a changed edition of it
 *
 * CONTRACT HEADER written before the code (issue 8): the implementation is
 * pn-anchor.c (+ files of its own as needed). Other files rely on these
 * names; change them only together with every user.
 *
 * Offsets are code points of the document's plain text (the text of
 * pn_rendered_page_get_text(), the one the page's pnText has). Finding is
 * done as the Hypothesis client does it, with a floor: the position first,
 * when the text there is still the quote; then every exact match of the
 * quote, ranked by its context and its distance from the old position; then
 * an approximate match (Myers' bit-parallel algorithm through edlib, at most
 * min(256, length / 2) errors) scored on quote, prefix, suffix and position.
 * Below the floor the result is DETACHED (the caller keeps the annotation and
 * shows it as detached; it is never deleted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "pn-annotation.h"

G_BEGIN_DECLS

/* A text prepared for anchoring many annotations in it (code point index,
 * hash). Immutable once made: may be shared by threads. */
typedef struct _PnAnchorText PnAnchorText;

PnAnchorText *pn_anchor_text_new        (const char   *text,
                                         gssize        length);
void          pn_anchor_text_free       (PnAnchorText *self);
const char   *pn_anchor_text_get_text   (PnAnchorText *self);
gint64        pn_anchor_text_get_length (PnAnchorText *self);   /* in code points */
/* The SHA-256 of the text, in hex: an annotation's content_hash. */
const char   *pn_anchor_text_get_hash   (PnAnchorText *self);

/* The selectors of [@start, @end) (code points, clamped to the text), with
 * 32 code points of prefix and suffix, in @selectors (cleared first). */
void          pn_anchor_text_make_selectors (PnAnchorText    *self,
                                             gint64           start,
                                             gint64           end,
                                             PnTextSelectors *selectors);

typedef enum {
  PN_ANCHOR_POSITION,     /* the text at the old position is still the quote */
  PN_ANCHOR_EXACT,        /* an exact match of the quote elsewhere, the best by context and distance */
  PN_ANCHOR_APPROXIMATE,  /* a match with errors, above the floor */
  PN_ANCHOR_DETACHED,     /* nothing good enough: start and end are -1 */
} PnAnchorMethod;

typedef struct {
  PnAnchorMethod method;
  gint64 start;           /* code points in the text; -1 when detached */
  gint64 end;
  double score;           /* in [0, 1]: 1 for POSITION and for an exact match in its context */
} PnAnchorResult;

/* Finds @selectors in @self. When @selectors has no position (start == end == 0
 * and no prefix and suffix, e.g. a quiz passage's quote), only the quote and
 * its approximate matches count. Never fails: DETACHED when nothing is good
 * enough. */
void          pn_anchor_text_locate    (PnAnchorText          *self,
                                        const PnTextSelectors *selectors,
                                        PnAnchorResult        *result);

/* Anchors @annotation (not a document note) in @self: on success its
 * selectors' position is moved to where it was found (the quote, prefix and
 * suffix kept as they were made, so that a later edition is judged against
 * the first words), content_hash set to @self's, detached cleared; when
 * DETACHED, only detached is set. Returns the method. */
PnAnchorMethod pn_anchor_annotation    (PnAnchorText          *self,
                                        PnAnnotation          *annotation,
                                        PnAnchorResult        *result);

G_END_DECLS
