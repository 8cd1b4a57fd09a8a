/* pn-quiz-parse.c: reading a quiz file of the pack (JSON)
 *
 * The file's shape is checked here, member by member; what makes a question
 * usable whatever its file (a right answer, weights, items) is checked by
 * pn-quiz-check.c, for the GIFT reader too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "pn-quiz-check.h"
#include "pn-quiz-parse.h"

typedef struct {
  PnJsonFile *json;
  GPtrArray *diagnostics;
} Parser;

#define report(parser, node, severity, ...) \
  pn_json_file_report ((parser)->json, (parser)->diagnostics, (severity), (node), __VA_ARGS__)

static JsonNode *
member (JsonNode   *object,
        const char *key)
{
  return json_object_get_member (json_node_get_object (object), key);
}

/* The optional member @key of @kind, or NULL (reported when of another kind). */
static JsonNode *
typed_member (Parser     *parser,
              JsonNode   *object,
              const char *path,
              const char *key,
              PnJsonKind  kind)
{
  JsonNode *node = member (object, key);
  g_autofree char *member_path = NULL;

  if (node == NULL)
    return NULL;

  member_path = pn_json_path_member (path, key);
  if (!pn_json_file_check_type (parser->json, parser->diagnostics, node, member_path, kind))
    return NULL;

  return node;
}

static char *
optional_text (Parser     *parser,
               JsonNode   *object,
               const char *path,
               const char *key)
{
  JsonNode *node = typed_member (parser, object, path, key, PN_JSON_STRING);
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;

  text = g_strstrip (g_strdup (json_node_get_string (node)));
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
optional_flag (Parser     *parser,
               JsonNode   *object,
               const char *path,
               const char *key)
{
  JsonNode *node = typed_member (parser, object, path, key, PN_JSON_BOOLEAN);

  return node != NULL && json_node_get_boolean (node);
}

static gboolean
optional_number (Parser     *parser,
                 JsonNode   *object,
                 const char *path,
                 const char *key,
                 double     *value)
{
  JsonNode *node = typed_member (parser, object, path, key, PN_JSON_NUMBER);

  if (node == NULL)
    return FALSE;

  *value = json_node_get_double (node);
  return TRUE;
}

/* Each element of the array member @key that is of @kind, with its path;
 * at most PN_QUIZ_MAX_ANSWERS. */
typedef void (*ElementFunc) (Parser *parser, PnQuizQuestion *question, JsonNode *node,
                             const char *path, gpointer data);

static guint
each_element (Parser         *parser,
              PnQuizQuestion *question,
              JsonNode       *object,
              const char     *path,
              const char     *key,
              PnJsonKind      kind,
              ElementFunc     func,
              gpointer        data)
{
  JsonNode *node = typed_member (parser, object, path, key, PN_JSON_ARRAY);
  g_autofree char *array_path = NULL;
  JsonArray *array;
  guint n = 0;

  if (node == NULL)
    return 0;

  array_path = pn_json_path_member (path, key);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = NULL;

      if (!pn_json_file_check_count (parser->json, parser->diagnostics, node, array_path, i,
                                     PN_QUIZ_MAX_ANSWERS))
        break;
      element_path = pn_json_path_element (array_path, i);
      if (!pn_json_file_check_type (parser->json, parser->diagnostics, element, element_path, kind))
        continue;
      func (parser, question, element, element_path, data);
      n++;
    }

  return n;
}

/* Answers */

/* The weight of an answer: "weight" when written, else 100 for "correct":
 * true, 0 for false, and @default_weight with neither. */
static double
read_weight (Parser     *parser,
             JsonNode   *node,
             const char *path,
             double      default_weight)
{
  JsonNode *correct = typed_member (parser, node, path, "correct", PN_JSON_BOOLEAN);
  double weight;

  /* Its range is checked with the question's (pn-quiz-check.c). */
  if (optional_number (parser, node, path, "weight", &weight))
    return weight;
  if (correct != NULL)
    return json_node_get_boolean (correct) ? 100 : 0;

  return default_weight;
}

typedef struct {
  GPtrArray *answers;
  double default_weight;
  gboolean numbers;
} AnswerList;

