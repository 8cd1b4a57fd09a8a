/* test-question-view.c: PnQuestionView for the questions answered by
 * choices, entries and text, each in a real window (run under Xvfb): answers
 * given through the widgets graded by pn_quiz_grade(), responses put back,
 * the controls locked by the grade, the shuffle undone; then every question
 * of the bundled pack at 360 px; screenshots (light, dark, 360 px) when
 * $PN_SCREENSHOT_DIR is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "question-view-test.h"

/* Single choice */

static PnQuizQuestion *
make_single (void)
{
  PnQuizQuestion *question = pn_quiz_question_new ("single", PN_QUESTION_SINGLE,
                                                   "Which share of Meta's revenue is **advertising**?");

  pn_quiz_question_add_answer (question, "About half", 0, "Far more than that.");
  pn_quiz_question_add_answer (question, "99 percent", 100, "Yes: almost all.");
  pn_quiz_question_add_answer (question, "75 percent", 25, "That is Google's threshold.");
  pn_quiz_question_add_answer (question, "None", 0, NULL);
  question->explanation = g_strdup ("Advertising makes *almost all* of Meta's revenue.");
  question->hint = g_strdup ("Think of the essay's exclamation mark.");

  return question;
}

static void
test_single (void)
{
  g_autoptr(PnQuizQuestion) question = make_single ();
  Shown shown = show (question, 42, 600);
  PnQuestionView *view = shown.view;
  g_autoptr(PnQuizResponse) response = NULL;
  g_autoptr(GPtrArray) checks = checks_of (view);

  g_assert_cmpuint (checks->len, ==, 4);
  g_assert_false (pn_question_view_get_answered (view));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (check_showing (view, "None")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "None");

  /* A wrong one, then the right one: one at a time, like radios. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_showing (view, "About half")), TRUE);
  g_assert_true (pn_question_view_get_answered (view));
  assert_correct (view, FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_showing (view, "99 percent")), TRUE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_showing (view, "About half"))));
  response = pn_question_view_get_response (view);
  g_assert_cmpint (response->choice, ==, 1);
  assert_correct (view, TRUE);

  /* The hint: hidden until asked for. */
  g_assert_false (shows_label (GTK_WIDGET (view), "exclamation mark"));
  pn_question_view_show_hint (view);
  wait_for_label (GTK_WIDGET (view), "exclamation mark");
  screenshot (&shown, "single");

  /* The grade locks the buttons and says which is right, in words. */
  assert_checks_sensitive (view, TRUE);
  check_answer (view);
  assert_checks_sensitive (view, FALSE);
  g_assert_true (shows_label (GTK_WIDGET (view), "Correct"));
  g_assert_true (shows_label (GTK_WIDGET (view), "Yes: almost all."));
  g_assert_true (shows_label (GTK_WIDGET (view), "Advertising makes almost all"));
  g_assert_false (shows_label (GTK_WIDGET (view), "Far more than that."));
  screenshot (&shown, "single-graded");
  unshow (&shown);
}

typedef struct {
  GtkWidget *widget;
} ActiveWait;

static gboolean
active_cb (gpointer data)
{
  return gtk_check_button_get_active (data);
}

static gboolean
focus_is_cb (gpointer data)
{
  ActiveWait *wait = data;

  return gtk_widget_is_focus (wait->widget);
}

/* Real keys through the X server: Down moves between the choices, Space picks one. */
static void
test_single_keyboard (void)
{
  g_autoptr(PnQuizQuestion) question = make_single ();
  Shown shown = show (question, 42, 600);
  g_autoptr(GPtrArray) checks = checks_of (shown.view);
  ActiveWait wait = { g_ptr_array_index (checks, 1) };

  pn_question_view_focus_answer (shown.view);
  g_assert_true (gtk_widget_is_focus (g_ptr_array_index (checks, 0)));
  if (!pn_ui_test_press_key (shown.window, GDK_KEY_Down, 0))
    {
      g_test_skip ("No XTest here: no real keys");
      unshow (&shown);
      return;
    }
  wait_until (focus_is_cb, &wait, "Down to reach the second choice");
  pn_ui_test_press_key (shown.window, GDK_KEY_space, 0);
  wait_until (active_cb, g_ptr_array_index (checks, 1), "Space to pick the second choice");
  g_assert_true (pn_question_view_get_answered (shown.view));
  unshow (&shown);
}

