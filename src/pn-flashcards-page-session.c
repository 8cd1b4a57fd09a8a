/* pn-flashcards-page-session.c: the Flashcards page's session: one card at a
 * time, its answer, its grade, the wait for cards in a learning step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pn-flashcards-page"

#include "config.h"

#include <glib/gi18n.h>

#include "pn-toast.h"
#include "pn-flashcards-page-private.h"
#include "pn-flashcards-text.h"

static void
pn_flashcards_page_update_progress (PnFlashcardsPage *self)
{
  PnFlashcardSummary summary;
  guint total, current;
  g_autofree char *text = NULL;

  pn_flashcard_deck_get_summary (self->deck, &summary);
  total = summary.reviewed + summary.remaining;
  current = MIN (summary.reviewed + 1, total);
  /* Translators: the card shown and how many the session holds, e.g. "3 of 12" */
  text = g_strdup_printf (_("%u of %u"), current, total);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) summary.reviewed / total : 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

/* A card graded Again waits for its step in the session: the page says when it comes. */
static gboolean
waiting_cb (gpointer user_data)
{
  PnFlashcardsPage *self = user_data;

  self->wake_source = 0;
  if (self->in_session && !self->has_card)
    {
      pn_flashcard_deck_refresh (self->deck, _pn_flashcards_page_now (self));
      _pn_flashcards_page_show_card (self);
    }

  return G_SOURCE_REMOVE;
}

static void
pn_flashcards_page_show_waiting (PnFlashcardsPage *self,
                                 gint64            due,
                                 gint64            now)
{
  gboolean had_focus = _pn_flashcards_page_has_focus (self);
  g_autofree char *wait = pn_flashcards_format_interval (due - now);
  g_autofree char *text = NULL;

  /* Translators: %s is a wait such as "1 min": a card graded Again comes back then */
  text = g_strdup_printf (_("The next card comes back in %s"), wait);
  gtk_label_set_label (self->wait_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->finish_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  /* The actions first: a button whose action is off cannot take the focus. */
  _pn_flashcards_page_update_actions (self);
  gtk_widget_set_visible (self->wait_box, TRUE);
  gtk_widget_set_visible (self->card_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), FALSE);
  _pn_flashcards_page_move_focus (self, GTK_WIDGET (self->finish_button), had_focus);
  gtk_widget_set_visible (self->grade_box, FALSE);

  g_clear_handle_id (&self->wake_source, g_source_remove);
  self->wake_source = g_timeout_add_seconds ((guint) CLAMP (due - now, 1, 3600), waiting_cb, self);
}

