/* pn-sources-page.c: the pack's sources, each as a reference with its summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-sources-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pn-text.h"
#include "pn-sources-page.h"

/* How long an entry stays highlighted after a citation was followed. */
#define HIGHLIGHT_MS      2500
/* Frames to wait for the list to be laid out before giving up scrolling. */
#define MAX_SCROLL_TRIES  60

struct _PnSourcesPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *count_label;
  GtkListBox        *list_box;
  GtkSearchEntry    *search_entry;

  /* Owned references */
  GHashTable        *rows;            /* source id -> GtkListBoxRow (borrowed) */
  AdwAnimation      *scroll_animation;
  char              *scroll_to;
  guint              scroll_tick;
  guint              scroll_tries;
  GtkWidget         *highlighted;     /* borrowed */
  guint              highlight_source;
  char              *query;           /* what the search entry holds, or NULL */
  PnPack            *pack;            /* whose sources the rows are, or will be */
  gboolean           rows_stale;      /* a pack set since the rows were made */
};

/* The text a row is found by: its reference, summary, note and address. */
#define SEARCH_TEXT_KEY "pn-search-text"


G_DEFINE_FINAL_TYPE (PnSourcesPage, pn_sources_page, GTK_TYPE_WIDGET)

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    g_message ("Cannot open the link: %s", error->message);
}

static gboolean
link_activate_cb (GtkLinkButton *button,
                  gpointer       user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  /* In the browser, on click only; the app itself never loads it. */
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                     gtk_link_button_get_uri (button),
                     GDK_CURRENT_TIME, NULL, show_uri_cb, NULL);
  gtk_link_button_set_visited (button, TRUE);

  return TRUE;
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL &&
         (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")) &&
         g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

static GtkWidget *
create_paragraph (const char *text,
                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The address, once: in full (wrapped where it is long), and a link to the browser. */
static GtkWidget *
create_link (const char *url)
{
  GtkWidget *button = gtk_link_button_new_with_label (url, url);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
    }
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "pn-source-link");
  g_signal_connect (button, "activate-link", G_CALLBACK (link_activate_cb), NULL);

  return button;
}

static GtkWidget *
pn_sources_page_create_row (const PnSource *source,
                            const char     *language)
{
  gboolean french = pn_text_is_french (language);
  gboolean linked = is_web_url (source->url) && !pn_source_is_unconfirmed (source, "URL");
  /* The words for what is unknown in the pack's language, as the text around them. */
  g_autofree char *markup = pn_source_format_reference (source, language,
                                                        linked ? PN_SOURCE_FORMAT_NO_URL
                                                               : PN_SOURCE_FORMAT_DEFAULT);
  g_autofree char *text = NULL;
  g_autoptr(GString) search_text = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *reference = create_paragraph (NULL, "pn-source-reference");

  /* The text comes from the pack: show it as plain text if it is not valid markup. */
  if (markup != NULL && pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    gtk_label_set_markup (GTK_LABEL (reference), markup);
  else
    {
      text = g_strdup (source->title ? source->title : source->id);
      gtk_label_set_text (GTK_LABEL (reference), text);
    }
  gtk_box_append (GTK_BOX (box), reference);
  /* A screen reader names the row by its reference. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);

  search_text = g_string_new (text);
  if (source->abstract != NULL)
    g_string_append_printf (search_text, "\n%s", source->abstract);
  if (source->note != NULL)
    g_string_append_printf (search_text, "\n%s", source->note);
  if (linked)
    g_string_append_printf (search_text, "\n%s", source->url);
  g_object_set_data_full (G_OBJECT (row), SEARCH_TEXT_KEY,
                          g_string_free (g_steal_pointer (&search_text), FALSE), g_free);

  /* The summary and the note are in the pack's language: French spacing keeps
   * « and » with their words, as in the text. */
  if (source->abstract != NULL && source->abstract[0] != '\0')
    {
      g_autofree char *abstract = french ? pn_text_french_spacing (source->abstract)
                                         : g_strdup (source->abstract);

      gtk_box_append (GTK_BOX (box), create_paragraph (abstract, "dim-label"));
    }

  if (source->note != NULL && source->note[0] != '\0')
    {
      g_autofree char *note_text = french ? pn_text_french_spacing (source->note)
                                          : g_strdup (source->note);
      GtkWidget *note = create_paragraph (note_text, "dim-label");

      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (box), note);
    }

  if (linked)
    gtk_box_append (GTK_BOX (box), create_link (source->url));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, TRUE);
  gtk_widget_add_css_class (row, "pn-source");

  return row;
}

/* Highlight and scroll */

