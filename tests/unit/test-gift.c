/* test-gift.c: Moodle's GIFT format, read and written
 *
 * The example files under tests/data/gift/ exercise each construct of
 * Moodle's GIFT documentation, in French.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-gift-parse.h"
#include "pn-gift-text.h"
#include "pn-gift-write.h"
#include "pn-quiz-grade.h"
#include "pn-quiz-write.h"
#include "pn-test-util.h"

static PnQuiz *
parse_text (const char *text,
            GPtrArray  *diagnostics)
{
  return pn_gift_parse (text, strlen (text), "test.gift", "test", NULL, diagnostics);
}

static PnQuiz *
parse_example (const char *name,
               GPtrArray  *diagnostics)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "gift", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return pn_gift_parse (data, length, name, NULL, NULL, diagnostics);
}

static const PnQuizAnswer *
answer_at (const PnQuizQuestion *question,
           guint                 i)
{
  g_assert_cmpuint (i, <, question->answers->len);
  return g_ptr_array_index (question->answers, i);
}

static const PnQuizQuestion *
question_at (PnQuiz *quiz,
             guint   i)
{
  GPtrArray *questions = pn_quiz_get_questions (quiz);

  g_assert_cmpuint (i, <, questions->len);
  return g_ptr_array_index (questions, i);
}

static void
test_choices (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_example ("choix.gift", diagnostics);
  const PnQuizQuestion *q;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (pn_quiz_get_id (quiz), ==, "choix");
  /* The last level of $CATEGORY names the quiz. */
  g_assert_cmpstr (pn_quiz_get_title (quiz), ==, "Choix");
  g_assert_cmpuint (pn_quiz_get_questions (quiz)->len, ==, 5);

  /* Title, [id:] and [tag:] comments, = and ~, feedback, general feedback. */
  q = question_at (quiz, 0);
  g_assert_cmpstr (q->id, ==, "these-morozov");
  g_assert_cmpstr (q->title, ==, "La thèse de Morozov");
  g_assert_cmpint (q->type, ==, PN_QUESTION_SINGLE);
  g_assert_cmpint (q->line, ==, 5);
  g_assert_cmpstr (q->tags[0], ==, "morozov");
  g_assert_cmpstr (q->tags[1], ==, "chapitre-1");
  g_assert_cmpuint (q->answers->len, ==, 3);
  g_assert_cmpfloat (answer_at (q, 0)->weight, ==, 100);
  g_assert_cmpstr (answer_at (q, 0)->feedback, ==, "Oui : c'est son angle mort.");
  g_assert_cmpfloat (answer_at (q, 1)->weight, ==, 0);
  g_assert_cmpstr (q->explanation, ==, "L'essai reproche à la thèse d'oublier d'où vient l'argent.");

  /* Weights, negative ones too: no = makes it a multiple choice. */
  q = question_at (quiz, 1);
  g_assert_cmpint (q->type, ==, PN_QUESTION_MULTIPLE);
  g_assert_cmpfloat (answer_at (q, 0)->weight, ==, 50);
  g_assert_cmpfloat (answer_at (q, 2)->weight, ==, -100);
  g_assert_cmpstr (answer_at (q, 2)->text, ==, "Les données brutes, fichier par fichier");

  /* Escapes: \{ \: \= \# \~ \\ are text, never syntax. */
  q = question_at (quiz, 2);
  g_assert_cmpstr (q->text, ==, "Lequel de ces signes s'écrit { dans un fichier GIFT : ?");
  g_assert_cmpuint (q->answers->len, ==, 4);
  g_assert_cmpstr (answer_at (q, 0)->text, ==, "L'accolade {");
  g_assert_cmpstr (answer_at (q, 1)->text, ==, "Le signe = égal");
  g_assert_cmpstr (answer_at (q, 2)->text, ==, "Le dièse #");
  /* A backslash, escaped for Markdown. */
  g_assert_cmpstr (answer_at (q, 3)->text, ==, "Le tilde ~ et la barre \\\\");

  /* [html], [plain] and [markdown] prefixes on the text, answers and feedback. */
  q = question_at (quiz, 3);
  g_assert_cmpstr (q->text, ==, "Le mot **subsomption** vient de quel auteur ?");
  g_assert_cmpstr (answer_at (q, 0)->text, ==, "*Cédric Durand*");
  g_assert_cmpstr (answer_at (q, 0)->feedback, ==, "Oui, dans *Technoféodalisme*.");
  g_assert_cmpstr (answer_at (q, 1)->text, ==, "Frédéric \\*Lordon\\*");
  g_assert_cmpstr (answer_at (q, 2)->text, ==, "Evgeny **Morozov**");

  /* <pre> as a code block. */
  q = question_at (quiz, 4);
  g_assert_nonnull (strstr (q->text, "```\nrequete = extraire(usager)\n```"));
}

