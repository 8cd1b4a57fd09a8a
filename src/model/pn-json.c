/* pn-json.c: a JSON file that remembers where each value was written
 *
 * json-glib builds the tree; while it parses, its signals tell us which value
 * was just read and where the scanner stands. We record a start position for
 * every node so that a semantic problem ("documents[0].id must be a string")
 * can name its line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pn-file.h"
#include "pn-json.h"
#include "pn-json-scan.h"

typedef struct {
  int line;
  int column;
} Position;

struct _PnJsonFile {
  char *name;
  JsonNode *root;
  GArray *position_list;    /* of Position */
  GHashTable *positions;    /* JsonNode* -> index in position_list + 1 */
};

typedef struct {
  PnJsonFile *file;
  GPtrArray *diagnostics;
  const char *data;
  gsize length;
  guint max_values;
  GArray *line_starts;      /* of gsize: byte offset of each line */
  /* The last column worked out, so that the next one on the same line only
   * counts the characters in between (lines can be a megabyte long). */
  int cache_line;
  gsize cache_offset;       /* bytes from the line start, on a character boundary */
  int cache_column;         /* characters before cache_offset */
  GArray *open_stack;       /* of Position: '{' or '[' being parsed */
  /* The container json-glib closed last, and where it opened: its node is
   * handed to its parent (or made the root) right after. */
  gpointer closed;
  Position closed_position;
} LoadState;

static void
set_position (PnJsonFile *file,
              JsonNode   *node,
              Position    position)
{
  g_array_append_val (file->position_list, position);
  g_hash_table_insert (file->positions, node, GUINT_TO_POINTER (file->position_list->len));
}

static GArray *
compute_line_starts (const char *data,
                     gsize       length)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;

  g_array_append_val (starts, zero);
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\n')
        {
          gsize next = i + 1;

          g_array_append_val (starts, next);
        }
    }

  return starts;
}

/* Bytes in @line (1-based, valid), without its '\n'. */
static gsize
line_length (LoadState *state,
             int        line)
{
  gsize start = g_array_index (state->line_starts, gsize, line - 1);
  gsize end = (guint) line < state->line_starts->len
              ? g_array_index (state->line_starts, gsize, line) - 1
              : state->length;

  return end - start;
}

static gboolean
is_char_boundary (const char *line_text,
                  gsize       offset,
                  gsize       line_bytes)
{
  return offset >= line_bytes || ((guchar) line_text[offset] & 0xC0) != 0x80;
}

/* Turns a byte offset within @line into a 1-based column in characters.
 * Counts from the previous answer when it was on the same line, so that
 * walking along a long line costs its length once, not once per value. */
static int
byte_to_column (LoadState *state,
                int        line,
                gsize      offset)
{
  const char *start;
  gsize line_bytes;
  gsize count_from = 0;
  long column = 0;

  if (line < 1 || (guint) line > state->line_starts->len)
    return 0;

  start = state->data + g_array_index (state->line_starts, gsize, line - 1);
  line_bytes = line_length (state, line);
  offset = MIN (offset, line_bytes);

  if (state->cache_line == line && offset >= state->cache_offset)
    {
      count_from = state->cache_offset;
      column = state->cache_column;
    }

  if (state->cache_line == line && offset < state->cache_offset &&
      is_char_boundary (start, offset, line_bytes) &&
      state->cache_offset - offset < offset)
    column = state->cache_column - g_utf8_strlen (start + offset,
                                                  (gssize) (state->cache_offset - offset));
  else
    column += g_utf8_strlen (start + count_from, (gssize) (offset - count_from));

  if (is_char_boundary (start, offset, line_bytes))
    {
      state->cache_line = line;
      state->cache_offset = offset;
      state->cache_column = (int) column;
    }

  return (int) column + 1;
}

static gboolean
is_escaped (const char *line_text,
            gssize      index)
{
  gssize backslashes = 0;

  while (index - backslashes - 1 >= 0 && line_text[index - backslashes - 1] == '\\')
    backslashes++;

  return backslashes % 2 == 1;
}

/* The scanner stands just after a scalar value, possibly after the comma or
 * bracket that followed it. A JSON scalar never spans lines, so walk back
 * on the line to where the value starts. */
