/* pn-store.c: the student's own data (SQLite, WAL, versioned schema)
 *
 * The schema version lives in PRAGMA user_version. Each migration takes the
 * database from version N to N + 1 inside one transaction. A database written
 * by a newer version of the app is refused and left untouched. Statements run
 * in autocommit mode, so every change is on disk when the call returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pn-store.h"

#define BUSY_TIMEOUT_MS 5000

G_DEFINE_QUARK (pn-store-error-quark, pn_store_error)

/* migrations[i] takes the schema from version i to version i + 1. */
static const char * const migrations[] = {
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
  ");",
};

#define SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

struct _PnStore {
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  int schema_version;
};

G_DEFINE_FINAL_TYPE (PnStore, pn_store, G_TYPE_OBJECT)

static void
pn_store_finalize (GObject *object)
{
  PnStore *self = PN_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_free (self->path);

  G_OBJECT_CLASS (pn_store_parent_class)->finalize (object);
}

static void
pn_store_class_init (PnStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_store_finalize;
}

static void
pn_store_init (PnStore *self)
{
}

static gboolean
set_sqlite_error (PnStore     *self,
                  GError     **error,
                  const char  *what)
{
  g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED,
               /* Translators: "<file>: <what failed>: <SQLite's message>" */
               _("%s: %s: %s"), self->path, what, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (PnStore     *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, _("cannot update the database"));

  return TRUE;
}

static sqlite3_stmt *
prepare (PnStore     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *statement = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &statement, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, _("cannot read the database"));
      return NULL;
    }

  return statement;
}

static gboolean
read_schema_version (PnStore  *self,
                     int      *version,
                     GError  **error)
{
  sqlite3_stmt *statement = prepare (self, "PRAGMA user_version", error);
  gboolean ok;

  if (statement == NULL)
    return FALSE;

  ok = sqlite3_step (statement) == SQLITE_ROW;
  if (ok)
    *version = sqlite3_column_int (statement, 0);
  else
    set_sqlite_error (self, error, _("cannot read the database"));

  sqlite3_finalize (statement);

  return ok;
}

static gboolean
migrate_one (PnStore  *self,
             int       from,
             GError  **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", from + 1);

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!exec (self, migrations[from], error) || !exec (self, set_version, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return exec (self, "COMMIT", error);
}

static gboolean
migrate (PnStore  *self,
         GError  **error)
{
  while (self->schema_version < SCHEMA_VERSION)
    {
      if (!migrate_one (self, self->schema_version, error))
        return FALSE;
      self->schema_version++;
    }

  return TRUE;
}

static gboolean
open_database (PnStore  *self,
               GError  **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED,
                   _("%s: cannot create the folder: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, _("cannot open the database"));

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  return TRUE;
}

PnStore *
pn_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(PnStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PN_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_database (self, error))
    return NULL;

  /* Look before changing anything: a newer schema is not ours to touch. */
  if (!read_schema_version (self, &self->schema_version, error))
    return NULL;

  if (self->schema_version > SCHEMA_VERSION)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW,
                   _("%s was written by a newer version of the app (data version %d; this "
                     "version reads up to %d); it was left as it is"),
                   self->path, self->schema_version, SCHEMA_VERSION);
      return NULL;
    }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

char *
pn_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "prisonnum", "student.db", NULL);
}

int
pn_store_get_schema_version (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), 0);

  return self->schema_version;
}

static gboolean
step_done (PnStore       *self,
           sqlite3_stmt  *statement,
           GError       **error)
{
  gboolean ok = sqlite3_step (statement) == SQLITE_DONE;

  if (!ok)
    set_sqlite_error (self, error, _("cannot save"));

  sqlite3_finalize (statement);

  return ok;
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

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

  statement = prepare (self,
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
  sqlite3_bind_int64 (statement, 5, now ());

  return step_done (self, statement, error);
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

  statement = prepare (self,
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

  statement = prepare (self,
                       "INSERT INTO last_document (pack_id, doc_id, updated_at) "
                       "VALUES (?1, ?2, ?3) "
                       "ON CONFLICT (pack_id) DO UPDATE SET "
                       "doc_id = excluded.doc_id, updated_at = excluded.updated_at",
                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, doc_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 3, now ());

  return step_done (self, statement, error);
}

char *
pn_store_get_last_document (PnStore    *self,
                            const char *pack_id)
{
  sqlite3_stmt *statement;
  char *doc_id = NULL;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  statement = prepare (self, "SELECT doc_id FROM last_document WHERE pack_id = ?1", NULL);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    doc_id = g_strdup ((const char *) sqlite3_column_text (statement, 0));

  sqlite3_finalize (statement);

  return doc_id;
}
