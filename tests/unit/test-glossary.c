/* test-glossary.c: the glossary file (reading, every check with its line),
 * search, lookup of a selection, and explanations as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pango.h>

#include "pn-glossary-parse.h"
#include "pn-glossary-search.h"
#include "pn-render-pango.h"
#include "pn-test-util.h"
#include "pn-text.h"

#define NNBSP "\xe2\x80\xaf"
#define G "glossary.json"

/* A pack with two sources whose glossary file holds @glossary. */
static PnPack *
load_with_glossary (const char *glossary,
                    GPtrArray  *diagnostics)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"sources\": \"sources.json\", "
                                                     "\"glossary\": \"glossary.json\", ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest,
                                           "doc.md", "# Texte\n\nLa rente et le profit.\n",
                                           "sources.json",
                                           "[{ \"id\": \"varoufakis-2023\", \"title\": \"Technofeudalism\" },"
                                           " { \"id\": \"durand-2020\", \"title\": \"Techno-féodalisme\" }]",
                                           G, glossary,
                                           NULL);
  PnPack *pack = pn_test_load (dir, diagnostics);

  pn_test_remove_dir (dir);

  return pack;
}

static void
assert_strv (char       **strv,
             const char  *first,
             ...)
{
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (const char *expected = first; expected != NULL; expected = va_arg (args, const char *), i++)
    g_assert_cmpstr (strv[i], ==, expected);
  va_end (args);
  g_assert_null (strv[i]);
}

static void
test_valid (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_with_glossary (
    "{\n"
    "  \"$schema\": \"https://example.org/glossary.schema.json\",\n"
    "  \"entries\": [\n"
    "    {\n"
    "      \"id\": \"seigneurage\",\n"
    "      \"term\": \"seigneurage\",\n"
    "      \"forms\": [\"seigneuriage\"],\n"
    "      \"definition\": \"Le profit de qui émet la monnaie. Il revient à l'émetteur.\",\n"
    "      \"explanation\": \"Voir [stablecoins](glossary:stablecoins).\",\n"
    "      \"related\": [\"stablecoins\"],\n"
    "      \"sources\": [\"varoufakis-2023\"],\n"
    "      \"case_sensitive\": false\n"
    "    },\n"
    "    { \"id\": \"stablecoins\", \"term\": \"stablecoin\", \"forms\": [\"stablecoins\"],\n"
    "      \"definition\": \"Une cryptomonnaie adossée à une devise.\", \"related\": [\"seigneurage\"] }\n"
    "  ]\n"
    "}\n", diagnostics);
  PnGlossary *glossary = pn_pack_get_glossary (pack);
  const PnGlossaryEntry *entry;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_nonnull (glossary);
  g_assert_cmpstr (pn_glossary_get_file (glossary), ==, G);
  g_assert_cmpuint (pn_glossary_get_n_entries (glossary), ==, 2);

  entry = pn_glossary_lookup (glossary, "seigneurage");
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->term, ==, "seigneurage");
  assert_strv (entry->forms, "seigneuriage", NULL);
  g_assert_cmpstr (entry->definition, ==, "Le profit de qui émet la monnaie. Il revient à l'émetteur.");
  g_assert_cmpstr (entry->explanation, ==, "Voir [stablecoins](glossary:stablecoins).");
  assert_strv (entry->related, "stablecoins", NULL);
  assert_strv (entry->sources, "varoufakis-2023", NULL);
  g_assert_false (entry->case_sensitive);
  g_assert_cmpint (entry->line, ==, 4);

  entry = pn_glossary_lookup (glossary, "stablecoins");
  g_assert_cmpint (entry->line, ==, 14);
  g_assert_null (entry->explanation);
  assert_strv (entry->sources, NULL);
  g_assert_true (g_ptr_array_index (pn_glossary_get_entries (glossary), 1) == entry);
}

/* The file is broken or of the wrong shape: one message at its line, no
 * glossary, and the pack's texts still open. */
