/* highlights.c: painting the student's highlights in the text view
 *
 * A made-up pack with one long document (600 paragraphs, about 400 KB of
 * text) is shown in a PnReaderView; then, in turn, no highlight (nothing
 * painted before: the floor, the round trip to the page), 1,000 highlights
 * (a third of them with a note, some over two paragraphs) and none again
 * (taking them out) are painted with pn_reader_view_set_annotations(), each
 * time until "annotations-painted" comes back (the page's layout after the
 * change included: the next call waits for it). Prints the median of each
 * and "ratio R" (1,000 / none). Goal: 1,000 under 200 ms.
 *
 * Needs a display (xvfb-run) and a session bus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pn-diagnostic.h"
#include "pn-pack.h"
#include "pn-reader-view.h"

#define N_PARAGRAPHS 600
#define N_HIGHLIGHTS 1000
#define ROUNDS 7

static const char *words[] = {
  "rente", "travail", "valeur", "plateforme", "capital", "usage", "données", "prison",
  "numérique", "produire", "consommer", "propriété", "lucrative", "extraction", "salaire", "commun",
};

static gboolean painted;
static guint n_painted;
static double page_ms;

static void
on_painted (PnReaderView *view, guint n, guint missing, double ms, gpointer data)
{
  painted = TRUE;
  n_painted = n;
  page_ms = ms;
}

static gboolean
flag_loaded (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_loaded (PnReaderView *view, gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
iterate_until (gboolean *flag)
{
  guint timeout = g_timeout_add_seconds (120, flag_loaded, flag);

  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static char *
make_pack (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pn-bench-highlights-XXXXXX", &error);
  g_autoptr(GString) text = g_string_new ("# A long text\n\n");
  g_autofree char *manifest = NULL;
  g_autofree char *path = NULL;
  GRand *rand = g_rand_new_with_seed (7);

  g_assert_no_error (error);
  for (guint p = 0; p < N_PARAGRAPHS; p++)
    {
      for (guint w = 0; w < 100; w++)
        g_string_append_printf (text, "%s%s", w ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (text, ".\n\n");
    }
  g_rand_free (rand);
  path = g_build_filename (dir, "text.md", NULL);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  manifest = g_strdup ("{ \"format\": 1, \"id\": \"bench-highlights\", \"version\": \"1.0.0\", \"title\": \"Bench\","
                       " \"language\": \"fr\", \"authors\": [{ \"name\": \"A\" }], \"license\": \"CC0-1.0\","
                       " \"description\": \"d\", \"documents\": [{ \"id\": \"text\", \"title\": \"T\","
                       " \"file\": \"text.md\" }] }");
  g_free (path);
  path = g_build_filename (dir, "pack.json", NULL);
  g_file_set_contents (path, manifest, -1, &error);
  g_assert_no_error (error);
  return dir;
}

/* 1,000 ranges of 3 to 12 words over the page text, spread evenly; every
 * tenth one runs into the next paragraph. */
static GPtrArray *
make_highlights (const char *text)
{
  GPtrArray *all = pn_annotations_new ();
  glong length = g_utf8_strlen (text, -1);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, NULL);

  for (guint i = 0; i < N_HIGHLIGHTS; i++)
    {
      PnAnnotation *a = pn_annotation_new ("bench-highlights", "text", PN_ANNOTATION_HIGHLIGHT);
      gint64 start = (gint64) length * i / N_HIGHLIGHTS + 40;
      gint64 end;
      guint spaces = 0, want = 3 + i % 10;

      while (start < length && chars[start] != ' ')
        start++;
      start++;
      for (end = start; end < length && spaces < want; end++)
        if (chars[end] == ' ' || (i % 10 == 0 && chars[end] == '\n'))
          spaces++;
      if (i % 10 == 0)
        end = MIN (length, end + 200);
      a->selectors.start = start;
      a->selectors.end = end - 1;
      a->color = i % PN_ANNOTATION_N_COLORS;
      if (i % 3 == 0)
        {
          g_free (a->note);
          a->note = g_strdup ("A note.");
        }
      g_ptr_array_add (all, a);
    }
  return all;
}

static double
paint (PnReaderView *view, GPtrArray *annotations)
{
  gint64 start = g_get_monotonic_time ();

  painted = FALSE;
  pn_reader_view_set_annotations (view, annotations);
  iterate_until (&painted);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GPtrArray) highlights = NULL;
  GtkWidget *window;
  PnReaderView *view;
  gboolean loaded = FALSE;
  double none[ROUNDS], many[ROUNDS], cleared[ROUNDS], script[ROUNDS];
  guint painted_many = 0;

  gtk_init ();
  adw_init ();
  dir = make_pack ();
  root = g_file_new_for_path (dir);
  pack = pn_pack_load (root, diagnostics, NULL);
  if (pack == NULL)
    {
      g_printerr ("bench-highlights: the made-up pack could not be loaded\n");
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  view = PN_READER_VIEW (pn_reader_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (view, "annotations-painted", G_CALLBACK (on_painted), NULL);
  g_signal_connect (view, "document-loaded", G_CALLBACK (on_loaded), &loaded);
  pn_reader_view_set_pack (view, pack);
  pn_reader_view_load_document (view, "text");
  iterate_until (&loaded);

  highlights = make_highlights (pn_rendered_page_get_text (pn_reader_view_get_rendered_page (view)));
  paint (view, NULL);   /* the page text sent, the scripts warm */
  for (guint r = 0; r < ROUNDS; r++)
    {
      none[r] = paint (view, NULL);
      many[r] = paint (view, highlights);
      painted_many = n_painted;
      script[r] = page_ms;
      cleared[r] = paint (view, NULL);
    }
  qsort (none, ROUNDS, sizeof (double), compare_double);
  qsort (many, ROUNDS, sizeof (double), compare_double);
  qsort (cleared, ROUNDS, sizeof (double), compare_double);
  qsort (script, ROUNDS, sizeof (double), compare_double);

  printf ("painting-none %.1f ms (floor: the round trip to the page, nothing painted before or after)\n",
          none[ROUNDS / 2]);
  printf ("painting-%u %.1f ms (%u painted; goal < 200 ms)\n", N_HIGHLIGHTS, many[ROUNDS / 2], painted_many);
  printf ("painting-%u-script %.1f ms (of which the page script's own work: finding, splitting, wrapping)\n",
          N_HIGHLIGHTS, script[ROUNDS / 2]);
  printf ("clearing-%u %.1f ms (the same taken out again)\n", N_HIGHLIGHTS, cleared[ROUNDS / 2]);
  printf ("ratio %.2f (1,000 highlights / none)\n", many[ROUNDS / 2] / MAX (0.1, none[ROUNDS / 2]));

  gtk_window_destroy (GTK_WINDOW (window));
  return painted_many == N_HIGHLIGHTS ? 0 : 1;
}
