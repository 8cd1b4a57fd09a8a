/* test-question-view-lists.c: PnQuestionView for ordering, matching and
 * cloze questions in a real window (run under Xvfb): ordering by its
 * keyboard actions, a real Alt+Down, its buttons and drops; matching by its
 * drop downs and drops; cloze by its entries and drop downs; each graded,
 * put back and locked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "question-view-test.h"

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

/* The items' rows, which take the drops. */
static GPtrArray *
items_of (PnQuestionView *view)
{
  g_autoptr(GPtrArray) boxes = find_widgets (GTK_WIDGET (view), GTK_TYPE_BOX, NULL, FALSE);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; i < boxes->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (boxes, i), "pn-match-item"))
      g_ptr_array_add (items, g_ptr_array_index (boxes, i));
  return items;
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
  g_autoptr(GPtrArray) rows = items_of (view);
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

typedef struct {
  GtkWindow *window;
  GtkWidget *within;
} FocusIn;

static gboolean
focus_in_cb (gpointer data)
{
  FocusIn *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->window));

  return focus != NULL && (focus == wait->within || gtk_widget_is_ancestor (focus, wait->within));
}

/* Real keys: Tab from one item's drop down to the next; Down from one step to the next. */
static void
test_lists_keyboard (void)
{
  g_autoptr(PnQuizQuestion) matching = make_matching ();
  g_autoptr(PnQuizQuestion) ordering = make_ordering ();
  Shown shown = show (matching, 8, 600);
  g_autoptr(GPtrArray) drop_downs = drop_downs_of (shown.view);
  g_autoptr(GPtrArray) rows = NULL;
  FocusIn wait = { shown.window, g_ptr_array_index (drop_downs, 1) };

  pn_question_view_focus_answer (shown.view);
  g_assert_true (focus_in_cb (&(FocusIn) { shown.window, g_ptr_array_index (drop_downs, 0) }));
  if (!pn_ui_test_press_key (shown.window, GDK_KEY_Tab, 0))
    {
      g_test_skip ("No XTest here: no real keys");
      unshow (&shown);
      return;
    }
  wait_until (focus_in_cb, &wait, "Tab to reach the second item's drop down");
  unshow (&shown);

  shown = show (ordering, 5, 600);
  rows = rows_of (shown.view);
  pn_question_view_focus_answer (shown.view);
  g_assert_true (focus_in_cb (&(FocusIn) { shown.window, g_ptr_array_index (rows, 0) }));
  wait.window = shown.window;
  wait.within = g_ptr_array_index (rows, 1);
  pn_ui_test_press_key (shown.window, GDK_KEY_Down, 0);
  wait_until (focus_in_cb, &wait, "Down to reach the second step");
  unshow (&shown);
}

int
main (int argc, char *argv[])
{
  question_view_test_init (&argc, &argv);

  g_test_add_func ("/question-view/ordering-keyboard", test_ordering_keyboard);
  g_test_add_func ("/question-view/ordering-drop", test_ordering_drop);
  g_test_add_func ("/question-view/matching", test_matching);
  g_test_add_func ("/question-view/matching-drop", test_matching_drop);
  g_test_add_func ("/question-view/cloze", test_cloze);
  g_test_add_func ("/question-view/lists-keyboard", test_lists_keyboard);

  return g_test_run ();
}