static void
test_broken_file (void)
{
  static const struct { const char *json; int line; const char *needle; } cases[] = {
    { "{ \"entries\": [\n  { \"id\": \"a\",\n", 0, "invalid JSON" },
    { "{ \"entries\": [\n  { \"id\": \"a\" \"term\": \"b\" }\n] }\n", 2, "invalid JSON" },
    { "[\n]\n", 1, "must be a JSON object with an 'entries' array, not an array" },
    { "{\n  \"entrees\": []\n}\n", 1, "missing required key 'entries'" },
    { "{\n  \"entries\": {}\n}\n", 2, "entries must be an array, not an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
      g_autoptr(PnPack) pack = load_with_glossary (cases[i].json, diagnostics);

      pn_test_dump (diagnostics);
      pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, cases[i].line, cases[i].needle);
      g_assert_null (pn_pack_get_glossary (pack));
      g_assert_nonnull (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));
    }
}

/* One file with a problem on each line: each message names its line, and
 * every entry that can be used is kept. */
static void
test_entry_checks (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_with_glossary (
    "{ \"entries\": [\n"
    /*  2 */ "  \"rente\",\n"
    /*  3 */ "  { \"term\": \"sans id\", \"definition\": \"D.\" },\n"
    /*  4 */ "  { \"id\": \"\", \"term\": \"vide\", \"definition\": \"D.\" },\n"
    /*  5 */ "  { \"id\": \"Mauvais Id\", \"term\": \"mauvais\", \"definition\": \"D.\" },\n"
    /*  6 */ "  { \"id\": \"rente\", \"term\": \"rente\", \"forms\": [\"rentes\"], \"definition\": \"La rente.\", \"related\": [\"profit\"], \"sources\": [\"durand-2020\"] },\n"
    /*  7 */ "  { \"id\": \"rente\", \"term\": \"loyer\", \"definition\": \"D.\" },\n"
    /*  8 */ "  { \"id\": \"sans-terme\", \"definition\": \"D.\" },\n"
    /*  9 */ "  { \"id\": \"lettre\", \"term\": \"x\", \"definition\": \"D.\" },\n"
    /* 10 */ "  { \"id\": \"profit\", \"term\": \"profit\", \"forms\": [\"\", \"p\", \"rentes\", \"l’rente\", \"profits\", \"Profit\"], \"definition\": \"Le profit.\" },\n"
    /* 11 */ "  { \"id\": \"sans-definition\", \"term\": \"sans définition\" },\n"
    /* 12 */ "  { \"id\": \"longue\", \"term\": \"longue\", \"definition\": \"Une. Deux. Trois.\" },\n"
    /* 13 */ "  { \"id\": \"liee\", \"term\": \"liée\", \"definition\": \"D.\", \"related\": [\"liee\", \"inconnue\", \"rente\"], \"sources\": [\"nulle-part\", \"varoufakis-2023\"], \"extra\": 1 },\n"
    /* 14 */ "  { \"id\": \"types\", \"term\": \"types\", \"definition\": 5, \"forms\": \"x\", \"case_sensitive\": \"oui\", \"explanation\": [], \"related\": [3] },\n"
    /* 15 */ "  { \"id\": \"doublon\", \"term\": \"Rente\", \"definition\": \"D.\" },\n"
    /* 16 */ "  { \"id\": \"pib\", \"term\": \"PIB\", \"case_sensitive\": true, \"definition\": \"D.\" },\n"
    /* 17 */ "  { \"id\": \"pib-casse\", \"term\": \"Pib\", \"case_sensitive\": true, \"definition\": \"D.\" },\n"
    /* 18 */ "  { \"id\": \"pib-bas\", \"term\": \"pib\", \"definition\": \"D.\" },\n"
    /* 19 */ "  { \"id\": \"vide-def\", \"term\": \"vide\", \"definition\": \"  \" },\n"
    /* 20 */ "  { \"id\": \"initiales\", \"term\": \"initiales\", \"definition\": \"Selon K. Marx, c'est ainsi. M. Dupont le dit aussi.\" }\n"
    "] }\n", diagnostics);
  PnGlossary *glossary = pn_pack_get_glossary (pack);
  static const char * const kept[] = {
    "rente", "profit", "sans-definition", "longue", "liee", "types", "pib", "pib-casse",
    "vide-def", "initiales", NULL
  };
  const PnGlossaryEntry *entry;

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 2, "entries[0] must be an object, not a string");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 3, "missing required key 'id' in entries[1]");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 4, "entries[2].id must not be empty");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 5, "'Mauvais Id' is not a valid glossary id");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 7, "duplicate glossary id 'rente' (first at line 6)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 8, "missing required key 'term' in entries[6]");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 9, "entries[7].term: 'x' is empty or one letter long");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 10, "entries[8].forms[0]: '' is empty or one letter long");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 10, "entries[8].forms[1]: 'p' is empty or one letter long");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 10,
                             "entries[8].forms[2]: 'rentes' is also a form of entry 'rente' (line 6); it was left out of entry 'profit'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 10,
                             "entries[8].forms[3]: 'l’rente' is the term of entry 'rente' (line 6); the form was left out of entry 'profit'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 10,
                             "entries[8].forms[5]: 'Profit' is already the term or a form of this entry");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 11, "entries[9] ('sans-definition') has no short definition");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 12, "entries[10].definition holds more than two sentences");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 13, "entries[11].related[0]: entry 'liee' cannot be related to itself");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 13, "entries[11].related[1]: unknown glossary entry 'inconnue'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 13,
                             "entries[11].sources[0]: unknown source 'nulle-part' (the pack's sources file does not list it)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 13, "unknown key 'entries[11].extra' (ignored)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 14, "entries[12].definition must be a string, not a number");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 14, "entries[12].forms must be an array, not a string");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 14, "entries[12].case_sensitive must be a boolean, not a string");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 14, "entries[12].explanation must be a string, not an array");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 14, "entries[12].related[0] must be a string, not a number");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 15,
                             "entries[13].term: 'Rente' is already the term of entry 'rente' (line 6); entry 'doublon' was left out");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 18,
                             "entries[16].term: 'pib' is already the term of entry 'pib' (line 16); entry 'pib-bas' was left out");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 19, "entries[17].definition is empty");
  /* In reading order, though the checks run in steps over the whole file. */
  for (guint i = 1; i < diagnostics->len; i++)
    g_assert_cmpint (((PnDiagnostic *) g_ptr_array_index (diagnostics, i - 1))->line, <=,
                     ((PnDiagnostic *) g_ptr_array_index (diagnostics, i))->line);
  /* Initials and "M." end no sentence: two sentences, no warning. */
  g_assert_null (pn_test_find (diagnostics, G ":20:"));
  /* The case-sensitive "Pib" does not clash with "PIB". */
  g_assert_null (pn_test_find (diagnostics, G ":17:"));

  g_assert_nonnull (glossary);
  g_assert_cmpuint (pn_glossary_get_n_entries (glossary), ==, g_strv_length ((char **) kept));
  for (guint i = 0; kept[i] != NULL; i++)
    {
      entry = g_ptr_array_index (pn_glossary_get_entries (glossary), i);
      g_assert_cmpstr (entry->id, ==, kept[i]);
    }

  entry = pn_glossary_lookup (glossary, "rente");
  g_assert_cmpstr (entry->term, ==, "rente");
  assert_strv (entry->related, "profit", NULL);
  assert_strv (entry->sources, "durand-2020", NULL);
  assert_strv (pn_glossary_lookup (glossary, "profit")->forms, "profits", NULL);
  entry = pn_glossary_lookup (glossary, "liee");
  assert_strv (entry->related, "rente", NULL);
  assert_strv (entry->sources, "varoufakis-2023", NULL);
  g_assert_cmpstr (pn_glossary_lookup (glossary, "sans-definition")->definition, ==, "");
  g_assert_true (pn_glossary_lookup (glossary, "pib")->case_sensitive);
  g_assert_false (pn_glossary_lookup (glossary, "types")->case_sensitive);
  /* The pack's text is there whatever the glossary holds. */
  g_assert_nonnull (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));
}

