/* test-pack-limits.c: packs built to hang or exhaust the loader, each stopped
 * by a bound with a clear message (the inputs of a fuzzing pass, kept)
 *
 * Each input took from 12 s to over a minute before its bound; the suite's
 * timeout is what fails these tests if a bound goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pn-json-scan.h"
#include "pn-pack.h"
#include "pn-test-util.h"

/* A manifest whose "authors" and extra members are given, with @n_documents
 * documents, all reading doc.md. */
static char *
manifest (const char *authors,
          const char *extra_members,
          guint       n_documents)
{
  GString *text = g_string_new ("{ \"format\": 1, \"id\": \"limits\", \"version\": \"1\", \"title\": \"T\",\n"
                                "  \"language\": \"fr\", \"license\": null, \"description\": \"\",\n");

  g_string_append_printf (text, "  %s\n  \"documents\": [", extra_members);
  for (guint i = 0; i < n_documents; i++)
    g_string_append_printf (text, "%s{ \"id\": \"d%u\", \"title\": \"D\", \"file\": \"doc.md\" }",
                            i > 0 ? ", " : "", i);
  g_string_append_printf (text, "],\n  \"authors\": %s\n}\n", authors);

  return g_string_free (text, FALSE);
}

static char *
people (guint n_people,
        guint n_affiliations)
{
  GString *text = g_string_new ("[");

  for (guint i = 0; i < n_people; i++)
    {
      g_string_append_printf (text, "%s{ \"name\": \"A%u\", \"affiliations\": [", i > 0 ? ", " : "", i);
      for (guint j = 0; j < n_affiliations; j++)
        g_string_append_printf (text, "%s\"Lab %u-%u\"", j > 0 ? ", " : "", i, j);
      g_string_append (text, "] }");
    }
  g_string_append (text, "]");

  return g_string_free (text, FALSE);
}

static PnPack *
load_dir (const char  *dir,
          GPtrArray   *diagnostics,
          GError     **error)
{
  g_autoptr(GFile) location = g_file_new_for_path (dir);

  return pn_pack_load (location, diagnostics, error);
}

/* More authors than a pack lists, more affiliations than a person has: the
 * first are kept, one message each, and the documents inherit the cut list. */
