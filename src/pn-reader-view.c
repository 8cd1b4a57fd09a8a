/* pn-reader-view.c: the text view (WebKitGTK), locked down for untrusted packs
 *
 * Pack content is untrusted. The defences, from the outside in:
 *  1. the model renders Markdown in safe mode (no raw HTML, no dangerous links);
 *  2. page scripts are off (enable-javascript-markup = FALSE); the app's own
 *     scripts run in a private script world the page cannot reach
 *     (pn-web-shell.c);
 *  3. a default Content-Security-Policy (construct-only, also sent as a header)
 *     allows only prisonnum: styles, images and fonts and no scripts;
 *  4. a content filter blocks every http(s), ws(s), ftp and file load;
 *  5. a decide-policy allow-list: the view only navigates to the document it
 *     was asked to show (pn-reader-view-navigation.c);
 *  6. the prisonnum: scheme handler answers only the routes it knows
 *     (pn-scheme-handler.c, routes parsed by pn-pack-uri.c);
 *  7. every message from the page is validated in the model
 *     (pn-page-message.c) before the view acts on it;
 *  8. one web context and one ephemeral network session for the app, and
 *     WebKit's own sandbox around the web process.
 *
 * This file: the widget, loading, the page's messages and the popovers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pn-pack-uri.h"
#include "pn-reader-view-private.h"
#include "pn-render.h"
#include "pn-web-shell.h"

G_DEFINE_FINAL_TYPE (PnReaderView, pn_reader_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (PnFontFamily, pn_font_family,
  G_DEFINE_ENUM_VALUE (PN_FONT_FAMILY_SERIF, "serif"),
  G_DEFINE_ENUM_VALUE (PN_FONT_FAMILY_SANS, "sans"))

GParamSpec *pn_reader_view_properties[PN_READER_VIEW_N_PROPS];
guint pn_reader_view_signals[PN_READER_VIEW_N_SIGNALS];

#define properties pn_reader_view_properties
#define signals pn_reader_view_signals

static void start_load (PnReaderView *self);

/* ---------------------------------------------------------------------------
 * Messages from the page (validated by pn_page_message_parse)
 * ------------------------------------------------------------------------- */

static void
apply_position (PnReaderView *self, const char *anchor, double fraction)
{
  GVariantDict args;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "anchor", "s", anchor ? anchor : "");
  g_variant_dict_insert (&args, "fraction", "d", fraction);
  pn_reader_view_call (self, "applyPosition", g_variant_dict_end (&args));
}

static void
maybe_emit_loaded (PnReaderView *self)
{
  if (!self->load_finished || !self->page_ready)
    return;

  if (self->has_pending_position)
    {
      self->has_pending_position = FALSE;
      apply_position (self, self->pending_anchor, self->pending_fraction);
      g_clear_pointer (&self->pending_anchor, g_free);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_LOADING]);
  g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_DOCUMENT_LOADED], 0);
}

static void
update_progress (PnReaderView *self, guint words_left)
{
  self->words_left = MIN (words_left, self->total_words);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_MINUTES_LEFT]);
  g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_PROGRESS_CHANGED], 0,
                 pn_reader_view_get_progress (self), pn_reader_view_get_minutes_left (self));
}

