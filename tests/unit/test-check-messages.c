/* test-check-messages.c: what `check` says about the mistakes a teacher
 * writing a second pack from the help page made (issue 9), each with the
 * right way as a control
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-license.h"
#include "pn-pack-check.h"
#include "pn-test-util.h"

/* Two documents, "a" (a.md) and "b" (b.md), and @extra members. */
static char *
two_documents (const char *extra,
               const char *license)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": 1,\n"
                          "  \"id\": \"test-messages\",\n"
                          "  \"version\": \"1.0\",\n"
                          "  \"title\": \"Test\",\n"
                          "  \"language\": \"en\",\n"
                          "  \"authors\": [{ \"name\": \"Ada\" }],\n"
                          "  \"license\": %s,\n"
                          "  \"description\": \"A test pack.\",\n"
                          "  %s"
                          "  \"documents\": [\n"
                          "    { \"id\": \"a\", \"title\": \"First\", \"file\": \"a.md\" },\n"
                          "    { \"id\": \"b\", \"title\": \"L'État and the rest\", \"file\": \"b.md\" }\n"
                          "  ]\n"
                          "}\n", license, extra);
}

static PnPackCheck *
check_dir (const char *dir)
{
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  PnPackCheck *check = pn_pack_check_run (location, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (check);
  pn_test_dump (pn_pack_check_get_diagnostics (check));

  return check;
}

static guint
count_containing (GPtrArray  *diagnostics,
                  const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      n += strstr (line, needle) != NULL;
    }

  return n;
}

static void
test_doc_anchor (void)
{
  g_autofree char *manifest = two_documents ("", "null");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "a.md", "Text.\n\nSee [there](doc:b#nowhere) and [here](doc:b#the-state).\n",
                                           "b.md", "## The state\n\nText.\n\n## Rest\n\nMore.\n", NULL);
  g_autoptr(PnPackCheck) check = check_dir (dir);
  GPtrArray *diagnostics = pn_pack_check_get_diagnostics (check);
  const PnDiagnostic *found = pn_test_find (diagnostics, "no heading with the id 'nowhere'");

  g_assert_nonnull (found);
  g_assert_cmpint (found->severity, ==, PN_SEVERITY_WARNING);
  g_assert_cmpstr (found->file, ==, "a.md");
  g_assert_cmpint (found->line, ==, 3);
  g_assert_cmpint (found->column, ==, 5);
  g_assert_nonnull (strstr (found->message, "'rest', 'the-state'"));
  /* The link to a heading that exists says nothing. */
  g_assert_cmpuint (count_containing (diagnostics, "no heading"), ==, 1);

  pn_test_remove_dir (dir);
}

static void
test_glossary_link (void)
{
  g_autofree char *manifest = two_documents ("\"glossary\": \"glossary.json\",\n", "null");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "a.md", "A [lamp](glossary:lamp) and a [wick](glossary:wik).\n",
                                           "b.md", "Text.\n",
                                           "glossary.json", "{ \"entries\": [ { \"id\": \"lamp\", \"term\": \"lamp\", "
                                                            "\"definition\": \"A light.\" } ] }\n", NULL);
  g_autoptr(PnPackCheck) check = check_dir (dir);
  GPtrArray *diagnostics = pn_pack_check_get_diagnostics (check);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "a.md", 1, "unknown glossary entry 'wik'");
  g_assert_cmpuint (count_containing (diagnostics, "glossary entry 'lamp'"), ==, 0);

  pn_test_remove_dir (dir);
}

/* Valid JSON, but not a quiz: reported, not passed. */
static void
test_quiz_wrong_shape (void)
{
  g_autofree char *manifest = two_documents ("\"quizzes\": [\"q.json\", \"good.json\"],\n", "null");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "a.md", "Text.\n", "b.md", "Text.\n",
                                           "q.json", "[1,2,3]\n",
                                           "good.json", "{ \"id\": \"good\", \"title\": \"Good\", \"questions\": [ "
                                                        "{ \"id\": \"t\", \"type\": \"true_false\", \"text\": \"True?\", "
                                                        "\"answer\": true } ] }\n", NULL);
  g_autoptr(PnPackCheck) check = check_dir (dir);
  GPtrArray *diagnostics = pn_pack_check_get_diagnostics (check);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "q.json", 1, "must be a JSON object");
  g_assert_cmpuint (count_containing (diagnostics, "good.json"), ==, 0);
  g_assert_cmpuint (pn_pack_get_quizzes (pn_pack_check_get_pack (check))->len, ==, 1);

  pn_test_remove_dir (dir);
}

