/* test-render-bounds.c: the renderer on inputs at and past its bounds (many
 * headings, notes, cells; inputs that cost cmark-gfm far more than their size)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "render-test.h"

/* Many headings with the same text all get distinct ids, and an id
 * written out ("a-2") is never given twice. */
static void
test_heading_ids_many (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) markdown = g_string_new ("# a-2\n\n# a-3\n\n");
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) heading = g_regex_new ("<h1 id=\"([^\"]*)\">", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *html = NULL;
  guint count = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append (markdown, "# a\n\n");
  g_string_append (markdown, "# a-2\n\n# a\n");
  html = render (markdown->str, diagnostics);

  for (g_regex_match (heading, html, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      char *id = g_match_info_fetch (match, 1);

      if (!g_hash_table_add (ids, id))
        g_test_fail_printf ("the id “%s” is given twice", id);
      count++;
    }

  /* "a", then a-4 to a-3002 (a-2 and a-3 are taken), then a-2-2 and a-3003. */
  g_assert_cmpuint (count, ==, 3004);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 3004);
  assert_contains (html, "<h1 id=\"a-2\">a-2</h1>");
  assert_contains (html, "<h1 id=\"a-3\">a-3</h1>");
  assert_contains (html, "<h1 id=\"a\">a</h1>");
  assert_contains (html, "<h1 id=\"a-4\">a</h1>");
  assert_contains (html, "<h1 id=\"a-3002\">a</h1>");
  assert_contains (html, "<h1 id=\"a-2-2\">a-2</h1>");
  assert_contains (html, "<h1 id=\"a-3003\">a</h1>");
  assert_lacks (html, "id=\"a-3004\"");
}

/* Every inline <script> goes with its code, each line warned once. */
static void
test_raw_html_many_inline (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) markdown = g_string_new ("Début\n\n");
  g_autofree char *html = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append (markdown, "mot <script>alert(1)</script> <style>p{}</STYLE> <script> code\n");
  g_string_append (markdown, "\nFin <script>x</script>gardé.\n");
  html = render (markdown->str, diagnostics);

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 501);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 3, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 502, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 504, "raw HTML is not allowed");
  assert_lacks (html, "<script");
  assert_lacks (html, "alert");
  assert_lacks (html, "<style");
  assert_lacks (html, "p{}");
  assert_lacks (html, "code");
  /* The first "mot" stays; after the unclosed <script> the rest of the paragraph is code. */
  assert_contains (html, "<p>mot  ");
  assert_contains (html, "<p>Fin gardé.</p>");
}

/* Many footnote references all get a back-link labelled in the document's
 * language (not the interface's). */
static void
test_footnotes_many (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autofree char *html = NULL;
  g_autofree char *english = NULL;
  const char *expected = " aria-label=\"Retour au texte\">";
  guint labels = 0;

  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (markdown, "Mot[^n%u] et[^n%u].\n\n", i, i);
  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (markdown, "[^n%u]: Note %u.\n\n", i, i);
  html = render (markdown->str, diagnostics);
  english = render_with (markdown->str, "en-GB", diagnostics);

  /* One back-link per reference, each with the label, the rest of the page intact. */
  for (const char *p = html; (p = strstr (p, expected)) != NULL; p++)
    labels++;
  g_assert_cmpuint (labels, ==, 600);
  g_assert_cmpuint (pn_test_count_matches (html, "data-footnote-backref"), ==, 600);
  g_assert_cmpuint (pn_test_count_matches (html, "aria-label="), ==, 600);
  assert_lacks (html, "Back to content");
  g_assert_cmpuint (pn_test_count_matches (english, " aria-label=\"Back to content\">"), ==, 600);
  assert_contains (html, "Note 300.");
  assert_contains (html, "</ol></section>\n</article>");
}

