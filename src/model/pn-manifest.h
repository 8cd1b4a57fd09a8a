/* pn-manifest.h: reading pack.json into a pack (internal to the model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-json.h"
#include "pn-pack.h"

G_BEGIN_DECLS

/* Fills @pack (made by pn_pack_load(), its root set) from the manifest @json,
 * reading the documents, sources, glossary and quiz files it names. Each
 * problem is appended to @diagnostics. Returns the index in @diagnostics of the
 * problem that keeps the pack from loading (unsupported format, no usable id,
 * not an object), or -1. */
int pn_manifest_read (PnPack     *pack,
                      PnJsonFile *json,
                      GPtrArray  *diagnostics);

/* pack.json's "cover" (pn-manifest-cover.c): a warning in @diagnostics when
 * it is not an image file of the pack. */
void     pn_manifest_check_cover   (PnPack     *pack,
                                    PnJsonFile *json,
                                    JsonNode   *root,
                                    GPtrArray  *diagnostics);
/* Whether @path names an image the library shows as a cover (by its extension). */
gboolean pn_manifest_is_cover_name (const char *path);

G_END_DECLS
