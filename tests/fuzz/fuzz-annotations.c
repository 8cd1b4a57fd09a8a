/* fuzz-annotations.c: the student's notes read back from W3C Web Annotation
 * JSON (pn_annotations_from_w3c), and a pack's teacher's notes, read the same
 * way with the place of each (pn_annotations_from_w3c_located)
 *
 * The file may come from anyone: each input is refused with a located reason
 * or read as annotations that keep the model's rules (a urn:uuid id, a pack
 * and a document, texts within their bounds), which export again and read
 * back the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-annotation-export.h"
#include "pn-annotation-private.h"
#include "pn-fuzz.h"

static void
check (const PnAnnotation *annotation)
{
  g_assert_true (g_str_has_prefix (annotation->id, "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (annotation->id + strlen ("urn:uuid:")));
  g_assert_true (annotation->pack_id[0] != '\0' && annotation->document_id[0] != '\0');
  g_assert_nonnull (annotation->note);
  g_assert_cmpuint (strlen (annotation->note), <=, PN_ANNOTATION_MAX_NOTE);
  g_assert_nonnull (annotation->tags);
  g_assert_cmpuint (g_strv_length (annotation->tags), <=, PN_ANNOTATION_MAX_TAGS);
  g_assert_cmpint (annotation->kind, <=, PN_ANNOTATION_DOCUMENT_NOTE);
  g_assert_cmpint (annotation->color, <, PN_ANNOTATION_N_COLORS);
  if (annotation->kind == PN_ANNOTATION_DOCUMENT_NOTE)
    {
      g_assert_null (annotation->selectors.exact);
    }
  else
    {
      g_assert_nonnull (annotation->selectors.exact);
      g_assert_cmpuint (strlen (annotation->selectors.exact), <=, PN_ANNOTATION_MAX_QUOTE);
      g_assert_true (0 <= annotation->selectors.start && annotation->selectors.start <= annotation->selectors.end);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GPtrArray) problems = pn_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) places = g_array_new (FALSE, TRUE, sizeof (PnAnnotationPlace));
  g_autoptr(GPtrArray) annotations = pn_annotations_from_w3c_located ((const char *) data, (gssize) size, "in.json",
                                                                      problems, places, &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *markdown = NULL;

  if (annotations == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "in.json"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  for (guint i = 0; i < problems->len; i++)
    g_assert_cmpstr (((PnDiagnostic *) problems->pdata[i])->file, ==, "in.json");
  for (guint i = 0; i < annotations->len; i++)
    check (annotations->pdata[i]);
  /* One place for each annotation read, in the file. */
  g_assert_cmpuint (places->len, ==, annotations->len);
  for (guint i = 0; i < places->len; i++)
    g_assert_cmpint (g_array_index (places, PnAnnotationPlace, i).line, >=, 1);

  /* What was read exports, and reads back whole. */
  json = pn_annotations_to_w3c (annotations, NULL);
  again = pn_annotations_from_w3c (json, -1, "again.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, annotations->len);
  for (guint i = 0; i < again->len; i++)
    {
      const PnAnnotation *a = annotations->pdata[i];
      const PnAnnotation *b = again->pdata[i];

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpstr (a->note, ==, b->note);
      g_assert_cmpstr (a->selectors.exact, ==, b->selectors.exact);
      g_assert_cmpint (a->kind, ==, b->kind);
    }

  markdown = pn_annotations_to_markdown (annotations, NULL, NULL);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));

  return 0;
}
