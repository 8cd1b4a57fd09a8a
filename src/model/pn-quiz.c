/* pn-quiz.c: a quiz of the pack and its questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-quiz.h"

static const char * const type_names[] = {
  [PN_QUESTION_SINGLE] = "single",
  [PN_QUESTION_MULTIPLE] = "multiple",
  [PN_QUESTION_TRUE_FALSE] = "true_false",
  [PN_QUESTION_SHORT] = "short",
  [PN_QUESTION_NUMERICAL] = "numerical",
  [PN_QUESTION_MATCHING] = "matching",
  [PN_QUESTION_ORDERING] = "ordering",
  [PN_QUESTION_CLOZE] = "cloze",
  [PN_QUESTION_OPEN] = "open",
  [PN_QUESTION_DESCRIPTION] = "description",
};

const char *
pn_question_type_to_string (PnQuestionType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (type_names), NULL);
  return type_names[type];
}

gboolean
pn_question_type_from_string (const char     *name,
                              PnQuestionType *type)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (type_names); i++)
    if (g_str_equal (name, type_names[i]))
      {
        *type = (PnQuestionType) i;
        return TRUE;
      }

  return FALSE;
}

/* Questions */

static void
answer_free (PnQuizAnswer *answer)
{
  g_free (answer->text);
  g_free (answer->feedback);
  g_free (answer);
}

static void
pair_free (PnQuizPair *pair)
{
  g_free (pair->item);
  g_free (pair->match);
  g_free (pair);
}

static void
gap_free (PnQuizGap *gap)
{
  g_ptr_array_unref (gap->answers);
  g_free (gap);
}

PnQuizQuestion *
pn_quiz_question_new (const char     *id,
                      PnQuestionType  type,
                      const char     *text)
{
  PnQuizQuestion *question = g_new0 (PnQuizQuestion, 1);

  question->id = g_strdup (id);
  question->type = type;
  question->text = g_strdup (text != NULL ? text : "");
  question->tags = g_new0 (char *, 1);
  question->steps = g_new0 (char *, 1);
  question->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_free);
  question->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) pair_free);
  question->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify) gap_free);

  return question;
}

void
pn_quiz_question_free (PnQuizQuestion *question)
{
  if (question == NULL)
    return;

  g_free (question->id);
  g_free (question->title);
  g_free (question->text);
  g_free (question->explanation);
  g_free (question->hint);
  if (question->passage != NULL)
    {
      g_free (question->passage->document);
      g_free (question->passage->quote);
      g_free (question->passage);
    }
  g_strfreev (question->tags);
  g_strfreev (question->steps);
  g_ptr_array_unref (question->answers);
  g_ptr_array_unref (question->pairs);
  g_ptr_array_unref (question->gaps);
  g_free (question->feedback_true);
  g_free (question->feedback_false);
  g_free (question);
}

static PnQuizAnswer *
answer_new (const char *text,
            double      weight,
            const char *feedback)
{
  PnQuizAnswer *answer = g_new0 (PnQuizAnswer, 1);

  answer->text = g_strdup (text);
  answer->weight = weight;
  answer->feedback = g_strdup (feedback);

  return answer;
}

PnQuizAnswer *
pn_quiz_question_add_answer (PnQuizQuestion *question,
                             const char     *text,
                             double          weight,
                             const char     *feedback)
{
  PnQuizAnswer *answer = answer_new (text, weight, feedback);

  g_ptr_array_add (question->answers, answer);

  return answer;
}

PnQuizAnswer *
pn_quiz_gap_add_answer (PnQuizGap  *gap,
                        const char *text,
                        double      weight,
                        const char *feedback)
{
  PnQuizAnswer *answer = answer_new (text, weight, feedback);

  g_ptr_array_add (gap->answers, answer);

  return answer;
}

PnQuizAnswer *
pn_quiz_question_add_number (PnQuizQuestion *question,
                             double          min,
                             double          max,
                             gboolean        is_range,
                             double          weight,
                             const char     *feedback)
{
  PnQuizAnswer *answer = pn_quiz_question_add_answer (question, NULL, weight, feedback);

  answer->min = MIN (min, max);
  answer->max = MAX (min, max);
  answer->is_range = is_range;

  return answer;
}

PnQuizPair *
pn_quiz_question_add_pair (PnQuizQuestion *question,
                           const char     *item,
                           const char     *match)
{
  PnQuizPair *pair = g_new0 (PnQuizPair, 1);

  pair->item = g_strdup (item);
  pair->match = g_strdup (match);
  g_ptr_array_add (question->pairs, pair);

  return pair;
}

PnQuizGap *
pn_quiz_question_add_gap (PnQuizQuestion *question,
                          PnQuizGapKind   kind)
{
  PnQuizGap *gap = g_new0 (PnQuizGap, 1);

  gap->kind = kind;
  gap->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) answer_free);
  g_ptr_array_add (question->gaps, gap);

  return gap;
}

