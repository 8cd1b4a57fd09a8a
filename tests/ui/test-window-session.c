/* test-window-session.c: the main window and its pack session, in a real
 * display (run under Xvfb): what the session says when it changes, the
 * settings bound both ways, a heavy pack opened off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-pack-check.h"
#include "pn-sidebar-row.h"
#include "pn-pack-archive.h"
#include "window-test.h"

/* The pack session: what the window shows comes from it, and it says so when it changes. */

typedef struct {
  guint pack;
  guint loading;
  guint diagnostics;
  guint error;
  guint document;
  guint opened;
} Notes;

static void
session_notify_cb (GObject    *session,
                   GParamSpec *pspec,
                   Notes      *notes)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "pack"))
    notes->pack++;
  else if (g_str_equal (name, "loading"))
    notes->loading++;
  else if (g_str_equal (name, "diagnostics"))
    notes->diagnostics++;
  else if (g_str_equal (name, "error"))
    notes->error++;
  else if (g_str_equal (name, "document-id"))
    notes->document++;
}

static void
session_opened_count_cb (PnPackSession *session,
                         Notes         *notes)
{
  notes->opened++;
}

typedef struct {
  PnWindow   *window;
  const char *doc_id;
} DocWait;

static gboolean
document_shown_cb (gpointer data)
{
  DocWait *wait = data;

  return reader_loaded_cb (wait->window) &&
         g_strcmp0 (pn_reader_view_get_document_id (pn_window_get_reader_view (wait->window)), wait->doc_id) == 0;
}

static void
test_window_session (void)
{
  g_autofree char *good_path = g_build_filename (PN_TEST_PACKS_DIR, "good", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) broken = make_pack ("pack.json", "{\n  \"format\": 1,\n  \"id\": oops\n}\n", NULL);
  PnWindow *window = open_window (good);
  PnPackSession *session = pn_window_get_session (window);
  PnReaderView *reader = pn_window_get_reader_view (window);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  Notes notes = { 0, };
  DocWait shown = { window, "notes" };
  gulong notify, opened;

  wait_until (reader_loaded_cb, window, "the test pack");
  /* One pack, held by the session; the reader shows that one. */
  g_assert_true (pn_window_get_pack (window) == pn_pack_session_get_pack (session));
  g_assert_true (pn_reader_view_get_pack (reader) == pn_pack_session_get_pack (session));
  g_assert_cmpstr (pn_pack_session_get_document_id (session), ==, "texte");
  g_assert_nonnull (pn_pack_session_get_position (session));
  /* The pack read last, bound to its key: this one's folder. */
  {
    g_autofree char *last = g_settings_get_string (pn_application_get_settings (app), "last-pack");
    g_autofree char *root = g_file_get_path (pn_pack_get_root (pn_pack_session_get_pack (session)));

    g_assert_cmpstr (last, ==, root);
  }

  notify = g_signal_connect (session, "notify", G_CALLBACK (session_notify_cb), &notes);
  opened = g_signal_connect (session, "opened", G_CALLBACK (session_opened_count_cb), &notes);

  /* Another document: the session says so, the title and the sidebar follow. */
  gtk_widget_activate (find_row (window, "notes"));
  g_assert_cmpuint (notes.document, ==, 1);
  g_assert_cmpstr (pn_pack_session_get_document_id (session), ==, "notes");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Notes in English");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (find_row (window, "notes"))));
  g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (find_row (window, "texte"))));
  wait_until (document_shown_cb, &shown, "the second document");
  /* Showing it again is no change. */
  gtk_widget_activate (find_row (window, "notes"));
  g_assert_cmpuint (notes.document, ==, 1);
  g_assert_cmpuint (notes.pack + notes.opened, ==, 0);

  /* A pack that cannot be opened: no pack, the reason, and the error page. */
  open_pack (window, broken);
  g_assert_cmpuint (notes.opened, ==, 1);
  g_assert_cmpuint (notes.pack, ==, 1);
  g_assert_cmpuint (notes.error, ==, 1);
  g_assert_cmpuint (notes.diagnostics, ==, 1);
  g_assert_cmpuint (notes.loading, ==, 2);   /* on, then off */
  g_assert_cmpuint (notes.document, ==, 2);  /* no document any more */
  g_assert_null (pn_pack_session_get_pack (session));
  g_assert_null (pn_pack_session_get_document_id (session));
  g_assert_null (pn_pack_session_get_position (session));
  g_assert_nonnull (strstr (pn_pack_session_get_error (session), "pack.json"));
  g_assert_null (pn_reader_view_get_pack (reader));
  wait_until (error_page_shown_cb, window, "the error page");
  /* A pack that could not be opened is not remembered. */
  {
    g_autofree char *last = g_settings_get_string (pn_application_get_settings (app), "last-pack");

    g_assert_cmpstr (last, ==, good_path);
  }

  /* And the same session opens a good one again, where it was left. */
  open_pack (window, good);
  g_assert_cmpuint (notes.opened, ==, 2);
  g_assert_null (pn_pack_session_get_error (session));
  g_assert_cmpstr (pn_pack_session_get_start_document (session), ==, "notes");
  wait_until (document_shown_cb, &shown, "the last document read");
  g_assert_true (pn_reader_view_get_pack (reader) == pn_pack_session_get_pack (session));

  /* The bundled essay is remembered as the empty string (it may move with the app). */
  {
    g_autoptr(GFile) essay = bundled_pack ();
    g_autofree char *last = NULL;

    open_pack (window, essay);
    last = g_settings_get_string (pn_application_get_settings (app), "last-pack");
    g_assert_cmpstr (last, ==, "");
  }

  g_signal_handler_disconnect (session, notify);
  g_signal_handler_disconnect (session, opened);
  close_window (window);
}

