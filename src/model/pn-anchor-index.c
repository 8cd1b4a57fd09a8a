/* pn-anchor-index.c: where to look for a quote far from its old place
 *
 * edlib reads about 80 MB a second: the whole of a text of a megabyte for
 * each annotation that is not near its old place (a passage taken out, a
 * paragraph moved and edited) would cost tens of milliseconds each. Instead
 * the text gets, once, an index of its pieces of SEED_BYTES bytes (one at
 * each character), and a quote is looked for approximately only around the
 * places where one of its pieces (seeds, one every few code points) is
 * found whole; edlib then reads a few hundred code points around each.
 * A quote so edited that none of its seeds is left whole is not found far
 * from its old place (near it, the window is searched whole), nor one
 * whose only seeds left are found more than MAX_SEED_HITS times, nor, in a
 * text that repeats itself, beyond what the rarest seeds lead to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-anchor-private.h"

#define SEED_BYTES 8
/* At most this many seeds per quote, spread over it. */
#define MAX_SEEDS 32
/* A seed found more often than this says little about where the quote is
 * (a run of spaces, a word repeated): left out. A text that repeats itself
 * (the same paragraph in each chapter) stays below it. */
#define MAX_SEED_HITS 256
/* The seeds are followed, the rarest first, until the regions around them
 * add up to this many code points. */
#define MAX_REGION_LENGTH 16384
/* Texts this short are searched whole: it costs less than the index. */
#define INDEXED_LENGTH 65536

struct _PnAnchorIndex {
  guint shift;          /* 64 - log2 (buckets) */
  guint32 *bucket;      /* bucket[h]..bucket[h + 1]: the positions of hash h */
  guint32 *positions;   /* byte offsets */
};

static guint64
piece_hash (const char *p,
            guint       shift)
{
  guint64 value;

  memcpy (&value, p, sizeof value);
  return (value * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> shift;
}

static PnAnchorIndex *
index_new (const PnAnchorText *text)
{
  PnAnchorIndex *index = g_new0 (PnAnchorIndex, 1);
  gsize n_buckets = 1024, n_pieces = 0, last;
  guint log2 = 10;

  G_STATIC_ASSERT (SEED_BYTES == sizeof (guint64));

  if (text->n_bytes < SEED_BYTES || text->n_bytes > G_MAXUINT32)
    return index;   /* no buckets: nothing is found through it */
  last = text->n_bytes - SEED_BYTES;
  for (gsize b = 0; b <= last; b++)
    n_pieces += ((guchar) text->text[b] & 0xC0) != 0x80;
  while (n_buckets < n_pieces)
    {
      n_buckets <<= 1;
      log2++;
    }

  index->shift = 64 - log2;
  index->bucket = g_new0 (guint32, n_buckets + 1);
  index->positions = g_new (guint32, MAX (n_pieces, 1));
  for (gsize b = 0; b <= last; b++)
    if (((guchar) text->text[b] & 0xC0) != 0x80)
      index->bucket[piece_hash (text->text + b, index->shift) + 1]++;
  for (gsize h = 0; h < n_buckets; h++)
    index->bucket[h + 1] += index->bucket[h];
  {
    g_autofree guint32 *next = g_memdup2 (index->bucket, n_buckets * sizeof (guint32));

    for (gsize b = 0; b <= last; b++)
      if (((guchar) text->text[b] & 0xC0) != 0x80)
        index->positions[next[piece_hash (text->text + b, index->shift)]++] = (guint32) b;
  }

  return index;
}

void
pn_anchor_index_free (PnAnchorIndex *index)
{
  if (index == NULL)
    return;

  g_free (index->bucket);
  g_free (index->positions);
  g_free (index);
}

/* Made once per text: threads sharing it may each make one at the same
 * time, the first one kept (atomics the sanitizers see, unlike GOnce's). */
static const PnAnchorIndex *
get_index (PnAnchorText *self)
{
  PnAnchorIndex *index = g_atomic_pointer_get (&self->index);

  if (index == NULL)
    {
      index = index_new (self);
      if (!g_atomic_pointer_compare_and_exchange (&self->index, NULL, index))
        {
          pn_anchor_index_free (index);
          index = g_atomic_pointer_get (&self->index);
        }
    }

  return index;
}

gboolean
pn_anchor_find_exact_far (PnAnchorText *self,
                          const char   *exact,
                          gsize         exact_bytes,
                          GArray       *bytes)
{
  const PnAnchorIndex *index;
  gsize seed = 0;
  guint64 best_hash = 0;
  guint32 fewest = G_MAXUINT32;

  if (self->length <= INDEXED_LENGTH || exact_bytes < SEED_BYTES)
    return FALSE;
  index = get_index (self);
  if (index->bucket == NULL)
    return FALSE;

  /* The rarest of a few pieces of the quote (at character starts). */
  for (int i = 0; i < 4; i++)
    {
      const char *p = exact + (exact_bytes - SEED_BYTES) * i / 3;
      guint64 h;

      while (p > exact && ((guchar) *p & 0xC0) == 0x80)
        p--;
      h = piece_hash (p, index->shift);
      if (index->bucket[h + 1] - index->bucket[h] < fewest)
        {
          fewest = index->bucket[h + 1] - index->bucket[h];
          best_hash = h;
          seed = p - exact;
        }
    }

  for (guint32 i = index->bucket[best_hash]; i < index->bucket[best_hash + 1]; i++)
    {
      gsize at = index->positions[i];

      if (at >= seed && at - seed + exact_bytes <= self->n_bytes
          && memcmp (self->text + at - seed, exact, exact_bytes) == 0)
        {
          at -= seed;
          g_array_append_val (bytes, at);
        }
    }

  return TRUE;
}

typedef struct {
  gint64 from;
  gint64 to;
} Region;

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const Region *x = a, *y = b;

  return x->from < y->from ? -1 : x->from > y->from;
}

