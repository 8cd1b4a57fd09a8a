/* pn-color-row.c: the highlight colours as a row of round buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-color-row.h"

struct _PnColorRow {
  GtkWidget parent_instance;

  GtkWidget *buttons[PN_ANNOTATION_N_COLORS];
  GtkWidget *checks[PN_ANNOTATION_N_COLORS];
  PnAnnotationColor current;
};

G_DEFINE_FINAL_TYPE (PnColorRow, pn_color_row, GTK_TYPE_WIDGET)

enum {
  SIGNAL_COLOR_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

const char *
pn_color_row_color_name (PnAnnotationColor color)
{
  switch (color)
    {
    case PN_ANNOTATION_YELLOW: return _("Yellow");
    case PN_ANNOTATION_GREEN: return _("Green");
    case PN_ANNOTATION_BLUE: return _("Blue");
    case PN_ANNOTATION_PINK: return _("Pink");
    case PN_ANNOTATION_ORANGE: return _("Orange");
    case PN_ANNOTATION_PURPLE: return _("Purple");
    case PN_ANNOTATION_UNDERLINE: return _("Underline");
    default: return "";
    }
}

static void
on_clicked (GtkButton *button, PnColorRow *self)
{
  PnAnnotationColor color = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "pn-color"));

  g_signal_emit (self, signals[SIGNAL_COLOR_ACTIVATED], 0, pn_annotation_color_to_string (color));
}

static void
pn_color_row_init (PnColorRow *self)
{
  for (guint i = 0; i < PN_ANNOTATION_N_COLORS; i++)
    {
      g_autofree char *css = g_strdup_printf ("pn-color-%s", pn_annotation_color_to_string (i));
      GtkWidget *button = gtk_button_new ();
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (button, "pn-color-button");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (button, css);
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_set_tooltip_text (button, pn_color_row_color_name (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pn_color_row_color_name (i), -1);
      gtk_widget_set_opacity (check, 0.0);
      gtk_button_set_child (GTK_BUTTON (button), check);
      g_object_set_data (G_OBJECT (button), "pn-color", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_clicked), self);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      self->buttons[i] = button;
      self->checks[i] = check;
    }
  pn_color_row_set_current (self, PN_ANNOTATION_YELLOW);
}

static void
pn_color_row_dispose (GObject *object)
{
  PnColorRow *self = PN_COLOR_ROW (object);

  for (guint i = 0; i < PN_ANNOTATION_N_COLORS; i++)
    g_clear_pointer (&self->buttons[i], gtk_widget_unparent);
  G_OBJECT_CLASS (pn_color_row_parent_class)->dispose (object);
}

static void
pn_color_row_class_init (PnColorRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pn_color_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pn-color-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  signals[SIGNAL_COLOR_ACTIVATED] =
    g_signal_new ("color-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

GtkWidget *
pn_color_row_new (void)
{
  GtkWidget *row = g_object_new (PN_TYPE_COLOR_ROW, NULL);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (row)), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Highlight colour"), -1);
  return row;
}

void
pn_color_row_set_current (PnColorRow *self, PnAnnotationColor color)
{
  g_return_if_fail (PN_IS_COLOR_ROW (self));
  g_return_if_fail (color < PN_ANNOTATION_N_COLORS);

  self->current = color;
  for (guint i = 0; i < PN_ANNOTATION_N_COLORS; i++)
    {
      gtk_widget_set_opacity (self->checks[i], i == color ? 1.0 : 0.0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->buttons[i]), GTK_ACCESSIBLE_STATE_PRESSED,
                                   i == color ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
    }
}

PnAnnotationColor
pn_color_row_get_current (PnColorRow *self)
{
  g_return_val_if_fail (PN_IS_COLOR_ROW (self), PN_ANNOTATION_YELLOW);
  return self->current;
}

GtkWidget *
pn_color_row_get_button (PnColorRow *self, PnAnnotationColor color)
{
  g_return_val_if_fail (PN_IS_COLOR_ROW (self), NULL);
  g_return_val_if_fail (color < PN_ANNOTATION_N_COLORS, NULL);
  return self->buttons[color];
}
