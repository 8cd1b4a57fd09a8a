/* pn-reader-view.c: the text view (WebKitGTK), locked down for untrusted packs
 *
 * Pack content is untrusted. The defences, from the outside in:
 *  1. the model renders Markdown in safe mode (no raw HTML, no dangerous links);
 *  2. page scripts are off (enable-javascript-markup = FALSE); the app's own
 *     script runs in a private script world the page cannot reach;
 *  3. a default Content-Security-Policy (construct-only, also sent as a header)
 *     allows only prisonnum: styles, images and fonts and no scripts;
 *  4. a content filter blocks every http(s), ws(s), ftp and file load;
 *  5. a decide-policy allow-list: the view only navigates to the document it
 *     was asked to show; other pack links are handled by the app, external
 *     links open in the browser on a user's click only, new windows never;
 *  6. the prisonnum: scheme handler answers only the paths it knows: the
 *     reader stylesheet, the current pack's documents and its images;
 *  7. one web context and one ephemeral network session for the app, and
 *     WebKit's own sandbox around the web process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pn-diagnostic.h"
#include "pn-reader-view.h"
#include "pn-render.h"

#define SCRIPT_HANDLER   "pn"
#define READER_RESOURCES "/org/example/Prisonnum/reader/"
#define TEST_PACK_ID     "_test"
#define TEST_URI         "prisonnum://pack/" TEST_PACK_ID "/" TEST_PACK_ID
#define FIND_MAX_MATCHES 1000
#define MAX_MESSAGE_SIZE (256 * 1024)
#define MAX_TEXT_CHARS   16000
#define MAX_ID_BYTES     512
#define MAX_FOOTNOTE_RUNS 400
#define MAX_IMAGE_PIXELS (40 * 1000 * 1000)
#define MAX_IMAGE_SIZE   (16 * 1024 * 1024)
#define MAX_RELOADS      3

/* Every document the view shows gets this policy, as if sent by a server;
 * a page can only add to it. */
#define CONTENT_SECURITY_POLICY \
  "default-src 'none'; style-src prisonnum: 'unsafe-inline'; img-src prisonnum: data:; " \
  "font-src prisonnum:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/* WebKit content-blocker rules. The regular expressions have no alternation:
 * WebKit's rule compiler does not support it. */
static const char content_filter_rules[] =
  "[{\"trigger\":{\"url-filter\":\"^https?:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^wss?:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^ftp:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^file:\"},\"action\":{\"type\":\"block\"}}]";

static const double zoom_steps[] = { 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0 };
#define ZOOM_MIN 0.5
#define ZOOM_MAX 3.0

/* Files of the reader resource that pages may load, and their types. */
static const struct {
  const char *name;
  const char *content_type;
} app_files[] = {
  { "reader.css", "text/css" },
};

/* An empty page of ours, loaded while the content filter is still being
 * compiled or loaded: it starts the web process early, and holds nothing
 * from a pack, so it needs no filter. */
#define BLANK_URI "prisonnum://app/blank"
static const char blank_page[] = "<!DOCTYPE html><html><head><title></title></head><body></body></html>";

static const char * const image_types[] = {
  "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/svg+xml", NULL,
};

static const char * const pack_uri_patterns[] = { "prisonnum://pack/*", NULL };

typedef struct {
  const char *bg;
  const char *fg;
  const char *fg_dim;
  const char *fg_quote;
  const char *accent;
  const char *border;
  const char *quote_bar;
  const char *code_bg;
  const char *selection;
  const char *color_scheme;
} Palette;

/* libadwaita's view colours (light and dark) */
static const Palette light_palette = {
  "#ffffff", "rgba(0, 0, 0, 0.8)", "rgba(0, 0, 0, 0.55)", "rgba(0, 0, 0, 0.72)",
  "#1c71d8", "rgba(0, 0, 0, 0.15)", "rgba(0, 0, 0, 0.18)", "rgba(0, 0, 0, 0.06)",
  "rgba(28, 113, 216, 0.25)", "light",
};
/* Paper: black ink, whatever the screen style */
static const Palette print_palette = {
  "#ffffff", "#000000", "rgba(0, 0, 0, 0.6)", "rgba(0, 0, 0, 0.8)",
  "#000000", "rgba(0, 0, 0, 0.3)", "rgba(0, 0, 0, 0.3)", "rgba(0, 0, 0, 0.06)",
  "rgba(0, 0, 0, 0.15)", "light",
};
static const Palette dark_palette = {
  "#1e1e1e", "#ffffff", "rgba(255, 255, 255, 0.55)", "rgba(255, 255, 255, 0.8)",
  "#78aeed", "rgba(255, 255, 255, 0.15)", "rgba(255, 255, 255, 0.25)", "rgba(255, 255, 255, 0.08)",
  "rgba(120, 174, 237, 0.3)", "dark",
};

struct _PnReaderView {
  GtkWidget parent_instance;

  GtkWidget *overlay;
  WebKitWebView *web_view;
  WebKitUserContentManager *content_manager;
  GtkWidget *hover_revealer;
  GtkWidget *hover_label;

  GtkWidget *footnote_popover;
  GtkWidget *footnote_title;
  GtkWidget *footnote_label;
  GtkWidget *citation_popover;
  GtkWidget *citation_label;
  GtkWidget *citation_abstract;
  GtkWidget *citation_button;
  char *citation_source_id;

  PnPack *pack;
  char *doc_id;
  char *current_uri;     /* the page the view may show (no fragment) */
  char *title;
  char *test_html;
  char *cached_uri;      /* last rendered page, kept for reloads */
  GBytes *cached_page;

  gboolean load_waiting; /* a load waits for the content filter */
  gboolean warming;      /* the blank page may load: no real page was asked for yet */
  gboolean load_finished;
  gboolean page_ready;
  guint reloads;

  gboolean has_pending_position;
  char *pending_anchor;
  double pending_fraction;   /* < 0: show the anchor at the top */
  char *last_anchor;
  double last_fraction;

  int font_size;
  PnFontFamily font_family;
  double line_spacing;
  gboolean dark;
  gboolean filter_added;

  char *find_text;
};

G_DEFINE_FINAL_TYPE (PnReaderView, pn_reader_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (PnFontFamily, pn_font_family,
  G_DEFINE_ENUM_VALUE (PN_FONT_FAMILY_SERIF, "serif"),
  G_DEFINE_ENUM_VALUE (PN_FONT_FAMILY_SANS, "sans"))

enum {
  PROP_0,
  PROP_FONT_SIZE,
  PROP_FONT_FAMILY,
  PROP_LINE_SPACING,
  PROP_ZOOM_LEVEL,
  PROP_DOCUMENT_ID,
  PROP_TITLE,
  PROP_LOADING,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DOCUMENT_LOADED,
  SIGNAL_FIND_MATCHES,
  SIGNAL_POSITION_CHANGED,
  SIGNAL_SOURCE_ACTIVATED,
  SIGNAL_DOCUMENT_ACTIVATED,
  SIGNAL_PROBLEM,
  SIGNAL_EXTERNAL_LINK_ACTIVATED,
  SIGNAL_PDF_EXPORTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static GQuark view_quark;

static void start_load (PnReaderView *self);
static gboolean is_external_uri (const char *uri);
static void update_user_style (PnReaderView *self);

/* ---------------------------------------------------------------------------
 * Shared web context, network session, script world and content filter
 * ------------------------------------------------------------------------- */

typedef struct {
  WebKitWebContext *context;
  WebKitNetworkSession *session;
  char *world;
  GBytes *script;
  WebKitUserContentFilter *filter;
  gboolean filter_done;
  GPtrArray *waiting;       /* views waiting for the filter, unowned */
} Shared;

static Shared *shared;

static void on_scheme_request (WebKitURISchemeRequest *request, gpointer user_data);

static void
filter_done (WebKitUserContentFilter *filter)
{
  shared->filter = filter;
  shared->filter_done = TRUE;

  while (shared->waiting->len > 0)
    {
      PnReaderView *view = g_ptr_array_steal_index (shared->waiting, 0);

      if (filter != NULL && !view->filter_added)
        {
          webkit_user_content_manager_add_filter (view->content_manager, filter);
          view->filter_added = TRUE;
        }
      if (view->load_waiting)
        {
          view->load_waiting = FALSE;
          start_load (view);
        }
    }
}

static void
on_filter_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  WebKitUserContentFilter *filter;

  filter = webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (source),
                                                         result, &error);
  g_free (user_data);
  if (filter == NULL)
    g_warning ("Could not compile the reader's network filter: %s; "
               "the other defences still apply", error->message);
  filter_done (filter);
}

