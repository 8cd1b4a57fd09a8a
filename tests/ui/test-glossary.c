/* test-glossary.c: the Glossary page of the window on the bundled essay (run
 * under Xvfb): its sidebar row, search as you type (accents and case ignored),
 * an entry's page and the way back, sources, occurrences that open the text
 * at their place, the selection looked up, the link-mode preference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-glossary-search.h"
#include "pn-sidebar-row.h"
#include "pn-text.h"
#include "window-test.h"

static guint
n_found (PnGlossary *glossary, const char *query)
{
  g_autoptr(GPtrArray) found = pn_glossary_search (glossary, query);

  return found->len;
}

static gboolean
glossary_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (pn_window_get_glossary_page (data)));
}

/* Once the pages have stopped sliding and fading; the screen too, with the popovers. */
static void
screenshot (PnWindow *window, const char *name)
{
  save_settled_screenshots (GTK_WIDGET (window), name);
}

typedef struct {
  PnGlossaryPage *page;
  guint n;
} ShownWait;

static gboolean
n_shown_is_cb (gpointer data)
{
  ShownWait *wait = data;

  return pn_glossary_page_get_n_shown (wait->page) == wait->n;
}

typedef struct {
  PnGlossaryPage *page;
  const char *id;
} EntryWait;

static gboolean
entry_is_cb (gpointer data)
{
  EntryWait *wait = data;

  return g_strcmp0 (pn_glossary_page_get_entry_id (wait->page), wait->id) == 0;
}

/* The titles of the entry rows the list shows, in order. */
static GPtrArray *
list_titles (PnGlossaryPage *page)
{
  GtkWidget *list = NULL;
  g_autoptr(GPtrArray) lists = find_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, NULL, TRUE);
  GPtrArray *titles = g_ptr_array_new ();

  g_assert_cmpuint (lists->len, >=, 1);
  list = g_ptr_array_index (lists, 0);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return titles;
}

/* Types @text in the search entry as a person would (the list follows
 * GtkSearchEntry's search-changed), and waits for @n entries. */
static void
type_search (PnGlossaryPage *page, const char *text, guint n)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  ShownWait wait = { page, n };

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_until (n_shown_is_cb, &wait, "the glossary list to follow the search");
}

static GtkWidget *
row_titled (GtkWidget *root, const char *title)
{
  g_autoptr(GPtrArray) rows = find_widgets (root, ADW_TYPE_ACTION_ROW, NULL, TRUE);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The sidebar has a Glossary row after the Sources row; the page lists every
 * entry alphabetically and is searched as one types, accents and case
 * ignored; a search for nothing known says so. */
static void
test_glossary_search (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnGlossary *glossary = pn_pack_get_glossary (pn_window_get_pack (window));
  PnGlossaryPage *page = pn_window_get_glossary_page (window);
  GtkWidget *row = find_row (window, "glossary");
  GtkWidget *sources = find_row (window, "sources");
  g_autoptr(GPtrArray) titles = NULL;
  guint n;

  g_assert_nonnull (glossary);
  n = pn_glossary_get_n_entries (glossary);
  g_assert_cmpuint (n, >=, 30);
  g_assert_nonnull (row);
  g_assert_nonnull (sources);
  g_assert_true (gtk_widget_get_next_sibling (sources) == row);
  wait_until (reader_loaded_cb, window, "the essay");

  gtk_widget_activate (row);
  wait_until (glossary_mapped_cb, window, "the Glossary page");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (row)));
  g_assert_cmpuint (pn_glossary_page_get_n_shown (page), ==, n);

  /* Alphabetical, accents ignored: « Big Tech » before « capitalisme… » … */
  titles = list_titles (page);
  g_assert_cmpuint (titles->len, ==, n);
  for (guint i = 1; i < titles->len; i++)
    {
      g_autofree char *a = pn_text_fold_accents (g_ptr_array_index (titles, i - 1));
      g_autofree char *b = pn_text_fold_accents (g_ptr_array_index (titles, i));

      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }
  g_clear_pointer (&titles, g_ptr_array_unref);

  /* « feodalisme » finds « techno-féodalisme » (accent left out, inside a word). */
  type_search (page, "feodalisme", n_found (glossary, "feodalisme"));
  titles = list_titles (page);
  g_assert_cmpuint (titles->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "techno-féodalisme");
  g_clear_pointer (&titles, g_ptr_array_unref);
  screenshot (window, "glossary-search.png");

  /* « SUBSOMPTION » finds « subsomption totale » (case). */
  type_search (page, "SUBSOMPTION", 1);
  titles = list_titles (page);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "subsomption totale");
  g_clear_pointer (&titles, g_ptr_array_unref);

  /* Nothing known: no row, and the page says so. */
  type_search (page, "zzyzx", 0);
  g_assert_true (shows_label (GTK_WIDGET (page), "No Entry Found"));
  g_assert_null (row_titled (GTK_WIDGET (page), "techno-féodalisme"));

  /* The search emptied: every entry again. */
  type_search (page, "", n);
  g_assert_nonnull (row_titled (GTK_WIDGET (page), "techno-féodalisme"));
  close_window (window);
}