static void
test_true_false (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_example ("vrai-faux.gift", diagnostics);
  const PnQuizQuestion *q;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (pn_quiz_get_questions (quiz)->len, ==, 4);
  g_assert_true (question_at (quiz, 0)->truth);
  g_assert_true (question_at (quiz, 1)->truth);
  g_assert_false (question_at (quiz, 2)->truth);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (question_at (quiz, i)->type, ==, PN_QUESTION_TRUE_FALSE);

  /* {TRUE#if wrong#if right}: answering false is wrong. */
  q = question_at (quiz, 1);
  g_assert_cmpstr (q->feedback_false, ==, "Non, relisez le passage sur le fédivers.");
  g_assert_cmpstr (q->feedback_true, ==, "Oui, aucun serveur ne domine.");
  /* {FALSE#…#…####general} */
  q = question_at (quiz, 3);
  g_assert_false (q->truth);
  g_assert_cmpstr (q->feedback_true, ==, "Non : il les distingue.");
  g_assert_cmpstr (q->feedback_false, ==, "Exact, il les sépare.");
  g_assert_cmpstr (q->explanation, ==, "Le texte oppose les deux rôles.");
}

static void
test_short (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_example ("reponse-courte.gift", diagnostics);
  const PnQuizQuestion *q;
  g_autoptr(PnQuizResponse) other = pn_quiz_response_new ();
  g_autoptr(PnQuizGrade) grade = NULL;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  q = question_at (quiz, 0);
  g_assert_cmpint (q->type, ==, PN_QUESTION_SHORT);
  g_assert_cmpuint (q->answers->len, ==, 2);
  g_assert_cmpstr (answer_at (q, 1)->text, ==, "Durand");

  /* =%50% and the =%0%* catch-all, which has the feedback for anything else. */
  q = question_at (quiz, 1);
  g_assert_cmpuint (q->answers->len, ==, 3);
  g_assert_cmpfloat (answer_at (q, 1)->weight, ==, 50);
  g_assert_cmpstr (answer_at (q, 2)->text, ==, "*");
  g_assert_cmpfloat (answer_at (q, 2)->weight, ==, 0);
  other->text = g_strdup ("des jetons");
  grade = pn_quiz_grade (q, other);
  g_assert_cmpfloat (grade->score, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (grade->feedback, 0), ==, "Non : cherchez le mot anglais du texte.");
}

