/* pn-store-positions.c: where the student was reading, in each document and pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pn-store-private.h"

/* Version 1: the place in each document, and the document last read in each pack. */
const char pn_store_positions_v1[] =
  "CREATE TABLE positions ("
  "  pack_id TEXT NOT NULL,"
  "  doc_id TEXT NOT NULL,"
  "  anchor TEXT,"
  "  fraction REAL NOT NULL DEFAULT 0 CHECK (fraction >= 0 AND fraction <= 1),"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (pack_id, doc_id)"
  ");"
  "CREATE TABLE last_document ("
  "  pack_id TEXT NOT NULL PRIMARY KEY,"
  "  doc_id TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");";

/* Version 2: one row per pack the student has read, which the later features'
 * tables (annotations, flashcards, quiz results) refer to; the last document
 * read moves there. */
const char pn_store_positions_v2[] =
  "CREATE TABLE packs ("
  "  pack_id TEXT NOT NULL PRIMARY KEY,"
  "  last_doc_id TEXT,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "INSERT INTO packs (pack_id, last_doc_id, updated_at)"
  "  SELECT pack_id, doc_id, updated_at FROM last_document;"
  "DROP TABLE last_document;";

gboolean
pn_store_set_position (PnStore     *self,
                       const char  *pack_id,
                       const char  *doc_id,
                       const char  *anchor,
                       double       fraction,
                       GError     **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL && doc_id != NULL, FALSE);

  if (isnan (fraction))
    fraction = 0;
  fraction = CLAMP (fraction, 0.0, 1.0);

  statement = pn_store_prepare (self,
                       "INSERT INTO positions (pack_id, doc_id, anchor, fraction, updated_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5) "
                       "ON CONFLICT (pack_id, doc_id) DO UPDATE SET "
                       "anchor = excluded.anchor, fraction = excluded.fraction, "
                       "updated_at = excluded.updated_at",
                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, doc_id, -1, SQLITE_TRANSIENT);
  if (anchor != NULL)
    sqlite3_bind_text (statement, 3, anchor, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (statement, 3);
  sqlite3_bind_double (statement, 4, fraction);
  sqlite3_bind_int64 (statement, 5, pn_store_now ());

  return pn_store_step_done (self, statement, error);
}

gboolean
pn_store_get_position (PnStore     *self,
                       const char  *pack_id,
                       const char  *doc_id,
                       char       **anchor,
                       double      *fraction)
{
  sqlite3_stmt *statement;
  gboolean found;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL && doc_id != NULL, FALSE);

  statement = pn_store_prepare (self,
                       "SELECT anchor, fraction FROM positions WHERE pack_id = ?1 AND doc_id = ?2",
                       NULL);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, doc_id, -1, SQLITE_TRANSIENT);

  found = sqlite3_step (statement) == SQLITE_ROW;
  if (found && anchor != NULL)
    *anchor = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  if (found && fraction != NULL)
    *fraction = sqlite3_column_double (statement, 1);

  sqlite3_finalize (statement);

  return found;
}

gboolean
pn_store_set_last_document (PnStore     *self,
                            const char  *pack_id,
                            const char  *doc_id,
                            GError     **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (pack_id != NULL && doc_id != NULL, FALSE);

  statement = pn_store_prepare (self,
                       "INSERT INTO packs (pack_id, last_doc_id, updated_at) "
                       "VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (pack_id) DO UPDATE SET "
                       "last_doc_id = excluded.last_doc_id, updated_at = excluded.updated_at",
                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, doc_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 3, pn_store_now ());

  return pn_store_step_done (self, statement, error);
}

char *
pn_store_get_last_document (PnStore    *self,
                            const char *pack_id)
{
  sqlite3_stmt *statement;
  char *doc_id = NULL;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  statement = pn_store_prepare (self, "SELECT last_doc_id FROM packs WHERE pack_id = ?1", NULL);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    doc_id = g_strdup ((const char *) sqlite3_column_text (statement, 0));

  sqlite3_finalize (statement);

  return doc_id;
}
