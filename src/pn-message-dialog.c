/* pn-message-dialog.c: an AdwMessageDialog whose heading and body wrap at any width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pn-message-dialog.h"

#define HEADING_KEY "pn-message-dialog-heading"
#define BODY_KEY    "pn-message-dialog-body"
#define BOX_KEY     "pn-message-dialog-box"

GtkWidget *
pn_message_dialog_new (GtkWindow  *parent,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, NULL, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (body);

  g_return_val_if_fail (heading != NULL, NULL);

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_title (GTK_WINDOW (dialog), heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, body != NULL ? body : "",
                                  -1);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (text, "body");
  gtk_widget_set_visible (text, body != NULL && body[0] != '\0');
  gtk_box_append (GTK_BOX (box), text);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), HEADING_KEY, title);
  g_object_set_data (G_OBJECT (dialog), BODY_KEY, text);
  g_object_set_data (G_OBJECT (dialog), BOX_KEY, box);

  return dialog;
}

void
pn_message_dialog_append (GtkWidget *dialog,
                          GtkWidget *child)
{
  GtkBox *box = g_object_get_data (G_OBJECT (dialog), BOX_KEY);

  g_return_if_fail (GTK_IS_BOX (box));
  gtk_box_append (box, child);
}

GtkLabel *
pn_message_dialog_get_heading_label (GtkWidget *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), HEADING_KEY);
}

GtkLabel *
pn_message_dialog_get_body_label (GtkWidget *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), BODY_KEY);
}
