/* test-pack-check.c: a pack loaded and rendered, in the caller's thread or a worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-pack-check.h"
#include "pn-render.h"
#include "pn-test-util.h"

#define N_BIG_DOCUMENTS PN_PACK_MAX_DOCUMENTS
#define N_BIG_SOURCES PN_PACK_MAX_SOURCES

static GFile *
fixture (const char *name)
{
  g_autofree char *dir = g_build_filename (PN_TEST_PACKS_DIR, name, NULL);

  return g_file_new_for_path (dir);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs the async check to its end, counting the main loop's idle turns meanwhile. */
static PnPackCheck *
run_async (GFile        *location,
           GCancellable *cancellable,
           guint        *idle_turns,
           GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pn_pack_check_run_async (location, cancellable, on_done, &result);
  while (result == NULL)
    {
      /* Only a main loop with nothing else to do dispatches this: it is not
       * blocked by the check, and the check has not yet called back. */
      if (idle_turns != NULL && !g_main_context_pending (NULL))
        (*idle_turns)++;
      g_main_context_iteration (NULL, TRUE);
    }

  return pn_pack_check_run_finish (result, error);
}

static GStrv
diagnostic_lines (PnPackCheck *check)
{
  GPtrArray *diagnostics = pn_pack_check_get_diagnostics (check);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

static void
assert_same_result (PnPackCheck *a,
                    PnPackCheck *b)
{
  g_auto(GStrv) lines_a = diagnostic_lines (a);
  g_auto(GStrv) lines_b = diagnostic_lines (b);
  GPtrArray *documents_a = pn_pack_get_documents (pn_pack_check_get_pack (a));
  GPtrArray *documents_b = pn_pack_get_documents (pn_pack_check_get_pack (b));

  g_assert_cmpstrv (lines_a, lines_b);
  g_assert_cmpuint (documents_a->len, ==, documents_b->len);
  for (guint i = 0; i < documents_a->len; i++)
    {
      const char *id = pn_document_get_id (g_ptr_array_index (documents_a, i));

      g_assert_cmpstr (id, ==, pn_document_get_id (g_ptr_array_index (documents_b, i)));
      g_assert_cmpstr (pn_pack_check_get_html (a, id), ==, pn_pack_check_get_html (b, id));
    }
}

/* In steps (the window's way): the first document, another one, then the
 * rest; the whole check comes out as the one-go check does. */
static void
test_in_steps (void)
{
  const char *names[] = { "bad-manifest", "good", "colliding-ids" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(GFile) location = fixture (names[n]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnPackCheck) whole = pn_pack_check_run (location, NULL, &error);
      g_autoptr(PnPackCheck) start = pn_pack_check_run_start (location, PN_GLOSSARY_LINK_ALL, NULL, &error);
      g_autoptr(PnPackCheck) completed = NULL;
      g_autoptr(PnPackCheck) again = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      GPtrArray *documents;
      const char *first, *last;

      g_test_message ("%s", names[n]);
      g_assert_no_error (error);
      g_assert_true (pn_pack_check_is_complete (whole));
      documents = pn_pack_get_documents (pn_pack_check_get_pack (start));
      g_assert_cmpuint (documents->len, >, 1);
      first = pn_document_get_id (g_ptr_array_index (documents, 0));
      last = pn_document_get_id (g_ptr_array_index (documents, documents->len - 1));

      /* Only the first document rendered, and its problems known. */
      g_assert_false (pn_pack_check_is_complete (start));
      g_assert_cmpstr (pn_pack_check_get_html (start, first), ==, pn_pack_check_get_html (whole, first));
      g_assert_null (pn_pack_check_get_page (start, last));
      g_assert_cmpuint (pn_pack_check_get_diagnostics (start)->len, <=, pn_pack_check_get_diagnostics (whole)->len);

      /* Another one on demand. */
      pn_pack_check_render_document (start, last);
      g_assert_cmpstr (pn_pack_check_get_html (start, last), ==, pn_pack_check_get_html (whole, last));

      /* The rest: a new check, the same as the one-go one; the first one unchanged. */
      completed = pn_pack_check_complete (start, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (completed != start);
      g_assert_true (pn_pack_check_is_complete (completed));
      g_assert_false (pn_pack_check_is_complete (start));
      g_assert_true (pn_pack_check_get_page (completed, first) == pn_pack_check_get_page (start, first));
      assert_same_result (whole, completed);
      again = pn_pack_check_complete (completed, NULL, &error);
      g_assert_true (again == completed);

      /* And in a worker thread. */
      pn_pack_check_complete_async (start, NULL, on_done, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&again);
      again = pn_pack_check_run_finish (result, &error);
      g_assert_no_error (error);
      assert_same_result (whole, again);
    }
}

/* A pack of one document in steps: its text rendered first, without the
 * checks that need the whole pack (here a quiz quote not in the text), which
 * come with the rest, as in the one-go check. Two quotes share the text:
 * the one found says nothing. */
static void
test_one_document_in_steps (void)
{
  static const char quiz[] =
    "{ \"id\": \"q\", \"title\": \"Q\", \"questions\": [\n"
    "  { \"id\": \"found\", \"type\": \"open\", \"text\": \"T\",\n"
    "    \"passage\": { \"document\": \"doc\", \"quote\": \"L'extraction  comme travail\" } },\n"
    "  { \"id\": \"lost\", \"type\": \"open\", \"text\": \"T\",\n"
    "    \"passage\": { \"document\": \"doc\", \"quote\": \"une phrase qui n'y est pas\" } }\n"
    "] }\n";
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"quizzes\": [\"quiz.json\"], ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "doc.md", "# Titre\n\nL\u2019**extraction** comme travail.\n",
                                           "quiz.json", quiz, NULL);
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) whole = pn_pack_check_run (location, NULL, &error);
  g_autoptr(PnPackCheck) start = pn_pack_check_run_start (location, PN_GLOSSARY_LINK_ALL, NULL, &error);
  g_autoptr(PnPackCheck) completed = NULL;
  const char *lost = "question 'lost': the quote of its passage is not in the text of 'doc'";

  g_assert_no_error (error);
  g_assert_true (pn_pack_check_is_complete (whole));
  pn_test_assert_diagnostic (pn_pack_check_get_diagnostics (whole), PN_SEVERITY_WARNING, "quiz.json", 5, lost);
  g_assert_null (pn_test_find (pn_pack_check_get_diagnostics (whole), "question 'found'"));

  g_assert_false (pn_pack_check_is_complete (start));
  g_assert_cmpstr (pn_pack_check_get_html (start, "doc"), ==, pn_pack_check_get_html (whole, "doc"));
  g_assert_null (pn_test_find (pn_pack_check_get_diagnostics (start), "question 'lost'"));

  completed = pn_pack_check_complete (start, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pn_pack_check_is_complete (completed));
  g_assert_true (pn_pack_check_get_page (completed, "doc") == pn_pack_check_get_page (start, "doc"));
  assert_same_result (whole, completed);
  pn_test_remove_dir (dir);
}

