/* pn-glossary-matcher-private.h: the automaton's arrays, shared by its building
 * (pn-glossary-matcher-build.c) and its search (pn-glossary-matcher.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-glossary-matcher.h"

G_BEGIN_DECLS

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

G_END_DECLS
