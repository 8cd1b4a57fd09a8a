/* test-reader.c: the reader view in a real window (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <gmodule.h>
#include <glib/gstdio.h>

#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#endif

#include "pn-diagnostic.h"
#include "pn-reader-view.h"
#include "pn-render.h"

#define WAIT_SECONDS 60
#define TEST_WORLD   "pn-test"

/* ---------------------------------------------------------------------------
 * Waiting on the main loop (never on the clock: a timeout only fails a test)
 * ------------------------------------------------------------------------- */

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

#define WAIT_UNTIL(expr, what) G_STMT_START {                                   \
    gboolean timed_out_ = FALSE;                                              \
    guint timeout_id_ = g_timeout_add_seconds (WAIT_SECONDS, set_true, &timed_out_); \
    while (!(expr) && !timed_out_)                                            \
      g_main_context_iteration (NULL, TRUE);                                  \
    if (!timed_out_)                                                          \
      g_source_remove (timeout_id_);                                          \
    if (!(expr))                                                              \
      g_error ("Timed out after %d s waiting for %s", WAIT_SECONDS, what);     \
  } G_STMT_END

/* Lets the main loop run for @ms: only to give stray loads a chance to happen
 * before checking that they did not. */
static void
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

typedef struct {
  GtkWidget *window;
  PnReaderView *view;
  guint n_loaded;
  guint n_problems;
  int n_matches;                 /* -1 until reported */
  char *activated_doc;
  char *activated_anchor;
  char *activated_source;
  GPtrArray *external_uris;
  guint n_positions;
  double last_fraction;
  char *last_anchor;
  gboolean pdf_done;
  PnPack *pack;
} Fixture;

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
on_pdf_exported (PnReaderView *view, GFile *file, Fixture *f)
{
  f->pdf_done = TRUE;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  int width = GPOINTER_TO_INT (data);

  f->n_matches = -1;
  f->external_uris = g_ptr_array_new_with_free_func (g_free);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width > 0 ? width : 1000, 760);
  f->view = PN_READER_VIEW (pn_reader_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));

  g_signal_connect (f->view, "document-loaded", G_CALLBACK (on_loaded), f);
  g_signal_connect (f->view, "problem", G_CALLBACK (on_problem), f);
  g_signal_connect (f->view, "find-matches", G_CALLBACK (on_find_matches), f);
  g_signal_connect (f->view, "document-activated", G_CALLBACK (on_document_activated), f);
  g_signal_connect (f->view, "source-activated", G_CALLBACK (on_source_activated), f);
  g_signal_connect (f->view, "external-link-activated", G_CALLBACK (on_external_link), f);
  g_signal_connect (f->view, "position-changed", G_CALLBACK (on_position_changed), f);
  g_signal_connect (f->view, "pdf-exported", G_CALLBACK (on_pdf_exported), f);

  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->view)), "the window to be mapped");
}

static void
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
}

static WebKitWebView *
web_view (Fixture *f)
{
  return pn_reader_view_get_web_view (f->view);
}

static PnPack *
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

static void
show_document (Fixture *f, PnPack *pack, const char *doc_id)
{
  guint before = f->n_loaded;

  pn_reader_view_set_pack (f->view, pack);
  pn_reader_view_load_document (f->view, doc_id);
  WAIT_UNTIL (f->n_loaded > before, "document-loaded");
  g_assert_false (pn_reader_view_is_loading (f->view));
}

static void
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
static char *
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

static char *
js (Fixture *f, const char *body)
{
  return js_in_world (f, TEST_WORLD, body, NULL);
}

/* TRUE when the function @body returns true */
static gboolean
js_true (Fixture *f, const char *body)
{
  g_autofree char *result = js (f, body);

  return g_strcmp0 (result, "true") == 0;
}

/* ---------------------------------------------------------------------------
 * Clicks: real pointer events through the X server (XTest) where the element
 * is, else a DOM click from the test world
 * ------------------------------------------------------------------------- */

#ifdef HAVE_X11
typedef int (*FakeMotionFn) (Display *, int, int, int, unsigned long);
typedef int (*FakeButtonFn) (Display *, unsigned int, int, unsigned long);
typedef int (*FakeKeyFn) (Display *, unsigned int, int, unsigned long);
typedef int (*QueryExtensionFn) (Display *, int *, int *, int *, int *);

static FakeMotionFn fake_motion;
static FakeButtonFn fake_button;
static FakeKeyFn fake_key;
#endif