/* Loading and rendering problems together, by file then line and column. */
static void
test_sync_collects_in_order (void)
{
  g_autoptr(GFile) location = fixture ("bad-manifest");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = pn_pack_check_run (location, NULL, &error);
  GPtrArray *diagnostics;
  const PnDiagnostic *previous = NULL;
  gboolean left_manifest = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (check);
  diagnostics = pn_pack_check_get_diagnostics (check);
  pn_test_dump (diagnostics);

  /* A loading problem, and one found only by rendering intro.md. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 14, "duplicate document id");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "intro.md", 1, "unknown source 'lost'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 4, "duplicate source id");

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const PnDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (!g_str_equal (diagnostic->file, "pack.json"))
        left_manifest = TRUE;
      else
        g_assert_false (left_manifest);   /* pack.json's problems all come first */

      if (previous != NULL && g_str_equal (previous->file, diagnostic->file))
        g_assert_true (previous->line < diagnostic->line ||
                       (previous->line == diagnostic->line && previous->column <= diagnostic->column));
      previous = diagnostic;
    }

  /* The page is kept; a document whose file is missing has none. */
  g_assert_nonnull (strstr (pn_pack_check_get_html (check, "intro"), "<!DOCTYPE html>"));
  g_assert_nonnull (pn_pack_get_document (pn_pack_check_get_pack (check), "missing"));
  g_assert_null (pn_pack_check_get_html (check, "missing"));
  g_assert_null (pn_pack_check_get_page (check, "missing"));
  /* The page's own problems are among the check's. */
  pn_test_assert_diagnostic (pn_rendered_page_get_diagnostics (pn_pack_check_get_page (check, "intro")),
                             PN_SEVERITY_WARNING, "intro.md", 1, "unknown source 'lost'");
  g_assert_nonnull (pn_rendered_page_get_text (pn_pack_check_get_page (check, "intro")));
  g_assert_null (pn_pack_check_get_html (check, "no-such-document"));
}

