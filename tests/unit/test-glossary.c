/* test-glossary.c: the glossary file (reading, every check with its line),
 * search and lookup of a selection (the explanations: test-glossary-pango.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-glossary-matcher.h"

#include "glossary-test.h"
#include "pn-glossary-parse.h"
#include "pn-glossary-search.h"
#include "pn-text.h"

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
  g_autoptr(PnPack) pack = glossary_test_load (
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
  /* A French pack's definitions get the text's apostrophes. */
  g_assert_cmpstr (entry->definition, ==, "Le profit de qui émet la monnaie. Il revient à l’émetteur.");
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
      g_autoptr(PnPack) pack = glossary_test_load (cases[i].json, diagnostics);

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
  g_autoptr(PnPack) pack = glossary_test_load (
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

/* An id ending in a line break is not an id: "$" of the pattern is the end of
 * the id only, not the place before a last newline. */
static void
test_id_newline (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = glossary_test_load (
    "{ \"entries\": [\n"
    "  { \"id\": \"rente\\n\", \"term\": \"rente\", \"definition\": \"D.\" },\n"
    "  { \"id\": \"profit\", \"term\": \"profit\", \"definition\": \"D.\" }\n"
    "] }\n", diagnostics);
  PnGlossary *glossary = pn_pack_get_glossary (pack);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 2, "is not a valid glossary id");
  g_assert_nonnull (glossary);
  g_assert_cmpuint (pn_glossary_get_n_entries (glossary), ==, 1);
  g_assert_null (pn_glossary_lookup (glossary, "rente\n"));
  g_assert_nonnull (pn_glossary_lookup (glossary, "profit"));
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
  g_autoptr(PnPack) pack = glossary_test_load (json, diagnostics);
  g_autofree char *needle = g_strdup_printf ("entries holds more than %d entries; this one and the ones after "
                                             "it were left out", PN_GLOSSARY_MAX_ENTRIES);

  /* The first entry is on line 2: entry N on line N + 2. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, PN_GLOSSARY_MAX_ENTRIES + 2, needle);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (pn_glossary_get_n_entries (pn_pack_get_glossary (pack)), ==, PN_GLOSSARY_MAX_ENTRIES);
  g_assert_nonnull (pn_glossary_lookup (pn_pack_get_glossary (pack), "e9999"));
  g_assert_null (pn_glossary_lookup (pn_pack_get_glossary (pack), "e10000"));

  /* Searching the most entries a glossary holds, as one types. */
  {
    g_autoptr(GTimer) timer = g_timer_new ();
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(GPtrArray) all = pn_glossary_search (pn_pack_get_glossary (pack), "");

    g_assert_cmpuint (all->len, ==, PN_GLOSSARY_MAX_ENTRIES);
    g_timer_start (timer);
    found = pn_glossary_search (pn_pack_get_glossary (pack), "terme 99");
    g_test_message ("a search in %d entries: %.1f ms", PN_GLOSSARY_MAX_ENTRIES, g_timer_elapsed (timer, NULL) * 1000);
    /* terme 99, 990 to 999 and 9900 to 9999, alphabetically: 99, 990, 9900, 9901… */
    g_assert_cmpuint (found->len, ==, 111);
    g_assert_cmpstr (((PnGlossaryEntry *) g_ptr_array_index (found, 0))->id, ==, "e99");
    g_assert_cmpstr (((PnGlossaryEntry *) g_ptr_array_index (found, 1))->id, ==, "e990");
    g_assert_cmpstr (((PnGlossaryEntry *) g_ptr_array_index (found, 2))->id, ==, "e9900");
    g_assert_cmpstr (((PnGlossaryEntry *) g_ptr_array_index (found, 110))->id, ==, "e9999");
  }
}

/* Terms and definitions are plain text: in a French pack, typeset as the
 * text is; Markdown in a definition is warned about. */
static void
test_plain_text (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = glossary_test_load (
    "{ \"entries\": [\n"
    "  { \"id\": \"main-d-oeuvre\", \"term\": \"main-d'œuvre\", \"definition\": \"Qu'est-ce ? Le **travail** : voir [ici](glossary:x).\" }\n"
    "] }\n", diagnostics);
  PnGlossary *glossary = pn_pack_get_glossary (pack);
  const PnGlossaryEntry *entry = pn_glossary_lookup (glossary, "main-d-oeuvre");

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, G, 2, "entries[0].definition is plain text");
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpstr (entry->term, ==, "main-d’œuvre");
  g_assert_cmpstr (entry->definition, ==, "Qu’est-ce" NNBSP "? Le **travail**" NBSP ": voir [ici](glossary:x).");
  /* Both apostrophes still find it. */
  g_assert_true (pn_glossary_find_term (glossary, "main-d'œuvre") == entry);
  g_assert_true (pn_glossary_find_term (glossary, "Main-d’œuvre") == entry);
}