static gboolean
xtest_available (void)
{
#ifdef HAVE_X11
  static int available = -1;
  GdkDisplay *display = gdk_display_get_default ();

  if (available >= 0)
    return available;
  available = 0;

  if (GDK_IS_X11_DISPLAY (display))
    {
      GModule *module = g_module_open ("libXtst.so.6", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      QueryExtensionFn query = NULL;
      int a, b, c, d;

      if (module != NULL &&
          g_module_symbol (module, "XTestQueryExtension", (gpointer *) &query) &&
          g_module_symbol (module, "XTestFakeMotionEvent", (gpointer *) &fake_motion) &&
          g_module_symbol (module, "XTestFakeButtonEvent", (gpointer *) &fake_button) &&
          g_module_symbol (module, "XTestFakeKeyEvent", (gpointer *) &fake_key) &&
          query (gdk_x11_display_get_xdisplay (display), &a, &b, &c, &d))
        available = 1;
    }
  if (!available)
    g_printerr ("# XTest is not available: clicks are DOM clicks from a script\n");
  return available;
#else
  return FALSE;
#endif
}

/* Scrolls the first element matching @selector into view and returns the
 * centre of its first box in web view coordinates. */
static void
element_center (Fixture *f, const char *selector, double *x, double *y)
{
  g_autofree char *json = NULL;
  GVariantDict args;
  double zoom = webkit_web_view_get_zoom_level (web_view (f));

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "selector", "s", selector);
  json = js_in_world (f, TEST_WORLD,
                      "const el = document.querySelector(selector);"
                      "if (!el) return 'missing';"
                      "el.scrollIntoView({block: 'center'});"
                      "await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));"
                      "const r = el.getClientRects()[0];"
                      "return [r.left + r.width / 2, r.top + r.height / 2];",
                      g_variant_dict_end (&args));
  g_assert_cmpstr (json, !=, "missing");
  g_assert_true (sscanf (json, "[%lf,%lf]", x, y) == 2);
  *x *= zoom;
  *y *= zoom;
}

#ifdef HAVE_X11
static void
x11_pointer_to (Fixture *f, double x, double y)
{
  GdkDisplay *display = gdk_display_get_default ();
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (f->view));
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t in_view = GRAPHENE_POINT_INIT ((float) x, (float) y), in_native;
  double sx, sy;
  int rx, ry;
  Window child;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (web_view (f)), GTK_WIDGET (native),
                                           &in_view, &in_native));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (xdisplay),
                         (int) (in_native.x + sx), (int) (in_native.y + sy), &rx, &ry, &child);
  fake_motion (xdisplay, -1, rx, ry, 0);
  XFlush (xdisplay);
}

static void
x11_press_key (KeySym keysym)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);

  fake_key (xdisplay, code, True, 0);
  fake_key (xdisplay, code, False, 0);
  XFlush (xdisplay);
}
#endif

/* Clicks the element; returns TRUE for a real (XTest) click. */
static gboolean
click_element (Fixture *f, const char *selector)
{
  double x, y;

  element_center (f, selector, &x, &y);

#ifdef HAVE_X11
  if (xtest_available ())
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());

      x11_pointer_to (f, x, y);
      settle (100);
      fake_button (xdisplay, 1, True, 0);
      fake_button (xdisplay, 1, False, 0);
      XFlush (xdisplay);
      return TRUE;
    }
#endif

  {
    GVariantDict args;
    g_autofree char *r = NULL;

    g_variant_dict_init (&args, NULL);
    g_variant_dict_insert (&args, "selector", "s", selector);
    r = js_in_world (f, TEST_WORLD, "document.querySelector(selector).click(); return true;",
                     g_variant_dict_end (&args));
  }
  return FALSE;
}

static GtkWidget *
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

static char *
popover_text (GtkWidget *popover)
{
  GString *out = g_string_new (NULL);

  collect_labels (popover, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
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

typedef struct {
  GSocketService *service;
  guint16 port;
  guint connections;
} Listener;

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

static void
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

static void
listener_stop (Listener *l)
{
  g_socket_service_stop (l->service);
  g_socket_listener_close (G_SOCKET_LISTENER (l->service));
  g_clear_object (&l->service);
}

static char *
replace_port (const char *text, guint16 port)
{
  g_autofree char *number = g_strdup_printf ("%u", port);
  g_auto(GStrv) parts = g_strsplit (text, "@PORT@", -1);

  return g_strjoinv (number, parts);
}

/* A copy of tests/packs/reader-hostile with the listener's port in every text file. */
static char *
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

static void
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

static const char test_page[] =
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
static char *
long_test_page (void)
{
  g_auto(GStrv) parts = g_strsplit (test_page, "@FILLER@", -1);
  g_autofree char *first = filler ('f');
  g_autofree char *second = filler ('g');

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  return g_strconcat (parts[0], first, parts[1], second, parts[2], NULL);
}

/* ---------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------- */

/* (a) the bundled pack loads and the essay is in the DOM */
static void
test_bundled_pack (Fixture *f, gconstpointer data)
{
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *uri = NULL;

  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);

  uri = pn_render_document_uri (f->pack, "essai");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, uri);
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "essai");

  title = js (f, "const h = document.querySelector('body > header h1') || document.querySelector('h1');"
                 "return h ? h.textContent.replace(/\\s+/g, ' ').trim() : '';");
  g_assert_true (g_str_has_prefix (title, "Consommer et produire"));
  g_assert_nonnull (strstr (title, "prison numérique"));

  first = js (f, "const p = document.querySelector('article p');"
                 "return p ? p.textContent.replace(/\\s+/g, ' ').trim() : '';");
  g_assert_true (g_str_has_prefix (first, "En août 2025, Evgeny Morozov publiait"));

  /* The stylesheet from prisonnum://app/ applied: the text column is limited. */
  {
    g_autofree char *measure = js (f, "return getComputedStyle(document.querySelector('article')).maxWidth;");
    g_assert_cmpstr (measure, !=, "none");
  }
  g_assert_cmpuint (f->n_problems, ==, 0);
}

