/* pn-annotation.h: one of the student's annotations (a highlight, which may
 * carry a note; a bookmark; a free note on a whole document)
 *
 * CONTRACT HEADER written before the code (issue 8): the implementation is
 * pn-annotation.c. Other files rely on these names; change them only
 * together with every user.
 *
 * An annotation is kept with W3C Web Annotation selectors (pn-anchor.h):
 * the quoted text with 32 code points of context on each side, and its
 * position in the document's plain text (the text of pn_rendered_page_get_text(),
 * in code points), plus the pack id, the document id and the hash of the
 * document's plain text when it was last anchored. Nothing is keyed by a file
 * path. An annotation that cannot be placed in a changed text is detached,
 * never deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  PN_ANNOTATION_HIGHLIGHT,      /* a passage, painted; its note may be empty */
  PN_ANNOTATION_BOOKMARK,       /* a place (selectors of a few words there) */
  PN_ANNOTATION_DOCUMENT_NOTE,  /* a note on the whole document: no selectors */
} PnAnnotationKind;

/* "highlight", "bookmark", "document-note" */
const char *pn_annotation_kind_to_string   (PnAnnotationKind  kind);
gboolean    pn_annotation_kind_from_string (const char       *name,
                                            PnAnnotationKind *kind);

typedef enum {
  PN_ANNOTATION_YELLOW,
  PN_ANNOTATION_GREEN,
  PN_ANNOTATION_BLUE,
  PN_ANNOTATION_PINK,
  PN_ANNOTATION_ORANGE,
  PN_ANNOTATION_PURPLE,
  PN_ANNOTATION_UNDERLINE,
} PnAnnotationColor;

#define PN_ANNOTATION_N_COLORS 7

/* "yellow", "green", "blue", "pink", "orange", "purple", "underline" (also
 * the CSS class suffix of the painted highlight: pn-hl-yellow…) */
const char *pn_annotation_color_to_string   (PnAnnotationColor  color);
gboolean    pn_annotation_color_from_string (const char        *name,
                                             PnAnnotationColor *color);

/* W3C TextQuoteSelector + TextPositionSelector. */
typedef struct {
  char *exact;     /* the quoted text, as it reads in the plain text */
  char *prefix;    /* up to 32 code points before it ("" at the start) */
  char *suffix;    /* up to 32 code points after it */
  gint64 start;    /* code points in the document's plain text, [start, end) */
  gint64 end;
} PnTextSelectors;

void pn_text_selectors_clear (PnTextSelectors       *selectors);
void pn_text_selectors_copy  (const PnTextSelectors *from,
                              PnTextSelectors       *to);

typedef struct {
  char *id;                /* "urn:uuid:…" (W3C ids), unique in the store */
  char *pack_id;
  char *document_id;
  PnAnnotationKind kind;
  PnAnnotationColor color; /* highlights; YELLOW otherwise */
  char *note;              /* Markdown, "" when none; never NULL */
  GStrv tags;              /* never NULL */
  PnTextSelectors selectors; /* all zero/NULL for document notes */
  char *content_hash;      /* pn_anchor_text_get_hash() of the text it was anchored in; NULL when unknown */
  gboolean detached;       /* the last anchoring found no place good enough */
  gint64 created_at;       /* seconds since the epoch, UTC */
  gint64 updated_at;
} PnAnnotation;

/* A new annotation with a fresh id, now as its times, empty note and tags. */
PnAnnotation *pn_annotation_new  (const char         *pack_id,
                                  const char         *document_id,
                                  PnAnnotationKind    kind);
PnAnnotation *pn_annotation_copy (const PnAnnotation *annotation);
void          pn_annotation_free (PnAnnotation       *annotation);
/* Replaces the tags (copied; trimmed, empty and repeated ones left out). */
void          pn_annotation_set_tags (PnAnnotation       *annotation,
                                      const char * const *tags);
gboolean      pn_annotation_has_tag  (const PnAnnotation *annotation,
                                      const char         *tag);
/* Whether the annotation has a place in its text to be painted at: not
 * detached, and a range [start, end) that is not empty. */
gboolean      pn_annotation_is_placed (const PnAnnotation *annotation);
/* A GPtrArray that frees its PnAnnotation elements. */
GPtrArray    *pn_annotations_new (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnAnnotation, pn_annotation_free)

G_END_DECLS
