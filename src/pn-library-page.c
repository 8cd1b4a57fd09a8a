/* pn-library-page.c: the library, the course packs installed (the window's start page)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-library-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-library-page.h"
#include "pn-store-packs.h"

struct _PnLibraryPage
{
  AdwBin           parent_instance;

  /* Template widgets */
  AdwHeaderBar    *header_bar;
  GtkFlowBox      *flow_box;

  PnLibrary       *library;
  PnStore         *store;
};

G_DEFINE_FINAL_TYPE (PnLibraryPage, pn_library_page, ADW_TYPE_BIN)

enum {
  SIGNAL_PACK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pn_library_page_clear (PnLibraryPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);
}

static void
pn_library_page_add_progress (PnLibraryPage       *self,
                              PnLibraryCard       *card,
                              const PnLibraryPack *pack,
                              gint64               now)
{
  PnPackProgress progress = { 0 };
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!pn_store_get_pack_progress (self->store, pack->id, (const char * const *) pack->document_ids,
                                   now, &progress, &error))
    {
      g_message ("Progress in %s: %s", pack->id, error->message);
      return;
    }

  pn_library_card_set_progress (card, &progress, g_strv_length (pack->document_ids));
}

void
pn_library_page_refresh (PnLibraryPage *self)
{
  g_autoptr(GPtrArray) packs = NULL;
  GtkWidget *focus;
  g_autofree char *focused_id = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (PN_IS_LIBRARY_PAGE (self));

  /* The card that had the keyboard gets it back once the cards are new. */
  focus = gtk_widget_get_root (GTK_WIDGET (self)) ? gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->flow_box)))
    {
      GtkWidget *card = PN_IS_LIBRARY_CARD (focus) ? focus : gtk_widget_get_ancestor (focus, PN_TYPE_LIBRARY_CARD);

      if (card != NULL)
        focused_id = g_strdup (pn_library_card_get_pack_id (PN_LIBRARY_CARD (card)));
    }

  pn_library_page_clear (self);
  if (self->library == NULL)
    return;

  packs = pn_library_list (self->library);
  for (guint i = 0; i < packs->len; i++)
    {
      const PnLibraryPack *pack = g_ptr_array_index (packs, i);
      GtkWidget *card = pn_library_card_new (pack);

      pn_library_page_add_progress (self, PN_LIBRARY_CARD (card), pack, now);
      gtk_flow_box_append (self->flow_box, card);
    }

  if (focused_id != NULL)
    pn_library_page_focus_card (self, focused_id);
}

static void
library_changed_cb (PnLibraryPage *self)
{
  pn_library_page_refresh (self);
}

static void
child_activated_cb (PnLibraryPage   *self,
                    GtkFlowBoxChild *child)
{
  PnLibraryCard *card;

  g_assert (PN_IS_LIBRARY_PAGE (self));

  if (!PN_IS_LIBRARY_CARD (child))
    return;

  card = PN_LIBRARY_CARD (child);
  g_signal_emit (self, signals[SIGNAL_PACK_ACTIVATED], 0,
                 pn_library_card_get_pack_id (card), pn_library_card_get_path (card));
}

static void
pn_library_page_dispose (GObject *object)
{
  PnLibraryPage *self = PN_LIBRARY_PAGE (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_changed_cb, self);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_LIBRARY_PAGE);

  G_OBJECT_CLASS (pn_library_page_parent_class)->dispose (object);
}

static void
pn_library_page_class_init (PnLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_library_page_dispose;

  signals[SIGNAL_PACK_ACTIVATED] =
    g_signal_new ("pack-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "pn-library-page");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnLibraryPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PnLibraryPage, flow_box);
  gtk_widget_class_bind_template_callback (widget_class, child_activated_cb);
}

static void
pn_library_page_init (PnLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_library_page_new (void)
{
  return g_object_new (PN_TYPE_LIBRARY_PAGE, NULL);
}

void
pn_library_page_set_library (PnLibraryPage *self,
                             PnLibrary     *library,
                             PnStore       *store)
{
  g_return_if_fail (PN_IS_LIBRARY_PAGE (self));
  g_return_if_fail (library == NULL || PN_IS_LIBRARY (library));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_changed_cb, self);
  g_set_object (&self->library, library);
  g_set_object (&self->store, store);
  if (library != NULL)
    g_signal_connect_swapped (library, "changed", G_CALLBACK (library_changed_cb), self);

  pn_library_page_refresh (self);
}

GtkWidget *
pn_library_page_get_header_bar (PnLibraryPage *self)
{
  g_return_val_if_fail (PN_IS_LIBRARY_PAGE (self), NULL);

  return GTK_WIDGET (self->header_bar);
}

GtkWidget *
pn_library_page_get_content (PnLibraryPage *self)
{
  g_return_val_if_fail (PN_IS_LIBRARY_PAGE (self), NULL);

  return GTK_WIDGET (self->flow_box);
}

PnLibraryCard *
pn_library_page_get_card (PnLibraryPage *self,
                          const char    *pack_id)
{
  g_return_val_if_fail (PN_IS_LIBRARY_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PN_IS_LIBRARY_CARD (child) &&
        g_strcmp0 (pn_library_card_get_pack_id (PN_LIBRARY_CARD (child)), pack_id) == 0)
      return PN_LIBRARY_CARD (child);

  return NULL;
}

void
pn_library_page_focus_card (PnLibraryPage *self,
                            const char    *pack_id)
{
  GtkWidget *card;

  g_return_if_fail (PN_IS_LIBRARY_PAGE (self));

  card = pack_id ? GTK_WIDGET (pn_library_page_get_card (self, pack_id)) : NULL;
  if (card == NULL)
    card = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
  if (card != NULL)
    gtk_widget_grab_focus (card);
}
