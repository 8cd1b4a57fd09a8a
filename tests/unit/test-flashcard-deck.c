/* test-flashcard-deck.c: the day's flashcards of a pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "pn-flashcard-deck.h"
#include "pn-test-util.h"

#define MINUTE 60
#define HOUR 3600
#define DAY 86400

typedef struct {
  char *dir;
  char *path;
  PnStore *store;
  PnFsrsParams params;
  gint64 morning;               /* 09:00 local time on a day */
} Fixture;

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pn-deck-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "student.db", NULL);
  fixture->store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  pn_fsrs_params_init (&fixture->params);
  fixture->morning = local_time (2026, 3, 2, 9, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  pn_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* A glossary of the entries named, in order; "-" before an id: no definition. */
static PnGlossary *
make_glossary (const char *first,
               ...)
{
  PnGlossary *glossary = pn_glossary_new ("glossaire.json");
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    {
      gboolean empty = id[0] == '-';
      g_autofree char *definition = g_strdup_printf ("Définition de %s.", id + empty);

      g_assert_true (pn_glossary_add (glossary,
                                      pn_glossary_entry_new (id + empty, id + empty, NULL, empty ? "  " : definition,
                                                             NULL, NULL, NULL, FALSE)));
    }
  va_end (args);

  return glossary;
}

static PnFlashcardDeck *
make_deck (Fixture    *fixture,
           PnGlossary *glossary,
           guint       new_per_day,
           gint64      now)
{
  PnFlashcardDeck *deck = pn_flashcard_deck_new_for_glossary (fixture->store, "pack", glossary,
                                                              &fixture->params, now);

  pn_flashcard_deck_set_new_per_day (deck, new_per_day);
  return deck;
}

static void
assert_next (PnFlashcardDeck *deck,
             const char      *entry_id,
             PnCardDirection  direction,
             PnFsrsState      state)
{
  const PnFlashcard *card = pn_flashcard_deck_next (deck);

  g_assert_nonnull (card);
  g_assert_cmpstr (card->entry->id, ==, entry_id);
  g_assert_cmpint (card->direction, ==, direction);
  g_assert_cmpint (card->fsrs.state, ==, state);
}

static void
grade (PnFlashcardDeck *deck,
       PnFsrsRating     rating,
       gint64           now)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_flashcard_deck_grade (deck, rating, now, &error));
  g_assert_no_error (error);
}

/* A first session: new cards in glossary order, term → definition only,
 * entries without a definition left out; cards in a learning step come back
 * when due, or at the end with the wait; the summary. */
