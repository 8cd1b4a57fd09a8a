/* pn-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-flashcards-page.h"
#include "pn-glossary-page.h"
#include "pn-library-page.h"
#include "pn-quiz-page.h"
#include "pn-notes-page.h"
#include "pn-window.h"

G_BEGIN_DECLS

struct _PnWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  PnLibraryPage        *library_page;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *sidebar_button;
  GtkToggleButton      *search_button;
  GtkButton            *back_button;
  GtkButton            *library_button;
  GtkLabel             *zoom_label;
  AdwFlap              *flap;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_box;
  GtkStack             *stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *match_label;
  PnReaderView         *reader_view;
  GtkWidget            *progress_box;
  GtkLabel             *progress_label;
  PnSourcesPage        *sources_page;
  PnGlossaryPage       *glossary_page;
  AdwStatusPage        *error_page;

  /* Owned references */
  PnPackSession        *session;
  GSettings            *settings;

  GtkWidget            *sources_row;
  /* The Flashcards page (added to the stack in code) and its row, NULL without cards */
  PnFlashcardsPage     *flashcards_page;
  GtkWidget            *flashcards_row;
  GtkWidget            *glossary_row;
  /* The Quizzes page (added to the stack in code) and its row, NULL without quizzes */
  PnQuizPage           *quiz_page;
  GtkWidget            *quiz_row;
  /* The Notes page (added to the stack in code) and its row, NULL without a pack */
  PnNotesPage          *notes_page;
  GtkWidget            *notes_row;
  /* TRUE while the window follows a pack just opened (pages switch without a fade) */
  gboolean              opening;
  /* pn_window_present_when_ready() waits for the open running */
  gboolean              present_pending;
  /* Shows the loading page when an open takes a while. */
  guint                 loading_source;
  guint                 library_button_source;
  /* Find: waiting for the count of the last search; the count (G_MAXUINT: over 1000) */
  gboolean              find_counting;
  guint                 find_count;
  /* FALSE until the document shown is laid out at its stored place. */
  gboolean              track_position;
  /* The library page shows the app's library (set when first shown). */
  gboolean              library_set;
  /* The pack open was removed from the library (until another open). */
  gboolean              pack_removed;
  /* Packs removed, waiting for Undo (pn-window-library.c), NULL before any. */
  GPtrArray            *removals;
};

/* pn-window.c */
void  _pn_window_show_document     (PnWindow   *self,
                                    const char *doc_id);
/* Does nothing when the pack lists no sources (_pn_window_has_sources()). */
void  _pn_window_show_sources      (PnWindow   *self);
gboolean _pn_window_has_sources    (PnWindow   *self);
/* The Sources page at @source_id, or a toast when the pack does not list it. */
void  _pn_window_show_source       (PnWindow   *self,
                                    const char *source_id);
gboolean _pn_window_is_pack_page   (const char *page);
/* Shows the window's page @page; with @record, what was shown goes into the history. */
void  _pn_window_set_pack_page     (PnWindow   *self,
                                    const char *page,
                                    gboolean    record);
void  _pn_window_find_next         (PnWindow   *self,
                                    gboolean    backwards);

/* pn-window-find.c */
void  _pn_window_class_find_init    (PnWindowClass *klass);
void  _pn_window_find_init          (PnWindow      *self);

/* pn-window-sidebar.c */
void  _pn_window_class_sidebar_init     (PnWindowClass *klass);
void  _pn_window_sidebar_init           (PnWindow      *self);
void  _pn_window_sidebar_fill           (PnWindow      *self);
GtkLayoutManager *_pn_window_content_layout_new (void);
void  _pn_window_sidebar_update_current (PnWindow      *self);

/* pn-window-flashcards.c */
void  _pn_window_flashcards_init          (PnWindow      *self);
void  _pn_window_flashcards_fill_sidebar  (PnWindow      *self);
void  _pn_window_show_flashcards          (PnWindow      *self);

/* pn-window-glossary.c */
void  _pn_window_glossary_init          (PnWindow      *self);
void  _pn_window_glossary_sidebar_fill  (PnWindow      *self);
void  _pn_window_show_glossary          (PnWindow      *self,
                                         const char    *entry_id);

/* pn-window-quiz.c */
void  _pn_window_quiz_init            (PnWindow      *self);
void  _pn_window_quiz_fill_sidebar    (PnWindow      *self);
void  _pn_window_show_quiz            (PnWindow      *self);
/* pn-window-notes-page.c */
void  _pn_window_notes_page_init        (PnWindow      *self);
void  _pn_window_notes_page_sidebar_fill (PnWindow     *self);
void  _pn_window_show_notes             (PnWindow      *self);

/* pn-window-notes.c */
void  _pn_window_class_notes_init       (PnWindowClass *klass);
void  _pn_window_notes_init             (PnWindow      *self);

/* pn-window-library.c */
void      _pn_window_class_library_init (PnWindowClass *klass);
/* The library is shown rather than the course. */
gboolean  _pn_window_in_library         (PnWindow      *self);
/* From the library to the course (the pack open). */
void      _pn_window_show_course        (PnWindow      *self);
/* The packs removed and waiting for Undo go for good (the window closes). */
void      _pn_window_library_finish     (PnWindow      *self);
/* pn-window-teacher.c */
void  _pn_window_teacher_notes_init     (PnWindow      *self);

/* pn-window-settings.c */
void  _pn_window_bind_settings          (PnWindow      *self);

/* pn-window-import.c */
void  _pn_window_class_import_init      (PnWindowClass *klass);
void  _pn_window_import_init            (PnWindow      *self);

/* pn-window-actions.c */
void  _pn_window_class_actions_init (PnWindowClass *klass);
void  _pn_window_actions_init       (PnWindow      *self);
void  _pn_window_actions_update     (PnWindow      *self);
/* The pack opened has problems: a toast offers their list (win.show-problems). */
void  _pn_window_offer_problems     (PnWindow      *self);
/* The mouse's back and forward buttons on one of the window's pages. */
void  _pn_window_watch_history_buttons (PnWindow   *self,
                                        GtkWidget  *page);

G_END_DECLS
