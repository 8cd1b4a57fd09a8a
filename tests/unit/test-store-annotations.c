/* test-store-annotations.c: the student's highlights, notes and bookmarks in
 * the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "store-test.h"
#include "pn-store-private.h"
#include "pn-test-util.h"

typedef struct {
  char *dir;
  char *path;
  PnStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pn-store-annotations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "student.db", NULL);
  fixture->store = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
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

static PnAnnotation *
make_highlight (const char *pack_id,
                const char *document_id,
                const char *exact,
                gint64      start)
{
  PnAnnotation *annotation = pn_annotation_new (pack_id, document_id, PN_ANNOTATION_HIGHLIGHT);

  annotation->selectors.exact = g_strdup (exact);
  annotation->selectors.prefix = g_strdup ("avant ");
  annotation->selectors.suffix = g_strdup (" après");
  annotation->selectors.start = start;
  annotation->selectors.end = start + g_utf8_strlen (exact, -1);
  annotation->content_hash = g_strdup ("sha256:0123");
  annotation->created_at = 1000 + start;
  annotation->updated_at = 2000 + start;

  return annotation;
}

static void
test_add_get (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PnAnnotation) highlight = make_highlight ("pack", "texte", "la rente foncière", 40);
  g_autoptr(PnAnnotation) read = NULL;
  g_autoptr(PnAnnotation) missing = NULL;
  g_autoptr(PnStore) reopened = NULL;
  g_autoptr(GError) error = NULL;

  highlight->color = PN_ANNOTATION_PURPLE;
  g_free (highlight->note);
  highlight->note = g_strdup ("**À revoir** : x'); DROP TABLE annotations; --");
  pn_annotation_set_tags (highlight, (const char *[]) { "examen", "Ricardo", NULL });

  g_assert_true (pn_store_add_annotation (fixture->store, highlight, &error));
  g_assert_no_error (error);
  read = pn_store_get_annotation (fixture->store, highlight->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  store_test_assert_same_annotation (read, highlight);

  /* Unknown: NULL, no error. */
  missing = pn_store_get_annotation (fixture->store, "urn:uuid:nothing", &error);
  g_assert_no_error (error);
  g_assert_null (missing);

  /* The same id twice is refused, and the first one stays as it was. */
  g_clear_pointer (&read, pn_annotation_free);
  g_free (highlight->note);
  highlight->note = g_strdup ("other");
  g_assert_false (pn_store_add_annotation (fixture->store, highlight, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* On disk at once: another connection sees it. */
  reopened = pn_store_open (fixture->path, &error);
  g_assert_no_error (error);
  read = pn_store_get_annotation (reopened, highlight->id, &error);
  g_assert_nonnull (read);
  g_assert_cmpstr (read->note, ==, "**À revoir** : x'); DROP TABLE annotations; --");
  g_assert_cmpstrv (read->tags, ((const char *[]) { "examen", "Ricardo", NULL }));
}

static void
test_update_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PnAnnotation) highlight = make_highlight ("pack", "texte", "la rente", 10);
  g_autoptr(PnAnnotation) ghost = make_highlight ("pack", "texte", "jamais", 3);
  g_autoptr(PnAnnotation) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tags_left = NULL;

  g_assert_true (pn_store_add_annotation (fixture->store, highlight, &error));
  g_assert_no_error (error);

  highlight->color = PN_ANNOTATION_UNDERLINE;
  g_free (highlight->note);
  highlight->note = g_strdup ("une note");
  pn_annotation_set_tags (highlight, (const char *[]) { "b", "a", NULL });
  highlight->selectors.start = 12;
  highlight->selectors.end = 20;
  highlight->detached = TRUE;
  highlight->updated_at = 9999;
  g_assert_true (pn_store_update_annotation (fixture->store, highlight, &error));
  g_assert_no_error (error);
  read = pn_store_get_annotation (fixture->store, highlight->id, &error);
  store_test_assert_same_annotation (read, highlight);

  /* Tags replaced, not added to. */
  g_clear_pointer (&read, pn_annotation_free);
  pn_annotation_set_tags (highlight, (const char *[]) { "c", NULL });
  g_assert_true (pn_store_update_annotation (fixture->store, highlight, &error));
  read = pn_store_get_annotation (fixture->store, highlight->id, &error);
  g_assert_cmpstrv (read->tags, ((const char *[]) { "c", NULL }));

  /* An unknown id is refused: nothing is added by an update. */
  g_assert_false (pn_store_update_annotation (fixture->store, ghost, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_clear_pointer (&read, pn_annotation_free);
  read = pn_store_get_annotation (fixture->store, ghost->id, &error);
  g_assert_null (read);

  /* Deleted with its tags; deleting again is no failure. */
  g_assert_true (pn_store_delete_annotation (fixture->store, highlight->id, &error));
  g_assert_true (pn_store_delete_annotation (fixture->store, highlight->id, &error));
  g_assert_no_error (error);
  read = pn_store_get_annotation (fixture->store, highlight->id, &error);
  g_assert_null (read);
  {
    sqlite3_stmt *statement = NULL;
    sqlite3 *db = pn_store_get_connection (fixture->store);

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM annotation_tags", -1, &statement, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
    tags_left = g_strdup ((const char *) sqlite3_column_text (statement, 0));
    sqlite3_finalize (statement);
  }
  g_assert_cmpstr (tags_left, ==, "0");

  /* Undo of a deletion: added back as it was, same id. */
  g_assert_true (pn_store_add_annotation (fixture->store, highlight, &error));
  g_assert_no_error (error);
  read = pn_store_get_annotation (fixture->store, highlight->id, &error);
  store_test_assert_same_annotation (read, highlight);
}

static void
test_list_order_and_tags (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) intro = NULL;
  g_autoptr(GPtrArray) everything = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) other_tags = NULL;
  g_autoptr(PnAnnotation) late = make_highlight ("pack", "texte", "plus loin", 300);
  g_autoptr(PnAnnotation) early = make_highlight ("pack", "texte", "au début", 5);
  g_autoptr(PnAnnotation) doc_note = pn_annotation_new ("pack", "texte", PN_ANNOTATION_DOCUMENT_NOTE);
  g_autoptr(PnAnnotation) bookmark = make_highlight ("pack", "intro", "ici", 50);
  g_autoptr(PnAnnotation) elsewhere = make_highlight ("other", "texte", "ailleurs", 1);

  bookmark->kind = PN_ANNOTATION_BOOKMARK;
  g_free (doc_note->note);
  doc_note->note = g_strdup ("Sur tout le texte");
  pn_annotation_set_tags (late, (const char *[]) { "zone", "élève", NULL });
  pn_annotation_set_tags (early, (const char *[]) { "examen", "zone", NULL });
  pn_annotation_set_tags (elsewhere, (const char *[]) { "autre", NULL });

  g_assert_true (pn_store_add_annotation (fixture->store, late, &error));
  g_assert_true (pn_store_add_annotation (fixture->store, early, &error));
  g_assert_true (pn_store_add_annotation (fixture->store, doc_note, &error));
  g_assert_true (pn_store_add_annotation (fixture->store, bookmark, &error));
  g_assert_true (pn_store_add_annotation (fixture->store, elsewhere, &error));
  g_assert_no_error (error);

  /* By document, then the document note first, then by start. */
  all = pn_store_get_annotations (fixture->store, "pack", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (((PnAnnotation *) all->pdata[0])->id, ==, bookmark->id);
  g_assert_cmpstr (((PnAnnotation *) all->pdata[1])->id, ==, doc_note->id);
  g_assert_cmpstr (((PnAnnotation *) all->pdata[2])->id, ==, early->id);
  g_assert_cmpstr (((PnAnnotation *) all->pdata[3])->id, ==, late->id);
  store_test_assert_same_annotation (all->pdata[3], late);
  store_test_assert_same_annotation (all->pdata[1], doc_note);
  g_assert_null (((PnAnnotation *) all->pdata[1])->selectors.exact);

  intro = pn_store_get_annotations (fixture->store, "pack", "intro", &error);
  g_assert_cmpuint (intro->len, ==, 1);
  store_test_assert_same_annotation (intro->pdata[0], bookmark);

  /* NULL pack: every pack's. */
  everything = pn_store_get_annotations (fixture->store, NULL, NULL, &error);
  g_assert_cmpuint (everything->len, ==, 5);

  /* The pack's tags, each once, in the language's order. */
  tags = pn_store_get_annotation_tags (fixture->store, "pack", &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (tags, ((const char *[]) { "élève", "examen", "zone", NULL }));
  other_tags = pn_store_get_annotation_tags (fixture->store, "nothing-here", &error);
  g_assert_cmpstrv (other_tags, ((const char *[]) { NULL }));
}

static GPtrArray *
some_annotations (guint n)
{
  GPtrArray *annotations = pn_annotations_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *exact = g_strdup_printf ("passage %u", i);

      g_ptr_array_add (annotations, make_highlight ("pack", i % 2 ? "a" : "b", exact, i * 20));
    }

  return annotations;
}