static void
test_first_session (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PnGlossary) glossary = make_glossary ("rente", "-vide", "plus-value", "seigneurage", NULL);
  g_autoptr(PnFlashcardDeck) deck = NULL;
  gint64 now = fixture->morning;
  PnFlashcardSummary summary;
  const PnFlashcard *card;

  deck = make_deck (fixture, glossary, 20, now);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 3);

  /* The same card until it is graded. */
  assert_next (deck, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  assert_next (deck, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  g_assert_cmpint (pn_flashcard_deck_get_wait (deck), ==, 0);
  grade (deck, PN_FSRS_GOOD, now);            /* step 2, in 10 minutes */
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 3);

  now += 20;
  assert_next (deck, "plus-value", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  grade (deck, PN_FSRS_AGAIN, now);           /* step 1 again, in 1 minute */
  now += 20;
  assert_next (deck, "seigneurage", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  grade (deck, PN_FSRS_EASY, now);            /* straight to review: leaves the session */
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 2);

  /* Only learning cards are left, none due yet: the soonest, with the wait
   * from the last grade; refreshed later, from then. */
  card = pn_flashcard_deck_next (deck);
  g_assert_cmpstr (card->entry->id, ==, "plus-value");
  g_assert_cmpint (card->fsrs.state, ==, PN_FSRS_LEARNING);
  g_assert_cmpint (pn_flashcard_deck_get_wait (deck), ==, 40);   /* its minute is not over */
  now += 10;
  pn_flashcard_deck_refresh (deck, now);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 2);
  card = pn_flashcard_deck_next (deck);
  g_assert_cmpstr (card->entry->id, ==, "plus-value");
  g_assert_cmpint (pn_flashcard_deck_get_wait (deck), ==, 30);

  /* Graded when due; Hard on the first step waits 5.5 minutes, still less
   * than what is left of rente's 10. */
  now = card->fsrs.due;
  grade (deck, PN_FSRS_HARD, now);
  assert_next (deck, "plus-value", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_LEARNING);
  g_assert_cmpint (pn_flashcard_deck_get_wait (deck), ==, 330);
  now += 330;
  grade (deck, PN_FSRS_GOOD, now);            /* step 2, in 10 minutes */
  card = pn_flashcard_deck_next (deck);
  g_assert_cmpstr (card->entry->id, ==, "rente");
  g_assert_cmpint (pn_flashcard_deck_get_wait (deck), ==, fixture->morning + 10 * MINUTE - now);
  now = card->fsrs.due;
  grade (deck, PN_FSRS_GOOD, now);            /* graduates */
  card = pn_flashcard_deck_next (deck);
  g_assert_cmpstr (card->entry->id, ==, "plus-value");
  g_assert_cmpint (card->fsrs.step, ==, 1);
  now = card->fsrs.due;
  grade (deck, PN_FSRS_GOOD, now);            /* graduates */

  g_assert_null (pn_flashcard_deck_next (deck));
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 0);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (pn_flashcard_deck_grade (deck, PN_FSRS_GOOD, now, &error));
    g_assert_nonnull (error);
  }

  pn_flashcard_deck_get_summary (deck, &summary);
  g_assert_cmpuint (summary.reviewed, ==, 7);
  g_assert_cmpuint (summary.by_rating[PN_FSRS_AGAIN], ==, 1);
  g_assert_cmpuint (summary.by_rating[PN_FSRS_HARD], ==, 1);
  g_assert_cmpuint (summary.by_rating[PN_FSRS_GOOD], ==, 4);
  g_assert_cmpuint (summary.by_rating[PN_FSRS_EASY], ==, 1);
  g_assert_cmpuint (summary.new_learnt, ==, 3);
  g_assert_cmpuint (summary.remaining, ==, 0);
  /* The reverse cards wait for tomorrow, before any review is due. */
  g_assert_cmpint (summary.next_due, ==, local_time (2026, 3, 3, 0, 0));

  /* Tomorrow, the reverse cards are new, and the reviews due by then come first. */
  {
    g_autoptr(PnFlashcardDeck) tomorrow = make_deck (fixture, glossary, 20, local_time (2026, 3, 4, 9, 0));

    g_assert_cmpuint (pn_flashcard_deck_count_due (tomorrow), ==, 3 + 2);   /* 2 days late for rente */
    card = pn_flashcard_deck_next (tomorrow);
    g_assert_cmpint (card->fsrs.state, ==, PN_FSRS_REVIEW);
    g_assert_cmpint (card->direction, ==, PN_CARD_TERM_TO_DEFINITION);
  }
}

/* What the sidebar counts: learning, reviews due by the end of today (local
 * time), and new cards within the limit; learning cards before reviews. */
