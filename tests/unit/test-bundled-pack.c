/* test-bundled-pack.c: the essay shipped with the app, its glossary and its quizzes check clean and render whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-glossary-search.h"
#include "pn-pack-check.h"
#include "pn-quiz-check.h"
#include "pn-quiz-grade.h"
#include "pn-render-pango.h"
#include "pn-render.h"
#include "pn-test-util.h"

static PnPack *
load_bundled (GPtrArray *diagnostics)
{
  return pn_test_load (SOURCE_PACK_DIR, diagnostics);
}

/* No error and no warning, in the manifest, the sources or the Markdown. */
static void
test_checks_clean (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_bundled (diagnostics);
  GPtrArray *documents = pn_pack_get_documents (pack);

  g_assert_cmpuint (documents->len, >=, 1);
  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);

      g_assert_nonnull (pn_document_get_markdown (document));
      g_free (pn_render_document (pack, document, diagnostics));
    }

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

/* What the teachers' tool checks (the glossary's terms in the texts included)
 * finds nothing either. */
static void
test_pack_check_clean (void)
{
  g_autoptr(GFile) location = g_file_new_for_path (SOURCE_PACK_DIR);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = pn_pack_check_run (location, NULL, &error);

  g_assert_no_error (error);
  pn_test_dump (pn_pack_check_get_diagnostics (check));
  g_assert_cmpuint (pn_pack_check_get_diagnostics (check)->len, ==, 0);
  g_assert_cmpuint (pn_pack_check_get_terms (check, "essai")->len, >=, 100);
}

static void
test_essay (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_bundled (diagnostics);
  PnDocument *essay = pn_pack_get_document (pack, "essai");
  g_autofree char *html = NULL;

  g_assert_nonnull (essay);
  g_assert_cmpstr (pn_pack_get_language (pack), ==, "fr");
  html = pn_render_document (pack, essay, diagnostics);

  /* The title, with French spacing before the colon. */
  g_assert_nonnull (strstr (html, "<h1 class=\"pn-doc-title\">Consommer et produire\xc2\xa0: "
                                  "l’essence de la prison numérique</h1>"));
  /* The title is shown as plain text too (sidebar, window title, PDF): with
   * the text's typographic apostrophe. */
  g_assert_cmpstr (pn_document_get_title (essay), ==,
                   "Consommer et produire : l’essence de la prison numérique");
  g_assert_cmpstr (pn_pack_get_title (pack), ==, pn_document_get_title (essay));
  g_assert_nonnull (strstr (html, "Pablo Rauzy<sup>"));

  /* The four footnotes, each called from the text. */
  g_assert_nonnull (strstr (html, "<section class=\"footnotes\" data-footnotes>"));
  g_assert_cmpuint (pn_test_count_matches (html, "<li id=\"fn-"), ==, 4);
  g_assert_cmpuint (pn_test_count_matches (html, "data-footnote-ref>"), ==, 4);

  /* The quoted passages, attributed to their sources. */
  g_assert_cmpuint (pn_test_count_matches (html, "<blockquote"), >=, 8);
  g_assert_cmpuint (pn_test_count_matches (html, "<blockquote data-source=\""), >=, 8);
  g_assert_cmpuint (pn_test_count_matches (html, "<footer class=\"pn-attribution\">"), >=, 8);

  /* No lost link left: every link goes somewhere. */
  g_assert_null (strstr (pn_document_get_markdown (essay), "](#)"));
  g_assert_null (strstr (html, "href=\"#\""));
  g_assert_null (strstr (html, "pn-unresolved"));
  g_assert_cmpuint (pn_test_count_matches (html, "class=\"pn-cite\""), >=, 8);

  g_assert_nonnull (strstr (html, "seigneurage"));
  g_assert_null (strstr (html, "<script"));
}

/* Sentences in @text (which ends with its last one): each ends at . ! ? or … followed by spaces and a
 * capital letter, a digit or « , or by the end of the text. Counted here
 * independently of the loader's own check. */
