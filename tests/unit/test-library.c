/* test-library.c: the library of installed packs: importing crafted
 * archives (new, update, same or older version, another author, the bundled
 * essay's id, a pack with an error), nothing left behind when an import
 * fails or is abandoned, listing, removing with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "library-test.h"
#include "pn-library.h"
#include "pn-library-private.h"
#include "pn-pack-archive.h"
#include "pn-test-util.h"

static const char * const documents_v1[] = {
  "intro|Introduction|# Start\n\nThe first text of the pack, about rent and wages.\n",
  "second|Second text|Another text that stays the same.\n",
  "gone|A text that goes|This one is removed in the next version.\n",
  NULL
};
static const char * const documents_v2[] = {
  "intro|Introduction|# Start\n\nThe first text of the pack, about rent, wages and prices.\n",
  "second|Second text|Another text that stays the same.\n",
  "added|A new chapter|Written for the second version.\n",
  NULL
};
static const char * const entries_v1[] = {
  "rent|rent|What a landlord is paid.",
  "wage|wage|What a worker is paid.",
  "old|old term|A term that goes.",
  NULL
};
static const char * const entries_v2[] = {
  "rent|rent|What a landlord is paid.",
  "wage|wage|What a worker is paid for a day.",
  "price|price|What a buyer pays.",
  NULL
};
static const char * const questions_v1[] = {
  "q-rent|Is rent paid to a landlord?",
  "q-wage|Is a wage paid?",
  "q-old|A question that goes?",
  NULL
};
static const char * const questions_v2[] = {
  "q-rent|Is rent paid to a landlord?",
  "q-wage|Is a wage paid to a worker?",
  "q-new|A question of the new version?",
  NULL
};

typedef struct {
  char *tmp;        /* everything the test writes */
  char *packs_dir;  /* the library folder */
  char *bundled;    /* the bundled essay's folder */
  PnLibrary *library;
  guint changed;
} Fixture;

static const LibraryTestPack bundled_pack = {
  "bundled-essay", "1.0", "Pablo Rauzy", (const char * const []) { "essay|Essay|The essay.\n", NULL },
  NULL, NULL, NULL,
};

static LibraryTestPack
pack_v1 (void)
{
  return (LibraryTestPack) { "course", "1.9", "Camille Martin", documents_v1, entries_v1, questions_v1, NULL };
}

static LibraryTestPack
pack_v2 (void)
{
  return (LibraryTestPack) { "course", "1.10", "Camille Martin", documents_v2, entries_v2, questions_v2, NULL };
}

static void
changed_cb (PnLibrary *library,
            Fixture   *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) bundled = NULL;

  fixture->tmp = g_dir_make_tmp ("pn-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->packs_dir = g_build_filename (fixture->tmp, "data", "packs", NULL);
  fixture->bundled = library_test_write_pack (fixture->tmp, "bundled", &bundled_pack);
  bundled = g_file_new_for_path (fixture->bundled);
  fixture->library = pn_library_new (fixture->packs_dir, bundled);
  g_signal_connect (fixture->library, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->library);
  pn_test_remove_dir (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->packs_dir);
  g_free (fixture->bundled);
}

/* Imports the archive of @pack named @name; fails the test unless it installs. */
static GFile *
import (Fixture               *fixture,
        const char            *name,
        const LibraryTestPack *pack,
        PnLibraryImportKind    kind)
{
  g_autofree char *archive = library_test_write_archive (fixture->tmp, name, pack);
  g_autoptr(GFile) file = g_file_new_for_path (archive);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnLibraryImport) import = pn_library_prepare_import (fixture->library, file, NULL, &error);
  GFile *installed;

  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_assert_cmpint (pn_library_import_get_kind (import), ==, kind);
  installed = pn_library_import_commit (import, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (installed);
  return installed;
}

static PnLibraryImport *
prepare (Fixture               *fixture,
         const char            *name,
         const LibraryTestPack *pack,
         GError               **error)
{
  g_autofree char *archive = library_test_write_archive (fixture->tmp, name, pack);
  g_autoptr(GFile) file = g_file_new_for_path (archive);

  return pn_library_prepare_import (fixture->library, file, NULL, error);
}

