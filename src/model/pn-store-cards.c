/* pn-store-cards.c: the student's flashcards and their review log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-store-private.h"

#define SECONDS_PER_DAY 86400

/* Version 3: one row per card reviewed at least once, and every review. The
 * cards refer to the pack's row; entry ids are not checked against any
 * glossary, so progress outlives an entry's absence from the pack. */
const char pn_store_cards_v1[] =
  "CREATE TABLE cards ("
  "  pack_id TEXT NOT NULL REFERENCES packs (pack_id),"
  "  entry_id TEXT NOT NULL,"
  "  direction INTEGER NOT NULL CHECK (direction IN (0, 1)),"
  "  state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),"
  "  step INTEGER NOT NULL DEFAULT 0,"
  "  stability REAL NOT NULL,"
  "  difficulty REAL NOT NULL,"
  "  due INTEGER NOT NULL,"
  "  last_review INTEGER NOT NULL,"
  "  reps INTEGER NOT NULL DEFAULT 0,"
  "  lapses INTEGER NOT NULL DEFAULT 0,"
  "  introduced_at INTEGER NOT NULL,"
  "  PRIMARY KEY (pack_id, entry_id, direction)"
  ");"
  "CREATE INDEX cards_by_introduction ON cards (pack_id, introduced_at);"
  "CREATE TABLE card_reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  pack_id TEXT NOT NULL,"
  "  entry_id TEXT NOT NULL,"
  "  direction INTEGER NOT NULL,"
  "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),"
  "  reviewed_at INTEGER NOT NULL,"
  "  state INTEGER NOT NULL,"
  "  stability REAL NOT NULL,"
  "  difficulty REAL NOT NULL,"
  "  due INTEGER NOT NULL,"
  "  elapsed_days INTEGER NOT NULL,"
  "  FOREIGN KEY (pack_id, entry_id, direction) REFERENCES cards (pack_id, entry_id, direction)"
  ");"
  "CREATE INDEX card_reviews_by_card ON card_reviews (pack_id, entry_id, direction, reviewed_at);";

#define CARD_COLUMNS "state, step, stability, difficulty, due, last_review, reps, lapses, introduced_at"

void
pn_stored_card_free (PnStoredCard *card)
{
  if (card == NULL)
    return;

  g_free (card->entry_id);
  g_free (card);
}

/* The state read from the columns of CARD_COLUMNS starting at @first. Values
 * out of range (a damaged or hand-edited database) are brought back in. */
static void
read_card (sqlite3_stmt *statement,
           int           first,
           PnFsrsCard   *card,
           gint64       *introduced_at)
{
  int state = sqlite3_column_int (statement, first);

  card->state = state >= PN_FSRS_NEW && state <= PN_FSRS_RELEARNING ? (PnFsrsState) state : PN_FSRS_REVIEW;
  card->step = MAX (0, sqlite3_column_int (statement, first + 1));
  card->stability = sqlite3_column_double (statement, first + 2);
  card->difficulty = sqlite3_column_double (statement, first + 3);
  card->due = sqlite3_column_int64 (statement, first + 4);
  card->last_review = sqlite3_column_int64 (statement, first + 5);
  card->reps = MAX (0, sqlite3_column_int (statement, first + 6));
  card->lapses = MAX (0, sqlite3_column_int (statement, first + 7));
  if (introduced_at != NULL)
    *introduced_at = sqlite3_column_int64 (statement, first + 8);
}

/* The card's row: 1 read, 0 none, -1 the database could not be read (@error set). */
static int
lookup_card (PnStore          *self,
             const char       *pack_id,
             const char       *entry_id,
             PnCardDirection   direction,
             PnFsrsCard       *card,
             gint64           *introduced_at,
             GError          **error)
{
  sqlite3_stmt *statement;
  int status;

  pn_fsrs_card_init (card, 0);
  if (introduced_at != NULL)
    *introduced_at = 0;

  statement = pn_store_prepare (self,
                                "SELECT " CARD_COLUMNS " FROM cards "
                                "WHERE pack_id = ?1 AND entry_id = ?2 AND direction = ?3",
                                error);
  if (statement == NULL)
    return -1;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, entry_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 3, direction);

  status = sqlite3_step (statement);
  if (status == SQLITE_ROW)
    read_card (statement, 0, card, introduced_at);

  sqlite3_finalize (statement);
  if (status != SQLITE_ROW && status != SQLITE_DONE)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED, "%s", _("cannot read the flashcards"));
      return -1;
    }

  return status == SQLITE_ROW;
}

