/* test-question-view.c: PnQuestionView for each type of question, in a real
 * window (run under Xvfb): answers given through the widgets graded by
 * pn_quiz_grade(), responses put back, the controls locked by the grade, the
 * shuffle undone; ordering by its keyboard actions and by a drop, matching by
 * its drop downs and by a drop; screenshots (light, dark, 360 px) when
 * $PN_SCREENSHOT_DIR is set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "model/pn-quiz-grade.h"
#include "pn-question-view.h"
#include "window-test.h"

static PnPack *pack;

/* Helpers */

typedef struct {
  GtkWindow *window;
  PnQuestionView *view;
} Shown;

/* @question in a window @width wide (the view lives as long as the window). */
static Shown
show (const PnQuizQuestion *question,
      guint32               seed,
      int                   width)
{
  Shown shown;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  shown.window = GTK_WINDOW (gtk_window_new ());
  shown.view = PN_QUESTION_VIEW (pn_question_view_new (pack, question, seed));
  gtk_widget_set_margin_top (GTK_WIDGET (shown.view), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (shown.view), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (shown.view), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (shown.view), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (shown.view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_window_set_child (shown.window, scroller);
  gtk_window_set_default_size (shown.window, width, 720);
  gtk_window_present (shown.window);
  wait_until (window_mapped_cb, shown.window, "the window to be mapped");

  return shown;
}

static void
unshow (Shown *shown)
{
  gtk_window_destroy (shown->window);
}

static GPtrArray *
checks_of (PnQuestionView *view)
{
  return find_widgets (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON, NULL, FALSE);
}

/* The text a check button shows (its child label). */
static const char *
check_text (GtkWidget *check)
{
  return gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))));
}

static GtkWidget *
check_showing (PnQuestionView *view,
               const char     *text)
{
  g_autoptr(GPtrArray) checks = checks_of (view);

  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (check_text (g_ptr_array_index (checks, i)), text))
      return g_ptr_array_index (checks, i);

  g_error ("No check button shows “%s”", text);
  return NULL;
}

static PnQuizGrade *
grade_view (PnQuestionView *view)
{
  g_autoptr(PnQuizResponse) response = pn_question_view_get_response (view);

  return pn_quiz_grade (pn_question_view_get_question (view), response);
}

static void
assert_correct (PnQuestionView *view,
                gboolean        correct)
{
  g_autoptr(PnQuizGrade) grade = grade_view (view);

  g_assert_cmpint (grade->correct, ==, correct);
}

/* Every check button's sensitivity is @sensitive. */
static void
assert_checks_sensitive (PnQuestionView *view,
                         gboolean        sensitive)
{
  g_autoptr(GPtrArray) checks = checks_of (view);

  g_assert_cmpuint (checks->len, >, 0);
  for (guint i = 0; i < checks->len; i++)
    g_assert_cmpint (gtk_widget_get_sensitive (g_ptr_array_index (checks, i)), ==, sensitive);
}

/* Grades @view as it stands and shows the grade. */
static void
check_answer (PnQuestionView *view)
{
  g_autoptr(PnQuizGrade) grade = grade_view (view);

  pn_question_view_set_grade (view, grade);
}

static void
screenshot (Shown      *shown,
            const char *name)
{
  g_autofree char *file = g_strdup_printf ("question-%s.png", name);

  save_screenshot (GTK_WIDGET (shown->window), file);
}

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

static void
count_cb (gpointer  view,
          guint    *count)
{
  (*count)++;
}

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

/* Ordering */

static PnQuizQuestion *
make_ordering (void)
{
  PnQuizQuestion *question = pn_quiz_question_new ("ordering", PN_QUESTION_ORDERING, "Put the argument in order.");
  const char *steps[] = { "Advertising space is sold.", "It is valuable when targeted.",
                          "Targeting needs *raw data*.", "Extracting data is labour.", NULL };

  g_strfreev (question->steps);
  question->steps = g_strdupv ((char **) steps);
  question->explanation = g_strdup ("From the commodity to the labour.");

  return question;
}

static GArray *
order_of (PnQuestionView *view)
{
  PnQuizResponse *response = pn_question_view_get_response (view);
  GArray *order = g_array_ref (response->indices);

  pn_quiz_response_free (response);
  return order;
}

