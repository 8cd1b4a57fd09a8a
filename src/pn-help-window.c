/* pn-help-window.c: the user guide shown in the app, for when no help viewer opens
 *
 * The Mallard pages are built to HTML at build time (help/build-html.py) and
 * kept in the app's resources, one folder per language. They are served as
 * prisonnum://help/LANG/PAGE.html by the app's web shell and shown in one of
 * its web views, with every defence the reader has (one context, ephemeral
 * session, content filter, no page scripts: none are needed, the build
 * removes yelp-build's; the default Content-Security-Policy), plus a
 * navigation allow-list of the help's own pages. Links to the web open in the
 * browser, on click only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-help-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-help-window.h"
#include "pn-scheme-handler.h"
#include "pn-web-shell.h"

#define HELP_HOST       "help"
#define HELP_PREFIX     "prisonnum://" HELP_HOST "/"
#define HELP_RESOURCES  "/org/example/Prisonnum/help/"

struct _PnHelpWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkBox         *content_box;
  AdwWindowTitle *window_title;

  WebKitWebView  *web_view;
  const char     *language;     /* interned */
};

G_DEFINE_FINAL_TYPE (PnHelpWindow, pn_help_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_OPEN_EXTERNAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* prisonnum://help/LANG/NAME.html (or .css): the page NAME of the guide in LANG. */

static gboolean
is_plain_name (const char *text,
               const char *extra)
{
  if (text == NULL || text[0] == '\0' || strlen (text) > 64)
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && strchr (extra, *p) == NULL)
      return FALSE;

  return TRUE;
}

/* The resource path a help address names, or NULL (and the content type). */
static char *
resource_for_uri (const char  *uri,
                  const char **content_type)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_auto(GStrv) segments = NULL;
  const char *dot;

  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), "prisonnum") != 0 ||
      g_ascii_strcasecmp (g_uri_get_host (parsed), HELP_HOST) != 0)
    return NULL;

  /* "/LANG/NAME.EXT", nothing more. */
  segments = g_strsplit (g_uri_get_path (parsed), "/", -1);
  if (g_strv_length (segments) != 3 || segments[0][0] != '\0' ||
      !is_plain_name (segments[1], "_@") || !is_plain_name (segments[2], "."))
    return NULL;

  dot = strrchr (segments[2], '.');
  if (dot == NULL)
    return NULL;
  if (g_str_equal (dot, ".html"))
    *content_type = "text/html";
  else if (g_str_equal (dot, ".css"))
    *content_type = "text/css";
  else
    return NULL;

  return g_strconcat (HELP_RESOURCES, segments[1], "/", segments[2], NULL);
}

static void
on_help_request (WebKitURISchemeRequest *request,
                 gpointer                user_data)
{
  const char *content_type = NULL;
  g_autofree char *resource = resource_for_uri (webkit_uri_scheme_request_get_uri (request), &content_type);
  g_autoptr(GBytes) bytes = NULL;

  if (resource != NULL)
    bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    pn_scheme_handler_finish_refused (request, "no such help page");
  else
    pn_scheme_handler_finish_bytes (request, bytes, content_type);
}

gboolean
pn_help_window_has_pages (void)
{
  return g_resources_get_info (HELP_RESOURCES "C/index.html", G_RESOURCE_LOOKUP_FLAGS_NONE,
                               NULL, NULL, NULL);
}

/* The first of the user's languages the guide is written in ("C" at worst):
 * the one the interface speaks, since both come with the same translations. */
static const char *
pick_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *page = NULL;

      if (!is_plain_name (names[i], "_@"))
        continue;
      page = g_strconcat (HELP_RESOURCES, names[i], "/index.html", NULL);
      if (g_resources_get_info (page, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        return g_intern_string (names[i]);
    }

  return g_intern_static_string ("C");
}

/* Links */

static gboolean
is_web_uri (const char *uri)
{
  return g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://") ||
         g_str_has_prefix (uri, "mailto:");
}

static void
show_uri_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    g_message ("Cannot open the link: %s", error->message);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static gboolean
on_decide_policy (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  decision_type,
                  PnHelpWindow             *self)
{
  WebKitNavigationAction *action;
  const char *uri;

  if (decision_type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    {
      /* Nothing is ever downloaded. */
      if (webkit_response_policy_decision_is_mime_type_supported (WEBKIT_RESPONSE_POLICY_DECISION (decision)))
        webkit_policy_decision_use (decision);
      else
        webkit_policy_decision_ignore (decision);
      return TRUE;
    }

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  if (uri == NULL)
    {
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }

  /* The guide's own pages only: never the reader's. */
  if (g_str_has_prefix (uri, HELP_PREFIX))
    {
      if (decision_type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION)
        {
          webkit_policy_decision_use (decision);
          return TRUE;
        }
      /* No second window: the page opens here. */
      webkit_policy_decision_ignore (decision);
      webkit_web_view_load_uri (web_view, uri);
      return TRUE;
    }

  webkit_policy_decision_ignore (decision);
  /* The web, in the browser, and only when the reader clicked a link. */
  if (is_web_uri (uri) &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
      webkit_navigation_action_is_user_gesture (action))
    {
      g_autofree char *target = g_strdup (uri);
      gboolean handled = FALSE;

      g_signal_emit (self, signals[SIGNAL_OPEN_EXTERNAL], 0, target, &handled);
    }

  return TRUE;
}

static gboolean
pn_help_window_real_open_external (PnHelpWindow *self,
                                   const char   *uri)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, show_uri_cb, NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return TRUE;
}