/* Enter on an entry opens its page: term, definition, explanation, related
 * entries to follow, sources; Escape goes back to the entry it came from,
 * then the back button to the list with its search. A source opens the
 * Sources page. */
static void
test_glossary_entry (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnPack *pack = pn_window_get_pack (window);
  PnGlossary *glossary = pn_pack_get_glossary (pack);
  PnGlossaryPage *page = pn_window_get_glossary_page (window);
  const PnGlossaryEntry *entry = pn_glossary_lookup (glossary, "seigneurage");
  const PnGlossaryEntry *related;
  GtkWidget *row;
  GtkWidget *back;

  g_assert_nonnull (entry);
  g_assert_nonnull (entry->related[0]);
  related = pn_glossary_lookup (glossary, entry->related[0]);
  g_assert_nonnull (related);
  wait_until (reader_loaded_cb, window, "the essay");
  gtk_widget_activate (find_row (window, "glossary"));
  wait_until (glossary_mapped_cb, window, "the Glossary page");

  type_search (page, "seign", n_found (glossary, "seign"));
  row = row_titled (GTK_WIDGET (page), "seigneurage");
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpstr (pn_glossary_page_get_entry_id (page), ==, "seigneurage");
  wait_for_label (GTK_WIDGET (page), entry->definition);
  g_assert_true (shows_label (GTK_WIDGET (page), "Related Entries"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Sources"));
  screenshot (window, "glossary-entry.png");

  /* A related entry, then Escape: back to seigneurage. */
  row = row_titled (GTK_WIDGET (page), related->term);
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  g_assert_cmpstr (pn_glossary_page_get_entry_id (page), ==, related->id);
  wait_for_label (GTK_WIDGET (page), related->definition);
  if (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Escape, 0))
    {
      EntryWait wait = { page, "seigneurage" };

      wait_until (entry_is_cb, &wait, "Escape to go back to the entry");
    }
  else
    {
      g_test_message ("No XTest: back by the page's call");
      g_assert_true (pn_glossary_page_go_back (page));
    }
  g_assert_cmpstr (pn_glossary_page_get_entry_id (page), ==, "seigneurage");

  /* The back button: the list, with the search kept. */
  back = button_labelled (GTK_WIDGET (page), "Glossary");
  gtk_widget_activate (back);
  {
    EntryWait wait = { page, NULL };

    wait_until (entry_is_cb, &wait, "the back button to show the list");
  }
  g_assert_cmpstr (pn_glossary_page_get_search (page), ==, "seign");
  g_assert_nonnull (row_titled (GTK_WIDGET (page), "seigneurage"));

  /* A source of the entry: the Sources page. */
  g_assert_true (pn_glossary_page_show_entry (page, "seigneurage"));
  g_assert_nonnull (entry->sources[0]);
  {
    const PnSource *source = pn_pack_get_source (pack, entry->sources[0]);
    g_autoptr(GPtrArray) lists = find_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, NULL, TRUE);
    GtkWidget *source_row = NULL;

    g_assert_nonnull (source);
    for (guint i = 0; i < lists->len && source_row == NULL; i++)
      {
        GtkListBox *list = g_ptr_array_index (lists, i);

        if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))),
                       "Show in Sources") == 0)
          source_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
      }
    g_assert_nonnull (source_row);
    gtk_widget_activate (source_row);
    wait_until (sources_mapped_cb, window, "the Sources page");
  }

  /* An unknown id shows nothing. */
  g_assert_false (pn_glossary_page_show_entry (page, "no-such-entry"));
  close_window (window);
}


/* The text and its popovers */

