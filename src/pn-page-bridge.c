/* pn-page-bridge.c: the link between a reader page's scripts and the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-page-bridge.h"
#include "pn-web-shell.h"

#define HANDLER_NAME "pn"

struct _PnPageBridge {
  GObject parent_instance;

  WebKitWebView *web_view;               /* unowned; NULL once closed */
  WebKitUserContentManager *manager;     /* owned until closed */
};

G_DEFINE_FINAL_TYPE (PnPageBridge, pn_page_bridge, G_TYPE_OBJECT)
G_DEFINE_QUARK (pn-page-bridge-error-quark, pn_page_bridge_error)

enum {
  SIGNAL_MESSAGE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
on_script_message (WebKitUserContentManager *manager, JSCValue *value, PnPageBridge *self)
{
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPageMessage) message = NULL;

  if (!jsc_value_is_object (value))
    return;
  json = jsc_value_to_json (value, 0);
  message = pn_page_message_parse (json, -1, &error);
  if (message == NULL)
    {
      g_debug ("Refused a message from the reader page: %s", error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

static void
pn_page_bridge_dispose (GObject *object)
{
  pn_page_bridge_close (PN_PAGE_BRIDGE (object));
  G_OBJECT_CLASS (pn_page_bridge_parent_class)->dispose (object);
}

static void
pn_page_bridge_init (PnPageBridge *self)
{
}

static void
pn_page_bridge_class_init (PnPageBridgeClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pn_page_bridge_dispose;

  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

PnPageBridge *
pn_page_bridge_new (WebKitWebView *web_view, WebKitUserContentManager *manager)
{
  PnPageBridge *self;
  const char *world = pn_web_shell_get_world (pn_web_shell_get_default ());

  g_return_val_if_fail (WEBKIT_IS_WEB_VIEW (web_view), NULL);
  g_return_val_if_fail (WEBKIT_IS_USER_CONTENT_MANAGER (manager), NULL);

  self = g_object_new (PN_TYPE_PAGE_BRIDGE, NULL);
  self->web_view = web_view;
  self->manager = g_object_ref (manager);
  /* Connect before registering, in the private world only: page content
   * cannot reach the handler. */
  g_signal_connect (manager, "script-message-received::" HANDLER_NAME,
                    G_CALLBACK (on_script_message), self);
  webkit_user_content_manager_register_script_message_handler (manager, HANDLER_NAME, world);
  return self;
}

void
pn_page_bridge_close (PnPageBridge *self)
{
  g_return_if_fail (PN_IS_PAGE_BRIDGE (self));

  if (self->manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->manager, self);
      webkit_user_content_manager_unregister_script_message_handler (
        self->manager, HANDLER_NAME, pn_web_shell_get_world (pn_web_shell_get_default ()));
      g_clear_object (&self->manager);
    }
  self->web_view = NULL;
}

static void
on_call_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new (); /* not immutable: see pn-page-message.c */
  JsonNode *root;
  JsonObject *reply;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value == NULL)
    {
      g_task_return_new_error (task, PN_PAGE_BRIDGE_ERROR, PN_PAGE_BRIDGE_ERROR_FAILED,
                               "%s", error->message);
      return;
    }
  json = jsc_value_is_string (value) ? jsc_value_to_string (value) : NULL;
  if (json == NULL || strlen (json) > PN_PAGE_MESSAGE_MAX_SIZE ||
      !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, PN_PAGE_BRIDGE_ERROR, PN_PAGE_BRIDGE_ERROR_REPLY,
                               "the page's reply is not a JSON object");
      return;
    }
  reply = json_node_get_object (root);
  if (json_object_get_int_member_with_default (reply, "v", 0) != PN_PAGE_PROTOCOL_VERSION)
    {
      g_task_return_new_error (task, PN_PAGE_BRIDGE_ERROR, PN_PAGE_BRIDGE_ERROR_REPLY,
                               "the page speaks another protocol version");
      return;
    }
  if (json_object_has_member (reply, "error"))
    {
      g_task_return_new_error (task, PN_PAGE_BRIDGE_ERROR, PN_PAGE_BRIDGE_ERROR_FAILED,
                               "%.200s", json_object_get_string_member_with_default (reply, "error", "failed"));
      return;
    }
  if (!json_object_has_member (reply, "result"))
    {
      g_task_return_new_error (task, PN_PAGE_BRIDGE_ERROR, PN_PAGE_BRIDGE_ERROR_REPLY, "no result");
      return;
    }
  g_task_return_pointer (task, json_node_copy (json_object_get_member (reply, "result")),
                         (GDestroyNotify) json_node_unref);
}

void
pn_page_bridge_call (PnPageBridge *self, const char *method, GVariant *args,
                     GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GVariant) sunk = args ? g_variant_ref_sink (args) : NULL;
  GVariantDict dict;

  g_return_if_fail (PN_IS_PAGE_BRIDGE (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (args == NULL || g_variant_is_of_type (args, G_VARIANT_TYPE_VARDICT));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pn_page_bridge_call);
  if (self->web_view == NULL)
    {
      g_task_return_new_error (task, PN_PAGE_BRIDGE_ERROR, PN_PAGE_BRIDGE_ERROR_FAILED, "the view is closed");
      return;
    }

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "method", "s", method);
  g_variant_dict_insert (&dict, "version", "i", PN_PAGE_PROTOCOL_VERSION);
  g_variant_dict_insert_value (&dict, "args", sunk ? sunk : g_variant_new ("a{sv}", NULL));
  webkit_web_view_call_async_javascript_function (self->web_view,
                                                  "return pnBridge.dispatch(method, version, args);", -1,
                                                  g_variant_dict_end (&dict),
                                                  pn_web_shell_get_world (pn_web_shell_get_default ()),
                                                  NULL, cancellable, on_call_done, g_steal_pointer (&task));
}

JsonNode *
pn_page_bridge_call_finish (PnPageBridge *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
