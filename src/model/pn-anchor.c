/* pn-anchor.c: a text prepared for anchoring, the selectors of a range of it,
 * and finding selectors again in it (the position, exact matches ranked by
 * context and distance, approximate matches through pn-anchor-match.c)
 *
 * Each candidate place gets a match score in [0, 1] from its quote and its
 * context:
 *   (50 q + 20 p + 20 s) / 90
 * q = 1 - errors / quote length (code points), p and s how alike the stored
 * prefix and suffix are to the text beside it (1 - edits / their length, see
 * pn_anchor_context_similarity()); a context the selectors lack (the start
 * or the end of a text, a quiz passage's bare quote) leaves its term out.
 * The candidates are ranked on 0.8 × match + 0.2 × nearness, the nearness
 * falling from 1 at the old position to 0 at WINDOW code points from it (a
 * quote repeated a chapter away gets nothing from the position, and its
 * context decides; near, a place edited where it was beats the same words
 * whole a page away). Weights like those of Hypothesis's match-quote, but
 * the position counts more here, near, and nothing far.
 *
 * The floor: the best candidate is kept when its match score is at least
 * FLOOR (0.65), or when its quote alone says enough: at least 32 code points
 * with at most 10 % errors (a paragraph moved whole, whose new neighbours
 * are unlike the old ones). Below, the annotation is DETACHED. Why 0.65:
 * - an unchanged quote at a new place keeps its context (score 1), or most
 *   of it; a quote with a word changed in its place scores about 0.9;
 * - a quote half rewritten (q 0.5, the most errors searched) keeps a place
 *   only when both sides of its context are still there (0.72), not when
 *   one side is lost (0.57 with its new words 30 % alike): the words
 *   around are the evidence then;
 * - a passage taken out leaves at best a loose match of its quote among
 *   other words, whose context is unlike (p and s about 0.3: 0.5 or less);
 * - a bare quote (a quiz passage) is kept with up to 35 % of errors.
 *
 * The search is bounded so that 10,000 annotations re-anchor in a fraction
 * of a second in a text of a megabyte: the exact matches in a window of
 * WINDOW code points each side of the old position, then edlib in pieces of
 * that window from the old position outwards (edlib gives the best matches
 * of what it is given only: a piece of its own lets an edited quote be
 * found near even when the same words are whole further on), then the
 * whole text only when something outside the window could still rank
 * better (its nearness is 0 there, so a candidate ranking 0.8 or more ends
 * the search). edlib is never asked for more errors than could still pass
 * the floor and beat the best candidate so far.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-anchor-private.h"

#define CONTEXT_LENGTH 32
#define WINDOW 4096
/* The window is searched approximately by pieces of this many starts, the
 * nearest first: edlib gives the best matches of what it is given only. */
#define PIECE 512
/* The first piece is smaller, the starts this near the old position: a
 * short quote edited where it was is found there even when the same words
 * are whole a few lines away. */
#define NEAR 64
#define MAX_ERRORS 256
/* Longer quotes (some pages) are found at their position or exactly only:
 * edlib's work grows with the length of the quote. */
#define MAX_APPROXIMATE_QUOTE 16384

#define WEIGHT_QUOTE 50.0
#define WEIGHT_PREFIX 20.0
#define WEIGHT_SUFFIX 20.0
#define WEIGHT_POSITION 0.2
#define FLOOR 0.65
#define TELLING_LENGTH 32
#define TELLING_QUOTE 0.9

/* The text */

PnAnchorText *
pn_anchor_text_new (const char *text,
                    gssize      length)
{
  PnAnchorText *self = g_new0 (PnAnchorText, 1);
  const char *nul;
  gsize n_marks = 1;
  gint64 n = 0;

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);
  /* A NUL ends the text (the page text is a C string). */
  nul = memchr (text, '\0', length);
  if (nul != NULL)
    length = nul - text;

  if (g_utf8_validate_len (text, length, NULL))
    self->text = g_strndup (text, length);
  else
    self->text = g_utf8_make_valid (text, length);
  self->n_bytes = strlen (self->text);
  self->hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->text, self->n_bytes);

  self->length = g_utf8_strlen (self->text, self->n_bytes);
  self->marks = g_new (gsize, (self->length >> PN_ANCHOR_STEP_SHIFT) + 1);
  self->marks[0] = 0;
  for (const char *p = self->text; *p != '\0'; p = g_utf8_next_char (p))
    if ((++n & (PN_ANCHOR_STEP - 1)) == 0)
      self->marks[n_marks++] = g_utf8_next_char (p) - self->text;

  return self;
}

