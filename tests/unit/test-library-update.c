/* test-library-update.c: the student's data across an update of a pack
 * (notes re-anchored, the detached ones listed; flashcards and quiz history
 * kept), the progress figures of a pack, and forgetting a pack's data, all
 * or nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "library-test.h"
#include "pn-library.h"
#include "pn-library-reanchor.h"
#include "pn-render.h"
#include "pn-store-annotations.h"
#include "pn-store-cards.h"
#include "pn-store-packs.h"
#include "pn-store-positions.h"
#include "pn-store-quiz.h"
#include "pn-quiz-grade.h"
#include "pn-test-util.h"

#define DAY ((gint64) 24 * 3600)

static const char * const documents_v1[] = {
  "intro|Introduction|# Start\n\nThe first text of the pack, about rent and wages.\n\n"
  "Zygomatic xylophones quadrille the evening.\n",
  "gone|A text that goes|This one is removed in the next version.\n",
  NULL
};
static const char * const documents_v2[] = {
  "intro|Introduction|# Start\n\nA new opening sentence, written for the second version of the pack.\n\n"
  "The first text of the pack, about rent and wages.\n",
  NULL
};
static const char * const entries_v1[] = {
  "rent|rent|What a landlord is paid.", "wage|wage|What a worker is paid.", "old|old term|A term that goes.",
  NULL
};
static const char * const entries_v2[] = {
  "rent|rent|What a landlord is paid.", "wage|wage|What a worker is paid for a day.", NULL
};
static const char * const questions_v1[] = {
  "q-rent|Is rent paid to a landlord?", "q-old|A question that goes?", NULL
};
static const char * const questions_v2[] = {
  "q-rent|Is rent paid to a landlord?", "q-new|A new question?", NULL
};

typedef struct {
  char *tmp;
  PnLibrary *library;
  PnStore *store;
  char *store_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *packs = NULL;

  fixture->tmp = g_dir_make_tmp ("pn-library-update-XXXXXX", &error);
  g_assert_no_error (error);
  packs = g_build_filename (fixture->tmp, "packs", NULL);
  fixture->library = pn_library_new (packs, NULL);
  fixture->store_path = g_build_filename (fixture->tmp, "student.db", NULL);
  fixture->store = pn_store_open (fixture->store_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->library);
  pn_test_remove_dir (fixture->tmp);
  g_free (fixture->tmp);
  g_free (fixture->store_path);
}

/* Installs @pack (archived as @name); the pack as installed. */
static PnPack *
install (Fixture               *fixture,
         const char            *name,
         const LibraryTestPack *pack)
{
  g_autofree char *archive = library_test_write_archive (fixture->tmp, name, pack);
  g_autoptr(GFile) file = g_file_new_for_path (archive);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnLibraryImport) import = pn_library_prepare_import (fixture->library, file, NULL, &error);
  g_autoptr(GFile) installed = NULL;

  g_assert_no_error (error);
  installed = pn_library_import_commit (import, FALSE, &error);
  g_assert_no_error (error);
  return g_object_ref (pn_library_import_get_pack (import));
}

/* A highlight of @words in the page text of @doc_id as @pack renders it. */
static char *
highlight (Fixture    *fixture,
           PnPack     *pack,
           const char *doc_id,
           const char *words)
{
  g_autoptr(PnRenderedPage) page = pn_render_page (pack, pn_pack_get_document (pack, doc_id));
  const char *plain = pn_rendered_page_get_text (page);
  PnAnchorText *text = pn_anchor_text_new (plain, -1);
  g_autoptr(PnAnnotation) annotation = pn_annotation_new (pn_pack_get_id (pack), doc_id,
                                                          PN_ANNOTATION_HIGHLIGHT);
  g_autoptr(GError) error = NULL;
  gint64 start = pn_test_offset_of (plain, words);

  pn_anchor_text_make_selectors (text, start, start + g_utf8_strlen (words, -1), &annotation->selectors);
  annotation->content_hash = g_strdup (pn_anchor_text_get_hash (text));
  pn_anchor_text_free (text);
  g_assert_true (pn_store_add_annotation (fixture->store, annotation, &error));
  g_assert_no_error (error);
  return g_strdup (annotation->id);
}

