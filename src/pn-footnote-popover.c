/* pn-footnote-popover.c: a footnote shown over the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-footnote-popover.h"
#include "pn-page-message.h"
#include "pn-reader-popover.h"

struct _PnFootnotePopover {
  GtkPopover parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel *title;
  GtkLabel *text;
  PnPack *pack;
};

G_DEFINE_FINAL_TYPE (PnFootnotePopover, pn_footnote_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_SOURCE_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

char *
pn_footnote_markup (GPtrArray *runs, PnPack *pack)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      PnPageRun *run = g_ptr_array_index (runs, i);
      g_autofree char *escaped = g_markup_escape_text (run->text, -1);
      gboolean linked = run->source_id != NULL && pack != NULL &&
                        pn_pack_get_source (pack, run->source_id) != NULL;

      if (linked)
        {
          g_autofree char *href = g_markup_escape_text (run->source_id, -1);
          g_string_append_printf (markup, "<a href=\"source:%s\">", href);
        }
      if (run->flags & PN_PAGE_RUN_ITALIC)
        g_string_append (markup, "<i>");
      if (run->flags & PN_PAGE_RUN_BOLD)
        g_string_append (markup, "<b>");
      if (run->flags & PN_PAGE_RUN_CODE)
        g_string_append (markup, "<tt>");
      g_string_append (markup, escaped);
      if (run->flags & PN_PAGE_RUN_CODE)
        g_string_append (markup, "</tt>");
      if (run->flags & PN_PAGE_RUN_BOLD)
        g_string_append (markup, "</b>");
      if (run->flags & PN_PAGE_RUN_ITALIC)
        g_string_append (markup, "</i>");
      if (linked)
        g_string_append (markup, "</a>");
    }

  /* Well-formed by construction (GtkLabel, not Pango, reads the <a> tags). */
  return g_string_free (markup, FALSE);
}

/* A source cited in the note: never handed to the system. */
static gboolean
on_activate_link (GtkLabel *label, const char *uri, PnFootnotePopover *self)
{
  if (g_str_has_prefix (uri, "source:") && self->pack != NULL &&
      pn_pack_get_source (self->pack, uri + strlen ("source:")) != NULL)
    {
      g_autofree char *id = g_strdup (uri + strlen ("source:"));

      gtk_popover_popdown (GTK_POPOVER (self));
      g_signal_emit (self, signals[SIGNAL_SOURCE_ACTIVATED], 0, id);
    }
  return TRUE;
}

static void
pn_footnote_popover_dispose (GObject *object)
{
  PnFootnotePopover *self = PN_FOOTNOTE_POPOVER (object);

  g_clear_object (&self->pack);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_FOOTNOTE_POPOVER);
  G_OBJECT_CLASS (pn_footnote_popover_parent_class)->dispose (object);
}

static void
pn_footnote_popover_init (PnFootnotePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pn_reader_popover_track_label (self->text);
}

static void
pn_footnote_popover_class_init (PnFootnotePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pn_footnote_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-footnote-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PnFootnotePopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, PnFootnotePopover, title);
  gtk_widget_class_bind_template_child (widget_class, PnFootnotePopover, text);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_link);

  signals[SIGNAL_SOURCE_ACTIVATED] =
    g_signal_new ("source-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

GtkWidget *
pn_footnote_popover_new (void)
{
  return g_object_new (PN_TYPE_FOOTNOTE_POPOVER, NULL);
}

void
pn_footnote_popover_set_note (PnFootnotePopover *self, PnPack *pack, const char *label,
                              const char *text, GPtrArray *runs)
{
  g_autofree char *title = NULL;

  g_return_if_fail (PN_IS_FOOTNOTE_POPOVER (self));

  g_set_object (&self->pack, pack);
  if (label != NULL && label[0] != '\0')
    /* Translators: heading of the popover showing footnote number %s */
    title = g_strdup_printf (_("Note %s"), label);
  else
    title = g_strdup (_("Note"));
  gtk_label_set_text (self->title, title);

  /* Markup only as built from escaped runs; else plain text. */
  if (runs != NULL)
    {
      g_autofree char *markup = pn_footnote_markup (runs, pack);
      gtk_label_set_markup (self->text, markup);
    }
  else
    gtk_label_set_text (self->text, text ? text : "");
  pn_reader_popover_label_fresh (self->text);
}

GtkScrolledWindow *
pn_footnote_popover_get_scroller (PnFootnotePopover *self)
{
  g_return_val_if_fail (PN_IS_FOOTNOTE_POPOVER (self), NULL);
  return self->scroller;
}

GtkLabel *
pn_footnote_popover_get_text (PnFootnotePopover *self)
{
  g_return_val_if_fail (PN_IS_FOOTNOTE_POPOVER (self), NULL);
  return self->text;
}
