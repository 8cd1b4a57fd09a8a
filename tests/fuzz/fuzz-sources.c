/* fuzz-sources.c: the sources file (CSL-JSON items, pn-source)
 *
 * Parses every item of the input as the pack loader does and formats each
 * source as the Sources page and the reader show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "pn-fuzz.h"
#include "pn-pack-private.h"

/* The markup may hold <i> and escaped text, nothing else. */
static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  g_assert_true (g_str_equal (element, "markup") || g_str_equal (element, "i"));
  g_assert_null (attribute_names[0]);
}

static void
check_source (const PnSource *source)
{
  static const GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  g_autofree char *markup = pn_source_format_markup (source);
  g_autofree char *document = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (source->id);
  g_assert_nonnull (source->authors);
  g_assert_nonnull (source->unconfirmed);
  g_assert_true (g_utf8_validate (markup, -1, NULL));
  g_markup_parse_context_parse (context, document, -1, &error);
  if (error == NULL)
    g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  if (source->url != NULL)
    {
      const char *scheme = g_uri_peek_scheme (source->url);

      g_assert_true (g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *text = NULL;
  g_autoptr(PnJsonFile) json = pn_fuzz_load_json (data, size, "sources.json", diagnostics, &text);
  JsonArray *items;

  if (json == NULL || !JSON_NODE_HOLDS_ARRAY (pn_json_file_get_root (json)))
    return 0;

  items = json_node_get_array (pn_json_file_get_root (json));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *path = pn_json_path_element ("", i);
      PnSource *source = pn_source_parse (json, json_array_get_element (items, i), path, diagnostics);

      if (source != NULL)
        check_source (source);
      pn_source_free (source);
    }
  pn_fuzz_check_diagnostics (diagnostics, FALSE);

  return 0;
}
