/* test-window.c: the main window, in a real display (run under Xvfb): pages,
 * packs good and bad, folding, settings, the pack session, opening off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-diagnostic.h"
#include "pn-library-card.h"
#include "pn-preferences-window.h"
#include "pn-problems-window.h"
#include "pn-sidebar-row.h"
#include "window-test.h"

/* Tests */

static void
test_window_essay (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnPack *pack = pn_window_get_pack (window);
  GPtrArray *documents;
  PnDocument *first;
  GtkWidget *sidebar;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (pack);
  /* The bundled pack is the example teachers copy: it has no problem at all. */
  g_assert_cmpuint (pn_window_get_diagnostics (window)->len, ==, 0);

  wait_until (reader_loaded_cb, window, "the essay to finish loading");

  documents = pn_pack_get_documents (pack);
  g_assert_cmpuint (documents->len, >=, 1);
  first = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==,
                   pn_document_get_id (first));

  /* The sidebar lists each document, then the Sources, Glossary,
   * Flashcards, Quizzes and Notes pages (the essay has a glossary and quizzes). */
  sidebar = find_sidebar (GTK_WIDGET (window));
  g_assert_nonnull (sidebar);
  rows = find_widgets (sidebar, GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);
  g_assert_cmpuint (rows->len, ==, documents->len + 5);
  g_assert_true (shows_label (g_ptr_array_index (rows, 0), pn_document_get_title (first)));
  g_assert_true (shows_label (g_ptr_array_index (rows, documents->len), "Sources"));
  g_assert_true (shows_label (g_ptr_array_index (rows, documents->len + 1), "Glossary"));
  g_assert_true (shows_label (g_ptr_array_index (rows, documents->len + 2), "Flashcards"));
  g_assert_true (shows_label (g_ptr_array_index (rows, documents->len + 3), "Quizzes"));
  g_assert_true (shows_label (g_ptr_array_index (rows, documents->len + 4), "Notes"));
  g_assert_true (pn_sidebar_row_get_current (g_ptr_array_index (rows, 0)));
  g_assert_false (pn_sidebar_row_get_current (g_ptr_array_index (rows, documents->len)));

  /* The header names the document. */
  {
    AdwWindowTitle *title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
    g_assert_cmpstr (adw_window_title_get_title (title), ==, pn_document_get_title (first));
  }

  save_screenshot (GTK_WIDGET (window), "window-light.png");
  close_window (window);
}

static void
test_window_sources (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnSourcesPage *page = pn_window_get_sources_page (window);
  GPtrArray *sources = pn_pack_get_sources (pn_window_get_pack (window));
  g_autoptr(GPtrArray) rows = NULL;
  const PnSource *last;

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  /* Its rows are made when the page is first shown, not at start-up. */
  rows = find_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
  wait_until (sources_mapped_cb, window, "the sources page");

  rows = find_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);
  g_assert_cmpuint (rows->len, ==, sources->len);
  g_assert_cmpuint (pn_sources_page_get_n_sources (page), >=, 10);
  g_assert_cmpuint (pn_sources_page_get_n_sources (page), ==, sources->len);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE))),
                   ==, "Sources");

  /* A link for each confirmed web address, none for the others. */
  {
    g_autoptr(GPtrArray) links = find_widgets (GTK_WIDGET (page), GTK_TYPE_LINK_BUTTON, NULL, FALSE);
    guint n_web = 0;

    for (guint i = 0; i < sources->len; i++)
      {
        const PnSource *source = g_ptr_array_index (sources, i);

        if (source->url != NULL && g_str_has_prefix (source->url, "http") &&
            !pn_source_is_unconfirmed (source, "URL"))
          n_web++;
      }
    g_assert_cmpuint (links->len, ==, n_web);
    for (guint i = 0; i < links->len; i++)
      g_assert_true (g_str_has_prefix (gtk_link_button_get_uri (g_ptr_array_index (links, i)), "http"));
  }

  /* A citation shows its entry; an unknown one is refused. */
  last = g_ptr_array_index (sources, sources->len - 1);
  g_assert_true (pn_sources_page_show_source (page, last->id));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, rows->len - 1), "pn-highlighted"));
  g_assert_false (pn_sources_page_show_source (page, "no-such-source"));

  /* The reader's "Show in Sources" lands there too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_signal_emit_by_name (pn_window_get_reader_view (window), "source-activated",
                         ((const PnSource *) g_ptr_array_index (sources, 0))->id);
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, 0), "pn-highlighted"));

  save_screenshot (GTK_WIDGET (window), "window-sources.png");

  /* And a Back button (Alt+Left) returns to the text being read. */
  {
    g_autoptr(GPtrArray) backs = find_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON, NULL, TRUE);
    GtkWidget *back = NULL;

    for (guint i = 0; i < backs->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (g_ptr_array_index (backs, i))),
                     "win.back-to-text") == 0)
        back = g_ptr_array_index (backs, i);
    g_assert_nonnull (back);
    g_assert_true (gtk_widget_is_sensitive (back));
    wait_until (reader_unmapped_cb, window, "the text to be hidden behind the sources");
    gtk_widget_activate (back);
    wait_until (reader_mapped_cb, window, "the text again");
    g_assert_false (gtk_widget_get_visible (back));
  }
  close_window (window);
}