/* The same seed gives the same order; the response is in the question's indices whatever the order. */
static void
test_single_shuffle (void)
{
  g_autoptr(PnQuizQuestion) question = make_single ();
  gboolean moved = FALSE;

  for (guint32 seed = 1; seed <= 12; seed++)
    {
      Shown a = show (question, seed, 400);
      Shown b = show (question, seed, 400);
      g_autoptr(GPtrArray) checks_a = checks_of (a.view);
      g_autoptr(GPtrArray) checks_b = checks_of (b.view);
      g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
      g_autoptr(PnQuizResponse) back = NULL;

      for (guint i = 0; i < checks_a->len; i++)
        {
          const PnQuizAnswer *answer = g_ptr_array_index (question->answers, i);

          g_assert_cmpstr (check_text (g_ptr_array_index (checks_a, i)), ==,
                           check_text (g_ptr_array_index (checks_b, i)));
          moved |= !g_str_equal (check_text (g_ptr_array_index (checks_a, i)), answer->text);
        }

      /* Set in one, read back from the other. */
      response->choice = (int) (seed % 4);
      pn_question_view_set_response (b.view, response);
      back = pn_question_view_get_response (b.view);
      g_assert_cmpint (back->choice, ==, response->choice);
      g_assert_true (gtk_check_button_get_active (
        GTK_CHECK_BUTTON (check_showing (b.view, ((PnQuizAnswer *) g_ptr_array_index (question->answers,
                                                                                     response->choice))->text))));
      unshow (&a);
      unshow (&b);
    }

  g_assert_true (moved);
}

/* Multiple choice */

static void
test_multiple (void)
{
  g_autoptr(PnQuizQuestion) question =
    pn_quiz_question_new ("multiple", PN_QUESTION_MULTIPLE, "Which are Big Tech's goods?");
  Shown shown;
  PnQuestionView *view;
  g_autoptr(PnQuizResponse) response = NULL;
  g_autoptr(PnQuizResponse) back = NULL;

  pn_quiz_question_add_answer (question, "Advertising space", 50, NULL);
  pn_quiz_question_add_answer (question, "Cloud services", 50, NULL);
  pn_quiz_question_add_answer (question, "Coal", -100, "No mine of that kind.");
  shown = show (question, 3, 600);
  view = shown.view;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_showing (view, "Cloud services")), TRUE);
  assert_correct (view, FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_showing (view, "Advertising space")), TRUE);
  assert_correct (view, TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_showing (view, "Coal")), TRUE);
  assert_correct (view, FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_showing (view, "Advertising space")), FALSE);

  /* The indices in the question's order. */
  response = pn_question_view_get_response (view);
  g_assert_cmpuint (response->indices->len, ==, 2);
  g_assert_cmpint (g_array_index (response->indices, int, 0), ==, 1);
  g_assert_cmpint (g_array_index (response->indices, int, 1), ==, 2);

  /* Put back in a view shuffled otherwise. */
  {
    Shown other = show (question, 99, 600);

    pn_question_view_set_response (other.view, response);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_showing (other.view, "Coal"))));
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_showing (other.view, "Advertising space"))));
    back = pn_question_view_get_response (other.view);
    g_assert_cmpuint (back->indices->len, ==, 2);
    g_assert_cmpint (g_array_index (back->indices, int, 1), ==, 2);
    unshow (&other);
  }

  assert_checks_sensitive (view, TRUE);
  check_answer (view);
  assert_checks_sensitive (view, FALSE);
  /* Each choice marked: the one missed, the one wrongly checked, the one right. */
  g_assert_true (shows_label (GTK_WIDGET (view), "Missed"));
  g_assert_true (shows_label (GTK_WIDGET (view), "not to be checked"));
  g_assert_true (shows_label (GTK_WIDGET (view), "No mine of that kind."));
  screenshot (&shown, "multiple-graded");
  unshow (&shown);
}

/* True or false */

