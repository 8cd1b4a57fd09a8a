/* pn-ui-test.c: helpers shared by the window tests (real windows under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

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
