/* pn-teacher-note-popover.c: one of the teacher's notes, shown over the text, read-only
 *
 * The note is the pack's Markdown, written as Pango markup by the render
 * pipeline's safe passes (pn_render_markdown_pango(): no raw HTML, only
 * vetted addresses). Its links (to the web, or to the pack: a document, a
 * source, a glossary entry) go out through the "link-activated" signal;
 * nothing is handed to the system from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-reader-popover.h"
#include "pn-render-pango.h"
#include "pn-teacher-note-popover.h"

struct _PnTeacherNotePopover {
  GtkPopover parent_instance;

  GtkLabel *title;
  GtkLabel *text;
  GtkLabel *caption;
};

G_DEFINE_FINAL_TYPE (PnTeacherNotePopover, pn_teacher_note_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_LINK_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static gboolean
on_activate_link (GtkLabel *label, const char *uri, PnTeacherNotePopover *self)
{
  if (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "mailto:") ||
      g_str_has_prefix (uri, "prisonnum://pack/"))
    {
      g_autofree char *target = g_strdup (uri);

      gtk_popover_popdown (GTK_POPOVER (self));
      g_signal_emit (self, signals[SIGNAL_LINK_ACTIVATED], 0, target);
    }
  return TRUE;
}

static gboolean
unselect_idle (gpointer data)
{
  g_autoptr(PnTeacherNotePopover) self = data;

  if (self->text != NULL)
    gtk_label_select_region (self->text, 0, 0);
  return G_SOURCE_REMOVE;
}

/* The note takes the focus each time the popover opens (a screen reader
 * reads it then), and GtkLabel selects a focused label's whole text each
 * time: it is unselected after that, every time (a selection the reader
 * makes afterwards stays). */
static void
on_text_focus (PnTeacherNotePopover *self)
{
  g_idle_add (unselect_idle, g_object_ref (self));
}

static void
pn_teacher_note_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_TEACHER_NOTE_POPOVER);
  G_OBJECT_CLASS (pn_teacher_note_popover_parent_class)->dispose (object);
}

static void
pn_teacher_note_popover_init (PnTeacherNotePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "enter", G_CALLBACK (on_text_focus), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    gtk_widget_add_controller (GTK_WIDGET (self->text), focus);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teacher’s Note"), -1);
}

static void
pn_teacher_note_popover_class_init (PnTeacherNotePopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pn_teacher_note_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-teacher-note-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PnTeacherNotePopover, title);
  gtk_widget_class_bind_template_child (widget_class, PnTeacherNotePopover, text);
  gtk_widget_class_bind_template_child (widget_class, PnTeacherNotePopover, caption);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_link);

  signals[SIGNAL_LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

GtkWidget *
pn_teacher_note_popover_new (void)
{
  return g_object_new (PN_TYPE_TEACHER_NOTE_POPOVER, NULL);
}

void
pn_teacher_note_popover_set_note (PnTeacherNotePopover *self, PnPack *pack, const char *note)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (PN_IS_TEACHER_NOTE_POPOVER (self));
  g_return_if_fail (PN_IS_PACK (pack));

  markup = pn_render_markdown_pango (pack, note != NULL ? note : "", NULL, NULL);
  gtk_label_set_markup (self->text, markup);
  gtk_label_select_region (self->text, 0, 0);
}

void
pn_teacher_note_popover_fit (PnTeacherNotePopover *self, int view_width)
{
  g_return_if_fail (PN_IS_TEACHER_NOTE_POPOVER (self));

  pn_reader_popover_fit_label (self->text, view_width);
  pn_reader_popover_fit_label (self->caption, view_width);
}

const char *
pn_teacher_note_popover_get_text (PnTeacherNotePopover *self)
{
  g_return_val_if_fail (PN_IS_TEACHER_NOTE_POPOVER (self), NULL);
  return gtk_label_get_text (self->text);
}
