/* test-cli.c: the teachers' tool, run as teachers run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <json-glib/json-glib.h>

#include "pn-store.h"
#include "pn-store-annotations.h"
#include "pn-test-util.h"

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs prisonnum-pack with the given arguments (NULL-terminated). */
static void
run_tool (Run        *run,
          const char *first_argument,
          ...)
{
  const char *tool = g_getenv ("PN_PACK_TOOL");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (tool);
  g_ptr_array_add (argv, (char *) tool);
  va_start (args, first_argument);
  for (const char *argument = first_argument; argument != NULL; argument = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) argument);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &error))
    run->status = 0;
  else if (error->domain == G_SPAWN_EXIT_ERROR)
    run->status = error->code;
  else
    g_error ("prisonnum-pack did not exit normally: %s", error->message);

  g_test_message ("status %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

static char *
fixture (const char *name)
{
  return g_build_filename (PN_TEST_PACKS_DIR, name, NULL);
}

/* Every line of @text has the form "[warning: ]file:line:column: message". */
static void
assert_problem_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (!g_regex_match_simple ("^(warning: )?[^:]+(:[0-9]+:[0-9]+)?: .+$", lines[i], 0, 0))
        g_test_fail_printf ("not a problem line: “%s”", lines[i]);
    }
}

static void
test_check_valid (void)
{
  g_autofree char *path = fixture ("good");
  g_autofree char *expected = g_strdup_printf ("%s: valid (2 documents, 3 sources)\n", path);
  g_auto(Run) run = { 0 };

  run_tool (&run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_check_invalid (void)
{
  g_autofree char *path = fixture ("bad-manifest");
  g_auto(Run) run = { 0 };

  run_tool (&run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.out);
  g_assert_nonnull (strstr (run.out, "\npack.json:14:13: duplicate document id 'intro' (first at line 13)\n"));
  g_assert_nonnull (strstr (run.out, "\nsources.json:4:3: duplicate source id 'twice' (first at line 3)\n"));
  g_assert_nonnull (strstr (run.out, "\npack.json:15:64: missing.md: file not found\n"));
  g_assert_true (g_str_has_prefix (run.out, "pack.json:5:12: title must be a string, not a number\n"));
  g_assert_nonnull (strstr (run.out, "\nwarning: pack.json:10:13: unknown key 'colour' (ignored)\n"));
  /* Problems inside documents come from rendering them. */
  g_assert_nonnull (strstr (run.out, "\nwarning: intro.md:1:41: unknown source 'lost'"));
  g_assert_null (strstr (run.out, "valid"));
}

static void
test_check_invalid_json (void)
{
  g_autofree char *path = fixture ("bad-json");
  g_auto(Run) run = { 0 };

  run_tool (&run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.out);
  g_assert_true (g_str_has_prefix (run.out, "pack.json:5:"));
}

/* A pack that cannot be loaded: the reason first, then the other problems. */
static void
test_check_unloadable_lists_all (void)
{
  g_autofree char *manifest = pn_test_manifest ("doc.md");
  g_autofree char *dir = NULL;
  g_auto(Run) run = { 0 };

  memcpy (strstr (manifest, "\"test-pack\""), "\"Test Pack\"", strlen ("\"Test Pack\""));
  memcpy (strstr (manifest, "\"Test\""), "  42  ", strlen ("\"Test\""));
  dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "# T\n", NULL);

  run_tool (&run, "check", dir, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.out);
  g_assert_true (g_str_has_prefix (run.out, "pack.json:3:9: id: 'Test Pack' is not a valid pack id"));
  g_assert_nonnull (strstr (run.out, "\npack.json:5:14: title must be a string, not a number\n"));

  pn_test_remove_dir (dir);
}

/* Warnings alone leave a pack valid. */
static void
test_check_warnings_only (void)
{
  g_autofree char *path = fixture ("hostile");
  g_auto(Run) run = { 0 };

  run_tool (&run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_problem_lines (run.out);
  g_assert_nonnull (strstr (run.out, "warning: hostile.md:3:1: raw HTML is not allowed; it was left out\n"));
  g_assert_nonnull (strstr (run.out, "warning: hostile.md:21:1: links to 'javascript:' addresses are not allowed"));
  g_assert_true (g_str_has_suffix (run.out, ": valid (1 document, 1 source)\n"));
}

static void
test_check_missing (void)
{
  g_autofree char *dir = pn_test_make_dir ("notes.txt", "no pack here", NULL);
  g_auto(Run) run = { 0 };

  run_tool (&run, "check", dir, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "pack.json: file not found"));

  pn_test_remove_dir (dir);
}

static void
test_render (void)
{
  g_autofree char *path = fixture ("good");
  g_auto(Run) run = { 0 };

  run_tool (&run, "render", path, "texte", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "<!DOCTYPE html>\n<html lang=\"fr\">"));
  g_assert_nonnull (strstr (run.out, "<section class=\"footnotes\" data-footnotes>"));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_render_warnings_on_stderr (void)
{
  g_autofree char *path = fixture ("hostile");
  g_auto(Run) run = { 0 };

  run_tool (&run, "render", path, "hostile", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "<!DOCTYPE html>"));
  g_assert_null (strstr (run.out, "warning:"));
  g_assert_nonnull (strstr (run.err, "warning: hostile.md:3:1: raw HTML is not allowed"));
}

