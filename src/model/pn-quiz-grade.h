/* pn-quiz-grade.h: a student's response to a question, and its grade
 *
 * Scores are in [0, 1] for each question: weights add up as written (negative
 * weights of a multiple choice take off), and a question's total below 0 is
 * clamped to 0, above 100 % to 1. Open questions and descriptions are not
 * graded (graded FALSE, score 0).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-quiz.h"

G_BEGIN_DECLS

/* What the student answered. Unused members stay at their zero (or -1) value. */
typedef struct {
  int choice;         /* single: index of the choice, -1 none; true/false: 1 true, 0 false, -1 none */
  GArray *indices;    /* of int. multiple: the indices checked; matching: for each pair
                       * with an item (in order), the index of the answer given among
                       * pn_quiz_matching_options() (-1 none); ordering: the index in
                       * question->steps of each step, in the order the student put them */
  char *text;         /* short, numerical, open: as typed */
  GStrv gaps;         /* cloze: one text per gap (for a choice gap, the chosen answer's text) */
} PnQuizResponse;

PnQuizResponse *pn_quiz_response_new  (void);
void            pn_quiz_response_free (PnQuizResponse *response);
/* Appends @index to response->indices. */
void            pn_quiz_response_add_index (PnQuizResponse *response,
                                            int             index);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnQuizResponse, pn_quiz_response_free)

typedef struct {
  gboolean graded;    /* FALSE for open questions and descriptions */
  double score;       /* in [0, 1] */
  gboolean correct;   /* full marks */
  GPtrArray *feedback; /* of const char *, borrowed from the question: the feedback of
                        * each choice picked or answer matched, in the question's order */
  GArray *parts;      /* of gboolean: multiple, each choice picked rightly (weight > 0
                       * and picked, or weight <= 0 and not); matching, each pair;
                       * ordering, each position; cloze, each gap. Empty otherwise. */
} PnQuizGrade;

void pn_quiz_grade_free (PnQuizGrade *grade);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnQuizGrade, pn_quiz_grade_free)

/* Grades @response to @question. Never NULL. */
PnQuizGrade *pn_quiz_grade          (const PnQuizQuestion *question,
                                     const PnQuizResponse *response);

/* Matching: the answers offered to the student, the matches of the pairs
 * then the distractors, in file order (the view shuffles them), borrowed. */
GPtrArray   *pn_quiz_matching_options (const PnQuizQuestion *question);

/* The answer of @answers (short or text gap) @typed matches, under the
 * question's rules, the best weight first; NULL when none. */
const PnQuizAnswer *pn_quiz_match_text (const PnQuizQuestion *question,
                                        GPtrArray            *answers,
                                        const char           *typed);
/* Whether @a and @b are at most one edit apart: a character inserted,
 * deleted, replaced, or two neighbours swapped (Damerau–Levenshtein, optimal
 * string alignment), counted in code points. */
gboolean     pn_quiz_within_one_edit (const char *a,
                                      const char *b);
/* A number as a student types it: "3,5", "3.5", "-2", "1 000", "1e3";
 * FALSE when @text is not one. */
gboolean     pn_quiz_parse_number    (const char *text,
                                      double     *value);

G_END_DECLS
