/* test-anchor-hostile.c: selectors and texts no pack should hold (invalid
 * UTF-8, NUL bytes, positions out of range, quotes of megabytes, quotes of
 * more code points than edlib's alphabet): found or detached, never a hang
 * or a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-anchor.h"

static const char text[] =
  "La prison numérique prolonge une longue histoire : celle de l’atelier "
  "pénitentiaire, où l’on apprenait la discipline plus qu’un métier.\n";

static void
test_hostile (void)
{
  const char invalid[] = "Caf\xc3 \xff\xfe bien \xe2\x80 la fin";
  PnAnchorText *bad = pn_anchor_text_new (invalid, sizeof invalid - 1);
  PnAnchorText *nul = pn_anchor_text_new ("avant\0après", 11);
  PnAnchorText *anchor = pn_anchor_text_new (text, -1);
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  GString *huge = g_string_new (NULL);
  GString *alphabet = g_string_new (NULL);
  g_autofree char *big_text = NULL;

  /* Invalid UTF-8 is made valid (U+FFFD), a NUL ends the text. */
  g_assert_true (g_utf8_validate (pn_anchor_text_get_text (bad), -1, NULL));
  g_assert_true (strstr (pn_anchor_text_get_text (bad), "bien") != NULL);
  g_assert_cmpstr (pn_anchor_text_get_text (nul), ==, "avant");

  /* Invalid selectors: found as far as their valid part goes. */
  selectors.exact = g_strdup ("bien \xe2\x80");
  selectors.prefix = g_strdup ("\xff\xfe");
  selectors.start = -7;
  selectors.end = -100;
  pn_anchor_text_locate (bad, &selectors, &result);
  g_assert_cmpint (result.method, !=, PN_ANCHOR_DETACHED);
  pn_text_selectors_clear (&selectors);

  /* Positions out of the text. */
  selectors.exact = g_strdup ("la fin");
  selectors.start = G_MAXINT64 - 2;
  selectors.end = G_MININT64;
  pn_anchor_text_locate (bad, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  pn_text_selectors_clear (&selectors);

  /* No quote at all. */
  selectors.start = 3;
  selectors.end = 9;
  pn_anchor_text_locate (anchor, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);

  /* A quote of 2 MB, longer than the text; then one of 100,000 code points
   * in a text of 200,000 with an edit in it (longer than edlib is asked
   * for): no hang, found or not. */
  for (int i = 0; i < 1 << 21; i++)
    g_string_append_c (huge, 'a' + i % 7);
  selectors.exact = g_strndup (huge->str, huge->len);
  pn_anchor_text_locate (anchor, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);
  g_free (selectors.exact);
  {
    GRand *rand = g_rand_new_with_seed (8);
    PnAnchorText *big;

    big_text = g_malloc (200001);
    for (int i = 0; i < 200000; i++)
      big_text[i] = 'a' + g_rand_int_range (rand, 0, 26);
    big_text[200000] = '\0';
    selectors.exact = g_strndup (big_text, 100000);
    big_text[50000] = 'X';
    big = pn_anchor_text_new (big_text, -1);
    selectors.start = 5;
    selectors.end = 100005;
    pn_anchor_text_locate (big, &selectors, &result);
    g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);
    /* The positive control: at its position it is found. */
    selectors.start = 0;
    selectors.end = 100000;
    g_free (selectors.exact);
    selectors.exact = g_strndup (big_text, 100000);
    pn_anchor_text_locate (big, &selectors, &result);
    g_assert_cmpint (result.method, ==, PN_ANCHOR_POSITION);
    pn_anchor_text_free (big);
    g_rand_free (rand);
  }
  pn_text_selectors_clear (&selectors);

  /* A quote of more than 255 different code points: exact matches still. */
  for (gunichar c = 0x4E00; c < 0x4E00 + 300; c++)
    g_string_append_unichar (alphabet, c);
  {
    g_autofree char *text = g_strconcat ("début ", alphabet->str, " fin", NULL);
    PnAnchorText *cjk = pn_anchor_text_new (text, -1);

    selectors.exact = g_strdup (alphabet->str);
    selectors.start = 100;
    selectors.end = 400;
    pn_anchor_text_locate (cjk, &selectors, &result);
    g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
    g_assert_cmpint (result.start, ==, 6);
    pn_anchor_text_free (cjk);
  }
  pn_text_selectors_clear (&selectors);

  g_string_free (huge, TRUE);
  g_string_free (alphabet, TRUE);
  pn_anchor_text_free (bad);
  pn_anchor_text_free (nul);
  pn_anchor_text_free (anchor);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchor/hostile", test_hostile);

  return g_test_run ();
}
