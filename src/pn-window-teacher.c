/* pn-window-teacher.c: the teacher's notes in the window's text
 *
 * The window's PnTeacherNotes (pn-teacher-notes.h) on its text view and
 * session, and win.show-teacher-notes, the « Teacher's Notes » check item of
 * the main menu: the "show-teacher-notes" setting as a stateful action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include "pn-teacher-notes.h"
#include "pn-window-private.h"

#define TEACHER_NOTES_KEY "pn-teacher-notes"

PnTeacherNotes *
pn_window_get_teacher_notes (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);
  return g_object_get_data (G_OBJECT (self), TEACHER_NOTES_KEY);
}

void
_pn_window_teacher_notes_init (PnWindow *self)
{
  g_autoptr(GAction) show = g_settings_create_action (self->settings, "show-teacher-notes");

  g_object_set_data_full (G_OBJECT (self), TEACHER_NOTES_KEY,
                          pn_teacher_notes_new (self->reader_view, self->session, self->settings),
                          g_object_unref);
  g_action_map_add_action (G_ACTION_MAP (self), show);
}
