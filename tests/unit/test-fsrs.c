/* test-fsrs.c: the FSRS-6 scheduler against py-fsrs, and its learning steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pn-fsrs.h"

#define MINUTE 60
#define DAY 86400
/* 2022-11-29 12:30:00 UTC, the start of py-fsrs's test_review_card. */
#define START G_GINT64_CONSTANT (1669725000)

/* py-fsrs's tests/test_basic.py, test_review_card: Good x6, Again x2, Good x5
 * from 2022-11-29 12:30 UTC, each review at the card's due time, no fuzz; the
 * interval is (due - last review) in whole days.
 *
 * The expected list is the one for the scheduler we follow, py-fsrs
 * fsrs/scheduler.py at commit 06dda32a82004ba32b3f659b32e6f14e3ac2972c (v6,
 * default weights 0.212 ... 0.1542, mean reversion towards the unclamped
 * D0(Easy)): [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21], the vector the
 * same project's ts-fsrs asserts for these weights. An earlier py-fsrs test
 * with the same weights (tests/test_basic.py at commit 120420b7) asserts
 * [0, 2, 11, 46, 163, 497, 0, 0, 2, 4, 7, 12, 20]: that scheduler clamped
 * D0(Easy) to [1, 10] in the mean reversion (with that clamp, this code gives
 * that vector and that test's memory state, S 53.3825 and D 6.3809, too).
 * ts-fsrs 5.4.2 (npm), run on both sequences here with these weights, gives
 * this vector, the final S 20.7704 and D 9.0558, and the memory state
 * S 53.6269, D 6.3464 of /fsrs/memory-state. */
static const PnFsrsRating review_ratings[] = {
  PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD,
  PN_FSRS_AGAIN, PN_FSRS_AGAIN,
  PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD,
};
static const gint64 expected_intervals[] = { 0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21 };

static void
test_review_card (void)
{
  PnFsrsParams params;
  PnFsrsCard card;
  gint64 now = START;

  G_STATIC_ASSERT (G_N_ELEMENTS (review_ratings) == G_N_ELEMENTS (expected_intervals));

  pn_fsrs_params_init (&params);
  g_assert_false (params.enable_fuzz);
  pn_fsrs_card_init (&card, now);

  for (guint i = 0; i < G_N_ELEMENTS (review_ratings); i++)
    {
      gint64 predicted = pn_fsrs_next_due (&params, &card, review_ratings[i], now);

      pn_fsrs_review (&params, &card, review_ratings[i], now);
      g_assert_cmpint (card.last_review, ==, now);
      g_assert_cmpint (card.due, ==, predicted);
      g_test_message ("review %u: %" G_GINT64_FORMAT " days (S %.4f, D %.4f)", i + 1,
                      (card.due - card.last_review) / DAY, card.stability, card.difficulty);
      g_assert_cmpint ((card.due - card.last_review) / DAY, ==, expected_intervals[i]);
      now = card.due;
    }

  g_assert_cmpint (card.reps, ==, 13);
  g_assert_cmpint (card.lapses, ==, 1);
  g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
  g_assert_cmpfloat_with_epsilon (card.stability, 20.7704, 1e-4);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 9.0558, 1e-4);
}

/* py-fsrs's test_memo_state sequence: Again, then Good after 0, 0, 1, 3, 8
 * and 21 days, and Good again the same day. */
static void
test_memory_state (void)
{
  static const PnFsrsRating ratings[] = {
    PN_FSRS_AGAIN, PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD, PN_FSRS_GOOD,
  };
  static const int days[] = { 0, 0, 1, 3, 8, 21 };
  PnFsrsParams params;
  PnFsrsCard card;
  gint64 now = START;

  pn_fsrs_params_init (&params);
  pn_fsrs_card_init (&card, now);
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      now += days[i] * DAY;
      pn_fsrs_review (&params, &card, ratings[i], now);
    }
  pn_fsrs_review (&params, &card, PN_FSRS_GOOD, now);

  g_assert_cmpfloat_with_epsilon (card.stability, 53.6269, 1e-4);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 6.3464, 1e-4);
}

