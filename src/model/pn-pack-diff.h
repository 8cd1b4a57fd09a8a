/* pn-pack-diff.h: what changed between two versions of a course pack
 *
 * Shown before an update replaces the installed pack. Documents, glossary
 * entries and quiz questions are matched by id; "edited" means the same id
 * with other content (a document's Markdown or title, an entry's terms or
 * definition, a question's text, answers or feedback).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-pack.h"

G_BEGIN_DECLS

typedef struct {
  /* Each a GPtrArray of char *: what a student recognises (a document's
   * title, an entry's term, a question's text cut to about 80 characters,
   * prefixed by its quiz's title and ": "), in the new pack's order (the
   * old one's for removed things). Never NULL, may be empty. */
  GPtrArray *documents_added;
  GPtrArray *documents_removed;
  GPtrArray *documents_edited;
  GPtrArray *entries_added;
  GPtrArray *entries_removed;
  GPtrArray *entries_edited;
  GPtrArray *questions_added;
  GPtrArray *questions_removed;
  GPtrArray *questions_edited;
  /* Title, description, authors, licence or sources changed. */
  gboolean   details_changed;
} PnPackDiff;

PnPackDiff *pn_pack_diff_new      (PnPack     *old_pack,
                                   PnPack     *new_pack);
gboolean    pn_pack_diff_is_empty (PnPackDiff *diff);
/* The changes as plain text, one line per change, for `prisonnum-pack`
 * and tests: "+ document: Title", "- entry: term", "~ question: …". */
char       *pn_pack_diff_to_text  (PnPackDiff *diff);
void        pn_pack_diff_free     (PnPackDiff *diff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnPackDiff, pn_pack_diff_free)

G_END_DECLS
