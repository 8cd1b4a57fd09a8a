/* test-window.c: the main window, in a real display (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>

#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#endif

#include "pn-application.h"
#include "pn-diagnostic.h"
#include "pn-preferences-window.h"
#include "pn-problems-window.h"
#include "pn-sidebar-row.h"
#include "pn-window.h"

/* A wait that never ends is a failure, not a measurement. */
#define WAIT_TIMEOUT_S 90

static PnApplication *app;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Gave up waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
flag_set_cb (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits until @widget's window has painted a frame after this call. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (flag_set_cb, &painted, "a frame to be painted");
  g_signal_handler_disconnect (clock, handler);
}

/* Widget tree helpers */

typedef struct {
  GType       type;
  const char *text;        /* for labels: a substring of the text shown */
  gboolean    mapped_only;
  GPtrArray  *found;
} Search;

static void
search_tree (GtkWidget *widget,
             Search    *search)
{
  if (search->mapped_only && !gtk_widget_get_mapped (widget))
    return;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, search->type))
    {
      gboolean match = TRUE;

      if (search->text != NULL && GTK_IS_LABEL (widget))
        match = strstr (gtk_label_get_text (GTK_LABEL (widget)), search->text) != NULL;

      if (match)
        g_ptr_array_add (search->found, widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    search_tree (child, search);
}

static GPtrArray *
find_widgets (GtkWidget  *root,
              GType       type,
              const char *text,
              gboolean    mapped_only)
{
  Search search = { type, text, mapped_only, g_ptr_array_new () };

  search_tree (root, &search);

  return search.found;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = find_widgets (root, type, NULL, FALSE);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  g_autoptr(GPtrArray) found = find_widgets (root, GTK_TYPE_LABEL, text, TRUE);

  return found->len > 0;
}

/* Mapped or not (a closed menu's labels). */
static gboolean
shows_label_anywhere (GtkWidget  *root,
                      const char *text)
{
  g_autoptr(GPtrArray) found = find_widgets (root, GTK_TYPE_LABEL, NULL, FALSE);

  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (found, i)), text))
      return TRUE;

  return FALSE;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown_cb (gpointer data)
{
  LabelWait *wait = data;

  return shows_label (wait->root, wait->text);
}

static void
wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWait wait = { root, text };
  g_autofree char *what = g_strdup_printf ("a label showing “%s”", text);

  wait_until (label_shown_cb, &wait, what);
}

static GtkWidget *
find_sidebar (GtkWidget *window)
{
  g_autoptr(GPtrArray) lists = find_widgets (window, GTK_TYPE_LIST_BOX, NULL, FALSE);

  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "navigation-sidebar"))
      return g_ptr_array_index (lists, i);

  return NULL;
}

/* Screenshots for people (PN_SCREENSHOT_DIR set): the window as GTK draws it. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("PN_SCREENSHOT_DIR");
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  wait_for_paint (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("No screenshot %s: nothing drawn", name);
      return;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_mkdir_with_parents (dir, 0755);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("Screenshot: %s", path);
}

/* Windows */

static gboolean
reader_loaded_cb (gpointer data)
{
  PnReaderView *reader = pn_window_get_reader_view (data);

  return pn_reader_view_get_document_id (reader) != NULL && !pn_reader_view_is_loading (reader);
}

static gboolean
window_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
session_opened_cb (gpointer data)
{
  PnPackSession *session = pn_window_get_session (data);

  return !pn_pack_session_get_loading (session) &&
         (pn_pack_session_get_pack (session) != NULL || pn_pack_session_get_error (session) != NULL);
}

/* Opens @pack in @window's session and waits until it is open (or refused). */
static void
open_pack (PnWindow *window,
           GFile    *pack)
{
  pn_window_open_pack (window, pack);
  wait_until (session_opened_cb, window, "the pack to be opened");
}

static PnWindow *
open_window_sized (GFile *pack,
                   int    width,
                   int    height)
{
  PnWindow *window = pn_application_new_window (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  open_pack (window, pack);
  wait_until (window_mapped_cb, window, "the window to be shown");

  return window;
}

static PnWindow *
open_window (GFile *pack)
{
  return open_window_sized (pack, 1000, 700);
}

static gboolean
is_toplevel_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == data)
        return TRUE;
    }

  return FALSE;
}

