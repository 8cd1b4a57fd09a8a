/* annotations.c: what anchoring the student's annotations costs
 *
 * Usage: bench-annotations PACK-FOLDER (the bundled pack, data/pack).
 *
 * A French text of 1 MB (the plain text of the essay, repeated) and 10,000
 * annotations over it (quotes of a few to a few hundred code points, at
 * random places; the seed is fixed). Printed:
 * 1. anchoring all of them in the unchanged text (preparing the text
 *    included), beside the floor: reading the same selectors without
 *    anchoring (copying each); goal under 100 ms;
 * 2. re-anchoring all of them in the text with 1 % of its characters
 *    edited (a third replaced, a third inserted, a third deleted), with the
 *    share found at their position or exactly elsewhere, approximately, and
 *    detached, and how many landed on the wrong words (the edits are known:
 *    each annotation's true new range is); goal under 1 s;
 * 3. re-anchoring all of them in the text with the same tenth of each copy
 *    of the essay taken out (the rest moving up by as much for each copy,
 *    far beyond the window around the old positions): the share of the
 *    annotations in those passages that are detached, as they should be;
 * 4. opening the store with 10,000 annotations (the file checked for
 *    damage) beside plain SQLite opening it and checking it; then reading
 *    them, beside plain SQLite reading the same rows and tags; goal for
 *    opening under 50 ms.
 * Each figure is the best of several runs, in CPU time of the thread (the
 * machine may be busy). Times are printed, never asserted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pn-anchor-private.h"   /* pn_anchor_text_byte_at(), to check the places found */
#include "pn-pack-private.h"
#include "pn-render.h"
#include "pn-store.h"
#include "pn-store-annotations.h"

#define TEXT_SIZE (1024 * 1024)
#define N_ANNOTATIONS 10000
#define EDIT_RATE 0.01
#define RUNS 3

/* This thread's CPU time in seconds: other programs on the machine count less. */
static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec + now.tv_nsec / 1e9;
}

/* The essay's plain text (as the reader has it), repeated to 1 MB. */
static char *
make_text (const char *pack_folder,
           gint64     *period)
{
  g_autoptr(GFile) location = g_file_new_for_commandline_arg (pack_folder);
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPack) pack = pn_pack_load (location, diagnostics, &error);
  g_autoptr(PnRenderedPage) page = NULL;
  GString *text = g_string_sized_new (TEXT_SIZE + 65536);
  const char *essay;

  if (pack == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  page = pn_render_page (pack, g_ptr_array_index (pn_pack_get_documents (pack), 0));
  essay = pn_rendered_page_get_text (page);
  if (essay == NULL || essay[0] == '\0')
    {
      fprintf (stderr, "%s: the first document has no text\n", pack_folder);
      exit (1);
    }
  while (text->len < TEXT_SIZE)
    {
      g_string_append (text, essay);
      g_string_append (text, "\n\n");
    }
  *period = g_utf8_strlen (essay, -1) + 2;

  return g_string_free (text, FALSE);
}

/* Annotations at random places: one in ten a word or two (3 to 12 code
 * points), seven in ten a phrase or a sentence (15 to 120), two in ten a
 * passage (120 to 400). */
static GPtrArray *
make_annotations (PnAnchorText *text,
                  GRand        *rand)
{
  GPtrArray *annotations = pn_annotations_new ();
  gint64 length = pn_anchor_text_get_length (text);

  for (guint i = 0; i < N_ANNOTATIONS; i++)
    {
      PnAnnotation *a = pn_annotation_new ("prison-numerique", "essai", PN_ANNOTATION_HIGHLIGHT);
      int kind = g_rand_int_range (rand, 0, 10);
      gint64 n = kind == 0 ? g_rand_int_range (rand, 3, 13)
                 : kind < 8 ? g_rand_int_range (rand, 15, 121)
                 : g_rand_int_range (rand, 120, 401);
      gint64 start = g_rand_int_range (rand, 0, (gint32) (length - n));

      pn_anchor_text_make_selectors (text, start, start + n, &a->selectors);
      g_ptr_array_add (annotations, a);
    }

  return annotations;
}

