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
#include "pn-gift-text.h"
#include "pn-quiz-check.h"
#include "pn-quiz-parse.h"
#include "pn-text.h"

/* Escaped characters while a block is parsed: U+E001… in this order. */
static const char escapable[] = ":#={}~n\\";
#define FIRST_PLACEHOLDER 0xE001

typedef struct {
  const char *file;
  GPtrArray *diagnostics;
  GHashTable *document_ids;
  PnQuiz *quiz;
  char *category;
  guint n_questions;
  gboolean capped;         /* the question limit was reported */
} Parser;

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

#define error_at(parser, line, ...) \
  pn_diagnostics_addf ((parser)->diagnostics, PN_SEVERITY_ERROR, (parser)->file, (line), 1, __VA_ARGS__)

/* Escapes */

static char *
set_escapes_aside (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *at;

      if (c >= FIRST_PLACEHOLDER && c < FIRST_PLACEHOLDER + sizeof escapable)
        c = 0xFFFD;   /* the file's own: not ours to turn into syntax */
      if (c == '\\' && p[1] != '\0' && (at = strchr (escapable, p[1])) != NULL)
        {
          g_string_append_unichar (out, FIRST_PLACEHOLDER + (at - escapable));
          p++;
          continue;
        }
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* @text [start, start + length) with the escaped characters back, trimmed. */
static char *
restore (const char *text,
         gssize      length)
{
  GString *out = g_string_new (NULL);
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= FIRST_PLACEHOLDER && c < FIRST_PLACEHOLDER + sizeof escapable - 1)
        {
          char original = escapable[c - FIRST_PLACEHOLDER];

          g_string_append_c (out, original == 'n' ? '\n' : original);
        }
      else if (c >= 0x20 || c == '\n' || c == '\t')
        g_string_append_unichar (out, c);   /* other control characters mean nothing here */
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* A text of the question as Markdown: its [format] prefix, or @format. */
static char *
to_markdown (const char   *raw,
             gssize        length,
             PnGiftFormat  format)
{
  g_autofree char *text = length < 0 ? g_strdup (raw) : g_strndup (raw, length);
  const char *body = pn_gift_text_take_format (text, &format);
  g_autofree char *restored = restore (body, -1);

  return pn_gift_text_to_markdown (restored, format);
}

static char *
optional_markdown (const char   *raw,
                   gssize        length,
                   PnGiftFormat  format)
{
  char *text = to_markdown (raw, length, format);

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

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
  while (id->len > 0 && id->str[0] == '_')
    g_string_erase (id, 0, 1);

  return g_string_free (id, FALSE);
}

static char *
question_id (Parser     *parser,
             const char *wanted,
             const char *title)
{
  g_autofree char *base = NULL;
  char *id;

  if (wanted != NULL && g_regex_match_simple (PN_QUESTION_ID_PATTERN, wanted, 0, 0) && strlen (wanted) <= 64)
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

/* Weights and feedback */

/* Reads a leading "%50%" of @answer: the weight, and @answer moved past it.
 * FALSE (and @answer unchanged) when it starts with no weight. */
static gboolean
take_weight (const char **answer,
             double      *weight)
{
  const char *p = *answer;
  char *end = NULL;
  double value;

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '%')
    return FALSE;
  value = g_ascii_strtod (p + 1, &end);
  if (end == p + 1 || *end != '%' || !isfinite (value))
    return FALSE;

  *weight = value;
  *answer = end + 1;
  return TRUE;
}

/* Splits "answer#feedback" of [start, end) at its first #. */
static void
split_feedback (const char  *start,
                const char  *end,
                const char **answer_end,
                const char **feedback)
{
  const char *hash = memchr (start, '#', end - start);

  *answer_end = hash != NULL ? hash : end;
  *feedback = hash != NULL ? hash + 1 : NULL;
}

/* The pieces of @text [start, end) cut before each of @marks (kept at the start of each piece). */
static GPtrArray *
cut_before (const char *start,
            const char *end,
            const char *marks)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  const char *piece = start;

  for (const char *p = start; p <= end; p++)
    {
      if (p == end || (p > start && strchr (marks, *p) != NULL && *p != '\0'))
        {
          g_autofree char *text = g_strndup (piece, p - piece);

          if (g_strstrip (text)[0] != '\0')
            g_ptr_array_add (pieces, g_strdup (text));
          piece = p;
        }
    }

  return pieces;
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

/* Appends an answer (taking @text and @feedback); an empty one is left out
 * with a warning. */
static void
add_answer (Parser         *parser,
            PnQuizQuestion *question,
            GPtrArray      *answers,
            char           *text,
            double          weight,
            char           *feedback)
{
  PnQuizAnswer *answer;

  if (text[0] == '\0')
    {
      pn_diagnostics_addf (parser->diagnostics, PN_SEVERITY_WARNING, parser->file, question->line, 1,
                           _("question '%s': an empty answer was left out"), question->id);
      g_free (text);
      g_free (feedback);
      return;
    }

  answer = g_new0 (PnQuizAnswer, 1);
  answer->text = text;
  answer->weight = weight;
  answer->feedback = feedback;
  answer->line = question->line;
  g_ptr_array_add (answers, answer);
}

static gboolean
read_choices (Parser         *parser,
              PnQuizQuestion *question,
              GPtrArray      *answers,
              const char     *start,
              const char     *end,
              PnGiftFormat    format,
              gboolean        text_only)
{
  g_autoptr(GPtrArray) pieces = cut_before (start, end, "~=");

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);
      double weight = 0;
      const char *body = piece + 1;
      const char *answer_end;
      const char *feedback;
      g_autofree char *text = NULL;
      g_autofree char *note = NULL;

      if (piece[0] == '=')
        weight = 100;
      else if (piece[0] != '~')
        {
          /* Text before the first ~ or = (Moodle drops it). */
          body = piece;
        }
      take_weight (&body, &weight);
      split_feedback (body, body + strlen (body), &answer_end, &feedback);
      text = text_only ? restore (body, answer_end - body) : to_markdown (body, answer_end - body, format);
      note = feedback != NULL ? optional_markdown (feedback, -1, format) : NULL;
      add_answer (parser, question, answers, g_steal_pointer (&text), weight, g_steal_pointer (&note));
    }

  return TRUE;
}