static void
test_license (void)
{
  const char *refused[] = { "\"Domaine public\"", "\"CC BY-SA 4.0\"", "\"CC-BY-SA\"" };
  const char *accepted[] = { "\"CC-BY-SA-4.0\"", "\"LicenseRef-PublicDomain\"", "\"CC0-1.0\"", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (refused) + G_N_ELEMENTS (accepted); i++)
    {
      gboolean bad = i < G_N_ELEMENTS (refused);
      const char *license = bad ? refused[i] : accepted[i - G_N_ELEMENTS (refused)];
      g_autofree char *manifest = two_documents ("", license);
      g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "a.md", "Text.\n", "b.md", "Text.\n", NULL);
      g_autoptr(PnPackCheck) check = check_dir (dir);
      GPtrArray *diagnostics = pn_pack_check_get_diagnostics (check);

      if (bad)
        {
          pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "pack.json", 8, "not an SPDX licence");
          pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "pack.json", 8, "'LicenseRef-PublicDomain'");
        }
      else
        {
          g_assert_cmpuint (count_containing (diagnostics, "SPDX"), ==, 0);
        }
      if (i == 1)
        pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "pack.json", 8, "write 'CC-BY-SA-4.0'");

      pn_test_remove_dir (dir);
    }
}

static void
test_license_expressions (void)
{
  const char *good[] = {
    "CC-BY-4.0", "cc-by-4.0", "GPL-3.0-or-later OR CC-BY-SA-4.0", "(MIT AND CC-BY-4.0) OR CC0-1.0",
    "GPL-2.0-or-later WITH Classpath-exception-2.0", "LicenseRef-My-Own.1",
  };
  const char *bad[] = {
    "", "Public domain", "CC-BY", "MIT AND", "OR MIT", "(MIT", "MIT)", "MIT WITH CC0-1.0", "LicenseRef-",
    "LicenseRef-a b", "MIT MIT",
  };
  g_autofree char *suggestion = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (pn_license_is_spdx (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (pn_license_is_spdx (bad[i], NULL))
        g_test_fail_printf ("“%s” taken for an SPDX expression", bad[i]);
    }

  g_assert_false (pn_license_is_spdx ("cc by nc sa 4.0", &suggestion));
  g_assert_cmpstr (suggestion, ==, "CC-BY-NC-SA-4.0");
}

/* A first-level heading that repeats the title (case, apostrophes and
 * spacing aside) is a warning; another first heading is not. */
static void
test_heading_repeats_title (void)
{
  g_autofree char *manifest = two_documents ("", "null");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "a.md", "# A first look\n\nText.\n",
                                           "b.md", "# L’état  AND the rest\n\nText.\n\n## First\n", NULL);
  g_autoptr(PnPackCheck) check = check_dir (dir);
  GPtrArray *diagnostics = pn_pack_check_get_diagnostics (check);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "b.md", 1, "repeats the document's title");
  g_assert_cmpuint (count_containing (diagnostics, "repeats the document's title"), ==, 1);

  pn_test_remove_dir (dir);
}

/* A file that is not there is reported where its name is written, also
 * when the name is on another line than its key. */
static void
test_missing_file_at_value (void)
{
  const char *manifest =
    "{\n"
    "  \"format\": 1,\n"
    "  \"id\": \"test-missing\",\n"
    "  \"version\": \"1.0\",\n"
    "  \"title\": \"Test\",\n"
    "  \"language\": \"en\",\n"
    "  \"authors\": [{ \"name\": \"Ada\" }],\n"
    "  \"license\": null,\n"
    "  \"description\": \"A test pack.\",\n"
    "  \"documents\": [\n"
    "    { \"id\": \"a\", \"title\": \"A\",\n"
    "      \"file\":\n"
    "        \"missing.md\" },\n"
    "    { \"id\": \"b\", \"title\": \"B\", \"file\": \"b.md\" }\n"
    "  ],\n"
    "  \"sources\":\n"
    "    \"nowhere.json\"\n"
    "}\n";
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "b.md", "Text.\n", NULL);
  g_autoptr(PnPackCheck) check = check_dir (dir);
  GPtrArray *diagnostics = pn_pack_check_get_diagnostics (check);
  const PnDiagnostic *document = pn_test_find (diagnostics, "missing.md: file not found");
  const PnDiagnostic *sources = pn_test_find (diagnostics, "nowhere.json: file not found");

  g_assert_nonnull (document);
  g_assert_cmpint (document->line, ==, 13);
  g_assert_cmpint (document->column, ==, 9);
  g_assert_nonnull (sources);
  g_assert_cmpint (sources->line, ==, 17);
  g_assert_cmpint (sources->column, ==, 5);
  g_assert_null (pn_test_find (diagnostics, "b.md"));

  pn_test_remove_dir (dir);
}

