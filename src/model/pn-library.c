/* pn-library.c: the course packs installed for the student: listing them,
 * and removing one with Undo (importing is in pn-library-import.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pn-library-private.h"
#include "pn-pack-archive.h"
#include "pn-text.h"

struct _PnLibrary
{
  GObject parent_instance;

  char  *dir;
  GFile *bundled_dir;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (pn-library-error-quark, pn_library_error)
G_DEFINE_FINAL_TYPE (PnLibrary, pn_library, G_TYPE_OBJECT)

static void
pn_library_finalize (GObject *object)
{
  PnLibrary *self = PN_LIBRARY (object);

  g_free (self->dir);
  g_clear_object (&self->bundled_dir);
  G_OBJECT_CLASS (pn_library_parent_class)->finalize (object);
}

static void
pn_library_class_init (PnLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pn_library_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
pn_library_init (PnLibrary *self)
{
}

/* Staging folders of imports that never ended, and packs moved aside and
 * never purged: the app stopped before it could clean up. */
static void
purge_leftovers (PnLibrary *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, PN_LIBRARY_STAGING_PREFIX) ||
          g_str_has_prefix (name, PN_LIBRARY_REMOVED_PREFIX))
        {
          g_autofree char *path = g_build_filename (self->dir, name, NULL);

          pn_pack_archive_remove_tree (path);
        }
    }
}

PnLibrary *
pn_library_new (const char *packs_dir,
                GFile      *bundled_dir)
{
  PnLibrary *self = g_object_new (PN_TYPE_LIBRARY, NULL);
  g_autofree char *dir = packs_dir != NULL ? g_strdup (packs_dir) : pn_library_default_dir ();

  /* Absolute and without a trailing '/', so that the removal tokens made from it can be recognised. */
  self->dir = g_canonicalize_filename (dir, NULL);
  self->bundled_dir = bundled_dir != NULL ? g_object_ref (bundled_dir) : NULL;
  purge_leftovers (self);
  return self;
}

char *
pn_library_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "prisonnum", "packs", NULL);
}

const char *
pn_library_get_dir (PnLibrary *self)
{
  g_return_val_if_fail (PN_IS_LIBRARY (self), NULL);
  return self->dir;
}

gboolean
pn_library_ensure_dir (PnLibrary  *self,
                       GError    **error)
{
  if (g_mkdir_with_parents (self->dir, 0700) == 0)
    return TRUE;
  {
    int saved_errno = errno;

    g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_WRITE,
                 _("The library folder %s cannot be created: %s"), self->dir,
                 g_strerror (saved_errno));
  }
  return FALSE;
}

void
pn_library_emit_changed (PnLibrary *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

PnLibraryPack *
pn_library_get_bundled_pack (PnLibrary *self)
{
  g_autofree char *path = NULL;

  if (self->bundled_dir == NULL)
    return NULL;
  path = g_file_get_path (self->bundled_dir);
  return path != NULL ? pn_library_pack_read (path, TRUE) : NULL;
}

static int
compare_by_title (gconstpointer a,
                  gconstpointer b)
{
  const PnLibraryPack *pa = *(PnLibraryPack * const *) a;
  const PnLibraryPack *pb = *(PnLibraryPack * const *) b;
  g_autofree char *ka = pn_text_fold_accents (pa->title);
  g_autofree char *kb = pn_text_fold_accents (pb->title);
  int order = g_utf8_collate (ka, kb);

  return order != 0 ? order : strcmp (pa->id, pb->id);
}

/* The installed packs (not the bundled one), in the order of the folder. */
static GPtrArray *
list_installed (PnLibrary  *self,
                const char *bundled_id)
{
  GPtrArray *packs = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_library_pack_free);
  g_autoptr(GDir) dir = g_dir_open (self->dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    return packs;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      PnLibraryPack *pack;

      if (name[0] == '.')
        continue;
      path = g_build_filename (self->dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      pack = pn_library_pack_read (path, FALSE);
      /* A folder is the pack its name says, and the bundled essay is never shadowed. */
      if (pack == NULL || strcmp (pack->id, name) != 0 || g_strcmp0 (pack->id, bundled_id) == 0)
        {
          pn_library_pack_free (pack);
          continue;
        }
      g_ptr_array_add (packs, pack);
    }
  return packs;
}

GPtrArray *
pn_library_list (PnLibrary *self)
{
  GPtrArray *packs = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_library_pack_free);
  PnLibraryPack *bundled;
  g_autoptr(GPtrArray) installed = NULL;

  g_return_val_if_fail (PN_IS_LIBRARY (self), packs);

  bundled = pn_library_get_bundled_pack (self);
  if (bundled != NULL)
    g_ptr_array_add (packs, bundled);
  installed = list_installed (self, bundled != NULL ? bundled->id : NULL);
  g_ptr_array_sort (installed, compare_by_title);
  g_ptr_array_extend_and_steal (packs, g_steal_pointer (&installed));
  return packs;
}

guint
pn_library_count (PnLibrary *self)
{
  g_autoptr(GPtrArray) packs = pn_library_list (self);

  return packs->len;
}

