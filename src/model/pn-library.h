/* pn-library.h: the course packs installed for the student
 *
 * Each installed pack is a folder named by its id under the library folder
 * ($XDG_DATA_HOME/prisonnum/packs, inside Flatpak the app's own data folder),
 * unpacked from the .prisonnum file the student imported. The bundled essay
 * is always listed, first, and can be neither removed nor replaced.
 *
 * Importing is done in two steps so that the window can ask first:
 * pn_library_prepare_import() unpacks and checks the file into a staging
 * folder inside the library folder (nothing installed yet) and says what it
 * would do; pn_library_import_commit() then moves it into place with a
 * rename. A failed or abandoned import leaves nothing behind.
 *
 * No GTK here; the prepare step may run in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pn-pack.h"
#include "pn-pack-diff.h"

G_BEGIN_DECLS

#define PN_LIBRARY_ERROR (pn_library_error_quark ())
typedef enum {
  PN_LIBRARY_ERROR_INVALID,      /* the file is not a pack, or its pack has errors (message: file:line: …) */
  PN_LIBRARY_ERROR_NOT_NEWER,    /* commit of a same or older version without allowing it */
  PN_LIBRARY_ERROR_BUNDLED,      /* the bundled essay's id: it cannot be replaced or removed */
  PN_LIBRARY_ERROR_NOT_FOUND,    /* no installed pack with that id */
  PN_LIBRARY_ERROR_WRITE,        /* the library folder cannot be written */
} PnLibraryError;
GQuark pn_library_error_quark (void);

/* One pack of the library, as its pack.json says (documents are not read). */
typedef struct {
  char     *id;
  char     *title;
  char     *authors;     /* the pack's authors' names joined by ", ", NULL when none */
  char     *version;     /* NULL when the pack has none */
  char     *language;    /* BCP 47, the pack's */
  char     *description; /* NULL when none */
  char     *path;        /* the pack's folder */
  char     *cover_path;  /* the pack's cover image (pack.json "cover"), NULL: draw one from the title */
  GStrv     document_ids; /* in reading order, never NULL */
  gboolean  bundled;     /* the bundled essay */
} PnLibraryPack;

void            pn_library_pack_free (PnLibraryPack *pack);
PnLibraryPack  *pn_library_pack_copy (const PnLibraryPack *pack);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnLibraryPack, pn_library_pack_free)

#define PN_TYPE_LIBRARY (pn_library_get_type ())
G_DECLARE_FINAL_TYPE (PnLibrary, pn_library, PN, LIBRARY, GObject)

/* Signal "changed" (): a pack was installed, replaced, removed or restored
 * through this object. */

/* @packs_dir: the library folder (created when first written); NULL for
 * pn_library_default_dir(). @bundled_dir: the bundled essay's folder. */
PnLibrary     *pn_library_new           (const char  *packs_dir,
                                         GFile       *bundled_dir);
/* $XDG_DATA_HOME/prisonnum/packs */
char          *pn_library_default_dir   (void);
const char    *pn_library_get_dir       (PnLibrary   *self);

/* The packs (PnLibraryPack): the bundled essay first, then the installed
 * ones by title. Read from disk on each call (cheap: pack.json only); a
 * folder whose pack.json cannot be read is left out. Never NULL. */
GPtrArray     *pn_library_list          (PnLibrary   *self);
/* How many packs pn_library_list() gives (the bundled one included). */
guint          pn_library_count         (PnLibrary   *self);
/* The installed pack (or the bundled one) with @id, NULL when none. */
PnLibraryPack *pn_library_lookup        (PnLibrary   *self,
                                         const char  *id);
/* Whether @location is a pack of the library (its folder or its pack.json). */
gboolean       pn_library_contains      (PnLibrary   *self,
                                         GFile       *location);

/* Importing */

typedef enum {
  PN_LIBRARY_IMPORT_NEW,           /* no pack with this id is installed */
  PN_LIBRARY_IMPORT_UPDATE,        /* a newer version of an installed pack */
  PN_LIBRARY_IMPORT_SAME_VERSION,  /* the installed pack has this version already */
  PN_LIBRARY_IMPORT_OLDER,         /* the installed pack is newer */
} PnLibraryImportKind;

typedef struct _PnLibraryImport PnLibraryImport;

/* Unpacks @file (a .prisonnum archive, or a pack folder) into a staging
 * folder of the library, loads and checks it. Errors (an unsafe archive, no
 * pack.json, a pack with errors, the bundled essay's id) give NULL and
 * @error with a message naming the file and line; nothing is left behind.
 * Versions are compared as dotted numbers ("1.10" > "1.9"); a pack without
 * a version is older than any with one. */
PnLibraryImport     *pn_library_prepare_import (PnLibrary     *self,
                                                GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error);
PnLibraryImportKind  pn_library_import_get_kind         (PnLibraryImport *import);
/* The pack being imported (loaded from the staging folder). */
PnPack              *pn_library_import_get_pack         (PnLibraryImport *import);
/* The file given to pn_library_prepare_import(). */
GFile               *pn_library_import_get_file         (PnLibraryImport *import);
/* The installed pack with the same id, NULL for PN_LIBRARY_IMPORT_NEW. */
const PnLibraryPack *pn_library_import_get_installed    (PnLibraryImport *import);
/* What changed from the installed pack to this one; NULL for NEW. */
PnPackDiff          *pn_library_import_get_diff         (PnLibraryImport *import);
/* TRUE when a pack with this id is installed but no author of the one is an
 * author of the other (names compared case- and accent-insensitively): it
 * may be another teacher's pack claiming the id. */
gboolean             pn_library_import_is_other_author  (PnLibraryImport *import);
/* Problems of the new pack that are not errors (PnDiagnostic), never NULL. */
GPtrArray           *pn_library_import_get_warnings     (PnLibraryImport *import);
/* Installs the staged pack, replacing the installed one with that id
 * atomically (a rename: a failure leaves the old one in place). SAME_VERSION
 * and OLDER need @allow_not_newer, else PN_LIBRARY_ERROR_NOT_NEWER. Returns
 * the installed pack's folder. The student's data is keyed by pack and
 * document ids, so it stays; see pn_library_reanchor_pack(). */
GFile               *pn_library_import_commit           (PnLibraryImport *import,
                                                         gboolean         allow_not_newer,
                                                         GError         **error);
/* Removes the staging folder if not committed. */
void                 pn_library_import_free             (PnLibraryImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnLibraryImport, pn_library_import_free)

/* Removing, with Undo: the pack's folder is moved aside inside the library
 * folder (it is no longer listed); pn_library_restore() puts it back,
 * pn_library_purge() deletes it for good. Returns the token to give those
 * (a path), NULL with @error. Packs moved aside and never purged (the app
 * quit) are deleted by pn_library_new() the next time. */
char          *pn_library_remove        (PnLibrary   *self,
                                         const char  *id,
                                         GError     **error);
gboolean       pn_library_restore       (PnLibrary   *self,
                                         const char  *token,
                                         GError     **error);
void           pn_library_purge         (PnLibrary   *self,
                                         const char  *token);

G_END_DECLS
