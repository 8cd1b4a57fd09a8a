/* test-json.c: JSON files with positions, diagnostics as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pn-json.h"
#include "pn-json-scan.h"
#include "pn-test-util.h"

static PnJsonFile *
load_text (const char *text,
           GPtrArray  *diagnostics)
{
  return pn_json_file_load_data (text, strlen (text), "test.json", diagnostics);
}

static JsonNode *
member (JsonNode   *object,
        const char *name)
{
  return json_object_get_member (json_node_get_object (object), name);
}

static void
assert_position (PnJsonFile *json,
                 JsonNode   *node,
                 int         line,
                 int         column)
{
  int actual_line = -1;
  int actual_column = -1;

  g_assert_nonnull (node);
  pn_json_file_get_position (json, node, &actual_line, &actual_column);
  g_assert_cmpint (actual_line, ==, line);
  g_assert_cmpint (actual_column, ==, column);
}

static void
test_diagnostic_to_string (void)
{
  g_autoptr(PnDiagnostic) error = pn_diagnostic_new (PN_SEVERITY_ERROR, "pack.json", 3, 14,
                                                     "%s must be %s", "title", "a string");
  g_autoptr(PnDiagnostic) warning = pn_diagnostic_new (PN_SEVERITY_WARNING, "essai.md", 12, 1,
                                                       "raw HTML");
  g_autoptr(PnDiagnostic) whole_file = pn_diagnostic_new (PN_SEVERITY_ERROR, "essai.md", 0, 0,
                                                          "file not found");
  g_autoptr(PnDiagnostic) line_only = pn_diagnostic_new (PN_SEVERITY_ERROR, "a.md", 4, 0, "x");
  g_autofree char *error_text = pn_diagnostic_to_string (error);
  g_autofree char *warning_text = pn_diagnostic_to_string (warning);
  g_autofree char *whole_file_text = pn_diagnostic_to_string (whole_file);
  g_autofree char *line_only_text = pn_diagnostic_to_string (line_only);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();

  g_assert_cmpstr (error_text, ==, "pack.json:3:14: title must be a string");
  g_assert_cmpstr (warning_text, ==, "warning: essai.md:12:1: raw HTML");
  g_assert_cmpstr (whole_file_text, ==, "essai.md: file not found");
  g_assert_cmpstr (line_only_text, ==, "a.md:4: x");

  g_assert_false (pn_diagnostics_has_errors (diagnostics));
  pn_diagnostics_add (diagnostics, pn_diagnostic_new (PN_SEVERITY_WARNING, "a", 1, 1, "w"));
  g_assert_false (pn_diagnostics_has_errors (diagnostics));
  pn_diagnostics_add (diagnostics, pn_diagnostic_new (PN_SEVERITY_ERROR, "a", 1, 1, "e"));
  g_assert_true (pn_diagnostics_has_errors (diagnostics));
  g_assert_cmpuint (pn_diagnostics_count (diagnostics, PN_SEVERITY_WARNING), ==, 1);
  /* A NULL list takes and frees the diagnostic. */
  pn_diagnostics_add (NULL, pn_diagnostic_new (PN_SEVERITY_ERROR, "a", 1, 1, "e"));
}

static void
test_positions (void)
{
  const char *text =
    "{\n"
    "  \"id\": \"essai\",\n"
    "  \"count\": 12,\n"
    "  \"é\": \"àé\\\"q\", \"after\": true,\n"
    "  \"list\": [\n"
    "    1,\n"
    "    { \"inner\": null }\n"
    "  ],\n"
    "  \"empty\": {}\n"
    "}\n";
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text (text, diagnostics);
  JsonNode *root;
  JsonArray *list;

  g_assert_nonnull (json);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  root = pn_json_file_get_root (json);

  assert_position (json, root, 1, 1);
  assert_position (json, member (root, "id"), 2, 9);
  assert_position (json, member (root, "count"), 3, 12);
  /* Columns count characters, not bytes; escaped quotes do not confuse it. */
  assert_position (json, member (root, "é"), 4, 8);
  assert_position (json, member (root, "after"), 4, 26);
  assert_position (json, member (root, "list"), 5, 11);
  list = json_node_get_array (member (root, "list"));
  assert_position (json, json_array_get_element (list, 0), 6, 5);
  assert_position (json, json_array_get_element (list, 1), 7, 5);
  assert_position (json, member (json_array_get_element (list, 1), "inner"), 7, 16);
  assert_position (json, member (root, "empty"), 9, 12);
  g_assert_cmpint (pn_json_file_get_line (json, member (root, "count")), ==, 3);
}

