/* pn-glossary-parse.c: reading the pack's glossary file into a PnGlossary
 *
 * In four steps, so that every check can see the whole file: each entry is
 * read on its own (types, id, term, definition), then the terms are claimed
 * (two entries with one term: the later is left out), then the forms (a form
 * already claimed by another entry is left out of this one), then the related
 * and source ids are checked against what was kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pn-glossary-matcher.h"
#include "pn-glossary-parse.h"
#include "pn-text.h"

#define ID_PATTERN "^[a-z0-9][a-z0-9_-]*$"
/* Terms and forms are at least this many characters long (after any elision). */
#define MIN_FORM_LENGTH 2
/* Most forms, related ids and source ids one entry may list. */
#define MAX_LIST 200

typedef struct {
  PnJsonFile *json;
  GPtrArray *diagnostics;
  GHashTable *source_ids;
} Parser;

/* A string of the file, with where it was written. */
typedef struct {
  char *text;
  JsonNode *node;
  char *path;
} Value;

/* An entry being read. */
typedef struct {
  JsonNode *node;
  char *path;
  char *id;
  Value *term;
  GPtrArray *forms;        /* of Value */
  GPtrArray *related;      /* of Value */
  GPtrArray *sources;      /* of Value */
  char *definition;
  char *explanation;
  int explanation_line;
  gboolean case_sensitive;
  gboolean dropped;
  GStrvBuilder *kept_forms;
} Draft;

/* A term or form taken by an entry. */
typedef struct {
  Draft *draft;
  char *folded;            /* its key, case folded */
  char *exact;             /* its key as the entry compares it (folded unless case-sensitive) */
  gboolean is_term;
  JsonNode *node;
} Claim;

/* The terms and forms taken so far; each table holds the first claim of a key. */
typedef struct {
  GPtrArray *all;          /* of Claim, owned */
  GHashTable *any;         /* folded key -> claim */
  GHashTable *insensitive; /* folded key -> claim of an entry that ignores case */
  GHashTable *cased;       /* exact key -> claim of a case-sensitive entry */
} Claims;

#define report(parser, node, severity, ...) \
  pn_json_file_report ((parser)->json, (parser)->diagnostics, (severity), (node), __VA_ARGS__)

static void
value_free (Value *value)
{
  g_free (value->text);
  g_free (value->path);
  g_free (value);
}

static void
draft_free (Draft *draft)
{
  g_free (draft->path);
  g_free (draft->id);
  g_clear_pointer (&draft->term, value_free);
  g_clear_pointer (&draft->forms, g_ptr_array_unref);
  g_clear_pointer (&draft->related, g_ptr_array_unref);
  g_clear_pointer (&draft->sources, g_ptr_array_unref);
  g_free (draft->definition);
  g_free (draft->explanation);
  g_clear_pointer (&draft->kept_forms, g_strv_builder_unref);
  g_free (draft);
}

static void
claim_free (Claim *claim)
{
  g_free (claim->folded);
  g_free (claim->exact);
  g_free (claim);
}

static void
claims_init (Claims *claims)
{
  claims->all = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
  claims->any = g_hash_table_new (g_str_hash, g_str_equal);
  claims->insensitive = g_hash_table_new (g_str_hash, g_str_equal);
  claims->cased = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
claims_clear (Claims *claims)
{
  g_hash_table_unref (claims->any);
  g_hash_table_unref (claims->insensitive);
  g_hash_table_unref (claims->cased);
  g_ptr_array_unref (claims->all);
}

/* Keys */

/* The matcher's normalisation (pn_glossary_normalize), so that two forms
 * clash here exactly when the matcher could not tell them apart. */
char *
pn_glossary_form_key (const char *form,
                      gboolean    case_sensitive)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (form != NULL, NULL);

  /* An empty form has an empty key (and pn_glossary_normalize() is not
   * given "", which it does not handle). */
  if (form[0] == '\0' || !g_utf8_validate (form, -1, NULL))
    return g_strdup ("");

  normal = pn_glossary_normalize (form, !case_sensitive);
  g_strstrip (normal);

  return g_strdup (normal + pn_text_elision_length (normal));
}

static gboolean
is_too_short (const char *key)
{
  return g_utf8_strlen (key, -1) < MIN_FORM_LENGTH;
}

/* Sentences */

