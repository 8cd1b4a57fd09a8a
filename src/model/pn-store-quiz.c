/* pn-store-quiz.c: the student's quiz attempts and answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pn-store-private.h"

/* Version 4: attempts and their answers. Answers carry the pack and quiz ids
 * beside the attempt so that a question's history is one indexed lookup;
 * question ids are never checked against a quiz file, so results outlive a
 * question's absence from the pack. */
const char pn_store_quiz_v1[] =
  "CREATE TABLE quiz_attempts ("
  "  id INTEGER PRIMARY KEY,"
  "  pack_id TEXT NOT NULL REFERENCES packs (pack_id),"
  "  quiz_id TEXT NOT NULL,"
  "  started_at INTEGER NOT NULL,"
  "  finished_at INTEGER,"
  "  score REAL NOT NULL DEFAULT 0,"
  "  max_score REAL NOT NULL DEFAULT 0,"
  "  review INTEGER NOT NULL DEFAULT 0 CHECK (review IN (0, 1))"
  ");"
  "CREATE INDEX quiz_attempts_by_quiz ON quiz_attempts (pack_id, quiz_id, started_at);"
  "CREATE TABLE quiz_answers ("
  "  attempt_id INTEGER NOT NULL REFERENCES quiz_attempts (id),"
  "  pack_id TEXT NOT NULL,"
  "  quiz_id TEXT NOT NULL,"
  "  question_id TEXT NOT NULL,"
  "  response TEXT NOT NULL,"
  "  graded INTEGER NOT NULL CHECK (graded IN (0, 1)),"
  "  score REAL NOT NULL,"
  "  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
  "  answered_at INTEGER NOT NULL,"
  "  PRIMARY KEY (attempt_id, question_id)"
  ");"
  "CREATE INDEX quiz_answers_by_question ON quiz_answers (pack_id, quiz_id, question_id, answered_at);";

#define ATTEMPT_COLUMNS "id, quiz_id, started_at, finished_at, score, max_score, review"
#define ANSWER_COLUMNS "attempt_id, question_id, response, graded, score, correct, answered_at"

void
pn_quiz_attempt_free (PnQuizAttempt *attempt)
{
  if (attempt == NULL)
    return;

  g_free (attempt->quiz_id);
  g_free (attempt);
}

void
pn_quiz_stored_answer_free (PnQuizStoredAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->question_id);
  pn_quiz_response_free (answer->response);
  g_free (answer);
}

void
pn_quiz_summary_clear (PnQuizSummary *summary)
{
  g_clear_pointer (&summary->last, pn_quiz_attempt_free);
  memset (summary, 0, sizeof *summary);
}

/* The response as JSON */

char *
pn_quiz_response_to_json (const PnQuizResponse *response)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (response != NULL, NULL);

  json_builder_begin_object (builder);
  if (response->choice >= 0)
    {
      json_builder_set_member_name (builder, "choice");
      json_builder_add_int_value (builder, response->choice);
    }
  if (response->indices != NULL && response->indices->len > 0)
    {
      json_builder_set_member_name (builder, "indices");
      json_builder_begin_array (builder);
      for (guint i = 0; i < response->indices->len; i++)
        json_builder_add_int_value (builder, g_array_index (response->indices, int, i));
      json_builder_end_array (builder);
    }
  if (response->text != NULL)
    {
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, response->text);
    }
  if (response->gaps != NULL)
    {
      json_builder_set_member_name (builder, "gaps");
      json_builder_begin_array (builder);
      for (guint i = 0; response->gaps[i] != NULL; i++)
        json_builder_add_string_value (builder, response->gaps[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static int
int_value (JsonNode *node,
           int       fallback)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  return (int) CLAMP (json_node_get_int (node), -1, G_MAXINT);
}

PnQuizResponse *
pn_quiz_response_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PnQuizResponse) response = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonNode *root;

  g_return_val_if_fail (json != NULL, NULL);

  /* An empty text loads, with no root. */
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  response = pn_quiz_response_new ();

  if ((member = json_object_get_member (object, "choice")) != NULL)
    response->choice = int_value (member, -1);

  if ((member = json_object_get_member (object, "indices")) != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        pn_quiz_response_add_index (response, int_value (json_array_get_element (array, i), -1));
    }

  if ((member = json_object_get_member (object, "text")) != NULL &&
      JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
    response->text = g_strdup (json_node_get_string (member));

  if ((member = json_object_get_member (object, "gaps")) != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);
      g_autoptr(GStrvBuilder) gaps = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (gaps, json_node_get_string (element));
          else
            g_strv_builder_add (gaps, "");
        }
      response->gaps = g_strv_builder_end (gaps);
    }

  return g_steal_pointer (&response);
}

