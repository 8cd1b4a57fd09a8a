/* pn-scheme-handler.h: answers the prisonnum: requests of a reader view
 *
 * Only the routes of pn-pack-uri.h, and of those only what the view may show:
 * the app's stylesheet and blank page, the current pack's documents (rendered
 * by the model) and its images. Everything else is refused with a reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

#include "pn-pack.h"
#include "pn-rendered-page.h"

G_BEGIN_DECLS

/* Where pn_scheme_handler_set_test_page() serves its page. */
#define PN_SCHEME_HANDLER_TEST_URI "prisonnum://pack/_test/doc/_test"
/* The empty page loaded to start the web process early. */
#define PN_SCHEME_HANDLER_BLANK_URI "prisonnum://app/blank"

#define PN_TYPE_SCHEME_HANDLER (pn_scheme_handler_get_type ())
G_DECLARE_FINAL_TYPE (PnSchemeHandler, pn_scheme_handler, PN, SCHEME_HANDLER, GObject)

PnSchemeHandler *pn_scheme_handler_new            (void);
/* Requests of @web_view are answered by @self from now on (until detached). */
void             pn_scheme_handler_attach         (PnSchemeHandler *self,
                                                   WebKitWebView   *web_view);
void             pn_scheme_handler_detach         (PnSchemeHandler *self);

void             pn_scheme_handler_set_pack       (PnSchemeHandler *self,
                                                   PnPack          *pack);
PnPack          *pn_scheme_handler_get_pack       (PnSchemeHandler *self);
/* Which occurrences of glossary terms the pages rendered from now on mark
 * (PN_GLOSSARY_LINK_ALL at first); the page kept is dropped. */
void             pn_scheme_handler_set_link_mode  (PnSchemeHandler   *self,
                                                   PnGlossaryLinkMode mode);
/* A page of the current pack rendered elsewhere: served instead of rendering
 * it again. Takes @html. */
void             pn_scheme_handler_keep_page      (PnSchemeHandler *self,
                                                   const char      *doc_id,
                                                   char            *html);
/* The same with a page rendered elsewhere (pn_render_page()): served, and
 * its text and blocks kept for the page scripts. */
void             pn_scheme_handler_keep_rendered_page (PnSchemeHandler *self,
                                                   const char      *doc_id,
                                                   PnRenderedPage  *page);
/* The rendered page of @doc_id (the one served, or rendered now if it was
 * handed over as HTML only); NULL when the pack has no such document. */
PnRenderedPage  *pn_scheme_handler_get_rendered_page  (PnSchemeHandler *self,
                                                   const char      *doc_id);
/* Serves @html (or nothing, when NULL) at PN_SCHEME_HANDLER_TEST_URI, with
 * the same headers as a pack document. For tests. */
void             pn_scheme_handler_set_test_page  (PnSchemeHandler *self,
                                                   const char      *html);

/* The shell's entry point for app and pack requests. */
void             pn_scheme_handler_handle_request (WebKitURISchemeRequest *request);

/* Finishing a request, with the app's headers (CSP, nosniff, no referrer,
 * no store); for other hosts' handlers too (the help viewer). */
void             pn_scheme_handler_finish_bytes   (WebKitURISchemeRequest *request,
                                                   GBytes                 *bytes,
                                                   const char             *content_type);
void             pn_scheme_handler_finish_refused (WebKitURISchemeRequest *request,
                                                   const char             *why);

G_END_DECLS
