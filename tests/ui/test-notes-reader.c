/* test-notes-reader.c: highlights and notes in the text, kept across a
 * restart and across an edition of the text (run under Xvfb)
 *
 * Words selected through the page (by their page text offsets, as the
 * reader's mouse would), highlighted from the selection popover, a note
 * written in the highlight popover; a new window on the same store paints
 * the highlight on the same words (the page says which words its wrappers
 * cover) and the note is in the store file; the pack's text edited under it
 * (a word inserted before the passage), the highlight follows; the passage
 * removed, it is detached: not painted, still in the store; then attached
 * to other words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-anchor.h"
#include "pn-color-row.h"
#include "pn-highlight-popover.h"
#include "pn-selection-popover.h"
#include "pn-store-annotations.h"
#include "window-test.h"

#define PACK_ID "test-notes"
#define PHRASE "the miller grinds the grain"
#define NOTE "Compare with **chapter 2**."

static const char pack_json[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"id\": \"" PACK_ID "\",\n"
  "  \"version\": \"1.0.0\",\n"
  "  \"title\": \"Notes test\",\n"
  "  \"language\": \"en\",\n"
  "  \"authors\": [{ \"name\": \"Camille Martin\" }],\n"
  "  \"license\": \"CC-BY-SA-4.0\",\n"
  "  \"description\": \"A short text to highlight.\",\n"
  "  \"documents\": [{ \"id\": \"text\", \"title\": \"The text\", \"file\": \"text.md\" }]\n"
  "}\n";

static const char text_md[] =
  "# The text\n\n"
  "In the village, the miller grinds the grain for everyone, and takes his share.\n\n"
  "Nobody asks why. This is the end of the first part.\n\n"
  "The second part tells how the mill was built, long ago, by the lord.\n";

/* The same text, a word added before the passage. */
static const char text_edited_md[] =
  "# The text\n\n"
  "In the old village, the miller grinds the grain for everyone, and takes his share.\n\n"
  "Nobody asks why. This is the end of the first part.\n\n"
  "The second part tells how the mill was built, long ago, by the lord.\n";

/* The passage gone. */
static const char text_removed_md[] =
  "# The text\n\n"
  "In the village, nobody works for anyone else, and the fields are shared.\n\n"
  "Nobody asks why. This is the end of the first part.\n\n"
  "The second part tells how the mill was built, long ago, by the lord.\n";

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set_cb (gpointer data)
{
  return *(gboolean *) data;
}

/* With $PN_TEST_SCREENSHOTS, the screen there, for a person to look at. */
static void
maybe_shot (const char *name)
{
  const char *dir = g_getenv ("PN_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;
  gboolean drawn = FALSE;

  if (dir == NULL)
    return;
  /* let the popover be drawn (not a test of anything) */
  g_timeout_add (600, flag_cb, &drawn);
  wait_until (flag_set_cb, &drawn, "a moment");
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_printerr ("# could not take %s\n", path);
}

static gboolean
page_text_ready_cb (gpointer data)
{
  g_autofree char *ready = eval_in_app_world (data, "globalThis.pnText && pnText.text() !== null ? 'yes' : 'no'");

  return g_strcmp0 (ready, "yes") == 0;
}

/* Selects the page text from @from to the end of @to (in the page text, in
 * code points, as the mouse would), then lets the page report it as it does
 * when the mouse button is released. */
static void
select_words (PnWindow *window, const char *from, const char *to)
{
  g_autofree char *script = g_strdup_printf (
    "(() => { const t = pnText.text(); const a = t.indexOf('%s'); const b = t.indexOf('%s', a);"
    "  if (a < 0 || b < 0) return 'absent';"
    "  const start = Array.from(t.slice(0, a)).length;"
    "  const end = Array.from(t.slice(0, b)).length + Array.from('%s').length;"
    "  const r = pnText.range(start, end, ''); if (!r) return 'no range';"
    "  const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);"
    "  pnBridge.dispatch('reportSelection', 1, {}); return 'selected'; })()",
    from, to, to);
  g_autofree char *answer = NULL;

  wait_until (page_text_ready_cb, window, "the page text in the page");
  answer = eval_in_app_world (window, script);
  g_assert_cmpstr (answer, ==, "selected");
}

static gboolean
js_true_in (PnWindow *window, const char *script)
{
  g_autofree char *answer = eval_js (window, script);

  return g_strcmp0 (answer, "true") == 0;
}

static gboolean
undo_shown_cb (gpointer data)
{
  g_autoptr(GPtrArray) labels = find_widgets (data, GTK_TYPE_LABEL, "Undo", FALSE);

  return labels->len > 0;
}

static GtkWidget *
find_button_labelled (GtkWidget *root, const char *label)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL, label, FALSE);
  GtkWidget *button;

  g_assert_cmpuint (labels->len, >, 0);
  button = gtk_widget_get_ancestor (g_ptr_array_index (labels, 0), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  return button;
}