static void
test_true_false (void)
{
  g_autoptr(PnQuizQuestion) question =
    pn_quiz_question_new ("tf", PN_QUESTION_TRUE_FALSE, "Morozov counts advertising in Big Tech's revenue.");
  Shown shown;
  PnQuestionView *view;
  g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
  g_autoptr(PnQuizResponse) back = NULL;

  question->truth = FALSE;
  question->feedback_false = g_strdup ("Right: that is his blind spot.");
  shown = show (question, 1, 600);
  view = shown.view;

  g_assert_false (pn_question_view_get_answered (view));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_showing (view, "True")), TRUE);
  assert_correct (view, FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check_showing (view, "False")), TRUE);
  assert_correct (view, TRUE);

  response->choice = 1;
  pn_question_view_set_response (view, response);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_showing (view, "True"))));
  back = pn_question_view_get_response (view);
  g_assert_cmpint (back->choice, ==, 1);
  response->choice = 0;
  pn_question_view_set_response (view, response);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check_showing (view, "True"))));

  assert_checks_sensitive (view, TRUE);
  check_answer (view);
  assert_checks_sensitive (view, FALSE);
  g_assert_true (shows_label (GTK_WIDGET (view), "his blind spot"));
  screenshot (&shown, "true-false-graded");
  unshow (&shown);
}

/* Short answer and numerical */

static GtkWidget *
entry_of (PnQuestionView *view)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (view), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  return entry;
}

static void
test_short (void)
{
  g_autoptr(PnQuizQuestion) question =
    pn_quiz_question_new ("short", PN_QUESTION_SHORT, "Who wrote *Le Monde diplomatique*'s article?");
  Shown shown;
  PnQuestionView *view;
  GtkWidget *entry;
  g_autoptr(PnQuizResponse) response = NULL;
  guint activations = 0;

  pn_quiz_question_add_answer (question, "Morozov", 100, "Yes, Evgeny Morozov.");
  pn_quiz_question_add_answer (question, "Evgeny Morozov", 100, NULL);
  shown = show (question, 1, 600);
  view = shown.view;
  entry = entry_of (view);
  g_signal_connect (view, "activate-check", G_CALLBACK (count_cb), &activations);

  g_assert_false (pn_question_view_get_answered (view));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Lordon");
  g_assert_true (pn_question_view_get_answered (view));
  assert_correct (view, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "morozov");
  assert_correct (view, TRUE);
  response = pn_question_view_get_response (view);
  g_assert_cmpstr (response->text, ==, "morozov");

  /* Enter asks for the check. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (activations, ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_false (pn_question_view_get_answered (view));
  pn_question_view_set_response (view, response);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "morozov");
  g_assert_true (pn_question_view_get_answered (view));

  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  check_answer (view);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (activations, ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (view), "Yes, Evgeny Morozov."));
  screenshot (&shown, "short-graded");
  unshow (&shown);

  /* A wrong answer is told the accepted one. */
  shown = show (question, 1, 600);
  gtk_editable_set_text (GTK_EDITABLE (entry_of (shown.view)), "Durand");
  check_answer (shown.view);
  g_assert_true (shows_label (GTK_WIDGET (shown.view), "Accepted answer: Morozov"));
  unshow (&shown);

  /* The accepted answer of a pattern, without its stars. */
  {
    g_autoptr(PnQuizQuestion) pattern =
      pn_quiz_question_new ("pattern", PN_QUESTION_SHORT, "What do Big Tech sell?");

    pn_quiz_question_add_answer (pattern, "*advertising space*", 100, NULL);
    shown = show (pattern, 1, 600);
    gtk_editable_set_text (GTK_EDITABLE (entry_of (shown.view)), "cloud");
    check_answer (shown.view);
    g_assert_true (shows_label (GTK_WIDGET (shown.view), "Accepted answer: advertising space"));
    unshow (&shown);
  }
}

