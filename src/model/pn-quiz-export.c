/* pn-quiz-export.c: an attempt at a quiz as a Markdown summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pn-quiz-export.h"
#include "pn-quiz-grade.h"
#include "pn-text.h"

/* The labels, in the pack's language. French puts a no-break space before
 * the colon and the percent sign. */
typedef struct {
  const char *heading;        /* "Results: %s" */
  const char *pack;
  const char *date;
  const char *date_format;
  const char *score;
  const char *review;
  const char *review_value;
  const char *question;       /* "Question %u" when it has no title */
  const char *answer;
  const char *result;
  const char *right;
  const char *wrong;
  const char *partly;         /* "partly right (%s)" */
  const char *not_graded;
  const char *no_answer;
  const char *true_label;
  const char *false_label;
  const char *gap;            /* "Gap %u" */
  const char *removed;        /* "(no longer in the quiz)" */
  const char *colon;
  const char *percent;
  char decimal_mark;
} Labels;

static const Labels english = {
  "Results: %s", "Pack", "Date", "%Y-%m-%d %H:%M", "Score", "Attempt", "reviewing the mistakes",
  "Question %u", "Your answer", "Result", "right", "wrong", "partly right (%s)", "not graded",
  "(no answer)", "True", "False", "Gap %u", "(no longer in the quiz)", ":", "%", '.',
};

static const Labels french = {
  "Résultats\u00a0: %s", "Dossier", "Date", "%d/%m/%Y %H:%M", "Score", "Tentative", "révision des erreurs",
  "Question %u", "Votre réponse", "Résultat", "juste", "faux", "en partie juste (%s)", "non noté",
  "(sans réponse)", "Vrai", "Faux", "Trou %u", "(retirée du quiz)", "\u00a0:", "\u00a0%", ',',
};

/* ASCII characters that Markdown (CommonMark and the GFM extensions) reads
 * as syntax wherever they stand, escaped with a backslash everywhere. */
#define ALWAYS_ESCAPED "\\`*_[]<>#|~&"
/* And those that start a block (a list item, a thematic break, a setext
 * underline): escaped as the first character of the text. */
#define ESCAPED_FIRST "-+="

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  gboolean started = FALSE;
  gboolean space = FALSE;
  gboolean digits_only = TRUE;   /* so far: "12." and "3)" start an ordered list */

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t' || c == ' ')
        {
          /* Runs of blanks as one space, none at the start nor the end:
           * nothing becomes an indented code block or a hard line break. */
          space = started;
          continue;
        }
      /* Control characters, and the invisible ones that reorder text (bidi
       * overrides) or hide it; the joiner of emoji sequences stays. */
      if ((g_unichar_type (c) == G_UNICODE_CONTROL || g_unichar_type (c) == G_UNICODE_FORMAT) && c != 0x200D)
        continue;

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;

      if (c < 0x80 && ((strchr (ALWAYS_ESCAPED, (int) c) != NULL) ||
                       (!started && strchr (ESCAPED_FIRST, (int) c) != NULL) ||
                       (started && digits_only && (c == '.' || c == ')'))))
        g_string_append_c (out, '\\');
      g_string_append_unichar (out, c);

      digits_only = digits_only && c >= '0' && c <= '9';
      started = TRUE;
    }
}

char *
pn_quiz_export_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text);

  return g_string_free (out, FALSE);
}

/* A block of the student's text, in full: a block quote, each line of the
 * text a line of it (a backslash at the end of a line breaks it there),
 * blank lines between paragraphs, each line escaped. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean in_paragraph = FALSE;
  gboolean blank = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = pn_quiz_export_escape (lines[i]);

      if (*line == '\0')
        {
          blank = in_paragraph || blank;
          in_paragraph = FALSE;
          continue;
        }
      if (in_paragraph)
        g_string_append (out, "\\\n");
      else if (blank)
        g_string_append (out, "\n>\n");
      else if (out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "> %s", line);
      in_paragraph = TRUE;
      blank = FALSE;
    }
  g_string_append_c (out, '\n');
}

/* Pack Markdown (a choice, a step) inline: its line breaks as spaces. */
static void
append_inline_markdown (GString    *out,
                        const char *markdown)
{
  for (const char *p = markdown != NULL ? markdown : ""; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' || *p == '\r' ? ' ' : *p);
}

static char *
format_number (const Labels *labels,
               double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;
  char *mark;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  text = g_strdup (buffer);
  mark = strchr (text, '.');
  if (mark != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > mark && *end == '0')
        *end-- = '\0';
      if (end == mark)
        *end = '\0';
      else
        *mark = labels->decimal_mark;
    }

  return text;
}