static void
on_filter_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  WebKitUserContentFilterStore *store = WEBKIT_USER_CONTENT_FILTER_STORE (source);
  const char *identifier = user_data;
  WebKitUserContentFilter *filter;

  filter = webkit_user_content_filter_store_load_finish (store, result, NULL);
  if (filter != NULL)
    {
      g_free (user_data);
      filter_done (filter);
      return;
    }

  /* Not compiled yet (or stale): compile it now. */
  {
    g_autoptr(GBytes) rules = g_bytes_new_static (content_filter_rules,
                                                  sizeof content_filter_rules - 1);

    webkit_user_content_filter_store_save (store, identifier, rules, NULL, on_filter_saved, user_data);
  }
}

static Shared *
get_shared (void)
{
  WebKitSecurityManager *security;
  g_autofree char *store_path = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *identifier = NULL;
  WebKitUserContentFilterStore *store;
  const char *languages[] = { "fr", "en", NULL };

  if (shared != NULL)
    return shared;

  shared = g_new0 (Shared, 1);
  shared->waiting = g_ptr_array_new ();
  shared->world = g_dbus_generate_guid ();
  shared->script = g_resources_lookup_data (READER_RESOURCES "reader.js",
                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (shared->script == NULL)
    g_error ("The reader script is missing from the resources");

  shared->context = webkit_web_context_new ();
  webkit_web_context_set_cache_model (shared->context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  webkit_web_context_set_spell_checking_enabled (shared->context, FALSE);
  webkit_web_context_set_preferred_languages (shared->context, languages);
  webkit_web_context_register_uri_scheme (shared->context, PN_SCHEME,
                                          on_scheme_request, NULL, NULL);
  security = webkit_web_context_get_security_manager (shared->context);
  webkit_security_manager_register_uri_scheme_as_secure (security, PN_SCHEME);
  webkit_security_manager_register_uri_scheme_as_local (security, PN_SCHEME);

  shared->session = webkit_network_session_new_ephemeral ();
  webkit_network_session_set_itp_enabled (shared->session, FALSE);
  webkit_network_session_set_persistent_credential_storage_enabled (shared->session, FALSE);

  /* The filter is compiled once and kept in the user cache folder, under a name
   * that changes with the rules. Loads wait for it. */
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content_filter_rules, -1);
  identifier = g_strdup_printf ("pn-block-network-%.16s", checksum);
  store_path = g_build_filename (g_get_user_cache_dir (), "prisonnum", "content-filters", NULL);
  g_mkdir_with_parents (store_path, 0700);
  store = webkit_user_content_filter_store_new (store_path);
  /* The identifier goes with the operation (freed when the filter is ready);
   * the store is kept alive by the pending operations. */
  {
    char *id = g_steal_pointer (&identifier);
    webkit_user_content_filter_store_load (store, id, NULL, on_filter_loaded, id);
  }
  g_object_unref (store);

  return shared;
}

/* ---------------------------------------------------------------------------
 * prisonnum: addresses
 * ------------------------------------------------------------------------- */

typedef struct {
  char *host;
  char **segments;   /* decoded path segments, none empty */
  char *fragment;    /* decoded, or NULL */
  char *base;        /* the address without its fragment */
} PnUri;

static void
pn_uri_free (PnUri *uri)
{
  if (uri == NULL)
    return;
  g_free (uri->host);
  g_strfreev (uri->segments);
  g_free (uri->fragment);
  g_free (uri->base);
  g_free (uri);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnUri, pn_uri_free)

/* Parses a prisonnum://HOST/SEG/SEG[#fragment] address; NULL for anything else
 * (other schemes, user info, port, query, empty or undecodable segments). */
static char *
strip_fragment (const char *uri)
{
  const char *hash = strchr (uri, '#');

  return hash ? g_strndup (uri, hash - uri) : g_strdup (uri);
}

static PnUri *
pn_uri_parse (const char *string)
{
  g_autoptr(GUri) guri = NULL;
  g_autoptr(PnUri) uri = NULL;
  g_auto(GStrv) raw = NULL;
  const char *path;
  const char *fragment;
  guint n;

  if (string == NULL || strlen (string) > 4096)
    return NULL;
  guri = g_uri_parse (string, G_URI_FLAGS_ENCODED, NULL);
  if (guri == NULL)
    return NULL;
  if (g_strcmp0 (g_uri_get_scheme (guri), PN_SCHEME) != 0 ||
      g_uri_get_userinfo (guri) != NULL || g_uri_get_port (guri) != -1 ||
      g_uri_get_query (guri) != NULL || g_uri_get_host (guri) == NULL)
    return NULL;

  path = g_uri_get_path (guri);
  if (path[0] != '/' || path[1] == '\0')
    return NULL;

  uri = g_new0 (PnUri, 1);
  uri->host = g_ascii_strdown (g_uri_get_host (guri), -1);
  raw = g_strsplit (path + 1, "/", 0);
  n = g_strv_length (raw);
  uri->segments = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      char *segment = g_uri_unescape_string (raw[i], "/");

      if (segment == NULL || segment[0] == '\0' || !g_utf8_validate (segment, -1, NULL))
        {
          g_free (segment);
          return NULL;
        }
      uri->segments[i] = segment;
    }

  fragment = g_uri_get_fragment (guri);
  if (fragment != NULL && fragment[0] != '\0')
    {
      uri->fragment = g_uri_unescape_string (fragment, NULL);
      if (uri->fragment == NULL || !g_utf8_validate (uri->fragment, -1, NULL) ||
          strlen (uri->fragment) > MAX_ID_BYTES)
        return NULL;
    }

  uri->base = strip_fragment (string);

  return g_steal_pointer (&uri);
}

static const char *
current_pack_id (PnReaderView *self)
{
  return self->pack ? pn_pack_get_id (self->pack) : NULL;
}

/* ---------------------------------------------------------------------------
 * The scheme handler
 * ------------------------------------------------------------------------- */

static void
finish_not_found (WebKitURISchemeRequest *request, const char *why)
{
  g_autoptr(GError) error = NULL;

  g_debug ("Refused %s: %s", webkit_uri_scheme_request_get_uri (request), why);
  error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: %s",
                       webkit_uri_scheme_request_get_uri (request), why);
  webkit_uri_scheme_request_finish_error (request, error);
}

static void
finish_bytes (WebKitURISchemeRequest *request, GBytes *bytes, const char *content_type)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  SoupMessageHeaders *headers;

  response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (bytes));
  webkit_uri_scheme_response_set_status (response, 200, "OK");
  webkit_uri_scheme_response_set_content_type (response, content_type);

  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  /* The type must be in the headers too: with nosniff, WebKit checks it there. */
  if (g_str_has_prefix (content_type, "text/"))
    {
      g_autofree char *with_charset = g_strconcat (content_type, "; charset=utf-8", NULL);
      soup_message_headers_append (headers, "Content-Type", with_charset);
    }
  else
    soup_message_headers_append (headers, "Content-Type", content_type);
  soup_message_headers_append (headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
  soup_message_headers_append (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_append (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_append (headers, "Cache-Control", "no-store");
  webkit_uri_scheme_response_set_http_headers (response, headers);

  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
serve_app_file (WebKitURISchemeRequest *request, PnUri *uri)
{
  if (g_strv_length (uri->segments) != 1)
    {
      finish_not_found (request, "not an app file");
      return;
    }

  if (strcmp (uri->segments[0], "blank") == 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (blank_page, sizeof blank_page - 1);
      finish_bytes (request, bytes, "text/html");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (app_files); i++)
    {
      if (strcmp (uri->segments[0], app_files[i].name) == 0)
        {
          g_autofree char *path = g_strconcat (READER_RESOURCES, app_files[i].name, NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

          if (bytes == NULL)
            break;
          finish_bytes (request, bytes, app_files[i].content_type);
          return;
        }
    }

  finish_not_found (request, "not an app file");
}

static void
keep_page (PnReaderView *self, const char *base, char *html)
{
  g_clear_pointer (&self->cached_page, g_bytes_unref);
  g_free (self->cached_uri);
  self->cached_uri = g_strdup (base);
  self->cached_page = g_bytes_new_take (html, strlen (html));
}

static GBytes *
render_page (PnReaderView *self, const char *base, const char *doc_id)
{
  PnDocument *doc;
  g_autoptr(GPtrArray) diagnostics = NULL;
  char *html;

  if (self->cached_page != NULL && g_strcmp0 (self->cached_uri, base) == 0)
    return g_bytes_ref (self->cached_page);

  doc = pn_pack_get_document (self->pack, doc_id);
  if (doc == NULL)
    return NULL;

  diagnostics = pn_diagnostics_new ();
  html = pn_render_document (self->pack, doc, diagnostics);
  if (html == NULL)
    return NULL;
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, i));
      g_debug ("%s", line);
    }

  keep_page (self, base, html);
  return g_bytes_ref (self->cached_page);
}

static void
serve_pack_image (PnReaderView *self, WebKitURISchemeRequest *request, PnUri *uri)
{
  g_autofree char *relative = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *guessed = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  for (guint i = 2; uri->segments[i] != NULL; i++)
    if (strcmp (uri->segments[i], ".") == 0 || strcmp (uri->segments[i], "..") == 0)
      {
        finish_not_found (request, "path leaves the pack");
        return;
      }

  relative = g_strjoinv ("/", uri->segments + 2);
  file = pn_pack_resolve (self->pack, relative);
  if (file == NULL)
    {
      finish_not_found (request, "path leaves the pack");
      return;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > MAX_IMAGE_SIZE)
    {
      finish_not_found (request, "no such image");
      return;
    }

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error) || length > MAX_IMAGE_SIZE)
    {
      finish_not_found (request, "unreadable");
      return;
    }

  guessed = g_content_type_guess (relative, (const guchar *) data, length, NULL);
  mime = g_content_type_get_mime_type (guessed);
  if (mime == NULL || !g_strv_contains (image_types, mime))
    {
      finish_not_found (request, "not an image");
      return;
    }

  /* A small file can decode to a huge bitmap: read the size from the header
   * (formats gdk-pixbuf knows; vector images are drawn at their layout size). */
  if (strcmp (mime, "image/svg+xml") != 0)
    {
      g_autofree char *path = g_file_get_path (file);
      int width = 0, height = 0;

      if (path != NULL && gdk_pixbuf_get_file_info (path, &width, &height) != NULL &&
          (gint64) width * height > MAX_IMAGE_PIXELS)
        {
          finish_not_found (request, "image too large once decoded");
          return;
        }
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  finish_bytes (request, bytes, mime);
}