static void
test_parse_error (void)
{
  const char *text = "{\n  \"a\": 1,\n  \"b\": }\n";
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text (text, diagnostics);
  g_autofree char *message = NULL;

  g_assert_null (json);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  message = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  g_assert_true (g_str_has_prefix (message, "test.json:3:8: invalid JSON: "));
  /* json-glib's `x' quoting is made plain. */
  g_assert_null (strchr (message, '`'));
}

/* A trailing comma is named as such, at the comma, in an array and in an
 * object; a comma inside a string is not one. */
static void
test_trailing_comma (void)
{
  const char *texts[] = {
    "{\n  \"a\": [1, 2,\n  ]\n}\n",
    "{\n  \"a\": 1,\n  \"b\": 2,   }\n",
  };
  const int lines[] = { 2, 3 };
  const int columns[] = { 13, 9 };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
      g_autoptr(PnJsonFile) json = load_text (texts[i], diagnostics);
      const PnDiagnostic *found;

      g_assert_null (json);
      found = pn_test_find (diagnostics, "trailing comma");
      g_assert_nonnull (found);
      g_assert_cmpint (found->line, ==, lines[i]);
      g_assert_cmpint (found->column, ==, columns[i]);
      g_assert_null (pn_test_find (diagnostics, "expected"));
    }

  {
    g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
    g_autoptr(PnJsonFile) json = load_text ("{ \"a\": \"x, ]\", \"b\": [1, 2] }\n", diagnostics);

    g_assert_nonnull (json);
    g_assert_cmpuint (diagnostics->len, ==, 0);
  }
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text ("  \n", diagnostics);

  g_assert_null (json);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "test.json", 0, "empty");
}

static void
test_duplicate_key (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text ("{\n  \"a\": 1,\n  \"a\": 2\n}\n", diagnostics);

  g_assert_nonnull (json);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "test.json", 3, "duplicate key 'a'");
}

static void
test_type_messages (void)
{
  const char *text = "{\n  \"documents\": [\n    { \"id\": 7 }\n  ]\n}\n";
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text (text, diagnostics);
  JsonNode *document;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;

  document = json_array_get_element (json_node_get_array (member (pn_json_file_get_root (json),
                                                                   "documents")), 0);
  value = pn_json_file_dup_string (json, diagnostics, document, "documents[0]", "id", TRUE);
  g_assert_null (value);
  g_assert_null (pn_json_file_dup_string (json, diagnostics, document, "documents[0]", "title", TRUE));
  g_assert_cmpuint (diagnostics->len, ==, 2);

  message = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  g_assert_cmpstr (message, ==, "test.json:3:13: documents[0].id must be a string, not a number");
  g_free (message);
  message = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, 1));
  g_assert_cmpstr (message, ==, "test.json:3:5: missing required key 'title' in documents[0]");
}

/* json-glib recurses once a level: a file nested thousands deep is refused
 * before it is parsed, where it goes too deep. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("{\n  \"a\": \"[[[[ in a string \\\" [[[[\",\n  \"b\": ");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(GPtrArray) shallow_diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = NULL;
  g_autoptr(PnJsonFile) shallow = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "\n}\n");

  json = load_text (text->str, diagnostics);
  g_assert_null (json);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  message = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
  /* The object is level 1: the 64th bracket makes level 65. */
  g_assert_cmpstr (message, ==, "test.json:3:71: values are nested too deeply (more than 64 levels)");

  /* Brackets inside strings do not count. */
  shallow = load_text ("{ \"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\" }",
                       shallow_diagnostics);
  g_assert_nonnull (shallow);
}

