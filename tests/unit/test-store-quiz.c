/* test-store-quiz.c: the quiz tables of the student's database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "pn-store-private.h"
#include "pn-test-util.h"

/* 2026-03-02 09:00 UTC */
#define T0 G_GINT64_CONSTANT (1772442000)

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pn-store-quiz-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "student.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pn_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
start (PnStore    *store,
       const char *quiz_id,
       double      max_score,
       gboolean    review,
       gint64      now)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pn_store_start_quiz_attempt (store, "pack", quiz_id, max_score, review, now, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Records an answer graded @score (correct when 1; graded unless @score < 0). */
static void
answer (PnStore    *store,
        gint64      attempt,
        const char *question_id,
        const char *text,
        double      score,
        gint64      now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
  PnQuizGrade grade = { .graded = score >= 0, .score = MAX (score, 0), .correct = score >= 1 };

  response->text = g_strdup (text);
  g_assert_true (pn_store_record_quiz_answer (store, attempt, question_id, response, &grade, now, &error));
  g_assert_no_error (error);
}

static PnQuizAttempt *
finish (PnStore *store,
        gint64   attempt,
        gint64   now)
{
  g_autoptr(GError) error = NULL;
  PnQuizAttempt *finished = NULL;

  g_assert_true (pn_store_finish_quiz_attempt (store, attempt, now, &finished, &error));
  g_assert_no_error (error);
  g_assert_nonnull (finished);

  return finished;
}

/* The response goes to JSON and back whole, every member. */
static void
test_response_json (void)
{
  g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
  g_autoptr(PnQuizResponse) back = NULL;
  g_autoptr(PnQuizResponse) empty_back = NULL;
  g_autoptr(PnQuizResponse) empty = pn_quiz_response_new ();
  g_autofree char *json = NULL;
  g_autofree char *empty_json = NULL;
  const char *gaps[] = { "rente", "« dîme »\n\"x\"", "", NULL };

  response->choice = 3;
  pn_quiz_response_add_index (response, 2);
  pn_quiz_response_add_index (response, -1);
  pn_quiz_response_add_index (response, 0);
  response->text = g_strdup ("Un texte \"cité\"\n\tet des \\ barres");
  response->gaps = g_strdupv ((char **) gaps);

  json = pn_quiz_response_to_json (response);
  back = pn_quiz_response_from_json (json);
  g_assert_nonnull (back);
  g_assert_cmpint (back->choice, ==, 3);
  g_assert_cmpuint (back->indices->len, ==, 3);
  g_assert_cmpint (g_array_index (back->indices, int, 0), ==, 2);
  g_assert_cmpint (g_array_index (back->indices, int, 1), ==, -1);
  g_assert_cmpint (g_array_index (back->indices, int, 2), ==, 0);
  g_assert_cmpstr (back->text, ==, response->text);
  g_assert_cmpstrv (back->gaps, gaps);

  /* Nothing answered stays nothing. */
  empty_json = pn_quiz_response_to_json (empty);
  g_assert_cmpstr (empty_json, ==, "{}");
  empty_back = pn_quiz_response_from_json (empty_json);
  g_assert_cmpint (empty_back->choice, ==, -1);
  g_assert_cmpuint (empty_back->indices->len, ==, 0);
  g_assert_null (empty_back->text);
  g_assert_null (empty_back->gaps);

  /* What is not such an object is refused. */
  g_assert_null (pn_quiz_response_from_json ("[1, 2]"));
  g_assert_null (pn_quiz_response_from_json ("{\"choice\": "));
  g_assert_null (pn_quiz_response_from_json (""));
}

/* An attempt and its answers are on disk: closing and reopening the store
 * gives them back, with the response as it was given. */
static void
test_persisted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(PnQuizAttempt) finished = NULL;
  g_autoptr(PnQuizAttempt) read = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  const PnQuizStoredAnswer *stored;
  gint64 attempt;

  g_assert_no_error (error);
  attempt = start (store, "bases", 3, FALSE, T0);
  answer (store, attempt, "q1", "la rente", 1, T0 + 10);
  answer (store, attempt, "q2", "la dîme", 0, T0 + 20);
  answer (store, attempt, "q3", NULL, 0.5, T0 + 30);
  answer (store, attempt, "essai", "Mon avis, en entier.", -1, T0 + 40);
  /* Answered again: replaces the first answer to q2. */
  answer (store, attempt, "q2", "le seigneurage", 1, T0 + 50);
  g_clear_object (&store);

  /* Closed in the middle: the attempt is there to take up, its answers kept. */
  store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PnQuizAttempt) unfinished = pn_store_get_unfinished_quiz_attempt (store, "pack", "bases", &error);
    g_autoptr(PnQuizAttempt) other = pn_store_get_unfinished_quiz_attempt (store, "pack", "autre", &error);

    g_assert_no_error (error);
    g_assert_nonnull (unfinished);
    g_assert_cmpint (unfinished->id, ==, attempt);
    g_assert_cmpint (unfinished->finished_at, ==, 0);
    g_assert_null (other);
  }
  finished = finish (store, attempt, T0 + 60);
  g_assert_cmpfloat_with_epsilon (finished->score, 2.5, 1e-9);
  g_assert_null (pn_store_get_unfinished_quiz_attempt (store, "pack", "bases", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (finished->max_score, 3, 1e-9);
  g_assert_cmpint (finished->finished_at, ==, T0 + 60);
  g_clear_object (&store);

  store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  read = pn_store_get_quiz_attempt (store, attempt, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpstr (read->quiz_id, ==, "bases");
  g_assert_cmpint (read->started_at, ==, T0);
  g_assert_cmpint (read->finished_at, ==, T0 + 60);
  g_assert_cmpfloat_with_epsilon (read->score, 2.5, 1e-9);
  g_assert_false (read->review);

  answers = pn_store_get_quiz_answers (store, attempt, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 4);
  stored = g_ptr_array_index (answers, 0);
  g_assert_cmpstr (stored->question_id, ==, "q1");
  g_assert_cmpstr (stored->response->text, ==, "la rente");
  g_assert_true (stored->graded && stored->correct);
  g_assert_cmpint (stored->answered_at, ==, T0 + 10);
  stored = g_ptr_array_index (answers, 2);
  g_assert_cmpstr (stored->question_id, ==, "essai");
  g_assert_false (stored->graded);
  g_assert_cmpstr (stored->response->text, ==, "Mon avis, en entier.");
  stored = g_ptr_array_index (answers, 3);
  g_assert_cmpstr (stored->question_id, ==, "q2");
  g_assert_cmpstr (stored->response->text, ==, "le seigneurage");
  g_assert_true (stored->correct);

  attempts = pn_store_get_quiz_attempts (store, "pack", "bases", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 1);

  /* A finished attempt takes no more answers, and is not finished twice. */
  {
    g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
    PnQuizGrade grade = { .graded = TRUE, .score = 1, .correct = TRUE };

    g_assert_false (pn_store_record_quiz_answer (store, attempt, "q9", response, &grade, T0 + 70, &error));
    g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_false (pn_store_record_quiz_answer (store, 12345, "q9", response, &grade, T0 + 70, &error));
    g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_false (pn_store_finish_quiz_attempt (store, attempt, T0 + 80, NULL, &error));
    g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
    g_clear_error (&error);
  }
  g_clear_pointer (&answers, g_ptr_array_unref);
  answers = pn_store_get_quiz_answers (store, attempt, &error);
  g_assert_cmpuint (answers->len, ==, 4);
  g_clear_pointer (&read, pn_quiz_attempt_free);
  read = pn_store_get_quiz_attempt (store, attempt, &error);
  g_assert_cmpint (read->finished_at, ==, T0 + 60);

  g_assert_null (pn_store_get_quiz_attempt (store, 12345, &error));
  g_assert_no_error (error);
}

/* The best score is the best fraction over finished full attempts; a review
 * attempt (only the missed questions) and an unfinished one do not count,
 * but the last attempt is the last finished of any kind. */
static void
test_best_score (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(PnQuizAttempt) first = NULL;
  g_autoptr(PnQuizAttempt) second = NULL;
  g_autoptr(PnQuizAttempt) review = NULL;
  PnQuizSummary summary;
  gint64 attempt;

  g_assert_no_error (error);
  g_assert_true (pn_store_get_quiz_summary (store, "pack", "bases", &summary, &error));
  g_assert_cmpuint (summary.n_finished, ==, 0);
  g_assert_false (summary.has_best);
  g_assert_null (summary.last);

  attempt = start (store, "bases", 4, FALSE, T0);
  answer (store, attempt, "q1", "a", 1, T0 + 1);
  answer (store, attempt, "q2", "b", 0, T0 + 2);
  first = finish (store, attempt, T0 + 3);          /* 1 / 4 */

  attempt = start (store, "bases", 4, FALSE, T0 + 100);
  answer (store, attempt, "q1", "a", 1, T0 + 101);
  answer (store, attempt, "q2", "b", 1, T0 + 102);
  answer (store, attempt, "q3", "c", 0.5, T0 + 103);
  second = finish (store, attempt, T0 + 104);       /* 2.5 / 4 */

  attempt = start (store, "bases", 1, TRUE, T0 + 200);
  answer (store, attempt, "q4", "d", 1, T0 + 201);
  review = finish (store, attempt, T0 + 202);       /* 1 / 1, a review */
  g_assert_true (review->review);

  /* Unfinished, and another quiz: neither counts. */
  attempt = start (store, "bases", 4, FALSE, T0 + 300);
  answer (store, attempt, "q1", "a", 1, T0 + 301);
  answer (store, attempt, "q2", "b", 1, T0 + 302);
  answer (store, attempt, "q3", "c", 1, T0 + 303);
  answer (store, attempt, "q4", "d", 1, T0 + 304);
  attempt = start (store, "autre", 1, FALSE, T0 + 400);
  answer (store, attempt, "q1", "a", 1, T0 + 401);
  pn_quiz_attempt_free (finish (store, attempt, T0 + 402));

  g_assert_true (pn_store_get_quiz_summary (store, "pack", "bases", &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_finished, ==, 3);
  g_assert_true (summary.has_best);
  g_assert_cmpfloat_with_epsilon (summary.best_score, 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.best_max_score, 4, 1e-9);
  g_assert_nonnull (summary.last);
  g_assert_cmpint (summary.last->id, ==, review->id);
  g_assert_true (summary.last->review);
  pn_quiz_summary_clear (&summary);
  g_assert_null (summary.last);

  /* Every attempt of the quiz, oldest first, the unfinished one included. */
  {
    g_autoptr(GPtrArray) attempts = pn_store_get_quiz_attempts (store, "pack", "bases", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (attempts->len, ==, 4);
    g_assert_cmpint (((PnQuizAttempt *) g_ptr_array_index (attempts, 0))->id, ==, first->id);
    g_assert_cmpint (((PnQuizAttempt *) g_ptr_array_index (attempts, 1))->id, ==, second->id);
    g_assert_cmpint (((PnQuizAttempt *) g_ptr_array_index (attempts, 3))->finished_at, ==, 0);
  }
}

/* « Revoir les erreurs »: the questions missed (partly right included, open
 * ones never) in the last finished attempt; a review attempt narrows them. */
static void
test_missed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) missed = NULL;
  g_auto(GStrv) after_review = NULL;
  g_auto(GStrv) all_right = NULL;
  gint64 attempt;

  g_assert_no_error (error);
  none = pn_store_get_missed_questions (store, "pack", "bases", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (none, ((const char *[]) { NULL }));

  attempt = start (store, "bases", 4, FALSE, T0);
  answer (store, attempt, "q1", "a", 1, T0 + 1);
  answer (store, attempt, "q2", "b", 0, T0 + 2);
  answer (store, attempt, "q3", "c", 0.5, T0 + 3);
  answer (store, attempt, "ouverte", "d", -1, T0 + 4);
  answer (store, attempt, "q5", "e", 0, T0 + 5);
  pn_quiz_attempt_free (finish (store, attempt, T0 + 6));

  /* An unfinished attempt started since is not « the last attempt ». */
  attempt = start (store, "bases", 4, FALSE, T0 + 50);
  answer (store, attempt, "q1", "a", 0, T0 + 51);

  missed = pn_store_get_missed_questions (store, "pack", "bases", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missed, ((const char *[]) { "q2", "q3", "q5", NULL }));

  attempt = start (store, "bases", 3, TRUE, T0 + 100);
  answer (store, attempt, "q2", "b", 1, T0 + 101);
  answer (store, attempt, "q3", "c", 0, T0 + 102);
  answer (store, attempt, "q5", "e", 1, T0 + 103);
  pn_quiz_attempt_free (finish (store, attempt, T0 + 104));
  after_review = pn_store_get_missed_questions (store, "pack", "bases", &error);
  g_assert_cmpstrv (after_review, ((const char *[]) { "q3", NULL }));

  attempt = start (store, "bases", 1, TRUE, T0 + 200);
  answer (store, attempt, "q3", "c", 1, T0 + 201);
  pn_quiz_attempt_free (finish (store, attempt, T0 + 202));
  all_right = pn_store_get_missed_questions (store, "pack", "bases", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (all_right, ((const char *[]) { NULL }));
}

/* The quiz changed in a pack update: q2 removed, q4 added. The questions
 * that remain keep their history, the new one starts empty, and the one
 * removed keeps its answers should it come back. */
static void
test_quiz_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) q1 = NULL;
  g_autoptr(GPtrArray) q3 = NULL;
  g_autoptr(GPtrArray) q4 = NULL;
  g_autoptr(GPtrArray) q2 = NULL;
  g_auto(GStrv) missed = NULL;
  gint64 before;
  gint64 after;

  g_assert_no_error (error);
  before = start (store, "bases", 3, FALSE, T0);
  answer (store, before, "q1", "un", 0, T0 + 1);
  answer (store, before, "q2", "deux", 1, T0 + 2);
  answer (store, before, "q3", "trois", 1, T0 + 3);
  pn_quiz_attempt_free (finish (store, before, T0 + 4));
  g_clear_object (&store);

  /* The new version of the pack, the same pack id. */
  store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  after = start (store, "bases", 3, FALSE, T0 + 1000);
  answer (store, after, "q1", "un bis", 1, T0 + 1001);
  answer (store, after, "q3", "trois bis", 0, T0 + 1002);
  answer (store, after, "q4", "quatre", 1, T0 + 1003);
  pn_quiz_attempt_free (finish (store, after, T0 + 1004));

  q1 = pn_store_get_question_history (store, "pack", "bases", "q1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (q1->len, ==, 2);
  g_assert_cmpstr (((PnQuizStoredAnswer *) g_ptr_array_index (q1, 0))->response->text, ==, "un");
  g_assert_false (((PnQuizStoredAnswer *) g_ptr_array_index (q1, 0))->correct);
  g_assert_cmpint (((PnQuizStoredAnswer *) g_ptr_array_index (q1, 0))->attempt_id, ==, before);
  g_assert_cmpstr (((PnQuizStoredAnswer *) g_ptr_array_index (q1, 1))->response->text, ==, "un bis");
  g_assert_true (((PnQuizStoredAnswer *) g_ptr_array_index (q1, 1))->correct);

  q3 = pn_store_get_question_history (store, "pack", "bases", "q3", &error);
  g_assert_cmpuint (q3->len, ==, 2);
  q4 = pn_store_get_question_history (store, "pack", "bases", "q4", &error);
  g_assert_cmpuint (q4->len, ==, 1);
  q2 = pn_store_get_question_history (store, "pack", "bases", "q2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (q2->len, ==, 1);
  g_assert_cmpstr (((PnQuizStoredAnswer *) g_ptr_array_index (q2, 0))->response->text, ==, "deux");

  missed = pn_store_get_missed_questions (store, "pack", "bases", &error);
  g_assert_cmpstrv (missed, ((const char *[]) { "q3", NULL }));

  /* Another pack's quiz of the same id is another quiz. */
  {
    g_autoptr(GPtrArray) other = pn_store_get_question_history (store, "other-pack", "bases", "q1", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (other->len, ==, 0);
  }
}

/* A write that fails (the database read-only) reports a GError and loses
 * nothing saved before it: the answers given so far, the attempt
 * unfinished; once writable again, the attempt goes on. */
static void
test_failed_write (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(PnQuizAttempt) read = NULL;
  PnQuizGrade grade = { .graded = TRUE, .score = 1, .correct = TRUE };
  sqlite3 *db;
  gint64 attempt;

  g_assert_no_error (error);
  attempt = start (store, "bases", 2, FALSE, T0);
  answer (store, attempt, "q1", "gardée", 1, T0 + 1);

  db = pn_store_get_connection (store);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = 1", NULL, NULL, NULL), ==, SQLITE_OK);

  response->text = g_strdup ("perdue");
  g_assert_false (pn_store_record_quiz_answer (store, attempt, "q2", response, &grade, T0 + 2, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  /* Rewriting an answer already there fails the same way and keeps the old one. */
  g_assert_false (pn_store_record_quiz_answer (store, attempt, "q1", response, &grade, T0 + 3, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pn_store_finish_quiz_attempt (store, attempt, T0 + 4, NULL, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (pn_store_start_quiz_attempt (store, "pack", "bases", 2, FALSE, T0 + 5, &error), ==, 0);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* Reading still works. */
  answers = pn_store_get_quiz_answers (store, attempt, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_clear_pointer (&answers, g_ptr_array_unref);

  /* Nothing lost, nothing half written, on disk. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA query_only = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);
  store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  answers = pn_store_get_quiz_answers (store, attempt, &error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (((PnQuizStoredAnswer *) g_ptr_array_index (answers, 0))->response->text, ==, "gardée");
  read = pn_store_get_quiz_attempt (store, attempt, &error);
  g_assert_cmpint (read->finished_at, ==, 0);
  {
    g_autoptr(GPtrArray) attempts = pn_store_get_quiz_attempts (store, "pack", "bases", &error);

    g_assert_cmpuint (attempts->len, ==, 1);
  }

  /* Positive control: the same calls succeed once the database is writable. */
  answer (store, attempt, "q2", "enfin", 1, T0 + 10);
  g_clear_pointer (&read, pn_quiz_attempt_free);
  read = finish (store, attempt, T0 + 11);
  g_assert_cmpfloat_with_epsilon (read->score, 2, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-quiz/response-json", test_response_json);
  g_test_add ("/store-quiz/persisted", Fixture, NULL, fixture_set_up, test_persisted, fixture_tear_down);
  g_test_add ("/store-quiz/best-score", Fixture, NULL, fixture_set_up, test_best_score, fixture_tear_down);
  g_test_add ("/store-quiz/missed", Fixture, NULL, fixture_set_up, test_missed, fixture_tear_down);
  g_test_add ("/store-quiz/quiz-changed", Fixture, NULL, fixture_set_up, test_quiz_changed, fixture_tear_down);
  g_test_add ("/store-quiz/failed-write", Fixture, NULL, fixture_set_up, test_failed_write, fixture_tear_down);

  return g_test_run ();
}
