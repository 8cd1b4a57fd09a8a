/* pn-flashcards-page-private.h: what the Flashcards page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pn-flashcard-deck.h"
#include "pn-flashcards-page.h"

G_BEGIN_DECLS

#define N_GRADES 4

struct _PnFlashcardsPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AdwStatusPage     *start_status;
  GtkLabel          *start_counts_label;
  GtkLabel          *start_next_label;
  GtkButton         *start_button;
  GtkProgressBar    *progress_bar;
  GtkLabel          *progress_label;
  GtkWidget         *card_box;
  GtkLabel          *front_kind_label;
  GtkLabel          *front_label;
  GtkWidget         *answer_box;
  GtkLabel          *back_kind_label;
  GtkLabel          *back_label;
  GtkWidget         *wait_box;
  GtkLabel          *wait_label;
  GtkButton         *finish_button;
  GtkButton         *reveal_button;
  GtkWidget         *grade_box;
  GtkButton         *grade_buttons[N_GRADES];
  GtkLabel          *grade_labels[N_GRADES];
  GtkLabel          *end_summary_label;
  GtkLabel          *end_grades_label;
  GtkLabel          *end_next_label;
  GtkButton         *end_button;

  /* Owned references */
  PnStore           *store;
  GSettings         *settings;
  PnPack            *pack;
  PnFlashcardDeck   *deck;

  PnFlashcardsClock  clock;
  gpointer           clock_data;
  guint              n_due;
  /* Wakes the page when the day changes, or a card of today comes due. */
  guint              wake_source;
  /* In a session: the card shown, whether its back is, and what was done */
  gboolean           in_session;
  gboolean           revealed;
  PnFlashcard        card;
  gboolean           has_card;
  /* On the start screen: the cards of today that are not new */
  guint              n_review;
};

/* pn-flashcards-page.c */
gint64   _pn_flashcards_page_now            (PnFlashcardsPage *self);
/* The keyboard focus is in the page: it may be moved within it (never
 * taken from the sidebar or the header bar). */
gboolean _pn_flashcards_page_has_focus      (PnFlashcardsPage *self);
/* Moves the focus to @widget (if @had_focus) before whatever held it is hidden. */
void     _pn_flashcards_page_move_focus     (PnFlashcardsPage *self,
                                             GtkWidget        *widget,
                                             gboolean          had_focus);
void     _pn_flashcards_page_set_n_due      (PnFlashcardsPage *self,
                                             guint             n_due);
/* A new deck for now, with the settings as they are. */
void     _pn_flashcards_page_load           (PnFlashcardsPage *self);
void     _pn_flashcards_page_set_screen     (PnFlashcardsPage *self,
                                             const char       *name,
                                             GtkWidget        *focus,
                                             gboolean          had_focus);
void     _pn_flashcards_page_update_actions (PnFlashcardsPage *self);
void     _pn_flashcards_page_show_end       (PnFlashcardsPage *self);

/* pn-flashcards-page-session.c */
/* The next card's front, or the wait for a card in a learning step, or the end. */
void     _pn_flashcards_page_show_card      (PnFlashcardsPage *self);
void     _pn_flashcards_page_wait_over      (PnFlashcardsPage *self);
/* flashcards.start, .reveal, .grade, .finish and their keys. */
void     _pn_flashcards_page_class_session_init (GtkWidgetClass *widget_class);

G_END_DECLS
