/* pn-window.c: the main window (sidebar of documents, reader, sources)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-toast.h"
#include "pn-window-private.h"

/* An open that takes longer than this shows the loading page. */
#define LOADING_PAGE_DELAY_MS   250

G_DEFINE_FINAL_TYPE (PnWindow, pn_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Set when the class is initialised, early in start-up: the benchmark's reference. */
static gint64 pn_window_start_time;

static PnPack *
pn_window_pack (PnWindow *self)
{
  return pn_pack_session_get_pack (self->session);
}

/* Switches the page shown: a crossfade between pages of the same pack, a cut
 * when a pack is being opened (nothing to fade from, and the window may not
 * have been drawn yet). */
static void
pn_window_set_page (PnWindow   *self,
                    const char *name)
{
  gtk_stack_set_visible_child_full (self->stack, name,
                                    self->opening ? GTK_STACK_TRANSITION_TYPE_NONE
                                                  : GTK_STACK_TRANSITION_TYPE_CROSSFADE);
}

/* The window's own pages shown instead of the text (in the reader's history,
 * with the back button to the text). */
gboolean
_pn_window_is_pack_page (const char *page)
{
  return g_strcmp0 (page, "sources") == 0 || g_strcmp0 (page, "glossary") == 0 ||
         g_strcmp0 (page, "flashcards") == 0 || g_strcmp0 (page, "quiz") == 0 ||
         g_strcmp0 (page, "notes") == 0;
}

/* Titles, sidebar, pages */

static void
pn_window_update_title (PnWindow *self)
{
  PnPack *pack = pn_window_pack (self);
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  const char *pack_title = pack ? pn_pack_get_title (pack) : NULL;
  const char *title = NULL;
  const char *subtitle = pack_title;

  g_assert (PN_IS_WINDOW (self));

  if (_pn_window_in_library (self))
    {
      gtk_window_set_title (GTK_WINDOW (self), "Prison numérique");
      return;
    }

  if (pack == NULL)
    {
      title = "Prison numérique";
      subtitle = NULL;
    }
  else if (_pn_window_is_pack_page (page))
    {
      title = gtk_stack_page_get_title (gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack)));
    }
  else
    {
      const char *doc_id = pn_pack_session_get_document_id (self->session);
      PnDocument *doc = doc_id ? pn_pack_get_document (pack, doc_id) : NULL;

      title = doc ? pn_document_get_title (doc) : pack_title;
    }

  if (g_strcmp0 (title, subtitle) == 0)
    subtitle = NULL;

  adw_window_title_set_title (self->window_title, title ? title : "");
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), pack_title ? pack_title : "Prison numérique");
}

static void
pn_window_update (PnWindow *self)
{
  pn_window_update_title (self);
  _pn_window_sidebar_update_current (self);
  _pn_window_actions_update (self);
}

static void
stack_page_changed_cb (PnWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  g_assert (PN_IS_WINDOW (self));

  if (g_strcmp0 (page, "reader") != 0)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  pn_window_update (self);
}

/* Opens @doc_id in the reader, where it was left the last time. */
void
_pn_window_show_document (PnWindow   *self,
                          const char *doc_id)
{
  PnPack *pack = pn_window_pack (self);
  PnReadingPosition *position = pn_pack_session_get_position (self->session);
  g_autofree char *anchor = NULL;
  double fraction = 0.0;
  g_autoptr(PnRenderedPage) page = NULL;

  g_assert (PN_IS_WINDOW (self));
  g_return_if_fail (pack != NULL);

  if (pn_pack_get_document (pack, doc_id) == NULL)
    return;

  /* Leaving the sources (or the glossary) for the text: Alt+Left comes back to them. */
  if (_pn_window_is_pack_page (gtk_stack_get_visible_child_name (self->stack)))
    pn_reader_view_history_leave_page (self->reader_view);
  pn_window_set_page (self, "reader");

  /* Already there: nothing to load. */
  if (g_strcmp0 (pn_pack_session_get_document_id (self->session), doc_id) == 0 &&
      g_strcmp0 (pn_reader_view_get_document_id (self->reader_view), doc_id) == 0)
    {
      pn_window_update (self);
      return;
    }

  self->track_position = FALSE;
  pn_pack_session_set_document_id (self->session, doc_id);
  page = pn_pack_session_take_page (self->session, doc_id);
  if (page != NULL)
    pn_reader_view_keep_rendered_page (self->reader_view, doc_id, page);
  pn_reader_view_load_document (self->reader_view, doc_id);
  /* The view applies it once the page is laid out. */
  if (pn_reading_position_lookup (position, doc_id, &anchor, &fraction))
    pn_reader_view_set_position (self->reader_view, anchor, fraction);

  pn_window_update (self);
}

