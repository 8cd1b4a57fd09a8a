/* pn-question-view.h: one question of a quiz, as the student answers it
 *
 * CONTRACT HEADER written before the code (issue 7): the implementation is
 * pn-question-view.c (+ a file per kind of answer widget as needed, e.g.
 * pn-quiz-order-list.c for ordering, pn-quiz-match-list.c for matching).
 * The quiz page (pn-quiz-page.c) relies on these names; change them only
 * together with it.
 *
 * Shows the question's text (Markdown through pn_render_markdown_pango) and
 * the widgets to answer it for its type: radio-like check buttons (single,
 * true/false), check buttons (multiple), an entry (short, numerical), a list
 * to reorder (ordering: Alt+Up/Down or buttons, and drag and drop), a drop
 * down per item (matching, with drag and drop of an answer onto an item as
 * well), the passage with an entry or drop down per gap (cloze), a multi-line
 * text view (open), nothing (description). Choices, matching answers and
 * ordering steps are shuffled with @seed (the same seed, the same order).
 * Every control is reachable with the keyboard and named for screen readers.
 *
 * After pn_question_view_set_grade(), the controls are locked and each part
 * shows right or wrong (icon and words, not colour alone), with the
 * feedback of the choices picked and the question's explanation below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "model/pn-pack.h"
#include "model/pn-quiz-grade.h"

G_BEGIN_DECLS

#define PN_TYPE_QUESTION_VIEW (pn_question_view_get_type ())
G_DECLARE_FINAL_TYPE (PnQuestionView, pn_question_view, PN, QUESTION_VIEW, GtkWidget)

/* @question is borrowed: it must outlive the widget (the pack holds it). */
GtkWidget      *pn_question_view_new          (PnPack               *pack,
                                               const PnQuizQuestion *question,
                                               guint32               seed);
const PnQuizQuestion *pn_question_view_get_question (PnQuestionView *self);
/* Whether the student gave something to check (property "answered"; open
 * questions and descriptions: always TRUE). */
gboolean        pn_question_view_get_answered (PnQuestionView      *self);
/* The response as given, in the question's own indices (the shuffle undone). */
PnQuizResponse *pn_question_view_get_response (PnQuestionView      *self);
/* Puts back a response given earlier (taking up an unfinished attempt). */
void            pn_question_view_set_response (PnQuestionView      *self,
                                               const PnQuizResponse *response);
/* Locks the answer and shows @grade (NULL for an open question: shows the
 * explanation only). */
void            pn_question_view_set_grade    (PnQuestionView      *self,
                                               const PnQuizGrade    *grade);
/* Shows the hint (no-op when the question has none). */
void            pn_question_view_show_hint    (PnQuestionView      *self);
/* Moves the keyboard focus to the first answer control. */
void            pn_question_view_focus_answer (PnQuestionView      *self);

/* Signals:
 *   "activate-check" ()   Enter in an entry: the page checks the answer
 *   notify::answered
 */

G_END_DECLS
