/* pn-teacher-notes.h: the teacher's notes of the open pack in the reader
 *
 * Between the pack session and the text view of one window. When a document
 * is shown, the pack's notes on it (pn-pack-annotations.h) are placed in its
 * page text and painted as their own layer (pn_reader_view_set_teacher_notes());
 * one opened shows a read-only popover. The "show-teacher-notes" setting
 * hides and shows the layer. Nothing goes to the student's store: these are
 * the pack's, and none of the student's notes, lists or exports see them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-pack-session.h"
#include "pn-reader-view.h"
#include "pn-teacher-note-popover.h"

G_BEGIN_DECLS

#define PN_TYPE_TEACHER_NOTES (pn_teacher_notes_get_type ())
G_DECLARE_FINAL_TYPE (PnTeacherNotes, pn_teacher_notes, PN, TEACHER_NOTES, GObject)

/* @settings (nullable: always shown) holds "show-teacher-notes". Holds a
 * weak reference to @view. */
PnTeacherNotes       *pn_teacher_notes_new         (PnReaderView  *view,
                                                    PnPackSession *session,
                                                    GSettings     *settings);
/* Places and paints the shown document's notes again (none when hidden). */
void                  pn_teacher_notes_refresh     (PnTeacherNotes *self);
/* The notes painted now (of PnAnnotation, placed), for tests. */
GPtrArray            *pn_teacher_notes_get_shown   (PnTeacherNotes *self);
/* The popover, once a note was opened (NULL before), for tests. */
PnTeacherNotePopover *pn_teacher_notes_get_popover (PnTeacherNotes *self);

G_END_DECLS
