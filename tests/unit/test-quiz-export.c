/* test-quiz-export.c: « Exporter les résultats », an attempt as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "pn-quiz-export.h"
#include "pn-quiz-grade.h"
#include "pn-test-util.h"
#include "pn-text.h"

/* 2026-03-02 09:00 UTC */
#define T0 G_GINT64_CONSTANT (1772442000)

/* What a student may type to break the summary: a heading, a list, a
 * thematic break, a table, HTML, a link, emphasis, code, an indented code
 * block, a setext underline, a blank line and a block quote of their own. */
static const char open_text[] =
  "# Pas un titre\n"
  "- pas une liste\n"
  "1. ni une liste numérotée\n"
  "    pas du code\n"
  "\n"
  "<script>alert(1)</script> <b>gras</b> &amp; [lien](http://example.com) ![img](x.png)\n"
  "*pas* _d'accent_ `code` ~~barré~~ a | b\n"
  "---\n"
  "===\n"
  "> pas une citation\n"
  "## Question 99. Fausse question\n"
  "fin \\ avec une barre\\";

typedef struct {
  char *dir;
  char *path;
  PnQuiz *quiz;
} Fixture;

static PnQuiz *
make_quiz (void)
{
  PnQuiz *quiz = pn_quiz_new ("bases", "Les bases [1]", NULL);
  PnQuizQuestion *q;
  PnQuizGap *gap;

  q = pn_quiz_question_new ("unique", PN_QUESTION_SINGLE, "Qui parle de *subsomption totale* ?");
  q->title = g_strdup ("Durand");
  pn_quiz_question_add_answer (q, "Cédric Durand", 100, NULL);
  pn_quiz_question_add_answer (q, "Frédéric Lordon", 0, NULL);
  g_assert_true (pn_quiz_add_question (quiz, q));

  q = pn_quiz_question_new ("multiple", PN_QUESTION_MULTIPLE, "Lesquels vendent de la publicité ?");
  pn_quiz_question_add_answer (q, "Google", 50, NULL);
  pn_quiz_question_add_answer (q, "Meta", 50, NULL);
  pn_quiz_question_add_answer (q, "Wikipédia", -100, NULL);
  g_assert_true (pn_quiz_add_question (quiz, q));

  q = pn_quiz_question_new ("vrai-faux", PN_QUESTION_TRUE_FALSE, "L’audience est un travail.");
  q->truth = TRUE;
  g_assert_true (pn_quiz_add_question (quiz, q));

  pn_quiz_add_question (quiz, pn_quiz_question_new ("intermede", PN_QUESTION_DESCRIPTION, "Deuxième partie."));

  q = pn_quiz_question_new ("courte", PN_QUESTION_SHORT, "Le revenu du seigneur ?");
  pn_quiz_question_add_answer (q, "seigneurage", 100, NULL);
  g_assert_true (pn_quiz_add_question (quiz, q));

  q = pn_quiz_question_new ("nombre", PN_QUESTION_NUMERICAL, "Combien ?");
  pn_quiz_question_add_number (q, 3, 4, TRUE, 100, NULL);
  g_assert_true (pn_quiz_add_question (quiz, q));

  q = pn_quiz_question_new ("paires", PN_QUESTION_MATCHING, "Associez.");
  pn_quiz_question_add_pair (q, "Lordon", "consommateur et producteur");
  pn_quiz_question_add_pair (q, "Durand", "techno-féodalisme");
  pn_quiz_question_add_pair (q, NULL, "fédivers");
  g_assert_true (pn_quiz_add_question (quiz, q));

  q = pn_quiz_question_new ("ordre", PN_QUESTION_ORDERING, "Dans l’ordre.");
  g_strfreev (q->steps);
  q->steps = g_strdupv ((char *[]) { "la mine", "le joaillier", "la rente", NULL });
  g_assert_true (pn_quiz_add_question (quiz, q));

  q = pn_quiz_question_new ("trous", PN_QUESTION_CLOZE, "Le {{1}} et la {{2}}.");
  gap = pn_quiz_question_add_gap (q, PN_QUIZ_GAP_TEXT);
  pn_quiz_gap_add_answer (gap, "profilage", 100, NULL);
  gap = pn_quiz_question_add_gap (q, PN_QUIZ_GAP_TEXT);
  pn_quiz_gap_add_answer (gap, "grève", 100, NULL);
  g_assert_true (pn_quiz_add_question (quiz, q));

  g_assert_true (pn_quiz_add_question (quiz, pn_quiz_question_new ("ouverte", PN_QUESTION_OPEN,
                                                                    "Qu’en pensez-vous ?")));
  g_assert_true (pn_quiz_add_question (quiz, pn_quiz_question_new ("sautee", PN_QUESTION_OPEN,
                                                                    "Et encore ?")));

  return quiz;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pn-quiz-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "student.db", NULL);
  fixture->quiz = make_quiz ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_unref (fixture->quiz);
  pn_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Grades @response with the question's own grading and records it. */