static guint
position_of_step (GArray *order,
                  int     step)
{
  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, int, i) == step)
      return i;
  g_assert_not_reached ();
}

static GPtrArray *
rows_of (PnQuestionView *view)
{
  return find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);
}

static GtkWidget *
focused (PnQuestionView *view)
{
  return gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view)));
}

typedef struct {
  PnQuestionView *view;
  GArray *before;
} OrderWait;

static gboolean
order_changed_cb (gpointer data)
{
  OrderWait *wait = data;
  g_autoptr(GArray) now = order_of (wait->view);

  for (guint i = 0; i < now->len; i++)
    if (g_array_index (now, int, i) != g_array_index (wait->before, int, i))
      return TRUE;
  return FALSE;
}

/* Emits the "drop" of the drop target on @widget with @value, as GTK does at the end of a drag. */
static gboolean
drop_on (GtkWidget    *widget,
         const GValue *value)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean taken = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", value, 1.0, 1.0, &taken);
          return taken;
        }
    }
  g_error ("No drop target");
  return FALSE;
}

static void
test_ordering_keyboard (void)
{
  g_autoptr(PnQuizQuestion) question = make_ordering ();
  Shown shown = show (question, 5, 600);
  PnQuestionView *view = shown.view;
  g_autoptr(GPtrArray) rows = rows_of (view);
  g_autoptr(GArray) order = order_of (view);
  g_autofree char *name = NULL;

  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_true (pn_question_view_get_answered (view));
  /* Shuffled: never already right. */
  assert_correct (view, FALSE);
  screenshot (&shown, "ordering");

  /* Each step brought up to its place with Alt+Up's action on the focused row; the focus follows it. */
  for (int step = 0; step < 4; step++)
    {
      guint position;

      g_clear_pointer (&order, g_array_unref);
      order = order_of (view);
      position = position_of_step (order, step);
      gtk_widget_grab_focus (g_ptr_array_index (rows, position));
      while (position > (guint) step)
        {
          g_assert_true (gtk_widget_activate_action (focused (view), "order.move-up", NULL));
          position--;
          g_assert_true (focused (view) == g_ptr_array_index (rows, position));
        }
    }
  assert_correct (view, TRUE);
  name = g_strdup_printf ("Position 3 of 4: %s", "Targeting needs raw data.");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (rows, 2)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, name);

  /* Alt+Down on the first, then its « Move Up » button back. */
  gtk_widget_grab_focus (g_ptr_array_index (rows, 0));
  g_assert_true (gtk_widget_activate_action (focused (view), "order.move-down", NULL));
  assert_correct (view, FALSE);
  g_clear_pointer (&order, g_array_unref);
  order = order_of (view);
  g_assert_cmpint (g_array_index (order, int, 1), ==, 0);
  {
    g_autoptr(GPtrArray) ups = find_widgets (g_ptr_array_index (rows, 1), GTK_TYPE_BUTTON, NULL, FALSE);

    g_assert_cmpuint (ups->len, ==, 2);
    g_signal_emit_by_name (g_ptr_array_index (ups, 0), "clicked");
  }
  assert_correct (view, TRUE);

  /* A real Alt+Down through the X server, where there is XTest. */
  {
    OrderWait wait = { view, NULL };

    gtk_widget_grab_focus (g_ptr_array_index (rows, 2));
    wait.before = order_of (view);
    if (pn_ui_test_press_key (shown.window, GDK_KEY_Down, GDK_ALT_MASK))
      {
        wait_until (order_changed_cb, &wait, "Alt+Down to move the step");
        g_clear_pointer (&order, g_array_unref);
        order = order_of (view);
        g_assert_cmpint (g_array_index (order, int, 3), ==, 2);
        gtk_widget_grab_focus (g_ptr_array_index (rows, 3));
        g_assert_true (gtk_widget_activate_action (focused (view), "order.move-up", NULL));
      }
    else
      g_test_message ("No XTest: Alt+Down tried through its action only");
    g_array_unref (wait.before);
  }
  assert_correct (view, TRUE);
  unshow (&shown);
}

