/* test-quiz-grade.c: grading each type of question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-quiz-grade.h"

#define assert_score(question, response, expected) \
  G_STMT_START { \
    g_autoptr(PnQuizGrade) grade_ = pn_quiz_grade ((question), (response)); \
    g_assert_cmpfloat_with_epsilon (grade_->score, (expected), 1e-9); \
  } G_STMT_END

static PnQuizResponse *
choice (int index)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  response->choice = index;
  return response;
}

static PnQuizResponse *
indices (int first, ...)
{
  PnQuizResponse *response = pn_quiz_response_new ();
  va_list args;

  va_start (args, first);
  for (int i = first; i != G_MININT; i = va_arg (args, int))
    pn_quiz_response_add_index (response, i);
  va_end (args);

  return response;
}

static PnQuizResponse *
typed (const char *text)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  response->text = g_strdup (text);
  return response;
}

static void
test_single (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_SINGLE, "Qui ?");
  g_autoptr(PnQuizResponse) right = choice (0);
  g_autoptr(PnQuizResponse) half = choice (1);
  g_autoptr(PnQuizResponse) wrong = choice (2);
  g_autoptr(PnQuizResponse) none = choice (-1);
  g_autoptr(PnQuizResponse) outside = choice (7);
  g_autoptr(PnQuizGrade) grade = NULL;

  pn_quiz_question_add_answer (q, "Durand", 100, "Oui.");
  pn_quiz_question_add_answer (q, "Lordon", 50, "En partie.");
  pn_quiz_question_add_answer (q, "Morozov", -50, "Non.");

  grade = pn_quiz_grade (q, right);
  g_assert_true (grade->graded);
  g_assert_true (grade->correct);
  g_assert_cmpfloat (grade->score, ==, 1);
  g_assert_cmpuint (grade->feedback->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (grade->feedback, 0), ==, "Oui.");

  g_assert_cmpfloat (pn_quiz_question_best_weight (q), ==, 100);
  assert_score (q, half, 0.5);
  /* A negative weight on the only choice: clamped at 0. */
  assert_score (q, wrong, 0);
  assert_score (q, none, 0);
  assert_score (q, outside, 0);
}

static void
test_multiple (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_MULTIPLE, "Lesquels ?");
  g_autoptr(PnQuizResponse) both = indices (0, 1, G_MININT);
  g_autoptr(PnQuizResponse) one = indices (1, G_MININT);
  g_autoptr(PnQuizResponse) one_and_wrong = indices (0, 2, G_MININT);
  g_autoptr(PnQuizResponse) all = indices (0, 1, 2, G_MININT);
  g_autoptr(PnQuizResponse) repeated = indices (0, 0, G_MININT);
  g_autoptr(PnQuizResponse) nothing = indices (G_MININT);
  g_autoptr(PnQuizGrade) grade = NULL;

  pn_quiz_question_add_answer (q, "L'espace", 50, NULL);
  pn_quiz_question_add_answer (q, "L'attention", 50, "Oui.");
  pn_quiz_question_add_answer (q, "Les données", -100, "Non.");

  grade = pn_quiz_grade (q, both);
  g_assert_true (grade->correct);
  g_assert_cmpuint (grade->parts->len, ==, 3);
  g_assert_true (g_array_index (grade->parts, gboolean, 2));
  assert_score (q, one, 0.5);
  /* 50 - 100 < 0: clamped at 0, not negative. */
  assert_score (q, one_and_wrong, 0);
  assert_score (q, all, 0);
  assert_score (q, repeated, 0.5);
  assert_score (q, nothing, 0);
  /* The positive weights add up. */
  g_assert_cmpfloat (pn_quiz_question_best_weight (q), ==, 100);

  g_clear_pointer (&grade, pn_quiz_grade_free);
  grade = pn_quiz_grade (q, all);
  g_assert_false (grade->correct);
  g_assert_false (g_array_index (grade->parts, gboolean, 2));
  g_assert_cmpuint (grade->feedback->len, ==, 2);
}

