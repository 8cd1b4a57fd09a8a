/* test-mime.c: the MIME type of course pack archives, as a file manager
 * sees it once installed: shared-mime-info compiles it without complaint,
 * GIO finds the type by name and by content, its icon and parent type, and
 * the desktop entry opens it
 *
 * usage: test-mime MIME-XML DESKTOP-FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "pn-pack-archive.h"

#define TYPE "application/x-prisonnum-pack"

static char *mime_xml;
static char *desktop_file;
static char *data_dir;

static void
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s: %s%s", argv[0], out, err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  /* update-mime-database warns about what it does not understand. */
  g_assert_null (strstr (err, "Warning"));
  g_assert_null (strstr (err, "Error"));
}

static void
test_database (void)
{
  g_autofree char *packages = g_build_filename (data_dir, "mime", "packages", NULL);
  g_autofree char *copy = g_build_filename (packages, APP_ID ".xml", NULL);
  g_autofree char *mime_dir = g_build_filename (data_dir, "mime", NULL);
  g_autofree char *globs = g_build_filename (mime_dir, "globs2", NULL);
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *xmllint[] = { "xmllint", "--noout", mime_xml, NULL };
  const char *update[] = { "update-mime-database", "-V", mime_dir, NULL };

  run (xmllint);
  g_assert_true (g_file_get_contents (mime_xml, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (packages, 0755), ==, 0);
  g_assert_true (g_file_set_contents (copy, contents, (gssize) length, NULL));
  run (update);

  g_assert_true (g_file_get_contents (globs, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, TYPE ":*.prisonnum"));
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));

  return g_bytes_new_take (data, length);
}

static void
test_guess (void)
{
  g_autofree char *pack = g_build_filename (g_getenv ("PN_SOURCE_ROOT"), "tests", "packs", "good", NULL);
  g_autofree char *archive = g_build_filename (data_dir, "course.zip", NULL);
  g_autofree char *by_name = NULL;
  g_autofree char *by_content = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) zip = NULL;
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *icon_text = NULL;
  gboolean uncertain = TRUE;
  guint8 *patched;

  by_name = g_content_type_guess ("Cours de philosophie.prisonnum", NULL, 0, &uncertain);
  g_assert_cmpstr (by_name, ==, TYPE);
  g_assert_true (g_content_type_is_a (TYPE, "application/zip"));

  /* By its first bytes, whatever its name: what `build` writes. */
  g_assert_true (pn_pack_archive_write (pack, archive, &error));
  g_assert_no_error (error);
  bytes = read_bytes (archive);
  by_content = g_content_type_guess (NULL, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  g_assert_cmpstr (by_content, ==, TYPE);

  /* The control: another zip (first entry not pack.json) is not a pack. */
  patched = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  memcpy (patched + 30, "pick.json", 9);
  zip = g_bytes_new_take (patched, g_bytes_get_size (bytes));
  other = g_content_type_guess (NULL, g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), NULL);
  g_assert_cmpstr (other, !=, TYPE);
  g_assert_true (g_content_type_is_a (other, "application/zip"));

  icon = g_content_type_get_icon (TYPE);
  icon_text = g_icon_to_string (icon);
  g_assert_nonnull (strstr (icon_text, APP_ID));
}

static void
test_desktop_entry (void)
{
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = NULL;
  g_autofree char *exec = NULL;

  g_key_file_load_from_file (entry, desktop_file, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  types = g_key_file_get_string_list (entry, "Desktop Entry", "MimeType", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) types, TYPE));
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", NULL);
  g_assert_true (strstr (exec, "%f") != NULL || strstr (exec, "%F") != NULL ||
                 strstr (exec, "%u") != NULL || strstr (exec, "%U") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *dirs = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (argc != 3)
    {
      g_printerr ("usage: test-mime MIME-XML DESKTOP-FILE\n");
      return 2;
    }
  mime_xml = argv[1];
  desktop_file = argv[2];

  /* Before GIO reads its MIME database: ours, then the system's. */
  data_dir = g_dir_make_tmp ("pn-mime-XXXXXX", &error);
  g_assert_no_error (error);
  home = g_build_filename (data_dir, "home", NULL);
  dirs = g_strdup_printf ("%s:/usr/local/share:/usr/share", data_dir);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_DATA_DIRS", dirs, TRUE);

  /* In order: the database is made first. */
  g_test_add_func ("/mime/database", test_database);
  g_test_add_func ("/mime/guess", test_guess);
  g_test_add_func ("/mime/desktop-entry", test_desktop_entry);

  status = g_test_run ();

  {
    const char *rm[] = { "rm", "-rf", data_dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }

  return status;
}
