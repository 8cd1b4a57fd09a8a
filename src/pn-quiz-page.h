/* pn-quiz-page.h: the Quizzes page: the pack's quizzes, one attempt at a time
 *
 * Three screens: the list (each quiz with its number of questions, best
 * score and last attempt, « Resume » when an attempt was left unfinished),
 * the question (one at a time, with its progress, « Check », « Hint »,
 * « Next » and « Reread the Passage ») and the end (the score, the questions
 * missed with their explanations, the open answers, « Restart », « Review
 * Mistakes », « Export Results… »). Every answer is in the student store as
 * soon as it is checked; without a store the quiz still runs, unsaved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-pack.h"
#include "pn-store.h"

G_BEGIN_DECLS

#define PN_TYPE_QUIZ_PAGE (pn_quiz_page_get_type ())
G_DECLARE_FINAL_TYPE (PnQuizPage, pn_quiz_page, PN, QUIZ_PAGE, GtkWidget)

/* Actions: quiz.start (s: quiz id), quiz.resume (s), quiz.check, quiz.hint,
 * quiz.next, quiz.passage, quiz.list (back to the list), quiz.restart,
 * quiz.review, quiz.export; Enter checks the answer, or goes on once checked.
 *
 * Signal "passage-requested" (const char *document_id, const char *quote):
 * « Reread the Passage »: the window shows the text there. */
GtkWidget  *pn_quiz_page_new           (void);
/* Where the attempts are kept (NULL: nowhere; the page says results are not saved). */
void        pn_quiz_page_set_store     (PnQuizPage  *self,
                                        PnStore     *store);
/* The pack whose quizzes are listed (NULL: none); an attempt under way is left as it is in the store. */
void        pn_quiz_page_set_pack      (PnQuizPage  *self,
                                        PnPack      *pack);
gboolean    pn_quiz_page_has_quizzes   (PnQuizPage  *self);
/* Reads the summaries again when the list is shown. */
void        pn_quiz_page_refresh       (PnQuizPage  *self);
/* "list", "question" or "end". */
const char *pn_quiz_page_get_screen    (PnQuizPage  *self);
/* The attempt under way or just finished (0: none, or no store). */
gint64      pn_quiz_page_get_attempt_id (PnQuizPage *self);
/* The question shown on the question screen, NULL elsewhere. */
const PnQuizQuestion *pn_quiz_page_get_question (PnQuizPage *self);
/* Moves the keyboard focus where the screen shown wants it: the answer, or
 * « Next » once checked; the end screen's first button; the first quiz. */
void        pn_quiz_page_focus         (PnQuizPage *self);
/* What « Export Results… » writes, to @file (the file chooser's answer). */
gboolean    pn_quiz_page_export_to_file (PnQuizPage *self,
                                         GFile      *file,
                                         GError    **error);

G_END_DECLS
