/* test-quiz.c: the Quizzes page in a real window (run under Xvfb): a quiz
 * taken to the end from the keyboard only, the score and the last attempt
 * kept across a restart, « Reread the Passage » showing the quote flashed in
 * the text and the way back, « Review Mistakes » asking only what was missed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-question-view.h"
#include "quiz-test.h"

/* (1) From the sidebar to the end screen with keys only: Return on the row,
 * Shift+F6 into the page, Return on the quiz, then for each question: an
 * answer (Space, or typed), Return to check, Return to go on. */
static void
test_quiz_keyboard (void)
{
  g_autoptr(GFile) pack = make_quiz_pack ("quiz-kbd");
  PnWindow *window = open_window (pack);
  PnQuizPage *page = find_page (window);
  PnStore *store = pn_application_get_store (app);
  GtkWidget *row = find_row (window, "quiz");
  g_autoptr(GPtrArray) finished = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  PnQuizAttempt *attempt;
  const char *order[] = { "vrai", "mot", "choix", "avis" };

  wait_until (reader_loaded_cb, window, "the text");
  wait_until (window_active_cb, window, "the window to be active");
  g_assert_nonnull (row);

  gtk_widget_grab_focus (row);
  press (window, GDK_KEY_Return);
  wait_until (page_mapped_cb, window, "the Quizzes page");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (row)));
  wait_for_screen (window, "list");
  g_assert_true (shows_label (GTK_WIDGET (page), "Les bases"));
  g_assert_true (shows_label (GTK_WIDGET (page), "4 questions · Not taken yet"));
  /* Shift+F6 from the sidebar into the page: on the quiz's row. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region", NULL);
  {
    FocusWait focus = { GTK_WIDGET (window), GTK_WIDGET (page) };

    wait_until (focus_within_cb, &focus, "the focus in the quiz list");
  }
  press (window, GDK_KEY_Return);
  wait_for_screen (window, "question");

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *progress = g_strdup_printf ("Question %u of 4", i + 1);
      GtkWidget *next_button;

      wait_for_question (page, order[i]);
      g_assert_true (shows_label (GTK_WIDGET (page), progress));
      /* The keyboard is on the first answer. */
      wait_until (focus_in_view_cb, window, "the focus on the question's first answer");
      g_assert_null (find_button (GTK_WIDGET (page), "Next"));
      if (g_str_equal (order[i], "mot"))
        {
          /* A hint, offered before checking. */
          g_assert_nonnull (find_button (GTK_WIDGET (page), "Hint"));
          type_text (window, "seigneurage");
        }
      else if (g_str_equal (order[i], "avis"))
        {
          type_text (window, "un revenu");
          /* Out of the written answer: Control+Tab, to « Check ». */
          g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, GDK_CONTROL_MASK));
          wait_for_focus (window, find_button (GTK_WIDGET (page), "Check"), "the focus on « Check »");
        }
      else
        {
          g_assert_null (find_button (GTK_WIDGET (page), "Hint"));
          press (window, GDK_KEY_space);
        }
      if (i == 0)
        screenshot (window, "quiz-keyboard-question.png");
      g_test_message ("%s: Return on %s", order[i], G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (window))));
      press (window, GDK_KEY_Return);

      /* Checked: the verdict, and the focus on « Next » (« See Results » last). */
      next_button = NULL;
      {
        const char *label = i + 1 < G_N_ELEMENTS (order) ? "Next" : "See Results";
        FocusWait wait = { GTK_WIDGET (window), NULL };

        ButtonWait shown = { GTK_WIDGET (page), label };

        wait_until (button_shown_cb, &shown, "the answer checked");
        next_button = find_button (GTK_WIDGET (page), label);
        wait.widget = next_button;
        wait_until (focus_on_cb, &wait, "the focus on « Next »");
      }
      g_assert_null (find_button (GTK_WIDGET (page), "Check"));
      /* The short answer typed was right: said with « Next », the explanation after it. */
      if (g_str_equal (order[i], "mot"))
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (next_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                             "Right. Le seigneurage, dit la dernière phrase.");
      if (!g_str_equal (order[i], "avis"))
        g_assert_nonnull (find_button (GTK_WIDGET (page), "Reread the Passage"));
      else
        g_assert_true (said_with_next (page, "Answer kept: it is not graded, compare it with the explanation"));
      if (i == 0)
        screenshot (window, "quiz-keyboard-checked.png");
      press (window, GDK_KEY_Return);
    }

  wait_for_screen (window, "end");
  /* The focus on what comes next, the score said with it. */
  {
    GtkWidget *review = find_button (GTK_WIDGET (page), "Review Mistakes");
    GtkWidget *focus = review != NULL ? review : find_button (GTK_WIDGET (page), "Restart");

    wait_for_focus (window, focus, "the focus on the end screen's first button");
  }

  /* Every answer in the store, the attempt finished, the score shown its own. */
  finished = finished_attempts (store, "quiz-kbd");
  g_assert_cmpuint (finished->len, ==, 1);
  attempt = g_ptr_array_index (finished, 0);
  g_assert_false (attempt->review);
  g_assert_cmpfloat (attempt->max_score, ==, 3);
  g_assert_cmpfloat (attempt->score, >=, 1);
  answers = pn_store_get_quiz_answers (store, attempt->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 4);
  for (guint i = 0; i < answers->len; i++)
    {
      PnQuizStoredAnswer *answer = g_ptr_array_index (answers, i);

      g_assert_cmpstr (answer->question_id, ==, order[i]);
      if (g_str_equal (answer->question_id, "mot"))
        g_assert_true (answer->correct);
      if (g_str_equal (answer->question_id, "avis"))
        {
          g_assert_false (answer->graded);
          g_assert_cmpstr (answer->response->text, ==, "un revenu");
        }
    }
  {
    g_autofree char *percent = g_strdup_printf ("(%d %%)", (int) (100 * attempt->score / 3 + 0.5));
    g_autoptr(GPtrArray) labels = find_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, percent, TRUE);

    g_assert_cmpuint (labels->len, ==, 1);
    /* Said as a score to a screen reader. */
    {
      g_autofree char *name = g_strdup_printf ("Score: %s", gtk_label_get_label (g_ptr_array_index (labels, 0)));

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (g_ptr_array_index (labels, 0)),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, name);
    }
  }
  /* The written answer is on the end screen. */
  g_assert_true (shows_label (GTK_WIDGET (page), "un revenu"));
  screenshot (window, "quiz-keyboard-end.png");
  close_window (window);
}