static Position
scalar_position (LoadState *state,
                 int        line,
                 int        scanner_pos)
{
  const char *text;
  gssize i;

  if (line < 1 || (guint) line > state->line_starts->len)
    return (Position) { line, 0 };

  text = state->data + g_array_index (state->line_starts, gsize, line - 1);
  i = (gssize) MIN ((gsize) MAX (scanner_pos, 0), line_length (state, line)) - 1;

  while (i >= 0 && strchr (" \t\r,}]", text[i]) != NULL)
    i--;
  if (i < 0)
    return (Position) { line, 1 };

  if (text[i] == '"')
    {
      gssize j = i - 1;

      while (j >= 0 && (text[j] != '"' || is_escaped (text, j)))
        j--;
      i = MAX (j, 0);
    }
  else
    {
      while (i > 0 && (g_ascii_isalnum (text[i - 1]) || strchr ("+-.", text[i - 1]) != NULL))
        i--;
    }

  return (Position) { line, byte_to_column (state, line, (gsize) i) };
}

static Position
current_position (LoadState  *state,
                  JsonParser *parser)
{
  int line = (int) json_parser_get_current_line (parser);
  int pos = (int) json_parser_get_current_pos (parser);

  /* Just after the '{' or '[' that was read. */
  return (Position) { line, byte_to_column (state, line, (gsize) MAX (pos - 1, 0)) };
}

static void
on_container_start (JsonParser *parser,
                    LoadState  *state)
{
  Position position = current_position (state, parser);

  g_array_append_val (state->open_stack, position);
}

static void
on_container_end (JsonParser *parser,
                  gpointer    container,
                  LoadState  *state)
{
  Position position;

  if (state->open_stack->len == 0)
    return;

  position = g_array_index (state->open_stack, Position, state->open_stack->len - 1);
  g_array_set_size (state->open_stack, state->open_stack->len - 1);
  state->closed = container;
  state->closed_position = position;
}

/* The container that @node holds, or NULL. */
static gpointer
container_of (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  return NULL;
}

static void
record_node (LoadState  *state,
             JsonParser *parser,
             JsonNode   *node)
{
  gpointer container;
  Position position;

  if (node == NULL)
    return;

  container = container_of (node);
  if (container != NULL && container == state->closed)
    position = state->closed_position;
  else
    position = scalar_position (state, (int) json_parser_get_current_line (parser),
                                (int) json_parser_get_current_pos (parser));

  set_position (state->file, node, position);
}

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *member_name,
                  LoadState  *state)
{
  /* A repeated key was reported by the scan before parsing, at its place. */
  record_node (state, parser, json_object_get_member (object, member_name));
}

static void
on_array_element (JsonParser *parser,
                  JsonArray  *array,
                  int         index,
                  LoadState  *state)
{
  record_node (state, parser, json_array_get_element (array, (guint) index));
}

/* json-glib says "<data>:3:8: Parse error: unexpected character `}', ...";
 * we say "pack.json:3:8: invalid JSON: unexpected character '}', ...". */
static PnDiagnostic *
parse_error_diagnostic (LoadState    *state,
                        const GError *error)
{
  g_autoptr(GRegex) located = g_regex_new ("^.*?:(\\d+):(\\d+): (?:Parse error: )?(.*)$",
                                           G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) quotes = g_regex_new ("`([^']*)'", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  /* json-glib quotes the text it stopped at, lone surrogates included:
   * make it valid UTF-8 (GRegex would not even match it otherwise). */
  g_autofree char *message = g_utf8_make_valid (error->message, -1);
  g_autofree char *detail = NULL;
  g_autofree char *readable = NULL;
  int line = 0;
  int column = 0;

  if (g_regex_match (located, message, 0, &match))
    {
      g_autofree char *line_text = g_match_info_fetch (match, 1);
      g_autofree char *column_text = g_match_info_fetch (match, 2);
      gint64 byte_column = g_ascii_strtoll (column_text, NULL, 10);

      detail = g_match_info_fetch (match, 3);
      line = (int) g_ascii_strtoll (line_text, NULL, 10);
      column = byte_to_column (state, line, (gsize) MAX (byte_column - 1, 0));
    }
  else
    {
      detail = g_steal_pointer (&message);
    }

  readable = g_regex_replace (quotes, detail, -1, 0, "'\\1'", 0, NULL);

  return pn_diagnostic_new (PN_SEVERITY_ERROR, state->file->name, line, column,
                            _("invalid JSON: %s"), readable != NULL ? readable : detail);
}

static void
position_of_root (LoadState *state)
{
  JsonNode *root = state->file->root;
  gpointer container = container_of (root);

  if (container != NULL && container == state->closed)
    set_position (state->file, root, state->closed_position);
  else
    set_position (state->file, root, (Position) { 1, 1 });
}

static gboolean
parse (LoadState  *state,
       gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *repaired = NULL;

  if (!pn_json_scan_full (state->data, length, state->file->name, state->max_values, state->diagnostics,
                          &repaired))
    return FALSE;
  /* Lone surrogates, replaced by escapes of the same length: positions hold. */
  if (repaired != NULL)
    state->data = repaired;

  g_signal_connect (parser, "object-start", G_CALLBACK (on_container_start), state);
  g_signal_connect (parser, "array-start", G_CALLBACK (on_container_start), state);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_container_end), state);
  g_signal_connect (parser, "array-end", G_CALLBACK (on_container_end), state);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), state);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element), state);

  if (!json_parser_load_from_data (parser, state->data, (gssize) length, &error))
    {
      pn_diagnostics_add (state->diagnostics, parse_error_diagnostic (state, error));
      return FALSE;
    }

  state->file->root = json_parser_steal_root (parser);
  if (state->file->root == NULL)
    {
      pn_diagnostics_add (state->diagnostics,
                          pn_diagnostic_new (PN_SEVERITY_ERROR, state->file->name, 0, 0,
                                             "%s", _("the file is empty; a JSON value was expected")));
      return FALSE;
    }

  position_of_root (state);
  json_node_seal (state->file->root);

  return TRUE;
}