static gboolean
on_context_menu (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test_result,
                 gpointer             user_data)
{
  /* Its items (open in a new window, download, inspect…) lead out of the help. */
  return TRUE;
}

/* Navigation state */

static void
pn_help_window_update_actions (PnHelpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "help.back",
                                 webkit_web_view_can_go_back (self->web_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "help.forward",
                                 webkit_web_view_can_go_forward (self->web_view));
}

static void
on_title_changed (PnHelpWindow *self)
{
  const char *title = webkit_web_view_get_title (self->web_view);

  if (title == NULL || title[0] == '\0')
    title = _("Help");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
on_dark_changed (PnHelpWindow *self)
{
  /* No white flash before a page paints in the dark style (the pages follow
   * prefers-color-scheme, which follows the style manager). */
  GdkRGBA dark = { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1.0 };
  GdkRGBA light = { 1.0, 1.0, 1.0, 1.0 };

  webkit_web_view_set_background_color (self->web_view,
                                        adw_style_manager_get_dark (adw_style_manager_get_default ())
                                        ? &dark : &light);
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PnHelpWindow *self = PN_HELP_WINDOW (widget);

  if (webkit_web_view_can_go_back (self->web_view))
    webkit_web_view_go_back (self->web_view);
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PnHelpWindow *self = PN_HELP_WINDOW (widget);

  if (webkit_web_view_can_go_forward (self->web_view))
    webkit_web_view_go_forward (self->web_view);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  pn_help_window_show_page (PN_HELP_WINDOW (widget), NULL);
}

/* GObject */

static WebKitWebView *
create_web_view (void)
{
  static gboolean registered;
  PnWebShell *shell = pn_web_shell_get_default ();
  g_autoptr(WebKitUserContentManager) manager = NULL;

  if (!registered)
    {
      pn_web_shell_register_host (shell, HELP_HOST, on_help_request, NULL, NULL);
      registered = TRUE;
    }

  /* The shell's content filter, and no script of the reader's. */
  manager = pn_web_shell_new_content_manager (shell);

  return pn_web_shell_new_web_view (shell, manager);
}

static void
pn_help_window_class_init (PnHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * PnHelpWindow::open-external:
   * @uri: an http(s) or mailto address a link of the guide points to
   *
   * A link to the web was clicked. The default handler opens it in the
   * browser; a handler returning %TRUE stops it.
   */
  signals[SIGNAL_OPEN_EXTERNAL] =
    g_signal_new_class_handler ("open-external",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (pn_help_window_real_open_external),
                                g_signal_accumulator_true_handled, NULL,
                                NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnHelpWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, PnHelpWindow, window_title);

  gtk_widget_class_install_action (widget_class, "help.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "help.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "help.home", NULL, home_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "help.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "help.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "help.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "help.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "help.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pn_help_window_init (PnHelpWindow *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->language = pick_language ();
  self->web_view = create_web_view ();
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Help"), -1);
  gtk_box_append (self->content_box, GTK_WIDGET (self->web_view));

  g_signal_connect (self->web_view, "decide-policy", G_CALLBACK (on_decide_policy), self);
  g_signal_connect (self->web_view, "context-menu", G_CALLBACK (on_context_menu), NULL);
  g_signal_connect_swapped (self->web_view, "notify::title", G_CALLBACK (on_title_changed), self);
  g_signal_connect_swapped (webkit_web_view_get_back_forward_list (self->web_view), "changed",
                            G_CALLBACK (pn_help_window_update_actions), self);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  on_dark_changed (self);
  pn_help_window_update_actions (self);
}

PnHelpWindow *
pn_help_window_new (void)
{
  return g_object_new (PN_TYPE_HELP_WINDOW, NULL);
}

void
pn_help_window_show_page (PnHelpWindow *self,
                          const char   *page_id)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (PN_IS_HELP_WINDOW (self));

  if (page_id == NULL || !is_plain_name (page_id, ""))
    page_id = "index";
  uri = g_strdup_printf (HELP_PREFIX "%s/%s.html", self->language, page_id);
  webkit_web_view_load_uri (self->web_view, uri);
  gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

const char *
pn_help_window_get_language (PnHelpWindow *self)
{
  g_return_val_if_fail (PN_IS_HELP_WINDOW (self), NULL);

  return self->language;
}

WebKitWebView *
pn_help_window_get_web_view (PnHelpWindow *self)
{
  g_return_val_if_fail (PN_IS_HELP_WINDOW (self), NULL);

  return self->web_view;
}