static void
test_numerical (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_example ("numerique.gift", diagnostics);
  const PnQuizQuestion *q;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  /* #3:0.5 */
  q = question_at (quiz, 0);
  g_assert_cmpint (q->type, ==, PN_QUESTION_NUMERICAL);
  g_assert_cmpfloat (answer_at (q, 0)->min, ==, 2.5);
  g_assert_cmpfloat (answer_at (q, 0)->max, ==, 3.5);
  /* #1..5 */
  q = question_at (quiz, 1);
  g_assert_true (answer_at (q, 0)->is_range);
  g_assert_cmpfloat (answer_at (q, 0)->min, ==, 1);
  g_assert_cmpfloat (answer_at (q, 0)->max, ==, 5);
  /* Several weighted answers and a ~ catch-all with its feedback. */
  q = question_at (quiz, 2);
  g_assert_cmpuint (q->answers->len, ==, 3);
  g_assert_cmpfloat (answer_at (q, 1)->weight, ==, 50);
  g_assert_cmpfloat (answer_at (q, 1)->min, ==, 2000);
  g_assert_true (answer_at (q, 2)->any);
  g_assert_cmpstr (answer_at (q, 2)->feedback, ==, "Non, c'est au début des années 2000.");
  /* Negative bounds. */
  q = question_at (quiz, 3);
  g_assert_cmpfloat (answer_at (q, 1)->min, ==, -1);
}

static void
test_matching (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_example ("appariement.gift", diagnostics);
  const PnQuizQuestion *q = question_at (quiz, 0);
  const PnQuizPair *pair;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpint (q->type, ==, PN_QUESTION_MATCHING);
  g_assert_cmpuint (q->pairs->len, ==, 4);
  pair = g_ptr_array_index (q->pairs, 2);
  g_assert_cmpstr (pair->item, ==, "*Durand*");
  g_assert_cmpstr (pair->match, ==, "la subsomption totale");
  /* "= -> x": a distractor. */
  pair = g_ptr_array_index (q->pairs, 3);
  g_assert_null (pair->item);
  g_assert_cmpstr (pair->match, ==, "la main invisible");
  g_assert_cmpstr (q->explanation, ==, "Trois auteurs, une idée chacun.");
  g_assert_cmpuint (question_at (quiz, 1)->pairs->len, ==, 3);
}

static void
test_missing_word (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_example ("mot-manquant.gift", diagnostics);
  const PnQuizQuestion *q = question_at (quiz, 0);
  const PnQuizGap *gap;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpint (q->type, ==, PN_QUESTION_CLOZE);
  g_assert_cmpstr (q->text, ==, "La publicité vend {{1}} aux annonceurs.");
  gap = g_ptr_array_index (q->gaps, 0);
  g_assert_cmpint (gap->kind, ==, PN_QUIZ_GAP_CHOICE);
  g_assert_cmpuint (gap->answers->len, ==, 3);

  q = question_at (quiz, 1);
  g_assert_cmpint (q->type, ==, PN_QUESTION_CLOZE);
  gap = g_ptr_array_index (q->gaps, 0);
  g_assert_cmpint (gap->kind, ==, PN_QUIZ_GAP_TEXT);
  g_assert_cmpuint (gap->answers->len, ==, 2);
  g_assert_cmpstr (((PnQuizAnswer *) g_ptr_array_index (gap->answers, 1))->feedback, ==, "Variante admise.");
}

static void
test_essay_and_description (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_example ("redaction.gift", diagnostics);
  const PnQuizQuestion *q;

  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (pn_quiz_get_title (quiz), ==, "Rédaction");
  q = question_at (quiz, 0);
  g_assert_cmpint (q->type, ==, PN_QUESTION_DESCRIPTION);
  g_assert_cmpstr (q->id, ==, "avant-propos");
  /* Comments over several lines each add their notes. */
  g_assert_cmpstr (q->tags[0], ==, "lecture");

  q = question_at (quiz, 1);
  g_assert_cmpint (q->type, ==, PN_QUESTION_OPEN);
  g_assert_cmpstr (q->hint, ==, "Pensez à ce que les usagers produisent.");
  g_assert_cmpstr (q->passage->document, ==, "essai");
  g_assert_cmpstr (q->passage->quote, ==, "la grève des usagers");

  q = question_at (quiz, 2);
  g_assert_cmpint (q->type, ==, PN_QUESTION_OPEN);
  g_assert_cmpstr (q->explanation, ==, "Un bon avis cite le texte.");
}

