/* test-pack-annotations.c: the teacher's notes a pack carries: read with the
 * pack, each problem at its file and line, placed in the documents' texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-pack-annotations.h"
#include "pn-pack-check.h"
#include "pn-render.h"
#include "pn-test-util.h"

#define ID_1 "urn:uuid:7d1f0c0e-5a8b-4c1e-9f3a-1b2c3d4e5f60"
#define ID_3 "urn:uuid:7d1f0c0e-5a8b-4c1e-9f3a-1b2c3d4e5f62"

static const char doc_text[] = "## Partie\n\nLe jardinier arrose ses tomates chaque matin.\n";

/* One note in the W3C form the app writes, on @document of test-pack. */
static char *
note_json (const char *document,
           const char *quote,
           const char *text)
{
  return g_strdup_printf ("    {\n"
                          "      \"type\": \"Annotation\",\n"
                          "      \"body\": { \"type\": \"TextualBody\", \"value\": \"%s\" },\n"
                          "      \"target\": {\n"
                          "        \"source\": \"prisonnum://pack/test-pack/doc/%s\",\n"
                          "        \"selector\": { \"type\": \"TextQuoteSelector\", \"exact\": \"%s\" }\n"
                          "      }\n"
                          "    }", text, document, quote);
}

/* A one-document pack whose pack.json names @annotations_file under
 * "annotations" (line 8), holding @annotations (NULL: no such file). */
static char *
make_pack (const char *annotations_file,
           const char *annotations)
{
  g_autofree char *member = g_strdup_printf ("\"annotations\": \"%s\",\n  ", annotations_file);
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", member);
  char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", doc_text, NULL);

  if (annotations != NULL)
    pn_test_write_file (dir, annotations_file, annotations, -1);
  return dir;
}

static void
test_fixture (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load_fixture ("teacher", diagnostics);
  GPtrArray *notes = pn_pack_get_teacher_notes (pack);
  const PnAnnotation *first;
  g_autoptr(GPtrArray) of_jardin = NULL;
  g_autoptr(GPtrArray) of_none = NULL;

  pn_test_dump (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  g_assert_cmpstr (pn_pack_get_annotations_file (pack), ==, "notes-enseignante.json");
  g_assert_cmpuint (notes->len, ==, 3);

  first = pn_pack_get_teacher_note (pack, ID_1);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->pack_id, ==, "test-teacher");
  g_assert_cmpstr (first->document_id, ==, "jardin");
  g_assert_cmpstr (first->selectors.exact, ==, "la terre sèche se souvient de l'eau");
  g_assert_true (g_str_has_prefix (first->note, "Une **personnification**"));
  g_assert_cmpint (first->kind, ==, PN_ANNOTATION_HIGHLIGHT);
  /* Where each starts in the file, for the messages. */
  g_assert_cmpint (pn_pack_get_teacher_note_line (pack, ID_1), ==, 6);
  g_assert_cmpint (pn_pack_get_teacher_note_line (pack, ID_3), ==, 34);
  g_assert_cmpint (pn_pack_get_teacher_note_line (pack, "urn:uuid:nothing"), ==, 0);
  g_assert_null (pn_pack_get_teacher_note (pack, "urn:uuid:nothing"));

  of_jardin = pn_pack_get_teacher_notes_of (pack, "jardin");
  g_assert_cmpuint (of_jardin->len, ==, 2);
  of_none = pn_pack_get_teacher_notes_of (pack, "absent");
  g_assert_cmpuint (of_none->len, ==, 0);
}

/* A pack without the member has none, and says so. */
static void
test_none (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load_fixture ("good", diagnostics);

  g_assert_null (pn_pack_get_annotations_file (pack));
  g_assert_nonnull (pn_pack_get_teacher_notes (pack));
  g_assert_cmpuint (pn_pack_get_teacher_notes (pack)->len, ==, 0);
}

