/* pn-json-read.c: reading the values of a pack's JSON file as the loaders
 * expect them, each problem reported where the value was written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-json.h"

const char *
pn_json_describe_type (JsonNode *node)
{
  if (node == NULL)
    return _("nothing");

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    default:
      return _("a value");
    }
}

char *
pn_json_path_member (const char *path,
                     const char *key)
{
  if (path == NULL || path[0] == '\0')
    return g_strdup (key);

  return g_strdup_printf ("%s.%s", path, key);
}

char *
pn_json_path_element (const char *path,
                      guint       index)
{
  return g_strdup_printf ("%s[%u]", path != NULL ? path : "", index);
}

static gboolean
holds_kind (JsonNode   *node,
            PnJsonKind  kind)
{
  GType type;

  switch (kind)
    {
    case PN_JSON_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case PN_JSON_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case PN_JSON_STRING:
    case PN_JSON_INTEGER:
    case PN_JSON_NUMBER:
    case PN_JSON_BOOLEAN:
    default:
      break;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  switch (kind)
    {
    case PN_JSON_STRING:
      return type == G_TYPE_STRING;
    case PN_JSON_INTEGER:
      return type == G_TYPE_INT64;
    case PN_JSON_NUMBER:
      return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
    case PN_JSON_BOOLEAN:
      return type == G_TYPE_BOOLEAN;
    case PN_JSON_OBJECT:
    case PN_JSON_ARRAY:
    default:
      return FALSE;
    }
}

static const char *
describe_kind (PnJsonKind kind)
{
  switch (kind)
    {
    case PN_JSON_OBJECT:
      return _("an object");
    case PN_JSON_ARRAY:
      return _("an array");
    case PN_JSON_STRING:
      return _("a string");
    case PN_JSON_INTEGER:
      return _("an integer");
    case PN_JSON_NUMBER:
      return _("a number");
    case PN_JSON_BOOLEAN:
    default:
      return _("a boolean");
    }
}

gboolean
pn_json_file_check_type (PnJsonFile *self,
                         GPtrArray  *diagnostics,
                         JsonNode   *node,
                         const char *path,
                         PnJsonKind  kind)
{
  if (node != NULL && holds_kind (node, kind))
    return TRUE;

  /* Translators: e.g. "documents[0].id must be a string, not a number" */
  pn_json_file_report (self, diagnostics, PN_SEVERITY_ERROR, node, _("%s must be %s, not %s"),
                       path, describe_kind (kind), pn_json_describe_type (node));

  return FALSE;
}

JsonNode *
pn_json_file_get_member (PnJsonFile *self,
                         GPtrArray  *diagnostics,
                         JsonNode   *object,
                         const char *path,
                         const char *key,
                         gboolean    required)
{
  JsonNode *member;

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (object), NULL);

  member = json_object_get_member (json_node_get_object (object), key);
  if (member == NULL && required)
    {
      if (path == NULL || path[0] == '\0')
        pn_json_file_report (self, diagnostics, PN_SEVERITY_ERROR, object,
                             _("missing required key '%s'"), key);
      else
        /* Translators: e.g. "missing required key 'id' in documents[0]" */
        pn_json_file_report (self, diagnostics, PN_SEVERITY_ERROR, object,
                             _("missing required key '%s' in %s"), key, path);
    }

  return member;
}

char *
pn_json_file_dup_string (PnJsonFile *self,
                         GPtrArray  *diagnostics,
                         JsonNode   *object,
                         const char *path,
                         const char *key,
                         gboolean    required)
{
  JsonNode *member = pn_json_file_get_member (self, diagnostics, object, path, key, required);
  g_autofree char *member_path = NULL;

  if (member == NULL)
    return NULL;

  member_path = pn_json_path_member (path, key);
  if (!pn_json_file_check_type (self, diagnostics, member, member_path, PN_JSON_STRING))
    return NULL;

  return g_strdup (json_node_get_string (member));
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

char *
pn_json_file_dup_text (PnJsonFile *self,
                       GPtrArray  *diagnostics,
                       JsonNode   *object,
                       const char *path,
                       const char *key)
{
  g_autofree char *value = pn_json_file_dup_string (self, diagnostics, object, path, key, TRUE);
  g_autofree char *member_path = NULL;

  if (value == NULL || !is_blank (value))
    return g_steal_pointer (&value);

  member_path = pn_json_path_member (path, key);
  pn_json_file_report (self, diagnostics, PN_SEVERITY_ERROR,
                       json_object_get_member (json_node_get_object (object), key),
                       _("%s must not be empty"), member_path);

  return NULL;
}

gboolean
pn_json_file_check_count (PnJsonFile *self,
                          GPtrArray  *diagnostics,
                          JsonNode   *array,
                          const char *path,
                          guint       index,
                          guint       max)
{
  g_autofree char *number = NULL;

  if (max == 0 || index < max)
    return TRUE;

  /* The number goes in as text: xgettext cannot read the callers' macros. */
  number = g_strdup_printf ("%u", max);
  pn_json_file_report (self, diagnostics, PN_SEVERITY_ERROR,
                       json_array_get_element (json_node_get_array (array), index),
                       _("%s holds more than %s entries; this one and the ones after it were left out"),
                       path, number);

  return FALSE;
}

GStrv
pn_json_file_dup_string_array (PnJsonFile *self,
                               GPtrArray  *diagnostics,
                               JsonNode   *node,
                               const char *path,
                               guint       max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!pn_json_file_check_type (self, diagnostics, node, path, PN_JSON_ARRAY))
    return g_strv_builder_end (builder);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = NULL;

      if (!pn_json_file_check_count (self, diagnostics, node, path, i, max))
        break;

      element_path = pn_json_path_element (path, i);
      if (pn_json_file_check_type (self, diagnostics, element, element_path, PN_JSON_STRING))
        g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

void
pn_json_file_warn_unknown_keys (PnJsonFile         *self,
                                GPtrArray          *diagnostics,
                                JsonNode           *object,
                                const char         *path,
                                const char * const *known)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  g_return_if_fail (JSON_NODE_HOLDS_OBJECT (object));

  json_object_iter_init_ordered (&iter, json_node_get_object (object));
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      g_autofree char *member_path = NULL;

      if (g_strv_contains (known, key))
        continue;

      member_path = pn_json_path_member (path, key);
      pn_json_file_report (self, diagnostics, PN_SEVERITY_WARNING, member,
                           _("unknown key '%s' (ignored)"), member_path);
    }
}