/* Each bad question at its line; the good ones around them are kept. */
static void
test_errors (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_example ("erreurs.gift", diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "erreurs.gift", 3, "unbalanced braces");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "erreurs.gift", 7, "'trois' is not a number");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "erreurs.gift", 9, "must read '=item -> answer'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "erreurs.gift", 11, "needs at least 2 answers");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "erreurs.gift", 13, "has no correct answer");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "erreurs.gift", 15, "holds one answer block");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "erreurs.gift", 17, "the item 'a' is listed twice");
  g_assert_cmpuint (diagnostics->len, ==, 7);
  g_assert_cmpuint (pn_quiz_get_questions (quiz)->len, ==, 2);
  g_assert_cmpstr (question_at (quiz, 0)->id, ==, "bonne-1");
  g_assert_cmpstr (question_at (quiz, 1)->id, ==, "bonne-2");
}

static void
test_stray_braces (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_text ("Bien ?{T}\n\nFin } sans début\n\nUn {=a {=b} ~c}\n\n"
                                       "// seul commentaire\n\nEncore ?{F}\n\n::::Vide ?{= =a ~b}\n",
                                       diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "test.gift", 3, "a '}' has no matching '{'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "test.gift", 5, "a '{' inside an answer block");
  /* An empty answer is left out, the question kept. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "test.gift", 11, "an empty answer was left out");
  g_assert_cmpuint (pn_quiz_get_questions (quiz)->len, ==, 3);
  /* No title, no [id:]: numbered. */
  g_assert_cmpstr (question_at (quiz, 0)->id, ==, "q1");
  g_assert_cmpstr (question_at (quiz, 1)->id, ==, "q4");
  g_assert_null (question_at (quiz, 2)->title);
  g_assert_cmpuint (question_at (quiz, 2)->answers->len, ==, 2);
}

/* A description left without text once its HTML is made safe is reported,
 * as is a number no one can type. */
static void
test_blank_description (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_text ("::A::[html]<script>alert(1)</script>\n\n::B::[html]<b>Texte</b>\n\n"
                                       "::C::Combien ?{#1e308:1e308}\n", diagnostics);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "test.gift", 1, "question 'a' has no text");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "test.gift", 5, "question 'c': a number is too large");
  g_assert_cmpuint (pn_quiz_get_questions (quiz)->len, ==, 1);
  g_assert_cmpstr (question_at (quiz, 0)->text, ==, "**Texte**");
}

static void
test_bad_input (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  const char bad_utf8[] = "::Q::Vrai ?{T}\n\n::R::\xff\xfe ?{F}\n";
  g_autoptr(PnQuiz) refused = pn_gift_parse (bad_utf8, sizeof bad_utf8 - 1, "bad.gift", NULL, NULL,
                                             diagnostics);
  gsize big_size = PN_GIFT_MAX_SIZE + 1;
  g_autofree char *big = g_malloc (big_size);
  g_autoptr(PnQuiz) too_big = NULL;
  g_autoptr(PnQuiz) control = NULL;
  gint64 start;

  g_assert_null (refused);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "bad.gift", 3, "UTF-8");

  /* A file over the limit is refused at once, without being parsed. */
  memset (big, '{', big_size);
  start = g_get_monotonic_time ();
  too_big = pn_gift_parse (big, big_size, "big.gift", NULL, NULL, diagnostics);
  g_assert_null (too_big);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "big.gift", 0, "a GIFT file may hold at most");

  /* Just under the limit, the same braces: one message, in bounded time. */
  control = pn_gift_parse (big, PN_GIFT_MAX_SIZE, "big.gift", NULL, NULL, diagnostics);
  g_assert_nonnull (control);
  g_assert_cmpuint (pn_quiz_get_questions (control)->len, ==, 0);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "big.gift", 1, "unbalanced braces");
}

