/* pn-store-quiz.h: the student's quiz results (the store's quiz tables)
 *
 * Every attempt at a quiz and every answer given in it, keyed by pack id,
 * quiz id and question id. Nothing refers to the quiz file itself: a pack
 * update that removes a question keeps its past answers, one that adds a
 * question starts its history empty, and the questions that remain keep
 * theirs. Each answer is on disk when pn_store_record_quiz_answer() returns
 * (one transaction per answer), so a crash in the middle of a quiz loses at
 * most the question on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-quiz-grade.h"
#include "pn-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64 id;
  char *quiz_id;
  gint64 started_at;       /* seconds since the epoch, UTC */
  gint64 finished_at;      /* 0 while the attempt is unfinished */
  double score;            /* sum of the graded answers' scores (each in [0, 1]) */
  double max_score;        /* the graded questions asked, as given at the start */
  gboolean review;         /* a « Revoir les erreurs » attempt (only the missed questions) */
} PnQuizAttempt;

void pn_quiz_attempt_free (PnQuizAttempt *attempt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnQuizAttempt, pn_quiz_attempt_free)

typedef struct {
  gint64 attempt_id;
  char *question_id;
  PnQuizResponse *response;  /* as recorded (never NULL; empty when the stored JSON was unreadable) */
  gboolean graded;           /* FALSE for open questions */
  double score;              /* in [0, 1] */
  gboolean correct;
  gint64 answered_at;
} PnQuizStoredAnswer;

void pn_quiz_stored_answer_free (PnQuizStoredAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnQuizStoredAnswer, pn_quiz_stored_answer_free)

/* What the quiz list shows for one quiz. */
typedef struct {
  guint n_finished;          /* finished attempts, reviews included */
  gboolean has_best;         /* a full (not review) attempt was finished */
  double best_score;         /* of the finished full attempt with the best score / max_score */
  double best_max_score;
  PnQuizAttempt *last;       /* the last finished attempt (of any kind); NULL when none */
} PnQuizSummary;

void pn_quiz_summary_clear (PnQuizSummary *summary);

/* The response as the JSON text the store keeps: an object with the members
 * "choice", "indices", "text", "gaps" that are set. */
char           *pn_quiz_response_to_json   (const PnQuizResponse *response);
/* Reads it back; NULL when @json is not such an object. */
PnQuizResponse *pn_quiz_response_from_json (const char           *json);

/* Starts an attempt at @now asking @max_score graded questions; its id, or 0
 * with @error set. */
gint64        pn_store_start_quiz_attempt   (PnStore               *self,
                                             const char            *pack_id,
                                             const char            *quiz_id,
                                             double                 max_score,
                                             gboolean               review,
                                             gint64                 now,
                                             GError               **error);
/* Records the answer to @question_id with its grade, one transaction; an
 * answer given again to the same question in the same attempt replaces it.
 * Refused (FALSE, @error set) when the attempt is unknown or finished. */
gboolean      pn_store_record_quiz_answer   (PnStore               *self,
                                             gint64                 attempt_id,
                                             const char            *question_id,
                                             const PnQuizResponse  *response,
                                             const PnQuizGrade     *grade,
                                             gint64                 now,
                                             GError               **error);
/* Finishes the attempt at @now, its score the sum of its graded answers, one
 * transaction. The attempt as finished in @attempt_out (may be NULL; free
 * with pn_quiz_attempt_free()). Refused when unknown or already finished. */
gboolean      pn_store_finish_quiz_attempt  (PnStore               *self,
                                             gint64                 attempt_id,
                                             gint64                 now,
                                             PnQuizAttempt        **attempt_out,
                                             GError               **error);
/* One attempt, NULL when unknown (or with @error set on failure). */
PnQuizAttempt *pn_store_get_quiz_attempt    (PnStore               *self,
                                             gint64                 attempt_id,
                                             GError               **error);
/* The last attempt at the quiz that was started and not finished (the app
 * closed in the middle of it: its answers are kept), to take it up again;
 * NULL when there is none (or with @error set on failure). */
PnQuizAttempt *pn_store_get_unfinished_quiz_attempt (PnStore       *self,
                                                     const char    *pack_id,
                                                     const char    *quiz_id,
                                                     GError       **error);
/* The attempts at a quiz (PnQuizAttempt), oldest first, unfinished ones included. */
GPtrArray    *pn_store_get_quiz_attempts    (PnStore               *self,
                                             const char            *pack_id,
                                             const char            *quiz_id,
                                             GError               **error);
/* The answers of an attempt (PnQuizStoredAnswer), in the order given. */
GPtrArray    *pn_store_get_quiz_answers     (PnStore               *self,
                                             gint64                 attempt_id,
                                             GError               **error);
/* Best score and last attempt of a quiz, in @summary (cleared first; clear it
 * with pn_quiz_summary_clear()). */
gboolean      pn_store_get_quiz_summary     (PnStore               *self,
                                             const char            *pack_id,
                                             const char            *quiz_id,
                                             PnQuizSummary         *summary,
                                             GError               **error);
/* Every answer given to a question (PnQuizStoredAnswer), oldest first, over
 * every attempt at its quiz. */
GPtrArray    *pn_store_get_question_history (PnStore               *self,
                                             const char            *pack_id,
                                             const char            *quiz_id,
                                             const char            *question_id,
                                             GError               **error);
/* The ids of the questions answered not fully right (graded, not correct) in
 * the last finished attempt at the quiz, in the order answered; an empty
 * array when there is none or nothing was missed. For « Revoir les erreurs »:
 * the caller keeps those still in the quiz. */
GStrv         pn_store_get_missed_questions (PnStore               *self,
                                             const char            *pack_id,
                                             const char            *quiz_id,
                                             GError               **error);

G_END_DECLS
