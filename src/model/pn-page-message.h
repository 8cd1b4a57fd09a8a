/* pn-page-message.h: the messages the reader page sends to the app
 *
 * The page script (src/reader/bridge.js) posts JSON objects
 *   { "v": PN_PAGE_PROTOCOL_VERSION, "type": TYPE, …members of that type }
 * One table (pn-page-message.c) lists every type with its validator; anything
 * else (another version, an unknown type, a missing, mistyped or over-long
 * member) is refused with a GError saying why. The page is untrusted: it
 * shares its DOM with the pack's content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PN_PAGE_PROTOCOL_VERSION 1

#define PN_PAGE_MESSAGE_MAX_SIZE   (256 * 1024)
#define PN_PAGE_MESSAGE_MAX_TEXT   16000
#define PN_PAGE_MESSAGE_MAX_ID     512
#define PN_PAGE_MESSAGE_MAX_RUNS   400
#define PN_PAGE_MESSAGE_MAX_SELECTION 200
/* The page text is at most this long (code points) for offsets */
#define PN_PAGE_MESSAGE_MAX_OFFSET (G_GINT64_CONSTANT (1) << 30)

typedef enum {
  PN_PAGE_MESSAGE_READY,        /* href, title, words: the page is laid out */
  PN_PAGE_MESSAGE_POSITION,     /* anchor (nullable), fraction, words-left */
  PN_PAGE_MESSAGE_FOOTNOTE,     /* id, label, text, runs, rect */
  PN_PAGE_MESSAGE_CITATION,     /* id, rect */
  PN_PAGE_MESSAGE_EXTERNAL,     /* href: a user's click on an external link */
  PN_PAGE_MESSAGE_GLOSSARY,     /* id, rect (reserved for the glossary) */
  PN_PAGE_MESSAGE_JUMP,         /* anchor, fraction: the place left by an in-page jump */
  PN_PAGE_MESSAGE_FOCUS_LEAVE,  /* forward: Tab went past the last (first) link */
  PN_PAGE_MESSAGE_SELECTION,    /* text, rect, start, end, clipped: the reader selected words ("" and no
                                 * rect: none any more) */
  PN_PAGE_MESSAGE_ANNOTATION,   /* id, rect: the reader opened a highlight (a click, or Enter on it) */
  PN_PAGE_MESSAGE_TEACHER_NOTE, /* id, rect: the reader opened one of the teacher's notes (the same ways) */
  PN_PAGE_MESSAGE_N_TYPES
} PnPageMessageType;

/* Style flags of a footnote run */
typedef enum {
  PN_PAGE_RUN_ITALIC = 1 << 0,
  PN_PAGE_RUN_BOLD   = 1 << 1,
  PN_PAGE_RUN_CODE   = 1 << 2,
} PnPageRunFlags;

typedef struct {
  char *text;
  PnPageRunFlags flags;
  char *source_id;    /* the source it cites, or NULL */
} PnPageRun;

typedef struct {
  double x, y, width, height;   /* viewport CSS pixels */
} PnPageRect;

typedef struct {
  PnPageMessageType type;
  char *href;          /* READY, EXTERNAL */
  char *title;         /* READY (may be NULL) */
  char *id;            /* FOOTNOTE, CITATION, GLOSSARY, ANNOTATION, TEACHER_NOTE */
  char *label;         /* FOOTNOTE (may be NULL) */
  char *text;          /* FOOTNOTE, SELECTION */
  GPtrArray *runs;     /* FOOTNOTE, of PnPageRun; NULL when absent or malformed */
  char *anchor;        /* POSITION, JUMP (may be NULL) */
  double fraction;     /* POSITION, JUMP: 0 to 1 */
  guint words;         /* READY: words in the text; POSITION: words below the view's top */
  gboolean forward;    /* FOCUS_LEAVE */
  PnPageRect rect;     /* FOOTNOTE, CITATION, GLOSSARY, SELECTION (zero when the text is empty), ANNOTATION,
                        * TEACHER_NOTE */
  gint64 start;        /* SELECTION: the words' code point offsets in the page text, [start, end); */
  gint64 end;          /*   -1 both when the page did not place them (or the text is empty) */
  gboolean clipped;    /* SELECTION: the text is the first PN_PAGE_MESSAGE_MAX_SELECTION characters of more */
} PnPageMessage;

#define PN_PAGE_MESSAGE_ERROR (pn_page_message_error_quark ())
GQuark         pn_page_message_error_quark  (void);

typedef enum {
  PN_PAGE_MESSAGE_ERROR_MALFORMED,   /* not a JSON object, too large, bad member */
  PN_PAGE_MESSAGE_ERROR_VERSION,     /* another protocol version */
  PN_PAGE_MESSAGE_ERROR_UNKNOWN,     /* no such message type */
} PnPageMessageError;

PnPageMessage *pn_page_message_parse        (const char *json,
                                             gssize      length,
                                             GError    **error);
void           pn_page_message_free         (PnPageMessage *message);
const char    *pn_page_message_type_to_string (PnPageMessageType type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnPageMessage, pn_page_message_free)

G_END_DECLS