/* Three thirds written 33.33333 % are full marks, exactly 1; two of them are not. */
static void
test_multiple_thirds (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_MULTIPLE, "Lesquels ?");
  g_autoptr(PnQuizResponse) three = indices (0, 1, 2, G_MININT);
  g_autoptr(PnQuizResponse) two = indices (0, 1, G_MININT);
  g_autoptr(PnQuizGrade) grade = NULL;
  g_autoptr(PnQuizGrade) partial = NULL;

  pn_quiz_question_add_answer (q, "a", 33.33333, NULL);
  pn_quiz_question_add_answer (q, "b", 33.33333, NULL);
  pn_quiz_question_add_answer (q, "c", 33.33333, NULL);
  pn_quiz_question_add_answer (q, "d", -100, NULL);

  grade = pn_quiz_grade (q, three);
  g_assert_true (grade->correct);
  g_assert_cmpfloat (grade->score, ==, 1.0);
  partial = pn_quiz_grade (q, two);
  g_assert_false (partial->correct);
  g_assert_cmpfloat_with_epsilon (partial->score, 0.6666666, 1e-6);
}

static void
test_true_false (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_TRUE_FALSE, "Vrai ?");
  g_autoptr(PnQuizResponse) yes = choice (1);
  g_autoptr(PnQuizResponse) no = choice (0);
  g_autoptr(PnQuizResponse) none = choice (-1);
  g_autoptr(PnQuizGrade) grade = NULL;

  q->truth = FALSE;
  q->feedback_true = g_strdup ("Non, c'est faux.");
  q->feedback_false = g_strdup ("Exact.");

  assert_score (q, yes, 0);
  assert_score (q, no, 1);
  assert_score (q, none, 0);
  grade = pn_quiz_grade (q, yes);
  g_assert_cmpstr (g_ptr_array_index (grade->feedback, 0), ==, "Non, c'est faux.");
}

static void
test_short (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_SHORT, "Le mot ?");
  struct { const char *typed; double score; } cases[] = {
    { "seigneurage", 1 },
    { "  Seigneurage ", 1 },          /* case and spaces ignored */
    { "SEIGNEURAGE", 1 },
    { "stablecoin", 0.5 },
    { "stable coin", 0 },             /* one edit away, and typos are not allowed here */
    { "crypto-monnaie", 0.25 },       /* the wildcard answer */
    { "crypto", 0.25 },
    { "seigneuriage", 0 },            /* a typo, not allowed here */
    { "", 0 },
    { "Écu", 1 },
    { "ecu", 1 },                     /* accents ignored by default */
  };

  pn_quiz_question_add_answer (q, "seigneurage", 100, "Oui.");
  pn_quiz_question_add_answer (q, "stablecoin", 50, NULL);
  pn_quiz_question_add_answer (q, "crypto*", 25, NULL);
  pn_quiz_question_add_answer (q, "écu", 100, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PnQuizResponse) response = typed (cases[i].typed);

      g_test_message ("typed “%s”", cases[i].typed);
      assert_score (q, response, cases[i].score);
    }
}

static void
test_short_rules (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_SHORT, "Le mot ?");
  struct { gboolean match_case; gboolean match_accents; gboolean typo; const char *typed; double score; } cases[] = {
    { TRUE, FALSE, FALSE, "Économie", 1 },
    { TRUE, FALSE, FALSE, "économie", 0 },   /* case counts */
    { TRUE, FALSE, FALSE, "Economie", 1 },   /* accents still ignored */
    { FALSE, TRUE, FALSE, "economie", 0 },   /* accents count */
    { FALSE, TRUE, FALSE, "ÉCONOMIE", 1 },
    { FALSE, FALSE, TRUE, "economei", 1 },   /* transposition */
    { FALSE, FALSE, TRUE, "economi", 1 },    /* deletion */
    { FALSE, FALSE, TRUE, "economiee", 1 },  /* insertion */
    { FALSE, FALSE, TRUE, "ekonomie", 1 },   /* substitution */
    { FALSE, FALSE, TRUE, "ekonomei", 0 },   /* two edits */
    { FALSE, FALSE, TRUE, "économies", 1 },
    { FALSE, FALSE, TRUE, "pib", 1 },        /* exact */
    { FALSE, FALSE, TRUE, "pub", 0 },        /* no typo in words under four letters */
  };

  pn_quiz_question_add_answer (q, "Économie", 100, NULL);
  pn_quiz_question_add_answer (q, "PIB", 100, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PnQuizResponse) response = typed (cases[i].typed);

      q->match_case = cases[i].match_case;
      q->match_accents = cases[i].match_accents;
      q->allow_typo = cases[i].typo;
      g_test_message ("case %u: “%s”", i, cases[i].typed);
      assert_score (q, response, cases[i].score);
    }
}