typedef struct {
  GtkWidget *root;
  gboolean   want_matches;
  guint      index;        /* with want_matches: the current match shown as « index of n » */
  guint      n;            /* filled in */
} MatchWait;

static gboolean
match_count_shown_cb (gpointer data)
{
  MatchWait *wait = data;
  g_autoptr(GPtrArray) labels = find_widgets (wait->root, GTK_TYPE_LABEL, NULL, TRUE);

  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));
      guint64 n = 0;
      char *end = NULL;

      if (!wait->want_matches)
        {
          if (g_str_equal (text, "No matches"))
            return TRUE;
          continue;
        }

      n = g_ascii_strtoull (text, &end, 10);
      if (end == text || n < 1)
        continue;
      if (wait->index == 0 && (g_str_equal (end, " match") || g_str_equal (end, " matches")))
        {
          wait->n = n;
          return TRUE;
        }
      if (wait->index > 0 && n == wait->index && g_str_has_prefix (end, " of "))
        {
          const char *total = end + strlen (" of ");

          wait->n = g_ascii_strtoull (total, &end, 10);
          return end != total && *end == '\0' && wait->n >= wait->index;
        }
    }

  return FALSE;
}

static void
test_window_find (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWidget *search_bar, *entry;
  MatchWait wait = { GTK_WIDGET (window), TRUE, 1, 0 };

  wait_until (reader_loaded_cb, window, "the essay to finish loading");

  search_bar = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR);
  entry = find_widget (search_bar, GTK_TYPE_SEARCH_ENTRY);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  {
    FocusWait focus = { GTK_WIDGET (window), entry };

    wait_until (focus_within_cb, &focus, "the keyboard focus in the find entry");
  }

  /* « 1 of N », then the next match and back, as the reader moves. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "plateforme");
  wait_until (match_count_shown_cb, &wait, "« 1 of N » for « plateforme »");
  g_assert_cmpuint (wait.n, >=, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  wait.index = 2;
  wait_until (match_count_shown_cb, &wait, "« 2 of N » after the next match");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL);
  wait.index = 1;
  wait_until (match_count_shown_cb, &wait, "« 1 of N » after the previous match");

  save_screenshot (GTK_WIDGET (window), "window-find.png");

  wait.want_matches = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (entry), "zqxwzqxw");
  wait_until (match_count_shown_cb, &wait, "“No matches”");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  /* Closing the bar ends the search. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (search_bar), FALSE);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* Escape in the text (the reader's find-clear) clears the highlight and the
   * bar closes, rather than saying there is no match. */
  wait.want_matches = TRUE;
  wait.index = 1;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "seigneurage");
  wait_until (match_count_shown_cb, &wait, "« 1 of N » again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pn_window_get_reader_view (window)), "reader.find-clear", NULL));
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  close_window (window);
}

