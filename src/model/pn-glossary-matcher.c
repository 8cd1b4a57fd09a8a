/* pn-glossary-matcher.c: where the glossary's terms occur in a text
 *
 * The text is normalised once (keeping, for each byte of the result, where
 * it came from in the text), then run through an Aho–Corasick automaton over
 * the bytes of the normalised forms: the trie of the forms, each state with
 * its failure link (the longest proper suffix that is also in the trie) and
 * its dictionary link (the longest such suffix where a form ends). At each
 * word end, the forms ending there are the state's and those along its
 * dictionary links, longest first; each whose start is a word start is a
 * candidate; the longest at each start is kept (in a ring as long as the
 * longest form), and those are taken in the order of their starts, never
 * overlapping: leftmost first, then longest, with no sorting. Bytes that no form holds lead back to the root at once;
 * the states nearest the root (where the search spends its time) have a full
 * table of transitions over the other bytes, failure links followed; the
 * deeper ones, which have few, keep theirs sorted by byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pn-glossary-matcher-private.h"
#include "pn-normal-text.h"

G_DEFINE_FINAL_TYPE (PnGlossaryMatcher, pn_glossary_matcher, G_TYPE_OBJECT)


static void
pattern_clear (gpointer data)
{
  g_free (((Pattern *) data)->exact);
}

static void
pn_glossary_matcher_finalize (GObject *object)
{
  PnGlossaryMatcher *self = PN_GLOSSARY_MATCHER (object);

  g_array_unref (self->patterns);
  g_free (self->edge_start);
  g_free (self->edge_count);
  g_free (self->edge_byte);
  g_free (self->edge_target);
  g_free (self->fail);
  g_free (self->dict);
  g_free (self->first_out);
  g_free (self->root_next);
  g_free (self->dense);
  g_free (self->depth);
  g_free (self->out_start);
  g_free (self->out_count);
  g_free (self->outputs);

  G_OBJECT_CLASS (pn_glossary_matcher_parent_class)->finalize (object);
}

static void
pn_glossary_matcher_class_init (PnGlossaryMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_glossary_matcher_finalize;
}

static void
pn_glossary_matcher_init (PnGlossaryMatcher *self)
{
  self->patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  g_array_set_clear_func (self->patterns, pattern_clear);
}

static gpointer
make_matcher (PnGlossary *glossary,
              gpointer    user_data)
{
  return pn_glossary_matcher_new (glossary);
}

PnGlossaryMatcher *
pn_glossary_get_matcher (PnGlossary *glossary)
{
  g_return_val_if_fail (PN_IS_GLOSSARY (glossary), NULL);

  return pn_glossary_get_derived (glossary, "pn-glossary-matcher", make_matcher, NULL, g_object_unref);
}

guint
pn_glossary_matcher_get_n_forms (PnGlossaryMatcher *self)
{
  g_return_val_if_fail (PN_IS_GLOSSARY_MATCHER (self), 0);

  return self->patterns->len;
}

/* Finding */

/* A match found: [start, end) of the normalised text. */
typedef struct {
  gsize start;
  gsize end;
  guint32 pattern;
} Pick;

/* The longest form found at each start, as a lane of the search walks: a
 * form found at end E starts at most max_depth before it, so each start
 * below E - max_depth is final, and goes out in the order of the starts,
 * with no sorting. The ring holds the starts not final yet. */
typedef struct {
  gsize window;         /* a power of 2 above max_depth */
  gsize *start;         /* ring, G_MAXSIZE when free */
  gsize *end;
  guint32 *pattern;
  gsize next;           /* the least start not gone out */
  gsize pending;        /* starts in the ring */
  GArray *out;          /* of Pick, by start; NULL until one */
} Picker;

static void
picker_init (Picker *picker,
             gsize   max_depth,
             gsize   from)
{
  memset (picker, 0, sizeof *picker);
  picker->window = 1;
  while (picker->window <= max_depth)
    picker->window *= 2;
  picker->next = from;
}

static void
picker_clear (Picker *picker)
{
  g_free (picker->start);
  g_free (picker->end);
  g_free (picker->pattern);
  g_clear_pointer (&picker->out, g_array_unref);
}

/* The starts below @to go out. */
static void
picker_flush (Picker *picker,
              gsize   to)
{
  for (; picker->next < to && picker->pending > 0; picker->next++)
    {
      gsize slot = picker->next & (picker->window - 1);

      if (picker->start[slot] == picker->next)
        {
          Pick pick = { picker->next, picker->end[slot], picker->pattern[slot] };

          if (picker->out == NULL)
            picker->out = g_array_new (FALSE, FALSE, sizeof (Pick));
          g_array_append_val (picker->out, pick);
          picker->start[slot] = G_MAXSIZE;
          picker->pending--;
        }
    }
  picker->next = MAX (picker->next, to);
}