static void
handle_ready (PnReaderView *self, const PnPageMessage *message)
{
  if (g_strcmp0 (message->href, self->current_uri) != 0)
    return;   /* a stale page, or not ours */

  g_free (self->title);
  self->title = g_strdup (message->title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_TITLE]);

  /* Never the previous document's title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title ? self->title : _("Document text"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Document text"),
                                  -1);

  self->total_words = message->words;
  self->page_ready = TRUE;
  update_progress (self, message->words);
  maybe_emit_loaded (self);
}

static void
handle_position (PnReaderView *self, const PnPageMessage *message)
{
  g_free (self->last_anchor);
  self->last_anchor = g_strdup (message->anchor);
  self->last_fraction = message->fraction;

  g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_POSITION_CHANGED], 0, message->anchor, message->fraction);
  update_progress (self, message->words);
}

static void
on_page_message (PnPageBridge *bridge, const PnPageMessage *message, PnReaderView *self)
{
  gboolean handled = FALSE;

  if (self->current_uri == NULL)
    return;

  switch (message->type)
    {
    case PN_PAGE_MESSAGE_READY:
      handle_ready (self, message);
      break;
    case PN_PAGE_MESSAGE_POSITION:
      handle_position (self, message);
      break;
    case PN_PAGE_MESSAGE_FOOTNOTE:
      pn_reader_view_show_footnote (self, message);
      break;
    case PN_PAGE_MESSAGE_CITATION:
      pn_reader_view_show_citation (self, message);
      break;
    case PN_PAGE_MESSAGE_EXTERNAL:
      /* A user's click (the script checks the event is trusted; the page
       * cannot reach this handler). */
      if (pn_reader_view_is_external_uri (message->href))
        g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_EXTERNAL_LINK_ACTIVATED], 0, message->href, &handled);
      break;
    case PN_PAGE_MESSAGE_JUMP:
      pn_reader_view_history_push (self, message->anchor, message->fraction);
      break;
    case PN_PAGE_MESSAGE_FOCUS_LEAVE:
      g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_FOCUS_LEAVE], 0,
                     message->forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD);
      break;
    case PN_PAGE_MESSAGE_GLOSSARY:
      pn_reader_view_show_term (self, message);
      break;
    case PN_PAGE_MESSAGE_SELECTION:
      pn_reader_view_show_selection (self, message);
      break;
    case PN_PAGE_MESSAGE_ANNOTATION:
    case PN_PAGE_MESSAGE_TEACHER_NOTE:
      pn_reader_view_annotation_activated (self, message);
      break;
    case PN_PAGE_MESSAGE_N_TYPES:
    default:
      break;
    }
}

/* ---------------------------------------------------------------------------
 * Web view signals
 * ------------------------------------------------------------------------- */

static void
on_load_changed (WebKitWebView *web_view, WebKitLoadEvent event, PnReaderView *self)
{
  const char *uri = webkit_web_view_get_uri (web_view);
  g_autofree char *base = uri ? pn_pack_uri_strip_fragment (uri) : NULL;

  if (event != WEBKIT_LOAD_FINISHED || g_strcmp0 (base, self->current_uri) != 0)
    return;
  self->load_finished = TRUE;
  maybe_emit_loaded (self);
}

static gboolean
on_load_failed (WebKitWebView *web_view, WebKitLoadEvent event, const char *failing_uri,
                GError *error, PnReaderView *self)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED) ||
      g_error_matches (error, WEBKIT_POLICY_ERROR, WEBKIT_POLICY_ERROR_FRAME_LOAD_INTERRUPTED_BY_POLICY_CHANGE))
    return FALSE;

  message = g_strdup_printf (_("Could not show the document: %s"), error->message);
  g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_PROBLEM], 0, message);
  return FALSE;
}

static void
on_web_process_terminated (WebKitWebView *web_view, WebKitWebProcessTerminationReason reason,
                           PnReaderView *self)
{
  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API || self->current_uri == NULL)
    return;

  if (self->reloads >= PN_READER_VIEW_MAX_RELOADS)
    {
      g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_PROBLEM], 0,
                     _("The text view stopped working. Try opening the document again."));
      return;
    }
  self->reloads++;
  g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_PROBLEM], 0,
                 _("The text view stopped unexpectedly and was reloaded."));
  if (!self->has_pending_position)
    pn_reader_view_set_position (self, self->last_anchor, self->last_fraction);
  start_load (self);
}

static void
on_zoom_notify (WebKitWebView *web_view, GParamSpec *pspec, PnReaderView *self)
{
  pn_reader_view_popdown_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_ZOOM_LEVEL]);
}

static void
on_dark_changed (AdwStyleManager *manager, GParamSpec *pspec, PnReaderView *self)
{
  gboolean dark = adw_style_manager_get_dark (manager);

  if (dark == self->dark)
    return;
  self->dark = dark;
  pn_reader_view_style_update (self);
}

/* ---------------------------------------------------------------------------
 * Loading
 * ------------------------------------------------------------------------- */

static void
reset_page_state (PnReaderView *self)
{
  self->load_finished = FALSE;
  self->page_ready = FALSE;
  pn_reader_view_popdown_all (self);
  pn_reader_view_find_finish (self);
}

static void
on_shell_ready (PnWebShell *shell, PnReaderView *self)
{
  if (self->load_waiting)
    {
      self->load_waiting = FALSE;
      start_load (self);
    }
}

