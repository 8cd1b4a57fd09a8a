/* pn-reader-view-navigation.c: where the reader view may go, and back
 *
 * The decide-policy allow-list: the view only navigates to the document it
 * was asked to show (and anchors in it). Other pack links are handled here:
 * doc: links load their document, citations open the Sources page; external
 * links open in the browser on a user's click only; new windows never.
 *
 * The history, as Foliate keeps it: every doc: link, in-page jump (anchors,
 * footnote back-links) and window page (the Sources page, through
 * pn_reader_view_history_push_page()) leaves an entry with the exact
 * position, and Alt+Left / Alt+Right or the mouse's back and forward buttons
 * go through them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pn-pack-uri.h"
#include "pn-reader-view-private.h"

#define MAX_HISTORY 100

gboolean
pn_reader_view_is_external_uri (const char *uri)
{
  g_autofree char *scheme = uri ? g_uri_parse_scheme (uri) : NULL;

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0);
}

/* ---------------------------------------------------------------------------
 * History
 * ------------------------------------------------------------------------- */

void
pn_history_entry_free (gpointer data)
{
  PnHistoryEntry *entry = data;

  g_free (entry->page);
  g_free (entry->doc_id);
  g_free (entry->anchor);
  g_free (entry);
}

static PnHistoryEntry *
entry_here (PnReaderView *self, const char *anchor, double fraction)
{
  PnHistoryEntry *entry = g_new0 (PnHistoryEntry, 1);

  entry->page = g_strdup (self->history_page);
  entry->doc_id = g_strdup (self->doc_id);
  entry->anchor = g_strdup (anchor);
  entry->fraction = fraction;
  return entry;
}

static void
notify_history (PnReaderView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), pn_reader_view_properties[PN_READER_VIEW_PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), pn_reader_view_properties[PN_READER_VIEW_PROP_CAN_GO_FORWARD]);
  pn_reader_view_actions_update (self);
}

static void
push_bounded (GPtrArray *stack, PnHistoryEntry *entry)
{
  if (stack->len >= MAX_HISTORY)
    g_ptr_array_remove_index (stack, 0);
  g_ptr_array_add (stack, entry);
}

/* The place being left (@anchor, @fraction in the current document, or the
 * window page shown) goes into the history; the forward entries are dropped. */
void
pn_reader_view_history_push (PnReaderView *self, const char *anchor, double fraction)
{
  if (self->current_uri == NULL && self->history_page == NULL)
    return;
  push_bounded (self->back, entry_here (self, anchor, fraction));
  g_ptr_array_set_size (self->forward, 0);
  notify_history (self);
}

void
pn_reader_view_history_clear (PnReaderView *self)
{
  g_ptr_array_set_size (self->back, 0);
  g_ptr_array_set_size (self->forward, 0);
  g_clear_pointer (&self->history_page, g_free);
  notify_history (self);
}

static void
go_to_entry (PnReaderView *self, PnHistoryEntry *entry)
{
  g_free (self->history_page);
  self->history_page = g_strdup (entry->page);

  if (entry->page == NULL)
    {
      if (g_strcmp0 (entry->doc_id, self->doc_id) == 0)
        pn_reader_view_set_position (self, entry->anchor, entry->fraction);
      else if (entry->doc_id != NULL)
        pn_reader_view_load_at (self, entry->doc_id, entry->anchor, entry->fraction);
    }
  notify_history (self);
  g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_HISTORY_PAGE], 0, entry->page);
}

static gboolean
step (PnReaderView *self, GPtrArray *from, GPtrArray *to)
{
  PnHistoryEntry *entry;

  if (from->len == 0)
    return FALSE;
  pn_reader_view_popdown_all (self);
  push_bounded (to, entry_here (self, self->last_anchor, self->last_fraction));
  entry = g_ptr_array_steal_index (from, from->len - 1);
  go_to_entry (self, entry);
  pn_history_entry_free (entry);
  return TRUE;
}

gboolean
pn_reader_view_go_back (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  return step (self, self->back, self->forward);
}

gboolean
pn_reader_view_go_forward (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  return step (self, self->forward, self->back);
}

gboolean
pn_reader_view_can_go_back (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  return self->back->len > 0;
}

gboolean
pn_reader_view_can_go_forward (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  return self->forward->len > 0;
}

void
pn_reader_view_history_push_page (PnReaderView *self, const char *page)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (page != NULL);

  if (g_strcmp0 (self->history_page, page) == 0)
    return;
  pn_reader_view_history_push (self, self->last_anchor, self->last_fraction);
  g_free (self->history_page);
  self->history_page = g_strdup (page);
}

