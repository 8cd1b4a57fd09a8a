/* test-pack.c: loading course packs, good and broken
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pn-pack.h"
#include "pn-render.h"
#include "pn-test-util.h"

/* A pack with one document, doc.md, holding @markdown. */
static char *
make_pack_with_document (const char *markdown)
{
  g_autofree char *manifest = pn_test_manifest ("doc.md");

  return pn_test_make_dir ("pack.json", manifest, "doc.md", markdown, NULL);
}

static PnPack *
load_expecting_error (const char *dir,
                      GPtrArray  *diagnostics,
                      int         code,
                      GError    **error)
{
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  PnPack *pack = pn_pack_load (location, diagnostics, error);

  g_assert_null (pack);
  g_assert_error (*error, PN_PACK_ERROR, code);

  return pack;
}

/* The good pack */

static void
test_good_pack (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load_fixture ("good", diagnostics);
  GPtrArray *authors = pn_pack_get_authors (pack);
  GPtrArray *documents = pn_pack_get_documents (pack);
  const PnPerson *camille;
  PnDocument *texte;
  PnDocument *notes;
  const PnSource *morozov;
  const char * const *quizzes;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);

  g_assert_cmpstr (pn_pack_get_id (pack), ==, "test-good");
  g_assert_cmpstr (pn_pack_get_version (pack), ==, "2.1.0");
  g_assert_cmpstr (pn_pack_get_title (pack), ==, "Un dossier de test : tout va bien");
  g_assert_cmpstr (pn_pack_get_language (pack), ==, "fr");
  g_assert_cmpstr (pn_pack_get_license (pack), ==, "CC-BY-SA-4.0");
  g_assert_cmpstr (pn_pack_get_description (pack), ==, "Un petit dossier qui couvre chaque partie du format.");

  g_assert_cmpuint (authors->len, ==, 2);
  camille = g_ptr_array_index (authors, 0);
  g_assert_cmpstr (camille->name, ==, "Camille Martin");
  g_assert_cmpstr (camille->email, ==, "camille@example.org");
  g_assert_cmpuint (g_strv_length (camille->affiliations), ==, 2);
  g_assert_cmpstr (camille->affiliations[1], ==, "Laboratoire B");
  g_assert_null (((PnPerson *) g_ptr_array_index (authors, 1))->email);

  /* Documents in reading order; the second has its own language and authors. */
  g_assert_cmpuint (documents->len, ==, 2);
  texte = g_ptr_array_index (documents, 0);
  notes = g_ptr_array_index (documents, 1);
  g_assert_true (pn_pack_get_document (pack, "texte") == texte);
  g_assert_null (pn_pack_get_document (pack, "nothing"));
  g_assert_cmpstr (pn_document_get_title (texte), ==, "Le texte : une lecture");
  g_assert_cmpstr (pn_document_get_file (texte), ==, "textes/texte.md");
  g_assert_cmpstr (pn_document_get_language (texte), ==, "fr");
  g_assert_cmpuint (pn_document_get_authors (texte)->len, ==, 2);
  g_assert_true (g_str_has_prefix (pn_document_get_markdown (texte), "## Première partie"));
  g_assert_cmpstr (pn_document_get_language (notes), ==, "en");
  g_assert_cmpuint (pn_document_get_authors (notes)->len, ==, 1);

  g_assert_cmpuint (pn_pack_get_sources (pack)->len, ==, 3);
  morozov = pn_pack_get_source (pack, "morozov-2025");
  g_assert_nonnull (morozov);
  g_assert_cmpstr (morozov->issued, ==, "2025-08");
  g_assert_cmpint (morozov->line, ==, 2);
  g_assert_null (pn_pack_get_source (pack, "nobody"));

  g_assert_cmpstr (pn_pack_get_glossary_file (pack), ==, "glossary.json");
  quizzes = pn_pack_get_quiz_files (pack);
  g_assert_cmpuint (g_strv_length ((char **) quizzes), ==, 1);
  g_assert_cmpstr (quizzes[0], ==, "quiz-1.json");
}

