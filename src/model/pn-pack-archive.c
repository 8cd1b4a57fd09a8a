/* pn-pack-archive.c: reading a .prisonnum file (a zip of a pack folder)
 * without trusting it
 *
 * Each entry is checked before anything of it is written: its name (UTF-8,
 * relative, no "..", no two names that a case-insensitive or normalising file
 * system would take for one), its type (regular files and folders only), the
 * number of entries. Sizes are counted again as the data is read, so that a
 * header that lies about them (a zip bomb) is caught as it unpacks: in all,
 * and for each entry against the bytes of the archive it took.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pn-pack-archive.h"
#include "pn-pack-archive-private.h"

G_DEFINE_QUARK (pn-pack-archive-error-quark, pn_pack_archive_error)

/* The total limit; tests lower it (pn-pack-archive-private.h). */
static guint64 max_size = PN_PACK_ARCHIVE_MAX_SIZE;

void
pn_pack_archive_set_max_size_for_tests (guint64 size)
{
  max_size = size != 0 ? size : PN_PACK_ARCHIVE_MAX_SIZE;
}

typedef struct {
  char *name;          /* as written in the archive */
  gboolean is_dir;
  gboolean explicit;   /* an entry of its own, not only a parent of one */
} Seen;

typedef struct {
  const char *display;      /* the archive, as messages name it */
  const char *dest_dir;     /* NULL: read and check only */
  GPtrArray *names;         /* may be NULL */
  GHashTable *seen;         /* folded name -> Seen */
  guint n_entries;
  guint64 total;
  char *nested_manifest;    /* "folder/pack.json" when that is where it is */
  gboolean has_manifest;
} Walk;

static void
seen_free (Seen *seen)
{
  g_free (seen->name);
  g_free (seen);
}

static gboolean
fail (GError    **error,
      Walk       *walk,
      int         code,
      const char *entry,
      const char *format,
      ...) G_GNUC_PRINTF (5, 6);

/* "ARCHIVE: 'ENTRY': message", or "ARCHIVE: message" without an entry. */
static gboolean
fail (GError    **error,
      Walk       *walk,
      int         code,
      const char *entry,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (entry != NULL)
    g_set_error (error, PN_PACK_ARCHIVE_ERROR, code, "%s: '%s': %s", walk->display, entry, message);
  else
    g_set_error (error, PN_PACK_ARCHIVE_ERROR, code, "%s: %s", walk->display, message);

  return FALSE;
}

static gboolean
fail_too_large (GError    **error,
                Walk       *walk,
                const char *name)
{
  g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, max_size / (1024 * 1024));

  return fail (error, walk, PN_PACK_ARCHIVE_ERROR_TOO_LARGE, name,
               _("the archive unpacks to more than %s MB; that is all a course pack may hold"), limit);
}

/* Names */

/* The name as a case-insensitive, normalising file system would see it. */
static char *
fold_name (const char *name,
           gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (name, length);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

/* The entry's name, valid UTF-8, or NULL. */
static const char *
entry_name (struct archive_entry *entry)
{
  const char *raw = archive_entry_pathname (entry);
  const char *utf8;

  if (raw != NULL)
    return g_utf8_validate (raw, -1, NULL) ? raw : NULL;

  /* The locale cannot spell it: the UTF-8 form the zip gave. */
  utf8 = archive_entry_pathname_utf8 (entry);

  return utf8 != NULL && g_utf8_validate (utf8, -1, NULL) ? utf8 : NULL;
}

/* FALSE (@error set) unless @name is a relative path of plain components. */
static gboolean
check_name_form (Walk        *walk,
                 const char  *name,
                 GError     **error)
{
  g_auto(GStrv) parts = NULL;
  gsize length = strlen (name);

  if (length == 0 || g_str_equal (name, "/"))
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s", _("an entry has an empty name"));
  if (name[0] == '/' || (g_ascii_isalpha (name[0]) && name[1] == ':'))
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                 _("an absolute path; the names in a pack archive are relative to the pack folder"));
  if (strchr (name, '\\') != NULL)
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                 _("the name contains a backslash; folders are separated with '/'"));

  for (const char *p = name; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                     _("the name contains a control character"));
    }

  /* A folder's name may end with '/'. */
  if (name[length - 1] == '/')
    length--;
  {
    g_autofree char *trimmed = g_strndup (name, length);

    parts = g_strsplit (trimmed, "/", -1);
  }
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                     _("the name contains '..' (it would lead outside the pack folder)"));
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                     _("the name has an empty or '.' folder in it"));
    }

  return TRUE;
}

