/* pn-manifest.c: reading pack.json into a pack: its fields, documents, sources,
 * glossary and quiz files
 *
 * The reader trusts nothing in the pack. Every key and type is checked, each
 * problem becomes a diagnostic naming the file, line and column, and whatever
 * could be read is kept so that the app can show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-file.h"
#include "pn-gift-parse.h"
#include "pn-glossary-parse.h"
#include "pn-license.h"
#include "pn-pack-checksums.h"
#include "pn-render-pango.h"
#include "pn-manifest.h"
#include "pn-quiz-parse.h"
#include "pn-text.h"
#include "pn-pack-private.h"

#define PACK_ID_PATTERN "^[a-z0-9][a-z0-9._-]{0,63}$"
#define DOCUMENT_ID_PATTERN "^[a-z0-9][a-z0-9_-]*$"
#define LANGUAGE_PATTERN "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"

typedef struct {
  PnPack *pack;
  PnJsonFile *json;
  GPtrArray *diagnostics;
  int fatal_index;          /* index in diagnostics of the problem that stops loading, or -1 */
  gsize text_bytes;         /* documents read so far */
  guint64 quiz_bytes;       /* quiz files read so far */
} Loader;

/* Paths */

/* Checks a path written in the manifest at @node; reports and returns NULL
 * when it is not a relative path inside the pack. */
/* A title shown as plain text (header, sidebar, window title, PDF) gets the
 * same typographic apostrophes as the text when it is French. */
static void
typeset_in (char       **text,
            const char  *language)
{
  char *typeset;

  if (*text == NULL || !pn_text_is_french (language))
    return;
  typeset = pn_text_typographic_apostrophes (*text);
  g_free (*text);
  *text = typeset;
}

static GFile *
resolve_manifest_path (Loader     *loader,
                       JsonNode   *node,
                       const char *path,
                       const char *value)
{
  GFile *file;

  switch (pn_pack_check_path (value))
    {
    case PN_PATH_EMPTY:
      pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s: the path is empty"), path);
      return NULL;
    case PN_PATH_ABSOLUTE:
      pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s: '%s' is an absolute path; paths are relative to the pack folder"),
                           path, value);
      return NULL;
    case PN_PATH_BACKSLASH:
      pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s: '%s' contains a backslash; separate folders with '/'"),
                           path, value);
      return NULL;
    case PN_PATH_PARENT:
      pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s: '%s' leads outside the pack folder ('..' is not allowed)"),
                           path, value);
      return NULL;
    case PN_PATH_OK:
    default:
      break;
    }

  file = pn_pack_resolve (loader->pack, value);
  if (file == NULL)
    pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                         _("%s: '%s' leads outside the pack folder through a symbolic link"),
                         path, value);

  return file;
}

/* Values */

static gboolean
matches (const char *pattern,
         const char *value)
{
  return value != NULL && g_regex_match_simple (pattern, value, G_REGEX_DOLLAR_ENDONLY, 0);
}

/* A problem at @node of the manifest. */
#define report(loader, node, severity, ...) \
  pn_json_file_report ((loader)->json, (loader)->diagnostics, (severity), (node), __VA_ARGS__)

/* Marks the last diagnostic as the one that keeps the pack from loading. */
static void
mark_fatal (Loader *loader)
{
  if (loader->fatal_index < 0 && loader->diagnostics->len > 0)
    loader->fatal_index = (int) loader->diagnostics->len - 1;
}

static char *
dup_language (Loader     *loader,
              JsonNode   *object,
              const char *path,
              gboolean    required)
{
  g_autofree char *value = pn_json_file_dup_string (loader->json, loader->diagnostics,
                                                    object, path, "language", required);
  g_autofree char *member_path = NULL;

  if (value == NULL || matches (LANGUAGE_PATTERN, value))
    return g_steal_pointer (&value);

  member_path = pn_json_path_member (path, "language");
  report (loader, json_object_get_member (json_node_get_object (object), "language"),
          PN_SEVERITY_ERROR, _("%s: '%s' is not a language tag such as 'fr' or 'en-GB'"),
          member_path, value);

  return NULL;
}

/* Documents */

/* A file named in pack.json that cannot be read as a whole (missing, too large,
 * not a file) is reported where pack.json names it, so every problem has a
 * line; a problem inside the file (bad UTF-8) keeps its own place. */
