/* pn-pdf-pages.h: page numbers and metadata for a PDF made by WebKit
 *
 * WebKitGTK lays out no CSS @page margin boxes and has no print hook of its
 * own, so the printed copy gets its page numbers here: each page of the PDF
 * is drawn again (poppler, cairo) with its number in the bottom margin.
 * WebKitGTK's PDF holds no links (checked on 2.50: neither outside links nor
 * anchors), so there are none to carry over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The margins the print code sets, in millimetres: the foot line lies in
 * the bottom one, aligned with the text's sides. */
#define PN_PDF_PAGES_SIDE_MARGIN_MM   25.0
#define PN_PDF_PAGES_BOTTOM_MARGIN_MM 22.0

/* Writes @output, a copy of the PDF @input with "n / total" at the foot of
 * each page, @title at the foot of every page but the first, and @title and
 * @author (both nullable) in the document's properties. Runs in a thread;
 * @output is replaced. */
void     pn_pdf_pages_number_async  (GFile               *input,
                                     GFile               *output,
                                     const char          *title,
                                     const char          *author,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean pn_pdf_pages_number_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
