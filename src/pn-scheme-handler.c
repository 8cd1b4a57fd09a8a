/* pn-scheme-handler.c: answers the prisonnum: requests of a reader view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "pn-diagnostic.h"
#include "pn-pack-uri.h"
#include "pn-render.h"
#include "pn-scheme-handler.h"
#include "pn-web-shell.h"

#define READER_RESOURCES "/org/example/Prisonnum/reader/"
#define MAX_IMAGE_PIXELS (40 * 1000 * 1000)
#define MAX_IMAGE_SIZE   (16 * 1024 * 1024)

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
static const char blank_page[] = "<!DOCTYPE html><html><head><title></title></head><body></body></html>";

static const char * const image_types[] = {
  "image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/svg+xml", NULL,
};

struct _PnSchemeHandler {
  GObject parent_instance;

  WebKitWebView *web_view;   /* unowned, while attached */
  PnPack *pack;
  char *test_html;
  char *cached_uri;          /* last page served, kept for reloads */
  GBytes *cached_page;       /* its HTML */
  PnRenderedPage *rendered;  /* the same page rendered here (text, blocks), or NULL when it
                              * was handed over as HTML only */
  PnGlossaryLinkMode link_mode;  /* which glossary terms the pages rendered here mark */
};

G_DEFINE_FINAL_TYPE (PnSchemeHandler, pn_scheme_handler, G_TYPE_OBJECT)

static GQuark handler_quark;

void
pn_scheme_handler_finish_refused (WebKitURISchemeRequest *request, const char *why)
{
  g_autoptr(GError) error = NULL;

  g_debug ("Refused %s: %s", webkit_uri_scheme_request_get_uri (request), why);
  error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: %s",
                       webkit_uri_scheme_request_get_uri (request), why);
  webkit_uri_scheme_request_finish_error (request, error);
}

void
pn_scheme_handler_finish_bytes (WebKitURISchemeRequest *request, GBytes *bytes, const char *content_type)
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
  soup_message_headers_append (headers, "Content-Security-Policy", PN_WEB_SHELL_CSP);
  soup_message_headers_append (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_append (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_append (headers, "Cache-Control", "no-store");
  webkit_uri_scheme_response_set_http_headers (response, headers);

  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
serve_app_file (WebKitURISchemeRequest *request, PnPackUri *uri)
{
  if (strcmp (uri->id, "blank") == 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (blank_page, sizeof blank_page - 1);
      pn_scheme_handler_finish_bytes (request, bytes, "text/html");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (app_files); i++)
    {
      if (strcmp (uri->id, app_files[i].name) == 0)
        {
          g_autofree char *path = g_strconcat (READER_RESOURCES, app_files[i].name, NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

          if (bytes == NULL)
            break;
          pn_scheme_handler_finish_bytes (request, bytes, app_files[i].content_type);
          return;
        }
    }

  pn_scheme_handler_finish_refused (request, "not an app file");
}

static void
keep_page (PnSchemeHandler *self, const char *base, char *html, PnRenderedPage *rendered)
{
  g_clear_pointer (&self->cached_page, g_bytes_unref);
  g_clear_object (&self->rendered);
  g_free (self->cached_uri);
  self->cached_uri = g_strdup (base);
  if (rendered != NULL)
    {
      self->rendered = g_object_ref (rendered);
      self->cached_page = g_bytes_new (pn_rendered_page_get_html (rendered),
                                       strlen (pn_rendered_page_get_html (rendered)));
    }
  else
    self->cached_page = g_bytes_new_take (html, strlen (html));
}

/* @doc_id of the current pack, rendered by the model's pipeline (and kept). */
static PnRenderedPage *
render (PnSchemeHandler *self, const char *base, const char *doc_id)
{
  PnDocument *doc = pn_pack_get_document (self->pack, doc_id);
  g_autoptr(PnRenderedPage) page = NULL;
  GPtrArray *diagnostics;

  if (doc == NULL)
    return NULL;
  page = pn_render_page_full (self->pack, doc, self->link_mode);
  diagnostics = pn_rendered_page_get_diagnostics (page);
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      g_autofree char *line = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, i));
      g_debug ("%s", line);
    }
  keep_page (self, base, NULL, page);
  return self->rendered;
}

