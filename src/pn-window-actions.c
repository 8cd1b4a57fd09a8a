/* pn-window-actions.c: the window's actions and keyboard shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-problems-window.h"
#include "pn-reader-view-print.h"
#include "pn-sidebar-row.h"
#include "pn-window-private.h"

/* Find */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  _pn_window_find_next (PN_WINDOW (widget), FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _pn_window_find_next (PN_WINDOW (widget), TRUE);
}

/* Zoom (the settings follow the view: see pn_window_bind_settings) */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  pn_reader_view_zoom_in (PN_WINDOW (widget)->reader_view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  pn_reader_view_zoom_out (PN_WINDOW (widget)->reader_view);
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);

  pn_reader_view_zoom_reset (self->reader_view);
  g_settings_reset (self->settings, "zoom-level");
}

/* Print and export */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  pn_reader_view_print (PN_WINDOW (widget)->reader_view);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(PnWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        pn_reader_view_export_pdf (self->reader_view, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);
  PnPack *pack = pn_pack_session_get_pack (self->session);
  const char *doc_id = pn_pack_session_get_document_id (self->session);
  PnDocument *doc = pack && doc_id ? pn_pack_get_document (pack, doc_id) : NULL;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) suggested = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export as PDF"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* In Documents, named after the title, never an existing file. */
  suggested = pn_print_default_pdf_file (doc ? pn_document_get_title (doc) : NULL);
  folder = g_file_get_parent (suggested);
  name = g_file_get_basename (suggested);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The reader wrote the PDF: a toast offers to open it. */
static void
reader_pdf_exported_cb (PnWindow     *self,
                        GFile        *file,
                        PnReaderView *reader)
{
  g_assert (PN_IS_WINDOW (self));

  pn_window_add_toast (self, pn_print_new_exported_toast (GTK_WINDOW (self), file));
}

/* Pages */

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _pn_window_show_sources (PN_WINDOW (widget));
}

/* The header bar's back button on the Sources page: back in the history to
 * the text left for them, or else to the document being read. */
static void
back_to_text_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);
  const char *doc_id = pn_pack_session_get_document_id (self->session);

  if (_pn_window_is_pack_page (pn_reader_view_get_history_page (self->reader_view)) &&
      pn_reader_view_go_back (self->reader_view))
    return;

  if (doc_id != NULL)
    _pn_window_show_document (self, doc_id);
}

/* Alt+Left / Alt+Right where the text does not have the focus (the Sources
 * page): the reader's history holds the window's pages too. */
static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  pn_reader_view_go_back (PN_WINDOW (widget)->reader_view);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  pn_reader_view_go_forward (PN_WINDOW (widget)->reader_view);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);
  PnPack *pack = pn_pack_session_get_pack (self->session);
  GtkWidget *problems;

  problems = pn_problems_window_new (GTK_WINDOW (self),
                                     pack ? pn_pack_get_title (pack) : NULL,
                                     pn_pack_session_get_diagnostics (self->session));
  gtk_window_present (GTK_WINDOW (problems));
}

