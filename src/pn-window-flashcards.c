/* pn-window-flashcards.c: the window's Flashcards page and its sidebar row with the cards due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-flashcards-page.h"
#include "pn-sidebar-row.h"
#include "pn-window-private.h"

/* The row says how many cards are due today, to the eye and to a screen reader. */
static void
pn_window_flashcards_update_count (PnWindow *self)
{
  guint n;
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  if (self->flashcards_row == NULL)
    return;

  n = pn_flashcards_page_get_n_due (self->flashcards_page);
  if (n > 0)
    {
      count = g_strdup_printf ("%u", n);
      /* Translators: said by a screen reader on the Flashcards row of the sidebar */
      description = g_strdup_printf (ngettext ("%u card due today", "%u cards due today", n), n);
    }
  else
    {
      description = g_strdup (_("No cards due today"));
    }

  pn_sidebar_row_set_count (PN_SIDEBAR_ROW (self->flashcards_row), count, description);
}

/* After the pack's own pages: the row exists only when the pack's glossary
 * makes cards (entries with a definition). */
void
_pn_window_flashcards_fill_sidebar (PnWindow *self)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);

  self->flashcards_row = NULL;
  pn_flashcards_page_set_store (self->flashcards_page,
                                pn_pack_session_get_store (self->session),
                                self->settings);
  pn_flashcards_page_set_pack (self->flashcards_page, pack);

  if (pack == NULL || !pn_flashcards_page_has_cards (self->flashcards_page))
    return;

  self->flashcards_row = pn_sidebar_row_new ("view-paged-symbolic", _("Flashcards"), "flashcards");
  gtk_list_box_append (self->sidebar_list, self->flashcards_row);
  pn_window_flashcards_update_count (self);
}

void
_pn_window_show_flashcards (PnWindow *self)
{
  g_assert (PN_IS_WINDOW (self));

  if (self->flashcards_row == NULL)
    return;

  pn_flashcards_page_refresh (self->flashcards_page);
  /* One of the pack's pages: in the reader's history, with the back button to the text. */
  _pn_window_set_pack_page (self, "flashcards", TRUE);
}

void
_pn_window_flashcards_init (PnWindow *self)
{
  GtkStackPage *page;

  self->flashcards_page = PN_FLASHCARDS_PAGE (pn_flashcards_page_new ());
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->flashcards_page), "flashcards");
  gtk_stack_page_set_title (page, _("Flashcards"));
  g_signal_connect_object (self->flashcards_page, "notify::n-due",
                           G_CALLBACK (pn_window_flashcards_update_count), self, G_CONNECT_SWAPPED);
}
