/* test-store-faults.c: the student's notes through crashes, a damaged file,
 * a read-only folder and a full disk
 *
 * A child process (fault-child) saves notes and says so after each commit;
 * it is killed with SIGKILL at some point, and every note it acknowledged
 * must be in the database, which must open. The read-only folder and the
 * full disk are real: as root (CI), a tmpfs mounted in a mount namespace of
 * the test's own (unshare), read-only or of 1 MB; otherwise a folder without
 * write permission, and the full disk is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pn-store-private.h"
#include "pn-test-util.h"
#include "store-test.h"

/* A message for the log, from the test or from its subprocess (whose
 * standard output is not the log's). */
#define NOTE(...) (g_test_subprocess () ? g_printerr ("# " __VA_ARGS__), g_printerr ("\n") \
                                        : g_test_message (__VA_ARGS__))

static char *
note_id (guint64 index)
{
  return g_strdup_printf ("urn:uuid:00000000-0000-4000-8000-%012" G_GINT64_MODIFIER "x", index);
}

static char *
query (PnStore    *store,
       const char *sql)
{
  sqlite3_stmt *statement = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pn_store_get_connection (store), sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);

  return result;
}

/* Children */

typedef struct {
  GArray *saved;       /* of guint64: the notes acknowledged */
  gboolean importing;  /* the import's transaction had begun */
  guint imported;      /* its acknowledgement, 0 when none */
  gboolean killed;
  int status;          /* the exit status when not killed */
} ChildRun;

static void
child_run_clear (ChildRun *run)
{
  g_clear_pointer (&run->saved, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChildRun, child_run_clear)

/* Runs fault-child with @args; kills it once @kill_after notes were
 * acknowledged (0: never), or once its import has begun when @kill_importing. */
static void
run_child (ChildRun           *run,
           const char * const *args,
           guint               kill_after,
           gboolean            kill_importing)
{
  const char *child = g_getenv ("PN_FAULT_CHILD");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char line[128];
  GPid pid = 0;
  int out = -1;
  int wait_status = 0;
  FILE *acks;

  g_assert_nonnull (child);
  run->saved = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_ptr_array_add (argv, (char *) child);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  acks = fdopen (out, "r");
  g_assert_nonnull (acks);

  /* Every line it wrote before dying is an acknowledgement, those read
   * after the kill too. */
  while (fgets (line, sizeof line, acks) != NULL)
    {
      guint64 index;

      if (sscanf (line, "saved %" G_GUINT64_FORMAT, &index) == 1)
        g_array_append_val (run->saved, index);
      else if (g_str_equal (line, "importing\n"))
        run->importing = TRUE;
      else if (sscanf (line, "imported %u", &run->imported) != 1)
        g_error ("unexpected line from the child: %s", line);

      if (!run->killed && ((kill_after > 0 && run->saved->len == kill_after) ||
                           (kill_importing && run->importing)))
        {
          kill (pid, SIGKILL);
          run->killed = TRUE;
        }
    }
  fclose (acks);

  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  if (run->killed && WIFSIGNALED (wait_status))
    g_assert_cmpint (WTERMSIG (wait_status), ==, SIGKILL);
  else
    run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
assert_sound (PnStore *store)
{
  g_autofree char *check = query (store, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
  g_assert_null (pn_store_get_notice (store));
}

static void
assert_saved (PnStore *store,
              GArray  *saved)
{
  for (guint i = 0; i < saved->len; i++)
    {
      guint64 index = g_array_index (saved, guint64, i);
      g_autofree char *id = note_id (index);
      g_autofree char *expected = g_strdup_printf ("Note %" G_GUINT64_FORMAT ", written before the crash.", index);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnAnnotation) note = pn_store_get_annotation (store, id, &error);

      g_assert_no_error (error);
      if (note == NULL)
        g_error ("note %" G_GUINT64_FORMAT " was acknowledged, and is not in the database", index);
      g_assert_cmpstr (note->note, ==, expected);
    }
}

static void
test_killed_during_saves (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pn-faults-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "student.db", NULL);
  /* Killed after 1, 300 and 700 of 1,000 saves each time, then a run to its end. */
  const guint kills[] = { 1, 300, 700, 0 };
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autofree char *count = NULL;
  guint n_killed = 0;

  for (guint round = 0; round < G_N_ELEMENTS (kills); round++)
    {
      g_autofree char *first = g_strdup_printf ("%u", round * 10000);
      const char *args[] = { "saves", db, "1000", first, NULL };
      g_auto(ChildRun) run = { 0 };

      run_child (&run, args, kills[round], FALSE);
      g_test_message ("round %u: %u saves acknowledged%s", round, run.saved->len,
                      run.killed ? ", then killed" : "");
      if (kills[round] == 0)
        {
          g_assert_false (run.killed);
          g_assert_cmpint (run.status, ==, 0);
          g_assert_cmpuint (run.saved->len, ==, 1000);
        }
      else
        {
          g_assert_true (run.killed);
          g_assert_cmpuint (run.saved->len, >=, kills[round]);
          n_killed++;
        }
      g_array_append_vals (all, run.saved->data, run.saved->len);

      /* After each crash: it opens, sound, with every acknowledged note. */
      store = pn_store_open (db, &error);
      g_assert_no_error (error);
      assert_sound (store);
      assert_saved (store, all);
      g_clear_object (&store);
    }

  /* At most the one being saved at each kill, unacknowledged, besides. */
  store = pn_store_open (db, &error);
  count = query (store, "SELECT count (*) FROM annotations");
  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), >=, all->len);
  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), <=, all->len + n_killed);
  g_clear_object (&store);

  pn_test_remove_dir (dir);
}

