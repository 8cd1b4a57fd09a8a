/* pn-reader-view-teacher.c: the teacher's notes in the text view, a layer of their own
 *
 * The view paints what it is given (pn_reader_view_set_teacher_notes(): the
 * pack's notes on the document shown, anchored by the caller) through
 * annotations.js's setTeacherNotes, apart from the student's highlights: the
 * page text and the moment of painting are the student's layer's
 * (pn-reader-view-annotations.c), the wrappers, markers and message
 * ("teacher-note") their own. Opening one emits "teacher-note-activated";
 * the popover is the caller's (pn-teacher-notes.c), pointed with
 * pn_reader_view_popup_at_annotation().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-reader-view-private.h"

#define signals pn_reader_view_signals

static char *
teacher_json (GPtrArray *notes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const PnAnnotation *a = g_ptr_array_index (notes, i);

      if (!pn_annotation_is_placed (a))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, a->id);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, a->selectors.start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, a->selectors.end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
pn_reader_view_set_teacher_notes (PnReaderView *self, GPtrArray *notes)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  g_free (self->teacher_json);
  self->teacher_json = teacher_json (notes);
  g_free (self->teacher_doc);
  self->teacher_doc = g_strdup (self->doc_id);
  pn_reader_view_request_paint (self);
}

static void
on_painted (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PnReaderView) self = user_data;
  guint painted, missing;
  double ms;

  if (pn_reader_view_painted_counts (self, source, result, "the teacher's notes", &painted, &missing, &ms))
    g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_TEACHER_NOTES_PAINTED], 0, painted, missing);
}

void
pn_reader_view_teacher_paint (PnReaderView *self)
{
  GVariantDict args;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "json", "s", self->teacher_json != NULL ? self->teacher_json : "[]");
  /* Translators: what a screen reader says before the words a teacher's note is about */
  g_variant_dict_insert (&args, "label", "s", _("Teacher’s note"));
  pn_page_bridge_call (self->bridge, "setTeacherNotes", g_variant_dict_end (&args), NULL,
                       on_painted, g_object_ref (self));
}

void
pn_reader_view_teacher_dispose (PnReaderView *self)
{
  g_clear_pointer (&self->teacher_json, g_free);
  g_clear_pointer (&self->teacher_doc, g_free);
}

void
pn_reader_view_teacher_class_init (GObjectClass *klass)
{
  GType type = G_TYPE_FROM_CLASS (klass);

  signals[PN_READER_VIEW_SIGNAL_TEACHER_NOTE_ACTIVATED] =
    g_signal_new ("teacher-note-activated", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PN_READER_VIEW_SIGNAL_TEACHER_NOTES_PAINTED] =
    g_signal_new ("teacher-notes-painted", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}
