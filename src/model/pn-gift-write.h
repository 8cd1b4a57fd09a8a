/* pn-gift-write.h: a quiz written as Moodle's GIFT
 *
 * Every text is written with the [markdown] prefix on the question (answers
 * and feedback take the question's format in Moodle), special characters
 * escaped. The question's id and tags go in a "// [id:…] [tag:…]" comment,
 * which Moodle reads; its hint, passage and answer options (case, accents,
 * typo) in "// hint:", "// passage:" and "// options:" comments, which Moodle
 * ignores and pn_gift_parse() reads back. Cloze questions of one gap become
 * missing-word questions. Ordering questions and cloze questions of several
 * gaps have no GIFT form: they are left out, each with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-quiz.h"

G_BEGIN_DECLS

/* @quiz as GIFT text; each question left out is a warning in @diagnostics
 * (may be NULL), at its line in the quiz's file. */
char *pn_gift_write (PnQuiz    *quiz,
                     GPtrArray *diagnostics);

G_END_DECLS
