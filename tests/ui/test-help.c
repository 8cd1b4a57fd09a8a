/* test-help.c: the help built into the app, shown when no help viewer opens (run under Xvfb)
 *
 * Run twice by meson: "help" in English, "help-fr" with LANGUAGE=fr. Both with
 * PRISONNUM_HELP_VIEWER=none, as on a desktop without Yelp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pn-application.h"
#include "pn-help.h"
#include "pn-help-window.h"
#include "pn-ui-test.h"

static PnApplication *app;

static gboolean
french (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "fr");
}

static PnHelpWindow *
find_help_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (PN_IS_HELP_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
help_window_shown_cb (gpointer data)
{
  PnHelpWindow *window = find_help_window ();

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

typedef struct {
  WebKitWebView *web_view;
  const char    *title;
} TitleWait;

static gboolean
title_shown_cb (gpointer data)
{
  TitleWait *wait = data;

  return !webkit_web_view_is_loading (wait->web_view) &&
         g_strcmp0 (webkit_web_view_get_title (wait->web_view), wait->title) == 0;
}

static void
wait_for_title (WebKitWebView *web_view,
                const char    *title)
{
  TitleWait wait = { web_view, title };
  g_autofree char *what = g_strdup_printf ("the help page « %s »", title);

  pn_ui_test_wait_until (title_shown_cb, &wait, what);
}

typedef struct {
  JSCValue *value;
  GError   *error;
  gboolean  done;
} Eval;

static void
eval_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Eval *eval = user_data;

  eval->value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result,
                                                                      &eval->error);
  eval->done = TRUE;
}

static gboolean
eval_done_cb (gpointer data)
{
  return ((Eval *) data)->done;
}

/* Runs the function body @script in the page (the test's own script: the pages
 * have none) and returns its value (a promise's, once settled) as a string. */
static char *
run_script (WebKitWebView *web_view,
            const char    *script)
{
  Eval eval = { 0 };
  char *text;

  webkit_web_view_call_async_javascript_function (web_view, script, -1, NULL, NULL, NULL, NULL,
                                                  eval_cb, &eval);
  pn_ui_test_wait_until (eval_done_cb, &eval, "a script in the help page");
  g_assert_no_error (eval.error);
  text = jsc_value_to_string (eval.value);
  g_object_unref (eval.value);

  return text;
}

static gboolean
open_external_cb (PnHelpWindow  *window,
                  const char    *uri,
                  char         **external)
{
  g_free (*external);
  *external = g_strdup (uri);
  return TRUE;   /* no browser in a test */
}

static gboolean
string_set_cb (gpointer data)
{
  return *(char **) data != NULL;
}

/* F1 with no help viewer: the guide opens in the app, in the interface's
 * language, and its links lead from page to page. */