static char *
format_percent (const Labels *labels,
                double        fraction)
{
  return g_strdup_printf ("%d%s", (int) lround (CLAMP (fraction, 0.0, 1.0) * 100), labels->percent);
}

static void
append_field (GString      *out,
              const Labels *labels,
              const char   *label,
              const char   *value)
{
  g_string_append_printf (out, "**%s%s**%s%s", label, labels->colon, *value != '\0' ? " " : "", value);
}

static const PnQuizStoredAnswer *
find_answer (GPtrArray  *answers,
             const char *question_id)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizStoredAnswer *answer = g_ptr_array_index (answers, i);

      if (g_strcmp0 (answer->question_id, question_id) == 0)
        return answer;
    }

  return NULL;
}

static const char *
choice_text (GPtrArray *answers,
             int        index)
{
  if (answers == NULL || index < 0 || (guint) index >= answers->len)
    return NULL;

  return ((const PnQuizAnswer *) g_ptr_array_index (answers, index))->text;
}

/* The answer as a list of @n lines, each an item of @list (NULL where none);
 * escaped when @student. */
static void
append_list_item (GString    *out,
                  const char *marker,
                  const char *before,
                  const char *text,
                  gboolean    student,
                  const Labels *labels)
{
  g_string_append_printf (out, "%s ", marker);
  if (before != NULL)
    {
      append_inline_markdown (out, before);
      g_string_append (out, " → ");
    }
  if (text == NULL || *text == '\0')
    g_string_append (out, labels->no_answer);
  else if (student)
    append_escaped (out, text);
  else
    append_inline_markdown (out, text);
  g_string_append_c (out, '\n');
}

static void
append_response (GString                 *out,
                 const Labels            *labels,
                 const PnQuizQuestion    *question,
                 const PnQuizResponse    *response)
{
  GArray *indices = response->indices;

  append_field (out, labels, labels->answer, "");
  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
      {
        const char *text = choice_text (question->answers, response->choice);

        g_string_append_c (out, ' ');
        if (text == NULL)
          g_string_append (out, labels->no_answer);
        else
          append_inline_markdown (out, text);
        g_string_append (out, "\n");
      }
      break;

    case PN_QUESTION_TRUE_FALSE:
      g_string_append_printf (out, " %s\n",
                              response->choice == 1 ? labels->true_label :
                              response->choice == 0 ? labels->false_label : labels->no_answer);
      break;

    case PN_QUESTION_SHORT:
    case PN_QUESTION_NUMERICAL:
      g_string_append_c (out, ' ');
      if (response->text == NULL || *response->text == '\0')
        g_string_append (out, labels->no_answer);
      else
        append_escaped (out, response->text);
      g_string_append (out, "\n");
      break;

    case PN_QUESTION_MULTIPLE:
      if (indices == NULL || indices->len == 0)
        {
          g_string_append_printf (out, " %s\n", labels->no_answer);
          break;
        }
      g_string_append (out, "\n\n");
      for (guint i = 0; i < indices->len; i++)
        append_list_item (out, "-", NULL, choice_text (question->answers, g_array_index (indices, int, i)),
                          FALSE, labels);
      break;

    case PN_QUESTION_MATCHING:
      {
        g_autoptr(GPtrArray) options = pn_quiz_matching_options (question);
        guint item = 0;

        g_string_append (out, "\n\n");
        for (guint i = 0; i < question->pairs->len; i++)
          {
            const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);
            int chosen = -1;

            if (pair->item == NULL)
              continue;
            if (indices != NULL && item < indices->len)
              chosen = g_array_index (indices, int, item);
            item++;
            append_list_item (out, "-", pair->item,
                              chosen >= 0 && (guint) chosen < options->len
                              ? g_ptr_array_index (options, chosen) : NULL,
                              FALSE, labels);
          }
      }
      break;

    case PN_QUESTION_ORDERING:
      {
        guint n_steps = g_strv_length (question->steps);

        if (indices == NULL || indices->len == 0)
          {
            g_string_append_printf (out, " %s\n", labels->no_answer);
            break;
          }
        g_string_append (out, "\n\n");
        for (guint i = 0; i < indices->len; i++)
          {
            int step = g_array_index (indices, int, i);
            g_autofree char *marker = g_strdup_printf ("%u.", i + 1);

            append_list_item (out, marker, NULL, step >= 0 && (guint) step < n_steps ? question->steps[step] : NULL,
                              FALSE, labels);
          }
      }
      break;

    case PN_QUESTION_CLOZE:
      {
        guint n_gaps = MAX (question->gaps->len, response->gaps != NULL ? g_strv_length (response->gaps) : 0);

        g_string_append (out, "\n\n");
        for (guint i = 0; i < n_gaps; i++)
          {
            g_autofree char *marker = g_strdup_printf ("%u.", i + 1);
            const char *text = response->gaps != NULL && i < g_strv_length (response->gaps)
                               ? response->gaps[i] : NULL;

            append_list_item (out, marker, NULL, text, TRUE, labels);
          }
      }
      break;

    case PN_QUESTION_OPEN:
      if (response->text == NULL || *response->text == '\0')
        {
          g_string_append_printf (out, " %s\n", labels->no_answer);
          break;
        }
      g_string_append (out, "\n\n");
      append_quoted (out, response->text);
      break;

    case PN_QUESTION_DESCRIPTION:
    default:
      g_string_append (out, "\n");
      break;
    }
}

