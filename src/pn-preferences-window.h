/* pn-preferences-window.h: text size, typeface, line spacing, colour scheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PN_TYPE_PREFERENCES_WINDOW (pn_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PnPreferencesWindow, pn_preferences_window, PN, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The controls are bound to @settings (the application's). */
GtkWidget *pn_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
