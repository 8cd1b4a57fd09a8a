/* reader-test-input.c: real pointer and key events for the reader view's UI
 * tests, through the X server's XTest extension (loaded at run time), with a
 * DOM click from the test world where there is no XTest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <gmodule.h>

#include "reader-test.h"

/* ---------------------------------------------------------------------------
 * Clicks: real pointer events through the X server (XTest) where the element
 * is, else a DOM click from the test world
 * ------------------------------------------------------------------------- */

#ifdef HAVE_X11
typedef int (*FakeMotionFn) (Display *, int, int, int, unsigned long);
typedef int (*FakeButtonFn) (Display *, unsigned int, int, unsigned long);
typedef int (*FakeKeyFn) (Display *, unsigned int, int, unsigned long);
typedef int (*QueryExtensionFn) (Display *, int *, int *, int *, int *);

static FakeMotionFn fake_motion;
static FakeButtonFn fake_button;
static FakeKeyFn fake_key;
#endif

gboolean
xtest_available (void)
{
#ifdef HAVE_X11
  static int available = -1;
  GdkDisplay *display = gdk_display_get_default ();

  if (available >= 0)
    return available;
  available = 0;

  if (GDK_IS_X11_DISPLAY (display))
    {
      GModule *module = g_module_open ("libXtst.so.6", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      QueryExtensionFn query = NULL;
      int a, b, c, d;

      if (module != NULL &&
          g_module_symbol (module, "XTestQueryExtension", (gpointer *) &query) &&
          g_module_symbol (module, "XTestFakeMotionEvent", (gpointer *) &fake_motion) &&
          g_module_symbol (module, "XTestFakeButtonEvent", (gpointer *) &fake_button) &&
          g_module_symbol (module, "XTestFakeKeyEvent", (gpointer *) &fake_key) &&
          query (gdk_x11_display_get_xdisplay (display), &a, &b, &c, &d))
        available = 1;
    }
  if (!available)
    g_printerr ("# XTest is not available: clicks are DOM clicks from a script\n");
  return available;
#else
  return FALSE;
#endif
}

/* Scrolls the first element matching @selector into view and returns the
 * centre of its first box in web view coordinates. */
void
element_center (Fixture *f, const char *selector, double *x, double *y)
{
  g_autofree char *json = NULL;
  GVariantDict args;
  double zoom = webkit_web_view_get_zoom_level (web_view (f));

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "selector", "s", selector);
  json = js_in_world (f, TEST_WORLD,
                      "const el = document.querySelector(selector);"
                      "if (!el) return 'missing';"
                      "el.scrollIntoView({block: 'center'});"
                      "const r = el.getClientRects()[0];"
                      "return [r.left + r.width / 2, r.top + r.height / 2];",
                      g_variant_dict_end (&args));
  g_assert_cmpstr (json, !=, "missing");
  g_assert_true (sscanf (json, "[%lf,%lf]", x, y) == 2);
  *x *= zoom;
  *y *= zoom;
}

#ifdef HAVE_X11
void
x11_pointer_to (Fixture *f, double x, double y)
{
  GdkDisplay *display = gdk_display_get_default ();
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (f->view));
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t in_view = GRAPHENE_POINT_INIT ((float) x, (float) y), in_native;
  double sx, sy;
  int rx, ry;
  Window child;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (web_view (f)), GTK_WIDGET (native),
                                           &in_view, &in_native));
  gtk_native_get_surface_transform (native, &sx, &sy);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (xdisplay),
                         (int) (in_native.x + sx), (int) (in_native.y + sy), &rx, &ry, &child);
  fake_motion (xdisplay, -1, rx, ry, 0);
  XFlush (xdisplay);
}

void
x11_press_key (KeySym keysym)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);

  fake_key (xdisplay, code, True, 0);
  fake_key (xdisplay, code, False, 0);
  XFlush (xdisplay);
}
#endif

#ifdef HAVE_X11
/* TRUE when the target of the last event the page recorded in @global
 * (pnTestMoved, pnTestPressed) is the element matching @selector or inside it. */
static gboolean
page_event_on (Fixture *f, const char *global, const char *selector)
{
  GVariantDict args;
  g_autofree char *body = g_strdup_printf ("const el = document.querySelector(selector), t = globalThis.%s;"
                                           "return String(!!t && (el === t || el.contains(t)));",
                                           global);
  g_autofree char *r = NULL;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "selector", "s", selector);
  r = js_in_world (f, TEST_WORLD, body, g_variant_dict_end (&args));
  return g_strcmp0 (r, "true") == 0;
}

static gboolean
pointer_over (Fixture *f, const char *selector)
{
  return page_event_on (f, "pnTestMoved", selector);
}

static gboolean
pressed_on (Fixture *f, const char *selector)
{
  return page_event_on (f, "pnTestPressed", selector);
}
#endif

