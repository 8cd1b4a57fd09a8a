/* pn-quiz-page-private.h: what the Quizzes page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pn-quiz-page.h"
#include "pn-store-quiz.h"

G_BEGIN_DECLS

struct _PnQuizPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  /* the list */
  GtkListBox      *list_box;
  GtkLabel        *list_unsaved_label;
  /* the question */
  GtkButton       *list_button;
  GtkLabel        *quiz_title_label;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_label;
  GtkScrolledWindow *question_scroll;
  GtkWidget       *question_box;
  GtkButton       *hint_button;
  GtkButton       *passage_button;
  GtkButton       *check_button;
  GtkButton       *next_button;
  GtkLabel        *next_label;
  /* the end */
  AdwStatusPage   *end_status;
  GtkLabel        *score_label;
  GtkLabel        *end_unsaved_label;
  GtkWidget       *missed_group;
  GtkListBox      *missed_list;
  GtkWidget       *open_group;
  GtkListBox      *open_list;
  GtkButton       *restart_button;
  GtkButton       *review_button;
  GtkButton       *export_button;

  /* Owned references */
  PnStore         *store;
  PnPack          *pack;
  PnQuiz          *quiz;

  /* The attempt: its questions (const PnQuizQuestion *, borrowed from the
   * quiz), the one shown, and its answers so far (PnQuizStoredAnswer, in the
   * order given; what the end screen and the export read, store or not). */
  PnQuizAttempt   *attempt;
  GPtrArray       *asked;
  GPtrArray       *answers;
  guint            index;
  guint32          seed;
  GtkWidget       *view;           /* PnQuestionView of the question shown */
  gboolean         checked;
  /* On the end screen: the questions missed still in the quiz (for « Review Mistakes ») */
  GStrv            missed;
};

/* pn-quiz-page.c */
void     _pn_quiz_page_show_list      (PnQuizPage  *self);
void     _pn_quiz_page_toast          (PnQuizPage  *self,
                                       const char  *message);
gboolean _pn_quiz_page_has_focus      (PnQuizPage  *self);
gint64   _pn_quiz_page_now            (void);
/* « Reread the Passage »: emits "passage-requested". */
void     _pn_quiz_page_request_passage (PnQuizPage          *self,
                                        const PnQuizPassage *passage);

/* pn-quiz-page-session.c: one attempt, a question at a time */
/* A new attempt at @quiz: its questions (all, or @only ids), shuffled anew. */
void     _pn_quiz_page_start          (PnQuizPage  *self,
                                       PnQuiz      *quiz,
                                       GStrv        only);
/* Takes up the unfinished attempt at @quiz where it was left. */
gboolean _pn_quiz_page_resume         (PnQuizPage  *self,
                                       PnQuiz      *quiz);
void     _pn_quiz_page_end_attempt    (PnQuizPage  *self);
void     _pn_quiz_page_update_actions (PnQuizPage  *self);
void     _pn_quiz_page_class_session_init (GtkWidgetClass *widget_class);
/* Enter on the question screen. */
void     _pn_quiz_page_session_init   (PnQuizPage     *self);

/* pn-quiz-results.c: the end screen, « Review Mistakes », the export */
void     _pn_quiz_page_show_results   (PnQuizPage  *self);
void     _pn_quiz_page_class_results_init (GtkWidgetClass *widget_class);
/* The score as the list and the end screen say it: "7 of 9 (78 %)". */
char    *_pn_quiz_format_score        (double       score,
                                       double       max_score);

G_END_DECLS
