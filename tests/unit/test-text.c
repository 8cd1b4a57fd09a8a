/* test-text.c: the text rules of the pack's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-text.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

static void
test_language (void)
{
  static const struct { const char *tag; gboolean french; } cases[] = {
    { "fr", TRUE }, { "FR", TRUE }, { "fr-FR", TRUE }, { "fr-CA", TRUE }, { "fr_BE", TRUE },
    { "Fr-ch", TRUE }, { "fro", FALSE }, { "fry", FALSE }, { "frr", FALSE }, { "en", FALSE },
    { "en-fr", FALSE }, { "", FALSE }, { "f", FALSE }, { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (pn_text_is_french (cases[i].tag), ==, cases[i].french);

  g_assert_true (pn_text_language_is ("en-GB", "en"));
  g_assert_false (pn_text_language_is ("eng", "en"));
}

static void
test_casefold (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "L’Économie", "l'économie" },
    { "L'ÉCONOMIE", "l'économie" },
    { "E\xcc\x81" "conomie", "économie" },      /* decomposed É -> composed é */
    { "Straße", "strasse" },
    { "ŒUVRE", "œuvre" },
    { "prison" NBSP "numérique" NNBSP "!", "prison numérique !" },
    { "aujourdʼhui", "aujourd'hui" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = pn_text_casefold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }

  /* Both apostrophes compare equal once folded. */
  {
    g_autofree char *a = pn_text_casefold ("L'Europe");
    g_autofree char *b = pn_text_casefold ("l’europe");

    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_elisions (void)
{
  static const struct { const char *word; const char *stem; } cases[] = {
    { "l'essence", "essence" },
    { "l’essence", "essence" },
    { "L’Europe", "Europe" },
    { "d'abord", "abord" },
    { "qu'il", "il" },
    { "Qu’elle", "elle" },
    { "jusqu'ici", "ici" },
    { "jusqu’à", "à" },
    { "lorsqu'on", "on" },
    { "puisqu’il", "il" },
    { "quoiqu'elle", "elle" },
    { "c'est", "est" },
    { "j’ai", "ai" },
    { "n'importe", "importe" },
    { "s’il", "il" },
    { "m'a", "a" },
    { "t’es", "es" },
    /* Not elisions. */
    { "aujourd'hui", "aujourd'hui" },
    { "quelqu’un", "quelqu’un" },
    { "l'", "l'" },
    { "l' ", "l' " },
    { "l'1", "l'1" },
    { "lu", "lu" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (pn_text_skip_elision (cases[i].word), ==, cases[i].stem);

  g_assert_cmpuint (pn_text_elision_length ("jusqu’à"), ==, strlen ("jusqu’"));
  g_assert_cmpuint (pn_text_elision_length ("qu'a"), ==, 3);
  g_assert_cmpuint (pn_text_elision_length ("essai"), ==, 0);
}

static void
test_apostrophes (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "l'essence", "l’essence" },
    { "Aujourd'hui, l'homme qu'il voit", "Aujourd’hui, l’homme qu’il voit" },
    { "déjà’typographique", "déjà’typographique" },
    /* Not between two letters. */
    { "'entre' ' seul 1'2 l'", "'entre' ' seul 1'2 l'" },
    /* Addresses keep theirs. */
    { "voir http://a.org/l'x et l'a", "voir http://a.org/l'x et l’a" },
    { "www.l'a.org o'neil@l'a.org", "www.l'a.org o'neil@l'a.org" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pn_text_typographic_apostrophes (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_french_spacing (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Quoi ? Vraiment ! Oui ; non.", "Quoi" NNBSP "? Vraiment" NNBSP "! Oui" NNBSP "; non." },
    { "« citation »", "«" NNBSP "citation" NNBSP "»" },
    { "Note : 75 %", "Note" NBSP ": 75" NBSP "%" },
    { "«mot»", "«mot»" },
    { "http://example.org?a;b!", "http://example.org?a;b!" },
    /* A space before a letter whose code ends like ';' is left alone. */
    { "a \xc4\xbb", "a \xc4\xbb" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pn_text_french_spacing (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_back_label (void)
{
  g_assert_cmpstr (pn_text_footnote_back_label ("fr-CA"), ==, "Retour au texte");
  g_assert_cmpstr (pn_text_footnote_back_label ("en"), ==, "Back to content");
  g_assert_cmpstr (pn_text_footnote_back_label (NULL), ==, "Back to content");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/language", test_language);
  g_test_add_func ("/text/casefold", test_casefold);
  g_test_add_func ("/text/elisions", test_elisions);
  g_test_add_func ("/text/apostrophes", test_apostrophes);
  g_test_add_func ("/text/french-spacing", test_french_spacing);
  g_test_add_func ("/text/back-label", test_back_label);

  return g_test_run ();
}
