/* pn-store-private.h: what the store's core shares with the file pair of each
 * feature's tables
 *
 * Adding a feature's tables (annotations, flashcards, quiz results):
 *   1. a file pair pn-store-FEATURE.c/h with its calls, built on the helpers below;
 *   2. its schema as one SQL text per step, declared here;
 *   3. one line per step appended to the migrations table in pn-store.c (never
 *      edit or reorder a step that has shipped: databases out there are at it);
 *   4. in tests/unit/test-store.c, the data that the new version holds, so the
 *      migration test builds a database at it and carries that data forward.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pn-store.h"

G_BEGIN_DECLS

/* One step of the schema, from version N - 1 to N, run in one transaction. */
typedef struct {
  const char *feature;   /* the file pair that owns the tables, e.g. "positions" */
  const char *sql;
} PnStoreMigration;

/* The schema steps, in order: element i takes a database from version i to i + 1. */
const PnStoreMigration *pn_store_get_migrations (guint *n_migrations);

sqlite3_stmt *pn_store_prepare      (PnStore       *self,
                                     const char    *sql,
                                     GError       **error);
/* Steps @statement to its end and finalizes it; FALSE with @error set on failure. */
gboolean      pn_store_step_done    (PnStore       *self,
                                     sqlite3_stmt  *statement,
                                     GError       **error);
/* The statement of @sql, prepared once and kept by the store (for the calls
 * made many times in a row, e.g. in an import): reset, its bindings cleared.
 * Like the store itself, for one thread at a time.
 * Never finalize it; step it with pn_store_step_cached(), or read its row
 * and leave it (the next use resets it). */
sqlite3_stmt *pn_store_prepare_cached (PnStore      *self,
                                       const char   *sql,
                                       GError      **error);
/* Steps @statement (from pn_store_prepare_cached()) to its end and resets it. */
gboolean      pn_store_step_cached  (PnStore       *self,
                                     sqlite3_stmt  *statement,
                                     GError       **error);
/* Prepares and steps @sql (no parameters, e.g. "BEGIN IMMEDIATE"). */
gboolean      pn_store_run          (PnStore       *self,
                                     const char    *sql,
                                     GError       **error);
/* The pack's row in packs, which the features' rows refer to, added when missing. */
gboolean      pn_store_ensure_pack  (PnStore       *self,
                                     const char    *pack_id,
                                     GError       **error);
/* Finalizes @statement after its rows were read; FALSE with @error set
 * (@what: "cannot read …") when reading stopped on an error (@status: the
 * last sqlite3_step result). */
gboolean      pn_store_rows_done    (PnStore       *self,
                                     sqlite3_stmt  *statement,
                                     int            status,
                                     const char    *what,
                                     GError       **error);
/* The rowid of the last row inserted, and the rows changed by the last statement. */
gint64        pn_store_last_insert_rowid (PnStore   *self);
int           pn_store_changes      (PnStore       *self);
/* Seconds since the epoch, for updated_at columns. */
gint64        pn_store_now          (void);

/* Safety (pn-store-safety.c). "PATH.WHAT-YYYYMMDD-HHMMSS" (UTC), with "-2",
 * "-3"… when that name, or its -wal or -shm, is taken. */
char         *pn_store_name_beside      (const char  *path,
                                         const char  *what);
/* Moves the database @path and its -wal and -shm to @target (and @target-wal,
 * @target-shm), replacing nothing. */
gboolean      pn_store_move_aside       (const char  *path,
                                         const char  *target,
                                         GError     **error);
/* FALSE when the folder of @path, or @path itself, cannot be written. */
gboolean      pn_store_can_write_beside (const char  *path);
/* TRUE for SQLite's codes of a file that is not a (sound) database. */
gboolean      pn_store_is_corruption    (int          code);
/* The PnStoreError for a SQLite result code. */
int           pn_store_error_code_for   (int          sqlite_code);

/* For the tests: opens (creating) the database at @path and migrates it up to
 * @version only, so that a database of an older version can be built. */
PnStore      *pn_store_open_at_version (const char  *path,
                                        int          version,
                                        GError     **error);

/* For the tests: the connection, e.g. to make it read-only (PRAGMA query_only). */
sqlite3      *pn_store_get_connection  (PnStore     *self);

/* The schema of each feature, step by step */
extern const char pn_store_positions_v1[];
extern const char pn_store_positions_v2[];
extern const char pn_store_cards_v1[];
extern const char pn_store_quiz_v1[];
extern const char pn_store_annotations_v1[];

G_END_DECLS
