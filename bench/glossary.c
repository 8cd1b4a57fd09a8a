/* glossary.c: what linking the glossary costs
 *
 * Usage: bench-glossary PACK-FOLDER (the bundled pack, data/pack).
 *
 * 1. A French text of 1 MB (the essay repeated) run through the glossary
 *    matcher with 20 and with 2,000 entries: throughput of each, and the
 *    ratio of their times (the goal: at most 1.5, an automaton whose cost does
 *    not grow with the entries; one search per term would make it 100).
 * 2. The essay rendered with and without its glossary (the bundled one, or
 *    40 entries made from its words when the pack has none), and the ratio
 *    (the goal: at most 1.20).
 * The entries are multi-word French terms made from the essay's words, with
 * plural forms; one in ten is a phrase of the essay, so that it occurs. Each
 * figure is the best of several runs, in CPU time of the thread (the machine
 * may be busy). Times are printed, never asserted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "pn-glossary-matcher.h"
#include "pn-pack-private.h"
#include "pn-render.h"

#define TEXT_SIZE (1024 * 1024)
#define RUNS 7
#define RENDER_RUNS 30

/* This thread's CPU time in seconds: other programs on the machine count less. */
static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec + now.tv_nsec / 1e9;
}

/* The words of @text of at least @min_letters letters, in order (repeats kept). */
static GPtrArray *
words_of (const char *text,
          guint       min_letters)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start && g_utf8_strlen (start, p - start) >= min_letters)
        g_ptr_array_add (words, g_utf8_strdown (start, p - start));
      if (p == start)
        p = g_utf8_next_char (p);
    }

  return words;
}

/* @n entries: one in ten a phrase of two or three consecutive words of the
 * essay, the others two or three of its words joined as French terms are
 * ("X de Y", "X des Y", "X Y"); each with its plural as a form. */
static PnGlossary *
make_glossary (GPtrArray *all_words,
               GPtrArray *words,
               guint      n,
               guint32    seed)
{
  static const char * const joins[] = { " ", " de ", " des ", " du ", " et " };
  PnGlossary *glossary = pn_glossary_new ("bench.json");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint made = 0;

  while (made < n)
    {
      g_autoptr(GString) term = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("e%u", made);
      g_autofree char *plural = NULL;
      const char *forms[2] = { NULL, NULL };
      guint n_words = g_rand_int_range (rand, 2, 4);

      if (made % 10 == 0)
        {
          guint at = g_rand_int_range (rand, 0, all_words->len - n_words);

          for (guint i = 0; i < n_words; i++)
            g_string_append_printf (term, "%s%s", i > 0 ? " " : "", (char *) g_ptr_array_index (all_words, at + i));
        }
      else
        {
          for (guint i = 0; i < n_words; i++)
            g_string_append_printf (term, "%s%s", i > 0 ? joins[g_rand_int_range (rand, 0, G_N_ELEMENTS (joins))] : "",
                                    (char *) g_ptr_array_index (words, g_rand_int_range (rand, 0, words->len)));
        }
      plural = g_strconcat (term->str, "s", NULL);
      forms[0] = plural;
      if (pn_glossary_add (glossary, pn_glossary_entry_new (id, term->str, forms, "Définition.", NULL, NULL,
                                                            NULL, FALSE)))
        made++;
    }

  return glossary;
}

/* The best time of RUNS finds over @text, in seconds; @matches receives how many. */
static double
time_find (PnGlossary *glossary,
           const char *text,
           guint      *matches)
{
  PnGlossaryMatcher *matcher = pn_glossary_get_matcher (glossary);   /* built once, not timed */
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      double start = cpu_seconds ();
      g_autoptr(GArray) found = pn_glossary_matcher_find (matcher, text, -1);
      double seconds = cpu_seconds () - start;

      best = MIN (best, seconds);
      *matches = found->len;
    }

  return best;
}

/* One render of @doc with @glossary (NULL: none), in seconds; @terms
 * receives the number of occurrences. */