static void
append_result (GString                  *out,
               const Labels             *labels,
               gboolean                  graded,
               const PnQuizStoredAnswer *answer)
{
  g_autofree char *partly = NULL;
  const char *value;

  if (!graded || (answer != NULL && !answer->graded))
    {
      value = labels->not_graded;
    }
  else if (answer != NULL && answer->correct)
    {
      value = labels->right;
    }
  else if (answer != NULL && answer->score > 0)
    {
      g_autofree char *percent = format_percent (labels, answer->score);

      value = partly = g_strdup_printf (labels->partly, percent);
    }
  else
    {
      value = labels->wrong;
    }

  g_string_append (out, "\n");
  append_field (out, labels, labels->result, value);
  g_string_append (out, "\n");
}

static void
append_heading (GString    *out,
                guint       number,
                const char *title,
                const Labels *labels)
{
  g_string_append_printf (out, "\n## %u. ", number);
  if (title != NULL && *title != '\0')
    {
      append_escaped (out, title);
    }
  else
    {
      g_autofree char *fallback = g_strdup_printf (labels->question, number);

      g_string_append (out, fallback);
    }
  g_string_append (out, "\n\n");
}

static char *
format_date (const Labels *labels,
             gint64        when,
             GTimeZone    *time_zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");
  if (time_zone != NULL)
    local = g_date_time_to_timezone (utc, time_zone);
  else
    local = g_date_time_to_local (utc);

  return g_date_time_format (local != NULL ? local : utc, labels->date_format);
}