/* Records @name (and its folders) in the names seen; FALSE (@error set)
 * when it is one already seen, as a file system that ignores case or the
 * encoding of accents would see it. */
static gboolean
remember_name (Walk        *walk,
               const char  *name,
               gboolean     is_dir,
               GError     **error)
{
  gsize length = strlen (name);
  g_autofree char *key = NULL;
  Seen *seen;

  if (name[length - 1] == '/')
    length--;

  /* Its folders first: none of them may be a file. */
  for (gsize i = 0; i < length; i++)
    {
      g_autofree char *parent_key = NULL;

      if (name[i] != '/')
        continue;
      parent_key = fold_name (name, (gssize) i);
      seen = g_hash_table_lookup (walk->seen, parent_key);
      if (seen != NULL && !seen->is_dir)
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name,
                     _("'%s' is a file in this archive, not a folder"), seen->name);
      if (seen != NULL && (strlen (seen->name) != i || strncmp (seen->name, name, i) != 0))
        {
          g_autofree char *folder = g_strndup (name, i);

          return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name,
                       _("its folder '%s' has the same name as '%s' once case and the encoding of "
                         "accents are ignored (many systems would make them one folder)"),
                       folder, seen->name);
        }
      if (seen == NULL)
        {
          seen = g_new0 (Seen, 1);
          seen->name = g_strndup (name, i);
          seen->is_dir = TRUE;
          g_hash_table_insert (walk->seen, g_steal_pointer (&parent_key), seen);
        }
    }

  key = fold_name (name, (gssize) length);
  seen = g_hash_table_lookup (walk->seen, key);
  if (seen != NULL)
    {
      if (is_dir && seen->is_dir && !seen->explicit &&
          strlen (seen->name) == length && strncmp (seen->name, name, length) == 0)
        {
          seen->explicit = TRUE;
          return TRUE;
        }
      if (g_str_equal (seen->name, name) || (is_dir && strncmp (seen->name, name, length) == 0))
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                     _("the archive holds this name twice"));
      return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name,
                   _("the same name as '%s' once case and the encoding of accents are ignored "
                     "(many systems would make them one file)"), seen->name);
    }

  seen = g_new0 (Seen, 1);
  seen->name = g_strndup (name, length);
  seen->is_dir = is_dir;
  seen->explicit = TRUE;
  g_hash_table_insert (walk->seen, g_steal_pointer (&key), seen);

  return TRUE;
}

/* Entries */

static gboolean
check_type (Walk                 *walk,
            struct archive_entry *entry,
            const char           *name,
            GError              **error)
{
  mode_t type = archive_entry_filetype (entry);

  if (archive_entry_hardlink (entry) != NULL)
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                 _("a hard link; a pack archive holds only files and folders"));
  if (type == AE_IFLNK || archive_entry_symlink (entry) != NULL)
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                 _("a symbolic link; a pack archive holds only files and folders"));
  if (type != AE_IFREG && type != AE_IFDIR)
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, name, "%s",
                 _("a device or special file; a pack archive holds only files and folders"));
  if (archive_entry_is_encrypted (entry))
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNREADABLE, name, "%s",
                 _("the entry is encrypted; a pack archive cannot have a password"));

  return TRUE;
}

/* Makes each missing folder of @relative (up to, not including, its last
 * component; all of it when @whole) under the destination. */
static gboolean
make_folders (Walk        *walk,
              const char  *relative,
              gboolean     whole,
              GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (relative, "/", -1);
  g_autofree char *path = g_strdup (walk->dest_dir);
  guint n = g_strv_length (parts);

  /* A folder's trailing '/' leaves an empty last part. */
  while (n > 0 && parts[n - 1][0] == '\0')
    n--;
  if (!whole && n > 0)
    n--;

  for (guint i = 0; i < n; i++)
    {
      char *next = g_build_filename (path, parts[i], NULL);
      GStatBuf info;

      g_free (path);
      path = next;
      if (g_mkdir (path, 0755) == 0)
        continue;
      if (errno == EEXIST && g_lstat (path, &info) == 0 && S_ISDIR (info.st_mode))
        continue;
      return fail (error, walk, PN_PACK_ARCHIVE_ERROR_WRITE, relative,
                   _("cannot make the folder '%s': %s"), path, g_strerror (errno));
    }

  return TRUE;
}

static gboolean
write_all (int          fd,
           const void  *data,
           size_t       size)
{
  const char *p = data;

  while (size > 0)
    {
      ssize_t n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      p += n;
      size -= (size_t) n;
    }

  return TRUE;
}

/* Reads the data of the current entry, writing it to @fd (-1: nowhere),
 * counting the bytes against the limits as they come. */
