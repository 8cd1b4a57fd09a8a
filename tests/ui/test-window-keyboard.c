/* test-window-keyboard.c: the main window from the keyboard and for a screen
 * reader (run under Xvfb): F6, the sidebar, real keys through XTest, accessible
 * names, the history across the Sources page, the reading progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gmodule.h>

#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#endif

#include "pn-sidebar-row.h"
#include "window-test.h"

/* F6 and Shift+F6 (their actions): sidebar, header bar, text, and round. */

static gboolean
focus_on_cb (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (GTK_ROOT (wait->window)) == wait->widget;
}

static void
assert_focus_within (PnWindow  *window,
                     GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  if (focus != widget && !gtk_widget_is_ancestor (focus, widget))
    g_error ("The focus is on a %s, not in the %s", G_OBJECT_TYPE_NAME (focus), G_OBJECT_TYPE_NAME (widget));
}

static void
test_window_f6_cycle (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWidget *reader = GTK_WIDGET (pn_window_get_reader_view (window));
  GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *first_row;
  AdwFlap *flap = ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP));

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  wait_until (focus_in_reader_cb, window, "the keyboard focus in the text");
  first_row = find_row (window, pn_pack_session_get_document_id (pn_window_get_session (window)));
  g_assert_nonnull (first_row);

  /* Forwards: the sidebar, on the row of the page shown... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first_row);
  /* ...the header bar, the text. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  assert_focus_within (window, header);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  assert_focus_within (window, reader);

  /* Backwards, round the end. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  assert_focus_within (window, header);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first_row);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  assert_focus_within (window, reader);

  /* A hidden sidebar is left out. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  wait_until (flap_hidden_cb, flap, "the sidebar to be hidden");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  assert_focus_within (window, header);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  assert_focus_within (window, reader);

  /* None of it opened anything. */
  g_assert_true (gtk_widget_get_mapped (reader));
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (first_row)));

  close_window (window);
}

/* The keyboard on the sidebar: focus alone opens nothing, activation does. */
static void
test_window_sidebar_focus (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWidget *sidebar = find_sidebar (GTK_WIDGET (window));
  GtkWidget *text_row, *sources_row;
  const char *doc_id;

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  doc_id = pn_reader_view_get_document_id (pn_window_get_reader_view (window));
  text_row = find_row (window, doc_id);
  sources_row = find_row (window, "sources");

  /* Into the sidebar as Tab would, then down to « Sources ». */
  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == text_row);
  /* What the Down key does in a list. */
  g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == sources_row);
  wait_for_paint (GTK_WIDGET (window));

  /* Nothing opened: the text is still shown and marked as such. */
  g_assert_true (reader_mapped_cb (window));
  g_assert_false (sources_mapped_cb (window));
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (text_row)));
  g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (sources_row)));
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, doc_id);

  /* Positive control: Enter (the row's activation) opens it. */
  g_assert_true (gtk_widget_activate (sources_row));
  wait_until (sources_mapped_cb, window, "the sources page");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (sources_row)));
  g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (text_row)));

  close_window (window);
}

/* A document whose id is the name of one of the window's own pages
 * (« sources ») marks only its own row as the page shown, and the Sources
 * page only the Sources row. */
static void
test_window_sidebar_colliding_ids (void)
{
  g_autofree char *path = g_build_filename (PN_TEST_PACKS_DIR, "colliding-ids", NULL);
  g_autoptr(GFile) pack_dir = g_file_new_for_path (path);
  PnWindow *window = open_window (pack_dir);
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *doc_row = NULL, *sources_row = NULL;

  wait_until (reader_loaded_cb, window, "the first document to finish loading");
  rows = find_widgets (find_sidebar (GTK_WIDGET (window)), PN_TYPE_SIDEBAR_ROW, NULL, FALSE);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (pn_sidebar_row_get_page (g_ptr_array_index (rows, i)), "sources") == 0)
      {
        if (doc_row == NULL)
          doc_row = g_ptr_array_index (rows, i);
        sources_row = g_ptr_array_index (rows, i);
      }
  g_assert_nonnull (doc_row);
  g_assert_true (doc_row != sources_row);

  /* The document called « sources »: its row alone. */
  g_assert_true (gtk_widget_activate (doc_row));
  wait_until (reader_loaded_cb, window, "the document called sources to load");
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "sources");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (doc_row)));
  g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (sources_row)));

  /* The Sources page: its row alone. */
  g_assert_true (gtk_widget_activate (sources_row));
  wait_until (sources_mapped_cb, window, "the sources page");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (sources_row)));
  g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (doc_row)));

  close_window (window);
}

