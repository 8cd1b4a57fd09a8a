/* pn-pack-archive-write.c: writing a pack folder as a .prisonnum file, the
 * same bytes for the same folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pn-pack-archive.h"

/* Collecting the files */

/* pack.json first (the MIME type's magic looks for its name there), then
 * the others in byte order. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  gboolean x_manifest = g_str_equal (x, "pack.json");
  gboolean y_manifest = g_str_equal (y, "pack.json");

  if (x_manifest != y_manifest)
    return x_manifest ? -1 : 1;

  return strcmp (x, y);
}

/* Adds the regular files under @relative (as paths relative to @root, '/'
 * separated) to @files: hidden names, links and earlier archives left out. */
static gboolean
collect_files (const char  *root,
               const char  *relative,
               GPtrArray   *files,
               GError     **error)
{
  g_autofree char *dir_path = relative[0] != '\0' ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_relative = relative[0] != '\0' ? g_strconcat (relative, "/", name, NULL)
                                                            : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_relative, NULL);
      GStatBuf info;

      if (name[0] == '.' || g_str_has_suffix (name, ".prisonnum") || g_str_has_suffix (name, "~"))
        continue;
      if (g_lstat (child, &info) != 0)
        continue;
      if (S_ISDIR (info.st_mode))
        {
          if (!collect_files (root, child_relative, files, error))
            return FALSE;
        }
      else if (S_ISREG (info.st_mode))
        {
          g_ptr_array_add (files, g_steal_pointer (&child_relative));
        }
    }

  return TRUE;
}

GPtrArray *
pn_pack_archive_list_files (const char  *pack_dir,
                            GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (pack_dir != NULL, NULL);

  if (!collect_files (pack_dir, "", files, error))
    return NULL;
  g_ptr_array_sort (files, compare_names);

  return g_steal_pointer (&files);
}

static gint64
entry_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  gint64 value;
  char *end = NULL;

  if (epoch == NULL || epoch[0] == '\0')
    return PN_PACK_ARCHIVE_EPOCH;

  value = g_ascii_strtoll (epoch, &end, 10);
  if (end == NULL || *end != '\0')
    return PN_PACK_ARCHIVE_EPOCH;

  /* A zip holds no time before 1980. */
  return MAX (value, PN_PACK_ARCHIVE_EPOCH);
}

/* Writing */

static void
put16 (guint8 *p,
       guint   value)
{
  p[0] = value & 0xff;
  p[1] = (value >> 8) & 0xff;
}

static guint
get16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

/* libarchive writes each entry's MS-DOS time in the local time zone: the
 * same folder would give other bytes in another zone. Every header gets the
 * time in UTC instead (the "UT" extra field holds it in seconds already).
 * The headers are found from the central directory, never by searching. */
static gboolean
set_dos_times (const char  *path,
               gint64       time,
               GError     **error)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  guint dos_time = (g_date_time_get_hour (utc) << 11) | (g_date_time_get_minute (utc) << 5) |
                   (g_date_time_get_second (utc) / 2);
  guint dos_date = ((g_date_time_get_year (utc) - 1980) << 9) | (g_date_time_get_month (utc) << 5) |
                   g_date_time_get_day_of_month (utc);
  guint8 tail[65536 + 22];
  g_autofree guint8 *directory = NULL;
  gboolean ok = FALSE;
  GStatBuf info;
  gsize tail_size;
  gssize end = -1;
  guint32 size;
  guint32 offset;
  int fd;

  fd = g_open (path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &info) != 0)
    goto out;

  tail_size = (gsize) MIN ((goffset) sizeof tail, info.st_size);
  if (pread (fd, tail, tail_size, info.st_size - (goffset) tail_size) != (gssize) tail_size)
    goto out;
  for (gssize i = (gssize) tail_size - 22; i >= 0 && end < 0; i--)
    {
      if (memcmp (tail + i, "PK\005\006", 4) == 0)
        end = i;
    }
  if (end < 0)
    goto out;

  size = get32 (tail + end + 12);
  offset = get32 (tail + end + 16);
  if ((goffset) offset + size > info.st_size)
    goto out;
  directory = g_malloc (MAX (size, 1));
  if (pread (fd, directory, size, offset) != (gssize) size)
    goto out;

  for (guint32 at = 0; at + 46 <= size;)
    {
      guint8 local[4];
      guint32 local_offset;

      if (memcmp (directory + at, "PK\001\002", 4) != 0)
        goto out;
      put16 (directory + at + 12, dos_time);
      put16 (directory + at + 14, dos_date);
      put16 (local, dos_time);
      put16 (local + 2, dos_date);
      local_offset = get32 (directory + at + 42);
      if (pwrite (fd, local, sizeof local, (goffset) local_offset + 10) != sizeof local)
        goto out;
      at += 46 + get16 (directory + at + 28) + get16 (directory + at + 30) + get16 (directory + at + 32);
    }

  ok = pwrite (fd, directory, size, offset) == (gssize) size;

