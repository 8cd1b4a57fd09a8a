/* pn-glossary-search.c: finding glossary entries as a reader types or selects
 *
 * The keys of every entry are computed once per glossary and kept on it
 * (rebuilt if entries were added since): a search is then one pass of string
 * comparisons over the entries, a lookup one hash table probe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-glossary-parse.h"
#include "pn-glossary-search.h"
#include "pn-text.h"

#define INDEX_KEY "pn-glossary-search-index"

typedef struct {
  const PnGlossaryEntry *entry;
  guint position;          /* in the glossary */
  char *term;              /* folded (case and accents) */
  GStrv forms;             /* likewise */
  char *sort_key;          /* the term's letters and digits, folded, words one space apart */
} Keys;

typedef struct {
  GPtrArray *keys;         /* of Keys, in file order */
  GHashTable *exact;       /* key -> entry, for entries that ignore case */
  GHashTable *bare;        /* the same key without accents -> entry */
  GHashTable *cased;       /* key in its own case -> entry, for case-sensitive ones */
} Index;

static void
keys_free (Keys *keys)
{
  g_free (keys->term);
  g_strfreev (keys->forms);
  g_free (keys->sort_key);
  g_free (keys);
}

static void
index_free (Index *index)
{
  g_ptr_array_unref (index->keys);
  g_hash_table_unref (index->exact);
  g_hash_table_unref (index->bare);
  g_hash_table_unref (index->cased);
  g_free (index);
}

/* @text folded, words one space apart, and a leading elision skipped. */
static char *
search_key (const char *text)
{
  g_autofree char *key = pn_glossary_form_key (text, FALSE);

  return pn_text_fold_accents (key);
}

static char *
make_sort_key (const char *folded)
{
  GString *key = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

static void
index_form (Index                 *index,
            const PnGlossaryEntry *entry,
            const char            *form)
{
  if (entry->case_sensitive)
    {
      char *cased = pn_glossary_form_key (form, TRUE);

      if (!g_hash_table_contains (index->cased, cased))
        g_hash_table_insert (index->cased, cased, (gpointer) entry);
      else
        g_free (cased);
      return;
    }

  {
    char *exact = pn_glossary_form_key (form, FALSE);
    char *bare = pn_text_fold_accents (exact);

    if (!g_hash_table_contains (index->exact, exact))
      g_hash_table_insert (index->exact, exact, (gpointer) entry);
    else
      g_free (exact);
    if (!g_hash_table_contains (index->bare, bare))
      g_hash_table_insert (index->bare, bare, (gpointer) entry);
    else
      g_free (bare);
  }
}

static gpointer
make_index (PnGlossary *self,
            gpointer    user_data)
{
  GPtrArray *entries = pn_glossary_get_entries (self);
  Index *index;

  index = g_new0 (Index, 1);
  index->keys = g_ptr_array_new_full (entries->len, (GDestroyNotify) keys_free);
  index->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->bare = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->cased = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
      Keys *keys = g_new0 (Keys, 1);
      guint n_forms = g_strv_length (entry->forms);

      keys->entry = entry;
      keys->position = i;
      keys->term = search_key (entry->term);
      keys->sort_key = make_sort_key (keys->term);
      keys->forms = g_new0 (char *, n_forms + 1);
      for (guint j = 0; j < n_forms; j++)
        keys->forms[j] = search_key (entry->forms[j]);
      g_ptr_array_add (index->keys, keys);

      index_form (index, entry, entry->term);
      for (guint j = 0; j < n_forms; j++)
        index_form (index, entry, entry->forms[j]);
    }

  return index;
}

static Index *
get_index (PnGlossary *self)
{
  return pn_glossary_get_derived (self, INDEX_KEY, make_index, NULL, (GDestroyNotify) index_free);
}

/* Searching */

typedef struct {
  Keys *keys;
  int rank;
} Hit;

/* Whether a word of @text (after the start or a character that is not a
 * letter or digit) starts with @query. */
static gboolean
has_word_prefix (const char *text,
                 const char *query,
                 gsize       length)
{
  gboolean boundary = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (boundary && strncmp (p, query, length) == 0)
        return TRUE;
      boundary = !g_unichar_isalnum (g_utf8_get_char (p));
    }

  return FALSE;
}

/* 0: the term starts with @query; 1: a word of the term or a form does;
 * 2: the term or a form contains it; -1: no match. */
static int
rank_of (const Keys *keys,
         const char *query)
{
  gsize length = strlen (query);

  if (g_str_has_prefix (keys->term, query))
    return 0;
  if (has_word_prefix (keys->term, query, length))
    return 1;
  for (guint i = 0; keys->forms[i] != NULL; i++)
    {
      if (has_word_prefix (keys->forms[i], query, length))
        return 1;
    }
  if (strstr (keys->term, query) != NULL)
    return 2;
  for (guint i = 0; keys->forms[i] != NULL; i++)
    {
      if (strstr (keys->forms[i], query) != NULL)
        return 2;
    }

  return -1;
}

static int
compare_alphabetically (const Keys *a,
                        const Keys *b)
{
  int order = strcmp (a->sort_key, b->sort_key);

  if (order == 0)
    order = strcmp (a->term, b->term);
  if (order == 0)
    order = g_utf8_collate (a->entry->term, b->entry->term);
  if (order == 0)
    order = a->position < b->position ? -1 : a->position > b->position;

  return order;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *first = a;
  const Hit *second = b;

  if (first->rank != second->rank)
    return first->rank < second->rank ? -1 : 1;

  return compare_alphabetically (first->keys, second->keys);
}

GPtrArray *
pn_glossary_search (PnGlossary *self,
                    const char *query)
{
  g_autofree char *key = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GPtrArray *result;
  Index *index;

  g_return_val_if_fail (PN_IS_GLOSSARY (self), NULL);

  index = get_index (self);
  key = search_key (query != NULL ? query : "");

  for (guint i = 0; i < index->keys->len; i++)
    {
      Hit hit = { g_ptr_array_index (index->keys, i), key[0] == '\0' ? 0 : -1 };

      if (key[0] != '\0')
        hit.rank = rank_of (hit.keys, key);
      if (hit.rank >= 0)
        g_array_append_val (hits, hit);
    }
  g_array_sort (hits, compare_hits);

  result = g_ptr_array_new_full (hits->len, NULL);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (result, (gpointer) g_array_index (hits, Hit, i).keys->entry);

  return result;
}

/* Looking a selection up */

/* @text without the white space and punctuation around it (« extraction », -> extraction). */
static char *
trim_selection (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_find_prev_char (start, end);

      if (previous == NULL || g_unichar_isalnum (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

const PnGlossaryEntry *
pn_glossary_find_term (PnGlossary *self,
                       const char *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *cased = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *bare = NULL;
  const PnGlossaryEntry *entry;
  Index *index;

  g_return_val_if_fail (PN_IS_GLOSSARY (self), NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  trimmed = trim_selection (text);
  if (trimmed[0] == '\0')
    return NULL;

  index = get_index (self);
  cased = pn_glossary_form_key (trimmed, TRUE);
  if ((entry = g_hash_table_lookup (index->cased, cased)) != NULL)
    return entry;

  exact = pn_glossary_form_key (trimmed, FALSE);
  if ((entry = g_hash_table_lookup (index->exact, exact)) != NULL)
    return entry;

  bare = pn_text_fold_accents (exact);

  return g_hash_table_lookup (index->bare, bare);
}
