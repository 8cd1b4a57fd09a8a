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

#include "pn-note-row.h"
#include "pn-notes-page-private.h"

/* Rows made at first, and at each « Show More » (making and laying out a row
 * costs some milliseconds: a search as one types stays quick). */
#define ROWS_AT_A_TIME 100

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

GtkWidget *
_pn_notes_page_list_end_row (GtkWidget *list, gboolean last)
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
      GtkWidget *other_list = g_object_get_data (G_OBJECT (other), PN_NOTES_GROUP_LIST_KEY);
      GtkWidget *row = other_list != NULL ? _pn_notes_page_list_end_row (other_list, !down) : NULL;

      /* After the last note made: « Show More ». */
      if (GTK_IS_BUTTON (other))
        return gtk_widget_grab_focus (other);

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
  g_object_set_data (G_OBJECT (box), PN_NOTES_GROUP_LIST_KEY, list);

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

static void build_rows (PnNotesPage *self);
static void focus_note (PnNotesPage *self, const char *id);

static void
more_clicked_cb (PnNotesPage *self, GtkButton *button)
{
  GtkWidget *previous = gtk_widget_get_prev_sibling (GTK_WIDGET (button));
  GtkWidget *list = previous != NULL ? g_object_get_data (G_OBJECT (previous), PN_NOTES_GROUP_LIST_KEY) : NULL;
  GtkWidget *last = list != NULL ? _pn_notes_page_list_end_row (list, TRUE) : NULL;
  g_autofree char *id = last != NULL ? g_strdup (pn_note_row_get_annotation (PN_NOTE_ROW (last))->id) : NULL;

  self->limit += ROWS_AT_A_TIME;
  build_rows (self);
  /* The keyboard on the last note it had, to go on down from there. */
  if (id != NULL)
    focus_note (self, id);
}

static void
append_more_button (PnNotesPage *self, guint n_more)
{
  g_autofree char *label = g_strdup_printf (ngettext ("Show %u More Note", "Show %u More Notes",
                                                      MIN (n_more, ROWS_AT_A_TIME)),
                                            MIN (n_more, ROWS_AT_A_TIME));
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_object (button, "clicked", G_CALLBACK (more_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->groups_box, button);
}

/* The keyboard on the row of annotation @id, if it is shown. */
static void
focus_note (PnNotesPage *self, const char *id)
{
  for (GtkWidget *group = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
       group != NULL;
       group = gtk_widget_get_next_sibling (group))
    {
      GtkWidget *list = g_object_get_data (G_OBJECT (group), PN_NOTES_GROUP_LIST_KEY);

      for (GtkWidget *row = list != NULL ? gtk_widget_get_first_child (list) : NULL;
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        if (PN_IS_NOTE_ROW (row) && gtk_widget_get_visible (row) && gtk_widget_get_visible (group) &&
            g_strcmp0 (pn_note_row_get_annotation (PN_NOTE_ROW (row))->id, id) == 0)
          {
            gtk_widget_grab_focus (row);
            return;
          }
    }
}

static void
build_rows (PnNotesPage *self)
{
  PnPack *pack = _pn_notes_page_pack (self);
  GPtrArray *documents = pack != NULL ? pn_pack_get_documents (pack) : NULL;
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GtkWidget *child;
  GtkWidget *detached_list = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *focus_row = focus != NULL ? gtk_widget_get_ancestor (focus, PN_TYPE_NOTE_ROW) : NULL;
  g_autofree char *focus_id = NULL;
  guint made = 0;

  /* The keyboard stays on the note it was on, when it is still listed. */
  if (focus_row != NULL && gtk_widget_is_ancestor (focus_row, GTK_WIDGET (self)))
    focus_id = g_strdup (pn_note_row_get_annotation (PN_NOTE_ROW (focus_row))->id);

  self->rows_stale = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  /* The annotations that match, in order; rows for the first self->limit. */
  for (guint i = 0; self->annotations != NULL && i < self->annotations->len; i++)
    if (_pn_notes_page_matches (self, g_ptr_array_index (self->annotations, i)))
      g_ptr_array_add (sorted, g_ptr_array_index (self->annotations, i));
  g_ptr_array_sort (sorted, sort_by_date (self) ? compare_date : compare_position);
  self->n_shown = sorted->len;

  /* Detached first: they wait for the student. */
  for (guint i = 0; i < sorted->len && made < self->limit; i++)
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
      made++;
    }

  for (guint d = 0; documents != NULL && d < documents->len && made < self->limit; d++)
    {
      PnDocument *doc = g_ptr_array_index (documents, d);
      const char *doc_id = pn_document_get_id (doc);
      GtkWidget *list = NULL;

      for (guint i = 0; i < sorted->len && made < self->limit; i++)
        {
          const PnAnnotation *a = g_ptr_array_index (sorted, i);

          if (g_strcmp0 (a->document_id, doc_id) != 0 || _pn_notes_page_is_detached (self, a))
            continue;
          if (list == NULL)
            list = new_group (self, pn_document_get_title (doc), NULL);
          append_row (self, list, a, NULL);
          made++;
        }
    }

  /* A long list is made a hundred rows at a time (GtkListBox lays out
   * every row it has). */
  if (made < sorted->len)
    append_more_button (self, sorted->len - made);

  _pn_notes_page_show_state (self);
  if (focus_id != NULL)
    focus_note (self, focus_id);
}

void
_pn_notes_page_rebuild (PnNotesPage *self)
{
  self->limit = ROWS_AT_A_TIME;
  self->rows_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_rows (self);
}

/* Reloading */

void
pn_notes_page_reload (PnNotesPage *self)
{
  g_return_if_fail (PN_IS_NOTES_PAGE (self));

  _pn_notes_page_load (self);
  g_hash_table_remove_all (self->keys);
  _pn_notes_page_fill_tags (self);
  /* The rows are made when the page is shown, not while the text opens. */
  _pn_notes_page_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATIONS]);
}

static void
session_opened_cb (PnNotesPage *self)
{
  g_hash_table_remove_all (self->texts);
  _pn_notes_page_clear_filters (self);
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
  _pn_notes_page_rebuild (self);
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
  g_hash_table_unref (self->keys);
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

  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search_shortcut_cb, NULL);
  _pn_notes_page_class_filter_init (widget_class);
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
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->limit = ROWS_AT_A_TIME;
  gtk_widget_init_template (GTK_WIDGET (self));

  _pn_notes_page_filter_init (self);
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
