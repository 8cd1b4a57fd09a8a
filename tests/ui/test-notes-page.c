/* test-notes-page.c: the Notes page in a real window (run under Xvfb): the
 * annotations of the store grouped by document with the count on the
 * sidebar row, the search (accents and case ignored), the colour and tag
 * filters, the sort, the keyboard (Enter opens the text at the passage), the
 * text edited under the notes (one follows its words, one is listed under
 * Detached, then re-attached), export then import duplicating nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "notes-page-test.h"
#include "pn-diagnostic.h"
#include "pn-note-row.h"
#include "pn-sidebar-row.h"

#define EDIT_PACK_ID "test-notes-edit"

/* The page lists what the store holds, grouped by document in the pack's
 * order, with the count on the sidebar row; search, colour and tag filters,
 * each against a positive control; the sort by date. */
static void
test_notes_list (void)
{
  g_autoptr(GFile) pack = make_notes_pack ("test-notes-list");
  PnWindow *window = open_window (pack);
  PnNotesPage *page = notes_page (window);
  GtkWidget *row = find_row (window, "notes");
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Prisonnum");
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  wait_until (reader_loaded_cb, window, "the text");
  /* The row is there before any note, with nothing counted. */
  g_assert_nonnull (row);
  g_assert_null (pn_sidebar_row_get_count (PN_SIDEBAR_ROW (row)));
  show_notes (window);
  g_assert_true (shows_label (GTK_WIDGET (page), "No Notes Yet"));
  screenshot (window, "notes-empty.png");

  add_five (window);
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), ==, 5);
  g_assert_cmpstr (pn_sidebar_row_get_count (PN_SIDEBAR_ROW (row)), ==, "5");
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 5);
  g_assert_false (shows_label (GTK_WIDGET (page), "No Notes Yet"));

  /* Grouped by document, in the pack's order, under their titles. */
  titles = headings (page);
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "The Harbour");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "The Market");
  /* By position: the document note first, then the bookmark, then the highlight. */
  rows = shown_rows (page);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 0)), ==, "The boats came back at night");
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 1)), ==, "An old café stood on the quay");
  g_assert_cmpint (pn_note_row_get_annotation (g_ptr_array_index (rows, 2))->kind, ==, PN_ANNOTATION_DOCUMENT_NOTE);
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 3)), ==, "Every morning");
  g_assert_true (shows_label (GTK_WIDGET (page), "“Prices rise when the harvest fails”"));
  /* The note's Markdown rendered; the tags and the swatch's name. */
  {
    g_autoptr(GPtrArray) notes = find_widgets (g_ptr_array_index (rows, 0), GTK_TYPE_LABEL, "Ask about the tides", TRUE);

    g_assert_cmpuint (notes->len, ==, 1);
    g_assert_nonnull (strstr (gtk_label_get_label (g_ptr_array_index (notes, 0)), "<b>tides</b>"));
    g_assert_true (shows_label (g_ptr_array_index (rows, 0), "exam · "));
  }
  /* For a screen reader: the swatch says its colour, the row what it is. */
  {
    GtkWidget *green = g_ptr_array_index (rows, 1);
    g_autoptr(GPtrArray) boxes = find_widgets (green, GTK_TYPE_BOX, NULL, TRUE);
    GtkWidget *swatch = NULL;
    g_autofree char *wrong = NULL;

    for (guint i = 0; i < boxes->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "pn-note-swatch"))
        swatch = g_ptr_array_index (boxes, i);
    g_assert_nonnull (swatch);
    g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, "Green"));
    /* A positive control: another colour is told apart. */
    wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, "Yellow");
    g_assert_nonnull (wrong);
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (green), GTK_ACCESSIBLE_PROPERTY_LABEL));
  }
  g_clear_pointer (&rows, g_ptr_array_unref);
  screenshot (window, "notes-list.png");

  /* The search: « ETE » finds « été » in a note (accents and case); a word of
   * a quote and a tag are found too; nothing known, nothing shown. */
  type_search (page, "ETE", 1);
  rows = shown_rows (page);
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 0)), ==, "An old café stood on the quay");
  g_clear_pointer (&rows, g_ptr_array_unref);
  type_search (page, "harvest", 1);
  type_search (page, "ECONOMICS", 1);
  type_search (page, "exam", 2);
  type_search (page, "zeppelin", 0);
  g_assert_true (shows_label (GTK_WIDGET (page), "No Note Found"));
  type_search (page, "", 5);

  /* The colour: green alone, yellow's two, then every one again. */
  pn_notes_page_set_color_filter (page, PN_ANNOTATION_GREEN);
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 1);
  rows = shown_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 0)), ==, "An old café stood on the quay");
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* Only the Harbour's group is left. */
  g_clear_pointer (&titles, g_ptr_array_unref);
  titles = headings (page);
  g_assert_cmpuint (titles->len, ==, 1);
  pn_notes_page_set_color_filter (page, PN_ANNOTATION_YELLOW);
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 2);
  pn_notes_page_set_color_filter (page, PN_ANNOTATION_PURPLE);
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 0);
  pn_notes_page_set_color_filter (page, -1);
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 5);

  /* The tag: « economics » alone, « exam » two. */
  pn_notes_page_set_tag_filter (page, "economics");
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 1);
  pn_notes_page_set_tag_filter (page, "exam");
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 2);
  pn_notes_page_set_tag_filter (page, NULL);
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 5);

  /* By date, newest first within each document: the menu's « Sort by Date »
   * (its action) sets the setting, which the list follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notes-view.notes-sort", "s", "date"));
  {
    g_autofree char *sort = g_settings_get_string (settings, "notes-sort");

    g_assert_cmpstr (sort, ==, "date");
  }
  rows = shown_rows (page);
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 0)), ==, "An old café stood on the quay");
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 1)), ==, "The boats came back at night");
  g_assert_cmpint (pn_note_row_get_annotation (g_ptr_array_index (rows, 2))->kind, ==, PN_ANNOTATION_DOCUMENT_NOTE);
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 4)), ==, "Prices rise when the harvest fails");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "notes-view.notes-sort", "s", "position"));
  rows = shown_rows (page);
  g_assert_cmpstr (row_quote (g_ptr_array_index (rows, 0)), ==, "The boats came back at night");
  g_settings_reset (settings, "notes-sort");

  close_window (window);
}

typedef struct {
  gboolean done;
  gboolean found;
} ShownResult;

static void
occurrence_shown_cb (PnReaderView *view, gboolean found, ShownResult *shown)
{
  shown->done = TRUE;
  shown->found = found;
}

static gboolean
shown_cb (gpointer data)
{
  return ((ShownResult *) data)->done;
}

static gboolean
focus_is_cb (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (GTK_ROOT (wait->window)) == wait->widget;
}

/* From the keyboard: Ctrl+F in the page, Enter goes down to the first note,
 * Down to the next one, Enter opens the text at it, which flashes. */
