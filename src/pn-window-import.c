/* pn-window-import.c: course pack files imported into the library
 *
 * Whatever way a .prisonnum file comes (the « Import Course Pack… » file
 * chooser, a file dropped on the window, « Open With » in the file manager,
 * the command line), it goes through pn_window_import_file(): the file is
 * unpacked and checked in a worker thread (pn_library_prepare_import(),
 * nothing installed yet), then a new pack is installed and opened at once,
 * while one that would replace an installed pack is shown first
 * (PnUpdateDialog). After an update the student's notes are placed again in
 * the new texts (pn_library_reanchor_pack()), and a toast says how many
 * could not be, with the Notes page a click away. A file that cannot be
 * imported is named in a dialog with the reason (file and line); nothing of
 * it is left in the library.
 *
 * Files are imported one after the other, in the order they came.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-application.h"
#include "pn-library-reanchor.h"
#include "pn-message-dialog.h"
#include "pn-pack-archive.h"
#include "pn-toast.h"
#include "pn-update-dialog.h"
#include "pn-window-private.h"

#define IMPORT_STATE_KEY "pn-window-import-state"
/* A file read for longer than this is said to be in the works. */
#define PROGRESS_DELAY_MS 300

/* The window's imports: one at a time, the others waiting. */
typedef struct {
  GQueue        waiting;   /* of GFile */
  gboolean      busy;
  GCancellable *cancellable;
  GWeakRef      progress;  /* the « Importing… » toast */
  guint         progress_source;
  char         *progress_name;
} ImportState;

static void
import_state_free (gpointer data)
{
  ImportState *state = data;

  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_handle_id (&state->progress_source, g_source_remove);
  g_free (state->progress_name);
  g_queue_clear_full (&state->waiting, g_object_unref);
  g_weak_ref_clear (&state->progress);
  g_free (state);
}

static ImportState *
import_state (PnWindow *self)
{
  ImportState *state = g_object_get_data (G_OBJECT (self), IMPORT_STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (ImportState, 1);
      g_queue_init (&state->waiting);
      g_weak_ref_init (&state->progress, NULL);
      state->cancellable = g_cancellable_new ();
      g_object_set_data_full (G_OBJECT (self), IMPORT_STATE_KEY, state, import_state_free);
    }

  return state;
}

static PnApplication *
pn_window_import_app (PnWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return PN_IS_APPLICATION (app) ? PN_APPLICATION (app) : NULL;
}

/* The file's name as the student knows it (its display name). */
static char *
file_display_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *shown = name ? g_filename_display_name (name) : NULL;

  return shown ? g_steal_pointer (&shown) : g_file_get_parse_name (file);
}

static void pn_window_import_next (PnWindow *self);

/* This import is over (done, refused or abandoned): the next one. */
static void
pn_window_import_done (PnWindow *self)
{
  import_state (self)->busy = FALSE;
  pn_window_import_next (self);
}

static gboolean
show_progress_cb (gpointer data)
{
  PnWindow *self = data;
  ImportState *state = import_state (self);
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  state->progress_source = 0;
  /* Translators: %s is the name of a course pack file */
  text = g_strdup_printf (_("Importing “%s”…"), state->progress_name);
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  g_weak_ref_set (&state->progress, toast);
  pn_window_add_toast (self, toast);

  return G_SOURCE_REMOVE;
}

static void
start_progress (PnWindow *self,
                GFile    *file)
{
  ImportState *state = import_state (self);

  g_free (state->progress_name);
  state->progress_name = file_display_name (file);
  state->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);
}

static void
end_progress (PnWindow *self)
{
  ImportState *state = import_state (self);
  g_autoptr(AdwToast) toast = g_weak_ref_get (&state->progress);

  g_clear_handle_id (&state->progress_source, g_source_remove);
  g_weak_ref_set (&state->progress, NULL);
  if (toast != NULL && self->toast_overlay != NULL)
    pn_toast_withdraw (self->toast_overlay, toast);
}

