/* pn-toast.c: toasts shown one at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-toast.h"

#define STATE_KEY "pn-toast-state"

/* libadwaita 1.2 (read in its 1.2.2 source) slides a toast in for 300 ms,
 * or for 500 ms when another is still fading out; a dismissed toast fades
 * out for 300 ms and its record is then freed. A slide that outlives the
 * fade of its own toast ends on the freed record: a crash (seen as
 * « Importing… » followed at once by the import's result, and as an Undo
 * clicked as its toast came, the slide ending when the window closed). The
 * slide outlives the fade when the toast is dismissed early in a 500 ms
 * slide, or in the very frame it came in (both animations then end on the
 * same frame, the fade's first).
 *
 * So, whoever dismisses them:
 * - a toast is only added once the last one has faded out (looked at every
 *   POLL_MS), so that every slide is the 300 ms one;
 * - a dismissal during the slide waits for its end, counted in frames of
 *   the overlay's own clock (the one the animations run on), not in time;
 * - a toast is left on screen SETTLE_MS before the next one takes its
 *   place, to be read. */
#define SETTLE_MS 600
#define POLL_MS   50
#define SLIDE_US  (300 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  GWeakRef  shown;
  gint64    shown_at;        /* monotonic, µs */
  GQueue    waiting;         /* of AdwToast, owned */
  guint     source;
  /* The shown toast's slide, followed on the frame clock. */
  guint     slide_tick;
  gint64    slide_from;      /* frame time of its first frame, µs */
  gboolean  dismiss_pending; /* dismissed while it slid in */
  guint     dismiss_source;
} ToastState;

static void
toast_state_free (gpointer data)
{
  ToastState *state = data;

  g_clear_handle_id (&state->source, g_source_remove);
  g_clear_handle_id (&state->dismiss_source, g_source_remove);
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

static void
wait_then_show (AdwToastOverlay *overlay,
                ToastState      *state,
                gint64           ms)
{
  if (state->source == 0 && !g_queue_is_empty (&state->waiting))
    state->source = g_timeout_add ((guint) MAX (ms, 1), show_waiting_cb, overlay);
}

/* adw_toast_dismiss() but for a toast whose dismissal was held back
 * (on_dismissed()): AdwToast forgets its overlay on the first emission,
 * before the hold, and adw_toast_dismiss() then does nothing. */
static void
dismiss_toast (AdwToast *toast)
{
  g_signal_emit_by_name (toast, "dismissed");
}

static gboolean
dismiss_pending_cb (gpointer data)
{
  AdwToastOverlay *overlay = data;
  ToastState *state = toast_state (overlay);
  g_autoptr(AdwToast) shown = g_weak_ref_get (&state->shown);

  state->dismiss_source = 0;
  if (shown != NULL)
    dismiss_toast (shown);

  return G_SOURCE_REMOVE;
}

/* Until the first frame SLIDE_US after the toast's first one: the slide
 * (begun at or before that first frame) is over by then. */
static gboolean
slide_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  ToastState *state = toast_state (ADW_TOAST_OVERLAY (widget));
  gint64 frame = gdk_frame_clock_get_frame_time (clock);

  if (state->slide_from == 0)
    state->slide_from = frame;
  if (frame - state->slide_from < SLIDE_US)
    return G_SOURCE_CONTINUE;

  state->slide_tick = 0;
  if (state->dismiss_pending && state->dismiss_source == 0)
    state->dismiss_source = g_idle_add (dismiss_pending_cb, widget);
  state->dismiss_pending = FALSE;

  return G_SOURCE_REMOVE;
}

/* Connected before the overlay's own handler: a dismissal while the toast
 * slides in is held back (the overlay never hears of it) until the slide
 * is over. Unmapped, the overlay's animations are skipped: nothing to wait. */
static void
on_dismissed (AdwToast        *toast,
              AdwToastOverlay *overlay)
{
  ToastState *state = toast_state (overlay);
  g_autoptr(AdwToast) shown = g_weak_ref_get (&state->shown);

  if (shown != toast)
    return;
  if (state->slide_tick != 0 && gtk_widget_get_mapped (GTK_WIDGET (overlay)))
    {
      g_signal_stop_emission_by_name (toast, "dismissed");
      state->dismiss_pending = TRUE;
      return;
    }
  g_weak_ref_set (&state->shown, NULL);
  wait_then_show (overlay, state, POLL_MS);
}

/* Whether a toast widget is still in @overlay (fading out, or shown). */
static gboolean
has_toast_widget (AdwToastOverlay *overlay)
{
  GtkWidget *child = adw_toast_overlay_get_child (overlay);

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (overlay)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (w != child)
      return TRUE;
  return FALSE;
}

/* Shows the next waiting toast now, or once the one shown has settled and
 * faded out. */
static void
show_next (AdwToastOverlay *overlay,
           ToastState      *state)
{
  g_autoptr(AdwToast) shown = g_weak_ref_get (&state->shown);
  gint64 now = g_get_monotonic_time ();
  gint64 age_ms = (now - state->shown_at) / 1000;
  AdwToast *toast;

  if (state->source != 0 || g_queue_is_empty (&state->waiting))
    return;

  if (shown != NULL && age_ms < SETTLE_MS)
    {
      wait_then_show (overlay, state, SETTLE_MS - age_ms);
      return;
    }
  if (shown != NULL)
    {
      dismiss_toast (shown);   /* on_dismissed() waits for the fade */
      wait_then_show (overlay, state, POLL_MS);
      return;
    }
  if (has_toast_widget (overlay))
    {
      wait_then_show (overlay, state, POLL_MS);
      return;
    }

  toast = g_queue_pop_head (&state->waiting);
  g_weak_ref_set (&state->shown, toast);
  state->shown_at = now;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_dismissed), overlay, 0);
  if (state->slide_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (overlay), state->slide_tick);
  state->slide_from = 0;
  state->dismiss_pending = FALSE;
  state->slide_tick = gtk_widget_add_tick_callback (GTK_WIDGET (overlay), slide_tick_cb, NULL, NULL);
  adw_toast_overlay_add_toast (overlay, toast);   /* takes it */

  /* More came meanwhile: each is seen, after this one has settled. */
  wait_then_show (overlay, state, SETTLE_MS);
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
