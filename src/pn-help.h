/* pn-help.h: opening the user guide (the help viewer, else the app's own help window)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opens the page @page_id of the guide (NULL: its first page) in the desktop's
 * help viewer (Yelp), or in the app's own help window when there is none, when
 * it fails to start, inside a sandbox, or when $PRISONNUM_HELP_VIEWER is
 * "none". The help window belongs to @parent's application.
 * Returns FALSE when the guide cannot be shown at all (no viewer, and a build
 * without the pages). */
gboolean pn_help_show (GtkWindow  *parent,
                       const char *page_id);

G_END_DECLS