static void
read_answer (Parser         *parser,
             PnQuizQuestion *question,
             JsonNode       *node,
             const char     *path,
             gpointer        data)
{
  static const char * const text_keys[] = { "text", "correct", "weight", "feedback", NULL };
  static const char * const number_keys[] = {
    "value", "tolerance", "min", "max", "any", "correct", "weight", "feedback", NULL
  };
  AnswerList *list = data;
  PnQuizAnswer *answer = g_new0 (PnQuizAnswer, 1);

  pn_json_file_warn_unknown_keys (parser->json, parser->diagnostics, node, path,
                                  list->numbers ? number_keys : text_keys);
  answer->line = pn_json_file_get_line (parser->json, node);
  answer->weight = read_weight (parser, node, path, list->default_weight);
  answer->feedback = optional_text (parser, node, path, "feedback");

  if (!list->numbers)
    {
      answer->text = pn_json_file_dup_text (parser->json, parser->diagnostics, node, path, "text");
      if (answer->text == NULL)
        answer->text = g_strdup ("");
    }
  else if (optional_flag (parser, node, path, "any"))
    {
      answer->any = TRUE;
    }
  else
    {
      double value = 0;
      double tolerance = 0;

      if (optional_number (parser, node, path, "value", &value))
        {
          optional_number (parser, node, path, "tolerance", &tolerance);
          if (tolerance < 0)
            report (parser, member (node, "tolerance"), PN_SEVERITY_ERROR,
                    _("%s.tolerance must not be negative"), path);
          answer->min = value - fabs (tolerance);
          answer->max = value + fabs (tolerance);
        }
      else if (optional_number (parser, node, path, "min", &answer->min) &&
               optional_number (parser, node, path, "max", &answer->max))
        {
          answer->is_range = TRUE;
          if (answer->min > answer->max)
            report (parser, member (node, "min"), PN_SEVERITY_ERROR,
                    _("%s: min is above max"), path);
        }
      else
        {
          report (parser, node, PN_SEVERITY_ERROR,
                  _("%s needs a \"value\" (and a \"tolerance\"), a \"min\" and a \"max\", or \"any\": true"),
                  path);
        }
    }

  g_ptr_array_add (list->answers, answer);
}

static void
read_answers (Parser         *parser,
              PnQuizQuestion *question,
              JsonNode       *node,
              const char     *path,
              GPtrArray      *answers,
              double          default_weight,
              gboolean        numbers)
{
  AnswerList list = { answers, default_weight, numbers };

  if (member (node, "answers") == NULL)
    {
      report (parser, node, PN_SEVERITY_ERROR, _("%s ('%s') has no \"answers\""), path, question->id);
      return;
    }
  each_element (parser, question, node, path, "answers", PN_JSON_OBJECT, read_answer, &list);
}

/* Matching, ordering, cloze */

static void
read_pair (Parser         *parser,
           PnQuizQuestion *question,
           JsonNode       *node,
           const char     *path,
           gpointer        data)
{
  static const char * const keys[] = { "item", "match", NULL };
  g_autofree char *item = NULL;
  g_autofree char *match = NULL;

  pn_json_file_warn_unknown_keys (parser->json, parser->diagnostics, node, path, keys);
  item = pn_json_file_dup_text (parser->json, parser->diagnostics, node, path, "item");
  match = pn_json_file_dup_text (parser->json, parser->diagnostics, node, path, "match");
  if (item != NULL && match != NULL)
    pn_quiz_question_add_pair (question, g_strstrip (item), g_strstrip (match))->line =
      pn_json_file_get_line (parser->json, node);
}

/* The string element @node stripped, or NULL when blank (reported). */
static char *
element_text (Parser     *parser,
              JsonNode   *node,
              const char *path)
{
  char *text = g_strstrip (g_strdup (json_node_get_string (node)));

  if (text[0] == '\0')
    {
      report (parser, node, PN_SEVERITY_ERROR, _("%s is empty"), path);
      g_clear_pointer (&text, g_free);
    }

  return text;
}

static void
read_distractor (Parser         *parser,
                 PnQuizQuestion *question,
                 JsonNode       *node,
                 const char     *path,
                 gpointer        data)
{
  g_autofree char *text = element_text (parser, node, path);

  if (text != NULL)
    pn_quiz_question_add_pair (question, NULL, text)->line = pn_json_file_get_line (parser->json, node);
}

