/* pn-application.c: the application (settings, student store, app actions)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-application.h"
#include "pn-help.h"
#include "pn-message-dialog.h"
#include "pn-pack-archive.h"
#include "pn-preferences-window.h"
#include "pn-self-check.h"
#include "pn-window.h"

struct _PnApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  PnStore        *store;
  PnLibrary      *library;
  /* What the first window tells about the student's data (it names the
   * files), when it cannot be used as usual. */
  char           *store_heading;
  char           *store_problem;
  gboolean        self_check;     /* --self-check: check the bundled text (or PACK), report, quit */
};

G_DEFINE_FINAL_TYPE (PnApplication, pn_application, ADW_TYPE_APPLICATION)

GFile *
pn_application_get_default_pack (void)
{
  const char *env = g_getenv ("PRISONNUM_PACK_DIR");

  if (env != NULL && env[0] != '\0')
    return g_file_new_for_commandline_arg (env);

  /* Running from the build tree: the pack is not installed yet. */
  if (g_file_test (BUNDLED_PACK_DIR, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (BUNDLED_PACK_DIR);

  return g_file_new_for_path (SOURCE_PACK_DIR);
}

PnLibrary *
pn_application_get_library (PnApplication *self)
{
  g_return_val_if_fail (PN_IS_APPLICATION (self), NULL);

  if (self->library == NULL)
    {
      const char *env = g_getenv ("PRISONNUM_LIBRARY_DIR");
      g_autoptr(GFile) bundled = pn_application_get_default_pack ();

      self->library = pn_library_new (env != NULL && env[0] != '\0' ? env : NULL, bundled);
    }

  return self->library;
}

/* Where .prisonnum files were unpacked before there was a library. */
static char *
old_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "prisonnum", "packs", NULL);
}

/* The pack to show at start: the one read last if it is still there,
 * else the bundled essay. An explicit $PRISONNUM_PACK_DIR wins. A pack
 * unpacked in the old cache is forgotten (the cache is emptied). */