static void
test_window_broken_pack (void)
{
  /* Line 3 holds the mistake. */
  g_autoptr(GFile) pack_dir = make_pack ("pack.json",
                                         "{\n  \"format\": 1,\n  \"id\": oops\n}\n",
                                         NULL);
  PnWindow *window = open_window (pack_dir);
  g_autoptr(GPtrArray) pages = NULL;
  AdwStatusPage *page = NULL;
  const char *description;

  g_assert_null (pn_window_get_pack (window));
  wait_until (error_page_shown_cb, window, "the error page");

  pages = find_widgets (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL, TRUE);
  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_status_page_get_title (g_ptr_array_index (pages, i)),
                   "This course pack cannot be opened") == 0)
      page = g_ptr_array_index (pages, i);
  g_assert_nonnull (page);

  description = adw_status_page_get_description (page);
  g_assert_nonnull (strstr (description, "pack.json"));
  g_assert_nonnull (strstr (description, ":3"));
  g_assert_true (shows_label (GTK_WIDGET (page), "pack.json"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Open Another Pack"));

  /* Nothing to read, so nothing to search. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (find_widget (GTK_WIDGET (window),
                                                                               GTK_TYPE_SEARCH_BAR))));

  save_screenshot (GTK_WIDGET (window), "window-broken-pack.png");

  /* The app keeps going: the same window opens a good pack afterwards. */
  {
    g_autoptr(GFile) good = bundled_pack ();

    open_pack (window, good);
    g_assert_nonnull (pn_window_get_pack (window));
    wait_until (reader_loaded_cb, window, "the essay after a broken pack");
  }

  close_window (window);
}

static void
test_window_pack_with_problems (void)
{
  /* Loadable, but with an unknown key and a document whose file is missing. */
  g_autoptr(GFile) pack_dir =
    make_pack ("pack.json",
               "{\n"
               "  \"format\": 1,\n"
               "  \"id\": \"test-problems\",\n"
               "  \"version\": \"1.0.0\",\n"
               "  \"title\": \"A pack with problems\",\n"
               "  \"language\": \"en\",\n"
               "  \"authors\": [{\"name\": \"A. Teacher\"}],\n"
               "  \"license\": null,\n"
               "  \"description\": \"Two documents, one missing.\",\n"
               "  \"documents\": [\n"
               "    {\"id\": \"intro\", \"title\": \"Introduction\", \"file\": \"intro.md\"},\n"
               "    {\"id\": \"gone\", \"title\": \"Missing chapter\", \"file\": \"gone.md\"}\n"
               "  ],\n"
               "  \"colour\": \"blue\"\n"
               "}\n",
               "intro.md", "# Introduction\n\nSome text to read.\n\n<script>alert(1)</script>\n",
               NULL);
  PnWindow *window = open_window (pack_dir);
  GPtrArray *diagnostics;
  g_autofree char *toast = NULL;

  g_assert_nonnull (pn_window_get_pack (window));
  diagnostics = pn_window_get_diagnostics (window);
  /* The unknown key, the missing file, and the script found when rendering. */
  g_assert_cmpuint (diagnostics->len, >=, 3);

  wait_until (reader_loaded_cb, window, "the first document");
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "intro");

  toast = g_strdup_printf ("This course pack has %u problems", diagnostics->len);
  wait_for_label (GTK_WIDGET (window), toast);
  g_assert_true (shows_label (GTK_WIDGET (window), "Details"));
  save_screenshot (GTK_WIDGET (window), "window-problems-toast.png");

  /* The details list every problem as file:line:column: message. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-problems", NULL);
  {
    GtkWindow *details = find_toplevel (PN_TYPE_PROBLEMS_WINDOW);

    g_assert_nonnull (details);
    g_assert_true (gtk_window_get_transient_for (details) == GTK_WINDOW (window));
    wait_until (window_mapped_cb, details, "the Problems window");
    g_assert_cmpuint (pn_problems_window_get_n_listed (PN_PROBLEMS_WINDOW (details)), ==, diagnostics->len);

    for (guint i = 0; i < diagnostics->len; i++)
      {
        g_autofree char *line = pn_diagnostic_to_located_message (g_ptr_array_index (diagnostics, i));
        g_assert_true (shows_label (GTK_WIDGET (details), line));
      }
    g_assert_true (shows_label (GTK_WIDGET (details), "pack.json:"));
    g_assert_true (shows_label (GTK_WIDGET (details), "intro.md:5:"));
    /* The severity shows as an icon, not as the tool's untranslated prefix. */
    g_assert_false (shows_label (GTK_WIDGET (details), "warning:"));
    save_screenshot (GTK_WIDGET (details), "window-problems-details.png");
    gtk_window_destroy (details);
  }

  /* The missing document still opens, as the reader's error page. */
  {
    GtkWidget *sidebar = find_sidebar (GTK_WIDGET (window));
    g_autoptr(GPtrArray) rows = find_widgets (sidebar, GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);

    /* Two documents and Notes (no sources, so no Sources row). */
    g_assert_cmpuint (rows->len, ==, 3);
    g_signal_emit_by_name (sidebar, "row-activated", g_ptr_array_index (rows, 1));
    wait_until (reader_loaded_cb, window, "the missing document's page");
    g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "gone");
  }

  close_window (window);
}

