/* test-annotation.c: an annotation made, copied and freed; its kinds,
 * colours and tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-annotation.h"

static void
test_new (void)
{
  g_autoptr(PnAnnotation) a = pn_annotation_new ("pack", "doc", PN_ANNOTATION_HIGHLIGHT);
  g_autoptr(PnAnnotation) b = pn_annotation_new ("pack", "doc", PN_ANNOTATION_HIGHLIGHT);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_true (g_str_has_prefix (a->id, "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (a->id + strlen ("urn:uuid:")));
  g_assert_cmpstr (a->id, !=, b->id);
  g_assert_cmpstr (a->pack_id, ==, "pack");
  g_assert_cmpstr (a->document_id, ==, "doc");
  g_assert_cmpint (a->kind, ==, PN_ANNOTATION_HIGHLIGHT);
  g_assert_cmpint (a->color, ==, PN_ANNOTATION_YELLOW);
  g_assert_cmpstr (a->note, ==, "");
  g_assert_nonnull (a->tags);
  g_assert_null (a->tags[0]);
  g_assert_null (a->selectors.exact);
  g_assert_null (a->content_hash);
  g_assert_false (a->detached);
  g_assert_cmpint (ABS (a->created_at - now), <=, 2);
  g_assert_cmpint (a->updated_at, ==, a->created_at);
}

static void
test_copy (void)
{
  g_autoptr(PnAnnotation) a = pn_annotation_new ("pack", "doc", PN_ANNOTATION_BOOKMARK);
  g_autoptr(PnAnnotation) copy = NULL;
  const char *tags[] = { "exam", "verbs", NULL };

  a->color = PN_ANNOTATION_PURPLE;
  g_free (a->note);
  a->note = g_strdup ("*see* page 2");
  pn_annotation_set_tags (a, tags);
  a->selectors.exact = g_strdup ("la prison");
  a->selectors.prefix = g_strdup ("dans ");
  a->selectors.suffix = g_strdup (" numérique");
  a->selectors.start = 12;
  a->selectors.end = 21;
  a->content_hash = g_strdup ("abc");
  a->detached = TRUE;

  copy = pn_annotation_copy (a);
  g_assert_true (copy != a);
  g_assert_cmpstr (copy->id, ==, a->id);
  g_assert_cmpint (copy->kind, ==, PN_ANNOTATION_BOOKMARK);
  g_assert_cmpint (copy->color, ==, PN_ANNOTATION_PURPLE);
  g_assert_cmpstr (copy->note, ==, "*see* page 2");
  g_assert_true (copy->note != a->note);
  g_assert_cmpstrv (copy->tags, tags);
  g_assert_cmpstr (copy->selectors.exact, ==, "la prison");
  g_assert_true (copy->selectors.exact != a->selectors.exact);
  g_assert_cmpstr (copy->selectors.prefix, ==, "dans ");
  g_assert_cmpstr (copy->selectors.suffix, ==, " numérique");
  g_assert_cmpint (copy->selectors.start, ==, 12);
  g_assert_cmpint (copy->selectors.end, ==, 21);
  g_assert_cmpstr (copy->content_hash, ==, "abc");
  g_assert_true (copy->detached);
  g_assert_cmpint (copy->created_at, ==, a->created_at);

  /* The copy owns its strings: freeing the first leaves it whole. */
  g_clear_pointer (&a, pn_annotation_free);
  g_assert_cmpstr (copy->selectors.exact, ==, "la prison");
  g_assert_cmpstr (copy->tags[1], ==, "verbs");
}

static void
test_selectors (void)
{
  PnTextSelectors from = { g_strdup ("x"), g_strdup ("p"), NULL, 3, 4 };
  PnTextSelectors to = { g_strdup ("old"), NULL, NULL, 9, 9 };

  pn_text_selectors_copy (&from, &to);
  g_assert_cmpstr (to.exact, ==, "x");
  g_assert_cmpstr (to.prefix, ==, "p");
  g_assert_null (to.suffix);
  g_assert_cmpint (to.start, ==, 3);
  g_assert_cmpint (to.end, ==, 4);

  /* Copying onto itself keeps it. */
  pn_text_selectors_copy (&to, &to);
  g_assert_cmpstr (to.exact, ==, "x");

  pn_text_selectors_clear (&from);
  pn_text_selectors_clear (&to);
  g_assert_null (to.exact);
  g_assert_null (to.prefix);
  g_assert_cmpint (to.start, ==, 0);
  g_assert_cmpint (to.end, ==, 0);
  /* Twice is harmless. */
  pn_text_selectors_clear (&to);
}

