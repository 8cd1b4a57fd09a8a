/* pn-web-shell.h: the app's one web context, shared by every web view
 *
 * One WebKitWebContext, one ephemeral network session, one private script
 * world for the app's page scripts, one content filter blocking the network,
 * and the prisonnum: scheme; the reader view and the help viewer both build
 * their web views here so they get every defence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

/* Every document gets this policy, as if sent by a server; a page can only add to it. */
#define PN_WEB_SHELL_CSP \
  "default-src 'none'; style-src prisonnum: 'unsafe-inline'; img-src prisonnum: data:; " \
  "font-src prisonnum:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

#define PN_TYPE_WEB_SHELL (pn_web_shell_get_type ())
G_DECLARE_FINAL_TYPE (PnWebShell, pn_web_shell, PN, WEB_SHELL, GObject)

/* The app's shell, made on first use and kept for the life of the process. */
PnWebShell            *pn_web_shell_get_default          (void);

WebKitWebContext      *pn_web_shell_get_context          (PnWebShell *self);
WebKitNetworkSession  *pn_web_shell_get_session          (PnWebShell *self);
/* The private script world of the app's page scripts and message handlers. */
const char            *pn_web_shell_get_world            (PnWebShell *self);

/* TRUE once the content filter is compiled (or could not be: the other
 * defences still apply); "ready" is emitted then. Load nothing from a pack
 * before. */
gboolean               pn_web_shell_is_ready             (PnWebShell *self);

/* A content manager with the content filter (added as soon as it is ready). */
WebKitUserContentManager *pn_web_shell_new_content_manager (PnWebShell *self);
/* Adds the reader's page scripts (bridge.js, position.js, …), in order, in
 * the private world, for pages matching @allow_list. */
void                   pn_web_shell_add_page_scripts     (PnWebShell               *self,
                                                          WebKitUserContentManager *manager,
                                                          const char * const       *allow_list);
/* A locked-down web view on the shell's context and session: page scripts
 * off (the app's own run), no storage, media, plug-ins nor windows, the CSP
 * above; decide-policy is the caller's to connect. */
WebKitWebView         *pn_web_shell_new_web_view         (PnWebShell               *self,
                                                          WebKitUserContentManager *manager);

/* prisonnum://HOST/… requests for a host other than "app" and "pack" go to
 * @callback (the help viewer registers "help"). Finish them with
 * pn_scheme_handler_finish_bytes() to get the same headers. */
void                   pn_web_shell_register_host        (PnWebShell                    *self,
                                                          const char                    *host,
                                                          WebKitURISchemeRequestCallback callback,
                                                          gpointer                       user_data,
                                                          GDestroyNotify                 destroy);

G_END_DECLS