void
pn_reader_view_history_leave_page (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (self->history_page == NULL)
    return;
  pn_reader_view_history_push (self, NULL, -1.0);
  g_clear_pointer (&self->history_page, g_free);
}

const char *
pn_reader_view_get_history_page (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->history_page;
}

/* The mouse's back (8) and forward (9) buttons */
static void
on_mouse_button (GtkGestureClick *gesture, int n_press, double x, double y, PnReaderView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  gboolean done = FALSE;

  if (button != 8 && button != 9)
    {
      /* every other button is the page's */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  done = button == 8 ? pn_reader_view_go_back (self) : pn_reader_view_go_forward (self);
  gtk_gesture_set_state (GTK_GESTURE (gesture), done ? GTK_EVENT_SEQUENCE_CLAIMED : GTK_EVENT_SEQUENCE_DENIED);
}

/* ---------------------------------------------------------------------------
 * Refused navigations
 * ------------------------------------------------------------------------- */

static void
follow_document_link (PnReaderView *self, const char *target, const char *fragment)
{
  g_autofree char *doc_id = g_strdup (target);
  g_autofree char *anchor = g_strdup (fragment);

  /* links.js sent the exact position just before the click went on */
  pn_reader_view_history_push (self, self->last_anchor, self->last_fraction);
  pn_reader_view_load_at (self, doc_id, anchor, -1.0);
  g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_DOCUMENT_ACTIVATED], 0, doc_id, anchor);
}

/* A link to the pack being read (a document, a source, a glossary entry)
 * followed as a click in the text follows it. */
static gboolean
follow_pack_link (PnReaderView *self, const PnPackUri *uri)
{
  PnPack *pack = pn_reader_view_get_pack (self);

  if (pack == NULL || g_strcmp0 (uri->pack_id, pn_pack_get_id (pack)) != 0)
    return FALSE;
  switch (uri->route)
    {
    case PN_ROUTE_PACK_DOCUMENT:
      if (pn_pack_get_document (pack, uri->id) == NULL)
        return FALSE;
      follow_document_link (self, uri->id, uri->fragment);
      return TRUE;
    case PN_ROUTE_PACK_SOURCE:
      if (pn_pack_get_source (pack, uri->id) == NULL)
        return FALSE;
      g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_SOURCE_ACTIVATED], 0, uri->id);
      return TRUE;
    case PN_ROUTE_PACK_GLOSSARY:
      if (pn_pack_get_glossary (pack) == NULL ||
          pn_glossary_lookup (pn_pack_get_glossary (pack), uri->id) == NULL)
        return FALSE;
      g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_GLOSSARY_ACTIVATED], 0, uri->id);
      return TRUE;
    case PN_ROUTE_APP_RESOURCE:
    case PN_ROUTE_PACK_MEDIA:
    default:
      return FALSE;
    }
}

gboolean
pn_reader_view_activate_pack_link (PnReaderView *self,
                                   const char   *uri_string)
{
  g_autoptr(PnPackUri) uri = NULL;

  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  g_return_val_if_fail (uri_string != NULL, FALSE);

  uri = pn_pack_uri_parse (uri_string, NULL);
  return uri != NULL && follow_pack_link (self, uri);
}

static void
handle_refused_navigation (PnReaderView *self, const char *uri_string, WebKitNavigationType type,
                           gboolean user_gesture, gboolean new_window)
{
  g_autoptr(PnPackUri) uri = NULL;

  /* New windows are never opened, not even in the browser. */
  if (new_window)
    {
      g_debug ("Refused a new window for %s", uri_string);
      return;
    }

  uri = pn_pack_uri_parse (uri_string, NULL);
  if (uri != NULL)
    {
      /* The text's glossary terms are followed by their page message, not as links. */
      if (type != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED || uri->route == PN_ROUTE_PACK_GLOSSARY ||
          !follow_pack_link (self, uri))
        g_debug ("Refused navigation to %s", uri_string);
      return;
    }

  if (type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED && user_gesture && pn_reader_view_is_external_uri (uri_string))
    {
      gboolean handled = FALSE;

      g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_EXTERNAL_LINK_ACTIVATED], 0,
                     uri_string, &handled);
      return;
    }

  g_debug ("Refused navigation to %s", uri_string);
}