static void
on_scheme_request (WebKitURISchemeRequest *request, gpointer user_data)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  PnReaderView *self = web_view ? g_object_get_qdata (G_OBJECT (web_view), view_quark) : NULL;
  g_autoptr(PnUri) uri = NULL;
  guint n;

  if (self == NULL)
    {
      finish_not_found (request, "not a reader view");
      return;
    }
  if (g_strcmp0 (webkit_uri_scheme_request_get_http_method (request), "GET") != 0)
    {
      finish_not_found (request, "not a GET request");
      return;
    }

  uri = pn_uri_parse (webkit_uri_scheme_request_get_uri (request));
  if (uri == NULL)
    {
      finish_not_found (request, "malformed address");
      return;
    }

  if (strcmp (uri->host, "app") == 0)
    {
      serve_app_file (request, uri);
      return;
    }
  if (strcmp (uri->host, "pack") != 0)
    {
      finish_not_found (request, "unknown host");
      return;
    }

  n = g_strv_length (uri->segments);

  if (self->test_html != NULL && g_strcmp0 (uri->base, TEST_URI) == 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (self->test_html, strlen (self->test_html));
      finish_bytes (request, bytes, "text/html");
      return;
    }

  if (self->pack == NULL || g_strcmp0 (uri->segments[0], current_pack_id (self)) != 0)
    {
      finish_not_found (request, "not the current pack");
      return;
    }

  if (n == 2)
    {
      g_autoptr(GBytes) page = render_page (self, uri->base, uri->segments[1]);

      if (page == NULL)
        finish_not_found (request, "no such document");
      else
        finish_bytes (request, page, "text/html");
      return;
    }

  if (n >= 3 && strcmp (uri->segments[1], "files") == 0)
    {
      serve_pack_image (self, request, uri);
      return;
    }

  finish_not_found (request, "unknown pack path");
}

/* ---------------------------------------------------------------------------
 * Popovers
 * ------------------------------------------------------------------------- */

static void
on_popover_closed (GtkPopover *popover, PnReaderView *self)
{
  if (self->web_view != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

static void
popdown_all (PnReaderView *self)
{
  if (self->footnote_popover)
    gtk_popover_popdown (GTK_POPOVER (self->footnote_popover));
  if (self->citation_popover)
    gtk_popover_popdown (GTK_POPOVER (self->citation_popover));
}

static GtkWidget *
new_popover (PnReaderView *self, GtkWidget *child, GtkWidget *footer)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *content = scroller;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);

  /* The footer (a button) stays in view however long the text. */
  if (footer != NULL)
    {
      content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_box_append (GTK_BOX (content), scroller);
      gtk_box_append (GTK_BOX (content), footer);
    }
  g_object_set_data (G_OBJECT (popover), "pn-scroller", scroller);

  gtk_popover_set_child (GTK_POPOVER (popover), content);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), self);
  return popover;
}

/* A selectable label selects all its text when it takes the focus, as it does
 * when its popover opens; start without a selection instead. */
static gboolean
clear_selection_idle (gpointer data)
{
  GtkLabel *label = data;

  gtk_label_select_region (label, 0, 0);
  g_object_unref (label);
  return G_SOURCE_REMOVE;
}

static void
on_label_focus (GtkLabel *label, GParamSpec *pspec, gpointer user_data)
{
  if (gtk_widget_has_focus (GTK_WIDGET (label)) &&
      g_object_get_data (G_OBJECT (label), "pn-fresh") != NULL)
    {
      g_object_set_data (G_OBJECT (label), "pn-fresh", NULL);
      /* after GtkLabel's own select-on-focus */
      g_idle_add (clear_selection_idle, g_object_ref (label));
    }
}

static void
label_set_fresh (GtkWidget *label)
{
  g_object_set_data (G_OBJECT (label), "pn-fresh", GINT_TO_POINTER (1));
  gtk_label_select_region (GTK_LABEL (label), 0, 0);
}

static GtkWidget *
new_text_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  g_signal_connect_after (label, "notify::has-focus", G_CALLBACK (on_label_focus), NULL);
  return label;
}

static gboolean on_footnote_link (GtkLabel *label, const char *uri, PnReaderView *self);

static void
ensure_footnote_popover (PnReaderView *self)
{
  GtkWidget *box;

  if (self->footnote_popover != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->footnote_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->footnote_title), 0.0f);
  gtk_widget_add_css_class (self->footnote_title, "heading");
  gtk_box_append (GTK_BOX (box), self->footnote_title);

  self->footnote_label = new_text_label ();
  g_signal_connect_object (self->footnote_label, "activate-link",
                           G_CALLBACK (on_footnote_link), self, 0);
  gtk_box_append (GTK_BOX (box), self->footnote_label);

  self->footnote_popover = new_popover (self, box, NULL);
  gtk_widget_add_css_class (self->footnote_popover, "pn-footnote-popover");
}

static void
on_show_in_sources (GtkButton *button, PnReaderView *self)
{
  g_autofree char *id = g_strdup (self->citation_source_id);

  gtk_popover_popdown (GTK_POPOVER (self->citation_popover));
  if (id != NULL)
    g_signal_emit (self, signals[SIGNAL_SOURCE_ACTIVATED], 0, id);
}

static void
on_citation_popover_mapped (GtkWidget *popover, PnReaderView *self)
{
  if (gtk_widget_get_visible (self->citation_button))
    gtk_widget_grab_focus (self->citation_button);
}

static void
ensure_citation_popover (PnReaderView *self)
{
  GtkWidget *box;
  GtkWidget *button;

  if (self->citation_popover != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  self->citation_label = new_text_label ();
  gtk_box_append (GTK_BOX (box), self->citation_label);

  self->citation_abstract = new_text_label ();
  gtk_widget_add_css_class (self->citation_abstract, "dim-label");
  gtk_box_append (GTK_BOX (box), self->citation_abstract);

  button = gtk_button_new_with_mnemonic (_("Show in _Sources"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  g_signal_connect (button, "clicked", G_CALLBACK (on_show_in_sources), self);
  self->citation_button = button;

  self->citation_popover = new_popover (self, box, button);
  /* Focus goes to the one thing to do from here, once the popover has taken
   * it (it gives it to its first child when mapped); the reference can still
   * be selected with the pointer. */
  g_signal_connect_object (self->citation_popover, "map",
                           G_CALLBACK (on_citation_popover_mapped), self, G_CONNECT_AFTER);
  gtk_widget_add_css_class (self->citation_popover, "pn-citation-popover");
}

/* Keeps a popover's text within the view, down to phone widths. */
static void
fit_label_width (PnReaderView *self, GtkWidget *label)
{
  PangoContext *context = gtk_widget_get_pango_context (label);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  /* GTK measures width-chars with the wider of these two */
  int char_width = MAX (1, PANGO_PIXELS (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                              pango_font_metrics_get_approximate_digit_width (metrics))));
  int available = gtk_widget_get_width (GTK_WIDGET (self)) - 72;
  int chars = CLAMP (available / char_width, 12, 48);

  GtkWidget *scroller = gtk_widget_get_ancestor (label, GTK_TYPE_SCROLLED_WINDOW);

  pango_font_metrics_unref (metrics);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (20, chars));
  if (scroller != NULL)
    gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scroller),
                                               MAX (160, gtk_widget_get_width (GTK_WIDGET (self)) - 48));
}