/* A hostile pack's thousands of problems: 500 rows, then how many more. */
static void
test_window_many_problems (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  GtkWidget *problems;
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < 620; i++)
    g_ptr_array_add (diagnostics, pn_diagnostic_new (PN_SEVERITY_WARNING, "pack.json", i + 1, 1,
                                                     "problem number %u", i + 1));

  problems = pn_problems_window_new (NULL, "Hostile", diagnostics);
  gtk_window_present (GTK_WINDOW (problems));
  wait_until (window_mapped_cb, problems, "the Problems window");

  g_assert_cmpuint (pn_problems_window_get_n_listed (PN_PROBLEMS_WINDOW (problems)), ==, 500);
  rows = find_widgets (problems, GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);
  g_assert_cmpuint (rows->len, ==, 500);
  g_assert_true (shows_label (problems, "pack.json:500:1: problem number 500"));
  g_assert_false (shows_label_anywhere (problems, "pack.json:501:1: problem number 501"));
  g_assert_true (shows_label (problems, "120 more problems are not listed here"));

  /* Escape closes it. */
  g_assert_true (gtk_widget_activate_action (problems, "window.close", NULL));
  wait_until (not_toplevel_cb, problems, "the Problems window to close");
}

static gboolean
folded_cb (gpointer data)
{
  AdwFlap *flap = data;

  return adw_flap_get_folded (flap) && !adw_flap_get_reveal_flap (flap);
}

static gboolean
unfolded_cb (gpointer data)
{
  AdwFlap *flap = data;

  return !adw_flap_get_folded (flap) && adw_flap_get_reveal_flap (flap);
}

static gboolean
narrow_cb (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_width (data) <= 360;
}

static void
test_window_narrow (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  AdwFlap *flap = ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP));

  /* Wide: the sidebar beside the text. */
  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  wait_until (unfolded_cb, flap, "the sidebar beside the text at 1000 px");
  close_window (window);

  /* Phone-sized: the sidebar folds away over the text. */
  window = open_window_sized (pack_dir, 360, 640);
  flap = ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP));
  wait_until (reader_loaded_cb, window, "the essay to finish loading at 360 px");
  wait_until (folded_cb, flap, "the sidebar to fold at 360 px");
  wait_until (narrow_cb, window, "the window to be 360 px wide");
  save_screenshot (GTK_WIDGET (window), "window-narrow.png");

  /* F9's action shows it over the text; choosing a page hides it again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  save_screenshot (GTK_WIDGET (window), "window-narrow-sidebar.png");
  {
    GtkWidget *sidebar = find_sidebar (GTK_WIDGET (window));
    GtkWidget *row = GTK_WIDGET (find_row (window, "sources"));

    /* As Enter on the row does: the focus is on it. */
    g_assert_true (gtk_widget_grab_focus (row));
    g_signal_emit_by_name (sidebar, "row-activated", row);
  }
  g_assert_false (adw_flap_get_reveal_flap (flap));
  wait_until (sources_mapped_cb, window, "the sources page at 360 px");
  {
    /* The keyboard follows into the page, not left in the hidden sidebar. */
    FocusWait focus = { GTK_WIDGET (window), GTK_WIDGET (pn_window_get_sources_page (window)) };

    wait_until (focus_within_cb, &focus, "the keyboard to follow into the sources page");
  }
  save_screenshot (GTK_WIDGET (window), "window-narrow-sources.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
  {
    GtkWidget *sidebar = find_sidebar (GTK_WIDGET (window));
    g_autoptr(GPtrArray) rows = find_widgets (sidebar, GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);

    g_signal_emit_by_name (sidebar, "row-activated", g_ptr_array_index (rows, 0));
  }
  wait_until (reader_loaded_cb, window, "the essay again at 360 px");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  save_screenshot (GTK_WIDGET (window), "window-narrow-find.png");

  close_window (window);
}