static guint
count_sentences (const char *text)
{
  g_autoptr(GRegex) end = g_regex_new ("[.!?\u2026](\\s+(?=[[:upper:][:digit:]\u00ab])|\\s*$)",
                                       G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_assert_nonnull (end);
  for (g_regex_match (end, text, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    n++;
  return n;
}

/* Every link target of @markdown with @scheme (e.g. "glossary:") is known to
 * @exists; returns how many it found. */
static guint
assert_link_targets (const char  *markdown,
                     const char  *scheme,
                     gboolean   (*exists) (PnPack *, const char *),
                     PnPack      *pack,
                     const char  *entry_id)
{
  g_autofree char *needle = g_strconcat ("](", scheme, NULL);
  guint n = 0;

  for (const char *p = strstr (markdown, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *start = p + strlen (needle);
      const char *end = strchr (start, ')');
      g_autofree char *id = NULL;

      g_assert_nonnull (end);
      id = g_strndup (start, end - start);
      if (!exists (pack, id))
        g_error ("glossary entry '%s' links to unknown %s%s", entry_id, scheme, id);
      n++;
    }
  return n;
}

static gboolean
glossary_has (PnPack *pack, const char *id)
{
  return pn_glossary_lookup (pn_pack_get_glossary (pack), id) != NULL;
}

static gboolean
sources_have (PnPack *pack, const char *id)
{
  return pn_pack_get_source (pack, id) != NULL;
}

/* The explanation renders for the entry page without a problem, every link
 * kept as a pack address. */
static void
check_explanation (PnPack                *pack,
                   const PnGlossaryEntry *entry)
{
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  g_autofree char *markup = pn_render_markdown_pango (pack, entry->explanation, "fr", problems);
  guint n_written = pn_test_count_matches (entry->explanation, "](glossary:") +
                    pn_test_count_matches (entry->explanation, "](source:");
  static const GMarkupParser no_parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *wrapped = NULL;

  pn_test_dump (problems);
  if (markup == NULL || problems->len > 0)
    g_error ("the explanation of '%s' does not render cleanly", entry->id);
  /* Well-formed for GtkLabel (whose <a> Pango alone does not know). */
  wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  context = g_markup_parse_context_new (&no_parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, wrapped, -1, NULL));
  g_assert_true (g_markup_parse_context_end_parse (context, NULL));
  g_assert_cmpuint (pn_test_count_matches (markup, "<a href=\"prisonnum://pack/"), ==, n_written);
}

/* The bundled glossary: at least 30 entries, the concepts the issue names,
 * a short definition of at most two sentences each, and every related entry,
 * source and link of an explanation known to the pack. */
static void
test_glossary (void)
{
  static const char * const required[] = {
    "seigneurage", "subsomption-totale", "stablecoins", "techno-feodalisme",
    "capitalisme-de-surveillance", "rente", "propriete-lucrative", "moyens-de-production",
    "mode-de-production", "mode-de-reproduction", "travail-gratuit", "travail-domestique",
    "feminisme-materialiste", "travail-mort", "plus-value", "proletariat",
    "extraction-des-donnees", "profilage", "publicite-ciblee", "audience-captive",
    "gamification", "fedivers", "cryptomonnaies", "greve-des-utilisateurices",
    "double-pouvoir", "communisme-libertaire",
  };
  /* Forms as they stand in the essay, each to its entry. */
  static const char * const forms[][2] = {
    { "subsomption", "subsomption-totale" },
    { "subsomption totale", "subsomption-totale" },
    { "technoféodalisme", "techno-feodalisme" },
    { "moyens de productions", "moyens-de-production" },
    { "féministes matérialistes", "feminisme-materialiste" },
    { "l’extraction", "extraction-des-donnees" },
    { "prolétaires", "proletariat" },
    { "double-pouvoir", "double-pouvoir" },
    { "Stablecoins", "stablecoins" },
  };
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_bundled (diagnostics);
  PnGlossary *glossary = pn_pack_get_glossary (pack);
  GPtrArray *entries;
  guint n_links = 0, n_sourced = 0;

  /* The sentence counter sees what it must. */
  g_assert_cmpuint (count_sentences ("Un mot. Deux mots\xc2\xa0! Trois."), ==, 3);
  g_assert_cmpuint (count_sentences ("Un, deux (etc. et le reste)."), ==, 1);

  g_assert_nonnull (glossary);
  g_assert_cmpstr (pn_pack_get_glossary_file (pack), ==, "glossary.json");
  entries = pn_glossary_get_entries (glossary);
  g_assert_cmpuint (entries->len, >=, 30);

  for (gsize i = 0; i < G_N_ELEMENTS (required); i++)
    if (pn_glossary_lookup (glossary, required[i]) == NULL)
      g_error ("the bundled glossary has no entry '%s'", required[i]);

  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      const PnGlossaryEntry *entry = pn_glossary_find_term (glossary, forms[i][0]);

      g_assert_nonnull (entry);
      g_assert_cmpstr (entry->id, ==, forms[i][1]);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
      guint sentences = count_sentences (entry->definition);

      if (sentences < 1 || sentences > 2)
        g_error ("the definition of '%s' has %u sentences", entry->id, sentences);
      g_assert_nonnull (entry->explanation);
      g_assert_cmpuint (strlen (entry->explanation), >, strlen (entry->definition));
      g_assert_cmpuint (g_strv_length (entry->related), >=, 1);
      for (char **id = entry->related; *id != NULL; id++)
        g_assert_nonnull (pn_glossary_lookup (glossary, *id));
      for (char **id = entry->sources; *id != NULL; id++)
        g_assert_nonnull (pn_pack_get_source (pack, *id));
      if (entry->sources[0] != NULL)
        n_sourced++;
      n_links += assert_link_targets (entry->explanation, "glossary:", glossary_has, pack, entry->id);
      n_links += assert_link_targets (entry->explanation, "source:", sources_have, pack, entry->id);
      check_explanation (pack, entry);
    }
  /* The loader kept every entry and form: nothing left out with a message. */
  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (n_links, >=, entries->len);
  g_assert_cmpuint (n_sourced, >=, entries->len * 3 / 4);
}

/* Every entry of the bundled glossary occurs in the essay, each occurrence
 * standing on the words of one of its forms; « seigneurage » is marked in the
 * page for the reader's popover. */
static void
test_glossary_occurs (void)
{
  g_autoptr(PnPack) pack = load_bundled (NULL);
  PnGlossary *glossary = pn_pack_get_glossary (pack);
  GPtrArray *entries = pn_glossary_get_entries (glossary);
  g_autoptr(PnRenderedPage) page = pn_render_page (pack, pn_pack_get_document (pack, "essai"));
  GPtrArray *terms = pn_rendered_page_get_terms (page);
  const char *text = pn_rendered_page_get_text (page);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_linked = 0;

  g_assert_nonnull (terms);
  for (guint i = 0; i < terms->len; i++)
    {
      const PnTermOccurrence *term = g_ptr_array_index (terms, i);
      g_autofree char *words = g_utf8_substring (text, term->start, term->end);
      const PnGlossaryEntry *found = pn_glossary_find_term (glossary, words);

      /* The words are the entry's own: its term or one of its forms. */
      if (found == NULL || g_strcmp0 (found->id, term->entry_id) != 0)
        g_error ("'%s' in the essay is marked as '%s'", words, term->entry_id);
      g_hash_table_replace (counts, term->entry_id,
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, term->entry_id)) + 1));
      if (term->linked)
        n_linked++;
      if (g_str_equal (term->entry_id, "subsomption-totale"))
        g_assert_cmpstr (words, ==, "subsomption totale");
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const PnGlossaryEntry *entry = g_ptr_array_index (entries, i);

      if (!g_hash_table_contains (counts, entry->id))
        g_error ("the glossary entry '%s' never occurs in the essay", entry->id);
    }
  /* Mode ALL: every occurrence is marked in the page. */
  g_assert_cmpuint (n_linked, ==, terms->len);
  g_assert_cmpuint (n_linked, >=, 100);
  g_assert_nonnull (strstr (pn_rendered_page_get_html (page), "data-glossary=\"seigneurage\""));
}

