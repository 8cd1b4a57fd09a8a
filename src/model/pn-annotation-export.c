/* pn-annotation-export.c: the student's annotations as Markdown (to hand in)
 * and as W3C Web Annotation JSON-LD (for other tools, and back in)
 *
 * The JSON-LD is an AnnotationCollection (http://www.w3.org/ns/anno.jsonld)
 * whose first page, embedded ("first": an AnnotationPage), has the
 * Annotations as its "items": the note a TextualBody (text/markdown,
 * purpose "commenting"), each tag a TextualBody with purpose "tagging", the
 * target the document's prisonnum://pack/PACK/doc/DOC address with a
 * TextQuoteSelector and a TextPositionSelector (code points in the
 * document's plain text), and a styleClass "pn-hl-COLOUR". What the model
 * has no term for is in our own terms, prefixed "pn:" (see PN_ANNOTATION_NS):
 * pn:kind, pn:color, pn:pack, pn:document, pn:contentHash, pn:detached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pn-annotation-export.h"
#include "pn-annotation-private.h"
#include "pn-pack-uri.h"
#include "pn-quiz-export.h"
#include "pn-text.h"

/* Markdown */

typedef struct {
  const char *heading;        /* "Notes: %s" */
  const char *date;
  const char *date_format;
  const char *document_note;
  const char *bookmark;
  const char *tags;
  const char *color;
  const char *reference;      /* "%s, %s, characters %s to %s" */
  const char *detached;
  const char *colon;
  const char *colors[PN_ANNOTATION_N_COLORS];
} Labels;

static const Labels english = {
  "Notes: %s", "Date", "%Y-%m-%d", "Note on the whole document", "Bookmark", "Tags", "Colour",
  "%s, “%s”, characters %s to %s",
  "(detached: this passage is no longer found in the text)", ":",
  { "yellow", "green", "blue", "pink", "orange", "purple", "underline" },
};

static const Labels french = {
  "Notes\u00a0: %s", "Date", "%d/%m/%Y", "Note sur tout le document", "Signet", "Étiquettes", "Couleur",
  "%s, «\u00a0%s\u00a0», caractères %s à %s",
  "(détachée\u00a0: ce passage ne se trouve plus dans le texte)", "\u00a0:",
  { "jaune", "vert", "bleu", "rose", "orange", "violet", "souligné" },
};

static const Labels *
labels_for (PnPack *pack)
{
  const char *language = pack != NULL ? pn_pack_get_language (pack) : g_get_language_names ()[0];

  return pn_text_is_french (language) ? &french : &english;
}

/* The student's text as a block quote, each line of it escaped. */
static void
append_quote (GString    *out,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = pn_quiz_export_escape (lines[i]);

      if (*line == '\0')
        continue;
      g_string_append_printf (out, "%s> %s\n", any ? ">\n" : "", line);
      any = TRUE;
    }
  if (any)
    g_string_append_c (out, '\n');
}

static const char *
document_title (PnPack     *pack,
                const char *pack_id,
                const char *document_id)
{
  PnDocument *document;

  if (pack == NULL || g_strcmp0 (pn_pack_get_id (pack), pack_id) != 0)
    return document_id;

  document = pn_pack_get_document (pack, document_id);

  return document != NULL ? pn_document_get_title (document) : document_id;
}

/* The documents' order: the pack's reading order, then the others by id. */
static int
document_rank (PnPack             *pack,
               const PnAnnotation *annotation)
{
  GPtrArray *documents;

  if (pack == NULL || g_strcmp0 (pn_pack_get_id (pack), annotation->pack_id) != 0)
    return G_MAXINT;

  documents = pn_pack_get_documents (pack);
  for (guint i = 0; i < documents->len; i++)
    if (g_strcmp0 (pn_document_get_id (documents->pdata[i]), annotation->document_id) == 0)
      return (int) i;

  return G_MAXINT;
}