static void
test_notes_keyboard (void)
{
  g_autoptr(GFile) pack = make_notes_pack ("test-notes-keyboard");
  PnWindow *window = open_window (pack);
  PnNotesPage *page = notes_page (window);
  PnReaderView *view = pn_window_get_reader_view (window);
  GtkWidget *entry;
  g_autoptr(GPtrArray) rows = NULL;
  ShownResult shown = { FALSE, FALSE };
  FocusWait focus;
  g_autofree char *flashed = NULL;

  wait_until (reader_loaded_cb, window, "the text");
  add_five (window);
  show_notes (window);
  wait_until (window_active_cb, window, "the window to be active");
  entry = find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  rows = shown_rows (page);
  g_assert_cmpuint (rows->len, ==, 5);

  gtk_widget_grab_focus (g_ptr_array_index (rows, 4));
  if (!pn_ui_test_press_ctrl_key (GTK_WINDOW (window), GDK_KEY_f))
    {
      g_test_skip ("No XTest to press keys with");
      close_window (window);
      return;
    }
  focus = (FocusWait) { GTK_WIDGET (window), entry };
  wait_until (focus_within_cb, &focus, "Ctrl+F to reach the page's search");

  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  focus = (FocusWait) { GTK_WIDGET (window), g_ptr_array_index (rows, 0) };
  wait_until (focus_is_cb, &focus, "Enter to go down to the first note");
  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, 0));
  focus = (FocusWait) { GTK_WIDGET (window), g_ptr_array_index (rows, 1) };
  wait_until (focus_is_cb, &focus, "Down to the second note");
  /* Down again leaves the Harbour's list for the Market's. */
  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, 0));
  focus = (FocusWait) { GTK_WIDGET (window), g_ptr_array_index (rows, 2) };
  wait_until (focus_is_cb, &focus, "Down to the next document's first note");
  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Up, 0));
  focus = (FocusWait) { GTK_WIDGET (window), g_ptr_array_index (rows, 1) };
  wait_until (focus_is_cb, &focus, "Up back to the second note");

  g_signal_connect (view, "occurrence-shown", G_CALLBACK (occurrence_shown_cb), &shown);
  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  wait_until (shown_cb, &shown, "the passage to be shown");
  g_signal_handlers_disconnect_by_func (view, occurrence_shown_cb, &shown);
  g_assert_true (shown.found);
  g_assert_cmpstr (pn_reader_view_get_document_id (view), ==, "harbour");
  focus = (FocusWait) { GTK_WIDGET (window), GTK_WIDGET (view) };
  wait_until (focus_within_cb, &focus, "the focus in the text at the passage");
  /* The flash is over those very words. */
  flashed = eval_js (window, "(() => { const t = document.querySelector('.pn-flash-target');"
                             "  return t ? t.textContent : 'none'; })()");
  g_assert_nonnull (strstr (flashed, "An old café stood on the quay"));

  close_window (window);
}