/* (b) clicking a footnote call shows its text in a native popover */
static void
test_footnote_popover (Fixture *f, gconstpointer data)
{
  GtkWidget *popover;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gboolean real;

  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);

  expected = js (f, "const a = document.querySelector('sup.footnote-ref a');"
                    "const note = document.getElementById(a.getAttribute('href').slice(1));"
                    "const p = note.querySelector('p') || note;"
                    "const clone = p.cloneNode(true);"
                    "clone.querySelectorAll('.footnote-backref').forEach((b) => b.remove());"
                    "return clone.textContent.replace(/\\s+/g, ' ').trim().slice(0, 30);");
  g_assert_cmpuint (strlen (expected), >, 5);

  real = click_element (f, "sup.footnote-ref a");
  WAIT_UNTIL (visible_popover (f) != NULL, "the footnote popover");
  popover = visible_popover (f);
  text = popover_text (popover);
  g_assert_nonnull (strstr (text, expected));

  /* The view did not navigate to the footnote. */
  {
    g_autofree char *uri = pn_render_document_uri (f->pack, "essai");
    g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, uri);
  }

#ifdef HAVE_X11
  if (real)
    {
      x11_press_key (XK_Escape);
      WAIT_UNTIL (visible_popover (f) == NULL, "Escape to close the popover");
    }
#endif
  (void) real;
}

/* (b') the same on a generated page, plus the citation popover */
static void
test_popovers_on_test_page (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = copy_hostile_pack (9);
  g_autofree char *page = long_test_page ();
  GtkWidget *popover;
  GtkWidget *button;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  f->pack = load_pack (dir);
  pn_reader_view_set_pack (f->view, f->pack);
  show_html (f, page);
  g_assert_cmpstr (pn_reader_view_get_title (f->view), ==, "Page d’essai");

  click_element (f, "sup.footnote-ref a");
  WAIT_UNTIL (visible_popover (f) != NULL, "the footnote popover");
  text = popover_text (visible_popover (f));
  /* plain text, the markup-like text kept literally, the back-reference left out */
  g_assert_nonnull (strstr (text, "Le texte de la note, avec emphase et <b>pas de balise</b>."));
  g_assert_null (strstr (text, "↩"));
  /* the note's own styles and its pack citations are kept; nothing else becomes markup */
  {
    GtkWidget *label = NULL;
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    const char *markup;
    gboolean handled = FALSE;

    for (GtkWidget *w = visible_popover (f); w != NULL; )
      {
        GtkWidget *child = gtk_widget_get_first_child (w);

        if (GTK_IS_LABEL (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), "Le texte de la note"))
          {
            label = w;
            break;
          }
        while (child == NULL && w != NULL && w != visible_popover (f))
          {
            child = gtk_widget_get_next_sibling (w);
            if (child == NULL)
              w = gtk_widget_get_parent (w);
          }
        w = child;
      }
    g_assert_nonnull (label);
    markup = gtk_label_get_label (GTK_LABEL (label));
    g_test_message ("note markup: %s", markup);
    g_assert_nonnull (strstr (markup, "<i>emphase</i>"));
    g_assert_nonnull (strstr (markup, "&lt;b&gt;pas de balise&lt;/b&gt;"));
    g_assert_nonnull (strstr (markup, "<a href=\"source:src-one\">la source</a>"));
    g_assert_null (strstr (markup, "nowhere"));
    g_signal_emit_by_name (label, "activate-link", "source:src-one", &handled);
    g_assert_true (handled);
    g_assert_cmpstr (f->activated_source, ==, "src-one");
    g_clear_pointer (&f->activated_source, g_free);
  }
  /* Following the citation closed the note. */
  WAIT_UNTIL (visible_popover (f) == NULL, "the popover to close");

#ifdef HAVE_X11
  /* From the keyboard: Return on the focused call opens it, Escape closes it. */
  if (xtest_available ())
    {
      g_autofree char *r = NULL;

      gtk_widget_grab_focus (GTK_WIDGET (f->view));
      WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (web_view (f))), "the text to have the focus");
      r = js (f, "document.querySelector('sup.footnote-ref a').focus();"
                 "return document.activeElement.id;");
      g_assert_cmpstr (r, ==, "fnref-1");
      x11_press_key (XK_Return);
      WAIT_UNTIL (visible_popover (f) != NULL, "Return to open the footnote popover");
      x11_press_key (XK_Escape);
      WAIT_UNTIL (visible_popover (f) == NULL, "Escape to close the footnote popover");
      WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (web_view (f))), "the focus back in the text");
    }
