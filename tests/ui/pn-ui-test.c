/* pn-ui-test.c: helpers shared by the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pn-ui-test.h"

gboolean
pn_ui_test_set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pn_ui_test_destroy_window (GtkWindow *window,
                           GtkWidget *child)
{
  gpointer watched = child;

  g_object_add_weak_pointer (G_OBJECT (child), &watched);
  gtk_window_destroy (window);
  PN_UI_TEST_WAIT_UNTIL (watched == NULL, "the window's content to be finalized");
}

void
pn_ui_test_disable_sandbox_if_needed (void)
{
  const char *argv[] = { "bwrap", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                         "--unshare-all", "true", NULL };
  int status = -1;

  if (g_spawn_sync (NULL, (char **) argv, NULL,
                    G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL) &&
      g_spawn_check_wait_status (status, NULL))
    return;

  g_printerr ("# bubblewrap does not work here: WebKit's sandbox is off for this test process\n");
  g_setenv ("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1", TRUE);
}