static gint64
count_imported (PnStore *store)
{
  g_autofree char *first = note_id (1000000);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM annotations WHERE id >= '%s'", first);
  g_autofree char *count = query (store, sql);

  return g_ascii_strtoll (count, NULL, 10);
}

static void
test_killed_during_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pn-faults-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "student.db", NULL);
  const char *saves[] = { "saves", db, "50", "0", NULL };
  const char *import[] = { "import", db, "20000", NULL };
  g_auto(ChildRun) before = { 0 };
  g_auto(ChildRun) killed = { 0 };
  g_auto(ChildRun) whole = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  gint64 imported;

  run_child (&before, saves, 0, FALSE);
  g_assert_cmpuint (before.saved->len, ==, 50);

  /* Killed inside the import's transaction: all of it or none. */
  run_child (&killed, import, 0, TRUE);
  g_assert_true (killed.importing);
  store = pn_store_open (db, &error);
  g_assert_no_error (error);
  assert_sound (store);
  assert_saved (store, before.saved);
  imported = count_imported (store);
  g_test_message ("killed during the import: %" G_GINT64_FORMAT " of 20000 imported%s", imported,
                  killed.imported > 0 ? " (it had finished)" : "");
  g_assert_true (imported == 0 || imported == 20000);
  if (killed.imported > 0)
    g_assert_cmpint (imported, ==, 20000);
  g_clear_object (&store);

  /* Positive control: let to its end, it is all there. */
  if (imported == 0)
    {
      run_child (&whole, import, 0, FALSE);
      g_assert_cmpint (whole.status, ==, 0);
      g_assert_cmpuint (whole.imported, ==, 20000);
      store = pn_store_open (db, &error);
      g_assert_cmpint (count_imported (store), ==, 20000);
      assert_saved (store, before.saved);
    }

  pn_test_remove_dir (dir);
}

/* A damaged database */

static char *
database_with_notes (const char *dir,
                     guint       n)
{
  char *path = g_build_filename (dir, "student.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnAnnotation) note = pn_annotation_new ("fault", "texte", PN_ANNOTATION_DOCUMENT_NOTE);

      g_free (note->note);
      note->note = g_strdup_printf ("%u: %s", i, "une note assez longue pour remplir des pages de la base");
      g_assert_true (pn_store_add_annotation (store, note, &error));
      g_assert_no_error (error);
    }

  return path;
}

static char *
find_beside (const char *path,
             const char *what)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf ("%s.%s-", base, what);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  char *found = NULL;
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      {
        g_assert_null (found);
        found = g_build_filename (folder, name, NULL);
      }

  return found;
}

static void
check_moved_aside (const char *path,
                   gsize       offset,
                   const char *garbage)
{
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, offset + strlen (garbage));
  memcpy (contents + offset, garbage, strlen (garbage));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  before = store_test_checksum_file (path);

  store = pn_store_open (path, &error);
  g_assert_no_error (error);
  g_test_message ("%s", pn_store_get_notice (store));
  aside = find_beside (path, "corrupt");
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (pn_store_get_notice (store), aside));
  g_assert_nonnull (strstr (pn_store_get_notice (store), path));

  /* Every byte of it there, under its new name; a new database in its place. */
  after = store_test_checksum_file (aside);
  g_assert_cmpstr (before, ==, after);
  notes = pn_store_get_annotations (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 0);
  g_assert_cmpint (pn_store_get_schema_version (store), >, 0);
  g_unlink (aside);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pn-faults-XXXXXX", NULL);
  g_autofree char *path = database_with_notes (dir, 200);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Its header's magic: not a database at all. */
  check_moved_aside (path, 0, "Not SQLite format");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_clear_pointer (&path, g_free);

  /* A page further on overwritten (its header): found by the check on opening. */
  path = database_with_notes (dir, 200);
  check_moved_aside (path, 4096, "garbage garbage garbage garbage garbage garbage garbage garbage");

  pn_test_remove_dir (dir);
}