static void
record (PnStore        *store,
        PnQuiz         *quiz,
        gint64          attempt,
        const char     *question_id,
        PnQuizResponse *response)
{
  g_autoptr(PnQuizResponse) owned = response;
  const PnQuizQuestion *question = pn_quiz_lookup (quiz, question_id);
  g_autoptr(PnQuizGrade) grade = question != NULL ? pn_quiz_grade (question, response) : NULL;
  PnQuizGrade wrong = { .graded = TRUE, .score = 0, .correct = FALSE };
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_store_record_quiz_answer (store, attempt, question_id, response, grade != NULL ? grade : &wrong,
                                              T0 + 10, &error));
  g_assert_no_error (error);
}

static PnQuizResponse *
with_choice (int choice)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  response->choice = choice;
  return response;
}

static PnQuizResponse *
with_text (const char *text)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  response->text = g_strdup (text);
  return response;
}

static PnQuizResponse *
with_indices (const int *indices,
              guint      n)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  for (guint i = 0; i < n; i++)
    pn_quiz_response_add_index (response, indices[i]);
  return response;
}

/* A full attempt at the quiz: every type answered, some right, some wrong,
 * one open question left out. */
static gint64
take_quiz (PnStore *store,
           PnQuiz  *quiz)
{
  g_autoptr(GError) error = NULL;
  gint64 attempt = pn_store_start_quiz_attempt (store, "pack", "bases", 8, FALSE, T0, &error);
  PnQuizResponse *cloze = pn_quiz_response_new ();

  g_assert_no_error (error);
  record (store, quiz, attempt, "unique", with_choice (0));                              /* right */
  record (store, quiz, attempt, "multiple", with_indices ((int[]) { 0 }, 1));            /* 50 % */
  record (store, quiz, attempt, "vrai-faux", with_choice (0));                           /* wrong */
  record (store, quiz, attempt, "courte", with_text ("Seigneurage"));                    /* right */
  record (store, quiz, attempt, "nombre", with_text ("3,5"));                            /* right */
  record (store, quiz, attempt, "paires", with_indices ((int[]) { 1, 0 }, 2));           /* wrong */
  record (store, quiz, attempt, "ordre", with_indices ((int[]) { 0, 1, 2 }, 3));         /* right */
  cloze->gaps = g_strdupv ((char *[]) { "profilage", "*grève* | [x](y)", NULL });
  record (store, quiz, attempt, "trous", cloze);                                         /* 50 % */
  record (store, quiz, attempt, "ouverte", with_text (open_text));
  /* An answer to a question the quiz has since lost. */
  record (store, quiz, attempt, "ancienne", with_text ("x"));
  g_assert_true (pn_store_finish_quiz_attempt (store, attempt, T0 + 600, NULL, &error));
  g_assert_no_error (error);

  return attempt;
}

static char *
export (PnStore    *store,
        PnQuiz     *quiz,
        gint64      attempt_id,
        const char *language)
{
  g_autoptr(PnQuizAttempt) attempt = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = NULL;

  attempt = pn_store_get_quiz_attempt (store, attempt_id, &error);
  g_assert_no_error (error);
  answers = pn_store_get_quiz_answers (store, attempt_id, &error);
  g_assert_no_error (error);

  return pn_quiz_export_markdown ("Prison *numérique*", language, quiz, attempt, answers, utc);
}

