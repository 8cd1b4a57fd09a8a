/* pn-self-check.c: what the app needs from the system it runs on, and its self-check mode
 *
 * The reader sets the essay in a serif face and hyphenates French (CSS hyphens: auto, which
 * WebKitGTK does with libhyphen's dictionaries). In a Flatpak sandbox both come from the
 * runtime or the app's bundle: the app says at start-up when one is missing, and
 * `prisonnum --self-check` proves in the page itself that the essay is hyphenated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-self-check"

#include "config.h"

#include <stdio.h>
#include <webkit/webkit.h>

#include "pn-application.h"
#include "pn-help-window.h"
#include "pn-reader-view-private.h"
#include "pn-self-check.h"
#include "pn-store.h"

/* The faces of --pn-serif in src/reader/reader.css, in its order. */
static const char * const serif_faces[] = { "Noto Serif", "Source Serif 4", "DejaVu Serif", NULL };

/* Where WebKitGTK's libhyphen support looks for dictionaries (and nowhere else). */
static const char * const hyphenation_dirs[] = { "/usr/share/hyphen", "/usr/local/share/hyphen", NULL };

#define SELF_CHECK_TIMEOUT_S 90
#define HELP_WAIT_MS 3000

char *
pn_self_check_find_serif_face (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_autofree PangoFontFamily **families = NULL;
  int n = 0;

  pango_font_map_list_families (map, &families, &n);
  for (guint i = 0; serif_faces[i] != NULL; i++)
    for (int j = 0; j < n; j++)
      if (g_ascii_strcasecmp (pango_font_family_get_name (families[j]), serif_faces[i]) == 0)
        return g_strdup (serif_faces[i]);

  return NULL;
}

char *
pn_self_check_find_hyphenation_fr (void)
{
  for (guint i = 0; hyphenation_dirs[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (hyphenation_dirs[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_prefix (name, "hyph_fr") && g_str_has_suffix (name, ".dic"))
          return g_build_filename (hyphenation_dirs[i], name, NULL);
    }

  return NULL;
}

void
pn_self_check_log_environment (void)
{
  g_autofree char *face = pn_self_check_find_serif_face ();
  g_autofree char *hyphenation = pn_self_check_find_hyphenation_fr ();

  if (face == NULL)
    g_message ("None of the reader's serif faces (Noto Serif, Source Serif 4, DejaVu Serif) is "
               "installed: the text is set in the default serif face");
  if (hyphenation == NULL)
    g_message ("No French hyphenation dictionary (hyph_fr*.dic in /usr/share/hyphen): French "
               "text is not hyphenated (Debian: hyphen-fr; Flatpak: the runtime's French locale)");
}

/* The self-check run */

typedef struct {
  GtkApplication *app;
  PnWindow       *window;
  gulong          loaded_id;
  guint           timeout_id;
  gboolean        failed;
} SelfCheck;

static void
report (SelfCheck  *check,
        const char *name,
        gboolean    ok,
        const char *detail)
{
  if (!ok)
    check->failed = TRUE;
  printf ("%s: %s%s%s\n", name, ok ? "ok" : "FAIL", detail ? " " : "", detail ? detail : "");
  fflush (stdout);
}

static void
finish (SelfCheck *check)
{
  GtkApplication *app = check->app;

  g_clear_handle_id (&check->timeout_id, g_source_remove);
  report (check, "self-check", !check->failed, check->failed ? "(a check failed)" : NULL);
  if (check->failed)
    g_object_set_data (G_OBJECT (app), "pn-self-check-failed", GINT_TO_POINTER (1));
  g_object_unref (check->window);
  g_free (check);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_application_release (G_APPLICATION (app));
}

static gboolean
help_shown_cb (gpointer user_data)
{
  SelfCheck *check = user_data;
  gboolean shown = FALSE;

  for (GList *l = gtk_application_get_windows (check->app); l; l = l->next)
    if (PN_IS_HELP_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      shown = TRUE;
  /* Outside a sandbox the help may go to the help viewer instead (another process). */
  report (check, "help", shown || !g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS),
          shown ? "the help window is open" : "no help window in the app");
  finish (check);
  return G_SOURCE_REMOVE;
}

static void
check_store (SelfCheck *check)
{
  g_autofree char *path = pn_store_default_path ();
  g_autofree char *detail = NULL;
  gboolean exists = g_file_test (path, G_FILE_TEST_IS_REGULAR);

  detail = g_strdup_printf ("%s%s", path, exists ? "" : " (missing)");
  report (check, "store", exists && pn_application_get_store (PN_APPLICATION (check->app)) != NULL, detail);
}

/* The page: how many paragraphs are laid out, and whether a long French word in a narrow box
 * is broken over lines with hyphens: auto (taller) and not with hyphens: manual. */
static const char page_script[] =
  "const box = document.createElement('p');"
  "box.lang = 'fr';"
  "box.style.cssText = 'width: 5em; position: absolute; visibility: hidden; font-size: 20px;"
  " overflow-wrap: normal; word-break: normal; white-space: normal; -webkit-hyphens: auto; hyphens: auto';"
  "box.textContent = 'anticonstitutionnellement';"
  "document.body.append(box);"
  "const auto = box.getBoundingClientRect().height;"
  "box.style.webkitHyphens = 'manual'; box.style.hyphens = 'manual';"
  "const manual = box.getBoundingClientRect().height;"
  "box.remove();"
  "const article = document.querySelector('main, article, body');"
  "const longest = [...document.querySelectorAll('p')].reduce((a, p) =>"
  " (!a || p.textContent.length > a.textContent.length) ? p : a, null);"
  "const style = getComputedStyle(longest || document.body);"
  "return JSON.stringify({ paragraphs: document.querySelectorAll('p').length,"
  " lang: document.documentElement.lang, auto: auto, manual: manual,"
  " hyphens: style.webkitHyphens || style.hyphens, font: style.fontFamily,"
  " text: (article ? article.innerText.length : 0) });";

static void
page_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SelfCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *reply = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, &error);
  if (value != NULL && jsc_value_is_string (value))
    json = jsc_value_to_string (value);
  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    reply = json_node_get_object (json_parser_get_root (parser));

  if (reply == NULL)
    report (check, "page", FALSE, error ? error->message : "no reply from the page");
  else
    {
      gint64 paragraphs = json_object_get_int_member_with_default (reply, "paragraphs", 0);
      double hyphenated = json_object_get_double_member_with_default (reply, "auto", 0);
      double plain = json_object_get_double_member_with_default (reply, "manual", 0);
      g_autofree char *page = g_strdup_printf ("%s, %" G_GINT64_FORMAT " paragraphs, lang %s, font %s",
                                               pn_reader_view_get_title (pn_window_get_reader_view (check->window)),
                                               paragraphs,
                                               json_object_get_string_member_with_default (reply, "lang", "?"),
                                               json_object_get_string_member_with_default (reply, "font", "?"));
      g_autofree char *words = g_strdup_printf ("a long French word is %.0f px high with hyphens: auto, "
                                                "%.0f px without; the text asks for hyphens: %s",
                                                hyphenated, plain,
                                                json_object_get_string_member_with_default (reply, "hyphens", "?"));

      report (check, "page", paragraphs > 10, page);
      report (check, "hyphenation", hyphenated > plain * 1.5 &&
              g_strcmp0 (json_object_get_string_member_with_default (reply, "hyphens", ""), "auto") == 0,
              words);
    }

  check_store (check);
  g_action_group_activate_action (G_ACTION_GROUP (check->app), "help", NULL);
  g_timeout_add (HELP_WAIT_MS, help_shown_cb, check);
}