static gboolean
read_data (Walk            *walk,
           struct archive  *archive,
           struct archive_entry *entry,
           const char      *name,
           int              fd,
           GError         **error)
{
  la_int64_t start = archive_filter_bytes (archive, -1);
  guint64 entry_bytes = 0;

  for (;;)
    {
      const void *buffer = NULL;
      size_t size = 0;
      la_int64_t offset = 0;
      int status = archive_read_data_block (archive, &buffer, &size, &offset);
      guint64 taken;

      if (status == ARCHIVE_EOF)
        return TRUE;
      if (status < ARCHIVE_WARN)
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNREADABLE, name,
                     _("the data cannot be read (%s)"), archive_error_string (archive));
      if (offset < 0 || (guint64) offset != entry_bytes)
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNREADABLE, name, "%s",
                     _("the data is out of order; is the archive damaged?"));

      entry_bytes += size;
      walk->total += size;
      if (walk->total > max_size)
        return fail_too_large (error, walk, name);

      taken = (guint64) MAX (archive_filter_bytes (archive, -1) - start, 1);
      if (entry_bytes > PN_PACK_ARCHIVE_RATIO_ALLOWANCE && entry_bytes / taken > PN_PACK_ARCHIVE_MAX_RATIO)
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_TOO_LARGE, name,
                     _("the entry unpacks to more than %d times its size in the archive, which no "
                       "course text does (is it a zip bomb?)"), PN_PACK_ARCHIVE_MAX_RATIO);

      if (fd >= 0 && size > 0 && !write_all (fd, buffer, size))
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_WRITE, name,
                     _("cannot write the file: %s"), g_strerror (errno));
    }
}

static gboolean
extract_entry (Walk                 *walk,
               struct archive       *archive,
               struct archive_entry *entry,
               const char           *name,
               gboolean              is_dir,
               GError              **error)
{
  g_autofree char *path = NULL;
  gboolean ok;
  int fd;

  if (walk->dest_dir == NULL)
    return read_data (walk, archive, entry, name, -1, error);

  if (!make_folders (walk, name, is_dir, error))
    return FALSE;
  if (is_dir)
    return read_data (walk, archive, entry, name, -1, error);

  path = g_build_filename (walk->dest_dir, name, NULL);
  fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0)
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_WRITE, name,
                 _("cannot make the file: %s"), g_strerror (errno));

  ok = read_data (walk, archive, entry, name, fd, error);
  if (close (fd) != 0 && ok)
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_WRITE, name,
                 _("cannot write the file: %s"), g_strerror (errno));

  return ok;
}

static gboolean
walk_entry (Walk                 *walk,
            struct archive       *archive,
            struct archive_entry *entry,
            GError              **error)
{
  const char *name = entry_name (entry);
  gboolean is_dir;

  walk->n_entries++;
  if (walk->n_entries > PN_PACK_ARCHIVE_MAX_ENTRIES)
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_TOO_LARGE, NULL,
                 _("the archive has more than %d entries; a course pack may have %d files and "
                   "folders in all"), PN_PACK_ARCHIVE_MAX_ENTRIES, PN_PACK_ARCHIVE_MAX_ENTRIES);

  if (name == NULL)
    {
      const char *raw = archive_entry_pathname (entry);
      g_autofree char *shown = raw != NULL ? g_utf8_make_valid (raw, -1) : g_strdup ("?");

      return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNSAFE, shown, "%s",
                   _("the name is not in UTF-8; make the archive again with a tool that writes UTF-8 "
                     "names (prisonnum-pack build does)"));
    }

  if (!check_name_form (walk, name, error) || !check_type (walk, entry, name, error))
    return FALSE;

  is_dir = archive_entry_filetype (entry) == AE_IFDIR;
  if (!remember_name (walk, name, is_dir, error))
    return FALSE;

  /* What the header says is checked first, what comes out as it comes. */
  if (!is_dir && archive_entry_size_is_set (entry) &&
      archive_entry_size (entry) > (la_int64_t) (max_size - walk->total))
    return fail_too_large (error, walk, name);

  if (g_str_equal (name, "pack.json") && !is_dir)
    walk->has_manifest = TRUE;
  else if (walk->nested_manifest == NULL && g_str_has_suffix (name, "/pack.json") &&
           strchr (name, '/') == name + strlen (name) - strlen ("/pack.json"))
    walk->nested_manifest = g_strdup (name);

  if (walk->names != NULL)
    g_ptr_array_add (walk->names, g_strdup (name));

  return extract_entry (walk, archive, entry, name, is_dir, error);
}

