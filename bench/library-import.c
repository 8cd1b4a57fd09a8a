/* library-import.c: what importing a course pack into the library costs
 *
 * Usage: bench-library-import ARCHIVE LIBRARY-FOLDER RUNS
 *
 * Imports ARCHIVE (a .prisonnum file) RUNS times, each into a fresh
 * library folder under LIBRARY-FOLDER (run-1, run-2…): unpacking into the
 * staging folder, loading and checking the pack (every document rendered),
 * then the rename into place. Prints the wall time of each run, then
 * "import best MS", "import median MS" and the folder of the last run's
 * pack ("installed PATH"), which is kept for the start-up measure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "pn-library.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  g_autoptr(GFile) archive = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *installed_path = NULL;
  int runs;

  setlocale (LC_ALL, "");
  if (argc != 4)
    {
      g_printerr ("Usage: %s ARCHIVE LIBRARY-FOLDER RUNS\n", argv[0]);
      return 2;
    }
  archive = g_file_new_for_commandline_arg (argv[1]);
  runs = MAX (1, atoi (argv[3]));

  for (int i = 1; i <= runs; i++)
    {
      g_autofree char *name = g_strdup_printf ("run-%d", i);
      g_autofree char *dir = g_build_filename (argv[2], name, NULL);
      g_autoptr(PnLibrary) library = pn_library_new (dir, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnLibraryImport) import = NULL;
      g_autoptr(GFile) installed = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      import = pn_library_prepare_import (library, archive, NULL, &error);
      if (import != NULL)
        installed = pn_library_import_commit (import, FALSE, &error);
      if (installed == NULL)
        {
          g_printerr ("import failed: %s\n", error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      g_print ("import run %d: %.0f ms (%u warnings)\n", i, ms,
               pn_library_import_get_warnings (import)->len);
      g_free (installed_path);
      installed_path = g_file_get_path (installed);
    }

  g_array_sort (times, compare_doubles);
  g_print ("import best %.0f ms\n", g_array_index (times, double, 0));
  g_print ("import median %.0f ms\n", g_array_index (times, double, times->len / 2));
  g_print ("installed %s\n", installed_path);
  return 0;
}
