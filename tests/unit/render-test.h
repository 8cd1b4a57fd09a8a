/* render-test.h: rendering a document of a small pack, for the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-render.h"
#include "pn-test-util.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* How long the last render took (the pack's making and loading left out);
 * made by main() before the first render. */
extern GTimer *render_timer;

/* A pack in @language with one source, a glossary, a second document and an
 * image; its document "doc" holds @markdown. Returns the rendered page. */
char *render_numbered (const char *markdown,
                       const char *language,
                       GPtrArray  *diagnostics);
/* The page without the block ids (p_1, q_1, t_1…), which /render/block-ids
 * checks, nor the words kept whole, which /render/keep-whole checks. */
char *render_with     (const char *markdown,
                       const char *language,
                       GPtrArray  *diagnostics);
/* render_with() in French. */
char *render          (const char *markdown,
                       GPtrArray  *diagnostics);
/* Fail the test (showing the page) when @html lacks @needle. */
void  assert_contains (const char *html,
                       const char *needle);
/* Fail the test (showing the page) when @html holds @needle, in any case. */
void  assert_lacks    (const char *html,
                       const char *needle);