/* The widget whose tooltip is @tooltip. */
static GtkWidget *
find_widget_named (GtkWidget *root, const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_widget_named (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

static GtkTextBuffer *
find_text_buffer (GtkWidget *root)
{
  GtkWidget *view = find_widget (root, GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static gboolean
selection_popover_shown_cb (gpointer data)
{
  GtkWidget *popover = pn_reader_view_get_selection_popover (pn_window_get_reader_view (data));

  return popover != NULL && gtk_widget_get_visible (popover);
}

static GtkWidget *
selection_popover (PnWindow *window)
{
  wait_until (selection_popover_shown_cb, window, "the selection popover");
  return pn_reader_view_get_selection_popover (pn_window_get_reader_view (window));
}

/* The words each painted highlight covers, "id=words;..." sorted by words,
 * read in the page's own world (the DOM is shared). */
static char *
painted_words (PnWindow *window)
{
  return eval_js (window,
                  "(() => { const m = new Map();"
                  "  for (const s of document.querySelectorAll('span.pn-hl')) {"
                  "    const id = s.dataset.annotation; m.set(id, (m.get(id) || '') + s.textContent); }"
                  "  return Array.from(m.values()).map((w) => w.replace(/\\s+/g, ' ').trim()).sort().join('|'); })()");
}

typedef struct {
  PnWindow *window;
  const char *expected;
} PaintWait;

static gboolean
painted_cb (gpointer data)
{
  PaintWait *wait = data;
  g_autofree char *words = painted_words (wait->window);

  return g_strcmp0 (words, wait->expected) == 0;
}

static void
wait_painted (PnWindow *window, const char *expected)
{
  PaintWait wait = { window, expected };
  g_autofree char *what = g_strdup_printf ("the highlights painted on “%s”", expected);

  wait_until (painted_cb, &wait, what);
}

static GPtrArray *
stored (void)
{
  g_autofree char *path = pn_store_default_path ();
  g_autoptr(GError) error = NULL;
  /* Another connection to the file: what is on disk, not in a cache. */
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  GPtrArray *annotations;

  g_assert_no_error (error);
  annotations = pn_store_get_annotations (store, PACK_ID, "text", &error);
  g_assert_no_error (error);
  return annotations;
}

static PnAnnotation *
stored_with_quote (GPtrArray *annotations, const char *quote)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      PnAnnotation *a = g_ptr_array_index (annotations, i);

      if (g_strcmp0 (a->selectors.exact, quote) == 0)
        return a;
    }
  return NULL;
}

static gboolean
popover_visible_cb (gpointer data)
{
  PnAnnotationController *notes = data;
  PnHighlightPopover *popover = pn_annotation_controller_get_popover (notes);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static gboolean
popover_hidden_cb (gpointer data)
{
  return !popover_visible_cb (data);
}

static gboolean
note_saved_cb (gpointer data)
{
  g_autoptr(GPtrArray) annotations = stored ();
  PnAnnotation *a = stored_with_quote (annotations, PHRASE);

  return a != NULL && g_strcmp0 (a->note, NOTE) == 0;
}

static gboolean
tagged_cb (gpointer data)
{
  g_autoptr(GPtrArray) annotations = stored ();
  PnAnnotation *a = stored_with_quote (annotations, PHRASE);

  return a != NULL && pn_annotation_has_tag (a, data);
}

static gboolean
n_marked_cb (gpointer data)
{
  PnWindow *window = data;
  g_autofree char *n = eval_js (window, "String(document.querySelectorAll('.pn-note-marker').length)");

  return g_strcmp0 (n, "1") == 0;
}

static void
test_highlight_note_restart_edition (void)
{
  g_autoptr(GFile) pack = make_pack ("pack.json", pack_json, "text.md", text_md, NULL);
  g_autoptr(GFile) edited = make_pack ("pack.json", pack_json, "text.md", text_edited_md, NULL);
  g_autoptr(GFile) removed = make_pack ("pack.json", pack_json, "text.md", text_removed_md, NULL);
  g_autoptr(GPtrArray) before = stored ();
  g_autoptr(GPtrArray) after = NULL;
  PnWindow *window;
  PnAnnotationController *notes;
  GtkWidget *popover, *colors, *entry;
  GdkContentProvider *provider;
  GValue copied = G_VALUE_INIT;
  GtkEntryCompletion *completion;
  GtkTreeIter iter;
  g_autofree char *known = NULL;
  PnAnnotation *a;
  g_autofree char *id = NULL;
  g_autofree char *script = NULL;
  g_autofree char *answer = NULL;
  gint64 old_start;

  g_assert_cmpuint (before->len, ==, 0);

  window = open_window (pack);
  wait_until (reader_loaded_cb, window, "the text");
  notes = pn_window_get_annotation_controller (window);
  g_assert_nonnull (notes);
  /* Nothing painted before anything is highlighted (the control for the waits below). */
  g_assert_cmpstr (painted_words (window), ==, "");

  /* A phrase, highlighted in green from the selection popover. */
  select_words (window, PHRASE, PHRASE);
  popover = selection_popover (window);
  g_assert_true (shows_label (popover, "Add Note…"));
  g_assert_true (shows_label (popover, "Copy with Citation"));
  maybe_shot ("notes-selection-popover.png");
  /* « Copy with Citation »: the quote and where it is from, on the clipboard. */
  g_signal_emit_by_name (find_button_labelled (popover, "Copy with Citation"), "clicked");
  provider = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (window)));
  g_assert_nonnull (provider);
  g_value_init (&copied, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (provider, &copied, NULL));
  g_assert_cmpstr (g_value_get_string (&copied), ==, "“" PHRASE "” — The text, Notes test");
  g_value_unset (&copied);
  select_words (window, PHRASE, PHRASE);
  popover = selection_popover (window);
  colors = find_widget (popover, PN_TYPE_COLOR_ROW);
  g_assert_nonnull (colors);
  g_signal_emit_by_name (pn_color_row_get_button (PN_COLOR_ROW (colors), PN_ANNOTATION_GREEN), "clicked");
  wait_painted (window, PHRASE);
  g_assert_true (js_true_in (window, "document.querySelector('span.pn-hl').classList.contains('pn-hl-green')"));

  /* Words over two paragraphs, with a note: « Add Note… » opens the editor. */
  select_words (window, "end of the first part.", "The second part");
  popover = selection_popover (window);
  g_signal_emit_by_name (find_button_labelled (popover, "Add Note…"), "clicked");
  wait_until (popover_visible_cb, notes, "the highlight popover, to write the note");
  wait_painted (window, "end of the first part.The second part|" PHRASE);

  /* The note of the first one: opened as a click on it would. */
  after = stored ();
  a = stored_with_quote (after, PHRASE);
  g_assert_nonnull (a);
  id = g_strdup (a->id);
  old_start = a->selectors.start;
  g_assert_cmpint (a->color, ==, PN_ANNOTATION_GREEN);
  /* Opened from the keyboard: Enter on it (a real key, the page's own event). */
  gtk_popover_popdown (GTK_POPOVER (pn_annotation_controller_get_popover (notes)));
  wait_until (popover_hidden_cb, notes, "the new highlight's popover to close");
  gtk_widget_grab_focus (GTK_WIDGET (pn_reader_view_get_web_view (pn_window_get_reader_view (window))));
  script = g_strdup_printf ("(() => { const s = document.querySelector('span.pn-hl[data-annotation=\"%s\"][tabindex]');"
                            "  if (!s) return 'none'; s.focus(); return document.activeElement === s ? 'focused' : 'not'; })()",
                            id);
  answer = eval_js (window, script);
  g_assert_cmpstr (answer, ==, "focused");
  if (!pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0))
    {
      g_test_message ("No XTest: the highlight opened by its signal, not by a key");
      g_signal_emit_by_name (pn_window_get_reader_view (window), "annotation-activated", id);
    }
  wait_until (popover_visible_cb, notes, "the highlight popover");
  g_assert_cmpstr (pn_highlight_popover_get_id (pn_annotation_controller_get_popover (notes)), ==, id);
  /* Without a note yet, it opens on the note's editor: what is typed goes there. */
  {
    FocusWait editor = { GTK_WIDGET (window),
                         find_widget (GTK_WIDGET (pn_annotation_controller_get_popover (notes)), GTK_TYPE_TEXT_VIEW) };

    wait_until (focus_within_cb, &editor, "the keyboard focus in the note's editor");
  }
  gtk_text_buffer_set_text (find_text_buffer (GTK_WIDGET (pn_annotation_controller_get_popover (notes))), NOTE, -1);
  /* A tag, typed and Enter. */
  entry = find_widget (GTK_WIDGET (pn_annotation_controller_get_popover (notes)), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), " exam ");
  g_signal_emit_by_name (entry, "activate");
  wait_until (tagged_cb, "exam", "the tag in the store");
  g_assert_true (shows_label (GTK_WIDGET (pn_annotation_controller_get_popover (notes)), "exam"));
  maybe_shot ("notes-highlight-popover.png");
  /* Closed: the note is saved at once, in the file. */
  gtk_popover_popdown (GTK_POPOVER (pn_annotation_controller_get_popover (notes)));
  wait_until (popover_hidden_cb, notes, "the popover to close");
  wait_until (note_saved_cb, NULL, "the note in the store");
  wait_until (n_marked_cb, window, "the note's marker in the text");
  maybe_shot ("notes-marker.png");
  /* The other highlight's popover completes tags from those used. */
  a = NULL;
  g_clear_pointer (&after, g_ptr_array_unref);
  after = stored ();
  for (guint i = 0; i < after->len; i++)
    if (g_strcmp0 (((PnAnnotation *) g_ptr_array_index (after, i))->id, id) != 0)
      a = g_ptr_array_index (after, i);
  g_assert_nonnull (a);
  g_signal_emit_by_name (pn_window_get_reader_view (window), "annotation-activated", a->id);
  wait_until (popover_visible_cb, notes, "the other highlight's popover");
  g_assert_cmpstr (pn_highlight_popover_get_id (pn_annotation_controller_get_popover (notes)), ==, a->id);
  completion = gtk_entry_get_completion (GTK_ENTRY (entry));
  g_assert_true (gtk_tree_model_get_iter_first (gtk_entry_completion_get_model (completion), &iter));
  gtk_tree_model_get (gtk_entry_completion_get_model (completion), &iter, 0, &known, -1);
  g_assert_cmpstr (known, ==, "exam");
  gtk_popover_popdown (GTK_POPOVER (pn_annotation_controller_get_popover (notes)));
  wait_until (popover_hidden_cb, notes, "the popover to close");

  close_window (window);

  /* A restart: the same words painted, from the store. */
  window = open_window (pack);
  wait_until (reader_loaded_cb, window, "the text again");
  wait_painted (window, "end of the first part.The second part|" PHRASE);
  wait_until (n_marked_cb, window, "the note's marker after the restart");
  close_window (window);

  /* A new edition of the text: a word before the passage; it follows. */
  window = open_window (edited);
  wait_until (reader_loaded_cb, window, "the edited text");
  wait_painted (window, "end of the first part.The second part|" PHRASE);
  close_window (window);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = stored ();
  a = stored_with_quote (after, PHRASE);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->id, ==, id);
  g_assert_false (a->detached);
  g_assert_cmpint (a->selectors.start, ==, old_start + 4);   /* "old " */
  g_assert_cmpstr (a->note, ==, NOTE);

  /* The passage removed: detached, not painted, still in the store. */
  window = open_window (removed);
  wait_until (reader_loaded_cb, window, "the text without the passage");
  wait_painted (window, "end of the first part.The second part");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = stored ();
  g_assert_cmpuint (after->len, ==, 2);
  a = stored_with_quote (after, PHRASE);
  g_assert_nonnull (a);
  g_assert_true (a->detached);
  g_assert_cmpstr (a->note, ==, NOTE);

  /* Attached again by selecting other words (as the Notes page asks). */
  select_words (window, "nobody works", "nobody works");
  popover = selection_popover (window);
  g_assert_false (shows_label (popover, "Attach Note Here"));
  pn_reader_view_begin_reattach (pn_window_get_reader_view (window), id);
  select_words (window, "nobody works", "nobody works");
  popover = selection_popover (window);
  g_signal_emit_by_name (find_button_labelled (popover, "Attach Note Here"), "clicked");
  wait_painted (window, "end of the first part.The second part|nobody works");
  close_window (window);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = stored ();
  a = stored_with_quote (after, "nobody works");
  g_assert_nonnull (a);
  g_assert_cmpstr (a->id, ==, id);
  g_assert_false (a->detached);
  g_assert_cmpstr (a->note, ==, NOTE);
  /* The other one, over two paragraphs, stays where it was. */
  g_assert_cmpuint (after->len, ==, 2);
  a = g_strcmp0 (((PnAnnotation *) g_ptr_array_index (after, 0))->id, id) == 0 ? g_ptr_array_index (after, 1)
                                                                                : g_ptr_array_index (after, 0);
  g_assert_true (g_str_has_prefix (a->selectors.exact, "end of the first part."));
  g_assert_true (g_str_has_suffix (a->selectors.exact, "The second part"));
  g_assert_false (a->detached);
}