static void
review (Fixture    *fixture,
        const char *pack_id,
        const char *entry_id,
        gint64      now)
{
  PnFsrsParams params;
  g_autoptr(GError) error = NULL;

  pn_fsrs_params_init (&params);
  g_assert_true (pn_store_review_card (fixture->store, &params, pack_id, entry_id,
                                       PN_CARD_TERM_TO_DEFINITION, PN_FSRS_GOOD, now, NULL, &error));
  g_assert_no_error (error);
}

/* A finished attempt at @quiz_id with @right of the @asked questions right. */
static gint64
attempt (Fixture    *fixture,
         const char *pack_id,
         const char *quiz_id,
         guint       asked,
         guint       right,
         gboolean    review_attempt,
         gboolean    finish)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pn_store_start_quiz_attempt (fixture->store, pack_id, quiz_id, asked, review_attempt,
                                           1000, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < asked; i++)
    {
      g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
      PnQuizGrade grade = { .graded = TRUE, .score = i < right ? 1.0 : 0.0, .correct = i < right };
      g_autofree char *question = g_strdup (i == 0 ? "q-rent" : i == 1 ? "q-old" : "q-other");

      response->choice = i < right ? 0 : 1;
      g_assert_true (pn_store_record_quiz_answer (fixture->store, id, question, response, &grade,
                                                  1001, &error));
      g_assert_no_error (error);
    }
  if (finish)
    {
      g_assert_true (pn_store_finish_quiz_attempt (fixture->store, id, 1002, NULL, &error));
      g_assert_no_error (error);
    }
  return id;
}