static void
test_authors_capped (void)
{
  g_autofree char *authors = people (PN_PACK_MAX_AUTHORS + 20, PN_PACK_MAX_AFFILIATIONS + 3);
  g_autofree char *text = manifest (authors, "", 10);
  g_autofree char *dir = pn_test_make_dir ("pack.json", text, "doc.md", "# T\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  PnPerson *first;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (pn_pack_get_authors (pack)->len, ==, PN_PACK_MAX_AUTHORS);
  first = g_ptr_array_index (pn_pack_get_authors (pack), 0);
  g_assert_cmpuint (g_strv_length (first->affiliations), ==, PN_PACK_MAX_AFFILIATIONS);
  g_assert_cmpuint (pn_document_get_authors (g_ptr_array_index (pn_pack_get_documents (pack), 9))->len,
                    ==, PN_PACK_MAX_AUTHORS);

  /* One message for the authors, one for each kept person's affiliations. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 5,
                             "authors holds more than 50 entries");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 5,
                             "authors[0].affiliations holds more than 8 entries");
  g_assert_cmpuint (diagnostics->len, ==, 1 + PN_PACK_MAX_AUTHORS);

  pn_test_remove_dir (dir);
}

/* 150,000 authors each with an affiliation, 10 documents inheriting them:
 * was quadratic (over a minute); refused at once, with the place. */
static void
test_150000_authors (void)
{
  g_autofree char *authors = people (150000, 1);
  g_autofree char *text = manifest (authors, "", 10);
  g_autofree char *dir = pn_test_make_dir ("pack.json", text, "doc.md", "# T\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPack) pack = load_dir (dir, diagnostics, &error);

  g_assert_null (pack);
  g_assert_error (error, PN_PACK_ERROR, PN_PACK_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "pack.json:5:"));
  g_assert_nonnull (strstr (error->message, "more than 250000 values"));

  pn_test_remove_dir (dir);
}

/* As many authors as fit under the values bound: still quick, the list cut. */
static void
test_60000_authors (void)
{
  g_autofree char *authors = people (60000, 1);
  g_autofree char *text = manifest (authors, "", 10);
  g_autofree char *dir = pn_test_make_dir ("pack.json", text, "doc.md", "# T\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  g_assert_cmpuint (pn_pack_get_authors (pack)->len, ==, PN_PACK_MAX_AUTHORS);
  g_assert_cmpuint (diagnostics->len, ==, 1);

  pn_test_remove_dir (dir);
}

static char *
quiz_list (guint n)
{
  GString *text = g_string_new ("\"quizzes\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s\"q.json\"", i > 0 ? "," : "");
  g_string_append (text, "],");

  return g_string_free (text, FALSE);
}

/* Quiz files are capped like documents, with one message (the others say
 * that the file, named again and again, repeats its quiz id). */
static void
test_quizzes_capped (void)
{
  g_autofree char *quizzes = quiz_list (PN_PACK_MAX_QUIZZES + 100);
  g_autofree char *text = manifest ("[{ \"name\": \"A\" }]", quizzes, 1);
  g_autofree char *dir = pn_test_make_dir ("pack.json", text, "doc.md", "# T\n", "q.json",
                                           "{\"id\": \"q\", \"title\": \"Q\", \"questions\": [\n"
                                           "{\"id\": \"a\", \"type\": \"open\", \"text\": \"T\"}]}", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  guint n_repeated = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    n_repeated += strstr (((PnDiagnostic *) g_ptr_array_index (diagnostics, i))->message,
                          "the quiz id 'q' is already that of q.json") != NULL;
  g_assert_cmpuint (g_strv_length ((GStrv) pn_pack_get_quiz_files (pack)), ==, PN_PACK_MAX_QUIZZES);
  g_assert_cmpuint (pn_pack_get_quizzes (pack)->len, ==, 1);
  g_assert_cmpuint (n_repeated, ==, PN_PACK_MAX_QUIZZES - 1);
  g_assert_cmpuint (diagnostics->len, ==, 1 + (PN_PACK_MAX_QUIZZES - 1));
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 3,
                             "quizzes holds more than 500 entries");

  pn_test_remove_dir (dir);
}

/* Quiz files of 7.5 MB each (sparse: made at once): past 32 MB in all, the
 * next is not read, with one message; the ones before are read (and refused
 * for their NUL bytes, at their own line). */
static void
test_quiz_bytes_capped (void)
{
  g_autofree char *text = manifest ("[{ \"name\": \"A\" }]",
                                    "\"quizzes\": [\"a.json\", \"b.json\", \"c.json\", \"d.json\", \"e.gift\"],", 1);
  g_autofree char *dir = pn_test_make_dir ("pack.json", text, "doc.md", "# T\n", NULL);
  const char *names[] = { "a.json", "b.json", "c.json", "d.json", "e.gift" };
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      FILE *out = fopen (path, "wb");

      g_assert_nonnull (out);
      g_assert_cmpint (fseek (out, 15 * 512 * 1024 - 1, SEEK_SET), ==, 0);
      g_assert_cmpint (fputc (' ', out), ==, ' ');
      g_assert_cmpint (fclose (out), ==, 0);
    }

  pack = pn_test_load (dir, diagnostics);
  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 3,
                             "e.gift: the quiz files of a course pack may hold 32 MB in all");
  g_assert_null (pn_test_find (diagnostics, "d.json: the quiz files"));
  g_assert_nonnull (pn_test_find (diagnostics, "d.json"));
  g_assert_cmpuint (pn_pack_get_quizzes (pack)->len, ==, 0);

  pn_test_remove_dir (dir);
}

/* 1.15 million entries under quizzes (17 s, 400 MB and a message each):
 * refused at once. */
static void
test_million_quizzes (void)
{
  GString *quizzes = g_string_new ("\"quizzes\": [");
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPack) pack = NULL;

  for (guint i = 0; i < 1150000; i++)
    g_string_append (quizzes, i > 0 ? ",\"q\"" : "\"q\"");
  g_string_append (quizzes, "],");
  text = manifest ("[{ \"name\": \"A\" }]", quizzes->str, 1);
  g_string_free (quizzes, TRUE);
  g_assert_cmpuint (strlen (text), <, PN_PACK_MAX_FILE_SIZE);
  dir = pn_test_make_dir ("pack.json", text, "doc.md", "# T\n", NULL);

  pack = load_dir (dir, diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, PN_PACK_ERROR, PN_PACK_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "pack.json:3:"));
  g_assert_cmpuint (diagnostics->len, ==, 0);

  pn_test_remove_dir (dir);
}

/* One object of 200,000 keys then 200,000 repeats of the last, in the sources
 * file (json-glib alone: over a minute). */
static void
test_repeated_keys_in_sources (void)
{
  GString *sources = g_string_new ("[{");
  g_autofree char *text = manifest ("[{ \"name\": \"A\" }]", "\"sources\": \"sources.json\",", 1);
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (sources, "\"k%u\":1,", i);
  for (guint i = 0; i < 200000; i++)
    g_string_append (sources, "\"k199999\":1,");
  g_string_append (sources, "\"id\":\"x\"}]");
  dir = pn_test_make_dir ("pack.json", text, "doc.md", "# T\n", "sources.json", sources->str, NULL);
  g_string_free (sources, TRUE);

  pack = pn_test_load (dir, diagnostics);
  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 1, "members");
  g_assert_cmpuint (pn_pack_get_sources (pack)->len, ==, 0);

  pn_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack-limits/authors-capped", test_authors_capped);
  g_test_add_func ("/pack-limits/150000-authors", test_150000_authors);
  g_test_add_func ("/pack-limits/60000-authors", test_60000_authors);
  g_test_add_func ("/pack-limits/quizzes-capped", test_quizzes_capped);
  g_test_add_func ("/pack-limits/quiz-bytes-capped", test_quiz_bytes_capped);
  g_test_add_func ("/pack-limits/million-quizzes", test_million_quizzes);
  g_test_add_func ("/pack-limits/repeated-keys-in-sources", test_repeated_keys_in_sources);

  return g_test_run ();
}
