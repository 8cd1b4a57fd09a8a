/* test-glossary-matcher.c: normalisation and the Aho–Corasick matcher of the glossary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-glossary-matcher.h"

static void
add (PnGlossary *glossary,
     const char *id,
     const char *term,
     const char *forms,       /* "|"-separated, or NULL */
     gboolean    case_sensitive)
{
  g_auto(GStrv) split = forms != NULL ? g_strsplit (forms, "|", -1) : NULL;

  g_assert_true (pn_glossary_add (glossary, pn_glossary_entry_new (id, term, (const char * const *) split,
                                                                   "Définition.", NULL, NULL, NULL,
                                                                   case_sensitive)));
}

static PnGlossary *
french_glossary (void)
{
  PnGlossary *glossary = pn_glossary_new ("glossary.json");

  add (glossary, "subsomption", "subsomption", NULL, FALSE);
  add (glossary, "subsomption-totale", "subsomption totale", NULL, FALSE);
  add (glossary, "extraction", "extraction des données", "extraction", FALSE);
  add (glossary, "greve", "grève des utilisateurices", "grève des utilisateur·ices|grèves des utilisateurices", FALSE);
  add (glossary, "utilisateur", "utilisateur", "utilisateurs|utilisatrice|utilisatrices|utilisateur·ices", FALSE);
  add (glossary, "rente", "rente", "rentes", FALSE);
  add (glossary, "gafam", "GAFAM", NULL, TRUE);
  add (glossary, "stablecoins", "stablecoin", "stablecoins", FALSE);
  add (glossary, "ile", "île", NULL, FALSE);
  add (glossary, "travail-mort", "travail mort", NULL, FALSE);

  return glossary;
}

/* The matches of @text, as "id=[matched text]" joined by spaces. */
static char *
find (PnGlossary *glossary,
      const char *text)
{
  g_autoptr(GArray) matches = pn_glossary_matcher_find (pn_glossary_get_matcher (glossary), text, -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const PnGlossaryMatch *match = &g_array_index (matches, PnGlossaryMatch, i);

      g_assert_cmpuint (match->start, <, match->end);
      g_assert_cmpuint (match->end, <=, strlen (text));
      g_string_append_printf (out, "%s%s=[%.*s]", i > 0 ? " " : "", match->entry->id,
                              (int) (match->end - match->start), text + match->start);
    }

  return g_string_free (out, FALSE);
}

#define assert_finds(glossary, text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = find ((glossary), (text)); \
    g_assert_cmpstr (found_, ==, (expected)); \
  } G_STMT_END

static void
test_normalize (void)
{
  g_autofree char *folded = pn_glossary_normalize ("  L’Économie\xc2\xa0 des\xe2\x80\xaf" "Données ", TRUE);
  g_autofree char *exact = pn_glossary_normalize ("L’Économie", FALSE);
  /* e + combining acute: composed. */
  g_autofree char *composed = pn_glossary_normalize ("Re\xcc\x81" "el", TRUE);
  g_autofree char *dots = pn_glossary_normalize ("utilisateur\xe2\x80\xa7ices utilisateur\xe2\x8b\x85ices", TRUE);

  g_assert_cmpstr (folded, ==, "l'économie des données");
  g_assert_cmpstr (exact, ==, "L'Économie");
  g_assert_cmpstr (composed, ==, "réel");
  g_assert_cmpstr (dots, ==, "utilisateur·ices utilisateur·ices");
}

static void
test_whole_words (void)
{
  g_autoptr(PnGlossary) glossary = french_glossary ();

  /* « rente » inside « parente », « rentes » is its listed plural. */
  assert_finds (glossary, "Une parente vit de ses rentes ; la rente.", "rente=[rentes] rente=[rente]");
  assert_finds (glossary, "rentesque, arrente", "");
  /* A hyphen between letters joins a compound: no term inside it, either
   * side, whatever the hyphen; a dash between spaces, or a hyphen with no
   * word beyond it, still ends the word. */
  assert_finds (glossary, "la quasi-rente, la rente-monde, la quasi\xe2\x80\x91rente", "");
  assert_finds (glossary, "la rente - puis la rente-", "rente=[rente] rente=[rente]");
  assert_finds (glossary, "-rente", "rente=[rente]");
  assert_finds (glossary, "rente", "rente=[rente]");
}

