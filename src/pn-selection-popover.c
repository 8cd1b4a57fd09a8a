/* pn-selection-popover.c: what can be done with the words selected in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-color-row.h"
#include "pn-selection-popover.h"

struct _PnSelectionPopover {
  GtkPopover parent_instance;

  GtkBox *box;
  PnColorRow *colors;
  GtkWidget *attach_button;
  GtkWidget *note_button;
  GtkWidget *copy_button;
  GtkWidget *look_up_button;
  char *text;
};

G_DEFINE_FINAL_TYPE (PnSelectionPopover, pn_selection_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_LOOK_UP,
  SIGNAL_HIGHLIGHT,
  SIGNAL_ADD_NOTE,
  SIGNAL_COPY,
  SIGNAL_ATTACH,
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
on_color_activated (PnColorRow *row, const char *color, PnSelectionPopover *self)
{
  g_autofree char *name = g_strdup (color);

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SIGNAL_HIGHLIGHT], 0, name);
}

static void
emit_and_close (PnSelectionPopover *self, guint signal)
{
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[signal], 0);
}

static void
on_note_clicked (GtkButton *button, PnSelectionPopover *self)
{
  emit_and_close (self, SIGNAL_ADD_NOTE);
}

static void
on_copy_clicked (GtkButton *button, PnSelectionPopover *self)
{
  emit_and_close (self, SIGNAL_COPY);
}

static void
on_attach_clicked (GtkButton *button, PnSelectionPopover *self)
{
  emit_and_close (self, SIGNAL_ATTACH);
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
  g_type_ensure (PN_TYPE_COLOR_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
}

static guint
new_signal (GObjectClass *klass, const char *name, gboolean with_text)
{
  return g_signal_new (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                       G_TYPE_NONE, with_text ? 1 : 0, G_TYPE_STRING);
}

static void
pn_selection_popover_class_init (PnSelectionPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_selection_popover_dispose;
  object_class->finalize = pn_selection_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-selection-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PnSelectionPopover, box);
  gtk_widget_class_bind_template_child (widget_class, PnSelectionPopover, colors);
  gtk_widget_class_bind_template_child (widget_class, PnSelectionPopover, attach_button);
  gtk_widget_class_bind_template_child (widget_class, PnSelectionPopover, note_button);
  gtk_widget_class_bind_template_child (widget_class, PnSelectionPopover, copy_button);
  gtk_widget_class_bind_template_child (widget_class, PnSelectionPopover, look_up_button);
  gtk_widget_class_bind_template_callback (widget_class, on_look_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_color_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_note_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_attach_clicked);

  signals[SIGNAL_LOOK_UP] = new_signal (object_class, "look-up", TRUE);
  signals[SIGNAL_HIGHLIGHT] = new_signal (object_class, "highlight", TRUE);
  signals[SIGNAL_ADD_NOTE] = new_signal (object_class, "add-note", FALSE);
  signals[SIGNAL_COPY] = new_signal (object_class, "copy", FALSE);
  signals[SIGNAL_ATTACH] = new_signal (object_class, "attach", FALSE);
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

void
pn_selection_popover_set_actions (PnSelectionPopover *self, PnSelectionActions actions)
{
  g_return_if_fail (PN_IS_SELECTION_POPOVER (self));

  gtk_widget_set_visible (GTK_WIDGET (self->colors), (actions & PN_SELECTION_CAN_HIGHLIGHT) != 0);
  gtk_widget_set_visible (self->note_button, (actions & PN_SELECTION_CAN_HIGHLIGHT) != 0);
  gtk_widget_set_visible (self->copy_button, (actions & PN_SELECTION_CAN_COPY) != 0);
  gtk_widget_set_visible (self->look_up_button, (actions & PN_SELECTION_CAN_LOOK_UP) != 0);
  gtk_widget_set_visible (self->attach_button, (actions & PN_SELECTION_CAN_ATTACH) != 0);
}

void
pn_selection_popover_set_color (PnSelectionPopover *self, PnAnnotationColor color)
{
  g_return_if_fail (PN_IS_SELECTION_POPOVER (self));
  pn_color_row_set_current (self->colors, color);
}

GtkBox *
pn_selection_popover_get_box (PnSelectionPopover *self)
{
  g_return_val_if_fail (PN_IS_SELECTION_POPOVER (self), NULL);
  return self->box;
}