/* Placed in the text as the reader renders it, at the words quoted. */
static void
test_anchoring (void)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load_fixture ("teacher", diagnostics);
  g_autoptr(PnRenderedPage) page = pn_render_page (pack, pn_pack_get_document (pack, "jardin"));
  const char *text = pn_rendered_page_get_text (page);
  PnAnchorText *anchor_text = pn_anchor_text_new (text, -1);
  g_autoptr(GPtrArray) placed = NULL;
  g_autoptr(GPtrArray) other_text = NULL;
  PnAnchorText *saisons_text = pn_anchor_text_new ("Rien de ce qui est cité ici.", -1);
  guint detached = 99;

  placed = pn_pack_anchor_teacher_notes (pack, "jardin", anchor_text, &detached);
  g_assert_cmpuint (placed->len, ==, 2);
  g_assert_cmpuint (detached, ==, 0);
  for (guint i = 0; i < placed->len; i++)
    {
      const PnAnnotation *a = g_ptr_array_index (placed, i);
      g_autofree char *words = g_utf8_substring (text, a->selectors.start, a->selectors.end);

      g_assert_false (a->detached);
      g_assert_cmpint (a->selectors.end, >, a->selectors.start);
      /* The words there are the quote (the page has typographic apostrophes). */
      if (i == 0)
        g_assert_cmpstr (words, ==, "la terre sèche se souvient de l’eau");
      else
        g_assert_cmpstr (words, ==, "la couleur du ciel, la direction du vent et le nom des oiseaux");
    }
  /* The pack's own notes are left as they were: copies were placed. */
  g_assert_cmpint (pn_pack_get_teacher_note (pack, ID_1)->selectors.end, ==, 0);

  /* A text that does not hold the words: none placed, counted. */
  other_text = pn_pack_anchor_teacher_notes (pack, "saisons", saisons_text, &detached);
  g_assert_cmpuint (other_text->len, ==, 0);
  g_assert_cmpuint (detached, ==, 1);

  pn_anchor_text_free (anchor_text);
  pn_anchor_text_free (saisons_text);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = make_pack ("absent.json", NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  /* At the value in pack.json, which names the file. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 8, "absent.json");
  g_assert_cmpuint (pn_pack_get_teacher_notes (pack)->len, ==, 0);
  pn_test_remove_dir (dir);
}

static void
test_not_a_string (void)
{
  g_autofree char *manifest = pn_test_manifest_with ("doc.md", "\"annotations\": 3,\n  ");
  g_autofree char *dir = pn_test_make_dir ("pack.json", manifest, "doc.md", doc_text, NULL);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "pack.json", 8, "annotations");
  g_assert_null (pn_pack_get_annotations_file (pack));
  pn_test_remove_dir (dir);
}

/* A file that cannot be read as notes at all: an error in it, at @line. */
static void
assert_file_error (const char *data,
                   int         line,
                   const char *needle)
{
  g_autofree char *dir = make_pack ("notes.json", data);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "notes.json", line, needle);
  g_assert_cmpuint (pn_pack_get_teacher_notes (pack)->len, ==, 0);
  pn_test_remove_dir (dir);
}

static void
test_bad_json (void)
{
  /* At the comma. */
  assert_file_error ("{\n  \"items\": [\n    { \"a\": 1, }\n  ]\n}\n", 3, "trailing comma");
  /* JSON, but not annotations. */
  assert_file_error ("\n{ \"title\": \"rien\" }\n", 2, "not a W3C Web Annotation");
}

