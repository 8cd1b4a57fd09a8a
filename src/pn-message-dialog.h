/* pn-message-dialog.h: an AdwMessageDialog whose heading and body wrap at any width
 *
 * libadwaita 1.7 measures a message dialog's own heading narrower than it
 * needs when it does not fit on one line (a French heading rarely does), and
 * GTK 4.18 warns of it (« Trying to measure GtkLabel for width of 252, but
 * it needs at least 263 »); its own body cannot break a path, which has no
 * spaces. The dialogs of the app put both in labels of their own instead,
 * in the extra child: the heading wraps, the body breaks anywhere and can be
 * selected and copied. The dialog is named by its heading and described by
 * its body, as libadwaita's own would be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A message dialog on @parent (may be NULL) with @heading and @body (may be
 * NULL), without responses yet. Add more under the body with
 * pn_message_dialog_append(). */
GtkWidget *pn_message_dialog_new    (GtkWindow  *parent,
                                     const char *heading,
                                     const char *body);
/* Adds @child under the body (a list of changes, a check button). */
void       pn_message_dialog_append (GtkWidget  *dialog,
                                     GtkWidget  *child);
/* The labels made by pn_message_dialog_new(), for tests. */
GtkLabel  *pn_message_dialog_get_heading_label (GtkWidget *dialog);
GtkLabel  *pn_message_dialog_get_body_label    (GtkWidget *dialog);

G_END_DECLS
