/* pn-quiz-parse.h: reading a quiz file of the pack (JSON, data/schemas/quiz.schema.json)
 *
 * Each problem becomes a diagnostic at its file:line:column; a question that
 * cannot be used is left out and the others are kept; an unknown member is a
 * warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-json.h"
#include "pn-quiz.h"

G_BEGIN_DECLS

#define PN_QUIZ_ID_PATTERN "^[a-z0-9][a-z0-9_-]*$"
#define PN_QUESTION_ID_PATTERN "^[A-Za-z0-9][A-Za-z0-9_.-]*$"

/* The quiz of the file @json, or NULL when its id, title or questions cannot
 * be read (reported). @document_ids (id -> anything, NULL: not checked) are
 * the documents a passage may name. Every problem is appended to
 * @diagnostics (may be NULL). */
PnQuiz *pn_quiz_parse (PnJsonFile *json,
                       GHashTable *document_ids,
                       GPtrArray  *diagnostics);

G_END_DECLS