static gboolean
not_toplevel_cb (gpointer data)
{
  return !is_toplevel_cb (data);
}

static void
close_window (PnWindow *window)
{
  g_assert_true (is_toplevel_cb (window));
  gtk_window_close (GTK_WINDOW (window));
  wait_until (not_toplevel_cb, window, "the window to close");
}

static GFile *
bundled_pack (void)
{
  return pn_application_get_default_pack ();
}

/* Writes @files (name, content, name, content, ..., NULL) in a new folder. */
static GFile *
make_pack (const char *first_name,
           ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pn-test-pack-XXXXXX", &error);
  const char *name = first_name;
  va_list args;

  g_assert_no_error (error);

  va_start (args, first_name);
  while (name != NULL)
    {
      const char *content = va_arg (args, const char *);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_file_set_contents (path, content, -1, &error);
      g_assert_no_error (error);
      name = va_arg (args, const char *);
    }
  va_end (args);

  return g_file_new_for_path (dir);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

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

  /* The sidebar lists each document, then the Sources page. */
  sidebar = find_sidebar (GTK_WIDGET (window));
  g_assert_nonnull (sidebar);
  rows = find_widgets (sidebar, GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);
  g_assert_cmpuint (rows->len, ==, documents->len + 1);
  g_assert_true (shows_label (g_ptr_array_index (rows, 0), pn_document_get_title (first)));
  g_assert_true (shows_label (g_ptr_array_index (rows, rows->len - 1), "Sources"));
  g_assert_true (pn_sidebar_row_get_current (g_ptr_array_index (rows, 0)));
  g_assert_false (pn_sidebar_row_get_current (g_ptr_array_index (rows, rows->len - 1)));

  /* The header names the document. */
  {
    AdwWindowTitle *title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
    g_assert_cmpstr (adw_window_title_get_title (title), ==, pn_document_get_title (first));
  }

  save_screenshot (GTK_WIDGET (window), "window-light.png");
  close_window (window);
}

static gboolean
sources_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (pn_window_get_sources_page (data)));
}

static gboolean
reader_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (pn_window_get_reader_view (data)));
}

static gboolean
reader_unmapped_cb (gpointer data)
{
  return !reader_mapped_cb (data);
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

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
  wait_until (sources_mapped_cb, window, "the sources page");

  g_assert_cmpuint (pn_sources_page_get_n_sources (page), >=, 10);
  g_assert_cmpuint (pn_sources_page_get_n_sources (page), ==, sources->len);
  rows = find_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);
  g_assert_cmpuint (rows->len, ==, sources->len);
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
  GtkWidget *window;
  GtkWidget *widget;
} FocusWait;

/* The keyboard focus is on FocusWait.widget or inside it. */
static gboolean
focus_within_cb (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->window));

  return focus != NULL && (focus == wait->widget || gtk_widget_is_ancestor (focus, wait->widget));
}

typedef struct {
  GtkWidget *root;
  gboolean   want_matches;
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
      if (end != text && n >= 1 && (g_str_equal (end, " match") || g_str_equal (end, " matches")))
        return TRUE;
    }

  return FALSE;
}

static void
test_window_find (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWidget *search_bar, *entry;
  MatchWait wait = { GTK_WIDGET (window), TRUE };

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

  gtk_editable_set_text (GTK_EDITABLE (entry), "seigneurage");
  wait_until (match_count_shown_cb, &wait, "a match count for « seigneurage »");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find-previous", NULL);

  save_screenshot (GTK_WIDGET (window), "window-find.png");

  wait.want_matches = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (entry), "zqxwzqxw");
  wait_until (match_count_shown_cb, &wait, "“No matches”");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));

  /* Closing the bar ends the search. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (search_bar), FALSE);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  close_window (window);
}

static gboolean
error_page_shown_cb (gpointer data)
{
  g_autoptr(GPtrArray) pages = find_widgets (data, ADW_TYPE_STATUS_PAGE, NULL, TRUE);

  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_status_page_get_title (g_ptr_array_index (pages, i)),
                   _("This course pack cannot be opened")) == 0)
      return TRUE;

  return FALSE;
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

    g_assert_cmpuint (rows->len, ==, 3);
    g_signal_emit_by_name (sidebar, "row-activated", g_ptr_array_index (rows, 1));
    wait_until (reader_loaded_cb, window, "the missing document's page");
    g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, "gone");
  }

  close_window (window);
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
    g_autoptr(GPtrArray) rows = find_widgets (sidebar, GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);

    g_signal_emit_by_name (sidebar, "row-activated", g_ptr_array_index (rows, rows->len - 1));
  }
  g_assert_false (adw_flap_get_reveal_flap (flap));
  wait_until (sources_mapped_cb, window, "the sources page at 360 px");
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

/* Page script helpers: JavaScript evaluated in the page's own world. */

