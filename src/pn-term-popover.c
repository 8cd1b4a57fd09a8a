/* pn-term-popover.c: a glossary entry shown over the term in the text
 *
 * The term, its short definition, links to the related entries (each
 * shows its entry here, in place) and « Learn More », which opens the entry
 * on the Glossary page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-reader-popover.h"
#include "pn-term-popover.h"

/* Related entries shown as links; a longer list is cut. */
#define MAX_RELATED 8

struct _PnTermPopover {
  GtkPopover parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel *term;
  GtkLabel *definition;
  GtkLabel *related_label;
  GtkWidget *more_button;

  PnGlossary *glossary;
  char *entry_id;
};

G_DEFINE_FINAL_TYPE (PnTermPopover, pn_term_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_LEARN_MORE,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
on_more_clicked (GtkButton *button, PnTermPopover *self)
{
  g_autofree char *id = g_strdup (self->entry_id);

  gtk_popover_popdown (GTK_POPOVER (self));
  if (id != NULL)
    g_signal_emit (self, signals[SIGNAL_LEARN_MORE], 0, id);
}

/* « Related: a, b, c », each a link "entry:ID" shown here in place. */
static gboolean
on_related_link (GtkLabel *label, const char *uri, PnTermPopover *self)
{
  g_autofree char *id = g_str_has_prefix (uri, "entry:") ? g_strdup (uri + strlen ("entry:")) : NULL;

  if (id != NULL && self->glossary != NULL && pn_term_popover_set_entry (self, self->glossary, id))
    gtk_widget_grab_focus (self->more_button);
  return TRUE;
}

static void
fill_related (PnTermPopover *self, const PnGlossaryEntry *entry)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  guint shown = 0;

  for (guint i = 0; entry->related[i] != NULL && shown < MAX_RELATED; i++)
    {
      const PnGlossaryEntry *other = pn_glossary_lookup (self->glossary, entry->related[i]);
      g_autofree char *term = NULL;

      /* An unknown id is the pack check's business; here it is left out. */
      if (other == NULL || other == entry)
        continue;
      term = g_markup_escape_text (other->term, -1);
      /* Ids are [a-z0-9_-]: nothing to escape in the address. */
      g_string_append_printf (markup, "%s<a href=\"entry:%s\">%s</a>", shown > 0 ? ", " : "", other->id, term);
      shown++;
    }
  if (shown > 0)
    {
      g_autofree char *heading = g_markup_escape_text (_("Related: "), -1);

      g_string_prepend (markup, heading);
      gtk_label_set_markup (self->related_label, markup->str);
    }
  else
    gtk_label_set_text (self->related_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->related_label), shown > 0);
}

/* The one thing to do from here takes the focus when the popover opens;
 * the text can still be selected with the pointer. */
static void
on_map (GtkWidget *widget, gpointer user_data)
{
  gtk_widget_grab_focus (PN_TERM_POPOVER (widget)->more_button);
}

static void
pn_term_popover_dispose (GObject *object)
{
  PnTermPopover *self = PN_TERM_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_TERM_POPOVER);
  g_clear_object (&self->glossary);
  G_OBJECT_CLASS (pn_term_popover_parent_class)->dispose (object);
}

static void
pn_term_popover_finalize (GObject *object)
{
  g_free (PN_TERM_POPOVER (object)->entry_id);
  G_OBJECT_CLASS (pn_term_popover_parent_class)->finalize (object);
}

static void
pn_term_popover_init (PnTermPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pn_reader_popover_track_label (self->term);
  pn_reader_popover_track_label (self->definition);
  g_signal_connect_after (self, "map", G_CALLBACK (on_map), NULL);
}

static void
pn_term_popover_class_init (PnTermPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pn_term_popover_dispose;
  G_OBJECT_CLASS (klass)->finalize = pn_term_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-term-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PnTermPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, PnTermPopover, term);
  gtk_widget_class_bind_template_child (widget_class, PnTermPopover, definition);
  gtk_widget_class_bind_template_child (widget_class, PnTermPopover, related_label);
  gtk_widget_class_bind_template_child (widget_class, PnTermPopover, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_related_link);

  signals[SIGNAL_LEARN_MORE] =
    g_signal_new ("learn-more", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

GtkWidget *
pn_term_popover_new (void)
{
  return g_object_new (PN_TYPE_TERM_POPOVER, NULL);
}

gboolean
pn_term_popover_set_entry (PnTermPopover *self, PnGlossary *glossary, const char *entry_id)
{
  const PnGlossaryEntry *entry;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PN_IS_TERM_POPOVER (self), FALSE);

  entry = glossary != NULL && entry_id != NULL ? pn_glossary_lookup (glossary, entry_id) : NULL;
  if (entry == NULL)
    return FALSE;

  g_set_object (&self->glossary, glossary);
  g_free (self->entry_id);
  self->entry_id = g_strdup (entry->id);

  gtk_label_set_text (self->term, entry->term);
  gtk_label_set_text (self->definition, entry->definition ? entry->definition : "");
  fill_related (self, entry);
  /* Translators: the accessible name of the popover, %s is the term */
  name = g_strdup_printf (_("Glossary: %s"), entry->term);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
  pn_reader_popover_label_fresh (self->term);
  pn_reader_popover_label_fresh (self->definition);
  return TRUE;
}

const char *
pn_term_popover_get_entry_id (PnTermPopover *self)
{
  g_return_val_if_fail (PN_IS_TERM_POPOVER (self), NULL);
  return self->entry_id;
}

GtkScrolledWindow *
pn_term_popover_get_scroller (PnTermPopover *self)
{
  g_return_val_if_fail (PN_IS_TERM_POPOVER (self), NULL);
  return self->scroller;
}

GtkLabel *
pn_term_popover_get_label (PnTermPopover *self, guint index)
{
  g_return_val_if_fail (PN_IS_TERM_POPOVER (self), NULL);
  return index == 0 ? self->term : index == 1 ? self->definition : self->related_label;
}