/* The settings are the application's, opened once, and bound: a key changes the
 * view, and what the view changes goes back to the key. */
static void
test_window_settings_bound (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GSettings *settings = pn_application_get_settings (app);
  PnReaderView *reader = pn_window_get_reader_view (window);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GSettings) window_settings = NULL;
  int size = 0;
  PnFontFamily family = PN_FONT_FAMILY_SERIF;
  double spacing = 0, zoom = 0;

  g_assert_nonnull (settings);
  g_object_get (window, "settings", &window_settings, NULL);
  g_assert_true (window_settings == settings);
  wait_until (reader_loaded_cb, window, "the essay to finish loading");

  g_settings_set_int (settings, "font-size", 23);
  g_settings_set_string (settings, "font-family", "sans");
  g_settings_set_double (settings, "line-spacing", 1.8);
  g_settings_set_double (settings, "zoom-level", 1.5);
  g_object_get (reader, "font-size", &size, "font-family", &family,
                "line-spacing", &spacing, "zoom-level", &zoom, NULL);
  g_assert_cmpint (size, ==, 23);
  g_assert_cmpint (family, ==, PN_FONT_FAMILY_SANS);
  g_assert_cmpfloat_with_epsilon (spacing, 1.8, 0.001);
  g_assert_cmpfloat_with_epsilon (zoom, 1.5, 0.001);
  g_assert_true (shows_label_anywhere (GTK_WIDGET (window), "150%"));

  /* Back: the view's own zoom reaches the key, within the key's range. */
  pn_reader_view_set_zoom_level (reader, 0.8);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 0.8, 0.001);
  g_assert_true (shows_label_anywhere (GTK_WIDGET (window), "80%"));

  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Reset, and the view follows again. */
  g_settings_reset (settings, "font-size");
  g_settings_reset (settings, "font-family");
  g_settings_reset (settings, "line-spacing");
  g_settings_reset (settings, "zoom-level");
  g_settings_reset (settings, "color-scheme");
  g_object_get (reader, "font-size", &size, "font-family", &family, "zoom-level", &zoom, NULL);
  g_assert_cmpint (size, ==, g_settings_get_int (settings, "font-size"));
  g_assert_cmpint (size, !=, 23);
  g_assert_cmpint (family, ==, PN_FONT_FAMILY_SERIF);
  g_assert_cmpfloat_with_epsilon (zoom, 1.0, 0.001);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  close_window (window);
}

/* Opening a pack at the size limits does not freeze the window: the check runs
 * in a worker thread, the loading page shows, and a newer open wins. */

