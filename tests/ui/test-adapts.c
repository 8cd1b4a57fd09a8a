/* test-adapts.c: the window adapts to the pack it shows
 *
 * A pack without sources has no Sources row, and nothing leads to an empty Sources page (the
 * action, a source followed from the text); the bundled essay, which has sources, has them all.
 * The text is hyphenated in its own language: an English pack's paragraph, narrowed, is
 * taller with the reader's hyphens: auto than with hyphens: manual, and the same paragraph in
 * a language without a dictionary is not; the app's finder agrees with the page, and says
 * which language it cannot hyphenate when such a pack is opened. `prisonnum --self-check
 * PACK` measures the pack's own language, and says what is missing (a dictionary, the serif
 * faces) when it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "pn-hyphenation.h"
#include "pn-sidebar-row.h"
#include "pn-window-private.h"
#include "window-test.h"

/* Long words of the language, alone in their paragraph (no other word to fill a line). */
static const char text_md[] =
  "# On Reading\n"
  "\n"
  "Reading a long argument asks for patience: an essay on institutional responsibilities,\n"
  "intergenerational obligations and the internationalisation of administrative\n"
  "arrangements rarely keeps its sentences short, and its words even less so.\n"
  "\n"
  "incomprehensibilities counterrevolutionaries\n";

static const char sources_json[] =
  "[{ \"id\": \"austen-1813\", \"type\": \"book\", \"title\": \"Pride and Prejudice\","
  " \"author\": [{ \"family\": \"Austen\", \"given\": \"Jane\" }], \"issued\": { \"date-parts\": [[1813]] } }]\n";

static GFile *
make_text_pack (const char *id,
                const char *language,
                const char *sources)
{
  g_autofree char *json = g_strdup_printf ("{ \"format\": 1, \"id\": \"%s\", \"version\": \"1.0.0\","
                                           " \"title\": \"Reading\", \"language\": \"%s\","
                                           " \"authors\": [{ \"name\": \"Ada Lane\" }], \"license\": \"CC0-1.0\","
                                           " \"description\": \"A short text.\",%s"
                                           " \"documents\": [{ \"id\": \"text\", \"title\": \"Reading\", \"file\": \"text.md\" }] }\n",
                                           id, language, sources ? " \"sources\": \"sources.json\"," : "");

  if (sources != NULL)
    return make_pack ("pack.json", json, "text.md", text_md, "sources.json", sources, NULL);
  return make_pack ("pack.json", json, "text.md", text_md, NULL);
}

static const char *
visible_page (PnWindow *window)
{
  return gtk_stack_get_visible_child_name (window->stack);
}

/* The row starts the pack's own pages: a separator above it. */
static void
assert_separator_above (GtkWidget *row)
{
  GtkWidget *header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));

  g_assert_true (GTK_IS_SEPARATOR (header));
}

/* No Sources row for a pack without sources (nor with an empty list), nothing that opens an
 * empty Sources page; the bundled essay (the control) has the row, the action and the page. */