static gboolean
read_short (Parser         *parser,
            PnQuizQuestion *question,
            GPtrArray      *answers,
            const char     *start,
            const char     *end,
            PnGiftFormat    format)
{
  g_autoptr(GPtrArray) pieces = cut_before (start, end, "=");

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);
      const char *body = piece[0] == '=' ? piece + 1 : piece;
      double weight = 100;
      const char *answer_end;
      const char *feedback;

      take_weight (&body, &weight);
      split_feedback (body, body + strlen (body), &answer_end, &feedback);
      add_answer (parser, question, answers, restore (body, answer_end - body), weight,
                  feedback != NULL ? optional_markdown (feedback, -1, format) : NULL);
    }

  return TRUE;
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (copy[0] == '\0')
    return FALSE;
  *value = g_ascii_strtod (copy, &end);

  return *end == '\0' && isfinite (*value);
}

static gboolean
read_numerical (Parser         *parser,
                PnQuizQuestion *question,
                const char     *start,
                const char     *end,
                PnGiftFormat    format,
                int             line)
{
  const char *tilde = memchr (start, '~', end - start);
  const char *numbers_end = tilde != NULL ? tilde : end;
  g_autoptr(GPtrArray) pieces = cut_before (start, numbers_end, "=");

  if (pieces->len == 0)
    {
      error_at (parser, line, _("question '%s': a numerical question needs an answer after '#'"),
                question->id);
      return FALSE;
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);
      const char *body = piece[0] == '=' ? piece + 1 : piece;
      double weight = 100;
      const char *answer_end;
      const char *feedback;
      g_autofree char *number = NULL;
      g_autofree char *note = NULL;
      char *range;
      char *colon;
      double a = 0;
      double b = 0;
      gboolean ok;
      PnQuizAnswer *answer;

      take_weight (&body, &weight);
      split_feedback (body, body + strlen (body), &answer_end, &feedback);
      number = restore (body, answer_end - body);
      note = feedback != NULL ? optional_markdown (feedback, -1, format) : NULL;
      range = strstr (number, "..");
      colon = strchr (number, ':');

      if (g_str_equal (number, "*"))
        {
          answer = pn_quiz_question_add_number (question, 0, 0, FALSE, weight, note);
          answer->any = TRUE;
          answer->line = line;
          continue;
        }
      if (range != NULL && range > number)
        {
          *range = '\0';
          ok = parse_number (number, &a) && parse_number (range + 2, &b);
        }
      else if (colon != NULL && colon > number)
        {
          *colon = '\0';
          ok = parse_number (number, &a) && parse_number (colon + 1, &b);
          if (ok)
            {
              double tolerance = fabs (b);

              b = a + tolerance;
              a -= tolerance;
            }
        }
      else
        {
          ok = parse_number (number, &a);
          b = a;
        }

      if (!ok)
        {
          error_at (parser, line,
                    _("question '%s': '%s' is not a number, a number:tolerance or a min..max range"),
                    question->id, piece);
          return FALSE;
        }
      answer = pn_quiz_question_add_number (question, a, b, range != NULL && range > number, weight, note);
      answer->line = line;
    }

  if (tilde != NULL)
    {
      const char *answer_end;
      const char *feedback;
      PnQuizAnswer *answer;
      g_autofree char *note = NULL;

      split_feedback (tilde + 1, end, &answer_end, &feedback);
      if (feedback != NULL)
        note = optional_markdown (feedback, end - feedback, format);
      answer = pn_quiz_question_add_number (question, 0, 0, FALSE, 0, note);
      answer->any = TRUE;
      answer->line = line;
    }

  return TRUE;
}