static void
assert_nothing_staged (Fixture *fixture)
{
  g_autofree char *names = library_test_list_dir (fixture->packs_dir);

  g_assert_null (strstr (names, PN_LIBRARY_STAGING_PREFIX));
}

static void
test_import_new (Fixture       *fixture,
                 gconstpointer  data)
{
  LibraryTestPack v1 = pack_v1 ();
  g_autoptr(GFile) installed = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  g_autofree char *expected = g_build_filename (fixture->packs_dir, "course", NULL);
  g_autofree char *path = NULL;
  g_autofree char *names = NULL;
  const PnLibraryPack *pack;

  g_assert_cmpuint (pn_library_count (fixture->library), ==, 1);
  installed = import (fixture, "v1", &v1, PN_LIBRARY_IMPORT_NEW);
  path = g_file_get_path (installed);
  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpuint (fixture->changed, ==, 1);

  packs = pn_library_list (fixture->library);
  g_assert_cmpuint (packs->len, ==, 2);
  g_assert_cmpuint (pn_library_count (fixture->library), ==, 2);
  pack = g_ptr_array_index (packs, 0);
  g_assert_cmpstr (pack->id, ==, "bundled-essay");
  g_assert_true (pack->bundled);
  pack = g_ptr_array_index (packs, 1);
  g_assert_cmpstr (pack->id, ==, "course");
  g_assert_false (pack->bundled);
  g_assert_cmpstr (pack->version, ==, "1.9");
  g_assert_cmpstr (pack->authors, ==, "Camille Martin");
  g_assert_cmpstr (pack->language, ==, "en");
  g_assert_cmpstr (pack->path, ==, expected);
  g_assert_null (pack->cover_path);
  g_assert_cmpuint (g_strv_length (pack->document_ids), ==, 3);
  g_assert_cmpstr (pack->document_ids[0], ==, "intro");
  g_assert_cmpstr (pack->document_ids[2], ==, "gone");

  /* Only the pack's folder: no staging folder is left. */
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_cmpstr (names, ==, "course");

  g_assert_true (pn_library_contains (fixture->library, installed));
  {
    g_autoptr(GFile) manifest = g_file_get_child (installed, "pack.json");
    g_autoptr(GFile) bundled = g_file_new_for_path (fixture->bundled);
    g_autoptr(GFile) outside = g_file_new_for_path (fixture->tmp);

    g_assert_true (pn_library_contains (fixture->library, manifest));
    g_assert_true (pn_library_contains (fixture->library, bundled));
    g_assert_false (pn_library_contains (fixture->library, outside));
  }
  {
    g_autoptr(PnLibraryPack) found = pn_library_lookup (fixture->library, "course");
    g_autoptr(PnLibraryPack) none = pn_library_lookup (fixture->library, "nothing");

    g_assert_nonnull (found);
    g_assert_cmpstr (found->title, ==, "course");
    g_assert_null (none);
  }
}

