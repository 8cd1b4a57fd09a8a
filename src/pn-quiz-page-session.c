/* pn-quiz-page-session.c: the Quizzes page's attempt: one question at a time,
 * checked, explained, recorded at once
 *
 * An attempt asks the quiz's questions in order (a « Review Mistakes » one,
 * only those missed), each with its choices shuffled by the attempt's seed:
 * the same attempt taken up again shows them in the same order, a new one in
 * another. « Check » grades the answer and records it in the student store
 * before anything else happens; Enter checks, then goes on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-quiz-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-question-view.h"
#include "pn-quiz-page-private.h"

static const PnQuizQuestion *
current_question (PnQuizPage *self)
{
  return self->asked != NULL && self->index < self->asked->len ? g_ptr_array_index (self->asked, self->index) : NULL;
}

static gboolean
on_screen (PnQuizPage *self,
           const char *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) == 0;
}

void
_pn_quiz_page_update_actions (PnQuizPage *self)
{
  const PnQuizQuestion *question = current_question (self);
  gboolean asking = question != NULL && self->view != NULL && on_screen (self, "question");
  gboolean ended = self->attempt != NULL && self->attempt->finished_at > 0 && on_screen (self, "end");
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "quiz.check",
                                 asking && !self->checked &&
                                 pn_question_view_get_answered (PN_QUESTION_VIEW (self->view)));
  gtk_widget_action_set_enabled (widget, "quiz.next", asking && self->checked);
  gtk_widget_action_set_enabled (widget, "quiz.hint", asking && !self->checked && question->hint != NULL);
  gtk_widget_action_set_enabled (widget, "quiz.passage", asking && self->checked && question->passage != NULL);
  gtk_widget_action_set_enabled (widget, "quiz.restart", ended);
  gtk_widget_action_set_enabled (widget, "quiz.export", ended);
  gtk_widget_action_set_enabled (widget, "quiz.review",
                                 ended && self->missed != NULL && self->missed[0] != NULL);
}

/* The attempt shown is left (it stays in the store, unfinished or not). */
void
_pn_quiz_page_end_attempt (PnQuizPage *self)
{
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      gtk_box_remove (GTK_BOX (self->question_box), g_steal_pointer (&self->view));
    }
  g_clear_pointer (&self->asked, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->attempt, pn_quiz_attempt_free);
  g_clear_pointer (&self->missed, g_strfreev);
  g_clear_object (&self->quiz);
  self->index = 0;
  self->checked = FALSE;
}

/* The questions of @quiz an attempt asks: all, or those of @only. */
static GPtrArray *
questions_asked (PnQuiz *quiz,
                 GStrv   only,
                 double *max_score)
{
  GPtrArray *questions = pn_quiz_get_questions (quiz);
  GPtrArray *asked = g_ptr_array_new ();

  *max_score = 0;
  for (guint i = 0; i < questions->len; i++)
    {
      const PnQuizQuestion *question = g_ptr_array_index (questions, i);

      if (only != NULL && !g_strv_contains ((const char * const *) only, question->id))
        continue;
      /* A review asks again what was missed, not the texts between questions. */
      if (only != NULL && question->type == PN_QUESTION_DESCRIPTION)
        continue;
      g_ptr_array_add (asked, (gpointer) question);
      if (pn_quiz_question_is_graded (question))
        *max_score += 1;
    }

  return asked;
}

static guint32
attempt_seed (const PnQuizAttempt *attempt)
{
  /* Kept by nothing but the attempt itself: the same attempt, the same order. */
  return attempt->id != 0 ? (guint32) ((guint64) attempt->id * 2654435761u) ^ (guint32) attempt->started_at
                          : g_random_int ();
}

static void show_question (PnQuizPage *self);

static gboolean
was_answered (GPtrArray  *answers,
              const char *question_id)
{
  for (guint i = 0; i < answers->len; i++)
    if (g_strcmp0 (((PnQuizStoredAnswer *) g_ptr_array_index (answers, i))->question_id, question_id) == 0)
      return TRUE;

  return FALSE;
}