void
_pn_window_set_pack_page (PnWindow   *self,
                          const char *page,
                          gboolean    record)
{
  const char *shown = gtk_stack_get_visible_child_name (self->stack);

  if (pn_window_pack (self) == NULL)
    return;

  /* The place in the text goes into the reader's history, so that Alt+Left
   * (or the mouse's back button) returns to it, and Alt+Right here again;
   * from one such page to another, the page left goes there. */
  if (record && (g_strcmp0 (shown, "reader") == 0 || _pn_window_is_pack_page (shown)))
    pn_reader_view_history_push_page (self->reader_view, page);
  pn_window_set_page (self, page);
  pn_window_update (self);
}

/* Going back or forward in the reader's history reached one of the window's
 * pages (@page), or the text (NULL). */
static void
reader_history_page_cb (PnWindow     *self,
                        const char   *page,
                        PnReaderView *reader)
{
  g_assert (PN_IS_WINDOW (self));

  if (_pn_window_is_pack_page (page))
    {
      _pn_window_set_pack_page (self, page, FALSE);
    }
  else if (page == NULL && pn_reader_view_get_document_id (reader) != NULL)
    {
      pn_window_set_page (self, "reader");
      pn_window_update (self);
    }
}

/* Session */

/* A pack was opened (or could not be): the whole window follows. */
static void
pn_window_show_opened_pack (PnWindow      *self,
                            PnPackSession *session)
{
  PnPack *pack = pn_pack_session_get_pack (session);
  const char *doc_id;

  self->track_position = FALSE;
  gtk_label_set_label (self->progress_label, "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  _pn_window_sidebar_fill (self);
  pn_sources_page_set_pack (self->sources_page, pack);
  pn_reader_view_set_pack (self->reader_view, pack);

  if (pack == NULL)
    {
      g_autofree char *description = g_markup_escape_text (pn_pack_session_get_error (session), -1);

      adw_status_page_set_description (self->error_page, description);
      adw_flap_set_reveal_flap (self->flap, FALSE);
      pn_window_set_page (self, "error");
      pn_window_update (self);
      return;
    }

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));

  doc_id = pn_pack_session_get_start_document (session);
  if (doc_id != NULL)
    _pn_window_show_document (self, doc_id);
  else
    {
      _pn_window_show_sources (self);
      pn_pack_session_check_rest (session);
    }

  pn_window_update (self);
  /* Problems are offered once the whole pack is checked. */
  if (!pn_pack_session_get_checking (session))
    _pn_window_offer_problems (self);
}

static void
pn_window_present_if_pending (PnWindow *self)
{
  if (!self->present_pending)
    return;

  self->present_pending = FALSE;
  gtk_window_present (GTK_WINDOW (self));
}

static void
session_opened_cb (PnWindow      *self,
                   PnPackSession *session)
{
  g_assert (PN_IS_WINDOW (self));

  self->opening = TRUE;
  self->pack_removed = FALSE;
  /* A pack opened (from the library, a file, the command line) is shown. */
  _pn_window_show_course (self);
  pn_window_show_opened_pack (self, session);
  self->opening = FALSE;
  pn_window_present_if_pending (self);
}

static void
session_document_changed_cb (PnWindow *self)
{
  pn_window_update (self);
}

static gboolean
show_loading_page_cb (gpointer user_data)
{
  PnWindow *self = user_data;

  self->loading_source = 0;
  self->opening = TRUE;
  _pn_window_show_course (self);
  pn_window_set_page (self, "loading");
  self->opening = FALSE;
  pn_window_present_if_pending (self);
  pn_window_update (self);

  return G_SOURCE_REMOVE;
}

/* The rest of the pack checked after its first text was shown: all its problems. */
static void
session_checking_changed_cb (PnWindow *self)
{
  if (pn_pack_session_get_checking (self->session) || pn_pack_session_get_loading (self->session) ||
      pn_pack_session_get_pack (self->session) == NULL)
    return;
  pn_window_update (self);
  _pn_window_offer_problems (self);
}

/* The pack is checked in a worker thread; the window stays usable meanwhile. */
static void
session_loading_changed_cb (PnWindow *self)
{
  if (!pn_pack_session_get_loading (self->session))
    g_clear_handle_id (&self->loading_source, g_source_remove);
  else if (self->loading_source == 0)
    self->loading_source = g_timeout_add (LOADING_PAGE_DELAY_MS, show_loading_page_cb, self);
}

/* Reader signals */

