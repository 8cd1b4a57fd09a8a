/* pn-store.c: the student's own data (SQLite, WAL, versioned schema): the core
 *
 * The core opens the database, turns on WAL, runs the schema steps and words
 * the errors; each feature's tables and calls live in their own file pair
 * (pn-store-positions.c, ...), see pn-store-private.h.
 *
 * The schema version lives in PRAGMA user_version. Each migration takes the
 * database from version N to N + 1 inside one transaction, after a copy of
 * the database was made beside it. A database written by a newer version of
 * the app is refused and left untouched: nothing is written before the
 * version has been read. A file that is not a sound database is moved aside
 * (never overwritten) and a new one started; in a folder that cannot be
 * written the database is opened read-only. See pn_store_open().
 * Statements run in autocommit mode, so every change is on disk when the call
 * returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pn-store-private.h"

#define BUSY_TIMEOUT_MS 5000
#define CACHE_KIB 16384

G_DEFINE_QUARK (pn-store-error-quark, pn_store_error)

/* migrations[i] takes the schema from version i to version i + 1. Append only. */
static const PnStoreMigration migrations[] = {
  { "positions", pn_store_positions_v1 },   /* 1: positions, last document */
  { "positions", pn_store_positions_v2 },   /* 2: packs, one row per pack read */
  { "cards", pn_store_cards_v1 },           /* 3: flashcards and their review log */
  { "quiz", pn_store_quiz_v1 },             /* 4: quiz attempts and answers */
  { "annotations", pn_store_annotations_v1 }, /* 5: highlights, notes, bookmarks and their tags */
};

#define SCHEMA_VERSION ((int) G_N_ELEMENTS (migrations))

struct _PnStore {
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  int schema_version;
  gboolean read_only;
  char *notice;
  char *backup_path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt, prepared once (pn_store_prepare_cached) */
};

G_DEFINE_FINAL_TYPE (PnStore, pn_store, G_TYPE_OBJECT)

static void
pn_store_finalize (GObject *object)
{
  PnStore *self = PN_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_free (self->path);
  g_free (self->notice);
  g_free (self->backup_path);

  G_OBJECT_CLASS (pn_store_parent_class)->finalize (object);
}

static void
pn_store_class_init (PnStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_store_finalize;
}

static void
finalize_statement (gpointer statement)
{
  sqlite3_finalize (statement);
}

