/* pn-glossary-matcher.c: where the glossary's terms occur in a text
 *
 * The text is normalised once (keeping, for each byte of the result, where
 * it came from in the text), then run through an Aho–Corasick automaton over
 * the bytes of the normalised forms: the trie of the forms, each state with
 * its failure link (the longest proper suffix that is also in the trie) and
 * its dictionary link (the longest such suffix where a form ends). At each
 * word end, the forms ending there are the state's and those along its
 * dictionary links, longest first; each whose start is a word start is a
 * candidate. The candidates are then taken leftmost first, longest first,
 * never overlapping. Bytes that no form holds lead back to the root at once;
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

#define NO_STATE G_MAXUINT32
/* In the full tables: the state reached is where a form ends (or one along
 * its dictionary links), so that the search needs no second look-up. */
#define ENDS 0x80000000u
#define STATE_MASK 0x7fffffffu
/* Entries of the full transition tables: every state has one up to 16 MB
 * (a glossary of a few thousand entries); above, only those nearest the root, 4 MB. */
#define DENSE_BUDGET (4 * 1024 * 1024)
#define PARTIAL_DENSE_BUDGET (1024 * 1024)

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
  guint n_classes;
  guint n_dense;        /* states [0, n_dense) have full tables */
  guint32 *dense;       /* n_dense × n_classes: the next state, with ENDS when a form ends there */
  guint32 *edge_start;  /* per state: its first edge */
  guint16 *edge_count;
  guint8 *edge_byte;    /* per edge, sorted by byte within a state */
  guint32 *edge_target;
  guint32 *fail;
  guint32 *dict;        /* the next state along the failure links where a form ends, 0 when none */
  guint32 *first_out;   /* the state itself when a form ends there, else dict */
  guint32 *depth;       /* bytes from the root: the length of the forms ending there */
  guint32 max_depth;
  guint32 *out_start;   /* per state: its forms in outputs */
  guint32 *out_count;
  guint32 *outputs;     /* pattern indices */
};

G_DEFINE_FINAL_TYPE (PnGlossaryMatcher, pn_glossary_matcher, G_TYPE_OBJECT)

/* Normalising */

/* From byte @norm of the normalised text on, byte norm + i comes from byte
 * @text + i of the text (up to the next jump). */
typedef struct {
  gsize norm;
  gsize text;
} Jump;

typedef struct {
  char *s;
  GArray *jumps;        /* of Jump: where each byte of s comes from; NULL when not wanted */
  gssize delta;         /* offset in the text - offset in s, since the last jump */
  gsize len;
  gsize cap;
} Norm;

static void
norm_grow (Norm *n,
           gsize extra)
{
  n->cap = MAX (n->cap * 2, n->len + extra + 64);
  n->s = g_realloc (n->s, n->cap + 1);
}

static inline void
norm_reserve (Norm *n,
              gsize extra)
{
  if (G_UNLIKELY (n->s == NULL || n->len + extra > n->cap))
    norm_grow (n, extra);
}

/* The next byte of s comes from @from in the text. */
static inline void
norm_map (Norm  *n,
          gsize  from)
{
  if (n->jumps != NULL && (gssize) from - (gssize) n->len != n->delta)
    {
      Jump jump = { n->len, from };

      g_array_append_val (n->jumps, jump);
      n->delta = (gssize) from - (gssize) n->len;
    }
}

/* Where byte @at of s comes from in the text of @length bytes. */
static gsize
norm_original (const Norm *n,
               gsize       at,
               gsize       length)
{
  guint low = 0;
  guint high = n->jumps->len;

  if (at >= n->len)
    return length;

  /* The last jump at or before @at (the first is at 0). */
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (n->jumps, Jump, middle).norm <= at)
        low = middle;
      else
        high = middle;
    }

  return g_array_index (n->jumps, Jump, low).text + (at - g_array_index (n->jumps, Jump, low).norm);
}

static inline void
norm_put (Norm       *n,
          const char *bytes,
          gsize       length,
          gsize       from)
{
  norm_reserve (n, length);
  norm_map (n, from);
  memcpy (n->s + n->len, bytes, length);
  n->len += length;
}

static inline void
norm_put_byte (Norm *n,
               char  byte,
               gsize from)
{
  norm_reserve (n, 1);
  norm_map (n, from);
  n->s[n->len] = byte;
  n->len++;
}

