/* pn-reader-view-actions.c: the reader.* actions and their keys
 *
 *   reader.zoom-in / zoom-out / zoom-reset      Ctrl++ / Ctrl+- / Ctrl+0 (the window's menu too)
 *   reader.find (s)                             find the text given (empty: stop)
 *   reader.find-next / find-previous / find-clear   (Escape clears the highlight)
 *   reader.go-back / go-forward                 Alt+Left / Alt+Right, mouse buttons 8 and 9
 *   reader.scroll-top / scroll-bottom           Ctrl+Home / Ctrl+End
 *   reader.page-up / page-down
 *   reader.print
 * and find with its index (« 3 of 33 »): WebKit's find controller counts
 * the matches, the page script tells which one is selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pn-reader-view-private.h"

#define FIND_MAX_MATCHES 1000
#define FIND_OPTIONS (WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE | WEBKIT_FIND_OPTIONS_WRAP_AROUND)
#define ZOOM_MIN 0.5
#define ZOOM_MAX 3.0

static const double zoom_steps[] = { 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0 };

/* ---------------------------------------------------------------------------
 * Calls into the page
 * ------------------------------------------------------------------------- */

static void
on_call_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = pn_page_bridge_call_finish (PN_PAGE_BRIDGE (source), result, &error);

  if (reply == NULL)
    g_debug ("The reader page refused a call: %s", error->message);
}

/* Calls a page function, without waiting for its reply. */
void
pn_reader_view_call (PnReaderView *self, const char *method, GVariant *args)
{
  if (self->bridge != NULL && self->page_ready)
    pn_page_bridge_call (self->bridge, method, args, NULL, on_call_done, NULL);
  else if (args != NULL)
    g_variant_unref (g_variant_ref_sink (args));
}

static void
scroll_page (PnReaderView *self, const char *how)
{
  GVariantDict args;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "how", "s", how);
  pn_reader_view_call (self, "scroll", g_variant_dict_end (&args));
}

/* ---------------------------------------------------------------------------
 * Zoom
 * ------------------------------------------------------------------------- */

void
pn_reader_view_set_zoom_level (PnReaderView *self, double zoom)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (!isfinite (zoom))
    return;
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (fabs (zoom - webkit_web_view_get_zoom_level (self->web_view)) < 0.001)
    return;
  /* notify::zoom-level of the web view notifies ours */
  webkit_web_view_set_zoom_level (self->web_view, zoom);
}

double
pn_reader_view_get_zoom_level (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), 1.0);
  return webkit_web_view_get_zoom_level (self->web_view);
}

void
pn_reader_view_zoom_in (PnReaderView *self)
{
  double zoom;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  zoom = pn_reader_view_get_zoom_level (self);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > zoom + 0.001)
      {
        pn_reader_view_set_zoom_level (self, zoom_steps[i]);
        return;
      }
}

void
pn_reader_view_zoom_out (PnReaderView *self)
{
  double zoom;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  zoom = pn_reader_view_get_zoom_level (self);
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - 0.001)
      {
        pn_reader_view_set_zoom_level (self, zoom_steps[i - 1]);
        return;
      }
}

void
pn_reader_view_zoom_reset (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  pn_reader_view_set_zoom_level (self, 1.0);
}

static gboolean
on_scroll_zoom (GtkEventControllerScroll *controller, double dx, double dy, PnReaderView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;
  if (dy < 0)
    pn_reader_view_zoom_in (self);
  else
    pn_reader_view_zoom_out (self);
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Find
 * ------------------------------------------------------------------------- */

static void
emit_find_index (PnReaderView *self)
{
  g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_FIND_INDEX], 0,
                 self->find_index, self->find_count);
}

static void
on_find_index (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(PnReaderView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = pn_page_bridge_call_finish (PN_PAGE_BRIDGE (source), result, &error);

  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        emit_find_index (self);   /* the tracked index */
      return;
    }
  if (self->find_text == NULL)
    return;
  if (JSON_NODE_HOLDS_VALUE (reply) && json_node_get_value_type (reply) == G_TYPE_INT64)
    {
      gint64 index = json_node_get_int (reply);

      if (index > 0 && (self->find_count == 0 || index <= (gint64) self->find_count))
        self->find_index = (guint) index;
    }
  emit_find_index (self);
}

