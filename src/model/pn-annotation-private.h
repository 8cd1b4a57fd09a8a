/* pn-annotation-private.h: what the annotations' export and import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pn-annotation.h"

G_BEGIN_DECLS

/* The Web Annotation Data Model's context, and ours for the members it has no
 * term for: "pn:kind", "pn:color", "pn:pack", "pn:document",
 * "pn:contentHash", "pn:detached" (prefix "pn" bound to this in the
 * document's @context). */
#define PN_ANNOTATION_W3C_CONTEXT "http://www.w3.org/ns/anno.jsonld"
#define PN_ANNOTATION_NS          "https://prisonnum.example.org/ns/annotation#"

/* What an import reads at most: the file, its annotations, and each text in
 * them (in bytes). An annotation with a longer text is left out, not cut. */
#define PN_ANNOTATION_MAX_FILE   (50 * 1024 * 1024)
#define PN_ANNOTATION_MAX_ITEMS  100000
#define PN_ANNOTATION_MAX_ID     512
#define PN_ANNOTATION_MAX_NOTE   (256 * 1024)
#define PN_ANNOTATION_MAX_QUOTE  (64 * 1024)
#define PN_ANNOTATION_MAX_TAG    256
#define PN_ANNOTATION_MAX_TAGS   100

/* Where an annotation starts in its file (1-based; 0 when unknown). */
typedef struct {
  int line;
  int column;
} PnAnnotationPlace;

/* pn_annotations_from_w3c(), and in @places (a GArray of PnAnnotationPlace,
 * may be NULL) where each annotation returned starts in the file, in the
 * same order: a pack's teacher's notes are reported at their place. */
GPtrArray *pn_annotations_from_w3c_located (const char *data,
                                            gssize      length,
                                            const char *file,
                                            GPtrArray  *problems,
                                            GArray     *places,
                                            GError    **error);

G_END_DECLS