/* @n_documents long documents, the first @first_weight times as long as the others. */
static GFile *
make_heavy_pack (guint n_documents,
                 guint first_weight)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pn-test-heavy-XXXXXX", &error);
  g_autoptr(GString) manifest = g_string_new ("{\n  \"format\": 1,\n  \"id\": \"test-heavy\",\n"
                                              "  \"version\": \"1.0.0\",\n  \"title\": \"Heavy\",\n"
                                              "  \"language\": \"en\",\n  \"authors\": [{\"name\": \"A\"}],\n"
                                              "  \"license\": null,\n  \"description\": \"Many long documents.\",\n"
                                              "  \"documents\": [\n");
  g_autoptr(GString) text = g_string_new ("# A long chapter\n\n");
  g_autofree char *manifest_path = g_build_filename (dir, "pack.json", NULL);

  g_assert_no_error (error);

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (text, "Paragraph %u, with *emphasis*, **weight**, `code` and a "
                                  "[link](#p%u) to read, again and again in the long text.[^n%u]\n\n"
                                  "[^n%u]: A note for paragraph %u.\n\n", i, i, i, i, i);

  for (guint i = 0; i < n_documents; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc%u.md", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_autoptr(GString) content = g_string_new (NULL);

      for (guint j = 0; j < (i == 0 ? first_weight : 1); j++)
        g_string_append (content, text->str);
      g_file_set_contents (path, content->str, content->len, &error);
      g_assert_no_error (error);
      g_string_append_printf (manifest, "    {\"id\": \"doc%u\", \"title\": \"Chapter %u\", \"file\": \"%s\"}%s\n",
                              i, i, name, i + 1 < n_documents ? "," : "");
    }
  g_string_append (manifest, "  ]\n}\n");
  g_file_set_contents (manifest_path, manifest->str, manifest->len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (dir);
}

typedef struct {
  guint     ticks;
  gboolean  loading_page_seen;
  PnWindow *window;
} Responsive;

static gboolean
loading_page_or_opened_cb (gpointer data)
{
  Responsive *responsive = data;

  return responsive->loading_page_seen || !pn_pack_session_get_loading (pn_window_get_session (responsive->window));
}

static gboolean
tick_cb (gpointer data)
{
  ((Responsive *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
stack_page_seen_cb (GtkStack   *stack,
                    GParamSpec *pspec,
                    Responsive *responsive)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") == 0)
    responsive->loading_page_seen = TRUE;
}

/* The window's stack of pages (not a menu's or a page's own). */
static GtkStack *
find_page_stack (PnWindow *window)
{
  g_autoptr(GPtrArray) stacks = find_widgets (GTK_WIDGET (window), GTK_TYPE_STACK, NULL, FALSE);

  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (g_ptr_array_index (stacks, i), "loading") != NULL)
      return g_ptr_array_index (stacks, i);

  g_assert_not_reached ();
}

static gboolean
pack_is_cb (gpointer data)
{
  PnWindow *window = ((gpointer *) data)[0];
  const char *id = ((gpointer *) data)[1];
  PnPack *pack = pn_window_get_pack (window);

  return session_opened_cb (window) && pack != NULL && g_strcmp0 (pn_pack_get_id (pack), id) == 0;
}

static void
test_window_async_open (void)
{
  /* Its first document is long too: it is rendered before the pack is shown. */
  g_autoptr(GFile) heavy = make_heavy_pack (20, 6);
  g_autoptr(GFile) essay = bundled_pack ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = NULL;
  PnWindow *window = open_window (essay);
  PnPackSession *session = pn_window_get_session (window);
  GtkStack *stack = find_page_stack (window);
  Responsive responsive = { 0, FALSE, window };
  Notes notes = { 0, };
  gpointer heavy_open[] = { window, "test-heavy" };
  gpointer essay_open[] = { window, "rauzy-prison-numerique" };
  gint64 start, sync_us, call_us;
  guint tick;
  gulong page_handler, opened_handler;

  wait_until (reader_loaded_cb, window, "the essay to finish loading");

  /* Control: on this machine, loading the pack and its first document takes
   * long enough to see a freeze. */
  start = g_get_monotonic_time ();
  check = pn_pack_check_run_start (heavy, PN_GLOSSARY_LINK_ALL, NULL, &error);
  sync_us = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpuint (pn_pack_get_documents (pn_pack_check_get_pack (check))->len, ==, 20);
  g_test_message ("opening the heavy pack takes %.0f ms", sync_us / 1000.0);
  g_assert_cmpint (sync_us, >, 400 * 1000);

  page_handler = g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (stack_page_seen_cb), &responsive);
  opened_handler = g_signal_connect (session, "opened", G_CALLBACK (session_opened_count_cb), &notes);
  tick = g_timeout_add (10, tick_cb, &responsive);

  start = g_get_monotonic_time ();
  pn_window_open_pack (window, heavy);
  call_us = g_get_monotonic_time () - start;
  g_assert_true (pn_pack_session_get_loading (session));
  g_assert_cmpint (call_us, <, sync_us / 4);
  /* Meanwhile the old pack stays shown, and the main loop runs. */
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), ==, "rauzy-prison-numerique");
  wait_until (loading_page_or_opened_cb, &responsive, "the loading page or the heavy pack");
  if (responsive.loading_page_seen)
    save_screenshot (GTK_WIDGET (window), "window-loading.png");
  wait_until (pack_is_cb, heavy_open, "the heavy pack");
  g_test_message ("%u ticks of 10 ms while it opened", responsive.ticks);
  g_assert_cmpuint (responsive.ticks, >=, 5);
  g_assert_true (responsive.loading_page_seen);
  g_assert_cmpuint (notes.opened, ==, 1);
  wait_until (reader_loaded_cb, window, "the first chapter");

  /* A newer open cancels the older one: only the essay arrives. */
  pn_window_open_pack (window, heavy);
  pn_window_open_pack (window, essay);
  wait_until (pack_is_cb, essay_open, "the essay, opened after the heavy pack");
  g_assert_cmpuint (notes.opened, ==, 2);
  /* And still the essay after another whole open of the heavy pack has come and gone. */
  pn_window_open_pack (window, heavy);
  wait_until (pack_is_cb, heavy_open, "the heavy pack again");
  g_assert_cmpuint (notes.opened, ==, 3);

  g_source_remove (tick);
  g_signal_handler_disconnect (stack, page_handler);
  g_signal_handler_disconnect (session, opened_handler);
  close_window (window);
}

