/* test-works-cited.c: the works a document cites, as its printed copy lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pn-render.h"
#include "pn-test-util.h"
#include "pn-works-cited.h"

#define SOURCES \
  "[\n" \
  "  { \"id\": \"zuboff\", \"type\": \"book\", \"title\": \"L'Âge du capitalisme\",\n" \
  "    \"author\": [{ \"family\": \"Zuboff\", \"given\": \"Shoshana\" }],\n" \
  "    \"publisher\": \"Zulma\", \"issued\": { \"date-parts\": [[2020]] }, \"language\": \"fr\" },\n" \
  "  { \"id\": \"unused\", \"type\": \"book\", \"title\": \"Never cited\" },\n" \
  "  { \"id\": \"vague\", \"type\": \"book\", \"title\": \"Vague\",\n" \
  "    \"custom\": { \"unconfirmed\": [\"issued\"] } },\n" \
  "  { \"id\": \"morozov\", \"type\": \"article-newspaper\", \"title\": \"Controverses\",\n" \
  "    \"author\": [{ \"family\": \"Morozov\", \"given\": \"Evgeny\" }],\n" \
  "    \"container-title\": \"Le Monde diplomatique\", \"URL\": \"https://example.org/?a=1&b=2\",\n" \
  "    \"issued\": { \"date-parts\": [[2025, 8]] }, \"language\": \"fr\" }\n" \
  "]\n"

static PnPack *
load_pack (const char *markdown,
           char      **dir)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"sources\": \"sources.json\", ");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnPack *pack;

  *dir = pn_test_make_dir ("pack.json", manifest, "sources.json", SOURCES, "doc.md", markdown, NULL);
  pack = pn_test_load (*dir, diagnostics);
  pn_test_dump (diagnostics);

  return pack;
}

static char **
ids_of (GPtrArray *works)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; i < works->len; i++)
    g_strv_builder_add (builder, ((const PnSource *) g_ptr_array_index (works, i))->id);

  return g_strv_builder_end (builder);
}

/* Each cited source once, in the order of the sources file; unknown ids and
 * uncited sources left out. */
static void
test_collect (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PnPack) pack = load_pack ("Text.\n", &dir);
  const char *cited[] = { "morozov", "nobody", "zuboff", "morozov", "", NULL };
  const char *none[] = { "nobody", NULL };
  g_autoptr(GPtrArray) works = pn_works_cited_collect (pack, cited);
  g_autoptr(GPtrArray) empty = pn_works_cited_collect (pack, none);
  g_autoptr(GPtrArray) null_list = pn_works_cited_collect (pack, NULL);
  g_auto(GStrv) ids = ids_of (works);
  const char *expected[] = { "zuboff", "morozov", NULL };

  g_assert_cmpstrv (ids, expected);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (null_list->len, ==, 0);

  pn_test_remove_dir (dir);
}

/* The ids come from the page's source links: the renderer's data-source
 * attributes, which the print script reads, name the cited sources. */
