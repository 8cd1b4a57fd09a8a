/* pn-window-notes-page.c: the window's Notes page and its sidebar row with the count of notes
 *
 * The page is a child of the window's stack ("notes"), its row last in the
 * sidebar whenever a pack is open (so that an empty page can tell how to make
 * a note, and import some). A note opens the text at its passage, which
 * flashes; « Re-attach… » opens the text and waits for the passage to be
 * selected (the window's annotation controller, pn-window-notes.c, stores
 * the new place on "reattach-requested").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-sidebar-row.h"
#include "pn-window-private.h"

/* The row says how many notes the pack has, to the eye and to a screen reader. */
static void
pn_window_notes_update_count (PnWindow *self)
{
  guint n;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  if (self->notes_row == NULL)
    return;

  n = pn_notes_page_get_n_annotations (self->notes_page);
  if (n > 0)
    {
      count = g_strdup_printf ("%u", n);
      /* Translators: said by a screen reader on the Notes row of the sidebar */
      description = g_strdup_printf (ngettext ("%u highlight, note or bookmark",
                                               "%u highlights, notes and bookmarks", n), n);
    }
  else
    {
      description = g_strdup (_("No notes yet"));
    }
  pn_sidebar_row_set_count (PN_SIDEBAR_ROW (self->notes_row), count, description);
}

void
_pn_window_notes_page_sidebar_fill (PnWindow *self)
{
  self->notes_row = NULL;
  if (pn_pack_session_get_pack (self->session) == NULL)
    return;

  self->notes_row = pn_sidebar_row_new ("document-edit-symbolic", _("Notes"), "notes");
  gtk_list_box_append (self->sidebar_list, self->notes_row);
  pn_window_notes_update_count (self);
}

void
_pn_window_show_notes (PnWindow *self)
{
  g_assert (PN_IS_WINDOW (self));

  if (self->notes_row == NULL)
    return;
  _pn_window_set_pack_page (self, "notes", TRUE);
}

/* From the page */

static void
page_passage_activated_cb (PnWindow    *self,
                           const char  *doc_id,
                           gint64       start,
                           gint64       end,
                           PnNotesPage *page)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);

  if (pack == NULL || pn_pack_get_document (pack, doc_id) == NULL)
    return;
  _pn_window_show_document (self, doc_id);
  if (start >= 0 && end > start)
    pn_reader_view_show_occurrence (self->reader_view, doc_id, NULL,
                                    (guint) MIN (start, G_MAXUINT), (guint) MIN (end, G_MAXUINT));
  else
    pn_reader_view_set_position (self->reader_view, NULL, 0.0);   /* a note on the whole document */
  /* The keyboard reads the text there (Page Down, arrows). */
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

static void
page_reattach_started_cb (PnWindow    *self,
                          const char  *id,
                          const char  *doc_id,
                          PnNotesPage *page)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);

  if (pack == NULL || pn_pack_get_document (pack, doc_id) == NULL)
    return;
  _pn_window_show_document (self, doc_id);
  pn_reader_view_begin_reattach (self->reader_view, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
  pn_window_add_toast (self, adw_toast_new (_("Select the passage this note belongs to, then choose “Attach Note Here”")));
}

void
_pn_window_notes_page_init (PnWindow *self)
{
  GtkStackPage *page;

  self->notes_page = PN_NOTES_PAGE (pn_notes_page_new ());
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->notes_page), "notes");
  gtk_stack_page_set_title (page, _("Notes"));
  pn_notes_page_set_session (self->notes_page, self->session, self->settings);

  g_signal_connect_object (self->notes_page, "notify::n-annotations",
                           G_CALLBACK (pn_window_notes_update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_page, "passage-activated",
                           G_CALLBACK (page_passage_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_page, "reattach-started",
                           G_CALLBACK (page_reattach_started_cb), self, G_CONNECT_SWAPPED);

  _pn_window_watch_history_buttons (self, GTK_WIDGET (self->notes_page));
}

PnNotesPage *
pn_window_get_notes_page (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return self->notes_page;
}
