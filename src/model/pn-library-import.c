/* pn-library-import.c: a .prisonnum file (or a pack folder) unpacked and
 * checked into a staging folder of the library, then moved into place
 *
 * The staging folder (".import-XXXXXX") is inside the library folder, so
 * that installing is a rename on one file system: the pack unpacks into
 * STAGING/pack, which is exchanged with the installed folder in one step
 * (renameat2 RENAME_EXCHANGE, else two renames undone on failure).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pn-library-private.h"
#include "pn-pack-archive.h"
#include "pn-pack-check.h"
#include "pn-text.h"

struct _PnLibraryImport
{
  PnLibrary           *library;
  GFile               *file;
  char                *staging;    /* the staging folder, NULL once removed */
  char                *unpacked;   /* STAGING/pack */
  PnPack              *pack;
  PnLibraryImportKind  kind;
  PnLibraryPack       *installed;
  PnPackDiff          *diff;
  gboolean             other_author;
  GPtrArray           *warnings;
};

/* Versions and authors */

static gboolean
all_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* Numbers without their leading zeros, compared by length then digits (no overflow). */
static int
compare_numbers (const char *a,
                 const char *b)
{
  gsize la, lb;

  while (*a == '0' && a[1] != '\0')
    a++;
  while (*b == '0' && b[1] != '\0')
    b++;
  la = strlen (a);
  lb = strlen (b);
  if (la != lb)
    return la < lb ? -1 : 1;
  return strcmp (a, b);
}

int
pn_library_compare_versions (const char *a,
                             const char *b)
{
  g_auto(GStrv) pa = NULL;
  g_auto(GStrv) pb = NULL;
  guint na, nb;

  if (a == NULL || *a == '\0' || b == NULL || *b == '\0')
    return (a != NULL && *a != '\0') - (b != NULL && *b != '\0');

  pa = g_strsplit (a, ".", -1);
  pb = g_strsplit (b, ".", -1);
  na = g_strv_length (pa);
  nb = g_strv_length (pb);
  for (guint i = 0; i < MAX (na, nb); i++)
    {
      const char *x = i < na ? g_strstrip (pa[i]) : "0";
      const char *y = i < nb ? g_strstrip (pb[i]) : "0";
      int order = all_digits (x) && all_digits (y) ? compare_numbers (x, y) : strcmp (x, y);

      if (order != 0)
        return order < 0 ? -1 : 1;
    }
  return 0;
}

gboolean
pn_library_authors_differ (GPtrArray *a,
                           GPtrArray *b)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((a == NULL || a->len == 0) && (b == NULL || b->len == 0))
    return FALSE;
  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      const PnPerson *person = g_ptr_array_index (a, i);

      if (person->name != NULL)
        g_hash_table_add (names, g_strstrip (pn_text_fold_accents (person->name)));
    }
  for (guint i = 0; b != NULL && i < b->len; i++)
    {
      const PnPerson *person = g_ptr_array_index (b, i);
      g_autofree char *key = NULL;

      if (person->name == NULL)
        continue;
      key = g_strstrip (pn_text_fold_accents (person->name));
      if (g_hash_table_contains (names, key))
        return FALSE;
    }
  return TRUE;
}

/* Staging */

/* Copies the files a pack's archive would hold (pn_pack_archive_list_files())
 * from the folder @from into the new folder @to. */
static gboolean
copy_pack_folder (const char  *from,
                  const char  *to,
                  GError     **error)
{
  g_autoptr(GPtrArray) files = pn_pack_archive_list_files (from, error);

  if (files == NULL)
    return FALSE;
  if (g_mkdir (to, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s cannot be created: %s"), to, g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < files->len; i++)
    {
      const char *relative = g_ptr_array_index (files, i);
      g_autofree char *source_path = g_build_filename (from, relative, NULL);
      g_autofree char *target_path = g_build_filename (to, relative, NULL);
      g_autofree char *target_dir = g_path_get_dirname (target_path);
      g_autoptr(GFile) source = g_file_new_for_path (source_path);
      g_autoptr(GFile) target = g_file_new_for_path (target_path);

      if (g_mkdir_with_parents (target_dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s cannot be created: %s"), target_dir, g_strerror (saved_errno));
          return FALSE;
        }
      if (!g_file_copy (source, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Puts the pack of @file into self->unpacked; errors as the contract says. */
static gboolean
unpack (PnLibraryImport  *self,
        GError          **error)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (path == NULL)
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID,
                   _("%s is not a local file"), name);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    ok = copy_pack_folder (path, self->unpacked, &local_error);
  else if (g_strcmp0 (name, "pack.json") == 0)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      ok = copy_pack_folder (folder, self->unpacked, &local_error);
    }
  else if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && pn_pack_archive_is_archive (path))
    ok = pn_pack_archive_extract (path, self->unpacked, &local_error);
  else
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID,
                   g_file_test (path, G_FILE_TEST_EXISTS)
                   ? _("%s is not a course pack (a .prisonnum file or a pack folder)")
                   : _("%s does not exist"), name);
      return FALSE;
    }
  if (ok)
    return TRUE;

  if (g_error_matches (local_error, PN_PACK_ARCHIVE_ERROR, PN_PACK_ARCHIVE_ERROR_WRITE) ||
      local_error->domain == G_IO_ERROR)
    g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_WRITE, "%s", local_error->message);
  else
    g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID, "%s", local_error->message);
  return FALSE;
}

