/* notes-page-test.c: what the Notes page's tests share: a pack of two short
 * texts, annotations made on their words as the reader makes them, the page
 * and its rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "notes-page-test.h"
#include "pn-anchor.h"
#include "pn-note-row.h"
#include "pn-sidebar-row.h"

/* Each test its own pack id: they share the student store. */
static const char pack_json[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"id\": \"%s\",\n"
  "  \"version\": \"1.0.0\",\n"
  "  \"title\": \"Notes on a harbour\",\n"
  "  \"language\": \"en\",\n"
  "  \"authors\": [{ \"name\": \"Camille Martin\" }],\n"
  "  \"license\": \"CC-BY-SA-4.0\",\n"
  "  \"description\": \"Two short texts to annotate.\",\n"
  "  \"documents\": [\n"
  "    { \"id\": \"harbour\", \"title\": \"The Harbour\", \"file\": \"harbour.md\" },\n"
  "    { \"id\": \"market\", \"title\": \"The Market\", \"file\": \"market.md\" }\n"
  "  ]\n"
  "}\n";

static const char harbour_md[] =
  "# The Harbour\n\n"
  "The summer was long that year. The boats came back at night with the tide, and the town waited for them.\n\n"
  "An old café stood on the quay, where the sailors talked until morning about everything and nothing.\n";

static const char market_md[] =
  "# The Market\n\n"
  "Every morning the market opens before dawn, under the plane trees of the square.\n\n"
  "Prices rise when the harvest fails, and nobody in the town can say who decides them.\n";

GFile *
make_notes_pack (const char *id)
{
  g_autofree char *json = g_strdup_printf (pack_json, id);

  return make_pack ("pack.json", json, "harbour.md", harbour_md, "market.md", market_md, NULL);
}

PnStore *
window_store (PnWindow *window)
{
  return pn_pack_session_get_store (pn_window_get_session (window));
}

/* An annotation on the words @quote of @doc_id's page text, as the reader makes one. */
PnAnnotation *
annotation_on (PnWindow          *window,
               const char        *doc_id,
               PnAnnotationKind   kind,
               PnAnnotationColor  color,
               const char        *quote,
               const char        *note,
               const char       **tags,
               gint64             date)
{
  PnPackSession *session = pn_window_get_session (window);
  const char *text = pn_pack_session_get_page_text (session, doc_id);
  PnAnnotation *a = pn_annotation_new (pn_pack_get_id (pn_window_get_pack (window)), doc_id, kind);

  g_assert_nonnull (text);
  a->color = color;
  g_free (a->note);
  a->note = g_strdup (note != NULL ? note : "");
  if (tags != NULL)
    pn_annotation_set_tags (a, tags);
  a->created_at = a->updated_at = date;
  if (quote != NULL)
    {
      PnAnchorText *anchor = pn_anchor_text_new (text, -1);
      const char *at = strstr (text, quote);
      gint64 start;

      g_assert_nonnull (at);
      start = g_utf8_pointer_to_offset (text, at);
      pn_anchor_text_make_selectors (anchor, start, start + g_utf8_strlen (quote, -1), &a->selectors);
      a->content_hash = g_strdup (pn_anchor_text_get_hash (anchor));
      pn_anchor_text_free (anchor);
    }
  return a;
}

void
add_annotation (PnWindow *window, PnAnnotation *annotation)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pn_store_add_annotation (window_store (window), annotation, &error));
  g_assert_no_error (error);
  pn_pack_session_annotations_changed (pn_window_get_session (window), annotation->document_id);
  pn_annotation_free (annotation);
}

/* Five: three highlights (two yellow, one green), a bookmark, a document note. */
void
add_five (PnWindow *window)
{
  const char *exam[] = { "exam", NULL };
  const char *economics[] = { "exam", "economics", NULL };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  add_annotation (window, annotation_on (window, "harbour", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_YELLOW,
                                         "The boats came back at night", "Ask about the **tides**", exam,
                                         now - 500));
  add_annotation (window, annotation_on (window, "harbour", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_GREEN,
                                         "An old café stood on the quay", "Un café d'été, en français", NULL,
                                         now - 100));
  add_annotation (window, annotation_on (window, "market", PN_ANNOTATION_HIGHLIGHT, PN_ANNOTATION_YELLOW,
                                         "Prices rise when the harvest fails", "", economics, now - 400));
  add_annotation (window, annotation_on (window, "market", PN_ANNOTATION_BOOKMARK, PN_ANNOTATION_YELLOW,
                                         "Every morning", NULL, NULL, now - 300));
  add_annotation (window, annotation_on (window, "market", PN_ANNOTATION_DOCUMENT_NOTE, PN_ANNOTATION_YELLOW,
                                         NULL, "Read before Monday", NULL, now - 200));
}

PnNotesPage *
notes_page (PnWindow *window)
{
  return pn_window_get_notes_page (window);
}

gboolean
notes_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (notes_page (data)));
}

void
show_notes (PnWindow *window)
{
  GtkWidget *row = find_row (window, "notes");

  g_assert_nonnull (row);
  gtk_widget_activate (row);
  wait_until (notes_mapped_cb, window, "the Notes page");
  g_assert_true (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (row)));
}

void
screenshot (PnWindow *window, const char *name)
{
  save_settled_screenshots (GTK_WIDGET (window), name);
}

/* The group headings the page shows, in order. */
GPtrArray *
headings (PnNotesPage *page)
{
  g_autoptr(GPtrArray) labels = find_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, NULL, TRUE);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "heading"))
      g_ptr_array_add (found, (gpointer) gtk_label_get_text (g_ptr_array_index (labels, i)));
  return found;
}

/* The rows shown, in order. */
GPtrArray *
shown_rows (PnNotesPage *page)
{
  return find_widgets (GTK_WIDGET (page), PN_TYPE_NOTE_ROW, NULL, TRUE);
}

gboolean
n_shown_is_cb (gpointer data)
{
  ShownWait *wait = data;

  return pn_notes_page_get_n_shown (wait->page) == wait->n;
}

/* Types @text in the search as a person would (the list follows
 * GtkSearchEntry's search-changed), and waits for @n rows. */
void
type_search (PnNotesPage *page, const char *text, guint n)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  ShownWait wait = { page, n };

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_until (n_shown_is_cb, &wait, "the notes to follow the search");
}

const char *
row_quote (GtkWidget *row)
{
  const PnAnnotation *a = pn_note_row_get_annotation (PN_NOTE_ROW (row));

  return a->selectors.exact != NULL ? a->selectors.exact : "";
}


guint
count_buttons (PnNotesPage *page, const char *label)
{
  g_autoptr(GPtrArray) labels = find_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, label, TRUE);

  return labels->len;
}
