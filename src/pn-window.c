/* pn-window.c: the main window (sidebar of documents, reader, sources)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-application.h"
#include "pn-diagnostic.h"
#include "pn-reader-view-print.h"
#include "pn-render.h"
#include "pn-window.h"

/* Rows in the Problems window; past that, a count. */
#define MAX_PROBLEMS_LISTED 500

/* Below this width (sidebar + reading area) the sidebar folds over the text. */
#define SIDEBAR_WIDTH           260
#define CONTENT_NATURAL_WIDTH   440
/* Reading positions are written at most this often while the reader scrolls. */
#define SAVE_POSITION_DELAY_MS  750

struct _PnWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *sidebar_button;
  GtkToggleButton      *search_button;
  GtkButton            *back_button;
  GtkLabel             *zoom_label;
  AdwFlap              *flap;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  GtkStack             *stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *match_label;
  PnReaderView         *reader_view;
  PnSourcesPage        *sources_page;
  AdwStatusPage        *error_page;

  /* Owned references */
  GSettings            *settings;
  PnPack               *pack;
  GPtrArray            *diagnostics;
  GtkWidget            *sources_row;

  /* The document being opened, and where to put the reader once it is laid out */
  char                 *loading_doc_id;
  char                 *restore_anchor;
  double                restore_fraction;
  gboolean              restore_pending;
  gboolean              track_position;

  /* A reading position waiting to be written */
  char                 *pending_doc_id;
  char                 *pending_anchor;
  double                pending_fraction;
  guint                 save_position_source;
};

G_DEFINE_FINAL_TYPE (PnWindow, pn_window, ADW_TYPE_APPLICATION_WINDOW)

static PnStore *
pn_window_get_store (PnWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (PN_IS_APPLICATION (app))
    return pn_application_get_store (PN_APPLICATION (app));

  return NULL;
}

/* Reading position */

static void
pn_window_flush_position (PnWindow *self)
{
  PnStore *store = pn_window_get_store (self);
  g_autoptr(GError) error = NULL;

  g_assert (PN_IS_WINDOW (self));

  g_clear_handle_id (&self->save_position_source, g_source_remove);

  if (self->pending_doc_id == NULL)
    return;

  if (store != NULL && self->pack != NULL &&
      !pn_store_set_position (store, pn_pack_get_id (self->pack), self->pending_doc_id,
                              self->pending_anchor, self->pending_fraction, &error))
    g_message ("Cannot save the reading position: %s", error->message);

  g_clear_pointer (&self->pending_doc_id, g_free);
  g_clear_pointer (&self->pending_anchor, g_free);
}

static gboolean
save_position_timeout_cb (gpointer user_data)
{
  PnWindow *self = user_data;

  self->save_position_source = 0;
  pn_window_flush_position (self);

  return G_SOURCE_REMOVE;
}

static void
reader_position_changed_cb (PnWindow     *self,
                            const char   *anchor,
                            double        fraction,
                            PnReaderView *reader)
{
  const char *doc_id = pn_reader_view_get_document_id (reader);

  g_assert (PN_IS_WINDOW (self));

  /* Until the stored position is restored, the reader is still at the top. */
  if (!self->track_position || doc_id == NULL)
    return;

  if (g_strcmp0 (self->pending_doc_id, doc_id) != 0)
    pn_window_flush_position (self);

  g_free (self->pending_doc_id);
  self->pending_doc_id = g_strdup (doc_id);
  g_free (self->pending_anchor);
  self->pending_anchor = g_strdup (anchor);
  self->pending_fraction = CLAMP (fraction, 0.0, 1.0);

  if (self->save_position_source == 0)
    self->save_position_source = g_timeout_add (SAVE_POSITION_DELAY_MS, save_position_timeout_cb, self);
}

/* Titles, sidebar, pages */

