/* pn-help.c: opening the user guide (the help viewer, else the app's own help window)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-help"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-help.h"
#include "pn-help-window.h"

typedef struct {
  GtkWindow      *parent;         /* owned, may be NULL */
  GtkApplication *application;    /* owned, may be NULL */
  char           *page_id;
} HelpRequest;

static void
help_request_free (HelpRequest *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->application);
  g_free (request->page_id);
  g_free (request);
}

/* The app's own help window: the one already open, or a new one. */
static void
show_in_app (HelpRequest *request)
{
  PnHelpWindow *window = NULL;

  if (request->application != NULL)
    for (GList *l = gtk_application_get_windows (request->application); l; l = l->next)
      if (PN_IS_HELP_WINDOW (l->data))
        window = l->data;

  if (window == NULL)
    {
      if (!pn_help_window_has_pages ())
        {
          g_message ("This build has no help pages (meson option help=false)");
          return;
        }
      window = pn_help_window_new ();
      if (request->application != NULL)
        gtk_window_set_application (GTK_WINDOW (window), request->application);
      if (request->parent != NULL)
        gtk_window_set_transient_for (GTK_WINDOW (window), request->parent);
    }

  pn_help_window_show_page (window, request->page_id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
launch_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HelpRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_message ("The help viewer did not open (%s): showing the help in the app", error->message);
      show_in_app (request);
    }
  help_request_free (request);
}

/* Whether a help viewer outside the app can show the guide. In a sandbox the
 * guide is inside it, out of the host's viewer's reach. */
static gboolean
has_help_viewer (void)
{
  g_autoptr(GAppInfo) viewer = NULL;

  if (g_strcmp0 (g_getenv ("PRISONNUM_HELP_VIEWER"), "none") == 0)
    return FALSE;
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return FALSE;

  viewer = g_app_info_get_default_for_uri_scheme ("help");
  return viewer != NULL;
}

gboolean
pn_help_show (GtkWindow  *parent,
              const char *page_id)
{
  HelpRequest *request;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);

  request = g_new0 (HelpRequest, 1);
  request->parent = parent ? g_object_ref (parent) : NULL;
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    request->application = g_object_ref (gtk_window_get_application (parent));
  request->page_id = g_strdup (page_id);

  if (!has_help_viewer ())
    {
      gboolean shown = pn_help_window_has_pages ();

      if (shown)
        show_in_app (request);
      help_request_free (request);
      return shown;
    }

  uri = page_id ? g_strconcat ("help:" GETTEXT_PACKAGE "/", page_id, NULL)
                : g_strdup ("help:" GETTEXT_PACKAGE);
  context = gdk_display_get_app_launch_context (parent ? gtk_widget_get_display (GTK_WIDGET (parent))
                                                       : gdk_display_get_default ());
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launch_cb, request);
  return TRUE;
}