/* Inputs that would make a careless reader go over the text again and again:
 * each is read in well under a second. */
static void
test_pathological (void)
{
  const char *units[] = { "<a", "&", "<script>x", "\n", "<p>", "{", "::", "\\{", "=a -> b ", "~%50%" };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autoptr(GString) text = g_string_new ("::T::[html]");
      g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
      g_autoptr(PnQuiz) quiz = NULL;
      gint64 start;

      while (text->len < 2 * 1024 * 1024)
        g_string_append (text, units[i]);
      g_string_append (text, " {=a ~b}\n");
      start = g_get_monotonic_time ();
      quiz = pn_gift_parse (text->str, text->len, "big.gift", NULL, NULL, diagnostics);
      g_test_message ("“%s” × %" G_GSIZE_FORMAT ": %" G_GINT64_FORMAT " ms", units[i],
                      text->len / strlen (units[i]), (g_get_monotonic_time () - start) / 1000);
      g_assert_nonnull (quiz);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
}

static void
test_html (void)
{
  struct { const char *html; const char *markdown; } cases[] = {
    { "<b>gras</b> et <em>penché</em>", "**gras** et *penché*" },
    { "a &lt;b&gt; &amp; &#233;t&#xE9;", "a \\<b\\> & été" },
    { "<p>un</p><p>deux</p>", "un\n\ndeux" },
    { "ligne<br>suivante", "ligne\\\nsuivante" },
    { "<script>alert(1)</script>reste", "reste" },
    { "<STYLE>p{}</STYLE>texte", "texte" },
    { "<a href=\"https://example.org\">lien</a>", "[lien](https://example.org)" },
    { "<span class=\"x\">garde</span>", "<span class=\"x\">garde</span>" },
    { "un * et un _", "un \\* et un \\_" },
    { "<ul><li>a</li><li>b</li></ul>", "- a\n\n- b" },
    { "a < b", "a \\< b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markdown = pn_gift_text_to_markdown (cases[i].html, PN_GIFT_FORMAT_HTML);

      g_assert_cmpstr (markdown, ==, cases[i].markdown);
    }
}

/* Compares two questions' meaning: what a student sees and how it is graded. */
static void
assert_same_answers (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const PnQuizAnswer *x = g_ptr_array_index (a, i);
      const PnQuizAnswer *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpfloat_with_epsilon (x->weight, y->weight, 1e-9);
      g_assert_cmpstr (x->feedback, ==, y->feedback);
      g_assert_cmpint (x->any, ==, y->any);
      g_assert_cmpfloat_with_epsilon (x->min, y->min, 1e-9);
      g_assert_cmpfloat_with_epsilon (x->max, y->max, 1e-9);
    }
}

