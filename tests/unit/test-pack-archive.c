/* test-pack-archive.c: .prisonnum files: each safety rule with an archive
 * crafted for it (libarchive's writer, bytes patched where a writer would
 * refuse), unpacking that leaves no trace, reproducible writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <time.h>
#include <utime.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "pn-pack-archive.h"
#include "pn-pack-archive-private.h"
#include "pn-test-util.h"

#define MANIFEST "{}"

typedef struct {
  const char *name;
  const char *data;       /* NULL: a folder */
  gsize size;             /* of @data; 0: strlen */
  const char *link;       /* a symbolic link to this */
} Entry;

/* A zip in memory of @entries (@n of them); deflated unless @stored. */
static GBytes *
make_zip (const Entry *entries,
          guint        n,
          gboolean     stored)
{
  struct archive *archive = archive_write_new ();
  gsize capacity = 64 * 1024 * 1024;
  g_autofree char *buffer = g_malloc (capacity);
  size_t used = 0;

  archive_write_set_format_zip (archive);
  archive_write_set_options (archive, stored ? "zip:compression=store" : "zip:compression=deflate");
  archive_write_set_bytes_per_block (archive, 0);
  g_assert_cmpint (archive_write_open_memory (archive, buffer, capacity, &used), ==, ARCHIVE_OK);

  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize size = entries[i].data == NULL ? 0 : entries[i].size != 0 ? entries[i].size : strlen (entries[i].data);

      archive_entry_set_pathname (entry, entries[i].name);
      if (entries[i].link != NULL)
        {
          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, entries[i].link);
          archive_entry_set_perm (entry, 0777);
        }
      else if (entries[i].data == NULL)
        {
          archive_entry_set_filetype (entry, AE_IFDIR);
          archive_entry_set_perm (entry, 0755);
        }
      else
        {
          archive_entry_set_filetype (entry, AE_IFREG);
          archive_entry_set_perm (entry, 0644);
          archive_entry_set_size (entry, (la_int64_t) size);
        }
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      if (size > 0)
        g_assert_cmpint (archive_write_data (archive, entries[i].data, size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }

  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);

  return g_bytes_new (buffer, used);
}

/* Replaces each @from in @bytes by @to (the same length). */
static GBytes *
patch (GBytes     *bytes,
       const char *from,
       const char *to,
       gsize       length)
{
  gsize size = 0;
  char *data = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  guint count = 0;

  for (gsize i = 0; i + length <= size; i++)
    {
      if (memcmp (data + i, from, length) == 0)
        {
          memcpy (data + i, to, length);
          count++;
        }
    }
  g_assert_cmpuint (count, >, 0);

  return g_bytes_new_take (data, size);
}

/* The central directory entry of the file @name. */
static guint8 *
central_entry (guint8     *data,
               gsize       size,
               const char *name)
{
  for (gsize i = 0; i + 46 <= size; i++)
    {
      if (memcmp (data + i, "PK\001\002", 4) == 0)
        {
          guint name_length = data[i + 28] | (data[i + 29] << 8);

          if (name_length == strlen (name) && i + 46 + name_length <= size &&
              memcmp (data + i + 46, name, name_length) == 0)
            return data + i;
        }
    }
  g_assert_not_reached ();
}

/* The archive @bytes, in a file of its own (to remove with its folder). */
static char *
save (GBytes *bytes)
{
  g_autofree char *dir = pn_test_make_dir (NULL, NULL);
  char *path = g_build_filename (dir, "test.prisonnum", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return path;
}

/* Unpacking @bytes fails with @code and a message holding @needle (and the
 * archive's name), and leaves nothing; scanning it says the same. */
static void
assert_refused (GBytes     *bytes,
                int         code,
                const char *needle)
{
  g_autofree char *path = save (bytes);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dest = g_build_filename (dir, "unpacked", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) scan_error = NULL;

  g_assert_false (pn_pack_archive_extract (path, dest, &error));
  g_assert_error (error, PN_PACK_ARCHIVE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "test.prisonnum: "));
  if (strstr (error->message, needle) == NULL)
    g_test_fail_printf ("“%s” is not in “%s”", needle, error->message);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));

  g_assert_false (pn_pack_archive_scan_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                             "test.prisonnum", NULL, &scan_error));
  g_assert_error (scan_error, PN_PACK_ARCHIVE_ERROR, code);

  pn_test_remove_dir (dir);
}