static void
test_help_in_app (void)
{
  g_autofree char *accel_list = NULL;
  g_auto(GStrv) accels = NULL;
  GtkWidget *parent;
  PnHelpWindow *window;
  WebKitWebView *web_view;
  const char *index_title = french () ? "Aide de Prison numérique" : "Prison numérique Help";
  const char *reading_title = french () ? "Lire un texte" : "Reading a Text";
  g_autofree char *lang = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *external = NULL;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  accel_list = g_strjoinv (" ", accels);
  g_assert_nonnull (strstr (accel_list, "F1"));

  parent = gtk_application_window_new (GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (parent));
  g_assert_null (find_help_window ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  pn_ui_test_wait_until (help_window_shown_cb, NULL, "the help window");
  window = find_help_window ();
  web_view = pn_help_window_get_web_view (window);
  g_assert_cmpstr (pn_help_window_get_language (window), ==, french () ? "fr" : "C");
  wait_for_title (web_view, index_title);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, index_title);
  lang = run_script (web_view, "return document.documentElement.lang");
  g_assert_cmpstr (lang, ==, french () ? "fr" : "en");

  /* A link to another page works… */
  g_free (run_script (web_view, "document.querySelector('a[href=\"reading.html\"]').click(); return 'ok'"));
  wait_for_title (web_view, reading_title);
  g_assert_true (g_str_has_suffix (webkit_web_view_get_uri (web_view), "/reading.html"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "help.back", NULL));
  wait_for_title (web_view, index_title);

  /* …and one to the web goes to the browser, not into the help. */
  uri = g_strdup (webkit_web_view_get_uri (web_view));
  g_signal_connect (window, "open-external", G_CALLBACK (open_external_cb), &external);
  outcome = run_script (web_view,
                        "var a = document.querySelector('a[href^=\"https:\"]');"
                        "a.click(); return a.getAttribute('href')");
  g_assert_true (g_str_has_prefix (outcome, "https://"));
  pn_ui_test_wait_until (string_set_cb, &external, "the web link handed to the browser");
  g_assert_cmpstr (external, ==, outcome);
  g_free (run_script (web_view, "document.querySelector('a[href=\"reading.html\"]').click(); return 'ok'"));
  wait_for_title (web_view, reading_title);
  g_assert_true (webkit_web_view_can_go_back (web_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "help.back", NULL));
  wait_for_title (web_view, index_title);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, uri);

  /* F1 again: the same window, not a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (find_help_window () == window);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (parent));
}

static gboolean
load_failed_cb (WebKitWebView   *web_view,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                gboolean        *failed)
{
  *failed = TRUE;
  return TRUE;
}

static gboolean
flag_set_cb (gpointer data)
{
  return *(gboolean *) data;
}

/* The pages read without scripts, and the dark style is dark. */
static void
test_help_pages (void)
{
  const char *pages[] = { "index", "getting-started", "reading", "course-pack", NULL };
  AdwStyleManager *style = adw_style_manager_get_default ();
  PnHelpWindow *window;
  WebKitWebView *web_view;
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  gboolean failed = FALSE;
  g_autoptr(GList) back = NULL;

  g_assert_true (pn_help_window_has_pages ());
  for (guint i = 0; pages[i] != NULL; i++)
    for (guint j = 0; j < 2; j++)
      {
        g_autofree char *path = g_strdup_printf ("/org/example/Prisonnum/help/%s/%s.html",
                                                 j == 0 ? "C" : "fr", pages[i]);
        g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
        const char *html;

        g_assert_nonnull (bytes);
        html = g_bytes_get_data (bytes, NULL);
        g_assert_null (g_strstr_len (html, g_bytes_get_size (bytes), "<script"));
        g_assert_nonnull (g_strstr_len (html, g_bytes_get_size (bytes), "href=\"help.css\""));
      }

  window = pn_help_window_new ();
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  web_view = pn_help_window_get_web_view (window);
  pn_help_window_show_page (window, "reading");
  gtk_window_present (GTK_WINDOW (window));
  wait_for_title (web_view, french () ? "Lire un texte" : "Reading a Text");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  light = run_script (web_view, "return getComputedStyle(document.body).backgroundColor");
  g_assert_cmpstr (light, ==, "rgb(255, 255, 255)");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = run_script (web_view,
                     "return new Promise(r => { var m = matchMedia('(prefers-color-scheme: dark)');"
                     "  if (m.matches) r(); else m.addEventListener('change', () => r()); })"
                     ".then(() => getComputedStyle(document.body).backgroundColor + ' ' +"
                     "            getComputedStyle(document.body).color)");
  g_assert_cmpstr (dark, ==, "rgb(36, 36, 36) rgb(222, 221, 218)");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* A help page leads to help pages only, never to the reader's routes: the
   * first address is refused, the second (a control) is followed. */
  g_free (run_script (web_view,
                      "location.href = 'prisonnum://app/reader.css';"
                      "setTimeout (() => { location.href = 'index.html'; }, 300); return 'ok'"));
  wait_for_title (web_view, french () ? "Aide de Prison numérique" : "Prison numérique Help");
  g_assert_true (g_str_has_prefix (webkit_web_view_get_uri (web_view), "prisonnum://help/"));
  back = webkit_back_forward_list_get_back_list (webkit_web_view_get_back_forward_list (web_view));
  for (GList *l = back; l != NULL; l = l->next)
    g_assert_true (g_str_has_prefix (webkit_back_forward_list_item_get_uri (l->data), "prisonnum://help/"));

  /* Only the guide's own pages are served. */
  g_signal_connect (web_view, "load-failed", G_CALLBACK (load_failed_cb), &failed);
  webkit_web_view_load_uri (web_view, "prisonnum://help/fr/..%2Fpn-window.ui");
  pn_ui_test_wait_until (flag_set_cb, &failed, "the refused page");
  g_assert_true (failed);
  g_signal_handlers_disconnect_by_func (web_view, load_failed_cb, &failed);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  /* As on a desktop without Yelp. */
  g_setenv ("PRISONNUM_HELP_VIEWER", "none", TRUE);
  pn_ui_test_init (&argc, &argv);

  app = pn_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/help/in-app", test_help_in_app);
  g_test_add_func ("/help/pages", test_help_pages);

  ret = g_test_run ();

  g_clear_object (&app);
  return ret;
}