static GFile *
pn_application_get_startup_pack (PnApplication *self)
{
  g_autofree char *last = NULL;

  g_assert (PN_IS_APPLICATION (self));

  if (g_getenv ("PRISONNUM_PACK_DIR") == NULL)
    {
      g_autofree char *cache = old_cache_dir ();

      last = g_settings_get_string (self->settings, "last-pack");
      if (last[0] != '\0' && !g_str_has_prefix (last, cache) && g_file_test (last, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (last);
    }

  return pn_application_get_default_pack ();
}

static PnWindow *
pn_application_get_window (PnApplication *self)
{
  GtkWindow *window;

  g_assert (PN_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (PN_IS_WINDOW (window))
    return PN_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (PN_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
pn_application_toast (PnApplication *self,
                      const char    *title)
{
  PnWindow *window = pn_application_get_window (self);

  if (window != NULL)
    pn_window_add_toast (window, adw_toast_new (title));
}

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PnApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close rather than quit, so that each window saves its state. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PnApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (PN_IS_PREFERENCES_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  preferences = pn_preferences_window_new (parent, self->settings);
  gtk_window_set_application (GTK_WINDOW (preferences), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PnApplication *self = user_data;

  /* The help viewer, else the help built into the app. */
  if (!pn_help_show (gtk_application_get_active_window (GTK_APPLICATION (self)), NULL))
    pn_application_toast (self, _("The help could not be opened"));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  PnApplication *self = user_data;
  PnWindow *window = pn_application_get_window (self);
  PnPack *pack = window ? pn_pack_session_get_pack (pn_window_get_session (window)) : NULL;
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, "Prison numérique");
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Prison numérique developers"));
  adw_about_window_set_comments (about,
                                 _("Read the texts of a course, with their sources, offline."));
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: your names, one per line, to be credited in the About window */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  if (pack != NULL)
    {
      GPtrArray *authors = pn_pack_get_authors (pack);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;
      const char *license = pn_pack_get_license (pack);
      g_autofree char *license_text = NULL;
      g_autofree char *escaped = NULL;

      for (guint i = 0; i < authors->len; i++)
        {
          const PnPerson *person = g_ptr_array_index (authors, i);
          g_autofree char *name = g_strdelimit (g_strdup (person->name), "<>", ' ');
          g_autoptr(GString) shown = g_string_new (name);

          /* The About window makes "Name <address>" and "Name https://…" into
           * links: a pack's author names stay plain text. */
          g_string_replace (shown, "://", ":\u2215\u2215", 0);
          g_strv_builder_add (builder, shown->str);
        }
      names = g_strv_builder_end (builder);
      if (names[0] != NULL)
        /* Translators: heading of the credits for the authors of the course texts */
        adw_about_window_add_credit_section (about, _("Text"), (const char **) names);

      escaped = g_markup_escape_text (license ? license : _("unknown"), -1);
      /* Translators: %s is a licence identifier such as CC-BY-SA-4.0 */
      license_text = g_strdup_printf (_("The course pack is distributed under this licence: %s."),
                                      escaped);
      adw_about_window_add_legal_section (about, pn_pack_get_title (pack), NULL,
                                          GTK_LICENSE_CUSTOM, license_text);
    }

  if (window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (about));
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  PnApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        g_application_open (G_APPLICATION (self), &file, 1, "");
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_application_release (G_APPLICATION (self));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PnApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;

  GtkFileFilter *packs;
  GtkFileFilter *all;

  /* A .prisonnum file, or a pack folder's pack.json. */
  chooser = gtk_file_chooser_native_new (_("Open Course Pack"),
                                         parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  packs = gtk_file_filter_new ();
  gtk_file_filter_set_name (packs, _("Course Packs"));
  gtk_file_filter_add_mime_type (packs, "application/x-prisonnum-pack");
  gtk_file_filter_add_pattern (packs, "*.prisonnum");
  gtk_file_filter_add_pattern (packs, "pack.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), packs);
  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), packs);
  g_object_unref (packs);
  g_object_unref (all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "about", about_action },
  { "open", open_action },
};

/* Settings */

/* The colour-scheme key's nicks, in AdwColorScheme terms. */
static gboolean
color_scheme_from_setting (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_str_equal (nick, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (nick, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

/* "last-pack": the folder of a pack opened (not the bundled one, empty then);
 * nothing is written when a pack could not be opened. */
static GVariant *
last_pack_to_setting (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  PnPack *pack = g_value_get_object (value);
  g_autoptr(GFile) bundled = NULL;
  g_autofree char *path = NULL;

  if (pack == NULL)
    return NULL;

  bundled = pn_application_get_default_pack ();
  if (!g_file_equal (pn_pack_get_root (pack), bundled))
    path = g_file_get_path (pn_pack_get_root (pack));

  return g_variant_new_string (path ? path : "");
}

/* Running from the build tree: the app icon is not installed yet, take it from the sources. */
static void
pn_application_add_source_icons (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *icons_dir = NULL;

  if (g_file_test (BUNDLED_PACK_DIR, G_FILE_TEST_IS_DIR))
    return;

  data_dir = g_path_get_dirname (SOURCE_PACK_DIR);
  icons_dir = g_build_filename (data_dir, "icons", NULL);
  if (g_file_test (icons_dir, G_FILE_TEST_IS_DIR))
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    icons_dir);
}

/* Archives opened before there was a library were unpacked in the cache:
 * that folder goes (best effort, off the main thread), the packs now being
 * imported into the library. */
static gpointer
remove_old_cache_thread (gpointer data)
{
  g_autofree char *cache = data;

  if (g_file_test (cache, G_FILE_TEST_IS_DIR))
    pn_pack_archive_remove_tree (cache);

  return NULL;
}

static void
pn_application_remove_old_cache (void)
{
  g_autofree char *cache = old_cache_dir ();

  if (g_file_test (cache, G_FILE_TEST_IS_DIR))
    g_thread_unref (g_thread_new ("pn-old-cache", remove_old_cache_thread, g_steal_pointer (&cache)));
}

static void
pn_application_open_store (PnApplication *self)
{
  g_autofree char *path = pn_store_default_path ();
  g_autoptr(GError) error = NULL;

  self->store = pn_store_open (path, &error);
  if (self->store == NULL)
    {
      /* Never removed nor replaced: the student's notes may be in there. The
       * app goes on without saving, and says so. */
      g_message ("Cannot open the student data at %s: %s", path, error->message);
      self->store_heading = g_strdup (_("Your Work Cannot Be Saved"));
      self->store_problem = g_strdup_printf (_("%s\n\nYou can read as usual, but your reading "
                                               "positions, notes and results will not be kept. "
                                               "See “Your notes and where they are kept” in the "
                                               "help."),
                                             error->message);
    }
  else if (pn_store_get_notice (self->store) != NULL)
    {
      /* Opened, moved aside or read-only: told all the same. */
      g_message ("%s", pn_store_get_notice (self->store));
      self->store_heading = g_strdup (pn_store_is_read_only (self->store)
                                      ? _("Your Work Cannot Be Saved")
                                      : _("Your Data Could Not Be Read"));
      self->store_problem = g_strdup (pn_store_get_notice (self->store));
    }
}

static gboolean
present_store_problem (gpointer data)
{
  gtk_window_present (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

/* Once the window is on screen (after this "map", so that the dialog is
 * above it, not under it). */
static void
show_store_problem (GtkWidget *window,
                    gpointer   data)
{
  g_signal_handlers_disconnect_by_func (window, show_store_problem, data);
  g_idle_add_full (G_PRIORITY_LOW, present_store_problem, g_object_ref (data), g_object_unref);
}

/* GApplication */

static void
log_environment_cb (gpointer user_data)
{
  pn_self_check_log_environment ();
}

static void
pn_application_startup (GApplication *app)
{
  PnApplication *self = PN_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (pn_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);

  /* The only GSettings of the app: the windows and the preferences bind to it. */
  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                color_scheme_from_setting, NULL, NULL, NULL);

  pn_application_add_source_icons ();
  pn_application_open_store (self);
  /* Packs removed and not purged the last time go now. */
  pn_application_get_library (self);
  pn_application_remove_old_cache ();
  /* Off the start-up path: once the first window is on its way. */
  g_idle_add_once (log_environment_cb, NULL);
}

PnWindow *
pn_application_new_window (PnApplication *self)
{
  g_autoptr(PnPackSession) session = NULL;
  PnWindow *window;

  g_return_val_if_fail (PN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (self->settings != NULL, NULL);

  session = pn_pack_session_new (self->store);
  g_settings_bind_with_mapping (self->settings, "last-pack", session, "pack",
                                G_SETTINGS_BIND_SET,
                                NULL, last_pack_to_setting, NULL, NULL);
  window = pn_window_new (GTK_APPLICATION (self), session, self->settings);

  /* Told once, in the first window as it shows, what became of the
   * student's data, with the paths: a dialog, not a toast that goes away. */
  if (self->store_problem != NULL)
    {
      /* Heading and body in labels that wrap (pn-message-dialog.h): the
       * paths in the body have no spaces. */
      GtkWidget *dialog = pn_message_dialog_new (GTK_WINDOW (window), self->store_heading,
                                                 self->store_problem);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_signal_connect_after (window, "map", G_CALLBACK (show_store_problem), dialog);
      g_clear_pointer (&self->store_heading, g_free);
      g_clear_pointer (&self->store_problem, g_free);
    }

  return window;
}

static void
pn_application_activate (GApplication *app)
{
  PnApplication *self = PN_APPLICATION (app);
  PnWindow *window = pn_application_get_window (self);

  if (window == NULL)
    {
      g_autoptr(GFile) pack = self->self_check ? pn_application_get_default_pack ()
                                               : pn_application_get_startup_pack (self);

      window = pn_application_new_window (self);
      /* With packs installed besides the bundled essay the window starts on
       * the library, unless a pack is asked for. */
      if (!self->self_check && g_getenv ("PRISONNUM_PACK_DIR") == NULL &&
          pn_library_count (pn_application_get_library (self)) > 1)
        pn_window_show_library (window);
      else
        pn_window_open_pack (window, pack);
      if (self->self_check)
        pn_self_check_start (GTK_APPLICATION (self), window);
    }

  pn_window_present_when_ready (window);
}

static void
pn_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  PnApplication *self = PN_APPLICATION (app);
  PnWindow *window;
  gboolean started;
  gboolean opened = FALSE;

  g_return_if_fail (n_files > 0);

  window = pn_application_get_window (self);
  started = window == NULL;
  if (window == NULL)
    {
      window = pn_application_new_window (self);
      /* `prisonnum --self-check PACK`: the check of that pack. */
      if (self->self_check)
        pn_self_check_start (GTK_APPLICATION (self), window);
    }

  /* A course pack file (« Open With », the command line, the Open dialog)
   * is imported into the library, then opened from there; a pack folder is
   * opened where it is (teachers trying theirs), one at a time: the first
   * one named. */
  for (int i = 0; i < n_files; i++)
    {
      if (pn_window_is_pack_file (files[i]))
        continue;
      pn_window_open_pack (window, files[i]);
      opened = TRUE;
      break;
    }
  if (!opened && started)
    {
      g_autoptr(GFile) pack = pn_application_get_startup_pack (self);

      pn_window_open_pack (window, pack);
    }
  pn_window_present_when_ready (window);

  for (int i = 0; i < n_files; i++)
    if (pn_window_is_pack_file (files[i]))
      pn_window_import_file (window, files[i]);
}

static int
pn_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PnApplication *self = PN_APPLICATION (app);

  self->self_check = g_variant_dict_contains (options, "self-check");
  /* Its own process, even while the app runs: a running instance would take the pack and
   * leave this one nothing to check. */
  if (self->self_check)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
pn_application_dispose (GObject *object)
{
  PnApplication *self = PN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->store_heading, g_free);
  g_clear_pointer (&self->store_problem, g_free);

  G_OBJECT_CLASS (pn_application_parent_class)->dispose (object);
}

static void
pn_application_class_init (PnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pn_application_dispose;

  app_class->startup = pn_application_startup;
  app_class->activate = pn_application_activate;
  app_class->open = pn_application_open;
  app_class->handle_local_options = pn_application_handle_local_options;
}

static void
pn_application_init (PnApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "self-check", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Open the bundled text (or the course pack named), check that it is "
                                   "laid out and hyphenated in its language, print a report and quit"),
                                 NULL);
}

PnApplication *
pn_application_new (void)
{
  return g_object_new (PN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Prisonnum",
                       NULL);
}

PnStore *
pn_application_get_store (PnApplication *self)
{
  g_return_val_if_fail (PN_IS_APPLICATION (self), NULL);

  return self->store;
}

GSettings *
pn_application_get_settings (PnApplication *self)
{
  g_return_val_if_fail (PN_IS_APPLICATION (self), NULL);

  return self->settings;
}