/* The next card's front, or the wait for a card graded Again, or the end. */
void
_pn_flashcards_page_show_card (PnFlashcardsPage *self)
{
  gint64 now = _pn_flashcards_page_now (self);
  gboolean had_focus = _pn_flashcards_page_has_focus (self);
  const PnFlashcard *next;
  gboolean term_first;
  g_autofree char *description = NULL;
  gint64 wait;

  self->revealed = FALSE;
  self->has_card = FALSE;
  next = pn_flashcard_deck_next (self->deck);
  if (next == NULL)
    {
      _pn_flashcards_page_show_end (self);
      return;
    }
  /* Only cards graded into a learning step are left, none due yet. */
  wait = pn_flashcard_deck_get_wait (self->deck);
  if (wait > 0)
    {
      pn_flashcards_page_update_progress (self);
      pn_flashcards_page_show_waiting (self, now + wait, now);
      _pn_flashcards_page_update_actions (self);
      return;
    }

  self->card = *next;
  self->has_card = TRUE;

  term_first = self->card.direction == PN_CARD_TERM_TO_DEFINITION;
  gtk_label_set_label (self->front_kind_label, term_first ? _("Term") : _("Definition"));
  gtk_label_set_label (self->front_label, term_first ? self->card.entry->term : self->card.entry->definition);
  gtk_label_set_label (self->back_kind_label, term_first ? _("Definition") : _("Term"));
  gtk_label_set_label (self->back_label, term_first ? self->card.entry->definition : self->card.entry->term);
  gtk_widget_remove_css_class (GTK_WIDGET (self->front_label), term_first ? "pn-flashcard-definition" : "pn-flashcard-term");
  gtk_widget_add_css_class (GTK_WIDGET (self->front_label), term_first ? "pn-flashcard-term" : "pn-flashcard-definition");
  gtk_widget_remove_css_class (GTK_WIDGET (self->back_label), term_first ? "pn-flashcard-term" : "pn-flashcard-definition");
  gtk_widget_add_css_class (GTK_WIDGET (self->back_label), term_first ? "pn-flashcard-definition" : "pn-flashcard-term");

  /* The front is said with the button the focus is on. */
  /* Translators: what a screen reader says of a flashcard's front: "Term: seigneurage" */
  description = g_strdup_printf (_("%s: %s"), gtk_label_get_label (self->front_kind_label),
                                 gtk_label_get_label (self->front_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reveal_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  /* The actions first: a button whose action is off cannot take the focus. */
  _pn_flashcards_page_update_actions (self);
  gtk_widget_set_visible (self->card_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), TRUE);
  _pn_flashcards_page_move_focus (self, GTK_WIDGET (self->reveal_button), had_focus);
  gtk_widget_set_visible (self->wait_box, FALSE);
  gtk_widget_set_visible (self->answer_box, FALSE);
  gtk_widget_set_visible (self->grade_box, FALSE);

  pn_flashcards_page_update_progress (self);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PnFlashcardsPage *self = PN_FLASHCARDS_PAGE (widget);

  /* The deck as it is now (the day may have changed since the start screen). */
  _pn_flashcards_page_load (self);
  if (self->deck == NULL)
    return;

  self->in_session = TRUE;
  g_clear_handle_id (&self->wake_source, g_source_remove);
  _pn_flashcards_page_set_screen (self, "session", GTK_WIDGET (self->reveal_button),
                                 _pn_flashcards_page_has_focus (self));
  _pn_flashcards_page_show_card (self);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnFlashcardsPage *self = PN_FLASHCARDS_PAGE (widget);
  gint64 now = _pn_flashcards_page_now (self);
  gboolean had_focus = _pn_flashcards_page_has_focus (self);
  g_autofree char *answer = NULL;

  if (!self->in_session || !self->has_card || self->revealed)
    return;

  self->revealed = TRUE;
  for (guint i = 0; i < N_GRADES; i++)
    {
      gint64 due = pn_fsrs_next_due (pn_flashcard_deck_get_params (self->deck), &self->card.fsrs,
                                     (PnFsrsRating) (i + 1), now);
      g_autofree char *wait = pn_flashcards_format_interval (due - now);
      g_autofree char *name = NULL;

      gtk_label_set_label (self->grade_labels[i], wait);
      /* Translators: a grade button's name for a screen reader: "Good, 10 min" */
      name = g_strdup_printf (_("%s, %s"), pn_flashcards_grade_name ((PnFsrsRating) (i + 1)), wait);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
    }

  /* The answer is said with the button the focus lands on (GTK 4.8 has no
   * announcements): Good, the usual grade; Space there grades Good. */
  /* Translators: what a screen reader says of a flashcard's back: "Definition: …" */
  answer = g_strdup_printf (_("%s: %s"), gtk_label_get_label (self->back_kind_label),
                            gtk_label_get_label (self->back_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_buttons[PN_FSRS_GOOD - 1]),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, answer,
                                  -1);

  _pn_flashcards_page_update_actions (self);
  gtk_widget_set_visible (self->answer_box, TRUE);
  gtk_widget_set_visible (self->grade_box, TRUE);
  _pn_flashcards_page_move_focus (self, GTK_WIDGET (self->grade_buttons[PN_FSRS_GOOD - 1]), had_focus);
  gtk_widget_set_visible (GTK_WIDGET (self->reveal_button), FALSE);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PnFlashcardsPage *self = PN_FLASHCARDS_PAGE (widget);
  int rating = g_variant_get_int32 (param);
  g_autoptr(GError) error = NULL;

  if (!self->in_session || !self->has_card || !self->revealed ||
      rating < PN_FSRS_AGAIN || rating > PN_FSRS_EASY)
    return;

  if (!pn_flashcard_deck_grade (self->deck, (PnFsrsRating) rating, _pn_flashcards_page_now (self), &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

      /* Not kept: the card stays, graded again once the store works; the
       * reader is told, not only the log. */
      g_message ("Cannot record the review: %s", error->message);
      gtk_widget_error_bell (widget);
      if (overlay != NULL)
        pn_toast_show (ADW_TOAST_OVERLAY (overlay),
                                     adw_toast_new (_("The grade could not be saved")));
      return;
    }

  _pn_flashcards_page_set_n_due (self, pn_flashcard_deck_count_due (self->deck));
  _pn_flashcards_page_show_card (self);
}

/* Ends the session while its last cards wait: they come back the next time. */
static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PnFlashcardsPage *self = PN_FLASHCARDS_PAGE (widget);

  if (!self->in_session || self->has_card)
    return;

  g_clear_handle_id (&self->wake_source, g_source_remove);
  _pn_flashcards_page_show_end (self);
}

/* The wait is over (or looked at again): the next card, if it is due. */
void
_pn_flashcards_page_wait_over (PnFlashcardsPage *self)
{
  g_clear_handle_id (&self->wake_source, g_source_remove);
  waiting_cb (self);
}

void
_pn_flashcards_page_class_session_init (GtkWidgetClass *widget_class)
{
  static const guint digit_keys[N_GRADES][2] = {
    { GDK_KEY_1, GDK_KEY_KP_1 }, { GDK_KEY_2, GDK_KEY_KP_2 },
    { GDK_KEY_3, GDK_KEY_KP_3 }, { GDK_KEY_4, GDK_KEY_KP_4 },
  };

  gtk_widget_class_install_action (widget_class, "flashcards.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "flashcards.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "flashcards.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "flashcards.finish", NULL, finish_action);

  /* Space shows the answer (on a focused button, Space presses it first);
   * 1–4, on the main keys or the keypad, grade. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "flashcards.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Space, 0, "flashcards.reveal", NULL);
  for (guint i = 0; i < N_GRADES; i++)
    for (guint k = 0; k < 2; k++)
      gtk_widget_class_add_binding_action (widget_class, digit_keys[i][k], 0, "flashcards.grade", "i", i + 1);
}
