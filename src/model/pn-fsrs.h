/* pn-fsrs.h: the FSRS-6 spaced-repetition scheduler (plain C, no GObject)
 *
 * Free Spaced Repetition Scheduler, version 6, with its published default
 * parameters, learning steps of 1 and 10 minutes and a relearning step of 10
 * minutes, as py-fsrs schedules a card (see pn-fsrs.c for the formulas and the
 * version they follow). Times are seconds since the epoch, UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PN_FSRS_AGAIN = 1,
  PN_FSRS_HARD,
  PN_FSRS_GOOD,
  PN_FSRS_EASY,
} PnFsrsRating;

typedef enum {
  PN_FSRS_NEW,          /* never reviewed */
  PN_FSRS_LEARNING,     /* in the learning steps (minutes) */
  PN_FSRS_REVIEW,       /* scheduled in days */
  PN_FSRS_RELEARNING,   /* forgotten, in the relearning steps */
} PnFsrsState;

typedef struct {
  PnFsrsState state;
  int step;             /* index in the (re)learning steps; 0 otherwise */
  double stability;     /* days until retrievability falls to 90 %; 0 when new */
  double difficulty;    /* 1 (easy) to 10 (hard); 0 when new */
  gint64 due;
  gint64 last_review;   /* 0 when never reviewed */
  int reps;             /* reviews so far */
  int lapses;           /* times forgotten once in review */
} PnFsrsCard;

#define PN_FSRS_N_WEIGHTS     21
#define PN_FSRS_MAX_STEPS     8
#define PN_FSRS_MAX_INTERVAL  36500   /* days */

typedef struct {
  double w[PN_FSRS_N_WEIGHTS];
  double desired_retention;                   /* probability of recall when due, (0, 1) */
  int learning_steps[PN_FSRS_MAX_STEPS];      /* seconds */
  int n_learning_steps;
  int relearning_steps[PN_FSRS_MAX_STEPS];    /* seconds */
  int n_relearning_steps;
  int maximum_interval;                       /* days, at most PN_FSRS_MAX_INTERVAL */
  gboolean enable_fuzz;                       /* spread review intervals of 3 days or more a little */
} PnFsrsParams;

/* FSRS-6 defaults: the 21 default weights, retention 0.90, steps 1 min and
 * 10 min, relearning 10 min, maximum interval 36500 days, no fuzz. */
void    pn_fsrs_params_init      (PnFsrsParams       *p);
/* A new card, due at @now. */
void    pn_fsrs_card_init        (PnFsrsCard         *card,
                                  gint64              now);
/* Applies a review graded @rating at @now to @card. */
void    pn_fsrs_review           (const PnFsrsParams *p,
                                  PnFsrsCard         *card,
                                  PnFsrsRating        rating,
                                  gint64              now);
/* The probability of recalling @card at @now; 0 for a new card. */
double  pn_fsrs_retrievability   (const PnFsrsParams *p,
                                  const PnFsrsCard   *card,
                                  gint64              now);
/* When @card would be due if graded @rating at @now (for the buttons'
 * « 10 min », « 3 j »); @card is not changed. */
gint64  pn_fsrs_next_due         (const PnFsrsParams *p,
                                  const PnFsrsCard   *card,
                                  PnFsrsRating        rating,
                                  gint64              now);
/* The review interval in days for @stability at the desired retention,
 * rounded, within [1, maximum_interval] (without fuzz). */
int     pn_fsrs_interval_days    (const PnFsrsParams *p,
                                  double              stability);

G_END_DECLS