static char *
first_message (GPtrArray *diagnostics)
{
  g_assert_cmpuint (diagnostics->len, >=, 1);
  return pn_diagnostic_to_string (g_ptr_array_index (diagnostics, 0));
}

static char *
deep_text (const char *before,
           guint       depth)
{
  GString *text = g_string_new (before);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

/* json-glib accepts comments and single-quoted strings, where a '"' would
 * hide the brackets after it from the depth check: they are refused. */
static void
test_not_json (void)
{
  struct {
    const char *before;
    const char *expected;
  } cases[] = {
    /* json-deep-comment: the comment holds a quote. */
    { "/* \" */ ", "test.json:1:1: comments and single quotes are not JSON" },
    /* json-deep-sources: a line comment, on the second line. */
    { "\n  // \"\n", "test.json:2:3: comments and single quotes are not JSON" },
    /* json-deep-sq: a single-quoted string holding a quote. */
    { "['\"', ", "test.json:1:2: comments and single quotes are not JSON" },
    /* Without any trick, the depth limit still applies. */
    { "[\"a\\\\\", ", "test.json:1:72: values are nested too deeply (more than 64 levels)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = deep_text (cases[i].before, 100);
      g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
      g_autoptr(PnJsonFile) json = load_text (text, diagnostics);
      g_autofree char *message = NULL;

      g_assert_null (json);
      g_assert_cmpuint (diagnostics->len, ==, 1);
      message = first_message (diagnostics);
      g_assert_cmpstr (message, ==, cases[i].expected);
    }
}

/* Inside double-quoted strings, slashes, single quotes and escaped quotes
 * are text: no false alarm. */
static void
test_slashes_in_strings (void)
{
  const char *text =
    "{ \"URL\": \"https://example.org/a/*b*/\", \"title\": \"l'essai \\\"//\\\" \\\\\",\n"
    "  \"list\": [[[\"'\"]]] }";
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text (text, diagnostics);
  JsonNode *root;

  g_assert_nonnull (json);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  root = pn_json_file_get_root (json);
  g_assert_cmpstr (json_node_get_string (member (root, "URL")), ==, "https://example.org/a/*b*/");
  g_assert_cmpstr (json_node_get_string (member (root, "title")), ==, "l'essai \"//\" \\");
  assert_position (json, member (root, "list"), 2, 11);
}

/* A minified file is one long line: positions deep in it are still right
 * (they are counted incrementally, not from the line start each time). */
static void
test_one_line (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  JsonArray *items;
  JsonNode *item;
  gsize last_id_offset = 0;
  gsize first_title_offset = 0;
  const guint count = 20000;

  for (guint i = 0; i < count; i++)
    {
      g_string_append_printf (text, "%s{\"id\": ", i > 0 ? ", " : "");
      last_id_offset = text->len;
      if (i == count - 1)
        g_string_append (text, "17");  /* the mistake: a number */
      else
        g_string_append_printf (text, "\"s%u\"", i);
      g_string_append (text, ", \"title\": ");
      if (i == 0)
        first_title_offset = text->len;
      g_string_append (text, "\"Él\\\"é\", \"issued\": {\"date-parts\": [[2023, 1]]}}");
    }
  g_string_append (text, "]");

  json = load_text (text->str, diagnostics);
  g_assert_nonnull (json);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  items = json_node_get_array (pn_json_file_get_root (json));
  g_assert_cmpuint (json_array_get_length (items), ==, count);

  assert_position (json, member (json_array_get_element (items, 0), "title"), 1,
                   (int) g_utf8_strlen (text->str, (gssize) first_title_offset) + 1);

  item = json_array_get_element (items, count - 1);
  g_assert_false (pn_json_file_check_type (json, diagnostics, member (item, "id"),
                                           "[19999].id", PN_JSON_STRING));
  message = first_message (diagnostics);
  /* Each item before has an 'É' and an 'é' (two bytes each): characters count. */
  expected = g_strdup_printf ("test.json:1:%ld: [19999].id must be a string, not a number",
                              g_utf8_strlen (text->str, (gssize) last_id_offset) + 1);
  g_assert_cmpint (g_utf8_strlen (text->str, (gssize) last_id_offset),
                   ==, (glong) last_id_offset - 2 * (count - 1));
  g_assert_cmpstr (message, ==, expected);
}

static void
assert_all_valid_utf8 (GPtrArray *diagnostics)
{
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *message = pn_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_assert_true (g_utf8_validate (message, -1, NULL));
    }
}

/* json-glib decodes a lone "\ud800" into bytes that are not UTF-8 and drops
 * the character after it: each string holding one is reported, the escape
 * reads U+FFFD, and the rest of the text is kept. */
static void
test_lone_surrogate (void)
{
  const char *text = "{\"a\": \"x\\ud800yy\", \"\\udc00k\": 1, \"p\": \"\\ud83d\\ude00\",\n"
                     " \"\\ud801zz\": [\"\\udfffzz\"]}";
  const char *bad = "\xef\xbf\xbd";  /* U+FFFD */
  g_autofree char *a = g_strconcat ("x", bad, "yy", NULL);
  g_autofree char *k = g_strconcat (bad, "k", NULL);
  g_autofree char *z = g_strconcat (bad, "zz", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text (text, diagnostics);
  g_autoptr(GList) names = NULL;
  JsonNode *root;
  JsonNode *list;

  g_assert_nonnull (json);
  pn_test_dump (diagnostics);
  assert_all_valid_utf8 (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "test.json", 1, "lone surrogate");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "test.json", 2, "lone surrogate");
  g_assert_cmpuint (pn_diagnostics_count (diagnostics, PN_SEVERITY_ERROR), ==, 4);
  g_assert_cmpuint (diagnostics->len, ==, 4);
  /* At the string's opening quote. */
  g_assert_cmpint (((PnDiagnostic *) g_ptr_array_index (diagnostics, 0))->column, ==, 7);
  g_assert_cmpint (((PnDiagnostic *) g_ptr_array_index (diagnostics, 1))->column, ==, 20);

  root = pn_json_file_get_root (json);
  g_assert_true (json_node_is_immutable (root));
  g_assert_cmpstr (json_node_get_string (member (root, "a")), ==, a);
  /* A valid pair stays as it is. */
  g_assert_cmpstr (json_node_get_string (member (root, "p")), ==, "\xf0\x9f\x98\x80");
  /* Keys are repaired too, in order, and keep their positions. */
  assert_position (json, member (root, k), 1, 31);
  list = member (root, z);
  assert_position (json, list, 2, 14);
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (list), 0), ==, z);
  names = json_object_get_members (json_node_get_object (root));
  g_assert_cmpuint (g_list_length (names), ==, 4);
  g_assert_cmpstr (g_list_nth_data (names, 1), ==, k);
  g_assert_cmpstr (g_list_nth_data (names, 3), ==, z);
}