static void
add_file_problem (Loader       *loader,
                  JsonNode     *name_node,
                  const char   *file_name,
                  PnDiagnostic *problem)
{
  if (problem->line > 0)
    {
      pn_diagnostics_add (loader->diagnostics, problem);
      return;
    }

  pn_json_file_report (loader->json, loader->diagnostics, problem->severity, name_node,
                       "%s: %s", file_name, problem->message);
  pn_diagnostic_free (problem);
}

static char *
read_document_text (Loader     *loader,
                    JsonNode   *file_node,
                    const char *path,
                    const char *file_name)
{
  g_autoptr(GFile) file = resolve_manifest_path (loader, file_node, path, file_name);
  PnDiagnostic *problem = NULL;
  char *text;

  if (file == NULL)
    return NULL;

  text = pn_file_read_text (file, file_name, PN_PACK_MAX_FILE_SIZE, NULL, &problem);
  if (text == NULL)
    add_file_problem (loader, file_node, file_name, problem);

  return text;
}

static PnDocument *
parse_document (Loader     *loader,
                JsonNode   *node,
                const char *path,
                GHashTable *seen_ids)
{
  static const char * const keys[] = { "id", "title", "file", "authors", "language", NULL };
  g_autoptr(PnDocument) document = NULL;
  g_autofree char *id = NULL;
  JsonNode *id_node;
  JsonNode *first;
  JsonNode *authors;
  JsonNode *file_node;
  guint n_before;

  if (!pn_json_file_check_type (loader->json, loader->diagnostics, node, path, PN_JSON_OBJECT))
    return NULL;

  pn_json_file_warn_unknown_keys (loader->json, loader->diagnostics, node, path, keys);

  id = pn_json_file_dup_string (loader->json, loader->diagnostics, node, path, "id", TRUE);
  if (id == NULL)
    return NULL;

  id_node = json_object_get_member (json_node_get_object (node), "id");
  if (!matches (DOCUMENT_ID_PATTERN, id))
    {
      report (loader, id_node, PN_SEVERITY_ERROR,
              _("%s.id: '%s' is not a valid document id (lowercase letters, digits, '-' and '_', "
                "starting with a letter or digit)"), path, id);
      return NULL;
    }

  first = g_hash_table_lookup (seen_ids, id);
  if (first != NULL)
    {
      report (loader, id_node, PN_SEVERITY_ERROR, _("duplicate document id '%s' (first at line %d)"),
              id, pn_json_file_get_line (loader->json, first));
      return NULL;
    }
  g_hash_table_insert (seen_ids, g_strdup (id), id_node);

  document = g_object_new (PN_TYPE_DOCUMENT, NULL);
  document->id = g_steal_pointer (&id);

  document->title = pn_json_file_dup_text (loader->json, loader->diagnostics, node, path, "title");
  if (document->title == NULL)
    document->title = g_strdup (document->id);

  document->language = dup_language (loader, node, path, FALSE);
  if (document->language == NULL)
    document->language = g_strdup (loader->pack->language);
  typeset_in (&document->title, document->language);

  authors = json_object_get_member (json_node_get_object (node), "authors");
  if (authors != NULL)
    {
      g_autofree char *authors_path = pn_json_path_member (path, "authors");

      document->authors = pn_person_parse_list (loader->json, loader->diagnostics, authors, authors_path);
    }
  else
    {
      document->authors = g_ptr_array_ref (loader->pack->authors);
    }

  /* When the text cannot be had, the document keeps the reason (the last
   * problem reported about it) for the page the reader shows instead. */
  n_before = loader->diagnostics->len;
  document->file = pn_json_file_dup_string (loader->json, loader->diagnostics,
                                            node, path, "file", TRUE);
  file_node = json_object_get_member (json_node_get_object (node), "file");
  if (document->file != NULL)
    {
      g_autofree char *file_path = pn_json_path_member (path, "file");

      document->markdown = read_document_text (loader, file_node, file_path, document->file);
    }
  else
    {
      document->file = g_strdup ("");
    }
  if (document->markdown == NULL && loader->diagnostics->len > n_before)
    document->problem =
      pn_diagnostic_to_located_message (g_ptr_array_index (loader->diagnostics,
                                                           loader->diagnostics->len - 1));

  return g_steal_pointer (&document);
}

