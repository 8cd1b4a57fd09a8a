/* pn-json-read.h: reading the values of a pack's JSON file as the loaders
 * expect them, each problem reported where the value was written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-json.h"

G_BEGIN_DECLS

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
/* The required string member @key that must hold more than white space, or
 * NULL (reported). */
char       *pn_json_file_dup_text      (PnJsonFile  *self,
                                        GPtrArray   *diagnostics,
                                        JsonNode    *object,
                                        const char  *path,
                                        const char  *key);
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

G_END_DECLS
