/* pn-library-pack.c: a pack of the library as its pack.json says, read
 * without loading its documents (the library lists many packs at once)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-json.h"
#include "pn-library-private.h"
#include "pn-manifest.h"
#include "pn-text.h"

void
pn_library_pack_free (PnLibraryPack *pack)
{
  if (pack == NULL)
    return;
  g_free (pack->id);
  g_free (pack->title);
  g_free (pack->authors);
  g_free (pack->version);
  g_free (pack->language);
  g_free (pack->description);
  g_free (pack->path);
  g_free (pack->cover_path);
  g_strfreev (pack->document_ids);
  g_free (pack);
}

PnLibraryPack *
pn_library_pack_copy (const PnLibraryPack *pack)
{
  PnLibraryPack *copy;

  if (pack == NULL)
    return NULL;
  copy = g_new0 (PnLibraryPack, 1);
  copy->id = g_strdup (pack->id);
  copy->title = g_strdup (pack->title);
  copy->authors = g_strdup (pack->authors);
  copy->version = g_strdup (pack->version);
  copy->language = g_strdup (pack->language);
  copy->description = g_strdup (pack->description);
  copy->path = g_strdup (pack->path);
  copy->cover_path = g_strdup (pack->cover_path);
  copy->document_ids = g_strdupv (pack->document_ids);
  copy->bundled = pack->bundled;
  return copy;
}

/* The string member @key of @object, NULL when missing, not a string or blank. */
static char *
dup_member_text (JsonObject *object,
                 const char *key)
{
  JsonNode *node = json_object_get_member (object, key);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return g_strdup (text);
  return NULL;
}

static char *
join_authors (JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "authors");
  g_autoptr(GString) names = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array) && i < PN_PACK_MAX_AUTHORS; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      name = dup_member_text (json_node_get_object (element), "name");
      if (name == NULL)
        continue;
      if (names == NULL)
        names = g_string_new (name);
      else
        g_string_append_printf (names, ", %s", name);
    }
  return names != NULL ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static GStrv
dup_document_ids (JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "documents");
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < PN_PACK_MAX_DOCUMENTS; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *id = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          id = dup_member_text (json_node_get_object (element), "id");
          if (id != NULL)
            g_strv_builder_add (ids, id);
        }
    }
  return g_strv_builder_end (ids);
}

/* The cover, when pack.json names a file inside the pack that exists. */
static char *
dup_cover_path (JsonObject *root,
                const char *folder)
{
  g_autofree char *cover = dup_member_text (root, "cover");
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = NULL;

  if (cover == NULL || g_path_is_absolute (cover) || strchr (cover, '\\') != NULL ||
      !pn_manifest_is_cover_name (cover))
    return NULL;
  parts = g_strsplit (cover, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return NULL;
  path = g_build_filename (folder, cover, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return NULL;
  return g_steal_pointer (&path);
}

static gboolean
valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64 || !(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

PnLibraryPack *
pn_library_pack_read (const char *folder,
                      gboolean    bundled)
{
  g_autofree char *manifest_path = g_build_filename (folder, "pack.json", NULL);
  g_autoptr(GFile) manifest = g_file_new_for_path (manifest_path);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = NULL;
  g_autofree char *id = NULL;
  PnLibraryPack *pack;
  JsonObject *root;

  json = pn_json_file_load (manifest, "pack.json", PN_PACK_MAX_FILE_SIZE, diagnostics, NULL);
  if (json == NULL || !JSON_NODE_HOLDS_OBJECT (pn_json_file_get_root (json)))
    return NULL;
  root = json_node_get_object (pn_json_file_get_root (json));
  id = dup_member_text (root, "id");
  if (id == NULL || !valid_id (id))
    return NULL;

  pack = g_new0 (PnLibraryPack, 1);
  pack->id = g_steal_pointer (&id);
  pack->language = dup_member_text (root, "language");
  if (pack->language == NULL)
    pack->language = g_strdup ("und");
  pack->title = dup_member_text (root, "title");
  if (pack->title == NULL)
    pack->title = g_strdup (pack->id);
  else if (pn_text_is_french (pack->language))
    {
      char *typeset = pn_text_typographic_apostrophes (pack->title);

      g_free (pack->title);
      pack->title = typeset;
    }
  pack->authors = join_authors (root);
  pack->version = dup_member_text (root, "version");
  pack->description = dup_member_text (root, "description");
  pack->path = g_strdup (folder);
  pack->cover_path = dup_cover_path (root, folder);
  pack->document_ids = dup_document_ids (root);
  pack->bundled = bundled;
  return pack;
}