/* Clicks the element; returns TRUE for a real (XTest) click. */
gboolean
click_element (Fixture *f, const char *selector)
{
  double x, y;

  element_center (f, selector, &x, &y);

#ifdef HAVE_X11
  if (xtest_available ())
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());

      g_autofree char *r = NULL;

      /* The page should have seen the pointer over the element before the
       * press: wait for its mousemove (moving off first, so there is one). */
      r = js (f, "globalThis.pnTestMoved = null;"
                 "if (!globalThis.pnTestListening) {"
                 "  globalThis.pnTestListening = true;"
                 "  document.addEventListener('mousemove', (e) => { globalThis.pnTestMoved = e.target; }, true);"
                 "  document.addEventListener('mousedown', (e) => { globalThis.pnTestPressed = e.target; }, true);"
                 "}"
                 "globalThis.pnTestPressed = null;"
                 "return true;");
      /* The listeners write to the test world's globals: a next script must
       * see them, or no pointer can ever seem to reach the element. */
      if (!js_true (f, "return globalThis.pnTestListening === true;"))
        g_error ("The test world's globals did not outlive a script: "
                 "the page's events could not be read back");
      /* The page may still scroll after the element was measured (the focus
       * coming back to the text scrolls its focused element into view): when
       * the pointer has not reached the element within a few seconds, measure
       * it again and move again, up to WAIT_SECONDS in all. */
      for (guint attempt = 0; !pointer_over (f, selector); attempt++)
        {
          gboolean timed_out = FALSE;
          guint timeout_id;

          if (attempt * 3 >= WAIT_SECONDS)
            g_error ("Timed out after %d s waiting for the page to see the pointer over %s",
                     WAIT_SECONDS, selector);
          if (attempt > 0)
            element_center (f, selector, &x, &y);
          x11_pointer_to (f, x > 4 ? x - 3 : x + 3, y);
          x11_pointer_to (f, x, y);
          timeout_id = g_timeout_add_seconds (3, set_true, &timed_out);
          while (!pointer_over (f, selector) && !timed_out)
            g_main_context_iteration (NULL, TRUE);
          if (!timed_out)
            g_source_remove (timeout_id);
          else
            g_test_message ("the pointer missed %s (attempt %u): measured again", selector, attempt + 1);
        }
      /* A press sent right after a popover closed can be lost before GTK
       * sees it (the X server still routes it to the popover's surface):
       * when the page has not seen it within 3 s, nothing reached the page,
       * so pressing again cannot make a double click. */
      for (guint attempt = 0; ; attempt++)
        {
          gboolean timed_out = FALSE;
          guint timeout_id;

          if (attempt * 3 >= WAIT_SECONDS)
            g_error ("Timed out after %d s waiting for the page to see a press on %s",
                     WAIT_SECONDS, selector);
          fake_button (xdisplay, 1, True, 0);
          fake_button (xdisplay, 1, False, 0);
          XFlush (xdisplay);
          timeout_id = g_timeout_add_seconds (3, set_true, &timed_out);
          while (!pressed_on (f, selector) && !timed_out)
            g_main_context_iteration (NULL, TRUE);
          if (!timed_out)
            {
              g_source_remove (timeout_id);
              break;
            }
          g_test_message ("the press on %s was lost (attempt %u): pressing again", selector, attempt + 1);
        }
      return TRUE;
    }
#endif

  {
    GVariantDict args;
    g_autofree char *r = NULL;

    g_variant_dict_init (&args, NULL);
    g_variant_dict_insert (&args, "selector", "s", selector);
    r = js_in_world (f, TEST_WORLD, "document.querySelector(selector).click(); return true;",
                     g_variant_dict_end (&args));
  }
  return FALSE;
}

gboolean
press_key (guint keyval, GdkModifierType mods)
{
#ifdef HAVE_X11
  static const struct {
    GdkModifierType mask;
    KeySym keysym;
  } modifiers[] = {
    { GDK_CONTROL_MASK, XK_Control_L }, { GDK_ALT_MASK, XK_Alt_L }, { GDK_SHIFT_MASK, XK_Shift_L },
  };
  Display *xdisplay;

  if (!xtest_available ())
    return FALSE;
  xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      fake_key (xdisplay, XKeysymToKeycode (xdisplay, modifiers[i].keysym), True, 0);
  fake_key (xdisplay, XKeysymToKeycode (xdisplay, keyval), True, 0);
  fake_key (xdisplay, XKeysymToKeycode (xdisplay, keyval), False, 0);
  for (guint i = G_N_ELEMENTS (modifiers); i > 0; i--)
    if (mods & modifiers[i - 1].mask)
      fake_key (xdisplay, XKeysymToKeycode (xdisplay, modifiers[i - 1].keysym), False, 0);
  XFlush (xdisplay);
  return TRUE;
#else
  return FALSE;
#endif
}

gboolean
double_click_element (Fixture *f, const char *selector)
{
#ifdef HAVE_X11
  Display *xdisplay;
  double x, y;

  if (!xtest_available ())
    return FALSE;
  element_center (f, selector, &x, &y);
  xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  x11_pointer_to (f, x, y);
  for (guint i = 0; i < 2; i++)
    {
      fake_button (xdisplay, 1, True, 0);
      fake_button (xdisplay, 1, False, 0);
    }
  XFlush (xdisplay);
  return TRUE;
#else
  return FALSE;
#endif
}

gboolean
press_button (Fixture *f, guint button)
{
#ifdef HAVE_X11
  Display *xdisplay;
  int width = gtk_widget_get_width (GTK_WIDGET (f->view));
  int height = gtk_widget_get_height (GTK_WIDGET (f->view));

  if (!xtest_available ())
    return FALSE;
  xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  x11_pointer_to (f, width / 2.0, height / 2.0);
  fake_button (xdisplay, button, True, 0);
  fake_button (xdisplay, button, False, 0);
  if (button > 5)
    {
      /* GTK 4.18 ends a press's implicit grab on a release whose state holds
       * the button's mask, and there are masks for buttons 1 to 5 only: after
       * the back (8) or forward (9) button, the web view stays grabbed, and
       * the window's closing counts its active state down a second time
       * (« Broken accounting of active state for widget WebKitWebView », a
       * warning, fatal here). The pointer leaving the window ends the grab,
       * as a student's hand would; then it comes back where it was. */
      x11_pointer_to (f, width + 40.0, height + 40.0);
      x11_pointer_to (f, width / 2.0, height / 2.0);
    }
  XFlush (xdisplay);
  return TRUE;
#else
  return FALSE;
#endif
}