static void
start_load (PnReaderView *self)
{
  const char *shown;

  if (self->current_uri == NULL)
    return;

  /* Nothing from a pack loads before the content filter is in place. */
  if (!pn_web_shell_is_ready (pn_web_shell_get_default ()))
    {
      self->load_waiting = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_LOADING]);
      return;
    }

  reset_page_state (self);
  self->warming = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_LOADING]);

  shown = webkit_web_view_get_uri (self->web_view);
  if (shown != NULL && g_strcmp0 (shown, self->current_uri) == 0)
    webkit_web_view_reload (self->web_view);
  else
    webkit_web_view_load_uri (self->web_view, self->current_uri);
}

static void
set_current_uri (PnReaderView *self, const char *uri)
{
  if (g_strcmp0 (self->current_uri, uri) != 0)
    {
      g_free (self->current_uri);
      self->current_uri = g_strdup (uri);
      self->reloads = 0;
      self->total_words = self->words_left = 0;
      g_clear_pointer (&self->title, g_free);
      g_clear_pointer (&self->last_anchor, g_free);
      self->last_fraction = 0.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_TITLE]);
    }
}

static void load_document (PnReaderView *self, const char *doc_id, gboolean record);

/* Loads @doc_id at a place, without a history entry (the caller made it). */
void
pn_reader_view_load_at (PnReaderView *self, const char *doc_id, const char *anchor, double fraction)
{
  load_document (self, doc_id, FALSE);
  if ((anchor != NULL || fraction >= 0) && g_strcmp0 (self->doc_id, doc_id) == 0)
    pn_reader_view_set_position (self, anchor, fraction);
}

/* ---------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------- */

static void
pn_reader_view_init (PnReaderView *self)
{
  static const char * const pack_pages[] = { "prisonnum://pack/*", NULL };
  PnWebShell *shell = pn_web_shell_get_default ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->font_size = 19;
  self->font_family = PN_FONT_FAMILY_SERIF;
  self->line_spacing = 1.55;
  self->dark = adw_style_manager_get_dark (style);

  self->content_manager = pn_web_shell_new_content_manager (shell);
  pn_web_shell_add_page_scripts (shell, self->content_manager, pack_pages);
  self->web_view = pn_web_shell_new_web_view (shell, self->content_manager);
  self->scheme = pn_scheme_handler_new ();
  pn_scheme_handler_attach (self->scheme, self->web_view);
  self->bridge = pn_page_bridge_new (self->web_view, self->content_manager);
  g_signal_connect (self->bridge, "message", G_CALLBACK (on_page_message), self);
  g_signal_connect_object (shell, "ready", G_CALLBACK (on_shell_ready), self, 0);

  /* Start the web process now, while the window is built, the pack read and
   * the content filter made ready. */
  self->warming = TRUE;
  webkit_web_view_load_uri (self->web_view, PN_SCHEME_HANDLER_BLANK_URI);
  gtk_widget_set_hexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document text"),
                                  -1);

  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->web_view));
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  g_signal_connect (self->web_view, "load-changed", G_CALLBACK (on_load_changed), self);
  g_signal_connect (self->web_view, "load-failed", G_CALLBACK (on_load_failed), self);
  g_signal_connect (self->web_view, "web-process-terminated", G_CALLBACK (on_web_process_terminated), self);
  g_signal_connect (self->web_view, "notify::zoom-level", G_CALLBACK (on_zoom_notify), self);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (on_dark_changed), self, 0);

  pn_reader_view_navigation_init (self);
  pn_reader_view_actions_init (self);
  pn_reader_view_glossary_init (self);
  pn_reader_view_annotations_init (self);
  pn_reader_view_style_update (self);
}

static void
pn_reader_view_dispose (GObject *object)
{
  PnReaderView *self = PN_READER_VIEW (object);

  if (self->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      g_signal_handlers_disconnect_by_data (webkit_web_view_get_find_controller (self->web_view), self);
      self->web_view = NULL;
    }
  if (self->bridge != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->bridge, self);
      pn_page_bridge_close (self->bridge);
      g_clear_object (&self->bridge);
    }
  if (self->scheme != NULL)
    {
      pn_scheme_handler_detach (self->scheme);
      g_clear_object (&self->scheme);
    }
  g_clear_object (&self->content_manager);
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);

  if (self->footnote_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->footnote_popover)));
  if (self->citation_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->citation_popover)));
  pn_reader_view_glossary_dispose (self);
  pn_reader_view_annotations_dispose (self);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (pn_reader_view_parent_class)->dispose (object);
}

