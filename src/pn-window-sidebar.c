/* pn-window-sidebar.c: the window's sidebar (the pack's documents, then its own pages) and when it folds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-sidebar-row.h"
#include "pn-window-private.h"

/* When the sidebar folds: the reading area asks for CONTENT_NATURAL_WIDTH, so
 * the sidebar folds below the sidebar's width + CONTENT_NATURAL_WIDTH, yet the
 * window can shrink to 360 px. */

/* Below this width (sidebar + reading area) the sidebar folds over the text. */
#define CONTENT_NATURAL_WIDTH   440

static void
content_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_min = 0, child_nat = 0;

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);

  *minimum = child_min;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (child_min, CONTENT_NATURAL_WIDTH);
  else
    *natural = child_nat;
}

static void
content_allocate (GtkWidget *widget,
                  int        width,
                  int        height,
                  int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

/* The layout of the window's content box (the reading area beside the sidebar). */
GtkLayoutManager *
_pn_window_content_layout_new (void)
{
  return gtk_custom_layout_new (NULL, content_measure, content_allocate);
}

/* Marks the row of the page shown (never by keyboard focus alone). */
void
_pn_window_sidebar_update_current (PnWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  const char *current = NULL;
  gboolean sources = g_strcmp0 (page, "sources") == 0;
  gboolean flashcards = g_strcmp0 (page, "flashcards") == 0;
  gboolean glossary = g_strcmp0 (page, "glossary") == 0;
  gboolean quiz = g_strcmp0 (page, "quiz") == 0;
  gboolean notes = g_strcmp0 (page, "notes") == 0;

  if (g_strcmp0 (page, "reader") == 0)
    current = pn_pack_session_get_document_id (self->session);

  /* A document may be called « sources »: the Sources row is told apart by
   * what it is, not by its page name. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (PN_IS_SIDEBAR_ROW (child))
      pn_sidebar_row_set_current (PN_SIDEBAR_ROW (child),
                                  child == self->sources_row
                                    ? sources
                                    : child == self->flashcards_row
                                    ? flashcards
                                    : child == self->glossary_row
                                    ? glossary
                                    : child == self->quiz_row
                                    ? quiz
                                    : child == self->notes_row
                                    ? notes
                                    : current != NULL &&
                                      g_strcmp0 (pn_sidebar_row_get_page (PN_SIDEBAR_ROW (child)), current) == 0);
}

/* A folded sidebar closes over the page it opened, and the keyboard goes to
 * that page (not to the header's buttons, where Space would open it again). */
static gboolean
focus_page_cb (gpointer user_data)
{
  g_autoptr(PnWindow) self = user_data;
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  /* A page without a focus of its own takes the first control it holds. */
  if (page != NULL && !adw_flap_get_reveal_flap (self->flap) &&
      !gtk_widget_grab_focus (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

static void
pn_window_close_folded_sidebar (PnWindow *self)
{
  if (!adw_flap_get_folded (self->flap))
    return;
  adw_flap_set_reveal_flap (self->flap, FALSE);
  /* After the flap has let go of the focus it held. */
  g_idle_add (focus_page_cb, g_object_ref (self));
}

/* Enter or a click on a row opens its page; moving the focus onto it does not. */
static void
sidebar_row_activated_cb (PnWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  const char *page;

  g_assert (PN_IS_WINDOW (self));

  if (!PN_IS_SIDEBAR_ROW (row))
    return;

  page = pn_sidebar_row_get_page (PN_SIDEBAR_ROW (row));
  if (GTK_WIDGET (row) == self->sources_row)
    _pn_window_show_sources (self);
  else if (GTK_WIDGET (row) == self->flashcards_row)
    _pn_window_show_flashcards (self);
  else if (GTK_WIDGET (row) == self->glossary_row)
    _pn_window_show_glossary (self, NULL);
  else if (GTK_WIDGET (row) == self->quiz_row)
    _pn_window_show_quiz (self);
  else if (GTK_WIDGET (row) == self->notes_row)
    _pn_window_show_notes (self);
  else if (page != NULL)
    _pn_window_show_document (self, page);

  pn_window_close_folded_sidebar (self);
}

/* One of the rows of the pack's own pages (Sources, Glossary, …), not a document's. */
static gboolean
is_page_row (PnWindow      *self,
             GtkListBoxRow *row)
{
  GtkWidget *widget = GTK_WIDGET (row);

  return widget != NULL &&
         (widget == self->sources_row || widget == self->glossary_row ||
          widget == self->flashcards_row || widget == self->quiz_row || widget == self->notes_row);
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  PnWindow *self = user_data;

  /* A separator between the documents and the pack's own pages (the first of
   * them: a pack without sources has no Sources row). */
  if (before != NULL && is_page_row (self, row) && !is_page_row (self, before))
    {
      if (gtk_list_box_row_get_header (row) == NULL)
        gtk_list_box_row_set_header (row, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }
  else
    {
      gtk_list_box_row_set_header (row, NULL);
    }
}

void
_pn_window_sidebar_fill (PnWindow *self)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);
  GtkWidget *child;
  GPtrArray *documents;

  g_assert (PN_IS_WINDOW (self));

  self->sources_row = NULL;
  self->glossary_row = NULL;
  self->flashcards_row = NULL;
  self->quiz_row = NULL;
  self->notes_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))))
    gtk_list_box_remove (self->sidebar_list, child);

  if (pack == NULL)
    {
      _pn_window_flashcards_fill_sidebar (self);
      _pn_window_quiz_fill_sidebar (self);
      return;
    }

  documents = pn_pack_get_documents (pack);
  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *doc = g_ptr_array_index (documents, i);

      gtk_list_box_append (self->sidebar_list,
                           pn_sidebar_row_new ("x-office-document-symbolic",
                                               pn_document_get_title (doc),
                                               pn_document_get_id (doc)));
    }

  /* Only the pages the pack has something for: no Sources row without sources. */
  if (_pn_window_has_sources (self))
    {
      self->sources_row = pn_sidebar_row_new ("accessories-dictionary-symbolic", _("Sources"), "sources");
      gtk_list_box_append (self->sidebar_list, self->sources_row);
    }
  _pn_window_glossary_sidebar_fill (self);
  _pn_window_flashcards_fill_sidebar (self);
  _pn_window_quiz_fill_sidebar (self);
  _pn_window_notes_page_sidebar_fill (self);
  gtk_list_box_invalidate_headers (self->sidebar_list);
}

void
_pn_window_class_sidebar_init (PnWindowClass *klass)
{
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), sidebar_row_activated_cb);
}

void
_pn_window_sidebar_init (PnWindow *self)
{
  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, self, NULL);
}
