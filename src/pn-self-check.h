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
/* What to install when pn_self_check_find_serif_face() finds none (one line). */
const char *pn_self_check_serif_advice       (void);
/* At start-up: says (g_message) what is missing, once. The hyphenation dictionaries depend on
 * the pack's languages: said when a pack is opened (pn_hyphenation_log_missing()). */
void      pn_self_check_log_environment      (void);
/* `prisonnum --self-check [PACK]`: once @window shows its first document, checks the serif
 * face, a hyphenation dictionary for each language of the pack (hyphenation-LANG), the page
 * (text laid out, a long word in the document's language hyphenated), the student store's
 * file, the help; prints one "name: ok|FAIL detail" line each on standard output and quits
 * the app, with exit status 1 when a check failed. */
void      pn_self_check_start                (GtkApplication *app,
                                              PnWindow       *window);

G_END_DECLS
