/* pn-question-view-private.h: what the files of PnQuestionView share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-question-view.h"

G_BEGIN_DECLS

struct _PnQuestionView
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *title_label;
  GtkLabel *text_label;
  GtkWidget *answer_box;
  GtkWidget *hint_box;
  GtkLabel *hint_label;
  GtkWidget *result_box;
  GtkWidget *verdict_box;
  GtkImage *verdict_icon;
  GtkLabel *verdict_label;
  GtkWidget *feedback_box;
  GtkLabel *explanation_label;

  PnPack *pack;
  const PnQuizQuestion *question;
  GRand *rand;
  /* Choices: the question's index shown at each position, the check button and mark at each. */
  GArray *order;
  GPtrArray *buttons;
  GPtrArray *marks;
  /* Short, numerical: the entry, its mark; numerical, the line saying it is not a number. */
  GtkWidget *entry;
  GtkWidget *entry_mark;
  GtkWidget *number_warning;
  /* Open */
  GtkWidget *text_view;
  /* Ordering, matching, cloze */
  GtkWidget *parts;

  gboolean answered;
  gboolean locked;
};

/* Whether the choice shown at @position is checked. */
gboolean _pn_question_view_is_active   (PnQuestionView *self,
                                        guint           position);
/* The position shown of the question's choice @index. */
guint    _pn_question_view_position_of (PnQuestionView *self,
                                        guint           index);

G_END_DECLS