/* @rect is in page (CSS) pixels relative to the viewport. */
static void
point_popover_at (PnReaderView *self, GtkWidget *popover, const graphene_rect_t *rect)
{
  double zoom = webkit_web_view_get_zoom_level (self->web_view);
  graphene_point_t origin;
  graphene_point_t in_view;
  GdkRectangle target;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  in_view = GRAPHENE_POINT_INIT (rect->origin.x * zoom, rect->origin.y * zoom);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->web_view), GTK_WIDGET (self), &in_view, &origin))
    origin = in_view;

  target.x = (int) floor (origin.x);
  target.y = (int) floor (origin.y);
  target.width = MAX (1, (int) ceil (rect->size.width * zoom));
  target.height = MAX (1, (int) ceil (rect->size.height * zoom));
  /* Keep the target inside the view, whatever the page said. */
  target.x = CLAMP (target.x, 0, MAX (0, width - 1));
  target.y = CLAMP (target.y, 0, MAX (0, height - 1));
  target.width = MIN (target.width, MAX (1, width - target.x));
  target.height = MIN (target.height, MAX (1, height - target.y));

  /* Open towards the larger side of the view, and no taller than it. */
  {
    int above = target.y;
    int below = height - (target.y + target.height);
    GtkScrolledWindow *scroller = g_object_get_data (G_OBJECT (popover), "pn-scroller");

    gtk_popover_set_position (GTK_POPOVER (popover), below >= above ? GTK_POS_BOTTOM : GTK_POS_TOP);
    if (scroller != NULL)
      gtk_scrolled_window_set_max_content_height (scroller,
                                                  CLAMP (MAX (above, below) - 120, 80, 360));
  }

  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &target);
}

/* Pango markup for a note, from the runs the page script sent: every piece of
 * text escaped, styles from a fixed set, links only to the pack's own sources.
 * NULL when the runs are missing or malformed (the plain text is shown then). */
static char *
footnote_markup (PnReaderView *self, JsonNode *node)
{
  g_autoptr(GString) markup = NULL;
  JsonArray *runs;
  gsize total = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  runs = json_node_get_array (node);
  if (json_array_get_length (runs) > MAX_FOOTNOTE_RUNS)
    return NULL;

  markup = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (runs); i++)
    {
      JsonNode *run_node = json_array_get_element (runs, i);
      JsonArray *run;
      const char *text, *source_id;
      gint64 flags;
      g_autofree char *escaped = NULL;
      gboolean linked;

      if (!JSON_NODE_HOLDS_ARRAY (run_node))
        return NULL;
      run = json_node_get_array (run_node);
      if (json_array_get_length (run) != 3 ||
          json_node_get_value_type (json_array_get_element (run, 0)) != G_TYPE_STRING ||
          json_node_get_value_type (json_array_get_element (run, 1)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (run, 2)) != G_TYPE_STRING)
        return NULL;
      text = json_array_get_string_element (run, 0);
      flags = json_array_get_int_element (run, 1);
      source_id = json_array_get_string_element (run, 2);
      total += strlen (text);
      if (flags < 0 || flags > 7 || total > MAX_TEXT_CHARS * 4 || strlen (source_id) > MAX_ID_BYTES ||
          !g_utf8_validate (text, -1, NULL) || !g_utf8_validate (source_id, -1, NULL))
        return NULL;

      escaped = g_markup_escape_text (text, -1);
      linked = source_id[0] != '\0' && self->pack != NULL && pn_pack_get_source (self->pack, source_id) != NULL;
      if (linked)
        {
          g_autofree char *href = g_markup_escape_text (source_id, -1);
          g_string_append_printf (markup, "<a href=\"source:%s\">", href);
        }
      if (flags & 1)
        g_string_append (markup, "<i>");
      if (flags & 2)
        g_string_append (markup, "<b>");
      if (flags & 4)
        g_string_append (markup, "<tt>");
      g_string_append (markup, escaped);
      if (flags & 4)
        g_string_append (markup, "</tt>");
      if (flags & 2)
        g_string_append (markup, "</b>");
      if (flags & 1)
        g_string_append (markup, "</i>");
      if (linked)
        g_string_append (markup, "</a>");
    }

  /* Well-formed by construction (GtkLabel, not Pango, reads the <a> tags). */
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* A source cited in a note: show it in the Sources page. */
static gboolean
on_footnote_link (GtkLabel *label, const char *uri, PnReaderView *self)
{
  if (g_str_has_prefix (uri, "source:") && self->pack != NULL &&
      pn_pack_get_source (self->pack, uri + strlen ("source:")) != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->footnote_popover));
      g_signal_emit (self, signals[SIGNAL_SOURCE_ACTIVATED], 0, uri + strlen ("source:"));
    }
  return TRUE;   /* never handed to the system */
}

static void
show_footnote (PnReaderView *self, const char *label, const char *text, const char *markup,
               const graphene_rect_t *rect)
{
  g_autofree char *title = NULL;

  popdown_all (self);
  ensure_footnote_popover (self);

  if (label != NULL && label[0] != '\0')
    /* Translators: heading of the popover showing footnote number %s */
    title = g_strdup_printf (_("Note %s"), label);
  else
    title = g_strdup (_("Note"));
  gtk_label_set_text (GTK_LABEL (self->footnote_title), title);
  /* Markup only as built above from escaped runs; else plain text. */
  if (markup != NULL)
    gtk_label_set_markup (GTK_LABEL (self->footnote_label), markup);
  else
    gtk_label_set_text (GTK_LABEL (self->footnote_label), text);
  label_set_fresh (self->footnote_label);
  fit_label_width (self, self->footnote_label);

  point_popover_at (self, self->footnote_popover, rect);
  gtk_popover_popup (GTK_POPOVER (self->footnote_popover));
}

static void
show_citation (PnReaderView *self, const char *source_id, const graphene_rect_t *rect)
{
  const PnSource *source = self->pack ? pn_pack_get_source (self->pack, source_id) : NULL;
  g_autofree char *markup = NULL;

  popdown_all (self);
  ensure_citation_popover (self);

  g_free (self->citation_source_id);
  self->citation_source_id = NULL;

  if (source != NULL)
    {
      markup = pn_source_format_markup (source);
      self->citation_source_id = g_strdup (source->id);
    }

  /* The model builds this markup from escaped text; check it parses anyway. */
  if (markup != NULL && pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    gtk_label_set_markup (GTK_LABEL (self->citation_label), markup);
  else if (source != NULL && source->title != NULL)
    gtk_label_set_text (GTK_LABEL (self->citation_label), source->title);
  else
    gtk_label_set_text (GTK_LABEL (self->citation_label),
                        _("This source is not listed in the course pack."));

  if (source != NULL && source->abstract != NULL)
    {
      gboolean french = g_str_has_prefix (pn_pack_get_language (self->pack), "fr");
      g_autofree char *abstract = french ? pn_render_french_spacing (source->abstract)
                                         : g_strdup (source->abstract);

      gtk_label_set_text (GTK_LABEL (self->citation_abstract), abstract);
    }
  else
    gtk_label_set_text (GTK_LABEL (self->citation_abstract), "");
  gtk_widget_set_visible (self->citation_abstract, source && source->abstract && source->abstract[0]);
  gtk_widget_set_visible (self->citation_button, source != NULL);
  label_set_fresh (self->citation_label);
  label_set_fresh (self->citation_abstract);
  fit_label_width (self, self->citation_label);
  fit_label_width (self, self->citation_abstract);

  point_popover_at (self, self->citation_popover, rect);
  gtk_popover_popup (GTK_POPOVER (self->citation_popover));
}

/* ---------------------------------------------------------------------------
 * Messages from the page script
 * ------------------------------------------------------------------------- */

/* A string member no longer than @max_chars characters; NULL when absent, null
 * or of another type. */
static const char *
message_string (JsonObject *object, const char *name, gsize max_chars, gboolean *ok)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      *ok = FALSE;
      return NULL;
    }
  value = json_node_get_string (node);
  if (value == NULL || g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      *ok = FALSE;
      return NULL;
    }
  return value;
}

static gboolean
message_number (JsonObject *object, const char *name, double *out)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else
    return FALSE;
  return isfinite (*out) && fabs (*out) < 1e7;
}

