/* reader-test.c: what the reader view's UI tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pn-web-shell.h"
#include "reader-test.h"

gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms: only to give stray loads a chance to happen
 * before checking that they did not. */
void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* ---------------------------------------------------------------------------
 * Fixture: a window holding a reader view
 * ------------------------------------------------------------------------- */


static void
on_loaded (PnReaderView *view, Fixture *f)
{
  f->n_loaded++;
}

static void
on_problem (PnReaderView *view, const char *message, Fixture *f)
{
  g_test_message ("problem: %s", message);
  f->n_problems++;
}

static void
on_find_matches (PnReaderView *view, guint n, Fixture *f)
{
  f->n_matches = (int) MIN (n, (guint) G_MAXINT);
}

static void
on_document_activated (PnReaderView *view, const char *doc, const char *anchor, Fixture *f)
{
  g_free (f->activated_doc);
  g_free (f->activated_anchor);
  f->activated_doc = g_strdup (doc);
  f->activated_anchor = g_strdup (anchor);
}

static void
on_source_activated (PnReaderView *view, const char *id, Fixture *f)
{
  g_free (f->activated_source);
  f->activated_source = g_strdup (id);
}

static gboolean
on_external_link (PnReaderView *view, const char *uri, Fixture *f)
{
  g_ptr_array_add (f->external_uris, g_strdup (uri));
  return TRUE;   /* never start a browser from the tests */
}

static void
on_position_changed (PnReaderView *view, const char *anchor, double fraction, Fixture *f)
{
  f->n_positions++;
  f->last_fraction = fraction;
  g_free (f->last_anchor);
  f->last_anchor = g_strdup (anchor);
}

static void
on_find_index (PnReaderView *view, guint index, guint n, Fixture *f)
{
  f->find_index = (int) index;
  f->find_count = (int) n;
  f->n_find_index++;
}

static void
on_history_page (PnReaderView *view, const char *page, Fixture *f)
{
  g_free (f->history_page);
  f->history_page = g_strdup (page ? page : "(text)");
}

static void
on_focus_leave (PnReaderView *view, GtkDirectionType direction, Fixture *f)
{
  f->n_focus_leave++;
}

static void
on_pdf_exported (PnReaderView *view, GFile *file, Fixture *f)
{
  f->pdf_done = TRUE;
}

/* The test world must be the same from one script to the next: the clicks
 * leave what the page saw in its globals (pnTestMoved, pnTestPressed) for the
 * next script to read. WebKitGTK 2.52 (Debian 13) makes a new world for a
 * world name that nothing holds, at every call, so each script found empty
 * globals and the page seemed never to see the pointer; a user script of that
 * world (it does nothing) holds it for the view's life, as the app's scripts
 * hold the app's world. */
static void
keep_test_world (WebKitWebView *view)
{
  WebKitUserContentManager *manager = webkit_web_view_get_user_content_manager (view);
  WebKitUserScript *script =
    webkit_user_script_new_for_world ("/* holds the test world */", WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                      WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END, TEST_WORLD, NULL, NULL);

  webkit_user_content_manager_add_script (manager, script);
  webkit_user_script_unref (script);
}

void
fixture_setup (Fixture *f, gconstpointer data)
{
  int width = data == FIXTURE_WITH_BUTTON ? 0 : GPOINTER_TO_INT (data);

  f->n_matches = -1;
  f->external_uris = g_ptr_array_new_with_free_func (g_free);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width > 0 ? width : 1000, 760);
  f->view = PN_READER_VIEW (pn_reader_view_new ());
  if (data == FIXTURE_WITH_BUTTON)
    {
      /* something after the text in the focus chain */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      f->after_button = gtk_button_new_with_label ("After the text");
      gtk_widget_set_vexpand (GTK_WIDGET (f->view), TRUE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->view));
      gtk_box_append (GTK_BOX (box), f->after_button);
      gtk_window_set_child (GTK_WINDOW (f->window), box);
    }
  else
    gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));

  g_signal_connect (f->view, "document-loaded", G_CALLBACK (on_loaded), f);
  g_signal_connect (f->view, "problem", G_CALLBACK (on_problem), f);
  g_signal_connect (f->view, "find-matches", G_CALLBACK (on_find_matches), f);
  g_signal_connect (f->view, "document-activated", G_CALLBACK (on_document_activated), f);
  g_signal_connect (f->view, "source-activated", G_CALLBACK (on_source_activated), f);
  g_signal_connect (f->view, "external-link-activated", G_CALLBACK (on_external_link), f);
  g_signal_connect (f->view, "position-changed", G_CALLBACK (on_position_changed), f);
  g_signal_connect (f->view, "pdf-exported", G_CALLBACK (on_pdf_exported), f);
  g_signal_connect (f->view, "find-index", G_CALLBACK (on_find_index), f);
  g_signal_connect (f->view, "history-page", G_CALLBACK (on_history_page), f);
  g_signal_connect (f->view, "focus-leave", G_CALLBACK (on_focus_leave), f);

  keep_test_world (web_view (f));

  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->view)), "the window to be mapped");
}