/* @text with EDIT_RATE of its code points edited; @moved[i] receives where
 * code point i went (for i up to the length, included). */
static char *
edit_text (PnAnchorText *text,
           GRand        *rand,
           gint64       *moved)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz  ";
  const char *p = pn_anchor_text_get_text (text);
  gint64 length = pn_anchor_text_get_length (text);
  GString *out = g_string_sized_new (strlen (p) + 16);
  gint64 n = 0;

  for (gint64 i = 0; i < length; i++, p = g_utf8_next_char (p))
    {
      char letter = letters[g_rand_int_range (rand, 0, sizeof letters - 1)];

      moved[i] = n;
      if (g_rand_double (rand) >= EDIT_RATE)
        {
          g_string_append_unichar (out, g_utf8_get_char (p));
          n++;
          continue;
        }
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:   /* replaced */
          g_string_append_c (out, letter != *p ? letter : '#');
          n++;
          break;
        case 1:   /* inserted before */
          g_string_append_c (out, letter);
          g_string_append_unichar (out, g_utf8_get_char (p));
          moved[i] = n + 1;
          n += 2;
          break;
        default:  /* deleted */
          break;
        }
    }
  moved[length] = n;

  return g_string_free (out, FALSE);
}

/* The floor: what reading the selectors costs, without anchoring. */
static double
time_reading (GPtrArray *annotations)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      double start = cpu_seconds ();
      gint64 sum = 0;

      for (guint i = 0; i < annotations->len; i++)
        {
          const PnAnnotation *a = g_ptr_array_index (annotations, i);
          PnTextSelectors copy = { 0 };

          pn_text_selectors_copy (&a->selectors, &copy);
          sum += copy.end - copy.start;
          pn_text_selectors_clear (&copy);
        }
      best = MIN (best, cpu_seconds () - start);
      if (sum < 0)
        printf ("?");
    }

  return best;
}

/* @text (copies of the essay, @period code points each) with the same
 * tenth of each copy taken out (from a third of it on); @moved[i] receives
 * where code point i went, -1 for those taken out. */
static char *
cut_text (PnAnchorText *text,
          gint64        period,
          gint64       *moved)
{
  const char *p = pn_anchor_text_get_text (text);
  gint64 length = pn_anchor_text_get_length (text);
  GString *out = g_string_sized_new (strlen (p));
  gint64 n = 0;

  for (gint64 i = 0; i < length; i++, p = g_utf8_next_char (p))
    {
      gint64 in_copy = i % period;

      if (in_copy >= period / 3 && in_copy < period / 3 + period / 10)
        {
          moved[i] = -1;
          continue;
        }
      moved[i] = n++;
      g_string_append_unichar (out, g_utf8_get_char (p));
    }
  moved[length] = n;

  return g_string_free (out, FALSE);
}

typedef struct {
  guint methods[PN_ANCHOR_DETACHED + 1];
  guint wrong;    /* found, but not on the annotation's words */
  guint copies;   /* found on the same words in another copy of the essay */
  guint gone;     /* all of its words taken out */
  guint gone_detached;
} Tally;

/* Anchors copies of @annotations in @plain (the text prepared in the timed
 * part); the best of RUNS. @moved: where the original code points went, to
 * check the places found (NULL: not moved). */
