/* pn-store.c: the student's own data (SQLite, WAL, versioned schema): the core
 *
 * The core opens the database, turns on WAL, runs the schema steps and words
 * the errors; each feature's tables and calls live in their own file pair
 * (pn-store-positions.c, ...), see pn-store-private.h.
 *
 * The schema version lives in PRAGMA user_version. Each migration takes the
 * database from version N to N + 1 inside one transaction. A database written
 * by a newer version of the app, or a file that is not a database, is refused
 * and left untouched: nothing is written before the version has been read.
 * Statements run in autocommit mode, so every change is on disk when the call
 * returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pn-store-private.h"

#define BUSY_TIMEOUT_MS 5000

G_DEFINE_QUARK (pn-store-error-quark, pn_store_error)

/* migrations[i] takes the schema from version i to version i + 1. Append only. */
static const PnStoreMigration migrations[] = {
  { "positions", pn_store_positions_v1 },   /* 1: positions, last document */
  { "positions", pn_store_positions_v2 },   /* 2: packs, one row per pack read */
  { "cards", pn_store_cards_v1 },           /* 3: flashcards and their review log */
  { "quiz", pn_store_quiz_v1 },             /* 4: quiz attempts and answers */
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

sqlite3_stmt *
pn_store_prepare (PnStore     *self,
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
  sqlite3_stmt *statement = pn_store_prepare (self, "PRAGMA user_version", error);
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

  if (!exec (self, migrations[from].sql, error) || !exec (self, set_version, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return exec (self, "COMMIT", error);
}

static gboolean
migrate (PnStore  *self,
         int       target,
         GError  **error)
{
  while (self->schema_version < target)
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

static PnStore *
open_at_version (const char  *path,
                 int          target,
                 GError     **error)
{
  g_autoptr(PnStore) self = NULL;

  self = g_object_new (PN_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_database (self, error))
    return NULL;

  /* Look before changing anything: a newer schema is not ours to touch, and a
   * file that is not a database fails here, before any write. */
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
      !migrate (self, target, error))
    return NULL;

  return g_steal_pointer (&self);
}

PnStore *
pn_store_open (const char  *path,
               GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_at_version (path, SCHEMA_VERSION, error);
}

PnStore *
pn_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= SCHEMA_VERSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_at_version (path, version, error);
}

const PnStoreMigration *
pn_store_get_migrations (guint *n_migrations)
{
  if (n_migrations != NULL)
    *n_migrations = G_N_ELEMENTS (migrations);

  return migrations;
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

gboolean
pn_store_step_done (PnStore       *self,
                    sqlite3_stmt  *statement,
                    GError       **error)
{
  gboolean ok = sqlite3_step (statement) == SQLITE_DONE;

  if (!ok)
    set_sqlite_error (self, error, _("cannot save"));

  sqlite3_finalize (statement);

  return ok;
}

gint64
pn_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gint64
pn_store_last_insert_rowid (PnStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

int
pn_store_changes (PnStore *self)
{
  return sqlite3_changes (self->db);
}

sqlite3 *
pn_store_get_connection (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  return self->db;
}

gboolean
pn_store_run (PnStore     *self,
              const char  *sql,
              GError     **error)
{
  sqlite3_stmt *statement = pn_store_prepare (self, sql, error);

  return statement != NULL && pn_store_step_done (self, statement, error);
}

gboolean
pn_store_ensure_pack (PnStore     *self,
                      const char  *pack_id,
                      GError     **error)
{
  sqlite3_stmt *statement = pn_store_prepare (self,
                                              "INSERT INTO packs (pack_id, last_doc_id, updated_at) "
                                              "VALUES (?1, NULL, ?2) ON CONFLICT (pack_id) DO NOTHING",
                                              error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, pn_store_now ());

  return pn_store_step_done (self, statement, error);
}

gboolean
pn_store_rows_done (PnStore       *self,
                    sqlite3_stmt  *statement,
                    int            status,
                    const char    *what,
                    GError       **error)
{
  gboolean ok = status == SQLITE_DONE;

  if (!ok)
    set_sqlite_error (self, error, what);

  sqlite3_finalize (statement);

  return ok;
}