static gboolean
font_size_reached_cb (gpointer data)
{
  int size = 0;

  g_object_get (pn_window_get_reader_view (data), "font-size", &size, NULL);

  return size == 24;
}

static void
test_window_preferences (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GSettings *settings = pn_application_get_settings (app);
  GtkWindow *preferences = NULL;
  GtkWidget *spin_button;
  int size = 0;

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  g_object_get (pn_window_get_reader_view (window), "font-size", &size, NULL);
  g_assert_cmpint (size, ==, g_settings_get_int (settings, "font-size"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (PN_IS_PREFERENCES_WINDOW (l->data))
      preferences = l->data;
  g_assert_nonnull (preferences);
  wait_until (window_mapped_cb, preferences, "the preferences window");
  save_screenshot (GTK_WIDGET (preferences), "preferences.png");

  /* The text size control reaches the settings, and the settings the reader. */
  spin_button = find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON);
  g_assert_nonnull (spin_button);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin_button)), ==,
                   g_settings_get_int (settings, "font-size"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), 24);
  g_assert_cmpint (g_settings_get_int (settings, "font-size"), ==, 24);
  wait_until (font_size_reached_cb, window, "the reader's text size to be 24");

  /* The colour scheme reaches libadwaita; line spacing choices map to their values. */
  {
    AdwStyleManager *style_manager = adw_style_manager_get_default ();
    g_autoptr(GPtrArray) combos = find_widgets (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, NULL, FALSE);
    AdwComboRow *scheme_row = NULL;
    AdwComboRow *spacing_row = NULL;

    for (guint i = 0; i < combos->len; i++)
      {
        const char *title = adw_preferences_row_get_title (g_ptr_array_index (combos, i));

        if (strstr (title, "Color") != NULL)
          scheme_row = g_ptr_array_index (combos, i);
        else if (strstr (title, "Spacing") != NULL)
          spacing_row = g_ptr_array_index (combos, i);
      }
    g_assert_nonnull (scheme_row);
    g_assert_nonnull (spacing_row);

    adw_combo_row_set_selected (spacing_row, 2);
    g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "line-spacing"), 1.8, 0.001);
    g_settings_set_double (settings, "line-spacing", 1.35);
    g_assert_cmpuint (adw_combo_row_get_selected (spacing_row), ==, 0);

    adw_combo_row_set_selected (scheme_row, 2);
    g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
    g_assert_true (adw_style_manager_get_dark (style_manager));
    gtk_window_destroy (preferences);
    save_screenshot (GTK_WIDGET (window), "window-dark.png");

    g_settings_reset (settings, "color-scheme");
    g_assert_false (adw_style_manager_get_dark (style_manager));
  }

  g_settings_reset (settings, "font-size");
  g_settings_reset (settings, "line-spacing");

  close_window (window);
}

static void
test_window_zoom (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GSettings *settings = pn_application_get_settings (app);
  PnReaderView *reader = pn_window_get_reader_view (window);

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 1.0, 0.001);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (pn_reader_view_get_zoom_level (reader), >, 1.0);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"),
                                  pn_reader_view_get_zoom_level (reader), 0.001);
  g_assert_false (shows_label (GTK_WIDGET (window), "100%"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat (pn_reader_view_get_zoom_level (reader), <, 1.0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (reader), 1.0, 0.001);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 1.0, 0.001);

  /* A zoom the text view made itself (Ctrl+scroll) is kept too. */
  pn_reader_view_set_zoom_level (reader, 1.5);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 1.5, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);

  close_window (window);
}

