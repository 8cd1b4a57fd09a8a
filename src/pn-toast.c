/* pn-toast.c: toasts shown one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-toast.h"

#define SHOWN_KEY "pn-toast-shown"

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

void
pn_toast_show (AdwToastOverlay *overlay,
               AdwToast        *toast)
{
  GWeakRef *shown_ref;
  AdwToast *shown;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  shown_ref = g_object_get_data (G_OBJECT (overlay), SHOWN_KEY);
  if (shown_ref == NULL)
    {
      shown_ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (shown_ref, NULL);
      g_object_set_data_full (G_OBJECT (overlay), SHOWN_KEY, shown_ref, free_weak_ref);
    }
  shown = g_weak_ref_get (shown_ref);
  if (shown != NULL)
    {
      adw_toast_dismiss (shown);
      g_object_unref (shown);
    }
  g_weak_ref_set (shown_ref, toast);
  adw_toast_overlay_add_toast (overlay, toast);
}