typedef struct {
  const PnAnnotation *annotation;
  int rank;
  guint index;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;
  int order;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if ((order = g_strcmp0 (x->annotation->pack_id, y->annotation->pack_id)) != 0 ||
      (order = g_strcmp0 (x->annotation->document_id, y->annotation->document_id)) != 0)
    return order;

  /* As given (the store's order: by position) within a document. */
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
append_annotation (GString            *out,
                   const Labels       *labels,
                   PnPack             *pack,
                   const PnAnnotation *annotation)
{
  const char *pack_title = pack != NULL && g_strcmp0 (pn_pack_get_id (pack), annotation->pack_id) == 0
                           ? pn_pack_get_title (pack) : annotation->pack_id;

  if (annotation->kind == PN_ANNOTATION_DOCUMENT_NOTE)
    g_string_append_printf (out, "### %s\n\n", labels->document_note);
  else if (annotation->kind == PN_ANNOTATION_BOOKMARK)
    g_string_append_printf (out, "### %s\n\n", labels->bookmark);

  if (annotation->kind != PN_ANNOTATION_DOCUMENT_NOTE)
    append_quote (out, annotation->selectors.exact);

  if (annotation->note != NULL && annotation->note[0] != '\0')
    {
      /* The student's own Markdown, as written. */
      g_string_append (out, annotation->note);
      g_string_append (out, annotation->note[strlen (annotation->note) - 1] == '\n' ? "\n" : "\n\n");
    }

  if (annotation->tags != NULL && annotation->tags[0] != NULL)
    {
      g_string_append_printf (out, "- %s%s ", labels->tags, labels->colon);
      for (guint i = 0; annotation->tags[i] != NULL; i++)
        {
          g_autofree char *tag = pn_quiz_export_escape (annotation->tags[i]);

          g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", tag);
        }
      g_string_append_c (out, '\n');
    }

  if (annotation->kind == PN_ANNOTATION_HIGHLIGHT)
    g_string_append_printf (out, "- %s%s %s\n", labels->color, labels->colon,
                            labels->colors[CLAMP ((int) annotation->color, 0, PN_ANNOTATION_N_COLORS - 1)]);

  if (annotation->kind != PN_ANNOTATION_DOCUMENT_NOTE)
    {
      g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, annotation->selectors.start + 1);
      g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, annotation->selectors.end);
      g_autofree char *reference = g_strdup_printf (labels->reference, pack_title,
                                                    document_title (pack, annotation->pack_id,
                                                                    annotation->document_id),
                                                    first, last);
      g_autofree char *escaped = pn_quiz_export_escape (reference);

      g_string_append_printf (out, "- %s\n", escaped);
      if (annotation->detached)
        g_string_append_printf (out, "- %s\n", labels->detached);
    }

  g_string_append_c (out, '\n');
}

char *
pn_annotations_to_markdown (GPtrArray  *annotations,
                            PnPack     *pack,
                            GDateTime  *now)
{
  const Labels *labels = labels_for (pack);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GDateTime) local_now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (local_now, labels->date_format);
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  GString *out = g_string_new (NULL);
  const Entry *previous = NULL;

  g_return_val_if_fail (annotations != NULL, NULL);

  heading = g_strdup_printf (labels->heading, pack != NULL ? pn_pack_get_title (pack) : "");
  title = pn_quiz_export_escape (g_strstrip (heading));
  g_string_append_printf (out, "# %s\n\n%s%s %s\n\n", title, labels->date, labels->colon, date);

  for (guint i = 0; i < annotations->len; i++)
    {
      Entry entry = { annotations->pdata[i], document_rank (pack, annotations->pdata[i]), i };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      const PnAnnotation *annotation = entry->annotation;

      if (previous == NULL || g_strcmp0 (previous->annotation->pack_id, annotation->pack_id) != 0 ||
          g_strcmp0 (previous->annotation->document_id, annotation->document_id) != 0)
        {
          const char *title = document_title (pack, annotation->pack_id, annotation->document_id);
          /* Documents of other packs (several packs exported at once) say which. */
          g_autofree char *heading = pack == NULL || g_strcmp0 (pn_pack_get_id (pack), annotation->pack_id) != 0
                                     ? g_strdup_printf ("%s (%s)", title, annotation->pack_id)
                                     : g_strdup (title);
          g_autofree char *document = pn_quiz_export_escape (heading);

          g_string_append_printf (out, "## %s\n\n", document);
        }
      append_annotation (out, labels, pack, annotation);
      previous = entry;
    }

  return g_string_free (out, FALSE);
}

/* W3C JSON-LD */

