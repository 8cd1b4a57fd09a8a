/* test-render.c: Markdown to the safe reader page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-render.h"
#include "pn-test-util.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* How long the last render took (the pack's making and loading left out). */
static GTimer *render_timer;

/* A pack in @language with one source, a glossary, a second document and an
 * image; its document "doc" holds @markdown. Returns the rendered page. */
static char *
render_numbered (const char *markdown,
                 const char *language,
                 GPtrArray  *diagnostics)
{
  g_autofree char *manifest = g_strdup_printf (
    "{\n"
    "  \"format\": 1, \"id\": \"render-test\", \"version\": \"1\", \"title\": \"Render\",\n"
    "  \"language\": \"%s\", \"license\": null, \"description\": \"\",\n"
    "  \"authors\": [{ \"name\": \"Ada\", \"affiliations\": [\"Lab\"] }],\n"
    "  \"documents\": [\n"
    "    { \"id\": \"doc\", \"title\": \"Le document : essai\", \"file\": \"doc.md\" },\n"
    "    { \"id\": \"autre\", \"title\": \"Autre\", \"file\": \"autre.md\" }\n"
    "  ],\n"
    "  \"sources\": \"sources.json\", \"glossary\": \"glossary.json\"\n"
    "}\n", language);
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "doc.md", markdown,
                                           "autre.md", "# Autre\n",
                                           "sources.json", "[{ \"id\": \"lordon-2025\", \"title\": \"T\" }]",
                                           "glossary.json", "[]",
                                           "figures/fig 1.png", "not really a PNG",
                                           NULL);
  g_autoptr(GPtrArray) load_diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, load_diagnostics);
  char *html;

  pn_test_dump (load_diagnostics);
  g_assert_cmpuint (load_diagnostics->len, ==, 0);

  g_timer_start (render_timer);
  html = pn_render_document (pack, pn_pack_get_document (pack, "doc"), diagnostics);
  g_timer_stop (render_timer);
  pn_test_remove_dir (dir);

  return html;
}

/* @html without the spans that keep words whole. */
static char *
strip_kept_words (const char *html)
{
  static const char open[] = "<span class=\"pn-nohyphen\">";
  GString *out = g_string_sized_new (strlen (html));
  const char *end = html + strlen (html);
  const char *p = html;
  const char *found;

  /* g_strstr_len: AddressSanitizer's strstr measures the whole rest of the
   * page at each call, which makes this loop quadratic there. */
  while ((found = g_strstr_len (p, end - p, open)) != NULL)
    {
      const char *close = g_strstr_len (found, end - found, "</span>");

      g_assert_nonnull (close);
      g_string_append_len (out, p, found - p);
      g_string_append_len (out, found + strlen (open), close - found - strlen (open));
      p = close + strlen ("</span>");
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/* The page without the block ids (p_1, q_1, t_1…), which /render/block-ids
 * checks, nor the words kept whole, which /render/keep-whole checks. */
static char *
render_with (const char *markdown,
             const char *language,
             GPtrArray  *diagnostics)
{
  g_autofree char *html = render_numbered (markdown, language, diagnostics);
  GString *unnumbered = g_string_sized_new (strlen (html));
  g_autofree char *page = NULL;

  /* Not a GRegex: GLib 2.74 checks the whole string again at each match. */
  for (const char *p = html; *p != '\0'; )
    {
      gsize digits = 0;

      if (g_str_has_prefix (p, " id=\"") && strchr ("pqt", p[5]) != NULL && p[5] != '\0' && p[6] == '_')
        digits = strspn (p + 7, "0123456789");
      if (digits > 0 && p[7 + digits] == '"')
        {
          p += 8 + digits;
          continue;
        }
      g_string_append_c (unnumbered, *p++);
    }
  page = g_string_free (unnumbered, FALSE);

  return strip_kept_words (page);
}

static char *
render (const char *markdown,
        GPtrArray  *diagnostics)
{
  return render_with (markdown, "fr", diagnostics);
}

static void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    {
      g_test_message ("%s", html);
      g_test_fail_printf ("the page lacks “%s”", needle);
    }
}

static void
assert_lacks (const char *html,
              const char *needle)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  g_autofree char *lower_needle = g_ascii_strdown (needle, -1);

  if (strstr (lower, lower_needle) != NULL)
    {
      g_test_message ("%s", html);
      g_test_fail_printf ("the page holds “%s”", needle);
    }
}