/* A file full of lone surrogates: the first are named, then one line for the rest. */
static void
test_many_lone_surrogates (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = NULL;
  const PnDiagnostic *last;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%s\"\\ud800%u\"", i > 0 ? ",\n" : "", i);
  g_string_append (text, "]");

  json = load_text (text->str, diagnostics);
  g_assert_nonnull (json);
  g_assert_cmpuint (diagnostics->len, ==, 21);
  last = g_ptr_array_index (diagnostics, 20);
  g_assert_cmpstr (last->message, ==, "980 more strings hold a lone surrogate");
  g_assert_cmpstr (json_array_get_string_element (json_node_get_array (pn_json_file_get_root (json)), 999),
                   ==, "\xef\xbf\xbd" "999");
}

/* Escapes that are not JSON: json-glib reads "\udcP0" as half a pair (and
 * drops "P0"), drops "\u00zz" and takes "\q" for "q". Refused, with the place. */
static void
test_invalid_escapes (void)
{
  const struct { const char *text; int column; const char *needle; } cases[] = {
    { "{\"\\udcP0k\": 1}", 3, "four hexadecimal digits" },
    { "[\"x\\u00zz\"]", 4, "four hexadecimal digits" },
    { "[\"a\\q\"]", 4, "invalid escape '\\q'" },
    { "{\"a\": \"\nx\\ud800\", \"b\": 1}", 8, "line break" },
    { "[\"a\tb\"]", 4, "control character" },
    { "[\"a\\\xc3\xa9\"]", 4, "invalid escape '\\\xc3\xa9'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
      g_autoptr(PnJsonFile) json = load_text (cases[i].text, diagnostics);
      const PnDiagnostic *problem;

      g_assert_null (json);
      g_assert_cmpuint (diagnostics->len, ==, 1);
      problem = g_ptr_array_index (diagnostics, 0);
      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
      g_assert_nonnull (strstr (problem->message, cases[i].needle));
      g_assert_cmpint (problem->line, ==, 1);
      g_assert_cmpint (problem->column, ==, cases[i].column);
    }

  /* The positive control: every escape JSON has is read. */
  {
    g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
    g_autoptr(PnJsonFile) json = load_text ("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"]", diagnostics);

    g_assert_nonnull (json);
    g_assert_cmpuint (diagnostics->len, ==, 0);
    g_assert_cmpstr (json_array_get_string_element (json_node_get_array (pn_json_file_get_root (json)), 0),
                     ==, "\"\\/\b\f\n\r\t\xc3\xa9");
  }
}

/* Two keys that differ after their lone surrogates are two keys, not one
 * repeated (json-glib alone would drop the 'a' and the 'b'). */
static void
test_lone_surrogate_keys_differ (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text ("{\"\\ud800a\":1,\"\\ud800b\":2}", diagnostics);
  JsonObject *object;

  g_assert_nonnull (json);
  pn_test_dump (diagnostics);
  g_assert_null (pn_test_find (diagnostics, "duplicate key"));
  g_assert_cmpuint (pn_diagnostics_count (diagnostics, PN_SEVERITY_ERROR), ==, 2);
  object = json_node_get_object (pn_json_file_get_root (json));
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "\xef\xbf\xbd" "a"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "\xef\xbf\xbd" "b"), ==, 2);

  /* The positive control: a key that is really repeated still is. */
  g_clear_pointer (&json, pn_json_file_free);
  g_ptr_array_set_size (diagnostics, 0);
  json = load_text ("{\"\\ud800a\":1,\"\\ud800a\":2}", diagnostics);
  g_assert_nonnull (json);
  g_assert_nonnull (pn_test_find (diagnostics, "duplicate key"));
}

