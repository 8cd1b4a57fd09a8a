/* main.c: entry point of Prison numérique
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pn-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PnApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* PRISONNUM_LOCALEDIR: the catalogues of a build tree (the tests use it). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PRISONNUM_LOCALEDIR") ? g_getenv ("PRISONNUM_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pn_application_new ();
  /* Shown by --help (and a quick check that the interface speaks the user's language). */
  g_application_set_option_context_summary (G_APPLICATION (app),
                                            _("Read the texts of a course, with their sources, offline."));

  status = g_application_run (G_APPLICATION (app), argc, argv);
  /* --self-check: a failed check fails the command. */
  if (status == 0 && g_object_get_data (G_OBJECT (app), "pn-self-check-failed") != NULL)
    status = 1;
  return status;
}
