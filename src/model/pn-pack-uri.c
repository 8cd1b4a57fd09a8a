/* pn-pack-uri.c: the app's prisonnum: addresses as typed routes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-pack-uri.h"

G_DEFINE_QUARK (pn-pack-uri-error-quark, pn_pack_uri_error)

/* The keyword after the pack id, and the route it names. */
static const struct {
  const char *keyword;
  PnRoute route;
  gboolean multi;   /* takes a path of several segments */
} pack_routes[] = {
  { "doc", PN_ROUTE_PACK_DOCUMENT, FALSE },
  { "files", PN_ROUTE_PACK_MEDIA, TRUE },
  { "source", PN_ROUTE_PACK_SOURCE, FALSE },
  { "glossary", PN_ROUTE_PACK_GLOSSARY, FALSE },
};

void
pn_pack_uri_free (PnPackUri *uri)
{
  if (uri == NULL)
    return;
  g_free (uri->pack_id);
  g_free (uri->id);
  g_free (uri->fragment);
  g_free (uri->base);
  g_free (uri);
}

const char *
pn_route_to_string (PnRoute route)
{
  switch (route)
    {
    case PN_ROUTE_APP_RESOURCE:
      return "app resource";
    case PN_ROUTE_PACK_DOCUMENT:
      return "pack document";
    case PN_ROUTE_PACK_MEDIA:
      return "pack media";
    case PN_ROUTE_PACK_SOURCE:
      return "pack source";
    case PN_ROUTE_PACK_GLOSSARY:
      return "glossary entry";
    default:
      return "unknown";
    }
}

char *
pn_pack_uri_strip_fragment (const char *uri)
{
  const char *hash;

  g_return_val_if_fail (uri != NULL, NULL);
  hash = strchr (uri, '#');
  return hash ? g_strndup (uri, hash - uri) : g_strdup (uri);
}

static gboolean
fail (GError **error, PnPackUriError code, const char *uri, const char *why)
{
  g_set_error (error, PN_PACK_URI_ERROR, code, "%.200s: %s", uri, why);
  return FALSE;
}

/* Decodes one path segment; NULL when it is empty, undecodable, not UTF-8 or
 * too long. */
static char *
decode_segment (const char *raw)
{
  char *segment = g_uri_unescape_string (raw, "/");

  if (segment == NULL || segment[0] == '\0' || !g_utf8_validate (segment, -1, NULL) ||
      strlen (segment) > PN_PACK_URI_MAX_ID)
    {
      g_free (segment);
      return NULL;
    }
  return segment;
}

static gboolean
parse_pack_path (PnPackUri *uri, char **raw, const char *string, GError **error)
{
  guint n = g_strv_length (raw);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (n < 3)
    return fail (error, PN_PACK_URI_ERROR_UNKNOWN, string, "no such pack route");
  uri->pack_id = decode_segment (raw[0]);
  if (uri->pack_id == NULL)
    return fail (error, PN_PACK_URI_ERROR_MALFORMED, string, "malformed pack id");

  for (guint r = 0; r < G_N_ELEMENTS (pack_routes); r++)
    {
      if (strcmp (raw[1], pack_routes[r].keyword) != 0)
        continue;
      if (!pack_routes[r].multi && n != 3)
        return fail (error, PN_PACK_URI_ERROR_UNKNOWN, string, "no such pack route");

      for (guint i = 2; i < n; i++)
        {
          char *segment = decode_segment (raw[i]);

          if (segment == NULL)
            return fail (error, PN_PACK_URI_ERROR_MALFORMED, string, "malformed path");
          g_ptr_array_add (parts, segment);
          if (pack_routes[r].multi && (strcmp (segment, ".") == 0 || strcmp (segment, "..") == 0))
            return fail (error, PN_PACK_URI_ERROR_OUTSIDE, string, "path leaves the pack");
        }
      g_ptr_array_add (parts, NULL);
      uri->route = pack_routes[r].route;
      uri->id = g_strjoinv ("/", (char **) parts->pdata);
      if (strlen (uri->id) > PN_PACK_URI_MAX_LENGTH)
        return fail (error, PN_PACK_URI_ERROR_MALFORMED, string, "path too long");
      return TRUE;
    }

  return fail (error, PN_PACK_URI_ERROR_UNKNOWN, string, "no such pack route");
}