/* The page */

static void
test_page (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load_fixture ("good", diagnostics);
  g_autofree char *html = pn_render_document (pack, pn_pack_get_document (pack, "texte"), diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"fr\">\n"));
  assert_contains (html, "<meta charset=\"utf-8\">");
  assert_contains (html, "<meta name=\"viewport\"");
  assert_contains (html, "<title>Le texte" NBSP ": une lecture</title>");
  assert_contains (html, "<link rel=\"stylesheet\" href=\"prisonnum://app/reader.css\">");
  assert_contains (html, "<header class=\"pn-doc-header\">\n<h1 class=\"pn-doc-title\">Le texte" NBSP ": une lecture</h1>");
  /* Two authors, three affiliation references, two distinct affiliations. */
  assert_contains (html, "<span class=\"pn-author\">Camille Martin<sup>1,2</sup></span>, "
                         "<span class=\"pn-author\">Sam Durand<sup>2</sup></span>");
  assert_contains (html, "<ol class=\"pn-affiliations\">\n<li>Université A</li>\n<li>Laboratoire B</li>\n</ol>");
  assert_contains (html, "<article class=\"pn-doc\">");
  assert_contains (html, "<table>");
  assert_lacks (html, "<script");
  g_assert_true (g_str_has_suffix (html, "</article>\n</body>\n</html>\n"));
}

static void
test_document_uri (void)
{
  g_autoptr(PnPack) pack = pn_test_load_fixture ("good", NULL);
  g_autofree char *uri = pn_render_document_uri (pack, "texte");

  g_assert_cmpstr (uri, ==, "prisonnum://pack/test-good/doc/texte");
}