static void
test_weights (void)
{
  static const double expected[PN_FSRS_N_WEIGHTS] = {
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
    1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
  };
  PnFsrsParams params;

  pn_fsrs_params_init (&params);
  for (guint i = 0; i < PN_FSRS_N_WEIGHTS; i++)
    g_assert_cmpfloat (params.w[i], ==, expected[i]);
  g_assert_cmpfloat (params.desired_retention, ==, 0.9);
  g_assert_cmpint (params.n_learning_steps, ==, 2);
  g_assert_cmpint (params.learning_steps[0], ==, 1 * MINUTE);
  g_assert_cmpint (params.learning_steps[1], ==, 10 * MINUTE);
  g_assert_cmpint (params.n_relearning_steps, ==, 1);
  g_assert_cmpint (params.relearning_steps[0], ==, 10 * MINUTE);
  g_assert_cmpint (params.maximum_interval, ==, 36500);
}

static void
review_new (const PnFsrsParams *params,
            PnFsrsRating        rating,
            PnFsrsCard         *card)
{
  pn_fsrs_card_init (card, START);
  g_assert_cmpint (card->state, ==, PN_FSRS_NEW);
  pn_fsrs_review (params, card, rating, START);
}

static void
test_learning_steps (void)
{
  PnFsrsParams params;
  PnFsrsCard card;

  pn_fsrs_params_init (&params);

  /* Again: the first step again, in 1 minute. */
  review_new (&params, PN_FSRS_AGAIN, &card);
  g_assert_cmpint (card.state, ==, PN_FSRS_LEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due - START, ==, 1 * MINUTE);
  g_assert_cmpfloat (card.stability, ==, params.w[0]);

  /* Hard on the first step: the mean of the first two steps, 5.5 minutes. */
  review_new (&params, PN_FSRS_HARD, &card);
  g_assert_cmpint (card.state, ==, PN_FSRS_LEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due - START, ==, 330);
  g_assert_cmpfloat (card.stability, ==, params.w[1]);

  /* Good: the next step, 10 minutes; Good on the last step: review, in days. */
  review_new (&params, PN_FSRS_GOOD, &card);
  g_assert_cmpint (card.state, ==, PN_FSRS_LEARNING);
  g_assert_cmpint (card.step, ==, 1);
  g_assert_cmpint (card.due - START, ==, 10 * MINUTE);
  {
    gint64 then = card.due;

    /* Hard on a later step repeats it. */
    PnFsrsCard hard = card;
    pn_fsrs_review (&params, &hard, PN_FSRS_HARD, then);
    g_assert_cmpint (hard.state, ==, PN_FSRS_LEARNING);
    g_assert_cmpint (hard.step, ==, 1);
    g_assert_cmpint (hard.due - then, ==, 10 * MINUTE);

    pn_fsrs_review (&params, &card, PN_FSRS_GOOD, then);
    g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
    g_assert_cmpint (card.step, ==, 0);
    g_assert_cmpint ((card.due - then) % DAY, ==, 0);
    g_assert_cmpint (card.due - then, >=, DAY);
    g_assert_cmpint ((card.due - then) / DAY, ==, pn_fsrs_interval_days (&params, card.stability));
  }

  /* Easy: straight to review, at least a day, from S0(Easy) = w3. */
  review_new (&params, PN_FSRS_EASY, &card);
  g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
  g_assert_cmpfloat (card.stability, ==, params.w[3]);
  g_assert_cmpint ((card.due - START) / DAY, ==, 8);   /* round (8.2956) */
  g_assert_cmpint (card.reps, ==, 1);

  /* Initial difficulty: D0(G) = w4 - e^(w5 (G - 1)) + 1, clamped to [1, 10]. */
  review_new (&params, PN_FSRS_AGAIN, &card);
  g_assert_cmpfloat_with_epsilon (card.difficulty, params.w[4], 1e-12);
  review_new (&params, PN_FSRS_GOOD, &card);
  g_assert_cmpfloat_with_epsilon (card.difficulty, params.w[4] - exp (2 * params.w[5]) + 1, 1e-12);
  review_new (&params, PN_FSRS_EASY, &card);
  g_assert_cmpfloat (card.difficulty, ==, 1.0);
}

static PnFsrsCard
card_in_review (const PnFsrsParams *params,
                gint64             *now)
{
  PnFsrsCard card;

  pn_fsrs_card_init (&card, START);
  pn_fsrs_review (params, &card, PN_FSRS_GOOD, START);
  pn_fsrs_review (params, &card, PN_FSRS_GOOD, card.due);
  g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
  *now = card.due;

  return card;
}