static char *
format_time (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (CLAMP (seconds, 0, (gint64) 253402300799));

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_textual_body (JsonBuilder *builder,
                  const char  *value,
                  const char  *format,
                  const char  *purpose)
{
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextualBody");
  add_string (builder, "value", value);
  if (format != NULL)
    add_string (builder, "format", format);
  add_string (builder, "purpose", purpose);
  json_builder_end_object (builder);
}

static void
add_target (JsonBuilder        *builder,
            const PnAnnotation *annotation)
{
  g_autofree char *source = pn_pack_uri_for_document (annotation->pack_id, annotation->document_id, NULL);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_string (builder, "source", source);
  if (annotation->kind != PN_ANNOTATION_DOCUMENT_NOTE)
    {
      json_builder_set_member_name (builder, "selector");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "type", "TextQuoteSelector");
      add_string (builder, "exact", annotation->selectors.exact);
      add_string (builder, "prefix", annotation->selectors.prefix);
      add_string (builder, "suffix", annotation->selectors.suffix);
      json_builder_end_object (builder);
      json_builder_begin_object (builder);
      add_string (builder, "type", "TextPositionSelector");
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, annotation->selectors.start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, annotation->selectors.end);
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  if (annotation->kind == PN_ANNOTATION_HIGHLIGHT)
    {
      g_autofree char *style = g_strconcat ("pn-hl-", pn_annotation_color_to_string (annotation->color), NULL);

      add_string (builder, "styleClass", style);
    }
  json_builder_end_object (builder);
}

static const char *
motivation_for (PnAnnotationKind kind,
                const char      *note)
{
  if (kind == PN_ANNOTATION_BOOKMARK)
    return "bookmarking";
  if (kind == PN_ANNOTATION_DOCUMENT_NOTE || (note != NULL && note[0] != '\0'))
    return "commenting";

  return "highlighting";
}

static void
add_annotation (JsonBuilder        *builder,
                const PnAnnotation *annotation)
{
  g_autofree char *created = format_time (annotation->created_at);
  g_autofree char *modified = format_time (annotation->updated_at);

  json_builder_begin_object (builder);
  add_string (builder, "id", annotation->id);
  add_string (builder, "type", "Annotation");
  add_string (builder, "motivation", motivation_for (annotation->kind, annotation->note));
  add_string (builder, "created", created);
  add_string (builder, "modified", modified);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  if (annotation->note != NULL && annotation->note[0] != '\0')
    add_textual_body (builder, annotation->note, "text/markdown", "commenting");
  for (guint i = 0; annotation->tags != NULL && annotation->tags[i] != NULL; i++)
    add_textual_body (builder, annotation->tags[i], NULL, "tagging");
  json_builder_end_array (builder);

  add_target (builder, annotation);

  add_string (builder, "pn:kind", pn_annotation_kind_to_string (annotation->kind));
  add_string (builder, "pn:color", pn_annotation_color_to_string (annotation->color));
  add_string (builder, "pn:pack", annotation->pack_id);
  add_string (builder, "pn:document", annotation->document_id);
  if (annotation->content_hash != NULL)
    add_string (builder, "pn:contentHash", annotation->content_hash);
  json_builder_set_member_name (builder, "pn:detached");
  json_builder_add_boolean_value (builder, annotation->detached);
  json_builder_end_object (builder);
}

char *
pn_annotations_to_w3c (GPtrArray *annotations,
                       PnPack    *pack)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (annotations != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, PN_ANNOTATION_W3C_CONTEXT);
  json_builder_begin_object (builder);
  add_string (builder, "pn", PN_ANNOTATION_NS);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  add_string (builder, "type", "AnnotationCollection");
  if (pack != NULL)
    {
      g_autofree char *label = g_strdup_printf (labels_for (pack)->heading, pn_pack_get_title (pack));

      add_string (builder, "label", label);
      add_string (builder, "pn:pack", pn_pack_get_id (pack));
    }
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, annotations->len);

  /* The whole collection on its first page, embedded. */
  json_builder_set_member_name (builder, "first");
  json_builder_begin_object (builder);
  add_string (builder, "type", "AnnotationPage");
  json_builder_set_member_name (builder, "startIndex");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < annotations->len; i++)
    add_annotation (builder, annotations->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}
