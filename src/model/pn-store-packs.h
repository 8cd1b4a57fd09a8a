/* pn-store-packs.h: the student's data of a whole pack (the library's
 * progress figures, and forgetting a pack that is removed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-store.h"

G_BEGIN_DECLS

typedef struct {
  guint  documents_started;  /* of @document_ids, those with a reading position */
  guint  documents_read;     /* of @document_ids, those read to their end (position >= 0.95) */
  double read_fraction;      /* mean position over @document_ids, in [0, 1] */
  guint  cards_due;          /* flashcards already reviewed whose review is due at @now */
  guint  notes;              /* highlights, notes and bookmarks */
  guint  quizzes_taken;      /* quizzes with at least one finished attempt */
  double best_quiz_score;    /* mean of the best score of each quiz taken, in [0, 1]; 0 when none */
} PnPackProgress;

/* What the student did in the pack @pack_id, whose documents are
 * @document_ids. @now in seconds since the epoch. */
gboolean  pn_store_get_pack_progress (PnStore             *self,
                                      const char          *pack_id,
                                      const char * const  *document_ids,
                                      gint64               now,
                                      PnPackProgress      *progress,
                                      GError             **error);
/* Deletes everything the store keeps of @pack_id (annotations and their
 * tags, flashcards and their reviews, quiz attempts and answers, reading
 * positions) in one transaction: all or nothing. */
gboolean  pn_store_forget_pack       (PnStore             *self,
                                      const char          *pack_id,
                                      GError             **error);

G_END_DECLS
