/* pn-reader-view-glossary.c: the glossary in the text
 *
 * A marked term (the page message "glossary") opens the term popover at the
 * word, for an entry of the pack's glossary only; the words the reader
 * selects (the page message "selection") offer « Look Up in Glossary » in
 * the selection popover and in the context menu; an occurrence asked for by
 * the Glossary page is scrolled to and flashed (glossary.js), once its
 * document is laid out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-reader-popover.h"
#include "pn-reader-view-private.h"

struct _PnPendingOccurrence {
  char *doc_id;
  char *block_id;
  guint start;
  guint end;
};

static void
pending_occurrence_free (PnPendingOccurrence *pending)
{
  if (pending == NULL)
    return;
  g_free (pending->doc_id);
  g_free (pending->block_id);
  g_free (pending);
}

/* The term popover */

static void
on_learn_more (PnTermPopover *popover, const char *entry_id, PnReaderView *self)
{
  g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_GLOSSARY_ACTIVATED], 0, entry_id);
}

void
pn_reader_view_show_term (PnReaderView *self, const PnPageMessage *message)
{
  PnPack *pack = pn_reader_view_get_pack (self);
  PnGlossary *glossary = pack != NULL ? pn_pack_get_glossary (pack) : NULL;
  double zoom = webkit_web_view_get_zoom_level (self->web_view);

  /* The page is untrusted: an id the glossary does not have opens nothing. */
  if (glossary == NULL || pn_glossary_lookup (glossary, message->id) == NULL)
    return;

  pn_reader_view_popdown_all (self);
  if (self->term_popover == NULL)
    {
      self->term_popover = PN_TERM_POPOVER (pn_term_popover_new ());
      pn_reader_view_adopt_popover (self, GTK_WIDGET (self->term_popover));
      g_signal_connect (self->term_popover, "learn-more", G_CALLBACK (on_learn_more), self);
    }

  pn_term_popover_set_entry (self->term_popover, glossary, message->id);
  for (guint i = 0; i < 3; i++)
    pn_reader_view_set_reading_face (self, pn_term_popover_get_label (self->term_popover, i));
  pn_reader_popover_point_at (GTK_POPOVER (self->term_popover),
                              pn_term_popover_get_scroller (self->term_popover),
                              GTK_WIDGET (self), GTK_WIDGET (self->web_view), zoom, &message->rect);
  gtk_popover_popup (GTK_POPOVER (self->term_popover));
}

GtkWidget *
pn_reader_view_get_term_popover (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return GTK_WIDGET (self->term_popover);
}

/* The selection */

static void
emit_look_up (PnReaderView *self, const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_GLOSSARY_LOOK_UP], 0, text);
}

static void
on_look_up (PnSelectionPopover *popover, const char *text, PnReaderView *self)
{
  g_autofree char *words = g_strdup (text);

  emit_look_up (self, words);
}

static gboolean
pack_has_glossary (PnReaderView *self)
{
  PnPack *pack = pn_reader_view_get_pack (self);

  return pack != NULL && pn_pack_get_glossary (pack) != NULL &&
         pn_glossary_get_n_entries (pn_pack_get_glossary (pack)) > 0;
}

void
pn_reader_view_show_selection (PnReaderView *self, const PnPageMessage *message)
{
  g_autofree char *text = message->text ? g_strstrip (g_strdup (message->text)) : NULL;
  PnSelectionActions actions;

  g_free (self->selection_text);
  self->selection_text = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
  actions = pn_reader_view_selection_actions (self, message);
  if (pack_has_glossary (self) && !message->clipped)
    actions |= PN_SELECTION_CAN_LOOK_UP;

  if (self->selection_text == NULL || actions == 0)
    {
      if (self->selection_popover != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
      return;
    }
  /* Not over a popover the reader opened. */
  if ((self->term_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->term_popover))) ||
      (self->footnote_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->footnote_popover))) ||
      (self->citation_popover != NULL && gtk_widget_get_visible (GTK_WIDGET (self->citation_popover))))
    return;

  if (self->selection_popover == NULL)
    {
      self->selection_popover = PN_SELECTION_POPOVER (pn_selection_popover_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->selection_popover), GTK_WIDGET (self));
      g_signal_connect (self->selection_popover, "look-up", G_CALLBACK (on_look_up), self);
      pn_reader_view_connect_selection_popover (self, self->selection_popover);
    }
  pn_selection_popover_set_text (self->selection_popover, self->selection_text);
  pn_selection_popover_set_actions (self->selection_popover, actions);
  pn_selection_popover_set_color (self->selection_popover, self->highlight_color);
  pn_reader_popover_point_at (GTK_POPOVER (self->selection_popover), NULL,
                              GTK_WIDGET (self), GTK_WIDGET (self->web_view),
                              webkit_web_view_get_zoom_level (self->web_view), &message->rect);
  /* Above the words, unless they are at the top of the view. */
  gtk_popover_set_position (GTK_POPOVER (self->selection_popover),
                            message->rect.y * webkit_web_view_get_zoom_level (self->web_view) > 56
                              ? GTK_POS_TOP : GTK_POS_BOTTOM);
  gtk_popover_popup (GTK_POPOVER (self->selection_popover));
}

GtkWidget *
pn_reader_view_get_selection_popover (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return GTK_WIDGET (self->selection_popover);
}

static void
look_up_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PnReaderView *self = user_data;
  g_autofree char *text = g_strdup (self->selection_text);

  emit_look_up (self, text);
}

