/* pn-reader-view-text.c: the page's plain text for the page scripts
 *
 * The model's rendered page (pn-rendered-page.h) has the article's plain text
 * and, for each block, its offsets in that text. pn_reader_view_send_page_text()
 * hands both to the page scripts (text.js, the bridge call "setPageText"), so
 * that the glossary, the notes and the quizzes speak of the same offsets in C
 * and in the page. Sent on request only: loading a document costs nothing more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-reader-view-private.h"

static char *
page_text_json (PnRenderedPage *page)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *blocks = pn_rendered_page_get_blocks (page);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, pn_rendered_page_get_text (page));
  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      const PnTextBlock *block = g_ptr_array_index (blocks, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, block->id);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, (gint64) block->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, (gint64) block->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
on_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(JsonNode) reply = pn_page_bridge_call_finish (PN_PAGE_BRIDGE (source), result, &error);
  JsonObject *counts;

  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (reply))
    {
      g_task_return_new_error (task, PN_PAGE_BRIDGE_ERROR, PN_PAGE_BRIDGE_ERROR_REPLY, "not an object");
      return;
    }
  counts = json_node_get_object (reply);
  g_task_return_int (task, MAX (0, json_object_get_int_member_with_default (counts, "matched", 0)));
}

void
pn_reader_view_send_page_text (PnReaderView *self, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  PnRenderedPage *page;
  g_autofree char *json = NULL;
  GVariantDict args;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pn_reader_view_send_page_text);

  page = self->doc_id ? pn_scheme_handler_get_rendered_page (self->scheme, self->doc_id) : NULL;
  if (page == NULL || self->bridge == NULL || !self->page_ready)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no document is shown");
      return;
    }

  json = page_text_json (page);
  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "json", "s", json);
  pn_page_bridge_call (self->bridge, "setPageText", g_variant_dict_end (&args), cancellable,
                       on_sent, g_steal_pointer (&task));
}

int
pn_reader_view_send_page_text_finish (PnReaderView *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  return (int) g_task_propagate_int (G_TASK (result), error);
}

PnRenderedPage *
pn_reader_view_get_rendered_page (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->doc_id ? pn_scheme_handler_get_rendered_page (self->scheme, self->doc_id) : NULL;
}

void
pn_reader_view_keep_rendered_page (PnReaderView *self, const char *doc_id, PnRenderedPage *page)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  pn_scheme_handler_keep_rendered_page (self->scheme, doc_id, page);
}
