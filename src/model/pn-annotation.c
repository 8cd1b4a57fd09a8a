/* pn-annotation.c: one of the student's annotations, made, copied and freed;
 * the names of its kinds and colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-annotation.h"

static const char * const kind_names[] = {
  [PN_ANNOTATION_HIGHLIGHT] = "highlight",
  [PN_ANNOTATION_BOOKMARK] = "bookmark",
  [PN_ANNOTATION_DOCUMENT_NOTE] = "document-note",
};

static const char * const color_names[PN_ANNOTATION_N_COLORS] = {
  [PN_ANNOTATION_YELLOW] = "yellow",
  [PN_ANNOTATION_GREEN] = "green",
  [PN_ANNOTATION_BLUE] = "blue",
  [PN_ANNOTATION_PINK] = "pink",
  [PN_ANNOTATION_ORANGE] = "orange",
  [PN_ANNOTATION_PURPLE] = "purple",
  [PN_ANNOTATION_UNDERLINE] = "underline",
};

/* The index of @name in @names, or -1. */
static int
find_name (const char * const *names,
           guint               n_names,
           const char         *name)
{
  if (name == NULL)
    return -1;

  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], name))
      return (int) i;

  return -1;
}

const char *
pn_annotation_kind_to_string (PnAnnotationKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
pn_annotation_kind_from_string (const char       *name,
                                PnAnnotationKind *kind)
{
  int i = find_name (kind_names, G_N_ELEMENTS (kind_names), name);

  if (i < 0)
    return FALSE;
  if (kind != NULL)
    *kind = (PnAnnotationKind) i;
  return TRUE;
}

const char *
pn_annotation_color_to_string (PnAnnotationColor color)
{
  g_return_val_if_fail ((guint) color < G_N_ELEMENTS (color_names), NULL);

  return color_names[color];
}

gboolean
pn_annotation_color_from_string (const char        *name,
                                 PnAnnotationColor *color)
{
  int i = find_name (color_names, G_N_ELEMENTS (color_names), name);

  if (i < 0)
    return FALSE;
  if (color != NULL)
    *color = (PnAnnotationColor) i;
  return TRUE;
}

void
pn_text_selectors_clear (PnTextSelectors *selectors)
{
  g_return_if_fail (selectors != NULL);

  g_clear_pointer (&selectors->exact, g_free);
  g_clear_pointer (&selectors->prefix, g_free);
  g_clear_pointer (&selectors->suffix, g_free);
  selectors->start = 0;
  selectors->end = 0;
}

void
pn_text_selectors_copy (const PnTextSelectors *from,
                        PnTextSelectors       *to)
{
  g_return_if_fail (from != NULL);
  g_return_if_fail (to != NULL);

  if (from == to)
    return;

  pn_text_selectors_clear (to);
  to->exact = g_strdup (from->exact);
  to->prefix = g_strdup (from->prefix);
  to->suffix = g_strdup (from->suffix);
  to->start = from->start;
  to->end = from->end;
}

PnAnnotation *
pn_annotation_new (const char       *pack_id,
                   const char       *document_id,
                   PnAnnotationKind  kind)
{
  PnAnnotation *annotation = g_new0 (PnAnnotation, 1);
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  annotation->id = g_strconcat ("urn:uuid:", uuid, NULL);
  annotation->pack_id = g_strdup (pack_id);
  annotation->document_id = g_strdup (document_id);
  annotation->kind = kind;
  annotation->color = PN_ANNOTATION_YELLOW;
  annotation->note = g_strdup ("");
  annotation->tags = g_new0 (char *, 1);
  annotation->created_at = now;
  annotation->updated_at = now;

  return annotation;
}

PnAnnotation *
pn_annotation_copy (const PnAnnotation *annotation)
{
  PnAnnotation *copy;

  g_return_val_if_fail (annotation != NULL, NULL);

  copy = g_new0 (PnAnnotation, 1);
  copy->id = g_strdup (annotation->id);
  copy->pack_id = g_strdup (annotation->pack_id);
  copy->document_id = g_strdup (annotation->document_id);
  copy->kind = annotation->kind;
  copy->color = annotation->color;
  copy->note = g_strdup (annotation->note != NULL ? annotation->note : "");
  copy->tags = annotation->tags != NULL ? g_strdupv (annotation->tags) : g_new0 (char *, 1);
  pn_text_selectors_copy (&annotation->selectors, &copy->selectors);
  copy->content_hash = g_strdup (annotation->content_hash);
  copy->detached = annotation->detached;
  copy->created_at = annotation->created_at;
  copy->updated_at = annotation->updated_at;

  return copy;
}

void
pn_annotation_free (PnAnnotation *annotation)
{
  if (annotation == NULL)
    return;

  g_free (annotation->id);
  g_free (annotation->pack_id);
  g_free (annotation->document_id);
  g_free (annotation->note);
  g_strfreev (annotation->tags);
  pn_text_selectors_clear (&annotation->selectors);
  g_free (annotation->content_hash);
  g_free (annotation);
}

void
pn_annotation_set_tags (PnAnnotation       *annotation,
                        const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (annotation != NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      char *tag = g_strstrip (g_strdup (tags[i]));

      if (tag[0] == '\0' || g_hash_table_contains (seen, tag))
        {
          g_free (tag);
          continue;
        }
      g_hash_table_add (seen, tag);   /* owns it; the builder copies */
      g_strv_builder_add (builder, tag);
    }

  g_strfreev (annotation->tags);
  annotation->tags = g_strv_builder_end (builder);
}

gboolean
pn_annotation_is_placed (const PnAnnotation *annotation)
{
  g_return_val_if_fail (annotation != NULL, FALSE);

  return !annotation->detached && annotation->selectors.start >= 0 &&
         annotation->selectors.end > annotation->selectors.start;
}

gboolean
pn_annotation_has_tag (const PnAnnotation *annotation,
                       const char         *tag)
{
  g_return_val_if_fail (annotation != NULL, FALSE);

  if (tag == NULL || annotation->tags == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) annotation->tags, tag);
}

GPtrArray *
pn_annotations_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pn_annotation_free);
}
