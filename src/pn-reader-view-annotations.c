/* pn-reader-view-annotations.c: the student's highlights in the text view
 *
 * The view paints what it is given (pn_reader_view_set_annotations(): the
 * anchored highlights and bookmarks of the document shown, annotations.js)
 * and says what the reader does with them: a highlight opened
 * ("annotation-activated"), words to highlight ("highlight-requested", from
 * the selection popover's colours and « Add Note… », or the context menu),
 * a detached note attached to the words selected ("reattach-requested",
 * after pn_reader_view_begin_reattach()). « Copy with Citation » is done
 * here: the quote from the page text, with the document's and the pack's
 * titles. The store is not the view's business (pn-annotation-controller.c).
 *
 * The page text goes to the page once each page is laid out (the offsets of
 * a selection and of the highlights are counted in it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-reader-popover.h"
#include "pn-reader-view-private.h"

#define signals pn_reader_view_signals

enum {
  TEXT_NONE,
  TEXT_SENDING,
  TEXT_SENT,
};

/* Painting */

gboolean
pn_reader_view_painted_counts (PnReaderView *self, GObject *source, GAsyncResult *result, const char *what,
                               guint *painted, guint *missing, double *ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = pn_page_bridge_call_finish (PN_PAGE_BRIDGE (source), result, &error);
  JsonObject *counts;

  if (self->bridge == NULL)
    return FALSE;
  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Painting %s: %s", what, error->message);
      return FALSE;
    }
  counts = json_node_get_object (reply);
  *painted = (guint) CLAMP (json_object_get_int_member_with_default (counts, "painted", 0), 0, G_MAXINT);
  *missing = (guint) CLAMP (json_object_get_int_member_with_default (counts, "missing", 0), 0, G_MAXINT);
  *ms = CLAMP (json_object_get_double_member_with_default (counts, "ms", 0.0), 0.0, 1e7);
  return TRUE;
}

static void
on_painted (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PnReaderView) self = user_data;
  guint painted, missing;
  double ms;

  if (pn_reader_view_painted_counts (self, source, result, "the highlights", &painted, &missing, &ms))
    g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_ANNOTATIONS_PAINTED], 0, painted, missing, ms);
}

/* Both layers, each when it was given for the document shown. */
static void
paint (PnReaderView *self)
{
  GVariantDict args;

  self->paint_wanted = FALSE;
  if (self->bridge == NULL || !self->page_ready)
    return;
  if (self->teacher_doc != NULL && g_strcmp0 (self->teacher_doc, self->doc_id) == 0)
    pn_reader_view_teacher_paint (self);
  if (g_strcmp0 (self->annotations_doc, self->doc_id) != 0)
    return;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "json", "s", self->annotations_json ? self->annotations_json : "[]");
  g_variant_dict_insert (&args, "noteLabel", "s", _("Note"));
  g_variant_dict_insert (&args, "bookmarkLabel", "s", _("Bookmark"));
  pn_page_bridge_call (self->bridge, "setAnnotations", g_variant_dict_end (&args), NULL,
                       on_painted, g_object_ref (self));
}

static void
on_text_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PnReaderView *self = PN_READER_VIEW (source);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;

  if (pn_reader_view_send_page_text_finish (self, result, &error) < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Sending the page text: %s", error->message);
      if (generation == self->text_generation)
        self->text_state = TEXT_NONE;
      return;
    }
  if (generation != self->text_generation)
    return;
  self->text_state = TEXT_SENT;
  if (self->paint_wanted)
    paint (self);
}

static void
send_text (PnReaderView *self)
{
  self->text_state = TEXT_SENDING;
  pn_reader_view_send_page_text (self, NULL, on_text_sent, GUINT_TO_POINTER (self->text_generation));
}

static void
on_document_loaded (PnReaderView *self, gpointer user_data)
{
  self->text_generation++;
  /* What was given for this document before it was laid out. */
  self->paint_wanted = (self->annotations_doc != NULL && g_strcmp0 (self->annotations_doc, self->doc_id) == 0) ||
                       (self->teacher_doc != NULL && g_strcmp0 (self->teacher_doc, self->doc_id) == 0);
  if (self->doc_id != NULL && !self->test_page)
    send_text (self);
  else
    self->text_state = TEXT_NONE;
}

static void
add_member_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static char *
annotations_json (GPtrArray *annotations, const char *doc_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      const PnAnnotation *a = g_ptr_array_index (annotations, i);

      if (!pn_annotation_is_placed (a) || a->kind == PN_ANNOTATION_DOCUMENT_NOTE ||
          g_strcmp0 (a->document_id, doc_id) != 0)
        continue;
      json_builder_begin_object (builder);
      add_member_string (builder, "id", a->id);
      add_member_string (builder, "kind", pn_annotation_kind_to_string (a->kind));
      add_member_string (builder, "color", pn_annotation_color_to_string (a->color));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, a->selectors.start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, a->selectors.end);
      json_builder_set_member_name (builder, "note");
      json_builder_add_boolean_value (builder, a->note != NULL && a->note[0] != '\0');
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

