/* pn-document.h: a document of a pack: its id, title, language, authors and text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PN_TYPE_DOCUMENT (pn_document_get_type ())
G_DECLARE_FINAL_TYPE (PnDocument, pn_document, PN, DOCUMENT, GObject)

const char *pn_document_get_id        (PnDocument *self);
const char *pn_document_get_title     (PnDocument *self);
const char *pn_document_get_file      (PnDocument *self);  /* relative to the pack root */
const char *pn_document_get_language  (PnDocument *self);  /* the pack's when not set */
GPtrArray  *pn_document_get_authors   (PnDocument *self);  /* of PnPerson, never NULL */
/* The Markdown text, valid UTF-8; NULL when the file could not be read
 * (the problem is among the pack's diagnostics). */
const char *pn_document_get_markdown  (PnDocument *self);
/* Why the Markdown is NULL, as "file:line:column: message"; NULL when it was read. */
const char *pn_document_get_problem   (PnDocument *self);

G_END_DECLS
