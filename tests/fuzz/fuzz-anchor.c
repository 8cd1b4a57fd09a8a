/* fuzz-anchor.c: selectors found in a text (pn-anchor)
 *
 * The selectors come from the student's database or from an imported file,
 * the text from a pack: both untrusted. The input is up to five parts split
 * by the byte 0x1F: the text, the quote, the prefix, the suffix, and "START
 * END". Whatever they hold (invalid UTF-8, NULs, offsets out of the text),
 * locating never fails and gives a range of the text or DETACHED; the
 * selectors of the range found lead back to it, at its position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-anchor.h"
#include "pn-fuzz.h"

#define N_PARTS 5

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const char *parts[N_PARTS] = { NULL };
  gsize lengths[N_PARTS] = { 0 };
  const char *p = (const char *) data;
  const char *end = p + size;
  g_autofree char *numbers = NULL;
  PnTextSelectors selectors = { 0 };
  PnTextSelectors again = { 0 };
  PnAnchorResult result, back;
  PnAnchorText *text;

  for (int i = 0; i < N_PARTS && p <= end; i++)
    {
      const char *stop = memchr (p, 0x1F, end - p);

      parts[i] = p;
      lengths[i] = (stop != NULL ? stop : end) - p;
      p += lengths[i] + 1;
    }

  text = pn_anchor_text_new (parts[0], lengths[0]);
  selectors.exact = parts[1] != NULL ? g_strndup (parts[1], lengths[1]) : NULL;
  selectors.prefix = parts[2] != NULL ? g_strndup (parts[2], lengths[2]) : NULL;
  selectors.suffix = parts[3] != NULL ? g_strndup (parts[3], lengths[3]) : NULL;
  if (parts[4] != NULL)
    {
      char *after = NULL;

      numbers = g_strndup (parts[4], lengths[4]);
      selectors.start = g_ascii_strtoll (numbers, &after, 10);
      selectors.end = g_ascii_strtoll (after, NULL, 10);
    }

  pn_anchor_text_locate (text, &selectors, &result);
  g_assert_cmpfloat (result.score, >=, 0.0);
  g_assert_cmpfloat (result.score, <=, 1.0);
  if (result.method == PN_ANCHOR_DETACHED)
    {
      g_assert_cmpint (result.start, ==, -1);
      g_assert_cmpint (result.end, ==, -1);
    }
  else
    {
      g_assert_cmpint (result.start, >=, 0);
      g_assert_cmpint (result.end, >, result.start);
      g_assert_cmpint (result.end, <=, pn_anchor_text_get_length (text));

      /* The range found, made into selectors, is found at its position. */
      pn_anchor_text_make_selectors (text, result.start, result.end, &again);
      g_assert_true (g_utf8_validate (again.exact, -1, NULL));
      pn_anchor_text_locate (text, &again, &back);
      g_assert_cmpint (back.method, ==, PN_ANCHOR_POSITION);
      g_assert_cmpint (back.start, ==, result.start);
      g_assert_cmpint (back.end, ==, result.end);
    }

  pn_text_selectors_clear (&selectors);
  pn_text_selectors_clear (&again);
  pn_anchor_text_free (text);

  return 0;
}