static void
parse_documents (Loader   *loader,
                 JsonNode *root)
{
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = pn_json_file_get_member (loader->json, loader->diagnostics, root,
                                            "", "documents", TRUE);
  JsonArray *array;

  if (node == NULL ||
      !pn_json_file_check_type (loader->json, loader->diagnostics, node, "documents", PN_JSON_ARRAY))
    return;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    report (loader, node, PN_SEVERITY_ERROR, "%s", _("documents must list at least one document"));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = pn_json_path_element ("documents", i);
      PnDocument *document;

      /* A pack is read whole into memory: keep it to what a course can hold. */
      if (i >= PN_PACK_MAX_DOCUMENTS)
        {
          report (loader, json_array_get_element (array, i), PN_SEVERITY_ERROR,
                  _("a course pack holds at most %d documents; this one and the ones after it "
                    "were left out"), PN_PACK_MAX_DOCUMENTS);
          break;
        }

      document = parse_document (loader, json_array_get_element (array, i), path, seen_ids);
      if (document == NULL)
        continue;
      if (document->markdown != NULL)
        {
          loader->text_bytes += strlen (document->markdown);
          if (loader->text_bytes > PN_PACK_MAX_TEXT_SIZE)
            {
              report (loader, json_array_get_element (array, i), PN_SEVERITY_ERROR,
                      _("the documents of a course pack may hold %d MB of text in all; "
                        "this one goes past it and was left out"),
                      PN_PACK_MAX_TEXT_SIZE / (1024 * 1024));
              g_object_unref (document);
              break;
            }
        }
      g_ptr_array_add (loader->pack->documents, document);
    }
}

/* Sources, glossary, quizzes */

static PnJsonFile *
load_pack_json_file (Loader     *loader,
                     JsonNode   *node,
                     const char *path)
{
  g_autoptr(GFile) file = NULL;
  PnDiagnostic *problem = NULL;
  PnJsonFile *json;
  const char *value;

  if (!pn_json_file_check_type (loader->json, loader->diagnostics, node, path, PN_JSON_STRING))
    return NULL;

  value = json_node_get_string (node);
  file = resolve_manifest_path (loader, node, path, value);
  if (file == NULL)
    return NULL;

  json = pn_json_file_load (file, value, PN_PACK_MAX_FILE_SIZE, loader->diagnostics, &problem);
  if (problem != NULL)
    add_file_problem (loader, node, value, problem);

  return json;
}

static void
add_source (Loader     *loader,
            PnJsonFile *json,
            JsonNode   *node,
            PnSource   *source)
{
  const PnSource *first = g_hash_table_lookup (loader->pack->source_index, source->id);

  if (first != NULL)
    {
      pn_json_file_report (json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("duplicate source id '%s' (first at line %d)"),
                           source->id, first->line);
      pn_source_free (source);
      return;
    }

  g_ptr_array_add (loader->pack->sources, source);
  g_hash_table_insert (loader->pack->source_index, source->id, source);
}

static void
parse_sources (Loader   *loader,
               JsonNode *root)
{
  JsonNode *node = json_object_get_member (json_node_get_object (root), "sources");
  g_autoptr(PnJsonFile) json = NULL;
  JsonNode *items;
  JsonArray *array;

  if (node == NULL)
    return;

  json = load_pack_json_file (loader, node, "sources");
  if (json == NULL)
    return;

  items = pn_json_file_get_root (json);
  if (!JSON_NODE_HOLDS_ARRAY (items))
    {
      pn_json_file_report (json, loader->diagnostics, PN_SEVERITY_ERROR, items,
                           _("the sources file must be a CSL-JSON array of items, not %s"),
                           pn_json_describe_type (items));
      return;
    }

  array = json_node_get_array (items);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *path = NULL;
      PnSource *source;

      if (i >= PN_PACK_MAX_SOURCES)
        {
          pn_json_file_report (json, loader->diagnostics, PN_SEVERITY_ERROR, item,
                               _("a course pack lists at most %d sources; this one and the ones "
                                 "after it were left out"), PN_PACK_MAX_SOURCES);
          break;
        }
      path = pn_json_path_element ("", i);
      source = pn_source_parse (json, item, path, loader->diagnostics);

      if (source != NULL)
        add_source (loader, json, item, source);
    }
}