/* Errors */

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PnWindow         *self)
{
  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                            g_object_get_data (G_OBJECT (dialog), "pn-message"));
  pn_window_import_done (self);
}

/* Why @file could not be imported: @message names the file and line. The
 * text can be selected, or copied with a button, to send to the teacher. */
static void
pn_window_import_show_error (PnWindow   *self,
                             GFile      *file,
                             const char *message)
{
  g_autofree char *name = file_display_name (file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *label;

  /* Translators: %s is the name of a course pack file */
  body = g_strdup_printf (_("“%s” was not added to your library:"), name);
  dialog = pn_message_dialog_new (GTK_WINDOW (self), _("The Course Pack Cannot Be Imported"), body);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_widget_add_css_class (dialog, "pn-import-error");

  /* A label of its own: the paths in the message have no spaces, and this
   * one breaks them anywhere. */
  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "pn-diagnostic");
  gtk_widget_add_css_class (label, "card");
  gtk_widget_add_css_class (label, "pn-import-message");
  pn_message_dialog_append (dialog, label);
  g_object_set_data_full (G_OBJECT (dialog), "pn-message", g_strdup (message), g_free);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "copy", _("C_opy Message"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Installing */

typedef struct {
  PnWindow *window;
  AdwToast *toast;
  gulong    handler;
} OpenedToast;

static void
opened_toast_cb (PnPackSession *session,
                 OpenedToast   *opened)
{
  g_signal_handler_disconnect (session, opened->handler);
  pn_window_add_toast (opened->window, g_steal_pointer (&opened->toast));
}

static void
opened_toast_free (gpointer data,
                   GClosure *closure)
{
  OpenedToast *opened = data;

  g_clear_object (&opened->toast);
  g_free (opened);
}

/* Shows @toast (taken) once the pack being opened is shown: after the
 * pack's own « N problems » toast, which would otherwise take its place. */
static void
toast_when_opened (PnWindow *self,
                   AdwToast *toast)
{
  OpenedToast *opened = g_new0 (OpenedToast, 1);

  opened->window = self;
  opened->toast = toast;
  opened->handler = g_signal_connect_data (pn_window_get_session (self), "opened",
                                           G_CALLBACK (opened_toast_cb), opened,
                                           opened_toast_free, G_CONNECT_AFTER);
}

/* What an update did to the notes, the detached ones first (a narrow
 * window's toast shows only the start). */
static char *
updated_title (const char *title,
               guint       placed,
               guint       detached)
{
  g_autofree char *astray = NULL;
  g_autofree char *in_place = NULL;

  if (placed + detached == 0)
    /* Translators: %s is the title of a course pack */
    return g_strdup_printf (_("“%s” updated"), title);

  if (detached == 0)
    /* Translators: after a course pack is updated */
    return g_strdup_printf (ngettext ("Updated: your note is in place", "Updated: your %u notes are in place",
                                      placed), placed);

  /* Translators: notes whose passage is no longer in the updated texts */
  astray = g_strdup_printf (ngettext ("%u note detached", "%u notes detached", detached), detached);
  /* Translators: notes found again in the updated texts, after « 1 note detached, » */
  in_place = g_strdup_printf (ngettext ("%u in place", "%u in place", placed), placed);
  /* Translators: « 1 note detached », then « 3 in place » */
  return g_strdup_printf (_("%s, %s"), astray, in_place);
}

/* The student's notes of the updated @pack (installed), placed again in
 * its texts; the toast says how many were found and how many not. */
static void
pn_window_import_reanchor (PnWindow   *self,
                           PnPack     *pack,
                           const char *title)
{
  PnApplication *app = pn_window_import_app (self);
  PnStore *store = app ? pn_application_get_store (app) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) detached = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  PnAnchoringReport report = { 0 };
  AdwToast *toast;
  guint placed;

  if (store != NULL)
    pn_library_reanchor_pack (store, pack, &report, &detached, &error);
  if (error != NULL)
    {
      /* The notes are kept as they were: the reader places them again as
       * each text is opened. */
      g_message ("Notes not re-anchored after the update: %s", error->message);
      /* Translators: %s says why */
      text = g_strdup_printf (_("Your notes could not be checked against the new texts: %s"),
                              error->message);
      escaped = g_markup_escape_text (text, -1);
      toast_when_opened (self, adw_toast_new (escaped));
      return;
    }

  placed = report.n_position + report.n_exact + report.n_approximate;
  text = updated_title (title, placed, report.n_detached);
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  if (placed + report.n_detached > 0)
    {
      /* Short: a narrow window's toast keeps little room for its title. */
      adw_toast_set_button_label (toast, C_("toast button", "_Notes"));
      adw_toast_set_action_name (toast, "win.show-notes");
      adw_toast_set_timeout (toast, report.n_detached > 0 ? 0 : 10);
    }
  toast_when_opened (self, toast);
}

/* Installs the staged pack of @import and opens it. */
static void
pn_window_import_commit (PnWindow        *self,
                         PnLibraryImport *import)
{
  PnLibraryImportKind kind = pn_library_import_get_kind (import);
  g_autofree char *title = g_strdup (pn_pack_get_title (pn_library_import_get_pack (import)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  folder = pn_library_import_commit (import, kind != PN_LIBRARY_IMPORT_UPDATE, &error);
  if (folder == NULL)
    {
      pn_window_import_show_error (self, pn_library_import_get_file (import), error->message);
      return;
    }

  if (kind == PN_LIBRARY_IMPORT_NEW)
    {
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      /* Translators: %s is the title of a course pack */
      text = g_strdup_printf (_("“%s” added to the library"), title);
      escaped = g_markup_escape_text (text, -1);
      toast_when_opened (self, adw_toast_new (escaped));
    }
  else
    {
      /* The pack as installed (read again there by the commit). */
      pn_window_import_reanchor (self, pn_library_import_get_pack (import), title);
    }

  pn_window_open_pack (self, folder);
  pn_window_import_done (self);
}

static void
update_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PnWindow         *self)
{
  PnLibraryImport *import = g_object_get_data (G_OBJECT (dialog), "pn-import");

  if (g_strcmp0 (response, PN_UPDATE_DIALOG_REPLACE) == 0)
    {
      pn_window_import_commit (self, import);
      return;
    }

  if (g_strcmp0 (response, PN_UPDATE_DIALOG_OPEN) == 0)
    {
      g_autoptr(GFile) installed = g_file_new_for_path (pn_library_import_get_installed (import)->path);

      pn_window_open_pack (self, installed);
    }
  pn_window_import_done (self);
}

/* Asks before replacing an installed pack. The dialog owns @import: closing
 * it (or the window) without replacing drops the staged folder. */
static void
pn_window_import_ask (PnWindow        *self,
                      PnLibraryImport *import)
{
  GtkWidget *dialog = pn_update_dialog_new (GTK_WINDOW (self), import);

  g_object_set_data_full (G_OBJECT (dialog), "pn-import", import,
                          (GDestroyNotify) pn_library_import_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (update_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Preparing, off the main thread */

typedef struct {
  PnLibrary *library;
  GFile     *file;
} PrepareData;

static void
prepare_data_free (gpointer data)
{
  PrepareData *prepare = data;

  g_clear_object (&prepare->library);
  g_clear_object (&prepare->file);
  g_free (prepare);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PrepareData *prepare = task_data;
  GError *error = NULL;
  PnLibraryImport *import = pn_library_prepare_import (prepare->library, prepare->file,
                                                       cancellable, &error);

  if (import != NULL)
    g_task_return_pointer (task, import, (GDestroyNotify) pn_library_import_free);
  else
    g_task_return_error (task, error);
}

static void
prepare_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GApplication) held = user_data;
  PnWindow *self = PN_WINDOW (object);
  PrepareData *prepare = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  PnLibraryImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  /* Safe here: the application cannot quit before this returns, and by
   * then a staged folder nobody will ask about is gone. */
  g_application_release (held);

  end_progress (self);
  /* The window is going (closed while the file was being read). */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || pn_window_import_app (self) == NULL)
    {
      g_clear_pointer (&import, pn_library_import_free);
      return;
    }

  if (import == NULL)
    pn_window_import_show_error (self, prepare->file, error->message);
  else if (pn_library_import_get_kind (import) == PN_LIBRARY_IMPORT_NEW)
    {
      pn_window_import_commit (self, import);
      pn_library_import_free (import);
    }
  else
    pn_window_import_ask (self, import);
}

static void
pn_window_import_next (PnWindow *self)
{
  ImportState *state = import_state (self);
  PnApplication *app = pn_window_import_app (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  PrepareData *prepare;

  if (state->busy || g_queue_is_empty (&state->waiting))
    return;

  file = g_queue_pop_head (&state->waiting);
  if (app == NULL || pn_application_get_library (app) == NULL)
    {
      pn_window_import_show_error (self, file, _("There is no library to add course packs to."));
      return;
    }
  state->busy = TRUE;
  start_progress (self, file);

  prepare = g_new0 (PrepareData, 1);
  prepare->library = g_object_ref (pn_application_get_library (app));
  prepare->file = g_object_ref (file);
  /* The application waits for the worker (quitting meanwhile would leave
   * its staging folder in the library). */
  g_application_hold (G_APPLICATION (app));
  task = g_task_new (self, state->cancellable, prepare_done_cb, g_object_ref (app));
  g_task_set_source_tag (task, pn_window_import_next);
  g_task_set_task_data (task, prepare, prepare_data_free);
  g_task_run_in_thread (task, prepare_thread);
}

void
pn_window_import_file (PnWindow *self,
                       GFile    *file)
{
  g_return_if_fail (PN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_queue_push_tail (&import_state (self)->waiting, g_object_ref (file));
  pn_window_import_next (self);
}

gboolean
pn_window_is_pack_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path != NULL &&
         g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR &&
         pn_pack_archive_is_archive (path);
}

/* The file chooser */

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PnWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          pn_window_import_file (self, file);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

/* Inside Flatpak the native chooser is the portal's: the files chosen are
 * handed to the app, nothing else of the student's folders. */
static void
import_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) packs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Course Pack"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (packs, _("Course Pack Files"));
  gtk_file_filter_add_mime_type (packs, "application/x-prisonnum-pack");
  gtk_file_filter_add_pattern (packs, "*.prisonnum");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), packs);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), packs);

  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  _pn_window_show_notes (PN_WINDOW (widget));
}

