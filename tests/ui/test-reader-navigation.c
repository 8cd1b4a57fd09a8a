/* test-reader-navigation.c: routes, history, find index, keyboard, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pn-reading-progress.h"
#include "reader-test.h"

#define COLLIDING_PACK PN_TEST_PACKS_DIR "/colliding-ids"

static double
scroll_y (Fixture *f)
{
  g_autofree char *r = js (f, "return String(window.scrollY);");
  return g_ascii_strtod (r, NULL);
}

static double
scroll_max (Fixture *f)
{
  g_autofree char *r = js (f, "const e = document.scrollingElement;"
                              "return String(e.scrollHeight - window.innerHeight);");
  return g_ascii_strtod (r, NULL);
}

static gboolean
page_text_has (Fixture *f, const char *needle)
{
  GVariantDict args;
  g_autofree char *r = NULL;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "needle", "s", needle);
  r = js_in_world (f, TEST_WORLD, "return String(document.body.textContent.includes(needle));",
                   g_variant_dict_end (&args));
  return g_strcmp0 (r, "true") == 0;
}

/* A link made in the test world, clicked as a user would (XTest) or by a
 * DOM click: either way a link click for the navigation policy. */
/* Adds a link and clicks it; returns the scroll position the click happened
 * at (the link scrolled to the centre), read before the click can move it. */
static double
click_new_link (Fixture *f, const char *id, const char *href, const char *inside)
{
  double x, y, at;
  GVariantDict args;
  g_autofree char *r = NULL;
  g_autofree char *selector = g_strconcat ("#", id, NULL);

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "id", "s", id);
  g_variant_dict_insert (&args, "href", "s", href);
  g_variant_dict_insert (&args, "inside", "s", inside);
  r = js_in_world (f, TEST_WORLD,
                   "const a = document.createElement('a'); a.id = id; a.href = href;"
                   "a.textContent = ' [' + id + '] ';"
                   "document.querySelector(inside).appendChild(a); return true;",
                   g_variant_dict_end (&args));
  element_center (f, selector, &x, &y);
  at = scroll_y (f);
  click_element (f, selector);
  return at;
}

/* ---------------------------------------------------------------------------
 * Routes: documents called "sources" and "glossary" take nothing from the app
 * ------------------------------------------------------------------------- */

static void
test_routes (Fixture *f, gconstpointer data)
{
  g_autofree char *texte_uri = NULL;
  g_autofree char *sources_uri = NULL;
  guint loaded;

  f->pack = load_pack (COLLIDING_PACK);
  show_document (f, f->pack, "texte");
  texte_uri = pn_render_document_uri (f->pack, "texte");
  sources_uri = pn_render_document_uri (f->pack, "sources");

  /* the citation link (the page script leaves it alone here: no data-source)
   * goes to the Sources page, not to the document "sources" */
  click_new_link (f, "cite-route", "prisonnum://pack/colliding-ids/source/lordon-2025", "article p");
  WAIT_UNTIL (f->activated_source != NULL, "source-activated");
  g_assert_cmpstr (f->activated_source, ==, "lordon-2025");
  g_assert_null (f->activated_doc);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, texte_uri);

  /* the pack's own citation link opens the popover of that source */
  click_element (f, "a[data-source='lordon-2025']");
  WAIT_UNTIL (visible_popover (f) != NULL, "the citation popover");
  {
    g_autofree char *text = popover_text (visible_popover (f));
    g_assert_nonnull (strstr (text, "Lordon"));
  }
  gtk_popover_popdown (GTK_POPOVER (visible_popover (f)));
  WAIT_UNTIL (visible_popover (f) == NULL, "the popover to close");

  /* the doc: link to "sources" opens the document called sources */
  g_clear_pointer (&f->activated_source, g_free);
  loaded = f->n_loaded;
  click_element (f, "a[data-doc='sources']");
  WAIT_UNTIL (f->n_loaded > loaded, "the document called sources to load");
  g_assert_cmpstr (f->activated_doc, ==, "sources");
  g_assert_null (f->activated_source);
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "sources");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, sources_uri);
  g_assert_true (page_text_has (f, "Ce document porte le nom de la page des sources"));

  /* and the one called glossary */
  pn_reader_view_load_document (f->view, "texte");
  WAIT_UNTIL (f->n_loaded > loaded + 1, "texte again");
  loaded = f->n_loaded;
  click_element (f, "a[data-doc='glossary']");
  WAIT_UNTIL (f->n_loaded > loaded, "the document called glossary to load");
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "glossary");
  g_assert_true (page_text_has (f, "Ce document porte le nom du glossaire"));

  /* the app's routes are not documents: nothing is served there */
  {
    g_autofree char *r = js (f, "const load = (src) => new Promise((done) => {"
                                "  const img = new Image(); img.onload = () => done('loaded');"
                                "  img.onerror = () => done('refused'); img.src = src; });"
                                "return (await load('prisonnum://pack/colliding-ids/source/lordon-2025')) + ' ' +"
                                "       (await load('prisonnum://pack/colliding-ids/sources'));");
    g_assert_cmpstr (r, ==, "refused refused");
  }
}

