/* pn-teacher-notes.c: the teacher's notes of the open pack in the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "pn-notes"

#include "config.h"

#include "pn-anchor.h"
#include "pn-pack-annotations.h"
#include "pn-teacher-notes.h"

struct _PnTeacherNotes {
  GObject parent_instance;

  PnReaderView *view;            /* weak */
  PnPackSession *session;
  GSettings *settings;
  PnTeacherNotePopover *popover; /* weak: the view's, once opened */
  GPtrArray *shown;              /* of PnAnnotation: placed in the shown document */
};

G_DEFINE_FINAL_TYPE (PnTeacherNotes, pn_teacher_notes, G_TYPE_OBJECT)

static gboolean
layer_shown (PnTeacherNotes *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "show-teacher-notes");
}

/* The page text of the document shown: the session's, else the view's. */
static const char *
page_text (PnTeacherNotes *self, const char *doc_id)
{
  const char *text = pn_pack_session_get_page_text (self->session, doc_id);
  PnRenderedPage *page;

  if (text == NULL && (page = pn_reader_view_get_rendered_page (self->view)) != NULL)
    text = pn_rendered_page_get_text (page);
  return text;
}

void
pn_teacher_notes_refresh (PnTeacherNotes *self)
{
  PnPack *pack;
  const char *doc_id;
  const char *text;
  PnAnchorText *anchor_text;

  g_return_if_fail (PN_IS_TEACHER_NOTES (self));

  if (self->view == NULL)
    return;
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  pack = pn_pack_session_get_pack (self->session);
  doc_id = pn_reader_view_get_document_id (self->view);
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  if (layer_shown (self) && pack != NULL && doc_id != NULL && pn_pack_get_teacher_notes (pack)->len > 0 &&
      (text = page_text (self, doc_id)) != NULL)
    {
      anchor_text = pn_anchor_text_new (text, -1);
      self->shown = pn_pack_anchor_teacher_notes (pack, doc_id, anchor_text, NULL);
      pn_anchor_text_free (anchor_text);
    }
  pn_reader_view_set_teacher_notes (self->view, self->shown);
}

GPtrArray *
pn_teacher_notes_get_shown (PnTeacherNotes *self)
{
  g_return_val_if_fail (PN_IS_TEACHER_NOTES (self), NULL);
  return self->shown;
}

PnTeacherNotePopover *
pn_teacher_notes_get_popover (PnTeacherNotes *self)
{
  g_return_val_if_fail (PN_IS_TEACHER_NOTES (self), NULL);
  return self->popover;
}

static void
on_link_activated (PnTeacherNotePopover *popover, const char *uri, PnTeacherNotes *self)
{
  gboolean handled = FALSE;

  /* As a link of the text: one to the pack is followed in the window (the
   * document, the source, the glossary entry), one to the web opens in the
   * browser. */
  if (self->view == NULL)
    return;
  if (g_str_has_prefix (uri, "prisonnum:"))
    pn_reader_view_activate_pack_link (self->view, uri);
  else
    g_signal_emit_by_name (self->view, "external-link-activated", uri, &handled);
}

static void
on_note_activated (PnReaderView *view, const char *id, PnTeacherNotes *self)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);
  const PnAnnotation *note = NULL;

  for (guint i = 0; self->shown != NULL && i < self->shown->len && note == NULL; i++)
    if (g_strcmp0 (((PnAnnotation *) g_ptr_array_index (self->shown, i))->id, id) == 0)
      note = g_ptr_array_index (self->shown, i);
  if (note == NULL || pack == NULL)
    return;

  if (self->popover == NULL)
    {
      /* The view parents it, and takes it away with itself. */
      self->popover = PN_TEACHER_NOTE_POPOVER (pn_teacher_note_popover_new ());
      g_object_add_weak_pointer (G_OBJECT (self->popover), (gpointer *) &self->popover);
      g_signal_connect (self->popover, "link-activated", G_CALLBACK (on_link_activated), self);
    }
  pn_teacher_note_popover_set_note (self->popover, pack, note->note);
  pn_teacher_note_popover_fit (self->popover, gtk_widget_get_width (GTK_WIDGET (view)));
  pn_reader_view_popup_at_annotation (view, GTK_POPOVER (self->popover));
}

static void
on_document_loaded (PnReaderView *view, PnTeacherNotes *self)
{
  pn_teacher_notes_refresh (self);
}

static void
on_setting (GSettings *settings, const char *key, PnTeacherNotes *self)
{
  pn_teacher_notes_refresh (self);
}

static void
pn_teacher_notes_dispose (GObject *object)
{
  PnTeacherNotes *self = PN_TEACHER_NOTES (object);

  if (self->popover != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->popover, self);
      g_object_remove_weak_pointer (G_OBJECT (self->popover), (gpointer *) &self->popover);
      self->popover = NULL;
    }
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
      self->view = NULL;
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  G_OBJECT_CLASS (pn_teacher_notes_parent_class)->dispose (object);
}

static void
pn_teacher_notes_init (PnTeacherNotes *self)
{
}

static void
pn_teacher_notes_class_init (PnTeacherNotesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pn_teacher_notes_dispose;
}

PnTeacherNotes *
pn_teacher_notes_new (PnReaderView *view, PnPackSession *session, GSettings *settings)
{
  PnTeacherNotes *self;

  g_return_val_if_fail (PN_IS_READER_VIEW (view), NULL);
  g_return_val_if_fail (PN_IS_PACK_SESSION (session), NULL);

  self = g_object_new (PN_TYPE_TEACHER_NOTES, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  self->session = g_object_ref (session);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect (settings, "changed::show-teacher-notes", G_CALLBACK (on_setting), self);
    }
  g_signal_connect (view, "document-loaded", G_CALLBACK (on_document_loaded), self);
  g_signal_connect (view, "teacher-note-activated", G_CALLBACK (on_note_activated), self);
  return self;
}
