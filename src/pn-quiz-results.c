/* pn-quiz-results.c: the Quizzes page's end screen: the score, the questions
 * missed with their explanations, the written answers, « Restart », « Review
 * Mistakes » and « Export Results… »
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-quiz-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-quiz-export.h"
#include "pn-quiz-page-private.h"
#include "pn-render-pango.h"

static GtkWidget *
markup_label (const char *markup,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  return markup_label (markup, css_class);
}

static GtkWidget *
pack_text_label (PnQuizPage *self,
                 const char *markdown,
                 const char *css_class)
{
  g_autofree char *markup = pn_render_markdown_pango (self->pack, markdown, NULL, NULL);

  return markup_label (markup, css_class);
}

/* A row of the end screen's lists: a box of labels, named for a screen reader. */
static GtkWidget *
result_row (GtkWidget  *box,
            const char *name,
            const char *description)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return row;
}

static GtkWidget *
missed_row (PnQuizPage               *self,
            const PnQuizQuestion     *question,
            const PnQuizStoredAnswer *answer)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *verdict = NULL;

  if (question->title != NULL)
    gtk_box_append (GTK_BOX (box), text_label (question->title, "heading"));
  gtk_box_append (GTK_BOX (box), pack_text_label (self, question->text, NULL));
  verdict = answer->score > 0
              /* Translators: on the quiz's end screen, a question partly right, in percent */
              ? g_strdup_printf (_("Partly right: %d %%"), (int) (answer->score * 100 + 0.5))
              : g_strdup (_("Wrong"));
  gtk_box_append (GTK_BOX (box), text_label (verdict, answer->score > 0 ? "warning" : "error"));
  if (question->explanation != NULL)
    gtk_box_append (GTK_BOX (box), pack_text_label (self, question->explanation, "dim-label"));
  if (question->passage != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (_("Reread the Passage"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "quiz.reread");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", question->id);
      gtk_box_append (GTK_BOX (box), button);
    }

  return result_row (box, question->title != NULL ? question->title : question->text,
                     question->explanation != NULL ? question->explanation : verdict);
}

static GtkWidget *
open_row (PnQuizPage               *self,
          const PnQuizQuestion     *question,
          const PnQuizStoredAnswer *answer)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *text = answer->response->text != NULL && answer->response->text[0] != '\0'
                       ? answer->response->text : _("(no answer)");

  gtk_box_append (GTK_BOX (box), pack_text_label (self, question->text, "heading"));
  gtk_box_append (GTK_BOX (box), text_label (text, NULL));
  if (question->explanation != NULL)
    gtk_box_append (GTK_BOX (box), pack_text_label (self, question->explanation, "dim-label"));

  return result_row (box, question->text, text);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The questions missed that « Review Mistakes » asks again: as the store has
 * them (the last finished attempt), else as this attempt went; those still in the quiz. */
static GStrv
missed_questions (PnQuizPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) stored = NULL;

  if (self->store != NULL && self->attempt->id != 0)
    stored = pn_store_get_missed_questions (self->store, pn_pack_get_id (self->pack),
                                            pn_quiz_get_id (self->quiz), NULL);
  if (stored != NULL)
    {
      for (guint i = 0; stored[i] != NULL; i++)
        if (pn_quiz_lookup (self->quiz, stored[i]) != NULL)
          g_strv_builder_add (builder, stored[i]);
    }
  else
    {
      for (guint i = 0; i < self->answers->len; i++)
        {
          const PnQuizStoredAnswer *answer = g_ptr_array_index (self->answers, i);

          if (answer->graded && !answer->correct && pn_quiz_lookup (self->quiz, answer->question_id) != NULL)
            g_strv_builder_add (builder, answer->question_id);
        }
    }

  return g_strv_builder_end (builder);
}

