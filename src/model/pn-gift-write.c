/* pn-gift-write.c: a quiz written as Moodle's GIFT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pn-diagnostic.h"
#include "pn-gift-text.h"
#include "pn-gift-write.h"

static void
put_text (GString    *out,
          const char *text)
{
  g_autofree char *escaped = pn_gift_text_escape (text != NULL ? text : "");

  g_string_append (out, escaped);
}

/* A comment holds one line: its line breaks written as \n. */
static void
put_comment (GString    *out,
             const char *key,
             const char *value)
{
  g_string_append_printf (out, "// %s: ", key);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');
}

static void
put_number (GString *out,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* 15 significant digits: what a teacher typed comes back as typed
   * (33.33333, not 33.333329999999997). */
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

static void
put_weight (GString *out,
            double   weight)
{
  g_string_append_c (out, '%');
  put_number (out, weight);
  g_string_append_c (out, '%');
}

static void
put_feedback (GString    *out,
              const char *feedback)
{
  if (feedback == NULL)
    return;
  g_string_append_c (out, '#');
  put_text (out, feedback);
}

static void
put_choices (GString   *out,
             GPtrArray *answers,
             gboolean   single)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      g_string_append_c (out, '\t');
      if (single && answer->weight >= 100)
        g_string_append_c (out, '=');
      else
        {
          g_string_append_c (out, '~');
          if (answer->weight != 0)
            put_weight (out, answer->weight);
        }
      put_text (out, answer->text);
      put_feedback (out, answer->feedback);
      g_string_append_c (out, '\n');
    }
}

static void
put_short (GString   *out,
           GPtrArray *answers)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      g_string_append (out, "\t=");
      if (answer->weight != 100)
        put_weight (out, answer->weight);
      put_text (out, answer->text);
      put_feedback (out, answer->feedback);
      g_string_append_c (out, '\n');
    }
}

static void
put_numbers (GString   *out,
             GPtrArray *answers)
{
  const PnQuizAnswer *catch_all = NULL;

  g_string_append (out, "#\n");
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      if (answer->any && answer->weight == 0 && catch_all == NULL)
        {
          catch_all = answer;   /* Moodle's ~ comes last */
          continue;
        }
      g_string_append (out, "\t=");
      if (answer->weight != 100)
        put_weight (out, answer->weight);
      if (answer->any)
        g_string_append_c (out, '*');
      else if (answer->is_range)
        {
          put_number (out, answer->min);
          g_string_append (out, "..");
          put_number (out, answer->max);
        }
      else
        {
          put_number (out, (answer->min + answer->max) / 2);
          g_string_append_c (out, ':');
          put_number (out, (answer->max - answer->min) / 2);
        }
      put_feedback (out, answer->feedback);
      g_string_append_c (out, '\n');
    }
  if (catch_all != NULL)
    {
      g_string_append (out, "\t~");
      put_feedback (out, catch_all->feedback);
      if (catch_all->feedback == NULL)
        g_string_append_c (out, '#');
      g_string_append_c (out, '\n');
    }
}

static void
put_pairs (GString   *out,
           GPtrArray *pairs)
{
  for (guint i = 0; i < pairs->len; i++)
    {
      const PnQuizPair *pair = g_ptr_array_index (pairs, i);

      g_string_append (out, "\t=");
      put_text (out, pair->item);
      g_string_append (out, " -> ");
      put_text (out, pair->match);
      g_string_append_c (out, '\n');
    }
}

static void
put_notes (GString              *out,
           const PnQuizQuestion *question)
{
  g_string_append_printf (out, "// [id:%s]", question->id);
  for (guint i = 0; question->tags[i] != NULL; i++)
    if (strchr (question->tags[i], ']') == NULL && strchr (question->tags[i], '\n') == NULL)
      g_string_append_printf (out, " [tag:%s]", question->tags[i]);
  g_string_append_c (out, '\n');

  if (question->hint != NULL)
    put_comment (out, "hint", question->hint);
  if (question->passage != NULL)
    {
      g_autofree char *value = g_strdup_printf ("%s: %s", question->passage->document,
                                                question->passage->quote != NULL
                                                ? question->passage->quote : "");

      put_comment (out, "passage", value);
    }
  if (question->match_case || question->match_accents || question->allow_typo)
    g_string_append_printf (out, "// options:%s%s%s\n",
                            question->match_case ? " match_case" : "",
                            question->match_accents ? " match_accents" : "",
                            question->allow_typo ? " allow_typo" : "");
}

static void
put_general (GString              *out,
             const PnQuizQuestion *question)
{
  if (question->explanation == NULL)
    return;
  g_string_append (out, "\t####");
  put_text (out, question->explanation);
  g_string_append_c (out, '\n');
}

/* Moodle's grades, in percent: its import refuses any other weight unless the
 * teacher asks for the nearest grade. */
static gboolean
is_moodle_grade (double weight)
{
  static const double grades[] = {
    100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
    14.28571, 12.5, 11.11111, 10, 5, 0,
  };

  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    if (fabs (fabs (weight) - grades[i]) < 0.001)
      return TRUE;

  return FALSE;
}