typedef struct {
  const char *piece;    /* in the quote */
  gint64 at;            /* its code point offset there */
  guint32 hits;         /* at most: its bucket's size */
} Seed;

static int
compare_seeds (gconstpointer a,
               gconstpointer b)
{
  const Seed *x = a, *y = b;

  return x->hits < y->hits ? -1 : x->hits > y->hits;
}

/* The regions of the text around the places where @seed is whole; none
 * when it is too common. Returns their length. */
static gint64
add_regions (PnAnchorText        *self,
             const PnAnchorIndex *index,
             const Seed          *seed,
             gint64               n_quote,
             int                  max_errors,
             GArray              *regions)
{
  guint64 h = piece_hash (seed->piece, index->shift);
  guint first = regions->len;
  gint64 length = 0;

  for (guint32 i = index->bucket[h]; i < index->bucket[h + 1]; i++)
    {
      guint32 byte = index->positions[i];
      gint64 offset;
      Region region;

      if (memcmp (self->text + byte, seed->piece, SEED_BYTES) != 0)
        continue;   /* another piece with the same hash */
      if (regions->len - first >= MAX_SEED_HITS)
        {
          g_array_set_size (regions, first);
          return 0;
        }
      offset = pn_anchor_text_offset_of (self, byte);
      region.from = MAX (offset - seed->at - max_errors, 0);
      region.to = MIN (offset - seed->at + n_quote + max_errors, self->length);
      length += region.to - region.from;
      g_array_append_val (regions, region);
    }

  return length;
}

gboolean
pn_anchor_find_far (PnAnchorText           *self,
                    const PnAnchorAlphabet *alphabet,
                    const gunichar         *quote,
                    gint64                  n_quote,
                    const char             *exact,
                    gsize                   exact_bytes,
                    int                     max_errors,
                    GArray                 *spans)
{
  const PnAnchorIndex *index;
  g_autoptr(GArray) seeds = NULL;
  g_autoptr(GArray) regions = NULL;
  gint64 step, length = 0;
  gboolean any = FALSE;
  guint merged = 0;

  if (self->length <= INDEXED_LENGTH)
    return pn_anchor_find_approximate (self, alphabet, quote, n_quote, max_errors, 0, self->length, spans);
  if (exact_bytes < SEED_BYTES)
    return FALSE;
  index = get_index (self);
  if (index->bucket == NULL)
    return pn_anchor_find_approximate (self, alphabet, quote, n_quote, max_errors, 0, self->length, spans);

  /* Seeds every @step code points, so many at the most, the rarest first. */
  step = MAX ((n_quote + MAX_SEEDS - 1) / MAX_SEEDS, 4);
  seeds = g_array_new (FALSE, FALSE, sizeof (Seed));
  {
    const char *p = exact;
    const char *end = exact + exact_bytes;

    for (gint64 at = 0; p + SEED_BYTES <= end; at += step)
      {
        guint64 h = piece_hash (p, index->shift);
        Seed seed = { p, at, index->bucket[h + 1] - index->bucket[h] };

        g_array_append_val (seeds, seed);
        for (gint64 i = 0; i < step && p < end; i++)
          p = g_utf8_next_char (p);
      }
  }
  g_array_sort (seeds, compare_seeds);
  regions = g_array_new (FALSE, FALSE, sizeof (Region));
  for (guint i = 0; i < seeds->len && length < MAX_REGION_LENGTH; i++)
    length += add_regions (self, index, &g_array_index (seeds, Seed, i), n_quote, max_errors, regions);
  g_array_sort (regions, compare_regions);
  for (guint i = 0; i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);
      Region *last = merged > 0 ? &g_array_index (regions, Region, merged - 1) : NULL;

      if (last != NULL && region->from <= last->to)
        last->to = MAX (last->to, region->to);
      else
        g_array_index (regions, Region, merged++) = *region;
    }
  for (guint i = 0; i < merged; i++)
    {
      const Region *region = &g_array_index (regions, Region, i);

      any |= pn_anchor_find_approximate (self, alphabet, quote, n_quote, max_errors,
                                         region->from, region->to, spans);
    }

  return any;
}
