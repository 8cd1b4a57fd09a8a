/* pn-web-shell.c: the app's one web context, shared by every web view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pn-scheme-handler.h"
#include "pn-web-shell.h"

#define READER_RESOURCES "/org/example/Prisonnum/reader/"

/* WebKit content-blocker rules. The regular expressions have no alternation:
 * WebKit's rule compiler does not support it. */
static const char content_filter_rules[] =
  "[{\"trigger\":{\"url-filter\":\"^https?:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^wss?:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^ftp:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^file:\"},\"action\":{\"type\":\"block\"}}]";

/* The page scripts, in injection order; all run in the same private world and
 * share its globals (bridge.js first: the others register with it; start.js
 * last: it tells the app the page is ready). Later features add theirs before
 * start.js. */
static const char * const page_scripts[] = {
  "bridge.js",
  "position.js",
  "footnotes.js",
  "links.js",
  "keyboard.js",
  "find.js",
  "text.js",
  "glossary.js",
  "annotations.js",
  "selection.js",
  "start.js",
};

typedef struct {
  WebKitURISchemeRequestCallback callback;
  gpointer user_data;
  GDestroyNotify destroy;
} Host;

struct _PnWebShell {
  GObject parent_instance;

  WebKitWebContext *context;
  WebKitNetworkSession *session;
  char *world;
  GPtrArray *scripts;          /* of GBytes, as page_scripts */
  WebKitUserContentFilter *filter;
  gboolean ready;
  GPtrArray *waiting;          /* content managers waiting for the filter (weak) */
  GHashTable *hosts;           /* host -> Host */
};

G_DEFINE_FINAL_TYPE (PnWebShell, pn_web_shell, G_TYPE_OBJECT)

enum {
  SIGNAL_READY,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static PnWebShell *default_shell;

static void
host_free (gpointer data)
{
  Host *host = data;

  if (host->destroy != NULL)
    host->destroy (host->user_data);
  g_free (host);
}

static void
on_scheme_request (WebKitURISchemeRequest *request, gpointer user_data)
{
  PnWebShell *self = user_data;
  g_autoptr(GUri) uri = g_uri_parse (webkit_uri_scheme_request_get_uri (request), G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *host_name = NULL;
  Host *host = NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    {
      host_name = g_ascii_strdown (g_uri_get_host (uri), -1);
      host = g_hash_table_lookup (self->hosts, host_name);
    }
  if (host != NULL)
    host->callback (request, host->user_data);
  else
    pn_scheme_handler_handle_request (request);
}

static void
forget_manager (gpointer data, GObject *where_the_object_was)
{
  if (default_shell != NULL)
    g_ptr_array_remove (default_shell->waiting, where_the_object_was);
}

static void
filter_done (PnWebShell *self, WebKitUserContentFilter *filter)
{
  self->filter = filter;
  self->ready = TRUE;

  while (self->waiting->len > 0)
    {
      WebKitUserContentManager *manager = g_ptr_array_steal_index (self->waiting, 0);

      g_object_weak_unref (G_OBJECT (manager), forget_manager, NULL);
      if (filter != NULL)
        webkit_user_content_manager_add_filter (manager, filter);
    }
  g_signal_emit (self, signals[SIGNAL_READY], 0);
}

static void
on_filter_saved (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  WebKitUserContentFilter *filter;

  filter = webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (source),
                                                         result, &error);
  g_free (user_data);
  if (filter == NULL)
    g_warning ("Could not compile the reader's network filter: %s; "
               "the other defences still apply", error->message);
  filter_done (default_shell, filter);
}

static void
on_filter_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  WebKitUserContentFilterStore *store = WEBKIT_USER_CONTENT_FILTER_STORE (source);
  const char *identifier = user_data;
  WebKitUserContentFilter *filter;
  g_autoptr(GBytes) rules = NULL;

  filter = webkit_user_content_filter_store_load_finish (store, result, NULL);
  if (filter != NULL)
    {
      g_free (user_data);
      filter_done (default_shell, filter);
      return;
    }

