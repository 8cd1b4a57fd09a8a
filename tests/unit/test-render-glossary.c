/* test-render-glossary.c: the glossary pass: terms marked in the page, and their occurrences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-pack-check.h"
#include "pn-render.h"
#include "pn-test-util.h"

#define GLOSSARY \
  "{ \"entries\": [\n" \
  "  { \"id\": \"rente\", \"term\": \"rente\", \"forms\": [\"rentes\"], \"definition\": \"D.\" },\n" \
  "  { \"id\": \"subsomption\", \"term\": \"subsomption\", \"definition\": \"D.\" },\n" \
  "  { \"id\": \"subsomption-totale\", \"term\": \"subsomption totale\", \"definition\": \"D.\" },\n" \
  "  { \"id\": \"extraction\", \"term\": \"extraction\", \"definition\": \"D.\" },\n" \
  "  { \"id\": \"greve\", \"term\": \"grève des utilisateurices\",\n" \
  "    \"forms\": [\"grève des utilisateur·ices\"], \"definition\": \"D.\" },\n" \
  "  { \"id\": \"gafam\", \"term\": \"GAFAM\", \"case_sensitive\": true, \"definition\": \"D.\" },\n" \
  "  { \"id\": \"seigneurage\", \"term\": \"seigneurage\", \"definition\": \"D.\" },\n" \
  "  { \"id\": \"europe\", \"term\": \"Europe centrale\", \"definition\": \"D.\" }\n" \
  "] }\n"

#define LINK(id) "<a class=\"pn-term\" data-glossary=\"" id "\" href=\"prisonnum://pack/test-pack/glossary/" id "\">"

static PnRenderedPage *
render_mode (const char         *markdown,
             PnGlossaryLinkMode  mode,
             GPtrArray          *diagnostics)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"glossary\": \"glossary.json\", ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", markdown, "glossary.json", GLOSSARY, NULL);
  g_autoptr(GPtrArray) load_diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  PnRenderedPage *page;
  GPtrArray *found;

  pack = pn_test_load (dir, load_diagnostics);
  pn_test_dump (load_diagnostics);
  g_assert_cmpuint (load_diagnostics->len, ==, 0);
  g_assert_cmpuint (pn_glossary_get_n_entries (pn_pack_get_glossary (pack)), ==, 8);

  page = pn_render_page_full (pack, pn_pack_get_document (pack, "doc"), mode);
  found = pn_rendered_page_get_diagnostics (page);
  for (guint i = 0; diagnostics != NULL && i < found->len; i++)
    pn_diagnostics_add (diagnostics, pn_diagnostic_copy (g_ptr_array_index (found, i)));
  pn_test_remove_dir (dir);

  return page;
}

/* The article of the page, with every occurrence checked against the text:
 * its slice of the page's text is a form of its entry (as @forms, "id=text"
 * pairs joined by " | ", in text order, "+" before a linked one). */
static char *
render_checked (const char         *markdown,
                PnGlossaryLinkMode  mode,
                char              **forms)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnRenderedPage) page = render_mode (markdown, mode, diagnostics);
  const char *html = pn_rendered_page_get_html (page);
  const char *text = pn_rendered_page_get_text (page);
  GPtrArray *terms = pn_rendered_page_get_terms (page);
  GString *list = g_string_new (NULL);
  guint linked = 0;
  gsize previous = 0;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  for (guint i = 0; i < terms->len; i++)
    {
      const PnTermOccurrence *term = g_ptr_array_index (terms, i);
      const char *start = g_utf8_offset_to_pointer (text, term->start);
      const char *end = g_utf8_offset_to_pointer (text, term->end);
      const PnTextBlock *block = term->block_id != NULL ? pn_rendered_page_find_block (page, term->block_id) : NULL;

      g_assert_cmpuint (term->start, <, term->end);
      g_assert_cmpuint (term->start, >=, previous);
      previous = term->end;
      /* In its block. */
      g_assert_nonnull (block);
      g_assert_cmpuint (block->start, <=, term->start);
      g_assert_cmpuint (term->end, <=, block->end);
      g_string_append_printf (list, "%s%s%s=%.*s", i > 0 ? " | " : "", term->linked ? "+" : "",
                              term->entry_id, (int) (end - start), start);
      linked += term->linked;
    }
  /* As many links as linked occurrences. */
  g_assert_cmpuint (pn_test_count_matches (html, "class=\"pn-term\""), ==, linked);

  *forms = g_string_free (list, FALSE);

  return g_strndup (strstr (html, "<article"), strstr (html, "</article>") - strstr (html, "<article"));
}

