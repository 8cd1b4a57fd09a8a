/* pn-quiz-check.c: what makes a question usable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pn-anchor.h"
#include "pn-quiz-check.h"
#include "pn-render-pango.h"

/* Weights are percents; these many hundredths of a percent are rounding. */
#define WEIGHT_SLACK 0.01

#define error_at(question, file, diagnostics, ...) \
  pn_diagnostics_addf ((diagnostics), PN_SEVERITY_ERROR, (file), (question)->line, 1, __VA_ARGS__)
#define warn_at(question, file, diagnostics, ...) \
  pn_diagnostics_addf ((diagnostics), PN_SEVERITY_WARNING, (file), (question)->line, 1, __VA_ARGS__)

static gboolean
check_weights (const PnQuizQuestion *question,
               GPtrArray            *answers,
               const char           *what,
               const char           *file,
               GPtrArray            *diagnostics)
{
  double best = -INFINITY;
  double positive = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      if (!isfinite (answer->weight) || answer->weight < -100 - WEIGHT_SLACK ||
          answer->weight > 100 + WEIGHT_SLACK)
        {
          pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, file,
                               answer->line > 0 ? answer->line : question->line, 1,
                               _("question '%s': a weight must lie between -100 %% and 100 %%"),
                               question->id);
          ok = FALSE;
        }
      best = MAX (best, answer->weight);
      positive += MAX (answer->weight, 0);
    }

  if (question->type == PN_QUESTION_MULTIPLE)
    {
      if (positive <= 0)
        {
          error_at (question, file, diagnostics,
                    _("question '%s' has no correct answer (no choice with a positive weight)"),
                    question->id);
          return FALSE;
        }
      if (positive < 100 - WEIGHT_SLACK)
        {
          error_at (question, file, diagnostics,
                    _("question '%s': the positive weights add up to %.4g %%; they cannot reach 100 %%"),
                    question->id, positive);
          return FALSE;
        }
      if (positive > 100 + WEIGHT_SLACK)
        warn_at (question, file, diagnostics,
                 _("question '%s': the positive weights add up to %.4g %%, more than 100 %%; "
                   "a score stops at 100 %%"), question->id, positive);
      return ok;
    }

  if (best <= 0)
    {
      /* Translators: "question 'q3' has no correct answer"; %s after it: "", " (gap 2)" */
      error_at (question, file, diagnostics, _("question '%s'%s has no correct answer"),
                question->id, what);
      return FALSE;
    }
  if (best < 100 - WEIGHT_SLACK)
    {
      error_at (question, file, diagnostics,
                _("question '%s'%s: no answer is worth 100 %% (the best is %.4g %%); it cannot reach 100 %%"),
                question->id, what, best);
      return FALSE;
    }

  return ok;
}

static gboolean
check_matching (const PnQuizQuestion *question,
                const char           *file,
                GPtrArray            *diagnostics)
{
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) matches = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) distractors = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < question->pairs->len; i++)
    {
      const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);
      int line = pair->line > 0 ? pair->line : question->line;

      if (pair->item != NULL)
        {
          n_items++;
          if (!g_hash_table_add (items, pair->item))
            {
              pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, file, line, 1,
                                   _("question '%s': the item '%s' is listed twice"),
                                   question->id, pair->item);
              ok = FALSE;
            }
          g_hash_table_add (matches, pair->match);
        }
      else if (!g_hash_table_add (distractors, pair->match))
        {
          pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, file, line, 1,
                               _("question '%s': the distractor '%s' is listed twice"),
                               question->id, pair->match);
          ok = FALSE;
        }
    }

  for (guint i = 0; i < question->pairs->len; i++)
    {
      const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);

      if (pair->item == NULL && g_hash_table_contains (matches, pair->match))
        {
          pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, file,
                               pair->line > 0 ? pair->line : question->line, 1,
                               _("question '%s': the distractor '%s' is also the answer of an item"),
                               question->id, pair->match);
          ok = FALSE;
        }
    }

  if (n_items < 2)
    {
      error_at (question, file, diagnostics,
                _("question '%s': a matching question needs at least two items"), question->id);
      ok = FALSE;
    }

  return ok;
}