  /* Not compiled yet (or stale): compile it now. */
  rules = g_bytes_new_static (content_filter_rules, sizeof content_filter_rules - 1);
  webkit_user_content_filter_store_save (store, identifier, rules, NULL, on_filter_saved, user_data);
}

/* The filter is compiled once and kept in the user cache folder, under a name
 * that changes with the rules. */
static void
load_filter (PnWebShell *self)
{
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content_filter_rules, -1);
  g_autofree char *store_path = g_build_filename (g_get_user_cache_dir (), "prisonnum", "content-filters", NULL);
  char *identifier = g_strdup_printf ("pn-block-network-%.16s", checksum);
  WebKitUserContentFilterStore *store;

  g_mkdir_with_parents (store_path, 0700);
  store = webkit_user_content_filter_store_new (store_path);
  /* The identifier goes with the operation (freed when the filter is ready);
   * the store is kept alive by the pending operations. */
  webkit_user_content_filter_store_load (store, identifier, NULL, on_filter_loaded, identifier);
  g_object_unref (store);
}

static void
pn_web_shell_init (PnWebShell *self)
{
  WebKitSecurityManager *security;
  const char *languages[] = { "fr", "en", NULL };

  self->waiting = g_ptr_array_new ();
  self->hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, host_free);
  self->world = g_dbus_generate_guid ();
  self->scripts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < G_N_ELEMENTS (page_scripts); i++)
    {
      g_autofree char *path = g_strconcat (READER_RESOURCES, page_scripts[i], NULL);
      GBytes *script = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (script == NULL)
        g_error ("The reader script %s is missing from the resources", page_scripts[i]);
      g_ptr_array_add (self->scripts, script);
    }

  self->context = webkit_web_context_new ();
  webkit_web_context_set_cache_model (self->context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  webkit_web_context_set_spell_checking_enabled (self->context, FALSE);
  webkit_web_context_set_preferred_languages (self->context, languages);
  webkit_web_context_register_uri_scheme (self->context, "prisonnum", on_scheme_request, self, NULL);
  security = webkit_web_context_get_security_manager (self->context);
  webkit_security_manager_register_uri_scheme_as_secure (security, "prisonnum");
  webkit_security_manager_register_uri_scheme_as_local (security, "prisonnum");

  self->session = webkit_network_session_new_ephemeral ();
  webkit_network_session_set_itp_enabled (self->session, FALSE);
  webkit_network_session_set_persistent_credential_storage_enabled (self->session, FALSE);
}

