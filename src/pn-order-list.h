/* pn-order-list.h: the steps of an ordering question, to put in order
 *
 * A boxed list of the steps, shuffled with the question view's GRand. A step
 * moves with its « Move Up » / « Move Down » buttons, with Alt+Up / Alt+Down
 * on the focused step (actions "order.move-up", "order.move-down"), or by
 * dragging it onto another step's place. Each step is named « Position N of
 * M: step » for screen readers. After pn_order_list_set_grade() the list is
 * locked and each position says whether it is right, with the right order.
 *
 * Signal "changed" (): the order changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "model/pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_ORDER_LIST (pn_order_list_get_type ())
G_DECLARE_FINAL_TYPE (PnOrderList, pn_order_list, PN, ORDER_LIST, GtkWidget)

/* @question is borrowed (ordering). */
GtkWidget *pn_order_list_new       (PnPack               *pack,
                                    const PnQuizQuestion *question,
                                    GRand                *rand);
/* Appends to @indices (of int) the index in question->steps of each step, in the order shown. */
void       pn_order_list_get_order (PnOrderList          *self,
                                    GArray               *indices);
/* Shows the steps in @indices' order (of int); ignored unless it is an order of all the steps. */
void       pn_order_list_set_order (PnOrderList          *self,
                                    const GArray         *indices);
/* Moves the step shown at @from to @to (both positions). */
void       pn_order_list_move      (PnOrderList          *self,
                                    guint                 from,
                                    guint                 to);
/* Locks the list; @parts (of gboolean, per position; NULL: no marks) marks each position. */
void       pn_order_list_set_grade (PnOrderList          *self,
                                    GArray               *parts);

G_END_DECLS