static gboolean
navigation_allowed (PnReaderView *self, const char *uri, WebKitNavigationType type)
{
  g_autofree char *base = NULL;

  /* The warm-up page, only until a real page is loaded. */
  if (g_strcmp0 (uri, PN_SCHEME_HANDLER_BLANK_URI) == 0)
    return self->warming && type == WEBKIT_NAVIGATION_TYPE_OTHER;
  if (self->current_uri == NULL)
    return FALSE;
  base = pn_pack_uri_strip_fragment (uri);
  if (g_strcmp0 (base, self->current_uri) != 0)
    return FALSE;

  switch (type)
    {
    case WEBKIT_NAVIGATION_TYPE_OTHER:
    case WEBKIT_NAVIGATION_TYPE_RELOAD:
    case WEBKIT_NAVIGATION_TYPE_LINK_CLICKED:
    case WEBKIT_NAVIGATION_TYPE_BACK_FORWARD:
      return TRUE;
    case WEBKIT_NAVIGATION_TYPE_FORM_SUBMITTED:
    case WEBKIT_NAVIGATION_TYPE_FORM_RESUBMITTED:
    default:
      return FALSE;
    }
}

static gboolean
on_decide_policy (WebKitWebView *web_view, WebKitPolicyDecision *decision,
                  WebKitPolicyDecisionType decision_type, PnReaderView *self)
{
  switch (decision_type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      {
        WebKitNavigationAction *action =
          webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
        g_autofree char *uri = g_strdup (webkit_uri_request_get_uri (webkit_navigation_action_get_request (action)));
        WebKitNavigationType type = webkit_navigation_action_get_navigation_type (action);
        gboolean gesture = webkit_navigation_action_is_user_gesture (action);
        gboolean new_window = decision_type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION;

        if (!new_window && uri != NULL && navigation_allowed (self, uri, type))
          {
            webkit_policy_decision_use (decision);
            return TRUE;
          }
        webkit_policy_decision_ignore (decision);
        if (uri != NULL)
          handle_refused_navigation (self, uri, type, gesture, new_window);
        return TRUE;
      }

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      /* Nothing is ever downloaded. */
      if (webkit_response_policy_decision_is_mime_type_supported (WEBKIT_RESPONSE_POLICY_DECISION (decision)))
        webkit_policy_decision_use (decision);
      else
        webkit_policy_decision_ignore (decision);
      return TRUE;

    default:
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }
}

/* ---------------------------------------------------------------------------
 * External links and leaving the page
 * ------------------------------------------------------------------------- */

static void
on_show_uri_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnReaderView) self = user_data;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the link: %s"), error->message);
      g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_PROBLEM], 0, message);
    }
}

gboolean
pn_reader_view_real_external_link_activated (PnReaderView *self, const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!GTK_IS_WINDOW (root) || !pn_reader_view_is_external_uri (uri))
    return FALSE;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri_full (GTK_WINDOW (root), uri, GDK_CURRENT_TIME, NULL,
                     on_show_uri_done, g_object_ref (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  return TRUE;
}

/* Tab went past the page's last link (or Shift+Tab before its first): the
 * focus goes on along the window's chain, as if the text were one widget:
 * to the first focusable thing after the view (before it, going backwards),
 * in the widget tree's order, wrapping around at the window's ends. */
void
pn_reader_view_real_focus_leave (PnReaderView *self, GtkDirectionType direction)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean forward = direction != GTK_DIR_TAB_BACKWARD;

  if (root == NULL)
    return;

  for (GtkWidget *w = GTK_WIDGET (self); w != NULL && w != GTK_WIDGET (root); w = gtk_widget_get_parent (w))
    for (GtkWidget *s = forward ? gtk_widget_get_next_sibling (w) : gtk_widget_get_prev_sibling (w);
         s != NULL;
         s = forward ? gtk_widget_get_next_sibling (s) : gtk_widget_get_prev_sibling (s))
      if (gtk_widget_get_mapped (s) && !GTK_IS_NATIVE (s) && gtk_widget_child_focus (s, direction))
        return;

  /* Nothing after the text: round to the window's first (last) widget. */
  gtk_root_set_focus (root, NULL);
  gtk_widget_child_focus (GTK_WIDGET (root), direction);
}

/* ---------------------------------------------------------------------------
 * What else the page may ask for: nothing (no permission, window, dialog,
 * file chooser, notification, full screen, print); a context menu of Copy and
 * Select All; the address of an external link under the pointer
 * ------------------------------------------------------------------------- */

static gboolean
on_permission_request (WebKitWebView *web_view, WebKitPermissionRequest *request, gpointer user_data)
{
  webkit_permission_request_deny (request);
  return TRUE;
}

static gboolean
on_refuse (WebKitWebView *web_view, gpointer user_data)
{
  return TRUE;   /* handled: nothing happens */
}