static gboolean
is_abbreviation (const char *text,
                 const char *dot)
{
  static const char * const words[] = {
    "M", "MM", "Mme", "Dr", "St", "cf", "p", "pp", "ex", "av", "apr", "vol", "éd", "coll", NULL
  };
  const char *start = dot;
  g_autofree char *word = NULL;

  while (start > text)
    {
      const char *previous = g_utf8_find_prev_char (text, start);

      if (previous == NULL || !g_unichar_isalpha (g_utf8_get_char (previous)))
        break;
      start = previous;
    }

  word = g_strndup (start, dot - start);

  /* Initials ("K. Marx") and the usual abbreviations before a capital. */
  return g_utf8_strlen (word, -1) == 1 || g_strv_contains (words, word);
}

/* How many sentences @text holds: a sentence ends at . ! ? or … followed by
 * white space and a capital, a digit or an opening quotation mark. */
static guint
count_sentences (const char *text)
{
  guint sentences = 0;
  gboolean in_sentence = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;
      gunichar next;

      if (!in_sentence && g_unichar_isalnum (c))
        {
          in_sentence = TRUE;
          sentences++;
        }
      if (!in_sentence || (c != '.' && c != '!' && c != '?' && c != 0x2026))
        continue;
      if (c == '.' && is_abbreviation (text, p))
        continue;

      q = g_utf8_next_char (p);
      while (*q != '\0' && strchr (".!?)\"", *q) != NULL)
        q++;
      while (g_str_has_prefix (q, "\xc2\xbb") || g_str_has_prefix (q, "\xe2\x80\xa6"))   /* » … */
        q += g_utf8_skip[(guchar) *q];
      if (*q == '\0' || !g_unichar_isspace (g_utf8_get_char (q)))
        continue;
      while (*q != '\0' && g_unichar_isspace (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      next = g_utf8_get_char (q);
      if (g_unichar_isupper (next) || g_unichar_isdigit (next) || next == 0x00AB || next == '"')
        in_sentence = FALSE;
    }

  return sentences;
}

/* Reading one entry */

static JsonNode *
member (JsonNode   *object,
        const char *key)
{
  return json_object_get_member (json_node_get_object (object), key);
}

/* The optional member @key of the right @kind, or NULL (reported when of another kind). */
static JsonNode *
typed_member (Parser     *parser,
              Draft      *draft,
              const char *key,
              PnJsonKind  kind)
{
  JsonNode *node = member (draft->node, key);
  g_autofree char *path = NULL;

  if (node == NULL)
    return NULL;

  path = pn_json_path_member (draft->path, key);
  if (!pn_json_file_check_type (parser->json, parser->diagnostics, node, path, kind))
    return NULL;

  return node;
}

/* The strings of the optional array @key (each other element reported). */
static GPtrArray *
read_list (Parser     *parser,
           Draft      *draft,
           const char *key)
{
  GPtrArray *values = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
  JsonNode *node = typed_member (parser, draft, key, PN_JSON_ARRAY);
  g_autofree char *path = NULL;
  JsonArray *array;

  if (node == NULL)
    return values;

  path = pn_json_path_member (draft->path, key);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = NULL;
      Value *value;

      if (!pn_json_file_check_count (parser->json, parser->diagnostics, node, path, i, MAX_LIST))
        break;

      element_path = pn_json_path_element (path, i);
      if (!pn_json_file_check_type (parser->json, parser->diagnostics, element, element_path,
                                    PN_JSON_STRING))
        continue;

      value = g_new0 (Value, 1);
      value->text = g_strstrip (g_strdup (json_node_get_string (element)));
      value->node = element;
      value->path = g_steal_pointer (&element_path);
      g_ptr_array_add (values, value);
    }

  return values;
}

static void
read_definition (Parser *parser,
                 Draft  *draft)
{
  JsonNode *node = member (draft->node, "definition");
  g_autofree char *path = pn_json_path_member (draft->path, "definition");

  if (node == NULL)
    {
      report (parser, draft->node, PN_SEVERITY_WARNING,
              _("%s ('%s') has no short definition ('definition'); its popover shows the term alone"),
              draft->path, draft->id);
      return;
    }
  if (!pn_json_file_check_type (parser->json, parser->diagnostics, node, path, PN_JSON_STRING))
    return;

  draft->definition = g_strstrip (g_strdup (json_node_get_string (node)));
  if (draft->definition[0] == '\0')
    {
      report (parser, node, PN_SEVERITY_WARNING,
              _("%s is empty; the popover of '%s' shows the term alone"), path, draft->id);
      return;
    }

  if (count_sentences (draft->definition) > 2)
    report (parser, node, PN_SEVERITY_WARNING,
            _("%s holds more than two sentences; keep the short definition to two and put the "
              "rest in 'explanation'"), path);
  if (strstr (draft->definition, "](") != NULL || strstr (draft->definition, "**") != NULL ||
      strchr (draft->definition, '`') != NULL)
    report (parser, node, PN_SEVERITY_WARNING,
            _("%s is plain text: Markdown in it (links, emphasis, code) shows as it is typed; "
              "put links in 'explanation'"), path);
}

