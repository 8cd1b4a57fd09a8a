/* window-test.h: what the window's test programs share (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>

#include "pn-application.h"
#include "pn-ui-test.h"
#include "pn-window.h"

G_BEGIN_DECLS

/* The application the windows belong to (registered, not run). */
extern PnApplication *app;

/* pn_ui_test_init() (scratch student store, settings in memory, text
 * domain), then the application. */
void window_test_init (int    *argc,
                       char ***argv);
/* g_test_run(), then the application goes. */
int  window_test_run  (void);

typedef PnUiTestCondition Condition;
#define wait_until(condition, data, what) pn_ui_test_wait_until ((condition), (data), (what))

/* Waits until @widget's window has painted a frame after this call. */
void
wait_for_paint (GtkWidget *widget);

/* Widget tree helpers */

GPtrArray *
find_widgets (GtkWidget  *root,
              GType       type,
              const char *text,
              gboolean    mapped_only);

GtkWidget *
find_widget (GtkWidget *root,
             GType      type);

/* The button on screen that activates @action (e.g. "win.show-library"), or NULL. */
GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action);

gboolean
shows_label (GtkWidget  *root,
             const char *text);

/* Mapped or not (a closed menu's labels). */
gboolean
shows_label_anywhere (GtkWidget  *root,
                      const char *text);

void
wait_for_label (GtkWidget  *root,
                const char *text);

GtkWidget *
find_sidebar (GtkWidget *window);

/* Screenshots for people (PN_SCREENSHOT_DIR set): the window as GTK draws it. */
void
save_screenshot (GtkWidget  *widget,
                 const char *name);

/* No stack of @data (a window) is in a transition. */
gboolean
stacks_settled_cb (gpointer data);

/* Once the pages have settled: save_screenshot(), and the screen as the X
 * server shows it (with the popovers, their own surfaces) as screen-@name. */
void
save_settled_screenshots (GtkWidget  *window,
                          const char *name);

/* Windows */

gboolean
reader_loaded_cb (gpointer data);

gboolean
window_mapped_cb (gpointer data);

/* TRUE once the GtkWindow @data is active (has the keyboard). */
gboolean
window_active_cb (gpointer data);

gboolean
session_opened_cb (gpointer data);

/* Opens @pack in @window's session and waits until it is open and checked whole (or refused). */
void
open_pack (PnWindow *window,
           GFile    *pack);

PnWindow *
open_window_sized (GFile *pack,
                   int    width,
                   int    height);

PnWindow *
open_window (GFile *pack);

/* @data (a window) is no longer one of GTK's toplevels. */
gboolean
not_toplevel_cb (gpointer data);
void
close_window (PnWindow *window);

GFile *
bundled_pack (void);

/* Writes @files (name, content, name, content, ..., NULL) in a new folder. */
GFile *
make_pack (const char *first_name,
           ...);

GtkWindow *
find_toplevel (GType type);

gboolean
sources_mapped_cb (gpointer data);

gboolean
reader_mapped_cb (gpointer data);

gboolean
reader_unmapped_cb (gpointer data);

typedef struct {
  GtkWidget *window;
  GtkWidget *widget;
} FocusWait;

/* The keyboard focus is on FocusWait.widget or inside it. */
gboolean
focus_within_cb (gpointer data);

gboolean
error_page_shown_cb (gpointer data);

/* Page script helpers: JavaScript evaluated in the page's own world. */

char *
eval_js (PnWindow   *window,
         const char *script);

/* @script in the app's own script world (where pnBridge and pnText live). */
char *
eval_in_app_world (PnWindow   *window,
                   const char *script);

/* The id of the last numbered block whose top is at or above the top of the view. */
char *
top_block (PnWindow *window);

typedef struct {
  PnWindow   *window;
  const char *id;
} TopWait;

gboolean
top_block_is_cb (gpointer data);

gboolean
flap_hidden_cb (gpointer data);

/* WebKit's own sandbox check: without working bubblewrap the web process cannot start. */
gboolean
focus_in_reader_cb (gpointer data);

/* The mapped button showing a label that says exactly @text (fails without). */
GtkWidget *
button_labelled (GtkWidget  *root,
                 const char *text);

GtkWidget *
find_row (PnWindow   *window,
          const char *page);

G_END_DECLS
