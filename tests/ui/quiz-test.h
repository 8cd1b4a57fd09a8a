/* quiz-test.h: what the Quizzes page's test programs share (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-quiz-page-private.h"
#include "pn-sidebar-row.h"
#include "pn-store-quiz.h"
#include "window-test.h"

G_BEGIN_DECLS

#define QUIZ_ID "bases"

typedef struct {
  PnWindow   *window;
  const char *screen;
} ScreenWait;

typedef struct {
  GtkWidget  *root;
  const char *label;
} ButtonWait;

typedef struct {
  PnQuizPage *page;
  const char *id;
} QuestionWait;

GFile *make_quiz_pack_full (const char *pack_id, gboolean clean);
GFile *make_quiz_pack (const char *pack_id);
PnQuizPage *find_page (PnWindow *window);
gboolean page_mapped_cb (gpointer data);
gboolean screen_shown_cb (gpointer data);
void wait_for_screen (PnWindow *window, const char *screen);
void screenshot (PnWindow *window, const char *name);
GtkWidget *find_button (GtkWidget *root, const char *label);
gboolean button_shown_cb (gpointer data);
gboolean focus_on_cb (gpointer data);
void wait_for_focus (PnWindow *window, GtkWidget *widget, const char *what);
void press (PnWindow *window, guint keyval);
void type_text (PnWindow *window, const char *text);
const char *question_id (PnQuizPage *page);
gboolean question_is_cb (gpointer data);
void wait_for_question (PnQuizPage *page, const char *id);
GtkWidget *question_view (PnQuizPage *page);
gboolean focus_in_view_cb (gpointer data);
GPtrArray *finished_attempts (PnStore *store, const char *pack_id);
void answer_with (PnQuizPage *page, PnQuizResponse *response);
PnQuizResponse *choice_response (int choice);
PnQuizResponse *text_response (const char *text);
gboolean said_with_next (PnQuizPage *page, const char *verdict);
void next (PnQuizPage *page);
char *row_subtitle (PnQuizPage *page);
PnWindow *open_window_on_store (GFile *pack, PnStore *store);
void set_store_read_only (gboolean read_only);
PnQuizResponse *any_response (const PnQuizQuestion *question);
void show_quiz_list (PnWindow *window);
void start_quiz (PnWindow *window);
void quiz_test_init (void);

G_END_DECLS
