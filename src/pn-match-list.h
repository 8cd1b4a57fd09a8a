/* pn-match-list.h: the items of a matching question, each with its answer
 *
 * A card with a row per item (the pairs that have one, in order) and
 * a drop down of the answers (matches and distractors, shuffled with the
 * question view's GRand) named « Match for: ITEM ». Above it, the answers as
 * chips that can be dragged onto an item. After pn_match_list_set_grade()
 * the drop downs are locked and each item says whether it is right, with the
 * right match when it is not.
 *
 * Signal "changed" (): an answer was chosen or cleared.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "model/pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_MATCH_LIST (pn_match_list_get_type ())
G_DECLARE_FINAL_TYPE (PnMatchList, pn_match_list, PN, MATCH_LIST, GtkWidget)

/* @question is borrowed (matching). */
GtkWidget *pn_match_list_new         (PnPack               *pack,
                                      const PnQuizQuestion *question,
                                      GRand                *rand);
/* Appends to @indices (of int), for each item, the index of its answer in
 * pn_quiz_matching_options() (-1: none). */
void       pn_match_list_get_indices (PnMatchList          *self,
                                      GArray               *indices);
void       pn_match_list_set_indices (PnMatchList          *self,
                                      const GArray         *indices);
/* Whether some item has an answer. */
gboolean   pn_match_list_get_answered (PnMatchList         *self);
/* Gives item @item (its row, from 0) the answer of text @match, as a drop
 * does; FALSE when @match is none of the answers. */
gboolean   pn_match_list_drop        (PnMatchList          *self,
                                      guint                 item,
                                      const char           *match);
/* Locks the list and marks each item by @parts (of gboolean). */
void       pn_match_list_set_grade   (PnMatchList          *self,
                                      GArray               *parts);

G_END_DECLS
