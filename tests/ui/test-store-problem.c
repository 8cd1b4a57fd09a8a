/* test-store-problem.c: the student is told, in the first window, what
 * became of a database that could not be read (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pn-store.h"
#include "window-test.h"


static char *corrupt_path;
static char *corrupt_bytes;

static gboolean
dialog_shown_cb (gpointer data)
{
  GtkWidget **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && *dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window))
        *dialog = window;
    }

  return *dialog != NULL;
}

static void
test_damaged_database_told (void)
{
  PnWindow *window = pn_application_new_window (app);
  g_autofree char *folder = g_path_get_dirname (corrupt_path);
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GtkWidget *dialog = NULL;
  GtkWidget *extra, *heading;
  const char *body;
  const char *name;

  /* Moved aside as it was, a new store in its place. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "student.db.corrupt-") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      aside = g_build_filename (folder, name, NULL);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, corrupt_bytes);
  g_assert_nonnull (pn_application_get_store (app));

  pn_window_present_when_ready (window);
  wait_until (dialog_shown_cb, &dialog, "the dialog about the student data");
  /* The heading and the body, each a label of the dialog's extra child */
  extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_BOX (extra));
  heading = gtk_widget_get_first_child (extra);
  g_assert_true (GTK_IS_LABEL (heading));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (heading)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, gtk_window_get_title (GTK_WINDOW (dialog)));
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_next_sibling (heading)));
  body = gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (heading)));
  g_test_message ("%s: %s", gtk_label_get_text (GTK_LABEL (heading)), body);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (heading)), ==, "Your Data Could Not Be Read");
  g_assert_nonnull (strstr (body, corrupt_path));
  g_assert_nonnull (strstr (body, aside));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  save_screenshot (dialog, "store-problem.png");

  /* Told once: a second window says nothing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    PnWindow *second = pn_application_new_window (app);
    GtkWidget *again = NULL;

    gtk_window_present (GTK_WINDOW (second));
    wait_for_paint (GTK_WIDGET (second));
    g_assert_false (dialog_shown_cb (&again));
    gtk_window_destroy (GTK_WINDOW (second));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  /* The student data is damaged before the application starts. */
  pn_ui_test_init (&argc, &argv);
  corrupt_path = pn_store_default_path ();
  folder = g_path_get_dirname (corrupt_path);
  corrupt_bytes = g_strdup ("Not a database: the notes of a student, damaged on their way.");
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (corrupt_path, corrupt_bytes, -1, NULL));

  app = pn_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/store-problem/damaged-database-told", test_damaged_database_told);

  return window_test_run ();
}
