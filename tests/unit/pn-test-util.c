/* pn-test-util.c: helpers shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <errno.h>
#include <glib/gstdio.h>

#include "pn-test-util.h"

void
pn_test_write_file (const char *dir,
                    const char *path,
                    const char *contents,
                    gssize      length)
{
  g_autofree char *full = g_build_filename (dir, path, NULL);
  g_autofree char *parent = g_path_get_dirname (full);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
  g_file_set_contents (full, contents, length, &error);
  g_assert_no_error (error);
}

char *
pn_test_make_dir (const char *first_path,
                  ...)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pn-test-XXXXXX", &error);
  const char *path = first_path;
  va_list args;

  g_assert_no_error (error);

  va_start (args, first_path);
  while (path != NULL)
    {
      const char *contents = va_arg (args, const char *);

      pn_test_write_file (dir, path, contents, -1);
      path = va_arg (args, const char *);
    }
  va_end (args);

  return dir;
}

void
pn_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL)
    return;

  if (g_file_test (dir, G_FILE_TEST_IS_SYMLINK) || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_remove (dir);
      return;
    }

  g_chmod (dir, 0755);
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      pn_test_remove_dir (child);
    }

  g_rmdir (dir);
}

char *
pn_test_manifest (const char *file)
{
  return pn_test_manifest_with (file, "");
}

char *
pn_test_manifest_with (const char *file,
                       const char *extra_members)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": 1,\n"
                          "  \"id\": \"test-pack\",\n"
                          "  \"version\": \"1.0\",\n"
                          "  \"title\": \"Test\",\n"
                          "  \"language\": \"fr\",\n"
                          "  \"authors\": [{ \"name\": \"Ada\" }],\n"
                          "  %s\"license\": null,\n"
                          "  \"description\": \"A test pack.\",\n"
                          "  \"documents\": [{ \"id\": \"doc\", \"title\": \"Doc\", \"file\": \"%s\" }]\n"
                          "}\n", extra_members, file);
}

PnPack *
pn_test_load (const char *dir,
              GPtrArray  *diagnostics)
{
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  PnPack *pack = pn_pack_load (location, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

PnPack *
pn_test_load_fixture (const char *name,
                      GPtrArray  *diagnostics)
{
  g_autofree char *dir = g_build_filename (PN_TEST_PACKS_DIR, name, NULL);

  return pn_test_load (dir, diagnostics);
}

const PnDiagnostic *
pn_test_find (GPtrArray  *diagnostics,
              const char *needle)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const PnDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *text = pn_diagnostic_to_string (diagnostic);

      if (strstr (text, needle) != NULL)
        return diagnostic;
    }

  return NULL;
}

void
pn_test_dump (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *text = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_test_message ("diagnostic: %s", text);
    }
}

void
pn_test_assert_diagnostic (GPtrArray  *diagnostics,
                           PnSeverity  severity,
                           const char *file,
                           int         line,
                           const char *needle)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const PnDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      if (diagnostic->severity == severity && g_strcmp0 (diagnostic->file, file) == 0 &&
          (line == 0 || diagnostic->line == line) && strstr (diagnostic->message, needle) != NULL)
        return;
    }

  pn_test_dump (diagnostics);
  g_test_fail_printf ("no %s in %s at line %d containing “%s”",
                      severity == PN_SEVERITY_ERROR ? "error" : "warning", file, line, needle);
}

guint
pn_test_count_matches (const char *haystack,
                       const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    count++;

  return count;
}

void
pn_test_mutate (GRand *rand, GString *text, const char *alphabet)
{
  guint edits = g_rand_int_range (rand, 1, 4);
  gint32 n_letters = (gint32) strlen (alphabet);

  for (guint e = 0; e < edits && text->len > 0; e++)
    {
      gsize at = g_rand_int_range (rand, 0, (gint32) text->len);
      char c = alphabet[g_rand_int_range (rand, 0, n_letters)];

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          text->str[at] = c;
          break;
        case 1:
          g_string_insert_c (text, at, c);
          break;
        default:
          g_string_erase (text, at, 1);
          break;
        }
    }
}

GBytes *
pn_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (data, length);
}

gint64
pn_test_offset_of (const char *text,
                   const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}
