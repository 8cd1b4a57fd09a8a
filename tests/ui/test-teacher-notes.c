/* test-teacher-notes.c: the teacher's notes of a pack in the text, a layer
 * apart from the student's (run under Xvfb)
 *
 * The test pack's notes are painted with their own class and marker over
 * the words they quote, beside a highlight of the student's on other words
 * of the same paragraph; one opened (Enter on it, a real key where XTest
 * is) shows the read-only popover with its text; « Teacher's Notes » off
 * takes the layer out and leaves the student's highlight, on again brings
 * it back; the student's store, the Notes page and its exports hold the
 * student's note only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "notes-page-test.h"
#include "pn-pack-annotations.h"
#include "pn-pack-uri.h"

#define PACK_ID "test-teacher"
#define FIRST_NOTE "urn:uuid:7d1f0c0e-5a8b-4c1e-9f3a-1b2c3d4e5f60"

static GFile *
teacher_pack (void)
{
  return g_file_new_for_path (PN_TEST_PACKS_DIR "/teacher");
}

/* "words|words" of each teacher's note painted, sorted; the page's own DOM. */
static char *
teacher_words (PnWindow *window)
{
  return eval_js (window,
                  "(() => { const m = new Map();"
                  "  for (const s of document.querySelectorAll('span.pn-teacher-note')) {"
                  "    const id = s.dataset.teacherNote; m.set(id, (m.get(id) || '') + s.textContent); }"
                  "  return Array.from(m.values()).map((w) => w.replace(/\\s+/g, ' ').trim()).sort().join('|'); })()");
}

typedef struct {
  PnWindow *window;
  const char *expected;
} WordsWait;

static gboolean
teacher_words_are_cb (gpointer data)
{
  WordsWait *wait = data;
  g_autofree char *words = teacher_words (wait->window);

  return g_strcmp0 (words, wait->expected) == 0;
}

static gboolean
student_painted_cb (gpointer data)
{
  g_autofree char *n = eval_js (data, "String(document.querySelectorAll('span.pn-hl').length)");

  return g_strcmp0 (n, "0") != 0 && n != NULL;
}

static gboolean
popover_visible_cb (gpointer data)
{
  PnTeacherNotePopover *popover = pn_teacher_notes_get_popover (data);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

static gboolean
popover_hidden_cb (gpointer data)
{
  return !popover_visible_cb (data);
}

/* The first note opened from the keyboard: its first piece (a Tab stop)
 * focused, then Enter (a real key where XTest is). */
static void
open_first_note (PnWindow *window)
{
  g_autofree char *answer = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (pn_reader_view_get_web_view (pn_window_get_reader_view (window))));
  answer = eval_js (window, "(() => { const s = document.querySelector("
                            "'span.pn-teacher-note[data-teacher-note=\"" FIRST_NOTE "\"][tabindex=\"0\"]');"
                            "  if (!s) return 'none'; s.focus(); return document.activeElement === s ? 'focused' : 'not'; })()");
  g_assert_cmpstr (answer, ==, "focused");
  if (!pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0))
    {
      g_test_message ("No XTest: the note opened by its signal, not by a key");
      g_signal_emit_by_name (pn_window_get_reader_view (window), "teacher-note-activated", FIRST_NOTE);
    }
}

/* GtkLabel selects a focused label's text: the note opens without it. */
static gboolean
note_unselected_cb (gpointer data)
{
  g_autoptr(GPtrArray) labels = find_widgets (data, GTK_TYPE_LABEL, NULL, FALSE);
  int start, end;

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "pn-note-text"))
      return !gtk_label_get_selection_bounds (labels->pdata[i], &start, &end);
  g_assert_not_reached ();
}

#define BOTH_NOTES "la couleur du ciel, la direction du vent et le nom des oiseaux|" \
                   "la terre sèche se souvient de l’eau"

