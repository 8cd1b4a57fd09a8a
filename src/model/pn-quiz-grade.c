/* pn-quiz-grade.c: grading a response to a question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pn-quiz-grade.h"
#include "pn-text.h"

/* The typo rule applies to answers of at least this many characters: one edit
 * in a shorter word makes another word ("oui" / "ou"). */
#define MIN_TYPO_LENGTH 4

PnQuizResponse *
pn_quiz_response_new (void)
{
  PnQuizResponse *response = g_new0 (PnQuizResponse, 1);

  response->choice = -1;
  response->indices = g_array_new (FALSE, FALSE, sizeof (int));

  return response;
}

void
pn_quiz_response_free (PnQuizResponse *response)
{
  if (response == NULL)
    return;

  g_array_unref (response->indices);
  g_free (response->text);
  g_strfreev (response->gaps);
  g_free (response);
}

void
pn_quiz_response_add_index (PnQuizResponse *response,
                            int             index)
{
  g_array_append_val (response->indices, index);
}

void
pn_quiz_grade_free (PnQuizGrade *grade)
{
  if (grade == NULL)
    return;

  g_ptr_array_unref (grade->feedback);
  g_array_unref (grade->parts);
  g_free (grade);
}

/* Text answers */

/* @text as answers are compared: white space collapsed and trimmed, NFC, and
 * case and accents folded unless they count. */
static char *
answer_key (const PnQuizQuestion *question,
            const char           *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);
  g_autofree char *folded = NULL;
  GString *key;
  gboolean space = FALSE;

  if (normal == NULL)
    return g_strdup ("");

  if (!question->match_accents && !question->match_case)
    folded = pn_text_fold_accents (normal);
  else if (!question->match_case)
    folded = pn_text_casefold (normal);
  else if (!question->match_accents)
    {
      /* Accents out, case kept: strip the combining marks of the decomposition. */
      g_autofree char *decomposed = g_utf8_normalize (normal, -1, G_NORMALIZE_NFD);
      GString *stripped = g_string_new (NULL);

      for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
            g_string_append_unichar (stripped, c);
        }
      folded = g_string_free (stripped, FALSE);
    }
  else
    folded = g_strdup (normal);

  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      if (c == 0x2019 || c == 0x02BC)
        c = '\'';
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/* Glob matching of @key against @pattern where '*' stands for any characters
 * and "\*" for a star (bytes: the pattern is UTF-8 and '*' is ASCII). */
static gboolean
glob_match (const char *pattern,
            const char *key)
{
  const char *star = NULL;
  const char *resume = NULL;

  while (*key != '\0')
    {
      if (*pattern == '\\' && pattern[1] == '*' && *key == '*')
        {
          pattern += 2;
          key++;
        }
      else if (*pattern == '*')
        {
          star = ++pattern;
          resume = key;
        }
      else if (*pattern != '\0' && *pattern == *key)
        {
          pattern++;
          key++;
        }
      else if (star != NULL)
        {
          pattern = star;
          key = ++resume;
        }
      else
        return FALSE;
    }

  while (*pattern == '*')
    pattern++;

  return *pattern == '\0';
}

static gboolean
has_wildcard (const char *pattern)
{
  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == '*')
        p++;
      else if (*p == '*')
        return TRUE;
    }
  return FALSE;
}

static char *
unescape_stars (const char *pattern)
{
  GString *text = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == '*')
        p++;
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

gboolean
pn_quiz_within_one_edit (const char *a,
                         const char *b)
{
  glong n = 0;
  glong m = 0;
  g_autofree gunichar *x = g_utf8_to_ucs4 (a, -1, NULL, &n, NULL);
  g_autofree gunichar *y = g_utf8_to_ucs4 (b, -1, NULL, &m, NULL);
  glong i = 0;

  if (x == NULL || y == NULL || labs (n - m) > 1)
    return FALSE;

  while (i < n && i < m && x[i] == y[i])
    i++;
  if (i == n && i == m)
    return TRUE;

  if (n == m)
    {
      /* A substitution at i, or a transposition of i and i + 1. */
      if (memcmp (x + i + 1, y + i + 1, (n - i - 1) * sizeof (gunichar)) == 0)
        return TRUE;
      return i + 1 < n && x[i] == y[i + 1] && x[i + 1] == y[i] &&
             memcmp (x + i + 2, y + i + 2, (n - i - 2) * sizeof (gunichar)) == 0;
    }

  /* An insertion or deletion at i. */
  if (n > m)
    return memcmp (x + i + 1, y + i, (m - i) * sizeof (gunichar)) == 0;
  return memcmp (x + i, y + i + 1, (n - i) * sizeof (gunichar)) == 0;
}

