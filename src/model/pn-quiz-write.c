/* pn-quiz-write.c: a quiz written as the pack's quiz JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "pn-quiz-write.h"

/* @value with each control character as U+FFFD: they mean nothing in a
 * question, json-glib 1.6 leaves U+001F unescaped (which no JSON reader
 * takes), and a replacement keeps a text from becoming empty. */
static char *
clean_text (const char *value)
{
  GString *clean = g_string_sized_new (strlen (value));

  for (const char *from = value; *from != '\0'; from++)
    {
      if ((guchar) *from >= 0x20 || *from == '\n' || *from == '\t')
        g_string_append_c (clean, *from);
      else
        g_string_append (clean, "\xef\xbf\xbd");
    }

  return g_string_free (clean, FALSE);
}

static void
put_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL)
    return;

  clean = clean_text (value);
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, clean);
}

static void
put_flag (JsonBuilder *builder,
          const char  *key,
          gboolean     value)
{
  if (!value)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, TRUE);
}

static void
put_number (JsonBuilder *builder,
            const char  *key,
            double       value)
{
  json_builder_set_member_name (builder, key);
  /* Whole numbers as integers; the range first, for the cast. */
  if (value > -1e15 && value < 1e15 && value == (double) (gint64) value)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* Answers as the reader takes them: weights written unless they are the
 * default (@default_weight: 0 for choices, 100 for typed answers). */
static void
put_answers (JsonBuilder *builder,
             GPtrArray   *answers,
             double       default_weight,
             gboolean     numbers)
{
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      json_builder_begin_object (builder);
      if (!numbers)
        put_string (builder, "text", answer->text);
      else if (answer->any)
        put_flag (builder, "any", TRUE);
      else if (answer->is_range)
        {
          put_number (builder, "min", answer->min);
          put_number (builder, "max", answer->max);
        }
      else
        {
          put_number (builder, "value", (answer->min + answer->max) / 2);
          if (answer->max > answer->min)
            put_number (builder, "tolerance", (answer->max - answer->min) / 2);
        }
      if (answer->weight == 100 && default_weight == 0)
        put_flag (builder, "correct", TRUE);
      else if (answer->weight != default_weight)
        put_number (builder, "weight", answer->weight);
      put_string (builder, "feedback", answer->feedback);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
put_strings (JsonBuilder        *builder,
             const char         *key,
             const char * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *clean = clean_text (values[i]);

      json_builder_add_string_value (builder, clean);
    }
  json_builder_end_array (builder);
}

static void
put_pairs (JsonBuilder          *builder,
           const PnQuizQuestion *question)
{
  g_autoptr(GStrvBuilder) distractors = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < question->pairs->len; i++)
    {
      const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);

      if (pair->item == NULL)
        {
          g_strv_builder_add (distractors, pair->match);
          continue;
        }
      json_builder_begin_object (builder);
      put_string (builder, "item", pair->item);
      put_string (builder, "match", pair->match);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  list = g_strv_builder_end (distractors);
  if (list[0] != NULL)
    put_strings (builder, "distractors", (const char * const *) list);
}

static void
put_body (JsonBuilder          *builder,
          const PnQuizQuestion *question)
{
  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
      put_answers (builder, question->answers, 0, FALSE);
      break;
    case PN_QUESTION_SHORT:
      put_answers (builder, question->answers, 100, FALSE);
      break;
    case PN_QUESTION_NUMERICAL:
      put_answers (builder, question->answers, 100, TRUE);
      break;
    case PN_QUESTION_TRUE_FALSE:
      json_builder_set_member_name (builder, "answer");
      json_builder_add_boolean_value (builder, question->truth);
      put_string (builder, "feedback_true", question->feedback_true);
      put_string (builder, "feedback_false", question->feedback_false);
      break;
    case PN_QUESTION_MATCHING:
      put_pairs (builder, question);
      break;
    case PN_QUESTION_ORDERING:
      put_strings (builder, "steps", (const char * const *) question->steps);
      break;
    case PN_QUESTION_CLOZE:
      json_builder_set_member_name (builder, "gaps");
      json_builder_begin_array (builder);
      for (guint i = 0; i < question->gaps->len; i++)
        {
          const PnQuizGap *gap = g_ptr_array_index (question->gaps, i);

          json_builder_begin_object (builder);
          put_string (builder, "type", gap->kind == PN_QUIZ_GAP_CHOICE ? "choice" : "text");
          put_answers (builder, gap->answers, gap->kind == PN_QUIZ_GAP_CHOICE ? 0 : 100, FALSE);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      break;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      break;
    }

  if (question->type == PN_QUESTION_SHORT || question->type == PN_QUESTION_CLOZE)
    {
      put_flag (builder, "match_case", question->match_case);
      put_flag (builder, "match_accents", question->match_accents);
      put_flag (builder, "allow_typo", question->allow_typo);
    }
}

static void
put_question (JsonBuilder          *builder,
              const PnQuizQuestion *question)
{
  json_builder_begin_object (builder);
  put_string (builder, "id", question->id);
  put_string (builder, "type", pn_question_type_to_string (question->type));
  put_string (builder, "title", question->title);
  put_string (builder, "text", question->text);
  put_body (builder, question);
  put_string (builder, "explanation", question->explanation);
  put_string (builder, "hint", question->hint);
  if (question->passage != NULL)
    {
      json_builder_set_member_name (builder, "passage");
      json_builder_begin_object (builder);
      put_string (builder, "document", question->passage->document);
      put_string (builder, "quote", question->passage->quote);
      json_builder_end_object (builder);
    }
  if (question->tags[0] != NULL)
    put_strings (builder, "tags", (const char * const *) question->tags);
  json_builder_end_object (builder);
}

char *
pn_quiz_to_json (PnQuiz *quiz)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *questions;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PN_IS_QUIZ (quiz), NULL);

  questions = pn_quiz_get_questions (quiz);
  json_builder_begin_object (builder);
  put_string (builder, "id", pn_quiz_get_id (quiz));
  put_string (builder, "title", pn_quiz_get_title (quiz));
  if (pn_quiz_get_description (quiz)[0] != '\0')
    put_string (builder, "description", pn_quiz_get_description (quiz));
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < questions->len; i++)
    put_question (builder, g_ptr_array_index (questions, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}
