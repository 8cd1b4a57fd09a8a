/* pn-notes-command.c: `prisonnum-pack notes export|import`
 *
 * Works on the student's database (pn_store_default_path(), or --db PATH)
 * with the same calls as the app: the export reads it, the import adds to it
 * in one transaction, all or nothing, skipping the notes that are there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pn-annotation-export.h"
#include "pn-annotation-private.h"
#include "pn-file.h"
#include "pn-notes-command.h"
#include "pn-store.h"

enum {
  EXIT_DONE = 0,
  EXIT_PROBLEMS = 1,
  EXIT_USAGE = 2,
};

typedef struct {
  const char *format;
  const char *pack_id;
  const char *db;
  const char *file;
} Options;

void
pn_notes_command_print_usage (FILE *out)
{
  fprintf (out, "%s\n%s\n",
           _("notes export  Writes the student's notes and highlights on standard output,\n"
             "          as Markdown (to hand in) or W3C Web Annotation JSON (to import\n"
             "          elsewhere): --format markdown|w3c, --pack ID for one pack only,\n"
             "          --db PATH for a database other than the student's own."),
           _("notes import  Adds the notes of FILE (W3C Web Annotation JSON) to the\n"
             "          student's database (or --db PATH) in one go, skipping those that\n"
             "          are there already; says how many were added and skipped, and\n"
             "          lists on standard error those it could not read (exit status 1)."));
}

static int
usage_error (const char *message)
{
  fprintf (stderr, "prisonnum-pack: %s\n", message);
  fprintf (stderr, "%s\n  prisonnum-pack notes export --format markdown|w3c [--pack ID] [--db PATH]\n"
           "  prisonnum-pack notes import FILE [--db PATH]\n", _("Usage:"));

  return EXIT_USAGE;
}

/* Options as "--name VALUE" or "--name=VALUE"; one free argument. */
static gboolean
parse_options (int       argc,
               char    **argv,
               Options  *options,
               char    **message)
{
  static const char *names[] = { "--format", "--pack", "--db" };

  for (int i = 2; i < argc; i++)
    {
      const char **slot[] = { &options->format, &options->pack_id, &options->db };
      gboolean known = FALSE;

      for (guint n = 0; n < G_N_ELEMENTS (names) && !known; n++)
        {
          gsize length = strlen (names[n]);

          if (strncmp (argv[i], names[n], length) != 0 || (argv[i][length] != '\0' && argv[i][length] != '='))
            continue;
          known = TRUE;
          if (argv[i][length] == '=')
            *slot[n] = argv[i] + length + 1;
          else if (i + 1 < argc)
            *slot[n] = argv[++i];
          else
            {
              *message = g_strdup_printf (_("%s needs a value"), names[n]);
              return FALSE;
            }
        }
      if (known)
        continue;

      if (argv[i][0] == '-' || options->file != NULL)
        {
          *message = g_strdup_printf (_("unexpected argument '%s'"), argv[i]);
          return FALSE;
        }
      options->file = argv[i];
    }

  return TRUE;
}

static PnStore *
open_store (const Options *options,
            gboolean       must_exist)
{
  g_autofree char *path = options->db != NULL ? g_strdup (options->db) : pn_store_default_path ();
  g_autoptr(GError) error = NULL;
  PnStore *store;

  if (must_exist && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fprintf (stderr, _("%s: there is no student data here (no notes were ever saved)\n"), path);
      return NULL;
    }

  store = pn_store_open (path, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return NULL;
    }
  if (pn_store_get_notice (store) != NULL)
    fprintf (stderr, "%s\n", pn_store_get_notice (store));
  if (pn_store_get_backup_path (store) != NULL)
    fprintf (stderr, _("The database was updated; a copy of it as it was is at %s\n"),
             pn_store_get_backup_path (store));

  return store;
}

static int
export (const Options *options)
{
  g_autoptr(PnStore) store = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean markdown = g_strcmp0 (options->format, "markdown") == 0;

  if (options->file != NULL)
    return usage_error (_("'notes export' writes on standard output: it takes no file"));
  if (!markdown && g_strcmp0 (options->format, "w3c") != 0)
    return usage_error (_("'notes export' needs --format markdown or --format w3c"));

  store = open_store (options, TRUE);
  if (store == NULL)
    return EXIT_PROBLEMS;

  annotations = pn_store_get_annotations (store, options->pack_id, NULL, &error);
  if (annotations == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return EXIT_PROBLEMS;
    }

  text = markdown ? pn_annotations_to_markdown (annotations, NULL, NULL) : pn_annotations_to_w3c (annotations, NULL);
  fputs (text, stdout);
  if (!markdown)
    fputc ('\n', stdout);

  return EXIT_DONE;
}

static int
import (const Options *options)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  PnDiagnostic *problem = NULL;
  gsize length = 0;
  guint added = 0, skipped = 0;

  if (options->file == NULL)
    return usage_error (_("'notes import' takes the file to import"));
  if (options->format != NULL || options->pack_id != NULL)
    return usage_error (_("'notes import' takes no --format nor --pack: the file says"));

  file = g_file_new_for_commandline_arg (options->file);
  name = g_file_get_basename (file);
  /* The size is checked before anything is read. */
  data = pn_file_read_text (file, name, PN_ANNOTATION_MAX_FILE, &length, &problem);
  if (data == NULL)
    {
      g_autofree char *line = pn_diagnostic_to_string (problem);

      fprintf (stderr, "%s\n", line);
      pn_diagnostic_free (problem);
      return EXIT_PROBLEMS;
    }

  annotations = pn_annotations_from_w3c (data, (gssize) length, name, problems, &error);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = pn_diagnostic_to_string (problems->pdata[i]);

      fprintf (stderr, "%s\n", line);
    }
  if (annotations == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return EXIT_PROBLEMS;
    }

  store = open_store (options, FALSE);
  if (store == NULL)
    return EXIT_PROBLEMS;
  if (!pn_store_import_annotations (store, annotations, &added, &skipped, &error))
    {
      fprintf (stderr, _("%s\nNothing was imported.\n"), error->message);
      return EXIT_PROBLEMS;
    }

  printf (g_dngettext (GETTEXT_PACKAGE, "%u note added", "%u notes added", added), added);
  printf (g_dngettext (GETTEXT_PACKAGE, ", %u skipped (already there)\n", ", %u skipped (already there)\n",
                       skipped), skipped);

  return problems->len > 0 ? EXIT_PROBLEMS : EXIT_DONE;
}

int
pn_notes_command_run (int    argc,
                      char **argv)
{
  Options options = { NULL };
  g_autofree char *message = NULL;

  if (argc < 2 || (!g_str_equal (argv[1], "export") && !g_str_equal (argv[1], "import")))
    return usage_error (_("'notes' takes 'export' or 'import'"));

  if (!parse_options (argc, argv, &options, &message))
    return usage_error (message);

  return g_str_equal (argv[1], "export") ? export (&options) : import (&options);
}