#endif

  click_element (f, "a[data-source]");
  WAIT_UNTIL (visible_popover (f) != NULL, "the citation popover");
  popover = visible_popover (f);
  text2 = popover_text (popover);
  g_test_message ("citation popover: %s", text2);
  g_assert_nonnull (strstr (text2, "Doe"));
  /* the title's angle brackets are text, not markup */
  g_assert_nonnull (strstr (text2, "<b>bold</b>"));
  button = find_button (popover);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (f->activated_source, ==, "src-one");
  WAIT_UNTIL (visible_popover (f) == NULL, "the citation popover to close");

  remove_tree (dir);
}

/* (c) find in the text */
static void
test_find (Fixture *f, gconstpointer data)
{
  f->pack = load_pack (SOURCE_PACK_DIR);
  show_document (f, f->pack, NULL);

  pn_reader_view_find (f->view, "seigneurage");
  WAIT_UNTIL (f->n_matches >= 0, "find-matches");
  g_assert_cmpint (f->n_matches, >=, 1);

  f->n_matches = -1;
  pn_reader_view_find (f->view, "SEIGNEURAGE");
  WAIT_UNTIL (f->n_matches >= 0, "find-matches (case-insensitive)");
  g_assert_cmpint (f->n_matches, >=, 1);

  f->n_matches = -1;
  pn_reader_view_find (f->view, "zqxjkv-introuvable");
  WAIT_UNTIL (f->n_matches >= 0, "find-matches (no match)");
  g_assert_cmpint (f->n_matches, ==, 0);

  pn_reader_view_find_finish (f->view);
}

static void
test_find_on_test_page (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();

  show_html (f, page);
  pn_reader_view_find (f->view, "seigneurage");
  WAIT_UNTIL (f->n_matches >= 0, "find-matches");
  g_assert_cmpint (f->n_matches, ==, 2);
  pn_reader_view_find_next (f->view);
  pn_reader_view_find_previous (f->view);
  pn_reader_view_find_finish (f->view);
}

/* (d) the dark style changes the page colours, and back */
static char *
page_background (Fixture *f)
{
  return js (f, "return getComputedStyle(document.documentElement).backgroundColor;");
}

static gboolean
background_is (Fixture *f, const char *colour)
{
  g_autofree char *bg = page_background (f);
  return g_strcmp0 (bg, colour) == 0;
}

static void
test_dark_style (Fixture *f, gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *page = long_test_page ();
  g_autofree char *fg = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  show_html (f, page);
  WAIT_UNTIL (background_is (f, "rgb(255, 255, 255)"), "a white page");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  WAIT_UNTIL (background_is (f, "rgb(30, 30, 30)"), "a dark page");
  fg = js (f, "return getComputedStyle(document.querySelector('p')).color;");
  g_assert_cmpstr (fg, ==, "rgb(255, 255, 255)");
  g_assert_true (js_true (f, "return getComputedStyle(document.documentElement).colorScheme === 'dark';"));

  /* a new document opens dark too */
  show_html (f, page);
  WAIT_UNTIL (background_is (f, "rgb(30, 30, 30)"), "a dark page after a load");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  WAIT_UNTIL (background_is (f, "rgb(255, 255, 255)"), "a white page again");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Appearance settings reach the page. */
static void
test_appearance (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();
  g_autofree char *size = NULL;
  g_autofree char *family = NULL;
  g_autofree char *hyphens = NULL;

  show_html (f, page);

  pn_reader_view_set_font_size (f->view, 24);
  pn_reader_view_set_line_spacing (f->view, 1.8);
  pn_reader_view_set_font_family (f->view, PN_FONT_FAMILY_SANS);
  WAIT_UNTIL (js_true (f, "return getComputedStyle(document.querySelector('p')).fontSize === '24px';"),
              "the new text size");
  size = js (f, "const s = getComputedStyle(document.querySelector('p'));"
                "return String(Math.round(parseFloat(s.lineHeight) / parseFloat(s.fontSize) * 10));");
  g_assert_cmpstr (size, ==, "18");
  family = js (f, "return getComputedStyle(document.querySelector('p')).fontFamily;");
  g_assert_nonnull (strstr (family, "Cantarell"));

  pn_reader_view_set_font_family (f->view, PN_FONT_FAMILY_SERIF);
  WAIT_UNTIL (js_true (f, "return getComputedStyle(document.querySelector('p')).fontFamily.includes('Noto Serif');"),
              "the serif face");

  hyphens = js (f, "return getComputedStyle(document.querySelector('p')).webkitHyphens || "
                   "getComputedStyle(document.querySelector('p')).hyphens;");
  g_assert_cmpstr (hyphens, ==, "auto");

  /* zoom steps */
  pn_reader_view_zoom_reset (f->view);
  pn_reader_view_zoom_in (f->view);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (f->view), 1.1, 0.001);
  pn_reader_view_zoom_out (f->view);
  pn_reader_view_zoom_out (f->view);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (f->view), 0.9, 0.001);
  for (int i = 0; i < 20; i++)
    pn_reader_view_zoom_in (f->view);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (f->view), 3.0, 0.001);
  pn_reader_view_zoom_reset (f->view);
  g_assert_cmpfloat_with_epsilon (pn_reader_view_get_zoom_level (f->view), 1.0, 0.001);
}