/* In pack.json: « trailing comma » at the comma. */
static void
test_manifest_trailing_comma (void)
{
  g_autofree char *good = two_documents ("", "null");
  g_autofree char *manifest = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = NULL;
  GPtrArray *others;

  manifest = g_strdup (good);
  /* After the last document, before ']'. */
  {
    char *end = strstr (manifest, "\"file\": \"b.md\" }") + strlen ("\"file\": \"b.md\" }");
    g_autofree char *before = g_strndup (manifest, (gsize) (end - manifest));
    char *joined = g_strconcat (before, ",", end, NULL);

    g_free (manifest);
    manifest = joined;
  }
  dir = pn_test_make_dir ("pack.json", manifest, "a.md", "Text.\n", "b.md", "Text.\n", NULL);
  location = g_file_new_for_path (dir);
  check = pn_pack_check_run (location, NULL, &error);

  g_assert_null (check);
  g_assert_error (error, PN_PACK_ERROR, PN_PACK_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "pack.json:12:66: "));
  g_assert_nonnull (strstr (error->message, "trailing comma"));
  g_assert_null (strstr (error->message, "expected"));
  others = pn_pack_error_get_diagnostics (error);
  g_assert_true (others == NULL || pn_test_find (others, "expected") == NULL);

  pn_test_remove_dir (dir);
}

static void
test_checksums (void)
{
  const char *a_sha256 = "ec8fd4ef8c8bbe5a89b7a3ed4ac0b82c0350d2c9bd3ab9bf3d0a5ab7a1bd5d33";
  g_autofree char *actual = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Text.\n", -1);
  g_autofree char *members = g_strdup_printf ("\"checksums\": {\n"
                                              "    \"a.md\": \"%s\",\n"
                                              "    \"b.md\": \"%s\",\n"
                                              "    \"gone.md\": \"%s\",\n"
                                              "    \"b.md.bak\": \"not hex\"\n"
                                              "  },\n", actual, a_sha256, actual);
  g_autofree char *manifest = two_documents (members, "null");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "a.md", "Text.\n", "b.md", "Other.\n",
                                           "extra.md", "Not listed.\n", NULL);
  g_autoptr(PnPackCheck) check = check_dir (dir);
  GPtrArray *diagnostics = pn_pack_check_get_diagnostics (check);

  /* a.md is as listed: nothing about it. */
  g_assert_cmpuint (count_containing (diagnostics, " a.md"), ==, 0);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 12, "b.md has changed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 13, "gone.md: file not found");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 14, "64 hexadecimal digits");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "extra.md", 0, "no checksum");
  g_assert_nonnull (pn_pack_get_checksums (pn_pack_check_get_pack (check)));

  pn_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-messages/doc-anchor", test_doc_anchor);
  g_test_add_func ("/check-messages/glossary-link", test_glossary_link);
  g_test_add_func ("/check-messages/quiz-wrong-shape", test_quiz_wrong_shape);
  g_test_add_func ("/check-messages/license", test_license);
  g_test_add_func ("/check-messages/license-expressions", test_license_expressions);
  g_test_add_func ("/check-messages/heading-repeats-title", test_heading_repeats_title);
  g_test_add_func ("/check-messages/missing-file-at-value", test_missing_file_at_value);
  g_test_add_func ("/check-messages/manifest-trailing-comma", test_manifest_trailing_comma);
  g_test_add_func ("/check-messages/checksums", test_checksums);

  return g_test_run ();
}
