/* pn-glossary-page.c: the pack's glossary: a searchable list and each entry's page
 *
 * The list: every entry in French alphabetical order, searched as the
 * reader types (pn_glossary_search(): accents and case ignored). An entry's
 * page: its term, definition and explanation (Markdown through the model's
 * safe pipeline to Pango markup; its links open entries, sources, documents
 * or, on click, the browser), the related entries, its sources, and every
 * place it occurs in the pack's texts with a few words around it. The back
 * button, Escape and Alt+Left return to the entry it came from, then to the
 * list with its search kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-glossary-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pn-diagnostic.h"
#include "pn-glossary-page.h"
#include "pn-glossary-search.h"
#include "pn-pack-uri.h"
#include "pn-render-pango.h"
#include "pn-text.h"

/* Occurrences listed on an entry's page; the count says how many more. */
#define MAX_OCCURRENCES 200
/* Code points of text shown on each side of an occurrence. */
#define EXCERPT_CONTEXT 48

struct _PnGlossaryPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkSearchEntry    *search_entry;
  GtkStack          *results_stack;
  GtkScrolledWindow *list_scroller;
  GtkLabel          *count_label;
  GtkListBox        *list_box;
  AdwStatusPage     *no_results_page;
  GtkScrolledWindow *entry_scroller;
  GtkWidget         *back_button;
  GtkLabel          *term_label;
  GtkLabel          *definition_label;
  GtkLabel          *explanation_label;
  GtkWidget         *related_heading;
  GtkListBox        *related_list;
  GtkWidget         *sources_heading;
  GtkListBox        *sources_list;
  GtkWidget         *occurrences_heading;
  GtkListBox        *occurrences_list;
  GtkWidget         *no_occurrence_label;

  /* Owned references */
  PnPackSession     *session;
  char              *query;
  GPtrArray         *trail;          /* of char *: entry pages shown, the current one last */
  guint              n_shown;
  gboolean           list_stale;     /* a pack opened since the list was filled */
};

G_DEFINE_FINAL_TYPE (PnGlossaryPage, pn_glossary_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SOURCE_ACTIVATED,
  SIGNAL_DOCUMENT_ACTIVATED,
  SIGNAL_OCCURRENCE_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

#define ENTRY_ID_KEY  "pn-entry-id"
#define SOURCE_ID_KEY "pn-source-id"
#define DOC_ID_KEY    "pn-doc-id"
#define BLOCK_ID_KEY  "pn-block-id"
#define START_KEY     "pn-start"
#define END_KEY       "pn-end"

static PnPack *
page_pack (PnGlossaryPage *self)
{
  return self->session != NULL ? pn_pack_session_get_pack (self->session) : NULL;
}

static PnGlossary *
page_glossary (PnGlossaryPage *self)
{
  PnPack *pack = page_pack (self);

  return pack != NULL ? pn_pack_get_glossary (pack) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_row (const char *title, const char *subtitle, gboolean markup)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), markup);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static GtkWidget *
new_entry_row (const PnGlossaryEntry *entry)
{
  GtkWidget *row = new_row (entry->term, entry->definition, FALSE);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), ENTRY_ID_KEY, g_strdup (entry->id), g_free);
  return row;
}

/* The list */

static void
fill_list (PnGlossaryPage *self)
{
  PnGlossary *glossary = page_glossary (self);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *count = NULL;

  clear_list (self->list_box);
  self->n_shown = 0;
  self->list_stale = FALSE;
  if (glossary == NULL)
    return;

  found = pn_glossary_search (glossary, self->query);
  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->list_box, new_entry_row (g_ptr_array_index (found, i)));
  self->n_shown = found->len;

  if (self->query == NULL)
    count = g_strdup_printf (ngettext ("%u entry", "%u entries", pn_glossary_get_n_entries (glossary)),
                             pn_glossary_get_n_entries (glossary));
  else
    /* Translators: how many glossary entries match the search */
    count = g_strdup_printf (ngettext ("%u entry found", "%u entries found", found->len), found->len);
  gtk_label_set_text (self->count_label, count);

  if (found->len == 0)
    {
      g_autofree char *description = NULL;
      g_autofree char *escaped = g_markup_escape_text (self->query ? self->query : "", -1);

      /* Translators: %s is what the reader searched for */
      description = g_strdup_printf (_("No term of the glossary matches “%s”"), escaped);
      adw_status_page_set_description (self->no_results_page, description);
    }
  gtk_stack_set_visible_child_name (self->results_stack, found->len > 0 ? "results" : "no-results");
}