static GtkWidget *
on_create (WebKitWebView *web_view, WebKitNavigationAction *action, gpointer user_data)
{
  return NULL;
}

static gboolean
on_context_menu (WebKitWebView *web_view, WebKitContextMenu *menu,
                 WebKitHitTestResult *hit, gpointer user_data)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));
  gboolean external = webkit_hit_test_result_context_is_link (hit) &&
                      pn_reader_view_is_external_uri (webkit_hit_test_result_get_link_uri (hit));
  guint kept = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (item);

      if (action == WEBKIT_CONTEXT_MENU_ACTION_COPY ||
          action == WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL ||
          (external && action == WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD))
        kept++;
      else
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);

  pn_reader_view_glossary_context_menu (PN_READER_VIEW (user_data), menu, hit);
  pn_reader_view_annotations_context_menu (PN_READER_VIEW (user_data), menu, hit);
  kept += webkit_context_menu_get_n_items (menu) > kept;

  return kept == 0;   /* TRUE: no menu at all */
}

static void
on_mouse_target_changed (WebKitWebView *web_view, WebKitHitTestResult *hit,
                         guint modifiers, PnReaderView *self)
{
  const char *uri = webkit_hit_test_result_context_is_link (hit)
                      ? webkit_hit_test_result_get_link_uri (hit) : NULL;

  if (uri != NULL && pn_reader_view_is_external_uri (uri))
    {
      gtk_label_set_text (GTK_LABEL (self->hover_label), uri);
      gtk_widget_set_visible (self->hover_revealer, TRUE);
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->hover_revealer), TRUE);
    }
  else
    gtk_revealer_set_reveal_child (GTK_REVEALER (self->hover_revealer), FALSE);
}

/* Hidden once faded out: an empty label left in the accessibility tree is
 * read as « GtkLabel ». */
static void
on_hover_child_revealed (GtkRevealer *revealer, GParamSpec *pspec, gpointer data)
{
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
build_hover_bar (PnReaderView *self)
{
  GtkWidget *bar;

  /* The address of the external link under the pointer, as browsers show it. */
  self->hover_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->hover_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->hover_label), 80);
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (bar, "osd");
  gtk_widget_add_css_class (bar, "toolbar");
  gtk_box_append (GTK_BOX (bar), self->hover_label);
  self->hover_revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->hover_revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_CROSSFADE);
  gtk_revealer_set_child (GTK_REVEALER (self->hover_revealer), bar);
  gtk_widget_set_halign (self->hover_revealer, GTK_ALIGN_START);
  gtk_widget_set_valign (self->hover_revealer, GTK_ALIGN_END);
  gtk_widget_set_margin_start (self->hover_revealer, 6);
  gtk_widget_set_margin_bottom (self->hover_revealer, 6);
  gtk_widget_set_can_target (self->hover_revealer, FALSE);
  gtk_widget_set_visible (self->hover_revealer, FALSE);
  g_signal_connect (self->hover_revealer, "notify::child-revealed",
                    G_CALLBACK (on_hover_child_revealed), NULL);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->hover_revealer);
}

void
pn_reader_view_navigation_init (PnReaderView *self)
{
  GtkGesture *buttons = gtk_gesture_click_new ();

  self->back = g_ptr_array_new_with_free_func (pn_history_entry_free);
  self->forward = g_ptr_array_new_with_free_func (pn_history_entry_free);

  g_signal_connect (self->web_view, "decide-policy", G_CALLBACK (on_decide_policy), self);
  g_signal_connect (self->web_view, "permission-request", G_CALLBACK (on_permission_request), NULL);
  g_signal_connect (self->web_view, "create", G_CALLBACK (on_create), NULL);
  g_signal_connect (self->web_view, "context-menu", G_CALLBACK (on_context_menu), self);
  g_signal_connect (self->web_view, "mouse-target-changed", G_CALLBACK (on_mouse_target_changed), self);
  g_signal_connect (self->web_view, "run-file-chooser", G_CALLBACK (on_refuse), NULL);
  g_signal_connect (self->web_view, "show-notification", G_CALLBACK (on_refuse), NULL);
  g_signal_connect (self->web_view, "enter-fullscreen", G_CALLBACK (on_refuse), NULL);
  g_signal_connect (self->web_view, "print", G_CALLBACK (on_refuse), NULL);
  g_signal_connect (self->web_view, "script-dialog", G_CALLBACK (on_refuse), NULL);
  build_hover_bar (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (buttons), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (buttons), GTK_PHASE_CAPTURE);
  g_signal_connect (buttons, "pressed", G_CALLBACK (on_mouse_button), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (buttons));
}