static void
reader_document_loaded_cb (PnWindow     *self,
                           PnReaderView *reader)
{
  const char *doc_id = pn_reader_view_get_document_id (reader);

  g_assert (PN_IS_WINDOW (self));

  if (pn_window_pack (self) == NULL || doc_id == NULL)
    return;

  /* The first text is shown: the rest of the pack can be checked. */
  pn_pack_session_check_rest (self->session);

  /* The reader followed a link by itself. */
  pn_pack_session_set_document_id (self->session, doc_id);
  self->track_position = TRUE;

  /* The keyboard reads the text (Page Down, Space, arrows), unless the
   * reader is typing in the search bar. */
  if (!gtk_search_bar_get_search_mode (self->search_bar) && gtk_widget_get_mapped (GTK_WIDGET (reader)))
    gtk_widget_grab_focus (GTK_WIDGET (reader));

  /* The start-up benchmark (bench/startup.py) waits for this line. */
  if (g_getenv ("PRISONNUM_BENCH") != NULL)
    {
      g_print ("laid-out %.1f\n", (g_get_monotonic_time () - pn_window_start_time) / 1000.0);
      fflush (stdout);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* The reader loads another document by itself (a link, the history): its
 * positions count again once it is laid out at its place. */
static void
reader_document_changed_cb (PnWindow *self)
{
  if (g_strcmp0 (pn_reader_view_get_document_id (self->reader_view),
                 pn_pack_session_get_document_id (self->session)) != 0)
    self->track_position = FALSE;
}

static void
reader_position_changed_cb (PnWindow     *self,
                            const char   *anchor,
                            double        fraction,
                            PnReaderView *reader)
{
  const char *doc_id = pn_reader_view_get_document_id (reader);
  PnReadingPosition *position = pn_pack_session_get_position (self->session);

  g_assert (PN_IS_WINDOW (self));

  /* Until the stored position is restored, the reader is still at the top. */
  if (!self->track_position || doc_id == NULL || position == NULL)
    return;

  pn_reading_position_note (position, doc_id, anchor, fraction);
}

static void
reader_source_activated_cb (PnWindow     *self,
                            const char   *source_id,
                            PnReaderView *reader)
{
  g_assert (PN_IS_WINDOW (self));

  _pn_window_show_source (self, source_id);
}

static void
reader_document_activated_cb (PnWindow     *self,
                              const char   *doc_id,
                              const char   *anchor,
                              PnReaderView *reader)
{
  PnPack *pack = pn_window_pack (self);

  g_assert (PN_IS_WINDOW (self));

  if (pack == NULL || pn_pack_get_document (pack, doc_id) == NULL)
    return;

  /* The reader loads it (and goes to the anchor) by itself. */
  self->track_position = FALSE;
  pn_pack_session_set_document_id (self->session, doc_id);
  pn_window_set_page (self, "reader");
  pn_window_update (self);
}

/* How much of the text is read, and the time left at an even pace. */
static void
reader_progress_changed_cb (PnWindow     *self,
                            double        fraction,
                            guint         minutes_left,
                            PnReaderView *reader)
{
  g_autofree char *text = NULL;
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100.0 + 0.5);

  g_assert (PN_IS_WINDOW (self));

  if (fraction >= 1.0)
    text = g_strdup (_("End of the text"));
  else if (minutes_left == 0)
    text = g_strdup (_("Less than a minute left"));
  else
    /* Translators: the reading time left in the document shown */
    text = g_strdup_printf (ngettext ("%u minute left", "%u minutes left", minutes_left), minutes_left);

  gtk_label_set_label (self->progress_label, text);
  {
    /* Translators: how much of the document is read, e.g. "40% read"; use your language's sign and spacing */
    g_autofree char *read = g_strdup_printf (_("%d%% read"), percent);

    gtk_widget_set_tooltip_text (self->progress_box, read);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_box),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  }
}

static void
reader_history_changed_cb (PnWindow *self)
{
  _pn_window_actions_update (self);
}

static void
reader_problem_cb (PnWindow     *self,
                   const char   *message,
                   PnReaderView *reader)
{
  g_autofree char *escaped = NULL;

  g_assert (PN_IS_WINDOW (self));

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (message, -1);
  pn_window_add_toast (self, adw_toast_new (escaped));
}

static gboolean
pn_window_close_request (GtkWindow *window)
{
  PnWindow *self = PN_WINDOW (window);
  PnReadingPosition *position = pn_pack_session_get_position (self->session);

  if (position != NULL)
    pn_reading_position_flush (position);
  _pn_window_library_finish (self);

  return GTK_WINDOW_CLASS (pn_window_parent_class)->close_request (window);
}

/* Narrow (the sidebar folded), the header keeps its room for the title: the
 * main menu has Library. Changed after the allocation that folded the
 * sidebar, not during it (GTK would then draw the header unallocated). */
static gboolean
update_library_button_cb (gpointer user_data)
{
  PnWindow *self = user_data;

  self->library_button_source = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->library_button), !adw_flap_get_folded (self->flap));
  return G_SOURCE_REMOVE;
}