void
pn_reader_view_set_annotations (PnReaderView *self, GPtrArray *annotations)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  g_free (self->annotations_json);
  self->annotations_json = annotations_json (annotations, self->doc_id);
  g_free (self->annotations_doc);
  self->annotations_doc = g_strdup (self->doc_id);
  pn_reader_view_request_paint (self);
}

void
pn_reader_view_request_paint (PnReaderView *self)
{
  if (self->doc_id == NULL || !self->page_ready)
    return;
  if (self->text_state == TEXT_SENT)
    paint (self);
  else
    {
      self->paint_wanted = TRUE;
      if (self->text_state == TEXT_NONE)
        send_text (self);
    }
}

/* A highlight opened */

void
pn_reader_view_annotation_activated (PnReaderView *self, const PnPageMessage *message)
{
  self->annotation_rect = message->rect;
  pn_reader_view_popdown_all (self);
  g_signal_emit (self, signals[message->type == PN_PAGE_MESSAGE_TEACHER_NOTE
                                 ? PN_READER_VIEW_SIGNAL_TEACHER_NOTE_ACTIVATED
                                 : PN_READER_VIEW_SIGNAL_ANNOTATION_ACTIVATED], 0, message->id);
}

static void
on_adopted_destroy (gpointer data, GObject *where_the_object_was)
{
  PnReaderView *self = data;

  g_ptr_array_remove (self->adopted, where_the_object_was);
}

void
pn_reader_view_popup_at_annotation (PnReaderView *self, GtkPopover *popover)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  if (gtk_widget_get_parent (GTK_WIDGET (popover)) == NULL)
    {
      pn_reader_view_adopt_popover (self, GTK_WIDGET (popover));
      g_ptr_array_add (self->adopted, popover);
      g_object_weak_ref (G_OBJECT (popover), on_adopted_destroy, self);
    }
  pn_reader_popover_point_at (popover, NULL, GTK_WIDGET (self), GTK_WIDGET (self->web_view),
                              webkit_web_view_get_zoom_level (self->web_view), &self->annotation_rect);
  gtk_popover_popup (popover);
}

/* What the selection popover does */

static void
clear_page_selection (PnReaderView *self)
{
  pn_reader_view_call (self, "clearSelection", NULL);
}

static void
request_highlight (PnReaderView *self, PnAnnotationColor color, gboolean with_note)
{
  gint64 start = self->selection_start;
  gint64 end = self->selection_end;

  if (start < 0 || end <= start)
    return;
  /* The highlight popover of a new note opens where the words were. */
  self->annotation_rect = self->selection_rect;
  clear_page_selection (self);
  g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_HIGHLIGHT_REQUESTED], 0,
                 pn_annotation_color_to_string (color), start, end, with_note);
}

static void
on_highlight (PnSelectionPopover *popover, const char *color, PnReaderView *self)
{
  PnAnnotationColor value;

  if (!pn_annotation_color_from_string (color, &value))
    return;
  self->highlight_color = value;
  request_highlight (self, value, FALSE);
}

static void
on_add_note (PnSelectionPopover *popover, PnReaderView *self)
{
  request_highlight (self, self->highlight_color, TRUE);
}

static void
on_attach (PnSelectionPopover *popover, PnReaderView *self)
{
  g_autofree char *id = g_steal_pointer (&self->reattach_id);

  if (id == NULL || self->selection_start < 0)
    return;
  clear_page_selection (self);
  g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_REATTACH_REQUESTED], 0, id,
                 self->selection_start, self->selection_end);
}

/* The quote from the page text, with its reference. */
char *
pn_reader_view_citation_text (PnReaderView *self, gint64 start, gint64 end)
{
  PnRenderedPage *page = pn_reader_view_get_rendered_page (self);
  PnPack *pack = pn_reader_view_get_pack (self);
  PnDocument *doc = pack != NULL && self->doc_id != NULL ? pn_pack_get_document (pack, self->doc_id) : NULL;
  const char *text = page != NULL ? pn_rendered_page_get_text (page) : NULL;
  const char *from, *to;
  g_autofree char *quote = NULL;
  g_autofree char *squashed = NULL;
  g_autoptr(GRegex) space = NULL;
  const char *title;

  if (text == NULL || doc == NULL || start < 0 || end <= start || end > g_utf8_strlen (text, -1))
    return NULL;
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  quote = g_strndup (from, to - from);
  space = g_regex_new ("\\s+", 0, 0, NULL);
  squashed = g_regex_replace_literal (space, quote, -1, 0, " ", 0, NULL);
  g_strstrip (squashed);
  title = self->title != NULL ? self->title : pn_document_get_title (doc);
  /* Translators: a quote copied with its reference: the quote, the document's title, the pack's */
  return g_strdup_printf (_("“%s” — %s, %s"), squashed, title, pn_pack_get_title (pack));
}

