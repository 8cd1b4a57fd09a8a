/* pn-quiz-export.h: « Exporter les résultats », an attempt as Markdown to hand in
 *
 * The summary names the pack, the quiz, the date and the score, then each
 * question in the quiz's order with the student's answer and whether it was
 * right; open answers are given in full. Its labels are in the pack's
 * language (French when pn_text_is_french(), English otherwise), not the
 * interface's: the teacher reads it. The pack's texts (question, choices)
 * are Markdown and kept as such; the student's texts are escaped so that
 * nothing typed can change the summary's structure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-pack.h"
#include "pn-quiz.h"
#include "pn-store.h"

G_BEGIN_DECLS

/* The summary of @attempt, whose answers (PnQuizStoredAnswer) are @answers,
 * at quiz @quiz of the pack titled @pack_title in @language. Dates in
 * @time_zone (NULL: local time). A question of the quiz the attempt did not
 * answer is listed as unanswered, except in a review attempt (which asked
 * only the missed ones); an answer to a question no longer in the quiz is
 * listed last, by its id. */
char *pn_quiz_export_markdown     (const char           *pack_title,
                                   const char           *language,
                                   PnQuiz               *quiz,
                                   const PnQuizAttempt  *attempt,
                                   GPtrArray            *answers,
                                   GTimeZone            *time_zone);
/* The same, read from @store for the attempt @attempt_id at @quiz of @pack;
 * NULL with @error set when the attempt is unknown or cannot be read. */
char *pn_quiz_export_attempt      (PnStore              *store,
                                   PnPack               *pack,
                                   PnQuiz               *quiz,
                                   gint64                attempt_id,
                                   GTimeZone            *time_zone,
                                   GError              **error);
/* A file name for it: "QUIZ-ID-YYYY-MM-DD.md" (the quiz id is already safe
 * in a file name). */
char *pn_quiz_export_file_name    (PnQuiz               *quiz,
                                   const PnQuizAttempt  *attempt,
                                   GTimeZone            *time_zone);
/* @text as Markdown inline text that reads as typed: every character that
 * Markdown gives a meaning escaped, line breaks and tabs as spaces, other
 * control characters dropped, invalid UTF-8 replaced. */
char *pn_quiz_export_escape       (const char           *text);

G_END_DECLS