#define BM_PACK_ID "test-notes-more"

static gboolean
n_bookmarks_is_cb (gpointer data)
{
  PnWindow *window = g_object_get_data (data, "window");
  guint want = GPOINTER_TO_UINT (g_object_get_data (data, "want"));
  g_autofree char *path = pn_store_default_path ();
  g_autoptr(PnStore) store = pn_store_open (path, NULL);
  g_autoptr(GPtrArray) all = store ? pn_store_get_annotations (store, BM_PACK_ID, "text", NULL) : NULL;
  g_autofree char *marked = eval_js (window, "String(document.querySelectorAll('.pn-bookmark-marker').length)");
  g_autofree char *expected = g_strdup_printf ("%u", want);
  guint n = 0;

  for (guint i = 0; all != NULL && i < all->len; i++)
    n += ((PnAnnotation *) g_ptr_array_index (all, i))->kind == PN_ANNOTATION_BOOKMARK;
  return n == want && g_strcmp0 (marked, expected) == 0;
}

static void
wait_bookmarks (PnWindow *window, guint n)
{
  g_autoptr(GObject) wait = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (wait, "window", window);
  g_object_set_data (wait, "want", GUINT_TO_POINTER (n));
  wait_until (n_bookmarks_is_cb, wait, n ? "a bookmark in the store and in the text" : "no bookmark");
}

