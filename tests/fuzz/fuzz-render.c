/* fuzz-render.c: rendering a pack document (pn-render and its passes)
 *
 * Each input is written as the Markdown of a document of a French pack that
 * also holds a second document, a source, a glossary and an image, and the
 * pack is loaded and the document rendered as the app does. The page must be
 * valid UTF-8 made only of the renderer's own elements and attributes (no
 * markup or script from the input), its text and block map must agree, and
 * every problem must read as valid UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pn-diagnostic.h"
#include "pn-fuzz.h"
#include "pn-pack.h"
#include "pn-render.h"


static const char *pack_dir;
static char *doc_path;

static const PnFuzzFile pack_files[] = {
  { "pack.json",
    "{ \"format\": 1, \"id\": \"fuzz\", \"version\": \"1\", \"title\": \"Fuzz\", \"language\": \"fr\",\n"
    "  \"license\": null, \"description\": \"\", \"authors\": [{ \"name\": \"Ada\" }],\n"
    "  \"documents\": [{ \"id\": \"doc\", \"title\": \"Doc\", \"file\": \"doc.md\" },\n"
    "                { \"id\": \"autre\", \"title\": \"Autre\", \"file\": \"autre.md\" }],\n"
    "  \"sources\": \"sources.json\", \"glossary\": \"glossary.json\" }\n" },
  { "autre.md", "# Autre\n" },
  { "sources.json", "[{ \"id\": \"s1\", \"title\": \"Un livre\" }]\n" },
  { "glossary.json", "{ \"entries\": [] }\n" },
  { "fig.png", "not a PNG, never read" },
  { "doc.md", "" },
};

static void
set_up (void)
{
  pack_dir = pn_fuzz_make_dir ("pn-fuzz-render-XXXXXX", pack_files, G_N_ELEMENTS (pack_files));
  doc_path = g_build_filename (pack_dir, "doc.md", NULL);
}

static gboolean
is_allowed_attribute (const char *name,
                      gsize       length)
{
  static const char * const names[] = {
    "class", "id", "href", "src", "alt", "title", "rel", "aria-label", "align", "start", "lang",
    "charset", "name", "content", NULL
  };

  if (length > 5 && strncmp (name, "data-", 5) == 0)
    return TRUE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strlen (names[i]) == length && strncmp (names[i], name, length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Every tag is one the renderer writes, with its attributes only, each
 * value quoted; a quote inside a value would have been escaped. */
static void
check_markup (const char *html)
{
  static const char * const tags[] = {
    "!DOCTYPE", "html", "head", "meta", "title", "link", "body", "header", "article", "section",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "em", "strong", "code", "pre", "ul",
    "ol", "li", "blockquote", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td",
    "del", "sup", "span", NULL
  };

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p, '<'))
    {
      const char *name = p + 1 + (p[1] == '/');
      gsize length = strcspn (name, " >");
      g_autofree char *tag = g_strndup (name, length);
      const char *q = name + length;

      if (!g_strv_contains (tags, tag))
        g_error ("unexpected element <%s> in %s", tag, html);

      /* Attributes: name="value" pairs up to '>'. */
      while (*q == ' ')
        {
          const char *attribute = q + 1;
          gsize attribute_length = strcspn (attribute, "= >");

          if (g_str_equal (tag, "!DOCTYPE"))
            break;
          if (!is_allowed_attribute (attribute, attribute_length))
            g_error ("unexpected attribute %.*s in %s", (int) attribute_length, attribute, html);
          q = attribute + attribute_length;
          if (*q == '=')
            {
              g_assert_cmpint (q[1], ==, '"');
              q = strchr (q + 2, '"');
              g_assert_nonnull (q);
              q++;
            }
        }
      q = strchr (q, '>');
      g_assert_nonnull (q);
      p = q + 1;
    }
}

static void
check_page (PnRenderedPage *page)
{
  const char *html = pn_rendered_page_get_html (page);
  const char *text = pn_rendered_page_get_text (page);
  GPtrArray *blocks = pn_rendered_page_get_blocks (page);
  GPtrArray *diagnostics = pn_rendered_page_get_diagnostics (page);
  gsize length;
  gsize previous = 0;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  check_markup (html);

  length = g_utf8_strlen (text, -1);
  for (guint i = 0; i < blocks->len; i++)
    {
      const PnTextBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *needle = g_strdup_printf (" id=\"%s\"", block->id);

      g_assert_cmpuint (block->start, <=, block->end);
      g_assert_cmpuint (block->end, <=, length);
      g_assert_cmpuint (block->start, >=, previous);
      previous = block->start;
      g_assert_true (pn_rendered_page_find_block (page, block->id) == block);
      g_assert_nonnull (strstr (html, needle));
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const PnDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *line = pn_diagnostic_to_string (diagnostic);

      g_assert_true (g_utf8_validate (line, -1, NULL));
      g_assert_cmpint (diagnostic->line, >=, 0);
      g_assert_cmpint (diagnostic->column, >=, 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(PnRenderedPage) page = NULL;
  PnDocument *doc;

  if (pack_dir == NULL)
    set_up ();

  g_file_set_contents_full (doc_path, (const char *) data, size, G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);

  location = g_file_new_for_path (pack_dir);
  pack = pn_pack_load (location, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);

  doc = pn_pack_get_document (pack, "doc");
  g_assert_nonnull (doc);
  page = pn_render_page (pack, doc);
  check_page (page);

  return 0;
}