typedef struct {
  gboolean done;
  char    *result;
} Eval;

static void
eval_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Eval *eval = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object),
                                                                          result, &error);

  g_assert_no_error (error);
  eval->result = jsc_value_is_null (value) ? NULL : jsc_value_to_string (value);
  eval->done = TRUE;
}

static gboolean
eval_done (gpointer data)
{
  return ((Eval *) data)->done;
}

static char *
eval_js (PnWindow   *window,
         const char *script)
{
  WebKitWebView *view = pn_reader_view_get_web_view (pn_window_get_reader_view (window));
  Eval eval = { FALSE, NULL };

  webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, eval_done_cb, &eval);
  wait_until (eval_done, &eval, "a script in the page");

  return eval.result;
}

/* The id of the last numbered block whose top is at or above the top of the view. */
static char *
top_block (PnWindow *window)
{
  return eval_js (window,
                  "(() => { let id = null;"
                  "  for (const e of document.querySelectorAll('p[id], li[id]')) {"
                  "    if (e.getBoundingClientRect().top <= 1) id = e.id; else break; }"
                  "  return id; })()");
}

typedef struct {
  PnWindow   *window;
  const char *id;
} TopWait;

static gboolean
top_block_is_cb (gpointer data)
{
  TopWait *wait = data;
  g_autofree char *top = top_block (wait->window);

  return g_strcmp0 (top, wait->id) == 0;
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

static gboolean
flap_hidden_cb (gpointer data)
{
  return !adw_flap_get_reveal_flap (data) && adw_flap_get_reveal_progress (data) == 0.0;
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

/* WebKit's own sandbox check: without working bubblewrap the web process cannot start. */
static gboolean
focus_in_reader_cb (gpointer data)
{
  PnWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL &&
         gtk_widget_is_ancestor (focus, GTK_WIDGET (pn_window_get_reader_view (window)));
}

static gboolean
bundled_pack_open_cb (gpointer data)
{
  PnPack *pack = pn_window_get_pack (data);

  return pack != NULL && g_strcmp0 (pn_pack_get_id (pack), "rauzy-prison-numerique") == 0 &&
         reader_loaded_cb (data);
}

/* The keyboard reads the text as soon as a document is shown, and the menu
 * leads back to the bundled essay from another pack. */
static void
test_window_keyboard_and_bundled (void)
{
  g_autofree char *good_path = g_build_filename (PN_TEST_PACKS_DIR, "good", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  PnWindow *window = open_window (good);

  wait_until (reader_loaded_cb, window, "the test pack");
  g_assert_cmpstr (pn_pack_get_id (pn_window_get_pack (window)), !=, "rauzy-prison-numerique");
  wait_until (focus_in_reader_cb, window, "the keyboard focus in the text");

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-bundled", NULL);
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

static GtkWidget *
find_row (PnWindow   *window,
          const char *page)
{
  g_autoptr(GPtrArray) rows = find_widgets (find_sidebar (GTK_WIDGET (window)), PN_TYPE_SIDEBAR_ROW, NULL, FALSE);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (pn_sidebar_row_get_page (g_ptr_array_index (rows, i)), page) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
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

  /* And the same session opens a good one again, where it was left. */
  open_pack (window, good);
  g_assert_cmpuint (notes.opened, ==, 2);
  g_assert_null (pn_pack_session_get_error (session));
  g_assert_cmpstr (pn_pack_session_get_start_document (session), ==, "notes");
  wait_until (document_shown_cb, &shown, "the last document read");
  g_assert_true (pn_reader_view_get_pack (reader) == pn_pack_session_get_pack (session));

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

/* F6 and Shift+F6 (their actions): sidebar, header bar, text, and round. */

static gboolean
focus_on_cb (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (GTK_ROOT (wait->window)) == wait->widget;
}

static void
assert_focus_within (PnWindow  *window,
                     GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  if (focus != widget && !gtk_widget_is_ancestor (focus, widget))
    g_error ("The focus is on a %s, not in the %s", G_OBJECT_TYPE_NAME (focus), G_OBJECT_TYPE_NAME (widget));
}

static void
test_window_f6_cycle (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWidget *reader = GTK_WIDGET (pn_window_get_reader_view (window));
  GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *first_row;
  AdwFlap *flap = ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP));

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  wait_until (focus_in_reader_cb, window, "the keyboard focus in the text");
  first_row = find_row (window, pn_pack_session_get_document_id (pn_window_get_session (window)));
  g_assert_nonnull (first_row);

  /* Forwards: the sidebar, on the row of the page shown... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first_row);
  /* ...the header bar, the text. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  assert_focus_within (window, header);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  assert_focus_within (window, reader);

  /* Backwards, round the end. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  assert_focus_within (window, header);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first_row);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  assert_focus_within (window, reader);

  /* A hidden sidebar is left out. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  wait_until (flap_hidden_cb, flap, "the sidebar to be hidden");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  assert_focus_within (window, header);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL);
  assert_focus_within (window, reader);

  /* None of it opened anything. */
  g_assert_true (gtk_widget_get_mapped (reader));
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (first_row)));

  close_window (window);
}

/* The keyboard on the sidebar: focus alone opens nothing, activation does. */
static void
test_window_sidebar_focus (void)
{
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWidget *sidebar = find_sidebar (GTK_WIDGET (window));
  GtkWidget *text_row, *sources_row;
  const char *doc_id;

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  doc_id = pn_reader_view_get_document_id (pn_window_get_reader_view (window));
  text_row = find_row (window, doc_id);
  sources_row = find_row (window, "sources");

  /* Into the sidebar as Tab would, then down to « Sources ». */
  g_assert_true (gtk_widget_child_focus (sidebar, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == text_row);
  /* What the Down key does in a list. */
  g_signal_emit_by_name (sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == sources_row);
  wait_for_paint (GTK_WIDGET (window));

  /* Nothing opened: the text is still shown and marked as such. */
  g_assert_true (reader_mapped_cb (window));
  g_assert_false (sources_mapped_cb (window));
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (text_row)));
  g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (sources_row)));
  g_assert_cmpstr (pn_reader_view_get_document_id (pn_window_get_reader_view (window)), ==, doc_id);

  /* Positive control: Enter (the row's activation) opens it. */
  g_assert_true (gtk_widget_activate (sources_row));
  wait_until (sources_mapped_cb, window, "the sources page");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (sources_row)));
  g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (text_row)));

  close_window (window);
}

