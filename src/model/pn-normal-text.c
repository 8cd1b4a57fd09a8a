/* pn-normal-text.c: text as the glossary's matcher compares it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-glossary-matcher.h"
#include "pn-normal-text.h"

static void
norm_grow (PnNormalText *n,
           gsize extra)
{
  n->cap = MAX (n->cap * 2, n->len + extra + 64);
  n->s = g_realloc (n->s, n->cap + 1);
}

static inline void
norm_reserve (PnNormalText *n,
              gsize extra)
{
  if (G_UNLIKELY (n->s == NULL || n->len + extra > n->cap))
    norm_grow (n, extra);
}

/* The next byte of s comes from @from in the text. */
static inline void
norm_map (PnNormalText  *n,
          gsize  from)
{
  if (n->jumps != NULL && (gssize) from - (gssize) n->len != n->delta)
    {
      PnNormalJump jump = { n->len, from };

      g_array_append_val (n->jumps, jump);
      n->delta = (gssize) from - (gssize) n->len;
    }
}

/* Where byte @at of s comes from in the text of @length bytes. */
gsize
pn_normal_text_original (const PnNormalText *n,
               gsize       at,
               gsize       length)
{
  guint low = 0;
  guint high;

  if (at >= n->len)
    return length;
  if (n->jumps == NULL)
    return at;   /* the text searched as it is */
  high = n->jumps->len;

  /* The last jump at or before @at (the first is at 0). */
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (n->jumps, PnNormalJump, middle).norm <= at)
        low = middle;
      else
        high = middle;
    }

  return g_array_index (n->jumps, PnNormalJump, low).text + (at - g_array_index (n->jumps, PnNormalJump, low).norm);
}

static inline void
norm_put (PnNormalText       *n,
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
norm_put_byte (PnNormalText *n,
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
norm_put_space (PnNormalText *n,
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
put_char (PnNormalText     *n,
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

/* Unchecked: pn_normal_text_fill() keeps room for one byte per byte left to read. */
static inline void
norm_put_fast (PnNormalText  *n,
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

void
pn_normal_text_fill (PnNormalText       *n,
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

char *
pn_normal_form (const char *text,
                gboolean    fold)
{
  PnNormalText n = { 0 };
  gsize start = 0;

  pn_normal_text_fill (&n, text, strlen (text), fold);
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

  return pn_normal_form (text, fold);
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
      /* The text searched may be the author's, not folded (see pn_normal_is_plain()). */
      if (strlen (elisions[i]) == length && g_ascii_strncasecmp (elisions[i], word, length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A hyphen between two word characters joins a compound (« quasi-rente »,
 * « post-extraction »): no word of it stands alone. */
static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Before @at: nothing, a character outside words but the hyphen of a
 * compound, or the apostrophe of an elision (or of a quotation: no word
 * before it). */
gboolean
pn_normal_starts_word (const char *text,
             gsize       at)
{
  const char *apostrophe;
  const char *word;
  guint letters = 0;
  gunichar before;

  if (at == 0)
    return TRUE;
  if ((guchar) text[at - 1] < 0x80 && text[at - 1] != '\'' && text[at - 1] != '-')
    return !g_ascii_isalnum (text[at - 1]);

  apostrophe = g_utf8_find_prev_char (text, text + at);
  before = g_utf8_get_char (apostrophe);
  if (is_word_char (before))
    return FALSE;
  if (is_hyphen (before))
    return apostrophe == text ||
           !is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, apostrophe)));
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
 * apostrophe inside a word (« aujourd'hui ») nor the hyphen of a compound. */
gboolean
pn_normal_ends_word (const char *text,
           gsize       length,
           gsize       at)
{
  gunichar after;

  if (at >= length)
    return TRUE;

  /* The common case: a letter goes on, or a space or punctuation ends the word. */
  if ((guchar) text[at] < 0x80 && text[at] != '\'' && text[at] != '-')
    return !g_ascii_isalnum (text[at]);

  after = g_utf8_get_char (text + at);
  if (is_word_char (after))
    return FALSE;
  if (is_hyphen (after))
    {
      const char *next = g_utf8_next_char (text + at);

      return (gsize) (next - text) >= length || !is_word_char (g_utf8_get_char (next));
    }

  return after != '\'' || at + 1 >= length || !is_word_char (g_utf8_get_char (text + at + 1));
}

/* Whether @text is as pn_normal_text_fill() would make it, but for the case of
 * ASCII letters: printable ASCII with single spaces, and among the others
 * only small Latin-1 letters, œ, « » and – — …, nothing that combines. */
gboolean
pn_normal_is_plain (const char *text,
          gsize       length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;
  guchar previous = 0;

  while (p < end)
    {
      guchar b = *p;

      if (b >= 0x21 && b < 0x7f)
        p++;
      else if (b == ' ' && previous != ' ')
        p++;
      else if (b == 0xC3 && p + 1 < end && p[1] >= 0xA0 && p[1] <= 0xBF)
        p += 2;
      else if (b == 0xC2 && p + 1 < end && (p[1] == 0xAB || p[1] == 0xBB))
        p += 2;
      else if (b == 0xC5 && p + 1 < end && p[1] == 0x93)
        p += 2;
      else if (b == 0xE2 && p + 2 < end && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0xA6))
        p += 3;
      else
        return FALSE;
      previous = b;
    }

  return TRUE;
}

