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

#include "pn-glossary-matcher.h"
#include "pn-normal-text.h"

#define NO_STATE G_MAXUINT32
/* In the full tables: the state reached is where a form ends (or one along
 * its dictionary links), so that the search needs no second look-up. */
#define ENDS 0x80000000u
#define STATE_MASK 0x7fffffffu
/* Entries of the full transition tables: every state has one up to 16 MB
 * (a glossary of a few thousand entries); above, only those nearest the root, 4 MB. */
#define DENSE_BUDGET (4 * 1024 * 1024)
#define PARTIAL_DENSE_BUDGET (1024 * 1024)
/* Long texts are searched in this many parts at once. */
#define LANES 8

typedef struct {
  guint entry;          /* index in the glossary's entries */
  char *exact;          /* case-sensitive entries: the form normalised without folding */
} Pattern;

struct _PnGlossaryMatcher {
  GObject parent_instance;

  GPtrArray *entries;   /* the glossary's (borrowed) */
  guint n_entries;      /* when built */
  GArray *patterns;     /* of Pattern, the distinct forms */

  guint n_states;
  guint32 *root_next;   /* the root's 256 transitions */
  guint8 byte_class[256];  /* 0 for the bytes no form holds */
  guint8 class_byte[256];  /* the byte of each class in the forms */
  guint n_classes;
  guint n_dense;        /* states [0, n_dense) have full tables */
  guint32 *dense;       /* n_dense × n_classes: the next state, with ENDS when a form ends there */
  gboolean rows;        /* every state has a table, whose entries hold rows (state × n_classes) */
  guint32 *edge_start;  /* per state: its first edge */
  guint16 *edge_count;
  guint8 *edge_byte;    /* per edge, sorted by byte within a state */
  guint32 *edge_target;
  guint32 *fail;
  guint32 *dict;        /* the next state along the failure links where a form ends, 0 when none */
  guint32 *first_out;   /* the state itself when a form ends there, else dict */
  guint32 *depth;       /* bytes from the root: the length of the forms ending there */
  guint32 max_depth;
  guint32 min_depth;    /* the length of the shortest form */
  guint32 *out_start;   /* per state: its forms in outputs */
  guint32 *out_count;
  guint32 *outputs;     /* pattern indices */
};

G_DEFINE_FINAL_TYPE (PnGlossaryMatcher, pn_glossary_matcher, G_TYPE_OBJECT)

/* Building */

typedef struct {
  guint32 first_child;  /* NO_STATE when none */
  guint32 sibling;
  guint8 byte;
} TrieNode;

typedef struct {
  guint32 node;
  guint32 pattern;
} Ending;

static guint32
trie_child (GArray  *nodes,
            guint32  parent,
            guint8   byte,
            gboolean create)
{
  TrieNode *node = &g_array_index (nodes, TrieNode, parent);
  TrieNode child = { NO_STATE, NO_STATE, byte };

  for (guint32 c = node->first_child; c != NO_STATE; c = g_array_index (nodes, TrieNode, c).sibling)
    {
      if (g_array_index (nodes, TrieNode, c).byte == byte)
        return c;
    }
  if (!create)
    return NO_STATE;

  child.sibling = node->first_child;
  g_array_append_val (nodes, child);
  g_array_index (nodes, TrieNode, parent).first_child = nodes->len - 1;

  return nodes->len - 1;
}

static void
add_form (PnGlossaryMatcher *self,
          GArray            *nodes,
          GArray            *endings,
          GHashTable        *seen,
          guint              entry_index,
          const char        *form,
          gboolean           case_sensitive)
{
  g_autofree char *folded = pn_normal_form (form, TRUE);
  g_autofree char *exact = case_sensitive ? pn_normal_form (form, FALSE) : NULL;
  const char *key = case_sensitive ? exact : folded;
  Pattern pattern = { entry_index, g_steal_pointer (&exact) };
  Ending ending = { 0, self->patterns->len };
  guint32 state = 0;

  if (folded[0] == '\0' || g_hash_table_contains (seen, key))
    {
      g_free (pattern.exact);
      return;
    }
  g_hash_table_add (seen, g_strdup (key));

  for (const char *p = folded; *p != '\0'; p++)
    state = trie_child (nodes, state, (guint8) *p, TRUE);

  ending.node = state;
  g_array_append_val (self->patterns, pattern);
  g_array_append_val (endings, ending);
}