/* ---------------------------------------------------------------------------
 * History
 * ------------------------------------------------------------------------- */

static void
wait_back (Fixture *f, gboolean can)
{
  WAIT_UNTIL (pn_reader_view_can_go_back (f->view) == can, can ? "can-go-back" : "nothing to go back to");
}

static void
test_history_documents (Fixture *f, gconstpointer data)
{
  guint loaded;
  gboolean keys;

  f->pack = load_pack (COLLIDING_PACK);
  show_document (f, f->pack, "texte");
  g_assert_false (pn_reader_view_can_go_back (f->view));
  g_assert_false (pn_reader_view_go_back (f->view));

  /* a doc: link leaves an entry */
  loaded = f->n_loaded;
  click_element (f, "a[data-doc='sources']");
  WAIT_UNTIL (f->n_loaded > loaded, "the linked document");
  wait_back (f, TRUE);
  g_assert_false (pn_reader_view_can_go_forward (f->view));

  /* back to texte, forward to sources */
  loaded = f->n_loaded;
  g_assert_true (pn_reader_view_go_back (f->view));
  WAIT_UNTIL (f->n_loaded > loaded, "texte, going back");
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "texte");
  g_assert_cmpstr (f->history_page, ==, "(text)");
  g_assert_true (pn_reader_view_can_go_forward (f->view));
  g_assert_false (pn_reader_view_can_go_back (f->view));

  loaded = f->n_loaded;
  g_assert_true (pn_reader_view_go_forward (f->view));
  WAIT_UNTIL (f->n_loaded > loaded, "sources, going forward");
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "sources");

  /* the same from the keyboard and the mouse's back and forward buttons */
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (web_view (f))), "the text to have the focus");
  loaded = f->n_loaded;
  keys = press_key (GDK_KEY_Left, GDK_ALT_MASK);
  if (keys)
    {
      WAIT_UNTIL (f->n_loaded > loaded, "Alt+Left to go back");
      g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "texte");
      loaded = f->n_loaded;
      press_key (GDK_KEY_Right, GDK_ALT_MASK);
      WAIT_UNTIL (f->n_loaded > loaded, "Alt+Right to go forward");
      g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "sources");
      loaded = f->n_loaded;
      press_button (f, 8);
      WAIT_UNTIL (f->n_loaded > loaded, "mouse button 8 to go back");
      g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "texte");
      loaded = f->n_loaded;
      press_button (f, 9);
      WAIT_UNTIL (f->n_loaded > loaded, "mouse button 9 to go forward");
      g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "sources");
    }
  else
    g_test_skip ("XTest is not available: Alt+Left, Alt+Right and the mouse buttons were not tried");

  /* another document opened by the window (its sidebar) is in the history too */
  loaded = f->n_loaded;
  pn_reader_view_load_document (f->view, "glossary");
  WAIT_UNTIL (f->n_loaded > loaded, "the document called glossary");
  g_assert_false (pn_reader_view_can_go_forward (f->view));
  loaded = f->n_loaded;
  g_assert_true (pn_reader_view_go_back (f->view));
  WAIT_UNTIL (f->n_loaded > loaded, "back from the sidebar's document");
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "sources");
  g_assert_true (pn_reader_view_can_go_forward (f->view));

  /* the window's Sources page joins the same history */
  pn_reader_view_history_push_page (f->view, "sources");
  g_assert_cmpstr (pn_reader_view_get_history_page (f->view), ==, "sources");
  g_assert_true (pn_reader_view_go_back (f->view));
  g_assert_cmpstr (f->history_page, ==, "(text)");
  g_assert_null (pn_reader_view_get_history_page (f->view));
  g_assert_true (pn_reader_view_go_forward (f->view));
  g_assert_cmpstr (f->history_page, ==, "sources");
}