static void
test_relearning (void)
{
  PnFsrsParams params;
  gint64 now;
  PnFsrsCard card;
  double before;

  pn_fsrs_params_init (&params);
  card = card_in_review (&params, &now);
  before = card.stability;

  /* Forgotten: relearning, 10 minutes, lower stability, one lapse. */
  pn_fsrs_review (&params, &card, PN_FSRS_AGAIN, now);
  g_assert_cmpint (card.state, ==, PN_FSRS_RELEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due - now, ==, 10 * MINUTE);
  g_assert_cmpint (card.lapses, ==, 1);
  g_assert_cmpfloat (card.stability, <, before);

  /* Hard on the only relearning step: 1.5 times it. */
  {
    PnFsrsCard hard = card;

    pn_fsrs_review (&params, &hard, PN_FSRS_HARD, card.due);
    g_assert_cmpint (hard.state, ==, PN_FSRS_RELEARNING);
    g_assert_cmpint (hard.due - card.due, ==, 15 * MINUTE);
  }

  /* Good on it: back to review, in days. */
  now = card.due;
  pn_fsrs_review (&params, &card, PN_FSRS_GOOD, now);
  g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
  g_assert_cmpint (card.due - now, >=, DAY);
}

/* Same-day reviews use the short-term formula S' = S e^(w17 (G - 3 + w18)) S^-w19,
 * never less than S for Good and Easy. */
static void
test_same_day (void)
{
  PnFsrsParams params;
  PnFsrsCard card;
  double s;

  pn_fsrs_params_init (&params);
  review_new (&params, PN_FSRS_AGAIN, &card);
  s = card.stability;
  pn_fsrs_review (&params, &card, PN_FSRS_GOOD, card.due);
  g_assert_cmpfloat_with_epsilon (card.stability,
                                  s * MAX (1.0, exp (params.w[17] * params.w[18]) * pow (s, -params.w[19])),
                                  1e-12);
  s = card.stability;
  pn_fsrs_review (&params, &card, PN_FSRS_AGAIN, card.due);
  g_assert_cmpfloat_with_epsilon (card.stability,
                                  s * exp (params.w[17] * (-2 + params.w[18])) * pow (s, -params.w[19]),
                                  1e-12);
}

static void
test_retrievability (void)
{
  PnFsrsParams params;
  PnFsrsCard card;
  gint64 now;
  double factor;
  double r;

  pn_fsrs_params_init (&params);
  pn_fsrs_card_init (&card, START);
  g_assert_cmpfloat (pn_fsrs_retrievability (&params, &card, START + DAY), ==, 0.0);

  card = card_in_review (&params, &now);
  /* Just reviewed: certain recall. */
  g_assert_cmpfloat_with_epsilon (pn_fsrs_retrievability (&params, &card, card.last_review), 1.0, 1e-12);

  /* After S days, 90 % whatever S; in whole days, decreasing. */
  card.stability = 10;
  g_assert_cmpfloat_with_epsilon (pn_fsrs_retrievability (&params, &card, card.last_review + 10 * DAY), 0.9, 1e-9);
  factor = pow (0.9, 1.0 / -params.w[20]) - 1;
  r = pow (1 + factor * 3 / 10.0, -params.w[20]);
  g_assert_cmpfloat_with_epsilon (pn_fsrs_retrievability (&params, &card, card.last_review + 3 * DAY + 3600), r,
                                  1e-12);
  g_assert_cmpfloat (pn_fsrs_retrievability (&params, &card, card.last_review + 30 * DAY), <, 0.9);
  g_assert_cmpfloat (pn_fsrs_retrievability (&params, &card, card.last_review + 30 * DAY), >, 0.0);
}

