/* pn-note-row.h: one of the student's annotations as a row of the Notes page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-annotation.h"
#include "pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_NOTE_ROW (pn_note_row_get_type ())
G_DECLARE_FINAL_TYPE (PnNoteRow, pn_note_row, PN, NOTE_ROW, GtkListBoxRow)

/* A row showing @annotation (copied): its colour, quote, note (Markdown, in
 * @pack's language), tags and date. @detached_from: NULL, or the row is one
 * of the Detached section and this says where the note was (a document's
 * title); it has a « Re-attach… » button when @can_reattach. */
GtkWidget          *pn_note_row_new            (const PnAnnotation *annotation,
                                                PnPack             *pack,
                                                const char         *detached_from,
                                                gboolean            can_reattach);
gboolean            pn_note_row_get_detached   (PnNoteRow          *self);
const PnAnnotation *pn_note_row_get_annotation (PnNoteRow          *self);

/* Signals:
 *   "reattach" ()   the « Re-attach… » button of a detached row
 */

G_END_DECLS
