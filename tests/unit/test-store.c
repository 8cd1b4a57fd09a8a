/* test-store.c: the student's database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pn-pack.h"
#include "pn-store-private.h"
#include "pn-test-util.h"
#include "store-test.h"

static int
latest_version (void)
{
  guint n = 0;

  pn_store_get_migrations (&n);
  return (int) n;
}

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pn-store-XXXXXX", &error);
  g_assert_no_error (error);
  /* The folder does not exist yet: opening creates it. */
  fixture->path = g_build_filename (fixture->dir, "deeper", "student.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pn_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Runs @sql on the database file directly, returning the first column of the first row. */
static char *
query (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  sqlite3_close (db);

  return result;
}

static void
test_open_and_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autofree char *mode = NULL;
  g_autofree char *version = NULL;
  g_autofree char *anchor = NULL;
  double fraction = -1;

  g_assert_no_error (error);
  g_assert_cmpint (pn_store_get_schema_version (store), ==, latest_version ());
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (pn_store_set_position (store, "pack", "doc", "intro", 0.25, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  mode = query (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  version = query (fixture->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, latest_version ());

  /* Reopening migrates nothing and keeps the data. */
  store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pn_store_get_schema_version (store), ==, latest_version ());
  g_assert_true (pn_store_get_position (store, "pack", "doc", &anchor, &fraction));
  g_assert_cmpstr (anchor, ==, "intro");
  g_assert_cmpfloat_with_epsilon (fraction, 0.25, 1e-9);
}

static void
test_positions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autofree char *anchor = NULL;
  double fraction = -1;

  g_assert_no_error (error);
  g_assert_false (pn_store_get_position (store, "pack", "doc", &anchor, &fraction));
  g_assert_null (anchor);

  g_assert_true (pn_store_set_position (store, "pack", "doc", "partie-1", 0.5, &error));
  g_assert_true (pn_store_set_position (store, "pack", "doc", NULL, 0.75, &error));
  g_assert_true (pn_store_set_position (store, "pack", "other", "x'); DROP TABLE positions; --", 2.0, &error));
  g_assert_true (pn_store_set_position (store, "other-pack", "doc", "ailleurs", -1.0, &error));
  g_assert_no_error (error);

  /* The last write wins; no anchor is NULL. */
  g_assert_true (pn_store_get_position (store, "pack", "doc", &anchor, &fraction));
  g_assert_null (anchor);
  g_assert_cmpfloat_with_epsilon (fraction, 0.75, 1e-9);

  /* Parameters are bound, never spliced into SQL; fractions are clamped. */
  g_assert_true (pn_store_get_position (store, "pack", "other", &anchor, &fraction));
  g_assert_cmpstr (anchor, ==, "x'); DROP TABLE positions; --");
  g_assert_cmpfloat (fraction, ==, 1.0);
  g_clear_pointer (&anchor, g_free);

  g_assert_true (pn_store_get_position (store, "other-pack", "doc", &anchor, &fraction));
  g_assert_cmpstr (anchor, ==, "ailleurs");
  g_assert_cmpfloat (fraction, ==, 0.0);

  /* Optional out-parameters. */
  g_assert_true (pn_store_get_position (store, "pack", "doc", NULL, NULL));
}

static void
test_last_document (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *none = NULL;

  g_assert_no_error (error);
  g_assert_true (pn_store_set_last_document (store, "pack", "intro", &error));
  first = pn_store_get_last_document (store, "pack");
  g_assert_cmpstr (first, ==, "intro");
  g_assert_true (pn_store_set_last_document (store, "pack", "essai", &error));
  g_assert_no_error (error);
  second = pn_store_get_last_document (store, "pack");
  g_assert_cmpstr (second, ==, "essai");
  none = pn_store_get_last_document (store, "never-opened");
  g_assert_null (none);
}

/* Each change is on disk when the call returns: another connection sees it. */
static void
test_committed_at_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autofree char *seen = NULL;

  g_assert_no_error (error);
  g_assert_true (pn_store_set_last_document (store, "pack", "essai", &error));
  seen = query (fixture->path, "SELECT last_doc_id FROM packs WHERE pack_id = 'pack'");
  g_assert_cmpstr (seen, ==, "essai");
}