static double
time_anchoring (GPtrArray    *annotations,
                const char   *plain,
                const gint64 *moved,
                Tally        *tally)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) copies = g_ptr_array_new_full (annotations->len, (GDestroyNotify) pn_annotation_free);
      double start, seconds;
      PnAnchorText *text;

      for (guint i = 0; i < annotations->len; i++)
        g_ptr_array_add (copies, pn_annotation_copy (g_ptr_array_index (annotations, i)));
      memset (tally, 0, sizeof *tally);

      start = cpu_seconds ();
      text = pn_anchor_text_new (plain, -1);
      for (guint i = 0; i < copies->len; i++)
        {
          PnAnnotation *a = g_ptr_array_index (copies, i);
          PnAnchorResult result;

          tally->methods[pn_anchor_annotation (text, a, &result)]++;
        }
      seconds = cpu_seconds () - start;
      best = MIN (best, seconds);

      for (guint i = 0; i < copies->len; i++)
        {
          const PnAnnotation *before = g_ptr_array_index (annotations, i);
          const PnAnnotation *after = g_ptr_array_index (copies, i);
          gint64 want_start = moved != NULL ? moved[before->selectors.start] : before->selectors.start;
          gint64 want_end = moved != NULL ? moved[before->selectors.end] : before->selectors.end;
          gboolean cut_start = want_start < 0;
          gboolean cut_end = moved != NULL && moved[before->selectors.end - 1] < 0;
          gint64 overlap;

          /* Taken out, all (a cut is longer than any quote) or in part. */
          if (cut_start && cut_end)
            {
              tally->gone++;
              tally->gone_detached += after->detached;
              continue;
            }
          if (after->detached || cut_start || cut_end)
            continue;
          overlap = MIN (after->selectors.end, want_end) - MAX (after->selectors.start, want_start);
          /* On its words: at least half of them covered; else on the same
           * words elsewhere (the text repeats the essay), or wrong. */
          if (overlap <= 0 || 2 * overlap < want_end - want_start)
            {
              const char *t = pn_anchor_text_get_text (text);
              gsize found_from = pn_anchor_text_byte_at (text, after->selectors.start);
              gsize found_to = pn_anchor_text_byte_at (text, after->selectors.end);
              gsize want_from = pn_anchor_text_byte_at (text, want_start);
              gsize want_to = pn_anchor_text_byte_at (text, want_end);

              if (found_to - found_from == want_to - want_from
                  && memcmp (t + found_from, t + want_from, want_to - want_from) == 0)
                tally->copies++;
              else
                tally->wrong++;
            }
        }
      pn_anchor_text_free (text);
    }

  return best;
}

/* Removes @folder and the files in it (the store's database, its journal
 * and copies). */
static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

typedef struct {
  double open;    /* pn_store_open(): the file opened, checked (PRAGMA quick_check), WAL set */
  double read;    /* pn_store_get_annotations() of the pack, tags included */
} StoreTimes;

/* Opening the store and reading all of the annotations, each the best of RUNS. */
static void
time_store (const char *path,
            guint      *n_read,
            StoreTimes *best)
{
  best->open = best->read = G_MAXDOUBLE;
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = cpu_seconds ();
      g_autoptr(PnStore) store = pn_store_open (path, &error);
      double opened = cpu_seconds ();
      g_autoptr(GPtrArray) read = store != NULL ? pn_store_get_annotations (store, "prison-numerique", NULL, &error) : NULL;

      best->read = MIN (best->read, cpu_seconds () - opened);
      best->open = MIN (best->open, opened - start);
      if (read == NULL)
        {
          fprintf (stderr, "store: %s\n", error->message);
          exit (1);
        }
      *n_read = read->len;
    }
}

/* Steps @sql on @db to its end, each column read as text into nothing. */
static void
read_rows (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *statement = NULL;
  gsize bytes = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "sqlite: %s\n", sqlite3_errmsg (db));
      exit (1);
    }
  while (sqlite3_step (statement) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (statement); c++)
      {
        const unsigned char *text = sqlite3_column_text (statement, c);

        bytes += text != NULL ? strlen ((const char *) text) : 0;
      }
  sqlite3_finalize (statement);
  if (bytes == 0)
    printf ("?");
}

typedef struct {
  double open;         /* the file opened and its schema read */
  double quick_check;  /* PRAGMA quick_check (1) on it: what the store's check costs */
  double read;         /* the same rows and tags as the store reads, into nothing */
} SqliteTimes;

