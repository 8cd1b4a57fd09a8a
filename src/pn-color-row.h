/* pn-color-row.h: the highlight colours as a row of round buttons
 *
 * Six colours and the underline (PnAnnotationColor), each a button with its
 * colour's name for screen readers and as a tooltip; the current one shows a
 * check mark. Used by the selection and the highlight popovers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-annotation.h"

G_BEGIN_DECLS

#define PN_TYPE_COLOR_ROW (pn_color_row_get_type ())
G_DECLARE_FINAL_TYPE (PnColorRow, pn_color_row, PN, COLOR_ROW, GtkWidget)

GtkWidget         *pn_color_row_new         (void);
void               pn_color_row_set_current (PnColorRow        *self,
                                             PnAnnotationColor  color);
PnAnnotationColor  pn_color_row_get_current (PnColorRow        *self);
/* The button of @color, for tests. */
GtkWidget         *pn_color_row_get_button  (PnColorRow        *self,
                                             PnAnnotationColor  color);
/* The translated name of @color ("Yellow"…, "Underline"). */
const char        *pn_color_row_color_name  (PnAnnotationColor  color);

/* Signals:
 *   "color-activated" (const char *color)   a button was pressed (its colour's string)
 */

G_END_DECLS
