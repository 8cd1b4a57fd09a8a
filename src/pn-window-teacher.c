/* pn-window-teacher.c: the teacher's notes in the window's text
 *
 * The window's PnTeacherNotes (pn-teacher-notes.h) on its text view and
 * session, and win.show-teacher-notes, the « Teacher's Notes » check item of
 * the main menu: the "show-teacher-notes" setting as a stateful action,
 * enabled (and the item shown) only while the open pack carries notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include "pn-pack-annotations.h"
#include "pn-teacher-notes.h"
#include "pn-window-private.h"

#define TEACHER_NOTES_KEY "pn-teacher-notes"
#define SETTING "show-teacher-notes"

PnTeacherNotes *
pn_window_get_teacher_notes (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);
  return g_object_get_data (G_OBJECT (self), TEACHER_NOTES_KEY);
}

static void
change_state (GSimpleAction *action, GVariant *state, gpointer user_data)
{
  PnWindow *self = user_data;

  g_settings_set_value (self->settings, SETTING, state);
}

static void
setting_changed (PnWindow *self, const char *key, GSettings *settings)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), SETTING);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_settings_get_value (settings, SETTING));
}

static void
pack_opened (PnWindow *self, PnPackSession *session)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), SETTING);
  PnPack *pack = pn_pack_session_get_pack (session);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               pack != NULL && pn_pack_get_teacher_notes (pack)->len > 0);
}

void
_pn_window_teacher_notes_init (PnWindow *self)
{
  g_autoptr(GSimpleAction) show = g_simple_action_new_stateful (SETTING, NULL,
                                                                 g_settings_get_value (self->settings, SETTING));

  g_object_set_data_full (G_OBJECT (self), TEACHER_NOTES_KEY,
                          pn_teacher_notes_new (self->reader_view, self->session, self->settings),
                          g_object_unref);
  g_signal_connect (show, "change-state", G_CALLBACK (change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show));
  g_signal_connect_object (self->settings, "changed::" SETTING, G_CALLBACK (setting_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "opened", G_CALLBACK (pack_opened), self, G_CONNECT_SWAPPED);
  pack_opened (self, self->session);
}