static void
test_footnotes (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("Un appel[^1] et un autre[^note].\n\n"
                                  "[^1]: Première note.\n"
                                  "[^note]: Seconde note.\n", diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  assert_contains (html, "<section class=\"footnotes\" data-footnotes>");
  assert_contains (html, "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>");
  /* Footnotes are named by their number, whatever their label. */
  assert_contains (html, "<a href=\"#fn-2\" id=\"fnref-2\" data-footnote-ref>2</a>");
  assert_contains (html, "<li id=\"fn-1\">");
  assert_contains (html, "<li id=\"fn-2\">");
  assert_lacks (html, "fn-note");
  g_assert_cmpuint (pn_test_count_matches (html, "data-footnote-backref"), ==, 2);
}

static void
test_blockquotes (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("> Citation.\n>\n> — Frédéric Lordon, [« Titre »](source:lordon-2025)\n\n"
                                  "> Sans source.\n>\n> — Quelqu'un\n\n"
                                  "> — Un seul paragraphe n'est pas une attribution\n\n"
                                  "> Avant-dernier.\n>\n> — Pas le dernier\n>\n> Dernier.\n", diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  assert_contains (html, "<blockquote data-source=\"lordon-2025\"><p>Citation.</p>\n"
                         "<footer class=\"pn-attribution\"><p>— Frédéric Lordon, <a class=\"pn-cite\"");
  assert_contains (html, "<blockquote><p>Sans source.</p>\n<footer class=\"pn-attribution\"><p>— Quelqu’un</p></footer></blockquote>");
  assert_contains (html, "<blockquote><p>— Un seul paragraphe");
  g_assert_cmpuint (pn_test_count_matches (html, "<footer"), ==, 2);
  g_assert_cmpuint (pn_test_count_matches (html, "<blockquote"), ==, 4);
}

/* Links */

static void
test_pack_links (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("[cite](source:lordon-2025), [terme](glossary:seigneurage), "
                                  "[autre](doc:autre#autre), [autre](doc:autre), "
                                  "[titre](source:lordon-2025 \"Le \\\"titre\\\"\").\n", diagnostics);

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  assert_contains (html, "<a class=\"pn-cite\" data-source=\"lordon-2025\" "
                         "href=\"prisonnum://pack/render-test/source/lordon-2025\">cite</a>");
  assert_contains (html, "<a class=\"pn-term\" data-glossary=\"seigneurage\" "
                         "href=\"prisonnum://pack/render-test/glossary/seigneurage\">terme</a>");
  assert_contains (html, "<a class=\"pn-doc-link\" data-doc=\"autre\" "
                         "href=\"prisonnum://pack/render-test/doc/autre#autre\">autre</a>");
  assert_contains (html, "href=\"prisonnum://pack/render-test/doc/autre\">autre</a>");
  assert_contains (html, " title=\"Le &quot;titre&quot;\">titre</a>");
}

/* Table cells take links too (they accept no custom node: the markup goes
 * in raw HTML nodes of ours). */
static void
test_links_in_table (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("| Œuvre | Lien |\n|---|---|\n"
                                  "| [cite](source:lordon-2025) | a@example.org |\n"
                                  "| [perdu](source:perdu) | [js](javascript:x) <b>gras</b> |\n", diagnostics);

  assert_contains (html, "<td><a class=\"pn-cite\" data-source=\"lordon-2025\" "
                         "href=\"prisonnum://pack/render-test/source/lordon-2025\">cite</a></td>");
  assert_contains (html, "<td><a class=\"pn-external\" href=\"mailto:a@example.org\" "
                         "rel=\"noreferrer\">a@example.org</a></td>");
  assert_contains (html, "<td><span class=\"pn-unresolved\">perdu</span></td>");
  assert_contains (html, "<td>js gras</td>");
  assert_lacks (html, "javascript");
  assert_lacks (html, "<b>");
  g_assert_cmpuint (diagnostics->len, ==, 3);
}

static void
test_unknown_ids (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("Texte.\n\n[perdu](source:perdu) et [ailleurs](doc:nulle-part#x)\n"
                                  "et [mauvais](glossary:a%20b).\n", diagnostics);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 3, "unknown source 'perdu'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 3, "unknown document 'nulle-part'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 4, "is not a glossary entry id");
  g_assert_cmpint (((PnDiagnostic *) g_ptr_array_index (diagnostics, 0))->column, ==, 1);
  assert_contains (html, "<span class=\"pn-unresolved\">perdu</span>");
  assert_contains (html, "<span class=\"pn-unresolved\">ailleurs</span>");
  assert_lacks (html, "source:perdu");
  assert_lacks (html, "nulle-part");
}

static void
test_external_links (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("[site](https://example.org/a?b=1&c=2), <mailto:a@example.org>, "
                                  "www.example.com et [sans hôte](http:///chemin).\n", diagnostics);

  assert_contains (html, "<a class=\"pn-external\" href=\"https://example.org/a?b=1&amp;c=2\" "
                         "rel=\"noreferrer\">site</a>");
  assert_contains (html, "<a class=\"pn-external\" href=\"mailto:a@example.org\" rel=\"noreferrer\">");
  assert_contains (html, "<a class=\"pn-external\" href=\"http://www.example.com\" rel=\"noreferrer\">");
  assert_contains (html, "et sans hôte.");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 1, "not a valid address");
}

static void
test_anchor_links (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("## Une partie\n\n[là](#une-partie), [note](#fn-1), [nulle part](#),\n"
                                  "[absent](#absent).\n\nTexte[^1].\n\n[^1]: Note.\n", diagnostics);

  assert_contains (html, "<a href=\"#une-partie\">là</a>");
  assert_contains (html, "<a href=\"#fn-1\">note</a>");
  assert_contains (html, "nulle part,");
  assert_contains (html, "<a href=\"#absent\">absent</a>");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 3, "link to '#' leads nowhere");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 4, "no heading has the id 'absent'");
  g_assert_cmpuint (diagnostics->len, ==, 2);
}