static void
test_ordering_drop (void)
{
  g_autoptr(PnQuizQuestion) question = make_ordering ();
  Shown shown = show (question, 11, 600);
  PnQuestionView *view = shown.view;
  g_autoptr(GPtrArray) rows = rows_of (view);
  g_autoptr(GArray) before = order_of (view);
  g_autoptr(GArray) after = NULL;
  g_autoptr(PnQuizResponse) response = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GPtrArray) buttons = NULL;

  /* The last row dropped on the first: it goes first, the others down by one. */
  g_value_init (&value, GTK_TYPE_LIST_BOX_ROW);
  g_value_set_object (&value, g_ptr_array_index (rows, 3));
  g_assert_true (drop_on (g_ptr_array_index (rows, 0), &value));
  after = order_of (view);
  g_assert_cmpint (g_array_index (after, int, 0), ==, g_array_index (before, int, 3));
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (g_array_index (after, int, i), ==, g_array_index (before, int, i - 1));

  /* Sorted by drops alone. */
  for (int step = 0; step < 4; step++)
    {
      g_autoptr(GArray) order = order_of (view);

      g_value_set_object (&value, g_ptr_array_index (rows, position_of_step (order, step)));
      drop_on (g_ptr_array_index (rows, step), &value);
    }
  assert_correct (view, TRUE);

  /* Put back in another view. */
  response = pn_question_view_get_response (view);
  {
    Shown other = show (question, 12, 600);
    g_autoptr(GArray) back = NULL;

    pn_question_view_set_response (other.view, response);
    back = order_of (other.view);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpint (g_array_index (back, int, i), ==, (int) i);
    unshow (&other);
  }

  /* Wrong again, then graded: locked, marked, the right order shown. */
  g_value_set_object (&value, g_ptr_array_index (rows, 0));
  g_assert_true (drop_on (g_ptr_array_index (rows, 2), &value));
  buttons = find_widgets (GTK_WIDGET (view), GTK_TYPE_BUTTON, NULL, FALSE);
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (buttons, 1)));
  check_answer (view);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)));
  g_clear_pointer (&before, g_array_unref);
  before = order_of (view);
  g_assert_false (drop_on (g_ptr_array_index (rows, 0), &value));
  gtk_widget_grab_focus (g_ptr_array_index (rows, 1));
  gtk_widget_activate_action (g_ptr_array_index (rows, 1), "order.move-up", NULL);
  g_clear_pointer (&after, g_array_unref);
  after = order_of (view);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (g_array_index (after, int, i), ==, g_array_index (before, int, i));
  g_assert_true (shows_label (GTK_WIDGET (view), "The right order:"));
  g_assert_true (shows_label (GTK_WIDGET (view), "Incorrect: this is step"));
  screenshot (&shown, "ordering-graded");
  unshow (&shown);
}

/* Matching */

static PnQuizQuestion *
make_matching (void)
{
  PnQuizQuestion *question = pn_quiz_question_new ("matching", PN_QUESTION_MATCHING,
                                                   "Match each application with the service it replaces.");

  pn_quiz_question_add_pair (question, "Mastodon", "Twitter");
  pn_quiz_question_add_pair (question, "PeerTube", "YouTube");
  pn_quiz_question_add_pair (question, "Pixelfed", "Instagram");
  pn_quiz_question_add_pair (question, NULL, "Amazon");

  return question;
}

static GPtrArray *
drop_downs_of (PnQuestionView *view)
{
  return find_widgets (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL, FALSE);
}

/* Selects @text in @drop_down's list. */
static void
choose (GtkWidget  *drop_down,
        const char *text)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
          return;
        }
    }
  g_error ("No “%s” in the drop down", text);
}

