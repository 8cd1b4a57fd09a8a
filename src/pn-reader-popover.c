/* pn-reader-popover.c: what the reader's popovers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pn-reader-popover.h"

void
pn_reader_popover_point_at (GtkPopover *popover, GtkScrolledWindow *scroller, GtkWidget *view,
                            GtkWidget *web_view, double zoom, const PnPageRect *rect)
{
  graphene_point_t origin;
  graphene_point_t in_view;
  GdkRectangle target;
  int width = gtk_widget_get_width (view);
  int height = gtk_widget_get_height (view);
  int above, below;

  in_view = GRAPHENE_POINT_INIT ((float) (rect->x * zoom), (float) (rect->y * zoom));
  if (!gtk_widget_compute_point (web_view, view, &in_view, &origin))
    origin = in_view;

  target.x = (int) floor (origin.x);
  target.y = (int) floor (origin.y);
  target.width = MAX (1, (int) ceil (rect->width * zoom));
  target.height = MAX (1, (int) ceil (rect->height * zoom));
  /* Keep the target inside the view, whatever the page said. */
  target.x = CLAMP (target.x, 0, MAX (0, width - 1));
  target.y = CLAMP (target.y, 0, MAX (0, height - 1));
  target.width = MIN (target.width, MAX (1, width - target.x));
  target.height = MIN (target.height, MAX (1, height - target.y));

  /* Open towards the larger side of the view, and no taller than it. */
  above = target.y;
  below = height - (target.y + target.height);
  gtk_popover_set_position (popover, below >= above ? GTK_POS_BOTTOM : GTK_POS_TOP);
  if (scroller != NULL)
    gtk_scrolled_window_set_max_content_height (scroller, CLAMP (MAX (above, below) - 120, 80, 360));

  gtk_popover_set_pointing_to (popover, &target);
}

void
pn_reader_popover_fit_label (GtkLabel *label, int view_width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (label));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  /* GTK measures width-chars with the wider of these two */
  int char_width = MAX (1, PANGO_PIXELS (MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                              pango_font_metrics_get_approximate_digit_width (metrics))));
  int chars = CLAMP ((view_width - 72) / char_width, 12, 48);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_SCROLLED_WINDOW);

  pango_font_metrics_unref (metrics);
  gtk_label_set_max_width_chars (label, chars);
  gtk_label_set_width_chars (label, MIN (20, chars));
  if (scroller != NULL)
    gtk_scrolled_window_set_max_content_width (GTK_SCROLLED_WINDOW (scroller), MAX (160, view_width - 48));
}

static gboolean
clear_selection_idle (gpointer data)
{
  GtkLabel *label = data;

  gtk_label_select_region (label, 0, 0);
  g_object_unref (label);
  return G_SOURCE_REMOVE;
}

static void
on_label_focus (GtkLabel *label, GParamSpec *pspec, gpointer user_data)
{
  if (gtk_widget_has_focus (GTK_WIDGET (label)) &&
      g_object_get_data (G_OBJECT (label), "pn-fresh") != NULL)
    {
      g_object_set_data (G_OBJECT (label), "pn-fresh", NULL);
      /* after GtkLabel's own select-on-focus */
      g_idle_add (clear_selection_idle, g_object_ref (label));
    }
}

void
pn_reader_popover_track_label (GtkLabel *label)
{
  g_signal_connect_after (label, "notify::has-focus", G_CALLBACK (on_label_focus), NULL);
}

void
pn_reader_popover_label_fresh (GtkLabel *label)
{
  g_object_set_data (G_OBJECT (label), "pn-fresh", GINT_TO_POINTER (1));
  gtk_label_select_region (label, 0, 0);
}

void
pn_reader_popover_set_face (GtkLabel *label, const char *family, double px)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_family_new (g_strcmp0 (family, "sans") == 0
                                                        ? "Noto Sans, Cantarell, sans-serif"
                                                        : "Noto Serif, serif"));
  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) (CLAMP (px, 10, 40) * PANGO_SCALE)));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}