/* A pack opened with problems: a toast offers their list. */
void
_pn_window_offer_problems (PnWindow *self)
{
  GPtrArray *diagnostics = pn_pack_session_get_diagnostics (self->session);
  AdwToast *toast;
  g_autofree char *title = NULL;
  guint n = diagnostics->len;

  if (n == 0)
    return;

  /* Translators: shown when a course pack was opened with problems */
  title = g_strdup_printf (ngettext ("This course pack has %u problem",
                                     "This course pack has %u problems", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-problems");
  adw_toast_set_timeout (toast, 10);
  pn_window_add_toast (self, toast);
}

/* F6 and Shift+F6: from the sidebar to the header bar to the page shown, and round. */

typedef enum {
  REGION_SIDEBAR,
  REGION_HEADER,
  REGION_CONTENT,
  N_REGIONS
} Region;

static GtkWidget *
pn_window_get_region (PnWindow *self,
                      Region    region)
{
  /* The library has its header bar and its cards. */
  if (_pn_window_in_library (self))
    switch (region)
      {
      case REGION_HEADER:
        return pn_library_page_get_header_bar (self->library_page);
      case REGION_CONTENT:
        return pn_library_page_get_content (self->library_page);
      case REGION_SIDEBAR:
      case N_REGIONS:
      default:
        return NULL;
      }

  switch (region)
    {
    case REGION_SIDEBAR:
      return GTK_WIDGET (self->sidebar_list);
    case REGION_HEADER:
      return GTK_WIDGET (self->header_bar);
    case REGION_CONTENT:
      return gtk_stack_get_visible_child (self->stack);
    case N_REGIONS:
    default:
      g_assert_not_reached ();
    }
}

static int
pn_window_get_focus_region (PnWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return -1;

  for (Region region = 0; region < N_REGIONS; region++)
    {
      GtkWidget *widget = pn_window_get_region (self, region);

      if (widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
        return region;
    }

  return -1;
}

static GtkWidget *
pn_window_get_current_row (PnWindow *self)
{
  GtkWidget *first = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!PN_IS_SIDEBAR_ROW (child))
        continue;
      if (pn_sidebar_row_get_current (PN_SIDEBAR_ROW (child)))
        return child;
      if (first == NULL)
        first = child;
    }

  return first;
}

static gboolean
pn_window_focus_region (PnWindow *self,
                        Region    region)
{
  GtkWidget *widget = pn_window_get_region (self, region);

  if (widget == NULL || !gtk_widget_is_drawable (widget))
    return FALSE;

  switch (region)
    {
    case REGION_SIDEBAR:
      {
        GtkWidget *row = pn_window_get_current_row (self);

        /* The row of the page shown, so that Enter opens nothing new. */
        return row != NULL && adw_flap_get_reveal_flap (self->flap) && gtk_widget_grab_focus (row);
      }
    case REGION_CONTENT:
      if (widget == gtk_widget_get_parent (GTK_WIDGET (self->reader_view)) &&
          gtk_widget_grab_focus (GTK_WIDGET (self->reader_view)))
        return TRUE;
      return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
    case REGION_HEADER:
      return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
    case N_REGIONS:
    default:
      g_assert_not_reached ();
    }
}

static void
pn_window_cycle_focus (PnWindow *self,
                       int       step)
{
  int current = pn_window_get_focus_region (self);

  if (current < 0)
    current = step > 0 ? N_REGIONS - 1 : 0;

  for (int i = 1; i < N_REGIONS; i++)
    {
      Region next = (current + step * i + N_REGIONS) % N_REGIONS;

      if (pn_window_focus_region (self, next))
        return;
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
focus_next_region_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  pn_window_cycle_focus (PN_WINDOW (widget), 1);
}

static void
focus_previous_region_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  pn_window_cycle_focus (PN_WINDOW (widget), -1);
}

void
_pn_window_actions_update (PnWindow *self)
{
  gboolean course = !_pn_window_in_library (self);
  /* In the library the course's actions wait, as its header bar does. */
  PnPack *pack = course ? pn_pack_session_get_pack (self->session) : NULL;
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean reading = pack != NULL && g_strcmp0 (page, "reader") == 0;
  gboolean back;

  g_assert (PN_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-bookmark", course);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.document-note", course);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sources", _pn_window_has_sources (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", pack != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems",
                                 course && pn_pack_session_get_diagnostics (self->session)->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), reading);
  /* From the sources back to the text being read, where it was left. */
  back = pack != NULL && pn_pack_session_get_document_id (self->session) != NULL &&
         _pn_window_is_pack_page (page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-to-text", back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 pack != NULL && pn_reader_view_can_go_back (self->reader_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 pack != NULL && pn_reader_view_can_go_forward (self->reader_view));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), back);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), pack != NULL);
}

void
_pn_window_class_actions_init (PnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, reader_pdf_exported_cb);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-text", NULL, back_to_text_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
  gtk_widget_class_install_action (widget_class, "win.focus-next-region", NULL, focus_next_region_action);
  gtk_widget_class_install_action (widget_class, "win.focus-previous-region", NULL, focus_previous_region_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

/* The mouse's back (8) and forward (9) buttons on the window's pages (the
 * text view takes its own). */
static void
history_button_pressed_cb (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           PnWindow        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  gboolean done = FALSE;

  if (button == 8)
    done = pn_reader_view_go_back (self->reader_view);
  else if (button == 9)
    done = pn_reader_view_go_forward (self->reader_view);

  gtk_gesture_set_state (GTK_GESTURE (gesture), done ? GTK_EVENT_SEQUENCE_CLAIMED : GTK_EVENT_SEQUENCE_DENIED);
}

void
_pn_window_watch_history_buttons (PnWindow  *self,
                                  GtkWidget *page)
{
  GtkGesture *buttons = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (buttons), 0);
  g_signal_connect (buttons, "pressed", G_CALLBACK (history_button_pressed_cb), self);
  gtk_widget_add_controller (page, GTK_EVENT_CONTROLLER (buttons));
}

/* F6 is taken before the focused widget sees it: the text view would keep it. */
void
_pn_window_actions_init (PnWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  _pn_window_watch_history_buttons (self, GTK_WIDGET (self->sources_page));

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                                                          gtk_named_action_new ("win.focus-next-region")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.focus-previous-region")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
