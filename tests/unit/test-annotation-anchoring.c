/* test-annotation-anchoring.c: a document's annotations placed again in a
 * changed text, and the store told of those that moved, in one transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "pn-annotation-anchoring.h"
#include "pn-store-annotations.h"
#include "pn-store-private.h"
#include "pn-test-util.h"

#define PACK "pack"
#define DOC "essai"

static const char first_edition[] =
  "Selon lui, le prix du blé monte quand on cultive des terres moins fertiles. "
  "Zygomatiques xylophones quadrillés, vingt-sept kiosques jaunes. "
  "La rente foncière naît de cette différence entre les terres.";

/* Words added before the first quote (it moves), the second passage taken
 * out (nothing good enough is left of it). */
static const char second_edition[] =
  "Selon Ricardo, dans ses Principes, le prix du blé monte quand on cultive des terres moins fertiles. "
  "La rente foncière naît de cette différence entre les terres.";

typedef struct {
  char *dir;
  PnStore *store;
  PnAnchorText *text;
  char *followed;   /* the ids of the annotations made in the first edition */
  char *removed;
  char *note;
  char *other;
} Fixture;

static char *
add_highlight (Fixture    *fixture,
               const char *document_id,
               const char *words)
{
  g_autoptr(PnAnnotation) a = pn_annotation_new (PACK, document_id, PN_ANNOTATION_HIGHLIGHT);
  g_autoptr(GError) error = NULL;
  gint64 start = pn_test_offset_of (first_edition, words);

  pn_anchor_text_make_selectors (fixture->text, start, start + g_utf8_strlen (words, -1), &a->selectors);
  a->content_hash = g_strdup (pn_anchor_text_get_hash (fixture->text));
  g_assert_true (pn_store_add_annotation (fixture->store, a, &error));
  g_assert_no_error (error);

  return g_strdup (a->id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PnAnnotation) note = pn_annotation_new (PACK, DOC, PN_ANNOTATION_DOCUMENT_NOTE);

  fixture->dir = g_dir_make_tmp ("pn-annotation-anchoring-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "student.db", NULL);
  fixture->store = pn_store_open (path, &error);
  g_assert_no_error (error);
  fixture->text = pn_anchor_text_new (first_edition, -1);

  fixture->followed = add_highlight (fixture, DOC, "le prix du blé monte");
  fixture->removed = add_highlight (fixture, DOC, "Zygomatiques xylophones quadrillés");
  fixture->other = add_highlight (fixture, "autre", "La rente foncière");
  g_free (note->note);
  note->note = g_strdup ("À relire avant l'examen.");
  g_assert_true (pn_store_add_annotation (fixture->store, note, &error));
  g_assert_no_error (error);
  fixture->note = g_strdup (note->id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  pn_anchor_text_free (fixture->text);
  pn_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->followed);
  g_free (fixture->removed);
  g_free (fixture->note);
  g_free (fixture->other);
}

/* The rows the store's connection has changed since it was opened. */
static int
rows_written (Fixture *fixture)
{
  return sqlite3_total_changes (pn_store_get_connection (fixture->store));
}

static PnAnnotation *
stored (Fixture    *fixture,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  PnAnnotation *a = pn_store_get_annotation (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static gboolean
is_changed (const PnAnchoringReport *report,
            const char              *id)
{
  for (guint i = 0; report->changed != NULL && i < report->changed->len; i++)
    if (g_strcmp0 (((PnAnnotation *) g_ptr_array_index (report->changed, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

/* The same text: every quote at its place, nothing written; then the new
 * edition (the positive control): one followed, one detached, both written
 * back, the document note and the other document's note as they were. */
static void
test_unchanged_then_changed (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(PnAnnotation) followed = NULL;
  g_autoptr(PnAnnotation) removed = NULL;
  g_autoptr(PnAnnotation) other = NULL;
  PnAnchorText *edition = pn_anchor_text_new (second_edition, -1);
  PnAnchoringReport report;
  int before = rows_written (fixture);

  g_assert_true (pn_annotations_anchor_document (fixture->store, PACK, DOC, fixture->text, &annotations,
                                                 &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 3);   /* the document note among them */
  g_assert_cmpuint (report.n_position, ==, 2);
  g_assert_cmpuint (report.n_exact + report.n_approximate + report.n_detached, ==, 0);
  g_assert_null (report.changed);
  g_assert_cmpint (rows_written (fixture), ==, before);
  pn_anchoring_report_clear (&report);

  g_assert_true (pn_annotations_anchor_document (fixture->store, PACK, DOC, edition, &again, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 3);
  g_assert_cmpuint (report.n_position, ==, 0);
  g_assert_cmpuint (report.n_exact, ==, 1);
  g_assert_cmpuint (report.n_approximate, ==, 0);
  g_assert_cmpuint (report.n_detached, ==, 1);
  g_assert_nonnull (report.changed);
  g_assert_cmpuint (report.changed->len, ==, 2);
  g_assert_true (is_changed (&report, fixture->followed));
  g_assert_true (is_changed (&report, fixture->removed));
  g_assert_false (is_changed (&report, fixture->note));
  g_assert_cmpint (rows_written (fixture), >, before);
  pn_anchoring_report_clear (&report);

  followed = stored (fixture, fixture->followed);
  g_assert_false (followed->detached);
  g_assert_cmpint (followed->selectors.start, ==, pn_test_offset_of (second_edition, "le prix du blé monte"));
  g_assert_cmpint (followed->selectors.end, ==, followed->selectors.start + 20);
  g_assert_cmpstr (followed->content_hash, ==, pn_anchor_text_get_hash (edition));
  g_assert_cmpstr (followed->selectors.exact, ==, "le prix du blé monte");

  /* Kept, with its quote and the hash of the text it was last placed in. */
  removed = stored (fixture, fixture->removed);
  g_assert_true (removed->detached);
  g_assert_cmpstr (removed->selectors.exact, ==, "Zygomatiques xylophones quadrillés");
  g_assert_cmpstr (removed->content_hash, ==, pn_anchor_text_get_hash (fixture->text));

  other = stored (fixture, fixture->other);
  g_assert_cmpstr (other->content_hash, ==, pn_anchor_text_get_hash (fixture->text));

  /* Once placed in the new edition, anchoring there again writes nothing. */
  before = rows_written (fixture);
  g_clear_pointer (&again, g_ptr_array_unref);
  g_assert_true (pn_annotations_anchor_document (fixture->store, PACK, DOC, edition, &again, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_position, ==, 1);
  g_assert_cmpuint (report.n_detached, ==, 1);
  g_assert_null (report.changed);
  g_assert_cmpint (rows_written (fixture), ==, before);
  pn_anchoring_report_clear (&report);

  pn_anchor_text_free (edition);
}

/* A store that refuses writes: FALSE with the error, nothing of it saved,
 * the annotations in memory at their new places all the same. */
static void
test_save_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(PnAnnotation) followed = NULL;
  PnAnchorText *edition = pn_anchor_text_new (second_edition, -1);
  PnAnchoringReport report;
  gint64 moved_to = pn_test_offset_of (second_edition, "le prix du blé monte");
  gint64 was_at = pn_test_offset_of (first_edition, "le prix du blé monte");

  g_assert_cmpint (sqlite3_exec (pn_store_get_connection (fixture->store), "PRAGMA query_only = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (pn_annotations_anchor_document (fixture->store, PACK, DOC, edition, &annotations,
                                                  &report, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (annotations);
  g_assert_nonnull (report.changed);
  g_assert_cmpuint (report.changed->len, ==, 2);
  for (guint i = 0; i < annotations->len; i++)
    {
      PnAnnotation *a = g_ptr_array_index (annotations, i);

      if (g_strcmp0 (a->id, fixture->followed) == 0)
        g_assert_cmpint (a->selectors.start, ==, moved_to);
    }
  pn_anchoring_report_clear (&report);

  followed = stored (fixture, fixture->followed);
  g_assert_cmpint (followed->selectors.start, ==, was_at);
  g_assert_cmpstr (followed->content_hash, ==, pn_anchor_text_get_hash (fixture->text));

  pn_anchor_text_free (edition);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/annotation-anchoring/unchanged-then-changed", Fixture, NULL,
              fixture_set_up, test_unchanged_then_changed, fixture_tear_down);
  g_test_add ("/annotation-anchoring/save-fails", Fixture, NULL,
              fixture_set_up, test_save_fails, fixture_tear_down);

  return g_test_run ();
}