static void
test_dangerous_links (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("[un](javascript:alert(1))\n"
                                  "[deux](JaVaScRiPt:alert(2))\n"
                                  "[trois](data:text/html;base64,PHNjcmlwdD4=)\n"
                                  "[quatre](vbscript:msgbox(4))\n"
                                  "[cinq](file:///etc/passwd)\n"
                                  "[six](essai.md)\n"
                                  "<javascript:alert(7)>\n"
                                  "[huit][ref]\n\n"
                                  "[ref]: javascript:alert(8)\n", diagnostics);
  static const int lines[] = { 1, 2, 3, 4, 5, 6, 7, 8 };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", lines[i], "left out");

  assert_contains (html, "<p>un deux trois quatre cinq six ");
  /* An autolink's text is its address: it stays, as text. */
  assert_contains (html, "six javascript:alert(7) huit</p>");
  assert_lacks (html, "<a ");
  assert_lacks (html, "alert(1)");
  assert_lacks (html, "alert(8)");
  assert_lacks (html, "vbscript");
  assert_lacks (html, "data:");
  assert_lacks (html, "file:");
  assert_lacks (html, "essai.md");
}

static void
test_raw_html (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("Avant.\n\n"
                                  "<script>alert(1)</script>\n\n"
                                  "Un <b onclick=\"alert(2)\">gras</b> et <script>alert(3)</script> fin.\n\n"
                                  "<iframe src=\"http://127.0.0.1:9/\"></iframe>\n\n"
                                  "<meta http-equiv=\"refresh\" content=\"0; url=http://127.0.0.1:9/\">\n\n"
                                  "<style>body { color: red }</style>\n\n"
                                  "<object data=\"x\"></object> <embed src=\"y\">\n\n"
                                  "<!-- une remarque de l'auteur -->\n\n"
                                  "Entité &lt;script&gt; gardée.\n", diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 3, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 5, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 7, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 9, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 11, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 13, "raw HTML is not allowed");
  /* One warning a line; a lone comment is dropped silently. */
  g_assert_cmpuint (diagnostics->len, ==, 6);

  assert_contains (html, "<p>Un gras et  fin.</p>");
  assert_contains (html, "Entité &lt;script&gt; gardée.");
  assert_lacks (html, "<script");
  assert_lacks (html, "alert");
  assert_lacks (html, "onclick");
  assert_lacks (html, "<iframe");
  assert_lacks (html, "http-equiv");
  assert_lacks (html, "<style");
  assert_lacks (html, "<object");
  assert_lacks (html, "<embed");
  assert_lacks (html, "remarque");
  assert_lacks (html, "raw HTML omitted");
  assert_lacks (html, "<p></p>");
}

static void
test_images (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("![Un schéma](figures/fig%201.png \"Figure\")\n\n"
                                  "![Image distante](http://127.0.0.1:9/x.png)\n\n"
                                  "![Image data](data:image/png;base64,AAAA)\n\n"
                                  "![Hors du dossier](../x.png)\n\n"
                                  "![Absente](figures/absente.png)\n\n"
                                  "![Pas une image](doc.md)\n", diagnostics);

  assert_contains (html, "<img src=\"prisonnum://pack/render-test/files/figures/fig%201.png\" "
                         "alt=\"Un schéma\" title=\"Figure\">");
  g_assert_cmpuint (pn_test_count_matches (html, "<img"), ==, 1);
  assert_contains (html, "<p>Image distante</p>");
  assert_contains (html, "<p>Image data</p>");
  assert_contains (html, "<p>Hors du dossier</p>");
  assert_contains (html, "<p>Absente</p>");
  assert_lacks (html, "127.0.0.1");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 3, "remote image");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 5, "images must be files inside the pack");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 7, "is outside the pack");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 9, "not found");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "doc.md", 11, "is not an image file");
}

/* Typography */

