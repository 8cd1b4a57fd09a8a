/* pn-store-packs.c: the student's data of a whole pack: the library's
 * progress figures, and forgetting a pack that is removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pn-store-packs.h"
#include "pn-store-private.h"

/* A position from which a document counts as read to its end. */
#define READ_TO_END 0.95

/* The one number @sql gives for @pack_id (and @now as ?2 when the SQL has it). */
static gboolean
count_rows (PnStore     *self,
            const char  *sql,
            const char  *pack_id,
            gint64       now,
            guint       *count,
            GError     **error)
{
  sqlite3_stmt *statement = pn_store_prepare (self, sql, error);
  int status;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (statement) >= 2)
    sqlite3_bind_int64 (statement, 2, now);
  status = sqlite3_step (statement);
  if (status == SQLITE_ROW)
    {
      *count = (guint) sqlite3_column_int64 (statement, 0);
      status = sqlite3_step (statement);
    }
  return pn_store_rows_done (self, statement, status, _("cannot read the pack’s progress"), error);
}

static gboolean
read_positions (PnStore             *self,
                const char          *pack_id,
                const char * const  *document_ids,
                PnPackProgress      *progress,
                GError             **error)
{
  g_autoptr(GHashTable) fractions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *statement;
  guint n_documents = 0;
  double sum = 0;
  int status;

  statement = pn_store_prepare (self, "SELECT doc_id, fraction FROM positions WHERE pack_id = ?1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *doc_id = (const char *) sqlite3_column_text (statement, 0);
      double *fraction = g_new (double, 1);

      *fraction = CLAMP (sqlite3_column_double (statement, 1), 0.0, 1.0);
      g_hash_table_replace (fractions, g_strdup (doc_id != NULL ? doc_id : ""), fraction);
    }
  if (!pn_store_rows_done (self, statement, status, _("cannot read the pack’s progress"), error))
    return FALSE;

  for (guint i = 0; document_ids != NULL && document_ids[i] != NULL; i++)
    {
      const double *fraction = g_hash_table_lookup (fractions, document_ids[i]);

      n_documents++;
      if (fraction == NULL)
        continue;
      progress->documents_started++;
      if (*fraction >= READ_TO_END)
        progress->documents_read++;
      sum += *fraction;
    }
  progress->read_fraction = n_documents > 0 ? CLAMP (sum / n_documents, 0.0, 1.0) : 0.0;
  return TRUE;
}

/* The quizzes with a finished attempt, and the mean of each quiz's best full attempt. */
static gboolean
read_quizzes (PnStore         *self,
              const char      *pack_id,
              PnPackProgress  *progress,
              GError         **error)
{
  sqlite3_stmt *statement;
  guint n_best = 0;
  double sum = 0;
  int status;

  statement = pn_store_prepare (self,
                                "SELECT quiz_id, MAX(CASE WHEN review = 0 AND max_score > 0 "
                                "                        THEN score / max_score END) "
                                "FROM quiz_attempts WHERE pack_id = ?1 AND finished_at IS NOT NULL "
                                "GROUP BY quiz_id",
                                error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    {
      progress->quizzes_taken++;
      if (sqlite3_column_type (statement, 1) != SQLITE_NULL)
        {
          sum += CLAMP (sqlite3_column_double (statement, 1), 0.0, 1.0);
          n_best++;
        }
    }
  if (!pn_store_rows_done (self, statement, status, _("cannot read the pack’s progress"), error))
    return FALSE;
  progress->best_quiz_score = n_best > 0 ? sum / n_best : 0.0;
  return TRUE;
}

gboolean
pn_store_get_pack_progress (PnStore             *self,
                            const char          *pack_id,
                            const char * const  *document_ids,
                            gint64               now,
                            PnPackProgress      *progress,
                            GError             **error)
{
  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);
  g_return_val_if_fail (progress != NULL, FALSE);

  memset (progress, 0, sizeof *progress);
  return read_positions (self, pack_id, document_ids, progress, error) &&
         count_rows (self, "SELECT COUNT(*) FROM cards WHERE pack_id = ?1 AND reps > 0 AND due <= ?2",
                     pack_id, now, &progress->cards_due, error) &&
         count_rows (self, "SELECT COUNT(*) FROM annotations WHERE pack_id = ?1",
                     pack_id, 0, &progress->notes, error) &&
         read_quizzes (self, pack_id, progress, error);
}

gboolean
pn_store_forget_pack (PnStore     *self,
                      const char  *pack_id,
                      GError     **error)
{
  /* Rows that refer to others first. */
  static const char * const deletions[] = {
    "DELETE FROM annotation_tags WHERE annotation_id IN (SELECT id FROM annotations WHERE pack_id = ?1)",
    "DELETE FROM annotations WHERE pack_id = ?1",
    "DELETE FROM card_reviews WHERE pack_id = ?1",
    "DELETE FROM cards WHERE pack_id = ?1",
    "DELETE FROM quiz_answers WHERE attempt_id IN (SELECT id FROM quiz_attempts WHERE pack_id = ?1)",
    "DELETE FROM quiz_answers WHERE pack_id = ?1",
    "DELETE FROM quiz_attempts WHERE pack_id = ?1",
    "DELETE FROM positions WHERE pack_id = ?1",
    "DELETE FROM packs WHERE pack_id = ?1",
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);

  if (!pn_store_run (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (deletions); i++)
    {
      sqlite3_stmt *statement = pn_store_prepare (self, deletions[i], error);

      if (statement == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
      ok = pn_store_step_done (self, statement, error);
    }
  if (ok && pn_store_run (self, "COMMIT", error))
    return TRUE;
  /* Nothing of it stays: the student keeps all their data of the pack. */
  pn_store_run (self, "ROLLBACK", NULL);
  return FALSE;
}