/* The reading position is reported while scrolling and restored after a load. */
static void
test_position (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();

  show_html (f, page);

  pn_reader_view_set_position (f->view, NULL, 0.5);
  WAIT_UNTIL (f->n_positions > 0, "position-changed");
  g_assert_cmpfloat_with_epsilon (f->last_fraction, 0.5, 0.02);

  /* the position reported names the block at the top of the view */
  pn_reader_view_set_position (f->view, "g10", -1.0);
  WAIT_UNTIL (f->last_anchor != NULL && strcmp (f->last_anchor, "g10") == 0, "position-changed at g10");

  /* set while a load is under way, applied once the page is laid out */
  {
    guint before = f->n_loaded;

    pn_reader_view_load_html_for_testing (f->view, page);
    pn_reader_view_set_position (f->view, "f20", -1.0);
    WAIT_UNTIL (f->n_loaded > before, "document-loaded");
  }
  WAIT_UNTIL (js_true (f, "const t = document.getElementById('f20').getBoundingClientRect().top;"
                          "return t >= -1 && t < 10;"),
              "f20 at the top of the view");

  /* an exact fraction inside the anchor's block is kept as it is */
  {
    g_autofree char *wanted = js (f, "const e = document.scrollingElement;"
                                     "const top = document.getElementById('g5').getBoundingClientRect().top + scrollY;"
                                     "return String((top + 7) / (e.scrollHeight - innerHeight));");
    pn_reader_view_set_position (f->view, "g5", g_ascii_strtod (wanted, NULL));
    WAIT_UNTIL (js_true (f, "const t = document.getElementById('g5').getBoundingClientRect().top;"
                            "return t > -8.5 && t < -5.5;"),
                "g5 seven pixels above the top of the view");
  }

  /* an unknown anchor falls back to the fraction */
  pn_reader_view_set_position (f->view, "nulle-part", 1.0);
  WAIT_UNTIL (js_true (f, "const e = document.scrollingElement;"
                          "return e.scrollTop > 0 && e.scrollTop + innerHeight >= e.scrollHeight - 2;"),
              "the end of the page");
}

/* (e) hostile content reaches no network and runs no script */
static const char hostile_html[] =
  "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>raw</title>"
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *; script-src * 'unsafe-inline'\">"
  "<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:@PORT@/refresh\">"
  "<base href=\"http://127.0.0.1:@PORT@/base/\">"
  "<link rel=\"stylesheet\" href=\"http://127.0.0.1:@PORT@/style.css\">"
  "<link rel=\"preload\" as=\"image\" href=\"http://127.0.0.1:@PORT@/preload.png\">"
  "<link rel=\"prefetch\" href=\"http://127.0.0.1:@PORT@/prefetch\">"
  "<link rel=\"icon\" href=\"http://127.0.0.1:@PORT@/favicon.ico\">"
  "<script src=\"http://127.0.0.1:@PORT@/script.js\"></script>"
  "<script>document.title = 'PWNED'; document.documentElement.setAttribute('data-pwned', 'script');</script>"
  "<style>@import url(\"http://127.0.0.1:@PORT@/import.css\");"
  "body { background-image: url(\"http://127.0.0.1:@PORT@/bg.png\"); }"
  "@font-face { font-family: hostile; src: url(\"http://127.0.0.1:@PORT@/font.woff\"); }"
  "p { font-family: hostile; }</style>"
  "</head><body onload=\"document.documentElement.setAttribute('data-pwned', 'onload')\">"
  "<p>Hostile raw page.</p>"
  "<img src=\"http://127.0.0.1:@PORT@/img.png\">"
  "<img src=\"relative.png\">"
  "<img src=\"x\" onerror=\"document.documentElement.setAttribute('data-pwned', 'onerror')\">"
  "<img srcset=\"http://127.0.0.1:@PORT@/srcset.png 2x\">"
  "<picture><source srcset=\"http://127.0.0.1:@PORT@/picture.png\"><img alt=\"p\"></picture>"
  "<svg width=\"10\" height=\"10\"><image href=\"http://127.0.0.1:@PORT@/svg-image.png\"/>"
  "<script>document.documentElement.setAttribute('data-pwned', 'svg')</script></svg>"
  "<iframe src=\"http://127.0.0.1:@PORT@/iframe\"></iframe>"
  "<iframe srcdoc=\"<script>parent.document.documentElement.setAttribute('data-pwned', 'srcdoc')</script>\"></iframe>"
  "<object data=\"http://127.0.0.1:@PORT@/object\"></object>"
  "<embed src=\"http://127.0.0.1:@PORT@/embed\">"
  "<video src=\"http://127.0.0.1:@PORT@/video.mp4\" autoplay></video>"
  "<audio src=\"http://127.0.0.1:@PORT@/audio.ogg\" autoplay></audio>"
  "<div style=\"background: url('http://127.0.0.1:@PORT@/inline.png')\">inline style</div>"
  "<input type=\"image\" src=\"http://127.0.0.1:@PORT@/input.png\">"
  "<form action=\"http://127.0.0.1:@PORT@/form\" method=\"post\"><button id=\"submit\">go</button></form>"
  "<a id=\"js-link\" href=\"javascript:document.documentElement.setAttribute('data-pwned', 'javascript')\">js</a>"
  "<a id=\"ext-link\" href=\"http://127.0.0.1:@PORT@/clicked\" ping=\"http://127.0.0.1:@PORT@/ping\">external</a>"
  "<a id=\"blank-link\" target=\"_blank\" href=\"http://127.0.0.1:@PORT@/blank\">new window</a>"
  "<a id=\"other-pack\" href=\"prisonnum://pack/another-pack/doc/doc\">other pack</a>"
  "<a id=\"unknown-doc\" href=\"prisonnum://pack/hostile-test/doc/no-such-doc\">unknown doc</a>"
  "<a id=\"file-link\" href=\"file:///etc/passwd\">file</a>"
  "<img id=\"good\" src=\"prisonnum://pack/hostile-test/files/img/square.png\">"
  "<img id=\"not-image\" src=\"prisonnum://pack/hostile-test/files/hostile.md\">"
  "<img id=\"escape\" src=\"prisonnum://pack/hostile-test/files/%2e%2e/pack.json\">"
  "<img id=\"manifest\" src=\"prisonnum://pack/hostile-test/files/pack.json\">"
  "<img id=\"script\" src=\"prisonnum://app/reader.js\">"
  "<img id=\"other\" src=\"prisonnum://pack/another-pack/files/img/square.png\">"
  "</body></html>";