static void
test_one_edit (void)
{
  g_assert_true (pn_quiz_within_one_edit ("abc", "abc"));
  g_assert_true (pn_quiz_within_one_edit ("abc", "acb"));
  g_assert_true (pn_quiz_within_one_edit ("abc", "ab"));
  g_assert_true (pn_quiz_within_one_edit ("ab", "abc"));
  g_assert_true (pn_quiz_within_one_edit ("abc", "xbc"));
  g_assert_true (pn_quiz_within_one_edit ("été", "éte"));
  g_assert_true (pn_quiz_within_one_edit ("", "a"));
  g_assert_false (pn_quiz_within_one_edit ("abc", "cba"));
  g_assert_false (pn_quiz_within_one_edit ("abc", "a"));
  g_assert_false (pn_quiz_within_one_edit ("abcd", "badc"));
  g_assert_false (pn_quiz_within_one_edit ("abc", "axc y"));
}

static void
test_numerical (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_NUMERICAL, "Quand ?");
  struct { const char *typed; double score; } cases[] = {
    { "2002", 1 }, { "2002,4", 1 }, { "2002.5", 1 }, { "2002.6", 0.5 }, { "2000", 0.5 },
    { "1999", 0.1 }, { " 1 999 ", 0.1 }, { "−5", 0.1 }, { "deux mille", 0 }, { "", 0 },
    { "1e3", 0.1 }, { "inf", 0 }, { "nan", 0 },
  };
  g_autoptr(PnQuizResponse) exact = typed ("2002");
  g_autoptr(PnQuizGrade) grade = NULL;

  pn_quiz_question_add_number (q, 2001.5, 2002.5, FALSE, 100, "Exact.");
  pn_quiz_question_add_number (q, 2000, 2004, TRUE, 50, "Presque.");
  pn_quiz_question_add_number (q, 0, 0, FALSE, 10, "Non.")->any = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PnQuizResponse) response = typed (cases[i].typed);

      g_test_message ("typed “%s”", cases[i].typed);
      assert_score (q, response, cases[i].score);
    }

  /* The best answer's feedback only, and never the catch-all's when another matches. */
  grade = pn_quiz_grade (q, exact);
  g_assert_cmpuint (grade->feedback->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (grade->feedback, 0), ==, "Exact.");
}

static void
test_matching (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_MATCHING, "Associez.");
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(PnQuizResponse) right = indices (0, 1, 2, G_MININT);
  g_autoptr(PnQuizResponse) swapped = indices (1, 0, 2, G_MININT);
  g_autoptr(PnQuizResponse) distractor = indices (3, 1, 2, G_MININT);
  g_autoptr(PnQuizResponse) partial = indices (0, G_MININT);
  g_autoptr(PnQuizGrade) grade = NULL;

  pn_quiz_question_add_pair (q, "Morozov", "solutionnisme");
  pn_quiz_question_add_pair (q, NULL, "main invisible");
  pn_quiz_question_add_pair (q, "Lordon", "séparation");
  pn_quiz_question_add_pair (q, "Durand", "subsomption");

  options = pn_quiz_matching_options (q);
  g_assert_cmpuint (options->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (options, 3), ==, "main invisible");

  assert_score (q, right, 1);
  assert_score (q, swapped, 1.0 / 3);
  assert_score (q, distractor, 2.0 / 3);
  assert_score (q, partial, 1.0 / 3);
  grade = pn_quiz_grade (q, swapped);
  g_assert_cmpuint (grade->parts->len, ==, 3);
  g_assert_false (g_array_index (grade->parts, gboolean, 0));
  g_assert_true (g_array_index (grade->parts, gboolean, 2));
}

