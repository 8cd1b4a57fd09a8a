/* pn-annotation-import.c: W3C Web Annotation JSON back into annotations
 *
 * The file is untrusted (handed over by a classmate, made by another tool):
 * its size, its number of annotations and each text are bounded
 * (pn-annotation-private.h), the JSON is scanned before json-glib parses it
 * (pn-json-scan.h), and each annotation that cannot be read is left out
 * with a message naming the file and the line where it starts. What is read
 * is what pn-annotation-export.c writes, and what the model allows around it:
 * a collection with its first page embedded or with "items" of its own, a
 * page, one annotation or an array of them; a target as an address or an
 * object with selectors; bodies as one or an array, "bodyValue".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "pn-annotation-export.h"
#include "pn-annotation-private.h"
#include "pn-json.h"
#include "pn-pack-uri.h"

/* Values json-glib is given at most: an annotation as written holds about 30. */
#define MAX_VALUES (PN_ANNOTATION_MAX_ITEMS * 40u)
/* Context kept: longer prefixes and suffixes are cut to this many bytes. */
#define MAX_CONTEXT 1024
#define MAX_HASH    256

typedef struct {
  PnJsonFile *file;
  GPtrArray *problems;
  gint64 now;
  GArray *places;      /* of PnAnnotationPlace: where each annotation read starts, or NULL */
} Reader;

static JsonObject *
as_object (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* TRUE when @node is the string @value or an array holding it ("type" and
 * "purpose" may be either). */
static gboolean
names (JsonNode   *node,
       const char *value)
{
  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (node), value) == 0;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 16; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
              g_strcmp0 (json_node_get_string (element), value) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
has_type (JsonObject *object,
          const char *type)
{
  return object != NULL && (names (json_object_get_member (object, "type"), type) ||
                            names (json_object_get_member (object, "@type"), type));
}

/* The elements of @node when it is an array, else @node alone. */
static GPtrArray *
one_or_many (JsonNode *node)
{
  GPtrArray *nodes = g_ptr_array_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (nodes, json_array_get_element (array, i));
    }
  else if (node != NULL)
    {
      g_ptr_array_add (nodes, node);
    }

  return nodes;
}

/* A "urn:uuid:" id: the one given when it is one, else one made from the
 * given id (the same each time, so that importing a file twice finds its
 * notes by their ids), else a new one. */
static char *
make_id (const char *given)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[20];
  gsize length = sizeof digest;

  if (given == NULL || given[0] == '\0')
    return NULL;

  if (g_str_has_prefix (given, "urn:uuid:") && g_uuid_string_is_valid (given + strlen ("urn:uuid:")))
    return g_ascii_strdown (given, -1);

  /* A name-based UUID (version 5 layout) of the foreign id. */
  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  g_checksum_update (checksum, (const guchar *) PN_ANNOTATION_NS, -1);
  g_checksum_update (checksum, (const guchar *) given, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6],
                          digest[7], digest[8], digest[9], digest[10], digest[11], digest[12], digest[13],
                          digest[14], digest[15]);
}

static gint64
read_time (JsonObject *object,
           const char *key,
           gint64      fallback)
{
  const char *text = get_string (object, key);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || strlen (text) > 64)
    return fallback;

  time = g_date_time_new_from_iso8601 (text, utc);

  return time != NULL ? g_date_time_to_unix (time) : fallback;
}

static gboolean
read_offset (JsonObject *object,
             const char *key,
             gint64     *offset)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *offset = json_node_get_int (node);

  return *offset >= 0 && *offset <= G_MAXINT32;
}

static char *
dup_capped (const char *text,
            gsize       max)
{
  gsize length;

  if (text == NULL)
    return NULL;

  length = strlen (text);
  if (length <= max)
    return g_strdup (text);

  /* Cut on a character boundary. */
  return g_utf8_make_valid (text, (gssize) max);
}

/* The target: its pack and document, its selectors, its style. FALSE
 * (reported) when it names no document of a pack or its quote is too long. */