/* Explanations are rendered when the pack is read: their problems stand at
 * the explanation's line and name the entry. */
static void
test_explanation_checks (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_with_glossary (
    "{ \"entries\": [\n"
    "  { \"id\": \"rente\", \"term\": \"rente\", \"definition\": \"D.\",\n"
    "    \"explanation\": \"Voir [profit](glossary:profit), [Durand](source:durand-2020), [le texte](doc:doc).\" },\n"
    "  { \"id\": \"profit\", \"term\": \"profit\", \"definition\": \"D.\",\n"
    "    \"explanation\": \"Un <b>gras</b>\\n\\n[x](glossary:inconnue) [y](source:nulle) [z](doc:absent) [w](ftp://a)\" }\n"
    "] }\n", diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': unknown glossary entry 'inconnue'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': unknown source 'nulle'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': unknown document 'absent'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 5, "explanation of 'profit': links to 'ftp:' addresses are not allowed");
  /* The first explanation's links are all good. */
  g_assert_null (pn_test_find (diagnostics, "'rente'"));
  g_assert_cmpuint (diagnostics->len, ==, 5);
  g_assert_cmpint (pn_glossary_lookup (pn_pack_get_glossary (pack), "rente")->explanation_line, ==, 3);
}

/* A glossary of @n entries, one a line. */
static char *
many_entries (guint n)
{
  GString *json = g_string_new ("{ \"entries\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "  { \"id\": \"e%u\", \"term\": \"terme %u\", \"definition\": \"D.\" }%s\n",
                            i, i, i + 1 < n ? "," : "");
  g_string_append (json, "] }\n");

  return g_string_free (json, FALSE);
}

static void
test_too_many (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *json = many_entries (PN_GLOSSARY_MAX_ENTRIES + 5);
  g_autoptr(PnPack) pack = load_with_glossary (json, diagnostics);
  g_autofree char *needle = g_strdup_printf ("entries holds more than %d entries; this one and the ones after "
                                             "it were left out", PN_GLOSSARY_MAX_ENTRIES);

  /* The first entry is on line 2: entry N on line N + 2. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, PN_GLOSSARY_MAX_ENTRIES + 2, needle);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (pn_glossary_get_n_entries (pn_pack_get_glossary (pack)), ==, PN_GLOSSARY_MAX_ENTRIES);
  g_assert_nonnull (pn_glossary_lookup (pn_pack_get_glossary (pack), "e9999"));
  g_assert_null (pn_glossary_lookup (pn_pack_get_glossary (pack), "e10000"));
}

/* Forms the matcher cannot tell apart clash: composed and decomposed
 * accents, middle-dot variants, spaces of any kind. */
static void
test_same_to_the_matcher (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_with_glossary (
    "{ \"entries\": [\n"
    "  { \"id\": \"users\", \"term\": \"utilisateur·ices\", \"forms\": [\"été\", \"prison numérique\"], \"definition\": \"D.\" },\n"
    "  { \"id\": \"autre\", \"term\": \"autre\", \"forms\": [\"utilisateur•ices\", \"e\u0301te\u0301\", \"prison\u00a0 numérique\", \"prisons\"], \"definition\": \"D.\" }\n"
    "] }\n", diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 3, "entries[1].forms[0]: 'utilisateur•ices' is the term of entry 'users' (line 2)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 3, "entries[1].forms[1]: 'e\xcc\x81te\xcc\x81' is also a form of entry 'users' (line 2)");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 3, "entries[1].forms[2]: 'prison\xc2\xa0 numérique' is also a form of entry 'users' (line 2)");
  g_assert_cmpuint (diagnostics->len, ==, 3);
  assert_strv (pn_glossary_lookup (pn_pack_get_glossary (pack), "autre")->forms, "prisons", NULL);
}

/* Case-sensitive entries that differ only in case (4,096 spellings of one
 * word) are all kept, and each is found in its own case only. */
static void
test_case_variants (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) json = g_string_new ("{ \"entries\": [\n");
  g_autoptr(PnPack) pack = NULL;
  PnGlossary *glossary;

  for (guint i = 0; i < 4096; i++)
    {
      char word[13];

      for (guint bit = 0; bit < 12; bit++)
        word[bit] = (i >> bit) & 1 ? 'A' : 'a';
      word[12] = '\0';
      g_string_append_printf (json, "  { \"id\": \"v%u\", \"term\": \"%s\", \"case_sensitive\": true, "
                              "\"definition\": \"D.\" },\n", i, word);
    }
  /* One that ignores case clashes with the first of them. */
  g_string_append (json, "  { \"id\": \"bas\", \"term\": \"AAAAAAAAAAAA\", \"definition\": \"D.\" }\n] }\n");

  pack = load_with_glossary (json->str, diagnostics);
  glossary = pn_pack_get_glossary (pack);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 4098,
                             "'AAAAAAAAAAAA' is already the term of entry 'v0' (line 2); entry 'bas' was left out");
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (pn_glossary_get_n_entries (glossary), ==, 4096);
  g_assert_cmpstr (pn_glossary_find_term (glossary, "aaaaaaaaaaaa")->id, ==, "v0");
  g_assert_cmpstr (pn_glossary_find_term (glossary, "Aaaaaaaaaaaa")->id, ==, "v1");
  g_assert_cmpstr (pn_glossary_find_term (glossary, "AAAAAAAAAAAA")->id, ==, "v4095");
}

/* The most entries, each with an explanation, all rendered when the pack is
 * read: every entry kept, no message. */
static void
test_many_explanations (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GString) json = g_string_new ("{ \"entries\": [\n");
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(PnPack) pack = NULL;

  for (guint i = 0; i < PN_GLOSSARY_MAX_ENTRIES; i++)
    {
      g_string_append_printf (json, "  { \"id\": \"e%u\", \"term\": \"terme %u\", \"definition\": \"D.\", "
                              "\"explanation\": \"", i, i);
      for (guint j = 0; j < 2; j++)
        g_string_append_printf (json, "Le **terme** *%u* renvoie à [l'autre](glossary:e%u) et à [Durand](source:durand-2020). ",
                                j, (i + 1) % PN_GLOSSARY_MAX_ENTRIES);
      g_string_append_printf (json, "\" }%s\n", i + 1 < PN_GLOSSARY_MAX_ENTRIES ? "," : "");
    }
  g_string_append (json, "] }\n");

  timer = g_timer_new ();
  pack = load_with_glossary (json->str, diagnostics);
  g_test_message ("%d explanations (%zu bytes) read and rendered in %.3f s", PN_GLOSSARY_MAX_ENTRIES,
                  json->len, g_timer_elapsed (timer, NULL));
  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (pn_glossary_get_n_entries (pn_pack_get_glossary (pack)), ==, PN_GLOSSARY_MAX_ENTRIES);
}

/* 100,000 entries: refused whole by the JSON layer's bounds, with a clear
 * message, and the texts open. */
static void
test_huge (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *json = many_entries (100000);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(PnPack) pack = load_with_glossary (json, diagnostics);

  g_test_message ("100,000 entries (%zu bytes) refused in %.3f s", strlen (json), g_timer_elapsed (timer, NULL));
  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 0, "values");
  g_assert_null (pn_pack_get_glossary (pack));
  g_assert_cmpstr (pn_pack_get_glossary_file (pack), ==, NULL);
  g_assert_nonnull (pn_document_get_markdown (pn_pack_get_document (pack, "doc")));
}

