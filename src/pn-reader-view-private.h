/* pn-reader-view-private.h: what the reader view's files share
 *
 * The view is spread over
 *   pn-reader-view.c             the widget: loading, the page's messages, popovers, properties
 *   pn-reader-view-popovers.c    the footnote and citation popovers
 *   pn-reader-view-navigation.c  the navigation policy, external links, history, what else the page may do
 *   pn-reader-view-actions.c     the reader.* actions and their keys: zoom, find, scrolling
 *   pn-reader-view-style.c       text size, face and spacing, and the user stylesheet with its palettes
 *   pn-reader-view-print.c       printing and PDF export (public API only)
 *   pn-reader-view-text.c        the page's plain text and block offsets for the page scripts
 *   pn-reader-view-glossary.c    the term and selection popovers, occurrences shown and flashed
 *   pn-reader-view-annotations.c the student's highlights painted, opened, made from the selection
 *   pn-reader-view-teacher.c     the teacher's notes painted as their own layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-citation-popover.h"
#include "pn-footnote-popover.h"
#include "pn-page-bridge.h"
#include "pn-reader-view.h"
#include "pn-scheme-handler.h"
#include "pn-selection-popover.h"
#include "pn-term-popover.h"

G_BEGIN_DECLS

#define PN_READER_VIEW_MAX_RELOADS 3
#define PN_READER_VIEW_WORDS_PER_MINUTE 200

typedef struct _PnPendingOccurrence PnPendingOccurrence;

typedef struct {
  char *page;       /* a window page (e.g. "sources"), or NULL for the text */
  char *doc_id;     /* the text's document (NULL: the test page) */
  char *anchor;
  double fraction;
} PnHistoryEntry;

struct _PnReaderView {
  GtkWidget parent_instance;

  GtkWidget *overlay;
  WebKitWebView *web_view;
  WebKitUserContentManager *content_manager;
  PnSchemeHandler *scheme;
  PnPageBridge *bridge;
  GtkWidget *hover_revealer;
  GtkWidget *hover_label;
  PnFootnotePopover *footnote_popover;
  PnCitationPopover *citation_popover;
  PnTermPopover *term_popover;
  PnSelectionPopover *selection_popover;
  char *selection_text;                      /* the words selected in the page, or NULL */
  PnPendingOccurrence *pending_occurrence;   /* to show once its document is laid out */
  PnGlossaryLinkMode link_mode;

  /* notes (pn-reader-view-annotations.c) */
  char *annotations_json;      /* what annotations.js paints, for annotations_doc */
  char *annotations_doc;
  guint text_generation;       /* a page laid out: the page text goes to it */
  int text_state;
  gboolean paint_wanted;
  gint64 selection_start;      /* the words selected in the page text, or -1 */
  gint64 selection_end;
  char *reattach_id;           /* the detached note the next selection may take */
  PnPageRect annotation_rect;  /* the highlight opened last */
  PnPageRect selection_rect;
  PnAnnotationColor highlight_color;
  GPtrArray *adopted;          /* popovers of others pointed at highlights */
  char *teacher_json;          /* the teacher's notes annotations.js paints, for teacher_doc */
  char *teacher_doc;           /*   (pn-reader-view-teacher.c) */

  char *doc_id;
  char *current_uri;     /* the page the view may show (no fragment) */
  char *title;
  gboolean test_page;

  gboolean load_waiting; /* a load waits for the content filter */
  gboolean warming;      /* the blank page may load: no real page was asked for yet */
  gboolean load_finished;
  gboolean page_ready;
  guint reloads;

  gboolean has_pending_position;
  char *pending_anchor;
  double pending_fraction;   /* < 0: show the anchor at the top */
  char *last_anchor;
  double last_fraction;

  /* reading progress */
  guint total_words;
  guint words_left;

  /* history */
  GPtrArray *back;       /* of PnHistoryEntry, oldest first */
  GPtrArray *forward;    /* of PnHistoryEntry, nearest last */
  char *history_page;    /* the window page shown instead of the text, or NULL */

  int font_size;
  PnFontFamily font_family;
  double line_spacing;
  gboolean dark;

  char *find_text;
  guint find_count;
  guint find_index;
  GCancellable *find_cancellable;
};

enum {
  PN_READER_VIEW_PROP_0,
  PN_READER_VIEW_PROP_FONT_SIZE,
  PN_READER_VIEW_PROP_FONT_FAMILY,
  PN_READER_VIEW_PROP_LINE_SPACING,
  PN_READER_VIEW_PROP_ZOOM_LEVEL,
  PN_READER_VIEW_PROP_DOCUMENT_ID,
  PN_READER_VIEW_PROP_TITLE,
  PN_READER_VIEW_PROP_LOADING,
  PN_READER_VIEW_PROP_CAN_GO_BACK,
  PN_READER_VIEW_PROP_CAN_GO_FORWARD,
  PN_READER_VIEW_PROP_PROGRESS,
  PN_READER_VIEW_PROP_MINUTES_LEFT,
  PN_READER_VIEW_N_PROPS
};
extern GParamSpec *pn_reader_view_properties[PN_READER_VIEW_N_PROPS];

