/* test-glossary-pango.c: explanations as Pango markup (what a GtkLabel
 * takes, checked with GMarkup and pango_parse_markup), and their checks when
 * the pack is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pango.h>

#include "glossary-test.h"
#include "pn-render-pango.h"

/* Explanations are rendered when the pack is read: their problems stand at
 * the explanation's line and name the entry. */
static void
test_explanation_checks (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = glossary_test_load (
    "{ \"entries\": [\n"
    "  { \"id\": \"rente\", \"term\": \"rente\", \"definition\": \"D.\",\n"
    "    \"explanation\": \"Voir [profit](glossary:profit), [Durand](source:durand-2020), [le texte](doc:doc).\" },\n"
    "  { \"id\": \"profit\", \"term\": \"profit\", \"definition\": \"D.\",\n"
    "    \"explanation\": \"Un <b>gras</b>\\n\\n[x](glossary:inconnue) [y](source:nulle) [z](doc:absent) [w](ftp://a)\" }\n"
    "] }\n", diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': unknown glossary entry 'inconnue'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': unknown source 'nulle'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': unknown document 'absent'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': links to 'ftp:' addresses are not allowed");
  /* The first explanation's links are all good. */
  g_assert_null (pn_test_find (diagnostics, "'rente'"));
  g_assert_cmpuint (diagnostics->len, ==, 5);
  g_assert_cmpint (pn_glossary_lookup (pn_pack_get_glossary (pack), "rente")->explanation_line, ==, 3);

  /* The markup made then is kept for the entry page, the same as rendering it again. */
  {
    const PnGlossaryEntry *rente = pn_glossary_lookup (pn_pack_get_glossary (pack), "rente");
    g_autoptr(GPtrArray) again_problems = pn_diagnostics_new ();
    g_autofree char *again = pn_render_markdown_pango (pack, rente->explanation, pn_pack_get_language (pack),
                                                       again_problems);

    g_assert_nonnull (rente->explanation_markup);
    g_assert_nonnull (strstr (rente->explanation_markup, "<a href=\"prisonnum://pack/"));
    g_assert_cmpstr (rente->explanation_markup, ==, again);
  }
}

/* The most entries, each with an explanation, all rendered when the pack is
 * read: every entry kept, no message. */
static void
test_many_explanations (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) json = g_string_new ("{ \"entries\": [\n");
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(PnPack) pack = NULL;

  for (guint i = 0; i < PN_GLOSSARY_MAX_ENTRIES; i++)
    {
      g_string_append_printf (json, "  { \"id\": \"e%u\", \"term\": \"terme %u\", \"definition\": \"D.\", "
                              "\"explanation\": \"", i, i);
      for (guint j = 0; j < 2; j++)
        g_string_append_printf (json, "Le **terme** *%u* renvoie à [l'autre](glossary:e%u) et à [Durand](source:durand-2020). ",
                                j, (i + 1) % PN_GLOSSARY_MAX_ENTRIES);
      g_string_append_printf (json, "\" }%s\n", i + 1 < PN_GLOSSARY_MAX_ENTRIES ? "," : "");
    }
  g_string_append (json, "] }\n");

  timer = g_timer_new ();
  pack = glossary_test_load (json->str, diagnostics);
  g_test_message ("%d explanations (%zu bytes) read and rendered in %.3f s", PN_GLOSSARY_MAX_ENTRIES,
                  json->len, g_timer_elapsed (timer, NULL));
  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (pn_glossary_get_n_entries (pn_pack_get_glossary (pack)), ==, PN_GLOSSARY_MAX_ENTRIES);
}

/* Pango markup */

static void
on_element (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  static const char * const allowed[] = { "markup", "a", "b", "i", "s", "tt", "sup", NULL };

  guint *links = user_data;

  g_assert_true (g_strv_contains (allowed, element));
  if (g_str_equal (element, "a"))
    {
      /* Links never nest. */
      g_assert_cmpuint ((*links)++, ==, 0);
      g_assert_cmpstr (names[0], ==, "href");
      g_assert_null (names[1]);
      g_assert_true (g_str_has_prefix (values[0], "prisonnum://pack/") ||
                     g_str_has_prefix (values[0], "https://") || g_str_has_prefix (values[0], "http://") ||
                     g_str_has_prefix (values[0], "mailto:"));
    }
  else
    {
      g_assert_null (names[0]);
    }
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  guint *links = user_data;

  if (g_str_equal (element, "a"))
    (*links)--;
}

