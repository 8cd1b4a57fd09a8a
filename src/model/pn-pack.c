/* pn-pack.c: a course pack (format 1): manifest, documents, sources
 *
 * The loader trusts nothing in the pack. Every key and type is checked, each
 * problem becomes a diagnostic naming the file, line and column, and whatever
 * could be read is kept so that the app can show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "pn-file.h"
#include "pn-pack-private.h"

#define MANIFEST_NAME "pack.json"
#define PACK_ID_PATTERN "^[a-z0-9][a-z0-9._-]{0,63}$"
#define DOCUMENT_ID_PATTERN "^[a-z0-9][a-z0-9_-]*$"
#define LANGUAGE_PATTERN "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"

G_DEFINE_QUARK (pn-pack-error-quark, pn_pack_error)

struct _PnDocument {
  GObject parent_instance;

  char *id;
  char *title;
  char *file;
  char *language;
  GPtrArray *authors;
  char *markdown;
  char *problem;     /* why the file could not be read, "pack.json:15:64: …" */
};

G_DEFINE_FINAL_TYPE (PnDocument, pn_document, G_TYPE_OBJECT)

struct _PnPack {
  GObject parent_instance;

  GFile *root;
  char *root_path;          /* canonical, symbolic links resolved */
  char *id;
  char *version;
  char *title;
  char *language;
  char *license;
  char *description;
  GPtrArray *authors;       /* of PnPerson */
  GPtrArray *documents;     /* of PnDocument */
  GPtrArray *sources;       /* of PnSource */
  GHashTable *source_index; /* id -> PnSource, borrowed from sources */
  char *glossary_file;
  GStrv quiz_files;
};

G_DEFINE_FINAL_TYPE (PnPack, pn_pack, G_TYPE_OBJECT)

typedef struct {
  PnPack *pack;
  PnJsonFile *json;
  GPtrArray *diagnostics;
  int fatal_index;          /* index in diagnostics of the problem that stops loading, or -1 */
  gsize text_bytes;         /* documents read so far */
} Loader;

/* People */

void
pn_person_free (PnPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person->email);
  g_strfreev (person->affiliations);
  g_free (person);
}

/* Paths */

static gboolean
path_is_inside (const char *path,
                const char *root)
{
  gsize root_length = strlen (root);

  if (!g_str_has_prefix (path, root))
    return FALSE;

  return path[root_length] == '\0' || path[root_length] == '/' ||
         (root_length > 0 && root[root_length - 1] == '/');
}

typedef enum {
  PATH_OK,
  PATH_EMPTY,
  PATH_ABSOLUTE,
  PATH_BACKSLASH,
  PATH_PARENT,
} PathProblem;

static PathProblem
check_relative_path (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || path[0] == '\0')
    return PATH_EMPTY;
  if (path[0] == '/' || (g_ascii_isalpha (path[0]) && path[1] == ':'))
    return PATH_ABSOLUTE;
  if (strchr (path, '\\') != NULL)
    return PATH_BACKSLASH;

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        return PATH_PARENT;
    }

  return PATH_OK;
}

/* The canonical path of @file or, when it does not exist, of its deepest
 * existing ancestor. */
static char *
canonical_existing_path (GFile *file)
{
  g_autoptr(GFile) current = g_object_ref (file);

  while (current != NULL)
    {
      const char *path = g_file_peek_path (current);
      char *real = path != NULL ? realpath (path, NULL) : NULL;
      GFile *parent;

      if (real != NULL)
        {
          char *result = g_strdup (real);

          free (real);
          return result;
        }

      parent = g_file_get_parent (current);
      g_object_unref (current);
      current = parent;
    }

  return NULL;
}

GFile *
pn_pack_resolve (PnPack     *self,
                 const char *relative_path)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *canonical = NULL;
  char *real;

  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  if (check_relative_path (relative_path) != PATH_OK)
    return NULL;

  file = g_file_resolve_relative_path (self->root, relative_path);
  canonical = canonical_existing_path (file);
  if (canonical == NULL || !path_is_inside (canonical, self->root_path))
    return NULL;

  /* Hand out the resolved path when the file exists, so that the file read is
   * the one that was checked. */
  real = realpath (g_file_peek_path (file), NULL);
  if (real != NULL)
    {
      GFile *resolved = g_file_new_for_path (real);

      free (real);
      return resolved;
    }

  return g_steal_pointer (&file);
}

