/* test-hyphenation.c: which languages the system can hyphenate, as WebKitGTK finds the
 * dictionaries, and what the app says when one is missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "pn-hyphenation.h"
#include "pn-test-util.h"

/* A dictionary folder laid out as Debian's and the GNOME runtime's are: files, links to
 * them, and a dangling link (a Flatpak Locale extension not installed). */
static char *
make_dictionaries (void)
{
  char *dir = pn_test_make_dir ("hyph_en_US.dic", "ISO8859-1\n1a1\n",
                                "hyph_es_ES.dic", "UTF-8\n1b1\n",
                                "hyph_fr.dic", "UTF-8\n1c1\n",
                                "README.txt", "not a dictionary\n",
                                "hyph_.dic", "no locale\n",
                                NULL);
  g_autofree char *en = g_build_filename (dir, "hyph_en.dic", NULL);
  g_autofree char *de = g_build_filename (dir, "hyph_de_DE.dic", NULL);

  g_assert_cmpint (symlink ("hyph_en_US.dic", en), ==, 0);
  g_assert_cmpint (symlink ("../locale/de/hyphen/hyph_de_DE.dic", de), ==, 0);
  return dir;
}

static void
assert_found (const char * const *dirs,
              const char         *language,
              const char         *name)
{
  g_autofree char *path = pn_hyphenation_find_dictionary (dirs, language);
  g_autofree char *base = NULL;

  if (name == NULL)
    {
      g_assert_cmpstr (path, ==, NULL);
      return;
    }
  g_assert_nonnull (path);
  base = g_path_get_basename (path);
  g_assert_cmpstr (base, ==, name);
}

/* An exact locale (case, - or _ ignored); a bare language takes a region's dictionary;
 * a region takes only its own; dangling links and other files are no dictionary. */
static void
test_hyphenation_find (void)
{
  g_autofree char *dir = make_dictionaries ();
  const char *dirs[] = { "/nonexistent-pn-hyphen", dir, NULL };

  assert_found (dirs, "en", "hyph_en.dic");
  assert_found (dirs, "en-US", "hyph_en_US.dic");
  assert_found (dirs, "EN_us", "hyph_en_US.dic");
  assert_found (dirs, "es", "hyph_es_ES.dic");
  assert_found (dirs, "es-ES", "hyph_es_ES.dic");
  assert_found (dirs, "fr", "hyph_fr.dic");
  /* No region of its own: WebKitGTK does not fall back to the language. */
  assert_found (dirs, "en-CA", NULL);
  assert_found (dirs, "fr-FR", NULL);
  /* The link points nowhere. */
  assert_found (dirs, "de", NULL);
  assert_found (dirs, "de-DE", NULL);
  assert_found (dirs, "nl", NULL);
  assert_found (dirs, "", NULL);
  assert_found (dirs, NULL, NULL);
  /* "e" is no prefix match for "es" nor "en". */
  assert_found (dirs, "e", NULL);

  pn_test_remove_dir (dir);
}

/* Each document's language, else the pack's, each once. */
static void
test_hyphenation_pack_languages (void)
{
  g_autofree char *manifest = g_strdup ("{\n"
                                        "  \"format\": 1, \"id\": \"langs\", \"version\": \"1.0\", \"title\": \"Langs\",\n"
                                        "  \"language\": \"en\", \"authors\": [{ \"name\": \"Ada\" }], \"license\": null,\n"
                                        "  \"description\": \"Three texts.\",\n"
                                        "  \"documents\": [\n"
                                        "    { \"id\": \"a\", \"title\": \"A\", \"file\": \"a.md\" },\n"
                                        "    { \"id\": \"b\", \"title\": \"B\", \"file\": \"b.md\", \"language\": \"de-CH\" },\n"
                                        "    { \"id\": \"c\", \"title\": \"C\", \"file\": \"c.md\", \"language\": \"EN\" },\n"
                                        "    { \"id\": \"d\", \"title\": \"D\", \"file\": \"d.md\", \"language\": \"de_ch\" }\n"
                                        "  ]\n"
                                        "}\n");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "a.md", "A.\n", "b.md", "B.\n",
                                           "c.md", "C.\n", "d.md", "D.\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  g_autoptr(GPtrArray) languages = pn_hyphenation_pack_languages (pack);

  g_assert_cmpuint (languages->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (languages, 0), ==, "en");
  g_assert_cmpstr (g_ptr_array_index (languages, 1), ==, "de-CH");
  pn_test_remove_dir (dir);
}