static void
picker_add (Picker  *picker,
            gsize    start,
            gsize    end,
            guint32  pattern)
{
  gsize slot = start & (picker->window - 1);

  if (picker->start == NULL)
    {
      picker->start = g_new (gsize, picker->window);
      picker->end = g_new (gsize, picker->window);
      picker->pattern = g_new (guint32, picker->window);
      for (gsize i = 0; i < picker->window; i++)
        picker->start[i] = G_MAXSIZE;
    }

  /* Starts more than the window before @end are final. */
  if (end >= picker->window)
    picker_flush (picker, end - (picker->window - 1));
  if (picker->start[slot] == start)
    {
      if (picker->end[slot] >= end)
        return;
    }
  else
    picker->pending++;
  picker->start[slot] = start;
  picker->end[slot] = end;
  picker->pattern[slot] = pattern;
}

/* The lanes' picks in one list by start: where two lanes meet, a start may
 * be in both (the second lane's form is then the longer). */
static void
merge_picks (GArray     *all,
             const Pick *picks,
             guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      guint at = all->len;

      while (at > 0 && g_array_index (all, Pick, at - 1).start > picks[i].start)
        at--;
      if (at > 0 && g_array_index (all, Pick, at - 1).start == picks[i].start)
        {
          Pick *same = &g_array_index (all, Pick, at - 1);

          if (picks[i].end > same->end)
            *same = picks[i];
        }
      else
        g_array_insert_val (all, at, picks[i]);
    }
}

static gboolean
same_case (const Pattern *pattern,
           const char    *text,
           gsize          start,
           gsize          end)
{
  PnNormalText n = { 0 };
  gboolean same;

  pn_normal_text_fill (&n, text + start, end - start, FALSE);
  same = g_str_equal (n.s, pattern->exact);
  g_free (n.s);

  return same;
}

/* The first form ending at @state that matches [@start, @end) of the
 * normalised text (in its case, when it must), or NO_STATE. */
static guint32
matching_pattern (PnGlossaryMatcher *self,
                  guint32            state,
                  const PnNormalText        *norm,
                  const char        *text,
                  gsize              length,
                  gsize              start,
                  gsize              end)
{
  for (guint i = 0; i < self->out_count[state]; i++)
    {
      guint32 index = self->outputs[self->out_start[state] + i];
      const Pattern *pattern = &g_array_index (self->patterns, Pattern, index);

      if (pattern->exact == NULL ||
          same_case (pattern, text, pn_normal_text_original (norm, start, length), pn_normal_text_original (norm, end, length)))
        return index;
    }

  return NO_STATE;
}

/* The transition on @byte, with ENDS when a form ends where it leads. */
static inline guint32
advance (PnGlossaryMatcher *self,
         guint32            state,
         guint8             byte)
{
  guint8 class = self->byte_class[byte];
  guint32 next;

  if (class == 0)
    return 0;
  if (G_LIKELY (state < self->n_dense))
    return self->dense[(gsize) state * self->n_classes + class];

  next = step (self, state, byte);

  return next | (self->first_out[next] != 0 ? ENDS : 0);
}

/* The forms ending at @end, where the search reached @state, that stand
 * as whole words: longest first, along the dictionary links. */
static void
add_candidates (PnGlossaryMatcher *self,
                const PnNormalText        *norm,
                const char        *text,
                gsize              length,
                guint32            state,
                gsize              end,
                Picker            *picker)
{
  if (!pn_normal_ends_word (norm->s, norm->len, end))
    return;

  for (guint32 s = self->first_out[state]; s != 0; s = self->dict[s])
    {
      gsize start = end - self->depth[s];
      guint32 pattern;

      if (!pn_normal_starts_word (norm->s, start))
        continue;
      pattern = matching_pattern (self, s, norm, text, length, start, end);
      if (pattern != NO_STATE)
        picker_add (picker, start, end, pattern);
    }
}

/* Where the search is: a state, or with @rows the start of its row. */
G_ALWAYS_INLINE static inline guint32
move (PnGlossaryMatcher *self,
      guint32            at,
      guint8             byte,
      gboolean           rows)
{
  guint8 class = self->byte_class[byte];

  if (class == 0)
    return 0;
  if (rows)
    return self->dense[at + class];

  return advance (self, at, byte);
}

G_ALWAYS_INLINE static inline guint32
state_of (PnGlossaryMatcher *self,
          guint32            at,
          gboolean           rows)
{
  return rows ? at / self->n_classes : at;
}