/* Whether @text marks each of its @n_gaps gaps exactly once, as {{1}}… */
static gboolean
marks_each_gap_once (const char *text,
                     guint       n_gaps)
{
  g_autofree guint *seen = g_new0 (guint, n_gaps + 1);

  for (const char *p = strstr (text, "{{"); p != NULL; p = strstr (p + 2, "{{"))
    {
      char *end = NULL;
      guint64 n = g_ascii_strtoull (p + 2, &end, 10);

      if (end == p + 2 || !g_str_has_prefix (end, "}}"))
        continue;
      if (n < 1 || n > n_gaps || seen[n]++ > 0)
        return FALSE;
    }

  for (guint i = 1; i <= n_gaps; i++)
    if (seen[i] == 0)
      return FALSE;

  return TRUE;
}

static gboolean
check_cloze (const PnQuizQuestion *question,
             const char           *file,
             GPtrArray            *diagnostics)
{
  gboolean ok = TRUE;

  if (question->gaps->len == 0)
    {
      error_at (question, file, diagnostics, _("question '%s': a cloze question needs at least one gap"),
                question->id);
      return FALSE;
    }
  if (!marks_each_gap_once (question->text, question->gaps->len))
    {
      error_at (question, file, diagnostics,
                _("question '%s': the text must mark each of its %u gaps once, as {{1}}, {{2}}…"),
                question->id, question->gaps->len);
      ok = FALSE;
    }

  for (guint i = 0; i < question->gaps->len; i++)
    {
      const PnQuizGap *gap = g_ptr_array_index (question->gaps, i);
      g_autofree char *what = g_strdup_printf (_(" (gap %u)"), i + 1);

      if (gap->answers->len == 0 || (gap->kind == PN_QUIZ_GAP_CHOICE && gap->answers->len < 2))
        {
          pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, file,
                               gap->line > 0 ? gap->line : question->line, 1,
                               _("question '%s'%s has too few answers"), question->id, what);
          ok = FALSE;
          continue;
        }
      ok &= check_weights (question, gap->answers, what, file, diagnostics);
    }

  return ok;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

gboolean
pn_quiz_check_question (const PnQuizQuestion *question,
                        const char           *file,
                        GHashTable           *document_ids,
                        GPtrArray            *diagnostics)
{
  gboolean ok = TRUE;
  guint min_answers = 0;

  g_return_val_if_fail (question != NULL, FALSE);

  if (is_blank (question->text))
    {
      error_at (question, file, diagnostics, _("question '%s' has no text"), question->id);
      return FALSE;
    }

  if (question->passage != NULL && document_ids != NULL &&
      !g_hash_table_contains (document_ids, question->passage->document))
    pn_diagnostics_addf (diagnostics, PN_SEVERITY_ERROR, file,
                         question->passage->line > 0 ? question->passage->line : question->line, 1,
                         _("question '%s': the passage names the document '%s', which the pack does not have"),
                         question->id, question->passage->document);

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
      min_answers = 2;
      break;
    case PN_QUESTION_SHORT:
    case PN_QUESTION_NUMERICAL:
      min_answers = 1;
      break;
    case PN_QUESTION_MATCHING:
      return check_matching (question, file, diagnostics);
    case PN_QUESTION_ORDERING:
      if (g_strv_length (question->steps) < 2)
        {
          error_at (question, file, diagnostics,
                    _("question '%s': an ordering question needs at least two steps"), question->id);
          return FALSE;
        }
      return TRUE;
    case PN_QUESTION_CLOZE:
      return check_cloze (question, file, diagnostics);
    case PN_QUESTION_TRUE_FALSE:
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      return TRUE;
    }

  for (guint i = 0; question->type == PN_QUESTION_NUMERICAL && i < question->answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (question->answers, i);

      /* 1e308 give or take 1e308 is no number a student can type. */
      if (!answer->any && (!isfinite (answer->min) || !isfinite (answer->max) ||
                           !isfinite (answer->min + answer->max)))
        {
          error_at (question, file, diagnostics, _("question '%s': a number is too large"), question->id);
          return FALSE;
        }
    }

  if (question->answers->len < min_answers)
    {
      error_at (question, file, diagnostics,
                g_dngettext (GETTEXT_PACKAGE, "question '%s' needs at least %u answer",
                             "question '%s' needs at least %u answers", min_answers),
                question->id, min_answers);
      return FALSE;
    }
  ok &= check_weights (question, question->answers, "", file, diagnostics);

  return ok;
}

