/* pn-ui-test.h: helpers shared by the window tests (real windows under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A wait that never ends is a failure, not a measurement. */
#define PN_UI_TEST_TIMEOUT_S 90

typedef gboolean (*PnUiTestCondition) (gpointer data);

/* Runs the main loop until @condition holds; fails the test (naming @what)
 * after PN_UI_TEST_TIMEOUT_S seconds. */
void pn_ui_test_wait_until (PnUiTestCondition  condition,
                            gpointer           data,
                            const char        *what);

/* Before g_test_init: student data in a scratch folder, settings in memory,
 * WebKit's sandbox off (said on stderr) only where bubblewrap cannot run.
 * After it, the text domain bound as main.c does, to the build tree's
 * catalogue when $PRISONNUM_LOCALEDIR names it. */
void pn_ui_test_init       (int    *argc,
                            char ***argv);

/* Presses @keyval with the Control key held, as the user would, through the X
 * server (XTest), with the X input focus on @window. FALSE when there is no
 * XTest (not X11, or no libXtst): the caller says so with g_test_skip(). */
gboolean pn_ui_test_press_ctrl_key (GtkWindow *window,
                                    guint      keyval);
/* The same with the modifiers of @mods held (Control, Alt, Shift). */
gboolean pn_ui_test_press_key      (GtkWindow       *window,
                                    guint            keyval,
                                    GdkModifierType  mods);

G_END_DECLS
