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
/* Same, with at most @max_values values (see pn-json-scan.h) instead of
 * what a pack file may hold. */
PnJsonFile *pn_json_file_load_data_full (const char  *data,
                                         gsize        length,
                                         const char  *name,
                                         guint        max_values,
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnJsonFile, pn_json_file_free)

G_END_DECLS

/* Reading its values */
#include "pn-json-read.h"
