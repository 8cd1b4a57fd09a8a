/* test-toast.c: toasts one at a time (pn-toast.c) in a real window
 *
 * libadwaita 1.2 slides a toast in for 500 ms instead of 300 when another
 * is still fading out, and a toast dismissed early in that longer slide
 * leaves the slide running on a freed record (a crash seen in the notes
 * test: Undo clicked as its toast came, the window closed just after).
 * pn-toast.c adds a toast only once the last one has faded out. These tests
 * watch the overlay on every frame: never two toasts in it at once, each
 * toast seen, in order, dismissed however (by the app, by the user, by its
 * timeout).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "pn-toast.h"
#include "pn-ui-test.h"

typedef struct {
  GtkWidget       *window;
  AdwToastOverlay *overlay;
  guint            most;      /* toast widgets in the overlay at once */
  GPtrArray       *seen;      /* titles, in the order they came */
  guint            tick;
} Fixture;

/* The toast widgets in the overlay: its children but its own child. */
static GPtrArray *
toast_widgets (AdwToastOverlay *overlay)
{
  GPtrArray *widgets = g_ptr_array_new ();
  GtkWidget *child = adw_toast_overlay_get_child (overlay);

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (overlay)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (w != child)
      g_ptr_array_add (widgets, w);
  return widgets;
}

static const char *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      const char *text = first_label (w);

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* Looked at on every frame, and by every wait. */
static void
observe (Fixture *f)
{
  g_autoptr(GPtrArray) widgets = toast_widgets (f->overlay);

  f->most = MAX (f->most, widgets->len);
  for (guint i = 0; i < widgets->len; i++)
    {
      const char *title = first_label (g_ptr_array_index (widgets, i));

      if (title != NULL && (f->seen->len == 0 ||
                            g_strcmp0 (g_ptr_array_index (f->seen, f->seen->len - 1), title) != 0))
        g_ptr_array_add (f->seen, g_strdup (title));
    }
}

static gboolean
watch_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  observe (data);
  return G_SOURCE_CONTINUE;
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->window = gtk_window_new ();
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (f->overlay, gtk_label_new ("Content"));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->overlay));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 600, 400);
  f->seen = g_ptr_array_new_with_free_func (g_free);
  f->tick = gtk_widget_add_tick_callback (GTK_WIDGET (f->overlay), watch_cb, f, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  pn_ui_test_wait_until (mapped_cb, f->window, "the window on screen");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_widget_remove_tick_callback (GTK_WIDGET (f->overlay), f->tick);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_ptr_array_unref (f->seen);
}

typedef struct {
  Fixture    *f;
  const char *title;
} Shown;

static gboolean
shown_cb (gpointer data)
{
  Shown *s = data;
  g_autoptr(GPtrArray) widgets = toast_widgets (s->f->overlay);

  observe (s->f);
  return widgets->len == 1 && g_strcmp0 (first_label (g_ptr_array_index (widgets, 0)), s->title) == 0;
}

static void
wait_shown (Fixture *f, const char *title)
{
  Shown s = { f, title };
  g_autofree char *what = g_strdup_printf ("the toast « %s » alone on screen", title);

  pn_ui_test_wait_until (shown_cb, &s, what);
}

static gboolean
empty_cb (gpointer data)
{
  g_autoptr(GPtrArray) widgets = toast_widgets (data);

  return widgets->len == 0;
}

/* Whether the one toast shown still takes clicks (a fading one does not). */
static gboolean
toast_targetable (Fixture *f)
{
  g_autoptr(GPtrArray) widgets = toast_widgets (f->overlay);

  g_assert_cmpuint (widgets->len, ==, 1);
  return gtk_widget_get_can_target (g_ptr_array_index (widgets, 0));
}

static gboolean
untargetable_cb (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) widgets = toast_widgets (f->overlay);

  observe (f);
  return widgets->len == 1 && !gtk_widget_get_can_target (g_ptr_array_index (widgets, 0));
}

static gboolean
elapsed_cb (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  pn_ui_test_wait_until (elapsed_cb, &until, "time to pass");
}

static AdwToast *
toast_new (const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  return toast;
}

static void
assert_seen (Fixture *f, const char * const *titles)
{
  guint n = g_strv_length ((char **) titles);

  g_assert_cmpuint (f->seen->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (f->seen, i), ==, titles[i]);
}