/* The manifest itself can be named instead of its folder. */
static void
test_manifest_path (void)
{
  g_autofree char *path = g_build_filename (PN_TEST_PACKS_DIR, "good", "pack.json", NULL);
  g_autoptr(GFile) location = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPack) pack = pn_pack_load (location, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (pn_pack_get_id (pack), ==, "test-good");
  g_assert_cmpuint (pn_pack_get_documents (pack)->len, ==, 2);
}

static void
test_minimal_pack (void)
{
  g_autofree char *dir = make_pack_with_document ("Bonjour.\n");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_null (pn_pack_get_license (pack));
  g_assert_null (pn_pack_get_glossary_file (pack));
  g_assert_nonnull (pn_pack_get_quiz_files (pack));
  g_assert_null (pn_pack_get_quiz_files (pack)[0]);
  g_assert_cmpuint (pn_pack_get_sources (pack)->len, ==, 0);
  /* A document without authors has the pack's. */
  g_assert_true (pn_document_get_authors (pn_pack_get_document (pack, "doc")) ==
                 pn_pack_get_authors (pack));

  pn_test_remove_dir (dir);
}

static void
test_byte_order_mark (void)
{
  g_autofree char *manifest = pn_test_manifest ("doc.md");
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", manifest, NULL);
  g_autofree char *dir = pn_test_make_dir ("pack.json", with_bom, "doc.md", "Texte.\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (pn_pack_get_id (pack), ==, "test-pack");

  pn_test_remove_dir (dir);
}

/* Manifests that stop loading */

static void
test_not_found (void)
{
  g_autofree char *dir = pn_test_make_dir ("README", "no manifest here", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) second_error = NULL;

  load_expecting_error (dir, NULL, PN_PACK_ERROR_NOT_FOUND, &error);
  g_assert_nonnull (strstr (error->message, "pack.json"));
  load_expecting_error (nowhere, NULL, PN_PACK_ERROR_NOT_FOUND, &second_error);

  pn_test_remove_dir (dir);
}

static void
test_invalid_json (void)
{
  g_autofree char *dir = g_build_filename (PN_TEST_PACKS_DIR, "bad-json", NULL);
  g_autoptr(GError) error = NULL;

  load_expecting_error (dir, NULL, PN_PACK_ERROR_INVALID, &error);
  /* The comma is missing at the end of line 5. */
  g_assert_true (g_str_has_prefix (error->message, "pack.json:5:"));
  g_assert_nonnull (strstr (error->message, "invalid JSON"));
}

static void
test_invalid_utf8_manifest (void)
{
  g_autofree char *dir = pn_test_make_dir ("pack.json", "{\n  \"format\": 1,\n  \"title\": \"\xc3\x28\"\n}\n", NULL);
  g_autoptr(GError) error = NULL;

  load_expecting_error (dir, NULL, PN_PACK_ERROR_UNREADABLE, &error);
  g_assert_cmpstr (error->message, ==,
                   "pack.json:3:13: invalid UTF-8; the file must be saved in the UTF-8 encoding");

  pn_test_remove_dir (dir);
}

static void
test_unsupported_format (void)
{
  g_autofree char *dir = pn_test_make_dir ("pack.json", "{\n  \"format\": 2,\n  \"id\": \"future\"\n}\n", NULL);
  g_autoptr(GError) error = NULL;

  load_expecting_error (dir, NULL, PN_PACK_ERROR_INVALID, &error);
  g_assert_cmpstr (error->message, ==,
                   "pack.json:2:13: format 2 is not supported; this version of the app reads format 1");

  pn_test_remove_dir (dir);
}

static void
test_not_an_object (void)
{
  g_autofree char *dir = pn_test_make_dir ("pack.json", "[1, 2]\n", NULL);
  g_autoptr(GError) error = NULL;

  load_expecting_error (dir, NULL, PN_PACK_ERROR_INVALID, &error);
  g_assert_cmpstr (error->message, ==, "pack.json:1:1: the manifest must be a JSON object, not an array");

  pn_test_remove_dir (dir);
}

static void
test_bad_pack_id (void)
{
  g_autofree char *manifest = pn_test_manifest ("doc.md");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (manifest, "\"test-pack\""));
  memcpy (strstr (manifest, "\"test-pack\""), "\"Test Pack\"", strlen ("\"Test Pack\""));
  dir = pn_test_make_dir ("pack.json", manifest, NULL);

  load_expecting_error (dir, diagnostics, PN_PACK_ERROR_INVALID, &error);
  g_assert_true (g_str_has_prefix (error->message, "pack.json:3:9: id: 'Test Pack' is not a valid pack id"));
  /* The other problems are still reported. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 0, "doc.md: file not found");

  pn_test_remove_dir (dir);
}

/* Problems that leave a pack to show */

static void
test_bad_manifest (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load_fixture ("bad-manifest", diagnostics);
  GPtrArray *documents = pn_pack_get_documents (pack);
  PnDocument *missing;

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 5, "title must be a string, not a number");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 7,
                             "authors[0].affiliations must be an array, not a string");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 8, "license must be a string or null");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "pack.json", 10, "unknown key 'colour'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 12,
                             "documents[0].id must be a string, not a number");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 14,
                             "duplicate document id 'intro' (first at line 13)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 15, "missing.md: file not found");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 16, "leads outside the pack folder");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 17, "is an absolute path");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 18, "missing required key 'id' in documents[6]");

  /* Sources: duplicates name both lines, wrong types name theirs. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 4,
                             "duplicate source id 'twice' (first at line 3)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 5, "[3].title must be a string, not an array");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 6, "missing required key 'id'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 7, "[5] must be an object, not a string");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 8, "date-parts");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "sources.json", 9, "not an http or https address");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 10, "'family'");

  /* What could be read is there: the title falls back to the id, the first
   * "intro" wins, the missing document is listed without text. */
  g_assert_cmpstr (pn_pack_get_title (pack), ==, "test-bad-manifest");
  g_assert_cmpuint (documents->len, ==, 4);
  g_assert_cmpstr (pn_document_get_title (pn_pack_get_document (pack, "intro")), ==, "Introduction");
  missing = pn_pack_get_document (pack, "missing");
  g_assert_nonnull (missing);
  g_assert_null (pn_document_get_markdown (missing));
  g_assert_null (pn_document_get_markdown (pn_pack_get_document (pack, "escape")));
  g_assert_cmpstr (pn_pack_get_source (pack, "twice")->title, ==, "First");
  g_assert_null (pn_pack_get_source (pack, "linked")->url);
  g_assert_nonnull (pn_pack_get_source (pack, "good"));
  g_assert_null (pn_pack_get_source (pack, "typed")->title);
}

