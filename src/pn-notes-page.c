/* pn-notes-page.c: every highlight, note and bookmark of the pack
 *
 * The annotations are grouped by document, in the pack's order, each group
 * headed by the document's title; within a group they go by position in the
 * text or by date, newest first (the "notes-sort" setting). Detached ones
 * (their passage changed) come first in a section of their own, to be
 * re-attached. The search (as one types: quote, note and tags, accents and
 * case ignored), the colour and the tag filters hide the rows that do not
 * match. Activating a row opens the text at its passage, which flashes.
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

G_DEFINE_FINAL_TYPE (PnNotesPage, pn_notes_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_ANNOTATIONS,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_PASSAGE_ACTIVATED,
  SIGNAL_REATTACH_STARTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* A group of rows: its box (heading and list), the list. */
#define GROUP_LIST_KEY "pn-notes-group-list"

/* Sorting */

static gboolean
sort_by_date (PnNotesPage *self)
{
  g_autofree char *sort = self->settings != NULL ? g_settings_get_string (self->settings, "notes-sort") : NULL;

  return g_strcmp0 (sort, "date") == 0;
}

static gint64
annotation_date (const PnAnnotation *a)
{
  return a->updated_at > 0 ? a->updated_at : a->created_at;
}

/* Document notes first, then by place in the text. */
static int
compare_position (gconstpointer pa, gconstpointer pb)
{
  const PnAnnotation *a = *(PnAnnotation **) pa;
  const PnAnnotation *b = *(PnAnnotation **) pb;
  gboolean a_doc = a->kind == PN_ANNOTATION_DOCUMENT_NOTE;
  gboolean b_doc = b->kind == PN_ANNOTATION_DOCUMENT_NOTE;

  if (a_doc != b_doc)
    return a_doc ? -1 : 1;
  if (a->selectors.start != b->selectors.start)
    return a->selectors.start < b->selectors.start ? -1 : 1;
  if (a->selectors.end != b->selectors.end)
    return a->selectors.end < b->selectors.end ? -1 : 1;
  return g_strcmp0 (a->id, b->id);
}

/* Newest first. */
static int
compare_date (gconstpointer pa, gconstpointer pb)
{
  const PnAnnotation *a = *(PnAnnotation **) pa;
  const PnAnnotation *b = *(PnAnnotation **) pb;
  gint64 da = annotation_date (a), db = annotation_date (b);

  if (da != db)
    return da > db ? -1 : 1;
  return compare_position (pa, pb);
}

/* Building the rows */

static void
row_reattach_cb (PnNotesPage *self, PnNoteRow *row)
{
  const PnAnnotation *a = pn_note_row_get_annotation (row);

  g_signal_emit (self, signals[SIGNAL_REATTACH_STARTED], 0, a->id, a->document_id);
}

static void
row_activated_cb (PnNotesPage *self, GtkListBoxRow *row, GtkListBox *list)
{
  const PnAnnotation *a;

  if (!PN_IS_NOTE_ROW (row))
    return;
  a = pn_note_row_get_annotation (PN_NOTE_ROW (row));
  if (pn_note_row_get_detached (PN_NOTE_ROW (row)))
    {
      /* Its place is to be found again: Enter re-attaches, if it can. */
      if (_pn_notes_page_text (self, a->document_id) != NULL)
        row_reattach_cb (self, PN_NOTE_ROW (row));
      return;
    }
  if (a->kind == PN_ANNOTATION_DOCUMENT_NOTE || a->selectors.end <= a->selectors.start)
    g_signal_emit (self, signals[SIGNAL_PASSAGE_ACTIVATED], 0, a->document_id, (gint64) -1, (gint64) -1);
  else
    g_signal_emit (self, signals[SIGNAL_PASSAGE_ACTIVATED], 0, a->document_id,
                   a->selectors.start, a->selectors.end);
}