static void
test_matching (void)
{
  g_autoptr(PnQuizQuestion) question = make_matching ();
  Shown shown = show (question, 8, 600);
  PnQuestionView *view = shown.view;
  g_autoptr(GPtrArray) drop_downs = drop_downs_of (view);
  g_autoptr(PnQuizResponse) response = NULL;
  GListModel *model;

  g_assert_cmpuint (drop_downs->len, ==, 3);
  /* « Choose… », the three matches and the distractor. */
  model = gtk_drop_down_get_model (g_ptr_array_index (drop_downs, 0));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (drop_downs, 1)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Match for: PeerTube");
  g_assert_false (pn_question_view_get_answered (view));
  screenshot (&shown, "matching");

  choose (g_ptr_array_index (drop_downs, 0), "Twitter");
  g_assert_true (pn_question_view_get_answered (view));
  choose (g_ptr_array_index (drop_downs, 1), "Amazon");
  choose (g_ptr_array_index (drop_downs, 2), "Instagram");
  assert_correct (view, FALSE);
  choose (g_ptr_array_index (drop_downs, 1), "YouTube");
  assert_correct (view, TRUE);

  /* The indices are those of pn_quiz_matching_options(): the matches in order, then the distractors. */
  response = pn_question_view_get_response (view);
  g_assert_cmpuint (response->indices->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (response->indices, int, i), ==, (int) i);

  {
    Shown other = show (question, 9, 600);
    g_autoptr(PnQuizResponse) back = NULL;

    pn_question_view_set_response (other.view, response);
    back = pn_question_view_get_response (other.view);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpint (g_array_index (back->indices, int, i), ==, (int) i);
    unshow (&other);
  }

  choose (g_ptr_array_index (drop_downs, 2), "Amazon");
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (drop_downs, 0)));
  check_answer (view);
  for (guint i = 0; i < 3; i++)
    g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (drop_downs, i)));
  g_assert_true (shows_label (GTK_WIDGET (view), "Right match: Instagram"));
  g_assert_false (shows_label (GTK_WIDGET (view), "Right match: Twitter"));
  screenshot (&shown, "matching-graded");
  unshow (&shown);
}

static void
test_matching_drop (void)
{
  g_autoptr(PnQuizQuestion) question = make_matching ();
  Shown shown = show (question, 8, 600);
  PnQuestionView *view = shown.view;
  g_autoptr(GPtrArray) rows = rows_of (view);
  g_auto(GValue) value = G_VALUE_INIT;
  const char *matches[] = { "Twitter", "YouTube", "Instagram" };

  g_assert_cmpuint (rows->len, ==, 3);
  g_value_init (&value, G_TYPE_STRING);

  /* Something that is none of the answers is refused. */
  g_value_set_string (&value, "Facebook");
  g_assert_false (drop_on (g_ptr_array_index (rows, 0), &value));
  g_assert_false (pn_question_view_get_answered (view));

  for (guint i = 0; i < 3; i++)
    {
      g_value_set_string (&value, matches[2 - i]);
      g_assert_true (drop_on (g_ptr_array_index (rows, i), &value));
    }
  g_assert_true (pn_question_view_get_answered (view));
  assert_correct (view, FALSE);
  for (guint i = 0; i < 3; i++)
    {
      g_value_set_string (&value, matches[i]);
      g_assert_true (drop_on (g_ptr_array_index (rows, i), &value));
    }
  assert_correct (view, TRUE);

  /* Once graded, drops change nothing. */
  check_answer (view);
  g_value_set_string (&value, "Amazon");
  g_assert_false (drop_on (g_ptr_array_index (rows, 0), &value));
  assert_correct (view, TRUE);
  unshow (&shown);
}

/* Cloze */

static PnQuizQuestion *
make_cloze (void)
{
  PnQuizQuestion *question = pn_quiz_question_new ("cloze", PN_QUESTION_CLOZE,
    "Value is measured by the labour of {{1}} and of {{2}}, crystallised in *advertising* {{3}}.");
  PnQuizGap *gap;

  gap = pn_quiz_question_add_gap (question, PN_QUIZ_GAP_TEXT);
  pn_quiz_gap_add_answer (gap, "production", 100, NULL);
  gap = pn_quiz_question_add_gap (question, PN_QUIZ_GAP_TEXT);
  pn_quiz_gap_add_answer (gap, "transaction", 100, NULL);
  pn_quiz_gap_add_answer (gap, "transactions", 100, NULL);
  gap = pn_quiz_question_add_gap (question, PN_QUIZ_GAP_CHOICE);
  pn_quiz_gap_add_answer (gap, "space", 100, "Yes, space sold to advertisers.");
  pn_quiz_gap_add_answer (gap, "time", 0, NULL);
  pn_quiz_gap_add_answer (gap, "land", 0, NULL);

  return question;
}