static void
test_desired_retention (void)
{
  PnFsrsParams params;

  pn_fsrs_params_init (&params);

  /* At 0.9 the interval is the stability itself. */
  g_assert_cmpint (pn_fsrs_interval_days (&params, 10.0), ==, 10);
  g_assert_cmpint (pn_fsrs_interval_days (&params, 100.4), ==, 100);
  g_assert_cmpint (pn_fsrs_interval_days (&params, 0.2), ==, 1);           /* at least a day */
  g_assert_cmpint (pn_fsrs_interval_days (&params, 1e9), ==, 36500);       /* at most 100 years */

  /* Higher retention: shorter intervals; lower: longer. */
  params.desired_retention = 0.97;
  g_assert_cmpint (pn_fsrs_interval_days (&params, 100.0), <, 100);
  g_assert_cmpint (pn_fsrs_interval_days (&params, 100.0), >, 10);
  params.desired_retention = 0.70;
  g_assert_cmpint (pn_fsrs_interval_days (&params, 100.0), >, 100);

  /* And a whole schedule follows: Easy on a new card gives round (w3) days at
   * 0.9, fewer at 0.97. */
  {
    PnFsrsCard card;

    params.desired_retention = 0.97;
    review_new (&params, PN_FSRS_EASY, &card);
    g_assert_cmpint ((card.due - START) / DAY, <, 8);
    g_assert_cmpint ((card.due - START) / DAY, >=, 1);
  }

  /* Nonsense retention does not give nonsense intervals. */
  params.desired_retention = 1.5;
  g_assert_cmpint (pn_fsrs_interval_days (&params, 10.0), >=, 1);
  params.desired_retention = NAN;
  g_assert_cmpint (pn_fsrs_interval_days (&params, 10.0), ==, 10);
}

/* What the buttons show is what the grade gives, fuzz or not. */
static void
test_next_due (void)
{
  PnFsrsParams params;
  gint64 now;
  PnFsrsCard card;

  pn_fsrs_params_init (&params);
  params.enable_fuzz = TRUE;
  card = card_in_review (&params, &now);
  now += 20 * DAY;

  for (PnFsrsRating rating = PN_FSRS_AGAIN; rating <= PN_FSRS_EASY; rating++)
    {
      PnFsrsCard copy = card;
      gint64 predicted = pn_fsrs_next_due (&params, &card, rating, now);

      pn_fsrs_review (&params, &copy, rating, now);
      g_assert_cmpint (copy.due, ==, predicted);
    }
  g_assert_cmpint (pn_fsrs_next_due (&params, &card, PN_FSRS_HARD, now), <=,
                   pn_fsrs_next_due (&params, &card, PN_FSRS_GOOD, now));
  g_assert_cmpint (pn_fsrs_next_due (&params, &card, PN_FSRS_GOOD, now), <,
                   pn_fsrs_next_due (&params, &card, PN_FSRS_EASY, now));
}

/* Fuzz spreads long intervals by a few days only, and never short ones. */
static void
test_fuzz (void)
{
  PnFsrsParams plain;
  PnFsrsParams fuzzed;
  guint differ = 0;

  pn_fsrs_params_init (&plain);
  fuzzed = plain;
  fuzzed.enable_fuzz = TRUE;

  for (int i = 0; i < 50; i++)
    {
      PnFsrsCard card;
      gint64 now = START + i * 7919;
      gint64 a, b;

      pn_fsrs_card_init (&card, now);
      card.state = PN_FSRS_REVIEW;
      card.stability = 30;
      card.difficulty = 5;
      card.last_review = now - 30 * DAY;
      card.reps = i;
      a = (pn_fsrs_next_due (&plain, &card, PN_FSRS_GOOD, now) - now) / DAY;
      b = (pn_fsrs_next_due (&fuzzed, &card, PN_FSRS_GOOD, now) - now) / DAY;
      g_assert_cmpint (ABS (a - b), <=, MAX (2, a / 10));
      differ += a != b;

      /* A same-day Hard on a young card: a day, not fuzzed. */
      card.stability = 1.2;
      card.last_review = now - 3600;
      g_assert_cmpint (pn_fsrs_next_due (&plain, &card, PN_FSRS_HARD, now) - now, ==, DAY);
      g_assert_cmpint (pn_fsrs_next_due (&plain, &card, PN_FSRS_HARD, now), ==,
                       pn_fsrs_next_due (&fuzzed, &card, PN_FSRS_HARD, now));
    }
  g_assert_cmpuint (differ, >, 0);
}

/* Whatever the grades and the times of review (early, late, years late), the
 * state stays in range, and in review Again < Hard <= Good <= Easy. */
