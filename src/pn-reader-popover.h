/* pn-reader-popover.h: what the reader's popovers share
 *
 * Pointing at a rectangle the page reported, fitting the text to the view's
 * width down to phone sizes, and selectable labels that open unselected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-page-message.h"

G_BEGIN_DECLS

/* Points @popover (parented to @view) at @rect, in page CSS pixels of
 * @web_view at @zoom, opening towards the larger side, no taller than the
 * view; @scroller (nullable) is the popover's scrolled window. */
void pn_reader_popover_point_at     (GtkPopover         *popover,
                                     GtkScrolledWindow  *scroller,
                                     GtkWidget          *view,
                                     GtkWidget          *web_view,
                                     double              zoom,
                                     const PnPageRect   *rect);
/* Keeps @label's lines within @view_width. */
void pn_reader_popover_fit_label    (GtkLabel           *label,
                                     int                 view_width);
/* A selectable label selects all its text when it takes the focus, as it
 * does when its popover opens: this makes it open without a selection. */
void pn_reader_popover_track_label  (GtkLabel           *label);
void pn_reader_popover_label_fresh  (GtkLabel           *label);
/* The reading face on @label: @family ("serif", "sans") at @px pixels. */
void pn_reader_popover_set_face     (GtkLabel           *label,
                                     const char         *family,
                                     double              px);

G_END_DECLS