/* Statements */

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED, message);
  return FALSE;
}

static gboolean
rows_done (PnStore       *self,
           sqlite3_stmt  *statement,
           int            status,
           GError       **error)
{
  return pn_store_rows_done (self, statement, status, _("cannot read the quiz results"), error);
}

static PnQuizAttempt *
read_attempt (sqlite3_stmt *statement)
{
  PnQuizAttempt *attempt = g_new0 (PnQuizAttempt, 1);

  attempt->id = sqlite3_column_int64 (statement, 0);
  attempt->quiz_id = g_strdup ((const char *) sqlite3_column_text (statement, 1));
  attempt->started_at = sqlite3_column_int64 (statement, 2);
  attempt->finished_at = sqlite3_column_int64 (statement, 3);   /* NULL reads as 0 */
  attempt->score = MAX (0, sqlite3_column_double (statement, 4));
  attempt->max_score = MAX (0, sqlite3_column_double (statement, 5));
  attempt->review = sqlite3_column_int (statement, 6) != 0;

  return attempt;
}

static PnQuizStoredAnswer *
read_answer (sqlite3_stmt *statement)
{
  PnQuizStoredAnswer *answer = g_new0 (PnQuizStoredAnswer, 1);
  const char *json = (const char *) sqlite3_column_text (statement, 2);

  answer->attempt_id = sqlite3_column_int64 (statement, 0);
  answer->question_id = g_strdup ((const char *) sqlite3_column_text (statement, 1));
  answer->response = json != NULL ? pn_quiz_response_from_json (json) : NULL;
  if (answer->response == NULL)
    answer->response = pn_quiz_response_new ();
  answer->graded = sqlite3_column_int (statement, 3) != 0;
  answer->score = CLAMP (sqlite3_column_double (statement, 4), 0.0, 1.0);
  answer->correct = sqlite3_column_int (statement, 5) != 0;
  answer->answered_at = sqlite3_column_int64 (statement, 6);

  return answer;
}