static void
test_elisions (void)
{
  g_autoptr(PnGlossary) glossary = french_glossary ();

  assert_finds (glossary, "l'extraction et l’extraction", "extraction=[extraction] extraction=[extraction]");
  assert_finds (glossary, "L’EXTRACTION, d'extraction, qu’extraction, jusqu'extraction",
                "extraction=[EXTRACTION] extraction=[extraction] extraction=[extraction] extraction=[extraction]");
  assert_finds (glossary, "lorsqu'extraction puisqu’extraction quoiqu'extraction",
                "extraction=[extraction] extraction=[extraction] extraction=[extraction]");
  assert_finds (glossary, "m'extraction t'extraction s'extraction n'extraction j'extraction c'extraction",
                "extraction=[extraction] extraction=[extraction] extraction=[extraction] "
                "extraction=[extraction] extraction=[extraction] extraction=[extraction]");
  /* Not an elision: one word. A quotation mark is not one either. */
  assert_finds (glossary, "une presqu'île, une presqu’île", "");
  assert_finds (glossary, "« île » et 'île'", "ile=[île] ile=[île]");
  /* Nor after the apostrophe inside a word. */
  assert_finds (glossary, "aujourd'extraction", "");
}

static void
test_inclusive_forms (void)
{
  g_autoptr(PnGlossary) glossary = french_glossary ();

  assert_finds (glossary, "les utilisateur·ices, les utilisatrices",
                "utilisateur=[utilisateur·ices] utilisateur=[utilisatrices]");
  /* The middle-dot variants are the same dot. */
  assert_finds (glossary, "les utilisateur\xe2\x80\xa7ices", "utilisateur=[utilisateur\xe2\x80\xa7ices]");
  /* The dot is inside the word: « utilisateur » alone does not match its start. */
  assert_finds (glossary, "utilisateur·rices", "");
  assert_finds (glossary, "la grève des utilisateur·ices", "greve=[grève des utilisateur·ices]");
}

static void
test_longest_first (void)
{
  g_autoptr(PnGlossary) glossary = french_glossary ();

  assert_finds (glossary, "La subsomption totale, puis la subsomption.",
                "subsomption-totale=[subsomption totale] subsomption=[subsomption]");
  assert_finds (glossary, "subsomption totalement", "subsomption=[subsomption]");
  /* White space of any kind between the words. */
  assert_finds (glossary, "subsomption\xc2\xa0totale, subsomption  \n totale",
                "subsomption-totale=[subsomption\xc2\xa0totale] subsomption-totale=[subsomption  \n totale]");
  /* Leftmost first: « grève des utilisateurices » holds « utilisateurices »
   * only as part of itself. */
  assert_finds (glossary, "grèves des utilisateurices", "greve=[grèves des utilisateurices]");
  assert_finds (glossary, "l’extraction des données", "extraction=[extraction des données]");
}

static void
test_case (void)
{
  g_autoptr(PnGlossary) glossary = french_glossary ();

  assert_finds (glossary, "Les GAFAM, les Gafam, les gafam", "gafam=[GAFAM]");
  /* Case folding both ways for the others; accents are kept. */
  assert_finds (glossary, "TRAVAIL MORT, Travail Mort", "travail-mort=[TRAVAIL MORT] travail-mort=[Travail Mort]");
  assert_finds (glossary, "grève des utilisateurices, greve des utilisateurices",
                "greve=[grève des utilisateurices]");
  assert_finds (glossary, "STABLECOINS et Île", "stablecoins=[STABLECOINS] ile=[Île]");
  /* Text searched as it is (no accented capital, straight apostrophes) and
   * text normalised first find the same. */
  assert_finds (glossary, "L'EXTRACTION ; Lorsqu'Extraction", "extraction=[EXTRACTION] extraction=[Extraction]");
  assert_finds (glossary, "L’EXTRACTION ; Lorsqu’Extraction", "extraction=[EXTRACTION] extraction=[Extraction]");
}

static void
test_decomposed_text (void)
{
  g_autoptr(PnGlossary) glossary = french_glossary ();
  /* « grève » with a combining grave accent: the bytes matched are the text's. */
  const char *text = "la gre\xcc\x80ve des utilisateurices.";

  assert_finds (glossary, text, "greve=[gre\xcc\x80ve des utilisateurices]");
}

static void
test_one_automaton (void)
{
  g_autoptr(PnGlossary) glossary = french_glossary ();
  PnGlossaryMatcher *matcher = pn_glossary_get_matcher (glossary);

  /* Built once, kept by the glossary; rebuilt when entries are added. */
  g_assert_true (pn_glossary_get_matcher (glossary) == matcher);
  g_assert_cmpuint (pn_glossary_matcher_get_n_forms (matcher), ==, 19);
  add (glossary, "plus-value", "plus-value", "plus-values", FALSE);
  assert_finds (glossary, "la plus-value", "plus-value=[plus-value]");
  g_assert_cmpuint (pn_glossary_matcher_get_n_forms (pn_glossary_get_matcher (glossary)), ==, 21);
}

static void
test_empty (void)
{
  g_autoptr(PnGlossary) empty = pn_glossary_new (NULL);
  g_autoptr(PnGlossary) glossary = french_glossary ();

  assert_finds (empty, "la rente", "");
  assert_finds (glossary, "", "");
  assert_finds (glossary, "   ", "");
}