/* Forms the matcher cannot tell apart clash: composed and decomposed
 * accents, middle-dot variants, spaces of any kind. */
static void
test_same_to_the_matcher (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = glossary_test_load (
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

  pack = glossary_test_load (json->str, diagnostics);
  glossary = pn_pack_get_glossary (pack);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, G, 4098,
                             "'AAAAAAAAAAAA' is already the term of entry 'v0' (line 2); entry 'bas' was left out");
  g_assert_cmpuint (diagnostics->len, ==, 1);
  g_assert_cmpuint (pn_glossary_get_n_entries (glossary), ==, 4096);
  g_assert_cmpstr (pn_glossary_find_term (glossary, "aaaaaaaaaaaa")->id, ==, "v0");
  g_assert_cmpstr (pn_glossary_find_term (glossary, "Aaaaaaaaaaaa")->id, ==, "v1");
  g_assert_cmpstr (pn_glossary_find_term (glossary, "AAAAAAAAAAAA")->id, ==, "v4095");
}

/* 100,000 entries: refused whole by the JSON layer's bounds, with a clear
 * message, and the texts open. */
static void
test_huge (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *json = many_entries (100000);
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(PnPack) pack = glossary_test_load (json, diagnostics);

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

static gpointer
make_counted (PnGlossary *glossary,
              gpointer    user_data)
{
  int *made = user_data;

  g_atomic_int_inc (made);
  return g_strdup_printf ("%u", pn_glossary_get_n_entries (glossary));
}

static gpointer
derive_in_thread (gpointer data)
{
  gpointer *args = data;

  return pn_glossary_get_derived (args[0], "counted", make_counted, args[1], g_free);
}

/* What is made from the entries is made once and shared (also by threads),
 * and made again once an entry is added; the matcher follows. */
static void
test_derived (void)
{
  g_autoptr(PnGlossary) glossary = pn_glossary_new ("g.json");
  int made = 0;
  gpointer args[2] = { glossary, &made };
  GThread *threads[4];
  const char *first;
  PnGlossaryMatcher *matcher;
  g_autoptr(GArray) found = NULL;

  g_assert_true (pn_glossary_add (glossary, pn_glossary_entry_new ("rente", "rente", NULL, "D.", NULL, NULL, NULL, FALSE)));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("derive", derive_in_thread, args);
  first = g_thread_join (threads[0]);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (g_thread_join (threads[i]) == first);
  g_assert_cmpstr (first, ==, "1");
  g_assert_cmpint (made, >=, 1);
  made = 0;
  g_assert_true (pn_glossary_get_derived (glossary, "counted", make_counted, &made, g_free) == first);
  g_assert_cmpint (made, ==, 0);

  matcher = pn_glossary_get_matcher (glossary);
  g_assert_true (pn_glossary_get_matcher (glossary) == matcher);
  found = pn_glossary_matcher_find (matcher, "la rente et le profit", -1);
  g_assert_cmpuint (found->len, ==, 1);

  /* An entry added: made again, and the new matcher finds it. */
  g_assert_true (pn_glossary_add (glossary, pn_glossary_entry_new ("profit", "profit", NULL, "D.", NULL, NULL, NULL, FALSE)));
  g_assert_cmpstr (pn_glossary_get_derived (glossary, "counted", make_counted, &made, g_free), ==, "2");
  g_assert_cmpint (made, ==, 1);
  g_clear_pointer (&found, g_array_unref);
  found = pn_glossary_matcher_find (pn_glossary_get_matcher (glossary), "la rente et le profit", -1);
  g_assert_cmpuint (found->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/glossary/valid", test_valid);
  g_test_add_func ("/glossary/broken-file", test_broken_file);
  g_test_add_func ("/glossary/entry-checks", test_entry_checks);
  g_test_add_func ("/glossary/id-newline", test_id_newline);
  g_test_add_func ("/glossary/too-many", test_too_many);
  g_test_add_func ("/glossary/huge", test_huge);
  g_test_add_func ("/glossary/plain-text", test_plain_text);
  g_test_add_func ("/glossary/same-to-the-matcher", test_same_to_the_matcher);
  g_test_add_func ("/glossary/case-variants", test_case_variants);
  g_test_add_func ("/glossary/search", test_search);
  g_test_add_func ("/glossary/find-term", test_find_term);
  g_test_add_func ("/glossary/fold-accents", test_fold_accents);
  g_test_add_func ("/glossary/derived", test_derived);

  return g_test_run ();
}
