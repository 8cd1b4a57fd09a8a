/* pn-pack-session.h: the pack being read, its problems, the document shown and the reading position
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pn-pack.h"
#include "pn-rendered-page.h"
#include "pn-reading-position.h"
#include "pn-store.h"

G_BEGIN_DECLS

#define PN_TYPE_PACK_SESSION (pn_pack_session_get_type ())
G_DECLARE_FINAL_TYPE (PnPackSession, pn_pack_session, PN, PACK_SESSION, GObject)

/* One session per window. @store (may be NULL) keeps the reading positions.
 * Properties, each notified when it changes: "store", "location", "loading",
 * "checking", "pack", "diagnostics", "error", "position", "document-id".
 * Signal "opened" (): an open finished, with a pack or with an error. */
PnPackSession     *pn_pack_session_new                (PnStore       *store);
PnStore           *pn_pack_session_get_store          (PnPackSession *self);

/* Opens the pack folder (or its pack.json) at @location in a worker thread:
 * "loading" is TRUE until "opened", which comes as soon as the pack is loaded
 * and its start document rendered. The other documents are then checked in a
 * worker thread, from pn_pack_session_check_rest() (or a moment after "opened"
 * when nobody calls it): "checking" is TRUE meanwhile, and when it turns FALSE
 * "diagnostics" holds every problem (notified). A newer open cancels an older
 * one still running or checking (which then changes nothing). */
void               pn_pack_session_open               (PnPackSession *self,
                                                       GFile         *location);
gboolean           pn_pack_session_get_loading        (PnPackSession *self);
gboolean           pn_pack_session_get_checking       (PnPackSession *self);
/* The window calls this once the first text is shown: the rest of the check
 * does not compete with showing it. Nothing when no check waits. */
void               pn_pack_session_check_rest         (PnPackSession *self);
/* The pack asked for last (NULL before any open). */
GFile             *pn_pack_session_get_location       (PnPackSession *self);
/* The pack open, or NULL (none asked for yet, or it could not be loaded). */
PnPack            *pn_pack_session_get_pack           (PnPackSession *self);
/* Problems of the open pack (PnDiagnostic, load then render), never NULL;
 * while "checking", those of the load and of the start document only. */
GPtrArray         *pn_pack_session_get_diagnostics    (PnPackSession *self);
/* Why the last pack asked for could not be opened, or NULL. */
const char        *pn_pack_session_get_error          (PnPackSession *self);
/* Where the student is in the open pack; NULL without a pack. */
PnReadingPosition *pn_pack_session_get_position       (PnPackSession *self);

/* The document being read (stays set while another page such as the
 * sources is shown); setting it records it as the last one read. */
const char        *pn_pack_session_get_document_id    (PnPackSession *self);
void               pn_pack_session_set_document_id    (PnPackSession *self,
                                                       const char    *doc_id);
/* Where to start in the open pack: the document read last, else the first one. */
const char        *pn_pack_session_get_start_document (PnPackSession *self);
/* The page of @doc_id as the check rendered it (HTML, text and blocks), handed
 * over once (NULL if none): the reader serves it without rendering it again. */
PnRenderedPage    *pn_pack_session_take_page          (PnPackSession *self,
                                                       const char    *doc_id);

/* Glossary: the occurrences of terms in @doc_id (of PnTermOccurrence, in text
 * order, whatever the link mode; code points in the page text), and that text;
 * NULL when the open pack has no such document. Kept for the session's pack. */
GPtrArray         *pn_pack_session_get_terms          (PnPackSession *self,
                                                       const char    *doc_id);
const char        *pn_pack_session_get_page_text      (PnPackSession *self,
                                                       const char    *doc_id);
/* Which occurrences the pages mark (the "glossary-links" setting): the opens
 * to come check the pack in that mode; the page the last check rendered is
 * handed over only while the mode is the one it was rendered in. */
void               pn_pack_session_set_link_mode      (PnPackSession      *self,
                                                       PnGlossaryLinkMode  mode);
PnGlossaryLinkMode pn_pack_session_get_link_mode      (PnPackSession *self);

/* Notes: whoever changes the student's annotations of the open pack in the
 * store (the reader's highlights, the Notes page, an import) calls this, and
 * the session emits "annotations-changed" (const char *document_id, NULL when
 * several documents changed) for the others to show them again. */
void               pn_pack_session_annotations_changed (PnPackSession *self,
                                                        const char    *document_id);

G_END_DECLS
