/* test-rendered-page.c: the rendered page's text and block map, and the pipeline's slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-render.h"
#include "pn-render-pipeline.h"
#include "pn-test-util.h"

/* A pack whose document "doc" holds @markdown, in @language. */
static PnPack *
load_pack (const char *markdown,
           const char *language,
           char      **dir)
{
  g_autofree char *manifest = g_strdup_printf (
    "{\n"
    "  \"format\": 1, \"id\": \"page-test\", \"version\": \"1\", \"title\": \"Page\",\n"
    "  \"language\": \"%s\", \"license\": null, \"description\": \"\",\n"
    "  \"authors\": [{ \"name\": \"Ada\" }],\n"
    "  \"documents\": [ { \"id\": \"doc\", \"title\": \"Titre\", \"file\": \"doc.md\" } ],\n"
    "  \"sources\": \"sources.json\"\n"
    "}\n", language);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnPack *pack;

  *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", markdown,
                           "sources.json", "[{ \"id\": \"lordon-2025\", \"title\": \"T\" }]", NULL);
  pack = pn_test_load (*dir, diagnostics);
  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  return pack;
}

static PnRenderedPage *
render_page (const char *markdown,
             const char *language)
{
  g_autofree char *dir = NULL;
  g_autoptr(PnPack) pack = load_pack (markdown, language, &dir);
  PnRenderedPage *page = pn_render_page (pack, pn_pack_get_document (pack, "doc"));

  pn_test_remove_dir (dir);

  return page;
}

/* A reading of HTML as the page shows it: the text content of the element
 * that starts at @start (its start tag), entities decoded, a <br> as "\n",
 * footnote calls and back-links left out. Only for the renderer's own
 * markup, which is well formed. */
static char *
element_text (const char *start)
{
  static const char * const voids[] = { "br", "img", "hr", NULL };
  GString *text = g_string_new (NULL);
  guint depth = 0;
  guint skipping = 0;    /* depth at which a left-out element started, or 0 */
  const char *p = start;

  do
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          g_autofree char *tag = g_strndup (p + 1, end - p - 1);
          gboolean closing = tag[0] == '/';
          g_autofree char *name = g_strndup (tag + closing, strcspn (tag + closing, " "));

          g_assert_nonnull (end);
          if (g_strv_contains (voids, name))
            {
              if (g_str_equal (name, "br") && skipping == 0)
                g_string_append_c (text, '\n');
            }
          else if (closing)
            {
              if (skipping == depth)
                skipping = 0;
              depth--;
            }
          else
            {
              depth++;
              if (skipping == 0 && (strstr (tag, "class=\"footnote-ref\"") != NULL ||
                                    strstr (tag, "data-footnote-backref") != NULL))
                skipping = depth;
            }
          p = end + 1;
        }
      else if (*p == '&')
        {
          static const struct { const char *entity; char c; } entities[] = {
            { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
          };
          gboolean known = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
            {
              if (g_str_has_prefix (p, entities[i].entity))
                {
                  if (skipping == 0)
                    g_string_append_c (text, entities[i].c);
                  p += strlen (entities[i].entity);
                  known = TRUE;
                  break;
                }
            }
          g_assert_true (known);
        }
      else
        {
          g_assert_cmpint (*p, !=, '\0');
          if (skipping == 0)
            g_string_append_c (text, *p);
          p++;
        }
    }
  while (depth > 0);

  return g_string_free (text, FALSE);
}

/* The text content of the element with @id in @html. */
static char *
text_of_id (const char *html,
            const char *id)
{
  g_autofree char *needle = g_strdup_printf (" id=\"%s\"", id);
  const char *found = strstr (html, needle);
  const char *start;

  if (found == NULL)
    return NULL;
  g_assert_null (strstr (found + 1, needle));   /* ids are unique */

  for (start = found; *start != '<'; start--)
    ;

  return element_text (start);
}

static const char essay[] =
  "# L'économie 😀 politique\n"
  "\n"
  "Un *premier* paragraphe[^a] avec du `code < 2`\n"
  "sur deux lignes,  \n"
  "et une coupure.\n"
  "\n"
  "> Une citation.\n"
  ">\n"
  "> Suite de la citation.\n"
  ">\n"
  "> — Frédéric Lordon, [« Titre »](source:lordon-2025)\n"
  "\n"
  "- serré un\n"
  "- serré deux\n"
  "\n"
  "1. large un\n"
  "\n"
  "   second paragraphe\n"
  "\n"
  "2. large deux\n"
  "\n"
  "| Nom | Valeur & co |\n"
  "|:----|------:|\n"
  "| a « b » | 1 |\n"
  "| **c** | [lien](https://example.org) |\n"
  "\n"
  "Fin[^b] & fin[^a].\n"
  "\n"
  "[^a]: Note A.\n"
  "\n"
  "    Suite de A.\n"
  "[^b]: Note B.\n";