static void
assert_contains (const char *markdown,
                 const char *needle)
{
  if (strstr (markdown, needle) == NULL)
    g_error ("not in the export: «%s»\n%s", needle, markdown);
}

/* Each question with its answer and its result, in the quiz's order, the
 * description left out, French labels. */
static void
test_french (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autofree char *markdown = NULL;
  gint64 attempt;

  g_assert_no_error (error);
  attempt = take_quiz (store, fixture->quiz);
  markdown = export (store, fixture->quiz, attempt, "fr-FR");
  g_test_message ("%s", markdown);

  /* The head: quiz, pack (escaped), date, score 5 / 8. */
  g_assert_true (g_str_has_prefix (markdown, "# Résultats\u00a0: Les bases \\[1\\]\n"));
  assert_contains (markdown, "- **Dossier\u00a0:** Prison \\*numérique\\*\n");
  assert_contains (markdown, "- **Date\u00a0:** 02/03/2026 09:10\n");
  assert_contains (markdown, "- **Score\u00a0:** 5 / 8 (63\u00a0%)\n");
  g_assert_null (strstr (markdown, "Tentative"));

  /* Single choice: the question's title, its text, the choice, right. */
  assert_contains (markdown, "## 1. Durand\n\nQui parle de *subsomption totale* ?\n\n"
                             "**Votre réponse\u00a0:** Cédric Durand\n\n**Résultat\u00a0:** juste\n");
  /* Multiple: the choices made, partly right. */
  assert_contains (markdown, "## 2. Question 2\n\nLesquels vendent de la publicité ?\n\n"
                             "**Votre réponse\u00a0:**\n\n- Google\n\n**Résultat\u00a0:** en partie juste (50\u00a0%)\n");
  assert_contains (markdown, "## 3. Question 3\n\nL’audience est un travail.\n\n"
                             "**Votre réponse\u00a0:** Faux\n\n**Résultat\u00a0:** faux\n");
  /* The description is no question: the next is number 4. */
  g_assert_null (strstr (markdown, "Deuxième partie"));
  assert_contains (markdown, "## 4. Question 4\n\nLe revenu du seigneur ?\n\n"
                             "**Votre réponse\u00a0:** Seigneurage\n\n**Résultat\u00a0:** juste\n");
  assert_contains (markdown, "**Votre réponse\u00a0:** 3,5\n\n**Résultat\u00a0:** juste\n");
  /* Matching: each item with the answer given. */
  assert_contains (markdown, "**Votre réponse\u00a0:**\n\n- Lordon → techno-féodalisme\n"
                             "- Durand → consommateur et producteur\n\n**Résultat\u00a0:** faux\n");
  /* Ordering: the steps in the student's order. */
  assert_contains (markdown, "\n1. la mine\n2. le joaillier\n3. la rente\n\n**Résultat\u00a0:** juste\n");
  /* Cloze: each gap as typed, escaped. */
  assert_contains (markdown, "\n1. profilage\n2. \\*grève\\* \\| \\[x\\](y)\n\n"
                             "**Résultat\u00a0:** en partie juste (50\u00a0%)\n");
  /* Open: in full, not graded; the one left out says so. */
  assert_contains (markdown, "## 9. Question 9\n\nQu’en pensez-vous ?\n\n**Votre réponse\u00a0:**\n\n"
                             "> \\# Pas un titre\\\n> \\- pas une liste\\\n");
  assert_contains (markdown, "**Résultat\u00a0:** non noté\n\n## 10. Question 10\n\nEt encore ?\n\n"
                             "**Votre réponse\u00a0:** (sans réponse)\n\n**Résultat\u00a0:** non noté\n");
  /* The answer to a question no longer in the quiz, last. */
  assert_contains (markdown, "## 11. ancienne\n\n(retirée du quiz)\n\n**Résultat\u00a0:** faux\n");
  g_assert_null (strstr (markdown, "## 12."));
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autofree char *markdown = NULL;
  g_autofree char *german = NULL;
  gint64 attempt;

  g_assert_no_error (error);
  attempt = take_quiz (store, fixture->quiz);
  markdown = export (store, fixture->quiz, attempt, "en");

  g_assert_true (g_str_has_prefix (markdown, "# Results: Les bases \\[1\\]\n"));
  assert_contains (markdown, "- **Pack:** Prison \\*numérique\\*\n");
  assert_contains (markdown, "- **Date:** 2026-03-02 09:10\n");
  assert_contains (markdown, "- **Score:** 5 / 8 (63%)\n");
  assert_contains (markdown, "**Your answer:** False\n\n**Result:** wrong\n");
  assert_contains (markdown, "**Result:** partly right (50%)\n");
  assert_contains (markdown, "**Your answer:** (no answer)\n\n**Result:** not graded\n");
  assert_contains (markdown, "(no longer in the quiz)");
  g_assert_null (strstr (markdown, "Votre"));

  /* Any language but French is English. */
  german = export (store, fixture->quiz, attempt, "de");
  g_assert_cmpstr (german, ==, markdown);
}

