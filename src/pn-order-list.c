/* pn-order-list.c: placeholder until the full widget lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-order-list.h"

struct _PnOrderList
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PnOrderList, pn_order_list, GTK_TYPE_WIDGET)

static void
pn_order_list_class_init (PnOrderListClass *klass)
{
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pn_order_list_init (PnOrderList *self)
{
}

GtkWidget *
pn_order_list_new (PnPack *pack, const PnQuizQuestion *question, GRand *rand)
{
  return g_object_new (PN_TYPE_ORDER_LIST, NULL);
}

void pn_order_list_get_order (PnOrderList *self, GArray *indices) {}
void pn_order_list_set_order (PnOrderList *self, const GArray *indices) {}
void pn_order_list_move (PnOrderList *self, guint from, guint to) {}
void pn_order_list_set_grade (PnOrderList *self, GArray *parts) {}
