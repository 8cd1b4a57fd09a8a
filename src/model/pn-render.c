/* pn-render.c: a pack document as the safe HTML page the reader shows
 *
 * The body comes from the render pipeline (pn-render-pipeline.c and its
 * passes, pn-render-*.c); this file writes the page around it: head, title,
 * authors and affiliations, or why the document could not be read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-diagnostic.h"
#include "pn-pack-uri.h"
#include "pn-render.h"
#include "pn-render-pipeline.h"
#include "pn-render-private.h"
#include "pn-text.h"

static char *
typeset (PnRenderContext *ctx,
         const char *text)
{
  g_autofree char *escaped = pn_render_escape (text);

  if (!ctx->french)
    return g_steal_pointer (&escaped);

  return pn_text_french_spacing (escaped);
}

/* Title, authors with their affiliation numbers, the affiliations. */
static void
append_header (PnRenderContext *ctx,
               GString  *page)
{
  g_autofree char *title = typeset (ctx, pn_document_get_title (ctx->document));
  GPtrArray *authors = pn_document_get_authors (ctx->document);
  g_autoptr(GPtrArray) affiliations = g_ptr_array_new ();

  g_string_append_printf (page, "<header class=\"pn-doc-header\">\n<h1 class=\"pn-doc-title\">%s</h1>\n",
                          title);

  if (authors != NULL && authors->len > 0)
    {
      g_string_append (page, "<p class=\"pn-authors\">");
      for (guint i = 0; i < authors->len; i++)
        {
          const PnPerson *person = g_ptr_array_index (authors, i);
          g_autofree char *name = pn_render_escape (person->name);
          g_autoptr(GString) numbers = g_string_new (NULL);

          for (guint j = 0; person->affiliations[j] != NULL; j++)
            {
              guint index = 0;

              if (!g_ptr_array_find_with_equal_func (affiliations, person->affiliations[j],
                                                     g_str_equal, &index))
                {
                  g_ptr_array_add (affiliations, person->affiliations[j]);
                  index = affiliations->len - 1;
                }
              g_string_append_printf (numbers, "%s%u", j > 0 ? "," : "", index + 1);
            }

          g_string_append_printf (page, "%s<span class=\"pn-author\">%s", i > 0 ? ", " : "", name);
          if (numbers->len > 0)
            g_string_append_printf (page, "<sup>%s</sup>", numbers->str);
          g_string_append (page, "</span>");
        }
      g_string_append (page, "</p>\n");
    }

  if (affiliations->len > 0)
    {
      g_string_append (page, "<ol class=\"pn-affiliations\">\n");
      for (guint i = 0; i < affiliations->len; i++)
        {
          g_autofree char *affiliation = typeset (ctx, g_ptr_array_index (affiliations, i));

          g_string_append_printf (page, "<li>%s</li>\n", affiliation);
        }
      g_string_append (page, "</ol>\n");
    }

  g_string_append (page, "</header>\n");
}

static void
append_unreadable (PnRenderContext *ctx,
                   GString  *page)
{
  g_autofree char *message = pn_render_escape (_("This document could not be read."));
  g_autofree char *detail = NULL;
  g_autofree char *escaped_detail = NULL;

  if (pn_document_get_problem (ctx->document) != NULL)
    detail = g_strdup_printf (_("%s. The author of the course pack can find every problem with "
                                "“prisonnum-pack check”."),
                              pn_document_get_problem (ctx->document));
  else
    detail = g_strdup_printf (_("The file “%s” is missing, too large or not valid UTF-8 text. "
                                "The author of the course pack can find the problem with "
                                "“prisonnum-pack check”."),
                              pn_document_get_file (ctx->document));
  escaped_detail = pn_render_escape (detail);

  g_string_append_printf (page,
                          "<article class=\"pn-doc pn-doc-unreadable\">\n"
                          "<p class=\"pn-unreadable\">%s</p>\n<p>%s</p>\n</article>\n",
                          message, escaped_detail);
}

char *
pn_render_wrap_page (PnRenderContext *ctx,
                     const char      *body)
{
  g_autofree char *language = pn_render_escape (ctx->language);
  g_autofree char *title = typeset (ctx, pn_document_get_title (ctx->document));
  GString *page = g_string_new (NULL);

  g_string_append_printf (page,
                          "<!DOCTYPE html>\n"
                          "<html lang=\"%s\">\n"
                          "<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<title>%s</title>\n"
                          "<link rel=\"stylesheet\" href=\"" PN_READER_CSS_URI "\">\n"
                          "</head>\n"
                          "<body>\n",
                          language, title);

  append_header (ctx, page);

  if (body != NULL)
    {
      /* Not through printf: the body is most of the page. */
      g_string_append (page, "<article class=\"pn-doc\">\n");
      g_string_append (page, body);
      g_string_append (page, "</article>\n");
    }
  else
    append_unreadable (ctx, page);

  g_string_append (page, "</body>\n</html>\n");

  return g_string_free (page, FALSE);
}

static PnRenderPipeline *
default_pipeline (void)
{
  static PnRenderPipeline *pipeline;

  /* Never changed once built: shared by every thread that renders. */
  if (g_once_init_enter (&pipeline))
    g_once_init_leave (&pipeline, pn_render_pipeline_new ());

  return pipeline;
}

PnRenderedPage *
pn_render_page (PnPack     *pack,
                PnDocument *doc)
{
  g_return_val_if_fail (PN_IS_PACK (pack), NULL);
  g_return_val_if_fail (PN_IS_DOCUMENT (doc), NULL);

  return pn_render_pipeline_run (default_pipeline (), pack, doc);
}

PnRenderedPage *
pn_render_page_full (PnPack             *pack,
                     PnDocument         *doc,
                     PnGlossaryLinkMode  mode)
{
  g_return_val_if_fail (PN_IS_PACK (pack), NULL);
  g_return_val_if_fail (PN_IS_DOCUMENT (doc), NULL);

  return pn_render_pipeline_run_full (default_pipeline (), pack, doc, mode);
}

char *
pn_render_document (PnPack      *pack,
                    PnDocument  *doc,
                    GPtrArray   *diagnostics)
{
  g_autoptr(PnRenderedPage) page = NULL;
  GPtrArray *found;

  g_return_val_if_fail (PN_IS_PACK (pack), NULL);
  g_return_val_if_fail (PN_IS_DOCUMENT (doc), NULL);

  page = pn_render_page (pack, doc);
  found = pn_rendered_page_get_diagnostics (page);
  for (guint i = 0; i < found->len; i++)
    pn_diagnostics_add (diagnostics, g_steal_pointer (&found->pdata[i]));
  g_ptr_array_set_size (found, 0);

  return g_strdup (pn_rendered_page_get_html (page));
}

char *
pn_render_french_spacing (const char *text)
{
  return pn_text_french_spacing (text);
}

char *
pn_render_document_uri (PnPack     *pack,
                        const char *doc_id)
{
  g_return_val_if_fail (PN_IS_PACK (pack), NULL);
  g_return_val_if_fail (doc_id != NULL, NULL);

  return pn_pack_uri_for_document (pn_pack_get_id (pack), doc_id, NULL);
}