static void
test_missing_required_keys (void)
{
  g_autofree char *dir = pn_test_make_dir ("pack.json", "{\n  \"format\": 1,\n  \"id\": \"bare\"\n}\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  static const char * const keys[] = {
    "version", "title", "language", "authors", "license", "description", "documents", NULL
  };

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *needle = g_strdup_printf ("missing required key '%s'", keys[i]);

      pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 1, needle);
    }

  /* The getters still give something to show. */
  g_assert_cmpstr (pn_pack_get_title (pack), ==, "bare");
  g_assert_cmpstr (pn_pack_get_language (pack), ==, "und");
  g_assert_cmpstr (pn_pack_get_version (pack), ==, "");
  g_assert_cmpstr (pn_pack_get_description (pack), ==, "");
  g_assert_cmpuint (pn_pack_get_documents (pack)->len, ==, 0);

  pn_test_remove_dir (dir);
}

/* Documents that cannot be read */

static void
test_missing_document (void)
{
  g_autofree char *manifest = pn_test_manifest ("absent.md");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  PnDocument *doc = pn_pack_get_document (pack, "doc");
  g_autofree char *html = NULL;
  g_autofree char *text = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));

  g_assert_cmpuint (diagnostics->len, ==, 1);
  /* Said where pack.json names the file. */
  g_assert_true (g_str_has_prefix (text, "pack.json:"));
  g_assert_true (g_str_has_suffix (text, ": absent.md: file not found"));
  g_assert_nonnull (doc);
  g_assert_null (pn_document_get_markdown (doc));
  /* The document knows why, for the page the reader shows instead. */
  g_assert_cmpstr (pn_document_get_problem (doc), ==, text);

  html = pn_render_document (pack, doc, NULL);
  g_assert_nonnull (strstr (html, "This document could not be read."));
  g_assert_nonnull (strstr (html, "absent.md"));

  pn_test_remove_dir (dir);
}

