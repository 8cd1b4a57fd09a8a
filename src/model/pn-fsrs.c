/* pn-fsrs.c: the FSRS-6 spaced-repetition scheduler
 *
 * The model and its scheduling follow py-fsrs (open-spaced-repetition/py-fsrs,
 * MIT) as of version 6 with the default weights below: fsrs/scheduler.py at
 * commit 06dda32a82004ba32b3f659b32e6f14e3ac2972c. The formulas are the
 * published FSRS-6 ones; this code is written from them.
 *
 * With grades G in 1..4, DECAY = -w20 and FACTOR = 0.9^(1/DECAY) - 1:
 *   retrievability after t whole days  R = (1 + FACTOR t / S)^DECAY
 *   interval for retention r           I = S / FACTOR (r^(1/DECAY) - 1)
 *   first review                       S0 = w[G-1], D0 = w4 - e^(w5 (G-1)) + 1
 *   difficulty                         D' = w7 D0(Easy) + (1 - w7) (D + (10 - D) (-w6 (G-3)) / 9)
 *   recall (G >= 2)                    S' = S (1 + e^w8 (11 - D) S^-w9 (e^(w10 (1-R)) - 1) hard easy)
 *   lapse (G = 1)                      S' = min (w11 D^-w12 ((S+1)^w13 - 1) e^(w14 (1-R)), S / e^(w17 w18))
 *   same day (t < 1 day)               S' = S e^(w17 (G - 3 + w18)) S^-w19, the factor >= 1 when G >= 3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pn-fsrs.h"

#define SECONDS_PER_DAY 86400
#define STABILITY_MIN 0.001
#define DIFFICULTY_MIN 1.0
#define DIFFICULTY_MAX 10.0

/* FSRS-6 defaults, medians of the weights fitted to about 10,000 collections. */
static const double default_weights[PN_FSRS_N_WEIGHTS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

void
pn_fsrs_params_init (PnFsrsParams *p)
{
  g_return_if_fail (p != NULL);

  memset (p, 0, sizeof *p);
  memcpy (p->w, default_weights, sizeof default_weights);
  p->desired_retention = 0.9;
  p->learning_steps[0] = 60;
  p->learning_steps[1] = 10 * 60;
  p->n_learning_steps = 2;
  p->relearning_steps[0] = 10 * 60;
  p->n_relearning_steps = 1;
  p->maximum_interval = PN_FSRS_MAX_INTERVAL;
  p->enable_fuzz = FALSE;
}

void
pn_fsrs_card_init (PnFsrsCard *card,
                   gint64      now)
{
  g_return_if_fail (card != NULL);

  memset (card, 0, sizeof *card);
  card->state = PN_FSRS_NEW;
  card->due = now;
}

/* Whole days from @from to @to, rounded down (as a Python timedelta's days). */
static gint64
whole_days (gint64 from,
            gint64 to)
{
  gint64 seconds = to - from;
  gint64 days = seconds / SECONDS_PER_DAY;

  if (seconds % SECONDS_PER_DAY != 0 && seconds < 0)
    days--;

  return days;
}

static double
decay (const PnFsrsParams *p)
{
  return -p->w[20];
}

static double
factor (const PnFsrsParams *p)
{
  return pow (0.9, 1.0 / decay (p)) - 1.0;
}

static double
clamp_stability (double stability)
{
  return isfinite (stability) ? MAX (stability, STABILITY_MIN) : STABILITY_MIN;
}

static double
clamp_difficulty (double difficulty)
{
  return isfinite (difficulty) ? CLAMP (difficulty, DIFFICULTY_MIN, DIFFICULTY_MAX) : DIFFICULTY_MAX;
}

static double
retention (const PnFsrsParams *p)
{
  /* A retention outside (0, 1) has no interval; keep within what makes sense. */
  return isfinite (p->desired_retention) ? CLAMP (p->desired_retention, 0.01, 0.99) : 0.9;
}

static double
initial_difficulty (const PnFsrsParams *p,
                    PnFsrsRating        rating)
{
  return p->w[4] - exp (p->w[5] * ((int) rating - 1)) + 1.0;
}

static double
next_difficulty (const PnFsrsParams *p,
                 double              difficulty,
                 PnFsrsRating        rating)
{
  double delta = -p->w[6] * ((int) rating - 3);
  double damped = difficulty + (10.0 - difficulty) * delta / 9.0;

  /* Mean reversion towards the (unclamped) initial difficulty of Easy. */
  return clamp_difficulty (p->w[7] * initial_difficulty (p, PN_FSRS_EASY) + (1.0 - p->w[7]) * damped);
}

static double
short_term_stability (const PnFsrsParams *p,
                      double              stability,
                      PnFsrsRating        rating)
{
  double increase = exp (p->w[17] * ((int) rating - 3 + p->w[18])) * pow (stability, -p->w[19]);

  if (rating >= PN_FSRS_GOOD)
    increase = MAX (increase, 1.0);

  return clamp_stability (stability * increase);
}

static double
next_stability (const PnFsrsParams *p,
                double              difficulty,
                double              stability,
                double              r,
                PnFsrsRating        rating)
{
  double next;

  if (rating == PN_FSRS_AGAIN)
    {
      double long_term = p->w[11] * pow (difficulty, -p->w[12]) *
                         (pow (stability + 1.0, p->w[13]) - 1.0) * exp ((1.0 - r) * p->w[14]);
      double short_term = stability / exp (p->w[17] * p->w[18]);

      next = MIN (long_term, short_term);
    }
  else
    {
      double hard = rating == PN_FSRS_HARD ? p->w[15] : 1.0;
      double easy = rating == PN_FSRS_EASY ? p->w[16] : 1.0;

      next = stability * (1.0 + exp (p->w[8]) * (11.0 - difficulty) * pow (stability, -p->w[9]) *
                          (exp ((1.0 - r) * p->w[10]) - 1.0) * hard * easy);
    }

  return clamp_stability (next);
}

int
pn_fsrs_interval_days (const PnFsrsParams *p,
                       double              stability)
{
  double days;
  int maximum;

  g_return_val_if_fail (p != NULL, 1);

  maximum = p->maximum_interval > 0 ? MIN (p->maximum_interval, PN_FSRS_MAX_INTERVAL) : PN_FSRS_MAX_INTERVAL;
  days = clamp_stability (stability) / factor (p) * (pow (retention (p), 1.0 / decay (p)) - 1.0);
  if (!isfinite (days))
    return maximum;

  /* Whole days, halves to even as py-fsrs's round (). */
  days = nearbyint (days);

  return (int) CLAMP (days, 1.0, (double) maximum);
}

double
pn_fsrs_retrievability (const PnFsrsParams *p,
                        const PnFsrsCard   *card,
                        gint64              now)
{
  gint64 elapsed;

  g_return_val_if_fail (p != NULL && card != NULL, 0);

  if (card->state == PN_FSRS_NEW || card->last_review == 0)
    return 0;

  elapsed = MAX (0, whole_days (card->last_review, now));

  return pow (1.0 + factor (p) * (double) elapsed / clamp_stability (card->stability), decay (p));
}

/* A few days either way on long intervals, as py-fsrs's fuzz ranges, drawn
 * from the card's own history so that the same review always gives the same
 * interval (pn_fsrs_next_due then shows what the grade will give). */
static int
fuzz_interval (const PnFsrsParams *p,
               const PnFsrsCard   *card,
               gint64              now,
               int                 days)
{
  static const struct { double start, end, factor; } ranges[] = {
    { 2.5, 7.0, 0.15 },
    { 7.0, 20.0, 0.1 },
    { 20.0, INFINITY, 0.05 },
  };
  double delta = 1.0;
  int low, high;
  guint32 hash;

  if (days < 3)
    return days;

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    delta += ranges[i].factor * MAX (MIN ((double) days, ranges[i].end) - ranges[i].start, 0.0);

  high = MIN ((int) nearbyint (days + delta), p->maximum_interval);
  low = MIN (MAX (2, (int) nearbyint (days - delta)), high);

  hash = (guint32) (now ^ (now >> 32)) * 2654435761u ^ (guint32) card->reps * 40503u;

  return low + (int) (hash % (guint32) (high - low + 1));
}

static void
learning_step (const PnFsrsParams *p,
               PnFsrsCard         *card,
               PnFsrsRating        rating,
               const int          *steps,
               int                 n_steps,
               gint64             *interval)
{
  gboolean to_review;

  /* No steps, or a step beyond them (the steps were shortened): graduate. */
  to_review = n_steps == 0 || (card->step >= n_steps && rating != PN_FSRS_AGAIN);

  if (!to_review)
    {
      switch (rating)
        {
        case PN_FSRS_AGAIN:
          card->step = 0;
          *interval = steps[0];
          return;
        case PN_FSRS_HARD:
          if (card->step == 0 && n_steps == 1)
            *interval = steps[0] * 3 / 2;
          else if (card->step == 0)
            *interval = (steps[0] + steps[1]) / 2;
          else
            *interval = steps[MIN (card->step, n_steps - 1)];
          return;
        case PN_FSRS_GOOD:
          if (card->step + 1 < n_steps)
            {
              card->step++;
              *interval = steps[card->step];
              return;
            }
          break;
        case PN_FSRS_EASY:
        default:
          break;
        }
    }

  card->state = PN_FSRS_REVIEW;
  card->step = 0;
  *interval = (gint64) pn_fsrs_interval_days (p, card->stability) * SECONDS_PER_DAY;
}

void
pn_fsrs_review (const PnFsrsParams *p,
                PnFsrsCard         *card,
                PnFsrsRating        rating,
                gint64              now)
{
  gint64 interval = 0;
  gboolean first;
  gboolean same_day;

  g_return_if_fail (p != NULL && card != NULL);
  g_return_if_fail (rating >= PN_FSRS_AGAIN && rating <= PN_FSRS_EASY);

  first = card->state == PN_FSRS_NEW || card->last_review == 0;
  same_day = !first && whole_days (card->last_review, now) < 1;

  if (first)
    {
      card->state = PN_FSRS_LEARNING;
      card->step = 0;
      card->stability = clamp_stability (p->w[(int) rating - 1]);
      card->difficulty = clamp_difficulty (initial_difficulty (p, rating));
    }
  else
    {
      double stability = clamp_stability (card->stability);
      double difficulty = clamp_difficulty (card->difficulty);

      if (same_day)
        card->stability = short_term_stability (p, stability, rating);
      else
        card->stability = next_stability (p, difficulty, stability,
                                          pn_fsrs_retrievability (p, card, now), rating);
      card->difficulty = next_difficulty (p, difficulty, rating);
    }

  card->step = MAX (card->step, 0);

  switch (card->state)
    {
    case PN_FSRS_LEARNING:
      learning_step (p, card, rating, p->learning_steps, CLAMP (p->n_learning_steps, 0, PN_FSRS_MAX_STEPS),
                     &interval);
      break;
    case PN_FSRS_RELEARNING:
      learning_step (p, card, rating, p->relearning_steps, CLAMP (p->n_relearning_steps, 0, PN_FSRS_MAX_STEPS),
                     &interval);
      break;
    case PN_FSRS_REVIEW:
    case PN_FSRS_NEW:
    default:
      card->state = PN_FSRS_REVIEW;
      if (rating == PN_FSRS_AGAIN)
        card->lapses++;
      if (rating == PN_FSRS_AGAIN && p->n_relearning_steps > 0)
        {
          card->state = PN_FSRS_RELEARNING;
          card->step = 0;
          interval = p->relearning_steps[0];
        }
      else
        {
          card->step = 0;
          interval = (gint64) pn_fsrs_interval_days (p, card->stability) * SECONDS_PER_DAY;
        }
      break;
    }

  if (p->enable_fuzz && card->state == PN_FSRS_REVIEW)
    interval = (gint64) fuzz_interval (p, card, now, (int) (interval / SECONDS_PER_DAY)) * SECONDS_PER_DAY;

  card->due = now + interval;
  card->last_review = now;
  card->reps++;
}

gint64
pn_fsrs_next_due (const PnFsrsParams *p,
                  const PnFsrsCard   *card,
                  PnFsrsRating        rating,
                  gint64              now)
{
  PnFsrsCard copy;

  g_return_val_if_fail (p != NULL && card != NULL, now);

  copy = *card;
  pn_fsrs_review (p, &copy, rating, now);

  return copy.due;
}
