/* pn-reader-view-popovers.c: the footnote and citation popovers over the text
 *
 * Native popovers (pn-footnote-popover.ui, pn-citation-popover.ui) pointed at
 * the rectangle the page reported, in the reading face at the reading size.
 *
 * The glossary's term and selection popovers are in pn-reader-view-glossary.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-reader-popover.h"
#include "pn-reader-view-private.h"


void
pn_reader_view_popdown_all (PnReaderView *self)
{
  if (self->footnote_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->footnote_popover));
  if (self->citation_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->citation_popover));
  if (self->term_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->term_popover));
  if (self->selection_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->selection_popover));
  pn_reader_view_annotations_popdown (self);
}

static void
on_popover_closed (GtkPopover *popover, PnReaderView *self)
{
  if (self->web_view != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

static void
on_popover_source (GtkWidget *popover, const char *source_id, PnReaderView *self)
{
  PnPack *pack = pn_reader_view_get_pack (self);

  if (pack != NULL && pn_pack_get_source (pack, source_id) != NULL)
    g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_SOURCE_ACTIVATED], 0, source_id);
}

void
pn_reader_view_adopt_popover (PnReaderView *self, GtkWidget *popover)
{
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), self);
  if (g_signal_lookup ("source-activated", G_OBJECT_TYPE (popover)) != 0)
    g_signal_connect (popover, "source-activated", G_CALLBACK (on_popover_source), self);
}

/* The reading face, at the size the text is read at. */
void
pn_reader_view_set_reading_face (PnReaderView *self, GtkLabel *label)
{
  double px = self->font_size * webkit_web_view_get_zoom_level (self->web_view) * 0.92;

  pn_reader_popover_set_face (label, self->font_family == PN_FONT_FAMILY_SANS ? "sans" : "serif", px);
  pn_reader_popover_fit_label (label, gtk_widget_get_width (GTK_WIDGET (self)));
}

void
pn_reader_view_show_footnote (PnReaderView *self, const PnPageMessage *message)
{
  GtkLabel *text;

  pn_reader_view_popdown_all (self);
  if (self->footnote_popover == NULL)
    {
      self->footnote_popover = PN_FOOTNOTE_POPOVER (pn_footnote_popover_new ());
      pn_reader_view_adopt_popover (self, GTK_WIDGET (self->footnote_popover));
    }

  pn_footnote_popover_set_note (self->footnote_popover, pn_reader_view_get_pack (self),
                                message->label, message->text, message->runs);
  text = pn_footnote_popover_get_text (self->footnote_popover);
  pn_reader_view_set_reading_face (self, text);
  pn_reader_popover_point_at (GTK_POPOVER (self->footnote_popover),
                              pn_footnote_popover_get_scroller (self->footnote_popover),
                              GTK_WIDGET (self), GTK_WIDGET (self->web_view),
                              webkit_web_view_get_zoom_level (self->web_view), &message->rect);
  gtk_popover_popup (GTK_POPOVER (self->footnote_popover));
}

void
pn_reader_view_show_citation (PnReaderView *self, const PnPageMessage *message)
{
  pn_reader_view_popdown_all (self);
  if (self->citation_popover == NULL)
    {
      self->citation_popover = PN_CITATION_POPOVER (pn_citation_popover_new ());
      pn_reader_view_adopt_popover (self, GTK_WIDGET (self->citation_popover));
    }

  pn_citation_popover_set_source (self->citation_popover, pn_reader_view_get_pack (self), message->id);
  for (guint i = 0; i < 2; i++)
    pn_reader_view_set_reading_face (self, pn_citation_popover_get_label (self->citation_popover, i));
  pn_reader_popover_point_at (GTK_POPOVER (self->citation_popover),
                              pn_citation_popover_get_scroller (self->citation_popover),
                              GTK_WIDGET (self), GTK_WIDGET (self->web_view),
                              webkit_web_view_get_zoom_level (self->web_view), &message->rect);
  gtk_popover_popup (GTK_POPOVER (self->citation_popover));
}

