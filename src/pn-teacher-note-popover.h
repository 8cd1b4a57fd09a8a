/* pn-teacher-note-popover.h: one of the teacher's notes, shown over the text, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_TEACHER_NOTE_POPOVER (pn_teacher_note_popover_get_type ())
G_DECLARE_FINAL_TYPE (PnTeacherNotePopover, pn_teacher_note_popover, PN, TEACHER_NOTE_POPOVER, GtkPopover)

GtkWidget  *pn_teacher_note_popover_new      (void);
/* Shows @note (Markdown, rendered through the pack's safe passes). */
void        pn_teacher_note_popover_set_note (PnTeacherNotePopover *self,
                                              PnPack               *pack,
                                              const char           *note);
/* Its lines kept within @view_width (the text view's), down to phone sizes. */
void        pn_teacher_note_popover_fit      (PnTeacherNotePopover *self,
                                              int                   view_width);
/* The note's text as shown, for tests. */
const char *pn_teacher_note_popover_get_text (PnTeacherNotePopover *self);

/* Signals:
 *   "link-activated" (const char *uri)   a link of the note: to the web (http, https, mailto) or
 *                                        to the pack (prisonnum://pack/...)
 */

G_END_DECLS