/* In-page jumps (an anchor, a footnote's back-link) come back to the exact place. */
static void
test_history_jumps (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();
  double before, max;

  show_html (f, page);
  pn_reader_view_set_position (f->view, "g20", -1.0);
  WAIT_UNTIL (f->last_anchor != NULL && strcmp (f->last_anchor, "g20") == 0, "the text at g20");

  before = click_new_link (f, "jump-top", "#debut", "#g20");
  wait_back (f, TRUE);
  WAIT_UNTIL (scroll_y (f) < before - 200, "the jump to #debut");

  g_assert_true (pn_reader_view_go_back (f->view));
  WAIT_UNTIL (fabs (scroll_y (f) - before) < 4, "the place before the jump");
  g_assert_true (pn_reader_view_can_go_forward (f->view));

  /* a footnote's back-link, from the bottom of the page */
  max = scroll_max (f);
  pn_reader_view_set_position (f->view, NULL, 1.0);
  WAIT_UNTIL (scroll_y (f) > max - 4, "the bottom of the page");
  before = scroll_y (f);
  click_element (f, "a.footnote-backref");
  WAIT_UNTIL (scroll_y (f) < before - 200, "the back-link to the call");
  g_assert_false (pn_reader_view_can_go_forward (f->view));   /* a new entry drops the forward ones */
  g_assert_true (pn_reader_view_go_back (f->view));
  WAIT_UNTIL (fabs (scroll_y (f) - before) < 4 || scroll_y (f) > scroll_max (f) - 4, "back at the note");
}

/* ---------------------------------------------------------------------------
 * Find: « 3 of 33 »
 * ------------------------------------------------------------------------- */

static gboolean
selection_is_empty (Fixture *f)
{
  g_autofree char *r = js (f, "return String(window.getSelection().toString() === '');");

  return g_strcmp0 (r, "true") == 0;
}

/* The focus in the web view (WebKit gives it to a child of its own). */
static gboolean
focus_in_text (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == GTK_WIDGET (web_view (f)) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (web_view (f))));
}

static void
focus_text (Fixture *f)
{
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (web_view (f))), "the text to have the focus");
}

static void
wait_index (Fixture *f, guint after, int index)
{
  g_autofree char *what = g_strdup_printf ("find-index %d", index);

  WAIT_UNTIL (f->n_find_index > after && f->find_index == index && f->find_count > 0, what);
}

static void
test_find_index (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();
  char *selected = NULL;
  guint n;

  show_html (f, page);

  /* "captive" is in each of the 80 paragraphs */
  n = f->n_find_index;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "reader.find", "s", "captive"));
  WAIT_UNTIL (f->n_matches >= 0, "find-matches");
  g_assert_cmpint (f->n_matches, ==, 80);
  wait_index (f, n, 1);
  g_assert_cmpint (f->find_count, ==, 80);

  n = f->n_find_index;
  pn_reader_view_find_next (f->view);
  wait_index (f, n, 2);
  n = f->n_find_index;
  pn_reader_view_find_next (f->view);
  wait_index (f, n, 3);
  n = f->n_find_index;
  pn_reader_view_find_previous (f->view);
  wait_index (f, n, 2);
  n = f->n_find_index;
  pn_reader_view_find_previous (f->view);
  pn_reader_view_find_previous (f->view);
  wait_index (f, n, 80);     /* wrapped around */
  g_assert_cmpuint (pn_reader_view_get_find_index (f->view, NULL), ==, 80);

  /* the page agrees: the selected match is in the last paragraph */
  selected = js (f, "const s = window.getSelection();"
                    "return s.rangeCount ? s.anchorNode.parentElement.closest('p').id : 'none';");
  g_assert_cmpstr (selected, ==, "g39");
  g_free (selected);

  /* Escape in the text clears the highlight and says so */
  f->n_matches = -1;
  focus_text (f);
  if (!press_key (GDK_KEY_Escape, 0))
    {
      g_test_skip ("XTest is not available: Escape was not pressed (its action was activated)");
      gtk_widget_activate_action (GTK_WIDGET (f->view), "reader.find-clear", NULL);
    }
  WAIT_UNTIL (f->n_matches == 0 && f->find_index == 0, "find-matches 0 after Escape");
  g_assert_cmpuint (pn_reader_view_get_find_index (f->view, &n), ==, 0);
  g_assert_cmpuint (n, ==, 0);
  /* nothing stays highlighted: the match the search had selected is let go
   * (the page had it selected just above) */
  WAIT_UNTIL (selection_is_empty (f), "no selection left after Escape");
}

/* ---------------------------------------------------------------------------
 * Keyboard in the text
 * ------------------------------------------------------------------------- */

