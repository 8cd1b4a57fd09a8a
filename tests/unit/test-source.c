/* test-source.c: CSL-JSON items and their formatted references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-pack-private.h"
#include "pn-test-util.h"

#define NNBSP "\xe2\x80\xaf"

/* Parses one CSL-JSON item; @diagnostics may be NULL. */
static PnSource *
parse (const char *item,
       GPtrArray  *diagnostics)
{
  g_autoptr(PnJsonFile) json = pn_json_file_load_data (item, strlen (item), "sources.json", diagnostics);

  g_assert_nonnull (json);

  return pn_source_parse (json, pn_json_file_get_root (json), "[0]", diagnostics);
}

static char *
format (const char *item)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnSource *source = parse (item, diagnostics);
  char *markup;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  markup = pn_source_format_markup (source);
  pn_source_free (source);

  return markup;
}

static void
test_article (void)
{
  g_autofree char *markup = format ("{ \"id\": \"m\", \"type\": \"article-newspaper\","
                                    "  \"title\": \"Controverses\", \"author\": [{ \"family\": \"Morozov\", \"given\": \"Evgeny\" }],"
                                    "  \"container-title\": \"Le Monde diplomatique\","
                                    "  \"issued\": { \"date-parts\": [[2025, 8]] }, \"language\": \"fr\" }");

  g_assert_cmpstr (markup, ==,
                   "Evgeny Morozov, «" NNBSP "Controverses" NNBSP "», <i>Le Monde diplomatique</i>, août 2025.");
}

static void
test_book (void)
{
  g_autofree char *markup = format ("{ \"id\": \"z\", \"type\": \"book\", \"title\": \"L'Âge\","
                                    "  \"author\": [{ \"family\": \"Zuboff\", \"given\": \"Shoshana\" }],"
                                    "  \"publisher\": \"Zulma\", \"publisher-place\": \"Paris\","
                                    "  \"issued\": { \"date-parts\": [[\"2020\"]] }, \"language\": \"fr\","
                                    "  \"URL\": \"https://example.org/livre?a=1&b=2\" }");

  g_assert_cmpstr (markup, ==,
                   "Shoshana Zuboff, <i>L&apos;Âge</i>, Paris, Zulma, 2020. https://example.org/livre?a=1&amp;b=2");
}

/* What is unconfirmed reads as unknown, even when a value is there. */
static void
test_unconfirmed (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnSource *source = parse ("{ \"id\": \"u\", \"type\": \"article-journal\", \"title\": \"Guess\","
                            "  \"author\": [{ \"literal\": \"Someone\" }], \"container-title\": \"Contretemps\","
                            "  \"issued\": { \"date-parts\": [[2025, 10, 4]] }, \"URL\": \"https://example.org/\","
                            "  \"language\": \"fr\","
                            "  \"custom\": { \"unconfirmed\": [\"title\", \"issued\", \"URL\"] } }",
                            diagnostics);
  g_autofree char *markup = pn_source_format_markup (source);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_true (pn_source_is_unconfirmed (source, "issued"));
  g_assert_false (pn_source_is_unconfirmed (source, "author"));
  g_assert_cmpstr (source->issued, ==, "2025-10-04");
  g_assert_cmpstr (markup, ==, "Someone, title unknown, <i>Contretemps</i>, date unknown. URL unknown.");

  pn_source_free (source);
}

static void
test_dates (void)
{
  g_autofree char *french_first = format ("{ \"id\": \"a\", \"type\": \"book\", \"title\": \"T\","
                                          "  \"issued\": { \"date-parts\": [[2025, 10, 1]] }, \"language\": \"fr-FR\" }");
  g_autofree char *english = format ("{ \"id\": \"b\", \"type\": \"book\", \"title\": \"T\","
                                     "  \"issued\": { \"date-parts\": [[2025, 10, 3]] }, \"language\": \"en\" }");
  g_autofree char *other = format ("{ \"id\": \"c\", \"type\": \"book\", \"title\": \"T\","
                                   "  \"issued\": { \"date-parts\": [[2025, 10, 3]] }, \"language\": \"de\" }");
  g_autofree char *literal = format ("{ \"id\": \"d\", \"type\": \"webpage\", \"title\": \"T\","
                                     "  \"issued\": { \"literal\": \"vers 1998\" } }");

  g_assert_cmpstr (french_first, ==, "<i>T</i>, 1er octobre 2025.");
  g_assert_cmpstr (english, ==, "<i>T</i>, 3 October 2025.");
  g_assert_cmpstr (other, ==, "<i>T</i>, 2025-10-03.");
  g_assert_cmpstr (literal, ==, "“T”, vers 1998.");
}

