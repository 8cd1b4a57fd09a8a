/* pn-rendered-page.c: a rendered document: HTML, plain text, block map, problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-rendered-page.h"

struct _PnRenderedPage {
  GObject parent_instance;

  char *html;
  char *text;
  GPtrArray *blocks;       /* of PnTextBlock */
  GHashTable *by_id;       /* id -> PnTextBlock (borrowed from blocks) */
  GPtrArray *diagnostics;  /* of PnDiagnostic */
  GPtrArray *terms;        /* of PnTermOccurrence */
  GHashTable *heading_ids; /* set of strings, or NULL */
  GPtrArray *doc_links;    /* of PnDocLink */
};

G_DEFINE_FINAL_TYPE (PnRenderedPage, pn_rendered_page, G_TYPE_OBJECT)

PnTextBlock *
pn_text_block_new (const char *id,
                   gsize       start,
                   gsize       end)
{
  PnTextBlock *block = g_new0 (PnTextBlock, 1);

  block->id = g_strdup (id);
  block->start = start;
  block->end = end;

  return block;
}

void
pn_text_block_free (PnTextBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->id);
  g_free (block);
}

PnTermOccurrence *
pn_term_occurrence_new (const char *entry_id,
                        const char *block_id,
                        gsize       start,
                        gsize       end,
                        gboolean    linked)
{
  PnTermOccurrence *occurrence = g_new0 (PnTermOccurrence, 1);

  occurrence->entry_id = g_strdup (entry_id);
  occurrence->block_id = g_strdup (block_id);
  occurrence->start = start;
  occurrence->end = end;
  occurrence->linked = linked;

  return occurrence;
}

PnTermOccurrence *
pn_term_occurrence_copy (const PnTermOccurrence *occurrence)
{
  g_return_val_if_fail (occurrence != NULL, NULL);

  return pn_term_occurrence_new (occurrence->entry_id, occurrence->block_id, occurrence->start,
                                 occurrence->end, occurrence->linked);
}

void
pn_term_occurrence_free (PnTermOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;

  g_free (occurrence->entry_id);
  g_free (occurrence->block_id);
  g_free (occurrence);
}

static void
pn_rendered_page_finalize (GObject *object)
{
  PnRenderedPage *self = PN_RENDERED_PAGE (object);

  g_free (self->html);
  g_free (self->text);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->diagnostics);
  g_ptr_array_unref (self->terms);
  g_clear_pointer (&self->heading_ids, g_hash_table_unref);
  g_clear_pointer (&self->doc_links, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_rendered_page_parent_class)->finalize (object);
}

static void
pn_rendered_page_class_init (PnRenderedPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_rendered_page_finalize;
}

static void
pn_rendered_page_init (PnRenderedPage *self)
{
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_term_occurrence_free);
}

PnRenderedPage *
pn_rendered_page_new (char      *html,
                      char      *text,
                      GPtrArray *blocks,
                      GPtrArray *diagnostics)
{
  PnRenderedPage *self = g_object_new (PN_TYPE_RENDERED_PAGE, NULL);

  g_return_val_if_fail (html != NULL, self);

  self->html = html;
  self->text = text != NULL ? text : g_strdup ("");
  self->blocks = blocks != NULL ? blocks
                                : g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_block_free);
  self->diagnostics = diagnostics != NULL ? diagnostics
                                          : g_ptr_array_new ();

  for (guint i = 0; i < self->blocks->len; i++)
    {
      PnTextBlock *block = g_ptr_array_index (self->blocks, i);

      /* The first block of an id wins (ids are unique by construction). */
      if (!g_hash_table_contains (self->by_id, block->id))
        g_hash_table_insert (self->by_id, block->id, block);
    }

  return self;
}

const char *
pn_rendered_page_get_html (PnRenderedPage *self)
{
  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), NULL);

  return self->html;
}

const char *
pn_rendered_page_get_text (PnRenderedPage *self)
{
  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), NULL);

  return self->text;
}

GPtrArray *
pn_rendered_page_get_blocks (PnRenderedPage *self)
{
  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), NULL);

  return self->blocks;
}

const PnTextBlock *
pn_rendered_page_find_block (PnRenderedPage *self,
                             const char     *id)
{
  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

char *
pn_rendered_page_get_block_text (PnRenderedPage *self,
                                 const char     *id)
{
  const PnTextBlock *block = pn_rendered_page_find_block (self, id);
  const char *start;
  const char *end;

  if (block == NULL)
    return NULL;

  start = g_utf8_offset_to_pointer (self->text, block->start);
  end = g_utf8_offset_to_pointer (self->text, block->end);

  return g_strndup (start, end - start);
}

GPtrArray *
pn_rendered_page_get_diagnostics (PnRenderedPage *self)
{
  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), NULL);

  return self->diagnostics;
}

GPtrArray *
pn_rendered_page_get_terms (PnRenderedPage *self)
{
  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), NULL);

  return self->terms;
}

void
pn_rendered_page_set_terms (PnRenderedPage *self,
                            GPtrArray      *terms)
{
  g_return_if_fail (PN_IS_RENDERED_PAGE (self));

  g_ptr_array_unref (self->terms);
  self->terms = terms != NULL ? terms
                              : g_ptr_array_new_with_free_func ((GDestroyNotify) pn_term_occurrence_free);
}

PnDocLink *
pn_doc_link_new (const char *doc_id,
                 const char *anchor,
                 int         line,
                 int         column)
{
  PnDocLink *link = g_new0 (PnDocLink, 1);

  link->doc_id = g_strdup (doc_id);
  link->anchor = g_strdup (anchor);
  link->line = line;
  link->column = column;

  return link;
}

void
pn_doc_link_free (PnDocLink *link)
{
  if (link == NULL)
    return;

  g_free (link->doc_id);
  g_free (link->anchor);
  g_free (link);
}

void
pn_rendered_page_set_anchors (PnRenderedPage *self,
                              GHashTable     *heading_ids,
                              GPtrArray      *doc_links)
{
  g_return_if_fail (PN_IS_RENDERED_PAGE (self));

  g_clear_pointer (&self->heading_ids, g_hash_table_unref);
  g_clear_pointer (&self->doc_links, g_ptr_array_unref);
  self->heading_ids = heading_ids;
  self->doc_links = doc_links;
}

gboolean
pn_rendered_page_has_heading (PnRenderedPage *self,
                              const char     *id)
{
  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), FALSE);

  return self->heading_ids != NULL && id != NULL && g_hash_table_contains (self->heading_ids, id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
pn_rendered_page_list_headings (PnRenderedPage *self)
{
  GPtrArray *ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id;

  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), ids);

  if (self->heading_ids != NULL)
    {
      g_hash_table_iter_init (&iter, self->heading_ids);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_ptr_array_add (ids, id);
    }
  g_ptr_array_sort (ids, compare_strings);

  return ids;
}

GPtrArray *
pn_rendered_page_get_doc_links (PnRenderedPage *self)
{
  g_return_val_if_fail (PN_IS_RENDERED_PAGE (self), NULL);

  if (self->doc_links == NULL)
    self->doc_links = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_doc_link_free);

  return self->doc_links;
}