char *
pn_quiz_export_markdown (const char          *pack_title,
                         const char          *language,
                         PnQuiz              *quiz,
                         const PnQuizAttempt *attempt,
                         GPtrArray           *answers,
                         GTimeZone           *time_zone)
{
  const Labels *labels = pn_text_is_french (language) ? &french : &english;
  GPtrArray *questions;
  GString *out;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *date = NULL;
  g_autofree char *score = NULL;
  g_autofree char *max_score = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *score_line = NULL;
  g_autofree char *pack = NULL;
  guint number = 0;

  g_return_val_if_fail (PN_IS_QUIZ (quiz), NULL);
  g_return_val_if_fail (attempt != NULL && answers != NULL, NULL);

  out = g_string_new (NULL);
  questions = pn_quiz_get_questions (quiz);

  title = pn_quiz_export_escape (pn_quiz_get_title (quiz));
  heading = g_strdup_printf (labels->heading, title);
  g_string_append_printf (out, "# %s\n\n", heading);

  /* The facts as a list, one a line. */
  pack = pn_quiz_export_escape (pack_title);
  g_string_append (out, "- ");
  append_field (out, labels, labels->pack, pack);
  date = format_date (labels, attempt->finished_at > 0 ? attempt->finished_at : attempt->started_at, time_zone);
  g_string_append (out, "\n- ");
  append_field (out, labels, labels->date, date);
  score = format_number (labels, attempt->score);
  max_score = format_number (labels, attempt->max_score);
  percent = format_percent (labels, attempt->max_score > 0 ? attempt->score / attempt->max_score : 0);
  score_line = g_strdup_printf ("%s / %s (%s)", score, max_score, percent);
  g_string_append (out, "\n- ");
  append_field (out, labels, labels->score, score_line);
  if (attempt->review)
    {
      g_string_append (out, "\n- ");
      append_field (out, labels, labels->review, labels->review_value);
    }
  g_string_append (out, "\n");

  for (guint i = 0; i < questions->len; i++)
    {
      const PnQuizQuestion *question = g_ptr_array_index (questions, i);
      const PnQuizStoredAnswer *answer = find_answer (answers, question->id);
      g_autoptr(PnQuizResponse) none = NULL;

      if (question->type == PN_QUESTION_DESCRIPTION || (answer == NULL && attempt->review))
        continue;

      append_heading (out, ++number, question->title, labels);
      if (question->text != NULL && *question->text != '\0')
        g_string_append_printf (out, "%s\n\n", question->text);

      if (answer == NULL)
        none = pn_quiz_response_new ();
      append_response (out, labels, question, answer != NULL ? answer->response : none);
      append_result (out, labels, pn_quiz_question_is_graded (question), answer);
    }

  /* Answers to questions the quiz no longer has. */
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizStoredAnswer *answer = g_ptr_array_index (answers, i);

      if (pn_quiz_lookup (quiz, answer->question_id) != NULL)
        continue;

      append_heading (out, ++number, answer->question_id, labels);
      g_string_append_printf (out, "%s\n", labels->removed);
      append_result (out, labels, answer->graded, answer);
    }

  return g_string_free (out, FALSE);
}

char *
pn_quiz_export_attempt (PnStore    *store,
                        PnPack     *pack,
                        PnQuiz     *quiz,
                        gint64      attempt_id,
                        GTimeZone  *time_zone,
                        GError    **error)
{
  g_autoptr(PnQuizAttempt) attempt = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PN_IS_STORE (store) && PN_IS_PACK (pack) && PN_IS_QUIZ (quiz), NULL);

  attempt = pn_store_get_quiz_attempt (store, attempt_id, &local_error);
  if (attempt == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, attempt_id);

          g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_FAILED,
                       _("No quiz attempt %s in the student database"), id);
        }
      return NULL;
    }

  answers = pn_store_get_quiz_answers (store, attempt_id, error);
  if (answers == NULL)
    return NULL;

  return pn_quiz_export_markdown (pn_pack_get_title (pack), pn_pack_get_language (pack), quiz, attempt, answers,
                                  time_zone);
}

char *
pn_quiz_export_file_name (PnQuiz              *quiz,
                          const PnQuizAttempt *attempt,
                          GTimeZone           *time_zone)
{
  g_autofree char *date = NULL;
  char *name;

  g_return_val_if_fail (PN_IS_QUIZ (quiz) && attempt != NULL, NULL);

  date = format_date (&english, attempt->finished_at > 0 ? attempt->finished_at : attempt->started_at, time_zone);
  /* "%Y-%m-%d %H:%M": the day only. */
  if (strlen (date) > 10)
    date[10] = '\0';

  name = g_strdup_printf ("%s-%s.md", pn_quiz_get_id (quiz), date);
  /* Only what every file system takes. */
  for (char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      *p = '-';

  return name;
}
