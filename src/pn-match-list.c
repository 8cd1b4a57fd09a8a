/* pn-match-list.c: placeholder until the full widget lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-match-list.h"

struct _PnMatchList
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PnMatchList, pn_match_list, GTK_TYPE_WIDGET)

static void
pn_match_list_class_init (PnMatchListClass *klass)
{
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pn_match_list_init (PnMatchList *self)
{
}

GtkWidget *
pn_match_list_new (PnPack *pack, const PnQuizQuestion *question, GRand *rand)
{
  return g_object_new (PN_TYPE_MATCH_LIST, NULL);
}

void pn_match_list_get_indices (PnMatchList *self, GArray *indices) {}
void pn_match_list_set_indices (PnMatchList *self, const GArray *indices) {}
gboolean pn_match_list_get_answered (PnMatchList *self) { return FALSE; }
gboolean pn_match_list_drop (PnMatchList *self, guint item, const char *match) { return FALSE; }
void pn_match_list_set_grade (PnMatchList *self, GArray *parts) {}
