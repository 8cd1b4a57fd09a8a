/* test-print.c: the essay as a printed course handout (PDF export, under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "pn-diagnostic.h"
#include "pn-ui-test.h"
#include "pn-reader-view-print.h"
#include "pn-works-cited.h"

#define TEST_WORLD   "pn-test"

static char *test_home;   /* HOME for the whole run, with a Documents folder */

typedef struct {
  GtkWidget *window;
  PnReaderView *view;
  PnPack *pack;
  guint n_loaded;
  guint n_problems;
  guint n_exported;
  guint n_finished;   /* exported or failed */
  char *dir;
} Fixture;

static gboolean
flag_set_cb (gpointer data)
{
  return *(const gboolean *) data;
}

static gboolean
pointer_cleared_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

typedef struct {
  const guint *counter;
  guint before;
} Count;

static gboolean
count_moved_cb (gpointer data)
{
  const Count *count = data;

  return *count->counter != count->before;
}

/* Runs the main loop until *@counter is no longer @before. */
static void
wait_for_count (const guint *counter,
                guint        before,
                const char  *what)
{
  Count count = { counter, before };

  pn_ui_test_wait_until (count_moved_cb, &count, what);
}

/* Connected swapped: counts the emissions of a signal. */
static void
count (guint *counter)
{
  (*counter)++;
}

static void
show_problem (PnReaderView *view, const char *message, gpointer data)
{
  g_test_message ("problem: %s", message);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) location = g_file_new_for_path (g_getenv ("PRISONNUM_PACK_DIR"));
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  guint before;

  f->pack = pn_pack_load (location, diagnostics, &error);
  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("pn-print-XXXXXX", &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 760);
  f->view = PN_READER_VIEW (pn_reader_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  g_signal_connect_swapped (f->view, "document-loaded", G_CALLBACK (count), &f->n_loaded);
  g_signal_connect_swapped (f->view, "problem", G_CALLBACK (count), &f->n_problems);
  g_signal_connect_swapped (f->view, "pdf-exported", G_CALLBACK (count), &f->n_exported);
  g_signal_connect_swapped (f->view, "problem", G_CALLBACK (count), &f->n_finished);
  g_signal_connect_swapped (f->view, "pdf-exported", G_CALLBACK (count), &f->n_finished);
  g_signal_connect (f->view, "problem", G_CALLBACK (show_problem), NULL);
  gtk_window_present (GTK_WINDOW (f->window));

  before = f->n_loaded;
  pn_reader_view_set_pack (f->view, f->pack);
  pn_reader_view_load_document (f->view, "essai");
  wait_for_count (&f->n_loaded, before, "the essay to load");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gpointer view = f->view;

  g_object_add_weak_pointer (G_OBJECT (f->view), &view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  pn_ui_test_wait_until (pointer_cleared_cb, &view, "the reader view to be finalized");
  g_clear_object (&f->pack);
  g_rmdir (f->dir);
  g_free (f->dir);
}

typedef struct {
  gboolean done;
  char *json;
} JsResult;

static void
on_js_done (GObject *source, GAsyncResult *result, gpointer data)
{
  JsResult *js = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, &error);
  g_assert_no_error (error);
  js->json = jsc_value_to_json (value, 0);
  js->done = TRUE;
}

/* The value of the function @body, run in a world of the test's own (it
 * shares the page's DOM, not the app's script world), as JSON. */
static char *
js (Fixture *f, const char *body)
{
  JsResult js = { FALSE, NULL };

  webkit_web_view_call_async_javascript_function (pn_reader_view_get_web_view (f->view), body, -1,
                                                  NULL, TEST_WORLD, NULL, NULL, on_js_done, &js);
  pn_ui_test_wait_until (flag_set_cb, &js.done, "a script to run");
  return js.json;
}

static GFile *
export (Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  GFile *file = g_file_new_for_path (path);
  guint exported = f->n_exported;
  guint problems = f->n_problems;

  pn_reader_view_export_pdf (f->view, file);
  wait_for_count (&f->n_finished, f->n_finished, "the PDF export");
  g_assert_cmpuint (f->n_problems, ==, problems);
  g_assert_cmpuint (f->n_exported, ==, exported + 1);

  return file;
}

/* @text in NFKC (the PDF's ligatures as letters) without any white space
 * (lines break anywhere in an address). */
