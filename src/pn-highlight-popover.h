/* pn-highlight-popover.h: a highlight opened in the text
 *
 * Its note (Markdown, shown rendered, pn_render_markdown_pango(); edited in
 * a text view), its colour, its tags (an entry completing from the tags used
 * in the pack; each tag with a remove button) and Delete. It only says what
 * the reader changed: the caller saves. A note is offered for saving after a
 * short pause in the typing and when the popover closes; when the save
 * fails (pn_highlight_popover_set_save_error()), the text stays in the
 * editor with the error under it, and is offered again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pn-annotation.h"
#include "pn-pack.h"

G_BEGIN_DECLS

#define PN_TYPE_HIGHLIGHT_POPOVER (pn_highlight_popover_get_type ())
G_DECLARE_FINAL_TYPE (PnHighlightPopover, pn_highlight_popover, PN, HIGHLIGHT_POPOVER, GtkPopover)

#define PN_HIGHLIGHT_POPOVER_SAVE_DELAY_MS 800

GtkWidget  *pn_highlight_popover_new            (void);
/* Shows @annotation (copied); @known_tags complete the tag entry. A note
 * not saved yet of another annotation is offered first ("note-changed"). */
void        pn_highlight_popover_set_annotation (PnHighlightPopover *self,
                                                 const PnAnnotation *annotation,
                                                 PnPack             *pack,
                                                 const char * const *known_tags);
const char *pn_highlight_popover_get_id         (PnHighlightPopover *self);
/* The note as typed (not saved yet, perhaps). */
char       *pn_highlight_popover_get_note       (PnHighlightPopover *self);
/* Opens the editor (the focus in it once shown). */
void        pn_highlight_popover_edit_note      (PnHighlightPopover *self);
/* The result of saving the note offered last: NULL when saved (the error
 * goes), else the message, shown under the text kept. */
void        pn_highlight_popover_set_save_error (PnHighlightPopover *self,
                                                 const char         *message);
/* TRUE while a typed note is not saved. */
gboolean    pn_highlight_popover_has_unsaved_note (PnHighlightPopover *self);
/* Offers the typed note now if it is not saved ("note-changed"). */
void        pn_highlight_popover_flush          (PnHighlightPopover *self);

/* Signals (each with the annotation's id):
 *   "note-changed"     (const char *id, const char *note)
 *   "color-changed"    (const char *id, const char *color)
 *   "tags-changed"     (const char *id, GStrv tags)
 *   "delete-requested" (const char *id)
 */

G_END_DECLS
