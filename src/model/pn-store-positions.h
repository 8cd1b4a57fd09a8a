/* pn-store-positions.h: where the student was reading (the store's reading-place tables)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-store.h"

G_BEGIN_DECLS

/* Reading position in a document: @anchor is the id of the element at the top
 * of the view (may be NULL), @fraction the scroll position in [0, 1]. */
gboolean  pn_store_set_position         (PnStore     *self,
                                         const char  *pack_id,
                                         const char  *doc_id,
                                         const char  *anchor,
                                         double       fraction,
                                         GError     **error);
gboolean  pn_store_get_position         (PnStore     *self,
                                         const char  *pack_id,
                                         const char  *doc_id,
                                         char       **anchor,
                                         double      *fraction);
/* The document last read in a pack, or NULL. */
gboolean  pn_store_set_last_document    (PnStore     *self,
                                         const char  *pack_id,
                                         const char  *doc_id,
                                         GError     **error);
char     *pn_store_get_last_document    (PnStore     *self,
                                         const char  *pack_id);

G_END_DECLS
