/* pack-build.c: `prisonnum-pack build` and `prisonnum-pack info`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pn-pack.h"
#include "pn-pack-archive.h"
#include "pn-pack-checksums.h"
#include "pn-pack-annotations.h"
#include "prisonnum-pack.h"

int
pn_tool_build (const char *dir,
               const char *output,
               gboolean    strict)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  int status;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      fprintf (stderr, _("%s: not a folder; 'build' makes a .prisonnum file from a pack folder\n"), dir);
      return PN_TOOL_EXIT_PROBLEMS;
    }

  status = pn_tool_check_folder (dir, dir, strict, FALSE);
  if (status != PN_TOOL_EXIT_VALID)
    {
      fprintf (stderr, _("%s: not built: mend the problems above first\n"), output);
      return status;
    }

  if (!pn_pack_archive_write (dir, output, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return PN_TOOL_EXIT_PROBLEMS;
    }

  /* What was written is read back as the app will read it. */
  if (!g_file_get_contents (output, &data, &length, &error) ||
      !pn_pack_archive_scan_data (data, length, output, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      g_unlink (output);
      return PN_TOOL_EXIT_PROBLEMS;
    }

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *size = g_format_size (length);

    pn_pack_archive_scan_data (data, length, output, names, NULL);
    /* Translators: "course.prisonnum: built (7 files, 12.3 kB)" */
    printf (g_dngettext (GETTEXT_PACKAGE, "%s: built (%u file, %s)\n", "%s: built (%u files, %s)\n",
                         names->len),
            output, names->len, size);
  }

  return PN_TOOL_EXIT_VALID;
}

/* info */

static void
print_people (const char *label,
              GPtrArray  *people)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; people != NULL && i < people->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            ((PnPerson *) g_ptr_array_index (people, i))->name);
  printf ("%s %s\n", label, names->len > 0 ? names->str : "—");
}

static void
print_languages (PnPack *pack)
{
  GPtrArray *documents = pn_pack_get_documents (pack);
  g_autoptr(GPtrArray) languages = g_ptr_array_new ();

  g_ptr_array_add (languages, (gpointer) pn_pack_get_language (pack));
  for (guint i = 0; i < documents->len; i++)
    {
      const char *language = pn_document_get_language (g_ptr_array_index (documents, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < languages->len; j++)
        seen = seen || g_str_equal (g_ptr_array_index (languages, j), language);
      if (!seen)
        g_ptr_array_add (languages, (gpointer) language);
    }

  printf ("%s", _("Languages:"));
  for (guint i = 0; i < languages->len; i++)
    printf ("%s%s", i > 0 ? ", " : " ", (const char *) g_ptr_array_index (languages, i));
  printf ("\n");
}

static void
print_contents (PnPack *pack)
{
  GPtrArray *documents = pn_pack_get_documents (pack);
  GPtrArray *quizzes = pn_pack_get_quizzes (pack);
  PnGlossary *glossary = pn_pack_get_glossary (pack);

  printf (_("Documents: %u\n"), documents->len);
  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);

      printf ("  %s\t%s\t%s\t%s\n", pn_document_get_id (document), pn_document_get_title (document),
              pn_document_get_file (document), pn_document_get_language (document));
    }

  if (glossary != NULL)
    printf (_("Glossary: %u entries (%s)\n"), pn_glossary_get_entries (glossary)->len,
            pn_pack_get_glossary_file (pack));
  else
    printf ("%s\n", _("Glossary: none"));

  printf (_("Quizzes: %u\n"), quizzes->len);
  for (guint i = 0; i < quizzes->len; i++)
    {
      PnQuiz *quiz = g_ptr_array_index (quizzes, i);

      printf (g_dngettext (GETTEXT_PACKAGE, "  %s\t%s\t%u question\n", "  %s\t%s\t%u questions\n",
                           pn_quiz_get_questions (quiz)->len),
              pn_quiz_get_id (quiz), pn_quiz_get_file (quiz), pn_quiz_get_questions (quiz)->len);
    }

  printf (_("Sources: %u\n"), pn_pack_get_sources (pack)->len);
  if (pn_pack_get_annotations_file (pack) != NULL)
    printf (_("Teacher's notes: %u (%s)\n"), pn_pack_get_teacher_notes (pack)->len,
            pn_pack_get_annotations_file (pack));
  else
    printf ("%s\n", _("Teacher's notes: none"));
}

/* Each file's SHA-256, and whether pack.json lists it; then the member to
 * paste into pack.json. */
static void
print_checksums (PnPack *pack)
{
  g_autofree char *root = g_file_get_path (pn_pack_get_root (pack));
  g_autoptr(GPtrArray) files = pn_pack_archive_list_files (root, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *checksums = pn_pack_get_checksums (pack);
  g_autoptr(GString) member = g_string_new ("  \"checksums\": {\n");
  guint n = 0;

  for (guint i = 0; checksums != NULL && i < checksums->len; i++)
    {
      PnPackChecksum *checksum = g_ptr_array_index (checksums, i);

      g_hash_table_insert (listed, checksum->path, checksum->sha256);
    }

  if (files == NULL)
    return;

  printf (_("Files: %u (SHA-256)\n"), files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GFile) file = g_file_resolve_relative_path (pn_pack_get_root (pack), path);
      g_autofree char *sha256 = pn_pack_checksums_compute (file, NULL);
      const char *expected = g_hash_table_lookup (listed, path);
      const char *state = "";

      if (sha256 == NULL)
        continue;
      if (expected != NULL)
        state = g_str_equal (expected, sha256) ? _("\t(listed, the same)") : _("\t(listed, DIFFERENT)");
      printf ("  %s  %s%s\n", sha256, path, state);

      if (g_str_equal (path, "pack.json"))
        continue;
      g_string_append_printf (member, "%s    \"%s\": \"%s\"", n++ > 0 ? ",\n" : "", path, sha256);
    }
  g_string_append (member, "\n  }");

  printf ("%s\n%s\n", _("To list them in pack.json (then 'check' verifies them):"), member->str);
}

int
pn_tool_info (const char *path)
{
  g_autofree char *temporary = NULL;
  g_autofree char *folder = pn_tool_open_path (path, stderr, &temporary);
  g_autoptr(GFile) location = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPack) pack = NULL;

  if (folder == NULL)
    return PN_TOOL_EXIT_PROBLEMS;

  location = g_file_new_for_commandline_arg (folder);
  pack = pn_pack_load (location, diagnostics, &error);
  if (pack == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      if (temporary != NULL)
        pn_pack_archive_remove_tree (temporary);
      return PN_TOOL_EXIT_PROBLEMS;
    }

  printf (_("Title: %s\n"), pn_pack_get_title (pack));
  printf (_("Id: %s\n"), pn_pack_get_id (pack));
  printf (_("Version: %s\n"), pn_pack_get_version (pack));
  printf (_("Licence: %s\n"), pn_pack_get_license (pack) != NULL ? pn_pack_get_license (pack) : "—");
  print_people (_("Authors:"), pn_pack_get_authors (pack));
  print_languages (pack);
  print_contents (pack);
  print_checksums (pack);

  if (pn_diagnostics_count (diagnostics, PN_SEVERITY_ERROR) > 0)
    fprintf (stderr, _("%s: this pack has errors; 'prisonnum-pack check' lists them\n"), path);

  if (temporary != NULL)
    pn_pack_archive_remove_tree (temporary);

  return PN_TOOL_EXIT_VALID;
}
