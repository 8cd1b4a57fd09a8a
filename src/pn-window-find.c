/* pn-window-find.c: the window's find bar (find in the text shown)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-window-private.h"

/* An empty label is left out (a screen reader would name it « GtkLabel »). */
static void
pn_window_set_match_text (PnWindow   *self,
                          const char *text)
{
  gtk_label_set_label (self->match_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), text[0] != '\0');
}

/* « 3 of 33 » once the current match is known, else the count. */
static void
pn_window_update_match_label (PnWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint index = pn_reader_view_get_find_index (self->reader_view, NULL);
  guint n = self->find_count;
  g_autofree char *text = NULL;

  if (query[0] == '\0')
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No matches"));
  else if (index > 0 && n == G_MAXUINT)
    /* Translators: the current match, next to the search entry */
    text = g_strdup_printf (_("%u of over 1000"), index);
  else if (index > 0)
    /* Translators: the current match and how many there are, next to the search entry */
    text = g_strdup_printf (_("%u of %u"), index, n);
  else if (n == G_MAXUINT)
    text = g_strdup (_("Over 1000 matches"));
  else
    /* Translators: shown next to the search entry */
    text = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);

  pn_window_set_match_text (self, text);
  if (n == 0 && query[0] != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
pn_window_find (PnWindow   *self,
                const char *text)
{
  self->find_counting = TRUE;
  self->find_count = 0;
  pn_reader_view_find (self->reader_view, text);
}

static void
reader_find_matches_cb (PnWindow     *self,
                        guint         n_matches,
                        PnReaderView *reader)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_assert (PN_IS_WINDOW (self));

  /* Not the count asked for: Escape in the text cleared the search. */
  if (!self->find_counting && n_matches == 0 && query[0] != '\0')
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }

  self->find_counting = FALSE;
  self->find_count = n_matches;
  pn_window_update_match_label (self);
}

static void
reader_find_index_cb (PnWindow     *self,
                      guint         index,
                      guint         n_matches,
                      PnReaderView *reader)
{
  g_assert (PN_IS_WINDOW (self));

  if (!self->find_counting)
    pn_window_update_match_label (self);
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
      pn_window_set_match_text (self, "");
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
    }
  else
    {
      pn_window_find (self, text);
    }
}

void
_pn_window_find_next (PnWindow *self,
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
      pn_window_find (self, text);
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
  _pn_window_find_next (self, FALSE);
}

static void
search_next_match_cb (PnWindow       *self,
                      GtkSearchEntry *entry)
{
  _pn_window_find_next (self, FALSE);
}

static void
search_previous_match_cb (PnWindow       *self,
                          GtkSearchEntry *entry)
{
  _pn_window_find_next (self, TRUE);
}

static gboolean
search_shift_enter_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  _pn_window_find_next (PN_WINDOW (user_data), TRUE);
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
      pn_window_set_match_text (self, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      if (gtk_widget_get_mapped (GTK_WIDGET (self->reader_view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
    }
}

void
_pn_window_class_find_init (PnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_find_matches_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_find_index_cb);
}

void
_pn_window_find_init (PnWindow *self)
{
  GtkEventController *shortcuts;

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
}