static void
pn_reader_view_finalize (GObject *object)
{
  PnReaderView *self = PN_READER_VIEW (object);

  g_free (self->doc_id);
  g_free (self->current_uri);
  g_free (self->title);
  g_free (self->pending_anchor);
  g_free (self->last_anchor);
  g_free (self->find_text);
  g_free (self->history_page);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_reader_view_parent_class)->finalize (object);
}

static void
pn_reader_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  gtk_widget_measure (PN_READER_VIEW (widget)->overlay, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
pn_reader_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  PnReaderView *self = PN_READER_VIEW (widget);

  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
  if (self->footnote_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->footnote_popover));
  if (self->citation_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->citation_popover));
  pn_reader_view_glossary_present (self);
}

static gboolean
pn_reader_view_grab_focus (GtkWidget *widget)
{
  PnReaderView *self = PN_READER_VIEW (widget);

  return self->web_view != NULL && gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

static void
pn_reader_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PnReaderView *self = PN_READER_VIEW (object);

  switch (prop_id)
    {
    case PN_READER_VIEW_PROP_FONT_SIZE:
      g_value_set_int (value, self->font_size);
      break;
    case PN_READER_VIEW_PROP_FONT_FAMILY:
      g_value_set_enum (value, self->font_family);
      break;
    case PN_READER_VIEW_PROP_LINE_SPACING:
      g_value_set_double (value, self->line_spacing);
      break;
    case PN_READER_VIEW_PROP_ZOOM_LEVEL:
      g_value_set_double (value, pn_reader_view_get_zoom_level (self));
      break;
    case PN_READER_VIEW_PROP_DOCUMENT_ID:
      g_value_set_string (value, self->doc_id);
      break;
    case PN_READER_VIEW_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PN_READER_VIEW_PROP_LOADING:
      g_value_set_boolean (value, pn_reader_view_is_loading (self));
      break;
    case PN_READER_VIEW_PROP_CAN_GO_BACK:
      g_value_set_boolean (value, pn_reader_view_can_go_back (self));
      break;
    case PN_READER_VIEW_PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, pn_reader_view_can_go_forward (self));
      break;
    case PN_READER_VIEW_PROP_PROGRESS:
      g_value_set_double (value, pn_reader_view_get_progress (self));
      break;
    case PN_READER_VIEW_PROP_MINUTES_LEFT:
      g_value_set_uint (value, pn_reader_view_get_minutes_left (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_reader_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PnReaderView *self = PN_READER_VIEW (object);

  switch (prop_id)
    {
    case PN_READER_VIEW_PROP_FONT_SIZE:
      pn_reader_view_set_font_size (self, g_value_get_int (value));
      break;
    case PN_READER_VIEW_PROP_FONT_FAMILY:
      pn_reader_view_set_font_family (self, g_value_get_enum (value));
      break;
    case PN_READER_VIEW_PROP_LINE_SPACING:
      pn_reader_view_set_line_spacing (self, g_value_get_double (value));
      break;
    case PN_READER_VIEW_PROP_ZOOM_LEVEL:
      pn_reader_view_set_zoom_level (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RO (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static guint
new_signal (GObjectClass *klass, const char *name, guint n_params, ...)
{
  va_list args;
  guint id;

  va_start (args, n_params);
  id = g_signal_new_valist (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, NULL, NULL, NULL, NULL,
                            G_TYPE_NONE, n_params, args);
  va_end (args);
  return id;
}

static void
pn_reader_view_class_init (PnReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_reader_view_dispose;
  object_class->finalize = pn_reader_view_finalize;
  object_class->get_property = pn_reader_view_get_property;
  object_class->set_property = pn_reader_view_set_property;

  widget_class->measure = pn_reader_view_measure;
  widget_class->size_allocate = pn_reader_view_size_allocate;
  widget_class->grab_focus = pn_reader_view_grab_focus;

  properties[PN_READER_VIEW_PROP_FONT_SIZE] = g_param_spec_int ("font-size", NULL, NULL, 8, 72, 19, RW);
  properties[PN_READER_VIEW_PROP_FONT_FAMILY] =
    g_param_spec_enum ("font-family", NULL, NULL, PN_TYPE_FONT_FAMILY, PN_FONT_FAMILY_SERIF, RW);
  properties[PN_READER_VIEW_PROP_LINE_SPACING] =
    g_param_spec_double ("line-spacing", NULL, NULL, 1.0, 3.0, 1.55, RW);
  properties[PN_READER_VIEW_PROP_ZOOM_LEVEL] = g_param_spec_double ("zoom-level", NULL, NULL, 0.5, 3.0, 1.0, RW);
  properties[PN_READER_VIEW_PROP_DOCUMENT_ID] = g_param_spec_string ("document-id", NULL, NULL, NULL, RO);
  properties[PN_READER_VIEW_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, RO);
  properties[PN_READER_VIEW_PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, RO);
  properties[PN_READER_VIEW_PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE, RO);
  properties[PN_READER_VIEW_PROP_CAN_GO_FORWARD] = g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE, RO);
  properties[PN_READER_VIEW_PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, RO);
  properties[PN_READER_VIEW_PROP_MINUTES_LEFT] =
    g_param_spec_uint ("minutes-left", NULL, NULL, 0, G_MAXUINT, 0, RO);
  g_object_class_install_properties (object_class, PN_READER_VIEW_N_PROPS, properties);

  signals[PN_READER_VIEW_SIGNAL_DOCUMENT_LOADED] = new_signal (object_class, "document-loaded", 0);
  signals[PN_READER_VIEW_SIGNAL_FIND_MATCHES] = new_signal (object_class, "find-matches", 1, G_TYPE_UINT);
  signals[PN_READER_VIEW_SIGNAL_FIND_INDEX] = new_signal (object_class, "find-index", 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[PN_READER_VIEW_SIGNAL_POSITION_CHANGED] =
    new_signal (object_class, "position-changed", 2, G_TYPE_STRING, G_TYPE_DOUBLE);
  signals[PN_READER_VIEW_SIGNAL_PROGRESS_CHANGED] =
    new_signal (object_class, "progress-changed", 2, G_TYPE_DOUBLE, G_TYPE_UINT);
  signals[PN_READER_VIEW_SIGNAL_SOURCE_ACTIVATED] = new_signal (object_class, "source-activated", 1, G_TYPE_STRING);
  signals[PN_READER_VIEW_SIGNAL_DOCUMENT_ACTIVATED] =
    new_signal (object_class, "document-activated", 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[PN_READER_VIEW_SIGNAL_HISTORY_PAGE] = new_signal (object_class, "history-page", 1, G_TYPE_STRING);
  signals[PN_READER_VIEW_SIGNAL_PROBLEM] = new_signal (object_class, "problem", 1, G_TYPE_STRING);
  signals[PN_READER_VIEW_SIGNAL_PDF_EXPORTED] = new_signal (object_class, "pdf-exported", 1, G_TYPE_FILE);
  signals[PN_READER_VIEW_SIGNAL_GLOSSARY_ACTIVATED] =
    new_signal (object_class, "glossary-activated", 1, G_TYPE_STRING);
  signals[PN_READER_VIEW_SIGNAL_GLOSSARY_LOOK_UP] = new_signal (object_class, "glossary-look-up", 1, G_TYPE_STRING);
  signals[PN_READER_VIEW_SIGNAL_OCCURRENCE_SHOWN] =
    new_signal (object_class, "occurrence-shown", 1, G_TYPE_BOOLEAN);
  signals[PN_READER_VIEW_SIGNAL_FOCUS_LEAVE] =
    g_signal_new_class_handler ("focus-leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (pn_reader_view_real_focus_leave), NULL, NULL, NULL,
                                G_TYPE_NONE, 1, GTK_TYPE_DIRECTION_TYPE);
  signals[PN_READER_VIEW_SIGNAL_EXTERNAL_LINK_ACTIVATED] =
    g_signal_new_class_handler ("external-link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (pn_reader_view_real_external_link_activated),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  pn_reader_view_annotations_class_init (object_class);
  pn_reader_view_actions_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "pn-reader-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* ---------------------------------------------------------------------------
 * Public API
 * ------------------------------------------------------------------------- */

GtkWidget *
pn_reader_view_new (void)
{
  return g_object_new (PN_TYPE_READER_VIEW, NULL);
}

void
pn_reader_view_keep_page (PnReaderView *self, const char *doc_id, char *html)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (html != NULL);

  pn_scheme_handler_keep_page (self->scheme, doc_id, html);
}

void
pn_reader_view_set_pack (PnReaderView *self, PnPack *pack)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (pack == NULL || PN_IS_PACK (pack));

  if (pn_scheme_handler_get_pack (self->scheme) == pack)
    return;

  pn_scheme_handler_set_pack (self->scheme, pack);
  g_clear_pointer (&self->doc_id, g_free);
  set_current_uri (self, NULL);
  self->has_pending_position = FALSE;
  reset_page_state (self);
  pn_reader_view_history_clear (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_DOCUMENT_ID]);
}

PnPack *
pn_reader_view_get_pack (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->scheme ? pn_scheme_handler_get_pack (self->scheme) : NULL;
}

void
pn_reader_view_load_document (PnReaderView *self, const char *doc_id)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  load_document (self, doc_id, TRUE);
}

/* With @record, the document being left (another one of the pack, as the
 * window's sidebar opens it) goes into the history. */
static void
load_document (PnReaderView *self, const char *doc_id, gboolean record)
{
  g_autofree char *uri = NULL;
  PnPack *pack;
  PnDocument *doc;

  pack = pn_reader_view_get_pack (self);
  if (pack == NULL)
    {
      g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_PROBLEM], 0, _("No course pack is open."));
      return;
    }

  if (doc_id == NULL)
    {
      GPtrArray *documents = pn_pack_get_documents (pack);

      doc = documents && documents->len > 0 ? g_ptr_array_index (documents, 0) : NULL;
    }
  else
    doc = pn_pack_get_document (pack, doc_id);

  if (doc == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The course pack has no document “%s”."),
                                                  doc_id ? doc_id : "");
      g_signal_emit (self, signals[PN_READER_VIEW_SIGNAL_PROBLEM], 0, message);
      return;
    }

  if (record && self->doc_id != NULL && !self->test_page && self->page_ready &&
      g_strcmp0 (self->doc_id, pn_document_get_id (doc)) != 0)
    pn_reader_view_history_push (self, self->last_anchor, self->last_fraction);

  self->test_page = FALSE;
  pn_scheme_handler_set_test_page (self->scheme, NULL);
  g_free (self->doc_id);
  self->doc_id = g_strdup (pn_document_get_id (doc));
  uri = pn_render_document_uri (pack, self->doc_id);
  set_current_uri (self, uri);
  g_clear_pointer (&self->history_page, g_free);
  self->has_pending_position = FALSE;
  g_clear_pointer (&self->pending_anchor, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_DOCUMENT_ID]);

  start_load (self);
}

void
pn_reader_view_load_html_for_testing (PnReaderView *self, const char *html)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (html != NULL);

  self->test_page = TRUE;
  pn_scheme_handler_set_test_page (self->scheme, html);
  g_clear_pointer (&self->doc_id, g_free);
  /* Forget what the view shows so that the same address loads the new HTML. */
  set_current_uri (self, NULL);
  set_current_uri (self, PN_SCHEME_HANDLER_TEST_URI);
  self->has_pending_position = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PN_READER_VIEW_PROP_DOCUMENT_ID]);

  start_load (self);
}

