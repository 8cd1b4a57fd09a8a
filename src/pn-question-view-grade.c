/* pn-question-view-grade.c: a question view showing its grade
 *
 * The controls locked, each part marked right or wrong in words (and an
 * icon), the right answer where it helps, the feedback of what was picked
 * and the question's explanation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-question-view-private.h"
#include "pn-question-parts.h"
#include "pn-cloze-view.h"
#include "pn-match-list.h"
#include "pn-order-list.h"

static void
mark_single (PnQuestionView *self)
{
  double best = pn_quiz_question_best_weight (self->question);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (self->question->answers,
                                                      g_array_index (self->order, guint, i));
      GtkWidget *mark = g_ptr_array_index (self->marks, i);
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      gboolean top = best > 0 && answer->weight >= best;

      if (_pn_question_view_is_active (self, i) && top)
        pn_question_mark_set (mark, TRUE, NULL, button);
      else if (_pn_question_view_is_active (self, i) && answer->weight > 0)
        pn_question_mark_set (mark, FALSE, _("Partly correct"), button);
      else if (_pn_question_view_is_active (self, i))
        pn_question_mark_set (mark, FALSE, NULL, button);
      else if (top)
        pn_question_mark_set (mark, TRUE, _("The right answer"), button);
    }
}

static void
mark_true_false (PnQuestionView *self)
{
  for (guint i = 0; i < 2; i++)
    {
      /* Position 0 is « True ». */
      gboolean right = (i == 0) == (self->question->truth != 0);
      GtkWidget *button = g_ptr_array_index (self->buttons, i);

      if (_pn_question_view_is_active (self, i))
        pn_question_mark_set (g_ptr_array_index (self->marks, i), right, NULL, button);
      else if (right)
        pn_question_mark_set (g_ptr_array_index (self->marks, i), TRUE, _("The right answer"), button);
    }
}

static void
mark_multiple (PnQuestionView *self,
               const PnQuizGrade *grade)
{
  for (guint i = 0; i < self->buttons->len; i++)
    {
      guint index = g_array_index (self->order, guint, i);
      const PnQuizAnswer *answer = g_ptr_array_index (self->question->answers, index);
      GtkWidget *mark = g_ptr_array_index (self->marks, i);
      GtkWidget *button = g_ptr_array_index (self->buttons, i);
      gboolean right = index < grade->parts->len ? g_array_index (grade->parts, gboolean, index)
                                                 : _pn_question_view_is_active (self, i) == (answer->weight > 0);

      if (_pn_question_view_is_active (self, i))
        pn_question_mark_set (mark, right, right ? NULL : _("Incorrect: not to be checked"), button);
      else if (!right)
        pn_question_mark_set (mark, FALSE, _("Missed: this one is right"), button);
    }
}

/* A short answer's pattern as a student reads it: its '*' (any characters)
 * left out, an escaped one (backslash, star) kept as a star. */
static char *
readable_pattern (const char *pattern)
{
  GString *text = g_string_new (NULL);

  for (const char *p = pattern != NULL ? pattern : ""; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] == '*')
        g_string_append_c (text, *++p);
      else if (*p != '*')
        g_string_append_c (text, *p);
    }
  return g_strstrip (g_string_free (text, FALSE));
}

/* The accepted answer of a short or numerical question, as words. */
static char *
accepted_answer (PnQuestionView *self)
{
  const PnQuizAnswer *best = NULL;

  for (guint i = 0; i < self->question->answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (self->question->answers, i);

      if (!answer->any && (best == NULL || answer->weight > best->weight))
        best = answer;
    }
  if (best == NULL || best->weight <= 0)
    return NULL;

  if (self->question->type == PN_QUESTION_SHORT)
    {
      g_autofree char *shown = readable_pattern (best->text);

      /* Translators: after a wrong typed answer, the one expected */
      return g_strdup_printf (_("Incorrect. Accepted answer: %s"), shown);
    }
  if (best->is_range)
    /* Translators: after a wrong number, the range accepted */
    return g_strdup_printf (_("Incorrect. Accepted answer: from %g to %g"), best->min, best->max);
  if (best->max > best->min)
    /* Translators: after a wrong number, the one expected and the tolerance */
    return g_strdup_printf (_("Incorrect. Accepted answer: %g (give or take %g)"),
                            (best->min + best->max) / 2, (best->max - best->min) / 2);
  return g_strdup_printf (_("Incorrect. Accepted answer: %g"), best->min);
}

static void
mark_entry (PnQuestionView    *self,
            const PnQuizGrade *grade)
{
  g_autofree char *accepted = NULL;

  if (grade->correct)
    {
      pn_question_mark_set (self->entry_mark, TRUE, NULL, self->entry);
      return;
    }
  accepted = accepted_answer (self);
  if (grade->score > 0)
    pn_question_mark_set (self->entry_mark, FALSE, _("Partly correct"), self->entry);
  else
    pn_question_mark_set (self->entry_mark, FALSE, accepted, self->entry);
}