static gboolean
contains_id (GPtrArray  *annotations,
             const char *id)
{
  for (guint i = 0; i < annotations->len; i++)
    if (strcmp (((PnAnnotation *) g_ptr_array_index (annotations, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_update_keeps_data (Fixture       *fixture,
                        gconstpointer  data)
{
  LibraryTestPack v1 = { "course", "1", "Camille Martin", documents_v1, entries_v1, questions_v1, NULL };
  LibraryTestPack v2 = { "course", "2", "Camille Martin", documents_v2, entries_v2, questions_v2, NULL };
  g_autoptr(PnPack) first = install (fixture, "v1", &v1);
  g_autoptr(PnPack) second = NULL;
  g_autofree char *kept = highlight (fixture, first, "intro", "about rent and wages");
  g_autofree char *lost = highlight (fixture, first, "intro", "Zygomatic xylophones quadrille");
  g_autofree char *orphan = highlight (fixture, first, "gone", "removed in the next version");
  g_autoptr(PnAnnotation) before = pn_store_get_annotation (fixture->store, kept, NULL);
  g_autoptr(PnAnnotation) after = NULL;
  g_autoptr(PnAnnotation) lost_after = NULL;
  g_autoptr(GPtrArray) detached = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  PnAnchoringReport report;
  PnFsrsCard card;
  gint64 attempt_id;

  review (fixture, "course", "rent", 1000);
  review (fixture, "course", "wage", 1000);
  review (fixture, "course", "old", 1000);
  attempt_id = attempt (fixture, "course", "quiz", 2, 1, FALSE, TRUE);

  /* Positive control: anchored in the text they were made in, nothing moves. */
  g_assert_true (pn_library_reanchor_pack (fixture->store, first, &report, &detached, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_exact + report.n_position, ==, 3);
  g_assert_cmpuint (report.n_detached, ==, 0);
  g_assert_null (report.changed);
  g_assert_cmpuint (detached->len, ==, 0);
  g_clear_pointer (&detached, g_ptr_array_unref);

  second = install (fixture, "v2", &v2);
  g_assert_true (pn_library_reanchor_pack (fixture->store, second, &report, &detached, &error));
  g_assert_no_error (error);
  g_assert_null (report.changed);
  /* The highlight of the text that stays is found where it moved to. */
  g_assert_cmpuint (report.n_exact + report.n_approximate, ==, 1);
  after = pn_store_get_annotation (fixture->store, kept, NULL);
  g_assert_false (after->detached);
  g_assert_cmpstr (after->selectors.exact, ==, "about rent and wages");
  g_assert_cmpint (after->selectors.start, >, before->selectors.start);
  g_assert_cmpstr (after->content_hash, !=, before->content_hash);
  /* The one of the sentence that went is detached, kept with its quote, and listed;
   * so is the one of the document that went. */
  lost_after = pn_store_get_annotation (fixture->store, lost, NULL);
  g_assert_true (lost_after->detached);
  g_assert_cmpstr (lost_after->selectors.exact, ==, "Zygomatic xylophones quadrille");
  g_assert_cmpuint (report.n_detached, ==, 2);
  g_assert_cmpuint (detached->len, ==, 2);
  g_assert_true (contains_id (detached, lost));
  g_assert_true (contains_id (detached, orphan));
  g_assert_false (contains_id (detached, kept));
  {
    g_autoptr(PnAnnotation) kept_in_store = pn_store_get_annotation (fixture->store, orphan, NULL);

    g_assert_nonnull (kept_in_store);
  }

  /* Flashcards and quiz history of the entries and questions that remain are still there. */
  g_assert_true (pn_store_get_card (fixture->store, "course", "rent", PN_CARD_TERM_TO_DEFINITION, &card, NULL));
  g_assert_true (pn_store_get_card (fixture->store, "course", "wage", PN_CARD_TERM_TO_DEFINITION, &card, NULL));
  attempts = pn_store_get_quiz_attempts (fixture->store, "course", "quiz", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 1);
  answers = pn_store_get_quiz_answers (fixture->store, attempt_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpstr (((PnQuizStoredAnswer *) g_ptr_array_index (answers, 0))->question_id, ==, "q-rent");
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  const char * const ids[] = { "intro", "second", "third", "fourth", NULL };
  g_autoptr(GError) error = NULL;
  PnPackProgress progress;

  /* Nothing done yet. */
  g_assert_true (pn_store_get_pack_progress (fixture->store, "course", ids, 5000, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.documents_started, ==, 0);
  g_assert_cmpfloat (progress.read_fraction, ==, 0.0);
  g_assert_cmpuint (progress.quizzes_taken, ==, 0);
  g_assert_cmpfloat (progress.best_quiz_score, ==, 0.0);

  g_assert_true (pn_store_set_position (fixture->store, "course", "intro", NULL, 1.0, &error));
  g_assert_true (pn_store_set_position (fixture->store, "course", "second", NULL, 0.96, &error));
  g_assert_true (pn_store_set_position (fixture->store, "course", "third", NULL, 0.44, &error));
  /* Not of the pack's documents any more, nor of this pack: left out. */
  g_assert_true (pn_store_set_position (fixture->store, "course", "gone", NULL, 0.5, &error));
  g_assert_true (pn_store_set_position (fixture->store, "other", "intro", NULL, 0.5, &error));
  g_assert_no_error (error);

  review (fixture, "course", "rent", 1000);
  review (fixture, "course", "wage", 1000);
  review (fixture, "other", "rent", 1000);
  {
    PnAnnotation *note = pn_annotation_new ("course", "intro", PN_ANNOTATION_DOCUMENT_NOTE);
    PnAnnotation *mark = pn_annotation_new ("course", "second", PN_ANNOTATION_BOOKMARK);
    PnAnnotation *elsewhere = pn_annotation_new ("other", "intro", PN_ANNOTATION_DOCUMENT_NOTE);

    g_assert_true (pn_store_add_annotation (fixture->store, note, &error));
    g_assert_true (pn_store_add_annotation (fixture->store, mark, &error));
    g_assert_true (pn_store_add_annotation (fixture->store, elsewhere, &error));
    g_assert_no_error (error);
    pn_annotation_free (note);
    pn_annotation_free (mark);
    pn_annotation_free (elsewhere);
  }
  attempt (fixture, "course", "quiz", 2, 1, FALSE, TRUE);   /* 0.5 */
  attempt (fixture, "course", "quiz", 2, 2, FALSE, TRUE);   /* 1.0, the best */
  attempt (fixture, "course", "quiz", 1, 0, TRUE, TRUE);    /* a review: not a score */
  attempt (fixture, "course", "hard", 2, 0, FALSE, TRUE);   /* 0.0 */
  attempt (fixture, "course", "open", 2, 2, FALSE, FALSE);  /* unfinished */
  attempt (fixture, "other", "quiz", 2, 2, FALSE, TRUE);

  g_assert_true (pn_store_get_pack_progress (fixture->store, "course", ids, 1000 + 400 * DAY,
                                             &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.documents_started, ==, 3);
  g_assert_cmpuint (progress.documents_read, ==, 2);
  g_assert_cmpfloat_with_epsilon (progress.read_fraction, (1.0 + 0.96 + 0.44) / 4, 1e-9);
  g_assert_cmpuint (progress.cards_due, ==, 2);
  g_assert_cmpuint (progress.notes, ==, 2);
  g_assert_cmpuint (progress.quizzes_taken, ==, 2);
  g_assert_cmpfloat_with_epsilon (progress.best_quiz_score, (1.0 + 0.0) / 2, 1e-9);

  /* Just reviewed: none due yet. */
  g_assert_true (pn_store_get_pack_progress (fixture->store, "course", ids, 1001, &progress, &error));
  g_assert_cmpuint (progress.cards_due, ==, 0);
}

static void
fill (Fixture    *fixture,
      const char *pack_id)
{
  g_autoptr(GError) error = NULL;
  PnAnnotation *note = pn_annotation_new (pack_id, "intro", PN_ANNOTATION_DOCUMENT_NOTE);
  const char * const tags[] = { "exam", NULL };

  pn_annotation_set_tags (note, tags);
  g_assert_true (pn_store_add_annotation (fixture->store, note, &error));
  g_assert_no_error (error);
  pn_annotation_free (note);
  g_assert_true (pn_store_set_position (fixture->store, pack_id, "intro", NULL, 0.5, &error));
  g_assert_no_error (error);
  review (fixture, pack_id, "rent", 1000);
  attempt (fixture, pack_id, "quiz", 2, 1, FALSE, TRUE);
}

static guint
count_data (Fixture    *fixture,
            const char *pack_id)
{
  g_autoptr(GPtrArray) annotations = pn_store_get_annotations (fixture->store, pack_id, NULL, NULL);
  g_autoptr(GPtrArray) attempts = pn_store_get_quiz_attempts (fixture->store, pack_id, "quiz", NULL);
  double fraction = 0;
  char *anchor = NULL;
  guint count = annotations->len + attempts->len + pn_store_count_cards (fixture->store, pack_id);

  if (pn_store_get_position (fixture->store, pack_id, "intro", &anchor, &fraction) && fraction > 0)
    count++;
  g_free (anchor);
  return count;
}

static void
sql (const char *path,
     const char *statement)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, statement, NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_forget_pack (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fill (fixture, "course");
  fill (fixture, "other");
  g_assert_cmpuint (count_data (fixture, "course"), ==, 4);

  /* A failure on the last table: nothing of the pack is deleted. */
  sql (fixture->store_path,
       "CREATE TRIGGER no_forget BEFORE DELETE ON positions BEGIN SELECT RAISE (ABORT, 'refused'); END");
  g_assert_false (pn_store_forget_pack (fixture->store, "course", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_data (fixture, "course"), ==, 4);
  sql (fixture->store_path, "DROP TRIGGER no_forget");

  g_assert_true (pn_store_forget_pack (fixture->store, "course", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_data (fixture, "course"), ==, 0);
  g_assert_cmpuint (count_data (fixture, "other"), ==, 4);
  /* Forgetting a pack the store never knew is no error. */
  g_assert_true (pn_store_forget_pack (fixture->store, "never", &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/library/update-keeps-data", Fixture, NULL, fixture_set_up, test_update_keeps_data,
              fixture_tear_down);
  g_test_add ("/library/progress", Fixture, NULL, fixture_set_up, test_progress, fixture_tear_down);
  g_test_add ("/library/forget-pack", Fixture, NULL, fixture_set_up, test_forget_pack, fixture_tear_down);

  return g_test_run ();
}