static gboolean
message_rect (JsonObject *object, graphene_rect_t *rect)
{
  JsonNode *node = json_object_get_member (object, "rect");
  JsonObject *r;
  double x, y, w, h;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  r = json_node_get_object (node);
  if (!message_number (r, "x", &x) || !message_number (r, "y", &y) ||
      !message_number (r, "w", &w) || !message_number (r, "h", &h) ||
      w < 0 || h < 0)
    return FALSE;
  graphene_rect_init (rect, (float) x, (float) y, (float) w, (float) h);
  return TRUE;
}

static void
apply_position (PnReaderView *self, const char *anchor, double fraction)
{
  GVariantDict args;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "anchor", "s", anchor ? anchor : "");
  g_variant_dict_insert (&args, "fraction", "d", fraction);
  webkit_web_view_call_async_javascript_function (self->web_view,
                                                  "return pnReader.applyPosition(anchor, fraction);", -1,
                                                  g_variant_dict_end (&args),
                                                  shared->world, NULL, NULL, NULL, NULL);
}

static void
maybe_emit_loaded (PnReaderView *self)
{
  if (!self->load_finished || !self->page_ready)
    return;

  if (self->has_pending_position)
    {
      self->has_pending_position = FALSE;
      apply_position (self, self->pending_anchor, self->pending_fraction);
      g_clear_pointer (&self->pending_anchor, g_free);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_signal_emit (self, signals[SIGNAL_DOCUMENT_LOADED], 0);
}

static void
handle_ready (PnReaderView *self, JsonObject *object)
{
  gboolean ok = TRUE;
  const char *href = message_string (object, "href", 4096, &ok);
  const char *title = message_string (object, "title", 1024, &ok);

  if (!ok || href == NULL || g_strcmp0 (href, self->current_uri) != 0)
    return;   /* a stale page, or not ours */

  g_free (self->title);
  self->title = (title && title[0]) ? g_strdup (title) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  /* Never the previous document's title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title ? self->title : _("Document text"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Document text"),
                                  -1);

  self->page_ready = TRUE;
  maybe_emit_loaded (self);
}

static void
handle_position (PnReaderView *self, JsonObject *object)
{
  gboolean ok = TRUE;
  const char *anchor = message_string (object, "anchor", MAX_ID_BYTES, &ok);
  double fraction;

  if (!ok || !message_number (object, "fraction", &fraction))
    return;
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (anchor != NULL && anchor[0] == '\0')
    anchor = NULL;

  g_free (self->last_anchor);
  self->last_anchor = g_strdup (anchor);
  self->last_fraction = fraction;

  g_signal_emit (self, signals[SIGNAL_POSITION_CHANGED], 0, anchor, fraction);
}

static void
on_script_message (WebKitUserContentManager *manager, JSCValue *value, PnReaderView *self)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *type;
  gboolean ok = TRUE;
  graphene_rect_t rect;

  if (self->current_uri == NULL || !jsc_value_is_object (value))
    return;
  json = jsc_value_to_json (value, 0);
  if (json == NULL || strlen (json) > MAX_MESSAGE_SIZE)
    return;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  type = message_string (object, "type", 32, &ok);
  if (!ok || type == NULL)
    return;

  if (strcmp (type, "ready") == 0)
    handle_ready (self, object);
  else if (strcmp (type, "position") == 0)
    handle_position (self, object);
  else if (strcmp (type, "footnote") == 0)
    {
      const char *id = message_string (object, "id", MAX_ID_BYTES, &ok);
      const char *label = message_string (object, "label", 32, &ok);
      const char *text = message_string (object, "text", MAX_TEXT_CHARS, &ok);

      if (ok && id != NULL && text != NULL && message_rect (object, &rect))
        {
          g_autofree char *markup = footnote_markup (self, json_object_get_member (object, "runs"));

          show_footnote (self, label, text, markup, &rect);
        }
    }
  else if (strcmp (type, "citation") == 0)
    {
      const char *id = message_string (object, "id", MAX_ID_BYTES, &ok);

      if (ok && id != NULL && id[0] != '\0' && message_rect (object, &rect))
        show_citation (self, id, &rect);
    }
  else if (strcmp (type, "external") == 0)
    {
      /* A user's click (the script checks the event is trusted; the page
       * cannot reach this handler). */
      const char *href = message_string (object, "href", 4096, &ok);
      gboolean handled = FALSE;

      if (ok && href != NULL && is_external_uri (href))
        g_signal_emit (self, signals[SIGNAL_EXTERNAL_LINK_ACTIVATED], 0, href, &handled);
    }
  else if (strcmp (type, "glossary") == 0)
    {
      /* Reserved for the glossary; nothing to show yet. */
    }
  else
    g_debug ("Unknown message from the reader page: %s", type);
}

/* ---------------------------------------------------------------------------
 * Navigation policy
 * ------------------------------------------------------------------------- */

static gboolean
is_external_uri (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0);
}

static void
load_document_at (PnReaderView *self, const char *doc_id, const char *anchor)
{
  pn_reader_view_load_document (self, doc_id);
  if (anchor != NULL && g_strcmp0 (self->doc_id, doc_id) == 0)
    pn_reader_view_set_position (self, anchor, -1.0);
}

/* A navigation the view refused: pack links are handled by the app, external
 * links open in the browser when the user clicked them. */
static void
handle_refused_navigation (PnReaderView *self, const char *uri_string,
                           WebKitNavigationType type, gboolean user_gesture,
                           gboolean new_window)
{
  g_autoptr(PnUri) uri = NULL;

  /* New windows are never opened, not even in the browser. */
  if (new_window)
    {
      g_debug ("Refused a new window for %s", uri_string);
      return;
    }

  uri = pn_uri_parse (uri_string);
  if (uri != NULL)
    {
      gboolean clicked = type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED;

      if (clicked && self->pack != NULL && strcmp (uri->host, "pack") == 0 &&
          g_strv_length (uri->segments) == 2 &&
          strcmp (uri->segments[0], current_pack_id (self)) == 0)
        {
          const char *target = uri->segments[1];

          if (pn_pack_get_document (self->pack, target) != NULL)
            {
              g_autofree char *doc_id = g_strdup (target);
              g_autofree char *anchor = g_strdup (uri->fragment);

              load_document_at (self, doc_id, anchor);
              g_signal_emit (self, signals[SIGNAL_DOCUMENT_ACTIVATED], 0, doc_id, anchor);
              return;
            }
          if (strcmp (target, "sources") == 0 && uri->fragment != NULL &&
              pn_pack_get_source (self->pack, uri->fragment) != NULL)
            {
              g_signal_emit (self, signals[SIGNAL_SOURCE_ACTIVATED], 0, uri->fragment);
              return;
            }
        }
      g_debug ("Refused navigation to %s", uri_string);
      return;
    }

  if (type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED && user_gesture && is_external_uri (uri_string))
    {
      gboolean handled = FALSE;

      g_signal_emit (self, signals[SIGNAL_EXTERNAL_LINK_ACTIVATED], 0, uri_string, &handled);
      return;
    }

  g_debug ("Refused navigation to %s", uri_string);
}

static gboolean
navigation_allowed (PnReaderView *self, const char *uri, WebKitNavigationType type)
{
  g_autofree char *base = NULL;

  /* The warm-up page, only until a real page is loaded. */
  if (strcmp (uri, BLANK_URI) == 0)
    return self->warming && type == WEBKIT_NAVIGATION_TYPE_OTHER;
  if (self->current_uri == NULL)
    return FALSE;
  base = strip_fragment (uri);
  if (strcmp (base, self->current_uri) != 0)
    return FALSE;

  switch (type)
    {
    case WEBKIT_NAVIGATION_TYPE_OTHER:
    case WEBKIT_NAVIGATION_TYPE_RELOAD:
    case WEBKIT_NAVIGATION_TYPE_LINK_CLICKED:
    case WEBKIT_NAVIGATION_TYPE_BACK_FORWARD:
      return TRUE;
    case WEBKIT_NAVIGATION_TYPE_FORM_SUBMITTED:
    case WEBKIT_NAVIGATION_TYPE_FORM_RESUBMITTED:
    default:
      return FALSE;
    }
}

