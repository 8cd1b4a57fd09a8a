/* pn-ui-test.h: helpers shared by the window tests (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PN_UI_TEST_WAIT_SECONDS 60

/* A timeout source callback: sets the gboolean at @data. */
gboolean pn_ui_test_set_true (gpointer data);

/* Runs the main loop until @expr holds (never a count of frames, never the
 * clock); after PN_UI_TEST_WAIT_SECONDS the test fails, naming @what. */
#define PN_UI_TEST_WAIT_UNTIL(expr, what) G_STMT_START {                        \
    gboolean timed_out_ = FALSE;                                              \
    guint timeout_id_ = g_timeout_add_seconds (PN_UI_TEST_WAIT_SECONDS,       \
                                               pn_ui_test_set_true, &timed_out_); \
    while (!(expr) && !timed_out_)                                            \
      g_main_context_iteration (NULL, TRUE);                                  \
    if (!timed_out_)                                                          \
      g_source_remove (timeout_id_);                                          \
    if (!(expr))                                                              \
      g_error ("Timed out after %d s waiting for %s", PN_UI_TEST_WAIT_SECONDS, what); \
  } G_STMT_END

/* Destroys @window and waits until @child (a widget it held) is finalized:
 * nothing it set going keeps it alive. */
void     pn_ui_test_destroy_window (GtkWindow *window,
                                    GtkWidget *child);

/* WebKit's own probe of bubblewrap: where it fails the web process cannot
 * start, so the sandbox is turned off for this test process, saying so. */
void     pn_ui_test_disable_sandbox_if_needed (void);

G_END_DECLS
