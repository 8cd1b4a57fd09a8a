/* pn-fuzz.h: what every fuzz target shares
 *
 * Each target defines LLVMFuzzerTestOneInput(). Built with clang and
 * -fsanitize=fuzzer it is a libFuzzer program; built with any compiler and
 * fuzz-replay.c it runs the files it is given once each (the corpus, in the
 * normal test run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "pn-diagnostic.h"
#include "pn-json.h"

G_BEGIN_DECLS

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The input as a NUL-terminated string, or NULL when it is not valid UTF-8
 * without NUL bytes (pack files that are not are refused before parsing). */
static inline char *
pn_fuzz_text (const uint8_t *data,
              size_t         size)
{
  if (!g_utf8_validate_len ((const char *) data, size, NULL) || memchr (data, '\0', size) != NULL)
    return NULL;

  return g_strndup ((const char *) data, size);
}

/* Writes the input to @path as it is. Plainly: g_file_set_contents() syncs
 * the disk, which would make each run a hundred times slower. */
static inline void
pn_fuzz_write_file (const char    *path,
                    const uint8_t *data,
                    size_t         size)
{
  FILE *out = fopen (path, "wb");

  g_assert_nonnull (out);
  g_assert_cmpuint (fwrite (data, 1, size, out), ==, size);
  g_assert_cmpint (fclose (out), ==, 0);
}

/* Every problem reads as valid UTF-8; when @refused, one of them is an error. */
static inline void
pn_fuzz_check_diagnostics (GPtrArray *diagnostics,
                           gboolean   refused)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_assert_true (g_utf8_validate (line, -1, NULL));
    }

  if (refused)
    g_assert_true (pn_diagnostics_has_errors (diagnostics));
}

/* The input loaded as the JSON file @name of a pack, or NULL when the loader
 * would not read it; @text receives the input as a string. */
static inline PnJsonFile *
pn_fuzz_load_json (const uint8_t  *data,
                   size_t          size,
                   const char     *name,
                   GPtrArray      *diagnostics,
                   char          **text)
{
  PnJsonFile *json;

  *text = pn_fuzz_text (data, size);
  if (*text == NULL)
    return NULL;

  json = pn_json_file_load_data (*text, size, name, diagnostics);
  pn_fuzz_check_diagnostics (diagnostics, json == NULL);

  return json;
}

/* A pack folder for the targets that load a pack: files written once, the
 * folder removed when the program ends. */
typedef struct {
  const char *name;
  const char *contents;
} PnFuzzFile;

typedef struct {
  char *path;
  const PnFuzzFile *files;
  guint n_files;
} PnFuzzDir;

static inline PnFuzzDir *
pn_fuzz_dir (void)
{
  static PnFuzzDir dir;

  return &dir;
}

static inline void
pn_fuzz_remove_dir (void)
{
  PnFuzzDir *dir = pn_fuzz_dir ();

  for (guint i = 0; i < dir->n_files; i++)
    {
      g_autofree char *path = g_build_filename (dir->path, dir->files[i].name, NULL);

      g_remove (path);
    }
  g_rmdir (dir->path);
  g_clear_pointer (&dir->path, g_free);
}

/* A new temporary folder (named after @template, "pn-fuzz-NAME-XXXXXX")
 * holding @files; removed at exit. */
static inline const char *
pn_fuzz_make_dir (const char       *template,
                  const PnFuzzFile *files,
                  guint             n_files)
{
  PnFuzzDir *dir = pn_fuzz_dir ();
  g_autoptr(GError) error = NULL;

  g_assert_null (dir->path);
  dir->path = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  dir->files = files;
  dir->n_files = n_files;
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_build_filename (dir->path, files[i].name, NULL);

      g_file_set_contents (path, files[i].contents, -1, &error);
      g_assert_no_error (error);
    }
  atexit (pn_fuzz_remove_dir);

  return dir->path;
}

G_END_DECLS