static void
show_verdict (PnQuestionView    *self,
              const PnQuizGrade *grade)
{
  g_autofree char *words = NULL;
  const char *icon;
  const char *style;

  if (grade->correct)
    {
      words = g_strdup (_("Correct"));
      icon = "emblem-ok-symbolic";
      style = "success";
    }
  else if (grade->score > 0)
    {
      /* Translators: the verdict on a question answered in part; %d is a percentage */
      words = g_strdup_printf (_("Partly correct: %d %%"), (int) (grade->score * 100 + 0.5));
      icon = "emblem-ok-symbolic";
      style = "warning";
    }
  else
    {
      words = g_strdup (_("Incorrect"));
      icon = "window-close-symbolic";
      style = "error";
    }

  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_label_set_text (self->verdict_label, words);
  gtk_widget_add_css_class (self->verdict_box, style);
}

static void
show_feedback (PnQuestionView    *self,
               const PnQuizGrade *grade)
{
  const char *explanation = self->question->explanation;

  for (guint i = 0; grade != NULL && i < grade->feedback->len; i++)
    {
      GtkWidget *label = pn_question_label_new (self->pack, g_ptr_array_index (grade->feedback, i));

      gtk_widget_add_css_class (label, "pn-question-feedback");
      gtk_box_append (GTK_BOX (self->feedback_box), label);
    }
  gtk_widget_set_visible (self->feedback_box, gtk_widget_get_first_child (self->feedback_box) != NULL);

  pn_question_label_set_markdown (self->explanation_label, self->pack, explanation);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label),
                          explanation != NULL && explanation[0] != '\0');
}

static void
lock (PnQuestionView *self)
{
  self->locked = TRUE;
  for (guint i = 0; self->buttons != NULL && i < self->buttons->len; i++)
    gtk_widget_set_sensitive (g_ptr_array_index (self->buttons, i), FALSE);
  if (self->entry != NULL)
    gtk_editable_set_editable (GTK_EDITABLE (self->entry), FALSE);
  if (self->text_view != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (self->text_view);

      /* GTK 4.8 aborts on a blink of the text cursor (« blink_cb: assertion
       * failed: (cursor_visible (text_view)) ») when the cursor of a text view
       * that is still blinking is hidden: the cursor is left visible (a text
       * view neither editable nor focusable draws none), the focus taken away
       * first and kept from coming back (the answer is read on the page, and
       * in full on the end screen); the quiz page then puts the focus on
       * « Next ». */
      if (root != NULL && gtk_widget_has_focus (self->text_view))
        gtk_root_set_focus (root, NULL);
      gtk_widget_set_focusable (self->text_view, FALSE);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), FALSE);
    }
}

void
pn_question_view_set_grade (PnQuestionView    *self,
                            const PnQuizGrade *grade)
{
  g_return_if_fail (PN_IS_QUESTION_VIEW (self));

  if (self->locked)
    return;
  lock (self);

  if (grade != NULL && grade->graded)
    {
      switch (self->question->type)
        {
        case PN_QUESTION_SINGLE:
          mark_single (self);
          break;
        case PN_QUESTION_TRUE_FALSE:
          mark_true_false (self);
          break;
        case PN_QUESTION_MULTIPLE:
          mark_multiple (self, grade);
          break;
        case PN_QUESTION_SHORT:
        case PN_QUESTION_NUMERICAL:
          mark_entry (self, grade);
          break;
        case PN_QUESTION_ORDERING:
          pn_order_list_set_grade (PN_ORDER_LIST (self->parts), grade->parts);
          break;
        case PN_QUESTION_MATCHING:
          pn_match_list_set_grade (PN_MATCH_LIST (self->parts), grade->parts);
          break;
        case PN_QUESTION_CLOZE:
          pn_cloze_view_set_grade (PN_CLOZE_VIEW (self->parts), grade->parts);
          break;
        case PN_QUESTION_OPEN:
        case PN_QUESTION_DESCRIPTION:
        default:
          break;
        }
      show_verdict (self, grade);
    }
  else
    {
      if (self->parts != NULL && PN_IS_ORDER_LIST (self->parts))
        pn_order_list_set_grade (PN_ORDER_LIST (self->parts), NULL);
      gtk_widget_set_visible (self->verdict_box, FALSE);
    }

  show_feedback (self, grade);
  gtk_widget_set_visible (self->result_box,
                          gtk_widget_get_visible (self->verdict_box) ||
                          gtk_widget_get_visible (self->feedback_box) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->explanation_label)));
}
