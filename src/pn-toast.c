/* pn-toast.c: toasts shown one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-toast.h"

#define STATE_KEY "pn-toast-state"

/* libadwaita 1.2 frees a toast dismissed while it is still sliding in (300
 * ms, 500 when it replaces another), and the end of that slide then touches
 * the freed toast (a crash, seen with « Importing… » followed at once by the
 * import's result). A toast is therefore left on screen this long before the
 * next one takes its place. */
#define SETTLE_MS 600

typedef struct {
  GWeakRef  shown;
  gint64    shown_at;   /* monotonic, µs */
  GQueue    waiting;    /* of AdwToast, owned */
  guint     source;
} ToastState;

static void
toast_state_free (gpointer data)
{
  ToastState *state = data;

  g_clear_handle_id (&state->source, g_source_remove);
  g_queue_clear_full (&state->waiting, g_object_unref);
  g_weak_ref_clear (&state->shown);
  g_free (state);
}

static ToastState *
toast_state (AdwToastOverlay *overlay)
{
  ToastState *state = g_object_get_data (G_OBJECT (overlay), STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (ToastState, 1);
      g_weak_ref_init (&state->shown, NULL);
      g_queue_init (&state->waiting);
      g_object_set_data_full (G_OBJECT (overlay), STATE_KEY, state, toast_state_free);
    }

  return state;
}

static gboolean show_waiting_cb (gpointer data);

/* Shows the next waiting toast now, or once the one shown has settled. */
static void
show_next (AdwToastOverlay *overlay,
           ToastState      *state)
{
  g_autoptr(AdwToast) shown = g_weak_ref_get (&state->shown);
  gint64 age_ms = (g_get_monotonic_time () - state->shown_at) / 1000;
  AdwToast *toast;

  if (state->source != 0 || g_queue_is_empty (&state->waiting))
    return;

  if (shown != NULL && age_ms < SETTLE_MS)
    {
      state->source = g_timeout_add (SETTLE_MS - age_ms, show_waiting_cb, overlay);
      return;
    }

  if (shown != NULL)
    adw_toast_dismiss (shown);
  toast = g_queue_pop_head (&state->waiting);
  g_weak_ref_set (&state->shown, toast);
  state->shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (overlay, toast);   /* takes it */

  /* More came meanwhile: each is seen, after this one has settled. */
  if (!g_queue_is_empty (&state->waiting))
    state->source = g_timeout_add (SETTLE_MS, show_waiting_cb, overlay);
}

static gboolean
show_waiting_cb (gpointer data)
{
  AdwToastOverlay *overlay = data;
  ToastState *state = toast_state (overlay);

  state->source = 0;
  show_next (overlay, state);

  return G_SOURCE_REMOVE;
}

void
pn_toast_show (AdwToastOverlay *overlay,
               AdwToast        *toast)
{
  ToastState *state;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  state = toast_state (overlay);
  g_queue_push_tail (&state->waiting, toast);
  show_next (overlay, state);
}

static gboolean
dismiss_settled_cb (gpointer data)
{
  g_autoptr(AdwToast) toast = data;

  adw_toast_dismiss (toast);

  return G_SOURCE_REMOVE;
}

void
pn_toast_withdraw (AdwToastOverlay *overlay,
                   AdwToast        *toast)
{
  ToastState *state;
  g_autoptr(AdwToast) shown = NULL;
  GList *waiting;
  gint64 age_ms;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  state = toast_state (overlay);
  waiting = g_queue_find (&state->waiting, toast);
  if (waiting != NULL)
    {
      g_queue_delete_link (&state->waiting, waiting);
      g_object_unref (toast);
      return;
    }

  shown = g_weak_ref_get (&state->shown);
  age_ms = (g_get_monotonic_time () - state->shown_at) / 1000;
  if (shown == toast && age_ms < SETTLE_MS)
    g_timeout_add (SETTLE_MS - age_ms, dismiss_settled_cb, g_object_ref (toast));
  else
    adw_toast_dismiss (toast);
}
