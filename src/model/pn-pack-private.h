/* pn-pack-private.h: what the pack loader shares with the rest of the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pn-json.h"
#include "pn-pack.h"

G_BEGIN_DECLS

/* The CSL-JSON item @node (at @path in @json) as a source, or NULL when it
 * has no usable id. Each problem is appended to @diagnostics. */
PnSource *pn_source_parse (PnJsonFile *json,
                           JsonNode   *node,
                           const char *path,
                           GPtrArray  *diagnostics);

G_END_DECLS