static void
test_unreadable_document (void)
{
  g_autofree char *dir = make_pack_with_document ("Secret.\n");
  g_autofree char *path = g_build_filename (dir, "doc.md", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;

  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  pack = pn_test_load (dir, diagnostics);

  /* root reads anything, whatever the mode says. */
  if (geteuid () == 0)
    {
      g_test_skip ("running as root, which reads any file; /pack/document-not-a-file covers unreadable files");
    }
  else
    {
      pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "doc.md", 0, "permission denied");
      g_assert_null (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));
    }

  pn_test_remove_dir (dir);
}

/* Unreadable whatever the user: a folder, a named pipe (which would block a naive read). */
static void
test_document_not_a_file (void)
{
  g_autofree char *manifest = pn_test_manifest ("doc.md");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md/inside.md", "x", NULL);
  g_autofree char *pipe_manifest = pn_test_manifest ("pipe.md");
  g_autofree char *pipe_dir = pn_test_make_dir ("pack.json", pipe_manifest, NULL);
  g_autofree char *pipe_path = g_build_filename (pipe_dir, "pipe.md", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GPtrArray) pipe_diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  g_autoptr(PnPack) pipe_pack = NULL;

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 0, "doc.md: this is a folder, not a file");
  g_assert_null (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));

  g_assert_cmpint (mkfifo (pipe_path, 0644), ==, 0);
  pipe_pack = pn_test_load (pipe_dir, pipe_diagnostics);
  pn_test_assert_diagnostic (pipe_diagnostics, PN_SEVERITY_ERROR, "pack.json", 0, "pipe.md: this is not a regular file");

  pn_test_remove_dir (dir);
  pn_test_remove_dir (pipe_dir);
}

static void
test_invalid_utf8_document (void)
{
  g_autofree char *dir = make_pack_with_document ("# Titre\n\nUn texte\nen Latin-1 : caf\xe9.\n");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  const PnDiagnostic *problem = pn_test_find (diagnostics, "UTF-8");

  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->file, ==, "doc.md");
  g_assert_cmpint (problem->line, ==, 4);
  g_assert_cmpint (problem->column, ==, 17);
  g_assert_null (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));

  pn_test_remove_dir (dir);
}

static void
test_nul_byte_document (void)
{
  g_autofree char *manifest = pn_test_manifest ("doc.md");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;

  pn_test_write_file (dir, "doc.md", "line one\nab\0cd\n", 15);
  pack = pn_test_load (dir, diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "doc.md", 2, "NUL byte");
  g_assert_null (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));

  pn_test_remove_dir (dir);
}

/* A 100 MB document is refused from its size, before anything is read. */
static void
test_huge_document (void)
{
  g_autofree char *manifest = pn_test_manifest ("essai.md");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, NULL);
  g_autofree char *path = g_build_filename (dir, "essai.md", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  g_autofree char *text = NULL;
  int fd;

  /* Sparse: takes no room on disk. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 100 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);

  pack = pn_test_load (dir, diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  text = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  g_assert_true (g_str_has_prefix (text, "pack.json:"));
  g_assert_true (g_str_has_suffix (text, ": essai.md: file is too large (100.0 MB; the limit is 8 MB)"));
  g_assert_null (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));

  pn_test_remove_dir (dir);
}

/* A sources file over the limit is refused the same way. */
static void
test_huge_sources (void)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"sources\": \"sources.json\", ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "x\n", NULL);
  g_autofree char *path = g_build_filename (dir, "sources.json", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 9 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);

  pack = pn_test_load (dir, diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 0,
                             "sources.json: file is too large (9.0 MB; the limit is 8 MB)");
  g_assert_cmpuint (pn_pack_get_sources (pack)->len, ==, 0);

  pn_test_remove_dir (dir);
}

