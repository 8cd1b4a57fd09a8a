/* pn-library-reanchor.h: the student's notes placed again in an updated pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-annotation-anchoring.h"
#include "pn-pack.h"
#include "pn-store.h"

G_BEGIN_DECLS

/* Renders each document of @pack to its page text and anchors the student's
 * annotations of it (pn_annotations_anchor_document()), writing back what
 * moved. @report (may be NULL) gets the counts summed over the documents
 * (its "changed" is left NULL); @detached (may be NULL) receives the
 * annotations now detached (a GPtrArray owning pn_annotation_copy()s), for the
 * update to list. FALSE with @error when the store could not be read or written;
 * the documents done before are kept. */
gboolean pn_library_reanchor_pack (PnStore            *store,
                                   PnPack             *pack,
                                   PnAnchoringReport  *report,
                                   GPtrArray         **detached,
                                   GError            **error);

G_END_DECLS