out:
  if (!ok)
    {
      g_autofree char *display = g_path_get_basename (path);

      g_set_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_WRITE,
                   _("%s: cannot be written (%s)"), display, fd < 0 ? g_strerror (errno) : "zip");
    }
  if (fd >= 0)
    close (fd);

  return ok;
}

static gboolean
write_failed (GError         **error,
              struct archive  *archive,
              const char      *archive_path,
              const char      *entry)
{
  g_autofree char *display = g_path_get_basename (archive_path);

  if (entry != NULL)
    g_set_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_WRITE,
                 _("%s: '%s': cannot be written (%s)"), display, entry, archive_error_string (archive));
  else
    g_set_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_WRITE,
                 _("%s: cannot be written (%s)"), display, archive_error_string (archive));

  return FALSE;
}

static gboolean
write_entry (struct archive  *archive,
             const char      *archive_path,
             const char      *root,
             const char      *relative,
             gint64           time,
             GError         **error)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  struct archive_entry *entry;
  gboolean ok = TRUE;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;

  entry = archive_entry_new ();
  archive_entry_set_pathname_utf8 (entry, relative);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_mtime (entry, (time_t) time, 0);
  archive_entry_set_uid (entry, 0);
  archive_entry_set_gid (entry, 0);

  if (archive_write_header (archive, entry) != ARCHIVE_OK ||
      (length > 0 && archive_write_data (archive, data, length) != (la_ssize_t) length) ||
      archive_write_finish_entry (archive) != ARCHIVE_OK)
    ok = write_failed (error, archive, archive_path, relative);

  archive_entry_free (entry);

  return ok;
}

static gboolean
check_sizes (const char  *pack_dir,
             GPtrArray   *files,
             GError     **error)
{
  guint64 total = 0;

  if (files->len > PN_PACK_ARCHIVE_MAX_ENTRIES)
    {
      g_set_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_TOO_LARGE,
                   _("%s: more than %d files; a course pack may hold %d"), pack_dir,
                   PN_PACK_ARCHIVE_MAX_ENTRIES, PN_PACK_ARCHIVE_MAX_ENTRIES);
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_build_filename (pack_dir, g_ptr_array_index (files, i), NULL);
      GStatBuf info;

      if (g_stat (path, &info) == 0)
        total += (guint64) info.st_size;
    }

  if (total > PN_PACK_ARCHIVE_MAX_SIZE)
    {
      g_set_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_TOO_LARGE,
                   _("%s: the files add up to more than %d MB; a course pack may hold %d MB"), pack_dir,
                   PN_PACK_ARCHIVE_MAX_SIZE / (1024 * 1024), PN_PACK_ARCHIVE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_archive (const char  *pack_dir,
               const char  *archive_path,
               const char  *temporary,
               GPtrArray   *files,
               GError     **error)
{
  struct archive *archive = archive_write_new ();
  gint64 time = entry_time ();
  gboolean ok = TRUE;

  archive_write_set_format_zip (archive);
  archive_write_set_options (archive, "zip:compression=deflate,zip:hdrcharset=UTF-8");
  /* No padding to a block size. */
  archive_write_set_bytes_per_block (archive, 0);
  if (archive_write_open_filename (archive, temporary) != ARCHIVE_OK)
    ok = write_failed (error, archive, archive_path, NULL);

  for (guint i = 0; ok && i < files->len; i++)
    ok = write_entry (archive, archive_path, pack_dir, g_ptr_array_index (files, i), time, error);

  if (archive_write_close (archive) != ARCHIVE_OK && ok)
    ok = write_failed (error, archive, archive_path, NULL);
  archive_write_free (archive);

  return ok && set_dos_times (temporary, time, error);
}

gboolean
pn_pack_archive_write (const char  *pack_dir,
                       const char  *archive_path,
                       GError     **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temporary = NULL;
  int fd;

  g_return_val_if_fail (pack_dir != NULL, FALSE);
  g_return_val_if_fail (archive_path != NULL, FALSE);

  files = pn_pack_archive_list_files (pack_dir, error);
  if (files == NULL)
    return FALSE;
  if (!check_sizes (pack_dir, files, error))
    return FALSE;

  /* Written beside, then renamed: a failed build leaves the old file whole. */
  dir = g_path_get_dirname (archive_path);
  base = g_path_get_basename (archive_path);
  temporary = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (temporary);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_WRITE,
                   _("%s: cannot be written (%s)"), archive_path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (!write_archive (pack_dir, archive_path, temporary, files, error))
    {
      g_unlink (temporary);
      return FALSE;
    }

  if (g_chmod (temporary, 0644) != 0 || g_rename (temporary, archive_path) != 0)
    {
      int saved = errno;

      g_unlink (temporary);
      g_set_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_WRITE,
                   _("%s: cannot be written (%s)"), archive_path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
