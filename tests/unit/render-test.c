/* render-test.c: rendering a document of a small pack, for the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "render-test.h"

#include <string.h>

/* How long the last render took (the pack's making and loading left out). */
GTimer *render_timer;

/* A pack in @language with one source, a glossary, a second document and an
 * image; its document "doc" holds @markdown. Returns the rendered page. */
char *
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
                                           "glossary.json",
                                           "{ \"entries\": [{ \"id\": \"seigneurage\", \"term\": \"seigneurage\", "
                                           "\"definition\": \"Le revenu de qui émet la monnaie.\" }] }",
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
char *
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

      /* strncmp, not g_str_has_prefix: GLib 2.84's measures the whole rest of the page at each
       * call (quadratic: 40 s on the 1.2 MB pages of test-render-bounds on Debian 13). */
      if (strncmp (p, " id=\"", 5) == 0 && strchr ("pqt", p[5]) != NULL && p[5] != '\0' && p[6] == '_')
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

char *
render (const char *markdown,
        GPtrArray  *diagnostics)
{
  return render_with (markdown, "fr", diagnostics);
}

void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    {
      g_test_message ("%s", html);
      g_test_fail_printf ("the page lacks “%s”", needle);
    }
}

void
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
