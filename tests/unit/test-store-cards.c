/* test-store-cards.c: the flashcard tables of the student's database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "pn-store-private.h"
#include "pn-test-util.h"

#define DAY 86400
/* 2026-03-02 09:00 UTC */
#define T0 G_GINT64_CONSTANT (1772442000)

typedef struct {
  char *dir;
  char *path;
  PnFsrsParams params;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pn-store-cards-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "student.db", NULL);
  pn_fsrs_params_init (&fixture->params);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pn_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
review (PnStore         *store,
        Fixture         *fixture,
        const char      *entry_id,
        PnCardDirection  direction,
        PnFsrsRating     rating,
        gint64           now,
        PnFsrsCard      *card)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_store_review_card (store, &fixture->params, "pack", entry_id, direction, rating, now,
                                       card, &error));
  g_assert_no_error (error);
}

/* A review is on disk: closing and reopening the store gives the same card
 * and its log, and the next review goes on from it. */
static void
test_persisted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(GArray) reviews = NULL;
  PnFsrsCard after;
  PnFsrsCard read;
  PnFsrsCard expected;
  gint64 introduced = 0;

  g_assert_no_error (error);
  g_assert_false (pn_store_get_card (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &read, &introduced));
  g_assert_cmpint (read.state, ==, PN_FSRS_NEW);
  g_assert_cmpuint (pn_store_count_cards (store, "pack"), ==, 0);

  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, T0, &after);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, after.due, &after);
  g_assert_cmpint (after.state, ==, PN_FSRS_REVIEW);
  g_clear_object (&store);

  store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_get_card (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &read, &introduced));
  g_assert_cmpint (read.state, ==, after.state);
  g_assert_cmpint (read.step, ==, after.step);
  g_assert_cmpfloat (read.stability, ==, after.stability);
  g_assert_cmpfloat (read.difficulty, ==, after.difficulty);
  g_assert_cmpint (read.due, ==, after.due);
  g_assert_cmpint (read.last_review, ==, after.last_review);
  g_assert_cmpint (read.reps, ==, 2);
  g_assert_cmpint (introduced, ==, T0);
  /* Only that direction was reviewed. */
  g_assert_false (pn_store_get_card (store, "pack", "rente", PN_CARD_DEFINITION_TO_TERM, &read, NULL));

  /* The log: one row per review, the state each left. */
  reviews = pn_store_get_card_reviews (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_cmpint (g_array_index (reviews, PnCardReview, 0).reviewed_at, ==, T0);
  g_assert_cmpint (g_array_index (reviews, PnCardReview, 0).state, ==, PN_FSRS_LEARNING);
  g_assert_cmpint (g_array_index (reviews, PnCardReview, 0).due, ==, T0 + 600);
  g_assert_cmpint (g_array_index (reviews, PnCardReview, 1).rating, ==, PN_FSRS_GOOD);
  g_assert_cmpint (g_array_index (reviews, PnCardReview, 1).state, ==, PN_FSRS_REVIEW);
  g_assert_cmpint (g_array_index (reviews, PnCardReview, 1).due, ==, after.due);
  g_assert_cmpfloat (g_array_index (reviews, PnCardReview, 1).stability, ==, after.stability);
  g_clear_pointer (&reviews, g_array_unref);

  /* The next review starts from the stored state, as FSRS in memory would. */
  expected = after;
  pn_fsrs_review (&fixture->params, &expected, PN_FSRS_HARD, after.due + 3 * DAY);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_HARD, after.due + 3 * DAY, &read);
  g_assert_cmpint (read.due, ==, expected.due);
  g_assert_cmpfloat (read.stability, ==, expected.stability);
  reviews = pn_store_get_card_reviews (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &error);
  g_assert_cmpuint (reviews->len, ==, 3);
  g_assert_cmpint (g_array_index (reviews, PnCardReview, 2).elapsed_days,
                   ==, (after.due + 3 * DAY - after.last_review) / DAY);
}

/* A review is one transaction: when its log row cannot be written, the card
 * is not changed either. */