void
pn_quiz_question_set_passage (PnQuizQuestion *question,
                              const char     *document,
                              const char     *quote)
{
  if (question->passage == NULL)
    question->passage = g_new0 (PnQuizPassage, 1);
  g_free (question->passage->document);
  g_free (question->passage->quote);
  question->passage->document = g_strdup (document);
  question->passage->quote = g_strdup (quote);
}

gboolean
pn_quiz_question_is_graded (const PnQuizQuestion *question)
{
  return question->type != PN_QUESTION_OPEN && question->type != PN_QUESTION_DESCRIPTION;
}

static double
best_of (GPtrArray *answers,
         gboolean   add_positive)
{
  double best = 0;

  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      if (add_positive)
        best += MAX (answer->weight, 0);
      else
        best = MAX (best, answer->weight);
    }

  return best;
}

double
pn_quiz_question_best_weight (const PnQuizQuestion *question)
{
  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_SHORT:
    case PN_QUESTION_NUMERICAL:
      return best_of (question->answers, FALSE);
    case PN_QUESTION_MULTIPLE:
      return best_of (question->answers, TRUE);
    case PN_QUESTION_CLOZE:
      {
        double lowest = question->gaps->len > 0 ? 100 : 0;

        for (guint i = 0; i < question->gaps->len; i++)
          {
            const PnQuizGap *gap = g_ptr_array_index (question->gaps, i);

            lowest = MIN (lowest, best_of (gap->answers, FALSE));
          }
        return lowest;
      }
    case PN_QUESTION_TRUE_FALSE:
    case PN_QUESTION_MATCHING:
    case PN_QUESTION_ORDERING:
      return 100;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      return 0;
    }
}

/* The quiz */

struct _PnQuiz {
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *file;
  GPtrArray *questions;
  GHashTable *index;   /* id -> PnQuizQuestion, borrowed */
};

G_DEFINE_FINAL_TYPE (PnQuiz, pn_quiz, G_TYPE_OBJECT)

static void
pn_quiz_finalize (GObject *object)
{
  PnQuiz *self = PN_QUIZ (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->file);
  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->questions);

  G_OBJECT_CLASS (pn_quiz_parent_class)->finalize (object);
}

static void
pn_quiz_class_init (PnQuizClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_quiz_finalize;
}

static void
pn_quiz_init (PnQuiz *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_quiz_question_free);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->description = g_strdup ("");
}

PnQuiz *
pn_quiz_new (const char *id,
             const char *title,
             const char *file)
{
  PnQuiz *self = g_object_new (PN_TYPE_QUIZ, NULL);

  self->id = g_strdup (id != NULL ? id : "");
  self->title = g_strdup (title != NULL ? title : self->id);
  self->file = g_strdup (file);

  return self;
}

const char *
pn_quiz_get_id (PnQuiz *self)
{
  g_return_val_if_fail (PN_IS_QUIZ (self), NULL);
  return self->id;
}

const char *
pn_quiz_get_title (PnQuiz *self)
{
  g_return_val_if_fail (PN_IS_QUIZ (self), NULL);
  return self->title;
}

void
pn_quiz_set_title (PnQuiz     *self,
                   const char *title)
{
  g_return_if_fail (PN_IS_QUIZ (self));
  g_return_if_fail (title != NULL);
  g_free (self->title);
  self->title = g_strdup (title);
}

const char *
pn_quiz_get_description (PnQuiz *self)
{
  g_return_val_if_fail (PN_IS_QUIZ (self), NULL);
  return self->description;
}

void
pn_quiz_set_description (PnQuiz     *self,
                         const char *description)
{
  g_return_if_fail (PN_IS_QUIZ (self));
  g_free (self->description);
  self->description = g_strdup (description != NULL ? description : "");
}

const char *
pn_quiz_get_file (PnQuiz *self)
{
  g_return_val_if_fail (PN_IS_QUIZ (self), NULL);
  return self->file;
}

gboolean
pn_quiz_add_question (PnQuiz         *self,
                      PnQuizQuestion *question)
{
  g_return_val_if_fail (PN_IS_QUIZ (self), FALSE);
  g_return_val_if_fail (question != NULL && question->id != NULL, FALSE);

  if (g_hash_table_contains (self->index, question->id))
    {
      pn_quiz_question_free (question);
      return FALSE;
    }

  g_ptr_array_add (self->questions, question);
  g_hash_table_insert (self->index, question->id, question);

  return TRUE;
}

GPtrArray *
pn_quiz_get_questions (PnQuiz *self)
{
  g_return_val_if_fail (PN_IS_QUIZ (self), NULL);
  return self->questions;
}

const PnQuizQuestion *
pn_quiz_lookup (PnQuiz     *self,
                const char *question_id)
{
  g_return_val_if_fail (PN_IS_QUIZ (self), NULL);

  if (question_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->index, question_id);
}
