/* pn-annotation-export.h: the student's annotations out (Markdown to hand
 * in, W3C Web Annotation JSON-LD) and back in (that JSON)
 *
 * CONTRACT HEADER written before the code (issue 8): the implementation is
 * pn-annotation-export.c and pn-annotation-import.c. Other files rely on
 * these names; change them only together with every user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-annotation.h"
#include "pn-pack.h"

G_BEGIN_DECLS

/* Markdown grouped by document (in the pack's order when @pack is given, its
 * titles used; else by document id): each quote, its note, tags, colour, and
 * a reference (pack title, document title, position). @now: the date written
 * at the top (NULL: now). */
char      *pn_annotations_to_markdown (GPtrArray  *annotations,
                                       PnPack     *pack,
                                       GDateTime  *now);

/* A W3C AnnotationCollection (JSON-LD, http://www.w3.org/ns/anno.jsonld)
 * whose items carry both selectors, the note as a TextualBody (text/markdown),
 * tags as TextualBody with purpose "tagging", the colour, the pack id,
 * document id and content hash. @pack may be NULL. */
char      *pn_annotations_to_w3c      (GPtrArray  *annotations,
                                       PnPack     *pack);

/* Reads such a collection (or a single annotation, or an array of them) from
 * untrusted @data: the annotations it holds (of PnAnnotation), or NULL with
 * @error set (FILE:LINE: message) when it is not JSON or not annotations at
 * all. Items that cannot be read are left out, each with a diagnostic in
 * @problems (may be NULL); @file names the file in messages. */
GPtrArray *pn_annotations_from_w3c    (const char *data,
                                       gssize      length,
                                       const char *file,
                                       GPtrArray  *problems,
                                       GError    **error);

G_END_DECLS
