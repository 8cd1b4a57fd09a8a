/* pn-page-bridge.h: the link between a reader page's scripts and the app
 *
 * From the page: messages posted by bridge.js to the "pn" handler of the
 * private world, validated by pn_page_message_parse() (the table of types is
 * in the model) and emitted as "message". To the page: calls of the functions
 * the page scripts expose with pnBridge.expose(), with their replies.
 * Both directions carry the protocol version (PN_PAGE_PROTOCOL_VERSION).
 *
 * The page's functions (each page script exposes its own):
 *   applyPosition {anchor, fraction} -> bool   position.js: scroll to a place
 *   position      {}                 -> {anchor, fraction, words}
 *   scroll        {how}              -> bool   keyboard.js: scroll-top, scroll-bottom, page-up, page-down
 *   focusOnScreen {forward}          -> text of the focused link, or null
 *   findIndex     {text}             -> n      find.js: which match is selected (from 1; 0: unknown)
 *   setPageText   {json}             -> {blocks, matched}   text.js: the model's text and block offsets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <webkit/webkit.h>

#include "pn-page-message.h"

G_BEGIN_DECLS

#define PN_PAGE_BRIDGE_ERROR (pn_page_bridge_error_quark ())
GQuark pn_page_bridge_error_quark (void);

typedef enum {
  PN_PAGE_BRIDGE_ERROR_FAILED,    /* the page threw, or has no such function */
  PN_PAGE_BRIDGE_ERROR_REPLY,     /* the reply is not of our protocol */
} PnPageBridgeError;

#define PN_TYPE_PAGE_BRIDGE (pn_page_bridge_get_type ())
G_DECLARE_FINAL_TYPE (PnPageBridge, pn_page_bridge, PN, PAGE_BRIDGE, GObject)

/* Listens on @manager (which @web_view uses) in the shell's private world. */
PnPageBridge *pn_page_bridge_new         (WebKitWebView            *web_view,
                                          WebKitUserContentManager *manager);
/* Stops listening and calling (the view is going away). */
void          pn_page_bridge_close       (PnPageBridge             *self);

/* Calls the page function @method (exposed by a page script) with @args, an
 * a{sv} of numbers, strings and dictionaries (floating refs are sunk), or
 * NULL. The reply is the function's result as JSON. */
void          pn_page_bridge_call        (PnPageBridge             *self,
                                          const char               *method,
                                          GVariant                 *args,
                                          GCancellable             *cancellable,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data);
JsonNode     *pn_page_bridge_call_finish (PnPageBridge             *self,
                                          GAsyncResult             *result,
                                          GError                  **error);

/* Signals:
 *   "message" (PnPageMessage *message)   a valid message from the page (owned by the bridge)
 */

G_END_DECLS