static void
begin (PnQuizPage    *self,
       PnQuiz        *quiz,
       GPtrArray     *asked,
       PnQuizAttempt *attempt,
       GPtrArray     *answers)
{
  self->quiz = g_object_ref (quiz);
  self->asked = asked;
  self->attempt = attempt;
  self->answers = answers;
  self->seed = attempt_seed (attempt);
  /* On at the first question not answered yet (a new attempt: the first). */
  for (self->index = 0; self->index < asked->len; self->index++)
    if (!was_answered (answers, ((const PnQuizQuestion *) g_ptr_array_index (asked, self->index))->id))
      break;
  show_question (self);
}

void
_pn_quiz_page_start (PnQuizPage *self,
                     PnQuiz     *quiz,
                     GStrv       only)
{
  g_autoptr(GError) error = NULL;
  PnQuizAttempt *attempt;
  GPtrArray *asked;
  double max_score;

  _pn_quiz_page_end_attempt (self);
  asked = questions_asked (quiz, only, &max_score);
  if (asked->len == 0)
    {
      g_ptr_array_unref (asked);
      _pn_quiz_page_toast (self, _("This quiz has no questions to ask"));
      return;
    }

  attempt = g_new0 (PnQuizAttempt, 1);
  attempt->quiz_id = g_strdup (pn_quiz_get_id (quiz));
  attempt->started_at = _pn_quiz_page_now ();
  attempt->max_score = max_score;
  attempt->review = only != NULL;
  if (self->store != NULL)
    {
      attempt->id = pn_store_start_quiz_attempt (self->store, pn_pack_get_id (self->pack), attempt->quiz_id,
                                                 max_score, attempt->review, attempt->started_at, &error);
      if (attempt->id == 0)
        {
          g_message ("Cannot start a quiz attempt: %s", error->message);
          _pn_quiz_page_toast (self, _("This attempt cannot be saved: the student data refused it"));
        }
    }

  begin (self, quiz, asked, attempt, g_ptr_array_new_with_free_func ((GDestroyNotify) pn_quiz_stored_answer_free));
}

gboolean
_pn_quiz_page_resume (PnQuizPage *self,
                      PnQuiz     *quiz)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) only = NULL;
  PnQuizAttempt *attempt;
  GPtrArray *answers;
  GPtrArray *asked;
  double max_score;

  if (self->store == NULL)
    return FALSE;
  attempt = pn_store_get_unfinished_quiz_attempt (self->store, pn_pack_get_id (self->pack),
                                                  pn_quiz_get_id (quiz), &error);
  if (attempt == NULL)
    return FALSE;
  answers = pn_store_get_quiz_answers (self->store, attempt->id, &error);
  if (answers == NULL)
    {
      g_message ("Cannot read the answers of attempt %" G_GINT64_FORMAT ": %s", attempt->id, error->message);
      pn_quiz_attempt_free (attempt);
      return FALSE;
    }

  _pn_quiz_page_end_attempt (self);
  /* A review asked what the last finished attempt missed: still the same. */
  if (attempt->review)
    only = pn_store_get_missed_questions (self->store, pn_pack_get_id (self->pack), pn_quiz_get_id (quiz), NULL);
  asked = questions_asked (quiz, only, &max_score);
  begin (self, quiz, asked, attempt, answers);
  return TRUE;
}

static void
finish (PnQuizPage *self)
{
  g_autoptr(GError) error = NULL;
  PnQuizAttempt *finished = NULL;
  gint64 now = _pn_quiz_page_now ();

  if (self->store != NULL && self->attempt->id != 0)
    {
      if (pn_store_finish_quiz_attempt (self->store, self->attempt->id, now, &finished, &error))
        {
          pn_quiz_attempt_free (self->attempt);
          self->attempt = finished;
        }
      else
        {
          g_message ("Cannot finish attempt %" G_GINT64_FORMAT ": %s", self->attempt->id, error->message);
          _pn_quiz_page_toast (self, _("The end of this attempt could not be saved"));
        }
    }
  if (self->attempt->finished_at == 0)
    self->attempt->finished_at = now;

  _pn_quiz_page_show_results (self);
}