static void
test_numerical (void)
{
  g_autoptr(PnQuizQuestion) question =
    pn_quiz_question_new ("numerical", PN_QUESTION_NUMERICAL, "How many hours?");
  Shown shown;
  PnQuestionView *view;
  GtkWidget *entry;

  pn_quiz_question_add_number (question, 3, 4, TRUE, 100, "Between three and four.");
  shown = show (question, 1, 600);
  view = shown.view;
  entry = entry_of (view);

  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_assert_false (pn_question_view_get_answered (view));
  g_assert_true (shows_label (GTK_WIDGET (view), "This is not a number"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "5");
  g_assert_true (pn_question_view_get_answered (view));
  g_assert_false (shows_label (GTK_WIDGET (view), "This is not a number"));
  assert_correct (view, FALSE);
  /* The French decimal comma. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "3,5");
  assert_correct (view, TRUE);

  check_answer (view);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
  g_assert_true (shows_label (GTK_WIDGET (view), "Between three and four."));
  screenshot (&shown, "numerical-graded");
  unshow (&shown);
}

/* Open questions and descriptions */

static void
test_open (void)
{
  g_autoptr(PnQuizQuestion) question =
    pn_quiz_question_new ("open", PN_QUESTION_OPEN, "What would a users' strike look like?");
  Shown shown;
  PnQuestionView *view;
  GtkTextView *text_view;
  g_autoptr(PnQuizResponse) response = NULL;
  g_autoptr(PnQuizResponse) back = pn_quiz_response_new ();

  question->explanation = g_strdup ("The essay names the fediverse.");
  shown = show (question, 1, 600);
  view = shown.view;
  text_view = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (text_view);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (text_view), !=, GTK_WRAP_NONE);
  g_assert_true (pn_question_view_get_answered (view));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "Leave, together,\nfor the fediverse.", -1);
  response = pn_question_view_get_response (view);
  g_assert_cmpstr (response->text, ==, "Leave, together,\nfor the fediverse.");

  back->text = g_strdup ("Another answer");
  pn_question_view_set_response (view, back);
  g_clear_pointer (&response, pn_quiz_response_free);
  response = pn_question_view_get_response (view);
  g_assert_cmpstr (response->text, ==, "Another answer");

  g_assert_false (shows_label (GTK_WIDGET (view), "names the fediverse"));
  g_assert_true (gtk_text_view_get_editable (text_view));
  pn_question_view_set_grade (view, NULL);
  g_assert_false (gtk_text_view_get_editable (text_view));
  g_assert_true (shows_label (GTK_WIDGET (view), "names the fediverse"));
  screenshot (&shown, "open-graded");
  unshow (&shown);
}

static void
test_description (void)
{
  g_autoptr(PnQuizQuestion) question =
    pn_quiz_question_new ("description", PN_QUESTION_DESCRIPTION, "The next questions are about *Lordon*.");
  Shown shown = show (question, 1, 600);
  g_autoptr(PnQuizResponse) response = pn_question_view_get_response (shown.view);

  g_assert_true (pn_question_view_get_answered (shown.view));
  g_assert_true (shows_label (GTK_WIDGET (shown.view), "about Lordon"));
  g_assert_null (find_widget (GTK_WIDGET (shown.view), GTK_TYPE_CHECK_BUTTON));
  g_assert_null (find_widget (GTK_WIDGET (shown.view), GTK_TYPE_ENTRY));
  unshow (&shown);
}

/* The bundled pack */

/* A response the model calls right (FALSE for questions not graded or too loose to write one). */
static gboolean
right_response (const PnQuizQuestion *question,
                PnQuizResponse       *response)
{
  GPtrArray *answers = question->answers;
  int best = -1;
  GStrvBuilder *gaps;

  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      if (!answer->any && (best < 0 || answer->weight > ((PnQuizAnswer *) g_ptr_array_index (answers, best))->weight))
        best = (int) i;
    }

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
      response->choice = best;
      return TRUE;
    case PN_QUESTION_MULTIPLE:
      for (guint i = 0; i < answers->len; i++)
        if (((PnQuizAnswer *) g_ptr_array_index (answers, i))->weight > 0)
          pn_quiz_response_add_index (response, (int) i);
      return TRUE;
    case PN_QUESTION_TRUE_FALSE:
      response->choice = question->truth ? 1 : 0;
      return TRUE;
    case PN_QUESTION_SHORT:
      response->text = g_strdup (((PnQuizAnswer *) g_ptr_array_index (answers, best))->text);
      return strchr (response->text, '*') == NULL;
    case PN_QUESTION_NUMERICAL:
      {
        const PnQuizAnswer *answer = g_ptr_array_index (answers, best);
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        response->text = g_strdup (g_ascii_dtostr (number, sizeof number, (answer->min + answer->max) / 2));
        return TRUE;
      }
    case PN_QUESTION_MATCHING:
      {
        int n = 0;

        for (guint i = 0; i < question->pairs->len; i++)
          if (((PnQuizPair *) g_ptr_array_index (question->pairs, i))->item != NULL)
            pn_quiz_response_add_index (response, n++);
        return TRUE;
      }
    case PN_QUESTION_ORDERING:
      for (guint i = 0; question->steps[i] != NULL; i++)
        pn_quiz_response_add_index (response, (int) i);
      return TRUE;
    case PN_QUESTION_CLOZE:
      gaps = g_strv_builder_new ();
      for (guint i = 0; i < question->gaps->len; i++)
        {
          const PnQuizGap *gap = g_ptr_array_index (question->gaps, i);
          const PnQuizAnswer *top = NULL;

          for (guint j = 0; j < gap->answers->len; j++)
            {
              const PnQuizAnswer *answer = g_ptr_array_index (gap->answers, j);

              if (top == NULL || answer->weight > top->weight)
                top = answer;
            }
          g_strv_builder_add (gaps, top->text);
        }
      response->gaps = g_strv_builder_end (gaps);
      g_strv_builder_unref (gaps);
      return TRUE;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      return FALSE;
    }
}