static void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_test_fail_printf ("“%s” not in:\n%s", needle, html);
}

static void
test_marked (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked ("La rente et les rentes, la parente.\n", PN_GLOSSARY_LINK_ALL, &forms);

  assert_contains (html, "<p id=\"p_1\">La " LINK ("rente") "rente</a> et les " LINK ("rente") "rentes</a>, la parente.</p>");
  g_assert_cmpstr (forms, ==, "+rente=rente | +rente=rentes");
}

static void
test_elisions (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked ("De l'extraction à l’extraction, jusqu'extraction.\n",
                                          PN_GLOSSARY_LINK_ALL, &forms);

  /* Only the word after the apostrophe; the typography curls the straight one. */
  assert_contains (html, "De l’" LINK ("extraction") "extraction</a> à l’" LINK ("extraction") "extraction</a>, "
                         "jusqu’" LINK ("extraction") "extraction</a>.");
  g_assert_cmpstr (forms, ==, "+extraction=extraction | +extraction=extraction | +extraction=extraction");
}

static void
test_longest_inclusive_case (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked ("La subsomption totale puis la subsomption ; la grève des "
                                          "utilisateur·ices contre les GAFAM, pas les Gafam.\n",
                                          PN_GLOSSARY_LINK_ALL, &forms);

  assert_contains (html, LINK ("subsomption-totale") "subsomption totale</a>");
  assert_contains (html, LINK ("greve") "grève des utilisateur·ices</a>");
  assert_contains (html, LINK ("gafam") "<span class=\"pn-nohyphen\">GAFAM</span></a>");
  g_assert_cmpstr (forms, ==, "+subsomption-totale=subsomption totale | +subsomption=subsomption | "
                              "+greve=grève des utilisateur·ices | +gafam=GAFAM");
}

/* A term that starts inside a word kept whole (a proper noun after an
 * elision): the span closes and opens again, so that the elements nest. */
static void
test_inside_kept_word (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked ("Toute l'Europe centrale.\n", PN_GLOSSARY_LINK_ALL, &forms);

  assert_contains (html, "Toute <span class=\"pn-nohyphen\">l’</span>" LINK ("europe")
                         "<span class=\"pn-nohyphen\">Europe</span> centrale</a>.");
  g_assert_cmpstr (forms, ==, "+europe=Europe centrale");
}

/* A term written over two lines of the Markdown. */
static void
test_across_lines (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked ("La subsomption\ntotale et *la rente*.\n", PN_GLOSSARY_LINK_ALL, &forms);

  assert_contains (html, LINK ("subsomption-totale") "subsomption totale</a>");
  assert_contains (html, "<em>la " LINK ("rente") "<span class=\"pn-nohyphen\">rente</span></a></em>");
  g_assert_cmpstr (forms, ==, "+subsomption-totale=subsomption totale | +rente=rente");
}

