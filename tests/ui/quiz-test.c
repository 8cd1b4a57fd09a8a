/* quiz-test.c: what the Quizzes page's test programs share (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-question-view.h"
#include "pn-store-private.h"
#include "quiz-test.h"

/* The test pack (tests/packs/quiz) copied under the pack id @pack_id: each
 * test its own results. */
GFile *
make_quiz_pack_full (const char *pack_id,
                     gboolean    clean)
{
  const char *names[] = { "pack.json", "quiz.json", "texte.md" };
  char *contents[G_N_ELEMENTS (names)];
  GFile *pack;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (PN_TEST_PACKS_DIR, "quiz", names[i], NULL);
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &contents[i], NULL, &error);
      g_assert_no_error (error);
    }
  {
    GString *manifest = g_string_new (contents[0]);
    g_autofree char *id = g_strdup_printf ("\"id\": \"%s\"", pack_id);

    g_assert_cmpuint (g_string_replace (manifest, "\"id\": \"test-quiz\"", id, 1), ==, 1);
    g_free (contents[0]);
    contents[0] = g_string_free (manifest, FALSE);
  }
  /* Clean: every quote in the text (no problem toast over the screenshots). */
  if (clean)
    {
      GString *quiz = g_string_new (contents[1]);

      g_assert_cmpuint (g_string_replace (quiz, "une phrase que le texte ne contient pas", "plutôt que d'une production", 1), ==, 1);
      g_free (contents[1]);
      contents[1] = g_string_free (quiz, FALSE);
    }
  pack = make_pack (names[0], contents[0], names[1], contents[1], names[2], contents[2], NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (contents[i]);
  return pack;
}

GFile *
make_quiz_pack (const char *pack_id)
{
  return make_quiz_pack_full (pack_id, FALSE);
}

PnQuizPage *
find_page (PnWindow *window)
{
  return PN_QUIZ_PAGE (find_widget (GTK_WIDGET (window), PN_TYPE_QUIZ_PAGE));
}

gboolean
page_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (find_page (data)));
}

gboolean
screen_shown_cb (gpointer data)
{
  ScreenWait *wait = data;
  PnQuizPage *page = find_page (wait->window);

  return gtk_widget_get_mapped (GTK_WIDGET (page)) &&
         g_strcmp0 (pn_quiz_page_get_screen (page), wait->screen) == 0;
}

void
wait_for_screen (PnWindow   *window,
                 const char *screen)
{
  ScreenWait wait = { window, screen };
  g_autofree char *what = g_strdup_printf ("the quiz's %s screen", screen);

  wait_until (screen_shown_cb, &wait, what);
}

void
screenshot (PnWindow   *window,
            const char *name)
{
  wait_until (stacks_settled_cb, window, "the page transitions to end");
  wait_for_paint (GTK_WIDGET (window));
  save_screenshot (GTK_WIDGET (window), name);
  /* PN_SCREENSHOT_ROOT=1: the X server's own picture as well (ImageMagick's
   * import), what the display shows rather than what GTK renders anew. */
  if (g_getenv ("PN_SCREENSHOT_DIR") != NULL && g_strcmp0 (g_getenv ("PN_SCREENSHOT_ROOT"), "1") == 0)
    {
      g_autofree char *path = g_strdup_printf ("%s/root-%s", g_getenv ("PN_SCREENSHOT_DIR"), name);
      const char *argv[] = { "import", "-window", "root", path, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    }
}

/* The mapped button whose label is @label. */
GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = find_widgets (root, GTK_TYPE_BUTTON, NULL, TRUE);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));
      const char *text = gtk_button_get_label (GTK_BUTTON (button));

      if (text == NULL && GTK_IS_LABEL (child))
        text = gtk_label_get_label (GTK_LABEL (child));
      if (g_strcmp0 (text, label) == 0)
        return button;
    }

  return NULL;
}

gboolean
button_shown_cb (gpointer data)
{
  ButtonWait *wait = data;

  return find_button (wait->root, wait->label) != NULL;
}

gboolean
focus_on_cb (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (GTK_ROOT (wait->window)) == wait->widget;
}

void
wait_for_focus (PnWindow   *window,
                GtkWidget  *widget,
                const char *what)
{
  FocusWait wait = { GTK_WIDGET (window), widget };

  g_assert_nonnull (widget);
  wait_until (focus_on_cb, &wait, what);
}

void
press (PnWindow *window,
       guint     keyval)
{
  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), keyval, 0));
}

void
type_text (PnWindow   *window,
           const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    press (window, gdk_unicode_to_keyval ((guint32) *c));
}

const char *
question_id (PnQuizPage *page)
{
  const PnQuizQuestion *question = pn_quiz_page_get_question (page);

  return question != NULL ? question->id : NULL;
}

gboolean
question_is_cb (gpointer data)
{
  QuestionWait *wait = data;

  return g_strcmp0 (question_id (wait->page), wait->id) == 0;
}

void
wait_for_question (PnQuizPage *page,
                   const char *id)
{
  QuestionWait wait = { page, id };
  g_autofree char *what = g_strdup_printf ("question « %s »", id);

  wait_until (question_is_cb, &wait, what);
}

GtkWidget *
question_view (PnQuizPage *page)
{
  return find_widget (GTK_WIDGET (page), PN_TYPE_QUESTION_VIEW);
}

gboolean
focus_in_view_cb (gpointer data)
{
  PnWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *view = question_view (find_page (window));

  return focus != NULL && view != NULL && (focus == view || gtk_widget_is_ancestor (focus, view));
}