/* (2) After the keyboard test: the store opened afresh from its file has the
 * attempt, and a window on it lists the best score and the last attempt. */
static void
test_quiz_restart (void)
{
  g_autoptr(GFile) pack = make_quiz_pack ("quiz-kbd");
  g_autoptr(GFile) fresh = make_quiz_pack ("quiz-fresh");
  g_autofree char *path = pn_store_default_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *best = NULL;
  g_autofree char *last = NULL;
  g_autofree char *subtitle = NULL;
  PnQuizSummary summary = { 0 };
  PnWindow *window;
  PnQuizPage *page;

  g_assert_no_error (error);
  g_assert_true (pn_store_get_quiz_summary (store, "quiz-kbd", QUIZ_ID, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (summary.has_best);
  g_assert_nonnull (summary.last);
  g_assert_cmpfloat (summary.best_max_score, ==, 3);
  {
    g_autoptr(GPtrArray) answers = pn_store_get_question_history (store, "quiz-kbd", QUIZ_ID, "mot", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (answers->len, ==, 1);
    g_assert_true (((PnQuizStoredAnswer *) g_ptr_array_index (answers, 0))->correct);
  }

  window = open_window_on_store (pack, store);
  page = find_page (window);
  wait_until (reader_loaded_cb, window, "the text");
  show_quiz_list (window);
  subtitle = row_subtitle (page);
  {
    g_autofree char *score = _pn_quiz_format_score (summary.best_score, summary.best_max_score);

    /* Written as the list writes it: control, the figures are those of the store. */
    g_assert_nonnull (strstr (score, " of 3 ("));
    best = g_strdup_printf ("Best score: %s", score);
  }
  last = g_strdup_printf ("Last attempt: %s", date);
  g_assert_nonnull (strstr (subtitle, best));
  g_assert_nonnull (strstr (subtitle, last));
  g_assert_null (strstr (subtitle, "Not taken yet"));
  screenshot (window, "quiz-restart-list.png");
  pn_quiz_summary_clear (&summary);

  /* Control: a pack whose quiz nobody took says so, with no score. */
  open_pack (window, fresh);
  show_quiz_list (window);
  g_clear_pointer (&subtitle, g_free);
  subtitle = row_subtitle (find_page (window));
  g_assert_null (strstr (subtitle, "Best score"));
  g_assert_nonnull (strstr (subtitle, "Not taken yet"));
  close_window (window);
}

typedef struct {
  guint n;
  gboolean found;
} Shown;

static void
occurrence_shown_cb (PnReaderView *view,
                     gboolean      found,
                     Shown        *shown)
{
  shown->n++;
  shown->found = found;
}

static gboolean
shown_cb (gpointer data)
{
  return ((Shown *) data)->n > 0;
}

static gboolean
reader_shown_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (pn_window_get_reader_view (data))) &&
         !gtk_widget_get_mapped (GTK_WIDGET (find_page (data)));
}

/* (3) « Reread the Passage » after checking: the document scrolled to the
 * quote, flashed; the toast's « Back to Quiz » returns to the same question,
 * checked. A quote the text does not hold: said, and nothing flashed. */
static void
test_quiz_passage (void)
{
  g_autoptr(GFile) pack = make_quiz_pack ("quiz-passage");
  PnWindow *window = open_window (pack);
  PnQuizPage *page = find_page (window);
  PnReaderView *view = pn_window_get_reader_view (window);
  Shown shown = { 0, FALSE };
  g_autofree char *answer = NULL;
  GtkWidget *button;

  wait_until (reader_loaded_cb, window, "the text");
  g_signal_connect (view, "occurrence-shown", G_CALLBACK (occurrence_shown_cb), &shown);
  start_quiz (window);
  /* Not before checking. */
  g_assert_null (find_button (GTK_WIDGET (page), "Reread the Passage"));
  answer_with (page, choice_response (1));
  button = find_button (GTK_WIDGET (page), "Reread the Passage");
  g_assert_nonnull (button);
  gtk_widget_activate (button);

  wait_until (shown_cb, &shown, "the passage to be shown");
  g_assert_true (shown.found);
  wait_until (reader_shown_cb, window, "the text instead of the quiz");
  g_assert_cmpstr (pn_reader_view_get_document_id (view), ==, "texte");
  /* The flash is on the quote's block, in the view, the page scrolled down to it. */
  answer = eval_js (window,
                    "(() => { const f = document.querySelector('.pn-flash');"
                    "  const t = document.querySelector('.pn-flash-target');"
                    "  if (!f || !t) return 'none';"
                    "  const r = f.getBoundingClientRect();"
                    "  return (r.top >= 0 && r.bottom <= window.innerHeight ? 'in' : 'out')"
                    "    + (window.scrollY > 0 ? ' scrolled ' : ' not-scrolled ')"
                    "    + (t.textContent.includes('la rente est un revenu') ? 'quote' : 'elsewhere'); })()");
  g_assert_cmpstr (answer, ==, "in scrolled quote");
  /* The flash covers the quote's words, from its first letter to its last:
   * the characters under its first and last boxes (the layer set aside). */
  {
    g_autofree char *ends = eval_js (window,
      "(() => { const b = [...document.querySelectorAll('.pn-flash')];"
      "  if (!b.length) return 'none';"
      "  const f = b[0].getBoundingClientRect(), l = b[b.length - 1].getBoundingClientRect();"
      "  const layer = b[0].parentElement; layer.style.display = 'none';"
      "  const at = (x, y, back) => { const r = document.caretRangeFromPoint(x, y);"
      "    if (!r) return '?'; const t = r.startContainer.textContent || '';"
      "    return t.substr(r.startOffset - (back ? 1 : 0), 1); };"
      "  const s = at(f.left + 2, f.top + f.height / 2, false) + at(l.right - 2, l.top + l.height / 2, true);"
      "  layer.style.display = ''; return s; })()");

    g_assert_cmpstr (ends, ==, "lé");
  }
  wait_for_label (GTK_WIDGET (window), "The passage is highlighted");
  screenshot (window, "quiz-passage-flash.png");

  /* Alt+Left: back to the quiz, where it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  wait_for_screen (window, "question");
  g_assert_cmpstr (question_id (page), ==, "vrai");

  /* Again, and back with the toast's « Back to Quiz ». */
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Reread the Passage"));
  wait_until (reader_shown_cb, window, "the text instead of the quiz again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-quiz", NULL));
  wait_for_screen (window, "question");
  g_assert_cmpstr (question_id (page), ==, "vrai");
  g_assert_nonnull (find_button (GTK_WIDGET (page), "Next"));
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (find_row (window, "quiz"))));
  /* The keyboard back on « Next », where it was. */
  wait_for_focus (window, find_button (GTK_WIDGET (page), "Next"), "the focus on « Next » again");

  /* Negative control: « choix » quotes words the text does not hold. */
  next (page);
  wait_for_question (page, "mot");
  /* « Hint »: the hint shown, once (control: not before). */
  g_assert_false (shows_label (GTK_WIDGET (page), "Il commence par"));
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Hint"));
  wait_for_label (GTK_WIDGET (page), "Il commence par");
  g_assert_null (find_button (GTK_WIDGET (page), "Hint"));
  answer_with (page, text_response ("seigneurage"));
  next (page);
  wait_for_question (page, "choix");
  /* No hint for this one. */
  g_assert_null (find_button (GTK_WIDGET (page), "Hint"));
  answer_with (page, choice_response (0));
  shown.n = 0;
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Reread the Passage"));
  wait_for_label (GTK_WIDGET (window), "The passage could not be found in the text");
  g_assert_cmpuint (shown.n, ==, 0);
  g_signal_handlers_disconnect_by_func (view, occurrence_shown_cb, &shown);
  close_window (window);
}