/* Only French titles are typeset: an English document of a French pack keeps
 * its straight apostrophe. */
static void
test_title_apostrophes (void)
{
  g_autofree char *dir = pn_test_make_dir ("pack.json",
    "{ \"format\": 1, \"id\": \"t\", \"version\": \"1\", \"title\": \"L'essai\",\n"
    "  \"language\": \"fr\", \"authors\": [{ \"name\": \"Ada\" }], \"license\": null,\n"
    "  \"description\": \"D'abord.\",\n"
    "  \"documents\": [{ \"id\": \"fr\", \"title\": \"L'un\", \"file\": \"a.md\" },\n"
    "                { \"id\": \"en\", \"title\": \"Don't\", \"file\": \"a.md\", \"language\": \"en\" }] }\n",
    "a.md", "Text.\n", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  g_assert_cmpstr (pn_pack_get_title (pack), ==, "L’essai");
  g_assert_cmpstr (pn_pack_get_description (pack), ==, "D’abord.");
  g_assert_cmpstr (pn_document_get_title (pn_pack_get_document (pack, "fr")), ==, "L’un");
  g_assert_cmpstr (pn_document_get_title (pn_pack_get_document (pack, "en")), ==, "Don't");
  pn_test_remove_dir (dir);
}

/* Every source the essay cites is in the sources file, and each is formatted. */
static void
test_sources (void)
{
  g_autoptr(PnPack) pack = load_bundled (NULL);
  GPtrArray *sources = pn_pack_get_sources (pack);

  g_assert_cmpuint (sources->len, >=, 10);
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *markup = pn_source_format_markup (g_ptr_array_index (sources, i));

      g_assert_nonnull (markup);
      g_assert_true (g_utf8_validate (markup, -1, NULL));
    }
}