static void
pn_sources_page_clear_highlight (PnSourcesPage *self)
{
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  if (self->highlighted != NULL)
    gtk_widget_remove_css_class (self->highlighted, "pn-highlighted");
  self->highlighted = NULL;
}

static gboolean
highlight_timeout_cb (gpointer user_data)
{
  PnSourcesPage *self = user_data;

  self->highlight_source = 0;
  pn_sources_page_clear_highlight (self);

  return G_SOURCE_REMOVE;
}

/* Scrolls to the row once it has a place; FALSE while it has none yet. */
static gboolean
pn_sources_page_try_scroll (PnSourcesPage *self)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, self->scroll_to);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scrolled_window);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  graphene_point_t point;
  double target, upper, page_size;
  AdwAnimationTarget *animation_target;

  if (row == NULL || !gtk_widget_get_mapped (row) || gtk_widget_get_height (row) == 0 ||
      !gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;

  upper = gtk_adjustment_get_upper (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  if (upper <= 0 || page_size <= 0)
    return FALSE;

  /* The entry near the top, with a little of the one before it. */
  target = CLAMP (point.y - 24, 0, MAX (0, upper - page_size));

  if (self->scroll_animation != NULL)
    adw_animation_skip (self->scroll_animation);
  g_clear_object (&self->scroll_animation);

  animation_target = adw_property_animation_target_new (G_OBJECT (adjustment), "value");
  self->scroll_animation = adw_timed_animation_new (GTK_WIDGET (self),
                                                    gtk_adjustment_get_value (adjustment),
                                                    target, 300, animation_target);
  adw_animation_play (self->scroll_animation);

  gtk_widget_grab_focus (row);

  return TRUE;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PnSourcesPage *self = PN_SOURCES_PAGE (widget);

  if (pn_sources_page_try_scroll (self) || ++self->scroll_tries >= MAX_SCROLL_TRIES)
    {
      self->scroll_tick = 0;
      g_clear_pointer (&self->scroll_to, g_free);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
pn_sources_page_cancel_scroll (PnSourcesPage *self)
{
  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_pointer (&self->scroll_to, g_free);
}

static void
pn_sources_page_clear (PnSourcesPage *self)
{
  GtkWidget *child;

  pn_sources_page_cancel_scroll (self);
  pn_sources_page_clear_highlight (self);
  g_hash_table_remove_all (self->rows);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))))
    gtk_list_box_remove (self->list_box, child);
}

/* Search */

static gboolean
filter_row_cb (GtkListBoxRow *row,
               gpointer       user_data)
{
  PnSourcesPage *self = user_data;
  const char *text = g_object_get_data (G_OBJECT (row), SEARCH_TEXT_KEY);

  /* Each word of the search starts a word of the entry, in any case and with
   * or without accents ("frederic" finds « Frédéric »). */
  return self->query == NULL || (text != NULL && g_str_match_string (self->query, text, TRUE));
}

static void
pn_sources_page_update_count (PnSourcesPage *self)
{
  g_autofree char *count = NULL;
  guint total = g_hash_table_size (self->rows);
  guint shown;

  if (self->query == NULL)
    {
      count = g_strdup_printf (ngettext ("%u work cited in this course pack",
                                         "%u works cited in this course pack", total),
                               total);
      gtk_label_set_label (self->count_label, count);
      return;
    }

  shown = pn_sources_page_get_n_shown (self);
  if (shown == 0)
    gtk_label_set_label (self->count_label, _("No work cited matches the search"));
  else
    {
      count = g_strdup_printf (ngettext ("%u work cited matches the search",
                                         "%u works cited match the search", shown),
                               shown);
      gtk_label_set_label (self->count_label, count);
    }
}

static void
search_changed_cb (PnSourcesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->query, g_free);
  if (stripped[0] != '\0')
    self->query = g_steal_pointer (&stripped);

  gtk_list_box_invalidate_filter (self->list_box);
  pn_sources_page_update_count (self);
}

static void
stop_search_cb (PnSourcesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  pn_sources_page_start_search (PN_SOURCES_PAGE (widget));
}

/* GObject */

static void
pn_sources_page_dispose (GObject *object)
{
  PnSourcesPage *self = PN_SOURCES_PAGE (object);

  pn_sources_page_cancel_scroll (self);
  pn_sources_page_clear_highlight (self);
  if (self->scroll_animation != NULL)
    adw_animation_reset (self->scroll_animation);
  g_clear_object (&self->scroll_animation);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->pack);

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_SOURCES_PAGE);

  G_OBJECT_CLASS (pn_sources_page_parent_class)->dispose (object);
}

static void pn_sources_page_ensure_rows (PnSourcesPage *self);

static void
pn_sources_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pn_sources_page_parent_class)->map (widget);
  pn_sources_page_ensure_rows (PN_SOURCES_PAGE (widget));
}