/* A database from a newer version of the app is refused and left as it is. */
static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mode = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  before = store_test_checksum_file (fixture->path);

  store = pn_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));

  after = store_test_checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
  mode = query (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
}

/* A file that is not a database is moved aside, as it was, and a new one
 * started; the student is told where both are. */
static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autoptr(PnStore) again = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *notice;
  const char *name;
  guint n_aside = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "This is not SQLite, just some text that is long enough.",
                                      -1, NULL));
  before = store_test_checksum_file (fixture->path);

  store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (pn_store_set_position (store, "pack", "doc", "a", 0.5, &error));
  g_assert_no_error (error);

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "student.db.corrupt-"))
      {
        n_aside++;
        aside = g_build_filename (folder, name, NULL);
      }
  g_assert_cmpuint (n_aside, ==, 1);

  /* The bytes are all there under the new name. */
  after = store_test_checksum_file (aside);
  g_assert_cmpstr (before, ==, after);

  notice = pn_store_get_notice (store);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, fixture->path));
  g_assert_nonnull (strstr (notice, aside));

  /* Reopened, the new database is sound: nothing more is moved. */
  g_clear_object (&store);
  again = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (pn_store_get_notice (again));
  g_assert_true (pn_store_get_position (again, "pack", "doc", NULL, NULL));
}

/* Damaged twice in a row (within the same second, most likely): two files
 * aside, each with its own bytes; neither replaced the other. */
static void
test_damaged_twice (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *contents[] = { "First damaged file, not SQLite at all, long enough to be read.",
                             "Second damaged file, not SQLite either, also long enough here." };
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PnStore) store = NULL;

      g_assert_true (g_file_set_contents (fixture->path, contents[i], -1, NULL));
      store = pn_store_open (fixture->path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (pn_store_get_notice (store));
      g_clear_object (&store);
      g_assert_cmpint (g_remove (fixture->path), ==, 0);
    }

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "student.db.corrupt-"))
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_autofree char *kept = NULL;

        g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
        g_test_message ("%s: %s", name, kept);
        g_hash_table_add (seen, g_steal_pointer (&kept));
      }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2);
  g_assert_true (g_hash_table_contains (seen, contents[0]));
  g_assert_true (g_hash_table_contains (seen, contents[1]));
}

/* Student data is keyed by the pack id: a copy of the pack elsewhere (moved,
 * updated) finds the same reading position. */
static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        {
          copy_tree (source, target);
        }
      else
        {
          g_autofree char *contents = NULL;
          gsize length = 0;

          g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
        }
    }
}