/* Checks a path written in the manifest at @node; reports and returns NULL
 * when it is not a relative path inside the pack. */
static GFile *
resolve_manifest_path (Loader     *loader,
                       JsonNode   *node,
                       const char *path,
                       const char *value)
{
  GFile *file;

  switch (check_relative_path (value))
    {
    case PATH_EMPTY:
      pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s: the path is empty"), path);
      return NULL;
    case PATH_ABSOLUTE:
      pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s: '%s' is an absolute path; paths are relative to the pack folder"),
                           path, value);
      return NULL;
    case PATH_BACKSLASH:
      pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s: '%s' contains a backslash; separate folders with '/'"),
                           path, value);
      return NULL;
    case PATH_PARENT:
      pn_json_file_report (loader->json, loader->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s: '%s' leads outside the pack folder ('..' is not allowed)"),
                           path, value);
      return NULL;
    case PATH_OK:
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
  return value != NULL && g_regex_match_simple (pattern, value, 0, 0);
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

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* A required string that must not be empty. */
static char *
dup_text (Loader     *loader,
          JsonNode   *object,
          const char *path,
          const char *key)
{
  g_autofree char *value = pn_json_file_dup_string (loader->json, loader->diagnostics,
                                                    object, path, key, TRUE);
  g_autofree char *member_path = NULL;

  if (value == NULL || !is_blank (value))
    return g_steal_pointer (&value);

  member_path = pn_json_path_member (path, key);
  report (loader, json_object_get_member (json_node_get_object (object), key),
          PN_SEVERITY_ERROR, _("%s must not be empty"), member_path);

  return NULL;
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

static PnPerson *
parse_person (Loader     *loader,
              JsonNode   *node,
              const char *path)
{
  static const char * const keys[] = { "name", "email", "affiliations", NULL };
  g_autofree char *name = NULL;
  PnPerson *person;
  JsonNode *affiliations;

  if (!pn_json_file_check_type (loader->json, loader->diagnostics, node, path, PN_JSON_OBJECT))
    return NULL;

  pn_json_file_warn_unknown_keys (loader->json, loader->diagnostics, node, path, keys);

  name = dup_text (loader, node, path, "name");
  if (name == NULL)
    return NULL;

  person = g_new0 (PnPerson, 1);
  person->name = g_steal_pointer (&name);
  person->email = pn_json_file_dup_string (loader->json, loader->diagnostics,
                                           node, path, "email", FALSE);

  affiliations = json_object_get_member (json_node_get_object (node), "affiliations");
  if (affiliations != NULL)
    {
      g_autofree char *affiliations_path = pn_json_path_member (path, "affiliations");

      person->affiliations = pn_json_file_dup_string_array (loader->json, loader->diagnostics,
                                                            affiliations, affiliations_path,
                                                            PN_PACK_MAX_AFFILIATIONS);
    }
  else
    {
      person->affiliations = g_new0 (char *, 1);
    }

  return person;
}

static GPtrArray *
parse_people (Loader     *loader,
              JsonNode   *node,
              const char *path)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_person_free);
  JsonArray *array;

  if (!pn_json_file_check_type (loader->json, loader->diagnostics, node, path, PN_JSON_ARRAY))
    return people;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    report (loader, node, PN_SEVERITY_ERROR, _("%s must name at least one author"), path);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = NULL;
      PnPerson *person;

      if (!pn_json_file_check_count (loader->json, loader->diagnostics, node, path, i,
                                     PN_PACK_MAX_AUTHORS))
        break;

      element_path = pn_json_path_element (path, i);
      person = parse_person (loader, json_array_get_element (array, i), element_path);

      if (person != NULL)
        g_ptr_array_add (people, person);
    }

  return people;
}

/* Documents */

static void
pn_document_finalize (GObject *object)
{
  PnDocument *self = PN_DOCUMENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->file);
  g_free (self->language);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_free (self->markdown);
  g_free (self->problem);

  G_OBJECT_CLASS (pn_document_parent_class)->finalize (object);
}

static void
pn_document_class_init (PnDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_document_finalize;
}

static void
pn_document_init (PnDocument *self)
{
}

const char *
pn_document_get_id (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->id;
}

