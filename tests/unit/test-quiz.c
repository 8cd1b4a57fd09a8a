/* test-quiz.c: the quiz JSON file: reading, its messages, the pack's quizzes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-pack-check.h"
#include "pn-quiz-check.h"
#include "pn-quiz-parse.h"
#include "pn-quiz-write.h"
#include "pn-test-util.h"

/* Reads @text as the quiz file "quiz.json" of a pack whose only document is "essai". */
static PnQuiz *
parse (const char *text,
       GPtrArray  *diagnostics)
{
  g_autoptr(PnJsonFile) json = pn_json_file_load_data (text, strlen (text), "quiz.json", diagnostics);
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (json);
  g_hash_table_add (documents, "essai");

  return pn_quiz_parse (json, documents, diagnostics);
}

static const char complete[] =
  "{\n"
  "  \"id\": \"lecture-1\", \"title\": \"Lecture\", \"description\": \"Sur la *première* partie.\",\n"
  "  \"questions\": [\n"
  "    { \"id\": \"q1\", \"type\": \"single\", \"text\": \"Qui ?\", \"hint\": \"Un économiste.\",\n"
  "      \"answers\": [ { \"text\": \"Durand\", \"correct\": true, \"feedback\": \"Oui.\" }, { \"text\": \"Lordon\" } ],\n"
  "      \"explanation\": \"Voir le chapitre 2.\", \"passage\": { \"document\": \"essai\", \"quote\": \"subsomption totale\" },\n"
  "      \"tags\": [\"durand\"] },\n"
  "    { \"id\": \"q2\", \"type\": \"multiple\", \"text\": \"Lesquels ?\",\n"
  "      \"answers\": [ { \"text\": \"a\", \"weight\": 50 }, { \"text\": \"b\", \"weight\": 50 }, { \"text\": \"c\", \"weight\": -100 } ] },\n"
  "    { \"id\": \"q3\", \"type\": \"true_false\", \"text\": \"Vrai ?\", \"answer\": false, \"feedback_true\": \"Non.\" },\n"
  "    { \"id\": \"q4\", \"type\": \"short\", \"text\": \"Le mot ?\", \"allow_typo\": true, \"match_accents\": true,\n"
  "      \"answers\": [ { \"text\": \"seigneurage\" }, { \"text\": \"rente\", \"weight\": 50 } ] },\n"
  "    { \"id\": \"q5\", \"type\": \"numerical\", \"text\": \"Combien ?\",\n"
  "      \"answers\": [ { \"value\": 3, \"tolerance\": 0.5 }, { \"min\": 1, \"max\": 5, \"weight\": 25 }, { \"any\": true, \"weight\": 0, \"feedback\": \"Non.\" } ] },\n"
  "    { \"id\": \"q6\", \"type\": \"matching\", \"text\": \"Associez.\",\n"
  "      \"pairs\": [ { \"item\": \"Morozov\", \"match\": \"solutionnisme\" }, { \"item\": \"Lordon\", \"match\": \"séparation\" } ],\n"
  "      \"distractors\": [\"main invisible\"] },\n"
  "    { \"id\": \"q7\", \"type\": \"ordering\", \"text\": \"Dans l'ordre.\", \"steps\": [\"la mine\", \"le bijoutier\", \"la vente\"] },\n"
  "    { \"id\": \"q8\", \"type\": \"cloze\", \"text\": \"On vend {{1}} ; c'est du {{2}}.\",\n"
  "      \"gaps\": [ { \"type\": \"choice\", \"answers\": [ { \"text\": \"l'attention\", \"correct\": true }, { \"text\": \"des serveurs\" } ] },\n"
  "                { \"answers\": [ { \"text\": \"seigneurage\" } ] } ] },\n"
  "    { \"id\": \"q9\", \"type\": \"open\", \"text\": \"Votre avis ?\" },\n"
  "    { \"id\": \"q10\", \"type\": \"description\", \"text\": \"La suite porte sur Lordon.\" }\n"
  "  ]\n"
  "}\n";

