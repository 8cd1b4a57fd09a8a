/* pn-flashcards-text.h: how the flashcards page says intervals, due times, grades and a session's summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pn-fsrs.h"

G_BEGIN_DECLS

/* A wait until a card comes back, rounded as a grade button shows it:
 * « 1 min », « 10 min », « 5 h », « 3 days », « 4 months », « 1.5 years ». */
char *pn_flashcards_format_interval (gint64 seconds);

/* When @due falls, seen at @now (both seconds since the epoch), in local time
 * and the locale's words: « now », « today at 14:30 », « tomorrow at 09:00 »,
 * « Thursday at 09:00 » (this week), « 12 January at 09:00 », « 12 January 2028 ». */
char *pn_flashcards_format_due      (gint64 due,
                                     gint64 now);

/* The name of a grade, as on its button (translated): « Again », « Hard »… */
const char *pn_flashcards_grade_name      (PnFsrsRating  rating);
/* The end of a session: « 12 reviews, 5 new cards learnt ». */
char       *pn_flashcards_format_summary  (guint         reviewed,
                                           guint         new_learnt);
/* The grades given, @by_rating indexed by PnFsrsRating (1 to 4):
 * « Again: 1 · Hard: 0 · Good: 8 · Easy: 3 ». */
char       *pn_flashcards_format_grades   (const guint  *by_rating);

G_END_DECLS