/* The first (@last FALSE) or last row shown in @list, or NULL. */
static GtkWidget *
list_end_row (GtkWidget *list, gboolean last)
{
  GtkWidget *found = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (PN_IS_NOTE_ROW (row) && gtk_widget_get_visible (row))
      {
        found = row;
        if (!last)
          break;
      }
  return found;
}

/* The arrows go on from one document's list to the next one's, as if the
 * page held one list. */
static gboolean
list_keynav_failed_cb (PnNotesPage *self, GtkDirectionType direction, GtkWidget *list)
{
  GtkWidget *group = gtk_widget_get_parent (list);
  gboolean down = direction == GTK_DIR_DOWN;

  if (direction != GTK_DIR_DOWN && direction != GTK_DIR_UP)
    return FALSE;
  for (GtkWidget *other = down ? gtk_widget_get_next_sibling (group) : gtk_widget_get_prev_sibling (group);
       other != NULL;
       other = down ? gtk_widget_get_next_sibling (other) : gtk_widget_get_prev_sibling (other))
    {
      GtkWidget *other_list = g_object_get_data (G_OBJECT (other), GROUP_LIST_KEY);
      GtkWidget *row = other_list != NULL && gtk_widget_get_visible (other) ? list_end_row (other_list, !down) : NULL;

      if (row != NULL)
        {
          gtk_widget_grab_focus (row);
          return TRUE;
        }
    }
  /* Up from the first note: to the search. */
  if (!down)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;   /* the last note: the focus stays */
}

/* A group: a heading (and an explanation), then a boxed list. */
static GtkWidget *
new_group (PnNotesPage *self, const char *title, const char *explanation)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "label", title,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     NULL);
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  if (explanation != NULL)
    {
      GtkWidget *label = gtk_label_new (explanation);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "keynav-failed", G_CALLBACK (list_keynav_failed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), list);
  g_object_set_data (G_OBJECT (box), GROUP_LIST_KEY, list);

  gtk_box_append (self->groups_box, box);
  return list;
}

