/* pn-sources-page.h: the pack's sources, each as a reference with its summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_SOURCES_PAGE (pn_sources_page_get_type ())
G_DECLARE_FINAL_TYPE (PnSourcesPage, pn_sources_page, PN, SOURCES_PAGE, GtkWidget)

GtkWidget *pn_sources_page_new          (void);
/* Lists the sources of @pack (NULL: none). */
void       pn_sources_page_set_pack     (PnSourcesPage *self,
                                         PnPack        *pack);
guint      pn_sources_page_get_n_sources (PnSourcesPage *self);
/* Scrolls to the entry @source_id and highlights it for a moment.
 * Returns FALSE when the pack has no such source. */
gboolean   pn_sources_page_show_source  (PnSourcesPage *self,
                                         const char    *source_id);
/* Puts the keyboard focus in the page's search entry (what Ctrl+F does while
 * the page is shown; the page binds Ctrl+F itself when the focus is inside it). */
void        pn_sources_page_start_search (PnSourcesPage *self);
/* The search as typed, trimmed; NULL when there is none. */
const char *pn_sources_page_get_search   (PnSourcesPage *self);
/* Searches for @text at once (NULL or "": the whole list). */
void        pn_sources_page_set_search   (PnSourcesPage *self,
                                          const char    *text);
/* How many entries the search leaves shown (all of them without a search). */
guint       pn_sources_page_get_n_shown  (PnSourcesPage *self);

G_END_DECLS
