/* pn-rendered-page.c: a rendered document: HTML, plain text, block map, problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-rendered-page.h"

struct _PnRenderedPage {
  GObject parent_instance;

  char *html;
  char *text;
  GPtrArray *blocks;       /* of PnTextBlock */
  GHashTable *by_id;       /* id -> PnTextBlock (borrowed from blocks) */
  GPtrArray *diagnostics;  /* of PnDiagnostic */
  GPtrArray *terms;        /* of PnTermOccurrence */
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
