/* pn-problems-window.h: the problems found in a course pack, one row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PN_TYPE_PROBLEMS_WINDOW (pn_problems_window_get_type ())
G_DECLARE_FINAL_TYPE (PnProblemsWindow, pn_problems_window, PN, PROBLEMS_WINDOW, AdwWindow)

/* Lists @diagnostics (PnDiagnostic) of the pack titled @pack_title (may be NULL),
 * at most 500 of them, then how many more there are. */
GtkWidget *pn_problems_window_new (GtkWindow  *parent,
                                   const char *pack_title,
                                   GPtrArray  *diagnostics);
/* How many problems are listed as rows. */
guint      pn_problems_window_get_n_listed (PnProblemsWindow *self);

G_END_DECLS