static void
assert_page_clean (Fixture *f, const char *expected_title)
{
  g_autofree char *title = js (f, "return document.title;");
  g_autofree char *pwned = js (f, "return String(document.documentElement.getAttribute('data-pwned'));");
  g_autofree char *page_world = js_in_world (f, NULL,
                                             "return String(typeof window.webkit === 'undefined' || "
                                             "!window.webkit.messageHandlers || "
                                             "!window.webkit.messageHandlers.pn);", NULL);

  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (pwned, ==, "null");
  /* the app's message handler is not reachable from the page's world */
  g_assert_cmpstr (page_world, ==, "true");
}

static guint32
png_crc (const guchar *data, gsize length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1u));
    }
  return crc ^ 0xffffffffu;
}

static void
png_chunk (GByteArray *png, const char *type, const guchar *data, gsize length)
{
  guchar head[8] = { length >> 24, length >> 16, length >> 8, length, type[0], type[1], type[2], type[3] };
  g_autoptr(GByteArray) crc_data = g_byte_array_new ();
  guint32 crc;
  guchar crc_bytes[4];

  g_byte_array_append (crc_data, head + 4, 4);
  g_byte_array_append (crc_data, data, length);
  crc = png_crc (crc_data->data, crc_data->len);
  crc_bytes[0] = crc >> 24; crc_bytes[1] = crc >> 16; crc_bytes[2] = crc >> 8; crc_bytes[3] = crc;
  g_byte_array_append (png, head, 8);
  g_byte_array_append (png, data, length);
  g_byte_array_append (png, crc_bytes, 4);
}

/* A valid 20000 × 20000 black-and-white PNG of some 50 KB: it would decode to
 * a bitmap of 1.6 GB. */
static void
write_huge_png (const char *path)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar ihdr[] = { 0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 1, 0, 0, 0, 0 };
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autofree guchar *row = g_malloc0 (2501);   /* filter byte + 20000 bits */
  g_autoptr(GByteArray) idat = g_byte_array_new ();
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  guchar out[65536];

  for (int y = 0; y <= 20000; y++)
    {
      gboolean last = y == 20000;
      const guchar *in = last ? NULL : row;
      gsize left = last ? 0 : 2501;
      GConverterResult result;

      do
        {
          gsize read = 0, written = 0;

          result = g_converter_convert (G_CONVERTER (zlib), in, left, out, sizeof out,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &read, &written, &error);
          g_assert_no_error (error);
          g_byte_array_append (idat, out, written);
          in = in ? in + read : NULL;
          left -= read;
        }
      while (left > 0 || (last && result != G_CONVERTER_FINISHED));
    }

  g_byte_array_append (png, signature, sizeof signature);
  png_chunk (png, "IHDR", ihdr, sizeof ihdr);
  png_chunk (png, "IDAT", idat->data, idat->len);
  png_chunk (png, "IEND", NULL, 0);
  g_file_set_contents (path, (const char *) png->data, png->len, &error);
  g_assert_no_error (error);
}