static void
test_import_dedup (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) first = some_annotations (5);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  PnAnnotation *same_body;
  guint added = 99, skipped = 99;

  g_assert_true (pn_store_import_annotations (fixture->store, first, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5);
  g_assert_cmpuint (skipped, ==, 0);

  /* Again: the same ids; one under a new id but the same target and body;
   * one new; the new one twice in the file. */
  again = some_annotations (5);
  for (guint i = 0; i < again->len; i++)
    {
      PnAnnotation *copy = again->pdata[i];

      g_free (copy->id);
      copy->id = g_strdup (((PnAnnotation *) first->pdata[i])->id);
    }
  same_body = make_highlight ("pack", "b", "passage 0", 0);
  g_ptr_array_add (again, same_body);
  g_ptr_array_add (again, make_highlight ("pack", "b", "nouveau", 500));
  g_ptr_array_add (again, pn_annotation_copy (again->pdata[again->len - 1]));

  g_assert_true (pn_store_import_annotations (fixture->store, again, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (skipped, ==, 7);

  /* Positive control: a different note on the same passage is new. */
  g_free (same_body->note);
  same_body->note = g_strdup ("autre note");
  g_assert_true (pn_store_import_annotations (fixture->store, again, &added, &skipped, &error));
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (skipped, ==, 7);

  stored = pn_store_get_annotations (fixture->store, "pack", NULL, &error);
  g_assert_cmpuint (stored->len, ==, 7);
}

static void
test_import_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) annotations = some_annotations (4);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  PnAnnotation *bad;
  guint added = 99, skipped = 99;

  /* The last one has no document: the three before it are not added either. */
  bad = make_highlight ("pack", "x", "bad", 1);
  g_clear_pointer (&bad->document_id, g_free);
  bad->document_id = g_strdup ("");
  g_ptr_array_add (annotations, bad);

  g_assert_false (pn_store_import_annotations (fixture->store, annotations, &added, &skipped, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 0);
  stored = pn_store_get_annotations (fixture->store, "pack", NULL, &error);
  g_assert_cmpuint (stored->len, ==, 0);

  /* Positive control: without it, they go in. */
  g_ptr_array_remove_index (annotations, annotations->len - 1);
  g_clear_pointer (&stored, g_ptr_array_unref);
  g_assert_true (pn_store_import_annotations (fixture->store, annotations, &added, NULL, &error));
  g_assert_cmpuint (added, ==, 4);
  stored = pn_store_get_annotations (fixture->store, "pack", NULL, &error);
  g_assert_cmpuint (stored->len, ==, 4);
}

/* A store made read-only refuses to save with a clear error, and keeps what it had. */
static void
test_read_only_error (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PnAnnotation) kept = make_highlight ("pack", "texte", "gardé", 1);
  g_autoptr(PnAnnotation) refused = make_highlight ("pack", "texte", "refusé", 9);
  g_autoptr(PnAnnotation) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_store_add_annotation (fixture->store, kept, &error));
  g_assert_cmpint (sqlite3_exec (pn_store_get_connection (fixture->store), "PRAGMA query_only = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (pn_store_add_annotation (fixture->store, refused, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);
  g_assert_false (pn_store_update_annotation (fixture->store, kept, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  read = pn_store_get_annotation (fixture->store, kept->id, &error);
  g_assert_no_error (error);
  store_test_assert_same_annotation (read, kept);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-annotations/add-get", Fixture, NULL, fixture_set_up, test_add_get, fixture_tear_down);
  g_test_add ("/store-annotations/update-delete", Fixture, NULL, fixture_set_up, test_update_delete,
              fixture_tear_down);
  g_test_add ("/store-annotations/list-order-and-tags", Fixture, NULL, fixture_set_up, test_list_order_and_tags,
              fixture_tear_down);
  g_test_add ("/store-annotations/import-dedup", Fixture, NULL, fixture_set_up, test_import_dedup,
              fixture_tear_down);
  g_test_add ("/store-annotations/import-all-or-nothing", Fixture, NULL, fixture_set_up,
              test_import_all_or_nothing, fixture_tear_down);
  g_test_add ("/store-annotations/read-only-error", Fixture, NULL, fixture_set_up, test_read_only_error,
              fixture_tear_down);

  return g_test_run ();
}
