/* prisonnum-pack: the teachers' tool to make, check, build and render a course pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pn-diagnostic.h"
#include "pn-file.h"
#include "pn-gift-parse.h"
#include "pn-gift-write.h"
#include "pn-notes-command.h"
#include "pn-pack.h"
#include "pn-pack-archive.h"
#include "pn-pack-check.h"
#include "pn-quiz-write.h"
#include "pn-render.h"
#include "prisonnum-pack.h"

enum {
  EXIT_VALID = PN_TOOL_EXIT_VALID,
  EXIT_PROBLEMS = PN_TOOL_EXIT_PROBLEMS,
  EXIT_USAGE = PN_TOOL_EXIT_USAGE,
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  prisonnum-pack new DIR\n  prisonnum-pack check PATH [--strict]\n"
           "  prisonnum-pack build DIR -o FILE.prisonnum [--strict]\n  prisonnum-pack info PATH\n"
           "  prisonnum-pack diff OLD NEW\n"
           "  prisonnum-pack render PATH DOC-ID [--glossary=all|first|none]\n"
           "  prisonnum-pack glossary PATH\n"
           "  prisonnum-pack gift import FILE.gift\n  prisonnum-pack gift export PATH QUIZ-ID\n"
           "  prisonnum-pack notes export --format markdown|w3c [--pack ID] [--db PATH]\n"
           "  prisonnum-pack notes import FILE [--db PATH]\n\n"
           "%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n%s\n",
           _("Usage:"),
           _("PATH is a pack folder (holding pack.json) or a .prisonnum file."),
           _("new       Makes the folder DIR with an example pack to start from: two short\n"
             "          texts, a glossary, a source and a quiz; README.md says what each is."),
           _("check     Checks the course pack PATH: one line per problem,\n"
             "          \"file:line:column: message\", warnings prefixed \"warning:\".\n"
             "          Exit status 0 when the pack is valid (warnings alone do not count,\n"
             "          unless --strict), 1 when it has errors."),
           _("build     Checks the pack folder DIR, then writes it as one .prisonnum file\n"
             "          to hand out: the same folder always gives the same bytes. Nothing\n"
             "          is written when the pack has errors (or warnings, with --strict)."),
           _("info      Shows the pack's title, id, version, languages, contents and\n"
             "          the SHA-256 of each file (for pack.json's \"checksums\")."),
           _("diff      Lists what changed from the pack OLD to the pack NEW (folders or\n"
             "          .prisonnum files), as students are shown it before an update:\n"
             "          documents, glossary entries and quiz questions added (+),\n"
             "          removed (-) or edited (~)."),
           _("render    Writes the HTML page the reader shows for document DOC-ID.\n"
             "          --glossary: which occurrences of the glossary's terms are links:\n"
             "          all (the default), the first of each term per section, or none."),
           _("glossary  Lists the entries of the pack's glossary, one line each, columns\n"
             "          separated by tabs: id, term, total number of occurrences in the\n"
             "          pack's texts, then the number in each document (the first line\n"
             "          names the columns). Exit status 1 when the pack has no glossary."),
           _("gift import  Writes the Moodle GIFT file FILE.gift as a quiz file of the\n"
             "          pack (JSON) on standard output; the questions it cannot read are\n"
             "          listed on standard error, and the exit status is then 1."),
           _("gift export  Writes the quiz QUIZ-ID of the pack in PATH as GIFT, for\n"
             "          Moodle; the questions GIFT cannot express are listed on standard\n"
             "          error and left out."));
  pn_notes_command_print_usage (out);
  fprintf (out, "\n%s\n%s\n%s\n", _("Options:"), _("  -h, --help     Show this help"),
           _("  --version      Show the version"));
}

static void
print_diagnostics (FILE      *out,
                   GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      fprintf (out, "%s\n", line);
    }
}

/* The folder a .prisonnum named on the command line was unpacked into, removed at exit. */
static char *unpacked_temporary;

static void
remove_unpacked (void)
{
  if (unpacked_temporary != NULL)
    pn_pack_archive_remove_tree (unpacked_temporary);
  g_clear_pointer (&unpacked_temporary, g_free);
}

/* The folder to read for @path (a .prisonnum is unpacked first), or NULL
 * when it cannot be unpacked (why is printed on @out). */
static char *
open_path (const char *path,
           FILE       *out)
{
  char *folder;

  remove_unpacked ();
  folder = pn_tool_open_path (path, out, &unpacked_temporary);
  if (unpacked_temporary != NULL)
    atexit (remove_unpacked);

  return folder;
}