static void
pn_window_update_title (PnWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  const char *pack_title = self->pack ? pn_pack_get_title (self->pack) : NULL;
  const char *title = NULL;
  const char *subtitle = pack_title;

  g_assert (PN_IS_WINDOW (self));

  if (self->pack == NULL)
    {
      title = "Prison numérique";
      subtitle = NULL;
    }
  else if (g_strcmp0 (page, "sources") == 0)
    {
      title = _("Sources");
    }
  else
    {
      const char *doc_id = self->loading_doc_id;
      PnDocument *doc = doc_id ? pn_pack_get_document (self->pack, doc_id) : NULL;

      title = doc ? pn_document_get_title (doc) : pack_title;
    }

  if (g_strcmp0 (title, subtitle) == 0)
    subtitle = NULL;

  adw_window_title_set_title (self->window_title, title ? title : "");
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), pack_title ? pack_title : "Prison numérique");
}

static void
pn_window_update_actions (PnWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean reading = self->pack != NULL && g_strcmp0 (page, "reader") == 0;
  gboolean back;

  g_assert (PN_IS_WINDOW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-reset", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", reading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sources", self->pack != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", self->pack != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems",
                                 self->diagnostics->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), reading);
  /* From the sources back to the text being read, where it was left. */
  back = self->pack != NULL && self->loading_doc_id != NULL && g_strcmp0 (page, "sources") == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-to-text", back);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), back);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), self->pack != NULL);
}

static void
stack_page_changed_cb (PnWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  g_assert (PN_IS_WINDOW (self));

  if (g_strcmp0 (page, "reader") != 0)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  pn_window_update_title (self);
  pn_window_update_actions (self);
}

static GtkListBoxRow *
pn_window_find_doc_row (PnWindow   *self,
                        const char *doc_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *id = g_object_get_data (G_OBJECT (child), "pn-doc-id");

      if (id != NULL && g_strcmp0 (id, doc_id) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
pn_window_select_row (PnWindow      *self,
                      GtkListBoxRow *row)
{
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
}

static void
pn_window_close_folded_sidebar (PnWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Opens @doc_id in the reader, where it was left the last time. */
static void
pn_window_show_document (PnWindow   *self,
                         const char *doc_id)
{
  PnStore *store = pn_window_get_store (self);

  g_assert (PN_IS_WINDOW (self));
  g_return_if_fail (self->pack != NULL);

  if (pn_pack_get_document (self->pack, doc_id) == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, "reader");
  pn_window_select_row (self, pn_window_find_doc_row (self, doc_id));

  /* Already there: nothing to load. */
  if (g_strcmp0 (self->loading_doc_id, doc_id) == 0)
    {
      pn_window_update_title (self);
      return;
    }

  pn_window_flush_position (self);

  g_clear_pointer (&self->restore_anchor, g_free);
  self->restore_fraction = 0.0;
  self->restore_pending = store != NULL &&
                          pn_store_get_position (store, pn_pack_get_id (self->pack), doc_id,
                                                 &self->restore_anchor, &self->restore_fraction);

  g_free (self->loading_doc_id);
  self->loading_doc_id = g_strdup (doc_id);
  self->track_position = FALSE;
  pn_reader_view_load_document (self->reader_view, doc_id);

  pn_window_update_title (self);
}

static void
pn_window_show_sources (PnWindow *self)
{
  g_assert (PN_IS_WINDOW (self));

  if (self->pack == NULL)
    return;

  gtk_stack_set_visible_child_name (self->stack, "sources");
  pn_window_select_row (self, GTK_LIST_BOX_ROW (self->sources_row));
}

static void
sidebar_row_activated_cb (PnWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  const char *doc_id = g_object_get_data (G_OBJECT (row), "pn-doc-id");

  g_assert (PN_IS_WINDOW (self));

  if (doc_id != NULL)
    pn_window_show_document (self, doc_id);
  else if (GTK_WIDGET (row) == self->sources_row)
    pn_window_show_sources (self);

  pn_window_close_folded_sidebar (self);
}

static GtkWidget *
pn_window_create_sidebar_row (const char *icon_name,
                              const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return row;
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  PnWindow *self = user_data;

  /* A separator between the documents and the pack's own pages. */
  if (before != NULL && GTK_WIDGET (row) == self->sources_row)
    {
      if (gtk_list_box_row_get_header (row) == NULL)
        gtk_list_box_row_set_header (row, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
    }
  else
    {
      gtk_list_box_row_set_header (row, NULL);
    }
}

static void
pn_window_fill_sidebar (PnWindow *self)
{
  GtkWidget *child;
  GPtrArray *documents;

  g_assert (PN_IS_WINDOW (self));

  self->sources_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))))
    gtk_list_box_remove (self->sidebar_list, child);

  if (self->pack == NULL)
    return;

  documents = pn_pack_get_documents (self->pack);
  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *doc = g_ptr_array_index (documents, i);
      GtkWidget *row = pn_window_create_sidebar_row ("x-office-document-symbolic",
                                                     pn_document_get_title (doc));

      g_object_set_data_full (G_OBJECT (row), "pn-doc-id",
                              g_strdup (pn_document_get_id (doc)), g_free);
      gtk_list_box_append (self->sidebar_list, row);
    }

  self->sources_row = pn_window_create_sidebar_row ("accessories-dictionary-symbolic", _("Sources"));
  gtk_list_box_append (self->sidebar_list, self->sources_row);
  gtk_list_box_invalidate_headers (self->sidebar_list);
}