/* Shown one after another by the app: each replaces the last, never two at
 * once, every one seen in turn. */
static void
test_replaced (Fixture *f, gconstpointer data)
{
  static const char * const titles[] = { "First", "Second", "Third", NULL };

  for (guint i = 0; titles[i] != NULL; i++)
    pn_toast_show (f->overlay, toast_new (titles[i]));
  wait_shown (f, "Third");
  g_assert_cmpuint (f->most, ==, 1);
  assert_seen (f, titles);
}

/* The user dismisses a toast (its close button, its action or Escape: all
 * adw_toast_dismiss()) and the app shows another at once: the new one waits
 * for the old one to fade. Then the user dismisses the new one as soon as it
 * is there and the window closes soon after (the crash of libadwaita 1.2). */
static void
test_dismissed_by_user (Fixture *f, gconstpointer data)
{
  static const char * const titles[] = { "Highlight deleted", "Highlight restored", NULL };
  g_autoptr(AdwToast) first = g_object_ref (toast_new (titles[0]));
  g_autoptr(AdwToast) second = g_object_ref (toast_new (titles[1]));

  pn_toast_show (f->overlay, first);
  wait_shown (f, titles[0]);
  adw_toast_dismiss (first);
  /* Held back while it slides in: the overlay has not begun its fade (which
   * makes the toast untargetable at once)... */
  g_assert_true (toast_targetable (f));
  pn_toast_show (f->overlay, second);
  wait_shown (f, titles[1]);
  adw_toast_dismiss (second);
  g_assert_true (toast_targetable (f));
  /* ...and let go once it has: the fade, then nothing (the positive control). */
  pn_ui_test_wait_until (untargetable_cb, f, "the second toast fading out");
  pn_ui_test_wait_until (empty_cb, f->overlay, "no toast left");
  g_assert_cmpuint (f->most, ==, 1);
  assert_seen (f, titles);
}

/* Positive control of the watch: a toast added straight to the overlay
 * while another fades out is seen beside it, two at once. (The first is
 * dismissed once it has slid in, and the second never: libadwaita 1.2 would
 * crash otherwise, as said above.) */
static void
test_watch_sees_two (Fixture *f, gconstpointer data)
{
  AdwToast *first = toast_new ("Fading");

  adw_toast_overlay_add_toast (f->overlay, g_object_ref (first));
  wait_shown (f, "Fading");
  run_for (500);
  adw_toast_dismiss (first);
  g_object_unref (first);
  adw_toast_overlay_add_toast (f->overlay, toast_new ("Straight in"));
  wait_shown (f, "Straight in");
  g_assert_cmpuint (f->most, ==, 2);
}

/* A toast withdrawn while it waits is never seen; one withdrawn once shown
 * goes after its settling time, and the next comes after it. */
static void
test_withdrawn (Fixture *f, gconstpointer data)
{
  static const char * const titles[] = { "Importing…", "Imported", NULL };
  g_autoptr(AdwToast) importing = g_object_ref (toast_new (titles[0]));
  g_autoptr(AdwToast) never = g_object_ref (toast_new ("Never seen"));

  pn_toast_show (f->overlay, importing);
  pn_toast_show (f->overlay, never);
  pn_toast_withdraw (f->overlay, never);
  pn_toast_withdraw (f->overlay, importing);
  pn_toast_show (f->overlay, toast_new (titles[1]));
  wait_shown (f, titles[1]);
  g_assert_cmpuint (f->most, ==, 1);
  assert_seen (f, titles);
}

int
main (int   argc,
      char *argv[])
{
  pn_ui_test_init (&argc, &argv);
  adw_init ();

  g_test_add ("/toast/replaced", Fixture, NULL, fixture_set_up, test_replaced, fixture_tear_down);
  g_test_add ("/toast/dismissed-by-user", Fixture, NULL, fixture_set_up, test_dismissed_by_user,
              fixture_tear_down);
  g_test_add ("/toast/watch-sees-two", Fixture, NULL, fixture_set_up, test_watch_sees_two,
              fixture_tear_down);
  g_test_add ("/toast/withdrawn", Fixture, NULL, fixture_set_up, test_withdrawn, fixture_tear_down);

  return g_test_run ();
}
