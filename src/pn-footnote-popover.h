/* pn-footnote-popover.h: a footnote shown over the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_FOOTNOTE_POPOVER (pn_footnote_popover_get_type ())
G_DECLARE_FINAL_TYPE (PnFootnotePopover, pn_footnote_popover, PN, FOOTNOTE_POPOVER, GtkPopover)

GtkWidget         *pn_footnote_popover_new          (void);
/* Shows note @label (nullable) with @text, styled from @runs (of PnPageRun,
 * nullable: plain text then); runs citing a source of @pack link to it. */
void               pn_footnote_popover_set_note     (PnFootnotePopover *self,
                                                     PnPack            *pack,
                                                     const char        *label,
                                                     const char        *text,
                                                     GPtrArray         *runs);
GtkScrolledWindow *pn_footnote_popover_get_scroller (PnFootnotePopover *self);
GtkLabel          *pn_footnote_popover_get_text     (PnFootnotePopover *self);

/* Pango markup for a note: every piece of text escaped, styles from a fixed
 * set, links only to sources @pack has. */
char              *pn_footnote_markup               (GPtrArray         *runs,
                                                     PnPack            *pack);

/* Signals:
 *   "source-activated" (const char *source_id)   a source cited in the note was clicked
 */

G_END_DECLS