static char *
squeeze (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x2010 /* hyphen from hyphenation */)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The reference of each source the essay's Markdown cites (or does not),
 * as the Sources page words it (what is unknown in the document's language), in plain text. */
static GPtrArray *
references (PnPack *pack, gboolean cited)
{
  PnDocument *doc = pn_pack_get_document (pack, "essai");
  g_autoptr(GRegex) regex = g_regex_new ("\\(source:([A-Za-z0-9._:-]+)\\)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) works = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *json = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  JsonArray *entries;

  for (g_regex_match (regex, pn_document_get_markdown (doc), 0, &match);
       g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *id = g_match_info_fetch (match, 1);

      g_strv_builder_add (builder, id);
    }
  ids = g_strv_builder_end (builder);
  works = pn_works_cited_collect (pack, (const char * const *) ids);

  if (!cited)
    {
      GPtrArray *all = pn_pack_get_sources (pack);
      g_autoptr(GPtrArray) others = g_ptr_array_new ();

      for (guint i = 0; i < all->len; i++)
        if (!g_ptr_array_find (works, g_ptr_array_index (all, i), NULL))
          g_ptr_array_add (others, g_ptr_array_index (all, i));
      g_ptr_array_unref (works);
      works = g_steal_pointer (&others);
    }

  json = pn_works_cited_to_json (works, "", pn_document_get_language (doc));
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonArray *runs = json_object_get_array_member (json_array_get_object_element (entries, i), "runs");
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint j = 0; j < json_array_get_length (runs); j++)
        g_string_append (text, json_array_get_string_element (json_array_get_array_element (runs, j), 0));
      g_ptr_array_add (texts, g_string_free (g_steal_pointer (&text), FALSE));
    }

  return texts;
}

/* The essay's handout: title and author first, numbered pages, footnotes
 * without back arrows, the works cited (and only those) at the end. */
static void
test_handout (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cited = references (f->pack, TRUE);
  g_autoptr(GPtrArray) uncited = references (f->pack, FALSE);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *backrefs = NULL;
  g_autofree char *first = NULL;
  g_autofree char *works = NULL;
  g_autofree char *author = NULL;
  g_autofree char *title = NULL;
  g_autofree char *lists = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *heading = NULL;
  PopplerDocument *pdf;
  const char *works_start;
  int n_pages;

  /* Positive control: on screen the notes have their ↩ back-links. */
  backrefs = js (f, "return Array.from(document.querySelectorAll('a.footnote-backref, a[data-footnote-backref]'),"
                    " (a) => a.textContent).join('');");
  g_assert_nonnull (strstr (backrefs, "↩"));
  g_assert_cmpuint (cited->len, >=, 2);
  g_assert_cmpuint (uncited->len, >=, 1);

  file = export (f, "essai.pdf");
  /* A new file's permissions, as any other written there (not a temporary file's 0600). */
  {
    g_autofree char *control = g_build_filename (f->dir, "control", NULL);
    g_autofree char *path = g_file_get_path (file);
    GStatBuf made, expected;

    g_assert_true (g_file_set_contents (control, "x", 1, NULL));
    g_assert_cmpint (g_stat (control, &expected), ==, 0);
    g_assert_cmpint (g_stat (path, &made), ==, 0);
    g_assert_cmpint (made.st_mode & 0777, ==, expected.st_mode & 0777);
    g_remove (control);
  }
  pdf = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 3);

  /* The document's properties */
  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  g_assert_cmpstr (title, ==, pn_reader_view_get_title (f->view));
  g_assert_nonnull (strstr (author, "Pablo Rauzy"));

  /* Each page ends with its number out of all, e.g. "3 / 10". */
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("%d / %d", i + 1, n_pages);
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      g_autofree char *end = g_strdup (trimmed + MAX (0, (int) strlen (trimmed) - 60));

      g_test_message ("page %d ends: …%s", i + 1, g_strdelimit (end, "\n", ' '));
      g_assert_true (g_str_has_suffix (trimmed, number));
      g_string_append (all, text);
      g_string_append_c (all, '\n');
      g_object_unref (page);
    }
  g_object_unref (pdf);

  /* The title and the author at the top of the first page */
  first = squeeze (all->str);
  {
    g_autofree char *doc_title = squeeze ("Consommer et produire");
    g_autofree char *name = squeeze ("Pablo Rauzy");

    g_assert_true (g_str_has_prefix (first, doc_title));
    g_assert_nonnull (strstr (first, name));
    g_assert_true (strstr (first, name) - first < 200);
  }

  /* A footnote, kept; no back arrow anywhere. */
  {
    g_autofree char *note = squeeze ("Contraction de « fédération » et « univers »");

    g_assert_nonnull (strstr (first, note));
  }
  g_assert_null (strstr (all->str, "↩"));

  /* The works cited, after the text, each cited source once; no other source. */
  /* The essay is in French: so is the heading, whatever the interface's language. */
  heading = squeeze ("Œuvres citées");
  works_start = g_strrstr (first, heading);
  g_assert_nonnull (works_start);
  works = g_strdup (works_start);
  for (guint i = 0; i < cited->len; i++)
    {
      g_autofree char *reference = squeeze (g_ptr_array_index (cited, i));

      g_test_message ("cited: %s", (char *) g_ptr_array_index (cited, i));
      g_assert_nonnull (strstr (works, reference));
      g_assert_true (strstr (works, reference) == g_strrstr (works, reference));
    }
  for (guint i = 0; i < uncited->len; i++)
    {
      g_autofree char *reference = squeeze (g_ptr_array_index (uncited, i));

      g_assert_null (strstr (first, reference));
    }

  /* On screen the list stays hidden, and printing again does not add a second one. */
  g_clear_object (&file);
  file = export (f, "again.pdf");
  lists = js (f, "return document.querySelectorAll('.pn-works-cited').length;");
  g_assert_cmpstr (lists, ==, "1");
  shown = js (f, "return getComputedStyle(document.querySelector('.pn-works-cited')).display;");
  g_assert_cmpstr (shown, ==, "\"none\"");

  g_file_delete (file, NULL, NULL);
  {
    g_autofree char *path = g_build_filename (f->dir, "essai.pdf", NULL);

    g_remove (path);
  }
}

