/* pn-gift-parse.c: reading Moodle's GIFT question format into a quiz
 *
 * As Moodle reads it: the file is cut into blocks at blank lines, comment
 * lines are blanked, escaped characters are set aside (as private-use
 * characters, so that splitting on ~ = # never sees them), then each block
 * is a category, a description or a question whose type its answer block
 * tells. Lines are kept so that every message names one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pn-file.h"
#include "pn-gift-parse.h"
#include "pn-gift-private.h"
#include "pn-quiz-check.h"
#include "pn-quiz-parse.h"
#include "pn-text.h"



/* A question's lines, comments blanked. */
typedef struct {
  GString *text;
  int line;                /* of its first line */
  char *id;                /* [id:…] */
  GStrvBuilder *tags;      /* [tag:…] */
  char *hint;
  char *passage;           /* "DOC: quote" */
  char *options;
  gboolean has_content;
} Block;


/* Ids */

char *
pn_gift_make_id (const char *text)
{
  g_autofree char *folded = pn_text_fold_accents (text != NULL ? text : "");
  GString *id = g_string_new (NULL);

  for (const char *p = folded; *p != '\0' && id->len < 60; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_')
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  /* It starts with a letter or a digit. */
  while (id->len > 0 && !g_ascii_isalnum (id->str[0]))
    g_string_erase (id, 0, 1);

  return g_string_free (id, FALSE);
}

static char *
question_id (PnGiftParser *parser,
             const char   *wanted,
             const char   *title)
{
  g_autofree char *base = NULL;
  char *id;

  if (wanted != NULL && g_regex_match_simple (PN_QUESTION_ID_PATTERN, wanted, G_REGEX_DOLLAR_ENDONLY, 0) && strlen (wanted) <= 64)
    base = g_strdup (wanted);
  else if (title != NULL)
    base = pn_gift_make_id (title);
  if (base == NULL || base[0] == '\0')
    {
      g_free (base);
      base = g_strdup_printf ("q%u", parser->n_questions);
    }

  id = g_strdup (base);
  for (guint n = 2; pn_quiz_lookup (parser->quiz, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  return id;
}

/* Reading a block */

static int
line_at (const Block *block,
         const char  *text,
         const char  *at)
{
  int line = block->line;

  for (const char *p = text; p < at && *p != '\0'; p++)
    line += *p == '\n';

  return line;
}

/* The comments that carry what GIFT cannot write. */
static void
apply_notes (Block          *block,
             PnQuizQuestion *question)
{
  if (block->hint != NULL)
    question->hint = g_strdup (block->hint);
  if (block->passage != NULL)
    {
      const char *colon = strchr (block->passage, ':');
      g_autofree char *document = g_strndup (block->passage, colon != NULL ? colon - block->passage
                                                                          : (long) strlen (block->passage));
      g_autofree char *quote = colon != NULL ? g_strstrip (g_strdup (colon + 1)) : NULL;

      pn_quiz_question_set_passage (question, g_strstrip (document), quote);
      question->passage->line = question->line;
    }
  if (block->options != NULL)
    {
      question->match_case = strstr (block->options, "match_case") != NULL;
      question->match_accents = strstr (block->options, "match_accents") != NULL;
      question->allow_typo = strstr (block->options, "allow_typo") != NULL;
    }
  g_strfreev (question->tags);
  question->tags = g_strv_builder_end (block->tags);
}

/* The question of @block, or NULL (reported). */
static PnQuizQuestion *
read_question (PnGiftParser *parser,
               Block        *block)
{
  g_autofree char *text = pn_gift_set_escapes_aside (block->text->str);
  g_autoptr(PnQuizQuestion) question = NULL;
  g_autofree char *title = NULL;
  g_autofree char *general = NULL;
  const char *body = text;
  const char *open;
  const char *close;
  const char *answer;
  const char *answer_end;
  const char *after;
  const char *end;
  PnGiftFormat format = PN_GIFT_FORMAT_MOODLE;
  g_autofree char *stem = NULL;
  g_autofree char *answer_text = NULL;
  PnQuestionType type;
  int line = block->line;
  gboolean ok = TRUE;

  /* Numbered as met, whether it can be read or not. */
  parser->n_questions++;
  while (g_ascii_isspace (*body))
    body++;
  line = line_at (block, text, body);

  if (g_str_has_prefix (body, "::"))
    {
      const char *name_end = strstr (body + 2, "::");

      if (name_end != NULL)
        {
          title = pn_gift_restore (body + 2, name_end - body - 2);
          if (title[0] == '\0')
            g_clear_pointer (&title, g_free);
          body = name_end + 2;
        }
    }

  open = strchr (body, '{');
  close = strchr (body, '}');
  if (open == NULL && close == NULL)
    {
      g_autofree char *id = NULL;

      /* A description: text only. */
      id = question_id (parser, block->id, title);
      question = pn_quiz_question_new (id, PN_QUESTION_DESCRIPTION, NULL);
      g_free (question->text);
      question->text = pn_gift_to_markdown (body, -1, format);
      question->title = g_steal_pointer (&title);
      question->line = line;
      apply_notes (block, question);
      if (!pn_quiz_check_question (question, parser->file, parser->document_ids, parser->diagnostics))
        return NULL;
      return g_steal_pointer (&question);
    }
  if (open == NULL || close == NULL || close < open)
    {
      pn_gift_error_at (parser, line_at (block, text, open != NULL ? open : close),
                _("unbalanced braces: a '%c' has no matching '%c'; the question was left out"),
                open != NULL ? '{' : '}', open != NULL ? '}' : '{');
      return NULL;
    }
  if (strchr (open + 1, '{') != NULL && strchr (open + 1, '{') < close)
    {
      pn_gift_error_at (parser, line_at (block, text, strchr (open + 1, '{')),
                "%s", _("a '{' inside an answer block (write \\{ for a brace); the question was left out"));
      return NULL;
    }
  if (strchr (close + 1, '{') != NULL || strchr (close + 1, '}') != NULL)
    {
      pn_gift_error_at (parser, line_at (block, text, close + 1),
                "%s", _("a GIFT question holds one answer block; this one has more, or a stray brace; "
                        "the question was left out"));
      return NULL;
    }

  after = close + 1;
  while (g_ascii_isspace (*after))
    after++;
  answer = open + 1;
  answer_end = close;
  {
    /* General feedback: after the last ####. */
    const char *general_at = g_strrstr_len (answer, answer_end - answer, "####");

    if (general_at != NULL)
      {
        general = g_strndup (general_at + 4, answer_end - general_at - 4);
        answer_end = general_at;
      }
  }
  answer_text = g_strstrip (g_strndup (answer, answer_end - answer));
  pn_gift_text_take_format (body, &format);

  if (answer_text[0] == '\0')
    type = PN_QUESTION_OPEN;
  else if (answer_text[0] == '#')
    type = PN_QUESTION_NUMERICAL;
  else if (strchr (answer_text, '~') != NULL)
    type = strchr (answer_text, '=') != NULL ? PN_QUESTION_SINGLE : PN_QUESTION_MULTIPLE;
  else if (strchr (answer_text, '=') != NULL && strstr (answer_text, "->") != NULL)
    type = PN_QUESTION_MATCHING;
  else if (pn_gift_is_true_false (answer_text))
    type = PN_QUESTION_TRUE_FALSE;
  else
    type = PN_QUESTION_SHORT;

  /* The answer block inside the sentence: a missing word. */
  if (*after != '\0' && (type == PN_QUESTION_SINGLE || type == PN_QUESTION_SHORT))
    {
      g_autofree char *before = g_strndup (body, open - body);

      stem = g_strconcat (before, "{{1}}", close + 1, NULL);
    }
  else if (*after != '\0')
    {
      g_autofree char *before = g_strndup (body, open - body);

      stem = g_strconcat (before, "_____", close + 1, NULL);
    }
  else
    stem = g_strndup (body, open - body);

  {
    g_autofree char *id = question_id (parser, block->id, title);
    PnQuestionType kind = *after != '\0' && (type == PN_QUESTION_SINGLE || type == PN_QUESTION_SHORT)
                          ? PN_QUESTION_CLOZE : type;

    question = pn_quiz_question_new (id, kind, NULL);
  }
  g_free (question->text);
  {
    /* The stem's {{1}} must survive the conversion to Markdown. */
    g_autofree char *markdown = pn_gift_to_markdown (stem, -1, format);

    question->text = markdown[0] != '\0' ? g_steal_pointer (&markdown) : g_strdup ("");
  }
  question->title = g_steal_pointer (&title);
  question->line = line;
  if (general != NULL)
    question->explanation = pn_gift_optional_markdown (general, -1, format);
  apply_notes (block, question);

  end = answer_text + strlen (answer_text);
  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
      ok = pn_gift_read_choices (parser, question, question->answers, answer_text, end, format, FALSE);
      break;
    case PN_QUESTION_CLOZE:
      {
        PnQuizGap *gap = pn_quiz_question_add_gap (question, type == PN_QUESTION_SINGLE
                                                             ? PN_QUIZ_GAP_CHOICE : PN_QUIZ_GAP_TEXT);

        gap->line = line;
        if (type == PN_QUESTION_SINGLE)
          ok = pn_gift_read_choices (parser, question, gap->answers, answer_text, end, format, TRUE);
        else
          ok = pn_gift_read_short (parser, question, gap->answers, answer_text, end, format);
      }
      break;
    case PN_QUESTION_SHORT:
      ok = pn_gift_read_short (parser, question, question->answers, answer_text, end, format);
      break;
    case PN_QUESTION_NUMERICAL:
      ok = pn_gift_read_numerical (parser, question, answer_text + 1, end, format, line);
      break;
    case PN_QUESTION_MATCHING:
      ok = pn_gift_read_matching (parser, question, answer_text, end, format, line);
      break;
    case PN_QUESTION_TRUE_FALSE:
      ok = pn_gift_read_true_false (question, answer_text, format);
      break;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    case PN_QUESTION_ORDERING:
    default:
      break;
    }

  if (!ok || !pn_quiz_check_question (question, parser->file, parser->document_ids, parser->diagnostics))
    return NULL;

  return g_steal_pointer (&question);
}

/* Blocks */

static void
block_clear (Block *block)
{
  g_string_truncate (block->text, 0);
  g_clear_pointer (&block->id, g_free);
  g_clear_pointer (&block->hint, g_free);
  g_clear_pointer (&block->passage, g_free);
  g_clear_pointer (&block->options, g_free);
  g_clear_pointer (&block->tags, g_strv_builder_unref);
  block->tags = g_strv_builder_new ();
  block->has_content = FALSE;
  block->line = 0;
}

/* [key:value] and "key: value" notes of a comment line. */
static void
read_comment (Block      *block,
              const char *comment)
{
  const char *p = comment;

  while (g_ascii_isspace (*p))
    p++;
  if (g_str_has_prefix (p, "hint:"))
    {
      g_free (block->hint);
      block->hint = g_strstrip (g_strcompress (p + 5));
      return;
    }
  if (g_str_has_prefix (p, "passage:"))
    {
      g_free (block->passage);
      block->passage = g_strstrip (g_strcompress (p + 8));
      return;
    }
  if (g_str_has_prefix (p, "options:"))
    {
      g_free (block->options);
      block->options = g_strdup (p + 8);
      return;
    }

  for (const char *at = strchr (p, '['); at != NULL; at = strchr (at + 1, '['))
    {
      const char *end = strchr (at, ']');
      g_autofree char *value = NULL;

      if (end == NULL)
        break;
      if (g_str_has_prefix (at, "[id:"))
        {
          g_free (block->id);
          block->id = g_strstrip (g_strndup (at + 4, end - at - 4));
        }
      else if (g_str_has_prefix (at, "[tag:"))
        {
          value = g_strstrip (g_strndup (at + 5, end - at - 5));
          if (value[0] != '\0')
            g_strv_builder_add (block->tags, value);
        }
    }
}

static void
end_block (PnGiftParser *parser,
           Block        *block)
{
  g_autofree char *trimmed = NULL;
  PnQuizQuestion *question;

  if (!block->has_content)
    {
      block_clear (block);
      return;
    }

  trimmed = g_strstrip (g_strdup (block->text->str));
  if (g_str_has_prefix (trimmed, "$CATEGORY:"))
    {
      g_free (parser->category);
      parser->category = g_strstrip (g_strdup (trimmed + strlen ("$CATEGORY:")));
      block_clear (block);
      return;
    }

  if (pn_quiz_get_questions (parser->quiz)->len >= PN_QUIZ_MAX_QUESTIONS)
    {
      if (!parser->capped)
        pn_gift_error_at (parser, block->line, _("a quiz holds at most %d questions; this one and the ones "
                                         "after it were left out"), PN_QUIZ_MAX_QUESTIONS);
      parser->capped = TRUE;
      block_clear (block);
      return;
    }

  question = read_question (parser, block);
  if (question != NULL)
    pn_quiz_add_question (parser->quiz, question);
  block_clear (block);
}

static char *
quiz_name (const char *file)
{
  g_autofree char *base = g_path_get_basename (file != NULL ? file : "gift");
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

PnQuiz *
pn_gift_parse (const char *data,
               gsize       length,
               const char *file,
               const char *quiz_id,
               GHashTable *document_ids,
               GPtrArray  *diagnostics)
{
  g_autoptr(GPtrArray) own = NULL;
  g_autofree char *name = quiz_name (file);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  PnGiftParser parser = { file != NULL ? file : "gift", diagnostics, document_ids, NULL, NULL, 0, FALSE };
  Block block = { g_string_new (NULL), 0, NULL, NULL, NULL, NULL, NULL, FALSE };
  PnDiagnostic *problem;
  const char *p;
  int line = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (diagnostics == NULL)
    parser.diagnostics = own = pn_diagnostics_new ();

  if (length > PN_GIFT_MAX_SIZE)
    {
      g_autofree char *size = pn_file_format_size (length);
      g_autofree char *limit = pn_file_format_size (PN_GIFT_MAX_SIZE);

      pn_diagnostics_addf (parser.diagnostics, PN_SEVERITY_ERROR, parser.file, 0, 0,
                           _("the file holds %s; a GIFT file may hold at most %s"), size, limit);
      g_string_free (block.text, TRUE);
      return NULL;
    }
  problem = pn_file_check_utf8 (data, length, parser.file);
  if (problem != NULL)
    {
      pn_diagnostics_add (parser.diagnostics, problem);
      g_string_free (block.text, TRUE);
      return NULL;
    }

  text = g_strndup (data, length);
  p = g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text;
  id = quiz_id != NULL ? g_strdup (quiz_id) : pn_gift_make_id (name);
  if (id[0] == '\0')
    {
      g_free (id);
      id = g_strdup ("gift");
    }
  parser.quiz = pn_quiz_new (id, name, parser.file);
  block.tags = g_strv_builder_new ();

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);
      g_autofree char *raw = g_strndup (p, n);
      char *trimmed = g_strstrip (g_strdup (raw));

      line++;
      if (trimmed[0] == '\0')
        end_block (&parser, &block);
      else
        {
          if (block.line == 0)
            block.line = line;
          if (g_str_has_prefix (trimmed, "//"))
            {
              read_comment (&block, trimmed + 2);
              g_string_append_c (block.text, '\n');
            }
          else
            {
              block.has_content = TRUE;
              g_string_append (block.text, raw);
              g_string_append_c (block.text, '\n');
            }
        }
      g_free (trimmed);
      p = end != NULL ? end + 1 : p + n;
    }
  end_block (&parser, &block);

  if (parser.category != NULL)
    {
      const char *last = strrchr (parser.category, '/');
      g_autofree char *title = g_strdup (last != NULL ? last + 1 : parser.category);

      if (g_strstrip (title)[0] != '\0')
        pn_quiz_set_title (parser.quiz, title);
    }

  g_string_free (block.text, TRUE);
  g_clear_pointer (&block.tags, g_strv_builder_unref);
  g_free (block.id);
  g_free (block.hint);
  g_free (block.passage);
  g_free (block.options);
  g_free (parser.category);

  return parser.quiz;
}
