/* test-pack-uri.c: typed routes of prisonnum: addresses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-pack-uri.h"
#include "pn-render.h"
#include "pn-test-util.h"

static PnPackUri *
parse_ok (const char *string)
{
  g_autoptr(GError) error = NULL;
  PnPackUri *uri = pn_pack_uri_parse (string, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uri);
  return uri;
}

static void
parse_fails (const char *string, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackUri) uri = pn_pack_uri_parse (string, &error);

  if (uri != NULL)
    g_test_fail_printf ("“%s” parsed as a %s", string, pn_route_to_string (uri->route));
  if (code >= 0)
    g_assert_error (error, PN_PACK_URI_ERROR, code);
  else
    g_assert_true (error != NULL && error->domain == PN_PACK_URI_ERROR);
}

static void
test_routes (void)
{
  g_autoptr(PnPackUri) app = parse_ok ("prisonnum://app/reader.css");
  g_autoptr(PnPackUri) doc = parse_ok ("prisonnum://pack/essai/doc/chapitre-1#p_12");
  g_autoptr(PnPackUri) media = parse_ok ("prisonnum://pack/essai/files/img/fig%201.png");
  g_autoptr(PnPackUri) source = parse_ok ("prisonnum://pack/essai/source/lordon-2025");
  g_autoptr(PnPackUri) term = parse_ok ("prisonnum://PACK/essai/glossary/seigneurage");

  g_assert_cmpint (app->route, ==, PN_ROUTE_APP_RESOURCE);
  g_assert_null (app->pack_id);
  g_assert_cmpstr (app->id, ==, "reader.css");

  g_assert_cmpint (doc->route, ==, PN_ROUTE_PACK_DOCUMENT);
  g_assert_cmpstr (doc->pack_id, ==, "essai");
  g_assert_cmpstr (doc->id, ==, "chapitre-1");
  g_assert_cmpstr (doc->fragment, ==, "p_12");
  g_assert_cmpstr (doc->base, ==, "prisonnum://pack/essai/doc/chapitre-1");

  g_assert_cmpint (media->route, ==, PN_ROUTE_PACK_MEDIA);
  g_assert_cmpstr (media->id, ==, "img/fig 1.png");
  g_assert_null (media->fragment);

  g_assert_cmpint (source->route, ==, PN_ROUTE_PACK_SOURCE);
  g_assert_cmpstr (source->id, ==, "lordon-2025");
  g_assert_cmpint (term->route, ==, PN_ROUTE_PACK_GLOSSARY);
  g_assert_cmpstr (term->id, ==, "seigneurage");
}

static void
test_malformed (void)
{
  g_autofree char *long_id = g_strnfill (PN_PACK_URI_MAX_ID + 1, 'a');
  g_autofree char *too_long_id = g_strconcat ("prisonnum://pack/essai/doc/", long_id, NULL);
  g_autofree char *huge = g_strnfill (PN_PACK_URI_MAX_LENGTH + 1, 'a');

  parse_fails (NULL, PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails (huge, PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("https://pack/essai/doc/x", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("prisonnum://user@pack/essai/doc/x", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("prisonnum://pack:80/essai/doc/x", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("prisonnum://pack/essai/doc/x?y=1", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("prisonnum://pack/", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("prisonnum:///essai/doc/x", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("prisonnum://pack/essai//x", PN_PACK_URI_ERROR_UNKNOWN);
  parse_fails ("prisonnum://pack/essai/doc/%ff", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("prisonnum://pack/essai/doc/%", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails ("prisonnum://pack/essai/doc/x#%ff", PN_PACK_URI_ERROR_MALFORMED);
  parse_fails (too_long_id, PN_PACK_URI_ERROR_MALFORMED);
  /* Well formed, but no such route. */
  parse_fails ("prisonnum://other/x", PN_PACK_URI_ERROR_UNKNOWN);
  parse_fails ("prisonnum://app/a/b", PN_PACK_URI_ERROR_UNKNOWN);
  parse_fails ("prisonnum://pack/essai/chapitre-1", PN_PACK_URI_ERROR_UNKNOWN);
  parse_fails ("prisonnum://pack/essai/sources", PN_PACK_URI_ERROR_UNKNOWN);
  parse_fails ("prisonnum://pack/essai/doc/a/b", PN_PACK_URI_ERROR_UNKNOWN);
  parse_fails ("prisonnum://pack/essai/source/a/b", PN_PACK_URI_ERROR_UNKNOWN);
  parse_fails ("prisonnum://pack/essai/files", PN_PACK_URI_ERROR_UNKNOWN);
  /* Media paths stay in the pack, however they are spelled. */
  /* (the URI parser may remove dot segments first: any refusal will do) */
  parse_fails ("prisonnum://pack/essai/files/../pack.json", -1);
  parse_fails ("prisonnum://pack/essai/files/%2e%2e/pack.json", -1);
  parse_fails ("prisonnum://pack/essai/files/img/%2E%2E/%2E%2E/%2E%2E/x", -1);
  parse_fails ("prisonnum://pack/essai/files/img%2f..%2f..%2fx", PN_PACK_URI_ERROR_MALFORMED);
}