static GBytes *
render_page (PnSchemeHandler *self, const char *base, const char *doc_id)
{
  if (self->cached_page != NULL && g_strcmp0 (self->cached_uri, base) == 0)
    return g_bytes_ref (self->cached_page);
  if (render (self, base, doc_id) == NULL)
    return NULL;
  return g_bytes_ref (self->cached_page);
}

/* A file of the pack, if it is an image of a sane size. */
static void
serve_pack_media (PnSchemeHandler *self, WebKitURISchemeRequest *request, PnPackUri *uri)
{
  g_autoptr(GFile) file = pn_pack_resolve (self->pack, uri->id);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  g_autofree char *guessed = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;

  if (file == NULL)
    {
      pn_scheme_handler_finish_refused (request, "path leaves the pack");
      return;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > MAX_IMAGE_SIZE)
    {
      pn_scheme_handler_finish_refused (request, "no such image");
      return;
    }

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, NULL) || length > MAX_IMAGE_SIZE)
    {
      pn_scheme_handler_finish_refused (request, "unreadable");
      return;
    }

  guessed = g_content_type_guess (uri->id, (const guchar *) data, length, NULL);
  mime = g_content_type_get_mime_type (guessed);
  if (mime == NULL || !g_strv_contains (image_types, mime))
    {
      pn_scheme_handler_finish_refused (request, "not an image");
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
          pn_scheme_handler_finish_refused (request, "image too large once decoded");
          return;
        }
    }

  bytes = g_bytes_new_take (g_steal_pointer (&data), length);
  pn_scheme_handler_finish_bytes (request, bytes, mime);
}

static void
handle (PnSchemeHandler *self, WebKitURISchemeRequest *request, PnPackUri *uri)
{
  if (uri->route == PN_ROUTE_APP_RESOURCE)
    {
      serve_app_file (request, uri);
      return;
    }

  if (self->test_html != NULL && g_strcmp0 (uri->base, PN_SCHEME_HANDLER_TEST_URI) == 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (self->test_html, strlen (self->test_html));
      pn_scheme_handler_finish_bytes (request, bytes, "text/html");
      return;
    }

  if (self->pack == NULL || g_strcmp0 (uri->pack_id, pn_pack_get_id (self->pack)) != 0)
    {
      pn_scheme_handler_finish_refused (request, "not the current pack");
      return;
    }

  switch (uri->route)
    {
    case PN_ROUTE_PACK_DOCUMENT:
      {
        g_autoptr(GBytes) page = render_page (self, uri->base, uri->id);

        if (page == NULL)
          pn_scheme_handler_finish_refused (request, "no such document");
        else
          pn_scheme_handler_finish_bytes (request, page, "text/html");
        return;
      }
    case PN_ROUTE_PACK_MEDIA:
      serve_pack_media (self, request, uri);
      return;
    case PN_ROUTE_APP_RESOURCE:
    case PN_ROUTE_PACK_SOURCE:
    case PN_ROUTE_PACK_GLOSSARY:
    default:
      pn_scheme_handler_finish_refused (request, "not served: the app shows it");
      return;
    }
}

void
pn_scheme_handler_handle_request (WebKitURISchemeRequest *request)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  PnSchemeHandler *self = web_view && handler_quark ? g_object_get_qdata (G_OBJECT (web_view), handler_quark) : NULL;
  g_autoptr(PnPackUri) uri = NULL;
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    {
      pn_scheme_handler_finish_refused (request, "not a reader view");
      return;
    }
  if (g_strcmp0 (webkit_uri_scheme_request_get_http_method (request), "GET") != 0)
    {
      pn_scheme_handler_finish_refused (request, "not a GET request");
      return;
    }

  uri = pn_pack_uri_parse (webkit_uri_scheme_request_get_uri (request), &error);
  if (uri == NULL)
    {
      pn_scheme_handler_finish_refused (request, error->message);
      return;
    }
  handle (self, request, uri);
}

static void
pn_scheme_handler_finalize (GObject *object)
{
  PnSchemeHandler *self = PN_SCHEME_HANDLER (object);

  pn_scheme_handler_detach (self);
  g_clear_object (&self->pack);
  g_free (self->test_html);
  g_free (self->cached_uri);
  g_clear_pointer (&self->cached_page, g_bytes_unref);
  g_clear_object (&self->rendered);

  G_OBJECT_CLASS (pn_scheme_handler_parent_class)->finalize (object);
}

