/* pn-hyphenation.c: which languages of a pack the system can hyphenate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-hyphenation"

#include "config.h"

#include <string.h>

#include "pn-hyphenation.h"

static const char * const default_dirs[] = { "/usr/share/hyphen", "/usr/local/share/hyphen", NULL };

const char * const *
pn_hyphenation_default_dirs (void)
{
  return default_dirs;
}

/* "en-GB" -> "en_gb": how WebKitGTK compares a lang with a dictionary's locale. */
static char *
normalize (const char *language)
{
  char *tag = g_ascii_strdown (language, -1);

  g_strdelimit (tag, "-", '_');
  return tag;
}

/* The language alone ("en" for "en_gb"). */
static char *
base_language (const char *tag)
{
  const char *end = strchr (tag, '_');

  return end != NULL ? g_strndup (tag, end - tag) : g_strdup (tag);
}

/* hyph_en_US.dic -> "en_us"; NULL for a file that is not a dictionary. */
static char *
dictionary_locale (const char *name)
{
  gsize n = strlen (name);
  g_autofree char *middle = NULL;

  if (!g_str_has_prefix (name, "hyph_") || !g_str_has_suffix (name, ".dic") || n <= 9)
    return NULL;
  middle = g_strndup (name + 5, n - 9);
  return normalize (middle);
}

char *
pn_hyphenation_find_dictionary (const char * const *dirs,
                                const char         *language)
{
  g_autofree char *tag = NULL;
  g_autofree char *found = NULL;
  gboolean bare;

  if (language == NULL || language[0] == '\0')
    return NULL;
  if (dirs == NULL)
    dirs = default_dirs;

  tag = normalize (language);
  bare = strchr (tag, '_') == NULL;
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *locale = dictionary_locale (name);
          g_autofree char *path = NULL;
          gsize n = strlen (tag);
          gboolean exact;

          if (locale == NULL)
            continue;
          exact = g_str_equal (locale, tag);
          /* A bare language takes any region's dictionary; a region only its own. */
          if (!exact && !(bare && strncmp (locale, tag, n) == 0 && locale[n] == '_'))
            continue;
          /* Following links: a dangling one (a Locale extension not installed) is no dictionary. */
          path = g_build_filename (dirs[i], name, NULL);
          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            continue;
          if (exact)
            return g_steal_pointer (&path);
          /* The same answer whatever order the folder lists its files in. */
          if (found == NULL || g_strcmp0 (path, found) < 0)
            {
              g_free (found);
              found = g_steal_pointer (&path);
            }
        }
    }

  return g_steal_pointer (&found);
}

GPtrArray *
pn_hyphenation_pack_languages (PnPack *pack)
{
  GPtrArray *languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *documents;

  g_return_val_if_fail (PN_IS_PACK (pack), languages);

  documents = pn_pack_get_documents (pack);
  for (guint i = 0; i < documents->len; i++)
    {
      const char *language = pn_document_get_language (g_ptr_array_index (documents, i));
      char *tag;

      if (language == NULL || language[0] == '\0')
        language = pn_pack_get_language (pack);
      if (language == NULL || language[0] == '\0')
        continue;
      tag = normalize (language);
      if (g_hash_table_add (seen, tag))
        g_ptr_array_add (languages, g_strdup (language));
    }

  return languages;
}

/* Debian's hyphenation packages (from LibreOffice's dictionaries, as the GNOME runtime's):
 * named after the language, but for these. */
static const struct {
  const char *tag;
  const char *package;
} debian_packages[] = {
  { "en_gb", "hyphen-en-gb" },
  { "en_au", "hyphen-en-gb" },
  { "en_za", "hyphen-en-gb" },
  { "en", "hyphen-en-us" },
  { "pt_br", "hyphen-pt-br" },
  { "pt", "hyphen-pt-pt" },
  { "nb", "hyphen-no" },
  { "nn", "hyphen-no" },
};

/* The languages Debian has a hyphen-LANGUAGE package for, with their English names. */
static const struct {
  const char *language;
  const char *name;
} languages[] = {
  { "af", "Afrikaans" }, { "as", "Assamese" }, { "be", "Belarusian" }, { "bg", "Bulgarian" },
  { "bn", "Bengali" }, { "ca", "Catalan" }, { "cs", "Czech" }, { "da", "Danish" },
  { "de", "German" }, { "el", "Greek" }, { "en", "English" }, { "es", "Spanish" },
  { "fr", "French" }, { "gl", "Galician" }, { "gu", "Gujarati" }, { "hi", "Hindi" },
  { "hr", "Croatian" }, { "hu", "Hungarian" }, { "id", "Indonesian" }, { "is", "Icelandic" },
  { "it", "Italian" }, { "kn", "Kannada" }, { "lt", "Lithuanian" }, { "lv", "Latvian" },
  { "ml", "Malayalam" }, { "mn", "Mongolian" }, { "mr", "Marathi" }, { "nb", "Norwegian" },
  { "nl", "Dutch" }, { "nn", "Norwegian" }, { "no", "Norwegian" }, { "or", "Oriya" },
  { "pa", "Punjabi" }, { "pl", "Polish" }, { "pt", "Portuguese" }, { "ro", "Romanian" },
  { "ru", "Russian" }, { "sk", "Slovak" }, { "sl", "Slovenian" }, { "sr", "Serbian" },
  { "sv", "Swedish" }, { "ta", "Tamil" }, { "te", "Telugu" }, { "th", "Thai" },
  { "uk", "Ukrainian" }, { "zu", "Zulu" },
};

