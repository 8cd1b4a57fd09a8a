/* pn-json.h: a JSON file that remembers where each value was written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pn-diagnostic.h"

G_BEGIN_DECLS

typedef struct _PnJsonFile PnJsonFile;

/* Loads @file (named @name in diagnostics, e.g. "pack.json") with the size
 * limit, UTF-8 check and JSON parse. Returns NULL when it cannot be used and
 * appends the reason, with its line and column, to @diagnostics as an error.
 * Duplicate keys are appended as warnings. When the file cannot be read as a
 * whole (missing, too large, not UTF-8) and @file_problem is not NULL, that
 * problem goes to @file_problem instead, for the caller to place. */
PnJsonFile *pn_json_file_load          (GFile         *file,
                                        const char    *name,
                                        gsize          max_size,
                                        GPtrArray     *diagnostics,
                                        PnDiagnostic **file_problem);
/* Same, from text already in memory (which must be valid UTF-8). */
PnJsonFile *pn_json_file_load_data     (const char  *data,
                                        gsize        length,
                                        const char  *name,
                                        GPtrArray   *diagnostics);
void        pn_json_file_free          (PnJsonFile  *self);

JsonNode   *pn_json_file_get_root      (PnJsonFile  *self);
const char *pn_json_file_get_name      (PnJsonFile  *self);
/* Where @node (from this file's tree) starts; 1-based; 0 when unknown. */
void        pn_json_file_get_position  (PnJsonFile  *self,
                                        JsonNode    *node,
                                        int         *line,
                                        int         *column);
int         pn_json_file_get_line      (PnJsonFile  *self,
                                        JsonNode    *node);
/* Appends a diagnostic located at @node (the whole file when @node is NULL). */
void        pn_json_file_report        (PnJsonFile  *self,
                                        GPtrArray   *diagnostics,
                                        PnSeverity   severity,
                                        JsonNode    *node,
                                        const char  *format,
                                        ...) G_GNUC_PRINTF (5, 6);

typedef enum {
  PN_JSON_OBJECT,
  PN_JSON_ARRAY,
  PN_JSON_STRING,
  PN_JSON_INTEGER,
  PN_JSON_NUMBER,
  PN_JSON_BOOLEAN,
} PnJsonKind;

/* Paths as messages show them: "documents", "documents[0]", "documents[0].id" */
char       *pn_json_path_member        (const char  *path,
                                        const char  *key);
char       *pn_json_path_element       (const char  *path,
                                        guint        index);

/* TRUE when @node holds @kind; otherwise reports "PATH must be a string, not a number". */
gboolean    pn_json_file_check_type    (PnJsonFile  *self,
                                        GPtrArray   *diagnostics,
                                        JsonNode    *node,
                                        const char  *path,
                                        PnJsonKind   kind);
/* The member @key of @object (at @path), reporting it when required and missing. */
JsonNode   *pn_json_file_get_member    (PnJsonFile  *self,
                                        GPtrArray   *diagnostics,
                                        JsonNode    *object,
                                        const char  *path,
                                        const char  *key,
                                        gboolean     required);
/* The string member @key, or NULL (reported when required and missing, or not a string). */
char       *pn_json_file_dup_string    (PnJsonFile  *self,
                                        GPtrArray   *diagnostics,
                                        JsonNode    *object,
                                        const char  *path,
                                        const char  *key,
                                        gboolean     required);
/* TRUE while @index is below @max (0: no limit) in the array @node at @path;
 * at @max, reports that element and the rest as left out, and returns FALSE. */
gboolean    pn_json_file_check_count   (PnJsonFile  *self,
                                        GPtrArray   *diagnostics,
                                        JsonNode    *array,
                                        const char  *path,
                                        guint        index,
                                        guint        max);
/* The strings of the array @node (at @path), at most @max (0: no limit);
 * each element that is not a string is reported and left out. Never NULL:
 * empty when @node is not an array (reported). */
GStrv       pn_json_file_dup_string_array (PnJsonFile *self,
                                           GPtrArray  *diagnostics,
                                           JsonNode   *node,
                                           const char *path,
                                           guint       max);
/* A warning for each member of @object whose key is not in @known. */
void        pn_json_file_warn_unknown_keys (PnJsonFile         *self,
                                            GPtrArray          *diagnostics,
                                            JsonNode           *object,
                                            const char         *path,
                                            const char * const *known);

/* "a string", "a number", "an object", "null"... for type messages (translated) */
const char *pn_json_describe_type      (JsonNode    *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnJsonFile, pn_json_file_free)

G_END_DECLS
