/* pn-notes-page.h: every highlight, note and bookmark of the pack, grouped by
 * document, sorted, filtered, opened in the text; the detached ones to
 * re-attach; export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-pack-session.h"

G_BEGIN_DECLS

#define PN_TYPE_NOTES_PAGE (pn_notes_page_get_type ())
G_DECLARE_FINAL_TYPE (PnNotesPage, pn_notes_page, PN, NOTES_PAGE, GtkWidget)

typedef enum {
  PN_NOTES_FORMAT_MARKDOWN,
  PN_NOTES_FORMAT_W3C,
} PnNotesFormat;

GtkWidget *pn_notes_page_new              (void);
/* The page follows @session's pack and its store ("annotations-changed");
 * @settings holds "notes-sort" ("position" or "date"). */
void       pn_notes_page_set_session      (PnNotesPage   *self,
                                           PnPackSession *session,
                                           GSettings     *settings);
/* Reads the pack's annotations from the store again, anchored in the texts
 * as they are now (a note whose passage moved follows it, one whose passage
 * is gone is marked detached in the store: never deleted). */
void       pn_notes_page_reload           (PnNotesPage   *self);

/* How many annotations the pack has (property "n-annotations"), how many of
 * them are detached, how many rows the search and filters leave. */
guint      pn_notes_page_get_n_annotations (PnNotesPage  *self);
guint      pn_notes_page_get_n_detached    (PnNotesPage  *self);
guint      pn_notes_page_get_n_shown       (PnNotesPage  *self);

/* The search (quote, note and tags; accents and case ignored; NULL or "": none). */
void       pn_notes_page_set_search       (PnNotesPage   *self,
                                           const char    *text);
/* Only the highlights of @color (-1: every annotation). */
void       pn_notes_page_set_color_filter (PnNotesPage   *self,
                                           int            color);
/* Only the annotations tagged @tag (NULL: every one). */
void       pn_notes_page_set_tag_filter   (PnNotesPage   *self,
                                           const char    *tag);
/* The keyboard focus in the search entry. */
void       pn_notes_page_start_search     (PnNotesPage   *self);

/* What « Export… » writes: every annotation of the pack, to @file. */
gboolean   pn_notes_page_export           (PnNotesPage   *self,
                                           PnNotesFormat  format,
                                           GFile         *file,
                                           GError       **error);
/* What « Import Web Annotations… » does with @file: its annotations merged
 * into the store (one transaction); those already there skipped; items that
 * cannot be read go to @problems (PnDiagnostic, FILE:LINE; may be NULL). */
gboolean   pn_notes_page_import           (PnNotesPage   *self,
                                           GFile         *file,
                                           guint         *n_added,
                                           guint         *n_skipped,
                                           GPtrArray     *problems,
                                           GError       **error);

/* Signals:
 *   "passage-activated"  (const char *doc_id, gint64 start, gint64 end)
 *                        a row was activated: the text there (start -1: the document's top)
 *   "reattach-started"   (const char *id, const char *doc_id)
 *                        « Re-attach… »: the window opens the document and
 *                        begins re-attaching there (pn_reader_view_begin_reattach)
 */

G_END_DECLS
