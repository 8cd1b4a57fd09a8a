/* pn-library-private.h: what the library's files share (internal to the model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-library.h"

G_BEGIN_DECLS

/* Names inside the library folder that are never listed: a staging folder
 * of an import, and a pack moved aside by pn_library_remove(). */
#define PN_LIBRARY_STAGING_PREFIX ".import-"
#define PN_LIBRARY_REMOVED_PREFIX ".removed-"

/* The pack whose folder is @folder, from its pack.json alone; NULL when it
 * cannot be read or names no valid id. */
PnLibraryPack *pn_library_pack_read        (const char *folder,
                                            gboolean    bundled);
/* The bundled essay (NULL when its folder cannot be read). */
PnLibraryPack *pn_library_get_bundled_pack (PnLibrary  *self);
/* Creates the library folder when missing. */
gboolean       pn_library_ensure_dir       (PnLibrary  *self,
                                            GError    **error);
void           pn_library_emit_changed     (PnLibrary  *self);

/* Dotted numbers ("1.10" > "1.9"); NULL or "" is older than any version.
 * Parts that are not numbers are compared as text. <0, 0, >0 as strcmp(). */
int            pn_library_compare_versions (const char *a,
                                            const char *b);
/* Whether no author of @a (PnPerson) is an author of @b, names compared
 * case- and accent-insensitively; FALSE when neither has any. */
gboolean       pn_library_authors_differ   (GPtrArray  *a,
                                            GPtrArray  *b);

G_END_DECLS
