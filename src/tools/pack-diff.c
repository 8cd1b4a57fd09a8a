/* pack-diff.c: `prisonnum-pack diff OLD NEW`, what students will be shown as
 * changed when NEW replaces OLD in their library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-pack-archive.h"
#include "pn-pack-diff.h"
#include "prisonnum-pack.h"

/* The pack at @path (a folder or a .prisonnum file), NULL when it cannot be
 * read (why is printed); *@temporary: a folder to remove afterwards. */
static PnPack *
load_pack (const char  *path,
           char       **temporary)
{
  g_autofree char *folder = pn_tool_open_path (path, stderr, temporary);

  return folder != NULL ? pn_tool_load_folder (folder, NULL, stderr) : NULL;
}

int
pn_tool_diff (const char *old_path,
              const char *new_path)
{
  g_autofree char *old_temporary = NULL;
  g_autofree char *new_temporary = NULL;
  g_autoptr(PnPack) old_pack = load_pack (old_path, &old_temporary);
  g_autoptr(PnPack) new_pack = old_pack != NULL ? load_pack (new_path, &new_temporary) : NULL;
  int status = PN_TOOL_EXIT_PROBLEMS;

  if (old_pack != NULL && new_pack != NULL)
    {
      g_autoptr(PnPackDiff) diff = pn_pack_diff_new (old_pack, new_pack);
      g_autofree char *text = pn_pack_diff_to_text (diff);
      const char *old_version = pn_pack_get_version (old_pack);
      const char *new_version = pn_pack_get_version (new_pack);

      if (g_strcmp0 (pn_pack_get_id (old_pack), pn_pack_get_id (new_pack)) != 0)
        fprintf (stderr,
                 _("warning: the packs have different ids ('%s', '%s'): the new one would not "
                   "replace the old one\n"),
                 pn_pack_get_id (old_pack), pn_pack_get_id (new_pack));
      printf (_("%s: version %s → %s\n"), pn_pack_get_id (new_pack),
              *old_version != '\0' ? old_version : "—", *new_version != '\0' ? new_version : "—");
      if (pn_pack_diff_is_empty (diff))
        printf ("%s\n", _("no changes"));
      else
        fputs (text, stdout);
      status = PN_TOOL_EXIT_VALID;
    }

  if (old_temporary != NULL)
    pn_pack_archive_remove_tree (old_temporary);
  if (new_temporary != NULL)
    pn_pack_archive_remove_tree (new_temporary);
  return status;
}