static void
test_invariants (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  PnFsrsParams params;
  guint reviews_checked = 0;

  pn_fsrs_params_init (&params);
  for (int run = 0; run < 300; run++)
    {
      PnFsrsCard card;
      gint64 now = START + g_rand_int_range (rand, 0, DAY);

      params.desired_retention = g_rand_double_range (rand, 0.70, 0.97);
      pn_fsrs_card_init (&card, now);
      for (int i = 0; i < 30; i++)
        {
          PnFsrsRating rating = (PnFsrsRating) g_rand_int_range (rand, PN_FSRS_AGAIN, PN_FSRS_EASY + 1);
          PnFsrsState before = card.state;

          if (card.state == PN_FSRS_REVIEW && now > card.last_review)
            {
              gint64 due[5];

              for (PnFsrsRating r = PN_FSRS_AGAIN; r <= PN_FSRS_EASY; r++)
                due[r] = pn_fsrs_next_due (&params, &card, r, now);
              g_assert_cmpint (due[PN_FSRS_AGAIN], <, due[PN_FSRS_HARD]);
              g_assert_cmpint (due[PN_FSRS_HARD], <=, due[PN_FSRS_GOOD]);
              g_assert_cmpint (due[PN_FSRS_GOOD], <=, due[PN_FSRS_EASY]);
              reviews_checked++;
            }

          pn_fsrs_review (&params, &card, rating, now);
          g_assert_true (isfinite (card.stability));
          g_assert_cmpfloat (card.stability, >=, 0.001);
          g_assert_cmpfloat (card.difficulty, >=, 1.0);
          g_assert_cmpfloat (card.difficulty, <=, 10.0);
          g_assert_cmpint (card.due, >=, now + MINUTE);
          g_assert_cmpint (card.due, <=, now + (gint64) PN_FSRS_MAX_INTERVAL * DAY);
          g_assert_cmpint (card.last_review, ==, now);
          g_assert_cmpint (card.state, !=, PN_FSRS_NEW);
          if (card.state == PN_FSRS_REVIEW)
            g_assert_cmpint ((card.due - now) % DAY, ==, 0);
          if (before == PN_FSRS_REVIEW && rating == PN_FSRS_AGAIN)
            g_assert_cmpint (card.state, ==, PN_FSRS_RELEARNING);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:  now = card.due; break;
            case 1:  now += g_rand_int_range (rand, 1, 600); break;                       /* early */
            case 2:  now = card.due + g_rand_int_range (rand, 0, 30 * DAY); break;       /* late */
            default: now = card.due + (gint64) g_rand_int_range (rand, 1, 20) * 365 * DAY; break;
            }
        }
    }
  g_assert_cmpuint (reviews_checked, >, 1000);
}

/* Cards read back from a damaged database still schedule sensibly. */
static void
test_bad_state (void)
{
  PnFsrsParams params;
  PnFsrsCard card;

  pn_fsrs_params_init (&params);
  pn_fsrs_card_init (&card, START);
  card.state = PN_FSRS_REVIEW;
  card.stability = NAN;
  card.difficulty = 99;
  card.last_review = START - 5 * DAY;
  card.step = -4;
  pn_fsrs_review (&params, &card, PN_FSRS_GOOD, START);
  g_assert_true (isfinite (card.stability) && card.stability > 0);
  g_assert_cmpfloat (card.difficulty, <=, 10.0);
  g_assert_cmpint (card.due, >, START);

  pn_fsrs_card_init (&card, START);
  card.state = PN_FSRS_LEARNING;
  card.step = 7;       /* beyond the steps: graduates */
  card.stability = 3;
  card.difficulty = 5;
  card.last_review = START - 60;
  pn_fsrs_review (&params, &card, PN_FSRS_GOOD, START);
  g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fsrs/review-card", test_review_card);
  g_test_add_func ("/fsrs/memory-state", test_memory_state);
  g_test_add_func ("/fsrs/weights", test_weights);
  g_test_add_func ("/fsrs/learning-steps", test_learning_steps);
  g_test_add_func ("/fsrs/relearning", test_relearning);
  g_test_add_func ("/fsrs/same-day", test_same_day);
  g_test_add_func ("/fsrs/retrievability", test_retrievability);
  g_test_add_func ("/fsrs/desired-retention", test_desired_retention);
  g_test_add_func ("/fsrs/next-due", test_next_due);
  g_test_add_func ("/fsrs/fuzz", test_fuzz);
  g_test_add_func ("/fsrs/invariants", test_invariants);
  g_test_add_func ("/fsrs/bad-state", test_bad_state);

  return g_test_run ();
}