static guint
n_stored_kind (PnAnnotationKind kind)
{
  g_autofree char *path = pn_store_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(GPtrArray) all = NULL;
  guint n = 0;

  g_assert_no_error (error);
  all = pn_store_get_annotations (store, BM_PACK_ID, "text", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    n += ((PnAnnotation *) g_ptr_array_index (all, i))->kind == kind;
  return n;
}

static gboolean
highlights_are_cb (gpointer data)
{
  return n_stored_kind (PN_ANNOTATION_HIGHLIGHT) == GPOINTER_TO_UINT (data);
}

static gboolean
save_error_shown_cb (gpointer data)
{
  g_autoptr(GPtrArray) labels = find_widgets (data, GTK_TYPE_LABEL, NULL, TRUE);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), "The note could not be saved: "))
      return TRUE;
  return FALSE;
}

static gboolean
kept_note_saved_cb (gpointer data)
{
  g_autofree char *path = pn_store_default_path ();
  g_autoptr(PnStore) store = pn_store_open (path, NULL);
  g_autoptr(PnAnnotation) a = store ? pn_store_get_annotation (store, data, NULL) : NULL;

  return a != NULL && g_strcmp0 (a->note, "Kept even so.") == 0;
}

static gboolean
dialog_shown_cb (gpointer data)
{
  GtkWindow **dialog = data;

  *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  return *dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (*dialog));
}