static void
test_render_unknown_document (void)
{
  g_autofree char *path = fixture ("good");
  g_auto(Run) run = { 0 };

  run_tool (&run, "render", path, "nothing", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no document with the id 'nothing'"));
  g_assert_nonnull (strstr (run.err, "texte, notes"));
}

/* A pack whose document holds « rente » twice; its glossary has an entry
 * that occurs and one that never does (at line 4 of glossary.json). */
static char *
glossary_pack (void)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"glossary\": \"glossary.json\", ");

  return pn_test_make_dir ("pack.json", manifest,
                           "doc.md", "# Titre\n\nLa rente, puis la rente.\n\nLes rentes.\n",
                           "glossary.json",
                           "{ \"entries\": [\n"
                           "  { \"id\": \"rente\", \"term\": \"rente\", \"forms\": [\"rentes\"],\n"
                           "    \"definition\": \"Un revenu sans travail.\" },\n"
                           "  { \"id\": \"absent\", \"term\": \"plus-value\", \"definition\": \"Ce que vole le patron.\" }\n"
                           "] }\n",
                           NULL);
}

static void
test_glossary_listing (void)
{
  g_autofree char *path = fixture ("good");
  g_autofree char *dir = glossary_pack ();
  g_auto(Run) good = { 0 };
  g_auto(Run) run = { 0 };

  /* The explicit link of the good pack counts. */
  run_tool (&good, "glossary", path, NULL);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_cmpstr (good.out, ==, "id\tterm\ttotal\ttexte\tnotes\nseigneurage\tseigneurage\t1\t1\t0\n");

  run_tool (&run, "glossary", dir, NULL);
  pn_test_remove_dir (dir);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "id\tterm\ttotal\tdoc\nrente\trente\t3\t3\nabsent\tplus-value\t0\t0\n");
}