static void
test_list_order (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const one[] = { "only|Only|Text.\n", NULL };
  LibraryTestPack zebra = { "zebra", "1", "A", one, NULL, NULL, NULL, "images/cover.png" };
  LibraryTestPack apple = { "apple", "1", "B", one, NULL, NULL, NULL };
  g_autoptr(GFile) a = import (fixture, "zebra", &zebra, PN_LIBRARY_IMPORT_NEW);
  g_autoptr(GFile) b = import (fixture, "apple", &apple, PN_LIBRARY_IMPORT_NEW);
  g_autoptr(GPtrArray) packs = NULL;
  g_autofree char *junk = g_build_filename (fixture->packs_dir, "junk", NULL);

  /* A folder without a pack.json is left out. */
  g_assert_cmpint (g_mkdir (junk, 0700), ==, 0);
  packs = pn_library_list (fixture->library);
  g_assert_cmpuint (packs->len, ==, 3);
  g_assert_cmpstr (((PnLibraryPack *) g_ptr_array_index (packs, 0))->id, ==, "bundled-essay");
  g_assert_cmpstr (((PnLibraryPack *) g_ptr_array_index (packs, 1))->id, ==, "apple");
  g_assert_cmpstr (((PnLibraryPack *) g_ptr_array_index (packs, 2))->id, ==, "zebra");
  g_assert_true (g_str_has_suffix (((PnLibraryPack *) g_ptr_array_index (packs, 2))->cover_path,
                                   "/zebra/images/cover.png"));
  g_assert_null (((PnLibraryPack *) g_ptr_array_index (packs, 1))->cover_path);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  LibraryTestPack v1 = pack_v1 ();
  LibraryTestPack v2 = pack_v2 ();
  g_autoptr(GFile) first = import (fixture, "v1", &v1, PN_LIBRARY_IMPORT_NEW);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnLibraryImport) import = prepare (fixture, "v2", &v2, &error);
  g_autoptr(GFile) second = NULL;
  g_autoptr(PnLibraryPack) now = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  PnPackDiff *diff;

  g_assert_no_error (error);
  g_assert_cmpint (pn_library_import_get_kind (import), ==, PN_LIBRARY_IMPORT_UPDATE);
  g_assert_false (pn_library_import_is_other_author (import));
  g_assert_cmpstr (pn_library_import_get_installed (import)->version, ==, "1.9");
  g_assert_cmpstr (pn_pack_get_version (pn_library_import_get_pack (import)), ==, "1.10");
  g_assert_nonnull (pn_library_import_get_warnings (import));

  diff = pn_library_import_get_diff (import);
  g_assert_nonnull (diff);
  g_assert_false (pn_pack_diff_is_empty (diff));
  text = pn_pack_diff_to_text (diff);
  g_assert_cmpstr (text, ==,
                   "+ document: A new chapter\n"
                   "- document: A text that goes\n"
                   "~ document: Introduction\n"
                   "+ entry: price\n"
                   "- entry: old term\n"
                   "~ entry: wage\n"
                   "+ question: Check: A question of the new version?\n"
                   "- question: Check: A question that goes?\n"
                   "~ question: Check: Is a wage paid to a worker?\n");
  g_assert_false (diff->details_changed);

  /* Staged, not installed: the old version is still the one listed. */
  now = pn_library_lookup (fixture->library, "course");
  g_assert_cmpstr (now->version, ==, "1.9");
  g_clear_pointer (&now, pn_library_pack_free);

  second = pn_library_import_commit (import, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (first, second));
  now = pn_library_lookup (fixture->library, "course");
  g_assert_cmpstr (now->version, ==, "1.10");
  g_assert_cmpuint (g_strv_length (now->document_ids), ==, 3);
  g_assert_cmpstr (now->document_ids[2], ==, "added");
  /* The pack after commit is read from where it is installed. */
  {
    g_autofree char *root = g_file_get_path (pn_pack_get_root (pn_library_import_get_pack (import)));

    g_assert_cmpstr (root, ==, now->path);
  }
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_cmpstr (names, ==, "course");
  g_assert_cmpuint (fixture->changed, ==, 2);
}

static void
test_not_newer (Fixture       *fixture,
                gconstpointer  data)
{
  LibraryTestPack v2 = pack_v2 ();
  LibraryTestPack v1 = pack_v1 ();
  LibraryTestPack same = pack_v2 ();
  g_autoptr(GFile) installed = import (fixture, "v2", &v2, PN_LIBRARY_IMPORT_NEW);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnLibraryImport) older = prepare (fixture, "v1", &v1, &error);
  g_autoptr(PnLibraryImport) again = NULL;
  g_autoptr(GFile) refused = NULL;
  g_autoptr(GFile) forced = NULL;
  g_autoptr(PnLibraryPack) now = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pn_library_import_get_kind (older), ==, PN_LIBRARY_IMPORT_OLDER);
  refused = pn_library_import_commit (older, FALSE, &error);
  g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_NOT_NEWER);
  g_assert_null (refused);
  g_clear_error (&error);
  now = pn_library_lookup (fixture->library, "course");
  g_assert_cmpstr (now->version, ==, "1.10");
  g_clear_pointer (&now, pn_library_pack_free);

  same.documents = documents_v1;
  again = prepare (fixture, "same", &same, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pn_library_import_get_kind (again), ==, PN_LIBRARY_IMPORT_SAME_VERSION);
  g_assert_null (pn_library_import_commit (again, FALSE, &error));
  g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_NOT_NEWER);
  g_clear_error (&error);

  /* Allowed, the older one replaces it. */
  forced = pn_library_import_commit (older, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (forced);
  now = pn_library_lookup (fixture->library, "course");
  g_assert_cmpstr (now->version, ==, "1.9");
}

