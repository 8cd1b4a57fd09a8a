/* pn-window-library.c: the window's library page (the packs installed), and
 * removing a pack with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-application.h"
#include "pn-message-dialog.h"
#include "pn-store-packs.h"
#include "pn-window-private.h"

/* How long « “Title” removed » waits for Undo before the pack goes for good. */
#define REMOVED_TOAST_TIMEOUT_S 8

static PnLibrary *
pn_window_library (PnWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return PN_IS_APPLICATION (app) ? pn_application_get_library (PN_APPLICATION (app)) : NULL;
}

static PnStore *
pn_window_store (PnWindow *self)
{
  return pn_pack_session_get_store (self->session);
}

/* The page shows the app's library from the first time it is needed. */
static void
pn_window_library_ensure (PnWindow *self)
{
  PnLibrary *library;

  if (self->library_set)
    return;

  library = pn_window_library (self);
  if (library == NULL)
    return;

  self->library_set = TRUE;
  pn_library_page_set_library (self->library_page, library, pn_window_store (self));
}

gboolean
_pn_window_in_library (PnWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "library") == 0;
}

void
_pn_window_show_course (PnWindow *self)
{
  if (!_pn_window_in_library (self))
    return;

  gtk_stack_set_visible_child_full (self->main_stack, "course",
                                    self->opening ? GTK_STACK_TRANSITION_TYPE_NONE
                                                  : GTK_STACK_TRANSITION_TYPE_CROSSFADE);
}

void
pn_window_show_library (PnWindow *self)
{
  PnReadingPosition *position;
  PnPack *pack;

  g_return_if_fail (PN_IS_WINDOW (self));

  /* The figures count the place just left in the text. */
  position = pn_pack_session_get_position (self->session);
  if (position != NULL)
    pn_reading_position_flush (position);

  pn_window_library_ensure (self);
  pn_library_page_refresh (self->library_page);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_stack_set_visible_child_full (self->main_stack, "library",
                                    gtk_widget_get_mapped (GTK_WIDGET (self))
                                    ? GTK_STACK_TRANSITION_TYPE_CROSSFADE
                                    : GTK_STACK_TRANSITION_TYPE_NONE);

  /* The keyboard on the pack being read, where the student left it. */
  pack = pn_pack_session_get_pack (self->session);
  pn_library_page_focus_card (self->library_page, pack ? pn_pack_get_id (pack) : NULL);
}

static void
library_pack_activated_cb (PnWindow      *self,
                           const char    *pack_id,
                           const char    *path,
                           PnLibraryPage *page)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);
  g_autoptr(GFile) location = g_file_new_for_path (path);

  g_assert (PN_IS_WINDOW (self));

  /* The pack being read: back to it as it was left. */
  if (pack != NULL && !self->pack_removed && g_strcmp0 (pn_pack_get_id (pack), pack_id) == 0 &&
      g_file_equal (pn_pack_get_root (pack), location) && !pn_pack_session_get_loading (self->session))
    {
      _pn_window_show_course (self);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "reader") == 0)
        gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
      return;
    }

  /* The window shows the course once it is open (or the loading page). */
  pn_window_open_pack (self, location);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  pn_window_show_library (PN_WINDOW (widget));
}

/* Removing a pack: moved aside at once, gone for good (and the student's
 * notes with it, if asked) once the toast goes without Undo, or when the
 * window closes. */

typedef struct {
  PnLibrary *library;
  PnStore   *store;
  char      *pack_id;
  char      *token;
  gboolean   forget;  /* the student's data of the pack goes too */
  gboolean   settled;
} Removal;

static void
removal_clear (Removal *removal)
{
  g_clear_object (&removal->library);
  g_clear_object (&removal->store);
  g_free (removal->pack_id);
  g_free (removal->token);
}

static Removal *
removal_ref (Removal *removal)
{
  return g_atomic_rc_box_acquire (removal);
}

static void
removal_unref (gpointer removal)
{
  g_atomic_rc_box_release_full (removal, (GDestroyNotify) removal_clear);
}

static void
removal_closure_unref (gpointer  removal,
                       GClosure *closure)
{
  removal_unref (removal);
}

static void
removal_finish (Removal *removal)
{
  g_autoptr(GError) error = NULL;

  if (removal->settled)
    return;
  removal->settled = TRUE;

  pn_library_purge (removal->library, removal->token);
  if (removal->forget && removal->store != NULL &&
      !pn_store_forget_pack (removal->store, removal->pack_id, &error))
    g_warning ("Could not delete the notes of %s: %s", removal->pack_id, error->message);
}