static void
test_glossary_missing (void)
{
  g_autofree char *path = fixture ("good");
  g_autofree char *manifest = pn_test_manifest ("doc.md");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "Texte.\n", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) usage = { 0 };

  run_tool (&run, "glossary", dir, NULL);
  pn_test_remove_dir (dir);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "has no glossary"));

  run_tool (&usage, "glossary", path, "extra", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

/* The check warns of the entry that never occurs, at its line, and of it only. */
static void
test_check_unused_entry (void)
{
  g_autofree char *dir = glossary_pack ();
  g_auto(Run) run = { 0 };

  run_tool (&run, "check", dir, NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_problem_lines (run.out);
  g_assert_true (g_str_has_prefix (run.out, "warning: glossary.json:4: glossary entry 'absent' (“plus-value”) "
                                            "never occurs in the pack's texts"));
  g_assert_cmpuint (pn_test_count_matches (run.out, "warning:"), ==, 1);
  g_assert_nonnull (strstr (run.out, ": valid (1 document, 0 sources)\n"));
  pn_test_remove_dir (dir);
}

static void
test_render_glossary_modes (void)
{
  static const char * const modes[] = { "--glossary=all", "--glossary=first", "--glossary=none" };
  static const guint links[] = { 3, 1, 0 };
  g_autofree char *dir = glossary_pack ();
  g_auto(Run) bad = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_auto(Run) run = { 0 };

      /* The option goes anywhere after the command. */
      if (i == 1)
        run_tool (&run, "render", modes[i], dir, "doc", NULL);
      else
        run_tool (&run, "render", dir, "doc", modes[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpuint (pn_test_count_matches (run.out, "class=\"pn-term\""), ==, links[i]);
    }

  run_tool (&bad, "render", dir, "doc", "--glossary=some", NULL);
  pn_test_remove_dir (dir);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--glossary takes all, first or none"));
}

static void
test_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) missing_argument = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };

  run_tool (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "prisonnum-pack check PATH"));

  run_tool (&unknown, "verify", ".", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "unknown command 'verify'"));

  run_tool (&missing_argument, "render", ".", NULL);
  g_assert_cmpint (missing_argument.status, ==, 2);

  run_tool (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "prisonnum-pack render PATH DOC-ID"));
  g_assert_nonnull (strstr (help.out, "prisonnum-pack glossary PATH"));
  g_assert_nonnull (strstr (help.out, "prisonnum-pack gift import FILE.gift"));
  g_assert_nonnull (strstr (help.out, "prisonnum-pack gift export PATH QUIZ-ID"));
  g_assert_nonnull (strstr (help.out, "prisonnum-pack notes export --format markdown|w3c"));
  g_assert_nonnull (strstr (help.out, "notes import  Adds the notes of FILE"));

  run_tool (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "prisonnum-pack " PACKAGE_VERSION "\n");
}

/* GIFT */

static char *
gift_example (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "gift", name, NULL);
}