/* The answer of @answers worth the most (the first of them), as the student
 * would type or pick it: a typed answer's '*' (any characters) left out. */
static char *
best_answer_text (GPtrArray *answers)
{
  const PnQuizAnswer *best = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < answers->len; i++)
    {
      const PnQuizAnswer *answer = g_ptr_array_index (answers, i);

      if (best == NULL || answer->weight > best->weight)
        best = answer;
    }
  g_assert_nonnull (best);
  g_assert_cmpfloat (best->weight, ==, 100);
  if (best->text == NULL)   /* numerical: the middle of its range */
    return g_strdup_printf ("%g", (best->min + best->max) / 2);
  for (const char *p = best->text; *p != '\0'; p++)
    if (*p != '*')
      g_string_append_c (text, *p);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What a student who knows the essay answers to @question. */
static PnQuizResponse *
right_response (const PnQuizQuestion *question)
{
  PnQuizResponse *response = pn_quiz_response_new ();

  switch (question->type)
    {
    case PN_QUESTION_SINGLE:
    case PN_QUESTION_MULTIPLE:
      for (guint i = 0; i < question->answers->len; i++)
        {
          const PnQuizAnswer *answer = g_ptr_array_index (question->answers, i);

          if (question->type == PN_QUESTION_MULTIPLE ? answer->weight > 0 : answer->weight == 100)
            {
              if (question->type == PN_QUESTION_SINGLE)
                {
                  response->choice = i;
                  break;
                }
              pn_quiz_response_add_index (response, i);
            }
        }
      break;
    case PN_QUESTION_TRUE_FALSE:
      response->choice = question->truth ? 1 : 0;
      break;
    case PN_QUESTION_SHORT:
    case PN_QUESTION_NUMERICAL:
      response->text = best_answer_text (question->answers);
      break;
    case PN_QUESTION_MATCHING:
      {
        g_autoptr(GPtrArray) options = pn_quiz_matching_options (question);

        for (guint i = 0; i < question->pairs->len; i++)
          {
            const PnQuizPair *pair = g_ptr_array_index (question->pairs, i);
            guint at;

            if (pair->item == NULL)
              continue;
            g_assert_true (g_ptr_array_find_with_equal_func (options, pair->match, g_str_equal, &at));
            pn_quiz_response_add_index (response, at);
          }
      }
      break;
    case PN_QUESTION_ORDERING:
      for (guint i = 0; question->steps[i] != NULL; i++)
        pn_quiz_response_add_index (response, i);
      break;
    case PN_QUESTION_CLOZE:
      response->gaps = g_new0 (char *, question->gaps->len + 1);
      for (guint i = 0; i < question->gaps->len; i++)
        response->gaps[i] = best_answer_text (((PnQuizGap *) g_ptr_array_index (question->gaps, i))->answers);
      break;
    case PN_QUESTION_OPEN:
    case PN_QUESTION_DESCRIPTION:
    default:
      response->text = g_strdup ("Une réponse.");
      break;
    }
  return response;
}

/* The bundled quizzes: at least 30 questions, every type of question the
 * reader asks, each explained and sent back to a passage of the essay that is
 * found in its text; the right answer of each gets full marks, and a wrong
 * one does not. */
