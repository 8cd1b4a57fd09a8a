/* pn-source.c: the works a pack cites, read from CSL-JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "pn-pack-private.h"
#include "pn-text.h"

/* U+202F NARROW NO-BREAK SPACE, inside French quotation marks */
#define NNBSP "\xe2\x80\xaf"

void
pn_source_free (PnSource *source)
{
  if (source == NULL)
    return;

  g_free (source->id);
  g_free (source->type);
  g_free (source->title);
  g_strfreev (source->authors);
  g_free (source->container_title);
  g_free (source->publisher);
  g_free (source->publisher_place);
  g_free (source->issued);
  g_free (source->url);
  g_free (source->abstract);
  g_free (source->note);
  g_free (source->language);
  g_strfreev (source->unconfirmed);
  g_free (source);
}

gboolean
pn_source_is_unconfirmed (const PnSource *source,
                          const char     *field)
{
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return g_strv_contains ((const char * const *) source->unconfirmed, field);
}

/* Parsing */

typedef struct {
  PnJsonFile *json;
  GPtrArray *diagnostics;
  JsonNode *item;
  const char *path;
} Item;

static char *
item_string (Item       *item,
             const char *key)
{
  return pn_json_file_dup_string (item->json, item->diagnostics, item->item, item->path, key, FALSE);
}

static JsonNode *
item_member (Item       *item,
             const char *key)
{
  return json_object_get_member (json_node_get_object (item->item), key);
}

static char *
name_part (JsonObject *name,
           const char *key)
{
  JsonNode *node = json_object_get_member (name, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strstrip (g_strdup (json_node_get_string (node)));
}

/* "Evgeny Morozov" from {"family": "Morozov", "given": "Evgeny"}, or the literal name. */
static char *
parse_name (Item       *item,
            JsonNode   *node,
            const char *path)
{
  g_autofree char *literal = NULL;
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *particle = NULL;
  g_autofree char *suffix = NULL;
  g_autoptr(GString) name = NULL;
  JsonObject *object;

  if (!pn_json_file_check_type (item->json, item->diagnostics, node, path, PN_JSON_OBJECT))
    return NULL;

  object = json_node_get_object (node);
  literal = name_part (object, "literal");
  if (literal != NULL && literal[0] != '\0')
    return g_steal_pointer (&literal);

  family = name_part (object, "family");
  if (family == NULL || family[0] == '\0')
    {
      pn_json_file_report (item->json, item->diagnostics, PN_SEVERITY_ERROR, node,
                           _("%s needs a string 'family' (with 'given') or 'literal'"), path);
      return NULL;
    }

  given = name_part (object, "given");
  particle = name_part (object, "non-dropping-particle");
  suffix = name_part (object, "suffix");

  name = g_string_new (NULL);
  if (given != NULL && given[0] != '\0')
    g_string_append_printf (name, "%s ", given);
  if (particle != NULL && particle[0] != '\0')
    g_string_append_printf (name, "%s ", particle);
  g_string_append (name, family);
  if (suffix != NULL && suffix[0] != '\0')
    g_string_append_printf (name, ", %s", suffix);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static GStrv
parse_authors (Item *item)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *path = pn_json_path_member (item->path, "author");
  JsonNode *node = item_member (item, "author");
  JsonArray *array;

  if (node == NULL ||
      !pn_json_file_check_type (item->json, item->diagnostics, node, path, PN_JSON_ARRAY))
    return g_strv_builder_end (builder);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = pn_json_path_element (path, i);
      g_autofree char *name = parse_name (item, json_array_get_element (array, i), element_path);

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/* A date part: a number, or a string of digits as some exports write it. */
static gboolean
date_part (JsonNode *node,
           gint64   *value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_string_to_signed (json_node_get_string (node), 10, -9999, 9999, value, NULL);

  return FALSE;
}

/* [[2025, 10, 3]] -> "2025-10-03" */
static char *
parse_date_parts (Item       *item,
                  JsonNode   *node,
                  const char *path)
{
  static const gint64 limits[] = { 9999, 12, 31 };
  g_autoptr(GString) date = g_string_new (NULL);
  JsonArray *parts;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0 ||
      !JSON_NODE_HOLDS_ARRAY (json_array_get_element (json_node_get_array (node), 0)))
    goto invalid;

  parts = json_array_get_array_element (json_node_get_array (node), 0);
  if (json_array_get_length (parts) < 1 || json_array_get_length (parts) > 3)
    goto invalid;

  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      gint64 value = 0;

      if (!date_part (json_array_get_element (parts, i), &value) || value < (i == 0 ? -9999 : 1) ||
          value > limits[i])
        goto invalid;

      if (i == 0)
        g_string_append_printf (date, "%04" G_GINT64_FORMAT, value);
      else
        g_string_append_printf (date, "-%02" G_GINT64_FORMAT, value);
    }

  return g_string_free (g_steal_pointer (&date), FALSE);

invalid:
  pn_json_file_report (item->json, item->diagnostics, PN_SEVERITY_ERROR, node,
                       _("%s must be a list of one [year, month, day] list, such as [[2025, 10, 3]]"),
                       path);
  return NULL;
}

