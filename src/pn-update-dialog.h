/* pn-update-dialog.h: what an import would replace, asked before it does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pn-library.h"

G_BEGIN_DECLS

#define PN_TYPE_UPDATE_DIALOG (pn_update_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PnUpdateDialog, pn_update_dialog, PN, UPDATE_DIALOG, AdwMessageDialog)

/* The responses */
#define PN_UPDATE_DIALOG_CANCEL  "cancel"
#define PN_UPDATE_DIALOG_OPEN    "open"     /* open the installed pack (same or older version) */
#define PN_UPDATE_DIALOG_REPLACE "replace"  /* install the new pack (« Update », « Replace Anyway ») */

/* Asks about @import (not PN_LIBRARY_IMPORT_NEW; borrowed: it must outlive
 * the dialog): an update lists what changed, the versions and the new
 * pack's warnings; a same or older version says so and offers to open the
 * installed pack (an older one can replace it all the same); a pack by
 * other authors says so first, and its replace button is destructive. */
GtkWidget *pn_update_dialog_new (GtkWindow       *parent,
                                 PnLibraryImport *import);

/* How many changes are listed (rows), for tests. */
guint      pn_update_dialog_get_n_changes (PnUpdateDialog *self);
/* What the dialog says, in its own labels (for tests). */
const char *pn_update_dialog_get_heading  (PnUpdateDialog *self);
const char *pn_update_dialog_get_body     (PnUpdateDialog *self);

G_END_DECLS