static gboolean
read_target (Reader       *reader,
             JsonNode     *item,
             JsonObject   *annotation_object,
             PnAnnotation *annotation,
             gboolean     *has_quote,
             gboolean     *has_position,
             const char  **style)
{
  JsonNode *target = json_object_get_member (annotation_object, "target");
  g_autoptr(GPtrArray) targets = one_or_many (target);
  JsonObject *object = targets->len > 0 ? as_object (targets->pdata[0]) : NULL;
  const char *source = object != NULL ? get_string (object, "source") : NULL;
  const char *pack_id = get_string (annotation_object, "pn:pack");
  const char *document_id = get_string (annotation_object, "pn:document");
  g_autoptr(PnPackUri) uri = NULL;
  g_autoptr(GPtrArray) selectors = NULL;

  if (source == NULL && targets->len > 0 && JSON_NODE_HOLDS_VALUE (targets->pdata[0]) &&
      json_node_get_value_type (targets->pdata[0]) == G_TYPE_STRING)
    source = json_node_get_string (targets->pdata[0]);

  if (source != NULL && (uri = pn_pack_uri_parse (source, NULL)) != NULL && uri->route == PN_ROUTE_PACK_DOCUMENT)
    {
      pack_id = pack_id != NULL ? pack_id : uri->pack_id;
      document_id = document_id != NULL ? document_id : uri->id;
    }

  if (pack_id == NULL || document_id == NULL || pack_id[0] == '\0' || document_id[0] == '\0' ||
      strlen (pack_id) > PN_PACK_URI_MAX_ID || strlen (document_id) > PN_PACK_URI_MAX_ID)
    {
      pn_json_file_report (reader->file, reader->problems, PN_SEVERITY_WARNING, item,
                           _("an annotation whose target names no document of a pack (an address "
                             "prisonnum://pack/PACK/doc/DOCUMENT) was left out"));
      return FALSE;
    }
  g_free (annotation->pack_id);
  annotation->pack_id = g_strdup (pack_id);
  g_free (annotation->document_id);
  annotation->document_id = g_strdup (document_id);

  *style = object != NULL ? get_string (object, "styleClass") : NULL;
  selectors = one_or_many (object != NULL ? json_object_get_member (object, "selector") : NULL);
  for (guint i = 0; i < selectors->len && i < 16; i++)
    {
      JsonObject *selector = as_object (selectors->pdata[i]);

      if (has_type (selector, "TextQuoteSelector") && !*has_quote && get_string (selector, "exact") != NULL)
        {
          const char *exact = get_string (selector, "exact");

          if (strlen (exact) > PN_ANNOTATION_MAX_QUOTE)
            {
              pn_json_file_report (reader->file, reader->problems, PN_SEVERITY_WARNING, selectors->pdata[i],
                                   _("an annotation whose quote is longer than %d bytes was left out"),
                                   PN_ANNOTATION_MAX_QUOTE);
              return FALSE;
            }
          annotation->selectors.exact = g_strdup (exact);
          annotation->selectors.prefix = dup_capped (get_string (selector, "prefix"), MAX_CONTEXT);
          annotation->selectors.suffix = dup_capped (get_string (selector, "suffix"), MAX_CONTEXT);
          *has_quote = TRUE;
        }
      else if (has_type (selector, "TextPositionSelector") && !*has_position &&
               read_offset (selector, "start", &annotation->selectors.start) &&
               read_offset (selector, "end", &annotation->selectors.end) &&
               annotation->selectors.start <= annotation->selectors.end)
        {
          *has_position = TRUE;
        }
    }
  if (!*has_position)
    annotation->selectors.start = annotation->selectors.end = 0;

  return TRUE;
}

/* The note (the bodies that comment, one after the other) and the tags. */
static gboolean
read_bodies (Reader       *reader,
             JsonNode     *item,
             JsonObject   *annotation_object,
             PnAnnotation *annotation)
{
  g_autoptr(GPtrArray) bodies = one_or_many (json_object_get_member (annotation_object, "body"));
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GString) note = g_string_new (get_string (annotation_object, "bodyValue"));

  for (guint i = 0; i < bodies->len; i++)
    {
      JsonObject *body = as_object (bodies->pdata[i]);
      const char *value = get_string (body, "value");
      JsonNode *purpose = body != NULL ? json_object_get_member (body, "purpose") : NULL;

      if (value == NULL)
        continue;

      if (names (purpose, "tagging"))
        {
          if (strlen (value) > PN_ANNOTATION_MAX_TAG || tags->len >= PN_ANNOTATION_MAX_TAGS)
            {
              pn_json_file_report (reader->file, reader->problems, PN_SEVERITY_WARNING, bodies->pdata[i],
                                   _("an annotation with more than %d tags, or a tag longer than %d bytes, "
                                     "was left out"),
                                   PN_ANNOTATION_MAX_TAGS, PN_ANNOTATION_MAX_TAG);
              return FALSE;
            }
          g_ptr_array_add (tags, (gpointer) value);
          continue;
        }

      if (note->len > PN_ANNOTATION_MAX_NOTE)
        break;
      if (note->len > 0 && value[0] != '\0')
        g_string_append (note, "\n\n");
      g_string_append (note, value);
    }

  if (note->len > PN_ANNOTATION_MAX_NOTE)
    {
      pn_json_file_report (reader->file, reader->problems, PN_SEVERITY_WARNING, item,
                           _("an annotation whose note is longer than %d bytes was left out"),
                           PN_ANNOTATION_MAX_NOTE);
      return FALSE;
    }

  g_free (annotation->note);
  annotation->note = g_string_free (g_steal_pointer (&note), FALSE);
  g_ptr_array_add (tags, NULL);
  pn_annotation_set_tags (annotation, (const char * const *) tags->pdata);

  return TRUE;
}