static gboolean
read_matching (Parser         *parser,
               PnQuizQuestion *question,
               const char     *start,
               const char     *end,
               PnGiftFormat    format,
               int             line)
{
  g_autoptr(GPtrArray) pieces = cut_before (start, end, "=");

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);
      const char *body = piece[0] == '=' ? piece + 1 : piece;
      const char *arrow = strstr (body, "->");
      g_autofree char *item = NULL;
      g_autofree char *match = NULL;

      if (arrow == NULL)
        {
          error_at (parser, line, _("question '%s': a matching answer must read '=item -> answer'"),
                    question->id);
          return FALSE;
        }
      item = optional_markdown (body, arrow - body, format);
      match = restore (arrow + 2, -1);
      if (match[0] == '\0')
        {
          pn_diagnostics_addf (parser->diagnostics, PN_SEVERITY_WARNING, parser->file, line, 1,
                               _("question '%s': an empty answer was left out"), question->id);
          continue;
        }
      pn_quiz_question_add_pair (question, item, match)->line = line;
    }

  return TRUE;
}

static gboolean
read_true_false (PnQuizQuestion *question,
                 const char     *answer,
                 PnGiftFormat    format)
{
  g_auto(GStrv) parts = g_strsplit (answer, "#", 3);
  g_autofree char *wrong = parts[1] != NULL ? optional_markdown (parts[1], -1, format) : NULL;
  g_autofree char *right = parts[1] != NULL && parts[2] != NULL ? optional_markdown (parts[2], -1, format) : NULL;

  question->truth = g_str_equal (g_strstrip (parts[0]), "T") || g_str_equal (parts[0], "TRUE");
  if (question->truth)
    {
      question->feedback_true = g_steal_pointer (&right);
      question->feedback_false = g_steal_pointer (&wrong);
    }
  else
    {
      question->feedback_true = g_steal_pointer (&wrong);
      question->feedback_false = g_steal_pointer (&right);
    }

  return TRUE;
}

