/* pn-render-typography.c: the typography pass
 *
 * In a French document: espaces fines, and typographic apostrophes (’) for
 * straight ones in the text (never in code, addresses or attributes: code
 * and attributes are not TEXT nodes, an image's description is an attribute,
 * and pn_text_typographic_apostrophes() leaves address-like words alone).
 * In every document, the words the browser must not hyphenate: proper nouns
 * (a capital after any elision, not at the start of a sentence), words that already hold a hyphen (no break
 * next to it) and words in emphasis (titles) are marked to be kept whole; the
 * HTML writer puts them in <span class="pn-nohyphen">.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-render-private.h"
#include "pn-text.h"

/* Shorter words are never hyphenated by the browser anyway. */
#define MIN_KEPT_LENGTH 5

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '-' || c == 0x2011 ||
         c == '\'' || c == 0x2019;
}

static gboolean
keep_whole (const char *word,
            const char *end,
            gboolean    in_title,
            gboolean    sentence_start)
{
  const char *stem;

  if (g_utf8_strlen (word, end - word) < MIN_KEPT_LENGTH)
    return FALSE;

  stem = word + pn_text_elision_length (word);
  if (stem >= end)
    return FALSE;

  if (in_title)
    return TRUE;
  /* A capital that does not start a sentence: a proper noun, a title. */
  if (!sentence_start &&
      (g_unichar_isupper (g_utf8_get_char (stem)) || g_unichar_istitle (g_utf8_get_char (stem))))
    return TRUE;

  /* A hyphen inside the word (not at its ends). */
  for (const char *p = g_utf8_next_char (word); p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '-' || c == 0x2011) && g_utf8_next_char (p) < end)
        return TRUE;
    }

  return FALSE;
}