static void
test_due_count (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PnGlossary) glossary = make_glossary ("a", "b", "c", "d", NULL);
  g_autoptr(PnFlashcardDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  gint64 day1 = fixture->morning;
  gint64 day2 = local_time (2026, 3, 3, 9, 0);
  PnFsrsCard card;

  /* a: a review due late tonight; b: due just after midnight; c: in
   * relearning; d: new. */
  g_assert_true (pn_store_review_card (fixture->store, &fixture->params, "pack", "a", PN_CARD_TERM_TO_DEFINITION,
                                       PN_FSRS_EASY, day1 - 7 * DAY, &card, &error));
  g_assert_true (pn_store_review_card (fixture->store, &fixture->params, "pack", "b", PN_CARD_TERM_TO_DEFINITION,
                                       PN_FSRS_EASY, day1 - 7 * DAY, &card, &error));
  g_assert_true (pn_store_review_card (fixture->store, &fixture->params, "pack", "c", PN_CARD_TERM_TO_DEFINITION,
                                       PN_FSRS_EASY, day1 - 7 * DAY, &card, &error));
  g_assert_no_error (error);
  g_assert_true (pn_store_review_card (fixture->store, &fixture->params, "pack", "c", PN_CARD_TERM_TO_DEFINITION,
                                       PN_FSRS_AGAIN, day1 - HOUR, &card, &error));
  g_assert_cmpint (card.state, ==, PN_FSRS_RELEARNING);
  g_assert_no_error (error);

  /* Move a's and b's due times around midnight, as the store keeps them. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE cards SET due = %" G_GINT64_FORMAT " WHERE entry_id = 'a';"
                                            "UPDATE cards SET due = %" G_GINT64_FORMAT " WHERE entry_id = 'b';",
                                            local_time (2026, 3, 2, 23, 30), local_time (2026, 3, 3, 0, 30));
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  deck = make_deck (fixture, glossary, 20, day1);
  /* c (relearning), a (due tonight), then the new cards: the reverse of a, b
   * and c (their term → definition card was introduced days ago) and d; not
   * b, due tomorrow. */
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 6);
  g_assert_cmpuint (pn_flashcard_deck_count_new (deck), ==, 4);
  assert_next (deck, "c", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_RELEARNING);
  grade (deck, PN_FSRS_GOOD, day1);
  assert_next (deck, "a", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_REVIEW);
  grade (deck, PN_FSRS_GOOD, day1);
  assert_next (deck, "a", PN_CARD_DEFINITION_TO_TERM, PN_FSRS_NEW);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 4);
  g_assert_cmpuint (pn_flashcard_deck_count_new (deck), ==, 4);
  grade (deck, PN_FSRS_EASY, day1);
  assert_next (deck, "b", PN_CARD_DEFINITION_TO_TERM, PN_FSRS_NEW);
  grade (deck, PN_FSRS_EASY, day1);
  assert_next (deck, "c", PN_CARD_DEFINITION_TO_TERM, PN_FSRS_NEW);
  grade (deck, PN_FSRS_EASY, day1);
  assert_next (deck, "d", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  g_clear_object (&deck);

  /* The next day, b and c (relearnt yesterday: one day) are due, by due
   * time, before the one new card left, d (its reverse waits for d). */
  g_assert_true (pn_store_get_card (fixture->store, "pack", "c", PN_CARD_TERM_TO_DEFINITION, &card, NULL));
  g_assert_cmpint (card.due, ==, day1 + DAY);
  deck = make_deck (fixture, glossary, 20, day2);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 3);
  assert_next (deck, "b", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_REVIEW);
  grade (deck, PN_FSRS_GOOD, day2);
  assert_next (deck, "c", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_REVIEW);
  grade (deck, PN_FSRS_GOOD, day2);
  assert_next (deck, "d", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
}

/* The daily limit counts the new cards introduced today, in this deck or
 * before it was built. */
static void
test_daily_limit (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PnGlossary) glossary = make_glossary ("a", "b", "c", "d", "e", NULL);
  g_autoptr(PnFlashcardDeck) deck = NULL;
  gint64 now = fixture->morning;
  PnFlashcardSummary summary;

  deck = make_deck (fixture, glossary, 2, now);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 2);
  assert_next (deck, "a", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  grade (deck, PN_FSRS_EASY, now);
  assert_next (deck, "b", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  grade (deck, PN_FSRS_EASY, now);
  g_assert_null (pn_flashcard_deck_next (deck));
  pn_flashcard_deck_get_summary (deck, &summary);
  g_assert_cmpint (summary.next_due, ==, local_time (2026, 3, 3, 0, 0));
  g_clear_object (&deck);

  /* Later the same day: the limit is used up. */
  deck = make_deck (fixture, glossary, 2, now + 3 * HOUR);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 0);
  g_assert_null (pn_flashcard_deck_next (deck));
  /* Raised to 3: one more. */
  pn_flashcard_deck_set_new_per_day (deck, 3);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 1);
  assert_next (deck, "c", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  g_clear_object (&deck);

  /* The next day: two new again, the reverse of a and b first in glossary order. */
  deck = make_deck (fixture, glossary, 2, local_time (2026, 3, 3, 9, 0));
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 2);
  assert_next (deck, "a", PN_CARD_DEFINITION_TO_TERM, PN_FSRS_NEW);
}

/* Progress is keyed by entry id: an entry removed from the glossary keeps its
 * card in the store, unseen; back in the glossary, it is where it was. */
static void
test_glossary_changes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PnGlossary) before = make_glossary ("rente", "plus-value", NULL);
  g_autoptr(PnGlossary) without = make_glossary ("plus-value", NULL);
  g_autoptr(PnGlossary) after = make_glossary ("travail-mort", "plus-value", "rente", NULL);
  g_autoptr(PnFlashcardDeck) deck = NULL;
  gint64 now = fixture->morning;
  PnFsrsCard graded;

  deck = make_deck (fixture, before, 20, now);
  assert_next (deck, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  grade (deck, PN_FSRS_AGAIN, now);           /* learning, due in a minute */
  g_clear_object (&deck);
  g_assert_true (pn_store_get_card (fixture->store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &graded, NULL));

  /* rente gone: not shown, still stored. */
  deck = make_deck (fixture, without, 20, now + MINUTE);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 1);
  assert_next (deck, "plus-value", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  g_assert_cmpuint (pn_store_count_cards (fixture->store, "pack"), ==, 1);
  g_clear_object (&deck);

  /* Back, at another place: its learning state, first as it is due. */
  deck = make_deck (fixture, after, 20, now + MINUTE);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 3);
  {
    const PnFlashcard *card = pn_flashcard_deck_next (deck);

    g_assert_cmpstr (card->entry->id, ==, "rente");
    g_assert_cmpint (card->fsrs.state, ==, PN_FSRS_LEARNING);
    g_assert_cmpint (card->fsrs.due, ==, graded.due);
    g_assert_cmpint (card->fsrs.reps, ==, 1);
  }
}

