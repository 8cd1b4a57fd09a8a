/* test-annotation-export.c: the student's annotations out (Markdown, W3C
 * JSON-LD) and back in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "store-test.h"
#include "pn-annotation-export.h"
#include "pn-annotation-private.h"
#include "pn-store.h"
#include "pn-test-util.h"

static PnAnnotation *
make (const char       *document_id,
      PnAnnotationKind  kind,
      const char       *exact,
      gint64            start)
{
  PnAnnotation *annotation = pn_annotation_new ("test-good", document_id, kind);

  if (kind != PN_ANNOTATION_DOCUMENT_NOTE)
    {
      annotation->selectors.exact = g_strdup (exact);
      annotation->selectors.prefix = g_strdup ("ce qui précède ");
      annotation->selectors.suffix = g_strdup (" et la suite");
      annotation->selectors.start = start;
      annotation->selectors.end = start + g_utf8_strlen (exact, -1);
    }
  annotation->content_hash = g_strdup ("sha256:abcdef");
  annotation->created_at = 1764590400 + start;   /* 2025-12-01T12:00:00Z + start */
  annotation->updated_at = 1764590500 + start;

  return annotation;
}

/* Highlights in two documents (the later one in the pack first), a bookmark,
 * a document note, tags, colours, a detached one, hostile text. */
static GPtrArray *
sample (void)
{
  GPtrArray *annotations = pn_annotations_new ();
  PnAnnotation *a;

  a = make ("notes", PN_ANNOTATION_HIGHLIGHT, "in English", 3);
  a->color = PN_ANNOTATION_BLUE;
  g_ptr_array_add (annotations, a);

  a = make ("texte", PN_ANNOTATION_HIGHLIGHT, "la rente *foncière*\nsur deux lignes", 40);
  a->color = PN_ANNOTATION_PURPLE;
  g_free (a->note);
  a->note = g_strdup ("**À revoir** avant l’examen.\n\n- un point\n- un autre");
  pn_annotation_set_tags (a, (const char *[]) { "examen", "Ricardo [1]", NULL });
  g_ptr_array_add (annotations, a);

  a = make ("texte", PN_ANNOTATION_BOOKMARK, "ici", 90);
  g_ptr_array_add (annotations, a);

  a = make ("texte", PN_ANNOTATION_DOCUMENT_NOTE, NULL, 0);
  g_free (a->note);
  a->note = g_strdup ("Sur tout le texte : \"guillemets\" et </script>");
  g_ptr_array_add (annotations, a);

  a = make ("texte", PN_ANNOTATION_HIGHLIGHT, "passage retiré", 500);
  a->color = PN_ANNOTATION_UNDERLINE;
  a->detached = TRUE;
  g_ptr_array_add (annotations, a);

  return annotations;
}

static void
test_w3c_shape (void)
{
  g_autoptr(GPtrArray) annotations = sample ();
  g_autofree char *json = pn_annotations_to_w3c (annotations, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *page;
  JsonObject *item;
  JsonObject *target;
  JsonArray *selectors;
  JsonArray *bodies;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (root, "@context"), 0), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, 5);
  page = json_object_get_object_member (root, "first");
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");

  item = json_array_get_object_element (json_object_get_array_member (page, "items"), 1);
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "Annotation");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (item, "id"), "urn:uuid:"));
  g_assert_cmpstr (json_object_get_string_member (item, "created"), ==, "2025-12-01T12:00:40Z");
  g_assert_cmpstr (json_object_get_string_member (item, "pn:color"), ==, "purple");
  g_assert_cmpstr (json_object_get_string_member (item, "pn:contentHash"), ==, "sha256:abcdef");

  target = json_object_get_object_member (item, "target");
  g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, "prisonnum://pack/test-good/doc/texte");
  g_assert_cmpstr (json_object_get_string_member (target, "styleClass"), ==, "pn-hl-purple");
  selectors = json_object_get_array_member (target, "selector");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (selectors, 0), "type"), ==,
                   "TextQuoteSelector");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (selectors, 1), "start"), ==, 40);

  bodies = json_object_get_array_member (item, "body");
  g_assert_cmpuint (json_array_get_length (bodies), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bodies, 0), "format"), ==,
                   "text/markdown");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bodies, 0), "purpose"), ==,
                   "commenting");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bodies, 2), "purpose"), ==,
                   "tagging");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bodies, 2), "value"), ==,
                   "Ricardo [1]");
}