static gboolean
widget_visible_cb (gpointer data)
{
  GtkWidget **widget = data;

  return *widget != NULL && gtk_widget_get_visible (*widget);
}

typedef struct {
  PnReaderView *view;
  GtkWidget *popover;
} PopoverWait;

static gboolean
term_popover_shown_cb (gpointer data)
{
  PopoverWait *wait = data;

  wait->popover = pn_reader_view_get_term_popover (wait->view);
  return wait->popover != NULL && gtk_widget_get_visible (wait->popover);
}

static gboolean
term_popover_hidden_cb (gpointer data)
{
  PopoverWait *wait = data;

  return wait->popover != NULL && !gtk_widget_get_visible (wait->popover);
}

static void
count_map_cb (GtkWidget *widget, guint *count)
{
  (*count)++;
}

static gboolean
focus_in_text_cb (gpointer data)
{
  PnWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *reader = GTK_WIDGET (pn_window_get_reader_view (window));

  return focus != NULL && (focus == reader || gtk_widget_is_ancestor (focus, reader));
}

/* Clicking « seigneurage » in the essay opens its popover with its definition;
 * Escape closes it and gives the text the focus back; « Learn More » opens
 * its entry on the Glossary page. A link the page made up with an id the
 * glossary does not have opens nothing (against a real term clicked after). */
static void
test_glossary_popover (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnReaderView *view = pn_window_get_reader_view (window);
  PnGlossary *glossary = pn_pack_get_glossary (pn_window_get_pack (window));
  const PnGlossaryEntry *entry = pn_glossary_lookup (glossary, "seigneurage");
  PopoverWait wait = { view, NULL };
  g_autofree char *n_marked = NULL;
  GtkWidget *more;
  guint maps = 0;

  g_assert_nonnull (entry);
  wait_until (reader_loaded_cb, window, "the essay");
  n_marked = eval_js (window, "String(document.querySelectorAll('a.pn-term[data-glossary=\"seigneurage\"]').length)");
  g_assert_cmpint (atoi (n_marked), >=, 1);

  g_free (eval_js (window, "(() => { const a = document.querySelector('a.pn-term[data-glossary=\"seigneurage\"]');"
                          "  a.scrollIntoView({ block: 'center' }); a.click(); return ''; })()"));
  wait_until (term_popover_shown_cb, &wait, "the term popover");
  g_assert_true (shows_label (wait.popover, entry->term));
  g_assert_true (shows_label (wait.popover, entry->definition));
  g_assert_true (shows_label (wait.popover, "Learn More"));
  screenshot (window, "glossary-popover.png");

  /* Escape: closed, the focus back in the text. */
  if (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Escape, 0))
    {
      wait_until (term_popover_hidden_cb, &wait, "Escape to close the term popover");
      wait_until (focus_in_text_cb, window, "the focus back in the text");
    }
  else
    gtk_popover_popdown (GTK_POPOVER (wait.popover));

  /* The keyboard: Enter on the term (a link in the text's focus chain). */
  g_free (eval_js (window, "document.querySelector('a.pn-term[data-glossary=\"seigneurage\"]').focus(); ''"));
  if (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0))
    {
      wait_until (term_popover_shown_cb, &wait, "Enter on the term to open its popover");
      g_assert_true (shows_label (wait.popover, entry->definition));
      gtk_popover_popdown (GTK_POPOVER (wait.popover));
      wait_until (term_popover_hidden_cb, &wait, "the popover closed");
    }
  else
    g_test_message ("No XTest: Enter not tried");

  /* Made up by the page: nothing opens. The real term after it does, once. */
  g_signal_connect (wait.popover, "map", G_CALLBACK (count_map_cb), &maps);
  g_free (eval_js (window,
                   "(() => { const a = document.createElement('a'); a.className = 'pn-term';"
                   "  a.setAttribute('data-glossary', 'no-such-entry'); a.href = '#'; a.textContent = 'faux';"
                   "  document.querySelector('article p').append(a); a.click();"
                   "  document.querySelector('a.pn-term[data-glossary=\"seigneurage\"]').click(); return ''; })()"));
  wait_until (term_popover_shown_cb, &wait, "the term popover again");
  g_assert_cmpuint (maps, ==, 1);
  g_assert_true (shows_label (wait.popover, entry->definition));

  /* « Learn More »: the entry's page. */
  more = button_labelled (wait.popover, "Learn More");
  g_signal_emit_by_name (more, "clicked");
  wait_until (glossary_mapped_cb, window, "the Glossary page from Learn More");
  g_assert_cmpstr (pn_glossary_page_get_entry_id (pn_window_get_glossary_page (window)), ==, "seigneurage");
  {
    /* The keyboard followed: on the entry's back button. */
    FocusWait focus = { GTK_WIDGET (window), GTK_WIDGET (pn_window_get_glossary_page (window)) };

    wait_until (focus_within_cb, &focus, "the focus on the Glossary page");
  }
  close_window (window);
}