static void
pn_web_shell_class_init (PnWebShellClass *klass)
{
  /* "ready" (): the content filter is ready (or failed) */
  signals[SIGNAL_READY] =
    g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

PnWebShell *
pn_web_shell_get_default (void)
{
  if (default_shell == NULL)
    {
      default_shell = g_object_new (PN_TYPE_WEB_SHELL, NULL);
      load_filter (default_shell);
    }
  return default_shell;
}

WebKitWebContext *
pn_web_shell_get_context (PnWebShell *self)
{
  g_return_val_if_fail (PN_IS_WEB_SHELL (self), NULL);
  return self->context;
}

WebKitNetworkSession *
pn_web_shell_get_session (PnWebShell *self)
{
  g_return_val_if_fail (PN_IS_WEB_SHELL (self), NULL);
  return self->session;
}

const char *
pn_web_shell_get_world (PnWebShell *self)
{
  g_return_val_if_fail (PN_IS_WEB_SHELL (self), NULL);
  return self->world;
}

gboolean
pn_web_shell_is_ready (PnWebShell *self)
{
  g_return_val_if_fail (PN_IS_WEB_SHELL (self), FALSE);
  return self->ready;
}

WebKitUserContentManager *
pn_web_shell_new_content_manager (PnWebShell *self)
{
  WebKitUserContentManager *manager;

  g_return_val_if_fail (PN_IS_WEB_SHELL (self), NULL);

  manager = webkit_user_content_manager_new ();
  if (self->filter != NULL)
    webkit_user_content_manager_add_filter (manager, self->filter);
  else if (!self->ready)
    {
      g_ptr_array_add (self->waiting, manager);
      g_object_weak_ref (G_OBJECT (manager), forget_manager, NULL);
    }
  return manager;
}

void
pn_web_shell_add_page_scripts (PnWebShell *self, WebKitUserContentManager *manager,
                               const char * const *allow_list)
{
  g_return_if_fail (PN_IS_WEB_SHELL (self));
  g_return_if_fail (WEBKIT_IS_USER_CONTENT_MANAGER (manager));

  for (guint i = 0; i < self->scripts->len; i++)
    {
      GBytes *bytes = g_ptr_array_index (self->scripts, i);
      g_autofree char *source = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      WebKitUserScript *script =
        webkit_user_script_new_for_world (source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                          WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                          self->world, allow_list, NULL);

      webkit_user_content_manager_add_script (manager, script);
      webkit_user_script_unref (script);
    }
}

WebKitWebView *
pn_web_shell_new_web_view (PnWebShell *self, WebKitUserContentManager *manager)
{
  WebKitSettings *settings;
  WebKitWebsitePolicies *policies;
  WebKitWebView *web_view;

  g_return_val_if_fail (PN_IS_WEB_SHELL (self), NULL);
  g_return_val_if_fail (WEBKIT_IS_USER_CONTENT_MANAGER (manager), NULL);

  settings = webkit_settings_new ();
  webkit_settings_set_enable_javascript (settings, TRUE);           /* for the app's own scripts */
  webkit_settings_set_enable_javascript_markup (settings, FALSE);   /* none of the page's */
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_javascript_can_access_clipboard (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_media_stream (settings, FALSE);
  webkit_settings_set_enable_webrtc (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_mediasource (settings, FALSE);
  webkit_settings_set_enable_encrypted_media (settings, FALSE);
  webkit_settings_set_enable_media_capabilities (settings, FALSE);
  webkit_settings_set_enable_fullscreen (settings, FALSE);
  webkit_settings_set_allow_modal_dialogs (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_top_navigation_to_data_urls (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_site_specific_quirks (settings, FALSE);
  webkit_settings_set_enable_write_console_messages_to_stdout (settings, FALSE);
  webkit_settings_set_enable_tabs_to_links (settings, TRUE);
  webkit_settings_set_enable_caret_browsing (settings, FALSE);
  webkit_settings_set_print_backgrounds (settings, FALSE);
  webkit_settings_set_default_charset (settings, "utf-8");
  webkit_settings_set_serif_font_family (settings, "Noto Serif");
  webkit_settings_set_default_font_family (settings, "Noto Serif");

  policies = webkit_website_policies_new_with_policies ("autoplay", WEBKIT_AUTOPLAY_DENY, NULL);

  web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "web-context", self->context,
                           "network-session", self->session,
                           "user-content-manager", manager,
                           "settings", settings,
                           "website-policies", policies,
                           "default-content-security-policy", PN_WEB_SHELL_CSP,
                           NULL);
  g_object_unref (settings);
  g_object_unref (policies);
  return web_view;
}

void
pn_web_shell_register_host (PnWebShell *self, const char *host, WebKitURISchemeRequestCallback callback,
                            gpointer user_data, GDestroyNotify destroy)
{
  Host *entry;

  g_return_if_fail (PN_IS_WEB_SHELL (self));
  g_return_if_fail (host != NULL && callback != NULL);
  g_return_if_fail (g_ascii_strcasecmp (host, "app") != 0 && g_ascii_strcasecmp (host, "pack") != 0);

  entry = g_new0 (Host, 1);
  entry->callback = callback;
  entry->user_data = user_data;
  entry->destroy = destroy;
  g_hash_table_replace (self->hosts, g_ascii_strdown (host, -1), entry);
}