static gboolean
walk_archive (Walk            *walk,
              struct archive  *archive,
              int              open_status,
              GError         **error)
{
  struct archive_entry *entry = NULL;
  int status;

  if (open_status != ARCHIVE_OK)
    return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNREADABLE, NULL,
                 _("not a course pack archive (a zip file): %s"), archive_error_string (archive));

  while ((status = archive_read_next_header (archive, &entry)) != ARCHIVE_EOF)
    {
      if (status < ARCHIVE_WARN)
        return fail (error, walk, PN_PACK_ARCHIVE_ERROR_UNREADABLE, NULL,
                     _("the archive cannot be read (%s)"), archive_error_string (archive));
      if (!walk_entry (walk, archive, entry, error))
        return FALSE;
    }

  if (walk->has_manifest)
    return TRUE;
  if (walk->nested_manifest != NULL)
    {
      g_autofree char *folder = g_strndup (walk->nested_manifest,
                                           strlen (walk->nested_manifest) - strlen ("/pack.json"));

      return fail (error, walk, PN_PACK_ARCHIVE_ERROR_NO_MANIFEST, NULL,
                   _("pack.json is in the folder '%s', not at the root of the archive; make the "
                     "archive from inside that folder (prisonnum-pack build %s -o FILE does)"),
                   folder, folder);
    }

  return fail (error, walk, PN_PACK_ARCHIVE_ERROR_NO_MANIFEST, NULL, "%s",
               _("there is no pack.json at the root of the archive"));
}

static void
walk_init (Walk       *walk,
           const char *display,
           const char *dest_dir,
           GPtrArray  *names)
{
  walk->display = display;
  walk->dest_dir = dest_dir;
  walk->names = names;
  walk->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) seen_free);
}

static void
walk_clear (Walk *walk)
{
  g_hash_table_unref (walk->seen);
  g_free (walk->nested_manifest);
}

static struct archive *
new_reader (void)
{
  struct archive *archive = archive_read_new ();

  /* Seekable: an entry's type and permissions are in the central directory. */
  archive_read_support_format_zip_seekable (archive);
  /* Names without the UTF-8 flag come as they are written, and are then
   * checked to be UTF-8; names with it are converted to the locale's
   * encoding, which must be UTF-8 for them to be read (the tool makes sure). */

  return archive;
}

gboolean
pn_pack_archive_scan_data (const void  *data,
                           gsize        length,
                           const char  *display_name,
                           GPtrArray   *names,
                           GError     **error)
{
  struct archive *archive = new_reader ();
  Walk walk = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  walk_init (&walk, display_name != NULL ? display_name : "archive", NULL, names);
  ok = walk_archive (&walk, archive, archive_read_open_memory (archive, data, length), error);
  walk_clear (&walk);
  archive_read_free (archive);

  return ok;
}

void
pn_pack_archive_remove_tree (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) != 0)
    return;

  if (S_ISDIR (info.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          pn_pack_archive_remove_tree (child);
        }
      g_rmdir (path);
      return;
    }

  g_unlink (path);
}

gboolean
pn_pack_archive_extract (const char  *archive_path,
                         const char  *dest_dir,
                         GError     **error)
{
  g_autofree char *display = NULL;
  struct archive *archive;
  Walk walk = { 0 };
  gboolean ok;

  g_return_val_if_fail (archive_path != NULL, FALSE);
  g_return_val_if_fail (dest_dir != NULL, FALSE);

  display = g_path_get_basename (archive_path);
  if (g_mkdir (dest_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_WRITE,
                   _("%s: cannot make the folder '%s' to unpack it in: %s"),
                   display, dest_dir, g_strerror (saved));
      return FALSE;
    }

  archive = new_reader ();
  walk_init (&walk, display, dest_dir, NULL);
  ok = walk_archive (&walk, archive, archive_read_open_filename (archive, archive_path, 65536), error);
  walk_clear (&walk);
  archive_read_free (archive);

  if (!ok)
    pn_pack_archive_remove_tree (dest_dir);

  return ok;
}

gboolean
pn_pack_archive_is_archive (const char *path)
{
  char magic[4] = { 0 };
  FILE *file;
  gboolean zip;

  if (path == NULL)
    return FALSE;
  if (g_str_has_suffix (path, ".prisonnum"))
    return TRUE;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  file = g_fopen (path, "rb");
  if (file == NULL)
    return FALSE;
  zip = fread (magic, 1, sizeof magic, file) == sizeof magic && memcmp (magic, "PK\003\004", 4) == 0;
  fclose (file);

  return zip;
}