static gboolean
read_id (Parser     *parser,
         Draft      *draft,
         GHashTable *seen)
{
  JsonNode *node = member (draft->node, "id");
  g_autofree char *path = pn_json_path_member (draft->path, "id");
  JsonNode *first;

  draft->id = pn_json_file_dup_string (parser->json, parser->diagnostics, draft->node, draft->path,
                                       "id", TRUE);
  if (draft->id == NULL)
    return FALSE;

  if (draft->id[0] == '\0')
    {
      report (parser, node, PN_SEVERITY_ERROR, _("%s must not be empty; the entry was left out"), path);
      return FALSE;
    }

  if (!g_regex_match_simple (ID_PATTERN, draft->id, G_REGEX_DOLLAR_ENDONLY, 0))
    {
      report (parser, node, PN_SEVERITY_ERROR,
              _("%s: '%s' is not a valid glossary id (lowercase letters, digits, '-' and '_', "
                "starting with a letter or digit); the entry was left out"), path, draft->id);
      return FALSE;
    }

  first = g_hash_table_lookup (seen, draft->id);
  if (first != NULL)
    {
      report (parser, node, PN_SEVERITY_ERROR,
              _("duplicate glossary id '%s' (first at line %d); this entry was left out"),
              draft->id, pn_json_file_get_line (parser->json, first));
      return FALSE;
    }
  g_hash_table_insert (seen, g_strdup (draft->id), draft->node);

  return TRUE;
}

static gboolean
read_term (Parser *parser,
           Draft  *draft)
{
  g_autofree char *term = pn_json_file_dup_string (parser->json, parser->diagnostics, draft->node,
                                                   draft->path, "term", TRUE);
  g_autofree char *key = NULL;
  JsonNode *node = member (draft->node, "term");

  if (term == NULL)
    return FALSE;

  g_strstrip (term);
  key = pn_glossary_form_key (term, draft->case_sensitive);
  if (is_too_short (key))
    {
      g_autofree char *path = pn_json_path_member (draft->path, "term");

      report (parser, node, PN_SEVERITY_ERROR,
              _("%s: '%s' is empty or one letter long; a term needs at least two letters; the "
                "entry was left out"), path, term);
      return FALSE;
    }

  draft->term = g_new0 (Value, 1);
  draft->term->text = g_steal_pointer (&term);
  draft->term->node = node;
  draft->term->path = pn_json_path_member (draft->path, "term");

  return TRUE;
}

static Draft *
read_entry (Parser     *parser,
            JsonNode   *node,
            const char *path,
            GHashTable *seen)
{
  static const char * const keys[] = {
    "id", "term", "forms", "definition", "explanation", "related", "sources", "case_sensitive", NULL
  };
  Draft *draft;
  JsonNode *flag;
  JsonNode *explanation;

  if (!pn_json_file_check_type (parser->json, parser->diagnostics, node, path, PN_JSON_OBJECT))
    return NULL;

  pn_json_file_warn_unknown_keys (parser->json, parser->diagnostics, node, path, keys);

  draft = g_new0 (Draft, 1);
  draft->node = node;
  draft->path = g_strdup (path);

  if (!read_id (parser, draft, seen))
    {
      draft_free (draft);
      return NULL;
    }

  flag = typed_member (parser, draft, "case_sensitive", PN_JSON_BOOLEAN);
  draft->case_sensitive = flag != NULL && json_node_get_boolean (flag);

  if (!read_term (parser, draft))
    {
      draft_free (draft);
      return NULL;
    }

  draft->forms = read_list (parser, draft, "forms");
  read_definition (parser, draft);

  explanation = typed_member (parser, draft, "explanation", PN_JSON_STRING);
  if (explanation != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (json_node_get_string (explanation)));

      if (stripped[0] != '\0')
        {
          draft->explanation = g_strdup (json_node_get_string (explanation));
          draft->explanation_line = pn_json_file_get_line (parser->json, explanation);
        }
    }

  draft->related = read_list (parser, draft, "related");
  draft->sources = read_list (parser, draft, "sources");
  draft->kept_forms = g_strv_builder_new ();

  return draft;
}

