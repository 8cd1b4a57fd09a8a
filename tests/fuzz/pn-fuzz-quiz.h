/* pn-fuzz-quiz.h: what the quiz fuzz targets check of a quiz that was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-fuzz.h"
#include "pn-gift-parse.h"
#include "pn-gift-write.h"
#include "pn-quiz-grade.h"
#include "pn-quiz-parse.h"
#include "pn-quiz-write.h"

/* Each question graded with an empty response and with a response built from
 * its own answers: a score in [0, 1] either way. */
static inline void
pn_fuzz_grade_all (PnQuiz *quiz)
{
  GPtrArray *questions = pn_quiz_get_questions (quiz);

  g_assert_cmpuint (questions->len, <=, PN_QUIZ_MAX_QUESTIONS);
  for (guint i = 0; i < questions->len; i++)
    {
      const PnQuizQuestion *question = g_ptr_array_index (questions, i);
      g_autoptr(PnQuizResponse) empty = pn_quiz_response_new ();
      g_autoptr(PnQuizResponse) full = pn_quiz_response_new ();
      g_autoptr(GStrvBuilder) gaps = g_strv_builder_new ();
      g_autoptr(PnQuizGrade) none = NULL;
      g_autoptr(PnQuizGrade) some = NULL;

      g_assert_true (pn_quiz_lookup (quiz, question->id) == question);
      g_assert_true (g_utf8_validate (question->text, -1, NULL));
      full->choice = question->answers->len > 0 ? 0 : 1;
      for (guint j = 0; j < question->answers->len + question->pairs->len; j++)
        pn_quiz_response_add_index (full, (int) j - 1);
      if (question->answers->len > 0)
        full->text = g_strdup (((PnQuizAnswer *) g_ptr_array_index (question->answers, 0))->text);
      for (guint j = 0; j < question->gaps->len; j++)
        {
          const PnQuizGap *gap = g_ptr_array_index (question->gaps, j);

          g_strv_builder_add (gaps, gap->answers->len > 0
                              ? ((PnQuizAnswer *) g_ptr_array_index (gap->answers, 0))->text : "");
        }
      full->gaps = g_strv_builder_end (gaps);

      none = pn_quiz_grade (question, empty);
      some = pn_quiz_grade (question, full);
      g_assert_true (none->score >= 0 && none->score <= 1);
      g_assert_true (some->score >= 0 && some->score <= 1);
    }
}

/* The quiz written as JSON and as GIFT, each read back without a crash. */
static inline void
pn_fuzz_write_back (PnQuiz *quiz)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *json_text = pn_quiz_to_json (quiz);
  g_autofree char *gift = pn_gift_write (quiz, diagnostics);
  g_autoptr(PnJsonFile) json = pn_json_file_load_data (json_text, strlen (json_text), "again.json", diagnostics);
  g_autoptr(PnQuiz) from_json = NULL;
  g_autoptr(PnQuiz) from_gift = pn_gift_parse (gift, strlen (gift), "again.gift", "again", NULL, diagnostics);

  g_assert_nonnull (json);
  from_json = pn_quiz_parse (json, NULL, diagnostics);
  g_assert_nonnull (from_json);
  g_assert_cmpuint (pn_quiz_get_questions (from_json)->len, ==, pn_quiz_get_questions (quiz)->len);
  g_assert_nonnull (from_gift);
  pn_fuzz_check_diagnostics (diagnostics, FALSE);
}