/* Each note that cannot be shown is left out at its own line; the others are kept. */
static void
test_bad_notes (void)
{
  g_autofree char *good = note_json ("doc", "arrose ses tomates", "Un verbe d’action.");
  g_autofree char *unknown = note_json ("autre", "arrose", "Sur un autre texte.");
  g_autofree char *empty = note_json ("doc", "tomates", "  ");
  g_autofree char *data = g_strdup_printf ("{\n  \"type\": \"AnnotationCollection\",\n  \"items\": [\n"
                                           "%s,\n%s,\n%s\n  ]\n}\n", good, unknown, empty);
  g_autofree char *dir = make_pack ("notes.json", data);
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = pn_test_load (dir, diagnostics);
  GPtrArray *notes = pn_pack_get_teacher_notes (pack);
  const PnAnnotation *kept;

  pn_test_dump (diagnostics);
  /* Each note is 8 lines long, the first at line 4. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_ERROR, "notes.json", 12, "'autre'");
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "notes.json", 20, "no text");
  g_assert_cmpuint (diagnostics->len, ==, 2);
  g_assert_cmpuint (notes->len, ==, 1);
  kept = g_ptr_array_index (notes, 0);
  g_assert_cmpstr (kept->document_id, ==, "doc");
  g_assert_cmpint (pn_pack_get_teacher_note_line (pack, kept->id), ==, 4);
  pn_test_remove_dir (dir);
}

/* The check places them in the rendered texts: words no longer there are a
 * warning at the note's line (and a note whose words are there, none). */
static void
test_check_detached (void)
{
  g_autofree char *good = note_json ("doc", "arrose ses tomates", "Un verbe d’action.");
  g_autofree char *gone = note_json ("doc", "Zygomatiques xylophones quadrillés de kiosques", "Parti.");
  g_autofree char *long_gone = note_json ("doc", "Vingt-sept kiosques jaunes quadrillés et zygomatiques, "
                                          "au bord du quai, chantent faux", "Parti aussi.");
  g_autofree char *data = g_strdup_printf ("[\n%s,\n%s,\n%s\n]\n", good, gone, long_gone);
  g_autofree char *dir = make_pack ("notes.json", data);
  g_autoptr(GFile) location = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPackCheck) check = pn_pack_check_run (location, NULL, &error);
  GPtrArray *diagnostics;

  g_assert_no_error (error);
  diagnostics = pn_pack_check_get_diagnostics (check);
  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "notes.json", 10, "Zygomatiques");
  /* A long quote is cut in the message. */
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "notes.json", 18, "zygomatiques, au bo…”");
  g_assert_null (pn_test_find (diagnostics, "chantent faux"));
  g_assert_null (pn_test_find (diagnostics, "arrose"));
  g_assert_cmpuint (pn_diagnostics_count (diagnostics, PN_SEVERITY_WARNING), ==, 2);
  pn_test_remove_dir (dir);
}

/* A note of another pack id is shown here, with a warning. */
static void
test_other_pack_id (void)
{
  g_autofree char *note = note_json ("doc", "arrose", "Un verbe.");
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autoptr(PnPack) pack = NULL;

  g_string_printf (data, "[\n%s\n]\n", note);
  g_string_replace (data, "pack/test-pack/", "pack/vieux-id/", 1);
  dir = make_pack ("notes.json", data->str);
  pack = pn_test_load (dir, diagnostics);

  pn_test_dump (diagnostics);
  pn_test_assert_diagnostic (diagnostics, PN_SEVERITY_WARNING, "notes.json", 2, "vieux-id");
  g_assert_cmpuint (pn_pack_get_teacher_notes (pack)->len, ==, 1);
  g_assert_cmpstr (((PnAnnotation *) g_ptr_array_index (pn_pack_get_teacher_notes (pack), 0))->pack_id,
                   ==, "test-pack");
  pn_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack-annotations/fixture", test_fixture);
  g_test_add_func ("/pack-annotations/none", test_none);
  g_test_add_func ("/pack-annotations/anchoring", test_anchoring);
  g_test_add_func ("/pack-annotations/missing-file", test_missing_file);
  g_test_add_func ("/pack-annotations/not-a-string", test_not_a_string);
  g_test_add_func ("/pack-annotations/bad-json", test_bad_json);
  g_test_add_func ("/pack-annotations/bad-notes", test_bad_notes);
  g_test_add_func ("/pack-annotations/check-detached", test_check_detached);
  g_test_add_func ("/pack-annotations/other-pack-id", test_other_pack_id);

  return g_test_run ();
}