static void
test_layer (void)
{
  g_autoptr(GFile) pack = teacher_pack ();
  PnWindow *window = open_window (pack);
  PnTeacherNotes *teacher = pn_window_get_teacher_notes (window);
  GActionGroup *actions = G_ACTION_GROUP (window);
  WordsWait both = { window, BOTH_NOTES };
  WordsWait none = { window, "" };
  g_autoptr(GVariant) state = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *markers = NULL;
  g_autofree char *label = NULL;
  PnTeacherNotePopover *popover;

  wait_until (reader_loaded_cb, window, "the text");
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "jardin");
  wait_until (teacher_words_are_cb, &both, "the teacher's two notes on the first text painted");
  g_assert_cmpuint (pn_teacher_notes_get_shown (teacher)->len, ==, 2);

  /* The student's own highlight on other words of the same paragraph. */
  add_annotation (window, annotation_on (window, "jardin", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_YELLOW,
                                         "arrose ses tomates", "Ma note à moi.", NULL, 0));
  wait_until (student_painted_cb, window, "the student's highlight");
  /* Two layers, never one: no wrapper is both, each note has its marker. */
  mixed = eval_js (window, "String(document.querySelectorAll('span.pn-hl.pn-teacher-note, "
                           "span.pn-teacher-note[data-annotation], span.pn-hl[data-teacher-note]').length)");
  g_assert_cmpstr (mixed, ==, "0");
  markers = eval_js (window, "Array.from(document.querySelectorAll('.pn-teacher-marker'))"
                             ".map((m) => m.getAttribute('role') + ':' + m.getAttribute('aria-label')).join('|')");
  g_assert_cmpstr (markers, ==, "img:Teacher’s note|img:Teacher’s note");
  /* The student's layer painted again leaves the teacher's as it was. */
  g_assert_true (teacher_words_are_cb (&both));

  /* Opened from the keyboard: Tab stop, then Enter. */
  open_first_note (window);
  wait_until (popover_visible_cb, teacher, "the teacher's note popover");
  popover = pn_teacher_notes_get_popover (teacher);
  /* The Markdown shown as text (the bold is markup, not stars), French spacing and all. */
  g_assert_cmpstr (pn_teacher_note_popover_get_text (popover), ==,
                   "Une personnification\u00a0: la terre a une mémoire. Cherchez une autre image de ce genre "
                   "dans le texte.");
  g_assert_true (shows_label (GTK_WIDGET (popover), "Teacher’s Note"));
  wait_until (note_unselected_cb, popover, "the note's text unselected");
  /* Read-only: nothing in it to type in or to delete with. */
  g_assert_null (find_widget (GTK_WIDGET (popover), GTK_TYPE_TEXT_VIEW));
  g_assert_null (find_widget (GTK_WIDGET (popover), GTK_TYPE_BUTTON));
  save_settled_screenshots (GTK_WIDGET (window), "teacher-note.png");
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_until (popover_hidden_cb, teacher, "the popover to close");

  /* « Teacher's Notes » off: the layer goes, the student's highlight stays. */
  g_assert_true (g_action_group_get_action_enabled (actions, "show-teacher-notes"));
  state = g_action_group_get_action_state (actions, "show-teacher-notes");
  g_assert_true (g_variant_get_boolean (state));
  g_action_group_activate_action (actions, "show-teacher-notes", NULL);
  wait_until (teacher_words_are_cb, &none, "the teacher's notes taken out");
  g_assert_true (student_painted_cb (window));
  label = eval_js (window, "String(document.querySelectorAll('.pn-teacher-marker').length)");
  g_assert_cmpstr (label, ==, "0");
  /* On again: back (the positive control of the hiding). */
  g_action_group_activate_action (actions, "show-teacher-notes", NULL);
  wait_until (teacher_words_are_cb, &both, "the teacher's notes back");

  /* The student's store holds the student's note only. */
  stored = pn_store_get_annotations (window_store (window), PACK_ID, "jardin", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpstr (((PnAnnotation *) g_ptr_array_index (stored, 0))->note, ==, "Ma note à moi.");

  close_window (window);
}

/* The links of a teacher's note are followed as those of the text: one to
 * another document opens it at its heading; one to a document the pack does
 * not have does nothing (the control, first). */
#define LINKS_PACK "test-teacher-links"
#define LINKS_NOTE "urn:uuid:0b6f4a5e-2c1d-4e7f-8a9b-0c1d2e3f4a5b"

static gboolean
document_is_cb (gpointer data)
{
  PnReaderView *reader = pn_window_get_reader_view (data);

  return g_strcmp0 (pn_reader_view_get_document_id (reader), "deux") == 0 && !pn_reader_view_is_loading (reader);
}

