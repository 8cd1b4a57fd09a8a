/* pn-store-annotations.h: the student's highlights, notes and bookmarks (the
 * store's annotation tables)
 *
 * CONTRACT HEADER written before the code (issue 8): the implementation is
 * pn-store-annotations.c (schema v5). Other files rely on these names;
 * change them only together with every user.
 *
 * Each call is one transaction, on disk when it returns (WAL). Keyed by the
 * annotation's id, with the pack id and document id; never by a file path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-annotation.h"
#include "pn-store.h"

G_BEGIN_DECLS

/* Adds @annotation (its id kept: an Undo of a deletion adds it back as it
 * was). Refused when its id is already there. */
gboolean      pn_store_add_annotation     (PnStore             *self,
                                           const PnAnnotation  *annotation,
                                           GError             **error);
/* Writes every member of @annotation over the stored one with the same id
 * (kind, colour, note, tags, selectors, hash, detached, updated_at). Refused
 * when the id is unknown. */
gboolean      pn_store_update_annotation  (PnStore             *self,
                                           const PnAnnotation  *annotation,
                                           GError             **error);
/* pn_store_update_annotation() of each of @annotations (of PnAnnotation) in
 * one transaction, all or nothing (e.g. the new places of a document's
 * notes after the text changed). */
gboolean      pn_store_update_annotations (PnStore             *self,
                                           GPtrArray           *annotations,
                                           GError             **error);
gboolean      pn_store_delete_annotation  (PnStore             *self,
                                           const char          *id,
                                           GError             **error);
/* NULL when unknown (or with @error set on failure). */
PnAnnotation *pn_store_get_annotation     (PnStore             *self,
                                           const char          *id,
                                           GError             **error);
/* The annotations of a pack (@document_id NULL: of every document; @pack_id
 * NULL: of every pack, by pack), by document then position (document notes
 * first, then by start). */
GPtrArray    *pn_store_get_annotations    (PnStore             *self,
                                           const char          *pack_id,
                                           const char          *document_id,
                                           GError             **error);
/* Every tag used in the pack's annotations, sorted, for completion. */
GStrv         pn_store_get_annotation_tags (PnStore            *self,
                                            const char         *pack_id,
                                            GError            **error);
/* Adds @annotations (of PnAnnotation) in one transaction, all or nothing:
 * one whose id is there, or with the same pack, document, kind, selectors'
 * quote and position, and note, is skipped (counted in @n_skipped). */
gboolean      pn_store_import_annotations (PnStore             *self,
                                           GPtrArray           *annotations,
                                           guint               *n_added,
                                           guint               *n_skipped,
                                           GError             **error);

G_END_DECLS
