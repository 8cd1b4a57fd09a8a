/* pn-flashcard-deck.h: the day's flashcards of a pack
 *
 * The deck of a pack's glossary (term → definition, and the reverse) for one
 * study session: the cards due, learning and relearning ones first, then
 * review ones due by the end of today (local time), by due time, then new
 * cards up to a daily limit (the reverse of an entry is introduced a day after
 * its term → definition card). A card graded into a learning step comes back
 * in the same session when that step is due. Entries without a definition
 * make no cards. Grades are written to the store at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pn-fsrs.h"
#include "pn-glossary.h"
#include "pn-pack.h"
#include "pn-store.h"
#include "pn-store-cards.h"

G_BEGIN_DECLS

#define PN_FLASHCARD_DECK_DEFAULT_NEW_PER_DAY 20

/* The card to study now. */
typedef struct {
  const PnGlossaryEntry *entry;   /* borrowed from the glossary */
  PnCardDirection direction;
  PnFsrsCard fsrs;                /* its state before this review (PN_FSRS_NEW when new) */
} PnFlashcard;

/* What a session did, for its end page. */
typedef struct {
  guint reviewed;                 /* grades given */
  guint by_rating[5];             /* grades given, indexed by PnFsrsRating (1 to 4) */
  guint new_learnt;               /* new cards seen for the first time */
  guint remaining;                /* cards still due in this session */
  gint64 next_due;                /* when the next card is due after the session; 0 when none */
} PnFlashcardSummary;

#define PN_TYPE_FLASHCARD_DECK (pn_flashcard_deck_get_type ())
G_DECLARE_FINAL_TYPE (PnFlashcardDeck, pn_flashcard_deck, PN, FLASHCARD_DECK, GObject)

/* The deck of @pack's glossary (empty without one) at @now. */
PnFlashcardDeck   *pn_flashcard_deck_new              (PnStore            *store,
                                                       PnPack             *pack,
                                                       const PnFsrsParams *params,
                                                       gint64              now);
/* The same from a glossary and a pack id (tests, or a glossary loaded apart). */
PnFlashcardDeck   *pn_flashcard_deck_new_for_glossary (PnStore            *store,
                                                       const char         *pack_id,
                                                       PnGlossary         *glossary,
                                                       const PnFsrsParams *params,
                                                       gint64              now);
/* The daily limit of new cards (default 20); rebuilds the queue. */
void               pn_flashcard_deck_set_new_per_day  (PnFlashcardDeck    *self,
                                                       guint               new_per_day);
/* Rebuilds the queue at @now (a new day, the store changed elsewhere); the
 * session's summary is kept. */
void               pn_flashcard_deck_refresh          (PnFlashcardDeck    *self,
                                                       gint64              now);
/* Cards left in today's session (learning, due reviews, new within the limit):
 * what the sidebar shows. */
guint              pn_flashcard_deck_count_due        (PnFlashcardDeck    *self);
/* Of those, the new cards (the rest were seen before). */
guint              pn_flashcard_deck_count_new        (PnFlashcardDeck    *self);
/* The card to study next, or NULL when the session is over. "Due" is at the
 * deck's time: that of its creation, last grade or last refresh. When only
 * learning cards are left and none is due yet, the earliest of them, with
 * pn_flashcard_deck_get_wait () telling how long until it is due. Valid until
 * the next call on the deck. */
const PnFlashcard *pn_flashcard_deck_next             (PnFlashcardDeck    *self);
/* Seconds from the deck's time until the card pn_flashcard_deck_next () gives
 * is due (0: due now). */
gint64             pn_flashcard_deck_get_wait         (PnFlashcardDeck    *self);
/* Grades the card pn_flashcard_deck_next () gave at @now and records it in the
 * store; FALSE with @error set (and nothing changed) on failure or when there
 * is no card. */
gboolean           pn_flashcard_deck_grade            (PnFlashcardDeck    *self,
                                                       PnFsrsRating        rating,
                                                       gint64              now,
                                                       GError            **error);
void               pn_flashcard_deck_get_summary      (PnFlashcardDeck    *self,
                                                       PnFlashcardSummary *summary);
const PnFsrsParams *pn_flashcard_deck_get_params      (PnFlashcardDeck    *self);
const char        *pn_flashcard_deck_get_pack_id      (PnFlashcardDeck    *self);

G_END_DECLS
