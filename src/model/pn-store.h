/* pn-store.h: the student's own data (SQLite, WAL, versioned schema): the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PN_STORE_ERROR (pn_store_error_quark ())
typedef enum {
  PN_STORE_ERROR_FAILED,
  PN_STORE_ERROR_TOO_NEW,   /* written by a newer version of the app */
  PN_STORE_ERROR_FULL,      /* the disk is full: nothing of the call was written */
  PN_STORE_ERROR_READ_ONLY, /* the database is open read-only: nothing can be saved */
  PN_STORE_ERROR_CORRUPT,   /* not a database, or a damaged one */
} PnStoreError;
GQuark pn_store_error_quark (void);

#define PN_TYPE_STORE (pn_store_get_type ())
G_DECLARE_FINAL_TYPE (PnStore, pn_store, PN, STORE, GObject)

/* Opens (creating and migrating) the database at @path; parent folders are
 * created. Nothing is ever overwritten or removed:
 * - before migrating a database, a copy of it is made beside it
 *   (PATH.vN-backup-DATE, N its version; see pn_store_get_backup_path());
 * - a file that is not a sound database is moved aside (PATH.corrupt-DATE)
 *   and a new database started (said in pn_store_get_notice());
 * - in a folder that cannot be written, the database is opened read-only
 *   (migrated in memory when it is older), every save failing with
 *   PN_STORE_ERROR_READ_ONLY (said in pn_store_get_notice());
 * - one written by a newer version of the app is refused (PN_STORE_ERROR_TOO_NEW),
 *   as is one that cannot be backed up before migrating (e.g. a full disk:
 *   PN_STORE_ERROR_FULL), left as it is. */
PnStore  *pn_store_open                 (const char  *path,
                                         GError     **error);
/* $XDG_DATA_HOME/prisonnum/student.db */
char     *pn_store_default_path         (void);
int       pn_store_get_schema_version   (PnStore     *self);
const char *pn_store_get_path           (PnStore     *self);
/* TRUE when nothing can be saved (see pn_store_open()). */
gboolean  pn_store_is_read_only         (PnStore     *self);
/* What the student must be told although the database opened (moved aside,
 * read-only), naming the files; NULL when all went well. */
const char *pn_store_get_notice         (PnStore     *self);
/* The copy made before migrating, when this opening migrated; else NULL. */
const char *pn_store_get_backup_path    (PnStore     *self);

G_END_DECLS

/* The calls of each feature's tables */
#include "pn-store-annotations.h"
#include "pn-store-cards.h"
#include "pn-store-positions.h"
#include "pn-store-quiz.h"