/* A lone surrogate right before the closing quote: json-glib would swallow
 * the quote and fail; repaired first, the file parses and the problem is named. */
static void
test_lone_surrogate_before_quote (void)
{
  const char *text = "{\"format\": 1, \"id\": \"\\ud800\", \"title\": \"lone surrogate \\udc00\"}";
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = load_text (text, diagnostics);
  JsonObject *object;

  g_assert_nonnull (json);
  assert_all_valid_utf8 (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 2);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "test.json", 1, "lone surrogate");
  object = json_node_get_object (pn_json_file_get_root (json));
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "\xef\xbf\xbd");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "lone surrogate \xef\xbf\xbd");
}

/* One object with many keys, then the last one repeated many times: json-glib
 * alone takes minutes (each repeat is looked up in a list of all the members).
 * Refused at once, with the place. */
static void
test_many_repeated_keys (void)
{
  g_autoptr(GString) text = g_string_new ("{\n");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "\"k%u\":1,", i % (PN_JSON_MAX_MEMBERS / 2));
  g_string_append (text, "\"k0\":2}\n");

  json = load_text (text->str, diagnostics);
  g_assert_null (json);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  message = first_message (diagnostics);
  g_assert_true (g_str_has_prefix (message, "test.json:2:"));
  g_assert_nonnull (strstr (message, "keys are repeated"));

  /* Keys are compared decoded: "\u0061" is "a". Below the limit, a warning. */
  g_clear_pointer (&message, g_free);
  g_ptr_array_set_size (diagnostics, 0);
  json = load_text ("{\"a\": 1, \"\\u0061\": 2}", diagnostics);
  g_assert_nonnull (json);
  g_assert_nonnull (pn_test_find (diagnostics, "duplicate key 'a'"));
}