/* Quotes */

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* @text with every run of white space as one space and apostrophes as ',
 * and for each byte of the result the offset of its source in @text. */
static char *
quote_key (const char *text,
           GArray     *offsets)
{
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gssize at = p - text;

      if (is_space (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      if (c == 0x2019 || c == 0x02BC || c == 0x2018)
        c = '\'';
      g_string_append_unichar (key, c);
      while (offsets != NULL && offsets->len < key->len)
        g_array_append_val (offsets, at);
    }

  return g_string_free (key, FALSE);
}

/* The byte of @text whose character gave the key's code point @offset
 * (@end: just after that character, for the end of a range). */
static gsize
source_of (const char   *text,
           const char   *key,
           const GArray *offsets,
           gint64        offset,
           gboolean      end)
{
  gsize byte = g_utf8_offset_to_pointer (key, end ? offset - 1 : offset) - key;
  gssize at = g_array_index (offsets, gssize, byte);

  return end ? (gsize) (g_utf8_next_char (text + at) - text) : (gsize) at;
}

/* A text made ready to look quotes up in: its key (white space and
 * apostrophes evened out), where each byte of the key comes from, and the
 * notes' anchoring prepared on the key. Made once per text, not per quote. */
typedef struct {
  const char   *text;       /* not owned */
  char         *haystack;
  GArray       *offsets;
  PnAnchorText *anchor;
} QuoteIndex;

static void
quote_index_free (QuoteIndex *index)
{
  g_free (index->haystack);
  g_array_unref (index->offsets);
  pn_anchor_text_free (index->anchor);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuoteIndex, quote_index_free)

static QuoteIndex *
quote_index_new (const char *text)
{
  QuoteIndex *index;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  index = g_new0 (QuoteIndex, 1);
  index->text = text;
  index->offsets = g_array_new (FALSE, FALSE, sizeof (gssize));
  index->haystack = quote_key (text, index->offsets);
  index->anchor = pn_anchor_text_new (index->haystack, -1);
  return index;
}

/* Where @quote is in the indexed text, as byte offsets [*from, *to): found
 * by the notes' anchoring (pn_anchor_text_locate() with the quote alone) in
 * both with white space and apostrophes evened out, so that a quote
 * survives small edits of the text. */
static gboolean
quote_index_find (QuoteIndex *index,
                  const char *quote,
                  gsize      *from,
                  gsize      *to)
{
  PnTextSelectors selectors = { 0 };
  PnAnchorResult result;

  if (index == NULL || quote == NULL || !g_utf8_validate (quote, -1, NULL))
    return FALSE;

  selectors.exact = quote_key (quote, NULL);
  if (selectors.exact[0] == '\0')
    {
      pn_text_selectors_clear (&selectors);
      return FALSE;
    }
  pn_anchor_text_locate (index->anchor, &selectors, &result);
  pn_text_selectors_clear (&selectors);
  if (result.method == PN_ANCHOR_DETACHED)
    return FALSE;

  *from = source_of (index->text, index->haystack, index->offsets, result.start, FALSE);
  *to = source_of (index->text, index->haystack, index->offsets, result.end, TRUE);
  return TRUE;
}

static gboolean
find_quote (const char *text,
            const char *quote,
            gsize      *from,
            gsize      *to)
{
  g_autoptr(QuoteIndex) index = NULL;

  /* An empty quote is not looked for (nor its text prepared). */
  if (quote == NULL || quote[0] == '\0')
    return FALSE;
  index = quote_index_new (text);
  return quote_index_find (index, quote, from, to);
}

gssize
pn_quiz_find_quote (const char *text,
                    const char *quote)
{
  gsize from, to;

  return find_quote (text, quote, &from, &to) ? (gssize) from : -1;
}

gboolean
pn_quiz_locate_quote (const char *text,
                      const char *quote,
                      gint64     *start,
                      gint64     *end)
{
  gsize from, to;

  if (!find_quote (text, quote, &from, &to))
    {
      if (start != NULL)
        *start = -1;
      if (end != NULL)
        *end = -1;
      return FALSE;
    }
  if (start != NULL)
    *start = g_utf8_pointer_to_offset (text, text + from);
  if (end != NULL)
    *end = g_utf8_pointer_to_offset (text, text + to);
  return TRUE;
}

void
pn_quiz_check_quotes (PnQuiz     *quiz,
                      GHashTable *page_text,
                      GPtrArray  *diagnostics)
{
  GPtrArray *questions = pn_quiz_get_questions (quiz);
  /* document id -> QuoteIndex of its text (NULL when it has none) */
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) quote_index_free);

  for (guint i = 0; i < questions->len; i++)
    {
      const PnQuizQuestion *question = g_ptr_array_index (questions, i);
      const PnQuizPassage *passage = question->passage;
      QuoteIndex *index;
      gsize from, to;

      if (passage == NULL || passage->quote == NULL || passage->quote[0] == '\0')
        continue;
      if (!g_hash_table_lookup_extended (page_text, passage->document, NULL, NULL))
        continue;   /* unknown document or unreadable text: reported already */
      index = g_hash_table_lookup (indexes, passage->document);
      if (index == NULL)
        {
          index = quote_index_new (g_hash_table_lookup (page_text, passage->document));
          if (index == NULL)
            continue;
          g_hash_table_insert (indexes, passage->document, index);
        }
      if (!quote_index_find (index, passage->quote, &from, &to))
        pn_diagnostics_addf (diagnostics, PN_SEVERITY_WARNING, pn_quiz_get_file (quiz),
                             passage->line > 0 ? passage->line : question->line, 1,
                             _("question '%s': the quote of its passage is not in the text of '%s'"),
                             question->id, passage->document);
    }
}