/* @markup is what a GtkLabel takes: well formed, only the tags it knows, and
 * once its links are taken out (GtkLabel handles <a> itself), Pango markup. */
static void
assert_label_markup (const char *markup)
{
  static const GMarkupParser parser = { on_element, on_end_element, NULL, NULL, NULL };
  guint links_open = 0;
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &links_open, NULL);
  g_autoptr(GRegex) links = g_regex_new ("</?a( href=\"[^\"]*\")?>", 0, 0, NULL);
  g_autofree char *without_links = g_regex_replace_literal (links, markup, -1, 0, "", 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_utf8_validate (markup, -1, NULL));
  g_markup_parse_context_parse (context, document, -1, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_true (pango_parse_markup (without_links, -1, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
pango_of (PnPack     *pack,
          const char *markdown,
          GPtrArray  *diagnostics)
{
  char *markup = pn_render_markdown_pango (pack, markdown, NULL, diagnostics);

  g_test_message ("%s", markup);
  assert_label_markup (markup);

  return markup;
}

static PnPack *
explanation_pack (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnPack *pack = glossary_test_load ("{ \"entries\": [{ \"id\": \"stablecoins\", \"term\": \"stablecoins\", "
                                     "\"definition\": \"D.\" }] }", diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);

  return pack;
}

static void
test_pango (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *markup = pango_of (pack,
    "Le **seigneurage** est *la* rente de [Varoufakis](source:varoufakis-2023) ; voir "
    "[stablecoins](glossary:stablecoins), [le texte](doc:doc) et [un site](HTTPS://example.org/a?b=1&c=2).\n"
    "Pourquoi ? L'émission du `code`.\n"
    "\n"
    "- un\n"
    "- deux\n"
    "\n"
    "3. trois\n"
    "4. quatre\n"
    "\n"
    "# Titre\n"
    "\n"
    "Fin.", diagnostics);

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (markup, ==,
    "Le <b>seigneurage</b> est <i>la</i> rente de "
    "<a href=\"prisonnum://pack/test-pack/source/varoufakis-2023\">Varoufakis</a>" NNBSP "; voir "
    "<a href=\"prisonnum://pack/test-pack/glossary/stablecoins\">stablecoins</a>, "
    "<a href=\"prisonnum://pack/test-pack/doc/doc\">le texte</a> et "
    "<a href=\"https://example.org/a?b=1&amp;c=2\">un site</a>. "
    "Pourquoi" NNBSP "? L’émission du <tt>code</tt>.\n"
    "\n"
    "• un\n"
    "• deux\n"
    "\n"
    "3. trois\n"
    "4. quatre\n"
    "\n"
    "<b>Titre</b>\n"
    "\n"
    "Fin.");
}

/* Raw HTML, addresses of other schemes, unknown ids: text only, with the
 * passes' warnings, named after the glossary file. */
static void
test_pango_hostile (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *markup = pango_of (pack,
    "Un <script>alert(1)</script> <b onclick=\"x\">gras</b> [js](javascript:alert(1)) "
    "[data](data:text/html,<b>) [source](source:inconnue) [ancre](#ailleurs) "
    "<a href=\"https://example.org\">lien brut</a> & <span>x</span> \x01 ]]> <!-- c -->\n\n"
    "<div>bloc</div>\n", diagnostics);

  g_assert_null (strstr (markup, "script"));
  g_assert_null (strstr (markup, "alert"));
  g_assert_null (strstr (markup, "javascript"));
  g_assert_null (strstr (markup, "onclick"));
  g_assert_null (strstr (markup, "<a"));
  g_assert_null (strstr (markup, "div"));
  g_assert_nonnull (strstr (markup, "gras"));
  g_assert_nonnull (strstr (markup, "js"));
  g_assert_nonnull (strstr (markup, "ancre"));
  g_assert_nonnull (strstr (markup, "&amp;"));
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 0, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 0, "links to 'javascript:' addresses are not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 0, "unknown source 'inconnue'");
}

/* Control characters written in a link's address (a character reference, or
 * between pointy brackets): GMarkup takes none of them in an attribute, and a
 * label given such markup shows nothing. */
static void
test_pango_control_in_address (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autofree char *a = pango_of (pack, "[un](https://example.org/a&#1;b) [deux](<https://example.org/c\x02d>) "
                                 "[trois](https://example.org/e&#x7f;f) [quatre](https://example.org/g%01h)", NULL);

  g_assert_nonnull (strstr (a, "un"));
  g_assert_nonnull (strstr (a, "quatre"));
}

/* Deep nesting, many marks, long text: shallow, well-formed markup. */
static void
test_pango_nesting (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autoptr(GString) emphasis = g_string_new (NULL);
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autoptr(GString) lists = g_string_new (NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (emphasis, i % 2 ? "*" : "**");
  g_string_append (emphasis, "mot");
  for (guint i = 0; i < 5000; i++)
    g_string_append (emphasis, (4999 - i) % 2 ? "*" : "**");
  for (guint i = 0; i < 2000; i++)
    g_string_append (quotes, "> ");
  g_string_append (quotes, "cité");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (lists, "%*s- niveau %u\n", (int) (i * 2), "", i);
  /* Links inside links (a label's cannot nest): few enough for the parser's bounds. */
  for (guint i = 0; i < 50; i++)
    g_string_append (links, "[[x](glossary:stablecoins)](https://example.org) [y](https://example.org/y) ");

  a = pango_of (pack, emphasis->str, NULL);
  g_assert_nonnull (strstr (a, "mot"));
  g_assert_cmpuint (pn_test_count_matches (a, "<i>"), <=, 2);
  b = pango_of (pack, quotes->str, NULL);
  g_assert_nonnull (strstr (b, "cité"));
  c = pango_of (pack, lists->str, NULL);
  g_assert_nonnull (strstr (c, "niveau 199"));
  d = pango_of (pack, links->str, NULL);
  g_assert_cmpuint (pn_test_count_matches (d, "<a href"), ==, pn_test_count_matches (d, "</a>"));
  /* The inner links and the autolinks; the outer brackets are text. */
  g_assert_cmpuint (pn_test_count_matches (d, "<a href"), ==, 150);
}

/* With a line, the warnings stand where the JSON file holds the text. */
static void
test_pango_lines (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autoptr(GPtrArray) placed = pn_diagnostics_new ();
  g_autoptr(GPtrArray) relative = pn_diagnostics_new ();
  g_autofree char *a = pn_render_markdown_pango_full (pack, "Un\n\n[x](source:inconnue)", "fr", "g.json", 7, placed);
  g_autofree char *b = pn_render_markdown_pango_full (pack, "Un\n\n[x](source:inconnue)", "fr", NULL, 0, relative);

  g_assert_cmpstr (a, ==, "Un\n\nx");
  pn_test_assert_diagnostic (placed, PN_SEVERITY_WARNING, "g.json", 7, "unknown source 'inconnue'");
  g_assert_cmpint (((PnDiagnostic *) g_ptr_array_index (placed, 0))->column, ==, 0);
  pn_test_assert_diagnostic (relative, PN_SEVERITY_WARNING, G, 3, "unknown source 'inconnue'");
  g_assert_cmpstr (b, ==, a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/glossary/explanation-checks", test_explanation_checks);
  g_test_add_func ("/glossary/many-explanations", test_many_explanations);
  g_test_add_func ("/glossary/pango", test_pango);
  g_test_add_func ("/glossary/pango-hostile", test_pango_hostile);
  g_test_add_func ("/glossary/pango-nesting", test_pango_nesting);
  g_test_add_func ("/glossary/pango-control-in-address", test_pango_control_in_address);
  g_test_add_func ("/glossary/pango-lines", test_pango_lines);

  return g_test_run ();
}