static void
update_progress (PnQuizPage *self)
{
  guint n = self->asked->len;
  g_autofree char *text = NULL;
  g_autofree char *said = NULL;

  /* Translators: the question shown and how many the quiz asks, e.g. "Question 3 of 12" */
  text = g_strdup_printf (_("Question %u of %u"), self->index + 1, n);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) self->index / n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  gtk_label_set_label (self->quiz_title_label, pn_quiz_get_title (self->quiz));
  /* Said with the way back, the first thing on the screen. */
  said = g_strdup_printf ("%s, %s", pn_quiz_get_title (self->quiz), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said,
                                  -1);
}

static void
show_buttons (PnQuizPage           *self,
              const PnQuizQuestion *question)
{
  gboolean last = self->index + 1 >= self->asked->len;

  gtk_widget_set_visible (GTK_WIDGET (self->hint_button), !self->checked && question->hint != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->passage_button), self->checked && question->passage != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), !self->checked);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->checked);
  gtk_label_set_label (self->next_label, last ? _("See Results") : _("Next"));
}

static void check_action (GtkWidget *widget, const char *action_name, GVariant *param);

static void
view_activate_check_cb (PnQuizPage *self)
{
  if (!self->checked)
    check_action (GTK_WIDGET (self), "quiz.check", NULL);
}

static void
show_question (PnQuizPage *self)
{
  gboolean had_focus = _pn_quiz_page_has_focus (self) || !on_screen (self, "question");
  const PnQuizQuestion *question = current_question (self);
  guint32 seed;

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      gtk_box_remove (GTK_BOX (self->question_box), g_steal_pointer (&self->view));
    }
  if (question == NULL)
    {
      finish (self);
      return;
    }

  /* Each question its own order, the same for the same attempt. */
  seed = self->seed ^ g_str_hash (question->id);
  self->view = pn_question_view_new (self->pack, question, seed);
  gtk_box_append (GTK_BOX (self->question_box), self->view);
  g_signal_connect_object (self->view, "activate-check", G_CALLBACK (view_activate_check_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::answered", G_CALLBACK (_pn_quiz_page_update_actions),
                           self, G_CONNECT_SWAPPED);

  /* A text between questions has nothing to check. */
  self->checked = question->type == PN_QUESTION_DESCRIPTION;
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  update_progress (self);
  show_buttons (self, question);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->question_scroll), 0);
  gtk_stack_set_visible_child_name (self->stack, "question");
  _pn_quiz_page_update_actions (self);

  /* The keyboard on the first answer (the page was not shown: it is now). */
  if (had_focus)
    {
      if (self->checked)
        gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
      else
        pn_question_view_focus_answer (PN_QUESTION_VIEW (self->view));
    }
}

/* What the answer was worth, in words (not colour alone). */
static char *
verdict_text (const PnQuizGrade *grade)
{
  if (!grade->graded)
    return g_strdup (_("Answer kept: it is not graded, compare it with the explanation"));
  if (grade->correct)
    return g_strdup (_("Right"));
  if (grade->score <= 0)
    return g_strdup (_("Wrong"));
  /* Translators: a partly right answer, %d is its score in percent */
  return g_strdup_printf (_("Partly right: %d %%"), (int) (grade->score * 100 + 0.5));
}

/* The view shows right and wrong by each part; a screen reader hears the
 * verdict with « Next », where the focus goes, then the explanation. */
static void
show_verdict (PnQuizPage           *self,
              const PnQuizQuestion *question,
              const PnQuizGrade    *grade)
{
  g_autofree char *verdict = verdict_text (grade);
  g_autofree char *said = NULL;

  said = question->explanation != NULL ? g_strconcat (verdict, ". ", question->explanation, NULL)
                                       : g_strdup (verdict);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said,
                                  -1);
}