/* Texts */

/* Only a text with a tag or a link can draw a warning from the passes: the
 * others are not rendered here, so that a pack of many quizzes checks fast. */
static void
check_text (PnPack     *pack,
            const char *file,
            int         line,
            const char *text,
            GPtrArray  *diagnostics)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *markup = NULL;

  if (text == NULL || (strchr (text, '<') == NULL && strstr (text, "](") == NULL))
    return;

  found = pn_diagnostics_new ();
  markup = pn_render_markdown_pango_full (pack, text, NULL, file, line > 0 ? line : -1, found);
  for (guint i = 0; i < found->len; i++)
    {
      PnDiagnostic *diagnostic = g_ptr_array_index (found, i);

      if (diagnostic->line > 0)
        diagnostic->column = 1;
      pn_diagnostics_add (diagnostics, pn_diagnostic_copy (diagnostic));
    }
}

static void
check_answer_texts (PnPack     *pack,
                    const char *file,
                    int         line,
                    GPtrArray  *answers,
                    GPtrArray  *diagnostics)
{
  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      check_text (pack, file, answer->line > 0 ? answer->line : line, answer->text, diagnostics);
      check_text (pack, file, answer->line > 0 ? answer->line : line, answer->feedback, diagnostics);
    }
}

void
pn_quiz_check_texts (PnPack    *pack,
                     PnQuiz    *quiz,
                     GPtrArray *diagnostics)
{
  GPtrArray *questions = pn_quiz_get_questions (quiz);
  const char *file = pn_quiz_get_file (quiz);

  check_text (pack, file, 1, pn_quiz_get_description (quiz), diagnostics);
  for (guint i = 0; i < questions->len; i++)
    {
      const PnQuizQuestion *question = g_ptr_array_index (questions, i);
      int line = question->line;

      check_text (pack, file, line, question->text, diagnostics);
      check_text (pack, file, line, question->explanation, diagnostics);
      check_text (pack, file, line, question->hint, diagnostics);
      check_text (pack, file, line, question->feedback_true, diagnostics);
      check_text (pack, file, line, question->feedback_false, diagnostics);
      if (question->type != PN_QUESTION_SHORT)
        check_answer_texts (pack, file, line, question->answers, diagnostics);
      for (guint j = 0; j < question->pairs->len; j++)
        check_text (pack, file, line, ((PnQuizPair *) g_ptr_array_index (question->pairs, j))->item,
                    diagnostics);
      for (guint j = 0; question->steps[j] != NULL; j++)
        check_text (pack, file, line, question->steps[j], diagnostics);
    }
}