/* A graded card is in the store: a deck built after reopening it goes on. */
static void
test_persisted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PnGlossary) glossary = make_glossary ("rente", NULL);
  g_autoptr(PnFlashcardDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = fixture->morning;
  PnFsrsCard card;

  deck = make_deck (fixture, glossary, 20, now);
  grade (deck, PN_FSRS_EASY, now);
  g_clear_object (&deck);
  g_clear_object (&fixture->store);

  fixture->store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_get_card (fixture->store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &card, NULL));
  g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
  g_assert_cmpint (card.due, ==, now + 8 * DAY);

  /* Not due the same day (nor its reverse); due eight days later. */
  deck = make_deck (fixture, glossary, 20, now + HOUR);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 0);
  g_clear_object (&deck);
  deck = make_deck (fixture, glossary, 0, now + 8 * DAY);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 1);
  assert_next (deck, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_REVIEW);
}

/* Desired retention changes what a grade gives. */
static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PnGlossary) glossary = make_glossary ("rente", "plus-value", NULL);
  g_autoptr(PnFlashcardDeck) deck = NULL;
  PnFsrsCard low, high;

  fixture->params.desired_retention = 0.97;
  deck = make_deck (fixture, glossary, 20, fixture->morning);
  g_assert_cmpfloat (pn_flashcard_deck_get_params (deck)->desired_retention, ==, 0.97);
  grade (deck, PN_FSRS_EASY, fixture->morning);
  g_clear_object (&deck);
  fixture->params.desired_retention = 0.80;
  deck = make_deck (fixture, glossary, 20, fixture->morning);
  grade (deck, PN_FSRS_EASY, fixture->morning);

  g_assert_true (pn_store_get_card (fixture->store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &high, NULL));
  g_assert_true (pn_store_get_card (fixture->store, "pack", "plus-value", PN_CARD_TERM_TO_DEFINITION, &low, NULL));
  g_assert_cmpint (high.due, <, low.due);
}

static PnPack *
load_pack_with (const char *dir,
                const char *glossary_json)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"glossary\": \"glossaire.json\", ");
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_diagnostic_free);
  PnPack *pack;

  pn_test_write_file (dir, "pack.json", manifest, -1);
  pn_test_write_file (dir, "doc.md", "# Texte\n\nLa rente et la plus-value.\n", -1);
  pn_test_write_file (dir, "glossaire.json", glossary_json, -1);
  pack = pn_test_load (dir, diagnostics);
  pn_test_dump (diagnostics);
  g_assert_nonnull (pn_pack_get_glossary (pack));

  return pack;
}

#define ENTRY(id) "{ \"id\": \"" id "\", \"term\": \"" id "\", \"definition\": \"Sens de " id ".\" }"

/* A real pack: the deck of its glossary file, keyed by the pack's id; an
 * update of the pack that drops an entry and brings it back keeps its card. */
