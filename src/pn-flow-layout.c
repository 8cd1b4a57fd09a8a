/* pn-flow-layout.c: children laid out like words in a line of text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-flow-layout.h"

struct _PnFlowLayout
{
  GtkLayoutManager parent_instance;

  int spacing;
  int line_spacing;
};

G_DEFINE_FINAL_TYPE (PnFlowLayout, pn_flow_layout, GTK_TYPE_LAYOUT_MANAGER)

/* A child's width on a line @width wide: its natural width, or all the line when that is less. */
static int
child_width (GtkWidget *child,
             int        width)
{
  int minimum = 0;
  int natural = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  if (width >= 0 && natural > width)
    natural = MAX (minimum, width);
  return natural;
}

static int
child_height (GtkWidget *child,
              int        width)
{
  int minimum = 0;
  int natural = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  return natural;
}

/* Lays the children of @widget out in @width (-1: one line); allocates them
 * when @allocate. Returns the height taken. */
static int
flow (PnFlowLayout *self,
      GtkWidget    *widget,
      int           width,
      gboolean      allocate)
{
  GtkWidget *line_start = gtk_widget_get_first_child (widget);
  int y = 0;
  gboolean first_line = TRUE;

  while (line_start != NULL)
    {
      GtkWidget *child;
      GtkWidget *line_end = NULL;
      int x = 0;
      int line_height = 0;

      /* Which children fit on this line, and how tall it is. */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int w;

          if (!gtk_widget_should_layout (child))
            continue;
          w = child_width (child, width);
          if (x > 0 && width >= 0 && x + self->spacing + w > width)
            break;
          x += (x > 0 ? self->spacing : 0) + w;
          line_height = MAX (line_height, child_height (child, w));
        }
      line_end = child;

      if (!first_line && x > 0)
        y += self->line_spacing;

      if (allocate)
        {
          x = 0;
          for (child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
            {
              int w, h;

              if (!gtk_widget_should_layout (child))
                continue;
              w = child_width (child, width);
              h = child_height (child, w);
              if (x > 0)
                x += self->spacing;
              gtk_widget_size_allocate (child,
                                        &(GtkAllocation) { x, y + (line_height - h) / 2, w, h }, -1);
              x += w;
            }
        }

      if (x > 0)
        first_line = FALSE;
      y += line_height;
      line_start = line_end;
    }

  return y;
}

static GtkSizeRequestMode
pn_flow_layout_get_request_mode (GtkLayoutManager *manager,
                                 GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pn_flow_layout_measure (GtkLayoutManager *manager,
                        GtkWidget        *widget,
                        GtkOrientation    orientation,
                        int               for_size,
                        int              *minimum,
                        int              *natural,
                        int              *minimum_baseline,
                        int              *natural_baseline)
{
  PnFlowLayout *self = PN_FLOW_LAYOUT (manager);

  *minimum = 0;
  *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gboolean first = TRUE;

      /* The widest child at least; all on one line at best. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_minimum = 0;
          int child_natural = 0;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural += (first ? 0 : self->spacing) + child_natural;
          first = FALSE;
        }
    }
  else
    {
      *minimum = flow (self, widget, for_size, FALSE);
      *natural = *minimum;
    }
}

static void
pn_flow_layout_allocate (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         int               width,
                         int               height,
                         int               baseline)
{
  flow (PN_FLOW_LAYOUT (manager), widget, width, TRUE);
}

static void
pn_flow_layout_class_init (PnFlowLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = pn_flow_layout_get_request_mode;
  layout_class->measure = pn_flow_layout_measure;
  layout_class->allocate = pn_flow_layout_allocate;
}

static void
pn_flow_layout_init (PnFlowLayout *self)
{
}

GtkLayoutManager *
pn_flow_layout_new (int spacing,
                    int line_spacing)
{
  PnFlowLayout *self = g_object_new (PN_TYPE_FLOW_LAYOUT, NULL);

  self->spacing = spacing;
  self->line_spacing = line_spacing;

  return GTK_LAYOUT_MANAGER (self);
}