/* The text of @node's descendants, line breaks as "\n". */
static void
collect_text (cmark_node *node,
              GString    *out)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      switch (cmark_node_get_type (child))
        {
        case CMARK_NODE_TEXT:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_PARAGRAPH:
          if (out->len > 0)
            g_string_append (out, "\n\n");
          collect_text (child, out);
          break;
        default:
          g_error ("a node of type %s in the student's answer", cmark_node_get_type_string (child));
        }
    }
}

/* Read as GFM (the tables and strikethrough extensions on), the summary has
 * the headings it should and no more, and the open answer is one block
 * quote holding only text, the text as typed (each line's blanks trimmed). */
static void
test_structure (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autofree char *markdown = NULL;
  g_autoptr(GString) quoted = g_string_new (NULL);
  cmark_parser *parser;
  cmark_node *document;
  guint n_headings = 0;
  guint n_quotes = 0;
  guint n_html = 0;
  guint n_links = 0;
  gint64 attempt;

  g_assert_no_error (error);
  attempt = take_quiz (store, fixture->quiz);
  markdown = export (store, fixture->quiz, attempt, "fr");

  cmark_gfm_core_extensions_ensure_registered ();
  parser = cmark_parser_new (CMARK_OPT_DEFAULT);
  cmark_parser_attach_syntax_extension (parser, cmark_find_syntax_extension ("table"));
  cmark_parser_attach_syntax_extension (parser, cmark_find_syntax_extension ("strikethrough"));
  cmark_parser_feed (parser, markdown, strlen (markdown));
  document = cmark_parser_finish (parser);

  {
    cmark_iter *iter = cmark_iter_new (document);
    cmark_event_type event;

    while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
      {
        cmark_node *node = cmark_iter_get_node (iter);

        if (event != CMARK_EVENT_ENTER)
          continue;
        switch (cmark_node_get_type (node))
          {
          case CMARK_NODE_HEADING:
            n_headings++;
            break;
          case CMARK_NODE_BLOCK_QUOTE:
            n_quotes++;
            collect_text (node, quoted);
            break;
          case CMARK_NODE_HTML_BLOCK:
          case CMARK_NODE_HTML_INLINE:
            n_html++;
            break;
          case CMARK_NODE_LINK:
          case CMARK_NODE_IMAGE:
            n_links++;
            break;
          default:
            break;
          }
      }
    cmark_iter_free (iter);
  }

  /* The title and 11 questions; one block quote; no HTML nor link anywhere. */
  g_assert_cmpuint (n_headings, ==, 12);
  g_assert_cmpuint (n_quotes, ==, 1);
  g_assert_cmpuint (n_html, ==, 0);
  g_assert_cmpuint (n_links, ==, 0);
  /* As typed, but for the indent of a line, which is no code block. */
  {
    g_auto(GStrv) parts = g_strsplit (open_text, "\n    ", -1);
    g_autofree char *expected = g_strjoinv ("\n", parts);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_cmpstr (quoted->str, ==, expected);
  }

  cmark_node_free (document);
  cmark_parser_free (parser);
}

