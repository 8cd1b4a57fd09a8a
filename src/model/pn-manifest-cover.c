/* pn-manifest-cover.c: pack.json's "cover", the image the library shows for
 * the pack (without one, the library draws a cover from the title)
 *
 * Every problem with it is a warning: the cover is only a picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-manifest.h"
#include "pn-pack-private.h"

gboolean
pn_manifest_is_cover_name (const char *path)
{
  static const char * const extensions[] = { ".png", ".jpg", ".jpeg", ".svg", NULL };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

void
pn_manifest_check_cover (PnPack     *pack,
                         PnJsonFile *json,
                         JsonNode   *root,
                         GPtrArray  *diagnostics)
{
  JsonNode *node = json_object_get_member (json_node_get_object (root), "cover");
  g_autoptr(GFile) file = NULL;
  const char *value;
  GFileType type;

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      pn_json_file_report (json, diagnostics, PN_SEVERITY_WARNING, node,
                           _("cover must be a string (the path of an image in the pack), not %s"),
                           pn_json_describe_type (node));
      return;
    }
  value = json_node_get_string (node);
  if (pn_pack_check_path (value) != PN_PATH_OK || (file = pn_pack_resolve (pack, value)) == NULL)
    {
      pn_json_file_report (json, diagnostics, PN_SEVERITY_WARNING, node,
                           _("cover: '%s' is not a path inside the pack folder"), value);
      return;
    }
  if (!pn_manifest_is_cover_name (value))
    {
      pn_json_file_report (json, diagnostics, PN_SEVERITY_WARNING, node,
                           _("cover: '%s' is not a PNG, JPEG or SVG image"), value);
      return;
    }
  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL);
  if (type != G_FILE_TYPE_REGULAR)
    pn_json_file_report (json, diagnostics, PN_SEVERITY_WARNING, node,
                         _("cover: '%s': file not found; the library draws a cover from the title"),
                         value);
}
