/* pn-selection-popover.h: what can be done with the words selected in the text
 *
 * A small popover at the selection, with one action today (« Look Up in
 * Glossary »); the notes will add theirs (highlight colours) to the same box.
 * It does not take the focus from the text: it opens as the reader selects,
 * and goes when the selection does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PN_TYPE_SELECTION_POPOVER (pn_selection_popover_get_type ())
G_DECLARE_FINAL_TYPE (PnSelectionPopover, pn_selection_popover, PN, SELECTION_POPOVER, GtkPopover)

GtkWidget  *pn_selection_popover_new      (void);
/* The words selected (kept as given: the caller trims and checks them). */
void        pn_selection_popover_set_text (PnSelectionPopover *self,
                                           const char         *text);
const char *pn_selection_popover_get_text (PnSelectionPopover *self);
/* The box of the actions, for those added later. */
GtkBox     *pn_selection_popover_get_box  (PnSelectionPopover *self);

/* Signals:
 *   "look-up" (const char *text)   « Look Up in Glossary »
 */

G_END_DECLS
