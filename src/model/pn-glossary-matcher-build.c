/* pn-glossary-matcher-build.c: the glossary's automaton, built once per glossary
 *
 * The trie of the normalised forms, flattened into arrays with failure and
 * dictionary links and full transition tables near the root (see
 * pn-glossary-matcher.c for how the search walks it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pn-glossary-matcher-private.h"
#include "pn-normal-text.h"

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
