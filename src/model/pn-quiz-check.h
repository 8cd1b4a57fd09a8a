/* pn-quiz-check.h: what makes a question usable, whatever file it came from
 *
 * The JSON and GIFT readers build a question, then ask these checks: no
 * right answer, weights that cannot reach 100 %, matching with duplicate
 * items, ordering with fewer than two steps, a passage naming an unknown
 * document. The teachers' tool adds the passages' quotes (pn-pack-check.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-diagnostic.h"
#include "pn-pack.h"
#include "pn-quiz.h"

G_BEGIN_DECLS

/* Reports each problem of @question at its line in @file; FALSE when the
 * question cannot be asked (an error: it is to be left out). @document_ids
 * (id -> anything, NULL: not checked) are the documents of the pack. */
gboolean pn_quiz_check_question (const PnQuizQuestion *question,
                                 const char           *file,
                                 GHashTable           *document_ids,
                                 GPtrArray            *diagnostics);

/* Where @quote occurs in @text (a rendered page's text), as a byte offset, or
 * -1. Found by the notes' anchoring (pn-anchor.h, the quote alone: exact,
 * else approximate above its floor), white space, no-break spaces and
 * apostrophes aside, so that a quote survives small edits of the text. */
gssize   pn_quiz_find_quote     (const char *text,
                                 const char *quote);
/* The same as code point offsets [*start, *end) of @text (the offsets of
 * pn_reader_view_show_occurrence()); FALSE (and -1) when not found. */
gboolean pn_quiz_locate_quote   (const char *text,
                                 const char *quote,
                                 gint64     *start,
                                 gint64     *end);

/* For each question of @quiz with a passage: a warning when @page_text
 * (document id -> the rendered page's text) has no such document text or the
 * quote is not found in it. */
void     pn_quiz_check_quotes   (PnQuiz     *quiz,
                                 GHashTable *page_text,
                                 GPtrArray  *diagnostics);

/* Each text of @quiz (question, explanation, hint, feedback, choices, items)
 * that holds raw HTML or a link goes through the same safe passes as the
 * documents (pn_render_markdown_pango_full()): their warnings (raw HTML left
 * out, unknown source or glossary entry...) at the question's line. */
void     pn_quiz_check_texts    (PnPack     *pack,
                                 PnQuiz     *quiz,
                                 GPtrArray  *diagnostics);

G_END_DECLS