static gboolean
document_note_saved_cb (gpointer data)
{
  return n_stored_kind (PN_ANNOTATION_DOCUMENT_NOTE) == 1;
}

/* Ctrl+D adds a bookmark at the top of the text and removes it again; the
 * document's free note is saved from its dialog; a highlight deleted comes
 * back with Undo in the toast. */
static void
test_bookmark_document_note_undo (void)
{
  g_autofree char *json = g_strdup (pack_json);
  g_autoptr(GFile) pack = NULL;
  PnWindow *window;
  PnAnnotationController *notes;
  GtkWindow *dialog = NULL;
  GtkWidget *popover;

  /* Another pack id: annotations of its own in the store. */
  char *at = strstr (json, "\"" PACK_ID "\"");
  g_autofree char *head = g_strndup (json, at - json);
  g_autofree char *tail = g_strdup (at + strlen (PACK_ID) + 2);

  g_free (json);
  json = g_strconcat (head, "\"" BM_PACK_ID "\"", tail, NULL);
  pack = make_pack ("pack.json", json, "text.md", text_md, NULL);

  window = open_window (pack);
  wait_until (reader_loaded_cb, window, "the text");
  notes = pn_window_get_annotation_controller (window);
  g_assert_cmpuint (n_stored_kind (PN_ANNOTATION_BOOKMARK), ==, 0);

  /* A highlight, deleted, then back with Undo. */
  select_words (window, PHRASE, PHRASE);
  popover = selection_popover (window);
  g_signal_emit_by_name (find_button_labelled (popover, "Add Note…"), "clicked");
  wait_until (popover_visible_cb, notes, "the new highlight's popover");
  wait_until (highlights_are_cb, GUINT_TO_POINTER (1), "the highlight in the store");
  g_signal_emit_by_name (find_widget_named (GTK_WIDGET (pn_annotation_controller_get_popover (notes)),
                                            "Delete Highlight"), "clicked");
  wait_until (highlights_are_cb, GUINT_TO_POINTER (0), "the highlight deleted");
  wait_painted (window, "");
  /* A toast shown just before stays its minimum time (pn-toast.c): the
   * Undo one may come a moment later. */
  wait_until (undo_shown_cb, window, "the Undo toast");
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (window), "Undo"), "clicked");
  wait_until (highlights_are_cb, GUINT_TO_POINTER (1), "the highlight back");
  wait_painted (window, PHRASE);

  /* A note whose save fails (the highlight deleted behind the popover's
   * back, by another connection): the text stays, with the error shown. */
  {
    g_autofree char *path = pn_store_default_path ();
    g_autoptr(PnStore) other = pn_store_open (path, NULL);
    g_autoptr(GPtrArray) all = pn_store_get_annotations (other, BM_PACK_ID, "text", NULL);
    g_autofree char *hid = NULL;
    g_autofree char *kept = NULL;
    g_autoptr(PnAnnotation) saved = NULL;
    PnHighlightPopover *hp;
    GtkTextBuffer *buffer;
    GtkTextIter from, to;

    for (guint i = 0; i < all->len; i++)
      if (((PnAnnotation *) g_ptr_array_index (all, i))->kind == PN_ANNOTATION_HIGHLIGHT)
        hid = g_strdup (((PnAnnotation *) g_ptr_array_index (all, i))->id);
    g_assert_nonnull (hid);
    g_signal_emit_by_name (pn_window_get_reader_view (window), "annotation-activated", hid);
    wait_until (popover_visible_cb, notes, "the highlight popover");
    hp = pn_annotation_controller_get_popover (notes);
    saved = pn_store_get_annotation (other, hid, NULL);
    g_assert_nonnull (saved);
    g_assert_true (pn_store_delete_annotation (other, hid, NULL));
    buffer = find_text_buffer (GTK_WIDGET (hp));
    gtk_text_buffer_set_text (buffer, "Kept even so.", -1);
    gtk_popover_popdown (GTK_POPOVER (hp));
    wait_until (save_error_shown_cb, hp, "the save error in the popover");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (hp)));
    g_assert_true (pn_highlight_popover_has_unsaved_note (hp));
    gtk_text_buffer_get_bounds (buffer, &from, &to);
    kept = gtk_text_buffer_get_text (buffer, &from, &to, FALSE);
    g_assert_cmpstr (kept, ==, "Kept even so.");
    maybe_shot ("notes-save-error.png");
    /* The highlight back: the note kept in the editor is saved when it closes. */
    g_assert_true (pn_store_add_annotation (other, saved, NULL));
    gtk_popover_popdown (GTK_POPOVER (hp));
    wait_until (popover_hidden_cb, notes, "the popover to close");
    wait_until (kept_note_saved_cb, hid, "the kept note saved");
  }

  gtk_widget_grab_focus (GTK_WIDGET (pn_reader_view_get_web_view (pn_window_get_reader_view (window))));
  if (!pn_ui_test_press_ctrl_key (GTK_WINDOW (window), GDK_KEY_d))
    {
      g_test_message ("No XTest: the bookmark toggled by its action, not by Ctrl+D");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL);
    }
  wait_bookmarks (window, 1);
  maybe_shot ("notes-bookmark.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-bookmark", NULL);
  wait_bookmarks (window, 0);

  /* The document's free note, saved at once. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.document-note", NULL);
  wait_until (dialog_shown_cb, &dialog, "the document note's dialog");
  gtk_text_buffer_set_text (find_text_buffer (GTK_WIDGET (dialog)), "Read before the exam.", -1);
  maybe_shot ("notes-document-note.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  wait_until (document_note_saved_cb, NULL, "the document note in the store");
  close_window (window);
}

/* For a person to look at ($PN_TEST_SCREENSHOTS): the selection popover, a
 * highlight with its note marker, the highlight popover; at 360 px in the
 * light style, then wide in the dark one. */