static void
search_changed_cb (PnGlossaryPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->query, g_free);
  if (text[0] != '\0')
    self->query = g_steal_pointer (&text);
  fill_list (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->list_scroller), 0);
}

/* Enter in the search: the first entry found. */
static void
search_activate_cb (PnGlossaryPage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, 0);

  if (row != NULL && self->query != NULL)
    gtk_widget_activate (GTK_WIDGET (row));
}

static void
stop_search_cb (PnGlossaryPage *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* An entry's page */

static void
fill_related (PnGlossaryPage *self, PnGlossary *glossary, const PnGlossaryEntry *entry)
{
  guint n = 0;

  clear_list (self->related_list);
  for (guint i = 0; entry->related[i] != NULL; i++)
    {
      const PnGlossaryEntry *other = pn_glossary_lookup (glossary, entry->related[i]);

      if (other == NULL || other == entry)
        continue;
      gtk_list_box_append (self->related_list, new_entry_row (other));
      n++;
    }
  gtk_widget_set_visible (self->related_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->related_list), n > 0);
}

static void
fill_sources (PnGlossaryPage *self, PnPack *pack, const PnGlossaryEntry *entry)
{
  guint n = 0;

  clear_list (self->sources_list);
  for (guint i = 0; entry->sources[i] != NULL; i++)
    {
      const PnSource *source = pn_pack_get_source (pack, entry->sources[i]);
      g_autofree char *reference = NULL;
      g_autofree char *plain = NULL;
      GtkWidget *row;

      if (source == NULL)
        continue;
      reference = pn_source_format_reference (source, pn_pack_get_language (pack), PN_SOURCE_FORMAT_DEFAULT);
      /* The model escapes the reference; checked anyway. */
      if (reference == NULL || !pango_parse_markup (reference, -1, 0, NULL, &plain, NULL, NULL))
        {
          g_clear_pointer (&reference, g_free);
          reference = g_markup_escape_text (source->title ? source->title : source->id, -1);
        }
      row = new_row (reference, NULL, TRUE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
      if (plain != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
      g_object_set_data_full (G_OBJECT (row), SOURCE_ID_KEY, g_strdup (source->id), g_free);
      gtk_widget_set_tooltip_text (row, _("Show in Sources"));
      gtk_list_box_append (self->sources_list, row);
      n++;
    }
  gtk_widget_set_visible (self->sources_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), n > 0);
}

/* « …words before TERM words after… » as markup, from the page text. @cursor
 * and @cursor_offset walk the text forward (occurrences come in text order). */
static char *
excerpt_markup (const char *text, const char **cursor, gsize *cursor_offset, gsize start, gsize end)
{
  gsize from = start > EXCERPT_CONTEXT ? start - EXCERPT_CONTEXT : 0;
  const char *p_from, *p_start, *p_end, *p_to;
  const char *limit = text + strlen (text);
  g_autofree char *before = NULL, *term = NULL, *after = NULL;
  g_autofree char *e_before = NULL, *e_term = NULL, *e_after = NULL;
  gboolean cut_before, cut_after;
  gsize offset;

  if (from < *cursor_offset)
    {
      *cursor = text;
      *cursor_offset = 0;
    }
  p_from = *cursor;
  offset = *cursor_offset;
  for (; offset < from && p_from < limit; offset++)
    p_from = g_utf8_next_char (p_from);
  *cursor = p_from;
  *cursor_offset = offset;
  p_start = p_from;
  for (; offset < start && p_start < limit; offset++)
    p_start = g_utf8_next_char (p_start);
  p_end = p_start;
  for (; offset < end && p_end < limit; offset++)
    p_end = g_utf8_next_char (p_end);
  p_to = p_end;
  for (gsize i = 0; i < EXCERPT_CONTEXT && p_to < limit && *p_to != '\n'; i++)
    p_to = g_utf8_next_char (p_to);

  /* Within the block (the text separates blocks with "\n"), on word ends. */
  for (const char *p = p_start; p > p_from; p = g_utf8_prev_char (p))
    if (p[-1] == '\n')
      {
        p_from = p;
        break;
      }
  cut_before = p_from > text && p_from[-1] != '\n';
  if (cut_before)
    while (p_from < p_start && *p_from != ' ')
      p_from++;
  cut_after = p_to < limit && *p_to != '\n';
  if (cut_after)
    while (p_to > p_end && *p_to != ' ')
      p_to--;

  /* The text's own spacing kept (French spaces before « » : ; ! ?). */
  before = g_strndup (p_from, p_start - p_from);
  term = g_strndup (p_start, p_end - p_start);
  after = g_strndup (p_end, p_to - p_end);
  e_before = g_markup_escape_text (g_strchug (before), -1);
  e_term = g_markup_escape_text (term, -1);
  e_after = g_markup_escape_text (g_strchomp (after), -1);
  return g_strdup_printf ("%s%s<b>%s</b>%s%s", cut_before ? "…" : "", e_before, e_term, e_after,
                          cut_after ? "…" : "");
}

static guint
fill_document_occurrences (PnGlossaryPage *self, PnDocument *doc, const char *entry_id, guint shown)
{
  const char *doc_id = pn_document_get_id (doc);
  GPtrArray *terms = pn_pack_session_get_terms (self->session, doc_id);
  const char *text = pn_pack_session_get_page_text (self->session, doc_id);
  const char *cursor = text;
  gsize cursor_offset = 0;
  guint n = 0;

  for (guint i = 0; terms != NULL && text != NULL && i < terms->len; i++)
    {
      const PnTermOccurrence *occurrence = g_ptr_array_index (terms, i);
      g_autofree char *title = NULL;
      g_autofree char *excerpt = NULL;
      GtkWidget *row;

      if (g_strcmp0 (occurrence->entry_id, entry_id) != 0 || occurrence->end <= occurrence->start)
        continue;
      n++;
      if (shown + n > MAX_OCCURRENCES)
        continue;
      excerpt = excerpt_markup (text, &cursor, &cursor_offset, occurrence->start, occurrence->end);
      title = g_markup_escape_text (pn_document_get_title (doc), -1);
      row = new_row (title, excerpt, TRUE);
      gtk_widget_add_css_class (row, "pn-occurrence-row");
      g_object_set_data_full (G_OBJECT (row), DOC_ID_KEY, g_strdup (doc_id), g_free);
      g_object_set_data_full (G_OBJECT (row), BLOCK_ID_KEY, g_strdup (occurrence->block_id), g_free);
      g_object_set_data (G_OBJECT (row), START_KEY, GSIZE_TO_POINTER (occurrence->start));
      g_object_set_data (G_OBJECT (row), END_KEY, GSIZE_TO_POINTER (occurrence->end));
      gtk_widget_set_tooltip_text (row, _("Show in the text"));
      gtk_list_box_append (self->occurrences_list, row);
    }
  return n;
}

static void
fill_occurrences (PnGlossaryPage *self, PnPack *pack, const PnGlossaryEntry *entry)
{
  GPtrArray *documents = pn_pack_get_documents (pack);
  g_autofree char *heading = NULL;
  guint n = 0;

  clear_list (self->occurrences_list);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    n += fill_document_occurrences (self, g_ptr_array_index (documents, i), entry->id, n);

  /* Translators: the heading of a glossary entry's occurrences, with their number */
  heading = g_strdup_printf (ngettext ("In the Texts (%u)", "In the Texts (%u)", n), n);
  gtk_label_set_text (GTK_LABEL (self->occurrences_heading), heading);
  gtk_widget_set_visible (GTK_WIDGET (self->occurrences_list), n > 0);
  gtk_widget_set_visible (self->no_occurrence_label, n == 0);
}

static void
fill_explanation (PnGlossaryPage *self, PnPack *pack, const PnGlossaryEntry *entry)
{
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  g_autofree char *markup = NULL;
  gboolean has = entry->explanation != NULL && entry->explanation[0] != '\0';

  /* Rendered when the pack was read; an entry built in code is rendered here. */
  if (has && entry->explanation_markup != NULL)
    markup = g_strdup (entry->explanation_markup);
  else if (has)
    markup = pn_render_markdown_pango (pack, entry->explanation, pn_pack_get_language (pack), diagnostics);
  /* The model's markup (escaped text, <a href> with vetted addresses, which
   * GtkLabel reads and Pango alone does not). */
  if (markup != NULL)
    gtk_label_set_markup (self->explanation_label, markup);
  else
    gtk_label_set_text (self->explanation_label, has ? entry->explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), has);
}