void
_pn_quiz_page_show_results (PnQuizPage *self)
{
  gboolean had_focus = _pn_quiz_page_has_focus (self);
  g_autofree char *score = NULL;
  g_autofree char *score_name = NULL;
  g_autofree char *title = g_markup_escape_text (pn_quiz_get_title (self->quiz), -1);
  guint n_missed = 0, n_open = 0;
  gboolean saved = self->store != NULL && self->attempt->id != 0;
  GtkWidget *focus;

  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      gtk_box_remove (GTK_BOX (self->question_box), g_steal_pointer (&self->view));
    }

  if (self->attempt->max_score > 0)
    score = _pn_quiz_format_score (self->attempt->score, self->attempt->max_score);
  else
    score = g_strdup (_("Your answers are kept"));
  gtk_label_set_label (self->score_label, score);
  /* Translators: the accessible name of the score on the quiz's end screen */
  score_name = g_strdup_printf (_("Score: %s"), score);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, score_name,
                                  -1);
  adw_status_page_set_title (self->end_status, self->attempt->review ? _("Review Complete") : _("Quiz Complete"));
  adw_status_page_set_description (self->end_status, title);
  gtk_widget_set_visible (GTK_WIDGET (self->end_unsaved_label), !saved);

  clear_list (self->missed_list);
  clear_list (self->open_list);
  for (guint i = 0; i < self->answers->len; i++)
    {
      const PnQuizStoredAnswer *answer = g_ptr_array_index (self->answers, i);
      const PnQuizQuestion *question = pn_quiz_lookup (self->quiz, answer->question_id);

      if (question == NULL)
        continue;
      if (answer->graded && !answer->correct)
        {
          gtk_list_box_append (self->missed_list, missed_row (self, question, answer));
          n_missed++;
        }
      else if (question->type == PN_QUESTION_OPEN)
        {
          gtk_list_box_append (self->open_list, open_row (self, question, answer));
          n_open++;
        }
    }
  gtk_widget_set_visible (self->missed_group, n_missed > 0);
  gtk_widget_set_visible (self->open_group, n_open > 0);

  g_clear_pointer (&self->missed, g_strfreev);
  self->missed = missed_questions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->review_button), self->missed[0] != NULL);
  /* Nothing missed: « Restart » is what is offered first. */
  if (self->missed[0] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->restart_button), "flat");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->restart_button), "flat");

  gtk_stack_set_visible_child_name (self->stack, "end");
  _pn_quiz_page_update_actions (self);

  /* The score is said with the button the focus lands on. */
  focus = self->missed[0] != NULL ? GTK_WIDGET (self->review_button) : GTK_WIDGET (self->restart_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (focus),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, score_name,
                                  -1);
  if (had_focus)
    gtk_widget_grab_focus (focus);
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  g_autoptr(PnQuiz) quiz = self->quiz != NULL ? g_object_ref (self->quiz) : NULL;

  if (quiz != NULL)
    _pn_quiz_page_start (self, quiz, NULL);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  g_autoptr(PnQuiz) quiz = self->quiz != NULL ? g_object_ref (self->quiz) : NULL;
  g_auto(GStrv) missed = self->missed != NULL ? g_strdupv (self->missed) : NULL;

  if (quiz != NULL && missed != NULL && missed[0] != NULL)
    _pn_quiz_page_start (self, quiz, missed);
}

static void
reread_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  const PnQuizQuestion *question = self->quiz != NULL
                                     ? pn_quiz_lookup (self->quiz, g_variant_get_string (param, NULL)) : NULL;

  if (question != NULL && question->passage != NULL)
    _pn_quiz_page_request_passage (self, question->passage);
}

/* Export */

gboolean
pn_quiz_page_export_to_file (PnQuizPage *self,
                             GFile      *file,
                             GError    **error)
{
  g_autofree char *markdown = NULL;

  g_return_val_if_fail (PN_IS_QUIZ_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->quiz == NULL || self->attempt == NULL || self->attempt->finished_at == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No finished attempt to export"));
      return FALSE;
    }

  markdown = pn_quiz_export_markdown (pn_pack_get_title (self->pack), pn_pack_get_language (self->pack),
                                      self->quiz, self->attempt, self->answers, NULL);
  return g_file_replace_contents (file, markdown, strlen (markdown), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PnQuizPage      *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (pn_quiz_page_export_to_file (self, file, &error))
        /* Translators: %s is a file name */
        message = g_strdup_printf (_("Results exported to “%s”"), name);
      else
        /* Translators: %s says why */
        message = g_strdup_printf (_("The results could not be exported: %s"), error->message);
      _pn_quiz_page_toast (self, message);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnQuizPage *self = PN_QUIZ_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->quiz == NULL || self->attempt == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Results"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Markdown Documents"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = pn_quiz_export_file_name (self->quiz, self->attempt, NULL);
  if (documents != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pn_quiz_page_class_results_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "quiz.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "quiz.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "quiz.reread", "s", reread_action);
  gtk_widget_class_install_action (widget_class, "quiz.export", NULL, export_action);
}
