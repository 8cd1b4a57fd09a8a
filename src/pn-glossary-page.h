/* pn-glossary-page.h: the pack's glossary: a searchable list and each entry's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-pack-session.h"

G_BEGIN_DECLS

#define PN_TYPE_GLOSSARY_PAGE (pn_glossary_page_get_type ())
G_DECLARE_FINAL_TYPE (PnGlossaryPage, pn_glossary_page, PN, GLOSSARY_PAGE, GtkWidget)

GtkWidget  *pn_glossary_page_new          (void);
/* The page follows @session's pack (its glossary, and the terms of its texts). */
void        pn_glossary_page_set_session  (PnGlossaryPage *self,
                                           PnPackSession  *session);
/* The list of entries, searched for @text (NULL or "": every entry). */
void        pn_glossary_page_set_search   (PnGlossaryPage *self,
                                           const char     *text);
const char *pn_glossary_page_get_search   (PnGlossaryPage *self);
/* How many entries the list shows. */
guint       pn_glossary_page_get_n_shown  (PnGlossaryPage *self);
/* Shows the page of entry @entry_id; FALSE when the glossary has none. */
gboolean    pn_glossary_page_show_entry   (PnGlossaryPage *self,
                                           const char     *entry_id);
/* The entry whose page is shown, or NULL (the list is). */
const char *pn_glossary_page_get_entry_id (PnGlossaryPage *self);
/* Back from an entry page (to the entry it was reached from, else to the
 * list, with its search); FALSE when the list is already shown. */
gboolean    pn_glossary_page_go_back      (PnGlossaryPage *self);
/* The keyboard focus in the search entry. */
void        pn_glossary_page_start_search (PnGlossaryPage *self);

/* Signals:
 *   "source-activated"     (const char *source_id)             a source of an entry
 *   "document-activated"   (const char *doc_id)                a doc: link of an explanation
 *   "occurrence-activated" (const char *doc_id, const char *block_id, guint start, guint end)
 */

G_END_DECLS