static void
test_complete (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse (complete, diagnostics);
  GPtrArray *questions;
  const PnQuizQuestion *q;
  const PnQuizAnswer *answer;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (quiz);
  g_assert_cmpstr (pn_quiz_get_id (quiz), ==, "lecture-1");
  g_assert_cmpstr (pn_quiz_get_title (quiz), ==, "Lecture");
  g_assert_cmpstr (pn_quiz_get_description (quiz), ==, "Sur la *première* partie.");
  g_assert_cmpstr (pn_quiz_get_file (quiz), ==, "quiz.json");
  questions = pn_quiz_get_questions (quiz);
  g_assert_cmpuint (questions->len, ==, 10);
  for (guint i = 0; i < questions->len; i++)
    g_assert_cmpint (((PnQuizQuestion *) g_ptr_array_index (questions, i))->type, ==, (PnQuestionType) i);

  q = pn_quiz_lookup (quiz, "q1");
  g_assert_cmpint (q->line, ==, 4);
  g_assert_cmpstr (q->hint, ==, "Un économiste.");
  g_assert_cmpstr (q->explanation, ==, "Voir le chapitre 2.");
  g_assert_cmpstr (q->passage->document, ==, "essai");
  g_assert_cmpstr (q->passage->quote, ==, "subsomption totale");
  g_assert_cmpstr (q->tags[0], ==, "durand");
  answer = g_ptr_array_index (q->answers, 0);
  g_assert_cmpfloat (answer->weight, ==, 100);
  g_assert_cmpstr (answer->feedback, ==, "Oui.");
  g_assert_cmpfloat (((PnQuizAnswer *) g_ptr_array_index (q->answers, 1))->weight, ==, 0);

  q = pn_quiz_lookup (quiz, "q3");
  g_assert_false (q->truth);
  g_assert_cmpstr (q->feedback_true, ==, "Non.");
  g_assert_null (q->feedback_false);

  q = pn_quiz_lookup (quiz, "q4");
  g_assert_true (q->allow_typo && q->match_accents && !q->match_case);
  /* Typed answers are right unless weighted. */
  g_assert_cmpfloat (((PnQuizAnswer *) g_ptr_array_index (q->answers, 0))->weight, ==, 100);

  q = pn_quiz_lookup (quiz, "q5");
  answer = g_ptr_array_index (q->answers, 0);
  g_assert_cmpfloat (answer->min, ==, 2.5);
  g_assert_cmpfloat (answer->max, ==, 3.5);
  g_assert_false (answer->is_range);
  answer = g_ptr_array_index (q->answers, 1);
  g_assert_true (answer->is_range);
  g_assert_true (((PnQuizAnswer *) g_ptr_array_index (q->answers, 2))->any);

  q = pn_quiz_lookup (quiz, "q6");
  g_assert_cmpuint (q->pairs->len, ==, 3);
  g_assert_null (((PnQuizPair *) g_ptr_array_index (q->pairs, 2))->item);

  q = pn_quiz_lookup (quiz, "q7");
  g_assert_cmpuint (g_strv_length (q->steps), ==, 3);

  q = pn_quiz_lookup (quiz, "q8");
  g_assert_cmpuint (q->gaps->len, ==, 2);
  g_assert_cmpint (((PnQuizGap *) g_ptr_array_index (q->gaps, 0))->kind, ==, PN_QUIZ_GAP_CHOICE);
  g_assert_cmpint (((PnQuizGap *) g_ptr_array_index (q->gaps, 1))->kind, ==, PN_QUIZ_GAP_TEXT);
}

/* Written back as JSON, the quiz reads as the same quiz. */
static void
test_write_back (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse (complete, diagnostics);
  g_autofree char *first = pn_quiz_to_json (quiz);
  g_autoptr(PnQuiz) again = parse (first, diagnostics);
  g_autofree char *second = pn_quiz_to_json (again);

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (pn_quiz_get_questions (again)->len, ==, 10);
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "\"allow_typo\" : true"));
  g_assert_nonnull (strstr (first, "\"tolerance\" : 0.5"));
}

/* Control characters are replaced in the JSON written (json-glib would write
 * U+001F raw, which no reader takes). */