static void
test_quizzes (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = load_bundled (diagnostics);
  g_autoptr(PnRenderedPage) page = pn_render_page (pack, pn_pack_get_document (pack, "essai"));
  const char *text = pn_rendered_page_get_text (page);
  GPtrArray *quizzes = pn_pack_get_quizzes (pack);
  guint per_type[PN_QUESTION_DESCRIPTION + 1] = { 0 };
  guint n_questions = 0, n_partial = 0, n_negative = 0, n_typo = 0, n_distractors = 0;
  guint n_several_gaps = 0, n_several_accepted = 0, n_feedback = 0, n_hints = 0;

  g_assert_nonnull (text);
  /* The quote search finds what is in the essay, also with a word more
   * (the notes' anchoring: a passage survives small edits of the text), and
   * not what is not. */
  g_assert_cmpint (pn_quiz_find_quote (text, "le privilège de battre monnaie"), >=, 0);
  g_assert_cmpint (pn_quiz_find_quote (text, "le privilège de battre la monnaie"), ==,
                   pn_quiz_find_quote (text, "le privilège de battre monnaie"));
  g_assert_cmpint (pn_quiz_find_quote (text, "la couronne frappait des écus d’or fin"), ==, -1);

  g_assert_cmpuint (quizzes->len, >=, 1);
  for (guint q = 0; q < quizzes->len; q++)
    {
      GPtrArray *questions = pn_quiz_get_questions (g_ptr_array_index (quizzes, q));

      for (guint i = 0; i < questions->len; i++)
        {
          const PnQuizQuestion *question = g_ptr_array_index (questions, i);
          g_autoptr(PnQuizResponse) right = NULL;
          g_autoptr(PnQuizGrade) grade = NULL;

          if (question->type == PN_QUESTION_DESCRIPTION)
            continue;
          n_questions++;
          per_type[question->type]++;
          if (question->explanation == NULL || question->explanation[0] == '\0')
            g_error ("question '%s' has no explanation", question->id);
          if (question->passage == NULL || question->passage->quote == NULL)
            g_error ("question '%s' has no passage", question->id);
          g_assert_cmpstr (question->passage->document, ==, "essai");
          if (pn_quiz_find_quote (text, question->passage->quote) < 0)
            g_error ("the quote of question '%s' is not in the essay: %s", question->id,
                     question->passage->quote);
          if (question->hint != NULL)
            n_hints++;
          n_typo += question->allow_typo;

          for (guint a = 0; question->answers != NULL && a < question->answers->len; a++)
            {
              const PnQuizAnswer *answer = g_ptr_array_index (question->answers, a);

              n_partial += answer->weight > 0 && answer->weight < 100;
              n_negative += answer->weight < 0;
              if ((question->type == PN_QUESTION_SINGLE || question->type == PN_QUESTION_MULTIPLE) &&
                  answer->feedback == NULL)
                g_error ("a choice of question '%s' has no feedback", question->id);
              n_feedback += answer->feedback != NULL;
            }
          if (question->type == PN_QUESTION_SHORT && question->answers->len >= 2)
            n_several_accepted++;
          if (question->type == PN_QUESTION_CLOZE && question->gaps->len >= 2)
            n_several_gaps++;
          for (guint p = 0; question->type == PN_QUESTION_MATCHING && p < question->pairs->len; p++)
            n_distractors += ((PnQuizPair *) g_ptr_array_index (question->pairs, p))->item == NULL;

          right = right_response (question);
          grade = pn_quiz_grade (question, right);
          if (question->type == PN_QUESTION_OPEN)
            {
              g_assert_false (grade->graded);
              continue;
            }
          g_assert_true (grade->graded);
          /* Full marks (thirds written 33.33333 % count as 1). */
          if (!grade->correct || grade->score != 1.0)
            g_error ("the right answer to question '%s' scores %g", question->id, grade->score);

          /* Positive control: the other answer of a true/false, or an empty
           * response, does not get full marks. */
          {
            g_autoptr(PnQuizResponse) wrong = pn_quiz_response_new ();
            g_autoptr(PnQuizGrade) low = NULL;

            wrong->choice = question->type == PN_QUESTION_TRUE_FALSE ? !question->truth : -1;
            low = pn_quiz_grade (question, wrong);
            g_assert_false (low->correct);
            g_assert_cmpfloat (low->score, <, 1.0);
          }
        }
    }

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpuint (n_questions, >=, 30);
  for (int type = PN_QUESTION_SINGLE; type <= PN_QUESTION_OPEN; type++)
    if (per_type[type] == 0)
      g_error ("no question of type %s", pn_question_type_to_string (type));
  g_assert_cmpuint (n_partial, >=, 1);
  g_assert_cmpuint (n_negative, >=, 1);
  g_assert_cmpuint (n_typo, >=, 1);
  g_assert_cmpuint (n_distractors, >=, 1);
  g_assert_cmpuint (n_several_gaps, >=, 1);
  g_assert_cmpuint (n_several_accepted, >=, 1);
  g_assert_cmpuint (n_hints, >=, 5);
  g_assert_cmpuint (n_feedback, >=, 40);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundled-pack/checks-clean", test_checks_clean);
  g_test_add_func ("/bundled-pack/pack-check-clean", test_pack_check_clean);
  g_test_add_func ("/bundled-pack/essay", test_essay);
  g_test_add_func ("/bundled-pack/glossary", test_glossary);
  g_test_add_func ("/bundled-pack/glossary-occurs", test_glossary_occurs);
  g_test_add_func ("/bundled-pack/quizzes", test_quizzes);
  g_test_add_func ("/bundled-pack/sources", test_sources);
  g_test_add_func ("/bundled-pack/title-apostrophes", test_title_apostrophes);

  return g_test_run ();
}
