/* pn-quiz-write.h: a quiz written as the pack's quiz JSON
 *
 * What pn_quiz_parse() reads back as the same quiz (data/schemas/quiz.schema.json).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-quiz.h"

G_BEGIN_DECLS

/* @quiz as JSON text, indented, ending with a line break. */
char *pn_quiz_to_json (PnQuiz *quiz);

G_END_DECLS
