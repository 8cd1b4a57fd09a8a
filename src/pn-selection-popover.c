/* pn-selection-popover.c: what can be done with the words selected in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-selection-popover.h"

struct _PnSelectionPopover {
  GtkPopover parent_instance;

  GtkBox *box;
  GtkWidget *look_up_button;
  char *text;
};

G_DEFINE_FINAL_TYPE (PnSelectionPopover, pn_selection_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_LOOK_UP,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
on_look_up_clicked (GtkButton *button, PnSelectionPopover *self)
{
  g_autofree char *text = g_strdup (self->text);

  gtk_popover_popdown (GTK_POPOVER (self));
  if (text != NULL && text[0] != '\0')
    g_signal_emit (self, signals[SIGNAL_LOOK_UP], 0, text);
}

static void
pn_selection_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_SELECTION_POPOVER);
  G_OBJECT_CLASS (pn_selection_popover_parent_class)->dispose (object);
}

static void
pn_selection_popover_finalize (GObject *object)
{
  g_free (PN_SELECTION_POPOVER (object)->text);
  G_OBJECT_CLASS (pn_selection_popover_parent_class)->finalize (object);
}

static void
pn_selection_popover_init (PnSelectionPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
pn_selection_popover_class_init (PnSelectionPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pn_selection_popover_dispose;
  G_OBJECT_CLASS (klass)->finalize = pn_selection_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-selection-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PnSelectionPopover, box);
  gtk_widget_class_bind_template_child (widget_class, PnSelectionPopover, look_up_button);
  gtk_widget_class_bind_template_callback (widget_class, on_look_up_clicked);

  signals[SIGNAL_LOOK_UP] =
    g_signal_new ("look-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

GtkWidget *
pn_selection_popover_new (void)
{
  return g_object_new (PN_TYPE_SELECTION_POPOVER, NULL);
}

void
pn_selection_popover_set_text (PnSelectionPopover *self, const char *text)
{
  g_return_if_fail (PN_IS_SELECTION_POPOVER (self));

  g_free (self->text);
  self->text = g_strdup (text);
}

const char *
pn_selection_popover_get_text (PnSelectionPopover *self)
{
  g_return_val_if_fail (PN_IS_SELECTION_POPOVER (self), NULL);
  return self->text;
}

GtkBox *
pn_selection_popover_get_box (PnSelectionPopover *self)
{
  g_return_val_if_fail (PN_IS_SELECTION_POPOVER (self), NULL);
  return self->box;
}