static void
test_adapts_sources_row (void)
{
  g_autoptr(GFile) none = make_text_pack ("no-sources", "en", NULL);
  g_autoptr(GFile) empty = make_text_pack ("empty-sources", "en", "[]\n");
  g_autoptr(GFile) some = make_text_pack ("some-sources", "en", sources_json);
  g_autoptr(GFile) essay = bundled_pack ();
  PnWindow *window = open_window (none);
  PnReaderView *reader = pn_window_get_reader_view (window);

  wait_until (reader_loaded_cb, window, "the pack without sources");
  g_assert_nonnull (find_row (window, "text"));
  g_assert_null (find_row (window, "sources"));
  /* The pages the pack has start with a separator all the same (Notes, here). */
  assert_separator_above (find_row (window, "notes"));
  g_assert_null (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (find_row (window, "text"))));

  /* The action opens nothing; a source followed from the text stays on the text and says why. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
  g_assert_cmpstr (visible_page (window), ==, "reader");
  g_signal_emit_by_name (reader, "source-activated", "austen-1813");
  g_assert_cmpstr (visible_page (window), ==, "reader");
  wait_for_label (GTK_WIDGET (window), "This source is not in the course pack");

  /* An empty list of sources is no sources. */
  open_pack (window, empty);
  wait_until (reader_loaded_cb, window, "the pack with an empty list of sources");
  g_assert_nonnull (find_row (window, "text"));
  g_assert_null (find_row (window, "sources"));

  /* Controls: a pack with one source, then the bundled essay: the row (first of the pack's
   * pages, under the separator), the action and the page. */
  open_pack (window, some);
  wait_until (reader_loaded_cb, window, "the pack with a source");
  g_assert_nonnull (find_row (window, "sources"));
  assert_separator_above (find_row (window, "sources"));
  g_assert_null (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (find_row (window, "notes"))));
  g_signal_emit_by_name (reader, "source-activated", "austen-1813");
  wait_until (sources_mapped_cb, window, "the Sources page at the source followed");
  g_assert_cmpstr (visible_page (window), ==, "sources");

  open_pack (window, essay);
  wait_until (reader_loaded_cb, window, "the essay");
  g_assert_nonnull (find_row (window, "sources"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
  wait_until (sources_mapped_cb, window, "the essay's Sources page");
  g_assert_cmpstr (visible_page (window), ==, "sources");
  close_window (window);
}

/* The paragraph of long words, narrowed: its height with the reader's own hyphens (auto),
 * then with hyphens: manual; the document's lang and the hyphens the text asks for. Long
 * words are not broken anywhere else (overflow-wrap: normal), so only hyphenation can make
 * the paragraph taller. */
static const char measure_script[] =
  "(() => {"
  "  const p = [...document.querySelectorAll('p')].find(e => e.textContent.includes('incomprehensibilities'));"
  "  const asked = getComputedStyle(p).webkitHyphens || getComputedStyle(p).hyphens;"
  "  p.style.width = '5em'; p.style.overflowWrap = 'normal'; p.style.wordBreak = 'normal';"
  "  const auto = p.getBoundingClientRect().height;"
  "  p.style.webkitHyphens = 'manual'; p.style.hyphens = 'manual';"
  "  const manual = p.getBoundingClientRect().height;"
  "  p.removeAttribute('style');"
  "  return JSON.stringify({ lang: document.documentElement.lang, asked: asked, auto: auto, manual: manual });"
  "})()";

typedef struct {
  char   *lang;
  char   *asked;
  double  automatic;
  double  manual;
} Measure;

static void
measure_clear (Measure *m)
{
  g_free (m->lang);
  g_free (m->asked);
}

static Measure
measure_paragraph (PnWindow *window)
{
  g_autofree char *json = eval_js (window, measure_script);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *reply;
  Measure m;

  g_assert_nonnull (json);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  reply = json_node_get_object (json_parser_get_root (parser));
  m.lang = g_strdup (json_object_get_string_member (reply, "lang"));
  m.asked = g_strdup (json_object_get_string_member (reply, "asked"));
  m.automatic = json_object_get_double_member (reply, "auto");
  m.manual = json_object_get_double_member (reply, "manual");
  g_test_message ("lang %s, hyphens %s: %.0f px auto, %.0f px manual", m.lang, m.asked, m.automatic, m.manual);
  return m;
}

static void
collect_message (const char     *domain,
                 GLogLevelFlags  level,
                 const char     *message,
                 gpointer        user_data)
{
  g_ptr_array_add (user_data, g_strdup (message));
}

static gboolean
has_message (GPtrArray  *messages,
             const char *needle)
{
  for (guint i = 0; i < messages->len; i++)
    if (strstr (g_ptr_array_index (messages, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* An English pack is hyphenated in the reader: its paragraph of long words, narrowed, is much
 * taller with hyphens: auto than with hyphens: manual. The controls: the same paragraph in a
 * language without a dictionary is as tall either way, and the app's finder (what the
 * start-up check says) agrees with the page in both, saying the missing one when it opens. */
static void
test_adapts_hyphenation (void)
{
  g_autoptr(GFile) english = make_text_pack ("hyphen-en", "en", NULL);
  g_autoptr(GFile) none = make_text_pack ("hyphen-none", "zxx", NULL);
  g_autofree char *dictionary = pn_hyphenation_find_dictionary (NULL, "en");
  g_autofree char *no_dictionary = pn_hyphenation_find_dictionary (NULL, "zxx");
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  guint handler = g_log_set_handler ("pn-hyphenation", G_LOG_LEVEL_MESSAGE, collect_message, messages);
  PnWindow *window;
  Measure m;

  if (dictionary == NULL)
    {
      g_autofree char *advice = pn_hyphenation_describe_missing (NULL, "en");

      g_test_fail_printf ("no English hyphenation dictionary on this machine: %s", advice);
      return;
    }
  g_assert_null (no_dictionary);

  window = open_window (english);
  wait_until (reader_loaded_cb, window, "the English pack");
  m = measure_paragraph (window);
  g_assert_cmpstr (m.lang, ==, "en");
  g_assert_cmpstr (m.asked, ==, "auto");
  g_assert_cmpfloat (m.manual, >, 0);
  g_assert_cmpfloat (m.automatic, >, m.manual * 1.5);
  measure_clear (&m);
  g_assert_false (has_message (messages, "(en)"));

  open_pack (window, none);
  wait_until (reader_loaded_cb, window, "the pack in a language without a dictionary");
  m = measure_paragraph (window);
  g_assert_cmpstr (m.lang, ==, "zxx");
  g_assert_cmpstr (m.asked, ==, "auto");
  g_assert_cmpfloat (m.manual, >, 0);
  g_assert_cmpfloat (fabs (m.automatic - m.manual), <, 1.0);
  measure_clear (&m);
  g_assert_true (has_message (messages, "Text in 'zxx' is not hyphenated"));

  g_log_remove_handler ("pn-hyphenation", handler);
  close_window (window);
}

/* `prisonnum --self-check PACK`, its standard output and exit status. */
static char *
run_self_check (GFile      *pack,
                const char *fontconfig_file,
                int        *status)
{
  const char *app_path = g_getenv ("PN_PRISONNUM");
  g_autofree char *dir = g_file_get_path (pack);
  const char *argv[] = { app_path, "--self-check", dir, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_assert_nonnull (app_path);
  env = g_environ_unsetenv (env, "PRISONNUM_PACK_DIR");
  if (fontconfig_file != NULL)
    env = g_environ_setenv (env, "FONTCONFIG_FILE", fontconfig_file, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  return out;
}

static gboolean
has_line (const char *out,
          const char *start,
          const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], start) && (needle == NULL || strstr (lines[i], needle) != NULL))
      return TRUE;
  return FALSE;
}

/* The self-check measures the pack's own language: an English pack passes (its dictionary,
 * its long word hyphenated, the serif face). The controls: a pack in a language without a
 * dictionary, with the reader's serif faces hidden from fontconfig, fails and says what is
 * missing. */
static void
test_adapts_self_check (void)
{
  g_autoptr(GFile) english = make_text_pack ("check-en", "en", NULL);
  g_autoptr(GFile) none = make_text_pack ("check-none", "zxx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *fonts_dir = g_dir_make_tmp ("pn-no-fonts-XXXXXX", &error);
  g_autofree char *fonts_conf = g_build_filename (fonts_dir, "fonts.conf", NULL);
  g_autofree char *out = NULL;
  int status = -1;

  g_assert_no_error (error);
  /* The system's fonts less the reader's serif faces. */
  g_file_set_contents (fonts_conf,
                       "<?xml version=\"1.0\"?>\n<fontconfig>\n"
                       "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
                       "  <selectfont><rejectfont>\n"
                       "    <pattern><patelt name=\"family\"><string>Noto Serif</string></patelt></pattern>\n"
                       "    <pattern><patelt name=\"family\"><string>Source Serif 4</string></patelt></pattern>\n"
                       "    <pattern><patelt name=\"family\"><string>DejaVu Serif</string></patelt></pattern>\n"
                       "  </rejectfont></selectfont>\n"
                       "</fontconfig>\n", -1, &error);
  g_assert_no_error (error);

  out = run_self_check (english, NULL, &status);
  g_assert_true (has_line (out, "serif-face: ok", NULL));
  g_assert_true (has_line (out, "hyphenation-en: ok", "hyph_en"));
  g_assert_true (has_line (out, "hyphenation: ok", "in en (incomprehensibilities)"));
  g_assert_true (has_line (out, "page: ok", NULL));
  g_assert_true (has_line (out, "self-check: ok", NULL));
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  out = run_self_check (none, fonts_conf, &status);
  g_assert_true (has_line (out, "serif-face: FAIL", "Debian: install fonts-noto-core"));
  g_assert_true (has_line (out, "hyphenation-zxx: FAIL", "Text in 'zxx' is not hyphenated"));
  g_assert_true (has_line (out, "hyphenation: FAIL", "in zxx"));
  g_assert_true (has_line (out, "self-check: FAIL", NULL));
  g_assert_cmpint (status, !=, 0);
}

/* What a student sees of a pack without sources, light, dark and at 360 px with the
 * sidebar shown (PN_SCREENSHOT_DIR): no Sources row, the English text hyphenated. */
static void
test_adapts_screenshots (void)
{
  struct { const char *name; const char *scheme; int width; int height; } looks[] = {
    { "light", "light", 1000, 700 },
    { "dark", "dark", 1000, 700 },
    { "narrow", "light", 360, 640 },
  };
  GSettings *settings = pn_application_get_settings (app);

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    {
      g_autofree char *id = g_strdup_printf ("shots-%s", looks[i].name);
      g_autoptr(GFile) pack = make_text_pack (id, "en", NULL);
      g_autofree char *name = g_strdup_printf ("adapts-%s-no-sources.png", looks[i].name);
      PnWindow *window;

      g_settings_set_string (settings, "color-scheme", looks[i].scheme);
      window = open_window_sized (pack, looks[i].width, looks[i].height);
      wait_until (reader_loaded_cb, window, "the English pack");
      g_assert_null (find_row (window, "sources"));
      if (looks[i].width < 400)
        gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
      save_settled_screenshots (GTK_WIDGET (window), name);
      close_window (window);
    }
  g_settings_reset (settings, "color-scheme");
}

int
main (int argc, char **argv)
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/adapts/sources-row", test_adapts_sources_row);
  g_test_add_func ("/adapts/hyphenation", test_adapts_hyphenation);
  g_test_add_func ("/adapts/self-check", test_adapts_self_check);
  g_test_add_func ("/adapts/screenshots", test_adapts_screenshots);

  return window_test_run ();
}