gboolean
pn_store_get_card (PnStore         *self,
                   const char      *pack_id,
                   const char      *entry_id,
                   PnCardDirection  direction,
                   PnFsrsCard      *card,
                   gint64          *introduced_at)
{
  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL && entry_id != NULL && card != NULL, FALSE);

  return lookup_card (self, pack_id, entry_id, direction, card, introduced_at, NULL) > 0;
}

static gboolean
run (PnStore     *self,
     const char  *sql,
     GError     **error)
{
  sqlite3_stmt *statement = pn_store_prepare (self, sql, error);

  return statement != NULL && pn_store_step_done (self, statement, error);
}

static gboolean
write_review (PnStore            *self,
              const char         *pack_id,
              const char         *entry_id,
              PnCardDirection     direction,
              PnFsrsRating        rating,
              gint64              now,
              const PnFsrsCard   *card,
              gint64              introduced_at,
              int                 elapsed_days,
              GError            **error)
{
  sqlite3_stmt *statement;

  /* The pack's row, which the cards refer to. */
  statement = pn_store_prepare (self,
                                "INSERT INTO packs (pack_id, last_doc_id, updated_at) VALUES (?1, NULL, ?2) "
                                "ON CONFLICT (pack_id) DO NOTHING",
                                error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, pn_store_now ());
  if (!pn_store_step_done (self, statement, error))
    return FALSE;

  statement = pn_store_prepare (self,
                                "INSERT INTO cards (pack_id, entry_id, direction, " CARD_COLUMNS ") "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                                "ON CONFLICT (pack_id, entry_id, direction) DO UPDATE SET "
                                "state = excluded.state, step = excluded.step, "
                                "stability = excluded.stability, difficulty = excluded.difficulty, "
                                "due = excluded.due, last_review = excluded.last_review, "
                                "reps = excluded.reps, lapses = excluded.lapses",
                                error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, entry_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 3, direction);
  sqlite3_bind_int (statement, 4, card->state);
  sqlite3_bind_int (statement, 5, card->step);
  sqlite3_bind_double (statement, 6, card->stability);
  sqlite3_bind_double (statement, 7, card->difficulty);
  sqlite3_bind_int64 (statement, 8, card->due);
  sqlite3_bind_int64 (statement, 9, card->last_review);
  sqlite3_bind_int (statement, 10, card->reps);
  sqlite3_bind_int (statement, 11, card->lapses);
  sqlite3_bind_int64 (statement, 12, introduced_at);
  if (!pn_store_step_done (self, statement, error))
    return FALSE;

  statement = pn_store_prepare (self,
                                "INSERT INTO card_reviews (pack_id, entry_id, direction, rating, reviewed_at, "
                                "state, stability, difficulty, due, elapsed_days) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, entry_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 3, direction);
  sqlite3_bind_int (statement, 4, rating);
  sqlite3_bind_int64 (statement, 5, now);
  sqlite3_bind_int (statement, 6, card->state);
  sqlite3_bind_double (statement, 7, card->stability);
  sqlite3_bind_double (statement, 8, card->difficulty);
  sqlite3_bind_int64 (statement, 9, card->due);
  sqlite3_bind_int (statement, 10, elapsed_days);

  return pn_store_step_done (self, statement, error);
}

gboolean
pn_store_review_card (PnStore             *self,
                      const PnFsrsParams  *params,
                      const char          *pack_id,
                      const char          *entry_id,
                      PnCardDirection      direction,
                      PnFsrsRating         rating,
                      gint64               now,
                      PnFsrsCard          *card_out,
                      GError             **error)
{
  PnFsrsCard card;
  gint64 introduced_at = 0;
  int elapsed_days = 0;
  int known;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (params != NULL && pack_id != NULL && entry_id != NULL, FALSE);
  g_return_val_if_fail (direction == PN_CARD_TERM_TO_DEFINITION || direction == PN_CARD_DEFINITION_TO_TERM, FALSE);
  g_return_val_if_fail (rating >= PN_FSRS_AGAIN && rating <= PN_FSRS_EASY, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Read and write in one transaction: another window grading the same card
   * waits instead of losing a review. */
  if (!run (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* A card that cannot be read is not taken for a new one (its history would go). */
  known = lookup_card (self, pack_id, entry_id, direction, &card, &introduced_at, error);
  if (known < 0)
    {
      run (self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!known)
    {
      pn_fsrs_card_init (&card, now);
      introduced_at = now;
    }
  else if (card.last_review > 0 && now > card.last_review)
    {
      elapsed_days = (int) MIN ((now - card.last_review) / SECONDS_PER_DAY, G_MAXINT);
    }

  pn_fsrs_review (params, &card, rating, now);

  if (!write_review (self, pack_id, entry_id, direction, rating, now, &card, introduced_at, elapsed_days, error) ||
      !run (self, "COMMIT", error))
    {
      run (self, "ROLLBACK", NULL);
      return FALSE;
    }

  if (card_out != NULL)
    *card_out = card;

  return TRUE;
}

/* Finalizes @statement after its rows were read; FALSE with @error set when
 * reading stopped on an error (@status: the last sqlite3_step result). */
static gboolean
rows_done (sqlite3_stmt  *statement,
           int            status,
           GError       **error)
{
  sqlite3_finalize (statement);
  if (status == SQLITE_DONE)
    return TRUE;

  g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED, "%s", _("cannot read the flashcards"));
  return FALSE;
}

GPtrArray *
pn_store_get_cards (PnStore     *self,
                    const char  *pack_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_stored_card_free);
  sqlite3_stmt *statement;
  int status;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  statement = pn_store_prepare (self,
                                "SELECT entry_id, direction, " CARD_COLUMNS " FROM cards "
                                "WHERE pack_id = ?1 ORDER BY due, entry_id, direction",
                                error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PnStoredCard *card = g_new0 (PnStoredCard, 1);

      card->entry_id = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      card->direction = sqlite3_column_int (statement, 1) == PN_CARD_DEFINITION_TO_TERM
                        ? PN_CARD_DEFINITION_TO_TERM : PN_CARD_TERM_TO_DEFINITION;
      read_card (statement, 2, &card->fsrs, &card->introduced_at);
      g_ptr_array_add (cards, card);
    }
  if (!rows_done (statement, status, error))
    return NULL;

  return g_steal_pointer (&cards);
}

static guint
count (PnStore    *self,
       const char *sql,
       const char *pack_id,
       gint64      from,
       gint64      to)
{
  sqlite3_stmt *statement = pn_store_prepare (self, sql, NULL);
  guint n = 0;

  if (statement == NULL)
    return 0;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (statement) == 3)
    {
      sqlite3_bind_int64 (statement, 2, from);
      sqlite3_bind_int64 (statement, 3, to);
    }
  if (sqlite3_step (statement) == SQLITE_ROW)
    n = (guint) MAX (0, sqlite3_column_int64 (statement, 0));
  sqlite3_finalize (statement);

  return n;
}

guint
pn_store_count_cards (PnStore    *self,
                      const char *pack_id)
{
  g_return_val_if_fail (PN_IS_STORE (self), 0);
  g_return_val_if_fail (pack_id != NULL, 0);

  return count (self, "SELECT count(*) FROM cards WHERE pack_id = ?1", pack_id, 0, 0);
}

guint
pn_store_count_cards_introduced (PnStore    *self,
                                 const char *pack_id,
                                 gint64      from,
                                 gint64      to)
{
  g_return_val_if_fail (PN_IS_STORE (self), 0);
  g_return_val_if_fail (pack_id != NULL, 0);

  return count (self,
                "SELECT count(*) FROM cards WHERE pack_id = ?1 AND introduced_at >= ?2 AND introduced_at < ?3",
                pack_id, from, to);
}

GArray *
pn_store_get_card_reviews (PnStore          *self,
                           const char       *pack_id,
                           const char       *entry_id,
                           PnCardDirection   direction,
                           GError          **error)
{
  g_autoptr(GArray) reviews = g_array_new (FALSE, TRUE, sizeof (PnCardReview));
  sqlite3_stmt *statement;
  int status;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL && entry_id != NULL, NULL);

  statement = pn_store_prepare (self,
                                "SELECT rating, reviewed_at, state, stability, difficulty, due, elapsed_days "
                                "FROM card_reviews WHERE pack_id = ?1 AND entry_id = ?2 AND direction = ?3 "
                                "ORDER BY reviewed_at, id",
                                error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, entry_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 3, direction);
  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PnCardReview review = {
        .rating = (PnFsrsRating) CLAMP (sqlite3_column_int (statement, 0), PN_FSRS_AGAIN, PN_FSRS_EASY),
        .reviewed_at = sqlite3_column_int64 (statement, 1),
        .state = (PnFsrsState) CLAMP (sqlite3_column_int (statement, 2), PN_FSRS_NEW, PN_FSRS_RELEARNING),
        .stability = sqlite3_column_double (statement, 3),
        .difficulty = sqlite3_column_double (statement, 4),
        .due = sqlite3_column_int64 (statement, 5),
        .elapsed_days = sqlite3_column_int (statement, 6),
      };

      g_array_append_val (reviews, review);
    }
  if (!rows_done (statement, status, error))
    return NULL;

  return g_steal_pointer (&reviews);
}
