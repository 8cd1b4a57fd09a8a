/* pn-pack-private.h: what the pack, its manifest reader, its documents and
 * its people share inside the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-json.h"
#include "pn-glossary.h"
#include "pn-pack.h"

G_BEGIN_DECLS

/* The fields of a pack and of its documents: the manifest reader fills them in. */
struct _PnDocument {
  GObject parent_instance;

  char *id;
  char *title;
  char *file;
  char *language;
  GPtrArray *authors;
  char *markdown;
  char *problem;     /* why the file could not be read, "pack.json:15:64: …" */
};

struct _PnPack {
  GObject parent_instance;

  GFile *root;
  char *root_path;          /* canonical, symbolic links resolved */
  char *id;
  char *version;
  char *title;
  char *language;
  char *license;
  char *description;
  GPtrArray *authors;       /* of PnPerson */
  GPtrArray *documents;     /* of PnDocument */
  GPtrArray *sources;       /* of PnSource */
  GHashTable *source_index; /* id -> PnSource, borrowed from sources */
  char *glossary_file;
  PnGlossary *glossary;     /* NULL when the pack has none or it could not be read */
  GStrv quiz_files;
  GPtrArray *quizzes;       /* of PnQuiz, in manifest order */
  GPtrArray *checksums;     /* of PnPackChecksum, or NULL when pack.json lists none */
  char *annotations_file;   /* the teacher's notes (pn-pack-annotations.c), or NULL */
  GPtrArray *teacher_notes; /* of PnAnnotation, those that could be read; never NULL */
  GHashTable *teacher_places; /* annotation id -> where it starts in annotations_file (PnAnnotationPlace) */
};

typedef enum {
  PN_PATH_OK,
  PN_PATH_EMPTY,
  PN_PATH_ABSOLUTE,
  PN_PATH_BACKSLASH,
  PN_PATH_PARENT,
} PnPathProblem;

/* Whether @path, as written in a manifest, is a relative path that stays
 * inside the pack folder (symbolic links aside: pn_pack_resolve() sees them). */
PnPathProblem pn_pack_check_path (const char *path);

/* Makes @diagnostics (referenced) those of the PN_PACK_ERROR @error. */
void pn_pack_error_set_diagnostics (GError    *error,
                                    GPtrArray *diagnostics);

/* The people of the array @node (at @path), at most PN_PACK_MAX_AUTHORS;
 * each problem is appended to @diagnostics. Never NULL. */
GPtrArray *pn_person_parse_list (PnJsonFile *json,
                                 GPtrArray  *diagnostics,
                                 JsonNode   *node,
                                 const char *path);

/* The CSL-JSON item @node (at @path in @json) as a source, or NULL when it
 * has no usable id. Each problem is appended to @diagnostics. */
PnSource *pn_source_parse (PnJsonFile *json,
                           JsonNode   *node,
                           const char *path,
                           GPtrArray  *diagnostics);

/* Reads the teacher's notes of @data (taken; NULL when the file could not be
 * read, already reported), the file @file that pack.json names at @node of
 * @manifest (pn-pack-annotations.c); each problem is appended to
 * @diagnostics. Called once the documents are read. */
void pn_pack_read_teacher_notes (PnPack     *pack,
                                 PnJsonFile *manifest,
                                 JsonNode   *node,
                                 const char *file,
                                 char       *data,
                                 GPtrArray  *diagnostics);

G_END_DECLS