/* Dropped files */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PnWindow      *self)
{
  GSList *files = G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST)
                  ? gdk_file_list_get_files (g_value_get_boxed (value)) : NULL;
  guint n_imported = 0;

  for (GSList *l = files; l != NULL; l = l->next)
    if (pn_window_is_pack_file (l->data))
      {
        pn_window_import_file (self, l->data);
        n_imported++;
      }
  g_slist_free (files);

  if (n_imported == 0)
    pn_window_add_toast (self, adw_toast_new (_("Only course pack files (.prisonnum) can be imported")));

  return n_imported > 0;
}

/* A file being read when the window goes: its worker stops early. */
static void
window_destroy_cb (PnWindow *self)
{
  ImportState *state = g_object_get_data (G_OBJECT (self), IMPORT_STATE_KEY);

  if (state != NULL)
    g_cancellable_cancel (state->cancellable);
}

void
_pn_window_class_import_init (PnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import-pack", NULL, import_pack_action);
  gtk_widget_class_install_action (widget_class, "win.show-notes", NULL, show_notes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-pack", NULL);
}

/* Files dropped anywhere on the window; the window's content is outlined
 * while they are over it (style.css). */
void
_pn_window_import_init (PnWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (self, "destroy", G_CALLBACK (window_destroy_cb), NULL);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "pn-drop-target");
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));
}
