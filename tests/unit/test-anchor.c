/* test-anchor.c: selectors made from a range, and found again in the same
 * text and in edited ones (insertions, deletions, an edit inside the quote,
 * repeated quotes, a passage taken out, a paragraph moved), in code points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-anchor.h"
#include "pn-test-util.h"

static const char essay[] =
  "Le travail en prison n’est pas un travail comme un autre. Les détenus y "
  "trient des données, annotent des images et corrigent des traductions "
  "automatiques pour des entreprises qui ne disent pas leur nom.\n\n"
  "La prison numérique prolonge ainsi une longue histoire : celle de "
  "l’atelier pénitentiaire, où l’on apprenait la discipline plus qu’un "
  "métier. Le salaire y reste une fraction du minimum légal.\n\n"
  "Certains y voient une chance de réinsertion ; d’autres, une extraction "
  "de valeur sans contrepartie. Les deux lectures s’appuient sur les mêmes "
  "chiffres, que personne ne publie en entier.\n\n"
  "Reste la question du consentement : peut-on consentir librement quand "
  "le refus coûte une remise de peine ? Le droit répond oui ; les détenus, "
  "souvent, non.\n";

/* @text with its first @old replaced by @new. */
static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* The code points [start, end) of @text. */
static char *
slice (const char *text,
       gint64      start,
       gint64      end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (text, end);

  return g_strndup (from, to - from);
}

/* The selectors of @quote's first occurrence in @text. */
static void
selectors_of (const char      *text,
              const char      *quote,
              PnTextSelectors *selectors)
{
  PnAnchorText *anchor = pn_anchor_text_new (text, -1);
  gint64 start = pn_test_offset_of (text, quote);

  pn_anchor_text_make_selectors (anchor, start, start + g_utf8_strlen (quote, -1), selectors);
  pn_anchor_text_free (anchor);
}

/* Finds @selectors in @text; the text found, or NULL when detached. */
static char *
locate_in (const char            *text,
           const PnTextSelectors *selectors,
           PnAnchorResult        *result)
{
  PnAnchorText *anchor = pn_anchor_text_new (text, -1);
  char *found = NULL;

  pn_anchor_text_locate (anchor, selectors, result);
  g_assert_cmpfloat (result->score, >=, 0.0);
  g_assert_cmpfloat (result->score, <=, 1.0);
  if (result->method == PN_ANCHOR_DETACHED)
    {
      g_assert_cmpint (result->start, ==, -1);
      g_assert_cmpint (result->end, ==, -1);
    }
  else
    {
      g_assert_cmpint (result->start, >=, 0);
      g_assert_cmpint (result->end, >, result->start);
      g_assert_cmpint (result->end, <=, pn_anchor_text_get_length (anchor));
      found = slice (pn_anchor_text_get_text (anchor), result->start, result->end);
    }
  pn_anchor_text_free (anchor);

  return found;
}

