/* pn-notes-page-filter.c: the Notes page's search, colour and tag filters
 *
 * The annotations are filtered, then rows made for those that match. The
 * search looks in the quote, the note and the tags, accents and case folded
 * (pn_text_fold_accents()), as one types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-notes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-color-row.h"
#include "pn-note-row.h"
#include "pn-notes-page-private.h"
#include "pn-text.h"

/* The quote, note and tags, accents and case folded, made once per annotation. */
static const char *
search_key (PnNotesPage *self, const PnAnnotation *a)
{
  const char *key = g_hash_table_lookup (self->keys, a->id);

  if (key == NULL)
    {
      g_autofree char *tags = g_strjoinv ("\n", a->tags);
      g_autofree char *text = g_strjoin ("\n", a->selectors.exact != NULL ? a->selectors.exact : "",
                                         a->note != NULL ? a->note : "", tags, NULL);
      char *folded = pn_text_fold_accents (text);

      g_strdelimit (folded, "\n\r\t", ' ');
      g_hash_table_insert (self->keys, g_strdup (a->id), folded);
      key = folded;
    }
  return key;
}

gboolean
_pn_notes_page_matches (PnNotesPage *self, const PnAnnotation *a)
{
  if (self->color >= 0 && (a->kind != PN_ANNOTATION_HIGHLIGHT || (int) a->color != self->color))
    return FALSE;
  if (self->tag != NULL && !pn_annotation_has_tag (a, self->tag))
    return FALSE;
  if (self->query != NULL && strstr (search_key (self, a), self->query) == NULL)
    return FALSE;
  return TRUE;
}

static void
update_count (PnNotesPage *self)
{
  guint n = self->annotations != NULL ? self->annotations->len : 0;
  g_autofree char *text = NULL;

  if (self->n_shown == n)
    text = g_strdup_printf (ngettext ("%u note", "%u notes", n), n);
  else
    /* Translators: how many of the pack's notes the search and filters leave */
    text = g_strdup_printf (ngettext ("%u of %u note", "%u of %u notes", n), self->n_shown, n);
  gtk_label_set_text (self->count_label, text);
}

void
_pn_notes_page_show_state (PnNotesPage *self)
{
  guint n = self->annotations != NULL ? self->annotations->len : 0;

  update_count (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n > 0);
  gtk_widget_set_visible (self->filter_box, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_drop_down), self->tags != NULL && self->tags[0] != NULL);
  gtk_stack_set_visible_child_name (self->stack, n == 0 ? "empty" : self->n_shown == 0 ? "no-match" : "list");
}

static void
search_changed_cb (PnNotesPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->query, g_free);
  if (text[0] != '\0')
    self->query = pn_text_fold_accents (text);
  _pn_notes_page_rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* The first row shown, or NULL. */
static GtkWidget *
first_shown_row (PnNotesPage *self)
{
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GtkWidget *list = g_object_get_data (G_OBJECT (group), PN_NOTES_GROUP_LIST_KEY);
      GtkWidget *row = list != NULL && gtk_widget_get_visible (group) ? _pn_notes_page_list_end_row (list, FALSE) : NULL;

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* Enter in the search: the keyboard goes down to the first note found
 * (arrows move on, Enter opens it). */
static void
search_activate_cb (PnNotesPage *self)
{
  GtkWidget *row = first_shown_row (self);

  if (row != NULL)
    gtk_widget_grab_focus (row);
}

static void
stop_search_cb (PnNotesPage *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* GTK 4.8's drop down leaves its button unnamed for a screen reader: it is
 * named after the filter and its choice (« Colour: Green »). */
static void
name_drop_down (GtkDropDown *drop_down, const char *filter)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  GtkStringObject *item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *name = NULL;

  if (!GTK_IS_BUTTON (button))
    return;
  /* Translators: a filter of the Notes page and what it is set to, « Colour: Green » */
  name = g_strdup_printf (_("%s: %s"), filter, item != NULL ? gtk_string_object_get_string (item) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
color_selected_cb (PnNotesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->color_drop_down);

  /* Item 0: every colour; then the colours in their order. */
  self->color = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  name_drop_down (self->color_drop_down, _("Colour"));
  _pn_notes_page_rebuild (self);
}

static void
tag_selected_cb (PnNotesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_drop_down);

  g_clear_pointer (&self->tag, g_free);
  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION && self->tags != NULL &&
      selected - 1 < g_strv_length (self->tags))
    self->tag = g_strdup (self->tags[selected - 1]);
  name_drop_down (self->tag_drop_down, _("Tag"));
  _pn_notes_page_rebuild (self);
}

