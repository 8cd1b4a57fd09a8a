/* pn-window-quiz.c: the window's Quizzes page, its sidebar row, and the way
 * from a question to its passage in the text and back
 *
 * The page is a child of the window's stack ("quiz") with its row after the
 * pack's other pages, when the pack has quizzes. « Reread the Passage » shows
 * the document scrolled to the quote and flashes it; the toast's « Back to
 * Quiz », the row, or Alt+Left return to the question where it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-quiz-check.h"
#include "pn-sidebar-row.h"
#include "pn-window-private.h"

void
_pn_window_quiz_fill_sidebar (PnWindow *self)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);

  self->quiz_row = NULL;
  pn_quiz_page_set_store (self->quiz_page, pn_pack_session_get_store (self->session));
  pn_quiz_page_set_pack (self->quiz_page, pack);

  if (pack == NULL || !pn_quiz_page_has_quizzes (self->quiz_page))
    return;

  self->quiz_row = pn_sidebar_row_new ("emblem-default-symbolic", _("Quizzes"), "quiz");
  gtk_list_box_append (self->sidebar_list, self->quiz_row);
}

void
_pn_window_show_quiz (PnWindow *self)
{
  g_assert (PN_IS_WINDOW (self));

  if (self->quiz_row == NULL)
    return;

  pn_quiz_page_refresh (self->quiz_page);
  _pn_window_set_pack_page (self, "quiz", TRUE);
}

static void
show_quiz_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  PnWindow *self = user_data;

  _pn_window_show_quiz (self);
  /* Back where the keyboard was: the answer, or « Next » once checked. */
  pn_quiz_page_focus (self->quiz_page);
}

/* Where the quote found at @start (a byte offset in @text) ends, in code
 * points: the quote read along the text, a run of white space in one for a
 * run in the other (the search sees them as equal), other characters one for one. */
static gboolean
is_blank (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F;
}

static glong
quote_end (const char *text,
           gssize      start,
           const char *quote)
{
  const char *t = text + start;
  const char *q = quote;

  while (*q != '\0' && *t != '\0')
    {
      if (is_blank (q))
        {
          while (*q != '\0' && is_blank (q))
            q = g_utf8_next_char (q);
          while (*t != '\0' && is_blank (t))
            t = g_utf8_next_char (t);
          continue;
        }
      q = g_utf8_next_char (q);
      t = g_utf8_next_char (t);
    }

  return g_utf8_pointer_to_offset (text, t);
}

/* « Reread the Passage »: the text at the quote, flashed. */
static void
page_passage_requested_cb (PnWindow   *self,
                           const char *doc_id,
                           const char *quote,
                           PnQuizPage *page)
{
  PnPack *pack = pn_pack_session_get_pack (self->session);
  const char *text;
  gssize found;
  AdwToast *toast;

  if (pack == NULL || pn_pack_get_document (pack, doc_id) == NULL)
    {
      pn_window_add_toast (self, adw_toast_new (_("The text of this passage is not in the course pack")));
      return;
    }

  text = pn_pack_session_get_page_text (self->session, doc_id);
  found = text != NULL ? pn_quiz_find_quote (text, quote) : -1;
  _pn_window_show_document (self, doc_id);
  if (found >= 0)
    {
      /* The page's offsets count code points. */
      glong start = g_utf8_pointer_to_offset (text, text + found);
      glong end = quote_end (text, found, quote);

      pn_reader_view_show_occurrence (self->reader_view, doc_id, NULL, (guint) start, (guint) end);
      toast = adw_toast_new (_("The passage is highlighted"));
    }
  else
    {
      toast = adw_toast_new (_("The passage could not be found in the text"));
    }
  adw_toast_set_button_label (toast, _("Back to Quiz"));
  adw_toast_set_action_name (toast, "win.show-quiz");
  adw_toast_set_timeout (toast, 10);
  pn_window_add_toast (self, toast);
  /* The keyboard reads the text there. */
  gtk_widget_grab_focus (GTK_WIDGET (self->reader_view));
}

void
_pn_window_quiz_init (PnWindow *self)
{
  static const GActionEntry entries[] = {
    { .name = "show-quiz", .activate = show_quiz_action },
  };
  GtkStackPage *page;

  self->quiz_page = PN_QUIZ_PAGE (pn_quiz_page_new ());
  page = gtk_stack_add_named (self->stack, GTK_WIDGET (self->quiz_page), "quiz");
  gtk_stack_page_set_title (page, _("Quizzes"));
  g_signal_connect_object (self->quiz_page, "passage-requested",
                           G_CALLBACK (page_passage_requested_cb), self, G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  _pn_window_watch_history_buttons (self, GTK_WIDGET (self->quiz_page));
}