static gboolean
none_detached_cb (gpointer data)
{
  return pn_notes_page_get_n_detached (data) == 0;
}

/* The pack's text edited under the notes: the one whose words are still there
 * follows them, the one whose words are gone is listed under Detached (in the
 * store too, never deleted), and is re-attached by selecting new words:
 * « Re-attach… » opens the text, the words selected there become its place. */
static void
test_notes_detached (void)
{
  static const char json[] =
    "{\n"
    "  \"format\": 1,\n"
    "  \"id\": \"" EDIT_PACK_ID "\",\n"
    "  \"version\": \"1.0.0\",\n"
    "  \"title\": \"An edited chapter\",\n"
    "  \"language\": \"en\",\n"
    "  \"authors\": [{ \"name\": \"Camille Martin\" }],\n"
    "  \"license\": \"CC-BY-SA-4.0\",\n"
    "  \"description\": \"A text changed between two editions.\",\n"
    "  \"documents\": [{ \"id\": \"chapter\", \"title\": \"The Chapter\", \"file\": \"chapter.md\" }]\n"
    "}\n";
  static const char first_md[] =
    "# The Chapter\n\n"
    "The first paragraph stays as it is in both editions of the text.\n\n"
    "A sentence that the teacher will remove entirely from the second edition, quite long.\n\n"
    "The last words are kept too, whatever else changes around them.\n";
  static const char second_md[] =
    "# The Chapter\n\n"
    "A new opening paragraph, added in the second edition to explain the context better.\n\n"
    "The first paragraph stays as it is in both editions of the text.\n\n"
    "The last words are kept too, whatever else changes around them.\n";
  g_autoptr(GFile) pack = make_pack ("pack.json", json, "chapter.md", first_md, NULL);
  g_autoptr(GFile) chapter = g_file_get_child (pack, "chapter.md");
  g_autoptr(GError) error = NULL;
  PnWindow *window = open_window (pack);
  PnNotesPage *page = notes_page (window);
  g_autofree char *kept_id = NULL;
  g_autofree char *gone_id = NULL;
  g_autoptr(PnAnnotation) kept = NULL;
  g_autoptr(PnAnnotation) gone = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *text;
  gint64 start;

  wait_until (reader_loaded_cb, window, "the first edition");
  kept = annotation_on (window, "chapter", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_BLUE,
                        "The last words are kept too", "This stays.", NULL, 1700000000);
  gone = annotation_on (window, "chapter", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_PINK,
                        "A sentence that the teacher will remove entirely", "My note on the **removed** words.",
                        NULL, 1700000100);
  kept_id = g_strdup (kept->id);
  gone_id = g_strdup (gone->id);
  add_annotation (window, g_steal_pointer (&kept));
  add_annotation (window, g_steal_pointer (&gone));
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), ==, 2);
  g_assert_cmpuint (pn_notes_page_get_n_detached (page), ==, 0);
  close_window (window);

  /* The second edition: a paragraph added before, the sentence removed. */
  g_file_replace_contents (chapter, second_md, strlen (second_md), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                           &error);
  g_assert_no_error (error);
  window = open_window (pack);
  page = notes_page (window);
  wait_until (reader_loaded_cb, window, "the second edition");
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), ==, 2);
  g_assert_cmpuint (pn_notes_page_get_n_detached (page), ==, 1);

  /* In the store: the kept one at its words' new place, the other detached, its note kept. */
  text = pn_pack_session_get_page_text (pn_window_get_session (window), "chapter");
  start = g_utf8_pointer_to_offset (text, strstr (text, "The last words are kept too"));
  kept = pn_store_get_annotation (window_store (window), kept_id, &error);
  g_assert_no_error (error);
  g_assert_false (kept->detached);
  g_assert_cmpint (kept->selectors.start, ==, start);
  gone = pn_store_get_annotation (window_store (window), gone_id, &error);
  g_assert_no_error (error);
  g_assert_true (gone->detached);
  g_assert_cmpstr (gone->note, ==, "My note on the **removed** words.");

  /* On the page: Detached first, with its quote and note, then the document. */
  show_notes (window);
  titles = headings (page);
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Detached");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "The Chapter");
  rows = shown_rows (page);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_true (pn_note_row_get_detached (g_ptr_array_index (rows, 0)));
  g_assert_cmpstr (pn_note_row_get_annotation (g_ptr_array_index (rows, 0))->id, ==, gone_id);
  g_assert_false (pn_note_row_get_detached (g_ptr_array_index (rows, 1)));
  g_assert_true (shows_label (GTK_WIDGET (page), "“A sentence that the teacher will remove entirely”"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Re-attach…"));
  g_clear_pointer (&rows, g_ptr_array_unref);
  screenshot (window, "notes-detached.png");

  /* « Re-attach… » opens the text; the words then selected (« Attach Note
   * Here » in the reader) become its place: no longer detached. */
  gtk_widget_activate (button_labelled (GTK_WIDGET (page), "Re-attach…"));
  wait_until (reader_mapped_cb, window, "the text, to select the new place");
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "chapter");
  wait_until (reader_loaded_cb, window, "the text");
  start = g_utf8_pointer_to_offset (text, strstr (text, "A new opening paragraph"));
  g_signal_emit_by_name (pn_window_get_reader_view (window), "reattach-requested", gone_id, start, start + 23);
  wait_until (none_detached_cb, page, "the note to be attached again");
  g_clear_pointer (&gone, pn_annotation_free);
  gone = pn_store_get_annotation (window_store (window), gone_id, &error);
  g_assert_no_error (error);
  g_assert_false (gone->detached);
  g_assert_cmpstr (gone->selectors.exact, ==, "A new opening paragraph");
  g_assert_cmpstr (gone->note, ==, "My note on the **removed** words.");
  show_notes (window);
  g_clear_pointer (&titles, g_ptr_array_unref);
  titles = headings (page);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "The Chapter");
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 2);

  close_window (window);
}

