/* pn-person.c: a person named in a pack: an author, with affiliations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-pack-private.h"

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

static PnPerson *
parse_person (PnJsonFile *json,
              GPtrArray  *diagnostics,
              JsonNode   *node,
              const char *path)
{
  static const char * const keys[] = { "name", "email", "affiliations", NULL };
  g_autofree char *name = NULL;
  PnPerson *person;
  JsonNode *affiliations;

  if (!pn_json_file_check_type (json, diagnostics, node, path, PN_JSON_OBJECT))
    return NULL;

  pn_json_file_warn_unknown_keys (json, diagnostics, node, path, keys);

  name = pn_json_file_dup_text (json, diagnostics, node, path, "name");
  if (name == NULL)
    return NULL;

  person = g_new0 (PnPerson, 1);
  person->name = g_steal_pointer (&name);
  person->email = pn_json_file_dup_string (json, diagnostics,
                                           node, path, "email", FALSE);

  affiliations = json_object_get_member (json_node_get_object (node), "affiliations");
  if (affiliations != NULL)
    {
      g_autofree char *affiliations_path = pn_json_path_member (path, "affiliations");

      person->affiliations = pn_json_file_dup_string_array (json, diagnostics,
                                                            affiliations, affiliations_path,
                                                            PN_PACK_MAX_AFFILIATIONS);
    }
  else
    {
      person->affiliations = g_new0 (char *, 1);
    }

  return person;
}

GPtrArray *
pn_person_parse_list (PnJsonFile *json,
                      GPtrArray  *diagnostics,
                      JsonNode   *node,
                      const char *path)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_person_free);
  JsonArray *array;

  if (!pn_json_file_check_type (json, diagnostics, node, path, PN_JSON_ARRAY))
    return people;

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    pn_json_file_report (json, diagnostics, PN_SEVERITY_ERROR, node,
                         _("%s must name at least one author"), path);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = NULL;
      PnPerson *person;

      if (!pn_json_file_check_count (json, diagnostics, node, path, i,
                                     PN_PACK_MAX_AUTHORS))
        break;

      element_path = pn_json_path_element (path, i);
      person = parse_person (json, diagnostics, json_array_get_element (array, i), element_path);

      if (person != NULL)
        g_ptr_array_add (people, person);
    }

  return people;
}