static void
test_write_control_characters (void)
{
  g_autoptr(PnQuiz) quiz = pn_quiz_new ("q", "Q", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *text = NULL;
  g_autoptr(PnQuiz) again = NULL;

  pn_quiz_add_question (quiz, pn_quiz_question_new ("a", PN_QUESTION_OPEN, "un\x1f\x01 avis\tici"));
  text = pn_quiz_to_json (quiz);
  again = parse (text, diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (pn_quiz_lookup (again, "a")->text, ==, "un\xef\xbf\xbd\xef\xbf\xbd avis\tici");
}

static void
test_wrong_shape (void)
{
  const char *texts[] = { "[1, 2, 3]", "\"quiz\"", "42", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
      g_autoptr(PnQuiz) quiz = parse (texts[i], diagnostics);

      g_assert_null (quiz);
      pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 1,
                                 "a quiz file must be a JSON object");
    }
}

static void
test_header (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) no_questions = parse ("{ \"id\": \"a\", \"title\": \"A\" }", diagnostics);
  g_autoptr(PnQuiz) bad_id = parse ("{ \"id\": \"Quiz 1\", \"title\": \"A\", \"questions\": [] }", diagnostics);
  g_autoptr(PnQuiz) empty = parse ("{ \"id\": \"a\", \"title\": \"A\",\n \"questions\": [], \"extra\": 1 }",
                                   diagnostics);

  pn_test_dump (diagnostics);
  g_assert_null (no_questions);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 1, "missing required key 'questions'");
  g_assert_null (bad_id);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 1, "'Quiz 1' is not a valid quiz id");
  g_assert_nonnull (empty);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 2, "unknown key 'extra'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 2, "the quiz has no questions");
}

/* An id ending in a line break is no id (GRegex's $ matches before a last
 * newline unless told not to); the same id without it is one (control). */
static void
test_id_newline (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz_nl = parse ("{ \"id\": \"a\\n\", \"title\": \"A\", \"questions\": [] }", diagnostics);
  g_autoptr(PnQuiz) quiz = parse ("{ \"id\": \"a\", \"title\": \"A\", \"questions\": [\n"
                                  "{ \"id\": \"q1\\n\", \"type\": \"open\", \"text\": \"T\" },\n"
                                  "{ \"id\": \"q2\", \"type\": \"open\", \"text\": \"T\" } ] }", diagnostics);

  pn_test_dump (diagnostics);
  g_assert_null (quiz_nl);
  g_assert_nonnull (quiz);
  g_assert_null (pn_quiz_lookup (quiz, "q1\n"));
  g_assert_nonnull (pn_quiz_lookup (quiz, "q2"));
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 2, "is not a valid question id");
}

