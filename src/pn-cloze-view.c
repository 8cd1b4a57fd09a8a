/* pn-cloze-view.c: placeholder until the full widget lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-cloze-view.h"

struct _PnClozeView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (PnClozeView, pn_cloze_view, GTK_TYPE_WIDGET)

static void
pn_cloze_view_class_init (PnClozeViewClass *klass)
{
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pn_cloze_view_init (PnClozeView *self)
{
}

GtkWidget *
pn_cloze_view_new (PnPack *pack, const PnQuizQuestion *question, GRand *rand)
{
  return g_object_new (PN_TYPE_CLOZE_VIEW, NULL);
}

GStrv pn_cloze_view_get_gaps (PnClozeView *self) { return g_new0 (char *, 1); }
void pn_cloze_view_set_gaps (PnClozeView *self, const char * const *gaps) {}
gboolean pn_cloze_view_get_answered (PnClozeView *self) { return FALSE; }
void pn_cloze_view_set_grade (PnClozeView *self, GArray *parts) {}
