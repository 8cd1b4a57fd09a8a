/* question-view-test.h: what the question view's test programs share (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/pn-quiz-grade.h"
#include "pn-question-view.h"
#include "window-test.h"

G_BEGIN_DECLS

/* The bundled pack, loaded by question_view_test_init(). */
extern PnPack *pack;

typedef struct {
  GtkWindow *window;
  PnQuestionView *view;
} Shown;

/* pn_ui_test_init(), libadwaita, the app's style sheet, the bundled pack. */
void            question_view_test_init (int *argc, char ***argv);

/* @question in a window @width wide (the view lives as long as the window). */
Shown           show             (const PnQuizQuestion *question, guint32 seed, int width);
void            unshow           (Shown *shown);
/* PN_SCREENSHOT_DIR/question-@name.png */
void            screenshot       (Shown *shown, const char *name);

GPtrArray      *checks_of        (PnQuestionView *view);
/* The text a check button shows (its child label). */
const char     *check_text       (GtkWidget *check);
GtkWidget      *check_showing    (PnQuestionView *view, const char *text);
/* Every check button's sensitivity is @sensitive. */
void            assert_checks_sensitive (PnQuestionView *view, gboolean sensitive);

PnQuizGrade    *grade_view       (PnQuestionView *view);
void            assert_correct   (PnQuestionView *view, gboolean correct);
/* Grades @view as it stands and shows the grade. */
void            check_answer     (PnQuestionView *view);

/* A signal handler counting into @count. */
void            count_cb         (gpointer view, guint *count);
GPtrArray      *rows_of          (PnQuestionView *view);
GPtrArray      *drop_downs_of    (PnQuestionView *view);
/* Selects @text in @drop_down's list. */
void            choose           (GtkWidget *drop_down, const char *text);
/* Emits the "drop" of the drop target on @widget with @value, as GTK does at the end of a drag. */
gboolean        drop_on          (GtkWidget *widget, const GValue *value);

G_END_DECLS