/* Set when the class is initialised, early in start-up: the benchmark's reference. */
static gint64 pn_window_start_time;

/* Reader signals */

static void
reader_document_loaded_cb (PnWindow     *self,
                           PnReaderView *reader)
{
  const char *doc_id = pn_reader_view_get_document_id (reader);
  PnStore *store = pn_window_get_store (self);
  g_autoptr(GError) error = NULL;

  g_assert (PN_IS_WINDOW (self));

  if (self->pack == NULL || doc_id == NULL)
    return;

  if (g_strcmp0 (doc_id, self->loading_doc_id) != 0)
    {
      /* The reader followed a link by itself. */
      g_free (self->loading_doc_id);
      self->loading_doc_id = g_strdup (doc_id);
      pn_window_select_row (self, pn_window_find_doc_row (self, doc_id));
      pn_window_update_title (self);
    }
  else if (self->restore_pending)
    {
      pn_reader_view_set_position (reader, self->restore_anchor, self->restore_fraction);
    }

  self->restore_pending = FALSE;
  self->track_position = TRUE;

  /* The keyboard reads the text (Page Down, Space, arrows), unless the
   * reader is typing in the search bar. */
  if (!gtk_search_bar_get_search_mode (self->search_bar) && gtk_widget_get_mapped (GTK_WIDGET (reader)))
    gtk_widget_grab_focus (GTK_WIDGET (reader));

  if (store != NULL &&
      !pn_store_set_last_document (store, pn_pack_get_id (self->pack), doc_id, &error))
    g_message ("Cannot save the last document: %s", error->message);

  /* The start-up benchmark (bench/startup.py) waits for this line. */
  if (g_getenv ("PRISONNUM_BENCH") != NULL)
    {
      g_print ("laid-out %.1f\n", (g_get_monotonic_time () - pn_window_start_time) / 1000.0);
      fflush (stdout);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
reader_find_matches_cb (PnWindow     *self,
                        guint         n_matches,
                        PnReaderView *reader)
{
  g_autofree char *text = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_assert (PN_IS_WINDOW (self));

  if (query[0] == '\0')
    text = g_strdup ("");
  else if (n_matches == 0)
    text = g_strdup (_("No matches"));
  else if (n_matches == G_MAXUINT)
    text = g_strdup (_("Over 1000 matches"));
  else
    /* Translators: shown next to the search entry */
    text = g_strdup_printf (ngettext ("%u match", "%u matches", n_matches), n_matches);

  gtk_label_set_label (self->match_label, text);
  if (n_matches == 0 && query[0] != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
reader_source_activated_cb (PnWindow     *self,
                            const char   *source_id,
                            PnReaderView *reader)
{
  g_assert (PN_IS_WINDOW (self));

  pn_window_show_sources (self);
  if (!pn_sources_page_show_source (self->sources_page, source_id))
    pn_window_add_toast (self, adw_toast_new (_("This source is not in the course pack")));
}

static void
reader_document_activated_cb (PnWindow     *self,
                              const char   *doc_id,
                              const char   *anchor,
                              PnReaderView *reader)
{
  g_assert (PN_IS_WINDOW (self));

  if (self->pack == NULL || pn_pack_get_document (self->pack, doc_id) == NULL)
    return;

  /* The reader loads it (and goes to the anchor) by itself. */
  pn_window_flush_position (self);
  self->restore_pending = FALSE;
  self->track_position = FALSE;
  g_free (self->loading_doc_id);
  self->loading_doc_id = g_strdup (doc_id);
  gtk_stack_set_visible_child_name (self->stack, "reader");
  pn_window_select_row (self, pn_window_find_doc_row (self, doc_id));
  pn_window_update_title (self);
}

static void
reader_pdf_exported_cb (PnWindow     *self,
                        GFile        *file,
                        PnReaderView *reader)
{
  g_assert (PN_IS_WINDOW (self));

  pn_window_add_toast (self, pn_print_new_exported_toast (GTK_WINDOW (self), file));
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

/* Find in text */

static void
search_changed_cb (PnWindow       *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_assert (PN_IS_WINDOW (self));

  if (text[0] == '\0')
    {
      pn_reader_view_find_finish (self->reader_view);
      gtk_label_set_label (self->match_label, "");
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
  else
    {
      pn_reader_view_find (self->reader_view, text);
    }
}

static void
pn_window_find_next (PnWindow *self,
                     gboolean  backwards)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text[0] == '\0')
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      /* Reopening the bar searches again for what it holds. */
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      pn_reader_view_find (self->reader_view, text);
      return;
    }

  if (backwards)
    pn_reader_view_find_previous (self->reader_view);
  else
    pn_reader_view_find_next (self->reader_view);
}

static void
search_activate_cb (PnWindow       *self,
                    GtkSearchEntry *entry)
{
  pn_window_find_next (self, FALSE);
}

static void
search_next_match_cb (PnWindow       *self,
                      GtkSearchEntry *entry)
{
  pn_window_find_next (self, FALSE);
}

static void
search_previous_match_cb (PnWindow       *self,
                          GtkSearchEntry *entry)
{
  pn_window_find_next (self, TRUE);
}

static gboolean
search_shift_enter_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  pn_window_find_next (PN_WINDOW (user_data), TRUE);
  return TRUE;
}

static void
search_mode_changed_cb (PnWindow     *self,
                        GParamSpec   *pspec,
                        GtkSearchBar *search_bar)
{
  g_assert (PN_IS_WINDOW (self));

  if (!gtk_search_bar_get_search_mode (search_bar))
    {
      pn_reader_view_find_finish (self->reader_view);
      gtk_label_set_label (self->match_label, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      if (gtk_widget_get_mapped (GTK_WIDGET (self->reader_view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
    }
}

/* Settings */

static void
pn_window_update_zoom_label (PnWindow *self)
{
  double zoom = g_settings_get_double (self->settings, "zoom-level");
  /* Translators: a zoom level, %d is a number; use the right sign and spacing for your language */
  g_autofree char *text = g_strdup_printf (_("%d%%"), (int) (zoom * 100.0 + 0.5));

  gtk_label_set_label (self->zoom_label, text);
}

static void
settings_changed_cb (PnWindow   *self,
                     const char *key,
                     GSettings  *settings)
{
  g_assert (PN_IS_WINDOW (self));

  if (key == NULL || g_str_equal (key, "font-size"))
    pn_reader_view_set_font_size (self->reader_view, g_settings_get_int (settings, "font-size"));

  if (key == NULL || g_str_equal (key, "font-family"))
    pn_reader_view_set_font_family (self->reader_view,
                                    g_settings_get_enum (settings, "font-family") == 1
                                      ? PN_FONT_FAMILY_SANS : PN_FONT_FAMILY_SERIF);

  if (key == NULL || g_str_equal (key, "line-spacing"))
    pn_reader_view_set_line_spacing (self->reader_view, g_settings_get_double (settings, "line-spacing"));

  if (key == NULL || g_str_equal (key, "zoom-level"))
    {
      pn_reader_view_set_zoom_level (self->reader_view, g_settings_get_double (settings, "zoom-level"));
      pn_window_update_zoom_label (self);
    }
}

/* Stores the reader's zoom after it changed it, within the allowed range. */
static void
pn_window_save_zoom (PnWindow *self)
{
  double zoom = CLAMP (pn_reader_view_get_zoom_level (self->reader_view), 0.5, 3.0);

  if (ABS (zoom - g_settings_get_double (self->settings, "zoom-level")) > 0.001)
    g_settings_set_double (self->settings, "zoom-level", zoom);
}

/* Whatever changed it: the menu, the keyboard, Ctrl+scroll in the text. */
static void
reader_zoom_changed_cb (PnWindow *self)
{
  pn_window_save_zoom (self);
}

static void
pn_window_load_state (PnWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
pn_window_save_state (PnWindow *self)
{
  int width, height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
pn_window_close_request (GtkWindow *window)
{
  PnWindow *self = PN_WINDOW (window);

  pn_window_flush_position (self);
  pn_window_save_state (self);

  return GTK_WINDOW_CLASS (pn_window_parent_class)->close_request (window);
}

/* Problems */

static void
pn_window_show_problems (PnWindow *self)
{
  GtkWidget *window, *box, *header, *scrolled, *clamp, *list, *title;
  g_autoptr(GtkShortcut) close = NULL;
  GtkEventController *shortcuts;

  g_assert (PN_IS_WINDOW (self));

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Problems"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 420);
  gtk_widget_set_size_request (window, 360, 200);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("Problems"), self->pack ? pn_pack_get_title (self->pack) : NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 18);
  gtk_widget_set_margin_bottom (list, 18);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);

  for (guint i = 0; i < MIN (self->diagnostics->len, MAX_PROBLEMS_LISTED); i++)
    {
      const PnDiagnostic *diagnostic = g_ptr_array_index (self->diagnostics, i);
      g_autofree char *text = pn_diagnostic_to_located_message (diagnostic);
      gboolean is_error = diagnostic->severity == PN_SEVERITY_ERROR;
      GtkWidget *row_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                               : "dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      is_error ? _("Error") : _("Warning"),
                                      -1);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "pn-diagnostic");
      gtk_box_append (GTK_BOX (row_box), icon);
      gtk_box_append (GTK_BOX (row_box), label);
      gtk_widget_set_margin_top (row_box, 12);
      gtk_widget_set_margin_bottom (row_box, 12);
      gtk_widget_set_margin_start (row_box, 12);
      gtk_widget_set_margin_end (row_box, 12);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), row_box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  /* A hostile pack can hold thousands of problems: the tool lists them all. */
  if (self->diagnostics->len > MAX_PROBLEMS_LISTED)
    {
      guint more = self->diagnostics->len - MAX_PROBLEMS_LISTED;
      g_autofree char *text = g_strdup_printf (ngettext ("%u more problem is not listed here; "
                                                         "“prisonnum-pack check” lists them all.",
                                                         "%u more problems are not listed here; "
                                                         "“prisonnum-pack check” lists them all.", more),
                                               more);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  close = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                            gtk_named_action_new ("window.close"));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), g_steal_pointer (&close));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_present (GTK_WINDOW (window));
}

static void
pn_window_offer_problems (PnWindow *self)
{
  AdwToast *toast;
  g_autofree char *title = NULL;
  guint n = self->diagnostics->len;

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

/* Opening a pack */

/* What rendering finds in the documents (raw HTML, links left out, unknown ids),
 * so the reader hears of it as the teachers' tool would say it. The page of
 * @shown_id goes to the reader, which then need not render it again. */
static void
pn_window_check_documents (PnWindow   *self,
                           const char *shown_id)
{
  GPtrArray *documents = pn_pack_get_documents (self->pack);

  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *doc = g_ptr_array_index (documents, i);
      char *html;

      if (pn_document_get_markdown (doc) == NULL)
        continue;   /* already among the problems */
      html = pn_render_document (self->pack, doc, self->diagnostics);
      if (g_strcmp0 (pn_document_get_id (doc), shown_id) == 0)
        pn_reader_view_keep_page (self->reader_view, shown_id, html);
      else
        g_free (html);
    }
}

static void
pn_window_remember_pack (PnWindow *self)
{
  g_autoptr(GFile) bundled = pn_application_get_default_pack ();
  GFile *root = pn_pack_get_root (self->pack);
  g_autofree char *path = NULL;

  if (!g_file_equal (root, bundled))
    path = g_file_get_path (root);

  g_settings_set_string (self->settings, "last-pack", path ? path : "");
}

static const char *
pn_window_pick_document (PnWindow *self)
{
  PnStore *store = pn_window_get_store (self);
  GPtrArray *documents = pn_pack_get_documents (self->pack);
  g_autofree char *last = NULL;

  if (store != NULL)
    {
      PnDocument *doc;

      last = pn_store_get_last_document (store, pn_pack_get_id (self->pack));
      doc = last ? pn_pack_get_document (self->pack, last) : NULL;
      if (doc != NULL)
        return pn_document_get_id (doc);
    }

  if (documents->len > 0)
    return pn_document_get_id (g_ptr_array_index (documents, 0));

  return NULL;
}

void
pn_window_open_pack (PnWindow *self,
                     GFile    *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnPack) pack = NULL;
  g_autoptr(GPtrArray) diagnostics = pn_diagnostics_new ();
  const char *doc_id;

  g_return_if_fail (PN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (location));

  pn_window_flush_position (self);

  pack = pn_pack_load (location, diagnostics, &error);

  g_clear_pointer (&self->loading_doc_id, g_free);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  self->diagnostics = g_steal_pointer (&diagnostics);
  g_set_object (&self->pack, pack);
  self->track_position = FALSE;
  self->restore_pending = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  pn_window_fill_sidebar (self);
  pn_sources_page_set_pack (self->sources_page, pack);

  if (pack == NULL)
    {
      g_autofree char *description = g_markup_escape_text (error->message, -1);

      pn_reader_view_set_pack (self->reader_view, NULL);
      adw_status_page_set_description (self->error_page, description);
      adw_flap_set_reveal_flap (self->flap, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "error");
      pn_window_update_title (self);
      pn_window_update_actions (self);
      return;
    }

  pn_reader_view_set_pack (self->reader_view, pack);
  doc_id = pn_window_pick_document (self);
  pn_window_check_documents (self, doc_id);
  pn_window_remember_pack (self);
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));

  if (doc_id != NULL)
    pn_window_show_document (self, doc_id);
  else
    pn_window_show_sources (self);

  pn_window_update_title (self);
  pn_window_update_actions (self);
  pn_window_offer_problems (self);
}