/* From the model's terms: a bookmark, a passage (any selector), or else a
 * note on the whole document. */
static PnAnnotationKind
guess_kind (JsonObject *object,
            gboolean    has_selector)
{
  if (names (json_object_get_member (object, "motivation"), "bookmarking"))
    return PN_ANNOTATION_BOOKMARK;

  return has_selector ? PN_ANNOTATION_HIGHLIGHT : PN_ANNOTATION_DOCUMENT_NOTE;
}

static PnAnnotation *
read_item (Reader   *reader,
           JsonNode *item)
{
  JsonObject *object = as_object (item);
  g_autoptr(PnAnnotation) annotation = NULL;
  g_autofree char *id = NULL;
  const char *kind_name;
  const char *color_name;
  const char *style = NULL;
  const char *hash;
  JsonNode *detached;
  gboolean has_quote = FALSE;
  gboolean has_position = FALSE;

  if (object == NULL)
    {
      pn_json_file_report (reader->file, reader->problems, PN_SEVERITY_WARNING, item,
                           _("an annotation must be an object, not %s; it was left out"),
                           pn_json_describe_type (item));
      return NULL;
    }

  annotation = pn_annotation_new ("", "", PN_ANNOTATION_HIGHLIGHT);
  if ((id = make_id (get_string (object, "id"))) != NULL)
    {
      g_free (annotation->id);
      annotation->id = g_steal_pointer (&id);
    }

  if (!read_target (reader, item, object, annotation, &has_quote, &has_position, &style) ||
      !read_bodies (reader, item, object, annotation))
    return NULL;

  kind_name = get_string (object, "pn:kind");
  if (kind_name == NULL || !pn_annotation_kind_from_string (kind_name, &annotation->kind))
    annotation->kind = guess_kind (object, has_quote || has_position);
  if (annotation->kind == PN_ANNOTATION_DOCUMENT_NOTE)
    pn_text_selectors_clear (&annotation->selectors);
  else if (!has_quote)
    {
      pn_json_file_report (reader->file, reader->problems, PN_SEVERITY_WARNING, item,
                           _("a highlight or bookmark without its quote (a TextQuoteSelector) was left out"));
      return NULL;
    }

  color_name = get_string (object, "pn:color");
  if (color_name == NULL && style != NULL && g_str_has_prefix (style, "pn-hl-"))
    color_name = style + strlen ("pn-hl-");
  if (color_name == NULL || !pn_annotation_color_from_string (color_name, &annotation->color))
    annotation->color = PN_ANNOTATION_YELLOW;

  hash = get_string (object, "pn:contentHash");
  if (hash != NULL && strlen (hash) <= MAX_HASH)
    annotation->content_hash = g_strdup (hash);
  detached = json_object_get_member (object, "pn:detached");
  annotation->detached = detached != NULL && JSON_NODE_HOLDS_VALUE (detached) &&
                         json_node_get_value_type (detached) == G_TYPE_BOOLEAN &&
                         json_node_get_boolean (detached);

  annotation->created_at = read_time (object, "created", reader->now);
  annotation->updated_at = read_time (object, "modified", annotation->created_at);

  return g_steal_pointer (&annotation);
}

