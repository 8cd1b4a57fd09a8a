/* pn-window.h: the main window (sidebar of documents, reader, sources)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pn-annotation-controller.h"
#include "pn-glossary-page.h"
#include "pn-notes-page.h"
#include "pn-pack-session.h"
#include "pn-reader-view.h"
#include "pn-sources-page.h"
#include "pn-teacher-notes.h"

G_BEGIN_DECLS

#define PN_TYPE_WINDOW (pn_window_get_type ())
G_DECLARE_FINAL_TYPE (PnWindow, pn_window, PN, WINDOW, AdwApplicationWindow)

/* The window shows what @session holds and follows it; @settings is the
 * application's (text appearance, zoom, window size are bound to it). */
PnWindow      *pn_window_new               (GtkApplication *application,
                                            PnPackSession  *session,
                                            GSettings      *settings);
PnPackSession *pn_window_get_session       (PnWindow       *self);
/* Presents the window once the pack being opened is shown (or refused), or
 * with the loading page when that takes a while; at once when nothing is
 * being opened. The first frame then shows the pack, as before it was
 * checked off the main thread. */
void           pn_window_present_when_ready (PnWindow      *self);
/* Opens the pack folder (or its pack.json) at @location in the window's
 * session. A pack that cannot be loaded is shown as an error page; problems
 * are offered in a toast. A .prisonnum file is imported instead
 * (pn_window_import_file()). */
void           pn_window_open_pack         (PnWindow       *self,
                                            GFile          *location);
/* The session's pack, or NULL when none could be loaded. */
PnPack        *pn_window_get_pack          (PnWindow       *self);
/* The session's problems (PnDiagnostic), never NULL. */
GPtrArray     *pn_window_get_diagnostics   (PnWindow       *self);
void           pn_window_add_toast         (PnWindow       *self,
                                            AdwToast       *toast);
PnReaderView  *pn_window_get_reader_view   (PnWindow       *self);
PnSourcesPage *pn_window_get_sources_page  (PnWindow       *self);
PnGlossaryPage *pn_window_get_glossary_page (PnWindow      *self);
PnNotesPage   *pn_window_get_notes_page    (PnWindow       *self);
/* Library (pn-window-library.c): shows the library page (the installed
 * packs) in place of the course; action "win.show-library". The window
 * starts on it when the library has more than one pack. */
void           pn_window_show_library      (PnWindow       *self);
/* Import (pn-window-import.c): imports the .prisonnum file (or pack folder)
 * @file into the app's library, asking first when it updates an installed
 * pack, then opens it; a failed import is shown as a dialog naming the file
 * and line. Action "win.import-pack" opens a file chooser (the portal inside
 * Flatpak); files dropped on the window are imported the same way. */
void           pn_window_import_file       (PnWindow       *self,
                                            GFile          *file);
/* Whether @file is a course pack file (a .prisonnum, or a zip) to import
 * with pn_window_import_file(), not a pack folder to open. */
gboolean       pn_window_is_pack_file      (GFile          *file);
/* The highlights, notes and bookmarks of the window's text (pn-window-notes.c). */
PnAnnotationController *pn_window_get_annotation_controller (PnWindow *self);
/* The teacher's notes of the window's text (pn-window-teacher.c). */
PnTeacherNotes *pn_window_get_teacher_notes (PnWindow *self);

G_END_DECLS