/* Window actions */

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
  pn_window_find_next (PN_WINDOW (widget), FALSE);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  pn_window_find_next (PN_WINDOW (widget), TRUE);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);

  pn_reader_view_zoom_in (self->reader_view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);

  pn_reader_view_zoom_out (self->reader_view);
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
  PnDocument *doc = NULL;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) suggested = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;

  if (self->pack != NULL && self->loading_doc_id != NULL)
    doc = pn_pack_get_document (self->pack, self->loading_doc_id);

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
  pn_window_show_sources (PN_WINDOW (widget));
}

static void
back_to_text_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PnWindow *self = PN_WINDOW (widget);

  if (self->loading_doc_id != NULL)
    pn_window_show_document (self, self->loading_doc_id);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  pn_window_show_problems (PN_WINDOW (widget));
}

/* Layout: the reading area asks for CONTENT_NATURAL_WIDTH, so the sidebar folds
 * below SIDEBAR_WIDTH + CONTENT_NATURAL_WIDTH, yet it can shrink to 360 px. */

static void
content_measure (GtkWidget      *widget,
                 GtkOrientation  orientation,
                 int             for_size,
                 int            *minimum,
                 int            *natural,
                 int            *minimum_baseline,
                 int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_min = 0, child_nat = 0;

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);

  *minimum = child_min;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (child_min, CONTENT_NATURAL_WIDTH);
  else
    *natural = child_nat;
}