static void
warn_weights (PnQuiz               *quiz,
              const PnQuizQuestion *question,
              GPtrArray            *answers,
              GPtrArray            *diagnostics)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      if (is_moodle_grade (answer->weight))
        continue;
      pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, pn_quiz_get_file (quiz),
                           answer->line > 0 ? answer->line : question->line, 1,
                           _("question '%s': %g %% is not one of Moodle's grades; Moodle imports it only "
                             "when “Match grades” is set to the nearest grade"),
                           question->id, answer->weight);
      return;
    }
}

/* Why @question has no GIFT form, or NULL. */
static const char *
not_expressible (const PnQuizQuestion *question)
{
  if (question->type == PN_QUESTION_ORDERING)
    return _("GIFT has no ordering questions");
  if (question->type == PN_QUESTION_CLOZE && question->gaps->len != 1)
    return _("GIFT has missing-word questions of one gap only");
  if (question->type == PN_QUESTION_CLOZE && strstr (question->text, "{{1}}") == NULL)
    return _("its gap is not marked in the text");

  return NULL;
}

static void
put_question (GString              *out,
              const PnQuizQuestion *question)
{
  const char *text = question->text;
  g_autofree char *before = NULL;
  const char *after = NULL;

  put_notes (out, question);
  if (question->title != NULL)
    {
      g_string_append (out, "::");
      put_text (out, question->title);
      g_string_append (out, "::");
    }
  g_string_append (out, "[markdown]");

  if (question->type == PN_QUESTION_CLOZE)
    {
      const char *mark = strstr (text, "{{1}}");

      before = g_strndup (text, mark - text);
      after = mark + strlen ("{{1}}");
      text = before;
    }
  put_text (out, text);

  if (question->type == PN_QUESTION_DESCRIPTION)
    {
      g_string_append (out, "\n\n");
      return;
    }

  /* A missing word's block stands where its gap was. */
  g_string_append (out, question->type == PN_QUESTION_CLOZE ? "{" : " {");
  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
      g_string_append_c (out, '\n');
      put_choices (out, question->answers, question->type == PN_QUESTION_SINGLE);
      break;
    case PN_QUESTION_TRUE_FALSE:
      g_string_append (out, question->truth ? "TRUE" : "FALSE");
      {
        const char *right = question->truth ? question->feedback_true : question->feedback_false;
        const char *wrong = question->truth ? question->feedback_false : question->feedback_true;

        if (wrong != NULL || right != NULL)
          {
            g_string_append_c (out, '#');
            put_text (out, wrong);
          }
        if (right != NULL)
          {
            g_string_append_c (out, '#');
            put_text (out, right);
          }
      }
      g_string_append_c (out, '\n');
      break;
    case PN_QUESTION_SHORT:
      g_string_append_c (out, '\n');
      put_short (out, question->answers);
      break;
    case PN_QUESTION_NUMERICAL:
      put_numbers (out, question->answers);
      break;
    case PN_QUESTION_MATCHING:
      g_string_append_c (out, '\n');
      put_pairs (out, question->pairs);
      break;
    case PN_QUESTION_CLOZE:
      {
        const PnQuizGap *gap = g_ptr_array_index (question->gaps, 0);

        g_string_append_c (out, '\n');
        if (gap->kind == PN_QUIZ_GAP_CHOICE)
          put_choices (out, gap->answers, TRUE);
        else
          put_short (out, gap->answers);
      }
      break;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_ORDERING:
    case PN_QUESTION_DESCRIPTION:
    default:
      break;
    }
  put_general (out, question);
  g_string_append_c (out, '}');
  if (after != NULL)
    put_text (out, after);
  g_string_append (out, "\n\n");
}

char *
pn_gift_write (PnQuiz    *quiz,
               GPtrArray *diagnostics)
{
  GPtrArray *questions = pn_quiz_get_questions (quiz);
  GString *out = g_string_new (NULL);
  g_autofree char *category = NULL;

  g_return_val_if_fail (PN_IS_QUIZ (quiz), NULL);

  g_string_append_printf (out, "// %s (%s)\n", pn_quiz_get_title (quiz), pn_quiz_get_id (quiz));
  /* A category path: '/' separates its levels, so none in the name. */
  category = g_strdelimit (g_strdup (pn_quiz_get_title (quiz)), "/\n", '-');
  g_string_append_printf (out, "$CATEGORY: %s\n\n", category);

  for (guint i = 0; i < questions->len; i++)
    {
      const PnQuizQuestion *question = g_ptr_array_index (questions, i);
      const char *why = not_expressible (question);

      if (why != NULL)
        {
          pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, pn_quiz_get_file (quiz),
                               question->line, 1,
                               _("question '%s' was left out of the GIFT file: %s"),
                               question->id, why);
          continue;
        }
      warn_weights (quiz, question, question->answers, diagnostics);
      for (guint j = 0; j < question->gaps->len; j++)
        warn_weights (quiz, question, ((PnQuizGap *) g_ptr_array_index (question->gaps, j))->answers,
                      diagnostics);
      put_question (out, question);
    }

  return g_string_free (out, FALSE);
}