const PnQuizAnswer *
pn_quiz_match_text (const PnQuizQuestion *question,
                    GPtrArray            *answers,
                    const char           *typed)
{
  g_autofree char *key = answer_key (question, typed);
  const PnQuizAnswer *best = NULL;

  if (key[0] == '\0')
    return NULL;

  /* Exact (or wildcard) matches first, then one typo away. */
  for (int pass = 0; pass < 2 && best == NULL; pass++)
    {
      if (pass == 1 && !question->allow_typo)
        break;

      for (guint i = 0; i < answers->len; i++)
        {
          const PnQuizAnswer *answer = g_ptr_array_index (answers, i);
          g_autofree char *pattern = NULL;
          gboolean hit;

          if (answer->text == NULL)
            continue;
          pattern = answer_key (question, answer->text);
          if (pass == 0)
            hit = glob_match (pattern, key);
          else if (has_wildcard (pattern))
            hit = FALSE;
          else
            {
              g_autofree char *plain = unescape_stars (pattern);

              hit = g_utf8_strlen (plain, -1) >= MIN_TYPO_LENGTH &&
                    pn_quiz_within_one_edit (plain, key);
            }
          if (hit && (best == NULL || answer->weight > best->weight))
            best = answer;
        }
    }

  return best;
}

/* Numbers */

gboolean
pn_quiz_parse_number (const char *text,
                      double     *value)
{
  GString *plain = g_string_new (NULL);
  g_autofree char *owned = NULL;
  char *end = NULL;
  gboolean ok;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        continue;                      /* "1 000", thin spaces */
      if (c == ',')
        c = '.';                       /* French decimal comma */
      if (c == 0x2212)
        c = '-';                       /* minus sign */
      g_string_append_unichar (plain, c);
    }
  owned = g_string_free (plain, FALSE);

  if (owned[0] == '\0')
    return FALSE;
  *value = g_ascii_strtod (owned, &end);
  ok = end != NULL && *end == '\0' && isfinite (*value);

  return ok;
}

/* Grading */

static void
add_feedback (PnQuizGrade *grade,
              const char  *feedback)
{
  if (feedback != NULL && feedback[0] != '\0')
    g_ptr_array_add (grade->feedback, (gpointer) feedback);
}

static void
add_part (PnQuizGrade *grade,
          gboolean     right)
{
  g_array_append_val (grade->parts, right);
}

static int
index_at (const PnQuizResponse *response,
          guint                 i)
{
  return i < response->indices->len ? g_array_index (response->indices, int, i) : -1;
}

static double
grade_single (const PnQuizQuestion *question,
              const PnQuizResponse *response,
              PnQuizGrade          *grade)
{
  const PnQuizAnswer *answer;

  if (response->choice < 0 || (guint) response->choice >= question->answers->len)
    return 0;

  answer = g_ptr_array_index (question->answers, response->choice);
  add_feedback (grade, answer->feedback);

  return answer->weight / 100;
}

static double
grade_multiple (const PnQuizQuestion *question,
                const PnQuizResponse *response,
                PnQuizGrade          *grade)
{
  g_autofree gboolean *picked = g_new0 (gboolean, question->answers->len + 1);
  double total = 0;

  for (guint i = 0; i < response->indices->len; i++)
    {
      int index = index_at (response, i);

      if (index >= 0 && (guint) index < question->answers->len)
        picked[index] = TRUE;
    }

  for (guint i = 0; i < question->answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (question->answers, i);

      if (picked[i])
        {
          total += answer->weight;
          add_feedback (grade, answer->feedback);
        }
      add_part (grade, picked[i] == (answer->weight > 0));
    }

  return total / 100;
}

static double
grade_true_false (const PnQuizQuestion *question,
                  const PnQuizResponse *response,
                  PnQuizGrade          *grade)
{
  if (response->choice < 0)
    return 0;

  add_feedback (grade, response->choice ? question->feedback_true : question->feedback_false);

  return (response->choice != 0) == (question->truth != 0) ? 1 : 0;
}

static double
grade_short (const PnQuizQuestion *question,
             GPtrArray            *answers,
             const char           *typed,
             PnQuizGrade          *grade)
{
  const PnQuizAnswer *answer = pn_quiz_match_text (question, answers, typed);

  if (answer == NULL)
    return 0;

  add_feedback (grade, answer->feedback);

  return answer->weight / 100;
}

static double
grade_numerical (const PnQuizQuestion *question,
                 const PnQuizResponse *response,
                 PnQuizGrade          *grade)
{
  const PnQuizAnswer *best = NULL;
  double value;

  if (!pn_quiz_parse_number (response->text, &value))
    return 0;

  for (guint i = 0; i < question->answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (question->answers, i);
      /* The bounds as written, give or take the rounding of decimals. */
      double slack = 1e-9 * MAX (1, MAX (fabs (answer->min), fabs (answer->max)));
      gboolean hit = answer->any || (value >= answer->min - slack && value <= answer->max + slack);

      /* A catch-all only when nothing else matches. */
      if (!hit)
        continue;
      if (best == NULL || (best->any && !answer->any) ||
          (best->any == answer->any && answer->weight > best->weight))
        best = answer;
    }

  if (best == NULL)
    return 0;

  add_feedback (grade, best->feedback);

  return best->weight / 100;
}