static gboolean
on_decide_policy (WebKitWebView *web_view, WebKitPolicyDecision *decision,
                  WebKitPolicyDecisionType decision_type, PnReaderView *self)
{
  switch (decision_type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      {
        WebKitNavigationAction *action =
          webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
        g_autofree char *uri = g_strdup (webkit_uri_request_get_uri (webkit_navigation_action_get_request (action)));
        WebKitNavigationType type = webkit_navigation_action_get_navigation_type (action);
        gboolean gesture = webkit_navigation_action_is_user_gesture (action);
        gboolean new_window = decision_type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION;

        if (!new_window && uri != NULL && navigation_allowed (self, uri, type))
          {
            webkit_policy_decision_use (decision);
            return TRUE;
          }
        webkit_policy_decision_ignore (decision);
        if (uri != NULL)
          handle_refused_navigation (self, uri, type, gesture, new_window);
        return TRUE;
      }

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      {
        WebKitResponsePolicyDecision *response = WEBKIT_RESPONSE_POLICY_DECISION (decision);

        /* Nothing is ever downloaded. */
        if (webkit_response_policy_decision_is_mime_type_supported (response))
          webkit_policy_decision_use (decision);
        else
          webkit_policy_decision_ignore (decision);
        return TRUE;
      }

    default:
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }
}

static void
on_show_uri_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  PnReaderView *self = user_data;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the link: %s"), error->message);
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
    }
  g_object_unref (self);
}

static gboolean
pn_reader_view_real_external_link_activated (PnReaderView *self, const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (root) || !is_external_uri (uri))
    return FALSE;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL,
                     on_show_uri_done, g_object_ref (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Other web view signals
 * ------------------------------------------------------------------------- */

static void
on_load_changed (WebKitWebView *web_view, WebKitLoadEvent event, PnReaderView *self)
{
  const char *uri = webkit_web_view_get_uri (web_view);
  g_autofree char *base = uri ? strip_fragment (uri) : NULL;

  if (event != WEBKIT_LOAD_FINISHED || g_strcmp0 (base, self->current_uri) != 0)
    return;
  self->load_finished = TRUE;
  maybe_emit_loaded (self);
}

static gboolean
on_load_failed (WebKitWebView *web_view, WebKitLoadEvent event, const char *failing_uri,
                GError *error, PnReaderView *self)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED) ||
      g_error_matches (error, WEBKIT_POLICY_ERROR, WEBKIT_POLICY_ERROR_FRAME_LOAD_INTERRUPTED_BY_POLICY_CHANGE))
    return FALSE;

  message = g_strdup_printf (_("Could not show the document: %s"), error->message);
  g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
  return FALSE;
}

static void
on_web_process_terminated (WebKitWebView *web_view, WebKitWebProcessTerminationReason reason,
                           PnReaderView *self)
{
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API || self->current_uri == NULL)
    return;

  if (self->reloads >= MAX_RELOADS)
    {
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0,
                     _("The text view stopped working. Try opening the document again."));
      return;
    }
  self->reloads++;
  g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, _("The text view stopped unexpectedly and was reloaded."));
  if (!self->has_pending_position)
    pn_reader_view_set_position (self, self->last_anchor, self->last_fraction);
  start_load (self);
}

static gboolean
on_permission_request (WebKitWebView *web_view, WebKitPermissionRequest *request, gpointer user_data)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
on_refuse (WebKitWebView *web_view, gpointer user_data)
{
  return TRUE;   /* handled: nothing happens */
}

static GtkWidget *
on_create (WebKitWebView *web_view, WebKitNavigationAction *action, gpointer user_data)
{
  return NULL;
}

static gboolean
on_context_menu (WebKitWebView *web_view, WebKitContextMenu *menu,
                 WebKitHitTestResult *hit, gpointer user_data)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));
  gboolean external = webkit_hit_test_result_context_is_link (hit) &&
                      is_external_uri (webkit_hit_test_result_get_link_uri (hit));
  guint kept = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (item);

      if (action == WEBKIT_CONTEXT_MENU_ACTION_COPY ||
          action == WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL ||
          (external && action == WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD))
        kept++;
      else
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);

  return kept == 0;   /* TRUE: no menu at all */
}

static void
on_mouse_target_changed (WebKitWebView *web_view, WebKitHitTestResult *hit,
                         guint modifiers, PnReaderView *self)
{
  const char *uri = webkit_hit_test_result_context_is_link (hit)
                      ? webkit_hit_test_result_get_link_uri (hit) : NULL;

  if (uri != NULL && is_external_uri (uri))
    {
      gtk_label_set_text (GTK_LABEL (self->hover_label), uri);
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->hover_revealer), TRUE);
    }
  else
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->hover_revealer), FALSE);
}

static void
on_counted_matches (WebKitFindController *controller, guint n, PnReaderView *self)
{
  g_signal_emit (self, signals[SIGNAL_FIND_MATCHES], 0, n);
}

static void
on_failed_to_find (WebKitFindController *controller, PnReaderView *self)
{
  /* "counted-matches" reports 0 as well; nothing more to do. */
}

static void
on_zoom_notify (WebKitWebView *web_view, GParamSpec *pspec, PnReaderView *self)
{
  popdown_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LEVEL]);
}