/* What a builder makes, the parser reads back to the same route and ids. */
static void
test_round_trip (void)
{
  const char *odd = "é t#?%";   /* ids never hold "/" */
  g_autofree char *doc = pn_pack_uri_for_document ("pack id", odd, "note 1");
  g_autofree char *media = pn_pack_uri_for_media ("p", "img/fig 1.png");
  g_autofree char *source = pn_pack_uri_for_source ("p", odd);
  g_autofree char *term = pn_pack_uri_for_glossary ("p", "seigneurage");
  g_autofree char *app = pn_pack_uri_for_app ("blank");
  g_autoptr(PnPackUri) d = parse_ok (doc);
  g_autoptr(PnPackUri) m = parse_ok (media);
  g_autoptr(PnPackUri) s = parse_ok (source);
  g_autoptr(PnPackUri) t = parse_ok (term);
  g_autoptr(PnPackUri) a = parse_ok (app);
  g_autofree char *stripped = pn_pack_uri_strip_fragment (doc);

  g_assert_cmpint (d->route, ==, PN_ROUTE_PACK_DOCUMENT);
  g_assert_cmpstr (d->pack_id, ==, "pack id");
  g_assert_cmpstr (d->id, ==, odd);
  g_assert_cmpstr (d->fragment, ==, "note 1");
  g_assert_cmpstr (d->base, ==, stripped);
  g_assert_cmpint (m->route, ==, PN_ROUTE_PACK_MEDIA);
  g_assert_cmpstr (m->id, ==, "img/fig 1.png");
  g_assert_cmpint (s->route, ==, PN_ROUTE_PACK_SOURCE);
  g_assert_cmpstr (s->id, ==, odd);
  g_assert_cmpint (t->route, ==, PN_ROUTE_PACK_GLOSSARY);
  g_assert_cmpint (a->route, ==, PN_ROUTE_APP_RESOURCE);
  g_assert_cmpstr (a->id, ==, "blank");
}

/* A pack whose documents are called "sources" and "glossary": the rendered
 * citation and glossary links still name the app's routes, and the document
 * links name the documents. */
static void
test_colliding_ids (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load_fixture ("colliding-ids", diagnostics);
  g_autofree char *html = NULL;
  g_autoptr(GRegex) href = g_regex_new ("href=\"(prisonnum:[^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint counts[PN_ROUTE_PACK_GLOSSARY + 1] = { 0 };
  gboolean doc_sources = FALSE, doc_glossary = FALSE;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (pn_pack_get_document (pack, "sources"));
  g_assert_nonnull (pn_pack_get_document (pack, "glossary"));

  html = pn_render_document (pack, pn_pack_get_document (pack, "texte"), diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  for (g_regex_match (href, html, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *raw = g_match_info_fetch (match, 1);
      g_autoptr(PnPackUri) uri = parse_ok (raw);   /* no "&" in these ids */

      if (uri->route == PN_ROUTE_APP_RESOURCE)
        continue;
      counts[uri->route]++;
      if (uri->route == PN_ROUTE_PACK_SOURCE)
        g_assert_cmpstr (uri->id, ==, "lordon-2025");
      if (uri->route == PN_ROUTE_PACK_GLOSSARY)
        g_assert_cmpstr (uri->id, ==, "seigneurage");
      if (uri->route == PN_ROUTE_PACK_DOCUMENT)
        {
          doc_sources |= g_str_equal (uri->id, "sources");
          doc_glossary |= g_str_equal (uri->id, "glossary");
        }
    }
  g_assert_cmpuint (counts[PN_ROUTE_PACK_SOURCE], ==, 1);
  g_assert_cmpuint (counts[PN_ROUTE_PACK_GLOSSARY], ==, 1);
  g_assert_cmpuint (counts[PN_ROUTE_PACK_DOCUMENT], ==, 2);
  g_assert_true (doc_sources);
  g_assert_true (doc_glossary);
}

/* Random damage to good addresses: refused with a reason, or a route whose
 * parts are decoded UTF-8 and whose media path stays in the pack. */
static void
test_mutations (void)
{
  const char *seeds[] = {
    "prisonnum://pack/essai/doc/chapitre-1#p_12",
    "prisonnum://pack/essai/files/img/fig%201.png",
    "prisonnum://pack/essai/source/lordon-2025",
    "prisonnum://app/reader.css",
  };
  const char alphabet[] = "/%.#?:@2eEfF0aA\xc3\xa9\x01 ";
  GRand *rand = g_rand_new_with_seed (20261201);
  guint parsed = 0, refused = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (seeds[round % G_N_ELEMENTS (seeds)]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnPackUri) uri = NULL;

      pn_test_mutate (rand, text, alphabet);
      uri = pn_pack_uri_parse (text->str, &error);
      if (uri == NULL)
        {
          g_assert_nonnull (error);
          refused++;
          continue;
        }
      parsed++;
      g_assert_true (g_utf8_validate (uri->id, -1, NULL));
      g_assert_true (uri->fragment == NULL || g_utf8_validate (uri->fragment, -1, NULL));
      if (uri->route == PN_ROUTE_PACK_MEDIA)
        {
          g_auto(GStrv) parts = g_strsplit (uri->id, "/", -1);

          for (guint i = 0; parts[i] != NULL; i++)
            {
              g_assert_cmpstr (parts[i], !=, "..");
              g_assert_cmpstr (parts[i], !=, ".");
              g_assert_cmpstr (parts[i], !=, "");
            }
        }
      else
        g_assert_null (strchr (uri->id, '/'));
    }
  g_test_message ("%u parsed, %u refused", parsed, refused);
  g_assert_cmpuint (parsed, >, 0);
  g_assert_cmpuint (refused, >, 0);
  g_rand_free (rand);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack-uri/routes", test_routes);
  g_test_add_func ("/pack-uri/malformed", test_malformed);
  g_test_add_func ("/pack-uri/round-trip", test_round_trip);
  g_test_add_func ("/pack-uri/colliding-ids", test_colliding_ids);
  g_test_add_func ("/pack-uri/mutations", test_mutations);

  return g_test_run ();
}