gint64
pn_store_start_quiz_attempt (PnStore     *self,
                             const char  *pack_id,
                             const char  *quiz_id,
                             double       max_score,
                             gboolean     review,
                             gint64       now,
                             GError     **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PN_IS_STORE (self), 0);
  g_return_val_if_fail (pack_id != NULL && quiz_id != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  /* The pack's row, which the attempt refers to, and the attempt, in one
   * transaction. */
  if (!pn_store_run (self, "BEGIN IMMEDIATE", error))
    return 0;
  if (!pn_store_ensure_pack (self, pack_id, error))
    goto rollback;

  statement = pn_store_prepare (self,
                                "INSERT INTO quiz_attempts (pack_id, quiz_id, started_at, max_score, review) "
                                "VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (statement != NULL)
    {
      sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (statement, 2, quiz_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (statement, 3, now);
      sqlite3_bind_double (statement, 4, MAX (0, max_score));
      sqlite3_bind_int (statement, 5, review ? 1 : 0);
    }
  if (statement == NULL || !pn_store_step_done (self, statement, error))
    goto rollback;

  {
    gint64 id = pn_store_last_insert_rowid (self);

    if (!pn_store_run (self, "COMMIT", error))
      goto rollback;

    return id;
  }

rollback:
  pn_store_run (self, "ROLLBACK", NULL);
  return 0;
}

gboolean
pn_store_record_quiz_answer (PnStore               *self,
                             gint64                 attempt_id,
                             const char            *question_id,
                             const PnQuizResponse  *response,
                             const PnQuizGrade     *grade,
                             gint64                 now,
                             GError               **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *statement;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (question_id != NULL && response != NULL && grade != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  json = pn_quiz_response_to_json (response);

  /* One statement, so one transaction: the answer is written only into an
   * attempt that exists and is not finished. */
  statement = pn_store_prepare (self,
                                "INSERT INTO quiz_answers (" ANSWER_COLUMNS ", pack_id, quiz_id) "
                                "SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, pack_id, quiz_id FROM quiz_attempts "
                                "WHERE id = ?1 AND finished_at IS NULL "
                                "ON CONFLICT (attempt_id, question_id) DO UPDATE SET "
                                "response = excluded.response, graded = excluded.graded, "
                                "score = excluded.score, correct = excluded.correct, "
                                "answered_at = excluded.answered_at",
                                error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, attempt_id);
  sqlite3_bind_text (statement, 2, question_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, json, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 4, grade->graded ? 1 : 0);
  sqlite3_bind_double (statement, 5, grade->graded ? CLAMP (grade->score, 0.0, 1.0) : 0.0);
  sqlite3_bind_int (statement, 6, grade->graded && grade->correct ? 1 : 0);
  sqlite3_bind_int64 (statement, 7, now);
  if (!pn_store_step_done (self, statement, error))
    return FALSE;

  if (pn_store_changes (self) == 0)
    return fail (error, _("cannot save the answer: the quiz attempt is finished or unknown"));

  return TRUE;
}

PnQuizAttempt *
pn_store_get_quiz_attempt (PnStore  *self,
                           gint64    attempt_id,
                           GError  **error)
{
  sqlite3_stmt *statement;
  PnQuizAttempt *attempt = NULL;
  int status;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  statement = pn_store_prepare (self, "SELECT " ATTEMPT_COLUMNS " FROM quiz_attempts WHERE id = ?1", error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, attempt_id);
  status = sqlite3_step (statement);
  if (status == SQLITE_ROW)
    {
      attempt = read_attempt (statement);
      status = SQLITE_DONE;
    }
  if (!rows_done (self, statement, status, error))
    return NULL;

  return attempt;
}

gboolean
pn_store_finish_quiz_attempt (PnStore         *self,
                              gint64           attempt_id,
                              gint64           now,
                              PnQuizAttempt  **attempt_out,
                              GError         **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* One statement: the score and the time together, or neither. */
  statement = pn_store_prepare (self,
                                "UPDATE quiz_attempts SET finished_at = ?2, "
                                "score = (SELECT coalesce (sum (score), 0) FROM quiz_answers "
                                "         WHERE attempt_id = ?1 AND graded = 1) "
                                "WHERE id = ?1 AND finished_at IS NULL",
                                error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, attempt_id);
  sqlite3_bind_int64 (statement, 2, now);
  if (!pn_store_step_done (self, statement, error))
    return FALSE;

  if (pn_store_changes (self) == 0)
    return fail (error, _("cannot finish the quiz attempt: it is finished already or unknown"));

  if (attempt_out != NULL)
    {
      *attempt_out = pn_store_get_quiz_attempt (self, attempt_id, error);
      return *attempt_out != NULL;
    }

  return TRUE;
}

static GPtrArray *
attempts_where (PnStore     *self,
                const char  *sql,
                const char  *pack_id,
                const char  *quiz_id,
                GError     **error)
{
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_quiz_attempt_free);
  sqlite3_stmt *statement = pn_store_prepare (self, sql, error);
  int status;

  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, quiz_id, -1, SQLITE_TRANSIENT);
  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (attempts, read_attempt (statement));
  if (!rows_done (self, statement, status, error))
    return NULL;

  return g_steal_pointer (&attempts);
}

GPtrArray *
pn_store_get_quiz_attempts (PnStore     *self,
                            const char  *pack_id,
                            const char  *quiz_id,
                            GError     **error)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL && quiz_id != NULL, NULL);

  return attempts_where (self,
                         "SELECT " ATTEMPT_COLUMNS " FROM quiz_attempts WHERE pack_id = ?1 AND quiz_id = ?2 "
                         "ORDER BY started_at, id",
                         pack_id, quiz_id, error);
}

PnQuizAttempt *
pn_store_get_unfinished_quiz_attempt (PnStore     *self,
                                      const char  *pack_id,
                                      const char  *quiz_id,
                                      GError     **error)
{
  g_autoptr(GPtrArray) attempts = NULL;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL && quiz_id != NULL, NULL);

  attempts = attempts_where (self,
                             "SELECT " ATTEMPT_COLUMNS " FROM quiz_attempts "
                             "WHERE pack_id = ?1 AND quiz_id = ?2 AND finished_at IS NULL "
                             "ORDER BY started_at DESC, id DESC LIMIT 1",
                             pack_id, quiz_id, error);
  if (attempts == NULL || attempts->len == 0)
    return NULL;

  return g_ptr_array_steal_index (attempts, 0);
}

static GPtrArray *
answers_of (PnStore       *self,
            sqlite3_stmt  *statement,
            GError       **error)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_quiz_stored_answer_free);
  int status;

  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (answers, read_answer (statement));
  if (!rows_done (self, statement, status, error))
    return NULL;

  return g_steal_pointer (&answers);
}