const char *
pn_document_get_title (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
pn_document_get_file (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
pn_document_get_language (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->language;
}

GPtrArray *
pn_document_get_authors (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->authors;
}

const char *
pn_document_get_markdown (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->markdown;
}

const char *
pn_document_get_problem (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->problem;
}

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

  document->title = dup_text (loader, node, path, "title");
  if (document->title == NULL)
    document->title = g_strdup (document->id);

  document->language = dup_language (loader, node, path, FALSE);
  if (document->language == NULL)
    document->language = g_strdup (loader->pack->language);

  authors = json_object_get_member (json_node_get_object (node), "authors");
  if (authors != NULL)
    {
      g_autofree char *authors_path = pn_json_path_member (path, "authors");

      document->authors = parse_people (loader, authors, authors_path);
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

static void
parse_reserved_files (Loader   *loader,
                      JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  JsonNode *glossary = json_object_get_member (object, "glossary");
  JsonNode *quizzes = json_object_get_member (object, "quizzes");
  g_autoptr(GStrvBuilder) quiz_files = g_strv_builder_new ();

  g_clear_pointer (&loader->pack->quiz_files, g_strfreev);
  if (glossary != NULL)
    {
      g_autoptr(PnJsonFile) json = load_pack_json_file (loader, glossary, "glossary");

      if (json != NULL)
        loader->pack->glossary_file = g_strdup (json_node_get_string (glossary));
    }

  if (quizzes != NULL &&
      pn_json_file_check_type (loader->json, loader->diagnostics, quizzes, "quizzes", PN_JSON_ARRAY))
    {
      JsonArray *array = json_node_get_array (quizzes);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *path = NULL;
          g_autoptr(PnJsonFile) json = NULL;

          if (!pn_json_file_check_count (loader->json, loader->diagnostics, quizzes, "quizzes", i,
                                         PN_PACK_MAX_QUIZZES))
            break;

          path = pn_json_path_element ("quizzes", i);
          json = load_pack_json_file (loader, element, path);

          if (json != NULL)
            g_strv_builder_add (quiz_files, json_node_get_string (element));
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
      loader->pack->license = g_strdup (json_node_get_string (node));
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
    "description", "documents", "sources", "glossary", "quizzes", NULL
  };
  PnPack *pack = loader->pack;
  JsonNode *authors;

  if (!check_format (loader, root))
    return;

  pn_json_file_warn_unknown_keys (loader->json, loader->diagnostics, root, "", keys);

  parse_id (loader, root);
  pack->version = dup_text (loader, root, "", "version");
  pack->title = dup_text (loader, root, "", "title");
  pack->language = dup_language (loader, root, "", TRUE);

  authors = pn_json_file_get_member (loader->json, loader->diagnostics, root, "", "authors", TRUE);
  if (authors != NULL)
    {
      g_ptr_array_unref (pack->authors);
      pack->authors = parse_people (loader, authors, "authors");
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

  parse_documents (loader, root);
  parse_sources (loader, root);
  parse_reserved_files (loader, root);
}

/* Loading */

static gboolean
locate (GFile   *location,
        GFile  **root,
        GFile  **manifest,
        GError **error)
{
  GFileType type;

  if (g_file_peek_path (location) == NULL)
    {
      g_autofree char *uri = g_file_get_uri (location);

      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_NOT_FOUND,
                   _("%s: course packs must be local folders"), uri);
      return FALSE;
    }

  type = g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL);
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      *root = g_object_ref (location);
      *manifest = g_file_get_child (location, MANIFEST_NAME);
    }
  else if (type == G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_NOT_FOUND,
                   _("%s: no such file or folder"), g_file_peek_path (location));
      return FALSE;
    }
  else
    {
      *root = g_file_get_parent (location);
      *manifest = g_object_ref (location);
    }

  if (g_file_query_file_type (*manifest, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_NOT_FOUND,
                   _("%s: file not found; a course pack is a folder holding a pack.json manifest"),
                   g_file_peek_path (*manifest));
      g_clear_object (root);
      g_clear_object (manifest);
      return FALSE;
    }

  return TRUE;
}

static void
set_error_from_diagnostic (GError             **error,
                           PnPackError          code,
                           const PnDiagnostic  *diagnostic)
{
  g_autofree char *message = pn_diagnostic_to_string (diagnostic);

  g_set_error_literal (error, PN_PACK_ERROR, code, message);
}

