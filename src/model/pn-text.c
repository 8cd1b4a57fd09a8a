/* pn-text.c: the text rules of the pack's language (French first)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-text.h"

#define NBSP "\xc2\xa0"          /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xe2\x80\xaf"     /* U+202F NARROW NO-BREAK SPACE */
#define APOSTROPHE "\xe2\x80\x99"   /* U+2019 RIGHT SINGLE QUOTATION MARK */

gboolean
pn_text_language_is (const char *language,
                     const char *prefix)
{
  gsize length;

  g_return_val_if_fail (prefix != NULL, FALSE);

  if (language == NULL)
    return FALSE;

  length = strlen (prefix);

  return g_ascii_strncasecmp (language, prefix, length) == 0 &&
         (language[length] == '\0' || language[length] == '-' || language[length] == '_');
}

gboolean
pn_text_is_french (const char *language)
{
  return pn_text_language_is (language, "fr");
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018;
}

char *
pn_text_casefold (const char *text)
{
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  composed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  if (composed == NULL)   /* not valid UTF-8 */
    return g_strdup ("");
  folded = g_utf8_casefold (composed, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_apostrophe (c))
        g_string_append_c (out, '\'');
      else if (c == 0x00A0 || c == 0x202F)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

char *
pn_text_fold_accents (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  folded = pn_text_casefold (text);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0153)        /* œ */
        g_string_append (out, "oe");
      else if (c == 0x00E6)   /* æ */
        g_string_append (out, "ae");
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gsize
pn_text_elision_length (const char *word)
{
  /* Longest first: "qu" must not take "quoiqu". */
  static const char * const elided[] = {
    "lorsqu", "puisqu", "quoiqu", "jusqu", "qu", "c", "d", "j", "l", "m", "n", "s", "t", NULL
  };

  g_return_val_if_fail (word != NULL, 0);

  /* Most words start with none of their letters. */
  if (word[0] == '\0' || strchr ("cdjlmnpqstCDJLMNPQST", word[0]) == NULL)
    return 0;

  for (guint i = 0; elided[i] != NULL; i++)
    {
      gsize length = strlen (elided[i]);
      const char *after;
      gunichar c;

      if (g_ascii_strncasecmp (word, elided[i], length) != 0)
        continue;

      after = word + length;
      if (*after == '\'')
        after += 1;
      else if (g_str_has_prefix (after, APOSTROPHE))
        after += strlen (APOSTROPHE);
      else
        continue;

      c = g_utf8_get_char (after);
      if (g_unichar_isalpha (c))
        return after - word;
    }

  return 0;
}

const char *
pn_text_skip_elision (const char *word)
{
  return word + pn_text_elision_length (word);
}

static gboolean
is_address_like (const char *start,
                 const char *end)
{
  for (const char *p = start; p < end; p++)
    {
      if (*p == '@')
        return TRUE;
      if (end - p >= 3 && p[0] == ':' && p[1] == '/' && p[2] == '/')
        return TRUE;
      if (end - p >= 4 && g_ascii_strncasecmp (p, "www.", 4) == 0)
        return TRUE;
    }

  return FALSE;
}

static const char *
previous_char (const char *text,
               const char *p)
{
  return p > text ? g_utf8_find_prev_char (text, p) : NULL;
}

char *
pn_text_typographic_apostrophes (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (strchr (text, '\'') == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 16);
  p = text;
  while (*p != '\0')
    {
      /* One word (up to white space) at a time. */
      const char *end = p;
      gboolean address;

      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      address = is_address_like (p, end);

      for (const char *q = p; q < end; q++)
        {
          const char *before = previous_char (text, q);

          if (*q == '\'' && !address && before != NULL && before >= p &&
              g_unichar_isalpha (g_utf8_get_char (before)) &&
              q + 1 < end && g_unichar_isalpha (g_utf8_get_char (q + 1)))
            g_string_append (out, APOSTROPHE);
          else
            g_string_append_c (out, *q);
        }

      /* The white space after the word. */
      while (*end != '\0' && g_ascii_isspace (*end))
        g_string_append_c (out, *end++);
      p = end;
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_breaking_or_nbsp (gunichar c)
{
  return c == ' ' || c == 0x00A0;
}

char *
pn_text_french_spacing (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 16);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;
      const char *next_p;
      gunichar next;
      /* Only spaces, U+00A0 and « (0xC2 …) can change: the rest goes as it is. */
      gsize plain = strcspn (p, " \xc2");

      if (plain > 0)
        {
          g_string_append_len (out, p, plain);
          p += plain;
          if (*p == '\0')
            break;
        }

      c = g_utf8_get_char (p);
      next_p = g_utf8_next_char (p);
      next = *next_p != '\0' ? g_utf8_get_char (next_p) : 0;

      if (is_breaking_or_nbsp (c) && next != 0 && next < 0x80 && strchr (";!?", (int) next) != NULL)
        g_string_append (out, NNBSP);
      else if (is_breaking_or_nbsp (c) && next == 0x00BB)   /* » */
        g_string_append (out, NNBSP);
      else if (c == ' ' && (next == ':' || next == '%'))
        g_string_append (out, NBSP);
      else if (c == 0x00AB && is_breaking_or_nbsp (next))  /* « */
        {
          g_string_append (out, "\xc2\xab" NNBSP);
          p = next_p;
        }
      else
        g_string_append_len (out, p, next_p - p);
    }

  return g_string_free (out, FALSE);
}

const char *
pn_text_footnote_back_label (const char *language)
{
  if (pn_text_is_french (language))
    return "Retour au texte";

  return "Back to content";
}
