/* pn-problems-window.c: the problems found in a course pack, one row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-problems-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-diagnostic.h"
#include "pn-problems-window.h"

/* Rows in the window; past that, a count. */
#define MAX_PROBLEMS_LISTED 500

struct _PnProblemsWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkListBox     *list;
  GtkLabel       *more_label;

  guint           n_listed;
};

G_DEFINE_FINAL_TYPE (PnProblemsWindow, pn_problems_window, ADW_TYPE_WINDOW)

/* A row: the severity as an icon (named for a screen reader), then the
 * problem as the teachers' tool prints it, without its untranslated prefix. */
static GtkWidget *
pn_problems_window_create_row (const PnDiagnostic *diagnostic)
{
  g_autofree char *text = pn_diagnostic_to_located_message (diagnostic);
  gboolean is_error = diagnostic->severity == PN_SEVERITY_ERROR;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                           : "dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, is_error ? _("Error") : _("Warning"),
                                  -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "pn-diagnostic");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "pn-problem");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
pn_problems_window_set_diagnostics (PnProblemsWindow *self,
                                    GPtrArray        *diagnostics)
{
  self->n_listed = MIN (diagnostics->len, MAX_PROBLEMS_LISTED);

  for (guint i = 0; i < self->n_listed; i++)
    gtk_list_box_append (self->list, pn_problems_window_create_row (g_ptr_array_index (diagnostics, i)));

  /* A hostile pack can hold thousands of problems: the tool lists them all. */
  if (diagnostics->len > MAX_PROBLEMS_LISTED)
    {
      guint more = diagnostics->len - MAX_PROBLEMS_LISTED;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more problem is not listed here; "
                                                         "“prisonnum-pack check” lists them all.",
                                                         "%u more problems are not listed here; "
                                                         "“prisonnum-pack check” lists them all.", more),
                                               more);

      gtk_label_set_label (self->more_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->more_label), TRUE);
    }
}

static void
pn_problems_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_PROBLEMS_WINDOW);

  G_OBJECT_CLASS (pn_problems_window_parent_class)->dispose (object);
}

static void
pn_problems_window_class_init (PnProblemsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_problems_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-problems-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnProblemsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PnProblemsWindow, list);
  gtk_widget_class_bind_template_child (widget_class, PnProblemsWindow, more_label);
}

static void
pn_problems_window_init (PnProblemsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_problems_window_new (GtkWindow  *parent,
                        const char *pack_title,
                        GPtrArray  *diagnostics)
{
  PnProblemsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  self = g_object_new (PN_TYPE_PROBLEMS_WINDOW, "transient-for", parent, NULL);
  adw_window_title_set_subtitle (self->window_title, pack_title ? pack_title : "");
  pn_problems_window_set_diagnostics (self, diagnostics);

  return GTK_WIDGET (self);
}

guint
pn_problems_window_get_n_listed (PnProblemsWindow *self)
{
  g_return_val_if_fail (PN_IS_PROBLEMS_WINDOW (self), 0);

  return self->n_listed;
}
