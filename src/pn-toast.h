/* pn-toast.h: toasts shown one at a time, each taking the place of the last
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @toast (taken) on @overlay, dismissing the one shown there before
 * (at once, or once that one has been there 0.6 s) (« Bookmark added », then « Highlight deleted » with its Undo: the
 * second is seen at once, not after the first times out). Not by a high
 * priority: libadwaita 1.2 aborts (« show_toast: assertion failed:
 * (!info->widget) ») when a toast pushed back by one of high priority comes
 * back while it is still leaving the screen. */
void pn_toast_show (AdwToastOverlay *overlay,
                    AdwToast        *toast);
/* Each toast stays at least 0.6 s before the next takes its place, and the
 * next is added once the last has faded out, however it was dismissed
 * (toasts shown meanwhile wait their turn): libadwaita 1.2 crashes when a
 * toast is dismissed while it is still sliding in (pn-toast.c). */

/* Takes @toast (given to pn_toast_show() on @overlay) away: dismissed once
 * it has settled, or dropped unseen while it still waits its turn. */
void pn_toast_withdraw (AdwToastOverlay *overlay,
                        AdwToast        *toast);

G_END_DECLS