/* Every question of the bundled pack, at 360 px: it fits, the right answer put back grades right;
 * one screenshot per type, graded, in light and dark style. */
static void
test_pack_questions (void)
{
  GPtrArray *quizzes = pn_pack_get_quizzes (pack);
  gboolean shot[PN_QUESTION_DESCRIPTION + 1] = { FALSE };
  guint n = 0;

  g_assert_nonnull (quizzes);
  for (guint q = 0; q < quizzes->len; q++)
    {
      GPtrArray *questions = pn_quiz_get_questions (g_ptr_array_index (quizzes, q));

      for (guint i = 0; i < questions->len; i++)
        {
          const PnQuizQuestion *question = g_ptr_array_index (questions, i);
          g_autoptr(PnQuizResponse) response = pn_quiz_response_new ();
          gboolean graded = right_response (question, response);
          Shown shown = show (question, 1000 + i, 360);
          g_autoptr(PnQuizGrade) grade = NULL;

          /* Nothing in it forces the window wider than a phone. */
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shown.view)), <=, 360);
          /* The keyboard goes to the first control of the answer. */
          pn_question_view_focus_answer (shown.view);
          if (question->type != PN_QUESTION_DESCRIPTION)
            {
              GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (shown.window));

              g_assert_nonnull (focus);
              g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (shown.view)));
            }
          pn_question_view_set_response (shown.view, response);
          grade = grade_view (shown.view);
          if (graded)
            {
              if (!grade->correct)
                g_error ("%s: the right answer, put back, is not graded right", question->id);
            }
          pn_question_view_show_hint (shown.view);
          pn_question_view_set_grade (shown.view, pn_quiz_question_is_graded (question) ? grade : NULL);

          if (!shot[question->type])
            {
              g_autofree char *name = g_strdup_printf ("narrow-%s", pn_question_type_to_string (question->type));
              g_autofree char *dark = g_strdup_printf ("dark-%s", pn_question_type_to_string (question->type));

              shot[question->type] = TRUE;
              screenshot (&shown, name);
              adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
              screenshot (&shown, dark);
              adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
            }
          unshow (&shown);
          n++;
        }
    }

  g_test_message ("%u questions of the bundled pack shown", n);
  g_assert_cmpuint (n, >=, 30);
  for (guint t = 0; t <= PN_QUESTION_OPEN; t++)
    if (!shot[t])
      g_test_message ("No question of type %s in the pack", pn_question_type_to_string (t));
}

int
main (int argc, char *argv[])
{
  question_view_test_init (&argc, &argv);

  g_test_add_func ("/question-view/single", test_single);
  g_test_add_func ("/question-view/single-keyboard", test_single_keyboard);
  g_test_add_func ("/question-view/single-shuffle", test_single_shuffle);
  g_test_add_func ("/question-view/multiple", test_multiple);
  g_test_add_func ("/question-view/true-false", test_true_false);
  g_test_add_func ("/question-view/short", test_short);
  g_test_add_func ("/question-view/numerical", test_numerical);
  g_test_add_func ("/question-view/open", test_open);
  g_test_add_func ("/question-view/description", test_description);
  g_test_add_func ("/question-view/pack", test_pack_questions);

  return g_test_run ();
}