static void
test_selectors (void)
{
  PnAnchorText *anchor = pn_anchor_text_new (essay, -1);
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  const char *quote = "l’atelier pénitentiaire";
  gint64 start = pn_test_offset_of (essay, quote);
  gint64 end = start + g_utf8_strlen (quote, -1);
  g_autofree char *prefix = slice (essay, start - 32, start);
  g_autofree char *suffix = slice (essay, end, end + 32);

  g_assert_cmpstr (pn_anchor_text_get_text (anchor), ==, essay);
  g_assert_cmpint (pn_anchor_text_get_length (anchor), ==, g_utf8_strlen (essay, -1));

  pn_anchor_text_make_selectors (anchor, start, end, &selectors);
  g_assert_cmpstr (selectors.exact, ==, quote);
  g_assert_cmpstr (selectors.prefix, ==, prefix);
  g_assert_cmpstr (selectors.suffix, ==, suffix);
  g_assert_cmpint (g_utf8_strlen (selectors.prefix, -1), ==, 32);
  g_assert_cmpint (selectors.start, ==, start);
  g_assert_cmpint (selectors.end, ==, end);

  /* And back, in the same text: at its position. */
  pn_anchor_text_locate (anchor, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_POSITION);
  g_assert_cmpint (result.start, ==, start);
  g_assert_cmpint (result.end, ==, end);
  g_assert_cmpfloat (result.score, ==, 1.0);

  /* Clamped to the text: the start has no prefix, the end no suffix. */
  pn_anchor_text_make_selectors (anchor, -10, 2, &selectors);
  g_assert_cmpstr (selectors.exact, ==, "Le");
  g_assert_cmpstr (selectors.prefix, ==, "");
  g_assert_cmpint (selectors.start, ==, 0);
  pn_anchor_text_make_selectors (anchor, pn_anchor_text_get_length (anchor) - 4, G_MAXINT64, &selectors);
  g_assert_cmpstr (selectors.exact, ==, "on.\n");
  g_assert_cmpstr (selectors.suffix, ==, "");
  g_assert_cmpint (selectors.end, ==, pn_anchor_text_get_length (anchor));
  /* An end before the start: an empty range at the start. */
  pn_anchor_text_make_selectors (anchor, 10, 5, &selectors);
  g_assert_cmpstr (selectors.exact, ==, "");
  g_assert_cmpint (selectors.start, ==, 10);
  g_assert_cmpint (selectors.end, ==, 10);

  pn_text_selectors_clear (&selectors);
  pn_anchor_text_free (anchor);
}