/* Everything is escaped: the markup holds only <i> and text. */
static void
test_escaping (void)
{
  g_autofree char *markup = format ("{ \"id\": \"e\", \"type\": \"book\","
                                    "  \"title\": \"<script>alert(1)</script>\","
                                    "  \"author\": [{ \"literal\": \"<b>Eve</b> & co\" }] }");

  g_assert_cmpstr (markup, ==,
                   "&lt;b&gt;Eve&lt;/b&gt; &amp; co, <i>&lt;script&gt;alert(1)&lt;/script&gt;</i>.");
}

static void
test_names (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnSource *source = parse ("{ \"id\": \"n\", \"author\": ["
                            "  { \"family\": \"Beauvoir\", \"given\": \"Simone\", \"non-dropping-particle\": \"de\" },"
                            "  { \"family\": \"Delphy\" },"
                            "  { \"literal\": \"Contributeurs de Wikipédia\" },"
                            "  { \"given\": \"Nobody\" } ] }",
                            diagnostics);

  g_assert_cmpuint (g_strv_length (source->authors), ==, 3);
  g_assert_cmpstr (source->authors[0], ==, "Simone de Beauvoir");
  g_assert_cmpstr (source->authors[1], ==, "Delphy");
  g_assert_cmpstr (source->authors[2], ==, "Contributeurs de Wikipédia");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 1, "[0].author[3] needs");

  pn_source_free (source);
}

static void
test_bad_values (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnSource *source = parse ("{\n"
                            "  \"id\": \"bad\",\n"
                            "  \"URL\": \"javascript:alert(1)\",\n"
                            "  \"issued\": \"2025\",\n"
                            "  \"custom\": { \"unconfirmed\": \"URL\" },\n"
                            "  \"note\": 12\n"
                            "}\n",
                            diagnostics);

  g_assert_null (source->url);
  g_assert_null (source->issued);
  g_assert_null (source->note);
  g_assert_null (source->unconfirmed[0]);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "sources.json", 3, "not an http or https address");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 4, "[0].issued must be an object");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 5,
                             "[0].custom.unconfirmed must be an array");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 6, "[0].note must be a string");

  pn_source_free (source);
}

static void
test_unlinkable_id (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnSource *source = parse ("{ \"id\": \"two words\" }", diagnostics);

  g_assert_null (source);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 1, "cannot be used in a source: link");
}

/* The words for what is unknown follow the language of the text the reference
 * stands in (the pack's), whatever the interface speaks; the address can be
 * left out where it is shown apart. */
static void
test_unknown_in_pack_language (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnSource *source = parse ("{ \"id\": \"u\", \"type\": \"article-journal\", \"title\": \"Guess\","
                            "  \"container-title\": \"Contretemps\", \"language\": \"en\","
                            "  \"issued\": { \"date-parts\": [[2025]] },"
                            "  \"custom\": { \"unconfirmed\": [\"author\", \"issued\", \"URL\"] } }",
                            diagnostics);
  PnSource *linked = parse ("{ \"id\": \"l\", \"type\": \"webpage\", \"title\": \"Page\","
                            "  \"URL\": \"https://example.org/a/very/long/address\" }", diagnostics);
  g_autofree char *french = pn_source_format_reference (source, "fr-FR", PN_SOURCE_FORMAT_DEFAULT);
  g_autofree char *english = pn_source_format_reference (source, "en", PN_SOURCE_FORMAT_DEFAULT);
  g_autofree char *other = pn_source_format_reference (source, "de", PN_SOURCE_FORMAT_DEFAULT);
  g_autofree char *interface = pn_source_format_markup (source);
  g_autofree char *with_url = pn_source_format_reference (linked, "fr", PN_SOURCE_FORMAT_DEFAULT);
  g_autofree char *without_url = pn_source_format_reference (linked, "fr", PN_SOURCE_FORMAT_NO_URL);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  /* The source is in English; the text citing it is French. */
  g_assert_cmpstr (french, ==,
                   "auteur inconnu, “Guess”, <i>Contretemps</i>, date inconnue. Adresse web inconnue.");
  g_assert_cmpstr (english, ==,
                   "author unknown, “Guess”, <i>Contretemps</i>, date unknown. URL unknown.");
  /* Other languages, and no language, get the interface's words (English in the tests). */
  g_assert_cmpstr (other, ==, english);
  g_assert_cmpstr (interface, ==, english);

  g_assert_nonnull (strstr (with_url, "https://example.org/a/very/long/address"));
  g_assert_cmpstr (without_url, ==, "“Page”.");
  pn_source_free (source);
  pn_source_free (linked);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/source/article", test_article);
  g_test_add_func ("/source/book", test_book);
  g_test_add_func ("/source/unconfirmed", test_unconfirmed);
  g_test_add_func ("/source/dates", test_dates);
  g_test_add_func ("/source/escaping", test_escaping);
  g_test_add_func ("/source/names", test_names);
  g_test_add_func ("/source/bad-values", test_bad_values);
  g_test_add_func ("/source/unlinkable-id", test_unlinkable_id);
  g_test_add_func ("/source/unknown-in-pack-language", test_unknown_in_pack_language);

  return g_test_run ();
}