/* Search and lookup */

static PnGlossary *
make_glossary (void)
{
  static const struct { const char *id; const char *term; const char *forms[3]; gboolean cs; } entries[] = {
    { "subsomption-totale", "subsomption totale", { "Subsomption totale", NULL }, FALSE },
    { "techno-feodalisme", "techno-féodalisme", { NULL }, FALSE },
    { "subsomption-formelle", "Subsomption formelle", { NULL }, FALSE },
    { "feodalisme", "féodalisme", { NULL }, FALSE },
    { "stablecoins", "stablecoins", { "stablecoin", "jetons stables", NULL }, FALSE },
    { "economie", "économie politique", { NULL }, FALSE },
    { "rente", "rente", { "rentes", NULL }, FALSE },
    { "extraction", "extraction", { "extractions", NULL }, FALSE },
    { "pib", "PIB", { NULL }, TRUE },
    { "oeuvre", "œuvre", { NULL }, FALSE },
  };
  PnGlossary *glossary = pn_glossary_new (G);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_assert_true (pn_glossary_add (glossary, pn_glossary_entry_new (entries[i].id, entries[i].term,
                                                                     entries[i].forms, "D.", NULL,
                                                                     NULL, NULL, entries[i].cs)));

  return glossary;
}

/* The ids of the result of searching @query, space-separated. */
static char *
search_ids (PnGlossary *glossary,
            const char *query)
{
  g_autoptr(GPtrArray) found = pn_glossary_search (glossary, query);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ((PnGlossaryEntry *) g_ptr_array_index (found, i))->id);

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_search (void)
{
  static const struct { const char *query; const char *ids; } cases[] = {
    /* Every entry, in French alphabetical order, accents and case ignored. */
    { "", "economie extraction feodalisme oeuvre pib rente stablecoins subsomption-formelle "
          "subsomption-totale techno-feodalisme" },
    { "   ", "economie extraction feodalisme oeuvre pib rente stablecoins subsomption-formelle "
             "subsomption-totale techno-feodalisme" },
    { "subsomption", "subsomption-formelle subsomption-totale" },
    { "SUBSOMPTION tot", "subsomption-totale" },
    /* The term starts with it, then a word of it, then it is inside. */
    { "feodalisme", "feodalisme techno-feodalisme" },
    { "Féod", "feodalisme techno-feodalisme" },
    { "totale", "subsomption-totale" },
    { "odal", "feodalisme techno-feodalisme" },
    { "t", "techno-feodalisme subsomption-totale economie extraction rente stablecoins subsomption-formelle" },
    /* A form counts as a word. */
    { "jetons", "stablecoins" },
    { "oeuvre", "oeuvre" },
    { "l'économie", "economie" },
    { "pib", "pib" },
    { "zzz", "" },
  };
  g_autoptr(PnGlossary) glossary = make_glossary ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = search_ids (glossary, cases[i].query);

      g_test_message ("search '%s'", cases[i].query);
      g_assert_cmpstr (ids, ==, cases[i].ids);
    }

  /* NULL is the empty query; an entry added later is found. */
  {
    g_autoptr(GPtrArray) all = pn_glossary_search (glossary, NULL);
    g_autofree char *ids = NULL;

    g_assert_cmpuint (all->len, ==, 10);
    pn_glossary_add (glossary, pn_glossary_entry_new ("dette", "dette", NULL, "D.", NULL, NULL, NULL, FALSE));
    ids = search_ids (glossary, "det");
    g_assert_cmpstr (ids, ==, "dette");
  }
}