GPtrArray *
pn_quiz_matching_options (const PnQuizQuestion *question)
{
  GPtrArray *options = g_ptr_array_new ();

  for (int distractors = 0; distractors < 2; distractors++)
    for (guint i = 0; i < question->pairs->len; i++)
      {
        const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);

        if ((pair->item == NULL) == (distractors == 1))
          g_ptr_array_add (options, pair->match);
      }

  return options;
}

static double
grade_matching (const PnQuizQuestion *question,
                const PnQuizResponse *response,
                PnQuizGrade          *grade)
{
  g_autoptr(GPtrArray) options = pn_quiz_matching_options (question);
  guint n_items = 0;
  guint n_right = 0;

  for (guint i = 0; i < question->pairs->len; i++)
    {
      const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);
      int given;
      gboolean right;

      if (pair->item == NULL)
        continue;
      given = index_at (response, n_items);
      n_items++;
      /* Compared by text: two items may share an answer. */
      right = given >= 0 && (guint) given < options->len &&
              g_strcmp0 (g_ptr_array_index (options, given), pair->match) == 0;
      n_right += right;
      add_part (grade, right);
    }

  return n_items > 0 ? (double) n_right / n_items : 0;
}

static double
grade_ordering (const PnQuizQuestion *question,
                const PnQuizResponse *response,
                PnQuizGrade          *grade)
{
  guint n = g_strv_length (question->steps);
  guint n_right = 0;

  /* Each step in its place; two steps of the same text are interchangeable. */
  for (guint i = 0; i < n; i++)
    {
      int given = index_at (response, i);
      gboolean right = given >= 0 && (guint) given < n &&
                       g_str_equal (question->steps[given], question->steps[i]);

      n_right += right;
      add_part (grade, right);
    }

  return n > 0 ? (double) n_right / n : 0;
}

static double
grade_cloze (const PnQuizQuestion *question,
             const PnQuizResponse *response,
             PnQuizGrade          *grade)
{
  guint n_given = response->gaps != NULL ? g_strv_length (response->gaps) : 0;
  double total = 0;

  for (guint i = 0; i < question->gaps->len; i++)
    {
      const PnQuizGap *gap = g_ptr_array_index (question->gaps, i);
      const char *typed = i < n_given ? response->gaps[i] : NULL;
      double score = 0;

      if (typed == NULL)
        ;
      else if (gap->kind == PN_QUIZ_GAP_TEXT)
        score = grade_short (question, gap->answers, typed, grade);
      else
        for (guint j = 0; j < gap->answers->len; j++)
          {
            const PnQuizAnswer *answer = g_ptr_array_index (gap->answers, j);

            if (g_strcmp0 (answer->text, typed) == 0)
              {
                score = answer->weight / 100;
                add_feedback (grade, answer->feedback);
                break;
              }
          }

      score = CLAMP (score, 0, 1);
      total += score;
      add_part (grade, score >= 1);
    }

  return question->gaps->len > 0 ? total / question->gaps->len : 0;
}

PnQuizGrade *
pn_quiz_grade (const PnQuizQuestion *question,
               const PnQuizResponse *response)
{
  PnQuizGrade *grade = g_new0 (PnQuizGrade, 1);
  double score = 0;

  grade->feedback = g_ptr_array_new ();
  grade->parts = g_array_new (FALSE, FALSE, sizeof (gboolean));
  grade->graded = pn_quiz_question_is_graded (question);

  g_return_val_if_fail (question != NULL && response != NULL, grade);

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
      score = grade_single (question, response, grade);
      break;
    case PN_QUESTION_MULTIPLE:
      score = grade_multiple (question, response, grade);
      break;
    case PN_QUESTION_TRUE_FALSE:
      score = grade_true_false (question, response, grade);
      break;
    case PN_QUESTION_SHORT:
      score = grade_short (question, question->answers, response->text, grade);
      break;
    case PN_QUESTION_NUMERICAL:
      score = grade_numerical (question, response, grade);
      break;
    case PN_QUESTION_MATCHING:
      score = grade_matching (question, response, grade);
      break;
    case PN_QUESTION_ORDERING:
      score = grade_ordering (question, response, grade);
      break;
    case PN_QUESTION_CLOZE:
      score = grade_cloze (question, response, grade);
      break;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      break;
    }

  /* Weights of 33.33333 % add up to 99.99999 %: full marks all the same. */
  if (score > 0.999 && score < 1)
    score = 1;
  grade->score = grade->graded ? CLAMP (score, 0, 1) : 0;
  /* Full marks, give or take the rounding of weights such as 33.333 %. */
  grade->correct = grade->graded && grade->score > 0.999;

  return grade;
}
