/* pn-flashcard-deck.c: the day's flashcards of a pack
 *
 * The queue is built from the glossary (which cards exist) and the store
 * (their state): three lists, each in study order:
 *   learning  cards in their learning or relearning steps, by due time;
 *   reviews   review cards due by the end of today (local time), by due time;
 *   fresh     new cards within the daily limit, in glossary order.
 * The next card is the first learning card already due, else the first
 * review, else the first new card, else the learning card due soonest (the
 * caller is told how long to wait). A graded card leaves its list; if it is
 * in a (re)learning step it goes back into the learning list at its due time.
 *
 * The reverse card of an entry (definition → term) is new only once its
 * term → definition card was introduced on an earlier day, so that a student
 * never meets both sides of a new entry on the same day (as Anki buries
 * siblings).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "pn-flashcard-deck.h"

#define SECONDS_PER_DAY 86400

struct _PnFlashcardDeck {
  GObject parent_instance;

  PnStore *store;
  PnPack *pack;                 /* may be NULL */
  PnGlossary *glossary;         /* may be NULL: no cards */
  char *pack_id;
  PnFsrsParams params;
  guint new_per_day;
  gint64 now;                   /* of the last build or grade */

  GArray *learning;             /* of PnFlashcard */
  GArray *reviews;
  GArray *fresh;
  GHashTable *states;           /* card key -> PnFsrsCard, every known card of the deck */
  gboolean new_waiting;         /* new cards held back by the limit or for their sibling */

  GArray *current_list;         /* where the current card is; NULL when none */
  guint current_index;
  PnFlashcard current;

  PnFlashcardSummary summary;
};

G_DEFINE_FINAL_TYPE (PnFlashcardDeck, pn_flashcard_deck, G_TYPE_OBJECT)

static void
pn_flashcard_deck_finalize (GObject *object)
{
  PnFlashcardDeck *self = PN_FLASHCARD_DECK (object);

  g_clear_object (&self->store);
  g_clear_object (&self->pack);
  g_clear_object (&self->glossary);
  g_free (self->pack_id);
  g_array_unref (self->learning);
  g_array_unref (self->reviews);
  g_array_unref (self->fresh);
  g_hash_table_unref (self->states);

  G_OBJECT_CLASS (pn_flashcard_deck_parent_class)->finalize (object);
}

static void
pn_flashcard_deck_class_init (PnFlashcardDeckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_flashcard_deck_finalize;
}

static void
pn_flashcard_deck_init (PnFlashcardDeck *self)
{
  self->learning = g_array_new (FALSE, TRUE, sizeof (PnFlashcard));
  self->reviews = g_array_new (FALSE, TRUE, sizeof (PnFlashcard));
  self->fresh = g_array_new (FALSE, TRUE, sizeof (PnFlashcard));
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->new_per_day = PN_FLASHCARD_DECK_DEFAULT_NEW_PER_DAY;
}

static char *
card_key (const char      *entry_id,
          PnCardDirection  direction)
{
  return g_strdup_printf ("%d:%s", (int) direction, entry_id);
}

