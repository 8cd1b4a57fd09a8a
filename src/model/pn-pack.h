/* pn-pack.h: a course pack (format 1): manifest, documents, sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PN_PACK_FORMAT_VERSION 1
/* Largest document, sources, glossary or quiz file the loader reads. */
#define PN_PACK_MAX_FILE_SIZE (8 * 1024 * 1024)
/* Most documents in a pack, and most text in all its documents together. */
#define PN_PACK_MAX_DOCUMENTS 500
#define PN_PACK_MAX_TEXT_SIZE (32 * 1024 * 1024)
/* Most entries in the sources file. */
#define PN_PACK_MAX_SOURCES 2000
/* Most quiz files. */
#define PN_PACK_MAX_QUIZZES 500
/* Most authors of the pack or of one document, and affiliations of one person:
 * each document's header lists them all. */
#define PN_PACK_MAX_AUTHORS 50
#define PN_PACK_MAX_AFFILIATIONS 8

#define PN_PACK_ERROR (pn_pack_error_quark ())
typedef enum {
  PN_PACK_ERROR_NOT_FOUND,    /* no folder / no pack.json */
  PN_PACK_ERROR_UNREADABLE,   /* cannot be read, too large, not UTF-8 */
  PN_PACK_ERROR_INVALID,      /* pack.json does not parse or is not a pack manifest */
} PnPackError;
GQuark pn_pack_error_quark (void);

/* A person: a pack or document author, or a source's creator. */
typedef struct {
  char *name;            /* display name, e.g. "Pablo Rauzy" */
  char *email;           /* nullable */
  char **affiliations;   /* NULL-terminated, never NULL */
} PnPerson;
void pn_person_free (PnPerson *person);

/* A source from the pack's CSL-JSON file. Fields are NULL when absent.
 * A field listed in `unconfirmed` is shown as unknown, never guessed. */
typedef struct {
  char *id;
  char *type;              /* CSL type: "article-newspaper", "book", "webpage", ... */
  char *title;
  char **authors;          /* display names, NULL-terminated, never NULL */
  char *container_title;   /* journal, newspaper, blog, site */
  char *publisher;
  char *publisher_place;
  char *issued;            /* "2025", "2025-10", "2025-10-03", or NULL */
  char *url;               /* http(s) only; anything else is dropped with a warning */
  char *abstract;          /* our summary of the work */
  char *note;              /* free text, e.g. what stays unconfirmed */
  char *language;
  char **unconfirmed;      /* CSL variable names whose value is unknown, NULL-terminated, never NULL */
  int line;                /* line of the entry in the sources file */
} PnSource;
void      pn_source_free              (PnSource *source);
gboolean  pn_source_is_unconfirmed    (const PnSource *source, const char *field);
/* The entry as a reference, in Pango markup (also valid HTML: only <i> and escaped text).
 * Unknown fields read "date unknown" etc. (translated). */
char     *pn_source_format_markup     (const PnSource *source);

typedef enum {
  PN_SOURCE_FORMAT_DEFAULT = 0,
  PN_SOURCE_FORMAT_NO_URL  = 1 << 0,   /* the address is shown apart (a link): leave it out */
} PnSourceFormatFlags;

/* The same, with the words for what is unknown in @language, the language of
 * the text the reference stands in (the pack's): French and English have their
 * own; any other language, or NULL, gets the interface's (translated) words. */
char     *pn_source_format_reference  (const PnSource     *source,
                                       const char         *language,
                                       PnSourceFormatFlags flags);

#define PN_TYPE_DOCUMENT (pn_document_get_type ())
G_DECLARE_FINAL_TYPE (PnDocument, pn_document, PN, DOCUMENT, GObject)

const char *pn_document_get_id        (PnDocument *self);
const char *pn_document_get_title     (PnDocument *self);
const char *pn_document_get_file      (PnDocument *self);  /* relative to the pack root */
const char *pn_document_get_language  (PnDocument *self);  /* the pack's when not set */
GPtrArray  *pn_document_get_authors   (PnDocument *self);  /* of PnPerson, never NULL */
/* The Markdown text, valid UTF-8; NULL when the file could not be read
 * (the problem is among the pack's diagnostics). */
const char *pn_document_get_markdown  (PnDocument *self);
/* Why the Markdown is NULL, as "file:line:column: message"; NULL when it was read. */
const char *pn_document_get_problem   (PnDocument *self);

#define PN_TYPE_PACK (pn_pack_get_type ())
G_DECLARE_FINAL_TYPE (PnPack, pn_pack, PN, PACK, GObject)

/* Loads the pack folder at @location (a folder holding pack.json, or pack.json itself).
 * Returns NULL and sets @error only when nothing can be shown (no manifest, or a manifest
 * that does not parse); the message names the file and line.
 * Otherwise returns the pack with everything that could be read; each problem is appended
 * to @diagnostics (a GPtrArray of PnDiagnostic from pn_diagnostics_new(), may be NULL). */
PnPack     *pn_pack_load              (GFile       *location,
                                       GPtrArray   *diagnostics,
                                       GError     **error);

GFile      *pn_pack_get_root          (PnPack *self);
const char *pn_pack_get_id            (PnPack *self);
const char *pn_pack_get_version       (PnPack *self);
const char *pn_pack_get_title         (PnPack *self);
const char *pn_pack_get_language      (PnPack *self);
const char *pn_pack_get_license       (PnPack *self);     /* NULL: unknown */
const char *pn_pack_get_description   (PnPack *self);
GPtrArray  *pn_pack_get_authors       (PnPack *self);     /* of PnPerson */
GPtrArray  *pn_pack_get_documents     (PnPack *self);     /* of PnDocument, in reading order */
PnDocument *pn_pack_get_document      (PnPack *self, const char *id);
GPtrArray  *pn_pack_get_sources       (PnPack *self);     /* of PnSource, in file order */
const PnSource *pn_pack_get_source    (PnPack *self, const char *id);
const char *pn_pack_get_glossary_file (PnPack *self);     /* reserved; NULL when absent */
const char * const *pn_pack_get_quiz_files (PnPack *self); /* reserved; never NULL */
/* Resolves a path relative to the pack root; NULL if it escapes the root
 * (absolute, "..", symlink out of the pack). */
GFile      *pn_pack_resolve           (PnPack *self, const char *relative_path);

G_END_DECLS