/* The positive control: the same kind of archive without the fault unpacks. */
static void
assert_accepted (GBytes *bytes)
{
  g_autofree char *path = save (bytes);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dest = g_build_filename (dir, "unpacked", NULL);
  g_autofree char *manifest = g_build_filename (dest, "pack.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_pack_archive_extract (path, dest, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));

  pn_test_remove_dir (dir);
}

static void
test_good (void)
{
  const Entry entries[] = {
    { "pack.json", MANIFEST }, { "texts/", NULL }, { "texts/a.md", "# A\n" },
    { "images/photo.png", "\x89PNG", 4 }, { "caf\xc3\xa9.md", "accent" },
  };
  g_autoptr(GBytes) bytes = make_zip (entries, G_N_ELEMENTS (entries), FALSE);
  g_autofree char *path = save (bytes);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dest = g_build_filename (dir, "unpacked", NULL);
  g_autofree char *text_path = g_build_filename (dest, "texts", "a.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  g_assert_true (pn_pack_archive_extract (path, dest, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "# A\n");
  g_assert_cmpint (g_stat (text_path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0644);

  g_assert_true (pn_pack_archive_scan_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                            "x", names, &error));
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (entries));
  g_assert_cmpstr (g_ptr_array_index (names, 4), ==, "caf\xc3\xa9.md");

  /* The destination must be new. */
  g_assert_false (pn_pack_archive_extract (path, dest, &error));
  g_assert_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_WRITE);
  g_assert_true (g_file_test (text_path, G_FILE_TEST_IS_REGULAR));

  pn_test_remove_dir (dir);
}