static gsize
count_of (const char *haystack, const char *needle)
{
  gsize n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Export then import through the page's own calls: nothing duplicated; a
 * note deleted comes back; a file that is not notes is refused with its name. */
static void
test_notes_transfer (void)
{
  g_autoptr(GFile) pack = make_notes_pack ("test-notes-transfer");
  PnWindow *window = open_window (pack);
  PnNotesPage *page = notes_page (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pn-test-notes-XXXXXX", &error);
  g_autofree char *md_path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *json_path = g_build_filename (dir, "notes.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *markdown = NULL;
  guint added = 99, skipped = 99;

  g_assert_no_error (error);
  wait_until (reader_loaded_cb, window, "the text");
  add_five (window);

  g_assert_true (pn_notes_page_export (page, PN_NOTES_FORMAT_MARKDOWN, md, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (md_path, &markdown, NULL, NULL));
  g_assert_cmpuint (count_of (markdown, "The boats came back at night"), >=, 1);
  g_assert_nonnull (strstr (markdown, "The Market"));

  g_assert_true (pn_notes_page_export (page, PN_NOTES_FORMAT_W3C, json, &error));
  g_assert_no_error (error);

  /* Everything is there already: all skipped, none added. */
  g_assert_true (pn_notes_page_import (page, json, &added, &skipped, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 5);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), ==, 5);

  /* One deleted: the import brings it back, the others skipped. */
  stored = pn_store_get_annotations (window_store (window), "test-notes-transfer", "harbour", &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_delete_annotation (window_store (window),
                                             ((PnAnnotation *) g_ptr_array_index (stored, 0))->id, &error));
  pn_pack_session_annotations_changed (pn_window_get_session (window), "harbour");
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), ==, 4);
  g_assert_true (pn_notes_page_import (page, json, &added, &skipped, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (skipped, ==, 4);
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), ==, 5);
  g_assert_cmpstr (pn_sidebar_row_get_count (PN_SIDEBAR_ROW (find_row (window, "notes"))), ==, "5");

  /* A file with a new note and an item that is not one: the note added, the
   * item reported with the file's name and its line. */
  {
    static const char mixed[] =
      "[\n"
      "  { \"type\": \"Annotation\", \"id\": \"urn:uuid:6f1c1d3e-8a7b-4c55-9d2e-3a1b2c3d4e5f\",\n"
      "    \"body\": { \"type\": \"TextualBody\", \"value\": \"From another computer\" },\n"
      "    \"target\": { \"source\": \"prisonnum://pack/test-notes-transfer/doc/market\",\n"
      "      \"selector\": { \"type\": \"TextQuoteSelector\", \"exact\": \"before dawn\" } } },\n"
      "  42\n"
      "]\n";
    g_autofree char *mixed_path = g_build_filename (dir, "mixed.json", NULL);
    g_autoptr(GFile) mixed_file = g_file_new_for_path (mixed_path);
    g_autofree char *message = NULL;

    g_assert_true (g_file_set_contents (mixed_path, mixed, -1, NULL));
    g_assert_true (pn_notes_page_import (page, mixed_file, &added, &skipped, problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (added, ==, 1);
    g_assert_cmpuint (skipped, ==, 0);
    g_assert_cmpuint (problems->len, ==, 1);
    message = pn_diagnostic_to_located_message (g_ptr_array_index (problems, 0));
    g_assert_nonnull (strstr (message, "mixed.json:6"));
    g_assert_cmpuint (pn_notes_page_get_n_annotations (page), ==, 6);
  }

  /* Not notes at all: refused, named, nothing added. */
  g_assert_true (g_file_set_contents (bad_path, "{ \"not\": [1, 2,\n", -1, NULL));
  g_assert_false (pn_notes_page_import (page, bad, &added, &skipped, problems, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad.json"));
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), ==, 6);

  close_window (window);
}

static gboolean
menu_shown_cb (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}


/* Many notes: every one counted and searched, rows made a hundred at a
 * time, « Show More » for the next ones, until all are there. */
static void
test_notes_many (void)
{
  g_autoptr(GFile) pack = make_notes_pack ("test-notes-many");
  PnWindow *window = open_window (pack);
  PnNotesPage *page = notes_page (window);
  g_autoptr(GPtrArray) many = pn_annotations_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0, skipped = 0;

  wait_until (reader_loaded_cb, window, "the text");
  for (guint i = 0; i < 450; i++)
    {
      PnAnnotation *a = annotation_on (window, i % 2 ? "harbour" : "market", PN_ANNOTATION_HIGHLIGHT, i % 6,
                                       i % 2 ? "The boats came back at night" : "Prices rise when the harvest fails",
                                       NULL, NULL, 1700000000 + i);

      g_free (a->note);
      a->note = g_strdup_printf ("Note number %u, with **bold** words.", i);
      g_ptr_array_add (many, a);
    }
  g_assert_true (pn_store_import_annotations (window_store (window), many, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 450);
  pn_pack_session_annotations_changed (pn_window_get_session (window), NULL);
  g_assert_cmpstr (pn_sidebar_row_get_count (PN_SIDEBAR_ROW (find_row (window, "notes"))), ==, "450");

  show_notes (window);
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 450);
  rows = shown_rows (page);
  g_assert_cmpuint (rows->len, ==, 100);
  g_clear_pointer (&rows, g_ptr_array_unref);
  for (guint made = 100; made < 400; made += 100)
    {
      g_assert_cmpuint (count_buttons (page, "Show 100 More Notes"), ==, 1);
      g_signal_emit_by_name (button_labelled (GTK_WIDGET (page), "Show 100 More Notes"), "clicked");
      rows = shown_rows (page);
      g_assert_cmpuint (rows->len, ==, made + 100);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
  g_signal_emit_by_name (button_labelled (GTK_WIDGET (page), "Show 50 More Notes"), "clicked");
  rows = shown_rows (page);
  g_assert_cmpuint (rows->len, ==, 450);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_cmpuint (count_buttons (page, "More Note"), ==, 0);

  /* The search looks at every note, made into a row or not. */
  type_search (page, "number 449,", 1);
  rows = shown_rows (page);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (strstr (pn_note_row_get_annotation (g_ptr_array_index (rows, 0))->note, "449"));
  type_search (page, "", 450);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (page);
  g_assert_cmpuint (rows->len, ==, 100);

  close_window (window);
}

/* At 360 px, in the language of the run (the French words are longer), the
 * page with its filters fits: the window is not made wider. */
static void
test_notes_narrow (void)
{
  g_autoptr(GFile) pack = make_notes_pack ("test-notes-narrow");
  PnWindow *window = open_window_sized (pack, 360, 700);
  PnNotesPage *page = notes_page (window);

  wait_until (reader_loaded_cb, window, "the text");
  add_five (window);
  show_notes (window);
  g_assert_cmpuint (pn_notes_page_get_n_shown (page), ==, 5);
  /* The tag filter is there (the notes have tags), beside the colour one. */
  g_assert_true (shows_label (GTK_WIDGET (page), _("Any Tag")));
  g_assert_true (shows_label (GTK_WIDGET (page), _("Any Colour")));
  wait_for_paint (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  screenshot (window, "notes-narrow-filters.png");
  close_window (window);
}

/* For people: several colours and a detached note, light, dark, 360 px. */
static void
test_notes_screenshots (void)
{
  g_autoptr(GFile) pack = make_notes_pack ("test-notes-screenshots");
  g_autoptr(GSettings) settings = g_settings_new ("org.example.Prisonnum");
  PnWindow *window = open_window (pack);
  PnAnnotation *lost;
  const char *tags[] = { "to check", NULL };

  if (g_getenv ("PN_SCREENSHOT_DIR") == NULL)
    {
      close_window (window);
      g_test_skip ("PN_SCREENSHOT_DIR not set");
      return;
    }
  wait_until (reader_loaded_cb, window, "the text");
  add_five (window);
  add_annotation (window, annotation_on (window, "market", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_PURPLE,
                                         "under the plane trees", "Which trees? See the *glossary*.", NULL,
                                         1700000000));
  add_annotation (window, annotation_on (window, "harbour", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_UNDERLINE,
                                         "the town waited for them", NULL, NULL, 1700000000));
  /* Words of an earlier edition, found nowhere in this one. */
  lost = annotation_on (window, "harbour", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_ORANGE,
                        "The summer was long", "Kept from the first edition.", tags, 1700000000);
  g_free (lost->selectors.exact);
  lost->selectors.exact = g_strdup ("The winter of that year was short, wet and very quiet in the port");
  g_free (lost->selectors.prefix);
  lost->selectors.prefix = g_strdup ("zzzz ");
  g_free (lost->selectors.suffix);
  lost->selectors.suffix = g_strdup (" qqqq");
  g_clear_pointer (&lost->content_hash, g_free);
  lost->detached = TRUE;
  add_annotation (window, lost);
  show_notes (window);
  screenshot (window, "notes-light.png");
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (notes_page (window)), GTK_TYPE_MENU_BUTTON));

    gtk_menu_button_popup (menu);
    wait_until (menu_shown_cb, menu, "the page's menu");
    screenshot (window, "notes-menu.png");
    gtk_menu_button_popdown (menu);
  }

  close_window (window);

  g_settings_set_string (settings, "color-scheme", "dark");
  window = open_window (pack);
  wait_until (reader_loaded_cb, window, "the text");
  show_notes (window);
  screenshot (window, "notes-dark.png");
  close_window (window);
  g_settings_reset (settings, "color-scheme");

  window = open_window_sized (pack, 360, 700);
  wait_until (reader_loaded_cb, window, "the text");
  show_notes (window);
  screenshot (window, "notes-narrow.png");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/notes-page/list", test_notes_list);
  g_test_add_func ("/notes-page/keyboard", test_notes_keyboard);
  g_test_add_func ("/notes-page/detached", test_notes_detached);
  g_test_add_func ("/notes-page/transfer", test_notes_transfer);
  g_test_add_func ("/notes-page/many", test_notes_many);
  g_test_add_func ("/notes-page/narrow", test_notes_narrow);
  g_test_add_func ("/notes-page/screenshots", test_notes_screenshots);

  return window_test_run ();
}