static gboolean
show_entry (PnGlossaryPage *self, const char *entry_id, gboolean record)
{
  PnGlossary *glossary = page_glossary (self);
  PnPack *pack = page_pack (self);
  const PnGlossaryEntry *entry = glossary && entry_id ? pn_glossary_lookup (glossary, entry_id) : NULL;

  if (entry == NULL)
    return FALSE;

  if (record)
    {
      const char *last = self->trail->len > 0 ? g_ptr_array_index (self->trail, self->trail->len - 1) : NULL;

      if (g_strcmp0 (last, entry->id) != 0)
        g_ptr_array_add (self->trail, g_strdup (entry->id));
    }

  gtk_label_set_text (self->term_label, entry->term);
  gtk_label_set_text (self->definition_label, entry->definition ? entry->definition : "");
  fill_explanation (self, pack, entry);
  fill_related (self, glossary, entry);
  fill_sources (self, pack, entry);
  fill_occurrences (self, pack, entry);

  gtk_stack_set_visible_child_name (self->stack, "entry");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->entry_scroller), 0);
  gtk_widget_grab_focus (self->back_button);
  return TRUE;
}

static void
entry_row_activated_cb (PnGlossaryPage *self, GtkListBoxRow *row)
{
  show_entry (self, g_object_get_data (G_OBJECT (row), ENTRY_ID_KEY), TRUE);
}

