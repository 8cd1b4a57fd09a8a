/* pn-page-message.c: the messages the reader page sends to the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "pn-page-message.h"

G_DEFINE_QUARK (pn-page-message-error-quark, pn_page_message_error)

typedef gboolean (*Validator) (JsonObject *object, PnPageMessage *message, GError **error);

static gboolean
bad (GError **error, const char *member, const char *why)
{
  g_set_error (error, PN_PAGE_MESSAGE_ERROR, PN_PAGE_MESSAGE_ERROR_MALFORMED,
               "member “%s”: %s", member, why);
  return FALSE;
}

/* A string member of at most @max_chars characters. Absent or null: *out is
 * NULL, which is an error when @required. */
static gboolean
get_string (JsonObject *object, const char *name, gsize max_chars, gboolean required,
            char **out, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? bad (error, name, "missing") : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return bad (error, name, "not a string");
  value = json_node_get_string (node);
  if (!g_utf8_validate (value, -1, NULL))
    return bad (error, name, "not UTF-8");
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    return bad (error, name, "too long");
  *out = g_strdup (value);
  return TRUE;
}

static gboolean
get_number (JsonObject *object, const char *name, double *out, GError **error)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return bad (error, name, "missing or not a number");
  type = json_node_get_value_type (node);
  if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else
    return bad (error, name, "not a number");
  if (!isfinite (*out) || fabs (*out) >= 1e7)
    return bad (error, name, "out of range");
  return TRUE;
}

static gboolean
get_count (JsonObject *object, const char *name, guint *out, GError **error)
{
  double value;

  if (!get_number (object, name, &value, error))
    return FALSE;
  if (value < 0 || value != floor (value))
    return bad (error, name, "not a count");
  *out = (guint) value;
  return TRUE;
}

static gboolean
get_rect (JsonObject *object, PnPageRect *rect, GError **error)
{
  JsonNode *node = json_object_get_member (object, "rect");
  JsonObject *r;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bad (error, "rect", "missing or not an object");
  r = json_node_get_object (node);
  if (!get_number (r, "x", &rect->x, error) || !get_number (r, "y", &rect->y, error) ||
      !get_number (r, "w", &rect->width, error) || !get_number (r, "h", &rect->height, error))
    return FALSE;
  if (rect->width < 0 || rect->height < 0)
    return bad (error, "rect", "negative size");
  return TRUE;
}

static gboolean
get_fraction (JsonObject *object, PnPageMessage *message, GError **error)
{
  if (!get_number (object, "fraction", &message->fraction, error))
    return FALSE;
  message->fraction = CLAMP (message->fraction, 0.0, 1.0);
  if (!get_string (object, "anchor", PN_PAGE_MESSAGE_MAX_ID, FALSE, &message->anchor, error))
    return FALSE;
  if (message->anchor != NULL && message->anchor[0] == '\0')
    g_clear_pointer (&message->anchor, g_free);
  return TRUE;
}

static void
run_free (gpointer data)
{
  PnPageRun *run = data;

  g_free (run->text);
  g_free (run->source_id);
  g_free (run);
}

/* [[text, flags, source id or ""], …]; NULL when malformed (the plain text is
 * shown then), which is not an error of the whole message. */
static GPtrArray *
parse_runs (JsonNode *node)
{
  g_autoptr(GPtrArray) runs = NULL;
  JsonArray *array;
  gsize total = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) > PN_PAGE_MESSAGE_MAX_RUNS)
    return NULL;

  runs = g_ptr_array_new_with_free_func (run_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *run_node = json_array_get_element (array, i);
      JsonArray *run;
      const char *text, *source_id;
      gint64 flags;
      PnPageRun *out;

      if (!JSON_NODE_HOLDS_ARRAY (run_node))
        return NULL;
      run = json_node_get_array (run_node);
      if (json_array_get_length (run) != 3 ||
          json_node_get_value_type (json_array_get_element (run, 0)) != G_TYPE_STRING ||
          json_node_get_value_type (json_array_get_element (run, 1)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (run, 2)) != G_TYPE_STRING)
        return NULL;
      text = json_array_get_string_element (run, 0);
      flags = json_array_get_int_element (run, 1);
      source_id = json_array_get_string_element (run, 2);
      total += strlen (text);
      if (flags < 0 || flags > 7 || total > PN_PAGE_MESSAGE_MAX_TEXT * 4 ||
          strlen (source_id) > PN_PAGE_MESSAGE_MAX_ID ||
          !g_utf8_validate (text, -1, NULL) || !g_utf8_validate (source_id, -1, NULL))
        return NULL;

      out = g_new0 (PnPageRun, 1);
      out->text = g_strdup (text);
      out->flags = (PnPageRunFlags) flags;
      out->source_id = source_id[0] ? g_strdup (source_id) : NULL;
      g_ptr_array_add (runs, out);
    }
  return g_steal_pointer (&runs);
}

