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
} PnStoreError;
GQuark pn_store_error_quark (void);

#define PN_TYPE_STORE (pn_store_get_type ())
G_DECLARE_FINAL_TYPE (PnStore, pn_store, PN, STORE, GObject)

/* Opens (creating and migrating) the database at @path; parent folders are created. */
PnStore  *pn_store_open                 (const char  *path,
                                         GError     **error);
/* $XDG_DATA_HOME/prisonnum/student.db */
char     *pn_store_default_path         (void);
int       pn_store_get_schema_version   (PnStore     *self);

G_END_DECLS

/* The calls of each feature's tables */
#include "pn-store-cards.h"
#include "pn-store-positions.h"
#include "pn-store-quiz.h"