static void
test_other_author (Fixture       *fixture,
                   gconstpointer  data)
{
  LibraryTestPack v1 = pack_v1 ();
  LibraryTestPack other = pack_v2 ();
  LibraryTestPack same = pack_v2 ();
  g_autoptr(GFile) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnLibraryImport) by_other = NULL;
  g_autoptr(PnLibraryImport) by_same = NULL;

  v1.author = "Camille Mârtin";
  installed = import (fixture, "v1", &v1, PN_LIBRARY_IMPORT_NEW);
  other.author = "Somebody Else";
  by_other = prepare (fixture, "other", &other, &error);
  g_assert_no_error (error);
  g_assert_true (pn_library_import_is_other_author (by_other));

  /* The same name written in another case, without its accent. */
  same.author = "camille MARTIN";
  by_same = prepare (fixture, "same", &same, &error);
  g_assert_no_error (error);
  g_assert_false (pn_library_import_is_other_author (by_same));
}

static void
test_bundled_id (Fixture       *fixture,
                 gconstpointer  data)
{
  LibraryTestPack claim = pack_v1 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnLibraryImport) import = NULL;
  g_autoptr(GPtrArray) packs = NULL;

  claim.id = "bundled-essay";
  claim.version = "9.0";
  import = prepare (fixture, "claim", &claim, &error);
  g_assert_null (import);
  g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_BUNDLED);
  assert_nothing_staged (fixture);
  g_clear_error (&error);

  g_assert_null (pn_library_remove (fixture->library, "bundled-essay", &error));
  g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_BUNDLED);
  packs = pn_library_list (fixture->library);
  g_assert_cmpuint (packs->len, ==, 1);
}

static void
test_broken_pack (Fixture       *fixture,
                  gconstpointer  data)
{
  LibraryTestPack good = pack_v1 ();
  g_autofree char *folder = library_test_write_pack (fixture->tmp, "broken", &good);
  g_autofree char *archive = g_build_filename (fixture->tmp, "broken.prisonnum", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (archive);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnLibraryImport) import = NULL;
  g_autofree char *names = NULL;

  /* A missing comma on line 3 of pack.json. */
  pn_test_write_file (folder, "pack.json",
                      "{\n  \"format\": 1,\n  \"id\": \"course\"\n  \"title\": \"x\"\n}\n", -1);
  g_assert_true (pn_pack_archive_write (folder, archive, &error));
  g_assert_no_error (error);

  import = pn_library_prepare_import (fixture->library, file, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "pack.json:"));
  g_assert_true (g_regex_match_simple ("pack\\.json:[34]:", error->message, 0, 0));
  /* The library folder was made for the staging folder, which is gone. */
  g_assert_true (g_file_test (fixture->packs_dir, G_FILE_TEST_IS_DIR));
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_cmpstr (names, ==, "");
  g_assert_cmpuint (fixture->changed, ==, 0);
  g_clear_error (&error);

  /* A pack that loads but has an error (a document missing): refused too, file and line named. */
  g_remove (archive);
  g_free (folder);
  folder = library_test_write_pack (fixture->tmp, "missing", &good);
  {
    g_autofree char *doc = g_build_filename (folder, "second.md", NULL);

    g_assert_cmpint (g_remove (doc), ==, 0);
  }
  g_assert_true (pn_pack_archive_write (folder, archive, &error));
  g_assert_no_error (error);
  import = pn_library_prepare_import (fixture->library, file, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_regex_match_simple ("^pack\\.json:[0-9]+:", error->message, 0, 0));
  g_free (names);
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_cmpstr (names, ==, "");
  g_clear_error (&error);

  /* Not an archive at all. */
  pn_test_write_file (fixture->tmp, "notes.txt", "hello", -1);
  {
    g_autofree char *path = g_build_filename (fixture->tmp, "notes.txt", NULL);
    g_autoptr(GFile) text = g_file_new_for_path (path);

    import = pn_library_prepare_import (fixture->library, text, NULL, &error);
    g_assert_null (import);
    g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID);
  }
  g_free (names);
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_cmpstr (names, ==, "");
}