static void
test_gift_import (void)
{
  g_autofree char *path = gift_example ("choix.gift");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *quiz;

  run_tool (&run, "gift", "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  quiz = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (quiz, "id"), ==, "choix");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (quiz, "questions")), ==, 5);
  g_assert_nonnull (strstr (run.out, "\"id\" : \"these-morozov\""));
}

/* The questions that cannot be read on stderr, the others on stdout. */
static void
test_gift_import_errors (void)
{
  g_autofree char *path = gift_example ("erreurs.gift");
  g_auto(Run) run = { 0 };

  run_tool (&run, "gift", "import", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.err);
  g_assert_true (g_str_has_prefix (run.err, "erreurs.gift:3:1: unbalanced braces"));
  g_assert_nonnull (strstr (run.err, "\nerreurs.gift:7:1: question 'nombre': 'trois' is not a number"));
  g_assert_nonnull (strstr (run.out, "\"id\" : \"bonne-1\""));
  g_assert_nonnull (strstr (run.out, "\"id\" : \"bonne-2\""));
}

/* Not UTF-8, 50 MB: a message, at once, nothing on stdout. */
static void
test_gift_import_bad_file (void)
{
  g_autofree char *dir = pn_test_make_dir ("latin1.gift", "::Q::Vrai ?{T}\n\n::R::\xe9t\xe9 ?{F}\n", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "latin1.gift", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.gift", NULL);
  g_auto(Run) bad = { 0 };
  g_auto(Run) big = { 0 };
  FILE *out = fopen (huge, "wb");
  gint64 start;

  /* 50 MB, sparse: nothing is written but the last byte. */
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, 50 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('{', out), ==, '{');
  g_assert_cmpint (fclose (out), ==, 0);

  run_tool (&bad, "gift", "import", latin1, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_true (g_str_has_prefix (bad.err, "latin1.gift:3:"));
  g_assert_nonnull (strstr (bad.err, "UTF-8"));

  start = g_get_monotonic_time ();
  run_tool (&big, "gift", "import", huge, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (big.status, ==, 1);
  g_assert_cmpstr (big.out, ==, "");
  g_assert_nonnull (strstr (big.err, "huge.gift"));

  pn_test_remove_dir (dir);
}

static void
test_gift_export (void)
{
  g_autofree char *path = fixture ("good");
  g_auto(Run) run = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) usage = { 0 };

  run_tool (&run, "gift", "export", path, "quiz-1", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "$CATEGORY: Le texte : vérifier sa lecture\n"));
  g_assert_nonnull (strstr (run.out, "// [id:sujet]\n// hint: Cherchez le mot souligné.\n"
                                     "// passage: texte: Il parle de seigneurage\n"));
  g_assert_nonnull (strstr (run.out, "[markdown]De quoi parle le premier paragraphe ? {\n"
                                     "\t=De seigneurage#Oui, il le nomme.\n"));
  g_assert_nonnull (strstr (run.out, "{TRUE#Comptez les appels de note.\n"));

  run_tool (&unknown, "gift", "export", path, "quiz-9", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_nonnull (strstr (unknown.err, "no quiz with the id 'quiz-9'"));
  g_assert_nonnull (strstr (unknown.err, "The quizzes of this pack are: quiz-1\n"));

  run_tool (&usage, "gift", "export", path, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "'gift' takes"));
}

/* A pack whose quizzes are bad: each problem at its line, the pack still checked whole. */
static void
test_check_quizzes (void)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md",
                                                     "\"quizzes\": [\"q.json\", \"banque.gift\", \"gros.gift\"], ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "doc.md", "# Titre\n\nLa mine et le bijoutier.\n",
                                           "q.json",
                                           "{ \"id\": \"q\", \"title\": \"Q\", \"questions\": [\n"
                                           "  { \"id\": \"a\", \"type\": \"ordering\", \"text\": \"T\", \"steps\": [\"un\"] },\n"
                                           "  { \"id\": \"b\", \"type\": \"open\", \"text\": \"T\",\n"
                                           "    \"passage\": { \"document\": \"doc\", \"quote\": \"la mine et le forgeron\" } }\n"
                                           "] }\n",
                                           "banque.gift", "::A::Vrai ?{T}\n\n::B::Aucune ?{~a ~b}\n",
                                           NULL);
  g_autofree char *huge = g_build_filename (dir, "gros.gift", NULL);
  g_auto(Run) run = { 0 };
  FILE *out = fopen (huge, "wb");

  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, 50 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', out), ==, '}');
  g_assert_cmpint (fclose (out), ==, 0);

  run_tool (&run, "check", dir, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_problem_lines (run.out);
  g_assert_nonnull (strstr (run.out, "q.json:2:1: question 'a': an ordering question needs at least two steps\n"));
  g_assert_nonnull (strstr (run.out, "warning: q.json:4:1: question 'b': the quote of its passage is not in the text of 'doc'\n"));
  g_assert_nonnull (strstr (run.out, "banque.gift:3:1: question 'b' has no correct answer"));
  g_assert_nonnull (strstr (run.out, "pack.json:8:40: gros.gift: file is too large"));

  pn_test_remove_dir (dir);
}


/* Course pack archives and the example pack (issue 9) */

/* new makes a pack that passes check --strict; it does not write into a
 * folder that holds something. */
static void
test_new_passes_strict (void)
{
  g_autofree char *out = pn_test_make_dir (NULL, NULL);
  g_autofree char *dir = g_build_filename (out, "course", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: valid (2 documents, 1 source)\n", dir);
  g_auto(Run) made = { 0 };
  g_auto(Run) checked = { 0 };
  g_auto(Run) again = { 0 };

  run_tool (&made, "new", dir, NULL);
  g_assert_cmpint (made.status, ==, 0);
  run_tool (&checked, "check", "--strict", dir, NULL);
  g_assert_cmpint (checked.status, ==, 0);
  g_assert_cmpstr (checked.out, ==, expected);

  run_tool (&again, "new", dir, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "not empty"));

  pn_test_remove_dir (out);
}

/* Two builds of the same folder are the same bytes; the archive checks
 * like the folder, and info shows what it holds. */
