/* pn-gift-answers.c: the texts of a GIFT question and its answer blocks
 *
 * Escapes are set aside as private-use characters while a block is read, so
 * that splitting on ~ = # never sees them, and put back in each text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pn-gift-private.h"

/* Escaped characters while a block is parsed: U+E001… in this order. */
static const char escapable[] = ":#={}~n\\";
#define FIRST_PLACEHOLDER 0xE001

/* Escapes */

char *
pn_gift_set_escapes_aside (const char *text)
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
char *
pn_gift_restore (const char *text,
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
char *
pn_gift_to_markdown (const char   *raw,
                     gssize        length,
                     PnGiftFormat  format)
{
  g_autofree char *text = length < 0 ? g_strdup (raw) : g_strndup (raw, length);
  const char *body = pn_gift_text_take_format (text, &format);
  g_autofree char *restored = pn_gift_restore (body, -1);

  return pn_gift_text_to_markdown (restored, format);
}

char *
pn_gift_optional_markdown (const char   *raw,
                           gssize        length,
                           PnGiftFormat  format)
{
  char *text = pn_gift_to_markdown (raw, length, format);

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
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

/* Appends an answer (taking @text and @feedback); an empty one is left out
 * with a warning. */
static void
add_answer (PnGiftParser   *parser,
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

gboolean
pn_gift_read_choices (PnGiftParser   *parser,
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
      text = text_only ? pn_gift_restore (body, answer_end - body) : pn_gift_to_markdown (body, answer_end - body, format);
      note = feedback != NULL ? pn_gift_optional_markdown (feedback, -1, format) : NULL;
      add_answer (parser, question, answers, g_steal_pointer (&text), weight, g_steal_pointer (&note));
    }

  return TRUE;
}

gboolean
pn_gift_read_short (PnGiftParser   *parser,
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
      add_answer (parser, question, answers, pn_gift_restore (body, answer_end - body), weight,
                  feedback != NULL ? pn_gift_optional_markdown (feedback, -1, format) : NULL);
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

gboolean
pn_gift_read_numerical (PnGiftParser   *parser,
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
      pn_gift_error_at (parser, line, _("question '%s': a numerical question needs an answer after '#'"),
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
      number = pn_gift_restore (body, answer_end - body);
      note = feedback != NULL ? pn_gift_optional_markdown (feedback, -1, format) : NULL;
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
          pn_gift_error_at (parser, line,
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
        note = pn_gift_optional_markdown (feedback, end - feedback, format);
      answer = pn_quiz_question_add_number (question, 0, 0, FALSE, 0, note);
      answer->any = TRUE;
      answer->line = line;
    }

  return TRUE;
}

gboolean
pn_gift_read_matching (PnGiftParser   *parser,
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
          pn_gift_error_at (parser, line, _("question '%s': a matching answer must read '=item -> answer'"),
                    question->id);
          return FALSE;
        }
      item = pn_gift_optional_markdown (body, arrow - body, format);
      match = pn_gift_restore (arrow + 2, -1);
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

gboolean
pn_gift_read_true_false (PnQuizQuestion *question,
                         const char     *answer,
                         PnGiftFormat    format)
{
  g_auto(GStrv) parts = g_strsplit (answer, "#", 3);
  g_autofree char *wrong = parts[1] != NULL ? pn_gift_optional_markdown (parts[1], -1, format) : NULL;
  g_autofree char *right = parts[1] != NULL && parts[2] != NULL ? pn_gift_optional_markdown (parts[2], -1, format) : NULL;

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

gboolean
pn_gift_is_true_false (const char *answer)
{
  g_autofree char *head = g_strndup (answer, strcspn (answer, "#"));

  g_strstrip (head);
  return g_str_equal (head, "T") || g_str_equal (head, "TRUE") ||
         g_str_equal (head, "F") || g_str_equal (head, "FALSE");
}