/* The first error of @diagnostics as the message, with how many others there are. */
static void
set_pack_error (GPtrArray  *diagnostics,
                GError    **error)
{
  guint n_errors = pn_diagnostics_count (diagnostics, PN_SEVERITY_ERROR);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const PnDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *located = NULL;

      if (diagnostic->severity != PN_SEVERITY_ERROR)
        continue;
      located = pn_diagnostic_to_located_message (diagnostic);
      if (n_errors > 1)
        g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "%s (and %u more error)",
                                  "%s (and %u more errors)", n_errors - 1),
                     located, n_errors - 1);
      else
        g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID, "%s", located);
      return;
    }
}

/* Loads and checks self->unpacked: self->pack and self->warnings. */
static gboolean
check (PnLibraryImport  *self,
       GCancellable     *cancellable,
       GError          **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (self->unpacked);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PnPackCheck) checked = pn_pack_check_run (folder, cancellable, &local_error);
  GPtrArray *diagnostics;

  if (checked == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_INVALID, "%s", local_error->message);
      return FALSE;
    }
  diagnostics = pn_pack_check_get_diagnostics (checked);
  if (pn_diagnostics_has_errors (diagnostics))
    {
      set_pack_error (diagnostics, error);
      return FALSE;
    }
  for (guint i = 0; i < diagnostics->len; i++)
    g_ptr_array_add (self->warnings, pn_diagnostic_copy (g_ptr_array_index (diagnostics, i)));
  self->pack = g_object_ref (pn_pack_check_get_pack (checked));
  return TRUE;
}

/* Compares with the installed pack of that id. */
static gboolean
compare (PnLibraryImport  *self,
         GError          **error)
{
  const char *id = pn_pack_get_id (self->pack);
  g_autoptr(PnLibraryPack) bundled = pn_library_get_bundled_pack (self->library);
  g_autoptr(GFile) installed_root = NULL;
  g_autoptr(PnPack) installed_pack = NULL;
  int order;

  if (bundled != NULL && strcmp (bundled->id, id) == 0)
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_BUNDLED,
                   _("This pack has the id of the bundled essay (“%s”), which cannot be replaced"), id);
      return FALSE;
    }

  self->installed = pn_library_lookup (self->library, id);
  if (self->installed == NULL)
    {
      self->kind = PN_LIBRARY_IMPORT_NEW;
      return TRUE;
    }

  order = pn_library_compare_versions (pn_pack_get_version (self->pack), self->installed->version);
  self->kind = order > 0 ? PN_LIBRARY_IMPORT_UPDATE
               : order == 0 ? PN_LIBRARY_IMPORT_SAME_VERSION : PN_LIBRARY_IMPORT_OLDER;

  installed_root = g_file_new_for_path (self->installed->path);
  installed_pack = pn_pack_load (installed_root, NULL, NULL);
  if (installed_pack != NULL)
    {
      self->diff = pn_pack_diff_new (installed_pack, self->pack);
      self->other_author = pn_library_authors_differ (pn_pack_get_authors (installed_pack),
                                                      pn_pack_get_authors (self->pack));
    }
  return TRUE;
}

