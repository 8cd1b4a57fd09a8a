/* pn-works-cited.c: the list of works a document cites, for its printed copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pn-text.h"
#include "pn-works-cited.h"

GPtrArray *
pn_works_cited_collect (PnPack             *pack,
                        const char * const *cited_ids)
{
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *works = g_ptr_array_new ();
  GPtrArray *sources;

  g_return_val_if_fail (PN_IS_PACK (pack), works);

  for (guint i = 0; cited_ids != NULL && cited_ids[i] != NULL && i < PN_WORKS_CITED_MAX_IDS; i++)
    g_hash_table_add (cited, (gpointer) cited_ids[i]);

  sources = pn_pack_get_sources (pack);
  for (guint i = 0; sources != NULL && i < sources->len && g_hash_table_size (cited) > 0; i++)
    {
      const PnSource *source = g_ptr_array_index (sources, i);

      if (source->id != NULL && g_hash_table_remove (cited, source->id))
        g_ptr_array_add (works, (gpointer) source);
    }

  return works;
}

const char *
pn_works_cited_heading (const char *language)
{
  if (language != NULL && pn_text_is_french (language))
    return "Œuvres citées";

  return "Works Cited";
}

/* A reference's markup (only <i> and escaped text) as runs of plain text. */
typedef struct {
  GString *text;
  gboolean italic;
} Run;

static void
run_free (Run *run)
{
  g_string_free (run->text, TRUE);
  g_free (run);
}

typedef struct {
  GPtrArray *runs;   /* of Run */
  guint italic;      /* depth of <i> */
} Splitter;

static void
splitter_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              data,
                GError              **error)
{
  Splitter *splitter = data;

  if (strcmp (element, "i") == 0)
    splitter->italic++;
}

static void
splitter_end (GMarkupParseContext  *context,
              const char           *element,
              gpointer              data,
              GError              **error)
{
  Splitter *splitter = data;

  if (strcmp (element, "i") == 0 && splitter->italic > 0)
    splitter->italic--;
}

static void
splitter_text (GMarkupParseContext  *context,
               const char           *text,
               gsize                 length,
               gpointer              data,
               GError              **error)
{
  Splitter *splitter = data;
  gboolean italic = splitter->italic > 0;
  Run *last = splitter->runs->len > 0 ? g_ptr_array_index (splitter->runs, splitter->runs->len - 1) : NULL;

  if (length == 0)
    return;

  if (last == NULL || last->italic != italic)
    {
      last = g_new0 (Run, 1);
      last->text = g_string_new (NULL);
      last->italic = italic;
      g_ptr_array_add (splitter->runs, last);
    }
  g_string_append_len (last->text, text, length);
}

static const GMarkupParser splitter_parser = {
  .start_element = splitter_start,
  .end_element = splitter_end,
  .text = splitter_text,
};

static GPtrArray *
split_reference (const PnSource *source,
                 const char     *language)
{
  g_autofree char *markup = pn_source_format_reference (source, language, PN_SOURCE_FORMAT_DEFAULT);
  g_autofree char *wrapped = g_strconcat ("<r>", markup, "</r>", NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  Splitter splitter = { g_ptr_array_new_with_free_func ((GDestroyNotify) run_free), 0 };
  const char *fallback;

  context = g_markup_parse_context_new (&splitter_parser, 0, &splitter, NULL);
  if (g_markup_parse_context_parse (context, wrapped, -1, NULL) &&
      g_markup_parse_context_end_parse (context, NULL) && splitter.runs->len > 0)
    return splitter.runs;

  /* Never expected, the reference being built from escaped text: then the
   * entry reads as the work's title, or its id, not half a reference. */
  fallback = source->title != NULL ? source->title : source->id;
  g_ptr_array_set_size (splitter.runs, 0);
  splitter.italic = 0;
  splitter_text (NULL, fallback, strlen (fallback), &splitter, NULL);

  return splitter.runs;
}

char *
pn_works_cited_to_json (GPtrArray  *sources,
                        const char *heading,
                        const char *language)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (sources != NULL, NULL);
  g_return_val_if_fail (heading != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "heading");
  json_builder_add_string_value (builder, heading);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sources->len; i++)
    {
      const PnSource *source = g_ptr_array_index (sources, i);
      g_autoptr(GPtrArray) runs = split_reference (source, language);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, source->id);
      json_builder_set_member_name (builder, "runs");
      json_builder_begin_array (builder);
      for (guint j = 0; j < runs->len; j++)
        {
          const Run *run = g_ptr_array_index (runs, j);

          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, run->text->str);
          json_builder_add_boolean_value (builder, run->italic);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}