/* @sentence_start: whether the text so far, in this block, ends a sentence. */
static void
mark_words (cmark_node *node,
            gboolean    in_title,
            gboolean   *sentence_start)
{
  const char *literal = cmark_node_get_literal (node);
  const char *p = literal;
  GArray *ranges = NULL;

  while (p != NULL && *p != '\0')
    {
      const char *end;

      gunichar c;

      /* ASCII outside words, the most common case, without decoding. */
      if ((guchar) *p < 0x80 && !g_ascii_isalnum (*p) && *p != '-' && *p != '\'')
        {
          if (*p == '.' || *p == '!' || *p == '?')
            *sentence_start = TRUE;
          else if (!g_ascii_isspace (*p))
            *sentence_start = FALSE;
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      if (!is_word_char (c))
        {
          if (c == '.' || c == '!' || c == '?' || c == 0x2026)
            *sentence_start = TRUE;
          else if (!g_unichar_isspace (c))
            *sentence_start = FALSE;   /* "— Frédéric", "« Contretemps" */
          p = g_utf8_next_char (p);
          continue;
        }

      for (end = p; *end != '\0' && is_word_char (g_utf8_get_char (end)); end = g_utf8_next_char (end))
        ;

      if (keep_whole (p, end, in_title, *sentence_start))
        {
          guint range[2] = { p - literal, end - literal };

          if (ranges == NULL)
            ranges = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_vals (ranges, range, 2);
        }
      *sentence_start = FALSE;
      p = end;
    }

  if (ranges != NULL)
    {
      PnNodeData *data = pn_render_node_data (node);

      if (data->keep_whole != NULL)
        g_array_unref (data->keep_whole);
      data->keep_whole = ranges;
    }
}

/* The text that follows @node in its paragraph, across markup (emphasis,
 * the start of a link): "d'" then "*aujourd'hui*". NULL when code or
 * anything else comes first. */
static const char *
following_text (cmark_node *node)
{
  cmark_node *next = cmark_node_next (node);

  while (next != NULL)
    {
      cmark_node_type type = cmark_node_get_type (next);

      if (type == CMARK_NODE_TEXT)
        return cmark_node_get_literal (next);
      if (type == CMARK_NODE_HTML_INLINE)
        next = cmark_node_next (next);
      else if (type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG)
        next = cmark_node_first_child (next);
      else
        return NULL;
    }

  return NULL;
}

static char *
curl_apostrophes (cmark_node *node,
                  const char *text)
{
  gsize length = strlen (text);
  const char *after;
  g_autofree char *joined = NULL;
  char *curled;

  if (length == 0 || text[length - 1] != '\'')
    return pn_text_typographic_apostrophes (text);

  /* An apostrophe at the end: it is one if a word goes on after it. */
  after = following_text (node);
  if (after == NULL || !g_unichar_isalpha (g_utf8_get_char (after)) || strchr (after, '@') != NULL ||
      strstr (after, "://") != NULL)
    return pn_text_typographic_apostrophes (text);

  joined = g_strconcat (text, "x", NULL);
  curled = pn_text_typographic_apostrophes (joined);
  curled[strlen (curled) - 1] = '\0';

  return curled;
}

static void
typeset_text (PnRenderContext *ctx,
              cmark_node      *node,
              gboolean         in_image)
{
  const char *literal = cmark_node_get_literal (node);
  g_autofree char *spaced = NULL;
  g_autofree char *curled = NULL;

  if (literal == NULL || !ctx->french)
    return;

  spaced = pn_text_french_spacing (literal);
  if (!in_image)
    curled = curl_apostrophes (node, spaced);

  cmark_node_set_literal (node, curled != NULL ? curled : spaced);
}

/* The space French puts before ; ! ? » : % and after «, when a line of the
 * Markdown ends there (a soft break is a plain space, where a line may break). */
static const char *
space_at_break (cmark_node *softbreak)
{
  cmark_node *previous = cmark_node_previous (softbreak);
  cmark_node *next = cmark_node_next (softbreak);
  const char *before = previous != NULL && cmark_node_get_type (previous) == CMARK_NODE_TEXT
                         ? cmark_node_get_literal (previous) : NULL;
  const char *after = next != NULL && cmark_node_get_type (next) == CMARK_NODE_TEXT
                        ? cmark_node_get_literal (next) : NULL;

  if (after != NULL && (after[0] == ';' || after[0] == '!' || after[0] == '?' ||
                        g_str_has_prefix (after, "\xc2\xbb")))
    return PN_NNBSP;
  if (after != NULL && (after[0] == ':' || after[0] == '%'))
    return PN_NBSP;
  if (before != NULL && g_str_has_suffix (before, "\xc2\xab"))
    return PN_NNBSP;

  return NULL;
}

static void
space_line_ends (cmark_node *root)
{
  g_autoptr(GPtrArray) breaks = pn_render_collect (root, CMARK_NODE_SOFTBREAK);

  for (guint i = 0; i < breaks->len; i++)
    {
      cmark_node *softbreak = g_ptr_array_index (breaks, i);
      const char *space = space_at_break (softbreak);
      cmark_node *text;

      if (space == NULL)
        continue;
      text = cmark_node_new (CMARK_NODE_TEXT);
      cmark_node_set_literal (text, space);
      if (cmark_node_insert_before (softbreak, text))
        cmark_node_free (softbreak);
      else
        cmark_node_free (text);
    }
}

void
pn_render_pass_typography (PnRenderContext *ctx,
                           cmark_node      *root,
                           gpointer         data)
{
  cmark_iter *iter = cmark_iter_new (root);
  cmark_event_type event;
  guint images = 0;
  guint titles = 0;
  gboolean sentence_start = TRUE;

  if (ctx->french)
    space_line_ends (root);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);
      int step = event == CMARK_EVENT_ENTER ? 1 : event == CMARK_EVENT_EXIT ? -1 : 0;

      if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
        sentence_start = TRUE;
      else if (type == CMARK_NODE_IMAGE)
        images += step;
      else if (type == CMARK_NODE_EMPH)
        titles += step;
      else if (type == CMARK_NODE_CODE)
        sentence_start = FALSE;
      else if (type == CMARK_NODE_TEXT && event == CMARK_EVENT_ENTER)
        {
          typeset_text (ctx, node, images > 0);
          if (images == 0)
            mark_words (node, titles > 0, &sentence_start);
        }
    }

  cmark_iter_free (iter);
}
