/* fault-child.c: the process the fault tests kill
 *
 *   fault-child saves DB N FIRST      adds N highlights, ids FIRST…FIRST+N-1
 *   fault-child import DB N           imports N highlights in one call
 *
 * After each call that returned, a line on standard output ("saved I",
 * "imported N"), flushed: the parent counts those acknowledgements and kills
 * this process with SIGKILL whenever it likes. "importing" is written from
 * inside the import's transaction (an SQLite progress handler), so that the
 * parent can kill it half-way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "pn-store-private.h"

/* The id of note @index, as the parent looks for it. */
static char *
note_id (guint64 index)
{
  return g_strdup_printf ("urn:uuid:00000000-0000-4000-8000-%012" G_GINT64_MODIFIER "x", index);
}

static PnAnnotation *
make_note (guint64 index)
{
  PnAnnotation *annotation = pn_annotation_new ("fault", "texte", PN_ANNOTATION_HIGHLIGHT);

  g_free (annotation->id);
  annotation->id = note_id (index);
  annotation->selectors.exact = g_strdup_printf ("passage %" G_GUINT64_FORMAT, index);
  annotation->selectors.start = (gint64) index * 20;
  annotation->selectors.end = annotation->selectors.start + 12;
  g_free (annotation->note);
  annotation->note = g_strdup_printf ("Note %" G_GUINT64_FORMAT ", written before the crash.", index);

  return annotation;
}

/* Called every few SQLite instructions; says "importing" once well inside
 * the transaction (some hundred notes written). */
static int
on_progress (void *data)
{
  guint *calls = data;

  if (++*calls == 5000)
    {
      printf ("importing\n");
      fflush (stdout);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  guint64 n;

  if (argc < 4)
    {
      fprintf (stderr, "usage: fault-child saves DB N FIRST | import DB N\n");
      return 2;
    }

  n = g_ascii_strtoull (argv[3], NULL, 10);
  store = pn_store_open (argv[2], &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  if (g_str_equal (argv[1], "saves") && argc == 5)
    {
      guint64 first = g_ascii_strtoull (argv[4], NULL, 10);

      for (guint64 i = first; i < first + n; i++)
        {
          g_autoptr(PnAnnotation) note = make_note (i);

          if (!pn_store_add_annotation (store, note, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          printf ("saved %" G_GUINT64_FORMAT "\n", i);
          fflush (stdout);
        }
      return 0;
    }

  if (g_str_equal (argv[1], "import"))
    {
      g_autoptr(GPtrArray) notes = pn_annotations_new ();
      guint calls = 0;
      guint added = 0;

      for (guint64 i = 0; i < n; i++)
        g_ptr_array_add (notes, make_note (1000000 + i));

      sqlite3_progress_handler (pn_store_get_connection (store), 10, on_progress, &calls);
      if (!pn_store_import_annotations (store, notes, &added, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("imported %u\n", added);
      fflush (stdout);
      return 0;
    }

  fprintf (stderr, "unknown command %s\n", argv[1]);
  return 2;
}
