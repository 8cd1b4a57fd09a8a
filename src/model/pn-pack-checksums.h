/* pn-pack-checksums.h: the SHA-256 of each file that pack.json may list
 * ("checksums": { "textes/a.md": "hex", … }), read and verified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pn-json.h"

G_BEGIN_DECLS

typedef struct _PnPack PnPack;

typedef struct {
  char *path;      /* relative to the pack root, as pack.json writes it */
  char *sha256;    /* 64 lowercase hexadecimal digits */
  int line;        /* of the value in pack.json */
  int column;
} PnPackChecksum;

void        pn_pack_checksum_free    (PnPackChecksum *checksum);

/* The checksums object @node of the manifest @json (of PnPackChecksum, in
 * the order written); each problem of form is appended to @diagnostics. */
GPtrArray  *pn_pack_checksums_parse  (PnJsonFile *json,
                                      JsonNode   *node,
                                      GPtrArray  *diagnostics);

/* An error in pack.json for each file listed whose SHA-256 differs or that
 * cannot be read; when the pack lists checksums, a warning for each file of
 * the pack folder it does not list. Nothing when the pack lists none. */
void        pn_pack_checksums_verify (PnPack     *pack,
                                      const char *manifest_name,
                                      GPtrArray  *diagnostics);

/* The SHA-256 of @file (lowercase hexadecimal), or NULL with @error. */
char       *pn_pack_checksums_compute (GFile     *file,
                                       GError   **error);

G_END_DECLS