/* Runs of white space are one space. */
static inline void
norm_put_space (Norm *n,
                gsize from)
{
  if (n->len == 0 || n->s[n->len - 1] != ' ')
    norm_put_byte (n, ' ', from);
}

static gboolean
is_middle_dot (gunichar c)
{
  return c == 0x00B7 || c == 0x2027 || c == 0x22C5 || c == 0x2219 || c == 0x2022 || c == 0x0387 ||
         c == 0x30FB || c == 0xFF65;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

/* One character of a cluster's NFC form, as compared. */
static void
put_char (Norm     *n,
          gunichar  c,
          gboolean  fold,
          gsize     from)
{
  char buffer[8];

  if (is_apostrophe (c))
    norm_put_byte (n, '\'', from);
  else if (is_space (c))
    norm_put_space (n, from);
  else if (c == 0x2010 || c == 0x2011)
    norm_put_byte (n, '-', from);
  else
    {
      if (is_middle_dot (c))
        c = 0x00B7;
      else if (fold)
        c = g_unichar_tolower (c);
      norm_put (n, buffer, g_unichar_to_utf8 (c, buffer), from);
    }
}

/* Combining marks start at U+0300: their first byte is at least 0xCC. */
static inline gboolean
next_is_mark (const char *p,
              const char *end)
{
  return p < end && (guchar) *p >= 0xCC && g_unichar_combining_class (g_utf8_get_char (p)) != 0;
}

/* Unchecked: normalize_into() keeps room for one byte per byte left to read. */
static inline void
norm_put_fast (Norm  *n,
               char   byte,
               gsize  from)
{
  norm_map (n, from);
  n->s[n->len] = byte;
  n->len++;
}

/* ASCII as compared: white space as ' ', and lower case when @fold. */
static const guchar *
ascii_table (gboolean fold)
{
  static guchar tables[2][128];
  static gsize made;

  if (g_once_init_enter (&made))
    {
      for (guint b = 0; b < 128; b++)
        {
          gboolean space = b == ' ' || (b >= '\t' && b <= '\r');

          tables[0][b] = space ? ' ' : b;
          tables[1][b] = space ? ' ' : (b >= 'A' && b <= 'Z') ? b + 'a' - 'A' : b;
        }
      g_once_init_leave (&made, 1);
    }

  return tables[fold ? 1 : 0];
}

static void
normalize_into (Norm       *n,
                const char *text,
                gsize       length,
                gboolean    fold)
{
  const char *end = text + length;
  const char *p = text;

  norm_reserve (n, length + 1);
  while (p < end)
    {
      guchar b = (guchar) *p;
      const char *cluster_end;
      gunichar c;

      /* ASCII, and the Latin-1 letters of French (U+00C0 to U+00FF), without decoding. */
      if (b < 0x80)
        {
          const char *run_end = p;

          while (run_end < end && (guchar) *run_end < 0x80)
            run_end++;
          /* A letter followed by a combining mark goes with it. */
          if (run_end < end && next_is_mark (run_end, end))
            run_end--;
          if (run_end > p)
            {
              const guchar *table = ascii_table (fold);
              char *out = n->s;
              gsize len = n->len;
              gboolean skipped = FALSE;

              norm_map (n, p - text);
              for (const char *q = p; q < run_end; q++)
                {
                  guchar a = table[(guchar) *q];

                  if (a == ' ' && len > 0 && out[len - 1] == ' ')
                    {
                      skipped = TRUE;
                      continue;
                    }
                  if (G_UNLIKELY (skipped))
                    {
                      n->len = len;
                      norm_map (n, q - text);
                      skipped = FALSE;
                    }
                  out[len++] = (char) a;
                }
              n->len = len;
              p = run_end;
              continue;
            }
        }
      if (b == 0xC3 && p + 1 < end && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0xBF && !next_is_mark (p + 2, end))
        {
          guchar second = (guchar) p[1];

          if (fold && second <= 0x9E && second != 0x97)   /* À to Þ, not × */
            second += 0x20;
          norm_put_fast (n, (char) b, p - text);
          norm_put_fast (n, (char) second, p - text);
          p += 2;
          continue;
        }

      c = g_utf8_get_char (p);
      cluster_end = g_utf8_next_char (p);
      while (next_is_mark (cluster_end, end))
        cluster_end = g_utf8_next_char (cluster_end);

      /* A lone character below the combining marks is its own NFC form. */
      if (c < 0x300 && cluster_end == g_utf8_next_char (p))
        put_char (n, c, fold, p - text);
      else
        {
          g_autofree char *composed = g_utf8_normalize (p, cluster_end - p, G_NORMALIZE_NFC);

          for (const char *q = composed; q != NULL && *q != '\0'; q = g_utf8_next_char (q))
            put_char (n, g_utf8_get_char (q), fold, p - text);
        }
      p = cluster_end;
      norm_reserve (n, end - p + 1);
    }
  n->s[n->len] = '\0';
}

static char *
normalize_form (const char *text,
                gboolean    fold)
{
  Norm n = { 0 };
  gsize start = 0;

  normalize_into (&n, text, strlen (text), fold);
  while (n.len > 0 && n.s[n.len - 1] == ' ')
    n.len--;
  while (start < n.len && n.s[start] == ' ')
    start++;
  memmove (n.s, n.s + start, n.len - start);
  n.s[n.len - start] = '\0';

  return n.s;
}

char *
pn_glossary_normalize (const char *text,
                       gboolean    fold)
{
  g_return_val_if_fail (text != NULL, NULL);

  return normalize_form (text, fold);
}

/* Word boundaries, on normalised text */

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  return c == 0x00B7 || g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_elision (const char *word,
            gsize       length)
{
  static const char * const elisions[] = {
    "l", "d", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "m", "t", "s", "n", "j", "c", NULL
  };

  for (guint i = 0; elisions[i] != NULL; i++)
    {
      if (strlen (elisions[i]) == length && memcmp (elisions[i], word, length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Before @at: nothing, a character outside words, or the apostrophe of an
 * elision (or of a quotation: no word before it). */
static inline gboolean
starts_word (const char *text,
             gsize       at)
{
  const char *apostrophe;
  const char *word;
  guint letters = 0;
  gunichar before;

  if (at == 0)
    return TRUE;
  if ((guchar) text[at - 1] < 0x80 && text[at - 1] != '\'')
    return !g_ascii_isalnum (text[at - 1]);

  apostrophe = g_utf8_find_prev_char (text, text + at);
  before = g_utf8_get_char (apostrophe);
  if (is_word_char (before))
    return FALSE;
  if (before != '\'')
    return TRUE;

  /* The longest elision has six letters. */
  word = apostrophe;
  while (word > text && letters <= 6)
    {
      const char *previous = g_utf8_find_prev_char (text, word);

      if (!is_word_char (g_utf8_get_char (previous)))
        break;
      word = previous;
      letters++;
    }

  return word == apostrophe || is_elision (word, apostrophe - word);
}

/* After @at: the end, or a character outside words that is not an
 * apostrophe inside a word (« aujourd'hui »). */
static inline gboolean
ends_word (const char *text,
           gsize       length,
           gsize       at)
{
  gunichar after;

  if (at >= length)
    return TRUE;

  /* The common case: a letter goes on, or a space or punctuation ends the word. */
  if ((guchar) text[at] < 0x80 && text[at] != '\'')
    return !g_ascii_isalnum (text[at]);

  after = g_utf8_get_char (text + at);
  if (is_word_char (after))
    return FALSE;

  return after != '\'' || at + 1 >= length || !is_word_char (g_utf8_get_char (text + at + 1));
}

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
  g_autofree char *folded = normalize_form (form, TRUE);
  g_autofree char *exact = case_sensitive ? normalize_form (form, FALSE) : NULL;
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
          self->byte_class[byte] = self->n_classes++;
        }
    }
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

typedef struct {
  gsize start;          /* in the normalised text */
  gsize end;
  guint32 pattern;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;

  return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static gboolean
same_case (const Pattern *pattern,
           const char    *text,
           gsize          start,
           gsize          end)
{
  Norm n = { 0 };
  gboolean same;

  normalize_into (&n, text + start, end - start, FALSE);
  same = g_str_equal (n.s, pattern->exact);
  g_free (n.s);

  return same;
}

/* The first form ending at @state that matches [@start, @end) of the
 * normalised text (in its case, when it must), or NO_STATE. */
static guint32
matching_pattern (PnGlossaryMatcher *self,
                  guint32            state,
                  const Norm        *norm,
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
          same_case (pattern, text, norm_original (norm, start, length), norm_original (norm, end, length)))
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
                const Norm        *norm,
                const char        *text,
                gsize              length,
                guint32            state,
                gsize              end,
                GArray            *candidates)
{
  if (!ends_word (norm->s, norm->len, end))
    return;

  for (guint32 s = self->first_out[state]; s != 0; s = self->dict[s])
    {
      gsize start = end - self->depth[s];
      Candidate candidate = { start, end, 0 };

      if (!starts_word (norm->s, start))
        continue;
      candidate.pattern = matching_pattern (self, s, norm, text, length, start, end);
      if (candidate.pattern != NO_STATE)
        g_array_append_val (candidates, candidate);
    }
}

GArray *
pn_glossary_matcher_find (PnGlossaryMatcher *self,
                          const char        *text,
                          gssize             length)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (PnGlossaryMatch));
  g_autoptr(GArray) candidates = NULL;
  Norm norm = { 0 };
  guint32 state = 0;
  gsize taken_to = 0;

  g_return_val_if_fail (PN_IS_GLOSSARY_MATCHER (self), matches);
  g_return_val_if_fail (text != NULL, matches);

  if (length < 0)
    length = strlen (text);
  if (self->patterns->len == 0 || length == 0)
    return matches;

  norm.jumps = g_array_new (FALSE, FALSE, sizeof (Jump));
  norm.delta = -1;   /* a first jump at 0 */
  normalize_into (&norm, text, length, TRUE);
  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

  /* Long texts in two lanes walked in step: each transition waits on
   * memory, the two lanes' do not wait on each other. The second lane starts
   * a longest form before its half, from the root, and keeps only the
   * forms ending in its half. */
  if (norm.len >= 4096 && norm.len > 8 * (gsize) self->max_depth)
    {
      gsize half = norm.len / 2;
      gsize a = 0;
      gsize b = half - self->max_depth;
      guint32 state_b = 0;

      while (a < half)
        {
          guint32 next_a = advance (self, state, (guchar) norm.s[a]);
          guint32 next_b = advance (self, state_b, (guchar) norm.s[b]);

          state = next_a & STATE_MASK;
          state_b = next_b & STATE_MASK;
          a++;
          b++;
          if (next_a & ENDS)
            add_candidates (self, &norm, text, length, state, a, candidates);
          if ((next_b & ENDS) && b > half)
            add_candidates (self, &norm, text, length, state_b, b, candidates);
        }
      for (; b < norm.len; b++)
        {
          guint32 next = advance (self, state_b, (guchar) norm.s[b]);

          state_b = next & STATE_MASK;
          if (next & ENDS)
            add_candidates (self, &norm, text, length, state_b, b + 1, candidates);
        }
    }
  else
    {
      /* In registers: bytes no form holds, states with full tables. */
      const guint8 *classes = self->byte_class;
      const guint32 *dense = self->dense;
      const guchar *bytes = (const guchar *) norm.s;
      guint n_classes = self->n_classes;
      guint n_dense = self->n_dense;

      for (gsize i = 0; i < norm.len; i++)
        {
          guint8 class = classes[bytes[i]];
          guint32 next;

          if (class == 0)
            {
              state = 0;
              continue;
            }
          next = state < n_dense ? dense[(gsize) state * n_classes + class] : advance (self, state, bytes[i]);
          state = next & STATE_MASK;
          if (next & ENDS)
            add_candidates (self, &norm, text, length, state, i + 1, candidates);
        }
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      const Pattern *pattern = &g_array_index (self->patterns, Pattern, candidate->pattern);
      PnGlossaryMatch match;

      if (candidate->start < taken_to)
        continue;
      match.start = norm_original (&norm, candidate->start, length);
      match.end = norm_original (&norm, candidate->end, length);
      match.entry = g_ptr_array_index (self->entries, pattern->entry);
      g_array_append_val (matches, match);
      taken_to = candidate->end;
    }

  g_free (norm.s);
  g_array_unref (norm.jumps);

  return matches;
}
