/* pn-document.c: a document of a pack: its id, title, language, authors and text
 *
 * The manifest reader (pn-manifest.c) fills it in; afterwards it does not change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-pack-private.h"

G_DEFINE_FINAL_TYPE (PnDocument, pn_document, G_TYPE_OBJECT)

static void
pn_document_finalize (GObject *object)
{
  PnDocument *self = PN_DOCUMENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->file);
  g_free (self->language);
  g_clear_pointer (&self->authors, g_ptr_array_unref);
  g_free (self->markdown);
  g_free (self->problem);

  G_OBJECT_CLASS (pn_document_parent_class)->finalize (object);
}

static void
pn_document_class_init (PnDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_document_finalize;
}

static void
pn_document_init (PnDocument *self)
{
}

const char *
pn_document_get_id (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->id;
}

const char *
pn_document_get_title (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
pn_document_get_file (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
pn_document_get_language (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->language;
}

GPtrArray *
pn_document_get_authors (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->authors;
}

const char *
pn_document_get_markdown (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->markdown;
}

const char *
pn_document_get_problem (PnDocument *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT (self), NULL);
  return self->problem;
}
