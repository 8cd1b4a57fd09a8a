/* pn-pack-archive.h: a course pack as one .prisonnum file (a zip of the pack
 * folder, pack.json at its root), read safely and written reproducibly
 *
 * Reading never trusts the archive: every entry is checked before anything
 * is written, and sizes are checked again while the data is read (an entry's
 * header may lie).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Most entries (files and folders) in an archive. */
#define PN_PACK_ARCHIVE_MAX_ENTRIES 10000
/* Most bytes unpacked, all entries together. */
#define PN_PACK_ARCHIVE_MAX_SIZE (200 * 1024 * 1024)
/* Most bytes unpacked for each byte of the archive an entry takes, past a
 * first PN_PACK_ARCHIVE_RATIO_ALLOWANCE (small files compress well). */
#define PN_PACK_ARCHIVE_MAX_RATIO 100
#define PN_PACK_ARCHIVE_RATIO_ALLOWANCE (1024 * 1024)
/* The time written on every entry when SOURCE_DATE_EPOCH is not set:
 * 1980-01-01 00:00:00 UTC, the earliest a zip can hold. */
#define PN_PACK_ARCHIVE_EPOCH ((gint64) 315532800)

#define PN_PACK_ARCHIVE_ERROR (pn_pack_archive_error_quark ())
typedef enum {
  PN_PACK_ARCHIVE_ERROR_UNREADABLE,  /* not a zip, damaged, encrypted, cannot be read */
  PN_PACK_ARCHIVE_ERROR_UNSAFE,      /* a name or an entry type the rules refuse */
  PN_PACK_ARCHIVE_ERROR_TOO_LARGE,   /* too many entries, too big, too compressed */
  PN_PACK_ARCHIVE_ERROR_NO_MANIFEST, /* no pack.json at the root */
  PN_PACK_ARCHIVE_ERROR_WRITE,       /* the folder or file cannot be written */
} PnPackArchiveError;
GQuark pn_pack_archive_error_quark (void);

/* Unpacks the archive at @archive_path into @dest_dir, which must not exist
 * yet: it is created (its parent must exist). On failure returns FALSE, sets
 * @error to a message naming the archive and the entry, and leaves no trace
 * (@dest_dir is removed). Only regular files and folders are made, never
 * links; nothing is written outside @dest_dir. */
gboolean   pn_pack_archive_extract   (const char  *archive_path,
                                      const char  *dest_dir,
                                      GError     **error);

/* Reads every entry of the archive in memory and applies the same rules,
 * writing nothing: @names (may be NULL) gets each entry's name. For the
 * fuzzer and for tests. */
gboolean   pn_pack_archive_scan_data (const void  *data,
                                      gsize        length,
                                      const char  *display_name,
                                      GPtrArray   *names,
                                      GError     **error);

/* Writes the pack folder @pack_dir as a zip at @archive_path (replaced
 * atomically): entries in sorted order, the time SOURCE_DATE_EPOCH (else
 * PN_PACK_ARCHIVE_EPOCH), permissions 0644, no owner, deflated; pack.json
 * first, the other files in byte order of their names (folders are implied).
 * The same folder gives the same bytes. Symbolic links, hidden files and
 * folders (".git") and files that are not regular are left out. */
gboolean   pn_pack_archive_write     (const char  *pack_dir,
                                      const char  *archive_path,
                                      GError     **error);

/* Removes @path and everything in it; symbolic links are removed, never followed. */
void       pn_pack_archive_remove_tree (const char *path);

/* The files of the pack folder @pack_dir that its archive holds: regular
 * files, as relative paths separated by '/', pack.json first, then in byte
 * order; names starting with '.' (".git"), ending in '~' or in ".prisonnum",
 * and symbolic links are left out. NULL with @error when the folder cannot
 * be read. */
GPtrArray *pn_pack_archive_list_files (const char  *pack_dir,
                                       GError     **error);

/* Whether @path names a .prisonnum file (by its name, or a zip by its first bytes). */
gboolean   pn_pack_archive_is_archive (const char *path);

G_END_DECLS
