/* fuzz-pack-archive.c: the .prisonnum reader (pn-pack-archive)
 *
 * Each input is read as an archive in memory under every rule; one that
 * passes is written to a file and unpacked into a fresh folder, which is
 * then removed, so that the writing side runs too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-fuzz.h"
#include "pn-pack-archive.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *archive = NULL;
  g_autofree char *dest = NULL;
  FILE *file;

  if (!pn_pack_archive_scan_data (data, size, "fuzz.prisonnum", names, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "fuzz.prisonnum: "));
      return 0;
    }
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("pn-fuzz-archive-XXXXXX", NULL);
  g_assert_nonnull (dir);
  archive = g_build_filename (dir, "fuzz.prisonnum", NULL);
  dest = g_build_filename (dir, "pack", NULL);
  file = g_fopen (archive, "wb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (data, 1, size, file), ==, size);
  fclose (file);

  /* What the scan passed unpacks, and every name lies inside the folder. */
  g_assert_true (pn_pack_archive_extract (archive, dest, &error));
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dest, g_ptr_array_index (names, i), NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  pn_pack_archive_remove_tree (dir);

  return 0;
}
