/* pn-pack.c: a course pack (format 1): the object, its files and its loading
 *
 * pn_pack_load() finds and parses pack.json, then hands its tree to the
 * manifest reader (pn-manifest.c); paths the pack names are resolved here,
 * so that nothing outside the pack folder is ever read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "pn-annotation.h"
#include "pn-json.h"
#include "pn-manifest.h"
#include "pn-pack-private.h"

#define MANIFEST_NAME "pack.json"

/* A pack that cannot be loaded: the error also carries the other problems
 * found before loading stopped, for whoever lists them all. */
typedef struct {
  GPtrArray *diagnostics;   /* of PnDiagnostic, or NULL */
} PnPackErrorPrivate;

static void
pn_pack_error_private_init (PnPackErrorPrivate *priv)
{
  priv->diagnostics = NULL;
}

static void
pn_pack_error_private_copy (const PnPackErrorPrivate *source,
                            PnPackErrorPrivate       *copy)
{
  copy->diagnostics = source->diagnostics != NULL ? g_ptr_array_ref (source->diagnostics) : NULL;
}

static void
pn_pack_error_private_clear (PnPackErrorPrivate *priv)
{
  g_clear_pointer (&priv->diagnostics, g_ptr_array_unref);
}

G_DEFINE_EXTENDED_ERROR (PnPackError, pn_pack_error)

GPtrArray *
pn_pack_error_get_diagnostics (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != PN_PACK_ERROR)
    return NULL;

  return pn_pack_error_get_private (error)->diagnostics;
}

void
pn_pack_error_set_diagnostics (GError    *error,
                               GPtrArray *diagnostics)
{
  PnPackErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == PN_PACK_ERROR);

  priv = pn_pack_error_get_private (error);
  g_clear_pointer (&priv->diagnostics, g_ptr_array_unref);
  priv->diagnostics = diagnostics != NULL ? g_ptr_array_ref (diagnostics) : NULL;
}

G_DEFINE_FINAL_TYPE (PnPack, pn_pack, G_TYPE_OBJECT)

/* Paths */

static gboolean
path_is_inside (const char *path,
                const char *root)
{
  gsize root_length = strlen (root);

  if (!g_str_has_prefix (path, root))
    return FALSE;

  return path[root_length] == '\0' || path[root_length] == '/' ||
         (root_length > 0 && root[root_length - 1] == '/');
}

PnPathProblem
pn_pack_check_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0')
    return PN_PATH_EMPTY;
  if (path[0] == '/' || (g_ascii_isalpha (path[0]) && path[1] == ':'))
    return PN_PATH_ABSOLUTE;
  if (strchr (path, '\\') != NULL)
    return PN_PATH_BACKSLASH;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        return PN_PATH_PARENT;
    }

  return PN_PATH_OK;
}

/* The canonical path of @file or, when it does not exist, of its deepest
 * existing ancestor. */
static char *
canonical_existing_path (GFile *file)
{
  g_autoptr(GFile) current = g_object_ref (file);

  while (current != NULL)
    {
      const char *path = g_file_peek_path (current);
      char *real = path != NULL ? realpath (path, NULL) : NULL;
      GFile *parent;

      if (real != NULL)
        {
          char *result = g_strdup (real);

          free (real);
          return result;
        }

      parent = g_file_get_parent (current);
      g_object_unref (current);
      current = parent;
    }

  return NULL;
}

GFile *
pn_pack_resolve (PnPack     *self,
                 const char *relative_path)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *canonical = NULL;
  char *real;

  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  if (pn_pack_check_path (relative_path) != PN_PATH_OK)
    return NULL;

  file = g_file_resolve_relative_path (self->root, relative_path);
  canonical = canonical_existing_path (file);
  if (canonical == NULL || !path_is_inside (canonical, self->root_path))
    return NULL;

  /* Hand out the resolved path when the file exists, so that the file read is
   * the one that was checked. */
  real = realpath (g_file_peek_path (file), NULL);
  if (real != NULL)
    {
      GFile *resolved = g_file_new_for_path (real);

      free (real);
      return resolved;
    }

  return g_steal_pointer (&file);
}

/* Loading */

static gboolean
locate (GFile   *location,
        GFile  **root,
        GFile  **manifest,
        GError **error)
{
  GFileType type;

  if (g_file_peek_path (location) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (location);

      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_NOT_FOUND,
                   _("%s: course packs must be local folders"), uri);
      return FALSE;
    }

  type = g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      *root = g_object_ref (location);
      *manifest = g_file_get_child (location, MANIFEST_NAME);
    }
  else if (type == G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_NOT_FOUND,
                   _("%s: no such file or folder"), g_file_peek_path (location));
      return FALSE;
    }
  else
    {
      *root = g_file_get_parent (location);
      *manifest = g_object_ref (location);
    }

  if (g_file_query_file_type (*manifest, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_NOT_FOUND,
                   _("%s: file not found; a course pack is a folder holding a pack.json manifest"),
                   g_file_peek_path (*manifest));
      g_clear_object (root);
      g_clear_object (manifest);
      return FALSE;
    }

  return TRUE;
}

static void
set_error_from_diagnostic (GError             **error,
                           PnPackError          code,
                           const PnDiagnostic  *diagnostic)
{
  g_autofree char *message = pn_diagnostic_to_string (diagnostic);

  g_set_error_literal (error, PN_PACK_ERROR, code, message);
}

