/* pn-library-card.h: one course pack of the library page (cover, title, authors, progress)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-library.h"
#include "pn-store-packs.h"

G_BEGIN_DECLS

#define PN_TYPE_LIBRARY_CARD (pn_library_card_get_type ())
G_DECLARE_FINAL_TYPE (PnLibraryCard, pn_library_card, PN, LIBRARY_CARD, GtkFlowBoxChild)

/* Activating the card (Enter, a click) opens the pack; its menu (the « ⋮ »
 * button, the Menu key or Shift+F10) removes it, except the bundled one. */
GtkWidget   *pn_library_card_new         (const PnLibraryPack  *pack);
const char  *pn_library_card_get_pack_id (PnLibraryCard        *self);
const char  *pn_library_card_get_title   (PnLibraryCard        *self);
/* The pack's folder. */
const char  *pn_library_card_get_path    (PnLibraryCard        *self);
/* What the student did in the pack; NULL when it is not known (no store). */
void         pn_library_card_set_progress (PnLibraryCard        *self,
                                           const PnPackProgress *progress,
                                           guint                 n_documents);
/* The progress figures as shown (one line, "" when none), for tests. */
char        *pn_library_card_get_figures (PnLibraryCard        *self);
/* Opens the card's menu; FALSE when it has none (the bundled essay). */
gboolean     pn_library_card_popup_menu  (PnLibraryCard        *self);

G_END_DECLS
