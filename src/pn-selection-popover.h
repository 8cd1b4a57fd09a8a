/* pn-selection-popover.h: what can be done with the words selected in the text
 *
 * A small popover at the selection: the highlight colours (six and the
 * underline, pn-color-row.h; the last one used is checked), « Add Note… »,
 * « Copy with Citation », « Look Up in Glossary » and, while a detached note
 * waits for its new place, « Attach Note Here ». Each part is shown only
 * when the caller says it can be done. It does not take the focus from the
 * text: it opens as the reader selects, and goes when the selection does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-annotation.h"

G_BEGIN_DECLS

#define PN_TYPE_SELECTION_POPOVER (pn_selection_popover_get_type ())
G_DECLARE_FINAL_TYPE (PnSelectionPopover, pn_selection_popover, PN, SELECTION_POPOVER, GtkPopover)

typedef enum {
  PN_SELECTION_CAN_LOOK_UP   = 1 << 0,   /* the pack has a glossary, the words are short enough */
  PN_SELECTION_CAN_HIGHLIGHT = 1 << 1,   /* the words are placed in the page text (colours, note) */
  PN_SELECTION_CAN_COPY      = 1 << 2,
  PN_SELECTION_CAN_ATTACH    = 1 << 3,   /* a detached note waits for a place */
} PnSelectionActions;

GtkWidget  *pn_selection_popover_new      (void);
/* The words selected (kept as given: the caller trims and checks them). */
void        pn_selection_popover_set_text (PnSelectionPopover *self,
                                           const char         *text);
const char *pn_selection_popover_get_text (PnSelectionPopover *self);
/* Which actions are offered. */
void        pn_selection_popover_set_actions (PnSelectionPopover *self,
                                              PnSelectionActions  actions);
/* The colour checked (the last one used). */
void        pn_selection_popover_set_color (PnSelectionPopover *self,
                                            PnAnnotationColor   color);
/* The box of the actions, for those added later. */
GtkBox     *pn_selection_popover_get_box  (PnSelectionPopover *self);

/* Signals:
 *   "look-up"   (const char *text)    « Look Up in Glossary »
 *   "highlight" (const char *color)   a colour (or the underline) was chosen
 *   "add-note"  ()                    « Add Note… »
 *   "copy"      ()                    « Copy with Citation »
 *   "attach"    ()                    « Attach Note Here »
 */

G_END_DECLS