PnPack *
pn_tool_load_folder (const char *folder,
                     GPtrArray  *diagnostics,
                     FILE       *out)
{
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (folder);
  g_autoptr(GError) error = NULL;
  PnPack *pack = pn_pack_load (location, diagnostics, &error);

  if (pack == NULL)
    fprintf (out, "%s\n", error->message);

  return pack;
}

static PnPack *
load (const char *path,
      GPtrArray  *diagnostics,
      FILE       *out)
{
  g_autofree char *folder = open_path (path, out);

  return folder != NULL ? pn_tool_load_folder (folder, diagnostics, out) : NULL;
}

int
pn_tool_check_folder (const char *folder,
                      const char *display,
                      gboolean    strict,
                      gboolean    say_valid)
{
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) result = pn_pack_check_run (location, NULL, &error);
  PnPack *pack;
  GPtrArray *diagnostics;
  guint n_documents;
  guint n_sources;
  guint n_warnings;

  if (result == NULL)
    {
      GPtrArray *others = pn_pack_error_get_diagnostics (error);

      printf ("%s\n", error->message);
      if (others != NULL)
        print_diagnostics (stdout, others);
      return EXIT_PROBLEMS;
    }

  /* Loading and rendering problems, in file and line order. */
  pack = pn_pack_check_get_pack (result);
  diagnostics = pn_pack_check_get_diagnostics (result);
  print_diagnostics (stdout, diagnostics);

  if (pn_diagnostics_has_errors (diagnostics))
    return EXIT_PROBLEMS;

  n_warnings = pn_diagnostics_count (diagnostics, PN_SEVERITY_WARNING);
  if (strict && n_warnings > 0)
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u warning, which --strict counts as a problem\n",
                           "%s: %u warnings, which --strict counts as problems\n", n_warnings),
              display, n_warnings);
      return EXIT_PROBLEMS;
    }

  if (!say_valid)
    return EXIT_VALID;

  n_documents = pn_pack_get_documents (pack)->len;
  n_sources = pn_pack_get_sources (pack)->len;
  {
    g_autofree char *documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document",
                                                               "%u documents", n_documents),
                                                  n_documents);
    g_autofree char *sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source",
                                                             "%u sources", n_sources),
                                                n_sources);

    /* Translators: "PATH: valid (2 documents, 14 sources)" */
    printf (_("%s: valid (%s, %s)\n"), display, documents, sources);
  }

  return EXIT_VALID;
}

char *
pn_tool_open_path (const char  *path,
                   FILE        *out,
                   char       **temporary)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;

  *temporary = NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR) || !pn_pack_archive_is_archive (path))
    return g_strdup (path);

  dir = g_dir_make_tmp ("prisonnum-pack-XXXXXX", &error);
  if (dir == NULL)
    {
      fprintf (out, "%s: %s\n", path, error->message);
      return NULL;
    }

  folder = g_build_filename (dir, "pack", NULL);
  if (!pn_pack_archive_extract (path, folder, &error))
    {
      fprintf (out, "%s\n", error->message);
      pn_pack_archive_remove_tree (dir);
      return NULL;
    }

  *temporary = g_steal_pointer (&dir);

  return g_steal_pointer (&folder);
}

static int
check (const char *path,
       gboolean    strict)
{
  g_autofree char *temporary = NULL;
  g_autofree char *folder = pn_tool_open_path (path, stdout, &temporary);
  int status;

  if (folder == NULL)
    return EXIT_PROBLEMS;

  status = pn_tool_check_folder (folder, path, strict, TRUE);
  if (temporary != NULL)
    pn_pack_archive_remove_tree (temporary);

  return status;
}

static void
list_documents (PnPack *pack)
{
  GPtrArray *documents = pn_pack_get_documents (pack);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < documents->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                            pn_document_get_id (g_ptr_array_index (documents, i)));

  fprintf (stderr, _("The documents of this pack are: %s\n"), ids->str);
}

static int
render (const char         *path,
        const char         *doc_id,
        PnGlossaryLinkMode  mode)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load (path, diagnostics, stderr);
  g_autoptr(PnRenderedPage) page = NULL;
  PnDocument *document;

  if (pack == NULL)
    {
      print_diagnostics (stderr, diagnostics);
      return EXIT_PROBLEMS;
    }

  document = pn_pack_get_document (pack, doc_id);
  if (document == NULL)
    {
      print_diagnostics (stderr, diagnostics);
      fprintf (stderr, _("%s: no document with the id '%s'\n"), path, doc_id);
      list_documents (pack);
      return EXIT_PROBLEMS;
    }

  page = pn_render_page_full (pack, document, mode);
  print_diagnostics (stderr, diagnostics);
  print_diagnostics (stderr, pn_rendered_page_get_diagnostics (page));
  fputs (pn_rendered_page_get_html (page), stdout);

  return pn_document_get_markdown (document) != NULL ? EXIT_VALID : EXIT_PROBLEMS;
}