static int
compare_children (gconstpointer a,
                  gconstpointer b,
                  gpointer      nodes)
{
  guint8 x = g_array_index ((GArray *) nodes, TrieNode, *(const guint32 *) a).byte;
  guint8 y = g_array_index ((GArray *) nodes, TrieNode, *(const guint32 *) b).byte;

  return x < y ? -1 : x > y;
}

static inline guint32
find_edge (PnGlossaryMatcher *self,
           guint32            state,
           guint8             byte)
{
  guint32 first = self->edge_start[state];
  guint count = self->edge_count[state];

  if (count <= 8)
    {
      for (guint i = 0; i < count; i++)
        {
          if (self->edge_byte[first + i] == byte)
            return self->edge_target[first + i];
        }
      return NO_STATE;
    }

  {
    guint low = 0;
    guint high = count;

    while (low < high)
      {
        guint middle = (low + high) / 2;
        guint8 found = self->edge_byte[first + middle];

        if (found == byte)
          return self->edge_target[first + middle];
        if (found < byte)
          low = middle + 1;
        else
          high = middle;
      }
  }

  return NO_STATE;
}

static inline guint32
step (PnGlossaryMatcher *self,
      guint32            state,
      guint8             byte)
{
  guint8 class = self->byte_class[byte];

  if (class == 0)
    return 0;
  byte = self->class_byte[class];   /* a capital as its small letter */

  for (;;)
    {
      guint32 next;

      if (state < self->n_dense)
        return self->dense[(gsize) state * self->n_classes + class] & STATE_MASK;
      next = find_edge (self, state, byte);
      if (next != NO_STATE)
        return next;
      state = self->fail[state];
    }
}

/* The byte classes: one for each byte some form holds, 0 for the others. */
static void
make_classes (PnGlossaryMatcher *self,
              GArray            *nodes,
              guint8            *bytes)
{
  self->n_classes = 1;
  for (guint i = 1; i < nodes->len; i++)
    {
      guint8 byte = g_array_index (nodes, TrieNode, i).byte;

      if (self->byte_class[byte] == 0)
        {
          bytes[self->n_classes] = byte;
          self->class_byte[self->n_classes] = byte;
          self->byte_class[byte] = self->n_classes++;
        }
    }

  /* The forms are folded: no capital is in the trie. A text searched
   * unfolded (pn_normal_is_plain()) has its ASCII capitals read as small letters. */
  for (guint c = 'A'; c <= 'Z'; c++)
    self->byte_class[c] = self->byte_class[c + 'a' - 'A'];
}

/* Full tables for the states [0, n_dense), made breadth first (@by_depth):
 * a state's failure target comes before it. */
static void
make_dense (PnGlossaryMatcher *self,
            const guint8      *bytes,
            const guint32     *by_depth,
            guint              n_dense)
{
  self->dense = g_new0 (guint32, (gsize) n_dense * self->n_classes);
  for (guint i = 0; i < self->n_states; i++)
    {
      guint32 s = by_depth[i];
      guint32 *row = self->dense + (gsize) s * self->n_classes;
      const guint32 *fail_row = self->dense + (gsize) self->fail[s] * self->n_classes;

      if (s >= n_dense)
        continue;
      for (guint c = 1; c < self->n_classes; c++)
        {
          guint32 next = s == 0 ? self->root_next[bytes[c]] : find_edge (self, s, bytes[c]);

          if (next == NO_STATE)
            row[c] = fail_row[c];
          else
            row[c] = next | (self->first_out[next] != 0 ? ENDS : 0);
        }
    }
  self->n_dense = n_dense;

  /* Every state with a table: the search goes from row to row, each entry
   * holding where its target's row starts (no multiplication per byte). */
  if (n_dense == self->n_states)
    {
      gsize n = (gsize) n_dense * self->n_classes;

      for (gsize i = 0; i < n; i++)
        self->dense[i] = (self->dense[i] & STATE_MASK) * self->n_classes | (self->dense[i] & ENDS);
      self->rows = TRUE;
    }
}