/* The first text is shown as soon as it is rendered; the rest of the pack is
 * checked meanwhile, and then every problem is known and offered. */

typedef struct {
  guint    opened;
  gboolean checking;          /* at "opened", of the pack of three texts */
  guint    n_diagnostics;     /* at "opened", of the pack of three texts */
  gboolean last_text;         /* the last document's text, asked for at "opened" */
  guint    notified;          /* "diagnostics" */
  guint    essay_notified;    /* "diagnostics" with problems while the essay was open */
  PnWindow *window;
  GFile    *then_open;        /* opened from the "opened" handler, while checking */
} FirstText;

static void
first_text_opened_cb (PnPackSession *session,
                      FirstText     *seen)
{
  g_autoptr(GFile) then = g_steal_pointer (&seen->then_open);
  PnPack *pack = pn_pack_session_get_pack (session);

  seen->opened++;
  if (pack == NULL || !g_str_equal (pn_pack_get_id (pack), "test-first-text"))
    return;
  seen->checking = pn_pack_session_get_checking (session);
  seen->n_diagnostics = pn_pack_session_get_diagnostics (session)->len;
  seen->last_text = pn_pack_session_get_page_text (session, "last") != NULL &&
                  strstr (pn_pack_session_get_page_text (session, "last"), "The end of it") != NULL;
  if (then != NULL)
    pn_window_open_pack (seen->window, then);
}

static void
first_text_diagnostics_cb (PnPackSession *session,
                           GParamSpec    *pspec,
                           FirstText     *seen)
{
  PnPack *pack = pn_pack_session_get_pack (session);

  seen->notified++;
  if (pack != NULL && g_str_equal (pn_pack_get_id (pack), "rauzy-prison-numerique") &&
      pn_pack_session_get_diagnostics (session)->len > 0)
    seen->essay_notified++;
}

