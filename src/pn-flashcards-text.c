/* pn-flashcards-text.c: how the flashcards page says intervals, due times, grades and a session's summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pn-flashcards-text.h"

#define MINUTE  60
#define HOUR    (60 * MINUTE)
#define DAY     (24 * HOUR)

char *
pn_flashcards_format_interval (gint64 seconds)
{
  gint64 n;

  if (seconds < HOUR)
    {
      n = MAX (1, (seconds + MINUTE / 2) / MINUTE);
      /* Translators: a flashcard comes back in this many minutes (on its grade button) */
      return g_strdup_printf (_("%d min"), (int) n);
    }
  if (seconds < DAY)
    {
      n = (seconds + HOUR / 2) / HOUR;
      if (n < 24)
        /* Translators: a flashcard comes back in this many hours (on its grade button) */
        return g_strdup_printf (_("%d h"), (int) n);
    }

  n = (seconds + DAY / 2) / DAY;
  if (n < 31)
    /* Translators: a flashcard comes back in this many days (on its grade button) */
    return g_strdup_printf (ngettext ("%d day", "%d days", n), (int) n);
  if (n < 365)
    {
      int months = (int) MAX (1, (n * 12 + 182) / 365);

      /* Translators: a flashcard comes back in this many months (on its grade button) */
      return g_strdup_printf (ngettext ("%d month", "%d months", months), months);
    }

  {
    double years = n / 365.25;
    int tenths = (int) (years * 10 + 0.5);
    char number[32];

    /* One decimal unless whole, in the locale's own decimal sign. */
    if (tenths % 10 == 0)
      g_snprintf (number, sizeof number, "%d", tenths / 10);
    else
      g_snprintf (number, sizeof number, "%.1f", tenths / 10.0);
    /* Translators: a flashcard comes back in this many years, e.g. "1.5" (on its grade button) */
    return g_strdup_printf (ngettext ("%s year", "%s years", tenths == 10 ? 1 : 2), number);
  }
}

/* Days since a fixed day, counted in calendar days (whatever the clock changes). */
static gint64
local_day (GDateTime *time)
{
  int year, month, day;
  GDate date;

  g_date_time_get_ymd (time, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

char *
pn_flashcards_format_due (gint64 due,
                          gint64 now)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) today = NULL;
  g_autofree char *time = NULL;
  g_autofree char *date = NULL;
  gint64 days;

  if (due <= now)
    /* Translators: when the next flashcards are due */
    return g_strdup (_("now"));

  when = g_date_time_new_from_unix_local (due);
  today = g_date_time_new_from_unix_local (now);
  if (when == NULL || today == NULL)
    return g_strdup ("");
  days = local_day (when) - local_day (today);

  /* Translators: the time of day a flashcard is due, as g_date_time_format() writes it */
  time = g_date_time_format (when, _("%H:%M"));

  if (days == 0)
    /* Translators: when the next flashcards are due, %s is a time of day */
    return g_strdup_printf (_("today at %s"), time);
  if (days == 1)
    /* Translators: when the next flashcards are due, %s is a time of day */
    return g_strdup_printf (_("tomorrow at %s"), time);
  if (days < 7)
    {
      date = g_date_time_format (when, "%A");
      /* Translators: when the next flashcards are due: a day of the week, then a time of day */
      return g_strdup_printf (_("%s at %s"), date, time);
    }
  if (g_date_time_get_year (when) == g_date_time_get_year (today))
    {
      /* Translators: a day of this year, as g_date_time_format() writes it (« 12 January ») */
      date = g_date_time_format (when, _("%-d %B"));
      /* Translators: when the next flashcards are due: a date, then a time of day */
      return g_strdup_printf (_("%s at %s"), date, time);
    }

  /* Translators: a date in another year, as g_date_time_format() writes it (« 12 January 2028 ») */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/* By PnFsrsRating - 1. */
static const char * const grade_names[] = {
  NC_("flashcard grade", "Again"),
  NC_("flashcard grade", "Hard"),
  NC_("flashcard grade", "Good"),
  NC_("flashcard grade", "Easy"),
};

const char *
pn_flashcards_grade_name (PnFsrsRating rating)
{
  g_return_val_if_fail (rating >= PN_FSRS_AGAIN && rating <= PN_FSRS_EASY, "");

  return g_dpgettext2 (NULL, "flashcard grade", grade_names[rating - 1]);
}

char *
pn_flashcards_format_summary (guint reviewed,
                              guint new_learnt)
{
  g_autofree char *reviews = NULL;
  g_autofree char *news = NULL;

  /* Translators: at the end of a flashcard session: how many grades were given */
  reviews = g_strdup_printf (ngettext ("%u review", "%u reviews", reviewed), reviewed);
  /* Translators: at the end of a flashcard session: how many cards were seen for the first time */
  news = g_strdup_printf (ngettext ("%u new card learnt", "%u new cards learnt", new_learnt), new_learnt);
  /* Translators: "12 reviews, 5 new cards learnt" */
  return g_strdup_printf (_("%s, %s"), reviews, news);
}

char *
pn_flashcards_format_grades (const guint *by_rating)
{
  GString *grades = g_string_new (NULL);

  for (PnFsrsRating rating = PN_FSRS_AGAIN; rating <= PN_FSRS_EASY; rating++)
    {
      if (rating > PN_FSRS_AGAIN)
        g_string_append (grades, " · ");
      /* Translators: a grade and how many cards got it, e.g. "Good: 8" */
      g_string_append_printf (grades, _("%s: %u"), pn_flashcards_grade_name (rating), by_rating[rating]);
    }

  return g_string_free (grades, FALSE);
}