static void
test_build_reproducible (void)
{
  g_autofree char *out = pn_test_make_dir (NULL, NULL);
  g_autofree char *dir = g_build_filename (out, "course", NULL);
  g_autofree char *first = g_build_filename (out, "first.prisonnum", NULL);
  g_autofree char *second = g_build_filename (out, "second.prisonnum", NULL);
  g_autofree char *manifest = g_build_filename (dir, "pack.json", NULL);
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autofree char *manifest_sha256 = NULL;
  g_autofree char *manifest_text = NULL;
  g_auto(Run) made = { 0 };
  g_auto(Run) built = { 0 };
  g_auto(Run) rebuilt = { 0 };
  g_auto(Run) checked = { 0 };
  g_auto(Run) info = { 0 };

  run_tool (&made, "new", dir, NULL);
  run_tool (&built, "build", dir, "-o", first, NULL);
  g_assert_cmpint (built.status, ==, 0);
  g_assert_nonnull (strstr (built.out, ": built (7 files, "));
  run_tool (&rebuilt, "build", "--output", second, dir, NULL);
  g_assert_cmpint (rebuilt.status, ==, 0);

  first_bytes = pn_test_read_bytes (first);
  second_bytes = pn_test_read_bytes (second);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  run_tool (&checked, "check", first, "--strict", NULL);
  g_assert_cmpint (checked.status, ==, 0);
  g_assert_true (g_str_has_suffix (checked.out, "first.prisonnum: valid (2 documents, 1 source)\n"));

  g_assert_true (g_file_get_contents (manifest, &manifest_text, NULL, NULL));
  manifest_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, manifest_text, -1);
  run_tool (&info, "info", first, NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_true (g_str_has_prefix (info.out, "Title: Lighthouses: an example course\nId: example-lighthouses\n"
                                             "Version: 1.0.0\n"));
  g_assert_nonnull (strstr (info.out, "\nLanguages: en\n"));
  g_assert_nonnull (strstr (info.out, "\nDocuments: 2\n  first\tLights on the coast\ttexts/first.md\ten\n"));
  g_assert_nonnull (strstr (info.out, "\nGlossary: 2 entries (glossary.json)\n"));
  g_assert_nonnull (strstr (info.out, "\nQuizzes: 1\n  lights\tquiz.json\t2 questions\n"));
  g_assert_nonnull (strstr (info.out, "\nSources: 1\n"));
  g_assert_nonnull (strstr (info.out, manifest_sha256));
  g_assert_nonnull (strstr (info.out, "\"checksums\": {"));

  /* In the plain C locale too, the archive's UTF-8 names are read. */
  {
    g_autofree char *accented = g_build_filename (dir, "caf\xc3\xa9.md", NULL);
    g_autofree char *third = g_build_filename (out, "third.prisonnum", NULL);
    const char *tool = g_getenv ("PN_PACK_TOOL");
    const char *argv[] = { tool, "check", third, NULL };
    const char *envp[] = { "LC_ALL=C", "LANGUAGE=", NULL };
    g_auto(Run) accented_build = { 0 };
    g_autofree char *c_out = NULL;
    int wait_status = 0;

    g_assert_true (g_file_set_contents (accented, "Not listed.\n", -1, NULL));
    run_tool (&accented_build, "build", dir, "-o", third, NULL);
    g_assert_cmpint (accented_build.status, ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &c_out, NULL, &wait_status, NULL));
    g_test_message ("LC_ALL=C: %s", c_out);
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    g_assert_true (g_str_has_suffix (c_out, "third.prisonnum: valid (2 documents, 1 source)\n"));
    remove (accented);
  }

  /* The other commands read an archive too. */
  {
    g_auto(Run) rendered = { 0 };

    run_tool (&rendered, "render", first, "second", NULL);
    g_assert_cmpint (rendered.status, ==, 0);
    g_assert_true (g_str_has_prefix (rendered.out, "<!DOCTYPE html>"));
    g_assert_nonnull (strstr (rendered.out, "id=\"keeping-the-light\""));
  }

  pn_test_remove_dir (out);
}

/* --strict makes warnings fail; without it they do not (the control). */
static void
test_check_strict (void)
{
  g_autofree char *path = fixture ("hostile");
  g_auto(Run) lenient = { 0 };
  g_auto(Run) strict = { 0 };

  run_tool (&lenient, "check", path, NULL);
  g_assert_cmpint (lenient.status, ==, 0);
  run_tool (&strict, "check", "--strict", path, NULL);
  g_assert_cmpint (strict.status, ==, 1);
  assert_problem_lines (strict.out);
  g_assert_nonnull (strstr (strict.out, "warnings, which --strict counts as problems\n"));
  g_assert_null (strstr (strict.out, "valid"));
}