static void
read_step (Parser         *parser,
           PnQuizQuestion *question,
           JsonNode       *node,
           const char     *path,
           gpointer        data)
{
  g_autofree char *text = element_text (parser, node, path);

  if (text != NULL)
    g_strv_builder_add (data, text);
}

static void
read_gap (Parser         *parser,
          PnQuizQuestion *question,
          JsonNode       *node,
          const char     *path,
          gpointer        data)
{
  static const char * const keys[] = { "type", "answers", NULL };
  g_autofree char *kind = pn_json_file_dup_string (parser->json, parser->diagnostics, node, path,
                                                   "type", FALSE);
  PnQuizGap *gap;

  pn_json_file_warn_unknown_keys (parser->json, parser->diagnostics, node, path, keys);
  if (kind != NULL && !g_str_equal (kind, "text") && !g_str_equal (kind, "choice"))
    {
      report (parser, member (node, "type"), PN_SEVERITY_ERROR,
              _("%s.type: '%s' is not a kind of gap (\"text\" or \"choice\")"), path, kind);
      return;
    }

  gap = pn_quiz_question_add_gap (question, g_strcmp0 (kind, "choice") == 0 ? PN_QUIZ_GAP_CHOICE
                                                                            : PN_QUIZ_GAP_TEXT);
  gap->line = pn_json_file_get_line (parser->json, node);
  read_answers (parser, question, node, path, gap->answers,
                gap->kind == PN_QUIZ_GAP_CHOICE ? 0 : 100, FALSE);
}

/* Questions */

static void
read_passage (Parser         *parser,
              PnQuizQuestion *question,
              JsonNode       *object,
              const char     *path)
{
  static const char * const keys[] = { "document", "quote", NULL };
  JsonNode *node = typed_member (parser, object, path, "passage", PN_JSON_OBJECT);
  g_autofree char *passage_path = NULL;
  g_autofree char *document = NULL;
  g_autofree char *quote = NULL;

  if (node == NULL)
    return;

  passage_path = pn_json_path_member (path, "passage");
  pn_json_file_warn_unknown_keys (parser->json, parser->diagnostics, node, passage_path, keys);
  document = pn_json_file_dup_string (parser->json, parser->diagnostics, node, passage_path,
                                      "document", TRUE);
  quote = optional_text (parser, node, passage_path, "quote");
  if (document == NULL)
    return;

  pn_quiz_question_set_passage (question, document, quote);
  question->passage->line = pn_json_file_get_line (parser->json, node);
}

static void
read_tag (Parser         *parser,
          PnQuizQuestion *question,
          JsonNode       *node,
          const char     *path,
          gpointer        data)
{
  g_strv_builder_add (data, json_node_get_string (node));
}

static void
read_body (Parser         *parser,
           PnQuizQuestion *question,
           JsonNode       *node,
           const char     *path)
{
  g_autoptr(GStrvBuilder) steps = NULL;
  JsonNode *truth;

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
      read_answers (parser, question, node, path, question->answers, 0, FALSE);
      break;
    case PN_QUESTION_SHORT:
      read_answers (parser, question, node, path, question->answers, 100, FALSE);
      break;
    case PN_QUESTION_NUMERICAL:
      read_answers (parser, question, node, path, question->answers, 100, TRUE);
      break;
    case PN_QUESTION_TRUE_FALSE:
      truth = pn_json_file_get_member (parser->json, parser->diagnostics, node, path, "answer", TRUE);
      if (truth != NULL)
        {
          g_autofree char *answer_path = pn_json_path_member (path, "answer");

          if (pn_json_file_check_type (parser->json, parser->diagnostics, truth, answer_path,
                                       PN_JSON_BOOLEAN))
            question->truth = json_node_get_boolean (truth);
        }
      question->feedback_true = optional_text (parser, node, path, "feedback_true");
      question->feedback_false = optional_text (parser, node, path, "feedback_false");
      break;
    case PN_QUESTION_MATCHING:
      each_element (parser, question, node, path, "pairs", PN_JSON_OBJECT, read_pair, NULL);
      each_element (parser, question, node, path, "distractors", PN_JSON_STRING, read_distractor, NULL);
      break;
    case PN_QUESTION_ORDERING:
      steps = g_strv_builder_new ();
      each_element (parser, question, node, path, "steps", PN_JSON_STRING, read_step, steps);
      g_strfreev (question->steps);
      question->steps = g_strv_builder_end (steps);
      break;
    case PN_QUESTION_CLOZE:
      each_element (parser, question, node, path, "gaps", PN_JSON_OBJECT, read_gap, NULL);
      break;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      break;
    }
}

