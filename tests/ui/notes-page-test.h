/* notes-page-test.h: what the Notes page's tests share (run under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-notes-page.h"
#include "pn-store-annotations.h"
#include "window-test.h"

G_BEGIN_DECLS

/* A pack of two short English texts, « harbour » and « market », with its id
 * @id (each test its own: they share the student store). */
GFile        *make_notes_pack (const char *id);
PnStore      *window_store    (PnWindow   *window);
/* An annotation on the words @quote of @doc_id's page text (NULL: a
 * document note), as the reader makes one, dated @date. */
PnAnnotation *annotation_on   (PnWindow          *window,
                               const char        *doc_id,
                               PnAnnotationKind   kind,
                               PnAnnotationColor  color,
                               const char        *quote,
                               const char        *note,
                               const char       **tags,
                               gint64             date);
/* Stores @annotation (taken) and tells the session. */
void          add_annotation  (PnWindow     *window,
                               PnAnnotation *annotation);
/* Five: three highlights (two yellow, one green), a bookmark, a document note. */
void          add_five        (PnWindow *window);

PnNotesPage  *notes_page      (PnWindow *window);
gboolean      notes_mapped_cb (gpointer  data);
/* The Notes row activated: the page shown, its row current. */
void          show_notes      (PnWindow *window);
void          screenshot      (PnWindow   *window,
                               const char *name);
/* The group headings the page shows, in order (of const char *). */
GPtrArray    *headings        (PnNotesPage *page);
/* The note rows shown, in order. */
GPtrArray    *shown_rows      (PnNotesPage *page);

typedef struct {
  PnNotesPage *page;
  guint n;
} ShownWait;

gboolean      n_shown_is_cb   (gpointer data);
/* Types @text in the search as a person would, and waits for @n notes. */
void          type_search     (PnNotesPage *page,
                               const char  *text,
                               guint        n);
/* The quote of a PnNoteRow ("" for a document note). */
const char   *row_quote       (GtkWidget *row);
/* How many mapped labels show @label. */
guint         count_buttons   (PnNotesPage *page,
                               const char  *label);

G_END_DECLS