static void
append_row (PnNotesPage *self, GtkWidget *list, const PnAnnotation *a, const char *detached_from)
{
  GtkWidget *row = pn_note_row_new (a, _pn_notes_page_pack (self), detached_from,
                                    detached_from != NULL && _pn_notes_page_text (self, a->document_id) != NULL);

  if (detached_from != NULL)
    g_signal_connect_object (row, "reattach", G_CALLBACK (row_reattach_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static void apply_filters (PnNotesPage *self);

static void
build_rows (PnNotesPage *self)
{
  PnPack *pack = _pn_notes_page_pack (self);
  GPtrArray *documents = pack != NULL ? pn_pack_get_documents (pack) : NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GtkWidget *child;
  GtkWidget *detached_list = NULL;

  self->rows_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->annotations, i));
  g_ptr_array_sort (sorted, sort_by_date (self) ? compare_date : compare_position);

  /* Detached first: they wait for the student. */
  for (guint i = 0; i < sorted->len; i++)
    {
      const PnAnnotation *a = g_ptr_array_index (sorted, i);
      PnDocument *doc;

      if (!_pn_notes_page_is_detached (self, a))
        continue;
      if (detached_list == NULL)
        detached_list = new_group (self, _("Detached"),
                                   _("The text of these passages changed in a new edition of the course pack, "
                                     "and the words they were made on could not be found again. Nothing is lost: "
                                     "re-attach each one by selecting its passage in the text."));
      doc = pack != NULL ? pn_pack_get_document (pack, a->document_id) : NULL;
      append_row (self, detached_list, a,
                  doc != NULL ? pn_document_get_title (doc) : _("a document no longer in the course pack"));
    }

  for (guint d = 0; documents != NULL && d < documents->len; d++)
    {
      PnDocument *doc = g_ptr_array_index (documents, d);
      const char *doc_id = pn_document_get_id (doc);
      GtkWidget *list = NULL;

      for (guint i = 0; i < sorted->len; i++)
        {
          const PnAnnotation *a = g_ptr_array_index (sorted, i);

          if (g_strcmp0 (a->document_id, doc_id) != 0 || _pn_notes_page_is_detached (self, a))
            continue;
          if (list == NULL)
            list = new_group (self, pn_document_get_title (doc), NULL);
          append_row (self, list, a, NULL);
        }
    }
  apply_filters (self);
}

/* Filters */

static gboolean
row_matches (PnNotesPage *self, PnNoteRow *row)
{
  const PnAnnotation *a = pn_note_row_get_annotation (row);

  if (self->color >= 0 && (a->kind != PN_ANNOTATION_HIGHLIGHT || (int) a->color != self->color))
    return FALSE;
  if (self->tag != NULL && !pn_annotation_has_tag (a, self->tag))
    return FALSE;
  if (self->query != NULL && strstr (pn_note_row_get_search_key (row), self->query) == NULL)
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

static void
apply_filters (PnNotesPage *self)
{
  guint n = self->annotations != NULL ? self->annotations->len : 0;

  self->n_shown = 0;
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GtkWidget *list = g_object_get_data (G_OBJECT (group), GROUP_LIST_KEY);
      guint shown = 0;

      for (GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          gboolean match;

          if (!PN_IS_NOTE_ROW (row))
            continue;
          match = row_matches (self, PN_NOTE_ROW (row));
          gtk_widget_set_visible (row, match);
          shown += match;
        }
      gtk_widget_set_visible (group, shown > 0);
      self->n_shown += shown;
    }

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
  if (!self->rows_stale)
    apply_filters (self);
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
      GtkWidget *list = g_object_get_data (G_OBJECT (group), GROUP_LIST_KEY);
      GtkWidget *row = list != NULL && gtk_widget_get_visible (group) ? list_end_row (list, FALSE) : NULL;

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

static void
color_selected_cb (PnNotesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->color_drop_down);

  /* Item 0: every colour; then the colours in their order. */
  self->color = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;
  if (!self->rows_stale)
    apply_filters (self);
}

static void
tag_selected_cb (PnNotesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_drop_down);

  g_clear_pointer (&self->tag, g_free);
  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION && self->tags != NULL &&
      selected - 1 < g_strv_length (self->tags))
    self->tag = g_strdup (self->tags[selected - 1]);
  if (!self->rows_stale)
    apply_filters (self);
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
static void
fill_tags (PnNotesPage *self)
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

/* Reloading */

void
pn_notes_page_reload (PnNotesPage *self)
{
  g_return_if_fail (PN_IS_NOTES_PAGE (self));

  _pn_notes_page_load (self);
  fill_tags (self);
  /* The rows are made when the page is shown, not while the text opens. */
  self->rows_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATIONS]);
}

static void
session_opened_cb (PnNotesPage *self)
{
  g_hash_table_remove_all (self->texts);
  g_clear_pointer (&self->query, g_free);
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  g_clear_pointer (&self->tag, g_free);
  gtk_drop_down_set_selected (self->color_drop_down, 0);
  pn_notes_page_reload (self);
}

static void
annotations_changed_cb (PnNotesPage *self, const char *doc_id, PnPackSession *session)
{
  /* The page's own anchoring told the others: it is up to date. */
  if (self->changing)
    return;
  pn_notes_page_reload (self);
}

static void
sort_changed_cb (PnNotesPage *self)
{
  self->rows_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_rows (self);
}

static gboolean
search_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  pn_notes_page_start_search (PN_NOTES_PAGE (widget));
  return TRUE;
}