PnPackUri *
pn_pack_uri_parse (const char *string, GError **error)
{
  g_autoptr(GUri) guri = NULL;
  g_autoptr(PnPackUri) uri = NULL;
  g_auto(GStrv) raw = NULL;
  g_autofree char *host = NULL;
  const char *path;
  const char *fragment;

  if (string == NULL || strlen (string) > PN_PACK_URI_MAX_LENGTH)
    {
      fail (error, PN_PACK_URI_ERROR_MALFORMED, string ? string : "(null)", "missing or too long");
      return NULL;
    }
  guri = g_uri_parse (string, G_URI_FLAGS_ENCODED, NULL);
  if (guri == NULL || g_strcmp0 (g_uri_get_scheme (guri), PN_SCHEME) != 0 ||
      g_uri_get_userinfo (guri) != NULL || g_uri_get_port (guri) != -1 ||
      g_uri_get_query (guri) != NULL || g_uri_get_host (guri) == NULL ||
      g_uri_get_host (guri)[0] == '\0')
    {
      fail (error, PN_PACK_URI_ERROR_MALFORMED, string, "not a prisonnum: address");
      return NULL;
    }

  path = g_uri_get_path (guri);
  if (path[0] != '/' || path[1] == '\0')
    {
      fail (error, PN_PACK_URI_ERROR_MALFORMED, string, "empty path");
      return NULL;
    }

  uri = g_new0 (PnPackUri, 1);
  fragment = g_uri_get_fragment (guri);
  if (fragment != NULL && fragment[0] != '\0')
    {
      uri->fragment = g_uri_unescape_string (fragment, NULL);
      if (uri->fragment == NULL || !g_utf8_validate (uri->fragment, -1, NULL) ||
          strlen (uri->fragment) > PN_PACK_URI_MAX_ID)
        {
          fail (error, PN_PACK_URI_ERROR_MALFORMED, string, "malformed fragment");
          return NULL;
        }
    }

  host = g_ascii_strdown (g_uri_get_host (guri), -1);
  raw = g_strsplit (path + 1, "/", 0);

  if (strcmp (host, "app") == 0)
    {
      if (g_strv_length (raw) != 1 || (uri->id = decode_segment (raw[0])) == NULL)
        {
          fail (error, PN_PACK_URI_ERROR_UNKNOWN, string, "not an app resource");
          return NULL;
        }
      uri->route = PN_ROUTE_APP_RESOURCE;
    }
  else if (strcmp (host, "pack") == 0)
    {
      if (!parse_pack_path (uri, raw, string, error))
        return NULL;
    }
  else
    {
      fail (error, PN_PACK_URI_ERROR_UNKNOWN, string, "unknown host");
      return NULL;
    }

  uri->base = pn_pack_uri_strip_fragment (string);
  return g_steal_pointer (&uri);
}

static char *
build (const char *pack_id, const char *keyword, const char *id,
       const char *allowed, const char *fragment)
{
  g_autofree char *pack = g_uri_escape_string (pack_id, NULL, TRUE);
  g_autofree char *escaped = g_uri_escape_string (id, allowed, TRUE);
  g_autofree char *escaped_fragment = NULL;

  if (fragment == NULL || fragment[0] == '\0')
    return g_strdup_printf (PN_SCHEME "://pack/%s/%s/%s", pack, keyword, escaped);
  escaped_fragment = g_uri_escape_string (fragment, NULL, TRUE);
  return g_strdup_printf (PN_SCHEME "://pack/%s/%s/%s#%s", pack, keyword, escaped, escaped_fragment);
}

char *
pn_pack_uri_for_app (const char *name)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  escaped = g_uri_escape_string (name, NULL, TRUE);
  return g_strdup_printf (PN_SCHEME "://app/%s", escaped);
}

char *
pn_pack_uri_for_document (const char *pack_id, const char *doc_id, const char *anchor)
{
  g_return_val_if_fail (pack_id != NULL && doc_id != NULL, NULL);
  return build (pack_id, "doc", doc_id, NULL, anchor);
}

char *
pn_pack_uri_for_media (const char *pack_id, const char *path)
{
  g_return_val_if_fail (pack_id != NULL && path != NULL, NULL);
  return build (pack_id, "files", path, "/", NULL);
}

char *
pn_pack_uri_for_source (const char *pack_id, const char *source_id)
{
  g_return_val_if_fail (pack_id != NULL && source_id != NULL, NULL);
  return build (pack_id, "source", source_id, NULL, NULL);
}

char *
pn_pack_uri_for_glossary (const char *pack_id, const char *entry_id)
{
  g_return_val_if_fail (pack_id != NULL && entry_id != NULL, NULL);
  return build (pack_id, "glossary", entry_id, NULL, NULL);
}
