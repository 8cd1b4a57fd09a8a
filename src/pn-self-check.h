/* pn-self-check.h: what the app needs from the system it runs on, and its self-check mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-window.h"

G_BEGIN_DECLS

/* The serif face the reader asks for first that is installed ("Noto Serif", …), or NULL. */
char     *pn_self_check_find_serif_face      (void);
/* A French hyphenation dictionary where WebKitGTK looks for them, or NULL. */
char     *pn_self_check_find_hyphenation_fr  (void);
/* At start-up: says (g_message) what is missing, once. */
void      pn_self_check_log_environment      (void);
/* `prisonnum --self-check`: once @window shows its first document, checks the page (text
 * laid out, French words hyphenated), the student store's file, the help; prints one
 * "name: ok|FAIL detail" line each on standard output and quits the app, with exit status 1
 * when a check failed. */
void      pn_self_check_start                (GtkApplication *app,
                                              PnWindow       *window);

G_END_DECLS