static gboolean
on_scroll_zoom (GtkEventControllerScroll *controller, double dx, double dy, PnReaderView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  if (dy < 0)
    pn_reader_view_zoom_in (self);
  else
    pn_reader_view_zoom_out (self);
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Appearance
 * ------------------------------------------------------------------------- */

static void
update_user_style (PnReaderView *self)
{
  const Palette *p = self->dark ? &dark_palette : &light_palette;
  char spacing[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) css = g_string_new (NULL);
  WebKitUserStyleSheet *sheet;
  GdkRGBA bg;

  g_ascii_formatd (spacing, sizeof spacing, "%.3g", self->line_spacing);

  g_string_append_printf (css,
    ":root {\n"
    "  --pn-font-size: %dpx;\n"
    "  --pn-line-height: %s;\n"
    "  --pn-font-family: %s;\n",
    self->font_size, spacing,
    self->font_family == PN_FONT_FAMILY_SANS ? "var(--pn-sans)" : "var(--pn-serif)");

#define PALETTE(pal) \
  "  --pn-bg: %s;\n  --pn-fg: %s;\n  --pn-fg-dim: %s;\n  --pn-fg-quote: %s;\n" \
  "  --pn-accent: %s;\n  --pn-border: %s;\n  --pn-quote-bar: %s;\n  --pn-code-bg: %s;\n" \
  "  --pn-selection: %s;\n  --pn-color-scheme: %s;\n", \
  (pal)->bg, (pal)->fg, (pal)->fg_dim, (pal)->fg_quote, (pal)->accent, (pal)->border, \
  (pal)->quote_bar, (pal)->code_bg, (pal)->selection, (pal)->color_scheme

  g_string_append_printf (css, PALETTE (p));
  g_string_append (css, "}\n");

  g_string_append (css, "@media print {\n:root {\n");
  g_string_append_printf (css, PALETTE (&print_palette));
  g_string_append (css, "  --pn-font-size: 11pt;\n}\n}\n");
#undef PALETTE

  webkit_user_content_manager_remove_all_style_sheets (self->content_manager);
  sheet = webkit_user_style_sheet_new (css->str, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                       WEBKIT_USER_STYLE_LEVEL_USER, pack_uri_patterns, NULL);
  webkit_user_content_manager_add_style_sheet (self->content_manager, sheet);
  webkit_user_style_sheet_unref (sheet);

  if (gdk_rgba_parse (&bg, p->bg))
    webkit_web_view_set_background_color (self->web_view, &bg);
}

static void
on_dark_changed (AdwStyleManager *manager, GParamSpec *pspec, PnReaderView *self)
{
  gboolean dark = adw_style_manager_get_dark (manager);

  if (dark == self->dark)
    return;
  self->dark = dark;
  update_user_style (self);
}

/* ---------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------- */

static void
reset_page_state (PnReaderView *self)
{
  self->load_finished = FALSE;
  self->page_ready = FALSE;
  popdown_all (self);
  pn_reader_view_find_finish (self);
}

static void
start_load (PnReaderView *self)
{
  const char *shown;

  if (self->current_uri == NULL)
    return;

  if (!shared->filter_done)
    {
      self->load_waiting = TRUE;
      if (!g_ptr_array_find (shared->waiting, self, NULL))
        g_ptr_array_add (shared->waiting, self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  reset_page_state (self);
  self->warming = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  shown = webkit_web_view_get_uri (self->web_view);
  if (shown != NULL && g_strcmp0 (shown, self->current_uri) == 0)
    webkit_web_view_reload (self->web_view);
  else
    webkit_web_view_load_uri (self->web_view, self->current_uri);
}

static void
set_current_uri (PnReaderView *self, const char *uri)
{
  if (g_strcmp0 (self->current_uri, uri) != 0)
    {
      g_free (self->current_uri);
      self->current_uri = g_strdup (uri);
      self->reloads = 0;
      g_clear_pointer (&self->title, g_free);
      g_clear_pointer (&self->last_anchor, g_free);
      self->last_fraction = 0.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/* ---------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static WebKitWebView *
create_web_view (PnReaderView *self)
{
  WebKitSettings *settings = webkit_settings_new ();
  WebKitUserScript *script;
  WebKitWebsitePolicies *policies;
  WebKitWebView *web_view;
  const char *source = g_bytes_get_data (shared->script, NULL);

  webkit_settings_set_enable_javascript (settings, TRUE);           /* for the app's own script */
  webkit_settings_set_enable_javascript_markup (settings, FALSE);   /* none of the page's */
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_javascript_can_access_clipboard (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_media_stream (settings, FALSE);
  webkit_settings_set_enable_webrtc (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_mediasource (settings, FALSE);
  webkit_settings_set_enable_encrypted_media (settings, FALSE);
  webkit_settings_set_enable_media_capabilities (settings, FALSE);
  webkit_settings_set_enable_fullscreen (settings, FALSE);
  webkit_settings_set_allow_modal_dialogs (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_top_navigation_to_data_urls (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_site_specific_quirks (settings, FALSE);
  webkit_settings_set_enable_write_console_messages_to_stdout (settings, FALSE);
  webkit_settings_set_enable_tabs_to_links (settings, TRUE);
  webkit_settings_set_enable_caret_browsing (settings, FALSE);
  webkit_settings_set_print_backgrounds (settings, FALSE);
  webkit_settings_set_default_charset (settings, "utf-8");
  webkit_settings_set_serif_font_family (settings, "Noto Serif");
  webkit_settings_set_default_font_family (settings, "Noto Serif");

  self->content_manager = webkit_user_content_manager_new ();
  script = webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                             WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                             shared->world, pack_uri_patterns, NULL);
  webkit_user_content_manager_add_script (self->content_manager, script);
  webkit_user_script_unref (script);
  /* Connect before registering, in the private world only. */
  g_signal_connect (self->content_manager, "script-message-received::" SCRIPT_HANDLER,
                    G_CALLBACK (on_script_message), self);
  webkit_user_content_manager_register_script_message_handler (self->content_manager,
                                                               SCRIPT_HANDLER, shared->world);
  if (shared->filter != NULL)
    {
      webkit_user_content_manager_add_filter (self->content_manager, shared->filter);
      self->filter_added = TRUE;
    }

  policies = webkit_website_policies_new_with_policies ("autoplay", WEBKIT_AUTOPLAY_DENY, NULL);

  web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "web-context", shared->context,
                           "network-session", shared->session,
                           "user-content-manager", self->content_manager,
                           "settings", settings,
                           "website-policies", policies,
                           "default-content-security-policy", CONTENT_SECURITY_POLICY,
                           NULL);
  g_object_unref (settings);
  g_object_unref (policies);
  return web_view;
}

static void
pn_reader_view_init (PnReaderView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  WebKitFindController *find;
  GtkEventController *scroll;
  GtkWidget *bar;

  get_shared ();

  self->font_size = 19;
  self->font_family = PN_FONT_FAMILY_SERIF;
  self->line_spacing = 1.55;
  self->dark = adw_style_manager_get_dark (style);

  self->web_view = create_web_view (self);
  g_object_set_qdata (G_OBJECT (self->web_view), view_quark, self);
  /* Start the web process now, while the window is built, the pack read and
   * the content filter made ready. */
  self->warming = TRUE;
  webkit_web_view_load_uri (self->web_view, BLANK_URI);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text"),
                                  -1);

  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->web_view));
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  /* The address of the external link under the pointer, as browsers show it. */
  self->hover_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->hover_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->hover_label), 80);
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (bar, "osd");
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_box_append (GTK_BOX (bar), self->hover_label);
  self->hover_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->hover_revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_child (GTK_REVEALER (self->hover_revealer), bar);
  gtk_widget_set_halign (self->hover_revealer, GTK_ALIGN_START);
  gtk_widget_set_valign (self->hover_revealer, GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->hover_revealer, 6);
  gtk_widget_set_margin_bottom (self->hover_revealer, 6);
  gtk_widget_set_can_target (self->hover_revealer, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->hover_revealer);

  g_signal_connect (self->web_view, "decide-policy", G_CALLBACK (on_decide_policy), self);
  g_signal_connect (self->web_view, "load-changed", G_CALLBACK (on_load_changed), self);
  g_signal_connect (self->web_view, "load-failed", G_CALLBACK (on_load_failed), self);
  g_signal_connect (self->web_view, "web-process-terminated", G_CALLBACK (on_web_process_terminated), self);
  g_signal_connect (self->web_view, "permission-request", G_CALLBACK (on_permission_request), NULL);
  g_signal_connect (self->web_view, "create", G_CALLBACK (on_create), NULL);
  g_signal_connect (self->web_view, "context-menu", G_CALLBACK (on_context_menu), NULL);
  g_signal_connect (self->web_view, "mouse-target-changed", G_CALLBACK (on_mouse_target_changed), self);
  g_signal_connect (self->web_view, "notify::zoom-level", G_CALLBACK (on_zoom_notify), self);
  g_signal_connect (self->web_view, "run-file-chooser", G_CALLBACK (on_refuse), NULL);
  g_signal_connect (self->web_view, "show-notification", G_CALLBACK (on_refuse), NULL);
  g_signal_connect (self->web_view, "enter-fullscreen", G_CALLBACK (on_refuse), NULL);
  g_signal_connect (self->web_view, "print", G_CALLBACK (on_refuse), NULL);
  g_signal_connect (self->web_view, "script-dialog", G_CALLBACK (on_refuse), NULL);

  find = webkit_web_view_get_find_controller (self->web_view);
  g_signal_connect (find, "counted-matches", G_CALLBACK (on_counted_matches), self);
  g_signal_connect (find, "failed-to-find-text", G_CALLBACK (on_failed_to_find), self);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                            GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_zoom), self);
  gtk_widget_add_controller (GTK_WIDGET (self->web_view), scroll);

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_dark_changed), self, 0);

  update_user_style (self);

  if (!shared->filter_done)
    g_ptr_array_add (shared->waiting, self);
}

static void
pn_reader_view_dispose (GObject *object)
{
  PnReaderView *self = PN_READER_VIEW (object);

  if (shared != NULL)
    g_ptr_array_remove (shared->waiting, self);

  if (self->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      g_signal_handlers_disconnect_by_data (webkit_web_view_get_find_controller (self->web_view), self);
      g_object_set_qdata (G_OBJECT (self->web_view), view_quark, NULL);
      self->web_view = NULL;
    }
  if (self->content_manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->content_manager, self);
      webkit_user_content_manager_unregister_script_message_handler (self->content_manager,
                                                                     SCRIPT_HANDLER, shared->world);
      g_clear_object (&self->content_manager);
    }

  g_clear_pointer (&self->footnote_popover, gtk_widget_unparent);
  g_clear_pointer (&self->citation_popover, gtk_widget_unparent);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);

  g_clear_object (&self->pack);

  G_OBJECT_CLASS (pn_reader_view_parent_class)->dispose (object);
}

static void
pn_reader_view_finalize (GObject *object)
{
  PnReaderView *self = PN_READER_VIEW (object);

  g_free (self->doc_id);
  g_free (self->current_uri);
  g_free (self->title);
  g_free (self->test_html);
  g_free (self->cached_uri);
  g_clear_pointer (&self->cached_page, g_bytes_unref);
  g_free (self->pending_anchor);
  g_free (self->last_anchor);
  g_free (self->citation_source_id);
  g_free (self->find_text);

  G_OBJECT_CLASS (pn_reader_view_parent_class)->finalize (object);
}

static void
pn_reader_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  PnReaderView *self = PN_READER_VIEW (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
pn_reader_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PnReaderView *self = PN_READER_VIEW (widget);

  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
  if (self->footnote_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->footnote_popover));
  if (self->citation_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->citation_popover));
}