/* Every block's slice of the text is what its element shows; each kind of
 * block is mapped; offsets are code points. */
static void
test_block_map (void)
{
  g_autoptr(PnRenderedPage) page = render_page (essay, "fr");
  const char *html = pn_rendered_page_get_html (page);
  const char *text = pn_rendered_page_get_text (page);
  GPtrArray *blocks = pn_rendered_page_get_blocks (page);
  static const char * const expected[] = {
    "leconomie-politique", "p_1", "q_1", "p_2", "p_3", "p_4", "p_5", "p_6", "p_7", "p_8",
    "p_9", "p_10", "p_11", "t_1", "t_2", "t_3", "t_4", "t_5", "t_6", "p_12", "fn-1", "p_13",
    "p_14", "fn-2", "p_15", NULL
  };
  gsize previous_start = 0;

  g_test_message ("%s\n---\n%s", html, text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (blocks->len, ==, g_strv_length ((char **) expected));

  for (guint i = 0; i < blocks->len; i++)
    {
      const PnTextBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *slice = pn_rendered_page_get_block_text (page, block->id);
      g_autofree char *shown = text_of_id (html, block->id);

      g_assert_cmpstr (block->id, ==, expected[i]);
      g_assert_true (pn_rendered_page_find_block (page, block->id) == block);
      g_assert_cmpuint (block->start, <=, block->end);
      g_assert_cmpuint (block->end, <=, (gsize) g_utf8_strlen (text, -1));
      g_assert_cmpuint (block->start, >=, previous_start);   /* document order */
      previous_start = block->start;
      g_assert_nonnull (shown);
      g_assert_cmpstr (slice, ==, shown);
    }

  /* What each block holds. */
  {
    static const struct { const char *id; const char *text; } cases[] = {
      { "leconomie-politique", "L’économie 😀 politique" },
      { "p_1", "Un premier paragraphe avec du code < 2 sur deux lignes,\net une coupure." },
      { "q_1", "Une citation.\nSuite de la citation.\n— Frédéric Lordon, «\u202fTitre\u202f»" },
      { "p_2", "Une citation." },
      { "p_5", "serré un" },
      { "p_7", "large un\nsecond paragraphe" },
      { "p_8", "large un" },
      { "t_2", "Valeur & co" },
      { "t_3", "a «\u202fb\u202f»" },
      { "t_6", "lien" },
      { "p_10", "large deux" },
      { "p_12", "Fin & fin." },
      { "fn-1", "Note A.\nSuite de A." },
      { "fn-2", "Note B." },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *slice = pn_rendered_page_get_block_text (page, cases[i].id);

        g_assert_cmpstr (slice, ==, cases[i].text);
      }
  }

  /* Code points, not bytes nor UTF-16 units: the emoji and the accents
   * before p_1 count one each. */
  g_assert_cmpuint (pn_rendered_page_find_block (page, "p_1")->start, ==,
                    g_utf8_strlen ("L’économie 😀 politique\n", -1));
  g_assert_null (pn_rendered_page_find_block (page, "p_99"));
  g_assert_null (pn_rendered_page_get_block_text (page, "p_99"));
}

/* The page's text is the article's text content, nothing more. */
static void
test_page_text (void)
{
  g_autoptr(PnRenderedPage) page = render_page (essay, "fr");
  const char *html = pn_rendered_page_get_html (page);
  const char *article = strstr (html, "<article class=\"pn-doc\">");
  g_autofree char *shown = NULL;

  g_assert_nonnull (article);
  shown = element_text (article);
  /* The page puts a line break after <article> and after the body. */
  g_assert_true (g_str_has_prefix (shown, "\n"));
  g_assert_true (g_str_has_suffix (shown, "\n"));
  shown[strlen (shown) - 1] = '\0';
  g_assert_cmpstr (shown + 1, ==, pn_rendered_page_get_text (page));
  g_assert_null (strstr (pn_rendered_page_get_text (page), "Titre\nAda"));
  g_assert_cmpuint (pn_rendered_page_get_diagnostics (page)->len, ==, 0);
}

/* Pages are rendered off the main thread (the pack check runs in a GTask):
 * threads rendering at once each get the page one thread gets. */
typedef struct {
  PnPack *pack;
  char *html;
} ThreadRender;

static gpointer
render_in_thread (gpointer data)
{
  ThreadRender *job = data;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(PnRenderedPage) page = pn_render_page (job->pack, pn_pack_get_document (job->pack, "doc"));

      g_free (job->html);
      job->html = g_strdup (pn_rendered_page_get_html (page));
    }

  return NULL;
}

