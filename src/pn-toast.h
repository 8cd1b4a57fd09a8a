/* pn-toast.h: toasts shown one at a time, each taking the place of the last
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @toast (taken) on @overlay at once, dismissing the one shown there
 * before (« Bookmark added », then « Highlight deleted » with its Undo: the
 * second is seen at once, not after the first times out). Not by a high
 * priority: libadwaita 1.2 aborts (« show_toast: assertion failed:
 * (!info->widget) ») when a toast pushed back by one of high priority comes
 * back while it is still leaving the screen. */
void pn_toast_show (AdwToastOverlay *overlay,
                    AdwToast        *toast);

G_END_DECLS