static void
source_row_activated_cb (PnGlossaryPage *self, GtkListBoxRow *row)
{
  const char *source_id = g_object_get_data (G_OBJECT (row), SOURCE_ID_KEY);

  if (source_id != NULL)
    g_signal_emit (self, signals[SIGNAL_SOURCE_ACTIVATED], 0, source_id);
}

static void
occurrence_row_activated_cb (PnGlossaryPage *self, GtkListBoxRow *row)
{
  const char *doc_id = g_object_get_data (G_OBJECT (row), DOC_ID_KEY);

  if (doc_id != NULL)
    g_signal_emit (self, signals[SIGNAL_OCCURRENCE_ACTIVATED], 0, doc_id,
                   g_object_get_data (G_OBJECT (row), BLOCK_ID_KEY),
                   (guint) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), START_KEY)),
                   (guint) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), END_KEY)));
}

static void
show_uri_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    g_message ("Cannot open the link: %s", error->message);
}

/* Links of the explanation: the model wrote only vetted addresses. */
static gboolean
explanation_link_cb (PnGlossaryPage *self, const char *uri, GtkLabel *label)
{
  g_autoptr(PnPackUri) parsed = NULL;
  PnPack *pack = page_pack (self);
  GtkRoot *root;

  if (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "mailto:"))
    {
      root = gtk_widget_get_root (GTK_WIDGET (self));
      gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME, NULL,
                         show_uri_cb, NULL);
      return TRUE;
    }

  parsed = pn_pack_uri_parse (uri, NULL);
  if (parsed == NULL || pack == NULL || g_strcmp0 (parsed->pack_id, pn_pack_get_id (pack)) != 0)
    return TRUE;   /* nothing else is followed */

  switch (parsed->route)
    {
    case PN_ROUTE_PACK_GLOSSARY:
      show_entry (self, parsed->id, TRUE);
      break;
    case PN_ROUTE_PACK_SOURCE:
      if (pn_pack_get_source (pack, parsed->id) != NULL)
        g_signal_emit (self, signals[SIGNAL_SOURCE_ACTIVATED], 0, parsed->id);
      break;
    case PN_ROUTE_PACK_DOCUMENT:
      if (pn_pack_get_document (pack, parsed->id) != NULL)
        g_signal_emit (self, signals[SIGNAL_DOCUMENT_ACTIVATED], 0, parsed->id);
      break;
    case PN_ROUTE_APP_RESOURCE:
    case PN_ROUTE_PACK_MEDIA:
    default:
      break;
    }
  return TRUE;
}

static void
back_clicked_cb (PnGlossaryPage *self)
{
  pn_glossary_page_go_back (self);
}

static gboolean
back_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  return pn_glossary_page_go_back (PN_GLOSSARY_PAGE (widget));
}

static gboolean
search_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  PnGlossaryPage *self = PN_GLOSSARY_PAGE (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  pn_glossary_page_start_search (self);
  return TRUE;
}

/* Session */

static void
session_opened_cb (PnGlossaryPage *self)
{
  PnGlossary *glossary = page_glossary (self);

  g_ptr_array_set_size (self->trail, 0);
  g_clear_pointer (&self->query, g_free);
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  /* The rows are made when the page is first shown, not while the text opens. */
  self->list_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_list (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    glossary != NULL && pn_glossary_get_n_entries (glossary) > 0
                                      ? "list" : "empty");
}

/* The keyboard focus where the page starts: the back button of an entry's
 * page, else the search. */
static gboolean
pn_glossary_page_grab_focus (GtkWidget *widget)
{
  PnGlossaryPage *self = PN_GLOSSARY_PAGE (widget);
  const char *shown = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (shown, "entry") == 0)
    return gtk_widget_grab_focus (self->back_button);
  if (g_strcmp0 (shown, "list") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return FALSE;
}

/* GObject */

