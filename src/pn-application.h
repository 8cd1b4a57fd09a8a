/* pn-application.h: the application (settings, student store, app actions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pn-library.h"
#include "pn-store.h"
#include "pn-window.h"

G_BEGIN_DECLS

#define PN_TYPE_APPLICATION (pn_application_get_type ())
G_DECLARE_FINAL_TYPE (PnApplication, pn_application, PN, APPLICATION, AdwApplication)

PnApplication *pn_application_new                  (void);
/* The student store, or NULL when it could not be opened. */
PnStore       *pn_application_get_store            (PnApplication *self);
/* The app's settings (opened once, at start-up; NULL before). */
GSettings     *pn_application_get_settings         (PnApplication *self);
/* A new window with its own pack session (on the app's store), bound to the
 * app's settings; the first one says if the student store could not be opened. */
PnWindow      *pn_application_new_window           (PnApplication *self);
/* The pack shown when nothing else is asked for: $PRISONNUM_PACK_DIR, else the
 * installed bundled pack, else the one in the source tree (running uninstalled). */
GFile         *pn_application_get_default_pack     (void);
/* The installed packs (opened at start-up on pn_library_default_dir(), or
 * $PRISONNUM_LIBRARY_DIR when set: tests use it). */
PnLibrary     *pn_application_get_library          (PnApplication *self);

G_END_DECLS