/* Real keys through the X server, as a student presses them. */

#ifdef HAVE_X11
typedef int (*FakeMotionFn) (Display *, int, int, int, unsigned long);
typedef int (*FakeKeyFn) (Display *, unsigned int, int, unsigned long);
typedef int (*QueryExtensionFn) (Display *, int *, int *, int *, int *);

static FakeMotionFn fake_motion;
static FakeKeyFn fake_key;
#endif

/* NULL when real keys can be pressed, else why not. */
static const char *
xtest_missing (void)
{
#ifdef HAVE_X11
  GdkDisplay *display = gdk_display_get_default ();
  GModule *module;
  QueryExtensionFn query = NULL;
  int a, b, c, d;

  if (fake_key != NULL)
    return NULL;
  if (!GDK_IS_X11_DISPLAY (display))
    return "the display is not X11";
  module = g_module_open ("libXtst.so.6", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL ||
      !g_module_symbol (module, "XTestQueryExtension", (gpointer *) &query) ||
      !g_module_symbol (module, "XTestFakeMotionEvent", (gpointer *) &fake_motion) ||
      !g_module_symbol (module, "XTestFakeKeyEvent", (gpointer *) &fake_key) ||
      !query (gdk_x11_display_get_xdisplay (display), &a, &b, &c, &d))
    {
      fake_key = NULL;
      return "libXtst or the XTEST extension is missing";
    }
  return NULL;
#else
  return "built without X11";
#endif
}