/* The validators, one a type */

static gboolean
validate_ready (JsonObject *object, PnPageMessage *message, GError **error)
{
  if (!get_string (object, "href", 4096, TRUE, &message->href, error) ||
      !get_string (object, "title", 1024, FALSE, &message->title, error))
    return FALSE;
  if (message->title != NULL && message->title[0] == '\0')
    g_clear_pointer (&message->title, g_free);
  if (json_object_has_member (object, "words"))
    return get_count (object, "words", &message->words, error);
  return TRUE;
}

static gboolean
validate_position (JsonObject *object, PnPageMessage *message, GError **error)
{
  if (!get_fraction (object, message, error))
    return FALSE;
  if (json_object_has_member (object, "words"))
    return get_count (object, "words", &message->words, error);
  return TRUE;
}

static gboolean
validate_footnote (JsonObject *object, PnPageMessage *message, GError **error)
{
  if (!get_string (object, "id", PN_PAGE_MESSAGE_MAX_ID, TRUE, &message->id, error) ||
      !get_string (object, "label", 32, FALSE, &message->label, error) ||
      !get_string (object, "text", PN_PAGE_MESSAGE_MAX_TEXT, TRUE, &message->text, error) ||
      !get_rect (object, &message->rect, error))
    return FALSE;
  message->runs = parse_runs (json_object_get_member (object, "runs"));
  return TRUE;
}

static gboolean
validate_target (JsonObject *object, PnPageMessage *message, GError **error)
{
  if (!get_string (object, "id", PN_PAGE_MESSAGE_MAX_ID, TRUE, &message->id, error) ||
      !get_rect (object, &message->rect, error))
    return FALSE;
  if (message->id[0] == '\0')
    return bad (error, "id", "empty");
  return TRUE;
}

static gboolean
validate_external (JsonObject *object, PnPageMessage *message, GError **error)
{
  return get_string (object, "href", 4096, TRUE, &message->href, error);
}

static gboolean
validate_focus_leave (JsonObject *object, PnPageMessage *message, GError **error)
{
  JsonNode *node = json_object_get_member (object, "forward");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return bad (error, "forward", "missing or not a boolean");
  message->forward = json_node_get_boolean (node);
  return TRUE;
}

/* A selection of at most PN_PAGE_MESSAGE_MAX_SELECTION characters (the page
 * sends no longer one), with its rectangle; an empty one says it is gone. */
static gboolean
get_offset (JsonObject *object, const char *name, gint64 *out, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return bad (error, name, "missing or not a number");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      if (*out < 0 || *out > PN_PAGE_MESSAGE_MAX_OFFSET)
        return bad (error, name, "out of range");
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return bad (error, name, "not a number");
  value = json_node_get_double (node);
  if (!isfinite (value) || value != floor (value) || value < 0 || value > (double) PN_PAGE_MESSAGE_MAX_OFFSET)
    return bad (error, name, "not an offset");
  *out = (gint64) value;
  return TRUE;
}

/* A selection of at most PN_PAGE_MESSAGE_MAX_SELECTION characters (a longer
 * one comes cut, "clipped"), with its rectangle and, optionally, its place
 * in the page text ("start" and "end" both, start < end); an empty one says
 * it is gone. */
static gboolean
validate_selection (JsonObject *object, PnPageMessage *message, GError **error)
{
  JsonNode *clipped = json_object_get_member (object, "clipped");

  message->start = message->end = -1;
  if (!get_string (object, "text", PN_PAGE_MESSAGE_MAX_SELECTION, TRUE, &message->text, error))
    return FALSE;
  if (message->text[0] == '\0')
    return TRUE;
  if (!get_rect (object, &message->rect, error))
    return FALSE;
  if (clipped != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (clipped) || json_node_get_value_type (clipped) != G_TYPE_BOOLEAN)
        return bad (error, "clipped", "not a boolean");
      message->clipped = json_node_get_boolean (clipped);
    }
  if (!json_object_has_member (object, "start") && !json_object_has_member (object, "end"))
    return TRUE;
  if (!get_offset (object, "start", &message->start, error) ||
      !get_offset (object, "end", &message->end, error))
    {
      message->start = message->end = -1;
      return FALSE;
    }
  if (message->end <= message->start)
    {
      message->start = message->end = -1;
      return bad (error, "end", "not after start");
    }
  return TRUE;
}