static void
test_hostile (Fixture *f, gconstpointer data)
{
  Listener listener;
  g_autofree char *dir = NULL;
  g_autofree char *doc_uri = NULL;
  g_autofree char *html = NULL;
  g_autofree char *images = NULL;
  g_autofree char *r = NULL;

  listener_start (&listener);
  dir = copy_hostile_pack (listener.port);

  /* Through the normal pipeline: Markdown rendered in safe mode. */
  f->pack = load_pack (dir);
  show_document (f, f->pack, "hostile");
  doc_uri = pn_render_document_uri (f->pack, "hostile");
  settle (1000);
  assert_page_clean (f, "Hostile document");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, doc_uri);
  g_assert_cmpuint (listener.connections, ==, 0);
  /* the pack's own image is shown */
  r = js (f, "const img = document.querySelector('article img');"
             "return String(img !== null && await img.decode().then(() => img.naturalWidth, () => 0));");
  g_assert_cmpstr (r, ==, "40");
  g_clear_pointer (&r, g_free);

  /* An image that would decode to a huge bitmap is not served. */
  {
    g_autofree char *huge = g_build_filename (dir, "img", "huge.png", NULL);
    g_autofree char *script = NULL;

    write_huge_png (huge);
    script = g_strdup_printf ("const load = (src) => new Promise((done) => {"
                              "  const img = new Image(); img.onload = () => done('loaded');"
                              "  img.onerror = () => done('refused'); img.src = src; });"
                              "return (await load('prisonnum://pack/%s/files/img/square.png')) + ' ' +"
                              "       (await load('prisonnum://pack/%s/files/img/huge.png'));",
                              pn_pack_get_id (f->pack), pn_pack_get_id (f->pack));
    r = js (f, script);
    g_assert_cmpstr (r, ==, "loaded refused");
    g_clear_pointer (&r, g_free);
  }

  /* Raw hostile HTML straight through the scheme, past the sanitiser: the
   * WebKit layers alone must hold. */
  html = replace_port (hostile_html, listener.port);
  show_html (f, html);
  settle (1000);
  assert_page_clean (f, "raw");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, "prisonnum://pack/_test/doc/_test");
  /* page script markup was dropped by the parser (not only blocked by the CSP) */
  r = js (f, "return String(document.querySelectorAll('script').length + "
             "document.querySelectorAll('[onerror], [onload], [onclick]').length + "
             "document.querySelectorAll('a[href^=\"javascript:\"]').length);");
  g_assert_cmpstr (r, ==, "0");
  g_clear_pointer (&r, g_free);

  /* The scheme serves the pack's images and nothing else. */
  images = js (f, "const ids = ['good', 'not-image', 'escape', 'manifest', 'script', 'other'];"
                  "const out = [];"
                  "for (const id of ids) {"
                  "  const img = document.getElementById(id);"
                  "  const ok = await img.decode().then(() => true, () => false);"
                  "  out.push(id + '=' + (ok && img.naturalWidth > 0));"
                  "}"
                  "return out.join(' ');");
  g_assert_cmpstr (images, ==, "good=true not-image=false escape=false manifest=false script=false other=false");

  /* A script element made through the DOM (by our own code, say) is refused by the CSP. */
  r = js (f, "const s = document.createElement('script');"
             "s.textContent = \"document.documentElement.setAttribute('data-pwned', 'dom-script')\";"
             "document.body.appendChild(s); return true;");
  g_clear_pointer (&r, g_free);

  /* Requests made from a script world, which CSP may not cover: the content
   * filter stops them. */
  {
    g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u", listener.port);
    GVariantDict args;

    g_variant_dict_init (&args, NULL);
    g_variant_dict_insert (&args, "base", "s", base);
    r = js_in_world (f, TEST_WORLD,
                     "try { await fetch(base + '/fetch'); } catch (e) {}"
                     "const img = new Image(); img.src = base + '/new-image.png';"
                     "await img.decode().catch(() => null);"
                     "try { const ws = new WebSocket(base.replace('http', 'ws') + '/ws');"
                     "      await new Promise((r) => { ws.onerror = r; ws.onclose = r; setTimeout(r, 500); }); } catch (e) {}"
                     "return true;",
                     g_variant_dict_end (&args));
  }

  settle (1000);
  g_assert_cmpuint (listener.connections, ==, 0);

  /* Clicks on links that must not navigate the view nor reach the network
   * (WebKit would connect to an http server ahead of the navigation policy if
   * the app's script did not stop the click). */
  {
    const char *links[] = { "#ext-link", "#js-link", "#other-pack", "#unknown-doc", "#file-link",
                            "#blank-link", "#submit", NULL };
    gboolean real = FALSE;

    for (guint i = 0; links[i] != NULL; i++)
      {
        real = click_element (f, links[i]);
        settle (200);
        g_test_message ("after a click on %s: %u connections", links[i], listener.connections);
      }
    settle (1000);
    assert_page_clean (f, "raw");
    g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, "prisonnum://pack/_test/doc/_test");
    if (real)
      {
        /* the user's clicks on the two http links ask the browser, nothing else does */
        g_autofree char *clicked = g_strdup_printf ("http://127.0.0.1:%u/clicked", listener.port);
        g_autofree char *blank = g_strdup_printf ("http://127.0.0.1:%u/blank", listener.port);

        g_assert_cmpuint (f->external_uris->len, ==, 2);
        g_assert_cmpstr (g_ptr_array_index (f->external_uris, 0), ==, clicked);
        g_assert_cmpstr (g_ptr_array_index (f->external_uris, 1), ==, blank);
      }
    else
      g_assert_cmpuint (f->external_uris->len, ==, 0);
    g_assert_cmpuint (listener.connections, ==, 0);
  }

  listener_stop (&listener);
  remove_tree (dir);
}

