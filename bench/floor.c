/* floor.c: the benchmark floor for a cold start
 *
 * The least an app can do to show the essay: one AdwApplicationWindow holding one
 * WebKitWebView that loads the same rendered HTML (and the same stylesheet) from a
 * file. It prints "laid-out MS" once the page has loaded and its layout was forced,
 * then quits. The app does the same with PRISONNUM_BENCH=1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <webkit/webkit.h>

static gint64 start_time;
static const char *page_uri;

static void
layout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GApplication *app = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    g_printerr ("floor: %s\n", error->message);
  g_print ("laid-out %.1f\n", (g_get_monotonic_time () - start_time) / 1000.0);
  fflush (stdout);   /* a pipe: the driver reads the line as it comes */
  g_application_quit (app);
}

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 gpointer         user_data)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  /* Reading a layout property forces style and layout, as the app's script does. */
  webkit_web_view_evaluate_javascript (view, "document.body.getBoundingClientRect().height",
                                       -1, NULL, NULL, NULL, layout_done_cb, user_data);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *view = webkit_web_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  g_signal_connect (view, "load-changed", G_CALLBACK (load_changed_cb), app);
  webkit_web_view_load_uri (WEBKIT_WEB_VIEW (view), page_uri);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  start_time = g_get_monotonic_time ();
  if (argc != 2)
    {
      g_printerr ("usage: %s PAGE.html\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  uri = g_file_get_uri (file);
  page_uri = uri;

  app = adw_application_new ("org.example.Prisonnum.BenchFloor", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