static char *
parse_issued (Item *item)
{
  g_autofree char *path = pn_json_path_member (item->path, "issued");
  JsonNode *node = item_member (item, "issued");
  JsonNode *member;
  JsonObject *object;

  if (node == NULL ||
      !pn_json_file_check_type (item->json, item->diagnostics, node, path, PN_JSON_OBJECT))
    return NULL;

  object = json_node_get_object (node);
  if ((member = json_object_get_member (object, "date-parts")) != NULL)
    {
      g_autofree char *parts_path = pn_json_path_member (path, "date-parts");

      return parse_date_parts (item, member, parts_path);
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "literal" : "raw";

      if ((member = json_object_get_member (object, key)) != NULL)
        return pn_json_file_dup_string (item->json, item->diagnostics, node, path, key, FALSE);
    }

  pn_json_file_report (item->json, item->diagnostics, PN_SEVERITY_ERROR, node,
                       _("%s needs 'date-parts', 'literal' or 'raw'"), path);
  return NULL;
}

static char *
parse_url (Item *item)
{
  g_autofree char *url = item_string (item, "URL");
  const char *scheme;

  if (url == NULL)
    return NULL;

  scheme = g_uri_peek_scheme (url);
  if (scheme != NULL && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https")) &&
      strpbrk (url, " \t\r\n\"<>") == NULL)
    return g_steal_pointer (&url);

  pn_json_file_report (item->json, item->diagnostics, PN_SEVERITY_WARNING, item_member (item, "URL"),
                       _("%s.URL: '%s' is not an http or https address; it was left out"),
                       item->path, url);
  return NULL;
}

static GStrv
parse_unconfirmed (Item *item)
{
  g_autofree char *custom_path = pn_json_path_member (item->path, "custom");
  g_autofree char *path = pn_json_path_member (custom_path, "unconfirmed");
  JsonNode *custom = item_member (item, "custom");
  JsonNode *node;

  if (custom == NULL ||
      !pn_json_file_check_type (item->json, item->diagnostics, custom, custom_path, PN_JSON_OBJECT))
    return g_new0 (char *, 1);

  node = json_object_get_member (json_node_get_object (custom), "unconfirmed");
  if (node == NULL)
    return g_new0 (char *, 1);

  return pn_json_file_dup_string_array (item->json, item->diagnostics, node, path, 0);
}

static gboolean
is_linkable_id (const char *id)
{
  if (id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || strchr ("()<>[]\"'`", (int) c) != NULL)
        return FALSE;
    }

  return TRUE;
}

PnSource *
pn_source_parse (PnJsonFile *json,
                 JsonNode   *node,
                 const char *path,
                 GPtrArray  *diagnostics)
{
  Item item = { json, diagnostics, node, path };
  g_autofree char *id = NULL;
  PnSource *source;

  if (!pn_json_file_check_type (json, diagnostics, node, path, PN_JSON_OBJECT))
    return NULL;

  id = pn_json_file_dup_string (json, diagnostics, node, path, "id", TRUE);
  if (id == NULL)
    return NULL;

  if (!is_linkable_id (id))
    {
      pn_json_file_report (json, diagnostics, PN_SEVERITY_ERROR, item_member (&item, "id"),
                           _("%s.id: '%s' cannot be used in a source: link (no spaces, "
                             "quotes or brackets)"), path, id);
      return NULL;
    }

  source = g_new0 (PnSource, 1);
  source->id = g_steal_pointer (&id);
  source->line = pn_json_file_get_line (json, node);
  source->type = item_string (&item, "type");
  source->title = item_string (&item, "title");
  source->authors = parse_authors (&item);
  source->container_title = item_string (&item, "container-title");
  source->publisher = item_string (&item, "publisher");
  source->publisher_place = item_string (&item, "publisher-place");
  source->issued = parse_issued (&item);
  source->url = parse_url (&item);
  source->abstract = item_string (&item, "abstract");
  source->note = item_string (&item, "note");
  source->language = item_string (&item, "language");
  source->unconfirmed = parse_unconfirmed (&item);

  return source;
}

/* Formatting */

static const char * const french_months[] = {
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
  "août", "septembre", "octobre", "novembre", "décembre",
};