/* A transition before the full tables are made. */
static guint32
sparse_step (PnGlossaryMatcher *self,
             guint32            state,
             guint8             byte)
{
  for (;;)
    {
      guint32 next;

      if (state == 0)
        return self->root_next[byte];
      next = find_edge (self, state, byte);
      if (next != NO_STATE)
        return next;
      state = self->fail[state];
    }
}

static void
sorted_children (GArray  *nodes,
                 guint32  node,
                 GArray  *children)
{
  g_array_set_size (children, 0);
  for (guint32 c = g_array_index (nodes, TrieNode, node).first_child; c != NO_STATE;
       c = g_array_index (nodes, TrieNode, c).sibling)
    g_array_append_val (children, c);
  g_array_sort_with_data (children, compare_children, nodes);
}

/* The states in the order of their numbers: depth first when every state
 * gets a full table (a word's states then lie next to each other in
 * memory), else breadth first (those nearest the root get the tables). */
static void
number_states (GArray   *nodes,
               gboolean  depth_first,
               guint32  *node_of)
{
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 root = 0;
  guint32 next = 0;

  if (!depth_first)
    {
      node_of[next++] = 0;
      for (guint32 s = 0; s < next; s++)
        {
          sorted_children (nodes, node_of[s], children);
          for (guint i = 0; i < children->len; i++)
            node_of[next++] = g_array_index (children, guint32, i);
        }
      return;
    }

  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      guint32 node = g_array_index (stack, guint32, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      node_of[next++] = node;
      sorted_children (nodes, node, children);
      for (guint i = children->len; i > 0; i--)
        g_array_append_val (stack, g_array_index (children, guint32, i - 1));
    }
}

/* The trie as arrays (state 0 the root), edges sorted by byte, failure and
 * dictionary links, full tables. */
