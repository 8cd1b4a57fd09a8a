/* test-quiz.c: the Quizzes page in a real window (run under Xvfb): a quiz
 * taken to the end from the keyboard only, the score and the last attempt
 * kept across a restart, « Reread the Passage » showing the quote flashed in
 * the text and the way back, « Review Mistakes » asking only what was missed,
 * a quiz without a student store, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-question-view.h"
#include "pn-quiz-page-private.h"
#include "pn-sidebar-row.h"
#include "pn-store-private.h"
#include "pn-store-quiz.h"
#include "window-test.h"

#define QUIZ_ID "bases"

/* The test pack (tests/packs/quiz) copied under the pack id @pack_id: each
 * test its own results. */
static GFile *
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

static GFile *
make_quiz_pack (const char *pack_id)
{
  return make_quiz_pack_full (pack_id, FALSE);
}

static PnQuizPage *
find_page (PnWindow *window)
{
  return PN_QUIZ_PAGE (find_widget (GTK_WIDGET (window), PN_TYPE_QUIZ_PAGE));
}

static gboolean
page_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (find_page (data)));
}

typedef struct {
  PnWindow   *window;
  const char *screen;
} ScreenWait;

static gboolean
screen_shown_cb (gpointer data)
{
  ScreenWait *wait = data;
  PnQuizPage *page = find_page (wait->window);

  return gtk_widget_get_mapped (GTK_WIDGET (page)) &&
         g_strcmp0 (pn_quiz_page_get_screen (page), wait->screen) == 0;
}

static void
wait_for_screen (PnWindow   *window,
                 const char *screen)
{
  ScreenWait wait = { window, screen };
  g_autofree char *what = g_strdup_printf ("the quiz's %s screen", screen);

  wait_until (screen_shown_cb, &wait, what);
}

/* No crossfade under way, in the window's stack or the page's own. */
static gboolean
settled_cb (gpointer data)
{
  g_autoptr(GPtrArray) stacks = find_widgets (GTK_WIDGET (data), GTK_TYPE_STACK, NULL, TRUE);

  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_transition_running (g_ptr_array_index (stacks, i)))
      return FALSE;

  return TRUE;
}

static void
screenshot (PnWindow   *window,
            const char *name)
{
  wait_until (settled_cb, window, "the page transitions to end");
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
static GtkWidget *
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

typedef struct {
  GtkWidget  *root;
  const char *label;
} ButtonWait;

static gboolean
button_shown_cb (gpointer data)
{
  ButtonWait *wait = data;

  return find_button (wait->root, wait->label) != NULL;
}

static gboolean
focus_on_cb (gpointer data)
{
  FocusWait *wait = data;

  return gtk_root_get_focus (GTK_ROOT (wait->window)) == wait->widget;
}

static void
wait_for_focus (PnWindow   *window,
                GtkWidget  *widget,
                const char *what)
{
  FocusWait wait = { GTK_WIDGET (window), widget };

  g_assert_nonnull (widget);
  wait_until (focus_on_cb, &wait, what);
}

static gboolean
window_active_cb (gpointer data)
{
  return gtk_window_is_active (data);
}

static void
press (PnWindow *window,
       guint     keyval)
{
  g_assert_true (pn_ui_test_press_key (GTK_WINDOW (window), keyval, 0));
}

static void
type_text (PnWindow   *window,
           const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    press (window, gdk_unicode_to_keyval ((guint32) *c));
}

static const char *
question_id (PnQuizPage *page)
{
  const PnQuizQuestion *question = pn_quiz_page_get_question (page);

  return question != NULL ? question->id : NULL;
}

typedef struct {
  PnQuizPage *page;
  const char *id;
} QuestionWait;

static gboolean
question_is_cb (gpointer data)
{
  QuestionWait *wait = data;

  return g_strcmp0 (question_id (wait->page), wait->id) == 0;
}

static void
wait_for_question (PnQuizPage *page,
                   const char *id)
{
  QuestionWait wait = { page, id };
  g_autofree char *what = g_strdup_printf ("question « %s »", id);

  wait_until (question_is_cb, &wait, what);
}

static GtkWidget *
question_view (PnQuizPage *page)
{
  return find_widget (GTK_WIDGET (page), PN_TYPE_QUESTION_VIEW);
}

static gboolean
focus_in_view_cb (gpointer data)
{
  PnWindow *window = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *view = question_view (find_page (window));

  return focus != NULL && view != NULL && (focus == view || gtk_widget_is_ancestor (focus, view));
}

/* The finished attempts of @pack_id's quiz, from @store. */
static GPtrArray *
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
static void
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

static PnQuizResponse *
choice_response (int choice)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  response->choice = choice;
  return response;
}

