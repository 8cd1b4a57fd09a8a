/* pn-annotation-controller.h: the student's highlights, notes and bookmarks in the reader
 *
 * Between the store and the text view of one window. When a document is
 * shown, its annotations are read from the store, anchored in its page text
 * (pn-anchor.h: one that moved, or could not be placed any more, is written
 * back at once, detached ones kept), and the attached ones painted
 * (pn_reader_view_set_annotations()). Words highlighted in the view are
 * stored at once with their W3C selectors; a highlight opened shows the
 * highlight popover (note, colour, tags, Delete with Undo in a toast). Every
 * change goes through pn_pack_session_annotations_changed(), which repaints.
 * Bookmarks (at the block at the top of the view) and the free note of a
 * document are here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pn-highlight-popover.h"
#include "pn-pack-session.h"
#include "pn-reader-view.h"

G_BEGIN_DECLS

#define PN_TYPE_ANNOTATION_CONTROLLER (pn_annotation_controller_get_type ())
G_DECLARE_FINAL_TYPE (PnAnnotationController, pn_annotation_controller, PN, ANNOTATION_CONTROLLER, GObject)

/* @settings (nullable) keeps "highlight-color"; @toasts (nullable) shows
 * what was done (Undo of a deletion). Holds weak references to the widgets. */
PnAnnotationController *pn_annotation_controller_new (PnReaderView    *view,
                                                      PnPackSession   *session,
                                                      GSettings       *settings,
                                                      AdwToastOverlay *toasts);
/* Reads, anchors and paints the shown document's annotations again. */
void                pn_annotation_controller_refresh          (PnAnnotationController *self);
/* The shown document's annotations as last read and anchored (of PnAnnotation). */
GPtrArray          *pn_annotation_controller_get_annotations  (PnAnnotationController *self);
/* A bookmark at the block at the top of the view: added, or removed when
 * there is one. Returns TRUE when one was added. */
gboolean            pn_annotation_controller_toggle_bookmark  (PnAnnotationController *self);
/* The free note of the shown document, in a dialog over @parent (saved at once). */
void                pn_annotation_controller_edit_document_note (PnAnnotationController *self,
                                                                 GtkWindow              *parent);
/* The highlight popover (NULL before one was opened), for tests. */
PnHighlightPopover *pn_annotation_controller_get_popover      (PnAnnotationController *self);

/* Signals:
 *   "problem" (const char *message)   a save failed (also said in a toast)
 */

G_END_DECLS