void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gpointer view = f->view;

  g_object_add_weak_pointer (G_OBJECT (f->view), &view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  WAIT_UNTIL (view == NULL, "the reader view to be finalized");

  g_clear_object (&f->pack);
  g_ptr_array_unref (f->external_uris);
  g_free (f->activated_doc);
  g_free (f->activated_anchor);
  g_free (f->activated_source);
  g_free (f->last_anchor);
  g_free (f->history_page);
}

WebKitWebView *
web_view (Fixture *f)
{
  return pn_reader_view_get_web_view (f->view);
}

PnPack *
load_pack (const char *path)
{
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnPack *pack = pn_pack_load (location, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

void
show_document (Fixture *f, PnPack *pack, const char *doc_id)
{
  guint before = f->n_loaded;

  pn_reader_view_set_pack (f->view, pack);
  pn_reader_view_load_document (f->view, doc_id);
  WAIT_UNTIL (f->n_loaded > before, "document-loaded");
  g_assert_false (pn_reader_view_is_loading (f->view));
}

void
show_html (Fixture *f, const char *html)
{
  guint before = f->n_loaded;

  pn_reader_view_load_html_for_testing (f->view, html);
  WAIT_UNTIL (f->n_loaded > before, "document-loaded of the test page");
}

/* ---------------------------------------------------------------------------
 * JavaScript in a test world of its own (it sees the page's DOM, not the app's
 * script world)
 * ------------------------------------------------------------------------- */

typedef struct {
  gboolean done;
  char *result;
  GError *error;
} JsResult;

static void
on_js_done (GObject *source, GAsyncResult *result, gpointer data)
{
  JsResult *js = data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, &js->error);
  if (value != NULL)
    {
      if (jsc_value_is_string (value))
        js->result = jsc_value_to_string (value);
      else
        js->result = jsc_value_to_json (value, 0);
      if (js->result == NULL)
        js->result = g_strdup ("undefined");
    }
  js->done = TRUE;
}

/* Runs the function @body (may await) with @args (a{sv}, may be NULL) in
 * @world; returns its value, strings as they are, anything else as JSON. */
char *
js_in_world (Fixture *f, const char *world, const char *body, GVariant *args)
{
  JsResult js = { FALSE, NULL, NULL };

  webkit_web_view_call_async_javascript_function (web_view (f), body, -1, args, world, NULL, NULL,
                                                  on_js_done, &js);
  WAIT_UNTIL (js.done, "a script to run");
  if (js.error != NULL)
    g_error ("Script failed: %s\n%s", js.error->message, body);
  return js.result;
}

char *
js (Fixture *f, const char *body)
{
  return js_in_world (f, TEST_WORLD, body, NULL);
}

/* TRUE when the function @body returns true */
gboolean
js_true (Fixture *f, const char *body)
{
  g_autofree char *result = js (f, body);

  return g_strcmp0 (result, "true") == 0;
}

GtkWidget *
visible_popover (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child) && gtk_widget_get_mapped (child))
      return child;
  return NULL;
}

static void
collect_labels (GtkWidget *widget, GString *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

char *
popover_text (GtkWidget *popover)
{
  GString *out = g_string_new (NULL);

  collect_labels (popover, out);
  return g_string_free (out, FALSE);
}

GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);
      if (found)
        return found;
    }
  return NULL;
}

/* ---------------------------------------------------------------------------
 * A loopback listener that counts every connection
 * ------------------------------------------------------------------------- */


static gboolean
on_incoming (GSocketService *service, GSocketConnection *connection, GObject *source, Listener *l)
{
  GSocket *socket = g_socket_connection_get_socket (connection);
  char buffer[256] = { 0 };
  gssize n;

  l->connections++;
  /* Say what was asked, to find the leak. */
  g_socket_set_timeout (socket, 2);
  n = g_socket_receive (socket, buffer, sizeof buffer - 1, NULL, NULL);
  if (n > 0)
    buffer[strcspn (buffer, "\r\n")] = '\0';
  g_printerr ("# listener: connection %u: %s\n", l->connections, n > 0 ? buffer : "(nothing read)");
  return FALSE;
}

void
listener_start (Listener *l)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  l->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (l->service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  l->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  l->connections = 0;
  g_signal_connect (l->service, "incoming", G_CALLBACK (on_incoming), l);
  g_socket_service_start (l->service);
}

void
listener_stop (Listener *l)
{
  g_socket_service_stop (l->service);
  g_socket_listener_close (G_SOCKET_LISTENER (l->service));
  g_clear_object (&l->service);
}

char *
replace_port (const char *text, guint16 port)
{
  g_autofree char *number = g_strdup_printf ("%u", port);
  g_auto(GStrv) parts = g_strsplit (text, "@PORT@", -1);

  return g_strjoinv (number, parts);
}

