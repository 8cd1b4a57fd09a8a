/* pn-flashcards-page.h: the study page: the pack's glossary as flashcards, scheduled by FSRS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-pack.h"
#include "pn-store.h"

G_BEGIN_DECLS

#define PN_TYPE_FLASHCARDS_PAGE (pn_flashcards_page_get_type ())
G_DECLARE_FINAL_TYPE (PnFlashcardsPage, pn_flashcards_page, PN, FLASHCARDS_PAGE, GtkWidget)

/* The clock the page schedules with (seconds since the epoch); tests set their own. */
typedef gint64 (*PnFlashcardsClock) (gpointer user_data);

/* Property "n-due" (guint, notified): the cards due today, what the sidebar shows.
 * Actions: flashcards.start, flashcards.reveal (Space), flashcards.grade (i, 1–4:
 * keys 1–4), flashcards.finish (while the cards left wait for their step),
 * flashcards.back (from the end screen). */
GtkWidget  *pn_flashcards_page_new          (void);
/* Where the reviews are kept (NULL: nowhere, the page shows no cards) and the
 * settings "desired-retention" and "new-cards-per-day" are read. */
void        pn_flashcards_page_set_store    (PnFlashcardsPage  *self,
                                             PnStore           *store,
                                             GSettings         *settings);
/* The pack whose glossary is studied (NULL: none); a session under way ends. */
void        pn_flashcards_page_set_pack     (PnFlashcardsPage  *self,
                                             PnPack            *pack);
/* Whether the pack's glossary has entries with a definition (cards to study). */
gboolean    pn_flashcards_page_has_cards    (PnFlashcardsPage  *self);
guint       pn_flashcards_page_get_n_due    (PnFlashcardsPage  *self);
/* Reads the day's cards again (outside a session): the start screen and the count. */
void        pn_flashcards_page_refresh      (PnFlashcardsPage  *self);
/* "start", "session" or "end". */
const char *pn_flashcards_page_get_screen   (PnFlashcardsPage  *self);
void        pn_flashcards_page_set_clock    (PnFlashcardsPage  *self,
                                             PnFlashcardsClock  clock,
                                             gpointer           user_data);

G_END_DECLS