/* Real keys through the X server, as a student presses them. */

#ifdef HAVE_X11

typedef int (*FakeMotionFn) (Display *, int, int, int, unsigned long);

typedef int (*FakeKeyFn) (Display *, unsigned int, int, unsigned long);

typedef int (*QueryExtensionFn) (Display *, int *, int *, int *, int *);

static FakeMotionFn fake_motion;

static FakeKeyFn fake_key;

#endif

/* NULL when real keys can be pressed, else why not. */
static const char *
xtest_missing (void)
{
#ifdef HAVE_X11
  GdkDisplay *display = gdk_display_get_default ();
  GModule *module;
  QueryExtensionFn query = NULL;
  int a, b, c, d;

  if (fake_key != NULL)
    return NULL;
  if (!GDK_IS_X11_DISPLAY (display))
    return "the display is not X11";
  module = g_module_open ("libXtst.so.6", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL ||
      !g_module_symbol (module, "XTestQueryExtension", (gpointer *) &query) ||
      !g_module_symbol (module, "XTestFakeMotionEvent", (gpointer *) &fake_motion) ||
      !g_module_symbol (module, "XTestFakeKeyEvent", (gpointer *) &fake_key) ||
      !query (gdk_x11_display_get_xdisplay (display), &a, &b, &c, &d))
    {
      fake_key = NULL;
      return "libXtst or the XTEST extension is missing";
    }
  return NULL;
#else
  return "built without X11";
#endif
}

#ifdef HAVE_X11

/* The pointer over @window: without a window manager, X gives it the keyboard. */
static void
x11_pointer_into (PnWindow *window)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int rx, ry;
  Window child;

  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                         gtk_widget_get_width (GTK_WIDGET (window)) / 2, 20, &rx, &ry, &child);
  fake_motion (xdisplay, -1, rx, ry, 0);
  XFlush (xdisplay);
}

static void
x11_key (KeySym keysym,
         KeySym modifier)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);
  KeyCode mod = modifier ? XKeysymToKeycode (xdisplay, modifier) : 0;

  if (mod)
    fake_key (xdisplay, mod, True, 0);
  fake_key (xdisplay, code, True, 0);
  fake_key (xdisplay, code, False, 0);
  if (mod)
    fake_key (xdisplay, mod, False, 0);
  XFlush (xdisplay);
}

#endif

static void
test_window_keys (void)
{
  const char *missing = xtest_missing ();

  if (missing != NULL)
    {
      g_autofree char *why = g_strdup_printf ("needs XTest to press real keys: %s", missing);

      g_test_skip (why);
      return;
    }

#ifdef HAVE_X11
  {
    g_autoptr(GFile) pack_dir = bundled_pack ();
    PnWindow *window = open_window (pack_dir);
    GtkWidget *reader = GTK_WIDGET (pn_window_get_reader_view (window));
    GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
    GtkWidget *text_row, *sources_row;
    FocusWait focus = { GTK_WIDGET (window), NULL };

    wait_until (reader_loaded_cb, window, "the essay to finish loading");
    x11_pointer_into (window);
    wait_until (window_active_cb, window, "the window to have the keyboard");
    wait_until (focus_in_reader_cb, window, "the keyboard focus in the text");
    text_row = find_row (window, pn_reader_view_get_document_id (PN_READER_VIEW (reader)));
    sources_row = find_row (window, "sources");

    /* F6 from the text (the web view sees keys first) to the sidebar. */
    x11_key (XK_F6, 0);
    focus.widget = text_row;
    wait_until (focus_on_cb, &focus, "F6 to move the focus to the sidebar");
    save_screenshot (GTK_WIDGET (window), "focus-1-sidebar.png");

    /* Down moves the focus only. */
    x11_key (XK_Down, 0);
    focus.widget = sources_row;
    wait_until (focus_on_cb, &focus, "Down to move to the Sources row");
    wait_for_paint (GTK_WIDGET (window));
    save_screenshot (GTK_WIDGET (window), "focus-2-sources-row.png");
    g_assert_true (reader_mapped_cb (window));
    g_assert_false (sources_mapped_cb (window));
    g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (sources_row)));

    /* Return opens it (the positive control of the check above). */
    x11_key (XK_Return, 0);
    wait_until (sources_mapped_cb, window, "Return to open the Sources page");

    /* Shift+F6 back from the sidebar to the page shown, F6 on to the header bar. */
    x11_key (XK_F6, XK_Shift_L);
    focus.widget = GTK_WIDGET (pn_window_get_sources_page (window));
    wait_until (focus_within_cb, &focus, "Shift+F6 to move the focus to the Sources page");
    save_screenshot (GTK_WIDGET (window), "focus-3-sources-page.png");
    x11_key (XK_F6, 0);
    x11_key (XK_F6, 0);
    focus.widget = header;
    wait_until (focus_within_cb, &focus, "F6 twice to move the focus to the header bar");
    save_screenshot (GTK_WIDGET (window), "focus-4-header.png");

    /* Alt+Left from the Sources page back to the text, Alt+Right to them again. */
    x11_key (XK_Left, XK_Alt_L);
    wait_until (reader_mapped_cb, window, "Alt+Left to go back to the text");
    x11_key (XK_Right, XK_Alt_L);
    wait_until (sources_mapped_cb, window, "Alt+Right to go forward to the Sources page");

    close_window (window);
  }