PnLibraryPack *
pn_library_lookup (PnLibrary  *self,
                   const char *id)
{
  g_autoptr(PnLibraryPack) bundled = NULL;
  g_autofree char *path = NULL;
  PnLibraryPack *pack;

  g_return_val_if_fail (PN_IS_LIBRARY (self), NULL);

  if (id == NULL || *id == '\0' || id[0] == '.' || strchr (id, '/') != NULL)
    return NULL;
  bundled = pn_library_get_bundled_pack (self);
  if (bundled != NULL && strcmp (bundled->id, id) == 0)
    return g_steal_pointer (&bundled);

  path = g_build_filename (self->dir, id, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return NULL;
  pack = pn_library_pack_read (path, FALSE);
  if (pack != NULL && strcmp (pack->id, id) != 0)
    g_clear_pointer (&pack, pn_library_pack_free);
  return pack;
}

gboolean
pn_library_contains (PnLibrary *self,
                     GFile     *location)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *name = NULL;
  g_autoptr(PnLibraryPack) pack = NULL;

  g_return_val_if_fail (PN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (location), FALSE);

  name = g_file_get_basename (location);
  if (g_strcmp0 (name, "pack.json") == 0)
    folder = g_file_get_parent (location);
  else
    folder = g_object_ref (location);
  if (folder == NULL)
    return FALSE;

  if (self->bundled_dir != NULL && g_file_equal (folder, self->bundled_dir))
    return TRUE;

  dir = g_file_new_for_path (self->dir);
  if (!g_file_has_parent (folder, dir))
    return FALSE;
  g_free (name);
  name = g_file_get_basename (folder);
  pack = pn_library_lookup (self, name);
  return pack != NULL && !pack->bundled;
}

/* Removing, with Undo */

static gboolean
check_removable (PnLibrary   *self,
                 const char  *id,
                 GError     **error)
{
  g_autoptr(PnLibraryPack) pack = pn_library_lookup (self, id);

  if (pack != NULL && pack->bundled)
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_BUNDLED,
                   _("The bundled essay cannot be removed"));
      return FALSE;
    }
  if (pack == NULL)
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_NOT_FOUND,
                   _("No course pack “%s” is installed"), id != NULL ? id : "");
      return FALSE;
    }
  return TRUE;
}

char *
pn_library_remove (PnLibrary   *self,
                   const char  *id,
                   GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *template = NULL;

  g_return_val_if_fail (PN_IS_LIBRARY (self), NULL);

  if (!check_removable (self, id, error))
    return NULL;

  path = g_build_filename (self->dir, id, NULL);
  /* A free name first (mkdtemp), then the pack renamed onto that empty folder. */
  template = g_strdup_printf (PN_LIBRARY_REMOVED_PREFIX "%s-XXXXXX", id);
  aside = g_build_filename (self->dir, template, NULL);
  if (g_mkdtemp_full (aside, 0700) == NULL || g_rename (path, aside) != 0)
    {
      int saved_errno = errno;

      g_rmdir (aside);
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_WRITE,
                   _("The course pack “%s” cannot be removed: %s"), id, g_strerror (saved_errno));
      return NULL;
    }
  pn_library_emit_changed (self);
  return g_steal_pointer (&aside);
}

/* Whether @token is a folder that pn_library_remove() of this library made;
 * its pack id in *@id. */
static gboolean
parse_token (PnLibrary   *self,
             const char  *token,
             char       **id)
{
  g_autofree char *parent = NULL;
  g_autofree char *name = NULL;
  const char *rest;
  gsize length;

  if (token == NULL)
    return FALSE;
  parent = g_path_get_dirname (token);
  name = g_path_get_basename (token);
  if (strcmp (parent, self->dir) != 0 || !g_str_has_prefix (name, PN_LIBRARY_REMOVED_PREFIX))
    return FALSE;
  rest = name + strlen (PN_LIBRARY_REMOVED_PREFIX);
  length = strlen (rest);
  if (length < 8 || rest[length - 7] != '-')
    return FALSE;
  *id = g_strndup (rest, length - 7);
  return TRUE;
}

gboolean
pn_library_restore (PnLibrary   *self,
                    const char  *token,
                    GError     **error)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PN_IS_LIBRARY (self), FALSE);

  if (!parse_token (self, token, &id) || !g_file_test (token, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_NOT_FOUND,
                   _("The removed course pack is no longer there"));
      return FALSE;
    }
  path = g_build_filename (self->dir, id, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_WRITE,
                   _("The course pack “%s” cannot be put back: another one took its place"), id);
      return FALSE;
    }
  if (g_rename (token, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PN_LIBRARY_ERROR, PN_LIBRARY_ERROR_WRITE,
                   _("The course pack “%s” cannot be put back: %s"), id, g_strerror (saved_errno));
      return FALSE;
    }
  pn_library_emit_changed (self);
  return TRUE;
}

void
pn_library_purge (PnLibrary  *self,
                  const char *token)
{
  g_autofree char *id = NULL;

  g_return_if_fail (PN_IS_LIBRARY (self));

  if (parse_token (self, token, &id))
    pn_pack_archive_remove_tree (token);
}