/* Paths */

static void
test_symlink_escape (void)
{
  g_autofree char *outside = pn_test_make_dir ("secret.md", "Outside the pack.\n", NULL);
  g_autofree char *target = g_build_filename (outside, "secret.md", NULL);
  g_autofree char *manifest = pn_test_manifest ("link.md");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "real.md", "Inside.\n", NULL);
  g_autofree char *link = g_build_filename (dir, "link.md", NULL);
  g_autofree char *inner_link = g_build_filename (dir, "alias.md", NULL);
  g_autofree char *folder_link = g_build_filename (dir, "elsewhere", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(GFile) inside = NULL;
  g_autoptr(GFile) alias = NULL;

  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (symlink ("real.md", inner_link), ==, 0);
  g_assert_cmpint (symlink (outside, folder_link), ==, 0);

  pack = pn_test_load (dir, diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 10, "through a symbolic link");
  g_assert_null (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));

  /* pn_pack_resolve keeps to the pack. */
  g_assert_null (pn_pack_resolve (pack, "link.md"));
  g_assert_null (pn_pack_resolve (pack, "elsewhere/secret.md"));
  g_assert_null (pn_pack_resolve (pack, "../secret.md"));
  g_assert_null (pn_pack_resolve (pack, "a/../../secret.md"));
  g_assert_null (pn_pack_resolve (pack, target));
  g_assert_null (pn_pack_resolve (pack, ""));
  inside = pn_pack_resolve (pack, "real.md");
  g_assert_nonnull (inside);
  alias = pn_pack_resolve (pack, "alias.md");
  g_assert_nonnull (alias);
  g_assert_true (g_file_equal (inside, alias));
  g_clear_object (&inside);
  /* Not there yet, but inside: fine. */
  inside = pn_pack_resolve (pack, "images/later.png");
  g_assert_nonnull (inside);

  pn_test_remove_dir (dir);
  pn_test_remove_dir (outside);
}

/* Sources */

static void
test_sources_not_an_array (void)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"sources\": \"refs.json\", ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "x\n",
                                           "refs.json", "{\n  \"items\": []\n}\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "refs.json", 1,
                             "the sources file must be a CSL-JSON array of items, not an object");
  g_assert_cmpuint (pn_pack_get_sources (pack)->len, ==, 0);

  pn_test_remove_dir (dir);
}

static void
test_reserved_files (void)
{
  const char *manifest =
    "{\n"
    "  \"format\": 1, \"id\": \"reserved\", \"version\": \"1\", \"title\": \"R\",\n"
    "  \"language\": \"fr\", \"authors\": [{ \"name\": \"A\" }], \"license\": null,\n"
    "  \"description\": \"\",\n"
    "  \"documents\": [{ \"id\": \"doc\", \"title\": \"Doc\", \"file\": \"doc.md\" }],\n"
    "  \"glossary\": \"glossary.json\",\n"
    "  \"quizzes\": [\"quiz-1.json\", \"quiz-2.json\", 3]\n"
    "}\n";
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "x\n",
                                           "quiz-1.json", "{\n  \"questions\": [\n    1,\n  ]\n}\n",
                                           "quiz-2.json", "{}", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  const char * const *quizzes = pn_pack_get_quiz_files (pack);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 0, "glossary.json: file not found");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz-1.json", 3, "invalid JSON");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 7, "quizzes[2] must be a string");
  g_assert_null (pn_pack_get_glossary_file (pack));
  g_assert_cmpuint (g_strv_length ((char **) quizzes), ==, 1);
  g_assert_cmpstr (quizzes[0], ==, "quiz-2.json");

  pn_test_remove_dir (dir);
}

