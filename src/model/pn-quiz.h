/* pn-quiz.h: a quiz of the pack (a file named under the manifest's "quizzes")
 *
 * A quiz is an id, a title, a description and its questions, in order. The
 * questions are plain structures, read from JSON (pn-quiz-parse.h) or GIFT
 * (pn-gift-parse.h), graded by pn-quiz-grade.h. Every text is Markdown,
 * shown through the same safe passes as the documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Most questions one quiz holds, answers one question holds. */
#define PN_QUIZ_MAX_QUESTIONS 1000
#define PN_QUIZ_MAX_ANSWERS 100

typedef enum {
  PN_QUESTION_SINGLE,       /* one choice; each choice a weight (the best 100 %) */
  PN_QUESTION_MULTIPLE,     /* several choices; weights add up, negative ones take off */
  PN_QUESTION_TRUE_FALSE,
  PN_QUESTION_SHORT,        /* a typed answer matched against the accepted ones */
  PN_QUESTION_NUMERICAL,    /* a number within a tolerance or a range */
  PN_QUESTION_MATCHING,     /* items matched with answers, some answers distractors */
  PN_QUESTION_ORDERING,     /* steps put in order */
  PN_QUESTION_CLOZE,        /* a text with several gaps */
  PN_QUESTION_OPEN,         /* a written answer, kept and exported, never graded */
  PN_QUESTION_DESCRIPTION,  /* text between questions (GIFT descriptions): no answer */
} PnQuestionType;

/* "single", "multiple", "true_false", "short", "numerical", "matching",
 * "ordering", "cloze", "open", "description" (the JSON "type") */
const char *pn_question_type_to_string   (PnQuestionType  type);
/* FALSE when @name is none of them */
gboolean    pn_question_type_from_string (const char     *name,
                                          PnQuestionType *type);

/* A choice (single, multiple, a cloze choice gap), an accepted answer (short,
 * a cloze text gap) or a numerical answer. */
typedef struct {
  char *text;              /* Markdown (choices) or the answer as typed (short; '*' any
                            * characters); NULL for numerical answers */
  double weight;           /* percent of the question's mark, -100 to 100 */
  char *feedback;          /* shown when it is chosen or matched; NULL when none */
  /* numerical only */
  gboolean any;            /* matches every number (a catch-all, usually weight 0) */
  double min;              /* accepted range, inclusive: value ± tolerance, or min..max */
  double max;
  gboolean is_range;       /* written as min..max rather than value and tolerance */
  int line;                /* in its file; 0 when built in code */
} PnQuizAnswer;

/* One matching pair; @item NULL for a distractor (an answer that matches no item). */
typedef struct {
  char *item;
  char *match;
  int line;
} PnQuizPair;

typedef enum {
  PN_QUIZ_GAP_TEXT,        /* typed, matched like a short answer */
  PN_QUIZ_GAP_CHOICE,      /* chosen among the answers */
} PnQuizGapKind;

typedef struct {
  PnQuizGapKind kind;
  GPtrArray *answers;      /* of PnQuizAnswer */
  int line;
} PnQuizGap;

/* Where in the pack's texts the question is answered. */
typedef struct {
  char *document;          /* a document id of the pack */
  char *quote;             /* text quoted from the document, as it reads */
  int line;
} PnQuizPassage;

typedef struct {
  char *id;                /* [A-Za-z0-9][A-Za-z0-9_.-]*, at most 64, unique in the quiz (results are keyed by it) */
  PnQuestionType type;
  char *title;             /* NULL when none */
  char *text;              /* Markdown; for cloze, gaps written {{1}}, {{2}}… */
  char *explanation;       /* general feedback, shown after the answer; NULL when none */
  char *hint;              /* NULL when none */
  PnQuizPassage *passage;  /* NULL when none */
  GStrv tags;              /* never NULL */
  GPtrArray *answers;      /* of PnQuizAnswer: single, multiple, short, numerical */
  GPtrArray *pairs;        /* of PnQuizPair: matching */
  GStrv steps;             /* ordering: in the right order; never NULL */
  GPtrArray *gaps;         /* of PnQuizGap: cloze, gap 1 first */
  gboolean truth;          /* true/false: the right answer */
  char *feedback_true;     /* true/false: shown when the student answers true / false */
  char *feedback_false;
  gboolean match_case;     /* short and text gaps: case counts (default no) */
  gboolean match_accents;  /* accents count (default no) */
  gboolean allow_typo;     /* one typo tolerated in answers of 4 letters or more (default no) */
  int line;                /* in its file; 0 when built in code */
} PnQuizQuestion;

PnQuizQuestion *pn_quiz_question_new      (const char     *id,
                                           PnQuestionType  type,
                                           const char     *text);
void            pn_quiz_question_free     (PnQuizQuestion *question);
/* Appends a copy of @text etc. as a new answer, returned (owned by @question
 * or @gap). @feedback may be NULL. */
PnQuizAnswer   *pn_quiz_question_add_answer (PnQuizQuestion *question,
                                             const char     *text,
                                             double          weight,
                                             const char     *feedback);
PnQuizAnswer   *pn_quiz_gap_add_answer      (PnQuizGap      *gap,
                                             const char     *text,
                                             double          weight,
                                             const char     *feedback);
/* Appends a numerical answer accepting [@min, @max]. */
PnQuizAnswer   *pn_quiz_question_add_number (PnQuizQuestion *question,
                                             double          min,
                                             double          max,
                                             gboolean        is_range,
                                             double          weight,
                                             const char     *feedback);
PnQuizPair     *pn_quiz_question_add_pair   (PnQuizQuestion *question,
                                             const char     *item,
                                             const char     *match);
PnQuizGap      *pn_quiz_question_add_gap    (PnQuizQuestion *question,
                                             PnQuizGapKind   kind);
void            pn_quiz_question_set_passage (PnQuizQuestion *question,
                                              const char     *document,
                                              const char     *quote);
/* Whether the question is graded (all but open and description). */
gboolean        pn_quiz_question_is_graded (const PnQuizQuestion *question);
/* The highest weight, or for multiple choice the sum of the positive ones:
 * 100 when the question can be answered fully right. */
double          pn_quiz_question_best_weight (const PnQuizQuestion *question);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnQuizQuestion, pn_quiz_question_free)

#define PN_TYPE_QUIZ (pn_quiz_get_type ())
G_DECLARE_FINAL_TYPE (PnQuiz, pn_quiz, PN, QUIZ, GObject)

/* An empty quiz read from @file (the path in the pack, for messages; may be NULL). */
PnQuiz               *pn_quiz_new             (const char *id,
                                               const char *title,
                                               const char *file);
const char           *pn_quiz_get_id          (PnQuiz *self);
const char           *pn_quiz_get_title       (PnQuiz *self);
void                  pn_quiz_set_title       (PnQuiz *self, const char *title);
const char           *pn_quiz_get_description (PnQuiz *self);   /* Markdown; "" when none */
void                  pn_quiz_set_description (PnQuiz *self, const char *description);
const char           *pn_quiz_get_file        (PnQuiz *self);   /* NULL when built in code */
/* Takes @question; FALSE (and frees it) when its id is already there. */
gboolean              pn_quiz_add_question    (PnQuiz *self, PnQuizQuestion *question);
/* Of PnQuizQuestion, in order (owned by @self). */
GPtrArray            *pn_quiz_get_questions   (PnQuiz *self);
const PnQuizQuestion *pn_quiz_lookup          (PnQuiz *self, const char *question_id);

G_END_DECLS
