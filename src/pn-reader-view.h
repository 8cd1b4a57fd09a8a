/* pn-reader-view.h: the text view (WebKitGTK), locked down for untrusted packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "pn-annotation.h"
#include "pn-pack.h"
#include "pn-rendered-page.h"

G_BEGIN_DECLS

#define PN_TYPE_READER_VIEW (pn_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (PnReaderView, pn_reader_view, PN, READER_VIEW, GtkWidget)

typedef enum {
  PN_FONT_FAMILY_SERIF,
  PN_FONT_FAMILY_SANS,
} PnFontFamily;

/* Enum type with nicks "serif" and "sans", so g_settings_bind() maps the key. */
#define PN_TYPE_FONT_FAMILY (pn_font_family_get_type ())
GType          pn_font_family_get_type         (void);

GtkWidget     *pn_reader_view_new              (void);

/* Shows @doc_id of @pack (rendered by the model, served on the prisonnum: scheme). */
void           pn_reader_view_set_pack         (PnReaderView *self, PnPack *pack);
PnPack        *pn_reader_view_get_pack         (PnReaderView *self);
/* A page of the current pack that the caller already rendered with
 * pn_render_document(): the view serves it instead of rendering it again.
 * Takes @html. */
void           pn_reader_view_keep_page        (PnReaderView *self, const char *doc_id, char *html);
/* The same with the model's rendered page (kept with its text and blocks). */
void           pn_reader_view_keep_rendered_page (PnReaderView *self, const char *doc_id,
                                                  PnRenderedPage *page);
/* Shows @doc_id (NULL: the first document); the document it leaves, if any,
 * goes into the history (as when the window's sidebar opens another one). */
void           pn_reader_view_load_document    (PnReaderView *self, const char *doc_id);
/* The shown document's rendered page (rendered now if it was handed over as
 * HTML only), or NULL. */
PnRenderedPage *pn_reader_view_get_rendered_page (PnReaderView *self);
/* Hands the shown page's plain text and block offsets (code points) to the
 * page scripts (text.js: pnText.text(), pnText.block(id)); the result is the
 * number of blocks the page found with the same text, or -1 with @error. */
