/* fuzz-replay.c: runs a fuzz target once on each file of the folders (or
 * files) given, for builds without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pn-fuzz.h"

static guint
run_path (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      guint count = 0;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      /* In a fixed order, so that a failure is found again. */
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        count += run_path (g_ptr_array_index (names, i));
      return count;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);

  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    count += run_path (argv[i]);

  /* A corpus that is not there would make this pass on nothing. */
  if (count == 0)
    {
      fprintf (stderr, "fuzz-replay: no input files in the paths given\n");
      return 1;
    }

  printf ("%u inputs run\n", count);
  return 0;
}
