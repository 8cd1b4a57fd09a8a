/* pn-store-safety.c: the files beside the student's database (a backup
 * before each migration, a damaged database moved aside), never
 * overwriting anything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pn-store-private.h"

/* The files SQLite keeps beside a database in WAL mode, moved with it. */
static const char * const companions[] = { "", "-wal", "-shm" };

char *
pn_store_name_beside (const char *path,
                      const char *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.%s-%s", path, what, date);
  char *name = g_strdup (base);

  /* A name nothing has: neither the file nor its companions. */
  for (guint n = 2;; n++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (companions) && !taken; i++)
        {
          g_autofree char *candidate = g_strconcat (name, companions[i], NULL);

          taken = g_file_test (candidate, G_FILE_TEST_EXISTS);
        }
      if (!taken)
        return name;

      g_free (name);
      name = g_strdup_printf ("%s-%u", base, n);
    }
}

/* Renames @from to @to unless @to exists: a hard link then the old name
 * removed, so that nothing can be replaced; a plain rename on file systems
 * without hard links, after looking. */
static gboolean
move_no_replace (const char  *from,
                 const char  *to,
                 GError     **error)
{
  int saved_errno;

  if (link (from, to) == 0)
    {
      if (g_unlink (from) == 0)
        return TRUE;
      saved_errno = errno;
      g_unlink (to);
    }
  else if (errno == EEXIST)
    {
      saved_errno = EEXIST;
    }
  else if (!g_file_test (to, G_FILE_TEST_EXISTS) && g_rename (from, to) == 0)
    {
      return TRUE;
    }
  else
    {
      saved_errno = errno;
    }

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("cannot move %s to %s: %s"), from, to, g_strerror (saved_errno));
  return FALSE;
}

gboolean
pn_store_move_aside (const char  *path,
                     const char  *target,
                     GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (i > 0 && !g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      /* The database first: when it cannot move, nothing has. A journal
       * that cannot follow stays where it is, beside nothing. */
      if (!move_no_replace (from, to, error))
        {
          if (i == 0)
            return FALSE;
          g_clear_error (error);
        }
    }

  return TRUE;
}

gboolean
pn_store_can_write_beside (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  /* access () says EROFS on a read-only file system even to root. */
  if (access (folder, W_OK) != 0)
    return FALSE;

  return !g_file_test (path, G_FILE_TEST_EXISTS) || access (path, W_OK) == 0;
}

gboolean
pn_store_is_corruption (int code)
{
  code &= 0xff;

  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

int
pn_store_error_code_for (int sqlite_code)
{
  switch (sqlite_code & 0xff)
    {
    case SQLITE_FULL:
      return PN_STORE_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return PN_STORE_ERROR_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return PN_STORE_ERROR_CORRUPT;
    default:
      return PN_STORE_ERROR_FAILED;
    }
}
