/* pn-annotation-controller.c: the student's highlights, notes and bookmarks in the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pn-notes"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-annotation-controller.h"

#include "pn-anchor.h"
#include "pn-annotation-anchoring.h"
#include "pn-store-annotations.h"
#include "pn-toast.h"

#define BOOKMARK_WORDS 8

struct _PnAnnotationController {
  GObject parent_instance;

  PnReaderView *view;          /* weak */
  AdwToastOverlay *toasts;     /* weak */
  PnPackSession *session;
  GSettings *settings;
  PnHighlightPopover *popover;

  GPtrArray *annotations;      /* of PnAnnotation: the shown document's */
  char *doc_id;                /* the document they are of */
  PnAnchorText *anchor_text;   /* its page text */
  char *anchor_doc;
  gboolean refreshing;
  char *edit_after_refresh;    /* a new highlight whose note is to be written */
};

G_DEFINE_FINAL_TYPE (PnAnnotationController, pn_annotation_controller, G_TYPE_OBJECT)

enum {
  SIGNAL_PROBLEM,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
toast (PnAnnotationController *self, AdwToast *toast)
{
  if (self->toasts != NULL)
    pn_toast_show (self->toasts, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
problem (PnAnnotationController *self, const char *what, const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  g_warning ("%s", message);
  toast (self, adw_toast_new (message));
  g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
}

static PnStore *
store (PnAnnotationController *self)
{
  return pn_pack_session_get_store (self->session);
}

static PnPack *
pack (PnAnnotationController *self)
{
  return pn_pack_session_get_pack (self->session);
}

static void
changed (PnAnnotationController *self)
{
  pn_pack_session_annotations_changed (self->session, self->doc_id);
}

/* The page text of @doc_id, ready for anchoring (kept for the next time). */
static PnAnchorText *
anchor_text (PnAnnotationController *self, const char *doc_id)
{
  const char *text;

  if (self->anchor_text != NULL && g_strcmp0 (self->anchor_doc, doc_id) == 0)
    return self->anchor_text;
  g_clear_pointer (&self->anchor_text, pn_anchor_text_free);
  g_clear_pointer (&self->anchor_doc, g_free);
  text = pn_pack_session_get_page_text (self->session, doc_id);
  if (text == NULL && self->view != NULL && pn_reader_view_get_rendered_page (self->view) != NULL &&
      g_strcmp0 (pn_reader_view_get_document_id (self->view), doc_id) == 0)
    text = pn_rendered_page_get_text (pn_reader_view_get_rendered_page (self->view));
  if (text == NULL)
    return NULL;
  self->anchor_text = pn_anchor_text_new (text, -1);
  self->anchor_doc = g_strdup (doc_id);
  return self->anchor_text;
}

static PnAnnotation *
find (PnAnnotationController *self, const char *id)
{
  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    {
      PnAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (g_strcmp0 (a->id, id) == 0)
        return a;
    }
  return NULL;
}

static void open_popover (PnAnnotationController *self, PnAnnotation *annotation, gboolean edit);

void
pn_annotation_controller_refresh (PnAnnotationController *self)
{
  const char *doc_id;
  PnAnchorText *text;
  g_autoptr(GError) error = NULL;
  PnAnchoringReport report;
  gboolean wrote;

  g_return_if_fail (PN_IS_ANNOTATION_CONTROLLER (self));

  if (self->view == NULL || self->refreshing)
    return;
  doc_id = pn_reader_view_get_document_id (self->view);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_free (self->doc_id);
  self->doc_id = g_strdup (doc_id);

  if (doc_id == NULL || pack (self) == NULL || store (self) == NULL ||
      (text = anchor_text (self, doc_id)) == NULL)
    {
      pn_reader_view_set_annotations (self->view, NULL);
      return;
    }
  /* Each placed in the text as it is now; those that moved, or that nothing
   * good enough matches any more, written back. */
  if (!pn_annotations_anchor_document (store (self), pn_pack_get_id (pack (self)), doc_id, text,
                                       &self->annotations, &report, &error))
    {
      if (self->annotations == NULL)
        {
          problem (self, _("Could not read the notes"), error);
          pn_reader_view_set_annotations (self->view, NULL);
          return;
        }
      /* Shown where they are now all the same. */
      problem (self, _("Could not save a note placed again in the changed text"), error);
    }
  wrote = report.changed != NULL && error == NULL;
  pn_anchoring_report_clear (&report);

  self->refreshing = TRUE;
  pn_reader_view_set_annotations (self->view, self->annotations);
  if (wrote)
    changed (self);   /* the Notes page shows where they are now */
  self->refreshing = FALSE;

  if (self->edit_after_refresh != NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->edit_after_refresh);
      PnAnnotation *a = find (self, id);

      if (a != NULL)
        open_popover (self, a, TRUE);
    }
}

GPtrArray *
pn_annotation_controller_get_annotations (PnAnnotationController *self)
{
  g_return_val_if_fail (PN_IS_ANNOTATION_CONTROLLER (self), NULL);
  return self->annotations;
}

/* Making a highlight */

static PnAnnotation *
new_annotation (PnAnnotationController *self, PnAnnotationKind kind, gint64 start, gint64 end)
{
  PnAnchorText *text = self->doc_id ? anchor_text (self, self->doc_id) : NULL;
  PnAnnotation *a;

  if (text == NULL || pack (self) == NULL || store (self) == NULL)
    return NULL;
  a = pn_annotation_new (pn_pack_get_id (pack (self)), self->doc_id, kind);
  if (kind != PN_ANNOTATION_DOCUMENT_NOTE)
    {
      pn_anchor_text_make_selectors (text, start, end, &a->selectors);
      a->content_hash = g_strdup (pn_anchor_text_get_hash (text));
    }
  return a;
}

static void
on_highlight_requested (PnReaderView *view, const char *color, gint64 start, gint64 end,
                        gboolean with_note, PnAnnotationController *self)
{
  g_autoptr(PnAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (pn_reader_view_get_document_id (view), self->doc_id) != 0)
    pn_annotation_controller_refresh (self);
  a = new_annotation (self, PN_ANNOTATION_HIGHLIGHT, start, end);
  if (a == NULL)
    return;
  if (!pn_annotation_color_from_string (color, &a->color))
    a->color = PN_ANNOTATION_YELLOW;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "highlight-color", pn_annotation_color_to_string (a->color));
  if (!pn_store_add_annotation (store (self), a, &error))
    {
      problem (self, _("Could not save the highlight"), error);
      return;
    }
  if (with_note)
    {
      g_free (self->edit_after_refresh);
      self->edit_after_refresh = g_strdup (a->id);
    }
  changed (self);
}

static void
on_reattach_requested (PnReaderView *view, const char *id, gint64 start, gint64 end,
                       PnAnnotationController *self)
{
  g_autoptr(PnAnnotation) a = store (self) ? pn_store_get_annotation (store (self), id, NULL) : NULL;
  g_autoptr(PnAnnotation) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (a == NULL || (fresh = new_annotation (self, a->kind, start, end)) == NULL)
    return;
  /* Its new place in this document's text, its note and tags kept. */
  pn_text_selectors_clear (&a->selectors);
  pn_text_selectors_copy (&fresh->selectors, &a->selectors);
  g_free (a->document_id);
  a->document_id = g_strdup (self->doc_id);
  g_free (a->content_hash);
  a->content_hash = g_strdup (fresh->content_hash);
  a->detached = FALSE;
  a->updated_at = g_get_real_time () / G_USEC_PER_SEC;
  if (!pn_store_update_annotation (store (self), a, &error))
    problem (self, _("Could not attach the note"), error);
  else
    pn_pack_session_annotations_changed (self->session, NULL);
}

/* The highlight popover */

static gboolean
update (PnAnnotationController *self, PnAnnotation *a, GError **error)
{
  a->updated_at = g_get_real_time () / G_USEC_PER_SEC;
  return pn_store_update_annotation (store (self), a, error);
}

static void
on_note_changed (PnHighlightPopover *popover, const char *id, const char *note, PnAnnotationController *self)
{
  g_autoptr(PnAnnotation) a = store (self) ? pn_store_get_annotation (store (self), id, NULL) : NULL;
  g_autoptr(GError) error = NULL;

  if (a == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The highlight is no longer there"));
    }
  else
    {
      g_free (a->note);
      a->note = g_strdup (note);
      update (self, a, &error);
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The note could not be saved: %s"), error->message);

      /* The text stays in the editor, shown again if the popover went. */
      pn_highlight_popover_set_save_error (popover, message);
      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
      if (!gtk_widget_get_visible (GTK_WIDGET (popover)) && self->view != NULL &&
          gtk_widget_get_mapped (GTK_WIDGET (self->view)) &&
          g_strcmp0 (pn_reader_view_get_document_id (self->view), self->doc_id) == 0)
        pn_reader_view_popup_at_annotation (self->view, GTK_POPOVER (popover));
      return;
    }
  pn_highlight_popover_set_save_error (popover, NULL);
  changed (self);
}

static void
on_color_changed (PnHighlightPopover *popover, const char *id, const char *color, PnAnnotationController *self)
{
  g_autoptr(PnAnnotation) a = store (self) ? pn_store_get_annotation (store (self), id, NULL) : NULL;
  g_autoptr(GError) error = NULL;

  if (a == NULL || !pn_annotation_color_from_string (color, &a->color))
    return;
  if (!update (self, a, &error))
    {
      problem (self, _("Could not change the colour"), error);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "highlight-color", color);
  changed (self);
}

static void
on_tags_changed (PnHighlightPopover *popover, const char *id, GStrv tags, PnAnnotationController *self)
{
  g_autoptr(PnAnnotation) a = store (self) ? pn_store_get_annotation (store (self), id, NULL) : NULL;
  g_autoptr(GError) error = NULL;

  if (a == NULL)
    return;
  pn_annotation_set_tags (a, (const char * const *) tags);
  if (!update (self, a, &error))
    problem (self, _("Could not save the tags"), error);
  else
    changed (self);
}

static void
on_undo_delete (AdwToast *toast, PnAnnotationController *self)
{
  PnAnnotation *a = g_object_get_data (G_OBJECT (toast), "pn-annotation");
  g_autoptr(GError) error = NULL;

  if (a == NULL || store (self) == NULL)
    return;
  if (!pn_store_add_annotation (store (self), a, &error))
    problem (self, _("Could not bring the highlight back"), error);
  else
    pn_pack_session_annotations_changed (self->session, a->document_id);
}

static void
delete_with_undo (PnAnnotationController *self, const char *id, const char *title)
{
  g_autoptr(PnAnnotation) a = store (self) ? pn_store_get_annotation (store (self), id, NULL) : NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *done;

  if (a == NULL)
    return;
  if (!pn_store_delete_annotation (store (self), id, &error))
    {
      problem (self, _("Could not delete"), error);
      return;
    }
  done = adw_toast_new (title);
  adw_toast_set_button_label (done, _("_Undo"));
  g_object_set_data_full (G_OBJECT (done), "pn-annotation", g_steal_pointer (&a),
                          (GDestroyNotify) pn_annotation_free);
  g_signal_connect_object (done, "button-clicked", G_CALLBACK (on_undo_delete), self, 0);
  toast (self, done);
  changed (self);
}

static void
on_delete_requested (PnHighlightPopover *popover, const char *id, PnAnnotationController *self)
{
  delete_with_undo (self, id, _("Highlight deleted"));
}

static void
open_popover (PnAnnotationController *self, PnAnnotation *annotation, gboolean edit)
{
  g_auto(GStrv) tags = NULL;

  if (self->view == NULL)
    return;
  if (self->popover == NULL)
    {
      self->popover = g_object_ref_sink (PN_HIGHLIGHT_POPOVER (pn_highlight_popover_new ()));
      g_signal_connect (self->popover, "note-changed", G_CALLBACK (on_note_changed), self);
      g_signal_connect (self->popover, "color-changed", G_CALLBACK (on_color_changed), self);
      g_signal_connect (self->popover, "tags-changed", G_CALLBACK (on_tags_changed), self);
      g_signal_connect (self->popover, "delete-requested", G_CALLBACK (on_delete_requested), self);
    }
  tags = pn_store_get_annotation_tags (store (self), pn_pack_get_id (pack (self)), NULL);
  pn_highlight_popover_set_annotation (self->popover, annotation, pack (self), (const char * const *) tags);
  pn_reader_view_popup_at_annotation (self->view, GTK_POPOVER (self->popover));
  /* A highlight without a note opens on its empty editor: what is typed goes there. */
  if (edit || annotation->note == NULL || annotation->note[0] == '\0')
    pn_highlight_popover_edit_note (self->popover);
}

static void
on_annotation_activated (PnReaderView *view, const char *id, PnAnnotationController *self)
{
  PnAnnotation *a = find (self, id);

  if (a != NULL && a->kind == PN_ANNOTATION_HIGHLIGHT)
    open_popover (self, a, FALSE);
}

PnHighlightPopover *
pn_annotation_controller_get_popover (PnAnnotationController *self)
{
  g_return_val_if_fail (PN_IS_ANNOTATION_CONTROLLER (self), NULL);
  return self->popover;
}

/* Bookmarks */

gboolean
pn_annotation_controller_toggle_bookmark (PnAnnotationController *self)
{
  PnRenderedPage *page;
  const PnTextBlock *block = NULL;
  const char *top;
  g_autoptr(PnAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  const char *text, *p;
  gint64 end;

  g_return_val_if_fail (PN_IS_ANNOTATION_CONTROLLER (self), FALSE);

  if (self->view == NULL || (page = pn_reader_view_get_rendered_page (self->view)) == NULL)
    return FALSE;
  if (g_strcmp0 (pn_reader_view_get_document_id (self->view), self->doc_id) != 0)
    pn_annotation_controller_refresh (self);
  top = pn_reader_view_get_top_anchor (self->view);
  if (top != NULL)
    block = pn_rendered_page_find_block (page, top);
  if (block == NULL && pn_rendered_page_get_blocks (page) != NULL && pn_rendered_page_get_blocks (page)->len > 0)
    block = g_ptr_array_index (pn_rendered_page_get_blocks (page), 0);
  if (block == NULL || block->end <= block->start)
    return FALSE;

  /* One there already: it goes. */
  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    {
      PnAnnotation *b = g_ptr_array_index (self->annotations, i);

      if (b->kind == PN_ANNOTATION_BOOKMARK && !b->detached &&
          b->selectors.start >= (gint64) block->start && b->selectors.start < (gint64) block->end)
        {
          g_autofree char *id = g_strdup (b->id);

          delete_with_undo (self, id, _("Bookmark removed"));
          return FALSE;
        }
    }

  /* Its first words. */
  text = g_utf8_offset_to_pointer (pn_rendered_page_get_text (page), block->start);
  p = text;
  end = block->start;
  for (guint words = 0; end < (gint64) block->end && *p != '\0'; p = g_utf8_next_char (p), end++)
    {
      if (g_unichar_isspace (g_utf8_get_char (p)) && ++words >= BOOKMARK_WORDS)
        break;
    }
  a = new_annotation (self, PN_ANNOTATION_BOOKMARK, block->start, end);
  if (a == NULL)
    return FALSE;
  if (!pn_store_add_annotation (store (self), a, &error))
    {
      problem (self, _("Could not save the bookmark"), error);
      return FALSE;
    }
  toast (self, adw_toast_new (_("Bookmark added")));
  changed (self);
  return TRUE;
}

/* The free note of a document */

static PnAnnotation *
document_note (PnAnnotationController *self)
{
  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    {
      PnAnnotation *a = g_ptr_array_index (self->annotations, i);

      if (a->kind == PN_ANNOTATION_DOCUMENT_NOTE)
        return a;
    }
  return NULL;
}

static void show_note_dialog (PnAnnotationController *self, GtkWindow *parent, const char *text,
                              const char *error);

/* Saved at once; on a failure the text comes back in the dialog with the error. */
static void
on_note_dialog_response (AdwMessageDialog *dialog, const char *response, PnAnnotationController *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "pn-buffer");
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(PnAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  PnAnnotation *known;
  gboolean ok;

  if (g_strcmp0 (response, "save") != 0 || buffer == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  known = document_note (self);
  if (known != NULL)
    {
      a = pn_annotation_copy (known);
      g_free (a->note);
      a->note = g_strdup (text);
      ok = update (self, a, &error);
    }
  else
    {
      a = new_annotation (self, PN_ANNOTATION_DOCUMENT_NOTE, 0, 0);
      if (a == NULL)
        return;
      g_free (a->note);
      a->note = g_strdup (text);
      ok = pn_store_add_annotation (store (self), a, &error);
    }
  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The note could not be saved: %s"), error->message);

      g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, message);
      show_note_dialog (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), text, message);
      return;
    }
  changed (self);
}