/* The controller found (and selected) a match: ask the page which one. */
static void
on_found_text (WebKitFindController *controller, guint n, PnReaderView *self)
{
  GVariantDict args;

  if (self->find_text == NULL || self->bridge == NULL)
    return;
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  self->find_cancellable = g_cancellable_new ();

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "text", "s", self->find_text);
  pn_page_bridge_call (self->bridge, "findIndex", g_variant_dict_end (&args), self->find_cancellable,
                       on_find_index, g_object_ref (self));
}

static void
on_counted_matches (WebKitFindController *controller, guint n, PnReaderView *self)
{
  self->find_count = n;   /* G_MAXUINT: more than FIND_MAX_MATCHES */
  if (self->find_index > self->find_count)
    self->find_index = self->find_count > 0 ? 1 : 0;
  g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_FIND_MATCHES], 0, n);
  emit_find_index (self);
}

static void
on_failed_to_find (WebKitFindController *controller, PnReaderView *self)
{
  self->find_index = 0;
  emit_find_index (self);
}

void
pn_reader_view_find (PnReaderView *self, const char *text)
{
  WebKitFindController *find;

  g_return_if_fail (PN_IS_READER_VIEW (self));

  find = webkit_web_view_get_find_controller (self->web_view);
  g_free (self->find_text);
  self->find_text = (text && text[0]) ? g_strdup (text) : NULL;
  self->find_index = 0;
  self->find_count = 0;

  if (self->find_text == NULL)
    {
      webkit_find_controller_search_finish (find);
      g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_FIND_MATCHES], 0, 0u);
      emit_find_index (self);
      return;
    }

  self->find_index = 1;
  webkit_find_controller_search (find, self->find_text, FIND_OPTIONS, FIND_MAX_MATCHES);
  webkit_find_controller_count_matches (find, self->find_text, FIND_OPTIONS, FIND_MAX_MATCHES);
  pn_reader_view_actions_update (self);
}

/* The tracked index moves with next and previous (wrapping around); the page
 * corrects it once the match is selected. */
void
pn_reader_view_find_next (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  if (self->find_text == NULL)
    return;
  if (self->find_count > 0)
    self->find_index = self->find_index % self->find_count + 1;
  webkit_find_controller_search_next (webkit_web_view_get_find_controller (self->web_view));
}

void
pn_reader_view_find_previous (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  if (self->find_text == NULL)
    return;
  if (self->find_count > 0)
    self->find_index = self->find_index > 1 ? self->find_index - 1 : self->find_count;
  webkit_find_controller_search_previous (webkit_web_view_get_find_controller (self->web_view));
}

void
pn_reader_view_find_finish (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_clear_pointer (&self->find_text, g_free);
  self->find_index = 0;
  self->find_count = 0;
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
  webkit_find_controller_search_finish (webkit_web_view_get_find_controller (self->web_view));
  pn_reader_view_call (self, "clearFind", NULL);
  pn_reader_view_actions_update (self);
}

guint
pn_reader_view_get_find_index (PnReaderView *self, guint *n_matches)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), 0);
  if (n_matches != NULL)
    *n_matches = self->find_count;
  return self->find_index;
}

/* ---------------------------------------------------------------------------
 * Actions
 * ------------------------------------------------------------------------- */

static void
action_zoom (GtkWidget *widget, const char *name, GVariant *param)
{
  PnReaderView *self = PN_READER_VIEW (widget);

  if (g_str_equal (name, "reader.zoom-in"))
    pn_reader_view_zoom_in (self);
  else if (g_str_equal (name, "reader.zoom-out"))
    pn_reader_view_zoom_out (self);
  else
    pn_reader_view_zoom_reset (self);
}

