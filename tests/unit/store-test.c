/* store-test.c: what the tests of the student's store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store-test.h"

void
store_test_assert_same_annotation (const PnAnnotation *a,
                                   const PnAnnotation *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->pack_id, ==, b->pack_id);
  g_assert_cmpstr (a->document_id, ==, b->document_id);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->color, ==, b->color);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpstrv (a->tags, b->tags);
  g_assert_cmpstr (a->selectors.exact, ==, b->selectors.exact);
  g_assert_cmpstr (a->selectors.prefix, ==, b->selectors.prefix);
  g_assert_cmpstr (a->selectors.suffix, ==, b->selectors.suffix);
  g_assert_cmpint (a->selectors.start, ==, b->selectors.start);
  g_assert_cmpint (a->selectors.end, ==, b->selectors.end);
  g_assert_cmpstr (a->content_hash, ==, b->content_hash);
  g_assert_cmpint (a->detached, ==, b->detached);
  g_assert_cmpint (a->created_at, ==, b->created_at);
  g_assert_cmpint (a->updated_at, ==, b->updated_at);
}

char *
store_test_checksum_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}
