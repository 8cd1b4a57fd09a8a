/* pn-quiz-page.c: the Quizzes page: its list of quizzes, the store, the pack
 *
 * The list shows each quiz of the pack with its number of questions, its best
 * score and the date of its last attempt (from the student store), and
 * « Resume » when an attempt was left unfinished. The run of an attempt is in
 * pn-quiz-page-session.c, the end screen in pn-quiz-results.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-quiz-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-toast.h"
#include "pn-question-view.h"
#include "pn-quiz-page-private.h"
#include "pn-render-pango.h"

G_DEFINE_FINAL_TYPE (PnQuizPage, pn_quiz_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PASSAGE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gint64
_pn_quiz_page_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
_pn_quiz_page_has_focus (PnQuizPage *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

void
_pn_quiz_page_toast (PnQuizPage *self,
                     const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    pn_toast_show (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

char *
_pn_quiz_format_score (double score,
                       double max_score)
{
  g_autofree char *points = NULL;
  g_autofree char *max = NULL;
  int percent = max_score > 0 ? (int) (100.0 * score / max_score + 0.5) : 0;

  /* Whole points as such, partial credit with one decimal. */
  points = score == (int) score ? g_strdup_printf ("%d", (int) score) : g_strdup_printf ("%.1f", score);
  max = g_strdup_printf ("%d", (int) max_score);
  /* Translators: a quiz score: points, the most points, the percentage, e.g. "7 of 9 (78 %)" */
  return g_strdup_printf (_("%s of %s (%d %%)"), points, max, percent);
}

/* The list */

static guint
count_questions (PnQuiz *quiz)
{
  GPtrArray *questions = pn_quiz_get_questions (quiz);
  guint n = 0;

  for (guint i = 0; i < questions->len; i++)
    if (((const PnQuizQuestion *) g_ptr_array_index (questions, i))->type != PN_QUESTION_DESCRIPTION)
      n++;

  return n;
}

static char *
format_date (gint64 when)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (when);

  /* Translators: the date of a quiz's last attempt (strftime format), e.g. "1 December 2026" */
  return local != NULL ? g_date_time_format (local, _("%-d %B %Y")) : g_strdup ("");
}

/* What the list says of @quiz after its description: questions, best score, last attempt. */
static char *
describe_quiz (PnQuizPage    *self,
               PnQuiz        *quiz,
               PnQuizAttempt *unfinished)
{
  GString *text = g_string_new (NULL);
  guint n = count_questions (quiz);
  PnQuizSummary summary = { 0 };
  g_autoptr(GError) error = NULL;
  const char *pack_id = pn_pack_get_id (self->pack);

  /* Translators: in the quiz list */
  g_string_append_printf (text, ngettext ("%u question", "%u questions", n), n);
  if (self->store != NULL &&
      pn_store_get_quiz_summary (self->store, pack_id, pn_quiz_get_id (quiz), &summary, &error))
    {
      if (summary.has_best)
        {
          g_autofree char *score = _pn_quiz_format_score (summary.best_score, summary.best_max_score);

          g_string_append (text, " · ");
          /* Translators: in the quiz list, %s is a score such as "7 of 9 (78 %)" */
          g_string_append_printf (text, _("Best score: %s"), score);
        }
      if (summary.last != NULL)
        {
          g_autofree char *date = format_date (summary.last->finished_at);

          g_string_append (text, " · ");
          /* Translators: in the quiz list, %s is a date */
          g_string_append_printf (text, _("Last attempt: %s"), date);
        }
      if (summary.n_finished == 0)
        {
          g_string_append (text, " · ");
          g_string_append (text, _("Not taken yet"));
        }
    }
  else if (error != NULL)
    {
      g_message ("Cannot read the results of quiz %s: %s", pn_quiz_get_id (quiz), error->message);
    }
  pn_quiz_summary_clear (&summary);

  if (unfinished != NULL)
    {
      g_string_append (text, " · ");
      g_string_append (text, _("Unfinished attempt"));
    }

  return g_string_free (text, FALSE);
}