#ifdef HAVE_X11
/* The pointer over @window: without a window manager, X gives it the keyboard. */
static void
x11_pointer_into (PnWindow *window)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int rx, ry;
  Window child;

  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface), DefaultRootWindow (xdisplay),
                         gtk_widget_get_width (GTK_WIDGET (window)) / 2, 20, &rx, &ry, &child);
  fake_motion (xdisplay, -1, rx, ry, 0);
  XFlush (xdisplay);
}

static void
x11_key (KeySym keysym,
         KeySym modifier)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);
  KeyCode mod = modifier ? XKeysymToKeycode (xdisplay, modifier) : 0;

  if (mod)
    fake_key (xdisplay, mod, True, 0);
  fake_key (xdisplay, code, True, 0);
  fake_key (xdisplay, code, False, 0);
  if (mod)
    fake_key (xdisplay, mod, False, 0);
  XFlush (xdisplay);
}

static gboolean
window_active_cb (gpointer data)
{
  return gtk_window_is_active (data);
}
#endif

static void
test_window_keys (void)
{
  const char *missing = xtest_missing ();

  if (missing != NULL)
    {
      g_autofree char *why = g_strdup_printf ("needs XTest to press real keys: %s", missing);

      g_test_skip (why);
      return;
    }

#ifdef HAVE_X11
  {
    g_autoptr(GFile) pack_dir = bundled_pack ();
    PnWindow *window = open_window (pack_dir);
    GtkWidget *reader = GTK_WIDGET (pn_window_get_reader_view (window));
    GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
    GtkWidget *text_row, *sources_row;
    FocusWait focus = { GTK_WIDGET (window), NULL };

    wait_until (reader_loaded_cb, window, "the essay to finish loading");
    x11_pointer_into (window);
    wait_until (window_active_cb, window, "the window to have the keyboard");
    wait_until (focus_in_reader_cb, window, "the keyboard focus in the text");
    text_row = find_row (window, pn_reader_view_get_document_id (PN_READER_VIEW (reader)));
    sources_row = find_row (window, "sources");

    /* F6 from the text (the web view sees keys first) to the sidebar. */
    x11_key (XK_F6, 0);
    focus.widget = text_row;
    wait_until (focus_on_cb, &focus, "F6 to move the focus to the sidebar");

    /* Down moves the focus only. */
    x11_key (XK_Down, 0);
    focus.widget = sources_row;
    wait_until (focus_on_cb, &focus, "Down to move to the Sources row");
    wait_for_paint (GTK_WIDGET (window));
    g_assert_true (reader_mapped_cb (window));
    g_assert_false (sources_mapped_cb (window));
    g_assert_false (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (sources_row)));

    /* Return opens it (the positive control of the check above). */
    x11_key (XK_Return, 0);
    wait_until (sources_mapped_cb, window, "Return to open the Sources page");

    /* Shift+F6 back from the sidebar to the page shown, F6 on to the header bar. */
    x11_key (XK_F6, XK_Shift_L);
    focus.widget = GTK_WIDGET (pn_window_get_sources_page (window));
    wait_until (focus_within_cb, &focus, "Shift+F6 to move the focus to the Sources page");
    x11_key (XK_F6, 0);
    x11_key (XK_F6, 0);
    focus.widget = header;
    wait_until (focus_within_cb, &focus, "F6 twice to move the focus to the header bar");

    close_window (window);
  }
#endif
}

/* Every control has a name a screen reader can say; an icon also has a tooltip. */

static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkWidget *child;

  /* Not labelled-by: GTK makes an icon button labelled by its image, and
   * that is the « GtkImage » a screen reader says. */
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;

  /* A button named by the text it shows. */
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
    {
      child = gtk_button_get_child (GTK_BUTTON (widget));
      return (gtk_button_get_label (GTK_BUTTON (widget)) != NULL) ||
             (GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0');
    }

  return FALSE;
}

static gboolean
is_inside (GtkWidget *widget,
           GType      type)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
      return TRUE;

  return FALSE;
}

static guint
check_names (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = find_widgets (root, type, NULL, FALSE);
  guint checked = 0;

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);

      /* Hidden ones (a closed menu's are not hidden), and GTK's own: the
       * window buttons and a menu button's inner button. */
      if (!gtk_widget_get_visible (widget) ||
          is_inside (widget, GTK_TYPE_WINDOW_CONTROLS) ||
          GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) ||
          is_inside (widget, PN_TYPE_READER_VIEW) || is_inside (widget, PN_TYPE_SOURCES_PAGE))
        continue;

      if (!has_accessible_name (widget))
        g_error ("A %s in a %s (tooltip “%s”, icon %s) has no accessible name", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)), gtk_widget_get_tooltip_text (widget),
                 GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : "-");
      if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
        g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
      checked++;
    }

  return checked;
}