enum {
  PN_READER_VIEW_SIGNAL_DOCUMENT_LOADED,
  PN_READER_VIEW_SIGNAL_FIND_MATCHES,
  PN_READER_VIEW_SIGNAL_FIND_INDEX,
  PN_READER_VIEW_SIGNAL_POSITION_CHANGED,
  PN_READER_VIEW_SIGNAL_PROGRESS_CHANGED,
  PN_READER_VIEW_SIGNAL_SOURCE_ACTIVATED,
  PN_READER_VIEW_SIGNAL_DOCUMENT_ACTIVATED,
  PN_READER_VIEW_SIGNAL_HISTORY_PAGE,
  PN_READER_VIEW_SIGNAL_FOCUS_LEAVE,
  PN_READER_VIEW_SIGNAL_PROBLEM,
  PN_READER_VIEW_SIGNAL_EXTERNAL_LINK_ACTIVATED,
  PN_READER_VIEW_SIGNAL_PDF_EXPORTED,
  PN_READER_VIEW_SIGNAL_GLOSSARY_ACTIVATED,
  PN_READER_VIEW_SIGNAL_GLOSSARY_LOOK_UP,
  PN_READER_VIEW_SIGNAL_OCCURRENCE_SHOWN,
  PN_READER_VIEW_SIGNAL_ANNOTATION_ACTIVATED,
  PN_READER_VIEW_SIGNAL_REATTACH_REQUESTED,
  PN_READER_VIEW_SIGNAL_HIGHLIGHT_REQUESTED,
  PN_READER_VIEW_SIGNAL_ANNOTATIONS_PAINTED,
  PN_READER_VIEW_SIGNAL_TEACHER_NOTE_ACTIVATED,
  PN_READER_VIEW_SIGNAL_TEACHER_NOTES_PAINTED,
  PN_READER_VIEW_N_SIGNALS
};
extern guint pn_reader_view_signals[PN_READER_VIEW_N_SIGNALS];

/* pn-reader-view.c */
void     pn_reader_view_load_at                (PnReaderView *self,
                                                const char   *doc_id,
                                                const char   *anchor,
                                                double        fraction);

/* pn-reader-view-popovers.c */
void     pn_reader_view_popdown_all            (PnReaderView        *self);
void     pn_reader_view_show_footnote          (PnReaderView        *self,
                                                const PnPageMessage *message);
void     pn_reader_view_show_citation          (PnReaderView        *self,
                                                const PnPageMessage *message);
void     pn_reader_view_adopt_popover          (PnReaderView        *self,
                                                GtkWidget           *popover);
void     pn_reader_view_set_reading_face       (PnReaderView        *self,
                                                GtkLabel            *label);

/* pn-reader-view-glossary.c */
void     pn_reader_view_glossary_init          (PnReaderView        *self);
void     pn_reader_view_glossary_dispose       (PnReaderView        *self);
void     pn_reader_view_glossary_present       (PnReaderView        *self);
void     pn_reader_view_show_term              (PnReaderView        *self,
                                                const PnPageMessage *message);
void     pn_reader_view_show_selection         (PnReaderView        *self,
                                                const PnPageMessage *message);
void     pn_reader_view_glossary_context_menu  (PnReaderView        *self,
                                                WebKitContextMenu   *menu,
                                                WebKitHitTestResult *hit);

/* pn-reader-view-annotations.c */
void     pn_reader_view_annotations_class_init (GObjectClass        *klass);
void     pn_reader_view_annotations_init       (PnReaderView        *self);
void     pn_reader_view_annotations_dispose    (PnReaderView        *self);
void     pn_reader_view_annotations_popdown    (PnReaderView        *self);
void     pn_reader_view_annotation_activated   (PnReaderView        *self,
                                                const PnPageMessage *message);
void     pn_reader_view_connect_selection_popover (PnReaderView     *self,
                                                PnSelectionPopover  *popover);
PnSelectionActions pn_reader_view_selection_actions (PnReaderView   *self,
                                                const PnPageMessage *message);
void     pn_reader_view_annotations_context_menu (PnReaderView      *self,
                                                WebKitContextMenu   *menu,
                                                WebKitHitTestResult *hit);

/* Paints what was given for the document shown, now if its text is in the
 * page, else once it is. */
void     pn_reader_view_request_paint          (PnReaderView        *self);
/* The counts annotations.js replied to a painting of @what; FALSE when it failed. */
gboolean pn_reader_view_painted_counts         (PnReaderView        *self,
                                                GObject             *source,
                                                GAsyncResult        *result,
                                                const char          *what,
                                                guint               *painted,
                                                guint               *missing,
                                                double              *ms);

/* pn-reader-view-teacher.c */
void     pn_reader_view_teacher_class_init     (GObjectClass        *klass);
void     pn_reader_view_teacher_paint          (PnReaderView        *self);
void     pn_reader_view_teacher_dispose        (PnReaderView        *self);

/* pn-reader-view-navigation.c */
void     pn_reader_view_navigation_init        (PnReaderView *self);
gboolean pn_reader_view_is_external_uri        (const char   *uri);
gboolean pn_reader_view_real_external_link_activated (PnReaderView *self,
                                                const char   *uri);
void     pn_reader_view_real_focus_leave       (PnReaderView *self,
                                                GtkDirectionType direction);
void     pn_reader_view_history_push           (PnReaderView *self,
                                                const char   *anchor,
                                                double        fraction);
void     pn_reader_view_history_clear          (PnReaderView *self);
void     pn_history_entry_free                 (gpointer      data);

/* pn-reader-view-actions.c */
void     pn_reader_view_actions_class_init     (GtkWidgetClass *widget_class);
void     pn_reader_view_actions_init           (PnReaderView *self);
void     pn_reader_view_actions_update         (PnReaderView *self);
void     pn_reader_view_call                   (PnReaderView *self,
                                                const char   *method,
                                                GVariant     *args);

/* pn-reader-view-style.c */
void     pn_reader_view_style_update           (PnReaderView *self);

G_END_DECLS
