/* pn-pack.h: a course pack (format 1): manifest, documents, sources
 *
 * Its documents, people and sources have their own headers, included here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pn-document.h"
#include "pn-glossary.h"
#include "pn-person.h"
#include "pn-quiz.h"
#include "pn-source.h"

G_BEGIN_DECLS

#define PN_PACK_FORMAT_VERSION 1
/* Largest document, sources, glossary or quiz file the loader reads. */
#define PN_PACK_MAX_FILE_SIZE (8 * 1024 * 1024)
/* Most documents in a pack, and most text in all its documents together. */
#define PN_PACK_MAX_DOCUMENTS 500
#define PN_PACK_MAX_TEXT_SIZE (32 * 1024 * 1024)
/* Most entries in the sources file. */
#define PN_PACK_MAX_SOURCES 2000
/* Most quiz files, and most bytes in all of them. */
#define PN_PACK_MAX_QUIZZES 500
#define PN_PACK_MAX_QUIZ_SIZE (32 * 1024 * 1024)
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
/* For an error of pn_pack_check_run(): the other problems found in the pack
 * before loading stopped (of PnDiagnostic, in file and line order), or NULL. */
GPtrArray *pn_pack_error_get_diagnostics (const GError *error);

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
const char *pn_pack_get_glossary_file (PnPack *self);     /* NULL when absent */
/* The entries of the glossary file that could be read; NULL without a glossary. */
PnGlossary *pn_pack_get_glossary      (PnPack *self);
/* The quiz files that could be read (JSON or GIFT), as the manifest names them; never NULL. */
const char * const *pn_pack_get_quiz_files (PnPack *self);
/* Of PnQuiz, in manifest order: the quizzes that could be read (each without
 * the questions that could not). Never NULL. */
GPtrArray  *pn_pack_get_quizzes       (PnPack *self);
PnQuiz     *pn_pack_get_quiz          (PnPack *self, const char *id);
/* Of PnPackChecksum (pn-pack-checksums.h): the SHA-256 of files that
 * pack.json lists under "checksums", or NULL when it lists none. */
GPtrArray  *pn_pack_get_checksums     (PnPack *self);
/* Resolves a path relative to the pack root; NULL if it escapes the root
 * (absolute, "..", symlink out of the pack). */
GFile      *pn_pack_resolve           (PnPack *self, const char *relative_path);

G_END_DECLS
