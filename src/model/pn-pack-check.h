/* pn-pack-check.h: a course pack loaded and every document rendered, with all
 * the problems found, for the window and the teachers' tool alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pn-diagnostic.h"
#include "pn-pack.h"
#include "pn-rendered-page.h"

G_BEGIN_DECLS

#define PN_TYPE_PACK_CHECK (pn_pack_check_get_type ())
G_DECLARE_FINAL_TYPE (PnPackCheck, pn_pack_check, PN, PACK_CHECK, GObject)

/* Loads the pack at @location (a folder, or its pack.json) and renders each
 * of its documents. A .prisonnum file is refused (PN_PACK_ERROR_UNREADABLE):
 * it is read once imported into the library (pn-library.h). Returns NULL
 * and sets @error when nothing can be shown (the PnPackError of pn_pack_load(),
 * its message naming the file and line; the other problems found before
 * loading stopped are in pn_pack_error_get_diagnostics()) or when @cancellable
 * was cancelled (G_IO_ERROR_CANCELLED). Safe to call from any thread. */
PnPackCheck *pn_pack_check_run           (GFile               *location,
                                          GCancellable        *cancellable,
                                          GError             **error);
/* The same, in a worker thread; @callback runs in the thread-default main
 * context of the caller. */
void         pn_pack_check_run_async     (GFile               *location,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
PnPackCheck *pn_pack_check_run_finish    (GAsyncResult        *result,
                                          GError             **error);
/* The same with the glossary link mode the pages are rendered in (the calls
 * above render with PN_GLOSSARY_LINK_ALL); pn_pack_check_run_finish() ends
 * the async one. */
PnPackCheck *pn_pack_check_run_full       (GFile               *location,
                                           PnGlossaryLinkMode   mode,
                                           GCancellable        *cancellable,
                                           GError             **error);
void         pn_pack_check_run_async_full (GFile               *location,
                                           PnGlossaryLinkMode   mode,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);

/* In steps, for a window that shows the text to be read before the rest of the
 * pack is checked. pn_pack_check_run_start() loads the pack as above (same
 * errors) and renders its first document only, without the checks that need
 * the whole pack (a pack without documents is checked whole at once);
 * pn_pack_check_render_document() renders another one
 * into the check when it is not yet (call it before anybody else reads the
 * check); pn_pack_check_complete() returns the whole check, as
 * pn_pack_check_run_full() would give it: a new object reusing the pages
 * already rendered (@self is only read, and may be by another thread
 * meanwhile), or @self when it is complete already. Each safe to call from any
 * thread; the async ones end with pn_pack_check_run_finish(). */
PnPackCheck *pn_pack_check_run_start       (GFile               *location,
                                            PnGlossaryLinkMode   mode,
                                            GCancellable        *cancellable,
                                            GError             **error);
void         pn_pack_check_run_start_async (GFile               *location,
                                            PnGlossaryLinkMode   mode,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
void         pn_pack_check_render_document (PnPackCheck         *self,
                                            const char          *doc_id);
void         pn_pack_check_render_document_async (PnPackCheck         *self,
                                                  const char          *doc_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
PnPackCheck *pn_pack_check_complete        (PnPackCheck         *self,
                                            GCancellable        *cancellable,
                                            GError             **error);
void         pn_pack_check_complete_async  (PnPackCheck         *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* Whether every document was rendered and the whole pack checked. */
gboolean     pn_pack_check_is_complete     (PnPackCheck         *self);
/* The glossary link mode its pages were rendered in. */
PnGlossaryLinkMode pn_pack_check_get_mode  (PnPackCheck         *self);

PnPack      *pn_pack_check_get_pack        (PnPackCheck *self);
/* Of PnDiagnostic: loading and rendering problems together (of the pages
 * rendered so far, until the check is complete), grouped by file
 * (pack.json first, then in the order files were met), by line and column
 * inside a file. */
GPtrArray   *pn_pack_check_get_diagnostics (PnPackCheck *self);
/* The rendered page of document @doc_id (pn_render_page()), or NULL when
 * there is no such document or its text could not be read. */
PnRenderedPage *pn_pack_check_get_page     (PnPackCheck *self,
                                            const char  *doc_id);
/* Of PnTermOccurrence: every occurrence of a glossary term in document
 * @doc_id (pn_rendered_page_get_terms()), kept for the check's life even
 * when its page was taken; NULL when the document was not rendered. */
GPtrArray   *pn_pack_check_get_terms       (PnPackCheck *self,
                                            const char  *doc_id);
/* Its HTML, or NULL. */
const char  *pn_pack_check_get_html        (PnPackCheck *self,
                                            const char  *doc_id);

G_END_DECLS
