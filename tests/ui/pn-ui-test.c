/* pn-ui-test.c: helpers shared by the window tests (real windows under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>
#endif

#include "pn-ui-test.h"

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
pn_ui_test_wait_until (PnUiTestCondition  condition,
                       gpointer           data,
                       const char        *what)
{
  gint64 deadline = g_get_monotonic_time () + PN_UI_TEST_TIMEOUT_S * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Gave up waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

/* WebKit's own check: can bubblewrap make a sandbox here? */
static gboolean
sandbox_works (void)
{
  const char *argv[] = { "bwrap", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                         "--unshare-all", "true", NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

void
pn_ui_test_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = g_dir_make_tmp ("pn-ui-test-XXXXXX", &error);
  const char *localedir = g_getenv ("PRISONNUM_LOCALEDIR");

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (!sandbox_works ())
    {
      g_printerr ("# bubblewrap does not work here: WebKit's sandbox is off for this test process\n");
      g_setenv ("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1", TRUE);
    }

  g_test_init (argc, argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

#ifdef HAVE_X11
typedef int (*FakeKeyFn) (Display *, unsigned int, int, unsigned long);
typedef int (*QueryExtensionFn) (Display *, int *, int *, int *, int *);

/* libXtst, loaded at run time: its fake key function, or NULL. */
static FakeKeyFn
xtest_fake_key (void)
{
  static gsize loaded = 0;
  static FakeKeyFn fake_key = NULL;

  if (g_once_init_enter (&loaded))
    {
      GdkDisplay *display = gdk_display_get_default ();
      GModule *module = GDK_IS_X11_DISPLAY (display)
                        ? g_module_open ("libXtst.so.6", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL) : NULL;
      QueryExtensionFn query = NULL;
      FakeKeyFn fake = NULL;
      int a, b, c, d;

      if (module != NULL &&
          g_module_symbol (module, "XTestQueryExtension", (gpointer *) &query) &&
          g_module_symbol (module, "XTestFakeKeyEvent", (gpointer *) &fake) &&
          query (gdk_x11_display_get_xdisplay (display), &a, &b, &c, &d))
        fake_key = fake;
      g_once_init_leave (&loaded, 1);
    }

  return fake_key;
}
#endif

gboolean
pn_ui_test_press_key (GtkWindow       *window,
                      guint            keyval,
                      GdkModifierType  mods)
{
#ifdef HAVE_X11
  static const struct { GdkModifierType mask; KeySym keysym; } modifiers[] = {
    { GDK_CONTROL_MASK, XK_Control_L }, { GDK_ALT_MASK, XK_Alt_L }, { GDK_SHIFT_MASK, XK_Shift_L },
  };
  FakeKeyFn fake_key = xtest_fake_key ();
  Display *xdisplay;
  GdkSurface *surface;
  KeyCode key;

  if (fake_key == NULL)
    return FALSE;

  xdisplay = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  key = XKeysymToKeycode (xdisplay, gdk_keyval_to_lower (keyval));

  /* No window manager under Xvfb: give the window the keyboard ourselves. */
  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      fake_key (xdisplay, XKeysymToKeycode (xdisplay, modifiers[i].keysym), True, 0);
  fake_key (xdisplay, key, True, 0);
  fake_key (xdisplay, key, False, 0);
  for (guint i = G_N_ELEMENTS (modifiers); i-- > 0;)
    if (mods & modifiers[i].mask)
      fake_key (xdisplay, XKeysymToKeycode (xdisplay, modifiers[i].keysym), False, 0);
  XFlush (xdisplay);

  return TRUE;
#else
  return FALSE;
#endif
}

gboolean
pn_ui_test_press_ctrl_key (GtkWindow *window,
                           guint      keyval)
{
  return pn_ui_test_press_key (window, keyval, GDK_CONTROL_MASK);
}