/* The floors: plain SQLite opening the file (and reading its schema) and
 * checking it, and reading the same rows and tags, on a connection of its
 * own (with SQLite's default page cache). */
static void
time_sqlite (const char  *path,
             SqliteTimes *best)
{
  static const char * const queries[] = {
    "SELECT id, pack_id, document_id, kind, color, note, exact, prefix, suffix, start_offset, "
    "end_offset, content_hash, detached, created_at, updated_at FROM annotations "
    "WHERE pack_id = 'prison-numerique' ORDER BY pack_id, document_id, start_offset, end_offset, created_at",
    "SELECT t.annotation_id, t.position, t.tag FROM annotation_tags t "
    "JOIN annotations a ON a.id = t.annotation_id WHERE a.pack_id = 'prison-numerique'",
  };

  best->open = best->quick_check = best->read = G_MAXDOUBLE;
  for (guint run = 0; run < RUNS; run++)
    {
      double start = cpu_seconds ();
      double opened, checked;
      sqlite3 *db = NULL;

      /* Read-write, as the store opens it: SQLite's check costs about twice
       * as much on such a connection as on a read-only one. */
      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "sqlite: %s\n", sqlite3_errmsg (db));
          exit (1);
        }
      read_rows (db, "SELECT name FROM sqlite_master");
      opened = cpu_seconds ();
      best->open = MIN (best->open, opened - start);
      read_rows (db, "PRAGMA quick_check (1)");
      checked = cpu_seconds ();
      best->quick_check = MIN (best->quick_check, checked - opened);
      sqlite3_close (db);

      /* A fresh connection: the check above read every page into its cache. */
      sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
      read_rows (db, "SELECT name FROM sqlite_master");
      start = cpu_seconds ();
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        read_rows (db, queries[q]);
      best->read = MIN (best->read, cpu_seconds () - start);
      sqlite3_close (db);
    }
}

/* The store with @annotations (every fifth tagged), opened and read, beside
 * plain SQLite. */