/* Quizzes */

static GHashTable *
document_id_set (PnPack *pack)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < pack->documents->len; i++)
    g_hash_table_add (ids, (gpointer) pn_document_get_id (g_ptr_array_index (pack->documents, i)));

  return ids;
}

static gboolean
is_gift_file (const char *name)
{
  return g_str_has_suffix (name, ".gift") || g_str_has_suffix (name, ".GIFT");
}

/* FALSE (reported) when the quiz file @name would take the quiz files read
 * past PN_PACK_MAX_QUIZ_SIZE in all: it is not read. Its size is asked
 * before it is read; a path that cannot be resolved is reported when read. */
static gboolean
fits_quiz_budget (Loader     *loader,
                  JsonNode   *node,
                  const char *name)
{
  g_autoptr(GFile) file = pn_pack_check_path (name) == PN_PATH_OK ? pn_pack_resolve (loader->pack, name) : NULL;
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return TRUE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return TRUE;

  loader->quiz_bytes += MIN ((guint64) g_file_info_get_size (info), (guint64) PN_PACK_MAX_FILE_SIZE + 1);
  if (loader->quiz_bytes <= PN_PACK_MAX_QUIZ_SIZE)
    return TRUE;

  report (loader, node, PN_SEVERITY_ERROR,
          _("%s: the quiz files of a course pack may hold %d MB in all; this one goes past it and was "
            "left out"), name, PN_PACK_MAX_QUIZ_SIZE / (1024 * 1024));
  return FALSE;
}

/* Reads the quiz file named at @node (JSON, or GIFT for a name ending in
 * .gift) into @quiz (NULL when its content could not be used). FALSE when the
 * file itself could not be read. */
static gboolean
read_quiz_file (Loader      *loader,
                JsonNode    *node,
                const char  *path,
                GHashTable  *document_ids,
                PnQuiz     **quiz)
{
  g_autoptr(PnJsonFile) json = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *data = NULL;
  PnDiagnostic *problem = NULL;
  const char *name;
  gsize length = 0;

  *quiz = NULL;
  if (!pn_json_file_check_type (loader->json, loader->diagnostics, node, path, PN_JSON_STRING))
    return FALSE;

  name = json_node_get_string (node);
  if (!fits_quiz_budget (loader, node, name))
    return FALSE;
  if (!is_gift_file (name))
    {
      json = load_pack_json_file (loader, node, path);
      if (json == NULL)
        return FALSE;
      *quiz = pn_quiz_parse (json, document_ids, loader->diagnostics);
      return TRUE;
    }

  file = resolve_manifest_path (loader, node, path, name);
  if (file == NULL)
    return FALSE;
  data = pn_file_read_text (file, name, PN_PACK_MAX_FILE_SIZE, &length, &problem);
  if (data == NULL)
    {
      add_file_problem (loader, node, name, problem);
      return FALSE;
    }
  *quiz = pn_gift_parse (data, length, name, NULL, document_ids, loader->diagnostics);

  return TRUE;
}

static void
add_quiz (Loader   *loader,
          JsonNode *node,
          PnQuiz   *quiz)
{
  PnQuiz *first = pn_pack_get_quiz (loader->pack, pn_quiz_get_id (quiz));

  if (first != NULL)
    {
      report (loader, node, PN_SEVERITY_ERROR,
              _("%s: the quiz id '%s' is already that of %s; this quiz was left out"),
              pn_quiz_get_file (quiz), pn_quiz_get_id (quiz), pn_quiz_get_file (first));
      g_object_unref (quiz);
      return;
    }

  g_ptr_array_add (loader->pack->quizzes, quiz);
}

/* Terms and definitions are shown as plain text (popover, glossary page,
 * flashcards): in a French pack, with the text's apostrophes and spacing. */
static void
typeset_glossary (PnGlossary *glossary,
                  const char *language)
{
  GPtrArray *entries = pn_glossary_get_entries (glossary);

  if (!pn_text_is_french (language))
    return;

  for (guint i = 0; i < entries->len; i++)
    {
      PnGlossaryEntry *entry = g_ptr_array_index (entries, i);
      char *spaced;

      typeset_in (&entry->term, language);
      typeset_in (&entry->definition, language);
      spaced = pn_text_french_spacing (entry->definition);
      g_free (entry->definition);
      entry->definition = spaced;
    }
}