static void
test_hash (void)
{
  PnAnchorText *abc = pn_anchor_text_new ("abcdef", 3);
  PnAnchorText *empty = pn_anchor_text_new ("", -1);

  /* FIPS 180-2's first example, and the hash of nothing. */
  g_assert_cmpstr (pn_anchor_text_get_hash (abc), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (pn_anchor_text_get_text (abc), ==, "abc");
  g_assert_cmpstr (pn_anchor_text_get_hash (empty), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  pn_anchor_text_free (abc);
  pn_anchor_text_free (empty);
}

static void
test_insertion_before (void)
{
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  const char *quote = "une extraction de valeur";
  g_autofree char *edited = replace_once (essay, "Le travail", "Avant-propos. Le travail");
  g_autofree char *found = NULL;
  g_autoptr(GString) far = g_string_new (NULL);
  g_autofree char *far_found = NULL;

  selectors_of (essay, quote, &selectors);
  found = locate_in (edited, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpstr (found, ==, quote);
  g_assert_cmpint (result.start, ==, selectors.start + g_utf8_strlen ("Avant-propos. ", -1));
  g_assert_cmpfloat (result.score, ==, 1.0);

  /* Far beyond the window around the old position: 20,000 code points. */
  for (int i = 0; i < 500; i++)
    g_string_append (far, "Une préface bien longue, ");
  g_string_append (far, essay);
  far_found = locate_in (far->str, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpstr (far_found, ==, quote);
  g_assert_cmpint (result.start, ==, selectors.start + 500 * 25);

  pn_text_selectors_clear (&selectors);
}

static void
test_deletion (void)
{
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  const char *quote = "peut-on consentir librement";
  g_autofree char *edited = replace_once (essay, " Le salaire y reste une fraction du minimum légal.", "");
  g_autofree char *in_context = replace_once (essay, "la question du consentement : ", "la question : ");
  g_autofree char *found = NULL;
  g_autofree char *found_context = NULL;

  selectors_of (essay, quote, &selectors);
  found = locate_in (edited, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpstr (found, ==, quote);
  g_assert_cmpint (result.start, ==, pn_test_offset_of (edited, quote));

  /* A deletion in the prefix itself: still found, the context less alike. */
  found_context = locate_in (in_context, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpstr (found_context, ==, quote);
  g_assert_cmpfloat (result.score, <, 1.0);
  g_assert_cmpfloat (result.score, >, 0.8);

  pn_text_selectors_clear (&selectors);
}

static void
test_edit_inside (void)
{
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  const char *quote = "où l’on apprenait la discipline plus qu’un métier";
  g_autofree char *edited = replace_once (essay, "apprenait la discipline", "apprenait surtout l’obéissance");
  g_autofree char *one_letter = NULL;
  g_autofree char *shifted = NULL;
  g_autofree char *found = NULL;
  g_autofree char *found_shifted = NULL;

  selectors_of (essay, quote, &selectors);
  found = locate_in (edited, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (found, ==, "où l’on apprenait surtout l’obéissance plus qu’un métier");
  g_assert_cmpfloat (result.score, <, 1.0);
  g_assert_cmpfloat (result.score, >, 0.65);

  /* One letter changed, and the paragraph shifted by an insertion before. */
  one_letter = replace_once (essay, "un métier", "une métier");
  shifted = g_strconcat ("Note de l’éditeur.\n\n", one_letter, NULL);
  found_shifted = locate_in (shifted, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (found_shifted, ==, "où l’on apprenait la discipline plus qu’une métier");
  g_assert_cmpfloat (result.score, >, 0.95);

  pn_text_selectors_clear (&selectors);
}

static void
test_repeated (void)
{
  const char *text =
    "Au début, la peine est une affaire de corps. Plus loin dans le livre, la "
    "peine est une affaire de données, et les serveurs remplacent les murs.";
  PnAnchorText *anchor = pn_anchor_text_new (text, -1);
  PnTextSelectors first = { 0 }, second = { 0 };
  PnAnchorResult result;
  const char *quote = "la peine est une affaire";
  gint64 second_start = g_utf8_pointer_to_offset (text, strstr (strstr (text, quote) + 1, quote));
  gint64 n = g_utf8_strlen (quote, -1);
  g_autofree char *edited = NULL;
  g_autofree char *found = NULL;

  pn_anchor_text_make_selectors (anchor, pn_test_offset_of (text, quote), pn_test_offset_of (text, quote) + n,
                                 &first);
  pn_anchor_text_make_selectors (anchor, second_start, second_start + n, &second);
  pn_anchor_text_free (anchor);

  /* The sentence between them taken out and a clause added at the start: the
   * second's old position is now nearer the first occurrence, yet its
   * context finds it. */
  edited = g_strdup ("Au début de ce très long essai qui traite de bien des choses, la peine "
                     "est une affaire de corps. Plus loin dans le livre, la peine est une "
                     "affaire de données.");
  g_assert_cmpint (ABS (pn_test_offset_of (edited, quote) - second_start), <,
                   ABS (pn_test_offset_of (edited, "la peine est une affaire de données") - second_start));
  g_free (locate_in (edited, &second, &result));
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpint (result.start, ==, g_utf8_pointer_to_offset (edited, strstr (edited, "la peine est une affaire de données")));
  /* The positive control: the first one lands on the first. */
  found = locate_in (edited, &first, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpint (result.start, ==, pn_test_offset_of (edited, quote));
  g_assert_cmpstr (found, ==, quote);

  pn_text_selectors_clear (&first);
  pn_text_selectors_clear (&second);
}

static void
test_removed (void)
{
  PnTextSelectors gone = { 0 }, kept = { 0 };
  PnAnchorResult result;
  g_autofree char *edited = replace_once (essay,
    "Certains y voient une chance de réinsertion ; d’autres, une extraction "
    "de valeur sans contrepartie. Les deux lectures s’appuient sur les mêmes "
    "chiffres, que personne ne publie en entier.\n\n", "");
  g_autofree char *found = NULL;

  selectors_of (essay, "une chance de réinsertion", &gone);
  selectors_of (essay, "la question du consentement", &kept);

  g_assert_null (locate_in (edited, &gone, &result));
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);
  g_assert_cmpfloat (result.score, <, 0.65);
  /* The positive control: a passage after it follows. */
  found = locate_in (edited, &kept, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpstr (found, ==, "la question du consentement");

  pn_text_selectors_clear (&gone);
  pn_text_selectors_clear (&kept);
}

/* The floor: a quote much rewritten keeps its place when its context is
 * still around it, and is detached when that is gone too. */
static void
test_floor (void)
{
  const char *text =
    "Au début du chapitre, on lit ceci : le registre des heures reste fermé "
    "aux détenus eux-mêmes, selon le rapport de la commission.";
  const char *in_context =
    "Au début du chapitre, on lit ceci : le relevé des heures reste fermé "
    "aux détenus eux-mêmes, selon le rapport de la commission.";
  const char *elsewhere =
    "Une tout autre page, sans rapport : le relevé des heures, voilà ce que "
    "personne ne consulte jamais plus.";
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  g_autofree char *found = NULL;

  selectors_of (text, "registre des heures", &selectors);

  found = locate_in (in_context, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (found, ==, "relevé des heures");
  g_assert_cmpfloat (result.score, >=, 0.65);

  /* The same words, in a context unlike the old one. */
  g_assert_null (locate_in (elsewhere, &selectors, &result));
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);
  g_assert_cmpfloat (result.score, <, 0.65);
  g_assert_cmpfloat (result.score, >, 0.0);

  pn_text_selectors_clear (&selectors);
}

static void
test_moved_paragraph (void)
{
  const char *second =
    "La prison numérique prolonge ainsi une longue histoire : celle de "
    "l’atelier pénitentiaire, où l’on apprenait la discipline plus qu’un "
    "métier. Le salaire y reste une fraction du minimum légal.";
  g_autofree char *without = replace_once (essay, second, "");
  g_autofree char *moved = g_strconcat (without, "\n", second, "\n", NULL);
  PnTextSelectors inside = { 0 }, whole = { 0 };
  PnAnchorResult result;
  g_autofree char *found = NULL;
  g_autofree char *found_whole = NULL;

  selectors_of (essay, "une longue histoire", &inside);
  selectors_of (essay, second, &whole);

  found = locate_in (moved, &inside, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpint (result.start, ==, pn_test_offset_of (moved, "une longue histoire"));
  g_assert_cmpstr (found, ==, "une longue histoire");

  /* The whole paragraph, whose neighbours are all new. */
  found_whole = locate_in (moved, &whole, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpstr (found_whole, ==, second);
  g_assert_cmpint (result.start, ==, pn_test_offset_of (moved, second));

  pn_text_selectors_clear (&inside);
  pn_text_selectors_clear (&whole);
}

/* Sentences of words drawn at random (seeded): a long text that does not
 * repeat itself. */
static void
append_sentences (GString *text,
                  GRand   *rand,
                  guint    n)
{
  static const char * const words[] = {
    "le", "travail", "des", "détenus", "annote", "trie", "corrige", "les", "images",
    "données", "prison", "numérique", "salaire", "atelier", "plateforme", "tâche",
    "contrat", "droit", "peine", "remise", "entreprise", "serveur", "écran", "heure",
  };

  for (guint i = 0; i < n; i++)
    {
      guint n_words = g_rand_int_range (rand, 6, 14);

      for (guint w = 0; w < n_words; w++)
        g_string_append_printf (text, "%s%s", w > 0 ? " " : "",
                                words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (text, i % 7 == 6 ? ".\n\n" : ". ");
    }
}

static void
test_far (void)
{
  const char *paragraph =
    "Le greffe tient un registre où chaque heure de clic est notée, "
    "puis payée au tarif de la cantine, sans bulletin ni cotisation.";
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autoptr(GString) gone = g_string_new (NULL);
  g_autoptr(GString) head = g_string_new (NULL);
  g_autoptr(GString) middle = g_string_new (NULL);
  g_autoptr(GString) tail = g_string_new (NULL);
  g_autofree char *edited = replace_once (paragraph, "au tarif de la cantine", "au tarif de cantine");
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  g_autofree char *found = NULL;

  /* Far from each other in a text of more than 65,536 code points: found
   * through the index of its pieces, not by reading it all. */
  append_sentences (head, rand, 200);
  append_sentences (middle, rand, 1600);
  append_sentences (tail, rand, 200);
  g_string_append_printf (before, "%s%s\n\n%s%s", head->str, paragraph, middle->str, tail->str);
  g_assert_cmpint (g_utf8_strlen (before->str, -1), >, 100000);
  selectors_of (before->str, "chaque heure de clic est notée, puis payée au tarif de la cantine", &selectors);

  /* The paragraph moved to the end of the text, and edited. */
  g_string_append_printf (after, "%s%s%s\n\n%s", head->str, middle->str, edited, tail->str);
  found = locate_in (after->str, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (found, ==, "chaque heure de clic est notée, puis payée au tarif de cantine");
  g_assert_cmpint (result.start, ==, pn_test_offset_of (after->str, "chaque heure de clic"));

  /* Taken out: detached. */
  g_string_append_printf (gone, "%s%s%s", head->str, middle->str, tail->str);
  g_assert_null (locate_in (gone->str, &selectors, &result));
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);

  pn_text_selectors_clear (&selectors);
}

static void
test_far_repeated (void)
{
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new ("Avant-propos très long. ");
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  g_autofree char *found = NULL;
  const char *quote = "l’atelier pénitentiaire, où l’on apprenait la discipline";

  /* The essay 80 times: each piece of the quote is found 80 times, too
   * often to say where it is; the whole text is searched then. */
  for (int i = 0; i < 80; i++)
    g_string_append (before, essay);
  selectors_of (before->str, quote, &selectors);
  for (int i = 0; i < 30000; i++)
    g_string_append_c (after, 'x');
  for (int i = 0; i < 80; i++)
    {
      g_autofree char *copy = replace_once (essay, "la discipline", "une discipline");

      g_string_append (after, copy);
    }
  found = locate_in (after->str, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (found, ==, "l’atelier pénitentiaire, où l’on apprenait une discipline");

  pn_text_selectors_clear (&selectors);
}

typedef struct {
  PnAnchorText *text;
  const PnTextSelectors *selectors;
  PnAnchorResult result;
} Job;

static gpointer
locate_job (gpointer data)
{
  Job *job = data;

  pn_anchor_text_locate (job->text, job->selectors, &job->result);
  return NULL;
}

/* One text, shared by threads that make its index at once. */
static void
test_threads (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  PnTextSelectors selectors = { 0 };
  PnAnchorText *text;
  Job jobs[4];
  GThread *threads[4];

  append_sentences (before, rand, 300);
  g_string_append (before, "Le greffe tient un registre où chaque heure de clic est notée. ");
  append_sentences (before, rand, 2000);
  selectors_of (before->str, "un registre où chaque heure de clic est notée", &selectors);
  /* 20,000 code points taken out before it: far beyond the window. */
  g_string_append (after, g_utf8_offset_to_pointer (before->str, 20000));
  g_string_append (after, "Fin.");
  text = pn_anchor_text_new (after->str, -1);

  for (int i = 0; i < 4; i++)
    {
      jobs[i] = (Job) { text, &selectors, { 0 } };
      threads[i] = g_thread_new ("anchor", locate_job, &jobs[i]);
    }
  for (int i = 0; i < 4; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpint (jobs[i].result.method, ==, PN_ANCHOR_EXACT);
      g_assert_cmpint (jobs[i].result.start, ==, selectors.start - 20000);
    }

  pn_anchor_text_free (text);
  pn_text_selectors_clear (&selectors);
}

static void
test_code_points (void)
{
  /* é and ’ take 2 and 3 bytes, 😀 and 𝄞 4 (outside the BMP: two UTF-16
   * units in the page, one code point here). */
  const char *text = "Café ’😀’ puis 𝄞 la clé des champs, et le thé 😀 encore.";
  PnAnchorText *anchor = pn_anchor_text_new (text, -1);
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;
  g_autofree char *found = NULL;
  g_autofree char *edited = NULL;

  g_assert_cmpint (pn_anchor_text_get_length (anchor), ==, g_utf8_strlen (text, -1));
  /* "𝄞 la clé" starts at code point 14. */
  pn_anchor_text_make_selectors (anchor, 14, 22, &selectors);
  g_assert_cmpstr (selectors.exact, ==, "𝄞 la clé");
  g_assert_cmpstr (selectors.prefix, ==, "Café ’😀’ puis ");
  g_assert_cmpint (selectors.start, ==, 14);
  pn_anchor_text_locate (anchor, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_POSITION);
  g_assert_cmpint (result.start, ==, 14);
  g_assert_cmpint (result.end, ==, 22);
  pn_anchor_text_free (anchor);

  /* One non-BMP character replaced by another inside the quote, one more
   * before: one error, counted in code points. */
  edited = g_strdup ("Café ’😀😀’ puis 🎵 la clé des champs, et le thé 😀 encore.");
  found = locate_in (edited, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (found, ==, "🎵 la clé");
  g_assert_cmpint (result.start, ==, 15);
  g_assert_cmpint (result.end, ==, 23);

  pn_text_selectors_clear (&selectors);
}

static void
test_empty (void)
{
  PnAnchorText *anchor = pn_anchor_text_new (NULL, 0);
  PnAnchorText *some = pn_anchor_text_new ("Un texte court.", -1);
  PnTextSelectors selectors = { 0 };
  PnTextSelectors longer = { g_strdup ("Un texte court, et plus long que lui."), NULL, NULL, 0, 37 };
  PnAnchorResult result;

  g_assert_cmpstr (pn_anchor_text_get_text (anchor), ==, "");
  g_assert_cmpint (pn_anchor_text_get_length (anchor), ==, 0);
  pn_anchor_text_make_selectors (anchor, 0, 10, &selectors);
  g_assert_cmpstr (selectors.exact, ==, "");
  g_assert_cmpint (selectors.end, ==, 0);

  /* An empty quote has no place. */
  pn_anchor_text_locate (anchor, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);
  pn_anchor_text_locate (some, &selectors, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);

  /* A quote longer than the text. */
  pn_anchor_text_locate (anchor, &longer, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);
  pn_anchor_text_locate (some, &longer, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_DETACHED);
  g_assert_cmpint (result.start, ==, -1);
  /* The positive control: its start is in the text. */
  g_free (longer.exact);
  longer.exact = g_strdup ("Un texte court");
  pn_anchor_text_locate (some, &longer, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_POSITION);

  pn_text_selectors_clear (&selectors);
  pn_text_selectors_clear (&longer);
  pn_anchor_text_free (anchor);
  pn_anchor_text_free (some);
}

static void
test_quote_only (void)
{
  /* A quiz passage: the quote alone, no position, no context. */
  PnTextSelectors bare = { g_strdup ("la discipline plus qu’un métier"), NULL, NULL, 0, 0 };
  PnAnchorResult result;
  g_autofree char *edited = replace_once (essay, "la discipline plus qu’un métier", "à se taire, non à travailler");
  g_autofree char *small = replace_once (essay, "plus qu’un", "plutôt qu’un");
  g_autofree char *found = NULL;
  g_autofree char *found_small = NULL;

  found = locate_in (essay, &bare, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_EXACT);
  g_assert_cmpstr (found, ==, bare.exact);
  g_assert_cmpfloat (result.score, ==, 1.0);

  found_small = locate_in (small, &bare, &result);
  g_assert_cmpint (result.method, ==, PN_ANCHOR_APPROXIMATE);
  g_assert_cmpstr (found_small, ==, "la discipline plutôt qu’un métier");

  /* Half of it rewritten, and nothing else to go by. */
  g_assert_null (locate_in (edited, &bare, &result));

  pn_text_selectors_clear (&bare);
}

static void
test_annotation (void)
{
  PnAnchorText *anchor = pn_anchor_text_new (essay, -1);
  g_autofree char *edited = g_strconcat ("Préface.\n", essay, NULL);
  g_autofree char *gutted = replace_once (essay, "Le droit répond oui ; les détenus, souvent, non.", "Fin.");
  PnAnchorText *changed = pn_anchor_text_new (edited, -1);
  PnAnchorText *cut = pn_anchor_text_new (gutted, -1);
  g_autoptr(PnAnnotation) a = pn_annotation_new ("pack", "doc", PN_ANNOTATION_HIGHLIGHT);
  g_autoptr(PnAnnotation) note = pn_annotation_new ("pack", "doc", PN_ANNOTATION_DOCUMENT_NOTE);
  PnAnchorResult result;
  gint64 start = pn_test_offset_of (essay, "les détenus, souvent");

  pn_anchor_text_make_selectors (anchor, start, start + 20, &a->selectors);
  g_assert_cmpint (pn_anchor_annotation (anchor, a, &result), ==, PN_ANCHOR_POSITION);
  g_assert_cmpstr (a->content_hash, ==, pn_anchor_text_get_hash (anchor));
  g_assert_false (a->detached);

  g_assert_cmpint (pn_anchor_annotation (changed, a, NULL), ==, PN_ANCHOR_EXACT);
  g_assert_cmpint (a->selectors.start, ==, start + 9);
  g_assert_cmpint (a->selectors.end, ==, start + 29);
  g_assert_cmpstr (a->selectors.exact, ==, "les détenus, souvent");
  g_assert_cmpstr (a->content_hash, ==, pn_anchor_text_get_hash (changed));
  g_assert_cmpstr (a->content_hash, !=, pn_anchor_text_get_hash (anchor));

  /* Detached: only the flag changes; the quote and the last place stay. */
  g_assert_cmpint (pn_anchor_annotation (cut, a, &result), ==, PN_ANCHOR_DETACHED);
  g_assert_true (a->detached);
  g_assert_cmpint (a->selectors.start, ==, start + 9);
  g_assert_cmpstr (a->content_hash, ==, pn_anchor_text_get_hash (changed));
  g_assert_cmpstr (a->selectors.exact, ==, "les détenus, souvent");

  /* Found again (the text as it was): attached again. */
  g_assert_cmpint (pn_anchor_annotation (anchor, a, &result), ==, PN_ANCHOR_EXACT);
  g_assert_false (a->detached);
  g_assert_cmpint (a->selectors.start, ==, start);

  /* A document note has nothing to find and is left as it is. */
  g_assert_cmpint (pn_anchor_annotation (anchor, note, &result), ==, PN_ANCHOR_POSITION);
  g_assert_false (note->detached);
  g_assert_null (note->content_hash);

  pn_anchor_text_free (anchor);
  pn_anchor_text_free (changed);
  pn_anchor_text_free (cut);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anchor/selectors", test_selectors);
  g_test_add_func ("/anchor/hash", test_hash);
  g_test_add_func ("/anchor/insertion-before", test_insertion_before);
  g_test_add_func ("/anchor/deletion", test_deletion);
  g_test_add_func ("/anchor/edit-inside", test_edit_inside);
  g_test_add_func ("/anchor/repeated", test_repeated);
  g_test_add_func ("/anchor/removed", test_removed);
  g_test_add_func ("/anchor/floor", test_floor);
  g_test_add_func ("/anchor/moved-paragraph", test_moved_paragraph);
  g_test_add_func ("/anchor/far", test_far);
  g_test_add_func ("/anchor/far-repeated", test_far_repeated);
  g_test_add_func ("/anchor/threads", test_threads);
  g_test_add_func ("/anchor/code-points", test_code_points);
  g_test_add_func ("/anchor/empty", test_empty);
  g_test_add_func ("/anchor/quote-only", test_quote_only);
  g_test_add_func ("/anchor/annotation", test_annotation);

  return g_test_run ();
}
