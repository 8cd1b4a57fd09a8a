/* pn-citation-popover.h: a cited source shown over the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_CITATION_POPOVER (pn_citation_popover_get_type ())
G_DECLARE_FINAL_TYPE (PnCitationPopover, pn_citation_popover, PN, CITATION_POPOVER, GtkPopover)

GtkWidget         *pn_citation_popover_new          (void);
/* Shows source @source_id of @pack (or says it is not listed). */
void               pn_citation_popover_set_source   (PnCitationPopover *self,
                                                     PnPack            *pack,
                                                     const char        *source_id);
GtkScrolledWindow *pn_citation_popover_get_scroller (PnCitationPopover *self);
/* The labels, to fit them to the view (reference, then abstract). */
GtkLabel          *pn_citation_popover_get_label    (PnCitationPopover *self,
                                                     guint              index);

/* Signals:
 *   "source-activated" (const char *source_id)   « Show in Sources »
 */

G_END_DECLS
