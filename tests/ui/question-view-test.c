/* question-view-test.c: what the question view's test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "question-view-test.h"

PnPack *pack;

/* @question in a window @width wide (the view lives as long as the window). */
Shown
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

void
unshow (Shown *shown)
{
  gtk_window_destroy (shown->window);
}

GPtrArray *
checks_of (PnQuestionView *view)
{
  return find_widgets (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON, NULL, FALSE);
}

/* The text a check button shows (its child label). */
const char *
check_text (GtkWidget *check)
{
  return gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (check))));
}

GtkWidget *
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

PnQuizGrade *
grade_view (PnQuestionView *view)
{
  g_autoptr(PnQuizResponse) response = pn_question_view_get_response (view);

  return pn_quiz_grade (pn_question_view_get_question (view), response);
}

void
assert_correct (PnQuestionView *view,
                gboolean        correct)
{
  g_autoptr(PnQuizGrade) grade = grade_view (view);

  g_assert_cmpint (grade->correct, ==, correct);
}

/* Every check button's sensitivity is @sensitive. */
void
assert_checks_sensitive (PnQuestionView *view,
                         gboolean        sensitive)
{
  g_autoptr(GPtrArray) checks = checks_of (view);

  g_assert_cmpuint (checks->len, >, 0);
  for (guint i = 0; i < checks->len; i++)
    g_assert_cmpint (gtk_widget_get_sensitive (g_ptr_array_index (checks, i)), ==, sensitive);
}

/* Grades @view as it stands and shows the grade. */
void
check_answer (PnQuestionView *view)
{
  g_autoptr(PnQuizGrade) grade = grade_view (view);

  pn_question_view_set_grade (view, grade);
}

void
screenshot (Shown      *shown,
            const char *name)
{
  g_autofree char *file = g_strdup_printf ("question-%s.png", name);

  save_screenshot (GTK_WIDGET (shown->window), file);
}

void
count_cb (gpointer  view,
          guint    *count)
{
  (*count)++;
}

GPtrArray *
rows_of (PnQuestionView *view)
{
  return find_widgets (GTK_WIDGET (view), GTK_TYPE_LIST_BOX_ROW, NULL, FALSE);
}

/* Emits the "drop" of the drop target on @widget with @value, as GTK does at the end of a drag. */
gboolean
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

GPtrArray *
drop_downs_of (PnQuestionView *view)
{
  return find_widgets (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, NULL, FALSE);
}

/* Selects @text in @drop_down's list. */
void
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

void
question_view_test_init (int    *argc,
                         char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) location = NULL;
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  pn_ui_test_init (argc, argv);
  adw_init ();
  /* The app's style sheet, as AdwApplication loads it from its resources. */
  gtk_css_provider_load_from_resource (css, "/org/example/Prisonnum/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  dir = g_build_filename (g_getenv ("PN_SOURCE_ROOT"), "data", "pack", NULL);
  location = g_file_new_for_path (dir);
  pack = pn_pack_load (location, NULL, &error);
  g_assert_no_error (error);
}