static void
test_absolute (void)
{
  const Entry bad[] = { { "pack.json", MANIFEST }, { "/tmp/pn-absolute.md", "x" } };
  const Entry drive[] = { { "pack.json", MANIFEST }, { "C:/pn.md", "x" } };
  const Entry good[] = { { "pack.json", MANIFEST }, { "tmp/pn-absolute.md", "x" } };
  g_autoptr(GBytes) bad_bytes = make_zip (bad, 2, FALSE);
  g_autoptr(GBytes) drive_bytes = make_zip (drive, 2, FALSE);
  g_autoptr(GBytes) good_bytes = make_zip (good, 2, FALSE);

  assert_refused (bad_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'/tmp/pn-absolute.md': an absolute path");
  assert_refused (drive_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "an absolute path");
  g_assert_false (g_file_test ("/tmp/pn-absolute.md", G_FILE_TEST_EXISTS));
  assert_accepted (good_bytes);
}

static void
test_parent (void)
{
  const Entry bad[] = { { "pack.json", MANIFEST }, { "texts/../../escape.md", "x" } };
  const Entry dot[] = { { "pack.json", MANIFEST }, { "texts/./a.md", "x" } };
  /* libarchive reads a backslash as '/': "..\\" is still '..'. */
  const Entry back[] = { { "pack.json", MANIFEST }, { "texts\\..\\..\\a.md", "x" } };
  const Entry good[] = { { "pack.json", MANIFEST }, { "texts/..a.md", "x" } };
  g_autoptr(GBytes) bad_bytes = make_zip (bad, 2, FALSE);
  g_autoptr(GBytes) dot_bytes = make_zip (dot, 2, FALSE);
  g_autoptr(GBytes) back_bytes = make_zip (back, 2, FALSE);
  g_autoptr(GBytes) good_bytes = make_zip (good, 2, FALSE);

  assert_refused (bad_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'texts/../../escape.md': the name contains '..'");
  assert_refused (dot_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'.' folder");
  assert_refused (back_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'..'");
  assert_accepted (good_bytes);
}

static void
test_symlink (void)
{
  const Entry bad[] = { { "pack.json", MANIFEST }, { "texts/a.md", NULL, 0, "/etc/passwd" } };
  g_autoptr(GBytes) bytes = make_zip (bad, 2, TRUE);

  assert_refused (bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'texts/a.md': a symbolic link");
}

/* A zip writer makes no devices: the file's mode is patched in the central
 * directory (where a reader finds it) to a character device. */
static void
test_device (void)
{
  const Entry entries[] = { { "pack.json", MANIFEST }, { "dev-null", "x" } };
  g_autoptr(GBytes) bytes = make_zip (entries, 2, TRUE);
  gsize size = g_bytes_get_size (bytes);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  guint8 *central = central_entry (data, size, "dev-null");
  guint32 mode = 0020644;
  g_autoptr(GBytes) device = NULL;

  /* External attributes, the Unix mode in the high half. */
  central[38 + 2] = mode & 0xff;
  central[38 + 3] = (mode >> 8) & 0xff;
  device = g_bytes_new_take (data, size);

  assert_accepted (bytes);
  assert_refused (device, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'dev-null': a device or special file");
}

static void
test_duplicates (void)
{
  const Entry same[] = { { "pack.json", MANIFEST }, { "a.md", "1" }, { "a.md", "2" } };
  /* "café" precomposed, then with a combining accent. */
  const Entry nfc[] = { { "pack.json", MANIFEST }, { "caf\xc3\xa9.md", "1" }, { "cafe\xcc\x81.md", "2" } };
  const Entry cased[] = { { "pack.json", MANIFEST }, { "texts/Notes.md", "1" }, { "texts/NOTES.md", "2" } };
  const Entry cased_folder[] = { { "pack.json", MANIFEST }, { "texts/a.md", "1" }, { "Texts/b.md", "2" } };
  const Entry cased_entry[] = { { "pack.json", MANIFEST }, { "texts/a.md", "1" }, { "TEXTS/", NULL } };
  const Entry file_folder[] = { { "pack.json", MANIFEST }, { "texts", "1" }, { "texts/a.md", "2" } };
  const Entry folders[] = { { "pack.json", MANIFEST }, { "texts/a.md", "1" }, { "texts/", NULL } };
  const Entry distinct[] = { { "pack.json", MANIFEST }, { "caf\xc3\xa9.md", "1" }, { "cafe.md", "2" } };
  g_autoptr(GBytes) same_bytes = make_zip (same, 3, FALSE);
  g_autoptr(GBytes) nfc_bytes = make_zip (nfc, 3, FALSE);
  g_autoptr(GBytes) cased_bytes = make_zip (cased, 3, FALSE);
  g_autoptr(GBytes) cased_folder_bytes = make_zip (cased_folder, 3, FALSE);
  g_autoptr(GBytes) cased_entry_bytes = make_zip (cased_entry, 3, FALSE);
  g_autoptr(GBytes) file_folder_bytes = make_zip (file_folder, 3, FALSE);
  g_autoptr(GBytes) folders_bytes = make_zip (folders, 3, FALSE);
  g_autoptr(GBytes) distinct_bytes = make_zip (distinct, 3, FALSE);

  assert_refused (same_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'a.md': the archive holds this name twice");
  assert_refused (nfc_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "the same name as 'caf\xc3\xa9.md'");
  assert_refused (cased_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'texts/NOTES.md': the same name as 'texts/Notes.md'");
  assert_refused (cased_folder_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE,
                  "'Texts/b.md': its folder 'Texts' has the same name as 'texts'");
  assert_refused (cased_entry_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'TEXTS/': the same name as 'texts'");
  assert_refused (file_folder_bytes, PN_PACK_ARCHIVE_ERROR_UNSAFE, "'texts' is a file in this archive");
  assert_accepted (folders_bytes);
  assert_accepted (distinct_bytes);
}

/* Latin-1 bytes in a name, patched in after writing (same length). */
static void
test_not_utf8 (void)
{
  const Entry entries[] = { { "pack.json", MANIFEST }, { "cafX.md", "1" } };
  g_autoptr(GBytes) bytes = make_zip (entries, 2, TRUE);
  g_autoptr(GBytes) latin1 = patch (bytes, "cafX.md", "caf\xe9.md", 7);

  assert_accepted (bytes);
  assert_refused (latin1, PN_PACK_ARCHIVE_ERROR_UNSAFE, "the name is not in UTF-8");
}

static void
test_too_many_entries (void)
{
  guint n = PN_PACK_ARCHIVE_MAX_ENTRIES + 1;
  g_autofree Entry *entries = g_new0 (Entry, n);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) fewer = NULL;

  entries[0] = (Entry) { "pack.json", MANIFEST };
  for (guint i = 1; i < n; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("f/%05u", i));
      entries[i] = (Entry) { g_ptr_array_index (names, i - 1), "x" };
    }

  bytes = make_zip (entries, n, TRUE);
  assert_refused (bytes, PN_PACK_ARCHIVE_ERROR_TOO_LARGE, "more than 10000 entries");
  /* The control is read, not unpacked: 10,000 files on disk would be slow. */
  fewer = make_zip (entries, n - 1, TRUE);
  g_assert_true (pn_pack_archive_scan_data (g_bytes_get_data (fewer, NULL), g_bytes_get_size (fewer),
                                            "fewer", NULL, NULL));
}

/* 20 MB of zeros deflate to some 20 kB: refused while unpacking, also when
 * the central directory claims the entry is small. */
static void
test_zip_bomb (void)
{
  gsize size = 20 * 1024 * 1024;
  g_autofree char *zeros = g_malloc0 (size);
  const Entry bomb[] = { { "pack.json", MANIFEST }, { "bomb.md", zeros, size } };
  g_autoptr(GBytes) bytes = make_zip (bomb, 2, FALSE);
  gsize length = g_bytes_get_size (bytes);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
  guint8 *central = central_entry (data, length, "bomb.md");
  g_autoptr(GBytes) lying = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autofree char *noise = g_malloc (3 * 1024 * 1024);
  const Entry plain[] = { { "pack.json", MANIFEST }, { "noise.bin", noise, 3 * 1024 * 1024 } };
  g_autoptr(GBytes) plain_bytes = NULL;

  g_assert_cmpuint (length, <, size / 200);
  assert_refused (bytes, PN_PACK_ARCHIVE_ERROR_TOO_LARGE, "'bomb.md': the entry unpacks to more than 100 times");

  /* Uncompressed size: 100 bytes. */
  memset (central + 24, 0, 4);
  central[24] = 100;
  lying = g_bytes_new_take (data, length);
  assert_refused (lying, PN_PACK_ARCHIVE_ERROR_TOO_LARGE, "100 times");

  /* Three megabytes that do not compress: no bomb. */
  for (gsize i = 0; i < 3 * 1024 * 1024; i++)
    noise[i] = (char) g_rand_int_range (rand, 0, 256);
  plain_bytes = make_zip (plain, 2, FALSE);
  assert_accepted (plain_bytes);
}

/* The total, counted as the data comes (the limit lowered to 1 MB). */
static void
test_too_big (void)
{
  gsize size = 600 * 1024;
  g_autofree char *data = g_malloc (size);
  const Entry two[] = { { "pack.json", MANIFEST }, { "a.bin", data, size }, { "b.bin", data, size } };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) one = NULL;

  memset (data, 'a', size);
  bytes = make_zip (two, 3, TRUE);
  one = make_zip (two, 2, TRUE);

  pn_pack_archive_set_max_size_for_tests (1024 * 1024);
  assert_refused (bytes, PN_PACK_ARCHIVE_ERROR_TOO_LARGE, "'b.bin': the archive unpacks to more than 1 MB");
  {
    /* The central directory says b.bin holds 10 bytes: counted as read. */
    gsize length = g_bytes_get_size (bytes);
    guint8 *patched = g_memdup2 (g_bytes_get_data (bytes, NULL), length);
    guint8 *central = central_entry (patched, length, "b.bin");
    g_autoptr(GBytes) lying = NULL;

    memset (central + 24, 0, 4);
    central[24] = 10;
    lying = g_bytes_new_take (patched, length);
    assert_refused (lying, PN_PACK_ARCHIVE_ERROR_TOO_LARGE, "'b.bin': the archive unpacks to more than 1 MB");
  }
  assert_accepted (one);
  pn_pack_archive_set_max_size_for_tests (0);
  assert_accepted (bytes);
}

static void
test_no_manifest (void)
{
  const Entry none[] = { { "texts/a.md", "x" } };
  const Entry nested[] = { { "course/pack.json", MANIFEST }, { "course/a.md", "x" } };
  g_autoptr(GBytes) none_bytes = make_zip (none, 1, FALSE);
  g_autoptr(GBytes) nested_bytes = make_zip (nested, 2, FALSE);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a zip at all, just words", 28);

  assert_refused (none_bytes, PN_PACK_ARCHIVE_ERROR_NO_MANIFEST, "no pack.json at the root");
  assert_refused (nested_bytes, PN_PACK_ARCHIVE_ERROR_NO_MANIFEST, "pack.json is in the folder 'course'");
  assert_refused (garbage, PN_PACK_ARCHIVE_ERROR_UNREADABLE, "not a course pack archive");
}

/* The same folder gives the same bytes, whatever the files' times; pack.json
 * comes first (the MIME magic looks for it); hidden files stay out. */
static void
test_write_reproducible (void)
{
  g_autofree char *dir = pn_test_make_dir ("pack.json", MANIFEST, "b.md", "B", "a/z.md", "Z",
                                           ".git/HEAD", "ref", "a.md", "A", NULL);
  g_autofree char *out = pn_test_make_dir (NULL, NULL);
  g_autofree char *first = g_build_filename (out, "first.prisonnum", NULL);
  g_autofree char *second = g_build_filename (out, "second.prisonnum", NULL);
  g_autofree char *touched = g_build_filename (dir, "b.md", NULL);
  g_autofree char *dest = g_build_filename (out, "unpacked", NULL);
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  struct utimbuf times = { 1700000000, 1700000000 };
  const char *expected[] = { "pack.json", "a.md", "a/z.md", "b.md" };

  g_assert_true (pn_pack_archive_write (dir, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (utime (touched, &times), ==, 0);
  g_assert_cmpint (g_chmod (touched, 0600), ==, 0);
  g_assert_true (pn_pack_archive_write (dir, second, &error));

  first_bytes = pn_test_read_bytes (first);
  second_bytes = pn_test_read_bytes (second);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));
  g_assert_cmpmem (g_bytes_get_data (first_bytes, NULL), 4, "PK\003\004", 4);
  g_assert_cmpmem ((const char *) g_bytes_get_data (first_bytes, NULL) + 30, 9, "pack.json", 9);

  g_assert_true (pn_pack_archive_scan_data (g_bytes_get_data (first_bytes, NULL),
                                            g_bytes_get_size (first_bytes), "first", names, &error));
  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected[i]);

  /* A change of content is a change of bytes: the control. */
  pn_test_write_file (dir, "b.md", "B, edited", -1);
  g_assert_true (pn_pack_archive_write (dir, second, &error));
  g_clear_pointer (&second_bytes, g_bytes_unref);
  second_bytes = pn_test_read_bytes (second);
  g_assert_false (g_bytes_equal (first_bytes, second_bytes));

  g_assert_true (pn_pack_archive_extract (second, dest, &error));
  g_assert_no_error (error);

  pn_test_remove_dir (dir);
  pn_test_remove_dir (out);
}

/* The bytes do not depend on the time zone, and SOURCE_DATE_EPOCH sets the
 * time of every entry (2023-11-14 22:13:20 UTC here), written in UTC. */
static void
test_write_time_zone (void)
{
  g_autofree char *dir = pn_test_make_dir ("pack.json", MANIFEST, "a.md", "A", NULL);
  g_autofree char *out = pn_test_make_dir (NULL, NULL);
  g_autofree char *utc = g_build_filename (out, "utc.prisonnum", NULL);
  g_autofree char *tokyo = g_build_filename (out, "tokyo.prisonnum", NULL);
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autoptr(GBytes) utc_bytes = NULL;
  g_autoptr(GBytes) tokyo_bytes = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  guint dos_time = (22 << 11) | (13 << 5) | 10;
  guint dos_date = ((2023 - 1980) << 9) | (11 << 5) | 14;

  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);
  g_setenv ("TZ", "UTC0", TRUE);
  tzset ();
  g_assert_true (pn_pack_archive_write (dir, utc, &error));
  /* A POSIX zone: no time zone database needed. */
  g_setenv ("TZ", "JST-9", TRUE);
  tzset ();
  g_assert_true (pn_pack_archive_write (dir, tokyo, &error));
  g_assert_no_error (error);
  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
  g_unsetenv ("SOURCE_DATE_EPOCH");

  utc_bytes = pn_test_read_bytes (utc);
  tokyo_bytes = pn_test_read_bytes (tokyo);
  g_assert_true (g_bytes_equal (utc_bytes, tokyo_bytes));
  data = g_bytes_get_data (utc_bytes, NULL);
  g_assert_cmpuint (data[10] | (data[11] << 8), ==, dos_time);
  g_assert_cmpuint (data[12] | (data[13] << 8), ==, dos_date);

  pn_test_remove_dir (dir);
  pn_test_remove_dir (out);
}

/* The good fixture, written and read back, loads as the folder does. */
static void
test_write_round_trip (void)
{
  g_autofree char *source = g_build_filename (PN_TEST_PACKS_DIR, "good", NULL);
  g_autofree char *out = pn_test_make_dir (NULL, NULL);
  g_autofree char *archive = g_build_filename (out, "good.prisonnum", NULL);
  g_autofree char *unpacked = g_build_filename (out, "unpacked", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_pack_archive_write (source, archive, &error));
  g_assert_no_error (error);
  g_assert_true (pn_pack_archive_is_archive (archive));
  g_assert_false (pn_pack_archive_is_archive (source));

  g_assert_true (pn_pack_archive_extract (archive, unpacked, &error));
  g_assert_no_error (error);
  pack = pn_test_load (unpacked, diagnostics);
  g_assert_cmpstr (pn_pack_get_id (pack), ==, "test-good");
  g_assert_cmpuint (pn_pack_get_documents (pack)->len, ==, 2);

  pn_test_remove_dir (out);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack-archive/good", test_good);
  g_test_add_func ("/pack-archive/absolute", test_absolute);
  g_test_add_func ("/pack-archive/parent", test_parent);
  g_test_add_func ("/pack-archive/symlink", test_symlink);
  g_test_add_func ("/pack-archive/device", test_device);
  g_test_add_func ("/pack-archive/duplicates", test_duplicates);
  g_test_add_func ("/pack-archive/not-utf8", test_not_utf8);
  g_test_add_func ("/pack-archive/too-many-entries", test_too_many_entries);
  g_test_add_func ("/pack-archive/zip-bomb", test_zip_bomb);
  g_test_add_func ("/pack-archive/too-big", test_too_big);
  g_test_add_func ("/pack-archive/no-manifest", test_no_manifest);
  g_test_add_func ("/pack-archive/write-reproducible", test_write_reproducible);
  g_test_add_func ("/pack-archive/write-time-zone", test_write_time_zone);
  g_test_add_func ("/pack-archive/write-round-trip", test_write_round_trip);

  return g_test_run ();
}