typedef struct {
  guint n;
  gboolean found;
} Shown;

static void
occurrence_shown_cb (PnReaderView *view, gboolean found, Shown *shown)
{
  shown->n++;
  shown->found = found;
}

static gboolean
shown_cb (gpointer data)
{
  return ((Shown *) data)->n > 0;
}

/* An occurrence row opens the text scrolled to that place, and flashes it. */
static void
test_glossary_occurrence (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnPackSession *session = pn_window_get_session (window);
  PnReaderView *view = pn_window_get_reader_view (window);
  PnGlossaryPage *page = pn_window_get_glossary_page (window);
  const char *doc_id;
  GPtrArray *terms;
  const PnTermOccurrence *last = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *row = NULL;
  Shown shown = { 0, FALSE };
  g_autofree char *script = NULL;
  g_autofree char *answer = NULL;
  guint n = 0;

  wait_until (reader_loaded_cb, window, "the essay");
  doc_id = pn_reader_view_get_document_id (view);
  terms = pn_pack_session_get_terms (session, doc_id);
  g_assert_nonnull (terms);
  for (guint i = 0; i < terms->len; i++)
    {
      const PnTermOccurrence *occurrence = g_ptr_array_index (terms, i);

      if (g_strcmp0 (occurrence->entry_id, "seigneurage") == 0)
        {
          last = occurrence;
          n++;
        }
    }
  g_assert_cmpuint (n, >=, 1);

  g_assert_true (pn_glossary_page_show_entry (page, "seigneurage"));
  gtk_widget_activate (find_row (window, "glossary"));
  wait_until (glossary_mapped_cb, window, "the Glossary page");
  rows = find_widgets (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, NULL, TRUE);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (rows, i), "pn-occurrence-row"))
      row = g_ptr_array_index (rows, i);   /* the last one: far down the text */
  g_assert_nonnull (row);
  /* The document, and the words around the term, the term in bold. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   pn_document_get_title (pn_pack_get_document (pn_window_get_pack (window), doc_id)));
  {
    g_autoptr(GPtrArray) labels = find_widgets (row, GTK_TYPE_LABEL, "littéralement question de seigneurage,", FALSE);

    g_assert_cmpuint (labels->len, ==, 1);
    g_assert_nonnull (strstr (gtk_label_get_label (g_ptr_array_index (labels, 0)), "de <b>seigneurage</b>,"));
  }
  screenshot (window, "glossary-occurrences.png");

  g_signal_connect (view, "occurrence-shown", G_CALLBACK (occurrence_shown_cb), &shown);
  gtk_widget_activate (row);
  wait_until (shown_cb, &shown, "the occurrence to be shown");
  g_assert_true (shown.found);
  wait_until (focus_in_text_cb, window, "the focus in the text at the occurrence");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* The flash is over the words, in the view, in the occurrence's block. */
  answer = eval_js (window,
                    "(() => { const f = document.querySelector('.pn-flash');"
                    "  const t = document.querySelector('.pn-flash-target');"
                    "  if (!f || !t) return 'none';"
                    "  const r = f.getBoundingClientRect();"
                    "  const far = t.getBoundingClientRect().top + window.scrollY > window.innerHeight;"
                    "  return (r.top >= 0 && r.bottom <= window.innerHeight ? 'in' : 'out') + ' ' + t.id"
                    "    + ' ' + (!far || window.scrollY > 0 ? 'scrolled' : 'not-scrolled'); })()");
  script = g_strdup_printf ("in %s scrolled", last->block_id);
  g_assert_cmpstr (answer, ==, script);
  screenshot (window, "glossary-flash.png");
  close_window (window);
}

/* Words selected in the text offer « Look Up in Glossary »: a term opens its
 * entry; other words, the list searched for them. */