void           pn_reader_view_send_page_text   (PnReaderView *self, GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
int            pn_reader_view_send_page_text_finish (PnReaderView *self, GAsyncResult *result,
                                                     GError **error);
const char    *pn_reader_view_get_document_id  (PnReaderView *self);
gboolean       pn_reader_view_is_loading       (PnReaderView *self);
WebKitWebView *pn_reader_view_get_web_view     (PnReaderView *self);

/* Appearance (also properties "font-size", "font-family", "line-spacing", "zoom-level";
 * the dark style follows AdwStyleManager by itself). */
void           pn_reader_view_set_font_size    (PnReaderView *self, int px);
void           pn_reader_view_set_font_family  (PnReaderView *self, PnFontFamily family);
void           pn_reader_view_set_line_spacing (PnReaderView *self, double spacing);
void           pn_reader_view_set_zoom_level   (PnReaderView *self, double zoom);
double         pn_reader_view_get_zoom_level   (PnReaderView *self);
void           pn_reader_view_zoom_in          (PnReaderView *self);
void           pn_reader_view_zoom_out         (PnReaderView *self);
void           pn_reader_view_zoom_reset       (PnReaderView *self);

/* Find in text; "find-matches" (guint n) is emitted when the count is known,
 * "find-index" (guint index, guint n) when the current match is (« 3 of 33 »;
 * index 0: none). Escape in the text clears the highlight (reader.find-clear)
 * and emits both with 0. */
void           pn_reader_view_find             (PnReaderView *self, const char *text);
void           pn_reader_view_find_next        (PnReaderView *self);
void           pn_reader_view_find_previous    (PnReaderView *self);
void           pn_reader_view_find_finish      (PnReaderView *self);
guint          pn_reader_view_get_find_index   (PnReaderView *self, guint *n_matches);

/* History across doc: links, in-page jumps, footnote back-links and the
 * window's pages, with the exact position (properties "can-go-back" and
 * "can-go-forward"; Alt+Left / Alt+Right and the mouse's back and forward
 * buttons in the text; actions reader.go-back / reader.go-forward).
 * Going to a window page's entry emits "history-page" (const char *page);
 * to a text entry, "history-page" with NULL: the window shows the text. */
gboolean       pn_reader_view_go_back          (PnReaderView *self);
/* Follows @uri, a link to the pack being read (a document and its anchor, a
 * source, a glossary entry), as a click on it in the text would ("source-
 * activated", "glossary-activated", the document loaded with a history
 * entry). FALSE for anything else (another pack, an unknown id, the web). */
gboolean       pn_reader_view_activate_pack_link (PnReaderView *self,
                                                  const char   *uri);
gboolean       pn_reader_view_go_forward       (PnReaderView *self);
gboolean       pn_reader_view_can_go_back      (PnReaderView *self);
gboolean       pn_reader_view_can_go_forward   (PnReaderView *self);
/* The window shows its page @page (e.g. "sources") instead of the text: the
 * text's position goes into the history. */
void           pn_reader_view_history_push_page  (PnReaderView *self, const char *page);
/* The window went back to the text by other means: the page goes into the history. */
void           pn_reader_view_history_leave_page (PnReaderView *self);
/* The window page the history thinks is shown, or NULL for the text. */
const char    *pn_reader_view_get_history_page   (PnReaderView *self);

/* Reading progress: properties "progress" (0 to 1, by words read) and
 * "minutes-left" (at 200 words a minute); "progress-changed" (double, guint). */
double         pn_reader_view_get_progress     (PnReaderView *self);
guint          pn_reader_view_get_minutes_left (PnReaderView *self);

/* Reading position: "position-changed" (const char *anchor, double fraction) while the
 * reader scrolls; restore it after a load with this (applied once the page is laid out). */
void           pn_reader_view_set_position     (PnReaderView *self, const char *anchor, double fraction);

void           pn_reader_view_print            (PnReaderView *self);   /* print dialog */
/* Writes the current document as PDF to @file, without a dialog. */
void           pn_reader_view_export_pdf       (PnReaderView *self, GFile *file);

/* The title of the shown document (from the page), or NULL; property "title". */
const char    *pn_reader_view_get_title        (PnReaderView *self);

/* Glossary: shows @doc_id (loading it if need be) scrolled to the text
 * [@start, @end) of its page text (code points, in block @block_id, as
 * pn_rendered_page_get_terms() gives them) and flashes it; then emits
 * "occurrence-shown" (gboolean found). */
void           pn_reader_view_show_occurrence  (PnReaderView *self, const char *doc_id,
                                                const char *block_id, guint start, guint end);
/* Which occurrences of glossary terms the pages mark; changing it shows the
 * document again with the new marks, at the same place. */
void           pn_reader_view_set_glossary_links (PnReaderView *self, PnGlossaryLinkMode mode);
PnGlossaryLinkMode pn_reader_view_get_glossary_links (PnReaderView *self);
/* The glossary's popovers, once made (NULL before), for tests. */
GtkWidget     *pn_reader_view_get_term_popover (PnReaderView *self);
GtkWidget     *pn_reader_view_get_selection_popover (PnReaderView *self);

/* Notes (the store is the caller's: pn-annotation-controller.h). Paints the
 * highlights and bookmarks of @annotations (of PnAnnotation, anchored: their
 * selectors' positions in the page text; detached ones and document notes are
 * left out) in the document shown, now or once it is laid out, replacing
 * those painted before; then "annotations-painted". The page keeps them
 * until another document is shown. */
void           pn_reader_view_set_annotations  (PnReaderView *self, GPtrArray *annotations);
/* The next selection's popover offers « Attach Note Here » for @annotation_id
 * (a detached note): chosen, it emits "reattach-requested" (id, start, end). */
void           pn_reader_view_begin_reattach   (PnReaderView *self, const char *annotation_id);
/* The colour checked in the selection popover, and used by « Add Note… ». */
void           pn_reader_view_set_highlight_color (PnReaderView *self, PnAnnotationColor color);
/* The teacher's notes on the document shown (of PnAnnotation, anchored, as
 * pn_pack_anchor_teacher_notes() gives them; NULL or empty: none, e.g. the
 * layer hidden): painted as a layer of their own, apart from the student's,
 * now or once the page is laid out; then "teacher-notes-painted"
 * (pn-reader-view-teacher.c). */
void           pn_reader_view_set_teacher_notes (PnReaderView *self, GPtrArray *notes);
/* Parents @popover to the view (once) and opens it at the highlight (or
 * teacher's note) opened last ("annotation-activated", "teacher-note-activated"). */
void           pn_reader_view_popup_at_annotation (PnReaderView *self, GtkPopover *popover);
/* The words selected now, in page text code points; FALSE when none. */
gboolean       pn_reader_view_get_selection    (PnReaderView *self, gint64 *start, gint64 *end);
/* The block at the top of the view (the reading position's anchor), or NULL. */
const char    *pn_reader_view_get_top_anchor   (PnReaderView *self);
/* « “quote” — Document, Pack » for [@start, @end) of the page text, or NULL. */
char          *pn_reader_view_citation_text    (PnReaderView *self, gint64 start, gint64 end);

/* For tests only: serves @html at a prisonnum://pack/_test/doc/_test address through the
 * same scheme handler, policies and defences as a pack document, and loads it. */
void           pn_reader_view_load_html_for_testing (PnReaderView *self, const char *html);

/* Signals:
 *   "document-loaded"   ()                                  the page finished loading and is laid out
 *   "find-matches"      (guint n_matches)
 *   "position-changed"  (const char *anchor, double fraction)
 *   "source-activated"  (const char *source_id)             "Show in Sources" from a citation popover
 *   "document-activated"(const char *doc_id, const char *anchor)   a doc: link was followed
 *                                                           (the view already loads it; anchor may be NULL)
 *   "problem"           (const char *message)               something the window should show in a toast
 *   "external-link-activated" (const char *uri) -> gboolean the user clicked an http(s)/mailto link;
 *                                                           the default handler opens it in the browser,
 *                                                           return TRUE from a handler to stop that
 *   "pdf-exported"      (GFile *file)                       pn_reader_view_export_pdf() wrote @file
 *   "find-index"        (guint index, guint n_matches)      the current match, from 1 (0: none)
 *   "glossary-activated" (const char *entry_id)             « Learn More » in a term popover
 *   "glossary-look-up"  (const char *text)                  « Look Up in Glossary » for the words selected
 *   "occurrence-shown"  (gboolean found)                    pn_reader_view_show_occurrence() is done
 *   "progress-changed"  (double fraction, guint minutes_left)
 *   "history-page"      (const char *page)                  going back/forward reached a window page
 *                                                           (NULL: the text)
 *   "annotation-activated" (const char *id)                 a highlight clicked, or Enter on it
 *   "highlight-requested" (const char *color, gint64 start, gint64 end, gboolean with_note)
 *                                                           the reader highlighted the words selected
 *                                                           (a colour, or « Add Note… »: with_note)
 *   "reattach-requested" (const char *id, gint64 start, gint64 end)   « Attach Note Here »
 *   "annotations-painted" (guint painted, guint missing, double page_ms)
 *                                                           pn_reader_view_set_annotations() is done
 *                                                           (page_ms: the page script's own time)
 *   "teacher-note-activated" (const char *id)              a teacher's note clicked, or Enter on it
 *   "teacher-notes-painted" (guint painted, guint missing)  pn_reader_view_set_teacher_notes() is done
 *   "focus-leave"       (GtkDirectionType direction)        Tab went past the page's last link
 *                                                           (Shift+Tab before its first); the default
 *                                                           handler moves the focus along the window
 * "find-matches" and "find-index" give G_MAXUINT for n_matches when there are more than 1000 matches.
 */

G_END_DECLS