/* Suffixes of each other and shared prefixes: every failure link is used. */
static void
test_overlapping_forms (void)
{
  g_autoptr(PnGlossary) glossary = pn_glossary_new (NULL);

  add (glossary, "a", "mode de production", NULL, FALSE);
  add (glossary, "b", "production", NULL, FALSE);
  add (glossary, "c", "mode de reproduction", NULL, FALSE);
  add (glossary, "d", "de production capitaliste", NULL, FALSE);
  assert_finds (glossary, "le mode de reproduction et le mode de production capitaliste",
                "c=[mode de reproduction] a=[mode de production]");
  assert_finds (glossary, "le mode du mode de production", "a=[mode de production]");
  assert_finds (glossary, "la de production capitaliste", "d=[de production capitaliste]");
}

/* Long texts are searched in two halves at once: nothing is lost or found
 * twice where they meet, whatever the length. */
static void
test_long_text (void)
{
  g_autoptr(PnGlossary) glossary = french_glossary ();

  for (guint n = 200; n < 260; n += 7)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) matches = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (text, i % 3 == 0 ? "la subsomption totale, l’extraction ; " : "une rente des GAFAM. ");
      matches = pn_glossary_matcher_find (pn_glossary_get_matcher (glossary), text->str, text->len);
      g_assert_cmpuint (text->len, >, 4096);
      g_assert_cmpuint (matches->len, ==, 2 * n);
      for (guint i = 1; i < matches->len; i++)
        g_assert_cmpuint (g_array_index (matches, PnGlossaryMatch, i - 1).end, <=,
                          g_array_index (matches, PnGlossaryMatch, i).start);
    }

  /* Forms inside each other over the seams: « a a a » from the left, the
   * words left at the end as « a a » or « a ». */
  {
    g_autoptr(PnGlossary) nested = pn_glossary_new (NULL);

    add (nested, "un", "a", NULL, FALSE);
    add (nested, "deux", "a a", NULL, FALSE);
    add (nested, "trois", "a a a", NULL, FALSE);
    for (guint n = 3000; n < 3006; n++)
      {
        g_autoptr(GString) text = g_string_new (NULL);
        g_autoptr(GArray) matches = NULL;

        for (guint i = 0; i < n; i++)
          g_string_append (text, i > 0 ? " a" : "a");
        matches = pn_glossary_matcher_find (pn_glossary_get_matcher (nested), text->str, text->len);
        g_assert_cmpuint (matches->len, ==, (n + 2) / 3);
        for (guint i = 0; i < matches->len; i++)
          {
            const PnGlossaryMatch *match = &g_array_index (matches, PnGlossaryMatch, i);

            g_assert_cmpuint (match->start, ==, 6 * i);
            g_assert_cmpstr (match->entry->id, ==, i + 1 < matches->len || n % 3 == 0 ? "trois"
                                                   : n % 3 == 2 ? "deux" : "un");
          }
      }
  }
}

/* A glossary too large for every state to have a full table: the deep
 * states keep sorted edges, and capitals are still read as small letters. */
static void
test_large_glossary (void)
{
  g_autoptr(PnGlossary) glossary = pn_glossary_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *term = g_strdup_printf ("terme%05u de la liste numéro %05u", i, (i * 7919) % 100000);

      add (glossary, id, term, NULL, FALSE);
    }
  text = g_strdup_printf ("Le TERME%05u de la liste numéro %05u, le terme%05u de la liste numéro %05u, "
                          "le terme%05u de la liste numéro %05u.",
                          17, (17 * 7919) % 100000, 9999, (9999 * 7919) % 100000, 18, 1);
  expected = g_strdup_printf ("e17=[TERME00017 de la liste numéro %05u] e9999=[terme09999 de la liste numéro %05u]",
                              (17 * 7919) % 100000, (9999 * 7919) % 100000);
  assert_finds (glossary, text, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/glossary-matcher/normalize", test_normalize);
  g_test_add_func ("/glossary-matcher/whole-words", test_whole_words);
  g_test_add_func ("/glossary-matcher/elisions", test_elisions);
  g_test_add_func ("/glossary-matcher/inclusive-forms", test_inclusive_forms);
  g_test_add_func ("/glossary-matcher/longest-first", test_longest_first);
  g_test_add_func ("/glossary-matcher/case", test_case);
  g_test_add_func ("/glossary-matcher/decomposed-text", test_decomposed_text);
  g_test_add_func ("/glossary-matcher/one-automaton", test_one_automaton);
  g_test_add_func ("/glossary-matcher/empty", test_empty);
  g_test_add_func ("/glossary-matcher/overlapping-forms", test_overlapping_forms);
  g_test_add_func ("/glossary-matcher/long-text", test_long_text);
  g_test_add_func ("/glossary-matcher/large-glossary", test_large_glossary);

  return g_test_run ();
}