/* (f) links: external ones go to the browser on a real click only; pack
 * links are handled by the app; unknown addresses are refused. */
static void
test_links (Fixture *f, gconstpointer data)
{
  Listener listener;
  g_autofree char *dir = NULL;
  g_autofree char *doc_uri = NULL;
  g_autofree char *autre_uri = NULL;
  g_autofree char *external = NULL;
  guint loaded;
  gboolean real;

  listener_start (&listener);
  dir = copy_hostile_pack (listener.port);
  f->pack = load_pack (dir);
  show_document (f, f->pack, "hostile");
  doc_uri = pn_render_document_uri (f->pack, "hostile");
  autre_uri = pn_render_document_uri (f->pack, "autre");
  external = g_strdup_printf ("http://127.0.0.1:%u/external-click", listener.port);

  /* An external link: never navigates the view. */
  real = click_element (f, "a.pn-external");
  settle (1000);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, doc_uri);
  if (real)
    {
      /* a user's click asks to open it in the browser */
      g_assert_cmpuint (f->external_uris->len, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (f->external_uris, 0), ==, external);
    }
  else
    /* a script's click is not the user's: nothing opens */
    g_assert_cmpuint (f->external_uris->len, ==, 0);

  /* Addresses the view does not know are refused. */
  webkit_web_view_load_uri (web_view (f), "prisonnum://pack/hostile-test/doc/no-such-doc");
  webkit_web_view_load_uri (web_view (f), "prisonnum://pack/another-pack/doc/hostile");
  webkit_web_view_load_uri (web_view (f), "http://127.0.0.1:1/");
  {
    g_autofree char *r = js (f, "location.href = 'prisonnum://app/reader.js'; return true;");
  }
  settle (1000);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, doc_uri);

  /* A doc: link loads that document and says so. */
  loaded = f->n_loaded;
  click_element (f, "a[href*='/autre']");
  WAIT_UNTIL (f->n_loaded > loaded, "the linked document to load");
  g_assert_cmpstr (f->activated_doc, ==, "autre");
  g_assert_cmpstr (f->activated_anchor, ==, "fin");
  g_assert_cmpstr (pn_reader_view_get_document_id (f->view), ==, "autre");
  g_assert_cmpstr (webkit_web_view_get_uri (web_view (f)), ==, autre_uri);

  g_assert_cmpuint (listener.connections, ==, 0);
  listener_stop (&listener);
  remove_tree (dir);
}

/* Export to PDF without a dialog. */
static void
test_export_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *page = long_test_page ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pn-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint problems = f->n_problems;

  show_html (f, page);
  pn_reader_view_export_pdf (f->view, file);
  WAIT_UNTIL (f->pdf_done || f->n_problems > problems, "the PDF export");
  g_assert_true (f->pdf_done);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_remove (path);

  /* A place that cannot be written: a problem, not a crash nor silence. */
  {
    g_autofree char *bad_path = g_build_filename (dir, "missing-folder", "out.pdf", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

    f->pdf_done = FALSE;
    problems = f->n_problems;
    pn_reader_view_export_pdf (f->view, bad);
    WAIT_UNTIL (f->pdf_done || f->n_problems > problems, "the failed PDF export");
    g_assert_false (f->pdf_done);
    g_assert_cmpuint (f->n_problems, ==, problems + 1);
  }

  g_rmdir (dir);
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

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;

  g_setenv ("WEBKIT_DISABLE_COMPOSITING_MODE", "1", FALSE);
  setup_sandbox ();
  /* A fresh cache folder: the content filter is compiled by the test run. */
  cache = g_dir_make_tmp ("pn-test-cache-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add ("/reader/bundled-pack", Fixture, NULL, fixture_setup, test_bundled_pack, fixture_teardown);
  g_test_add ("/reader/footnote-popover", Fixture, NULL, fixture_setup, test_footnote_popover, fixture_teardown);
  g_test_add ("/reader/popovers", Fixture, NULL, fixture_setup, test_popovers_on_test_page, fixture_teardown);
  g_test_add ("/reader/find", Fixture, NULL, fixture_setup, test_find, fixture_teardown);
  g_test_add ("/reader/find-test-page", Fixture, NULL, fixture_setup, test_find_on_test_page, fixture_teardown);
  g_test_add ("/reader/dark-style", Fixture, NULL, fixture_setup, test_dark_style, fixture_teardown);
  g_test_add ("/reader/appearance", Fixture, NULL, fixture_setup, test_appearance, fixture_teardown);
  g_test_add ("/reader/position", Fixture, NULL, fixture_setup, test_position, fixture_teardown);
  g_test_add ("/reader/hostile", Fixture, NULL, fixture_setup, test_hostile, fixture_teardown);
  g_test_add ("/reader/links", Fixture, NULL, fixture_setup, test_links, fixture_teardown);
  g_test_add ("/reader/export-pdf", Fixture, NULL, fixture_setup, test_export_pdf, fixture_teardown);

  return g_test_run ();
}
