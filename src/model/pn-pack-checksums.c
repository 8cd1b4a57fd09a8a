/* pn-pack-checksums.c: the SHA-256 of each file that pack.json may list
 *
 * A teacher who hands a pack out can say which bytes each file must hold:
 * `prisonnum-pack check` then tells a file changed or damaged on the way
 * from one that is as written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-pack-archive.h"
#include "pn-pack-checksums.h"
#include "pn-pack-private.h"

void
pn_pack_checksum_free (PnPackChecksum *checksum)
{
  if (checksum == NULL)
    return;

  g_free (checksum->path);
  g_free (checksum->sha256);
  g_free (checksum);
}

static gboolean
is_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p))
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
pn_pack_checksums_parse (PnJsonFile *json,
                         JsonNode   *node,
                         GPtrArray  *diagnostics)
{
  GPtrArray *checksums = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_pack_checksum_free);
  JsonObjectIter iter;
  const char *path;
  JsonNode *value;

  if (!pn_json_file_check_type (json, diagnostics, node, "checksums", PN_JSON_OBJECT))
    return checksums;

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &path, &value))
    {
      g_autofree char *member_path = pn_json_path_member ("checksums", path);
      PnPackChecksum *checksum;

      if (!pn_json_file_check_type (json, diagnostics, value, member_path, PN_JSON_STRING))
        continue;
      if (pn_pack_check_path (path) != PN_PATH_OK)
        {
          pn_json_file_report (json, diagnostics, PN_SEVERITY_ERROR, value,
                               _("%s: '%s' is not a path inside the pack folder"), member_path, path);
          continue;
        }
      if (!is_sha256 (json_node_get_string (value)))
        {
          pn_json_file_report (json, diagnostics, PN_SEVERITY_ERROR, value,
                               _("%s: a SHA-256 is 64 hexadecimal digits (prisonnum-pack info "
                                 "shows each file's)"), member_path);
          continue;
        }

      checksum = g_new0 (PnPackChecksum, 1);
      checksum->path = g_strdup (path);
      checksum->sha256 = g_ascii_strdown (json_node_get_string (value), -1);
      pn_json_file_get_position (json, value, &checksum->line, &checksum->column);
      g_ptr_array_add (checksums, checksum);
    }

  return checksums;
}

char *
pn_pack_checksums_compute (GFile   *file,
                           GError **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  guint8 buffer[65536];
  gssize n;

  if (stream == NULL)
    return NULL;

  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

void
pn_pack_checksums_verify (PnPack     *pack,
                          const char *manifest_name,
                          GPtrArray  *diagnostics)
{
  GPtrArray *checksums = pack->checksums;
  g_autoptr(GHashTable) listed = NULL;
  g_autoptr(GPtrArray) files = NULL;

  if (checksums == NULL || checksums->len == 0)
    return;

  listed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < checksums->len; i++)
    {
      const PnPackChecksum *checksum = g_ptr_array_index (checksums, i);
      g_autoptr(GFile) file = pn_pack_resolve (pack, checksum->path);
      g_autoptr(GError) error = NULL;
      g_autofree char *actual = NULL;

      g_hash_table_add (listed, checksum->path);
      if (g_str_equal (checksum->path, manifest_name))
        {
          pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, manifest_name, checksum->line,
                               checksum->column,
                               "%s", _("checksums: pack.json cannot hold its own checksum (it is ignored)"));
          continue;
        }
      if (file != NULL && g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR)
        actual = pn_pack_checksums_compute (file, &error);
      if (actual == NULL)
        {
          pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, manifest_name, checksum->line,
                               checksum->column, _("checksums: %s: file not found"), checksum->path);
          continue;
        }
      if (!g_str_equal (actual, checksum->sha256))
        pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, manifest_name, checksum->line,
                             checksum->column,
                             _("checksums: %s has changed since its checksum was written (its SHA-256 "
                               "is now %s)"), checksum->path, actual);
    }

  files = pn_pack_archive_list_files (pack->root_path, NULL);
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);

      if (!g_str_equal (path, manifest_name) && !g_hash_table_contains (listed, path))
        pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, path, 0, 0, "%s",
                             _("this file has no checksum in pack.json's \"checksums\""));
    }
}