static const char * const *
keys_of (PnQuestionType type)
{
  static const char * const common[] = {
    "id", "type", "title", "text", "explanation", "hint", "passage", "tags", NULL
  };
  static const char * const with_answers[] = {
    "id", "type", "title", "text", "explanation", "hint", "passage", "tags", "answers", NULL
  };
  static const char * const text_answers[] = {
    "id", "type", "title", "text", "explanation", "hint", "passage", "tags", "answers",
    "match_case", "match_accents", "allow_typo", NULL
  };
  static const char * const true_false[] = {
    "id", "type", "title", "text", "explanation", "hint", "passage", "tags", "answer",
    "feedback_true", "feedback_false", NULL
  };
  static const char * const matching[] = {
    "id", "type", "title", "text", "explanation", "hint", "passage", "tags", "pairs", "distractors", NULL
  };
  static const char * const ordering[] = {
    "id", "type", "title", "text", "explanation", "hint", "passage", "tags", "steps", NULL
  };
  static const char * const cloze[] = {
    "id", "type", "title", "text", "explanation", "hint", "passage", "tags", "gaps",
    "match_case", "match_accents", "allow_typo", NULL
  };

  switch (type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
    case PN_QUESTION_NUMERICAL:
      return with_answers;
    case PN_QUESTION_SHORT:
      return text_answers;
    case PN_QUESTION_TRUE_FALSE:
      return true_false;
    case PN_QUESTION_MATCHING:
      return matching;
    case PN_QUESTION_ORDERING:
      return ordering;
    case PN_QUESTION_CLOZE:
      return cloze;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      return common;
    }
}

static PnQuizQuestion *
read_question (Parser     *parser,
               JsonNode   *node,
               const char *path,
               GHashTable *document_ids)
{
  g_autoptr(PnQuizQuestion) question = NULL;
  g_autofree char *id = NULL;
  g_autofree char *type_name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  PnQuestionType type;
  guint errors_before = pn_diagnostics_count (parser->diagnostics, PN_SEVERITY_ERROR);

  if (!pn_json_file_check_type (parser->json, parser->diagnostics, node, path, PN_JSON_OBJECT))
    return NULL;

  id = pn_json_file_dup_string (parser->json, parser->diagnostics, node, path, "id", TRUE);
  type_name = pn_json_file_dup_string (parser->json, parser->diagnostics, node, path, "type", TRUE);
  if (id == NULL || type_name == NULL)
    return NULL;

  if (!g_regex_match_simple (PN_QUESTION_ID_PATTERN, id, G_REGEX_DOLLAR_ENDONLY, 0) || strlen (id) > 64)
    {
      report (parser, member (node, "id"), PN_SEVERITY_ERROR,
              _("%s.id: '%s' is not a valid question id (up to 64 letters, digits, '.', '-' and '_', "
                "starting with a letter or digit); the question was left out"), path, id);
      return NULL;
    }
  if (!pn_question_type_from_string (type_name, &type))
    {
      report (parser, member (node, "type"), PN_SEVERITY_ERROR,
              _("%s.type: '%s' is not a question type (single, multiple, true_false, short, "
                "numerical, matching, ordering, cloze, open, description); the question was left out"),
              path, type_name);
      return NULL;
    }

  pn_json_file_warn_unknown_keys (parser->json, parser->diagnostics, node, path, keys_of (type));
  text = pn_json_file_dup_text (parser->json, parser->diagnostics, node, path, "text");
  if (text == NULL)
    return NULL;

  question = pn_quiz_question_new (id, type, g_strstrip (text));
  question->line = pn_json_file_get_line (parser->json, node);
  question->title = optional_text (parser, node, path, "title");
  question->explanation = optional_text (parser, node, path, "explanation");
  question->hint = optional_text (parser, node, path, "hint");
  question->match_case = optional_flag (parser, node, path, "match_case");
  question->match_accents = optional_flag (parser, node, path, "match_accents");
  question->allow_typo = optional_flag (parser, node, path, "allow_typo");
  read_passage (parser, question, node, path);
  each_element (parser, question, node, path, "tags", PN_JSON_STRING, read_tag, tags);
  g_strfreev (question->tags);
  question->tags = g_strv_builder_end (tags);

  read_body (parser, question, node, path);

  if (!pn_quiz_check_question (question, pn_json_file_get_name (parser->json), document_ids,
                               parser->diagnostics))
    return NULL;
  /* Any error in its members: the question is not asked as written. */
  if (pn_diagnostics_count (parser->diagnostics, PN_SEVERITY_ERROR) > errors_before)
    return NULL;

  return g_steal_pointer (&question);
}

