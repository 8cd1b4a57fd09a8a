/* pn-highlight-popover.c: a highlight opened in the text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-color-row.h"
#include "pn-highlight-popover.h"
#include "pn-render-pango.h"

struct _PnHighlightPopover {
  GtkPopover parent_instance;

  PnColorRow *colors;
  GtkStack *note_stack;
  GtkLabel *note_label;
  GtkTextView *note_view;
  GtkLabel *error_label;
  GtkFlowBox *tags_box;
  GtkEntry *tag_entry;
  GtkWidget *delete_button;

  GtkListStore *known_tags;
  PnAnnotation *annotation;
  PnPack *pack;
  guint save_source;
  gboolean dirty;        /* the text typed is not saved */
  char *offered;         /* the note offered for saving last */
  gboolean loading;      /* the buffer is being set: not the reader's typing */
};

G_DEFINE_FINAL_TYPE (PnHighlightPopover, pn_highlight_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_NOTE_CHANGED,
  SIGNAL_COLOR_CHANGED,
  SIGNAL_TAGS_CHANGED,
  SIGNAL_DELETE_REQUESTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void fill_tags (PnHighlightPopover *self);

char *
pn_highlight_popover_get_note (PnHighlightPopover *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PN_IS_HIGHLIGHT_POPOVER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_note (PnHighlightPopover *self)
{
  g_autofree char *markup = NULL;
  const char *note = self->annotation ? self->annotation->note : "";

  if (note == NULL || note[0] == '\0' || self->dirty)
    {
      gtk_stack_set_visible_child_name (self->note_stack, "editing");
      return;
    }
  markup = pn_render_markdown_pango (self->pack, note, NULL, NULL);
  gtk_label_set_markup (self->note_label, markup != NULL ? markup : "");
  gtk_stack_set_visible_child_name (self->note_stack, "shown");
}

/* The typed note, offered for saving. */
void
pn_highlight_popover_flush (PnHighlightPopover *self)
{
  g_autofree char *note = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (PN_IS_HIGHLIGHT_POPOVER (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->annotation == NULL)
    return;
  note = pn_highlight_popover_get_note (self);
  g_free (self->offered);
  self->offered = g_strdup (note);
  id = g_strdup (self->annotation->id);
  g_signal_emit (self, signals[SIGNAL_NOTE_CHANGED], 0, id, note);
}

static gboolean
save_later_cb (gpointer data)
{
  PnHighlightPopover *self = data;

  self->save_source = 0;
  pn_highlight_popover_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer, PnHighlightPopover *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (PN_HIGHLIGHT_POPOVER_SAVE_DELAY_MS, save_later_cb, self);
}

void
pn_highlight_popover_set_save_error (PnHighlightPopover *self, const char *message)
{
  g_return_if_fail (PN_IS_HIGHLIGHT_POPOVER (self));

  if (message == NULL)
    {
      g_autofree char *note = pn_highlight_popover_get_note (self);

      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      if (self->annotation != NULL && self->offered != NULL)
        {
          g_free (self->annotation->note);
          self->annotation->note = g_strdup (self->offered);
        }
      /* Typed on since it was offered: still to save. */
      self->dirty = g_strcmp0 (note, self->offered) != 0;
      return;
    }
  /* The text stays as typed, and is offered again at the next change or close. */
  self->dirty = TRUE;
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_stack_set_visible_child_name (self->note_stack, "editing");
}

gboolean
pn_highlight_popover_has_unsaved_note (PnHighlightPopover *self)
{
  g_return_val_if_fail (PN_IS_HIGHLIGHT_POPOVER (self), FALSE);
  return self->dirty;
}

/* A web link in a note opens in the browser (GTK's own handler); the pack's
 * own addresses lead nowhere from here. */
static gboolean
on_note_link (GtkLabel *label, const char *uri, PnHighlightPopover *self)
{
  return !(g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://") ||
           g_str_has_prefix (uri, "mailto:"));
}

static void
on_closed (GtkPopover *popover, PnHighlightPopover *self)
{
  pn_highlight_popover_flush (self);
}

static void
on_edit_clicked (GtkButton *button, PnHighlightPopover *self)
{
  pn_highlight_popover_edit_note (self);
}

void
pn_highlight_popover_edit_note (PnHighlightPopover *self)
{
  g_return_if_fail (PN_IS_HIGHLIGHT_POPOVER (self));

  gtk_stack_set_visible_child_name (self->note_stack, "editing");
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
on_color_activated (PnColorRow *row, const char *color, PnHighlightPopover *self)
{
  g_autofree char *id = NULL;

  if (self->annotation == NULL || !pn_annotation_color_from_string (color, &self->annotation->color))
    return;
  pn_color_row_set_current (self->colors, self->annotation->color);
  id = g_strdup (self->annotation->id);
  g_signal_emit (self, signals[SIGNAL_COLOR_CHANGED], 0, id, color);
}

static void
on_delete_clicked (GtkButton *button, PnHighlightPopover *self)
{
  g_autofree char *id = self->annotation ? g_strdup (self->annotation->id) : NULL;

  if (id == NULL)
    return;
  /* Its note goes with it (Undo brings both back). */
  self->dirty = FALSE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SIGNAL_DELETE_REQUESTED], 0, id);
}

/* Tags */

static void
emit_tags (PnHighlightPopover *self)
{
  g_autofree char *id = g_strdup (self->annotation->id);
  g_auto(GStrv) tags = g_strdupv (self->annotation->tags);

  fill_tags (self);
  g_signal_emit (self, signals[SIGNAL_TAGS_CHANGED], 0, id, tags);
}

static void
on_tag_activate (GtkEntry *entry, PnHighlightPopover *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) tags = NULL;

  if (self->annotation == NULL || tag[0] == '\0')
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  if (pn_annotation_has_tag (self->annotation, tag))
    return;
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) self->annotation->tags);
  g_strv_builder_add (builder, tag);
  tags = g_strv_builder_end (builder);
  pn_annotation_set_tags (self->annotation, (const char * const *) tags);
  emit_tags (self);
}

