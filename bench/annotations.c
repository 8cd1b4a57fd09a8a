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
 * 3. opening the store with 10,000 annotations and reading them, beside
 *    plain SQLite reading the same rows (when the store has annotations).
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

#include "pn-anchor.h"
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
make_text (const char *pack_folder)
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

typedef struct {
  guint methods[PN_ANCHOR_DETACHED + 1];
  guint wrong;    /* found, but not on the annotation's words */
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
          gint64 overlap;

          if (after->detached)
            continue;
          overlap = MIN (after->selectors.end, want_end) - MAX (after->selectors.start, want_start);
          /* On its words: at least half of them covered. */
          if (overlap <= 0 || 2 * overlap < want_end - want_start)
            tally->wrong++;
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

/* Opening the store and reading all of the annotations, the best of RUNS. */
static double
time_store (const char *path,
            guint      *n_read,
            double     *open_time)
{
  double best = G_MAXDOUBLE;

  *open_time = G_MAXDOUBLE;
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = cpu_seconds ();
      g_autoptr(PnStore) store = pn_store_open (path, &error);
      double opened = cpu_seconds ();
      g_autoptr(GPtrArray) read = store != NULL ? pn_store_get_annotations (store, "prison-numerique", NULL, &error) : NULL;

      best = MIN (best, cpu_seconds () - start);
      *open_time = MIN (*open_time, opened - start);
      if (read == NULL)
        {
          fprintf (stderr, "store: %s\n", error->message);
          exit (1);
        }
      *n_read = read->len;
    }

  return best;
}

/* The floor: plain SQLite opening the file and reading the same rows and
 * tags, each column as text or integer, into nothing. */
static double
time_sqlite (const char *path)
{
  static const char * const queries[] = {
    "SELECT id, pack_id, document_id, kind, color, note, exact, prefix, suffix, start_offset, "
    "end_offset, content_hash, detached, created_at, updated_at FROM annotations "
    "WHERE pack_id = 'prison-numerique' ORDER BY document_id, start_offset",
    "SELECT annotation_id, tag FROM annotation_tags ORDER BY annotation_id, position",
  };
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < RUNS; run++)
    {
      double start = cpu_seconds ();
      sqlite3 *db = NULL;
      gsize bytes = 0;

      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        {
          fprintf (stderr, "sqlite: %s\n", sqlite3_errmsg (db));
          exit (1);
        }
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          sqlite3_stmt *statement = NULL;

          sqlite3_prepare_v2 (db, queries[q], -1, &statement, NULL);
          while (sqlite3_step (statement) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count (statement); c++)
              {
                const unsigned char *text = sqlite3_column_text (statement, c);

                bytes += text != NULL ? strlen ((const char *) text) : 0;
              }
          sqlite3_finalize (statement);
        }
      sqlite3_close (db);
      best = MIN (best, cpu_seconds () - start);
      if (bytes == 0)
        printf ("?");
    }

  return best;
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
  double store_time, sqlite_time, open_time;
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

  store_time = time_store (path, &n_read, &open_time);
  sqlite_time = time_sqlite (path);
  printf ("annotations-store-sqlite: %.1f ms (plain SQLite reading the same rows and tags; the floor)\n",
          sqlite_time * 1e3);
  printf ("annotations-store-open: %.1f ms (%u annotations, the store opened (%.1f ms) and all of them read; "
          "goal < 50 ms)\n", store_time * 1e3, n_read, open_time * 1e3);
  printf ("ratio %.2f (opening the store and reading / plain SQLite)\n", store_time / sqlite_time);

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
  double floor_time, same_time, edited_time;
  Tally same, changed;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s PACK-FOLDER\n", argv[0]);
      return 2;
    }

  plain = make_text (argv[1]);
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
          "detached %.1f %%; on wrong words %.2f %%\n",
          share (changed.methods[PN_ANCHOR_POSITION]), share (changed.methods[PN_ANCHOR_EXACT]),
          share (changed.methods[PN_ANCHOR_APPROXIMATE]), share (changed.methods[PN_ANCHOR_DETACHED]),
          share (changed.wrong));
  printf ("ratio %.1f (re-anchoring in the edited text / reading the selectors)\n", edited_time / floor_time);

  bench_store (annotations);

  pn_anchor_text_free (text);

  return 0;
}
