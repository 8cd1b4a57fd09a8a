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
  const char *stem = word + pn_text_elision_length (word);
  glong length;

  if (stem >= end)
    return FALSE;

  length = g_utf8_strlen (word, end - word);
  if (length < MIN_KEPT_LENGTH)
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

      gunichar c = g_utf8_get_char (p);

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
    curled = pn_text_typographic_apostrophes (spaced);

  cmark_node_set_literal (node, curled != NULL ? curled : spaced);
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
      else if (type == CMARK_NODE_TEXT && event == CMARK_EVENT_ENTER)
        {
          typeset_text (ctx, node, images > 0);
          if (images == 0)
            mark_words (node, titles > 0, &sentence_start);
        }
    }

  cmark_iter_free (iter);
}
