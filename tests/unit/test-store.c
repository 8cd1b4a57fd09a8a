/* test-store.c: the student's database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pn-pack.h"
#include "pn-store.h"
#include "pn-test-util.h"

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
  g_assert_cmpint (pn_store_get_schema_version (store), ==, 1);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (pn_store_set_position (store, "pack", "doc", "intro", 0.25, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  mode = query (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  version = query (fixture->path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");

  /* Reopening migrates nothing and keeps the data. */
  store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pn_store_get_schema_version (store), ==, 1);
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
  seen = query (fixture->path, "SELECT doc_id FROM last_document WHERE pack_id = 'pack'");
  g_assert_cmpstr (seen, ==, "essai");
}

static char *
checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
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
  before = checksum_file (fixture->path);

  store = pn_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));

  after = checksum_file (fixture->path);
  g_assert_cmpstr (before, ==, after);
  mode = query (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "This is not SQLite, just some text that is long enough.",
                                      -1, NULL));

  store = pn_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, fixture->path));
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
  g_test_add ("/store/keyed-by-pack-id", Fixture, NULL, fixture_set_up, test_keyed_by_pack_id, fixture_tear_down);
  g_test_add_func ("/store/default-path", test_default_path);

  status = g_test_run ();
  pn_test_remove_dir (data_home);

  return status;
}