static void
on_tag_remove (GtkButton *button, PnHighlightPopover *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "pn-tag");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;

  if (self->annotation == NULL || tag == NULL)
    return;
  for (guint i = 0; self->annotation->tags[i] != NULL; i++)
    if (g_strcmp0 (self->annotation->tags[i], tag) != 0)
      g_strv_builder_add (builder, self->annotation->tags[i]);
  tags = g_strv_builder_end (builder);
  pn_annotation_set_tags (self->annotation, (const char * const *) tags);
  emit_tags (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

static GtkWidget *
tag_chip (PnHighlightPopover *self, const char *tag)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *name = g_strdup_printf (_("Remove tag “%s”"), tag);

  gtk_widget_add_css_class (chip, "pn-tag-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (remove), "pn-tag", g_strdup (tag), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_tag_remove), self);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
fill_tags (PnHighlightPopover *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);
  for (guint i = 0; self->annotation != NULL && self->annotation->tags[i] != NULL; i++)
    gtk_flow_box_append (self->tags_box, tag_chip (self, self->annotation->tags[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box),
                          self->annotation != NULL && self->annotation->tags[0] != NULL);
  /* GTK 4.8 does not grow a popover already shown when a row appears in it
   * (the tag entry and the delete button were cut off after the first tag). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_present (GTK_POPOVER (self));
}

/* GObject */

static void
pn_highlight_popover_dispose (GObject *object)
{
  PnHighlightPopover *self = PN_HIGHLIGHT_POPOVER (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_HIGHLIGHT_POPOVER);
  g_clear_object (&self->known_tags);
  g_clear_object (&self->pack);
  G_OBJECT_CLASS (pn_highlight_popover_parent_class)->dispose (object);
}

static void
pn_highlight_popover_finalize (GObject *object)
{
  g_clear_pointer (&PN_HIGHLIGHT_POPOVER (object)->annotation, pn_annotation_free);
  g_free (PN_HIGHLIGHT_POPOVER (object)->offered);
  G_OBJECT_CLASS (pn_highlight_popover_parent_class)->finalize (object);
}

static void
pn_highlight_popover_init (PnHighlightPopover *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

  g_type_ensure (PN_TYPE_COLOR_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Highlighted passage"), -1);

  self->known_tags = gtk_list_store_new (1, G_TYPE_STRING);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->known_tags));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_inline_completion (completion, TRUE);
  gtk_entry_completion_set_popup_single_match (completion, FALSE);
  gtk_entry_set_completion (self->tag_entry, completion);
  g_signal_connect (gtk_text_view_get_buffer (self->note_view), "changed", G_CALLBACK (on_buffer_changed), self);
  g_signal_connect (self->note_label, "activate-link", G_CALLBACK (on_note_link), self);
}

static void
pn_highlight_popover_class_init (PnHighlightPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GType type = G_TYPE_FROM_CLASS (klass);

  object_class->dispose = pn_highlight_popover_dispose;
  object_class->finalize = pn_highlight_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-highlight-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PnHighlightPopover, colors);
  gtk_widget_class_bind_template_child (widget_class, PnHighlightPopover, note_stack);
  gtk_widget_class_bind_template_child (widget_class, PnHighlightPopover, note_label);
  gtk_widget_class_bind_template_child (widget_class, PnHighlightPopover, note_view);
  gtk_widget_class_bind_template_child (widget_class, PnHighlightPopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, PnHighlightPopover, tags_box);
  gtk_widget_class_bind_template_child (widget_class, PnHighlightPopover, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, PnHighlightPopover, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_closed);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_color_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  signals[SIGNAL_NOTE_CHANGED] =
    g_signal_new ("note-changed", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_COLOR_CHANGED] =
    g_signal_new ("color-changed", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_TAGS_CHANGED] =
    g_signal_new ("tags-changed", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRV);
  signals[SIGNAL_DELETE_REQUESTED] =
    g_signal_new ("delete-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

GtkWidget *
pn_highlight_popover_new (void)
{
  return g_object_new (PN_TYPE_HIGHLIGHT_POPOVER, NULL);
}

void
pn_highlight_popover_set_annotation (PnHighlightPopover *self, const PnAnnotation *annotation,
                                     PnPack *pack, const char * const *known_tags)
{
  g_return_if_fail (PN_IS_HIGHLIGHT_POPOVER (self));
  g_return_if_fail (annotation != NULL);

  /* Whatever was typed for the one shown before is not lost. */
  if (self->annotation != NULL && g_strcmp0 (self->annotation->id, annotation->id) != 0)
    pn_highlight_popover_flush (self);
  if (self->dirty && self->annotation != NULL && g_strcmp0 (self->annotation->id, annotation->id) == 0)
    {
      /* The same one again with a note not saved: keep the text typed. */
      fill_tags (self);
      return;
    }

  g_clear_pointer (&self->annotation, pn_annotation_free);
  self->annotation = pn_annotation_copy (annotation);
  g_set_object (&self->pack, pack);
  self->dirty = FALSE;

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), annotation->note, -1);
  self->loading = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  pn_color_row_set_current (self->colors, annotation->color);
  fill_tags (self);
  show_note (self);

  gtk_list_store_clear (self->known_tags);
  for (guint i = 0; known_tags != NULL && known_tags[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->known_tags, NULL, -1, 0, known_tags[i], -1);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
}

const char *
pn_highlight_popover_get_id (PnHighlightPopover *self)
{
  g_return_val_if_fail (PN_IS_HIGHLIGHT_POPOVER (self), NULL);
  return self->annotation ? self->annotation->id : NULL;
}