static gboolean
has_problem (GPtrArray  *diagnostics,
             const char *needle)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = pn_diagnostic_to_located_message (g_ptr_array_index (diagnostics, i));

      if (strstr (line, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_window_open_first_text (void)
{
  g_autoptr(GFile) pack = make_pack ("pack.json",
                                     "{\n  \"format\": 1,\n  \"id\": \"test-first-text\",\n"
                                     "  \"version\": \"1.0.0\",\n  \"title\": \"First text first\",\n"
                                     "  \"language\": \"en\",\n  \"authors\": [{\"name\": \"A\"}],\n"
                                     "  \"license\": null,\n  \"description\": \"Three texts.\",\n"
                                     "  \"documents\": [\n"
                                     "    {\"id\": \"first\", \"title\": \"First\", \"file\": \"first.md\"},\n"
                                     "    {\"id\": \"middle\", \"title\": \"Middle\", \"file\": \"middle.md\"},\n"
                                     "    {\"id\": \"last\", \"title\": \"Last\", \"file\": \"last.md\"}\n"
                                     "  ]\n}\n",
                                     "first.md", "## Where it starts\n\nA clean text to begin with.\n",
                                     "middle.md", "Some text.\n\n<script>alert(1)</script>\n",
                                     "last.md", "The end of it, and [back](doc:first#nowhere).\n",
                                     NULL);
  g_autoptr(GFile) essay = bundled_pack ();
  PnWindow *window = pn_application_new_window (app);
  PnPackSession *session = pn_window_get_session (window);
  FirstText seen = { 0, };
  gpointer essay_open[] = { window, "rauzy-prison-numerique" };
  GPtrArray *diagnostics;
  guint n;
  g_autofree char *toast = NULL;
  gulong opened, notify;

  seen.window = window;
  opened = g_signal_connect (session, "opened", G_CALLBACK (first_text_opened_cb), &seen);
  notify = g_signal_connect (session, "notify::diagnostics", G_CALLBACK (first_text_diagnostics_cb), &seen);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  pn_window_open_pack (window, pack);
  pn_window_present_when_ready (window);
  wait_until (session_opened_cb, window, "the pack, checked whole");

  /* Opened with the first text only checked: none of the others' problems yet,
   * but any text can be asked for already. */
  g_assert_cmpuint (seen.opened, ==, 1);
  g_assert_true (seen.checking);
  g_assert_cmpuint (seen.n_diagnostics, ==, 0);
  g_assert_true (seen.last_text);
  g_assert_cmpstr (pn_pack_session_get_start_document (session), ==, "first");
  /* Then every problem, notified: the raw HTML of one text, the link of another. */
  g_assert_cmpuint (seen.notified, ==, 2);
  diagnostics = pn_pack_session_get_diagnostics (session);
  n = diagnostics->len;
  g_assert_true (has_problem (diagnostics, "middle.md:3:"));
  g_assert_true (has_problem (diagnostics, "last.md:1:"));
  g_assert_true (has_problem (diagnostics, "nowhere"));
  g_assert_nonnull (strstr (pn_pack_session_get_page_text (session, "last"), "The end of it"));
  wait_until (reader_loaded_cb, window, "the first text");
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "first");
  /* And offered once known. */
  toast = g_strdup_printf ("This course pack has %u problems", n);
  wait_for_label (GTK_WIDGET (window), toast);

  /* A newer open while the rest is checked: the older check changes nothing. */
  seen = (FirstText) { 0, .window = window, .then_open = g_object_ref (essay) };
  open_pack (window, pack);
  wait_until (pack_is_cb, essay_open, "the essay, opened while the other pack was checked");
  g_assert_cmpuint (seen.opened, ==, 2);
  g_assert_true (seen.checking);
  g_assert_false (pn_pack_session_get_checking (session));
  /* Control: that check, done again, does arrive, with the same problems. */
  open_pack (window, pack);
  g_assert_cmpuint (seen.opened, ==, 3);
  g_assert_cmpuint (pn_pack_session_get_diagnostics (session)->len, ==, n);
  g_assert_cmpuint (seen.essay_notified, ==, 0);

  g_signal_handler_disconnect (session, opened);
  g_signal_handler_disconnect (session, notify);
  close_window (window);
}

static gboolean
good_pack_open_cb (gpointer data)
{
  PnPack *pack = pn_window_get_pack (data);

  return pack != NULL && g_strcmp0 (pn_pack_get_id (pack), "test-good") == 0 && reader_loaded_cb (data);
}

/* A .prisonnum file given to the window is imported into the library (not
 * unpacked into a cache), then opened from there; the archive stays where it
 * was. (tests/ui/test-import.c imports every other way.) */
static void
test_window_archive (void)
{
  g_autofree char *good_path = g_build_filename (PN_TEST_PACKS_DIR, "good", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pn-test-archive-XXXXXX", &error);
  g_autofree char *archive_path = g_build_filename (dir, "course.prisonnum", NULL);
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "prisonnum", "packs", NULL);
  g_autoptr(GFile) archive = g_file_new_for_path (archive_path);
  g_autoptr(GFile) essay = bundled_pack ();
  PnLibrary *library = pn_application_get_library (app);
  PnWindow *window;
  g_autofree char *root = NULL;

  g_assert_no_error (error);
  g_assert_true (pn_pack_archive_write (good_path, archive_path, &error));
  g_assert_no_error (error);

  window = open_window (essay);
  pn_window_open_pack (window, archive);
  wait_until (good_pack_open_cb, window, "the pack from its archive");
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), ==, "test-good");
  root = g_file_get_path (pn_pack_get_root (pn_window_get_pack (window)));
  g_assert_true (g_str_has_prefix (root, pn_library_get_dir (library)));
  g_assert_true (pn_library_contains (library, pn_pack_get_root (pn_window_get_pack (window))));
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (archive_path, G_FILE_TEST_IS_REGULAR));

  close_window (window);
  pn_pack_archive_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/window/session", test_window_session);
  g_test_add_func ("/window/settings-bound", test_window_settings_bound);
  g_test_add_func ("/window/async-open", test_window_async_open);
  g_test_add_func ("/window/open-first-text", test_window_open_first_text);
  g_test_add_func ("/window/archive", test_window_archive);

  return window_test_run ();
}