static void
test_keyboard_scroll (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();
  double max;

  show_html (f, page);
  max = scroll_max (f);
  g_assert_cmpfloat (max, >, 2000);

  /* the actions (for the window's menus and shortcuts) */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "reader.scroll-bottom", NULL);
  WAIT_UNTIL (scroll_y (f) > max - 2, "reader.scroll-bottom");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "reader.scroll-top", NULL);
  WAIT_UNTIL (scroll_y (f) < 1, "reader.scroll-top");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "reader.page-down", NULL);
  WAIT_UNTIL (scroll_y (f) > 200, "reader.page-down");
  g_assert_cmpfloat (scroll_y (f), <, max / 2);

  focus_text (f);
  if (!press_key (GDK_KEY_End, 0))
    {
      g_test_skip ("XTest is not available: the keys were not pressed");
      return;
    }
  WAIT_UNTIL (scroll_y (f) > max - 2, "End");
  press_key (GDK_KEY_Home, 0);
  WAIT_UNTIL (scroll_y (f) < 1, "Home");
  press_key (GDK_KEY_End, GDK_CONTROL_MASK);
  WAIT_UNTIL (scroll_y (f) > max - 2, "Ctrl+End");
  press_key (GDK_KEY_Home, GDK_CONTROL_MASK);
  WAIT_UNTIL (scroll_y (f) < 1, "Ctrl+Home");
  press_key (GDK_KEY_Page_Down, 0);
  WAIT_UNTIL (scroll_y (f) > 200, "Page Down");
  {
    double after_page = scroll_y (f);

    press_key (GDK_KEY_space, 0);
    WAIT_UNTIL (scroll_y (f) > after_page + 200, "Space");
    press_key (GDK_KEY_Page_Up, 0);
    WAIT_UNTIL (scroll_y (f) < after_page + 50, "Page Up");
  }
}

/* After a restore mid-text, Tab starts from what is on screen; past the last
 * link, Tab leaves the page for the rest of the window. */
static void
test_keyboard_focus (Fixture *f, gconstpointer data)
{
  g_autofree char *page = NULL;
  g_autofree char *on_screen = NULL;

  {
    /* links all along the text */
    g_autofree char *base = long_test_page ();
    g_autoptr(GRegex) para = g_regex_new ("(<p id=\"([fg][0-9]+)\">)", 0, 0, NULL);
    page = g_regex_replace (para, base, -1, 0, "\\1<a href=\"#\\2\" class=\"t-link\">§</a> ", 0, NULL);
  }
  show_html (f, page);
  pn_reader_view_set_position (f->view, "g20", -1.0);
  WAIT_UNTIL (f->last_anchor != NULL && strcmp (f->last_anchor, "g20") == 0, "the text at g20");
  focus_text (f);

  if (!press_key (GDK_KEY_Tab, 0))
    {
      g_test_skip ("XTest is not available: Tab was not pressed");
      return;
    }
  WAIT_UNTIL (js_true (f, "return document.activeElement && document.activeElement.tagName === 'A';"),
              "Tab to focus a link");
  on_screen = js (f, "const r = document.activeElement.getBoundingClientRect();"
                     "return String(r.top >= 0 && r.bottom <= window.innerHeight);");
  {
    g_autofree char *where = js (f, "const r = document.activeElement.getBoundingClientRect();"
                                    "return document.activeElement.getAttribute('href') + ' at ' + r.top + "
                                    "' of ' + window.innerHeight + ', scrollY ' + window.scrollY;");
    g_test_message ("focused after Tab: %s", where);
  }
  maybe_screenshot ("tab-mid-text.png");
  g_assert_cmpstr (on_screen, ==, "true");
  g_assert_cmpstr (f->last_anchor, ==, "g20");   /* the place is kept */

  /* the last link, then Tab: the focus goes to the window's next widget */
  {
    g_autofree char *r = js (f, "const all = document.querySelectorAll('a[href]');"
                                "all[all.length - 1].focus(); return document.activeElement.className;");
    g_assert_cmpstr (r, ==, "footnote-backref");
  }
  press_key (GDK_KEY_Tab, 0);
  WAIT_UNTIL (f->n_focus_leave > 0, "focus-leave");
  WAIT_UNTIL (gtk_widget_has_focus (f->after_button), "the focus on the widget after the text");
  /* and Shift+Tab brings it back into the text */
  press_key (GDK_KEY_Tab, GDK_SHIFT_MASK);
  WAIT_UNTIL (focus_in_text (f), "Shift+Tab back into the text");
}

/* ---------------------------------------------------------------------------
 * Reading progress
 * ------------------------------------------------------------------------- */