static void
test_from_rendered_page (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PnPack) pack = load_pack ("# Title\n\n"
                                      "As [Morozov](source:morozov) says[^1].\n\n"
                                      "> A quotation.\n>\n> — [Zuboff](source:zuboff)\n\n"
                                      "[^1]: See [the article](source:morozov) and `source:unused`.\n",
                                      &dir);
  PnDocument *doc = pn_pack_get_document (pack, "doc");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = pn_render_document (pack, doc, diagnostics);
  g_autoptr(GRegex) regex = g_regex_new ("data-source=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) cited = NULL;
  g_autoptr(GPtrArray) works = NULL;
  g_auto(GStrv) ids = NULL;
  const char *expected[] = { "zuboff", "morozov", NULL };

  pn_test_dump (diagnostics);
  for (g_regex_match (regex, html, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *id = g_match_info_fetch (match, 1);

      g_strv_builder_add (builder, id);
    }
  cited = g_strv_builder_end (builder);
  g_assert_cmpuint (g_strv_length (cited), >=, 3);

  works = pn_works_cited_collect (pack, (const char * const *) cited);
  ids = ids_of (works);
  g_assert_cmpstrv (ids, expected);

  pn_test_remove_dir (dir);
}

/* The JSON handed to the print script: the heading, and each reference as
 * runs of plain text (entities decoded, titles in italics). */
static void
test_json (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PnPack) pack = load_pack ("Text.\n", &dir);
  const char *cited[] = { "zuboff", "morozov", NULL };
  g_autoptr(GPtrArray) works = pn_works_cited_collect (pack, cited);
  g_autofree char *json = pn_works_cited_to_json (works, "Works Cited", "en");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *entries;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "heading"), ==, "Works Cited");
  entries = json_object_get_array_member (root, "entries");
  g_assert_cmpuint (json_array_get_length (entries), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonArray *runs = json_object_get_array_member (entry, "runs");
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autoptr(GString) italic = g_string_new (NULL);

      g_assert_cmpstr (json_object_get_string_member (entry, "id"), ==, cited[i]);
      for (guint j = 0; j < json_array_get_length (runs); j++)
        {
          JsonArray *run = json_array_get_array_element (runs, j);

          g_string_append (plain, json_array_get_string_element (run, 0));
          if (json_array_get_boolean_element (run, 1))
            g_string_append (italic, json_array_get_string_element (run, 0));
        }

      g_assert_null (strstr (plain->str, "<"));
      g_assert_null (strstr (plain->str, "&amp;"));
      g_assert_null (strstr (plain->str, "&apos;"));
      if (i == 0)
        {
          g_assert_nonnull (strstr (plain->str, "Shoshana Zuboff"));
          g_assert_nonnull (strstr (plain->str, "2020"));
          g_assert_nonnull (strstr (italic->str, "ge du capitalisme"));
          g_assert_null (strstr (italic->str, "Zuboff"));
        }
      else
        {
          g_assert_nonnull (strstr (plain->str, "Controverses"));
          g_assert_nonnull (strstr (plain->str, "https://example.org/?a=1&b=2"));
          g_assert_cmpstr (italic->str, ==, "Le Monde diplomatique");
        }
    }

  pn_test_remove_dir (dir);
}

/* What is unknown is said in the language of the printed page, whatever the
 * interface's: the same source reads « date inconnue » in a French document
 * and "date unknown" in an English one. */
static void
test_json_language (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PnPack) pack = load_pack ("Text.\n", &dir);
  const char *cited[] = { "vague", NULL };
  g_autoptr(GPtrArray) works = pn_works_cited_collect (pack, cited);
  g_autofree char *french = pn_works_cited_to_json (works, "Œuvres citées", "fr");
  g_autofree char *english = pn_works_cited_to_json (works, "Works Cited", "en");

  g_assert_cmpuint (works->len, ==, 1);
  g_assert_nonnull (strstr (french, "date inconnue"));
  g_assert_null (strstr (french, "date unknown"));
  g_assert_nonnull (strstr (english, "date unknown"));
  g_assert_null (strstr (english, "date inconnue"));

  pn_test_remove_dir (dir);
}

/* The heading speaks the document's language. */
static void
test_heading (void)
{
  g_assert_cmpstr (pn_works_cited_heading ("fr"), ==, "Œuvres citées");
  g_assert_cmpstr (pn_works_cited_heading ("fr-CA"), ==, "Œuvres citées");
  g_assert_cmpstr (pn_works_cited_heading ("en"), ==, "Works Cited");
  g_assert_cmpstr (pn_works_cited_heading ("de"), ==, "Works Cited");
  g_assert_cmpstr (pn_works_cited_heading (NULL), ==, "Works Cited");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/works-cited/collect", test_collect);
  g_test_add_func ("/works-cited/from-rendered-page", test_from_rendered_page);
  g_test_add_func ("/works-cited/json", test_json);
  g_test_add_func ("/works-cited/json-language", test_json_language);
  g_test_add_func ("/works-cited/heading", test_heading);

  return g_test_run ();
}