static void
test_ordering (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_ORDERING, "Dans l'ordre.");
  const char *steps[] = { "la mine", "le bijoutier", "la vente", "la grève", NULL };
  g_autoptr(PnQuizResponse) right = indices (0, 1, 2, 3, G_MININT);
  g_autoptr(PnQuizResponse) two_swapped = indices (1, 0, 2, 3, G_MININT);
  g_autoptr(PnQuizResponse) reversed = indices (3, 2, 1, 0, G_MININT);
  g_autoptr(PnQuizResponse) short_response = indices (0, G_MININT);

  g_strfreev (q->steps);
  q->steps = g_strdupv ((char **) steps);
  assert_score (q, right, 1);
  assert_score (q, two_swapped, 0.5);
  assert_score (q, reversed, 0);
  assert_score (q, short_response, 0.25);
}

static void
test_cloze (void)
{
  g_autoptr(PnQuizQuestion) q = pn_quiz_question_new ("q", PN_QUESTION_CLOZE,
                                                      "La publicité vend {{1}} ; on parle de {{2}}.");
  PnQuizGap *choice_gap = pn_quiz_question_add_gap (q, PN_QUIZ_GAP_CHOICE);
  PnQuizGap *text_gap = pn_quiz_question_add_gap (q, PN_QUIZ_GAP_TEXT);
  struct { const char *first; const char *second; double score; } cases[] = {
    { "l'attention", "seigneurage", 1 },
    { "l'attention", "Seigneuriage", 1 },    /* typo allowed on this question */
    { "des serveurs", "seigneurage", 0.5 },
    { "l'attention", "rente", 0.75 },
    { "L'attention", "", 0 },                 /* choices compare exactly */
    { NULL, NULL, 0 },
  };

  pn_quiz_gap_add_answer (choice_gap, "des serveurs", 0, NULL);
  pn_quiz_gap_add_answer (choice_gap, "l'attention", 100, "Oui.");
  pn_quiz_gap_add_answer (text_gap, "seigneurage", 100, NULL);
  pn_quiz_gap_add_answer (text_gap, "rente", 50, NULL);
  q->allow_typo = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
      g_autoptr(PnQuizGrade) grade = NULL;

      if (cases[i].first != NULL)
        {
          const char *gaps[] = { cases[i].first, cases[i].second, NULL };

          response->gaps = g_strdupv ((char **) gaps);
        }
      grade = pn_quiz_grade (q, response);
      g_test_message ("case %u", i);
      g_assert_cmpfloat_with_epsilon (grade->score, cases[i].score, 1e-9);
      g_assert_cmpuint (grade->parts->len, ==, 2);
    }
}

static void
test_ungraded (void)
{
  g_autoptr(PnQuizQuestion) open = pn_quiz_question_new ("q", PN_QUESTION_OPEN, "Votre avis ?");
  g_autoptr(PnQuizQuestion) graded = pn_quiz_question_new ("r", PN_QUESTION_TRUE_FALSE, "Vrai ?");
  g_autoptr(PnQuizResponse) response = typed ("Un long avis.");
  g_autoptr(PnQuizResponse) yes = choice (1);
  g_autoptr(PnQuizGrade) grade = pn_quiz_grade (open, response);
  g_autoptr(PnQuizGrade) control = NULL;

  g_assert_false (grade->graded);
  g_assert_false (grade->correct);
  g_assert_cmpfloat (grade->score, ==, 0);

  graded->truth = TRUE;
  control = pn_quiz_grade (graded, yes);
  g_assert_true (control->graded);
  g_assert_true (control->correct);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quiz-grade/single", test_single);
  g_test_add_func ("/quiz-grade/multiple", test_multiple);
  g_test_add_func ("/quiz-grade/multiple-thirds", test_multiple_thirds);
  g_test_add_func ("/quiz-grade/true-false", test_true_false);
  g_test_add_func ("/quiz-grade/short", test_short);
  g_test_add_func ("/quiz-grade/short-rules", test_short_rules);
  g_test_add_func ("/quiz-grade/one-edit", test_one_edit);
  g_test_add_func ("/quiz-grade/numerical", test_numerical);
  g_test_add_func ("/quiz-grade/matching", test_matching);
  g_test_add_func ("/quiz-grade/ordering", test_ordering);
  g_test_add_func ("/quiz-grade/cloze", test_cloze);
  g_test_add_func ("/quiz-grade/ungraded", test_ungraded);

  return g_test_run ();
}