/* The same from the context menu (the keyboard's way: Menu or Shift+F10). */
void
pn_reader_view_glossary_context_menu (PnReaderView *self, WebKitContextMenu *menu, WebKitHitTestResult *hit)
{
  g_autoptr(GSimpleAction) action = NULL;

  if (!webkit_hit_test_result_context_is_selection (hit) || self->selection_text == NULL ||
      !pack_has_glossary (self) || g_utf8_strlen (self->selection_text, -1) >= PN_PAGE_MESSAGE_MAX_SELECTION)
    return;

  action = g_simple_action_new ("glossary-look-up", NULL);
  g_signal_connect_object (action, "activate", G_CALLBACK (look_up_action), self, 0);
  webkit_context_menu_prepend (menu, webkit_context_menu_item_new_separator ());
  webkit_context_menu_prepend (menu, webkit_context_menu_item_new_from_gaction (G_ACTION (action),
                                                                                _("Look Up in Glossary"),
                                                                                NULL));
}

/* An occurrence, scrolled to and flashed */

static void
on_occurrence_shown (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PnReaderView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = pn_page_bridge_call_finish (PN_PAGE_BRIDGE (source), result, &error);
  gboolean found = FALSE;

  if (reply != NULL && JSON_NODE_HOLDS_OBJECT (reply))
    found = json_object_get_boolean_member_with_default (json_node_get_object (reply), "found", FALSE);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Showing an occurrence: %s", error->message);

  if (self->bridge != NULL)
    g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_OCCURRENCE_SHOWN], 0, found);
}

static void
on_text_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PnReaderView *self = PN_READER_VIEW (source);
  PnPendingOccurrence *pending = user_data;
  g_autoptr(GError) error = NULL;
  GVariantDict args;

  if (pn_reader_view_send_page_text_finish (self, result, &error) < 0 || self->bridge == NULL ||
      g_strcmp0 (self->doc_id, pending->doc_id) != 0)
    {
      pending_occurrence_free (pending);
      if (self->bridge != NULL)
        g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_OCCURRENCE_SHOWN], 0, FALSE);
      return;
    }

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "block", "s", pending->block_id ? pending->block_id : "");
  g_variant_dict_insert (&args, "start", "i", (gint32) pending->start);
  g_variant_dict_insert (&args, "end", "i", (gint32) pending->end);
  pending_occurrence_free (pending);
  pn_page_bridge_call (self->bridge, "showOccurrence", g_variant_dict_end (&args), NULL,
                       on_occurrence_shown, g_object_ref (self));
}

static void
show_pending (PnReaderView *self)
{
  PnPendingOccurrence *pending = g_steal_pointer (&self->pending_occurrence);

  /* The text goes to the page each time: it is another page after a reload. */
  pn_reader_view_send_page_text (self, NULL, on_text_sent, pending);
}

static void
on_document_loaded (PnReaderView *self, gpointer user_data)
{
  if (self->pending_occurrence != NULL &&
      g_strcmp0 (self->pending_occurrence->doc_id, self->doc_id) == 0)
    show_pending (self);
}

void
pn_reader_view_show_occurrence (PnReaderView *self, const char *doc_id, const char *block_id,
                                guint start, guint end)
{
  PnPendingOccurrence *pending;

  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (doc_id != NULL);

  pending = g_new0 (PnPendingOccurrence, 1);
  pending->doc_id = g_strdup (doc_id);
  pending->block_id = g_strdup (block_id);
  pending->start = MIN (start, G_MAXINT32);
  pending->end = MIN (end, G_MAXINT32);
  pending_occurrence_free (self->pending_occurrence);
  self->pending_occurrence = pending;

  pn_reader_view_popdown_all (self);
  if (g_strcmp0 (self->doc_id, doc_id) != 0)
    pn_reader_view_load_document (self, doc_id);
  else if (!pn_reader_view_is_loading (self))
    show_pending (self);
}

void
pn_reader_view_glossary_init (PnReaderView *self)
{
  g_signal_connect (self, "document-loaded", G_CALLBACK (on_document_loaded), NULL);
}

void
pn_reader_view_glossary_dispose (PnReaderView *self)
{
  g_clear_pointer (&self->pending_occurrence, pending_occurrence_free);
  g_clear_pointer (&self->selection_text, g_free);
  if (self->term_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->term_popover)));
  if (self->selection_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->selection_popover)));
}

void
pn_reader_view_glossary_present (PnReaderView *self)
{
  if (self->term_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->term_popover));
  if (self->selection_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->selection_popover));
}

/* The link mode */

void
pn_reader_view_set_glossary_links (PnReaderView *self, PnGlossaryLinkMode mode)
{
  g_autofree char *anchor = NULL;
  g_autofree char *page = NULL;
  double fraction;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (self->link_mode == mode)
    return;
  self->link_mode = mode;
  pn_scheme_handler_set_link_mode (self->scheme, mode);

  /* The text shown again with its new marks, where the reader was (behind
   * a window page too: the history still says that page is shown). */
  if (self->doc_id == NULL || self->test_page)
    return;
  anchor = g_strdup (self->last_anchor);
  fraction = self->last_fraction;
  page = g_strdup (self->history_page);
  pn_reader_view_load_at (self, self->doc_id, anchor, fraction);
  if (page != NULL)
    {
      g_free (self->history_page);
      self->history_page = g_steal_pointer (&page);
    }
}

PnGlossaryLinkMode
pn_reader_view_get_glossary_links (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), PN_GLOSSARY_LINK_ALL);
  return self->link_mode;
}