static void
removed_toast_undo_cb (AdwToast *toast,
                       Removal  *removal)
{
  g_autoptr(GError) error = NULL;

  if (removal->settled)
    return;
  removal->settled = TRUE;

  if (!pn_library_restore (removal->library, removal->token, &error))
    g_warning ("Could not put back %s: %s", removal->pack_id, error->message);
}

static void
removed_toast_dismissed_cb (AdwToast *toast,
                            Removal  *removal)
{
  removal_finish (removal);
}

/* The pending removals are settled when the window closes. */
void
_pn_window_library_finish (PnWindow *self)
{
  if (self->removals == NULL)
    return;

  for (guint i = 0; i < self->removals->len; i++)
    removal_finish (g_ptr_array_index (self->removals, i));
  g_ptr_array_set_size (self->removals, 0);
}

static void
pn_window_remove_pack (PnWindow   *self,
                       const char *pack_id,
                       const char *title,
                       gboolean    forget)
{
  PnLibrary *library = pn_window_library (self);
  PnPack *open = pn_pack_session_get_pack (self->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *message = NULL;
  Removal *removal;
  AdwToast *toast;

  token = pn_library_remove (library, pack_id, &error);
  if (token == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      pn_window_add_toast (self, adw_toast_new (escaped));
      return;
    }

  removal = g_atomic_rc_box_new0 (Removal);
  removal->library = g_object_ref (library);
  removal->store = pn_window_store (self) ? g_object_ref (pn_window_store (self)) : NULL;
  removal->pack_id = g_strdup (pack_id);
  removal->token = g_steal_pointer (&token);
  removal->forget = forget;
  if (self->removals == NULL)
    self->removals = g_ptr_array_new_with_free_func (removal_unref);
  g_ptr_array_add (self->removals, removal);

  /* Translators: a toast once a course pack is taken out of the library, with Undo */
  message = g_markup_printf_escaped (_("“%s” removed"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, REMOVED_TOAST_TIMEOUT_S);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (removed_toast_undo_cb),
                         removal_ref (removal), removal_closure_unref, 0);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (removed_toast_dismissed_cb),
                         removal_ref (removal), removal_closure_unref, 0);
  pn_window_add_toast (self, toast);

  /* The pack being read is gone from under the course. */
  if (open != NULL && g_strcmp0 (pn_pack_get_id (open), pack_id) == 0)
    {
      self->pack_removed = TRUE;
      if (!_pn_window_in_library (self))
        pn_window_show_library (self);
    }
}

typedef struct {
  PnWindow *window;
  char     *pack_id;
  char     *title;
} RemoveAsk;

static void
remove_ask_free (gpointer data,
                 GClosure *closure)
{
  RemoveAsk *ask = data;

  g_object_unref (ask->window);
  g_free (ask->pack_id);
  g_free (ask->title);
  g_free (ask);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RemoveAsk        *ask)
{
  if (g_str_equal (response, "keep") || g_str_equal (response, "delete"))
    pn_window_remove_pack (ask->window, ask->pack_id, ask->title, g_str_equal (response, "delete"));
}

static void
remove_pack_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);
  PnLibrary *library = pn_window_library (self);
  g_autoptr(PnLibraryPack) pack = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  RemoveAsk *ask;

  pack = library ? pn_library_lookup (library, g_variant_get_string (param, NULL)) : NULL;
  if (pack == NULL || pack->bundled)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* Translators: the heading of the dialog asking before a course pack is removed */
  heading = g_strdup_printf (_("Remove “%s”?"), pack->title);
  dialog = pn_message_dialog_new (GTK_WINDOW (self), heading,
                                  _("The course pack leaves your library. Your notes, highlights, "
                                    "flashcards and quiz results in it can be kept, for when you "
                                    "import it again, or deleted with it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Notes"),
                                    "keep", _("_Keep Notes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  ask = g_new0 (RemoveAsk, 1);
  ask->window = g_object_ref (self);
  ask->pack_id = g_strdup (pack->id);
  ask->title = g_strdup (pack->title);
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb), ask, remove_ask_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pn_window_class_library_init (PnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (PN_TYPE_LIBRARY_PAGE);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, library_page);
  gtk_widget_class_bind_template_callback (widget_class, library_pack_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_install_action (widget_class, "win.remove-pack", "s", remove_pack_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.show-library", NULL);
}