/* How many occurrences of @entry_id @terms (of PnTermOccurrence) holds. */
static guint
count_terms (GPtrArray  *terms,
             const char *entry_id)
{
  guint count = 0;

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    count += g_str_equal (((PnTermOccurrence *) g_ptr_array_index (terms, i))->entry_id, entry_id);

  return count;
}

static int
glossary (const char *path)
{
  g_autofree char *folder = open_path (path, stderr);
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (folder != NULL ? folder : path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) result = folder != NULL ? pn_pack_check_run (location, NULL, &error) : NULL;
  PnGlossary *glossary;
  GPtrArray *documents;
  GPtrArray *entries;

  if (folder == NULL)
    return EXIT_PROBLEMS;

  if (result == NULL)
    {
      GPtrArray *others = pn_pack_error_get_diagnostics (error);

      fprintf (stderr, "%s\n", error->message);
      if (others != NULL)
        print_diagnostics (stderr, others);
      return EXIT_PROBLEMS;
    }

  glossary = pn_pack_get_glossary (pn_pack_check_get_pack (result));
  if (glossary == NULL)
    {
      print_diagnostics (stderr, pn_pack_check_get_diagnostics (result));
      fprintf (stderr, _("%s: this pack has no glossary that could be read\n"), path);
      return EXIT_PROBLEMS;
    }

  documents = pn_pack_get_documents (pn_pack_check_get_pack (result));
  printf ("id\tterm\ttotal");
  for (guint i = 0; i < documents->len; i++)
    printf ("\t%s", pn_document_get_id (g_ptr_array_index (documents, i)));
  printf ("\n");

  entries = pn_glossary_get_entries (glossary);
  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GString) counts = g_string_new (NULL);
      guint total = 0;

      for (guint j = 0; j < documents->len; j++)
        {
          GPtrArray *terms = pn_pack_check_get_terms (result, pn_document_get_id (g_ptr_array_index (documents, j)));
          guint count = count_terms (terms, entry->id);

          g_string_append_printf (counts, "\t%u", count);
          total += count;
        }
      printf ("%s\t%s\t%u%s\n", entry->id, entry->term, total, counts->str);
    }

  return EXIT_VALID;
}

static int
gift_import (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *data = NULL;
  g_autofree char *json = NULL;
  g_autoptr(PnQuiz) quiz = NULL;
  PnDiagnostic *problem = NULL;
  gsize length = 0;

  /* Read within the limit: a larger file is refused before it is read. */
  data = pn_file_read_text (file, name, PN_GIFT_MAX_SIZE, &length, &problem);
  if (data == NULL)
    {
      g_autofree char *line = pn_diagnostic_to_string (problem);

      fprintf (stderr, "%s\n", line);
      pn_diagnostic_free (problem);
      return EXIT_PROBLEMS;
    }

  quiz = pn_gift_parse (data, length, name, NULL, NULL, diagnostics);
  print_diagnostics (stderr, diagnostics);
  if (quiz == NULL)
    return EXIT_PROBLEMS;

  json = pn_quiz_to_json (quiz);
  fputs (json, stdout);

  return pn_diagnostics_has_errors (diagnostics) ? EXIT_PROBLEMS : EXIT_VALID;
}

static int
gift_export (const char *path,
             const char *quiz_id)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GPtrArray) written = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load (path, diagnostics, stderr);
  g_autofree char *gift = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  GPtrArray *quizzes;
  PnQuiz *quiz;

  if (pack == NULL)
    {
      print_diagnostics (stderr, diagnostics);
      return EXIT_PROBLEMS;
    }

  quiz = pn_pack_get_quiz (pack, quiz_id);
  if (quiz == NULL)
    {
      print_diagnostics (stderr, diagnostics);
      quizzes = pn_pack_get_quizzes (pack);
      for (guint i = 0; i < quizzes->len; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                pn_quiz_get_id (g_ptr_array_index (quizzes, i)));
      fprintf (stderr, _("%s: no quiz with the id '%s'\n"), path, quiz_id);
      fprintf (stderr, _("The quizzes of this pack are: %s\n"), ids->len > 0 ? ids->str : "—");
      return EXIT_PROBLEMS;
    }

  gift = pn_gift_write (quiz, written);
  print_diagnostics (stderr, written);
  fputs (gift, stdout);

  return EXIT_VALID;
}

