/* fuzz-json.c: the JSON layer with positions (pn-json, pn-json-scan)
 *
 * Loads the input as a pack's JSON file, then asks the position of every value
 * and reads it as the loaders do: every position must lie inside the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-fuzz.h"
#include "pn-json.h"

typedef struct {
  PnJsonFile *json;
  GPtrArray *diagnostics;
  guint n_lines;
} Walk;

static void
walk (Walk       *w,
      JsonNode   *node,
      const char *path,
      guint       depth)
{
  int line = 0;
  int column = 0;

  pn_json_file_get_position (w->json, node, &line, &column);
  g_assert_cmpint (line, >=, 1);
  g_assert_cmpint (line, <=, (int) w->n_lines);
  g_assert_cmpint (column, >=, 0);
  g_assert_cmpuint (depth, <=, 64);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      static const char * const known[] = { "id", "title", NULL };
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      pn_json_file_warn_unknown_keys (w->json, w->diagnostics, node, path, known);
      g_free (pn_json_file_dup_string (w->json, w->diagnostics, node, path, "id", FALSE));
      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &key, &member))
        {
          g_autofree char *member_path = pn_json_path_member (path, key);

          g_assert_true (g_utf8_validate (key, -1, NULL));
          walk (w, member, member_path, depth + 1);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_auto(GStrv) strings = pn_json_file_dup_string_array (w->json, w->diagnostics, node, path, 10);

      g_assert_cmpuint (g_strv_length (strings), <=, 10);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element_path = pn_json_path_element (path, i);

          walk (w, json_array_get_element (array, i), element_path, depth + 1);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_assert_true (g_utf8_validate (json_node_get_string (node), -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *text = NULL;
  g_autoptr(PnJsonFile) json = pn_fuzz_load_json (data, size, "fuzz.json", diagnostics, &text);
  Walk w = { 0 };

  if (json == NULL)
    return 0;

  w.json = json;
  w.diagnostics = diagnostics;
  w.n_lines = 1;
  for (size_t i = 0; i < size; i++)
    w.n_lines += text[i] == '\n';
  walk (&w, pn_json_file_get_root (json), "", 0);

  return 0;
}