/* Terms and forms */

/* The claim @exact (folded as @folded) would clash with, or NULL: an entry
 * that ignores case clashes with any claim of the same folded key; two
 * case-sensitive entries only when their cases agree too. One probe or two,
 * however many entries share a folded key. */
static Claim *
find_clash (Claims     *claims,
            const char *folded,
            const char *exact,
            Draft      *draft)
{
  Claim *claim;

  if (!draft->case_sensitive)
    return g_hash_table_lookup (claims->any, folded);

  claim = g_hash_table_lookup (claims->insensitive, folded);

  return claim != NULL ? claim : g_hash_table_lookup (claims->cased, exact);
}

static void
add_to (GHashTable *table,
        const char *key,
        Claim      *claim)
{
  if (!g_hash_table_contains (table, key))
    g_hash_table_insert (table, (gpointer) key, claim);
}

static void
add_claim (Claims     *claims,
           const char *folded,
           const char *exact,
           Draft      *draft,
           gboolean    is_term,
           JsonNode   *node)
{
  Claim *claim = g_new0 (Claim, 1);

  claim->draft = draft;
  claim->folded = g_strdup (folded);
  claim->exact = g_strdup (exact);
  claim->is_term = is_term;
  claim->node = node;
  g_ptr_array_add (claims->all, claim);

  add_to (claims->any, claim->folded, claim);
  if (draft->case_sensitive)
    add_to (claims->cased, claim->exact, claim);
  else
    add_to (claims->insensitive, claim->folded, claim);
}

static void
claim_terms (Parser     *parser,
             GPtrArray  *drafts,
             Claims     *claims)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      Draft *draft = g_ptr_array_index (drafts, i);
      g_autofree char *folded = pn_glossary_form_key (draft->term->text, FALSE);
      g_autofree char *exact = pn_glossary_form_key (draft->term->text, draft->case_sensitive);
      Claim *clash = find_clash (claims, folded, exact, draft);

      if (clash != NULL)
        {
          report (parser, draft->term->node, PN_SEVERITY_ERROR,
                  _("%s: '%s' is already the term of entry '%s' (line %d); entry '%s' was left out"),
                  draft->term->path, draft->term->text, clash->draft->id,
                  pn_json_file_get_line (parser->json, clash->node), draft->id);
          draft->dropped = TRUE;
          continue;
        }
      add_claim (claims, folded, exact, draft, TRUE, draft->term->node);
    }
}

static void
claim_form (Parser     *parser,
            Draft      *draft,
            Value      *form,
            Claims     *claims)
{
  g_autofree char *folded = pn_glossary_form_key (form->text, FALSE);
  g_autofree char *exact = pn_glossary_form_key (form->text, draft->case_sensitive);
  Claim *clash;

  if (is_too_short (exact))
    {
      report (parser, form->node, PN_SEVERITY_ERROR,
              _("%s: '%s' is empty or one letter long; the form was left out"), form->path, form->text);
      return;
    }

  clash = find_clash (claims, folded, exact, draft);
  if (clash != NULL && clash->draft == draft)
    {
      report (parser, form->node, PN_SEVERITY_WARNING,
              _("%s: '%s' is already the term or a form of this entry; it was left out"),
              form->path, form->text);
      return;
    }
  if (clash != NULL)
    {
      if (clash->is_term)
        report (parser, form->node, PN_SEVERITY_ERROR,
                _("%s: '%s' is the term of entry '%s' (line %d); the form was left out of entry '%s'"),
                form->path, form->text, clash->draft->id,
                pn_json_file_get_line (parser->json, clash->node), draft->id);
      else
        report (parser, form->node, PN_SEVERITY_ERROR,
                _("%s: '%s' is also a form of entry '%s' (line %d); it was left out of entry '%s'"),
                form->path, form->text, clash->draft->id,
                pn_json_file_get_line (parser->json, clash->node), draft->id);
      return;
    }

  add_claim (claims, folded, exact, draft, FALSE, form->node);
  g_strv_builder_add (draft->kept_forms, form->text);
}

/* Related and source ids */

