/* pn-gift-text.h: the texts of GIFT (formats, escapes) and Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PN_GIFT_FORMAT_MOODLE,     /* the default: HTML allowed, line breaks kept */
  PN_GIFT_FORMAT_HTML,
  PN_GIFT_FORMAT_PLAIN,
  PN_GIFT_FORMAT_MARKDOWN,
} PnGiftFormat;

/* The [format] prefix of @text, if any: sets @format and returns the text
 * after it; otherwise leaves @format and returns @text. */
const char *pn_gift_text_take_format (const char   *text,
                                      PnGiftFormat *format);
/* @text (escapes already undone) of @format as Markdown. */
char       *pn_gift_text_to_markdown (const char   *text,
                                      PnGiftFormat  format);
/* Markdown special characters of @text escaped, for a plain text. */
char       *pn_gift_text_escape_markdown (const char *text);
/* @text with GIFT's special characters ~ = # { } : \ escaped and line
 * breaks written \n, for a GIFT file. */
char       *pn_gift_text_escape      (const char   *text);

G_END_DECLS