static void
content_allocate (GtkWidget *widget,
                  int        width,
                  int        height,
                  int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
flap_folded_changed_cb (PnWindow *self)
{
  g_assert (PN_IS_WINDOW (self));

  /* Only an unfolded sidebar is shown by default. */
  if (self->pack != NULL)
    adw_flap_set_reveal_flap (self->flap, !adw_flap_get_folded (self->flap));
}

/* GObject */

/* Tells once, in the first window, that the student data cannot be used. */
static void
application_changed_cb (PnWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *problem = NULL;

  if (PN_IS_APPLICATION (app))
    problem = pn_application_take_store_problem (PN_APPLICATION (app));

  if (problem != NULL)
    pn_window_add_toast (self, adw_toast_new (_("Reading positions cannot be saved")));
}

static void
pn_window_dispose (GObject *object)
{
  PnWindow *self = PN_WINDOW (object);

  pn_window_flush_position (self);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_WINDOW);

  G_OBJECT_CLASS (pn_window_parent_class)->dispose (object);
}

static void
pn_window_finalize (GObject *object)
{
  PnWindow *self = PN_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->loading_doc_id, g_free);
  g_clear_pointer (&self->restore_anchor, g_free);
  g_clear_pointer (&self->pending_doc_id, g_free);
  g_clear_pointer (&self->pending_anchor, g_free);

  G_OBJECT_CLASS (pn_window_parent_class)->finalize (object);
}

