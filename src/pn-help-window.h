/* pn-help-window.h: the user guide shown in the app, for when no help viewer opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

#define PN_TYPE_HELP_WINDOW (pn_help_window_get_type ())
G_DECLARE_FINAL_TYPE (PnHelpWindow, pn_help_window, PN, HELP_WINDOW, AdwWindow)

/* The guide's pages are built into the app (help/build-html.py): FALSE when
 * this build has none (meson option help=false). */
gboolean       pn_help_window_has_pages     (void);

PnHelpWindow  *pn_help_window_new           (void);
/* Shows the page @page_id ("index", "reading", …; NULL: the first page) in the
 * interface's language when the guide has it, else in English. */
void           pn_help_window_show_page     (PnHelpWindow *self,
                                             const char   *page_id);
/* The language of the pages shown: "C" (English) or a code such as "fr". */
const char    *pn_help_window_get_language  (PnHelpWindow *self);
WebKitWebView *pn_help_window_get_web_view  (PnHelpWindow *self);

G_END_DECLS