static void
parse_reserved_files (Loader   *loader,
                      JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *glossary = json_object_get_member (object, "glossary");
  JsonNode *quizzes = json_object_get_member (object, "quizzes");
  g_autoptr(GStrvBuilder) quiz_files = g_strv_builder_new ();

  g_clear_pointer (&loader->pack->quiz_files, g_strfreev);
  g_ptr_array_set_size (loader->pack->quizzes, 0);
  if (glossary != NULL)
    {
      g_autoptr(PnJsonFile) json = load_pack_json_file (loader, glossary, "glossary");

      if (json != NULL)
        {
          /* After the sources: an entry's source ids are checked against them. */
          loader->pack->glossary_file = g_strdup (json_node_get_string (glossary));
          g_clear_object (&loader->pack->glossary);
          loader->pack->glossary = pn_glossary_parse (json, loader->pack->source_index,
                                                      loader->diagnostics);
          if (loader->pack->glossary != NULL)
            {
              typeset_glossary (loader->pack->glossary, loader->pack->language);
              /* Rendered as the entry page will: its links checked like a document's. */
              pn_render_check_explanations (loader->pack, loader->diagnostics);
            }
        }
    }

  if (quizzes != NULL &&
      pn_json_file_check_type (loader->json, loader->diagnostics, quizzes, "quizzes", PN_JSON_ARRAY))
    {
      JsonArray *array = json_node_get_array (quizzes);
      g_autoptr(GHashTable) document_ids = document_id_set (loader->pack);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *path = NULL;
          PnQuiz *quiz;

          if (!pn_json_file_check_count (loader->json, loader->diagnostics, quizzes, "quizzes", i,
                                         PN_PACK_MAX_QUIZZES))
            break;

          path = pn_json_path_element ("quizzes", i);
          if (!read_quiz_file (loader, element, path, document_ids, &quiz))
            continue;

          g_strv_builder_add (quiz_files, json_node_get_string (element));
          if (quiz != NULL)
            add_quiz (loader, element, quiz);
        }
    }

  loader->pack->quiz_files = g_strv_builder_end (quiz_files);
}

/* The manifest */

/* FALSE when the format is not one this version reads: nothing else can be trusted. */
static gboolean
check_format (Loader   *loader,
              JsonNode *root)
{
  JsonNode *node = pn_json_file_get_member (loader->json, loader->diagnostics, root,
                                            "", "format", TRUE);
  gint64 format;

  if (node == NULL ||
      !pn_json_file_check_type (loader->json, loader->diagnostics, node, "format", PN_JSON_INTEGER))
    return TRUE;

  format = json_node_get_int (node);
  if (format == PN_PACK_FORMAT_VERSION)
    return TRUE;

  {
    /* The number goes in as text: xgettext cannot read a format macro. */
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, format);

    report (loader, node, PN_SEVERITY_ERROR,
            _("format %s is not supported; this version of the app reads format %d"),
            number, PN_PACK_FORMAT_VERSION);
  }
  mark_fatal (loader);

  return FALSE;
}

static void
parse_id (Loader   *loader,
          JsonNode *root)
{
  g_autofree char *id = pn_json_file_dup_string (loader->json, loader->diagnostics,
                                                 root, "", "id", TRUE);

  if (id == NULL)
    {
      mark_fatal (loader);
      return;
    }

  if (!matches (PACK_ID_PATTERN, id))
    {
      report (loader, json_object_get_member (json_node_get_object (root), "id"),
              PN_SEVERITY_ERROR,
              _("id: '%s' is not a valid pack id (1 to 64 lowercase letters, digits, '.', '_' "
                "and '-', starting with a letter or digit)"), id);
      mark_fatal (loader);
      return;
    }

  loader->pack->id = g_steal_pointer (&id);
}