static void
pn_scheme_handler_init (PnSchemeHandler *self)
{
}

static void
pn_scheme_handler_class_init (PnSchemeHandlerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_scheme_handler_finalize;
  handler_quark = g_quark_from_static_string ("pn-scheme-handler");
}

PnSchemeHandler *
pn_scheme_handler_new (void)
{
  return g_object_new (PN_TYPE_SCHEME_HANDLER, NULL);
}

void
pn_scheme_handler_attach (PnSchemeHandler *self, WebKitWebView *web_view)
{
  g_return_if_fail (PN_IS_SCHEME_HANDLER (self));
  g_return_if_fail (WEBKIT_IS_WEB_VIEW (web_view));

  pn_scheme_handler_detach (self);
  self->web_view = web_view;
  g_object_set_qdata (G_OBJECT (web_view), handler_quark, self);
}

void
pn_scheme_handler_detach (PnSchemeHandler *self)
{
  g_return_if_fail (PN_IS_SCHEME_HANDLER (self));

  if (self->web_view != NULL)
    g_object_set_qdata (G_OBJECT (self->web_view), handler_quark, NULL);
  self->web_view = NULL;
}

void
pn_scheme_handler_set_pack (PnSchemeHandler *self, PnPack *pack)
{
  g_return_if_fail (PN_IS_SCHEME_HANDLER (self));

  g_set_object (&self->pack, pack);
  g_clear_pointer (&self->cached_page, g_bytes_unref);
  g_clear_pointer (&self->cached_uri, g_free);
  g_clear_object (&self->rendered);
}

void
pn_scheme_handler_set_link_mode (PnSchemeHandler *self, PnGlossaryLinkMode mode)
{
  g_return_if_fail (PN_IS_SCHEME_HANDLER (self));

  if (self->link_mode == mode)
    return;
  self->link_mode = mode;
  /* The page kept was marked in the other mode. */
  g_clear_pointer (&self->cached_page, g_bytes_unref);
  g_clear_pointer (&self->cached_uri, g_free);
  g_clear_object (&self->rendered);
}

PnPack *
pn_scheme_handler_get_pack (PnSchemeHandler *self)
{
  g_return_val_if_fail (PN_IS_SCHEME_HANDLER (self), NULL);
  return self->pack;
}

void
pn_scheme_handler_keep_page (PnSchemeHandler *self, const char *doc_id, char *html)
{
  g_autofree char *base = NULL;

  g_return_if_fail (PN_IS_SCHEME_HANDLER (self));
  g_return_if_fail (html != NULL);

  if (self->pack == NULL || doc_id == NULL || pn_pack_get_document (self->pack, doc_id) == NULL)
    {
      g_free (html);
      return;
    }
  base = pn_pack_uri_for_document (pn_pack_get_id (self->pack), doc_id, NULL);
  keep_page (self, base, html, NULL);
}

void
pn_scheme_handler_keep_rendered_page (PnSchemeHandler *self, const char *doc_id, PnRenderedPage *page)
{
  g_autofree char *base = NULL;

  g_return_if_fail (PN_IS_SCHEME_HANDLER (self));
  g_return_if_fail (PN_IS_RENDERED_PAGE (page));

  if (self->pack == NULL || doc_id == NULL || pn_pack_get_document (self->pack, doc_id) == NULL)
    return;
  base = pn_pack_uri_for_document (pn_pack_get_id (self->pack), doc_id, NULL);
  keep_page (self, base, NULL, page);
}

PnRenderedPage *
pn_scheme_handler_get_rendered_page (PnSchemeHandler *self, const char *doc_id)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (PN_IS_SCHEME_HANDLER (self), NULL);

  if (self->pack == NULL || doc_id == NULL || pn_pack_get_document (self->pack, doc_id) == NULL)
    return NULL;
  base = pn_pack_uri_for_document (pn_pack_get_id (self->pack), doc_id, NULL);
  if (self->rendered != NULL && g_strcmp0 (self->cached_uri, base) == 0)
    return self->rendered;
  /* handed over as HTML only (or another page): render it now, once */
  return render (self, base, doc_id);
}

void
pn_scheme_handler_set_test_page (PnSchemeHandler *self, const char *html)
{
  g_return_if_fail (PN_IS_SCHEME_HANDLER (self));

  g_free (self->test_html);
  self->test_html = g_strdup (html);
}