void
pn_anchor_text_free (PnAnchorText *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->marks);
  g_free (self->hash);
  g_free (self);
}

const char *
pn_anchor_text_get_text (PnAnchorText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

gint64
pn_anchor_text_get_length (PnAnchorText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->length;
}

const char *
pn_anchor_text_get_hash (PnAnchorText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->hash;
}

gsize
pn_anchor_text_byte_at (PnAnchorText *self,
                        gint64        offset)
{
  const char *p;

  offset = CLAMP (offset, 0, self->length);
  p = self->text + self->marks[offset >> PN_ANCHOR_STEP_SHIFT];
  for (gint64 i = offset & (PN_ANCHOR_STEP - 1); i > 0; i--)
    p = g_utf8_next_char (p);

  return p - self->text;
}

/* The code points in [@from, @to) of the text's bytes. */
static gint64
count_chars (const char *from,
             const char *to)
{
  gint64 n = 0;

  for (const char *p = from; p < to; p++)
    n += ((guchar) *p & 0xC0) != 0x80;
  return n;
}

gint64
pn_anchor_text_offset_of (PnAnchorText *self,
                          gsize         byte)
{
  gsize lo = 0, hi = (self->length >> PN_ANCHOR_STEP_SHIFT) + 1;

  byte = MIN (byte, self->n_bytes);
  /* The last mark at or before @byte. */
  while (hi - lo > 1)
    {
      gsize mid = (lo + hi) / 2;

      if (self->marks[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }

  return ((gint64) lo << PN_ANCHOR_STEP_SHIFT)
         + count_chars (self->text + self->marks[lo], self->text + byte);
}

void
pn_anchor_text_make_selectors (PnAnchorText    *self,
                               gint64           start,
                               gint64           end,
                               PnTextSelectors *selectors)
{
  gsize before, from, to, after;

  g_return_if_fail (self != NULL);
  g_return_if_fail (selectors != NULL);

  pn_text_selectors_clear (selectors);
  start = CLAMP (start, 0, self->length);
  end = CLAMP (end, start, self->length);

  before = pn_anchor_text_byte_at (self, start - CONTEXT_LENGTH);
  from = pn_anchor_text_byte_at (self, start);
  to = pn_anchor_text_byte_at (self, end);
  after = pn_anchor_text_byte_at (self, end + CONTEXT_LENGTH);

  selectors->exact = g_strndup (self->text + from, to - from);
  selectors->prefix = g_strndup (self->text + before, from - before);
  selectors->suffix = g_strndup (self->text + to, after - to);
  selectors->start = start;
  selectors->end = end;
}

/* Finding */

typedef struct {
  PnAnchorText *text;
  const char *exact;         /* valid UTF-8: the selectors' or its copy made valid */
  char *exact_copy;
  gsize exact_bytes;
  gint64 n_quote;            /* code points */
  gunichar *quote;           /* decoded when an approximate match is possible */
  PnAnchorAlphabet *alphabet;
  gunichar *prefix;          /* the last PN_ANCHOR_MAX_CONTEXT of them at the most */
  int n_prefix;
  gunichar *suffix;          /* the first PN_ANCHOR_MAX_CONTEXT */
  int n_suffix;
  double weights;            /* the sum of the weights of the terms present */
  gboolean has_position;
  gint64 given_start;        /* as the selectors have it */
  gint64 old_start;          /* the same, in the text */
  int max_errors;

  gboolean any_exact;
  gboolean found;
  gint64 start, end;
  int errors;
  double match;
  double rank;
} Search;

/* @s valid UTF-8 (made so when it is not); free with g_free(). */
static char *
dup_valid (const char *s)
{
  if (s == NULL)
    return g_strdup ("");
  if (g_utf8_validate (s, -1, NULL))
    return g_strdup (s);
  return g_utf8_make_valid (s, -1);
}

/* The code points of @s: the last @max (@tail) or the first @max. */
static gunichar *
decode_context (const char *s,
                gboolean    tail,
                int         max,
                int        *n)
{
  g_autofree char *valid = dup_valid (s);
  const char *from = valid;
  glong count;

  if (tail)
    {
      const char *end = valid + strlen (valid);

      from = end;
      for (int i = 0; i < max && from > valid; i++)
        from = g_utf8_prev_char (from);
    }
  count = g_utf8_strlen (from, -1);
  *n = (int) MIN (count, max);
  return g_utf8_to_ucs4_fast (from, g_utf8_offset_to_pointer (from, *n) - from, NULL);
}

static double
rank_of (const Search *s,
         double        match,
         gint64        start)
{
  double nearness;

  if (!s->has_position)
    return match;
  nearness = 1.0 - (double) ABS (start - s->old_start) / WINDOW;
  return (1.0 - WEIGHT_POSITION) * match + WEIGHT_POSITION * MAX (nearness, 0.0);
}

/* The match score of a quote with @errors and contexts @p and @x alike. */
static double
match_of (const Search *s,
          int           errors,
          double        p,
          double        x)
{
  double q = 1.0 - (double) errors / s->n_quote;

  return (WEIGHT_QUOTE * q
          + (s->n_prefix > 0 ? WEIGHT_PREFIX * p : 0.0)
          + (s->n_suffix > 0 ? WEIGHT_SUFFIX * x : 0.0)) / s->weights;
}

/* Weighs [@start, @end) (bytes @from and @to) with @errors; keeps it when it
 * ranks better than the best so far. */
static void
consider (Search *s,
          gint64  start,
          gint64  end,
          gsize   from,
          gsize   to,
          int     errors)
{
  double p = 1.0, x = 1.0, match, rank;

  /* At best, its context is the same. */
  if (s->found && rank_of (s, match_of (s, errors, 1.0, 1.0), start) <= s->rank)
    return;

  if (s->n_prefix > 0)
    p = pn_anchor_context_similarity (s->text, from, TRUE, s->prefix, s->n_prefix);
  if (s->n_suffix > 0)
    x = pn_anchor_context_similarity (s->text, to, FALSE, s->suffix, s->n_suffix);
  match = match_of (s, errors, p, x);
  rank = rank_of (s, match, start);
  if (s->found && rank <= s->rank)
    return;

  s->found = TRUE;
  s->start = start;
  s->end = end;
  s->errors = errors;
  s->match = match;
  s->rank = rank;
}

/* Every exact match of the quote starting in the code points [@from, @to). */
static void
find_exact (Search *s,
            gint64  from,
            gint64  to)
{
  const char *text = s->text->text;
  gsize at = pn_anchor_text_byte_at (s->text, from);
  gsize limit = pn_anchor_text_byte_at (s->text, to);
  gint64 offset = CLAMP (from, 0, s->text->length);
  gsize counted = at;

  limit = MIN (limit + s->exact_bytes, s->text->n_bytes);
  while (at + s->exact_bytes <= limit)
    {
      const char *hit = memmem (text + at, limit - at, s->exact, s->exact_bytes);
      gsize byte;

      if (hit == NULL)
        break;
      byte = hit - text;
      offset += count_chars (text + counted, hit);
      counted = byte;
      s->any_exact = TRUE;
      consider (s, offset, offset + s->n_quote, byte, byte + s->exact_bytes, 0);
      at = g_utf8_next_char (hit) - text;
    }
}

/* The most errors a candidate may have and still pass the floor, and rank
 * above the best so far when its nearness is @nearness at the most (1 in
 * the window, 0 outside); -1 when none can. */
static int
useful_errors (const Search *s,
               double        nearness)
{
  double context = (s->n_prefix > 0 ? WEIGHT_PREFIX : 0.0) + (s->n_suffix > 0 ? WEIGHT_SUFFIX : 0.0);
  double q_floor = (FLOOR * s->weights - context) / WEIGHT_QUOTE;
  double e;

  /* The floor, or the quote alone when it is long enough to say enough. */
  if (s->n_quote >= TELLING_LENGTH)
    q_floor = MIN (q_floor, TELLING_QUOTE);
  e = (1.0 - q_floor) * s->n_quote;
  if (s->found)
    {
      double match = s->rank;
      double q_beat;

      if (s->has_position)
        match = (s->rank - WEIGHT_POSITION * nearness) / (1.0 - WEIGHT_POSITION);
      /* Strictly better than the best: fewer errors than this. */
      q_beat = (match * s->weights - context) / WEIGHT_QUOTE;
      e = MIN (e, (1.0 - q_beat) * s->n_quote - 1e-9);
    }
  if (e < 0)
    return -1;

  return (int) MIN (e, (double) s->max_errors);
}

static void
find_approximate (Search *s,
                  gint64  from,
                  gint64  to,
                  int     max_errors)
{
  g_autoptr(GArray) spans = NULL;

  if (s->alphabet == NULL || max_errors <= 0)
    return;

  spans = g_array_new (FALSE, FALSE, sizeof (PnAnchorSpan));
  if (!pn_anchor_find_approximate (s->text, s->alphabet, s->quote, s->n_quote,
                                   max_errors, from, to, spans))
    return;

  for (guint i = 0; i < spans->len; i++)
    {
      const PnAnchorSpan *span = &g_array_index (spans, PnAnchorSpan, i);

      consider (s, span->start, span->end,
                pn_anchor_text_byte_at (s->text, span->start),
                pn_anchor_text_byte_at (s->text, span->end),
                span->errors);
    }
}

/* The approximate matches starting in the window, piece by piece outwards
 * from the old position, while a piece could still hold a better one. */
static void
find_approximate_near (Search *s)
{
  gint64 left = s->old_start - NEAR, right = s->old_start + NEAR;
  gboolean left_done = FALSE, right_done = FALSE;

  find_approximate (s, left, right + s->n_quote + s->max_errors, useful_errors (s, 1.0));
  while (!left_done || !right_done)
    {
      if (!right_done)
        {
          gint64 distance = right - s->old_start;
          int errors = useful_errors (s, 1.0 - (double) distance / WINDOW);

          right_done = distance >= WINDOW || right >= s->text->length || errors <= 0;
          if (!right_done)
            find_approximate (s, right, right + PIECE + s->n_quote + s->max_errors, errors);
          right += PIECE;
        }
      if (!left_done)
        {
          gint64 distance = s->old_start - (left - 1);
          int errors = useful_errors (s, 1.0 - (double) distance / WINDOW);

          left_done = distance >= WINDOW || left <= 0 || errors <= 0;
          if (!left_done)
            find_approximate (s, left - PIECE, left + s->n_quote + s->max_errors, errors);
          left -= PIECE;
        }
    }
}

/* What the position check needs; the rest comes with search_prepare(). */
static void
search_init (Search                *s,
             PnAnchorText          *text,
             const PnTextSelectors *selectors)
{
  memset (s, 0, sizeof *s);
  s->text = text;
  if (selectors->exact != NULL && g_utf8_validate (selectors->exact, -1, NULL))
    s->exact = selectors->exact;
  else
    s->exact = s->exact_copy = dup_valid (selectors->exact);
  s->exact_bytes = strlen (s->exact);
  s->n_quote = g_utf8_strlen (s->exact, s->exact_bytes);
  s->has_position = selectors->start != 0 || selectors->end != 0
                    || (selectors->prefix != NULL && selectors->prefix[0] != '\0')
                    || (selectors->suffix != NULL && selectors->suffix[0] != '\0');
  s->given_start = selectors->start;
  s->old_start = CLAMP (selectors->start, 0, text->length);
  s->max_errors = (int) MIN (MAX_ERRORS, s->n_quote / 2);
}

static void
search_prepare (Search                *s,
                const PnTextSelectors *selectors)
{
  s->prefix = decode_context (selectors->prefix, TRUE, PN_ANCHOR_MAX_CONTEXT, &s->n_prefix);
  s->suffix = decode_context (selectors->suffix, FALSE, PN_ANCHOR_MAX_CONTEXT, &s->n_suffix);
  s->weights = WEIGHT_QUOTE + (s->n_prefix > 0 ? WEIGHT_PREFIX : 0.0)
               + (s->n_suffix > 0 ? WEIGHT_SUFFIX : 0.0);
}

static void
search_clear (Search *s)
{
  g_free (s->exact_copy);
  g_free (s->quote);
  g_free (s->prefix);
  g_free (s->suffix);
  pn_anchor_alphabet_free (s->alphabet);
}

/* The text at the old position is still the quote. */
static gboolean
at_position (Search *s)
{
  gsize byte;

  if (!s->has_position || s->given_start < 0 || s->given_start > s->text->length - s->n_quote)
    return FALSE;
  byte = pn_anchor_text_byte_at (s->text, s->given_start);
  return byte + s->exact_bytes <= s->text->n_bytes
         && memcmp (s->text->text + byte, s->exact, s->exact_bytes) == 0;
}

static void
search_run (Search *s)
{
  gboolean approximate = s->max_errors > 0 && s->n_quote <= MAX_APPROXIMATE_QUOTE;

  if (approximate)
    {
      s->quote = g_utf8_to_ucs4_fast (s->exact, s->exact_bytes, NULL);
      /* NULL for a quote of more than 255 different code points: exact only. */
      s->alphabet = pn_anchor_alphabet_new (s->quote, s->n_quote);
    }

  if (s->has_position)
    {
      gint64 from = s->old_start - WINDOW;
      gint64 to = s->old_start + s->n_quote + WINDOW + s->max_errors;

      find_exact (s, from, to);
      find_approximate_near (s);
      /* Outside the window nothing is near: 0.8 at the most. */
      if (s->found && s->rank >= 1.0 - WEIGHT_POSITION)
        return;
    }

  find_exact (s, 0, s->text->length);
  if (!s->any_exact)
    find_approximate (s, 0, s->text->length, useful_errors (s, 0.0));
}

void
pn_anchor_text_locate (PnAnchorText          *self,
                       const PnTextSelectors *selectors,
                       PnAnchorResult        *result)
{
  Search s;

  g_return_if_fail (self != NULL);
  g_return_if_fail (selectors != NULL);
  g_return_if_fail (result != NULL);

  result->method = PN_ANCHOR_DETACHED;
  result->start = -1;
  result->end = -1;
  result->score = 0.0;

  search_init (&s, self, selectors);
  if (s.n_quote == 0 || s.n_quote > self->length + s.max_errors)
    {
      search_clear (&s);
      return;
    }

  if (at_position (&s))
    {
      result->method = PN_ANCHOR_POSITION;
      result->start = s.old_start;
      result->end = s.old_start + s.n_quote;
      result->score = 1.0;
      search_clear (&s);
      return;
    }

  search_prepare (&s, selectors);
  search_run (&s);
  if (s.found)
    {
      double q = 1.0 - (double) s.errors / s.n_quote;

      result->score = s.match;
      if (s.match >= FLOOR || (s.n_quote >= TELLING_LENGTH && q >= TELLING_QUOTE))
        {
          result->method = s.errors == 0 ? PN_ANCHOR_EXACT : PN_ANCHOR_APPROXIMATE;
          result->start = s.start;
          result->end = s.end;
        }
    }
  search_clear (&s);
}

PnAnchorMethod
pn_anchor_annotation (PnAnchorText   *self,
                      PnAnnotation   *annotation,
                      PnAnchorResult *result)
{
  PnAnchorResult local;

  g_return_val_if_fail (self != NULL, PN_ANCHOR_DETACHED);
  g_return_val_if_fail (annotation != NULL, PN_ANCHOR_DETACHED);

  if (result == NULL)
    result = &local;

  /* A note on the whole document has no place to find: left as it is. */
  if (annotation->kind == PN_ANNOTATION_DOCUMENT_NOTE)
    {
      result->method = PN_ANCHOR_POSITION;
      result->start = result->end = 0;
      result->score = 1.0;
      return PN_ANCHOR_POSITION;
    }

  pn_anchor_text_locate (self, &annotation->selectors, result);
  if (result->method == PN_ANCHOR_DETACHED)
    {
      annotation->detached = TRUE;
      return PN_ANCHOR_DETACHED;
    }

  annotation->selectors.start = result->start;
  annotation->selectors.end = result->end;
  g_free (annotation->content_hash);
  annotation->content_hash = g_strdup (self->hash);
  annotation->detached = FALSE;

  return result->method;
}