/* A manifest that cannot be read or parsed stops loading: @error says why. */
static PnJsonFile *
load_manifest (GFile       *manifest,
               const char  *name,
               GPtrArray   *diagnostics,
               GError     **error)
{
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  PnDiagnostic *problem = NULL;
  PnJsonFile *json;

  json = pn_json_file_load (manifest, name, PN_PACK_MAX_FILE_SIZE, problems, &problem);
  if (problem != NULL)
    {
      set_error_from_diagnostic (error, PN_PACK_ERROR_UNREADABLE, problem);
      pn_diagnostic_free (problem);
      return NULL;
    }
  if (json == NULL)
    {
      set_error_from_diagnostic (error, PN_PACK_ERROR_INVALID,
                                 g_ptr_array_index (problems, problems->len - 1));
      return NULL;
    }

  for (guint i = 0; i < problems->len; i++)
    pn_diagnostics_add (diagnostics, g_steal_pointer (&problems->pdata[i]));

  return json;
}

PnPack *
pn_pack_load (GFile      *location,
              GPtrArray  *diagnostics,
              GError    **error)
{
  g_autoptr(PnPack) self = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) manifest = NULL;
  g_autoptr(PnJsonFile) json = NULL;
  g_autoptr(GPtrArray) found = pn_diagnostics_new ();
  g_autofree char *root_path = NULL;
  g_autofree char *manifest_name = NULL;
  Loader loader = { 0 };
  char *real;

  g_return_val_if_fail (G_IS_FILE (location), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!locate (location, &root, &manifest, error))
    return NULL;

  real = realpath (g_file_peek_path (root), NULL);
  if (real == NULL)
    {
      g_set_error (error, PN_PACK_ERROR, PN_PACK_ERROR_NOT_FOUND,
                   _("%s: the folder cannot be opened"), g_file_peek_path (root));
      return NULL;
    }
  root_path = g_strdup (real);
  free (real);

  manifest_name = g_file_get_basename (manifest);
  json = load_manifest (manifest, manifest_name, found, error);
  if (json == NULL)
    return NULL;

  self = g_object_new (PN_TYPE_PACK, NULL);
  self->root = g_object_ref (root);
  self->root_path = g_steal_pointer (&root_path);

  loader.pack = self;
  loader.json = json;
  loader.diagnostics = found;
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

  if (loader.fatal_index >= 0)
    {
      g_autoptr(PnDiagnostic) fatal = g_ptr_array_steal_index (found, (guint) loader.fatal_index);

      set_error_from_diagnostic (error, PN_PACK_ERROR_INVALID, fatal);
    }

  for (guint i = 0; i < found->len; i++)
    pn_diagnostics_add (diagnostics, g_steal_pointer (&found->pdata[i]));

  if (loader.fatal_index >= 0)
    return NULL;

  return g_steal_pointer (&self);
}

/* The pack */

static void
pn_pack_finalize (GObject *object)
{
  PnPack *self = PN_PACK (object);

  g_clear_object (&self->root);
  g_free (self->root_path);
  g_free (self->id);
  g_free (self->version);
  g_free (self->title);
  g_free (self->language);
  g_free (self->license);
  g_free (self->description);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->source_index, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_free (self->glossary_file);
  g_strfreev (self->quiz_files);

  G_OBJECT_CLASS (pn_pack_parent_class)->finalize (object);
}

static void
pn_pack_class_init (PnPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_pack_finalize;
}

static void
pn_pack_init (PnPack *self)
{
  self->authors = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_person_free);
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_source_free);
  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->quiz_files = g_new0 (char *, 1);
}

GFile *
pn_pack_get_root (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->root;
}

const char *
pn_pack_get_id (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->id;
}

const char *
pn_pack_get_version (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->version;
}

const char *
pn_pack_get_title (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->title;
}

const char *
pn_pack_get_language (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->language;
}

const char *
pn_pack_get_license (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->license;
}

const char *
pn_pack_get_description (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->description;
}

GPtrArray *
pn_pack_get_authors (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->authors;
}

GPtrArray *
pn_pack_get_documents (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->documents;
}

PnDocument *
pn_pack_get_document (PnPack     *self,
                      const char *id)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->documents, i);

      if (g_str_equal (document->id, id))
        return document;
    }

  return NULL;
}

GPtrArray *
pn_pack_get_sources (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->sources;
}

const PnSource *
pn_pack_get_source (PnPack     *self,
                    const char *id)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->source_index, id);
}

const char *
pn_pack_get_glossary_file (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return self->glossary_file;
}

const char * const *
pn_pack_get_quiz_files (PnPack *self)
{
  g_return_val_if_fail (PN_IS_PACK (self), NULL);
  return (const char * const *) self->quiz_files;
}