static double
time_render (PnPack     *pack,
             PnDocument *doc,
             PnGlossary *glossary,
             guint      *terms)
{
  PnGlossary *own = pack->glossary;
  PnRenderedPage *page;
  double start;
  double seconds;

  pack->glossary = glossary;
  start = cpu_seconds ();
  page = pn_render_page (pack, doc);
  seconds = cpu_seconds () - start;
  pack->glossary = own;

  *terms = pn_rendered_page_get_terms (page)->len;
  g_object_unref (page);

  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(GPtrArray) all_words = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(PnGlossary) small = NULL;
  g_autoptr(PnGlossary) large = NULL;
  g_autoptr(PnGlossary) made = NULL;
  g_autoptr(GString) text = g_string_sized_new (TEXT_SIZE + 65536);
  PnGlossary *bundled;
  PnDocument *essay;
  const char *markdown;
  double small_time, large_time, without_time, with_time;
  guint small_matches, large_matches, terms_without, terms_with;
  const char *which;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s PACK-FOLDER\n", argv[0]);
      return 2;
    }

  location = g_file_new_for_commandline_arg (argv[1]);
  diagnostics = g_ptr_array_new ();
  pack = pn_pack_load (location, diagnostics, &error);
  if (pack == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  essay = g_ptr_array_index (pn_pack_get_documents (pack), 0);
  markdown = pn_document_get_markdown (essay);
  if (markdown == NULL)
    {
      fprintf (stderr, "%s: the first document could not be read\n", argv[1]);
      return 1;
    }

  /* 1. The matcher, 20 against 2,000 entries. */
  while (text->len < TEXT_SIZE)
    g_string_append (text, markdown);
  all_words = words_of (markdown, 1);
  words = words_of (markdown, 4);
  small = make_glossary (all_words, words, 20, 20);
  large = make_glossary (all_words, words, 2000, 2000);

  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(PnGlossaryMatcher) matcher = pn_glossary_matcher_new (large);

    printf ("glossary-2000-build: %.1f ms (once per pack)\n", (g_get_monotonic_time () - start) / 1e3);
  }
  small_time = time_find (small, text->str, &small_matches);
  large_time = time_find (large, text->str, &large_matches);
  printf ("glossary-20: %.1f MB/s (%.2f MB in %.1f ms, %u matches, %u forms)\n",
          text->len / 1e6 / small_time, text->len / 1e6, small_time * 1e3, small_matches,
          pn_glossary_matcher_get_n_forms (pn_glossary_get_matcher (small)));
  printf ("glossary-2000: %.1f MB/s (%.2f MB in %.1f ms, %u matches, %u forms)\n",
          text->len / 1e6 / large_time, text->len / 1e6, large_time * 1e3, large_matches,
          pn_glossary_matcher_get_n_forms (pn_glossary_get_matcher (large)));
  printf ("ratio %.2f (time with 2,000 entries / time with 20; goal <= 1.5)\n", large_time / small_time);

  /* 2. The essay's render, with and without its glossary, in turns. */
  bundled = pack->glossary;
  which = "bundled";
  if (bundled == NULL)
    {
      made = make_glossary (all_words, words, 40, 40);
      bundled = made;
      which = "generated";
    }
  pn_glossary_get_matcher (bundled);   /* built once per pack, not timed */
  without_time = with_time = G_MAXDOUBLE;
  for (guint run = 0; run < RENDER_RUNS; run++)
    {
      without_time = MIN (without_time, time_render (pack, essay, NULL, &terms_without));
      with_time = MIN (with_time, time_render (pack, essay, bundled, &terms_with));
    }

  printf ("essay-render-without-glossary: %.2f ms (%u occurrences)\n", without_time * 1e3, terms_without);
  printf ("essay-render-with-glossary: %.2f ms (%s glossary, %u entries, %u occurrences)\n",
          with_time * 1e3, which, pn_glossary_get_n_entries (bundled), terms_with);
  printf ("ratio %.2f (render with glossary / without; goal <= 1.20)\n", with_time / without_time);

  return 0;
}