static void
test_cloze (void)
{
  g_autoptr(PnQuizQuestion) question = make_cloze ();
  Shown shown = show (question, 4, 600);
  PnQuestionView *view = shown.view;
  g_autoptr(GPtrArray) entries = find_widgets (GTK_WIDGET (view), GTK_TYPE_ENTRY, NULL, FALSE);
  g_autoptr(GPtrArray) drop_downs = drop_downs_of (view);
  g_autoptr(GPtrArray) italic = find_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, "advertising", TRUE);
  g_autoptr(GPtrArray) stops = find_widgets (GTK_WIDGET (view), GTK_TYPE_LABEL, ".", TRUE);
  g_autoptr(PnQuizResponse) response = NULL;
  guint activations = 0;

  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpuint (drop_downs->len, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (entries, 1)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Gap 2 of 3");
  /* The passage's emphasis kept on its word; the full stop against the last gap. */
  g_assert_cmpuint (italic->len, ==, 1);
  g_assert_nonnull (gtk_label_get_attributes (g_ptr_array_index (italic, 0)));
  g_assert_cmpuint (stops->len, ==, 1);
  g_assert_true (gtk_widget_get_parent (g_ptr_array_index (stops, 0)) ==
                 gtk_widget_get_parent (g_ptr_array_index (drop_downs, 0)));
  g_assert_false (pn_question_view_get_answered (view));
  screenshot (&shown, "cloze");

  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "Production");
  g_assert_true (pn_question_view_get_answered (view));
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "transactions");
  assert_correct (view, FALSE);
  choose (g_ptr_array_index (drop_downs, 0), "space");
  assert_correct (view, TRUE);
  response = pn_question_view_get_response (view);
  g_assert_cmpstr (response->gaps[2], ==, "space");

  g_signal_connect (view, "activate-check", G_CALLBACK (count_cb), &activations);
  g_signal_emit_by_name (g_ptr_array_index (entries, 1), "activate");
  g_assert_cmpuint (activations, ==, 1);

  {
    Shown other = show (question, 5, 600);

    pn_question_view_set_response (other.view, response);
    assert_correct (other.view, TRUE);
    unshow (&other);
  }

  choose (g_ptr_array_index (drop_downs, 0), "land");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "consumption");
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (drop_downs, 0)));
  check_answer (view);
  g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (drop_downs, 0)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (g_ptr_array_index (entries, 0))));
  g_signal_emit_by_name (g_ptr_array_index (entries, 1), "activate");
  g_assert_cmpuint (activations, ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (view), "Accepted answers:"));
  g_assert_true (shows_label (GTK_WIDGET (view), "Gap 1: production"));
  g_assert_false (shows_label (GTK_WIDGET (view), "Gap 2:"));
  screenshot (&shown, "cloze-graded");
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
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) location = NULL;

  pn_ui_test_init (&argc, &argv);
  adw_init ();
  /* The app's style sheet, as AdwApplication loads it from its resources. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/example/Prisonnum/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  dir = g_build_filename (g_getenv ("PN_SOURCE_ROOT"), "data", "pack", NULL);
  location = g_file_new_for_path (dir);
  pack = pn_pack_load (location, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/question-view/single", test_single);
  g_test_add_func ("/question-view/single-shuffle", test_single_shuffle);
  g_test_add_func ("/question-view/multiple", test_multiple);
  g_test_add_func ("/question-view/true-false", test_true_false);
  g_test_add_func ("/question-view/short", test_short);
  g_test_add_func ("/question-view/numerical", test_numerical);
  g_test_add_func ("/question-view/open", test_open);
  g_test_add_func ("/question-view/description", test_description);
  g_test_add_func ("/question-view/ordering-keyboard", test_ordering_keyboard);
  g_test_add_func ("/question-view/ordering-drop", test_ordering_drop);
  g_test_add_func ("/question-view/matching", test_matching);
  g_test_add_func ("/question-view/matching-drop", test_matching_drop);
  g_test_add_func ("/question-view/cloze", test_cloze);
  g_test_add_func ("/question-view/pack", test_pack_questions);

  return g_test_run ();
}