static void
test_never_inside (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked ("# La rente\n\n"
                                          "Un [lien sur la rente](https://example.org), `la rente`,\n"
                                          "[la rente des seigneurs](glossary:seigneurage), une note[^rente].\n\n"
                                          "```\nla rente\n```\n\n"
                                          "Enfin la rente.\n\n"
                                          "[^rente]: La rente en note.\n",
                                          PN_GLOSSARY_LINK_ALL, &forms);

  /* Heading, link text, code span, code block, footnote call: untouched.
   * The explicit link is an occurrence of its own entry, with its terms
   * left alone; the paragraph and the note are linked (the positive controls). */
  assert_contains (html, "<h1 id=\"la-rente\">La rente</h1>");
  assert_contains (html, "rel=\"noreferrer\">lien sur la rente</a>");
  assert_contains (html, "<code>la rente</code>");
  assert_contains (html, LINK ("seigneurage") "la rente des seigneurs</a>");
  assert_contains (html, "<pre><code>la rente\n</code></pre>");
  assert_contains (html, "Enfin la " LINK ("rente") "rente</a>.");
  assert_contains (html, "La " LINK ("rente") "rente</a> en note.");
  g_assert_cmpstr (forms, ==, "+seigneurage=la rente des seigneurs | +rente=rente | +rente=rente");
}

static void
test_nolink (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked ("La [rente foncière](nolink:) et la rente.\n\n"
                                          "<!-- glossary: off -->\n\n"
                                          "Citation : la rente, les GAFAM.\n\n"
                                          "> Encore la rente.\n\n"
                                          "<!-- glossary: on -->\n\n"
                                          "De nouveau la rente.\n\n"
                                          "<!-- glossary: off -->\n"
                                          "Jusqu’au bout, pas de rente.\n",
                                          PN_GLOSSARY_LINK_ALL, &forms);

  /* The span is plain text, with no markup; the passage too. */
  assert_contains (html, "<p id=\"p_1\">La rente foncière et la " LINK ("rente") "rente</a>.</p>");
  assert_contains (html, "la rente, les <span class=\"pn-nohyphen\">GAFAM</span>.</p>");
  assert_contains (html, "Encore la rente.</p>");
  assert_contains (html, "De nouveau la " LINK ("rente") "rente</a>.");
  assert_contains (html, "pas de rente.</p>");
  g_assert_cmpstr (forms, ==, "+rente=rente | +rente=rente");
}

static void
test_switch_warning (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnRenderedPage) page = render_mode ("<!-- glossary: of -->\n\nLa rente.\n\n"
                                                "<!-- glossary: off -->\n\nLa rente.\n",
                                                PN_GLOSSARY_LINK_ALL, diagnostics);

  /* A misspelt switch is said and does nothing; the right one works. */
  g_assert_cmpuint (diagnostics->len, ==, 1);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 1, "glossary switch");
  g_assert_cmpuint (pn_test_count_matches (pn_rendered_page_get_html (page), "class=\"pn-term\""), ==, 1);
  g_assert_cmpuint (pn_rendered_page_get_terms (page)->len, ==, 1);
}

static const char modes_markdown[] =
  "La rente, la rente et [la rente](glossary:rente).\n\n"
  "Encore la rente.\n\n"
  "## Deuxième partie\n\n"
  "[Le seigneurage](glossary:seigneurage), le seigneurage et la rente.\n";

static void
test_mode_all (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked (modes_markdown, PN_GLOSSARY_LINK_ALL, &forms);

  g_assert_cmpstr (forms, ==, "+rente=rente | +rente=rente | +rente=la rente | +rente=rente | "
                              "+seigneurage=Le seigneurage | +seigneurage=seigneurage | +rente=rente");
}

static void
test_mode_first (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked (modes_markdown, PN_GLOSSARY_LINK_FIRST, &forms);

  /* The first of each term in each section; explicit links stay and count as a first. */
  g_assert_cmpstr (forms, ==, "+rente=rente | rente=rente | +rente=la rente | rente=rente | "
                              "+seigneurage=Le seigneurage | seigneurage=seigneurage | +rente=rente");
  assert_contains (html, "<p id=\"p_2\">Encore la rente.</p>");
}

static void
test_mode_none (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked (modes_markdown, PN_GLOSSARY_LINK_NONE, &forms);

  /* Every occurrence is still known; only the explicit links are links. */
  g_assert_cmpstr (forms, ==, "rente=rente | rente=rente | +rente=la rente | rente=rente | "
                              "+seigneurage=Le seigneurage | seigneurage=seigneurage | rente=rente");
  assert_contains (html, "<p id=\"p_1\">La rente, la rente et " LINK ("rente") "la rente</a>.</p>");
}