static void
test_hyphenation_packages (void)
{
  static const char * const cases[][2] = {
    { "en", "hyphen-en-us" }, { "en-US", "hyphen-en-us" }, { "en-GB", "hyphen-en-gb" },
    { "en_au", "hyphen-en-gb" }, { "fr", "hyphen-fr" }, { "fr-CA", "hyphen-fr" },
    { "de-CH", "hyphen-de" }, { "pt", "hyphen-pt-pt" }, { "pt-BR", "hyphen-pt-br" },
    { "nb", "hyphen-no" }, { "it", "hyphen-it" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *package = pn_hyphenation_debian_package (cases[i][0]);

      g_assert_cmpstr (package, ==, cases[i][1]);
    }
  g_assert_null (pn_hyphenation_debian_package ("zxx"));
  g_assert_null (pn_hyphenation_debian_package ("la"));
  g_assert_cmpstr (pn_hyphenation_language_name ("en-GB"), ==, "English");
  g_assert_cmpstr (pn_hyphenation_language_name ("DE"), ==, "German");
  g_assert_null (pn_hyphenation_language_name ("zxx"));
}

/* The message names the language, where the dictionaries were looked for, and what to
 * install (Debian's package, Flatpak's Locale extension); a region without a dictionary of
 * its own is told which tag would do. */
static void
test_hyphenation_messages (void)
{
  g_autofree char *dir = make_dictionaries ();
  const char *dirs[] = { dir, NULL };
  g_autofree char *german = pn_hyphenation_describe_missing (dirs, "de");
  g_autofree char *dutch = pn_hyphenation_describe_missing (dirs, "nl-BE");
  g_autofree char *canadian = pn_hyphenation_describe_missing (dirs, "en-CA");
  g_autofree char *unknown = pn_hyphenation_describe_missing (dirs, "zxx");
  const char *none[] = { "/nonexistent-pn-hyphen", NULL };
  g_autofree char *english = pn_hyphenation_describe_missing (none, "en");

  g_assert_nonnull (strstr (german, "German (de) is not hyphenated"));
  g_assert_nonnull (strstr (german, "hyph_de*.dic"));
  g_assert_nonnull (strstr (german, dir));
  g_assert_nonnull (strstr (german, "Debian: install hyphen-de."));
  g_assert_nonnull (strstr (german, "flatpak config --set extra-languages de"));
  g_assert_null (strstr (english, "extra-languages"));
  g_assert_nonnull (strstr (english, "install hyphen-en-us. Flatpak: the GNOME runtime holds it"));

  g_assert_nonnull (strstr (dutch, "Dutch (nl-BE)"));
  g_assert_nonnull (strstr (dutch, "install hyphen-nl."));
  g_assert_nonnull (strstr (dutch, "extra-languages nl,"));

  g_assert_nonnull (strstr (canadian, "English (en-CA) is not hyphenated"));
  g_assert_nonnull (strstr (canadian, "Write the language as \"en\""));
  g_assert_nonnull (strstr (canadian, "hyph_en.dic"));
  g_assert_null (strstr (canadian, "Debian: install"));

  g_assert_nonnull (strstr (unknown, "'zxx' is not hyphenated"));
  g_assert_nonnull (strstr (unknown, "neither Debian nor the GNOME runtime"));
  g_assert_null (strstr (unknown, "install"));
  pn_test_remove_dir (dir);
}

static void
count_message (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        user_data)
{
  GPtrArray *messages = user_data;

  g_ptr_array_add (messages, g_strdup (message));
}

/* A language the system cannot hyphenate is said the first time (the control that the
 * message comes at all), then not again in the same process. */
static void
test_hyphenation_log_once (void)
{
  g_autofree char *manifest = g_strdup ("{\n"
                                        "  \"format\": 1, \"id\": \"none\", \"version\": \"1.0\", \"title\": \"None\",\n"
                                        "  \"language\": \"zxx\", \"authors\": [{ \"name\": \"Ada\" }], \"license\": null,\n"
                                        "  \"description\": \"No language.\",\n"
                                        "  \"documents\": [{ \"id\": \"a\", \"title\": \"A\", \"file\": \"a.md\" }]\n"
                                        "}\n");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "a.md", "A.\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  guint handler = g_log_set_handler ("pn-hyphenation", G_LOG_LEVEL_MESSAGE, count_message, messages);

  g_assert_cmpuint (pn_hyphenation_log_missing (pack), ==, 1);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "'zxx' is not hyphenated"));
  /* Again: still missing, not said again. */
  g_assert_cmpuint (pn_hyphenation_log_missing (pack), ==, 1);
  g_assert_cmpuint (messages->len, ==, 1);
  g_log_remove_handler ("pn-hyphenation", handler);
  pn_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hyphenation/find", test_hyphenation_find);
  g_test_add_func ("/hyphenation/pack-languages", test_hyphenation_pack_languages);
  g_test_add_func ("/hyphenation/packages", test_hyphenation_packages);
  g_test_add_func ("/hyphenation/messages", test_hyphenation_messages);
  g_test_add_func ("/hyphenation/log-once", test_hyphenation_log_once);

  return g_test_run ();
}
