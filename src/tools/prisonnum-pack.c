/* prisonnum-pack: the teachers' tool to check a course pack and render its documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pn-diagnostic.h"
#include "pn-file.h"
#include "pn-gift-parse.h"
#include "pn-gift-write.h"
#include "pn-notes-command.h"
#include "pn-pack.h"
#include "pn-pack-check.h"
#include "pn-quiz-write.h"
#include "pn-render.h"

enum {
  EXIT_VALID = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  prisonnum-pack check PATH\n  prisonnum-pack render PATH DOC-ID [--glossary=all|first|none]\n"
           "  prisonnum-pack glossary PATH\n"
           "  prisonnum-pack gift import FILE.gift\n  prisonnum-pack gift export PATH QUIZ-ID\n"
           "  prisonnum-pack notes export --format markdown|w3c [--pack ID] [--db PATH]\n"
           "  prisonnum-pack notes import FILE [--db PATH]\n\n"
           "%s\n%s\n%s\n%s\n%s\n",
           _("Usage:"),
           _("check     Checks the course pack in the folder PATH: one line per problem,\n"
             "          \"file:line:column: message\". Exit status 0 when the pack is valid\n"
             "          (warnings alone do not count), 1 when it has errors."),
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

static PnPack *
load (const char *path,
      GPtrArray  *diagnostics,
      FILE       *out)
{
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  PnPack *pack = pn_pack_load (location, diagnostics, &error);

  if (pack == NULL)
    fprintf (out, "%s\n", error->message);

  return pack;
}

static int
check (const char *path)
{
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) result = pn_pack_check_run (location, NULL, &error);
  PnPack *pack;
  GPtrArray *diagnostics;
  guint n_documents;
  guint n_sources;

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
    printf (_("%s: valid (%s, %s)\n"), path, documents, sources);
  }

  return EXIT_VALID;
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
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) result = pn_pack_check_run (location, NULL, &error);
  PnGlossary *glossary;
  GPtrArray *documents;
  GPtrArray *entries;

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
      if (argc != 3)
        return usage_error (_("'check' takes one argument: the pack folder"));
      return check (argv[2]);
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