static void
test_document_ids (void)
{
  const char *manifest =
    "{\n"
    "  \"format\": 1, \"id\": \"ids\", \"version\": \"1\", \"title\": \"I\",\n"
    "  \"language\": \"fr\", \"authors\": [{ \"name\": \"A\" }], \"license\": null,\n"
    "  \"description\": \"\",\n"
    "  \"documents\": [\n"
    "    { \"id\": \"Bad Id\", \"title\": \"T\", \"file\": \"doc.md\" },\n"
    "    { \"id\": \"ok_1\", \"title\": \"\", \"file\": \"doc.md\", \"language\": \"pas une langue\" },\n"
    "    { \"id\": \"nl\\n\", \"title\": \"T\", \"file\": \"doc.md\" }\n"
    "  ]\n"
    "}\n";
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "x\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  PnDocument *ok;

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 6, "'Bad Id' is not a valid document id");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 7, "documents[1].title must not be empty");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 7, "is not a language tag");
  /* "$" of a pattern is the end of the id, not the place before a last newline. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 8, "is not a valid document id");
  g_assert_cmpuint (pn_pack_get_documents (pack)->len, ==, 1);
  ok = pn_pack_get_document (pack, "ok_1");
  g_assert_cmpstr (pn_document_get_title (ok), ==, "ok_1");
  g_assert_cmpstr (pn_document_get_language (ok), ==, "fr");

  pn_test_remove_dir (dir);
}

/* A manifest listing more documents than the limit: the first ones are kept. */
static void
test_too_many_documents (void)
{
  GString *manifest = g_string_new ("{\n  \"format\": 1, \"id\": \"many\", \"version\": \"1\", \"title\": \"Many\",\n"
                                    "  \"language\": \"fr\", \"authors\": [{ \"name\": \"Ada\" }], \"license\": null,\n"
                                    "  \"description\": \"\",\n  \"documents\": [\n");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;

  for (int i = 0; i <= PN_PACK_MAX_DOCUMENTS; i++)
    g_string_append_printf (manifest, "    { \"id\": \"d%d\", \"title\": \"D\", \"file\": \"doc.md\" }%s\n",
                            i, i < PN_PACK_MAX_DOCUMENTS ? "," : "");
  g_string_append (manifest, "  ]\n}\n");
  dir = pn_test_make_dir ("pack.json", manifest->str, "doc.md", "Texte.\n", NULL);
  g_string_free (manifest, TRUE);

  pack = pn_test_load (dir, diagnostics);
  g_assert_cmpuint (pn_pack_get_documents (pack)->len, ==, PN_PACK_MAX_DOCUMENTS);
  /* Reported at the first document left out (line 6 holds the first one). */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 6 + PN_PACK_MAX_DOCUMENTS,
                             "at most 500 documents");

  pn_test_remove_dir (dir);
}

/* More text in all than a pack may hold: the document past the limit is left out. */
static void
test_too_much_text (void)
{
  const gsize size = 7 * 1024 * 1024;
  g_autofree char *big = g_malloc (size + 1);
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  GString *manifest = g_string_new ("{\n  \"format\": 1, \"id\": \"big\", \"version\": \"1\", \"title\": \"Big\",\n"
                                    "  \"language\": \"fr\", \"authors\": [{ \"name\": \"Ada\" }], \"license\": null,\n"
                                    "  \"description\": \"\",\n  \"documents\": [\n");
  const int n = PN_PACK_MAX_TEXT_SIZE / (7 * 1024 * 1024) + 1;

  memset (big, 'a', size);
  big[size] = '\0';
  for (int i = 0; i < n; i++)
    g_string_append_printf (manifest, "    { \"id\": \"d%d\", \"title\": \"D\", \"file\": \"big.md\" }%s\n",
                            i, i < n - 1 ? "," : "");
  g_string_append (manifest, "  ]\n}\n");
  dir = pn_test_make_dir ("pack.json", manifest->str, "big.md", big, NULL);
  g_string_free (manifest, TRUE);

  pack = pn_test_load (dir, diagnostics);
  g_assert_cmpuint (pn_pack_get_documents (pack)->len, ==, n - 1);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 5 + n, "MB of text in all");

  pn_test_remove_dir (dir);
}

