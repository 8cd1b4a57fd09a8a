/* pn-flashcards-text.h: how the flashcards page says intervals and due times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A wait until a card comes back, rounded as a grade button shows it:
 * « 1 min », « 10 min », « 5 h », « 3 days », « 4 months », « 1.5 years ». */
char *pn_flashcards_format_interval (gint64 seconds);

/* When @due falls, seen at @now (both seconds since the epoch), in local time
 * and the locale's words: « now », « today at 14:30 », « tomorrow at 09:00 »,
 * « Thursday at 09:00 » (this week), « 12 January at 09:00 », « 12 January 2028 ». */
char *pn_flashcards_format_due      (gint64 due,
                                     gint64 now);

G_END_DECLS