/* A pack with errors is not built; an archive that breaks a rule is named
 * with its entry. */
static void
test_build_refuses_errors (void)
{
  g_autofree char *path = fixture ("bad-manifest");
  g_autofree char *out = pn_test_make_dir ("evil.prisonnum", "PK\003\004 not really a zip", NULL);
  g_autofree char *archive = g_build_filename (out, "bad.prisonnum", NULL);
  g_autofree char *evil = g_build_filename (out, "evil.prisonnum", NULL);
  g_auto(Run) built = { 0 };
  g_auto(Run) checked = { 0 };
  g_auto(Run) info = { 0 };

  run_tool (&built, "build", path, "-o", archive, NULL);
  g_assert_cmpint (built.status, ==, 1);
  g_assert_nonnull (strstr (built.err, "not built"));
  g_assert_false (g_file_test (archive, G_FILE_TEST_EXISTS));

  run_tool (&checked, "check", evil, NULL);
  g_assert_cmpint (checked.status, ==, 1);
  g_assert_true (g_str_has_prefix (checked.out, "evil.prisonnum: "));
  run_tool (&info, "info", evil, NULL);
  g_assert_cmpint (info.status, ==, 1);

  pn_test_remove_dir (out);
}

/* Notes: the student's database from the command line */

static char *
notes_database (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "student.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  const char *quotes[] = { "la rente foncière", "le profit" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      g_autoptr(PnAnnotation) highlight = pn_annotation_new ("essai", "texte", PN_ANNOTATION_HIGHLIGHT);

      highlight->selectors.exact = g_strdup (quotes[i]);
      highlight->selectors.start = 10 * (gint64) i;
      highlight->selectors.end = highlight->selectors.start + g_utf8_strlen (quotes[i], -1);
      g_free (highlight->note);
      highlight->note = g_strdup_printf ("note %u", i);
      g_assert_true (pn_store_add_annotation (store, highlight, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&path);
}

static void
test_notes_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pn-cli-notes-XXXXXX", NULL);
  g_autofree char *db = notes_database (dir);
  g_autofree char *missing = g_build_filename (dir, "none.db", NULL);
  g_auto(Run) w3c = { 0 };
  g_auto(Run) markdown = { 0 };
  g_auto(Run) other_pack = { 0 };
  g_auto(Run) no_db = { 0 };
  g_auto(Run) no_format = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *page;

  run_tool (&w3c, "notes", "export", "--format", "w3c", "--db", db, NULL);
  g_assert_cmpint (w3c.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, w3c.out, -1, NULL));
  page = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "first");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "items")), ==, 2);

  run_tool (&markdown, "notes", "export", "--format=markdown", "--pack", "essai", "--db", db, NULL);
  g_assert_cmpint (markdown.status, ==, 0);
  g_assert_nonnull (strstr (markdown.out, "> la rente foncière\n"));
  g_assert_nonnull (strstr (markdown.out, "note 1"));

  run_tool (&other_pack, "notes", "export", "--format=markdown", "--pack", "autre", "--db", db, NULL);
  g_assert_cmpint (other_pack.status, ==, 0);
  g_assert_null (strstr (other_pack.out, "la rente"));

  /* Nothing is made where there was nothing. */
  run_tool (&no_db, "notes", "export", "--format=w3c", "--db", missing, NULL);
  g_assert_cmpint (no_db.status, ==, 1);
  g_assert_nonnull (strstr (no_db.err, missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  run_tool (&no_format, "notes", "export", "--db", db, NULL);
  g_assert_cmpint (no_format.status, ==, 2);

  pn_test_remove_dir (dir);
}

/* The teacher's notes: counted by info, their problems listed by check, and
 * never in the student's export (the student's own note is, as a control). */
static void
test_teacher_notes (void)
{
  g_autofree char *path = fixture ("teacher");
  g_autofree char *dir = g_dir_make_tmp ("pn-cli-teacher-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "student.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "pack", NULL);
  g_autofree char *notes = g_build_filename (copy, "notes-enseignante.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GString) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) info = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) markdown = { 0 };
  const char *files[] = { "pack.json", "jardin.md", "saisons.md", "notes-enseignante.json" };

  run_tool (&info, "info", path, NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "Teacher's notes: 3 (notes-enseignante.json)\n"));

  /* A copy whose third note is on a document the pack does not have. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (path, files[i], NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
      pn_test_write_file (copy, files[i], contents, -1);
    }
  g_assert_true (g_file_get_contents (notes, &data, NULL, NULL));
  broken = g_string_new (data);
  g_string_replace (broken, "doc/saisons", "doc/automne", 1);
  pn_test_write_file (copy, "notes-enseignante.json", broken->str, -1);
  run_tool (&check, "check", copy, NULL);
  g_assert_cmpint (check.status, ==, 1);
  assert_problem_lines (check.out);
  g_assert_nonnull (strstr (check.out, "notes-enseignante.json:34:5: "));
  g_assert_nonnull (strstr (check.out, "'automne'"));

  /* The student's database holds a note of their own on the same pack. */
  {
    g_autoptr(PnStore) store = pn_store_open (db, &error);
    g_autoptr(PnAnnotation) mine = pn_annotation_new ("test-teacher", "jardin", PN_ANNOTATION_HIGHLIGHT);

    g_assert_no_error (error);
    mine->selectors.exact = g_strdup ("arrose ses tomates");
    mine->selectors.start = 13;
    mine->selectors.end = 31;
    g_free (mine->note);
    mine->note = g_strdup ("ma propre note");
    g_assert_true (pn_store_add_annotation (store, mine, &error));
    g_assert_no_error (error);
  }
  run_tool (&export, "notes", "export", "--format", "w3c", "--db", db, NULL);
  run_tool (&markdown, "notes", "export", "--format", "markdown", "--pack", "test-teacher", "--db", db, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpint (markdown.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "ma propre note"));
  g_assert_nonnull (strstr (markdown.out, "ma propre note"));
  g_assert_null (strstr (export.out, "personnification"));
  g_assert_null (strstr (markdown.out, "personnification"));
  g_assert_null (strstr (export.out, "7d1f0c0e-5a8b"));

  pn_test_remove_dir (dir);
}

static void
test_notes_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pn-cli-notes-XXXXXX", NULL);
  g_autofree char *db = notes_database (dir);
  g_autofree char *other = g_build_filename (dir, "other", "student.db", NULL);
  g_autofree char *file = g_build_filename (dir, "notes.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_auto(Run) exported = { 0 };
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) partly = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) usage = { 0 };
  g_autoptr(PnStore) store = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;

  run_tool (&exported, "notes", "export", "--format", "w3c", "--db", db, NULL);
  g_assert_true (g_file_set_contents (file, exported.out, -1, NULL));

  run_tool (&first, "notes", "import", file, "--db", other, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "2 notes added, 0 skipped (already there)\n");
  run_tool (&again, "notes", "import", "--db", other, file, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.out, ==, "0 notes added, 2 skipped (already there)\n");

  store = pn_store_open (other, &error);
  g_assert_no_error (error);
  stored = pn_store_get_annotations (store, "essai", NULL, &error);
  g_assert_cmpuint (stored->len, ==, 2);

  /* What cannot be read is named by file and line, the rest imported. */
  g_assert_true (g_file_set_contents (bad,
                                      "[\n"
                                      "  {\"type\": \"Annotation\", \"target\": \"https://example.org/\"},\n"
                                      "  {\"type\": \"Annotation\", \"bodyValue\": \"nouvelle\",\n"
                                      "   \"target\": \"prisonnum://pack/essai/doc/texte\"}\n"
                                      "]\n", -1, NULL));
  run_tool (&partly, "notes", "import", bad, "--db", other, NULL);
  g_assert_cmpint (partly.status, ==, 1);
  g_assert_nonnull (strstr (partly.err, "bad.json:2:"));
  g_assert_cmpstr (partly.out, ==, "1 note added, 0 skipped (already there)\n");

  g_assert_true (g_file_set_contents (broken, "{\n  \"items\": [\n", -1, NULL));
  run_tool (&refused, "notes", "import", broken, "--db", other, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "broken.json:"));

  run_tool (&usage, "notes", "import", "--db", other, NULL);
  g_assert_cmpint (usage.status, ==, 2);

  pn_test_remove_dir (dir);
}