static int
usage_error (const char *message)
{
  fprintf (stderr, "prisonnum-pack: %s\n\n", message);
  print_usage (stderr);

  return EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* libarchive gives a zip's UTF-8 names in the locale's encoding: in a
   * locale that cannot spell them (plain "C"), take UTF-8 for characters. */
  if (!g_str_equal (nl_langinfo (CODESET), "UTF-8"))
    setlocale (LC_CTYPE, "C.UTF-8");
  /* PRISONNUM_LOCALEDIR: the catalogues of a build tree (the tests use it). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PRISONNUM_LOCALEDIR") ? g_getenv ("PRISONNUM_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (argc == 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_usage (stdout);
      return EXIT_VALID;
    }

  if (argc == 2 && g_str_equal (argv[1], "--version"))
    {
      printf ("prisonnum-pack %s\n", PACKAGE_VERSION);
      return EXIT_VALID;
    }

  if (argc < 2)
    return usage_error (_("missing command"));

  if (g_str_equal (argv[1], "check"))
    {
      const char *path = NULL;
      gboolean strict = FALSE;
      guint n = 0;

      for (int i = 2; i < argc; i++)
        {
          if (g_str_equal (argv[i], "--strict"))
            strict = TRUE;
          else if (n++ == 0)
            path = argv[i];
        }
      if (n != 1)
        return usage_error (_("'check' takes one argument: the pack folder or .prisonnum file"));
      return check (path, strict);
    }

  if (g_str_equal (argv[1], "new"))
    {
      if (argc != 3)
        return usage_error (_("'new' takes one argument: the folder to make"));
      return pn_tool_new (argv[2]);
    }

  if (g_str_equal (argv[1], "build"))
    {
      const char *dir = NULL;
      const char *output = NULL;
      gboolean strict = FALSE;
      guint n = 0;

      for (int i = 2; i < argc; i++)
        {
          if (g_str_equal (argv[i], "--strict"))
            strict = TRUE;
          else if ((g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output")) && i + 1 < argc)
            output = argv[++i];
          else if (g_str_has_prefix (argv[i], "--output="))
            output = argv[i] + strlen ("--output=");
          else if (n++ == 0)
            dir = argv[i];
        }
      if (n != 1 || output == NULL)
        return usage_error (_("'build' takes the pack folder and -o FILE.prisonnum"));
      return pn_tool_build (dir, output, strict);
    }

  if (g_str_equal (argv[1], "info"))
    {
      if (argc != 3)
        return usage_error (_("'info' takes one argument: the pack folder or .prisonnum file"));
      return pn_tool_info (argv[2]);
    }

  if (g_str_equal (argv[1], "diff"))
    {
      if (argc != 4)
        return usage_error (_("'diff' takes two arguments: the old pack and the new one"));
      return pn_tool_diff (argv[2], argv[3]);
    }

  if (g_str_equal (argv[1], "render"))
    {
      PnGlossaryLinkMode mode = PN_GLOSSARY_LINK_ALL;
      const char *arguments[2] = { NULL, NULL };
      guint n = 0;

      for (int i = 2; i < argc; i++)
        {
          if (g_str_has_prefix (argv[i], "--glossary="))
            {
              const char *value = argv[i] + strlen ("--glossary=");

              if (g_str_equal (value, "all"))
                mode = PN_GLOSSARY_LINK_ALL;
              else if (g_str_equal (value, "first"))
                mode = PN_GLOSSARY_LINK_FIRST;
              else if (g_str_equal (value, "none"))
                mode = PN_GLOSSARY_LINK_NONE;
              else
                return usage_error (_("--glossary takes all, first or none"));
            }
          else if (n < G_N_ELEMENTS (arguments))
            arguments[n++] = argv[i];
          else
            n++;
        }
      if (n != 2)
        return usage_error (_("'render' takes two arguments: the pack folder and a document id"));
      return render (arguments[0], arguments[1], mode);
    }

  if (g_str_equal (argv[1], "glossary"))
    {
      if (argc != 3)
        return usage_error (_("'glossary' takes one argument: the pack folder"));
      return glossary (argv[2]);
    }

  if (g_str_equal (argv[1], "gift"))
    {
      if (argc == 4 && g_str_equal (argv[2], "import"))
        return gift_import (argv[3]);
      if (argc == 5 && g_str_equal (argv[2], "export"))
        return gift_export (argv[3], argv[4]);
      return usage_error (_("'gift' takes 'import FILE.gift' or 'export PATH QUIZ-ID'"));
    }

  if (g_str_equal (argv[1], "notes"))
    return pn_notes_command_run (argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command '%s'"), argv[1]);

    return usage_error (message);
  }
}
