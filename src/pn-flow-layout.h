/* pn-flow-layout.h: children laid out like words in a line of text
 *
 * Left to right at their natural width, onto a new line when the next one
 * does not fit, each line as tall as its tallest child (children centred in
 * it). The width asked for is only the widest child's: a narrow window gets
 * more lines. For the words and gaps of a cloze question and for the
 * matching answers' chips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PN_TYPE_FLOW_LAYOUT (pn_flow_layout_get_type ())
G_DECLARE_FINAL_TYPE (PnFlowLayout, pn_flow_layout, PN, FLOW_LAYOUT, GtkLayoutManager)

/* @spacing between children on a line, @line_spacing between lines. */
GtkLayoutManager *pn_flow_layout_new (int spacing,
                                      int line_spacing);

G_END_DECLS