static void
test_window_accessible_names (void)
{
  g_autoptr(GFile) broken = make_pack ("pack.json", "{\n  \"format\": 1,\n  \"id\": oops\n}\n", NULL);
  g_autoptr(GFile) pack_dir = bundled_pack ();
  PnWindow *window = open_window (pack_dir);
  GtkWidget *entry, *button;
  char *error;
  guint checked;

  /* Control: the check does find an icon button that has no name. */
  button = g_object_ref_sink (gtk_button_new_from_icon_name ("edit-find-symbolic"));
  g_assert_false (has_accessible_name (button));
  g_object_unref (button);

  wait_until (reader_loaded_cb, window, "the essay to finish loading");
  /* Sidebar, find, menu, zoom out, zoom reset, zoom in, previous, next. */
  checked = check_names (GTK_WIDGET (window), GTK_TYPE_BUTTON) +
            check_names (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpuint (checked, >=, 8);
  g_assert_cmpuint (check_names (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY), ==, 1);
  g_assert_cmpuint (check_names (GTK_WIDGET (window), GTK_TYPE_LIST_BOX), >=, 1);
  g_assert_cmpuint (check_names (GTK_WIDGET (window), PN_TYPE_SIDEBAR_ROW), >=, 2);

  entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, "Find in Text");
  g_assert_null (error);

  /* The error page's button is named once, without its mnemonic. */
  open_pack (window, broken);
  wait_until (error_page_shown_cb, window, "the error page");
  button = NULL;
  {
    g_autoptr(GPtrArray) buttons = find_widgets (GTK_WIDGET (window), GTK_TYPE_BUTTON, NULL, TRUE);

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "app.open") == 0)
        button = g_ptr_array_index (buttons, i);
  }
  g_assert_nonnull (button);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Open Another Pack…");
  g_assert_null (error);

  close_window (window);
}

static void
disable_sandbox_if_needed (void)
{
  const char *argv[] = { "bwrap", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                         "--unshare-all", "true", NULL };
  int status = -1;

  if (g_spawn_sync (NULL, (char **) argv, NULL,
                    G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL) &&
      g_spawn_check_wait_status (status, NULL))
    return;

  g_printerr ("# bubblewrap does not work here: WebKit's sandbox is off for this test process\n");
  g_setenv ("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  /* Student data goes to a scratch folder, never the user's. */
  data_home = g_dir_make_tmp ("pn-test-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  disable_sandbox_if_needed ();

  g_test_init (&argc, &argv, NULL);
  /* As main.c does; the build tree's catalogue (PRISONNUM_LOCALEDIR) in tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PRISONNUM_LOCALEDIR") ? g_getenv ("PRISONNUM_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pn_application_new ();
  /* Several test programs may run at once on the same bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/essay", test_window_essay);
  g_test_add_func ("/window/sources", test_window_sources);
  g_test_add_func ("/window/find", test_window_find);
  g_test_add_func ("/window/broken-pack", test_window_broken_pack);
  g_test_add_func ("/window/pack-with-problems", test_window_pack_with_problems);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/zoom", test_window_zoom);
  g_test_add_func ("/window/reading-position", test_window_reading_position);
  g_test_add_func ("/window/position-round-trip", test_window_position_round_trip);
  g_test_add_func ("/window/keyboard-and-bundled", test_window_keyboard_and_bundled);
  g_test_add_func ("/window/french", test_window_french);
  g_test_add_func ("/window/about-and-shortcuts", test_window_about_and_shortcuts);
  g_test_add_func ("/window/session", test_window_session);
  g_test_add_func ("/window/settings-bound", test_window_settings_bound);
  g_test_add_func ("/window/f6-cycle", test_window_f6_cycle);
  g_test_add_func ("/window/sidebar-focus", test_window_sidebar_focus);
  g_test_add_func ("/window/keys", test_window_keys);
  g_test_add_func ("/window/accessible-names", test_window_accessible_names);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