/* A manifest that cannot be read or parsed stops loading: @error says why. */
static PnJsonFile *
load_manifest (GFile       *manifest,
               const char  *name,
               GPtrArray   *diagnostics,
               GError     **error)
{
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  PnDiagnostic *problem = NULL;
  PnJsonFile *json;

  json = pn_json_file_load (manifest, name, PN_PACK_MAX_FILE_SIZE, problems, &problem);
  if (problem != NULL)
    {
      set_error_from_diagnostic (error, PN_PACK_ERROR_UNREADABLE, problem);
      pn_diagnostic_free (problem);
      return NULL;
    }
  if (json == NULL)
    {
      set_error_from_diagnostic (error, PN_PACK_ERROR_INVALID,
                                 g_ptr_array_index (problems, problems->len - 1));
      return NULL;
    }

  for (guint i = 0; i < problems->len; i++)
    pn_diagnostics_add (diagnostics, g_steal_pointer (&problems->pdata[i]));

  return json;
}

PnPack *
pn_pack_load (GFile      *location,
              GPtrArray  *diagnostics,
              GError    **error)
{
  g_autoptr(PnPack) self = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) manifest = NULL;
  g_autoptr(PnJsonFile) json = NULL;
  g_autoptr(GPtrArray) found = pn_diagnostics_new ();
  g_autofree char *root_path = NULL;
  g_autofree char *manifest_name = NULL;
  int fatal_index;
  char *real;

  g_return_val_if_fail (G_IS_FILE (location), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!locate (location, &root, &manifest, error))
    return NULL;

  real = realpath (g_file_peek_path (root), NULL);
  if (real == NULL)
    {
      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_NOT_FOUND,
                   _("%s: the folder cannot be opened"), g_file_peek_path (root));
      return NULL;
    }
  root_path = g_strdup (real);
  free (real);

  manifest_name = g_file_get_basename (manifest);
  json = load_manifest (manifest, manifest_name, found, error);
  if (json == NULL)
    return NULL;

  self = g_object_new (PN_TYPE_PACK, NULL);
  self->root = g_object_ref (root);
  self->root_path = g_steal_pointer (&root_path);

  fatal_index = pn_manifest_read (self, json, found);

  if (fatal_index >= 0)
    {
      g_autoptr(PnDiagnostic) fatal = g_ptr_array_steal_index (found, (guint) fatal_index);

      set_error_from_diagnostic (error, PN_PACK_ERROR_INVALID, fatal);
    }

  for (guint i = 0; i < found->len; i++)
    pn_diagnostics_add (diagnostics, g_steal_pointer (&found->pdata[i]));

  if (fatal_index >= 0)
    return NULL;

  return g_steal_pointer (&self);
}

/* The pack */

static void
pn_pack_finalize (GObject *object)
{
  PnPack *self = PN_PACK (object);

  g_clear_object (&self->root);
  g_free (self->root_path);
  g_free (self->id);
  g_free (self->version);
  g_free (self->title);
  g_free (self->language);
  g_free (self->license);
  g_free (self->description);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->source_index, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_free (self->glossary_file);
  g_clear_object (&self->glossary);
  g_strfreev (self->quiz_files);
  g_ptr_array_unref (self->quizzes);
  g_clear_pointer (&self->checksums, g_ptr_array_unref);
  g_free (self->annotations_file);
  g_clear_pointer (&self->teacher_notes, g_ptr_array_unref);
  g_clear_pointer (&self->teacher_places, g_hash_table_unref);

  G_OBJECT_CLASS (pn_pack_parent_class)->finalize (object);
}

static void
pn_pack_class_init (PnPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_pack_finalize;
}

static void
pn_pack_init (PnPack *self)
{
  self->authors = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_person_free);
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_source_free);
  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->quiz_files = g_new0 (char *, 1);
  self->quizzes = g_ptr_array_new_with_free_func (g_object_unref);
  self->teacher_notes = pn_annotations_new ();
  self->teacher_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GFile *
pn_pack_get_root (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->root;
}

const char *
pn_pack_get_id (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->id;
}

const char *
pn_pack_get_version (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->version;
}

const char *
pn_pack_get_title (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->title;
}

const char *
pn_pack_get_language (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->language;
}

const char *
pn_pack_get_license (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->license;
}

const char *
pn_pack_get_description (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->description;
}

GPtrArray *
pn_pack_get_authors (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->authors;
}

GPtrArray *
pn_pack_get_documents (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->documents;
}

PnDocument *
pn_pack_get_document (PnPack     *self,
                      const char *id)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->documents, i);

      if (g_str_equal (document->id, id))
        return document;
    }

  return NULL;
}

GPtrArray *
pn_pack_get_sources (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->sources;
}

const PnSource *
pn_pack_get_source (PnPack     *self,
                    const char *id)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->source_index, id);
}

const char *
pn_pack_get_glossary_file (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->glossary_file;
}

PnGlossary *
pn_pack_get_glossary (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->glossary;
}

const char * const *
pn_pack_get_quiz_files (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return (const char * const *) self->quiz_files;
}

GPtrArray *
pn_pack_get_quizzes (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->quizzes;
}

PnQuiz *
pn_pack_get_quiz (PnPack     *self,
                  const char *id)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  for (guint i = 0; id != NULL && i < self->quizzes->len; i++)
    {
      PnQuiz *quiz = g_ptr_array_index (self->quizzes, i);

      if (g_str_equal (pn_quiz_get_id (quiz), id))
        return quiz;
    }

  return NULL;
}

GPtrArray *
pn_pack_get_checksums (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  return self->checksums;
}