#endif
}

/* Every control has a name a screen reader can say; an icon also has a tooltip. */

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkWidget *child;

  /* Not labelled-by: GTK makes an icon button labelled by its image, and
   * that is the « GtkImage » a screen reader says. */
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;

  /* A button named by the text it shows. */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
    {
      child = gtk_button_get_child (GTK_BUTTON (widget));
      return (gtk_button_get_label (GTK_BUTTON (widget)) != NULL) ||
             (GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0');
    }

  return FALSE;
}

static gboolean
is_inside (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
      return TRUE;

  return FALSE;
}

static guint
check_names (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = find_widgets (root, type, NULL, FALSE);
  guint checked = 0;

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);

      GType back_button = g_type_from_name ("AdwBackButton");

      /* Hidden ones (a closed menu's are not hidden), and GTK's own: the
       * window buttons, a menu button's inner button, a drop down's search
       * (in a hidden box of its popover: only shown with enable-search);
       * libadwaita's own: the header bar's back button (1.4 and later; its
       * tooltip and name are on the outer widget). */
      if (!gtk_widget_get_visible (widget) ||
          is_inside (widget, GTK_TYPE_WINDOW_CONTROLS) ||
          GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) ||
          (GTK_IS_SEARCH_ENTRY (widget) && is_inside (widget, GTK_TYPE_DROP_DOWN)) ||
          (back_button != 0 && is_inside (widget, back_button)) ||
          is_inside (widget, PN_TYPE_READER_VIEW) || is_inside (widget, PN_TYPE_SOURCES_PAGE))
        continue;

      if (!has_accessible_name (widget))
        g_error ("A %s in a %s (tooltip “%s”, icon %s) has no accessible name", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), gtk_widget_get_tooltip_text (widget),
                 GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : "-");
      if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL &&
          gtk_widget_get_tooltip_text (widget) == NULL)
        g_error ("A %s in a %s (icon %s) has no tooltip", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)),
                 gtk_button_get_icon_name (GTK_BUTTON (widget)));
      checked++;
    }

  return checked;
}

