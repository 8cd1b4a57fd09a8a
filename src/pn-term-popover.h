/* pn-term-popover.h: a glossary entry shown over the term in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-glossary.h"

G_BEGIN_DECLS

#define PN_TYPE_TERM_POPOVER (pn_term_popover_get_type ())
G_DECLARE_FINAL_TYPE (PnTermPopover, pn_term_popover, PN, TERM_POPOVER, GtkPopover)

GtkWidget         *pn_term_popover_new          (void);
/* Shows entry @entry_id of @glossary; FALSE (and nothing changes) when the
 * glossary has no such entry. */
gboolean           pn_term_popover_set_entry    (PnTermPopover *self,
                                                 PnGlossary    *glossary,
                                                 const char    *entry_id);
/* The entry shown, or NULL. */
const char        *pn_term_popover_get_entry_id (PnTermPopover *self);
GtkScrolledWindow *pn_term_popover_get_scroller (PnTermPopover *self);
/* The labels, to set them in the reading face (term, definition, related entries). */
GtkLabel          *pn_term_popover_get_label    (PnTermPopover *self,
                                                 guint          index);

/* Signals:
 *   "learn-more" (const char *entry_id)   « Learn More »: the entry on the Glossary page
 * A related entry's link shows that entry in the same popover.
 */

G_END_DECLS