/* Offsets in code points, through typography that changes the text
 * (espaces fines, apostrophes) and text before in other blocks. */
static void
test_offsets (void)
{
  g_autofree char *forms = NULL;
  g_autofree char *html = render_checked ("Élément « déjà » : l'extraction !\n\n"
                                          "| Rente | x |\n|---|---|\n| une rente ? | l'extraction |\n",
                                          PN_GLOSSARY_LINK_ALL, &forms);

  g_assert_cmpstr (forms, ==, "+extraction=extraction | +rente=Rente | +rente=rente | +extraction=extraction");
}

/* Without a glossary, nothing is matched; explicit links are still occurrences. */
static void
test_unknown_entry (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnRenderedPage) page = render_mode ("[x](glossary:perdu) et [y](glossary:rente).\n",
                                                PN_GLOSSARY_LINK_ALL, diagnostics);
  GPtrArray *terms = pn_rendered_page_get_terms (page);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 1, "unknown glossary entry 'perdu'");
  g_assert_cmpuint (terms->len, ==, 1);
  g_assert_cmpstr (((PnTermOccurrence *) g_ptr_array_index (terms, 0))->entry_id, ==, "rente");
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The check renders in the mode asked, keeps each document's occurrences,
 * and warns of the entries that never occur, at their line. */
static void
test_check (void)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"glossary\": \"glossary.json\", ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", modes_markdown,
                                           "glossary.json", GLOSSARY, NULL);
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = NULL;
  GPtrArray *diagnostics;
  GPtrArray *terms;
  guint linked = 0;
  guint unused = 0;

  pn_pack_check_run_async_full (location, PN_GLOSSARY_LINK_FIRST, NULL, on_checked, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  check = pn_pack_check_run_finish (result, &error);
  pn_test_remove_dir (dir);
  g_assert_no_error (error);

  terms = pn_pack_check_get_terms (check, "doc");
  g_assert_nonnull (terms);
  g_assert_cmpuint (terms->len, ==, 7);
  for (guint i = 0; i < terms->len; i++)
    linked += ((PnTermOccurrence *) g_ptr_array_index (terms, i))->linked;
  g_assert_cmpuint (linked, ==, 4);
  g_assert_null (pn_pack_check_get_terms (check, "nothing"));

  /* Six entries of eight never occur: subsomption (line 3) is one, rente is not. */
  diagnostics = pn_pack_check_get_diagnostics (check);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "glossary.json", 3,
                             "glossary entry 'subsomption' (“subsomption”) never occurs");
  g_assert_null (pn_test_find (diagnostics, "'rente'"));
  g_assert_null (pn_test_find (diagnostics, "'seigneurage'"));
  for (guint i = 0; i < diagnostics->len; i++)
    unused += strstr (((PnDiagnostic *) g_ptr_array_index (diagnostics, i))->message, "never occurs") != NULL;
  g_assert_cmpuint (unused, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-glossary/marked", test_marked);
  g_test_add_func ("/render-glossary/elisions", test_elisions);
  g_test_add_func ("/render-glossary/longest-inclusive-case", test_longest_inclusive_case);
  g_test_add_func ("/render-glossary/inside-kept-word", test_inside_kept_word);
  g_test_add_func ("/render-glossary/across-lines", test_across_lines);
  g_test_add_func ("/render-glossary/never-inside", test_never_inside);
  g_test_add_func ("/render-glossary/nolink", test_nolink);
  g_test_add_func ("/render-glossary/switch-warning", test_switch_warning);
  g_test_add_func ("/render-glossary/mode-all", test_mode_all);
  g_test_add_func ("/render-glossary/mode-first", test_mode_first);
  g_test_add_func ("/render-glossary/mode-none", test_mode_none);
  g_test_add_func ("/render-glossary/offsets", test_offsets);
  g_test_add_func ("/render-glossary/unknown-entry", test_unknown_entry);
  g_test_add_func ("/render-glossary/check", test_check);

  return g_test_run ();
}