static GStrv
check_related (Parser     *parser,
               Draft      *draft,
               GHashTable *kept)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < draft->related->len; i++)
    {
      Value *related = g_ptr_array_index (draft->related, i);

      if (g_str_equal (related->text, draft->id))
        report (parser, related->node, PN_SEVERITY_ERROR,
                _("%s: entry '%s' cannot be related to itself; the id was left out"),
                related->path, draft->id);
      else if (!g_hash_table_contains (kept, related->text))
        report (parser, related->node, PN_SEVERITY_ERROR,
                _("%s: unknown glossary entry '%s'; the id was left out"), related->path, related->text);
      else if (g_hash_table_add (listed, related->text))
        g_strv_builder_add (builder, related->text);
    }

  return g_strv_builder_end (builder);
}

static GStrv
check_sources (Parser *parser,
               Draft  *draft)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < draft->sources->len; i++)
    {
      Value *source = g_ptr_array_index (draft->sources, i);

      if (parser->source_ids != NULL && !g_hash_table_contains (parser->source_ids, source->text))
        report (parser, source->node, PN_SEVERITY_ERROR,
                _("%s: unknown source '%s' (the pack's sources file does not list it); the id was "
                  "left out"), source->path, source->text);
      else
        g_strv_builder_add (builder, source->text);
    }

  return g_strv_builder_end (builder);
}

/* The file */

static JsonNode *
read_root (Parser *parser)
{
  static const char * const keys[] = { "$schema", "entries", NULL };
  JsonNode *root = pn_json_file_get_root (parser->json);
  JsonNode *entries;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      report (parser, root, PN_SEVERITY_ERROR,
              _("the glossary file must be a JSON object with an 'entries' array, not %s"),
              pn_json_describe_type (root));
      return NULL;
    }

  pn_json_file_warn_unknown_keys (parser->json, parser->diagnostics, root, "", keys);
  entries = pn_json_file_get_member (parser->json, parser->diagnostics, root, "", "entries", TRUE);
  if (entries == NULL ||
      !pn_json_file_check_type (parser->json, parser->diagnostics, entries, "entries", PN_JSON_ARRAY))
    return NULL;

  return entries;
}

PnGlossary *
pn_glossary_parse (PnJsonFile *json,
                   GHashTable *source_ids,
                   GPtrArray  *diagnostics)
{
  Parser parser = { json, diagnostics, source_ids };
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  Claims claims;
  PnGlossary *glossary;
  JsonNode *node;
  JsonArray *entries;
  guint start = diagnostics != NULL ? diagnostics->len : 0;

  g_return_val_if_fail (json != NULL, NULL);

  node = read_root (&parser);
  if (node == NULL)
    return NULL;

  entries = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      g_autofree char *path = pn_json_path_element ("entries", i);
      Draft *draft;

      if (!pn_json_file_check_count (json, diagnostics, node, "entries", i, PN_GLOSSARY_MAX_ENTRIES))
        break;

      draft = read_entry (&parser, json_array_get_element (entries, i), path, seen);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }

  claims_init (&claims);
  claim_terms (&parser, drafts, &claims);
  for (guint i = 0; i < drafts->len; i++)
    {
      Draft *draft = g_ptr_array_index (drafts, i);

      if (draft->dropped)
        continue;
      g_hash_table_add (kept, draft->id);
      for (guint j = 0; j < draft->forms->len; j++)
        claim_form (&parser, draft, g_ptr_array_index (draft->forms, j), &claims);
    }
  claims_clear (&claims);

  glossary = pn_glossary_new (pn_json_file_get_name (json));
  for (guint i = 0; i < drafts->len; i++)
    {
      Draft *draft = g_ptr_array_index (drafts, i);
      g_auto(GStrv) forms = NULL;
      g_auto(GStrv) related = NULL;
      g_auto(GStrv) sources = NULL;
      PnGlossaryEntry *entry;

      if (draft->dropped)
        continue;

      forms = g_strv_builder_end (draft->kept_forms);
      related = check_related (&parser, draft, kept);
      sources = check_sources (&parser, draft);
      entry = pn_glossary_entry_new (draft->id, draft->term->text, (const char * const *) forms,
                                     draft->definition != NULL ? draft->definition : "",
                                     draft->explanation, (const char * const *) related,
                                     (const char * const *) sources, draft->case_sensitive);
      entry->line = pn_json_file_get_line (json, draft->node);
      entry->explanation_line = draft->explanation_line;
      pn_glossary_add (glossary, entry);
    }
  /* The checks run in steps over the whole file: their messages in reading order. */
  pn_diagnostics_sort_from (diagnostics, start);

  return glossary;
}