static void
flap_folded_changed_cb (PnWindow *self)
{
  g_assert (PN_IS_WINDOW (self));

  if (self->library_button_source == 0)
    self->library_button_source = g_idle_add (update_library_button_cb, self);

  /* Only an unfolded sidebar is shown by default. */
  if (pn_window_pack (self) != NULL)
    adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));
}

/* GObject */

static void
pn_window_constructed (GObject *object)
{
  PnWindow *self = PN_WINDOW (object);

  G_OBJECT_CLASS (pn_window_parent_class)->constructed (object);

  g_assert (PN_IS_PACK_SESSION (self->session));
  g_assert (G_IS_SETTINGS (self->settings));

  _pn_window_bind_settings (self);
  _pn_window_glossary_init (self);
  _pn_window_notes_init (self);
  _pn_window_notes_page_init (self);
  _pn_window_teacher_notes_init (self);

  g_signal_connect_object (self->session, "opened",
                           G_CALLBACK (session_opened_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::document-id",
                           G_CALLBACK (session_document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::loading",
                           G_CALLBACK (session_loading_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::checking",
                           G_CALLBACK (session_checking_changed_cb), self, G_CONNECT_SWAPPED);

  /* A session that already holds a pack is shown as it is. */
  if (pn_pack_session_get_pack (self->session) != NULL || pn_pack_session_get_error (self->session) != NULL)
    session_opened_cb (self, self->session);

  pn_window_update (self);
}

static void
pn_window_dispose (GObject *object)
{
  PnWindow *self = PN_WINDOW (object);

  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_clear_handle_id (&self->library_button_source, g_source_remove);
  _pn_window_library_finish (self);
  if (self->session != NULL)
    {
      PnReadingPosition *position = pn_pack_session_get_position (self->session);

      if (position != NULL)
        pn_reading_position_flush (position);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_WINDOW);

  G_OBJECT_CLASS (pn_window_parent_class)->dispose (object);
}

static void
pn_window_finalize (GObject *object)
{
  PnWindow *self = PN_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->removals, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_window_parent_class)->finalize (object);
}

static void
pn_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PnWindow *self = PN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PnWindow *self = PN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_window_class_init (PnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  pn_window_start_time = g_get_monotonic_time ();

  object_class->constructed = pn_window_constructed;
  object_class->dispose = pn_window_dispose;
  object_class->finalize = pn_window_finalize;
  object_class->get_property = pn_window_get_property;
  object_class->set_property = pn_window_set_property;

  window_class->close_request = pn_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PN_TYPE_PACK_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PN_TYPE_READER_VIEW);
  g_type_ensure (PN_TYPE_SOURCES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, library_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, sources_page);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, stack_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_document_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_position_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_document_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_source_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_problem_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_history_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_progress_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_history_changed_cb);

  _pn_window_class_actions_init (klass);
  _pn_window_class_find_init (klass);
  _pn_window_class_sidebar_init (klass);
  _pn_window_class_notes_init (klass);
  _pn_window_class_library_init (klass);
  _pn_window_class_import_init (klass);
}

static void
pn_window_init (PnWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_layout_manager (self->content_box, _pn_window_content_layout_new ());

  _pn_window_find_init (self);
  _pn_window_sidebar_init (self);
  _pn_window_actions_init (self);
  _pn_window_flashcards_init (self);
  _pn_window_quiz_init (self);
  _pn_window_import_init (self);
}

PnWindow *
pn_window_new (GtkApplication *application,
               PnPackSession  *session,
               GSettings      *settings)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PN_IS_PACK_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PN_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       "settings", settings,
                       NULL);
}

void
pn_window_present_when_ready (PnWindow *self)
{
  g_return_if_fail (PN_IS_WINDOW (self));

  if (!pn_pack_session_get_loading (self->session))
    {
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  self->present_pending = TRUE;
}

PnPackSession *
pn_window_get_session (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return self->session;
}

void
pn_window_open_pack (PnWindow *self,
                     GFile    *location)
{
  g_return_if_fail (PN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (location));

  /* A course pack file is imported into the library, then opened from there. */
  if (pn_window_is_pack_file (location))
    pn_window_import_file (self, location);
  else
    pn_pack_session_open (self->session, location);
}

PnPack *
pn_window_get_pack (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return pn_window_pack (self);
}

GPtrArray *
pn_window_get_diagnostics (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return pn_pack_session_get_diagnostics (self->session);
}

void
pn_window_add_toast (PnWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  pn_toast_show (self->toast_overlay, toast);
}

PnReaderView *
pn_window_get_reader_view (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return self->reader_view;
}

PnSourcesPage *
pn_window_get_sources_page (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return self->sources_page;
}
