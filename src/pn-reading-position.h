/* pn-reading-position.h: where the student is in each document of a pack, kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pn-store.h"

G_BEGIN_DECLS

#define PN_TYPE_READING_POSITION (pn_reading_position_get_type ())
G_DECLARE_FINAL_TYPE (PnReadingPosition, pn_reading_position, PN, READING_POSITION, GObject)

/* @store may be NULL (nothing is kept then). */
PnReadingPosition *pn_reading_position_new               (PnStore           *store,
                                                          const char        *pack_id);
const char        *pn_reading_position_get_pack_id       (PnReadingPosition *self);
/* The place stored for @doc_id; FALSE when there is none. */
gboolean           pn_reading_position_lookup            (PnReadingPosition *self,
                                                          const char        *doc_id,
                                                          char             **anchor,
                                                          double            *fraction);
/* The reader is at @anchor / @fraction of @doc_id: written a moment later
 * (at most every 750 ms while it scrolls), or at once by _flush(). */
void               pn_reading_position_note              (PnReadingPosition *self,
                                                          const char        *doc_id,
                                                          const char        *anchor,
                                                          double             fraction);
void               pn_reading_position_flush             (PnReadingPosition *self);
/* The document read last in this pack (NULL: none yet). */
char              *pn_reading_position_get_last_document (PnReadingPosition *self);
void               pn_reading_position_set_last_document (PnReadingPosition *self,
                                                          const char        *doc_id);

G_END_DECLS
