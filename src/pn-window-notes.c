/* pn-window-notes.c: the student's highlights, notes and bookmarks in the window's text
 *
 * The window's annotation controller (pn-annotation-controller.h) on its
 * text view and session, with the last highlight colour kept in the settings
 * and its toasts in the window's. Actions: win.toggle-bookmark (Ctrl+D) and
 * win.document-note (« Document Note… » in the main menu).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include "pn-annotation-controller.h"
#include "pn-window-private.h"

#define CONTROLLER_KEY "pn-annotation-controller"

PnAnnotationController *
pn_window_get_annotation_controller (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);
  return g_object_get_data (G_OBJECT (self), CONTROLLER_KEY);
}

static gboolean
text_shown (PnWindow *self)
{
  return pn_window_get_pack (self) != NULL &&
         pn_reader_view_get_document_id (self->reader_view) != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "reader") == 0;
}

static void
toggle_bookmark_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PnWindow *self = PN_WINDOW (widget);
  PnAnnotationController *notes = pn_window_get_annotation_controller (self);

  if (notes != NULL && text_shown (self))
    pn_annotation_controller_toggle_bookmark (notes);
}

static void
document_note_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PnWindow *self = PN_WINDOW (widget);
  PnAnnotationController *notes = pn_window_get_annotation_controller (self);

  if (notes != NULL && pn_window_get_pack (self) != NULL)
    pn_annotation_controller_edit_document_note (notes, GTK_WINDOW (self));
}

void
_pn_window_class_notes_init (PnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.toggle-bookmark", NULL, toggle_bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.document-note", NULL, document_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.toggle-bookmark", NULL);
}

void
_pn_window_notes_init (PnWindow *self)
{
  PnAnnotationController *notes = pn_annotation_controller_new (self->reader_view, self->session,
                                                                self->settings, self->toast_overlay);

  g_object_set_data_full (G_OBJECT (self), CONTROLLER_KEY, notes, g_object_unref);
}