/* Each bad question is reported at its line and left out; the good ones stay. */
static void
test_bad_questions (void)
{
  const char *text =
    "{ \"id\": \"q\", \"title\": \"Q\", \"questions\": [\n"
    /* 2 */ "{ \"id\": \"bon-1\", \"type\": \"open\", \"text\": \"Bien.\" },\n"
    /* 3 */ "{ \"id\": \"type\", \"type\": \"essay\", \"text\": \"T\" },\n"
    /* 4 */ "{ \"id\": \"aucune\", \"type\": \"single\", \"text\": \"T\", \"answers\": [{\"text\": \"a\"}, {\"text\": \"b\"}] },\n"
    /* 5 */ "{ \"id\": \"poids\", \"type\": \"multiple\", \"text\": \"T\", \"answers\": [{\"text\": \"a\", \"weight\": 40}, {\"text\": \"b\", \"weight\": 40}] },\n"
    /* 6 */ "{ \"id\": \"partiel\", \"type\": \"short\", \"text\": \"T\", \"answers\": [{\"text\": \"a\", \"weight\": 50}] },\n"
    /* 7 */ "{ \"id\": \"paires\", \"type\": \"matching\", \"text\": \"T\", \"pairs\": [{\"item\": \"a\", \"match\": \"1\"}, {\"item\": \"a\", \"match\": \"2\"}] },\n"
    /* 8 */ "{ \"id\": \"ordre\", \"type\": \"ordering\", \"text\": \"T\", \"steps\": [\"seul\"] },\n"
    /* 9 */ "{ \"id\": \"passage\", \"type\": \"open\", \"text\": \"T\",\n"
    /* 10 */ "  \"passage\": { \"document\": \"inconnu\", \"quote\": \"x\" } },\n"
    /* 11 */ "{ \"id\": \"trous\", \"type\": \"cloze\", \"text\": \"Un {{1}} et {{1}}.\", \"gaps\": [{\"answers\": [{\"text\": \"a\"}]}, {\"answers\": [{\"text\": \"b\"}]}] },\n"
    /* 12 */ "{ \"id\": \"membre\", \"type\": \"true_false\", \"text\": \"T\", \"answer\": true, \"couleur\": \"rouge\" },\n"
    /* 13 */ "{ \"id\": \"bon-1\", \"type\": \"open\", \"text\": \"Encore.\" },\n"
    /* 14 */ "{ \"id\": \"trop\", \"type\": \"single\", \"text\": \"T\", \"answers\": [{\"text\": \"a\", \"weight\": 150}, {\"text\": \"b\"}] },\n"
    /* 15 */ "{ \"id\": \"nombre\", \"type\": \"numerical\", \"text\": \"T\", \"answers\": [{\"text\": \"trois\"}] },\n"
    /* 16 */ "{ \"id\": \"distracteur\", \"type\": \"matching\", \"text\": \"T\", \"pairs\": [{\"item\": \"a\", \"match\": \"1\"}, {\"item\": \"b\", \"match\": \"2\"}], \"distractors\": [\"1\"] },\n"
    /* 17 */ "{ \"id\": \"vide\", \"type\": \"single\" },\n"
    /* 18 */ "7,\n"
    /* 19 */ "{ \"id\": \"bon-2\", \"type\": \"true_false\", \"text\": \"T\", \"answer\": false }\n"
    "] }\n";
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnQuiz) quiz = parse (text, diagnostics);
  GPtrArray *questions;

  pn_test_dump (diagnostics);
  g_assert_nonnull (quiz);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 3, "'essay' is not a question type");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 4, "question 'aucune' has no correct answer");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 5, "add up to 80 %; they cannot reach 100 %");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 6, "no answer is worth 100 %");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 7, "the item 'a' is listed twice");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 8, "at least two steps");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 10, "names the document 'inconnu'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 11, "must mark each of its 2 gaps once");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 12, "couleur' (ignored)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 13, "duplicate question id 'bon-1' (first at line 2)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 14, "a weight must lie between -100 % and 100 %");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 15, "needs a \"value\"");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 16, "the distractor '1' is also the answer of an item");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 17, "missing required key 'text'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "quiz.json", 18, "questions[15] must be an object");

  /* The unknown member is only a warning: that question stays. */
  questions = pn_quiz_get_questions (quiz);
  g_assert_cmpuint (questions->len, ==, 3);
  g_assert_nonnull (pn_quiz_lookup (quiz, "bon-1"));
  g_assert_nonnull (pn_quiz_lookup (quiz, "membre"));
  g_assert_nonnull (pn_quiz_lookup (quiz, "bon-2"));
  g_assert_cmpstr (pn_quiz_lookup (quiz, "bon-1")->text, ==, "Bien.");
}

static void
test_find_quote (void)
{
  const char *text = "L’essai parle de la\nsubsomption\u00a0totale, puis de la grève.";

  g_assert_cmpint (pn_quiz_find_quote (text, "la subsomption totale"), ==, strlen ("L’essai parle de "));
  g_assert_cmpint (pn_quiz_find_quote (text, "L'essai  parle"), ==, 0);
  g_assert_cmpint (pn_quiz_find_quote (text, "la grève"), >, 0);
  g_assert_cmpint (pn_quiz_find_quote (text, "la grève générale"), ==, -1);
  g_assert_cmpint (pn_quiz_find_quote (text, "   "), ==, -1);
}

static void
test_locate_quote (void)
{
  const char *text = "Le texte dit : l’extraction comme travail des détenus, sans contrepartie.";
  const char *edited = "Le texte dit : l’extraction comme labeur des détenus, sans contrepartie.";
  gint64 start = 0, end = 0;
  g_autofree char *found = NULL;

  /* In code points, the apostrophe evened out. */
  g_assert_true (pn_quiz_locate_quote (text, "l'extraction comme  travail", &start, &end));
  g_assert_cmpint (start, ==, 15);
  g_assert_cmpint (end, ==, 15 + g_utf8_strlen ("l’extraction comme travail", -1));

  /* A word of the text edited under the quote: still found, by the notes'
   * anchoring, on the words as they read now. */
  g_assert_true (pn_quiz_locate_quote (edited, "l’extraction comme travail des détenus", &start, &end));
  found = g_strndup (g_utf8_offset_to_pointer (edited, start),
                     g_utf8_offset_to_pointer (edited, end) - g_utf8_offset_to_pointer (edited, start));
  g_assert_cmpstr (found, ==, "l’extraction comme labeur des détenus");
  g_assert_cmpint (pn_quiz_find_quote (edited, "l’extraction comme travail des détenus"), ==, strlen ("Le texte dit : "));

  /* Not there at all: FALSE and -1. */
  g_assert_false (pn_quiz_locate_quote (edited, "la grève générale de 1936", &start, &end));
  g_assert_cmpint (start, ==, -1);
  g_assert_cmpint (end, ==, -1);
  g_assert_false (pn_quiz_locate_quote ("abc \xff", "abc", &start, &end));
  g_assert_false (pn_quiz_locate_quote (NULL, "abc", NULL, NULL));
}