static void
clear_filters_cb (PnNotesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  pn_notes_page_set_search (self, NULL);
  pn_notes_page_set_color_filter (self, -1);
  pn_notes_page_set_tag_filter (self, NULL);
  pn_notes_page_start_search (self);
}

/* The tag drop down: every tag used, the one chosen kept if still there. */
void
_pn_notes_page_fill_tags (PnNotesPage *self)
{
  g_autofree char *keep = g_strdup (self->tag);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->tag_model));
  guint selected = 0;

  g_signal_handlers_block_by_func (self->tag_drop_down, tag_selected_cb, self);
  gtk_string_list_splice (self->tag_model, 0, n_items, NULL);
  gtk_string_list_append (self->tag_model, _("Any Tag"));
  for (guint i = 0; self->tags != NULL && self->tags[i] != NULL; i++)
    {
      gtk_string_list_append (self->tag_model, self->tags[i]);
      if (g_strcmp0 (self->tags[i], keep) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_selected (self->tag_drop_down, selected);
  g_signal_handlers_unblock_by_func (self->tag_drop_down, tag_selected_cb, self);
  tag_selected_cb (self);
}

/* The drop downs' items as labels that may be cut short (« Toutes les
 * étiquettes… »), so that both fit side by side at 360 px. */
static void
item_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *text = string != NULL ? gtk_string_object_get_string (string) : "";

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static void
set_short_factory (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
}

void
_pn_notes_page_clear_filters (PnNotesPage *self)
{
  g_clear_pointer (&self->query, g_free);
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  g_clear_pointer (&self->tag, g_free);
  gtk_drop_down_set_selected (self->color_drop_down, 0);
}

void
_pn_notes_page_filter_init (PnNotesPage *self)
{
  gtk_string_list_append (self->color_model, _("Any Colour"));
  for (int c = 0; c < PN_ANNOTATION_N_COLORS; c++)
    gtk_string_list_append (self->color_model, pn_color_row_color_name ((PnAnnotationColor) c));
  gtk_string_list_append (self->tag_model, _("Any Tag"));
  set_short_factory (self->color_drop_down);
  set_short_factory (self->tag_drop_down);
  name_drop_down (self->color_drop_down, _("Colour"));
  name_drop_down (self->tag_drop_down, _("Tag"));
}

void
_pn_notes_page_class_filter_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
}

void
pn_notes_page_set_search (PnNotesPage *self, const char *text)
{
  g_return_if_fail (PN_IS_NOTES_PAGE (self));

  /* search-changed comes later (GtkSearchEntry's delay): the list now. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  search_changed_cb (self);
}

void
pn_notes_page_set_color_filter (PnNotesPage *self, int color)
{
  g_return_if_fail (PN_IS_NOTES_PAGE (self));
  g_return_if_fail (color >= -1 && color < PN_ANNOTATION_N_COLORS);

  gtk_drop_down_set_selected (self->color_drop_down, (guint) (color + 1));
}

void
pn_notes_page_set_tag_filter (PnNotesPage *self, const char *tag)
{
  guint selected = 0;

  g_return_if_fail (PN_IS_NOTES_PAGE (self));

  for (guint i = 0; tag != NULL && self->tags != NULL && self->tags[i] != NULL; i++)
    if (g_strcmp0 (self->tags[i], tag) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->tag_drop_down, selected);
}

void
pn_notes_page_start_search (PnNotesPage *self)
{
  g_return_if_fail (PN_IS_NOTES_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