/* Midnight at the start of the local day holding @now, and the next one. */
static void
local_day (gint64  now,
           gint64 *start,
           gint64 *end)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;

  if (moment != NULL)
    midnight = g_date_time_new_local (g_date_time_get_year (moment), g_date_time_get_month (moment),
                                      g_date_time_get_day_of_month (moment), 0, 0, 0);
  if (midnight != NULL)
    next = g_date_time_add_days (midnight, 1);

  if (next == NULL)
    {
      /* Out of GDateTime's range: UTC days will do. */
      *start = now - (((now % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY);
      *end = *start + SECONDS_PER_DAY;
      return;
    }

  *start = g_date_time_to_unix (midnight);
  *end = g_date_time_to_unix (next);
}

static gboolean
has_definition (const PnGlossaryEntry *entry)
{
  if (entry->definition == NULL)
    return FALSE;

  for (const char *c = entry->definition; *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return TRUE;

  return FALSE;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const PnFlashcard *x = a;
  const PnFlashcard *y = b;

  return (x->fsrs.due > y->fsrs.due) - (x->fsrs.due < y->fsrs.due);
}

static void
clear_current (PnFlashcardDeck *self)
{
  self->current_list = NULL;
  self->current_index = 0;
  memset (&self->current, 0, sizeof self->current);
}

/* Adds the card of @entry in @direction, stored as @stored, to the list it
 * belongs in today (none when it is not due today). */
static void
place_known (PnFlashcardDeck       *self,
             const PnGlossaryEntry *entry,
             PnCardDirection        direction,
             const PnStoredCard    *stored,
             gint64                 end_of_today)
{
  PnFlashcard card = { entry, direction, stored->fsrs };

  g_hash_table_insert (self->states, card_key (entry->id, direction), g_memdup2 (&stored->fsrs, sizeof stored->fsrs));

  switch (stored->fsrs.state)
    {
    case PN_FSRS_LEARNING:
    case PN_FSRS_RELEARNING:
      g_array_append_val (self->learning, card);
      break;
    case PN_FSRS_REVIEW:
      if (stored->fsrs.due < end_of_today)
        g_array_append_val (self->reviews, card);
      break;
    case PN_FSRS_NEW:
    default:
      g_array_append_val (self->fresh, card);
      break;
    }
}

static void
build (PnFlashcardDeck *self,
       gint64           now)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;
  gint64 start_of_today, end_of_today;
  guint introduced_today;
  guint allowed;

  g_array_set_size (self->learning, 0);
  g_array_set_size (self->reviews, 0);
  g_array_set_size (self->fresh, 0);
  g_hash_table_remove_all (self->states);
  clear_current (self);
  self->new_waiting = FALSE;
  self->now = now;

  if (self->glossary == NULL)
    return;

  stored = pn_store_get_cards (self->store, self->pack_id, &error);
  if (stored == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  for (guint i = 0; i < stored->len; i++)
    {
      PnStoredCard *card = g_ptr_array_index (stored, i);

      g_hash_table_insert (by_key, card_key (card->entry_id, card->direction), card);
    }

  local_day (now, &start_of_today, &end_of_today);
  introduced_today = pn_store_count_cards_introduced (self->store, self->pack_id, start_of_today, end_of_today);
  allowed = self->new_per_day > introduced_today ? self->new_per_day - introduced_today : 0;

  entries = pn_glossary_get_entries (self->glossary);
  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *forward_key = NULL;
      g_autofree char *reverse_key = NULL;
      const PnStoredCard *forward;
      const PnStoredCard *reverse;

      if (!has_definition (entry))
        continue;

      forward_key = card_key (entry->id, PN_CARD_TERM_TO_DEFINITION);
      reverse_key = card_key (entry->id, PN_CARD_DEFINITION_TO_TERM);
      forward = g_hash_table_lookup (by_key, forward_key);
      reverse = g_hash_table_lookup (by_key, reverse_key);

      if (forward != NULL)
        place_known (self, entry, PN_CARD_TERM_TO_DEFINITION, forward, end_of_today);
      if (reverse != NULL)
        place_known (self, entry, PN_CARD_DEFINITION_TO_TERM, reverse, end_of_today);

      for (PnCardDirection direction = PN_CARD_TERM_TO_DEFINITION; direction <= PN_CARD_DEFINITION_TO_TERM;
           direction++)
        {
          PnFlashcard card = { entry, direction, { 0 } };

          if ((direction == PN_CARD_TERM_TO_DEFINITION ? forward : reverse) != NULL)
            continue;

          /* The reverse waits until the day after its sibling was introduced. */
          if (direction == PN_CARD_DEFINITION_TO_TERM &&
              (forward == NULL || forward->introduced_at >= start_of_today))
            {
              self->new_waiting = self->new_waiting || self->new_per_day > 0;
              continue;
            }

          if (self->fresh->len >= allowed)
            {
              self->new_waiting = self->new_waiting || self->new_per_day > 0;
              continue;
            }

          pn_fsrs_card_init (&card.fsrs, now);
          g_array_append_val (self->fresh, card);
        }
    }

  g_array_sort (self->learning, compare_due);
  g_array_sort (self->reviews, compare_due);
}

static PnFlashcardDeck *
deck_new (PnStore            *store,
          PnPack             *pack,
          const char         *pack_id,
          PnGlossary         *glossary,
          const PnFsrsParams *params,
          gint64              now)
{
  PnFlashcardDeck *self = g_object_new (PN_TYPE_FLASHCARD_DECK, NULL);

  self->store = g_object_ref (store);
  self->pack = pack != NULL ? g_object_ref (pack) : NULL;
  self->glossary = glossary != NULL ? g_object_ref (glossary) : NULL;
  self->pack_id = g_strdup (pack_id);
  if (params != NULL)
    self->params = *params;
  else
    pn_fsrs_params_init (&self->params);

  build (self, now);

  return self;
}

PnFlashcardDeck *
pn_flashcard_deck_new (PnStore            *store,
                       PnPack             *pack,
                       const PnFsrsParams *params,
                       gint64              now)
{
  g_return_val_if_fail (PN_IS_STORE (store), NULL);
  g_return_val_if_fail (PN_IS_PACK (pack), NULL);

  return deck_new (store, pack, pn_pack_get_id (pack), pn_pack_get_glossary (pack), params, now);
}

PnFlashcardDeck *
pn_flashcard_deck_new_for_glossary (PnStore            *store,
                                    const char         *pack_id,
                                    PnGlossary         *glossary,
                                    const PnFsrsParams *params,
                                    gint64              now)
{
  g_return_val_if_fail (PN_IS_STORE (store), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);
  g_return_val_if_fail (glossary == NULL || PN_IS_GLOSSARY (glossary), NULL);

  return deck_new (store, NULL, pack_id, glossary, params, now);
}

void
pn_flashcard_deck_set_new_per_day (PnFlashcardDeck *self,
                                   guint            new_per_day)
{
  g_return_if_fail (PN_IS_FLASHCARD_DECK (self));

  if (self->new_per_day == new_per_day)
    return;

  self->new_per_day = new_per_day;
  build (self, self->now);
}

void
pn_flashcard_deck_refresh (PnFlashcardDeck *self,
                           gint64           now)
{
  g_return_if_fail (PN_IS_FLASHCARD_DECK (self));

  build (self, now);
}

guint
pn_flashcard_deck_count_due (PnFlashcardDeck *self)
{
  g_return_val_if_fail (PN_IS_FLASHCARD_DECK (self), 0);

  return self->learning->len + self->reviews->len + self->fresh->len;
}

guint
pn_flashcard_deck_count_new (PnFlashcardDeck *self)
{
  g_return_val_if_fail (PN_IS_FLASHCARD_DECK (self), 0);

  return self->fresh->len;
}

static void
choose (PnFlashcardDeck *self,
        GArray          *list,
        guint            index)
{
  self->current_list = list;
  self->current_index = index;
  self->current = g_array_index (list, PnFlashcard, index);
}

const PnFlashcard *
pn_flashcard_deck_next (PnFlashcardDeck *self)
{
  g_return_val_if_fail (PN_IS_FLASHCARD_DECK (self), NULL);

  if (self->current_list != NULL)
    return &self->current;

  /* The learning list is sorted by due time: its head is the soonest. */
  if (self->learning->len > 0 && g_array_index (self->learning, PnFlashcard, 0).fsrs.due <= self->now)
    choose (self, self->learning, 0);
  else if (self->reviews->len > 0)
    choose (self, self->reviews, 0);
  else if (self->fresh->len > 0)
    choose (self, self->fresh, 0);
  else if (self->learning->len > 0)
    choose (self, self->learning, 0);
  else
    return NULL;

  return &self->current;
}

gint64
pn_flashcard_deck_get_wait (PnFlashcardDeck *self)
{
  const PnFlashcard *card;

  g_return_val_if_fail (PN_IS_FLASHCARD_DECK (self), 0);

  card = pn_flashcard_deck_next (self);
  if (card == NULL || card->fsrs.state == PN_FSRS_NEW)
    return 0;

  return MAX (0, card->fsrs.due - self->now);
}

static void
insert_learning (PnFlashcardDeck   *self,
                 const PnFlashcard *card)
{
  guint i = 0;

  /* After the cards due at the same time: a card graded again waits its turn. */
  while (i < self->learning->len && g_array_index (self->learning, PnFlashcard, i).fsrs.due <= card->fsrs.due)
    i++;
  g_array_insert_val (self->learning, i, *card);
}

gboolean
pn_flashcard_deck_grade (PnFlashcardDeck  *self,
                         PnFsrsRating      rating,
                         gint64            now,
                         GError          **error)
{
  PnFlashcard card;
  PnFsrsCard after;

  g_return_val_if_fail (PN_IS_FLASHCARD_DECK (self), FALSE);
  g_return_val_if_fail (rating >= PN_FSRS_AGAIN && rating <= PN_FSRS_EASY, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pn_flashcard_deck_next (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no card to grade");
      return FALSE;
    }

  card = self->current;
  if (!pn_store_review_card (self->store, &self->params, self->pack_id, card.entry->id, card.direction, rating,
                             now, &after, error))
    return FALSE;

  g_array_remove_index (self->current_list, self->current_index);
  clear_current (self);
  self->now = MAX (self->now, now);

  self->summary.reviewed++;
  self->summary.by_rating[rating]++;
  if (card.fsrs.state == PN_FSRS_NEW)
    self->summary.new_learnt++;

  g_hash_table_insert (self->states, card_key (card.entry->id, card.direction), g_memdup2 (&after, sizeof after));

  card.fsrs = after;
  if (after.state == PN_FSRS_LEARNING || after.state == PN_FSRS_RELEARNING)
    insert_learning (self, &card);

  return TRUE;
}

void
pn_flashcard_deck_get_summary (PnFlashcardDeck    *self,
                               PnFlashcardSummary *summary)
{
  GHashTableIter iter;
  gpointer value;
  gint64 next = 0;

  g_return_if_fail (PN_IS_FLASHCARD_DECK (self));
  g_return_if_fail (summary != NULL);

  *summary = self->summary;
  summary->remaining = pn_flashcard_deck_count_due (self);

  /* The soonest of the known cards; new cards still in today's queue are due
   * now; the ones held back, tomorrow. */
  g_hash_table_iter_init (&iter, self->states);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const PnFsrsCard *card = value;

      if (next == 0 || card->due < next)
        next = card->due;
    }
  if (self->fresh->len > 0 && (next == 0 || self->now < next))
    next = self->now;
  if (self->new_waiting)
    {
      gint64 start, end;

      local_day (self->now, &start, &end);
      if (next == 0 || end < next)
        next = end;
    }

  summary->next_due = next;
}

const PnFsrsParams *
pn_flashcard_deck_get_params (PnFlashcardDeck *self)
{
  g_return_val_if_fail (PN_IS_FLASHCARD_DECK (self), NULL);

  return &self->params;
}

const char *
pn_flashcard_deck_get_pack_id (PnFlashcardDeck *self)
{
  g_return_val_if_fail (PN_IS_FLASHCARD_DECK (self), NULL);

  return self->pack_id;
}