static gboolean
pn_reader_view_grab_focus (GtkWidget *widget)
{
  PnReaderView *self = PN_READER_VIEW (widget);

  return self->web_view != NULL && gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

static void
pn_reader_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PnReaderView *self = PN_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_FONT_SIZE:
      g_value_set_int (value, self->font_size);
      break;
    case PROP_FONT_FAMILY:
      g_value_set_enum (value, self->font_family);
      break;
    case PROP_LINE_SPACING:
      g_value_set_double (value, self->line_spacing);
      break;
    case PROP_ZOOM_LEVEL:
      g_value_set_double (value, pn_reader_view_get_zoom_level (self));
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->doc_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, pn_reader_view_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_reader_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PnReaderView *self = PN_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_FONT_SIZE:
      pn_reader_view_set_font_size (self, g_value_get_int (value));
      break;
    case PROP_FONT_FAMILY:
      pn_reader_view_set_font_family (self, g_value_get_enum (value));
      break;
    case PROP_LINE_SPACING:
      pn_reader_view_set_line_spacing (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_LEVEL:
      pn_reader_view_set_zoom_level (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_reader_view_class_init (PnReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_reader_view_dispose;
  object_class->finalize = pn_reader_view_finalize;
  object_class->get_property = pn_reader_view_get_property;
  object_class->set_property = pn_reader_view_set_property;

  widget_class->measure = pn_reader_view_measure;
  widget_class->size_allocate = pn_reader_view_size_allocate;
  widget_class->grab_focus = pn_reader_view_grab_focus;

  view_quark = g_quark_from_static_string ("pn-reader-view");

  properties[PROP_FONT_SIZE] =
    g_param_spec_int ("font-size", NULL, NULL, 8, 72, 19,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_FAMILY] =
    g_param_spec_enum ("font-family", NULL, NULL, PN_TYPE_FONT_FAMILY, PN_FONT_FAMILY_SERIF,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE_SPACING] =
    g_param_spec_double ("line-spacing", NULL, NULL, 1.0, 3.0, 1.55,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_LEVEL] =
    g_param_spec_double ("zoom-level", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_DOCUMENT_LOADED] =
    g_signal_new ("document-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_FIND_MATCHES] =
    g_signal_new ("find-matches", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_POSITION_CHANGED] =
    g_signal_new ("position-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_DOUBLE);
  signals[SIGNAL_SOURCE_ACTIVATED] =
    g_signal_new ("source-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_EXTERNAL_LINK_ACTIVATED] =
    g_signal_new_class_handler ("external-link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (pn_reader_view_real_external_link_activated),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  signals[SIGNAL_PDF_EXPORTED] =
    g_signal_new ("pdf-exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_css_name (widget_class, "pn-reader-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* ---------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

GtkWidget *
pn_reader_view_new (void)
{
  return g_object_new (PN_TYPE_READER_VIEW, NULL);
}

void
pn_reader_view_keep_page (PnReaderView *self, const char *doc_id, char *html)
{
  g_autofree char *base = NULL;

  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (html != NULL);

  if (self->pack == NULL || pn_pack_get_document (self->pack, doc_id) == NULL)
    {
      g_free (html);
      return;
    }
  base = pn_render_document_uri (self->pack, doc_id);
  keep_page (self, base, html);
}

void
pn_reader_view_set_pack (PnReaderView *self, PnPack *pack)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (pack == NULL || PN_IS_PACK (pack));

  if (self->pack == pack)
    return;

  g_set_object (&self->pack, pack);
  g_clear_pointer (&self->cached_page, g_bytes_unref);
  g_clear_pointer (&self->cached_uri, g_free);
  g_clear_pointer (&self->doc_id, g_free);
  set_current_uri (self, NULL);
  self->has_pending_position = FALSE;
  reset_page_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
}

PnPack *
pn_reader_view_get_pack (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->pack;
}

void
pn_reader_view_load_document (PnReaderView *self, const char *doc_id)
{
  g_autofree char *uri = NULL;
  PnDocument *doc;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (self->pack == NULL)
    {
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, _("No course pack is open."));
      return;
    }

  if (doc_id == NULL)
    {
      GPtrArray *documents = pn_pack_get_documents (self->pack);

      doc = documents && documents->len > 0 ? g_ptr_array_index (documents, 0) : NULL;
    }
  else
    doc = pn_pack_get_document (self->pack, doc_id);

  if (doc == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The course pack has no document “%s”."),
                                                  doc_id ? doc_id : "");
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
      return;
    }

  g_clear_pointer (&self->test_html, g_free);
  g_free (self->doc_id);
  self->doc_id = g_strdup (pn_document_get_id (doc));
  uri = pn_render_document_uri (self->pack, self->doc_id);
  set_current_uri (self, uri);
  self->has_pending_position = FALSE;
  g_clear_pointer (&self->pending_anchor, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);

  start_load (self);
}

void
pn_reader_view_load_html_for_testing (PnReaderView *self, const char *html)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (html != NULL);

  g_free (self->test_html);
  self->test_html = g_strdup (html);
  g_clear_pointer (&self->doc_id, g_free);
  /* Forget what the view shows so that the same address loads the new HTML. */
  set_current_uri (self, NULL);
  set_current_uri (self, TEST_URI);
  self->has_pending_position = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);

  start_load (self);
}

const char *
pn_reader_view_get_document_id (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->doc_id;
}

const char *
pn_reader_view_get_title (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->title;
}

gboolean
pn_reader_view_is_loading (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  return self->current_uri != NULL && !(self->load_finished && self->page_ready);
}

WebKitWebView *
pn_reader_view_get_web_view (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->web_view;
}

const char *
pn_reader_view_get_script_world (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return shared->world;
}

void
pn_reader_view_set_font_size (PnReaderView *self, int px)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  px = CLAMP (px, 8, 72);
  if (px == self->font_size)
    return;
  self->font_size = px;
  update_user_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

void
pn_reader_view_set_font_family (PnReaderView *self, PnFontFamily family)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (family == PN_FONT_FAMILY_SERIF || family == PN_FONT_FAMILY_SANS);

  if (family == self->font_family)
    return;
  self->font_family = family;
  update_user_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_FAMILY]);
}

void
pn_reader_view_set_line_spacing (PnReaderView *self, double spacing)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (!isfinite (spacing))
    return;
  spacing = CLAMP (spacing, 1.0, 3.0);
  if (fabs (spacing - self->line_spacing) < 0.001)
    return;
  self->line_spacing = spacing;
  update_user_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_SPACING]);
}

void
pn_reader_view_set_zoom_level (PnReaderView *self, double zoom)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (!isfinite (zoom))
    return;
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - webkit_web_view_get_zoom_level (self->web_view)) < 0.001)
    return;
  /* notify::zoom-level of the web view notifies ours */
  webkit_web_view_set_zoom_level (self->web_view, zoom);
}

double
pn_reader_view_get_zoom_level (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), 1.0);
  return webkit_web_view_get_zoom_level (self->web_view);
}

void
pn_reader_view_zoom_in (PnReaderView *self)
{
  double zoom;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  zoom = pn_reader_view_get_zoom_level (self);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > zoom + 0.001)
      {
        pn_reader_view_set_zoom_level (self, zoom_steps[i]);
        return;
      }
}

void
pn_reader_view_zoom_out (PnReaderView *self)
{
  double zoom;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  zoom = pn_reader_view_get_zoom_level (self);
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - 0.001)
      {
        pn_reader_view_set_zoom_level (self, zoom_steps[i - 1]);
        return;
      }
}

void
pn_reader_view_zoom_reset (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  pn_reader_view_set_zoom_level (self, 1.0);
}

#define FIND_OPTIONS (WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE | WEBKIT_FIND_OPTIONS_WRAP_AROUND)

void
pn_reader_view_find (PnReaderView *self, const char *text)
{
  WebKitFindController *find;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  find = webkit_web_view_get_find_controller (self->web_view);
  g_free (self->find_text);
  self->find_text = (text && text[0]) ? g_strdup (text) : NULL;

  if (self->find_text == NULL)
    {
      webkit_find_controller_search_finish (find);
      g_signal_emit (self, signals[SIGNAL_FIND_MATCHES], 0, 0u);
      return;
    }

  webkit_find_controller_search (find, self->find_text, FIND_OPTIONS, FIND_MAX_MATCHES);
  webkit_find_controller_count_matches (find, self->find_text, FIND_OPTIONS, FIND_MAX_MATCHES);
}

void
pn_reader_view_find_next (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  if (self->find_text != NULL)
    webkit_find_controller_search_next (webkit_web_view_get_find_controller (self->web_view));
}

void
pn_reader_view_find_previous (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  if (self->find_text != NULL)
    webkit_find_controller_search_previous (webkit_web_view_get_find_controller (self->web_view));
}

void
pn_reader_view_find_finish (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_clear_pointer (&self->find_text, g_free);
  webkit_find_controller_search_finish (webkit_web_view_get_find_controller (self->web_view));
}

void
pn_reader_view_set_position (PnReaderView *self, const char *anchor, double fraction)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (anchor != NULL && (anchor[0] == '\0' || strlen (anchor) > MAX_ID_BYTES ||
                         !g_utf8_validate (anchor, -1, NULL)))
    anchor = NULL;
  if (!isfinite (fraction))
    fraction = 0.0;
  fraction = fraction < 0 ? -1.0 : MIN (fraction, 1.0);
  if (anchor == NULL && fraction < 0)
    return;

  if (self->current_uri != NULL && self->load_finished && self->page_ready)
    {
      apply_position (self, anchor, fraction);
      return;
    }

  g_free (self->pending_anchor);
  self->pending_anchor = g_strdup (anchor);
  self->pending_fraction = fraction;
  self->has_pending_position = TRUE;
}