/* The escaping on its own: invalid UTF-8, control characters, blanks. */
static void
test_escape (void)
{
  g_autofree char *controls = pn_quiz_export_escape ("a\x01\x7f b\u202e c\t\td\r\n");
  g_autofree char *invalid = pn_quiz_export_escape ("ab\xff\xfe" "c");
  g_autofree char *start = pn_quiz_export_escape ("  - 12) 3.5 +1 =2");
  g_autofree char *plain = pn_quiz_export_escape ("L’extraction, c’est du travail : 3,5 % ?");
  g_autofree char *empty = pn_quiz_export_escape (NULL);

  g_assert_cmpstr (controls, ==, "a b c d");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "ab"));
  g_assert_true (g_str_has_suffix (invalid, "c"));
  g_assert_cmpstr (start, ==, "\\- 12) 3.5 +1 =2");
  g_assert_cmpstr (plain, ==, "L’extraction, c’est du travail : 3,5 % ?");
  g_assert_cmpstr (empty, ==, "");
  {
    g_autofree char *list = pn_quiz_export_escape ("12) suite");
    g_autofree char *dot = pn_quiz_export_escape ("3. suite");

    g_assert_cmpstr (list, ==, "12\\) suite");
    g_assert_cmpstr (dot, ==, "3\\. suite");
  }
}

/* A review attempt lists only the questions it asked, and says what it was;
 * the file name; the export read from the store with the pack's title. */
static void
test_review_and_file_name (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (fixture->path, &error);
  g_autoptr(PnQuizAttempt) read = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *markdown = NULL;
  g_autofree char *name = NULL;
  gint64 attempt;

  g_assert_no_error (error);
  attempt = pn_store_start_quiz_attempt (store, "pack", "bases", 1, TRUE, T0, &error);
  record (store, fixture->quiz, attempt, "vrai-faux", with_choice (1));
  g_assert_true (pn_store_finish_quiz_attempt (store, attempt, T0 + 60, &read, &error));
  g_assert_no_error (error);

  markdown = export (store, fixture->quiz, attempt, "fr");
  assert_contains (markdown, "- **Tentative\u00a0:** révision des erreurs\n");
  assert_contains (markdown, "- **Score\u00a0:** 1 / 1 (100\u00a0%)\n");
  assert_contains (markdown, "## 1. Question 1\n\nL’audience est un travail.\n\n**Votre réponse\u00a0:** Vrai\n");
  g_assert_null (strstr (markdown, "## 2."));

  name = pn_quiz_export_file_name (fixture->quiz, read, utc);
  g_assert_cmpstr (name, ==, "bases-2026-03-02.md");

  /* From the store, for a pack: its title and language. */
  {
    g_autoptr(PnPack) pack = pn_test_load_fixture ("good", NULL);
    g_autofree char *from_store = pn_quiz_export_attempt (store, pack, fixture->quiz, attempt, utc, &error);
    g_autofree char *title = pn_quiz_export_escape (pn_pack_get_title (pack));

    g_assert_no_error (error);
    g_assert_nonnull (from_store);
    assert_contains (from_store, title);
    assert_contains (from_store, pn_text_is_french (pn_pack_get_language (pack)) ? "Dossier" : "Pack");
    g_assert_null (pn_quiz_export_attempt (store, pack, fixture->quiz, 9999, utc, &error));
    g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quiz-export/escape", test_escape);
  g_test_add ("/quiz-export/french", Fixture, NULL, fixture_set_up, test_french, fixture_tear_down);
  g_test_add ("/quiz-export/english", Fixture, NULL, fixture_set_up, test_english, fixture_tear_down);
  g_test_add ("/quiz-export/structure", Fixture, NULL, fixture_set_up, test_structure, fixture_tear_down);
  g_test_add ("/quiz-export/review-and-file-name", Fixture, NULL, fixture_set_up, test_review_and_file_name,
              fixture_tear_down);

  return g_test_run ();
}
