/* pn-library-page.h: the library, the course packs installed (the window's start page)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pn-library.h"
#include "pn-library-card.h"
#include "pn-store.h"

G_BEGIN_DECLS

#define PN_TYPE_LIBRARY_PAGE (pn_library_page_get_type ())
G_DECLARE_FINAL_TYPE (PnLibraryPage, pn_library_page, PN, LIBRARY_PAGE, AdwBin)

/* Signal "pack-activated" (const char *pack_id, const char *path): a card
 * was activated; @path is the pack's folder. */

GtkWidget     *pn_library_page_new            (void);
/* Shows @library's packs, and again on its "changed" signal; the progress
 * figures come from @store (NULL: none shown). */
void           pn_library_page_set_library    (PnLibraryPage *self,
                                               PnLibrary     *library,
                                               PnStore       *store);
/* Reads the packs and the student's progress again. */
void           pn_library_page_refresh        (PnLibraryPage *self);
/* The page's own header bar (Import…, the menu). */
GtkWidget     *pn_library_page_get_header_bar (PnLibraryPage *self);
/* The cards' container (for F6). */
GtkWidget     *pn_library_page_get_content    (PnLibraryPage *self);
/* The card of @pack_id, NULL when none. */
PnLibraryCard *pn_library_page_get_card       (PnLibraryPage *self,
                                               const char    *pack_id);
/* Puts the keyboard focus on the card of @pack_id, else on the first one. */
void           pn_library_page_focus_card     (PnLibraryPage *self,
                                               const char    *pack_id);

G_END_DECLS