static void
test_one_transaction (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(GArray) reviews = NULL;
  PnFsrsCard before;
  PnFsrsCard read;

  g_assert_no_error (error);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_EASY, T0, &before);

  exec_sql (fixture->path,
            "CREATE TRIGGER no_log BEFORE INSERT ON card_reviews BEGIN SELECT RAISE (ABORT, 'full'); END;");
  g_assert_false (pn_store_review_card (store, &fixture->params, "pack", "rente", PN_CARD_TERM_TO_DEFINITION,
                                        PN_FSRS_AGAIN, before.due, NULL, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
  g_clear_error (&error);
  /* Nor a new card. */
  g_assert_false (pn_store_review_card (store, &fixture->params, "pack", "plus-value", PN_CARD_TERM_TO_DEFINITION,
                                        PN_FSRS_GOOD, before.due, NULL, &error));
  g_clear_error (&error);

  g_assert_true (pn_store_get_card (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &read, NULL));
  g_assert_cmpint (read.due, ==, before.due);
  g_assert_cmpint (read.reps, ==, 1);
  g_assert_cmpint (read.state, ==, PN_FSRS_REVIEW);
  g_assert_false (pn_store_get_card (store, "pack", "plus-value", PN_CARD_TERM_TO_DEFINITION, &read, NULL));

  /* Once the log can be written again, reviews go through: the store was not
   * left inside a transaction. */
  exec_sql (fixture->path, "DROP TRIGGER no_log;");
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_AGAIN, before.due, &read);
  g_assert_cmpint (read.state, ==, PN_FSRS_RELEARNING);
  g_assert_cmpint (read.lapses, ==, 1);
  reviews = pn_store_get_card_reviews (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &error);
  g_assert_cmpuint (reviews->len, ==, 2);
}

static PnStoredCard *
find_card (GPtrArray       *cards,
           const char      *entry_id,
           PnCardDirection  direction)
{
  for (guint i = 0; i < cards->len; i++)
    {
      PnStoredCard *card = g_ptr_array_index (cards, i);

      if (g_str_equal (card->entry_id, entry_id) && card->direction == direction)
        return card;
    }

  return NULL;
}

/* Cards of a pack, keyed by pack, entry and direction; ids are bound, never
 * spliced into SQL; introductions counted by day. */
static void
test_cards_of_pack (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) cards = NULL;
  const char *odd = "x'); DROP TABLE cards; --";
  PnStoredCard *card;

  g_assert_no_error (error);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, T0, NULL);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, T0 + 600, NULL);
  review (store, fixture, "rente", PN_CARD_DEFINITION_TO_TERM, PN_FSRS_AGAIN, T0 + DAY, NULL);
  review (store, fixture, odd, PN_CARD_TERM_TO_DEFINITION, PN_FSRS_EASY, T0 + DAY + 60, NULL);
  g_assert_true (pn_store_review_card (store, &fixture->params, "other-pack", "rente", PN_CARD_TERM_TO_DEFINITION,
                                       PN_FSRS_GOOD, T0, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pn_store_count_cards (store, "pack"), ==, 3);
  g_assert_cmpuint (pn_store_count_cards (store, "other-pack"), ==, 1);
  g_assert_cmpuint (pn_store_count_cards (store, "never"), ==, 0);

  /* Introduced on the first day: one (its second review does not count again). */
  g_assert_cmpuint (pn_store_count_cards_introduced (store, "pack", T0, T0 + DAY), ==, 1);
  g_assert_cmpuint (pn_store_count_cards_introduced (store, "pack", T0 + DAY, T0 + 2 * DAY), ==, 2);
  g_assert_cmpuint (pn_store_count_cards_introduced (store, "pack", T0 + 2 * DAY, T0 + 3 * DAY), ==, 0);

  cards = pn_store_get_cards (store, "pack", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);
  card = find_card (cards, "rente", PN_CARD_TERM_TO_DEFINITION);
  g_assert_nonnull (card);
  g_assert_cmpint (card->fsrs.state, ==, PN_FSRS_REVIEW);
  g_assert_cmpint (card->introduced_at, ==, T0);
  card = find_card (cards, "rente", PN_CARD_DEFINITION_TO_TERM);
  g_assert_nonnull (card);
  g_assert_cmpint (card->fsrs.state, ==, PN_FSRS_LEARNING);
  card = find_card (cards, odd, PN_CARD_TERM_TO_DEFINITION);
  g_assert_nonnull (card);
  g_assert_cmpint (card->fsrs.state, ==, PN_FSRS_REVIEW);

  /* The pack's row exists, for the other features' tables. */
  g_assert_null (pn_store_get_last_document (store, "pack"));
  g_assert_true (pn_store_set_last_document (store, "pack", "essai", &error));
  g_assert_no_error (error);
}

