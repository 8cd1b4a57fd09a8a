/* pn-annotation-anchoring.h: a document's annotations placed again in its
 * text as it is now, and the store told of those that moved
 *
 * The reader (the document shown) and the Notes page (every document of the
 * pack) both go through here, so that a note is placed, counted and saved
 * the same way wherever it is seen first after a pack update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-anchor.h"
#include "pn-store.h"

G_BEGIN_DECLS

typedef struct {
  /* How each annotation that has a quote was found (document notes, and
   * annotations without a quote, are left as they are and not counted). */
  guint n_position;
  guint n_exact;
  guint n_approximate;
  guint n_detached;
  /* Those whose place, text hash or detached flag changed, to be written
   * back: borrowed from the annotations anchored (NULL when none changed). */
  GPtrArray *changed;
} PnAnchoringReport;

void pn_anchoring_report_clear (PnAnchoringReport *report);

/* Anchors each of @annotations (PnAnnotation, all of the document whose page
 * text is @text) in @text, in place, and writes those that changed back to
 * @store in one transaction (all or nothing). Nothing is written when
 * nothing changed. @report (may be NULL; overwritten: clear it before
 * using it again) receives the counts and the annotations that changed,
 * whether or not they could be saved.
 * FALSE with @error set when writing failed: the store holds what it held,
 * the annotations keep their new places (to be shown all the same). */
gboolean pn_annotations_anchor_and_save (PnStore            *store,
                                         GPtrArray          *annotations,
                                         PnAnchorText       *text,
                                         PnAnchoringReport  *report,
                                         GError            **error);

/* The annotations of @document_id in the pack @pack_id, read from @store
 * and anchored in @text (its page text) as pn_annotations_anchor_and_save()
 * does it. *@annotations receives them (by position, as
 * pn_store_get_annotations() gives them), NULL only when they could not be
 * read; FALSE with @error set when reading or writing back failed. */
gboolean pn_annotations_anchor_document (PnStore            *store,
                                         const char         *pack_id,
                                         const char         *document_id,
                                         PnAnchorText       *text,
                                         GPtrArray         **annotations,
                                         PnAnchoringReport  *report,
                                         GError            **error);

G_END_DECLS
