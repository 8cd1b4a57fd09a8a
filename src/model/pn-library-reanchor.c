/* pn-library-reanchor.c: the student's notes placed again in an updated pack
 *
 * Only the documents that have annotations are rendered. The annotations
 * of a document the new pack no longer has cannot be placed anywhere: they
 * are listed with the detached ones (and counted as detached), and kept in
 * the store as they are, as the Notes page keeps them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-library-reanchor.h"
#include "pn-render.h"
#include "pn-store-annotations.h"

/* @annotations (all of one document, borrowed) anchored in the document's page text. */
static gboolean
anchor_document (PnStore            *store,
                 PnPack             *pack,
                 PnDocument         *document,
                 GPtrArray          *annotations,
                 PnAnchoringReport  *sum,
                 GPtrArray          *detached,
                 GError            **error)
{
  g_autoptr(PnRenderedPage) page = pn_render_page (pack, document);
  const char *plain = pn_rendered_page_get_text (page);
  PnAnchoringReport report = { 0 };
  PnAnchorText *text;
  gboolean ok;

  text = pn_anchor_text_new (plain != NULL ? plain : "", -1);
  ok = pn_annotations_anchor_and_save (store, annotations, text, &report, error);
  pn_anchor_text_free (text);

  sum->n_position += report.n_position;
  sum->n_exact += report.n_exact;
  sum->n_approximate += report.n_approximate;
  sum->n_detached += report.n_detached;
  pn_anchoring_report_clear (&report);

  for (guint i = 0; detached != NULL && i < annotations->len; i++)
    {
      const PnAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (annotation->kind != PN_ANNOTATION_DOCUMENT_NOTE && annotation->detached)
        g_ptr_array_add (detached, pn_annotation_copy (annotation));
    }
  return ok;
}

gboolean
pn_library_reanchor_pack (PnStore            *store,
                          PnPack             *pack,
                          PnAnchoringReport  *report,
                          GPtrArray         **detached,
                          GError            **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) found = NULL;
  PnAnchoringReport sum = { 0 };
  guint first = 0;

  g_return_val_if_fail (PN_IS_STORE (store), FALSE);
  g_return_val_if_fail (PN_IS_PACK (pack), FALSE);

  if (report != NULL)
    *report = (PnAnchoringReport) { 0 };
  if (detached != NULL)
    *detached = NULL;

  annotations = pn_store_get_annotations (store, pn_pack_get_id (pack), NULL, error);
  if (annotations == NULL)
    return FALSE;
  found = pn_annotations_new ();

  /* The store gives them by document: one run of them per document. */
  while (first < annotations->len)
    {
      const char *doc_id = ((PnAnnotation *) g_ptr_array_index (annotations, first))->document_id;
      g_autoptr(GPtrArray) of_document = g_ptr_array_new ();
      PnDocument *document = pn_pack_get_document (pack, doc_id);
      guint next = first;

      for (; next < annotations->len; next++)
        {
          PnAnnotation *annotation = g_ptr_array_index (annotations, next);

          if (g_strcmp0 (annotation->document_id, doc_id) != 0)
            break;
          g_ptr_array_add (of_document, annotation);
        }
      first = next;

      if (document == NULL)
        {
          /* A document that is gone: nowhere to place them. */
          for (guint i = 0; i < of_document->len; i++)
            g_ptr_array_add (found, pn_annotation_copy (g_ptr_array_index (of_document, i)));
          sum.n_detached += of_document->len;
          continue;
        }
      if (!anchor_document (store, pack, document, of_document, &sum, found, error))
        {
          if (report != NULL)
            *report = sum;
          if (detached != NULL)
            *detached = g_steal_pointer (&found);
          return FALSE;
        }
    }

  if (report != NULL)
    *report = sum;
  if (detached != NULL)
    *detached = g_steal_pointer (&found);
  return TRUE;
}