static void
test_window_accessible_names (void)
{
  g_autoptr(GFile) broken = make_pack ("pack.json", "{\n  \"format\": 1,\n  \"id\": oops\n}\n", NULL);
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWidget *entry, *button;
  char *error;
  guint checked;

  /* Control: the check does find an icon button that has no name. */
  button = g_object_ref_sink (gtk_button_new_from_icon_name ("edit-find-symbolic"));
  g_assert_false (has_accessible_name (button));
  g_object_unref (button);

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  /* Sidebar, find, menu, zoom out, zoom reset, zoom in, previous, next. */
  checked = check_names (GTK_WIDGET (window), GTK_TYPE_BUTTON) +
            check_names (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpuint (checked, >=, 8);
  /* Find in text, the Glossary page's search and the Notes page's. */
  g_assert_cmpuint (check_names (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY), ==, 3);
  g_assert_cmpuint (check_names (GTK_WIDGET (window), GTK_TYPE_LIST_BOX), >=, 1);
  g_assert_cmpuint (check_names (GTK_WIDGET (window), PN_TYPE_SIDEBAR_ROW), >=, 2);
  /* The reading progress, the flashcard session's and the quiz's. */
  g_assert_cmpuint (check_names (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR), ==, 3);

  entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, "Find in Text");
  g_assert_null (error);

  /* The error page's button is named once, without its mnemonic. */
  open_pack (window, broken);
  wait_until (error_page_shown_cb, window, "the error page");
  button = NULL;
  {
    g_autoptr(GPtrArray) buttons = find_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON, NULL, TRUE);

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "app.open") == 0)
        button = g_ptr_array_index (buttons, i);
  }
  g_assert_nonnull (button);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Open Another Pack…");
  g_assert_null (error);
  /* GTK 4.8 adds a labelled-by label's text to the name (« Open Another Pack…
   * Open Another Pack… » on AT-SPI): the shown label must not label it. */
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  close_window (window);
}

/* The Sources page is in the reader's history: Alt+Left from it goes back to
 * the text, Alt+Right returns; the progress below the text says how far. */

static gboolean
progress_shown_cb (gpointer data)
{
  g_autoptr(GPtrArray) bars = find_widgets (data, GTK_TYPE_PROGRESS_BAR, NULL, TRUE);

  return bars->len == 1 && shows_label (data, " left");
}

static gboolean
progress_moved_cb (gpointer data)
{
  g_autoptr(GPtrArray) bars = find_widgets (data, GTK_TYPE_PROGRESS_BAR, NULL, TRUE);

  return bars->len == 1 && gtk_progress_bar_get_fraction (g_ptr_array_index (bars, 0)) > 0.2;
}

static void
test_window_history_and_progress (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnReaderView *reader = pn_window_get_reader_view (window);
  TopWait wait = { window, "p_30" };
  GtkProgressBar *bar;

  wait_until (reader_loaded_cb, window, "the essay to finish loading");

  /* The progress shows with the text, at the top. */
  wait_until (progress_shown_cb, window, "the reading progress");
  bar = g_ptr_array_index (find_widgets (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR, NULL, TRUE), 0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), <, 0.2);
  g_assert_true (shows_label (GTK_WIDGET (window), "minutes left"));

  /* Further down, the progress follows. */
  g_free (eval_js (window, "document.getElementById('p_30').scrollIntoView(); 'ok'"));
  wait_until (top_block_is_cb, &wait, "paragraph 30 at the top");
  wait_until (progress_moved_cb, window, "the progress to move past a fifth");

  /* Nothing to go forward to yet. */
  g_assert_false (pn_reader_view_can_go_forward (reader));

  /* To the sources, then back (Alt+Left's action) to the same place in the text. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
  wait_until (sources_mapped_cb, window, "the sources page");
  g_assert_true (pn_reader_view_can_go_back (reader));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  wait_until (reader_mapped_cb, window, "the text, back from the sources");
  wait_until (top_block_is_cb, &wait, "paragraph 30 at the top, back from the sources");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (find_row (window, pn_reader_view_get_document_id (reader)))));

  /* Alt+Right's action: the sources again. */
  g_assert_true (pn_reader_view_can_go_forward (reader));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-forward", NULL));
  wait_until (sources_mapped_cb, window, "the sources, forward again");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (find_row (window, "sources"))));

  /* The header's back button goes back in the same history. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-text", NULL);
  wait_until (reader_mapped_cb, window, "the text, from the back button");
  g_assert_true (pn_reader_view_can_go_forward (reader));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/window/f6-cycle", test_window_f6_cycle);
  g_test_add_func ("/window/sidebar-focus", test_window_sidebar_focus);
  g_test_add_func ("/window/sidebar-colliding-ids", test_window_sidebar_colliding_ids);
  g_test_add_func ("/window/keys", test_window_keys);
  g_test_add_func ("/window/accessible-names", test_window_accessible_names);
  g_test_add_func ("/window/history-and-progress", test_window_history_and_progress);

  return window_test_run ();
}