static PnQuizResponse *
text_response (const char *text)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  response->text = g_strdup (text);
  return response;
}

/* A screen reader hears with « Next » (or « See Results ») @verdict, then the
 * question's explanation. */
static gboolean
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

static void
next (PnQuizPage *page)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.next", NULL));
}

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

static char *
row_subtitle (PnQuizPage *page)
{
  g_autoptr(GPtrArray) rows = find_widgets (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, NULL, TRUE);

  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)));
}

/* A window of its own session on @store (a second run of the app, as far as the data goes). */
static PnWindow *
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
  gtk_widget_activate (find_row (window, "quiz"));
  wait_for_screen (window, "list");
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
  gtk_widget_activate (find_row (window, "quiz"));
  wait_for_screen (window, "list");
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
  gtk_widget_activate (find_row (window, "quiz"));
  wait_for_screen (window, "list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.start", "s", QUIZ_ID));
  wait_for_question (page, "vrai");
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

  /* Back to the quiz, where it was. */
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
  answer_with (page, text_response ("seigneurage"));
  next (page);
  wait_for_question (page, "choix");
  answer_with (page, choice_response (0));
  shown.n = 0;
  gtk_widget_activate (find_button (GTK_WIDGET (page), "Reread the Passage"));
  wait_for_label (GTK_WIDGET (window), "The passage could not be found in the text");
  g_assert_cmpuint (shown.n, ==, 0);
  g_signal_handlers_disconnect_by_func (view, occurrence_shown_cb, &shown);
  close_window (window);
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

  gtk_widget_activate (find_row (window, "quiz"));
  wait_for_screen (window, "list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.start", "s", QUIZ_ID));
  wait_for_question (page, "vrai");
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
  gtk_widget_activate (find_row (window, "quiz"));
  wait_for_screen (window, "list");
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
  gtk_widget_activate (find_row (window, "quiz"));
  wait_for_screen (window, "list");
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
    gtk_widget_activate (find_row (saved, "quiz"));
    wait_for_screen (saved, "list");
    g_assert_false (shows_label (GTK_WIDGET (find_page (saved)), "Your results are not saved"));
    close_window (saved);
  }
}

/* Sets the app's store to refuse writes (as a read-only database does) or to take them again. */
static void
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
  gtk_widget_activate (find_row (window, "quiz"));
  wait_for_screen (window, "list");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quiz.start", "s", QUIZ_ID));
  wait_for_question (page, "vrai");
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
  g_assert_nonnull (find_row (window, "sources"));
  g_assert_null (find_row (window, "quiz"));
  open_pack (window, quiz);
  g_assert_nonnull (find_row (window, "quiz"));
  close_window (window);
}

/* An answer to @question, right or wrong, for each type. */
static PnQuizResponse *
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
      PnWindow *window;
      PnQuizPage *page;
      PnQuiz *quiz;

      g_settings_set_string (settings, "color-scheme", looks[i].scheme);
      window = open_window_sized (pack, looks[i].width, looks[i].height);
      page = find_page (window);
      wait_until (reader_loaded_cb, window, "the text");
      g_assert_cmpuint (pn_window_get_diagnostics (window)->len, ==, 0);
      gtk_widget_activate (find_row (window, "quiz"));
      wait_for_screen (window, "list");
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

  /* In this order: the restart reads what the keyboard test kept. */
  g_test_add_func ("/quiz/keyboard", test_quiz_keyboard);
  g_test_add_func ("/quiz/restart", test_quiz_restart);
  g_test_add_func ("/quiz/passage", test_quiz_passage);
  g_test_add_func ("/quiz/review", test_quiz_review);
  g_test_add_func ("/quiz/resume", test_quiz_resume);
  g_test_add_func ("/quiz/no-store", test_quiz_no_store);
  g_test_add_func ("/quiz/store-fails", test_quiz_store_fails);
  g_test_add_func ("/quiz/row-only-with-quizzes", test_quiz_row_only_with_quizzes);
  g_test_add_func ("/quiz/screenshots", test_quiz_screenshots);

  return window_test_run ();
}
