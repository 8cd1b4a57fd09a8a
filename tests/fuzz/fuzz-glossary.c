/* fuzz-glossary.c: the glossary file (pn-glossary-parse), its search and
 * lookup (pn-glossary-search) and its explanations as Pango markup
 * (pn-render-pango)
 *
 * Each input is read as a pack's glossary file whose sources file lists "s1".
 * What is kept must hold to the format's rules (ids unique and well formed,
 * terms and forms of two letters or more, related and source ids known, no
 * entry related to itself), each term must be found again by the lookup of a
 * selection, searching must not fail, and each explanation must become markup
 * made only of the tags a GtkLabel takes, links only to vetted addresses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "pn-fuzz.h"
#include "pn-glossary-parse.h"
#include "pn-glossary-search.h"
#include "pn-pack.h"
#include "pn-render-pango.h"

static PnPack *pack;

static const PnFuzzFile pack_files[] = {
  { "pack.json",
    "{ \"format\": 1, \"id\": \"fuzz\", \"version\": \"1\", \"title\": \"Fuzz\", \"language\": \"fr\",\n"
    "  \"license\": null, \"description\": \"\", \"authors\": [{ \"name\": \"Ada\" }],\n"
    "  \"documents\": [{ \"id\": \"doc\", \"title\": \"Doc\", \"file\": \"doc.md\" }],\n"
    "  \"sources\": \"sources.json\", \"glossary\": \"glossary.json\" }\n" },
  { "doc.md", "# Texte\n" },
  { "sources.json", "[{ \"id\": \"s1\", \"title\": \"Un livre\" }]\n" },
  { "glossary.json", "{ \"entries\": [] }\n" },
};

/* A pack for the explanations' links to resolve against. */
static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) location = g_file_new_for_path (pn_fuzz_make_dir ("pn-fuzz-glossary-XXXXXX", pack_files,
                                                                     G_N_ELEMENTS (pack_files)));

  pack = pn_pack_load (location, NULL, &error);
  g_assert_no_error (error);
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  static const char * const allowed[] = { "markup", "a", "b", "i", "s", "tt", "sup", NULL };

  g_assert_true (g_strv_contains (allowed, element));
  if (!g_str_equal (element, "a"))
    {
      g_assert_null (names[0]);
      return;
    }

  g_assert_cmpstr (names[0], ==, "href");
  g_assert_null (names[1]);
  g_assert_true (g_str_has_prefix (values[0], "prisonnum://pack/fuzz/") ||
                 g_str_has_prefix (values[0], "https://") || g_str_has_prefix (values[0], "http://") ||
                 g_str_has_prefix (values[0], "mailto:"));
}

static void
check_markup (const char *markup)
{
  static const GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_utf8_validate (markup, -1, NULL));
  g_markup_parse_context_parse (context, document, -1, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static gboolean
is_alnum_at_ends (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));

  return last != NULL && g_unichar_isalnum (g_utf8_get_char (text)) &&
         g_unichar_isalnum (g_utf8_get_char (last));
}

static gboolean
is_ascii_word (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
    }

  return text[0] != '\0';
}

static void
check_form (const char *form)
{
  g_autofree char *key = pn_glossary_form_key (form, FALSE);

  g_assert_true (g_utf8_validate (form, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (key, -1), >=, 2);
}

static void
check_entry (PnGlossary            *glossary,
             const PnGlossaryEntry *entry,
             GPtrArray             *diagnostics)
{
  g_assert_true (g_regex_match_simple ("^[a-z0-9][a-z0-9_-]*$", entry->id, 0, 0));
  g_assert_true (pn_glossary_lookup (glossary, entry->id) == entry);
  g_assert_nonnull (entry->definition);
  g_assert_true (g_utf8_validate (entry->definition, -1, NULL));
  g_assert_cmpint (entry->line, >, 0);
  check_form (entry->term);
  for (guint i = 0; entry->forms[i] != NULL; i++)
    check_form (entry->forms[i]);
  for (guint i = 0; entry->related[i] != NULL; i++)
    {
      g_assert_cmpstr (entry->related[i], !=, entry->id);
      g_assert_nonnull (pn_glossary_lookup (glossary, entry->related[i]));
    }
  for (guint i = 0; entry->sources[i] != NULL; i++)
    g_assert_cmpstr (entry->sources[i], ==, "s1");

  /* Terms are never shared: a selection of the term finds its entry. */
  if (is_alnum_at_ends (entry->term))
    g_assert_true (pn_glossary_find_term (glossary, entry->term) == entry);

  if (entry->explanation != NULL)
    {
      g_autofree char *markup = pn_render_markdown_pango (pack, entry->explanation, NULL, diagnostics);

      check_markup (markup);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  g_autoptr(PnJsonFile) json = NULL;
  g_autoptr(PnGlossary) glossary = NULL;
  GPtrArray *entries;

  if (pack == NULL)
    set_up ();

  json = pn_fuzz_load_json (data, size, "glossary.json", diagnostics, &text);
  if (json == NULL)
    return 0;

  g_hash_table_add (sources, (gpointer) "s1");
  glossary = pn_glossary_parse (json, sources, diagnostics);
  pn_fuzz_check_diagnostics (diagnostics, glossary == NULL);
  if (glossary == NULL)
    return 0;

  entries = pn_glossary_get_entries (glossary);
  g_assert_cmpuint (entries->len, <=, PN_GLOSSARY_MAX_ENTRIES);
  for (guint i = 0; i < entries->len; i++)
    check_entry (glossary, g_ptr_array_index (entries, i), diagnostics);

  /* Every entry for no query; the first letters of each term find it. */
  {
    g_autoptr(GPtrArray) all = pn_glossary_search (glossary, "");
    g_autoptr(GPtrArray) some = pn_glossary_search (glossary, text);

    g_assert_cmpuint (all->len, ==, entries->len);
    g_assert_cmpuint (some->len, <=, entries->len);
    for (guint i = 0; i < MIN (entries->len, 20); i++)
      {
        const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
        g_autofree char *start = g_utf8_substring (entry->term, 0, 3);
        g_autoptr(GPtrArray) found = pn_glossary_search (glossary, start);
        gboolean seen = FALSE;

        for (guint j = 0; j < found->len; j++)
          seen |= g_ptr_array_index (found, j) == entry;
        g_assert_true (seen || !is_ascii_word (start));
      }
  }
  pn_fuzz_check_diagnostics (diagnostics, FALSE);

  return 0;
}
