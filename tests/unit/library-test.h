/* library-test.h: course packs written by the library's tests, as folders
 * and as .prisonnum files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A pack written by a test: documents, glossary entries and quiz questions
 * as "id|title|text" (documents), "id|term|definition" (entries),
 * "id|text" (questions: single choice, the first of two answers right). */
typedef struct {
  const char *id;
  const char *version;       /* NULL: none */
  const char *author;
  const char * const *documents;
  const char * const *entries;   /* NULL: no glossary */
  const char * const *questions; /* NULL: no quiz */
  const char *extra;         /* more members of pack.json (",\n  \"x\": 1"), or NULL */
  const char *cover;         /* written as a small file and named as "cover", or NULL */
} LibraryTestPack;

/* Writes @pack as a folder @name under @dir; returns its path. */
char *library_test_write_pack    (const char            *dir,
                                  const char            *name,
                                  const LibraryTestPack *pack);
/* Writes @pack as a folder then its archive @name.prisonnum under @dir;
 * returns the archive's path. */
char *library_test_write_archive (const char            *dir,
                                  const char            *name,
                                  const LibraryTestPack *pack);
/* The names in @dir (sorted, joined by " "), "" when it is empty or missing. */
char *library_test_list_dir      (const char            *dir);

G_END_DECLS