static void
test_async_equals_sync (void)
{
  const char *names[] = { "good", "bad-manifest", "hostile" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) location = fixture (names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnPackCheck) sync = pn_pack_check_run (location, NULL, &error);
      g_autoptr(PnPackCheck) async = NULL;

      g_assert_no_error (error);
      async = run_async (location, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (async);
      assert_same_result (sync, async);
    }
}

/* A pack that cannot be loaded gives the loader's error, in both ways. */
static void
test_unloadable (void)
{
  g_autoptr(GFile) location = fixture ("bad-json");
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autoptr(PnPackCheck) sync = pn_pack_check_run (location, NULL, &sync_error);
  g_autoptr(PnPackCheck) async = run_async (location, NULL, NULL, &async_error);

  g_assert_null (sync);
  g_assert_null (async);
  g_assert_error (sync_error, PN_PACK_ERROR, PN_PACK_ERROR_INVALID);
  g_assert_error (async_error, PN_PACK_ERROR, PN_PACK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (sync_error->message, "pack.json:5:"));
  g_assert_cmpstr (sync_error->message, ==, async_error->message);
  /* Nothing else was found: nothing rides with the error. */
  g_assert_null (pn_pack_error_get_diagnostics (sync_error));
}

/* A pack whose id is not usable: the error names it, and carries the other
 * problems found, in order, through the worker too. */
static void
test_unloadable_keeps_problems (void)
{
  g_autofree char *manifest = pn_test_manifest ("doc.md");
  g_autofree char *dir = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) sync_error = NULL;
  g_autoptr(GError) async_error = NULL;
  g_autoptr(PnPackCheck) sync = NULL;
  g_autoptr(PnPackCheck) async = NULL;
  GPtrArray *others;

  /* An id that is not one, and a title that is a number. */
  memcpy (strstr (manifest, "\"test-pack\""), "\"Test Pack\"", strlen ("\"Test Pack\""));
  memcpy (strstr (manifest, "\"Test\""), "  42  ", strlen ("\"Test\""));
  dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "# T\n", NULL);
  location = g_file_new_for_path (dir);

  sync = pn_pack_check_run (location, NULL, &sync_error);
  async = run_async (location, NULL, NULL, &async_error);
  g_assert_null (sync);
  g_assert_null (async);
  g_assert_error (sync_error, PN_PACK_ERROR, PN_PACK_ERROR_INVALID);
  g_assert_error (async_error, PN_PACK_ERROR, PN_PACK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (sync_error->message, "pack.json:3:"));
  g_assert_nonnull (strstr (sync_error->message, "not a valid pack id"));

  others = pn_pack_error_get_diagnostics (sync_error);
  g_assert_nonnull (others);
  pn_test_dump (others);
  pn_test_assert_diagnostic (others, PN_SEVERITY_ERROR, "pack.json", 5, "title must be a string");
  g_assert_null (pn_test_find (others, "not a valid pack id"));
  g_assert_cmpuint (pn_pack_error_get_diagnostics (async_error)->len, ==, others->len);

  pn_test_remove_dir (dir);
}