GPtrArray *
pn_store_get_quiz_answers (PnStore  *self,
                           gint64    attempt_id,
                           GError  **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  statement = pn_store_prepare (self,
                                "SELECT " ANSWER_COLUMNS " FROM quiz_answers WHERE attempt_id = ?1 "
                                "ORDER BY answered_at, rowid",
                                error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, attempt_id);

  return answers_of (self, statement, error);
}

GPtrArray *
pn_store_get_question_history (PnStore     *self,
                               const char  *pack_id,
                               const char  *quiz_id,
                               const char  *question_id,
                               GError     **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL && quiz_id != NULL && question_id != NULL, NULL);

  statement = pn_store_prepare (self,
                                "SELECT " ANSWER_COLUMNS " FROM quiz_answers "
                                "WHERE pack_id = ?1 AND quiz_id = ?2 AND question_id = ?3 "
                                "ORDER BY answered_at, attempt_id",
                                error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, quiz_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, question_id, -1, SQLITE_TRANSIENT);

  return answers_of (self, statement, error);
}

#define FINISHED_LAST "ORDER BY finished_at DESC, id DESC LIMIT 1"

gboolean
pn_store_get_quiz_summary (PnStore        *self,
                           const char     *pack_id,
                           const char     *quiz_id,
                           PnQuizSummary  *summary,
                           GError        **error)
{
  g_autoptr(GPtrArray) best = NULL;
  g_autoptr(GPtrArray) last = NULL;
  sqlite3_stmt *statement;
  int status;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL && quiz_id != NULL && summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);

  statement = pn_store_prepare (self,
                                "SELECT count(*) FROM quiz_attempts "
                                "WHERE pack_id = ?1 AND quiz_id = ?2 AND finished_at IS NOT NULL",
                                error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, quiz_id, -1, SQLITE_TRANSIENT);
  if ((status = sqlite3_step (statement)) == SQLITE_ROW)
    {
      summary->n_finished = (guint) CLAMP (sqlite3_column_int64 (statement, 0), 0, G_MAXUINT);
      status = SQLITE_DONE;
    }
  if (!rows_done (self, statement, status, error))
    return FALSE;

  /* The best as a fraction of the attempt's questions, over full attempts:
   * review attempts ask only the missed questions, so they do not count.
   * Ties: the earliest. */
  best = attempts_where (self,
                         "SELECT " ATTEMPT_COLUMNS " FROM quiz_attempts "
                         "WHERE pack_id = ?1 AND quiz_id = ?2 AND finished_at IS NOT NULL AND review = 0 "
                         "ORDER BY CASE WHEN max_score > 0 THEN score / max_score ELSE 0 END DESC, "
                         "finished_at, id LIMIT 1",
                         pack_id, quiz_id, error);
  if (best == NULL)
    return FALSE;
  if (best->len > 0)
    {
      const PnQuizAttempt *attempt = g_ptr_array_index (best, 0);

      summary->has_best = TRUE;
      summary->best_score = attempt->score;
      summary->best_max_score = attempt->max_score;
    }

  last = attempts_where (self,
                         "SELECT " ATTEMPT_COLUMNS " FROM quiz_attempts "
                         "WHERE pack_id = ?1 AND quiz_id = ?2 AND finished_at IS NOT NULL " FINISHED_LAST,
                         pack_id, quiz_id, error);
  if (last == NULL)
    return FALSE;
  if (last->len > 0)
    summary->last = g_ptr_array_steal_index (last, 0);

  return TRUE;
}

GStrv
pn_store_get_missed_questions (PnStore     *self,
                               const char  *pack_id,
                               const char  *quiz_id,
                               GError     **error)
{
  g_autoptr(GStrvBuilder) missed = g_strv_builder_new ();
  sqlite3_stmt *statement;
  int status;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL && quiz_id != NULL, NULL);

  statement = pn_store_prepare (self,
                                "SELECT question_id FROM quiz_answers WHERE graded = 1 AND correct = 0 AND "
                                "attempt_id = (SELECT id FROM quiz_attempts "
                                "              WHERE pack_id = ?1 AND quiz_id = ?2 AND finished_at IS NOT NULL "
                                "              " FINISHED_LAST ") "
                                "ORDER BY answered_at, rowid",
                                error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, quiz_id, -1, SQLITE_TRANSIENT);
  while ((status = sqlite3_step (statement)) == SQLITE_ROW)
    g_strv_builder_add (missed, (const char *) sqlite3_column_text (statement, 0));
  if (!rows_done (self, statement, status, error))
    return NULL;

  return g_strv_builder_end (missed);
}