static void
test_window_reading_position (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnStore *store = pn_application_get_store (app);
  g_autofree char *pack_id = NULL;
  g_autofree char *doc_id = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *last = NULL;
  double fraction = 0;

  g_assert_nonnull (store);
  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  pack_id = g_strdup (pn_pack_get_id (pn_window_get_pack (window)));
  doc_id = g_strdup (pn_reader_view_get_document_id (pn_window_get_reader_view (window)));

  /* What the reader reports is written when the window closes at the latest. */
  g_signal_emit_by_name (pn_window_get_reader_view (window), "position-changed", "test-anchor", 0.5);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  close_window (window);

  /* So is the window's size. */
  {
    GSettings *settings = pn_application_get_settings (app);

    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
    g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  }

  g_assert_true (pn_store_get_position (store, pack_id, doc_id, &anchor, &fraction));
  g_assert_cmpstr (anchor, ==, "test-anchor");
  g_assert_cmpfloat_with_epsilon (fraction, 0.5, 0.0001);
  last = pn_store_get_last_document (store, pack_id);
  g_assert_cmpstr (last, ==, doc_id);
}

typedef struct {
  GtkWidget *widget;
  int        width;
  gboolean   wider;
} WidthWait;

static gboolean
width_changed_cb (gpointer data)
{
  WidthWait *wait = data;
  int width = gtk_widget_get_width (wait->widget);

  return wait->wider ? width > wait->width : (width > 0 && width < wait->width);
}

static void
position_changed_cb (PnReaderView *reader,
                     const char   *anchor,
                     double        fraction,
                     char        **last)
{
  g_free (*last);
  *last = g_strdup (anchor);
}

static gboolean
anchor_reported_cb (gpointer data)
{
  return g_strcmp0 (*(char **) data, "p_30") == 0;
}

/* Scroll to a paragraph; the place is kept when the text reflows (sidebar,
 * narrower window) and restored by the next window on the same pack. */
static void
test_window_position_round_trip (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window_sized (pack_dir, 1000, 700);
  PnReaderView *reader = pn_window_get_reader_view (window);
  g_autofree char *reported = NULL;
  g_autofree char *top = NULL;
  TopWait wait = { window, "p_30" };
  gulong handler;

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  handler = g_signal_connect (reader, "position-changed", G_CALLBACK (position_changed_cb), &reported);

  /* A real scroll, as the reader would make it. */
  g_free (eval_js (window, "document.getElementById('p_30').scrollIntoView(); 'ok'"));
  wait_until (top_block_is_cb, &wait, "paragraph 30 at the top");
  wait_until (anchor_reported_cb, &reported, "the position to be reported");

  /* Reflow: hide the sidebar (wider text), then a narrow window (taller text).
   * Each time the text is first seen to reflow, then to keep its place. */
  {
    WidthWait reflow = { GTK_WIDGET (reader), gtk_widget_get_width (GTK_WIDGET (reader)), TRUE };
    AdwFlap *flap = ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
    wait_until (flap_hidden_cb, flap, "the sidebar to be hidden");
    wait_until (width_changed_cb, &reflow, "the text to be wider");
    wait_until (top_block_is_cb, &wait, "paragraph 30 still at the top without the sidebar");
    top = top_block (window);
    g_assert_cmpstr (top, ==, "p_30");
    g_clear_pointer (&top, g_free);

    reflow.width = gtk_widget_get_width (GTK_WIDGET (reader));
    reflow.wider = FALSE;
    gtk_window_set_default_size (GTK_WINDOW (window), 520, 700);
    wait_until (width_changed_cb, &reflow, "the text to be narrower");
    wait_until (top_block_is_cb, &wait, "paragraph 30 still at the top at 520 px");
  }

  g_signal_handler_disconnect (reader, handler);
  close_window (window);

  /* The next window opens at the same place. */
  window = open_window_sized (pack_dir, 1000, 700);
  wait.window = window;
  wait_until (reader_loaded_cb, window, "the essay to finish loading again");
  wait_until (top_block_is_cb, &wait, "paragraph 30 at the top after a restart");
  close_window (window);
}

