/* pn-reading-progress.h: where the reader is in the text, and the time left
 *
 * A thin bar and « 35 % · 12 min left », following a reader view's
 * "progress" and "minutes-left". The window places it (e.g. under the text,
 * or in the header bar).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-reader-view.h"

G_BEGIN_DECLS

#define PN_TYPE_READING_PROGRESS (pn_reading_progress_get_type ())
G_DECLARE_FINAL_TYPE (PnReadingProgress, pn_reading_progress, PN, READING_PROGRESS, GtkWidget)

GtkWidget    *pn_reading_progress_new      (PnReaderView      *view);
/* Property "view" */
void          pn_reading_progress_set_view (PnReadingProgress *self,
                                            PnReaderView      *view);
PnReaderView *pn_reading_progress_get_view (PnReadingProgress *self);
/* What the label says, e.g. "35 % · 12 min left" (for tests). */
const char   *pn_reading_progress_get_text (PnReadingProgress *self);

G_END_DECLS
