/* pn-source.h: a work cited, from the pack's CSL-JSON sources file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A source from the pack's CSL-JSON file. Fields are NULL when absent.
 * A field listed in `unconfirmed` is shown as unknown, never guessed. */
typedef struct {
  char *id;
  char *type;              /* CSL type: "article-newspaper", "book", "webpage", ... */
  char *title;
  char **authors;          /* display names, NULL-terminated, never NULL */
  char *container_title;   /* journal, newspaper, blog, site */
  char *publisher;
  char *publisher_place;
  char *issued;            /* "2025", "2025-10", "2025-10-03", or NULL */
  char *url;               /* http(s) only; anything else is dropped with a warning */
  char *abstract;          /* our summary of the work */
  char *note;              /* free text, e.g. what stays unconfirmed */
  char *language;
  char **unconfirmed;      /* CSL variable names whose value is unknown, NULL-terminated, never NULL */
  int line;                /* line of the entry in the sources file */
} PnSource;
void      pn_source_free              (PnSource *source);
gboolean  pn_source_is_unconfirmed    (const PnSource *source, const char *field);
/* The entry as a reference, in Pango markup (also valid HTML: only <i> and escaped text).
 * Unknown fields read "date unknown" etc. (translated). */
char     *pn_source_format_markup     (const PnSource *source);

typedef enum {
  PN_SOURCE_FORMAT_DEFAULT = 0,
  PN_SOURCE_FORMAT_NO_URL  = 1 << 0,   /* the address is shown apart (a link): leave it out */
} PnSourceFormatFlags;

/* The same, with the words for what is unknown in @language, the language of
 * the text the reference stands in (the pack's): French and English have their
 * own; any other language, or NULL, gets the interface's (translated) words. */
char     *pn_source_format_reference  (const PnSource     *source,
                                       const char         *language,
                                       PnSourceFormatFlags flags);

G_END_DECLS
