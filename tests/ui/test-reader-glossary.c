/* test-reader-glossary.c: glossary terms in the text view, with real input
 * where the display has XTest (run under Xvfb): a click on « seigneurage »
 * in the essay opens its popover with its definition, Escape closes it; a
 * term the page made up opens nothing; a word double-clicked is offered for
 * looking up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-selection-popover.h"
#include "reader-test.h"

#define SEIGNEURAGE "a.pn-term[data-glossary=\"seigneurage\"]"

static void
test_term_click (Fixture *f, gconstpointer data)
{
  const PnGlossaryEntry *entry;
  GtkWidget *popover;
  g_autofree char *text = NULL;
  gboolean real;

  f->pack = load_pack (SOURCE_PACK_DIR);
  entry = pn_glossary_lookup (pn_pack_get_glossary (f->pack), "seigneurage");
  g_assert_nonnull (entry);
  show_document (f, f->pack, NULL);

  real = click_element (f, SEIGNEURAGE);
  WAIT_UNTIL (visible_popover (f) != NULL, "the term popover");
  popover = visible_popover (f);
  g_assert_true (popover == pn_reader_view_get_term_popover (f->view));
  text = popover_text (popover);
  g_assert_nonnull (strstr (text, entry->term));
  g_assert_nonnull (strstr (text, entry->definition));
  maybe_screenshot ("term-popover.png");

  if (!real)
    {
      g_test_skip ("XTest is not available: the real click and Escape were not tried");
      return;
    }
  press_key (GDK_KEY_Escape, 0);
  WAIT_UNTIL (visible_popover (f) == NULL, "Escape to close the term popover");
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (web_view (f))), "the focus back in the text");
}

static void
count_map (GtkWidget *widget, guint *count)
{
  (*count)++;
}

/* A link the page made up, with an id the glossary does not have: a click on
 * it opens nothing; a click on a real term after it opens the popover once. */
static void
test_term_unknown (Fixture *f, gconstpointer data)
{
  guint maps = 0;
  gboolean real;

  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);
  g_free (js (f, "const a = document.createElement('a'); a.className = 'pn-term';"
                 "a.setAttribute('data-glossary', 'no-such-entry'); a.href = '#'; a.id = 'fake';"
                 "a.textContent = 'faux terme'; document.querySelector('article p').append(a); return 'ok';"));

  /* A real term first, so that the popover exists and its maps can be counted. */
  click_element (f, SEIGNEURAGE);
  WAIT_UNTIL (visible_popover (f) != NULL, "the term popover");
  gtk_popover_popdown (GTK_POPOVER (visible_popover (f)));
  WAIT_UNTIL (visible_popover (f) == NULL, "the popover closed");
  g_signal_connect (pn_reader_view_get_term_popover (f->view), "map", G_CALLBACK (count_map), &maps);

  real = click_element (f, "#fake");
  click_element (f, SEIGNEURAGE);
  WAIT_UNTIL (visible_popover (f) != NULL, "the term popover after the made-up one");
  g_assert_cmpuint (maps, ==, 1);
  if (!real)
    g_test_message ("XTest is not available: the clicks were synthetic");
}

static void
record_look_up (PnReaderView *view, const char *text, char **out)
{
  g_free (*out);
  *out = g_strdup (text);
}

static gboolean
selection_popover_shown (Fixture *f)
{
  GtkWidget *popover = pn_reader_view_get_selection_popover (f->view);

  return popover != NULL && gtk_widget_get_visible (popover);
}

/* A real double click on @selector until the selection popover shows; FALSE
 * without XTest. A press sent right after another window's popover went can
 * be lost (see click_element()): it double-clicks again until the page
 * selects. */
static gboolean
double_click_until_popover (Fixture *f, const char *selector)
{
  for (guint attempt = 0; !selection_popover_shown (f); attempt++)
    {
      gboolean timed_out = FALSE;
      guint timeout_id;

      if (attempt == 5)
        g_error ("Five double clicks and no selection popover");
      if (!double_click_element (f, selector))
        return FALSE;
      timeout_id = g_timeout_add_seconds (3, set_true, &timed_out);
      while (!selection_popover_shown (f) && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      if (!timed_out)
        g_source_remove (timeout_id);
    }
  return TRUE;
}

/* The visible button of « Look Up in Glossary » inside @widget. */
static GtkWidget *
look_up_button (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "Look Up in Glossary") == 0)
    return gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gtk_widget_get_visible (child) ? look_up_button (child) : NULL;

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A real double click on a word selects it: the selection popover offers
 * « Look Up in Glossary » for it, which asks the window to look it up. */
static void
test_selection_look_up (Fixture *f, gconstpointer data)
{
  g_autofree char *looked_up = NULL;
  g_autofree char *selected = NULL;
  GtkWidget *popover;
  GtkWidget *button;

  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);
  /* A word of the text that is no link (a click on a term opens its popover). */
  g_free (js (f, "const w = document.createElement('span'); w.id = 'word'; w.textContent = 'rente';"
                 "const p = document.querySelector('article p'); p.prepend(' '); p.prepend(w); return 'ok';"));
  if (!double_click_until_popover (f, "#word"))
    {
      g_test_skip ("XTest is not available: no real double click");
      return;
    }
  selected = js (f, "return window.getSelection().toString().trim();");
  g_assert_cmpstr (selected, ==, "rente");
  popover = pn_reader_view_get_selection_popover (f->view);
  g_assert_cmpstr (pn_selection_popover_get_text (PN_SELECTION_POPOVER (popover)), ==, "rente");
  maybe_screenshot ("selection-popover.png");

  g_signal_connect (f->view, "glossary-look-up", G_CALLBACK (record_look_up), &looked_up);
  /* (the popover also has the highlight colours, when the words are in the page text) */
  button = look_up_button (popover);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (looked_up, ==, "rente");
  g_assert_false (gtk_widget_get_visible (popover));

  /* Selected again, then Escape: the words and the popover go. */
  g_assert_true (double_click_until_popover (f, "#word"));
  press_key (GDK_KEY_Escape, 0);
  WAIT_UNTIL (!selection_popover_shown (f), "Escape to let go of the selection");
  g_free (selected);
  selected = js (f, "return window.getSelection().toString();");
  g_assert_cmpstr (selected, ==, "");

  /* The selection gone by other means, the popover goes too. */
  g_assert_true (double_click_until_popover (f, "#word"));
  g_free (js (f, "window.getSelection().removeAllRanges(); return 'ok';"));
  WAIT_UNTIL (!selection_popover_shown (f), "the popover to go with the selection");
}

int
main (int argc, char **argv)
{
  reader_test_init (&argc, &argv);

  /* First: after a window whose popover was open, the display may still
   * hold a press or two for it, and a double click needs both. */
  g_test_add ("/reader-glossary/selection", Fixture, NULL, fixture_setup, test_selection_look_up, fixture_teardown);
  g_test_add ("/reader-glossary/term-click", Fixture, NULL, fixture_setup, test_term_click, fixture_teardown);
  g_test_add ("/reader-glossary/term-unknown", Fixture, NULL, fixture_setup, test_term_unknown, fixture_teardown);

  return g_test_run ();
}
