/* pn-window-sources.c: the window's Sources page and what leads to it
 *
 * The page (pn-sources-page) is a child of the window's stack ("sources"), with its sidebar
 * row, its action (win.show-sources) and the sources followed from the text or the glossary,
 * only for a pack that lists sources: nothing leads to an empty page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-window-private.h"

/* The Sources page is there only for a pack that lists sources. */
gboolean
_pn_window_has_sources (PnWindow *self)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);

  return pack != NULL && pn_pack_get_sources (pack)->len > 0;
}

void
_pn_window_show_sources (PnWindow *self)
{
  g_assert (PN_IS_WINDOW (self));

  if (!_pn_window_has_sources (self))
    return;
  _pn_window_set_pack_page (self, "sources", TRUE);
}

/* The Sources page at @source_id; a pack without sources has no such page:
 * the page shown stays, and a toast says why. */
void
_pn_window_show_source (PnWindow   *self,
                        const char *source_id)
{
  g_assert (PN_IS_WINDOW (self));

  if (_pn_window_has_sources (self))
    {
      _pn_window_show_sources (self);
      if (pn_sources_page_show_source (self->sources_page, source_id))
        return;
    }
  pn_window_add_toast (self, adw_toast_new (_("This source is not in the course pack")));
}