static void
show_note_dialog (PnAnnotationController *self, GtkWindow *parent, const char *text, const char *error)
{
  PnPack *p = pack (self);
  PnDocument *doc = p != NULL && self->doc_id != NULL ? pn_pack_get_document (p, self->doc_id) : NULL;
  GtkWidget *dialog, *scroller, *view;

  dialog = adw_message_dialog_new (parent, _("Document Note"),
                                   error != NULL ? error : (doc != NULL ? pn_document_get_title (doc) : NULL));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document note"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_widget_add_css_class (scroller, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pn-buffer",
                          g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view))), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

void
pn_annotation_controller_edit_document_note (PnAnnotationController *self, GtkWindow *parent)
{
  PnAnnotation *known;

  g_return_if_fail (PN_IS_ANNOTATION_CONTROLLER (self));

  if (self->view == NULL || pn_reader_view_get_document_id (self->view) == NULL)
    return;
  if (g_strcmp0 (pn_reader_view_get_document_id (self->view), self->doc_id) != 0)
    pn_annotation_controller_refresh (self);
  if (self->annotations == NULL)
    return;
  known = document_note (self);
  show_note_dialog (self, parent, known != NULL ? known->note : "", NULL);
}

/* GObject */

static void
on_document_loaded (PnReaderView *view, PnAnnotationController *self)
{
  pn_annotation_controller_refresh (self);
}