static void
test_french_spacing_function (void)
{
  static const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "Quoi ? Vraiment ! Oui ; non.", "Quoi" NNBSP "? Vraiment" NNBSP "! Oui" NNBSP "; non." },
    { "« citation »", "«" NNBSP "citation" NNBSP "»" },
    { "«" NBSP "déjà" NBSP "»", "«" NNBSP "déjà" NNBSP "»" },
    { "Note : 75 %", "Note" NBSP ": 75" NBSP "%" },
    { "Note" NBSP ": ok", "Note" NBSP ": ok" },
    /* Never inserts a space where there is none. */
    { "http://example.org?a;b!", "http://example.org?a;b!" },
    { "«mot»", "«mot»" },
    { "(?) et (!)", "(?) et (!)" },
    { "&amp; &lt;b&gt;", "&amp; &lt;b&gt;" },
    { "", "" },
    { " ?", NNBSP "?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pn_render_french_spacing (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_french_spacing_document (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *french = render ("Vraiment ? Le *mot* ; et [« lien »](source:lordon-2025) !\n\n"
                                    "Du code `a ; b ?` et :\n\n    bloc ; code ?\n", diagnostics);
  g_autofree char *english = render_with ("Really ? Yes : no !\n", "en", diagnostics);

  assert_contains (french, "Vraiment" NNBSP "? Le <em>mot</em>" NNBSP "; et ");
  assert_contains (french, ">«" NNBSP "lien" NNBSP "»</a>" NNBSP "!");
  assert_contains (french, "<code>a ; b ?</code> et" NBSP ":");
  assert_contains (french, "bloc ; code ?");
  {
    g_autofree char *lines = render ("Une ligne\n; la suite\n« et\nla citation\n» puis\n: fin\n", diagnostics);

    /* A line of the Markdown that ends before ; or » still gets its thin space. */
    assert_contains (lines, "<p>Une ligne" NNBSP "; la suite «" NNBSP "et la citation" NNBSP "» puis" NBSP ": fin</p>");
  }
  assert_contains (english, "Really ? Yes : no !");
  assert_contains (english, "<html lang=\"en\">");
}

static void
test_heading_ids (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("# Économie politique\n\n## Économie politique\n\n### L'œuvre « ouverte » !\n\n"
                                  "## ???\n\n## Fn 1\n\n## `code` *et* texte\n", diagnostics);

  assert_contains (html, "<h1 id=\"economie-politique\">");
  assert_contains (html, "<h2 id=\"economie-politique-2\">");
  assert_contains (html, "<h3 id=\"loeuvre-ouverte\">");
  assert_contains (html, "<h2 id=\"section\">");
  assert_contains (html, "<h2 id=\"section-fn-1\">");
  assert_contains (html, "<h2 id=\"code-et-texte\"><code>code</code> <em>et</em> texte</h2>");
}

/* Whatever comes from the manifest is escaped. */
static void
test_escaped_manifest (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load_fixture ("hostile", diagnostics);
  g_autofree char *html = pn_render_document (pack, pn_pack_get_document (pack, "hostile"), diagnostics);

  assert_contains (html, "<title>Hostile &quot; onload=&quot;alert(3)</title>");
  assert_contains (html, "&lt;img src=x onerror=alert(1)&gt;Eve<sup>1</sup>");
  assert_contains (html, "<li>&lt;b onmouseover=&quot;alert(2)&quot;&gt;Lab&lt;/b&gt;</li>");
  assert_lacks (html, "<script");
  assert_lacks (html, "<img");
  assert_lacks (html, "<iframe");
  assert_lacks (html, "<meta http-equiv");
  assert_lacks (html, "<style");
  assert_lacks (html, "<link rel=\"stylesheet\" href=\"http");
  assert_lacks (html, "<svg");
  assert_lacks (html, "127.0.0.1");
  assert_lacks (html, "javascript:");
  assert_lacks (html, " onload=\"");
  assert_lacks (html, " onclick=\"");
  assert_lacks (html, " onerror=\"");
}

static void
test_title_script (void)
{
  const char *manifest =
    "{\n"
    "  \"format\": 1, \"id\": \"t\", \"version\": \"1\", \"title\": \"T\",\n"
    "  \"language\": \"fr\", \"license\": null, \"description\": \"\",\n"
    "  \"authors\": [{ \"name\": \"</span><script>x()</script>\" }],\n"
    "  \"documents\": [{ \"id\": \"doc\", \"title\": \"<script>alert(1)</script>\", \"file\": \"doc.md\" }]\n"
    "}\n";
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "Texte.\n", NULL);
  g_autoptr(PnPack) pack = pn_test_load (dir, NULL);
  g_autofree char *html = pn_render_document (pack, pn_pack_get_document (pack, "doc"), NULL);

  assert_contains (html, "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>");
  assert_contains (html, "<h1 class=\"pn-doc-title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>");
  assert_contains (html, "<span class=\"pn-author\">&lt;/span&gt;&lt;script&gt;x()&lt;/script&gt;</span>");
  assert_lacks (html, "<script");

  pn_test_remove_dir (dir);
}

