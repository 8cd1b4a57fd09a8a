/* pn-reading-position.c: where the student is in each document of a pack, kept in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-reading-position"

#include "config.h"

#include "pn-reading-position.h"

/* Reading positions are written at most this often while the reader scrolls. */
#define SAVE_DELAY_MS 750

struct _PnReadingPosition
{
  GObject   parent_instance;

  PnStore  *store;
  char     *pack_id;

  /* A position waiting to be written */
  char     *pending_doc_id;
  char     *pending_anchor;
  double    pending_fraction;
  guint     save_source;
};

G_DEFINE_FINAL_TYPE (PnReadingPosition, pn_reading_position, G_TYPE_OBJECT)

static gboolean
save_timeout_cb (gpointer user_data)
{
  PnReadingPosition *self = user_data;

  self->save_source = 0;
  pn_reading_position_flush (self);

  return G_SOURCE_REMOVE;
}

static void
pn_reading_position_dispose (GObject *object)
{
  PnReadingPosition *self = PN_READING_POSITION (object);

  pn_reading_position_flush (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pn_reading_position_parent_class)->dispose (object);
}

static void
pn_reading_position_finalize (GObject *object)
{
  PnReadingPosition *self = PN_READING_POSITION (object);

  g_free (self->pack_id);
  g_free (self->pending_doc_id);
  g_free (self->pending_anchor);

  G_OBJECT_CLASS (pn_reading_position_parent_class)->finalize (object);
}

static void
pn_reading_position_class_init (PnReadingPositionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pn_reading_position_dispose;
  object_class->finalize = pn_reading_position_finalize;
}

static void
pn_reading_position_init (PnReadingPosition *self)
{
}

PnReadingPosition *
pn_reading_position_new (PnStore    *store,
                         const char *pack_id)
{
  PnReadingPosition *self;

  g_return_val_if_fail (store == NULL || PN_IS_STORE (store), NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  self = g_object_new (PN_TYPE_READING_POSITION, NULL);
  self->store = store ? g_object_ref (store) : NULL;
  self->pack_id = g_strdup (pack_id);

  return self;
}

const char *
pn_reading_position_get_pack_id (PnReadingPosition *self)
{
  g_return_val_if_fail (PN_IS_READING_POSITION (self), NULL);

  return self->pack_id;
}

gboolean
pn_reading_position_lookup (PnReadingPosition  *self,
                            const char         *doc_id,
                            char              **anchor,
                            double             *fraction)
{
  g_return_val_if_fail (PN_IS_READING_POSITION (self), FALSE);
  g_return_val_if_fail (doc_id != NULL, FALSE);
  g_return_val_if_fail (anchor != NULL && fraction != NULL, FALSE);

  *anchor = NULL;
  *fraction = 0.0;

  /* What is about to be written is newer than what the store holds. */
  if (g_strcmp0 (self->pending_doc_id, doc_id) == 0)
    {
      *anchor = g_strdup (self->pending_anchor);
      *fraction = self->pending_fraction;
      return TRUE;
    }

  return self->store != NULL &&
         pn_store_get_position (self->store, self->pack_id, doc_id, anchor, fraction);
}

void
pn_reading_position_note (PnReadingPosition *self,
                          const char        *doc_id,
                          const char        *anchor,
                          double             fraction)
{
  g_return_if_fail (PN_IS_READING_POSITION (self));
  g_return_if_fail (doc_id != NULL);

  if (g_strcmp0 (self->pending_doc_id, doc_id) != 0)
    pn_reading_position_flush (self);

  g_free (self->pending_doc_id);
  self->pending_doc_id = g_strdup (doc_id);
  g_free (self->pending_anchor);
  self->pending_anchor = g_strdup (anchor);
  self->pending_fraction = CLAMP (fraction, 0.0, 1.0);

  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

void
pn_reading_position_flush (PnReadingPosition *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PN_IS_READING_POSITION (self));

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->pending_doc_id == NULL)
    return;

  if (self->store != NULL &&
      !pn_store_set_position (self->store, self->pack_id, self->pending_doc_id,
                              self->pending_anchor, self->pending_fraction, &error))
    g_message ("Cannot save the reading position: %s", error->message);

  g_clear_pointer (&self->pending_doc_id, g_free);
  g_clear_pointer (&self->pending_anchor, g_free);
}

char *
pn_reading_position_get_last_document (PnReadingPosition *self)
{
  g_return_val_if_fail (PN_IS_READING_POSITION (self), NULL);

  return self->store ? pn_store_get_last_document (self->store, self->pack_id) : NULL;
}

void
pn_reading_position_set_last_document (PnReadingPosition *self,
                                       const char        *doc_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PN_IS_READING_POSITION (self));
  g_return_if_fail (doc_id != NULL);

  if (self->store != NULL &&
      !pn_store_set_last_document (self->store, self->pack_id, doc_id, &error))
    g_message ("Cannot save the last document: %s", error->message);
}