static void
bench_store (GPtrArray *annotations)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("bench-annotations-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) tagged = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_annotation_free);
  const char *tags[] = { "examen", "définition", NULL };
  StoreTimes store_time;
  SqliteTimes sqlite_time;
  guint added = 0, skipped = 0, n_read = 0;

  if (folder == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  path = g_build_filename (folder, "student.db", NULL);
  {
    g_autoptr(PnStore) store = pn_store_open (path, &error);

    for (guint i = 0; i < annotations->len; i++)
      {
        PnAnnotation *a = pn_annotation_copy (g_ptr_array_index (annotations, i));

        if (i % 5 == 0)
          pn_annotation_set_tags (a, tags);
        g_ptr_array_add (tagged, a);
      }
    if (store == NULL || !pn_store_import_annotations (store, tagged, &added, &skipped, &error))
      {
        fprintf (stderr, "store: %s\n", error->message);
        exit (1);
      }
  }

  time_store (path, &n_read, &store_time);
  time_sqlite (path, &sqlite_time);
  printf ("annotations-store-open-floor: %.1f ms (plain SQLite opening the file and reading its schema)\n",
          sqlite_time.open * 1e3);
  printf ("annotations-store-quick-check: %.1f ms (plain SQLite's PRAGMA quick_check of the same file: "
          "the store's check for damage, part of opening it)\n", sqlite_time.quick_check * 1e3);
  printf ("annotations-store-open: %.1f ms (the store opened: checked for damage, WAL; goal < 50 ms)\n",
          store_time.open * 1e3);
  printf ("ratio %.2f (opening the store / plain SQLite opening and checking)\n",
          store_time.open / (sqlite_time.open + sqlite_time.quick_check));
  printf ("annotations-store-read-floor: %.1f ms (plain SQLite reading the same rows and tags, in the same "
          "order, into nothing)\n", sqlite_time.read * 1e3);
  printf ("annotations-store-read: %.1f ms (%u annotations with their tags read from the store)\n",
          store_time.read * 1e3, n_read);
  printf ("ratio %.2f (reading them from the store / plain SQLite)\n", store_time.read / sqlite_time.read);
  printf ("annotations-store-open-and-read: %.1f ms (both)\n", (store_time.open + store_time.read) * 1e3);

  remove_folder (folder);
}

static double
share (guint n)
{
  return 100.0 * n / N_ANNOTATIONS;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *plain = NULL;
  g_autofree char *edited = NULL;
  g_autofree gint64 *moved = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  PnAnchorText *text;
  gint64 period;
  double floor_time, same_time, edited_time;
  Tally same, changed;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s PACK-FOLDER\n", argv[0]);
      return 2;
    }

  plain = make_text (argv[1], &period);
  text = pn_anchor_text_new (plain, -1);
  annotations = make_annotations (text, rand);
  moved = g_new (gint64, pn_anchor_text_get_length (text) + 1);
  edited = edit_text (text, rand, moved);

  {
    double best = G_MAXDOUBLE;

    for (guint run = 0; run < RUNS; run++)
      {
        double start = cpu_seconds ();

        pn_anchor_text_free (pn_anchor_text_new (plain, -1));
        best = MIN (best, cpu_seconds () - start);
      }
    printf ("annotations-text-prepare: %.1f ms (validated, indexed, hashed; once per text)\n", best * 1e3);
  }
  floor_time = time_reading (annotations);
  same_time = time_anchoring (annotations, plain, NULL, &same);
  printf ("annotations-reading-selectors: %.2f ms (%d annotations; the floor)\n",
          floor_time * 1e3, N_ANNOTATIONS);
  printf ("annotations-anchor-unchanged: %.1f ms (%.2f MB, %" G_GINT64_FORMAT " code points, "
          "text prepared included; %.1f %% at their position, %u on wrong words; goal < 100 ms)\n",
          same_time * 1e3, strlen (plain) / 1e6, pn_anchor_text_get_length (text),
          share (same.methods[PN_ANCHOR_POSITION]), same.wrong);
  printf ("ratio %.1f (anchoring in the unchanged text / reading the selectors)\n", same_time / floor_time);

  edited_time = time_anchoring (annotations, edited, moved, &changed);
  printf ("annotations-anchor-edited: %.1f ms (1 %% of the characters edited; goal < 1 s)\n",
          edited_time * 1e3);
  printf ("annotations-anchor-edited-shares: position %.1f %%, exact %.1f %%, approximate %.1f %%, "
          "detached %.1f %%; on wrong words %.2f %%, on the same words in another copy of the essay %.2f %%\n",
          share (changed.methods[PN_ANCHOR_POSITION]), share (changed.methods[PN_ANCHOR_EXACT]),
          share (changed.methods[PN_ANCHOR_APPROXIMATE]), share (changed.methods[PN_ANCHOR_DETACHED]),
          share (changed.wrong), share (changed.copies));
  printf ("ratio %.1f (re-anchoring in the edited text / reading the selectors)\n", edited_time / floor_time);

  {
    g_autofree char *cut = cut_text (text, period, moved);
    Tally removed;
    double cut_time = time_anchoring (annotations, cut, moved, &removed);

    printf ("annotations-anchor-cut: %.1f ms (the same tenth of each copy of the essay taken out, %" G_GINT64_FORMAT
            " code points, the rest moving up by as much for each copy: "
            "%.1f %% of the annotations in them, %.1f %% of those detached; %.1f %% detached in all, "
            "on wrong words %.2f %%, on the same words in another copy of the essay %.2f %%)\n",
            cut_time * 1e3, period / 10, share (removed.gone),
            removed.gone > 0 ? 100.0 * removed.gone_detached / removed.gone : 0.0,
            share (removed.methods[PN_ANCHOR_DETACHED]), share (removed.wrong), share (removed.copies));
    printf ("ratio %.1f (re-anchoring in the cut text / reading the selectors)\n", cut_time / floor_time);
  }

  bench_store (annotations);

  pn_anchor_text_free (text);

  return 0;
}