static void
test_tags (void)
{
  g_autoptr(PnAnnotation) a = pn_annotation_new (NULL, NULL, PN_ANNOTATION_HIGHLIGHT);
  const char *tags[] = { " exam ", "", "  ", "verbs", "exam", "Exam", NULL };
  const char *kept[] = { "exam", "verbs", "Exam", NULL };

  pn_annotation_set_tags (a, tags);
  g_assert_cmpstrv (a->tags, kept);
  g_assert_true (pn_annotation_has_tag (a, "exam"));
  g_assert_true (pn_annotation_has_tag (a, "Exam"));
  g_assert_false (pn_annotation_has_tag (a, " exam "));
  g_assert_false (pn_annotation_has_tag (a, NULL));

  pn_annotation_set_tags (a, NULL);
  g_assert_nonnull (a->tags);
  g_assert_null (a->tags[0]);
  g_assert_false (pn_annotation_has_tag (a, "exam"));
}

static void
test_names (void)
{
  PnAnnotationKind kind = PN_ANNOTATION_HIGHLIGHT;
  PnAnnotationColor color = PN_ANNOTATION_YELLOW;
  const char *colors[] = { "yellow", "green", "blue", "pink", "orange", "purple", "underline" };

  g_assert_cmpstr (pn_annotation_kind_to_string (PN_ANNOTATION_DOCUMENT_NOTE), ==, "document-note");
  g_assert_true (pn_annotation_kind_from_string ("bookmark", &kind));
  g_assert_cmpint (kind, ==, PN_ANNOTATION_BOOKMARK);
  g_assert_false (pn_annotation_kind_from_string ("Bookmark", &kind));
  g_assert_false (pn_annotation_kind_from_string (NULL, &kind));
  g_assert_cmpint (kind, ==, PN_ANNOTATION_BOOKMARK);

  g_assert_cmpuint (G_N_ELEMENTS (colors), ==, PN_ANNOTATION_N_COLORS);
  for (guint i = 0; i < PN_ANNOTATION_N_COLORS; i++)
    {
      g_assert_cmpstr (pn_annotation_color_to_string (i), ==, colors[i]);
      g_assert_true (pn_annotation_color_from_string (colors[i], &color));
      g_assert_cmpuint (color, ==, i);
    }
  g_assert_false (pn_annotation_color_from_string ("red", &color));
  g_assert_cmpint (color, ==, PN_ANNOTATION_UNDERLINE);
}

static void
test_array (void)
{
  g_autoptr(GPtrArray) list = pn_annotations_new ();

  g_ptr_array_add (list, pn_annotation_new ("p", "d", PN_ANNOTATION_HIGHLIGHT));
  g_ptr_array_add (list, pn_annotation_new ("p", "d", PN_ANNOTATION_DOCUMENT_NOTE));
  g_assert_cmpuint (list->len, ==, 2);
  /* Freed with the array (LeakSanitizer would tell otherwise). */
}

/* Placed: a range that is not empty, not detached. */
static void
test_placed (void)
{
  g_autoptr(PnAnnotation) a = pn_annotation_new ("pack", "doc", PN_ANNOTATION_HIGHLIGHT);

  a->selectors.start = 4;
  a->selectors.end = 9;
  g_assert_true (pn_annotation_is_placed (a));
  a->detached = TRUE;
  g_assert_false (pn_annotation_is_placed (a));
  a->detached = FALSE;
  a->selectors.end = 4;
  g_assert_false (pn_annotation_is_placed (a));
  a->selectors.start = -1;
  a->selectors.end = 3;
  g_assert_false (pn_annotation_is_placed (a));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotation/new", test_new);
  g_test_add_func ("/annotation/copy", test_copy);
  g_test_add_func ("/annotation/selectors", test_selectors);
  g_test_add_func ("/annotation/tags", test_tags);
  g_test_add_func ("/annotation/placed", test_placed);
  g_test_add_func ("/annotation/names", test_names);
  g_test_add_func ("/annotation/array", test_array);

  return g_test_run ();
}