static void
test_find_term (void)
{
  static const struct { const char *text; const char *id; } cases[] = {
    { "extraction", "extraction" },
    { "l'extraction", "extraction" },
    { "l\xe2\x80\x99" "extraction", "extraction" },
    { "L’EXTRACTION", "extraction" },
    { "d’extractions", "extraction" },
    { "  « extraction », ", "extraction" },
    { "Subsomption  totale", "subsomption-totale" },
    { "subsomption\xc2\xa0totale", "subsomption-totale" },
    { "feodalisme", "feodalisme" },
    { "Techno-Féodalisme", "techno-feodalisme" },
    { "oeuvre", "oeuvre" },
    { "PIB", "pib" },
    /* A case-sensitive entry only in its own case. */
    { "pib", NULL },
    { "Pib", NULL },
    { "subsomption", NULL },
    { "extract", NULL },
    { "l'", NULL },
    { "", NULL },
    { "\xff", NULL },
  };
  g_autoptr(PnGlossary) glossary = make_glossary ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PnGlossaryEntry *entry = pn_glossary_find_term (glossary, cases[i].text);

      g_test_message ("find case %u", i);
      g_assert_cmpstr (entry != NULL ? entry->id : NULL, ==, cases[i].id);
    }

  /* The exact spelling wins over the one without accents. */
  pn_glossary_add (glossary, pn_glossary_entry_new ("the", "thé", NULL, "D.", NULL, NULL, NULL, FALSE));
  pn_glossary_add (glossary, pn_glossary_entry_new ("the-en", "the", NULL, "D.", NULL, NULL, NULL, FALSE));
  g_assert_cmpstr (pn_glossary_find_term (glossary, "thé")->id, ==, "the");
  g_assert_cmpstr (pn_glossary_find_term (glossary, "THE")->id, ==, "the-en");
}

