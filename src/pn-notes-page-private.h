/* pn-notes-page-private.h: what the Notes page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pn-anchor.h"
#include "pn-notes-page.h"
#include "pn-store-annotations.h"

G_BEGIN_DECLS

struct _PnNotesPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *menu_button;
  GtkWidget            *filter_box;
  GtkDropDown          *color_drop_down;
  GtkStringList        *color_model;
  GtkDropDown          *tag_drop_down;
  GtkStringList        *tag_model;
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  GtkLabel             *count_label;
  GtkBox               *groups_box;

  /* Owned references */
  PnPackSession        *session;
  GSettings            *settings;
  GHashTable           *texts;        /* document id -> PnAnchorText of its page text */
  GHashTable           *keys;         /* annotation id -> its search key (quote, note, tags folded) */
  GPtrArray            *annotations;  /* of PnAnnotation: the pack's, anchored */
  GStrv                 tags;         /* used in the pack's annotations, sorted */
  GtkFileChooserNative *chooser;

  /* Filters */
  char                 *query;        /* folded; NULL: none */
  int                   color;        /* PnAnnotationColor, or -1 */
  char                 *tag;          /* NULL: any */

  guint                 n_shown;      /* annotations that match (rows are made for limit of them) */
  guint                 limit;
  guint                 n_detached;
  gboolean              rows_stale;   /* the rows are made when the page is shown */
  gboolean              changing;     /* the page itself tells the session of a change */
};

/* A group of rows of the page (a box: heading, list) holds its list under this key. */
#define PN_NOTES_GROUP_LIST_KEY "pn-notes-group-list"

/* pn-notes-page.c */
/* The first (@last FALSE) or last row shown in @list, or NULL. */
GtkWidget    *_pn_notes_page_list_end_row (GtkWidget   *list,
                                           gboolean     last);

/* The rows made again for the search and filters (now when the page is
 * shown, else when it is), the first hundred. */
void          _pn_notes_page_rebuild       (PnNotesPage *self);

/* pn-notes-page-filter.c */
void          _pn_notes_page_class_filter_init (GtkWidgetClass *widget_class);
void          _pn_notes_page_filter_init   (PnNotesPage *self);
/* Whether @annotation passes the search and the filters. */
gboolean      _pn_notes_page_matches       (PnNotesPage        *self,
                                            const PnAnnotation *annotation);
/* The count, the filters shown, the page's state (list, no match, empty). */
void          _pn_notes_page_show_state    (PnNotesPage *self);
/* The tag drop down from self->tags, the tag chosen kept when still there. */
void          _pn_notes_page_fill_tags     (PnNotesPage *self);
/* No search, every colour and tag (a pack opened). */
void          _pn_notes_page_clear_filters (PnNotesPage *self);

/* pn-notes-page-data.c */
PnStore      *_pn_notes_page_store  (PnNotesPage *self);
PnPack       *_pn_notes_page_pack   (PnNotesPage *self);
/* The page text of @doc_id prepared for anchoring (kept for the pack), or NULL. */
PnAnchorText *_pn_notes_page_text   (PnNotesPage *self,
                                     const char  *doc_id);
/* Fills self->annotations and self->tags from the store, anchored; writes
 * back those whose place changed (telling the session once). */
void          _pn_notes_page_load   (PnNotesPage *self);
/* Whether @annotation is listed under Detached (detached, or its document is
 * no longer in the pack). */
gboolean      _pn_notes_page_is_detached (PnNotesPage        *self,
                                          const PnAnnotation *annotation);
/* The page shows @message in the window's toast overlay. */
void          _pn_notes_page_toast  (PnNotesPage *self,
                                     const char  *message);

/* pn-notes-page-transfer.c */
void          _pn_notes_page_class_transfer_init (GtkWidgetClass *widget_class);

G_END_DECLS