static void
test_links (void)
{
  static const char manifest[] =
    "{ \"format\": 1, \"id\": \"" LINKS_PACK "\", \"version\": \"1.0.0\", \"title\": \"Liens\",\n"
    "  \"language\": \"fr\", \"authors\": [{ \"name\": \"Camille Martin\" }], \"license\": \"CC0-1.0\",\n"
    "  \"documents\": [ { \"id\": \"un\", \"title\": \"Un\", \"file\": \"un.md\" },\n"
    "                 { \"id\": \"deux\", \"title\": \"Deux\", \"file\": \"deux.md\" } ],\n"
    "  \"annotations\": \"notes.json\" }\n";
  static const char notes[] =
    "{ \"type\": \"AnnotationCollection\", \"items\": [ { \"id\": \"" LINKS_NOTE "\", \"type\": \"Annotation\",\n"
    "  \"body\": { \"type\": \"TextualBody\", \"format\": \"text/markdown\",\n"
    "            \"value\": \"Relisez [la fin](doc:deux#la-fin).\" },\n"
    "  \"target\": { \"source\": \"prisonnum://pack/" LINKS_PACK "/doc/un\",\n"
    "              \"selector\": { \"type\": \"TextQuoteSelector\", \"exact\": \"premier texte\" } } } ] }\n";
  g_autoptr(GFile) pack = make_pack ("pack.json", manifest, "notes.json", notes,
                                     "un.md", "# Un\n\nLe premier texte renvoie au second.\n",
                                     "deux.md", "# Deux\n\nUn début.\n\n## La fin\n\nUne fin.\n", NULL);
  g_autofree char *target = pn_pack_uri_for_document (LINKS_PACK, "deux", "la-fin");
  g_autofree char *nowhere = pn_pack_uri_for_document (LINKS_PACK, "nulle-part", NULL);
  g_autofree char *href = g_strdup_printf ("href=\"%s\"", target);
  PnWindow *window = open_window (pack);
  PnTeacherNotes *teacher = pn_window_get_teacher_notes (window);
  g_autoptr(GPtrArray) labels = NULL;
  GtkLabel *text = NULL;
  gboolean handled = FALSE;

  wait_until (reader_loaded_cb, window, "the first text");
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "un");
  g_assert_cmpuint (pn_teacher_notes_get_shown (teacher)->len, ==, 1);
  g_signal_emit_by_name (pn_window_get_reader_view (window), "teacher-note-activated", LINKS_NOTE);
  wait_until (popover_visible_cb, teacher, "the note's popover");
  labels = find_widgets (GTK_WIDGET (pn_teacher_notes_get_popover (teacher)), GTK_TYPE_LABEL, NULL, FALSE);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "pn-note-text"))
      text = labels->pdata[i];
  g_assert_nonnull (text);
  /* The link as the note's Markdown made it: to the document and its heading. */
  g_assert_nonnull (strstr (gtk_label_get_label (text), href));

  g_signal_emit_by_name (text, "activate-link", nowhere, &handled);
  g_assert_true (handled);
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "un");

  g_signal_emit_by_name (text, "activate-link", target, &handled);
  wait_until (document_is_cb, window, "the linked document");
  wait_until (popover_hidden_cb, teacher, "the popover to close");
  close_window (window);
}

/* A pack without teacher's notes has no « Teacher's Notes » to uncheck; the
 * teacher's pack opened in the same window has (the control). */
static void
test_menu_item (void)
{
  g_autoptr(GFile) essay = bundled_pack ();
  g_autoptr(GFile) pack = teacher_pack ();
  PnWindow *window = open_window (essay);
  GActionGroup *actions = G_ACTION_GROUP (window);

  wait_until (reader_loaded_cb, window, "the essay");
  g_assert_true (g_action_group_has_action (actions, "show-teacher-notes"));
  g_assert_false (g_action_group_get_action_enabled (actions, "show-teacher-notes"));
  g_assert_null (pn_teacher_notes_get_shown (pn_window_get_teacher_notes (window)));
  open_pack (window, pack);
  g_assert_true (g_action_group_get_action_enabled (actions, "show-teacher-notes"));
  close_window (window);
}