static void
test_fold_accents (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "Techno-Féodalisme", "techno-feodalisme" },
    { "L’État", "l'etat" },
    { "ŒUVRE", "oeuvre" },
    { "Cæsar", "caesar" },
    { "E\xcc\x81" "conomie", "economie" },
    { "naïveté", "naivete" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = pn_text_fold_accents (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

/* Pango markup */

static void
on_element (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  static const char * const allowed[] = { "markup", "a", "b", "i", "s", "tt", "sup", NULL };

  guint *links = user_data;

  g_assert_true (g_strv_contains (allowed, element));
  if (g_str_equal (element, "a"))
    {
      /* Links never nest. */
      g_assert_cmpuint ((*links)++, ==, 0);
      g_assert_cmpstr (names[0], ==, "href");
      g_assert_null (names[1]);
      g_assert_true (g_str_has_prefix (values[0], "prisonnum://pack/") ||
                     g_str_has_prefix (values[0], "https://") || g_str_has_prefix (values[0], "http://") ||
                     g_str_has_prefix (values[0], "mailto:"));
    }
  else
    {
      g_assert_null (names[0]);
    }
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  guint *links = user_data;

  if (g_str_equal (element, "a"))
    (*links)--;
}

/* @markup is what a GtkLabel takes: well formed, only the tags it knows, and
 * once its links are taken out (GtkLabel handles <a> itself), Pango markup. */
static void
assert_label_markup (const char *markup)
{
  static const GMarkupParser parser = { on_element, on_end_element, NULL, NULL, NULL };
  guint links_open = 0;
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &links_open, NULL);
  g_autoptr(GRegex) links = g_regex_new ("</?a( href=\"[^\"]*\")?>", 0, 0, NULL);
  g_autofree char *without_links = g_regex_replace_literal (links, markup, -1, 0, "", 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_utf8_validate (markup, -1, NULL));
  g_markup_parse_context_parse (context, document, -1, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_true (pango_parse_markup (without_links, -1, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
pango_of (PnPack     *pack,
          const char *markdown,
          GPtrArray  *diagnostics)
{
  char *markup = pn_render_markdown_pango (pack, markdown, NULL, diagnostics);

  g_test_message ("%s", markup);
  assert_label_markup (markup);

  return markup;
}

static PnPack *
explanation_pack (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  PnPack *pack = load_with_glossary ("{ \"entries\": [{ \"id\": \"stablecoins\", \"term\": \"stablecoins\", "
                                     "\"definition\": \"D.\" }] }", diagnostics);

  g_assert_cmpuint (diagnostics->len, ==, 0);

  return pack;
}

static void
test_pango (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *markup = pango_of (pack,
    "Le **seigneurage** est *la* rente de [Varoufakis](source:varoufakis-2023) ; voir "
    "[stablecoins](glossary:stablecoins), [le texte](doc:doc) et [un site](HTTPS://example.org/a?b=1&c=2).\n"
    "Pourquoi ? L'émission du `code`.\n"
    "\n"
    "- un\n"
    "- deux\n"
    "\n"
    "3. trois\n"
    "4. quatre\n"
    "\n"
    "# Titre\n"
    "\n"
    "Fin.", diagnostics);

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (markup, ==,
    "Le <b>seigneurage</b> est <i>la</i> rente de "
    "<a href=\"prisonnum://pack/test-pack/source/varoufakis-2023\">Varoufakis</a>" NNBSP "; voir "
    "<a href=\"prisonnum://pack/test-pack/glossary/stablecoins\">stablecoins</a>, "
    "<a href=\"prisonnum://pack/test-pack/doc/doc\">le texte</a> et "
    "<a href=\"https://example.org/a?b=1&amp;c=2\">un site</a>. "
    "Pourquoi" NNBSP "? L’émission du <tt>code</tt>.\n"
    "\n"
    "• un\n"
    "• deux\n"
    "\n"
    "3. trois\n"
    "4. quatre\n"
    "\n"
    "<b>Titre</b>\n"
    "\n"
    "Fin.");
}

/* Raw HTML, addresses of other schemes, unknown ids: text only, with the
 * passes' warnings, named after the glossary file. */
static void
test_pango_hostile (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *markup = pango_of (pack,
    "Un <script>alert(1)</script> <b onclick=\"x\">gras</b> [js](javascript:alert(1)) "
    "[data](data:text/html,<b>) [source](source:inconnue) [ancre](#ailleurs) "
    "<a href=\"https://example.org\">lien brut</a> & <span>x</span> \x01 ]]> <!-- c -->\n\n"
    "<div>bloc</div>\n", diagnostics);

  g_assert_null (strstr (markup, "script"));
  g_assert_null (strstr (markup, "alert"));
  g_assert_null (strstr (markup, "javascript"));
  g_assert_null (strstr (markup, "onclick"));
  g_assert_null (strstr (markup, "<a"));
  g_assert_null (strstr (markup, "div"));
  g_assert_nonnull (strstr (markup, "gras"));
  g_assert_nonnull (strstr (markup, "js"));
  g_assert_nonnull (strstr (markup, "ancre"));
  g_assert_nonnull (strstr (markup, "&amp;"));
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 0, "raw HTML is not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 0, "links to 'javascript:' addresses are not allowed");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 0, "unknown source 'inconnue'");
}

/* Deep nesting, many marks, long text: shallow, well-formed markup. */
static void
test_pango_nesting (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autoptr(GString) emphasis = g_string_new (NULL);
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autoptr(GString) lists = g_string_new (NULL);
  g_autoptr(GString) links = g_string_new (NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (emphasis, i % 2 ? "*" : "**");
  g_string_append (emphasis, "mot");
  for (guint i = 0; i < 5000; i++)
    g_string_append (emphasis, (4999 - i) % 2 ? "*" : "**");
  for (guint i = 0; i < 2000; i++)
    g_string_append (quotes, "> ");
  g_string_append (quotes, "cité");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (lists, "%*s- niveau %u\n", (int) (i * 2), "", i);
  /* Links inside links (a label's cannot nest): few enough for the parser's bounds. */
  for (guint i = 0; i < 50; i++)
    g_string_append (links, "[[x](glossary:stablecoins)](https://example.org) [y](https://example.org/y) ");

  a = pango_of (pack, emphasis->str, NULL);
  g_assert_nonnull (strstr (a, "mot"));
  g_assert_cmpuint (pn_test_count_matches (a, "<i>"), <=, 2);
  b = pango_of (pack, quotes->str, NULL);
  g_assert_nonnull (strstr (b, "cité"));
  c = pango_of (pack, lists->str, NULL);
  g_assert_nonnull (strstr (c, "niveau 199"));
  d = pango_of (pack, links->str, NULL);
  g_assert_cmpuint (pn_test_count_matches (d, "<a href"), ==, pn_test_count_matches (d, "</a>"));
  /* The inner links and the autolinks; the outer brackets are text. */
  g_assert_cmpuint (pn_test_count_matches (d, "<a href"), ==, 150);
}

/* With a line, the warnings stand where the JSON file holds the text. */
static void
test_pango_lines (void)
{
  g_autoptr(PnPack) pack = explanation_pack ();
  g_autoptr(GPtrArray) placed = pn_diagnostics_new ();
  g_autoptr(GPtrArray) relative = pn_diagnostics_new ();
  g_autofree char *a = pn_render_markdown_pango_full (pack, "Un\n\n[x](source:inconnue)", "fr", "g.json", 7, placed);
  g_autofree char *b = pn_render_markdown_pango_full (pack, "Un\n\n[x](source:inconnue)", "fr", NULL, 0, relative);

  g_assert_cmpstr (a, ==, "Un\n\nx");
  pn_test_assert_diagnostic (placed, PN_SEVERITY_WARNING, "g.json", 7, "unknown source 'inconnue'");
  g_assert_cmpint (((PnDiagnostic *) g_ptr_array_index (placed, 0))->column, ==, 0);
  pn_test_assert_diagnostic (relative, PN_SEVERITY_WARNING, G, 3, "unknown source 'inconnue'");
  g_assert_cmpstr (b, ==, a);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/glossary/valid", test_valid);
  g_test_add_func ("/glossary/broken-file", test_broken_file);
  g_test_add_func ("/glossary/entry-checks", test_entry_checks);
  g_test_add_func ("/glossary/explanation-checks", test_explanation_checks);
  g_test_add_func ("/glossary/too-many", test_too_many);
  g_test_add_func ("/glossary/huge", test_huge);
  g_test_add_func ("/glossary/same-to-the-matcher", test_same_to_the_matcher);
  g_test_add_func ("/glossary/case-variants", test_case_variants);
  g_test_add_func ("/glossary/many-explanations", test_many_explanations);
  g_test_add_func ("/glossary/search", test_search);
  g_test_add_func ("/glossary/find-term", test_find_term);
  g_test_add_func ("/glossary/fold-accents", test_fold_accents);
  g_test_add_func ("/glossary/pango", test_pango);
  g_test_add_func ("/glossary/pango-hostile", test_pango_hostile);
  g_test_add_func ("/glossary/pango-nesting", test_pango_nesting);
  g_test_add_func ("/glossary/pango-lines", test_pango_lines);

  return g_test_run ();
}