/* The example pack written by `new` in the folder @name of @out. */
static char *
scaffold (const char *out,
          const char *name)
{
  char *dir = g_build_filename (out, name, NULL);
  g_auto(Run) made = { 0 };

  run_tool (&made, "new", dir, NULL);
  g_assert_cmpint (made.status, ==, 0);
  return dir;
}

/* diff: what an update changes, between a folder and an archive; nothing
 * between a pack and itself. */
static void
test_diff (void)
{
  g_autofree char *out = pn_test_make_dir (NULL, NULL);
  g_autofree char *old_dir = scaffold (out, "old");
  g_autofree char *new_dir = scaffold (out, "new");
  g_autofree char *archive = g_strconcat (new_dir, ".prisonnum", NULL);
  g_autofree char *manifest = g_build_filename (new_dir, "pack.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  g_auto(Run) built = { 0 };
  g_auto(Run) changed = { 0 };
  g_auto(Run) same = { 0 };
  g_auto(Run) missing = { 0 };

  g_assert_true (g_file_get_contents (manifest, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"The keepers\"", "\"The lighthouse keepers\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (edited, "\"1.0.0\"", "\"1.1\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (manifest, edited->str, -1, NULL));
  run_tool (&built, "build", new_dir, "-o", archive, NULL);
  g_assert_cmpint (built.status, ==, 0);

  run_tool (&changed, "diff", old_dir, archive, NULL);
  g_assert_cmpint (changed.status, ==, 0);
  g_assert_cmpstr (changed.out, ==, "example-lighthouses: version 1.0.0 → 1.1\n"
                                    "~ document: The lighthouse keepers\n");
  run_tool (&same, "diff", old_dir, old_dir, NULL);
  g_assert_cmpint (same.status, ==, 0);
  g_assert_cmpstr (same.out, ==, "example-lighthouses: version 1.0.0 → 1.0.0\nno changes\n");
  run_tool (&missing, "diff", old_dir, NULL);
  g_assert_cmpint (missing.status, ==, 2);

  pn_test_remove_dir (out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check-valid", test_check_valid);
  g_test_add_func ("/cli/check-invalid", test_check_invalid);
  g_test_add_func ("/cli/check-invalid-json", test_check_invalid_json);
  g_test_add_func ("/cli/check-unloadable-lists-all", test_check_unloadable_lists_all);
  g_test_add_func ("/cli/check-warnings-only", test_check_warnings_only);
  g_test_add_func ("/cli/check-missing", test_check_missing);
  g_test_add_func ("/cli/render", test_render);
  g_test_add_func ("/cli/render-warnings-on-stderr", test_render_warnings_on_stderr);
  g_test_add_func ("/cli/render-unknown-document", test_render_unknown_document);
  g_test_add_func ("/cli/glossary-listing", test_glossary_listing);
  g_test_add_func ("/cli/glossary-missing", test_glossary_missing);
  g_test_add_func ("/cli/check-unused-entry", test_check_unused_entry);
  g_test_add_func ("/cli/render-glossary-modes", test_render_glossary_modes);
  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/check-quizzes", test_check_quizzes);
  g_test_add_func ("/cli/gift-import", test_gift_import);
  g_test_add_func ("/cli/gift-import-errors", test_gift_import_errors);
  g_test_add_func ("/cli/gift-import-bad-file", test_gift_import_bad_file);
  g_test_add_func ("/cli/gift-export", test_gift_export);
  g_test_add_func ("/cli/new-passes-strict", test_new_passes_strict);
  g_test_add_func ("/cli/build-reproducible", test_build_reproducible);
  g_test_add_func ("/cli/check-strict", test_check_strict);
  g_test_add_func ("/cli/build-refuses-errors", test_build_refuses_errors);
  g_test_add_func ("/cli/notes-export", test_notes_export);
  g_test_add_func ("/cli/notes-import", test_notes_import);
  g_test_add_func ("/cli/diff", test_diff);
  g_test_add_func ("/cli/teacher-notes", test_teacher_notes);

  return g_test_run ();
}