static void
test_w3c_round_trip (void)
{
  g_autoptr(GPtrArray) annotations = sample ();
  g_autofree char *json = pn_annotations_to_w3c (annotations, NULL);
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;

  back = pn_annotations_from_w3c (json, -1, "notes.json", problems, &error);
  g_assert_no_error (error);
  pn_test_dump (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (back->len, ==, annotations->len);
  for (guint i = 0; i < back->len; i++)
    store_test_assert_same_annotation (back->pdata[i], annotations->pdata[i]);
}

/* Into a store and again: the second time adds nothing. */
static void
test_reimport_adds_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pn-annotation-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "student.db", NULL);
  g_autoptr(GPtrArray) annotations = sample ();
  g_autofree char *json = pn_annotations_to_w3c (annotations, NULL);
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  guint added = 0, skipped = 0;

  g_assert_no_error (error);
  read = pn_annotations_from_w3c (json, -1, "notes.json", NULL, &error);
  g_assert_true (pn_store_import_annotations (store, read, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 5);
  g_assert_cmpuint (skipped, ==, 0);

  /* The store's own export, imported back: all skipped. */
  stored = pn_store_get_annotations (store, "test-good", NULL, &error);
  g_assert_cmpuint (stored->len, ==, 5);
  again = pn_annotations_to_w3c (stored, NULL);
  reread = pn_annotations_from_w3c (again, -1, "again.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_import_annotations (store, reread, &added, &skipped, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 5);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = pn_store_get_annotations (store, "test-good", NULL, &error);
  g_assert_cmpuint (stored->len, ==, 5);

  g_clear_object (&store);
  pn_test_remove_dir (dir);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_markdown (void)
{
  g_autoptr(PnPack) pack = pn_test_load_fixture ("good", NULL);
  g_autoptr(GPtrArray) annotations = sample ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 1, 10, 0, 0);
  g_autofree char *markdown = pn_annotations_to_markdown (annotations, pack, now);
  g_autofree char *bare = pn_annotations_to_markdown (annotations, NULL, now);
  const char *texte, *notes;

  g_test_message ("%s", markdown);
  assert_contains (markdown, "# Notes\u00a0: Un dossier de test : tout va bien\n");
  assert_contains (markdown, "01/12/2026");
  /* By document, in the pack's order: "texte" comes before "notes". */
  texte = strstr (markdown, "## Le texte : une lecture\n");
  notes = strstr (markdown, "## Notes in English\n");
  g_assert_nonnull (texte);
  g_assert_nonnull (notes);
  g_assert_true (texte < notes);
  /* Each line of the quote quoted and escaped; the note as written. */
  assert_contains (markdown, "> la rente \\*foncière\\*\n>\n> sur deux lignes\n");
  assert_contains (markdown, "**À revoir** avant l’examen.\n\n- un point\n- un autre\n");
  assert_contains (markdown, "- Étiquettes\u00a0: examen, Ricardo \\[1\\]\n");
  assert_contains (markdown, "- Couleur\u00a0: violet\n");
  assert_contains (markdown, "Un dossier de test : tout va bien, «\u00a0Le texte : une lecture\u00a0», "
                             "caractères 41 à 75");
  assert_contains (markdown, "### Note sur tout le document\n\nSur tout le texte");
  assert_contains (markdown, "### Signet\n\n> ici\n");
  assert_contains (markdown, "(détachée\u00a0: ce passage ne se trouve plus dans le texte)");
  /* The document note comes first in its document, as given. */
  g_assert_true (strstr (markdown, "### Note sur tout le document") > texte);

  /* Without the pack: its ids stand for the titles, with the pack's. */
  assert_contains (bare, "## notes (test-good)\n");
  assert_contains (bare, "## texte (test-good)\n");
}

static void
assert_fails (const char *data,
              gssize      length,
              const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = pn_annotations_from_w3c (data, length, "bad.json", NULL, &error);

  g_assert_null (annotations);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
}

static void
test_import_refused (void)
{
  g_autofree char *big = NULL;

  assert_fails ("{\n  \"items\": [1,\n", -1, "bad.json:");
  assert_fails ("", 0, "bad.json");
  assert_fails ("{\"type\": \"Person\"}", -1, "bad.json:1: this is not a W3C Web Annotation");
  assert_fails ("\n\n\"just a string\"", -1, "this is not a W3C");
  assert_fails ("{\"a\": 1,\n\"b\": \"\xff\xfe\"}", -1, "bad.json:2: the file is not UTF-8");
  assert_fails ("{\"type\": \"AnnotationCollection\",\n \"first\": \"https://example.org/page1\"}", -1,
                "bad.json:2:");
  /* Deep nesting is stopped before json-glib recurses into it. */
  big = g_strnfill (10000, '[');
  assert_fails (big, -1, "bad.json:1");
  g_clear_pointer (&big, g_free);

  /* Over the size limit: refused before reading. */
  big = g_malloc (PN_ANNOTATION_MAX_FILE + 2);
  memset (big, ' ', PN_ANNOTATION_MAX_FILE + 1);
  big[0] = '[';
  big[PN_ANNOTATION_MAX_FILE] = ']';
  big[PN_ANNOTATION_MAX_FILE + 1] = '\0';
  assert_fails (big, -1, "larger than 50 MB");
}

static void
test_import_items (void)
{
  const char *json =
    "{\n"
    "  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
    "  \"type\": \"AnnotationCollection\",\n"
    "  \"items\": [\n"
    "    42,\n"                                                                    /* line 5 */
    "    {\"type\": \"Annotation\", \"target\": \"https://example.org/page\"},\n"  /* line 6 */
    "    {\"type\": \"Annotation\", \"id\": \"https://hypothes.is/a/xyz\",\n"       /* line 7 */
    "     \"body\": {\"type\": \"TextualBody\", \"value\": \"Hello\"},\n"
    "     \"bodyValue\": \"First\",\n"
    "     \"target\": [{\"source\": \"prisonnum://pack/p/doc/d\",\n"
    "                  \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"mot\"}}]},\n"
    "    {\"type\": \"Annotation\", \"target\": {\"source\": \"prisonnum://pack/p/doc/d\",\n" /* line 12 */
    "     \"selector\": {\"type\": \"TextPositionSelector\", \"start\": 1, \"end\": 4}}},\n"
    "    {\"type\": \"Annotation\", \"motivation\": \"commenting\", \"body\": [\n" /* line 14 */
    "       {\"value\": \"Sur tout\"}, {\"value\": \" t1 \", \"purpose\": [\"tagging\"]},\n"
    "       {\"value\": \"t1\", \"purpose\": \"tagging\"}],\n"
    "     \"created\": \"not a date\", \"pn:color\": \"chartreuse\",\n"
    "     \"target\": {\"source\": \"prisonnum://pack/p/doc/e\"}}\n"
    "  ]\n"
    "}\n";
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  const PnAnnotation *foreign;
  const PnAnnotation *note;

  annotations = pn_annotations_from_w3c (json, -1, "classe.json", problems, &error);
  g_assert_no_error (error);
  pn_test_dump (problems);
  g_assert_cmpuint (annotations->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 3);
  pn_test_assert_diagnostic (problems, PN_SEVERITY_WARNING, "classe.json", 5, "must be an object");
  pn_test_assert_diagnostic (problems, PN_SEVERITY_WARNING, "classe.json", 6, "names no document");
  pn_test_assert_diagnostic (problems, PN_SEVERITY_WARNING, "classe.json", 12, "without its quote");

  /* A foreign id becomes a urn:uuid, the same each time. */
  foreign = annotations->pdata[0];
  g_assert_true (g_str_has_prefix (foreign->id, "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (foreign->id + 9));
  g_assert_cmpstr (foreign->pack_id, ==, "p");
  g_assert_cmpstr (foreign->document_id, ==, "d");
  g_assert_cmpint (foreign->kind, ==, PN_ANNOTATION_HIGHLIGHT);
  g_assert_cmpstr (foreign->note, ==, "First\n\nHello");
  g_assert_cmpstr (foreign->selectors.exact, ==, "mot");
  again = pn_annotations_from_w3c (json, -1, "classe.json", NULL, &error);
  g_assert_cmpstr (((PnAnnotation *) again->pdata[0])->id, ==, foreign->id);
  /* Without an id: a new one. */
  g_assert_cmpstr (((PnAnnotation *) again->pdata[1])->id, !=, ((PnAnnotation *) annotations->pdata[1])->id);

  /* No selector: a note on the document; tags trimmed, once each; an
   * unknown colour as yellow; a date that is not one as now. */
  note = annotations->pdata[1];
  g_assert_cmpint (note->kind, ==, PN_ANNOTATION_DOCUMENT_NOTE);
  g_assert_cmpstr (note->note, ==, "Sur tout");
  g_assert_cmpstrv (note->tags, ((const char *[]) { "t1", NULL }));
  g_assert_cmpint (note->color, ==, PN_ANNOTATION_YELLOW);
  g_assert_cmpint (note->created_at, >, 1764590400);
}

/* Texts over their bounds: the annotation is left out, not cut; the others stay. */
static void
test_import_bounds (void)
{
  g_autofree char *long_note = g_strnfill (PN_ANNOTATION_MAX_NOTE + 1, 'n');
  g_autofree char *long_quote = g_strnfill (PN_ANNOTATION_MAX_QUOTE + 1, 'q');
  g_autofree char *long_tag = g_strnfill (PN_ANNOTATION_MAX_TAG + 1, 't');
  g_autofree char *json = g_strdup_printf (
    "[\n"
    "{\"bodyValue\": \"%s\", \"target\": \"prisonnum://pack/p/doc/d\"},\n"
    "{\"body\": [{\"value\": \"a\"}, {\"value\": \"%s\"}], \"target\": \"prisonnum://pack/p/doc/d\"},\n"
    "{\"target\": {\"source\": \"prisonnum://pack/p/doc/d\",\n"
    "  \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"%s\"}}},\n"
    "{\"body\": {\"value\": \"%s\", \"purpose\": \"tagging\"}, \"target\": \"prisonnum://pack/p/doc/d\"},\n"
    "{\"bodyValue\": \"kept\", \"target\": \"prisonnum://pack/p/doc/d\"}\n"
    "]\n", long_note, long_note, long_quote, long_tag);
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = pn_annotations_from_w3c (json, -1, "big.json", problems, &error);

  g_assert_no_error (error);
  pn_test_dump (problems);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (((PnAnnotation *) annotations->pdata[0])->note, ==, "kept");
  pn_test_assert_diagnostic (problems, PN_SEVERITY_WARNING, "big.json", 2, "note is longer");
  pn_test_assert_diagnostic (problems, PN_SEVERITY_WARNING, "big.json", 3, "note is longer");
  pn_test_assert_diagnostic (problems, PN_SEVERITY_WARNING, "big.json", 5, "quote is longer");
  pn_test_assert_diagnostic (problems, PN_SEVERITY_WARNING, "big.json", 6, "tag longer");
}

static void
test_import_single_and_array (void)
{
  g_autoptr(GPtrArray) annotations = sample ();
  g_autofree char *json = pn_annotations_to_w3c (annotations, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *items = NULL;
  g_autofree char *single = NULL;
  g_autoptr(GPtrArray) from_items = NULL;
  g_autoptr(GPtrArray) from_single = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *array;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  array = json_object_get_member (json_object_get_object_member (
    json_node_get_object (json_parser_get_root (parser)), "first"), "items");
  json_generator_set_root (generator, array);
  items = json_generator_to_data (generator, NULL);
  json_generator_set_root (generator, json_array_get_element (json_node_get_array (array), 2));
  single = json_generator_to_data (generator, NULL);

  from_items = pn_annotations_from_w3c (items, -1, "items.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_items->len, ==, 5);
  from_single = pn_annotations_from_w3c (single, -1, "one.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (from_single->len, ==, 1);
  store_test_assert_same_annotation (from_single->pdata[0], annotations->pdata[2]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotation-export/w3c-shape", test_w3c_shape);
  g_test_add_func ("/annotation-export/w3c-round-trip", test_w3c_round_trip);
  g_test_add_func ("/annotation-export/reimport-adds-nothing", test_reimport_adds_nothing);
  g_test_add_func ("/annotation-export/markdown", test_markdown);
  g_test_add_func ("/annotation-export/import-refused", test_import_refused);
  g_test_add_func ("/annotation-export/import-items", test_import_items);
  g_test_add_func ("/annotation-export/import-bounds", test_import_bounds);
  g_test_add_func ("/annotation-export/import-single-and-array", test_import_single_and_array);

  return g_test_run ();
}