/* A row with 200 columns is text, with a warning naming its line. */
static void
test_table_too_wide (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) markdown = g_string_new ("Avant.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n");
  g_autofree char *html = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (markdown, "| x ");
  g_string_append (markdown, "|\n");
  for (guint i = 0; i < 200; i++)
    g_string_append (markdown, "|---");
  g_string_append (markdown, "|\n\n```\n");
  for (guint i = 0; i < 200; i++)
    g_string_append (markdown, "|");
  g_string_append (markdown, "\n```\n\nFin \\| échappé.\n");
  html = render (markdown->str, diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 7,
                             "this table row has more than 128 columns; it is shown as text");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 8,
                             "this table row has more than 128 columns; it is shown as text");
  g_assert_cmpuint (diagnostics->len, ==, 2);
  /* The narrow table is still a table, the wide one is a paragraph. */
  assert_contains (html, "<th>a</th>");
  assert_contains (html, "<p>| x | x | x ");
  assert_lacks (html, "<th>x</th>");
  assert_lacks (html, "\\|");
  assert_contains (html, "<p>Fin | échappé.</p>");
  /* Fenced code is left as it was. */
  assert_contains (html, "<pre><code>||||");
}

/* Past 20000 cells in all, the rows are dropped, with a warning. */
static void
test_table_cell_cap (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) markdown = g_string_new ("| a | b | c | d |\n|---|---|---|---|\n");
  g_autofree char *html = NULL;
  guint rows = 0;

  /* 4 header cells + 4999 rows of 4 = 20000 cells; then 10 rows too many. */
  for (guint i = 1; i <= 5009; i++)
    g_string_append_printf (markdown, "| r%u | 2 | 3 | 4 |\n", i);
  g_string_append (markdown, "\nEntre.\n\n| e | f |\n|---|---|\n| 1 | 2 |\n");
  html = render (markdown->str, diagnostics);

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 5002,
                             "tables hold more than 20000 cells");
  assert_contains (html, "<td>r4999</td>");
  assert_lacks (html, "<td>r5000</td>");
  assert_lacks (html, "<td>r5009</td>");
  assert_lacks (html, "<th>e</th>");
  assert_contains (html, "<p>Entre.</p>");
  for (const char *p = html; (p = strstr (p, "<table>")) != NULL; p++)
    rows++;
  g_assert_cmpuint (rows, ==, 1);
}

/* Rows far past the cap are not even parsed: the parser would spend memory
 * on each of them. */
static void
test_render_table_rows_cut_before_parsing (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  GString *markdown = g_string_new ("| a | b |\n|---|---|\n");
  g_autofree char *html = NULL;

  for (int i = 0; i < 30000; i++)
    g_string_append (markdown, "| x | y |\n");
  html = render (markdown->str, diagnostics);
  g_string_free (markdown, TRUE);

  g_assert_cmpuint (pn_test_count_matches (html, "<td"), <=, 20000);
  /* One warning, where the cap cuts (row 10000 after the header, line 10002);
   * past 40000 pipes (line 13334 on) rows never even reach the parser. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 10002, "more than 20000 cells");
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_null (strstr (html, "| x |"));
}

/* Inputs that cost cmark-gfm 0.29.0.gfm.6 far more than their size (found
 * by fuzzing): each is rendered in under 2 s and 500 MB, shown as plain text
 * with a warning at its line. */

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

/* The most memory this process has held, in kB (0 when unknown). */
static guint64
peak_memory_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static void
assert_bounded (const char *markdown,
                const char *shown)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render (markdown, diagnostics);
  double seconds = g_timer_elapsed (render_timer, NULL);

  g_test_message ("%.2f s, peak %" G_GUINT64_FORMAT " kB", seconds, peak_memory_kb ());
  /* Sanitizers make everything several times slower and bigger. */
  g_assert_cmpfloat (seconds, <, SANITIZED ? 10.0 : 2.0);
  if (!SANITIZED)
    g_assert_cmpuint (peak_memory_kb (), <, 500 * 1024);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 3, "shown as plain text");
  g_assert_cmpuint (diagnostics->len, ==, 1);
  assert_contains (html, "<p>Avant.</p>");
  assert_contains (html, shown);
  assert_contains (html, "<p>Après.</p>");
}

typedef struct {
  const char *path;
  const char *unit;      /* repeated @count times, after @prefix */
  gsize count;
  const char *prefix;
  const char *shown;     /* the start of the plain-text paragraph */
} BoundedCase;