static void
record (PnQuizPage           *self,
        const PnQuizQuestion *question,
        PnQuizResponse       *response,
        const PnQuizGrade    *grade)
{
  g_autoptr(GError) error = NULL;
  PnQuizStoredAnswer *answer = g_new0 (PnQuizStoredAnswer, 1);
  gint64 now = _pn_quiz_page_now ();

  if (self->store != NULL && self->attempt->id != 0 &&
      !pn_store_record_quiz_answer (self->store, self->attempt->id, question->id, response, grade, now, &error))
    {
      g_message ("Cannot record the answer to %s: %s", question->id, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      _pn_quiz_page_toast (self, _("This answer could not be saved"));
    }

  answer->attempt_id = self->attempt->id;
  answer->question_id = g_strdup (question->id);
  answer->response = response;
  answer->graded = grade->graded;
  answer->score = grade->score;
  answer->correct = grade->correct;
  answer->answered_at = now;
  g_ptr_array_add (self->answers, answer);
  if (grade->graded)
    self->attempt->score += grade->score;
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  const PnQuizQuestion *question = current_question (self);
  gboolean had_focus = _pn_quiz_page_has_focus (self);
  PnQuizResponse *response;
  g_autoptr(PnQuizGrade) grade = NULL;

  if (question == NULL || self->view == NULL || self->checked)
    return;
  if (!pn_question_view_get_answered (PN_QUESTION_VIEW (self->view)))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  response = pn_question_view_get_response (PN_QUESTION_VIEW (self->view));
  grade = pn_quiz_grade (question, response);
  pn_question_view_set_grade (PN_QUESTION_VIEW (self->view), grade->graded ? grade : NULL);
  record (self, question, response, grade);

  self->checked = TRUE;
  show_verdict (self, question, grade);
  /* « Next » takes the focus before « Check » is hidden: it is never lost. */
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), TRUE);
  _pn_quiz_page_update_actions (self);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
  show_buttons (self, question);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);

  if (!self->checked || current_question (self) == NULL)
    return;
  self->index++;
  show_question (self);
}

static void
hint_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  gboolean on_hint = gtk_widget_has_focus (GTK_WIDGET (self->hint_button));

  if (self->view == NULL || self->checked)
    return;
  pn_question_view_show_hint (PN_QUESTION_VIEW (self->view));
  /* Shown once: the button goes, the keyboard back to the answer. */
  if (on_hint)
    pn_question_view_focus_answer (PN_QUESTION_VIEW (self->view));
  gtk_widget_set_visible (GTK_WIDGET (self->hint_button), FALSE);
}

static void
passage_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  const PnQuizQuestion *question = current_question (self);

  if (question != NULL && question->passage != NULL)
    _pn_quiz_page_request_passage (self, question->passage);
}

/* Enter: checks the answer, or once checked goes on, before a choice takes
 * it (a check button would only be checked again); on a button (the page's
 * own, or one of the answer's), a drop down, a row, an entry (the view's
 * "activate-check") or a text view, Enter is theirs. */
static gboolean
enter_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!on_screen (self, "question") || self->view == NULL)
    return FALSE;
  if (focus != NULL && (GTK_IS_BUTTON (focus) || GTK_IS_LIST_BOX_ROW (focus) || GTK_IS_EDITABLE (focus) ||
                        GTK_IS_TEXT_VIEW (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN) != NULL))
    return FALSE;

  if (self->checked)
    next_action (widget, "quiz.next", NULL);
  else
    check_action (widget, "quiz.check", NULL);
  return TRUE;
}

void
_pn_quiz_page_class_session_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "quiz.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "quiz.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "quiz.hint", NULL, hint_action);
  gtk_widget_class_install_action (widget_class, "quiz.passage", NULL, passage_action);
}

void
_pn_quiz_page_session_init (PnQuizPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger =
    gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                 gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0),
                                                              gtk_keyval_trigger_new (GDK_KEY_ISO_Enter, 0)));

  /* Before the focused widget: see enter_cb(). */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, gtk_callback_action_new (enter_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