/* Paragraphs and list items are numbered in reading order, footnotes and
 * quotations included; text that looks like a tag is not. */
static void
test_render_block_ids (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render_numbered ("Un `<p>` et &lt;p&gt; ici[^1].\n\n"
                                           "> Citation.\n\n"
                                           "- premier\n- second\n\n"
                                           "[^1]: Note.\n",
                                           "fr", diagnostics);

  assert_contains (html, "<p id=\"p_1\">Un <code>&lt;p&gt;</code> et &lt;p&gt; ici");
  assert_contains (html, "<blockquote id=\"q_1\"><p id=\"p_2\">Citation.</p></blockquote>");
  assert_contains (html, "<ul><li id=\"p_3\">premier</li>\n<li id=\"p_4\">second</li></ul>");
  assert_contains (html, "<p id=\"p_5\">Note.");
  assert_lacks (html, "p_6");
  assert_lacks (html, "<p>");
}

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

/* An image's description is its alt text: plain text, even with a link or
 * emphasis in it. */
static void
test_image_alt_plain (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("![Un *beau* [schéma](https://example.org) `x<y` l'a](figures/fig%201.png)\n",
                                  diagnostics);

  assert_contains (html, " alt=\"Un beau schéma x&lt;y l'a\">");
  assert_lacks (html, "&lt;a");
  assert_lacks (html, "&lt;em");
  assert_lacks (html, "pn-external");
}

static void
assert_located (GPtrArray *diagnostics,
                guint      index,
                int        line,
                int        column)
{
  const PnDiagnostic *diagnostic = g_ptr_array_index (diagnostics, index);

  g_assert_cmpint (diagnostic->line, ==, line);
  g_assert_cmpint (diagnostic->column, ==, column);
}

/* Autolinks are reported where they are, on any line of their paragraph. */
static void
test_autolink_positions (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render ("Premier\n  deux www.exemple.org et\ntrois ftp://a.b/x fin ftp://c.d/y\n\n"
                                  "> q\n> x ftp://e.f/z\n\n"
                                  "[ftp://g.h](ftp://g.h) et ftp://g.h\n", diagnostics);

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 5);
  assert_located (diagnostics, 0, 3, 7);
  assert_located (diagnostics, 1, 3, 23);
  assert_located (diagnostics, 2, 6, 5);
  /* A written link and an autolink with the same text, each at its place. */
  assert_located (diagnostics, 3, 8, 1);
  assert_located (diagnostics, 4, 8, 27);
  assert_contains (html, "href=\"http://www.exemple.org\"");
}

/* French text gets typographic apostrophes, never in code, addresses or
 * attributes; an English one keeps its own. */
static void
test_apostrophes (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *french = render ("L'essence d'*aujourd'hui* `l'a` [qu'il](https://example.org/l'a \"l'x\") "
                                    "www.example.org/l'y et o'neil@example.org ![l'image](figures/fig%201.png)\n\n"
                                    "```\nc'est du code\n```\n\n    l'indenté\n", diagnostics);
  g_autofree char *english = render_with ("It's Ada's.\n", "en", diagnostics);

  assert_contains (french, "L’essence d’<em>aujourd’hui</em> <code>l'a</code> ");
  assert_contains (french, "href=\"https://example.org/l&apos;a\" rel=\"noreferrer\" title=\"l&apos;x\">qu’il</a>");
  assert_contains (french, ">www.example.org/l'y</a>");
  assert_contains (french, " o'<a class=\"pn-external\" href=\"mailto:neil@example.org\"");
  assert_contains (french, "alt=\"l'image\"");
  assert_contains (french, "<pre><code>c'est du code\n</code></pre>");
  assert_contains (french, "<pre><code>l'indenté\n</code></pre>");
  assert_contains (english, "It's Ada's.");
}

/* Proper nouns, titles and hyphenated words are kept whole (the reader's
 * stylesheet sets hyphens: manual on them); the first word of a sentence and
 * ordinary words are not marked. */
