/* reader-test.h: what the reader view's UI tests share (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#endif

#include "pn-diagnostic.h"
#include "pn-reader-view.h"
#include "pn-render.h"

#define WAIT_SECONDS 60
#define TEST_WORLD   "pn-test"

/* Waiting on the main loop (never on the clock: a timeout only fails a test) */
gboolean set_true (gpointer data);
#define WAIT_UNTIL(expr, what) G_STMT_START {                                   \
    gboolean timed_out_ = FALSE;                                              \
    guint timeout_id_ = g_timeout_add_seconds (WAIT_SECONDS, set_true, &timed_out_); \
    while (!(expr) && !timed_out_)                                            \
      g_main_context_iteration (NULL, TRUE);                                  \
    if (!timed_out_)                                                          \
      g_source_remove (timeout_id_);                                          \
    if (!(expr))                                                              \
      g_error ("Timed out after %d s waiting for %s", WAIT_SECONDS, what);     \
  } G_STMT_END

typedef struct {
  GtkWidget *window;
  PnReaderView *view;
  guint n_loaded;
  guint n_problems;
  int n_matches;                 /* -1 until reported */
  char *activated_doc;
  char *activated_anchor;
  char *activated_source;
  GPtrArray *external_uris;
  guint n_positions;
  double last_fraction;
  char *last_anchor;
  gboolean pdf_done;
  PnPack *pack;
  GtkWidget *after_button;       /* with FIXTURE_WITH_BUTTON */
  int find_index;
  int find_count;
  guint n_find_index;
  char *history_page;            /* last "history-page", "(text)" for NULL */
  guint n_focus_leave;
} Fixture;

/* Fixture data: a button after the view in the window's focus chain
 * (any other data is the window's width, 0 for the default). */
#define FIXTURE_WITH_BUTTON GINT_TO_POINTER (1)

typedef struct {
  GSocketService *service;
  guint16 port;
  guint connections;
} Listener;

G_BEGIN_DECLS

/* Lets the main loop run for @ms: only to give stray loads a chance to happen
 * before checking that they did not (each such check has a positive control). */
void settle (guint ms);
void fixture_setup (Fixture *f, gconstpointer data);
void fixture_teardown (Fixture *f, gconstpointer data);
WebKitWebView *web_view (Fixture *f);
PnPack *load_pack (const char *path);
void show_document (Fixture *f, PnPack *pack, const char *doc_id);
void show_html (Fixture *f, const char *html);
char *js_in_world (Fixture *f, const char *world, const char *body, GVariant *args);
char *js (Fixture *f, const char *body);
gboolean js_true (Fixture *f, const char *body);
/* Real input (reader-test-input.c): XTest where the display has it. */
gboolean xtest_available (void);
void element_center (Fixture *f, const char *selector, double *x, double *y);
gboolean click_element (Fixture *f, const char *selector);
/* A real double click (XTest) on the middle of @selector's first line; FALSE without XTest. */
gboolean double_click_element (Fixture *f, const char *selector);
GtkWidget *visible_popover (Fixture *f);
char *popover_text (GtkWidget *popover);
GtkWidget *find_button (GtkWidget *widget);
void listener_start (Listener *l);
void listener_stop (Listener *l);
char *replace_port (const char *text, guint16 port);
char *copy_hostile_pack (guint16 port);
void remove_tree (const char *path);
char *long_test_page (void);
/* Before the tests: WebKit's sandbox off only where bubblewrap cannot run
 * (said on stderr), a fresh cache folder, GTK and libadwaita. */
void reader_test_init (int *argc, char ***argv);

#ifdef HAVE_X11
void x11_pointer_to (Fixture *f, double x, double y);
void x11_press_key (KeySym keysym);
#endif

/* Real keys through XTest (@mods: Control, Alt, Shift); FALSE without XTest. */
gboolean press_key (guint keyval, GdkModifierType mods);
/* A real press and release of pointer button @button over the view; FALSE without XTest. */
gboolean press_button (Fixture *f, guint button);
/* A web view on the app's own context and network session, without the
 * reader view's defences (no CSP, no content filter, no navigation policy),
 * loads @html (@PORT@ replaced) from http://127.0.0.1:PORT/: the listener
 * must see it, or the test fails. */
void listener_positive_control (Listener *l, const char *html);

/* With $PN_TEST_SCREENSHOTS set, a screenshot of the screen there (to look at). */
void maybe_screenshot (const char *name);

extern const char test_page[];

G_END_DECLS