static gboolean
is_true_false (const char *answer)
{
  g_autofree char *head = g_strndup (answer, strcspn (answer, "#"));

  g_strstrip (head);
  return g_str_equal (head, "T") || g_str_equal (head, "TRUE") ||
         g_str_equal (head, "F") || g_str_equal (head, "FALSE");
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
read_question (Parser *parser,
               Block  *block)
{
  g_autofree char *text = set_escapes_aside (block->text->str);
  g_autoptr(PnQuizQuestion) question = NULL;
  g_autofree char *title = NULL;
  g_autofree char *general = NULL;
  const char *body = text;
  const char *open;
  const char *close;
  const char *answer;
  const char *answer_end;
  const char *after;
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
      const char *end = strstr (body + 2, "::");

      if (end != NULL)
        {
          title = restore (body + 2, end - body - 2);
          if (title[0] == '\0')
            g_clear_pointer (&title, g_free);
          body = end + 2;
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
      question->text = to_markdown (body, -1, format);
      question->title = g_steal_pointer (&title);
      question->line = line;
      apply_notes (block, question);
      return g_steal_pointer (&question);
    }
  if (open == NULL || close == NULL || close < open)
    {
      error_at (parser, line_at (block, text, open != NULL ? open : close),
                _("unbalanced braces: a '%c' has no matching '%c'; the question was left out"),
                open != NULL ? '{' : '}', open != NULL ? '}' : '{');
      return NULL;
    }
  if (strchr (open + 1, '{') != NULL && strchr (open + 1, '{') < close)
    {
      error_at (parser, line_at (block, text, strchr (open + 1, '{')),
                "%s", _("a '{' inside an answer block (write \\{ for a brace); the question was left out"));
      return NULL;
    }
  if (strchr (close + 1, '{') != NULL || strchr (close + 1, '}') != NULL)
    {
      error_at (parser, line_at (block, text, close + 1),
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
  else if (is_true_false (answer_text))
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
    g_autofree char *markdown = to_markdown (stem, -1, format);

    question->text = markdown[0] != '\0' ? g_steal_pointer (&markdown) : g_strdup ("");
  }
  question->title = g_steal_pointer (&title);
  question->line = line;
  if (general != NULL)
    question->explanation = optional_markdown (general, -1, format);
  apply_notes (block, question);

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
      ok = read_choices (parser, question, question->answers, answer_text,
                         answer_text + strlen (answer_text), format, FALSE);
      break;
    case PN_QUESTION_CLOZE:
      {
        PnQuizGap *gap = pn_quiz_question_add_gap (question, type == PN_QUESTION_SINGLE
                                                             ? PN_QUIZ_GAP_CHOICE : PN_QUIZ_GAP_TEXT);

        gap->line = line;
        if (type == PN_QUESTION_SINGLE)
          ok = read_choices (parser, question, gap->answers, answer_text,
                             answer_text + strlen (answer_text), format, TRUE);
        else
          ok = read_short (parser, question, gap->answers, answer_text,
                           answer_text + strlen (answer_text), format);
      }
      break;
    case PN_QUESTION_SHORT:
      ok = read_short (parser, question, question->answers, answer_text,
                       answer_text + strlen (answer_text), format);
      break;
    case PN_QUESTION_NUMERICAL:
      ok = read_numerical (parser, question, answer_text + 1, answer_text + strlen (answer_text),
                           format, line);
      break;
    case PN_QUESTION_MATCHING:
      ok = read_matching (parser, question, answer_text, answer_text + strlen (answer_text),
                          format, line);
      break;
    case PN_QUESTION_TRUE_FALSE:
      ok = read_true_false (question, answer_text, format);
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
end_block (Parser *parser,
           Block  *block)
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
        error_at (parser, block->line, _("a quiz holds at most %d questions; this one and the ones "
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
  Parser parser = { file != NULL ? file : "gift", diagnostics, document_ids, NULL, NULL, 0, FALSE };
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
