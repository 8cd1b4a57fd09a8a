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
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
  else
    g_message ("%s", message);
}

/* Anchors @annotation (a copy is changed) in its document's text as it is
 * now; TRUE when what the store holds must change. */
static gboolean
anchor_again (PnNotesPage *self, PnAnnotation *annotation)
{
  PnAnchorText *text;
  PnAnchorResult result;
  gboolean was_detached = annotation->detached;
  gint64 start = annotation->selectors.start, end = annotation->selectors.end;
  g_autofree char *hash = g_strdup (annotation->content_hash);

  if (annotation->kind == PN_ANNOTATION_DOCUMENT_NOTE || annotation->selectors.exact == NULL)
    return FALSE;
  text = _pn_notes_page_text (self, annotation->document_id);
  if (text == NULL)
    return FALSE;   /* no such document (listed as detached, as it is) */
  /* Anchored in this very text, and placed: nothing moved. */
  if (!annotation->detached && g_strcmp0 (annotation->content_hash, pn_anchor_text_get_hash (text)) == 0)
    return FALSE;

  pn_anchor_annotation (text, annotation, &result);
  return annotation->detached != was_detached || annotation->selectors.start != start ||
         annotation->selectors.end != end || g_strcmp0 (annotation->content_hash, hash) != 0;
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

  for (guint i = 0; i < annotations->len; i++)
    {
      PnAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (anchor_again (self, annotation))
        {
          g_autoptr(GError) update_error = NULL;

          /* The new place is shown even when it cannot be kept; said once. */
          if (!pn_store_update_annotation (store, annotation, &update_error))
            {
              if (error == NULL)
                g_propagate_error (&error, g_steal_pointer (&update_error));
            }
          else
            changed = TRUE;
        }
      if (_pn_notes_page_is_detached (self, annotation))
        self->n_detached++;
    }
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