static const BoundedCase bounded_cases[] = {
  /* Quadratic in the inline parser: each link walks every '[' still open. */
  { "/render/bound-image-brackets", "![[]()", 200000, "", "<p>![[]()![[]()![[]()" },
  /* Quadratic in the autolink extension: each ')' recounts the whole link. */
  { "/render/bound-autolink-parens", ")", 200000, "www.a.b/", "<p>www.a.b/))))))" },
  /* 8 MB of '[' took 1.9 GB. */
  { "/render/bound-open-brackets", "[", 8 * 1024 * 1024 - 64, "", "<p>[[[[[[[[" },
  /* Quotations and lists nested a million deep took seconds per line. */
  { "/render/bound-nesting", "> ", 1000000, "", "<p>&gt; &gt; &gt; &gt;" },
  /* Every emphasis, code span or entity is a node: 8 MB of them took 1.6 GB. */
  { "/render/bound-marks", "*a* ", 2000000, "", "<p>*a* *a* *a*" },
};

static void
test_bounded_case (gconstpointer data)
{
  const BoundedCase *bounded = data;
  g_autoptr(GString) markdown = g_string_new ("Avant.\n\n");

  g_string_append (markdown, bounded->prefix);
  for (gsize i = 0; i < bounded->count; i++)
    g_string_append (markdown, bounded->unit);
  g_string_append (markdown, "\n\nAprès.\n");
  assert_bounded (markdown->str, bounded->shown);
}

/* A document that spends its whole budget (here of '['): the rest is one
 * plain-text paragraph, from the paragraph that would pass it. */
static void
test_bound_document (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autofree char *brackets = g_strnfill (1000, '[');
  g_autofree char *html = NULL;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (markdown, "P%u *x* %s\n\n", i, brackets);
  html = render (markdown->str, diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 1);
  /* 100,000 '[': 100 paragraphs, the next one is line 201. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 201, "from this paragraph on");
  assert_contains (html, "<p>P99 <em>x</em> [[[");
  assert_contains (html, "<p>P100 *x* [[[");
  assert_contains (html, "[[[ P101 *x* [[[");
  assert_contains (html, "[[[ P149 *x* [[[");
  assert_lacks (html, "<p>P101");
}

/* Ordinary text stays far inside the bounds: a long table of links, a
 * paragraph with many links, a few closing parentheses. */
static void
test_bound_ordinary (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) markdown = g_string_new ("| Titre | Lien |\n|---|---|\n");
  g_autofree char *html = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (markdown, "| [Titre %u](source:lordon-2025) | [site](https://example.org/%u) |\n", i, i);
  g_string_append (markdown, "\n");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (markdown, "[lien %u](doc:autre) ", i);
  g_string_append (markdown, "\n\nVoir www.example.org/a_(b)) (et ((c))).\n");
  html = render (markdown->str, diagnostics);

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (pn_test_count_matches (html, "class=\"pn-cite\""), ==, 300);
  g_assert_cmpuint (pn_test_count_matches (html, "class=\"pn-external\""), ==, 301);
  g_assert_cmpuint (pn_test_count_matches (html, "class=\"pn-doc-link\""), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  render_timer = g_timer_new ();

  g_test_add_func ("/render/table-rows-cut-before-parsing", test_render_table_rows_cut_before_parsing);
  for (guint i = 0; i < G_N_ELEMENTS (bounded_cases); i++)
    g_test_add_data_func (bounded_cases[i].path, &bounded_cases[i], test_bounded_case);
  g_test_add_func ("/render/bound-document", test_bound_document);
  g_test_add_func ("/render/bound-ordinary", test_bound_ordinary);
  g_test_add_func ("/render/heading-ids-many", test_heading_ids_many);
  g_test_add_func ("/render/raw-html-many-inline", test_raw_html_many_inline);
  g_test_add_func ("/render/footnotes-many", test_footnotes_many);
  g_test_add_func ("/render/table-too-wide", test_table_too_wide);
  g_test_add_func ("/render/table-cell-cap", test_table_cell_cap);

  return g_test_run ();
}
