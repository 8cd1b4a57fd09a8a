/* pn-store-cards.h: the student's flashcards (the store's FSRS tables)
 *
 * One row per card the student has seen, keyed by (pack id, glossary entry id,
 * direction), holding its FSRS state, and a log of every review. A card that
 * was never reviewed has no row: it is new. Rows are never deleted when an
 * entry leaves the pack's glossary, so an update of the pack that brings the
 * entry back finds its progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-fsrs.h"
#include "pn-store.h"

G_BEGIN_DECLS

typedef enum {
  PN_CARD_TERM_TO_DEFINITION,   /* shows the term, asks for the definition */
  PN_CARD_DEFINITION_TO_TERM,   /* shows the definition, asks for the term */
} PnCardDirection;

/* A card as stored. */
typedef struct {
  char *entry_id;
  PnCardDirection direction;
  PnFsrsCard fsrs;
  gint64 introduced_at;         /* time of its first review */
} PnStoredCard;

void          pn_stored_card_free            (PnStoredCard *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnStoredCard, pn_stored_card_free)

/* One row of the review log: the grade and the state it left the card in. */
typedef struct {
  PnFsrsRating rating;
  gint64 reviewed_at;
  PnFsrsState state;            /* after the review */
  double stability;             /* after */
  double difficulty;            /* after */
  gint64 due;                   /* after */
  int elapsed_days;             /* whole days since the review before; 0 for the first */
} PnCardReview;

/* The card's stored state in @card; FALSE (and @card a new card due at 0)
 * when it was never reviewed. @introduced_at may be NULL. */
gboolean      pn_store_get_card              (PnStore             *self,
                                              const char          *pack_id,
                                              const char          *entry_id,
                                              PnCardDirection      direction,
                                              PnFsrsCard          *card,
                                              gint64              *introduced_at);
/* Grades the card @rating at @now with @params: reads its state (a new card
 * when none), schedules it, and writes the card and a log row in one
 * transaction; nothing is written on failure. The new state in @card_out
 * (may be NULL). */
gboolean      pn_store_review_card           (PnStore             *self,
                                              const PnFsrsParams  *params,
                                              const char          *pack_id,
                                              const char          *entry_id,
                                              PnCardDirection      direction,
                                              PnFsrsRating         rating,
                                              gint64               now,
                                              PnFsrsCard          *card_out,
                                              GError             **error);
/* Every stored card of the pack (PnStoredCard), entries gone from the
 * glossary included; NULL with @error set on failure. */
GPtrArray    *pn_store_get_cards             (PnStore             *self,
                                              const char          *pack_id,
                                              GError             **error);
/* Stored cards of the pack. */
guint         pn_store_count_cards           (PnStore             *self,
                                              const char          *pack_id);
/* Cards of the pack first reviewed in [@from, @to) (seconds since the epoch):
 * the new cards introduced on a day, for the daily limit. */
guint         pn_store_count_cards_introduced (PnStore            *self,
                                              const char          *pack_id,
                                              gint64               from,
                                              gint64               to);
/* The review log of one card, oldest first (PnCardReview, in a GArray). */
GArray       *pn_store_get_card_reviews      (PnStore             *self,
                                              const char          *pack_id,
                                              const char          *entry_id,
                                              PnCardDirection      direction,
                                              GError             **error);

G_END_DECLS