static void
pn_window_class_init (PnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  pn_window_start_time = g_get_monotonic_time ();

  object_class->dispose = pn_window_dispose;
  object_class->finalize = pn_window_finalize;

  window_class->close_request = pn_window_close_request;

  g_type_ensure (PN_TYPE_READER_VIEW);
  g_type_ensure (PN_TYPE_SOURCES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, match_label);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, sources_page);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flap_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_document_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_find_matches_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_position_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_source_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_problem_cb);
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back-to-text", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);

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

static void
pn_window_init (PnWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->diagnostics = pn_diagnostics_new ();

  gtk_widget_set_layout_manager (self->content_box,
                                 gtk_custom_layout_new (NULL, content_measure, content_allocate));
  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, self, NULL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Shift+Enter in the search entry goes to the previous match. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_SHIFT_MASK)),
                                                          gtk_callback_action_new (search_shift_enter_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), shortcuts);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  settings_changed_cb (self, NULL, self->settings);
  pn_window_load_state (self);

  pn_window_update_title (self);
  pn_window_update_actions (self);
}

PnWindow *
pn_window_new (GtkApplication *application)
{
  return g_object_new (PN_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

PnPack *
pn_window_get_pack (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return self->pack;
}

GPtrArray *
pn_window_get_diagnostics (PnWindow *self)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);

  return self->diagnostics;
}

void
pn_window_add_toast (PnWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