static void
test_glossary_selection (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnReaderView *view = pn_window_get_reader_view (window);
  PnGlossaryPage *page = pn_window_get_glossary_page (window);
  GtkWidget *popover = NULL;
  GtkWidget *button;
  g_autofree char *reported = NULL;

  wait_until (reader_loaded_cb, window, "the essay");

  /* A term, selected as a reader would with the mouse. */
  g_free (eval_js (window,
                   "(() => { const a = document.querySelector('a.pn-term[data-glossary=\"seigneurage\"]');"
                   "  const r = document.createRange(); r.selectNodeContents(a);"
                   "  const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return ''; })()"));
  /* What the page does when the reader's mouse button or Shift is released
   * (selection.js); real input is not used here: a press sent to the view
   * can be lost when another window has the display's focus. */
  reported = eval_in_app_world (window, "pnBridge.dispatch('reportSelection', 1, {}); 'asked'");
  g_assert_cmpstr (reported, ==, "asked");
  popover = pn_reader_view_get_selection_popover (view);
  wait_until (widget_visible_cb, &popover, "the selection popover");
  popover = pn_reader_view_get_selection_popover (view);
  g_assert_true (shows_label (popover, "Look Up in Glossary"));
  screenshot (window, "glossary-selection.png");
  button = button_labelled (popover, "Look Up in Glossary");
  g_signal_emit_by_name (button, "clicked");
  wait_until (glossary_mapped_cb, window, "the Glossary page from the selection");
  g_assert_cmpstr (pn_glossary_page_get_entry_id (page), ==, "seigneurage");

  /* Other words: the list, searched for them (none found here). */
  gtk_widget_activate (find_row (window, pn_reader_view_get_document_id (view)));
  wait_until (reader_mapped_cb, window, "the text again");
  g_free (eval_js (window,
                   "(() => { const p = document.querySelector('article p');"
                   "  const r = document.createRange(); r.setStart(p.firstChild, 0); r.setEnd(p.firstChild, 7);"
                   "  const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return ''; })()"));
  g_free (eval_in_app_world (window, "pnBridge.dispatch('reportSelection', 1, {}); 'asked'"));
  wait_until (widget_visible_cb, &popover, "the selection popover again");
  g_signal_emit_by_name (button, "clicked");
  wait_until (glossary_mapped_cb, window, "the Glossary page searched");
  g_assert_null (pn_glossary_page_get_entry_id (page));
  g_assert_nonnull (pn_glossary_page_get_search (page));
  g_assert_cmpstr (pn_glossary_page_get_search (page), ==, "En août");
  close_window (window);
}

static int
count_marks (PnWindow *window)
{
  g_autofree char *n = eval_js (window, "String(document.querySelectorAll('a.pn-term').length)");

  return atoi (n);
}

typedef struct {
  PnWindow *window;
  int n;
  int all;
} MarksWait;

static gboolean
marks_are_cb (gpointer data)
{
  MarksWait *wait = data;

  int n;

  if (!reader_loaded_cb (wait->window))
    return FALSE;
  n = count_marks (wait->window);
  /* wait->n < 0: at least -wait->n, and not every occurrence */
  return wait->n < 0 ? n >= -wait->n && n < ((MarksWait *) data)->all : n == wait->n;
}

/* The preference: every occurrence, the first in each section, none; the
 * text is shown again with the new marks. */