static void
test_keep_whole (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *html = render_numbered ("Publié dans Contretemps par Frédéric Lordon, voir le Monde "
                                           "Diplomatique et l’Europe : une lecture techno-critique. "
                                           "Ensuite *Une revue* ici.\n\n"
                                           "— Frédéric\n\n`Contretemps` Contretemps\n", "fr", diagnostics);
  g_autofree char *css = NULL;

  assert_contains (html, "dans <span class=\"pn-nohyphen\">Contretemps</span> par "
                         "<span class=\"pn-nohyphen\">Frédéric</span> <span class=\"pn-nohyphen\">Lordon</span>,");
  assert_contains (html, "<span class=\"pn-nohyphen\">Diplomatique</span>");
  assert_contains (html, "<span class=\"pn-nohyphen\">l’Europe</span>");
  assert_contains (html, "<span class=\"pn-nohyphen\">techno-critique</span>");
  /* In emphasis (a title), every word long enough. */
  assert_contains (html, "<em>Une <span class=\"pn-nohyphen\">revue</span></em>");
  /* Sentence starts and ordinary words are left to the hyphenator. */
  assert_contains (html, "<p id=\"p_1\">Publié dans");
  assert_contains (html, ". Ensuite ");
  assert_contains (html, " lecture ");
  /* After a dash, a name is a name; code is never marked. */
  assert_contains (html, "— <span class=\"pn-nohyphen\">Frédéric</span>");
  assert_contains (html, "<code>Contretemps</code> <span class=\"pn-nohyphen\">Contretemps</span>");

  /* The stylesheet keeps them whole. */
  {
    g_autofree char *path = g_build_filename (g_getenv ("PN_SOURCE_ROOT"), "src", "reader", "reader.css", NULL);

    g_assert_nonnull (g_getenv ("PN_SOURCE_ROOT"));
    g_assert_true (g_file_get_contents (path, &css, NULL, NULL));
  }
  assert_contains (css, ".pn-nohyphen {\n  hyphens: manual;\n  -webkit-hyphens: manual;\n}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  render_timer = g_timer_new ();

  g_test_add_func ("/render/table-rows-cut-before-parsing", test_render_table_rows_cut_before_parsing);
  g_test_add_func ("/render/block-ids", test_render_block_ids);
  g_test_add_func ("/render/apostrophes", test_apostrophes);
  g_test_add_func ("/render/keep-whole", test_keep_whole);
  for (guint i = 0; i < G_N_ELEMENTS (bounded_cases); i++)
    g_test_add_data_func (bounded_cases[i].path, &bounded_cases[i], test_bounded_case);
  g_test_add_func ("/render/bound-document", test_bound_document);
  g_test_add_func ("/render/bound-ordinary", test_bound_ordinary);
  g_test_add_func ("/render/image-alt-plain", test_image_alt_plain);
  g_test_add_func ("/render/autolink-positions", test_autolink_positions);
  g_test_add_func ("/render/page", test_page);
  g_test_add_func ("/render/document-uri", test_document_uri);
  g_test_add_func ("/render/footnotes", test_footnotes);
  g_test_add_func ("/render/blockquotes", test_blockquotes);
  g_test_add_func ("/render/pack-links", test_pack_links);
  g_test_add_func ("/render/links-in-table", test_links_in_table);
  g_test_add_func ("/render/unknown-ids", test_unknown_ids);
  g_test_add_func ("/render/external-links", test_external_links);
  g_test_add_func ("/render/anchor-links", test_anchor_links);
  g_test_add_func ("/render/dangerous-links", test_dangerous_links);
  g_test_add_func ("/render/raw-html", test_raw_html);
  g_test_add_func ("/render/images", test_images);
  g_test_add_func ("/render/french-spacing", test_french_spacing_function);
  g_test_add_func ("/render/french-spacing-document", test_french_spacing_document);
  g_test_add_func ("/render/heading-ids", test_heading_ids);
  g_test_add_func ("/render/escaped-manifest", test_escaped_manifest);
  g_test_add_func ("/render/title-script", test_title_script);
  g_test_add_func ("/render/heading-ids-many", test_heading_ids_many);
  g_test_add_func ("/render/raw-html-many-inline", test_raw_html_many_inline);
  g_test_add_func ("/render/footnotes-many", test_footnotes_many);
  g_test_add_func ("/render/table-too-wide", test_table_too_wide);
  g_test_add_func ("/render/table-cell-cap", test_table_cell_cap);

  return g_test_run ();
}