/* A sources file longer than the limit: the first entries are kept. */
static void
test_too_many_sources (void)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"sources\": \"sources.json\", ");
  GString *sources = g_string_new ("[\n");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;

  for (int i = 0; i <= PN_PACK_MAX_SOURCES; i++)
    g_string_append_printf (sources, "  { \"id\": \"s%d\", \"title\": \"T\" }%s\n",
                            i, i < PN_PACK_MAX_SOURCES ? "," : "");
  g_string_append (sources, "]\n");
  dir = pn_test_make_dir ("pack.json", manifest, "doc.md", "x\n", "sources.json", sources->str, NULL);
  g_string_free (sources, TRUE);

  pack = pn_test_load (dir, diagnostics);
  g_assert_cmpuint (pn_pack_get_sources (pack)->len, ==, PN_PACK_MAX_SOURCES);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "sources.json", 2 + PN_PACK_MAX_SOURCES,
                             "at most 2000 sources");

  pn_test_remove_dir (dir);
}

/* A document that names no file says so on the page shown in its place. */
static void
test_document_without_file (void)
{
  g_autofree char *manifest = pn_test_manifest ("doc.md");
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  PnDocument *doc;

  /* Drop the "file" member of the only document. */
  memcpy (strstr (manifest, ", \"file\": \"doc.md\""), "                  ", strlen (", \"file\": \"doc.md\""));
  dir = pn_test_make_dir ("pack.json", manifest, NULL);
  pack = pn_test_load (dir, diagnostics);
  doc = pn_pack_get_document (pack, "doc");
  g_assert_nonnull (doc);
  g_assert_null (pn_document_get_markdown (doc));
  g_assert_nonnull (pn_document_get_problem (doc));
  g_assert_true (g_str_has_prefix (pn_document_get_problem (doc), "pack.json:"));
  g_assert_nonnull (strstr (pn_document_get_problem (doc), "file"));

  pn_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack/good", test_good_pack);
  g_test_add_func ("/pack/manifest-path", test_manifest_path);
  g_test_add_func ("/pack/minimal", test_minimal_pack);
  g_test_add_func ("/pack/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/pack/not-found", test_not_found);
  g_test_add_func ("/pack/invalid-json", test_invalid_json);
  g_test_add_func ("/pack/invalid-utf8-manifest", test_invalid_utf8_manifest);
  g_test_add_func ("/pack/unsupported-format", test_unsupported_format);
  g_test_add_func ("/pack/not-an-object", test_not_an_object);
  g_test_add_func ("/pack/bad-pack-id", test_bad_pack_id);
  g_test_add_func ("/pack/bad-manifest", test_bad_manifest);
  g_test_add_func ("/pack/missing-required-keys", test_missing_required_keys);
  g_test_add_func ("/pack/document-ids", test_document_ids);
  g_test_add_func ("/pack/missing-document", test_missing_document);
  g_test_add_func ("/pack/unreadable-document", test_unreadable_document);
  g_test_add_func ("/pack/document-not-a-file", test_document_not_a_file);
  g_test_add_func ("/pack/invalid-utf8-document", test_invalid_utf8_document);
  g_test_add_func ("/pack/nul-byte-document", test_nul_byte_document);
  g_test_add_func ("/pack/huge-document", test_huge_document);
  g_test_add_func ("/pack/huge-sources", test_huge_sources);
  g_test_add_func ("/pack/symlink-escape", test_symlink_escape);
  g_test_add_func ("/pack/sources-not-an-array", test_sources_not_an_array);
  g_test_add_func ("/pack/reserved-files", test_reserved_files);
  g_test_add_func ("/pack/too-many-documents", test_too_many_documents);
  g_test_add_func ("/pack/too-much-text", test_too_much_text);
  g_test_add_func ("/pack/too-many-sources", test_too_many_sources);
  g_test_add_func ("/pack/document-without-file", test_document_without_file);

  return g_test_run ();
}
