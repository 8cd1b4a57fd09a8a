/* pn-reader-view-print.h: what the window needs around printing and PDF export
 *
 * pn_reader_view_print() and pn_reader_view_export_pdf() themselves are
 * declared in pn-reader-view.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-reader-view.h"

G_BEGIN_DECLS

/* Where to save a PDF of the document titled @title (nullable) by default: in
 * the Documents folder (the home folder when there is none), named after the
 * title, and never an existing file: "Title (2).pdf" when "Title.pdf" exists. */
GFile    *pn_print_default_pdf_file  (const char *title);

/* The toast saying @file was exported, with an « Open » button that opens it
 * in the default PDF viewer (transient for @parent). */
AdwToast *pn_print_new_exported_toast (GtkWindow *parent,
                                       GFile     *file);

G_END_DECLS