static void
test_threads (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PnPack) pack = load_pack (essay, "fr", &dir);
  g_autoptr(PnRenderedPage) alone = pn_render_page (pack, pn_pack_get_document (pack, "doc"));
  ThreadRender jobs[4] = { 0 };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].pack = pack;
      threads[i] = g_thread_new ("render", render_in_thread, &jobs[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpstr (jobs[i].html, ==, pn_rendered_page_get_html (alone));
      g_free (jobs[i].html);
    }
  pn_test_remove_dir (dir);
}

/* The glossary slot */

typedef struct {
  guint runs;
  guint links;           /* LINK nodes still in the tree (the links pass ran before) */
  guint straight;        /* text nodes with a straight apostrophe (typography runs after) */
  gboolean french;
} SlotSeen;

static void
glossary_probe (PnRenderContext *ctx,
                cmark_node      *root,
                gpointer         user_data)
{
  SlotSeen *seen = user_data;
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;

  seen->runs++;
  seen->french = pn_render_context_is_french (ctx);
  g_assert_nonnull (pn_render_context_get_pack (ctx));
  g_assert_nonnull (pn_render_context_get_document (ctx));

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      if (cmark_node_get_type (node) == CMARK_NODE_LINK)
        seen->links++;
      if (cmark_node_get_type (node) == CMARK_NODE_TEXT)
        {
          const char *literal = cmark_node_get_literal (node);

          if (strchr (literal, '\'') != NULL)
            seen->straight++;
          /* A term found: marked up as the linker will. */
          if (g_str_equal (literal, "glossaire"))
            g_assert_true (pn_render_context_wrap_markup (ctx, node, "<span data-glossary=\"g\">", "</span>"));
          if (g_str_equal (literal, " fin."))
            g_assert_true (pn_render_context_insert_markup (ctx, node, "<wbr>"));
        }
    }
  cmark_iter_free (iter);
}

static void
assert_between_links_and_typography (const char * const *names,
                                     const char         *name)
{
  guint at = 0, links = 0, typography = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], name))
        at = i;
      else if (g_str_equal (names[i], "links"))
        links = i;
      else if (g_str_equal (names[i], "typography"))
        typography = i;
    }
  g_assert_cmpuint (links, <, at);
  g_assert_cmpuint (at, <, typography);
}

static void
test_glossary_slot (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(PnPack) pack = load_pack ("Un [lien](https://example.org) l'essai\n\n*glossaire* fin.\n", "fr", &dir);
  g_autoptr(PnRenderPipeline) plain = pn_render_pipeline_new ();
  g_autoptr(PnRenderPipeline) pipeline = pn_render_pipeline_new ();
  g_autoptr(PnRenderedPage) before = NULL;
  g_autoptr(PnRenderedPage) after = NULL;
  SlotSeen seen = { 0 };

  /* The slot holds the linker, after the links and before the typography. */
  assert_between_links_and_typography (pn_render_pipeline_list (plain), "glossary");

  pn_render_pipeline_add (pipeline, PN_RENDER_SLOT_GLOSSARY, "glossary-probe", glossary_probe, &seen, NULL);
  assert_between_links_and_typography (pn_render_pipeline_list (pipeline), "glossary-probe");

  before = pn_render_pipeline_run (plain, pack, pn_pack_get_document (pack, "doc"));
  after = pn_render_pipeline_run (pipeline, pack, pn_pack_get_document (pack, "doc"));
  pn_test_remove_dir (dir);

  /* It ran once, on the cleaned tree, before typography. */
  g_assert_cmpuint (seen.runs, ==, 1);
  g_assert_true (seen.french);
  g_assert_cmpuint (seen.links, ==, 0);
  g_assert_cmpuint (seen.straight, ==, 1);
  /* What it wrote is in the page; the plain pipeline's page lacks it. */
  g_assert_nonnull (strstr (pn_rendered_page_get_html (after), "<em><span data-glossary=\"g\"><span class=\"pn-nohyphen\">glossaire</span></span></em>"));
  g_assert_nonnull (strstr (pn_rendered_page_get_html (after), "</em><wbr> fin."));
  g_assert_null (strstr (pn_rendered_page_get_html (before), "data-glossary"));
  g_assert_nonnull (strstr (pn_rendered_page_get_html (after), "l’essai"));
  g_assert_cmpstr (pn_rendered_page_get_text (before), ==, pn_rendered_page_get_text (after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rendered-page/block-map", test_block_map);
  g_test_add_func ("/rendered-page/text", test_page_text);
  g_test_add_func ("/rendered-page/threads", test_threads);
  g_test_add_func ("/rendered-page/glossary-slot", test_glossary_slot);

  return g_test_run ();
}
