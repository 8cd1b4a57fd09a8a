/* fuzz-pack-uri.c: the app's prisonnum: addresses (pn-pack-uri)
 *
 * Addresses come from untrusted pages (links, image sources). Each input is
 * refused with a reason or read as a route whose parts are decoded UTF-8,
 * whose media path stays inside the pack, and which the builders make again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-fuzz.h"
#include "pn-pack-uri.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackUri) uri = pn_pack_uri_parse (text, &error);
  g_autofree char *again = NULL;
  g_autoptr(PnPackUri) reparsed = NULL;

  if (uri == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  g_assert_true (g_utf8_validate (uri->id, -1, NULL));
  g_assert_true (uri->fragment == NULL || g_utf8_validate (uri->fragment, -1, NULL));
  switch (uri->route)
    {
    case PN_ROUTE_APP_RESOURCE:
      g_assert_null (uri->pack_id);
      again = pn_pack_uri_for_app (uri->id);
      break;
    case PN_ROUTE_PACK_MEDIA:
      {
        g_auto(GStrv) parts = g_strsplit (uri->id, "/", -1);

        for (guint i = 0; parts[i] != NULL; i++)
          g_assert_true (parts[i][0] != '\0' && strcmp (parts[i], ".") != 0 && strcmp (parts[i], "..") != 0);
        again = pn_pack_uri_for_media (uri->pack_id, uri->id);
        break;
      }
    case PN_ROUTE_PACK_DOCUMENT:
      again = pn_pack_uri_for_document (uri->pack_id, uri->id, uri->fragment);
      break;
    case PN_ROUTE_PACK_SOURCE:
      again = pn_pack_uri_for_source (uri->pack_id, uri->id);
      break;
    case PN_ROUTE_PACK_GLOSSARY:
      again = pn_pack_uri_for_glossary (uri->pack_id, uri->id);
      break;
    default:
      g_assert_not_reached ();
    }

  /* what the builders make reads back as the same route */
  reparsed = pn_pack_uri_parse (again, NULL);
  if (reparsed != NULL)
    {
      g_assert_cmpint (reparsed->route, ==, uri->route);
      g_assert_cmpstr (reparsed->id, ==, uri->id);
      g_assert_cmpstr (reparsed->pack_id, ==, uri->pack_id);
    }
  return 0;
}
