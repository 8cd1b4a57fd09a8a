/* pn-citation-popover.c: a cited source shown over the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-citation-popover.h"
#include "pn-reader-popover.h"
#include "pn-text.h"

struct _PnCitationPopover {
  GtkPopover parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel *reference;
  GtkLabel *abstract;
  GtkWidget *show_button;
  char *source_id;
};

G_DEFINE_FINAL_TYPE (PnCitationPopover, pn_citation_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_SOURCE_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
on_show_clicked (GtkButton *button, PnCitationPopover *self)
{
  g_autofree char *id = g_strdup (self->source_id);

  gtk_popover_popdown (GTK_POPOVER (self));
  if (id != NULL)
    g_signal_emit (self, signals[SIGNAL_SOURCE_ACTIVATED], 0, id);
}

/* Focus goes to the one thing to do from here, once the popover has taken it
 * (it gives it to its first child when mapped); the reference can still be
 * selected with the pointer. */
static void
on_map (GtkWidget *widget, gpointer user_data)
{
  PnCitationPopover *self = PN_CITATION_POPOVER (widget);

  if (gtk_widget_get_visible (self->show_button))
    gtk_widget_grab_focus (self->show_button);
}

static void
pn_citation_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_CITATION_POPOVER);
  G_OBJECT_CLASS (pn_citation_popover_parent_class)->dispose (object);
}

static void
pn_citation_popover_finalize (GObject *object)
{
  g_free (PN_CITATION_POPOVER (object)->source_id);
  G_OBJECT_CLASS (pn_citation_popover_parent_class)->finalize (object);
}

static void
pn_citation_popover_init (PnCitationPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pn_reader_popover_track_label (self->reference);
  pn_reader_popover_track_label (self->abstract);
  g_signal_connect_after (self, "map", G_CALLBACK (on_map), NULL);
}

static void
pn_citation_popover_class_init (PnCitationPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pn_citation_popover_dispose;
  G_OBJECT_CLASS (klass)->finalize = pn_citation_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-citation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PnCitationPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, PnCitationPopover, reference);
  gtk_widget_class_bind_template_child (widget_class, PnCitationPopover, abstract);
  gtk_widget_class_bind_template_child (widget_class, PnCitationPopover, show_button);
  gtk_widget_class_bind_template_callback (widget_class, on_show_clicked);

  signals[SIGNAL_SOURCE_ACTIVATED] =
    g_signal_new ("source-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

GtkWidget *
pn_citation_popover_new (void)
{
  return g_object_new (PN_TYPE_CITATION_POPOVER, NULL);
}

void
pn_citation_popover_set_source (PnCitationPopover *self, PnPack *pack, const char *source_id)
{
  const PnSource *source = pack && source_id ? pn_pack_get_source (pack, source_id) : NULL;
  g_autofree char *markup = NULL;
  gboolean has_abstract;

  g_return_if_fail (PN_IS_CITATION_POPOVER (self));

  g_clear_pointer (&self->source_id, g_free);
  if (source != NULL)
    {
      markup = pn_source_format_reference (source, pn_pack_get_language (pack), PN_SOURCE_FORMAT_DEFAULT);
      self->source_id = g_strdup (source->id);
    }

  /* The model builds this markup from escaped text; check it parses anyway. */
  if (markup != NULL && pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    gtk_label_set_markup (self->reference, markup);
  else if (source != NULL && source->title != NULL)
    gtk_label_set_text (self->reference, source->title);
  else
    gtk_label_set_text (self->reference, _("This source is not listed in the course pack."));

  has_abstract = source != NULL && source->abstract != NULL && source->abstract[0] != '\0';
  if (has_abstract)
    {
      gboolean french = pn_text_is_french (pn_pack_get_language (pack));
      g_autofree char *abstract = french ? pn_text_french_spacing (source->abstract)
                                         : g_strdup (source->abstract);

      gtk_label_set_text (self->abstract, abstract);
    }
  else
    gtk_label_set_text (self->abstract, "");
  gtk_widget_set_visible (GTK_WIDGET (self->abstract), has_abstract);
  gtk_widget_set_visible (self->show_button, source != NULL);
  pn_reader_popover_label_fresh (self->reference);
  pn_reader_popover_label_fresh (self->abstract);
}

GtkScrolledWindow *
pn_citation_popover_get_scroller (PnCitationPopover *self)
{
  g_return_val_if_fail (PN_IS_CITATION_POPOVER (self), NULL);
  return self->scroller;
}

GtkLabel *
pn_citation_popover_get_label (PnCitationPopover *self, guint index)
{
  g_return_val_if_fail (PN_IS_CITATION_POPOVER (self), NULL);
  return index == 0 ? self->reference : self->abstract;
}