static void
test_glossary_link_mode (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  PnReaderView *view = pn_window_get_reader_view (window);
  PnPackSession *session = pn_window_get_session (window);
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Prisonnum");
  GPtrArray *terms;
  GHashTable *entries = g_hash_table_new (g_str_hash, g_str_equal);
  guint linked = 0;
  int all, first;
  MarksWait wait = { window, 0, 0 };

  wait_until (reader_loaded_cb, window, "the essay");
  terms = pn_pack_session_get_terms (session, pn_reader_view_get_document_id (view));
  for (guint i = 0; i < terms->len; i++)
    {
      const PnTermOccurrence *occurrence = g_ptr_array_index (terms, i);

      linked += occurrence->linked;
      g_hash_table_add (entries, occurrence->entry_id);
    }
  all = count_marks (window);
  wait.all = all;
  g_assert_cmpint (all, ==, (int) linked);
  g_assert_cmpint (all, >, (int) g_hash_table_size (entries));

  g_settings_set_enum (settings, "glossary-links", PN_GLOSSARY_LINK_NONE);
  wait_until (marks_are_cb, &wait, "no term marked");

  g_settings_set_enum (settings, "glossary-links", PN_GLOSSARY_LINK_FIRST);
  wait.n = -(int) g_hash_table_size (entries);
  wait_until (marks_are_cb, &wait, "the first of each term marked in each section");
  first = count_marks (window);
  g_assert_cmpint (first, >=, (int) g_hash_table_size (entries));
  g_assert_cmpint (first, <, all);

  g_settings_set_enum (settings, "glossary-links", PN_GLOSSARY_LINK_ALL);
  wait.n = all;
  wait_until (marks_are_cb, &wait, "every occurrence marked again");

  /* Changed while the Glossary page is shown: the text behind it follows,
   * and the back button still returns to it. */
  gtk_widget_activate (find_row (window, "glossary"));
  wait_until (glossary_mapped_cb, window, "the Glossary page");
  g_settings_set_enum (settings, "glossary-links", PN_GLOSSARY_LINK_NONE);
  wait.n = 0;
  wait_until (marks_are_cb, &wait, "no term marked behind the Glossary page");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pn_window_get_glossary_page (window))));
  g_assert_cmpstr (pn_reader_view_get_history_page (view), ==, "glossary");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back-to-text", NULL);
  wait_until (reader_mapped_cb, window, "the text again");
  g_settings_reset (settings, "glossary-links");
  g_hash_table_unref (entries);
  close_window (window);
}

/* For people to look at (only with PN_SCREENSHOT_DIR): the popover and the
 * page in the dark style, and at 360 px wide. */
static void
test_glossary_screenshots (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Prisonnum");
  const char *schemes[] = { "dark", "default" };

  if (g_getenv ("PN_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("screenshots only with PN_SCREENSHOT_DIR");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      PnWindow *window;
      PopoverWait wait = { NULL, NULL };
      g_autofree char *name = NULL;
      PnGlossaryPage *page;

      g_settings_set_string (settings, "color-scheme", schemes[i]);
      window = i == 0 ? open_window (pack_dir) : open_window_sized (pack_dir, 360, 640);
      wait.view = pn_window_get_reader_view (window);
      page = pn_window_get_glossary_page (window);
      wait_until (reader_loaded_cb, window, "the essay");
      g_free (eval_js (window, "(() => { const a = document.querySelector('a.pn-term[data-glossary=\"seigneurage\"]');"
                               "  a.scrollIntoView({ block: 'center' }); a.focus(); a.click(); return ''; })()"));
      wait_until (term_popover_shown_cb, &wait, "the term popover");
      name = g_strdup_printf ("glossary-popover-%s.png", i == 0 ? "dark" : "narrow");
      screenshot (window, name);
      gtk_popover_popdown (GTK_POPOVER (wait.popover));

      g_assert_true (pn_glossary_page_show_entry (page, "subsomption-totale"));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
      g_signal_emit_by_name (find_sidebar (GTK_WIDGET (window)), "row-activated", find_row (window, "glossary"));
      wait_until (glossary_mapped_cb, window, "the Glossary page");
      g_free (name);
      name = g_strdup_printf ("glossary-entry-%s.png", i == 0 ? "dark" : "narrow");
      screenshot (window, name);
      {
        /* Its end: the occurrences with their excerpts. */
        g_autoptr(GPtrArray) scrollers = find_widgets (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL, TRUE);
        GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, 0));

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        g_free (name);
        name = g_strdup_printf ("glossary-entry-end-%s.png", i == 0 ? "dark" : "narrow");
        screenshot (window, name);
      }
      pn_glossary_page_go_back (page);
      type_search (page, "tra", n_found (pn_pack_get_glossary (pn_window_get_pack (window)), "tra"));
      g_free (name);
      name = g_strdup_printf ("glossary-list-%s.png", i == 0 ? "dark" : "narrow");
      screenshot (window, name);
      close_window (window);
    }
  g_settings_reset (settings, "color-scheme");
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/glossary/search", test_glossary_search);
  g_test_add_func ("/glossary/entry", test_glossary_entry);
  g_test_add_func ("/glossary/popover", test_glossary_popover);
  g_test_add_func ("/glossary/occurrence", test_glossary_occurrence);
  g_test_add_func ("/glossary/selection", test_glossary_selection);
  g_test_add_func ("/glossary/link-mode", test_glossary_link_mode);
  g_test_add_func ("/glossary/screenshots", test_glossary_screenshots);

  return window_test_run ();
}