static void
action_find (GtkWidget *widget, const char *name, GVariant *param)
{
  PnReaderView *self = PN_READER_VIEW (widget);

  if (g_str_equal (name, "reader.find"))
    pn_reader_view_find (self, g_variant_get_string (param, NULL));
  else if (g_str_equal (name, "reader.find-next"))
    pn_reader_view_find_next (self);
  else if (g_str_equal (name, "reader.find-previous"))
    pn_reader_view_find_previous (self);
  else
    {
      /* Escape: the highlight goes; "find-matches" 0 tells the window */
      pn_reader_view_find_finish (self);
      g_signal_emit (self, pn_reader_view_signals[PN_READER_VIEW_SIGNAL_FIND_MATCHES], 0, 0u);
      emit_find_index (self);
    }
}

static void
action_history (GtkWidget *widget, const char *name, GVariant *param)
{
  if (g_str_equal (name, "reader.go-back"))
    pn_reader_view_go_back (PN_READER_VIEW (widget));
  else
    pn_reader_view_go_forward (PN_READER_VIEW (widget));
}

static void
action_scroll (GtkWidget *widget, const char *name, GVariant *param)
{
  scroll_page (PN_READER_VIEW (widget), name + strlen ("reader."));
}

static void
action_print (GtkWidget *widget, const char *name, GVariant *param)
{
  pn_reader_view_print (PN_READER_VIEW (widget));
}

void
pn_reader_view_actions_update (PnReaderView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean shown = self->current_uri != NULL;

  gtk_widget_action_set_enabled (widget, "reader.go-back", self->back->len > 0);
  gtk_widget_action_set_enabled (widget, "reader.go-forward", self->forward->len > 0);
  gtk_widget_action_set_enabled (widget, "reader.find-next", self->find_text != NULL);
  gtk_widget_action_set_enabled (widget, "reader.find-previous", self->find_text != NULL);
  gtk_widget_action_set_enabled (widget, "reader.find-clear", self->find_text != NULL);
  gtk_widget_action_set_enabled (widget, "reader.print", shown);
}

void
pn_reader_view_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reader.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "reader.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "reader.zoom-reset", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "reader.find", "s", action_find);
  gtk_widget_class_install_action (widget_class, "reader.find-next", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "reader.find-previous", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "reader.find-clear", NULL, action_find);
  gtk_widget_class_install_action (widget_class, "reader.go-back", NULL, action_history);
  gtk_widget_class_install_action (widget_class, "reader.go-forward", NULL, action_history);
  gtk_widget_class_install_action (widget_class, "reader.scroll-top", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "reader.scroll-bottom", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "reader.page-up", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "reader.page-down", NULL, action_scroll);
  gtk_widget_class_install_action (widget_class, "reader.print", NULL, action_print);
}

static void
add_shortcut (GtkShortcutController *controller, guint key, GdkModifierType mods, const char *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                                                          gtk_named_action_new (action)));
}

void
pn_reader_view_actions_init (PnReaderView *self)
{
  WebKitFindController *find = webkit_web_view_get_find_controller (self->web_view);
  GtkEventController *scroll;
  GtkEventController *keys;

  g_signal_connect (find, "found-text", G_CALLBACK (on_found_text), self);
  g_signal_connect (find, "counted-matches", G_CALLBACK (on_counted_matches), self);
  g_signal_connect (find, "failed-to-find-text", G_CALLBACK (on_failed_to_find), self);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                            GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_zoom), self);
  gtk_widget_add_controller (GTK_WIDGET (self->web_view), scroll);

  /* Before the web view: it takes every key it gets. Disabled actions let
   * their keys through. */
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Left, GDK_ALT_MASK, "reader.go-back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Right, GDK_ALT_MASK, "reader.go-forward");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Back, 0, "reader.go-back");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Forward, 0, "reader.go-forward");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Home, GDK_CONTROL_MASK, "reader.scroll-top");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_End, GDK_CONTROL_MASK, "reader.scroll-bottom");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, 0, "reader.find-clear");
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  pn_reader_view_actions_update (self);
}