const char *
pn_hyphenation_language_name (const char *language)
{
  g_autofree char *tag = normalize (language != NULL ? language : "");
  g_autofree char *base = base_language (tag);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (base, languages[i].language))
      return languages[i].name;

  return NULL;
}

char *
pn_hyphenation_debian_package (const char *language)
{
  g_autofree char *tag = normalize (language != NULL ? language : "");
  g_autofree char *base = base_language (tag);

  if (pn_hyphenation_language_name (language) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (debian_packages); i++)
    if (g_str_equal (tag, debian_packages[i].tag))
      return g_strdup (debian_packages[i].package);
  for (guint i = 0; i < G_N_ELEMENTS (debian_packages); i++)
    if (g_str_equal (base, debian_packages[i].tag))
      return g_strdup (debian_packages[i].package);

  return g_strconcat ("hyphen-", base, NULL);
}

char *
pn_hyphenation_describe_missing (const char * const *dirs,
                                 const char         *language)
{
  g_autofree char *tag = normalize (language);
  g_autofree char *base = base_language (tag);
  g_autofree char *package = pn_hyphenation_debian_package (language);
  g_autofree char *where = NULL;
  g_autofree char *other = NULL;
  g_autofree char *what = NULL;
  g_autofree char *flatpak = NULL;
  const char *name = pn_hyphenation_language_name (language);

  if (dirs == NULL)
    dirs = default_dirs;
  where = g_strjoinv (" or ", (char **) dirs);
  what = name != NULL ? g_strdup_printf ("%s (%s)", name, language) : g_strdup_printf ("'%s'", language);

  /* Only the region has none: another tag would do without installing anything. */
  if (!g_str_equal (tag, base) && (other = pn_hyphenation_find_dictionary (dirs, base)) != NULL)
    return g_strdup_printf ("Text in %s is not hyphenated: no hyphenation dictionary is for that region "
                            "(hyph_%s.dic), and WebKitGTK takes no other region's. Write the language as "
                            "\"%s\" in pack.json to use %s, or install a dictionary for %s",
                            what, tag, base, other, language);

  if (package == NULL)
    return g_strdup_printf ("Text in %s is not hyphenated: no hyphenation dictionary for it (hyph_%s*.dic) "
                            "in %s, and neither Debian nor the GNOME runtime is known to have one",
                            what, base, where);

  /* The GNOME runtime has English itself, the other languages in its Locale extension. */
  if (g_str_equal (base, "en"))
    flatpak = g_strdup ("the GNOME runtime holds it");
  else
    flatpak = g_strdup_printf ("it comes with the GNOME runtime's Locale extension, for the languages "
                               "Flatpak is set to install (flatpak config --set extra-languages %s, "
                               "then flatpak update)", base);
  return g_strdup_printf ("Text in %s is not hyphenated: no hyphenation dictionary for it (hyph_%s*.dic) "
                          "in %s. Debian: install %s. Flatpak: %s",
                          what, base, where, package, flatpak);
}

G_LOCK_DEFINE_STATIC (said);
static GHashTable *said;

guint
pn_hyphenation_log_missing (PnPack *pack)
{
  g_autoptr(GPtrArray) languages = NULL;
  guint missing = 0;

  g_return_val_if_fail (PN_IS_PACK (pack), 0);

  languages = pn_hyphenation_pack_languages (pack);
  for (guint i = 0; i < languages->len; i++)
    {
      const char *language = g_ptr_array_index (languages, i);
      g_autofree char *dictionary = pn_hyphenation_find_dictionary (NULL, language);
      gboolean first;

      if (dictionary != NULL)
        continue;
      missing++;
      G_LOCK (said);
      if (said == NULL)
        said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      first = g_hash_table_add (said, normalize (language));
      G_UNLOCK (said);
      if (first)
        {
          g_autofree char *message = pn_hyphenation_describe_missing (NULL, language);

          g_message ("%s", message);
        }
    }

  return missing;
}
