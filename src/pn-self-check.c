/* pn-self-check.c: what the app needs from the system it runs on, and its self-check mode
 *
 * The reader sets the text in a serif face and hyphenates it in the document's language (CSS
 * hyphens: auto, which WebKitGTK does with libhyphen's dictionaries, pn-hyphenation.h). In a
 * Flatpak sandbox both come from the runtime: the app says at start-up when no serif face of
 * its own is there, and when a pack is opened which of its languages cannot be hyphenated
 * (pn_hyphenation_log_missing()); `prisonnum --self-check [PACK]` proves in the page itself
 * that the text is hyphenated in its language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-self-check"

#include "config.h"

#include <stdio.h>
#include <webkit/webkit.h>

#include "pn-application.h"
#include "pn-help-window.h"
#include "pn-hyphenation.h"
#include "pn-reader-view-private.h"
#include "pn-self-check.h"
#include "pn-store.h"

/* The faces of --pn-serif in src/reader/reader.css, in its order. */
static const char * const serif_faces[] = { "Noto Serif", "Source Serif 4", "DejaVu Serif", NULL };

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

const char *
pn_self_check_serif_advice (void)
{
  return "None of the reader's serif faces (Noto Serif, Source Serif 4, DejaVu Serif) is installed: "
         "the text is set in whatever serif face fontconfig picks instead. Debian: install "
         "fonts-noto-core (Noto Serif) or fonts-dejavu-core (DejaVu Serif); the GNOME Flatpak "
         "runtime has DejaVu Serif";
}

void
pn_self_check_log_environment (void)
{
  g_autofree char *face = pn_self_check_find_serif_face ();

  /* Hyphenation depends on the pack's languages: said when a pack is opened. */
  if (face == NULL)
    g_message ("%s", pn_self_check_serif_advice ());
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

/* The page: how many paragraphs are laid out, and whether a long word in the document's
 * language, in a narrow box, is broken over lines with hyphens: auto (taller) and not with
 * hyphens: manual. The words tried: one known to break for the language, if any, then the
 * text's own longest words (any language with a dictionary breaks one of them). */
static const char page_script[] =
  "const lang = document.documentElement.lang || '';"
  "const known = { fr: 'anticonstitutionnellement', en: 'incomprehensibilities',"
  " de: 'Donaudampfschifffahrtsgesellschaft', es: 'anticonstitucionalmente',"
  " it: 'precipitevolissimevolmente', pt: 'inconstitucionalissimamente', nl: 'arbeidsongeschiktheidsverzekering' };"
  "const words = [];"
  "const base = lang.toLowerCase().split(/[-_]/)[0];"
  "if (known[base]) words.push(known[base]);"
  "const own = [...new Set((document.body.innerText.match(/\\p{L}{12,}/gu) || []))]"
  " .sort((a, b) => b.length - a.length).slice(0, 3);"
  "words.push(...own);"
  "const box = document.createElement('p');"
  "box.lang = lang;"
  "box.style.cssText = 'width: 5em; position: absolute; visibility: hidden; font-size: 20px;"
  " overflow-wrap: normal; word-break: normal; white-space: normal';"
  "document.body.append(box);"
  "let best = { word: words[0] || '', auto: 0, manual: 0 };"
  "for (const word of words) {"
  "  box.textContent = word;"
  "  box.style.webkitHyphens = 'auto'; box.style.hyphens = 'auto';"
  "  const auto = box.getBoundingClientRect().height;"
  "  box.style.webkitHyphens = 'manual'; box.style.hyphens = 'manual';"
  "  const manual = box.getBoundingClientRect().height;"
  "  if (best.manual === 0 || auto / manual > best.auto / best.manual) best = { word, auto, manual };"
  "}"
  "box.remove();"
  "const article = document.querySelector('main, article, body');"
  "const longest = [...document.querySelectorAll('p')].reduce((a, p) =>"
  " (!a || p.textContent.length > a.textContent.length) ? p : a, null);"
  "const style = getComputedStyle(longest || document.body);"
  "return JSON.stringify({ paragraphs: document.querySelectorAll('p').length,"
  " lang: lang, word: best.word, auto: best.auto, manual: best.manual,"
  " hyphens: style.webkitHyphens || style.hyphens, font: style.fontFamily,"
  " text: (article ? article.innerText.length : 0) });";

/* A dictionary line for each language of the pack (hyphenation-LANG): where it is, or what
 * to install. */
static void
check_dictionaries (SelfCheck *check)
{
  PnPack *pack = pn_window_get_pack (check->window);
  g_autoptr(GPtrArray) languages = pack ? pn_hyphenation_pack_languages (pack) : NULL;

  for (guint i = 0; languages != NULL && i < languages->len; i++)
    {
      const char *language = g_ptr_array_index (languages, i);
      g_autofree char *dictionary = pn_hyphenation_find_dictionary (NULL, language);
      g_autofree char *name = g_strconcat ("hyphenation-", language, NULL);
      g_autofree char *missing = dictionary ? NULL : pn_hyphenation_describe_missing (NULL, language);

      report (check, name, dictionary != NULL, dictionary ? dictionary : missing);
    }
}

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
      g_autofree char *words = g_strdup_printf ("a long word in %s (%s) is %.0f px high with hyphens: auto, "
                                                "%.0f px without; the text asks for hyphens: %s",
                                                json_object_get_string_member_with_default (reply, "lang", "?"),
                                                json_object_get_string_member_with_default (reply, "word", "?"),
                                                hyphenated, plain,
                                                json_object_get_string_member_with_default (reply, "hyphens", "?"));

      /* Laid out: paragraphs with text in them (a short pack may have only one). */
      report (check, "page", paragraphs > 0 && json_object_get_int_member_with_default (reply, "text", 0) > 0, page);
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
  check_dictionaries (check);
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

  g_return_if_fail (GTK_IS_APPLICATION (app));
  g_return_if_fail (PN_IS_WINDOW (window));

  check = g_new0 (SelfCheck, 1);
  check->app = app;
  check->window = g_object_ref (window);
  g_application_hold (G_APPLICATION (app));

  report (check, "sandbox", TRUE, g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS)
                                  ? "Flatpak (/.flatpak-info)" : "none");
  report (check, "serif-face", face != NULL, face ? face : pn_self_check_serif_advice ());

  check->loaded_id = g_signal_connect (pn_window_get_reader_view (window), "document-loaded",
                                       G_CALLBACK (document_loaded_cb), check);
  check->timeout_id = g_timeout_add_seconds (SELF_CHECK_TIMEOUT_S, timeout_cb, check);
}