PnQuiz *
pn_quiz_parse (PnJsonFile *json,
               GHashTable *document_ids,
               GPtrArray  *diagnostics)
{
  static const char * const keys[] = { "$schema", "id", "title", "description", "questions", NULL };
  g_autoptr(GPtrArray) own = NULL;
  Parser parser = { json, diagnostics };
  JsonNode *root;
  JsonNode *questions;
  JsonArray *array;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PnQuiz *quiz;

  g_return_val_if_fail (json != NULL, NULL);

  /* The checks count errors: keep them even when the caller does not. */
  if (diagnostics == NULL)
    parser.diagnostics = own = pn_diagnostics_new ();

  root = pn_json_file_get_root (json);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      report (&parser, root, PN_SEVERITY_ERROR,
              _("a quiz file must be a JSON object with \"id\", \"title\" and \"questions\", not %s"),
              pn_json_describe_type (root));
      return NULL;
    }

  pn_json_file_warn_unknown_keys (json, parser.diagnostics, root, "", keys);
  id = pn_json_file_dup_string (json, parser.diagnostics, root, "", "id", TRUE);
  title = pn_json_file_dup_text (json, parser.diagnostics, root, "", "title");
  description = optional_text (&parser, root, "", "description");
  questions = pn_json_file_get_member (json, parser.diagnostics, root, "", "questions", TRUE);
  if (id == NULL || questions == NULL ||
      !pn_json_file_check_type (json, parser.diagnostics, questions, "questions", PN_JSON_ARRAY))
    return NULL;
  if (!g_regex_match_simple (PN_QUIZ_ID_PATTERN, id, G_REGEX_DOLLAR_ENDONLY, 0))
    {
      report (&parser, member (root, "id"), PN_SEVERITY_ERROR,
              _("id: '%s' is not a valid quiz id (lowercase letters, digits, '-' and '_', "
                "starting with a letter or digit)"), id);
      return NULL;
    }

  quiz = pn_quiz_new (id, title, pn_json_file_get_name (json));
  pn_quiz_set_description (quiz, description);

  array = json_node_get_array (questions);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *path = NULL;
      PnQuizQuestion *question;
      JsonNode *first;

      if (!pn_json_file_check_count (json, parser.diagnostics, questions, "questions", i,
                                     PN_QUIZ_MAX_QUESTIONS))
        break;
      path = pn_json_path_element ("questions", i);
      question = read_question (&parser, node, path, document_ids);
      if (question == NULL)
        continue;

      first = g_hash_table_lookup (seen, question->id);
      if (first != NULL)
        {
          report (&parser, member (node, "id"), PN_SEVERITY_ERROR,
                  _("duplicate question id '%s' (first at line %d); this question was left out"),
                  question->id, pn_json_file_get_line (json, first));
          pn_quiz_question_free (question);
          continue;
        }
      g_hash_table_insert (seen, g_strdup (question->id), node);
      pn_quiz_add_question (quiz, question);
    }

  if (json_array_get_length (array) == 0)
    report (&parser, questions, PN_SEVERITY_WARNING, "%s", _("the quiz has no questions"));

  return quiz;
}