const char *
pn_reader_view_get_document_id (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->doc_id;
}

const char *
pn_reader_view_get_title (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->title;
}

gboolean
pn_reader_view_is_loading (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  return self->current_uri != NULL && !(self->load_finished && self->page_ready);
}

WebKitWebView *
pn_reader_view_get_web_view (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->web_view;
}

double
pn_reader_view_get_progress (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), 0.0);
  if (self->total_words == 0)
    return self->page_ready ? 1.0 : 0.0;
  return 1.0 - (double) self->words_left / self->total_words;
}

guint
pn_reader_view_get_minutes_left (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), 0);
  return (self->words_left + PN_READER_VIEW_WORDS_PER_MINUTE - 1) / PN_READER_VIEW_WORDS_PER_MINUTE;
}

void
pn_reader_view_set_position (PnReaderView *self, const char *anchor, double fraction)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (anchor != NULL && (anchor[0] == '\0' || strlen (anchor) > PN_PACK_URI_MAX_ID ||
                         !g_utf8_validate (anchor, -1, NULL)))
    anchor = NULL;
  if (!isfinite (fraction))
    fraction = 0.0;
  fraction = fraction < 0 ? -1.0 : MIN (fraction, 1.0);
  if (anchor == NULL && fraction < 0)
    return;

  if (self->current_uri != NULL && self->load_finished && self->page_ready)
    {
      apply_position (self, anchor, fraction);
      return;
    }

  g_free (self->pending_anchor);
  self->pending_anchor = g_strdup (anchor);
  self->pending_fraction = fraction;
  self->has_pending_position = TRUE;
}