/* Values out of range in the database (hand-edited, damaged) read back in range. */
static void
test_damaged_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  PnFsrsCard card;

  g_assert_no_error (error);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_EASY, T0, NULL);
  exec_sql (fixture->path, "UPDATE cards SET step = -3, reps = -1, stability = -5, difficulty = 400;");

  g_assert_true (pn_store_get_card (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &card, NULL));
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.reps, ==, 0);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, T0 + 9 * DAY, &card);
  g_assert_cmpfloat (card.stability, >, 0);
  g_assert_cmpfloat (card.difficulty, <=, 10);
  g_assert_cmpint (card.due, >, T0 + 9 * DAY);
}

/* Refuses every SELECT on the store's connection (writes still go through). */
static int
deny_select (gpointer    user_data,
             int         action,
             const char *a,
             const char *b,
             const char *c,
             const char *d)
{
  return action == SQLITE_SELECT ? SQLITE_DENY : SQLITE_OK;
}

static sqlite3 *
store_db (PnStore *store)
{
  sqlite3_stmt *statement = pn_store_prepare (store, "SELECT 1", NULL);
  sqlite3 *db;

  g_assert_nonnull (statement);
  db = sqlite3_db_handle (statement);
  sqlite3_finalize (statement);

  return db;
}

/* A card that cannot be read while it is reviewed is not taken for a new
 * one: the review fails, and the card's history is kept. */
static void
test_unreadable_card (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(GArray) reviews = NULL;
  PnFsrsCard before;
  PnFsrsCard read;
  sqlite3 *db;

  g_assert_no_error (error);
  db = store_db (store);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, T0, NULL);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, T0 + 600, NULL);
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, T0 + 3 * DAY, &before);
  g_assert_cmpint (before.reps, ==, 3);

  sqlite3_set_authorizer (db, deny_select, NULL);
  g_assert_false (pn_store_review_card (store, &fixture->params, "pack", "rente", PN_CARD_TERM_TO_DEFINITION,
                                        PN_FSRS_AGAIN, T0 + 9 * DAY, NULL, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
  g_clear_error (&error);
  sqlite3_set_authorizer (db, NULL, NULL);

  g_assert_true (pn_store_get_card (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &read, NULL));
  g_assert_cmpint (read.reps, ==, 3);
  g_assert_cmpint (read.due, ==, before.due);
  g_assert_cmpint (read.state, ==, before.state);
  reviews = pn_store_get_card_reviews (store, "pack", "rente", PN_CARD_TERM_TO_DEFINITION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 3);

  /* Readable again: the same review goes through, on the card as it was. */
  review (store, fixture, "rente", PN_CARD_TERM_TO_DEFINITION, PN_FSRS_AGAIN, T0 + 9 * DAY, &read);
  g_assert_cmpint (read.reps, ==, 4);
  g_assert_cmpint (read.lapses, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-cards/persisted", Fixture, NULL, fixture_set_up, test_persisted, fixture_tear_down);
  g_test_add ("/store-cards/one-transaction", Fixture, NULL, fixture_set_up, test_one_transaction,
              fixture_tear_down);
  g_test_add ("/store-cards/cards-of-pack", Fixture, NULL, fixture_set_up, test_cards_of_pack, fixture_tear_down);
  g_test_add ("/store-cards/damaged-rows", Fixture, NULL, fixture_set_up, test_damaged_rows, fixture_tear_down);
  g_test_add ("/store-cards/unreadable-card", Fixture, NULL, fixture_set_up, test_unreadable_card,
              fixture_tear_down);

  return g_test_run ();
}