static void
parse_license (Loader   *loader,
               JsonNode *root)
{
  JsonNode *node = pn_json_file_get_member (loader->json, loader->diagnostics, root,
                                            "", "license", TRUE);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *suggestion = NULL;
      g_autofree char *hint = NULL;

      loader->pack->license = g_strdup (json_node_get_string (node));
      if (pn_license_is_spdx (loader->pack->license, &suggestion))
        return;
      hint = suggestion != NULL ? g_strdup_printf ("'%s'", suggestion)
                                : g_strdup (_("an identifier such as 'CC-BY-SA-4.0'"));
      report (loader, node, PN_SEVERITY_WARNING,
                _("license: '%s' is not an SPDX licence identifier; write %s (see "
                  "https://spdx.org/licenses/); a text in the public domain is "
                  "'LicenseRef-PublicDomain', your own work given to the public domain 'CC0-1.0'"),
                loader->pack->license, hint);
      return;
    }

  report (loader, node, PN_SEVERITY_ERROR, _("license must be a string or null, not %s"),
          pn_json_describe_type (node));
}

static void
parse_manifest (Loader   *loader,
                JsonNode *root)
{
  static const char * const keys[] = {
    "$schema", "format", "id", "version", "title", "language", "authors", "license",
    "description", "documents", "sources", "glossary", "quizzes", "checksums", "cover",
    "annotations", NULL
  };
  PnPack *pack = loader->pack;
  JsonNode *authors;
  JsonNode *checksums;
  JsonNode *node;

  if (!check_format (loader, root))
    return;

  pn_json_file_warn_unknown_keys (loader->json, loader->diagnostics, root, "", keys);

  parse_id (loader, root);
  pack->version = pn_json_file_dup_text (loader->json, loader->diagnostics, root, "", "version");
  pack->title = pn_json_file_dup_text (loader->json, loader->diagnostics, root, "", "title");
  pack->language = dup_language (loader, root, "", TRUE);

  authors = pn_json_file_get_member (loader->json, loader->diagnostics, root, "", "authors", TRUE);
  if (authors != NULL)
    {
      g_ptr_array_unref (pack->authors);
      pack->authors = pn_person_parse_list (loader->json, loader->diagnostics, authors, "authors");
    }

  parse_license (loader, root);
  pack->description = pn_json_file_dup_string (loader->json, loader->diagnostics,
                                               root, "", "description", TRUE);

  /* Fallbacks, so that the getters never return NULL (license aside). */
  if (pack->version == NULL)
    pack->version = g_strdup ("");
  if (pack->title == NULL)
    pack->title = g_strdup (pack->id != NULL ? pack->id : "");
  if (pack->language == NULL)
    pack->language = g_strdup ("und");
  if (pack->description == NULL)
    pack->description = g_strdup ("");
  typeset_in (&pack->title, pack->language);
  typeset_in (&pack->description, pack->language);

  checksums = json_object_get_member (json_node_get_object (root), "checksums");
  if (checksums != NULL)
    pack->checksums = pn_pack_checksums_parse (loader->json, checksums, loader->diagnostics);

  parse_documents (loader, root);
  parse_sources (loader, root);
  parse_reserved_files (loader, root);
  pn_manifest_check_cover (pack, loader->json, root, loader->diagnostics);
  /* The teacher's notes (pn-pack-annotations.c), their file read as a document's is. */
  if ((node = json_object_get_member (json_node_get_object (root), "annotations")) != NULL &&
      pn_json_file_check_type (loader->json, loader->diagnostics, node, "annotations", PN_JSON_STRING))
    pn_pack_read_teacher_notes (pack, loader->json, node, json_node_get_string (node),
                                read_document_text (loader, node, "annotations", json_node_get_string (node)),
                                loader->diagnostics);
}

/* Reading */

int
pn_manifest_read (PnPack     *pack,
                  PnJsonFile *json,
                  GPtrArray  *diagnostics)
{
  Loader loader = { 0 };

  g_return_val_if_fail (PN_IS_PACK (pack), -1);
  g_return_val_if_fail (json != NULL, -1);

  loader.pack = pack;
  loader.json = json;
  loader.diagnostics = diagnostics;
  loader.fatal_index = -1;

  if (!JSON_NODE_HOLDS_OBJECT (pn_json_file_get_root (json)))
    {
      report (&loader, pn_json_file_get_root (json), PN_SEVERITY_ERROR,
              _("the manifest must be a JSON object, not %s"),
              pn_json_describe_type (pn_json_file_get_root (json)));
      mark_fatal (&loader);
    }
  else
    {
      parse_manifest (&loader, pn_json_file_get_root (json));
    }

  return loader.fatal_index;
}