static void
assert_same_question (const PnQuizQuestion *a,
                      const PnQuizQuestion *b)
{
  g_test_message ("question %s", a->id);
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpint (a->type, ==, b->type);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpstr (a->explanation, ==, b->explanation);
  g_assert_cmpstr (a->hint, ==, b->hint);
  g_assert_true ((a->passage == NULL) == (b->passage == NULL));
  if (a->passage != NULL)
    {
      g_assert_cmpstr (a->passage->document, ==, b->passage->document);
      g_assert_cmpstr (a->passage->quote, ==, b->passage->quote);
    }
  g_assert_true (g_strv_equal ((const char * const *) a->tags, (const char * const *) b->tags));
  assert_same_answers (a->answers, b->answers);
  g_assert_cmpuint (a->pairs->len, ==, b->pairs->len);
  for (guint i = 0; i < a->pairs->len; i++)
    {
      const PnQuizPair *x = g_ptr_array_index (a->pairs, i);
      const PnQuizPair *y = g_ptr_array_index (b->pairs, i);

      g_assert_cmpstr (x->item, ==, y->item);
      g_assert_cmpstr (x->match, ==, y->match);
    }
  g_assert_cmpuint (a->gaps->len, ==, b->gaps->len);
  for (guint i = 0; i < a->gaps->len; i++)
    {
      const PnQuizGap *x = g_ptr_array_index (a->gaps, i);
      const PnQuizGap *y = g_ptr_array_index (b->gaps, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      assert_same_answers (x->answers, y->answers);
    }
  g_assert_cmpint (a->truth, ==, b->truth);
  g_assert_cmpstr (a->feedback_true, ==, b->feedback_true);
  g_assert_cmpstr (a->feedback_false, ==, b->feedback_false);
  g_assert_cmpint (a->match_case, ==, b->match_case);
  g_assert_cmpint (a->match_accents, ==, b->match_accents);
  g_assert_cmpint (a->allow_typo, ==, b->allow_typo);
}

/* Every example imported, exported, imported again: the same questions. */
static void
test_round_trip (void)
{
  const char *names[] = {
    "choix.gift", "vrai-faux.gift", "reponse-courte.gift", "numerique.gift", "appariement.gift",
    "mot-manquant.gift", "redaction.gift", "erreurs.gift",
  };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
      g_autoptr(GPtrArray) again_diagnostics = pn_diagnostics_new ();
      g_autoptr(PnQuiz) quiz = parse_example (names[n], diagnostics);
      g_autofree char *gift = pn_gift_write (quiz, diagnostics);
      g_autoptr(PnQuiz) again = pn_gift_parse (gift, strlen (gift), "again.gift", pn_quiz_get_id (quiz),
                                               NULL, again_diagnostics);
      GPtrArray *questions = pn_quiz_get_questions (quiz);

      g_test_message ("%s as GIFT:\n%s", names[n], gift);
      pn_test_dump (again_diagnostics);
      g_assert_cmpuint (again_diagnostics->len, ==, 0);
      g_assert_cmpstr (pn_quiz_get_title (again), ==, pn_quiz_get_title (quiz));
      g_assert_cmpuint (pn_quiz_get_questions (again)->len, ==, questions->len);
      for (guint i = 0; i < questions->len; i++)
        assert_same_question (g_ptr_array_index (questions, i), question_at (again, i));
    }
}

/* Options and notes GIFT has no syntax for survive in comments; what it
 * cannot express at all is left out with a warning. */
static void
test_export_limits (void)
{
  g_autoptr(PnQuiz) quiz = pn_quiz_new ("q", "Quiz / essai", "quiz.json");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GPtrArray) again_diagnostics = pn_diagnostics_new ();
  PnQuizQuestion *short_answer = pn_quiz_question_new ("court", PN_QUESTION_SHORT, "Le mot : {x} ?\nSur deux lignes.");
  PnQuizQuestion *ordering = pn_quiz_question_new ("ordre", PN_QUESTION_ORDERING, "Ordonnez.");
  PnQuizQuestion *cloze = pn_quiz_question_new ("trous", PN_QUESTION_CLOZE, "{{1}} et {{2}}");
  g_autofree char *gift = NULL;
  g_autoptr(PnQuiz) again = NULL;
  const char *steps[] = { "a", "b", NULL };

  pn_quiz_question_add_answer (short_answer, "Économie", 100, "Bien #1 = ~ oui");
  short_answer->match_case = TRUE;
  short_answer->allow_typo = TRUE;
  short_answer->hint = g_strdup ("Sur\ndeux lignes \\ avec une barre");
  pn_quiz_question_set_passage (short_answer, "essai", "un passage");
  ordering->line = 12;
  g_strfreev (ordering->steps);
  ordering->steps = g_strdupv ((char **) steps);
  pn_quiz_gap_add_answer (pn_quiz_question_add_gap (cloze, PN_QUIZ_GAP_TEXT), "a", 100, NULL);
  pn_quiz_gap_add_answer (pn_quiz_question_add_gap (cloze, PN_QUIZ_GAP_TEXT), "b", 100, NULL);
  pn_quiz_question_add_answer (short_answer, "Economie politique", 45, NULL);
  pn_quiz_question_add_answer (short_answer, "Eco", 33.33333, NULL);
  pn_quiz_add_question (quiz, short_answer);
  pn_quiz_add_question (quiz, ordering);
  pn_quiz_add_question (quiz, cloze);

  gift = pn_gift_write (quiz, diagnostics);
  g_test_message ("%s", gift);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 12,
                             "question 'ordre' was left out of the GIFT file: GIFT has no ordering questions");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 0,
                             "question 'trous' was left out of the GIFT file");
  /* 45 % is no grade of Moodle's; 33.33333 % is. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 0,
                             "question 'court': 45 % is not one of Moodle's grades");
  g_assert_cmpuint (diagnostics->len, ==, 3);
  g_assert_nonnull (strstr (gift, "$CATEGORY: Quiz - essai\n"));
  g_assert_nonnull (strstr (gift, "[markdown]Le mot \\: \\{x\\} ?\\nSur deux lignes."));

  again = pn_gift_parse (gift, strlen (gift), "again.gift", "q", NULL, again_diagnostics);
  g_assert_cmpuint (again_diagnostics->len, ==, 0);
  g_assert_cmpuint (pn_quiz_get_questions (again)->len, ==, 1);
  assert_same_question (short_answer, question_at (again, 0));
}

/* Weights and numbers go out as the teacher wrote them, not with the
 * binary double's seventeen digits. */