/* The forms of @norm into @pickers; returns the number of lanes used. Long
 * texts go in LANES lanes walked in step: each transition waits on memory,
 * the lanes' do not wait on each other. Lane k > 0 starts a longest form
 * before its part, from the root, and keeps only the forms ending in its
 * part; the last part takes the rest. */
G_ALWAYS_INLINE static inline guint
search (PnGlossaryMatcher  *self,
        const PnNormalText *norm,
        const char         *text,
        gsize               length,
        Picker             *pickers,
        gboolean            rows)
{
  const guchar *bytes = (const guchar *) norm->s;
  gsize part = norm->len / LANES;
  gsize at[LANES];
  gsize from[LANES];   /* where each lane's part begins */
  guint32 where[LANES] = { 0 };

  if (norm->len < 4096 || norm->len <= 4 * LANES * (gsize) self->max_depth)
    {
      picker_init (&pickers[0], self->max_depth, 0);
      for (gsize i = 0; i < norm->len; i++)
        {
          guint32 next = move (self, where[0], bytes[i], rows);

          where[0] = next & STATE_MASK;
          if (next & ENDS)
            add_candidates (self, norm, text, length, state_of (self, where[0], rows), i + 1, &pickers[0]);
        }
      return 1;
    }

  for (guint k = 0; k < LANES; k++)
    {
      from[k] = k * part;
      at[k] = k == 0 ? 0 : from[k] - self->max_depth;
      picker_init (&pickers[k], self->max_depth, at[k]);
    }
  while (at[0] < part)
    {
      for (guint k = 0; k < LANES; k++)
        {
          guint32 next = move (self, where[k], bytes[at[k]], rows);

          where[k] = next & STATE_MASK;
          at[k]++;
          if ((next & ENDS) && at[k] > from[k])
            add_candidates (self, norm, text, length, state_of (self, where[k], rows), at[k], &pickers[k]);
        }
    }
  for (guint k = 1; k < LANES; k++)
    {
      gsize to = k + 1 < LANES ? from[k + 1] : norm->len;

      for (; at[k] < to; at[k]++)
        {
          guint32 next = move (self, where[k], bytes[at[k]], rows);

          where[k] = next & STATE_MASK;
          if ((next & ENDS) && at[k] + 1 > from[k])
            add_candidates (self, norm, text, length, state_of (self, where[k], rows), at[k] + 1, &pickers[k]);
        }
    }

  return LANES;
}

GArray *
pn_glossary_matcher_find (PnGlossaryMatcher *self,
                          const char        *text,
                          gssize             length)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (PnGlossaryMatch));
  Picker pickers[LANES];
  guint n_lanes;
  g_autoptr(GArray) picks = NULL;
  PnNormalText norm = { 0 };
  gsize taken_to = 0;

  g_return_val_if_fail (PN_IS_GLOSSARY_MATCHER (self), matches);
  g_return_val_if_fail (text != NULL, matches);

  if (length < 0)
    length = strlen (text);
  if (self->patterns->len == 0 || length == 0)
    return matches;

  if (pn_normal_is_plain (text, length))
    {
      /* Searched as it is: its capitals fall in the classes of their small letters. */
      norm.s = (char *) text;
      norm.len = length;
    }
  else
    {
      norm.jumps = g_array_new (FALSE, FALSE, sizeof (PnNormalJump));
      norm.delta = -1;   /* a first jump at 0 */
      pn_normal_text_fill (&norm, text, length, TRUE);
    }
  if (norm.len < self->min_depth)
    goto done;   /* shorter than any form */

  n_lanes = self->rows ? search (self, &norm, text, length, pickers, TRUE)
                      : search (self, &norm, text, length, pickers, FALSE);

  /* Leftmost first, and of those at one start the longest. */
  picks = g_array_new (FALSE, FALSE, sizeof (Pick));
  for (guint k = 0; k < n_lanes; k++)
    {
      picker_flush (&pickers[k], norm.len);
      if (pickers[k].out != NULL)
        merge_picks (picks, (const Pick *) (void *) pickers[k].out->data, pickers[k].out->len);
      picker_clear (&pickers[k]);
    }
  for (guint i = 0; i < picks->len; i++)
    {
      const Pick *pick = &g_array_index (picks, Pick, i);
      const Pattern *pattern = &g_array_index (self->patterns, Pattern, pick->pattern);
      PnGlossaryMatch match;

      if (pick->start < taken_to)
        continue;
      match.start = pn_normal_text_original (&norm, pick->start, length);
      match.end = pn_normal_text_original (&norm, pick->end, length);
      match.entry = g_ptr_array_index (self->entries, pattern->entry);
      g_array_append_val (matches, match);
      taken_to = pick->end;
    }

done:
  if (norm.s != text)
    g_free (norm.s);
  if (norm.jumps != NULL)
    g_array_unref (norm.jumps);

  return matches;
}
