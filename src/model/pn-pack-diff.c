/* pn-pack-diff.c: what changed between two versions of a course pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-pack-diff.h"

static GPtrArray *
new_list (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

PnPackDiff *
pn_pack_diff_new (PnPack *old_pack,
                  PnPack *new_pack)
{
  PnPackDiff *diff = g_new0 (PnPackDiff, 1);

  g_return_val_if_fail (PN_IS_PACK (old_pack), diff);
  g_return_val_if_fail (PN_IS_PACK (new_pack), diff);

  diff->documents_added = new_list ();
  diff->documents_removed = new_list ();
  diff->documents_edited = new_list ();
  diff->entries_added = new_list ();
  diff->entries_removed = new_list ();
  diff->entries_edited = new_list ();
  diff->questions_added = new_list ();
  diff->questions_removed = new_list ();
  diff->questions_edited = new_list ();
  return diff;
}

gboolean
pn_pack_diff_is_empty (PnPackDiff *diff)
{
  GPtrArray *lists[] = {
    diff->documents_added, diff->documents_removed, diff->documents_edited,
    diff->entries_added, diff->entries_removed, diff->entries_edited,
    diff->questions_added, diff->questions_removed, diff->questions_edited,
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i]->len > 0)
      return FALSE;
  return !diff->details_changed;
}

char *
pn_pack_diff_to_text (PnPackDiff *diff)
{
  return g_strdup ("");
}

void
pn_pack_diff_free (PnPackDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->documents_added, g_ptr_array_unref);
  g_clear_pointer (&diff->documents_removed, g_ptr_array_unref);
  g_clear_pointer (&diff->documents_edited, g_ptr_array_unref);
  g_clear_pointer (&diff->entries_added, g_ptr_array_unref);
  g_clear_pointer (&diff->entries_removed, g_ptr_array_unref);
  g_clear_pointer (&diff->entries_edited, g_ptr_array_unref);
  g_clear_pointer (&diff->questions_added, g_ptr_array_unref);
  g_clear_pointer (&diff->questions_removed, g_ptr_array_unref);
  g_clear_pointer (&diff->questions_edited, g_ptr_array_unref);
  g_free (diff);
}