static void
pn_glossary_page_dispose (GObject *object)
{
  PnGlossaryPage *self = PN_GLOSSARY_PAGE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_GLOSSARY_PAGE);

  G_OBJECT_CLASS (pn_glossary_page_parent_class)->dispose (object);
}

static void
pn_glossary_page_finalize (GObject *object)
{
  PnGlossaryPage *self = PN_GLOSSARY_PAGE (object);

  g_free (self->query);
  g_ptr_array_unref (self->trail);

  G_OBJECT_CLASS (pn_glossary_page_parent_class)->finalize (object);
}

static void
pn_glossary_page_map (GtkWidget *widget)
{
  PnGlossaryPage *self = PN_GLOSSARY_PAGE (widget);

  if (self->list_stale)
    fill_list (self);
  GTK_WIDGET_CLASS (pn_glossary_page_parent_class)->map (widget);
}

static void
pn_glossary_page_class_init (PnGlossaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_glossary_page_dispose;
  object_class->finalize = pn_glossary_page_finalize;
  widget_class->grab_focus = pn_glossary_page_grab_focus;
  widget_class->map = pn_glossary_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-glossary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, entry_scroller);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, term_label);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, definition_label);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, related_heading);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, related_list);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, sources_list);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, occurrences_heading);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, occurrences_list);
  gtk_widget_class_bind_template_child (widget_class, PnGlossaryPage, no_occurrence_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, occurrence_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, explanation_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  /* Back from an entry: Escape and Alt+Left here, before the window's own
   * Alt+Left (its history); on the list they go on to the window. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Back, 0, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search_shortcut_cb, NULL);

  signals[SIGNAL_SOURCE_ACTIVATED] =
    g_signal_new ("source-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_OCCURRENCE_ACTIVATED] =
    g_signal_new ("occurrence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pn_glossary_page_init (PnGlossaryPage *self)
{
  self->trail = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing while an entry of the list has the focus searches, as in GNOME's lists. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->results_stack));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
pn_glossary_page_new (void)
{
  return g_object_new (PN_TYPE_GLOSSARY_PAGE, NULL);
}

void
pn_glossary_page_set_session (PnGlossaryPage *self, PnPackSession *session)
{
  g_return_if_fail (PN_IS_GLOSSARY_PAGE (self));
  g_return_if_fail (session == NULL || PN_IS_PACK_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "opened", G_CALLBACK (session_opened_cb), self, G_CONNECT_SWAPPED);
  session_opened_cb (self);
}

void
pn_glossary_page_set_search (PnGlossaryPage *self, const char *text)
{
  g_return_if_fail (PN_IS_GLOSSARY_PAGE (self));

  /* search-changed comes later (GtkSearchEntry's delay): the list now. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search_changed_cb (self);
  g_ptr_array_set_size (self->trail, 0);
  if (page_glossary (self) != NULL)
    gtk_stack_set_visible_child_name (self->stack, "list");
}

const char *
pn_glossary_page_get_search (PnGlossaryPage *self)
{
  g_return_val_if_fail (PN_IS_GLOSSARY_PAGE (self), NULL);
  return self->query;
}

guint
pn_glossary_page_get_n_shown (PnGlossaryPage *self)
{
  g_return_val_if_fail (PN_IS_GLOSSARY_PAGE (self), 0);
  if (self->list_stale)
    fill_list (self);
  return self->n_shown;
}

gboolean
pn_glossary_page_show_entry (PnGlossaryPage *self, const char *entry_id)
{
  g_return_val_if_fail (PN_IS_GLOSSARY_PAGE (self), FALSE);
  return show_entry (self, entry_id, TRUE);
}

const char *
pn_glossary_page_get_entry_id (PnGlossaryPage *self)
{
  g_return_val_if_fail (PN_IS_GLOSSARY_PAGE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "entry") != 0 || self->trail->len == 0)
    return NULL;
  return g_ptr_array_index (self->trail, self->trail->len - 1);
}

gboolean
pn_glossary_page_go_back (PnGlossaryPage *self)
{
  g_return_val_if_fail (PN_IS_GLOSSARY_PAGE (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "entry") != 0)
    return FALSE;

  if (self->trail->len > 0)
    g_ptr_array_set_size (self->trail, self->trail->len - 1);
  if (self->trail->len > 0 && show_entry (self, g_ptr_array_index (self->trail, self->trail->len - 1), FALSE))
    return TRUE;

  g_ptr_array_set_size (self->trail, 0);
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

void
pn_glossary_page_start_search (PnGlossaryPage *self)
{
  g_return_if_fail (PN_IS_GLOSSARY_PAGE (self));

  if (page_glossary (self) == NULL)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    {
      g_ptr_array_set_size (self->trail, 0);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