/* A copy of tests/packs/reader-hostile with the listener's port in every text file. */
char *
copy_hostile_pack (guint16 port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (PN_TEST_PACKS_DIR, "reader-hostile", NULL);
  char *target = g_dir_make_tmp ("pn-hostile-XXXXXX", &error);
  const char *files[] = { "pack.json", "sources.json", "hostile.md", "autre.md", "img/square.png", NULL };

  g_assert_no_error (error);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *from = g_build_filename (source, files[i], NULL);
      g_autofree char *to = g_build_filename (target, files[i], NULL);
      g_autofree char *dir = g_path_get_dirname (to);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, &error));
      g_assert_no_error (error);
      g_mkdir_with_parents (dir, 0700);
      if (g_str_has_suffix (files[i], ".png"))
        g_file_set_contents (to, contents, length, &error);
      else
        {
          g_autofree char *replaced = replace_port (contents, port);
          g_file_set_contents (to, replaced, -1, &error);
        }
      g_assert_no_error (error);
    }
  return target;
}

void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_remove (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

/* ---------------------------------------------------------------------------
 * Test pages
 * ------------------------------------------------------------------------- */

const char test_page[] =
  "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Page d’essai</title>"
  "<link rel=\"stylesheet\" href=\"prisonnum://app/reader.css\"></head><body>"
  "<header><h1>Page d’essai</h1></header><article>"
  "<h2 id=\"debut\">Début</h2>"
  "<p id=\"p1\">Premier paragraphe avec un appel de note<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup> "
  "et une <a class=\"pn-cite\" data-source=\"src-one\" href=\"prisonnum://pack/hostile-test/source/src-one\">citation</a>.</p>"
  "@FILLER@"
  "<h2 id=\"milieu\">Milieu</h2><p>Le seigneurage des plateformes, puis encore du SEIGNEURAGE.</p>"
  "@FILLER@"
  "</article><section class=\"footnotes\" data-footnotes><ol><li id=\"fn-1\">"
  "<p>Le texte de la note, avec <em>emphase</em> et &lt;b&gt;pas de balise&lt;/b&gt;. "
  "Voir <a class=\"pn-cite\" data-source=\"src-one\" href=\"prisonnum://pack/hostile-test/source/src-one\">la source</a> "
  "et <a class=\"pn-cite\" data-source=\"nowhere\" href=\"#\">une inconnue</a>. "
  "<a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref>↩</a></p></li></ol></section>"
  "</body></html>";

static char *
filler (char prefix)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < 40; i++)
    g_string_append_printf (out,
                            "<p id=\"%c%d\">Paragraphe %d. Il était une fois une prison numérique dont les "
                            "murs étaient faits de nos propres usages, de nos clics et de notre attention "
                            "captive, vendue au plus offrant.</p>", prefix, i, i);
  return g_string_free (out, FALSE);
}

/* The test page with two runs of 40 paragraphs (ids f0… and g0…). */
char *
long_test_page (void)
{
  g_auto(GStrv) parts = g_strsplit (test_page, "@FILLER@", -1);
  g_autofree char *first = filler ('f');
  g_autofree char *second = filler ('g');

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  return g_strconcat (parts[0], first, parts[1], second, parts[2], NULL);
}

static void
setup_sandbox (void)
{
  const char *argv[] = { "bwrap", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                         "--unshare-all", "true", NULL };
  int status = -1;

  /* WebKit's own probe; without a working bubblewrap the web process cannot start. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("# bubblewrap does not work here: WebKit's sandbox is disabled for this test process\n");
      g_setenv ("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1", TRUE);
    }
}

void
listener_positive_control (Listener *l, const char *html)
{
  guint before = l->connections;
  g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u/", l->port);
  g_autofree char *page = replace_port (html, l->port);
  GtkWidget *window = gtk_window_new ();
  PnWebShell *shell = pn_web_shell_get_default ();
  /* the app's context and session, none of the view's defences (no CSP, no
   * content filter, page markup scripts on, no navigation policy) */
  WebKitWebView *plain = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                       "web-context", pn_web_shell_get_context (shell),
                                       "network-session", pn_web_shell_get_session (shell),
                                       NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (plain));
  gtk_window_present (GTK_WINDOW (window));
  webkit_web_view_load_html (plain, page, base);
  WAIT_UNTIL (l->connections > before, "the unprotected control view to reach the listener");
  g_test_message ("positive control: %u connection(s) from an unprotected view", l->connections - before);
  gtk_window_destroy (GTK_WINDOW (window));
  l->connections = before;
}

void
reader_test_init (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;

  g_setenv ("WEBKIT_DISABLE_COMPOSITING_MODE", "1", FALSE);
  setup_sandbox ();
  /* A fresh cache folder: the content filter is compiled by the test run. */
  cache = g_dir_make_tmp ("pn-test-cache-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
}

void
maybe_screenshot (const char *name)
{
  const char *dir = g_getenv ("PN_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  /* let the popover or the scroll be drawn: only for a person to look at */
  settle (500);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_printerr ("# could not take %s\n", path);
}