static void
take_screenshots (const char *pack_id, int width, gboolean dark, const char *suffix)
{
  g_autofree char *json = g_strdup (pack_json);
  char *at = strstr (json, "\"" PACK_ID "\"");
  g_autofree char *head = g_strndup (json, at - json);
  g_autofree char *tail = g_strdup (at + strlen (PACK_ID) + 2);
  g_autofree char *manifest = g_strdup_printf ("%s\"%s\"%s", head, pack_id, tail);
  g_autoptr(GFile) pack = make_pack ("pack.json", manifest, "text.md", text_md, NULL);
  AdwStyleManager *style = adw_style_manager_get_default ();
  PnWindow *window;
  PnAnnotationController *notes;
  GtkWidget *popover;
  g_autofree char *name = NULL;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_window_sized (pack, width, 700);
  wait_until (reader_loaded_cb, window, "the text");
  notes = pn_window_get_annotation_controller (window);

  select_words (window, "Nobody asks why.", "Nobody asks why.");
  popover = selection_popover (window);
  g_signal_emit_by_name (pn_color_row_get_button (PN_COLOR_ROW (find_widget (popover, PN_TYPE_COLOR_ROW)),
                                                  PN_ANNOTATION_PINK), "clicked");
  wait_painted (window, "Nobody asks why.");
  select_words (window, PHRASE, PHRASE);
  selection_popover (window);
  name = g_strdup_printf ("notes-selection-%s.png", suffix);
  maybe_shot (name);
  g_signal_emit_by_name (find_button_labelled (selection_popover (window), "Add Note…"), "clicked");
  wait_until (popover_visible_cb, notes, "the new highlight's popover");
  gtk_text_buffer_set_text (find_text_buffer (GTK_WIDGET (pn_annotation_controller_get_popover (notes))), NOTE, -1);
  g_free (name);
  name = g_strdup_printf ("notes-popover-%s.png", suffix);
  maybe_shot (name);
  gtk_popover_popdown (GTK_POPOVER (pn_annotation_controller_get_popover (notes)));
  wait_until (n_marked_cb, window, "the note's marker");
  g_free (name);
  name = g_strdup_printf ("notes-marker-%s.png", suffix);
  maybe_shot (name);
  close_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screenshots (void)
{
  if (g_getenv ("PN_TEST_SCREENSHOTS") == NULL)
    {
      g_test_skip ("Screenshots only with $PN_TEST_SCREENSHOTS");
      return;
    }
  take_screenshots ("test-notes-narrow", 360, FALSE, "narrow");
  take_screenshots ("test-notes-dark", 1000, TRUE, "dark");
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/notes-reader/highlight-note-restart-edition", test_highlight_note_restart_edition);
  g_test_add_func ("/notes-reader/bookmark-document-note-undo", test_bookmark_document_note_undo);
  g_test_add_func ("/notes-reader/screenshots", test_screenshots);

  return window_test_run ();
}