/* The array of annotations in the document, or NULL with @error set. */
static JsonNode *
find_items (Reader     *reader,
            JsonNode   *root,
            gboolean   *single,
            GError    **error)
{
  JsonObject *object = as_object (root);
  JsonNode *items;
  int line = pn_json_file_get_line (reader->file, root);

  *single = FALSE;
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    return root;

  if (has_type (object, "Annotation"))
    {
      *single = TRUE;
      return root;
    }

  items = object != NULL ? json_object_get_member (object, "items") : NULL;
  if (items == NULL && has_type (object, "AnnotationCollection"))
    {
      JsonNode *first = json_object_get_member (object, "first");

      if (first != NULL && !JSON_NODE_HOLDS_OBJECT (first))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s:%d: the annotations of this collection are on pages elsewhere; only a "
                         "collection whose first page is in the file can be read"),
                       pn_json_file_get_name (reader->file), pn_json_file_get_line (reader->file, first));
          return NULL;
        }
      items = first != NULL ? json_object_get_member (json_node_get_object (first), "items") : NULL;
    }

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_autofree char *where = line > 0 ? g_strdup_printf ("%s:%d", pn_json_file_get_name (reader->file), line)
                                        : g_strdup (pn_json_file_get_name (reader->file));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: "FILE:LINE: …" */
                   _("%s: this is not a W3C Web Annotation, nor a collection or an array of them"), where);
      return NULL;
    }

  return items;
}

static gboolean
check_text (const char  *data,
            gsize        length,
            const char  *name,
            GError     **error)
{
  const char *end = NULL;

  if (length > PN_ANNOTATION_MAX_FILE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s: the file is larger than %d MB; it was not read"), name,
                   PN_ANNOTATION_MAX_FILE / (1024 * 1024));
      return FALSE;
    }

  if (!g_utf8_validate (data, (gssize) length, &end) || memchr (data, '\0', length) != NULL)
    {
      const char *stop = end != NULL && end < data + length ? end : memchr (data, '\0', length);
      int line = 1;

      for (const char *p = data; stop != NULL && p < stop; p++)
        line += *p == '\n';
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s:%d: the file is not UTF-8 text; it was not read"), name, line);
      return FALSE;
    }

  return TRUE;
}

/* Keeps @annotation (read from @item), with its place when they are asked for. */
static void
add_read (Reader       *reader,
          GPtrArray    *annotations,
          JsonNode     *item,
          PnAnnotation *annotation)
{
  PnAnnotationPlace place = { 0, 0 };

  if (annotation == NULL)
    return;
  g_ptr_array_add (annotations, annotation);
  pn_json_file_get_position (reader->file, item, &place.line, &place.column);
  if (reader->places != NULL)
    g_array_append_val (reader->places, place);
}

GPtrArray *
pn_annotations_from_w3c (const char *data,
                         gssize      length,
                         const char *file,
                         GPtrArray  *problems,
                         GError    **error)
{
  return pn_annotations_from_w3c_located (data, length, file, problems, NULL, error);
}

GPtrArray *
pn_annotations_from_w3c_located (const char *data,
                                 gssize      length,
                                 const char *file,
                                 GPtrArray  *problems,
                                 GArray     *places,
                                 GError    **error)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  const char *name = file != NULL ? file : "annotations.json";
  Reader reader = { NULL, problems, g_get_real_time () / G_USEC_PER_SEC, places };
  JsonNode *items;
  gboolean single;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!check_text (data != NULL ? data : "", (gsize) length, name, error))
    return NULL;

  json = pn_json_file_load_data_full (data != NULL ? data : "", (gsize) length, name, MAX_VALUES, diagnostics);
  if (json == NULL || pn_json_file_get_root (json) == NULL)
    {
      const PnDiagnostic *first = NULL;
      g_autofree char *message = NULL;

      for (guint i = 0; i < diagnostics->len && first == NULL; i++)
        if (((PnDiagnostic *) diagnostics->pdata[i])->severity == PN_SEVERITY_ERROR)
          first = diagnostics->pdata[i];
      message = first != NULL ? pn_diagnostic_to_located_message (first)
                              : g_strdup_printf (_("%s: the file is empty"), name);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
      return NULL;
    }

  reader.file = json;
  items = find_items (&reader, pn_json_file_get_root (json), &single, error);
  if (items == NULL)
    return NULL;

  annotations = pn_annotations_new ();
  if (single)
    {
      add_read (&reader, annotations, items, read_item (&reader, items));
    }
  else
    {
      JsonArray *array = json_node_get_array (items);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!pn_json_file_check_count (json, problems, items, "items", i, PN_ANNOTATION_MAX_ITEMS))
            break;
          add_read (&reader, annotations, item, read_item (&reader, item));
        }
    }

  return g_steal_pointer (&annotations);
}
