/* pn-notes-page-data.c: the Notes page's annotations, from the store,
 * anchored in the pack's texts as they are now
 *
 * A note made on another edition of a text (its content hash differs) is
 * found again as pn_anchor_annotation() does it; when its place moved, or it
 * could not be placed, the store is told (the annotation is never deleted:
 * a detached one keeps its quote and note, listed under Detached until the
 * student re-attaches it by selecting text in the reader).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-toast.h"
#include "pn-annotation-anchoring.h"
#include "pn-notes-page-private.h"

PnStore *
_pn_notes_page_store (PnNotesPage *self)
{
  return self->session != NULL ? pn_pack_session_get_store (self->session) : NULL;
}

PnPack *
_pn_notes_page_pack (PnNotesPage *self)
{
  return self->session != NULL ? pn_pack_session_get_pack (self->session) : NULL;
}

PnAnchorText *
_pn_notes_page_text (PnNotesPage *self, const char *doc_id)
{
  PnPack *pack = _pn_notes_page_pack (self);
  PnAnchorText *text;
  const char *plain;

  if (pack == NULL || doc_id == NULL || pn_pack_get_document (pack, doc_id) == NULL)
    return NULL;
  text = g_hash_table_lookup (self->texts, doc_id);
  if (text != NULL)
    return text;
  plain = pn_pack_session_get_page_text (self->session, doc_id);
  if (plain == NULL)
    return NULL;
  text = pn_anchor_text_new (plain, -1);
  g_hash_table_insert (self->texts, g_strdup (doc_id), text);
  return text;
}

gboolean
_pn_notes_page_is_detached (PnNotesPage *self, const PnAnnotation *annotation)
{
  PnPack *pack = _pn_notes_page_pack (self);

  if (pack == NULL || pn_pack_get_document (pack, annotation->document_id) == NULL)
    return TRUE;
  return annotation->kind != PN_ANNOTATION_DOCUMENT_NOTE && annotation->detached;
}

void
_pn_notes_page_toast (PnNotesPage *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (overlay != NULL)
    pn_toast_show (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_message ("%s", message);
}

/* Anchors @annotations (of every document, by document, as the store gives
 * them) in their documents' texts as they are now, one document at a time,
 * each document's new places saved in one transaction; TRUE when some were
 * saved. The first failure is in @error (the new places are shown all the
 * same). */
static gboolean
anchor_again (PnNotesPage *self, GPtrArray *annotations, GError **error)
{
  PnStore *store = _pn_notes_page_store (self);
  gboolean wrote = FALSE;
  guint first = 0;

  while (first < annotations->len)
    {
      const char *doc_id = ((PnAnnotation *) g_ptr_array_index (annotations, first))->document_id;
      g_autoptr(GPtrArray) of_document = g_ptr_array_new ();
      g_autoptr(GError) local_error = NULL;
      PnAnchoringReport report;
      PnAnchorText *text;
      guint next = first;

      for (; next < annotations->len; next++)
        {
          PnAnnotation *a = g_ptr_array_index (annotations, next);

          if (g_strcmp0 (a->document_id, doc_id) != 0)
            break;
          g_ptr_array_add (of_document, a);
        }
      first = next;

      /* No such document any more: listed as detached, as they are. */
      text = _pn_notes_page_text (self, doc_id);
      if (text == NULL)
        continue;
      if (!pn_annotations_anchor_and_save (store, of_document, text, &report, &local_error))
        {
          if (error != NULL && *error == NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
        }
      else if (report.changed != NULL)
        wrote = TRUE;
      pn_anchoring_report_clear (&report);
    }

  return wrote;
}

void
_pn_notes_page_load (PnNotesPage *self)
{
  PnStore *store = _pn_notes_page_store (self);
  PnPack *pack = _pn_notes_page_pack (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  gboolean changed = FALSE;

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  self->n_detached = 0;
  if (store == NULL || pack == NULL)
    return;

  annotations = pn_store_get_annotations (store, pn_pack_get_id (pack), NULL, &error);
  if (annotations == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your notes could not be read: %s"), error->message);

      _pn_notes_page_toast (self, message);
      return;
    }

  changed = anchor_again (self, annotations, &error);
  for (guint i = 0; i < annotations->len; i++)
    if (_pn_notes_page_is_detached (self, g_ptr_array_index (annotations, i)))
      self->n_detached++;
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The new places of your notes could not be saved: %s"),
                                                  error->message);

      _pn_notes_page_toast (self, message);
    }

  self->annotations = g_steal_pointer (&annotations);
  self->tags = pn_store_get_annotation_tags (store, pn_pack_get_id (pack), NULL);

  /* The reader paints them where they are now. */
  if (changed)
    {
      self->changing = TRUE;
      pn_pack_session_annotations_changed (self->session, NULL);
      self->changing = FALSE;
    }
}