PnJsonFile *
pn_json_file_load_data (const char *data,
                        gsize       length,
                        const char *name,
                        GPtrArray  *diagnostics)
{
  return pn_json_file_load_data_full (data, length, name, PN_JSON_MAX_VALUES, diagnostics);
}

PnJsonFile *
pn_json_file_load_data_full (const char *data,
                             gsize       length,
                             const char *name,
                             guint       max_values,
                             GPtrArray  *diagnostics)
{
  g_autoptr(PnJsonFile) self = g_new0 (PnJsonFile, 1);
  g_autoptr(GPtrArray) local = pn_diagnostics_new ();
  LoadState state = { 0 };
  gboolean parsed;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self->name = g_strdup (name);
  self->position_list = g_array_new (FALSE, FALSE, sizeof (Position));
  self->positions = g_hash_table_new (NULL, NULL);

  state.file = self;
  state.diagnostics = local;
  state.data = data;
  state.length = length;
  state.max_values = max_values;
  state.line_starts = compute_line_starts (data, length);
  state.open_stack = g_array_new (FALSE, FALSE, sizeof (Position));

  parsed = parse (&state, length);

  g_array_unref (state.line_starts);
  g_array_unref (state.open_stack);

  /* Keep only the parse error when parsing failed half-way. */
  for (guint i = 0; i < local->len; i++)
    {
      PnDiagnostic *diagnostic = g_ptr_array_index (local, i);

      if (parsed || diagnostic->severity == PN_SEVERITY_ERROR)
        pn_diagnostics_add (diagnostics, g_steal_pointer (&local->pdata[i]));
    }

  if (!parsed)
    return NULL;

  return g_steal_pointer (&self);
}

PnJsonFile *
pn_json_file_load (GFile         *file,
                   const char    *name,
                   gsize          max_size,
                   GPtrArray     *diagnostics,
                   PnDiagnostic **file_problem)
{
  g_autofree char *data = NULL;
  PnDiagnostic *problem = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  data = pn_file_read_text (file, name, max_size, &length, &problem);
  if (data == NULL)
    {
      if (file_problem != NULL)
        *file_problem = problem;
      else
        pn_diagnostics_add (diagnostics, problem);
      return NULL;
    }

  return pn_json_file_load_data (data, length, name, diagnostics);
}

void
pn_json_file_free (PnJsonFile *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->position_list, g_array_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self->name);
  g_free (self);
}

JsonNode *
pn_json_file_get_root (PnJsonFile *self)
{
  return self->root;
}

const char *
pn_json_file_get_name (PnJsonFile *self)
{
  return self->name;
}

void
pn_json_file_get_position (PnJsonFile *self,
                           JsonNode   *node,
                           int        *line,
                           int        *column)
{
  guint index = node != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, node)) : 0;
  const Position *position = index > 0 ? &g_array_index (self->position_list, Position, index - 1) : NULL;

  if (line != NULL)
    *line = position != NULL ? position->line : 0;
  if (column != NULL)
    *column = position != NULL ? position->column : 0;
}

int
pn_json_file_get_line (PnJsonFile *self,
                       JsonNode   *node)
{
  int line = 0;

  pn_json_file_get_position (self, node, &line, NULL);

  return line;
}

void
pn_json_file_report (PnJsonFile *self,
                     GPtrArray  *diagnostics,
                     PnSeverity  severity,
                     JsonNode   *node,
                     const char *format,
                     ...)
{
  int line = 0;
  int column = 0;
  va_list args;

  pn_json_file_get_position (self, node, &line, &column);
  va_start (args, format);
  pn_diagnostics_addv (diagnostics, severity, self->name, line, column, format, args);
  va_end (args);
}