static gboolean
file_chooser_shown_cb (gpointer data)
{
  GtkWindow *dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* « Export Results… »: a save dialog suggesting QUIZ-ID-DATE.md (cancelled:
 * nothing written, nothing said); what it writes, written to a file of the
 * test's: the attempt's score, the answers as given. */
static void
export_through_dialog (PnWindow   *window,
                       PnQuizPage *page)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (today, "%Y-%m-%d");
  g_autofree char *suggested = g_strdup_printf (QUIZ_ID "-%s.md", date);
  g_autofree char *dir = g_dir_make_tmp ("pn-quiz-export-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, suggested, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  g_autofree char *markdown = NULL;
  GtkWindow *dialog;

  gtk_widget_activate (find_button (GTK_WIDGET (page), "Export Results…"));
  wait_until (file_chooser_shown_cb, NULL, "the export dialog");
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  current = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (current, ==, suggested);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_false (shows_label (GTK_WIDGET (window), "Results exported"));

  g_assert_true (pn_quiz_page_export_to_file (page, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &markdown, NULL, NULL, NULL));
  g_assert_nonnull (strstr (markdown, "Les bases"));
  g_assert_nonnull (strstr (markdown, "Un revenu sans travail."));
  /* The question missed is there too, its answer as typed. */
  g_assert_nonnull (strstr (markdown, "monnaie"));
}

/* (4) Two questions missed: « Review Mistakes » asks those two, no other;
 * all right in the review, nothing is left to review. */
static void
test_quiz_review (void)
{
  g_autoptr(GFile) pack = make_quiz_pack ("quiz-review");
  PnWindow *window = open_window (pack);
  PnQuizPage *page = find_page (window);
  PnStore *store = pn_application_get_store (app);
  const PnQuizQuestion *choix;
  int wrong = -1, right = -1;
  g_autoptr(GPtrArray) finished = NULL;
  g_autoptr(GPtrArray) missed_rows = NULL;

  wait_until (reader_loaded_cb, window, "the text");
  choix = pn_quiz_lookup (pn_pack_get_quiz (pn_window_get_pack (window), QUIZ_ID), "choix");
  for (guint i = 0; i < choix->answers->len; i++)
    if (((PnQuizAnswer *) g_ptr_array_index (choix->answers, i))->weight >= 100)
      right = (int) i;
    else
      wrong = (int) i;
  g_assert_cmpint (right, >=, 0);
  g_assert_cmpint (wrong, >=, 0);

  start_quiz (window);
  answer_with (page, choice_response (1));
  next (page);
  wait_for_question (page, "mot");
  answer_with (page, text_response ("monnaie"));
  g_assert_true (said_with_next (page, "Wrong"));
  next (page);
  wait_for_question (page, "choix");
  answer_with (page, choice_response (wrong));
  next (page);
  wait_for_question (page, "avis");
  answer_with (page, text_response ("Un revenu sans travail."));
  next (page);
  wait_for_screen (window, "end");

  /* The two missed, with their explanations. */
  g_assert_true (shows_label (GTK_WIDGET (page), "1 of 3 (33 %)"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Questions Missed"));
  g_assert_true (shows_label (GTK_WIDGET (page), "Le seigneurage, dit la dernière phrase."));
  g_assert_true (shows_label (GTK_WIDGET (page), "plutôt que d"));
  g_assert_false (shows_label (GTK_WIDGET (page), "Le texte le dit vers sa fin."));
  missed_rows = find_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, NULL, TRUE);
  /* Two missed, one written answer. */
  g_assert_cmpuint (missed_rows->len, ==, 3);
  g_assert_nonnull (find_button (GTK_WIDGET (page), "Review Mistakes"));
  screenshot (window, "quiz-review-end.png");
  export_through_dialog (window, page);

  gtk_widget_activate (find_button (GTK_WIDGET (page), "Review Mistakes"));
  wait_for_question (page, "mot");
  g_assert_true (shows_label (GTK_WIDGET (page), "Question 1 of 2"));
  answer_with (page, text_response ("Seigneurage"));
  g_assert_true (said_with_next (page, "Right"));
  next (page);
  wait_for_question (page, "choix");
  g_assert_true (shows_label (GTK_WIDGET (page), "Question 2 of 2"));
  answer_with (page, choice_response (right));
  g_assert_true (shows_label (GTK_WIDGET (page), "See Results"));
  next (page);
  wait_for_screen (window, "end");
  g_assert_true (shows_label (GTK_WIDGET (page), "Review Complete"));
  g_assert_true (shows_label (GTK_WIDGET (page), "2 of 2 (100 %)"));
  /* Nothing missed this time: nothing to review. */
  g_assert_null (find_button (GTK_WIDGET (page), "Review Mistakes"));
  g_assert_nonnull (find_button (GTK_WIDGET (page), "Restart"));
  g_assert_false (shows_label (GTK_WIDGET (page), "Questions Missed"));

  /* In the store: the full attempt, then the review of two questions. */
  finished = finished_attempts (store, "quiz-review");
  g_assert_cmpuint (finished->len, ==, 2);
  g_assert_false (((PnQuizAttempt *) g_ptr_array_index (finished, 0))->review);
  g_assert_true (((PnQuizAttempt *) g_ptr_array_index (finished, 1))->review);
  g_assert_cmpfloat (((PnQuizAttempt *) g_ptr_array_index (finished, 1))->max_score, ==, 2);

  /* « Restart »: the whole quiz again, a new attempt. */
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Restart"));
  wait_for_question (page, "vrai");
  g_assert_true (shows_label (GTK_WIDGET (page), "Question 1 of 4"));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);
  quiz_test_init ();

  /* In this order: the restart reads what the keyboard test kept. */
  g_test_add_func ("/quiz/keyboard", test_quiz_keyboard);
  g_test_add_func ("/quiz/restart", test_quiz_restart);
  g_test_add_func ("/quiz/passage", test_quiz_passage);
  g_test_add_func ("/quiz/review", test_quiz_review);

  return window_test_run ();
}