static void
document_loaded_cb (PnReaderView *view,
                    gpointer      user_data)
{
  SelfCheck *check = user_data;

  g_clear_signal_handler (&check->loaded_id, view);
  webkit_web_view_call_async_javascript_function (view->web_view, page_script, -1, NULL, NULL, NULL,
                                                  NULL, page_checked_cb, check);
}

static gboolean
timeout_cb (gpointer user_data)
{
  SelfCheck *check = user_data;

  check->timeout_id = 0;
  g_clear_signal_handler (&check->loaded_id, pn_window_get_reader_view (check->window));
  report (check, "page", FALSE, "the document did not load in time");
  finish (check);
  return G_SOURCE_REMOVE;
}

void
pn_self_check_start (GtkApplication *app,
                     PnWindow       *window)
{
  SelfCheck *check;
  g_autofree char *face = pn_self_check_find_serif_face ();
  g_autofree char *hyphenation = pn_self_check_find_hyphenation_fr ();

  g_return_if_fail (GTK_IS_APPLICATION (app));
  g_return_if_fail (PN_IS_WINDOW (window));

  check = g_new0 (SelfCheck, 1);
  check->app = app;
  check->window = g_object_ref (window);
  g_application_hold (G_APPLICATION (app));

  report (check, "sandbox", TRUE, g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS)
                                  ? "Flatpak (/.flatpak-info)" : "none");
  report (check, "serif-face", face != NULL, face ? face : "none of Noto Serif, Source Serif 4, DejaVu Serif");
  report (check, "hyphenation-fr", hyphenation != NULL, hyphenation ? hyphenation : "no hyph_fr*.dic");

  check->loaded_id = g_signal_connect (pn_window_get_reader_view (window), "document-loaded",
                                       G_CALLBACK (document_loaded_cb), check);
  check->timeout_id = g_timeout_add_seconds (SELF_CHECK_TIMEOUT_S, timeout_cb, check);
}
