/* pn-cloze-view.h: the passage of a cloze question, with its gaps to fill
 *
 * The question's text flows word by word (pn-flow-layout), with an entry
 * (text gaps) or a drop down (choice gaps, shuffled with the question view's
 * GRand) where each {{N}} stands. Each gap is named « Gap N of M » for screen
 * readers, with the passage as its description. After
 * pn_cloze_view_set_grade() the gaps are locked and each says whether it is
 * right, with an accepted answer when it is not.
 *
 * Signals "changed" (): a gap changed; "activate" (): Enter in an entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "model/pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_CLOZE_VIEW (pn_cloze_view_get_type ())
G_DECLARE_FINAL_TYPE (PnClozeView, pn_cloze_view, PN, CLOZE_VIEW, GtkWidget)

/* @question is borrowed (cloze). */
GtkWidget *pn_cloze_view_new          (PnPack               *pack,
                                       const PnQuizQuestion *question,
                                       GRand                *rand);
/* One text per gap of the question (a choice gap: the chosen answer's text, "" none). */
GStrv      pn_cloze_view_get_gaps     (PnClozeView          *self);
void       pn_cloze_view_set_gaps     (PnClozeView          *self,
                                       const char * const   *gaps);
/* Whether some gap is filled. */
gboolean   pn_cloze_view_get_answered (PnClozeView          *self);
/* Locks the gaps and marks each by @parts (of gboolean). */
void       pn_cloze_view_set_grade    (PnClozeView          *self,
                                       GArray               *parts);

G_END_DECLS