static void
test_window_about_and_shortcuts (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWindow *about, *shortcuts;

  wait_until (reader_loaded_cb, window, "the essay to finish loading");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Prison numérique");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  wait_until (window_mapped_cb, about, "the About window");
  save_screenshot (GTK_WIDGET (about), "about.png");
  gtk_window_destroy (about);

  /* GtkApplication found the shortcuts window in the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  wait_until (window_mapped_cb, shortcuts, "the shortcuts window");
  save_screenshot (GTK_WIDGET (shortcuts), "shortcuts.png");
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);

  close_window (window);
}

static gboolean
bundled_pack_open_cb (gpointer data)
{
  PnPack *pack = pn_window_get_pack (data);

  return pack != NULL && g_strcmp0 (pn_pack_get_id (pack), "rauzy-prison-numerique") == 0 &&
         reader_loaded_cb (data);
}

/* The keyboard reads the text as soon as a document is shown, and the
 * library (the menu's « Library ») leads back to the bundled essay from
 * another pack. */
static void
test_window_keyboard_and_bundled (void)
{
  g_autofree char *good_path = g_build_filename (PN_TEST_PACKS_DIR, "good", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  PnWindow *window = open_window (good);

  wait_until (reader_loaded_cb, window, "the test pack");
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), !=, "rauzy-prison-numerique");
  wait_until (focus_in_reader_cb, window, "the keyboard focus in the text");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-library", NULL);
  {
    g_autoptr(GPtrArray) cards = find_widgets (GTK_WIDGET (window), PN_TYPE_LIBRARY_CARD, NULL, TRUE);

    /* The bundled essay is always in the library, first. */
    g_assert_cmpuint (cards->len, >=, 1);
    g_assert_cmpstr (pn_library_card_get_pack_id (g_ptr_array_index (cards, 0)), ==, "rauzy-prison-numerique");
    g_signal_emit_by_name (g_ptr_array_index (cards, 0), "activate");
  }
  wait_until (bundled_pack_open_cb, window, "the bundled essay");
  wait_until (focus_in_reader_cb, window, "the keyboard focus in the essay");
  /* The essay has no problems to list. */
  g_assert_cmpuint (pn_window_get_diagnostics (window)->len, ==, 0);

  close_window (window);
}

/* In a French locale the window speaks French (run as the "window-fr" test,
 * with LANGUAGE=fr and the build tree's catalogue). */
static void
test_window_french (void)
{
  g_autoptr(GFile) broken = make_pack ("pack.json", "{\n  \"format\": 1,\n  \"id\": oops\n}\n", NULL);
  g_autoptr(GFile) essay = bundled_pack ();
  PnWindow *window;
  GtkWidget *search_bar, *entry;

  if (g_strcmp0 (g_getenv ("PN_TEST_FRENCH"), "1") != 0)
    {
      g_test_skip ("run by the window-fr test");
      return;
    }

  window = open_window (broken);
  wait_until (error_page_shown_cb, window, "the error page");
  g_assert_true (shows_label (GTK_WIDGET (window), "Impossible d’ouvrir ce support de cours"));
  g_assert_false (shows_label (GTK_WIDGET (window), "This course pack cannot be opened"));

  open_pack (window, essay);
  wait_until (reader_loaded_cb, window, "the essay");
  search_bar = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR);
  entry = find_widget (search_bar, GTK_TYPE_SEARCH_ENTRY);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "zqxwzqxw");
  wait_for_label (GTK_WIDGET (window), "Aucune correspondance");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/window/essay", test_window_essay);
  g_test_add_func ("/window/sources", test_window_sources);
  g_test_add_func ("/window/find", test_window_find);
  g_test_add_func ("/window/broken-pack", test_window_broken_pack);
  g_test_add_func ("/window/pack-with-problems", test_window_pack_with_problems);
  g_test_add_func ("/window/many-problems", test_window_many_problems);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/zoom", test_window_zoom);
  g_test_add_func ("/window/reading-position", test_window_reading_position);
  g_test_add_func ("/window/position-round-trip", test_window_position_round_trip);
  g_test_add_func ("/window/keyboard-and-bundled", test_window_keyboard_and_bundled);
  g_test_add_func ("/window/french", test_window_french);
  g_test_add_func ("/window/about-and-shortcuts", test_window_about_and_shortcuts);

  return window_test_run ();
}