/* A real read-only folder or a small disk */

/* Mounts a tmpfs of @size at @dir, in a mount namespace of this process
 * alone (the machine's mounts are not touched). */
static gboolean
mount_own_tmpfs (const char  *dir,
                 const char  *size,
                 char       **why)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  if (unshare (CLONE_NEWNS) != 0 || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      *why = g_strdup_printf ("cannot mount a tmpfs of its own (unshare, mount): %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* Whether this machine lets a test mount a tmpfs of its own: tried in a
 * child process, which leaves nothing behind. */
static gboolean
can_mount_own_tmpfs (char **why)
{
  g_autofree char *dir = NULL;
  pid_t pid;
  int status = 0;

  if (geteuid () != 0)
    {
      *why = g_strdup ("not root: no tmpfs of its own can be mounted");
      return FALSE;
    }

  dir = g_dir_make_tmp ("pn-faults-mount-XXXXXX", NULL);
  pid = fork ();
  if (pid == 0)
    {
      char *ignored = NULL;

      _exit (mount_own_tmpfs (dir, "64k", &ignored) ? 0 : 1);
    }
  waitpid (pid, &status, 0);
  g_rmdir (dir);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      *why = g_strdup ("this machine does not let the test mount a tmpfs of its own (unshare -m)");
      return FALSE;
    }

  return TRUE;
}

/* The folder of @path made read-only: remounted so, or its write permission taken. */
static void
make_read_only (const char *dir,
                gboolean    mounted)
{
  if (mounted)
    g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
  else
    g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
}

static void
check_read_only_folder (const char *dir,
                        gboolean    mounted)
{
  g_autofree char *path = database_with_notes (dir, 3);
  g_autofree char *older = g_build_filename (dir, "older.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "none", "student.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *older_version = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autoptr(PnStore) old = NULL;
  g_autoptr(PnStore) none = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(PnAnnotation) refused = pn_annotation_new ("fault", "texte", PN_ANNOTATION_DOCUMENT_NOTE);
  g_autofree char *anchor = NULL;

  /* And one of version 4, which needs migrating. */
  store = pn_store_open_at_version (older, 4, &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_set_position (store, "fault", "texte", "partie", 0.5, &error));
  g_clear_object (&store);

  make_read_only (dir, mounted);
  before = store_test_checksum_file (path);

  store = pn_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_is_read_only (store));
  NOTE ("%s", pn_store_get_notice (store));
  g_assert_nonnull (strstr (pn_store_get_notice (store), path));
  g_assert_nonnull (strstr (pn_store_get_notice (store), "read-only"));
  notes = pn_store_get_annotations (store, "fault", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 3);

  g_assert_false (pn_store_add_annotation (store, refused, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY);
  NOTE ("%s", error->message);
  g_clear_error (&error);
  g_clear_object (&store);
  after = store_test_checksum_file (path);
  g_assert_cmpstr (before, ==, after);

  /* The older one is read through the newest tables, migrated in memory only. */
  old = pn_store_open (older, &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_is_read_only (old));
  g_assert_cmpint (pn_store_get_schema_version (old), ==, 5);
  g_assert_true (pn_store_get_position (old, "fault", "texte", &anchor, NULL));
  g_assert_cmpstr (anchor, ==, "partie");
  g_clear_object (&old);
  {
    /* Immutable: SQLite could not make its -shm file beside it either. */
    g_autofree char *uri = g_strconcat ("file:", older, "?immutable=1", NULL);
    sqlite3 *db = NULL;
    sqlite3_stmt *statement = NULL;

    g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &statement, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
    older_version = g_strdup ((const char *) sqlite3_column_text (statement, 0));
    sqlite3_finalize (statement);
    sqlite3_close (db);
  }
  g_assert_cmpstr (older_version, ==, "4");
  g_assert_null (find_beside (older, "v4-backup"));

  /* Nothing there, and nowhere to make it: an empty store that saves nothing. */
  none = pn_store_open (missing, &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_is_read_only (none));
  g_assert_nonnull (strstr (pn_store_get_notice (none), missing));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  if (!mounted)
    g_chmod (dir, 0700);
}

static void
test_read_only_folder (void)
{
  g_autofree char *why = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("pn-faults-ro-XXXXXX", NULL);
      char *failure = NULL;

      g_assert_true (mount_own_tmpfs (dir, "4m", &failure));
      check_read_only_folder (dir, TRUE);
      umount2 (dir, MNT_DETACH);
      g_rmdir (dir);
      return;
    }

  if (can_mount_own_tmpfs (&why))
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* Without root: a folder without write permission (root would write anyway). */
  if (geteuid () != 0)
    {
      g_autofree char *dir = g_dir_make_tmp ("pn-faults-ro-XXXXXX", NULL);

      NOTE ("%s; a folder without write permission instead", why);
      check_read_only_folder (dir, FALSE);
      pn_test_remove_dir (dir);
      return;
    }

  g_test_skip (why);
}

static void
check_full_disk (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "student.db", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autofree char *older = g_build_filename (dir, "older.db", NULL);
  g_autofree char *older_before = NULL;
  g_autofree char *older_after = NULL;
  g_autofree char *room = g_malloc0 (256 * 1024);
  g_autofree char *big_note = g_strnfill (8 * 1024, 'n');
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(PnStore) again = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  guint64 i;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (filler, room, 256 * 1024, NULL));
  /* A database of version 4 too, to be migrated once the disk is full. */
  {
    g_autoptr(PnStore) old = pn_store_open_at_version (older, 4, &error);

    g_assert_no_error (error);
    g_assert_true (pn_store_set_position (old, "fault", "texte", "partie", 0.5, &error));
  }
  older_before = store_test_checksum_file (older);

  /* Saves until the disk is full. */
  for (i = 0; i < 1000; i++)
    {
      g_autoptr(PnAnnotation) note = pn_annotation_new ("fault", "texte", PN_ANNOTATION_DOCUMENT_NOTE);

      g_free (note->id);
      note->id = note_id (i);
      g_free (note->note);
      note->note = g_strdup_printf ("%" G_GUINT64_FORMAT " %s", i, big_note);
      if (!pn_store_add_annotation (store, note, &error))
        break;
      g_array_append_val (saved, i);
    }
  g_assert_cmpuint (i, <, 1000);
  g_assert_cmpuint (saved->len, >, 0);
  NOTE ("%u notes saved, then: %s", saved->len, error->message);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);

  /* The ones before are there, read by this connection and by another. */
  notes = pn_store_get_annotations (store, "fault", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, saved->len);
  again = pn_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = pn_store_get_annotations (again, "fault", NULL, &error);
  g_assert_cmpuint (notes->len, ==, saved->len);
  g_clear_object (&again);

  /* No room for its copy: the older database is not migrated, and left as it was. */
  g_assert_null (pn_store_open (older, &error));
  NOTE ("opening a database to migrate: %s", error->message);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, older));
  g_clear_error (&error);
  older_after = store_test_checksum_file (older);
  g_assert_cmpstr (older_before, ==, older_after);

  /* Room made: the same store saves again. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  {
    g_autoptr(PnAnnotation) note = pn_annotation_new ("fault", "texte", PN_ANNOTATION_DOCUMENT_NOTE);

    g_assert_true (pn_store_add_annotation (store, note, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&store);

  store = pn_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = pn_store_get_annotations (store, "fault", NULL, &error);
  g_assert_cmpuint (notes->len, ==, saved->len + 1);
}

static void
test_full_disk (void)
{
  g_autofree char *why = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("pn-faults-full-XXXXXX", NULL);
      char *failure = NULL;

      g_assert_true (mount_own_tmpfs (dir, "1m", &failure));
      check_full_disk (dir);
      umount2 (dir, MNT_DETACH);
      g_rmdir (dir);
      return;
    }

  if (!can_mount_own_tmpfs (&why))
    {
      g_autofree char *message = g_strdup_printf ("%s: no small disk to fill", why);

      g_test_skip (message);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-faults/killed-during-saves", test_killed_during_saves);
  g_test_add_func ("/store-faults/killed-during-import", test_killed_during_import);
  g_test_add_func ("/store-faults/corrupt", test_corrupt);
  g_test_add_func ("/store-faults/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store-faults/full-disk", test_full_disk);

  return g_test_run ();
}