/* The table: every message the page may send. */
static const struct {
  const char *name;
  Validator validate;
} message_types[PN_PAGE_MESSAGE_N_TYPES] = {
  [PN_PAGE_MESSAGE_READY] = { "ready", validate_ready },
  [PN_PAGE_MESSAGE_POSITION] = { "position", validate_position },
  [PN_PAGE_MESSAGE_FOOTNOTE] = { "footnote", validate_footnote },
  [PN_PAGE_MESSAGE_CITATION] = { "citation", validate_target },
  [PN_PAGE_MESSAGE_EXTERNAL] = { "external", validate_external },
  [PN_PAGE_MESSAGE_GLOSSARY] = { "glossary", validate_target },
  [PN_PAGE_MESSAGE_JUMP] = { "jump", get_fraction },
  [PN_PAGE_MESSAGE_FOCUS_LEAVE] = { "focus-leave", validate_focus_leave },
  [PN_PAGE_MESSAGE_SELECTION] = { "selection", validate_selection },
  [PN_PAGE_MESSAGE_ANNOTATION] = { "annotation", validate_target },
  [PN_PAGE_MESSAGE_TEACHER_NOTE] = { "teacher-note", validate_target },
};

const char *
pn_page_message_type_to_string (PnPageMessageType type)
{
  return type < PN_PAGE_MESSAGE_N_TYPES ? message_types[type].name : "unknown";
}

void
pn_page_message_free (PnPageMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->href);
  g_free (message->title);
  g_free (message->id);
  g_free (message->label);
  g_free (message->text);
  g_clear_pointer (&message->runs, g_ptr_array_unref);
  g_free (message->anchor);
  g_free (message);
}

PnPageMessage *
pn_page_message_parse (const char *json, gssize length, GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(PnPageMessage) message = NULL;
  g_autofree char *type = NULL;
  JsonObject *object;
  JsonNode *root;
  double version;

  if (json == NULL)
    {
      g_set_error_literal (error, PN_PAGE_MESSAGE_ERROR, PN_PAGE_MESSAGE_ERROR_MALFORMED, "no message");
      return NULL;
    }
  if (length < 0)
    length = strlen (json);
  if ((gsize) length > PN_PAGE_MESSAGE_MAX_SIZE)
    {
      g_set_error_literal (error, PN_PAGE_MESSAGE_ERROR, PN_PAGE_MESSAGE_ERROR_MALFORMED, "message too large");
      return NULL;
    }

  /* Not json_parser_new_immutable (): json-glib 1.10 (Debian 13, the GNOME runtime) aborts in
   * json_parser_get_root () on some inputs it parsed as immutable (test-page-message mutations). */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, PN_PAGE_MESSAGE_ERROR, PN_PAGE_MESSAGE_ERROR_MALFORMED,
                           "not a JSON object");
      return NULL;
    }
  object = json_node_get_object (root);

  if (!get_number (object, "v", &version, error))
    return NULL;
  if (version != PN_PAGE_PROTOCOL_VERSION)
    {
      g_set_error (error, PN_PAGE_MESSAGE_ERROR, PN_PAGE_MESSAGE_ERROR_VERSION,
                   "protocol version %g, expected %d", version, PN_PAGE_PROTOCOL_VERSION);
      return NULL;
    }
  if (!get_string (object, "type", 32, TRUE, &type, error))
    return NULL;

  for (guint i = 0; i < PN_PAGE_MESSAGE_N_TYPES; i++)
    {
      if (strcmp (type, message_types[i].name) != 0)
        continue;
      message = g_new0 (PnPageMessage, 1);
      message->type = i;
      if (!message_types[i].validate (object, message, error))
        {
          g_prefix_error (error, "“%s” message: ", type);
          return NULL;
        }
      return g_steal_pointer (&message);
    }

  g_set_error (error, PN_PAGE_MESSAGE_ERROR, PN_PAGE_MESSAGE_ERROR_UNKNOWN,
               "unknown message type “%s”", type);
  return NULL;
}