/* A pack at the limits: as many documents and sources as a pack may hold. */
static char *
make_big_pack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) manifest = g_string_new (NULL);
  g_autoptr(GString) sources = g_string_new ("[\n");
  g_autoptr(GString) text = g_string_new ("# Titre\n\n");
  char *dir = g_dir_make_tmp ("pn-test-XXXXXX", &error);

  g_assert_no_error (error);

  for (guint i = 0; i < N_BIG_SOURCES; i++)
    g_string_append_printf (sources, "%s  { \"id\": \"s%u\", \"type\": \"book\", \"title\": \"Livre %u\" }\n",
                            i > 0 ? "," : "", i, i);
  g_string_append (sources, "]\n");
  pn_test_write_file (dir, "sources.json", sources->str, -1);

  for (guint i = 0; i < 20; i++)
    g_string_append_printf (text, "Un paragraphe, *avec* une [référence](source:s%u) et une note[^n%u].\n\n"
                            "[^n%u]: La note %u.\n\n", i, i, i, i);

  g_string_append (manifest, "{ \"format\": 1, \"id\": \"big\", \"version\": \"1\", \"title\": \"Big\",\n"
                   "  \"language\": \"fr\", \"authors\": [{ \"name\": \"Ada\" }], \"license\": null,\n"
                   "  \"description\": \"\", \"sources\": \"sources.json\", \"documents\": [\n");
  for (guint i = 0; i < N_BIG_DOCUMENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("d%u.md", i);

      pn_test_write_file (dir, name, text->str, -1);
      g_string_append_printf (manifest, "%s    { \"id\": \"d%u\", \"title\": \"D%u\", \"file\": \"%s\" }\n",
                              i > 0 ? "," : "", i, i, name);
    }
  g_string_append (manifest, "  ]\n}\n");
  pn_test_write_file (dir, "pack.json", manifest->str, -1);

  return dir;
}

/* The check of a pack at the limits runs in its worker while the main loop
 * keeps turning, and gives what the sync check gives. */
static void
test_big_pack_in_thread (void)
{
  g_autofree char *dir = make_big_pack ();
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) async = NULL;
  g_autoptr(PnPackCheck) sync = NULL;
  guint idle_turns = 0;

  async = run_async (location, NULL, &idle_turns, &error);
  g_assert_no_error (error);
  g_assert_nonnull (async);
  g_test_message ("the main loop went idle %u times during the check", idle_turns);
  g_assert_cmpuint (idle_turns, >, 0);

  pn_test_dump (pn_pack_check_get_diagnostics (async));
  g_assert_cmpuint (pn_pack_check_get_diagnostics (async)->len, ==, 0);
  g_assert_cmpuint (pn_pack_get_documents (pn_pack_check_get_pack (async))->len, ==, N_BIG_DOCUMENTS);
  g_assert_cmpuint (pn_pack_get_sources (pn_pack_check_get_pack (async))->len, ==, N_BIG_SOURCES);
  g_assert_nonnull (strstr (pn_pack_check_get_html (async, "d499"), "/source/s19"));

  sync = pn_pack_check_run (location, NULL, &error);
  g_assert_no_error (error);
  assert_same_result (sync, async);

  pn_test_remove_dir (dir);
}

/* Cancelled before it starts, or while it runs: no result, and the error says so.
 * The same pack, not cancelled, checks fine (the positive control). */
static void
test_cancel (void)
{
  g_autofree char *dir = make_big_pack ();
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GCancellable) during = g_cancellable_new ();
  g_autoptr(GCancellable) never = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = NULL;

  g_cancellable_cancel (before);
  check = pn_pack_check_run (location, before, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (check);
  g_clear_error (&error);

  check = run_async (location, before, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (check);
  g_clear_error (&error);

  pn_pack_check_run_async (location, during, on_done, &result);
  g_cancellable_cancel (during);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  check = pn_pack_check_run_finish (result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (check);
  g_clear_error (&error);

  check = run_async (location, never, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (check);
  g_assert_cmpuint (pn_pack_get_documents (pn_pack_check_get_pack (check))->len, ==, N_BIG_DOCUMENTS);

  pn_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack-check/sync-collects-in-order", test_sync_collects_in_order);
  g_test_add_func ("/pack-check/async-equals-sync", test_async_equals_sync);
  g_test_add_func ("/pack-check/in-steps", test_in_steps);
  g_test_add_func ("/pack-check/one-document-in-steps", test_one_document_in_steps);
  g_test_add_func ("/pack-check/unloadable", test_unloadable);
  g_test_add_func ("/pack-check/unloadable-keeps-problems", test_unloadable_keeps_problems);
  g_test_add_func ("/pack-check/big-pack-in-thread", test_big_pack_in_thread);
  g_test_add_func ("/pack-check/cancel", test_cancel);

  return g_test_run ();
}
