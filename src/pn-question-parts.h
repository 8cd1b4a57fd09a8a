/* pn-question-parts.h: pieces the answer widgets of a question share
 *
 * The shuffle (a permutation drawn from the question view's GRand), labels
 * made from the question's Markdown, and the mark a graded part shows: an
 * icon and words (« Correct », « Incorrect »…), never colour alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "model/pn-pack.h"

G_BEGIN_DECLS

/* A random order of 0..@n-1 (of guint): element i is the index shown at
 * position i. With @avoid_identity and @n >= 2, never the identity. */
GArray    *pn_question_shuffle        (GRand      *rand,
                                       guint       n,
                                       gboolean    avoid_identity);

/* @markdown as Pango markup for a GtkLabel (links as <a href>), or NULL. */
char      *pn_question_render         (PnPack     *pack,
                                       const char *markdown);
/* @markup without its <a> tags, as pango_parse_markup() takes it. */
char      *pn_question_strip_links    (const char *markup);

/* A wrapping, left-aligned label showing @markdown (NULL: ""). */
GtkWidget *pn_question_label_new      (PnPack     *pack,
                                       const char *markdown);
/* Sets @markdown on @label as Pango markup (plain text when it does not render). */
void       pn_question_label_set_markdown (GtkLabel   *label,
                                           PnPack     *pack,
                                           const char *markdown);
/* @markdown as the plain text a screen reader reads or a drop down lists. */
char      *pn_question_plain_text     (PnPack     *pack,
                                       const char *markdown);

/* A drop down offering « Choose… » (position 0, no answer) then @items
 * (plain text, in the order given: item i at position i + 1); long items
 * wrap in the list and are cut short on the button, so that they never
 * widen the window. */
GtkWidget *pn_question_drop_down_new  (const char * const *items);

/* A hidden mark (icon and words), shown by pn_question_mark_set(). */
GtkWidget *pn_question_mark_new       (void);
/* Shows @mark as right or wrong, in @words (NULL: « Correct » or
 * « Incorrect »); also given to @described (may be NULL) as its
 * accessible description. */
void       pn_question_mark_set       (GtkWidget  *mark,
                                       gboolean    right,
                                       const char *words,
                                       GtkWidget  *described);

G_END_DECLS