static void
flatten (PnGlossaryMatcher *self,
         GArray            *nodes,
         GArray            *endings)
{
  guint n = nodes->len;
  g_autofree guint32 *state_of = g_new (guint32, n);    /* trie node -> state */
  g_autofree guint32 *node_of = g_new (guint32, n);     /* state -> trie node */
  g_autofree guint32 *by_depth = g_new (guint32, n);    /* states, breadth first */
  g_autoptr(GArray) children = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint8 bytes[256];
  gboolean all_dense;
  guint32 n_edges = 0;
  guint32 queued = 1;

  self->n_states = n;
  self->root_next = g_new0 (guint32, 256);
  self->edge_start = g_new0 (guint32, n);
  self->edge_count = g_new0 (guint16, n);
  self->edge_byte = g_new0 (guint8, MAX (n, 1));
  self->edge_target = g_new0 (guint32, MAX (n, 1));
  self->fail = g_new0 (guint32, n);
  self->dict = g_new0 (guint32, n);
  self->depth = g_new0 (guint32, n);
  self->out_start = g_new0 (guint32, n);
  self->out_count = g_new0 (guint32, n);
  self->outputs = g_new0 (guint32, MAX (endings->len, 1));
  self->first_out = g_new0 (guint32, n);

  make_classes (self, nodes, bytes);
  all_dense = (gsize) n * self->n_classes <= DENSE_BUDGET;
  number_states (nodes, all_dense, node_of);
  for (guint32 s = 0; s < n; s++)
    state_of[node_of[s]] = s;

  /* A parent is numbered before its children either way. */
  for (guint32 s = 0; s < n; s++)
    {
      sorted_children (nodes, node_of[s], children);
      self->edge_start[s] = n_edges;
      self->edge_count[s] = children->len;
      for (guint i = 0; i < children->len; i++)
        {
          guint32 child = state_of[g_array_index (children, guint32, i)];

          self->depth[child] = self->depth[s] + 1;
          self->max_depth = MAX (self->max_depth, self->depth[child]);
          self->edge_byte[n_edges] = g_array_index (nodes, TrieNode, g_array_index (children, guint32, i)).byte;
          self->edge_target[n_edges] = child;
          n_edges++;
        }
    }

  for (guint i = 0; i < self->edge_count[0]; i++)
    self->root_next[self->edge_byte[i]] = self->edge_target[i];

  /* Each state's forms, in the order of the patterns. */
  for (guint i = 0; i < endings->len; i++)
    self->out_count[state_of[g_array_index (endings, Ending, i).node]]++;
  for (guint32 s = 1, total = 0; s < n; s++)
    {
      self->out_start[s] = total;
      total += self->out_count[s];
      self->out_count[s] = 0;
    }
  for (guint i = 0; i < endings->len; i++)
    {
      guint32 s = state_of[g_array_index (endings, Ending, i).node];

      self->outputs[self->out_start[s] + self->out_count[s]++] = g_array_index (endings, Ending, i).pattern;
      self->min_depth = i == 0 ? self->depth[s] : MIN (self->min_depth, self->depth[s]);
    }

  /* Failure and dictionary links, breadth first: a state's links are known
   * before its children's. */
  by_depth[0] = 0;
  for (guint i = 0; i < n; i++)
    {
      guint32 s = by_depth[i];

      for (guint e = 0; e < self->edge_count[s]; e++)
        {
          guint32 child = self->edge_target[self->edge_start[s] + e];
          guint32 fail = s == 0 ? 0 : sparse_step (self, self->fail[s], self->edge_byte[self->edge_start[s] + e]);

          self->fail[child] = fail;
          self->dict[child] = self->out_count[fail] > 0 ? fail : self->dict[fail];
          by_depth[queued++] = child;
        }
    }

  for (guint32 s = 1; s < n; s++)
    self->first_out[s] = self->out_count[s] > 0 ? s : self->dict[s];

  make_dense (self, bytes, by_depth, all_dense ? n : MIN (n, PARTIAL_DENSE_BUDGET / self->n_classes));
}

PnGlossaryMatcher *
pn_glossary_matcher_new (PnGlossary *glossary)
{
  PnGlossaryMatcher *self;
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (TrieNode));
  g_autoptr(GArray) endings = g_array_new (FALSE, FALSE, sizeof (Ending));
  TrieNode root = { NO_STATE, NO_STATE, 0 };

  g_return_val_if_fail (PN_IS_GLOSSARY (glossary), NULL);

  self = g_object_new (PN_TYPE_GLOSSARY_MATCHER, NULL);
  self->entries = pn_glossary_get_entries (glossary);
  self->n_entries = self->entries->len;
  g_array_append_val (nodes, root);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      add_form (self, nodes, endings, seen, i, entry->term, entry->case_sensitive);
      for (guint j = 0; entry->forms[j] != NULL; j++)
        add_form (self, nodes, endings, seen, i, entry->forms[j], entry->case_sensitive);
    }

  flatten (self, nodes, endings);

  return self;
}

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

PnGlossaryMatcher *
pn_glossary_get_matcher (PnGlossary *glossary)
{
  static const char key[] = "pn-glossary-matcher";

  g_return_val_if_fail (PN_IS_GLOSSARY (glossary), NULL);

  for (;;)
    {
      PnGlossaryMatcher *old = g_object_get_data (G_OBJECT (glossary), key);
      PnGlossaryMatcher *built;
      GDestroyNotify old_destroy = NULL;

      if (old != NULL && old->n_entries == pn_glossary_get_n_entries (glossary))
        return old;

      /* Two threads may build at once: the first to store its own wins. */
      built = pn_glossary_matcher_new (glossary);
      if (g_object_replace_data (G_OBJECT (glossary), key, old, built, g_object_unref, &old_destroy))
        {
          if (old != NULL && old_destroy != NULL)
            old_destroy (old);
          return built;
        }
      g_object_unref (built);
    }
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