static void
test_abandoned (Fixture       *fixture,
                gconstpointer  data)
{
  LibraryTestPack v1 = pack_v1 ();
  g_autoptr(GError) error = NULL;
  PnLibraryImport *import = prepare (fixture, "v1", &v1, &error);
  g_autofree char *names = NULL;

  g_assert_no_error (error);
  /* Positive control: while staged, the staging folder is there. */
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_true (g_str_has_prefix (names, PN_LIBRARY_STAGING_PREFIX));
  g_assert_null (strchr (names, ' '));
  pn_library_import_free (import);
  g_free (names);
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_cmpstr (names, ==, "");
  g_assert_cmpuint (pn_library_count (fixture->library), ==, 1);
  g_assert_cmpuint (fixture->changed, ==, 0);
}

static void
test_import_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  LibraryTestPack v1 = pack_v1 ();
  g_autofree char *folder = library_test_write_pack (fixture->tmp, "as-folder", &v1);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnLibraryImport) import = pn_library_prepare_import (fixture->library, file, NULL, &error);
  g_autoptr(GFile) installed = NULL;
  g_autoptr(PnLibraryPack) pack = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_equal (pn_library_import_get_file (import), file));
  installed = pn_library_import_commit (import, FALSE, &error);
  g_assert_no_error (error);
  pack = pn_library_lookup (fixture->library, "course");
  g_assert_nonnull (pack);
  /* The folder given is left as it was. */
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