static void
test_export_numbers (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse_text ("::Q1:: Trois ? {\n~%33.33333%a\n~%33.33333%b\n~%33.33333%c\n~%-100%d\n}\n\n"
                                       "::Q2:: Pi ? {#3.141..3.142}\n", diagnostics);
  g_autofree char *gift = NULL;

  g_assert_nonnull (quiz);
  gift = pn_gift_write (quiz, diagnostics);
  pn_test_dump (diagnostics);
  g_assert_nonnull (strstr (gift, "%33.33333%a"));
  g_assert_nonnull (strstr (gift, "%-100%d"));
  g_assert_null (strstr (gift, "33.3333299"));
  g_assert_nonnull (strstr (gift, "=3.141..3.142"));
}

static void
test_make_id (void)
{
  g_autofree char *a = pn_gift_make_id ("Quiz 1 — Lordon");
  g_autofree char *b = pn_gift_make_id ("L'Économie / « politique »");
  g_autofree char *c = pn_gift_make_id ("—");
  g_autofree char *d = pn_gift_make_id ("__\x7f__Titre");

  g_assert_cmpstr (a, ==, "quiz-1-lordon");
  g_assert_cmpstr (b, ==, "l-economie-politique");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpstr (d, ==, "titre");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gift/choices", test_choices);
  g_test_add_func ("/gift/true-false", test_true_false);
  g_test_add_func ("/gift/short", test_short);
  g_test_add_func ("/gift/numerical", test_numerical);
  g_test_add_func ("/gift/matching", test_matching);
  g_test_add_func ("/gift/missing-word", test_missing_word);
  g_test_add_func ("/gift/essay-and-description", test_essay_and_description);
  g_test_add_func ("/gift/errors", test_errors);
  g_test_add_func ("/gift/stray-braces", test_stray_braces);
  g_test_add_func ("/gift/blank-description", test_blank_description);
  g_test_add_func ("/gift/bad-input", test_bad_input);
  g_test_add_func ("/gift/pathological", test_pathological);
  g_test_add_func ("/gift/html", test_html);
  g_test_add_func ("/gift/round-trip", test_round_trip);
  g_test_add_func ("/gift/export-limits", test_export_limits);
  g_test_add_func ("/gift/export-numbers", test_export_numbers);
  g_test_add_func ("/gift/make-id", test_make_id);

  return g_test_run ();
}
