/* pn-sidebar-row.h: a row of the window's sidebar (a document of the pack, or one of its pages)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PN_TYPE_SIDEBAR_ROW (pn_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (PnSidebarRow, pn_sidebar_row, PN, SIDEBAR_ROW, GtkListBoxRow)

/* @page: a document id, or the name of one of the pack's own pages ("sources").
 * Properties "icon-name", "title", "page" (construct-only), "current". */
GtkWidget  *pn_sidebar_row_new         (const char   *icon_name,
                                        const char   *title,
                                        const char   *page);
const char *pn_sidebar_row_get_title   (PnSidebarRow *self);
const char *pn_sidebar_row_get_page    (PnSidebarRow *self);
/* The row of the page shown: marked as such, for the eye and for a screen reader. */
gboolean    pn_sidebar_row_get_current (PnSidebarRow *self);
void        pn_sidebar_row_set_current (PnSidebarRow *self,
                                        gboolean      current);
/* A count shown after the title (NULL or "": none), and what a screen reader
 * says of it (@description, e.g. « 3 cards due today »; NULL: nothing). */
void        pn_sidebar_row_set_count   (PnSidebarRow *self,
                                        const char   *count,
                                        const char   *description);
/* The count shown, or NULL. */
const char *pn_sidebar_row_get_count   (PnSidebarRow *self);

G_END_DECLS