static void
on_annotations_changed (PnPackSession *session, const char *doc_id, PnAnnotationController *self)
{
  if (doc_id == NULL || self->view == NULL ||
      g_strcmp0 (doc_id, pn_reader_view_get_document_id (self->view)) == 0)
    pn_annotation_controller_refresh (self);
}

static void
on_pack_changed (PnPackSession *session, GParamSpec *pspec, PnAnnotationController *self)
{
  g_clear_pointer (&self->anchor_text, pn_anchor_text_free);
  g_clear_pointer (&self->anchor_doc, g_free);
}

static void
on_color_setting (GSettings *settings, const char *key, PnAnnotationController *self)
{
  g_autofree char *name = g_settings_get_string (settings, "highlight-color");
  PnAnnotationColor color;

  if (self->view != NULL && pn_annotation_color_from_string (name, &color))
    pn_reader_view_set_highlight_color (self->view, color);
}

static void
pn_annotation_controller_dispose (GObject *object)
{
  PnAnnotationController *self = PN_ANNOTATION_CONTROLLER (object);

  if (self->popover != NULL)
    {
      /* A note typed a moment ago is saved before the window goes. */
      pn_highlight_popover_flush (self->popover);
      g_signal_handlers_disconnect_by_data (self->popover, self);
      g_clear_object (&self->popover);
    }
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
      self->view = NULL;
    }
  if (self->toasts != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->toasts), (gpointer *) &self->toasts);
      self->toasts = NULL;
    }
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pn_annotation_controller_parent_class)->dispose (object);
}