static void
test_keyed_by_pack_id (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *original = g_build_filename (PN_TEST_PACKS_DIR, "good", NULL);
  g_autofree char *moved = g_build_filename (fixture->dir, "somewhere", "else", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(PnPack) first = pn_test_load (original, NULL);
  g_autoptr(PnPack) second = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *last = NULL;

  g_assert_no_error (error);
  g_assert_true (pn_store_set_position (store, pn_pack_get_id (first), "texte", "premiere-partie", 0.4, &error));
  g_assert_true (pn_store_set_last_document (store, pn_pack_get_id (first), "texte", &error));

  copy_tree (original, moved);
  second = pn_test_load (moved, NULL);
  g_assert_false (g_file_equal (pn_pack_get_root (first), pn_pack_get_root (second)));
  g_assert_true (pn_store_get_position (store, pn_pack_get_id (second), "texte", &anchor, NULL));
  g_assert_cmpstr (anchor, ==, "premiere-partie");
  last = pn_store_get_last_document (store, pn_pack_get_id (second));
  g_assert_cmpstr (last, ==, "texte");
}

/* Migrations: a database of every older schema version, holding data written
 * with that version's own tables, is carried to the newest with its data. */

typedef struct {
  const char *data;                 /* SQL written at this version; NULL: none */
  void      (*check) (PnStore *store);
} VersionData;

static void
check_new_database (PnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  g_assert_true (pn_store_set_position (store, "new", "doc", "a", 0.5, &error));
  g_assert_true (pn_store_set_last_document (store, "new", "doc", &error));
  g_assert_no_error (error);
  last = pn_store_get_last_document (store, "new");
  g_assert_cmpstr (last, ==, "doc");

  /* The flashcard tables take a review (version 3 on). */
  {
    PnFsrsParams params;
    PnFsrsCard card;

    pn_fsrs_params_init (&params);
    g_assert_true (pn_store_review_card (store, &params, "new", "rente", PN_CARD_TERM_TO_DEFINITION,
                                         PN_FSRS_GOOD, 5000, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (pn_store_get_card (store, "new", "rente", PN_CARD_TERM_TO_DEFINITION, &card, NULL));
    g_assert_cmpint (card.state, ==, PN_FSRS_LEARNING);
    g_assert_cmpint (card.last_review, ==, 5000);
  }

  /* The quiz tables take an attempt and an answer (version 4 on). */
  {
    g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
    PnQuizGrade grade = { .graded = TRUE, .score = 1.0, .correct = TRUE };
    g_autoptr(PnQuizAttempt) finished = NULL;
    gint64 attempt = pn_store_start_quiz_attempt (store, "new", "quiz", 1, FALSE, 6000, &error);

    g_assert_no_error (error);
    g_assert_cmpint (attempt, >, 0);
    response->choice = 2;
    g_assert_true (pn_store_record_quiz_answer (store, attempt, "q1", response, &grade, 6001, &error));
    g_assert_true (pn_store_finish_quiz_attempt (store, attempt, 6002, &finished, &error));
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (finished->score, 1.0, 1e-9);
  }

  /* The annotation tables take a highlight with tags (version 5 on). */
  {
    g_autoptr(PnAnnotation) highlight = pn_annotation_new ("new", "doc", PN_ANNOTATION_HIGHLIGHT);
    g_autoptr(PnAnnotation) read = NULL;

    highlight->selectors.exact = g_strdup ("mot");
    highlight->selectors.start = 3;
    highlight->selectors.end = 6;
    pn_annotation_set_tags (highlight, (const char *[]) { "t", NULL });
    g_assert_true (pn_store_add_annotation (store, highlight, &error));
    g_assert_no_error (error);
    read = pn_store_get_annotation (store, highlight->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (read->selectors.exact, ==, "mot");
    g_assert_cmpstrv (read->tags, ((const char *[]) { "t", NULL }));
  }
}

static void
check_positions (PnStore    *store,
                 const char *pack_id,
                 const char *last_expected)
{
  g_autofree char *anchor = NULL;
  g_autofree char *last = NULL;
  double fraction = -1;

  g_assert_true (pn_store_get_position (store, pack_id, "intro", &anchor, &fraction));
  g_assert_cmpstr (anchor, ==, "partie-2");
  g_assert_cmpfloat_with_epsilon (fraction, 0.5, 1e-9);
  g_clear_pointer (&anchor, g_free);
  g_assert_true (pn_store_get_position (store, pack_id, "essai", &anchor, &fraction));
  g_assert_null (anchor);
  g_assert_cmpfloat_with_epsilon (fraction, 0.25, 1e-9);
  last = pn_store_get_last_document (store, pack_id);
  g_assert_cmpstr (last, ==, last_expected);
}

static void
check_version_1 (PnStore *store)
{
  check_positions (store, "pack-v1", "essai");
  check_new_database (store);
}

static void
check_version_2 (PnStore *store)
{
  check_positions (store, "pack-v2", "intro");
  check_new_database (store);
}

static void
check_version_3 (PnStore *store)
{
  g_autoptr(GArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  PnFsrsCard card;
  gint64 introduced = 0;

  check_positions (store, "pack-v3", "essai");

  g_assert_true (pn_store_get_card (store, "pack-v3", "seigneurage", PN_CARD_DEFINITION_TO_TERM, &card, &introduced));
  g_assert_cmpint (card.state, ==, PN_FSRS_REVIEW);
  g_assert_cmpfloat_with_epsilon (card.stability, 8.2956, 1e-9);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 1.0, 1e-9);
  g_assert_cmpint (card.due, ==, 3000 + 8 * 86400);
  g_assert_cmpint (card.last_review, ==, 3000);
  g_assert_cmpint (card.reps, ==, 1);
  g_assert_cmpint (introduced, ==, 3000);
  g_assert_false (pn_store_get_card (store, "pack-v3", "seigneurage", PN_CARD_TERM_TO_DEFINITION, &card, NULL));

  reviews = pn_store_get_card_reviews (store, "pack-v3", "seigneurage", PN_CARD_DEFINITION_TO_TERM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpint (g_array_index (reviews, PnCardReview, 0).rating, ==, PN_FSRS_EASY);
  check_new_database (store);
}

static void
check_version_4 (PnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_auto(GStrv) missed = NULL;
  PnQuizSummary summary;
  const PnQuizStoredAnswer *answer;

  check_positions (store, "pack-v4", "intro");

  g_assert_true (pn_store_get_quiz_summary (store, "pack-v4", "bases", &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_finished, ==, 1);
  g_assert_true (summary.has_best);
  g_assert_cmpfloat_with_epsilon (summary.best_score, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary.best_max_score, 2, 1e-9);
  g_assert_cmpint (summary.last->finished_at, ==, 4010);
  pn_quiz_summary_clear (&summary);

  history = pn_store_get_question_history (store, "pack-v4", "bases", "q2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  answer = g_ptr_array_index (history, 0);
  g_assert_cmpstr (answer->response->text, ==, "la rente");
  g_assert_cmpfloat_with_epsilon (answer->score, 0.5, 1e-9);

  missed = pn_store_get_missed_questions (store, "pack-v4", "bases", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missed, ((const char *[]) { "q1", "q2", NULL }));
  check_new_database (store);
}

static void
check_version_5 (PnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_auto(GStrv) tags = NULL;
  const PnAnnotation *first;
  const PnAnnotation *second;

  check_positions (store, "pack-v5", "essai");

  annotations = pn_store_get_annotations (store, "pack-v5", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 2);
  first = annotations->pdata[0];
  second = annotations->pdata[1];
  g_assert_cmpstr (first->id, ==, "urn:uuid:00000000-0000-4000-8000-000000000001");
  g_assert_cmpint (first->kind, ==, PN_ANNOTATION_DOCUMENT_NOTE);
  g_assert_cmpstr (first->note, ==, "Sur tout");
  g_assert_cmpstr (second->selectors.exact, ==, "la rente");
  g_assert_cmpstr (second->selectors.prefix, ==, "de ");
  g_assert_cmpint (second->selectors.start, ==, 10);
  g_assert_cmpint (second->selectors.end, ==, 18);
  g_assert_cmpint (second->color, ==, PN_ANNOTATION_GREEN);
  g_assert_true (second->detached);
  g_assert_cmpstrv (second->tags, ((const char *[]) { "examen", "ricardo", NULL }));
  tags = pn_store_get_annotation_tags (store, "pack-v5", &error);
  g_assert_cmpstrv (tags, ((const char *[]) { "examen", "ricardo", NULL }));
  check_new_database (store);
}

/* versions[v]: what a database at version v holds. A new migration adds its line. */
static const VersionData versions[] = {
  { NULL, check_new_database },
  { "INSERT INTO positions VALUES ('pack-v1', 'intro', 'partie-2', 0.5, 1000);"
    "INSERT INTO positions VALUES ('pack-v1', 'essai', NULL, 0.25, 1001);"
    "INSERT INTO last_document VALUES ('pack-v1', 'essai', 1002);",
    check_version_1 },
  { "INSERT INTO positions VALUES ('pack-v2', 'intro', 'partie-2', 0.5, 2000);"
    "INSERT INTO positions VALUES ('pack-v2', 'essai', NULL, 0.25, 2001);"
    "INSERT INTO packs VALUES ('pack-v2', 'intro', 2002);",
    check_version_2 },
  { "INSERT INTO positions VALUES ('pack-v3', 'intro', 'partie-2', 0.5, 3000);"
    "INSERT INTO positions VALUES ('pack-v3', 'essai', NULL, 0.25, 3001);"
    "INSERT INTO packs VALUES ('pack-v3', 'essai', 3002);"
    "INSERT INTO cards VALUES ('pack-v3', 'seigneurage', 1, 2, 0, 8.2956, 1.0, 694200, 3000, 1, 0, 3000);"
    "INSERT INTO card_reviews VALUES (1, 'pack-v3', 'seigneurage', 1, 4, 3000, 2, 8.2956, 1.0, 694200, 0);",
    check_version_3 },
  { "INSERT INTO positions VALUES ('pack-v4', 'intro', 'partie-2', 0.5, 4000);"
    "INSERT INTO positions VALUES ('pack-v4', 'essai', NULL, 0.25, 4001);"
    "INSERT INTO packs VALUES ('pack-v4', 'intro', 4002);"
    "INSERT INTO quiz_attempts VALUES (7, 'pack-v4', 'bases', 4003, 4010, 0.5, 2, 0);"
    "INSERT INTO quiz_answers VALUES (7, 'pack-v4', 'bases', 'q1', '{\"choice\":0}', 1, 0, 0, 4004);"
    "INSERT INTO quiz_answers VALUES (7, 'pack-v4', 'bases', 'q2', '{\"text\":\"la rente\"}', 1, 0.5, 0, 4005);",
    check_version_4 },
  { "INSERT INTO positions VALUES ('pack-v5', 'intro', 'partie-2', 0.5, 5000);"
    "INSERT INTO positions VALUES ('pack-v5', 'essai', NULL, 0.25, 5001);"
    "INSERT INTO packs VALUES ('pack-v5', 'essai', 5002);"
    "INSERT INTO annotations VALUES ('urn:uuid:00000000-0000-4000-8000-000000000002', 'pack-v5', 'intro',"
    "  'highlight', 'green', '', 'la rente', 'de ', ' foncière', 10, 18, 'h', 1, 5003, 5004);"
    "INSERT INTO annotations VALUES ('urn:uuid:00000000-0000-4000-8000-000000000001', 'pack-v5', 'intro',"
    "  'document-note', 'yellow', 'Sur tout', NULL, NULL, NULL, NULL, NULL, NULL, 0, 5005, 5005);"
    "INSERT INTO annotation_tags VALUES ('urn:uuid:00000000-0000-4000-8000-000000000002', 0, 'examen');"
    "INSERT INTO annotation_tags VALUES ('urn:uuid:00000000-0000-4000-8000-000000000002', 1, 'ricardo');",
    check_version_5 },
};

static void
write_at_version (const char *path,
                  int         version,
                  const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open_at_version (path, version, &error);
  g_autofree char *written = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pn_store_get_schema_version (store), ==, version);
  g_clear_object (&store);

  written = query (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (written), ==, version);
  if (sql == NULL)
    return;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_migrate_every_version (Fixture       *fixture,
                            gconstpointer  data)
{
  int latest = latest_version ();

  /* Each version, the newest included, says what it holds. */
  g_assert_cmpint (G_N_ELEMENTS (versions), ==, latest + 1);

  for (int from = 0; from < latest; from++)
    {
      g_autofree char *path = g_strdup_printf ("%s/from-%d.db", fixture->dir, from);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnStore) store = NULL;

      g_test_message ("from version %d to %d", from, latest);
      write_at_version (path, from, versions[from].data);

      store = pn_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (pn_store_get_schema_version (store), ==, latest);
      g_assert_null (pn_store_get_notice (store));
      g_assert_false (pn_store_is_read_only (store));
      versions[from].check (store);

      /* A copy at the old version was made beside it first, with its data. */
      if (from == 0)
        {
          g_assert_null (pn_store_get_backup_path (store));
        }
      else
        {
          const char *backup = pn_store_get_backup_path (store);
          g_autofree char *prefix = g_strdup_printf ("%s.v%d-backup-", path, from);
          g_autofree char *version = NULL;
          g_autofree char *positions = NULL;

          g_assert_nonnull (backup);
          g_assert_true (g_str_has_prefix (backup, prefix));
          version = query (backup, "PRAGMA user_version");
          g_assert_cmpint (atoi (version), ==, from);
          positions = query (backup, "SELECT anchor FROM positions WHERE doc_id = 'intro'");
          g_assert_cmpstr (positions, ==, "partie-2");
        }
    }

  /* The newest, reopened, keeps its own data too. */
  {
    g_autofree char *path = g_strdup_printf ("%s/latest.db", fixture->dir);
    g_autoptr(GError) error = NULL;
    g_autoptr(PnStore) store = NULL;

    write_at_version (path, latest, versions[latest].data);
    store = pn_store_open (path, &error);
    g_assert_no_error (error);
    versions[latest].check (store);
  }
}

/* A migration that fails leaves the database at its version, data intact. */
static void
test_failed_migration_rolls_back (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autofree char *version = NULL;
  g_autofree char *kept = NULL;
  sqlite3 *db = NULL;

  write_at_version (fixture->path, 1, versions[1].data);
  /* A table in the way of version 2's. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE packs (x);", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = pn_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);

  version = query (fixture->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");
  kept = query (fixture->path, "SELECT doc_id FROM last_document WHERE pack_id = 'pack-v1'");
  g_assert_cmpstr (kept, ==, "essai");
}

static void
test_default_path (void)
{
  g_autofree char *path = pn_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "prisonnum", "student.db", NULL);

  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;

  g_assert_cmpstr (path, ==, expected);

  /* main () gave the tests their own data folder: this touches no real data. */
  store = pn_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("pn-store-data-XXXXXX", NULL);
  int status;

  /* Never the user's real data. (Not G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74
   * leaks the folder names it sets, which the leak checker reports.) */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/open-and-reopen", Fixture, NULL, fixture_set_up, test_open_and_reopen, fixture_tear_down);
  g_test_add ("/store/positions", Fixture, NULL, fixture_set_up, test_positions, fixture_tear_down);
  g_test_add ("/store/last-document", Fixture, NULL, fixture_set_up, test_last_document, fixture_tear_down);
  g_test_add ("/store/committed-at-once", Fixture, NULL, fixture_set_up, test_committed_at_once, fixture_tear_down);
  g_test_add ("/store/too-new", Fixture, NULL, fixture_set_up, test_too_new, fixture_tear_down);
  g_test_add ("/store/not-a-database", Fixture, NULL, fixture_set_up, test_not_a_database, fixture_tear_down);
  g_test_add ("/store/damaged-twice", Fixture, NULL, fixture_set_up, test_damaged_twice, fixture_tear_down);
  g_test_add ("/store/keyed-by-pack-id", Fixture, NULL, fixture_set_up, test_keyed_by_pack_id, fixture_tear_down);
  g_test_add ("/store/migrate-every-version", Fixture, NULL, fixture_set_up, test_migrate_every_version, fixture_tear_down);
  g_test_add ("/store/failed-migration-rolls-back", Fixture, NULL, fixture_set_up, test_failed_migration_rolls_back, fixture_tear_down);
  g_test_add_func ("/store/default-path", test_default_path);

  status = g_test_run ();
  pn_test_remove_dir (data_home);

  return status;
}