static const char pack_quiz[] =
  "{ \"id\": \"lecture\", \"title\": \"Lecture\", \"questions\": [\n"
  "  { \"id\": \"trouve\", \"type\": \"open\", \"text\": \"T\",\n"
  "    \"passage\": { \"document\": \"doc\", \"quote\": \"L'extraction comme travail\" } },\n"
  "  { \"id\": \"absent\", \"type\": \"open\", \"text\": \"T\",\n"
  "    \"passage\": { \"document\": \"doc\", \"quote\": \"une phrase qui n'y est pas\" } },\n"
  "  { \"id\": \"html\", \"type\": \"single\", \"text\": \"Un <span>mot</span> ?\",\n"
  "    \"answers\": [ { \"text\": \"[Lordon](source:inconnue)\", \"correct\": true }, { \"text\": \"b\" } ] }\n"
  "] }\n";

/* A pack lists a JSON quiz and a GIFT file; the check looks for the quotes. */
static void
test_pack (void)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md",
                                                     "\"quizzes\": [\"quiz.json\", \"banque.gift\", \"autre.json\"], ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "doc.md", "# Titre\n\nL'**extraction** comme travail.\n",
                                           "quiz.json", pack_quiz,
                                           "banque.gift", "::Q1::Vrai ?{T}\n\n::Q2::Faux ?{F}\n",
                                           "autre.json", "{ \"id\": \"lecture\", \"title\": \"Doublon\", \"questions\": [] }",
                                           NULL);
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = pn_pack_check_run (location, NULL, &error);
  GPtrArray *diagnostics;
  PnPack *pack;
  PnQuiz *gift;

  g_assert_no_error (error);
  diagnostics = pn_pack_check_get_diagnostics (check);
  pn_test_dump (diagnostics);
  pack = pn_pack_check_get_pack (check);
  g_assert_cmpuint (pn_pack_get_quizzes (pack)->len, ==, 2);
  g_assert_cmpuint (pn_quiz_get_questions (pn_pack_get_quiz (pack, "lecture"))->len, ==, 3);
  g_assert_null (pn_pack_get_quiz (pack, "absent"));
  gift = pn_pack_get_quiz (pack, "banque");
  g_assert_nonnull (gift);
  g_assert_cmpuint (pn_quiz_get_questions (gift)->len, ==, 2);
  g_assert_cmpuint (g_strv_length ((GStrv) pn_pack_get_quiz_files (pack)), ==, 3);

  /* The quote found (across the bold and the typographic apostrophe) says
   * nothing; the other is a warning at its passage. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 5,
                             "question 'absent': the quote of its passage is not in the text of 'doc'");
  g_assert_null (pn_test_find (diagnostics, "question 'trouve'"));
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 0,
                             "the quiz id 'lecture' is already that of quiz.json");
  /* Texts go through the documents' safe passes: raw HTML and unknown sources
   * are warnings at the question's line (and at no other). */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 6, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "quiz.json", 7, "unknown source 'inconnue'");
  g_assert_null (pn_test_find (diagnostics, "quiz.json:2:1: raw HTML"));

  pn_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quiz/complete", test_complete);
  g_test_add_func ("/quiz/write-back", test_write_back);
  g_test_add_func ("/quiz/write-control-characters", test_write_control_characters);
  g_test_add_func ("/quiz/wrong-shape", test_wrong_shape);
  g_test_add_func ("/quiz/header", test_header);
  g_test_add_func ("/quiz/bad-questions", test_bad_questions);
  g_test_add_func ("/quiz/id-newline", test_id_newline);
  g_test_add_func ("/quiz/find-quote", test_find_quote);
  g_test_add_func ("/quiz/locate-quote", test_locate_quote);
  g_test_add_func ("/quiz/pack", test_pack);

  return g_test_run ();
}