static void
pn_sources_page_class_init (PnSourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_sources_page_dispose;
  widget_class->map = pn_sources_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Prisonnum/pn-sources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnSourcesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PnSourcesPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PnSourcesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PnSourcesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, PnSourcesPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_set_css_name (widget_class, "pn-sources-page");

  gtk_widget_class_install_action (widget_class, "sources.search", NULL, search_action);
}

static void
pn_sources_page_init (PnSourcesPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_filter_func (self->list_box, filter_row_cb, self, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  /* While the page is on screen, Ctrl+F searches the sources, not the text,
   * wherever the keyboard focus is in the window (the sidebar, the header). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("sources.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

GtkWidget *
pn_sources_page_new (void)
{
  return g_object_new (PN_TYPE_SOURCES_PAGE, NULL);
}

/* The rows of the pack's sources, made the first time they are needed (the
 * page shown, a source or the count asked for): not at start-up, for a page
 * the reader may never open. */
static void
pn_sources_page_ensure_rows (PnSourcesPage *self)
{
  GPtrArray *sources;
  const char *language;

  if (!self->rows_stale)
    return;
  self->rows_stale = FALSE;

  sources = pn_pack_get_sources (self->pack);
  language = pn_pack_get_language (self->pack);
  for (guint i = 0; i < sources->len; i++)
    {
      const PnSource *source = g_ptr_array_index (sources, i);
      GtkWidget *row;

      if (source->id == NULL || g_hash_table_contains (self->rows, source->id))
        continue;

      row = pn_sources_page_create_row (source, language);
      g_hash_table_insert (self->rows, g_strdup (source->id), row);
      gtk_list_box_append (self->list_box, row);
    }

  pn_sources_page_update_count (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

void
pn_sources_page_set_pack (PnSourcesPage *self,
                          PnPack        *pack)
{
  GPtrArray *sources;

  g_return_if_fail (PN_IS_SOURCES_PAGE (self));
  g_return_if_fail (pack == NULL || PN_IS_PACK (pack));

  pn_sources_page_clear (self);
  /* A new pack starts with the whole list. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->query, g_free);
  g_set_object (&self->pack, pack);

  sources = pack ? pn_pack_get_sources (pack) : NULL;
  self->rows_stale = sources != NULL && sources->len > 0;
  gtk_stack_set_visible_child_name (self->stack, self->rows_stale ? "list" : "empty");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pn_sources_page_ensure_rows (self);
}

guint
pn_sources_page_get_n_sources (PnSourcesPage *self)
{
  g_return_val_if_fail (PN_IS_SOURCES_PAGE (self), 0);

  pn_sources_page_ensure_rows (self);
  return g_hash_table_size (self->rows);
}

gboolean
pn_sources_page_show_source (PnSourcesPage *self,
                             const char    *source_id)
{
  GtkWidget *row;

  g_return_val_if_fail (PN_IS_SOURCES_PAGE (self), FALSE);

  pn_sources_page_ensure_rows (self);
  row = source_id ? g_hash_table_lookup (self->rows, source_id) : NULL;
  if (row == NULL)
    return FALSE;

  /* A citation followed shows its entry even when a search had hidden it. */
  if (self->query != NULL && !filter_row_cb (GTK_LIST_BOX_ROW (row), self))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
    }

  pn_sources_page_clear_highlight (self);
  self->highlighted = row;
  gtk_widget_add_css_class (row, "pn-highlighted");
  self->highlight_source = g_timeout_add (HIGHLIGHT_MS, highlight_timeout_cb, self);

  pn_sources_page_cancel_scroll (self);
  self->scroll_to = g_strdup (source_id);
  self->scroll_tries = 0;
  self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);

  return TRUE;
}

void
pn_sources_page_start_search (PnSourcesPage *self)
{
  g_return_if_fail (PN_IS_SOURCES_PAGE (self));

  if (!gtk_widget_get_visible (GTK_WIDGET (self->search_entry)) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

const char *
pn_sources_page_get_search (PnSourcesPage *self)
{
  g_return_val_if_fail (PN_IS_SOURCES_PAGE (self), NULL);

  return self->query;
}

void
pn_sources_page_set_search (PnSourcesPage *self,
                            const char    *text)
{
  g_return_if_fail (PN_IS_SOURCES_PAGE (self));

  pn_sources_page_ensure_rows (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* At once, not after the entry's typing delay. */
  search_changed_cb (self);
}

guint
pn_sources_page_get_n_shown (PnSourcesPage *self)
{
  guint shown = 0;

  g_return_val_if_fail (PN_IS_SOURCES_PAGE (self), 0);

  pn_sources_page_ensure_rows (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_child_visible (row))
      shown++;

  return shown;
}