/* The keyboard focus where the page starts: the search, else the menu. */
static gboolean
pn_notes_page_grab_focus (GtkWidget *widget)
{
  PnNotesPage *self = PN_NOTES_PAGE (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->search_entry)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
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

/* GObject */

static void
pn_notes_page_map (GtkWidget *widget)
{
  PnNotesPage *self = PN_NOTES_PAGE (widget);

  if (self->rows_stale)
    build_rows (self);
  GTK_WIDGET_CLASS (pn_notes_page_parent_class)->map (widget);
}

static void
pn_notes_page_dispose (GObject *object)
{
  PnNotesPage *self = PN_NOTES_PAGE (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_NOTES_PAGE);
  /* The template's box itself has no name to be disposed by. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pn_notes_page_parent_class)->dispose (object);
}

static void
pn_notes_page_finalize (GObject *object)
{
  PnNotesPage *self = PN_NOTES_PAGE (object);

  g_hash_table_unref (self->texts);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_strfreev (self->tags);
  g_free (self->query);
  g_free (self->tag);

  G_OBJECT_CLASS (pn_notes_page_parent_class)->finalize (object);
}

static void
pn_notes_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PnNotesPage *self = PN_NOTES_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_ANNOTATIONS:
      g_value_set_uint (value, pn_notes_page_get_n_annotations (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_notes_page_class_init (PnNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_notes_page_dispose;
  object_class->finalize = pn_notes_page_finalize;
  object_class->get_property = pn_notes_page_get_property;
  widget_class->grab_focus = pn_notes_page_grab_focus;
  widget_class->map = pn_notes_page_map;

  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-notes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, color_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, color_model);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, tag_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, tag_model);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PnNotesPage, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search_shortcut_cb, NULL);
  _pn_notes_page_class_transfer_init (widget_class);

  signals[SIGNAL_PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64);
  signals[SIGNAL_REATTACH_STARTED] =
    g_signal_new ("reattach-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "pn-notes-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pn_notes_page_init (PnNotesPage *self)
{
  self->color = -1;
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pn_anchor_text_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->color_model, _("Any Colour"));
  for (int c = 0; c < PN_ANNOTATION_N_COLORS; c++)
    gtk_string_list_append (self->color_model, pn_color_row_color_name ((PnAnnotationColor) c));
  gtk_string_list_append (self->tag_model, _("Any Tag"));
  set_short_factory (self->color_drop_down);
  set_short_factory (self->tag_drop_down);
  /* No key capture by the search: it would take Enter from the notes (Ctrl+F goes there). */
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
pn_notes_page_new (void)
{
  return g_object_new (PN_TYPE_NOTES_PAGE, NULL);
}

void
pn_notes_page_set_session (PnNotesPage *self, PnPackSession *session, GSettings *settings)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_return_if_fail (PN_IS_NOTES_PAGE (self));
  g_return_if_fail (session == NULL || PN_IS_PACK_SESSION (session));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->session, session);
  g_set_object (&self->settings, settings);
  if (session != NULL)
    {
      g_signal_connect_object (session, "opened", G_CALLBACK (session_opened_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "annotations-changed", G_CALLBACK (annotations_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  if (settings != NULL)
    {
      g_autoptr(GAction) sort = g_settings_create_action (settings, "notes-sort");

      g_action_map_add_action (G_ACTION_MAP (group), sort);
      g_signal_connect_object (settings, "changed::notes-sort", G_CALLBACK (sort_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "notes-view", G_ACTION_GROUP (group));
  session_opened_cb (self);
}

guint
pn_notes_page_get_n_annotations (PnNotesPage *self)
{
  g_return_val_if_fail (PN_IS_NOTES_PAGE (self), 0);
  return self->annotations != NULL ? self->annotations->len : 0;
}

guint
pn_notes_page_get_n_detached (PnNotesPage *self)
{
  g_return_val_if_fail (PN_IS_NOTES_PAGE (self), 0);
  return self->n_detached;
}

guint
pn_notes_page_get_n_shown (PnNotesPage *self)
{
  g_return_val_if_fail (PN_IS_NOTES_PAGE (self), 0);
  if (self->rows_stale)
    build_rows (self);
  return self->n_shown;
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
