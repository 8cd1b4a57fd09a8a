/* pn-gift-parse.h: reading Moodle's GIFT question format into a quiz
 *
 * Questions are separated by blank lines. Supported, as Moodle's GIFT import
 * reads them: titles ::…::, comments // (with [id:…] and [tag:…]), $CATEGORY:,
 * the [markdown], [html], [plain] and [moodle] prefixes, escapes \~ \= \# \{
 * \} \: \\ \n, multiple choice (~ and =, weights %50% and %-100%), per-answer
 * #feedback and ####general feedback, true/false (T, F, TRUE, FALSE and their
 * two feedbacks), short answer (weights, * wildcards), numerical (#3:0.5,
 * #1..5, several weighted answers, a ~ catch-all), matching (=a -> b, an empty
 * left side for a distractor), missing word (the answer block inside the
 * sentence: a cloze question of one gap), essay {} (an open question) and
 * description items. Comments "// hint: …", "// passage: DOC: quote" and
 * "// options: match_case match_accents allow_typo" (written by
 * pn-gift-write.c) carry what GIFT has no syntax for.
 *
 * HTML (the [html] and [moodle] formats) becomes Markdown: bold, italic,
 * code, pre, line breaks, paragraphs, lists and links are converted, entities
 * decoded; any other tag is kept as raw HTML, which the renderer's sanitizer
 * leaves out (with a warning) as it does in documents; <script> and <style>
 * are dropped with their content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-quiz.h"

G_BEGIN_DECLS

/* Largest GIFT file read: the pack's file limit. */
#define PN_GIFT_MAX_SIZE (8 * 1024 * 1024)

/* The quiz in the GIFT text @data (@length bytes, not NUL-terminated), named
 * @file in messages. Its id is @quiz_id, or when NULL made from the file's
 * name; its title the last $CATEGORY, or the file's name. A question that
 * cannot be read is reported at its line and left out; the others are kept.
 * NULL (reported) when @data is too large or not UTF-8. @document_ids as for
 * pn_quiz_check_question(). */
PnQuiz *pn_gift_parse (const char *data,
                       gsize       length,
                       const char *file,
                       const char *quiz_id,
                       GHashTable *document_ids,
                       GPtrArray  *diagnostics);

/* An id [a-z0-9][a-z0-9_-]* made from @text ("Quiz 1 — Lordon" -> "quiz-1-lordon"),
 * accents left out; "" when @text has no letter or digit. */
char   *pn_gift_make_id (const char *text);

G_END_DECLS
