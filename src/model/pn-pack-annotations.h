/* pn-pack-annotations.h: the teacher's notes a course pack carries
 *
 * pack.json may name, under "annotations", a W3C Web Annotation file (as the
 * app's own export writes it, pn-annotation-export.h): the teacher's notes on
 * passages of the pack's documents. They are read with the pack, each problem
 * a diagnostic naming the file and line, and placed in each document with the
 * students' anchoring (pn-anchor.h). They are the pack's, never the
 * student's: nothing here touches the student's store, and the exports of the
 * student's notes never see them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-anchor.h"
#include "pn-pack.h"

G_BEGIN_DECLS

/* Most teacher's notes a pack may carry (the others are left out, with a
 * warning); the file itself is bounded like the pack's other files
 * (PN_PACK_MAX_FILE_SIZE). */
#define PN_PACK_MAX_TEACHER_NOTES 2000

/* The file pack.json names under "annotations", or NULL. */
const char   *pn_pack_get_annotations_file      (PnPack     *self);
/* Of PnAnnotation (all highlights with a quote and a note, of documents of
 * the pack, their pack id the pack's), in file order: those that could be
 * read. Never NULL. */
GPtrArray    *pn_pack_get_teacher_notes         (PnPack     *self);
/* The one with @id, or NULL. */
const PnAnnotation *pn_pack_get_teacher_note    (PnPack     *self,
                                                 const char *id);
/* Where the note @id starts in the annotations file (0: unknown). */
int           pn_pack_get_teacher_note_line     (PnPack     *self,
                                                 const char *id);
/* Copies of the notes on @document_id, in file order (a new array). */
GPtrArray    *pn_pack_get_teacher_notes_of      (PnPack     *self,
                                                 const char *document_id);
/* Copies of the notes on @document_id placed in @text (the document's page
 * text as it is rendered now), those found only (a new array);
 * @n_detached (may be NULL) receives how many were not found. */
GPtrArray    *pn_pack_anchor_teacher_notes      (PnPack       *self,
                                                 const char   *document_id,
                                                 PnAnchorText *text,
                                                 guint        *n_detached);
/* A warning for each note whose words are no longer in its document's text
 * (@texts: document id -> page text), at its line in the annotations file. */
void          pn_pack_check_teacher_notes       (PnPack     *self,
                                                 GHashTable *texts,
                                                 GPtrArray  *diagnostics);

G_END_DECLS