/* The Notes page lists and exports the student's notes, never the teacher's. */
static void
test_not_exported (void)
{
  g_autoptr(GFile) pack = teacher_pack ();
  PnWindow *window = open_window (pack);
  PnNotesPage *page = notes_page (window);
  WordsWait both = { window, BOTH_NOTES };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pn-test-teacher-XXXXXX", &error);
  g_autofree char *md_path = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *json_path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autofree char *markdown = NULL;
  g_autofree char *w3c = NULL;

  g_assert_no_error (error);
  wait_until (reader_loaded_cb, window, "the text");
  wait_until (teacher_words_are_cb, &both, "the teacher's notes painted");
  add_annotation (window, annotation_on (window, "jardin", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_GREEN,
                                         "relit ses carnets", "Relire aussi.", NULL, 0));
  show_notes (window);
  /* The student's notes on the pack (the other tests' too: the store is shared), no more. */
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), >=, 1);
  g_assert_cmpuint (pn_notes_page_get_n_annotations (page), <=, 2);
  g_assert_false (shows_label (GTK_WIDGET (page), "la terre sèche se souvient de l’eau"));

  g_assert_true (pn_notes_page_export (page, PN_NOTES_FORMAT_MARKDOWN, md, &error));
  g_assert_no_error (error);
  g_assert_true (pn_notes_page_export (page, PN_NOTES_FORMAT_W3C, json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (md_path, &markdown, NULL, NULL));
  g_assert_true (g_file_get_contents (json_path, &w3c, NULL, NULL));
  /* The student's note is there (the control), the teacher's are not. */
  g_assert_nonnull (strstr (markdown, "Relire aussi."));
  g_assert_nonnull (strstr (w3c, "Relire aussi."));
  g_assert_null (strstr (markdown, "personnification"));
  g_assert_null (strstr (w3c, "personnification"));
  g_assert_null (strstr (w3c, "7d1f0c0e-5a8b"));
  g_assert_null (strstr (markdown, "la terre sèche"));

  g_unlink (md_path);
  g_unlink (json_path);
  g_rmdir (dir);
  close_window (window);
}

/* A note opened, then the screen saved as @name. */
static void
shoot_note (PnWindow *window, const char *name)
{
  PnTeacherNotes *teacher = pn_window_get_teacher_notes (window);

  open_first_note (window);
  wait_until (popover_visible_cb, teacher, "the popover");
  wait_until (note_unselected_cb, pn_teacher_notes_get_popover (teacher), "the note's text unselected");
  save_settled_screenshots (GTK_WIDGET (window), name);
  gtk_popover_popdown (GTK_POPOVER (pn_teacher_notes_get_popover (teacher)));
  wait_until (popover_hidden_cb, teacher, "the popover to close");
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static gboolean
count_reached_cb (gpointer data)
{
  return *(guint *) data > 0;
}

/* The text as exported to PDF, for people to look at: teacher-print.pdf. */
static void
export_pdf (PnWindow *window)
{
  const char *dir = g_getenv ("PN_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  guint done = 0;
  gulong id;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, "teacher-print.pdf", NULL);
  file = g_file_new_for_path (path);
  id = g_signal_connect_swapped (pn_window_get_reader_view (window), "pdf-exported", G_CALLBACK (count_cb), &done);
  pn_reader_view_export_pdf (pn_window_get_reader_view (window), file);
  wait_until (count_reached_cb, &done, "the PDF");
  g_signal_handler_disconnect (pn_window_get_reader_view (window), id);
}

/* For people to look at (PN_SCREENSHOT_DIR): light, dark, 360 px, a note open. */
static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GFile) pack = teacher_pack ();
  PnWindow *window = open_window_sized (pack, 360, 700);
  WordsWait both = { window, BOTH_NOTES };

  wait_until (reader_loaded_cb, window, "the text");
  wait_until (teacher_words_are_cb, &both, "the teacher's notes painted");
  shoot_note (window, "teacher-narrow.png");
  /* The same window wider, light then dark. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_paint (GTK_WIDGET (window));
  shoot_note (window, "teacher-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_paint (GTK_WIDGET (window));
  shoot_note (window, "teacher-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  export_pdf (window);

  /* The main menu, with « Teacher's Notes » checked. */
  {
    g_autoptr(GPtrArray) buttons = find_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL, TRUE);
    g_autoptr(GString) item = g_string_new (_("_Teacher’s Notes"));   /* in French too */
    GtkWidget *menu = NULL;

    g_string_replace (item, "_", "", 1);
    for (guint i = 0; i < buttons->len && menu == NULL; i++)
      if (g_strcmp0 (gtk_menu_button_get_icon_name (buttons->pdata[i]), "open-menu-symbolic") == 0)
        menu = buttons->pdata[i];
    g_assert_nonnull (menu);
    gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
    wait_for_label (GTK_WIDGET (window), item->str);
    save_settled_screenshots (GTK_WIDGET (window), "teacher-menu.png");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  }
  close_window (window);
}

int
main (int argc, char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/teacher-notes/layer", test_layer);
  g_test_add_func ("/teacher-notes/not-exported", test_not_exported);
  g_test_add_func ("/teacher-notes/menu-item", test_menu_item);
  g_test_add_func ("/teacher-notes/links", test_links);
  g_test_add_func ("/teacher-notes/screenshots", test_screenshots);

  return window_test_run ();
}
