/* pn-anchor-match.c: the approximate matches of a quote (edlib) and how
 * alike a context is to the text beside a candidate
 *
 * edlib counts edits between two strings of bytes, from an alphabet of at
 * most 256 symbols. A quote is turned into symbols one per code point
 * (1…255, one for each of its different code points), and the text
 * searched too, where a character not in the quote becomes 0, which
 * matches nothing in the quote: edlib's errors are then edits in code
 * points, and its positions are code point offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <edlib.h>
#include <string.h>

#include "pn-anchor-private.h"

#define MAX_SYMBOLS 255
/* The locations edlib gives with the fewest errors: a few at one place
 * (ends one code point apart), one per place a repeated quote is at. */
#define MAX_LOCATIONS 256

struct _PnAnchorAlphabet {
  guint8 low[256];               /* symbols of the code points below 256 */
  guint n_high;
  gunichar high[MAX_SYMBOLS];    /* the others, sorted */
  guint8 high_symbol[MAX_SYMBOLS];
};

/* Where @c is, or would be inserted, in the sorted high code points. */
static guint
high_index (const PnAnchorAlphabet *alphabet,
            gunichar                c)
{
  guint lo = 0, hi = alphabet->n_high;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (alphabet->high[mid] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint8
symbol_of (const PnAnchorAlphabet *alphabet,
           gunichar                c)
{
  guint i;

  if (c < 256)
    return alphabet->low[c];
  i = high_index (alphabet, c);
  return i < alphabet->n_high && alphabet->high[i] == c ? alphabet->high_symbol[i] : 0;
}

PnAnchorAlphabet *
pn_anchor_alphabet_new (const gunichar *quote,
                        gint64          n_quote)
{
  PnAnchorAlphabet *alphabet = g_new0 (PnAnchorAlphabet, 1);
  guint n_symbols = 0;

  for (gint64 i = 0; i < n_quote; i++)
    {
      gunichar c = quote[i];
      guint at;

      if (symbol_of (alphabet, c) != 0)
        continue;
      if (n_symbols == MAX_SYMBOLS)
        {
          pn_anchor_alphabet_free (alphabet);
          return NULL;
        }
      n_symbols++;
      if (c < 256)
        {
          alphabet->low[c] = n_symbols;
          continue;
        }
      at = high_index (alphabet, c);
      memmove (alphabet->high + at + 1, alphabet->high + at,
               (alphabet->n_high - at) * sizeof (gunichar));
      memmove (alphabet->high_symbol + at + 1, alphabet->high_symbol + at,
               alphabet->n_high - at);
      alphabet->high[at] = c;
      alphabet->high_symbol[at] = n_symbols;
      alphabet->n_high++;
    }

  return alphabet;
}

void
pn_anchor_alphabet_free (PnAnchorAlphabet *alphabet)
{
  g_free (alphabet);
}

gboolean
pn_anchor_find_approximate (PnAnchorText           *self,
                            const PnAnchorAlphabet *alphabet,
                            const gunichar         *quote,
                            gint64                  n_quote,
                            int                     max_errors,
                            gint64                  from,
                            gint64                  to,
                            GArray                 *spans)
{
  g_autofree char *query = NULL;
  g_autofree char *target = NULL;
  EdlibAlignResult found;
  const char *p;
  gint64 n_target;
  gboolean any = FALSE;

  from = CLAMP (from, 0, self->length);
  to = CLAMP (to, from, self->length);
  n_target = to - from;
  if (n_quote <= 0 || n_quote > G_MAXINT || n_target <= 0 || n_target > G_MAXINT)
    return FALSE;

  query = g_malloc (n_quote);
  for (gint64 i = 0; i < n_quote; i++)
    query[i] = (char) symbol_of (alphabet, quote[i]);

  target = g_malloc (n_target);
  p = self->text + pn_anchor_text_byte_at (self, from);
  for (gint64 i = 0; i < n_target; i++)
    {
      guchar byte = (guchar) *p;

      /* Most of a French text is ASCII: no decoding for it. */
      if (byte < 0x80)
        {
          target[i] = (char) alphabet->low[byte];
          p++;
          continue;
        }
      target[i] = (char) symbol_of (alphabet, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }

  found = edlibAlign (query, (int) n_quote, target, (int) n_target,
                      edlibNewAlignConfig (max_errors, EDLIB_MODE_HW, EDLIB_TASK_LOC, NULL, 0));
  if (found.status == EDLIB_STATUS_OK && found.editDistance >= 0 && found.startLocations != NULL)
    {
      for (int i = 0; i < found.numLocations && i < MAX_LOCATIONS; i++)
        {
          PnAnchorSpan span = {
            from + found.startLocations[i],
            from + found.endLocations[i] + 1,
            found.editDistance,
          };

          if (span.end <= span.start)
            continue;   /* all of the quote deleted: no place */
          g_array_append_val (spans, span);
          any = TRUE;
        }
    }
  edlibFreeAlignResult (found);

  return any;
}

double
pn_anchor_context_similarity (PnAnchorText   *self,
                              gsize           at,
                              gboolean        before,
                              const gunichar *context,
                              int             n)
{
  gunichar near[PN_ANCHOR_MAX_CONTEXT * 2];
  int row[PN_ANCHOR_MAX_CONTEXT * 2 + 1];
  int n_near = 0, max_near, best;
  const char *p = self->text + at;
  const char *end = self->text + self->n_bytes;
  gboolean same;

  if (n <= 0)
    return 1.0;
  n = MIN (n, PN_ANCHOR_MAX_CONTEXT);

  /* The text beside the candidate, nearest first, with room for a few
   * insertions. For a prefix, the context is read backwards too. */
  max_near = MIN (n + n / 2 + 2, (int) G_N_ELEMENTS (near));
  while (n_near < max_near)
    {
      if (before)
        {
          if (p <= self->text)
            break;
          p = g_utf8_prev_char (p);
          near[n_near++] = g_utf8_get_char (p);
        }
      else
        {
          if (p >= end)
            break;
          near[n_near++] = g_utf8_get_char (p);
          p = g_utf8_next_char (p);
        }
    }

#define CONTEXT_AT(i) (before ? context[n - 1 - (i)] : context[(i)])
  same = n_near >= n;
  for (int i = 0; same && i < n; i++)
    same = near[i] == CONTEXT_AT (i);
  if (same)
    return 1.0;

  /* Edits turning the context into some start of the text beside:
   * row[j] for the first i code points of the context and j of the text. */
  for (int j = 0; j <= n_near; j++)
    row[j] = j;
  for (int i = 1; i <= n; i++)
    {
      int diagonal = row[0];
      gunichar c = CONTEXT_AT (i - 1);

      row[0] = i;
      for (int j = 1; j <= n_near; j++)
        {
          int up = row[j];
          int cost = diagonal + (near[j - 1] != c);

          cost = MIN (cost, up + 1);
          cost = MIN (cost, row[j - 1] + 1);
          diagonal = up;
          row[j] = cost;
        }
    }
#undef CONTEXT_AT

  best = row[0];
  for (int j = 1; j <= n_near; j++)
    best = MIN (best, row[j]);

  return 1.0 - (double) best / n;
}
