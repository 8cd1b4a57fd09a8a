/* pn-window-glossary.c: the window's Glossary page and what leads to it
 *
 * The page is a child of the window's stack ("glossary") with its sidebar
 * row after the Sources row, when the pack has a glossary. « Learn More » in
 * a term popover opens an entry on it; « Look Up in Glossary » the entry of
 * the words selected, else the list searched for them. From the page, a
 * source opens the Sources page at it, an occurrence the text at it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-glossary-search.h"
#include "pn-sidebar-row.h"
#include "pn-window-private.h"

static PnGlossary *
window_glossary (PnWindow *self)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);
  PnGlossary *glossary = pack != NULL ? pn_pack_get_glossary (pack) : NULL;

  return glossary != NULL && pn_glossary_get_n_entries (glossary) > 0 ? glossary : NULL;
}

void
_pn_window_show_glossary (PnWindow   *self,
                          const char *entry_id)
{
  g_assert (PN_IS_WINDOW (self));

  if (window_glossary (self) == NULL)
    return;
  if (entry_id != NULL)
    pn_glossary_page_show_entry (self->glossary_page, entry_id);
  _pn_window_set_pack_page (self, "glossary", TRUE);
}

void
_pn_window_glossary_sidebar_fill (PnWindow *self)
{
  if (window_glossary (self) == NULL)
    return;

  self->glossary_row = pn_sidebar_row_new ("view-list-bullet-symbolic", _("Glossary"), "glossary");
  gtk_list_box_append (self->sidebar_list, self->glossary_row);
}

/* From the text */

static void
reader_glossary_activated_cb (PnWindow     *self,
                              const char   *entry_id,
                              PnReaderView *reader)
{
  _pn_window_show_glossary (self, entry_id);
  /* From the text: the keyboard follows (to the entry's back button). */
  gtk_widget_grab_focus (GTK_WIDGET (self->glossary_page));
}

static void
reader_glossary_look_up_cb (PnWindow     *self,
                            const char   *text,
                            PnReaderView *reader)
{
  PnGlossary *glossary = window_glossary (self);
  const PnGlossaryEntry *entry;

  if (glossary == NULL)
    return;

  entry = pn_glossary_find_term (glossary, text);
  if (entry != NULL)
    {
      _pn_window_show_glossary (self, entry->id);
      gtk_widget_grab_focus (GTK_WIDGET (self->glossary_page));
      return;
    }
  pn_glossary_page_set_search (self->glossary_page, text);
  _pn_window_show_glossary (self, NULL);
  pn_glossary_page_start_search (self->glossary_page);
}

/* From the page */

static void
page_source_activated_cb (PnWindow       *self,
                          const char     *source_id,
                          PnGlossaryPage *page)
{
  _pn_window_show_source (self, source_id);
}

static void
page_document_activated_cb (PnWindow       *self,
                            const char     *doc_id,
                            PnGlossaryPage *page)
{
  _pn_window_show_document (self, doc_id);
}

static void
page_occurrence_activated_cb (PnWindow       *self,
                              const char     *doc_id,
                              const char     *block_id,
                              guint           start,
                              guint           end,
                              PnGlossaryPage *page)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);

  if (pack == NULL || pn_pack_get_document (pack, doc_id) == NULL)
    return;
  _pn_window_show_document (self, doc_id);
  pn_reader_view_show_occurrence (self->reader_view, doc_id, block_id, start, end);
  /* The keyboard reads the text there (Page Down, arrows). */
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

/* The "glossary-links" setting: the pages to come and the one shown. */
static void
settings_links_changed_cb (PnWindow   *self,
                           const char *key,
                           GSettings  *settings)
{
  PnGlossaryLinkMode mode = (PnGlossaryLinkMode) g_settings_get_enum (settings, "glossary-links");

  pn_pack_session_set_link_mode (self->session, mode);
  pn_reader_view_set_glossary_links (self->reader_view, mode);
}

void
_pn_window_glossary_init (PnWindow *self)
{
  self->glossary_page = PN_GLOSSARY_PAGE (pn_glossary_page_new ());
  gtk_stack_add_titled (self->stack, GTK_WIDGET (self->glossary_page), "glossary", _("Glossary"));
  pn_glossary_page_set_session (self->glossary_page, self->session);

  g_signal_connect_object (self->glossary_page, "source-activated",
                           G_CALLBACK (page_source_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->glossary_page, "document-activated",
                           G_CALLBACK (page_document_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->glossary_page, "occurrence-activated",
                           G_CALLBACK (page_occurrence_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "glossary-activated",
                           G_CALLBACK (reader_glossary_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_view, "glossary-look-up",
                           G_CALLBACK (reader_glossary_look_up_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::glossary-links",
                           G_CALLBACK (settings_links_changed_cb), self, G_CONNECT_SWAPPED);
  settings_links_changed_cb (self, "glossary-links", self->settings);

  _pn_window_watch_history_buttons (self, GTK_WIDGET (self->glossary_page));
}

PnGlossaryPage *
pn_window_get_glossary_page (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return self->glossary_page;
}