/* The print code's temporary files in the temporary folder. */
static GPtrArray *
temporary_pdfs (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "prisonnum-") && g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

/* A place that cannot be written: a problem, not a PDF, and no temporary file left behind. */
static void
test_unwritable (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "missing-folder", "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) good = NULL;
  g_autoptr(GPtrArray) before = temporary_pdfs ();
  g_autoptr(GPtrArray) after = NULL;
  guint problems = f->n_problems;
  guint exported = f->n_exported;

  pn_reader_view_export_pdf (f->view, file);
  wait_for_count (&f->n_finished, f->n_finished, "the failed PDF export");
  g_assert_cmpuint (f->n_problems, ==, problems + 1);
  g_assert_cmpuint (f->n_exported, ==, exported);

  /* Positive control: the same view exports to a place that can be written. */
  good = export (f, "good.pdf");
  g_assert_true (g_file_query_exists (good, NULL));
  g_file_delete (good, NULL, NULL);

  after = temporary_pdfs ();
  for (guint i = 0; i < after->len; i++)
    if (!g_ptr_array_find_with_equal_func (before, g_ptr_array_index (after, i), g_str_equal, NULL))
      g_error ("A temporary file is left: %s", (char *) g_ptr_array_index (after, i));
}

/* GTK's print dialog, once shown, or NULL. */
static GtkWidget *
print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog") && gtk_widget_get_mapped (window))
        return window;
    }

  return NULL;
}

static gboolean
print_dialog_shown_cb (gpointer data)
{
  return print_dialog () != NULL;
}

/* The files in @after that are not in @before. */
static GPtrArray *
new_temporary_pdfs (GPtrArray *before)
{
  GPtrArray *after = temporary_pdfs ();

  for (guint i = after->len; i > 0; i--)
    if (g_ptr_array_find_with_equal_func (before, g_ptr_array_index (after, i - 1), g_str_equal, NULL))
      g_ptr_array_remove_index (after, i - 1);

  return after;
}

static gboolean
no_new_temporary_pdfs_cb (gpointer data)
{
  g_autoptr(GPtrArray) added = new_temporary_pdfs (data);

  return added->len == 0;
}

/* Printing goes through GTK's dialog with the numbered handout (the PDF it
 * prints is numbered before the dialog shows); cancelling leaves nothing behind. */
