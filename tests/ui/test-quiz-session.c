/* test-quiz-session.c: the Quizzes page in a real window (run under Xvfb):
 * an attempt resumed where it was left, a quiz without a student store, an
 * answer the store refuses, the row only with quizzes, screenshots (light,
 * dark, 360 px, the bundled essay's quizzes)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-question-view.h"
#include "quiz-test.h"

/* Left in the middle: the list offers « Resume », which takes up the same
 * attempt at the first question not answered. */
static void
test_quiz_resume (void)
{
  g_autoptr(GFile) pack = make_quiz_pack ("quiz-resume");
  PnWindow *window = open_window (pack);
  PnQuizPage *page = find_page (window);
  gint64 attempt_id;

  wait_until (reader_loaded_cb, window, "the text");
  show_quiz_list (window);
  /* Control: nothing to resume yet. */
  g_assert_null (find_button (GTK_WIDGET (page), "Resume"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.start", "s", QUIZ_ID));
  wait_for_question (page, "vrai");
  attempt_id = pn_quiz_page_get_attempt_id (page);
  g_assert_cmpint (attempt_id, >, 0);
  answer_with (page, choice_response (1));
  next (page);
  wait_for_question (page, "mot");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.list", NULL));
  wait_for_screen (window, "list");
  g_assert_nonnull (strstr (row_subtitle (page), "Unfinished attempt"));
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Resume"));
  wait_for_question (page, "mot");
  g_assert_cmpint (pn_quiz_page_get_attempt_id (page), ==, attempt_id);
  g_assert_true (shows_label (GTK_WIDGET (page), "Question 2 of 4"));
  close_window (window);
}

/* Without a student store the quiz runs, and says its results are not kept. */
static void
test_quiz_no_store (void)
{
  g_autoptr(GFile) pack = make_quiz_pack ("quiz-no-store");
  PnWindow *window = open_window_on_store (pack, NULL);
  PnQuizPage *page = find_page (window);

  wait_until (reader_loaded_cb, window, "the text");
  show_quiz_list (window);
  g_assert_true (shows_label (GTK_WIDGET (page), "Your results are not saved"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.start", "s", QUIZ_ID));
  wait_for_question (page, "vrai");
  g_assert_cmpint (pn_quiz_page_get_attempt_id (page), ==, 0);
  answer_with (page, choice_response (1));
  next (page);
  answer_with (page, text_response ("seigneurage"));
  next (page);
  answer_with (page, choice_response (0));
  next (page);
  answer_with (page, text_response (""));
  next (page);
  wait_for_screen (window, "end");
  g_assert_true (shows_label (GTK_WIDGET (page), "These results are not saved"));
  /* Control: the same window's page on a pack opened with the store says nothing of the kind. */
  {
    g_autoptr(GFile) file = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp ("pn-quiz-export-XXXXXX", &error);
    g_autofree char *markdown = NULL;

    g_assert_no_error (error);
    file = g_file_new_build_filename (dir, "resultats.md", NULL);
    g_assert_true (pn_quiz_page_export_to_file (page, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_load_contents (file, NULL, &markdown, NULL, NULL, &error));
    g_assert_nonnull (strstr (markdown, "Les bases"));
  }
  close_window (window);
  {
    PnWindow *saved = open_window (pack);

    wait_until (reader_loaded_cb, saved, "the text");
      show_quiz_list (saved);
    g_assert_false (shows_label (GTK_WIDGET (find_page (saved)), "Your results are not saved"));
    close_window (saved);
  }
}

/* An answer the store refuses: the student is told at once; the quiz goes
 * on, and the answers the store took are there (positive control). */
static void
test_quiz_store_fails (void)
{
  g_autoptr(GFile) pack = make_quiz_pack ("quiz-store-fails");
  PnWindow *window = open_window (pack);
  PnQuizPage *page = find_page (window);
  PnStore *store = pn_application_get_store (app);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  gint64 attempt_id;

  wait_until (reader_loaded_cb, window, "the text");
  start_quiz (window);
  attempt_id = pn_quiz_page_get_attempt_id (page);
  answer_with (page, choice_response (1));
  g_assert_false (shows_label (GTK_WIDGET (window), "This answer could not be saved"));
  next (page);
  wait_for_question (page, "mot");

  set_store_read_only (TRUE);
  answer_with (page, text_response ("seigneurage"));
  wait_for_label (GTK_WIDGET (window), "This answer could not be saved");
  set_store_read_only (FALSE);
  next (page);
  wait_for_question (page, "choix");

  answers = pn_store_get_quiz_answers (store, attempt_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (((PnQuizStoredAnswer *) g_ptr_array_index (answers, 0))->question_id, ==, "vrai");
  close_window (window);
}

/* A pack without quizzes has no Quizzes row; the test pack has one. */
static void
test_quiz_row_only_with_quizzes (void)
{
  g_autoptr(GFile) none = make_pack ("pack.json",
                                     "{ \"format\": 1, \"id\": \"no-quiz\", \"version\": \"1.0.0\", \"title\": \"Sans quiz\",\n"
                                     "  \"language\": \"fr\", \"authors\": [{ \"name\": \"Camille Martin\" }],\n"
                                     "  \"license\": \"CC-BY-SA-4.0\", \"description\": \"Rien.\",\n"
                                     "  \"documents\": [{ \"id\": \"texte\", \"title\": \"Le texte\", \"file\": \"texte.md\" }] }\n",
                                     "texte.md", "# Le texte\n\nRien.\n", NULL);
  g_autoptr(GFile) quiz = make_quiz_pack ("quiz-row");
  PnWindow *window = open_window (none);

  wait_until (reader_loaded_cb, window, "the pack without quizzes");
  /* The sidebar is filled (the document's row; no sources, so no Sources row). */
  g_assert_nonnull (find_row (window, "texte"));
  g_assert_null (find_row (window, "quiz"));
  open_pack (window, quiz);
  g_assert_nonnull (find_row (window, "quiz"));
  close_window (window);
}

/* The list, a question checked and the end screen as a student sees them, in
 * the light and dark styles and at 360 px wide; the bundled essay's quizzes. */
static void
test_quiz_screenshots (void)
{
  struct { const char *name; const char *scheme; int width; int height; } looks[] = {
    { "light", "light", 1000, 700 },
    { "dark", "dark", 1000, 700 },
    { "narrow", "light", 360, 640 },
    { "essay", "light", 360, 640 },
  };
  GSettings *settings = pn_application_get_settings (app);
  gboolean french = g_strcmp0 (g_getenv ("PN_TEST_FRENCH"), "1") == 0;
  const char *lang = french ? "fr-" : "";

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      gboolean essay = g_str_equal (looks[i].name, "essay");
      g_autofree char *id = g_strdup_printf ("quiz-shots-%s%s", lang, looks[i].name);
      g_autoptr(GFile) pack = essay ? bundled_pack () : make_quiz_pack_full (id, TRUE);
      g_autofree char *list = g_strdup_printf ("quiz-%s%s-1-list.png", lang, looks[i].name);
      g_autofree char *question = g_strdup_printf ("quiz-%s%s-2-question.png", lang, looks[i].name);
      g_autofree char *checked = g_strdup_printf ("quiz-%s%s-3-checked.png", lang, looks[i].name);
      g_autofree char *end = g_strdup_printf ("quiz-%s%s-4-end.png", lang, looks[i].name);
      g_autofree char *missed = g_strdup_printf ("quiz-%s%s-5-missed.png", lang, looks[i].name);
      PnWindow *window;
      PnQuizPage *page;
      PnQuiz *quiz;

      g_settings_set_string (settings, "color-scheme", looks[i].scheme);
      window = open_window_sized (pack, looks[i].width, looks[i].height);
      page = find_page (window);
      wait_until (reader_loaded_cb, window, "the text");
      g_assert_cmpuint (pn_window_get_diagnostics (window)->len, ==, 0);
      show_quiz_list (window);
      screenshot (window, list);
      /* Nothing of the page is wider than the window. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, looks[i].width);

      quiz = g_ptr_array_index (pn_pack_get_quizzes (pn_window_get_pack (window)), 0);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.start", "s", pn_quiz_get_id (quiz)));
      wait_for_screen (window, "question");
      screenshot (window, question);
      /* The first question answered, whatever its type, and checked. */
      answer_with (page, any_response (pn_quiz_page_get_question (page)));
      screenshot (window, checked);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), <=, looks[i].width);
      if (!essay)
        {
          /* The rest unanswered where that can be, wrong at worst: to the end screen. */
          next (page);
          while (g_strcmp0 (pn_quiz_page_get_screen (page), "question") == 0)
            {
              answer_with (page, any_response (pn_quiz_page_get_question (page)));
              next (page);
            }
          wait_for_screen (window, "end");
          screenshot (window, end);
          /* Further down: the questions missed, the written answers. */
          {
            GtkWidget *scroll;
            g_autoptr(GPtrArray) scrolls = find_widgets (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL, TRUE);
            GtkAdjustment *adjustment;

            g_assert_cmpuint (scrolls->len, ==, 1);
            scroll = g_ptr_array_index (scrolls, 0);
            adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroll));
            gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
            screenshot (window, missed);
          }
        }
      close_window (window);
    }

  g_settings_reset (settings, "color-scheme");
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);
  quiz_test_init ();

  g_test_add_func ("/quiz/resume", test_quiz_resume);
  g_test_add_func ("/quiz/no-store", test_quiz_no_store);
  g_test_add_func ("/quiz/store-fails", test_quiz_store_fails);
  g_test_add_func ("/quiz/row-only-with-quizzes", test_quiz_row_only_with_quizzes);
  g_test_add_func ("/quiz/screenshots", test_quiz_screenshots);

  return window_test_run ();
}