/* The finished attempts of @pack_id's quiz, from @store. */
GPtrArray *
finished_attempts (PnStore    *store,
                   const char *pack_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attempts = pn_store_get_quiz_attempts (store, pack_id, QUIZ_ID, &error);
  GPtrArray *finished = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < attempts->len; i++)
    {
      PnQuizAttempt *attempt = g_ptr_array_index (attempts, i);

      if (attempt->finished_at > 0)
        g_ptr_array_add (finished, g_steal_pointer (&g_ptr_array_index (attempts, i)));
    }
  g_ptr_array_set_free_func (finished, (GDestroyNotify) pn_quiz_attempt_free);
  return finished;
}

/* Checks the question shown with its answer given as @response (the view's own API). */
void
answer_with (PnQuizPage     *page,
             PnQuizResponse *response)
{
  GtkWidget *view = question_view (page);

  g_assert_nonnull (view);
  pn_question_view_set_response (PN_QUESTION_VIEW (view), response);
  g_assert_true (pn_question_view_get_answered (PN_QUESTION_VIEW (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.check", NULL));
  pn_quiz_response_free (response);
}

PnQuizResponse *
choice_response (int choice)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  response->choice = choice;
  return response;
}

PnQuizResponse *
text_response (const char *text)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  response->text = g_strdup (text);
  return response;
}

/* A screen reader hears with « Next » (or « See Results ») @verdict, then the
 * question's explanation. */
gboolean
said_with_next (PnQuizPage *page,
                const char *verdict)
{
  const PnQuizQuestion *question = pn_quiz_page_get_question (page);
  GtkWidget *next = find_button (GTK_WIDGET (page), "Next");
  g_autofree char *said = NULL;
  g_autofree char *error = NULL;

  if (next == NULL)
    next = find_button (GTK_WIDGET (page), "See Results");
  g_assert_nonnull (next);
  g_assert_nonnull (question);
  said = question->explanation != NULL ? g_strdup_printf ("%s. %s", verdict, question->explanation)
                                       : g_strdup (verdict);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, said);
  if (error != NULL)
    g_test_message ("%s", error);
  return error == NULL;
}

void
next (PnQuizPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.next", NULL));
}

char *
row_subtitle (PnQuizPage *page)
{
  g_autoptr(GPtrArray) rows = find_widgets (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, NULL, TRUE);

  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)));
}

/* A window of its own session on @store (a second run of the app, as far as the data goes). */
PnWindow *
open_window_on_store (GFile   *pack,
                      PnStore *store)
{
  g_autoptr(PnPackSession) session = pn_pack_session_new (store);
  PnWindow *window = pn_window_new (GTK_APPLICATION (app), session, pn_application_get_settings (app));

  pn_window_open_pack (window, pack);
  pn_window_present_when_ready (window);
  wait_until (session_opened_cb, window, "the pack to be opened");
  wait_until (window_mapped_cb, window, "the window to be shown");
  return window;
}

/* Sets the app's store to refuse writes (as a read-only database does) or to take them again. */
void
set_store_read_only (gboolean read_only)
{
  PnStore *store = pn_application_get_store (app);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement = pn_store_prepare (store, read_only ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0",
                                              &error);

  g_assert_no_error (error);
  g_assert_true (pn_store_step_done (store, statement, &error));
  g_assert_no_error (error);
}

/* An answer to @question, right or wrong, for each type. */
PnQuizResponse *
any_response (const PnQuizQuestion *question)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
      response->choice = 0;
      break;
    case PN_QUESTION_TRUE_FALSE:
      response->choice = 1;
      break;
    case PN_QUESTION_MULTIPLE:
      pn_quiz_response_add_index (response, 0);
      break;
    case PN_QUESTION_ORDERING:
      for (guint i = 0; question->steps[i] != NULL; i++)
        pn_quiz_response_add_index (response, (int) i);
      break;
    case PN_QUESTION_MATCHING:
      for (guint i = 0; i < question->pairs->len; i++)
        if (((PnQuizPair *) g_ptr_array_index (question->pairs, i))->item != NULL)
          pn_quiz_response_add_index (response, 0);
      break;
    case PN_QUESTION_CLOZE:
      {
        GStrvBuilder *builder = g_strv_builder_new ();

        for (guint i = 0; i < question->gaps->len; i++)
          g_strv_builder_add (builder, "?");
        response->gaps = g_strv_builder_end (builder);
        g_strv_builder_unref (builder);
      }
      break;
    case PN_QUESTION_SHORT:
    case PN_QUESTION_NUMERICAL:
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      response->text = g_strdup ("1");
      break;
    }

  return response;
}

/* The Quizzes page opened from its sidebar row, on the list. */
void
show_quiz_list (PnWindow *window)
{
  gtk_widget_activate (find_row (window, "quiz"));
  wait_for_screen (window, "list");
}

/* The list, then the test pack's quiz started: on its first question. */
void
start_quiz (PnWindow *window)
{
  PnQuizPage *page = find_page (window);

  show_quiz_list (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.start", "s", QUIZ_ID));
  wait_for_question (page, "vrai");
}

/* The text cursor blinks in these tests as it does for students: locking an
 * open question's focused text view once aborted GTK 4.8 on a blink (see
 * lock() in src/pn-question-view-grade.c), and the keyboard test is where it
 * showed. Nothing to set up today. */
void
quiz_test_init (void)
{
}