static void
test_progress (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();
  PnReadingProgress *progress = PN_READING_PROGRESS (pn_reading_progress_new (f->view));
  guint minutes;

  g_object_ref_sink (progress);
  show_html (f, page);
  minutes = pn_reader_view_get_minutes_left (f->view);
  /* 80 paragraphs of about 30 words, and the rest, at 200 words a minute */
  g_assert_cmpuint (minutes, >=, 10);
  g_assert_cmpuint (minutes, <=, 16);
  g_assert_cmpfloat (pn_reader_view_get_progress (f->view), <, 0.05);
  g_assert_nonnull (strstr (pn_reading_progress_get_text (progress), "0 %"));

  pn_reader_view_set_position (f->view, "g0", -1.0);
  WAIT_UNTIL (pn_reader_view_get_progress (f->view) > 0.4 && pn_reader_view_get_progress (f->view) < 0.6,
              "half way");
  g_assert_cmpuint (pn_reader_view_get_minutes_left (f->view), <, minutes);
  g_assert_cmpuint (pn_reader_view_get_minutes_left (f->view), >, 2);

  pn_reader_view_set_position (f->view, NULL, 1.0);
  WAIT_UNTIL (pn_reader_view_get_minutes_left (f->view) == 0, "the end of the text");
  g_assert_cmpfloat (pn_reader_view_get_progress (f->view), ==, 1.0);
  g_test_message ("progress: %s", pn_reading_progress_get_text (progress));
  if (g_getenv ("PN_TEST_SCREENSHOTS") != NULL)
    {
      GtkWidget *window = gtk_window_new ();

      gtk_window_set_default_size (GTK_WINDOW (window), 240, 60);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (progress));
      gtk_window_present (GTK_WINDOW (window));
      maybe_screenshot ("reading-progress.png");
      gtk_window_destroy (GTK_WINDOW (window));
    }
  g_assert_nonnull (strstr (pn_reading_progress_get_text (progress), "100 %"));
  g_assert_nonnull (strstr (pn_reading_progress_get_text (progress), "end of the text"));
  g_object_unref (progress);
}

/* ---------------------------------------------------------------------------
 * The page's text and block offsets, from the model to the page scripts
 * ------------------------------------------------------------------------- */

typedef struct {
  gboolean done;
  int matched;
  GError *error;
} SendResult;

static void
on_text_sent (GObject *source, GAsyncResult *result, gpointer data)
{
  SendResult *r = data;

  r->matched = pn_reader_view_send_page_text_finish (PN_READER_VIEW (source), result, &r->error);
  r->done = TRUE;
}

static void
test_page_text (Fixture *f, gconstpointer data)
{
  SendResult r = { FALSE, -1, NULL };
  PnRenderedPage *page;
  GPtrArray *blocks;

  /* nothing shown: an error, not a crash */
  pn_reader_view_send_page_text (f->view, NULL, on_text_sent, &r);
  WAIT_UNTIL (r.done, "the refusal");
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&r.error);

  /* the bundled essay: footnotes, quotations, headings */
  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);
  page = pn_reader_view_get_rendered_page (f->view);
  g_assert_nonnull (page);
  blocks = pn_rendered_page_get_blocks (page);
  g_assert_cmpuint (blocks->len, >, 20);

  r.done = FALSE;
  pn_reader_view_send_page_text (f->view, NULL, on_text_sent, &r);
  WAIT_UNTIL (r.done, "the page to take the text");
  g_assert_no_error (r.error);
  g_test_message ("%d of %u blocks have the same text in the page", r.matched, blocks->len);
  /* every block of the model is the element of that id in the page */
  g_assert_cmpint (r.matched, ==, (int) blocks->len);
}

int
main (int argc, char **argv)
{
  reader_test_init (&argc, &argv);

  g_test_add ("/reader/routes", Fixture, NULL, fixture_setup, test_routes, fixture_teardown);
  g_test_add ("/reader/history/documents", Fixture, NULL, fixture_setup, test_history_documents, fixture_teardown);
  g_test_add ("/reader/history/jumps", Fixture, NULL, fixture_setup, test_history_jumps, fixture_teardown);
  g_test_add ("/reader/find-index", Fixture, NULL, fixture_setup, test_find_index, fixture_teardown);
  g_test_add ("/reader/keyboard/scroll", Fixture, NULL, fixture_setup, test_keyboard_scroll, fixture_teardown);
  g_test_add ("/reader/keyboard/focus", Fixture, FIXTURE_WITH_BUTTON, fixture_setup, test_keyboard_focus,
              fixture_teardown);
  g_test_add ("/reader/page-text", Fixture, NULL, fixture_setup, test_page_text, fixture_teardown);
  g_test_add ("/reader/progress", Fixture, NULL, fixture_setup, test_progress, fixture_teardown);

  return g_test_run ();
}