static const char * const english_months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/* "2025-10-03" as "3 octobre 2025" (fr), "3 October 2025" (en), else as is. */
static char *
format_date (const char *issued,
             const char *language)
{
  const char * const *months = NULL;
  int year = 0, month = 0, day = 0;
  int parts;

  if (pn_text_is_french (language))
    months = french_months;
  else if (pn_text_language_is (language, "en"))
    months = english_months;

  if (months == NULL || !g_regex_match_simple ("^-?\\d{4}(-\\d{2}(-\\d{2})?)?$", issued, 0, 0))
    return g_strdup (issued);

  parts = sscanf (issued, "%d-%d-%d", &year, &month, &day);
  if (parts < 2 || month < 1 || month > 12)
    return g_strdup_printf ("%d", year);
  if (parts < 3)
    return g_strdup_printf ("%s %d", months[month - 1], year);
  if (day == 1 && months == french_months)
    return g_strdup_printf ("1er %s %d", months[month - 1], year);

  return g_strdup_printf ("%d %s %d", day, months[month - 1], year);
}

static gboolean
is_part_of_container (const char *type)
{
  static const char * const types[] = {
    "article", "article-journal", "article-magazine", "article-newspaper", "chapter",
    "entry", "entry-dictionary", "entry-encyclopedia", "paper-conference", "post",
    "post-weblog", "review", "review-book", "webpage", NULL
  };

  return type != NULL && g_strv_contains (types, type);
}

/* The words for what is unknown, in the language of the text around the reference. */
typedef struct {
  const char *author;
  const char *title;
  const char *publication;
  const char *publisher;
  const char *date;
  const char *url;
} UnknownWords;

static const UnknownWords french_unknown = {
  "auteur inconnu", "titre inconnu", "publication inconnue", "éditeur inconnu",
  "date inconnue", "Adresse web inconnue",
};

static const UnknownWords english_unknown = {
  "author unknown", "title unknown", "publication unknown", "publisher unknown",
  "date unknown", "URL unknown",
};

static UnknownWords
unknown_words_for (const char *language)
{
  if (pn_text_is_french (language))
    return french_unknown;
  if (pn_text_language_is (language, "en"))
    return english_unknown;

  return (UnknownWords) {
    _("author unknown"), _("title unknown"), _("publication unknown"), _("publisher unknown"),
    _("date unknown"), _("URL unknown"),
  };
}

static void
add_escaped (GPtrArray  *parts,
             const char *before,
             const char *text,
             const char *after)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_ptr_array_add (parts, g_strconcat (before, escaped, after, NULL));
}

static void
add_title (GPtrArray      *parts,
           const PnSource *source,
           const char     *unknown)
{
  gboolean french = pn_text_is_french (source->language);

  if (source->title == NULL || pn_source_is_unconfirmed (source, "title"))
    add_escaped (parts, "", unknown, "");
  else if (!is_part_of_container (source->type))
    add_escaped (parts, "<i>", source->title, "</i>");
  else if (french)
    add_escaped (parts, "«" NNBSP, source->title, NNBSP "»");
  else
    add_escaped (parts, "“", source->title, "”");
}

static void
add_field (GPtrArray      *parts,
           const PnSource *source,
           const char     *field,
           const char     *value,
           const char     *unknown,
           gboolean        italic)
{
  if (pn_source_is_unconfirmed (source, field))
    add_escaped (parts, "", unknown, "");
  else if (value != NULL && value[0] != '\0')
    add_escaped (parts, italic ? "<i>" : "", value, italic ? "</i>" : "");
}

char *
pn_source_format_markup (const PnSource *source)
{
  return pn_source_format_reference (source, NULL, PN_SOURCE_FORMAT_DEFAULT);
}

char *
pn_source_format_reference (const PnSource     *source,
                            const char         *language,
                            PnSourceFormatFlags flags)
{
  UnknownWords unknown = unknown_words_for (language);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) markup = NULL;
  g_autofree char *authors = NULL;
  g_autofree char *date = NULL;
  g_autofree char *publisher = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  authors = g_strjoinv (", ", source->authors);
  add_field (parts, source, "author", authors, unknown.author, FALSE);
  add_title (parts, source, unknown.title);

  if (is_part_of_container (source->type))
    add_field (parts, source, "container-title", source->container_title,
               unknown.publication, TRUE);

  if (source->publisher_place != NULL && source->publisher != NULL &&
      !pn_source_is_unconfirmed (source, "publisher-place"))
    publisher = g_strdup_printf ("%s, %s", source->publisher_place, source->publisher);
  else
    publisher = g_strdup (source->publisher);
  add_field (parts, source, "publisher", publisher,
             unknown.publisher, FALSE);

  if (source->issued != NULL)
    date = format_date (source->issued, source->language);
  add_field (parts, source, "issued", date, unknown.date, FALSE);

  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (", ", (char **) parts->pdata);
  markup = g_string_new (joined);
  if (!g_str_has_suffix (markup->str, "."))
    g_string_append_c (markup, '.');

  if (pn_source_is_unconfirmed (source, "URL"))
    g_string_append_printf (markup, " %s.", unknown.url);
  else if (source->url != NULL && !(flags & PN_SOURCE_FORMAT_NO_URL))
    {
      g_autofree char *url = g_markup_escape_text (source->url, -1);

      g_string_append_printf (markup, " %s", url);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}