static void
row_activated_cb (AdwActionRow *row,
                  PnQuizPage   *self)
{
  const char *quiz_id = g_object_get_data (G_OBJECT (row), "pn-quiz-id");
  gboolean unfinished = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "pn-unfinished"));

  gtk_widget_activate_action (GTK_WIDGET (self), unfinished ? "quiz.resume" : "quiz.start", "s", quiz_id);
}

static GtkWidget *
make_quiz_row (PnQuizPage *self,
               PnQuiz     *quiz)
{
  g_autoptr(PnQuizAttempt) unfinished = NULL;
  g_autofree char *title = g_markup_escape_text (pn_quiz_get_title (quiz), -1);
  g_autofree char *facts = NULL;
  g_autofree char *facts_markup = NULL;
  g_autofree char *description = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix;

  if (self->store != NULL)
    unfinished = pn_store_get_unfinished_quiz_attempt (self->store, pn_pack_get_id (self->pack),
                                                        pn_quiz_get_id (quiz), NULL);
  facts = describe_quiz (self, quiz, unfinished);
  facts_markup = g_markup_escape_text (facts, -1);
  if (pn_quiz_get_description (quiz)[0] != '\0')
    description = pn_render_markdown_pango (self->pack, pn_quiz_get_description (quiz), NULL, NULL);
  subtitle = description != NULL && description[0] != '\0'
               ? g_strconcat (description, "\n", facts_markup, NULL)
               : g_strdup (facts_markup);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "pn-quiz-id", g_strdup (pn_quiz_get_id (quiz)), g_free);
  g_object_set_data (G_OBJECT (row), "pn-unfinished", GINT_TO_POINTER (unfinished != NULL));

  if (unfinished != NULL)
    {
      /* The row resumes, and says so. */
      suffix = gtk_button_new_with_label (_("Resume"));
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (suffix), "quiz.resume");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (suffix), "s", pn_quiz_get_id (quiz));
      gtk_widget_add_css_class (suffix, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
    }
  else
    {
      suffix = gtk_image_new_from_icon_name ("go-next-symbolic");
      gtk_accessible_update_state (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  /* A screen reader hears the title, then the facts. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pn_quiz_get_title (quiz),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, facts,
                                  -1);
  return row;
}

static void
pn_quiz_page_fill_list (PnQuizPage *self)
{
  GtkWidget *child;
  GPtrArray *quizzes;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->list_unsaved_label), self->store == NULL);
  if (self->pack == NULL)
    return;

  quizzes = pn_pack_get_quizzes (self->pack);
  for (guint i = 0; i < quizzes->len; i++)
    gtk_list_box_append (self->list_box, make_quiz_row (self, g_ptr_array_index (quizzes, i)));
}

void
_pn_quiz_page_show_list (PnQuizPage *self)
{
  gboolean had_focus = _pn_quiz_page_has_focus (self);
  GtkListBoxRow *first;

  _pn_quiz_page_end_attempt (self);
  pn_quiz_page_fill_list (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  _pn_quiz_page_update_actions (self);
  first = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (had_focus && first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
list_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _pn_quiz_page_show_list (PN_QUIZ_PAGE (widget));
}

static PnQuiz *
lookup_quiz (PnQuizPage *self,
             GVariant   *param)
{
  return self->pack != NULL ? pn_pack_get_quiz (self->pack, g_variant_get_string (param, NULL)) : NULL;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  PnQuiz *quiz = lookup_quiz (self, param);

  if (quiz != NULL)
    _pn_quiz_page_start (self, quiz, NULL);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  PnQuiz *quiz = lookup_quiz (self, param);

  if (quiz != NULL && !_pn_quiz_page_resume (self, quiz))
    _pn_quiz_page_start (self, quiz, NULL);
}

/* GObject */

static void
pn_quiz_page_dispose (GObject *object)
{
  PnQuizPage *self = PN_QUIZ_PAGE (object);

  _pn_quiz_page_end_attempt (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_QUIZ_PAGE);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pn_quiz_page_parent_class)->dispose (object);
}

static void
pn_quiz_page_class_init (PnQuizPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_quiz_page_dispose;

  signals[SIGNAL_PASSAGE_REQUESTED] =
    g_signal_new ("passage-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-quiz-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, list_unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, quiz_title_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, question_scroll);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, question_box);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, hint_button);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, passage_button);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, check_button);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, next_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, end_status);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, end_unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, missed_group);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, missed_list);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, open_group);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, open_list);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, restart_button);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, review_button);
  gtk_widget_class_bind_template_child (widget_class, PnQuizPage, export_button);

  gtk_widget_class_install_action (widget_class, "quiz.start", "s", start_action);
  gtk_widget_class_install_action (widget_class, "quiz.resume", "s", resume_action);
  gtk_widget_class_install_action (widget_class, "quiz.list", NULL, list_action);
  _pn_quiz_page_class_session_init (widget_class);
  _pn_quiz_page_class_results_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "pn-quiz-page");
}

static void
pn_quiz_page_init (PnQuizPage *self)
{
  g_type_ensure (PN_TYPE_QUESTION_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  _pn_quiz_page_session_init (self);
  _pn_quiz_page_update_actions (self);
}

GtkWidget *
pn_quiz_page_new (void)
{
  return g_object_new (PN_TYPE_QUIZ_PAGE, NULL);
}

void
pn_quiz_page_set_store (PnQuizPage *self,
                        PnStore    *store)
{
  g_return_if_fail (PN_IS_QUIZ_PAGE (self));
  g_return_if_fail (store == NULL || PN_IS_STORE (store));

  if (self->store == store)
    return;

  /* An attempt under way stays in the store it was started in. */
  _pn_quiz_page_end_attempt (self);
  g_set_object (&self->store, store);
  _pn_quiz_page_show_list (self);
}

void
pn_quiz_page_set_pack (PnQuizPage *self,
                       PnPack     *pack)
{
  g_return_if_fail (PN_IS_QUIZ_PAGE (self));
  g_return_if_fail (pack == NULL || PN_IS_PACK (pack));

  if (self->pack == pack)
    return;

  _pn_quiz_page_end_attempt (self);
  g_set_object (&self->pack, pack);
  _pn_quiz_page_show_list (self);
}

gboolean
pn_quiz_page_has_quizzes (PnQuizPage *self)
{
  g_return_val_if_fail (PN_IS_QUIZ_PAGE (self), FALSE);

  return self->pack != NULL && pn_pack_get_quizzes (self->pack)->len > 0;
}

void
pn_quiz_page_refresh (PnQuizPage *self)
{
  g_return_if_fail (PN_IS_QUIZ_PAGE (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    pn_quiz_page_fill_list (self);
}

const char *
pn_quiz_page_get_screen (PnQuizPage *self)
{
  g_return_val_if_fail (PN_IS_QUIZ_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gint64
pn_quiz_page_get_attempt_id (PnQuizPage *self)
{
  g_return_val_if_fail (PN_IS_QUIZ_PAGE (self), 0);

  return self->attempt != NULL ? self->attempt->id : 0;
}

void
pn_quiz_page_focus (PnQuizPage *self)
{
  const char *screen;

  g_return_if_fail (PN_IS_QUIZ_PAGE (self));

  screen = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (screen, "question") == 0 && self->view != NULL)
    {
      if (self->checked)
        gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
      else
        pn_question_view_focus_answer (PN_QUESTION_VIEW (self->view));
    }
  else if (g_strcmp0 (screen, "end") == 0)
    {
      gtk_widget_grab_focus (gtk_widget_get_visible (GTK_WIDGET (self->review_button))
                               ? GTK_WIDGET (self->review_button) : GTK_WIDGET (self->restart_button));
    }
  else if (gtk_list_box_get_row_at_index (self->list_box, 0) != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, 0)));
    }
}

const PnQuizQuestion *
pn_quiz_page_get_question (PnQuizPage *self)
{
  g_return_val_if_fail (PN_IS_QUIZ_PAGE (self), NULL);

  if (self->view == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "question") != 0)
    return NULL;
  return pn_question_view_get_question (PN_QUESTION_VIEW (self->view));
}

void
_pn_quiz_page_request_passage (PnQuizPage          *self,
                               const PnQuizPassage *passage)
{
  g_signal_emit (self, signals[SIGNAL_PASSAGE_REQUESTED], 0, passage->document, passage->quote);
}