static void
test_print_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) before = temporary_pdfs ();
  g_autoptr(GPtrArray) added = NULL;
  gboolean numbered = FALSE;
  GtkWidget *dialog;

  pn_reader_view_print (f->view);
  pn_ui_test_wait_until (print_dialog_shown_cb, NULL, "the print dialog");
  dialog = print_dialog ();
  g_assert_cmpuint (f->n_problems, ==, 0);

  /* WebKit's PDF and the numbered one wait to be printed. */
  added = new_temporary_pdfs (before);
  g_assert_cmpuint (added->len, ==, 2);
  for (guint i = 0; i < added->len; i++)
    {
      g_autofree char *path = g_build_filename (g_get_tmp_dir (), g_ptr_array_index (added, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      PopplerDocument *pdf = poppler_document_new_from_gfile (file, NULL, NULL, NULL);
      PopplerPage *page = pdf != NULL ? poppler_document_get_page (pdf, 0) : NULL;
      g_autofree char *text = page != NULL ? poppler_page_get_text (page) : NULL;
      g_autofree char *number = pdf != NULL ? g_strdup_printf ("1 / %d", poppler_document_get_n_pages (pdf)) : NULL;

      g_assert_nonnull (text);
      numbered = numbered || g_str_has_suffix (g_strstrip (text), number);
      g_clear_object (&page);
      g_clear_object (&pdf);
    }
  g_assert_true (numbered);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  pn_ui_test_wait_until (no_new_temporary_pdfs_cb, before, "the temporary files to go");
  g_assert_cmpuint (f->n_problems, ==, 0);
}

/* The suggested file: in Documents, named after the title, never one that exists. */
static void
test_default_file (void)
{
  g_autofree char *documents = g_build_filename (test_home, "Documents", NULL);
  g_autoptr(GFile) first = pn_print_default_pdf_file ("Consommer et produire : l'essence");
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) odd = pn_print_default_pdf_file ("  ../a/b\\c\n\tnote  ");
  g_autoptr(GFile) untitled = pn_print_default_pdf_file (NULL);
  g_autoptr(GFile) blank = pn_print_default_pdf_file (" \n ");
  g_autoptr(GFile) parent = g_file_get_parent (first);
  g_autoptr(GFile) fallback = NULL;
  g_autofree char *parent_path = g_file_get_path (parent);
  g_autofree char *name = g_file_get_basename (first);
  g_autofree char *second_name = NULL;
  g_autofree char *odd_name = g_file_get_basename (odd);
  g_autofree char *untitled_name = g_file_get_basename (untitled);
  g_autofree char *blank_name = g_file_get_basename (blank);
  g_autofree char *fallback_path = NULL;
  g_autofree char *long_title = g_strnfill (400, 'x');
  g_autoptr(GFile) long_file = pn_print_default_pdf_file (long_title);
  g_autofree char *long_name = g_file_get_basename (long_file);

  g_assert_cmpstr (parent_path, ==, documents);
  g_assert_cmpstr (name, ==, "Consommer et produire - l'essence.pdf");
  g_assert_cmpstr (odd_name, ==, "-a-b-c note.pdf");
  g_assert_cmpstr (untitled_name, ==, "Document.pdf");
  g_assert_cmpstr (blank_name, ==, "Document.pdf");
  g_assert_cmpuint (strlen (long_name), <=, 130);

  /* Once it exists, the next suggestion is another file. */
  g_assert_true (g_file_replace_contents (first, "%PDF-", 5, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, NULL));
  second = pn_print_default_pdf_file ("Consommer et produire : l'essence");
  second_name = g_file_get_basename (second);
  g_assert_cmpstr (second_name, ==, "Consommer et produire - l'essence (2).pdf");
  g_file_delete (first, NULL, NULL);

  /* Without a Documents folder, the home folder. */
  g_assert_cmpint (g_rmdir (documents), ==, 0);
  fallback = pn_print_default_pdf_file ("Title");
  fallback_path = g_file_get_path (fallback);
  {
    g_autofree char *expected = g_build_filename (test_home, "Title.pdf", NULL);

    g_assert_cmpstr (fallback_path, ==, expected);
  }
  g_assert_cmpint (g_mkdir (documents, 0700), ==, 0);
}

/* The toast after an export offers to open the file. */
static void
test_exported_toast (void)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/handout.pdf");
  AdwToast *toast = pn_print_new_exported_toast (GTK_WINDOW (window), file);

  g_object_ref_sink (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Exported as PDF");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Open");
  g_object_unref (toast);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
setup_environment (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *dirs = NULL;
  g_autofree char *documents = NULL;

  /* Before GLib reads them: a home with a Documents folder. */
  test_home = g_dir_make_tmp ("pn-print-home-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (test_home, ".config", NULL);
  documents = g_build_filename (test_home, "Documents", NULL);
  g_assert_cmpint (g_mkdir (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (documents, 0700), ==, 0);
  dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_assert_true (g_file_set_contents (dirs, "XDG_DOCUMENTS_DIR=\"$HOME/Documents\"\n", -1, NULL));
  g_setenv ("HOME", test_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_setenv ("WEBKIT_DISABLE_COMPOSITING_MODE", "1", FALSE);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                               NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

int
main (int argc, char **argv)
{
  g_autoptr(GFile) home = NULL;
  int status;

  setup_environment ();
  pn_ui_test_init (&argc, &argv);
  g_set_application_name ("Prison numérique");
  gtk_init ();
  adw_init ();

  g_test_add_func ("/print/default-file", test_default_file);
  g_test_add_func ("/print/exported-toast", test_exported_toast);
  g_test_add ("/print/handout", Fixture, NULL, fixture_setup, test_handout, fixture_teardown);
  g_test_add ("/print/unwritable", Fixture, NULL, fixture_setup, test_unwritable, fixture_teardown);
  g_test_add ("/print/dialog", Fixture, NULL, fixture_setup, test_print_dialog, fixture_teardown);

  status = g_test_run ();
  home = g_file_new_for_path (test_home);
  remove_tree (home);

  return status;
}
