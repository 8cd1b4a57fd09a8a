/* test-bundled-pack.c: the essay shipped with the app checks clean and renders whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-render.h"
#include "pn-test-util.h"

static PnPack *
load_bundled (GPtrArray *diagnostics)
{
  return pn_test_load (SOURCE_PACK_DIR, diagnostics);
}

/* No error and no warning, in the manifest, the sources or the Markdown. */
static void
test_checks_clean (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_bundled (diagnostics);
  GPtrArray *documents = pn_pack_get_documents (pack);

  g_assert_cmpuint (documents->len, >=, 1);
  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);

      g_assert_nonnull (pn_document_get_markdown (document));
      g_free (pn_render_document (pack, document, diagnostics));
    }

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
test_essay (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_bundled (diagnostics);
  PnDocument *essay = pn_pack_get_document (pack, "essai");
  g_autofree char *html = NULL;

  g_assert_nonnull (essay);
  g_assert_cmpstr (pn_pack_get_language (pack), ==, "fr");
  html = pn_render_document (pack, essay, diagnostics);

  /* The title, with French spacing before the colon. */
  g_assert_nonnull (strstr (html, "<h1 class=\"pn-doc-title\">Consommer et produire\xc2\xa0: "
                                  "l’essence de la prison numérique</h1>"));
  /* The title is shown as plain text too (sidebar, window title, PDF): with
   * the text's typographic apostrophe. */
  g_assert_cmpstr (pn_document_get_title (essay), ==,
                   "Consommer et produire : l’essence de la prison numérique");
  g_assert_cmpstr (pn_pack_get_title (pack), ==, pn_document_get_title (essay));
  g_assert_nonnull (strstr (html, "Pablo Rauzy<sup>"));

  /* The four footnotes, each called from the text. */
  g_assert_nonnull (strstr (html, "<section class=\"footnotes\" data-footnotes>"));
  g_assert_cmpuint (pn_test_count_matches (html, "<li id=\"fn-"), ==, 4);
  g_assert_cmpuint (pn_test_count_matches (html, "data-footnote-ref>"), ==, 4);

  /* The quoted passages, attributed to their sources. */
  g_assert_cmpuint (pn_test_count_matches (html, "<blockquote"), >=, 8);
  g_assert_cmpuint (pn_test_count_matches (html, "<blockquote data-source=\""), >=, 8);
  g_assert_cmpuint (pn_test_count_matches (html, "<footer class=\"pn-attribution\">"), >=, 8);

  /* No lost link left: every link goes somewhere. */
  g_assert_null (strstr (pn_document_get_markdown (essay), "](#)"));
  g_assert_null (strstr (html, "href=\"#\""));
  g_assert_null (strstr (html, "pn-unresolved"));
  g_assert_cmpuint (pn_test_count_matches (html, "class=\"pn-cite\""), >=, 8);

  g_assert_nonnull (strstr (html, "seigneurage"));
  g_assert_null (strstr (html, "<script"));
}

/* Every source the essay cites is in the sources file, and each is formatted. */
/* Only French titles are typeset: an English document of a French pack keeps
 * its straight apostrophe. */
static void
test_title_apostrophes (void)
{
  g_autofree char *dir = pn_test_make_dir ("pack.json",
    "{ \"format\": 1, \"id\": \"t\", \"version\": \"1\", \"title\": \"L'essai\",\n"
    "  \"language\": \"fr\", \"authors\": [{ \"name\": \"Ada\" }], \"license\": null,\n"
    "  \"description\": \"D'abord.\",\n"
    "  \"documents\": [{ \"id\": \"fr\", \"title\": \"L'un\", \"file\": \"a.md\" },\n"
    "                { \"id\": \"en\", \"title\": \"Don't\", \"file\": \"a.md\", \"language\": \"en\" }] }\n",
    "a.md", "Text.\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  g_assert_cmpstr (pn_pack_get_title (pack), ==, "L’essai");
  g_assert_cmpstr (pn_pack_get_description (pack), ==, "D’abord.");
  g_assert_cmpstr (pn_document_get_title (pn_pack_get_document (pack, "fr")), ==, "L’un");
  g_assert_cmpstr (pn_document_get_title (pn_pack_get_document (pack, "en")), ==, "Don't");
  pn_test_remove_dir (dir);
}

static void
test_sources (void)
{
  g_autoptr(PnPack) pack = load_bundled (NULL);
  GPtrArray *sources = pn_pack_get_sources (pack);

  g_assert_cmpuint (sources->len, >=, 10);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *markup = pn_source_format_markup (g_ptr_array_index (sources, i));

      g_assert_nonnull (markup);
      g_assert_true (g_utf8_validate (markup, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundled-pack/checks-clean", test_checks_clean);
  g_test_add_func ("/bundled-pack/essay", test_essay);
  g_test_add_func ("/bundled-pack/sources", test_sources);
  g_test_add_func ("/bundled-pack/title-apostrophes", test_title_apostrophes);

  return g_test_run ();
}