static void
test_remove_restore_purge (Fixture       *fixture,
                           gconstpointer  data)
{
  LibraryTestPack v1 = pack_v1 ();
  g_autoptr(GFile) installed = import (fixture, "v1", &v1, PN_LIBRARY_IMPORT_NEW);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *names = NULL;
  g_autoptr(PnLibraryPack) found = NULL;

  token = pn_library_remove (fixture->library, "course", &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpuint (pn_library_count (fixture->library), ==, 1);
  g_assert_null (pn_library_lookup (fixture->library, "course"));
  g_assert_true (g_file_test (token, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (fixture->changed, ==, 2);

  g_assert_true (pn_library_restore (fixture->library, token, &error));
  g_assert_no_error (error);
  found = pn_library_lookup (fixture->library, "course");
  g_assert_nonnull (found);
  g_assert_cmpuint (pn_library_count (fixture->library), ==, 2);
  g_assert_cmpuint (fixture->changed, ==, 3);
  g_assert_false (pn_library_restore (fixture->library, token, &error));
  g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (token);

  token = pn_library_remove (fixture->library, "course", &error);
  g_assert_no_error (error);
  pn_library_purge (fixture->library, token);
  g_assert_false (g_file_test (token, G_FILE_TEST_EXISTS));
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_cmpstr (names, ==, "");

  g_assert_null (pn_library_remove (fixture->library, "course", &error));
  g_assert_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_NOT_FOUND);
}

static void
test_leftovers (Fixture       *fixture,
                gconstpointer  data)
{
  LibraryTestPack v1 = pack_v1 ();
  LibraryTestPack v2 = pack_v2 ();
  g_autoptr(GFile) installed = import (fixture, "v1", &v1, PN_LIBRARY_IMPORT_NEW);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = pn_library_remove (fixture->library, "course", &error);
  PnLibraryImport *staged;
  g_autofree char *names = NULL;
  g_autoptr(GFile) bundled = g_file_new_for_path (fixture->bundled);

  g_assert_no_error (error);
  staged = prepare (fixture, "v2", &v2, &error);
  g_assert_no_error (error);
  /* The app quits with a removal not purged and an import left open. */
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_nonnull (strstr (names, PN_LIBRARY_REMOVED_PREFIX));
  g_assert_nonnull (strstr (names, PN_LIBRARY_STAGING_PREFIX));
  g_clear_object (&fixture->library);

  fixture->library = pn_library_new (fixture->packs_dir, bundled);
  g_free (names);
  names = library_test_list_dir (fixture->packs_dir);
  g_assert_cmpstr (names, ==, "");
  /* Freeing the import after its folder went is harmless. */
  pn_library_import_free (staged);
}

static gboolean
has_warning (PnLibraryImport *import,
             const char      *needle)
{
  GPtrArray *warnings = pn_library_import_get_warnings (import);

  for (guint i = 0; i < warnings->len; i++)
    {
      g_autofree char *text = pn_diagnostic_to_string (g_ptr_array_index (warnings, i));

      if (strstr (text, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* "cover" is known to the check; a cover that is no image of the pack is a
 * warning, and the library then draws one. */
/* A one-document pack @id with @extra members in pack.json and @cover, staged. */
static PnLibraryImport *
prepare_cover (Fixture    *fixture,
               const char *id,
               const char *extra,
               const char *cover)
{
  static const char * const one[] = { "only|Only|Text.\n", NULL };
  LibraryTestPack pack = { id, "1", "A", one, NULL, NULL, extra, cover };
  g_autoptr(GError) error = NULL;
  PnLibraryImport *import = prepare (fixture, id, &pack, &error);

  g_assert_no_error (error);
  return import;
}

static void
test_cover (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PnLibraryImport) with_cover = prepare_cover (fixture, "good", NULL, "cover.png");
  g_autoptr(PnLibraryImport) without = prepare_cover (fixture, "missing", ",\n  \"cover\": \"nowhere.png\"", NULL);
  g_autoptr(PnLibraryImport) not_image = prepare_cover (fixture, "text", ",\n  \"cover\": \"only.md\"", NULL);
  g_autoptr(PnLibraryPack) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) installed = NULL;

  g_assert_false (has_warning (with_cover, "cover"));
  g_assert_cmpuint (pn_library_import_get_warnings (with_cover)->len, ==, 0);
  g_assert_true (has_warning (without, "pack.json:13:12: cover: 'nowhere.png': file not found"));
  g_assert_true (has_warning (not_image, "is not a PNG, JPEG or SVG image"));

  installed = pn_library_import_commit (not_image, FALSE, &error);
  g_assert_no_error (error);
  listed = pn_library_lookup (fixture->library, "text");
  g_assert_null (listed->cover_path);
}

static void
test_versions (void)
{
  g_assert_cmpint (pn_library_compare_versions ("1.10", "1.9"), >, 0);
  g_assert_cmpint (pn_library_compare_versions ("1.9", "1.10"), <, 0);
  g_assert_cmpint (pn_library_compare_versions ("2.0", "2"), ==, 0);
  g_assert_cmpint (pn_library_compare_versions ("2.0.1", "2"), >, 0);
  g_assert_cmpint (pn_library_compare_versions ("1.02", "1.2"), ==, 0);
  g_assert_cmpint (pn_library_compare_versions ("10", "9"), >, 0);
  g_assert_cmpint (pn_library_compare_versions ("123456789012345678901234", "9"), >, 0);
  g_assert_cmpint (pn_library_compare_versions ("1", NULL), >, 0);
  g_assert_cmpint (pn_library_compare_versions ("", "0"), <, 0);
  g_assert_cmpint (pn_library_compare_versions (NULL, NULL), ==, 0);
  g_assert_cmpint (pn_library_compare_versions ("1.0b", "1.0a"), >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/library/import-new", test_import_new);
  ADD ("/library/list-order", test_list_order);
  ADD ("/library/update", test_update);
  ADD ("/library/not-newer", test_not_newer);
  ADD ("/library/other-author", test_other_author);
  ADD ("/library/bundled-id", test_bundled_id);
  ADD ("/library/broken-pack", test_broken_pack);
  ADD ("/library/abandoned", test_abandoned);
  ADD ("/library/import-folder", test_import_folder);
  ADD ("/library/remove-restore-purge", test_remove_restore_purge);
  ADD ("/library/leftovers", test_leftovers);
  ADD ("/library/cover", test_cover);
#undef ADD
  g_test_add_func ("/library/versions", test_versions);

  return g_test_run ();
}