static void
test_pack_update (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "pack", NULL);
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(PnFlashcardDeck) deck = NULL;
  gint64 now = fixture->morning;
  const PnFlashcard *card;

  pack = load_pack_with (dir, "{ \"entries\": [" ENTRY ("rente") ", " ENTRY ("plus-value") "] }");
  deck = pn_flashcard_deck_new (fixture->store, pack, &fixture->params, now);
  g_assert_cmpstr (pn_flashcard_deck_get_pack_id (deck), ==, "test-pack");
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 2);
  card = pn_flashcard_deck_next (deck);
  g_assert_cmpstr (card->entry->id, ==, "rente");
  g_assert_cmpstr (card->entry->definition, ==, "Sens de rente.");
  grade (deck, PN_FSRS_EASY, now);
  g_clear_object (&deck);
  g_clear_object (&pack);
  g_assert_cmpuint (pn_store_count_cards (fixture->store, "test-pack"), ==, 1);

  /* Version 2 of the pack: rente gone. */
  pack = load_pack_with (dir, "{ \"entries\": [" ENTRY ("plus-value") "] }");
  deck = pn_flashcard_deck_new (fixture->store, pack, &fixture->params, now + 9 * DAY);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 1);
  assert_next (deck, "plus-value", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  g_clear_object (&deck);
  g_clear_object (&pack);
  g_assert_cmpuint (pn_store_count_cards (fixture->store, "test-pack"), ==, 1);

  /* Version 3: rente back, its review due (8 days after Easy), before the new cards. */
  pack = load_pack_with (dir, "{ \"entries\": [" ENTRY ("plus-value") ", " ENTRY ("rente") "] }");
  deck = pn_flashcard_deck_new (fixture->store, pack, &fixture->params, now + 9 * DAY);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 3);
  card = pn_flashcard_deck_next (deck);
  g_assert_cmpstr (card->entry->id, ==, "rente");
  g_assert_cmpint (card->fsrs.state, ==, PN_FSRS_REVIEW);
  g_assert_cmpint (card->fsrs.reps, ==, 1);
  g_assert_cmpint (card->fsrs.due, ==, now + 8 * DAY);
}

/* A grade the store cannot write changes nothing: the same card is next. */
static void
test_grade_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PnGlossary) glossary = make_glossary ("rente", "plus-value", NULL);
  g_autoptr(PnFlashcardDeck) deck = make_deck (fixture, glossary, 20, fixture->morning);
  g_autoptr(GError) error = NULL;
  PnFlashcardSummary summary;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER no_log BEFORE INSERT ON card_reviews "
                                     "BEGIN SELECT RAISE (ABORT, 'full'); END;", NULL, NULL, NULL), ==, SQLITE_OK);

  assert_next (deck, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  g_assert_false (pn_flashcard_deck_grade (deck, PN_FSRS_GOOD, fixture->morning, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
  g_clear_error (&error);
  assert_next (deck, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 2);
  pn_flashcard_deck_get_summary (deck, &summary);
  g_assert_cmpuint (summary.reviewed, ==, 0);

  /* Once the store takes it again, the grade goes through. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER no_log;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  grade (deck, PN_FSRS_GOOD, fixture->morning);
  assert_next (deck, "plus-value", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_NEW);
  pn_flashcard_deck_get_summary (deck, &summary);
  g_assert_cmpuint (summary.reviewed, ==, 1);
}

/* No glossary: an empty deck. */
static void
test_no_glossary (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PnFlashcardDeck) deck = pn_flashcard_deck_new_for_glossary (fixture->store, "pack", NULL, NULL,
                                                                       fixture->morning);
  PnFlashcardSummary summary;

  g_assert_cmpuint (pn_flashcard_deck_count_due (deck), ==, 0);
  g_assert_null (pn_flashcard_deck_next (deck));
  pn_flashcard_deck_get_summary (deck, &summary);
  g_assert_cmpint (summary.next_due, ==, 0);
  g_assert_cmpstr (pn_flashcard_deck_get_pack_id (deck), ==, "pack");
}

int
main (int   argc,
      char *argv[])
{
  /* Days are local: a zone with summer time, not UTC. */
  g_setenv ("TZ", "Europe/Paris", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/flashcard-deck/first-session", Fixture, NULL, fixture_set_up, test_first_session,
              fixture_tear_down);
  g_test_add ("/flashcard-deck/due-count", Fixture, NULL, fixture_set_up, test_due_count, fixture_tear_down);
  g_test_add ("/flashcard-deck/daily-limit", Fixture, NULL, fixture_set_up, test_daily_limit, fixture_tear_down);
  g_test_add ("/flashcard-deck/glossary-changes", Fixture, NULL, fixture_set_up, test_glossary_changes,
              fixture_tear_down);
  g_test_add ("/flashcard-deck/persisted", Fixture, NULL, fixture_set_up, test_persisted, fixture_tear_down);
  g_test_add ("/flashcard-deck/retention", Fixture, NULL, fixture_set_up, test_retention, fixture_tear_down);
  g_test_add ("/flashcard-deck/pack-update", Fixture, NULL, fixture_set_up, test_pack_update, fixture_tear_down);
  g_test_add ("/flashcard-deck/grade-fails", Fixture, NULL, fixture_set_up, test_grade_fails, fixture_tear_down);
  g_test_add ("/flashcard-deck/no-glossary", Fixture, NULL, fixture_set_up, test_no_glossary, fixture_tear_down);

  return g_test_run ();
}