static void
pn_store_init (PnStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

static int
error_code (PnStore *self)
{
  int code = sqlite3_extended_errcode (self->db);

  /* A write the kernel refused for want of room, whichever way SQLite words it. */
  if ((code & 0xff) == SQLITE_IOERR && sqlite3_system_errno (self->db) == ENOSPC)
    return PN_STORE_ERROR_FULL;

  return pn_store_error_code_for (code);
}

static gboolean
set_sqlite_error (PnStore     *self,
                  GError     **error,
                  const char  *what)
{
  int code = error_code (self);

  if (code == PN_STORE_ERROR_FULL)
    g_set_error (error, PN_STORE_ERROR, code,
                 /* Translators: "<file>: <what failed>: the disk is full…" */
                 _("%s: %s: the disk is full; nothing was written (free some space and try again)"),
                 self->path, what);
  else if (code == PN_STORE_ERROR_READ_ONLY)
    g_set_error (error, PN_STORE_ERROR, code,
                 _("%s: %s: the database is open read-only; nothing was written"), self->path, what);
  else
    g_set_error (error, PN_STORE_ERROR, code,
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

sqlite3_stmt *
pn_store_prepare_cached (PnStore     *self,
                         const char  *sql,
                         GError     **error)
{
  sqlite3_stmt *statement = g_hash_table_lookup (self->statements, sql);

  if (statement != NULL)
    {
      sqlite3_reset (statement);
      sqlite3_clear_bindings (statement);
      return statement;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, _("cannot read the database"));
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), statement);

  return statement;
}

gboolean
pn_store_step_cached (PnStore       *self,
                      sqlite3_stmt  *statement,
                      GError       **error)
{
  gboolean ok = sqlite3_step (statement) == SQLITE_DONE;

  if (!ok)
    set_sqlite_error (self, error, _("cannot save"));
  sqlite3_reset (statement);

  return ok;
}

/* The first column of the one row @sql yields, as text. */
static char *
read_one (PnStore     *self,
          const char  *sql,
          GError     **error)
{
  sqlite3_stmt *statement = pn_store_prepare (self, sql, error);
  char *value = NULL;

  if (statement == NULL)
    return NULL;

  if (sqlite3_step (statement) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  else
    set_sqlite_error (self, error, _("cannot read the database"));
  if (value == NULL && error != NULL && *error == NULL)
    set_sqlite_error (self, error, _("cannot read the database"));

  sqlite3_finalize (statement);

  return value;
}

static gboolean
read_schema_version (PnStore  *self,
                     int      *version,
                     GError  **error)
{
  g_autofree char *value = read_one (self, "PRAGMA user_version", error);

  if (value == NULL)
    return FALSE;

  *version = atoi (value);
  return TRUE;
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
connect (PnStore     *self,
         const char  *name,
         int          flags,
         GError     **error)
{
  g_clear_pointer (&self->db, sqlite3_close_v2);

  if (sqlite3_open_v2 (name, &self->db, flags, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, _("cannot open the database"));

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* Pages kept up to CACHE_KIB (SQLite's default is 2 MB): the check on
   * opening reads every page, and the notes read next, in the order of
   * their document and position rather than of the file, then find them
   * here instead of reading them again (with 10,000 notes in 5.6 MB,
   * reading them took as long as plain SQLite's default cache, 45 ms). */
  sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (CACHE_KIB), NULL, NULL, NULL);

  return TRUE;
}

/* A read-only connection; @immutable when SQLite cannot even make its
 * shared-memory file beside it (a read-only folder). */
static gboolean
connect_read_only (PnStore   *self,
                   gboolean   immutable,
                   GError   **error)
{
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, error);
  g_autofree char *name = NULL;

  if (uri == NULL)
    return FALSE;

  name = g_strconcat (uri, immutable ? "?mode=ro&immutable=1" : "?mode=ro", NULL);

  return connect (self, name, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

/* Refuses a schema newer than ours: it is not ours to touch. */
static gboolean
check_not_too_new (PnStore  *self,
                   GError  **error)
{
  if (self->schema_version <= SCHEMA_VERSION)
    return TRUE;

  g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW,
               _("%s was written by a newer version of the app (data version %d; this "
                 "version reads up to %d); it was left as it is"),
               self->path, self->schema_version, SCHEMA_VERSION);
  return FALSE;
}

/* Reads the version and, for a file that was there, checks its pages; a
 * damage found is a PN_STORE_ERROR_CORRUPT error. Writes nothing. */
static gboolean
read_and_check (PnStore   *self,
                gboolean   existed,
                GError   **error)
{
  g_autofree char *check = NULL;

  if (!read_schema_version (self, &self->schema_version, error) || !check_not_too_new (self, error))
    return FALSE;

  if (!existed)
    return TRUE;

  check = read_one (self, "PRAGMA quick_check (1)", error);
  if (check == NULL)
    return FALSE;
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                   _("%s is damaged: %s"), self->path, check);
      return FALSE;
    }

  return TRUE;
}

/* A copy of the database beside it, before a migration changes it. */
static gboolean
back_up (PnStore  *self,
         GError  **error)
{
  g_autofree char *what = g_strdup_printf ("v%d-backup", self->schema_version);
  g_autofree char *backup = pn_store_name_beside (self->path, what);
  sqlite3_stmt *statement = pn_store_prepare (self, "VACUUM INTO ?1", error);
  int status;

  if (statement == NULL)
    return FALSE;

  /* VACUUM INTO refuses a file that exists: it replaces nothing. */
  sqlite3_bind_text (statement, 1, backup, -1, SQLITE_TRANSIENT);
  status = sqlite3_step (statement);
  if (status != SQLITE_DONE)
    {
      int code = error_code (self);

      g_set_error (error, PN_STORE_ERROR, code,
                   _("%s: cannot make a copy at %s before updating it (%s); it was left as it is"),
                   self->path, backup,
                   code == PN_STORE_ERROR_FULL ? _("the disk is full") : sqlite3_errmsg (self->db));
      sqlite3_finalize (statement);
      /* Only the half copy made just now, under a name that was free. */
      g_unlink (backup);
      return FALSE;
    }
  sqlite3_finalize (statement);

  g_message ("Student data at %s backed up to %s before updating it", self->path, backup);
  self->backup_path = g_steal_pointer (&backup);

  return TRUE;
}

/* Moves the damaged file aside, then starts a new database at its place. */
static gboolean
start_over (PnStore   *self,
            GError    *damage,
            GError   **error)
{
  g_autofree char *aside = pn_store_name_beside (self->path, "corrupt");
  g_autoptr(GError) move_error = NULL;

  g_clear_pointer (&self->db, sqlite3_close_v2);
  if (!pn_store_move_aside (self->path, aside, &move_error))
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                   _("%s; it cannot be moved aside (%s), so it was left as it is"),
                   damage->message, move_error->message);
      return FALSE;
    }

  g_message ("Student data at %s cannot be read (%s); moved to %s", self->path, damage->message, aside);
  self->notice = g_strdup_printf (_("The student data at %s could not be read (it is damaged or is not a "
                                    "database). It was moved, as it was, to %s, and a new database "
                                    "was started."),
                                  self->path, aside);

  return connect (self, self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) &&
         read_and_check (self, FALSE, error);
}

static gboolean
open_writable (PnStore   *self,
               gboolean   existed,
               int        target,
               GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!connect (self, self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return FALSE;

  /* Look before changing anything: a newer schema is not ours to touch, and
   * a damaged file is found here, before any write. */
  if (!read_and_check (self, existed, &local_error))
    {
      if (!existed || !g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT) ||
          !start_over (self, local_error, error))
        {
          if (local_error != NULL && (error == NULL || *error == NULL))
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (self->schema_version > 0 && self->schema_version < target && !back_up (self, error))
    return FALSE;

  return migrate (self, target, error);
}

/* The tables of @target over the read-only data: an older database is
 * copied into memory and migrated there, the file left as it is. */
static gboolean
open_read_only (PnStore   *self,
                gboolean   existed,
                int        target,
                GError   **error)
{
  self->read_only = TRUE;

  if (existed)
    {
      g_autoptr(GError) local_error = NULL;

      if (!connect_read_only (self, FALSE, error))
        return FALSE;
      if (!read_and_check (self, TRUE, &local_error))
        {
          if (g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW) ||
              g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT) ||
              !connect_read_only (self, TRUE, error) || !read_and_check (self, TRUE, error))
            {
              if (local_error != NULL && (error == NULL || *error == NULL))
                g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }

  if (!existed || self->schema_version < target)
    {
      sqlite3 *memory = NULL;

      if (sqlite3_open (":memory:", &memory) != SQLITE_OK)
        {
          sqlite3_close (memory);
          return set_sqlite_error (self, error, _("cannot open the database"));
        }
      if (self->db != NULL)
        {
          sqlite3_backup *copy = sqlite3_backup_init (memory, "main", self->db, "main");

          if (copy == NULL || sqlite3_backup_step (copy, -1) != SQLITE_DONE)
            {
              sqlite3_backup_finish (copy);
              sqlite3_close (memory);
              return set_sqlite_error (self, error, _("cannot read the database"));
            }
          sqlite3_backup_finish (copy);
        }
      g_clear_pointer (&self->db, sqlite3_close_v2);
      self->db = memory;
      sqlite3_extended_result_codes (self->db, 1);
      if (!exec (self, "PRAGMA foreign_keys = ON", error) || !migrate (self, target, error))
        return FALSE;
    }

  if (existed)
    self->notice = g_strdup_printf (_("The student data at %s is in a folder that cannot be written: it "
                                      "was opened read-only, and nothing you change will be saved."),
                                    self->path);
  else
    self->notice = g_strdup_printf (_("The student data cannot be created at %s: its folder cannot be "
                                      "written. Nothing you do will be saved."),
                                    self->path);

  /* Every write fails, SQLITE_READONLY, worded as such. */
  return exec (self, "PRAGMA query_only = 1", error);
}

static PnStore *
open_at_version (const char  *path,
                 int          target,
                 GError     **error)
{
  g_autoptr(PnStore) self = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  gboolean existed;

  self = g_object_new (PN_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      if (saved_errno != EACCES && saved_errno != EROFS && saved_errno != EPERM)
        {
          g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED,
                       _("%s: cannot create the folder: %s"), folder, g_strerror (saved_errno));
          return NULL;
        }
    }

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!pn_store_can_write_beside (path))
    {
      if (!open_read_only (self, existed && g_file_test (path, G_FILE_TEST_IS_REGULAR), target, error))
        return NULL;
    }
  else if (!open_writable (self, existed, target, error))
    {
      return NULL;
    }

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

const char *
pn_store_get_path (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  return self->path;
}

gboolean
pn_store_is_read_only (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), TRUE);

  return self->read_only;
}

const char *
pn_store_get_notice (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  return self->notice;
}

const char *
pn_store_get_backup_path (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  return self->backup_path;
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
  sqlite3_stmt *statement = pn_store_prepare_cached (self,
                                                     "INSERT INTO packs (pack_id, last_doc_id, updated_at) "
                                                     "VALUES (?1, NULL, ?2) ON CONFLICT (pack_id) DO NOTHING",
                                                     error);

  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, pack_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 2, pn_store_now ());

  return pn_store_step_cached (self, statement, error);
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
