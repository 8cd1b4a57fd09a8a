/* pn-reading-progress.c: where the reader is in the text, and the time left
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pn-reading-progress.h"

struct _PnReadingProgress {
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkProgressBar *bar;
  GtkLabel *label;
  PnReaderView *view;
};

G_DEFINE_FINAL_TYPE (PnReadingProgress, pn_reading_progress, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
update (PnReadingProgress *self)
{
  double fraction = self->view ? pn_reader_view_get_progress (self->view) : 0.0;
  guint minutes = self->view ? pn_reader_view_get_minutes_left (self->view) : 0;
  int percent = (int) floor (CLAMP (fraction, 0.0, 1.0) * 100.0 + 0.5);
  g_autofree char *left = NULL;
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->bar, fraction);
  if (minutes == 0)
    left = g_strdup (_("end of the text"));
  else
    /* Translators: reading time left at the reader's pace */
    left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min left", "%u min left", minutes), minutes);
  /* Translators: reading progress: percentage of the text read, then the time
   * left, e.g. "35 % · 12 min left" */
  text = g_strdup_printf (_("%d %% · %s"), percent, left);
  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

static void
on_view_notify (PnReaderView *view, GParamSpec *pspec, PnReadingProgress *self)
{
  update (self);
}

static void
pn_reading_progress_dispose (GObject *object)
{
  PnReadingProgress *self = PN_READING_PROGRESS (object);

  pn_reading_progress_set_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_READING_PROGRESS);
  G_OBJECT_CLASS (pn_reading_progress_parent_class)->dispose (object);
}

static void
pn_reading_progress_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, PN_READING_PROGRESS (object)->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_reading_progress_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VIEW:
      pn_reading_progress_set_view (PN_READING_PROGRESS (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_reading_progress_init (PnReadingProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

static void
pn_reading_progress_class_init (PnReadingProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_reading_progress_dispose;
  object_class->get_property = pn_reading_progress_get_property;
  object_class->set_property = pn_reading_progress_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, PN_TYPE_READER_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-reading-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, PnReadingProgress, box);
  gtk_widget_class_bind_template_child (widget_class, PnReadingProgress, bar);
  gtk_widget_class_bind_template_child (widget_class, PnReadingProgress, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pn-reading-progress");
}

GtkWidget *
pn_reading_progress_new (PnReaderView *view)
{
  return g_object_new (PN_TYPE_READING_PROGRESS, "view", view, NULL);
}

void
pn_reading_progress_set_view (PnReadingProgress *self, PnReaderView *view)
{
  g_return_if_fail (PN_IS_READING_PROGRESS (self));
  g_return_if_fail (view == NULL || PN_IS_READER_VIEW (view));

  if (self->view == view)
    return;
  if (self->view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_clear_weak_pointer (&self->view);
    }
  if (view != NULL)
    {
      g_set_weak_pointer (&self->view, view);
      g_signal_connect (view, "notify::progress", G_CALLBACK (on_view_notify), self);
      g_signal_connect (view, "notify::minutes-left", G_CALLBACK (on_view_notify), self);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

PnReaderView *
pn_reading_progress_get_view (PnReadingProgress *self)
{
  g_return_val_if_fail (PN_IS_READING_PROGRESS (self), NULL);
  return self->view;
}

const char *
pn_reading_progress_get_text (PnReadingProgress *self)
{
  g_return_val_if_fail (PN_IS_READING_PROGRESS (self), NULL);
  return gtk_label_get_text (self->label);
}
