/* pn-gift-private.h: what the GIFT reader's two files share
 *
 * pn-gift-parse.c cuts the file into questions; pn-gift-answers.c reads the
 * texts (escapes, formats) and each kind of answer block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-diagnostic.h"
#include "pn-gift-text.h"
#include "pn-quiz.h"

G_BEGIN_DECLS

/* The state of one file's reading. */
typedef struct {
  const char *file;
  GPtrArray *diagnostics;
  GHashTable *document_ids;
  PnQuiz *quiz;
  char *category;
  guint n_questions;
  gboolean capped;         /* the question limit was reported */
} PnGiftParser;

/* An error of the file at @line. */
#define pn_gift_error_at(parser, line, ...) \
  pn_diagnostics_addf ((parser)->diagnostics, PN_SEVERITY_ERROR, (parser)->file, (line), 1, __VA_ARGS__)

/* @text with each escape (\\~ \\= \\# \\{ \\} \\: \\n \\\\) set aside as a private-use character. */
char *pn_gift_set_escapes_aside (const char *text);

/* [@text, @text + @length) (-1: all) with the escaped characters back, trimmed. */
char *pn_gift_restore (const char *text,
                       gssize      length);

/* A text of the question as Markdown: its [format] prefix, or @format. */
char *pn_gift_to_markdown (const char   *raw,
                           gssize        length,
                           PnGiftFormat  format);

/* The same, or NULL when empty. */
char *pn_gift_optional_markdown (const char   *raw,
                                 gssize        length,
                                 PnGiftFormat  format);

/* The answers of a block [start, end) (escapes set aside) into @answers, as
 * multiple choice (~ and =, weights, #feedback); @text_only for the choices
 * of a gap (not Markdown). */
gboolean pn_gift_read_choices (PnGiftParser   *parser,
                               PnQuizQuestion *question,
                               GPtrArray      *answers,
                               const char     *start,
                               const char     *end,
                               PnGiftFormat    format,
                               gboolean        text_only);

/* The same, as short answers (=, weights 100 unless written). */
gboolean pn_gift_read_short (PnGiftParser   *parser,
                             PnQuizQuestion *question,
                             GPtrArray      *answers,
                             const char     *start,
                             const char     *end,
                             PnGiftFormat    format);

/* The numerical answers after the leading #: value:tolerance, min..max,
 * weights, feedback, a ~ catch-all. FALSE (reported at @line) when one is no number. */
gboolean pn_gift_read_numerical (PnGiftParser   *parser,
                                 PnQuizQuestion *question,
                                 const char     *start,
                                 const char     *end,
                                 PnGiftFormat    format,
                                 int             line);

/* The pairs "=item -> match", an empty item for a distractor. FALSE (reported) without "->". */
gboolean pn_gift_read_matching (PnGiftParser   *parser,
                                PnQuizQuestion *question,
                                const char     *start,
                                const char     *end,
                                PnGiftFormat    format,
                                int             line);

/* T, TRUE, F or FALSE, then #feedback if wrong #feedback if right. */
gboolean pn_gift_read_true_false (PnQuizQuestion *question,
                                  const char     *answer,
                                  PnGiftFormat    format);

/* Whether the answer block is a true/false one. */
gboolean pn_gift_is_true_false (const char *answer);

G_END_DECLS
