/* pn-annotation-anchoring.c: a document's annotations placed again in its
 * text as it is now, and the store told of those that moved
 *
 * Every annotation with a quote is anchored (pn_anchor_annotation()): when
 * its text is unchanged, the quote is found at its position and nothing
 * changes. One that moved, whose text hash changed, or that nothing good
 * enough matches any more (detached: it is kept, never deleted) is written
 * back, all of them in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-annotation-anchoring.h"
#include "pn-store-annotations.h"

void
pn_anchoring_report_clear (PnAnchoringReport *report)
{
  g_clear_pointer (&report->changed, g_ptr_array_unref);
  *report = (PnAnchoringReport) { 0 };
}

/* Anchors @annotation in @text; TRUE when what the store holds must change. */
static gboolean
anchor_one (PnAnchorText      *text,
            PnAnnotation      *annotation,
            PnAnchoringReport *report)
{
  gint64 start = annotation->selectors.start;
  gint64 end = annotation->selectors.end;
  gboolean detached = annotation->detached;
  g_autofree char *hash = g_strdup (annotation->content_hash);

  switch (pn_anchor_annotation (text, annotation, NULL))
    {
    case PN_ANCHOR_POSITION:
      report->n_position++;
      break;
    case PN_ANCHOR_EXACT:
      report->n_exact++;
      break;
    case PN_ANCHOR_APPROXIMATE:
      report->n_approximate++;
      break;
    case PN_ANCHOR_DETACHED:
    default:
      report->n_detached++;
      break;
    }

  return start != annotation->selectors.start || end != annotation->selectors.end ||
         detached != annotation->detached || g_strcmp0 (hash, annotation->content_hash) != 0;
}

gboolean
pn_annotations_anchor_and_save (PnStore            *store,
                                GPtrArray          *annotations,
                                PnAnchorText       *text,
                                PnAnchoringReport  *report,
                                GError            **error)
{
  PnAnchoringReport local = { 0 };

  g_return_val_if_fail (PN_IS_STORE (store), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report == NULL)
    report = &local;
  *report = (PnAnchoringReport) { 0 };

  for (guint i = 0; i < annotations->len; i++)
    {
      PnAnnotation *annotation = g_ptr_array_index (annotations, i);

      /* A note on the whole document has no place; one without a quote
       * has nothing to find (and is kept as it is). */
      if (annotation->kind == PN_ANNOTATION_DOCUMENT_NOTE || annotation->selectors.exact == NULL)
        continue;
      if (!anchor_one (text, annotation, report))
        continue;
      if (report->changed == NULL)
        report->changed = g_ptr_array_new ();
      g_ptr_array_add (report->changed, annotation);
    }

  if (report->changed != NULL && !pn_store_update_annotations (store, report->changed, error))
    {
      pn_anchoring_report_clear (&local);
      return FALSE;
    }

  pn_anchoring_report_clear (&local);
  return TRUE;
}

gboolean
pn_annotations_anchor_document (PnStore            *store,
                                const char         *pack_id,
                                const char         *document_id,
                                PnAnchorText       *text,
                                GPtrArray         **annotations,
                                PnAnchoringReport  *report,
                                GError            **error)
{
  g_return_val_if_fail (PN_IS_STORE (store), FALSE);
  g_return_val_if_fail (pack_id != NULL && document_id != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report != NULL)
    *report = (PnAnchoringReport) { 0 };
  *annotations = pn_store_get_annotations (store, pack_id, document_id, error);
  if (*annotations == NULL)
    return FALSE;

  return pn_annotations_anchor_and_save (store, *annotations, text, report, error);
}