static void
test_too_many_members (void)
{
  g_autoptr(GString) text = g_string_new ("[1,\n{");
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < PN_JSON_MAX_MEMBERS; i++)
    g_string_append_printf (text, "\"k%u\":1,", i);
  g_string_append (text, "\"one-too-many\":1}]");

  json = load_text (text->str, diagnostics);
  g_assert_null (json);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  message = first_message (diagnostics);
  g_test_message ("%s", message);
  g_assert_true (g_str_has_prefix (message, "test.json:2:"));
  g_assert_nonnull (strstr (message, "at most"));

  /* The positive control: as many as allowed parse. */
  g_string_truncate (text, text->len - strlen (",\"one-too-many\":1}]"));
  g_string_append (text, "}]");
  g_clear_pointer (&message, g_free);
  g_ptr_array_set_size (diagnostics, 0);
  json = load_text (text->str, diagnostics);
  pn_test_dump (diagnostics);
  g_assert_nonnull (json);
  g_assert_cmpuint (diagnostics->len, ==, 0);
}

static void
test_invalid_utf8_file (void)
{
  g_autofree char *dir = pn_test_make_dir ("bad.json", "{\n  \"a\": \"ok\",\n  \"b\": \"caf\xe9\"\n}\n", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = pn_json_file_load (file, "bad.json", 1024, diagnostics, NULL);
  const PnDiagnostic *problem;

  g_assert_null (json);
  problem = pn_test_find (diagnostics, "UTF-8");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->file, ==, "bad.json");
  g_assert_cmpint (problem->line, ==, 3);
  g_assert_cmpint (problem->column, ==, 12);

  pn_test_remove_dir (dir);
}

static void
test_size_limit (void)
{
  g_autofree char *dir = pn_test_make_dir ("big.json", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", NULL);
  g_autofree char *path = g_build_filename (dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnJsonFile) json = pn_json_file_load (file, "big.json", 8, diagnostics, NULL);
  PnDiagnostic *problem = NULL;
  g_autoptr(PnJsonFile) again = NULL;

  g_assert_null (json);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "big.json", 0, "file is too large");

  /* Or handed back, for the caller to place where the file is named. */
  again = pn_json_file_load (file, "big.json", 8, diagnostics, &problem);
  g_assert_null (again);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "file is too large"));
  g_assert_cmpuint (diagnostics->len, ==, 1);
  pn_diagnostic_free (problem);

  pn_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diagnostic/to-string", test_diagnostic_to_string);
  g_test_add_func ("/json/positions", test_positions);
  g_test_add_func ("/json/parse-error", test_parse_error);
  g_test_add_func ("/json/empty", test_empty);
  g_test_add_func ("/json/trailing-comma", test_trailing_comma);
  g_test_add_func ("/json/duplicate-key", test_duplicate_key);
  g_test_add_func ("/json/type-messages", test_type_messages);
  g_test_add_func ("/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json/not-json", test_not_json);
  g_test_add_func ("/json/slashes-in-strings", test_slashes_in_strings);
  g_test_add_func ("/json/one-line", test_one_line);
  g_test_add_func ("/json/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/json/invalid-escapes", test_invalid_escapes);
  g_test_add_func ("/json/many-lone-surrogates", test_many_lone_surrogates);
  g_test_add_func ("/json/lone-surrogate-keys-differ", test_lone_surrogate_keys_differ);
  g_test_add_func ("/json/lone-surrogate-before-quote", test_lone_surrogate_before_quote);
  g_test_add_func ("/json/many-repeated-keys", test_many_repeated_keys);
  g_test_add_func ("/json/too-many-members", test_too_many_members);
  g_test_add_func ("/json/invalid-utf8", test_invalid_utf8_file);
  g_test_add_func ("/json/size-limit", test_size_limit);

  return g_test_run ();
}