PnLibraryImport *
pn_library_prepare_import (PnLibrary     *self,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(PnLibraryImport) import = NULL;

  g_return_val_if_fail (PN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!pn_library_ensure_dir (self, error))
    return NULL;

  import = g_new0 (PnLibraryImport, 1);
  import->library = g_object_ref (self);
  import->file = g_object_ref (file);
  import->warnings = pn_diagnostics_new ();
  import->staging = g_build_filename (pn_library_get_dir (self), PN_LIBRARY_STAGING_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (import->staging, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_WRITE,
                   _("The library folder %s cannot be written: %s"),
                   pn_library_get_dir (self), g_strerror (saved_errno));
      g_clear_pointer (&import->staging, g_free);
      return NULL;
    }
  import->unpacked = g_build_filename (import->staging, "pack", NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !unpack (import, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !check (import, cancellable, error) ||
      !compare (import, error))
    return NULL;   /* the staging folder goes with the import */

  return g_steal_pointer (&import);
}

PnLibraryImportKind
pn_library_import_get_kind (PnLibraryImport *import)
{
  g_return_val_if_fail (import != NULL, PN_LIBRARY_IMPORT_NEW);
  return import->kind;
}

PnPack *
pn_library_import_get_pack (PnLibraryImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->pack;
}

GFile *
pn_library_import_get_file (PnLibraryImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->file;
}

const PnLibraryPack *
pn_library_import_get_installed (PnLibraryImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->installed;
}

PnPackDiff *
pn_library_import_get_diff (PnLibraryImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->diff;
}

gboolean
pn_library_import_is_other_author (PnLibraryImport *import)
{
  g_return_val_if_fail (import != NULL, FALSE);
  return import->other_author;
}

GPtrArray *
pn_library_import_get_warnings (PnLibraryImport *import)
{
  g_return_val_if_fail (import != NULL, NULL);
  return import->warnings;
}

/* Installing */

/* Puts @from at @to, where a pack is installed already: exchanged in one
 * step when the system can, else the old one moved aside to @old first and
 * put back if the new one cannot take its place. */
static int
replace_folder (const char *from,
                const char *to,
                const char *old)
{
#ifdef RENAME_EXCHANGE
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0)
    return 0;
  if (errno != EINVAL && errno != ENOSYS)
    return -1;
#endif
  if (g_rename (to, old) != 0)
    return -1;
  if (g_rename (from, to) != 0)
    {
      int saved_errno = errno;

      g_rename (old, to);
      errno = saved_errno;
      return -1;
    }
  return 0;
}

GFile *
pn_library_import_commit (PnLibraryImport  *import,
                          gboolean          allow_not_newer,
                          GError          **error)
{
  const char *id;
  g_autofree char *target = NULL;
  g_autofree char *old = NULL;
  int status;

  g_return_val_if_fail (import != NULL, NULL);

  if (import->staging == NULL)
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_NOT_FOUND,
                   _("This import was already installed"));
      return NULL;
    }
  if (!allow_not_newer &&
      (import->kind == PN_LIBRARY_IMPORT_SAME_VERSION || import->kind == PN_LIBRARY_IMPORT_OLDER))
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_NOT_NEWER,
                   import->kind == PN_LIBRARY_IMPORT_SAME_VERSION
                   ? _("This version of the course pack is installed already")
                   : _("A newer version of the course pack is installed already"));
      return NULL;
    }

  id = pn_pack_get_id (import->pack);
  target = g_build_filename (pn_library_get_dir (import->library), id, NULL);
  old = g_build_filename (import->staging, "old", NULL);
  if (g_file_test (target, G_FILE_TEST_EXISTS) || g_file_test (target, G_FILE_TEST_IS_SYMLINK))
    status = replace_folder (import->unpacked, target, old);
  else
    status = g_rename (import->unpacked, target);
  if (status != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_WRITE,
                   _("The course pack cannot be installed in %s: %s"),
                   pn_library_get_dir (import->library), g_strerror (saved_errno));
      return NULL;
    }

  /* The old pack (STAGING/pack after an exchange, else STAGING/old) goes with the staging folder. */
  pn_pack_archive_remove_tree (import->staging);
  g_clear_pointer (&import->staging, g_free);

  /* The pack, read again where it now is (its staging folder is gone). */
  {
    g_autoptr(GFile) installed = g_file_new_for_path (target);
    PnPack *pack = pn_pack_load (installed, NULL, NULL);

    if (pack != NULL)
      g_set_object (&import->pack, pack);
    g_clear_object (&pack);
  }
  pn_library_emit_changed (import->library);
  return g_file_new_for_path (target);
}

void
pn_library_import_free (PnLibraryImport *import)
{
  if (import == NULL)
    return;
  if (import->staging != NULL)
    pn_pack_archive_remove_tree (import->staging);
  g_free (import->staging);
  g_free (import->unpacked);
  g_clear_object (&import->library);
  g_clear_object (&import->file);
  g_clear_object (&import->pack);
  pn_library_pack_free (import->installed);
  g_clear_pointer (&import->diff, pn_pack_diff_free);
  g_clear_pointer (&import->warnings, g_ptr_array_unref);
  g_free (import);
}