static void
on_copy (PnSelectionPopover *popover, PnReaderView *self)
{
  g_autofree char *citation = pn_reader_view_citation_text (self, self->selection_start, self->selection_end);

  if (citation == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
}

void
pn_reader_view_connect_selection_popover (PnReaderView *self, PnSelectionPopover *popover)
{
  g_signal_connect (popover, "highlight", G_CALLBACK (on_highlight), self);
  g_signal_connect (popover, "add-note", G_CALLBACK (on_add_note), self);
  g_signal_connect (popover, "copy", G_CALLBACK (on_copy), self);
  g_signal_connect (popover, "attach", G_CALLBACK (on_attach), self);
}

/* What the popover offers for the words selected now. */
PnSelectionActions
pn_reader_view_selection_actions (PnReaderView *self, const PnPageMessage *message)
{
  PnSelectionActions actions = 0;

  self->selection_start = message->start;
  self->selection_end = message->end;
  self->selection_rect = message->rect;
  if (message->start >= 0 && self->doc_id != NULL && !self->test_page)
    {
      actions |= PN_SELECTION_CAN_HIGHLIGHT | PN_SELECTION_CAN_COPY;
      if (self->reattach_id != NULL)
        actions |= PN_SELECTION_CAN_ATTACH;
    }
  return actions;
}

void
pn_reader_view_begin_reattach (PnReaderView *self, const char *annotation_id)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  g_free (self->reattach_id);
  self->reattach_id = g_strdup (annotation_id);
}

void
pn_reader_view_set_highlight_color (PnReaderView *self, PnAnnotationColor color)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (color < PN_ANNOTATION_N_COLORS);

  self->highlight_color = color;
  if (self->selection_popover != NULL)
    pn_selection_popover_set_color (self->selection_popover, color);
}

gboolean
pn_reader_view_get_selection (PnReaderView *self, gint64 *start, gint64 *end)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);

  if (self->selection_text == NULL || self->selection_start < 0)
    return FALSE;
  if (start != NULL)
    *start = self->selection_start;
  if (end != NULL)
    *end = self->selection_end;
  return TRUE;
}

const char *
pn_reader_view_get_top_anchor (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->last_anchor;
}

/* The context menu: the keyboard's way to highlight (Menu or Shift+F10). */

static void
highlight_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PnReaderView *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_strcmp0 (name, "annotation-copy") == 0)
    on_copy (NULL, self);
  else
    request_highlight (self, self->highlight_color, g_strcmp0 (name, "annotation-note") == 0);
}

void
pn_reader_view_annotations_context_menu (PnReaderView *self, WebKitContextMenu *menu, WebKitHitTestResult *hit)
{
  static const char * const names[] = { "annotation-copy", "annotation-note", "annotation-highlight" };
  const char *labels[] = { _("Copy with Citation"), _("Add Note…"), _("Highlight") };

  if (!webkit_hit_test_result_context_is_selection (hit) || self->selection_text == NULL ||
      self->selection_start < 0 || self->test_page)
    return;

  webkit_context_menu_prepend (menu, webkit_context_menu_item_new_separator ());
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_signal_connect_object (action, "activate", G_CALLBACK (highlight_action), self, 0);
      webkit_context_menu_prepend (menu, webkit_context_menu_item_new_from_gaction (G_ACTION (action), labels[i],
                                                                                    NULL));
    }
}

/* Set up and taken down */

void
pn_reader_view_annotations_init (PnReaderView *self)
{
  self->adopted = g_ptr_array_new ();
  self->selection_start = self->selection_end = -1;
  g_signal_connect (self, "document-loaded", G_CALLBACK (on_document_loaded), NULL);
}

void
pn_reader_view_annotations_popdown (PnReaderView *self)
{
  for (guint i = 0; self->adopted != NULL && i < self->adopted->len; i++)
    gtk_popover_popdown (g_ptr_array_index (self->adopted, i));
}

void
pn_reader_view_annotations_dispose (PnReaderView *self)
{
  while (self->adopted != NULL && self->adopted->len > 0)
    {
      GtkWidget *popover = g_ptr_array_steal_index (self->adopted, self->adopted->len - 1);

      g_object_weak_unref (G_OBJECT (popover), on_adopted_destroy, self);
      gtk_widget_unparent (popover);
    }
  g_clear_pointer (&self->adopted, g_ptr_array_unref);
  g_clear_pointer (&self->annotations_json, g_free);
  g_clear_pointer (&self->annotations_doc, g_free);
  g_clear_pointer (&self->reattach_id, g_free);
  pn_reader_view_teacher_dispose (self);
}

void
pn_reader_view_annotations_class_init (GObjectClass *klass)
{
  GType type = G_TYPE_FROM_CLASS (klass);

  signals[PN_READER_VIEW_SIGNAL_ANNOTATION_ACTIVATED] =
    g_signal_new ("annotation-activated", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[PN_READER_VIEW_SIGNAL_REATTACH_REQUESTED] =
    g_signal_new ("reattach-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64);
  signals[PN_READER_VIEW_SIGNAL_HIGHLIGHT_REQUESTED] =
    g_signal_new ("highlight-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_BOOLEAN);
  signals[PN_READER_VIEW_SIGNAL_ANNOTATIONS_PAINTED] =
    g_signal_new ("annotations-painted", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_DOUBLE);
  pn_reader_view_teacher_class_init (klass);
}