static void
pn_annotation_controller_finalize (GObject *object)
{
  PnAnnotationController *self = PN_ANNOTATION_CONTROLLER (object);

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->anchor_text, pn_anchor_text_free);
  g_free (self->anchor_doc);
  g_free (self->doc_id);
  g_free (self->edit_after_refresh);
  G_OBJECT_CLASS (pn_annotation_controller_parent_class)->finalize (object);
}

static void
pn_annotation_controller_init (PnAnnotationController *self)
{
}

static void
pn_annotation_controller_class_init (PnAnnotationControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pn_annotation_controller_dispose;
  object_class->finalize = pn_annotation_controller_finalize;

  signals[SIGNAL_PROBLEM] =
    g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

PnAnnotationController *
pn_annotation_controller_new (PnReaderView *view, PnPackSession *session, GSettings *settings,
                              AdwToastOverlay *toasts)
{
  PnAnnotationController *self;

  g_return_val_if_fail (PN_IS_READER_VIEW (view), NULL);
  g_return_val_if_fail (PN_IS_PACK_SESSION (session), NULL);

  self = g_object_new (PN_TYPE_ANNOTATION_CONTROLLER, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  if (toasts != NULL)
    {
      self->toasts = toasts;
      g_object_add_weak_pointer (G_OBJECT (toasts), (gpointer *) &self->toasts);
    }
  self->session = g_object_ref (session);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect (settings, "changed::highlight-color", G_CALLBACK (on_color_setting), self);
      on_color_setting (settings, "highlight-color", self);
    }

  g_signal_connect (view, "document-loaded", G_CALLBACK (on_document_loaded), self);
  g_signal_connect (view, "highlight-requested", G_CALLBACK (on_highlight_requested), self);
  g_signal_connect (view, "annotation-activated", G_CALLBACK (on_annotation_activated), self);
  g_signal_connect (view, "reattach-requested", G_CALLBACK (on_reattach_requested), self);
  g_signal_connect (session, "annotations-changed", G_CALLBACK (on_annotations_changed), self);
  g_signal_connect (session, "notify::pack", G_CALLBACK (on_pack_changed), self);
  return self;
}
